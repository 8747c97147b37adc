"""Duties to cooperate with the Court.

Rome Statute Part 9, arts. 12(3), 86, 87, 127(2); UN Charter arts. 25, 103; LAW.md R13.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from icclaw import status as treaty_law
from icclaw.findings import Citation, Finding, Reason
from icclaw.icc.council import VoteOutcome, vote_outcome
from icclaw.icc.facts import CourtSituation, DeclarationKind, ResolutionKind
from icclaw.policy import DEFAULT_POLICY, Policy
from icclaw.status import TreatyStatus

if TYPE_CHECKING:
    from icclaw.base import FactBase
    from icclaw.dates import Date

__all__ = ["cooperation_duty"]

RS = "Rome Statute"
_PARTY = Citation(RS, "arts. 86, 87(1)")
_SURVIVAL = Citation(RS, "art. 127(2)")
_DECLARANT = Citation(RS, "art. 12(3); Rules of Procedure and Evidence, rule 44")
_COUNCIL = Citation("UN Charter", "arts. 25, 103")
_NONE = Citation(RS, "art. 87(5)")


def _commenced_before(situation: CourtSituation, day: Date) -> bool:
    """Art. 127(2): an investigation commenced (opened or authorised) before ``day``."""
    opened = [d for d in (situation.investigation_opened, situation.authorised) if d is not None]
    return bool(opened) and min(opened) < day


def cooperation_duty(
    record: FactBase,
    state: str,
    on: Date,
    *,
    known_on: Date | None = None,
    policy: Policy | None = None,
) -> Finding:
    """Does ``state`` owe the Court cooperation on ``on``, and on what basis?

    * a party (including one whose withdrawal is pending): full cooperation (art. 86), through
      its chosen channels (art. 87(1));
    * after withdrawal: only cooperation in investigations and proceedings commenced before the
      withdrawal took effect (art. 127(2));
    * a non-party that accepted jurisdiction under art. 12(3): cooperation under Part 9 (rule 44);
    * a state bound by a Chapter VII resolution requiring it (res. 1593 on Sudan; 1970 on Libya);
    * otherwise none under the Statute: it may cooperate by an ad hoc arrangement or agreement
      (art. 87(5)).
    """
    policy = policy or DEFAULT_POLICY
    st = record.state(state)
    base = treaty_law.explain_status(
        record, st.code, "rome-statute", on, known_on=known_on, policy=policy
    )
    status = base.value if isinstance(base.value, TreatyStatus) else None
    reasons: list[Reason] = []
    qualifiers: list[str] = []
    holds: bool | None = False
    missing: list[str] = []
    if base.holds is None:
        holds = None
        missing.extend(base.missing)
        reasons.append(
            Reason(
                f"whether {st.name} is a State Party on {on} is open: {base.reasons[-1].text}",
                _PARTY,
            )
        )
    elif base.holds:
        holds = True
        pending = (
            " (its withdrawal is pending: every obligation stands until it takes effect)"
            if status is TreatyStatus.WITHDRAWAL_PENDING
            else ""
        )
        reasons.append(
            Reason(
                f"{st.name} is a State Party on {on}{pending}: it must cooperate fully with the Court's investigations and prosecutions",
                _PARTY,
            )
        )
    elif status is TreatyStatus.WITHDRAWN:
        effective = next(
            p.end
            for p in reversed(
                treaty_law.in_force_periods(record, st.code, "rome-statute", known_on=known_on)
            )
            if p.end is not None
        ).add(days=1)
        begun = [
            s
            for s in record.situations_concerning(st.code, known_on=known_on)
            if _commenced_before(s, effective)
        ]
        if begun:
            holds = True
            names = ", ".join(s.name for s in begun)
            reasons.append(
                Reason(
                    f"{st.name} withdrew with effect from {effective}, but its duty to cooperate survives for investigations and proceedings begun before then: {names}",
                    _SURVIVAL,
                )
            )
            qualifiers.append(f"limited to investigations and proceedings begun before {effective}")
        else:
            reasons.append(
                Reason(
                    f"{st.name} withdrew with effect from {effective}; no investigation in which it had a duty to cooperate had begun before then",
                    _SURVIVAL,
                )
            )
    else:
        shown = status.value if status is not None else "not bound"
        reasons.append(
            Reason(
                f"{st.name} is not a State Party on {on} ({shown}): it has no duty to cooperate as a party",
                _NONE,
            )
        )
    for d in record.declarations_of(st.code, DeclarationKind.ACCEPTANCE, known_on=known_on):
        if d.given_effect and d.lodged_by(on) is None and holds is not True:
            holds = None
            missing.append(
                f"record: the day {st.name}'s art. 12(3) declaration was lodged (sources disagree)"
            )
            reasons.append(
                Reason(
                    f"{st.name}'s declaration is dated as lodged on {', '.join(map(str, d.lodging_days))} by different sources: whether it was lodged by {on} is open",
                    _DECLARANT,
                    d.source,
                )
            )
        elif d.given_effect and d.lodged_by(on):
            holds = True
            reasons.append(
                Reason(
                    f"{st.name} accepted the Court's jurisdiction by a declaration lodged on {d.lodged}: it must cooperate under Part 9",
                    _DECLARANT,
                    d.source,
                )
            )
    for res in record.resolutions_of(ResolutionKind.REFERRAL, known_on=known_on):
        if (
            st.code in res.cooperation
            and res.chapter_vii
            and res.date <= on
            and vote_outcome(res.yes, res.no, res.abstain, res.date) is VoteOutcome.ADOPTED
        ):
            holds = True
            reasons.append(
                Reason(
                    f"{res.label} (Chapter VII) requires {st.name} to cooperate fully with the Court",
                    _COUNCIL,
                    res.source,
                )
            )
    if not holds:
        reasons.append(
            Reason(
                "a state not bound may still cooperate by an ad hoc arrangement or agreement with the Court",
                _NONE,
            )
        )
    return record.finding(
        f"Must {st.name} cooperate with the International Criminal Court on {on}?",
        holds,
        value=status,
        missing=missing if holds is None else (),
        reasons=reasons,
        qualifiers=qualifiers,
        policy=policy,
        on=on,
        known_on=known_on,
    )
