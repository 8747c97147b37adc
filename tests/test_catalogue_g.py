"""Catalogue G: violence an authority found below the threshold of an armed conflict.

One test per file in ``examples/situations/``. Each checks that the engine answers "no armed
conflict" (``ConflictKind.NONE``) on the days the authority placed below the threshold and, where
the authority found a conflict from a later day, that it answers that conflict from then on. The
paragraphs of the authority's annex could be read only in a copy that renumbers them, so the
docstrings cite headings instead; the file's header comment lists the sources and what was left
out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from catalogue_support import below_then_conflict, pair

if TYPE_CHECKING:
    import icclaw

LIBYA = "libya_unrest_2011.toml"
LIBYA_PARTIES = pair("LBY", "Opposition forces (thuwar)")


def test_libya_unrest_2011_phase_one_protests_below_the_threshold_then_the_conflict(
    rec: icclaw.Record,
) -> None:
    """International Commission of Inquiry on Libya, report A/HRC/19/68 (2 March 2012). Its
    annex's timeline opens with "Phase 1: the protests (15 February - late February 2011)", in
    which it recounts the demonstrations from 15 February, the Qadhafi forces' live fire and the
    killing of protesters and bystanders between 16 and 21 February; under "Excessive Use of
    Force", "Applicable Law", it holds that the attacks on the demonstrators fell in Phase I,
    when international human rights law applied, and weighs them as possible crimes against
    humanity, not as war crimes (main report, para. 5: each phase had its own legal regime). Its
    first report (A/HRC/17/44, summary) dates the armed conflict to late February 2011.

    The engine answers "no armed conflict" from 15 to 21 February 2011, the days the Commission
    dates within Phase 1, and a non-international armed conflict from 28 February 2011, the last
    day of the month (as ``libya_2011.toml`` dates it). Before 15 February it sees no
    hostilities. The days from 22 to 27 February are not asserted: Phase 1 runs to "late
    February" without a day, while the engine carries the earlier "no armed conflict" forward.
    """
    protests, conflicts = below_then_conflict(
        rec,
        LIBYA,
        LIBYA_PARTIES,
        "LBY",
        inside="2011-02-18",
        edges=("2011-02-15", "2011-02-21"),
        before="2011-02-14",
        conflict=("2011-02-28", "2011-03-10"),
    )
    assert any(s.reference == "A/HRC/19/68" for s in protests.finding.sources)
    for conflict in conflicts:
        assert any(s.reference == "A/HRC/17/44" for s in conflict.finding.sources)
