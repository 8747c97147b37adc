"""The ``icclaw`` command: ask the record from a shell.

Each command takes only the options that mean something to it:

* ``status``, ``parties``, ``cooperation``, ``jurisdiction``: ``--on``, ``--known-on``,
  ``--policy``, ``--json`` (``jurisdiction`` also the event and the trigger).
* ``timeline``: ``--known-on`` (only the acts the record held on that day), ``--json``.
* ``classify``: ``--on``, ``--policy``, ``--json``, ``--territory`` (the classification takes no
  ``--known-on``).
* ``coverage``: ``--json`` or ``--markdown``.

Every command also takes ``--data FOLDER`` (a record of your own) and ``--verbose`` (which may
also come before the command); ``icclaw --version`` prints the package's version and the
embedded record's data version.

Exit status:

* 0 — the answer was printed.
* 1 — the answer could not be written (e.g. ``No space left on device``): one line on
  standard error. Not a mistake in the input, so not 2.
* 2 — bad input (an unknown state, a malformed date, a missing file, a broken data folder...):
  one line on standard error, never a traceback; ``--verbose`` prints a data file's whole
  report (at most 20 problems).
* 130 — interrupted (Ctrl-C), quietly.
* 141 — standard output was closed before the answer was written (``icclaw ... | head -1``):
  128 + SIGPIPE, the status a shell reports for a command ended by a closed pipe; nothing more
  is printed.

No message quotes more than 200 characters of what was typed, and no line on standard error is
longer than 400 characters.
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import json
import os
import re
import sys
import textwrap
from typing import TYPE_CHECKING, Any, Final, NoReturn

import attrs

import icclaw
from icclaw import (
    Crime,
    Event,
    IcclawError,
    Policy,
    ProprioMotu,
    SecurityCouncilReferral,
    StateReferral,
)
from icclaw.data.files import clip
from icclaw.dates import to_date

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from _typeshed import SupportsWrite

    from icclaw import Action, Record
    from icclaw.dates import Date
    from icclaw.icc.facts import Trigger

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_BROKEN_PIPE",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_OUTPUT_ERROR",
    "main",
]

EXIT_OK: Final = 0
"""The answer was printed."""
EXIT_OUTPUT_ERROR: Final = 1
"""The answer could not be written (a full disk, a closed terminal): not the input's fault."""
EXIT_BAD_INPUT: Final = 2
"""Bad input: one line on standard error."""
EXIT_INTERRUPTED: Final = 130
"""Interrupted by Ctrl-C (128 + SIGINT)."""
EXIT_BROKEN_PIPE: Final = 141
"""Standard output was closed early (128 + SIGPIPE, as a shell reports it)."""

QUOTED: Final = 200
"""The most characters of one input value a message quotes."""
LINE: Final = 400
"""The longest line written to standard error."""

_UNDATED: Final = object()
"""``--proprio-motu`` given without a date."""

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_AGE = re.compile(r"[0-9]{1,3}")
_MAX_AGE = 130  # Event's own bound
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class InvalidInput(IcclawError, ValueError):
    """A command-line value icclaw cannot read."""


class _UsageError(Exception):
    """What argparse found wrong with the command line, and which parser found it."""

    def __init__(self, message: str, prog: str) -> None:
        super().__init__(message)
        self.prog = prog


# --- the parser --------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that reports errors to :func:`main` and lists the record in its help.

    ``lists`` names what the help ends with, computed only when the help is printed:
    ``"treaties"`` (the embedded record's slugs, which loads the record), ``"policies"`` and
    ``"exit"`` (the exit statuses).
    """

    def __init__(self, *args: Any, lists: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lists = tuple(lists)

    def error(self, message: str) -> NoReturn:
        """Raise the usage error for :func:`main` to report in one line."""
        raise _UsageError(message, self.prog)

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        """Write the help; unlike argparse's own, let a failed write reach :func:`main`."""
        _write(file or sys.stdout, self.format_help())

    def format_help(self) -> str:
        """Return the help, ending with the lists this parser names."""
        text = super().format_help()
        extra = [_HELP_LISTS[name]() for name in self.lists]
        return text + "".join(f"\n{block}\n" for block in extra)


class _Version(argparse.Action):
    """``--version``: print ``icclaw <version>`` and the embedded record's data version, exit 0."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "print icclaw's version and exit")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        """Print the version and end parsing."""
        sys.stdout.write(f"icclaw {version()}\n{data_version()}\n")
        parser.exit(0)


def data_version() -> str:
    """The embedded record's data version, as-of day and digest, on one line."""
    try:
        rec = icclaw.load()
    except (icclaw.IcclawError, OSError) as exc:  # a broken install: said, not raised
        return f"data: the embedded record could not be read ({type(exc).__name__})"
    return f"data {rec.version} (as of {rec.as_of}; digest {rec.digest[:12]})"


def version() -> str:
    """Return the installed version of icclaw."""
    from importlib import metadata  # noqa: PLC0415

    try:
        return metadata.version("icclaw")
    except metadata.PackageNotFoundError:
        return str(getattr(icclaw, "__version__", "unknown"))


def _wrap(text: str, hang: str = "    ") -> str:
    return textwrap.fill(
        text,
        width=78,
        initial_indent="  ",
        subsequent_indent=hang,
        break_on_hyphens=False,
        break_long_words=False,
    )


def _treaty_help() -> str:
    try:
        slugs = ", ".join(t.slug for t in icclaw.load().treaties)
    except (IcclawError, OSError, ValueError) as exc:  # help must print even so
        slugs = f"(the embedded record could not be read: {_one_line(clip(str(exc)))})"
    return "treaties (TREATY: a slug of the embedded record):\n" + _wrap(slugs, hang="  ")


def _readings() -> dict[str, list[str]]:
    """Every policy's name and its readings, the default first."""
    out: dict[str, list[str]] = {}
    for field in attrs.fields(Policy):
        default = field.default
        if not isinstance(default, enum.Enum):  # every field is an enum; be sure
            continue
        out[field.name] = [str(default.value)] + [
            str(m.value) for m in type(default) if m is not default
        ]
    return out


def _policy_help() -> str:
    lines = ["policies (--policy NAME=VALUE, repeatable; the default reading first):"]
    for name, (default, *others) in _readings().items():
        lines.append(_wrap(f"{name}: {default} (default), {', '.join(others)}"))
    return "\n".join(lines)


def _exit_help() -> str:
    return "exit status:\n" + "\n".join(
        _wrap(line, hang="       ")
        for line in (
            "0    the answer was printed",
            "1    the answer could not be written (e.g. no space left on device)",
            "2    bad input: one line on standard error (--verbose: a data file's whole report)",
            "130  interrupted",
            "141  standard output closed early (128 + SIGPIPE, e.g. by head)",
        )
    )


_CODES_HELP = (
    "the scheme the states are named in: iso3 (default), iso-numeric, cow, cow-letters, gw, "
    "ucdp, acled or name"
)


_HELP_LISTS = {"treaties": _treaty_help, "policies": _policy_help, "exit": _exit_help}


def _parents() -> dict[str, _Parser]:
    """The options commands share, one parent parser each."""
    on = _Parser(add_help=False)
    on.add_argument(
        "--on",
        metavar="DATE",
        help="the day the question is about, YYYY-MM-DD (default: the record's as-of date)",
    )
    known_on = _Parser(add_help=False)
    known_on.add_argument(
        "--known-on",
        metavar="DATE",
        help="answer as the record stood on this day: only acts received by then count",
    )
    policy = _Parser(add_help=False)
    policy.add_argument(
        "--policy",
        metavar="NAME=VALUE",
        action="append",
        default=[],
        help="a reading of contested law, e.g. intent_date=public-act (repeatable; listed below)",
    )
    json_ = _Parser(add_help=False)
    json_.add_argument("--json", action="store_true", help="print JSON instead of text")
    data = _Parser(add_help=False)
    data.add_argument(
        "--data", metavar="FOLDER", help="use a record folder instead of the embedded record"
    )
    data.add_argument(
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,  # so that ``icclaw --verbose COMMAND`` is not overwritten
        help="on bad data, print the whole report, not only its first problem",
    )
    return {"on": on, "known_on": known_on, "policy": policy, "json": json_, "data": data}


def _table_commands(sub: Any, parents: Callable[..., list[_Parser]]) -> None:
    """The commands that read and write tables: ``panel`` and ``screen``."""
    p = sub.add_parser(
        "panel",
        parents=parents("known_on", "policy"),
        help="a state-by-date table of treaty status (needs icclaw[tables])",
        description="A tidy table of where each state stood with each treaty on each day of a "
        "grid: state, date, treaty, status, bound (empty where the record leaves it open). "
        "Written as CSV, Parquet or JSON by the extension of --output; CSV on standard output "
        "without it. Needs the tables extra: pip install 'icclaw[tables]'.",
        lists=("treaties", "policies"),
    )
    p.add_argument("treaties", nargs="+", metavar="TREATY", help="one or more treaty slugs")
    p.add_argument(
        "--from", dest="start", required=True, metavar="DATE", help="the first day, or a year"
    )
    p.add_argument(
        "--to",
        dest="end",
        required=True,
        metavar="DATE",
        help="the last day, or a year (its 31 December)",
    )
    p.add_argument("--freq", choices=["year", "month", "day"], default="year", help="default: year")
    p.add_argument("--states", metavar="STATE[,STATE]", help="only these states (default: all)")
    p.add_argument("--codes", metavar="SCHEME", default="iso3", help=_CODES_HELP)
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (.csv, .parquet, .json)")
    p = sub.add_parser(
        "screen",
        parents=parents("on", "known_on", "policy"),
        help="screen a table of events for the Court's jurisdiction (needs icclaw[tables])",
        description="Read a table of events (.csv, .parquet, .json or .jsonl) whose columns are "
        "named like an Event's fields and the trigger's (crime, date, until, territory, "
        "nationality, age, provision, aggressor, area; trigger, referred_by, referred_on, "
        "resolution, authorised_on), and add holds, missing, days_within, within_from and "
        "within_until to every row. Several states in one cell are joined by ';'; write "
        "'stateless' for a stateless accused. Needs the tables extra: pip install 'icclaw[tables]'.",
        lists=("policies",),
    )
    p.add_argument(
        "events", metavar="EVENTS", help="the events table (.csv, .parquet, .json, .jsonl)"
    )
    p.add_argument("--codes", metavar="SCHEME", default="iso3", help=_CODES_HELP)
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (.csv, .parquet, .json)")
    p.add_argument(
        "--explain",
        metavar="ROW",
        help="print the whole answer for one row (counted from 0) instead of the table",
    )
    p.add_argument("--json", action="store_true", help="with --explain: print JSON instead of text")
    p.add_argument(
        "--quiet", action="store_true", help="no progress on standard error for long tables"
    )


def _parser() -> argparse.ArgumentParser:  # noqa: PLR0915 (one statement per option)
    shared = _parents()

    def parents(*names: str) -> list[_Parser]:
        return [shared[n] for n in (*names, "data")]

    parser = _Parser(
        prog="icclaw",
        description="International law made computable: ask the record.",
        lists=("treaties", "policies", "exit"),
    )
    parser.add_argument("--version", action=_Version)
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="on bad data, print the whole report, not only its first problem",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser(
        "status",
        parents=parents("on", "known_on", "policy", "json"),
        help="where a state stands with a treaty on a day, and why",
        lists=("treaties", "policies"),
    )
    p.add_argument("state", help="code, name or alias, e.g. RUS or Russia")
    p.add_argument("treaty", help="treaty slug, e.g. rome-statute (listed below)")
    p = sub.add_parser(
        "timeline",
        parents=parents("known_on", "json"),
        help="every act of a state, on every treaty, in date order",
        description="Every act of a state, on every treaty, in date order; with --known-on, "
        "only the acts the record held on that day.",
    )
    p.add_argument("state", help="code, name or alias")
    p = sub.add_parser(
        "parties",
        parents=parents("on", "known_on", "policy", "json"),
        help="the states bound by a treaty on a day",
        lists=("treaties", "policies"),
    )
    p.add_argument("treaty", help="treaty slug, e.g. rome-statute (listed below)")
    p = sub.add_parser(
        "jurisdiction",
        parents=parents("on", "known_on", "policy", "json"),
        help="may the International Criminal Court exercise jurisdiction over an event?",
        lists=("policies",),
    )
    p.add_argument("--crime", required=True, choices=[c.value for c in Crime])
    p.add_argument(
        "--date", required=True, metavar="DATE", help="the day the conduct took place or began"
    )
    p.add_argument("--until", metavar="DATE", help="the last day of conduct over a period")
    p.add_argument(
        "--territory",
        metavar="STATE[,STATE]",
        help="where the conduct or an element of it took place (omit: unknown)",
    )
    nat = p.add_mutually_exclusive_group()
    nat.add_argument(
        "--nationality", metavar="STATE[,STATE]", help="the accused's nationalities (omit: unknown)"
    )
    nat.add_argument("--stateless", action="store_true", help="the accused has no nationality")
    p.add_argument(
        "--age",
        metavar="YEARS",
        help=f"the accused's age at the time, 0 to {_MAX_AGE} (omit: art. 26 not assessed)",
    )
    p.add_argument(
        "--provision", help="for war crimes: the art. 8 paragraph charged, e.g. 8(2)(e)(xiii)"
    )
    p.add_argument(
        "--aggressor", metavar="STATE", help="for aggression: the state whose act is alleged"
    )
    p.add_argument("--area", help="a named area, e.g. darfur, for a referral's scope")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument(
        "--state-referral",
        metavar="STATE[,STATE]:DATE",
        help="referral by States Parties (art. 14)",
    )
    how.add_argument(
        "--security-council",
        metavar="RES",
        help="Security Council referral: resolution number or draft symbol",
    )
    how.add_argument(
        "--proprio-motu",
        metavar="DATE",
        nargs="?",
        const=_UNDATED,
        help="the Prosecutor's own initiative, with the day of the Pre-Trial Chamber's authorisation if given",
    )
    p = sub.add_parser(
        "cooperation",
        parents=parents("on", "known_on", "policy", "json"),
        help="must a state cooperate with the Court on a day?",
        lists=("policies",),
    )
    p.add_argument("state", help="code, name or alias")
    p = sub.add_parser(
        "classify",
        parents=parents("on", "policy", "json"),
        help="classify the armed conflicts in a situation file, and the law that applies",
        lists=("policies",),
    )
    p.add_argument(
        "file",
        help="a situation file (.toml or .json), or a name in the catalogue "
        "(icclaw situations lists them)",
    )
    p.add_argument(
        "--territory",
        metavar="NAME",
        help="ask only whether this territory of the situation (or state code) is under "
        "occupation on the day: e.g. --territory Kherson",
    )
    p = sub.add_parser(
        "plot",
        parents=parents(),
        help="draw the parties to a treaty over time, or a state's acts (needs icclaw[plot])",
        description="icclaw plot parties TREATY: the number of parties on the first day of each "
        "month, the states the record leaves open as a band, withdrawals marked where they took "
        "effect. icclaw plot timeline STATE: the state's acts across the treaties of the record, "
        "and when it was bound. Writes PNG or SVG, by the --output file's suffix.",
    )
    p.add_argument("what", choices=("parties", "timeline"), help="which picture")
    p.add_argument("subject", help="the treaty (parties) or the state (timeline)")
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (.png or .svg; default: WHAT-SUBJECT.png in the current folder)",
    )
    p = sub.add_parser(
        "diff",
        parents=parents(),
        help="what changed between two records, and which answers it changes",
        description="Compare two record folders (OLD and NEW; NEW left out: --data, or the "
        "embedded record): the acts, declarations, Council texts, situations, states and "
        "treaties added, removed or changed, the number of parties to each changed treaty on the "
        "first day of each year where it differs, and a sample of status answers that flip, "
        "each explained.",
    )
    p.add_argument("old", help="the earlier record's folder")
    p.add_argument(
        "new", nargs="?", help="the later record's folder (default: --data, or the embedded one)"
    )
    p.add_argument(
        "--sample",
        type=_sample,
        default=20,
        metavar="N",
        help="look for at most N status answers that flip (default 20; 0: none)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p = sub.add_parser(
        "situations",
        parents=parents(),
        help="the catalogue of real situations, by name (icclaw classify NAME --on DATE)",
        description="The catalogue of real situations: each a situation file written as an "
        "authority found the facts, citing it. Classify one by its name: "
        "icclaw classify ukraine-2014 --on 2016-11-14.",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p = sub.add_parser(
        "coverage",
        parents=parents(),
        help="how complete the record is, treaty by treaty, against the published counts",
    )
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print JSON instead of text")
    form.add_argument(
        "--markdown", action="store_true", help="print the Markdown page of the documentation"
    )
    _table_commands(sub, parents)
    verbose = _Parser(add_help=False)
    verbose.add_argument(
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="on bad data, print the whole report, not only its first problem",
    )
    p = sub.add_parser("record", help="check or seal a record folder of your own")
    actions = p.add_subparsers(dest="action", required=True, parser_class=_Parser)
    q = actions.add_parser(
        "check",
        parents=[verbose, shared["json"]],
        help="check a record folder as loading it would: its seal, schema and histories",
    )
    q.add_argument("path", metavar="PATH", help="the record folder (holding record.toml)")
    q = actions.add_parser(
        "seal",
        parents=[verbose],
        help="seal a record folder after editing it: each file's digest and entry count",
    )
    q.add_argument("path", metavar="PATH", help="the record folder (holding record.toml)")
    return parser


# --- running -----------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (see the module's documentation).

    Args:
        argv: The arguments after the program's name; ``None``: ``sys.argv[1:]``.

    Returns:
        0 answered, 1 the answer could not be written, 2 bad input, 130 interrupted,
        141 standard output closed early.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        code, out = _run(args)
        if out is not None:
            _write(sys.stdout, out + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # writing the answer failed: the input was fine
        _discard_stdout()
        _say(f"icclaw: cannot write the answer: {exc.strerror or exc}")
        return EXIT_OUTPUT_ERROR
    except KeyboardInterrupt:
        _say("icclaw: interrupted")
        return EXIT_INTERRUPTED
    return code


def _run(argv: list[str]) -> tuple[int, str | None]:
    """Parse and answer; report bad input. Returns the status and the answer, if any."""
    try:
        args = _parser().parse_args(argv)
    except _UsageError as exc:
        _say(_tame(_usage_message(exc, argv), argv))
        return EXIT_BAD_INPUT, None
    except SystemExit as exc:  # --help and --version end here, having printed
        return (exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT), None
    verbose = bool(getattr(args, "verbose", False))
    where = None
    try:
        _read_options(args)
        policy = Policy.from_pairs(getattr(args, "policy", []))
        if args.command == "record":
            where = args.path
            out: str | None = _record(args)
        else:
            where = args.data
            record = icclaw.load(args.data)
            where = getattr(args, "file", None)
            out = _COMMANDS[args.command](record, args, policy)
    except icclaw.RecordError as exc:  # a report: a DataError from a data file, most often
        _say(_tame(_data_report(exc, where, verbose=verbose), argv), lines=verbose)
        return EXIT_BAD_INPUT, None
    except (IcclawError, OSError, ValueError) as exc:
        _say(_tame(_message(exc), argv))
        return EXIT_BAD_INPUT, None
    return EXIT_OK, out


def _write(stream: SupportsWrite[str], text: str) -> None:
    """Write ``text``; where the stream cannot encode a character, write it escaped."""
    try:
        stream.write(text)
    except UnicodeEncodeError:  # e.g. PYTHONIOENCODING=ascii and Côte d'Ivoire
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))


def _say(text: str, *, lines: bool = False) -> None:
    """Write a message to standard error: one line, or (``lines``) several, each bounded."""
    parts = text.splitlines() if lines else [text]
    shown = [_bound(_one_line(p)) for p in parts] or ["icclaw: error"]
    try:
        _write(sys.stderr, "\n".join(shown) + "\n")
        sys.stderr.flush()
    except OSError:  # nowhere left to complain to
        pass


def _discard_stdout() -> None:
    """Point standard output at the null device, so Python's last flush cannot fail again.

    This is what the Python documentation recommends on ``BrokenPipeError`` (the
    ``signal`` module's note on SIGPIPE).
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file: nothing to flush later
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


# --- messages ------------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    """``text`` with every line break and control character escaped."""
    return _BREAKS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _bound(line: str) -> str:
    return line if len(line) <= LINE else line[: LINE - 1] + "…"


def _q(value: str) -> str:
    """``value`` quoted for a message: at most :data:`QUOTED` characters, escapes shown."""
    return repr(clip(value, QUOTED))


def _tame(message: str, argv: Iterable[str]) -> str:
    """``message`` with every long value from ``argv`` that it quotes cut short."""
    long: set[str] = set()
    for arg in argv:
        if len(arg) <= QUOTED:
            continue
        for piece in (arg, *re.split(r"[,:=]", arg)):
            for text in (piece, piece.strip(), piece.strip().lower()):
                if len(text) > QUOTED:
                    long.add(text)
    for text in sorted(long, key=len, reverse=True):
        message = message.replace(repr(text), _q(text)).replace(text, clip(text, QUOTED))
    return message


_NOT_TAKEN = {
    ("timeline", "--on"): "--known-on DATE lists the acts the record held on that day",
    ("timeline", "--policy"): "it lists the acts as recorded, applying no reading",
    ("classify", "--known-on"): "a classification cannot yet be asked as the record stood on a "
    "day; --on DATE is the day of the situation",
    ("coverage", "--on"): "it compares the record on its as-of date with the published counts",
    ("coverage", "--known-on"): "it compares the whole record with the published counts",
    ("coverage", "--policy"): "it counts the acts recorded, applying no reading",
}
"""Why a command takes no such option, for the options it might be expected to take."""


def _usage_message(exc: _UsageError, argv: Sequence[str]) -> str:
    """One line for what argparse found wrong, naming the command's help."""
    message, prog = str(exc), exc.prog
    command = next((a for a in argv if a in _COMMANDS), None)
    if message.startswith("unrecognized arguments") and command is not None:
        prog = f"icclaw {command}"
        for (cmd, option), why in _NOT_TAKEN.items():
            if cmd == command and any(a == option or a.startswith(option + "=") for a in argv):
                return f"icclaw: {command} takes no {option}: {why} (see {prog} --help)"
    return f"icclaw: {message} (see {prog} --help)"


def _data_report(exc: icclaw.RecordError, where: str | None, *, verbose: bool) -> str:
    """One line for a report of problems (or, ``verbose``, the whole report)."""
    if verbose or not exc.problems:
        return f"icclaw: {exc}"
    first_line = str(exc).splitlines()[0] if str(exc) else "invalid record data"
    headline = re.sub(r"\s*\(\d+ problems?\):?$", "", first_line)
    shown = None if where is None else clip(where, 100)
    place = ""
    if shown and shown not in headline and shown not in str(exc.problems[0]):
        place = f" in {shown}"
    count = len(exc.problems)
    first = clip(str(exc.problems[0]), QUOTED)  # room left for the hint
    if count == 1:
        return f"icclaw: {headline}{place}: {first}"
    return (
        f"icclaw: {headline}{place}: {count} problems; first: {first}; run with --verbose for all"
    )


def _message(exc: BaseException) -> str:
    """The message for a bad-input error; its line breaks are escaped when it is written."""
    if isinstance(exc, icclaw.UnknownTreaty) and exc.suggestion is None:
        return f"icclaw: {_q(exc.query)}: unknown treaty; icclaw --help lists the treaty slugs"
    if isinstance(exc, OSError) and exc.filename is not None:
        text = f"{clip(os.fsdecode(exc.filename), QUOTED)}: {exc.strerror or type(exc).__name__}"
    else:
        text = str(exc) or type(exc).__name__
    return f"icclaw: {text}"  # one message: any line break in it came from the input


# --- reading the options -----------------------------------------------------------------------

_EMPTY_HINTS = {
    "state": "give a state's code, name or alias, e.g. RUS",
    "treaty": "give a treaty slug, e.g. rome-statute (icclaw --help lists them)",
    "file": "give a situation file (.toml or .json)",
    "data": "give a record folder, or omit --data for the embedded record",
    "territory": "give STATE[,STATE], or omit --territory if it is unknown",
    "nationality": "give STATE[,STATE], --stateless for none, or omit it if unknown",
    "aggressor": "give a state code, e.g. RUS",
    "provision": "give an art. 8 paragraph such as 8(2)(e)(xiii), or omit it",
    "area": "give a named area, e.g. darfur, or omit it",
    "security_council": "give a resolution number or draft symbol, e.g. 1593",
    "state_referral": "write STATE[,STATE]:DATE, e.g. LTU:2022-03-01",
    "events": "give an events table (.csv, .parquet, .json or .jsonl)",
    "output": "give a file to write (.csv, .parquet or .json), or omit -o for CSV on standard output",
    "codes": "give a scheme: iso3, iso-numeric, cow, cow-letters, gw, ucdp, acled or name",
    "states": "give STATE[,STATE], or omit --states for every state",
    "explain": "give a row number, counted from 0",
}


_POSITIONAL = {"state": "the state", "treaty": "the treaty", "file": "the situation file's name"}


def _label(dest: str) -> str:
    return _POSITIONAL.get(dest) or "--" + dest.replace("_", "-")


def _day(value: str, option: str) -> Date:
    """Read a date given on the command line; refuse it in one line naming ``option``."""
    text = value.strip()
    if not _ISO_DAY.fullmatch(text):
        raise InvalidInput(
            f"{option} {_q(value)} is not a date; write it as YYYY-MM-DD, e.g. 2016-12-01"
        )
    try:
        dt.date.fromisoformat(text)
    except ValueError as exc:
        raise InvalidInput(
            f"{option} {_q(value)} is not a real calendar day ({exc}); "
            "write it as YYYY-MM-DD, e.g. 2016-12-01"
        ) from None
    return to_date(text, field=option)


def _read_options(args: argparse.Namespace) -> None:
    """Check every value given and convert dates and ages in place; raise InvalidInput."""
    for dest, hint in _EMPTY_HINTS.items():
        value = getattr(args, dest, None)
        if isinstance(value, str) and not value.strip():
            raise InvalidInput(f"{_label(dest)} is an empty string; {hint}")
    for dest in ("on", "known_on", "date", "until"):
        value = getattr(args, dest, None)
        if value is not None:
            setattr(args, dest, _day(value, _label(dest)))
    if getattr(args, "proprio_motu", None) is not None and args.proprio_motu is not _UNDATED:
        args.proprio_motu = _day(args.proprio_motu, "--proprio-motu")
    if getattr(args, "age", None) is not None:
        text = args.age.strip()
        if not _AGE.fullmatch(text) or int(text) > _MAX_AGE:
            raise InvalidInput(
                f"--age {_q(args.age)}: write the accused's age in whole years, 0 to {_MAX_AGE}"
            )
        args.age = int(text)
    _check_policy(getattr(args, "policy", []))


def _check_policy(pairs: Sequence[str]) -> None:
    """Refuse a malformed, unknown or contradictory ``--policy`` in one line."""
    fields = _readings()
    chosen: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise InvalidInput(
                f"--policy {_q(pair)}: write NAME=VALUE, e.g. intent_date=public-act "
                "(icclaw --help lists the policies)"
            )
        key = name.strip().replace("-", "_")
        if key not in fields:
            raise InvalidInput(
                f"--policy {_q(pair)}: {_q(name.strip())} is not a policy; "
                f"the policies are {', '.join(fields)}"
            )
        reading = value.strip().lower().replace("_", "-")
        readings = fields[key]
        if reading not in readings:
            raise InvalidInput(
                f"--policy {_q(pair)}: {_q(value.strip())} is not a reading of {key}; "
                f"choose {' or '.join(readings)}"
            )
        if chosen.get(key, reading) != reading:
            raise InvalidInput(
                f"--policy {key} given twice, as {chosen[key]} and {reading}; give it once"
            )
        chosen[key] = reading


def _codes(text: str | None, option: str) -> tuple[str, ...] | None:
    """The states in ``STATE[,STATE]``; an empty item is refused, not skipped."""
    if text is None:
        return None
    codes = tuple(c.strip() for c in text.split(","))
    if not all(codes):
        raise InvalidInput(
            f"{option} {_q(text)}: a state is missing between commas; write STATE[,STATE], e.g. GEO,RUS"
        )
    return codes


# --- the commands --------------------------------------------------------------------------------


def _status(record: Record, args: argparse.Namespace, policy: Policy) -> str:
    finding = record.explain_status(
        args.state, args.treaty, args.on, known_on=args.known_on, policy=policy
    )
    return finding.to_json(indent=2) if args.json else finding.explain()


def _action_dict(action: Action) -> dict[str, Any]:
    return {
        "treaty": action.treaty,
        "kind": action.kind.value,
        "date": action.date.isoformat(),
        "effective": action.effective.isoformat() if action.effective else None,
        "source": action.source.to_dict(),
        "note": action.note,
    }


def _timeline(record: Record, args: argparse.Namespace, _policy: Policy) -> str:
    state = record.state(args.state)
    actions = record.timeline(state, known_on=args.known_on)
    known = None if args.known_on is None else args.known_on.isoformat()
    if args.json:
        return json.dumps(
            {
                "state": state.code,
                "known_on": known,
                "actions": [_action_dict(a) for a in actions],
            },
            indent=2,
            ensure_ascii=False,
        )
    as_known = f" as it stood on {known}" if known else ""
    lines = [
        f"{state.name} ({state.code}): {len(actions)} act{'s' if len(actions) != 1 else ''} in the record{as_known}"
    ]
    for a in actions:
        effective = f" (effective {a.effective})" if a.effective else ""
        lines.append(
            f"  {a.date}  {record.treaty(a.treaty).short_title}: {a.kind.value}{effective}"
        )
        lines.append(f"              source: {a.source}")
    return "\n".join(lines)


def _parties(record: Record, args: argparse.Namespace, policy: Policy) -> str:
    treaty = record.treaty(args.treaty)
    on = args.on or record.as_of
    states = record.parties(treaty, on, known_on=args.known_on, policy=policy)
    open_ = record.undetermined_parties(treaty, on, known_on=args.known_on, policy=policy)
    if args.json:
        return json.dumps(
            {
                "treaty": treaty.slug,
                "on": on.isoformat(),
                "count": len(states),
                "parties": [s.code for s in states],
                "undetermined": [s.code for s in open_],
                "as_of": record.as_of.isoformat(),
                "digest": record.digest,
            },
            indent=2,
        )
    head = f"{len(states)} states bound by the {treaty.short_title} on {on}"
    if open_:
        head += f"; {len(open_)} undetermined: {', '.join(s.code for s in open_)}"
    lines = [head + ":"]
    lines.extend(f"  {s.code}  {s.name}" for s in states)
    if open_:
        lines.append(
            "undetermined (the record does not decide them; icclaw status STATE TREATY says why):"
        )
        lines.extend(f"  {s.code}  {s.name}" for s in open_)
    return "\n".join(lines)


def _coverage(record: Record, args: argparse.Namespace, _policy: Policy) -> str:
    from icclaw.coverage import coverage_markdown  # noqa: PLC0415

    rows = record.coverage()
    if args.markdown:
        return coverage_markdown(rows, as_of=record.as_of, digest=record.digest).rstrip("\n")
    if args.json:
        return json.dumps(
            {
                "as_of": record.as_of.isoformat(),
                "digest": record.digest,
                "treaties": [
                    {
                        "treaty": r.treaty,
                        "day": r.day.isoformat(),
                        "recorded": r.recorded,
                        "published": r.published,
                        "published_source": r.published_source,
                        "bound": r.bound,
                        "undetermined": r.undetermined,
                        "complete_until": r.complete_until.isoformat(),
                        "acts": {
                            "official": r.official,
                            "published_list": r.listed,
                            "secondary": r.secondary,
                            "assumed": r.assumed,
                        },
                    }
                    for r in rows
                ],
            },
            indent=2,
            ensure_ascii=False,
        )
    if not rows:
        return "the record holds no treaty"
    width = max(len(r.treaty) for r in rows)
    lines = [
        f"{'treaty':<{width}}  recorded/published  on          complete to  acts: official  list  secondary"
    ]
    for r in rows:
        pub = "-" if r.published is None else str(r.published)
        counted = f"{r.recorded}/{pub}"
        lines.append(
            f"{r.treaty:<{width}}  {counted:<18}  {r.day}  {r.complete_until}  "
            f"{r.official:>14}  {r.listed:>4}  {r.secondary:>9}"
        )
    return "\n".join(lines)


def _trigger(args: argparse.Namespace) -> Trigger:
    if args.state_referral is not None:
        by, sep, day = args.state_referral.rpartition(":")
        if not sep or not by.strip():
            raise InvalidInput(
                f"--state-referral {_q(args.state_referral)}: write STATE[,STATE]:DATE, e.g. LTU:2022-03-01"
            )
        return StateReferral(
            by=_codes(by, "--state-referral"), on=_day(day, "--state-referral's date")
        )
    if args.security_council is not None:
        return SecurityCouncilReferral(args.security_council)
    return ProprioMotu(authorised_on=None if args.proprio_motu is _UNDATED else args.proprio_motu)


def _jurisdiction(record: Record, args: argparse.Namespace, policy: Policy) -> str:
    nationality = () if args.stateless else _codes(args.nationality, "--nationality")
    territory = _codes(args.territory, "--territory")
    states = [
        *(territory or ()),
        *(nationality or ()),
        *((args.aggressor,) if args.aggressor else ()),
    ]
    codes = {c: record.state(c).code for c in states}  # names and aliases become codes
    event = Event(
        crime=args.crime,
        date=args.date,
        until=args.until,
        territory=tuple(codes[c] for c in territory) if territory is not None else None,
        nationality=tuple(codes[c] for c in nationality) if nationality is not None else None,
        age=args.age,
        provision=args.provision,
        aggressor=codes[args.aggressor] if args.aggressor else None,
        area=args.area,
    )
    trigger = _trigger(args)
    finding = record.jurisdiction(event, trigger, args.on, policy, known_on=args.known_on)
    return finding.to_json(indent=2) if args.json else finding.explain()


def _cooperation(record: Record, args: argparse.Namespace, policy: Policy) -> str:
    finding = record.cooperation_duty(args.state, args.on, known_on=args.known_on, policy=policy)
    return finding.to_json(indent=2) if args.json else finding.explain()


def _classify(record: Record, args: argparse.Namespace, policy: Policy) -> str:
    situation = icclaw.load_situation(args.file)
    if args.territory is not None:
        finding = record.occupied(situation, args.territory, args.on, policy=policy)
        return finding.to_json(indent=2) if args.json else finding.explain()
    conflicts = record.classify(situation, args.on, policy=policy)
    laws = [record.applicable_law(c, policy=policy) for c in conflicts]
    if args.json:
        return json.dumps(
            {
                "situation": situation.name,
                "on": str(conflicts[0].on) if conflicts else str(args.on or record.as_of),
                "conflicts": [
                    {
                        "parties": list(c.parties),
                        "kind": c.kind.value if c.kind else None,
                        "territory": c.territory,
                        "place": c.place,
                        "via": c.via,
                        "ap_ii": c.ap_ii,
                        "classification": c.finding.to_dict(),
                        "applicable_law": law.to_dict(),
                    }
                    for c, law in zip(conflicts, laws, strict=True)
                ],
            },
            indent=2,
            ensure_ascii=False,
        )
    if not conflicts:
        return f"{situation.name}: no hostilities or occupation active on the day asked"
    blocks = [
        f"{situation.name}: {len(conflicts)} relationship{'s' if len(conflicts) != 1 else ''}"
    ]
    for c, law in zip(conflicts, laws, strict=True):
        blocks.append(f"== {c}\n{c.finding.explain()}\n{law.explain()}")
    return "\n\n".join(blocks)


def _record(args: argparse.Namespace) -> str:
    """``icclaw record check PATH`` and ``icclaw record seal PATH``."""
    from icclaw.data.loader import check_folder, seal_folder  # noqa: PLC0415

    if not args.path:
        raise InvalidInput("record: PATH is empty; give the record folder (holding record.toml)")
    if args.action == "seal":
        sealed = seal_folder(args.path)
        return f"sealed {len(sealed)} files in {clip(args.path)}/record.toml"
    record = check_folder(args.path)
    facts = {
        "states": len(record.states),
        "treaties": len(record.treaties),
        "acts": len(record.actions),
        "declarations": len(record.declarations) + len(record.ihl_declarations),
        "council texts": len(record.resolutions),
        "situations": len(record.situations),
    }
    if getattr(args, "json", False):
        return json.dumps(
            {
                "path": args.path,
                "valid": True,
                "as_of": record.as_of.isoformat(),
                "digest": record.digest,
                **{k.replace(" ", "_"): v for k, v in facts.items()},
            },
            indent=2,
            ensure_ascii=False,
        )
    counts = ", ".join(f"{v} {k}" for k, v in facts.items())
    return (
        f"{clip(args.path)}: a valid, sealed record as of {record.as_of}: {counts}; "
        f"digest {record.digest[:12]}"
    )


def _sample(text: str) -> int:
    """``--sample``: a whole number, 0 or more."""
    if not text.isdigit() or len(text) > 6:
        raise argparse.ArgumentTypeError(
            f"{text[:40]!r} is not a whole number of answers (0 to 999999)"
        )
    return int(text)


def _plot(record: Record, args: argparse.Namespace, _policy: Policy) -> str:
    """``icclaw plot parties TREATY`` and ``icclaw plot timeline STATE``."""
    from icclaw import plots  # noqa: PLC0415  (matplotlib only when plotting)

    if args.what == "parties":
        slug = record.treaty(args.subject).slug
        figure, name = plots.parties_figure(record, slug), slug
    else:
        code = record.state(args.subject).code
        figure, name = plots.timeline_figure(record, code), code
    path = plots.save(figure, args.output or f"{args.what}-{name}.png")
    return f"wrote {clip(str(path))}"


def _diff(record: Record, args: argparse.Namespace, _policy: Policy) -> str:
    """``icclaw diff OLD [NEW]``."""
    old = icclaw.load(args.old)
    new = icclaw.load(args.new) if args.new is not None else record
    changes = icclaw.diff(old, new, sample=args.sample)
    if args.json:
        return json.dumps(changes.to_dict(), indent=2, ensure_ascii=False)
    return changes.explain()


def _situations(_record: Record, args: argparse.Namespace, _policy: Policy) -> str:
    from icclaw import catalogue  # noqa: PLC0415

    listed = [(name, icclaw.load_situation(name).name) for name in catalogue.names()]
    if args.json:
        return json.dumps(
            [{"name": n, "title": t} for n, t in listed], indent=2, ensure_ascii=False
        )
    width = max((len(n) for n, _ in listed), default=0)
    return "\n".join(f"{n:<{width}}  {t}" for n, t in listed) or "(the catalogue is empty)"


_TABLE_FORMATS = (".csv", ".parquet", ".json", ".jsonl")


def _year_or_day(value: str, option: str, *, end: bool) -> Date:
    """A day, or a year alone: its first day (``--from``) or its last (``--to``)."""
    text = value.strip()
    if re.fullmatch(r"\d{4}", text):
        return to_date(f"{text}-12-31" if end else f"{text}-01-01", field=option)
    return _day(value, option)


def _format_of(path: str, option: str) -> str:
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in _TABLE_FORMATS:
        raise InvalidInput(
            f"{option} {_q(path)}: name a file ending in {', '.join(_TABLE_FORMATS)}"
        )
    return suffix


def _write_table(frame: Any, path: str | None) -> str | None:
    """Write a pandas table to ``path`` by its extension, or return it as CSV text."""
    if path is None:
        return str(frame.to_csv(index=False)).rstrip("\n")
    suffix = _format_of(path, "--output")
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    elif suffix == ".parquet":
        from icclaw.tables import require  # noqa: PLC0415

        require("pyarrow", "writing Parquet")
        frame.to_parquet(path, index=False)
    else:
        frame.to_json(path, orient="records", date_format="iso", lines=suffix == ".jsonl")
    return f"wrote {len(frame):,} rows to {clip(path)}"


def _read_table(path: str) -> Any:
    """Read an events table as text cells (no type guessing): dates and codes stay as written."""
    from icclaw.tables import require  # noqa: PLC0415

    pd = require("pandas", "icclaw screen")
    suffix = _format_of(path, "EVENTS")
    if not os.path.isfile(path):
        raise InvalidInput(f"{_q(path)}: no such file")
    try:
        if suffix == ".csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
        elif suffix == ".parquet":
            require("pyarrow", "reading Parquet")
            frame = pd.read_parquet(path)
        else:
            frame = pd.read_json(path, orient="records", lines=suffix == ".jsonl", dtype=False)
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        raise InvalidInput(f"{_q(path)} cannot be read as a table: {_one_line(str(exc))}") from None
    return frame.astype(object).where(frame.notna(), None)


def _typed(frame: Any) -> Any:
    """The table as the screen reads it: ages as whole numbers (the rest as written)."""
    if "age" not in frame.columns:
        return frame
    from icclaw.tables import require  # noqa: PLC0415

    pd = require("pandas", "icclaw screen")
    typed = frame.copy()
    ages = [_age_cell(v, i) for i, v in enumerate(frame["age"].tolist())]
    typed["age"] = pd.array(ages, dtype="Int64")
    return typed


def _age_cell(value: object, row: int) -> object:
    if isinstance(value, str):
        if not _AGE.fullmatch(value.strip()):
            raise InvalidInput(f"row {row}, age: {_q(value)} is not an age in whole years")
        return int(value)
    return value


def _panel(record: Record, args: argparse.Namespace, policy: Policy) -> str | None:
    start = _year_or_day(args.start, "--from", end=False)
    end = _year_or_day(args.end, "--to", end=True)
    if args.output is not None:
        _format_of(args.output, "--output")
    states = _codes(args.states, "--states")
    frame = record.panel(
        args.treaties,
        start=start,
        end=end,
        freq=args.freq,
        states=states,
        codes=args.codes,
        known_on=args.known_on,
        policy=policy,
    )
    return _write_table(frame, args.output)


def _screen(record: Record, args: argparse.Namespace, policy: Policy) -> str | None:
    if args.json and args.explain is None:
        raise InvalidInput(
            "--json goes with --explain ROW; the table's format is the --output file's"
        )
    if args.output is not None:
        _format_of(args.output, "--output")
    text_frame = _read_table(args.events)
    frame = _typed(text_frame)
    if args.explain is not None:
        text = args.explain.strip()
        if not text.isdigit() or int(text) >= len(frame):
            raise InvalidInput(
                f"--explain {_q(args.explain)}: give a row number from 0 to {len(frame) - 1}"
            )
        finding = record.explain_row(
            frame, int(text), on=args.on, known_on=args.known_on, policy=policy, codes=args.codes
        )
        return finding.to_json(indent=2) if args.json else finding.explain()
    show = not args.quiet and len(frame) >= _PROGRESS_FROM and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            _write(sys.stderr, f"\ricclaw: screened {done:,} of {total:,} rows")
            if done >= total:
                _write(sys.stderr, "\n")
            sys.stderr.flush()

    out = record.screen(
        frame,
        on=args.on,
        known_on=args.known_on,
        policy=policy,
        codes=args.codes,
        progress=progress,
    )
    return _write_table(out, args.output)


_PROGRESS_FROM = 100_000
"""A table of at least this many rows shows its progress on a terminal."""


_COMMANDS = {
    "status": _status,
    "timeline": _timeline,
    "parties": _parties,
    "jurisdiction": _jurisdiction,
    "cooperation": _cooperation,
    "classify": _classify,
    "coverage": _coverage,
    "panel": _panel,
    "screen": _screen,
    "situations": _situations,
    "diff": _diff,
    "plot": _plot,
}
