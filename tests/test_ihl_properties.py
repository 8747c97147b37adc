"""The classification engine stated as properties (LAW.md section 3), on generated situations."""

from __future__ import annotations

import attrs
import pendulum
from hypothesis import given
from hypothesis import strategies as st

import icclaw
import icclaw.status
from icclaw import (
    ArmedGroup,
    Conflict,
    ConflictKind,
    Consent,
    Control,
    Hostilities,
    Intensity,
    Occupation,
    Organisation,
    Policy,
    Situation,
    StateActor,
)
from icclaw import strategies as ist
from icclaw.ihl.classify import threshold
from icclaw.ihl.facts import active

REC = icclaw.load()
CODES = ("UKR", "RUS", "GEO", "COD", "UGA", "IRQ", "USA", "GBR", "SYR", "FRA")
ON = pendulum.Date(2010, 6, 1)
ALWAYS = icclaw.Period("1950-01-01", None)


def kinds(
    conflicts: tuple[Conflict, ...],
) -> set[tuple[tuple[str, str], ConflictKind | None, str | None]]:
    return {(c.parties, c.kind, c.via) for c in conflicts}


@given(st.sampled_from(CODES), st.sampled_from(CODES), ist.intensities())
def test_force_between_states_is_international_whatever_its_intensity(
    a: str, b: str, intensity: Intensity
) -> None:
    """Common art. 2(1), under the default ``iac_threshold=any-force``."""
    if a == b:
        return
    situation = Situation(
        "s", [StateActor(a), StateActor(b)], [Hostilities(a, b, ALWAYS, a, intensity)]
    )
    (conflict,) = REC.classify(situation, ON)
    assert conflict.kind is ConflictKind.INTERNATIONAL
    assert conflict.finding.holds is True


@given(
    ist.situations(CODES),
    st.randoms(use_true_random=False),
    ist.dates("2000-01-01", "2020-12-31"),
    ist.policies(),
)
def test_classification_does_not_depend_on_the_order_of_actors_or_hostilities(
    situation: Situation, rng: object, on: pendulum.Date, policy: Policy
) -> None:
    import random  # noqa: PLC0415

    assert isinstance(rng, random.Random)
    turned = [
        attrs.evolve(h, a=h.b, b=h.a) if rng.random() < 0.5 else h for h in situation.hostilities
    ]
    shuffled = Situation(
        situation.name,
        rng.sample(situation.actors, len(situation.actors)),
        rng.sample(turned, len(turned)),
        rng.sample(situation.controls, len(situation.controls)),
        rng.sample(situation.consents, len(situation.consents)),
        rng.sample(situation.occupations, len(situation.occupations)),
        territories=rng.sample(situation.territories, len(situation.territories)),
        successions=situation.successions,
        governments=situation.governments,
    )
    first = REC.classify(situation, on, policy=policy)
    second = REC.classify(shuffled, on, policy=policy)
    assert first == second


@given(ist.intensities(), ist.organisations(), st.booleans())
def test_non_international_only_when_both_thresholds_are_met(
    intensity: Intensity, organisation: Organisation, group_v_group: bool
) -> None:
    """Common art. 3 and Tadić 1995: intensity and organisation both met → NIAC; either unknown
    → undetermined (naming the indicators); either clearly absent → no armed conflict."""
    groups = [ArmedGroup("G1", organisation)]
    if group_v_group:
        groups.append(ArmedGroup("G2", Organisation(asserted=True)))
    other = "G2" if group_v_group else "COD"
    situation = Situation(
        "s", [StateActor("COD"), *groups], [Hostilities("G1", other, ALWAYS, "COD", intensity)]
    )
    (conflict,) = REC.classify(situation, ON)
    t = threshold(intensity, "i", "hostilities.intensity", icclaw.Citation("x", "y")).met
    o = threshold(organisation, "o", "G1.organisation", icclaw.Citation("x", "y")).met
    if t is True and o is True:
        assert conflict.kind is ConflictKind.NON_INTERNATIONAL
    elif t is False or o is False:
        assert conflict.kind is ConflictKind.NONE
        assert conflict.finding.holds is False
    else:
        assert conflict.kind is None
        assert conflict.finding.holds is None
        assert conflict.finding.missing


@given(ist.organisations(), ist.intensities())
def test_overall_control_of_a_group_fighting_the_territorial_state_makes_it_international(
    organisation: Organisation, intensity: Intensity
) -> None:
    """Tadić AC 1999: a foreign state's overall control of an organised group internationalises
    the relationship; the test is for organised groups (paras. 120, 132, 137), so with the
    organisation unknown the answer is undetermined, and with an unorganised group there is no
    international conflict through it."""
    situation = Situation(
        "s",
        [StateActor("UKR"), StateActor("RUS"), ArmedGroup("G", organisation)],
        [Hostilities("UKR", "G", ALWAYS, "UKR", intensity)],
        [Control("RUS", "G", "overall", ALWAYS)],
    )
    between_states = [c for c in REC.classify(situation, ON) if c.parties == ("RUS", "UKR")]
    organised = threshold(organisation, "o", "G.organisation", icclaw.Citation("x", "y")).met
    if organised is True:
        (conflict,) = between_states
        assert conflict.kind is ConflictKind.INTERNATIONAL
        assert conflict.via == ("G",)
    elif organised is None:
        (conflict,) = between_states
        assert conflict.kind is None
        assert "G.organisation.asserted" in conflict.finding.missing
    else:
        assert [c.kind for c in between_states] == [ConflictKind.NONE]


@given(ist.organisations(), ist.intensities(), ist.policies())
def test_consent_of_the_territorial_state_keeps_foreign_intervention_non_international(
    organisation: Organisation, intensity: Intensity, policy: Policy
) -> None:
    situation = Situation(
        "s",
        [StateActor("IRQ"), StateActor("USA"), ArmedGroup("G", organisation)],
        [Hostilities("USA", "G", ALWAYS, "IRQ", intensity)],
        consents=[Consent("IRQ", "USA", ALWAYS)],
    )
    conflicts = REC.classify(situation, ON, policy=policy)
    assert all(c.kind is not ConflictKind.INTERNATIONAL for c in conflicts)
    assert all(c.parties == ("G", "USA") for c in conflicts)


@given(
    st.sampled_from([True, False, None]),
    ist.dates("2000-01-01", "2020-12-31"),
    ist.periods("2000-01-01", "2020-12-31"),
)
def test_occupation_exists_only_while_effective_control_does(
    control: bool | None, on: pendulum.Date, period: icclaw.Period
) -> None:
    """Hague Regulations art. 42."""
    situation = Situation(
        "s",
        [StateActor("USA"), StateActor("IRQ")],
        occupations=[Occupation("USA", "IRQ", period, control)],
    )
    conflicts = REC.classify(situation, on)
    occupied = [c for c in conflicts if c.kind is ConflictKind.OCCUPATION]
    if occupied:
        assert control is True
        assert active(period, on)
    if control is True and active(period, on):
        assert occupied


AP_I_KNOWN = tuple(sorted({a.state for a in REC.actions if a.treaty == "additional-protocol-i"}))


@given(ist.situations(CODES), ist.dates("2000-01-01", "2020-12-31"))
def test_art_8_paragraphs_follow_the_kind_of_conflict(
    situation: Situation, on: pendulum.Date
) -> None:
    """Art. 8(2)(a)–(b) never for a non-international conflict; (2)(c) and (e) never for an
    international one or an occupation."""
    for conflict in REC.classify(situation, on):
        law = REC.applicable_law(conflict)
        offered = set(law.value or ())
        if conflict.kind is ConflictKind.NON_INTERNATIONAL:
            assert not {"Rome Statute art. 8(2)(a)", "Rome Statute art. 8(2)(b)"} & offered
        if conflict.kind in (ConflictKind.INTERNATIONAL, ConflictKind.OCCUPATION):
            assert not {"Rome Statute art. 8(2)(c)", "Rome Statute art. 8(2)(e)"} & offered
        if conflict.kind in (ConflictKind.NONE, None):
            assert not offered


@given(
    st.sampled_from(AP_I_KNOWN), st.sampled_from(AP_I_KNOWN), ist.dates("1990-01-01", "2020-12-31")
)
def test_ap_i_applies_only_between_states_both_bound_by_it(
    a: str, b: str, on: pendulum.Date
) -> None:
    if a == b:
        return
    situation = Situation("s", [StateActor(a), StateActor(b)], [Hostilities(a, b, ALWAYS, a)])
    (conflict,) = REC.classify(situation, on)
    law = REC.applicable_law(conflict)
    both = all(REC.status(s, "additional-protocol-i", on) in icclaw.status.BOUND for s in (a, b))
    assert ("Additional Protocol I" in (law.value or ())) == both


@given(ist.situations(CODES), ist.dates("2000-01-01", "2020-12-31"), st.data())
def test_belonging_and_incorporation_make_a_groups_fight_the_states_as_overall_control_does(
    situation: Situation, on: pendulum.Date, data: st.DataObject
) -> None:
    """GC III art. 4A(2) (a group "belonging to" a party) and AP I art. 43 (a group incorporated
    into a party's armed forces) attach a group to a state as overall control does (Tadić AC
    1999): replacing overall control by belonging changes no pair's kind of conflict, nor the
    groups a state fights through; nor does replacing it by incorporation, for an organised
    group (incorporated forces need no test of organisation: see the next property). Only the
    reasons say which attachment it is."""
    if not situation.controls:
        return
    i = data.draw(st.integers(0, len(situation.controls) - 1))
    level = data.draw(
        st.sampled_from([icclaw.ControlLevel.BELONGING, icclaw.ControlLevel.INCORPORATED])
    )
    controls = list(situation.controls)
    if level is icclaw.ControlLevel.INCORPORATED:
        group = situation.actor(controls[i].group)
        assert isinstance(group, icclaw.ArmedGroup)
        if threshold(group.organisation, "", "", icclaw.Citation("x", "y")).met is not True:
            return
    controls[i] = attrs.evolve(controls[i], level=icclaw.ControlLevel.OVERALL)
    overall = attrs.evolve(situation, controls=controls)
    controls[i] = attrs.evolve(controls[i], level=level)
    changed = attrs.evolve(situation, controls=controls)
    before, after = REC.classify(overall, on), REC.classify(changed, on)
    assert kinds(after) == kinds(before)
    c = controls[i]
    word = "belong" if level is icclaw.ControlLevel.BELONGING else "incorporated"
    if not active(c.period, on) or changed.governs(c.group, on) is not None:
        return  # a government's forces are its state's, whatever else attaches them
    for conflict in after:
        for r in conflict.finding.reasons:
            if (
                r.text.startswith(
                    (
                        f"{c.state} fights through {c.group},",
                        f"{c.state} exercises authority through",
                    )
                )
                and f" {c.group}," in r.text
            ):
                assert word in r.text, r.text


@given(ist.organisations(), ist.intensities(), st.sampled_from(["overall", "incorporated"]))
def test_forces_incorporated_into_a_states_armed_forces_need_no_test_of_organisation(
    organisation: Organisation, intensity: Intensity, level: str
) -> None:
    """AP I art. 43: a group incorporated into a state's armed forces is part of them, so a state
    fighting it fights that state, whatever the group's organisation; under overall control the
    group's organisation decides (Tadić AC 1999, paras. 120, 137)."""
    situation = Situation(
        "s",
        [StateActor("UKR"), StateActor("RUS"), ArmedGroup("G", organisation)],
        [Hostilities("UKR", "G", ALWAYS, "UKR", intensity)],
        controls=[Control("RUS", "G", level, ALWAYS)],
    )
    iac = [c for c in REC.classify(situation, ON) if c.parties == ("RUS", "UKR") and c.via]
    met = threshold(organisation, "", "", icclaw.Citation("x", "y")).met
    expected = {
        True: ConflictKind.INTERNATIONAL,
        False: ConflictKind.NONE,
        None: None,
    }[True if level == "incorporated" else met]
    assert [c.kind for c in iac] == [expected]
