"""Classification rules one by one (LAW.md section 3): properties, and hand-made cases that
pin each branch of the engine."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import icclaw
from icclaw import (
    ArmedGroup,
    Citation,
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
from icclaw.ihl.facts import IhlDeclaration
from icclaw.status import BOUND

REC = icclaw.load()
CODES = ("UKR", "RUS", "GEO", "COD", "UGA", "IRQ", "USA", "GBR", "SYR", "FRA")
ON = pendulum.Date(2010, 6, 1)
ALWAYS = icclaw.Period("1950-01-01", None)
ORGANISED = Organisation(asserted=True)
INTENSE = Intensity(asserted=True)
CITE = Citation("x", "y")
MINIMAL = Policy(iac_threshold="minimal")


def test_threshold_by_hand() -> None:
    """No hidden score: all present, all absent, or the analyst's word; else undetermined."""
    names = Intensity.INDICATORS
    every = Intensity(**dict.fromkeys(names, True))
    none = Intensity(**dict.fromkeys(names, False))
    mixed = Intensity(**{names[0]: True, names[1]: False})
    assert threshold(every, "i", "h", CITE).met is True
    assert threshold(none, "i", "h", CITE).met is False
    result = threshold(mixed, "i", "h", CITE)
    assert result.met is None
    assert set(result.missing) == {*(f"h.{n}" for n in names[2:]), "h.asserted"}
    assert (
        threshold(Intensity(asserted=False, **dict.fromkeys(names, True)), "i", "h", CITE).met
        is False
    )
    assert (
        threshold(Intensity(asserted=True, **dict.fromkeys(names, False)), "i", "h", CITE).met
        is True
    )


@given(ist.intensities())
def test_threshold_is_decided_exactly_when_the_analyst_or_every_indicator_decides(
    intensity: Intensity,
) -> None:
    result = threshold(intensity, "i", "h", CITE)
    values = {getattr(intensity, n) for n in Intensity.INDICATORS}
    if intensity.asserted is not None:
        assert result.met is intensity.asserted
    elif values == {True}:
        assert result.met is True
    elif values == {False}:
        assert result.met is False
    else:
        assert result.met is None
        assert "h.asserted" in result.missing


@given(ist.intensities(), st.sampled_from(["overall", "effective"]))
def test_minimal_threshold_applies_to_every_international_conflict(
    intensity: Intensity, level: str
) -> None:
    """Policy ``iac_threshold=minimal`` governs internationalised conflicts as it does direct
    ones: the answer follows the intensity threshold in both."""
    direct = Situation(
        "s",
        [StateActor("UKR"), StateActor("RUS")],
        [Hostilities("UKR", "RUS", ALWAYS, "UKR", intensity)],
    )
    through = Situation(
        "s",
        [StateActor("UKR"), StateActor("RUS"), ArmedGroup("G", ORGANISED)],
        [Hostilities("UKR", "G", ALWAYS, "UKR", intensity)],
        [Control("RUS", "G", level, ALWAYS)],
    )
    met = threshold(intensity, "i", "h", CITE).met
    expected = {True: ConflictKind.INTERNATIONAL, False: ConflictKind.NONE, None: None}[met]
    (a,) = REC.classify(direct, ON, policy=MINIMAL)
    (b,) = REC.classify(through, ON, policy=MINIMAL)
    assert a.kind is expected
    assert b.kind is expected
    assert b.via == "G"


@given(ist.organisations(), ist.intensities(), st.booleans())
def test_control_of_unknown_degree_leaves_internationalisation_undetermined(
    organisation: Organisation, intensity: Intensity, consent: bool
) -> None:
    situation = Situation(
        "s",
        [StateActor("UKR"), StateActor("RUS"), ArmedGroup("G", organisation)],
        [Hostilities("UKR", "G", ALWAYS, "UKR", intensity)],
        [Control("RUS", "G", "unknown", ALWAYS)],
    )
    conflicts = REC.classify(situation, ON)
    between_states = [c for c in conflicts if c.parties == ("RUS", "UKR")]
    assert len(between_states) == 1
    assert between_states[0].kind is None
    assert between_states[0].finding.missing == ("control of G by RUS: level",)
    assert [c.parties for c in conflicts if c.parties != ("RUS", "UKR")] == [("G", "UKR")]


def test_every_controller_counts() -> None:
    """Two states with overall control of one group: each is in an IAC with the state fighting it."""
    situation = Situation(
        "s",
        [StateActor("SYR"), StateActor("RUS"), StateActor("USA"), ArmedGroup("G", ORGANISED)],
        [Hostilities("SYR", "G", ALWAYS, "SYR", INTENSE)],
        [Control("USA", "G", "overall", ALWAYS), Control("RUS", "G", "effective", ALWAYS)],
    )
    got = [(c.parties, c.kind, c.via) for c in REC.classify(situation, ON)]
    assert got == [
        (("RUS", "SYR"), ConflictKind.INTERNATIONAL, "G"),
        (("SYR", "USA"), ConflictKind.INTERNATIONAL, "G"),
    ]


def test_a_foreign_state_fighting_a_controlled_group_without_consent_is_at_war_with_both() -> None:
    """Internationalisation does not hide the strike on the host: without consent, the foreign
    state is in an IAC with the group's controller and with the territorial state."""
    situation = Situation(
        "s",
        [StateActor("USA"), StateActor("RUS"), StateActor("SYR"), ArmedGroup("G", ORGANISED)],
        [Hostilities("USA", "G", ALWAYS, "SYR", INTENSE)],
        [Control("RUS", "G", "overall", ALWAYS)],
    )
    got = [(c.parties, c.kind) for c in REC.classify(situation, ON)]
    assert got == [
        (("RUS", "USA"), ConflictKind.INTERNATIONAL),
        (("SYR", "USA"), ConflictKind.INTERNATIONAL),
    ]
    iac_only = Policy(nonconsensual_strike="niac-only")
    got = [(c.parties, c.kind) for c in REC.classify(situation, ON, policy=iac_only)]
    assert got == [(("RUS", "USA"), ConflictKind.INTERNATIONAL)]


def test_groups_fighting_for_different_states_put_those_states_at_war() -> None:
    situation = Situation(
        "s",
        [
            StateActor("COD"),
            StateActor("UGA"),
            StateActor("RWA"),
            ArmedGroup("A", ORGANISED),
            ArmedGroup("B", ORGANISED),
        ],
        [Hostilities("A", "B", ALWAYS, "COD", INTENSE)],
        [Control("UGA", "A", "overall", ALWAYS), Control("RWA", "B", "overall", ALWAYS)],
    )
    (conflict,) = REC.classify(situation, ON)
    assert (conflict.parties, conflict.kind, conflict.via) == (
        ("RWA", "UGA"),
        ConflictKind.INTERNATIONAL,
        "A, B",
    )


def test_a_group_fighting_for_one_state_brings_that_state_into_the_fight() -> None:
    """Group A under Uganda's overall control fights group B in the DRC: Uganda fights B through
    A (a NIAC with B) and, with no consent from the DRC, is in an IAC with it."""
    situation = Situation(
        "s",
        [
            StateActor("COD"),
            StateActor("UGA"),
            ArmedGroup("A", ORGANISED),
            ArmedGroup("B", ORGANISED),
        ],
        [Hostilities("A", "B", ALWAYS, "COD", INTENSE)],
        [Control("UGA", "A", "overall", ALWAYS)],
    )
    got = [(c.parties, c.kind, c.via) for c in REC.classify(situation, ON)]
    assert got == [
        (("B", "UGA"), ConflictKind.NON_INTERNATIONAL, "A"),
        (("COD", "UGA"), ConflictKind.INTERNATIONAL, "A"),
    ]
    consented = Situation(
        "s",
        situation.actors,
        situation.hostilities,
        situation.controls,
        [Consent("COD", "UGA", ALWAYS)],
    )
    got = [(c.parties, c.kind, c.via) for c in REC.classify(consented, ON)]
    assert got == [(("B", "UGA"), ConflictKind.NON_INTERNATIONAL, "A")]


@given(ist.situations(CODES), ist.dates("2000-01-01", "2020-12-31"), ist.policies())
def test_one_conflict_per_pair_and_kind_and_none_beside_a_conflict(
    situation: Situation, on: pendulum.Date, policy: Policy
) -> None:
    conflicts = REC.classify(situation, on, policy=policy)
    assert len({(c.parties, c.kind) for c in conflicts}) == len(conflicts)
    positive = {c.parties for c in conflicts if c.kind not in (None, ConflictKind.NONE)}
    assert not [c for c in conflicts if c.kind is ConflictKind.NONE and c.parties in positive]
    assert list(conflicts) == sorted(conflicts, key=lambda c: c.parties)


@given(
    st.sampled_from(CODES),
    st.sampled_from(CODES),
    ist.intensities(),
    st.booleans(),
    st.integers(1, 5000),
)
def test_a_lull_does_not_end_a_conflict(
    a: str, b: str, intensity: Intensity, concluded: bool, days_after: int
) -> None:
    """LAW.md C6 (Tadić 1995, para. 70): after the fighting ends, the conflict goes on unless
    the end is a general conclusion of peace or a peaceful settlement."""
    if a == b:
        return
    end = pendulum.Date(2008, 8, 12)
    h = Hostilities(a, b, ("2008-08-08", end), a, intensity, concluded=concluded)
    situation = Situation("s", [StateActor(a), StateActor(b)], [h])
    (during,) = REC.classify(situation, end)
    later = REC.classify(situation, end.add(days=days_after))
    if concluded:
        assert later == ()
    else:
        (after,) = later
        assert after.kind is during.kind is ConflictKind.INTERNATIONAL
        assert any("lull" in q for q in after.finding.qualifiers)
        assert not any("lull" in q for q in during.finding.qualifiers)


@given(st.sampled_from([True, False, None]), ist.dates("2000-01-01", "2020-12-31"))
def test_forces_present_with_consent_occupy_nothing(
    control: bool | None, on: pendulum.Date
) -> None:
    situation = Situation(
        "s",
        [StateActor("USA"), StateActor("IRQ")],
        consents=[Consent("IRQ", "USA", ALWAYS)],
        occupations=[Occupation("USA", "IRQ", ALWAYS, control)],
    )
    (conflict,) = REC.classify(situation, on)
    assert conflict.kind is ConflictKind.NONE
    assert "consents" in conflict.finding.explain()


@given(st.sampled_from([None, "none", "unknown", "overall", "effective"]), st.booleans())
def test_occupation_through_a_group_needs_the_occupant_s_known_control(
    level: str | None, effective: bool
) -> None:
    controls = [Control("RUS", "G", level, ALWAYS)] if level else []
    situation = Situation(
        "s",
        [StateActor("RUS"), StateActor("GEO"), ArmedGroup("G", ORGANISED)],
        controls=controls,
        occupations=[Occupation("RUS", "GEO", ALWAYS, effective, through="G")],
    )
    (conflict,) = REC.classify(situation, ON)
    if level in (None, "unknown"):
        assert conflict.kind is (None if effective else ConflictKind.NONE)
        if effective:
            assert "control of G by RUS: level" in conflict.finding.missing
    elif level == "none" or not effective:
        assert conflict.kind is ConflictKind.NONE
    else:
        assert conflict.kind is ConflictKind.OCCUPATION


POLISARIO = ArmedGroup("Frente POLISARIO", ORGANISED, liberation_movement=True)
WESTERN_SAHARA = Situation(
    "hypothetical",
    [StateActor("MAR"), POLISARIO],
    [Hostilities("MAR", "Frente POLISARIO", ALWAYS, "MAR", INTENSE)],
)
DAY = pendulum.Date(2020, 11, 14)


def _with_ap_i(record: icclaw.Record, code: str) -> icclaw.Record:
    """A what-if record: ``code`` accedes to AP I in 1990 (hypothetical, for the rule)."""
    src = icclaw.Source("assumption", "hypothetical accession, for the rule only")
    return record.with_action(
        icclaw.Action(code, "additional-protocol-i", "accession", "1990-01-01", src)
    )


def test_a_war_of_national_liberation_needs_the_state_bound_and_an_accepted_declaration() -> None:
    """AP I arts. 1(4), 96(3). The embedded record holds the Polisario declaration (accepted,
    23 June 2015) but no act of Morocco on AP I: undetermined, naming the missing acts. With
    Morocco bound (what if), an IAC; before the declaration, common art. 3."""
    assert not REC.knows("MAR", "additional-protocol-i")
    (unknown,) = REC.classify(WESTERN_SAHARA, DAY)
    assert unknown.kind is None
    assert "additional-protocol-i: acts of MAR" in unknown.finding.missing
    bound = _with_ap_i(REC, "MAR")
    (iac,) = bound.classify(WESTERN_SAHARA, DAY)
    assert (iac.kind, iac.basis) == (ConflictKind.INTERNATIONAL, "ap-i-96-3")
    (before,) = bound.classify(WESTERN_SAHARA, "2015-06-22")
    assert before.kind is ConflictKind.NON_INTERNATIONAL
    law = bound.applicable_law(iac)
    assert "Additional Protocol I" in (law.value or ())


def test_a_declaration_not_known_to_be_accepted_leaves_the_answer_open() -> None:
    bound = _with_ap_i(REC, "MAR")
    (accepted,) = (d for d in bound.ihl_declarations if d.kind.value == "article-96-3")
    pending = IhlDeclaration(
        "article-96-3",
        accepted.lodged,
        authority=accepted.authority,
        against=accepted.against,
        accepted=None,
        source=accepted.source,
    )
    import attrs  # noqa: PLC0415

    record = attrs.evolve(bound, ihl_declarations=(pending,))
    (conflict,) = record.classify(WESTERN_SAHARA, DAY)
    assert conflict.kind is None
    assert conflict.finding.missing == ("ihl declaration of Frente POLISARIO: accepted",)


@given(
    st.sampled_from(CODES),
    st.sampled_from(CODES),
    ist.dates("2010-01-01", "2025-11-30"),
    st.booleans(),
)
def test_amended_war_crimes_are_offered_only_where_art_121_5_does_not_shield(
    a: str, b: str, on: pendulum.Date, group: bool
) -> None:
    """Art. 121(5) under both readings of ``amendment_reach``: the amended paragraphs offered
    for a conflict are those in force for every state concerned (consent), or for every state
    concerned that is a State Party (negative); the negative reading offers at least as many."""
    if a == b:
        return
    if group:
        situation = Situation(
            "s",
            [StateActor(a), ArmedGroup("G", ORGANISED)],
            [Hostilities(a, "G", ALWAYS, a, INTENSE)],
        )
    else:
        situation = Situation("s", [StateActor(a), StateActor(b)], [Hostilities(a, b, ALWAYS, a)])
    (conflict,) = REC.classify(situation, on)
    states = [p for p in conflict.parties if p in REC.states]
    offered = {}
    for reach in ("consent", "negative"):
        law = REC.applicable_law(conflict, policy=Policy(amendment_reach=reach))
        offered[reach] = {x for x in law.value or () if "(2)(b)(x" in x or "(2)(e)(x" in x}
    assert offered["consent"] <= offered["negative"]
    from icclaw.icc.crimes import AMENDED_PROVISIONS  # noqa: PLC0415

    prefix = "8(2)(e)" if group else "8(2)(b)"
    for p in AMENDED_PROVISIONS:
        if not p.paragraph.startswith(prefix):
            continue
        name = f"Rome Statute art. {p.paragraph}"
        if p.amendment not in REC.treaty_slugs:
            assert name not in offered["negative"]
            continue
        name = f"Rome Statute art. {p.paragraph}"
        in_force = {s: REC.status(s, p.amendment, on) in BOUND for s in states}
        party = {s: REC.status(s, "rome-statute", on) in BOUND for s in states}
        assert (name in offered["consent"]) == all(in_force.values())
        assert (name in offered["negative"]) == all(in_force[s] or not party[s] for s in states)


def test_applicable_law_on_another_day_says_so() -> None:
    situation = Situation(
        "s", [StateActor("UKR"), StateActor("RUS")], [Hostilities("UKR", "RUS", ALWAYS, "UKR")]
    )
    (conflict,) = REC.classify(situation, "2014-03-01")
    same = REC.applicable_law(conflict)
    other = REC.applicable_law(conflict, on="2016-11-14")
    assert not any("classified on" in q for q in same.qualifiers)
    assert any("classify the situation on 2016-11-14" in q for q in other.qualifiers)


@pytest.mark.parametrize("bad", [["yes"], 1, "true"])
def test_liberation_movement_must_be_a_boolean(bad: object) -> None:
    with pytest.raises(TypeError):
        ArmedGroup("G", liberation_movement=bad)  # type: ignore[arg-type]
