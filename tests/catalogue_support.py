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
