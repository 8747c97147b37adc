"""icclaw: international law made computable.

Treaty status, International Criminal Court jurisdiction and armed-conflict classification, on
an embedded, sourced record; every answer a :class:`Finding` that explains itself.

>>> import icclaw
>>> rec = icclaw.load()
>>> rec.status("RUS", "rome-statute", on="2016-12-01")
<TreatyStatus.SIGNATURE_WITHDRAWN: 'signature-withdrawn'>
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from icclaw.dates import Date, Period
from icclaw.errors import (
    AmbiguousState,
    DataError,
    IcclawError,
    Indeterminate,
    InvalidDate,
    InvalidPolicy,
    InvalidType,
    InvalidValue,
    MissingDependency,
    Problem,
    RecordError,
    UnknownCode,
    UnknownResolution,
    UnknownSituation,
    UnknownState,
    UnknownTreaty,
)
from icclaw.findings import Citation, Finding, Reason, Source, SourceKind
from icclaw.icc import (
    CourtSituation,
    Crime,
    Declaration,
    DeclarationKind,
    Event,
    ProprioMotu,
    Resolution,
    ResolutionKind,
    SecurityCouncilReferral,
    StateReferral,
    VoteOutcome,
)
from icclaw.ihl import (
    ArmedGroup,
    Conclusion,
    ConclusionKind,
    Conflict,
    ConflictKind,
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
from icclaw.policy import (
    AggressionAcceptance,
    AggressionDeclarant,
    AmendmentReach,
    IacThreshold,
    IntentDate,
    InterimAfterDeposit,
    NonconsensualStrike,
    Policy,
    PostWithdrawal,
)
from icclaw.record import Record
from icclaw.states import State, StateCategory
from icclaw.status import TreatyStatus
from icclaw.treaties import Action, ActionKind, Alternative, Treaty, TreatyGroup

if TYPE_CHECKING:
    import os

    from icclaw.changes import RecordDiff

__all__ = [
    "Action",
    "ActionKind",
    "AggressionAcceptance",
    "AggressionDeclarant",
    "Alternative",
    "AmbiguousState",
    "AmendmentReach",
    "ArmedGroup",
    "Citation",
    "Conclusion",
    "ConclusionKind",
    "Conflict",
    "ConflictKind",
    "Consent",
    "Control",
    "ControlLevel",
    "CourtSituation",
    "Crime",
    "DataError",
    "Date",
    "Declaration",
    "DeclarationKind",
    "Event",
    "Finding",
    "Government",
    "GovernmentRole",
    "Holding",
    "HoldingRole",
    "Hostilities",
    "IacThreshold",
    "IcclawError",
    "IhlDeclaration",
    "IhlDeclarationKind",
    "Indeterminate",
    "Intensity",
    "IntentDate",
    "InterimAfterDeposit",
    "InvalidDate",
    "InvalidPolicy",
    "InvalidType",
    "InvalidValue",
    "MissingDependency",
    "NonconsensualStrike",
    "Occupation",
    "Organisation",
    "Period",
    "Policy",
    "PostWithdrawal",
    "Problem",
    "ProprioMotu",
    "Reason",
    "Record",
    "RecordError",
    "Resolution",
    "ResolutionKind",
    "SecurityCouncilReferral",
    "Situation",
    "Source",
    "SourceKind",
    "State",
    "StateActor",
    "StateCategory",
    "StateReferral",
    "Succession",
    "Territory",
    "Treaty",
    "TreatyGroup",
    "TreatyStatus",
    "UnknownCode",
    "UnknownResolution",
    "UnknownSituation",
    "UnknownState",
    "UnknownTreaty",
    "VoteOutcome",
    "__version__",
    "diff",
    "load",
    "load_situation",
]


def diff(old: Record, new: Record, *, sample: int = 20) -> RecordDiff:
    """What changed from the record ``old`` to ``new``, and which answers it changes.

    The acts, declarations, Council texts, situations, states and treaties added, removed or
    changed; for each treaty whose acts changed, the number of parties on the first day of each
    year where the two differ; and up to ``sample`` status answers that flip, each with both
    Findings. ``icclaw diff OLD [NEW]`` prints it. See :mod:`icclaw.changes`.
    """
    from icclaw.changes import diff as _diff  # noqa: PLC0415

    return _diff(old, new, sample=sample)


def load(path: str | os.PathLike[str] | None = None) -> Record:
    """Load the embedded record, or a record folder of your own.

    Args:
        path: ``None`` for the embedded record (read once, then cached), or a folder holding
            ``record.toml``, ``treaties/*.toml`` and optionally ``states.toml``.

    Returns:
        The :class:`Record`.

    Raises:
        DataError: every problem in every file, each with its file, entry and reason.
    """
    from icclaw.data.loader import load as _load  # noqa: PLC0415  (keeps `import icclaw` cheap)

    return _load(path)


def load_situation(path: str | os.PathLike[str]) -> Situation:
    """Read a situation of violence from a TOML or JSON file, for :meth:`Record.classify`.

    ``path`` may also be the name of a situation of the catalogue of real situations
    (``"ukraine-2014"``; ``icclaw situations`` lists them, :mod:`icclaw.catalogue` reads them).

    Raises:
        DataError: every problem in the file, each with its entry and reason.
        UnknownSituation: neither a file nor a name in the catalogue.
    """
    from icclaw.data.situation import load_situation as _load_situation  # noqa: PLC0415

    return _load_situation(path)


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("icclaw")
    raise AttributeError(f"module 'icclaw' has no attribute {name!r}")
