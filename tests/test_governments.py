"""Rival governments (issue 12): which authority speaks for a state decides whose forces are the
state's and whose consent counts.

A situation records, over time, the authority found to be a state's government (at most one a
day) and its rivals. A group that is the government fights as its state: a state fighting it
fights that state (common art. 2). Consent given by an authority counts as the state's only on
the days that authority is its government.
"""

from __future__ import annotations

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import icclaw
from icclaw import (
    ArmedGroup,
    ConflictKind,
    Consent,
    Government,
    Hostilities,
    Organisation,
    Situation,
    StateActor,
)
from icclaw import strategies as ist
from icclaw.ihl.facts import active

REC = icclaw.load()
CODES = ("UKR", "RUS", "GEO", "COD", "SYR", "USA", "AFG", "YEM", "SAU")
INTERIM = pendulum.Date(2001, 12, 22)


def _afghanistan() -> Situation:
    """The shape of the 2001 conflict as its classification as international reads it (the
    dates are illustrative here; the catalogue's file sources its own)."""
    return Situation(
        "s",
        [
            StateActor("USA"),
            StateActor("AFG"),
            ArmedGroup("Taliban"),  # organisation unknown: a government needs no test
            ArmedGroup("United Front", Organisation(asserted=True)),
        ],
        [
            Hostilities("USA", "Taliban", ("2001-10-07", None), "AFG"),
            Hostilities(
                "Taliban",
                "United Front",
                ("2001-01-01", None),
                "AFG",
                icclaw.Intensity(asserted=True),
            ),
        ],
        consents=[Consent("AFG", "USA", ("2001-10-07", None), by="Interim Authority")],
        governments=[
            Government("AFG", "Taliban", "government", ("1996-09-27", INTERIM.add(days=-1))),
            Government("AFG", "United Front", "rival", ("1996-09-27", INTERIM.add(days=-1))),
            Government("AFG", "Interim Authority", "government", (INTERIM, None)),
        ],
    )


def test_a_group_that_is_the_government_fights_as_its_state() -> None:
    conflicts = REC.classify(_afghanistan(), "2001-11-01")
    kinds = {(c.parties, c.kind) for c in conflicts}
    assert (("AFG", "USA"), ConflictKind.INTERNATIONAL) in kinds
    assert all("Taliban" not in c.parties for c in conflicts)  # its fight is Afghanistan's
    iac = next(c for c in conflicts if c.parties == ("AFG", "USA"))
    assert "Taliban" in iac.via
    assert any("Taliban is AFG's government then" in r.text for r in iac.finding.reasons)
    # the United Front fights the Taliban's Afghanistan: a non-international conflict
    assert (("AFG", "United Front"), ConflictKind.NON_INTERNATIONAL) in kinds


def test_once_it_is_not_the_government_it_is_a_group_and_the_new_governments_consent_counts() -> (
    None
):
    conflicts = REC.classify(_afghanistan(), "2002-03-01")
    usa = next(c for c in conflicts if set(c.parties) == {"USA", "Taliban"})
    assert usa.kind is None  # the Taliban's organisation decides now; consent keeps it internal
    assert "Taliban.organisation.asserted" in usa.finding.missing
    assert not any(c.kind is ConflictKind.INTERNATIONAL for c in conflicts)
    assert any("consented" in r.text for r in usa.finding.reasons)


def test_a_rivals_consent_is_not_the_states() -> None:
    """Consent given by an authority that is not the state's government that day does not keep
    foreign force non-international (under the default nonconsensual_strike reading)."""
    situation = attrs.evolve(
        _afghanistan(),
        consents=[Consent("AFG", "USA", ("2001-10-07", None), by="United Front")],
        hostilities=[Hostilities("USA", "Taliban", ("2001-10-07", None), "AFG")],
    )
    later = REC.classify(situation, "2002-03-01")
    assert any(c.parties == ("AFG", "USA") and c.kind is ConflictKind.INTERNATIONAL for c in later)


def test_the_format_refuses_what_cannot_be() -> None:
    with pytest.raises(icclaw.InvalidValue, match="two governments at once"):
        attrs.evolve(
            _afghanistan(),
            governments=[
                Government("AFG", "Taliban", "government", ("1996-09-27", None)),
                Government("AFG", "United Front", "government", ("2001-01-01", None)),
            ],
        )
    with pytest.raises(icclaw.InvalidValue, match="a government's forces are the state's"):
        attrs.evolve(
            _afghanistan(),
            hostilities=[Hostilities("AFG", "Taliban", ("2001-10-07", None), "AFG")],
        )
    with pytest.raises(icclaw.InvalidValue, match="which no government entry names"):
        attrs.evolve(_afghanistan(), consents=[Consent("AFG", "USA", ("2001-10-07", None), by="X")])
    with pytest.raises(icclaw.InvalidValue, match="not one of 'government', 'rival'"):
        Government("AFG", "Taliban", "de-facto", ("1996-09-27", None))


@given(ist.situations(CODES), ist.dates("2000-01-01", "2020-12-31"), st.data())
def test_a_governing_group_is_never_a_party_its_fight_is_its_states(
    situation: Situation, on: pendulum.Date, data: st.DataObject
) -> None:
    """Common art. 2: a government's armed forces are its state's. Make a group (not a liberation
    movement) the government of a state of the situation for all time: on any day, no conflict
    has the group as a party, and every state that fought it directly is now in a relationship
    with the state it governs."""
    groups = [a for a in situation.actors if isinstance(a, ArmedGroup)]
    states = [a.code for a in situation.actors if isinstance(a, StateActor)]
    if not groups:
        return
    group = data.draw(st.sampled_from(groups))
    state = data.draw(st.sampled_from(states))
    far = pendulum.Date(2100, 1, 1)
    if any(
        group.name in (h.a, h.b) and situation.identity(state, far) in (h.a, h.b, *chain)
        for h in situation.hostilities
        for chain in [[situation.identity(x, far) for x in (h.a, h.b)]]
    ):
        return  # a state (or one carrying on its part) and its government do not fight
    actors = [
        attrs.evolve(a, liberation_movement=False) if a == group else a for a in situation.actors
    ]
    try:
        governed = attrs.evolve(
            situation,
            actors=actors,
            governments=[
                *(g for g in situation.governments if g.state != state),
                Government(state, group.name, "government", ("1900-01-01", None)),
            ],
        )
    except icclaw.InvalidValue:
        return  # two governments of one state at once, across a succession: refused
    conflicts = REC.classify(governed, on)
    assert all(group.name not in c.parties for c in conflicts), conflicts
    for h in governed.hostilities:
        if group.name in (h.a, h.b) and active(h.period, on):
            other = governed.identity(h.b if h.a == group.name else h.a, on)
            ruled = governed.identity(state, on)
            if other in states and other != ruled:
                assert any(set(c.parties) == {other, ruled} for c in conflicts), (other, ruled)


def test_a_government_fighting_a_group_is_the_state_for_ap_ii() -> None:
    """AP II art. 1(1): the territorial state's armed forces against an organised group. A
    government's forces are the state's, so AP II is asked of the state (bound by AP II by
    its instrument of 10 November 2009 in the record), not refused as a fight between two
    groups."""
    nrf = Organisation(
        command_structure=True,
        territorial_control=True,
        operations=True,
        ihl_capacity=True,
        asserted=True,
    )
    situation = Situation(
        "s",
        [StateActor("AFG"), ArmedGroup("Taliban"), ArmedGroup("NRF", nrf)],
        [
            Hostilities(
                "Taliban", "NRF", ("2021-09-01", None), "AFG", icclaw.Intensity(asserted=True)
            )
        ],
        governments=[Government("AFG", "Taliban", "government", ("2021-08-15", None))],
    )
    (conflict,) = REC.classify(situation, "2022-01-01")
    assert conflict.parties == ("AFG", "NRF")
    assert conflict.kind is ConflictKind.NON_INTERNATIONAL
    assert conflict.ap_ii is True


def test_bad_input_to_the_new_facts_is_one_clear_error() -> None:
    for make in (
        lambda: REC.classify("ukraine-2014", "2016-01-01"),  # type: ignore[arg-type]
        lambda: attrs.evolve(_afghanistan(), governments=["Taliban"]),
        lambda: attrs.evolve(_afghanistan(), successions=[("YUG", "SCG")]),
        lambda: icclaw.Territory("Crimea", None),  # type: ignore[arg-type]
        lambda: icclaw.diff(REC, None),  # type: ignore[arg-type]
    ):
        with pytest.raises(icclaw.InvalidType):
            make()


def test_an_authority_governs_one_state_a_day() -> None:
    with pytest.raises(icclaw.InvalidValue, match="governs one state a day"):
        attrs.evolve(
            _afghanistan(),
            actors=[*_afghanistan().actors, StateActor("PAK")],
            governments=[
                Government("AFG", "Taliban", "government", ("1996-09-27", None)),
                Government("PAK", "Taliban", "government", ("2000-01-01", "2000-12-31")),
            ],
        )
