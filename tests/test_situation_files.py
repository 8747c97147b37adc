"""Situation files: TOML and JSON read the same; every problem is reported at once."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

import icclaw
from icclaw import ConflictKind, DataError

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "situations"


def test_toml_and_json_give_the_same_situation(tmp_path: Path) -> None:
    import tomllib  # noqa: PLC0415

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
    assert "group 1 organisation" in text
    assert "'start' = '2014-01-01' is a string" in text
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
    assert "group 1" in text
    assert "liberation_movement" in text
    assert "hostilities 1" in text
    assert "concluded" in text
    assert "hostilities 2 intensity: sources must be a table" in text
    assert "clashs not an indicator" in text
    assert "area: expected a name" in text


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
