"""Territories that are not simply a state, and occupation asked of one territory (issue 12).

A situation may name a territory — part of a state (Kherson, Crimea), disputed (the Falklands)
or no state's (Western Sahara) — instead of a state, with who held, administered or claimed it
over time. The territorial state is the sovereign, else the administering state, else none; a
claim makes no state territorial. Occupation is then answerable per territory and day (Hague
Regulations art. 42).
"""

from __future__ import annotations

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import icclaw
from icclaw import (
    Conclusion,
    ConflictKind,
    Consent,
    Holding,
    Hostilities,
    Occupation,
    Situation,
    StateActor,
    Territory,
)
from icclaw import strategies as ist
from icclaw.ihl.facts import OCCUPATION_ENDS, active

REC = icclaw.load()
CODES = ("UKR", "RUS", "GEO", "MAR", "ARG", "GBR", "ISR", "SYR")
ALWAYS = ("1950-01-01", None)

KHERSON = Territory(
    "Kherson",
    [
        Holding("UKR", "sovereign", ("1991-08-24", None)),
        Holding("RUS", "claims", ("2022-09-30", None)),
    ],
)
CRIMEA = Territory(
    "Crimea",
    [
        Holding("UKR", "sovereign", ("1991-08-24", None)),
        Holding("RUS", "claims", ("2014-03-18", None)),
    ],
)


def _ukraine(*occupations: Occupation) -> Situation:
    return Situation(
        "s",
        [StateActor("UKR"), StateActor("RUS")],
        [Hostilities("RUS", "UKR", ("2022-02-24", None), "UKR")],
        occupations=occupations,
        territories=[KHERSON, CRIMEA],
    )


def test_kherson_is_asked_apart_from_the_rest_of_ukraine() -> None:
    """Kherson city was held by Russian forces from 2 March to 11 November 2022 (the dates the
    catalogue's Ukraine 2022 file gives, from news reports): on 2022-12-01 Kherson is not
    occupied, Crimea still is, and Ukraine is, in part."""
    situation = _ukraine(
        Occupation(
            "RUS",
            "Kherson",
            ("2022-03-02", None),
            True,
            conclusion=Conclusion("2022-11-11", "withdrawal"),
        ),
        Occupation("RUS", "Crimea", ("2014-03-18", None), True),
    )
    during = REC.occupied(situation, "Kherson", "2022-06-01")
    assert during.holds is True
    assert during.value == ("RUS",)
    assert any("Kherson (held by UKR)" in r.text for r in during.reasons)
    claimed = REC.occupied(situation, "Kherson", "2022-10-15")  # after the purported annexation
    assert any("Kherson (held by UKR, claimed by RUS)" in r.text for r in claimed.reasons)

    after = REC.occupied(situation, "Kherson", "2022-12-01")
    assert after.holds is False
    assert "no occupation of Kherson" in after.reasons[-1].text

    assert REC.occupied(situation, "Crimea", "2022-12-01").holds is True
    ukraine = REC.occupied(situation, "UKR", "2022-12-01")
    assert ukraine.holds is True
    assert "in part only: Crimea" in ukraine.qualifiers

    conflicts = REC.classify(situation, "2022-06-01")
    occupations = [c for c in conflicts if c.kind is ConflictKind.OCCUPATION]
    assert sorted(c.place or "" for c in occupations) == ["Crimea", "Kherson"]
    assert all(c.territory == "UKR" and c.parties == ("RUS", "UKR") for c in occupations)


def test_an_occupation_of_the_whole_state_covers_its_territories() -> None:
    situation = _ukraine(Occupation("RUS", "UKR", ("2022-03-01", "2022-04-01"), True))
    assert REC.occupied(situation, "Kherson", "2022-03-15").holds is True
    assert REC.occupied(situation, "Kherson", "2022-04-02").holds is False
    area = _ukraine(Occupation("RUS", "UKR", ("2022-03-01", None), True, area="Zaporizhzhia"))
    assert REC.occupied(area, "Kherson", "2022-03-15").holds is False  # another area
    assert REC.occupied(area, "UKR", "2022-03-15").qualifiers[0] == (
        "in part only: Zaporizhzhia (UKR)"
    )


def test_a_territory_no_state_holds_has_no_territorial_state() -> None:
    """Western Sahara (ESH) written as no state's: the file need not adopt Morocco's claim. Force
    there is against no state's territory (no host to consent or to be struck), and the
    occupation answer says the point is contested (ICJ, Wall, 2004, para. 95)."""
    esh = Territory(
        "ESH",
        [
            Holding("ESP", "administers", ("1958-01-01", "1976-02-26")),
            Holding("MAR", "claims", ALWAYS),
        ],
    )
    situation = Situation(
        "s",
        [StateActor("MAR"), icclaw.ArmedGroup("Polisario")],
        [Hostilities("MAR", "Polisario", ("1976-02-27", "1991-09-06"), "ESH")],
        occupations=[Occupation("MAR", "ESH", ("1976-02-27", None), True)],
        territories=[esh],
    )
    assert situation.holder("ESH", pendulum.Date(1980, 1, 1)) is None
    assert situation.holder("ESH", pendulum.Date(1970, 1, 1)) == "ESP"
    conflicts = REC.classify(situation, "1980-01-01")
    occupation = next(c for c in conflicts if c.kind is ConflictKind.OCCUPATION)
    assert occupation.territory is None
    assert occupation.place == "ESH"
    assert occupation.parties == ("ESH", "MAR")
    assert any("held by no state" in q for q in occupation.finding.qualifiers)
    fight = next(c for c in conflicts if "Polisario" in c.parties)
    assert fight.territory is None
    assert fight.ap_ii is not True  # AP II needs the territorial state's own forces


def test_the_format_refuses_what_cannot_be() -> None:
    with pytest.raises(icclaw.InvalidValue, match="two states sovereign it at once"):
        Territory(
            "X",
            [
                Holding("UKR", "sovereign", ("1991-08-24", None)),
                Holding("RUS", "sovereign", ("2014-03-18", None)),
            ],
        )
    with pytest.raises(icclaw.InvalidValue, match="neither a state code nor a declared"):
        Situation(
            "s", [StateActor("RUS")], occupations=[Occupation("RUS", "Kherson", ALWAYS, True)]
        )
    with pytest.raises(icclaw.InvalidValue, match="does not occupy what it holds"):
        _ukraine(Occupation("UKR", "Kherson", ("2022-03-02", None), True))
    with pytest.raises(icclaw.InvalidValue, match="has the code of a state"):
        Situation("s", [StateActor("UKR")], territories=[Territory("UKR")])
    with pytest.raises(icclaw.InvalidValue, match=r"neither a state code .* nor a territory"):
        REC.occupied(_ukraine(), "Kherzon", "2022-06-01")
    with pytest.raises(icclaw.UnknownState):
        REC.occupied(_ukraine(), "XXX", "2022-06-01")


@given(ist.situations(CODES), ist.dates("2000-01-01", "2020-12-31"), st.data())
def test_a_territory_is_occupied_exactly_when_an_occupation_covering_it_is(
    situation: Situation, on: pendulum.Date, data: st.DataObject
) -> None:
    """Hague Regulations art. 42, per territory: yes exactly when some occupation of the
    territory (or of the whole state holding it) is classified an occupation that day;
    undetermined exactly when none is and one is undetermined; else no."""
    places = [*(t.name for t in situation.territories), *CODES]
    place = data.draw(st.sampled_from(places))
    finding = REC.occupied(situation, place, on)
    host = situation.holder(place, on)
    t = situation.territory(place)
    standing = [  # as they stand that day, across any succession of states
        o
        for given in situation.occupations
        if active(given.days, on)
        and (o := icclaw.ihl.classify._occupation_on(situation, given, on)) is not None
    ]
    covering = [
        o
        for o in standing
        if (
            o.territory == place
            or (t is not None and o.area is None and o.territory == host)
            or (t is None and situation.holder(o.territory, on) == place)
        )
    ]
    kinds = {icclaw.ihl.classify.classify_occupation(_ctx(situation, on), o).kind for o in covering}
    if ConflictKind.OCCUPATION in kinds:
        assert finding.holds is True
        assert set(finding.value) == {
            o.occupant
            for o in covering
            if icclaw.ihl.classify.classify_occupation(_ctx(situation, on), o).kind
            is ConflictKind.OCCUPATION
        }
    elif None in kinds:
        assert finding.holds is None
        assert finding.missing
    else:
        assert finding.holds is False
        assert not finding.missing


def _ctx(situation: Situation, on: pendulum.Date) -> icclaw.ihl.classify.Ctx:
    return icclaw.ihl.classify.Ctx(REC, situation, on, icclaw.Policy(), on)


@given(ist.situations(CODES), ist.dates("2000-01-01", "2020-12-31"))
def test_consent_and_force_are_read_of_the_state_holding_the_territory(
    situation: Situation, on: pendulum.Date
) -> None:
    """Naming a territory instead of the state that holds it that day changes no kind of
    conflict: the territorial state is what the rules read (consent, force on a state's
    territory, AP II)."""
    named = {t.name: t for t in situation.territories}
    hostilities = []
    for h in situation.hostilities:
        if h.territory in named:
            host = named[h.territory].holder(on)
            if host is None:
                return
            # the holder must hold it every day the rules look at: on and the last day of fighting
            if h.period.end is not None and named[h.territory].holder(h.period.end) != host:
                return
            hostilities.append(attrs.evolve(h, territory=host))
        else:
            hostilities.append(h)
    plain = attrs.evolve(situation, hostilities=hostilities, occupations=())
    with_places = attrs.evolve(situation, occupations=())
    before = {(c.parties, c.kind, c.territory, c.ap_ii) for c in REC.classify(plain, on)}
    after = {(c.parties, c.kind, c.territory, c.ap_ii) for c in REC.classify(with_places, on)}
    assert before == after


@given(ist.situations(CODES), ist.dates("2000-01-01", "2020-12-31"), st.data())
def test_partial_effective_control_is_an_occupation_bound_as_far_as_control_reaches(
    situation: Situation, on: pendulum.Date, data: st.DataObject
) -> None:
    """ICJ advisory opinion of 19 July 2024 (Gaza): with partial effective control the law of
    occupation binds the occupant in proportion to its control. The engine answers an
    occupation, as for full control, and says so in a qualifier."""
    if not situation.occupations:
        return
    i = data.draw(st.integers(0, len(situation.occupations) - 1))
    o = situation.occupations[i]
    full = attrs.evolve(
        situation,
        occupations=[
            attrs.evolve(o, effective_control=True) if j == i else x
            for j, x in enumerate(situation.occupations)
        ],
    )
    partial = attrs.evolve(
        situation,
        occupations=[
            attrs.evolve(o, effective_control="partial") if j == i else x
            for j, x in enumerate(situation.occupations)
        ],
    )
    a = icclaw.ihl.classify.classify_occupation(_ctx(full, on), full.occupations[i])
    b = icclaw.ihl.classify.classify_occupation(_ctx(partial, on), partial.occupations[i])
    assert a.kind == b.kind
    if b.kind is ConflictKind.OCCUPATION:
        assert any("partial effective control" in q for q in b.finding.qualifiers)


@given(
    st.sampled_from(sorted(OCCUPATION_ENDS)),
    st.integers(1, 2000),
    st.integers(-5, 5),
)
def test_an_occupation_ends_on_its_conclusions_day(
    kind: icclaw.ConclusionKind, length: int, offset: int
) -> None:
    """An occupation with a dated end (a withdrawal, a transfer of authority, a peace) is an
    occupation up to the day before, and none from that day; an `end` that disagrees is
    refused."""
    start = pendulum.Date(2003, 5, 22)
    end_day = start.add(days=length)
    o = Occupation("USA", "IRQ", (start, None), True, conclusion=Conclusion(end_day, kind))
    situation = Situation("s", [StateActor("USA")], occupations=[o])
    day = end_day.add(days=offset)
    found = REC.classify(situation, day)
    if start <= day < end_day:
        (c,) = found
        assert c.kind is ConflictKind.OCCUPATION
    else:
        assert found == ()
    if offset != -1:
        with pytest.raises(icclaw.IcclawError):
            Occupation(
                "USA",
                "IRQ",
                (start, end_day.add(days=offset)),
                conclusion=Conclusion(end_day, kind),
            )


def test_consent_is_read_of_the_territorial_state() -> None:
    """Forces present with the holder's consent are not a hostile army (Hague Regulations
    art. 42): consent by the sovereign of a territory counts, a claimant's does not."""
    situation = Situation(
        "s",
        [StateActor("UKR"), StateActor("RUS")],
        occupations=[Occupation("RUS", "Crimea", ("2014-03-18", None), True)],
        consents=[Consent("UKR", "RUS", ("1997-05-28", "2014-03-17"))],
        territories=[CRIMEA],
    )
    assert REC.occupied(situation, "Crimea", "2015-01-01").holds is True
    consented = attrs.evolve(situation, consents=[Consent("UKR", "RUS", ("1997-05-28", None))])
    assert REC.occupied(consented, "Crimea", "2015-01-01").holds is False


def test_a_territory_name_has_no_spaces_around_it() -> None:
    """Facts name a territory exactly as declared: a name with spaces around it would be
    declared but never found."""
    with pytest.raises(icclaw.InvalidValue, match="without spaces around it"):
        Territory(" Kherson")
