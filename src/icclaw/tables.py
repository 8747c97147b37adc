"""Answers as tables: state-by-date panels of treaty status.

The batch floor of the treaty-law engine: a panel reads the compiled
:class:`~icclaw.history.StatusTable` of each state and treaty (the rules of
:mod:`icclaw.status`, worked out once per piece of days) for a whole grid of days at once,
with numpy. Where a question is not one the compiled tables answer (``known_on=`` or a policy
other than the default), each cell is asked of the engine itself.

numpy and pandas come with the ``tables`` extra (``pip install 'icclaw[tables]'``) and are
imported only here, only when a table is asked for.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from icclaw import status as treaty_law
from icclaw.dates import Date, months_after, to_date, years_after
from icclaw.errors import IcclawError, InvalidType, InvalidValue, MissingDependency
from icclaw.history import TreatyStatus
from icclaw.policy import DEFAULT_POLICY

if TYPE_CHECKING:
    from icclaw.base import FactBase
    from icclaw.dates import DateLike
    from icclaw.policy import Policy
    from icclaw.states import State
    from icclaw.treaties import Treaty

__all__ = ["FREQUENCIES", "STATUSES", "as_kind", "frame_kind", "panel", "panel_days", "require"]

FREQUENCIES = ("year", "month", "day")
"""How far apart the days of a panel are."""

STATUSES: tuple[TreatyStatus, ...] = tuple(TreatyStatus)
"""The statuses in the order of the panel's ``status`` categories."""

MAX_CELLS = 50_000_000
"""The most rows one panel may have (states × days × treaties); more is refused, not cut."""


def require(module: str, what: str) -> Any:
    """Import an optional module, or raise :class:`~icclaw.MissingDependency` naming the extra."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependency(
            f"{what} needs {module}, which is not installed; install the tables extra: "
            "pip install 'icclaw[tables]'"
        ) from None


def panel_days(
    start: DateLike, end: DateLike, freq: Literal["year", "month", "day"] | str = "year"
) -> tuple[Date, ...]:
    """The days of a panel: ``start``, then every ``freq`` after it, up to ``end`` inclusive.

    Steps are counted from ``start`` (not added one to another), so a panel from 31 January
    by month falls on the last day of the shorter months and returns to the 31st after them.

    Raises:
        InvalidValue: for an unknown ``freq`` or an ``end`` before ``start``.
    """
    first, last = to_date(start, field="start"), to_date(end, field="end")
    if freq not in FREQUENCIES:
        raise InvalidValue(
            f"freq={str(freq)!r}: not a panel frequency; use one of {', '.join(FREQUENCIES)}"
        )
    if last < first:
        raise InvalidValue(f"end {last} is before start {first}")
    if freq == "day":
        n = last.toordinal() - first.toordinal() + 1
        return tuple(Date.fromordinal(first.toordinal() + i) for i in range(n))
    step = years_after if freq == "year" else months_after
    out: list[Date] = []
    day = first
    while day <= last:
        out.append(day)
        day = step(first, len(out))
    return tuple(out)


def _treaty_list(record: FactBase, treaties: str | Treaty | Iterable[str | Treaty]) -> list[Treaty]:
    items: Iterable[str | Treaty] = (
        (treaties,) if isinstance(treaties, str) or not isinstance(treaties, Iterable) else treaties
    )
    out = [record.treaty(t) for t in items]
    if not out:
        raise InvalidValue("treaties: name at least one treaty (e.g. 'rome-statute')")
    return list(dict.fromkeys(out))


def _state_list(
    record: FactBase,
    states: Iterable[str | State] | None,
    codes: str,
    days: tuple[Date, ...],
) -> list[State]:
    """The states of a panel, from the record's codes or another scheme's values.

    A value in another scheme stands for each state it names on any of the panel's days: G&W
    365 is the USSR until 25 December 1991 and Russia after it.
    """
    if states is None:
        return list(record.states)
    if isinstance(states, str):
        raise InvalidType(
            f"states={states[:40]!r}: give a list of states (e.g. ['UKR', 'RUS']), not one string"
        )
    out: list[State] = []
    for item in states:
        if codes == "iso3" or not isinstance(item, str | int):
            out.append(record.state(item))
            continue
        from icclaw.codes import code_table  # noqa: PLC0415

        table = code_table(codes, record)
        named: list[str] = []
        first_error: IcclawError | None = None
        for day in days:
            try:
                named.append(table.lookup(item, day))
            except IcclawError as exc:  # it names no state of the record that day
                first_error = first_error or exc
        if not named:
            assert first_error is not None
            raise first_error
        out.extend(record.state(code) for code in dict.fromkeys(named))
    return list(dict.fromkeys(out))


def panel(
    record: FactBase,
    treaties: str | Treaty | Iterable[str | Treaty],
    *,
    start: DateLike,
    end: DateLike,
    freq: Literal["year", "month", "day"] | str = "year",
    states: Iterable[str | State] | None = None,
    codes: str = "iso3",
    known_on: Date | None = None,
    policy: Policy | None = None,
) -> Any:
    """A tidy table of where each state stood with each treaty on each day of a grid.

    One row per state, day and treaty, for every state that exists on the day (a state that has
    ceased to exist has no rows after it ended). Columns:

    * ``state``: the record's code (ISO 3166-1 alpha-3, or the record's code of a historical
      state);
    * ``date``: the day (``datetime64[ns]``, midnight);
    * ``treaty``: the treaty's slug;
    * ``status``: the :class:`~icclaw.TreatyStatus` value, or missing (``<NA>``) where the
      record leaves it open (a pandas categorical);
    * ``bound``: whether the state is bound, ``True``, ``False`` or missing (``<NA>``) where
      the record leaves it open (pandas ``boolean``). A missing value is never "no".

    Each cell is what :meth:`~icclaw.Record.explain_status` answers for it: ``status`` its
    ``value``, ``bound`` its ``holds``.

    Raises:
        MissingDependency: numpy or pandas is not installed.
        InvalidValue: an unknown frequency, an end before the start, or a panel of more than
            :data:`MAX_CELLS` rows.
        UnknownState, UnknownTreaty: for a state or treaty the record does not hold.
    """
    np = require("numpy", "a panel")
    pd = require("pandas", "a panel")
    days = panel_days(start, end, freq)
    treaty_objs = _treaty_list(record, treaties)
    people = _state_list(record, states, codes, days)
    cells = len(days) * len(people) * len(treaty_objs)
    if cells > MAX_CELLS:
        raise InvalidValue(
            f"a panel of {cells:,} rows ({len(people)} states × {len(days)} days × "
            f"{len(treaty_objs)} treaties) is over the limit of {MAX_CELLS:,}; "
            "ask for fewer states, days or treaties"
        )
    ordinals = np.array([d.toordinal() for d in days], dtype=np.int64)
    compiled = known_on is None and (policy is None or policy == DEFAULT_POLICY)
    status_index = {s: i for i, s in enumerate(STATUSES)}
    parts: dict[str, list[Any]] = {"state": [], "day": [], "treaty": [], "status": [], "bound": []}
    for tr in treaty_objs:
        for st in people:
            alive = ordinals if st.ended is None else ordinals[ordinals < st.ended.toordinal()]
            if not len(alive):
                continue
            if compiled:
                table = treaty_law.status_table(record, st.code, tr.slug)
                piece = np.searchsorted(np.array(table.ordinals, dtype=np.int64), alive, "right")
                codes_of = np.array(
                    [-1 if s is None else status_index[s] for s in table.statuses], dtype=np.int8
                )
                bound_of = np.array(
                    [-1 if b is None else int(b) for b in table.bound], dtype=np.int8
                )
                status_codes, bound_codes = codes_of[piece], bound_of[piece]
            else:
                status_codes, bound_codes = _asked(
                    np,
                    record=record,
                    code=st.code,
                    slug=tr.slug,
                    ordinals=alive,
                    known_on=known_on,
                    policy=policy,
                    status_index=status_index,
                )
            parts["state"].append(np.full(len(alive), st.code, dtype=object))
            parts["day"].append(alive)
            parts["treaty"].append(np.full(len(alive), tr.slug, dtype=object))
            parts["status"].append(status_codes)
            parts["bound"].append(bound_codes)
    return _frame(np, pd, parts)


def _asked(
    np: Any,
    *,
    record: FactBase,
    code: str,
    slug: str,
    ordinals: Any,
    known_on: Date | None,
    policy: Policy | None,
    status_index: dict[TreatyStatus, int],
) -> tuple[Any, Any]:
    """Each cell asked of the engine (for ``known_on`` or a policy the tables do not hold)."""
    statuses, bound = [], []
    for ordinal in ordinals.tolist():
        day = Date.fromordinal(ordinal)
        found = treaty_law.explain_status(record, code, slug, day, known_on=known_on, policy=policy)
        value = found.value if isinstance(found.value, TreatyStatus) else None
        statuses.append(-1 if value is None else status_index[value])
        bound.append(-1 if found.holds is None else int(found.holds))
    return np.array(statuses, dtype=np.int8), np.array(bound, dtype=np.int8)


def _frame(np: Any, pd: Any, parts: dict[str, list[Any]]) -> Any:
    def joined(name: str, dtype: Any) -> Any:
        return np.concatenate(parts[name]) if parts[name] else np.array([], dtype=dtype)

    ordinals = joined("day", np.int64)
    epoch = dt.date(1970, 1, 1).toordinal()
    status = joined("status", np.int8)
    bound = joined("bound", np.int8)
    return pd.DataFrame(
        {
            "state": pd.array(joined("state", object), dtype="string"),
            "date": (ordinals - epoch).astype("datetime64[D]").astype("datetime64[ns]"),
            "treaty": pd.array(joined("treaty", object), dtype="string"),
            "status": pd.Categorical.from_codes(
                status.astype(np.int64), categories=[s.value for s in STATUSES]
            ),
            "bound": pd.arrays.BooleanArray(bound == 1, bound < 0),
        }
    )


def frame_kind(table: object) -> str:
    """``"pandas"``, ``"arrow"`` or ``"polars"``: which library ``table`` comes from."""
    module = type(table).__module__.split(".")[0]
    kinds = {"pandas": "pandas", "pyarrow": "arrow", "polars": "polars"}
    if module not in kinds:
        raise InvalidType(
            f"a table of type {type(table).__name__}: give a pandas DataFrame, a pyarrow Table "
            "or a polars DataFrame"
        )
    return kinds[module]


def as_kind(frame: Any, kind: str) -> Any:
    """A pandas DataFrame converted to ``kind`` (see :func:`frame_kind`)."""
    if kind == "pandas":
        return frame
    if kind == "arrow":
        pa = require("pyarrow", "an Arrow table")
        return pa.Table.from_pandas(frame, preserve_index=False)
    pl = require("polars", "a polars table")
    return pl.from_pandas(frame)
