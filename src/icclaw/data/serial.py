"""The file format of the record (schema 1): facts to plain TOML-ready values and back.

Reading collects every problem it finds (file, entry, what is wrong, what would be right)
instead of stopping at the first; the loader raises them together as one
:class:`~icclaw.errors.DataError`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from icclaw.errors import Problem
from icclaw.findings import Source, SourceKind
from icclaw.states import State, StateCategory
from icclaw.treaties import (
    Action,
    ActionKind,
    AfterDays,
    AfterMonths,
    Alternative,
    ConsentRule,
    FirstOfMonthAfterDays,
    FirstOfNthMonthAfter,
    GeneralEntry,
    OnDeposit,
    Published,
    Requires,
    Treaty,
    TreatyGroup,
    WithdrawalAfterNotice,
    WithGeneralEntry,
)

__all__ = [
    "RECORD_TYPES",
    "SCHEMA",
    "Reader",
    "action_out",
    "fact_out",
    "kind_of",
    "lists_out",
    "read_fact",
    "source_out",
    "state_out",
    "treaty_out",
    "type_problem",
]

SCHEMA = 1
"""The schema version this code reads and writes."""

_RULES: dict[str, tuple[type, tuple[str, ...]]] = {
    "first-of-month-after-days": (FirstOfMonthAfterDays, ("days",)),
    "after-months": (AfterMonths, ("months",)),
    "after-days": (AfterDays, ("days",)),
    "first-of-nth-month-after": (FirstOfNthMonthAfter, ("months",)),
    "on-deposit": (OnDeposit, ()),
    "with-general-entry": (WithGeneralEntry, ()),
}
"""The kinds of consent rule a file may name: kind → (class, its number fields)."""

_ACT_KINDS = frozenset(k.value for k in ActionKind)

_BAD = object()
"""A value already reported as a problem."""


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _short(value: object, limit: int = 80) -> str:
    """A value for a message, cut to ``limit`` characters: user input is never echoed whole."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


_T = TypeVar("_T")

RECORD_TYPES: Mapping[str, str] = {
    **dict.fromkeys(
        [
            "title",
            "short_title",
            "depositary",
            "article",
            "slug",
            "kind",
            "state",
            "code",
            "name",
            "category",
            "continuator",
            "note",
            "url",
            "reference",
            "consequences",
            "consequences_article",
            "conflict",
            "conflict_article",
            "group",
            "niac_scope",
            "niac_via",
            "treaty",
            "against",
            "authority",
            "scope",
            "number",
            "symbol",
            "situation",
            "area",
            "security_council",
        ],
        "string",
    ),
    **dict.fromkeys(
        [
            "reservations",
            "open_for_signature",
            "partial",
            "signatures_complete",
            "historical_complete",
            "accepted",
            "given_effect",
            "chapter_vii",
            "personnel_only",
            "excludes_non_party_contributors",
        ],
        "boolean",
    ),
    **dict.fromkeys(["years", "months", "days", "count", "total", "schema"], "integer"),
    **dict.fromkeys(
        ["aliases", "including", "yes", "no", "abstain", "territory", "cooperation", "referred_by"],
        "array of strings",
    ),
    "alternatives": "array of tables",
    **dict.fromkeys(
        [
            "consent_rule",
            "withdrawal_rule",
            "general_entry",
            "requires",
            "published",
            "clauses",
            "dates",
            "sources",
        ],
        "table",
    ),
    **dict.fromkeys(("source", "announced_source", "effective_source"), "source"),
}
"""The type of every key of the record format (schema 1), by key: each key means one thing.

Dates are not here: :meth:`Reader.date` reads each date key with its own message."""


def type_problem(value: object, expected: str) -> str | None:
    """What is wrong with ``value`` for a key of type ``expected`` (see :data:`RECORD_TYPES`).

    ``None`` if nothing: a string is a string, a boolean a TOML boolean (never a number or a
    string), an integer a TOML integer (never a boolean or a float), a date a bare TOML date.
    """
    ok = {
        "string": lambda v: isinstance(v, str),
        "boolean": lambda v: isinstance(v, bool),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "date": lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime),
        "array of strings": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
        "array of tables": lambda v: isinstance(v, list) and all(isinstance(x, Mapping) for x in v),
        "table": lambda v: isinstance(v, Mapping),
        "source": lambda v: isinstance(v, (str, Mapping)),
    }[expected](value)
    if ok:
        return None
    hint = {
        "boolean": "true or false (a TOML boolean)",
        "date": "a bare TOML date such as 2002-07-01",
        "source": "a named source key or an inline source table",
        "integer": "a whole number (a TOML integer)",
        "table": "a table",
        "string": "a string",
    }.get(expected, expected)
    if expected == "array of strings":
        hint = 'an array of strings, e.g. ["RUS", "UKR"]'
    elif expected == "array of tables":
        hint = "an array of tables ([[...]] or [{...}])"
    return f"must be {hint}, not {kind_of(value)} {_short(value, 60)}"


def kind_of(value: object) -> str:
    """The TOML kind of ``value`` for a message: "a string", "an integer", "a table", ..."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, dt.datetime):
        return "a date-time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, list):
        return "an array"
    return "a table"


class Reader:
    """Reads raw TOML tables into facts, collecting problems.

    Attributes:
        file: The file being read, for problem reports.
        problems: Every problem found so far.
        sources: The named sources of the file (``[sources.KEY]``).
    """

    def __init__(self, file: str, types: Mapping[str, str] | None = None) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.sources: dict[str, Source] = {}
        self.used: set[str] = set()
        self.types: Mapping[str, str] = types or {}

    def problem(self, entry: str, message: str) -> None:
        """Record a problem with ``entry``."""
        self.problems.append(Problem(self.file, entry, message))

    # --- fields ---------------------------------------------------------------------------

    def fields(
        self, raw: Mapping[str, Any], entry: str, required: Iterable[str], optional: Iterable[str]
    ) -> bool:
        """Check that ``raw`` has every required key and no unknown one."""
        required, optional = tuple(required), tuple(optional)
        ok = True
        for key in required:
            if key not in raw:
                self.problem(entry, f"missing field '{key}'")
                ok = False
        for key in raw:
            if key not in required and key not in optional:
                close = difflib.get_close_matches(key, [*required, *optional], n=1)
                hint = (
                    f"; did you mean '{close[0]}'?"
                    if close
                    else f"; allowed: {', '.join((*required, *optional))}"
                )
                self.problem(entry, f"unknown field {_short(key)}{hint}")
                ok = False
            elif key in self.types:
                wrong = type_problem(raw[key], self.types[key])
                if wrong is not None:
                    self.problem(entry, f"'{key}' {wrong}")
                    ok = False
        return ok

    def date(self, raw: Mapping[str, Any], key: str, entry: str) -> dt.date | None:
        """Read a TOML date (not a string, not a datetime)."""
        value = raw.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            self.problem(
                entry,
                f"'{key}' = {value} carries a time of day; write a bare date such as {value.date()}",
            )
            return None
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            self.problem(
                entry,
                f"'{key}' = {value!r} is a string; write the date bare, e.g. {key} = 2002-07-01",
            )
            return None
        self.problem(
            entry, f"'{key}' must be a date such as 2002-07-01, not {type(value).__name__}"
        )
        return None

    def text(self, raw: Mapping[str, Any], key: str, entry: str) -> str | None:
        """Read a non-empty string."""
        value = raw.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(entry, f"'{key}' must be a non-empty string")
            return None
        return value

    def build(self, entry: str, make: Callable[[], _T]) -> _T | None:
        """Construct a fact, turning a validator's complaint into a problem."""
        try:
            return make()
        except (ValueError, TypeError) as exc:
            self.problem(entry, str(exc))
            return None

    # --- sources --------------------------------------------------------------------------

    def named_sources(self, raw: Any) -> None:
        """Read the file's ``[sources.KEY]`` tables."""
        if raw is None:
            return
        if not isinstance(raw, Mapping):
            self.problem("sources", "must be a table of named sources: [sources.KEY]")
            return
        for key, table in raw.items():
            source = self.source_table(table, f"source '{key}'", key=key)
            if source is not None:
                self.sources[key] = source

    def source_table(self, raw: Any, entry: str, key: str | None = None) -> Source | None:
        """Read one source table."""
        if not isinstance(raw, Mapping):
            self.problem(
                entry, "a source must be a table with kind and title (and url, reference, date)"
            )
            return None
        if not self.fields(raw, entry, ("kind", "title"), ("url", "reference", "date")):
            return None
        kind = raw["kind"]
        if not isinstance(kind, str) or kind not in {k.value for k in SourceKind}:
            self.problem(
                entry,
                f"source kind {_short(kind)} is not one of {', '.join(k.value for k in SourceKind)}",
            )
            return None
        return self.build(
            entry,
            lambda: Source(
                kind=kind,
                title=raw["title"],
                url=self.text(raw, "url", entry),
                reference=self.text(raw, "reference", entry),
                date=self.date(raw, "date", entry),
                key=key,
            ),
        )

    def source(self, raw: Any, entry: str, field: str = "source") -> Source | None:
        """Read a ``source`` field: the key of a named source, or an inline table."""
        if raw is None:
            self.problem(
                entry,
                f"missing '{field}': every fact needs a source (a named source key or an inline table)",
            )
            return None
        if isinstance(raw, str):
            if raw not in self.sources:
                close = difflib.get_close_matches(raw, list(self.sources), n=1)
                hint = (
                    f"; did you mean '{close[0]}'?"
                    if close
                    else f"; declare it as [sources.{_clip(raw, 60)}]"
                )
                self.problem(entry, f"unknown source {_short(raw)}{hint}")
                return None
            self.used.add(raw)
            return self.sources[raw]
        return self.source_table(raw, f"{entry} {field}")

    # --- facts ----------------------------------------------------------------------------

    def state(self, raw: Any, index: int) -> State | None:
        """Read one ``[[state]]`` entry."""
        entry = f"state {index + 1}"
        if isinstance(raw, Mapping) and isinstance(raw.get("code"), str):
            entry += f" ({raw['code']})"
        if not isinstance(raw, Mapping):
            self.problem(entry, "must be a table")
            return None
        if not self.fields(
            raw,
            entry,
            ("code", "name", "category", "source"),
            ("aliases", "ended", "continuator", "note"),
        ):
            return None
        aliases = raw.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            self.problem(entry, "'aliases' must be a list of strings")
            return None
        if raw["category"] not in {c.value for c in StateCategory}:
            self.problem(
                entry,
                f"category {raw['category']!r} is not one of {', '.join(c.value for c in StateCategory)}",
            )
            return None
        source = self.source(raw.get("source"), entry)
        ended = self.date(raw, "ended", entry)
        if source is None:
            return None
        return self.build(
            entry,
            lambda: State(
                code=raw["code"],
                name=raw["name"],
                aliases=tuple(aliases),
                category=raw["category"],
                ended=ended,
                continuator=raw.get("continuator"),
                source=source,
                note=self.text(raw, "note", entry),
            ),
        )

    def treaty(self, raw: Any) -> Treaty | None:
        """Read the ``[treaty]`` table."""
        entry = "treaty"
        if not isinstance(raw, Mapping):
            self.problem(entry, "missing [treaty] table")
            return None
        required = (
            "slug",
            "title",
            "short_title",
            "adopted",
            "depositary",
            "consent_rule",
            "source",
        )
        optional = (
            "entry_into_force",
            "withdrawal_rule",
            "signature_closed",
            "reservations",
            "clauses",
            "open_for_signature",
            "complete_until",
            "partial",
            "signatures_complete",
            "historical_complete",
            "general_entry",
            "requires",
            "group",
            "niac_scope",
            "niac_via",
            "published",
        )
        if not self.fields(raw, entry, required, optional):
            return None
        consent = self.consent_rule(raw["consent_rule"])
        withdrawal = self.withdrawal_rule(raw.get("withdrawal_rule"))
        source = self.source(raw["source"], entry)
        adopted = self.date(raw, "adopted", entry)
        eif = self.date(raw, "entry_into_force", entry)
        closed = self.date(raw, "signature_closed", entry)
        clauses = raw.get("clauses", {})
        if not isinstance(clauses, Mapping) or not all(
            isinstance(v, str) for v in clauses.values()
        ):
            self.problem(entry, "'clauses' must be a table of act kind = \"article\"")
            return None
        for kind in clauses:
            if kind not in {k.value for k in ActionKind} | {"withdrawal-consequences"}:
                self.problem(entry, f"clauses: {kind!r} is not an act kind")
        flags = {
            name: self.flag(raw, name, entry)
            for name in (
                "reservations",
                "open_for_signature",
                "partial",
                "signatures_complete",
                "historical_complete",
            )
        }
        if any(flag is _BAD for flag in flags.values()):
            return None
        general = self.general_entry(raw.get("general_entry"))
        requires = self.requires(raw.get("requires"))
        published = self.published(raw.get("published"))
        group = raw.get("group")
        if group is not None and group not in {g.value for g in TreatyGroup}:
            self.problem(
                entry, f"group {group!r} is not one of {', '.join(g.value for g in TreatyGroup)}"
            )
            return None
        niac = self.text(raw, "niac_scope", entry)
        via = self.text(raw, "niac_via", entry)
        if (
            consent is None
            or source is None
            or adopted is None
            or (withdrawal is None and "withdrawal_rule" in raw)
            or (general is None and "general_entry" in raw)
            or (requires is None and "requires" in raw)
            or (published is None and "published" in raw)
            or (niac is None and "niac_scope" in raw)
            or (via is None and "niac_via" in raw)
        ):
            return None

        def flag(name: str, default: bool) -> bool:
            value = flags[name]
            return default if value is None else bool(value)

        return self.build(
            entry,
            lambda: Treaty(
                slug=raw["slug"],
                title=raw["title"],
                short_title=raw["short_title"],
                adopted=adopted,
                entry_into_force=eif,
                consent_rule=consent,
                withdrawal_rule=withdrawal,
                depositary=raw["depositary"],
                source=source,
                signature_closed=closed,
                reservations=None if flags["reservations"] is None else bool(flags["reservations"]),
                clauses=dict(clauses),
                open_for_signature=flag("open_for_signature", True),
                complete_until=self.date(raw, "complete_until", entry),
                partial=flag("partial", False),
                signatures_complete=flag("signatures_complete", True),
                historical_complete=flag("historical_complete", True),
                general_entry=general,
                requires=requires,
                group=group,
                niac_scope=niac,
                niac_via=via,
                published=published,
            ),
        )

    def flag(self, raw: Mapping[str, Any], key: str, entry: str) -> bool | object | None:
        """Read a TOML boolean: ``None`` if absent, ``_BAD`` (reported) if not a boolean."""
        if key not in raw:
            return None
        value = raw[key]
        if not isinstance(value, bool):
            self.problem(
                entry,
                f"'{key}' must be true or false (a TOML boolean), not {type(value).__name__} {_short(value)}",
            )
            return _BAD
        return value

    def whole(self, raw: Mapping[str, Any], key: str, entry: str, *, least: int) -> int | None:
        """Read a whole number of at least ``least`` (a TOML integer; a boolean is refused)."""
        value = raw[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < least:
            self.problem(
                entry, f"'{key}' must be a whole number of {least} or more, not {_short(value)}"
            )
            return None
        return value

    def general_entry(self, raw: Any) -> GeneralEntry | None:
        """Read ``[treaty.general_entry]``: the count of consents and the delay after the last."""
        entry = "treaty.general_entry"
        if raw is None:
            return None
        if not isinstance(raw, Mapping):
            self.problem(entry, "must be a table with count, kind, article (and days or months)")
            return None
        if not self.fields(
            raw, entry, ("count", "kind", "article"), ("days", "months", "not_before", "including")
        ):
            return None
        including = raw.get("including", [])
        if not isinstance(including, list) or not all(isinstance(c, str) for c in including):
            self.problem(entry, '\'including\' must be a list of state codes, e.g. ["GBR", "USA"]')
            return None
        count = self.whole(raw, "count", entry, least=1)
        if count is None:
            return None
        rule = self.consent_rule(
            {k: v for k, v in raw.items() if k not in ("count", "not_before", "including")}, entry
        )
        not_before = self.date(raw, "not_before", entry)
        if rule is None or ("not_before" in raw and not_before is None):
            return None
        return self.build(
            entry,
            lambda: GeneralEntry(
                count=count,
                rule=rule,
                article=raw["article"],
                not_before=not_before,
                including=tuple(including),
            ),
        )

    def requires(self, raw: Any) -> Requires | None:
        """Read ``[treaty.requires]``: the treaty a state must be bound by, and the article."""
        entry = "treaty.requires"
        if raw is None:
            return None
        if not isinstance(raw, Mapping) or not self.fields(raw, entry, ("treaty", "article"), ()):
            if not isinstance(raw, Mapping):
                self.problem(entry, "must be a table with treaty (a slug) and article")
            return None
        return self.build(entry, lambda: Requires(treaty=raw["treaty"], article=raw["article"]))

    def published(self, raw: Any) -> Published | None:
        """Read ``[treaty.published]``: a published count of parties, its day and source."""
        entry = "treaty.published"
        if raw is None:
            return None
        if not isinstance(raw, Mapping):
            self.problem(entry, "must be a table with total, on and source")
            return None
        if not self.fields(raw, entry, ("total", "on", "source"), ()):
            return None
        total = self.whole(raw, "total", entry, least=0)
        if total is None:
            return None
        on = self.date(raw, "on", entry)
        source = self.source(raw["source"], entry)
        if on is None or source is None:
            return None
        return self.build(entry, lambda: Published(total=total, on=on, source=source))

    def consent_rule(self, raw: Any, entry: str = "treaty.consent_rule") -> ConsentRule | None:
        """Read ``[treaty.consent_rule]`` (or the rule part of ``[treaty.general_entry]``)."""
        kinds = ", ".join(_RULES)
        if not isinstance(raw, Mapping) or "kind" not in raw:
            self.problem(entry, f"must be a table with a 'kind': {kinds}")
            return None
        kind = raw["kind"]
        if not isinstance(kind, str) or kind not in _RULES:
            self.problem(entry, f"kind {_short(kind)} is not one of {kinds}")
            return None
        cls, numbers = _RULES[kind]
        if not self.fields(raw, entry, ("kind", *numbers, "article"), ()):
            return None
        values = {name: raw[name] for name in (*numbers, "article")}
        return self.build(entry, lambda: cls(**values))

    def withdrawal_rule(self, raw: Any) -> WithdrawalAfterNotice | None:
        """Read ``[treaty.withdrawal_rule]``."""
        entry = "treaty.withdrawal_rule"
        if raw is None:
            return None
        if not isinstance(raw, Mapping) or raw.get("kind") != "after-notice":
            self.problem(
                entry, 'must be a table with kind = "after-notice" and years, months and/or days'
            )
            return None
        if not self.fields(
            raw,
            entry,
            ("kind", "article"),
            (
                "years",
                "months",
                "days",
                "consequences",
                "consequences_article",
                "conflict",
                "conflict_article",
            ),
        ):
            return None
        return self.build(
            entry,
            lambda: WithdrawalAfterNotice(
                article=raw["article"],
                years=raw.get("years", 0),
                months=raw.get("months", 0),
                days=raw.get("days", 0),
                consequences=raw.get("consequences"),
                consequences_article=raw.get("consequences_article"),
                conflict=raw.get("conflict"),
                conflict_article=raw.get("conflict_article"),
            ),
        )

    def action(self, raw: Any, index: int, treaty: str) -> Action | None:
        """Read one ``[[action]]`` entry."""
        entry = f"action {index + 1}"
        if isinstance(raw, Mapping):
            entry += " (" + " ".join(str(raw.get(k, "?")) for k in ("state", "kind", "date")) + ")"
        else:
            self.problem(entry, "must be a table")
            return None
        optional = (
            "effective",
            "effective_source",
            "announced",
            "announced_source",
            "alternatives",
            "note",
        )
        if not self.fields(raw, entry, ("state", "kind", "date", "source"), optional):
            return None
        if raw["kind"] not in _ACT_KINDS:
            self.problem(
                entry,
                f"kind {raw['kind']!r} is not one of {', '.join(k.value for k in ActionKind)}",
            )
            return None
        source = self.source(raw["source"], entry)
        announced_source = (
            self.source(raw["announced_source"], entry, "announced_source")
            if "announced_source" in raw
            else None
        )
        effective_source = (
            self.source(raw["effective_source"], entry, "effective_source")
            if "effective_source" in raw
            else None
        )
        date = self.date(raw, "date", entry)
        effective = self.date(raw, "effective", entry)
        announced = self.date(raw, "announced", entry)
        alternatives = self.alternatives(raw.get("alternatives"), entry)
        if (
            source is None
            or date is None
            or alternatives is None
            or ("effective_source" in raw and effective_source is None)
            or ("announced_source" in raw and announced_source is None)
        ):
            return None
        return self.build(
            entry,
            lambda: Action(
                state=raw["state"],
                treaty=treaty,
                kind=raw["kind"],
                date=date,
                source=source,
                effective=effective,
                announced=announced,
                announced_source=announced_source,
                effective_source=effective_source,
                alternatives=alternatives,
                note=self.text(raw, "note", entry),
            ),
        )

    def act_list(self, raw: Any, index: int, treaty: str) -> list[Action]:
        """Read one ``[[list]]``: acts of one kind from one source, a state and a date a line."""
        entry = f"list {index + 1}"
        if not isinstance(raw, Mapping):
            self.problem(entry, "must be a table with kind, source and a [list.dates] table")
            return []
        entry += " (" + " ".join(str(raw.get(k, "?")) for k in ("kind", "source")) + ")"
        if not self.fields(raw, entry, ("kind", "source", "dates"), ()):
            return []
        kind, dates = raw["kind"], raw["dates"]
        if kind not in _ACT_KINDS:
            self.problem(
                entry, f"kind {_short(kind)} is not one of {', '.join(sorted(_ACT_KINDS))}"
            )
            return []
        if not isinstance(dates, Mapping):
            self.problem(entry, "'dates' must be a table of STATE = date, one line a state")
            return []
        source = self.source(raw["source"], entry)
        if source is None:
            return []
        out = []
        for code in dates:
            where = f"{entry} {code}"
            day = self.date(dates, code, where)
            if day is None:
                continue
            act = self.build(
                where,
                lambda c=code, d=day: Action(  # type: ignore[misc]
                    state=c, treaty=treaty, kind=kind, date=d, source=source
                ),
            )
            if act is not None:
                out.append(act)
        return out

    def alternatives(self, raw: Any, entry: str) -> tuple[Alternative, ...] | None:
        """Read an act's ``alternatives``: other sources' datings of it."""
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.problem(
                entry,
                "'alternatives' must be an array of tables, each with source and date and/or effective",
            )
            return None
        out = []
        for i, alt in enumerate(raw):
            where = f"{entry} alternative {i + 1}"
            if not isinstance(alt, Mapping):
                self.problem(where, "must be a table with source and date and/or effective")
                return None
            if not self.fields(alt, where, ("source",), ("date", "effective", "note")):
                return None
            source = self.source(alt["source"], where)
            date = self.date(alt, "date", where)
            effective = self.date(alt, "effective", where)
            note = self.text(alt, "note", where)
            if (
                source is None
                or ("date" in alt and date is None)
                or ("effective" in alt and effective is None)
                or ("note" in alt and note is None)
            ):
                return None
            made = self.build(
                where,
                lambda s=source, d=date, e=effective, n=note: Alternative(  # type: ignore[misc]
                    source=s, date=d, effective=e, note=n
                ),
            )
            if made is None:
                return None
            if made in out:
                self.problem(where, "repeats an earlier alternative: each dating is given once")
                return None
            out.append(made)
        return tuple(out)


# --- writing -----------------------------------------------------------------------------------


def _date_out(d: dt.date) -> dt.date:
    return dt.date(d.year, d.month, d.day)


def source_out(source: Source, named: dict[str, Source]) -> str | dict[str, Any]:
    """Write a source: its key if it is named (registering it in ``named``), else a table."""
    if source.key is not None:
        named[source.key] = source
        return source.key
    return source_table_out(source)


def source_table_out(source: Source) -> dict[str, Any]:
    """Write a source as a table."""
    out: dict[str, Any] = {"kind": source.kind.value, "title": source.title}
    if source.url is not None:
        out["url"] = source.url
    if source.reference is not None:
        out["reference"] = source.reference
    if source.date is not None:
        out["date"] = _date_out(source.date)
    return out


def state_out(state: State, named: dict[str, Source]) -> dict[str, Any]:
    """Write one state entry."""
    out: dict[str, Any] = {"code": state.code, "name": state.name, "category": state.category.value}
    if state.aliases:
        out["aliases"] = list(state.aliases)
    if state.ended is not None:
        out["ended"] = _date_out(state.ended)
    if state.continuator is not None:
        out["continuator"] = state.continuator
    if state.source is not None:
        out["source"] = source_out(state.source, named)
    if state.note is not None:
        out["note"] = state.note
    return out


def treaty_out(treaty: Treaty, named: dict[str, Source]) -> dict[str, Any]:
    """Write the ``[treaty]`` table."""
    out: dict[str, Any] = {
        "slug": treaty.slug,
        "title": treaty.title,
        "short_title": treaty.short_title,
        "adopted": _date_out(treaty.adopted),
        "depositary": treaty.depositary,
        "source": source_out(treaty.source, named),
    }
    if treaty.entry_into_force is not None:
        out["entry_into_force"] = _date_out(treaty.entry_into_force)
    if treaty.signature_closed is not None:
        out["signature_closed"] = _date_out(treaty.signature_closed)
    if treaty.reservations is not None:
        out["reservations"] = treaty.reservations
    if not treaty.open_for_signature:
        out["open_for_signature"] = False
    if treaty.complete_until is not None:
        out["complete_until"] = _date_out(treaty.complete_until)
    if treaty.partial:
        out["partial"] = True
    if not treaty.signatures_complete:
        out["signatures_complete"] = False
    if not treaty.historical_complete:
        out["historical_complete"] = False
    if treaty.group is not None:
        out["group"] = treaty.group.value
    if treaty.niac_scope is not None:
        out["niac_scope"] = treaty.niac_scope
    if treaty.niac_via is not None:
        out["niac_via"] = treaty.niac_via
    out["consent_rule"] = _rule_out(treaty.consent_rule)
    if treaty.general_entry is not None:
        general = treaty.general_entry
        out["general_entry"] = {"count": general.count, **_rule_out(general.rule)}
        if general.not_before is not None:
            out["general_entry"]["not_before"] = _date_out(general.not_before)
        if general.including:
            out["general_entry"]["including"] = list(general.including)
        out["general_entry"]["article"] = general.article
    if treaty.requires is not None:
        out["requires"] = {"treaty": treaty.requires.treaty, "article": treaty.requires.article}
    if treaty.published is not None:
        pub = treaty.published
        out["published"] = {
            "total": pub.total,
            "on": _date_out(pub.on),
            "source": source_out(pub.source, named),
        }
    if treaty.withdrawal_rule is not None:
        out["withdrawal_rule"] = {
            "kind": "after-notice",
            **{k: v for k, v in attrs.asdict(treaty.withdrawal_rule).items() if v not in (None, 0)},
        }
    if treaty.clauses:
        out["clauses"] = dict(treaty.clauses)
    return out


def _rule_out(rule: ConsentRule) -> dict[str, Any]:
    kind = next(k for k, (cls, _) in _RULES.items() if isinstance(rule, cls))
    return {"kind": kind, **attrs.asdict(rule)}


def action_out(action: Action, named: dict[str, Source]) -> dict[str, Any]:
    """Write one ``[[action]]`` entry."""
    out: dict[str, Any] = {
        "state": action.state,
        "kind": action.kind.value,
        "date": _date_out(action.date),
    }
    if action.effective is not None:
        out["effective"] = _date_out(action.effective)
    if action.announced is not None:
        out["announced"] = _date_out(action.announced)
    out["source"] = source_out(action.source, named)
    if action.effective_source is not None:
        out["effective_source"] = source_out(action.effective_source, named)
    if action.announced_source is not None:
        out["announced_source"] = source_out(action.announced_source, named)
    if action.alternatives:
        out["alternatives"] = [_alternative_out(alt, named) for alt in action.alternatives]
    if action.note is not None:
        out["note"] = action.note
    return out


LIST_MIN = 10
"""The fewest plain acts of one kind from one named source that :func:`lists_out` groups."""


def lists_out(
    actions: Iterable[Action], named: dict[str, Source]
) -> tuple[list[dict[str, Any]], list[Action]]:
    """Group plain acts (state, kind, date and a named source only) into ``[[list]]`` tables.

    Returns the lists and the acts left to write as ``[[action]]`` entries: those with any
    other field, from an unnamed source, in a group of fewer than ``LIST_MIN``, or a state's
    second act of the same kind from the same source.
    """
    groups: dict[tuple[str, str], dict[str, Action]] = {}
    rest: list[Action] = []
    for a in actions:
        plain = (
            a.source.key is not None
            and a.effective is None
            and a.announced is None
            and not a.alternatives
            and a.note is None
        )
        group = groups.setdefault((a.kind.value, a.source.key or ""), {})
        if plain and a.state not in group:
            group[a.state] = a
        else:
            rest.append(a)
    lists = []
    for (kind, _key), acts in sorted(groups.items()):
        if len(acts) < LIST_MIN:
            rest.extend(acts.values())
            continue
        first = next(iter(acts.values()))
        lists.append(
            {
                "kind": kind,
                "source": source_out(first.source, named),
                "dates": {code: _date_out(a.date) for code, a in sorted(acts.items())},
            }
        )
    rest.sort(key=lambda a: a.sort_key)
    return lists, rest


def _alternative_out(alt: Alternative, named: dict[str, Source]) -> dict[str, Any]:
    out: dict[str, Any] = {"source": source_out(alt.source, named)}
    if alt.date is not None:
        out["date"] = _date_out(alt.date)
    if alt.effective is not None:
        out["effective"] = _date_out(alt.effective)
    if alt.note is not None:
        out["note"] = alt.note
    return out


# --- the facts of the Rome Statute engine: declarations, Council votes, situations -----------


def _fact_fields(cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return (required, optional) TOML keys of an ICC fact class."""
    required: list[str] = []
    optional: list[str] = []
    for f in attrs.fields(cls):
        names = ("period_start", "period_end") if f.name == "period" else (f.name,)
        (optional if f.default is not attrs.NOTHING else required).extend(names)
    return tuple(required), tuple(optional)


def _is_date_field(cls: type, name: str) -> bool:
    return "Date" in str(attrs.fields_dict(cls)[name].type)


def read_fact(reader: Reader, cls: type[_T], raw: Any, entry: str) -> _T | None:
    """Read one ICC fact (a declaration, a Council text or a situation) of class ``cls``."""
    if not isinstance(raw, Mapping):
        reader.problem(entry, "must be a table")
        return None
    required, optional = _fact_fields(cls)
    if not reader.fields(raw, entry, required, optional):
        return None
    values: dict[str, Any] = {}
    ok = True
    for key, value in raw.items():
        if key in ("period_start", "period_end"):
            continue
        if key == "source":
            values[key] = reader.source(value, entry)
            ok = ok and values[key] is not None
        elif key == "alternatives":
            values[key] = reader.alternatives(value, entry)
            ok = ok and values[key] is not None
        elif _is_date_field(cls, key):
            values[key] = reader.date(raw, key, entry)
            ok = ok and values[key] is not None
        else:
            values[key] = tuple(value) if isinstance(value, list) else value
    if "period_start" in raw or "period_end" in raw:
        start = reader.date(raw, "period_start", entry)
        end = reader.date(raw, "period_end", entry)
        if start is None:
            reader.problem(entry, "'period_end' needs 'period_start'")
            return None
        from icclaw.dates import Period  # noqa: PLC0415

        values["period"] = reader.build(entry, lambda: Period(start, end))
    if not ok:
        return None
    return reader.build(entry, lambda: cls(**values))


def fact_out(fact: Any, named: dict[str, Source]) -> dict[str, Any]:
    """Write one ICC fact as a TOML table, leaving out fields at their default."""
    out: dict[str, Any] = {}
    for f in attrs.fields(type(fact)):
        value = getattr(fact, f.name)
        if f.default is not attrs.NOTHING and value == f.default:
            continue
        if f.name == "period":
            out["period_start"] = _date_out(value.start)
            if value.end is not None:
                out["period_end"] = _date_out(value.end)
        elif isinstance(value, Source):
            out[f.name] = source_out(value, named)
        elif f.name == "alternatives":
            out[f.name] = [_alternative_out(alt, named) for alt in value]
        elif isinstance(value, dt.date):
            out[f.name] = _date_out(value)
        elif isinstance(value, tuple):
            out[f.name] = list(value)
        elif isinstance(value, enum.Enum):
            out[f.name] = value.value
        else:
            out[f.name] = value
    return out
