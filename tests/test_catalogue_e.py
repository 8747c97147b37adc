"""Catalogue E: Bosnia and Herzegovina, 1992-95, as the ICTY Appeals Chamber found it in Tadić.

One test per file in ``examples/situations/``; the file's header comment lists the sources read
and what was left out.
"""

from __future__ import annotations

from pathlib import Path

import icclaw
from icclaw import ConflictKind

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "situations"


def _classify(rec: icclaw.Record, day: str) -> tuple[icclaw.Conflict, ...]:
    return rec.classify(icclaw.load_situation(EXAMPLES / "bosnia_1992.toml"), day)


def test_bosnia_1992_is_international_through_the_vrs(rec: icclaw.Record) -> None:
    """ICTY Appeals Chamber, Tadić (Judgment, 15 July 1999), paras. 146-150, read in a stored
    copy reproducing the judgment: overall control is the test for armed forces and other
    hierarchically organised groups (para. 146); the Yugoslav Army exercised in 1992 the
    requisite control over the Bosnian Serb Army (para. 147); even after 19 May 1992 the VJ
    continued to control the VRS, its objectives and its military operations (para. 150). The
    conclusion of para. 162 could not be read in a stored copy. The war between the central
    authorities and the VRS is as the ECtHR summarised it (Kamenica v. Serbia, 2016, para. 3).

    The engine finds an international armed conflict between Bosnia and Herzegovina and the
    Federal Republic of Yugoslavia (the record's SCG) through the VRS. Before 19 May 1992: the
    Appeals Chamber in Celebici (20 Feb 2001, paras. 31-32) held that the JNA fought openly in
    Bosnia and Herzegovina and that an international armed conflict existed on its recognition,
    6 April 1992; the file carries that fighting across the SFRY -> FRY change of 27 April 1992
    (a succession, sourced to the Archives of Yugoslavia). No end: no source read dated the last
    fighting or the Dayton agreement to the day.
    """
    (iac,) = _classify(rec, "1993-06-01")
    assert iac.parties == ("BIH", "SCG")
    assert iac.kind is ConflictKind.INTERNATIONAL
    assert iac.via == ("VRS",)
    assert iac.territory == "BIH"
    assert iac.finding.sources

    (first_day,) = _classify(rec, "1992-05-19")
    assert first_day.kind is ConflictKind.INTERNATIONAL
    assert first_day.via == ("VRS",)

    (sfry,) = _classify(rec, "1992-04-10")
    assert (sfry.parties, sfry.kind) == (("BIH", "YUG"), ConflictKind.INTERNATIONAL)
    (fry,) = _classify(rec, "1992-05-01")
    assert (fry.parties, fry.kind) == (("BIH", "SCG"), ConflictKind.INTERNATIONAL)
    assert any("SCG carries on YUG's part" in q for q in fry.finding.qualifiers)
    (handover,) = _classify(rec, "1992-05-18")
    assert (handover.parties, handover.via) == (("BIH", "SCG"), ())
    assert _classify(rec, "1992-04-05") == ()
