"""Other schemes' names for states, translated to the record's codes.

Researchers name states by the Correlates of War numbers or letters, the Gleditsch & Ward
numbers, ISO numeric codes, or the country names UCDP and ACLED write. :func:`to_code` turns one
such value into the record's code (ISO 3166-1 alpha-3, e.g. ``"RUS"``); :meth:`CodeTable.lookup_many`
does the same for a whole column.

Schemes (the ``scheme`` argument):

``"iso3"``
    The record's own codes, checked against it: a code of a state that has ended is refused on a
    later date.
``"iso-numeric"``
    ISO 3166-1 numeric codes (``643``, or ``"643"``, ``"004"``), and the withdrawn ones the
    record's historical states used (810 USSR, 890/891 Yugoslavia, 200, 278, 720, ...).
``"cow"``, ``"cow-letters"``
    Correlates of War state numbers (``365``) and abbreviations (``"GFR"``). Several COW letters
    are ISO codes of other states (``"AUS"`` is Austria): hence the explicit scheme.
``"gw"``
    Gleditsch & Ward numbers: like COW, but 260 is Germany after 1990 too, 678 Yemen, 340
    Serbia from 2006, 816/817 the two Vietnams.
``"ucdp"``, ``"acled"``
    The country names UCDP (``"DR Congo (Zaire)"``) and ACLED (``"Democratic Republic of
    Congo"``) write.
``"name"``
    The record's names and aliases, as :meth:`StateTable.get <icclaw.states.StateTable.get>`
    reads them.

Integer schemes take an ``int`` or a string of ASCII digits; nothing is stripped or rounded
(``" 365"``, ``365.0`` and ``True`` are refused). Name schemes match the value as the dataset
spells it; failing that, a case-, accent- and punctuation-insensitive match is used if it fits
one value only.

A value whose meaning changed (COW 365 is the USSR until 1991-12-25 and Russia after; UCDP
``"Serbia (Yugoslavia)"`` is the SFRY, then the FRY, then Serbia) needs ``on=``; without it the
error lists the meanings and their spans. The tables live in ``icclaw/data_codes/*.toml``, one
per scheme, every row with its source; they are read on first use.

>>> to_code(365, "cow", on="1980-01-01")
'SUN'
>>> to_code("DR Congo (Zaire)", "ucdp")
'COD'
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import itertools
import operator
import re
import sys
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Final, SupportsIndex, cast

import attrs

from icclaw.dates import Date, days_after, to_date
from icclaw.errors import (
    QUOTE,
    DataError,
    IcclawError,
    InvalidDate,
    InvalidValue,
    Problem,
    UnknownCode,
    UnknownState,
)
from icclaw.findings import Source
from icclaw.states import normalise_name

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from icclaw.base import FactBase
    from icclaw.dates import DateLike
    from icclaw.states import StateTable

__all__ = ["SCHEMES", "TABLES", "CodeRow", "CodeTable", "code_table", "to_code"]

SCHEMES: Final[tuple[str, ...]] = (
    "iso3",
    "iso-numeric",
    "cow",
    "cow-letters",
    "gw",
    "ucdp",
    "acled",
    "name",
)
"""The schemes :func:`to_code` reads, by the name its ``scheme`` argument takes."""

TABLES: Final = Path(__file__).parent / "data_codes"
"""The folder of the code tables, one TOML file a scheme (outside the sealed record folder)."""

_INTEGER: Final = frozenset({"iso-numeric", "cow", "gw"})
_FILES: Final = ("iso-numeric", "cow", "cow-letters", "gw", "ucdp", "acled")
_LABEL: Final = {
    "iso3": "ISO 3166-1 alpha-3 code of the record",
    "iso-numeric": "ISO 3166-1 numeric code",
    "cow": "Correlates of War state number",
    "cow-letters": "Correlates of War state abbreviation",
    "gw": "Gleditsch & Ward state number",
    "ucdp": "UCDP country name",
    "acled": "ACLED country name",
    "name": "state name or alias of the record",
}
_DIGITS: Final = re.compile(r"[0-9]{1,9}")
_CODE: Final = re.compile(r"[A-Z]{3}")
_FAR: Final = 10**7
"""An ordinal beyond any date: the open end of a span."""


def _quote(value: object) -> str:
    """``repr(value)``, cut to :data:`~icclaw.errors.QUOTE` characters."""
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__ must not escape as a raw exception
        text = f"<{type(value).__name__}>"
    return text if len(text) <= QUOTE else f"{text[: QUOTE - 1]}…"


@attrs.frozen
class CodeRow:
    """One meaning of a value in a scheme.

    Attributes:
        value: The value as the scheme writes it (an ``int`` in the integer schemes).
        state: The record's code for the state it names, or ``None`` if the record does not
            hold that state (then :attr:`name` says what it names).
        name: The scheme's own label for the value, if the table gives one.
        start: The first day of this meaning (``None``: from the start of the scheme).
        end: The last day of this meaning, inclusive (``None``: still in force).
        sources: The keys of the table's sources this row comes from.
    """

    value: int | str
    state: str | None
    name: str | None = None
    start: Date | None = None
    end: Date | None = None
    sources: tuple[str, ...] = ()

    def holds_on(self, day: Date) -> bool:
        """Whether this meaning is the value's meaning on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def span(self) -> str:
        """The span of this meaning in words: ``"until 1991-12-25"``, ``"from 1991-12-26"``."""
        if self.start and self.end:
            return f"{self.start}–{self.end}"
        if self.start:
            return f"from {self.start}"
        if self.end:
            return f"until {self.end}"
        return "on every day"

    def meaning(self, states: StateTable | None = None) -> str:
        """What the row names, e.g. ``"SUN (Union of Soviet Socialist Republics) until 1991-12-25"``."""
        if self.state is None:
            what = f"{self.name or self.value} (not held by the record)"
        elif states is not None and self.state in states:
            what = f"{self.state} ({states.get(self.state).name})"
        else:
            what = self.state
        return what if self.start is None and self.end is None else f"{what} {self.span()}"


_Key = int | str


@attrs.frozen(eq=False)
class CodeTable:
    """A scheme's values and the record's states they name, ready for fast lookups.

    Build one with :func:`code_table`. Lookups never raise anything but an
    :class:`~icclaw.errors.IcclawError`: :class:`~icclaw.errors.UnknownCode` for a value (unknown,
    malformed, of another type, naming a state the record lacks, needing a date, or naming
    nothing on that day), :class:`~icclaw.errors.InvalidDate` for a date.

    Attributes:
        scheme: The scheme's name, one of :data:`SCHEMES`.
        title: What the scheme is.
        rows: Every meaning of every value, in the order of the table.
        sources: The table's sources, by key.
    """

    scheme: str
    title: str
    rows: tuple[CodeRow, ...]
    sources: Mapping[str, Source] = attrs.field(factory=dict, repr=False)
    _states: StateTable | None = attrs.field(default=None, repr=False, eq=False, alias="states")
    _entries: dict[_Key, tuple[CodeRow, ...]] = attrs.field(init=False, repr=False, eq=False)
    _static: dict[object, str] = attrs.field(init=False, repr=False, eq=False)
    _folded: dict[str, tuple[_Key, ...]] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        entries: dict[_Key, list[CodeRow]] = {}
        for row in self.rows:
            entries.setdefault(row.value, []).append(row)
        frozen = {k: tuple(sorted(v, key=_start_ordinal)) for k, v in entries.items()}
        static: dict[object, str] = {}
        folded: dict[str, list[_Key]] = {}
        for key, meanings in frozen.items():
            only = meanings[0]
            if len(meanings) == 1 and only.state and only.start is None and only.end is None:
                static[key] = only.state
                if isinstance(key, int):  # the usual spellings of the number, for the fast path
                    static[str(key)] = only.state
                    if self.scheme == "iso-numeric":
                        static[f"{key:03d}"] = only.state
            if isinstance(key, str) and self.scheme not in ("iso3", "name"):
                keys = folded.setdefault(normalise_name(key), [])
                keys.append(key)
        object.__setattr__(self, "_entries", frozen)
        object.__setattr__(self, "_static", static)
        object.__setattr__(self, "_folded", {k: tuple(v) for k, v in folded.items()})

    def __len__(self) -> int:
        return len(self.rows)

    def __contains__(self, value: object) -> bool:
        try:
            self._key(value)
        except IcclawError:
            return False
        return True

    def meanings(self, value: int | str) -> tuple[CodeRow, ...]:
        """Every meaning of ``value`` in the table, earliest first.

        Raises:
            UnknownCode: the value is not one of the scheme's.
        """
        if self.scheme == "name":
            return self._name_rows(value)
        return self._entries[self._key(value)]

    def lookup(self, value: object, on: DateLike | None = None) -> str:
        """Translate one value to the record's state code.

        Args:
            value: The value as the dataset writes it.
            on: The day the value is about; needed where the value changed meaning, and checked
                against the span of a value naming a state that ended.

        Returns:
            The record's code, e.g. ``"RUS"``.

        Raises:
            UnknownCode: the value is unknown, malformed or of another type, names a state the
                record does not hold, needs a date, or names no state on ``on``.
            InvalidDate: ``on`` is not a calendar date.
        """
        day = None if on is None else to_date(on, field="on")
        if day is None and type(value) in (int, str):
            code = self._static.get(value)
            if code is not None:
                return code
        return self._resolve(value, day)

    def lookup_many(
        self, values: Iterable[object], days: Iterable[DateLike | None] | None = None
    ) -> list[str]:
        """Translate a column of values, each on its own day: ``[lookup(v, d) for v, d in ...]``.

        Each distinct value is resolved once; a value whose meaning never changed costs a
        dictionary look-up, and only values that changed meaning compare dates.

        Args:
            values: The values, as the dataset writes them.
            days: The day of each value (``None`` for a row without one), or ``None`` for no
                days at all.

        Returns:
            The record's codes, in the order of ``values``.

        Raises:
            UnknownCode: naming the first row (by index) that failed, its value and why, and
                how many rows failed.
            InvalidDate: likewise, when the first failing row has a malformed day.
            InvalidValue: ``days`` is not as long as ``values``.
        """
        values = values if isinstance(values, list | tuple) else list(values)
        if days is not None:
            days = days if isinstance(days, list | tuple) else list(days)
            if len(days) != len(values):
                raise InvalidValue(
                    f"lookup_many: {len(values):,} values but {len(days):,} days; "
                    "give one day (or None) for each value"
                )
        out: list[str] = []
        append = out.append
        static = self._static
        failed = 0
        first: tuple[int, object, IcclawError] | None = None
        memo: dict[tuple[type, object, int | None], str | IcclawError] = {}
        ordinals: dict[tuple[type, object], int | IcclawError] = {}
        pairs = zip(values, days, strict=True) if days is not None else ((v, None) for v in values)
        for i, (value, day) in enumerate(pairs):
            ordinal: int | None = None
            if day is not None:
                converted = _ordinal(ordinals, day)
                if not isinstance(converted, int):
                    failed += 1
                    first = first or (i, value, converted)
                    continue
                ordinal = converted
            kind = type(value)
            if kind is int or kind is str:
                code = static.get(value)
                if code is not None:
                    append(code)
                    continue
            found = self._memo_resolve(memo, kind, value, ordinal)
            if isinstance(found, str):
                append(found)
            else:
                failed += 1
                first = first or (i, value, found)
        return _finish(self.scheme, out, failed, first, len(values))

    # ------------------------------------------------------------------ internals

    def _memo_resolve(
        self,
        memo: dict[tuple[type, object, int | None], str | IcclawError],
        kind: type,
        value: object,
        ordinal: int | None,
    ) -> str | IcclawError:
        try:
            key = (kind, value, ordinal)
            hash(key)
        except Exception:  # an unhashable value: resolved without the memo
            return self._attempt(value, ordinal)
        found = memo.get(key)
        if found is None:
            found = memo[key] = self._attempt(value, ordinal)
        return found

    def _attempt(self, value: object, ordinal: int | None) -> str | IcclawError:
        day = None if ordinal is None else Date.fromordinal(ordinal)
        try:
            return self._resolve(value, day)
        except IcclawError as exc:
            return exc

    def _resolve(self, value: object, day: Date | None) -> str:
        if self.scheme == "name":
            return self._choose(value, self._name_rows(value), day)
        key = self._key(value)
        return self._choose(value, self._entries[key], day)

    def _name_rows(self, value: object) -> tuple[CodeRow, ...]:
        states = self._states
        assert states is not None  # a "name" table is always built with its states
        if not isinstance(value, str):
            raise self._error(value, f"is a {type(value).__name__}; a name is a string")
        try:
            code = states.get(value).code
        except UnknownState as exc:
            raise UnknownCode(
                f"{self.scheme}: {exc}",
                query=_quote(value),
                scheme=self.scheme,
                suggestion=exc.suggestion,
            ) from None
        return self._entries[code]

    def _key(self, value: object) -> _Key:
        """The table's key for ``value``, or an UnknownCode saying why there is none."""
        if self.scheme in _INTEGER:
            label = _LABEL[self.scheme]
            number = _integer(value)
            if number is None and isinstance(value, str):
                raise self._error(
                    value,
                    f"is not written in digits only (no spaces, signs or decimal point), as a "
                    f"{label} is; e.g. '365'",
                )
            if number is None:
                raise self._error(
                    value,
                    f"is {_article(value)}, not {_a(label)}; give an int or a string of digits",
                )
            if number in self._entries:
                return number
            raise self._error(value, f"is not {_a(label)} the table knows")
        label = _LABEL[self.scheme]
        if not isinstance(value, str):
            raise self._error(value, f"is {_article(value)}; {_a(label)} is a string")
        if value in self._entries:
            return value
        if self.scheme == "iso3":
            hint = value.strip().upper()
            suggestion = hint if hint in self._entries else None
            raise self._error(value, f"is not {_a(label)}", suggestion)
        keys = self._folded.get(normalise_name(value), ())
        if len(keys) == 1:
            return keys[0]
        if len(keys) > 1:
            listed = "; ".join(_quote(k) for k in keys)
            raise self._error(value, f"fits several values ({listed}): spell it exactly")
        close = difflib.get_close_matches(
            normalise_name(value), list(self._folded), n=1, cutoff=0.75
        )
        near = self._folded[close[0]][0] if close else None
        raise self._error(value, f"is not {_a(label)}", None if near is None else str(near))

    def _choose(self, value: object, meanings: tuple[CodeRow, ...], day: Date | None) -> str:
        if day is None:
            held = {m.state for m in meanings}
            only = meanings[0].state
            if len(held) == 1 and only is not None:
                return only
            if len(meanings) == 1:  # one meaning, a state the record does not hold
                raise self._error(
                    value, f"names {meanings[0].name or value}, which the record does not hold"
                )
            raise self._error(
                value,
                "changed meaning, so a date is needed (on=...) to say which it is: "
                + self._listing(meanings),
            )
        for meaning in meanings:
            if meaning.holds_on(day):
                if meaning.state is None:
                    raise self._error(
                        value,
                        f"names {meaning.name or value} on {day}, which the record does not hold",
                    )
                return meaning.state
        successor = ""
        if self._states is not None and self.scheme in ("iso3", "name"):
            ended = self._states.get(str(meanings[0].value))
            if ended.continuator:
                successor = f"; the record's continuator is {ended.continuator}"
        raise self._error(
            value, f"names no state on {day}: it names {self._listing(meanings)}{successor}"
        )

    def _listing(self, meanings: tuple[CodeRow, ...]) -> str:
        return "; ".join(m.meaning(self._states) for m in meanings)

    def _error(self, value: object, why: str, suggestion: str | None = None) -> UnknownCode:
        hint = f"; did you mean {_quote(suggestion)}?" if suggestion is not None else ""
        return UnknownCode(
            f"{self.scheme} {_quote(value)} {why}{hint}",
            query=_quote(value),
            scheme=self.scheme,
            suggestion=suggestion,
        )


def _start_ordinal(row: CodeRow) -> int:
    return row.start.toordinal() if row.start else 0


def _article(value: object) -> str:
    if isinstance(value, bool):
        return "a bool"
    return _a(type(value).__name__)


def _a(noun: str) -> str:
    """``noun`` with its indefinite article."""
    return f"{'an' if noun[:1] in 'aeioAEIO' else 'a'} {noun}"


def _integer(value: object) -> int | None:
    """``value`` as a whole number if it is one written plainly (an int, or ASCII digits)."""
    if type(value) is str:
        return int(value) if _DIGITS.fullmatch(value) else None
    if isinstance(value, bool) or type(value).__name__ in {"bool_", "bool"}:
        return None
    if isinstance(value, int):
        return int(value)
    if isinstance(value, SupportsIndex):  # numpy integers, not floats
        try:
            return operator.index(value)
        except Exception:  # a hostile __index__ must not escape as a raw exception
            return None
    return None


def _ordinal(cache: dict[tuple[type, object], int | IcclawError], day: object) -> int | IcclawError:
    key = (type(day), day)
    try:
        found = cache.get(key)
    except Exception:  # an unhashable day: converted without the cache
        return _day_ordinal(day)
    if found is None:
        found = cache[key] = _day_ordinal(day)
    return found


def _day_ordinal(day: object) -> int | IcclawError:
    try:
        return to_date(day, field="day").toordinal()
    except IcclawError as exc:
        return exc


def _finish(
    scheme: str,
    out: list[str],
    failed: int,
    first: tuple[int, object, IcclawError] | None,
    total: int,
) -> list[str]:
    if first is None:
        return out
    row, value, exc = first
    tail = f" ({failed:,} of {total:,} rows could not be translated)"
    message = f"row {row}: {exc}{tail}"
    if isinstance(exc, UnknownCode):
        raise UnknownCode(
            message,
            query=exc.query,
            scheme=scheme,
            suggestion=exc.suggestion,
            row=row,
            failed=failed,
        )
    if isinstance(exc, InvalidDate):
        raise InvalidDate(message)
    raise UnknownCode(message, query=_quote(value), scheme=scheme, row=row, failed=failed)


# ---------------------------------------------------------------------- the tables


def code_table(scheme: str, record: FactBase | None = None) -> CodeTable:
    """The table of ``scheme``, bound to ``record`` (default: the embedded record).

    The tables of the embedded record are built once and cached; for a record of your own, keep
    the table you get (it is built anew on each call). A row naming a state your record does not
    hold reads as a value naming a state the record does not hold.

    Raises:
        InvalidValue: ``scheme`` is not one of :data:`SCHEMES`.
        DataError: a table file is malformed (a bug in the package: please report it).
    """
    _check_scheme(scheme)
    if record is None:
        return _embedded_table(scheme)
    return _bind(scheme, record.states)


def to_code(
    value: object,
    scheme: str = "iso3",
    *,
    on: DateLike | None = None,
    record: FactBase | None = None,
) -> str:
    """Translate ``value``, read in ``scheme``, to the record's state code.

    Args:
        value: A code or name as the dataset writes it: ``365``, ``"GFR"``, ``"DR Congo (Zaire)"``.
        scheme: One of :data:`SCHEMES`.
        on: The day the value is about, where its meaning changed (COW 365: the USSR, then
            Russia).
        record: The record whose codes are wanted (default: the embedded record).

    Returns:
        The record's ISO 3166-1 alpha-3 code, e.g. ``"RUS"``.

    Raises:
        UnknownCode: the value is unknown or malformed, names a state the record does not hold,
            needs a date (the message lists its meanings), or names nothing on ``on``.
        InvalidValue: the scheme is unknown (the message lists :data:`SCHEMES`).
        InvalidDate: ``on`` is not a calendar date.

    Example:
        >>> from icclaw.codes import to_code
        >>> to_code(260, "gw", on="1985-06-01")
        'DEU'
    """
    return code_table(scheme, record).lookup(value, on)


def _check_scheme(scheme: object) -> None:
    if scheme not in SCHEMES:
        close = (
            difflib.get_close_matches(scheme, SCHEMES, n=1, cutoff=0.6)
            if isinstance(scheme, str)
            else []
        )
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise InvalidValue(
            f"unknown code scheme {_quote(scheme)}{hint}; the schemes are: {', '.join(SCHEMES)}"
        )


@functools.cache
def _embedded_table(scheme: str) -> CodeTable:
    return _bind(scheme, _embedded_states())


def _embedded_states() -> StateTable:
    """The states of the embedded record, loaded on first use.

    The package root's ``load`` is looked up when first needed rather than imported: the
    record's table methods import this module, so an import of the root (or of the loader) here
    would close a circle. ``import icclaw.codes`` has always run the root's ``__init__`` first.
    """
    load = sys.modules["icclaw"].load
    return cast("StateTable", load().states)


def _bind(scheme: str, states: StateTable) -> CodeTable:
    """The table of ``scheme`` over ``states``: rows naming a state they lack become unheld."""
    if scheme in ("iso3", "name"):
        rows = tuple(
            CodeRow(
                value=s.code,
                state=s.code,
                name=s.name,
                end=None if s.ended is None else days_after(s.ended, -1),
                sources=("record",),
            )
            for s in states
        )
        title = "The record's own codes" if scheme == "iso3" else "The record's names and aliases"
        return CodeTable(scheme, title, rows, {}, states=states)
    title, rows, sources = _read_table(scheme)
    bound = tuple(
        r
        if r.state is None or r.state in states
        else attrs.evolve(r, state=None, name=f"{r.name or r.value} ({r.state})")
        for r in rows
    )
    return CodeTable(scheme, title, bound, sources, states=states)


@functools.cache
def _read_table(scheme: str) -> tuple[str, tuple[CodeRow, ...], Mapping[str, Source]]:
    """Parse and check ``data_codes/<scheme>.toml`` (once)."""
    file = TABLES / f"{scheme}.toml"
    where = f"data_codes/{scheme}.toml"
    try:
        raw = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DataError([Problem(where, "file", f"cannot be read: {exc}")]) from None
    problems: list[Problem] = []
    sources = _sources(raw.get("sources"), where, problems)
    if raw.get("schema") != 1:
        problems.append(Problem(where, "schema", "must be 1"))
    if raw.get("scheme") != scheme:
        problems.append(Problem(where, "scheme", f"must be {scheme!r}, the file's name"))
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(Problem(where, "title", "must be a non-empty string"))
    rows: list[CodeRow] = []
    table = raw.get("row")
    if not isinstance(table, list) or not table:
        problems.append(Problem(where, "row", "must be a non-empty list of rows"))
        table = []
    for i, item in enumerate(table):
        row = _row(scheme, item, f"row {i}", where=where, sources=sources, problems=problems)
        if row is not None:
            rows.append(row)
    _check_spans(rows, where, problems)
    if problems:
        raise DataError(problems, f"invalid code table {where}")
    return str(title), tuple(rows), sources


def _sources(raw: object, where: str, problems: list[Problem]) -> dict[str, Source]:
    out: dict[str, Source] = {}
    if not isinstance(raw, dict) or not raw:
        problems.append(Problem(where, "sources", "must be a table of [sources.<key>]"))
        return out
    for key, spec in raw.items():
        try:
            if not isinstance(spec, dict):
                raise InvalidValue("must be a table with kind and title")
            out[key] = Source(kind=spec["kind"], title=spec["title"], url=spec.get("url"), key=key)
        except (IcclawError, KeyError, TypeError, ValueError) as exc:
            problems.append(Problem(where, f"sources.{key}", f"not a source: {exc}"))
    return out


def _row(
    scheme: str,
    item: object,
    entry: str,
    *,
    where: str,
    sources: Mapping[str, Source],
    problems: list[Problem],
) -> CodeRow | None:
    if not isinstance(item, dict):
        problems.append(Problem(where, entry, "must be an inline table"))
        return None
    extra = set(item) - {"value", "state", "name", "from", "until", "source"}
    value = item.get("value")
    state = item.get("state")
    name = item.get("name")
    start, end = item.get("from"), item.get("until")
    source = item.get("source")
    keys = (
        (source,) if isinstance(source, str) else tuple(source) if isinstance(source, list) else ()
    )
    wrong = []
    if extra:
        wrong.append(f"unknown fields {sorted(extra)}")
    if scheme in _INTEGER:
        if type(value) is not int or value < 0:
            wrong.append(f"value must be a whole number, not {value!r}")
    elif not isinstance(value, str) or not value.strip() or value != value.strip():
        wrong.append(f"value must be a non-empty string without outer spaces, not {value!r}")
    if state is not None and not (isinstance(state, str) and _CODE.fullmatch(state)):
        wrong.append(f"state must be three capital letters, not {state!r}")
    if state is None and not (isinstance(name, str) and name.strip()):
        wrong.append("a row without a state needs a name")
    if name is not None and not isinstance(name, str):
        wrong.append("name must be a string")
    for label, day in (("from", start), ("until", end)):
        if day is not None and (type(day) is not dt.date):
            wrong.append(f"{label} must be a date (YYYY-MM-DD, unquoted), not {day!r}")
    if type(start) is dt.date and type(end) is dt.date and start > end:
        wrong.append(f"from {start} is after until {end}")
    if not keys or not all(isinstance(k, str) and k in sources for k in keys):
        wrong.append(f"source must name one or more of [sources] {sorted(sources)}, not {source!r}")
    if wrong:
        problems.append(Problem(where, f"{entry} ({value!r})", "; ".join(wrong)))
        return None
    assert isinstance(value, int | str)  # checked above
    return CodeRow(
        value=value,
        state=state,
        name=name,
        start=None if start is None else to_date(start),
        end=None if end is None else to_date(end),
        sources=keys,
    )


def _check_spans(rows: Sequence[CodeRow], where: str, problems: list[Problem]) -> None:
    """No two meanings of one value may cover the same day, nor two rows repeat a meaning."""
    by_value: dict[_Key, list[CodeRow]] = {}
    for row in rows:
        by_value.setdefault(row.value, []).append(row)
    for value, meanings in by_value.items():
        spans = sorted(
            (
                m.start.toordinal() if m.start else 0,
                m.end.toordinal() if m.end else _FAR,
            )
            for m in meanings
        )
        for (_, end), (start, _) in itertools.pairwise(spans):
            if start <= end:
                problems.append(
                    Problem(where, f"value {value!r}", "two meanings overlap; give from/until")
                )
                break
