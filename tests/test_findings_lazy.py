"""Findings whose explanation is built when read say exactly what they said when built eagerly.

``tests/data/jurisdiction_findings.json`` holds queries and the ``to_dict()`` of their answers as
computed by the engine *before* explanations became lazy (a mix of the benchmark's events and
events drawn by ``icclaw.strategies``, with every trigger, policies, ``on`` and ``known_on``).
Regenerate it only when an answer is meant to change (the law, or the embedded record's facts):
``python tests/test_findings_lazy.py --write``.
"""

from __future__ import annotations

import json
import pickle
import random
import sys
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

import icclaw
from icclaw import (
    Crime,
    Event,
    Finding,
    Policy,
    ProprioMotu,
    Reason,
    SecurityCouncilReferral,
    StateReferral,
)
from icclaw import strategies as ist
from icclaw.errors import Indeterminate, UnknownResolution
from icclaw.findings import all_of, deferred, made

FIXTURE = Path(__file__).parent / "data" / "jurisdiction_findings.json"
REC = icclaw.load()
# Parties, withdrawn parties, declarants, amendment acceptors and non-parties.
CODES = (
    "GEO",
    "UKR",
    "RUS",
    "USA",
    "AFG",
    "BDI",
    "PHL",
    "PSE",
    "COL",
    "CIV",
    "MMR",
    "BGD",
    "SDN",
    "LBY",
    "FRA",
    "HUN",
    "ISR",
    "SYR",
    "VEN",
    "KEN",
    "DEU",
    "ARG",
    "LTU",
    "CHN",
    "JPN",
    "NLD",
    "CHE",
)
RESOLUTIONS = ("1593", "1970", "1422", "S/2014/348")
TRIGGERS = ist.triggers(
    referrers=("LTU", "ARG", "GEO", "USA", "BDI", "VEN"), resolutions=RESOLUTIONS
)
EVENTS = ist.events(CODES, provisions=True, territory_known=False, areas=("darfur", "crimea"))
DAYS = st.none() | ist.dates("2000-01-01", "2027-12-31")

Query = tuple[Event, Any, pendulum.Date | None, Policy | None, pendulum.Date | None]


# --- queries as JSON ----------------------------------------------------------------------------


def _iso(day: pendulum.Date | None) -> str | None:
    return None if day is None else day.isoformat()


def _codes(codes: tuple[str, ...] | None) -> list[str] | None:
    return None if codes is None else list(codes)


def encode(query: Query) -> dict[str, Any]:
    event, trigger, on, policy, known_on = query
    if isinstance(trigger, StateReferral):
        trig: dict[str, Any] = {"kind": "state", "by": list(trigger.by), "on": _iso(trigger.on)}
    elif isinstance(trigger, SecurityCouncilReferral):
        trig = {"kind": "council", "resolution": trigger.resolution}
    else:
        trig = {"kind": "proprio-motu", "authorised_on": _iso(trigger.authorised_on)}
    return {
        "event": {
            "crime": event.crime.value,
            "date": _iso(event.date),
            "until": _iso(event.until),
            "territory": _codes(event.territory),
            "nationality": _codes(event.nationality),
            "age": event.age,
            "provision": event.provision,
            "aggressor": event.aggressor,
            "area": event.area,
        },
        "trigger": trig,
        "on": _iso(on),
        "policy": None if policy is None else policy.to_dict(),
        "known_on": _iso(known_on),
    }


def decode(data: dict[str, Any]) -> Query:
    e = data["event"]
    event = Event(
        e["crime"],
        e["date"],
        e["until"],
        None if e["territory"] is None else tuple(e["territory"]),
        None if e["nationality"] is None else tuple(e["nationality"]),
        e["age"],
        e["provision"],
        e["aggressor"],
        e["area"],
    )
    t = data["trigger"]
    trigger: Any
    if t["kind"] == "state":
        trigger = StateReferral(by=tuple(t["by"]), on=t["on"])
    elif t["kind"] == "council":
        trigger = SecurityCouncilReferral(t["resolution"])
    else:
        trigger = ProprioMotu(t["authorised_on"])
    policy = None if data["policy"] is None else Policy.from_pairs(data["policy"])
    on = None if data["on"] is None else pendulum.Date.fromisoformat(data["on"])
    known_on = None if data["known_on"] is None else pendulum.Date.fromisoformat(data["known_on"])
    return event, trigger, on, policy, known_on


def answer(query: Query) -> Finding:
    event, trigger, on, policy, known_on = query
    return REC.jurisdiction(event, trigger, on, policy, known_on=known_on)


# --- the fixture's queries ----------------------------------------------------------------------


def _benchmark_queries(n: int) -> list[Query]:
    """Events as ``benchmarks/bench_jurisdiction.py`` makes them."""
    rng = random.Random(2026)
    codes = [s.code for s in REC.states if s.category is not icclaw.StateCategory.HISTORICAL]
    triggers = [
        ProprioMotu(),
        ProprioMotu("2016-01-27"),
        StateReferral(by=("ARG",), on="2024-01-01"),
        SecurityCouncilReferral("1593"),
        SecurityCouncilReferral("1970"),
    ]
    start = pendulum.Date(1999, 1, 1)
    out: list[Query] = []
    for _ in range(n):
        crime = rng.choice(list(Crime))
        day = start.add(days=rng.randint(0, 9800))
        until = day.add(days=rng.randint(0, 400)) if rng.random() < 0.3 else None
        territory = tuple(rng.sample(codes, rng.choice((1, 1, 2))))
        nationality = tuple(rng.sample(codes, 1)) if rng.random() < 0.8 else None
        aggressor = rng.choice(codes) if crime is Crime.AGGRESSION else None
        event = Event(crime, day, until, territory, nationality, None, None, aggressor)
        out.append((event, rng.choice(triggers), None, None, None))
    return out


def _drawn_queries(n: int) -> list[Query]:
    """Events, triggers, policies and days drawn by ``icclaw.strategies`` (derandomised)."""
    out: list[Query] = []

    @settings(
        max_examples=n, derandomize=True, database=None, phases=[Phase.generate], deadline=None
    )
    @given(EVENTS, TRIGGERS, st.none() | ist.policies(), DAYS, DAYS)
    def draw(
        event: Event,
        trigger: Any,
        policy: Policy | None,
        on: pendulum.Date | None,
        known_on: pendulum.Date | None,
    ) -> None:
        query = (event, trigger, on, policy, known_on)
        try:
            answer(query)
        except UnknownResolution:
            return
        out.append(query)

    draw()
    return out


def write_fixture() -> None:
    queries = _benchmark_queries(120) + _drawn_queries(220)
    seen: set[str] = set()
    entries = []
    for query in queries:
        data = encode(query)
        key = json.dumps(data, sort_keys=True)
        if key in seen:
            continue
        seen.add(key)
        entries.append({"query": data, "finding": answer(query).to_dict()})
    FIXTURE.parent.mkdir(exist_ok=True)
    lines = ",\n".join(json.dumps(e, ensure_ascii=False, sort_keys=True) for e in entries)
    FIXTURE.write_text(f"[\n{lines}\n]\n", encoding="utf-8")
    print(f"wrote {len(entries)} findings to {FIXTURE}")


# --- the properties -----------------------------------------------------------------------------


def _materialised(f: Finding) -> Finding:
    """The same Finding made through the public constructor from what ``f`` reads as."""
    return Finding(**{a.name: getattr(f, a.name) for a in attrs.fields(Finding)})


def _entries() -> list[dict[str, Any]]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _same_record(data: dict[str, Any]) -> dict[str, Any]:
    """The stored answer, with the digest of the record it was computed on: the record's content
    may grow (a new ratification changes its digest) without the law's answers changing."""
    return {**data, "digest": REC.digest, "data_version": REC.version}


def test_the_fixture_is_varied() -> None:
    entries = _entries()
    assert len(entries) >= 300
    answers = {e["finding"]["answer"] for e in entries}
    assert answers == {"yes", "no", "undetermined"}
    kinds = {e["query"]["trigger"]["kind"] for e in entries}
    assert kinds == {"state", "council", "proprio-motu"}


def test_findings_read_as_they_did_when_built_eagerly() -> None:
    for entry in _entries():
        query = decode(entry["query"])
        assert encode(query) == entry["query"]  # the query survived its round trip
        f = answer(query)
        assert f.to_dict() == _same_record(entry["finding"]), entry["query"]


def test_findings_read_in_any_order_say_the_same() -> None:
    for i, entry in enumerate(_entries()):
        f = answer(decode(entry["query"]))
        # the answer first, text last; the text first, the answer last; or by comparison
        if i % 3 == 0:
            assert f.holds == entry["finding"]["holds"]
            assert list(f.missing) == entry["finding"]["missing"]
            assert [r.text for r in f.reasons] == [r["text"] for r in entry["finding"]["reasons"]]
        elif i % 3 == 1:
            assert f.explain().startswith(entry["finding"]["question"])
            assert list(f.qualifiers) == entry["finding"]["qualifiers"]
        else:
            g = answer(decode(entry["query"]))
            assert f == g
            assert hash(f) == hash(g)
        assert f.to_dict() == _same_record(entry["finding"])


@given(
    event=EVENTS,
    trigger=TRIGGERS,
    policy=st.none() | ist.policies(),
    on=DAYS,
    known_on=DAYS,
    order=st.integers(0, 4),
)
def test_a_lazy_finding_equals_its_eager_twin(
    *,
    event: Event,
    trigger: Any,
    policy: Policy | None,
    on: pendulum.Date | None,
    known_on: pendulum.Date | None,
    order: int,
) -> None:
    query = (event, trigger, on, policy, known_on)
    try:
        first = answer(query)
    except UnknownResolution:
        return
    second = answer(query)
    # read the second one's text before the first one's, in an order that varies
    reads = [
        lambda f: f.explain(),
        lambda f: f.to_json(),
        lambda f: f.citations,
        repr,
        lambda f: f.question,
    ]
    reads[order](second)
    eager = _materialised(second)
    assert eager == second
    assert hash(eager) == hash(second)
    assert repr(eager) == repr(second)
    assert eager.to_dict() == second.to_dict() == first.to_dict()
    assert eager.explain() == first.explain()
    assert first == second
    assert pickle.loads(pickle.dumps(first)) == eager
    assert attrs.evolve(first) == eager
    assert first.holds == eager.holds
    assert first.missing == eager.missing


def test_the_public_constructor_and_composition_are_unchanged() -> None:
    reason = Reason("r", icclaw.Citation("Rome Statute", "art. 5(1)"))
    public = Finding("q?", True, reasons=[reason], qualifiers=["x"])
    assert public.reasons == (reason,)
    assert public.qualifiers == ("x",)
    assert public == Finding("q?", True, reasons=(reason,), qualifiers=("x",))
    assert [a.name for a in attrs.fields(Finding)] == [
        "question",
        "holds",
        "value",
        "reasons",
        "missing",
        "qualifiers",
        "policy",
        "on",
        "known_on",
        "as_of",
        "digest",
        "data_version",
    ]
    lazy = answer(decode(_entries()[0]["query"]))
    composed = all_of("both?", [lazy, public])
    assert composed.reasons == (*lazy.reasons, reason)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        lazy.question = "changed?"  # type: ignore[misc]


REASON = Reason("r", icclaw.Citation("Rome Statute", "art. 12(2)(b)"))


def test_a_deferred_findings_text_is_built_once_when_first_read() -> None:
    calls: list[int] = []

    def text() -> tuple[str, tuple[Reason, ...], tuple[str, ...]]:
        calls.append(1)
        return "q?", (REASON,), ("x",)

    f = deferred(text, None, missing=("event.nationality",))
    assert (f.holds, f.value, f.missing) == (None, None, ("event.nationality",))
    assert f.decided is False
    assert calls == []  # the answer is read without the text
    with pytest.raises(Indeterminate, match=r"event\.nationality"):
        bool(f)
    assert calls == [1]
    assert f == Finding(
        "q?", None, reasons=[REASON], missing=["event.nationality"], qualifiers=["x"]
    )
    assert f.explain().startswith("q? UNDETERMINED")
    assert f.to_dict()["reasons"] == [REASON.to_dict()]
    assert f.citations == (REASON.citation,)
    assert calls == [1]
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        f.nonsense  # type: ignore[attr-defined]  # noqa: B018


@pytest.mark.parametrize("holds", [True, False, None])
def test_made_and_deferred_check_the_answer_as_the_constructor_does(holds: bool | None) -> None:
    wrong = () if holds is None else ("event.nationality",)
    for make in (
        lambda: Finding("q?", holds, missing=wrong),
        lambda: made("q?", holds, missing=wrong),
        lambda: deferred(lambda: ("q?", (), ()), holds, missing=wrong),
    ):
        with pytest.raises(ValueError, match="must name" if holds is None else "cannot have"):
            make()
    right = ("event.nationality",) if holds is None else ()
    assert made("q?", holds, reasons=(REASON,), missing=right) == Finding(
        "q?", holds, reasons=[REASON], missing=right
    )


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    write_fixture()
