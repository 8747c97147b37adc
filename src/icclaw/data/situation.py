"""Read a situation of violence from a TOML or JSON file (schema 1).

A situation file::

    schema = 1
    name = "Ukraine, 2014"
    [sources.otp-2016]             # named sources, as in record files
    kind = "official-page"
    title = "..."
    [[state]]                      # the states taking part
    code = "UKR"
    [[group]]                      # the armed groups
    name = "DPR/LPR armed groups"
    [group.organisation]           # true / false / leave out (unknown); "asserted" decides
    asserted = true
    [[hostilities]]                # end: last day of fighting; concluded: true (peace), false (lull)
    a = "UKR"
    b = "DPR/LPR armed groups"
    start = 2014-04-30             # TOML date (in JSON: "2014-04-30")
    territory = "UKR"
    source = "otp-2016"
    [hostilities.intensity]
    asserted = true
    [[control]]                    # state, group, level (none/overall/effective/unknown), start, end
    [[consent]]                    # territorial_state, foreign_state, start, end
    [[occupation]]                 # occupant, territory, start, end, effective_control, area, through

The file is read exactly as written, or refused:

* every value has its type: a boolean is ``true`` or ``false`` (not ``"true"``, not ``1``); a
  date is a TOML date, in JSON a ``"YYYY-MM-DD"`` string; a state code is three capital letters;
  a name is non-empty text on one line; ``schema`` is the integer 1. JSON ``null`` is refused:
  leave out a key whose value is unknown;
* unknown keys are refused at every level, and the arrays of tables are arrays of tables;
* every reference is resolved: a hostilities ``a`` and ``b`` name a ``[[state]]`` or a
  ``[[group]]``; a control's ``state`` a ``[[state]]`` and its ``group`` a ``[[group]]``; an
  occupation's ``through`` a ``[[group]]``; a ``source = "KEY"`` a ``[sources.KEY]``. The states
  of a consent or an occupation, and a territory, need only be state codes: a state can consent,
  or be occupied, without fighting (occupation meeting no armed resistance, common art. 2(2));
  the record checks every code when the situation is classified;
* nothing is said twice: a state or a group declared twice, the same hostilities, consent or
  occupation twice (its source aside), a control of one group by one state for overlapping
  periods; and nothing is declared in vain: a named source no fact cites is refused;
* periods are sane: no ``end`` before its ``start``; ``concluded`` only with an ``end``.

Every problem is collected and raised as one :class:`~icclaw.errors.DataError`, each naming the
file, the entry (e.g. ``hostilities 2 (UKR – DPR/LPR armed groups)``), the field, what was found
(clipped) and what was expected.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

from icclaw.data.files import clip, read_document
from icclaw.data.serial import SCHEMA, Reader
from icclaw.dates import Period
from icclaw.errors import DataError, Problem
from icclaw.findings import Source, SourceKind
from icclaw.ihl.facts import (
    ArmedGroup,
    Conclusion,
    ConclusionKind,
    Consent,
    Control,
    ControlLevel,
    Government,
    GovernmentRole,
    Holding,
    HoldingRole,
    Hostilities,
    Intensity,
    Occupation,
    Organisation,
    Situation,
    StateActor,
    Succession,
    Territory,
    overlapping_controls,
)

if TYPE_CHECKING:
    import os

__all__ = ["load_situation"]

_T = TypeVar("_T")
Form = Literal["toml", "json"]

HEADLINE = "invalid situation file"
"""The first line of the report of a refused situation file."""

_ARRAYS = (
    "state",
    "group",
    "territory",
    "succession",
    "government",
    "hostilities",
    "control",
    "consent",
    "occupation",
)
_TOP = ("schema", "name", "source", "sources", *_ARRAYS)
_CODE = re.compile(r"[A-Z]{3}")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,80}")
"""What a catalogue name looks like (no path separator, no suffix): ``ukraine-2014``."""
_SHOWN = 60
"""The most characters of a value a message quotes (before escaping)."""
_HINT_LENGTH = 100
_HINT_CANDIDATES = 200
"""A "did you mean" is sought for a name of at most this length among at most so many names."""
_NOT_ON_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
"""What text may not hold: control characters (Unicode category Cc, line feeds among them),
line and paragraph separators (Zl, Zp) and lone surrogates (Cs, not text at all)."""

_EXPECTED = {
    "code": "a state code: three capital letters (ISO 3166-1 alpha-3), such as 'UKR'",
    "name": "a name: non-empty text on one line",
    "text": "non-empty text on one line",
    "bool": "true or false (leave the key out where it is unknown)",
    "level": f"one of {', '.join(repr(c.value) for c in ControlLevel)}",
    "kind": f"one of {', '.join(repr(k.value) for k in SourceKind)}",
    "conclusion-kind": f"one of {', '.join(repr(k.value) for k in ConclusionKind)}",
    "role": f"one of {', '.join(repr(r.value) for r in HoldingRole)}",
    "effective": "true, false or 'partial' (leave the key out where it is unknown)",
    "government-role": f"one of {', '.join(repr(r.value) for r in GovernmentRole)}",
}
_MISSING = {
    "schema": f"schema = {SCHEMA}, the format this reads",
    "name": "a name",
    "code": "the state's code, such as 'UKR'",
    "a": "an actor: a [[state]] code or a [[group]] name",
    "b": "an actor: a [[state]] code or a [[group]] name",
    "start": "the first day, a date",
    "territory": "a state's code, or the name of a declared [[territory]]",
    "state": "the code of the controlling [[state]]",
    "group": "the name of the controlled [[group]]",
    "level": _EXPECTED["level"],
    "territorial_state": "the code of the consenting state",
    "foreign_state": "the code of the state whose forces are invited",
    "occupant": "the code of the occupying state",
    "kind": _EXPECTED["kind"],
    "title": "what the source is, in words a reader can look up",
    "on": "the day the conclusion was reached, a date",
    "role": _EXPECTED["role"],
    "predecessor": "the code of the [[state]] succeeded",
    "authority": "the authority's name",
    "successor": "the code of the [[state]] carrying on its part",
}
"""What each required field holds, for the report of its absence."""
_FIELDS: dict[str, dict[str, tuple[str, bool]]] = {
    "state": {"code": ("code", True)},
    "group": {
        "name": ("name", True),
        "organisation": ("organisation", False),
        "liberation_movement": ("bool", False),
        "source": ("source", False),
    },
    "hostilities": {
        "a": ("actor", True),
        "b": ("actor", True),
        "start": ("date", True),
        "end": ("date", False),
        "concluded": ("bool", False),
        "territory": ("place", True),
        "intensity": ("intensity", False),
        "area": ("name", False),
        "source": ("source", False),
        "conclusion": ("conclusion", False),
    },
    "conclusion": {
        "on": ("date", True),
        "kind": ("conclusion-kind", True),
        "source": ("source", True),
    },
    "control": {
        "state": ("state", True),
        "group": ("group", True),
        "level": ("level", True),
        "start": ("date", True),
        "end": ("date", False),
        "source": ("source", False),
    },
    "consent": {
        "territorial_state": ("code", True),
        "foreign_state": ("code", True),
        "start": ("date", True),
        "end": ("date", False),
        "source": ("source", False),
        "by": ("name", False),
    },
    "occupation": {
        "occupant": ("code", True),
        "territory": ("place", True),
        "start": ("date", True),
        "end": ("date", False),
        "effective_control": ("effective", False),
        "area": ("name", False),
        "through": ("group", False),
        "source": ("source", False),
        "conclusion": ("conclusion", False),
    },
    "territory": {
        "name": ("name", True),
        "holding": ("holdings", False),
        "source": ("source", False),
    },
    "government": {
        "state": ("state", True),
        "authority": ("name", True),
        "role": ("government-role", True),
        "start": ("date", True),
        "end": ("date", False),
        "source": ("source", False),
    },
    "succession": {
        "predecessor": ("state", True),
        "successor": ("state", True),
        "on": ("date", True),
        "source": ("source", False),
    },
    "holding": {
        "state": ("code", True),
        "role": ("role", True),
        "start": ("date", True),
        "end": ("date", False),
        "source": ("source", False),
    },
    "source": {
        "kind": ("kind", True),
        "title": ("text", True),
        "url": ("text", False),
        "reference": ("text", False),
        "date": ("date", False),
    },
}
"""Each table's fields: name → (how it is read, whether it is required)."""


def load_situation(path: str | os.PathLike[str]) -> Situation:
    """Read a situation from ``path`` (``.json`` for JSON; any other name is read as TOML).

    Raises:
        DataError: every problem in the file, each with its entry, field, what was found and
            what was expected.
        FileNotFoundError: if there is no such file.
    """
    file = Path(path)
    try:
        present = file.exists() or file.is_symlink()
    except OSError:  # a name too long for the system, say: read_document reports it
        present = True
    if not present and isinstance(path, str) and _NAME.fullmatch(path.strip()):
        from icclaw.catalogue import path_of  # noqa: PLC0415

        file, present = path_of(path), True  # a name in the catalogue of real situations
    if not present:
        raise FileNotFoundError(f"{clip(str(file))}: no such situation file")
    problems: list[Problem] = []
    form: Form = "json" if file.suffix.lower() == ".json" else "toml"
    raw = read_document(file, problems, form=form)
    if raw is None or problems:
        raise DataError(problems, HEADLINE)
    return _Situation(clip(str(file)), form).read(raw)


# --- describing what was found --------------------------------------------------------------


def _text(value: str, limit: int = _SHOWN) -> str:
    """A string for a message: quoted and escaped (one line), clipped."""
    shown = clip(repr(value[:limit]), limit * 2)
    return shown if len(value) <= limit else f"{shown}… ({len(value):,} characters)"


def _label(value: object) -> str:
    """A name for an entry's label: as written if short and printable, else quoted and clipped."""
    if not isinstance(value, str):
        return "?"
    return value if len(value) <= 40 and value.isprintable() else _text(value, 40)


def _close(value: str, known: Collection[str]) -> str | None:
    """The known name closest to ``value``, if one is close (not sought among very many)."""
    if len(value) > _HINT_LENGTH or len(known) > _HINT_CANDIDATES:
        return None
    found = difflib.get_close_matches(value, sorted(known), n=1)
    return found[0] if found else None


def _one_line(value: str) -> bool:
    """Whether ``value`` holds no control character, lone surrogate or line break."""
    return _NOT_ON_ONE_LINE.search(value) is None


class _Situation(Reader):
    """Reads a parsed situation document, collecting every problem."""

    def __init__(self, file: str, form: Form) -> None:
        super().__init__(file)
        self.form: Form = form
        self.names: dict[str, frozenset[str]] = {}
        """What a reference may name, by kind: actor, state, group."""
        self.listings: dict[str, str] = {}
        """The names a reference may take, listed once for every message."""
        self.broken_sources: set[str] = set()

    # --- messages ---------------------------------------------------------------------------

    def found(self, value: object) -> str:
        """What was found, for a message: the value, clipped, and its type."""
        json_form = self.form == "json"
        if value is None:
            return "null"
        if isinstance(value, bool):
            return f"{str(value).lower()} (a boolean)"
        if isinstance(value, int):
            shown = str(value) if abs(value) < 10**30 else "a very large number"
            return f"{shown} ({'a number' if json_form else 'an integer'})"
        if isinstance(value, float):
            return f"{value!r} ({'a number' if json_form else 'a float'})"
        if isinstance(value, str):
            return f"{_text(value)} (a string)"
        if isinstance(value, dt.datetime):
            return f"{value.isoformat()} (a date-time)"
        if isinstance(value, dt.date):
            return f"{value.isoformat()} (a date)"
        if isinstance(value, dt.time):
            return f"{value.isoformat()} (a time of day)"
        if isinstance(value, list):
            return f"an array of {len(value):,} item{'s' if len(value) != 1 else ''}"
        if isinstance(value, Mapping):
            return "an object" if json_form else "a table"
        return type(value).__name__

    def wrong(self, entry: str, key: str, value: object, expected: str) -> None:
        """Record that ``key`` holds ``value`` where ``expected`` was expected."""
        self.problem(entry, f"'{key}' = {self.found(value)}; expected {expected}")

    def fields(
        self, raw: Mapping[str, Any], entry: str, required: Iterable[str], optional: Iterable[str]
    ) -> bool:
        """Check that ``raw`` has every required key, no unknown one and no JSON ``null``."""
        required, optional = tuple(required), tuple(optional)
        allowed = (*required, *optional)
        ok = True
        for key in required:
            if key not in raw:
                self.problem(entry, f"missing field '{key}'; expected {_MISSING.get(key, 'it')}")
                ok = False
        for key, value in raw.items():
            if key not in allowed:
                close = _close(key, allowed)
                hint = (
                    f"did you mean '{close}'?"
                    if close
                    else f"expected one of: {', '.join(allowed)}"
                )
                self.problem(entry, f"unknown field {_text(key)}; {hint}")
                ok = False
            elif value is None:
                self.problem(
                    entry, f"'{key}' = null; expected a value (leave out a key that is unknown)"
                )
                ok = False
        return ok

    # --- values -----------------------------------------------------------------------------

    def date(self, raw: Mapping[str, Any], key: str, entry: str) -> dt.date | None:
        """Read a date: a TOML date, or in JSON a ``"YYYY-MM-DD"`` string; ``None`` if absent."""
        value = raw.get(key)
        if value is None:
            return None
        if self.form == "json":
            if isinstance(value, str) and _DAY.fullmatch(value):
                try:
                    return dt.date.fromisoformat(value)
                except ValueError:
                    self.wrong(entry, key, value, "a real calendar day, written YYYY-MM-DD")
                    return None
            self.wrong(entry, key, value, 'a date written "YYYY-MM-DD", such as "2002-07-01"')
            return None
        if isinstance(value, dt.datetime):
            self.wrong(entry, key, value, f"a date without a time of day, such as {value.date()}")
            return None
        if isinstance(value, dt.date):
            return value
        self.wrong(entry, key, value, "a date written bare (no quotes), such as 2002-07-01")
        return None

    def value(self, raw: Mapping[str, Any], key: str, how: str, entry: str) -> Any:
        """Read ``raw[key]`` as ``how`` says; ``None`` (with the problem recorded) if it is wrong."""
        value = raw[key]
        if how == "date":
            return self.date(raw, key, entry)
        if how == "source":
            return self.source(value, entry)
        if how == "bool":
            if isinstance(value, bool):
                return value
            self.wrong(entry, key, value, _EXPECTED["bool"])
            return None
        if how == "code":
            if isinstance(value, str) and _CODE.fullmatch(value):
                return value
            self.wrong(entry, key, value, _EXPECTED["code"])
            return None
        if how == "place":
            places = self.names.get("territory", frozenset())
            if isinstance(value, str) and (value in places or _CODE.fullmatch(value)):
                return value
            close = _close(value, places) if isinstance(value, str) else None
            hint = f"; did you mean {_text(close, 40)}?" if close else ""
            self.wrong(
                entry,
                key,
                value,
                "a state code (three capital letters, such as 'UKR') or the name of a "
                f"[[territory]] declared in this file{hint}",
            )
            return None
        if how == "effective":
            if isinstance(value, bool) or value == "partial":
                return value
            self.wrong(entry, key, value, _EXPECTED["effective"])
            return None
        if how == "role":
            if isinstance(value, str) and value in {r.value for r in HoldingRole}:
                return value
            self.wrong(entry, key, value, _EXPECTED["role"])
            return None
        if how == "government-role":
            if isinstance(value, str) and value in {r.value for r in GovernmentRole}:
                return value
            self.wrong(entry, key, value, _EXPECTED[how])
            return None
        if how == "holdings":
            if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
                self.wrong(entry, key, value, "an array of tables: [[territory.holding]] entries")
                return None
            held = [self.holding(v, f"{entry} holding {i}") for i, v in enumerate(value, 1)]
            return None if None in held else held
        if how in ("text", "name", "actor", "state", "group"):
            if isinstance(value, str) and value.strip() and _one_line(value):
                return self.reference(key, value, how, entry)
            self.wrong(entry, key, value, _EXPECTED["text" if how == "text" else "name"])
            return None
        if how == "conclusion":
            if not isinstance(value, Mapping):
                self.wrong(entry, key, value, "a table: on, kind and source")
                return None
            return self.conclusion(value, f"{entry} conclusion")
        if how == "conclusion-kind":
            if isinstance(value, str) and value in {k.value for k in ConclusionKind}:
                return value
            self.wrong(entry, key, value, _EXPECTED[how])
            return None
        if how in ("level", "kind"):
            choices = ControlLevel if how == "level" else SourceKind
            if isinstance(value, str) and value in {c.value for c in choices}:
                return value
            self.wrong(entry, key, value, _EXPECTED[how])
            return None
        if not isinstance(value, Mapping):
            self.wrong(entry, key, value, "a table of indicators: each true or false, or left out")
            return None
        cls = Organisation if how == "organisation" else Intensity
        return self.indicators(cls, value, f"{entry} {how}")

    def holding(self, raw: Mapping[str, Any], entry: str) -> Holding | None:
        """Read a ``[[territory.holding]]`` table: a state's hold on a territory, over time."""
        values = self.table(raw, "holding", entry)
        period = None if values is None else self.period(values, entry)
        if values is None or period is None:
            return None
        return self.build(
            entry,
            lambda: Holding(values["state"], values["role"], period, values.get("source")),
        )

    def read_territories(self, rows: list[tuple[int, Mapping[str, Any]]]) -> list[Territory]:
        out: list[Territory] = []
        first: dict[str, str] = {}
        for i, raw in rows:
            entry = _entry("territory", i, raw)
            values = self.table(raw, "territory", entry)
            if values is None:
                continue
            name = values["name"]
            if name in self.names["actor"]:
                self.wrong(entry, "name", name, "a name no [[state]] or [[group]] has")
                continue
            if name in first:
                self.wrong(entry, "name", name, f"each territory once: {first[name]} declares it")
                continue
            first[name] = entry
            territory = self.build(
                entry,
                functools.partial(Territory, name, values.get("holding", ()), values.get("source")),
            )
            if territory is not None:
                out.append(territory)
        return out

    def government(self, raw: Mapping[str, Any], entry: str) -> Government | None:
        """Read a ``[[government]]`` table: an authority claiming to speak for a state."""
        values = self.table(raw, "government", entry)
        period = None if values is None else self.period(values, entry)
        if values is None or period is None:
            return None
        return self.build(
            entry,
            lambda: Government(
                values["state"],
                values["authority"],
                values["role"],
                period,
                values.get("source"),
            ),
        )

    def succession(self, raw: Mapping[str, Any], entry: str) -> Succession | None:
        """Read a ``[[succession]]`` table: a state carrying on another's part from a day."""
        values = self.table(raw, "succession", entry)
        if values is None:
            return None
        if values["predecessor"] == values["successor"]:
            self.wrong(
                entry, "successor", values["successor"], "a state other than the predecessor"
            )
            return None
        return self.build(
            entry,
            lambda: Succession(
                values["predecessor"], values["successor"], values["on"], values.get("source")
            ),
        )

    def conclusion(self, raw: Mapping[str, Any], entry: str) -> Conclusion | None:
        """Read a ``[hostilities.conclusion]`` table: the dated end of the conflict."""
        values = self.table(raw, "conclusion", entry)
        if values is None:
            return None
        return self.build(entry, lambda: Conclusion(values["on"], values["kind"], values["source"]))

    def reference(self, key: str, value: str, how: str, entry: str) -> str | None:
        """``value`` if it names what ``how`` requires: any name, an actor, a state or a group."""
        if how in ("text", "name"):
            return value
        known = self.names[how]
        if value in known:
            return value
        what = {
            "actor": "a [[state]] code or a [[group]] name",
            "state": "the code of a [[state]]",
            "group": "the name of a [[group]]",
        }[how]
        close = _close(value, known)
        self.wrong(entry, key, value, f"{what} declared in this file{self.hint(how, close)}")
        return None

    def hint(self, how: str, close: str | None) -> str:
        """The closest name, or else the names a reference of kind ``how`` may take (once)."""
        if close is not None:
            return f"; did you mean {_text(close, 40)}?"
        if how not in self.listings:
            known = self.names[how]
            shown = ", ".join(_label(n) for n in sorted(known)[:8])
            more = f" and {len(known) - 8:,} more" if len(known) > 8 else ""
            self.listings[how] = f": {clip(shown, 120)}{more}" if known else " (none is)"
        return self.listings[how]

    def table(self, raw: Mapping[str, Any], kind: str, entry: str) -> dict[str, Any] | None:
        """Read the fields of a ``kind`` table; ``None`` if any problem was found."""
        spec = _FIELDS[kind]
        before = len(self.problems)
        self.fields(
            raw,
            entry,
            [k for k, (_, required) in spec.items() if required],
            [k for k, (_, required) in spec.items() if not required],
        )
        values = {
            key: self.value(raw, key, how, entry)
            for key, (how, _) in spec.items()
            if raw.get(key) is not None
        }
        return values if len(self.problems) == before else None

    def indicators(
        self, cls: type[Organisation | Intensity], raw: Mapping[str, Any], entry: str
    ) -> Any:
        """Read a table of indicators (true, false or left out), ``asserted`` and ``sources``."""
        before = len(self.problems)
        names = (*cls.INDICATORS, "asserted")
        self.fields(raw, entry, (), (*names, "sources"))
        values = {n: self.value(raw, n, "bool", entry) for n in names if raw.get(n) is not None}
        sources: dict[str, Source | None] = {}
        given = raw.get("sources")
        if given is not None and not isinstance(given, Mapping):
            self.wrong(entry, "sources", given, "a table: indicator = source")
        elif given is not None:
            where = f"{entry} sources"
            self.fields(given, where, (), names)
            sources = {
                name: self.source(src, f"{where}.{name}")
                for name, src in given.items()
                if name in names and src is not None
            }
        if len(self.problems) > before:
            return None
        return self.build(entry, lambda: cls(**values, sources=sources))

    # --- sources ----------------------------------------------------------------------------

    def named_sources(self, raw: Any) -> None:
        """Read the file's ``[sources.KEY]`` tables."""
        if not isinstance(raw, Mapping):
            self.wrong("file", "sources", raw, "a table of named sources: [sources.KEY]")
            return
        for key, table in raw.items():
            source = self.source_table(table, f"source {_text(key, 40)}", key=key)
            if source is None:
                self.broken_sources.add(key)
            else:
                self.sources[key] = source

    def source_table(self, raw: Any, entry: str, key: str | None = None) -> Source | None:
        """Read one source table: kind and title; url, reference and date if known."""
        if not isinstance(raw, Mapping):
            self.problem(
                entry,
                f"is {self.found(raw)}; expected a source: a table with kind and title "
                "(and url, reference, date)",
            )
            return None
        values = self.table(raw, "source", entry)
        if values is None:
            return None
        return self.build(entry, lambda: Source(**values, key=key))

    def source(self, raw: Any, entry: str, field: str = "source") -> Source | None:
        """Read a ``source`` field: the key of a named source, or an inline source table."""
        if isinstance(raw, str):
            if raw in self.sources:
                return self.sources[raw]
            if raw not in self.broken_sources:  # a broken source is reported once, where it is
                close = _close(raw, self.sources)
                hint = f"; did you mean {_text(close, 40)}?" if close else ""
                self.wrong(entry, field, raw, f"the key of a [sources.KEY] table{hint}")
            return None
        if isinstance(raw, Mapping):
            return self.source_table(raw, f"{entry} {field}")
        self.wrong(
            entry, field, raw, "the key of a [sources.KEY] table, or a table with kind and title"
        )
        return None

    def unused_sources(self, raw: Mapping[str, Any]) -> None:
        """A named source no fact cites is refused: it would be read and then dropped."""
        named = raw.get("sources")
        if not isinstance(named, Mapping):
            return
        cited: set[str] = set()
        stack: list[Any] = [v for k, v in raw.items() if k != "sources"]
        while stack:
            node = stack.pop()
            if isinstance(node, Mapping):
                for key, value in node.items():
                    if key == "source" and isinstance(value, str):
                        cited.add(value)
                    elif key == "sources" and isinstance(value, Mapping):
                        cited |= {v for v in value.values() if isinstance(v, str)}
                    stack.append(value)
            elif isinstance(node, list):
                stack.extend(node)
        if isinstance(raw.get("source"), str):
            cited.add(raw["source"])
        for key in named:
            if key not in cited:
                self.problem(
                    f"source {_text(key, 40)}",
                    f"declared but cited by no fact; expected a fact with source = {_text(key, 40)}, "
                    "or no such source",
                )

    # --- the document -----------------------------------------------------------------------

    def entries(self, raw: Mapping[str, Any], table: str) -> list[tuple[int, Mapping[str, Any]]]:
        """The entries of an array of tables, numbered from 1; each other item is a problem."""
        value = raw.get(table)
        if value is None:
            return []
        if not isinstance(value, list):
            self.wrong("file", table, value, f"an array of tables: [[{table}]] entries")
            return []
        out = []
        for i, item in enumerate(value, 1):
            if isinstance(item, Mapping):
                out.append((i, item))
            else:
                self.problem(
                    f"{table} {i}", f"is {self.found(item)}; expected a table ([[{table}]])"
                )
        return out

    def read(self, raw: Mapping[str, Any]) -> Situation:
        """Read the whole document: the situation, or one DataError with every problem."""
        self.fields(raw, "file", ("schema", "name"), _TOP[2:])
        schema = raw.get("schema")
        if schema is not None and (type(schema) is not int or schema != SCHEMA):
            self.wrong("file", "schema", schema, f"the integer {SCHEMA} (the format this reads)")
        name = None
        if raw.get("name") is not None:
            name = self.value(raw, "name", "name", "file")
        if raw.get("sources") is not None:
            self.named_sources(raw["sources"])
        self.unused_sources(raw)
        source = self.source(raw["source"], "file") if raw.get("source") is not None else None
        rows = {table: self.entries(raw, table) for table in _ARRAYS}
        codes = frozenset(e["code"] for _, e in rows["state"] if isinstance(e.get("code"), str))
        names = frozenset(e["name"] for _, e in rows["group"] if isinstance(e.get("name"), str))
        places = frozenset(
            e["name"] for _, e in rows["territory"] if isinstance(e.get("name"), str)
        )
        self.names = {
            "actor": codes | names,
            "state": codes,
            "group": names,
            "territory": places,
        }
        states = self.read_states(rows["state"])
        groups = self.read_groups(rows["group"])
        territories = self.read_territories(rows["territory"])
        hostilities = self.read_hostilities(rows["hostilities"])
        controls = self.read_controls(rows["control"])
        consents = self.facts(rows["consent"], "consent", self.consent, _without_source)
        occupations = self.facts(rows["occupation"], "occupation", self.occupation, _without_source)
        successions = self.facts(rows["succession"], "succession", self.succession, _no_source)
        governments = self.facts(rows["government"], "government", self.government, _no_source)
        if self.problems:
            raise DataError(self.problems, HEADLINE)
        situation = self.build(
            "file",
            lambda: Situation(
                str(name),
                (*states, *groups),
                hostilities,
                controls,
                consents,
                occupations,
                source,
                territories,
                successions,
                governments,
            ),
        )
        if situation is None or self.problems:
            raise DataError(self.problems, HEADLINE)
        return situation

    def read_states(self, rows: list[tuple[int, Mapping[str, Any]]]) -> list[StateActor]:
        out: list[StateActor] = []
        first: dict[str, str] = {}
        for i, raw in rows:
            entry = _entry("state", i, raw)
            values = self.table(raw, "state", entry)
            if values is None:
                continue
            code = values["code"]
            if code in first:
                self.wrong(entry, "code", code, f"each state once: {first[code]} declares it")
                continue
            first[code] = entry
            actor = self.build(entry, functools.partial(StateActor, code))
            if actor is not None:
                out.append(actor)
        return out

    def read_groups(self, rows: list[tuple[int, Mapping[str, Any]]]) -> list[ArmedGroup]:
        out: list[ArmedGroup] = []
        first: dict[str, str] = {}
        for i, raw in rows:
            entry = _entry("group", i, raw)
            values = self.table(raw, "group", entry)
            if values is None:
                continue
            name = values["name"]
            if name in self.names["state"]:
                self.wrong(entry, "name", name, "a name no [[state]] has as its code")
                continue
            if name in first:
                self.wrong(entry, "name", name, f"each group once: {first[name]} declares it")
                continue
            first[name] = entry
            group = self.build(entry, functools.partial(ArmedGroup, **values))
            if group is not None:
                out.append(group)
        return out

    def period(self, values: dict[str, Any], entry: str) -> Period | None:
        start, end = values["start"], values.get("end")
        if end is not None and end < start:
            self.problem(
                entry,
                f"'end' = {end} is before 'start' = {start}; expected an end on or after the start",
            )
            return None
        return self.build(entry, lambda: Period(start, end))

    def read_hostilities(self, rows: list[tuple[int, Mapping[str, Any]]]) -> list[Hostilities]:
        def one(raw: Mapping[str, Any], entry: str) -> Hostilities | None:
            values = self.table(raw, "hostilities", entry)
            if values is None:
                return None
            if values["a"] == values["b"]:
                self.wrong(entry, "b", values["b"], "an actor other than 'a'")
                return None
            if "concluded" in values and "end" not in values:
                self.wrong(
                    entry,
                    "concluded",
                    values["concluded"],
                    "no 'concluded' without an 'end': whether the conflict ended with the "
                    "fighting is said of fighting that ended",
                )
                return None
            period = self.period(values, entry)
            if period is None:
                return None
            conclusion = values.get("conclusion")
            if conclusion is not None and not self.fits(conclusion, values, entry):
                return None
            return self.build(
                entry,
                lambda: Hostilities(
                    values["a"],
                    values["b"],
                    period,
                    values["territory"],
                    values.get("intensity", Intensity()),
                    values.get("area"),
                    values.get("source"),
                    values.get("concluded"),
                    conclusion,
                ),
            )

        return self.facts(rows, "hostilities", one, _hostilities_key)

    def fits(self, conclusion: Conclusion, values: Mapping[str, Any], entry: str) -> bool:
        """Whether a conclusion fits its fighting: on or after its last day, not with ``concluded``.

        ``concluded`` says the same as a conclusion on the last day of fighting, without a date.
        """
        end = values.get("end")
        if end is None:
            self.wrong(
                entry,
                "conclusion",
                conclusion.on.isoformat(),
                "an 'end' first: a conflict is concluded after the fighting recorded ends",
            )
            return False
        if conclusion.on < end:
            self.wrong(
                entry,
                "conclusion.on",
                conclusion.on.isoformat(),
                f"a day on or after the fighting's last day ({end})",
            )
            return False
        if "concluded" in values:
            self.wrong(
                entry,
                "concluded",
                values["concluded"],
                "either 'concluded' or a dated [hostilities.conclusion], not both",
            )
            return False
        return True

    def read_controls(self, rows: list[tuple[int, Mapping[str, Any]]]) -> list[Control]:
        read: list[tuple[str, Control]] = []
        for i, raw in rows:
            entry = _entry("control", i, raw)
            values = self.table(raw, "control", entry)
            period = None if values is None else self.period(values, entry)
            if values is None or period is None:
                continue
            control = self.build(
                entry,
                functools.partial(
                    Control,
                    values["state"],
                    values["group"],
                    values["level"],
                    period,
                    values.get("source"),
                ),
            )
            if control is not None:
                read.append((entry, control))
        entries = {id(c): entry for entry, c in read}
        clashing = set()
        for earlier, later in overlapping_controls([c for _, c in read]):
            clashing.add(id(later))
            self.problem(
                entries[id(later)],
                f"'start' = {later.period.start}: its period ({later.period}) overlaps that of "
                f"{entries[id(earlier)]} ({earlier.period}); expected one level of control of a "
                "group by a state a day",
            )
        return [c for _, c in read if id(c) not in clashing]

    def consent(self, raw: Mapping[str, Any], entry: str) -> Consent | None:
        values = self.table(raw, "consent", entry)
        if values is None:
            return None
        if values["territorial_state"] == values["foreign_state"]:
            self.wrong(
                entry,
                "foreign_state",
                values["foreign_state"],
                "a state other than the territorial state",
            )
            return None
        period = self.period(values, entry)
        if period is None:
            return None
        return self.build(
            entry,
            lambda: Consent(
                values["territorial_state"],
                values["foreign_state"],
                period,
                values.get("source"),
                values.get("by"),
            ),
        )

    def occupation(self, raw: Mapping[str, Any], entry: str) -> Occupation | None:
        values = self.table(raw, "occupation", entry)
        if values is None:
            return None
        if values["occupant"] == values["territory"]:
            self.wrong(entry, "territory", values["territory"], "a state other than the occupant")
            return None
        period = self.period(values, entry)
        if period is None:
            return None
        return self.build(
            entry,
            lambda: Occupation(
                values["occupant"],
                values["territory"],
                period,
                values.get("effective_control"),
                values.get("area"),
                values.get("through"),
                values.get("source"),
                values.get("conclusion"),
            ),
        )

    def facts(
        self,
        rows: list[tuple[int, Mapping[str, Any]]],
        table: str,
        read: Callable[[Mapping[str, Any], str], _T | None],
        key: Callable[[_T], object],
    ) -> list[_T]:
        """Read the entries of one array of tables, refusing a fact given twice."""
        out: list[_T] = []
        first: dict[object, str] = {}
        for i, raw in rows:
            entry = _entry(table, i, raw)
            fact = read(raw, entry)
            if fact is None:
                continue
            same = key(fact)
            if same in first:
                self.problem(
                    entry, f"the same {table} as {first[same]} (sources aside); expected each once"
                )
                continue
            first[same] = entry
            out.append(fact)
        return out


_LABELS = {
    "state": ("code", "", ""),
    "group": ("name", "", ""),
    "hostilities": ("a", " – ", "b"),
    "control": ("state", " over ", "group"),
    "consent": ("territorial_state", " to ", "foreign_state"),
    "occupation": ("occupant", " in ", "territory"),
    "territory": ("name", "", ""),
    "succession": ("predecessor", " by ", "successor"),
    "government": ("authority", " of ", "state"),
}


def _entry(table: str, i: int, raw: Mapping[str, Any]) -> str:
    """An entry's label: its table, its number and the names that tell it apart."""
    first, between, second = _LABELS[table]
    names = _label(raw.get(first)) + (f"{between}{_label(raw.get(second))}" if second else "")
    return f"{table} {i} ({names})"


def _hostilities_key(h: Hostilities) -> object:
    """The same fighting whichever actor is named first, whatever its source."""
    a, b = sorted((h.a, h.b))
    return attrs.evolve(h, a=a, b=b, source=None)


def _without_source(fact: Consent | Occupation) -> object:
    return attrs.evolve(fact, source=None)


def _no_source(fact: Succession | Government) -> object:
    """A succession once per predecessor; a government entry once, whatever its source."""
    if isinstance(fact, Succession):
        return fact.predecessor
    return attrs.evolve(fact, source=None)
