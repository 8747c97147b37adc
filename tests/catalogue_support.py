"""What the catalogue's tests share: reading a catalogue file and naming a pair of parties."""

from __future__ import annotations

from pathlib import Path

import icclaw

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "situations"


def classify(rec: icclaw.Record, name: str, day: str) -> tuple[icclaw.Conflict, ...]:
    """Classify the catalogue file ``name`` (e.g. ``"rwanda_1994.toml"``) on ``day``."""
    return rec.classify(icclaw.load_situation(EXAMPLES / name), day)


def pair(a: str, b: str) -> tuple[str, str]:
    """Two parties in the order a Conflict names them (sorted)."""
    first, second = sorted((a, b))
    return first, second


def below_then_conflict(
    rec: icclaw.Record,
    name: str,
    parties: tuple[str, str],
    territory: str,
    *,
    inside: str,
    edges: tuple[str, ...],
    before: str,
    conflict: tuple[str, ...],
) -> tuple[icclaw.Conflict, list[icclaw.Conflict]]:
    """Check a file below the threshold, then in a non-international armed conflict.

    On ``inside`` and each of the ``edges`` the pair is in no armed conflict (decided, nothing
    missing on ``inside``); on ``before`` there are no hostilities; on each ``conflict`` day the
    pair is in a non-international armed conflict. Returns the ``inside`` answer and the
    conflict answers, for the file's own further checks (its sources).
    """
    from icclaw import ConflictKind  # noqa: PLC0415

    (below,) = classify(rec, name, inside)
    assert below.parties == parties
    assert below.kind is ConflictKind.NONE
    assert below.territory == territory
    assert below.finding.sources
    assert below.finding.missing == ()
    for day in edges:
        (edge,) = classify(rec, name, day)
        assert edge.parties == parties
        assert edge.kind is ConflictKind.NONE
    assert classify(rec, name, before) == ()
    found = []
    for day in conflict:
        (c,) = classify(rec, name, day)
        assert c.parties == parties
        assert c.kind is ConflictKind.NON_INTERNATIONAL
        assert c.territory == territory
        assert c.finding.sources
        found.append(c)
    return below, found
