"""The armed-conflict classification engine: situations, conflicts and the law that applies.

The public names are re-exported from :mod:`icclaw`.
"""

from __future__ import annotations

from icclaw.ihl.classify import Conflict, ConflictKind
from icclaw.ihl.facts import (
    ArmedGroup,
    Conclusion,
    ConclusionKind,
    Consent,
    Control,
    ControlLevel,
    Government,
    GovernmentRole,
    Holding,
    HoldingRole,
    Hostilities,
    IhlDeclaration,
    IhlDeclarationKind,
    Intensity,
    Occupation,
    Organisation,
    Situation,
    StateActor,
    Succession,
    Territory,
)

__all__ = [
    "ArmedGroup",
    "Conclusion",
    "ConclusionKind",
    "Conflict",
    "ConflictKind",
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
