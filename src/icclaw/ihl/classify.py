"""The classification engine: which armed conflicts exist on a day, pair of parties by pair.

LAW.md section 3, one function per rule:

* :func:`threshold` — whether indicators meet a threshold: asserted by the analyst, or left in
  no doubt by the indicators (all present, or all absent); otherwise undetermined, naming them;
* :func:`classify_interstate` — common art. 2: armed force between states (policy
  ``iac_threshold``);
* :func:`classify_state_group` — common art. 3 and the Tadić test; internationalisation by a
  foreign state's overall control (Tadić AC 1999); foreign intervention with the territorial
  state's consent stays non-international; without consent, the policy ``nonconsensual_strike``;
* :func:`classify_group_group` — common art. 3 between organised groups;
* :func:`classify_occupation` — Hague Regulations art. 42, common art. 2(2);
* :func:`ap_ii_applies` — AP II art. 1(1).

A pair can be both in an international armed conflict and in an occupation; parallel (mixed)
conflicts in one territory are normal (C7). Each :class:`Conflict` carries its Finding.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, NamedTuple, TypeVar

import attrs

from icclaw.findings import Citation, Finding, Reason
from icclaw.ihl.facts import (
    ArmedGroup,
    ControlLevel,
    Hostilities,
    Intensity,
    Occupation,
    Organisation,
    Situation,
    StateActor,
    active,
)
from icclaw.policy import DEFAULT_POLICY, IacThreshold, NonconsensualStrike, Policy
from icclaw.status import BOUND

if TYPE_CHECKING:
    from collections.abc import Sequence

    from icclaw.dates import Date
    from icclaw.record import Record

__all__ = [
    "Conflict",
    "ConflictKind",
    "Threshold",
    "ap_ii_applies",
    "classify",
    "classify_group_group",
    "classify_interstate",
    "classify_liberation_war",
    "classify_occupation",
    "classify_state_group",
    "threshold",
]

_T = TypeVar("_T")
GC = "Geneva Conventions"
_CA2 = Citation(GC, "common art. 2(1)")
_CA2_2 = Citation(GC, "common art. 2(2)")
_CA3 = Citation(GC, "common art. 3")
_HR42 = Citation("Hague Regulations 1907", "art. 42")
_TADIC_1995 = Citation("ICTY, Tadić (AC, 2 Oct 1995)", "para. 70")
_TADIC_1999 = Citation("ICTY, Tadić (AC, 15 July 1999)", "paras. 131–145")
_APII = Citation("Additional Protocol II", "art. 1(1)")
_API_14 = Citation("Additional Protocol I", "arts. 1(4), 96(3)")


class Ctx(NamedTuple):
    """The question being answered: on this record, this situation, this day, this policy."""

    record: Record
    situation: Situation
    on: Date
    policy: Policy


class ConflictKind(enum.StrEnum):
    """The kinds of situation the engine tells apart."""

    INTERNATIONAL = "international-armed-conflict"
    NON_INTERNATIONAL = "non-international-armed-conflict"
    OCCUPATION = "occupation"
    NONE = "no-armed-conflict"


@attrs.frozen
class Conflict:
    """One relationship between two parties on a day, and its classification.

    Attributes:
        parties: The two parties (state codes or group names), sorted.
        kind: The kind of conflict, or ``None`` when the facts do not decide it.
        finding: Why: ``holds`` is whether an armed conflict (or occupation) exists.
        on: The day classified.
        territory: The state on whose territory it takes place.
        via: The armed group through which a state takes part (overall control), if any.
        ap_ii: Whether AP II applies in addition to common art. 3 (non-international conflicts
            only; ``None`` when undetermined or not applicable).
        basis: ``"ap-i-96-3"`` for a war of national liberation under AP I art. 1(4).
    """

    parties: tuple[str, str]
    kind: ConflictKind | None
    finding: Finding
    on: Date
    territory: str | None = None
    via: str | None = None
    ap_ii: bool | None = None
    basis: str | None = None

    def __str__(self) -> str:
        kind = self.kind.value if self.kind is not None else "undetermined"
        via = f" (through {self.via})" if self.via else ""
        return f"{self.parties[0]} – {self.parties[1]}{via}: {kind}"


@attrs.frozen
class Threshold:
    """Whether a threshold is met: ``met`` is True, False or None (undetermined).

    Attributes:
        met: The answer.
        reasons: Why.
        missing: For an undetermined answer, the indicators that would decide it.
    """

    met: bool | None
    reasons: tuple[Reason, ...]
    missing: tuple[str, ...] = ()


def threshold(
    indicators: Organisation | Intensity, what: str, prefix: str, citation: Citation
) -> Threshold:
    """Whether ``indicators`` meet their threshold, without a hidden score.

    Met when the analyst asserts it or every indicator is present; not met when the analyst
    denies it or every indicator is absent; otherwise undetermined — a borderline or incomplete
    case — naming the unknown indicators and the analyst's assessment as what would decide it.
    """
    sources = dict(indicators.sources)
    if indicators.asserted is not None:
        verb = "meets" if indicators.asserted else "does not meet"
        return Threshold(
            indicators.asserted,
            (
                Reason(
                    f"{what} {verb} the threshold (the analyst's assessment)",
                    citation,
                    sources.get("asserted"),
                ),
            ),
        )
    values = {name: getattr(indicators, name) for name in indicators.INDICATORS}
    present = [n for n, v in values.items() if v is True]
    absent = [n for n, v in values.items() if v is False]
    unknown = [n for n, v in values.items() if v is None]
    reasons = [
        Reason(
            f"{what}: {n.replace('_', ' ')} {'present' if values[n] else 'absent'}",
            citation,
            sources.get(n),
        )
        for n in (*present, *absent)
    ]
    if not absent and not unknown:
        reasons.append(
            Reason(
                f"{what}: every indicator is present; the threshold is met beyond doubt", citation
            )
        )
        return Threshold(True, tuple(reasons))
    if not present and not unknown:
        reasons.append(
            Reason(f"{what}: every indicator is absent; the threshold is not met", citation)
        )
        return Threshold(False, tuple(reasons))
    reasons.append(
        Reason(
            f"{what}: the indicators leave the threshold in doubt; no indicator is decisive and none is weighed by a hidden score",
            citation,
        )
    )
    return Threshold(
        None, tuple(reasons), (*(f"{prefix}.{n}" for n in unknown), f"{prefix}.asserted")
    )


# --- the rules ------------------------------------------------------------------------------


def _controls(situation: Situation, group: str, on: Date) -> dict[str, ControlLevel]:
    """Every state's control over ``group`` on ``on`` (the first fact given per state)."""
    levels: dict[str, ControlLevel] = {}
    for c in situation.controls:
        if c.group == group and active(c.period, on):
            levels.setdefault(c.state, c.level)
    return levels


def _controllers(
    situation: Situation, group: str, on: Date, excluding: str | None = None
) -> list[tuple[str, ControlLevel]]:
    """The states with more than no control over ``group`` (overall, effective or unknown)."""
    return sorted(
        (state, level)
        for state, level in _controls(situation, group, on).items()
        if state != excluding and level is not ControlLevel.NONE
    )


_DECISIVE = (ControlLevel.OVERALL, ControlLevel.EFFECTIVE)


def _consented(situation: Situation, territorial: str, foreign: str, on: Date) -> bool:
    return any(
        c.territorial_state == territorial and c.foreign_state == foreign and active(c.period, on)
        for c in situation.consents
    )


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _finding(
    ctx: Ctx,
    question: str,
    kind: ConflictKind | None,
    reasons: Sequence[Reason],
    missing: Sequence[str] = (),
    *,
    qualifiers: Sequence[str] = (),
) -> Finding:
    holds = None if kind is None else kind is not ConflictKind.NONE
    return ctx.record.finding(
        question,
        holds,
        value=kind,
        reasons=reasons,
        missing=missing if kind is None else (),
        qualifiers=qualifiers,
        policy=ctx.policy,
        on=ctx.on,
    )


def _iac(
    ctx: Ctx,
    h: Hostilities,
    a: str,
    b: str,
    reasons: list[Reason],
    *,
    via: str | None = None,
) -> Conflict:
    """An international armed conflict between states ``a`` and ``b``, under ``iac_threshold``.

    Under ``any-force`` (default) any armed force between states suffices; under ``minimal`` the
    intensity indicators of ``h`` must meet a threshold.
    """
    pair = _pair(a, b)
    question = (
        f"Is there an international armed conflict between {pair[0]} and {pair[1]} on {ctx.on}?"
    )
    missing: tuple[str, ...] = ()
    kind: ConflictKind | None
    if ctx.policy.iac_threshold is IacThreshold.ANY_FORCE:
        reasons.append(
            Reason(
                "any resort to armed force between states suffices, whatever its intensity (policy iac_threshold=any-force)",
                _CA2,
            )
        )
        kind = ConflictKind.INTERNATIONAL
    else:
        t = threshold(
            h.intensity, "intensity of the inter-state violence", "hostilities.intensity", _CA2
        )
        reasons += t.reasons
        reasons.append(
            Reason("a minimal intensity is required (policy iac_threshold=minimal)", _CA2)
        )
        kind = {True: ConflictKind.INTERNATIONAL, False: ConflictKind.NONE, None: None}[t.met]
        missing = t.missing
    return Conflict(
        pair, kind, _finding(ctx, question, kind, reasons, missing), ctx.on, h.territory, via=via
    )


def classify_interstate(ctx: Ctx, h: Hostilities, a: str, b: str) -> Conflict:
    """Common art. 2(1): armed force between states is an international armed conflict.

    Under ``iac_threshold=any-force`` (default) whatever its intensity; under ``minimal`` the
    intensity indicators must meet a threshold. A state's denial of a state of war changes nothing.
    """
    reasons = [
        Reason(f"armed force between {a} and {b} on the territory of {h.territory}", _CA2, h.source)
    ]
    return _iac(ctx, h, a, b, reasons)


def _unknown_control(ctx: Ctx, h: Hostilities, state: str, controller: str, group: str) -> Conflict:
    pair = _pair(state, controller)
    question = (
        f"Is there an international armed conflict between {pair[0]} and {pair[1]} on {ctx.on}?"
    )
    reasons = [
        Reason(f"{state} fights {group} on the territory of {h.territory}", _CA2, h.source),
        Reason(
            f"{controller} controls {group} to an unknown degree: overall control would make the conflict international, less would not",
            _TADIC_1999,
        ),
    ]
    missing = [f"control of {group} by {controller}: level"]
    return Conflict(
        pair,
        None,
        _finding(ctx, question, None, reasons, missing),
        ctx.on,
        h.territory,
        via=group,
    )


def classify_state_group(
    ctx: Ctx, h: Hostilities, state: str, group: ArmedGroup, *, through: str | None = None
) -> list[Conflict]:
    """A state against an armed group.

    * A people's authority under AP I arts. 1(4), 96(3): see :func:`classify_liberation_war`.
    * Each other state with overall (or effective) control of the group makes the relationship
      an international armed conflict between the two states (Tadić AC 1999); control of unknown
      degree leaves that undetermined.
    * A foreign state fighting the group with the territorial state's consent: non-international.
    * Without consent: under ``nonconsensual_strike = iac-with-host`` (default), international
      with the territorial state as well — whatever else holds.
    * Non-international only if the violence is intense enough and the group organised enough
      (common art. 3; Tadić 1995): either unknown → undetermined; either absent → none. Not
      where the group fights for a state that controls it: that relationship is international.

    ``through`` names a group under ``state``'s overall control by which it fights ``group``.
    """
    _record, situation, on, policy = ctx
    out: list[Conflict] = []
    if group.liberation_movement:
        liberation = classify_liberation_war(ctx, h, state, group)
        if liberation.kind is not ConflictKind.NONE:
            return [liberation]
    by = (
        [Reason(f"{state} fights through {through}, under its overall control", _TADIC_1999)]
        if through
        else []
    )
    internationalised = False
    for controller, level in _controllers(situation, group.name, on, excluding=state):
        if level not in _DECISIVE:
            out.append(_unknown_control(ctx, h, state, controller, group.name))
            continue
        internationalised = True
        reasons = [
            Reason(
                f"{state} fights {group.name} on the territory of {h.territory}", _CA2, h.source
            ),
            *by,
            Reason(
                f"{controller} has {level.value} control of {group.name}: beyond financing and equipping, a role in organising, coordinating or planning its military actions",
                _TADIC_1999,
            ),
            Reason(
                f"the conflict is international: {controller} takes part through {group.name}", _CA2
            ),
        ]
        out.append(_iac(ctx, h, state, controller, reasons, via=group.name))
    foreign = state != h.territory
    consent = foreign and _consented(situation, h.territory, state, on)
    if foreign and not consent and policy.nonconsensual_strike is NonconsensualStrike.IAC_WITH_HOST:
        reasons = [
            Reason(
                f"{state} uses armed force against {group.name} on the territory of {h.territory} without its consent",
                _CA2,
                h.source,
            ),
            *by,
            Reason(
                "force on a state's territory without its consent is force against that state (policy nonconsensual_strike=iac-with-host; ICRC Commentary 2016)",
                _CA2,
            ),
        ]
        out.append(_iac(ctx, h, state, h.territory, reasons, via=through))
    if not internationalised:
        out.append(_niac(ctx, h, state, [group], consent=consent, through=through))
    return out


def classify_liberation_war(ctx: Ctx, h: Hostilities, state: str, group: ArmedGroup) -> Conflict:
    """AP I arts. 1(4), 96(3): a war of national liberation as an international armed conflict.

    A people's fight against colonial domination, alien occupation or a racist regime is an
    international armed conflict where the state it fights is bound by AP I and the authority
    representing the people has made a declaration the depositary accepted. ``kind`` is
    international when all hold; none when one of them fails (the relationship is then assessed
    under common art. 3); undetermined when the record cannot tell.
    """
    record, _situation, on, _policy = ctx
    pair = _pair(state, group.name)
    question = f"Is there an international armed conflict between {pair[0]} and {pair[1]} on {on}?"
    reasons = [
        Reason(
            f"{group.name} represents a people fighting under AP I art. 1(4) against {state}",
            _API_14,
            h.source,
        )
    ]
    missing: list[str] = []
    kind: ConflictKind | None = ConflictKind.INTERNATIONAL
    declared = [
        d
        for d in record.ihl_declarations_of("article-96-3", on)
        if d.authority == group.name and d.against == state and d.accepted is not False
    ]
    if not declared:
        reasons.append(
            Reason(
                f"the record holds no accepted declaration by {group.name} against {state} under AP I art. 96(3) by {on}",
                _API_14,
            )
        )
        kind = ConflictKind.NONE
    else:
        d = declared[0]
        if d.accepted is None:
            reasons.append(
                Reason(
                    f"{group.name} declared on {d.lodged} that it undertakes to apply the Conventions and AP I; whether the depositary accepted it is not recorded",
                    _API_14,
                    d.source,
                )
            )
            kind, missing = None, [f"ihl declaration of {group.name}: accepted"]
        else:
            reasons.append(
                Reason(
                    f"{group.name} declared on {d.lodged} that it undertakes to apply the Conventions and AP I; the depositary accepted it",
                    _API_14,
                    d.source,
                )
            )
    treaty = "additional-protocol-i"
    if kind is not ConflictKind.NONE:
        if treaty not in record.treaty_slugs or not record.knows(state, treaty):
            reasons.append(Reason(f"the record of AP I holds no act of {state}", _API_14))
            kind, missing = None, [*missing, f"{treaty}: acts of {state}"]
        else:
            status = record.status(state, treaty, on)
            if not record.settled(state, treaty, status):
                reasons.append(
                    Reason(
                        f"the record of AP I is partial and shows {state} as {status.value}",
                        _API_14,
                    )
                )
                kind, missing = None, [*missing, f"{treaty}: acts of {state}"]
            elif status not in BOUND:
                reasons.append(
                    Reason(f"{state} is not bound by AP I on {on} ({status.value})", _API_14)
                )
                kind, missing = ConflictKind.NONE, []
            else:
                reasons.append(Reason(f"{state} is bound by AP I on {on}", _API_14))
    return Conflict(
        pair,
        kind,
        _finding(ctx, question, kind, reasons, missing),
        on,
        h.territory,
        basis="ap-i-96-3",
    )


def classify_group_group(
    ctx: Ctx, h: Hostilities, first: ArmedGroup, second: ArmedGroup
) -> list[Conflict]:
    """Organised armed groups against each other.

    Common art. 3: group against group suffices (Tadić 1995). Where each group fights under
    the overall control of a different state, the two states are in an international armed
    conflict through them (Tadić AC 1999); where one group does, its controller fights the
    other group through it (see :func:`classify_state_group`). Control of unknown degree is
    named as a qualifier on the non-international answer.
    """
    situation, on = ctx.situation, ctx.on
    decisive = {
        g.name: [s for s, lvl in _controllers(situation, g.name, on) if lvl in _DECISIVE]
        for g in (first, second)
    }
    one, two = decisive[first.name], decisive[second.name]
    out: list[Conflict] = []
    if one and two:
        for s1 in one:
            for s2 in two:
                if s1 == s2:
                    continue
                reasons = [
                    Reason(
                        f"{first.name} and {second.name} fight on the territory of {h.territory}",
                        _CA2,
                        h.source,
                    ),
                    Reason(
                        f"{s1} has overall control of {first.name}, {s2} of {second.name}: the two states fight each other through them",
                        _TADIC_1999,
                    ),
                ]
                out.append(_iac(ctx, h, s1, s2, reasons, via=f"{first.name}, {second.name}"))
        if out:
            return out
    if one and not two:
        return [
            c for s1 in one for c in classify_state_group(ctx, h, s1, second, through=first.name)
        ]
    if two and not one:
        return [
            c for s2 in two for c in classify_state_group(ctx, h, s2, first, through=second.name)
        ]
    unknown = [
        f"{state}'s control of {g.name} is of unknown degree: overall control would make the conflict international"
        for g in (first, second)
        for state, lvl in _controllers(situation, g.name, on)
        if lvl is ControlLevel.UNKNOWN
    ]
    return [_niac(ctx, h, None, [first, second], extra=unknown)]


def _niac(
    ctx: Ctx,
    h: Hostilities,
    state: str | None,
    groups: list[ArmedGroup],
    *,
    consent: bool = False,
    through: str | None = None,
    extra: Sequence[str] = (),
) -> Conflict:
    record, _situation, on, _policy = ctx
    names = [state] if state else []
    names += [g.name for g in groups]
    pair = _pair(names[0], names[1])
    question = (
        f"Is there a non-international armed conflict between {pair[0]} and {pair[1]} on {on}?"
    )
    reasons = [
        Reason(
            f"armed violence between {names[0]} and {names[1]} on the territory of {h.territory}",
            _CA3,
            h.source,
        )
    ]
    if through:
        reasons.append(
            Reason(f"{state} fights through {through}, under its overall control", _TADIC_1999)
        )
    if consent:
        reasons.append(
            Reason(
                f"{h.territory} consented to {state}'s forces: fighting the group with the host's consent stays non-international",
                _CA3,
            )
        )
    if state is not None and state == h.territory and not through:
        reasons.append(
            Reason(f"{state}'s armed forces against an organised armed group", _TADIC_1995)
        )
    intensity = threshold(
        h.intensity,
        f"intensity of the violence between {names[0]} and {names[1]}",
        "hostilities.intensity",
        _TADIC_1995,
    )
    reasons += intensity.reasons
    missing = list(intensity.missing)
    met: list[bool | None] = [intensity.met]
    for g in groups:
        org = threshold(
            g.organisation, f"organisation of {g.name}", f"{g.name}.organisation", _TADIC_1995
        )
        reasons += org.reasons
        missing += org.missing
        met.append(org.met)
    if False in met:
        kind: ConflictKind | None = ConflictKind.NONE
        reasons.append(
            Reason(
                "riots and isolated or sporadic violence, or an unorganised group, are not an armed conflict",
                _CA3,
            )
        )
    elif None in met:
        kind = None
    else:
        kind = ConflictKind.NON_INTERNATIONAL
    ap_ii = None
    quals: list[str] = list(extra)
    if (
        kind is ConflictKind.NON_INTERNATIONAL
        and state is not None
        and state == h.territory
        and len(groups) == 1
        and not through
    ):
        ap_ii, why = ap_ii_applies(record, state, groups[0], on)
        reasons += why
    elif kind is ConflictKind.NON_INTERNATIONAL:
        ap_ii = False
        quals.append(
            "AP II does not apply: it needs the territorial state's armed forces against the group (group against group or a foreign state's forces do not count)"
        )
    finding = _finding(ctx, question, kind, reasons, missing, qualifiers=quals)
    return Conflict(pair, kind, finding, on, h.territory, via=through, ap_ii=ap_ii)


def ap_ii_applies(
    record: Record, state: str, group: ArmedGroup, on: Date
) -> tuple[bool | None, list[Reason]]:
    """AP II art. 1(1): whether the Protocol applies in addition to common art. 3.

    The territorial state must be bound by AP II, its armed forces must fight a group under
    responsible command controlling enough territory to carry out sustained and concerted
    operations and to implement the Protocol.
    """
    reasons = []
    if "additional-protocol-ii" not in record.treaty_slugs:
        return None, [Reason("the record holds no acts on Additional Protocol II", _APII)]
    if not record.knows(state, "additional-protocol-ii"):
        return None, [
            Reason(f"the record of Additional Protocol II holds no act of {state}", _APII)
        ]
    status = record.status(state, "additional-protocol-ii", on)
    if not record.settled(state, "additional-protocol-ii", status):
        return None, [
            Reason(
                f"the record of Additional Protocol II is partial and shows {state} as {status.value}",
                _APII,
            )
        ]
    if status not in BOUND:
        return False, [
            Reason(
                f"{state} is not bound by Additional Protocol II on {on} ({status.value})", _APII
            )
        ]
    reasons.append(Reason(f"{state} is bound by Additional Protocol II on {on}", _APII))
    org = group.organisation
    needed = {
        "command_structure": org.command_structure,
        "territorial_control": org.territorial_control,
        "operations": org.operations,
    }
    if all(v is True for v in needed.values()):
        reasons.append(
            Reason(
                f"{group.name} is under responsible command and controls territory enough for sustained and concerted operations",
                _APII,
            )
        )
        return True, reasons
    if any(v is False for v in needed.values()):
        lacking = ", ".join(k.replace("_", " ") for k, v in needed.items() if v is False)
        reasons.append(Reason(f"{group.name} lacks what AP II requires: {lacking}", _APII))
        return False, reasons
    reasons.append(
        Reason(
            f"AP II's conditions on {group.name} are not established (command, territorial control, operations)",
            _APII,
        )
    )
    return None, reasons


def classify_occupation(ctx: Ctx, o: Occupation) -> Conflict:
    """Hague Regulations art. 42; common art. 2(2): occupation.

    Territory is occupied when actually placed under the authority of a hostile army, as far as
    that authority is established and can be exercised — even without armed resistance, possibly
    through a group under overall control. Forces present with the territorial state's consent
    are not a hostile army. Undetermined when effective control, or the occupant's control of the
    group it acts through, is not known.
    """
    _record, situation, on, _policy = ctx
    pair = _pair(o.occupant, o.territory)
    where = f"{o.area} ({o.territory})" if o.area else o.territory
    question = f"Is {where} under occupation by {o.occupant} on {on}?"
    reasons = [
        Reason(
            f"{o.occupant} holds territory of {o.territory} from {o.period.start}",
            _HR42,
            o.source,
        )
    ]
    missing: list[str] = []
    kind: ConflictKind | None = ConflictKind.OCCUPATION

    def answer(kind: ConflictKind | None) -> Conflict:
        quals = (
            [
                "Geneva Convention IV applies in full until one year after the general close of military operations, its core articles while the occupant governs (art. 6)"
            ]
            if kind is ConflictKind.OCCUPATION
            else []
        )
        return Conflict(
            pair,
            kind,
            _finding(ctx, question, kind, reasons, missing, qualifiers=quals),
            on,
            o.territory,
            via=o.through,
        )

    if _consented(situation, o.territory, o.occupant, on):
        reasons.append(
            Reason(
                f"{o.territory} consents to {o.occupant}'s forces on {on}: they are not a hostile army, and there is no occupation",
                _HR42,
            )
        )
        return answer(ConflictKind.NONE)
    if o.through is not None:
        level = _controls(situation, o.through, on).get(o.occupant)
        if level is None or level is ControlLevel.UNKNOWN:
            reasons.append(
                Reason(
                    f"how far {o.occupant} controls {o.through} on {on} is not known",
                    _TADIC_1999,
                )
            )
            kind = None
            missing.append(f"control of {o.through} by {o.occupant}: level")
        elif level is ControlLevel.NONE:
            reasons.append(
                Reason(
                    f"{o.occupant} does not control {o.through} on {on}: its hold is not {o.occupant}'s",
                    _TADIC_1999,
                )
            )
            return answer(ConflictKind.NONE)
        else:
            reasons.append(
                Reason(
                    f"{o.occupant} exercises authority through {o.through}, under its {level.value} control",
                    _TADIC_1999,
                )
            )
    if o.effective_control is True:
        reasons.append(
            Reason(
                "its authority is established and can be exercised: effective control; no armed resistance is needed",
                _CA2_2,
            )
        )
    elif o.effective_control is False:
        reasons.append(
            Reason(
                "its authority is not established over the area: no effective control, no occupation",
                _HR42,
            )
        )
        missing.clear()
        return answer(ConflictKind.NONE)
    else:
        kind = None
        missing.append("occupation.effective_control")
    return answer(kind)


def _ongoing(h: Hostilities, on: Date) -> str | None:
    """Whether the conflict arising from ``h`` goes on on ``on``.

    ``None`` if not; otherwise the qualifier to add (empty while the fighting itself goes on).

    IHL applies until a general conclusion of peace or a peaceful settlement (Tadić 1995,
    para. 70; LAW.md C6): after the fighting's end, unless ``h.concluded``, a lull.
    """
    if on < h.period.start:
        return None
    if h.period.end is None or on <= h.period.end:
        return ""
    if h.concluded:
        return None
    return f"the fighting recorded ended on {h.period.end}, but no general conclusion of peace or peaceful settlement is recorded: a lull does not end the conflict (Tadić 1995, para. 70)"


def _with_qualifier(c: Conflict, qualifier: str) -> Conflict:
    if not qualifier or c.kind in (None, ConflictKind.NONE):
        return c
    finding = attrs.evolve(c.finding, qualifiers=(*c.finding.qualifiers, qualifier))
    return attrs.evolve(c, finding=finding)


def classify(
    record: Record, situation: Situation, on: Date, policy: Policy | None = None
) -> tuple[Conflict, ...]:
    """Classify every relationship in ``situation`` that goes on on ``on``.

    Hostilities count from their start until their end where ``concluded``, and beyond it
    otherwise (a lull, C6). One Conflict per pair and kind — found more than once, their
    reasons are joined — sorted, whatever the order in which actors, hostilities and
    occupations are given; "no armed conflict" is dropped for a pair in a conflict of another
    kind.
    """
    policy = policy or DEFAULT_POLICY
    ctx = Ctx(record, situation, on, policy)
    for actor in situation.actors:
        if isinstance(actor, StateActor):
            record.state(actor.code)
    found: list[Conflict] = []
    for h in sorted(situation.hostilities, key=_hostilities_key):
        qualifier = _ongoing(h, on)
        if qualifier is None:
            continue
        first, second = situation.actor(h.a), situation.actor(h.b)
        now: list[Conflict]
        if isinstance(first, StateActor) and isinstance(second, StateActor):
            now = [classify_interstate(ctx, h, first.code, second.code)]
        elif isinstance(first, StateActor) and isinstance(second, ArmedGroup):
            now = classify_state_group(ctx, h, first.code, second)
        elif isinstance(second, StateActor) and isinstance(first, ArmedGroup):
            now = classify_state_group(ctx, h, second.code, first)
        else:
            assert isinstance(first, ArmedGroup)
            assert isinstance(second, ArmedGroup)
            now = classify_group_group(ctx, h, first, second)
        found += (_with_qualifier(c, qualifier) for c in now)
    for o in sorted(situation.occupations, key=_occupation_key):
        if active(o.period, on):
            found.append(classify_occupation(ctx, o))
    out: dict[tuple[tuple[str, str], ConflictKind | None], Conflict] = {}
    for c in found:
        key = (c.parties, c.kind)
        out[key] = _merge(out[key], c) if key in out else c
    positive = {p for p, k in out if k not in (None, ConflictKind.NONE)}
    order = {k: i for i, k in enumerate(ConflictKind)}
    return tuple(
        sorted(
            (c for (p, k), c in out.items() if not (k is ConflictKind.NONE and p in positive)),
            key=lambda c: (c.parties, order[c.kind] if c.kind else len(order)),
        )
    )


def _union(first: Sequence[_T], second: Sequence[_T]) -> tuple[_T, ...]:
    return (*first, *(x for x in second if x not in first))


def _merge(first: Conflict, second: Conflict) -> Conflict:
    """One Conflict for a pair and kind found more than once.

    Several hostilities, or a state fighting directly and through a group: the reasons,
    qualifiers and missing facts of both; every group acted through; AP II if it applies to
    either.
    """
    vias = sorted({v for c in (first, second) if c.via for v in c.via.split(", ")})
    aps = (first.ap_ii, second.ap_ii)
    ap_ii = True if True in aps else (None if None in aps else False)
    f, g = first.finding, second.finding
    finding = attrs.evolve(
        f,
        reasons=_union(f.reasons, g.reasons),
        qualifiers=_union(f.qualifiers, g.qualifiers),
        missing=_union(f.missing, g.missing),
    )
    return attrs.evolve(
        first,
        finding=finding,
        via=", ".join(vias) or None,
        ap_ii=ap_ii,
        basis=first.basis or second.basis,
    )


def _hostilities_key(h: Hostilities) -> tuple[object, ...]:
    end = h.period.end.isoformat() if h.period.end else "~"
    return (
        h.period.start.isoformat(),
        end,
        h.a,
        h.b,
        h.territory,
        h.concluded,
        repr(h.intensity),
        repr(h.source),
    )


def _occupation_key(o: Occupation) -> tuple[object, ...]:
    return (o.period.start.isoformat(), o.occupant, o.territory, o.area or "", o.through or "")
