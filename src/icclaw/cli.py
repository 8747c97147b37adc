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
from icclaw import (
    Crime,
    Event,
    IcclawError,
    Policy,
    ProprioMotu,
    SecurityCouncilReferral,
    StateReferral,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from icclaw import Action, Record
    from icclaw.icc.facts import Trigger

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
    p = sub.add_parser(
        "jurisdiction",
        parents=[common],
        help="may the International Criminal Court exercise jurisdiction over an event?",
    )
    p.add_argument("--crime", required=True, choices=[c.value for c in Crime])
    p.add_argument(
        "--date", required=True, metavar="DATE", help="the day the conduct took place or began"
    )
    p.add_argument("--until", metavar="DATE", help="the last day of conduct over a period")
    p.add_argument(
        "--territory",
        metavar="STATE[,STATE]",
        help="where the conduct or an element of it took place",
    )
    nat = p.add_mutually_exclusive_group()
    nat.add_argument(
        "--nationality", metavar="STATE[,STATE]", help="the accused's nationalities (omit: unknown)"
    )
    nat.add_argument("--stateless", action="store_true", help="the accused has no nationality")
    p.add_argument(
        "--age", type=int, help="the accused's age at the time (omit: art. 26 not assessed)"
    )
    p.add_argument("--provision", help="the art. 8 paragraph charged, e.g. 8(2)(e)(xiii)")
    p.add_argument(
        "--aggressor", metavar="STATE", help="for aggression: the state whose act is alleged"
    )
    p.add_argument("--area", help="a named area, e.g. darfur")
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
        const="",
        help="the Prosecutor's own initiative, with the day of the Pre-Trial Chamber's authorisation if given",
    )
    p = sub.add_parser(
        "classify",
        parents=[common],
        help="classify the armed conflicts in a situation file, and the law that applies",
    )
    p.add_argument("file", help="a situation file (.toml or .json)")
    p = sub.add_parser(
        "cooperation", parents=[common], help="must a state cooperate with the Court on a day?"
    )
    p.add_argument("state", help="code, name or alias")
    p = sub.add_parser(
        "coverage",
        parents=[common],
        help="how complete the record is, treaty by treaty, against the published counts",
    )
    p.add_argument(
        "--markdown", action="store_true", help="print the Markdown page of the documentation"
    )
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
    except (IcclawError, FileNotFoundError, IsADirectoryError) as exc:
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
    open_ = record.undetermined_parties(treaty, on, known_on=args.known_on, policy=policy)
    if args.json:
        return json.dumps(
            {
                "treaty": treaty.slug,
                "on": str(on),
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


def _codes(text: str | None) -> tuple[str, ...] | None:
    return None if text is None else tuple(c.strip() for c in text.split(",") if c.strip())


def _trigger(args: argparse.Namespace) -> Trigger:
    if args.state_referral is not None:
        by, sep, day = args.state_referral.rpartition(":")
        if not sep or not by:
            raise InvalidInput(
                f"--state-referral {args.state_referral!r}: write STATE[,STATE]:DATE, e.g. LTU:2022-03-01"
            )
        return StateReferral(by=_codes(by), on=day)
    if args.security_council is not None:
        return SecurityCouncilReferral(args.security_council)
    return ProprioMotu(authorised_on=args.proprio_motu or None)


def _jurisdiction(record: Record, args: argparse.Namespace, policy: Policy) -> str:
    try:
        nationality = () if args.stateless else _codes(args.nationality)
        territory = _codes(args.territory)
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
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None
    finding = record.jurisdiction(event, trigger, args.on, policy, known_on=args.known_on)
    return finding.to_json(indent=2) if args.json else finding.explain()


def _cooperation(record: Record, args: argparse.Namespace, policy: Policy) -> str:
    finding = record.cooperation_duty(args.state, args.on, known_on=args.known_on, policy=policy)
    return finding.to_json(indent=2) if args.json else finding.explain()


def _classify(record: Record, args: argparse.Namespace, policy: Policy) -> str:
    situation = icclaw.load_situation(args.file)
    conflicts = record.classify(situation, args.on, policy=policy)
    laws = [record.applicable_law(c, policy=policy) for c in conflicts]
    if args.json:
        return json.dumps(
            {
                "situation": situation.name,
                "on": str(conflicts[0].on) if conflicts else args.on,
                "conflicts": [
                    {
                        "parties": list(c.parties),
                        "kind": c.kind.value if c.kind else None,
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


class InvalidInput(IcclawError, ValueError):
    """A command-line value icclaw cannot read."""


_COMMANDS = {
    "status": _status,
    "timeline": _timeline,
    "parties": _parties,
    "jurisdiction": _jurisdiction,
    "cooperation": _cooperation,
    "classify": _classify,
    "coverage": _coverage,
}
