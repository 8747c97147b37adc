"""The data files: load → dump → load is exact; bad files get one report naming every problem."""

from __future__ import annotations

import json
import tempfile
import textwrap
from pathlib import Path

import pytest
from hypothesis import given

import icclaw
from icclaw import DataError, Record
from icclaw import strategies as ist
from icclaw.data import loader

TREATY_HEAD = """\
schema = 1

[sources.page]
kind = "official-page"
title = "A status page"
url = "https://example.org/status"

[treaty]
slug = "test-treaty"
title = "A Test Treaty"
short_title = "Test Treaty"
adopted = 2000-01-01
entry_into_force = 2001-01-01
depositary = "A depositary"
signature_closed = 2000-12-31
source = "page"

[treaty.consent_rule]
kind = "after-months"
months = 6
article = "art. 20"

[treaty.withdrawal_rule]
kind = "after-notice"
years = 1
article = "art. 21"
"""


def write_record(folder: Path, actions: str, *, as_of: str = "2020-01-01") -> Path:
    (folder / "treaties").mkdir(parents=True)
    (folder / "record.toml").write_text(f"schema = 1\nas_of = {as_of}\n", encoding="utf-8")
    (folder / "treaties" / "test-treaty.toml").write_text(
        TREATY_HEAD + textwrap.dedent(actions), encoding="utf-8"
    )
    return folder


def test_the_embedded_record_round_trips_exactly(rec: Record, tmp_path: Path) -> None:
    rec.dump(tmp_path / "a")
    again = icclaw.load(tmp_path / "a")
    assert again == rec
    assert again.digest == rec.digest
    again.dump(tmp_path / "b")
    for file in (tmp_path / "a").rglob("*.toml"):
        assert file.read_bytes() == (tmp_path / "b" / file.relative_to(tmp_path / "a")).read_bytes()


@given(ist.records())
def test_generated_records_round_trip_exactly(record: Record) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        record.dump(Path(tmp) / "r")
        again = icclaw.load(Path(tmp) / "r")
    assert again == record
    assert again.digest == record.digest


def test_a_users_folder_without_states_uses_the_embedded_table(tmp_path: Path) -> None:
    folder = write_record(
        tmp_path / "r",
        """
        [[action]]
        state = "FRA"
        kind = "signature"
        date = 2000-02-01
        source = "page"

        [[action]]
        state = "FRA"
        kind = "ratification"
        date = 2000-06-01
        source = "page"
        """,
    )
    record = icclaw.load(folder)
    assert record.status("France", "test-treaty", "2000-12-31") is icclaw.TreatyStatus.PARTY_PENDING
    assert record.entry_into_force("FRA", "test-treaty") == icclaw.Date(2001, 1, 1)
    assert [s.code for s in record.parties("test-treaty", "2001-01-01")] == ["FRA"]


def test_every_problem_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    folder = write_record(
        tmp_path / "r",
        """
        [[action]]
        state = "XXX"
        kind = "signature"
        date = 2000-02-01
        source = "page"

        [[action]]
        state = "DEU"
        kind = "withdrawal"
        date = 2005-02-01
        source = "page"

        [[action]]
        state = "ITA"
        kind = "signature"
        date = 1999-02-01
        source = "page"

        [[action]]
        state = "ESP"
        kind = "signature"
        date = 2000-03-01

        [[action]]
        state = "PRT"
        kind = "signature"
        date = 2000-03-01
        source = "page"

        [[action]]
        state = "PRT"
        kind = "signature"
        date = 2000-03-01
        source = "page"

        [[action]]
        state = "NLD"
        kind = "signature"
        date = "2000-03-01"
        source = "page"

        [[action]]
        state = "BEL"
        kind = "signature"
        dat = 2000-03-01
        source = "page"

        [[action]]
        state = "AUT"
        kind = "ratification"
        date = 2003-03-01
        source = "page"

        [[action]]
        state = "POL"
        kind = "signature"
        date = 2000-03-01
        source = "pgae"
        """,
    )
    with pytest.raises(DataError) as info:
        icclaw.load(folder)
    text = str(info.value)
    problems = info.value.problems
    expected = [
        ("ESP signature", "missing field 'source'"),
        ("NLD signature", "is a string; write the date bare"),
        ("BEL signature", "missing field 'date'"),
        ("BEL signature", "unknown field 'dat'; did you mean 'date'?"),
        ("POL signature", "unknown source 'pgae'; did you mean 'page'?"),
    ]
    for entry, message in expected:
        assert any(entry in p.entry and message in p.message for p in problems), (
            entry,
            message,
            text,
        )
    assert all(p.file.endswith("test-treaty.toml") for p in problems)
    assert len(problems) == 5  # the file-level problems stop the load before the history checks


def test_history_problems_are_collected_with_file_and_entry(tmp_path: Path) -> None:
    folder = write_record(
        tmp_path / "r",
        """
        [[action]]
        state = "XXX"
        kind = "signature"
        date = 2000-02-01
        source = "page"

        [[action]]
        state = "DEU"
        kind = "withdrawal"
        date = 2005-02-01
        source = "page"

        [[action]]
        state = "ITA"
        kind = "signature"
        date = 1999-02-01
        source = "page"

        [[action]]
        state = "PRT"
        kind = "signature"
        date = 2000-03-01
        source = "page"

        [[action]]
        state = "PRT"
        kind = "signature"
        date = 2000-03-01
        source = "page"

        [[action]]
        state = "AUT"
        kind = "ratification"
        date = 2003-03-01
        source = "page"

        [[action]]
        state = "GRC"
        kind = "signature"
        date = 2001-03-01
        source = "page"

        [[action]]
        state = "IRL"
        kind = "accession"
        date = 2021-03-01
        source = "page"
        """,
    )
    with pytest.raises(DataError) as info:
        icclaw.load(folder)
    messages = [(p.entry, p.message) for p in info.value.problems]
    expected = [
        ("XXX signature", "unknown state code 'XXX'"),
        ("DEU withdrawal", "withdrawal by a state that is not a party"),
        ("ITA signature", "dated before the treaty was adopted"),
        ("PRT signature", "duplicate entry"),
        ("AUT ratification", "ratification needs a standing signature"),
        ("GRC signature", "signature closed on 2000-12-31"),
        ("IRL accession", "dated after the record's as_of"),
    ]
    for entry, message in expected:
        assert any(entry in e and message in m for e, m in messages), (entry, message, messages)
    assert all(str(tmp_path) in p.file for p in info.value.problems)


def test_malformed_toml_and_wrong_schema_are_reported(tmp_path: Path) -> None:
    folder = write_record(tmp_path / "r", "")
    (folder / "record.toml").write_text("schema = 2\nas_of = 2020-01-01\n", encoding="utf-8")
    (folder / "treaties" / "broken.toml").write_text("schema = 1\n[treaty\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        icclaw.load(folder)
    text = str(info.value)
    assert "schema = 2; this icclaw reads schema = 1" in text
    assert "broken.toml" in text
    assert "not valid TOML" in text


def test_a_folder_without_record_toml_is_not_a_record(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"no record\.toml"):
        icclaw.load(tmp_path)


def test_dump_refuses_a_folder_that_is_not_empty(rec: Record, tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("keep me")
    with pytest.raises(FileExistsError):
        rec.dump(tmp_path)
    assert (tmp_path / "x.txt").read_text() == "keep me"


def test_an_in_force_fact_binds_from_its_day_and_leaves_earlier_days_open(tmp_path: Path) -> None:
    """``kind = "in-force"``: a source shows the treaty in force for the state on a day, by an
    instrument the record does not hold. Bound from that day; before it, undetermined."""
    folder = write_record(
        tmp_path / "r",
        """
        [[action]]
        state = "FRA"
        kind = "in-force"
        date = 2005-03-01
        source = "page"
        """,
    )
    record = icclaw.load(folder)
    assert record.is_bound("FRA", "test-treaty", "2005-03-01").holds is True
    assert record.entry_into_force("FRA", "test-treaty") == icclaw.Date(2005, 3, 1)
    before = record.is_bound("FRA", "test-treaty", "2005-02-28")
    assert before.holds is None
    assert before.missing == ("record: the instrument by which FRA became bound by test-treaty",)


def test_an_in_force_fact_must_agree_with_the_acts_recorded(tmp_path: Path) -> None:
    """An in-force fact before the treaty's own entry into force, beside a recorded consent,
    or carrying an 'effective' date, is refused with the entry named."""
    folder = write_record(
        tmp_path / "r",
        """
        [[action]]
        state = "FRA"
        kind = "in-force"
        date = 2000-06-01
        source = "page"

        [[action]]
        state = "DEU"
        kind = "accession"
        date = 2002-01-01
        source = "page"

        [[action]]
        state = "DEU"
        kind = "in-force"
        date = 2003-01-01
        source = "page"

        """,
    )
    with pytest.raises(DataError) as info:
        icclaw.load(folder)
    messages = [(p.entry, p.message) for p in info.value.problems]
    assert any(
        "FRA in-force" in e and "entered into force only on 2001-01-01" in m for e, m in messages
    ), messages
    assert any("DEU in-force" in e and "duplicate consent" in m for e, m in messages), messages
    dated = write_record(
        tmp_path / "s",
        """
        [[action]]
        state = "ITA"
        kind = "in-force"
        date = 2003-01-01
        effective = 2003-02-01
        source = "page"
        """,
    )
    with pytest.raises(DataError, match="not recorded for an in-force fact"):
        icclaw.load(dated)


def test_the_compiled_embedded_record_is_fresh() -> None:
    """The compiled form of the embedded record matches its TOML files: after editing them,
    run ``python -m icclaw.data.compile`` (until then loading reads the TOML, only slower)."""
    compiled = json.loads(loader.COMPILED.read_text(encoding="utf-8"))
    assert compiled["digest"] == loader.sources_digest(loader.EMBEDDED)


def test_the_compiled_form_gives_the_record_the_files_give(tmp_path: Path) -> None:
    """Read from the compiled form or from the TOML files, the record is the same; a compiled
    form that does not match the files is not used."""
    from_files = loader._load_folder(loader.EMBEDDED)
    reader = loader._compiled_reader(loader.EMBEDDED, loader.COMPILED)
    assert reader is not None
    assert loader._load_folder(loader.EMBEDDED, reader).digest == from_files.digest
    stale = tmp_path / "compiled.json"
    data = json.loads(loader.COMPILED.read_text(encoding="utf-8"))
    data["digest"] = "0" * 64
    stale.write_text(json.dumps(data), encoding="utf-8")
    assert loader._compiled_reader(loader.EMBEDDED, stale) is None
    stale.write_text("not json", encoding="utf-8")
    assert loader._compiled_reader(loader.EMBEDDED, stale) is None
