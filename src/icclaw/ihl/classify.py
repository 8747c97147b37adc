"""The classification engine: which armed conflicts exist on a day, pair of parties by pair.

LAW.md section 3, one function per rule:

* :func:`threshold` — whether indicators meet a threshold: asserted by the analyst, or left in
  no doubt by the indicators (all present, or all absent); otherwise undetermined, naming them;
* :func:`classify_interstate` — common art. 2: armed force between states (policy
  ``iac_threshold``);
* :func:`classify_state_group` — common art. 3 and the Tadić test; internationalisation by a
  foreign state's overall control (Tadić AC 1999); foreign intervention with the territorial
  state's consent stays non-international; without consent, the policy ``nonconsensual_strike``;
* :func:`classify_group_group` — common art. 3 between organised groups, and the states that
  fight through them;
* :func:`classify_liberation_war` — AP I arts. 1(4), 96(3);
* :func:`classify_occupation` — Hague Regulations art. 42, common art. 2(2);
* :func:`ap_ii_applies` — AP II art. 1(1).

A pair can be both in an international armed conflict and in an occupation; parallel (mixed)
conflicts in one territory are normal (C7). Each :class:`Conflict` carries its Finding. Facts
of control and consent are read on the day classified — or, for a conflict that goes on after
its fighting ended (C6), on the last day of fighting.
"""

from __future__ import annotations

import enum
import re
from typing import TYPE_CHECKING, NamedTuple, TypeVar

import attrs

from icclaw import status as treaty_law
from icclaw.errors import InvalidValue
from icclaw.findings import Citation, Finding, Reason
from icclaw.ihl.facts import (
    ArmedGroup,
    Conclusion,
    ConclusionKind,
    ControlLevel,
    HoldingRole,
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
    from collections.abc import Iterable, Sequence

    from icclaw.base import FactBase
    from icclaw.dates import Date

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
    "occupied",
    "threshold",
]

_T = TypeVar("_T")
_STATE_CODE = re.compile(r"[A-Z]{3}")
GC = "Geneva Conventions"
_CA2 = Citation(GC, "common art. 2(1)")
_CA2_2 = Citation(GC, "common art. 2(2)")
_CA3 = Citation(GC, "common art. 3")
_HR42 = Citation("Hague Regulations 1907", "art. 42")
_TADIC_1995 = Citation("ICTY, Tadić (AC, 2 Oct 1995)", "para. 70")
_TADIC_1999 = Citation("ICTY, Tadić (AC, 15 July 1999)", "paras. 131–145")
_APII = Citation("Additional Protocol II", "art. 1(1)")
_API_14 = Citation("Additional Protocol I", "arts. 1(4), 96(3)")
_GCIII_4A2 = Citation("Geneva Convention III", "art. 4A(2)")
_API_43 = Citation("Additional Protocol I", "art. 43(1), (3)")
_ICJ_2024 = Citation(
    "ICJ, Legal Consequences arising from the Policies and Practices of Israel in the Occupied Palestinian Territory (advisory opinion, 19 July 2024)",
    "on Gaza",
)


class Ctx(NamedTuple):
    """The question being answered: on this record, this situation, this day, this policy.

    ``facts_on`` is the day whose facts of control and consent decide: the day classified, or
    the last day of fighting for a conflict that goes on after it (C6).
    """

    record: FactBase
    situation: Situation
    on: Date
    policy: Policy
    facts_on: Date


class ConflictKind(enum.StrEnum):
    """The kinds of situation the engine tells apart."""

    INTERNATIONAL = "international-armed-conflict"
    NON_INTERNATIONAL = "non-international-armed-conflict"
    OCCUPATION = "occupation"
    NONE = "no-armed-conflict"


def _names(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    assert isinstance(value, tuple | list)
    return tuple(sorted({str(v) for v in value}))


@attrs.frozen
class Conflict:
    """One relationship between two parties on a day, and its classification.

    Attributes:
        parties: The two parties (state codes or group names), sorted.
        kind: The kind of conflict, or ``None`` when the facts do not decide it.
        finding: Why: ``holds`` is whether an armed conflict (or occupation) exists.
        on: The day classified.
        territory: The state on whose territory it takes place.
        via: The armed groups through which a state takes part (overall control), sorted.
        ap_ii: Whether AP II applies in addition to common art. 3 (non-international conflicts
            only; ``None`` when undetermined or not applicable).
        basis: ``"ap-i-96-3"`` for a war of national liberation under AP I art. 1(4).
        ap_ii_missing: Where ``ap_ii`` is undetermined, the facts that would decide it.
        place: The declared :class:`~icclaw.ihl.Territory` the facts name, if they name one
            (``territory`` is then its territorial state that day, or ``None`` if no state
            holds it).
    """

    parties: tuple[str, str]
    kind: ConflictKind | None
    finding: Finding
    on: Date
    territory: str | None = None
    via: tuple[str, ...] = attrs.field(default=(), converter=_names)
    ap_ii: bool | None = None
    basis: str | None = None
    ap_ii_missing: tuple[str, ...] = ()
    place: str | None = None

    def __str__(self) -> str:
        kind = self.kind.value if self.kind is not None else "undetermined"
        via = f" (through {', '.join(self.via)})" if self.via else ""
        where = f" in {self.place}" if self.place else ""
        return f"{self.parties[0]} – {self.parties[1]}{via}{where}: {kind}"


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
    # With indicators both present and absent, no unknown one can settle it: only the analyst's
    # assessment can. Otherwise each unknown indicator can (all present: met; all absent: not).
    deciding = () if present and absent else tuple(f"{prefix}.{n}" for n in unknown)
    return Threshold(None, tuple(reasons), (*deciding, f"{prefix}.asserted"))


# --- the rules ------------------------------------------------------------------------------


def _controls(situation: Situation, group: str, on: Date) -> dict[str, ControlLevel]:
    """Every state's control over ``group`` on ``on`` (one fact per state and day: Situation)."""
    levels = {
        situation.identity(c.state, on): c.level
        for c in situation.controls
        if c.group == group and active(c.period, on)
    }
    governed = situation.governs(group, on)
    if governed is not None:  # a government's forces are its state's (Government)
        levels[situation.identity(governed, on)] = ControlLevel.INCORPORATED
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


_DECISIVE = (
    ControlLevel.OVERALL,
    ControlLevel.EFFECTIVE,
    ControlLevel.BELONGING,
    ControlLevel.INCORPORATED,
)
"""The attachments that make a group's fight the state's: Tadić AC 1999; GC III art. 4A(2);
AP I art. 43."""


def _attachment(state: str, group: str, level: ControlLevel, governs: str | None = None) -> Reason:
    """Why ``group``'s fight is ``state``'s, for a decisive ``level`` (:data:`_DECISIVE`).

    ``governs``: the state whose government the group is that day, if any.
    """
    if governs == state:
        return Reason(
            f"{group} is {state}'s government then: its armed forces are {state}'s, whatever any state recognises",
            _CA2,
        )
    if level is ControlLevel.BELONGING:
        return Reason(
            f"{group} belongs to {state}: it fights on {state}'s behalf and {state} accepts that it does; a group belonging to a party is that party's in the conflict (the authority's finding is given the effect of overall control)",
            _GCIII_4A2,
        )
    if level is ControlLevel.INCORPORATED:
        return Reason(
            f"{state} has incorporated {group} into its armed forces and acknowledges it: the group is one of {state}'s own forces",
            _API_43,
        )
    return Reason(
        f"{state} has {level.value} control of {group}: beyond financing and equipping, a role in organising, coordinating or planning its military actions",
        _TADIC_1999,
    )


def _attached(state: str, group: str, level: ControlLevel, governs: str | None = None) -> str:
    """How ``group`` is ``state``'s, in a few words (``unknown``: how it might be)."""
    if governs == state:
        return f"{group}, its government's forces"
    if level is ControlLevel.BELONGING:
        return f"{group}, which belongs to it"
    if level is ControlLevel.INCORPORATED:
        return f"{group}, incorporated into its armed forces"
    if level is ControlLevel.UNKNOWN:
        return f"{group}, if it controls it (the degree is not known)"
    return f"{group}, under its {level.value} control"


def _consented(situation: Situation, territorial: str, foreign: str, on: Date) -> bool:
    return any(
        situation.identity(c.territorial_state, on) == territorial
        and situation.identity(c.foreign_state, on) == foreign
        and active(c.period, on)
        and (c.by is None or _speaks(situation, c.territorial_state, c.by, on))
        for c in situation.consents
    )


def _speaks(situation: Situation, state: str, authority: str, on: Date) -> bool:
    """Whether ``authority`` is ``state``'s government on ``on`` (:class:`~icclaw.ihl.Government`)."""
    g = situation.government(state, on)
    return g is not None and g.authority == authority


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _host(ctx: Ctx, place: str) -> str | None:
    """The territorial state of ``place`` on the day whose facts decide (:meth:`Situation.holder`)."""
    return ctx.situation.holder(place, ctx.facts_on)


def _where(ctx: Ctx, place: str) -> str:
    """``place`` in words: a state's territory, or a declared territory and who holds it."""
    t = ctx.situation.territory(place)
    if t is None:
        return f"the territory of {place}"
    host = t.holder(ctx.facts_on)
    claims = [c for c in t.claimants(ctx.facts_on) if c != host]
    sovereign = any(
        h.state == host and h.role is HoldingRole.SOVEREIGN and active(h.period, ctx.facts_on)
        for h in t.holdings
    )
    held = (
        "held by no state"
        if host is None
        else (f"held by {host}" if sovereign else f"administered by {host}")
    )
    claimed = f", claimed by {', '.join(claims)}" if claims else ""
    return f"{place} ({held}{claimed})"


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


def _iac_question(ctx: Ctx, pair: tuple[str, str]) -> str:
    return f"Is there an international armed conflict between {pair[0]} and {pair[1]} on {ctx.on}?"


def _iac_kind(
    ctx: Ctx, h: Hostilities, reasons: list[Reason], unknown: Sequence[str] = ()
) -> tuple[ConflictKind | None, tuple[str, ...]]:
    """Common art. 2(1) under ``iac_threshold``: the kind armed force between states makes.

    Under ``any-force`` (default) any armed force between states suffices; under ``minimal`` the
    intensity indicators of ``h`` must meet a threshold. ``unknown`` names facts besides the
    intensity that must still be known for the conflict to exist: with them the answer is
    undetermined, unless the threshold already rules the conflict out.
    """
    if ctx.policy.iac_threshold is IacThreshold.ANY_FORCE:
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
    if unknown and kind is not ConflictKind.NONE:
        return None, (*unknown, *missing)
    return kind, missing


def _iac(
    ctx: Ctx,
    h: Hostilities,
    a: str,
    b: str,
    reasons: list[Reason],
    *,
    via: Sequence[str] = (),
    unknown: Sequence[str] = (),
    qualifiers: Sequence[str] = (),
) -> Conflict:
    """An international armed conflict between ``a`` and ``b``: :func:`_iac_kind`."""
    pair = _pair(a, b)
    kind, missing = _iac_kind(ctx, h, reasons, unknown)
    finding = _finding(ctx, _iac_question(ctx, pair), kind, reasons, missing, qualifiers=qualifiers)
    return Conflict(pair, kind, finding, ctx.on, h.territory, via=via)


def classify_interstate(ctx: Ctx, h: Hostilities, a: str, b: str) -> Conflict:
    """Common art. 2(1): armed force between states is an international armed conflict.

    Under ``iac_threshold=any-force`` (default) whatever its intensity; under ``minimal`` the
    intensity indicators must meet a threshold. A state's denial of a state of war changes nothing.
    """
    reasons = [
        Reason(f"armed force between {a} and {b} on {_where(ctx, h.territory)}", _CA2, h.source)
    ]
    return _iac(ctx, h, a, b, reasons)


def _organised_for(ctx: Ctx, group: ArmedGroup, state: str) -> Threshold:
    """Whether ``group`` is organised enough to fight for ``state``.

    A government's armed forces are the state's and need no test
    (:class:`~icclaw.ihl.Government`), nor do forces incorporated into its armed forces (AP I
    art. 43); any other group's organisation decides (Tadić AC 1999, paras. 120, 137).
    """
    governs = ctx.situation.governs(group.name, ctx.facts_on)
    level = _controls(ctx.situation, group.name, ctx.facts_on).get(state)
    if level is ControlLevel.INCORPORATED and governs != state:
        return Threshold(
            True,
            (
                Reason(
                    f"{group.name} is incorporated into {state}'s armed forces: no test of organisation applies to a state's forces",
                    _API_43,
                ),
            ),
        )
    if governs == state:
        return Threshold(
            True,
            (
                Reason(
                    f"{group.name} is {state}'s government: its armed forces are a state's, and no test of organisation applies",
                    _CA2,
                ),
            ),
        )
    return _organised(group)


def _organised(group: ArmedGroup) -> Threshold:
    return threshold(
        group.organisation,
        f"organisation of {group.name}",
        f"{group.name}.organisation",
        _TADIC_1995,
    )


def _through_controller(
    ctx: Ctx,
    h: Hostilities,
    state: str,
    group: ArmedGroup,
    *,
    controller: str,
    level: ControlLevel,
    through: Sequence[str],
) -> Conflict:
    """Tadić AC 1999: another state's overall control of the group ``state`` fights.

    ``controller``'s overall control of ``group`` makes ``state``'s fight with it an
    international armed conflict between ``state`` and ``controller``.

    The test applies to organised, hierarchically structured groups (paras. 120, 132, 137): with
    the organisation unknown the answer is undetermined; with an unorganised group, none (for
    individuals, specific instructions or public endorsement would be needed, not modelled).
    """
    reasons = [
        Reason(f"{state} fights {group.name} on {_where(ctx, h.territory)}", _CA2, h.source),
        *_by(ctx, state, through),
    ]
    unknown: list[str] = []
    if level is ControlLevel.UNKNOWN:
        reasons.append(
            Reason(
                f"{controller} controls {group.name} to an unknown degree: overall control would make the conflict international, less would not",
                _TADIC_1999,
            )
        )
        unknown.append(f"control of {group.name} by {controller}: level")
    else:
        reasons.append(
            _attachment(
                controller, group.name, level, ctx.situation.governs(group.name, ctx.facts_on)
            )
        )
    org = _organised_for(ctx, group, controller)
    reasons += org.reasons
    pair = _pair(state, controller)
    if org.met is False and level is ControlLevel.UNKNOWN:
        reasons.append(
            Reason(
                f"{group.name} is not an organised group: only its incorporation into {controller}'s armed forces would make its fight {controller}'s, and the degree of {controller}'s control is not known",
                _API_43,
            )
        )
        return _iac(ctx, h, state, controller, reasons, via=(group.name, *through), unknown=unknown)
    if org.met is False:
        reasons.append(
            Reason(
                f"a state fights through a group (overall control, belonging, incorporation) only where it is an organised group; {group.name} is not one",
                _TADIC_1999,
            )
        )
        finding = _finding(
            ctx,
            _iac_question(ctx, pair),
            ConflictKind.NONE,
            reasons,
            qualifiers=[
                "acts of individuals or unorganised groups are attributed to a state only on its specific instructions or later public endorsement (Tadić AC 1999, paras. 132, 137), which the situation does not model"
            ],
        )
        return Conflict(pair, ConflictKind.NONE, finding, ctx.on, h.territory, via=group.name)
    if org.met is None:
        unknown += org.missing
    reasons.append(
        Reason(
            f"the conflict is international where {controller} takes part through {group.name}",
            _CA2,
        )
    )
    return _iac(ctx, h, state, controller, reasons, via=(group.name, *through), unknown=unknown)


def _by(ctx: Ctx, state: str, through: Sequence[str]) -> list[Reason]:
    out = []
    for g in through:
        level = _controls(ctx.situation, g, ctx.facts_on).get(state, ControlLevel.OVERALL)
        governs = ctx.situation.governs(g, ctx.facts_on)
        out.append(
            Reason(
                f"{state} fights through {_attached(state, g, level, governs)}",
                _attachment(state, g, level, governs).citation,
            )
        )
    return out


def _host_strike(
    ctx: Ctx, h: Hostilities, state: str, target: str, through: Sequence[str]
) -> Conflict | None:
    """Policy ``nonconsensual_strike``: force on a state's territory without its consent."""
    host = _host(ctx, h.territory)
    if host is None or state == host or _consented(ctx.situation, host, state, ctx.facts_on):
        return None
    if ctx.policy.nonconsensual_strike is not NonconsensualStrike.IAC_WITH_HOST:
        return None
    reasons = [
        Reason(
            f"{state} uses armed force against {target} on {_where(ctx, h.territory)} without {host}'s consent",
            _CA2,
            h.source,
        ),
        *_by(ctx, state, through),
        Reason(
            "force on a state's territory without its consent is force against that state (policy nonconsensual_strike=iac-with-host; ICRC Commentary 2016)",
            _CA2,
        ),
    ]
    return _iac(ctx, h, state, host, reasons, via=through)


def classify_state_group(
    ctx: Ctx, h: Hostilities, state: str, group: ArmedGroup, *, through: Sequence[str] = ()
) -> list[Conflict]:
    """A state against an armed group.

    * A people's authority under AP I arts. 1(4), 96(3): see :func:`classify_liberation_war`.
    * Each other state with overall (or effective) control of the organised group makes the
      relationship an international armed conflict between the two states (Tadić AC 1999);
      control of unknown degree leaves that undetermined.
    * A foreign state fighting the group with the territorial state's consent: non-international.
    * Without consent: under ``nonconsensual_strike = iac-with-host`` (default), international
      with the territorial state as well — whatever else holds.
    * Non-international only if the violence is intense enough and the group organised enough
      (common art. 3; Tadić 1995): either unknown → undetermined; either absent → none. Not
      where the group fights for a state that controls it: that relationship is international.

    ``through`` names groups under ``state``'s overall control by which it fights ``group``.
    A state does not fight its own government's forces (a group that governs it): through a
    group it controls, that is no relationship between two parties, and nothing is found.
    """
    if ctx.situation.governs(group.name, ctx.facts_on) == state:
        return []
    out: list[Conflict] = []
    quals: list[str] = []
    liberation_war = False
    liberation_open: Conflict | None = None
    open_facts: list[str] = []  # facts that, known, could make the relationship international
    if group.liberation_movement:
        liberation = classify_liberation_war(ctx, h, state, group)
        if liberation.kind is ConflictKind.NONE:
            quals.append(
                "whether AP I art. 1(4) makes a war of national liberation international without an accepted art. 96(3) declaration is contested (ICRC Commentary 1987); following LAW.md, it is assessed under common art. 3"
            )
        elif liberation.kind is None:
            liberation_open = liberation
        else:
            out.append(liberation)
            liberation_war = True
    internationalised = False
    for controller, level in _controllers(ctx.situation, group.name, ctx.facts_on, state):
        via_controller = _through_controller(
            ctx, h, state, group, controller=controller, level=level, through=through
        )
        out.append(via_controller)
        org = _organised_for(ctx, group, controller)
        if level in _DECISIVE and org.met is not False:
            # organised: the fight is international; not organised: no non-international
            # conflict either (common art. 3 needs an organised group). Either way, none here.
            internationalised = True
        elif via_controller.kind is None:
            open_facts += via_controller.finding.missing
            quals.append(
                f"unless {controller} fights through {group.name} (its control of an organised group is not established): the relationship would then be international"
            )
    strike = _host_strike(ctx, h, state, group.name, through)
    if strike is not None:
        out.append(strike)
    if internationalised or liberation_war:
        return out
    host = _host(ctx, h.territory)
    consent = (
        host is not None and state != host and _consented(ctx.situation, host, state, ctx.facts_on)
    )
    niac = _niac(ctx, h, state, [group], consent=consent, through=through, extra=quals)
    if liberation_open is not None:
        out.append(_international_or_not(ctx, liberation_open, niac))
    elif open_facts:
        why = Reason(
            f"whether {state}'s fight with {group.name} is its own (non-international) or part of an international conflict is open: {', '.join(dict.fromkeys(open_facts))}",
            _TADIC_1999,
        )
        out += _uncertain([niac], ctx, why, open_facts)  # "none" stands: fought through a
        # controller, the fight would be international, still no conflict of the state and group
    else:
        out.append(niac)
    return out


def _international_or_not(ctx: Ctx, international: Conflict, other: Conflict) -> Conflict:
    """One answer for a pair international if an open fact holds, else as common art. 3 finds.

    A war of national liberation (AP I art. 1(4)) whose conditions the record leaves open.
    """
    f, g = international.finding, other.finding
    otherwise = (
        "no armed conflict"
        if other.kind is ConflictKind.NONE
        else (other.kind.value if other.kind is not None else "undetermined")
    )
    question = (
        f"Is the armed conflict between {international.parties[0]} and "
        f"{international.parties[1]} international on {ctx.on}, and if not, what is it?"
    )
    finding = _finding(
        ctx,
        question,
        None,
        [*f.reasons, *(r for r in g.reasons if r not in f.reasons)],
        _union(f.missing, g.missing),
        qualifiers=_union(
            (
                f"international (AP I art. 1(4)) if {', '.join(f.missing)} decide it so; otherwise {otherwise}",
            ),
            g.qualifiers,
        ),
    )
    return attrs.evolve(international, kind=None, finding=finding, ap_ii=None, ap_ii_missing=())


def classify_liberation_war(ctx: Ctx, h: Hostilities, state: str, group: ArmedGroup) -> Conflict:
    """AP I arts. 1(4), 96(3): a war of national liberation as an international armed conflict.

    A people's fight against colonial domination, alien occupation or a racist regime is an
    international armed conflict where the state it fights is bound by AP I and the authority
    representing the people has made a declaration the depositary accepted; ``iac_threshold``
    applies as to any international conflict. ``kind`` is international when all hold; none
    when one of them fails (the relationship is then assessed under common art. 3);
    undetermined when the record cannot tell.
    """
    record, on = ctx.record, ctx.on
    pair = _pair(state, group.name)
    question = _iac_question(ctx, pair)
    reasons = [
        Reason(
            f"{group.name} represents a people fighting under AP I art. 1(4) against {state}",
            _API_14,
            h.source,
        )
    ]
    unknown: list[str] = []
    declared = sorted(
        (
            d
            for d in record.ihl_declarations_of("article-96-3", on)
            if d.authority == group.name and d.against == state and d.accepted is not False
        ),
        key=lambda d: (d.accepted is not True, d.lodged),
    )

    def none(why: Reason) -> Conflict:
        finding = _finding(ctx, question, ConflictKind.NONE, [*reasons, why])
        return Conflict(pair, ConflictKind.NONE, finding, on, h.territory, basis="ap-i-96-3")

    if not declared:
        return none(
            Reason(
                f"the record holds no accepted declaration by {group.name} against {state} under AP I art. 96(3) by {on}",
                _API_14,
            )
        )
    d = declared[0]
    if d.accepted is None:
        reasons.append(
            Reason(
                f"{group.name} declared on {d.lodged} that it undertakes to apply the Conventions and AP I; whether the depositary accepted it is not recorded",
                _API_14,
                d.source,
            )
        )
        unknown.append(f"ihl declaration of {group.name}: accepted")
    else:
        reasons.append(
            Reason(
                f"{group.name} declared on {d.lodged} that it undertakes to apply the Conventions and AP I; the depositary accepted it",
                _API_14,
                d.source,
            )
        )
    treaty = "additional-protocol-i"
    if treaty not in record.treaty_slugs:
        reasons.append(Reason("the record holds no acts on AP I", _API_14))
        unknown.append(f"record: acts on {treaty}")
    else:
        status = record.history(state, treaty).status_on(on)
        doubt = treaty_law.doubt(record, state, treaty, on)
        if doubt is not None:
            reasons.append(Reason(doubt.text, _API_14))
            unknown.append(doubt.missing)
        elif status not in BOUND:
            return none(Reason(f"{state} is not bound by AP I on {on} ({status.value})", _API_14))
        else:
            reasons.append(Reason(f"{state} is bound by AP I on {on}", _API_14))
    kind, missing = _iac_kind(ctx, h, reasons, unknown)
    finding = _finding(ctx, question, kind, reasons, missing)
    return Conflict(pair, kind, finding, on, h.territory, basis="ap-i-96-3")


def _uncertain(
    conflicts: Sequence[Conflict],
    ctx: Ctx,
    why: Reason,
    missing: Sequence[str],
    *,
    keep_none: bool = True,
) -> list[Conflict]:
    """The conflicts that would exist if an unknown fact held: undetermined, naming it.

    With ``keep_none`` a "no armed conflict" answer stands (the unknown fact would only add a
    conflict elsewhere); without it, it too becomes undetermined.
    """
    out = []
    for c in conflicts:
        if c.kind is ConflictKind.NONE and keep_none:
            out.append(c)
            continue
        f = c.finding
        finding = _finding(
            ctx,
            f.question,
            None,
            [*f.reasons, why],
            _union(f.missing, tuple(missing)),
            qualifiers=f.qualifiers,
        )
        out.append(attrs.evolve(c, kind=None, finding=finding, ap_ii=None, ap_ii_missing=()))
    return out


def classify_group_group(
    ctx: Ctx, h: Hostilities, first: ArmedGroup, second: ArmedGroup
) -> list[Conflict]:
    """Organised armed groups against each other.

    Common art. 3: group against group suffices (Tadić 1995). A state with overall control of
    one group fights the other through it (see :func:`classify_state_group`, which also puts two
    controlling states at war with each other and a non-consenting host at war with them); a
    state whose control is of unknown degree might: those relationships are undetermined.
    Between the groups themselves, non-international where neither fights for a state: never
    where a state has overall control of one whose organisation is unknown (organised, it
    fights for the state; not, there is no conflict of groups either); undetermined where a
    control of unknown degree could make either fight for a state.
    """
    out: list[Conflict] = []
    fights_for_a_state = False
    quals: list[str] = []
    open_facts: list[str] = []  # facts that, known, could make the fight a state's
    for group, other in ((first, second), (second, first)):
        for state, level in _controllers(ctx.situation, group.name, ctx.facts_on):
            org = _organised_for(ctx, group, state)
            found = classify_state_group(ctx, h, state, other, through=(group.name,))
            if level in _DECISIVE and org.met is not False:
                # organised: the group fights for the state; not organised: no conflict of
                # the groups either (common art. 3 needs organised groups). Either way, none
                # between the groups themselves.
                fights_for_a_state = True
            if level in _DECISIVE and org.met is True:
                out += found
                continue
            if org.met is False and level is not ControlLevel.UNKNOWN:
                continue  # overall control works only through an organised group
            what = [f"control of {group.name} by {state}: level"] if level not in _DECISIVE else []
            what += org.missing
            why = Reason(
                f"whether {state} fights {other.name} through {group.name} is not established: {', '.join(what)}",
                _TADIC_1999,
            )
            out += _uncertain(found, ctx, why, what)
            open_facts += what
            quals.append(
                f"unless {state} fights through {group.name} (its control or the group's organisation is not established): the relationship would then be {state}'s"
            )
    if fights_for_a_state:
        return out
    niac = _niac(ctx, h, None, [first, second], extra=quals)
    if open_facts:  # a state fighting through either group would make the fight its own
        why = Reason(
            f"whether the fight of {first.name} and {second.name} is theirs or a state's is open: {', '.join(dict.fromkeys(open_facts))}",
            _TADIC_1999,
        )
        return [*out, *_uncertain([niac], ctx, why, open_facts)]
    return [*out, niac]


def _own_forces(ctx: Ctx, state: str, through: Sequence[str]) -> bool:
    """Whether ``state`` fights with its own armed forces (AP II art. 1(1): "its armed forces").

    Directly, or through groups that are its government's forces or incorporated into its armed
    forces (AP I art. 43); not through a group it only controls or that only belongs to it.
    """
    controls = {g: _controls(ctx.situation, g, ctx.facts_on).get(state) for g in through}
    return all(
        ctx.situation.governs(g, ctx.facts_on) == state or controls[g] is ControlLevel.INCORPORATED
        for g in through
    )


def _niac(
    ctx: Ctx,
    h: Hostilities,
    state: str | None,
    groups: list[ArmedGroup],
    *,
    consent: bool = False,
    through: Sequence[str] = (),
    extra: Sequence[str] = (),
) -> Conflict:
    """Common art. 3 (Tadić 1995): a non-international armed conflict.

    When the violence is intense enough and every group in it organised enough; AP II where
    :func:`ap_ii_applies`.
    """
    record, on = ctx.record, ctx.on
    names = [state] if state else []
    names += [g.name for g in groups]
    pair = _pair(names[0], names[1])
    question = (
        f"Is there a non-international armed conflict between {pair[0]} and {pair[1]} on {on}?"
    )
    reasons = [
        Reason(
            f"armed violence between {names[0]} and {names[1]} on {_where(ctx, h.territory)}",
            _CA3,
            h.source,
        )
    ]
    if state is not None:
        reasons += _by(ctx, state, through)
    if consent:
        reasons.append(
            Reason(
                f"{_host(ctx, h.territory)} consented to {state}'s forces: fighting the group with the host's consent stays non-international",
                _CA3,
            )
        )
    own = state is not None and _own_forces(ctx, state, through)
    if state is not None and state == _host(ctx, h.territory) and own:
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
        org = _organised(g)
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
    ap_ii: bool | None = None
    ap_ii_missing: tuple[str, ...] = ()
    quals: list[str] = list(extra)
    if (
        kind is ConflictKind.NON_INTERNATIONAL
        and state is not None
        and state == _host(ctx, h.territory)
        and len(groups) == 1
        and own
    ):
        ap_ii, why, ap_ii_missing = ap_ii_applies(record, state, groups[0], on)
        reasons += why
    elif kind is ConflictKind.NON_INTERNATIONAL:
        ap_ii = False
        quals.append(
            "AP II does not apply: it needs the territorial state's armed forces against the group (group against group or a foreign state's forces do not count)"
        )
    finding = _finding(ctx, question, kind, reasons, missing, qualifiers=quals)
    return Conflict(
        pair,
        kind,
        finding,
        on,
        h.territory,
        via=through,
        ap_ii=ap_ii,
        ap_ii_missing=ap_ii_missing,
    )


def ap_ii_applies(
    record: FactBase, state: str, group: ArmedGroup, on: Date
) -> tuple[bool | None, list[Reason], tuple[str, ...]]:
    """AP II art. 1(1): whether the Protocol applies in addition to common art. 3.

    The territorial state must be bound by AP II, its armed forces must fight a group under
    responsible command exercising such control over part of its territory as to carry out
    sustained and concerted military operations and to implement the Protocol.

    Returns:
        Whether it applies (``None``: undetermined), why, and what would decide it.
    """
    treaty = "additional-protocol-ii"
    reasons = []
    if treaty not in record.treaty_slugs:
        return (
            None,
            [Reason("the record holds no acts on Additional Protocol II", _APII)],
            (f"record: acts on {treaty}",),
        )
    status = record.history(state, treaty).status_on(on)
    doubt = treaty_law.doubt(record, state, treaty, on)
    if doubt is not None:
        return None, [Reason(doubt.text, _APII)], (doubt.missing,)
    if status not in BOUND:
        return (
            False,
            [
                Reason(
                    f"{state} is not bound by Additional Protocol II on {on} ({status.value})",
                    _APII,
                )
            ],
            (),
        )
    reasons.append(Reason(f"{state} is bound by Additional Protocol II on {on}", _APII))
    org = group.organisation
    needed = {
        "command_structure": org.command_structure,
        "territorial_control": org.territorial_control,
        "operations": org.operations,
        "ihl_capacity": org.ihl_capacity,
    }
    if all(v is True for v in needed.values()):
        reasons.append(
            Reason(
                f"{group.name} is under responsible command and controls territory enough for sustained and concerted operations and to implement the Protocol",
                _APII,
            )
        )
        return True, reasons, ()
    if any(v is False for v in needed.values()):
        lacking = ", ".join(k.replace("_", " ") for k, v in needed.items() if v is False)
        reasons.append(Reason(f"{group.name} lacks what AP II requires: {lacking}", _APII))
        return False, reasons, ()
    reasons.append(
        Reason(
            f"AP II's conditions on {group.name} are not established (responsible command, territorial control, sustained operations, ability to implement the Protocol)",
            _APII,
        )
    )
    unknown = tuple(f"{group.name}.organisation.{k}" for k, v in needed.items() if v is None)
    return None, reasons, unknown


def classify_occupation(ctx: Ctx, o: Occupation) -> Conflict:
    """Hague Regulations art. 42; common art. 2(2): occupation.

    Territory is occupied when actually placed under the authority of a hostile army, as far as
    that authority is established and can be exercised — even without armed resistance, possibly
    through a group under overall control. Forces present with the territorial state's consent
    are not a hostile army. Undetermined when effective control, or the occupant's control of the
    group it acts through, is not known.
    """
    situation, on = ctx.situation, ctx.on
    declared = situation.territory(o.territory) is not None
    host = situation.holder(o.territory, on)
    pair = _pair(o.occupant, host if host is not None else o.territory)
    where = f"{o.area} ({o.territory})" if o.area else o.territory
    question = f"Is {where} under occupation by {o.occupant} on {on}?"
    reasons = [
        Reason(
            f"{o.occupant}'s forces hold {where} from {o.period.start}"
            + (f"; {_where(ctx, o.territory)}" if declared else ""),
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
        if kind is ConflictKind.OCCUPATION and o.partial:
            quals.append(
                "partial effective control: the occupant is bound by the law of occupation only as far as its control reaches (ICJ, advisory opinion of 19 July 2024, on Gaza)"
            )
        if kind is ConflictKind.OCCUPATION and o.conclusion is not None:
            quals.append(_ending(o.conclusion, "the occupation"))
        if kind is ConflictKind.OCCUPATION and declared and host is None:
            quals.append(
                f"{o.territory} is held by no state: that the law of occupation applies to territory occupied in a conflict between High Contracting Parties whatever its earlier status follows the ICJ (Wall advisory opinion, 2004, para. 95); the point is contested"
            )
        return Conflict(
            pair,
            kind,
            _finding(ctx, question, kind, reasons, missing, qualifiers=quals),
            on,
            host if declared else o.territory,
            via=o.through,
            place=o.territory if declared else None,
        )

    if host is not None and _consented(situation, host, o.occupant, on):
        reasons.append(
            Reason(
                f"{host} consents to {o.occupant}'s forces on {on}: they are not a hostile army, and there is no occupation",
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
                    f"{o.occupant} exercises authority through {_attached(o.occupant, o.through, level, situation.governs(o.through, on))} (occupation through a group under overall control: ICRC Commentary 2016; the ICJ left it open in Armed Activities, 2005)",
                    _attachment(
                        o.occupant, o.through, level, situation.governs(o.through, on)
                    ).citation,
                )
            )
    if o.partial:
        reasons.append(
            Reason(
                "its authority is established over some matters or parts of the area only: partial effective control; the law of occupation binds it in proportion to the control it has",
                _ICJ_2024,
            )
        )
    elif o.effective_control is True:
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


def _ongoing(h: Hostilities, on: Date) -> tuple[Date, str] | None:
    """Whether the conflict arising from ``h`` goes on on ``on``, and the day whose facts decide.

    ``None`` if it does not: before the fighting, or after its end where ``h.concluded``, or
    from the day of its dated ``conclusion``. IHL applies until a general conclusion of peace
    or a peaceful settlement (Tadić 1995, para. 70; LAW.md C6): after the fighting's end, the
    facts of its last day decide, and the qualifier says a lull does not end the conflict
    (``concluded`` false), names the conclusion still to come (``until``), or names
    ``hostilities.concluded`` as missing (unknown).
    """
    if on < h.period.start:
        return None
    if h.period.end is None or on <= h.period.end:
        return on, ""
    if h.conclusion is not None:  # a dated end: the conflict goes on until it
        return (h.period.end, "until") if on < h.conclusion.on else None
    if h.concluded is True:
        return None
    return h.period.end, "lull" if h.concluded is False else "unknown"


_LULL = "a lull does not end the conflict (Tadić 1995, para. 70)"

_ENDS = {
    ConclusionKind.PEACE: "a general conclusion of peace (Tadić 1995, para. 70)",
    ConclusionKind.SETTLEMENT: "a peaceful settlement (Tadić 1995, para. 70)",
    ConclusionKind.CLOSE_OF_OPERATIONS: "the general close of military operations (GC IV art. 6(2); AP I art. 3(b))",
    ConclusionKind.ARMISTICE: "a general armistice closing military operations (GC IV art. 6(2); AP I art. 3(b))",
    ConclusionKind.DEFEAT: "the defeat of a party",
    ConclusionKind.TRANSFER: "a transfer of authority to the state's own government",
    ConclusionKind.WITHDRAWAL: "the occupant's withdrawal or loss of effective control (Hague Regulations art. 42)",
}
"""How each kind of conclusion ends a conflict or occupation, in words."""


def _ending(c: Conclusion, what: str) -> str:
    """``what`` ends on the conclusion's day, how, and on whose word."""
    source = f" ({c.source.title})" if c.source else ""
    return f"{what} ends on {c.on} with {_ENDS[c.kind]}{source}"


def _after_fighting(ctx: Ctx, h: Hostilities, found: list[Conflict], how: str) -> list[Conflict]:
    assert h.period.end is not None
    if how in ("lull", "until"):
        note = f"the fighting recorded ended on {h.period.end}, with no general conclusion of peace or peaceful settlement: {_LULL}"
        if how == "until" and h.conclusion is not None:
            note = (
                f"the fighting recorded ended on {h.period.end}; "
                f"{_ending(h.conclusion, 'the conflict')}, and goes on until then: {_LULL}"
            )
        return [
            c
            if c.kind in (None, ConflictKind.NONE)
            else attrs.evolve(
                c,
                finding=attrs.evolve(c.finding, qualifiers=(*c.finding.qualifiers, note)),
            )
            for c in found
        ]
    why = Reason(
        f"the fighting recorded ended on {h.period.end}; whether the conflict ended with it (a general conclusion of peace or a peaceful settlement) or goes on is not recorded",
        _TADIC_1995,
    )
    return _uncertain(found, ctx, why, ["hostilities.concluded"])


def _carried(
    situation: Situation, h: Hostilities, on: Date
) -> tuple[Hostilities | None, tuple[str, ...]]:
    """``h`` as it stands on ``on``: each state side replaced by the one carrying on its part.

    Also what was carried, link by link, in words (:class:`~icclaw.ihl.Succession`); ``None``
    where a state would fight its own successor. The territory is not carried: a successor carries on a predecessor's part in the situation,
    not its land (the SFRY's territory did not become the FRY's).
    """
    if not situation.successions:
        return h, ()
    a, b = situation.identity(h.a, on), situation.identity(h.b, on)
    if (a, b) == (h.a, h.b):
        return h, ()
    if a == b:
        return None, ()
    return attrs.evolve(h, a=a, b=b), _links(situation, (h.a, h.b), on)


def _links(situation: Situation, codes: Iterable[str], on: Date) -> tuple[str, ...]:
    """Each succession that carries one of ``codes`` on by ``on``, in words, with its day."""
    after = {x.predecessor: x for x in situation.successions}
    said: list[str] = []
    for first in codes:
        code = first
        while code in after and after[code].on <= on:
            x = after[code]
            source = f" ({x.source.title})" if x.source else ""
            said.append(
                f"{x.successor} carries on {x.predecessor}'s part in the situation from {x.on}{source}: the hostilities go on across the change of identity"
            )
            code = x.successor
    return tuple(dict.fromkeys(said))


def _occupation_on(situation: Situation, o: Occupation, on: Date) -> Occupation | None:
    """``o`` as it stands on ``on``: its occupant replaced by the state carrying on its part.

    (:class:`~icclaw.ihl.Succession`); ``None`` where the occupant would hold its own land. The
    territory occupied is not carried: it stays the territory it was.
    """
    occupant = situation.identity(o.occupant, on)
    if occupant == o.occupant:
        return o
    if occupant == o.territory:
        return None
    return attrs.evolve(o, occupant=occupant)


def _check_codes(record: FactBase, situation: Situation) -> None:
    """Every state code the situation names must be a state of the record (one clear error)."""
    codes = {a.code for a in situation.actors if isinstance(a, StateActor)}
    declared = {t.name for t in situation.territories}
    codes |= {h.territory for h in situation.hostilities if h.territory not in declared}
    codes |= {x.state for t in situation.territories for x in t.holdings}
    codes |= {c.state for c in situation.controls}
    codes |= {x for c in situation.consents for x in (c.territorial_state, c.foreign_state)}
    codes |= {o.occupant for o in situation.occupations}
    codes |= {x for s in situation.successions for x in (s.predecessor, s.successor)}
    codes |= {g.state for g in situation.governments}
    codes |= {o.territory for o in situation.occupations if o.territory not in declared}
    for code in sorted(codes):
        record.state(code)


def classify(
    record: FactBase, situation: Situation, on: Date, policy: Policy | None = None
) -> tuple[Conflict, ...]:
    """Classify every relationship in ``situation`` that goes on on ``on``.

    Hostilities count from their start; after their end, unless ``concluded``, the conflict
    goes on as it stood on the last day of fighting (C6), or is undetermined where
    ``concluded`` is unknown. One Conflict per pair, kind and territory — found more than once,
    their reasons are joined — sorted, whatever the order in which the facts are given. "No
    armed conflict" is dropped for a pair in a conflict of another kind, and an undetermined
    question for a pair already answered yes by other facts.

    Raises:
        UnknownState: a state code in the situation is not a state of the record.
    """
    policy = policy or DEFAULT_POLICY
    _check_codes(record, situation)
    found: list[Conflict] = []
    for given in sorted(situation.hostilities, key=_hostilities_key):
        going = _ongoing(given, on)
        if going is None:
            continue
        facts_on, how = going
        ctx = Ctx(record, situation, on, policy, facts_on)
        h, carried = _carried(situation, given, facts_on)
        if h is None:
            continue
        first, second = situation.actor(h.a), situation.actor(h.b)
        if type(first) is type(second) and first.name > second.name:
            first, second = second, first  # the same answer whichever way round they are given
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
        if situation.territory(h.territory) is not None:
            host = _host(ctx, h.territory)
            now = [attrs.evolve(c, territory=host, place=h.territory) for c in now]
        if carried:
            now = [
                attrs.evolve(
                    c, finding=attrs.evolve(c.finding, qualifiers=(*c.finding.qualifiers, *carried))
                )
                for c in now
            ]
        found += _after_fighting(ctx, h, now, how) if how else now
    ctx = Ctx(record, situation, on, policy, on)
    for o in sorted(situation.occupations, key=_occupation_key):
        held = _occupation_on(situation, o, on) if active(o.days, on) else None
        if held is not None:
            found.append(classify_occupation(ctx, held))
    return _combine(found)


def occupied(
    record: FactBase, situation: Situation, place: str, on: Date, policy: Policy | None = None
) -> Finding:
    """Hague Regulations art. 42, asked of one territory: is ``place`` under occupation on ``on``?

    ``place`` is a declared :class:`~icclaw.ihl.Territory` or a state's code. An occupation
    counts for it when it is of ``place`` itself, of the whole of the state holding ``place``
    that day (an occupation of all Ukraine covers Kherson), or — asked of a state — of a
    territory that state holds that day, or of an area of it (then in part only). Each is
    classified by :func:`classify_occupation`.

    Yes when one of them is an occupation (``value``: the occupants, sorted); undetermined when
    none is and one is undetermined (``missing`` names what would decide it); no otherwise,
    also when the situation records no occupation of it that day — the situation is the
    authority's account, and what it does not state is not found.

    Raises:
        InvalidValue: ``place`` is neither a state code nor a territory of the situation.
        UnknownState: a state code of the situation is not a state of the record.
    """
    policy = policy or DEFAULT_POLICY
    t = situation.territory(place)
    if t is None and not (isinstance(place, str) and _STATE_CODE.fullmatch(place)):
        names = ", ".join(x.name for x in situation.territories) or "none"
        raise InvalidValue(
            f"territory {str(place)[:60]!r}: neither a state code (e.g. 'UKR') nor a territory "
            f"of the situation (it declares: {names})"
        )
    _check_codes(record, situation)
    if t is None:
        record.state(place)
    ctx = Ctx(record, situation, on, policy, on)
    host = situation.holder(place, on)
    found: list[tuple[Occupation, Conflict, bool]] = []  # (occupation, answer, of the whole)
    for given in sorted(situation.occupations, key=_occupation_key):
        o = _occupation_on(situation, given, on) if active(given.days, on) else None
        if o is None:
            continue
        covers = o.territory == place or (t is not None and o.area is None and o.territory == host)
        within = t is None and o.territory != place and situation.holder(o.territory, on) == place
        if covers or within:
            found.append((o, classify_occupation(ctx, o), covers and o.area is None))
    yes = [(o, c, w) for o, c, w in found if c.kind is ConflictKind.OCCUPATION]
    open_ = [(o, c, w) for o, c, w in found if c.kind is None]
    reasons: list[Reason] = []
    for _, c, _ in yes or open_ or found:
        reasons += [r for r in c.finding.reasons if r not in reasons]
    qualifiers: list[str] = []
    if yes and not any(w for _, _, w in yes):
        parts = sorted({f"{o.area} ({o.territory})" if o.area else o.territory for o, _, _ in yes})
        qualifiers.append(f"in part only: {', '.join(parts)}")
    for _, c, _ in yes:
        qualifiers += [q for q in c.finding.qualifiers if q not in qualifiers]
    if not found:
        reasons.append(
            Reason(
                f"the situation records no occupation of {place}"
                + (", nor of the whole of the state holding it," if t is not None else "")
                + f" on {on}",
                _HR42,
            )
        )
    holds = True if yes else (None if open_ else False)
    missing = [m for _, c, _ in open_ for m in c.finding.missing] if holds is None else []
    return record.finding(
        f"Is {place} under occupation on {on}?",
        holds,
        value=tuple(sorted({o.occupant for o, _, _ in yes})) if yes else None,
        reasons=reasons,
        missing=list(dict.fromkeys(missing)),
        qualifiers=qualifiers,
        policy=policy,
        on=on,
    )


def _combine(found: list[Conflict]) -> tuple[Conflict, ...]:
    out: dict[tuple[object, ...], Conflict] = {}
    for c in found:
        key: tuple[object, ...] = (c.parties, c.kind, c.territory)
        if c.kind is ConflictKind.OCCUPATION:
            key += (c.place,)  # each territory's occupation apart: Kherson is not Crimea
        if c.kind is None:
            key += (c.finding.question,)
        out[key] = _merge(out[key], c) if key in out else c
    positive = {c.parties for c in out.values() if c.kind not in (None, ConflictKind.NONE)}
    answered = {
        (c.parties, c.finding.question, c.territory)
        for c in out.values()
        if c.kind not in (None, ConflictKind.NONE)
    }
    kept = [
        c
        for c in out.values()
        if not (c.kind is ConflictKind.NONE and c.parties in positive)
        and not (c.kind is None and (c.parties, c.finding.question, c.territory) in answered)
    ]
    order = {k: i for i, k in enumerate(ConflictKind)}
    return tuple(
        sorted(
            kept,
            key=lambda c: (
                c.parties,
                order[c.kind] if c.kind else len(order),
                c.territory or "",
                c.place or "",
                c.finding.question,
            ),
        )
    )


def _union(first: Sequence[_T], second: Sequence[_T]) -> tuple[_T, ...]:
    return (*first, *(x for x in second if x not in first))


def _merge(first: Conflict, second: Conflict) -> Conflict:
    """One Conflict for a pair, kind and territory found more than once.

    Several hostilities, or a state fighting directly and through a group: the reasons,
    qualifiers and missing facts of both (a lull qualifier only if neither goes on fighting);
    every group acted through; AP II if it applies to either.
    """
    aps = (first.ap_ii, second.ap_ii)
    ap_ii = True if True in aps else (None if None in aps else False)
    f, g = first.finding, second.finding
    qualifiers = _union(f.qualifiers, g.qualifiers)
    lulls = [any(_LULL in q for q in x.qualifiers) for x in (f, g)]
    if not all(lulls):
        qualifiers = tuple(q for q in qualifiers if _LULL not in q)
    finding = attrs.evolve(
        f,
        reasons=_union(f.reasons, g.reasons),
        qualifiers=qualifiers,
        missing=_union(f.missing, g.missing),
    )
    return attrs.evolve(
        first,
        finding=finding,
        place=first.place if first.place == second.place else None,
        via=(*first.via, *second.via),
        ap_ii=ap_ii,
        basis=first.basis or second.basis,
        ap_ii_missing=()
        if ap_ii is not None
        else _union(first.ap_ii_missing, second.ap_ii_missing),
    )


def _hostilities_key(h: Hostilities) -> tuple[object, ...]:
    end = h.period.end.isoformat() if h.period.end else "~"
    return (
        h.period.start.isoformat(),
        end,
        *sorted((h.a, h.b)),
        h.territory,
        h.area or "",
        repr(h.concluded),
        repr(h.conclusion),
        repr(h.intensity),
        repr(h.source),
    )


def _occupation_key(o: Occupation) -> tuple[object, ...]:
    end = o.period.end.isoformat() if o.period.end else "~"
    return (
        o.period.start.isoformat(),
        end,
        o.occupant,
        o.territory,
        o.area or "",
        o.through or "",
        repr(o.effective_control),
        repr(o.source),
        repr(o.conclusion),
    )
