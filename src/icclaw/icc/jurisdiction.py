"""The Rome Statute engine: may the Court exercise jurisdiction over an event, and why.

Checked the way the Court checks it (LAW.md section 4), one function per rule:

1. :func:`check_trigger` — arts. 13–15 (and Charter art. 27(3) for a Council referral);
2. :func:`check_subject_matter` — art. 5, with the amendment rule of art. 121(5);
3. :func:`check_temporal` — art. 11 (and the aggression floor of 17 July 2018);
4. :func:`check_preconditions` — art. 12(2)–(3), with art. 127(2) after a withdrawal; or, for
   a Council referral, the referral's scope;
5. :func:`check_age` — art. 26;
6. :func:`check_transitional` — art. 124;
7. :func:`check_aggression` — arts. 8bis, 15bis, 15ter;
8. :func:`check_deferral` — art. 16 (suspends; never denies);
9. admissibility (art. 17) is noted as not assessed.

Every check is evaluated. Checks that turn on days return the days they allow: for certain,
and possibly (were the missing facts known). The answer is yes for the days every check allows
for certain; undetermined when no day is certain but some are possible, naming the missing
facts; no when no day is possible.

The answer is computed on spans of days; the text that explains it (the question, the reasons,
the qualifiers) is built when the Finding is read. A check gives its reasons and qualifiers
either made, or as functions that make them (:data:`Why`, :data:`Note`), and
:func:`jurisdiction` composes them into the Finding's text only when that is read.
"""

from __future__ import annotations

import functools
import weakref
from typing import TYPE_CHECKING, NamedTuple, TypeAlias, TypeVar

import pendulum

from icclaw import status as treaty_law
from icclaw.dates import (
    ALL_DAYS,
    NO_DAYS,
    OPEN,
    Date,
    Spans,
    s_and,
    s_minus,
    s_norm,
    s_text,
    span,
    to_periods,
    to_spans,
    years_after,
)
from icclaw.errors import UnknownResolution
from icclaw.findings import Citation, Finding, FindingText, Reason, deferred
from icclaw.icc.amendments import AmendmentStart, amendment_start
from icclaw.icc.council import VoteOutcome, permanent_members, vote_outcome
from icclaw.icc.crimes import Crime
from icclaw.icc.facts import (
    CourtSituation,
    DeclarationKind,
    Event,
    ProprioMotu,
    Resolution,
    ResolutionKind,
    SecurityCouncilReferral,
    StateReferral,
    Trigger,
)
from icclaw.policy import (
    DEFAULT_POLICY,
    AggressionAcceptance,
    AggressionDeclarant,
    AmendmentReach,
    Policy,
    PostWithdrawal,
)
from icclaw.status import BOUND, TreatyStatus

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from icclaw.base import FactBase
    from icclaw.findings import Source

__all__ = [
    "ACTIVATION",
    "FLOOR",
    "AmendmentStart",
    "Check",
    "Note",
    "Query",
    "Why",
    "amendment_start",
    "check_age",
    "check_aggression",
    "check_deferral",
    "check_preconditions",
    "check_subject_matter",
    "check_temporal",
    "check_transitional",
    "check_trigger",
    "jurisdiction",
    "link_periods",
]

RS_SLUG = "rome-statute"
KAMPALA = "kampala-aggression-amendment"
RS = "Rome Statute"
FLOOR = pendulum.Date(2002, 7, 1)
"""Art. 11(1): no jurisdiction over conduct before the Statute's entry into force."""
ACTIVATION = pendulum.Date(2018, 7, 17)
"""Jurisdiction over aggression activated as of this day (ICC-ASP/16/Res.5, 14 Dec 2017)."""
EVER: Spans = ALL_DAYS
NEVER: Spans = NO_DAYS

_C = {
    "5": Citation(RS, "art. 5(1)"),
    "11(1)": Citation(RS, "art. 11(1)"),
    "11(2)": Citation(RS, "art. 11(2)"),
    "12(2)(a)": Citation(RS, "art. 12(2)(a)"),
    "12(2)(b)": Citation(RS, "art. 12(2)(b)"),
    "12(3)": Citation(RS, "art. 12(3)"),
    "13(a)": Citation(RS, "arts. 13(a), 14(1)"),
    "13(b)": Citation(RS, "art. 13(b)"),
    "13(c)": Citation(RS, "arts. 13(c), 15(3)–(4)"),
    "16": Citation(RS, "art. 16"),
    "17": Citation(RS, "art. 17"),
    "26": Citation(RS, "art. 26"),
    "121(5)": Citation(RS, "art. 121(5)"),
    "22(1), 121(5)": Citation(RS, "arts. 22(1), 121(5)"),
    "124": Citation(RS, "art. 124"),
    "127(2)": Citation(RS, "art. 127(2)"),
    "8bis": Citation(RS, "art. 8bis(1)"),
    "15bis(4)": Citation(RS, "art. 15bis(4)"),
    "15bis(5)": Citation(RS, "art. 15bis(5)"),
    "15ter": Citation(RS, "art. 15ter"),
    "27(3)": Citation("UN Charter", "art. 27(3)"),
    "ch7": Citation("UN Charter", "Chapter VII"),
}


class Query(NamedTuple):
    """One question put to the engine.

    Attributes:
        record: The record answering it.
        event: The conduct.
        trigger: How the Court is seized.
        on: The day the Court would act.
        known_on: Answer as the record stood on this day (``None``: the whole record).
        policy: The readings of contested law.
        days: The days of the conduct, as spans.
    """

    record: FactBase
    event: Event
    trigger: Trigger
    on: Date
    known_on: Date | None
    policy: Policy
    days: Spans


Why: TypeAlias = "Reason | Callable[[], tuple[Reason, ...]]"
"""One element of a check's reasons: a Reason, or a function making the Reasons it stands for
(called when the Finding's reasons are read; each call makes new Reasons)."""
Note: TypeAlias = "str | Callable[[], tuple[str, ...]]"
"""One element of a check's qualifiers: a text, or a function making the texts it stands for."""

_T = TypeVar("_T")


def _read(items: Iterable[_T | Callable[[], tuple[_T, ...]]]) -> list[_T]:
    """The reasons (or qualifiers) ``items`` stand for, made, in order."""
    out: list[_T] = []
    for item in items:
        if callable(item):
            out.extend(item())
        else:
            out.append(item)
    return out


def _query(fields: tuple[FactBase, Event, Trigger, Date, Date | None, Policy, Spans]) -> Query:
    """``Query(*fields)``, without the named tuple's handling of arguments (for hot loops)."""
    return _new_tuple(Query, fields)


_new_tuple = tuple.__new__


class Check(NamedTuple):
    """What one rule says about an event (a named tuple: the engine builds many).

    Attributes:
        certain: The days the rule allows jurisdiction over, on the facts given.
        possible: The days it might allow, were the missing facts known (contains ``certain``).
        reasons: Why, each with its provision and, for facts, their source; an element may be
            a function making its Reasons when read (:data:`Why`; see :meth:`explained`).
        missing: The facts that would turn ``possible`` days into certain ones, or rule them out.
        qualifiers: What limits the answer without changing it; an element may be a function
            making its texts when read (:data:`Note`).
    """

    certain: Spans
    possible: Spans
    reasons: tuple[Why, ...] = ()
    missing: tuple[str, ...] = ()
    qualifiers: tuple[Note, ...] = ()

    def explained(self) -> tuple[tuple[Reason, ...], tuple[str, ...]]:
        """The check's reasons and qualifiers, made."""
        return tuple(_read(self.reasons)), tuple(_read(self.qualifiers))


def _check(
    fields: tuple[Spans, Spans, tuple[Why, ...], tuple[str, ...], tuple[Note, ...]],
) -> Check:
    """``Check(*fields)``, likewise."""
    return _new_tuple(Check, fields)


_FLOOR_REASON = Reason(
    "the Court has jurisdiction only over conduct after the Statute entered into force on 2002-07-01",
    _C["11(1)"],
)
_ACTIVATION_REASON = Reason(
    "jurisdiction over aggression was activated as of 2018-07-17 (ICC-ASP/16/Res.5)", _C["8bis"]
)
_CRIME_REASONS = {
    crime: Reason(
        f"{crime.value} is a crime within the jurisdiction of the Court ({crime.article})", _C["5"]
    )
    for crime in Crime
}


def _allow(*reasons: Why, qualifiers: Sequence[Note] = ()) -> Check:
    return _check((EVER, EVER, reasons, (), tuple(qualifiers)))


NOT_CONCERNED = Check(EVER, EVER)
_PTC_QUESTION = "the question is the one the Pre-Trial Chamber asks — does the case appear to fall within the jurisdiction of the Court?"
_NOT_YET_SOUGHT = _allow(
    Reason(f"authorisation not yet sought: {_PTC_QUESTION}", _C["13(c)"]),
    qualifiers=["authorisation under art. 15(4) still required"],
)
_NARROW_REASON = Reason(
    "the aggression amendments must be in force for the aggressor, the victim state and the accused's state on the day of the act: the Court does not exercise jurisdiction over aggression by a national or on the territory of a State Party that has not accepted them (policy aggression_acceptance=narrow; ICC-ASP/16/Res.5 para. 2)",
    _C["121(5)"],
)
_AGE_UNKNOWN = Check(EVER, EVER, (), (), ("art. 26 not assessed: age unknown",))


@functools.cache
def _no_link(code: str) -> Reason:
    return Reason(
        f"{code}: neither a party nor an accepting state on any day of the conduct", _C["12(2)(a)"]
    )


_ORIGINAL_TEXT = {crime: _allow(reason) for crime, reason in _CRIME_REASONS.items()}
"""What a rule says about an event it does not concern: every day allowed, nothing to add."""


def _deny(*reasons: Why) -> Check:
    return _check((NEVER, NEVER, reasons, (), ()))


def _unknown(missing: Sequence[str], *reasons: Why) -> Check:
    return _check((NEVER, EVER, reasons, tuple(missing), ()))


def _has(record: FactBase, slug: str) -> bool:
    """Whether the record holds ``slug`` (cached per record)."""
    return record.cached(("has-treaty", slug), lambda: slug in record.treaty_slugs)


class _Tables:
    """What the checks look up for one question's record, ``on``, ``known_on`` and policy.

    Plain dicts filled on first use, each entry what a rule says of one state, resolution or
    trigger whatever the event: the record's cache holds one of these per (``on``,
    ``known_on``, policy), so a check pays one look-up in that cache, not one per state.
    """

    __slots__ = (
        "codes",
        "deferrals",
        "links",
        "opt_outs",
        "parties",
        "referrals",
        "scopes",
        "temporal",
        "transitional",
    )

    def __init__(self) -> None:
        self.codes: frozenset[str] | None = None
        self.links: dict[str, tuple[Link, Spans, Spans]] = {}
        self.parties: dict[str, tuple[Spans, Reason, Spans, Spans, Reason | None, bool]] = {}
        self.opt_outs: dict[str, tuple[tuple[Spans, Reason], ...]] = {}
        self.transitional: dict[tuple[str, str], tuple[Spans, list[Reason]]] = {}
        self.temporal: dict[tuple[str, bool], Check] = {}
        self.referrals: dict[object, Check] = {}
        self.scopes: dict[
            str, tuple[Resolution, Reason, tuple[str, ...], Check, frozenset[str]]
        ] = {}
        self.deferrals: tuple[tuple[Resolution, Date], ...] | None = None


def _tables(q: Query) -> _Tables:
    """The tables for ``q`` (the last ones used first: a screen asks many questions in a row)."""
    record, _event, _trigger, on, known_on, policy, _days = q
    last_record, last_on, last_known_on, last_policy, last = _LAST_TABLES[0]
    if (
        last_record() is record
        and last_policy is policy
        and last_on == on
        and last_known_on == known_on
    ):
        return last
    tables = record.cached(("jurisdiction-tables", on, known_on, policy), _Tables)
    _LAST_TABLES[0] = (weakref.ref(record), on, known_on, policy, tables)
    return tables


_LAST_TABLES: list[
    tuple[Callable[[], object], Date | None, Date | None, Policy | None, _Tables]
] = [(lambda: None, None, None, None, _Tables())]
"""The tables last used, with what they are for (the record held weakly)."""


# --- links: the days a state's acceptance covers --------------------------------------------


class Link(NamedTuple):
    """What a state's acceptance of jurisdiction covers, as the Court acting on a day counts it.

    Attributes:
        party: The days it was bound by the Statute, with no withdrawal in effect by that day.
        withdrawn: The days it was bound before a withdrawal that took effect by that day, each
            with the day the withdrawal took effect (art. 127(2) decides, event by event).
        territorial: The days an art. 12(3) acceptance covers crimes on its territory.
        national: The days an art. 12(3) acceptance covers crimes by its nationals.
        reasons: The facts and rules behind them.
        open_territorial: The days an acceptance would cover on its territory, were it lodged by
            the day the Court acts (its sources date the lodging on both sides of that day).
        open_national: The same for its nationals.
        open_missing: What would settle those days.
    """

    party: Spans
    withdrawn: tuple[tuple[tuple[int, int], Date], ...]
    territorial: Spans
    national: Spans
    reasons: tuple[Reason, ...]
    open_territorial: Spans = ()
    open_national: Spans = ()
    open_missing: tuple[str, ...] = ()


def link_periods(
    record: FactBase, code: str, on: Date, known_on: Date | None, policy: Policy
) -> Link:
    """What ``code`` supplies as a link under art. 12(2)–(3), for the Court acting on ``on``.

    A party's days run from entry into force for it (art. 11(2)); days before a withdrawal that
    took effect by ``on`` are set apart for art. 127(2); an art. 12(3) acceptance lodged by
    ``on`` adds the days it covers, for its territory, its nationals or both. Cached per record.
    """
    key = ("link", code, on, known_on, policy.intent_date)
    return record.cached(key, lambda: _link_periods(record, code, on, known_on, policy))


def _days(event: Event) -> Spans:
    """The days of the conduct, as spans (:func:`jurisdiction` makes them inline)."""
    return (span(event.date, event.until or event.date),)


def _in_force(record: FactBase, code: str, slug: str, known_on: Date | None) -> Spans:
    """The days ``slug`` bound ``code``, as spans (cached per record)."""
    return record.cached(
        ("in-force", code, slug, known_on),
        lambda: to_spans(treaty_law.in_force_periods(record, code, slug, known_on=known_on)),
    )


def _link_periods(
    record: FactBase, code: str, on: Date, known_on: Date | None, policy: Policy
) -> Link:
    reasons: list[Reason] = []
    name = record.state(code).name
    party: list[tuple[int, int]] = []
    withdrawn: list[tuple[tuple[int, int], Date]] = []
    territorial: list[tuple[int, int]] = []
    national: list[tuple[int, int]] = []
    open_t: list[tuple[int, int]] = []
    open_n: list[tuple[int, int]] = []
    open_missing: list[str] = []
    if RS_SLUG in record.treaty_slugs:
        hist = record.history(code, RS_SLUG, known_on=known_on, policy=policy)
        for bound in treaty_law.in_force_periods(record, code, RS_SLUG, known_on=known_on):
            days = span(bound.start, bound.end)
            start_reason = next((t.reason for t in hist.transitions if t.day == bound.start), None)
            until = "" if bound.end is None else f" to {bound.end}"
            source = start_reason.source if start_reason else None
            reasons.append(
                Reason(
                    f"{name} is bound by the Statute from {bound.start}{until}", _C["11(2)"], source
                )
            )
            if start_reason is not None and start_reason.source is None:
                reasons.append(start_reason)
            if bound.end is None or bound.end >= on:
                party.append(days)
            else:
                withdrawn.append((days, bound.end.add(days=1)))
    for d in record.declarations_of(code, DeclarationKind.ACCEPTANCE, known_on=known_on):
        covers = d.covers
        assert covers is not None
        if not d.given_effect:
            reasons.append(
                Reason(
                    f"{name}'s declaration lodged on {d.lodged} was not given effect",
                    _C["12(3)"],
                    d.source,
                )
            )
            continue
        lodged = d.lodged_by(on)
        if lodged is False:
            reasons.append(
                Reason(
                    f"{name}'s declaration lodged on {d.lodged} came after {on}",
                    _C["12(3)"],
                    d.source,
                )
            )
            continue
        scope = {
            "all": "crimes on its territory or by its nationals",
            "territory": "crimes on its territory",
            "nationals": "crimes by its nationals",
        }[d.scope]
        into_t, into_n = (territorial, national) if lodged else (open_t, open_n)
        if lodged is None:
            told = ", ".join(
                f"{a.date} by {a.source.title}" for a in d.alternatives if a.date is not None
            )
            text = (
                f"{name}'s declaration over {scope}, covering {covers}, is dated as lodged on "
                f"{d.lodged} by {d.source.title} and on {told}: whether it was lodged by {on} is open"
            )
            open_missing.append(
                f"record: the day {name}'s art. 12(3) declaration was lodged (sources disagree)"
            )
        else:
            text = f"{name} accepted the Court's jurisdiction over {scope} by a declaration lodged on {d.lodged}, covering {covers}"
        reasons.append(Reason(text, _C["12(3)"], d.source))
        if d.scope in ("all", "territory"):
            into_t.append(span(covers.start, covers.end))
        if d.scope in ("all", "nationals"):
            into_n.append(span(covers.start, covers.end))
    return Link(
        s_norm(party),
        tuple(withdrawn),
        s_norm(territorial),
        s_norm(national),
        tuple(reasons),
        s_norm(open_t),
        s_norm(open_n),
        tuple(open_missing),
    )


def under_consideration_since(situation: CourtSituation) -> Date | None:
    """The first day the matter was before the Prosecutor or the Court (art. 127(2)).

    A preliminary examination, a referral, a request for or a grant of authorisation.
    """
    s = situation
    days = [
        d
        for d in (
            s.preliminary_examination,
            s.referred_on,
            s.authorisation_requested,
            s.authorised,
            s.investigation_opened,
        )
        if d is not None
    ]
    return min(days) if days else None


def authorisation_sought_since(situation: CourtSituation) -> Date | None:
    """The first day an investigation was referred, requested or authorised."""
    s = situation
    days = [
        d
        for d in (s.referred_on, s.authorisation_requested, s.authorised, s.investigation_opened)
        if d is not None
    ]
    return min(days) if days else None


def _survives(
    q: Query, code: str, days: tuple[int, int], effective: Date
) -> tuple[bool | None, Why, str | None]:
    """Art. 127(2): does conduct while ``code`` was a party stay within jurisdiction?

    For this event, once the withdrawal took effect on ``effective``. Under the policy
    ``post_withdrawal``: always (crimes-while-party); if the matter — a situation covering the
    event — was under consideration before then; or if an investigation was referred, requested
    or authorised before then. Undetermined where the withdrawal took effect after the day the
    record is complete up to, and the record shows nothing; undetermined too where the territory
    is unknown and a situation in time covers only some territories. The third value names the
    fact that would settle an undetermined answer.
    """
    record, event, rule = q.record, q.event, q.policy.post_withdrawal

    def because(tail: str, source: Source | None = None) -> Why:
        def make() -> tuple[Reason, ...]:
            name = record.state(code).name
            head = f"{name} was a party until {pendulum.Date.fromordinal(days[1])}; its withdrawal took effect on {effective}"
            return (Reason(f"{head}{tail}", _C["127(2)"], source),)

        return make

    if rule is PostWithdrawal.CRIMES_WHILE_PARTY:
        return (
            True,
            because(
                ": conduct while it was a party stays within jurisdiction (policy post_withdrawal=crimes-while-party)"
            ),
            None,
        )
    territory = set(event.territory or ())
    for s in record.situations_concerning(code, known_on=q.known_on):
        if event.territory is not None and not territory & set(s.territory):
            continue
        if s.period is not None and not s_and(q.days, (span(s.period.start, s.period.end),)):
            continue
        since = (
            under_consideration_since(s)
            if rule is PostWithdrawal.MATTER_UNDER_CONSIDERATION
            else authorisation_sought_since(s)
        )
        if since is not None and since < effective:
            what = (
                "the matter was under consideration"
                if rule is PostWithdrawal.MATTER_UNDER_CONSIDERATION
                else "an investigation was referred, requested or authorised"
            )
            if event.territory is None:
                return (
                    None,
                    because(
                        f": {what} before then ({s.name}, {since}), but that situation covers only {', '.join(s.territory)} and the territory is unknown (policy post_withdrawal={rule.value})",
                        s.source,
                    ),
                    "event.territory",
                )
            return (
                True,
                because(
                    f": {what} before then ({s.name}, {since}) (policy post_withdrawal={rule.value})",
                    s.source,
                ),
                None,
            )
    if effective > record.as_of:
        return (
            None,
            because(
                f"; the record is complete only up to {record.as_of}, so whether the matter came before the Court in time is not known (policy post_withdrawal={rule.value})"
            ),
            f"record: the Court's situations after {record.as_of}",
        )
    return (
        False,
        because(
            f": no situation covering this event was before the Court in time, so conduct while it was a party no longer gives a link (policy post_withdrawal={rule.value})"
        ),
        None,
    )


def _resolution(
    record: FactBase, trigger: SecurityCouncilReferral, known_on: Date | None
) -> Resolution:
    res = record.cached(
        ("resolution", trigger.resolution), lambda: record.resolution(trigger.resolution)
    )
    if known_on is not None and res.date > known_on:
        raise UnknownResolution(
            f"{trigger.resolution}: not in the record as it stood on {known_on} (voted on {res.date})"
        )
    return res


def check_trigger(q: Query) -> Check:
    """Arts. 13–15: has the Court been validly seized?

    A State Party referral needs a referrer that is a party on the day of referral (art. 14(1));
    a Council referral needs an adopted resolution under Chapter VII (art. 13(b); Charter
    art. 27(3)); a proprio motu investigation needs the Pre-Trial Chamber's authorisation
    (art. 15(4)) — if not yet sought, the answer is the one the Chamber gives under art. 15(4),
    with a qualifier that authorisation is still required.
    """
    record, event, trigger, on, known_on, policy, _days = q
    if isinstance(trigger, StateReferral):
        if trigger.on > on:
            return _deny(functools.partial(_referred_late, trigger.on, on))
        referrals = _tables(q).referrals
        key = (trigger.by, trigger.on)
        found = referrals.get(key)
        if found is None:
            found = referrals[key] = _state_referral(record, trigger, known_on, policy)
        return found
    if isinstance(trigger, SecurityCouncilReferral):
        referrals = _tables(q).referrals
        found = referrals.get(trigger.resolution)
        if found is None:
            res = _resolution(record, trigger, known_on)
            found = referrals[trigger.resolution] = record.cached(
                ("referral-check", res.label, res.date <= on),
                functools.partial(_council_referral, res, on),
            )
        return found
    authorised = trigger.authorised_on
    if authorised is not None and authorised <= on:
        return _check(
            (
                EVER,
                EVER,
                (functools.partial(_authorised, authorised),),
                (),
                (functools.partial(_authorisation_scope, record, authorised, event),),
            )
        )
    if authorised is None:
        return _NOT_YET_SOUGHT
    return _allow(
        functools.partial(_not_authorised, on),
        qualifiers=["authorisation under art. 15(4) still required"],
    )


def _referred_late(referred: Date, on: Date) -> tuple[Reason, ...]:
    return (Reason(f"the referral is dated {referred}, after {on}", _C["13(a)"]),)


def _authorised(authorised: Date) -> tuple[Reason, ...]:
    return (
        Reason(f"the Pre-Trial Chamber authorised the investigation on {authorised}", _C["13(c)"]),
    )


def _authorisation_scope(record: FactBase, authorised: Date, event: Event) -> tuple[str, ...]:
    """What the authorisation of ``authorised`` covers, and whether ``event`` lies outside it."""
    out = []
    for s in record.situations_authorised_on(authorised, event.territory or ()):
        if s.period is None:
            continue
        out.append(f"the authorisation of {authorised} ({s.name}) covers {s.period}")
        if s.period.intersection(event.period) is None:
            out.append(
                "the event lies outside the days that authorisation covers; a new authorisation would be needed"
            )
    return tuple(out)


def _not_authorised(on: Date) -> tuple[Reason, ...]:
    return (Reason(f"authorisation not given by {on}: {_PTC_QUESTION}", _C["13(c)"]),)


def _state_referral(
    record: FactBase, trigger: StateReferral, known_on: Date | None, policy: Policy
) -> Check:
    """Arts. 13(a), 14(1): a referral made by ``trigger.on`` (the same for every event)."""
    valid: list[str] = []
    open_: list[str] = []
    reasons: list[Reason] = []
    for code in trigger.by:
        bound = treaty_law.is_bound(
            record, code, RS_SLUG, trigger.on, known_on=known_on, policy=policy
        )
        if bound.holds is None:
            open_ += bound.missing
            reasons.append(
                Reason(
                    f"whether {code} is a State Party on {trigger.on} is open: {bound.reasons[-1].text}",
                    _C["13(a)"],
                )
            )
            continue
        valid += [code] if bound.holds else []
        shown = (
            bound.value.value
            if isinstance(bound.value, TreatyStatus)
            else ("bound" if bound.holds else "not bound")
        )
        reasons.append(
            Reason(
                f"{code} is {shown} on {trigger.on}: "
                f"{'a State Party may refer' if bound.holds else 'only a State Party may refer'}",
                _C["13(a)"],
            )
        )
    if not valid and open_:
        return _unknown(list(dict.fromkeys(open_)), *reasons)
    if not valid:
        return _deny(*reasons)
    quals = (
        [
            f"referring states that were not parties do not count: {', '.join(c for c in trigger.by if c not in valid)}"
        ]
        if len(valid) < len(trigger.by)
        else []
    )
    return _allow(*reasons, qualifiers=quals)


def _council_referral(res: Resolution, on: Date) -> Check:
    """Art. 13(b): the Council's text must have been adopted, under Chapter VII, by ``on``."""
    outcome = vote_outcome(res.yes, res.no, res.abstain, res.date)
    vote = Reason(
        f"{res.label} of {res.date}: {len(res.yes)}–{len(res.no)}–{len(res.abstain)}, {outcome.value}",
        _C["27(3)"],
        res.source,
    )
    if outcome is not VoteOutcome.ADOPTED:
        vetoes = [c for c in res.no if c in permanent_members(res.date)]
        why = (
            f"vetoed by {', '.join(vetoes)}"
            if outcome is VoteOutcome.VETOED
            else "too few affirmative votes"
        )
        return _deny(vote, Reason(f"no referral exists: the draft was {why}", _C["13(b)"]))
    if res.kind is not ResolutionKind.REFERRAL:
        return _deny(
            vote, Reason(f"{res.label} is a {res.kind.value}, not a referral", _C["13(b)"])
        )
    if not res.chapter_vii:
        return _deny(vote, Reason(f"{res.label} was not adopted under Chapter VII", _C["13(b)"]))
    if res.date > on:
        return _deny(
            vote,
            Reason(
                f"{res.label} was adopted on {res.date}, after the day in question", _C["13(b)"]
            ),
        )
    referred = f"the Council, acting under Chapter VII, referred the situation ({res.situation or 'as named'}) to the Prosecutor"
    return _allow(vote, Reason(referred, _C["13(b)"]))


def check_subject_matter(q: Query) -> Check:
    """Art. 5(1), and art. 121(5) for a war crime introduced by amendment.

    Under ``amendment_reach=consent`` (default) the Court may not exercise jurisdiction over an
    amended crime committed by nationals of, or on the territory of, a state for which the
    amendment is not in force; under ``negative`` only non-accepting States Parties are shielded.
    """
    record, event, trigger, _on, known_on, policy, _days = q
    if event.provision is None:  # the original text (what `event.amendment` is then None for)
        return _ORIGINAL_TEXT[event.crime]
    amendment = event.amendment
    if amendment is None:
        return _ORIGINAL_TEXT[event.crime]
    crime = _CRIME_REASONS[event.crime]
    start = amendment_start(record, amendment, known_on)
    if not _has(record, amendment):
        return Check(
            NEVER,
            (span(start.day),),
            (
                crime,
                start.reason,
                lambda: (Reason(f"the record holds no acceptances of {amendment}", _C["121(5)"]),),
            ),
            (f"record: acceptances of {amendment}",),
        )
    tr = record.treaty(amendment)
    if isinstance(trigger, SecurityCouncilReferral):
        if not start.known:
            return _deny(
                crime,
                start.reason,
                lambda: (Reason(f"the {tr.short_title} is not in force", _C["121(5)"]),),
            )
        return Check(
            (span(start.day),),
            (span(start.day),),
            (
                crime,
                lambda: (
                    Reason(
                        f"{event.provision}: introduced by the {tr.short_title}, in force from {start.day}",
                        _C["121(5)"],
                    ),
                ),
            ),
            qualifiers=(
                "whether art. 121(5) limits a Security Council referral is not settled; the amendment is applied from its entry into force",
            ),
        )
    reasons: list[Why] = [
        crime,
        lambda: (
            Reason(
                f"{event.provision}: introduced by the {tr.short_title}; the Court may not exercise jurisdiction over it for a state that has not accepted it (policy amendment_reach={policy.amendment_reach.value})",
                _C["121(5)"],
            ),
        ),
    ]
    states = [*(event.territory or ()), *(event.nationality or ())]
    certain, possible = EVER, EVER
    unrecorded = False
    for code in dict.fromkeys(states):
        accepted, maybe, why = _accepted(record, code, amendment, known_on)
        reasons.append(why)
        if policy.amendment_reach is AmendmentReach.CONSENT:
            allowed, allowed_maybe = accepted, maybe
        else:  # only a State Party that has not accepted is shielded
            outside = s_minus(EVER, _in_force(record, code, RS_SLUG, known_on))
            allowed, allowed_maybe = s_norm([*outside, *accepted]), s_norm([*outside, *maybe])
        certain = s_and(certain, allowed)
        possible = s_and(possible, allowed_maybe)
        unrecorded = unrecorded or maybe != accepted
    reasons.append(start.reason)
    certain = s_and(certain, (span(start.day),) if start.known else NEVER)
    possible = s_and(possible, (span(start.day),))
    missing = (
        [f"record: acceptances of {amendment} after {record.complete_until(amendment)}"]
        if unrecorded
        else []
    )
    if event.nationality is None:
        missing.append("event.nationality")
        certain = NEVER
    if event.territory is None:
        missing.append("event.territory")
        certain = NEVER
    return Check(certain, possible, tuple(reasons), tuple(missing))


def _accepted(
    record: FactBase, code: str, amendment: str, known_on: Date | None
) -> tuple[Spans, Spans, Reason]:
    """:func:`_accepted_days`, cached per record."""
    return record.cached(
        ("accepted", code, amendment, known_on),
        lambda: _accepted_days(record, code, amendment, known_on),
    )


def _accepted_days(
    record: FactBase, code: str, amendment: str, known_on: Date | None
) -> tuple[Spans, Spans, Reason]:
    """The days an amendment is in force for ``code``: on the record, and possibly.

    An acceptance after the day the record of the amendment is complete could bring it into
    force from one year later (art. 121(5)).
    """
    tr = record.treaty(amendment)
    accepted = _in_force(record, code, amendment, known_on)
    complete = record.complete_until(amendment)
    text = f"{code}: the {tr.short_title} is in force for it {s_text(accepted) if accepted else 'on no day on the record'}"
    if accepted and accepted[-1][1] >= OPEN:
        return accepted, accepted, Reason(text, _C["121(5)"])
    earliest = tr.consent_rule.apply(complete.add(days=1))
    maybe = s_norm([*accepted, span(earliest)])
    text += f"; the record of acceptances is complete only up to {complete}, so it may be in force from {earliest}"
    return accepted, maybe, Reason(text, _C["121(5)"])


def check_temporal(q: Query) -> Check:
    """Art. 11(1): only conduct from 1 July 2002.

    A Council referral counts from its own start date; aggression only from 17 July 2018
    (ICC-ASP/16/Res.5).
    """
    record, event, trigger, on, known_on, _policy, days = q
    aggression = event.crime is Crime.AGGRESSION
    if isinstance(trigger, SecurityCouncilReferral):
        floors = _tables(q).temporal
        key = (trigger.resolution, aggression)
        found = floors.get(key)
        if found is None:
            res = _resolution(record, trigger, known_on)
            found = floors[key] = record.cached(
                ("temporal", res.label, aggression),
                functools.partial(_temporal_floor, res, aggression),
            )
        check = found
    else:
        check = _STATUTE_FLOOR[aggression]
    allowed, _possible, reasons, _missing, _qualifiers = check
    first, last = allowed[0][0], on.toordinal()
    if days[0][1] > last:
        allowed = s_and(allowed, ((1, last),))
        reasons = (*reasons, functools.partial(_after_acting, on))
    elif days[0][1] >= first:  # the common case: conduct ending within the days allowed
        return check
    if not s_and(days, allowed):
        reasons = (*reasons, functools.partial(_outside, first, on, event))
    return _check((allowed, allowed, reasons, (), ()))


def _after_acting(on: Date) -> tuple[Reason, ...]:
    return (
        Reason(f"the Court acting on {on} can consider only conduct up to that day", _C["11(1)"]),
    )


def _outside(first: int, on: Date, event: Event) -> tuple[Reason, ...]:
    floor = pendulum.Date.fromordinal(first)
    text = (
        f"the conduct ({event.period}) lies wholly outside {floor} – {on}"
        if on >= floor
        else f"the Court did not exist on {on}"
    )
    return (Reason(text, _C["11(1)"]),)


def _temporal_floor(res: Resolution | None, aggression: bool) -> Check:
    """The days art. 11(1) allows, before the day the Court acts cuts them (cached per record)."""
    floor, reasons = FLOOR, [_FLOOR_REASON]
    if res is not None and res.start is not None and res.start > floor:
        floor = res.start
        reasons.append(
            Reason(f"{res.label} refers the situation since {res.start}", _C["13(b)"], res.source)
        )
    if aggression:
        floor = max(floor, ACTIVATION)
        reasons.append(_ACTIVATION_REASON)
    allowed = (span(floor),)
    return Check(allowed, allowed, tuple(reasons))


_STATUTE_FLOOR = {aggression: _temporal_floor(None, aggression) for aggression in (False, True)}
"""Art. 11(1) where no referral sets a later start: for aggression, and for the other crimes."""


def check_preconditions(q: Query) -> Check:
    """Art. 12(2)–(3): a link through territory or nationality.

    For a State Party referral or proprio motu: conduct (or an element of it) on the territory
    of, or by a national of, a state that is a party or has accepted jurisdiction. One link suffices; the other state's consent is irrelevant. For a Council
    referral, the referral's scope takes their place.
    """
    record, event, trigger, on, known_on, policy, conduct = q
    if isinstance(trigger, SecurityCouncilReferral):
        return _referral_scope(q, trigger)
    links = _tables(q).links
    reasons: list[Why] = []
    maybe: list[tuple[int, int]] = []
    disputed: list[str] = []
    t_days = n_days = t_link = NEVER  # the days each side's states supply, so far (normalised)
    # The two sides of art. 12(2) are read by two loops alike rather than by one function: this
    # is the engine's hottest path, and a call per side cost it 5-8% (bench_jurisdiction.py).
    for code in event.territory or ():
        found = links.get(code)
        if found is None:
            found = links[code] = _link_days(record, code, on, known_on, policy)
        link, own, _national = found
        reasons += link.reasons
        t_days = _union(t_days, own)
        if link.open_territorial and s_and(conduct, link.open_territorial):
            maybe += link.open_territorial
            disputed += link.open_missing
        if link.withdrawn:
            t_days = _after_withdrawal(
                q, code, link, t_days, reasons=reasons, maybe=maybe, disputed=disputed
            )
        t_link = s_and(conduct, t_days)
        if not t_link:
            reasons.append(_no_link(code))
    for code in event.nationality or ():
        found = links.get(code)
        if found is None:
            found = links[code] = _link_days(record, code, on, known_on, policy)
        link, _territorial, own = found
        reasons += link.reasons
        n_days = _union(n_days, own)
        if link.open_national and s_and(conduct, link.open_national):
            maybe += link.open_national
            disputed += link.open_missing
        if link.withdrawn:
            n_days = _after_withdrawal(
                q, code, link, n_days, reasons=reasons, maybe=maybe, disputed=disputed
            )
    n_link = s_and(conduct, n_days)
    if t_link or n_link:
        reasons.append(functools.partial(_links, event, t_link, n_link))
    nationality = event.nationality
    if nationality == ():
        reasons.append(_stateless)
    certain = _union(t_days, n_days)
    possible = s_norm([*certain, *maybe]) if maybe else certain
    missing: list[str] = []
    if disputed and s_minus(s_and(conduct, possible), certain):
        missing.extend(dict.fromkeys(disputed))
    if nationality is None and s_minus(conduct, certain):
        possible, missing = EVER, [*missing, "event.nationality"]
        reasons.append(_nationality_unknown)
    if event.territory is None and s_minus(conduct, certain):
        possible, missing = EVER, [*missing, "event.territory"]
    return _check(
        (
            certain,
            possible,
            tuple(reasons),
            tuple(dict.fromkeys(missing)) if missing else (),
            _NATIONALITY_AT_CONDUCT if nationality else (),
        )
    )


def _links(event: Event, t_link: Spans, n_link: Spans) -> tuple[Reason, ...]:
    """The territorial and nationality links art. 12(2) finds on the days of the conduct."""
    out = []
    if t_link:
        out.append(
            Reason(
                f"territorial link (conduct or an element of it on the territory of {', '.join(event.territory or ())}): {s_text(t_link)}",
                _C["12(2)(a)"],
            )
        )
    if n_link:
        out.append(
            Reason(
                f"nationality link ({', '.join(event.nationality or ())}): {s_text(n_link)}",
                _C["12(2)(b)"],
            )
        )
    return tuple(out)


def _union(x: Spans, y: Spans) -> Spans:
    """The days in either (each normalised): ``s_norm([*x, *y])``, quicker for one span each."""
    if not x:
        return y
    if not y:
        return x
    if len(x) == 1 and len(y) == 1:
        (a, b), (c, d) = x[0], y[0]
        if c > b + 1:
            return (x[0], y[0])
        if a > d + 1:
            return (y[0], x[0])
        return ((a if a < c else c, b if b > d else d),)
    return s_norm([*x, *y])


def _link_days(
    record: FactBase, code: str, on: Date, known_on: Date | None, policy: Policy
) -> tuple[Link, Spans, Spans]:
    """:func:`link_periods`, with the days it supplies for its territory and for its nationals."""
    link = link_periods(record, code, on, known_on, policy)
    return link, s_norm([*link.party, *link.territorial]), s_norm([*link.party, *link.national])


def _after_withdrawal(
    q: Query,
    code: str,
    link: Link,
    days: Spans,
    *,
    reasons: list[Why],
    maybe: list[tuple[int, int]],
    disputed: list[str],
) -> Spans:
    """Art. 127(2) for the days ``code`` was a party before a withdrawal.

    Returns ``days`` with those that survive the withdrawal; the reasons, the days that might
    survive and what would settle them are added to ``reasons``, ``maybe`` and ``disputed``.
    """
    for party_days, effective in link.withdrawn:
        if not s_and(q.days, (party_days,)):
            continue
        survives, why, settles = _survives(q, code, party_days, effective)
        reasons.append(why)
        if survives:
            days = s_norm([*days, party_days])
        elif survives is None:
            maybe.append(party_days)
            disputed.append(settles or "")
    return days


def _stateless() -> tuple[Reason, ...]:
    return (Reason("the accused is stateless: no nationality link", _C["12(2)(b)"]),)


def _nationality_unknown() -> tuple[Reason, ...]:
    return (
        Reason(
            "nationality unknown: a national of a party could supply the link for the remaining days",
            _C["12(2)(b)"],
        ),
    )


_NATIONALITY_AT_CONDUCT = (
    "nationality is taken at the time of the conduct (the Statute is silent)",
)


def _referral_scope(q: Query, trigger: SecurityCouncilReferral) -> Check:
    """Art. 13(b): the event within the scope of the situation the Council referred."""
    record, event, known_on = q.record, q.event, q.known_on
    scopes = _tables(q).scopes
    found = scopes.get(trigger.resolution)
    if found is None:
        res = _resolution(record, trigger, known_on)
        found = scopes[trigger.resolution] = record.cached(
            ("referral-scope", res.label), functools.partial(_referral_texts, res)
        )
    res, head, quals, within, scope = found
    territory = event.territory
    if territory is None:
        return _unknown(("event.territory",), head)
    if scope.isdisjoint(territory):
        return _deny(
            head,
            lambda: (
                Reason(
                    f"the conduct ({', '.join(territory)}) lies outside the situation referred ({', '.join(res.territory)})",
                    _C["13(b)"],
                ),
            ),
        )
    if res.area is not None:
        if event.area is None:
            return Check(
                NEVER,
                EVER,
                (
                    head,
                    lambda: (
                        Reason(
                            f"the referral covers only {res.area}; the event's area is not given",
                            _C["13(b)"],
                        ),
                    ),
                ),
                ("event.area",),
                quals,
            )
        if event.area != res.area:
            return _deny(
                head,
                lambda: (
                    Reason(f"the referral covers only {res.area}, not {event.area}", _C["13(b)"]),
                ),
            )
    return within


def _referral_texts(
    res: Resolution,
) -> tuple[Resolution, Reason, tuple[str, ...], Check, frozenset[str]]:
    """What a referral's scope says, whatever the event (cached per record)."""
    head = Reason(
        f"a Security Council referral replaces the preconditions of art. 12(2) within its scope: {res.situation or ', '.join(res.territory)}",
        _C["13(b)"],
        res.source,
    )
    quals = (
        (
            f"{res.label} reserves nationals of contributing states not party to the Statute to their own state's jurisdiction; its effect on the Court is contested and was not assessed",
        )
        if res.excludes_non_party_contributors
        else ()
    )
    within = Reason(f"the conduct lies within the situation referred by {res.label}", _C["13(b)"])
    return res, head, quals, Check(EVER, EVER, (head, within), (), quals), frozenset(res.territory)


def check_age(q: Query) -> Check:
    """Art. 26: no jurisdiction over a person under eighteen at the time of the conduct.

    An unknown age is a qualifier, not an undetermined answer.
    """
    age = q.event.age
    if age is None:
        return _AGE_UNKNOWN
    if age < 18:
        return _deny(functools.partial(_age, f"{age} at the time of the conduct, under eighteen"))
    return _allow(functools.partial(_age, f"{age} at the time of the conduct"))


def _age(text: str) -> tuple[Reason, ...]:
    return (Reason(f"the accused was {text}", _C["26"]),)


def _transitional_days(
    record: FactBase, code: str, scope_needed: str, on: Date, known_on: Date | None
) -> tuple[Spans, list[Reason]]:
    days: list[tuple[int, int]] = []
    reasons: list[Reason] = []
    for d in record.declarations_of(code, DeclarationKind.TRANSITIONAL, known_on=known_on):
        if d.scope not in ("all", scope_needed):
            continue
        start = _in_force_by_consent_of(record, code, d.lodged, known_on)
        if start is None:
            continue
        end = years_after(start, 7).subtract(days=1)
        stop = d.withdrawn_effective or d.withdrawn
        if stop is not None and (
            known_on is None or d.withdrawn is None or d.withdrawn <= known_on
        ):
            end = min(end, stop.subtract(days=1))
        if end >= start:
            days.append(span(start, end))
            reasons.append(
                Reason(
                    f"{code} declared under art. 124 ({d.scope}) that it does not accept jurisdiction over war crimes from {start} to {end}",
                    _C["124"],
                    d.source,
                )
            )
    return s_norm(days), reasons


def _transitional_cached(
    record: FactBase, code: str, scope_needed: str, on: Date, known_on: Date | None
) -> tuple[Spans, list[Reason]]:
    return record.cached(
        ("124", code, scope_needed, known_on),
        lambda: _transitional_days(record, code, scope_needed, on, known_on),
    )


def _in_force_by_consent_of(
    record: FactBase, code: str, lodged: Date, known_on: Date | None
) -> Date | None:
    """The day the Statute entered into force for ``code`` by the consent given with a declaration.

    The seven years of art. 124 run from it.
    """
    found = None
    for t in record.history(code, RS_SLUG, known_on=known_on).transitions:
        if t.cause.kind.is_consent and t.cause.date <= lodged and t.status in BOUND:
            found = t.day
    return found


def check_transitional(q: Query) -> Check:
    """Art. 124: a declaring state's seven-year exclusion of war crimes.

    War crimes by its nationals or on its territory, for seven years from entry into force for
    it; it bites even if another state supplies a
    link, and (on the prevailing reading) leaves Council referrals untouched.
    """
    record, event, trigger, on, known_on, _policy, _days = q
    if event.crime is not Crime.WAR_CRIMES:
        return NOT_CONCERNED
    if isinstance(trigger, SecurityCouncilReferral):
        return _124_COUNCIL
    reasons: list[Why] = []
    excluded: list[tuple[int, int]] = []
    table = _tables(q).transitional
    territory, nationality = event.territory, event.nationality
    for scope, codes in (("territory", territory), ("nationals", nationality)):
        for code in codes or ():
            found = table.get((code, scope))
            if found is None:
                found = table[code, scope] = _transitional_cached(record, code, scope, on, known_on)
            if found[0]:
                excluded += found[0]
            if found[1]:
                reasons += found[1]
    certain = s_minus(EVER, s_norm(excluded)) if excluded else EVER
    if territory is not None and nationality is not None:  # no fact unknown
        if certain is EVER and not reasons:
            return NOT_CONCERNED
        return _check((certain, certain, tuple(reasons), (), ()))
    possible, missing = certain, []
    for unknown_fact, scope, known in (
        ("event.nationality", "nationals", nationality),
        ("event.territory", "territory", territory),
    ):
        if known is not None:
            continue
        unknown = record.cached(
            ("124-any", scope, known_on),
            functools.partial(_transitional_any, record, scope, on, known_on),
        )
        overlap = s_and(q.days, unknown)
        if overlap:
            certain = s_minus(certain, unknown)
            missing.append(unknown_fact)
            reasons.append(functools.partial(_transitional_unknown, scope, overlap))
    if not reasons and not missing and certain is EVER:
        return NOT_CONCERNED
    return Check(certain, possible, tuple(reasons), tuple(missing))


_124_COUNCIL = Check(
    EVER,
    EVER,
    (),
    (),
    ("art. 124 declarations do not limit a Security Council referral (prevailing reading)",),
)


def _transitional_any(record: FactBase, scope: str, on: Date, known_on: Date | None) -> Spans:
    """The days any art. 124 declaration of ``scope`` excludes (for an unknown fact)."""
    return s_norm(
        d
        for code in record.declarants(DeclarationKind.TRANSITIONAL, known_on=known_on)
        for d in _transitional_cached(record, code, scope, on, known_on)[0]
    )


def _transitional_unknown(scope: str, overlap: Spans) -> tuple[Reason, ...]:
    what = "nationality" if scope == "nationals" else "territory"
    return (
        Reason(
            f"{what} unknown: an art. 124 declaration covering {'nationals' if scope == 'nationals' else 'the declarant territory'} was active on {s_text(overlap)}",
            _C["124"],
        ),
    )


def check_aggression(q: Query) -> Check:
    """Arts. 8bis, 15bis, 15ter: the filters on aggression.

    On a Council referral (15ter) no consent filter applies.
    Otherwise (15bis): no jurisdiction where the aggressor, a victim (territorial) state or the
    accused's state is not a party (15bis(5)); none over a party that opted out before the act
    (15bis(4)); and, under ``aggression_acceptance=narrow`` (default), none unless the
    amendments were in force for both the aggressor and the victim states.
    """
    record, event, trigger, on, known_on, policy, days = q
    if event.crime is not Crime.AGGRESSION:
        return NOT_CONCERNED
    if isinstance(trigger, SecurityCouncilReferral):
        return _15TER
    reasons: list[Why] = [_15BIS_REASON]
    aggressor, territory, nationality = event.aggressor, event.territory, event.nationality
    # Every state concerned must pass each filter; a fact not given could be any state, so it
    # leaves the days open (never certain) but rules out nothing the known states do not.
    unknowns = []
    if aggressor is None:
        unknowns.append("event.aggressor")
    if territory is None:
        unknowns.append("event.territory")
    if nationality is None:
        unknowns.append("event.nationality")
    states = [aggressor] if aggressor else []
    states += territory or ()
    states += nationality or ()
    tables = _tables(q)
    parties = tables.parties
    looked = []
    for code in dict.fromkeys(states) if len(states) > 1 else states:
        found = parties.get(code)
        if found is None:
            found = parties[code] = _aggression_state(record, code, on, known_on, policy)
        looked.append(found)
    certain = EVER
    for party, outsider, _accepted, _maybe, _kampala, _open in looked:
        certain = s_and(certain, party)
        if not s_and(days, party):
            reasons.append(outsider)
    if aggressor:
        opt_outs = tables.opt_outs.get(aggressor)
        if opt_outs is None:
            opt_outs = tables.opt_outs[aggressor] = _opt_outs(record, aggressor, known_on)
        for shielded, why in opt_outs:
            certain = s_minus(certain, shielded)
            reasons.append(why)
    possible = certain
    unrecorded = False
    narrow = policy.aggression_acceptance is AggressionAcceptance.NARROW
    if narrow:
        for _party, _outsider, accepted, maybe, kampala, open_ in looked:
            certain = s_and(certain, accepted)
            possible = s_and(possible, maybe)
            assert kampala is not None
            reasons.append(kampala)
            unrecorded = unrecorded or open_
    missing = (
        [
            record.cached(
                ("acceptances-after", KAMPALA), functools.partial(_acceptances_after, record)
            )
        ]
        if unrecorded
        else []
    )
    if unknowns and s_and(days, possible):
        missing.extend(unknowns)
        reasons.append(functools.partial(_aggression_unknown, tuple(unknowns)))
        certain = NEVER
    if narrow:
        reasons.append(_NARROW_REASON)
    return _check((certain, possible, tuple(reasons), tuple(missing), _15BIS_QUALIFIERS))


def _acceptances_after(record: FactBase) -> str:
    """The fact that would settle days the record of the Kampala amendments leaves open."""
    return f"record: acceptances of {KAMPALA} after {record.complete_until(KAMPALA) if _has(record, KAMPALA) else 'adoption'}"


_LEADERSHIP = "aggression is a leadership crime: the person must be in a position effectively to exercise control over or to direct the political or military action of a state"
_15TER = Check(
    EVER,
    EVER,
    (
        Reason(
            "on a Security Council referral the Court exercises jurisdiction over aggression without the consent filters of art. 15bis",
            _C["15ter"],
        ),
    ),
    (),
    (_LEADERSHIP,),
)
_15BIS_REASON = Reason(
    "art. 15bis: the Court may exercise jurisdiction over aggression only as these filters allow",
    _C["15bis(5)"],
)
_15BIS_QUALIFIERS = (
    _LEADERSHIP,
    "the Prosecutor must first ascertain whether the Security Council has determined an act of aggression; absent one within six months, the Pre-Trial Division must authorise (art. 15bis(6)–(8))",
)


def _aggression_state(
    record: FactBase, code: str, on: Date, known_on: Date | None, policy: Policy
) -> tuple[Spans, Reason, Spans, Spans, Reason | None, bool]:
    """What arts. 15bis(5) and 121(5) say of ``code``, whatever the event.

    The days it counts as a party, and the reason when it does not; under
    ``aggression_acceptance=narrow``, the days the amendments are in force for it (on the
    record, and possibly), the reason, and whether the record leaves those days open.
    """
    declarant = policy.aggression_declarant
    party, outsider = record.cached(
        (
            "aggression-party",
            code,
            known_on,
            declarant,
            on if declarant is AggressionDeclarant.ACCEPTING_STATE else None,
        ),
        functools.partial(_aggression_party, record, code, on, known_on, declarant),
    )
    if policy.aggression_acceptance is not AggressionAcceptance.NARROW:
        return party, outsider, NEVER, NEVER, None, False
    if not _has(record, KAMPALA):
        why = Reason(f"the record holds no acceptances of the {KAMPALA}", _C["121(5)"])
        return party, outsider, NEVER, EVER, why, True
    accepted, maybe, why = _accepted(record, code, KAMPALA, known_on)
    return party, outsider, accepted, maybe, why, maybe != accepted


def _opt_outs(
    record: FactBase, aggressor: str, known_on: Date | None
) -> tuple[tuple[Spans, Reason], ...]:
    """The days each art. 15bis(4) declaration of ``aggressor`` shields, and why."""
    return tuple(
        (
            (span(d.lodged, d.withdrawn.subtract(days=1) if d.withdrawn is not None else None),),
            Reason(
                f"{aggressor} lodged a declaration of non-acceptance on {d.lodged}",
                _C["15bis(4)"],
                d.source,
            ),
        )
        for d in record.declarations_of(
            aggressor, DeclarationKind.AGGRESSION_OPT_OUT, known_on=known_on
        )
    )


def _aggression_unknown(unknowns: tuple[str, ...]) -> tuple[Reason, ...]:
    return (
        Reason(
            f"{', '.join(u.removeprefix('event.') for u in unknowns)} unknown: a non-party (or a party for which the amendments are not in force) there would be excluded; a party with them in force would not",
            _C["15bis(5)"],
        ),
    )


def _deferrals(
    record: FactBase, known_on: Date | None
) -> tuple[tuple[Resolution, Date, Date], ...]:
    """The adopted Chapter VII deferral requests, with the days they run (cached per record)."""

    def compute() -> tuple[tuple[Resolution, Date, Date], ...]:
        out = []
        for res in record.resolutions_of(ResolutionKind.DEFERRAL, known_on=known_on):
            adopted = vote_outcome(res.yes, res.no, res.abstain, res.date) is VoteOutcome.ADOPTED
            if res.chapter_vii and adopted:
                start = res.deferral_from or res.date
                out.append((res, start, start.add(months=res.months or 12).subtract(days=1)))
        return tuple(out)

    return record.cached(("deferrals", known_on), compute)


def _aggression_party(
    record: FactBase, code: str, on: Date, known_on: Date | None, declarant: AggressionDeclarant
) -> tuple[Spans, Reason]:
    """The days ``code`` counts as a party for art. 15bis(5), and the reason when it does not."""
    party = _in_force(record, code, RS_SLUG, known_on)
    if declarant is AggressionDeclarant.ACCEPTING_STATE:
        accepted = (
            span(d.start, d.end)
            for d in record.declarations_of(code, DeclarationKind.ACCEPTANCE, known_on=known_on)
            if d.given_effect and d.start is not None and d.lodged <= on
        )
        party = s_norm([*party, *accepted])
    text = (
        f"{code} is not a party to the Statute on the days of the act: the Court may not exercise "
        f"jurisdiction over aggression by its nationals or on its territory (policy aggression_declarant={declarant.value})"
    )
    return party, Reason(text, _C["15bis(5)"])


def check_deferral(q: Query) -> Check:
    """Art. 16: a Chapter VII deferral request suspends; it never denies jurisdiction.

    Investigation and prosecution are suspended for twelve months (renewable).
    """
    record, event, _trigger, on, known_on, _policy, _days = q
    tables = _tables(q)
    running = tables.deferrals
    if running is None:
        running = tables.deferrals = tuple(
            (r, end) for r, start, end in _deferrals(record, known_on) if start <= on <= end
        )
    if not running:
        return NOT_CONCERNED
    quals: list[Note] = []
    reasons: list[Why] = []
    for res, end in running:
        if res.personnel_only:
            quals.append(functools.partial(_personnel_only, res, end))
        elif not res.territory or not event.territory or set(res.territory) & set(event.territory):
            quals.append(functools.partial(_suspended, res, end))
            reasons.append(functools.partial(_deferral_requested, res, end))
    return Check(EVER, EVER, tuple(reasons), (), tuple(quals))


def _personnel_only(res: Resolution, end: Date) -> tuple[str, ...]:
    return (
        f"{res.label} requested, until {end}, that no case involving personnel of contributing states not party to the Statute be commenced or proceeded with; whether this event is such a case is not assessed",
    )


def _suspended(res: Resolution, end: Date) -> tuple[str, ...]:
    return (f"suspended by a deferral request ({res.label}) until {end}",)


def _deferral_requested(res: Resolution, end: Date) -> tuple[Reason, ...]:
    return (
        Reason(
            f"{res.label} requests under Chapter VII that no investigation or prosecution be commenced or proceeded with until {end}",
            _C["16"],
            res.source,
        ),
    )


_ADMISSIBILITY = Reason("admissibility (complementarity, gravity) is a separate question", _C["17"])

CHECKS = (
    check_trigger,
    check_subject_matter,
    check_temporal,
    check_preconditions,
    check_age,
    check_transitional,
    check_aggression,
    check_deferral,
)
"""The checks in the order the Court takes them (LAW.md section 4)."""


def _describe_trigger(trigger: Trigger) -> str:
    if isinstance(trigger, StateReferral):
        return f"referral by {', '.join(trigger.by)} on {trigger.on}"
    if isinstance(trigger, SecurityCouncilReferral):
        return f"Security Council referral {trigger.resolution}"
    return (
        f"proprio motu, authorised {trigger.authorised_on}"
        if trigger.authorised_on
        else "proprio motu"
    )


def _validate(record: FactBase, event: Event, trigger: Trigger, tables: _Tables) -> None:
    known = tables.codes
    if known is None:
        known = tables.codes = frozenset(s.code for s in record.states)
    territory, nationality, aggressor = event.territory, event.nationality, event.aggressor
    if (
        (territory is None or known.issuperset(territory))
        and (nationality is None or known.issuperset(nationality))
        and (not aggressor or aggressor in known)
        and (not isinstance(trigger, StateReferral) or known.issuperset(trigger.by))
    ):
        return
    for codes in (
        territory or (),
        nationality or (),
        (aggressor,) if aggressor else (),
        trigger.by if isinstance(trigger, StateReferral) else (),
    ):
        for code in codes:
            if code not in known:
                record.state(code)  # raises, naming the closest


def jurisdiction(
    record: FactBase,
    event: Event,
    trigger: Trigger,
    on: Date | None = None,
    *,
    known_on: Date | None = None,
    policy: Policy | None = None,
) -> Finding:
    """May the Court exercise jurisdiction over ``event``, seized by ``trigger``, on ``on``?

    Every check is evaluated (see the module). The Finding holds for the days every check
    allows; for conduct over a period, a qualifier names the part within jurisdiction. Its
    question, reasons and qualifiers are built when first read.

    Raises:
        UnknownState: for a state code not in the record.
        UnknownResolution: for a Council text not in the record.
    """
    policy = policy or DEFAULT_POLICY
    day = on or record.as_of
    until = event.until
    first = event.date.toordinal()
    conduct: Spans = ((first, until.toordinal() if until is not None else first),)  # _days(event)
    query = _query((record, event, trigger, day, known_on, policy, conduct))
    _validate(record, event, trigger, _tables(query))
    checks = [check(query) for check in CHECKS]
    certain, possible = conduct, conduct
    undecided = []
    for check in checks:
        c_certain, c_possible, _reasons, c_missing, _qualifiers = check
        if c_missing:
            undecided.append(check)
        if c_certain is c_possible and certain is possible:  # the same days, cut once
            if c_certain is not EVER:
                certain = possible = s_and(certain, c_certain)
            continue
        if c_certain is not EVER:
            certain = s_and(certain, c_certain)
        if c_possible is not EVER:
            possible = s_and(possible, c_possible)
    missing: list[str] = []
    for c_certain, c_possible, _reasons, c_missing, _qualifiers in undecided:
        if s_and(s_and(possible, c_possible), s_minus(conduct, c_certain)):
            missing.extend(m for m in c_missing if m not in missing)
    text = functools.partial(_explain, query, checks, certain, possible, missing)
    if certain:
        return deferred(
            text,
            True,
            value=to_periods(certain),
            policy=policy,
            on=day,
            known_on=known_on,
            as_of=record.as_of,
            digest=record.digest,
            data_version=record.version,
        )
    return deferred(
        text,
        None if possible and missing else False,
        missing=tuple(missing) if possible and missing else (),
        policy=policy,
        on=day,
        known_on=known_on,
        as_of=record.as_of,
        digest=record.digest,
        data_version=record.version,
    )


def _explain(
    query: Query, checks: list[Check], certain: Spans, possible: Spans, missing: list[str]
) -> FindingText:
    """The question, reasons and qualifiers of :func:`jurisdiction`'s Finding."""
    record, event, trigger, day, _known_on, _policy, conduct = query
    reasons = _read(r for c in checks for r in c.reasons)
    qualifiers = _read(n for c in checks for n in c.qualifiers)
    reasons = list({id(r): r for r in reasons}.values())  # the same fact may back two checks
    qualifiers = list(dict.fromkeys(qualifiers))
    reasons.append(_ADMISSIBILITY)
    qualifiers.append("admissibility not assessed")
    if day > record.as_of or conduct[0][1] > record.as_of.toordinal():
        qualifiers.append(
            f"the record is complete only up to {record.as_of}; facts after that day are not in it"
        )
    for code in (*(event.territory or ()), *(event.nationality or ())):
        st = record.state(code)
        if not st.exists_on(event.date):
            qualifiers.append(f"{code} ceased to exist on {st.ended}, before the conduct")
    if event.crime is Crime.AGGRESSION and isinstance(trigger, ProprioMotu):
        qualifiers = [
            q.replace(
                "authorisation under art. 15(4) still required",
                "authorisation by the Pre-Trial Division under art. 15bis(8) still required",
            )
            for q in qualifiers
        ]
    where = ", ".join(event.territory) if event.territory else "unknown territory"
    span_text = event.date.isoformat() + (f" – {event.until.isoformat()}" if event.until else "")
    question = f"May the Court exercise jurisdiction over {event.crime.value} ({span_text}, {where}) on a {_describe_trigger(trigger)}, on {day.isoformat()}?"
    if certain:
        if certain != conduct:
            qualifiers.insert(0, f"only conduct on {s_text(certain)} is within jurisdiction")
            rest = s_minus(s_and(possible, conduct), certain)
            if rest and missing:
                qualifiers.insert(1, f"for {s_text(rest)} it turns on {', '.join(missing)}")
        return question, tuple(reasons), tuple(qualifiers)
    if possible and missing:
        return question, tuple(reasons), tuple(qualifiers)
    return (
        question,
        tuple(reasons),
        tuple(q for q in qualifiers if not q.startswith("authorisation")),
    )
