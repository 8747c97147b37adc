"""The ``icclaw`` command: ask the record from a shell.

Every command prints the explanation, or ``--json``; every command takes ``--on``,
``--known-on``, ``--policy NAME=VALUE`` and ``--data FOLDER`` (a record of your own).
Bad input gets one clear line on standard error and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

import icclaw
from icclaw import IcclawError, Policy

if TYPE_CHECKING:
    from collections.abc import Sequence

    from icclaw import Action, Record

__all__ = ["main"]

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(
            EXIT_BAD_INPUT, f"icclaw: {message} (see icclaw {self.prog.split()[-1]} --help)\n"
        )


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--on",
        metavar="DATE",
        help="the day the question is about (default: the record's as-of date)",
    )
    common.add_argument("--known-on", metavar="DATE", help="answer as the record stood on this day")
    common.add_argument(
        "--policy",
        metavar="NAME=VALUE",
        action="append",
        default=[],
        help="a reading of contested law, e.g. intent_date=public-act (repeatable)",
    )
    common.add_argument("--json", action="store_true", help="print JSON instead of text")
    common.add_argument(
        "--data", metavar="FOLDER", help="use a record folder instead of the embedded record"
    )

    parser = _Parser(
        prog="icclaw", description="International law made computable: ask the record."
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser(
        "status", parents=[common], help="where a state stands with a treaty on a day, and why"
    )
    p.add_argument("state", help="code, name or alias, e.g. RUS or Russia")
    p.add_argument("treaty", help="treaty slug, e.g. rome-statute")
    p = sub.add_parser(
        "timeline", parents=[common], help="every act of a state, on every treaty, in date order"
    )
    p.add_argument("state", help="code, name or alias")
    p = sub.add_parser("parties", parents=[common], help="the states bound by a treaty on a day")
    p.add_argument("treaty", help="treaty slug, e.g. rome-statute")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # usage errors (exit 2) and --help (exit 0) end here
        return int(exc.code or 0)
    try:
        record = icclaw.load(args.data)
        policy = Policy.from_pairs(args.policy)
        out = _COMMANDS[args.command](record, args, policy)
    except (IcclawError, FileNotFoundError) as exc:
        first, *_rest = str(exc).splitlines() or [""]
        message = str(exc) if isinstance(exc, icclaw.DataError) else first
        print(f"icclaw: {message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(out)
    return 0


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
    if args.json:
        return json.dumps(
            {"state": state.code, "actions": [_action_dict(a) for a in actions]},
            indent=2,
            ensure_ascii=False,
        )
    lines = [
        f"{state.name} ({state.code}): {len(actions)} act{'s' if len(actions) != 1 else ''} in the record"
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
    on = args.on or record.as_of.isoformat()
    states = record.parties(treaty, on, known_on=args.known_on, policy=policy)
    if args.json:
        return json.dumps(
            {
                "treaty": treaty.slug,
                "on": str(on),
                "count": len(states),
                "parties": [s.code for s in states],
            },
            indent=2,
        )
    lines = [f"{len(states)} states bound by the {treaty.short_title} on {on}:"]
    lines.extend(f"  {s.code}  {s.name}" for s in states)
    return "\n".join(lines)


_COMMANDS = {"status": _status, "timeline": _timeline, "parties": _parties}
