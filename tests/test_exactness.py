"""The completion oracle: an answer is decided exactly when every completion of its unknown
facts gives it, and ``missing`` names exactly the facts whose value matters.

For each engine, a property takes a query with an unknown fact, answers every completion of
it, and checks the engine's three-valued answer against them:

* ``holds`` is True (False) only if every completion gives True (False); it is None if the
  completions disagree or one of them is itself undetermined (the record leaves it open);
* the unknown fact is named in ``missing`` exactly when its completions do not all agree.

The completions are sampled as the rules can tell them apart, which makes the sample
exhaustive: see each property.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

import icclaw
from icclaw import Crime, Event
from icclaw import strategies as ist
from icclaw.icc.facts import DeclarationKind

if TYPE_CHECKING:
    from icclaw.ihl.facts import Intensity, Organisation

REC = icclaw.load()
CODES = tuple(s.code for s in REC.states if s.ended is None)


def _facts_of(code: str) -> tuple[object, ...]:
    """Every fact of the record the jurisdiction engine reads about one state.

    Its acts on the Rome Statute and its amendments (as replayed histories), its declarations
    (arts. 12(3), 124, 15bis(4)), the Council texts and the Court's situations that name it.
    Two states with the same facts get the same answer in every query where they stand in the
    same place: the engine reads nothing else of a state (its code is compared only with these
    facts' codes).
    """
    histories = tuple(
        tuple(
            (t.day, t.status, t.cause.kind, t.cause.date)
            for t in REC.history(code, slug).transitions
        )
        for slug in sorted(REC.treaty_slugs)
        if REC.treaty(slug).group is not None and REC.treaty(slug).group.value == "icc"
    )
    declarations = tuple(
        attrs.astuple(
            d, recurse=False, filter=lambda a, _v: a.name not in ("source", "note", "state")
        )
        for kind in DeclarationKind
        for d in REC.declarations_of(code, kind)
    )
    council = tuple(
        r.label
        for r in REC.resolutions
        if code in (*r.territory, *r.cooperation, *r.yes, *r.no, *r.abstain)
    )
    situations = tuple(s.slug for s in REC.situations if code in (*s.territory, *s.referred_by))
    return (histories, declarations, council, situations, REC.state(code).ended)


def _classes() -> tuple[str, ...]:
    """One state for each set of facts (see :func:`_facts_of`)."""
    seen: dict[tuple[object, ...], str] = {}
    for code in CODES:
        seen.setdefault(_facts_of(code), code)
    return tuple(seen.values())


REPRESENTATIVES = _classes()


def _oracle(answers: set[bool | None]) -> bool | None:
    return answers.pop() if len(answers) == 1 else None


UNKNOWN_FACTS = ("territory", "nationality", "aggressor", "area")
AREAS = tuple(
    sorted(
        {a for a in (*(r.area for r in REC.resolutions), *(s.area for s in REC.situations)) if a}
    )
)
OUTSIDE = "an area no referral or situation names"


@given(
    ist.events(
        CODES, min_date="2001-01-01", max_date="2026-06-30", nationality_known=True, areas=AREAS
    ),
    ist.triggers(("ARG", "LTU", "UKR", "COD", "PSE"), ("1593", "1970")),
    st.sampled_from(UNKNOWN_FACTS),
    ist.dates("2002-07-01", "2026-06-30"),
)
def test_a_jurisdiction_answer_is_decided_exactly_when_every_completion_decides_it(
    event: Event, trigger: icclaw.ProprioMotu, unknown: str, on: object
) -> None:
    """Leave one fact of an event unknown (the territory, the nationality, the aggressor or the
    named area): the answer holds (or not) exactly when it does for every value that could fill
    it in — every state (and, for the nationality, a stateless accused); for the area, each area
    a referral or situation of the record names and one that none names — and names the fact
    exactly when they disagree.

    The completions are one state of each class of states the record gives the same facts
    (:func:`_facts_of`): the engine cannot tell two states of a class apart, so one stands for
    all. A territory is completed with one state: the rules are monotone in the territorial
    states (one link suffices; one art. 124 declarant excludes), so a territory of several
    states gives yes only if one of them does alone, and no only if each does.
    """
    assume(unknown != "aggressor" or event.crime is Crime.AGGRESSION)
    assume(unknown != "territory" or event.area is None)
    open_event = attrs.evolve(event, **{unknown: None})
    finding = REC.jurisdiction(open_event, trigger, on)
    fills: list[object] = [(code,) if unknown != "aggressor" else code for code in REPRESENTATIVES]
    if unknown == "area":  # the engine compares an area only with those the record names
        fills = [*AREAS, OUTSIDE]
    if unknown == "nationality":
        fills.append(())
    answers = {
        REC.jurisdiction(attrs.evolve(event, **{unknown: fill}), trigger, on).holds
        for fill in fills
    }
    expected = _oracle(set(answers))
    assert finding.holds == expected, (open_event, trigger, on, answers, finding.missing)
    named = f"event.{unknown}" in finding.missing
    assert named == (len(answers) > 1), (open_event, trigger, on, answers, finding.missing)


LEAVING = (
    icclaw.ActionKind.WITHDRAWAL,
    icclaw.ActionKind.INSTRUMENT_WITHDRAWAL,
    icclaw.ActionKind.SIGNATURE_WITHDRAWAL,
)


@given(ist.records(min_states=2, max_states=4), st.data())
def test_a_partial_record_decides_exactly_what_no_missing_consent_could_change(
    record: icclaw.Record, data: st.DataObject
) -> None:
    """Hide the later acts of each state of a lawful record (all of them, for some) and mark
    the record partial: the acts it may lack are acts by which a state joins (the record's
    convention: a status only a leaving act could end holds until the record shows one).

    * Sound: wherever the partial record decides whether a state is bound, the full history
      (one completion) agrees.
    * Exact: wherever it leaves it open, a completion that binds the state exists — the
      recorded acts and a revocation, the day after the last of them, of a withdrawal then still
      pending; or else an accession the day after the last of them, once its status allows one
      (for a state with none, a succession in force from the treaty's entry into force) — while
      the partial record's own acts, a completion too, leave it unbound.
    """
    treaty = record.treaties[0]
    assume(treaty.entry_into_force is not None)
    kept: list[icclaw.Action] = []
    for state in record.states:
        acts = record.actions_of(state.code, treaty)
        n = data.draw(st.integers(0, len(acts)))
        if any(a.kind in LEAVING for a in acts[n:]):
            n = len(acts)  # a leaving act is never missing: keep the whole history
        kept += acts[:n]
    partial = attrs.evolve(
        record, treaties=[attrs.evolve(treaty, partial=True)], actions=kept, origin="<what-if>"
    )
    for state in record.states:
        day = data.draw(ist.dates(treaty.adopted, record.as_of))
        finding = partial.is_bound(state.code, treaty, day)
        full = record.history(state.code, treaty).status_on(day) in icclaw.status.BOUND
        if finding.holds is not None:
            assert finding.holds == full, (state.code, day)
            continue
        own = partial.history(state.code, treaty).status_on(day) in icclaw.status.BOUND
        assert not own
        recorded = [a.date for a in partial.actions_of(state.code, treaty) if a.date <= day]
        hist = partial.history(state.code, treaty)
        i = hist.index_on(day)
        since = hist.transitions[i].day if i >= 0 else treaty.adopted
        if (
            recorded
            and hist.status_on(day) is icclaw.TreatyStatus.WITHDRAWN
            and (max(recorded).add(days=1) < since)
        ):
            revoke = max(recorded).add(days=1)
            missing = icclaw.Action(
                state.code, treaty.slug, "withdrawal-revocation", revoke, ist.ASSUMED
            )
        elif recorded:
            join = max(max(recorded).add(days=1), since)
            missing = icclaw.Action(state.code, treaty.slug, "accession", join, ist.ASSUMED)
        else:  # a state with no act could have succeeded from the treaty's entry into force
            missing = icclaw.Action(
                state.code,
                treaty.slug,
                "succession",
                day,
                ist.ASSUMED,
                effective=treaty.entry_into_force,
            )
        witness = partial.with_action(missing)
        join = missing.date
        assert witness.history(state.code, treaty).status_on(day) in icclaw.status.BOUND, (
            state.code,
            day,
            join,
        )


# --- the bare status and the parties ---------------------------------------------------------

ALL_CODES = tuple(s.code for s in REC.states)
SLUGS = tuple(sorted(REC.treaty_slugs))
PARTIAL = attrs.evolve(  # every treaty's record held only in part (a what-if)
    REC,
    treaties=[attrs.evolve(t, partial=True, complete_until=None) for t in REC.treaties],
    origin="<what-if>",
)


@given(
    st.sampled_from(ALL_CODES),
    st.sampled_from(SLUGS),
    ist.dates("1860-01-01", "2026-06-30"),
    st.one_of(st.none(), ist.dates("1950-01-01", "2026-06-30")),
    st.sampled_from([REC, PARTIAL]),
)
def test_the_bare_status_is_the_value_its_explanation_gives(
    code: str, slug: str, on: object, known_on: object, record: icclaw.Record
) -> None:
    """``status`` is ``explain_status(...).value`` on every query of the embedded record, and of
    the same record held only in part (issue 9): ``None`` exactly where the explanation leaves
    the status open, and a decided status is bound exactly when the explanation holds. Before a
    treaty's adoption every state is certainly a non-signatory."""
    if known_on is not None and known_on < on:  # type: ignore[operator]
        on, known_on = known_on, on
    bare = record.status(code, slug, on, known_on=known_on)
    finding = record.explain_status(code, slug, on, known_on=known_on)
    assert bare == finding.value, (code, slug, on, known_on)
    if bare is not None:
        assert finding.holds == (bare in icclaw.status.BOUND)
    if finding.holds is None:
        assert bare is None
        assert finding.missing
    if on < REC.treaty(slug).adopted:  # type: ignore[operator]
        assert bare is icclaw.TreatyStatus.NON_SIGNATORY


@given(
    st.sampled_from(SLUGS), ist.dates("1860-01-01", "2026-06-30"), st.sampled_from([REC, PARTIAL])
)
def test_parties_and_undetermined_parties_partition_by_the_explained_answer(
    slug: str, on: object, record: icclaw.Record
) -> None:
    """Among the states that exist on the day, ``parties`` holds those whose explanation says
    bound, ``undetermined_parties`` those it leaves open; no state is in both, and every other
    state's explanation says not bound — checked on the whole of the two lists and a sample of
    the others. (A state that has ceased to exist is in neither: its explanation keeps its last
    status, qualified by its end.)"""
    bound = {s.code for s in record.parties(slug, on)}
    open_ = {s.code for s in record.undetermined_parties(slug, on)}
    assert not bound & open_
    for code in bound:
        assert record.explain_status(code, slug, on).holds is True, code
    for code in open_:
        finding = record.explain_status(code, slug, on)
        assert finding.holds is None, code
        assert finding.missing, code
    for code in ALL_CODES[::7]:
        if code not in bound | open_ and REC.state(code).exists_on(on):  # type: ignore[arg-type]
            assert record.explain_status(code, slug, on).holds is False, code


# --- classification ---------------------------------------------------------------------------

from icclaw.ihl import ArmedGroup, ControlLevel, Situation  # noqa: E402


def _replace(items: tuple[object, ...], i: int, new: object) -> list[object]:
    return [new if j == i else x for j, x in enumerate(items)]


def _open_names(indicators: Organisation | Intensity) -> tuple[str, ...]:
    """The unknown facts of a set of indicators: each unknown indicator, and the analyst's
    assessment where the indicators are not unanimous. The assessment is an override the
    analyst may give, not a fact left unknown: where every indicator is present (or absent)
    they decide the threshold without it (:func:`icclaw.ihl.classify.threshold`)."""
    values = [getattr(indicators, n) for n in indicators.INDICATORS]
    unanimous = all(v is True for v in values) or all(v is False for v in values)
    unknown = tuple(n for n in indicators.INDICATORS if getattr(indicators, n) is None)
    if indicators.asserted is None and not unanimous:
        return (*unknown, "asserted")
    return unknown


def _unknown_facts(situation: Situation) -> list[tuple[str, list[Situation]]]:
    """Every unknown fact of a situation, named as the engine names it, with its completions:
    each unknown indicator (and assessment, see :func:`_open_names`) true or false, each
    control of unknown degree every known level, ``concluded`` and
    ``effective_control`` true or false."""
    out: list[tuple[str, list[Situation]]] = []
    for i, actor in enumerate(situation.actors):
        if not isinstance(actor, ArmedGroup):
            continue
        org = actor.organisation
        for name in _open_names(org):
            fills = [
                attrs.evolve(
                    situation,
                    actors=_replace(
                        situation.actors,
                        i,
                        attrs.evolve(actor, organisation=attrs.evolve(org, **{name: v})),
                    ),
                )
                for v in (True, False)
            ]
            out.append((f"{actor.name}.organisation.{name}", fills))
    for i, h in enumerate(situation.hostilities):
        for name in _open_names(h.intensity):
            fills = [
                attrs.evolve(
                    situation,
                    hostilities=_replace(
                        situation.hostilities,
                        i,
                        attrs.evolve(h, intensity=attrs.evolve(h.intensity, **{name: v})),
                    ),
                )
                for v in (True, False)
            ]
            out.append((f"hostilities.intensity.{name}", fills))
        if h.concluded is None and h.period.end is not None and h.conclusion is None:
            fills = [
                attrs.evolve(
                    situation,
                    hostilities=_replace(situation.hostilities, i, attrs.evolve(h, concluded=v)),
                )
                for v in (True, False)
            ]
            out.append(("hostilities.concluded", fills))
    for i, c in enumerate(situation.controls):
        if c.level is ControlLevel.UNKNOWN:
            fills = [
                attrs.evolve(
                    situation, controls=_replace(situation.controls, i, attrs.evolve(c, level=v))
                )
                for v in ControlLevel
                if v is not ControlLevel.UNKNOWN
            ]
            out.append((f"control of {c.group} by {c.state}: level", fills))
    for i, o in enumerate(situation.occupations):
        if o.effective_control is None:
            fills = [
                attrs.evolve(
                    situation,
                    occupations=_replace(
                        situation.occupations, i, attrs.evolve(o, effective_control=v)
                    ),
                )
                for v in (True, False, "partial")
            ]
            out.append(("occupation.effective_control", fills))
    return out


def _by_pair(conflicts: tuple[icclaw.Conflict, ...]) -> dict[tuple[str, str], object]:
    """Each pair's answer: the kinds of armed conflict found for it (with their territory), or
    'open'; a pair with no armed conflict (answered so, or not answered) has the empty one."""
    out: dict[tuple[str, str], set[object]] = {}
    for c in conflicts:
        kinds = out.setdefault(c.parties, set())
        if c.kind is not icclaw.ConflictKind.NONE:  # "no armed conflict" is the empty answer
            kinds.add("open" if c.kind is None else (c.kind.value, c.territory))
    return {pair: ("open" if "open" in kinds else frozenset(kinds)) for pair, kinds in out.items()}


SITUATION_CODES = ("UKR", "RUS", "GEO", "COD", "SYR", "USA", "MAR")


@given(
    ist.situations(SITUATION_CODES, max_groups=2), ist.dates("2000-01-01", "2022-12-31"), st.data()
)
def test_a_classification_is_decided_exactly_when_every_completion_of_an_unknown_fact_decides_it(
    situation: Situation, on: object, data: st.DataObject
) -> None:
    """Complete one unknown fact of a situation every way it can go: for each pair, the
    engine's answer is decided (the same kinds) exactly when every completion gives that
    answer; where the completions differ, the pair's answer is open, and — where it is the
    situation's only unknown fact — names it (with several unknown, a fact matters if some
    joint completion turns on it, which one fact's completions alone cannot show).

    Each completion changes only that fact, so the sample is every situation the rules could
    meet with the other facts as given.
    """
    facts = _unknown_facts(situation)
    assume(facts)
    name, fills = data.draw(st.sampled_from(facts))
    answer = _by_pair(REC.classify(situation, on))
    completed = [_by_pair(REC.classify(fill, on)) for fill in fills]
    ambiguous = sum(1 for n, _ in facts if n == name) > 1
    for pair in set(answer) | {p for c in completed for p in c}:
        got = answer.get(pair, frozenset())
        outcomes = {c.get(pair, frozenset()) for c in completed}
        if got != "open":
            assert outcomes == {got}, (pair, name, got, outcomes)
        elif "open" not in outcomes and len(outcomes) == 1:
            raise AssertionError(
                f"{pair}: open, though every completion of {name} gives {outcomes}"
            )
        if got == "open" and not ambiguous and len(facts) == 1:
            conflicts = [
                c for c in REC.classify(situation, on) if c.parties == pair and c.kind is None
            ]
            named = any(name in c.finding.missing for c in conflicts)
            assert named == (len(outcomes) > 1), (pair, name, outcomes)
