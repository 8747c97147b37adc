"""Real situations before the Court, each test citing where its facts come from.

Facts are those the embedded record carries (with their sources); the legal readings are the
defaults of LAW.md unless a test names a policy.
"""

from __future__ import annotations

import attrs
import pendulum
import pytest

import icclaw
from icclaw import (
    Crime,
    Event,
    Policy,
    ProprioMotu,
    SecurityCouncilReferral,
    StateReferral,
    VoteOutcome,
)
from icclaw.icc.amendments import amendment_start

D = pendulum.Date.fromisoformat


def test_georgia_2008(rec: icclaw.Record) -> None:
    """Georgia: deposit 5 Sept 2003 → party 1 Dec 2003; PTC I authorised on 27 Jan 2016 an
    investigation of 1 July – 10 Oct 2008 (ICC-01/15-12); Russian nationals are reached through
    Georgia's territory."""
    event = Event(Crime.WAR_CRIMES, "2008-08-08", territory=("GEO",), nationality=("RUS",))
    f = rec.jurisdiction(event, ProprioMotu(authorised_on="2016-01-27"))
    assert f.holds is True
    assert any("2008-07-01 – 2008-10-10" in q for q in f.qualifiers)
    assert "art. 12(2)(a)" in [c.article for c in f.citations]
    outside = Event(Crime.WAR_CRIMES, "2008-11-01", territory=("GEO",), nationality=("RUS",))
    assert any(
        "outside the days" in q
        for q in rec.jurisdiction(outside, ProprioMotu("2016-01-27")).qualifiers
    )


def test_ukraine_declarations_and_membership(rec: icclaw.Record) -> None:
    """Ukraine's 12(3) declarations: 17 Apr 2014 (21 Nov 2013 – 22 Feb 2014) and 8 Sept 2015
    (from 20 Feb 2014, open-ended) (ICC-OTP-20150929-PR1156); party from 1 Jan 2025; 39 states
    referred the situation on 2 Mar 2022 (Lithuania the day before)."""
    event = Event(
        Crime.CRIMES_AGAINST_HUMANITY,
        "2013-11-01",
        until="2014-03-31",
        territory=("UKR",),
        nationality=("RUS",),
    )
    f = rec.jurisdiction(event, ProprioMotu())
    assert f.holds is True
    assert f.value == (icclaw.Period("2013-11-21", "2014-03-31"),)
    assert any(q.startswith("only conduct on 2013-11-21") for q in f.qualifiers)
    referral = rec.jurisdiction(
        Event(Crime.WAR_CRIMES, "2022-03-10", territory=("UKR",), nationality=("RUS",)),
        StateReferral(by=("LTU",), on="2022-03-01"),
    )
    assert referral.holds is True


def test_ukraine_article_124_covers_its_nationals_only(rec: icclaw.Record) -> None:
    """Ukraine's 2024 art. 124 declaration is limited to its nationals (scope CONTESTED, LAW.md
    Ex. 10): war crimes by Ukrainian nationals in 2025 are excluded, by Russian nationals not."""
    by_ukrainian = Event(Crime.WAR_CRIMES, "2025-03-01", territory=("UKR",), nationality=("UKR",))
    by_russian = Event(Crime.WAR_CRIMES, "2025-03-01", territory=("UKR",), nationality=("RUS",))
    unknown = Event(Crime.WAR_CRIMES, "2025-03-01", territory=("UKR",))
    assert rec.jurisdiction(by_ukrainian, ProprioMotu()).holds is False
    assert rec.jurisdiction(by_russian, ProprioMotu()).holds is True
    f = rec.jurisdiction(unknown, ProprioMotu())
    assert f.holds is None
    assert f.missing == ("event.nationality",)
    with pytest.raises(icclaw.Indeterminate, match=r"event\.nationality"):
        bool(f)


def test_bangladesh_myanmar_part_of_the_crime_is_enough(rec: icclaw.Record) -> None:
    """PTC I, 6 Sept 2018: deportation begun in Myanmar (non-party) and completed in Bangladesh
    (party from 1 June 2010) is within art. 12(2)(a); PTC III authorised on 14 Nov 2019."""
    event = Event(
        Crime.CRIMES_AGAINST_HUMANITY, "2017-08-25", territory=("MMR", "BGD"), nationality=("MMR",)
    )
    assert rec.jurisdiction(event, ProprioMotu("2019-11-14")).holds is True
    only_myanmar = Event(
        Crime.CRIMES_AGAINST_HUMANITY, "2017-08-25", territory=("MMR",), nationality=("MMR",)
    )
    assert rec.jurisdiction(only_myanmar, ProprioMotu("2019-11-14")).holds is False


def test_burundi_conduct_while_a_party(rec: icclaw.Record) -> None:
    """Burundi: withdrawn 27 Oct 2017; PTC III authorised on 25 Oct 2017 for 26 Apr 2015 –
    26 Oct 2017 (ICC page on the situation in Burundi)."""
    during = Event(
        Crime.CRIMES_AGAINST_HUMANITY, "2016-05-01", territory=("BDI",), nationality=("BDI",)
    )
    for policy in icclaw.PostWithdrawal:
        assert (
            rec.jurisdiction(
                during,
                ProprioMotu("2017-10-25"),
                on="2020-01-01",
                policy=Policy(post_withdrawal=policy),
            ).holds
            is True
        )
    after = Event(
        Crime.CRIMES_AGAINST_HUMANITY, "2018-05-01", territory=("BDI",), nationality=("BDI",)
    )
    assert rec.jurisdiction(after, ProprioMotu("2017-10-25"), on="2020-01-01").holds is False


def test_the_philippines_depends_on_the_post_withdrawal_reading(rec: icclaw.Record) -> None:
    """Philippines: party 1 Nov 2011 – 16 Mar 2019; preliminary examination 8 Feb 2018, before
    the notice and its effect; authorised 15 Sept 2021. PTC I (23 Oct 2025) upheld jurisdiction;
    the joint dissent of 18 July 2023 would have found none (LAW.md R8, Ex. 18)."""
    event = Event(
        Crime.CRIMES_AGAINST_HUMANITY, "2016-07-01", territory=("PHL",), nationality=("PHL",)
    )
    trigger = ProprioMotu("2021-09-15")
    assert rec.jurisdiction(event, trigger, on="2025-10-23").holds is True
    keep = rec.jurisdiction(
        event, trigger, on="2025-10-23", policy=Policy(post_withdrawal="crimes-while-party")
    )
    assert keep.holds is True
    strict = rec.jurisdiction(
        event,
        trigger,
        on="2025-10-23",
        policy=Policy(post_withdrawal="authorisation-before-effect"),
    )
    assert strict.holds is False
    assert strict.policy == Policy(post_withdrawal="authorisation-before-effect")


def test_palestine_as_known_today_and_as_known_on_1_december_2014(rec: icclaw.Record) -> None:
    """Palestine's declaration lodged on 1 Jan 2015 reaches back to 13 June 2014 (ASP page
    'State of Palestine'); conduct of July 2014 is within jurisdiction as known today, and was
    not as the record stood on 1 Dec 2014 (the 2009 declaration was not given effect)."""
    event = Event(Crime.WAR_CRIMES, "2014-07-15", territory=("PSE",), nationality=("ISR",))
    today = rec.jurisdiction(event, ProprioMotu("2021-02-05"))
    assert today.holds is True
    assert any("2015-01-01" in r.text and "2014-06-13" in r.text for r in today.reasons)
    then = rec.jurisdiction(event, ProprioMotu(), on="2014-12-01", known_on="2014-12-01")
    assert then.holds is False
    assert any("not given effect" in r.text for r in then.reasons)


def test_darfur_referral(rec: icclaw.Record) -> None:
    """Res. 1593 (31 Mar 2005; 11–0–4, Algeria, Brazil, China, United States abstaining;
    UN press SC/8351): the situation in Darfur since 1 July 2002; Sudan a non-party."""
    darfur = Event(
        Crime.GENOCIDE, "2004-01-01", territory=("SDN",), nationality=("SDN",), area="darfur"
    )
    assert rec.jurisdiction(darfur, SecurityCouncilReferral("1593")).holds is True
    unknown_area = Event(Crime.GENOCIDE, "2004-01-01", territory=("SDN",), nationality=("SDN",))
    f = rec.jurisdiction(unknown_area, SecurityCouncilReferral("1593"))
    assert f.holds is None
    assert f.missing == ("event.area",)
    elsewhere = Event(
        Crime.GENOCIDE, "2004-01-01", territory=("SDN",), nationality=("SDN",), area="khartoum"
    )
    assert rec.jurisdiction(elsewhere, SecurityCouncilReferral("1593")).holds is False
    res = rec.resolution("1593")
    assert rec.vote_outcome(res.yes, res.no, res.abstain, res.date) is VoteOutcome.ADOPTED
    assert set(res.abstain) == {"DZA", "BRA", "CHN", "USA"}


def test_libya_referral(rec: icclaw.Record) -> None:
    """Res. 1970 (26 Feb 2011, 15–0; UN press SC/10187): Libya since 15 Feb 2011."""
    assert (
        rec.jurisdiction(
            Event(
                Crime.CRIMES_AGAINST_HUMANITY,
                "2011-02-20",
                territory=("LBY",),
                nationality=("LBY",),
            ),
            SecurityCouncilReferral("1970"),
        ).holds
        is True
    )
    assert (
        rec.jurisdiction(
            Event(
                Crime.CRIMES_AGAINST_HUMANITY,
                "2011-02-10",
                territory=("LBY",),
                nationality=("LBY",),
            ),
            SecurityCouncilReferral("1970"),
        ).holds
        is False
    )


def test_afghanistan_reaches_non_party_nationals(rec: icclaw.Record) -> None:
    """Afghanistan: accession 10 Feb 2003 → party 1 May 2003; the Appeals Chamber authorised the
    investigation on 5 Mar 2020, United States nationals included (ICC-02/17-138)."""
    event = Event(Crime.WAR_CRIMES, "2004-06-01", territory=("AFG",), nationality=("USA",))
    assert rec.jurisdiction(event, ProprioMotu("2020-03-05")).holds is True
    before = Event(Crime.WAR_CRIMES, "2003-04-01", territory=("AFG",), nationality=("USA",))
    assert rec.jurisdiction(before, ProprioMotu("2020-03-05")).holds is False


def test_cote_d_ivoire_declaration(rec: icclaw.Record) -> None:
    """Côte d'Ivoire's 12(3) declaration (dated 18 Apr 2003) from 19 Sept 2002; party from
    1 May 2013; authorised on 3 Oct 2011."""
    event = Event(
        Crime.CRIMES_AGAINST_HUMANITY, "2010-12-16", territory=("CIV",), nationality=("CIV",)
    )
    assert rec.jurisdiction(event, ProprioMotu("2011-10-03")).holds is True
    early = Event(
        Crime.CRIMES_AGAINST_HUMANITY, "2002-09-01", territory=("CIV",), nationality=("CIV",)
    )
    assert rec.jurisdiction(early, ProprioMotu("2011-10-03")).holds is False


def test_colombia_article_124(rec: icclaw.Record) -> None:
    """Colombia declared under art. 124 on ratifying (5 Aug 2002): war crimes excluded from
    1 Nov 2002 to 31 Oct 2009 (notes to the 'States parties' article)."""
    war = Event(Crime.WAR_CRIMES, "2005-01-01", territory=("COL",), nationality=("COL",))
    assert rec.jurisdiction(war, ProprioMotu()).holds is False
    assert (
        rec.jurisdiction(
            Event(Crime.WAR_CRIMES, "2009-11-01", territory=("COL",), nationality=("COL",)),
            ProprioMotu(),
        ).holds
        is True
    )
    assert (
        rec.jurisdiction(
            Event(
                Crime.CRIMES_AGAINST_HUMANITY,
                "2005-01-01",
                territory=("COL",),
                nationality=("COL",),
            ),
            ProprioMotu(),
        ).holds
        is True
    )


def test_syria_draft_was_vetoed_and_kenya_deferral_failed(rec: icclaw.Record) -> None:
    """Draft S/2014/348 (22 May 2014): 13–2, Russia and China against (SC/11407); the Kenya
    deferral draft (15 Nov 2013): 7–0–8 (SC/11176)."""
    syria = rec.resolution("S/2014/348")
    assert rec.vote_outcome(syria.yes, syria.no, syria.abstain, syria.date) is VoteOutcome.VETOED
    kenya = rec.resolution("kenya-deferral-2013")
    assert rec.vote_outcome(kenya.yes, kenya.no, kenya.abstain, kenya.date) is VoteOutcome.FAILED
    f = rec.jurisdiction(
        Event(Crime.WAR_CRIMES, "2013-08-21", territory=("SYR",)),
        SecurityCouncilReferral("S/2014/348"),
    )
    assert f.holds is False


def test_deferral_1422_is_flagged_not_applied(rec: icclaw.Record) -> None:
    """Res. 1422 (12 July 2002) requested a 12-month deferral for personnel of contributing
    non-parties (SC/7450): it suspends only such cases, which the engine flags."""
    f = rec.jurisdiction(
        Event(Crime.WAR_CRIMES, "2002-08-01", territory=("AFG",)), ProprioMotu(), on="2002-12-01"
    )
    assert any("res. 1422" in q for q in f.qualifiers)


def test_aggression_by_a_non_party_is_excluded_even_against_a_party(rec: icclaw.Record) -> None:
    """Art. 15bis(5): aggression by Russia (a non-party) is excluded on a state referral, even
    against Ukraine once Ukraine is a party (from 1 Jan 2025); LAW.md Ex. 11."""
    event = Event(
        Crime.AGGRESSION, "2025-06-01", territory=("UKR",), nationality=("RUS",), aggressor="RUS"
    )
    f = rec.jurisdiction(event, StateReferral(by=("LTU",), on="2025-07-01"), on="2025-11-01")
    assert f.holds is False
    assert any("RUS is not a party" in r.text for r in f.reasons)
    assert not any("UKR is not a party" in r.text for r in f.reasons)


def test_aggression_with_unknown_nationality_is_undetermined(rec: icclaw.Record) -> None:
    """Art. 15bis(5) turns on the accused's state too: unknown nationality is undetermined."""
    event = Event(Crime.AGGRESSION, "2019-03-01", territory=("NLD",), aggressor="DEU")
    f = rec.jurisdiction(event, ProprioMotu())
    assert f.holds is None
    assert "event.nationality" in f.missing


def test_withdrawal_keeps_only_the_matter_under_consideration(rec: icclaw.Record) -> None:
    """Art. 127(2): the Burundi situation keeps conduct in Burundi while a party; it does not
    revive every crime by Burundian nationals elsewhere."""
    abroad = Event(
        Crime.CRIMES_AGAINST_HUMANITY, "2010-01-01", territory=("SOM",), nationality=("BDI",)
    )
    assert rec.jurisdiction(abroad, ProprioMotu(), on="2020-01-01").holds is False


def test_hungary_after_its_withdrawal_is_undetermined_past_the_record(rec: icclaw.Record) -> None:
    """Hungary's withdrawal took effect on 2 June 2026, after the record's as-of date: whether a
    matter came before the Court in time is not in the record."""
    event = Event(
        Crime.CRIMES_AGAINST_HUMANITY, "2025-01-01", territory=("HUN",), nationality=("HUN",)
    )
    f = rec.jurisdiction(event, ProprioMotu(), on="2027-01-01")
    assert f.holds is None
    assert any("situations" in m for m in f.missing)
    assert any("complete only up to" in q for q in f.qualifiers)


def test_the_court_cannot_consider_conduct_after_the_day_it_acts(rec: icclaw.Record) -> None:
    later = Event(Crime.WAR_CRIMES, "2020-01-01", territory=("GEO",), nationality=("GEO",))
    assert rec.jurisdiction(later, ProprioMotu(), on="2010-01-01").holds is False
    assert rec.jurisdiction(later, ProprioMotu(), on="1990-01-01").holds is False


def test_an_acceptance_is_territorial_as_declared(rec: icclaw.Record) -> None:
    """Ukraine's and Palestine's declarations cover crimes on their territory (ICC PR1146), not
    crimes by their nationals abroad."""
    abroad = Event(
        Crime.CRIMES_AGAINST_HUMANITY, "2016-01-01", territory=("RUS",), nationality=("UKR",)
    )
    assert rec.jurisdiction(abroad, ProprioMotu()).holds is False


def test_cooperation(rec: icclaw.Record) -> None:
    """Part 9 duties: none for Russia (non-party); Sudan under res. 1593; Ukraine as a 12(3)
    declarant; Burundi for the investigation authorised before its withdrawal took effect."""
    assert rec.cooperation_duty("RUS", "2016-12-01").holds is False
    assert rec.cooperation_duty("SDN", "2010-01-01").holds is True
    assert rec.cooperation_duty("UKR", "2016-01-01").holds is True
    burundi = rec.cooperation_duty("BDI", "2019-01-01")
    assert burundi.holds is True
    assert burundi.qualifiers
    assert rec.cooperation_duty("FRA", "2019-01-01").holds is True


def test_unknown_resolution_and_state_are_clear_errors(rec: icclaw.Record) -> None:
    with pytest.raises(icclaw.UnknownResolution, match="1593, 1970"):
        rec.jurisdiction(
            Event(Crime.WAR_CRIMES, "2010-01-01", territory=("SDN",)),
            SecurityCouncilReferral("9999"),
        )
    with pytest.raises(icclaw.UnknownState, match="did you mean"):
        rec.jurisdiction(Event(Crime.WAR_CRIMES, "2010-01-01", territory=("SDX",)), ProprioMotu())


def test_event_validation() -> None:
    with pytest.raises(ValueError, match="before date"):
        Event(Crime.WAR_CRIMES, "2010-01-02", until="2010-01-01")
    with pytest.raises(ValueError, match="only to war crimes"):
        Event(Crime.GENOCIDE, "2010-01-02", provision="8(2)(e)(xiii)")
    with pytest.raises(ValueError, match="aggressor"):
        Event(Crime.WAR_CRIMES, "2010-01-02", aggressor="RUS")
    with pytest.raises(ValueError, match="state code"):
        Event(Crime.WAR_CRIMES, "2010-01-02", territory=("Georgia1",))


def test_amended_war_crime_needs_the_amendment_in_force(rec: icclaw.Record) -> None:
    """Art. 121(5): the 2010 amendment (poison in non-international conflict) was in force for
    Germany from 2014 (deposit 3 Jun 2013, UN chapter XVIII-10-a); not for a non-accepting state."""
    germany = rec.entry_into_force("DEU", "rome-statute-art8-amendment-2010")
    assert germany is not None
    inside = Event(
        Crime.WAR_CRIMES,
        germany.add(days=10),
        territory=("DEU",),
        nationality=("DEU",),
        provision="8(2)(e)(xiii)",
    )
    assert rec.jurisdiction(inside, ProprioMotu()).holds is True
    before = Event(
        Crime.WAR_CRIMES,
        germany.subtract(days=10),
        territory=("DEU",),
        nationality=("DEU",),
        provision="8(2)(e)(xiii)",
    )
    assert rec.jurisdiction(before, ProprioMotu()).holds is False
    by_outsider = Event(
        Crime.WAR_CRIMES,
        germany.add(days=10),
        territory=("DEU",),
        nationality=("USA",),
        provision="8(2)(e)(xiii)",
    )
    assert rec.jurisdiction(by_outsider, ProprioMotu()).holds is False
    negative = rec.jurisdiction(
        by_outsider, ProprioMotu(), policy=Policy(amendment_reach="negative")
    )
    assert negative.holds is True


def test_no_amended_war_crime_before_the_amendment_existed(rec: icclaw.Record) -> None:
    """Arts. 22(1) and 121(5), under either reading of art. 121(5): the biological-weapons
    paragraph was adopted on 14 Dec 2017 (ICC-ASP/16/Res.4) and first in force on 2 Apr 2020
    (Luxembourg, UN chapter XVIII-10-d); conduct in Ukraine in March 2014 is outside it, even
    where the negative reading shields neither Ukraine nor Russia (neither a State Party then)."""
    event = Event(
        Crime.WAR_CRIMES,
        "2014-03-01",
        territory=("UKR",),
        nationality=("RUS",),
        provision="8(2)(b)(xxvii)",
    )
    for reach in ("consent", "negative"):
        finding = rec.jurisdiction(event, ProprioMotu(), policy=Policy(amendment_reach=reach))
        assert finding.holds is False
        assert any(
            "first in force for an accepting state on 2020-04-02" in r.text for r in finding.reasons
        )
    # The fragments paragraph: no acceptances on the record, but none can predate 14 Dec 2018.
    fragments = attrs.evolve(event, provision="8(2)(b)(xxviii)")
    assert rec.jurisdiction(fragments, ProprioMotu()).holds is False
    later = attrs.evolve(fragments, date="2023-03-01")
    assert rec.jurisdiction(later, ProprioMotu()).missing == (
        "record: acceptances of rome-statute-art8-amendment-2017-fragments",
    )


def test_a_council_referral_covers_an_amended_crime_only_from_its_first_entry_into_force(
    rec: icclaw.Record,
) -> None:
    """Arts. 13(b), 22(1), 121(5): the Darfur referral (resolution 1593) reaches conduct from
    1 July 2002, but the 2010 poison paragraph (8(2)(e)(xiii)) only from 26 Sep 2012, when it
    was first in force (San Marino, UN chapter XVIII-10-a)."""
    before = Event(
        Crime.WAR_CRIMES,
        "2011-05-01",
        territory=("SDN",),
        nationality=("SDN",),
        provision="8(2)(e)(xiii)",
        area="darfur",
    )
    referral = SecurityCouncilReferral(resolution="1593")
    assert rec.jurisdiction(before, referral).holds is False
    after = attrs.evolve(before, date="2013-05-01")
    assert rec.jurisdiction(after, referral).holds is True


def test_the_first_day_of_an_amendment_is_read_as_the_record_stood(rec: icclaw.Record) -> None:
    """``known_on``: before any acceptance of the 2017 biological-weapons amendment was on the
    record, its first day was only bounded (no acceptance could take effect before a year
    after the day asked about), so conduct late in 2019 is undetermined, not ruled out."""
    event = Event(
        Crime.WAR_CRIMES,
        "2019-12-01",
        territory=("UKR",),
        nationality=("RUS",),
        provision="8(2)(b)(xxvii)",
    )
    negative = Policy(amendment_reach="negative")
    now = rec.jurisdiction(event, ProprioMotu(), policy=negative)
    assert now.holds is False  # first in force on 2020-04-02, after the conduct
    then = rec.jurisdiction(event, ProprioMotu(), policy=negative, known_on="2018-06-01")
    assert then.holds is not True
    start = amendment_start(
        rec, "rome-statute-art8-amendment-2017", known_on=pendulum.Date(2018, 6, 1)
    )
    assert not start.known
    assert start.day == pendulum.Date(2019, 6, 2)  # an acceptance received the next day
