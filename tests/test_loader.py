"""The data files: load → dump → load is exact; bad files get one report naming every problem."""

from __future__ import annotations

import contextlib
import json
import tempfile
import textwrap
from pathlib import Path
from typing import Any

import attrs
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
    return seal(folder)


def seal(folder: Path) -> Path:
    """Seal a folder written by hand, as ``icclaw record seal`` does (where its files parse:
    otherwise load reports the parse error itself)."""
    with contextlib.suppress(icclaw.DataError):
        loader.seal_folder(folder)
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


def test_the_data_version_is_read_checked_and_carried_by_every_finding(
    rec: Record, tmp_path: Path
) -> None:
    """The record's data version (``YEAR.MONTH.SERIAL``) is part of its content: it is dumped,
    read back, counted in the digest, and carried by every Finding beside the digest."""
    assert rec.version is not None
    assert loader.DATA_VERSION.fullmatch(rec.version)
    finding = rec.explain_status("RUS", "rome-statute", "2016-12-01")
    assert finding.data_version == rec.version
    assert finding.to_dict()["data_version"] == rec.version
    assert f"(data {rec.version})" in finding.explain()
    bumped = attrs.evolve(rec, version="2099.1.0")
    assert bumped.digest != rec.digest
    folder = write_record(tmp_path / "r", "")
    meta = folder / "record.toml"
    for bad in ('"2025.13.0"', '"1.0"', "2025", '"2025.12.01"', '""'):
        meta.write_text(
            meta.read_text(encoding="utf-8").replace("as_of = ", f"version = {bad}\nas_of = ", 1),
            encoding="utf-8",
        )
        seal(folder)
        with pytest.raises(DataError, match="expected the data version"):
            icclaw.load(folder)
        meta.write_text(
            "\n".join(
                line
                for line in meta.read_text(encoding="utf-8").splitlines()
                if not line.startswith("version = ")
            )
            + "\n",
            encoding="utf-8",
        )


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


def _problems(folder: Path) -> str:
    """The report of loading ``folder``, re-sealed first: its files were edited by the test."""
    with pytest.raises(DataError) as caught:
        icclaw.load(seal(folder))
    return str(caught.value)


def test_a_list_of_acts_is_read_as_its_actions(tmp_path: Path) -> None:
    """A ``[[list]]`` is the same acts as ``[[action]]`` entries, one line a state."""
    folder = write_record(
        tmp_path / "r",
        """
        [[list]]
        kind = "accession"
        source = "page"

        [list.dates]
        FRA = 2002-03-01
        DEU = 2003-04-01
        """,
    )
    record = icclaw.load(folder)
    assert {(a.state, a.kind.value, str(a.date)) for a in record.actions} == {
        ("FRA", "accession", "2002-03-01"),
        ("DEU", "accession", "2003-04-01"),
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            '[[list]]\nkind = "accession"\nsource = "page"\n[list.dates]\nFRA = "2002-03-01"\n',
            "is a string",
        ),
        (
            '[[list]]\nkind = "acession"\nsource = "page"\n[list.dates]\nFRA = 2002-03-01\n',
            "is not one of",
        ),
        (
            '[[list]]\nkind = "accession"\nsource = "nowhere"\n[list.dates]\nFRA = 2002-03-01\n',
            "unknown source",
        ),
        ('[[list]]\nkind = "accession"\nsource = "page"\ndates = 3\n', "'dates' must be a table"),
        (
            '[[list]]\nkind = "accession"\nsource = "page"\n[list.dates]\nfr = 2002-03-01\n',
            "three capital letters",
        ),
        (
            '[[action]]\nstate = "FRA"\nkind = "accession"\ndate = 2002-03-01\nsource = "page"\n'
            'alternatives = [{ date = "2002-03-02", source = "page" }]\n',
            "is a string",
        ),
        (
            '[[action]]\nstate = "FRA"\nkind = "accession"\ndate = 2002-03-01\nsource = "page"\n'
            'alternatives = [{ source = "page" }]\n',
            "another 'date' or 'effective'",
        ),
        (
            '[[action]]\nstate = "FRA"\nkind = "accession"\ndate = 2002-03-01\nsource = "page"\n'
            'alternatives = [{ date = 2002-03-01, source = "page" }]\n',
            "gives the act's own date",
        ),
        (
            '[[action]]\nstate = "FRA"\nkind = "accession"\ndate = 2002-03-01\nsource = "page"\n'
            "alternatives = 3\n",
            "'alternatives' must be an array",
        ),
        (
            '[[action]]\nstate = "FRA"\nkind = "accession"\ndate = 2002-03-01\nsource = "page"\n'
            'effective_source = "page"\n',
            "'effective_source' given without 'effective'",
        ),
    ],
)
def test_bad_lists_and_alternatives_are_one_clear_problem_each(
    tmp_path: Path, body: str, expected: str
) -> None:
    folder = write_record(tmp_path / "r", body)
    message = _problems(folder)
    assert expected in message
    assert "test-treaty.toml" in message


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('partial = "false"', "'partial' must be true or false (a TOML boolean), not a string"),
        ("signatures_complete = 1", "'signatures_complete' must be true or false"),
        ('group = "arms"', "group 'arms' is not one of"),
        ('niac_scope = ""', "'niac_scope' must be a non-empty string"),
    ],
)
def test_treaty_fields_are_read_strictly(tmp_path: Path, line: str, expected: str) -> None:
    """A string is not a boolean: ``partial = "false"`` is refused, not read as true."""
    folder = write_record(tmp_path / "r", "")
    file = folder / "treaties" / "test-treaty.toml"
    file.write_text(
        file.read_text(encoding="utf-8").replace(
            'source = "page"\n', f'source = "page"\n{line}\n', 1
        ),
        encoding="utf-8",
    )
    assert expected in _problems(folder)


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            '[treaty.general_entry]\ncount = 0\nkind = "after-days"\ndays = 30\narticle = "a"\n',
            "'count' must be a whole number of 1 or more",
        ),
        (
            '[treaty.general_entry]\ncount = true\nkind = "after-days"\ndays = 30\narticle = "a"\n',
            "'count' must be a whole number",
        ),
        ('[treaty.general_entry]\ncount = 5\nkind = "later"\narticle = "a"\n', "is not one of"),
        (
            '[treaty.requires]\ntreaty = "other-treaty"\narticle = "a"\n',
            "requires 'other-treaty', which the record does not hold",
        ),
        (
            '[treaty.published]\ntotal = -1\non = 2001-01-01\nsource = "page"\n',
            "'total' must be a whole number of 0 or more",
        ),
        ('[treaty.published]\ntotal = 3\non = "2001-01-01"\nsource = "page"\n', "is a string"),
    ],
)
def test_treaty_tables_are_read_strictly(tmp_path: Path, table: str, expected: str) -> None:
    folder = write_record(tmp_path / "r", "")
    file = folder / "treaties" / "test-treaty.toml"
    file.write_text(file.read_text(encoding="utf-8") + "\n" + table, encoding="utf-8")
    assert expected in _problems(folder)


def test_an_alternative_dating_that_breaks_the_law_is_refused(tmp_path: Path) -> None:
    """Each source's dating must be a lawful history: a ratification dated by another source
    before the state's signature is refused, naming the act."""
    folder = write_record(
        tmp_path / "r",
        """
        [[action]]
        state = "FRA"
        kind = "signature"
        date = 2000-05-01
        source = "page"

        [[action]]
        state = "FRA"
        kind = "ratification"
        date = 2000-06-01
        source = "page"
        alternatives = [{ date = 2000-04-01, source = "page" }]
        """,
    )
    assert "ratification needs a standing signature" in _problems(folder)


def test_every_key_the_loader_reads_is_documented_with_its_type(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The data-format page documents the schema strictly (issue 10): every key any table of
    the embedded record may hold is named there, and every key has one type in the reader."""
    from icclaw.data.serial import RECORD_TYPES, Reader  # noqa: PLC0415

    allowed: set[str] = set()
    real = Reader.fields

    def recording(self: Reader, raw: Any, entry: str, required: Any, optional: Any) -> bool:
        allowed.update(required)
        allowed.update(optional)
        return real(self, raw, entry, required, optional)

    monkeypatch.setattr(Reader, "fields", recording)
    loader._load_folder(loader.EMBEDDED, loader.read_toml)  # every reader, on every file
    page = (Path(__file__).parent.parent / "docs" / "data-format.md").read_text(encoding="utf-8")
    undocumented = sorted(k for k in allowed if f"`{k}`" not in page and f".{k}]" not in page)
    assert not undocumented
    dates = {k for k in allowed if k in _DATE_KEYS}
    untyped = sorted(allowed - set(RECORD_TYPES) - dates)
    assert not untyped


_DATE_KEYS = frozenset(
    [
        "adopted",
        "entry_into_force",
        "signature_closed",
        "complete_until",
        "date",
        "effective",
        "announced",
        "ended",
        "on",
        "not_before",
        "lodged",
        "dated",
        "start",
        "end",
        "withdrawn",
        "withdrawn_effective",
        "deferral_from",
        "preliminary_examination",
        "referred_on",
        "authorisation_requested",
        "authorised",
        "investigation_opened",
        "period_start",
        "period_end",
    ]
)
