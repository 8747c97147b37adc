"""Classification rules one by one (LAW.md section 3): properties, and hand-made cases that
pin each branch of the engine."""

from __future__ import annotations

import attrs
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
from icclaw.icc.amendments import amendment_start
from icclaw.icc.crimes import AMENDED_PROVISIONS
from icclaw.ihl.classify import _ENDS, threshold
from icclaw.ihl.facts import HOSTILITIES_ENDS, Conclusion, ConclusionKind, IhlDeclaration
from icclaw.status import BOUND
from icclaw.treaties import ActionKind

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
    # one present and one absent: no unknown indicator can settle it, only the assessment can
    assert set(result.missing) == {"h.asserted"}
    leaning = Intensity(**{names[0]: True})  # only present ones known: each unknown can settle it
    assert set(threshold(leaning, "i", "h", CITE).missing) == {
        *(f"h.{n}" for n in names[1:]),
        "h.asserted",
    }
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
    assert b.via == ("G",)


@given(ist.organisations(), ist.intensities(), st.sampled_from(["any-force", "minimal"]))
def test_control_of_unknown_degree_leaves_internationalisation_undetermined(
    organisation: Organisation, intensity: Intensity, iac_threshold: str
) -> None:
    """Unknown control: the IAC between the two states is undetermined, naming the control —
    unless the facts rule it out anyway (too little intensity under ``iac_threshold=minimal``).
    An unorganised group does not rule it out: were it incorporated into the controller's armed
    forces (AP I art. 43), its fight would be the controller's. The state-group relationship
    is then undetermined too (one
    answer per question: with overall control it would be part of the international conflict,
    not a non-international one), naming the same fact, with a qualifier saying so — unless it
    is no armed conflict anyway (fought through a controller, it would still be none of its own)."""
    situation = Situation(
        "s",
        [StateActor("UKR"), StateActor("RUS"), ArmedGroup("G", organisation)],
        [Hostilities("UKR", "G", ALWAYS, "UKR", intensity)],
        [Control("RUS", "G", "unknown", ALWAYS)],
    )
    conflicts = REC.classify(situation, ON, policy=Policy(iac_threshold=iac_threshold))
    (between_states,) = [c for c in conflicts if c.parties == ("RUS", "UKR")]
    intense = threshold(intensity, "i", "h", CITE).met
    if iac_threshold == "minimal" and intense is False:
        assert between_states.kind is ConflictKind.NONE
    else:
        assert between_states.kind is None
        assert "control of G by RUS: level" in between_states.finding.missing
    (niac,) = [c for c in conflicts if c.parties == ("G", "UKR")]
    if between_states.kind is None and niac.kind is not ConflictKind.NONE:
        assert niac.kind is None
        assert "control of G by RUS: level" in niac.finding.missing
        assert any("unless RUS fights through G" in q for q in niac.finding.qualifiers)


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
        (("RUS", "SYR"), ConflictKind.INTERNATIONAL, ("G",)),
        (("SYR", "USA"), ConflictKind.INTERNATIONAL, ("G",)),
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


@given(st.booleans(), st.booleans())
def test_groups_fighting_for_different_states_put_those_states_at_war(
    uga_consent: bool, rwa_consent: bool
) -> None:
    """Each group under a different state's overall control: the two states are at war through
    them, and each is at war with the host it fights in without consent (policy default)."""
    consents = [
        Consent("COD", s, ALWAYS) for s, c in (("UGA", uga_consent), ("RWA", rwa_consent)) if c
    ]
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
        consents,
    )
    got = [(c.parties, c.kind, c.via) for c in REC.classify(situation, ON)]
    expected = [(("RWA", "UGA"), ConflictKind.INTERNATIONAL, ("A", "B"))]
    if not rwa_consent:
        expected.append((("COD", "RWA"), ConflictKind.INTERNATIONAL, ("B",)))
    if not uga_consent:
        expected.append((("COD", "UGA"), ConflictKind.INTERNATIONAL, ("A",)))
    assert got == sorted(expected, key=lambda x: x[0])


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
        (("B", "UGA"), ConflictKind.NON_INTERNATIONAL, ("A",)),
        (("COD", "UGA"), ConflictKind.INTERNATIONAL, ("A",)),
    ]
    consented = Situation(
        "s",
        situation.actors,
        situation.hostilities,
        situation.controls,
        [Consent("COD", "UGA", ALWAYS)],
    )
    got = [(c.parties, c.kind, c.via) for c in REC.classify(consented, ON)]
    assert got == [(("B", "UGA"), ConflictKind.NON_INTERNATIONAL, ("A",))]


@given(ist.situations(CODES), ist.dates("2000-01-01", "2020-12-31"), ist.policies())
def test_one_answer_per_question_and_none_beside_a_conflict(
    situation: Situation, on: pendulum.Date, policy: Policy
) -> None:
    """One Conflict per pair, kind and territory (an occupation per declared territory too); no
    "no armed conflict" for a pair in a conflict; no undetermined question (of a pair, on a
    territory) that other facts already answer yes; sorted."""
    conflicts = REC.classify(situation, on, policy=policy)
    decided = [c for c in conflicts if c.kind is not None]
    assert len(
        {
            (c.parties, c.kind, c.territory, c.place if c.kind is ConflictKind.OCCUPATION else 0)
            for c in decided
        }
    ) == len(decided)
    positive = {c.parties for c in conflicts if c.kind not in (None, ConflictKind.NONE)}
    assert not [c for c in conflicts if c.kind is ConflictKind.NONE and c.parties in positive]
    yes = {(c.parties, c.finding.question, c.territory) for c in conflicts if c.finding.holds}
    assert not [
        c
        for c in conflicts
        if c.kind is None and (c.parties, c.finding.question, c.territory) in yes
    ]
    assert list(conflicts) == sorted(conflicts, key=lambda c: c.parties)


@given(
    st.sampled_from(CODES),
    st.sampled_from(CODES),
    ist.intensities(),
    st.sampled_from([True, False, None]),
    st.integers(1, 5000),
)
def test_after_the_fighting_the_conflict_goes_on_unless_it_was_concluded(
    a: str, b: str, intensity: Intensity, concluded: bool | None, days_after: int
) -> None:
    """LAW.md C6 (Tadić 1995, para. 70): after the fighting ends, the conflict goes on unless
    the end is a general conclusion of peace or a peaceful settlement; where the analyst does
    not say, whether it goes on is undetermined."""
    if a == b:
        return
    end = pendulum.Date(2008, 8, 12)
    h = Hostilities(a, b, ("2008-08-08", end), a, intensity, concluded=concluded)
    situation = Situation("s", [StateActor(a), StateActor(b)], [h])
    (during,) = REC.classify(situation, end)
    later = REC.classify(situation, end.add(days=days_after))
    assert during.kind is ConflictKind.INTERNATIONAL
    assert not any("lull" in q for q in during.finding.qualifiers)
    if concluded is True:
        assert later == ()
    elif concluded is False:
        (after,) = later
        assert after.kind is ConflictKind.INTERNATIONAL
        assert any("lull" in q for q in after.finding.qualifiers)
    else:
        (after,) = later
        assert after.kind is None
        assert after.finding.missing == ("hostilities.concluded",)


@given(
    st.sampled_from(CODES),
    st.sampled_from(CODES),
    ist.intensities(),
    st.tuples(st.integers(0, 400), st.integers(1, 800)),
    st.sampled_from(sorted(HOSTILITIES_ENDS)),
)
def test_a_dated_conclusion_ends_the_conflict_on_its_day_and_not_before(
    a: str, b: str, intensity: Intensity, days: tuple[int, int], kind: ConclusionKind
) -> None:
    """Tadić 1995, para. 70 (LAW.md C6): IHL applies beyond the cessation of hostilities until
    a general conclusion of peace (or a peaceful settlement) is reached. Between the last day of
    fighting and the conclusion, the conflict goes on as it stood on that last day (as after a
    lull); from the conclusion's day, it has ended. So for every kind of end a conflict can have:
    a peace, a settlement, the general close of military operations (GC IV art. 6(2); AP I
    art. 3(b)), a general armistice, a defeat, a transfer of authority."""
    gap, days_after = days
    if a == b:
        return
    end = pendulum.Date(1999, 6, 18)
    peace = end.add(days=gap)
    h = Hostilities(a, b, ("1998-05-12", end), a, intensity, conclusion=Conclusion(peace, kind))
    lull = attrs.evolve(h, conclusion=None, concluded=False)
    situation = Situation("s", [StateActor(a), StateActor(b)], [h])
    with_lull = Situation("s", [StateActor(a), StateActor(b)], [lull])
    day = end.add(days=days_after)
    found = REC.classify(situation, day)
    if day >= peace:
        assert found == ()
    else:
        (after,) = found
        (expected,) = REC.classify(with_lull, day)
        assert (after.kind, after.finding.holds) == (expected.kind, expected.finding.holds)
        assert any(
            f"the conflict ends on {peace} with {_ENDS[kind]}" in q
            for q in after.finding.qualifiers
        )
    assert REC.classify(situation, end) == REC.classify(with_lull, end)  # the fighting itself


def test_a_withdrawal_ends_an_occupation_not_a_conflict_and_a_close_of_operations_the_reverse() -> (
    None
):
    """GC IV art. 6(3), AP I art. 3(b): the law of occupation applies beyond the general close of
    military operations, until the occupation ends; a withdrawal is an occupation's end."""
    with pytest.raises(icclaw.InvalidValue, match="ends an occupation, not a conflict"):
        Hostilities(
            "UKR",
            "RUS",
            ("2014-02-26", "2014-03-20"),
            "UKR",
            conclusion=Conclusion("2015-01-01", "withdrawal"),
        )
    for kind in ("close-of-operations", "armistice", "defeat", "settlement"):
        with pytest.raises(icclaw.InvalidValue, match="an occupation does not end with"):
            Occupation(
                "RUS", "UKR", ("2014-02-27", None), conclusion=Conclusion("2015-01-01", kind)
            )


def test_an_occupation_ends_the_day_its_conclusion_is_dated() -> None:
    """US Department of Defense, 'Occupation Ends' (28 June 2004): the occupation of Iraq ended
    with the transfer of authority on 28 June 2004; its last day is the 27th."""
    end = Conclusion("2004-06-28", "transfer")
    o = Occupation("USA", "IRQ", ("2003-05-22", None), effective_control=True, conclusion=end)
    assert o.days == icclaw.Period("2003-05-22", "2004-06-27")
    with pytest.raises(icclaw.InvalidValue, match="its last day is 2004-06-27"):
        Occupation("USA", "IRQ", ("2003-05-22", "2004-06-30"), conclusion=end)
    situation = Situation("s", [StateActor("USA")], occupations=[o])
    (during,) = REC.classify(situation, "2004-06-27")
    assert during.kind is ConflictKind.OCCUPATION
    assert any(
        "the occupation ends on 2004-06-28 with a transfer" in q for q in during.finding.qualifiers
    )
    assert REC.classify(situation, "2004-06-28") == ()


def test_a_conclusion_needs_fighting_that_ended_before_it() -> None:
    with pytest.raises(icclaw.InvalidValue, match="no end"):
        Hostilities(
            "UKR", "RUS", ("2014-02-26", None), "UKR", conclusion=Conclusion("2015-01-01", "peace")
        )
    with pytest.raises(icclaw.InvalidValue, match="before the fighting's end"):
        Hostilities(
            "UKR",
            "RUS",
            ("2014-02-26", "2014-03-20"),
            "UKR",
            conclusion=Conclusion("2014-03-01", "peace"),
        )
    with pytest.raises(icclaw.InvalidValue, match="not both"):
        Hostilities(
            "UKR",
            "RUS",
            ("2014-02-26", "2014-03-20"),
            "UKR",
            concluded=True,
            conclusion=Conclusion("2014-04-01", "peace"),
        )
    with pytest.raises(icclaw.InvalidValue, match="not one of"):
        Conclusion("2014-04-01", "ceasefire")


def test_after_the_fighting_the_facts_of_its_last_day_decide() -> None:
    """C6: a conflict that goes on after its fighting is the conflict as it stood on the last day
    of fighting — consent that lapses, or control that begins, later changes nothing."""
    fighting = ("2014-08-08", "2017-12-09")
    situation = Situation(
        "s",
        [StateActor("USA"), StateActor("IRQ"), StateActor("RUS"), ArmedGroup("G", ORGANISED)],
        [Hostilities("USA", "G", fighting, "IRQ", INTENSE, concluded=False)],
        [Control("RUS", "G", "overall", ("2019-01-01", None))],
        [Consent("IRQ", "USA", ("2014-08-01", "2017-12-31"))],
    )
    got = [(c.parties, c.kind) for c in REC.classify(situation, "2020-01-01")]
    assert got == [(("G", "USA"), ConflictKind.NON_INTERNATIONAL)]
    while_fighting = Situation(
        "s",
        situation.actors,
        [Hostilities("USA", "G", ("2019-06-01", None), "IRQ", INTENSE)],
        situation.controls,
    )
    got = [(c.parties, c.kind) for c in REC.classify(while_fighting, "2020-01-01")]
    assert got == [
        (("IRQ", "USA"), ConflictKind.INTERNATIONAL),
        (("RUS", "USA"), ConflictKind.INTERNATIONAL),
    ]


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


def _partial(record: icclaw.Record, slugs: tuple[str, ...]) -> icclaw.Record:
    """A what-if record in which the acts on ``slugs`` are held only in part (a partial record,
    as the Conventions' and Protocols' were before the ICRC chart completed them)."""

    return attrs.evolve(
        record,
        treaties=[
            attrs.evolve(t, partial=True, complete_until=None) if t.slug in slugs else t
            for t in record.treaties
        ],
        origin="<what-if>",
    )


def _with_ap_i(record: icclaw.Record, code: str) -> icclaw.Record:
    """A what-if record: ``code`` accedes to AP I in 1990 (hypothetical, for the rule)."""
    src = icclaw.Source("assumption", "hypothetical accession, for the rule only")
    return record.with_action(
        icclaw.Action(code, "additional-protocol-i", "accession", "1990-01-01", src)
    )


def _kinds(conflicts: tuple[icclaw.Conflict, ...]) -> list[tuple[str | None, str | None]]:
    return [(c.kind.value if c.kind else None, c.basis) for c in conflicts]


def test_a_war_of_national_liberation_needs_the_state_bound_and_an_accepted_declaration() -> None:
    """AP I arts. 1(4), 96(3). The embedded record holds the Polisario declaration (accepted,
    23 June 2015) and Morocco's instrument of 3 June 2011 (ICRC chart of 9 Nov 2020): an IAC
    between them. Without Morocco's act (what if), undetermined, naming the missing acts,
    beside the common art. 3 answer; before the declaration, or with Morocco's AP I denounced
    (what if), common art. 3 with a qualifier on the contested reading."""
    (iac,) = REC.classify(WESTERN_SAHARA, DAY)
    assert (iac.kind, iac.basis) == (ConflictKind.INTERNATIONAL, "ap-i-96-3")
    law = REC.applicable_law(iac)
    assert "Additional Protocol I" in (law.value or ())
    (morocco,) = REC.actions_of("MAR", "additional-protocol-i")
    unknown_record = _partial(REC, ("additional-protocol-i",)).without_actions(morocco)
    assert not unknown_record.knows("MAR", "additional-protocol-i")
    unknown = unknown_record.classify(WESTERN_SAHARA, DAY)
    # one answer for the pair: international if Morocco is bound, otherwise common art. 3
    assert _kinds(unknown) == [(None, "ap-i-96-3")]
    assert any("MAR" in m and "additional-protocol-i" in m for m in unknown[0].finding.missing)
    assert any(
        "otherwise non-international-armed-conflict" in q for q in unknown[0].finding.qualifiers
    )
    (before,) = REC.classify(WESTERN_SAHARA, "2015-06-22")
    assert before.kind is ConflictKind.NON_INTERNATIONAL
    assert any("contested" in q for q in before.finding.qualifiers)
    src = icclaw.Source("assumption", "hypothetical denunciation, for the rule only")
    left = REC.with_action(  # dated effect: no armed-conflict hold-back (AP I art. 99(1))
        icclaw.Action(
            "MAR", "additional-protocol-i", "withdrawal", "2013-01-01", src, effective="2014-01-01"
        )
    )
    (niac,) = left.classify(WESTERN_SAHARA, DAY)
    assert niac.kind is ConflictKind.NON_INTERNATIONAL
    minimal = Policy(iac_threshold="minimal")
    calm = Situation(
        "hypothetical",
        WESTERN_SAHARA.actors,
        [Hostilities("MAR", "Frente POLISARIO", ALWAYS, "MAR", Intensity(asserted=False))],
    )
    assert REC.classify(calm, DAY, policy=minimal)[0].kind is ConflictKind.NONE
    assert REC.classify(calm, DAY)[0].kind is ConflictKind.INTERNATIONAL


def test_a_declaration_not_known_to_be_accepted_leaves_the_answer_open() -> None:
    bound = REC
    (accepted,) = (d for d in bound.ihl_declarations if d.kind.value == "article-96-3")
    pending = IhlDeclaration(
        "article-96-3",
        accepted.lodged,
        authority=accepted.authority,
        against=accepted.against,
        accepted=None,
        source=accepted.source,
    )

    record = attrs.evolve(bound, ihl_declarations=(pending,))
    (liberation,) = record.classify(WESTERN_SAHARA, DAY)  # one answer, not two
    assert liberation.kind is None
    assert liberation.finding.missing == ("ihl declaration of Frente POLISARIO: accepted",)
    assert any(
        "otherwise non-international-armed-conflict" in q for q in liberation.finding.qualifiers
    )


ART8_2010 = "rome-statute-art8-amendment-2010"
E_XIII = "Rome Statute art. 8(2)(e)(xiii)"


def _niac_abroad(fighter: str, territory: str, on: str) -> icclaw.Conflict:
    situation = Situation(
        "s",
        [StateActor(fighter), StateActor(territory), ArmedGroup("G", ORGANISED)],
        [Hostilities(fighter, "G", ALWAYS, territory, INTENSE)],
        consents=[Consent(territory, fighter, ALWAYS)],
    )
    (conflict,) = REC.classify(situation, on)
    return conflict


def test_art_121_5_counts_the_territorial_state() -> None:
    """An amended war crime is offered only where art. 121(5) shields none of the states
    concerned — the territorial state too. Germany fights a group in France (not accepting the
    2010 amendment on the record, complete to 2023-01-20) or in the Netherlands (accepting)."""
    on = "2020-01-01"
    assert REC.status("DEU", ART8_2010, on) in BOUND
    assert REC.status("NLD", ART8_2010, on) in BOUND
    assert REC.status("FRA", ART8_2010, on) not in BOUND
    assert REC.status("FRA", "rome-statute", on) in BOUND
    in_france, in_netherlands = _niac_abroad("DEU", "FRA", on), _niac_abroad("DEU", "NLD", on)
    assert E_XIII not in (REC.applicable_law(in_france).value or ())
    assert E_XIII in (REC.applicable_law(in_netherlands).value or ())
    negative = Policy(amendment_reach="negative")
    assert E_XIII not in (REC.applicable_law(in_france, policy=negative).value or ())
    in_usa = _niac_abroad("DEU", "USA", on)
    assert E_XIII not in (REC.applicable_law(in_usa).value or ())
    assert E_XIII in (REC.applicable_law(in_usa, policy=negative).value or ())


def test_art_121_5_after_the_record_of_acceptances_ends_is_undetermined() -> None:
    """After the day the record of acceptances is complete to (plus the year art. 121(5) gives),
    a later acceptance could be missing: the law applicable is undetermined, naming it."""
    complete = REC.complete_until(ART8_2010)
    law = REC.applicable_law(_niac_abroad("DEU", "FRA", complete.add(years=2).isoformat()))
    assert law.holds is None
    assert f"record: acceptances of {ART8_2010} after {complete}" in law.missing


@given(st.sampled_from(CODES), st.sampled_from(CODES), ist.dates("2010-01-01", "2022-12-31"))
def test_the_negative_reading_of_art_121_5_never_offers_less(
    a: str, b: str, on: pendulum.Date
) -> None:
    """Art. 121(5): the amended paragraphs offered under ``amendment_reach=negative`` include
    those offered under ``consent`` (it shields fewer states)."""
    if a == b:
        return
    situation = Situation("s", [StateActor(a), StateActor(b)], [Hostilities(a, b, ALWAYS, a)])
    (conflict,) = REC.classify(situation, on)
    offered = {
        reach: set(REC.applicable_law(conflict, policy=Policy(amendment_reach=reach)).value or ())
        for reach in ("consent", "negative")
    }
    assert offered["consent"] <= offered["negative"]


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


UGA_GROUP = {
    "command_structure": True,
    "territorial_control": True,
    "operations": True,
    "ihl_capacity": True,
}


@given(
    st.fixed_dictionaries({k: st.sampled_from([True, False, None]) for k in UGA_GROUP}),
    ist.dates("1985-01-01", "2020-12-31"),
)
def test_ap_ii_applies_only_to_the_territorial_state_bound_by_it_against_a_group_meeting_art_1_1(
    indicators: dict[str, bool | None], on: pendulum.Date
) -> None:
    """AP II art. 1(1): Uganda (accession 13 Mar 1991, in force six months later: art. 23)
    against a group under responsible command, controlling territory enough for sustained and
    concerted operations and to implement the Protocol. Before its accession Uganda was not
    bound: a state cannot accede to a treaty that binds it, so the partial record settles it."""
    group = ArmedGroup("G", Organisation(asserted=True, **indicators))
    situation = Situation(
        "s", [StateActor("UGA"), group], [Hostilities("UGA", "G", ALWAYS, "UGA", INTENSE)]
    )
    (conflict,) = REC.classify(situation, on)
    assert conflict.kind is ConflictKind.NON_INTERNATIONAL
    bound = REC.is_bound("UGA", "additional-protocol-ii", on).holds
    values = set(indicators.values())
    law = REC.applicable_law(conflict)
    if bound is False or False in values:
        assert conflict.ap_ii is False
    elif bound is None:
        assert conflict.ap_ii is None
    elif values == {True}:
        assert conflict.ap_ii is True
        assert "Additional Protocol II" in (law.value or ())
    else:
        assert conflict.ap_ii is None
        unknown = {f"G.organisation.{k}" for k, v in indicators.items() if v is None}
        assert set(conflict.ap_ii_missing) == unknown
        assert unknown <= set(law.missing)
    if conflict.ap_ii is not True:
        assert "Additional Protocol II" not in (law.value or ())


def test_ap_ii_never_between_groups_nor_for_foreign_forces() -> None:
    group_v_group = Situation(
        "s",
        [StateActor("UGA"), ArmedGroup("A", ORGANISED), ArmedGroup("B", ORGANISED)],
        [Hostilities("A", "B", ALWAYS, "UGA", INTENSE)],
    )
    (conflict,) = REC.classify(group_v_group, ON)
    assert conflict.ap_ii is False
    foreign = _niac_abroad("RUS", "UGA", "2005-01-01")
    assert foreign.ap_ii is False


def test_common_article_3_applies_where_the_territorial_state_is_bound_by_any_convention() -> None:
    """A partial record (what if) holding the DRC's succession to GC III only: common art. 3,
    in every Convention, applies all the same."""
    others = ("geneva-convention-i", "geneva-convention-ii", "geneva-convention-iv")
    record = _partial(REC, others).without_actions(
        *(a for slug in others for a in REC.actions_of("COD", slug))
    )
    assert record.status("COD", "geneva-convention-iii", ON) in BOUND
    assert not record.knows("COD", "geneva-convention-i")
    situation = Situation(
        "s",
        [StateActor("COD"), ArmedGroup("G", ORGANISED)],
        [Hostilities("COD", "G", ALWAYS, "COD", INTENSE)],
    )
    (conflict,) = record.classify(situation, ON)
    assert "Geneva Conventions, common art. 3" in (record.applicable_law(conflict).value or ())


def test_a_consent_deposited_by_a_party_to_a_conflict_takes_effect_at_once() -> None:
    """GC I art. 62 (and GC II 61, GC III 141, GC IV 157): a state acceding a month before the
    fighting is bound from the start, not six months after its deposit (what-if record)."""
    src = icclaw.Source("assumption", "hypothetical accessions, for the rule only")
    conventions = (
        "geneva-convention-i",
        "geneva-convention-ii",
        "geneva-convention-iii",
        "geneva-convention-iv",
    )
    record = REC.without_actions(
        *(a for slug in conventions for a in REC.actions_of("SSD", slug))
    ).with_action(
        *(icclaw.Action("SSD", slug, "accession", "2012-01-01", src) for slug in conventions)
    )
    situation = Situation(
        "s", [StateActor("SSD"), StateActor("RUS")], [Hostilities("SSD", "RUS", ALWAYS, "SSD")]
    )
    (conflict,) = record.classify(situation, "2012-02-01")
    law = record.applicable_law(conflict)
    assert record.status("SSD", "geneva-convention-i", "2012-02-01") not in BOUND
    assert {"Geneva Convention I", "Geneva Convention IV"} <= set(law.value or ())
    assert "takes effect at once" in law.explain()


def test_contradictory_control_facts_are_refused() -> None:
    with pytest.raises(ValueError, match="overlapping periods"):
        Situation(
            "s",
            [StateActor("RUS"), ArmedGroup("G")],
            controls=[
                Control("RUS", "G", "none", ALWAYS),
                Control("RUS", "G", "overall", ("2014-01-01", None)),
            ],
        )


@pytest.mark.parametrize(
    "situation",
    [
        Situation(
            "typo in a control",
            [StateActor("UKR"), ArmedGroup("G", ORGANISED)],
            [Hostilities("UKR", "G", ALWAYS, "UKR", INTENSE)],
            [Control("RSU", "G", "overall", ALWAYS)],
        ),
        Situation(
            "typo in a territory",
            [StateActor("UKR"), StateActor("RUS")],
            [Hostilities("UKR", "RUS", ALWAYS, "QQQ")],
        ),
    ],
)
def test_every_state_code_in_a_situation_must_be_a_state(situation: Situation) -> None:
    with pytest.raises(icclaw.UnknownState):
        REC.classify(situation, ON)


def test_several_hostilities_for_one_pair_give_one_answer() -> None:
    """The same pair in two hostilities: one answered yes, one undetermined → yes, once; a
    fight that goes on drops the lull qualifier of one that stopped; two occupied areas of one
    territory are one occupation, occupation of two territories two."""
    group = ArmedGroup("G", ORGANISED)
    situation = Situation(
        "s",
        [StateActor("UKR"), StateActor("RUS"), group],
        [
            Hostilities("UKR", "G", ALWAYS, "UKR", INTENSE, area="east"),
            Hostilities("UKR", "G", ALWAYS, "UKR", Intensity(), area="south"),
            Hostilities("UKR", "RUS", ("2014-02-26", "2014-03-20"), "UKR", concluded=False),
            Hostilities("UKR", "RUS", ("2022-02-24", None), "UKR"),
        ],
        occupations=[
            Occupation("RUS", "UKR", ("2014-03-18", None), True, area="Crimea"),
            Occupation("RUS", "UKR", ("2022-03-01", None), True, area="Kherson"),
        ],
    )
    conflicts = REC.classify(situation, "2023-01-01")
    got = [(c.parties, c.kind) for c in conflicts]
    assert got == [
        (("G", "UKR"), ConflictKind.NON_INTERNATIONAL),
        (("RUS", "UKR"), ConflictKind.INTERNATIONAL),
        (("RUS", "UKR"), ConflictKind.OCCUPATION),
    ]
    assert not any("lull" in q for q in conflicts[1].finding.qualifiers)
    text = conflicts[2].finding.explain()
    assert "Crimea" in text
    assert "Kherson" in text
    mutual = Situation(
        "s",
        [StateActor("UKR"), StateActor("RUS")],
        occupations=[
            Occupation("RUS", "UKR", ALWAYS, True),
            Occupation("UKR", "RUS", ALWAYS, True),
        ],
    )
    assert [c.territory for c in REC.classify(mutual, ON)] == ["RUS", "UKR"]


def test_a_group_controlled_to_an_unknown_degree_leaves_its_controller_s_part_open() -> None:
    """Group A, controlled to an unknown degree by Burundi, fights group B in the DRC. Whether
    Burundi fights B through A (Tadić AC 1999), and so is at war with the DRC (no consent), is
    undetermined; so is the groups' own NIAC, which overall control would make Burundi's
    (issue 9: no certain answer beside an undetermined one that would replace it). Each names
    the control's level."""
    situation = Situation(
        "s",
        [
            StateActor("COD"),
            StateActor("BDI"),
            ArmedGroup("A", ORGANISED),
            ArmedGroup("B", ORGANISED),
        ],
        [Hostilities("A", "B", ALWAYS, "COD", INTENSE)],
        [Control("BDI", "A", "unknown", ALWAYS)],
    )
    conflicts = REC.classify(situation, ON)
    got = [(c.parties, c.kind) for c in conflicts]
    assert got == [(("A", "B"), None), (("B", "BDI"), None), (("BDI", "COD"), None)]
    assert any("BDI" in q for q in conflicts[0].finding.qualifiers)
    assert all(c.finding.missing == ("control of A by BDI: level",) for c in conflicts)
    overall = attrs.evolve(situation, controls=[Control("BDI", "A", "overall", ALWAYS)])
    none = attrs.evolve(situation, controls=[Control("BDI", "A", "none", ALWAYS)])
    assert [(c.parties, c.kind) for c in REC.classify(overall, ON)] == [
        (("B", "BDI"), ConflictKind.NON_INTERNATIONAL),
        (("BDI", "COD"), ConflictKind.INTERNATIONAL),
    ]
    assert [(c.parties, c.kind) for c in REC.classify(none, ON)] == [
        (("A", "B"), ConflictKind.NON_INTERNATIONAL)
    ]


@pytest.mark.parametrize("asserted", [False, None])
def test_a_state_fights_through_a_group_only_if_it_is_organised(asserted: bool | None) -> None:
    """Tadić AC 1999: overall control of an unorganised group carries no state's fight (the
    groups' own violence is then no armed conflict either); with its organisation unknown,
    whether Uganda fights B through A is undetermined, naming the organisation, and the groups
    have no conflict of their own either way (organised, A fights for Uganda; not, no armed
    conflict), so none is reported for them."""
    situation = Situation(
        "s",
        [
            StateActor("COD"),
            StateActor("UGA"),
            ArmedGroup("A", Organisation(asserted=asserted)),
            ArmedGroup("B", ORGANISED),
        ],
        [Hostilities("A", "B", ALWAYS, "COD", INTENSE)],
        [Control("UGA", "A", "overall", ALWAYS)],
        [Consent("COD", "UGA", ALWAYS)],
    )
    got = {c.parties: c for c in REC.classify(situation, ON)}
    if asserted is False:
        assert [(p, c.kind) for p, c in got.items()] == [(("A", "B"), ConflictKind.NONE)]
    else:
        assert got[("B", "UGA")].kind is None
        assert "A.organisation.asserted" in got[("B", "UGA")].finding.missing
        assert ("A", "B") not in got


GENEVA = (
    "geneva-convention-i",
    "geneva-convention-ii",
    "geneva-convention-iii",
    "geneva-convention-iv",
    "additional-protocol-i",
    "additional-protocol-ii",
    "additional-protocol-iii",
)
PARTIAL_REC = _partial(REC, GENEVA)  # as the records stood before the chart completed them
PARTIAL = GENEVA
CONSENTING = tuple(
    sorted(
        {
            (a.treaty, a.state)
            for a in PARTIAL_REC.actions
            if a.treaty in PARTIAL
            and a.kind.is_consent
            and a.kind not in (ActionKind.CONSENT, ActionKind.IN_FORCE)
            and not (a.kind is ActionKind.SUCCESSION and a.effective is None)
            and not any(b.kind.value == "withdrawal" for b in REC.actions_of(a.state, a.treaty))
        }
    )
)
UNSTATED = tuple(
    sorted(
        {
            a
            for a in REC.actions
            if a.kind is ActionKind.CONSENT and a.effective is None and not a.alternatives
        },
        key=str,
    )
)
DATED = tuple(
    sorted(
        {
            a
            for a in REC.actions
            if a.kind is ActionKind.CONSENT and a.effective is not None and not a.alternatives
        },
        key=str,
    )
)


@given(st.sampled_from(DATED), st.integers(-2000, 2000))
def test_an_instrument_of_unstated_kind_with_its_effect_dated_leaves_nothing_open(
    act: icclaw.Action, days: int
) -> None:
    """Where a source dates the effect of an instrument of unstated kind (an official notice
    printing its entry into force beside the ICRC chart's deposit), it binds from that day and
    not before: no succession can reach back beyond a dated effect."""
    assert act.effective is not None
    assert act.effective_source is not None
    day = act.effective.add(days=days)
    finding = REC.is_bound(act.state, act.treaty, day)
    assert finding.holds is (day >= act.effective)
    assert finding.missing == ()


IN_FORCE = tuple(sorted({a for a in REC.actions if a.kind is ActionKind.IN_FORCE}, key=str))


@given(st.sampled_from(CONSENTING), st.integers(1, 20000))
def test_a_partial_record_settles_the_days_before_a_recorded_consent(
    pair: tuple[str, str], days: int
) -> None:
    """A consent presupposes that the state was not bound: before the first consent a partial
    record holds (of a stated kind), the answer is a decided no; between its deposit and its
    effect, pending."""
    treaty, code = pair
    first = next(a for a in PARTIAL_REC.actions_of(code, treaty) if a.kind.is_consent)
    before = first.date.subtract(days=days)
    if before < pendulum.Date(1949, 8, 12):
        return
    finding = PARTIAL_REC.is_bound(code, treaty, before)
    if PARTIAL_REC.history(code, treaty).status_on(before) in BOUND:  # a succession reaching back
        assert finding.holds is True
    else:
        assert finding.holds is False
    assert finding.missing == ()


def test_an_amendment_adopted_after_the_day_is_not_offered_and_leaves_nothing_open() -> None:
    """Arts. 22(1), 121(5): on 14 Nov 2016 none of the 2017 weapons paragraphs existed
    (adopted 14 Dec 2017, ICC-ASP/16/Res.4): each is not offered, and the fragments paragraph,
    whose acceptances the record does not hold, no longer leaves the answer open."""
    situation = Situation(
        "s", [StateActor("UKR"), StateActor("RUS")], [Hostilities("UKR", "RUS", ALWAYS, "UKR")]
    )
    (conflict,) = REC.classify(situation, "2016-11-14")
    law = REC.applicable_law(conflict)
    assert not any("fragments" in m for m in law.missing)
    texts = [r.text for r in law.reasons]
    for paragraph in ("8(2)(b)(xxvii)", "8(2)(b)(xxviii)", "8(2)(b)(xxix)"):
        assert any(
            t.startswith(f"art. {paragraph}") and "not yet law on 2016-11-14" in t for t in texts
        )


@given(st.sampled_from(CODES), st.sampled_from(CODES), ist.dates("2002-07-01", "2026-12-31"))
def test_no_amended_paragraph_is_offered_before_its_amendment_was_first_in_force(
    a: str, b: str, on: pendulum.Date
) -> None:
    """Arts. 22(1), 121(5): whatever the policy, an amended art. 8 paragraph is offered only on
    a day on which its amendment was in force for some state."""
    if a == b:
        return
    situation = Situation("s", [StateActor(a), StateActor(b)], [Hostilities(a, b, ALWAYS, a)])
    (conflict,) = REC.classify(situation, on)
    for reach in ("consent", "negative"):
        offered = REC.applicable_law(conflict, policy=Policy(amendment_reach=reach)).value or ()
        for p in AMENDED_PROVISIONS:
            if f"Rome Statute art. {p.paragraph}" in offered:
                assert on >= amendment_start(REC, p.amendment).day


@given(st.sampled_from(UNSTATED), st.integers(-20000, 20000))
def test_an_instrument_of_unstated_kind_binds_from_its_latest_effect_and_leaves_earlier_days_open(
    act: icclaw.Action, days: int
) -> None:
    """An instrument the source does not call a ratification, an accession or a succession
    (kind ``consent``) binds from six months after its deposit at the latest (GC I arts. 58,
    61 and the like); before that day it may be a succession already in force from
    independence, so a not-bound answer is undetermined, naming the kind as what would decide."""
    treaty = REC.treaty(act.treaty)
    assert treaty.entry_into_force is not None
    effect = treaty.entry_into_force_for(act.date)
    day = effect.add(days=days)
    finding = REC.is_bound(act.state, act.treaty, day)
    signed = any(a.kind is ActionKind.SIGNATURE for a in REC.actions_of(act.state, act.treaty))
    later = [a for a in REC.actions_of(act.state, act.treaty) if a.date > act.date]
    complete = treaty.complete_until
    if complete is not None and day > complete and (later or effect > complete.add(days=1)):
        return  # acts after the record's completeness date: their own rules (test_status_*)
    if day >= effect and later:
        return  # a later act (a withdrawal) governs: its own tests
    if day >= effect:
        # bound (past the record's completeness date too: a recorded party stays one, with a
        # qualifier, until an act on the record says otherwise)
        assert finding.holds is True
    elif day < treaty.entry_into_force or signed:  # no one bound yet; a signatory ratifies
        assert finding.holds is False
    elif REC.history(act.state, act.treaty).status_on(day) not in BOUND:
        assert finding.holds is None
        assert finding.missing == (
            f"record: the kind of {act.state}'s instrument of {act.date} on {act.treaty}",
        )


def test_zimbabwe_geneva_convention_iv_unstated_kind() -> None:
    """Austria, BGBl. Nr. 224/1986 (the Swiss depositary's notices, kind not given per state):
    Zimbabwe deposited its instrument for the four Conventions on 7 Mar 1983. Bound from
    7 Sep 1983 at the latest; before that, a succession (in force from independence) cannot be
    told from an accession."""
    (act,) = REC.actions_of("ZWE", "geneva-convention-iv")
    assert (act.kind, act.date) == (ActionKind.CONSENT, pendulum.Date(1983, 3, 7))
    assert REC.is_bound("ZWE", "geneva-convention-iv", "1983-09-07").holds is True
    assert REC.is_bound("ZWE", "geneva-convention-iv", "1983-09-06").holds is None
    assert REC.is_bound("ZWE", "geneva-convention-iv", "1981-01-01").holds is None
    assert REC.entry_into_force("ZWE", "geneva-convention-iv") == pendulum.Date(1983, 9, 7)


@given(st.sampled_from(IN_FORCE), st.integers(-20000, 20000))
def test_an_in_force_fact_binds_from_its_day_and_leaves_earlier_days_open(
    act: icclaw.Action, days: int
) -> None:
    """A source shows the treaty in force for the state on a day, without the instrument
    (kind ``in-force``): bound on that day and after; before it, undetermined, naming the
    instrument as what would decide."""
    day = act.date.add(days=days)
    finding = REC.is_bound(act.state, act.treaty, day)
    general = REC.treaty(act.treaty).entry_into_force
    assert general is not None
    if day >= act.date:
        assert finding.holds is True
    elif day < general:  # no state is bound before the treaty's own entry into force
        assert finding.holds is False
    else:
        assert finding.holds is None
        assert finding.missing == (
            f"record: the instrument by which {act.state} became bound by {act.treaty}",
        )


def test_ukraine_bound_by_the_conventions_and_protocols_in_2016() -> None:
    """The ICRC chart of 9 Nov 2020 dates the Ukrainian SSR's instrument for the Conventions
    3 Aug 1954 (in force by 3 Feb 1955) and for the Protocols 25 Jan 1990; Ukraine's official
    database prints the Protocols in force from 25 Jul 1990. Russia's 1954 and 1989
    ratifications (as the USSR) are recorded. So on 14 Nov 2016 the Conventions and Protocol I
    apply between them; in 2006, too (the earlier record left that day open)."""
    for slug in ("geneva-convention-i", "geneva-convention-iv", "additional-protocol-i"):
        assert REC.is_bound("UKR", slug, "2016-11-14").holds is True
        assert REC.is_bound("RUS", slug, "2016-11-14").holds is True
    assert REC.is_bound("UKR", "geneva-convention-iv", "2006-02-07").holds is True
    assert REC.is_bound("UKR", "geneva-convention-iv", "1955-02-03").holds is True
    assert REC.is_bound("UKR", "additional-protocol-i", "1990-07-25").holds is True
    assert REC.is_bound("UKR", "additional-protocol-i", "1990-07-24").holds is False
    situation = Situation(
        "s", [StateActor("UKR"), StateActor("RUS")], [Hostilities("UKR", "RUS", ALWAYS, "UKR")]
    )
    (conflict,) = REC.classify(situation, "2016-11-14")
    law = REC.applicable_law(conflict)
    assert law.holds is True
    assert {"Geneva Convention IV", "Additional Protocol I"} <= set(law.value or ())


def test_a_succession_without_its_effective_day_leaves_the_days_before_it_open() -> None:
    """A succession takes effect from independence (VCSST art. 23(1)). Slovenia's succession
    to Protocol II was notified on 26 Mar 1992 (trb-1996-242); the record does not give the day
    it took effect, so before the notification the answer is open, naming that day."""
    (act,) = [a for a in REC.actions_of("SVN", "additional-protocol-ii") if a.kind.is_consent]
    assert act.kind is ActionKind.SUCCESSION
    assert act.effective is None
    assert REC.is_bound("SVN", "additional-protocol-ii", "1992-03-26").holds is True
    before = REC.is_bound("SVN", "additional-protocol-ii", "1991-12-01")
    assert before.holds is None
    assert before.missing == (
        "record: the day from which SVN's succession of 1992-03-26 to additional-protocol-ii took effect",
    )
