"""A change of identity mid-conflict (issue 12): hostilities carry across a succession of states.

From a succession's day, what the predecessor did in the situation is the successor's: its
fighting, its control of groups, its consents and occupations. The Socialist Federal Republic of
Yugoslavia (YUG in the record) and the Federal Republic of Yugoslavia (SCG), proclaimed on
27 April 1992, are the case the issue names.
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
    Control,
    Hostilities,
    Situation,
    StateActor,
    Succession,
)
from icclaw import strategies as ist

REC = icclaw.load()
DAY = pendulum.Date(1992, 4, 27)


def _bosnia(*, succession: bool = True) -> Situation:
    return Situation(
        "s",
        [
            StateActor("BIH"),
            StateActor("YUG"),
            StateActor("SCG"),
            ArmedGroup("VRS", icclaw.Organisation(asserted=True)),
        ],
        [Hostilities("BIH", "YUG", ("1992-04-06", None), "BIH")],
        controls=[
            Control("YUG", "VRS", "overall", ("1992-05-12", None)),
        ],
        successions=[Succession("YUG", "SCG", DAY)] if succession else [],
    )


def test_the_fighting_goes_on_as_the_successors_from_the_day_of_the_change() -> None:
    before = REC.classify(_bosnia(), "1992-04-20")
    assert {(c.parties, c.kind) for c in before} == {(("BIH", "YUG"), ConflictKind.INTERNATIONAL)}
    (after,) = REC.classify(_bosnia(), "1992-06-01")
    assert (after.parties, after.kind) == (("BIH", "SCG"), ConflictKind.INTERNATIONAL)
    assert any("SCG carries on YUG's part" in q for q in after.finding.qualifiers)
    # without the succession the SFRY, gone from 27 April 1992, would fight on alone
    (alone,) = REC.classify(_bosnia(succession=False), "1992-06-01")
    assert alone.parties == ("BIH", "YUG")


def test_a_control_by_the_predecessor_is_the_successors() -> None:
    situation = attrs.evolve(
        _bosnia(),
        hostilities=[Hostilities("BIH", "VRS", ("1992-05-19", None), "BIH")],
    )
    conflicts = REC.classify(situation, "1992-06-01")
    iac = next(c for c in conflicts if c.kind is ConflictKind.INTERNATIONAL)
    assert iac.parties == ("BIH", "SCG")
    assert iac.via == ("VRS",)


def test_the_format_refuses_what_cannot_be() -> None:
    with pytest.raises(icclaw.InvalidValue, match="cannot succeed itself"):
        Succession("YUG", "YUG", DAY)
    with pytest.raises(icclaw.InvalidValue, match="not a \\[\\[state\\]\\] of the situation"):
        Situation("s", [StateActor("YUG")], successions=[Succession("YUG", "SCG", DAY)])
    with pytest.raises(icclaw.InvalidValue, match="succeeded twice"):
        Situation(
            "s",
            [StateActor("YUG"), StateActor("SCG"), StateActor("SRB")],
            successions=[Succession("YUG", "SCG", DAY), Succession("YUG", "SRB", DAY)],
        )
    with pytest.raises(icclaw.InvalidValue, match="circle"):
        Situation(
            "s",
            [StateActor("YUG"), StateActor("SCG")],
            successions=[Succession("YUG", "SCG", DAY), Succession("SCG", "YUG", DAY)],
        )


@given(
    st.sampled_from(["UKR", "GEO", "COD", "SYR", "USA"]),
    ist.intensities(),
    st.integers(-400, 400),
    st.integers(1, 800),
    st.booleans(),
)
def test_a_succession_carries_the_predecessors_part_to_the_successor(
    other: str, intensity: icclaw.Intensity, offset: int, length: int, versus_group: bool
) -> None:
    """Before the succession's day the predecessor's hostilities are its own; from that day on
    they are answered exactly as the same hostilities written with the successor, save the
    qualifier that says the part was carried across."""
    start = DAY.add(days=-length)
    day = DAY.add(days=offset)
    opponent = "Front" if versus_group else other
    actors = [StateActor("SUN"), StateActor("RUS"), StateActor(other), ArmedGroup("Front")]
    with_succession = Situation(
        "s",
        actors,
        [Hostilities("SUN", opponent, (start, None), other, intensity)],
        successions=[Succession("SUN", "RUS", DAY)],
    )
    written_as = "SUN" if day < DAY else "RUS"
    plain = Situation(
        "s", actors, [Hostilities(written_as, opponent, (start, None), other, intensity)]
    )
    got = REC.classify(with_succession, day)
    expected = REC.classify(plain, day)
    assert [(c.parties, c.kind, c.via, c.territory) for c in got] == [
        (c.parties, c.kind, c.via, c.territory) for c in expected
    ]
    for c, e in zip(got, expected, strict=True):
        extra = [q for q in c.finding.qualifiers if q not in e.finding.qualifiers]
        assert bool(extra) == (day >= DAY), extra


def test_a_government_of_the_predecessor_and_one_of_the_successor_may_not_overlap() -> None:
    """After the succession the predecessor's government would govern the successor: two
    governments of one state at once are refused, as for one state."""
    actors = [StateActor("YUG"), StateActor("SCG"), ArmedGroup("A"), ArmedGroup("B")]
    with pytest.raises(icclaw.InvalidValue, match="SCG has two governments at once"):
        Situation(
            "s",
            actors,
            successions=[Succession("YUG", "SCG", DAY)],
            governments=[
                icclaw.Government("YUG", "A", "government", ("1991-01-01", None)),
                icclaw.Government("SCG", "B", "government", ("1992-06-01", None)),
            ],
        )
    fine = Situation(  # the predecessor's government ends the day before the succession
        "s",
        actors,
        successions=[Succession("YUG", "SCG", DAY)],
        governments=[
            icclaw.Government("YUG", "A", "government", ("1991-01-01", DAY.add(days=-1))),
            icclaw.Government("SCG", "B", "government", (DAY, None)),
        ],
    )
    assert fine.government("SCG", DAY).authority == "B"  # type: ignore[union-attr]


def test_a_succession_carries_a_part_not_a_territory_and_says_each_link() -> None:
    """The SFRY's territory did not become the FRY's: fighting written on YUG's territory stays
    there, while the side carried on is named link by link, each with its own day."""
    chain = [Succession("YUG", "SCG", DAY), Succession("SCG", "SRB", "2006-06-05")]
    situation = Situation(
        "s",
        [StateActor("YUG"), StateActor("SCG"), StateActor("SRB"), StateActor("HRV")],
        [Hostilities("HRV", "YUG", ("1991-10-01", None), "HRV")],
        successions=chain,
    )
    (conflict,) = REC.classify(situation, "2007-01-01")
    assert conflict.parties == ("HRV", "SRB")
    assert conflict.territory == "HRV"
    quals = [q for q in conflict.finding.qualifiers if "carries on" in q]
    assert quals[0].startswith("SCG carries on YUG's part in the situation from 1992-04-27")
    assert quals[1].startswith("SRB carries on SCG's part in the situation from 2006-06-05")
