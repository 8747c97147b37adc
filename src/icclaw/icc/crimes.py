"""The crimes within the Court's jurisdiction (Rome Statute art. 5) and the amended provisions.

Each war-crime provision added by an amendment names the amendment that introduced it, so the
amendment rule of art. 121(5) can filter it (LAW.md R1, R9).
"""

from __future__ import annotations

import enum

import attrs

from icclaw.dates import Date, to_date

__all__ = ["AMENDED_PROVISIONS", "Crime", "Provision", "adoption", "provision"]


class Crime(enum.StrEnum):
    """The four crimes of art. 5(1)."""

    GENOCIDE = "genocide"
    """Art. 6."""
    CRIMES_AGAINST_HUMANITY = "crimes-against-humanity"
    """Art. 7."""
    WAR_CRIMES = "war-crimes"
    """Art. 8."""
    AGGRESSION = "aggression"
    """Art. 8bis (Kampala amendments)."""

    @property
    def article(self) -> str:
        """The article defining the crime."""
        return {
            "genocide": "art. 6",
            "crimes-against-humanity": "art. 7",
            "war-crimes": "art. 8",
            "aggression": "art. 8bis",
        }[self.value]


@attrs.frozen
class Provision:
    """A war-crime provision introduced by an amendment to art. 8.

    Attributes:
        paragraph: The paragraph, e.g. ``"8(2)(e)(xiii)"``.
        amendment: The slug of the amendment that introduced it.
        conflict: ``"international"`` or ``"non-international"``: the kind of armed conflict
            the paragraph belongs to.
        summary: What the paragraph prohibits, in a few words.
        adopted: The day the Assembly of States Parties (or the Review Conference) adopted the
            amendment; no state can accept it, and so no one can be bound by it, before then.
        resolution: The resolution that adopted it, e.g. ``"RC/Res.5"``.
    """

    paragraph: str
    amendment: str
    conflict: str
    summary: str
    adopted: Date = attrs.field(converter=to_date)
    resolution: str


_A2010 = "rome-statute-art8-amendment-2010"
_A2017 = "rome-statute-art8-amendment-2017"
_A2017L = "rome-statute-art8-amendment-2017-lasers"
_A2017F = "rome-statute-art8-amendment-2017-fragments"
_A2019 = "rome-statute-art8-amendment-2019"

_IAC, _NIAC = "international", "non-international"
_BIO = "employing weapons using microbial or other biological agents, or toxins"
_FRAG = "employing weapons injuring by fragments not detectable by X-rays"
_LASER = "employing laser weapons designed to cause permanent blindness"

# Adoption: Review Conference, Kampala, 10 June 2010 (RC/Res.5); Assembly of States Parties,
# 16th session, 14 December 2017 (ICC-ASP/16/Res.4, the three weapons amendments); 18th
# session, 6 December 2019 (ICC-ASP/18/Res.5). The same days are the ``adopted`` dates of the
# record's amendment files, which a test compares.
_K2010 = ("2010-06-10", "RC/Res.5")
_K2017 = ("2017-12-14", "ICC-ASP/16/Res.4")
_K2019 = ("2019-12-06", "ICC-ASP/18/Res.5")

AMENDED_PROVISIONS: tuple[Provision, ...] = (
    Provision("8(2)(e)(xiii)", _A2010, _NIAC, "employing poison or poisoned weapons", *_K2010),
    Provision(
        "8(2)(e)(xiv)", _A2010, _NIAC, "employing asphyxiating, poisonous or other gases", *_K2010
    ),
    Provision(
        "8(2)(e)(xv)", _A2010, _NIAC, "employing bullets which expand or flatten easily", *_K2010
    ),
    Provision("8(2)(b)(xxvii)", _A2017, _IAC, _BIO, *_K2017),
    Provision("8(2)(b)(xxviii)", _A2017F, _IAC, _FRAG, *_K2017),
    Provision("8(2)(b)(xxix)", _A2017L, _IAC, _LASER, *_K2017),
    Provision("8(2)(e)(xvi)", _A2017, _NIAC, _BIO, *_K2017),
    Provision("8(2)(e)(xvii)", _A2017F, _NIAC, _FRAG, *_K2017),
    Provision("8(2)(e)(xviii)", _A2017L, _NIAC, _LASER, *_K2017),
    Provision(
        "8(2)(e)(xix)", _A2019, _NIAC, "intentionally using starvation of civilians", *_K2019
    ),
)
"""Every art. 8 paragraph added by amendment (RC/Res.5; ICC-ASP/16/Res.4; ICC-ASP/18/Res.5)."""

_BY_PARAGRAPH = {p.paragraph: p for p in AMENDED_PROVISIONS}
_ADOPTION = {p.amendment: (p.adopted, p.resolution) for p in AMENDED_PROVISIONS}


def adoption(amendment: str) -> tuple[Date, str]:
    """Return the day an art. 8 amendment was adopted and the resolution that adopted it.

    Raises:
        KeyError: if ``amendment`` is not the slug of an art. 8 amendment.
    """
    return _ADOPTION[amendment]


def provision(paragraph: str) -> Provision | None:
    """Return the amended provision ``paragraph`` (e.g. ``"8(2)(e)(xiii)"``).

    ``None`` if the paragraph belongs to the Statute's original text.
    """
    text = paragraph.strip().removeprefix("art.").strip().replace(" ", "")
    return _BY_PARAGRAPH.get(text)
