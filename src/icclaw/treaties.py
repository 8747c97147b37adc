"""Treaties and the actions states take on them.

A :class:`Treaty` carries its final clauses as data: when it entered into force generally, the
rule by which it enters into force for a state that consents later (:class:`ConsentRule`), and
the rule by which a withdrawal takes effect (:class:`WithdrawalRule`). Each rule names the
article it encodes. An :class:`Action` is one dated, sourced act of one state on one treaty.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from typing import TypeAlias

import attrs

from icclaw.dates import (
    Date,
    days_after,
    first_day_of_month_after,
    months_after,
    optional_date,
    to_date,
    years_after,
)
from icclaw.findings import Citation, Source

__all__ = [
    "Action",
    "ActionKind",
    "AfterMonths",
    "ConsentRule",
    "FirstOfMonthAfterDays",
    "OnDeposit",
    "Treaty",
    "WithGeneralEntry",
    "WithdrawalAfterNotice",
    "WithdrawalRule",
]

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _slug(_instance: object, _attribute: object, value: str) -> None:
    if not isinstance(value, str) or not _SLUG.fullmatch(value):
        raise ValueError(
            f"treaty slug {value!r}: expected lower-case words joined by hyphens, e.g. 'rome-statute'"
        )


def _positive(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{attribute.name} must be a whole number of zero or more, got {value!r}")


@attrs.frozen
class FirstOfMonthAfterDays:
    """In force for a state on the first day of the month after the Nth day following its deposit.

    The Rome Statute's rule (art. 126(2)): 60 days.

    Attributes:
        days: N.
        article: The provision stating the rule.
    """

    days: int = attrs.field(validator=_positive)
    article: str

    def apply(self, deposited: Date) -> Date:
        """Return the day the treaty enters into force for a state depositing on ``deposited``."""
        return first_day_of_month_after(days_after(deposited, self.days))

    def describe(self, deposited: Date) -> str:
        """Explain the computation for ``deposited`` in words."""
        day_n = days_after(deposited, self.days)
        return (
            f"deposit on {deposited} + {self.days} days = {day_n}; in force on the first day "
            f"of the following month, {self.apply(deposited)}"
        )


@attrs.frozen
class AfterMonths:
    """In force for a state N months after its deposit (the Geneva Conventions: six).

    Attributes:
        months: N.
        article: The provision stating the rule.
    """

    months: int = attrs.field(validator=_positive)
    article: str

    def apply(self, deposited: Date) -> Date:
        """Return the day the treaty enters into force for a state depositing on ``deposited``."""
        return months_after(deposited, self.months)

    def describe(self, deposited: Date) -> str:
        """Explain the computation for ``deposited`` in words."""
        return f"deposit on {deposited} + {self.months} months = {self.apply(deposited)}"


@attrs.frozen
class OnDeposit:
    """In force for a state on the day of its deposit (VCLT art. 24(3), absent another rule).

    Attributes:
        article: The provision stating the rule.
    """

    article: str = "art. 24(3)"

    def apply(self, deposited: Date) -> Date:
        """Return ``deposited``."""
        return deposited

    def describe(self, deposited: Date) -> str:
        """Explain the computation for ``deposited`` in words."""
        return f"in force on the day of deposit, {deposited}"


@attrs.frozen
class WithGeneralEntry:
    """In force at once for all, on the treaty's general entry into force.

    Rome Statute art. 121(4): an amendment enters into force for all States Parties one year
    after seven-eighths of them have deposited instruments. The record models the accepting
    states' side only: until the threshold is reached (no general date), an acceptance leaves
    the state ``party-pending``; once in force, the amendment also binds parties that did not
    accept it, which the engine does not yet model (none such is in force).

    Attributes:
        article: The provision stating the rule.
    """

    article: str

    def apply(self, deposited: Date) -> Date:
        """Return ``deposited``: the general date, if any, governs (see ``entry_into_force_for``)."""
        return deposited

    def describe(self, deposited: Date) -> str:
        """Explain the rule in words."""
        return (
            "in force for every accepting state together, on the treaty's general entry into force"
        )


ConsentRule: TypeAlias = FirstOfMonthAfterDays | AfterMonths | OnDeposit | WithGeneralEntry
"""How a treaty enters into force for a state consenting after it is in force generally."""


@attrs.frozen
class WithdrawalAfterNotice:
    """A withdrawal takes effect a fixed time after the notice is received, or later if it says so.

    The Rome Statute's rule (art. 127(1)): one year after receipt, unless the notice names a
    later date.

    Attributes:
        years: Whole years after receipt.
        months: Further months after receipt.
        article: The provision stating the rule.
        consequences: What survives a withdrawal under the treaty's own terms, in words.
        consequences_article: The provision stating the consequences.
    """

    article: str
    years: int = attrs.field(default=0, validator=_positive)
    months: int = attrs.field(default=0, validator=_positive)
    consequences: str | None = None
    consequences_article: str | None = None

    def apply(self, notified: Date, named: Date | None = None) -> Date:
        """Return the day a withdrawal notified on ``notified`` takes effect."""
        effective = months_after(years_after(notified, self.years), self.months)
        return max(effective, named) if named is not None else effective

    def describe(self, notified: Date, named: Date | None = None) -> str:
        """Explain the computation in words."""
        span = " and ".join(
            p
            for p in (
                f"{self.years} year{'s' if self.years != 1 else ''}" if self.years else "",
                f"{self.months} month{'s' if self.months != 1 else ''}" if self.months else "",
            )
            if p
        )
        text = f"notice received on {notified} + {span or '0 days'} = {self.apply(notified)}"
        if named is not None and named > self.apply(notified):
            text = f"notice received on {notified} names a later date, {named}"
        return text


WithdrawalRule: TypeAlias = WithdrawalAfterNotice
"""How a withdrawal from a treaty takes effect."""


def _clauses(value: object) -> tuple[tuple[str, str], ...]:
    items = value.items() if isinstance(value, dict) else value
    assert isinstance(items, Iterable)
    return tuple(sorted((str(k), str(v)) for k, v in items))


@attrs.frozen
class Treaty:
    """A treaty with its final clauses.

    Attributes:
        slug: The treaty's short identifier, e.g. ``"rome-statute"``.
        title: The full title.
        short_title: The name used in citations, e.g. ``"Rome Statute"``.
        adopted: The day the text was adopted.
        entry_into_force: The day it entered into force generally (``None`` if it has not).
        consent_rule: How it enters into force for a state consenting later.
        withdrawal_rule: How a withdrawal takes effect (``None``: the treaty has no clause).
        depositary: Who keeps the record of actions.
        signature_closed: The last day it was open for signature, if signature closed.
        reservations: Whether reservations are permitted (``None``: the treaty is silent).
        source: Where the final clauses were read.
        clauses: The provision under which each kind of act is done, as ``(kind, article)``
            pairs, e.g. ``("accession", "art. 125(3)")``.
        open_for_signature: ``False`` for an instrument states only ratify or accept (an
            amendment): no signature is recorded and none is needed before ratification.
        complete_until: The day up to which the record holds every act on this treaty, where
            that is earlier than the record's ``as_of``.
        partial: ``True`` where the record holds the acts of some states only: a state with no
            act recorded then has an unknown status, not "non-signatory".
        signatures_complete: ``False`` where the record does not hold every signature: a
            ratification is then accepted without a recorded signature.
    """

    slug: str = attrs.field(validator=_slug)
    title: str
    short_title: str
    adopted: Date = attrs.field(converter=to_date)
    entry_into_force: Date | None = attrs.field(converter=optional_date)
    consent_rule: ConsentRule
    withdrawal_rule: WithdrawalRule | None
    depositary: str
    source: Source
    signature_closed: Date | None = attrs.field(default=None, converter=optional_date)
    reservations: bool | None = None
    clauses: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_clauses)
    open_for_signature: bool = True
    complete_until: Date | None = attrs.field(default=None, converter=optional_date)
    partial: bool = False
    signatures_complete: bool = True

    def clause(self, kind: str) -> str:
        """Return the provision under which an act of ``kind`` is done.

        For example ``"art. 125(3)"`` for a Rome Statute accession; ``"final clauses"`` if the
        record names none.
        """
        for name, article in self.clauses:
            if name == kind:
                return article
        return "final clauses"

    def cite(self, article: str) -> Citation:
        """Return a citation of ``article`` of this treaty."""
        return Citation(self.short_title, article)

    def entry_into_force_for(self, deposited: object) -> Date:
        """Return the day the treaty enters into force for a state depositing on ``deposited``.

        ``deposited`` is the day the depositary received the instrument of ratification,
        acceptance, approval or accession.

        Before general entry into force, the general date; after it, the treaty's own rule
        for later consents (Rome Statute art. 126: the first day of the month after the 60th
        day following the deposit).

        Args:
            deposited: The day of deposit (a date or ``YYYY-MM-DD`` string).

        Raises:
            ValueError: if the treaty has not entered into force generally.
        """
        d = to_date(deposited, field="deposited")
        if self.entry_into_force is None:
            raise ValueError(f"{self.short_title} has not entered into force; no date can be given")
        return max(self.entry_into_force, self.consent_rule.apply(d))

    def withdrawal_effective(self, notified: object, named: object = None) -> Date:
        """Return the day a withdrawal takes effect.

        Args:
            notified: The day the depositary received the notice.
            named: A later day named in the notice, if any.

        Raises:
            ValueError: if the treaty has no withdrawal clause.
        """
        if self.withdrawal_rule is None:
            raise ValueError(f"{self.short_title} has no withdrawal clause")
        return self.withdrawal_rule.apply(to_date(notified, field="notified"), optional_date(named))

    def __str__(self) -> str:
        return self.short_title


class ActionKind(enum.StrEnum):
    """What a state did."""

    SIGNATURE = "signature"
    RATIFICATION = "ratification"
    ACCESSION = "accession"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    SUCCESSION = "succession"
    CONSENT = "consent"
    """An instrument of consent to be bound whose kind the source does not state: a
    ratification, acceptance, approval or accession (in force by the treaty's rule for later
    consents) or a notification of succession (in force from independence)."""
    IN_FORCE = "in-force"
    """Not an act but what a source states: the treaty was in force for the state on this day,
    by an instrument the record does not hold (an entry into force printed without its
    instrument). The state is bound from this day at the latest; earlier days are open."""
    SIGNATURE_WITHDRAWAL = "signature-withdrawal"
    """Notice that the state does not intend to become a party (VCLT art. 18(a))."""
    INSTRUMENT_WITHDRAWAL = "instrument-withdrawal"
    """Withdrawal of a deposited instrument before it took effect."""
    WITHDRAWAL = "withdrawal"
    """Notice of withdrawal from the treaty."""
    WITHDRAWAL_REVOCATION = "withdrawal-revocation"
    """Revocation of a withdrawal notice before it took effect (VCLT art. 68)."""

    def __str__(self) -> str:
        return self.value

    @property
    def is_consent(self) -> bool:
        """Whether the act expresses consent to be bound (VCLT arts. 14–16; succession).

        An in-force fact counts as one: it stands for the consent the record does not hold.
        """
        return self in _CONSENTS

    @property
    def order(self) -> int:
        """Rank among acts done on the same day: a signature comes before a ratification."""
        return _ORDER[self]


_CONSENTS = frozenset(
    {
        ActionKind.RATIFICATION,
        ActionKind.ACCESSION,
        ActionKind.ACCEPTANCE,
        ActionKind.APPROVAL,
        ActionKind.SUCCESSION,
        ActionKind.CONSENT,
        ActionKind.IN_FORCE,
    }
)
_ORDER = {
    ActionKind.SIGNATURE: 0,
    ActionKind.RATIFICATION: 1,
    ActionKind.ACCESSION: 1,
    ActionKind.ACCEPTANCE: 1,
    ActionKind.APPROVAL: 1,
    ActionKind.SUCCESSION: 1,
    ActionKind.CONSENT: 1,
    ActionKind.IN_FORCE: 1,
    ActionKind.SIGNATURE_WITHDRAWAL: 2,
    ActionKind.INSTRUMENT_WITHDRAWAL: 3,
    ActionKind.WITHDRAWAL: 4,
    ActionKind.WITHDRAWAL_REVOCATION: 5,
}


def _state_code(_instance: object, _attribute: object, value: str) -> None:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Z]{3}", value):
        raise ValueError(
            f"state code {value!r}: expected three capital letters (ISO 3166-1 alpha-3)"
        )


@attrs.frozen
class Action:
    """One act of one state on one treaty, dated and sourced.

    Attributes:
        state: The acting state's code.
        treaty: The treaty's slug.
        kind: What the state did.
        date: The day the act was done at, or received by, the depositary. A treaty act counts
            from this day, not from the domestic decision behind it.
        source: Where the fact comes from.
        effective: Where the legal effect is dated otherwise and the record says so: a
            succession effective from independence; a consent the depositary gave immediate
            effect (Geneva Conventions: a party to a conflict, GC I art. 62); a withdrawal notice
            naming a later date.
        announced: For a signature withdrawal, an earlier public act announcing it (used under
            the policy ``intent_date=public-act``).
        announced_source: The source of ``announced``.
        note: A remark for readers.
    """

    state: str = attrs.field(validator=_state_code)
    treaty: str = attrs.field(validator=_slug)
    kind: ActionKind = attrs.field(converter=ActionKind)
    date: Date = attrs.field(converter=to_date)
    source: Source = attrs.field(validator=attrs.validators.instance_of(Source))
    effective: Date | None = attrs.field(default=None, converter=optional_date)
    announced: Date | None = attrs.field(default=None, converter=optional_date)
    announced_source: Source | None = None
    note: str | None = None

    @effective.validator
    def _check_effective(self, _attribute: object, value: Date | None) -> None:
        if value is None:
            return
        if self.kind is ActionKind.IN_FORCE:
            raise ValueError(
                "'effective' is not recorded for an in-force fact: its date is already the day the treaty was in force"
            )
        if self.kind is ActionKind.WITHDRAWAL:
            if value <= self.date:
                raise ValueError(
                    f"a withdrawal's named effective date ({value}) must follow its receipt ({self.date})"
                )
        elif self.kind.is_consent and self.kind is not ActionKind.SUCCESSION:
            if value < self.date:
                raise ValueError(
                    f"a consent cannot take effect ({value}) before its deposit ({self.date}); only a succession reaches back"
                )
        elif self.kind is not ActionKind.SUCCESSION:
            raise ValueError(
                f"'effective' is recorded only for a consent the depositary dates otherwise, a succession or "
                f"a withdrawal naming a later date, not for a {self.kind.value}"
            )

    @announced.validator
    def _check_announced(self, _attribute: object, value: Date | None) -> None:
        if value is None:
            if self.announced_source is not None:
                raise ValueError("'announced_source' given without 'announced'")
            return
        if self.kind is not ActionKind.SIGNATURE_WITHDRAWAL:
            raise ValueError(
                f"'announced' is recorded only for a signature-withdrawal, not a {self.kind.value}"
            )
        if value > self.date:
            raise ValueError(
                f"the public act ({value}) cannot follow the notification ({self.date})"
            )
        if self.announced_source is None:
            raise ValueError("'announced' needs its own 'announced_source'")

    @property
    def sort_key(self) -> tuple[str, str, Date, int]:
        """Canonical order: treaty, state, date, then kind (signature before ratification)."""
        return (self.treaty, self.state, self.date, self.kind.order)

    def describe(self) -> str:
        """The act in a short phrase, e.g. ``"RUS signature-withdrawal 2016-11-30"``."""
        return f"{self.state} {self.kind.value} {self.date}"
