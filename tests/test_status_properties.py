"""The treaty-law engine stated as properties (VCLT arts. 18, 24, 26, 68, 70; Rome Statute
arts. 125–127), checked on generated lawful histories (``icclaw.strategies``)."""

from __future__ import annotations

import itertools

import attrs
import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import icclaw
from icclaw import ActionKind, Policy, Record, RecordError, TreatyStatus
from icclaw import strategies as ist
from icclaw.status import BOUND, LEGAL_TRANSITIONS, history

S = TreatyStatus
RS = ist.ROME_STATUTE


def days_of_interest(record: Record) -> list[pendulum.Date]:
    """Every day on which something happens, the days either side, and the treaty's dates."""
    out = set()
    for t in record.treaties:
        out.update(d for d in (t.adopted, t.entry_into_force) if d is not None)
    for a in record.actions:
        for d in (a.date, a.effective, a.announced):
            if d is not None:
                out.update((d.subtract(days=1), d, d.add(days=1)))
    for code in {a.state for a in record.actions}:
        for tr in record.history(code, record.treaties[0]).transitions:
            out.update((tr.day.subtract(days=1), tr.day))
    return sorted(out)


def effect_of(treaty: icclaw.Treaty, action: icclaw.Action) -> pendulum.Date:
    assert treaty.entry_into_force is not None
    if action.kind is ActionKind.SUCCESSION:
        return max(action.effective or action.date, treaty.entry_into_force)
    return treaty.entry_into_force_for(action.date)


@given(ist.records())
def test_no_state_is_bound_before_general_entry_into_force_nor_before_its_own_date(
    record: Record,
) -> None:
    treaty = record.treaties[0]
    assert treaty.entry_into_force is not None
    for code in record.actors(treaty):
        acts = record.actions_of(code, treaty)
        for d in days_of_interest(record):
            if record.status(code, treaty, d) in BOUND:
                assert d >= treaty.entry_into_force
                consents = [a for a in acts if a.kind.is_consent and effect_of(treaty, a) <= d]
                assert consents, f"{code} bound on {d} with no consent in force"


@given(ist.records(), ist.policies())
def test_signature_alone_never_binds_and_carries_the_interim_obligation_until_unsigned(
    record: Record, policy: Policy
) -> None:
    treaty = record.treaties[0]
    for code in record.actors(treaty):
        unsigned_on = None
        for d in days_of_interest(record):
            status = record.status(code, treaty, d, policy=policy)
            bound = record.is_bound(code, treaty, d, policy=policy)
            interim = record.interim_obligation(code, treaty, d, policy=policy)
            if status is S.SIGNATORY:
                assert bound.holds is False
                assert interim.holds is True
                assert "art. 18(a)" in str(interim.citations)
            if status is S.SIGNATURE_WITHDRAWN:
                unsigned_on = unsigned_on or d
                assert interim.holds is False
                assert bound.holds is False
            if unsigned_on is not None and status in (S.SIGNATURE_WITHDRAWN, S.NON_SIGNATORY):
                assert interim.holds is False


@given(ist.dates("1998-07-17", "2040-12-31"))
def test_rome_statute_entry_into_force_for_a_state(d: pendulum.Date) -> None:
    """Art. 126: the first day of the month after the 60th day following the deposit."""
    eif = RS.entry_into_force_for(d)
    if d <= pendulum.Date(2002, 4, 11):
        assert eif == pendulum.Date(2002, 7, 1)
    else:
        day_60 = d.add(days=60)
        assert eif.day == 1
        assert eif > day_60
        assert eif <= day_60.add(months=1)


@pytest.mark.parametrize(
    ("deposit", "in_force"),
    [
        ("2003-02-10", "2003-05-01"),  # Afghanistan
        ("2003-09-05", "2003-12-01"),  # Georgia
        ("2010-03-23", "2010-06-01"),  # Bangladesh
        ("2011-08-30", "2011-11-01"),  # Philippines
        ("2015-01-02", "2015-04-01"),  # Palestine
        ("2023-11-14", "2024-02-01"),  # Armenia
        ("2024-10-25", "2025-01-01"),  # Ukraine
        ("2002-07-01", "2002-09-01"),  # Australia
        ("2002-04-11", "2002-07-01"),  # the ten deposits that completed the sixty
    ],
)
def test_rome_statute_entry_into_force_vectors(deposit: str, in_force: str) -> None:
    """LAW.md R7 test vectors, matching the depositary's entry-into-force dates."""
    assert RS.entry_into_force_for(deposit) == pendulum.Date.fromisoformat(in_force)


def test_day_60_on_the_first_of_a_month_moves_to_the_next_month() -> None:
    # 2003-01-30 + 60 days = 2003-03-31; 2003-01-31 + 60 days = 2003-04-01, a first: "after" it is 1 May
    assert RS.entry_into_force_for("2003-01-31") == pendulum.Date(2003, 5, 1)
    assert RS.entry_into_force_for("2003-01-30") == pendulum.Date(2003, 4, 1)


@given(ist.dates("2002-07-01", "2040-12-31"))
def test_rome_statute_withdrawal_takes_effect_one_year_after_receipt(n: pendulum.Date) -> None:
    """Art. 127(1)."""
    eff = RS.withdrawal_effective(n)
    assert eff.year == n.year + 1
    assert (eff - n).in_days() in (365, 366)
    if (n.month, n.day) != (2, 29):
        assert (eff.month, eff.day) == (n.month, n.day)
    else:
        assert (eff.month, eff.day) == (2, 28)


def test_withdrawal_received_on_29_february() -> None:
    assert RS.withdrawal_effective("2024-02-29") == pendulum.Date(2025, 2, 28)


def test_a_later_date_named_in_the_notice_governs() -> None:
    assert RS.withdrawal_effective("2020-01-10", "2021-06-01") == pendulum.Date(2021, 6, 1)
    assert RS.withdrawal_effective("2020-01-10", "2020-06-01") == pendulum.Date(2021, 1, 10)


# LAW.md section 4, written out here independently of the engine's own table; the engine adds
# only the direct moves of a consent that takes effect on deposit (or a succession dated back),
# which skip party-pending, and an instrument withdrawn by a state that had left before.
LAW_TRANSITIONS = {
    (S.NON_SIGNATORY, S.SIGNATORY),
    (S.NON_SIGNATORY, S.PARTY_PENDING),
    (S.NON_SIGNATORY, S.PARTY),
    (S.SIGNATORY, S.SIGNATURE_WITHDRAWN),
    (S.SIGNATORY, S.PARTY_PENDING),
    (S.SIGNATURE_WITHDRAWN, S.PARTY_PENDING),
    (S.PARTY_PENDING, S.PARTY),
    (S.PARTY_PENDING, S.NON_SIGNATORY),
    (S.PARTY_PENDING, S.SIGNATORY),
    (S.PARTY_PENDING, S.SIGNATURE_WITHDRAWN),
    (S.PARTY, S.WITHDRAWAL_PENDING),
    (S.WITHDRAWAL_PENDING, S.WITHDRAWN),
    (S.WITHDRAWAL_PENDING, S.PARTY),
    (S.WITHDRAWN, S.PARTY_PENDING),
}
IMMEDIATE = {
    (S.SIGNATORY, S.PARTY),
    (S.SIGNATURE_WITHDRAWN, S.PARTY),
    (S.WITHDRAWN, S.PARTY),
    (S.PARTY_PENDING, S.WITHDRAWN),
}


def test_the_engine_allows_exactly_the_law_and_the_immediate_effect_moves() -> None:
    assert LAW_TRANSITIONS | IMMEDIATE == LEGAL_TRANSITIONS


@given(ist.records(), ist.policies())
def test_every_history_follows_only_the_legal_transitions(record: Record, policy: Policy) -> None:
    treaty = record.treaties[0]
    for code in record.actors(treaty):
        statuses = record.history(code, treaty, policy=policy).statuses()
        for pair in itertools.pairwise(statuses):
            assert pair in LAW_TRANSITIONS | IMMEDIATE


@pytest.mark.parametrize(
    ("kinds", "message"),
    [
        (["signature", "signature"], "cannot sign"),
        (["signature", "ratification", "ratification"], "duplicate consent"),
        (["accession", "signature-withdrawal"], "only a signatory"),
        (["signature", "withdrawal"], "not a party"),
        (["signature", "withdrawal-revocation"], "no withdrawal awaiting effect"),
        (["signature", "instrument-withdrawal"], "no instrument awaiting effect"),
        (["ratification"], "needs a standing signature"),
    ],
)
def test_a_history_outside_the_law_is_refused(kinds: list[str], message: str) -> None:
    day = pendulum.Date(1999, 1, 1)
    acts = [
        icclaw.Action("QAA", "rome-statute", k, day.add(days=400 * i), ist.ASSUMED)
        for i, k in enumerate(kinds)
    ]
    with pytest.raises(RecordError, match=message):
        history("QAA", RS, acts)


@given(ist.records())
def test_parties_are_exactly_the_states_for_which_is_bound_holds(record: Record) -> None:
    treaty = record.treaties[0]
    for d in days_of_interest(record)[::3]:
        parties = {s.code for s in record.parties(treaty, d)}
        bound = {s.code for s in record.states if record.is_bound(s, treaty, d).holds}
        assert parties == bound


@given(ist.records())
def test_a_withdrawal_revoked_before_effect_changes_nothing(record: Record) -> None:
    """A notice of withdrawal revoked before it takes effect leaves the state bound exactly when
    it would have been bound had it never given notice (also when the notice came while its
    instrument was still pending)."""
    treaty = record.treaties[0]
    for code in record.actors(treaty):
        acts = record.actions_of(code, treaty)
        for i, a in enumerate(acts):
            if a.kind is ActionKind.WITHDRAWAL_REVOCATION:
                notice = acts[i - 1]
                assert notice.kind is ActionKind.WITHDRAWAL
                never = record.without_actions(notice, a)
                rejoin = next(
                    (b.date for b in acts[i + 1 :] if b.kind is ActionKind.WITHDRAWAL), None
                )
                d = notice.date.subtract(days=1)
                end = rejoin or a.date.add(years=3)
                while d < end:
                    bound = record.status(code, treaty, d) in BOUND
                    assert bound == (never.status(code, treaty, d) in BOUND), (code, d)
                    d = d.add(days=17)


@given(ist.records())
def test_an_instrument_withdrawn_before_effect_never_makes_the_state_a_party(
    record: Record,
) -> None:
    treaty = record.treaties[0]
    for code in record.actors(treaty):
        acts = record.actions_of(code, treaty)
        for i, a in enumerate(acts):
            if a.kind is ActionKind.INSTRUMENT_WITHDRAWAL:
                deposit = acts[i - 1]
                assert deposit.kind.is_consent
                later = next(
                    (min(b.date, effect_of(treaty, b)) for b in acts[i + 1 :] if b.kind.is_consent),
                    None,
                )
                d = deposit.date
                while d < (later or a.date.add(years=3)):
                    assert record.status(code, treaty, d) not in BOUND
                    d = d.add(days=11)


@given(ist.records(), st.data())
def test_known_on_counts_no_act_before_its_receipt_and_later_acts_never_change_the_answer(
    record: Record, data: st.DataObject
) -> None:
    treaty = record.treaties[0]
    days = days_of_interest(record)
    known_on = data.draw(st.sampled_from(days))
    earlier = Record(
        states=record.states,
        treaties=record.treaties,
        actions=[a for a in record.actions if a.date <= known_on],
        as_of=record.as_of,
    )
    for code in record.actors(treaty):
        hist = record.history(code, treaty, known_on=known_on)
        assert all(t.cause.date <= known_on for t in hist.transitions)
        for d in days[::2]:
            assert record.status(code, treaty, d, known_on=known_on) == earlier.status(
                code, treaty, d
            )
            assert record.status(code, treaty, d, known_on=known_on) == earlier.status(
                code, treaty, d, known_on=known_on
            )


@given(ist.records(), ist.policies())
def test_every_finding_cites_a_provision_and_every_fact_names_its_source(
    record: Record, policy: Policy
) -> None:
    treaty = record.treaties[0]
    for code in record.actors(treaty):
        hist = record.history(code, treaty, policy=policy)
        for d in days_of_interest(record)[::4]:
            for f in (
                record.explain_status(code, treaty, d, policy=policy),
                record.interim_obligation(code, treaty, d, policy=policy),
            ):
                assert f.citations
                assert f.policy == policy
                assert f.digest == record.digest
                used = {t.cause.source for t in hist.up_to(d)}
                assert used <= set(f.sources)


@given(ist.records(), st.data())
def test_an_unlawful_act_is_refused_and_the_record_is_left_unchanged(
    record: Record, data: st.DataObject
) -> None:
    treaty = record.treaties[0]
    code = record.states.states[0].code
    last = max((a.date for a in record.actions_of(code, treaty)), default=treaty.adopted)
    day = data.draw(ist.dates(last.add(days=1), last.add(years=2)))
    status = record.status(code, treaty, day)
    assume(status is not S.PARTY)
    bad = icclaw.Action(code, treaty.slug, ActionKind.WITHDRAWAL, day, ist.ASSUMED)
    before = record.digest
    with pytest.raises(RecordError, match="withdrawal by a state that is not a party"):
        record.with_action(bad)
    assert record.digest == before


@given(ist.records(min_states=2, max_states=4), st.data())
def test_an_instrument_of_unstated_kind_is_settled_only_where_its_real_kind_agrees(
    record: Record, data: st.DataObject
) -> None:
    """Relabel one consent of a lawful history as ``consent`` (the source does not say whether
    it was a ratification, an accession or a succession): wherever the relabelled record calls
    its status certain, the history with the real kind gives the same status; from the day a
    ratification or accession would take effect, it is bound."""
    treaty = record.treaties[0]
    consents = [
        a
        for a in record.actions
        if (a.kind.is_consent and a.kind is not ActionKind.CONSENT and a.effective is None)
        or a.kind is ActionKind.SUCCESSION
    ]
    assume(consents and treaty.entry_into_force is not None)
    real = data.draw(st.sampled_from(consents))
    unstated = attrs.evolve(real, kind=ActionKind.CONSENT, effective=None)
    try:
        relabelled = attrs.evolve(
            record, actions=[unstated if a == real else a for a in record.actions]
        )
    except RecordError:  # a later act the relabelled instrument no longer allows
        assume(False)
        return
    assert treaty.entry_into_force is not None
    latest = treaty.entry_into_force_for(real.date)
    acts = record.actions_of(real.state, treaty)
    after = [a for a in acts if a.date >= real.date and a != real]
    cancels = [a for a in after if a.kind.is_consent or a.kind is ActionKind.INSTRUMENT_WITHDRAWAL]
    succession_ruled_out = any(
        a.kind is ActionKind.SIGNATURE and a.date <= real.date for a in acts
    ) or (bool(cancels) and cancels[0].kind is ActionKind.INSTRUMENT_WITHDRAWAL)
    for _ in range(6):
        day = data.draw(ist.dates(treaty.adopted, record.as_of.add(years=2)))
        status = relabelled.status(real.state, treaty, day)
        full = record.status(real.state, treaty, day)
        if status is not None:  # decided: the full history agrees
            assert status == full, (real, day)
        bound = relabelled.is_bound(real.state, treaty, day).holds
        if bound is not None and full is not None:
            assert bound == (full in BOUND), (real, day)
        if succession_ruled_out or day < treaty.entry_into_force:
            # a signatory ratifies, a withdrawn instrument was no succession, and no one is
            # bound before the treaty is: the relabelled record decides, as the full one does
            assert relabelled.settled(real.state, treaty, day), (real, day)
            assert status == full, (real, day)
        nxt = [a for a in record.actions_of(real.state, treaty) if a.date > real.date]
        if latest <= day and not nxt:
            assert bound is True


@given(ist.records(min_states=3, max_states=5), st.data())
def test_an_in_force_fact_is_settled_only_where_the_history_it_stands_for_agrees(
    record: Record, data: st.DataObject
) -> None:
    """Replace a consent by what a later source shows — the treaty in force for the state on a
    day while that consent bound it — and keep every other act: wherever the new record calls
    a status certain, the state is bound on the same days as in the full history, and from the
    day shown it is bound."""
    treaty = record.treaties[0]
    choices = []
    for code in record.actors(treaty):
        transitions = record.history(code, treaty).transitions
        for i, t in enumerate(transitions):
            if t.status is not TreatyStatus.PARTY or not t.cause.kind.is_consent:
                continue
            if any(
                b.kind.is_consent for b in record.actions_of(code, treaty) if b.date < t.cause.date
            ):
                continue
            end = transitions[i + 1].day.subtract(days=1) if i + 1 < len(transitions) else None
            last = min(end or record.as_of, record.as_of)
            if t.day <= last:
                choices.append((t.cause, t.day, last))
    assume(choices)
    real, first, last = data.draw(st.sampled_from(choices))
    day = data.draw(ist.dates(first, last))
    fact = attrs.evolve(real, kind=ActionKind.IN_FORCE, date=day, effective=None)
    try:
        attested = attrs.evolve(record, actions=[fact if a == real else a for a in record.actions])
    except RecordError:  # an act between the consent and the day shown that now comes first
        assume(False)
        return
    for _ in range(6):
        t = data.draw(ist.dates(treaty.adopted, record.as_of.add(years=2)))
        bound = attested.is_bound(real.state, treaty, t).holds
        if bound is not None:
            assert bound == (record.history(real.state, treaty).status_on(t) in BOUND), (fact, t)
        if day <= t <= last:
            assert bound is True
