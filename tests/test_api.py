"""The public face: exactly the names the contract promises, and a cheap import."""

from __future__ import annotations

import subprocess
import sys

import icclaw

PUBLIC = {
    "Alternative",
    "ArmedGroup",
    "Conflict",
    "ConflictKind",
    "Consent",
    "Control",
    "ControlLevel",
    "Conclusion",
    "ConclusionKind",
    "Hostilities",
    "IacThreshold",
    "IhlDeclaration",
    "IhlDeclarationKind",
    "Intensity",
    "NonconsensualStrike",
    "Occupation",
    "Organisation",
    "Situation",
    "StateActor",
    "Territory",
    "Succession",
    "Government",
    "GovernmentRole",
    "Holding",
    "HoldingRole",
    "load_situation",
    "diff",
    "AggressionAcceptance",
    "AggressionDeclarant",
    "AmendmentReach",
    "Crime",
    "Declaration",
    "DeclarationKind",
    "Event",
    "PostWithdrawal",
    "ProprioMotu",
    "Resolution",
    "ResolutionKind",
    "SecurityCouncilReferral",
    "CourtSituation",
    "StateReferral",
    "UnknownResolution",
    "UnknownSituation",
    "VoteOutcome",
    "Action",
    "ActionKind",
    "AmbiguousState",
    "Citation",
    "DataError",
    "Date",
    "Finding",
    "IcclawError",
    "Indeterminate",
    "IntentDate",
    "InterimAfterDeposit",
    "InvalidDate",
    "InvalidType",
    "InvalidValue",
    "InvalidPolicy",
    "MissingDependency",
    "Period",
    "Policy",
    "Problem",
    "Reason",
    "Record",
    "RecordError",
    "Source",
    "SourceKind",
    "State",
    "StateCategory",
    "Treaty",
    "TreatyGroup",
    "TreatyStatus",
    "UnknownCode",
    "UnknownState",
    "UnknownTreaty",
    "__version__",
    "load",
}


def test_all_is_exactly_the_public_api() -> None:
    assert set(icclaw.__all__) == PUBLIC
    for name in PUBLIC:
        assert getattr(icclaw, name) is not None


def test_treaty_status_values_are_the_contract() -> None:
    assert [s.value for s in icclaw.TreatyStatus] == [
        "non-signatory",
        "signatory",
        "signature-withdrawn",
        "party-pending",
        "party",
        "withdrawal-pending",
        "withdrawn",
    ]


def test_errors_share_the_meaning_of_builtins() -> None:
    assert issubclass(icclaw.UnknownState, LookupError)
    assert issubclass(icclaw.UnknownTreaty, LookupError)
    assert issubclass(icclaw.DataError, ValueError)
    assert issubclass(icclaw.RecordError, ValueError)
    assert issubclass(icclaw.InvalidDate, ValueError)
    assert issubclass(icclaw.InvalidValue, ValueError)
    assert issubclass(icclaw.InvalidType, TypeError)
    assert issubclass(icclaw.AmbiguousState, icclaw.UnknownState)
    for name in (
        "UnknownState",
        "UnknownTreaty",
        "DataError",
        "RecordError",
        "Indeterminate",
        "InvalidDate",
        "InvalidType",
        "InvalidValue",
        "MissingDependency",
    ):
        assert issubclass(getattr(icclaw, name), icclaw.IcclawError)


def test_import_loads_no_data_no_cli_no_writer() -> None:
    code = (
        "import sys, icclaw; "
        "bad = [m for m in ('icclaw.data.loader', 'icclaw.cli', 'tomli_w', 'hypothesis', 'tomllib', "
        "'numpy', 'pandas', 'pyarrow', 'polars', 'matplotlib') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_loading_and_asking_imports_no_table_library() -> None:
    """numpy, pandas, pyarrow and polars are for tables (the `tables` extra), imported when used."""
    code = (
        "import sys, icclaw; rec = icclaw.load(); rec.status('RUS', 'rome-statute', '2016-12-01'); "
        "rec.parties('rome-statute', '2020-01-01'); "
        "print(','.join(m for m in ('numpy', 'pandas', 'pyarrow', 'polars', 'matplotlib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_version_is_the_installed_one() -> None:
    assert isinstance(icclaw.__version__, str)
    assert icclaw.__version__


def test_the_api_reference_documents_every_public_name() -> None:
    """docs/api.md names every public name of the package (issue 13)."""
    from pathlib import Path  # noqa: PLC0415

    page = (Path(__file__).resolve().parent.parent / "docs" / "api.md").read_text(encoding="utf-8")
    undocumented = [
        n for n in icclaw.__all__ if not n.startswith("_") and f"icclaw.{n}" not in page
    ]
    assert undocumented == []
