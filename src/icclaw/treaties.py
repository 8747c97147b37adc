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
    first_of_nth_month_after,
    months_after,
    optional_date,
    to_date,
    years_after,
)
from icclaw.errors import InvalidType, InvalidValue
from icclaw.findings import Citation, Source

__all__ = [
    "Action",
    "ActionKind",
    "AfterDays",
    "AfterMonths",
    "Alternative",
    "ConsentRule",
    "FirstOfMonthAfterDays",
    "FirstOfNthMonthAfter",
    "GeneralEntry",
    "OnDeposit",
    "Published",
    "Requires",
    "Treaty",
    "TreatyGroup",
    "WithGeneralEntry",
    "WithdrawalAfterNotice",
    "WithdrawalRule",
]

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

MAX_ALTERNATIVES = 3
"""The most datings of one act the record keeps beside its own (a bound on the variants)."""


def _slug(_instance: object, _attribute: object, value: str) -> None:
    if not isinstance(value, str) or not _SLUG.fullmatch(value):
        raise InvalidValue(
            f"treaty slug {value!r}: expected lower-case words joined by hyphens, e.g. 'rome-statute'"
        )


def _positive(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidValue(
            f"{attribute.name} must be a whole number of zero or more, got {value!r}"
        )


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
class AfterDays:
    """In force for a state on the Nth day after its deposit.

    The Convention on the Rights of the Child's rule (art. 49(2)): "on the thirtieth day after
    the deposit"; the Arms Trade Treaty's (art. 22(2)): "on the ninetieth day following".

    Attributes:
        days: N.
        article: The provision stating the rule.
    """

    days: int = attrs.field(validator=_positive)
    article: str

    def apply(self, deposited: Date) -> Date:
        """Return the day the treaty enters into force for a state depositing on ``deposited``."""
        return days_after(deposited, self.days)

    def describe(self, deposited: Date) -> str:
        """Explain the computation for ``deposited`` in words."""
        return f"deposit on {deposited} + {self.days} days = {self.apply(deposited)}"


@attrs.frozen
class FirstOfNthMonthAfter:
    """In force for a state on the first day of the Nth month after the month of its deposit.

    The Mine Ban Convention's rule (art. 17(2)): "on the first day of the sixth month after the
    date on which that State has deposited its instrument"; a deposit in September 1998 gives
    1 March 1999.

    Attributes:
        months: N.
        article: The provision stating the rule.
    """

    months: int = attrs.field(validator=_positive)
    article: str

    def apply(self, deposited: Date) -> Date:
        """Return the day the treaty enters into force for a state depositing on ``deposited``."""
        return first_of_nth_month_after(deposited, self.months)

    def describe(self, deposited: Date) -> str:
        """Explain the computation for ``deposited`` in words."""
        return (
            f"deposit on {deposited}; in force on the first day of the {_ordinal(self.months)} "
            f"month after, {self.apply(deposited)}"
        )


def _ordinal(n: int) -> str:
    words = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}
    return words.get(n, f"{n}th")


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


ConsentRule: TypeAlias = (
    FirstOfMonthAfterDays
    | AfterMonths
    | AfterDays
    | FirstOfNthMonthAfter
    | OnDeposit
    | WithGeneralEntry
)
"""How a treaty enters into force for a state consenting after it is in force generally."""


@attrs.frozen
class WithdrawalAfterNotice:
    """A withdrawal takes effect a fixed time after the notice is received, or later if it says so.

    The Rome Statute's rule (art. 127(1)): one year after receipt, unless the notice names a
    later date. Several weapons and children's treaties hold a withdrawal back while the state
    is engaged in an armed conflict (Mine Ban Convention art. 20(3): not before the end of the
    conflict); such a treaty names the clause in ``conflict_article``, and the record cannot
    tell on its own whether the state was so engaged when the period ran out.

    Attributes:
        years: Whole years after receipt.
        months: Further months after receipt.
        days: Further days after receipt (the Chemical Weapons Convention: 90 days).
        article: The provision stating the rule.
        consequences: What survives a withdrawal under the treaty's own terms, in words.
        consequences_article: The provision stating the consequences.
        conflict_article: The provision holding a withdrawal back while the withdrawing state
            is engaged in an armed conflict, if the treaty has one.
        conflict: That provision's rule, in words.
    """

    article: str
    years: int = attrs.field(default=0, validator=_positive)
    months: int = attrs.field(default=0, validator=_positive)
    days: int = attrs.field(default=0, validator=_positive)
    consequences: str | None = None
    consequences_article: str | None = None
    conflict_article: str | None = None
    conflict: str | None = None

    def __attrs_post_init__(self) -> None:
        if (self.conflict is None) != (self.conflict_article is None):
            raise InvalidValue(
                "'conflict' and 'conflict_article' go together: the rule and its provision"
            )

    def nominal(self, notified: Date) -> Date:
        """Return the day the period after the notice runs out (no later date named)."""
        return days_after(months_after(years_after(notified, self.years), self.months), self.days)

    def apply(self, notified: Date, named: Date | None = None) -> Date:
        """Return the day a withdrawal notified on ``notified`` takes effect."""
        effective = self.nominal(notified)
        return max(effective, named) if named is not None else effective

    def describe(self, notified: Date, named: Date | None = None) -> str:
        """Explain the computation in words."""
        span = " and ".join(
            p
            for p in (
                f"{self.years} year{'s' if self.years != 1 else ''}" if self.years else "",
                f"{self.months} month{'s' if self.months != 1 else ''}" if self.months else "",
                f"{self.days} day{'s' if self.days != 1 else ''}" if self.days else "",
            )
            if p
        )
        text = f"notice received on {notified} + {span or '0 days'} = {self.apply(notified)}"
        if named is not None and named > self.nominal(notified):
            text = f"notice received on {notified} names a later date, {named}"
        return text


WithdrawalRule: TypeAlias = WithdrawalAfterNotice
"""How a withdrawal from a treaty takes effect."""


@attrs.frozen
class GeneralEntry:
    """How a treaty enters into force generally: once a number of consents is reached.

    For example the CCW (art. 5(1)): six months after the twentieth instrument; the Treaty on
    the Prohibition of Nuclear Weapons (art. 15(1)): ninety days after the fiftieth. The date
    itself is recorded as the treaty's ``entry_into_force``, with its source;
    :func:`icclaw.status.general_entry_into_force` recomputes it from the record's consents.

    Attributes:
        count: The number of instruments of consent that brings the treaty into force.
        rule: When it enters into force, counted from the day the last of them is deposited
            (a consent rule applied to that day).
        article: The provision stating the threshold.
        not_before: A day before which it cannot enter into force whatever the count (the
            Chemical Weapons Convention: two years after opening for signature).
        including: States whose instruments must be among those counted (the Biological
            Weapons Convention: its depositaries, art. XIV(3)).
    """

    count: int = attrs.field(validator=_positive)
    rule: ConsentRule
    article: str
    not_before: Date | None = attrs.field(default=None, converter=optional_date)
    including: tuple[str, ...] = attrs.field(default=(), converter=tuple)

    @including.validator
    def _check_including(self, _attribute: object, value: tuple[str, ...]) -> None:
        for code in value:
            _state_code(self, _attribute, code)

    def apply(self, threshold_reached: Date) -> Date:
        """Return the day of general entry into force for a threshold reached on that day."""
        day = self.rule.apply(threshold_reached)
        return max(day, self.not_before) if self.not_before is not None else day


@attrs.frozen
class Requires:
    """Only a state bound by another treaty may be bound by this one.

    A CCW Protocol binds only a party to the Convention (CCW art. 4(3)–(4)); a Hague Protocol,
    only a party to the Hague Convention. The record refuses a consent deposited before the
    state's consent to ``treaty``, and the engine reads the instrument as binding the state only
    on the days ``treaty`` binds it too.

    Attributes:
        treaty: The slug of the treaty a state must be bound by.
        article: The provision saying so.
    """

    treaty: str = attrs.field(validator=_slug)
    article: str


@attrs.frozen
class Published:
    """A count of parties an official source published, for checking the record against.

    Attributes:
        total: The number of parties the source gives.
        on: The day the count is as of.
        source: The source.
    """

    total: int = attrs.field(validator=_positive)
    on: Date = attrs.field(converter=to_date)
    source: Source


class TreatyGroup(enum.StrEnum):
    """The groups of the ICRC's chart of IHL and related treaties."""

    VICTIMS = "victims"
    """Protection of victims of armed conflicts (the Geneva Conventions and Protocols, the
    Convention on the Rights of the Child and its Protocol, the Enforced Disappearance Convention)."""
    ICC = "icc"
    """The International Criminal Court (the Rome Statute and its amendments)."""
    CULTURAL_PROPERTY = "cultural-property"
    """Protection of cultural property in the event of armed conflict."""
    ENVIRONMENT = "environment"
    """The environment."""
    WEAPONS = "weapons"
    """Weapons."""

    def __str__(self) -> str:
        return self.value


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
            ratification is then accepted without a recorded signature, and a state with no
            act may be a signatory as well as a non-signatory (not bound either way).
        historical_complete: ``False`` where the record rests on a list of the parties among
            the states of the list's day (the ICRC chart of 9 November 2020): a state that had
            ceased to exist by ``complete_until`` is then held only as far as acts of it are
            recorded, as on a partial record.
        general_entry: The threshold of consents that brought the treaty into force generally.
        requires: Another treaty a state must be bound by to be bound by this one (a CCW
            Protocol, a Hague Protocol).
        group: The group the ICRC chart places the treaty in.
        niac_scope: The provision by which the treaty, or its relevant part, also governs
            non-international armed conflicts (``None``: it does not, or only through another
            instrument, as the CCW through its 2001 amendment).
        niac_via: The slug of the instrument that extends this one to non-international armed
            conflicts for the states bound by both (the CCW and its first Protocols: the 2001
            amendment of CCW art. 1).
        published: A published count of the treaty's parties, checked against the record.
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
    historical_complete: bool = True
    general_entry: GeneralEntry | None = None
    requires: Requires | None = None
    group: TreatyGroup | None = attrs.field(
        default=None, converter=attrs.converters.optional(TreatyGroup)
    )
    niac_scope: str | None = None
    niac_via: str | None = attrs.field(default=None, validator=attrs.validators.optional(_slug))
    published: Published | None = None

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
            raise InvalidValue(
                f"{self.short_title} has not entered into force; no date can be given"
            )
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
            raise InvalidValue(f"{self.short_title} has no withdrawal clause")
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


_CODE = re.compile(r"[A-Z]{3}")


def _state_code(_instance: object, _attribute: object, value: str) -> None:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise InvalidValue(
            f"state code {value!r}: expected three capital letters (ISO 3166-1 alpha-3)"
        )


@attrs.frozen
class Alternative:
    """Another source's dating of the same act, where two sources disagree.

    The record keeps both and picks neither: a day on which the two datings give different
    answers is undetermined, naming the conflict.

    Attributes:
        source: The source that dates the act otherwise.
        date: The day it gives for the act (default: the act's own).
        effective: The day it gives for the act's effect (default: the act's own).
        note: A remark for readers, e.g. the row as the source prints it.
    """

    source: Source = attrs.field(validator=attrs.validators.instance_of(Source))
    date: Date | None = attrs.field(default=None, converter=optional_date)
    effective: Date | None = attrs.field(default=None, converter=optional_date)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.date is None and self.effective is None:
            raise InvalidValue("an alternative gives another 'date' or 'effective', or both")


def _alternatives(value: Iterable[Alternative]) -> tuple[Alternative, ...]:
    return tuple(value)


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
        effective_source: The source of ``effective``, where another source than the act's
            own gives it (an entry into force printed in a gazette beside a chart's deposit).
        alternatives: Other sources' datings of the same act, where they disagree with this
            one (:class:`Alternative`).
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
    effective_source: Source | None = attrs.field(default=None)
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), converter=_alternatives)
    note: str | None = None

    @effective.validator
    def _check_effective(self, _attribute: object, value: Date | None) -> None:
        if value is None:
            return
        if self.kind is ActionKind.IN_FORCE:
            raise InvalidValue(
                "'effective' is not recorded for an in-force fact: its date is already the day the treaty was in force"
            )
        if self.kind is ActionKind.WITHDRAWAL:
            if value <= self.date:
                raise InvalidValue(
                    f"a withdrawal's named effective date ({value}) must follow its receipt ({self.date})"
                )
        elif self.kind.is_consent and self.kind is not ActionKind.SUCCESSION:
            if value < self.date:
                raise InvalidValue(
                    f"a consent cannot take effect ({value}) before its deposit ({self.date}); only a succession reaches back"
                )
        elif self.kind is not ActionKind.SUCCESSION:
            raise InvalidValue(
                f"'effective' is recorded only for a consent the depositary dates otherwise, a succession or "
                f"a withdrawal naming a later date, not for a {self.kind.value}"
            )

    @announced.validator
    def _check_announced(self, _attribute: object, value: Date | None) -> None:
        if value is None:
            if self.announced_source is not None:
                raise InvalidValue("'announced_source' given without 'announced'")
            return
        if self.kind is not ActionKind.SIGNATURE_WITHDRAWAL:
            raise InvalidValue(
                f"'announced' is recorded only for a signature-withdrawal, not a {self.kind.value}"
            )
        if value > self.date:
            raise InvalidValue(
                f"the public act ({value}) cannot follow the notification ({self.date})"
            )
        if self.announced_source is None:
            raise InvalidValue("'announced' needs its own 'announced_source'")

    @effective_source.validator
    def _check_effective_source(self, _attribute: object, value: Source | None) -> None:
        if value is not None and self.effective is None:
            raise InvalidValue("'effective_source' given without 'effective'")

    @alternatives.validator
    def _check_alternatives(self, _attribute: object, value: tuple[Alternative, ...]) -> None:
        for alt in value:
            if not isinstance(alt, Alternative):
                raise InvalidType(
                    f"an alternative must be an Alternative, not {type(alt).__name__}"
                )
            if (alt.date or self.date, alt.effective or self.effective) == (
                self.date,
                self.effective,
            ):
                raise InvalidValue(
                    f"an alternative from {alt.source.title!r} gives the act's own date and effect; "
                    "record a disagreement only"
                )
            self.variant(alt)  # the act as the other source dates it must itself be valid
        if len(value) > MAX_ALTERNATIVES:
            raise InvalidValue(
                f"{len(value)} alternatives; at most {MAX_ALTERNATIVES} datings of one act are recorded"
            )

    def variant(self, alt: Alternative) -> Action:
        """Return the act as ``alt`` dates it (with ``alt``'s source and no alternatives)."""
        return attrs.evolve(
            self,
            date=alt.date or self.date,
            effective=alt.effective or self.effective,
            source=alt.source,
            effective_source=None,
            alternatives=(),
            note=alt.note,
        )

    def variants(self) -> tuple[Action, ...]:
        """Return the act as each source dates it: itself first, then each alternative."""
        return (self, *(self.variant(a) for a in self.alternatives))

    @property
    def sort_key(self) -> tuple[str, str, Date, int]:
        """Canonical order: treaty, state, date, then kind (signature before ratification)."""
        return (self.treaty, self.state, self.date, self.kind.order)

    def describe(self) -> str:
        """The act in a short phrase, e.g. ``"RUS signature-withdrawal 2016-11-30"``."""
        return f"{self.state} {self.kind.value} {self.date}"
