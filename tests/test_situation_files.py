"""Situation files: TOML and JSON read the same; every problem is reported at once."""

from __future__ import annotations

import datetime as dt
import json
import os
import textwrap
import time
import tomllib
from pathlib import Path

import pytest

import icclaw
from icclaw import ConflictKind, DataError
from icclaw.data.files import MAX_BYTES

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "situations"


def test_toml_and_json_give_the_same_situation(tmp_path: Path) -> None:
    toml_file = EXAMPLES / "georgia_2008.toml"
    raw = tomllib.loads(toml_file.read_text(encoding="utf-8"))
    json_file = tmp_path / "georgia.json"
    json_file.write_text(json.dumps(raw, default=str), encoding="utf-8")
    assert icclaw.load_situation(json_file) == icclaw.load_situation(toml_file)


def test_every_problem_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        textwrap.dedent(
            """
            schema = 1
            name = "bad"
            [[state]]
            code = "UKR"
            [[group]]
            name = "G"
            [group.organisation]
            asserted = "yes"
            [[hostilities]]
            a = "UKR"
            b = "G"
            start = "2014-01-01"
            territory = "UKR"
            [[occupation]]
            occupant = "RUS"
            territory = "UKR"
            strat = 2014-03-18
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        icclaw.load_situation(bad)
    text = str(info.value)
    assert "group 1 (G) organisation: 'asserted' = 'yes' (a string); expected true or false" in text
    assert "'start' = '2014-01-01' (a string); expected a date written bare" in text
    assert "occupation 1 (RUS in UKR): missing field 'start'; expected" in text
    assert "unknown field 'strat'; did you mean 'start'?" in text


def test_a_situation_names_actors_once_and_refers_only_to_them() -> None:
    with pytest.raises(ValueError, match="named twice"):
        icclaw.Situation("s", [icclaw.StateActor("UKR"), icclaw.StateActor("UKR")])
    with pytest.raises(ValueError, match="unknown group"):
        icclaw.Situation(
            "s",
            [icclaw.StateActor("UKR")],
            controls=[icclaw.Control("RUS", "G", "overall", ("2014-01-01", None))],
        )


def test_the_ukraine_example_on_14_november_2016() -> None:
    """The Prosecutor's 2016 report: an international armed conflict between Russia and Ukraine,
    the occupation of Crimea, and a non-international conflict in the east."""
    rec = icclaw.load()
    conflicts = rec.classify(icclaw.load_situation(EXAMPLES / "ukraine_2014.toml"), "2016-11-14")
    assert {(c.parties, c.kind) for c in conflicts} == {
        (("RUS", "UKR"), ConflictKind.INTERNATIONAL),
        (("RUS", "UKR"), ConflictKind.OCCUPATION),
        (("DNR/LNR armed groups", "UKR"), ConflictKind.NON_INTERNATIONAL),
    }
    for c in conflicts:
        assert c.finding.citations
        assert c.finding.sources


def test_a_json_file_must_hold_an_object(tmp_path: Path) -> None:
    bad = tmp_path / "list.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(DataError, match="top level must be a table"):
        icclaw.load_situation(bad)


def test_bad_values_in_groups_and_hostilities_are_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        textwrap.dedent(
            """
            schema = 1
            name = "bad"
            [sources.otp]
            kind = "secondary"
            title = "a report"
            [[state]]
            code = "UKR"
            [[group]]
            name = "G"
            liberation_movement = "yes"
            [[hostilities]]
            a = "UKR"
            b = "G"
            start = 2014-01-01
            territory = "UKR"
            concluded = 1
            [[hostilities]]
            a = "UKR"
            b = "G"
            start = 2014-01-01
            territory = "UKR"
            [hostilities.intensity]
            sources = "otp"
            [[hostilities]]
            a = "UKR"
            b = "G"
            start = 2014-01-01
            territory = "UKR"
            [hostilities.intensity.sources]
            clashs = "otp"
            [[hostilities]]
            a = "UKR"
            b = "G"
            start = 2014-01-01
            territory = "UKR"
            area = 42
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        icclaw.load_situation(bad)
    text = str(info.value)
    assert "group 1 (G): 'liberation_movement' = 'yes' (a string); expected true or false" in text
    assert "hostilities 1 (UKR – G): 'concluded' = 1 (an integer); expected true or false" in text
    assert (
        "hostilities 2 (UKR – G) intensity: 'sources' = 'otp' (a string); expected a table" in text
    )
    assert "intensity sources: unknown field 'clashs'; did you mean 'clashes'?" in text
    assert "hostilities 4 (UKR – G): 'area' = 42 (an integer); expected a name" in text


def test_concluded_hostilities_end_the_conflict(tmp_path: Path) -> None:
    """C6: after the fighting's end, no conflict with ``concluded = true``; the conflict goes on
    with ``concluded = false``; undetermined, naming it, without the field."""
    text = textwrap.dedent(
        """
        schema = 1
        name = "lull"
        [[state]]
        code = "GEO"
        [[state]]
        code = "RUS"
        [[hostilities]]
        a = "GEO"
        b = "RUS"
        start = 2008-08-08
        end = 2008-08-12
        territory = "GEO"
        """
    )
    files = {}
    for name, extra in (
        ("unknown", ""),
        ("lull", "concluded = false\n"),
        ("ended", "concluded = true\n"),
    ):
        files[name] = tmp_path / f"{name}.toml"
        files[name].write_text(text + extra, encoding="utf-8")
    rec = icclaw.load()
    (unknown,) = rec.classify(icclaw.load_situation(files["unknown"]), "2009-01-01")
    assert unknown.kind is None
    assert unknown.finding.missing == ("hostilities.concluded",)
    (going_on,) = rec.classify(icclaw.load_situation(files["lull"]), "2009-01-01")
    assert going_on.kind is ConflictKind.INTERNATIONAL
    assert rec.classify(icclaw.load_situation(files["ended"]), "2009-01-01") == ()


_PEACE = """
schema = 1
name = "a war, its ceasefire and its peace"
[sources.peace]
kind = "secondary"
title = "the peace agreement, as an authority dates it"
[[state]]
code = "ERI"
[[state]]
code = "ETH"
[[hostilities]]
a = "ERI"
b = "ETH"
start = 1998-05-12
end = 2000-06-18
territory = "ETH"
"""


def test_a_dated_conclusion_is_read_and_ends_the_conflict_on_its_day(tmp_path: Path) -> None:
    """Tadić 1995, para. 70: after the fighting, the conflict goes on until the conclusion."""
    file = tmp_path / "peace.toml"
    file.write_text(
        _PEACE + '[hostilities.conclusion]\non = 2000-12-12\nkind = "peace"\nsource = "peace"\n',
        encoding="utf-8",
    )
    situation = icclaw.load_situation(file)
    (h,) = situation.hostilities
    assert h.conclusion is not None
    assert (h.conclusion.on.isoformat(), h.conclusion.kind.value) == ("2000-12-12", "peace")
    assert h.conclusion.source is not None
    rec = icclaw.load()
    (going_on,) = rec.classify(situation, "2000-09-01")
    assert going_on.kind is ConflictKind.INTERNATIONAL
    assert any(
        "ends on 2000-12-12 with a general conclusion of peace" in q
        for q in going_on.finding.qualifiers
    )
    assert rec.classify(situation, "2000-12-12") == ()


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (
            '[hostilities.conclusion]\non = 2000-01-01\nkind = "peace"\nsource = "peace"\n',
            "on or after the fighting's last day (2000-06-18)",
        ),
        (
            'concluded = true\n[hostilities.conclusion]\non = 2000-12-12\nkind = "peace"\nsource = "peace"\n',
            "not both",
        ),
        (
            '[hostilities.conclusion]\non = 2000-12-12\nkind = "ceasefire"\nsource = "peace"\n',
            "expected one of 'peace', 'settlement'",
        ),
        (
            '[hostilities.conclusion]\non = 2000-12-12\nkind = "withdrawal"\nsource = "peace"\n',
            "ends an occupation, not a conflict",
        ),
        ('[hostilities.conclusion]\non = 2000-12-12\nkind = "peace"\n', "source"),
        (
            '[hostilities.conclusion]\non = "2000-12-12"\nkind = "peace"\nsource = "peace"\n',
            "a date written bare",
        ),
        (
            '[hostilities.conclusion]\nday = 2000-12-12\nkind = "peace"\nsource = "peace"\n',
            "unknown field 'day'",
        ),
        (
            'conclusion = "2000-12-12"\n[sources.other]\nkind = "secondary"\ntitle = "x"\n',
            "a table: on, kind and source",
        ),
    ],
)
def test_a_conclusion_that_does_not_fit_is_refused(tmp_path: Path, extra: str, words: str) -> None:
    file = tmp_path / "peace.toml"
    file.write_text(_PEACE + extra, encoding="utf-8")
    with pytest.raises(DataError) as info:
        icclaw.load_situation(file)
    assert words in str(info.value)


# --- files that cannot be read ------------------------------------------------------------------

GEORGIA = (EXAMPLES / "georgia_2008.toml").read_text(encoding="utf-8")


def _refused(file: Path) -> DataError:
    with pytest.raises(DataError) as info:
        icclaw.load_situation(file)
    assert len(info.value.problems) == 1, info.value.problems
    assert str(file)[:150] in str(info.value)
    return info.value


def test_a_missing_file_is_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such situation file"):
        icclaw.load_situation(tmp_path / "absent.toml")


def test_a_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder.toml").mkdir()
    assert "is a directory" in str(_refused(tmp_path / "folder.toml"))


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.toml")
    assert "not a regular file" in str(_refused(tmp_path / "pipe.toml"))


def test_a_symlink_loop_and_a_dangling_link_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.toml").symlink_to(tmp_path / "b.toml")
    (tmp_path / "b.toml").symlink_to(tmp_path / "a.toml")
    (tmp_path / "dangling.toml").symlink_to(tmp_path / "nowhere.toml")
    assert "cannot be read" in str(_refused(tmp_path / "a.toml"))
    assert "no such file" in str(_refused(tmp_path / "dangling.toml"))


def test_a_path_too_long_is_refused(tmp_path: Path) -> None:
    assert "cannot be read" in str(_refused(tmp_path / ("a" * 300 + ".toml")))


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_a_file_not_in_utf8_is_refused(tmp_path: Path, suffix: str) -> None:
    file = tmp_path / f"latin1{suffix}"
    text = 'schema = 1\nname = "Géorgie"\n'
    if suffix == ".json":
        text = json.dumps(tomllib.loads(text), ensure_ascii=False)
    file.write_bytes(text.encode("latin-1"))
    assert "not UTF-8" in str(_refused(file))


@pytest.mark.parametrize(
    ("suffix", "deep"),
    [
        (".toml", "a = " + "[" * 1000 + "]" * 1000),
        (".toml", "a = " + "{a = " * 1000 + "1" + "}" * 1000),
        (".toml", "[" + ".".join(["a"] * 1000) + "]"),
        (".json", '{"a": ' * 1000 + "1" + "}" * 1000),
        (".json", "[" * 100_000 + "]" * 100_000),
    ],
)
def test_a_file_nested_1000_deep_is_refused(tmp_path: Path, suffix: str, deep: str) -> None:
    file = tmp_path / f"deep{suffix}"
    file.write_text(deep, encoding="utf-8")
    assert "nested deeper" in str(_refused(file))


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    file = tmp_path / "huge.toml"
    with file.open("wb") as handle:  # sparse: no disk used, nothing read
        handle.truncate(MAX_BYTES + 1)
    assert "limited to" in str(_refused(file))


# --- one rule each: the defects the attack tests found --------------------------------------------


def _situation(tmp_path: Path, text: str, suffix: str = ".toml") -> Path:
    file = tmp_path / f"situation{suffix}"
    file.write_text(textwrap.dedent(text), encoding="utf-8")
    return file


def _problems(file: Path) -> str:
    with pytest.raises(DataError) as info:
        icclaw.load_situation(file)
    return str(info.value)


def _as_json(doc: dict[str, object]) -> str:
    return json.dumps(doc, default=lambda d: d.isoformat())


def test_schema_is_the_integer_1(tmp_path: Path) -> None:
    for schema in ("1.0", "true", '"1"'):
        file = _situation(tmp_path, GEORGIA.replace("schema = 1", f"schema = {schema}"))
        assert "'schema' = " in _problems(file)


def test_the_situation_source_is_read_or_refused(tmp_path: Path) -> None:
    header = 'schema = 1\nname = "s"\n'
    for source in ("42", '"nowhere"', '{ kind = "secondary" }'):
        file = _situation(tmp_path, f"{header}source = {source}\n")
        assert "file" in _problems(file)
    file = _situation(tmp_path, f'{header}source = {{ kind = "assumption", title = "what if" }}\n')
    source = icclaw.load_situation(file).source
    assert source is not None
    assert source.title == "what if"


def test_a_state_code_is_three_capital_letters_as_written(tmp_path: Path) -> None:
    lower = GEORGIA.replace('code = "GEO"', 'code = "geo"')
    assert "state 1 (geo): 'code' = 'geo' (a string); expected a state code" in _problems(
        _situation(tmp_path, lower)
    )
    spaced = GEORGIA.replace('territory = "GEO"', 'territory = "GEO "', 1)
    assert "'territory' = 'GEO ' (a string)" in _problems(_situation(tmp_path, spaced))


def test_a_control_names_a_declared_state(tmp_path: Path) -> None:
    text = GEORGIA.replace('state = "RUS"', 'state = "USA"')
    assert "control 1 (USA over South Ossetian forces): 'state' = 'USA'" in _problems(
        _situation(tmp_path, text)
    )


@pytest.mark.parametrize("table", ["hostilities", "occupation", "consent"])
def test_the_same_fact_twice_is_refused(tmp_path: Path, table: str) -> None:
    doc = tomllib.loads(GEORGIA)
    doc["consent"] = [{"territorial_state": "GEO", "foreign_state": "RUS", "start": "2008-01-01"}]
    twice = dict(doc[table][0])
    twice.pop("source", None)  # another source changes nothing: the same fact
    doc[table].append(twice)
    file = _situation(tmp_path, _as_json(doc), ".json")
    assert f"{table} {len(doc[table])} (" in _problems(file)
    assert f"the same {table} as {table} 1" in _problems(file)


def test_a_json_date_is_written_yyyy_mm_dd(tmp_path: Path) -> None:
    doc = tomllib.loads(GEORGIA)
    for day in ("20080808", "2008-W32-5", "2008-08-08T00:00", "2008-02-30"):
        doc["hostilities"][0]["start"] = day
        assert "'start' = " in _problems(_situation(tmp_path, _as_json(doc), ".json"))


def test_a_json_source_date_is_read(tmp_path: Path) -> None:
    doc = tomllib.loads(GEORGIA)
    doc["sources"]["echr-2021"]["date"] = "2021-01-21"
    situation = icclaw.load_situation(_situation(tmp_path, _as_json(doc), ".json"))
    assert situation.hostilities[0].source is not None
    assert str(situation.hostilities[0].source.date) == "2021-01-21"


def test_json_null_is_refused(tmp_path: Path) -> None:
    doc = tomllib.loads(GEORGIA)
    doc["hostilities"][0]["area"] = None
    doc["group"][0]["organisation"] = None
    text = _problems(_situation(tmp_path, _as_json(doc), ".json"))
    assert "hostilities 1 (GEO – RUS): 'area' = null" in text
    assert "group 1 (South Ossetian forces): 'organisation' = null" in text


def test_a_json_key_given_twice_is_refused(tmp_path: Path) -> None:
    text = _as_json(tomllib.loads(GEORGIA)).replace('"schema": 1', '"schema": 1, "name": "x"')
    assert "the key 'name' appears twice" in _problems(_situation(tmp_path, text, ".json"))


def test_a_named_source_no_fact_cites_is_refused(tmp_path: Path) -> None:
    text = GEORGIA + '\n[sources.spare]\nkind = "secondary"\ntitle = "never cited"\n'
    assert "source 'spare': declared but cited by no fact" in _problems(_situation(tmp_path, text))


def test_a_name_is_text_on_one_line(tmp_path: Path) -> None:
    text = GEORGIA.replace('name = "South Ossetian forces"', 'name = "South\\nOssetian forces"')
    with pytest.raises(DataError) as info:
        icclaw.load_situation(_situation(tmp_path, text))
    report = str(info.value)
    assert "group 1 ('South\\nOssetian forces'): 'name' = 'South\\nOssetian forces'" in report
    assert len(report.splitlines()) == 1 + len(info.value.problems)


def test_an_unknown_key_is_quoted_on_one_line(tmp_path: Path) -> None:
    text = GEORGIA.replace("[group.organisation]", '"bad\\nkey" = 1\n[group.organisation]')
    report = _problems(_situation(tmp_path, text))
    assert "unknown field 'bad\\nkey'" in report
    assert len(report.splitlines()) == 2


def test_every_problem_of_an_entry_is_reported(tmp_path: Path) -> None:
    text = GEORGIA.replace('level = "overall"', 'level = "Overall"\nlevle = "overall"')
    report = _problems(_situation(tmp_path, text))
    assert "unknown field 'levle'; did you mean 'level'?" in report
    assert "'level' = 'Overall' (a string); expected one of 'none'" in report


def test_a_period_ends_on_or_after_its_start(tmp_path: Path) -> None:
    text = GEORGIA.replace(
        'end = 2008-10-10\nsource = "otp-control"', 'end = 2008-08-01\nsource = "otp-control"'
    )
    assert (
        "control 1 (RUS over South Ossetian forces): 'end' = 2008-08-01 is before 'start' = 2008-08-08"
        in _problems(_situation(tmp_path, text))
    )


def test_many_actors_and_controls_are_read_without_comparing_every_pair(tmp_path: Path) -> None:
    lines = ["schema = 1", 'name = "many"', "[[state]]", 'code = "RUS"', "[[group]]", 'name = "G"']
    for i in range(20_000):
        lines += ["[[group]]", f'name = "G{i}"']
    start = dt.date(1000, 1, 1)
    for i in range(10_000):
        day = start + dt.timedelta(days=2 * i)
        lines += ["[[control]]", 'state = "RUS"', 'group = "G"', 'level = "overall"']
        lines += [f"start = {day}", f"end = {day}"]
    file = _situation(tmp_path, "\n".join(lines))
    began = time.perf_counter()
    assert len(icclaw.load_situation(file).controls) == 10_000
    assert time.perf_counter() - began < 10  # every pair compared: minutes


def _page_tables() -> dict[str, set[str]]:
    """The keys the situation-format page lists, by the heading of their table."""
    page = (Path(__file__).parent.parent / "docs" / "situation-format.md").read_text("utf-8")
    tables: dict[str, set[str]] = {}
    heading = ""
    for line in page.splitlines():
        if line.startswith("#"):
            heading = line.strip("# ").split(":")[0].strip("`")
        elif line.startswith("| `"):
            tables.setdefault(heading, set()).add(line.split("`")[1])
    return tables


def test_the_format_page_lists_every_key_of_every_table_the_reader_takes() -> None:
    """The situation-format reference (issue 12) and the reader name the same keys, table by
    table: a key the reader takes is documented, and the page documents no key it refuses."""
    from icclaw.data import situation as reader  # noqa: PLC0415
    from icclaw.ihl.facts import Intensity, Organisation  # noqa: PLC0415

    page = _page_tables()
    expected = {
        "The top level": set(reader._TOP),
        "[sources.KEY]": set(reader._FIELDS["source"]),
        "[[state]]": set(reader._FIELDS["state"]),
        "[[group]]": set(reader._FIELDS["group"]),
        "[group.organisation]": {*Organisation.INDICATORS, "asserted", "sources"},
        "[[hostilities]]": set(reader._FIELDS["hostilities"]),
        "[hostilities.conclusion]": set(reader._FIELDS["conclusion"]),
        "[hostilities.intensity]": {*Intensity.INDICATORS, "asserted", "sources"},
        "[[control]]": set(reader._FIELDS["control"]),
        "[[consent]]": set(reader._FIELDS["consent"]),
        "[[occupation]]": set(reader._FIELDS["occupation"]),
        "[occupation.conclusion]": set(reader._FIELDS["conclusion"]),
        "[[territory]]": set(reader._FIELDS["territory"]),
        "[[territory.holding]]": set(reader._FIELDS["holding"]),
        "[[succession]]": set(reader._FIELDS["succession"]),
        "[[government]]": set(reader._FIELDS["government"]),
    }
    assert {k: page.get(k, set()) for k in expected} == expected
    assert set(page) <= set(expected)
