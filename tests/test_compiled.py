"""The compiled record: each state's standing with each treaty as a step function of days.

The property: the compiled :class:`~icclaw.history.StatusTable` gives, on every day, exactly
what the rules give worked out from scratch (:func:`icclaw.status.decide_status` for the
status, :func:`icclaw.status.doubt` for whether the state is bound). The days the table
changes on are derived from the record (``status_table``'s docstring); if one were missed, the
day before or after some change of a rule would disagree, so the tests look there first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import icclaw
from icclaw import status as treaty_law
from icclaw import strategies as ist
from icclaw.history import BOUND

if TYPE_CHECKING:
    from icclaw.base import FactBase
    from icclaw.history import StatusTable


def _from_rules(record: FactBase, code: str, slug: str, day: icclaw.Date) -> tuple[object, object]:
    status = treaty_law.decide_status(record, code, slug, day)
    if treaty_law.doubt(record, code, slug, day) is not None:
        return status, None
    return status, record.history(code, slug).status_on(day) in BOUND


def _probe_days(table: StatusTable, extra: list[icclaw.Date]) -> set[icclaw.Date]:
    days = set(extra)
    for d in table.days:
        days.update((d.subtract(days=1), d, d.add(days=1)))
    return days


@given(ist.records(max_states=4), st.data())
def test_the_table_is_the_rules_on_every_day(record: icclaw.Record, data: st.DataObject) -> None:
    """On generated records, made partial, incomplete or silent on signatures at random."""
    treaty = record.treaties[0]
    changed = attrs.evolve(
        treaty,
        partial=data.draw(st.booleans(), label="partial"),
        signatures_complete=data.draw(st.booleans(), label="signatures_complete"),
        complete_until=data.draw(
            st.none() | ist.dates(treaty.adopted, record.as_of), label="complete_until"
        ),
    )
    record = attrs.evolve(record, treaties=[changed], origin="<what-if>")
    some = data.draw(
        st.lists(ist.dates(treaty.adopted.subtract(years=1), record.as_of.add(years=3)), max_size=6)
    )
    for state in record.states:
        table = treaty_law.status_table(record, state.code, changed.slug)
        for day in _probe_days(table, some):
            expected = _from_rules(record, state.code, changed.slug, day)
            assert (table.status_on(day), table.bound_on(day)) == expected, (state.code, day)
            assert record.status(state.code, changed.slug, day) == expected[0]


@pytest.mark.parametrize(
    "slug",
    [
        "rome-statute",
        "kampala-aggression-amendment",
        "geneva-convention-i",
        "additional-protocol-i",
        "mine-ban-convention",
        "att",
        "crc-opac",
    ],
)
def test_every_state_on_the_embedded_record(rec: icclaw.Record, slug: str) -> None:
    """Every state of the record, on every day next to a change and on fixed days."""
    fixed = [pendulum.Date(y, 7, 1) for y in range(1990, 2031, 3)]
    for state in rec.states:
        table = treaty_law.status_table(rec, state.code, slug)
        assert len(table.statuses) == len(table.bound) == len(table.days) + 1
        assert list(table.days) == sorted(set(table.days))
        assert table.ordinals == tuple(d.toordinal() for d in table.days)
        for day in _probe_days(table, fixed):
            assert (table.status_on(day), table.bound_on(day)) == _from_rules(
                rec, state.code, slug, day
            ), (state.code, slug, day)


def test_status_reads_the_table_and_other_readings_do_not(rec: icclaw.Record) -> None:
    """Russia on 1 Dec 2016 (un-signed on 30 Nov 2016: its notification, C.N.886.2016)."""
    day = pendulum.Date(2016, 12, 1)
    assert rec.status("RUS", "rome-statute", day) is icclaw.TreatyStatus.SIGNATURE_WITHDRAWN
    assert (
        rec.status("Russia", "rome-statute", "2016-12-01")
        is icclaw.TreatyStatus.SIGNATURE_WITHDRAWN
    )
    # As the record stood before the notification, it was still a signatory.
    assert (
        rec.status("RUS", "rome-statute", day, known_on="2016-11-29")
        is icclaw.TreatyStatus.SIGNATORY
    )


def test_parties_agree_with_the_table(rec: icclaw.Record) -> None:
    for day in ("2002-07-01", "2016-12-01", "2024-01-01"):
        parties = {s.code for s in rec.parties("rome-statute", day)}
        open_ = {s.code for s in rec.undetermined_parties("rome-statute", day)}
        on = pendulum.parse(day).date()
        for state in rec.states:
            if not state.exists_on(on):
                continue
            bound = treaty_law.status_table(rec, state.code, "rome-statute").bound_on(on)
            assert (state.code in parties, state.code in open_) == (bound is True, bound is None)


@given(
    st.sampled_from([t.slug for t in icclaw.load().treaties]),
    st.sampled_from([s.code for s in icclaw.load().states]),
    ist.dates("1940-01-01", "2030-12-31"),
    st.booleans(),
)
def test_a_finding_read_from_the_table_is_the_one_worked_out(
    slug: str, code: str, day: icclaw.Date, as_text: bool
) -> None:
    """``is_bound`` and ``explain_status`` answer from the compiled table, their reasons built
    when read: the same Finding, text and all, as the rules give from scratch."""
    rec = icclaw.load()
    on = day.isoformat() if as_text else day
    expected = treaty_law._explain(
        rec, rec.state(code), rec.treaty(slug), day, None, icclaw.Policy(), None
    )
    for found in (rec.is_bound(code, slug, on), rec.explain_status(code, slug, on)):
        assert (found.holds, found.value, found.missing) == (
            expected.holds,
            expected.value,
            expected.missing,
        )
        assert found.to_dict() == expected.to_dict()
        assert found == expected
