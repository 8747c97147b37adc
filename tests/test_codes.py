"""Other schemes' codes and names, translated to the record's: the tables and the look-ups."""

from __future__ import annotations

import datetime as dt
import doctest
import subprocess
import sys
import tomllib
from types import SimpleNamespace

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import icclaw
from icclaw import codes
from icclaw.codes import SCHEMES, TABLES, CodeRow, code_table, to_code
from icclaw.data.loader import EMBEDDED
from icclaw.errors import QUOTE, DataError, IcclawError, InvalidDate, InvalidValue, UnknownCode
from icclaw.states import StateTable

FILES = ("iso-numeric", "cow", "cow-letters", "gw", "ucdp", "acled")
INTEGER = ("iso-numeric", "cow", "gw")

# ---------------------------------------------------------------------- real codes, sourced
# cow.toml / cow-letters.toml: COW State System Membership v2016 (states2016.csv) and, for the
# change of state inside a COW unit, the record's states.toml.
COW = [
    (365, "2016-01-01", "RUS"),  # RUS,365,Russia,1816-2016; the record's SUN ended 1991-12-26
    (365, "1980-01-01", "SUN"),
    (365, "1991-12-25", "SUN"),  # the USSR's last day in the record
    (365, "1991-12-26", "RUS"),
    (2, None, "USA"),  # USA,2,United States of America
    (255, "2000-01-01", "DEU"),  # GMY,255,Germany,1990-10-03 onwards
    (255, "1930-01-01", "DEU"),  # GMY,255,Germany,1816-1945-05-08
    (260, "1985-01-01", "DEU"),  # GFR,260,German Federal Republic,1955-05-05 to 1990-10-02
    (265, "1985-01-01", "DDR"),  # GDR,265,German Democratic Republic,1954-03-25 to 1990-10-02
    (345, "1980-01-01", "YUG"),  # YUG,345,Yugoslavia,1944-10-20-; the SFRY until 1992-04-26
    (345, "1995-01-01", "SCG"),  # record: FRY / Serbia and Montenegro from 1992-04-27
    (345, "2010-01-01", "SRB"),  # record: Serbia continues it from 2006-06-03
    (347, None, "XKX"),  # KOS,347,Kosovo,2008-02-20
    (678, "1980-01-01", "YEM"),  # YAR,678,Yemen Arab Republic,1926-09-02 to 1990-05-21
    (679, "2000-01-01", "YEM"),  # YEM,679,Yemen,1990-05-22
    (680, "1980-01-01", "YMD"),  # YPR,680,Yemen People's Republic,1967-11-30 to 1990-05-21
    (626, None, "SSD"),  # SSD,626,South Sudan,2011-07-09
    (970, None, "NRU"),  # NAU,970,Nauru (G&W 970 is Kiribati)
    (315, "1992-12-31", "CSK"),  # CZE,315,Czechoslovakia,... to 1992-12-31
]
COW_LETTERS = [
    ("GFR", None, "DEU"),  # GFR,260,German Federal Republic
    ("GDR", None, "DDR"),
    ("YAR", None, "YEM"),
    ("YPR", None, "YMD"),
    ("AUS", None, "AUT"),  # AUS,305,Austria: COW's letters, not ISO's Australia
    ("SWZ", None, "CHE"),  # SWZ,225,Switzerland (ISO SWZ is Eswatini)
    ("CZE", None, "CSK"),  # CZE,315,Czechoslovakia (ISO CZE is Czechia)
    ("MNG", None, "MNE"),  # MNG,341,Montenegro (ISO MNG is Mongolia)
    ("RUS", "1985-06-01", "SUN"),
]
# gw.toml: the G&W list as stored in WOPR's registry, G&W end dates (democracyData) and the
# documented G&W/COW differences (states package).
GW = [
    (260, "1985-01-01", "DEU"),  # German Federal Republic from 1949
    (260, "2000-01-01", "DEU"),  # ... and unified Germany: "continue 260"
    (265, None, "DDR"),  # German Democratic Republic until 1990-10-02
    (340, "2010-01-01", "SRB"),  # Serbia after Serbia and Montenegro: 340
    (345, "1995-01-01", "SCG"),  # Yugoslavia until 2006-06-04
    (345, "2006-06-04", "SRB"),  # the record's SCG ended 2006-06-03; SRB continues it
    (347, None, "XKX"),  # Kosovo
    (816, None, "VNM"),  # Vietnam, Democratic Republic of
    (678, "1985-01-01", "YEM"),  # Yemen (North Yemen)
    (678, "2000-01-01", "YEM"),  # ... and unified Yemen: "continue 678"
    (680, "1985-01-01", "YMD"),  # Yemen, People's Republic of, until 1990-05-21
    (626, None, "SSD"),  # South Sudan
    (970, None, "KIR"),  # Kiribati (COW: 946)
    (365, "1985-01-01", "SUN"),
]
# ucdp.toml: UCDP names by G&W number (WOPR's registry from UCDP's country-year data).
UCDP = [
    ("DR Congo (Zaire)", None, "COD"),
    ("Russia (Soviet Union)", "1985-01-01", "SUN"),
    ("Russia (Soviet Union)", "2000-01-01", "RUS"),
    ("Serbia (Yugoslavia)", "1990-01-01", "YUG"),
    ("Serbia (Yugoslavia)", "2000-01-01", "SCG"),
    ("Serbia (Yugoslavia)", "2015-01-01", "SRB"),  # UCDP keeps 345 for Serbia after 2006
    ("Yemen (North Yemen)", "2015-01-01", "YEM"),
    ("Cambodia (Kampuchea)", None, "KHM"),
    ("Myanmar (Burma)", None, "MMR"),
    ("Zimbabwe (Rhodesia)", None, "ZWE"),
    ("Madagascar (Malagasy)", None, "MDG"),
    ("Bosnia-Herzegovina", None, "BIH"),
    ("Kingdom of eSwatini (Swaziland)", None, "SWZ"),
    ("Ivory Coast", None, "CIV"),
    ("kingdom of eswatini (swaziland)", None, "SWZ"),  # folded: case does not matter
]
# acled.toml: ACLED's aggregated export (January 2021 block).
ACLED = [
    ("Democratic Republic of Congo", None, "COD"),
    ("Republic of Congo", None, "COG"),
    ("eSwatini", None, "SWZ"),
    ("Czech Republic", None, "CZE"),
    ("Palestine", None, "PSE"),
    ("Kosovo", None, "XKX"),
    ("Ivory Coast", None, "CIV"),
    ("East Timor", None, "TLS"),
    ("Vatican City", None, "VAT"),
    ("Micronesia", None, "FSM"),
]
# iso-numeric.toml: Debian iso-codes (pycountry 26.2.16) and the deleted-codes list.
ISO_NUMERIC = [
    (643, None, "RUS"),
    ("643", None, "RUS"),
    ("004", None, "AFG"),
    (276, None, "DEU"),
    (887, None, "YEM"),
    (886, None, "YEM"),  # Yemen Arab Republic (deleted code)
    (280, None, "DEU"),  # Germany, Federal Republic of (deleted code)
    (810, "1985-01-01", "SUN"),  # USSR
    (890, "1985-01-01", "YUG"),  # SFRY, until 27 April 1992
    (891, "1995-01-01", "SCG"),  # FRY, then Serbia and Montenegro
    (278, "1985-01-01", "DDR"),
    (200, "1985-01-01", "CSK"),
    (720, "1985-01-01", "YMD"),
    (688, None, "SRB"),
    (499, None, "MNE"),
]


@pytest.mark.parametrize(
    ("scheme", "value", "on", "code"),
    [("cow", *c) for c in COW]
    + [("cow-letters", *c) for c in COW_LETTERS]
    + [("gw", *c) for c in GW]
    + [("ucdp", *c) for c in UCDP]
    + [("acled", *c) for c in ACLED]
    + [("iso-numeric", *c) for c in ISO_NUMERIC]
    + [
        ("iso3", "RUS", None, "RUS"),
        ("name", "Russia", None, "RUS"),
        ("name", "Zaire", None, "COD"),
    ],
)
def test_real_codes(scheme: str, value: int | str, on: str | None, code: str) -> None:
    assert to_code(value, scheme, on=on) == code


def test_a_dated_code_without_a_date_lists_its_meanings() -> None:
    with pytest.raises(UnknownCode, match="date is needed") as info:
        to_code(365, "cow")
    message = str(info.value)
    assert "SUN (Union of Soviet Socialist Republics) until 1991-12-25" in message
    assert "RUS (Russian Federation) from 1991-12-26" in message
    assert info.value.scheme == "cow"
    with pytest.raises(UnknownCode, match="date is needed"):
        to_code("Serbia (Yugoslavia)", "ucdp")


def test_a_value_naming_a_state_the_record_lacks_says_so() -> None:
    with pytest.raises(UnknownCode, match="Republic of, which the record does not hold"):
        to_code(817, "gw")  # the Republic of Vietnam (South Vietnam)
    with pytest.raises(UnknownCode, match="which the record does not hold"):
        to_code("Puerto Rico", "acled")
    with pytest.raises(UnknownCode, match="which the record does not hold"):
        to_code(713, "cow")  # Taiwan


def test_a_value_outside_its_span_names_no_state() -> None:
    with pytest.raises(UnknownCode, match="names no state on 2010-01-01") as info:
        to_code(345, "gw", on="2010-01-01")  # G&W use 340 for Serbia from 2006-06-05
    assert "SRB (Serbia) 2006-06-03–2006-06-04" in str(info.value)
    with pytest.raises(UnknownCode, match="continuator is RUS"):
        to_code("SUN", "iso3", on="1995-01-01")


def test_integer_schemes_refuse_what_is_not_plainly_a_number() -> None:
    for junk in (" 365", "365 ", "+365", "365.0", "", "٣٦٥", 365.0, True, False, None, b"365"):
        with pytest.raises(UnknownCode):
            to_code(junk, "cow", on="2000-01-01")
    assert to_code("365", "cow", on="2000-01-01") == "RUS"


def test_names_suggest_the_closest_value() -> None:
    with pytest.raises(UnknownCode, match="did you mean 'Russia \\(Soviet Union\\)'") as info:
        to_code("Russia (Soviet Unoin)", "ucdp")
    assert info.value.suggestion == "Russia (Soviet Union)"
    with pytest.raises(UnknownCode, match="did you mean 'RUS'"):
        to_code("rus", "iso3")


def test_an_unknown_scheme_lists_the_schemes() -> None:
    with pytest.raises(InvalidValue, match="did you mean 'cow'") as info:
        to_code(365, "cwo")
    for scheme in SCHEMES:
        assert scheme in str(info.value)
    with pytest.raises(InvalidValue):
        code_table(None)  # type: ignore[arg-type]


def test_a_long_value_is_quoted_short() -> None:
    with pytest.raises(UnknownCode) as info:
        to_code("x" * 10_000, "ucdp")
    assert len(info.value.query) <= QUOTE
    assert len(str(info.value)) < 1000


def test_a_bad_date_is_an_invalid_date() -> None:
    with pytest.raises(InvalidDate):
        to_code(365, "cow", on="1991-13-01")
    with pytest.raises(InvalidDate):
        to_code(2, "cow", on=dt.datetime(2000, 1, 1, 12, 0))


# ---------------------------------------------------------------------- the tables


@pytest.mark.parametrize("scheme", FILES)
def test_every_row_carries_a_declared_source(scheme: str) -> None:
    raw = tomllib.loads((TABLES / f"{scheme}.toml").read_text(encoding="utf-8"))
    assert raw["scheme"] == scheme
    declared = set(raw["sources"])
    for row in raw["row"]:
        keys = [row["source"]] if isinstance(row["source"], str) else row["source"]
        assert keys
        assert set(keys) <= declared, row
    for key, source in raw["sources"].items():
        assert source["title"].strip(), key
        assert source.get("url") or key == "record", key  # the record is its own reference


def test_the_tables_lie_outside_the_sealed_record() -> None:
    assert EMBEDDED not in TABLES.parents
    assert not list(EMBEDDED.rglob("data_codes"))


@pytest.mark.parametrize("scheme", FILES)
def test_every_held_state_is_in_the_record(scheme: str, rec: icclaw.Record) -> None:
    for row in code_table(scheme).rows:
        assert row.state is None or row.state in rec.states, row


# What each scheme lacks of the record, and why (see docs/codes.md).
LACKS = {
    "iso3": set(),
    "name": set(),
    "iso-numeric": {"XKX"},  # Kosovo has no ISO numeric code
    # COW and G&W list no Palestine, Holy See, Cook Islands or Niue (COW/G&W 327 is the Papal
    # States of 1816-1860/1870, not the Holy See)
    "cow": {"PSE", "VAT", "COK", "NIU"},
    "cow-letters": {"PSE", "VAT", "COK", "NIU"},
    "gw": {"PSE", "VAT", "COK", "NIU"},
    "ucdp": {"PSE", "COK", "NIU"},  # UCDP's list is G&W's
    # ACLED's coverage begins long after the historical states ended; Palau is not in the
    # stored export
    "acled": {"PLW", "SUN", "YUG", "SCG", "DDR", "CSK", "YMD"},
}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_record_state_is_reachable_but_the_documented_ones(
    scheme: str, rec: icclaw.Record
) -> None:
    held = {row.state for row in code_table(scheme).rows if row.state}
    assert rec.states.codes() - held == LACKS[scheme]


def test_a_malformed_table_is_a_data_error(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "cow.toml").write_text(
        'schema = 1\nscheme = "cow"\ntitle = "t"\n'
        'row = [ { value = 1, state = "usa", source = "x" },'
        ' { value = 2, source = "s", from = 2000-01-01, until = 1999-01-01 },'
        ' { value = 3, state = "USA", source = "s" }, { value = 3, state = "CAN", source = "s" } ]\n'
        '[sources.s]\nkind = "secondary"\ntitle = "s"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(codes, "TABLES", tmp_path)
    with pytest.raises(DataError) as info:
        codes._read_table.__wrapped__("cow")
    messages = " ".join(p.message for p in info.value.problems)
    assert "three capital letters" in messages
    assert "needs a name" in messages
    assert "is after until" in messages
    assert "overlap" in messages


def test_import_icclaw_does_not_read_the_tables() -> None:
    code = "import sys, icclaw; print('icclaw.codes' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_iso_numeric_agrees_with_pycountry_where_installed() -> None:
    pycountry = pytest.importorskip("pycountry")
    table = code_table("iso-numeric")
    for country in pycountry.countries:
        row = table.meanings(int(country.numeric))[0]
        assert row.state in (country.alpha_3, None)


# ---------------------------------------------------------------------- properties

HELD = [
    (scheme, row)
    for scheme in (*FILES, "iso3")
    for row in code_table(scheme).rows
    if row.state is not None
]
FIRST = pendulum.Date(1900, 1, 1)
LAST = pendulum.Date(2030, 12, 31)

# The record's CSK gives 1992-12-31 as Czechoslovakia's last day (states.toml note) but
# State.exists_on reads `ended` as the first day gone; the schemes' spans (to 1992-12-31) follow
# the schemes, so on that one day the code's state "does not exist" by exists_on.
OVERHANG = {("CSK", pendulum.Date(1992, 12, 31))}


def _days(row: CodeRow) -> st.SearchStrategy[pendulum.Date]:
    lo, hi = row.start or FIRST, row.end or LAST
    return st.dates(dt.date(lo.year, lo.month, lo.day), dt.date(hi.year, hi.month, hi.day)).map(
        lambda d: pendulum.Date(d.year, d.month, d.day)
    )


@given(st.sampled_from(HELD).flatmap(lambda sr: st.tuples(st.just(sr), _days(sr[1]))))
def test_every_row_round_trips_inside_its_span(
    case: tuple[tuple[str, CodeRow], pendulum.Date],
) -> None:
    (scheme, row), day = case
    assert code_table(scheme).lookup(row.value, day) == row.state
    state = icclaw.load().state(row.state)  # type: ignore[arg-type]
    assert state.exists_on(day) or (row.state, day) in OVERHANG


@pytest.mark.parametrize(("scheme", "row"), HELD, ids=lambda x: str(getattr(x, "value", x)))
def test_every_row_holds_at_both_ends_of_its_span(
    scheme: str, row: CodeRow, rec: icclaw.Record
) -> None:
    for day in (row.start or FIRST, row.end or LAST):
        assert code_table(scheme).lookup(row.value, day) == row.state
        assert rec.state(row.state).exists_on(day) or (row.state, day) in OVERHANG  # type: ignore[arg-type]


@pytest.mark.parametrize("scheme", INTEGER)
@given(number=st.integers(min_value=-(10**12), max_value=10**12))
def test_an_integer_not_in_the_table_is_an_unknown_code(scheme: str, number: int) -> None:
    table = code_table(scheme)
    known = {row.value for row in table.rows}
    if number in known:
        return
    with pytest.raises(UnknownCode):
        table.lookup(number, "2000-01-01")
    with pytest.raises(UnknownCode):
        table.lookup(str(number), "2000-01-01")


JUNK = st.one_of(
    st.text(max_size=40),
    st.none(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.binary(max_size=10),
    st.lists(st.integers(), max_size=3),
    st.integers(),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.tuples(st.integers()),
    st.dates(),
    st.decimals(allow_nan=False),
)
DAYS = st.one_of(
    st.none(),
    st.dates().map(lambda d: pendulum.Date(d.year, d.month, d.day)),
    st.text(max_size=12),
    st.integers(),
)


@pytest.mark.parametrize("scheme", SCHEMES)
@given(value=JUNK, day=DAYS)
def test_junk_raises_the_one_error_never_a_raw_exception(
    scheme: str, value: object, day: object
) -> None:
    try:
        code = code_table(scheme).lookup(value, day)  # type: ignore[arg-type]
    except IcclawError:
        return
    assert isinstance(code, str)
    assert code in icclaw.load().states


def _values(scheme: str) -> st.SearchStrategy[object]:
    values = sorted({row.value for row in code_table(scheme).rows}, key=str)
    return st.one_of(st.sampled_from(values), JUNK) if values else JUNK


@pytest.mark.parametrize("scheme", SCHEMES)
@given(data=st.data())
def test_lookup_many_is_lookup_row_by_row(scheme: str, data: st.DataObject) -> None:
    table = code_table(scheme)
    n = data.draw(st.integers(0, 12))
    values = [data.draw(_values(scheme)) for _ in range(n)]
    with_days = data.draw(st.booleans())
    days = [data.draw(DAYS) for _ in range(n)] if with_days else None
    expected: list[str | IcclawError] = []
    for i, value in enumerate(values):
        try:
            expected.append(table.lookup(value, days[i] if days else None))  # type: ignore[arg-type]
        except IcclawError as exc:
            expected.append(exc)
    bad = [i for i, e in enumerate(expected) if not isinstance(e, str)]
    if not bad:
        assert table.lookup_many(values, days) == expected  # type: ignore[arg-type]
        return
    with pytest.raises((UnknownCode, InvalidDate)) as info:
        table.lookup_many(values, days)  # type: ignore[arg-type]
    assert f"row {bad[0]}:" in str(info.value)
    assert f"{len(bad):,} of {n:,} rows" in str(info.value)
    if isinstance(info.value, UnknownCode):
        assert info.value.row == bad[0]
        assert info.value.failed == len(bad)


def test_lookup_many_names_the_first_bad_row_and_counts_them() -> None:
    table = code_table("cow")
    with pytest.raises(UnknownCode) as info:
        table.lookup_many([2, 20, 999, "x", 365], ["2000-01-01"] * 5)
    assert info.value.row == 2
    assert info.value.failed == 2
    assert "row 2: cow 999" in str(info.value)
    assert table.lookup_many([2, 365, "365"], [None, "1980-01-01", "2000-01-01"]) == [
        "USA",
        "SUN",
        "RUS",
    ]
    with pytest.raises(InvalidValue, match="2 values but 1 days"):
        table.lookup_many([2, 20], ["2000-01-01"])


def test_the_tables_of_the_embedded_record_are_cached() -> None:
    assert code_table("gw") is code_table("gw")
    assert len(code_table("gw")) == len(code_table("gw").rows)
    assert 365 in code_table("cow")
    assert 365.0 not in code_table("cow")


def test_docstring_examples_hold() -> None:
    result = doctest.testmod(codes)
    assert result.attempted > 0
    assert result.failed == 0


def test_a_record_of_your_own_binds_the_tables_to_its_states(rec: icclaw.Record) -> None:
    mine = SimpleNamespace(states=StateTable([s for s in rec.states if s.code != "XKX"]))
    with pytest.raises(UnknownCode, match=r"Kosovo \(XKX\), which the record does not hold"):
        to_code(347, "cow", record=mine)  # type: ignore[arg-type]
    assert to_code(2, "cow", record=mine) == "USA"  # type: ignore[arg-type]
    assert code_table("cow", mine) is not code_table("cow", mine)  # type: ignore[arg-type]


def test_the_module_works_in_a_fresh_interpreter() -> None:
    code = "from icclaw.codes import to_code; print(to_code(365, 'cow', on='1985-01-01'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "SUN"
