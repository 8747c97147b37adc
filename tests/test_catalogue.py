"""The catalogue of real situations: sourced files, loadable by name, each tested.

Each file of ``examples/situations/`` is a situation written as an authority found the facts,
and each has a test (here or in ``test_catalogue_*.py``) that checks the engine's
classification against that authority's, citing its paragraphs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import icclaw
from icclaw import catalogue
from icclaw.cli import main

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "examples" / "situations").glob("*.toml"))


def test_every_file_is_in_the_catalogue_by_its_name() -> None:
    assert catalogue.names() == tuple(sorted(f.stem.replace("_", "-") for f in FILES))
    assert len(FILES) >= 4


@pytest.mark.parametrize("file", FILES, ids=[f.stem for f in FILES])
def test_a_name_loads_the_file_it_names(file: Path) -> None:
    name = file.stem.replace("_", "-")
    assert icclaw.load_situation(name) == icclaw.load_situation(file)
    assert icclaw.load_situation(file.stem) == icclaw.load_situation(file)  # underscores too


@pytest.mark.parametrize("file", FILES, ids=[f.stem for f in FILES])
def test_every_situation_of_the_catalogue_has_a_test(file: Path) -> None:
    """A file without a test checking it against its authority is not in the catalogue."""
    tests = [
        p.read_text(encoding="utf-8")
        for p in (ROOT / "tests").glob("test_*.py")
        if p.name != "test_catalogue.py"
    ]
    own = (ROOT / "tests" / "test_catalogue.py").read_text(encoding="utf-8")
    assert f"def test_{file.stem}_" in own or any(
        file.name in text or file.stem.replace("_", "-") in text for text in tests
    )


def test_an_unknown_name_is_one_clear_error_with_the_closest() -> None:
    with pytest.raises(icclaw.UnknownSituation, match="did you mean ukraine-2014"):
        icclaw.load_situation("ukrane-2014")
    with pytest.raises(icclaw.UnknownSituation, match="the catalogue holds"):
        icclaw.load_situation("atlantis")
    with pytest.raises(FileNotFoundError):
        icclaw.load_situation("atlantis.toml")  # a file name, not a catalogue name


def test_the_command_line_lists_and_classifies_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["situations"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listed] == list(catalogue.names())
    assert main(["classify", "ukraine-2014", "--on", "2016-11-14"]) == 0
    assert "Ukraine, 2014" in capsys.readouterr().out
    assert main(["classify", "ukrane-2014"]) == 2
    assert "did you mean ukraine-2014?" in capsys.readouterr().err


def test_the_wheel_ships_the_catalogue() -> None:
    """pyproject maps examples/situations into the package, where catalogue.folder() looks."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"examples/situations" = "icclaw/situations"' in text
    assert sorted(p.name for p in catalogue.folder().glob("*.toml")) == [f.name for f in FILES]


def test_ituri_2002_is_the_non_international_conflict_lubanga_found(rec: icclaw.Record) -> None:
    """ICC Trial Chamber I, Lubanga (14 March 2012), as the ICRC Casebook summarises it: the
    UPC/FPLC, an organised armed group, fought the APC and other Lendu militias including the
    FRPI in a non-international armed conflict between September 2002 and 13 August 2003
    (``ituri_2002.toml`` cites it). After that day the file leaves open whether it goes on."""
    situation = icclaw.load_situation("ituri-2002")
    during = rec.classify(situation, "2003-01-15")
    assert {c.parties: c.kind for c in during} == {
        ("APC", "UPC/FPLC"): icclaw.ConflictKind.NON_INTERNATIONAL,
        ("FRPI", "UPC/FPLC"): icclaw.ConflictKind.NON_INTERNATIONAL,
    }
    after = rec.classify(situation, "2003-09-15")
    assert {c.kind for c in after} == {None}
    assert all(c.finding.missing == ("hostilities.concluded",) for c in after)


def test_iraq_2003_occupation_ends_with_the_transfer_of_authority(rec: icclaw.Record) -> None:
    """Security Council resolution 1483 (22 May 2003), as ASIL Insights reports it, refers to the
    United States and the United Kingdom as occupying powers; the US Department of Defense
    ('Occupation Ends', 28 June 2004): the occupation ends when the Coalition Provisional
    Authority ceases to exist on 28 June 2004 and authority passes to the Iraqi interim
    government. Each occupation's dated end is that transfer of authority."""
    situation = icclaw.load_situation("iraq-2003")
    during = rec.classify(situation, "2004-06-27")
    assert {(c.parties, c.kind) for c in during} == {
        (("GBR", "IRQ"), icclaw.ConflictKind.OCCUPATION),
        (("IRQ", "USA"), icclaw.ConflictKind.OCCUPATION),
    }
    assert all(
        any("ends on 2004-06-28 with a transfer of authority" in q for q in c.finding.qualifiers)
        for c in during
    )
    assert rec.classify(situation, "2004-06-28") == ()
    assert rec.occupied(situation, "IRQ", "2004-01-01").value == ("GBR", "USA")
    assert rec.occupied(situation, "IRQ", "2004-06-28").holds is False
    assert rec.classify(situation, "2003-05-21") == ()
