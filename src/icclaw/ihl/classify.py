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
from typing import TYPE_CHECKING, NamedTuple

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
    "classify_occupation",
    "classify_state_group",
    "threshold",
]

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


def _controller(
    situation: Situation, group: str, on: Date, excluding: str | None = None
) -> tuple[str, ControlLevel] | None:
    for c in situation.controls:
        if (
            c.group == group
            and c.state != excluding
            and c.level is not ControlLevel.NONE
            and active(c.period, on)
        ):
            return c.state, c.level
    return None


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


def classify_interstate(ctx: Ctx, h: Hostilities, a: str, b: str) -> Conflict:
    """Common art. 2(1): armed force between states is an international armed conflict.

    Under ``iac_threshold=any-force`` (default) whatever its intensity; under ``minimal`` the
    intensity indicators must meet a threshold. A state's denial of a state of war changes nothing.
    """
    _record, _situation, on, policy = ctx
    pair = _pair(a, b)
    question = f"Is there an international armed conflict between {pair[0]} and {pair[1]} on {on}?"
    reasons = [
        Reason(f"armed force between {a} and {b} on the territory of {h.territory}", _CA2, h.source)
    ]
    if policy.iac_threshold is IacThreshold.ANY_FORCE:
        reasons.append(
            Reason(
                "any resort to armed force between states suffices, whatever its intensity (policy iac_threshold=any-force)",
                _CA2,
            )
        )
        kind: ConflictKind | None = ConflictKind.INTERNATIONAL
        missing: tuple[str, ...] = ()
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
    return Conflict(pair, kind, _finding(ctx, question, kind, reasons, missing), on, h.territory)


def classify_state_group(ctx: Ctx, h: Hostilities, state: str, group: ArmedGroup) -> list[Conflict]:
    """A state against an armed group.

    * A foreign state with overall control of the group makes the relationship an international
      armed conflict between the two states (Tadić AC 1999).
    * A foreign state fighting the group with the territorial state's consent: non-international.
    * Without consent: non-international with the group and, under ``nonconsensual_strike =
      iac-with-host`` (default), international with the territorial state as well.
    * Non-international only if the violence is intense enough and the group organised enough
      (common art. 3; Tadić 1995): either unknown → undetermined; either absent → none.
    """
    _record, situation, on, policy = ctx
    out: list[Conflict] = []
    liberation = _liberation_war(ctx, h, state, group)
    if liberation is not None:
        return [liberation]
    controlled = _controller(situation, group.name, on, excluding=state)
    if controlled is not None:
        controller, level = controlled
        pair = _pair(state, controller)
        question = (
            f"Is there an international armed conflict between {pair[0]} and {pair[1]} on {on}?"
        )
        reasons = [
            Reason(
                f"{state} fights {group.name} on the territory of {h.territory}", _CA2, h.source
            ),
            Reason(
                f"{controller} has {level.value} control of {group.name}: beyond financing and equipping, a role in organising, coordinating or planning its military actions",
                _TADIC_1999,
            ),
            Reason(
                f"the conflict is international: {controller} takes part through {group.name}", _CA2
            ),
        ]
        kind = ConflictKind.INTERNATIONAL
        out.append(
            Conflict(
                pair,
                kind,
                _finding(ctx, question, kind, reasons, ()),
                on,
                h.territory,
                via=group.name,
            )
        )
        return out
    foreign = state != h.territory
    if (
        foreign
        and not _consented(situation, h.territory, state, on)
        and policy.nonconsensual_strike is NonconsensualStrike.IAC_WITH_HOST
    ):
        pair = _pair(state, h.territory)
        question = (
            f"Is there an international armed conflict between {pair[0]} and {pair[1]} on {on}?"
        )
        reasons = [
            Reason(
                f"{state} uses armed force against {group.name} on the territory of {h.territory} without its consent",
                _CA2,
                h.source,
            ),
            Reason(
                "force on a state's territory without its consent is force against that state (policy nonconsensual_strike=iac-with-host; ICRC Commentary 2016)",
                _CA2,
            ),
        ]
        kind = ConflictKind.INTERNATIONAL
        out.append(
            Conflict(
                pair,
                kind,
                _finding(ctx, question, kind, reasons, ()),
                on,
                h.territory,
            )
        )
    consent = foreign and _consented(situation, h.territory, state, on)
    out.append(_niac(ctx, h, state, [group], consent=consent))
    return out


def _liberation_war(ctx: Ctx, h: Hostilities, state: str, group: ArmedGroup) -> Conflict | None:
    """AP I arts. 1(4), 96(3): a war of national liberation as an international armed conflict.

    A people's fight against colonial domination, alien occupation or a racist regime is an
    international armed conflict for a state bound by AP I, once the authority representing it
    has made a declaration the depositary accepted.
    """
    record, _situation, on, _policy = ctx
    if not group.liberation_movement:
        return None
    declared = [
        d
        for d in record.ihl_declarations_of("article-96-3", on)
        if d.authority == group.name and d.against == state and d.accepted
    ]
    if not declared or "additional-protocol-i" not in record.treaty_slugs:
        return None
    if record.status(state, "additional-protocol-i", on) not in BOUND:
        return None
    d = declared[0]
    pair = _pair(state, group.name)
    question = f"Is there an international armed conflict between {pair[0]} and {pair[1]} on {on}?"
    reasons = [
        Reason(
            f"{group.name} represents a people fighting under AP I art. 1(4) against {state}, bound by AP I",
            _API_14,
            h.source,
        ),
        Reason(
            f"{group.name} declared on {d.lodged} that it undertakes to apply the Conventions and AP I; the depositary accepted it",
            _API_14,
            d.source,
        ),
    ]
    kind = ConflictKind.INTERNATIONAL
    return Conflict(
        pair,
        kind,
        _finding(ctx, question, kind, reasons),
        on,
        h.territory,
        via=None,
        basis="ap-i-96-3",
    )


def classify_group_group(
    ctx: Ctx, h: Hostilities, first: ArmedGroup, second: ArmedGroup
) -> Conflict:
    """Common art. 3 between organised armed groups: group against group suffices (Tadić 1995)."""
    return _niac(ctx, h, None, [first, second])


def _niac(
    ctx: Ctx, h: Hostilities, state: str | None, groups: list[ArmedGroup], *, consent: bool = False
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
    if consent:
        reasons.append(
            Reason(
                f"{h.territory} consented to {state}'s forces: fighting the group with the host's consent stays non-international",
                _CA3,
            )
        )
    if state is not None and state == h.territory:
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
    quals: list[str] = []
    if (
        kind is ConflictKind.NON_INTERNATIONAL
        and state is not None
        and state == h.territory
        and len(groups) == 1
    ):
        ap_ii, why = ap_ii_applies(record, state, groups[0], on)
        reasons += why
    elif kind is ConflictKind.NON_INTERNATIONAL:
        ap_ii = False
        quals.append(
            "AP II does not apply: it needs the territorial state's forces against the group (group against group or a foreign state's forces do not count)"
        )
    finding = _finding(ctx, question, kind, reasons, missing, qualifiers=quals)
    return Conflict(pair, kind, finding, on, h.territory, ap_ii=ap_ii)


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
    through a group under overall control.
    """
    _record, situation, on, _policy = ctx
    pair = _pair(o.occupant, o.territory)
    where = f"{o.area} ({o.territory})" if o.area else o.territory
    question = f"Is {where} under occupation by {o.occupant} on {on}?"
    reasons = [
        Reason(
            f"{o.occupant}'s forces on the territory of {o.territory} without its consent, from {o.period.start}",
            _HR42,
            o.source,
        )
    ]
    missing: list[str] = []
    kind: ConflictKind | None
    if o.through is not None:
        controlled = _controller(situation, o.through, on)
        if controlled is None or controlled[0] != o.occupant:
            reasons.append(
                Reason(
                    f"{o.occupant} does not exercise overall control of {o.through} on {on}",
                    _TADIC_1999,
                )
            )
            return Conflict(
                pair,
                ConflictKind.NONE,
                _finding(ctx, question, ConflictKind.NONE, reasons, ()),
                on,
                o.territory,
                via=o.through,
            )
        reasons.append(
            Reason(
                f"{o.occupant} exercises control through {o.through}, under its {controlled[1].value} control",
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
        kind = ConflictKind.OCCUPATION
    elif o.effective_control is False:
        reasons.append(
            Reason(
                "its authority is not established over the area: no effective control, no occupation",
                _HR42,
            )
        )
        kind = ConflictKind.NONE
    else:
        kind, missing = None, ["occupation.effective_control"]
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


def classify(
    record: Record, situation: Situation, on: Date, policy: Policy | None = None
) -> tuple[Conflict, ...]:
    """Classify every relationship in ``situation`` active on ``on``.

    One Conflict per (pair, kind), sorted, whatever the order in which actors and hostilities
    are given.
    """
    policy = policy or DEFAULT_POLICY
    ctx = Ctx(record, situation, on, policy)
    for actor in situation.actors:
        if isinstance(actor, StateActor):
            record.state(actor.code)
    out: dict[tuple[tuple[str, str], ConflictKind | None, str | None], Conflict] = {}
    for h in situation.hostilities:
        if not active(h.period, on):
            continue
        first, second = situation.actor(h.a), situation.actor(h.b)
        found: list[Conflict]
        if isinstance(first, StateActor) and isinstance(second, StateActor):
            found = [classify_interstate(ctx, h, first.code, second.code)]
        elif isinstance(first, StateActor) and isinstance(second, ArmedGroup):
            found = classify_state_group(ctx, h, first.code, second)
        elif isinstance(second, StateActor) and isinstance(first, ArmedGroup):
            found = classify_state_group(ctx, h, second.code, first)
        else:
            assert isinstance(first, ArmedGroup)
            assert isinstance(second, ArmedGroup)
            found = [classify_group_group(ctx, h, first, second)]
        for c in found:
            out.setdefault((c.parties, c.kind, c.via), c)
    for o in situation.occupations:
        if active(o.period, on):
            c = classify_occupation(ctx, o)
            out.setdefault((c.parties, c.kind, c.via), c)
    order = {k: i for i, k in enumerate(ConflictKind)}
    return tuple(
        sorted(
            out.values(),
            key=lambda c: (c.parties, order.get(c.kind, 9) if c.kind else 9, c.via or ""),
        )
    )
