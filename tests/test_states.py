"""The states table: 197 current states plus the historical ones, found by any name."""

from __future__ import annotations

import pytest

import icclaw
from icclaw import AmbiguousState, StateCategory, UnknownState
from icclaw.states import normalise_name


def test_the_table_holds_the_197_states_of_the_un_system(rec: icclaw.Record) -> None:
    """193 UN members, 2 observer states, the Cook Islands and Niue (issue 2, DESIGN.md)."""
    by = {c: [s for s in rec.states if s.category is c] for c in StateCategory}
    assert len(by[StateCategory.UN_MEMBER]) == 193
    assert {s.code for s in by[StateCategory.OBSERVER]} == {"VAT", "PSE"}
    assert {s.code for s in by[StateCategory.NON_MEMBER]} == {"COK", "NIU"}
    current = [
        s for s in rec.states if s.category is not StateCategory.HISTORICAL and s.code != "XKX"
    ]
    assert len(current) == 197


def test_every_state_has_a_source_and_historical_ones_an_end(rec: icclaw.Record) -> None:
    for s in rec.states:
        assert s.source is not None, s.code
        assert (s.ended is not None) == (s.category is StateCategory.HISTORICAL), s.code


def test_the_ussr_is_continued_by_the_russian_federation(rec: icclaw.Record) -> None:
    ussr = rec.state("SUN")
    assert ussr.continuator == "RUS"
    assert rec.state("Soviet Union") == ussr


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("RUS", "RUS"),
        ("rus", "RUS"),
        ("Russia", "RUS"),
        ("russian federation", "RUS"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("Palestine", "PSE"),
        ("Kosovo", "XKX"),
        ("Türkiye", "TUR"),
        ("turkey", "TUR"),
    ],
)
def test_a_state_is_found_by_code_name_or_alias_in_any_case(
    rec: icclaw.Record, query: str, code: str
) -> None:
    assert rec.state(query).code == code


def test_an_ambiguous_alias_lists_its_candidates(rec: icclaw.Record) -> None:
    with pytest.raises(AmbiguousState) as info:
        rec.state("Congo")
    assert set(info.value.candidates) == {"COD", "COG"}
    assert "COD" in str(info.value)
    assert "COG" in str(info.value)


def test_an_unknown_state_names_the_nearest_match(rec: icclaw.Record) -> None:
    with pytest.raises(
        UnknownState, match=r"RUSS: unknown state; did you mean RUS \(Russian Federation\)\?"
    ):
        rec.state("RUSS")
    with pytest.raises(UnknownState, match="did you mean"):
        rec.state("Ukrain")


def test_no_alias_is_another_states_name(rec: icclaw.Record) -> None:
    names = {normalise_name(s.name): s.code for s in rec.states}
    for s in rec.states:
        for alias in s.aliases:
            owner = names.get(normalise_name(alias))
            assert owner in (None, s.code), (s.code, alias, owner)
