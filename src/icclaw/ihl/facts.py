"""Facts of a situation of violence, as an analyst states them.

Actors, hostilities, control of groups by states, consent to foreign forces, occupation. Every
indicator is true, false or unknown (``None``), and may carry its source. Frozen and validated;
they know no engine.
"""

from __future__ import annotations

import collections
import enum
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, TypeVar

import attrs

from icclaw.dates import Date, Period, optional_date, to_date
from icclaw.errors import InvalidType, InvalidValue
from icclaw.treaties import Alternative

if TYPE_CHECKING:
    from icclaw.findings import Source

__all__ = [
    "ArmedGroup",
    "Conclusion",
    "ConclusionKind",
    "Consent",
    "Control",
    "ControlLevel",
    "Government",
    "GovernmentRole",
    "Holding",
    "HoldingRole",
    "Hostilities",
    "IhlDeclaration",
    "IhlDeclarationKind",
    "Intensity",
    "Occupation",
    "Organisation",
    "Situation",
    "StateActor",
    "Succession",
    "Territory",
]

_CODE = re.compile(r"[A-Z]{3}")


_E = TypeVar("_E", bound=enum.Enum)


def _member(kind: type[_E], field: str, value: object) -> _E:
    """``value`` as a member of ``kind``, from the member or its value exactly as written.

    Anything else is one clear error naming the field and the values it takes.
    """
    if isinstance(value, kind):
        return value
    for member in kind:
        if isinstance(value, str) and member.value == value:
            return member
    choices = ", ".join(repr(m.value) for m in kind)
    raise InvalidValue(f"{field}: {str(value)[:60]!r} is not one of {choices}")


def _sources(value: object) -> tuple[tuple[str, Source], ...]:
    if value is None:
        return ()
    items = value.items() if isinstance(value, Mapping) else value
    assert isinstance(items, Iterable)
    return tuple(sorted((str(k), v) for k, v in items))


def _source_names(
    instance: Organisation | Intensity, value: tuple[tuple[str, Source], ...]
) -> None:
    allowed = (*instance.INDICATORS, "asserted")
    unknown = [name for name, _ in value if name not in allowed]
    if unknown:
        raise InvalidValue(
            f"sources: {', '.join(unknown)} not an indicator; use one of {', '.join(allowed)}"
        )


def _optional_text(
    _instance: object, attribute: attrs.Attribute[str | None], value: object
) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InvalidValue(f"{attribute.name}: expected a name (text), got {value!r}")


def _tri(_instance: object, attribute: attrs.Attribute[bool | None], value: object) -> None:
    if value is not None and not isinstance(value, bool):
        raise InvalidValue(
            f"{attribute.name}: expected true, false or unknown (None), got {value!r}"
        )


@attrs.frozen
class Organisation:
    """How organised an armed group is (Limaj, Haradinaj, Boškoski; ICC case law).

    Each indicator is ``True``, ``False`` or ``None`` (unknown). No indicator is decisive.

    Attributes:
        command_structure: A command structure and headquarters; responsible command.
        discipline: Internal rules and the means to enforce them.
        operations: The capacity to plan, coordinate and carry out military operations.
        logistics: Recruitment, training, weapons and supplies, communications.
        territorial_control: Control of territory.
        negotiation: The ability to negotiate and conclude agreements, to speak with one voice.
        ihl_capacity: The ability to implement international humanitarian law.
        asserted: The analyst's overall assessment that the group is (or is not) organised
            enough; decisive when given.
        sources: The source of each indicator, by its name.
    """

    command_structure: bool | None = attrs.field(default=None, validator=_tri)
    discipline: bool | None = attrs.field(default=None, validator=_tri)
    operations: bool | None = attrs.field(default=None, validator=_tri)
    logistics: bool | None = attrs.field(default=None, validator=_tri)
    territorial_control: bool | None = attrs.field(default=None, validator=_tri)
    negotiation: bool | None = attrs.field(default=None, validator=_tri)
    ihl_capacity: bool | None = attrs.field(default=None, validator=_tri)
    asserted: bool | None = attrs.field(default=None, validator=_tri)
    sources: tuple[tuple[str, Source], ...] = attrs.field(
        default=(), converter=_sources, validator=lambda i, a, v: _source_names(i, v)
    )

    INDICATORS = (
        "command_structure",
        "discipline",
        "operations",
        "logistics",
        "territorial_control",
        "negotiation",
        "ihl_capacity",
    )


@attrs.frozen
class Intensity:
    """How intense the violence between two actors is (Tadić; Limaj; Boškoski).

    Attributes:
        protracted: The violence lasts (duration).
        clashes: The number, length and spread of clashes.
        heavy_weapons: The weapons and munitions used.
        forces_deployed: The numbers and kinds of forces deployed.
        casualties: The casualties.
        destruction: The destruction of property.
        displacement: The displacement of civilians.
        security_council: The Security Council's attention.
        ceasefire_attempts: Attempts to broker ceasefires.
        asserted: The analyst's overall assessment that the threshold is (or is not) met;
            decisive when given.
        sources: The source of each indicator, by its name.
    """

    protracted: bool | None = attrs.field(default=None, validator=_tri)
    clashes: bool | None = attrs.field(default=None, validator=_tri)
    heavy_weapons: bool | None = attrs.field(default=None, validator=_tri)
    forces_deployed: bool | None = attrs.field(default=None, validator=_tri)
    casualties: bool | None = attrs.field(default=None, validator=_tri)
    destruction: bool | None = attrs.field(default=None, validator=_tri)
    displacement: bool | None = attrs.field(default=None, validator=_tri)
    security_council: bool | None = attrs.field(default=None, validator=_tri)
    ceasefire_attempts: bool | None = attrs.field(default=None, validator=_tri)
    asserted: bool | None = attrs.field(default=None, validator=_tri)
    sources: tuple[tuple[str, Source], ...] = attrs.field(
        default=(), converter=_sources, validator=lambda i, a, v: _source_names(i, v)
    )

    INDICATORS = (
        "protracted",
        "clashes",
        "heavy_weapons",
        "forces_deployed",
        "casualties",
        "destruction",
        "displacement",
        "security_council",
        "ceasefire_attempts",
    )


def _state_code(value: object) -> str:
    if not isinstance(value, str) or not _CODE.fullmatch(value.strip().upper()):
        raise InvalidValue(f"{value!r} is not a state code; use ISO 3166-1 alpha-3, e.g. 'UKR'")
    return value.strip().upper()


def _place(value: object) -> str:
    """A state code (``"UKR"``) or the name of a declared :class:`Territory`, as written.

    Not upper-cased: ``"Goa"`` may name a territory; a code is three capital letters.
    """
    if isinstance(value, str) and value.strip() and value == value.strip():
        return value
    raise InvalidValue(
        f"territory: {str(value)[:60]!r} is neither a state code (e.g. 'UKR') nor the name of a "
        "declared territory"
    )


@attrs.frozen
class StateActor:
    """A state taking part through its armed forces.

    Attributes:
        code: The state's code.
    """

    code: str = attrs.field(converter=_state_code)

    @property
    def name(self) -> str:
        """The actor's name in the situation: its code."""
        return self.code


def _group_name(_instance: object, _attribute: object, value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValue(f"group name {value!r}: give the group a name")


@attrs.frozen
class ArmedGroup:
    """A non-state armed group.

    Attributes:
        name: Its name, unique in the situation.
        organisation: How organised it is.
        liberation_movement: An authority representing a people fighting under AP I art. 1(4).
        source: Where the description comes from.
    """

    name: str = attrs.field(validator=_group_name)
    organisation: Organisation = attrs.field(factory=Organisation)
    liberation_movement: bool = attrs.field(
        default=False, validator=attrs.validators.instance_of(bool)
    )
    source: Source | None = None


Actor = StateActor | ArmedGroup


def _period(value: object) -> Period:
    if isinstance(value, Period):
        return value
    if isinstance(value, tuple | list) and len(value) == 2:
        start, end = value
        return Period(to_date(start), None if end is None else to_date(end))
    raise InvalidValue(f"period: expected a Period or (start, end), got {value!r}")


class ControlLevel(enum.StrEnum):
    """How far a state controls an armed group, or how the group is attached to it.

    Overall and effective control, belonging and incorporation each make the group's fight the
    state's (its organisation permitting); none does not; unknown leaves it open.
    """

    NONE = "none"
    """Financing, training or equipping at most."""
    OVERALL = "overall"
    """A role in organising, coordinating or planning its military actions (Tadić AC 1999)."""
    EFFECTIVE = "effective"
    """Control of the specific operations (Nicaragua, 1986): for state responsibility."""
    BELONGING = "belonging"
    """The group belongs to the state: it fights on the state's behalf and the state accepts
    that it does, whatever the degree of control shown (GC III art. 4A(2): militias and
    organised resistance movements "belonging to a Party to the conflict"). Whether the
    relationship must amount to overall control (Tadić AC 1999) or may rest on acknowledgement
    or tacit agreement (ICRC Commentary on GC III, 2020, art. 4) is disputed; icclaw records
    the authority's finding that the group belongs to the state and gives it the effect of
    overall control."""
    INCORPORATED = "incorporated"
    """The state has incorporated the group into its armed forces and acknowledges it (AP I
    art. 43(1), (3)): the group is one of the state's own forces."""
    UNKNOWN = "unknown"
    """The analyst does not know how far the state controls the group."""


def _control_level(value: object) -> ControlLevel:
    if isinstance(value, ControlLevel):
        return value
    try:
        return ControlLevel(str(value))
    except ValueError:
        raise InvalidValue(
            f"level: {value!r} is not one of {', '.join(c.value for c in ControlLevel)}"
        ) from None


@attrs.frozen
class Control:
    """A state's control over an armed group during a period, or the group's attachment to it.

    Attributes:
        state: The controlling state's code.
        group: The group's name.
        level: None, overall, effective, belonging, incorporated or unknown
            (:class:`ControlLevel`).
        period: When.
        source: Where the fact comes from.
    """

    state: str = attrs.field(converter=_state_code)
    group: str = attrs.field(validator=attrs.validators.instance_of(str))
    level: ControlLevel = attrs.field(converter=_control_level)
    period: Period = attrs.field(converter=_period)
    source: Source | None = None


class ConclusionKind(enum.StrEnum):
    """How a conflict, or an occupation, was brought to an end, as the authority found it.

    Each ends the conflict (or occupation) from the conclusion's day (Tadić 1995, para. 70);
    the kind says why, and which provision speaks of it. :data:`HOSTILITIES_ENDS` and
    :data:`OCCUPATION_ENDS` say which kinds can end which.
    """

    PEACE = "peace"
    """A general conclusion of peace: the end of an international armed conflict (Tadić 1995,
    para. 70); a peace treaty may also end an occupation."""
    SETTLEMENT = "settlement"
    """A peaceful settlement: the end of a non-international armed conflict (Tadić 1995,
    para. 70)."""
    CLOSE_OF_OPERATIONS = "close-of-operations"
    """The general close of military operations: the end of an international armed conflict
    (GC IV art. 6(2); AP I art. 3(b)). Not the end of an occupation, whose law applies beyond
    it (GC IV art. 6(3); AP I art. 3(b))."""
    ARMISTICE = "armistice"
    """A general armistice the authority found to have closed military operations for good (as
    :attr:`CLOSE_OF_OPERATIONS`; an armistice that only suspends them is a lull, not an end)."""
    DEFEAT = "defeat"
    """One side was defeated, or ceased to exist as an organised party (a military victory): the
    end of a conflict, as the authority found it."""
    TRANSFER = "transfer"
    """A transfer of authority to the state's own government (Iraq, 28 June 2004): the end of an
    occupation, and of the international conflict with the foreign forces that stay on with that
    government's consent."""
    WITHDRAWAL = "withdrawal"
    """The occupant's forces withdrew, or lost effective control: the end of an occupation
    (Hague Regulations art. 42; AP I art. 3(b))."""


def _conclusion_kind(value: object) -> ConclusionKind:
    return _member(ConclusionKind, "kind", value)


HOSTILITIES_ENDS = frozenset(ConclusionKind) - {ConclusionKind.WITHDRAWAL}
"""The kinds of end a conflict arising from hostilities can have."""
OCCUPATION_ENDS = frozenset(
    {ConclusionKind.PEACE, ConclusionKind.TRANSFER, ConclusionKind.WITHDRAWAL}
)
"""The kinds of end an occupation can have: the general close of military operations, an
armistice or a defeat does not end it (GC IV art. 6(3); AP I art. 3(b))."""


def _conclusion(value: object) -> None:
    if value is not None and not isinstance(value, Conclusion):
        raise InvalidType(
            f"conclusion: expected a Conclusion (its day, kind and source), not "
            f"{type(value).__name__}"
        )


def _kinds(kinds: frozenset[ConclusionKind]) -> str:
    return ", ".join(repr(k.value) for k in ConclusionKind if k in kinds)


@attrs.frozen
class Conclusion:
    """The dated end of a conflict, as an authority found it.

    International humanitarian law applies beyond the cessation of hostilities until a general
    conclusion of peace is reached or, in a non-international conflict, a peaceful settlement
    is achieved (Tadić, ICTY Appeals Chamber, 2 Oct 1995, para. 70). Fighting may stop months
    before: the Eritrea–Ethiopia fighting stopped with the cessation of hostilities of 18 June
    2000, the conflict with the Algiers agreement of 12 December 2000.

    Attributes:
        on: The day the conclusion was reached (e.g. the peace agreement's signature); the
            conflict has ended from that day.
        kind: A general conclusion of peace or a peaceful settlement.
        source: Where the fact comes from.
    """

    on: Date = attrs.field(converter=to_date)
    kind: ConclusionKind = attrs.field(converter=_conclusion_kind)
    source: Source | None = None


@attrs.frozen
class Hostilities:
    """Armed violence between two actors during a period.

    Attributes:
        a: One actor's name (a state code or a group's name).
        b: The other's.
        period: When (a lull inside it is not an end: LAW.md C6).
        territory: Where the fighting takes place: a state's code, or the name of a
            :class:`Territory` of the situation (Crimea, Western Sahara), whose holder that day
            is the territorial state.
        intensity: How intense it is.
        area: A named area, if the fighting is confined to one.
        source: Where the fact comes from.
        concluded: Whether the period's end is the end of the conflict itself: ``True`` for a
            general conclusion of peace or a peaceful settlement; ``False`` where the fighting
            stopped but the conflict goes on (a lull: Tadić 1995, para. 70; LAW.md C6);
            ``None`` (default) where the analyst does not know — after the end, whether the
            conflict goes on is then undetermined. Only with an end.
        conclusion: The dated end of the conflict, where it came after the fighting's end
            (a peace agreement months after a ceasefire): until that day the conflict goes on
            as it stood on the last day of fighting; from it, it has ended. Only with an end,
            on or after it, and not with ``concluded``, which it replaces.
    """

    a: str = attrs.field(validator=attrs.validators.instance_of(str))
    b: str = attrs.field(validator=attrs.validators.instance_of(str))
    period: Period = attrs.field(converter=_period)
    territory: str = attrs.field(converter=_place)
    intensity: Intensity = attrs.field(
        factory=Intensity, validator=attrs.validators.instance_of(Intensity)
    )
    area: str | None = attrs.field(default=None, validator=_optional_text)
    source: Source | None = None
    concluded: bool | None = attrs.field(default=None, validator=_tri)
    conclusion: Conclusion | None = attrs.field(
        default=None, validator=lambda _i, _a, v: _conclusion(v)
    )

    def __attrs_post_init__(self) -> None:
        if self.a == self.b:
            raise InvalidValue(
                f"hostilities need two different actors, not {self.a} against itself"
            )
        if self.concluded is not None and self.period.end is None:
            raise InvalidValue(
                "concluded: say whether the conflict ended only for hostilities with an end"
            )
        if self.conclusion is None:
            return
        end = self.period.end
        if end is None or self.conclusion.on < end:
            raise InvalidValue(
                f"conclusion: {self.conclusion.on} is "
                + (
                    "given for fighting with no end"
                    if end is None
                    else f"before the fighting's end ({end})"
                )
                + "; a conflict is concluded on or after the last day of fighting"
            )
        if self.concluded is not None:
            raise InvalidValue(
                "conclusion: give either 'concluded' (the conflict ended with the fighting) or a "
                "dated conclusion, not both"
            )
        if self.conclusion.kind not in HOSTILITIES_ENDS:
            raise InvalidValue(
                f"conclusion: {self.conclusion.kind.value!r} ends an occupation, not a conflict; "
                f"use one of {_kinds(HOSTILITIES_ENDS)}"
            )


@attrs.frozen
class Consent:
    """A territorial state's consent to foreign forces on its territory.

    Attributes:
        territorial_state: The consenting state.
        foreign_state: The state whose forces it invited.
        period: When.
        source: Where the fact comes from.
        by: The authority that gave it, where rival authorities claim to speak for the state
            (a :class:`Government` of the situation): the consent is the state's only on the
            days that authority is its government.
    """

    territorial_state: str = attrs.field(converter=_state_code)
    foreign_state: str = attrs.field(converter=_state_code)
    period: Period = attrs.field(converter=_period)
    source: Source | None = None
    by: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        if self.territorial_state == self.foreign_state:
            raise InvalidValue(
                f"consent: {self.territorial_state} cannot consent to its own forces"
            )


_PARTIAL = "partial"


def _effective(
    _instance: object, attribute: attrs.Attribute[bool | str | None], value: object
) -> None:
    if value is not None and not isinstance(value, bool) and value != _PARTIAL:
        raise InvalidValue(
            f"{attribute.name}: expected true, false, 'partial' or unknown (None), got "
            f"{str(value)[:60]!r}"
        )


@attrs.frozen
class Occupation:
    """A state's control of territory not its own (Hague Regulations art. 42).

    Attributes:
        occupant: The occupying state.
        territory: What is occupied: a state's code (its territory), or the name of a
            :class:`Territory` of the situation (Kherson, Crimea, Western Sahara).
        period: When.
        effective_control: Whether the occupant's authority is in fact established and able to
            be exercised: ``True``; ``False``; ``"partial"`` where it controls some matters or
            parts only, and the law of occupation binds it in proportion to that control (ICJ,
            advisory opinion of 19 July 2024 on the occupied Palestinian territory, on Gaza);
            ``None``: unknown.
        area: The area occupied, if not the whole territory.
        through: A group through which the occupant exercises control (under its overall control).
        source: Where the fact comes from.
        conclusion: The dated end of the occupation (a transfer of authority, a withdrawal, a
            peace), with its source: from its day there is no occupation. The period's ``end``,
            if given, must be the day before.
    """

    occupant: str = attrs.field(converter=_state_code)
    territory: str = attrs.field(converter=_place)
    period: Period = attrs.field(converter=_period)
    effective_control: bool | str | None = attrs.field(default=None, validator=_effective)
    area: str | None = attrs.field(default=None, validator=_optional_text)
    through: str | None = attrs.field(default=None, validator=_optional_text)
    source: Source | None = None
    conclusion: Conclusion | None = attrs.field(
        default=None, validator=lambda _i, _a, v: _conclusion(v)
    )

    def __attrs_post_init__(self) -> None:
        if self.occupant == self.territory:
            raise InvalidValue(f"occupation: {self.occupant} cannot occupy its own territory")
        c = self.conclusion
        if c is None:
            return
        if c.kind not in OCCUPATION_ENDS:
            raise InvalidValue(
                f"conclusion: an occupation does not end with {c.kind.value!r} (the law of "
                "occupation applies beyond the general close of military operations: GC IV "
                f"art. 6(3), AP I art. 3(b)); use one of {_kinds(OCCUPATION_ENDS)}"
            )
        if c.on <= self.period.start:
            raise InvalidValue(
                f"conclusion: {c.on} is not after the occupation's start ({self.period.start})"
            )
        last = c.on.subtract(days=1)
        if self.period.end is not None and self.period.end != last:
            raise InvalidValue(
                f"conclusion: the occupation ends on {c.on}, so its last day is {last}, not "
                f"'end' = {self.period.end}; give the same end, or leave 'end' out"
            )

    @property
    def days(self) -> Period:
        """The days of the occupation: its period, ended the day before its conclusion."""
        if self.conclusion is None or self.period.end is not None:
            return self.period
        return Period(self.period.start, self.conclusion.on.subtract(days=1))

    @property
    def partial(self) -> bool:
        """Whether the occupant's effective control is partial (``effective_control='partial'``)."""
        return self.effective_control == _PARTIAL


class HoldingRole(enum.StrEnum):
    """How a state stands to a territory on a day."""

    SOVEREIGN = "sovereign"
    """The territory is the state's own, as the authority holds it."""
    ADMINISTERS = "administers"
    """The state administers the territory without sovereignty being held (a non-self-governing
    territory, a disputed one) or beside a dispute."""
    CLAIMS = "claims"
    """The state claims the territory (an annexation, a dispute); a claim makes no state the
    territorial state."""


def _holding_role(value: object) -> HoldingRole:
    return _member(HoldingRole, "role", value)


@attrs.frozen
class Holding:
    """How a state stood to a territory during a period, as an authority found it.

    Attributes:
        state: The state's code.
        role: Sovereign, administering or claiming.
        period: When.
        source: Where the fact comes from.
    """

    state: str = attrs.field(converter=_state_code)
    role: HoldingRole = attrs.field(converter=_holding_role)
    period: Period = attrs.field(converter=_period)
    source: Source | None = None


def _territory_name(_instance: object, _attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise InvalidValue(
            f"territory name {str(value)[:60]!r}: give a name without spaces around it, as facts "
            "will name it"
        )


def _holdings(value: object) -> tuple[Holding, ...]:
    return _typed(value, Holding, "holdings")  # type: ignore[return-value]


def _typed(value: object, kind: type | tuple[type, ...], what: str) -> tuple[object, ...]:
    """``value`` as a tuple of facts of ``kind``; one clear error naming what was given instead."""
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise InvalidType(
            f"{what}: expected a list of facts, not {type(value).__name__}"
            + (
                " (a name: load a situation file with icclaw.load_situation)"
                if isinstance(value, str)
                else ""
            )
        )
    out = tuple(value)
    names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
    for i, item in enumerate(out, 1):
        if not isinstance(item, kind):
            raise InvalidType(f"{what}: item {i} is {type(item).__name__}, not {names}")
    return out


def _overlap(a: Period, b: Period) -> bool:
    return (a.end is None or b.start <= a.end) and (b.end is None or a.start <= b.end)


@attrs.frozen
class Territory:
    """A territory named in a situation: part of a state, disputed, or no state's.

    Facts of hostilities and occupation may name it instead of a state, so that a file need not
    adopt a claim (Western Sahara need not be written as Morocco, nor the Falklands as the United
    Kingdom), and occupation can be asked about it alone (Kherson, apart from the rest of
    Ukraine). Its holdings say who held it, administered it or claimed it, and when.

    The *territorial state* of a territory on a day is the state sovereign over it that day, or
    else the state administering it, or else none: a claim makes no state territorial. Consent
    to foreign forces, force on a state's territory, AP II and the occupied party are read of
    that state.

    Attributes:
        name: Its name, unique in the situation: an ISO 3166-1 code of a territory that is no
            state's (``"ESH"``) or a name (``"Crimea"``). Not the code of a state of the
            situation.
        holdings: Who held, administered or claimed it, over time; at most one sovereign and one
            administering state a day.
        source: Where the description comes from.
    """

    name: str = attrs.field(validator=_territory_name)
    holdings: tuple[Holding, ...] = attrs.field(default=(), converter=_holdings)
    source: Source | None = None

    def __attrs_post_init__(self) -> None:
        for role in (HoldingRole.SOVEREIGN, HoldingRole.ADMINISTERS):
            same = sorted(
                (h for h in self.holdings if h.role is role), key=lambda h: h.period.start
            )
            reach: Holding | None = None  # the one reaching furthest so far
            for b in same:
                a = reach
                if a is not None and _overlap(a.period, b.period):
                    raise InvalidValue(
                        f"territory {self.name!r}: two states {role.value} it at once ({a.state} "
                        f"{a.period}, {b.state} {b.period}); record a rival as 'claims'"
                    )
                if reach is None or (
                    reach.period.end is not None
                    and (b.period.end is None or b.period.end > reach.period.end)
                ):
                    reach = b

    def holder(self, on: Date) -> str | None:
        """The territorial state on ``on``: sovereign, else administering, else ``None``."""
        for role in (HoldingRole.SOVEREIGN, HoldingRole.ADMINISTERS):
            for h in self.holdings:
                if h.role is role and active(h.period, on):
                    return h.state
        return None

    def claimants(self, on: Date) -> tuple[str, ...]:
        """The states claiming it on ``on`` without holding it, sorted."""
        return tuple(
            sorted(
                {
                    h.state
                    for h in self.holdings
                    if h.role is HoldingRole.CLAIMS and active(h.period, on)
                }
            )
        )


def _territories(value: object) -> tuple[Territory, ...]:
    return _typed(value, Territory, "territories")  # type: ignore[return-value]


@attrs.frozen
class Succession:
    """A state whose part in the situation another carries on from a day: a change of identity.

    From ``on``, what the ``predecessor`` did in the situation — fight with its armed forces,
    control a group, consent, occupy — is the ``successor``'s: the hostilities carry across the
    change (the armed forces of the Socialist Federal Republic of Yugoslavia and the Federal
    Republic of Yugoslavia, proclaimed on 27 April 1992). Whether the successor continues the
    predecessor's legal personality is another question, which this fact does not answer (the
    FRY's claim to continue the SFRY was not accepted: General Assembly resolution 47/1).

    Attributes:
        predecessor: The state succeeded (its code).
        successor: The state carrying on (its code).
        on: The first day the successor carries on.
        source: Where the fact comes from.
    """

    predecessor: str = attrs.field(converter=_state_code)
    successor: str = attrs.field(converter=_state_code)
    on: Date = attrs.field(converter=to_date)
    source: Source | None = None

    def __attrs_post_init__(self) -> None:
        if self.predecessor == self.successor:
            raise InvalidValue(f"succession: {self.predecessor} cannot succeed itself")


def _successions(value: object) -> tuple[Succession, ...]:
    return _typed(value, Succession, "successions")  # type: ignore[return-value]


class GovernmentRole(enum.StrEnum):
    """How an authority stands to a state, as the authority classifying the situation found."""

    GOVERNMENT = "government"
    """It is the state's government: it speaks for the state, its armed forces are the
    state's, its consent is the state's (the Taliban in Afghanistan until the Interim Authority
    took office, as the classification of the 2001 conflict as international reads it)."""
    RIVAL = "rival"
    """It claims to speak for the state but was found not to: its forces are an armed group,
    its consent not the state's (the Houthi authorities in Sana'a from 2015, beside the
    government the Security Council recognised)."""


def _government_role(value: object) -> GovernmentRole:
    return _member(GovernmentRole, "role", value)


@attrs.frozen
class Government:
    """An authority claiming to speak for a state during a period: rival governments.

    Which authority speaks for a state decides whose armed forces are the state's and whose
    consent to foreign forces counts. The situation records the authority classifying it found
    to be the government (at most one a day) and the rivals it did not. An authority that is a
    :class:`ArmedGroup` of the situation and the government fights as the state: its fight is
    the state's, whatever its organisation (armed forces need no organisation test).

    Attributes:
        state: The state's code.
        authority: The authority's name; a group of the situation where it fights.
        role: The state's government, or a rival.
        period: When.
        source: Where the fact comes from.
    """

    state: str = attrs.field(converter=_state_code)
    authority: str = attrs.field(validator=_group_name)
    role: GovernmentRole = attrs.field(converter=_government_role)
    period: Period = attrs.field(converter=_period)
    source: Source | None = None


def _governments(value: object) -> tuple[Government, ...]:
    return _typed(value, Government, "governments")  # type: ignore[return-value]


def _actors(value: object) -> tuple[Actor, ...]:
    return _typed(value, (StateActor, ArmedGroup), "actors")  # type: ignore[return-value]


def _hostilities(value: object) -> tuple[Hostilities, ...]:
    return _typed(value, Hostilities, "hostilities")  # type: ignore[return-value]


def _controls(value: object) -> tuple[Control, ...]:
    return _typed(value, Control, "controls")  # type: ignore[return-value]


def _consents(value: object) -> tuple[Consent, ...]:
    return _typed(value, Consent, "consents")  # type: ignore[return-value]


def _occupations(value: object) -> tuple[Occupation, ...]:
    return _typed(value, Occupation, "occupations")  # type: ignore[return-value]


def overlapping_controls(controls: Iterable[Control]) -> list[tuple[Control, Control]]:
    """Controls of one group by one state for overlapping periods: each with one it overlaps.

    Sorted by start and swept (n log n, not every pair: a file may hold many controls).
    """
    by_pair: dict[tuple[str, str], list[Control]] = {}
    for c in controls:
        by_pair.setdefault((c.state, c.group), []).append(c)
    found = []
    for same in by_pair.values():
        same.sort(key=lambda c: c.period.start)
        reach: Control | None = None  # the one reaching furthest so far
        for c in same:
            if reach is not None and (
                reach.period.end is None or c.period.start <= reach.period.end
            ):
                found.append((reach, c))
            if reach is None or (
                reach.period.end is not None
                and (c.period.end is None or c.period.end > reach.period.end)
            ):
                reach = c
    return found


@attrs.frozen
class Situation:
    """A situation of violence: who, against whom, where, with what control and consent.

    Attributes:
        name: A name for the situation.
        actors: The states and armed groups.
        hostilities: The violence between pairs of actors.
        controls: Control of groups by states.
        consents: Consent of territorial states to foreign forces.
        occupations: Occupations.
        source: Where the description as a whole comes from.
        territories: Territories that facts name instead of a state (:class:`Territory`).
        successions: States whose part another carries on from a day (:class:`Succession`).
        governments: Authorities claiming to speak for a state, over time (:class:`Government`).
    """

    name: str
    actors: tuple[Actor, ...] = attrs.field(converter=_actors)
    hostilities: tuple[Hostilities, ...] = attrs.field(default=(), converter=_hostilities)
    controls: tuple[Control, ...] = attrs.field(default=(), converter=_controls)
    consents: tuple[Consent, ...] = attrs.field(default=(), converter=_consents)
    occupations: tuple[Occupation, ...] = attrs.field(default=(), converter=_occupations)
    source: Source | None = None
    territories: tuple[Territory, ...] = attrs.field(default=(), converter=_territories)
    successions: tuple[Succession, ...] = attrs.field(default=(), converter=_successions)
    governments: tuple[Government, ...] = attrs.field(default=(), converter=_governments)

    def __attrs_post_init__(self) -> None:
        places = [t.name for t in self.territories]
        twice = sorted(n for n, count in collections.Counter(places).items() if count > 1)
        if twice:
            raise InvalidValue(
                f"situation {self.name!r}: territories named twice: {', '.join(twice)}"
            )
        names = [a.name for a in self.actors]
        dupes = sorted(n for n, count in collections.Counter(names).items() if count > 1)
        if dupes:
            raise InvalidValue(f"situation {self.name!r}: actors named twice: {', '.join(dupes)}")
        known = set(names)
        groups = {a.name for a in self.actors if isinstance(a, ArmedGroup)}
        problems = []
        for h in self.hostilities:
            problems += [
                f"hostilities name an unknown actor {x!r}" for x in (h.a, h.b) if x not in known
            ]
        for c in self.controls:
            if c.group not in groups:
                problems.append(f"control names an unknown group {c.group!r}")
        problems += [
            f"control of {c.group!r} by {c.state} is given twice for overlapping periods ({c.period} and {d.period}); give one level per day"
            for c, d in overlapping_controls(self.controls)
        ]
        if self.successions and not problems:  # a predecessor's control is its successor's
            carried = [
                Control(state, c.group, c.level, period)
                for c in self.controls
                for state, period in self.spans(c.state, c.period)
            ]
            problems += [
                f"control of {c.group!r} by {c.state} is given twice for overlapping periods, "
                f"counting the controls of the states whose part it carries on ({c.period} and "
                f"{d.period}); give one level per day"
                for c, d in overlapping_controls(carried)
            ]
        for o in self.occupations:
            if o.through is not None and o.through not in groups:
                problems.append(f"occupation through an unknown group {o.through!r}")
        declared = set(places)
        problems += [
            f"territory {t.name!r} has the code of a state of the situation; name the state, or "
            "give the territory another name"
            for t in self.territories
            if t.name in known
        ]
        for what, place in (
            *(("hostilities", h.territory) for h in self.hostilities),
            *(("occupation", o.territory) for o in self.occupations),
        ):
            if place not in declared and not _CODE.fullmatch(place):
                problems.append(
                    f"{what} on {place!r}: neither a state code nor a declared territory"
                )
        states = {a.code for a in self.actors if isinstance(a, StateActor)}
        seen: set[str] = set()
        for x in self.successions:
            problems += [
                f"succession of {x.predecessor} by {x.successor}: {code} is not a [[state]] of "
                "the situation"
                for code in (x.predecessor, x.successor)
                if code not in states
            ]
            if x.predecessor in seen:
                problems.append(f"{x.predecessor} is succeeded twice; give one succession")
            seen.add(x.predecessor)
        if not problems and self._circular():
            problems.append("successions go round in a circle; a state cannot succeed itself")
        problems += self._government_problems(states, groups)
        for o in self.occupations:
            t = self.territory(o.territory)
            if t is not None and any(
                h.state == o.occupant and h.role is not HoldingRole.CLAIMS
                for h in t.holdings
                if _overlap(h.period, o.days)
            ):
                problems.append(
                    f"occupation of {t.name!r} by {o.occupant}, which holds it then; a state "
                    "does not occupy what it holds (record its hold as 'claims')"
                )
        if problems:
            raise InvalidValue(f"situation {self.name!r}: " + "; ".join(problems))

    def _government_problems(self, states: set[str], groups: set[str]) -> list[str]:
        problems = [
            f"government {g.authority!r}: {g.state} is not a [[state]] of the situation"
            for g in self.governments
            if g.state not in states
        ]
        by_authority: dict[str, list[Government]] = {}
        for g in self.governments:
            if g.role is GovernmentRole.GOVERNMENT:
                by_authority.setdefault(g.authority, []).append(g)
        for authority, theirs in by_authority.items():
            theirs.sort(key=lambda g: g.period.start)
            furthest: Government | None = None  # the one reaching furthest so far
            for b in theirs:
                a = furthest
                if a is not None and a.state != b.state and _overlap(a.period, b.period):
                    problems.append(
                        f"{authority!r} is the government of {a.state} and of {b.state} at "
                        f"once ({a.period}, {b.period}); an authority governs one state a day"
                    )
                if a is None or (
                    a.period.end is not None
                    and (b.period.end is None or b.period.end > a.period.end)
                ):
                    furthest = b
        spans = [  # each government, state by state across successions
            (state, period, g)
            for g in self.governments
            if g.role is GovernmentRole.GOVERNMENT
            for state, period in self.spans(g.state, g.period)
        ]
        spans.sort(key=lambda span: (span[0], span[1].start))
        reach: tuple[str, Period, Government] | None = None  # the furthest-reaching, by state
        for span in spans:
            state, period, g = span
            last = reach if reach is not None and reach[0] == state else None
            if last is not None and _overlap(last[1], period):
                problems.append(
                    f"{state} has two governments at once ({last[2].authority!r} {last[1]}, "
                    f"{g.authority!r} {period}); record the other as a 'rival'"
                )
            if last is None or (
                last[1].end is not None and (period.end is None or period.end > last[1].end)
            ):
                reach = span
        after = {x.predecessor: x.successor for x in self.successions}

        def carried_on(state: str) -> list[str]:  # the state, and who carries on its part
            chain = [state]
            while chain[-1] in after and after[chain[-1]] not in chain:
                chain.append(after[chain[-1]])
            return chain

        ruled = [
            (g, carried_on(g.state))
            for g in self.governments
            if g.role is GovernmentRole.GOVERNMENT
        ]
        for h in self.hostilities:
            for state, group in ((h.a, h.b), (h.b, h.a)):
                if group in groups and any(
                    g.authority == group and state in chain and _overlap(g.period, h.period)
                    for g, chain in ruled
                ):
                    problems.append(
                        f"hostilities of {state} and {group!r}, which is the government of "
                        f"{state} (or of a state whose part it carries on) then; a government's "
                        "forces are the state's"
                    )
        for c in self.consents:
            if c.by is not None and not any(
                g.state == c.territorial_state and g.authority == c.by for g in self.governments
            ):
                problems.append(
                    f"consent by {c.by!r}, which no government entry names for "
                    f"{c.territorial_state}"
                )
        return problems

    def spans(self, state: str, period: Period) -> list[tuple[str, Period]]:
        """``period`` cut where ``state``'s part passes to a successor: (state, days) pieces."""
        succeeded = {x.predecessor: x for x in self.successions}
        out = []
        start, end = period.start, period.end
        for _ in range(len(succeeded) + 1):  # bounded: a circle of successions is refused
            x = succeeded.get(state)
            if x is None or (end is not None and x.on > end):
                break
            if x.on > start:
                out.append((state, Period(start, x.on.subtract(days=1))))
                start = x.on
            state = x.successor
        out.append((state, Period(start, end)))
        return out

    def government(self, state: str, on: Date) -> Government | None:
        """The authority recorded as ``state``'s government on ``on``, if any."""
        for g in self.governments:
            if g.state == state and g.role is GovernmentRole.GOVERNMENT and active(g.period, on):
                return g
        return None

    def governs(self, group: str, on: Date) -> str | None:
        """The state whose government the group ``group`` is on ``on``, if any.

        Across a succession, the state carrying on that state's part.
        """
        for g in self.governments:
            if (
                g.authority == group
                and g.role is GovernmentRole.GOVERNMENT
                and active(g.period, on)
            ):
                return self.identity(g.state, on)
        return None

    def _circular(self) -> bool:
        after = {x.predecessor: x.successor for x in self.successions}
        for start in after:
            code, steps = start, 0
            while code in after:
                code, steps = after[code], steps + 1
                if code == start or steps > len(after):
                    return True
        return False

    def identity(self, code: str, on: Date) -> str:
        """The state that carries on ``code``'s part on ``on``.

        Itself, or its successor (and that one's successor, in turn): :class:`Succession`.
        """
        after = {x.predecessor: x for x in self.successions}
        while code in after and after[code].on <= on:
            code = after[code].successor
        return code

    def territory(self, name: str) -> Territory | None:
        """The declared territory called ``name``, or ``None`` (a state's code)."""
        for t in self.territories:
            if t.name == name:
                return t
        return None

    def holder(self, place: str, on: Date) -> str | None:
        """The territorial state of ``place`` on ``on``.

        The state itself for a state's code; for a declared territory its
        :meth:`Territory.holder`, ``None`` where no state holds it.
        """
        t = self.territory(place)
        return place if t is None else t.holder(on)

    def actor(self, name: str) -> Actor:
        """Return the actor named ``name``."""
        for a in self.actors:
            if a.name == name:
                return a
        raise KeyError(name)


def active(period: Period, on: Date) -> bool:
    """Whether ``on`` falls in ``period``."""
    return period.start <= on and (period.end is None or on <= period.end)


class IhlDeclarationKind(enum.StrEnum):
    """Declarations under Additional Protocol I that the record keeps."""

    IHFFC_COMPETENCE = "ihffc-competence"
    """AP I art. 90(2): acceptance of the competence of the International Humanitarian
    Fact-Finding Commission."""
    ARTICLE_96_3 = "article-96-3"
    """AP I art. 96(3): an authority representing a people fighting under art. 1(4) undertakes
    to apply the Conventions and the Protocol."""


@attrs.frozen
class IhlDeclaration:
    """A declaration under Additional Protocol I, dated and sourced.

    Attributes:
        kind: Which declaration.
        lodged: The day the depositary received it.
        source: Where the fact comes from.
        state: For art. 90, the declaring state.
        authority: For art. 96(3), the authority making it (the name of the group).
        against: For art. 96(3), the High Contracting Party engaged against the authority.
        accepted: For art. 96(3), whether the depositary accepted it.
        withdrawn: The day a withdrawal of the declaration was received, if any.
        alternatives: Other sources' datings of the declaration, where two disagree
            (:class:`~icclaw.treaties.Alternative`, ``date`` only): the days between are open.
        note: A remark for readers.
    """

    kind: IhlDeclarationKind = attrs.field(converter=IhlDeclarationKind)
    lodged: Date = attrs.field(converter=to_date)
    source: Source
    state: str | None = None
    authority: str | None = None
    against: str | None = None
    accepted: bool | None = None
    withdrawn: Date | None = attrs.field(default=None, converter=optional_date)
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), converter=tuple)
    note: str | None = None

    @alternatives.validator
    def _check_alternatives(self, _attribute: object, value: tuple[Alternative, ...]) -> None:
        for alt in value:
            if not isinstance(alt, Alternative):
                raise InvalidType(
                    f"an alternative must be an Alternative, not {type(alt).__name__}"
                )
            if alt.date is None or alt.effective is not None or alt.date == self.lodged:
                raise InvalidValue(
                    "an alternative of a declaration gives another 'date' for it (no 'effective')"
                )

    def __attrs_post_init__(self) -> None:
        if self.kind is IhlDeclarationKind.IHFFC_COMPETENCE and self.state is None:
            raise InvalidValue("an art. 90 declaration names its 'state'")
        if self.kind is IhlDeclarationKind.ARTICLE_96_3 and (
            self.authority is None or self.against is None
        ):
            raise InvalidValue(
                "an art. 96(3) declaration names its 'authority' and the state it is 'against'"
            )

    def in_effect(self, on: Date) -> bool | None:
        """Whether the declaration stands on ``on``; ``None`` where its sources' datings disagree."""
        standing = {
            day <= on and (self.withdrawn is None or on < self.withdrawn)
            for day in (self.lodged, *(a.date for a in self.alternatives if a.date is not None))
        }
        return standing.pop() if len(standing) == 1 else None
