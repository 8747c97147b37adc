"""Catalogue F: violence an authority found below the threshold of an armed conflict.

One test per file in ``examples/situations/``. Each checks that the engine answers "no armed
conflict" (``ConflictKind.NONE``) on the days the authority placed below the threshold and, where
the authority found a conflict from a later day, that it answers that conflict from then on. Only
the summaries of the authority's reports could be read, so the docstrings cite no paragraph
number; the file's header comment lists the sources and what was left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from catalogue_support import below_then_conflict, pair

if TYPE_CHECKING:
    import icclaw

SYRIA = "syria_unrest_2011.toml"
SYRIA_PARTIES = pair("SYR", "anti-Government armed groups")


def test_syria_unrest_2011_below_the_threshold_until_the_conflict_of_february_2012(
    rec: icclaw.Record,
) -> None:
    """UN Independent International Commission of Inquiry on the Syrian Arab Republic, report
    A/HRC/28/69 (5 Feb 2015), summary: the violence went from unrest in March 2011 to internal
    disturbances and then to the emergence of a non-international armed conflict in February
    2012. Unrest and internal disturbances are below the threshold (AP II art. 1(2)), so every
    day from the start of the unrest to 31 January 2012 is one without an armed conflict. The
    Commission's first report (A/HRC/S-17/2/Add.1, 23 Nov 2011, summary) dates the protests from
    March 2011; its August 2012 report (A/HRC/21/50, summary) found the threshold met during its
    reporting period, which ran from 15 February 2012. Neither gives a day: the file starts the unrest on 31 March 2011 and
    the conflict on 29 February 2012, the last days of the months named.

    The engine answers "no armed conflict" throughout the unrest, on its first and last days, and
    a non-international armed conflict from 29 February 2012. Before 31 March 2011 it sees no
    hostilities. The days of February 2012 before the 29th are not asserted: the Commission puts
    the conflict's emergence in that month without a day, while the engine carries the earlier
    "no armed conflict" forward.
    """
    unrest, _ = below_then_conflict(
        rec,
        SYRIA,
        SYRIA_PARTIES,
        "SYR",
        inside="2011-10-01",
        edges=("2011-03-31", "2012-01-31"),
        before="2011-03-30",
        conflict=("2012-02-29", "2013-06-01"),
    )
    assert any(s.reference == "A/HRC/28/69" for s in unrest.finding.sources)
