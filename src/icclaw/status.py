"""The treaty-law engine: where a state stands with a treaty on a day, and why.

Pure functions of (fact base, query) → answer. The one rule that builds a state's history from
its acts is :func:`icclaw.history.history` (the floor below the fact base, re-exported here);
every query reads that history.

Provisions applied:

* VCLT arts. 11–16 (means of consent; deposit), 18 (interim obligation of signatories and of
  states that consented before entry into force), 24 (entry into force), 26 (pacta sunt
  servanda), 54 and 68 (withdrawal; revocation of a notice before it takes effect), 70
  (consequences of withdrawal).
* The treaty's own final clauses, carried by the :class:`~icclaw.treaties.Treaty` (Rome Statute
  arts. 125–127).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import attrs

from icclaw.dates import Date, Period
from icclaw.findings import Citation, Finding, FindingText, Reason, deferred
from icclaw.history import (
    BOUND,
    LEGAL_TRANSITIONS,
    VCLT,
    History,
    StatusTable,
    Transition,
    TreatyStatus,
    history,
    known_day,
)
from icclaw.policy import DEFAULT_POLICY, InterimAfterDeposit, Policy
from icclaw.treaties import Action, ActionKind, Treaty

if TYPE_CHECKING:
    from collections.abc import Sequence

    from icclaw.base import FactBase
    from icclaw.states import State

S = TreatyStatus

__all__ = [
    "BOUND",
    "LEGAL_TRANSITIONS",
    "Doubt",
    "History",
    "StatusTable",
    "Transition",
    "TreatyStatus",
    "decide_status",
    "doubt",
    "doubts",
    "entry_into_force",
    "explain_status",
    "finding_from_table",
    "general_entry_into_force",
    "history",
    "in_force_periods",
    "interim_obligation",
    "is_bound",
    "parties",
    "status",
    "status_table",
    "undetermined_parties",
]


@attrs.frozen
class Doubt:
    """Why a status computed from the record is not certain.

    Attributes:
        text: Why, as a sentence.
        missing: The fact of the record that would settle it, e.g.
            ``"record: acts of UKR on geneva-convention-i"``.
        bound_known: ``True`` where whether the state is bound is certain and only the status
            itself is open (whether a state that is not bound signed; whether a party gave
            notice of withdrawal that cannot yet have taken effect).
    """

    text: str
    missing: str
    bound_known: bool = False


# --- queries -------------------------------------------------------------------------------


def status(
    record: FactBase,
    state: str | State,
    treaty: str | Treaty,
    on: Date,
    *,
    known_on: Date | None = None,
    policy: Policy | None = None,
) -> TreatyStatus | None:
    """Return the bare status of ``state`` under ``treaty`` on ``on`` (LAW.md section 4).

    ``None`` where the record does not decide it (see :func:`doubts`): the value
    :func:`explain_status` gives, always. For the whole record under the default policy the
    answer is read from the compiled :func:`status_table`; otherwise :func:`decide_status`
    works it out.
    """
    if known_on is None and (policy is None or policy == DEFAULT_POLICY):
        code, slug = record.state(state).code, record.treaty(treaty).slug
        return status_table(record, code, slug).status_on(on)
    return decide_status(record, state, treaty, on, known_on=known_on, policy=policy)


def decide_status(
    record: FactBase,
    state: str | State,
    treaty: str | Treaty,
    on: Date,
    *,
    known_on: Date | None = None,
    policy: Policy | None = None,
) -> TreatyStatus | None:
    """:func:`status`, from the history and the rules of :func:`doubts` (no compiled table)."""
    hist = record.history(state, treaty, known_on=known_on, policy=policy)
    current = hist.status_on(on)
    if not _may_doubt(record, hist.treaty, hist.state):
        return current
    if doubts(record, hist.state, hist.treaty.slug, on, known_on=known_on, policy=policy):
        return None
    return current


def status_table(record: FactBase, state: str, treaty: str) -> StatusTable:
    """Compile ``state``'s standing with ``treaty`` into a :class:`StatusTable` (cached).

    Every rule of :func:`doubts` compares the day asked about with days the record gives (the
    treaty's adoption, entry into force and completeness date, each act's dates, effects and
    alternative datings, each history's changes of status) or with a day the treaty's consent
    rule derives from one of them (the day after, and the entry into force for a deposit on
    it). Between two consecutive such days every rule gives the same answer, so the table asks
    :func:`decide_status` and :func:`doubt` once per piece, on its first day.
    """
    return record.cached(
        ("status-table", state, treaty), lambda: _status_table(record, state, treaty)
    )


def _status_table(record: FactBase, code: str, slug: str) -> StatusTable:
    tr = record.treaty(slug)
    edges: set[Date] = {tr.adopted, record.as_of.add(days=1)}
    edges.update(d for d in (tr.entry_into_force, tr.complete_until) if d is not None)
    for way in record.variant_actions(code, slug):
        for a in way:
            edges.update(d for d in (a.date, a.effective, a.announced) if d is not None)
            for alt in a.alternatives:
                edges.update(d for d in (alt.date, alt.effective) if d is not None)
    for hist in record.histories(code, slug):
        edges.update(t.day for t in hist.transitions)
    derived: set[Date] = set()
    for day in edges:
        after = day.add(days=1)
        derived.add(after)
        if tr.entry_into_force is not None:
            derived.update((tr.entry_into_force_for(day), tr.entry_into_force_for(after)))
    days = sorted(edges | derived)
    hist = record.history(code, slug)

    def at(day: Date) -> tuple[TreatyStatus | None, bool | None]:
        bound = None if doubt(record, code, slug, day) else hist.status_on(day) in BOUND
        return decide_status(record, code, slug, day), bound

    firsts: list[Date] = []
    pieces = [at(days[0].subtract(days=1))]
    for day in days:
        piece = at(day)
        if piece != pieces[-1]:
            firsts.append(day)
            pieces.append(piece)
    return StatusTable(
        code,
        slug,
        tuple(firsts),
        tuple(d.toordinal() for d in firsts),
        tuple(p[0] for p in pieces),
        tuple(p[1] for p in pieces),
    )


_STATUS_RULES: dict[TreatyStatus, tuple[str, Citation]] = {
    S.NON_SIGNATORY: (
        "a state that has neither signed nor consented is not bound",
        Citation(VCLT, "art. 34"),
    ),
    S.SIGNATORY: (
        "a signature subject to ratification expresses no consent to be bound",
        Citation(VCLT, "arts. 14(1), 18(a)"),
    ),
    S.SIGNATURE_WITHDRAWN: (
        "a signatory that has made clear it will not become a party is not bound and its interim obligation has ended",
        Citation(VCLT, "art. 18(a)"),
    ),
    S.PARTY_PENDING: (
        "consent has been given but the treaty is not yet in force for the state, so it is not yet bound",
        Citation(VCLT, "art. 24(3)"),
    ),
    S.PARTY: ("a treaty in force binds its parties", Citation(VCLT, "art. 26")),
    S.WITHDRAWAL_PENDING: (
        "a state that has notified withdrawal stays bound, with every obligation, until the withdrawal takes effect",
        Citation(VCLT, "arts. 26, 70(1)"),
    ),
    S.WITHDRAWN: (
        "from the day withdrawal takes effect the state is released from further performance; rights, "
        "obligations and situations created while it was a party are unaffected",
        Citation(VCLT, "art. 70(1)"),
    ),
}


def _may_be_succession(act: Action, acts: Sequence[Action]) -> bool:
    """Whether an instrument of unstated kind may be a succession reaching back.

    Not if the state itself signed the treaty before (a signatory ratifies), nor if the
    instrument was withdrawn before it took effect (a succession takes effect at once).
    """
    if any(a.kind is ActionKind.SIGNATURE and a.date <= act.date for a in acts):
        return False
    later = sorted(
        (a for a in acts if a.date >= act.date and a is not act),
        key=lambda a: (a.date, a.kind.order),
    )
    withdrawn = next(
        (
            a.kind is ActionKind.INSTRUMENT_WITHDRAWAL
            for a in later
            if a.kind.is_consent or a.kind is ActionKind.INSTRUMENT_WITHDRAWAL
        ),
        False,
    )
    return not withdrawn


def doubts(
    record: FactBase,
    state: str,
    treaty: str,
    on: Date,
    *,
    known_on: Date | None = None,
    policy: Policy | None = None,
) -> tuple[Doubt, ...]:
    """Every reason the record leaves where ``state`` stands with ``treaty`` on ``on`` open.

    A doubt whose ``bound_known`` is true leaves only the status open (signatory or not; party
    or having given notice), not whether the state is bound. The rules:

    * Before the treaty's adoption every state is certainly a non-signatory: no act can
      precede it.
    * Sources that date an act differently (an act's ``alternatives``) leave open every day on
      which the datings give different statuses.
    * An instrument whose kind the record does not state (:attr:`ActionKind.CONSENT`) and whose
      effect it does not date may be a succession in force from independence: before the day a
      ratification would take effect, "not bound" is uncertain, unless the state had signed or
      the instrument was withdrawn before effect (which rule a succession out). Before the day
      of an in-force fact (:attr:`ActionKind.IN_FORCE`) nothing is certain; nor before a
      succession notified without its effective day.
    * A withdrawal under a treaty that holds it back while the state is engaged in an armed
      conflict (e.g. Mine Ban Convention art. 20(3)) takes effect on the recorded day only if
      the record dates its effect; otherwise the days from the end of the notice period are open.
    * Past the treaty's own ``complete_until`` (when earlier than the record's ``as_of``), a
      consent received later may be missing: a state not bound on the record is uncertain from
      the first day such a consent could have bound it (a bound one is answered as bound, with
      a qualifier, as past ``as_of``).
    * On a partial record (and, where ``historical_complete`` is false, for a state that had
      ceased to exist by the record's completeness date) only a state shown as bound, or as
      having left or un-signed, is certain; a state with a consent and no withdrawal is also
      certainly not bound before that consent and pending after it (a state cannot consent to
      a treaty that already binds it).
    * Where the record does not hold every signature, a state shown with no act may be a
      signatory: not bound either way.

    ``known_on`` and ``policy`` are those the status is computed under: only the acts on the
    record by ``known_on`` count. Past the record's own ``as_of`` no doubt is added: answers
    there carry a qualifier instead (see :func:`explain_status`).
    """
    tr = record.treaty(treaty)
    if on < tr.adopted:
        return ()
    policy = policy or DEFAULT_POLICY
    st = record.state(state)
    if not _may_doubt(record, tr, st.code):
        return ()
    hists = record.histories(st.code, tr.slug, known_on=known_on, policy=policy)
    ways = [
        tuple(a for a in way if known_on is None or known_day(a, policy) <= known_on)
        for way in record.variant_actions(st.code, tr.slug)
    ]
    statuses = [h.status_on(on) for h in hists]
    out: list[Doubt] = []
    if len(set(statuses)) > 1:
        out.append(_disagreement(st.code, tr, ways, statuses, on))
    for hist, way in zip(hists, ways, strict=True):
        for found in (
            _effect_doubt(st.code, tr, hist, way, on),
            _conflict_clause_doubt(st.code, tr, hist, on),
        ):
            if found is not None and found not in out:
                out.append(found)
    late = _completeness_doubt(record, st.code, tr, hists, on, known_on=known_on)
    if late is not None:
        out.append(late)
    if _partial_for(record, tr, st.code):
        found = _partial_doubt(st.code, tr, hists[0], ways[0], on)
        if found is not None:
            out.append(found)
    if (
        not tr.signatures_complete
        and tr.open_for_signature
        and statuses[0] is S.NON_SIGNATORY
        and not any(d.missing == f"record: acts of {st.code} on {tr.slug}" for d in out)
    ):
        out.append(
            Doubt(
                f"the record of the {tr.short_title} does not hold every signature: {st.code} may have "
                "signed it, which binds no state to the treaty (it is not bound either way)",
                f"record: signatures of {st.code} on {tr.slug}",
                bound_known=True,
            )
        )
    return tuple(out)


_OPEN_KINDS = frozenset({ActionKind.CONSENT, ActionKind.IN_FORCE, ActionKind.SUCCESSION})
_JOINING = frozenset({ActionKind.SIGNATURE, ActionKind.SIGNATURE_WITHDRAWAL})
"""Acts that presuppose the state is not bound on their day (besides a consent)."""


def _may_doubt(record: FactBase, tr: Treaty, code: str) -> bool:
    """Whether any rule of :func:`doubts` can apply to this state and treaty (cached)."""
    return record.cached(("may-doubt", tr.slug, code), lambda: _may_doubt_now(record, tr, code))


def _may_doubt_now(record: FactBase, tr: Treaty, code: str) -> bool:
    if tr.partial or not tr.signatures_complete or not tr.historical_complete:
        return True
    if tr.complete_until is not None and tr.complete_until < record.as_of:
        return True
    conflict = tr.withdrawal_rule is not None and tr.withdrawal_rule.conflict_article is not None
    return any(
        a.alternatives
        or a.kind in _OPEN_KINDS
        or (conflict and a.kind is ActionKind.WITHDRAWAL and a.effective is None)
        for a in record.actions_of(code, tr.slug)
    )


def _partial_for(record: FactBase, tr: Treaty, code: str) -> bool:
    """Whether the record of ``tr`` holds ``code``'s acts only in part."""
    if tr.partial:
        return True
    if tr.historical_complete:
        return False
    ended = record.state(code).ended
    return ended is not None and ended <= record.complete_until(tr)


def _disagreement(
    code: str,
    tr: Treaty,
    ways: Sequence[Sequence[Action]],
    statuses: Sequence[TreatyStatus],
    on: Date,
) -> Doubt:
    disputed = [a for a in ways[0] if a.alternatives]
    told = "; ".join(
        f"{a.kind.value} dated {a.date}"
        + (f" (in force {a.effective})" if a.effective else "")
        + f" by {a.source.title}, "
        + ", ".join(
            f"{alt.date or a.date}"
            + (f" (in force {alt.effective})" if alt.effective else "")
            + f" by {alt.source.title}"
            for alt in a.alternatives
        )
        for a in disputed
    )
    seen = ", ".join(dict.fromkeys(s.value for s in statuses))
    return Doubt(
        f"official sources date {code}'s act on the {tr.short_title} differently ({told}): on {on} "
        f"they give {seen}",
        f"record: the date of {code}'s "
        + ", ".join(dict.fromkeys(a.kind.value for a in disputed))
        + f" on {tr.slug} (sources disagree)",
        bound_known=len({s in BOUND for s in statuses}) == 1,
    )


def _effect_doubt(
    code: str, tr: Treaty, hist: History, acts: Sequence[Action], on: Date
) -> Doubt | None:
    """An instrument whose effect the record does not date may bind the state earlier."""
    general = tr.entry_into_force
    if hist.status_on(on) in BOUND or general is None or on < general:
        return None
    for a in acts:
        if a.kind is ActionKind.IN_FORCE and on < a.date:
            return Doubt(
                f"the record shows {code} bound by the {tr.short_title} from {a.date} at the latest, not since when",
                f"record: the instrument by which {code} became bound by {tr.slug}",
            )
        if a.kind is ActionKind.SUCCESSION and a.effective is None and on < a.date:
            return Doubt(
                f"{code}'s succession notified on {a.date} takes effect from its independence, a day the record does not give",
                f"record: the day from which {code}'s succession of {a.date} to {tr.slug} took effect",
            )
        if a.kind is not ActionKind.CONSENT or a.effective is not None:
            continue
        if not _may_be_succession(a, acts):
            continue
        effect = next(  # the day it took effect, as the replay found it
            (t.day for t in hist.transitions if t.cause == a and t.status is S.PARTY), None
        )
        if effect is not None and on < effect:
            return Doubt(
                f"the record does not say whether {code}'s instrument of {a.date} was a ratification or accession, in force from {effect}, or a notification of succession, in force from independence",
                f"record: the kind of {code}'s instrument of {a.date} on {tr.slug}",
            )
    return None


def _conflict_clause_doubt(code: str, tr: Treaty, hist: History, on: Date) -> Doubt | None:
    """A withdrawal held back while the state is engaged in an armed conflict."""
    rule = tr.withdrawal_rule
    i = hist.index_on(on)
    if rule is None or rule.conflict_article is None or i < 0:
        return None
    t = hist.transitions[i]
    if t.status is not S.WITHDRAWN or t.cause.kind is not ActionKind.WITHDRAWAL:
        return None
    if t.cause.effective is not None:
        return None
    return Doubt(
        f"{code}'s withdrawal from the {tr.short_title}, notified on {t.cause.date}, takes effect on {t.day} "
        f"only if {code} is not then engaged in an armed conflict ({tr.short_title} {rule.conflict_article}: "
        f"{rule.conflict}); the record does not say",
        f"record: whether {code} was engaged in an armed conflict on {t.day} ({tr.slug} {rule.conflict_article})",
    )


def _completeness_doubt(
    record: FactBase,
    code: str,
    tr: Treaty,
    hists: Sequence[History],
    on: Date,
    *,
    known_on: Date | None,
) -> Doubt | None:
    """A state not bound on the record may have joined after the record's completeness date.

    Past a treaty's own ``complete_until`` (earlier than the record's ``as_of``), a consent
    received later may be missing: a state the record shows not bound is undetermined from the
    first day such a consent could have bound it under the treaty's rule for later consents,
    and before that day only its status is open (it could have signed). A state the record
    shows bound is answered as bound, with a qualifier that later acts are not recorded, as
    past ``as_of``: a party is taken to remain one until an act on the record says otherwise.
    An act recorded after the completeness date pins the status on its day: no missing act can
    change the days after it in a way the recorded act would not have shown.
    """
    complete = tr.complete_until
    if complete is None or complete >= record.as_of or on <= complete:
        return None
    if known_on is not None and known_on <= complete:
        return None
    if any(h.status_on(on) in BOUND for h in hists):
        return None  # bound (or the sources disagree, which another doubt names)
    pinned = max(
        (a.date for h in hists for t in h.transitions if complete < (a := t.cause).date <= on),
        default=complete,
    )
    after = pinned.add(days=1)
    missing = f"record: acts of {code} on {tr.slug} after {complete}"
    head = f"the record of the {tr.short_title} is complete only up to {complete}"
    if tr.entry_into_force is not None:
        earliest = tr.entry_into_force_for(after)
        if on >= earliest:
            return Doubt(
                f"{head}: a consent by {code} received after it could have bound it from {earliest}",
                missing,
            )
    return Doubt(
        f"{head}: {code} may since have signed or consented, which could not bind it by {on}",
        missing,
        bound_known=True,
    )


def _partial_doubt(
    code: str, tr: Treaty, hist: History, acts: Sequence[Action], on: Date
) -> Doubt | None:
    """A state the record holds only in part: a later consent of it may be missing.

    The acts a partial record may lack are acts by which a state joins (a signature, a consent);
    a recorded status that only a leaving act could end (a party's) is taken to hold until the
    record shows one, as past a completeness date. So: a state with no act is undetermined from
    the treaty's entry into force; one shown bound stays bound; one not bound before its first
    recorded consent is certainly not bound then (a state cannot consent to a treaty that already
    binds it), nor before any recorded act that presupposes it was not bound (a signature, its
    withdrawal), and pending between a consent's deposit and effect; after its last recorded
    act, a state not bound is undetermined from the first day a later consent could bind it. A
    withdrawal still pending after the last recorded act may have been revoked (VCLT art. 68):
    from the day it took effect, the state is undetermined.
    """
    general = tr.entry_into_force
    status = hist.status_on(on)
    if not acts:
        text = f"the record of the {tr.short_title} lists some states only, and no act of {code}"
        missing = f"record: acts of {code} on {tr.slug}"
        if general is None or on < general:
            return Doubt(text, missing, bound_known=True)  # no one is bound yet
        return Doubt(text, missing)
    if status in BOUND or status is S.PARTY_PENDING:
        return None
    if any(a.date > on and (a.kind.is_consent or a.kind in _JOINING) for a in acts):
        return None  # a later recorded act presupposes the state was not bound then
    before = [a.date for a in acts if a.date <= on]
    if not before:  # before its first recorded act, a signature: it had not consented either
        return None
    i = hist.index_on(on)
    since = hist.transitions[i].day if i >= 0 else tr.adopted  # its status is unchanged since
    last = max(a.date for a in acts)
    if status is S.WITHDRAWN and last.add(days=1) < since:
        # The notice was still pending after the last recorded act: a revocation before the
        # withdrawal took effect may be missing, and would have kept the state a party.
        text = (
            f"the record of the {tr.short_title} is partial and shows {code}'s withdrawal taking "
            f"effect on {since}: a revocation of the notice before then may be missing"
        )
        return Doubt(text, f"record: acts of {code} on {tr.slug} after those recorded")
    join = max(max(before).add(days=1), since)  # the first day a missing consent could come
    text = (
        f"the record of the {tr.short_title} is partial and shows {code} as {status.value} on {on}: "
        "a later consent may be missing"
    )
    missing = f"record: acts of {code} on {tr.slug} after those recorded"
    if general is not None and on >= tr.entry_into_force_for(join):
        return Doubt(text, missing)
    return Doubt(text, missing, bound_known=True)


def doubt(
    record: FactBase,
    state: str,
    treaty: str,
    on: Date | None = None,
    *,
    known_on: Date | None = None,
    policy: Policy | None = None,
) -> Doubt | None:
    """Why the record leaves open whether ``state`` is bound by ``treaty`` on ``on``.

    ``None`` if whether it is bound is certain (the status itself may still be open: see
    :func:`doubts`). ``on`` defaults to the record's ``as_of``.
    """
    day = record.as_of if on is None else on
    for d in doubts(record, state, treaty, day, known_on=known_on, policy=policy):
        if not d.bound_known:
            return d
    return None


def explain_status(
    record: FactBase,
    state: str,
    treaty: str,
    on: Date,
    *,
    known_on: Date | None = None,
    policy: Policy | None = None,
    question: str | None = None,
) -> Finding:
    """Explain where ``state`` stands with ``treaty`` on ``on``.

    Returns:
        A Finding whose ``holds`` says whether the state is bound (party or
        withdrawal-pending; VCLT art. 26) and whose ``value`` is the :class:`TreatyStatus`.
        Its reasons are the acts that led there, each with its source, and the rule for the
        status reached. Where the record leaves whether the state is bound open, ``holds`` is
        ``None`` and ``missing`` names each fact that would settle it; where it leaves only the
        status open (e.g. whether a state that is not bound had signed), ``holds`` is decided,
        ``value`` is ``None`` and a qualifier says what is open.
    """
    policy = policy or DEFAULT_POLICY
    st = record.state(state)
    tr = record.treaty(treaty)
    if known_on is None and policy == DEFAULT_POLICY:
        found = finding_from_table(record, status_table(record, st.code, tr.slug), on)
        if found is not None:
            return found
    return _explain(record, st, tr, on, known_on, policy, question)


def finding_from_table(record: FactBase, table: StatusTable, on: Date) -> Finding | None:
    """:func:`explain_status` under the default policy, from a compiled table, if decided.

    The answer (``holds``, ``value``) is the table's, which is the rules' (see
    :func:`status_table`); the reasons and qualifiers are worked out when first read. ``None``
    where the record leaves whether the state is bound open: what is missing is then worked
    out by :func:`explain_status` itself.
    """
    i = bisect.bisect_right(table.days, on)
    bound = table.bound[i]
    if bound is None:
        return None
    code, slug = table.state, table.treaty

    def text() -> FindingText:
        full = _explain(
            record, record.state(code), record.treaty(slug), on, None, DEFAULT_POLICY, None
        )
        return full.question, full.reasons, full.qualifiers

    return deferred(
        text,
        bound,
        value=table.statuses[i],
        policy=DEFAULT_POLICY,
        on=on,
        as_of=record.as_of,
        digest=record.digest,
        data_version=record.version,
    )


def _explain(  # noqa: PLR0917 (explain_status's arguments, resolved)
    record: FactBase,
    st: State,
    tr: Treaty,
    on: Date,
    known_on: Date | None,
    policy: Policy,
    question: str | None,
) -> Finding:
    """:func:`explain_status` worked out from the history and the rules of :func:`doubts`."""
    hist = record.history(st.code, tr.slug, known_on=known_on, policy=policy)
    current = hist.status_on(on)
    found = doubts(record, st.code, tr.slug, on, known_on=known_on, policy=policy)
    facts = [t.reason for t in hist.up_to(on)]
    hard = [d for d in found if not d.bound_known]
    ask = question or f"Is {st.name} bound by the {tr.short_title} on {on}?"
    if hard:
        return record.finding(
            ask,
            None,
            reasons=[*facts, *(Reason(d.text, tr.cite("final clauses")) for d in hard)],
            missing=list(dict.fromkeys(d.missing for d in hard)),
            qualifiers=_qualifiers(record, st.code, tr.slug, on, known_on),
            policy=policy,
            on=on,
            known_on=known_on,
        )
    reasons = facts
    if not reasons:
        reasons.append(
            Reason(f"the record holds no act of {st.code} on the {tr.short_title} by {on}")
        )
    text, citation = _STATUS_RULES[current]
    if found:
        reasons.append(
            Reason(f"on the record's acts, status on {on}: {current.value}; {text}", citation)
        )
        reasons.extend(Reason(d.text, tr.cite("final clauses")) for d in found)
    else:
        reasons.append(Reason(f"status on {on}: {current.value}; {text}", citation))
    rule = tr.withdrawal_rule
    if current is S.WITHDRAWN and rule is not None and rule.consequences:
        reasons.append(
            Reason(rule.consequences, tr.cite(rule.consequences_article or rule.article))
        )
    qualifiers = _qualifiers(record, st.code, tr.slug, on, known_on)
    qualifiers.extend(f"the status is open ({d.missing}): {d.text}" for d in found)
    pending = _pending_after(hist, on)
    if pending is not None and not found:
        qualifiers.append(pending)
    return record.finding(
        ask,
        current in BOUND,
        value=None if found else current,
        reasons=reasons,
        qualifiers=qualifiers,
        policy=policy,
        on=on,
        known_on=known_on,
    )


def _pending_after(hist: History, on: Date) -> str | None:
    i = hist.index_on(on)
    if i + 1 < len(hist.transitions):
        nxt = hist.transitions[i + 1]
        if nxt.cause.date <= on:  # already set in motion on `on`, takes effect later
            return f"becomes {nxt.status.value} on {nxt.day}"
    return None


def _qualifiers(
    record: FactBase, state: str, treaty: str, on: Date, known_on: Date | None
) -> list[str]:
    out = []
    complete = record.complete_until(treaty)
    if on > complete:
        name = record.treaty(treaty).short_title
        out.append(
            f"the record of acts on the {name} is complete only up to {complete}; acts after that day are not in it"
        )
    if known_on is not None and known_on < on:
        out.append(
            f"answered as the record stood on {known_on}; acts received later are not counted"
        )
    st = record.state(state)
    if not st.exists_on(on):
        cont = f"; its continuator is {st.continuator}" if st.continuator else ""
        out.append(f"{st.name} ceased to exist on {st.ended}{cont}")
    return out


def is_bound(
    record: FactBase,
    state: str,
    treaty: str,
    on: Date,
    *,
    known_on: Date | None = None,
    policy: Policy | None = None,
) -> Finding:
    """Whether ``state`` is bound by ``treaty`` on ``on``: as :func:`explain_status`."""
    st = record.state(state)
    tr = record.treaty(treaty)
    return explain_status(
        record,
        st.code,
        tr.slug,
        on,
        known_on=known_on,
        policy=policy,
        question=f"Is {st.name} bound by the {tr.short_title} on {on}?",
    )


def interim_obligation(
    record: FactBase,
    state: str,
    treaty: str,
    on: Date,
    *,
    known_on: Date | None = None,
    policy: Policy | None = None,
) -> Finding:
    """Whether ``state`` must not defeat the object and purpose of ``treaty`` (VCLT art. 18).

    * 18(a): a signatory, subject to ratification, until it makes its intention not to become
      a party clear (the day is chosen by the policy ``intent_date``).
    * 18(b): a state that has consented, pending entry into force. Whether this also covers the
      wait for entry into force *for that state* once the treaty is in force generally is the
      policy ``interim_after_deposit``.

    The engine says only whether the obligation exists, never whether conduct breached it.
    A party is bound by the treaty itself (art. 26), not by the interim obligation.
    """
    policy = policy or DEFAULT_POLICY
    st = record.state(state)
    tr = record.treaty(treaty)
    base = explain_status(record, st.code, tr.slug, on, known_on=known_on, policy=policy)
    if base.holds is None:
        return attrs.evolve(
            base,
            question=f"Must {st.name} refrain from acts defeating the object and purpose of the {tr.short_title} on {on} (VCLT art. 18)?",
        )
    current = base.value
    assert isinstance(current, TreatyStatus)
    reasons = list(base.reasons[:-1])
    qualifiers = list(base.qualifiers)
    holds: bool
    if current is S.SIGNATORY:
        holds = True
        reasons.append(
            Reason(
                f"on {on} {st.code} is a signatory that has not made clear an intention not to become a "
                "party: it must refrain from acts that would defeat the treaty's object and purpose",
                Citation(VCLT, "art. 18(a)"),
            )
        )
        qualifiers.append("whether any conduct breached the obligation is not assessed")
    elif current is S.PARTY_PENDING:
        general = tr.entry_into_force
        before_general = general is None or on < general
        if before_general or policy.interim_after_deposit is InterimAfterDeposit.APPLIES:
            holds = True
            why = (
                "the treaty is not yet in force generally"
                if before_general
                else "the treaty is not yet in force for it (policy interim_after_deposit=applies)"
            )
            reasons.append(
                Reason(
                    f"on {on} {st.code} has expressed its consent to be bound and {why}: it must refrain "
                    "from acts that would defeat the treaty's object and purpose",
                    Citation(VCLT, "art. 18(b)"),
                )
            )
            qualifiers.append("provided entry into force is not unduly delayed")
            qualifiers.append("whether any conduct breached the obligation is not assessed")
        else:
            holds = False
            reasons.append(
                Reason(
                    f"on {on} the treaty is already in force generally; under policy "
                    "interim_after_deposit=general-entry-only art. 18(b) covers only the wait for "
                    "general entry into force",
                    Citation(VCLT, "art. 18(b)"),
                )
            )
    else:
        holds = False
        why = {
            S.NON_SIGNATORY: "it has neither signed nor consented to be bound",
            S.SIGNATURE_WITHDRAWN: "it has made clear its intention not to become a party, which ends the obligation",
            S.PARTY: "it is bound by the treaty itself, not by the interim obligation",
            S.WITHDRAWAL_PENDING: "it is still bound by the treaty itself until its withdrawal takes effect",
            S.WITHDRAWN: "it has withdrawn from the treaty",
        }[current]
        reasons.append(
            Reason(f"on {on} {st.code} is {current.value}: {why}", Citation(VCLT, "art. 18"))
        )
    return record.finding(
        f"Must {st.name} refrain from acts defeating the object and purpose of the {tr.short_title} on {on} (VCLT art. 18)?",
        holds,
        value=current,
        reasons=reasons,
        qualifiers=qualifiers,
        policy=policy,
        on=on,
        known_on=known_on,
    )


def parties(
    record: FactBase,
    treaty: str,
    on: Date,
    *,
    known_on: Date | None = None,
    policy: Policy | None = None,
) -> tuple[str, ...]:
    """Return the codes of every state certainly bound by ``treaty`` on ``on``, sorted.

    A historical state counts only up to the day before it ceased to exist: its treaty
    relations then continue, if at all, through its successor's own acts. The states whose
    being bound the record leaves open are :func:`undetermined_parties`.
    """
    return _sorted_out(record, treaty, on, known_on, policy)[0]


def undetermined_parties(
    record: FactBase,
    treaty: str,
    on: Date,
    *,
    known_on: Date | None = None,
    policy: Policy | None = None,
) -> tuple[str, ...]:
    """Return the codes of every state whose being bound by ``treaty`` on ``on`` is open, sorted.

    Each is undetermined for a reason :func:`doubts` gives (a partial record, sources that
    disagree, an instrument of unstated kind, acts after the record is complete). A state
    neither here nor in :func:`parties` is certainly not bound.
    """
    return _sorted_out(record, treaty, on, known_on, policy)[1]


def _sorted_out(
    record: FactBase, treaty: str, on: Date, known_on: Date | None, policy: Policy | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    tr = record.treaty(treaty)
    policy = policy or DEFAULT_POLICY

    def sort() -> tuple[tuple[str, ...], tuple[str, ...]]:
        bound: list[str] = []
        open_: list[str] = []
        compiled = known_on is None and policy == DEFAULT_POLICY
        for st in record.states:
            if not st.exists_on(on):
                continue
            if compiled:
                bound_on = status_table(record, st.code, tr.slug).bound_on(on)
                if bound_on is None:
                    open_.append(st.code)
                elif bound_on:
                    bound.append(st.code)
                continue
            if doubt(record, st.code, tr.slug, on, known_on=known_on, policy=policy) is not None:
                open_.append(st.code)
            elif (
                record.history(st.code, tr.slug, known_on=known_on, policy=policy).status_on(on)
                in BOUND
            ):
                bound.append(st.code)
        return tuple(bound), tuple(open_)

    return record.cached(("parties", tr.slug, on, known_on, policy), sort)


def general_entry_into_force(
    record: FactBase, treaty: str, *, known_on: Date | None = None
) -> Date | None:
    """The day the treaty entered into force generally, as its threshold and the record give it.

    Counts the instruments of ratification, acceptance, approval or accession (and those of
    unstated kind) in the order the depositary received them, and applies the treaty's
    :class:`~icclaw.treaties.GeneralEntry` rule to the day of the last one needed. ``None`` if
    the treaty has no such rule or the record holds too few instruments. The result can differ
    from the treaty's recorded ``entry_into_force`` only where the record lacks an early
    instrument (e.g. of a state that has since ceased to exist).
    """
    tr = record.treaty(treaty)
    rule = tr.general_entry
    if rule is None:
        return None
    counted = (
        ActionKind.RATIFICATION,
        ActionKind.ACCESSION,
        ActionKind.ACCEPTANCE,
        ActionKind.APPROVAL,
        ActionKind.CONSENT,
    )
    firsts = {
        code: min(a.date for a in acts)
        for code in record.actors(tr.slug)
        if (
            acts := [
                a
                for a in record.actions_of(code, tr.slug)
                if a.kind in counted and (known_on is None or a.date <= known_on)
            ]
        )
    }
    if len(firsts) < rule.count or any(code not in firsts for code in rule.including):
        return None
    reached = max([sorted(firsts.values())[rule.count - 1], *(firsts[c] for c in rule.including)])
    return rule.apply(reached)


def entry_into_force(
    record: FactBase, state: str, treaty: str, *, known_on: Date | None = None
) -> Date | None:
    """Return the day the treaty entered into force for ``state`` by its latest consent.

    ``None`` if the state never consented, if its latest instrument was withdrawn before it
    took effect, or if it has not yet taken effect by the record's ``as_of``. For an
    instrument whose kind the record does not state (:attr:`ActionKind.CONSENT`), the day it
    was in force by at the latest: a succession would have taken effect earlier; for an
    in-force fact (:attr:`ActionKind.IN_FORCE`), the day the source shows it in force.
    """
    hist = record.history(state, treaty, known_on=known_on)
    for t in reversed(hist.transitions):
        if t.cause.kind.is_consent:
            if t.status is S.PARTY:
                return t.day if t.day <= record.as_of else None
            continue
        if t.cause.kind is ActionKind.INSTRUMENT_WITHDRAWAL:
            return None
    return None


def in_force_periods(
    record: FactBase, state: str, treaty: str, *, known_on: Date | None = None
) -> tuple[Period, ...]:
    """Return every span of days during which ``state`` was bound by ``treaty`` (ends inclusive)."""
    hist = record.history(state, treaty, known_on=known_on)
    return _bound_spans(hist.transitions)


def _bound_spans(transitions: Sequence[Transition]) -> tuple[Period, ...]:
    spans: list[Period] = []
    start: Date | None = None
    for t in transitions:
        if t.status in BOUND and start is None:
            start = t.day
        elif t.status not in BOUND and start is not None:
            spans.append(Period(start, t.day.subtract(days=1)))
            start = None
    if start is not None:
        spans.append(Period(start, None))
    return tuple(spans)
