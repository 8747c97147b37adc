"""The command line under attack: any argument list ends in an answer or in one clear line.

Exit statuses (see :mod:`icclaw.cli`): 0 answered; 1 the answer could not be written; 2 bad
input, one line on standard error starting ``icclaw:``; 141 standard output closed early.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icclaw import cli, load
from icclaw.cli import main

if TYPE_CHECKING:
    from icclaw import Record

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "situations"
UKRAINE = str(EXAMPLES / "ukraine_2014.toml")
EVENTS = str(ROOT / "examples" / "events" / "icc-examples.csv")
LINE = 400

# --- the parser's own vocabulary ---------------------------------------------------------------


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no commands")


PARSER = cli._parser()
COMMANDS = _subparsers(PARSER)
OPTIONS = sorted(
    {
        option
        for p in (PARSER, *COMMANDS.values())
        for action in p._actions
        for option in action.option_strings
    }
)


def test_the_attack_knows_every_command_and_option() -> None:
    assert set(COMMANDS) == {
        "status",
        "timeline",
        "parties",
        "jurisdiction",
        "cooperation",
        "classify",
        "coverage",
        "record",
        "panel",
        "screen",
        "situations",
        "diff",
        "plot",
    }
    for option in (
        *("--on", "--known-on", "--policy", "--json", "--data", "--verbose", "--age"),
        "--sample",
    ):
        assert option in OPTIONS
    assert "--version" in OPTIONS


@pytest.fixture(autouse=True, scope="module")
def _elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Run in an empty folder: a generated ``-o FILE`` must not land in the checkout."""
    here = Path.cwd()
    os.chdir(tmp_path_factory.mktemp("attack"))
    yield
    os.chdir(here)


# --- what an attacker types ----------------------------------------------------------------------

STATES = ["RUS", "UKR", "GEO", "CIV", "LTU", "SDN", "USA", "BDI", "Russia", "Côte d'Ivoire"]
TREATIES = ["rome-statute", "geneva-convention-iv", "kampala-aggression-amendment", "crc-opac"]
WORDS = [
    "war-crimes",
    "genocide",
    "aggression",
    "crimes-against-humanity",
    "1593",
    "S/2014/348",
    "LTU:2022-03-01",
    "LTU,ARG:2022-03-01",
    "intent_date=public-act",
    "post_withdrawal=crimes-while-party",
    "iac_threshold=minimal",
    "8(2)(e)(xiii)",
    "darfur",
    "17",
    "GEO,RUS",
    UKRAINE,
    str(EXAMPLES / "iraq_2003.toml"),
    "check",
    "seal",
    EVENTS,
    "panel.csv",
    "gw",
    "2002",
]
GOOD_DATES = st.dates().map(lambda d: d.isoformat()) | st.sampled_from(
    ["2016-12-01", "2002-07-01", "2008-08-08", "2022-03-10"]
)
BAD_DATES = [
    "2016-13-01",
    "2023-02-29",
    "0000-01-01",
    "20161201",
    "2016-12-01T00:00",
    "tomorrow",
    "２０１６-１２-０１",
    "2016-12-01\n",
    "-2016-12-01",
]
HUGE = ["x" * 100_000, "RUS," * 25_000, "é\n" * 50_000, "2016-12-01" * 10_000, "=" * 100_000]
GARBAGE = st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=24)
NUMBERS = st.integers(-(10**30), 10**30).map(str) | st.sampled_from(["-1", "1e3", "1_0", "١٢"])
PATHS = ["/nonexistent", "/dev/null", str(EXAMPLES), str(ROOT / "README.md"), ""]
BOGUS_OPTIONS = ["--frob", "-x", "--", "-", "--on=", "--help", "--js"]

GOOD = st.sampled_from(STATES + TREATIES + WORDS) | GOOD_DATES
BAD = st.sampled_from(BAD_DATES + HUGE + PATHS + ["", " "]) | GARBAGE | NUMBERS
VALUE = GOOD | BAD
OPTION = st.sampled_from(OPTIONS) | st.sampled_from(BOGUS_OPTIONS)
GROUP = (
    st.tuples(OPTION, VALUE).map(list)
    | OPTION.map(lambda o: [o])
    | VALUE.map(lambda v: [v])
    | st.tuples(OPTION, VALUE).map(lambda t: [f"{t[0]}={t[1]}"])
)

SOUND = [
    ["status", "RUS", "rome-statute", "--on", "2016-12-01"],
    ["status", "CIV", "rome-statute", "--known-on", "2010-01-01", "--json"],
    ["timeline", "BDI", "--known-on", "2017-01-01"],
    ["parties", "geneva-convention-iv", "--on", "1960-01-01"],
    ["cooperation", "UKR", "--policy", "intent_date=public-act"],
    ["coverage", "--json"],
    ["classify", UKRAINE, "--on", "2016-11-14"],
    ["classify", "georgia-2008", "--on", "2008-08-10"],
    ["situations", "--json"],
    ["panel", "rome-statute", "--from", "2016", "--to", "2018", "--states", "BDI,RUS"],
    ["screen", EVENTS, "--known-on", "2020-01-01"],
    ["screen", EVENTS, "--explain", "2", "--json"],
    [
        "jurisdiction",
        "--crime",
        "war-crimes",
        "--date",
        "2008-08-08",
        "--territory",
        "GEO",
        "--proprio-motu",
    ],
    [
        "jurisdiction",
        "--crime",
        "aggression",
        "--date",
        "2022-02-24",
        "--territory",
        "UKR",
        "--aggressor",
        "RUS",
        "--state-referral",
        "LTU:2022-03-01",
    ],
]


@st.composite
def argument_lists(draw: st.DrawFn) -> list[str]:
    """A command (sound, or any word) followed by options and values in any order."""
    if draw(st.booleans()):
        tokens = list(draw(st.sampled_from(SOUND)))
    else:
        tokens = [draw(st.sampled_from([*COMMANDS, "frobnicate", ""]) | GOOD)]
    for group in draw(st.lists(GROUP, max_size=5)):
        tokens.extend(group)
    if draw(st.booleans()):  # random order after the command
        tokens = [tokens[0], *draw(st.permutations(tokens[1:]))]
    elif draw(st.integers(0, 9)) == 0:  # or random order throughout
        tokens = draw(st.permutations(tokens))
    if draw(st.integers(0, 9)) == 0:
        tokens.insert(0, draw(st.sampled_from(["--verbose", "--version", "-h", "--ver"])))
    return tokens


def _verbose(argv: list[str]) -> bool:
    return any(a.startswith("--verb") for a in argv)


def check(argv: list[str], code: int, out: str, err: str) -> None:
    """The promise: an answer on standard output, or one clear line on standard error."""
    assert code in (0, 2), (argv, code, err[:500])
    if code == 0:
        assert out.strip(), argv
        assert err == "", (argv, err[:500])
        return
    assert out == "", (argv, out[:500])
    assert err.startswith("icclaw: "), (argv, err[:500])
    assert err.endswith("\n")
    assert "Traceback" not in err
    lines = err[:-1].split("\n")
    assert lines == err.splitlines(), (argv, err[:500])  # no other line breaks
    assert all(len(line) <= LINE for line in lines), (argv, err[:500])
    if not _verbose(argv):
        assert len(lines) == 1, (argv, err[:500])


@settings(
    suppress_health_check=[
        *settings().suppress_health_check,  # the profile's, and:
        HealthCheck.function_scoped_fixture,
    ]
)
@given(argv=argument_lists())
def test_any_argument_list_ends_in_an_answer_or_one_clear_line(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    capsys.readouterr()
    code = main(argv)  # SystemExit and every user error end inside main
    out, err = capsys.readouterr()
    check(argv, code, out, err)


@pytest.mark.parametrize("argv", SOUND, ids=[" ".join(a[:2]) for a in SOUND])
def test_the_sound_argument_lists_answer(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code = main(argv)
    out, err = capsys.readouterr()
    check(argv, code, out, err)
    assert code == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["status", "RUS", "rome-statute", "--on", "x" * 3_000_000], "(3,000,000 characters)"),
        (["status", "x" * 100_000, "rome-statute"], "unknown state"),
        (["status", "RUS", "x" * 100_000], "icclaw --help lists the treaty slugs"),
        (["frobnicate", "x" * 100_000], "invalid choice"),
        (["status", "RUS", "rome-statute", "--policy", "x" * 100_000], "write NAME=VALUE"),
        (["status", "RUS", "rome-statute", "--policy", "x=" + "y" * 100_000], "is not a policy"),
        (["status", "RU\nS", "rome-statute"], "RU\\nS: unknown state"),
        (["status", "RUS", "rome-statute", "--on", "2016-13-01"], "write it as YYYY-MM-DD"),
        (["status", "RUS", "rome-statute", "--on", "tomorrow"], "--on 'tomorrow' is not a date"),
        (["status", "RUS", "rome-statute", "--known-on", "2016-02-30"], "--known-on '2016-02-30'"),
        (["classify", UKRAINE, "--on", "２０１６-１２-０１"], "is not a date"),
        (
            ["status", "RUS", "rome-statute", "--policy", "intent_date=maybe"],
            "choose notification or public-act",
        ),
        (
            [
                "status",
                "RUS",
                "rome-statute",
                "--policy",
                "intent_date=public-act",
                "--policy",
                "intent-date=notification",
            ],
            "--policy intent_date given twice",
        ),
        (["classify", ""], "an empty string"),
        (["parties", "rome-statute", "--data", ""], "--data is an empty string"),
        (["status", " ", "rome-statute"], "the state is an empty string"),
    ],
)
def test_bad_values_get_one_short_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code = main(argv)
    out, err = capsys.readouterr()
    check(argv, code, out, err)
    assert code == 2
    assert message in err


JURISDICTION = ["jurisdiction", "--crime", "war-crimes", "--date", "2008-08-08"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--proprio-motu", "2016-13-01"], "--proprio-motu '2016-13-01' is not a real calendar"),
        (["--proprio-motu", ""], "--proprio-motu '' is not a date"),
        (["--state-referral", "LTU:2016-02-30"], "--state-referral's date '2016-02-30'"),
        (["--state-referral", "LTU,:2016-02-01"], "a state is missing between commas"),
        (["--proprio-motu", "--until", "tomorrow"], "--until 'tomorrow' is not a date"),
        (["--proprio-motu", "--age", "-5"], "--age '-5': write the accused's age"),
        (["--proprio-motu", "--age", "131"], "0 to 130"),
        (["--proprio-motu", "--age", "1e3"], "whole years"),
        (["--proprio-motu", "--age", "١٢"], "whole years"),
        (["--proprio-motu", "--nationality", ","], "--nationality ','"),
        (["--proprio-motu", "--nationality", ""], "--stateless for none"),
        (["--proprio-motu", "--territory", ""], "omit --territory if it is unknown"),
        (["--security-council", ""], "give a resolution number"),
        (["--proprio-motu", "--on", "2016-13-01"], "--on '2016-13-01'"),
    ],
)
def test_jurisdiction_values_are_checked(
    capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    argv = JURISDICTION + extra
    code = main(argv)
    out, err = capsys.readouterr()
    check(argv, code, out, err)
    assert code == 2
    assert message in err


def test_a_whole_number_age_is_taken(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*JURISDICTION, "--territory", "GEO", "--proprio-motu", "--age", "17"]) == 0
    assert main([*JURISDICTION, "--territory", "GEO", "--proprio-motu", "--age", " 12 "]) == 0
    out = capsys.readouterr().out
    assert "art. 26" in out


# --- no option that does nothing -------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["timeline", "RUS", "--on", "2000-01-01"], "timeline takes no --on: --known-on DATE"),
        (["timeline", "RUS", "--on=2000-01-01"], "timeline takes no --on"),
        (["timeline", "RUS", "--policy", "intent_date=public-act"], "timeline takes no --policy"),
        (["classify", UKRAINE, "--known-on", "2016-01-01"], "classify takes no --known-on"),
        (["coverage", "--on", "2020-01-01"], "coverage takes no --on"),
        (["coverage", "--known-on", "2020-01-01"], "coverage takes no --known-on"),
        (["coverage", "--policy", "intent_date=public-act"], "coverage takes no --policy"),
        (["coverage", "--json", "--markdown"], "not allowed with argument --json"),
        (["status", "RUS", "rome-statute", "--markdown"], "unrecognized arguments: --markdown"),
    ],
)
def test_an_option_a_command_cannot_honour_is_refused(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code = main(argv)
    out, err = capsys.readouterr()
    check(argv, code, out, err)
    assert code == 2
    assert message in err
    assert f"(see icclaw {argv[0]} --help)" in err


def test_every_option_a_command_shows_in_its_help_is_honoured() -> None:
    """The options each command takes, as its parser declares them."""
    shared = {"-h", "--help", "--data", "--verbose"}
    taken = {
        name: {o for a in p._actions for o in a.option_strings} - shared
        for name, p in COMMANDS.items()
    }
    answering = {"--on", "--known-on", "--policy", "--json"}
    assert taken["status"] == answering
    assert taken["parties"] == answering
    assert taken["cooperation"] == answering
    assert taken["timeline"] == {"--known-on", "--json"}
    assert taken["classify"] == {"--on", "--policy", "--json", "--territory"}
    assert taken["coverage"] == {"--json", "--markdown"}
    assert answering < taken["jurisdiction"]
    assert taken["panel"] == {
        "--from", "--to", "--freq", "--states", "--codes", "-o", "--output", "--known-on",
        "--policy",
    }  # fmt: skip
    assert taken["situations"] == {"--json"}
    assert taken["screen"] == {
        "--on", "--known-on", "--policy", "--codes", "-o", "--output", "--explain", "--json",
        "--quiet",
    }  # fmt: skip


def test_timeline_known_on_shows_only_the_acts_received_by_then(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["timeline", "RUS", "--known-on", "2000-12-31", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["known_on"] == "2000-12-31"
    assert data["actions"]
    assert all(a["date"] <= "2000-12-31" for a in data["actions"])
    assert "signature-withdrawal" not in {a["kind"] for a in data["actions"]}
    assert main(["timeline", "RUS", "--known-on", "2000-12-31"]) == 0
    assert "as it stood on 2000-12-31" in capsys.readouterr().out.splitlines()[0]


def test_classify_on_and_policy_are_taken(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["classify", UKRAINE, "--on", "2016-11-14", "--json"]) == 0
    default = json.loads(capsys.readouterr().out)
    argv = [
        "classify",
        UKRAINE,
        "--on",
        "2016-11-14",
        "--json",
        "--policy",
        "iac_threshold=minimal",
    ]
    assert main(argv) == 0
    minimal = json.loads(capsys.readouterr().out)
    assert default["on"] == minimal["on"] == "2016-11-14"
    policies = {c["classification"]["policy"]["iac_threshold"] for c in minimal["conflicts"]}
    assert policies == {"minimal"}
    assert main(["classify", UKRAINE, "--on", "1990-01-01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["on"] == "1990-01-01"  # no conflict: the day asked


def test_classify_territory_asks_one_territory(capsys: pytest.CaptureFixture[str]) -> None:
    """``--territory`` asks only whether that territory is occupied on the day; a name the
    situation does not declare is one clear line naming what it does declare."""
    argv = ["classify", "ukraine-2022", "--territory", "Kherson", "--on", "2022-12-01", "--json"]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["question"] == "Is Kherson under occupation on 2022-12-01?"
    assert data["holds"] is False
    assert main(["classify", "ukraine-2022", "--territory", "Kherson", "--on", "2022-06-01"]) == 0
    assert capsys.readouterr().out.startswith("Is Kherson under occupation on 2022-06-01? YES")
    assert main(["classify", "ukraine-2022", "--territory", "Kherzon", "--on", "2022-06-01"]) == 2
    err = capsys.readouterr().err
    assert "it declares: Kherson" in err
    assert len(err.strip().splitlines()) == 1


# --- --data ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def folders(rec: Record, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A sound record folder, one with two broken files, and an empty folder."""
    root = tmp_path_factory.mktemp("records")
    sound, broken, empty = root / "sound", root / "broken", root / "empty"
    rec.dump(sound)
    rec.dump(broken)
    for slug in ("rome-statute", "crc-opac"):
        file = broken / "treaties" / f"{slug}.toml"
        file.write_text(file.read_text(encoding="utf-8") + "\n[[[ broken\n", encoding="utf-8")
    empty.mkdir()
    return {"sound": sound, "broken": broken, "empty": empty}


def test_data_folder_errors_are_one_line_and_verbose_gives_the_report(
    capsys: pytest.CaptureFixture[str], folders: dict[str, Path]
) -> None:
    assert main(["parties", "rome-statute", "--data", str(folders["sound"])]) == 0
    assert capsys.readouterr().out.startswith("125 states bound")
    for folder in (folders["empty"], folders["sound"] / "missing", ROOT / "README.md"):
        argv = ["parties", "rome-statute", "--data", str(folder)]
        code = main(argv)
        out, err = capsys.readouterr()
        check(argv, code, out, err)
        assert code == 2
    argv = ["parties", "rome-statute", "--data", str(folders["broken"])]
    code = main(argv)
    out, err = capsys.readouterr()
    check(argv, code, out, err)
    assert code == 2
    assert "problems; first: " in err
    assert "run with --verbose for all" in err
    for verbose in (["--verbose", *argv], [*argv, "--verbose"]):
        code = main(verbose)
        out, err = capsys.readouterr()
        check(verbose, code, out, err)
        assert code == 2
        assert len(err.splitlines()) >= 3  # the headline and a line per problem
        assert "rome-statute.toml" in err
        assert "crc-opac.toml" in err


# --- --version and --help ------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    out = capsys.readouterr().out
    rec = load()
    assert out == (
        f"icclaw {cli.version()}\ndata {rec.version} (as of {rec.as_of}; digest {rec.digest[:12]})\n"
    )
    assert out.split()[1][0].isdigit()


@pytest.mark.parametrize(
    ("argv", "treaties"),
    [
        (["--help"], True),
        (["status", "--help"], True),
        (["parties", "-h"], True),
        (["jurisdiction", "--help"], False),
        (["classify", "--help"], False),
    ],
)
def test_help_lists_the_treaties_and_the_policies(
    capsys: pytest.CaptureFixture[str], argv: list[str], treaties: bool
) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert ("geneva-convention-iv" in out) is treaties
    assert ("rome-statute-art8-amendment-2017-lasers" in out) is treaties  # never split
    assert "post_withdrawal: matter-under-consideration (default)" in out
    assert "crimes-while-party" in out
    assert "intent_date" in out
    assert "public-act" in out


def test_help_of_the_command_line_names_the_exit_statuses(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "exit status:" in out
    assert "141" in out


# --- the real executable -------------------------------------------------------------------------


def icclaw(
    *argv: str, env: dict[str, str] | None = None, stdout: Any = subprocess.PIPE
) -> subprocess.CompletedProcess[str]:
    """Run the real command line, as ``python -m icclaw``."""
    return subprocess.run(
        [sys.executable, "-m", "icclaw", *argv],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**os.environ, **(env or {})},
        check=False,
    )


SAMPLE = [
    (["status", "RUS", "rome-statute", "--on", "2016-12-01"], 0),
    (["--version"], 0),
    (["status", "RUS", "rome-statute", "--on", "2016-13-01"], 2),
    (["status", "RUS", "rome-statute", "--on", "x" * 100_000], 2),
    (["timeline", "RUS", "--on", "2000-01-01"], 2),
    (["coverage", "--policy", "intent_date=public-act"], 2),
    (["classify", "/nonexistent.toml"], 2),
    (["classify", str(ROOT)], 2),
    (["parties", "rome-statute", "--data", "/nonexistent"], 2),
    (["jurisdiction", "--crime", "war-crimes", "--date", "2008-08-08"], 2),
    (["status", "RUS", "rome-statute", "--policy", "x" * 100_000], 2),
    (["frobnicate"], 2),
]


def test_the_real_executable_keeps_the_promise() -> None:
    for argv, expected in SAMPLE:
        done = icclaw(*argv)
        assert done.returncode == expected, (argv[:6], done.stderr[:500])
        assert "Traceback" not in done.stderr
        if expected == 0:
            assert done.stdout.strip()
            assert done.stderr == ""
        else:
            assert done.stdout == ""
            assert done.stderr.startswith("icclaw: ")
            assert len(done.stderr.splitlines()) == 1
            assert len(done.stderr) <= LINE + 1


def test_a_closed_pipe_ends_quietly() -> None:
    # ``icclaw parties rome-statute | head -1``: read one line, then close.
    with subprocess.Popen(
        [sys.executable, "-m", "icclaw", "parties", "rome-statute"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as run:
        assert run.stdout is not None
        assert run.stderr is not None
        assert run.stdout.readline().startswith("125 states bound")
        run.stdout.close()
        err = run.stderr.read()
        code = run.wait()
    assert "Traceback" not in err
    assert err == ""
    assert code in (0, cli.EXIT_BROKEN_PIPE)  # 0 if the answer was all written before the close
    # A pipe closed before anything was written: the write fails for certain.
    read, write = os.pipe()
    os.close(read)
    try:
        done = icclaw("parties", "rome-statute", stdout=write)
    finally:
        os.close(write)
    assert done.returncode == cli.EXIT_BROKEN_PIPE
    assert done.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_disk_is_one_line_and_status_1() -> None:
    for argv in (["parties", "rome-statute"], ["--help"]):
        with Path("/dev/full").open("w") as full:
            done = icclaw(*argv, stdout=full)
        assert done.returncode == cli.EXIT_OUTPUT_ERROR, argv
        assert done.stderr.startswith("icclaw: cannot write the answer")
        assert len(done.stderr.splitlines()) == 1
        assert "Traceback" not in done.stderr


def test_an_ascii_terminal_gets_escapes_not_a_crash() -> None:
    done = icclaw("timeline", "CIV", env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0
    assert "Traceback" not in done.stderr
    assert "C\\xf4te d'Ivoire (CIV)" in done.stdout
    done = icclaw("status", "Côte dIvoir", "rome-statute", env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 1


def test_unwritable_stdout_in_process_is_status_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    class Full:
        encoding = "utf-8"

        def write(self, _text: str) -> int:
            raise OSError(28, "No space left on device")

        def flush(self) -> None:
            pass

    with contextlib.redirect_stdout(Full()):
        code = main(["parties", "rome-statute"])
    assert code == cli.EXIT_OUTPUT_ERROR
    assert capsys.readouterr().err == "icclaw: cannot write the answer: No space left on device\n"
