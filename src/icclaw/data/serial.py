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
    AfterMonths,
    ConsentRule,
    FirstOfMonthAfterDays,
    OnDeposit,
    Treaty,
    WithdrawalAfterNotice,
    WithGeneralEntry,
)

__all__ = [
    "SCHEMA",
    "Reader",
    "action_out",
    "fact_out",
    "read_fact",
    "source_out",
    "state_out",
    "treaty_out",
]

SCHEMA = 1
"""The schema version this code reads and writes."""

_T = TypeVar("_T")


class Reader:
    """Reads raw TOML tables into facts, collecting problems.

    Attributes:
        file: The file being read, for problem reports.
        problems: Every problem found so far.
        sources: The named sources of the file (``[sources.KEY]``).
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.sources: dict[str, Source] = {}

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
                self.problem(entry, f"unknown field '{key}'{hint}")
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
        if kind not in {k.value for k in SourceKind}:
            self.problem(
                entry,
                f"source kind {kind!r} is not one of {', '.join(k.value for k in SourceKind)}",
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
                    else "; declare it as [sources." + raw + "]"
                )
                self.problem(entry, f"unknown source '{raw}'{hint}")
                return None
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
        reservations = raw.get("reservations")
        if reservations is not None and not isinstance(reservations, bool):
            self.problem(entry, "'reservations' must be true or false")
            return None
        if (
            consent is None
            or source is None
            or adopted is None
            or (withdrawal is None and "withdrawal_rule" in raw)
        ):
            return None
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
                reservations=reservations,
                clauses=dict(clauses),
                open_for_signature=raw.get("open_for_signature", True),
                complete_until=self.date(raw, "complete_until", entry),
                partial=raw.get("partial", False),
                signatures_complete=raw.get("signatures_complete", True),
            ),
        )

    def consent_rule(self, raw: Any) -> ConsentRule | None:
        """Read ``[treaty.consent_rule]``."""
        entry = "treaty.consent_rule"
        if not isinstance(raw, Mapping) or "kind" not in raw:
            self.problem(
                entry,
                "must be a table with a 'kind': first-of-month-after-days, after-months, on-deposit or with-general-entry",
            )
            return None
        kind = raw["kind"]
        if kind == "first-of-month-after-days":
            if self.fields(raw, entry, ("kind", "days", "article"), ()):
                return self.build(
                    entry, lambda: FirstOfMonthAfterDays(days=raw["days"], article=raw["article"])
                )
        elif kind == "after-months":
            if self.fields(raw, entry, ("kind", "months", "article"), ()):
                return self.build(
                    entry, lambda: AfterMonths(months=raw["months"], article=raw["article"])
                )
        elif kind == "on-deposit":
            if self.fields(raw, entry, ("kind", "article"), ()):
                return self.build(entry, lambda: OnDeposit(article=raw["article"]))
        elif kind == "with-general-entry":
            if self.fields(raw, entry, ("kind", "article"), ()):
                return self.build(entry, lambda: WithGeneralEntry(article=raw["article"]))
        else:
            self.problem(
                entry,
                f"kind {kind!r} is not one of first-of-month-after-days, after-months, on-deposit, with-general-entry",
            )
        return None

    def withdrawal_rule(self, raw: Any) -> WithdrawalAfterNotice | None:
        """Read ``[treaty.withdrawal_rule]``."""
        entry = "treaty.withdrawal_rule"
        if raw is None:
            return None
        if not isinstance(raw, Mapping) or raw.get("kind") != "after-notice":
            self.problem(
                entry, 'must be a table with kind = "after-notice" and years and/or months'
            )
            return None
        if not self.fields(
            raw,
            entry,
            ("kind", "article"),
            ("years", "months", "consequences", "consequences_article"),
        ):
            return None
        return self.build(
            entry,
            lambda: WithdrawalAfterNotice(
                article=raw["article"],
                years=raw.get("years", 0),
                months=raw.get("months", 0),
                consequences=raw.get("consequences"),
                consequences_article=raw.get("consequences_article"),
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
        optional = ("effective", "announced", "announced_source", "note")
        if not self.fields(raw, entry, ("state", "kind", "date", "source"), optional):
            return None
        if raw["kind"] not in {k.value for k in ActionKind}:
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
        date = self.date(raw, "date", entry)
        effective = self.date(raw, "effective", entry)
        announced = self.date(raw, "announced", entry)
        if source is None or date is None:
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
                note=self.text(raw, "note", entry),
            ),
        )


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
    rule = treaty.consent_rule
    kinds = {
        FirstOfMonthAfterDays: "first-of-month-after-days",
        AfterMonths: "after-months",
        OnDeposit: "on-deposit",
        WithGeneralEntry: "with-general-entry",
    }
    out["consent_rule"] = {"kind": kinds[type(rule)], **attrs.asdict(rule)}
    if treaty.withdrawal_rule is not None:
        out["withdrawal_rule"] = {
            "kind": "after-notice",
            **{k: v for k, v in attrs.asdict(treaty.withdrawal_rule).items() if v not in (None, 0)},
        }
    if treaty.clauses:
        out["clauses"] = dict(treaty.clauses)
    return out


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
    if action.announced_source is not None:
        out["announced_source"] = source_out(action.announced_source, named)
    if action.note is not None:
        out["note"] = action.note
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
        elif isinstance(value, dt.date):
            out[f.name] = _date_out(value)
        elif isinstance(value, tuple):
            out[f.name] = list(value)
        elif isinstance(value, enum.Enum):
            out[f.name] = value.value
        else:
            out[f.name] = value
    return out
