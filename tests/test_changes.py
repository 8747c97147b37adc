"""Record diffs (issue 13): what changed between two records, and which answers it changes."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import attrs
import pendulum
import pytest
from hypothesis import given

import icclaw
from icclaw import strategies as ist
from icclaw.changes import ChangeKind
from icclaw.cli import main

if TYPE_CHECKING:
    from pathlib import Path

REC = icclaw.load()
UKRAINE = tuple(
    a
    for a in REC.actions
    if a.state == "UKR" and a.treaty == "rome-statute" and a.date.year >= 2024
)


def _before_ukraine() -> icclaw.Record:
    """The embedded record without Ukraine's ratification of 25 October 2024."""
    return attrs.evolve(REC.without_actions(*UKRAINE), version="2025.11.0")


def test_ukraines_ratification_adds_a_party_from_2025_and_flips_its_status() -> None:
    """Ukraine deposited its instrument of ratification on 25 October 2024, in force for it on
    1 January 2025 (Rome Statute art. 126(2); the record's source for the act): against a record
    without it, the diff lists the act, the count of parties on 1 January 2025 (124 -> 125) and
    a status that flips, with both Findings."""
    (act,) = UKRAINE
    changes = icclaw.diff(_before_ukraine(), REC)
    assert [(c.table, c.kind, c.new) for c in changes.changes] == [("act", ChangeKind.ADDED, act)]
    assert [(p.treaty, p.on, p.old, p.new) for p in changes.parties] == [
        ("rome-statute", pendulum.Date(2025, 1, 1), 124, 125)
    ]
    (flip,) = changes.flips
    assert (flip.state, flip.treaty, flip.on) == ("UKR", "rome-statute", act.date)
    assert flip.old.value is icclaw.TreatyStatus.SIGNATORY
    assert flip.new.value is icclaw.TreatyStatus.PARTY_PENDING
    text = changes.explain()
    assert "added    act             rome-statute: UKR ratification 2024-10-25" in text
    assert "rome-statute on 2025-01-01: 124 -> 125 (+1)" in text
    assert "old: data 2025.11.0" in text
    assert f"new: data {REC.version}" in text
    assert json.loads(json.dumps(changes.to_dict()))["parties"][0]["new"] == 125


def test_the_same_record_has_no_change() -> None:
    same = icclaw.diff(REC, REC)
    assert not same
    assert "no change" in same.explain()


@given(ist.records(), ist.records())
def test_a_diff_lists_exactly_the_acts_added_and_removed_and_reads_the_same_backwards(
    old: icclaw.Record, new: icclaw.Record
) -> None:
    """Every act of one record not in the other is listed, once, as added or removed (or, same
    state, treaty, kind and day with other details, changed); the diff the other way round swaps
    added and removed. Each count of parties it reports is the count each record gives, and each
    flip is what the two records answer."""
    forward = icclaw.diff(old, new, sample=3)
    backward = icclaw.diff(new, old, sample=3)
    acts = [c for c in forward.changes if c.table == "act"]
    listed_new = {c.new for c in acts if c.kind is ChangeKind.ADDED}
    listed_old = {c.old for c in acts if c.kind is ChangeKind.REMOVED}
    changed = {(c.old, c.new) for c in acts if c.kind is ChangeKind.CHANGED}
    assert listed_new | {b for _, b in changed} == set(new.actions) - set(old.actions)
    assert listed_old | {a for a, _ in changed} == set(old.actions) - set(new.actions)
    assert {(c.table, c.label) for c in forward.changes if c.kind is ChangeKind.ADDED} == {
        (c.table, c.label) for c in backward.changes if c.kind is ChangeKind.REMOVED
    }
    for p in forward.parties:
        assert p.old == len(old.parties(p.treaty, p.on))
        assert p.new == len(new.parties(p.treaty, p.on))
        assert p.old != p.new
    for f in forward.flips:
        assert f.old == old.explain_status(f.state, f.treaty, f.on)
        assert f.new == new.explain_status(f.state, f.treaty, f.on)
        assert (f.old.holds, f.old.value) != (f.new.holds, f.new.value)
    assert len(forward.flips) <= 3


def test_a_bad_sample_is_one_clear_error() -> None:
    for bad in (-1, 1.5, "3", True):
        with pytest.raises(icclaw.InvalidValue, match="sample"):
            icclaw.diff(REC, REC, sample=bad)  # type: ignore[arg-type]


def test_the_command_line_diffs_two_folders_or_a_folder_and_the_embedded_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _before_ukraine().dump(tmp_path / "old")
    assert main(["diff", str(tmp_path / "old")]) == 0
    out = capsys.readouterr().out
    assert "rome-statute: UKR ratification 2024-10-25" in out
    assert "before:" in out
    assert "after:" in out
    REC.dump(tmp_path / "new")
    assert main(["diff", str(tmp_path / "old"), str(tmp_path / "new"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["changes"] == [
        {
            "table": "act",
            "kind": "added",
            "label": "rome-statute: UKR ratification 2024-10-25",
            "fields": [],
        }
    ]
    assert main(["diff", str(tmp_path / "old"), "--sample", "0", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["flips"] == []
    assert main(["diff", str(tmp_path / "nowhere")]) == 2
    assert main(["diff", str(tmp_path / "old"), "--sample", "-3"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 2  # one line for each refused command


def test_a_change_names_the_fields_that_differ_and_a_new_source_alone_is_summed_up() -> None:
    """A correction of an act's source changes what a reader cites, not what the record says:
    the diff names the field, and sums such entries up in its text (each is in ``to_dict``)."""
    (act,) = UKRAINE
    resourced = attrs.evolve(act, source=icclaw.Source("official-page", "The depositary's notice"))
    old = REC.without_actions(act).with_action(resourced)
    changes = icclaw.diff(old, REC, sample=0)
    (change,) = changes.changes
    assert change.kind is ChangeKind.CHANGED
    assert change.fields == ("source",)
    assert change.provenance_only
    assert "changed  1 act entries only in their source or note" in changes.explain()


def test_a_treaty_whose_own_terms_changed_is_counted_from_its_adoption() -> None:
    """A change to a treaty's final clauses can move every party's entry into force: the counts
    are compared from the treaty's adoption, not only from the acts that changed."""
    treaty = REC.treaty("rome-statute")
    slower = attrs.evolve(treaty, consent_rule=attrs.evolve(treaty.consent_rule, days=400))
    old = attrs.evolve(REC, treaties=[slower if t.slug == treaty.slug else t for t in REC.treaties])
    changes = icclaw.diff(old, REC, sample=0)
    assert [(c.table, c.fields) for c in changes.changes] == [("treaty", ("consent_rule",))]
    assert any(p.on.year == 2003 for p in changes.parties)  # long before the latest act
    for p in changes.parties:
        assert p.old == len(old.parties("rome-statute", p.on))
