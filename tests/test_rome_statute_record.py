"""Real cases on the embedded Rome Statute record, each citing where its facts come from.

The sources named in each docstring are the ones the record itself carries for the facts used;
the tests also check the published totals (parties, signatories, un-signings).
"""

from __future__ import annotations

import pendulum
import pytest

import icclaw
from icclaw import ActionKind, Policy, TreatyStatus

S = TreatyStatus
RS = "rome-statute"
D = pendulum.Date.fromisoformat


def test_general_entry_into_force_followed_the_60th_instrument(rec: icclaw.Record) -> None:
    """Art. 126(1): the 60th instrument was among the ten deposited together on 11 April 2002,
    bringing the total to 66; the Statute entered into force on 1 July 2002 (UN Treaty
    Collection status page)."""
    deposits = sorted(a.date for a in rec.actions if a.treaty == RS and a.kind.is_consent)
    assert deposits[59] == D("2002-04-11")
    assert sum(1 for d in deposits if d <= D("2002-04-11")) == 66
    assert sum(1 for d in deposits if d == D("2002-04-11")) == 10
    assert rec.treaty(RS).entry_into_force == D("2002-07-01")
    assert len(rec.parties(RS, "2002-06-30")) == 0
    assert len(rec.parties(RS, "2002-07-01")) == 66


def test_published_party_counts(rec: icclaw.Record) -> None:
    """124 parties once Armenia joined (1 Feb 2024), 125 once Ukraine did (1 Jan 2025), 124 once
    Hungary's withdrawal took effect (2 June 2026). Sources: UN Treaty Collection status as at
    19 March 2024 (124); Coalition for the ICC, 'Ukraine becomes the 125th State Party'; ICC /
    Assembly of States Parties on Hungary's withdrawal."""
    assert len(rec.parties(RS, "2024-01-31")) == 123
    assert len(rec.parties(RS, "2024-02-01")) == 124
    assert len(rec.parties(RS, "2024-03-19")) == 124
    assert len(rec.parties(RS, "2025-01-01")) == 125
    assert len(rec.parties(RS, "2026-06-01")) == 125
    assert len(rec.parties(RS, "2026-06-02")) == 124


def test_signatories_and_un_signings(rec: icclaw.Record) -> None:
    """139 states signed before signature closed on 31 Dec 2000 (art. 125(1)); the depositary's
    table as at 19 March 2024 reports 137 signatories, which is the 139 less the two signatories
    whose withdrawals had taken effect (Burundi, the Philippines); four signatories made clear
    they would not become parties (Israel, Russia, Sudan, the United States)."""
    signed = {a.state for a in rec.actions if a.treaty == RS and a.kind is ActionKind.SIGNATURE}
    assert len(signed) == 139
    assert all(
        a.date <= D("2000-12-31")
        for a in rec.actions
        if a.treaty == RS and a.kind is ActionKind.SIGNATURE
    )
    on = D("2024-03-19")
    counted = {c for c in signed if rec.status(c, RS, on) is not S.WITHDRAWN}
    assert len(counted) == 137
    assert signed - counted == {"BDI", "PHL"}
    unsigned = {
        a.state for a in rec.actions if a.treaty == RS and a.kind is ActionKind.SIGNATURE_WITHDRAWAL
    }
    assert unsigned == {"ISR", "RUS", "SDN", "USA"}


def test_every_fact_has_a_date_and_a_source(rec: icclaw.Record) -> None:
    facts = [
        *rec.actions,
        *rec.declarations,
        *rec.resolutions,
        *rec.situations,
        *rec.ihl_declarations,
    ]
    for fact in facts:
        assert fact.source.title, fact
        assert fact.source.url or fact.source.reference, fact
        assert fact.source.kind is not icclaw.SourceKind.ASSUMPTION, fact
    for state in rec.states:
        assert state.source is not None
    for treaty in rec.treaties:
        assert treaty.source.url


def test_russia_signed_in_2000_and_withdrew_its_signature_in_2016(rec: icclaw.Record) -> None:
    """Signed 13 Sept 2000; the Secretary-General received the notice on 30 Nov 2016 (reported
    from the UN Treaty Collection); the presidential order was of 16 Nov 2016 (TASS)."""
    assert rec.status("RUS", RS, "2016-11-01") is S.SIGNATORY
    assert rec.interim_obligation("RUS", RS, "2016-11-01").holds is True
    assert rec.status("RUS", RS, "2016-11-29") is S.SIGNATORY
    f = rec.explain_status("RUS", RS, "2016-12-01")
    assert f.value is S.SIGNATURE_WITHDRAWN
    assert f.holds is False
    assert "2016-11-30" in f.explain()
    assert rec.interim_obligation("RUS", RS, "2016-12-01").holds is False
    assert rec.is_bound("RUS", RS, "2016-12-01").holds is False
    assert rec.entry_into_force("RUS", RS) is None


def test_russia_under_the_public_act_policy(rec: icclaw.Record) -> None:
    """LAW.md T2, CONTESTED: under intent_date=public-act the obligation ends with the order of
    16 Nov 2016."""
    policy = Policy(intent_date="public-act")
    assert rec.status("RUS", RS, "2016-11-15", policy=policy) is S.SIGNATORY
    assert rec.status("RUS", RS, "2016-11-16", policy=policy) is S.SIGNATURE_WITHDRAWN
    f = rec.interim_obligation("RUS", RS, "2016-11-20", policy=policy)
    assert f.holds is False
    assert f.policy == policy
    assert "public act" in f.explain()
    assert rec.interim_obligation("RUS", RS, "2016-11-20").holds is True  # default policy


def test_russia_as_the_record_stood_before_the_notice_arrived(rec: icclaw.Record) -> None:
    f = rec.explain_status("RUS", RS, "2016-12-01", known_on="2016-11-20")
    assert f.value is S.SIGNATORY
    assert any("as the record stood" in q for q in f.qualifiers)


def test_united_states_unsigned_on_6_may_2002(rec: icclaw.Record) -> None:
    """Signed 31 Dec 2000; communication received 6 May 2002 (UN depositary footnote, quoted by
    derechos.org)."""
    assert rec.status("USA", RS, "2000-12-31") is S.SIGNATORY
    assert rec.status("USA", RS, "2002-05-05") is S.SIGNATORY
    assert rec.status("USA", RS, "2002-05-06") is S.SIGNATURE_WITHDRAWN
    assert rec.interim_obligation("USA", RS, "2003-01-01").holds is False


def test_israel_unsigned_on_28_august_2002(rec: icclaw.Record) -> None:
    """Communication received 28 Aug 2002 (UN depositary footnote, quoted by derechos.org)."""
    assert rec.status("ISR", RS, "2002-08-27") is S.SIGNATORY
    assert rec.status("ISR", RS, "2002-08-28") is S.SIGNATURE_WITHDRAWN


def test_sudan_unsigned_on_26_august_2008(rec: icclaw.Record) -> None:
    """C.N.612.2008.TREATIES-6 (reproduced by the Coalition for the ICC)."""
    assert rec.status("SDN", RS, "2008-08-25") is S.SIGNATORY
    assert rec.status("SDN", RS, "2008-08-26") is S.SIGNATURE_WITHDRAWN
    f = rec.explain_status("SDN", RS, "2008-09-01")
    assert any(s.reference == "C.N.612.2008.TREATIES-6" for s in f.sources)


def test_ukraine_deposited_in_2024_and_was_bound_from_2025(rec: icclaw.Record) -> None:
    """Signed 20 Jan 2000; deposit 25 Oct 2024 → in force 1 Jan 2025 (Coalition for the ICC)."""
    assert rec.status("UKR", RS, "2024-10-24") is S.SIGNATORY
    assert rec.status("UKR", RS, "2024-12-01") is S.PARTY_PENDING
    assert rec.is_bound("UKR", RS, "2024-12-01").holds is False
    assert rec.interim_obligation("UKR", RS, "2024-12-01").holds is True
    strict = Policy(interim_after_deposit="general-entry-only")
    assert rec.interim_obligation("UKR", RS, "2024-12-01", policy=strict).holds is False
    assert rec.status("UKR", RS, "2025-01-01") is S.PARTY
    assert rec.entry_into_force("UKR", RS) == D("2025-01-01")


def test_burundi_withdrew_with_effect_from_27_october_2017(rec: icclaw.Record) -> None:
    """Deposit 21 Sept 2004 → party 1 Dec 2004; notice received 27 Oct 2016 (Diário da República,
    Aviso 28/2018, translating the depositary notification) → withdrawn 27 Oct 2017."""
    assert rec.entry_into_force("BDI", RS) == D("2004-12-01")
    assert rec.status("BDI", RS, "2016-10-26") is S.PARTY
    assert rec.status("BDI", RS, "2017-10-26") is S.WITHDRAWAL_PENDING
    assert rec.is_bound("BDI", RS, "2017-10-26").holds is True
    f = rec.explain_status("BDI", RS, "2017-10-27")
    assert f.value is S.WITHDRAWN
    assert "art. 127(2)" in [c.article for c in f.citations]
    assert rec.in_force_periods("BDI", RS) == (icclaw.Period("2004-12-01", "2017-10-26"),)


def test_the_philippines_withdrew_with_effect_from_17_march_2019(rec: icclaw.Record) -> None:
    """Deposit 30 Aug 2011 → party 1 Nov 2011; notice effected 17 Mar 2018 (Aviso 127/2018)."""
    assert rec.entry_into_force("PHL", RS) == D("2011-11-01")
    assert rec.status("PHL", RS, "2019-03-16") is S.WITHDRAWAL_PENDING
    assert rec.status("PHL", RS, "2019-03-17") is S.WITHDRAWN
    assert rec.in_force_periods("PHL", RS) == (icclaw.Period("2011-11-01", "2019-03-16"),)


def test_south_africa_revoked_its_withdrawal_and_stayed_a_party(rec: icclaw.Record) -> None:
    """Notice 19 Oct 2016 (UN spokesman via AP); revoked 7 Mar 2017 (Al Jazeera, Reuters)."""
    assert rec.status("ZAF", RS, "2017-01-01") is S.WITHDRAWAL_PENDING
    assert rec.status("ZAF", RS, "2017-03-07") is S.PARTY
    assert rec.status("ZAF", RS, "2017-10-19") is S.PARTY
    assert rec.in_force_periods("ZAF", RS) == (icclaw.Period("2002-07-01", None),)
    f = rec.explain_status("ZAF", RS, "2018-01-01")
    assert "VCLT art. 68" in [str(c) for c in f.citations]


def test_the_gambia_rescinded_its_withdrawal(rec: icclaw.Record) -> None:
    """Notice 10 Nov 2016 (C.N.862.2016.TREATIES-XVIII.10); rescinded 10 Feb 2017 (Aviso 71/2018)."""
    assert rec.status("GMB", RS, "2016-12-01") is S.WITHDRAWAL_PENDING
    assert rec.status("GMB", RS, "2017-11-10") is S.PARTY
    assert len(rec.in_force_periods("GMB", RS)) == 1


def test_malaysia_withdrew_its_accession_before_it_took_effect(rec: icclaw.Record) -> None:
    """Accession deposited 4 Mar 2019, would have taken effect 1 June 2019; withdrawn 29 Apr
    2019 (UN notification CN.185.2019, reported by The Star)."""
    assert rec.status("MYS", RS, "2019-03-04") is S.PARTY_PENDING
    assert rec.status("MYS", RS, "2019-04-29") is S.NON_SIGNATORY
    assert rec.status("MYS", RS, "2019-06-01") is S.NON_SIGNATORY
    assert rec.entry_into_force("MYS", RS) is None
    assert rec.in_force_periods("MYS", RS) == ()


def test_palestine_acceded_in_2015(rec: icclaw.Record) -> None:
    """Accession 2 Jan 2015 → in force 1 Apr 2015 (ICC Assembly of States Parties page)."""
    assert rec.status("PSE", RS, "2015-03-31") is S.PARTY_PENDING
    assert rec.status("PSE", RS, "2015-04-01") is S.PARTY
    assert rec.state("Palestine").code == "PSE"


def test_armenia_ratified_in_2023(rec: icclaw.Record) -> None:
    """Deposit 14 Nov 2023 → in force 1 Feb 2024 (States parties table)."""
    assert rec.entry_into_force("ARM", RS) == D("2024-02-01")
    assert rec.status("ARM", RS, "2024-01-31") is S.PARTY_PENDING


def test_hungary_withdrew_with_effect_from_2_june_2026(rec: icclaw.Record) -> None:
    """Notice 2 June 2025 (ICC / Assembly of States Parties): withdrawn 2 June 2026. The effect
    lies after the record's as-of date, and the answer says so."""
    assert rec.status("HUN", RS, "2026-06-01") is S.WITHDRAWAL_PENDING
    f = rec.explain_status("HUN", RS, "2026-06-02")
    assert f.value is S.WITHDRAWN
    assert any("complete only up to" in q for q in f.qualifiers)
    assert any(
        "becomes withdrawn on 2026-06-02" in q
        for q in rec.explain_status("HUN", RS, "2025-12-01").qualifiers
    )


def test_montenegro_succeeded_from_independence(rec: icclaw.Record) -> None:
    """Notification received 23 Oct 2006, effective 3 June 2006 (Austrian BGBl. III 110/2008)."""
    assert rec.status("MNE", RS, "2006-06-03") is S.PARTY
    assert rec.status("MNE", RS, "2006-06-02") is S.NON_SIGNATORY
    assert rec.status("MNE", RS, "2006-07-01", known_on="2006-10-22") is S.NON_SIGNATORY
    assert rec.status("MNE", RS, "2006-07-01", known_on="2006-10-23") is S.PARTY


def test_what_if_russia_had_ratified_in_2005(rec: icclaw.Record) -> None:
    """A what-if edit returns a new record and leaves the embedded one untouched."""
    source = icclaw.Source("assumption", "what if")
    what_if = rec.without_actions(
        *[a for a in rec.actions_of("RUS", RS) if a.kind is ActionKind.SIGNATURE_WITHDRAWAL]
    ).with_action(icclaw.Action("RUS", RS, "ratification", "2005-03-01", source))
    assert what_if.status("RUS", RS, "2016-12-01") is S.PARTY
    assert what_if.entry_into_force("RUS", RS) == D("2005-05-01")  # day 60 = 30 Apr
    assert rec.status("RUS", RS, "2016-12-01") is S.SIGNATURE_WITHDRAWN
    assert what_if.digest != rec.digest


def test_a_signature_after_31_december_2000_is_refused(rec: icclaw.Record) -> None:
    late = icclaw.Action(
        "CHN", RS, "signature", "2001-01-02", icclaw.Source("assumption", "what if")
    )
    with pytest.raises(icclaw.RecordError, match="signature closed on 2000-12-31"):
        rec.with_action(late)


def test_timeline_lists_every_act_in_date_order(rec: icclaw.Record) -> None:
    acts = rec.timeline("ZAF")
    on_rs = [a.kind.value for a in acts if a.treaty == RS]
    assert on_rs == ["signature", "ratification", "withdrawal", "withdrawal-revocation"]
    assert {a.treaty for a in acts} >= {RS, "additional-protocol-ii"}
    assert [a.date for a in acts] == sorted(a.date for a in acts)
    known = [a for a in rec.timeline("ZAF", known_on="2016-12-31") if a.treaty == RS]
    assert known[-1].kind is ActionKind.WITHDRAWAL
