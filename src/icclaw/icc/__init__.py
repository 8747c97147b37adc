"""The Rome Statute engine.

Crimes, events, triggers, the Security Council, jurisdiction and cooperation. The public names
are re-exported from :mod:`icclaw`.
"""

from __future__ import annotations

from icclaw.icc.council import VoteOutcome
from icclaw.icc.crimes import Crime
from icclaw.icc.facts import (
    CourtSituation,
    Declaration,
    DeclarationKind,
    Event,
    ProprioMotu,
    Resolution,
    ResolutionKind,
    SecurityCouncilReferral,
    StateReferral,
)

__all__ = [
    "CourtSituation",
    "Crime",
    "Declaration",
    "DeclarationKind",
    "Event",
    "ProprioMotu",
    "Resolution",
    "ResolutionKind",
    "SecurityCouncilReferral",
    "StateReferral",
    "VoteOutcome",
]
