"""Facts for the Rome Statute engine.

Events, triggers, declarations, Security Council votes and the Court's situations: frozen,
validated at the boundary; they know no engine and no record.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable

import attrs

from icclaw.dates import Date, Period, optional_date, to_date
from icclaw.errors import InvalidType, InvalidValue
from icclaw.findings import Source
from icclaw.icc.crimes import AMENDED_PROVISIONS, Crime, provision
from icclaw.treaties import Alternative

__all__ = [
    "CourtSituation",
    "Declaration",
    "DeclarationKind",
    "Event",
    "ProprioMotu",
    "Resolution",
    "ResolutionKind",
    "SecurityCouncilReferral",
    "StateReferral",
    "Trigger",
]

_CODE = re.compile(r"[A-Z]{3}")
_AMENDMENTS = frozenset(p.amendment for p in AMENDED_PROVISIONS)


def _code(value: object, field: str) -> str:
    if not isinstance(value, str) or not _CODE.fullmatch(value.strip().upper()):
        raise InvalidValue(
            f"{field}: {value!r} is not a state code; use ISO 3166-1 alpha-3, e.g. 'GEO'"
        )
    return value.strip().upper()


def _to_codes(value: object, field: str) -> tuple[str, ...]:
    items = (value,) if isinstance(value, str) else value
    if not isinstance(items, Iterable):
        raise InvalidValue(f"{field}: expected a state code or a tuple of codes, got {value!r}")
    return tuple(dict.fromkeys(_code(v, field) for v in items))


def _territory(value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    codes = _to_codes(value, "territory")
    if not codes:
        raise InvalidValue(
            "territory: give at least one state where the conduct took place, or None if unknown"
        )
    return codes


def _nationality(value: object) -> tuple[str, ...] | None:
    return None if value is None else _to_codes(value, "nationality")


def _referrers(value: object) -> tuple[str, ...]:
    out = _to_codes(value, "by")
    if not out:
        raise InvalidValue("by: at least one referring state is needed")
    return out


def _code_list(value: object) -> tuple[str, ...]:
    return () if value is None else _to_codes(value, "states")


def _optional_code(value: object) -> str | None:
    return None if value is None else _code(value, "aggressor")


def _crime(value: object) -> Crime:
    if isinstance(value, Crime):
        return value
    text = str(value).strip().lower().replace("_", "-").replace(" ", "-")
    try:
        return Crime(text)
    except ValueError:
        raise InvalidValue(
            f"crime: {value!r} is not one of {', '.join(c.value for c in Crime)}"
        ) from None


def _authorised(value: object) -> Date | None:
    return None if value is None else to_date(value, field="authorised_on")


def _referred(value: object) -> Date:
    return to_date(value, field="on")


def _state_code(value: object) -> str:
    return _code(value, "state")


def _provision_text(value: object) -> str | None:
    if value is None:
        return None
    return str(value).strip().lower().removeprefix("art.").strip().replace(" ", "")


def _lower(value: object) -> str | None:
    return None if value is None else str(value).strip().lower()


def _text(value: object) -> str:
    return str(value).strip()


@attrs.frozen
class Event:
    """Conduct the Court might have jurisdiction over.

    Attributes:
        crime: Which of the four crimes (art. 5).
        date: The day the conduct took place, or began.
        until: The last day of conduct over a period (inclusive); ``None`` for a single day.
        territory: Every state where the conduct, or an element of the crime, took place —
            including the state of registration of a vessel or aircraft (art. 12(2)(a)).
            ``None``: unknown.
        nationality: The accused's nationalities at the time of the conduct (art. 12(2)(b)).
            ``None`` (the default): unknown; ``()``: stateless.
        age: The accused's age at the time of the conduct (art. 26); ``None``: not assessed.
        provision: The art. 8 paragraph charged (e.g. ``"8(2)(e)(xiii)"``) or the slug of the
            amendment that introduced it, for the art. 121(5) filter; ``None``: the original text.
        aggressor: For aggression, the state whose act of aggression is alleged.
        area: A named area (e.g. ``"darfur"``, ``"crimea"``), for referral scopes.
    """

    crime: Crime = attrs.field(converter=_crime)
    date: Date = attrs.field(converter=to_date)
    until: Date | None = attrs.field(default=None, converter=optional_date)
    territory: tuple[str, ...] | None = attrs.field(default=None, converter=_territory)
    nationality: tuple[str, ...] | None = attrs.field(default=None, converter=_nationality)
    age: int | None = attrs.field(default=None)
    provision: str | None = attrs.field(default=None, converter=_provision_text)
    aggressor: str | None = attrs.field(default=None, converter=_optional_code)
    area: str | None = attrs.field(default=None, converter=_lower)

    @until.validator
    def _check_until(self, _attribute: object, value: Date | None) -> None:
        if value is not None and value < self.date:
            raise InvalidValue(
                f"until ({value}) is before date ({self.date}); 'until' is the last day of the conduct"
            )

    @age.validator
    def _check_age(self, _attribute: object, value: int | None) -> None:
        if value is not None and (
            not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 130
        ):
            raise InvalidValue(f"age: {value!r} is not an age in whole years (0 to 130)")

    @provision.validator
    def _check_provision(self, _attribute: object, value: str | None) -> None:
        if value is None:
            return
        if self.crime is not Crime.WAR_CRIMES:
            raise InvalidValue(
                f"provision: {value!r} is an art. 8 paragraph; it applies only to war crimes, not {self.crime.value}"
            )
        if (
            value not in _AMENDMENTS
            and provision(value) is None
            and not re.fullmatch(r"(art\.\s*)?8\(2\)\([a-f]\)(\([ivxl]+\))?", value.strip())
        ):
            raise InvalidValue(
                f"provision: {value!r} is neither an art. 8 paragraph such as '8(2)(e)(xiii)' nor an amendment slug "
                f"({', '.join(sorted(_AMENDMENTS))})"
            )

    @aggressor.validator
    def _check_aggressor(self, _attribute: object, value: str | None) -> None:
        if value is not None and self.crime is not Crime.AGGRESSION:
            raise InvalidValue(
                f"aggressor: only an aggression event names an aggressor state, not {self.crime.value}"
            )

    @property
    def period(self) -> Period:
        """The days of the conduct."""
        return Period(self.date, self.until or self.date)

    @property
    def amendment(self) -> str | None:
        """The amendment that introduced the charged provision, or ``None`` for the original text."""
        if self.provision is None:
            return None
        if self.provision in _AMENDMENTS:
            return self.provision
        found = provision(self.provision)
        return found.amendment if found is not None else None


@attrs.frozen
class StateReferral:
    """Referral of a situation by one or more States Parties (arts. 13(a), 14).

    Attributes:
        by: The referring state or states.
        on: The day the referral was made.
    """

    by: tuple[str, ...] = attrs.field(converter=_referrers)
    on: Date = attrs.field(converter=_referred)

    @property
    def article(self) -> str:
        """The provision of the trigger."""
        return "art. 13(a)"


@attrs.frozen
class SecurityCouncilReferral:
    """Referral by the Security Council acting under Chapter VII (art. 13(b)).

    Attributes:
        resolution: The resolution's number (``"1593"``) or, for a draft, its symbol
            (``"S/2014/348"``); looked up in the record.
    """

    resolution: str = attrs.field(converter=_text)

    @property
    def article(self) -> str:
        """The provision of the trigger."""
        return "art. 13(b)"


@attrs.frozen
class ProprioMotu:
    """Investigation by the Prosecutor on her or his own initiative (arts. 13(c), 15).

    Attributes:
        authorised_on: The day the Pre-Trial Chamber authorised the investigation (art. 15(4));
            ``None``: not yet sought — the answer is then the one the Chamber gives under
            art. 15(4), with a qualifier that authorisation is still required.
    """

    authorised_on: Date | None = attrs.field(default=None, converter=_authorised)

    @property
    def article(self) -> str:
        """The provision of the trigger."""
        return "art. 13(c)"


Trigger = StateReferral | SecurityCouncilReferral | ProprioMotu
"""How the Court is seized (art. 13)."""


class DeclarationKind(enum.StrEnum):
    """The declarations the Statute itself provides for (LAW.md T4)."""

    ACCEPTANCE = "acceptance"
    """Art. 12(3): a non-party accepts the Court's jurisdiction."""
    TRANSITIONAL = "transitional"
    """Art. 124: war crimes excluded for seven years after entry into force for the state."""
    AGGRESSION_OPT_OUT = "aggression-opt-out"
    """Art. 15bis(4): a State Party does not accept jurisdiction over its acts of aggression."""


@attrs.frozen
class Declaration:
    """A declaration lodged under the Statute.

    Attributes:
        kind: Which declaration.
        state: The declaring state's code.
        lodged: The day the Registrar (art. 12(3)) or the depositary received it.
        source: Where the fact comes from.
        start: For an acceptance, the first day it covers.
        end: For an acceptance, the last day it covers (``None``: open-ended).
        dated: The date on the instrument, where it differs from ``lodged``.
        given_effect: ``False`` where the Court did not act on it (Palestine 2009).
        scope: For art. 124: ``"all"``, ``"nationals"`` or ``"territory"``.
        withdrawn: The day a withdrawal of the declaration was received.
        withdrawn_effective: The day the withdrawal took effect, if the record dates it otherwise.
        alternatives: Other sources' datings of the day it was lodged, where two disagree
            (:class:`~icclaw.treaties.Alternative`, ``date`` only): for the Court acting between
            them, whether the declaration counts is open.
        note: A remark for readers.
    """

    kind: DeclarationKind = attrs.field(converter=DeclarationKind)
    state: str = attrs.field(converter=_state_code)
    lodged: Date = attrs.field(converter=to_date)
    source: Source = attrs.field(validator=attrs.validators.instance_of(Source))
    start: Date | None = attrs.field(default=None, converter=optional_date)
    end: Date | None = attrs.field(default=None, converter=optional_date)
    dated: Date | None = attrs.field(default=None, converter=optional_date)
    given_effect: bool = True
    scope: str = attrs.field(
        default="all", validator=attrs.validators.in_(("all", "nationals", "territory"))
    )
    withdrawn: Date | None = attrs.field(default=None, converter=optional_date)
    withdrawn_effective: Date | None = attrs.field(default=None, converter=optional_date)
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), converter=tuple)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        for alt in self.alternatives:
            if not isinstance(alt, Alternative):
                raise InvalidType(
                    f"an alternative must be an Alternative, not {type(alt).__name__}"
                )
            if alt.date is None or alt.effective is not None or alt.date == self.lodged:
                raise InvalidValue(
                    f"{self.state} {self.kind.value}: an alternative gives another 'date' on which "
                    "it was lodged (no 'effective')"
                )
        if self.kind is DeclarationKind.ACCEPTANCE:
            if self.start is None:
                raise InvalidValue(
                    f"{self.state} acceptance: 'start' (the first day it covers) is required"
                )
            if self.end is not None and self.end < self.start:
                raise InvalidValue(
                    f"{self.state} acceptance: ends ({self.end}) before it starts ({self.start})"
                )
        elif self.start is not None or self.end is not None:
            raise InvalidValue(
                f"{self.state} {self.kind.value}: 'start' and 'end' belong to an art. 12(3) acceptance"
            )
        if self.withdrawn_effective is not None and self.withdrawn is None:
            raise InvalidValue(
                f"{self.state} {self.kind.value}: 'withdrawn_effective' needs 'withdrawn'"
            )

    @property
    def covers(self) -> Period | None:
        """For an acceptance, the days it covers."""
        return Period(self.start, self.end) if self.start is not None else None

    @property
    def lodging_days(self) -> tuple[Date, ...]:
        """Every day a source gives for its lodging: ``lodged`` first, then the alternatives'."""
        return (self.lodged, *(a.date for a in self.alternatives if a.date is not None))

    def lodged_by(self, on: Date) -> bool | None:
        """Whether it had been lodged by ``on``; ``None`` where its sources disagree."""
        seen = {day <= on for day in self.lodging_days}
        return seen.pop() if len(seen) == 1 else None

    def describe(self) -> str:
        """A short phrase naming the declaration."""
        return f"{self.state} {self.kind.value} {self.lodged}"


class ResolutionKind(enum.StrEnum):
    """What a Security Council text does for the Court."""

    REFERRAL = "referral"
    """Art. 13(b)."""
    DEFERRAL = "deferral"
    """Art. 16."""
    OTHER = "other"


@attrs.frozen
class Resolution:
    """A Security Council text put to the vote: an adopted resolution or a failed draft.

    Whether it was adopted is not stored: it follows from the votes (Charter art. 27(3)).

    Attributes:
        date: The day of the vote.
        kind: Referral (art. 13(b)), deferral (art. 16), or other.
        yes: The members voting in favour.
        no: The members voting against.
        abstain: The members abstaining.
        source: Where the fact comes from.
        number: The resolution's number, once adopted (``"1593"``).
        symbol: The draft's document symbol (``"S/2014/348"``).
        name: A short name, where neither number nor symbol is known (``"kenya-deferral-2013"``).
        chapter_vii: Whether the Council acted under Chapter VII of the Charter.
        situation: A short name of the situation referred (``"darfur"``).
        territory: The states whose territory the referral concerns.
        area: A named area the referral is limited to (``"darfur"``), if any.
        start: For a referral, the first day it covers.
        months: For a deferral, how many months it requests.
        deferral_from: For a deferral, the first day of the period, if not the vote's day.
        personnel_only: For a deferral limited to personnel of contributing non-parties
            (res. 1422), ``True``: the engine flags it rather than applying it to every event.
        excludes_non_party_contributors: Whether it reserves nationals of contributing states
            not party to the Statute to their own state's jurisdiction (res. 1593, 1970 para. 6).
        cooperation: States the resolution requires to cooperate with the Court.
        note: A remark for readers.
    """

    date: Date = attrs.field(converter=to_date)
    kind: ResolutionKind = attrs.field(converter=ResolutionKind)
    yes: tuple[str, ...] = attrs.field(converter=_code_list)
    no: tuple[str, ...] = attrs.field(converter=_code_list)
    abstain: tuple[str, ...] = attrs.field(converter=_code_list)
    source: Source = attrs.field(validator=attrs.validators.instance_of(Source))
    number: str | None = None
    symbol: str | None = None
    name: str | None = None
    chapter_vii: bool = False
    situation: str | None = None
    territory: tuple[str, ...] = attrs.field(default=(), converter=_code_list)
    area: str | None = None
    start: Date | None = attrs.field(default=None, converter=optional_date)
    months: int | None = None
    deferral_from: Date | None = attrs.field(default=None, converter=optional_date)
    personnel_only: bool = False
    excludes_non_party_contributors: bool = False
    cooperation: tuple[str, ...] = attrs.field(default=(), converter=_code_list)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.number is None and self.symbol is None and self.name is None:
            raise InvalidValue("a Security Council text needs its number, its symbol or a name")
        seen: set[str] = set()
        for code in (*self.yes, *self.no, *self.abstain):
            if code in seen:
                raise InvalidValue(f"{self.label}: {code} is recorded with two votes")
            seen.add(code)
        if self.kind is ResolutionKind.DEFERRAL and not self.months:
            raise InvalidValue(
                f"{self.label}: a deferral request states its length in 'months' (art. 16: 12)"
            )

    @property
    def label(self) -> str:
        """``"res. 1593"``, ``"draft S/2014/348"`` or ``"draft kenya-deferral-2013"``."""
        return (
            f"res. {self.number}"
            if self.number is not None
            else f"draft {self.symbol or self.name}"
        )


@attrs.frozen
class CourtSituation:
    """A situation before the Court, with the dates art. 127(2) and the triggers turn on.

    Attributes:
        slug: A short name, e.g. ``"burundi"``.
        name: The Court's name for it.
        territory: The states concerned.
        source: Where the facts come from.
        area: A named area, if the situation is limited to one.
        preliminary_examination: The day the Prosecutor opened a preliminary examination.
        referred_by: The referring States Parties (art. 14).
        referred_on: The day of the state referral.
        security_council: The number of the referring resolution.
        authorisation_requested: The day the Prosecutor requested authorisation (art. 15(3)).
        authorised: The day the Pre-Trial Chamber authorised the investigation (art. 15(4)).
        investigation_opened: The day the investigation was opened.
        period: The days the referral or authorisation covers.
        note: A remark for readers.
    """

    slug: str
    name: str
    territory: tuple[str, ...] = attrs.field(converter=_code_list)
    source: Source = attrs.field(validator=attrs.validators.instance_of(Source))
    area: str | None = None
    preliminary_examination: Date | None = attrs.field(default=None, converter=optional_date)
    referred_by: tuple[str, ...] = attrs.field(default=(), converter=_code_list)
    referred_on: Date | None = attrs.field(default=None, converter=optional_date)
    security_council: str | None = None
    authorisation_requested: Date | None = attrs.field(default=None, converter=optional_date)
    authorised: Date | None = attrs.field(default=None, converter=optional_date)
    investigation_opened: Date | None = attrs.field(default=None, converter=optional_date)
    period: Period | None = None
    note: str | None = None

    @property
    def first_day(self) -> Date | None:
        """The earliest day any fact of the situation bears (for answers as known on a day)."""
        days = [
            d
            for d in (
                self.preliminary_examination,
                self.referred_on,
                self.authorisation_requested,
                self.authorised,
                self.investigation_opened,
            )
            if d is not None
        ]
        return min(days) if days else None
