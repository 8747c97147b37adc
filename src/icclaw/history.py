"""The replay: a state's acts on a treaty, turned into its statuses over time.

The lower floor of the treaty-law engine. The fact base (:mod:`icclaw.base`) replays every
state's acts when it is built, to refuse an unlawful history, and keeps the result as its
compiled day tables; the queries of :mod:`icclaw.status` read them. The rule that builds a
history is :func:`history`.

Provisions applied:

* VCLT arts. 11–16 (means of consent; deposit), 18 (interim obligation; an intention not to
  become a party), 24 (entry into force), 54 and 68 (withdrawal; revocation of a notice before
  it takes effect).
* VCSST arts. 23(1) and 34 (a notification of succession takes effect from the succession).
* The treaty's own final clauses, carried by the :class:`~icclaw.treaties.Treaty` (e.g. Rome
  Statute arts. 125–127).
"""

from __future__ import annotations

import bisect
import enum
import functools
from typing import TYPE_CHECKING

import attrs

from icclaw.errors import Problem, RecordError
from icclaw.findings import Citation, Reason
from icclaw.policy import DEFAULT_POLICY, IntentDate, Policy
from icclaw.treaties import Action, ActionKind, Treaty

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from icclaw.dates import Date

__all__ = [
    "BOUND",
    "LEGAL_TRANSITIONS",
    "History",
    "StatusTable",
    "Transition",
    "TreatyStatus",
    "history",
    "known_day",
]


VCLT = "VCLT"


VCSST = "Vienna Convention on Succession of States in respect of Treaties"


class TreatyStatus(enum.StrEnum):
    """Where a state stands with a treaty on a given day."""

    NON_SIGNATORY = "non-signatory"
    SIGNATORY = "signatory"
    SIGNATURE_WITHDRAWN = "signature-withdrawn"
    PARTY_PENDING = "party-pending"
    """Instrument deposited; the treaty is not yet in force for the state."""
    PARTY = "party"
    WITHDRAWAL_PENDING = "withdrawal-pending"
    """Withdrawal notified, not yet effective: every obligation still stands."""
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return self.value


S = TreatyStatus


BOUND = frozenset({S.PARTY, S.WITHDRAWAL_PENDING})
"""The statuses in which a state is bound by the treaty (VCLT art. 26)."""


LEGAL_TRANSITIONS: frozenset[tuple[TreatyStatus, TreatyStatus]] = frozenset(
    {
        (S.NON_SIGNATORY, S.SIGNATORY),
        (S.NON_SIGNATORY, S.PARTY_PENDING),
        (S.NON_SIGNATORY, S.PARTY),  # succession, or consent taking effect on deposit
        (S.SIGNATORY, S.SIGNATURE_WITHDRAWN),
        (S.SIGNATORY, S.PARTY_PENDING),
        (S.SIGNATORY, S.PARTY),  # consent taking effect on deposit
        (S.SIGNATURE_WITHDRAWN, S.PARTY_PENDING),  # accession stays open
        (S.SIGNATURE_WITHDRAWN, S.PARTY),
        (S.PARTY_PENDING, S.PARTY),
        (S.PARTY_PENDING, S.NON_SIGNATORY),  # instrument withdrawn: back to the prior status
        (S.PARTY_PENDING, S.SIGNATORY),
        (S.PARTY_PENDING, S.SIGNATURE_WITHDRAWN),
        (S.PARTY_PENDING, S.WITHDRAWN),
        (S.PARTY, S.WITHDRAWAL_PENDING),
        (S.WITHDRAWAL_PENDING, S.WITHDRAWN),
        (S.WITHDRAWAL_PENDING, S.PARTY),  # notice revoked before it took effect
        (S.WITHDRAWN, S.PARTY_PENDING),  # re-joining
        (S.WITHDRAWN, S.PARTY),
    }
)
"""Every change of status LAW.md section 4 allows; any other sequence is a data error."""


@attrs.frozen
class Transition:
    """A change of status on a day, and the act that caused it.

    Attributes:
        day: The day the new status begins.
        status: The new status.
        cause: The act that caused it.
        why: Builds the reason when first read (histories are built for every state at load;
            their explanations only when asked for).
    """

    day: Date
    status: TreatyStatus
    cause: Action
    why: Callable[[], Reason] = attrs.field(repr=False, eq=False)

    @functools.cached_property
    def reason(self) -> Reason:
        """Why, with the provision applied and the act's source."""
        return self.why()


@attrs.frozen
class History:
    """A state's statuses over time under one treaty, built by :func:`history`.

    Attributes:
        state: The state's code.
        treaty: The treaty.
        transitions: The changes of status in date order; before the first, non-signatory.
    """

    state: str
    treaty: Treaty
    transitions: tuple[Transition, ...]
    _days: tuple[Date, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_days", tuple(t.day for t in self.transitions))

    def index_on(self, day: Date) -> int:
        """Return the index of the transition in force on ``day``, or -1 before the first."""
        return bisect.bisect_right(self._days, day) - 1

    def status_on(self, day: Date) -> TreatyStatus:
        """Return the status on ``day``."""
        i = self.index_on(day)
        return self.transitions[i].status if i >= 0 else S.NON_SIGNATORY

    def up_to(self, day: Date) -> tuple[Transition, ...]:
        """Return the transitions that took place on or before ``day``."""
        return self.transitions[: self.index_on(day) + 1]

    def statuses(self) -> tuple[TreatyStatus, ...]:
        """Return the sequence of statuses, starting from non-signatory."""
        return (S.NON_SIGNATORY, *(t.status for t in self.transitions))


def known_day(action: Action, policy: Policy) -> Date:
    """The day an act entered the record: its receipt, or its public act under ``public-act``."""
    if (
        action.kind is ActionKind.SIGNATURE_WITHDRAWAL
        and policy.intent_date is IntentDate.PUBLIC_ACT
        and action.announced is not None
    ):
        return action.announced
    return action.date


def history(
    state: str,
    treaty: Treaty,
    actions: Iterable[Action],
    *,
    policy: Policy | None = None,
    known_on: Date | None = None,
    file: str = "<record>",
) -> History:
    """Build a state's history under a treaty from its acts, checking every step is lawful.

    The acts are replayed in order of the day the depositary received them. Consent takes
    effect under the treaty's rule (:meth:`Treaty.entry_into_force_for`, e.g. Rome Statute
    art. 126(2)), or from the recorded effective date of a succession; until then the state is
    ``party-pending``. A withdrawal takes effect under the treaty's withdrawal clause (e.g. art.
    127(1)); until then ``withdrawal-pending``. An instrument withdrawn, or a withdrawal
    revoked (VCLT art. 68), before it took effect cancels that effect.

    Args:
        state: The state's code.
        treaty: The treaty.
        actions: The state's acts on the treaty.
        policy: The policy; ``intent_date`` decides which day ends a signatory's obligation.
        known_on: Count only acts that had entered the record by this day.
        file: Where the acts come from, for error reports.

    Returns:
        The history.

    Raises:
        RecordError: listing every act that does not follow lawfully from the ones before it.
    """
    policy = policy or DEFAULT_POLICY
    replay = _Replay(state, treaty, policy, file)
    for act in sorted(
        (a for a in actions if known_on is None or known_day(a, policy) <= known_on),
        key=lambda a: (a.date, a.kind.order),
    ):
        replay.apply(act)
    replay.finish()
    if replay.problems:
        raise RecordError(replay.problems)
    return History(state, treaty, tuple(replay.transitions))


_HANDLERS = {
    ActionKind.SIGNATURE: "signature",
    ActionKind.SIGNATURE_WITHDRAWAL: "signature_withdrawal",
    ActionKind.INSTRUMENT_WITHDRAWAL: "instrument_withdrawal",
    ActionKind.WITHDRAWAL: "withdrawal",
    ActionKind.WITHDRAWAL_REVOCATION: "revocation",
}
"""The replay's method for each kind of act; every other kind is a consent."""


class _Replay:
    """Replays one state's acts on one treaty, in order, into transitions of status."""

    def __init__(self, state: str, treaty: Treaty, policy: Policy, file: str) -> None:
        self.state = state
        self.treaty = treaty
        self.policy = policy
        self.file = file
        self.transitions: list[Transition] = []
        self.problems: list[Problem] = []
        self.current = S.NON_SIGNATORY
        self.before_pending = S.NON_SIGNATORY
        self.scheduled: Transition | None = None  # an effect set in motion, not yet reached

    def refuse(self, act: Action, why: str) -> None:
        self.problems.append(Problem(self.file, act.describe(), why))

    def move(self, t: Transition) -> None:
        if self.transitions and t.day < self.transitions[-1].day:
            self.refuse(
                t.cause,
                f"its effect on {t.day} would precede the status already recorded on {self.transitions[-1].day}",
            )
        elif (self.current, t.status) not in LEGAL_TRANSITIONS:
            self.refuse(t.cause, f"{self.current.value} cannot become {t.status.value}")
        else:
            self.transitions.append(t)
            self.current = t.status

    def finish(self) -> None:
        if self.scheduled is not None:
            self.move(self.scheduled)
            self.scheduled = None

    def apply(self, act: Action) -> None:
        if self.scheduled is not None and self.scheduled.day <= act.date:
            self.finish()
        if act.date < self.treaty.adopted:
            self.refuse(act, f"dated before the treaty was adopted ({self.treaty.adopted})")
            return
        treaty = self.treaty

        def fact() -> Reason:
            return Reason(_fact_text(act, treaty), self._provision(act), act.source)

        getattr(self, _HANDLERS.get(act.kind, "consent"))(act, fact)

    def _provision(self, act: Action) -> Citation:
        """The provision under which the act is done."""
        if act.kind is ActionKind.SIGNATURE_WITHDRAWAL:
            return Citation(VCLT, "art. 18(a)")
        if act.kind is ActionKind.WITHDRAWAL_REVOCATION:
            return Citation(VCLT, "art. 68")
        return self.treaty.cite(self.treaty.clause(act.kind.value))

    def signature(self, act: Action, fact: Callable[[], Reason]) -> None:
        closed = self.treaty.signature_closed
        if not self.treaty.open_for_signature:
            why = f"the {self.treaty.short_title} is not open for signature; states ratify or accept it"
            self.refuse(act, why)
        elif closed is not None and act.date > closed:
            self.refuse(act, f"signature closed on {closed}; a later state may only accede")
        elif self.current is not S.NON_SIGNATORY:
            self.refuse(act, f"a state that is {self.current.value} cannot sign")
        else:
            self.move(Transition(act.date, S.SIGNATORY, act, fact))

    def consent(self, act: Action, fact: Callable[[], Reason]) -> None:
        treaty = self.treaty
        if self.current not in (S.NON_SIGNATORY, S.SIGNATORY, S.SIGNATURE_WITHDRAWN, S.WITHDRAWN):
            self.refuse(act, f"duplicate consent: the state is already {self.current.value}")
            return
        needs_signature = (
            treaty.open_for_signature
            and treaty.signatures_complete
            and act.kind is ActionKind.RATIFICATION
        )
        if needs_signature and self.current is not S.SIGNATORY:
            self.refuse(
                act,
                f"ratification needs a standing signature, but the state is {self.current.value}; record an accession",
            )
            return
        if act.kind is ActionKind.IN_FORCE and (
            treaty.entry_into_force is None or act.date < treaty.entry_into_force
        ):
            general = treaty.entry_into_force or "a day not yet reached"
            self.refuse(
                act,
                f"shown in force for the state on {act.date}, but the treaty entered into force only on {general}",
            )
            return
        self.before_pending = self.current
        if treaty.entry_into_force is None:  # not in force: consent waits for general entry
            self.move(Transition(act.date, S.PARTY_PENDING, act, fact))
            return
        effect = _effect_of(act, treaty, treaty.entry_into_force)
        state = self.state

        def how() -> tuple[str, Citation]:
            return _effect_text(act, treaty, effect)

        if effect <= act.date:  # in force at once (or, for a succession, from an earlier day)

            def at_once() -> Reason:
                text, cite = how()
                return Reason(
                    f"{fact().text}; {treaty.short_title} in force for {state}: {text}",
                    cite,
                    act.source,
                )

            self.move(Transition(effect, S.PARTY, act, at_once))
        else:
            self.move(Transition(act.date, S.PARTY_PENDING, act, fact))

            def later() -> Reason:
                text, cite = how()
                return Reason(
                    f"{treaty.short_title} in force for {state}: {text}", cite, act.effective_source
                )

            self.scheduled = Transition(effect, S.PARTY, act, later)

    def instrument_withdrawal(self, act: Action, fact: Callable[[], Reason]) -> None:
        if self.current is not S.PARTY_PENDING:
            self.refuse(
                act,
                f"no instrument awaiting effect to withdraw (the state is {self.current.value})",
            )
            return
        self.scheduled = None
        self.move(Transition(act.date, self.before_pending, act, fact))

    def signature_withdrawal(self, act: Action, fact: Callable[[], Reason]) -> None:
        if self.current is not S.SIGNATORY:
            self.refuse(
                act,
                f"only a signatory can withdraw its signature (the state is {self.current.value})",
            )
            return
        day = known_day(act, self.policy)
        treaty, policy = self.treaty, self.policy
        self.move(
            Transition(
                day,
                S.SIGNATURE_WITHDRAWN,
                act,
                lambda: _unsign_reason(act, treaty, policy) or fact(),
            )
        )

    def withdrawal(self, act: Action, fact: Callable[[], Reason]) -> None:
        rule = self.treaty.withdrawal_rule
        if self.current is not S.PARTY:
            self.refuse(
                act, f"withdrawal by a state that is not a party (it is {self.current.value})"
            )
            return
        if rule is None:
            self.refuse(act, f"{self.treaty.short_title} has no withdrawal clause in the record")
            return
        effect = rule.apply(act.date, act.effective)
        self.move(Transition(act.date, S.WITHDRAWAL_PENDING, act, fact))
        state, treaty = self.state, self.treaty
        self.scheduled = Transition(
            effect,
            S.WITHDRAWN,
            act,
            lambda: Reason(
                f"withdrawal of {state} effective: {rule.describe(act.date, act.effective)}",
                treaty.cite(rule.article),
            ),
        )

    def revocation(self, act: Action, fact: Callable[[], Reason]) -> None:
        if self.current is not S.WITHDRAWAL_PENDING:
            self.refuse(
                act, f"no withdrawal awaiting effect to revoke (the state is {self.current.value})"
            )
            return
        self.scheduled = None

        def revoked() -> Reason:
            text = f"{fact().text}; a notice revoked before it takes effect leaves the state a party as if it had never been given"
            return Reason(text, Citation(VCLT, "art. 68"), act.source)

        self.move(Transition(act.date, S.PARTY, act, revoked))


def _effect_of(act: Action, treaty: Treaty, general: Date) -> Date:
    """The day a consent takes effect under the treaty's rules (the replay's one computation)."""
    if act.kind is ActionKind.IN_FORCE:
        return act.date
    if act.kind is ActionKind.SUCCESSION:
        # From the date of succession, or the treaty's entry into force if later (VCSST
        # art. 23(1)); a separating state continues the treaty in force (art. 34).
        return max(act.effective or act.date, general)
    if act.effective is not None:
        return max(act.effective, general)
    return treaty.entry_into_force_for(act.date)


def _effect_text(act: Action, treaty: Treaty, effect: Date) -> tuple[str, Citation]:
    """How :func:`_effect_of` found the day, in words, with the provision applied."""
    general = treaty.entry_into_force
    assert general is not None
    if act.kind is ActionKind.IN_FORCE:
        how = f"in force for it on {effect} at the latest; since when is not recorded"
        return how, treaty.cite(treaty.consent_rule.article)
    if act.kind is ActionKind.SUCCESSION:
        how = (
            f"succession effective from {effect}"
            if act.effective is not None
            else f"a succession takes effect from independence; the record gives only the notification, so {effect} at the latest"
        )
        return how, Citation(VCSST, "arts. 23(1), 34")
    if act.effective is not None:
        how = f"the record dates its entry into force {effect}" + (
            f" ({act.effective_source.title})" if act.effective_source is not None else ""
        )
    elif act.date <= general and effect == general:
        how = f"deposited before the treaty's general entry into force on {effect}"
    else:
        how = treaty.consent_rule.describe(act.date)
    if act.kind is ActionKind.CONSENT and act.effective is None:
        how += " at the latest (a succession, were it one, took effect from independence)"
    return how, treaty.cite(treaty.consent_rule.article)


_VERBS = {
    ActionKind.SIGNATURE: "signed",
    ActionKind.RATIFICATION: "deposited its instrument of ratification of",
    ActionKind.ACCESSION: "deposited its instrument of accession to",
    ActionKind.ACCEPTANCE: "deposited its instrument of acceptance of",
    ActionKind.APPROVAL: "deposited its instrument of approval of",
    ActionKind.SUCCESSION: "notified its succession to",
    ActionKind.CONSENT: "deposited an instrument of consent (ratification, accession or succession: the source does not say which) to",
    ActionKind.IN_FORCE: "is shown by the source as bound by",
    ActionKind.SIGNATURE_WITHDRAWAL: "notified the depositary that it does not intend to become a party to",
    ActionKind.INSTRUMENT_WITHDRAWAL: "withdrew, before it took effect, its instrument deposited for",
    ActionKind.WITHDRAWAL: "notified its withdrawal from",
    ActionKind.WITHDRAWAL_REVOCATION: "revoked its notice of withdrawal from",
}


def _fact_text(act: Action, treaty: Treaty) -> str:
    if act.kind is ActionKind.IN_FORCE:
        return f"{act.state} {_VERBS[act.kind]} the {treaty.short_title} on {act.date}, by an instrument the record does not hold"
    received = "" if act.kind is ActionKind.SIGNATURE else " (received by the depositary)"
    return f"{act.state} {_VERBS[act.kind]} the {treaty.short_title} on {act.date}{received}"


def _unsign_reason(act: Action, treaty: Treaty, policy: Policy) -> Reason | None:
    if policy.intent_date is IntentDate.PUBLIC_ACT and act.announced is not None:
        return Reason(
            f"{act.state} made its intention not to become a party to the {treaty.short_title} clear by a "
            f"public act on {act.announced} (policy intent_date=public-act); the depositary received "
            f"its notification on {act.date}",
            Citation(VCLT, "art. 18(a)"),
            act.announced_source,
        )
    return None


@attrs.frozen
class StatusTable:
    """One state's standing with one treaty, day by day: the compiled answer of :func:`icclaw.status.status`.

    A step function: piece ``i`` runs from ``days[i - 1]`` (inclusive) to ``days[i]``
    (exclusive); piece 0 is every day before ``days[0]``. Each piece holds the bare status
    (``None`` where the record leaves it open) and whether the state is bound (``None`` where
    the record leaves that open): exactly what :func:`icclaw.status.status` and :func:`icclaw.status.doubt`
    give on each of its days, for the whole record (no ``known_on``) and the default policy.

    Attributes:
        state: The state's code.
        treaty: The treaty's slug.
        days: The first day of each piece after the first, ascending.
        ordinals: The same days as day numbers (:meth:`datetime.date.toordinal`).
        statuses: The status on each piece (one more than ``days``).
        bound: Whether the state is bound on each piece (one more than ``days``).
    """

    state: str
    treaty: str
    days: tuple[Date, ...]
    ordinals: tuple[int, ...]
    statuses: tuple[TreatyStatus | None, ...]
    bound: tuple[bool | None, ...]

    def status_on(self, day: Date) -> TreatyStatus | None:
        """The status on ``day`` (``None``: the record leaves it open)."""
        return self.statuses[bisect.bisect_right(self.days, day)]

    def bound_on(self, day: Date) -> bool | None:
        """Whether the state is bound on ``day`` (``None``: the record leaves it open)."""
        return self.bound[bisect.bisect_right(self.days, day)]
