"""When an amendment to art. 8 of the Rome Statute can first be the law of a case.

A legal helper both engines need: the jurisdiction engine (:mod:`icclaw.icc.jurisdiction`), to
decide whether an amended war crime is within the Court's reach, and the law engine
(:mod:`icclaw.ihl.law`), to list the art. 8 paragraphs that can be charged. It reads the fact
base and the treaty-law engine, and no other engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from icclaw import status as treaty_law
from icclaw.dates import years_after
from icclaw.findings import Citation, Reason
from icclaw.icc.crimes import adoption

if TYPE_CHECKING:
    from icclaw.base import FactBase
    from icclaw.dates import Date

__all__ = ["AmendmentStart", "amendment_start"]

_ART_22_121 = Citation("Rome Statute", "arts. 22(1), 121(5)")


@attrs.frozen
class AmendmentStart:
    """The first day an art. 8 amendment can be the law of a case.

    Attributes:
        day: The day: its first entry into force for any state where the record shows it,
            otherwise the earliest day it could have entered into force.
        known: Whether ``day`` is the first entry into force the record shows (``False``: only
            the earliest possible day).
        reason: Why, with its provisions.
    """

    day: Date
    known: bool
    reason: Reason


def amendment_start(
    record: FactBase, amendment: str, known_on: Date | None = None
) -> AmendmentStart:
    """The first day an art. 8 amendment can be the law of any case (arts. 22(1), 121(5)).

    An amendment to art. 8 enters into force for an accepting State Party one year after its
    deposit of acceptance (art. 121(5)), and no acceptance precedes adoption; conduct before
    the amendment was first in force for any state was not, when it took place, a crime
    within the jurisdiction of the Court under the amended provision (art. 22(1)). Whatever
    the reading of art. 121(5) (policy ``amendment_reach``), no earlier conduct is covered.
    With ``known_on``, only the acceptances on the record by that day count.
    """
    return record.cached(
        ("amendment-start", amendment, known_on),
        lambda: _amendment_start(record, amendment, known_on),
    )


def _amendment_start(record: FactBase, amendment: str, known_on: Date | None) -> AmendmentStart:
    adopted, resolution = adoption(amendment)
    head = f"the provision was added by an amendment adopted on {adopted} ({resolution})"
    earliest = years_after(adopted, 1)
    if amendment in record.treaty_slugs:
        tr = record.treaty(amendment)
        first = tr.entry_into_force
        if first is not None and known_on is not None:
            days = [
                d
                for code in record.actors(tr.slug)
                if (d := treaty_law.entry_into_force(record, code, tr.slug, known_on=known_on))
                is not None
            ]
            first = min(days, default=None)
            earliest = max(earliest, tr.consent_rule.apply(known_on.add(days=1)))
        if first is not None:
            text = f"{head}, first in force for an accepting state on {first}: no conduct before that day falls under it"
            return AmendmentStart(first, True, Reason(text, _ART_22_121))
    text = f"{head}: in force for no state before {earliest} at the earliest (one year after an acceptance); no conduct before that day falls under it"
    return AmendmentStart(earliest, False, Reason(text, _ART_22_121))
