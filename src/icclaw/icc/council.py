"""Security Council voting (UN Charter art. 27(3); LAW.md R12).

A decision on a non-procedural matter needs the affirmative votes of nine members (seven of
eleven before the enlargement in force on 31 August 1965) including the concurring votes of the
permanent members. By consistent practice, recognised by the International Court of Justice
(Namibia advisory opinion, 1971), a permanent member's abstention or absence does not block
adoption; a negative vote does. Fewer affirmative votes than required is a failure, whatever
the permanent members did. A party to a dispute abstains only on Chapter VI and art. 52(3)
decisions, so a permanent member may veto a Chapter VII referral or deferral about itself.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import pendulum

from icclaw.errors import IcclawError
from icclaw.findings import Citation, Finding, Reason

if TYPE_CHECKING:
    from collections.abc import Iterable

    from icclaw.dates import Date

__all__ = [
    "CHARTER",
    "ENLARGEMENT",
    "InvalidVote",
    "VoteOutcome",
    "explain_vote",
    "permanent_members",
    "required_votes",
    "vote_outcome",
]

CHARTER = "UN Charter"
CHARTER_IN_FORCE = pendulum.Date(1945, 10, 24)
ENLARGEMENT = pendulum.Date(1965, 8, 31)
"""The amendment enlarging the Council to fifteen members entered into force on this day."""
USSR_SEAT_CONTINUED = pendulum.Date(1991, 12, 24)
"""From this day the Russian Federation held the USSR's seat as its continuator."""
PRC_SEATED = pendulum.Date(1971, 10, 25)
"""From this day the People's Republic of China held China's seat (GA res. 2758 (XXVI))."""

_ART_27_3 = Citation(CHARTER, "art. 27(3)")
_ART_23 = Citation(CHARTER, "art. 23(1)")


class VoteOutcome(enum.StrEnum):
    """The result of a vote in the Security Council."""

    ADOPTED = "adopted"
    VETOED = "vetoed"
    """Enough affirmative votes, but a permanent member voted against."""
    FAILED = "failed"
    """Fewer affirmative votes than required."""


class InvalidVote(IcclawError, ValueError):
    """A vote that cannot have been cast: a member twice, too many members, before the Charter."""


def permanent_members(on: Date) -> frozenset[str]:
    """Return the permanent members of the Council on ``on`` (Charter art. 23(1)).

    China's seat is ``CHN`` throughout (held by the Republic of China government until
    25 October 1971); the USSR's seat is ``SUN`` until 23 December 1991, then ``RUS``.
    """
    return frozenset({"CHN", "FRA", "GBR", "USA", "SUN" if on < USSR_SEAT_CONTINUED else "RUS"})


def required_votes(on: Date) -> tuple[int, int]:
    """Return (affirmative votes required, members of the Council) on ``on``."""
    return (7, 11) if on < ENLARGEMENT else (9, 15)


def _tally(
    yes: Iterable[str], no: Iterable[str], abstain: Iterable[str], on: Date
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    if on < CHARTER_IN_FORCE:
        raise InvalidVote(
            f"{on}: the Security Council did not exist before the Charter entered into force on {CHARTER_IN_FORCE}"
        )
    lists = tuple(tuple(v.strip().upper() for v in group) for group in (yes, no, abstain))
    seen: set[str] = set()
    for group in lists:
        for code in group:
            if code in seen:
                raise InvalidVote(f"{code} is recorded with two votes; each member casts one")
            seen.add(code)
    members = required_votes(on)[1]
    if len(seen) > members:
        raise InvalidVote(
            f"{len(seen)} votes recorded, but the Council had {members} members on {on}"
        )
    stale = {"SUN", "RUS"} - permanent_members(on)
    for code in sorted(seen & stale):
        holder = "RUS" if code == "SUN" else "SUN"
        raise InvalidVote(f"{code} did not hold the permanent seat on {on}; {holder} did")
    return lists  # type: ignore[return-value]


def vote_outcome(
    yes: Iterable[str], no: Iterable[str], abstain: Iterable[str], on: Date
) -> VoteOutcome:
    """Return the outcome of a vote on a non-procedural matter (Charter art. 27(3)).

    Raises:
        InvalidVote: for a member recorded twice, more votes than members, a vote before
            24 October 1945, or the USSR/Russian seat held by the wrong state for the date.
    """
    y, n, _a = _tally(yes, no, abstain, on)
    needed, _members = required_votes(on)
    if len(y) < needed:
        return VoteOutcome.FAILED
    if permanent_members(on) & set(n):
        return VoteOutcome.VETOED
    return VoteOutcome.ADOPTED


def explain_vote(
    yes: Iterable[str],
    no: Iterable[str],
    abstain: Iterable[str],
    on: Date,
    *,
    label: str = "the draft",
) -> Finding:
    """Explain a vote: ``holds`` is whether the text was adopted, ``value`` the outcome."""
    y, n, a = _tally(yes, no, abstain, on)
    needed, members = required_votes(on)
    p5 = permanent_members(on)
    outcome = vote_outcome(y, n, a, on)
    reasons = [
        Reason(f"{label} on {on}: {len(y)} in favour, {len(n)} against, {len(a)} abstaining", None),
        Reason(
            f"on {on} a decision needs {needed} affirmative votes of the {members} members",
            _ART_27_3,
        ),
    ]
    vetoes = sorted(p5 & set(n))
    if outcome is VoteOutcome.FAILED:
        reasons.append(
            Reason(
                f"{len(y)} affirmative votes are fewer than {needed}: the draft fails whatever the permanent members did",
                _ART_27_3,
            )
        )
    elif outcome is VoteOutcome.VETOED:
        reasons.append(
            Reason(
                f"negative vote of permanent member(s) {', '.join(vetoes)}: the draft is vetoed",
                _ART_27_3,
            )
        )
    else:
        abstaining = sorted(p5 & set(a))
        extra = (
            f"; the abstention of {', '.join(abstaining)} does not block adoption (consistent practice; ICJ, Namibia, 1971)"
            if abstaining
            else ""
        )
        reasons.append(Reason(f"no permanent member voted against{extra}", _ART_27_3))
    reasons.append(Reason(f"permanent members on {on}: {', '.join(sorted(p5))}", _ART_23))
    return Finding(
        f"Was {label} adopted by the Security Council on {on}?",
        outcome is VoteOutcome.ADOPTED,
        value=outcome,
        reasons=reasons,
        on=on,
    )
