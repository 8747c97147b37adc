"""Tables: state-by-date panels and batch screening of event tables (the ``tables`` extra).

The specification of each is the single answer it stands for: every panel cell is what
``explain_status`` answers for it, and every screened row is what ``jurisdiction`` answers for
its event and trigger — ``holds``, ``missing`` and the days within jurisdiction — whatever the
unknown facts, the policy or the day the record is read as of.
"""

from __future__ import annotations

from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import icclaw
import icclaw.tables
from icclaw import strategies as ist
from icclaw.icc.facts import Event, ProprioMotu, StateReferral, Trigger

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

REC = icclaw.load()

# States whose links to the Court are not simple: withdrawals (BDI, PHL), art. 12(3)
# declarations (UKR, PSE, CIV, EGY), art. 124 declarations (FRA, COL), Council referrals
# (SDN, LBY), non-parties (RUS, USA, ISR, MMR, SYR), recent parties (UKR, ARM).
CODES = (
    "UKR", "RUS", "GEO", "BDI", "PHL", "CIV", "PSE", "ISR", "SDN", "LBY", "AFG", "FRA",
    "COL", "USA", "VEN", "MMR", "BGD", "UGA", "COD", "KEN", "SYR", "EGY", "ARM", "JOR",
)  # fmt: skip
RESOLUTIONS = tuple(
    r.number for r in REC.resolutions if r.number is not None and r.number.isdigit()
)[:6] or ("1593",)


def _row(event: Event, trigger: Trigger) -> dict[str, Any]:
    def codes(value: tuple[str, ...] | None, *, stateless: bool = False) -> str | None:
        if value is None:
            return None
        if not value and stateless:
            return "stateless"
        return ";".join(value)

    row: dict[str, Any] = {
        "crime": event.crime.value,
        "date": event.date.isoformat(),
        "until": event.until.isoformat() if event.until else None,
        "territory": codes(event.territory),
        "nationality": codes(event.nationality, stateless=True),
        "age": event.age,
        "provision": event.provision,
        "aggressor": event.aggressor,
        "area": event.area,
        "trigger": None,
        "referred_by": None,
        "referred_on": None,
        "resolution": None,
        "authorised_on": None,
    }
    if isinstance(trigger, ProprioMotu):
        row["trigger"] = "proprio-motu"
        row["authorised_on"] = trigger.authorised_on.isoformat() if trigger.authorised_on else None
    elif isinstance(trigger, StateReferral):
        row["trigger"] = "state-referral"
        row["referred_by"] = ";".join(trigger.by)
        row["referred_on"] = trigger.on.isoformat()
    else:
        row["trigger"] = "security-council"
        row["resolution"] = trigger.resolution
    return row


def _frame(rows: list[dict[str, Any]]) -> Any:
    frame = pd.DataFrame(rows)
    frame["age"] = frame["age"].astype("Int64")
    return frame


def _days(finding: icclaw.Finding) -> tuple[int, pendulum.Date, pendulum.Date] | None:
    if not finding.holds:
        return None
    periods = finding.value
    assert isinstance(periods, tuple)
    count = sum((p.end or p.start).toordinal() - p.start.toordinal() + 1 for p in periods)
    return count, periods[0].start, periods[-1].end or periods[-1].start


def _same(out: Any, i: int, finding: icclaw.Finding) -> None:
    holds = out["holds"][i]
    assert (None if pd.isna(holds) else bool(holds)) is finding.holds, (i, finding.explain())
    missing = out["missing"][i]
    expected = "; ".join(finding.missing) if finding.holds is None else None
    assert (None if pd.isna(missing) else missing) == expected
    days = _days(finding)
    if days is None:
        assert pd.isna(out["days_within"][i])
        assert pd.isna(out["within_from"][i])
    else:
        assert out["days_within"][i] == days[0]
        assert out["within_from"][i] == pd.Timestamp(days[1])
        assert out["within_until"][i] == pd.Timestamp(days[2])


events_and_triggers = st.tuples(
    ist.events(
        CODES,
        min_date="1998-01-01",
        territory_known=False,
        provisions=True,
        areas=("darfur", "crimea"),
    ),
    ist.triggers(("UGA", "COD", "LTU", "ARG", "USA", "VEN", "UKR"), RESOLUTIONS),
)


@given(
    st.lists(events_and_triggers, min_size=1, max_size=25),
    st.none() | ist.dates("2010-01-01", "2026-12-31"),
    st.none() | ist.dates("2015-01-01", "2026-12-31"),
    ist.policies(),
)
def test_every_row_is_what_the_engine_answers(
    pairs: list[tuple[Event, Trigger]],
    on: pendulum.Date | None,
    known_on: pendulum.Date | None,
    policy: icclaw.Policy,
) -> None:
    frame = _frame([_row(e, t) for e, t in pairs])
    out = REC.screen(frame, on=on, known_on=known_on, policy=policy)
    assert list(out.columns[: len(frame.columns)]) == list(frame.columns)
    for i, (event, trigger) in enumerate(pairs):
        finding = REC.jurisdiction(event, trigger, on, policy, known_on=known_on)
        _same(out, i, finding)


@given(st.lists(events_and_triggers, min_size=1, max_size=12), st.data())
def test_explain_row_is_the_rows_finding(pairs: list[tuple[Event, Trigger]], data: Any) -> None:
    frame = _frame([_row(e, t) for e, t in pairs])
    i = data.draw(st.integers(0, len(pairs) - 1))
    event, trigger = pairs[i]
    assert REC.explain_row(frame, i) == REC.jurisdiction(event, trigger)


def test_a_million_rows_agree_with_the_engine_on_a_sample() -> None:
    """A generated table of 200,000 rows (many repeat the same shape, as real data does)."""
    rng = np.random.default_rng(11)
    n = 200_000
    territory = np.array(CODES)[rng.integers(0, len(CODES), n)]
    nationality = np.where(
        rng.random(n) < 0.5,
        territory,
        np.array([*CODES, None], dtype=object)[rng.integers(0, 25, n)],
    )
    start = np.datetime64("1999-01-01") + rng.integers(0, 10_000, n)
    until = np.where(rng.random(n) < 0.1, start + rng.integers(1, 400, n), np.datetime64("NaT"))
    frame = pd.DataFrame(
        {
            "crime": np.array(["war-crimes", "crimes-against-humanity", "genocide"])[
                rng.integers(0, 3, n)
            ],
            "date": start.astype("datetime64[ns]"),
            "until": until.astype("datetime64[ns]"),
            "territory": territory,
            "nationality": nationality,
            "trigger": "proprio-motu",
            "authorised_on": np.array([None, "2016-01-27", "2019-11-14"], dtype=object)[
                rng.integers(0, 3, n)
            ],
            "event_id": np.arange(n),  # a column icclaw does not read: kept
        }
    )
    out = REC.screen(frame)
    assert (out["event_id"] == frame["event_id"]).all()
    for i in rng.choice(n, 400, replace=False).tolist():
        _same(out, i, REC.explain_row(frame, i))


def _simple() -> Any:
    return pd.DataFrame(
        {
            "crime": ["war-crimes", "war-crimes", "crimes-against-humanity"],
            "date": ["2008-08-08", "2014-03-01", "2016-06-01"],
            "territory": ["GEO", "UKR", "BDI"],
            "nationality": ["RUS", None, "BDI"],
            "trigger": ["proprio-motu", "proprio-motu", "proprio-motu"],
            "authorised_on": ["2016-01-27", None, "2017-10-25"],
        }
    )


def test_real_cases() -> None:
    """Georgia 2008 (authorised 27 Jan 2016, ICC-01/15-12); Ukraine from 21 Nov 2013 by its
    first art. 12(3) declaration (OTP); Burundi 2016, authorised 25 Oct 2017 while still a
    party (ICC-01/17-X-9-US-Exp)."""
    out = REC.screen(_simple())
    assert out["holds"].tolist() == [True, True, True]
    assert out["missing"].isna().all()


@pytest.mark.parametrize("kind", ["arrow", "polars"])
def test_the_same_kind_of_table_comes_back(kind: str) -> None:
    frame = _simple()
    if kind == "arrow":
        pa = pytest.importorskip("pyarrow")
        table = pa.Table.from_pandas(frame)
        out = REC.screen(table)
        assert isinstance(out, pa.Table)
        assert out.column("holds").to_pylist() == [True, True, True]
    else:
        pl = pytest.importorskip("polars")
        out = REC.screen(pl.from_pandas(frame))
        assert isinstance(out, pl.DataFrame)
        assert out["holds"].to_list() == [True, True, True]


def test_codes_in_another_scheme() -> None:
    """UCDP names its countries by G&W number: 365 is Russia after 1991 (G&W list)."""
    frame = _simple()
    frame["territory"] = [372, 369, 516]  # G&W: Georgia, Ukraine, Burundi
    frame["nationality"] = [365, None, 516]
    out = REC.screen(frame, codes="gw")
    assert out["holds"].tolist() == [True, True, True]
    assert REC.explain_row(frame, 0, codes="gw").holds is True


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"crime": ["war crimes!", "war-crimes", "genocide"]}, ["row 0", "crime"]),
        ({"date": ["2008-08-08", "8 Aug 2008", "2016-06-01"]}, ["row 1", "date"]),
        ({"date": ["2008-08-08", None, "2016-06-01"]}, ["row 1", "date", "missing"]),
        ({"territory": ["GEO", "XXX", "BDI"]}, ["XXX"]),
        ({"territory": ["GEO", "UKR;", "BDI"]}, ["row 1", "territory"]),
        ({"trigger": ["proprio-motu", "by the Council", "proprio-motu"]}, ["row 1", "trigger"]),
        ({"trigger": ["state-referral", "proprio-motu", "proprio-motu"]}, ["row 0", "referred_by"]),
        ({"resolution": ["1593", None, None]}, ["row 0", "resolution", "proprio-motu"]),
        ({"age": [True, None, None]}, ["row 0", "age"]),
        ({"age": [17.5, None, None]}, ["row 0", "age"]),
        ({"holds": [1, 2, 3]}, ["holds"]),
    ],
)
def test_bad_cells_get_one_error_naming_row_and_column(
    change: dict[str, list[object]], words: list[str]
) -> None:
    frame = _simple()
    for column, values in change.items():
        frame[column] = values
    with pytest.raises(icclaw.IcclawError) as caught:
        REC.screen(frame)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message


def test_a_misspelt_column_is_refused_not_read_as_unknown() -> None:
    """Read as absent, a misspelt nationality would turn answers into "undetermined"."""
    frame = _simple().rename(columns={"nationality": "nationalty"})
    with pytest.raises(icclaw.InvalidValue, match="'nationalty' looks like 'nationality'"):
        REC.screen(frame)


def test_a_table_without_a_required_column_is_refused() -> None:
    with pytest.raises(icclaw.InvalidValue, match="no 'trigger' column"):
        REC.screen(_simple().drop(columns=["trigger"]))
    with pytest.raises(icclaw.InvalidType, match="pandas DataFrame"):
        REC.screen([{"crime": "genocide"}])


def test_a_time_of_day_is_refused_not_cut() -> None:
    frame = _simple()
    frame["date"] = pd.to_datetime(["2008-08-08 13:00", "2014-03-01 00:00", "2016-06-01 00:00"])
    with pytest.raises(icclaw.InvalidValue, match="row 0, date: carries a time of day"):
        REC.screen(frame)


# --- panels ------------------------------------------------------------------------------------


@given(
    st.sampled_from([t.slug for t in REC.treaties]),
    ist.dates("1945-01-01", "2026-06-30"),
    st.sampled_from(["year", "month"]),
    st.data(),
)
def test_every_panel_cell_is_the_explained_answer(
    slug: str, start: pendulum.Date, freq: str, data: Any
) -> None:
    states = data.draw(
        st.lists(st.sampled_from([s.code for s in REC.states]), min_size=1, max_size=5)
    )
    known_on = data.draw(st.none() | ist.dates("2000-01-01", "2026-06-30"))
    end = start.add(years=6)
    policy = data.draw(st.just(icclaw.Policy()) | ist.policies())
    table = REC.panel(
        slug, start=start, end=end, freq=freq, states=states, known_on=known_on, policy=policy
    )
    days = icclaw.tables.panel_days(start, end, freq)
    expected = [
        (code, day)
        for code in dict.fromkeys(states)
        for day in days
        if REC.state(code).exists_on(day)
    ]
    assert len(table) == len(expected)
    for (code, day), row in zip(expected, table.itertuples(index=False), strict=True):
        finding = REC.explain_status(code, slug, day, known_on=known_on, policy=policy)
        assert (row.state, row.date.date(), row.treaty) == (code, day, slug)
        assert (None if pd.isna(row.bound) else bool(row.bound)) is finding.holds
        value = finding.value.value if isinstance(finding.value, icclaw.TreatyStatus) else None
        assert (None if pd.isna(row.status) else row.status) == value


def test_panel_of_real_cases() -> None:
    """Burundi's withdrawal took effect on 27 Oct 2017 (C.N.805.2016); Russia un-signed on
    30 Nov 2016 (C.N.886.2016)."""
    table = REC.panel(
        "rome-statute", start="2016-10-26", end="2017-10-28", freq="day", states=["BDI", "RUS"]
    )
    bdi = table[table.state == "BDI"].set_index("date")
    assert bdi.loc["2017-10-26", "status"] == "withdrawal-pending"
    assert bool(bdi.loc["2017-10-26", "bound"]) is True
    assert bdi.loc["2017-10-27", "status"] == "withdrawn"
    assert bool(bdi.loc["2017-10-27", "bound"]) is False
    rus = table[table.state == "RUS"].set_index("date")
    assert rus.loc["2016-11-29", "status"] == "signatory"
    assert rus.loc["2016-12-01", "status"] == "signature-withdrawn"
    assert str(table["bound"].dtype) == "boolean"


def test_a_state_that_ended_has_no_rows_after_it() -> None:
    table = REC.panel("geneva-convention-iv", start="1990-01-01", end="1993-01-01", states=["SUN"])
    assert table["date"].max() < pd.Timestamp("1991-12-26")


def test_panel_refuses_bad_requests() -> None:
    with pytest.raises(icclaw.InvalidValue, match="freq"):
        REC.panel("rome-statute", start="2002-01-01", end="2003-01-01", freq="week")
    with pytest.raises(icclaw.InvalidValue, match="before start"):
        REC.panel("rome-statute", start="2003-01-01", end="2002-01-01")
    with pytest.raises(icclaw.InvalidType, match="list of states"):
        REC.panel("rome-statute", start="2002-01-01", end="2003-01-01", states="UKR")
    with pytest.raises(icclaw.UnknownTreaty):
        REC.panel("rome", start="2002-01-01", end="2003-01-01")
    with pytest.raises(icclaw.InvalidValue, match="over the limit"):
        REC.panel([t.slug for t in REC.treaties], start="1900-01-01", end="2026-01-01", freq="day")


def test_aggression_rows_never_share_an_answer_with_other_rows() -> None:
    """Aggression rows go to the engine; a row of another crime with the same (unknown)
    territory must still get its own answer (found by the property test above)."""
    day = pendulum.Date(2000, 1, 1)
    pairs: list[tuple[Event, Trigger]] = [
        (Event("aggression", day, None, ("UKR",), None, aggressor="UKR"), ProprioMotu(None)),
        (Event("genocide", day, day.add(days=1)), ProprioMotu(None)),
        (Event("genocide", pendulum.Date(2010, 1, 1)), ProprioMotu(None)),
        (Event("war-crimes", pendulum.Date(2023, 5, 1), None, None, ("RUS",)), ProprioMotu(None)),
    ]
    out = REC.screen(_frame([_row(e, t) for e, t in pairs]))
    for i, (event, trigger) in enumerate(pairs):
        _same(out, i, REC.jurisdiction(event, trigger))


def test_the_callers_table_is_left_as_it_was_and_its_index_kept() -> None:
    frame = _simple()
    frame.index = [10, 20, 30]
    before = frame.copy()
    out = REC.screen(frame)
    assert list(out.index) == [10, 20, 30]
    assert out["holds"].tolist() == [True, True, True]
    pd.testing.assert_frame_equal(frame, before)


_JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["war-crimes", "UKR", "RUS;GEO", "stateless", "proprio-motu", "1593"]),
    st.sampled_from(["2008-08-08", "2008-13-01", "20080808", "2008-08-08T10:00", ""]),
    st.binary(max_size=6),
    st.dates().map(lambda d: d),
    st.datetimes(),
    st.lists(st.sampled_from(["UKR", "RUS", 3, None]), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@given(
    st.lists(
        st.fixed_dictionaries(
            {},
            optional=dict.fromkeys(
                (
                    "crime",
                    "date",
                    "until",
                    "territory",
                    "nationality",
                    "age",
                    "provision",
                    "aggressor",
                    "area",
                    "trigger",
                    "referred_by",
                    "referred_on",
                    "resolution",
                    "authorised_on",
                ),
                _JUNK,
            ),
        ),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from(["iso3", "gw", "name"]),
)
def test_junk_cells_give_one_icclaw_error_or_an_answer(
    rows: list[dict[str, Any]], codes: str
) -> None:
    """Attacked with any values in any column, the screen answers or raises one IcclawError
    whose message is one line — never another exception."""
    frame = pd.DataFrame(rows)
    for column in ("crime", "date", "trigger"):
        if column not in frame.columns:
            frame[column] = (
                "war-crimes"
                if column == "crime"
                else "2008-08-08"
                if column == "date"
                else "proprio-motu"
            )
    refused: icclaw.IcclawError | None = None
    try:
        out = REC.screen(frame, codes=codes)
    except icclaw.IcclawError as exc:
        refused = exc
    if refused is None:
        assert len(out) == len(frame)
    else:
        assert "\n" not in str(refused)
        assert len(str(refused)) <= 2000


def test_awkward_tables_get_an_answer_or_one_clear_error() -> None:
    base = _simple()
    empty = REC.screen(base.iloc[:0])
    assert list(empty.columns[-5:]) == [
        "holds",
        "missing",
        "days_within",
        "within_from",
        "within_until",
    ]
    assert len(empty) == 0
    zoned = base.assign(
        date=pd.to_datetime(["2008-08-08", "2014-03-01", "2016-06-01"]).tz_localize("UTC")
    )
    with pytest.raises(icclaw.InvalidValue, match="has a time zone"):
        REC.screen(zoned)
    twice = pd.concat([base, base[["territory"]]], axis=1)
    with pytest.raises(icclaw.InvalidValue, match="column 'territory' twice"):
        REC.screen(twice)
    with pytest.raises(icclaw.InvalidValue, match="row 0, date"):
        REC.screen(base.assign(date=[20080808, 20140301, 20160601]))  # a number is not a date


@given(
    st.one_of(_JUNK, st.just("rome-statute"), st.lists(st.sampled_from(["att", "rome", 3]))),
    st.one_of(_JUNK, st.just("2002-01-01")),
    st.one_of(_JUNK, st.just("2004-01-01")),
    st.one_of(_JUNK, st.sampled_from(["year", "month", "day"])),
    st.one_of(st.none(), _JUNK, st.just(["UKR", "RUS"])),
)
def test_panel_arguments_of_any_kind_give_a_table_or_one_icclaw_error(
    treaties: Any, start: Any, end: Any, freq: Any, states: Any
) -> None:
    refused: icclaw.IcclawError | None = None
    try:
        table = REC.panel(treaties, start=start, end=end, freq=freq, states=states)
    except icclaw.IcclawError as exc:
        refused = exc
    if refused is None:
        assert list(table.columns) == ["state", "date", "treaty", "status", "bound"]
    else:
        assert "\n" not in str(refused)


def test_progress_rises_to_the_whole_table() -> None:
    calls: list[tuple[int, int]] = []
    REC.screen(_simple(), progress=lambda done, total: calls.append((done, total)))
    assert calls
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert calls[-1] == (3, 3)
    assert all(total == 3 for _, total in calls)


def test_a_panel_of_states_named_in_a_dated_scheme() -> None:
    """G&W 365 names the USSR until 25 Dec 1991 and Russia after (the G&W list): across a panel
    it stands for both, each on its own days; a value naming no state of the record on any day
    of the panel is one error."""
    table = REC.panel(
        "rome-statute", start="1990-01-01", end="1993-01-01", states=[365], codes="gw"
    )
    assert set(table.state) == {"SUN", "RUS"}
    assert table[table.state == "SUN"].date.max() < pd.Timestamp("1991-12-26")
    with pytest.raises(icclaw.UnknownCode):
        REC.panel("rome-statute", start="1990-01-01", end="1993-01-01", states=[817], codes="gw")
