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

import datetime as _dt
import re
from typing import TYPE_CHECKING, TypeAlias

import attrs
import pendulum

from icclaw.errors import InvalidDate

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "Date",
    "DateLike",
    "Period",
    "days_after",
    "describe",
    "first_day_of_month_after",
    "intersect",
    "months_after",
    "normalise",
    "optional_date",
    "subtract",
    "to_date",
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
    return d.add(days=n)


def months_after(d: Date, n: int) -> Date:
    """Return the same day ``n`` months after ``d``, or the month's last day if it has no such day."""
    return d.add(months=n)


def years_after(d: Date, n: int) -> Date:
    """Return the same day ``n`` years after ``d``.

    For 29 February in a year without one, the result is 28 February: the anniversary falls
    on the last day of February, 365 days after the notice, never spilling into March.
    """
    return d.add(years=n)


def first_day_of_month_after(d: Date) -> Date:
    """Return the first day of the month following the month of ``d``.

    >>> first_day_of_month_after(Date(2024, 12, 24))
    Date(2025, 1, 1)
    >>> first_day_of_month_after(Date(2024, 3, 1))
    Date(2024, 4, 1)
    """
    return pendulum.Date(d.year, d.month, 1).add(months=1)


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
    out: list[Period] = []
    for p in sorted(periods, key=lambda p: p.start):
        if out:
            last = out[-1]
            if last.end is None:
                continue
            if p.start <= last.end.add(days=1):
                end = None if p.end is None else max(last.end, p.end)
                out[-1] = Period(last.start, end)
                continue
        out.append(p)
    return tuple(out)


def intersect(a: Iterable[Period], b: Iterable[Period]) -> tuple[Period, ...]:
    """Return the days in both ``a`` and ``b``, as disjoint sorted periods."""
    left, right = normalise(a), normalise(b)
    out = []
    for p in left:
        for q in right:
            both = p.intersection(q)
            if both is not None:
                out.append(both)
    return normalise(out)


def subtract(a: Iterable[Period], b: Iterable[Period]) -> tuple[Period, ...]:
    """Return the days in ``a`` and not in ``b``, as disjoint sorted periods."""
    out = list(normalise(a))
    for cut in normalise(b):
        kept: list[Period] = []
        for p in out:
            if p.intersection(cut) is None:
                kept.append(p)
                continue
            if p.start < cut.start:
                kept.append(Period(p.start, cut.start.subtract(days=1)))
            if cut.end is not None and (p.end is None or p.end > cut.end):
                kept.append(Period(cut.end.add(days=1), p.end))
        out = kept
    return normalise(out)


def describe(periods: Iterable[Period]) -> str:
    """Render periods for a reader: ``"2014-02-20 – open"`` or several joined by ``"; "``."""
    return "; ".join(str(p) for p in periods) or "no day"
