"""The Rome Statute engine stated as properties, on the embedded record and generated events."""

from __future__ import annotations

import attrs
import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import icclaw
from icclaw import (
    CourtSituation,
    Crime,
    Declaration,
    Event,
    Policy,
    ProprioMotu,
    Record,
    SecurityCouncilReferral,
    StateReferral,
    VoteOutcome,
)
from icclaw import strategies as ist
from icclaw.dates import s_minus, to_spans
from icclaw.icc.amendments import amendment_start
from icclaw.icc.council import permanent_members, required_votes, vote_outcome
from icclaw.icc.crimes import AMENDED_PROVISIONS, Provision
from icclaw.status import BOUND

REC = icclaw.load()
RS = "rome-statute"
# A mix of parties, withdrawn parties, declarants and non-parties, to keep examples meaningful.
CODES = (
    "GEO",
    "UKR",
    "RUS",
    "USA",
    "AFG",
    "BDI",
    "PHL",
    "PSE",
    "COL",
    "CIV",
    "MMR",
    "BGD",
    "SDN",
    "LBY",
    "FRA",
    "HUN",
    "ISR",
    "SYR",
)
PARTIES_2010 = ("GEO", "AFG", "BDI", "COL", "FRA", "HUN", "DEU", "ARG")
TRIGGERS = ist.triggers(
    referrers=("LTU", "ARG", "GEO", "USA"), resolutions=("1593", "1970", "S/2014/348")
)


@given(ist.events(CODES, max_date="2002-06-30"), TRIGGERS, ist.policies())
def test_no_jurisdiction_over_conduct_before_1_july_2002(
    event: Event, trigger: icclaw.Trigger, policy: Policy
) -> None:
    """Art. 11(1), under any trigger or declaration."""
    assert REC.jurisdiction(event, trigger, policy=policy).holds is False


@given(ist.events(CODES), TRIGGERS, st.integers(0, 17))
def test_no_jurisdiction_over_a_person_under_eighteen(
    event: Event, trigger: icclaw.Trigger, age: int
) -> None:
    """Art. 26."""
    young = Event(
        event.crime,
        event.date,
        event.until,
        event.territory,
        event.nationality,
        age,
        None,
        event.aggressor,
    )
    finding = REC.jurisdiction(young, trigger)
    assert finding.holds is False
    assert "art. 26" in [c.article for c in finding.citations]


def _link_on(code: str, day: pendulum.Date) -> bool:
    return REC.status(code, RS, day) in BOUND


@given(
    ist.events(
        CODES,
        crimes=(Crime.GENOCIDE, Crime.CRIMES_AGAINST_HUMANITY),
        min_date="2002-07-01",
        nationality_known=True,
    ),
    st.sampled_from(PARTIES_2010),
    st.booleans(),
    st.sampled_from([ProprioMotu(), StateReferral(by="ARG", on="2024-01-01")]),
)
def test_adding_a_party_link_never_turns_yes_into_no(
    event: Event, party: str, to_territory: bool, trigger: icclaw.Trigger
) -> None:
    """Arts. 12(2): one link suffices; another state's position never takes it away."""
    before = REC.jurisdiction(event, trigger)
    territory = event.territory or ()
    nationality = event.nationality or ()
    wider = Event(
        event.crime,
        event.date,
        event.until,
        (*territory, party) if to_territory and party not in territory else territory,
        (*nationality, party) if not to_territory and party not in nationality else nationality,
        event.age,
    )
    after = REC.jurisdiction(wider, trigger)
    if before.holds:
        assert after.holds is True
        assert s_minus(to_spans(before.value), to_spans(after.value)) == ()  # no day is lost


NON_PARTIES = ("RUS", "USA", "CHN", "IND", "ISR", "SYR", "MMR", "TUR", "IRN", "PRK")


@given(
    ist.events(
        NON_PARTIES,
        crimes=(Crime.GENOCIDE, Crime.CRIMES_AGAINST_HUMANITY),
        min_date="2002-07-01",
        nationality_known=True,
    ),
    st.sampled_from(
        [ProprioMotu(), ProprioMotu("2020-01-01"), StateReferral(by="ARG", on="2024-01-01")]
    ),
)
def test_without_any_party_link_or_acceptance_the_answer_is_no(
    event: Event, trigger: icclaw.Trigger
) -> None:
    """Art. 12(2)–(3): states that never were parties and never accepted jurisdiction give no link."""
    assume(event.age is None or event.age >= 18)
    assert REC.jurisdiction(event, trigger).holds is False


@given(
    ist.events(
        ("LBY", "RUS", "USA", "FRA", "SDN"),
        crimes=(Crime.GENOCIDE, Crime.CRIMES_AGAINST_HUMANITY, Crime.WAR_CRIMES),
        min_date="2011-02-15",
        nationality_known=True,
    ),
    st.sampled_from(NON_PARTIES),
)
def test_a_council_referral_gives_jurisdiction_within_its_scope_whatever_the_party_status(
    event: Event, national: str
) -> None:
    """Art. 13(b): res. 1970 refers the situation in Libya since 15 Feb 2011; no link is needed."""
    assume(event.age is None or event.age >= 18)
    on_libya = Event(event.crime, event.date, event.until, ("LBY",), (national,), event.age)
    finding = REC.jurisdiction(on_libya, SecurityCouncilReferral("1970"), on="2026-12-31")
    assert finding.holds is True
    elsewhere = Event(event.crime, event.date, event.until, ("SYR",), (national,), event.age)
    assert (
        REC.jurisdiction(elsewhere, SecurityCouncilReferral("1970"), on="2026-12-31").holds is False
    )


@given(ist.records(treaty=ist.ROME_STATUTE, min_states=1, max_states=4), st.data())
def test_withdrawal_never_affects_conduct_while_a_party_under_crimes_while_party(
    record: Record, data: st.DataObject
) -> None:
    """Art. 127(2) under ``post_withdrawal=crimes-while-party``; and under every policy when the
    matter was under consideration before the withdrawal took effect."""
    left = [
        (s.code, p)
        for s in record.states
        for p in record.in_force_periods(s.code, RS)
        if p.end is not None
    ]
    assume(left)
    code, bound = data.draw(st.sampled_from(left))
    day = data.draw(ist.dates(max(bound.start, pendulum.Date(2002, 7, 1)), bound.end))
    event = Event(Crime.CRIMES_AGAINST_HUMANITY, day, territory=(code,), nationality=())
    on = bound.end.add(years=1)
    keep = Policy(post_withdrawal="crimes-while-party")
    assert record.jurisdiction(event, ProprioMotu(), on=on, policy=keep).holds is True
    effective = bound.end.add(days=1)
    opened = data.draw(ist.dates(bound.start, effective.subtract(days=1)))
    situation = CourtSituation(
        "s", "A situation", (code,), ist.ASSUMED, preliminary_examination=opened, referred_on=opened
    )
    considered = Record(
        record.states,
        record.treaties,
        record.actions,
        max(on, record.as_of),
        situations=(situation,),
    )
    for policy in (Policy(post_withdrawal=p) for p in icclaw.PostWithdrawal):
        assert considered.jurisdiction(event, ProprioMotu(), on=on, policy=policy).holds is True


@given(
    ist.events(CODES, crimes=(Crime.AGGRESSION,), min_date="2018-07-17", nationality_known=True),
    st.sampled_from(NON_PARTIES),
    st.sampled_from(["territory", "nationality", "aggressor"]),
    st.sampled_from([ProprioMotu(), StateReferral(by="ARG", on="2024-01-01")]),
    ist.policies(),
)
def test_aggression_involving_a_non_party_is_never_within_jurisdiction_on_a_state_referral_or_proprio_motu(
    event: Event, outsider: str, where: str, trigger: icclaw.Trigger, policy: Policy
) -> None:
    """Art. 15bis(5)."""
    territory = (outsider,) if where == "territory" else event.territory
    nationality = (outsider,) if where == "nationality" else event.nationality
    aggressor = outsider if where == "aggressor" else event.aggressor
    event = Event(
        Crime.AGGRESSION,
        event.date,
        event.until,
        territory,
        nationality,
        event.age,
        None,
        aggressor,
    )
    if policy.aggression_declarant.value == "accepting-state":
        assume(not REC.declarations_of(outsider, "acceptance"))
    assert REC.jurisdiction(event, trigger, policy=policy).holds is False


P5_1990 = ("CHN", "FRA", "GBR", "USA", "SUN")
P5_2000 = ("CHN", "FRA", "GBR", "USA", "RUS")
ELECTED = tuple(
    f"X{chr(65 + i)}{chr(65 + j)}" for i in range(3) for j in range(5)
)  # 15 synthetic codes


@given(st.data(), st.sampled_from([("1960-01-01", 11), ("1990-01-01", 15), ("2014-05-22", 15)]))
def test_vote_outcome_follows_article_27_3(data: st.DataObject, when: tuple[str, int]) -> None:
    """Enough affirmative votes with a permanent member's no is a veto; too few is a failure,
    whatever the permanent members did; otherwise adopted (abstention never blocks)."""
    day = pendulum.Date.fromisoformat(when[0])
    p5 = tuple(sorted(permanent_members(day)))
    members = list(p5) + list(ELECTED[: when[1] - 5])
    votes = data.draw(
        st.lists(
            st.sampled_from(["yes", "no", "abstain", "absent"]),
            min_size=len(members),
            max_size=len(members),
        )
    )
    tally = {
        k: [m for m, v in zip(members, votes, strict=True) if v == k]
        for k in ("yes", "no", "abstain")
    }
    outcome = vote_outcome(tally["yes"], tally["no"], tally["abstain"], day)
    needed = required_votes(day)[0]
    if len(tally["yes"]) < needed:
        assert outcome is VoteOutcome.FAILED
    elif set(tally["no"]) & set(p5):
        assert outcome is VoteOutcome.VETOED
    else:
        assert outcome is VoteOutcome.ADOPTED


def test_vote_outcome_refuses_impossible_votes() -> None:
    with pytest.raises(ValueError, match="two votes"):
        vote_outcome(["FRA"], ["FRA"], [], pendulum.Date(2000, 1, 1))
    with pytest.raises(ValueError, match="did not hold the permanent seat"):
        vote_outcome(["SUN"], [], [], pendulum.Date(2000, 1, 1))
    with pytest.raises(ValueError, match="did not exist"):
        vote_outcome([], [], [], pendulum.Date(1944, 1, 1))


@given(
    ist.events(CODES, min_date="2002-07-01"),
    TRIGGERS,
    ist.dates("2003-01-01", "2025-12-01"),
    st.sampled_from(CODES),
    ist.policies(),
)
def test_known_on_answers_never_change_when_later_facts_are_added(
    event: Event, trigger: icclaw.Trigger, known_on: pendulum.Date, code: str, policy: Policy
) -> None:
    """Facts received after ``known_on`` never change an answer given as the record stood then."""
    try:
        before = REC.jurisdiction(event, trigger, known_on=known_on, policy=policy)
    except icclaw.UnknownResolution:
        return  # the resolution itself is later than known_on: refused either way
    later = known_on.add(days=1)
    extra = Declaration("acceptance", code, later, ist.ASSUMED, start=pendulum.Date(2002, 7, 1))
    situation = CourtSituation(
        "later",
        "A later situation",
        (code,),
        ist.ASSUMED,
        preliminary_examination=later,
        authorised=later,
    )
    as_of = max(REC.as_of, later)
    grown = Record(
        REC.states,
        REC.treaties,
        REC.actions,
        as_of,
        declarations=(*REC.declarations, extra),
        resolutions=REC.resolutions,
        situations=(*REC.situations, situation),
    )
    after = grown.jurisdiction(event, trigger, on=REC.as_of, known_on=known_on, policy=policy)
    assert after.holds == before.holds
    assert after.value == before.value
    assert after.missing == before.missing


@given(
    ist.events(
        NON_PARTIES,
        crimes=(Crime.WAR_CRIMES,),
        min_date="2002-07-01",
        provisions=True,
        territory_known=False,
    ),
    st.sampled_from([ProprioMotu(), StateReferral(by="ARG", on="2024-01-01")]),
)
def test_an_amended_war_crime_is_never_within_jurisdiction_for_states_that_never_accepted_it(
    event: Event, trigger: icclaw.Trigger
) -> None:
    """Art. 121(5) under ``amendment_reach=consent``: none of these states ever accepted an
    amendment (nor joined the Statute), so no amended crime is ever within jurisdiction."""
    assume(event.provision is not None)
    assert REC.jurisdiction(event, trigger).holds is not True


@given(
    ist.events(
        ("SDN",),
        crimes=(Crime.GENOCIDE, Crime.CRIMES_AGAINST_HUMANITY),
        min_date="2002-07-01",
        max_date="2025-12-01",
        areas=("darfur", "khartoum", "kordofan"),
    )
)
def test_the_darfur_referral_covers_darfur_only(event: Event) -> None:
    """Res. 1593 refers the situation in Darfur: conduct in Sudan elsewhere is outside it, and
    conduct in Sudan whose area is not given is undetermined."""
    assume(event.age is None or event.age >= 18)
    f = REC.jurisdiction(event, SecurityCouncilReferral("1593"))
    if event.area == "darfur":
        assert f.holds is True
    elif event.area is None:
        assert f.holds is None
        assert "event.area" in f.missing
    else:
        assert f.holds is False


@given(
    st.sampled_from(AMENDED_PROVISIONS),
    ist.events(CODES, crimes=(Crime.WAR_CRIMES,), min_date="2002-07-01", max_date="2002-07-01"),
    st.data(),
    TRIGGERS,
    ist.policies(),
)
def test_no_amended_war_crime_covers_conduct_before_the_amendment_was_first_in_force(
    p: Provision, shape: Event, data: st.DataObject, trigger: icclaw.Trigger, policy: Policy
) -> None:
    """Arts. 22(1) and 121(5): whatever the reading of art. 121(5) and whatever the trigger,
    conduct that ends before the amendment was first in force for any state (or, where the
    record holds no acceptances, before one year after its adoption) is never covered."""
    start = amendment_start(REC, p.amendment).day
    last = start.subtract(days=1)
    begin = data.draw(ist.dates("2002-07-01", last))
    until = data.draw(st.none() | ist.dates(begin, last))
    event = attrs.evolve(shape, date=begin, until=until, provision=p.paragraph)
    assert REC.jurisdiction(event, trigger, policy=policy).holds is False


@given(st.sampled_from(AMENDED_PROVISIONS))
def test_each_amendment_starts_no_earlier_than_a_year_after_its_adoption(
    p: Provision,
) -> None:
    """Art. 121(5): in force for a state one year after its acceptance, which follows adoption;
    the adoption days agree with the record's amendment files."""
    start = amendment_start(REC, p.amendment)
    assert start.day >= p.adopted.add(years=1)
    assert start.known == (p.amendment in REC.treaty_slugs)
    assert p.resolution in start.reason.text
    if p.amendment in REC.treaty_slugs:
        assert REC.treaty(p.amendment).adopted == p.adopted
