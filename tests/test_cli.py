"""The command line: explanations, JSON, and one clear line with exit status 2 for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from icclaw.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_status_of_russia_on_1_december_2016(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "status", "RUS", "rome-statute", "--on", "2016-12-01")
    assert code == 0
    assert err == ""
    assert "NO (signature-withdrawn)" in out
    assert "2016-11-30" in out
    assert "source:" in out


def test_status_of_russia_on_1_november_2016(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status", "Russia", "rome-statute", "--on", "2016-11-01")
    assert code == 0
    assert "NO (signatory)" in out
    assert "VCLT arts. 14(1), 18(a)" in out


def test_status_json_follows_the_finding_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status", "UKR", "rome-statute", "--on", "2025-01-01", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["holds"] is True
    assert data["value"] == "party"
    assert data["on"] == "2025-01-01"
    assert data["policy"]["intent_date"] == "notification"


def test_policy_and_known_on_are_taken(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys,
        "status",
        "RUS",
        "rome-statute",
        "--on",
        "2016-11-20",
        "--policy",
        "intent_date=public-act",
    )
    assert "signature-withdrawn" in out
    _, out, _ = run(
        capsys, "status", "RUS", "rome-statute", "--on", "2016-12-01", "--known-on", "2016-11-20"
    )
    assert "NO (signatory)" in out


def test_parties_and_timeline(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parties", "rome-statute", "--on", "2025-01-01", "--json")
    assert code == 0
    assert json.loads(out)["count"] == 125
    code, out, _ = run(capsys, "parties", "rome-statute", "--on", "2024-02-01")
    assert out.startswith("124 states bound by the Rome Statute on 2024-02-01:")
    code, out, _ = run(capsys, "timeline", "BDI")
    assert code == 0
    assert "2016-10-27  Rome Statute: withdrawal" in out
    data = json.loads(run(capsys, "timeline", "ZAF", "--json")[1])
    rome = [a["kind"] for a in data["actions"] if a["treaty"] == "rome-statute"]
    assert rome[-1] == "withdrawal-revocation"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["status", "RUSS", "rome-statute"],
            "icclaw: RUSS: unknown state; did you mean RUS (Russian Federation)?",
        ),
        (["status", "Congo", "rome-statute"], "icclaw: Congo: ambiguous state name"),
        (
            ["status", "RUS", "rome-stat"],
            "icclaw: rome-stat: unknown treaty; did you mean rome-statute?",
        ),
        (
            ["status", "RUS", "rome-statute", "--on", "2016-13-01"],
            "icclaw: --on '2016-13-01' is not a real calendar day (month must be in 1..12); "
            "write it as YYYY-MM-DD",
        ),
        (["status", "RUS", "rome-statute", "--policy", "intent=x"], "'intent' is not a policy"),
        (
            ["status", "RUS", "rome-statute", "--policy", "intent_date=maybe"],
            "'maybe' is not a reading",
        ),
        (["parties", "rome-statute", "--data", "/nonexistent"], "not a record folder"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_gets_one_clear_line_and_exit_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_help_exits_cleanly(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status", "--help")
    assert code == 0
    assert "--known-on" in out


def test_python_dash_m_runs_the_command_line() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "icclaw", "status", "USA", "rome-statute", "--on", "2002-05-06"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "signature-withdrawn" in out.stdout


def test_jurisdiction_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "jurisdiction",
        "--crime",
        "war-crimes",
        "--date",
        "2008-08-08",
        "--territory",
        "GEO",
        "--nationality",
        "RUS",
        "--proprio-motu",
        "2016-01-27",
    )
    assert code == 0
    assert "YES" in out.splitlines()[0]
    assert "Rome Statute art. 12(2)(a)" in out
    code, out, _ = run(
        capsys,
        "jurisdiction",
        "--crime",
        "genocide",
        "--date",
        "2004-01-01",
        "--territory",
        "Sudan",
        "--area",
        "darfur",
        "--security-council",
        "1593",
        "--json",
    )
    data = json.loads(out)
    assert data["holds"] is True
    assert data["value"] == ["2004-01-01 – 2004-01-01"]
    code, out, _ = run(
        capsys,
        "jurisdiction",
        "--crime",
        "war-crimes",
        "--date",
        "2025-03-01",
        "--territory",
        "UKR",
        "--state-referral",
        "LTU,ARG:2022-03-01",
    )
    assert "UNDETERMINED" in out.splitlines()[0]
    assert "event.nationality" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            [
                "jurisdiction",
                "--crime",
                "war-crimes",
                "--date",
                "2008-08-08",
                "--territory",
                "GEOO",
                "--proprio-motu",
            ],
            "did you mean GEO (Georgia)?",
        ),
        (
            [
                "jurisdiction",
                "--crime",
                "war-crimes",
                "--date",
                "2008-08-08",
                "--territory",
                "GEO",
                "--state-referral",
                "LTU",
            ],
            "write STATE[,STATE]:DATE",
        ),
        (
            [
                "jurisdiction",
                "--crime",
                "war-crimes",
                "--date",
                "2008-08-08",
                "--until",
                "2008-01-01",
                "--proprio-motu",
            ],
            "before date",
        ),
        (
            [
                "jurisdiction",
                "--crime",
                "war-crimes",
                "--date",
                "2008-08-08",
                "--security-council",
                "42",
            ],
            "no Security Council text",
        ),
        (
            ["jurisdiction", "--crime", "theft", "--date", "2008-08-08", "--proprio-motu"],
            "invalid choice",
        ),
        (["jurisdiction", "--crime", "war-crimes", "--date", "2008-08-08"], "one of the arguments"),
    ],
)
def test_jurisdiction_bad_input(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_cooperation_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cooperation", "RUS", "--on", "2016-12-01")
    assert code == 0
    assert out.startswith("Must Russian Federation cooperate")
    assert "NO" in out.splitlines()[0]


EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "situations"


def test_classify_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "classify", str(EXAMPLES / "ukraine_2014.toml"), "--on", "2016-11-14"
    )
    assert code == 0
    assert "RUS – UKR: international-armed-conflict" in out
    assert "RUS – UKR: occupation" in out
    assert "DNR/LNR armed groups – UKR: non-international-armed-conflict" in out
    code, out, _ = run(
        capsys, "classify", str(EXAMPLES / "iraq_2003.toml"), "--on", "2003-11-01", "--json"
    )
    data = json.loads(out)
    assert {c["kind"] for c in data["conflicts"]} == {"occupation"}
    assert all(
        "Hague Regulations 1907 (arts. 42–56)" in c["applicable_law"]["value"]
        for c in data["conflicts"]
    )


def test_classify_bad_file_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'schema = 1\nname = "x"\n[[state]]\ncode = "UKR"\n[[hostilities]]\na = "UKR"\nb = "NOPE"\nstart = 2014-01-01\nterritory = "UKR"\n',
        encoding="utf-8",
    )
    code, _, err = run(capsys, "classify", str(bad))
    assert code == 2
    assert "'NOPE'" in err  # the situation reader's wording is its own
    assert len(err.splitlines()) == 1
    code, _, err = run(capsys, "classify", str(tmp_path / "missing.toml"))
    assert code == 2
    assert "missing.toml" in err


def test_record_check_and_seal(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``icclaw record check`` validates a folder; after an edit it refuses it in one line
    naming the file and the command that re-seals it; ``icclaw record seal`` does, and the
    folder checks again (issue 10)."""
    import icclaw  # noqa: PLC0415

    folder = tmp_path / "r"
    icclaw.load().dump(folder)
    code, out, err = run(capsys, "record", "check", str(folder))
    assert code == 0
    assert "a valid, sealed record as of 2025-12-01" in out
    assert "4436 acts" in out
    file = folder / "treaties" / "rome-statute.toml"
    file.write_text(file.read_text(encoding="utf-8") + "\n# a note\n", encoding="utf-8")
    code, out, err = run(capsys, "record", "check", str(folder))
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1
    assert "rome-statute.toml" in err
    assert "icclaw record seal" in err
    code, out, _ = run(capsys, "record", "seal", str(folder))
    assert code == 0
    assert out.startswith("sealed 42 files")
    code, out, _ = run(capsys, "record", "check", str(folder), "--json")
    assert code == 0
    assert json.loads(out)["acts"] == 4436


def test_record_seal_writes_nothing_when_a_file_is_unreadable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import icclaw  # noqa: PLC0415

    folder = tmp_path / "r"
    icclaw.load().dump(folder)
    before = (folder / "record.toml").read_bytes()
    (folder / "states.toml").write_bytes(b"\xff\xfe not text")
    code, out, err = run(capsys, "record", "seal", str(folder))
    assert code == 2
    assert out == ""
    assert "states.toml" in err
    assert "not UTF-8" in err
    assert (folder / "record.toml").read_bytes() == before
    code, _, err = run(capsys, "record", "check", str(tmp_path / "nowhere"))
    assert code == 2
    assert "not a record folder" in err


# --- tables: panel and screen (the tables extra) ---------------------------------------------

EVENTS_CSV = """crime,date,territory,nationality,trigger,authorised_on,age,event_id
war-crimes,2008-08-08,GEO,RUS,proprio-motu,2016-01-27,,g-1
genocide,2014-03-01,UKR,,proprio-motu,,30,u-1
war-crimes,2016-06-01,BDI,stateless,proprio-motu,2017-10-25,17,b-1
crimes-against-humanity,2016-06-01,BDI,,proprio-motu,2017-10-25,,b-2
"""


def test_panel_writes_csv_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pandas")
    code, out, err = run(
        capsys, "panel", "rome-statute", "--from", "2016", "--to", "2017", "--states", "BDI,RUS"
    )
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "state,date,treaty,status,bound"
    assert "BDI,2017-01-01,rome-statute,withdrawal-pending,True" in lines  # notified 27 Oct 2016
    assert "RUS,2017-01-01,rome-statute,signature-withdrawn,False" in lines  # 30 Nov 2016


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".json"])
def test_panel_writes_the_format_its_file_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    target = tmp_path / f"panel{suffix}"
    code, out, _ = run(
        capsys, "panel", "rome-statute", "--from", "2002", "--to", "2003", "-o", str(target)
    )
    assert code == 0
    assert out.startswith("wrote ")
    read = {".csv": pd.read_csv, ".parquet": pd.read_parquet, ".json": pd.read_json}[suffix]
    table = read(target)
    assert list(table.columns) == ["state", "date", "treaty", "status", "bound"]
    assert len(table) == int(out.split()[1].replace(",", ""))


def test_screen_adds_the_answers_beside_the_cells_as_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pytest.importorskip("pandas")
    events = tmp_path / "events.csv"
    events.write_text(EVENTS_CSV, encoding="utf-8")
    code, out, err = run(capsys, "screen", str(events))
    assert (code, err) == (0, "")
    header, *rows = out.splitlines()
    assert header.endswith("event_id,holds,missing,days_within,within_from,within_until")
    assert rows[0].startswith("war-crimes,2008-08-08,GEO,RUS,proprio-motu,2016-01-27,,g-1,True,")
    assert rows[1].split(",")[6] == "30"  # the age as written, not 30.0
    assert rows[2].split(",")[8] == "False"  # under eighteen (art. 26)
    code, out, _ = run(capsys, "screen", str(events), "--explain", "3")
    assert code == 0
    assert "crimes-against-humanity" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["panel", "rome-statute", "--from", "2002", "--to", "2003", "-o", "x.xlsx"], "x.xlsx"),
        (["panel", "rome-statute", "--from", "20022", "--to", "2003"], "--from"),
        (["panel", "rome-statute", "--from", "2004", "--to", "2003"], "before start"),
        (["panel", "rome", "--from", "2002", "--to", "2003"], "unknown treaty"),
        (["screen", "missing.csv"], "no such file"),
        (["screen", "events.txt"], "events.txt"),
    ],
)
def test_table_commands_refuse_bad_input_in_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    pytest.importorskip("pandas")
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert words in err


def test_a_bad_cell_is_named_by_row_and_column(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pytest.importorskip("pandas")
    events = tmp_path / "events.csv"
    events.write_text(EVENTS_CSV.replace("2014-03-01", "1 March 2014"), encoding="utf-8")
    code, _, err = run(capsys, "screen", str(events))
    assert code == 2
    assert "row 1, date" in err
