"""Dates: the one door through which calendar days enter icclaw, and the law's calendar rules.

The law counts calendar days, not instants, so icclaw works with :class:`pendulum.Date` only:
no times, no time zones. Anything carrying a time of day is refused rather than truncated.

Calendar rules used by treaties:

* :func:`days_after` — the day N days after a date.
* :func:`months_after`, :func:`years_after` — same day N months/years later; where that day does
  not exist (31 August + 6 months; 29 February + 1 year) the last day of the month is taken.
* :func:`first_day_of_month_after` — the first day of the month following a date; a date that
  is itself the first of a month moves to the first of the *next* month ("after").
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
from typing import TYPE_CHECKING, TypeAlias

import attrs
import pendulum

from icclaw.errors import InvalidDate

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "ALL_DAYS",
    "NO_DAYS",
    "OPEN",
    "Date",
    "DateLike",
    "Period",
    "Spans",
    "days_after",
    "describe",
    "first_day_of_month_after",
    "first_of_nth_month_after",
    "intersect",
    "months_after",
    "normalise",
    "optional_date",
    "s_and",
    "s_minus",
    "s_norm",
    "s_text",
    "span",
    "subtract",
    "to_date",
    "to_periods",
    "to_spans",
    "years_after",
]

Date: TypeAlias = pendulum.Date
"""The date type icclaw returns everywhere."""

DateLike: TypeAlias = "pendulum.Date | _dt.date | str"
"""What icclaw accepts as a date: a ``YYYY-MM-DD`` string, a ``datetime.date`` or a pendulum Date."""

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def to_date(value: object, *, field: str = "date") -> Date:
    """Coerce ``value`` to a :class:`pendulum.Date`.

    Args:
        value: A ``YYYY-MM-DD`` string, a :class:`datetime.date` or a :class:`pendulum.Date`.
        field: The name of the argument, used in the error message.

    Returns:
        The calendar day, as a :class:`pendulum.Date`.

    Raises:
        InvalidDate: for a datetime (it carries a time of day), a malformed string, an
            impossible date such as ``2023-02-29``, or any other type.
    """
    if type(value) is pendulum.Date:  # the common case, first
        return value
    if isinstance(value, _dt.datetime):  # pendulum.DateTime is one too, and a Date subclass
        raise InvalidDate(
            f"{field}: {value!r} carries a time of day; the law counts calendar days, "
            f"so pass a date such as {value.date().isoformat()!r}"
        )
    if isinstance(value, pendulum.Date):
        return value
    if isinstance(value, _dt.date):
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, str):
        text = value.strip()
        if not _ISO.fullmatch(text):
            raise InvalidDate(
                f"{field}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. '2016-12-01'"
            )
        try:
            return pendulum.Date.fromisoformat(text)
        except ValueError as exc:
            raise InvalidDate(f"{field}: {value!r} is not a real calendar day ({exc})") from None
    raise InvalidDate(
        f"{field}: expected a date (YYYY-MM-DD string, datetime.date or pendulum.Date), "
        f"got {type(value).__name__} {value!r}"
    )


def optional_date(value: object) -> Date | None:
    """Coerce ``value`` to a Date, keeping ``None`` as ``None`` (an attrs converter)."""
    return None if value is None else to_date(value)


def days_after(d: Date, n: int) -> Date:
    """Return the day ``n`` calendar days after ``d`` (day ``n`` of a period starting after ``d``)."""
    return Date.fromordinal(d.toordinal() + n)


def months_after(d: Date, n: int) -> Date:
    """Return the same day ``n`` months after ``d``, or the month's last day if it has no such day.

    >>> months_after(Date(2006, 10, 31), 6)
    Date(2007, 4, 30)
    """
    year, month = divmod(d.year * 12 + d.month - 1 + n, 12)
    return Date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def years_after(d: Date, n: int) -> Date:
    """Return the same day ``n`` years after ``d``.

    For 29 February in a year without one, the result is 28 February: the anniversary falls
    on the last day of February, 365 days after the notice, never spilling into March.

    >>> years_after(Date(2024, 2, 29), 1)
    Date(2025, 2, 28)
    """
    return months_after(d, 12 * n)


def first_day_of_month_after(d: Date) -> Date:
    """Return the first day of the month following the month of ``d``.

    >>> first_day_of_month_after(Date(2024, 12, 24))
    Date(2025, 1, 1)
    >>> first_day_of_month_after(Date(2024, 3, 1))
    Date(2024, 4, 1)
    """
    return pendulum.Date(d.year, d.month, 1).add(months=1)


def first_of_nth_month_after(d: Date, n: int) -> Date:
    """Return the first day of the ``n``-th month after the month of ``d``.

    >>> first_of_nth_month_after(Date(1998, 9, 16), 6)
    Date(1999, 3, 1)
    >>> first_of_nth_month_after(Date(2010, 2, 16), 6)
    Date(2010, 8, 1)
    """
    return pendulum.Date(d.year, d.month, 1).add(months=n)


def _end_after_start(
    instance: Period, _attribute: attrs.Attribute[Date | None], end: Date | None
) -> None:
    if end is not None and end < instance.start:
        raise InvalidDate(f"period ends ({end}) before it starts ({instance.start})")


@attrs.frozen
class Period:
    """A span of calendar days, both ends included.

    Attributes:
        start: The first day of the period.
        end: The last day of the period, or ``None`` for a period still running.
    """

    start: Date = attrs.field(converter=to_date)
    end: Date | None = attrs.field(
        default=None, converter=optional_date, validator=_end_after_start
    )

    def __contains__(self, day: object) -> bool:
        d = to_date(day)
        return self.start <= d and (self.end is None or d <= self.end)

    def overlaps(self, other: Period) -> bool:
        """Return whether the two periods share at least one day."""
        return self.intersection(other) is not None

    def intersection(self, other: Period) -> Period | None:
        """Return the days the two periods share, or ``None`` if they share none."""
        start = max(self.start, other.start)
        ends = [e for e in (self.end, other.end) if e is not None]
        end = min(ends) if ends else None
        if end is not None and end < start:
            return None
        return Period(start, end)

    def __str__(self) -> str:
        return f"{self.start} – {self.end if self.end is not None else 'open'}"


def normalise(periods: Iterable[Period]) -> tuple[Period, ...]:
    """Return the same days as a sorted tuple of disjoint periods, merging any that touch.

    >>> normalise([Period("2020-01-05", "2020-01-09"), Period("2020-01-01", "2020-01-04")])
    (Period(start=Date(2020, 1, 1), end=Date(2020, 1, 9)),)
    """
    return to_periods(to_spans(periods))


def intersect(a: Iterable[Period], b: Iterable[Period]) -> tuple[Period, ...]:
    """Return the days in both ``a`` and ``b``, as disjoint sorted periods."""
    return to_periods(s_and(to_spans(a), to_spans(b)))


def subtract(a: Iterable[Period], b: Iterable[Period]) -> tuple[Period, ...]:
    """Return the days in ``a`` and not in ``b``, as disjoint sorted periods."""
    return to_periods(s_minus(to_spans(a), to_spans(b)))


def describe(periods: Iterable[Period]) -> str:
    """Render periods for a reader: ``"2014-02-20 – open"`` or several joined by ``"; "``."""
    return "; ".join(str(p) for p in periods) or "no day"


# --- spans: the same algebra on day numbers, for the engines' inner loops ---------------------

Spans: TypeAlias = tuple[tuple[int, int], ...]
"""Days as sorted, disjoint, inclusive ``(first, last)`` proleptic ordinals; ``OPEN`` ends an
open span. The engines compute on spans and turn them into :class:`Period` objects for answers."""

OPEN = 10**7
"""The ``last`` of a span with no end (beyond any ordinal a Date can have)."""

ALL_DAYS: Spans = ((1, OPEN),)
NO_DAYS: Spans = ()


def span(start: Date, end: Date | None = None) -> tuple[int, int]:
    """The span from ``start`` to ``end`` inclusive (``None``: open)."""
    return (start.toordinal(), OPEN if end is None else end.toordinal())


def to_spans(periods: Iterable[Period]) -> Spans:
    """Turn periods into normalised spans."""
    return s_norm(span(p.start, p.end) for p in periods)


def to_periods(spans: Spans) -> tuple[Period, ...]:
    """Turn spans into periods."""
    if len(spans) == 1:
        return (_period(*spans[0]),)
    return tuple([_period(a, b) for a, b in spans])


@functools.lru_cache(maxsize=1 << 16)
def _day(ordinal: int) -> Date:
    """The day of a proleptic ordinal (days are immutable: one object serves every caller)."""
    return pendulum.Date.fromordinal(ordinal)


@functools.lru_cache(maxsize=1 << 16)
def _period(a: int, b: int) -> Period:
    """The period of the span ``(a, b)``, made without conversion where its ends are in order.

    Periods are immutable: one object serves every caller.
    """
    if not 0 < a <= b:
        return Period(
            pendulum.Date.fromordinal(a), None if b >= OPEN else pendulum.Date.fromordinal(b)
        )
    p = _new(Period)
    _set(p, "start", _day(a))
    _set(p, "end", None if b >= OPEN else _day(b))
    return p


_new = object.__new__
_set = object.__setattr__


def s_norm(spans: Iterable[tuple[int, int]]) -> Spans:
    """Sort and merge spans that overlap or touch."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1] + 1:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return tuple(out)


def s_and(x: Spans, y: Spans) -> Spans:
    """The days in both (each normalised)."""
    if y is ALL_DAYS or not x:
        return x
    if x is ALL_DAYS or not y:
        return y
    if len(x) == 1 and len(y) == 1:  # the common case, on its own: one span each
        (a, b), (c, d) = x[0], y[0]
        a, b = c if a < c else a, d if d < b else b
        return ((a, b),) if a <= b else ()
    out = []
    i = j = 0
    while i < len(x) and j < len(y):
        a = max(x[i][0], y[j][0])
        b = min(x[i][1], y[j][1])
        if a <= b:
            out.append((a, b))
        if x[i][1] < y[j][1]:
            i += 1
        else:
            j += 1
    return tuple(out)


def s_minus(x: Spans, y: Spans) -> Spans:
    """The days in ``x`` and not in ``y`` (each normalised)."""
    if not y or not x:
        return x
    out = []
    for a, b in x:
        start = a
        for c, d in y:
            if d < start or c > b:
                continue
            if c > start:
                out.append((start, c - 1))
            start = d + 1
            if start > b:
                break
        if start <= b:
            out.append((start, b))
    return tuple(out)


def s_text(spans: Spans) -> str:
    """Render spans for a reader, as :func:`describe` renders periods."""
    if not spans:
        return "no day"
    return "; ".join(
        f"{_dt.date.fromordinal(a).isoformat()} – {'open' if b >= OPEN else _dt.date.fromordinal(b).isoformat()}"
        for a, b in spans
    )
