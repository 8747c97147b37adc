"""Dates through one door, and the calendar rules of the law."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from icclaw import InvalidDate, Period
from icclaw import strategies as ist
from icclaw.dates import days_after, first_day_of_month_after, months_after, to_date, years_after


@given(ist.dates())
def test_every_form_of_a_day_gives_the_same_date(d: pendulum.Date) -> None:
    assert to_date(d) == d
    assert to_date(d.isoformat()) == d
    assert to_date(dt.date(d.year, d.month, d.day)) == d
    assert type(to_date(dt.date(d.year, d.month, d.day))) is pendulum.Date


@given(st.datetimes())
def test_a_value_with_a_time_of_day_is_refused_not_truncated(value: dt.datetime) -> None:
    with pytest.raises(InvalidDate, match="time of day"):
        to_date(value)
    with pytest.raises(InvalidDate, match="time of day"):
        to_date(pendulum.instance(value))


@pytest.mark.parametrize(
    "text",
    ["2023-02-29", "2016-13-01", "2016-12-32", "01/12/2016", "20161201", "2016-12-01T00:00", ""],
)
def test_malformed_or_impossible_strings_are_refused(text: str) -> None:
    with pytest.raises(InvalidDate):
        to_date(text)


@pytest.mark.parametrize("value", [20161201, None, 2016.12, ["2016-12-01"]])
def test_other_types_are_refused_with_the_expected_forms(value: object) -> None:
    with pytest.raises(InvalidDate, match="YYYY-MM-DD"):
        to_date(value, field="on")


@given(ist.dates())
def test_first_day_of_month_after_is_a_first_strictly_later_and_within_a_month(
    d: pendulum.Date,
) -> None:
    f = first_day_of_month_after(d)
    assert f.day == 1
    assert f > d
    assert f <= d.add(months=1)


@given(ist.dates(), st.integers(0, 400))
def test_days_after_counts_calendar_days(d: pendulum.Date, n: int) -> None:
    assert (days_after(d, n) - d).in_days() == n


@given(ist.dates(), st.integers(0, 24))
def test_months_after_keeps_the_day_or_takes_the_months_last(d: pendulum.Date, n: int) -> None:
    m = months_after(d, n)
    assert (m.year * 12 + m.month) - (d.year * 12 + d.month) == n
    assert m.day == d.day or (m.day < d.day and m.add(days=1).day == 1)


@given(ist.dates(), st.integers(1, 5))
def test_years_after_is_the_anniversary(d: pendulum.Date, n: int) -> None:
    y = years_after(d, n)
    assert y.year == d.year + n
    if (d.month, d.day) != (2, 29):
        assert (y.month, y.day) == (d.month, d.day)


def test_29_february_plus_a_year_is_28_february() -> None:
    """The documented choice: 365 days later, the last day of February, never March."""
    assert years_after(pendulum.Date(2016, 2, 29), 1) == pendulum.Date(2017, 2, 28)
    assert years_after(pendulum.Date(2016, 2, 29), 4) == pendulum.Date(2020, 2, 29)


@given(ist.periods(), ist.dates())
def test_a_period_contains_exactly_the_days_between_its_ends(p: Period, d: pendulum.Date) -> None:
    assert (d in p) == (p.start <= d and (p.end is None or d <= p.end))


@given(ist.periods(), ist.periods())
def test_intersection_is_what_both_contain(a: Period, b: Period) -> None:
    i = a.intersection(b)
    for d in (a.start, b.start, *(e for e in (a.end, b.end) if e is not None)):
        assert (d in a and d in b) == (i is not None and d in i)
    assert a.overlaps(b) == (i is not None)


def test_a_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(InvalidDate, match="before it starts"):
        Period("2020-01-02", "2020-01-01")
