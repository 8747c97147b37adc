"""Batch screening: may the Court exercise jurisdiction over each event of a table?

The batch floor of the jurisdiction engine. For every row it gives what
:func:`icclaw.icc.jurisdiction.jurisdiction` gives for the row's event and trigger — ``holds``,
``missing`` and the days within jurisdiction — without building a Finding per row:

* Each check of the engine (:data:`~icclaw.icc.jurisdiction.CHECKS`) is asked once per
  distinct combination of the fields it reads (its *key*: the trigger for art. 13, the
  territory and nationality for art. 12, the age for art. 26, ...), on a probe of the event
  dated 1 January of year 1, a day no fact of the record concerns. What a check allows is a
  set of days (spans) that does not depend on the days of the conduct, except near a few
  days it singles out: the days of a link whose sources disagree, the days a withdrawn state
  was a party (art. 127(2) decides event by event), the days an art. 124 declaration covers
  when a state is unknown. Those are the *sensitive* days of the key.
* A row whose conduct touches no sensitive day is then decided as the engine composes its
  checks (DESIGN.md, "Findings"), with numpy over all rows at once: yes if some day of the
  conduct is allowed by every check; otherwise undetermined if some day is possible and a
  check that names missing facts leaves it open; otherwise no.
* Every other row — conduct on a sensitive day, and aggression, whose rules read the
  aggressor's acceptance day by day — is asked of the engine itself.

A property test holds the two to the same answer on generated tables (tests/test_screen.py).
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs
import pendulum

from icclaw.dates import ALL_DAYS, OPEN, Spans, s_and, s_minus, s_norm, to_date
from icclaw.errors import IcclawError, InvalidType, InvalidValue
from icclaw.icc.crimes import Crime
from icclaw.icc.facts import (
    DeclarationKind,
    Event,
    ProprioMotu,
    SecurityCouncilReferral,
    StateReferral,
    Trigger,
    _nationality,
    _territory,
)
from icclaw.icc.jurisdiction import (
    CHECKS,
    Check,
    Query,
    _transitional_cached,
    jurisdiction,
    link_periods,
)
from icclaw.policy import DEFAULT_POLICY, Policy
from icclaw.tables import as_kind, frame_kind, require

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from icclaw.base import FactBase
    from icclaw.dates import Date
    from icclaw.findings import Finding

__all__ = [
    "EVENT_COLUMNS",
    "OUTPUT_COLUMNS",
    "TRIGGERS",
    "TRIGGER_COLUMNS",
    "explain_row",
    "row_query",
    "screen",
]

EVENT_COLUMNS = (
    "crime",
    "date",
    "until",
    "territory",
    "nationality",
    "age",
    "provision",
    "aggressor",
    "area",
)
"""The columns read as the event: :class:`~icclaw.Event`'s fields. ``crime`` and ``date`` are
required; a missing value in any other is what ``None`` is to the Event (unknown territory or
nationality, age not assessed, the original text, ...)."""

TRIGGER_COLUMNS = ("trigger", "referred_by", "referred_on", "resolution", "authorised_on")
"""The columns read as the trigger. ``trigger`` is required: one of :data:`TRIGGERS`."""

TRIGGERS = ("proprio-motu", "state-referral", "security-council")

OUTPUT_COLUMNS = ("holds", "missing", "days_within", "within_from", "within_until")
"""The columns a screen adds (a table that has them already is refused, not overwritten)."""

STATELESS = "stateless"
"""Written as the nationality (in a text file, where an empty list cannot be), the accused is
stateless: ``nationality=()``."""

SEPARATOR = ";"
"""Between several states in one cell of ``territory``, ``nationality`` or ``referred_by``."""

PROBE = pendulum.Date(1, 1, 1)
"""The day a check is probed on: no fact of any record concerns it."""

_K = 1 << 24  # above OPEN: key * _K + day orders every key's days after the last key's
_CHUNK = 1_000_000
_SHOWN = 5


class _Bad:
    """The bad cells found, reported together as one error."""

    def __init__(self) -> None:
        self.items: list[tuple[int, str, str]] = []
        self.count = 0

    def add(self, rows: Any, column: str, why: str) -> None:
        rows = list(rows)
        self.count += len(rows)
        if len(self.items) < _SHOWN:
            self.items.append((int(rows[0]), column, why))

    def raise_if_any(self) -> None:
        if not self.items:
            return
        shown = "; ".join(f"row {r}, {c}: {why}" for r, c, why in sorted(self.items))
        more = self.count - len(self.items)
        tail = f" (and {more} more bad cells)" if more > 0 else ""
        raise InvalidValue(f"the events table has bad cells: {shown}{tail}")


# --- reading the table -----------------------------------------------------------------------


def _check_columns(columns: Iterable[str]) -> None:
    names = [str(c) for c in columns]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise InvalidValue(
            f"the events table has the column {twice[0][:60]!r} twice; give each column once"
        )
    known = (*EVENT_COLUMNS, *TRIGGER_COLUMNS)
    for required in ("crime", "date", "trigger"):
        if required not in names:
            close = difflib.get_close_matches(required, names, n=1, cutoff=0.75)
            hint = f"; is {close[0]!r} meant to be it?" if close else ""
            raise InvalidValue(
                f"the events table has no {required!r} column{hint} (columns read: {', '.join(known)})"
            )
    for name in names:
        if name in known:
            continue
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.8)
        if close and close[0] not in names:
            raise InvalidValue(
                f"column {name[:60]!r} looks like {close[0]!r}, which icclaw reads, but is not it; "
                f"rename it (a column icclaw does not read is kept, unread)"
            )
    clash = [c for c in OUTPUT_COLUMNS if c in names]
    if clash:
        raise InvalidValue(
            f"the events table already has {', '.join(clash)}: the screen adds these columns; "
            "rename or drop them first"
        )


def _factorize(pd: Any, series: Any) -> tuple[Any, list[Any]]:
    """Codes per row (-1 for a missing value) and the distinct values."""
    try:
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
    except TypeError:  # list cells (or worse): make them hashable, keeping what they are
        codes, uniques = pd.factorize(series.map(_hashable), use_na_sentinel=True)
    return codes, list(uniques)


class _Cell:
    """A cell whose value cannot be a key (a dict, a set, an array): kept to be refused."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __repr__(self) -> str:
        return repr(self.value)[:60]

    def __str__(self) -> str:
        return repr(self)


def _hashable(value: object) -> object:
    if isinstance(value, list | tuple):
        return tuple(_hashable(v) for v in value)
    try:
        hash(value)
    except TypeError:
        return _Cell(value)
    return value


def _rows_of(codes: Any, u: int) -> Any:
    import numpy as np  # noqa: PLC0415

    return np.flatnonzero(codes == u)


def _ordinals(np: Any, pd: Any, series: Any, column: str, bad: _Bad) -> Any:
    """Day numbers of a date column; -1 where missing."""
    if getattr(series.dtype, "tz", None) is not None:
        bad.add(np.arange(len(series)), column, "has a time zone; give calendar days (no time)")
        return np.full(len(series), -1, dtype=np.int64)
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        values = series.to_numpy(dtype="datetime64[ns]")
        missing = np.isnat(values)
        days = values.astype("datetime64[D]")
        timed = ~missing & (days.astype("datetime64[ns]") != values)
        if timed.any():
            bad.add(np.flatnonzero(timed), column, "carries a time of day; give calendar days")
        epoch = dt.date(1970, 1, 1).toordinal()
        out = days.astype(np.int64) + epoch
        out[missing] = -1
        return out
    codes, uniques = _factorize(pd, series)
    ordinals = np.empty(len(uniques) + 1, dtype=np.int64)
    ordinals[-1] = -1
    for u, value in enumerate(uniques):
        try:
            if isinstance(value, str) and len(value) != 10:
                raise InvalidValue(f"{value[:40]!r} is not a date YYYY-MM-DD")
            ordinals[u] = to_date(value, field=column).toordinal()
        except IcclawError as exc:
            bad.add(_rows_of(codes, u), column, str(exc))
            ordinals[u] = -1
    return ordinals[codes]


def _states_in(value: object, column: str) -> tuple[str, ...] | None:
    """A cell naming states: one code, several joined by ';', or a list."""
    if value is None:
        return None
    if isinstance(value, str):
        if column == "nationality" and value.strip().lower() == STATELESS:
            return ()
        parts = [p.strip() for p in value.split(SEPARATOR)]
        if not all(parts):
            raise InvalidValue(f"{value[:60]!r}: an empty state between ';'")
        return tuple(parts)
    if isinstance(value, tuple | list):
        return tuple(_one_state(v) for v in value)
    return (_one_state(value),)


def _one_state(value: object) -> Any:
    """A state as a cell names it: text, or a number in a numeric scheme (COW, G&W, ISO)."""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():  # a number column with gaps
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise InvalidType(f"{str(value)[:60]!r} ({type(value).__name__}) is not a state")


def _text(value: object, column: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidType(f"{str(value)[:60]!r} ({type(value).__name__}) is not text")
    return value


def _age(value: object, column: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidType(f"{str(value)[:60]!r} is not an age in whole years")
    if isinstance(value, float) and not value.is_integer():
        raise InvalidValue(f"{value!r} is not an age in whole years")
    return int(value)


class _Table:
    """The rows of a table, column by column: per row the id of its value, and the values."""

    def __init__(
        self, np: Any, pd: Any, frame: Any, *, record: FactBase, codes: str, bad: _Bad
    ) -> None:
        self.n = len(frame)
        columns = set(map(str, frame.columns))
        self.d0 = _ordinals(np, pd, frame["date"], "date", bad)
        missing = np.flatnonzero(self.d0 < 0)
        if len(missing) and not bad.count:
            bad.add(missing, "date", "missing: every event needs the day it took place or began")
        if "until" in columns:
            until = _ordinals(np, pd, frame["until"], "until", bad)
            self.d1 = np.where(until < 0, self.d0, until)
            self.until_given = until >= 0
            early = np.flatnonzero((until >= 0) & (until < self.d0))
            if len(early):
                bad.add(early, "until", "before date; 'until' is the last day of the conduct")
        else:
            self.d1 = self.d0.copy()
            self.until_given = np.zeros(self.n, dtype=bool)
        self.values: dict[str, list[Any]] = {}
        self.ids: dict[str, Any] = {}
        for column, read in _READERS.items():
            if column not in columns:
                self.ids[column] = np.full(self.n, -1, dtype=np.int64)
                self.values[column] = []
                continue
            ids, uniques = _factorize(pd, frame[column])
            parsed = []
            for u, value in enumerate(uniques):
                try:
                    parsed.append(read(_plain(value), column))
                except IcclawError as exc:
                    bad.add(_rows_of(ids, u), column, str(exc))
                    parsed.append(None)
            self.ids[column] = np.asarray(ids, dtype=np.int64)
            self.values[column] = parsed
        for column in ("referred_on", "authorised_on"):
            if column in columns:
                days = _ordinals(np, pd, frame[column], column, bad)
                ids, uniques = pd.factorize(days)
                self.ids[column] = np.where(days < 0, -1, ids).astype(np.int64)
                self.values[column] = [
                    pendulum.Date.fromordinal(int(d)) if d > 0 else None for d in uniques
                ]
            else:
                self.ids[column] = np.full(self.n, -1, dtype=np.int64)
                self.values[column] = []
        if codes != "iso3":
            self._translate(np, record, codes, bad)

    def _translate(self, np: Any, record: FactBase, scheme: str, bad: _Bad) -> None:
        """Name the states by the record's codes: each cell read in ``scheme`` on its row's day."""
        from icclaw.codes import code_table  # noqa: PLC0415

        table = code_table(scheme, record)
        for column in ("territory", "nationality", "aggressor", "referred_by"):
            ids, values = self.ids[column], self.values[column]
            if not values:
                continue
            if column == "referred_by":
                on_ids = self.ids["referred_on"]
                dates = self.values["referred_on"]
                days = np.array([dates[i].toordinal() if i >= 0 else -1 for i in on_ids.tolist()])
            else:
                days = self.d0
            pairs = np.stack([ids, days], axis=1)
            distinct, first, inverse = np.unique(
                pairs, axis=0, return_index=True, return_inverse=True
            )
            inverse = inverse.ravel()
            out: list[Any] = []
            for u, (vid, day) in enumerate(distinct.tolist()):
                value = values[vid] if vid >= 0 else None
                on = pendulum.Date.fromordinal(day) if day > 0 else None
                try:
                    if value is None:
                        out.append(None)
                    elif isinstance(value, tuple):
                        out.append(tuple(table.lookup(v, on) for v in value))
                    else:
                        out.append(table.lookup(value, on))
                except IcclawError as exc:
                    bad.add(np.flatnonzero(inverse == u), column, str(exc))
                    out.append(None)
            del first
            self.values[column] = out
            self.ids[column] = np.where(ids < 0, -1, inverse).astype(np.int64)

    def value(self, column: str, row: int) -> Any:
        i = int(self.ids[column][row])
        return None if i < 0 else self.values[column][i]


_READERS: dict[str, Callable[[object, str], object]] = {
    "crime": _text,
    "territory": _states_in,
    "nationality": _states_in,
    "age": _age,
    "provision": _text,
    "aggressor": _text,
    "area": _text,
    "trigger": _text,
    "referred_by": _states_in,
    "resolution": _text,
}


def _plain(value: object) -> object:
    """A cell as a plain Python value (numpy scalars and arrays made native)."""
    if hasattr(value, "tolist") and not isinstance(value, str):
        return value.tolist()
    return value


def _trigger(table: _Table, row: int) -> Trigger:
    kind = table.value("trigger", row)
    if kind is None:
        raise InvalidValue("trigger is missing; give one of " + ", ".join(TRIGGERS))
    kind = kind.strip().lower()
    by, on = table.value("referred_by", row), table.value("referred_on", row)
    resolution, authorised = table.value("resolution", row), table.value("authorised_on", row)
    given = {
        "referred_by": by is not None,
        "referred_on": on is not None,
        "resolution": resolution is not None,
        "authorised_on": authorised is not None,
    }
    needs = {
        "proprio-motu": (set(), {"authorised_on"}),
        "state-referral": ({"referred_by", "referred_on"}, set()),
        "security-council": ({"resolution"}, set()),
    }
    if kind not in needs:
        raise InvalidValue(f"trigger {kind[:40]!r} is not one of {', '.join(TRIGGERS)}")
    required, optional = needs[kind]
    for column in sorted(required):
        if not given[column]:
            raise InvalidValue(f"a {kind} row needs {column}")
    for column in sorted(c for c, v in given.items() if v and c not in required | optional):
        raise InvalidValue(f"{column} is given, but the trigger is {kind}, which does not read it")
    if kind == "proprio-motu":
        return ProprioMotu(authorised)
    if kind == "state-referral":
        return StateReferral(by=by, on=on)
    return SecurityCouncilReferral(resolution)


def _event(table: _Table, row: int, date: Date, until: Date | None) -> Event:
    crime = table.value("crime", row)
    if crime is None:
        raise InvalidValue("crime is missing; give one of " + ", ".join(c.value for c in Crime))
    return Event(
        crime,
        date,
        until,
        table.value("territory", row),
        table.value("nationality", row),
        table.value("age", row),
        table.value("provision", row),
        table.value("aggressor", row),
        table.value("area", row),
    )


# --- deciding --------------------------------------------------------------------------------


class _Sets:
    """Many span sets, one per key, looked up for many (key, days) at once."""

    def __init__(self, np: Any, sets: list[Spans]) -> None:
        starts, ends = [], []
        for k, spans in enumerate(sets):
            for a, b in spans:
                starts.append(k * _K + a)
                ends.append(k * _K + min(b, OPEN))
        self.np = np
        self.starts = np.array(starts, dtype=np.int64)
        self.ends = np.array(ends, dtype=np.int64)
        lengths = self.ends - self.starts + 1
        self.before = np.concatenate([[0], np.cumsum(lengths)])  # days in spans before i

    def touches(self, keys: Any, first: Any, last: Any) -> Any:
        """Whether the days first..last of each key meet its set."""
        np = self.np
        if not len(self.ends):
            return np.zeros(len(keys), dtype=bool)
        lo = keys * _K + first
        i = np.searchsorted(self.ends, lo, "left")  # the first span ending on or after first
        j = np.minimum(i, len(self.ends) - 1)
        return (i < len(self.ends)) & (self.starts[j] <= keys * _K + last)

    def count(self, keys: Any, first: Any, last: Any) -> Any:
        """How many of the days first..last of each key are in its set."""
        return self._upto(keys, last) - self._upto(keys, first - 1)

    def _upto(self, keys: Any, day: Any) -> Any:
        np = self.np
        if not len(self.ends):
            return np.zeros(len(keys), dtype=np.int64)
        q = keys * _K + day
        i = np.searchsorted(self.starts, q, "right") - 1  # the last span starting by day
        j = np.maximum(i, 0)
        inside = np.minimum(q, self.ends[j]) - self.starts[j] + 1
        return np.where(i >= 0, self.before[j] + np.maximum(inside, 0), 0)

    def first_in(self, keys: Any, first: Any) -> Any:
        np = self.np
        i = np.minimum(np.searchsorted(self.ends, keys * _K + first, "left"), len(self.ends) - 1)
        return np.maximum(self.starts[i] - keys * _K, first)

    def last_in(self, keys: Any, last: Any) -> Any:
        np = self.np
        i = np.maximum(np.searchsorted(self.starts, keys * _K + last, "right") - 1, 0)
        return np.minimum(self.ends[i] - keys * _K, last)


def _key(check: Callable[[Query], Check], event: Event, trigger: Trigger) -> tuple[object, ...]:
    """The fields ``check`` reads (besides the day, the record, ``on``, ``known_on``, policy)."""
    name = check.__name__
    council = isinstance(trigger, SecurityCouncilReferral)
    if name == "check_trigger":
        return (trigger,)
    if name == "check_subject_matter":
        if event.provision is None:
            return (event.crime,)
        return (event.crime, event.provision, event.territory, event.nationality, council)
    if name == "check_temporal":
        return (trigger if council else None, event.crime is Crime.AGGRESSION)
    if name == "check_preconditions":
        if council:
            return (trigger, event.territory, event.area)
        return (None, event.territory, event.nationality)
    if name == "check_age":
        return (event.age,)
    if name == "check_transitional":
        if event.crime is not Crime.WAR_CRIMES:
            return (False,)
        return (True, council, event.territory, event.nationality)
    if name == "check_aggression":
        if event.crime is not Crime.AGGRESSION:
            return (False,)
        return (event, trigger)
    if name == "check_deferral":  # reads the territory, for its qualifiers only
        return (event.territory,)
    # any other check: every field (exact, if slower)
    return (event, trigger)


class _Piecewise(NamedTuple):
    """What one check says about a single day of conduct, day by day: a step function.

    Piece 0 is every day before ``edges[0]``; piece ``i`` runs from ``edges[i - 1]`` up to the
    day before ``edges[i]``. Per piece: whether the day is certain, possible, the id of the
    missing facts the check names there, and whether the engine must decide it itself.
    """

    edges: tuple[int, ...]
    certain: tuple[bool, ...]
    possible: tuple[bool, ...]
    missing: tuple[int, ...]
    engine: tuple[bool, ...]


def _inside(spans: Spans, day: int) -> bool:
    return any(a <= day <= b for a, b in spans)


def _ends(spans: Iterable[tuple[int, int]]) -> set[int]:
    """The days a set of spans begins or stops on (day 1 and the open end are no change)."""
    return {d for a, b in spans for d in (a, b + 1) if 1 < d < OPEN}


class _Screen:
    """What one screen knows across its chunks: each check's answer per key of fields."""

    def __init__(self, record: FactBase, on: Date, known_on: Date | None, policy: Policy) -> None:
        self.record, self.on, self.known_on, self.policy = record, on, known_on, policy
        self.ids: list[dict[tuple[object, ...], int]] = [{} for _ in CHECKS]
        self.answers: list[list[Check]] = [[] for _ in CHECKS]
        self.tables: list[list[_Piecewise]] = [[] for _ in CHECKS]
        self.sensitive: list[list[Spans]] = [[] for _ in CHECKS]
        self._situations: dict[str, set[int]] = {}
        self.names: dict[tuple[str, ...], int] = {(): 0}
        self.named: list[tuple[str, ...]] = [()]

    def name_id(self, missing: tuple[str, ...]) -> int:
        found = self.names.get(missing)
        if found is None:
            found = self.names[missing] = len(self.named)
            self.named.append(missing)
        return found

    def query(self, event: Event, trigger: Trigger, day: int) -> Query:
        return Query(
            self.record, event, trigger, self.on, self.known_on, self.policy, ((day, day),)
        )

    def check_id(self, c: int, event: Event, trigger: Trigger) -> int:
        """The id of check ``c``'s answer for this event and trigger (computed when first met)."""
        check = CHECKS[c]
        key = _key(check, event, trigger)
        found = self.ids[c].get(key)
        if found is None:
            found = self.ids[c][key] = len(self.answers[c])
            self._answer(c, check, event, trigger)
        return found

    def _answer(
        self, c: int, check: Callable[[Query], Check], event: Event, trigger: Trigger
    ) -> None:
        answer = check(self.query(event, trigger, PROBE.toordinal()))
        if c == _TEMPORAL:  # the Court acting on `on` considers conduct up to that day
            upto = ((1, self.on.toordinal()),)
            answer = answer._replace(
                certain=s_and(answer.certain, upto), possible=s_and(answer.possible, upto)
            )
        sensitive, edges = self._sensitive(check, event)
        edges |= _ends(answer.certain) | _ends(answer.possible) | _ends(sensitive)
        cuts = sorted(edges)
        firsts = [1, *cuts]
        lasts = [d - 1 for d in cuts] + [OPEN - 1]
        certain, possible, missing, engine = [], [], [], []
        canonical = self.name_id(tuple(answer.missing))
        for first, last in zip(firsts, lasts, strict=True):
            if not _inside(sensitive, first):
                certain.append(_inside(answer.certain, first))
                possible.append(_inside(answer.possible, first))
                missing.append(canonical)
                engine.append(False)
                continue
            at_first, at_last = (self._single(check, event, trigger, d) for d in (first, last))
            same = at_first == at_last
            certain.append(at_first[0])
            possible.append(at_first[1])
            missing.append(self.name_id(at_first[2]))
            engine.append(not same)
        self.answers[c].append(answer)
        self.sensitive[c].append(sensitive)
        self.tables[c].append(
            _Piecewise(tuple(cuts), tuple(certain), tuple(possible), tuple(missing), tuple(engine))
        )

    def _single(
        self, check: Callable[[Query], Check], event: Event, trigger: Trigger, day: int
    ) -> tuple[bool, bool, tuple[str, ...]]:
        found = check(self.query(event, trigger, day))
        return _inside(found.certain, day), _inside(found.possible, day), tuple(found.missing)

    def _situation_edges(self, code: str) -> set[int]:
        """The ends of the periods of the Court's situations on ``code``'s territory (cached)."""
        found = self._situations.get(code)
        if found is None:
            found = set()
            for s in self.record.situations_concerning(code, known_on=self.known_on):
                if s.period is not None:
                    end = s.period.end.toordinal() if s.period.end else OPEN
                    found |= _ends(((s.period.start.toordinal(), end),))
            self._situations[code] = found
        return found

    def _sensitive(self, check: Callable[[Query], Check], event: Event) -> tuple[Spans, set[int]]:
        """The days on which ``check`` reads the days of the conduct, and its edges there.

        The edges are the days its answer may change on: the ends of every span it compares
        the conduct with.
        """
        record, on, known_on, policy = self.record, self.on, self.known_on, self.policy
        days: list[tuple[int, int]] = []
        edges: set[int] = set()
        if check.__name__ == "check_preconditions":
            for side, codes in (("territory", event.territory), ("nationality", event.nationality)):
                for code in codes or ():
                    link = link_periods(record, code, on, known_on, policy)
                    days.extend(
                        link.open_territorial if side == "territory" else link.open_national
                    )
                    days.extend(span for span, _ in link.withdrawn)
                    edges |= _ends(link.party) | _ends(link.territorial) | _ends(link.national)
                    edges |= _ends(link.open_territorial) | _ends(link.open_national)
                    edges |= _ends(span for span, _ in link.withdrawn)
                    edges |= self._situation_edges(code)
        elif check.__name__ == "check_transitional" and event.crime is Crime.WAR_CRIMES:
            for side, codes in (("territory", event.territory), ("nationals", event.nationality)):
                if codes is not None:
                    continue
                for code in record.declarants(DeclarationKind.TRANSITIONAL, known_on=known_on):
                    found = _transitional_cached(record, code, side, on, known_on)[0]
                    days.extend(found)
            for side, codes in (("territory", event.territory), ("nationals", event.nationality)):
                for code in codes or ():
                    edges |= _ends(_transitional_cached(record, code, side, on, known_on)[0])
            edges |= _ends(days)
        return s_norm(days), edges


_TEMPORAL = next(i for i, c in enumerate(CHECKS) if c.__name__ == "check_temporal")


class _Out:
    """The answers of a chunk's rows, filled in by the three ways of deciding them."""

    def __init__(self, np: Any, n: int) -> None:
        self.holds = np.zeros(n, dtype=np.int8)  # 1 yes, 0 no, -1 undetermined
        self.count = np.zeros(n, dtype=np.int64)
        self.first = np.zeros(n, dtype=np.int64)
        self.last = np.zeros(n, dtype=np.int64)
        self.missing = np.full(n, None, dtype=object)

    def finding(self, found: Finding, row: int, first: int, last: int) -> None:
        """Take one row's answer from the engine's Finding."""
        self.holds[row] = {True: 1, False: 0, None: -1}[found.holds]
        self.missing[row] = None
        self.count[row] = 0
        if found.holds:
            periods = found.value if isinstance(found.value, tuple) else ()
            days = [(p.start.toordinal(), (p.end or p.start).toordinal()) for p in periods]
            self.count[row] = sum(b - a + 1 for a, b in days) if days else last - first + 1
            self.first[row] = days[0][0] if days else first
            self.last[row] = days[-1][1] if days else last
        elif found.holds is None:
            self.missing[row] = "; ".join(found.missing)

    def periods(
        self, np: Any, pd: Any, state: _Screen, *, keys: Any, rows: Any, d0: Any, d1: Any
    ) -> None:
        """Rows whose conduct spans several days and meets no sensitive day.

        As the engine composes its checks: per combination of the checks' answers the days
        every check allows, and for each check that names missing facts the days it leaves
        open. ``keys`` holds each row's answer id per check.
        """
        if not len(rows):
            return
        local = _combine(np, pd, [keys[:, c] for c in range(len(CHECKS))])
        firsts = _firsts(np, local, int(local.max()) + 1)
        certain_sets: list[Spans] = []
        open_sets: list[list[Spans]] = [[] for _ in CHECKS]
        open_names: list[list[int]] = [[] for _ in CHECKS]
        for first in firsts.tolist():
            checks = [state.answers[c][keys[first, c]] for c in range(len(CHECKS))]
            certain: Spans = ALL_DAYS
            possible: Spans = ALL_DAYS
            for check in checks:
                if check.certain is not ALL_DAYS:
                    certain = s_and(certain, check.certain)
                if check.possible is not ALL_DAYS:
                    possible = s_and(possible, check.possible)
            certain_sets.append(certain)
            for c, check in enumerate(checks):
                opens = s_minus(possible, check.certain) if check.missing else ()
                open_sets[c].append(opens)
                open_names[c].append(state.name_id(tuple(check.missing)))
        a, b = d0[rows], d1[rows]
        sets = _Sets(np, certain_sets)
        yes = sets.touches(local, a, b)
        self.holds[rows] = np.where(yes, 1, 0)
        if len(sets.ends):
            self.count[rows] = np.where(yes, sets.count(local, a, b), 0)
            self.first[rows] = np.where(yes, sets.first_in(local, a), a)
            self.last[rows] = np.where(yes, sets.last_in(local, b), b)
        signature = []
        for c in range(len(CHECKS)):
            hit = _Sets(np, open_sets[c]).touches(local, a, b) & ~yes
            names = np.array(open_names[c], dtype=np.int64)[local]
            signature.append(np.where(hit, names, -1))
        maybe = np.any(np.stack(signature) >= 0, axis=0)
        self.holds[rows[maybe]] = -1
        for i in np.flatnonzero(maybe).tolist():
            names_: list[str] = []
            for sig in signature:
                if sig[i] >= 0:
                    names_.extend(m for m in state.named[int(sig[i])] if m not in names_)
            self.missing[rows[i]] = "; ".join(names_)

    def frame(self, np: Any, pd: Any) -> Any:
        yes = self.holds == 1
        epoch = dt.date(1970, 1, 1).toordinal()

        def days(values: Any) -> Any:
            out = (values - epoch).astype("datetime64[D]").astype("datetime64[ns]")
            out[~yes] = np.datetime64("NaT")
            return out

        return pd.DataFrame(
            {
                "holds": pd.arrays.BooleanArray(self.holds == 1, self.holds < 0),
                "missing": pd.array(self.missing, dtype="string"),
                "days_within": pd.arrays.IntegerArray(self.count, ~yes),
                "within_from": days(self.first),
                "within_until": days(self.last),
            }
        )


def screen(
    record: FactBase,
    events: Any,
    *,
    on: Date | None = None,
    known_on: Date | None = None,
    policy: Policy | None = None,
    codes: str = "iso3",
    progress: Callable[[int, int], None] | None = None,
) -> Any:
    """Screen a table of events: may the Court exercise jurisdiction over each?

    Args:
        record: The record answering.
        events: A pandas DataFrame, pyarrow Table or polars DataFrame with the columns
            :data:`EVENT_COLUMNS` and :data:`TRIGGER_COLUMNS` (only ``crime``, ``date`` and
            ``trigger`` are required; a column icclaw does not read is kept).
        on: The day the Court would act (default: the record's ``as_of``).
        known_on: Answer as the record stood on this day.
        policy: The readings of contested law.
        codes: The scheme the states are named in (see :mod:`icclaw.codes`).
        progress: Called with (rows done, rows in all) as the screen goes.

    Returns:
        The same kind of table with :data:`OUTPUT_COLUMNS` added: ``holds`` (a nullable
        boolean: missing where the facts leave it open, never "no"), ``missing`` (for an
        undetermined row, the facts that would decide it, joined by "; "), ``days_within`` and
        ``within_from``/``within_until`` (for a yes: how many days of the conduct, and the
        first and last, are within jurisdiction).

    Raises:
        MissingDependency: numpy or pandas is not installed.
        InvalidValue, InvalidType: bad columns or cells (each named by row and column).
        UnknownState, UnknownResolution: a state or Council text the record does not hold.
    """
    np = require("numpy", "a screen")
    pd = require("pandas", "a screen")
    kind = frame_kind(events)
    frame = events if kind == "pandas" else events.to_pandas()
    _check_columns(frame.columns)
    policy = policy or DEFAULT_POLICY
    day = on or record.as_of
    state = _Screen(record, day, known_on, policy)
    n = len(frame)
    parts = []
    if n == 0:  # nothing to screen: the columns, empty
        parts.append(_Out(np, 0).frame(np, pd))
    for start in range(0, n, _CHUNK):
        chunk = frame if n <= _CHUNK else frame.iloc[start : start + _CHUNK]
        size = len(chunk)

        def step(share: float, start: int = start, size: int = size) -> None:
            if progress is not None:  # how far through the table, as rows
                progress(start + int(share * size), n)

        parts.append(_screen_chunk(np, pd, chunk, state, codes=codes, offset=start, step=step))
    added = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    out = frame.copy(deep=False)  # the caller's table is left as it was
    for column in OUTPUT_COLUMNS:
        out[column] = added[column].array
    return as_kind(out, kind)


def _combine(np: Any, pd: Any, columns: list[Any]) -> Any:
    """One id per distinct combination of several id columns (each -1 for missing).

    The ids count from 0 without gaps (a single column is taken as it is, shifted by one if
    it holds -1, when it already does).
    """
    if len(columns) == 1 and len(columns[0]):
        only = columns[0]
        low, high = int(only.min()), int(only.max())
        if low >= -1 and high < 4 * len(only) + 4:  # small ids: one bincount shows the gaps
            shifted = only - low
            seen = np.bincount(shifted) > 0
            if seen.all():
                return shifted
            return (np.cumsum(seen) - 1)[shifted]
    combined = np.zeros(len(columns[0]), dtype=np.int64)
    room = 1
    for ids in columns:
        width = int(ids.max()) + 2 if len(ids) else 1
        if room * width >= 1 << 62:  # too many combinations for one integer: sort rows instead
            stacked = np.stack(columns, axis=1)
            return np.unique(stacked, axis=0, return_inverse=True)[1].ravel()
        combined = combined * width + (ids + 1)
        room *= width
    return pd.factorize(combined)[0]


def _firsts(np: Any, codes: Any, count: int) -> Any:
    """The first row of each code."""
    first = np.full(count, -1, dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)
    return first


def _lookup(np: Any, tables: list[_Piecewise], keys: Any, days: Any) -> tuple[Any, ...]:
    """Each row's piece of its key's step function: certain, possible, missing id, engine."""
    certain = np.array([v for tb in tables for v in tb.certain], dtype=bool)
    possible = np.array([v for tb in tables for v in tb.possible], dtype=bool)
    missing = np.array([v for tb in tables for v in tb.missing], dtype=np.int64)
    engine = np.array([v for tb in tables for v in tb.engine], dtype=bool)
    if all(not tb.edges for tb in tables):  # one piece a key: no search
        flat = keys
    else:
        edges = np.array(
            [k * _K + e for k, tb in enumerate(tables) for e in tb.edges], dtype=np.int64
        )
        # the edges of the keys before k, plus k's own up to the day: its piece, counted
        # among all pieces once k (one more piece than edges per key) is added
        flat = keys + np.searchsorted(edges, keys * _K + days, "right")
    return certain[flat], possible[flat], missing[flat], engine[flat]


def _screen_chunk(
    np: Any,
    pd: Any,
    frame: Any,
    state: _Screen,
    *,
    codes: str,
    offset: int,
    step: Callable[[float], None],
) -> Any:
    bad = _Bad()
    table = _Table(np, pd, frame, record=state.record, codes=codes, bad=bad)
    bad.raise_if_any()
    step(0.25)  # shares of the time each stage takes on a large table
    keys = _Keys(np, pd, table, state, bad=bad, offset=offset)
    bad.raise_if_any()
    step(0.55)
    out = _Out(np, table.n)
    d0, d1 = table.d0, table.d1
    engine = keys.aggression.copy()
    rows = np.flatnonzero((d0 == d1) & ~engine)
    if len(rows):  # one day of conduct: each check's step function, then the composition
        _single_days(
            np, pd, state, out, rows=rows, day=d0[rows], keys=keys.ids[rows], engine=engine
        )
    step(0.75)
    rows = np.flatnonzero((d0 != d1) & ~engine)
    if len(rows):  # several days: the composition per combination of answers, then the days
        ids = keys.ids[rows]
        for c in range(len(CHECKS)):
            sets = _Sets(np, state.sensitive[c])
            engine[rows[sets.touches(ids[:, c], d0[rows], d1[rows])]] = True
        kept = ~engine[rows]
        out.periods(np, pd, state, keys=ids[kept], rows=rows[kept], d0=d0, d1=d1)
    for row in np.flatnonzero(engine).tolist():  # the rest: the engine itself
        first, last = int(d0[row]), int(d1[row])
        event = _event(
            table,
            row,
            pendulum.Date.fromordinal(first),
            pendulum.Date.fromordinal(last) if last != first else None,
        )
        found = jurisdiction(
            state.record,
            event,
            keys.trigger(row),
            state.on,
            known_on=state.known_on,
            policy=state.policy,
        )
        out.finding(found, row, first, last)
    step(1.0)
    return out.frame(np, pd)


class _Keys:
    """Each row's answer id per check, found per distinct key of the fields it reads.

    The event's fields are read and checked once per distinct value (a territory, a
    nationality) or combination (crime, provision, aggressor, age and area, which an Event
    checks together); the trigger once per distinct combination of its columns. Never per row.
    """

    def __init__(
        self, np: Any, pd: Any, table: _Table, state: _Screen, *, bad: _Bad, offset: int
    ) -> None:
        self.state = state
        ids, n = table.ids, table.n
        self.trig = _combine(np, pd, [ids[c] for c in TRIGGER_COLUMNS])
        trig_c = self._triggers(np, table, bad, offset)
        council = np.array(
            [isinstance(x, SecurityCouncilReferral) for x in self.triggers], dtype=bool
        )[self.trig]
        self._canon: dict[str, dict[int, tuple[str, ...]]] = {}
        t_c = self._states(np, table, "territory", bad, offset)
        n_c = self._states(np, table, "nationality", bad, offset)
        columns = ("crime", "provision", "aggressor", "age", "area")
        core = _combine(np, pd, [ids[c] for c in columns])
        self.cores: list[Event | None] = []
        for u, row in enumerate(_firsts(np, core, _count(core)).tolist()):
            event: Event | None
            try:
                probe = _event(table, row, PROBE, None)
                event = attrs.evolve(probe, territory=None, nationality=None)
                _validate_event(state.record, event)
            except IcclawError as exc:
                bad.add(np.flatnonzero(core == u) + offset, "row", str(exc))
                event = None
            self.cores.append(event)
        self.aggression = np.zeros(n, dtype=bool)
        self.ids = np.zeros((n, len(CHECKS)), dtype=np.int64)
        if bad.count:
            return
        # Rows alike in every field a check reads share every answer: work per such shape.
        shape = _combine(np, pd, [trig_c, t_c, n_c, core, ids["area"]])
        first = _firsts(np, shape, _count(shape))
        s_trig, s_t, s_n, s_core = trig_c[first], t_c[first], n_c[first], core[first]
        cores = [e for e in self.cores if e is not None]
        aggression = np.array([e.crime is Crime.AGGRESSION for e in cores])[s_core]
        per_check = _key_columns(
            np,
            area=ids["area"][first],
            trigger=s_trig,
            council=council[first],
            territory=s_t,
            nationality=s_n,
            core=s_core,
            plain=np.array([e.provision is None for e in cores], dtype=bool)[s_core],
            war=np.array([e.crime is Crime.WAR_CRIMES for e in cores], dtype=np.int64)[s_core],
            aggression=aggression,
        )
        live = ~aggression
        answers = []
        for c, check in enumerate(CHECKS):
            key_columns = per_check.get(check.__name__, [s_core, s_t, s_n, s_trig])
            # aggression goes to the engine: never in a group with rows of other crimes
            group = _combine(np, pd, [*key_columns, live.astype(np.int64)])
            answer = np.zeros(_count(group), dtype=np.int64)
            for g, i in enumerate(_firsts(np, group, _count(group)).tolist()):
                if live[i]:
                    event = self.event(int(s_core[i]), int(s_t[i]), int(s_n[i]))
                    answer[g] = state.check_id(c, event, self.trigger(int(first[i])))
            answers.append(answer[group])
        self.aggression = aggression[shape]
        self.ids = np.stack(answers, axis=1)[shape]

    def _triggers(self, np: Any, table: _Table, bad: _Bad, offset: int) -> Any:
        """Each distinct trigger read and checked once; canonical ids per row (-1: bad)."""
        self.triggers: list[Trigger | None] = []
        canon: dict[Trigger, int] = {}
        ids = []
        for u, row in enumerate(_firsts(np, self.trig, _count(self.trig)).tolist()):
            trigger: Trigger | None
            try:
                trigger = _trigger(table, row)
                _validate_trigger(self.state.record, trigger)
            except IcclawError as exc:
                bad.add(np.flatnonzero(self.trig == u) + offset, "row", str(exc))
                trigger = None
            self.triggers.append(trigger)
            ids.append(canon.setdefault(trigger, len(canon)) if trigger else -1)
        return np.array(ids, dtype=np.int64)[self.trig]

    def _states(self, np: Any, table: _Table, column: str, bad: _Bad, offset: int) -> Any:
        """Canonical ids of a column of states: equal where the Event would make them equal."""
        ids, values = table.ids[column], table.values[column]
        canon: dict[tuple[str, ...] | None, int] = {}
        out = []
        read = _territory if column == "territory" else _nationality
        for u, value in enumerate(values):
            states: tuple[str, ...] | None
            try:
                states = read(value)
                for code in states or ():
                    self.state.record.state(code)
            except IcclawError as exc:
                bad.add(np.flatnonzero(ids == u) + offset, column, str(exc))
                states = None
            out.append(-1 if states is None else canon.setdefault(states, len(canon)))
        self._canon[column] = {v: k for k, v in canon.items() if k is not None}
        return np.where(ids < 0, -1, np.array([*out, -1], dtype=np.int64)[ids])

    def event(self, core: int, territory: int, nationality: int) -> Event:
        """The probe event of a row: its checked fields, dated on the probe day."""
        base = self.cores[core]
        assert base is not None
        return attrs.evolve(
            base,
            territory=self._canon["territory"][territory] if territory >= 0 else None,
            nationality=self._canon["nationality"][nationality] if nationality >= 0 else None,
        )

    def trigger(self, row: int) -> Trigger:
        found: Trigger | None = self.triggers[int(self.trig[row])]
        assert found is not None
        return found


def _key_columns(
    np: Any,
    *,
    area: Any,
    trigger: Any,
    council: Any,
    territory: Any,
    nationality: Any,
    core: Any,
    plain: Any,
    war: Any,
    aggression: Any,
) -> dict[str, list[Any]]:
    """Per check, the id columns whose combination is at least as fine as its :func:`_key`."""
    sc = council.astype(np.int64)
    return {
        "check_trigger": [trigger],
        "check_subject_matter": [
            core,
            np.where(plain, -1, territory),
            np.where(plain, -1, nationality),
            np.where(plain, -1, sc),
        ],
        "check_temporal": [np.where(council, trigger, -1), aggression.astype(np.int64)],
        "check_preconditions": [
            np.where(council, trigger, -1),
            territory,
            np.where(council, area, nationality),
            sc,
        ],
        "check_age": [core],
        "check_transitional": [
            war,
            np.where(war == 1, sc, -1),
            np.where(war == 1, territory, -1),
            np.where(war == 1, nationality, -1),
        ],
        "check_aggression": [aggression.astype(np.int64)],
        "check_deferral": [territory],
    }


def _count(codes: Any) -> int:
    return int(codes.max()) + 1 if len(codes) else 0


def _trivial(table: _Piecewise) -> bool:
    return not table.edges and table.certain[0] and not table.missing[0] and not table.engine[0]


def _single_days(
    np: Any, pd: Any, state: _Screen, out: _Out, *, rows: Any, day: Any, keys: Any, engine: Any
) -> None:
    """Rows of one day of conduct: each check's piece for the day, composed as the engine does.

    A row whose day falls in a piece the engine must decide is marked in ``engine``.
    """
    in_certain = np.ones(len(rows), dtype=bool)
    in_possible = np.ones(len(rows), dtype=bool)
    found = []
    for c in range(len(CHECKS)):
        if all(_trivial(tb) for tb in state.tables[c]):
            continue  # every day certain, nothing missing, nothing for the engine
        cert, poss, names, eng = _lookup(np, state.tables[c], keys[:, c], day)
        found.append((cert, names))
        in_certain &= cert
        in_possible &= poss
        engine[rows[eng]] = True
    maybe = np.zeros(len(rows), dtype=bool)
    signature = []
    for cert, names in found:
        if not names.any():
            continue
        opens = (names != 0) & in_possible & ~cert & ~in_certain
        maybe |= opens
        signature.append(np.where(opens, names, -1))
    out.holds[rows] = np.where(in_certain, 1, np.where(maybe, -1, 0))
    out.count[rows] = in_certain.astype(np.int64)
    out.first[rows] = day
    out.last[rows] = day
    if not maybe.any():
        return
    chosen = [sig[maybe] for sig in signature]
    which = _combine(np, pd, chosen)
    texts = []
    for i in _firsts(np, which, int(which.max()) + 1).tolist():
        names_: list[str] = []
        for sig in chosen:
            if sig[i] >= 0:
                names_.extend(m for m in state.named[int(sig[i])] if m not in names_)
        texts.append("; ".join(names_))
    out.missing[rows[maybe]] = np.array(texts, dtype=object)[which]


def _validate_event(record: FactBase, event: Event) -> None:
    """Every state the event names must be in the record (as the engine requires)."""
    for code in (
        *(event.territory or ()),
        *(event.nationality or ()),
        *((event.aggressor,) if event.aggressor else ()),
    ):
        record.state(code)


def _validate_trigger(record: FactBase, trigger: Trigger) -> None:
    """Every referring state and Council text must be in the record."""
    for code in trigger.by if isinstance(trigger, StateReferral) else ():
        record.state(code)
    if isinstance(trigger, SecurityCouncilReferral):
        record.resolution(trigger.resolution)


def row_query(
    record: FactBase, events: Any, row: int, *, codes: str = "iso3"
) -> tuple[Event, Trigger]:
    """The event and trigger of one row of a table, read exactly as :func:`screen` reads it."""
    pd = require("pandas", "reading a row")
    np = require("numpy", "reading a row")
    kind = frame_kind(events)
    frame = events if kind == "pandas" else events.to_pandas()
    if isinstance(row, bool) or not isinstance(row, int) or not 0 <= row < len(frame):
        raise InvalidValue(f"row {str(row)[:20]}: the table has rows 0 to {len(frame) - 1}")
    _check_columns(frame.columns)
    bad = _Bad()
    table = _Table(np, pd, frame.iloc[row : row + 1], record=record, codes=codes, bad=bad)
    bad.raise_if_any()
    first, last = int(table.d0[0]), int(table.d1[0])
    event = _event(
        table,
        0,
        pendulum.Date.fromordinal(first),
        pendulum.Date.fromordinal(last) if table.until_given[0] else None,
    )
    return event, _trigger(table, 0)


def explain_row(
    record: FactBase,
    events: Any,
    row: int,
    *,
    on: Date | None = None,
    known_on: Date | None = None,
    policy: Policy | None = None,
    codes: str = "iso3",
) -> Finding:
    """The full Finding for one row of a table: what :func:`screen` decided, and why."""
    event, trigger = row_query(record, events, row, codes=codes)
    return jurisdiction(record, event, trigger, on, known_on=known_on, policy=policy)
