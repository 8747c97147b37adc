"""Findings: yes, no or undetermined — never an unknown read as no."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import icclaw
from icclaw import Citation, Finding, Indeterminate, Policy, Reason, Source, SourceKind
from icclaw.findings import all_of

CITE = Citation("Rome Statute", "art. 12(2)(a)")
SRC = Source(SourceKind.OFFICIAL_PAGE, "A page", url="https://example.org")


def finding(holds: bool | None, tag: str = "x") -> Finding:
    return Finding(
        f"question {tag}?",
        holds,
        reasons=[Reason(f"reason {tag}", CITE, SRC)],
        missing=[f"event.{tag}"] if holds is None else [],
        qualifiers=[f"qualifier {tag}"],
    )


def test_bool_of_a_decided_finding_is_its_answer() -> None:
    assert bool(finding(True)) is True
    assert bool(finding(False)) is False


def test_bool_of_an_undetermined_finding_raises_naming_what_is_missing() -> None:
    with pytest.raises(Indeterminate, match=r"event\.x") as info:
        bool(finding(None))
    assert info.value.missing == ("event.x",)


def test_an_undetermined_finding_must_name_what_is_missing() -> None:
    with pytest.raises(ValueError, match="must name"):
        Finding("q?", None)
    with pytest.raises(ValueError, match="cannot have missing"):
        Finding("q?", True, missing=["event.nationality"])


@given(st.lists(st.sampled_from([True, False, None]), min_size=1, max_size=6))
def test_composition_any_no_decides_no_else_any_unknown_is_unknown_else_yes(
    answers: list[bool | None],
) -> None:
    checks = [finding(a, str(i)) for i, a in enumerate(answers)]
    out = all_of("composed?", checks)
    if False in answers:
        assert out.holds is False
    elif None in answers:
        assert out.holds is None
        assert set(out.missing) == {f"event.{i}" for i, a in enumerate(answers) if a is None}
    else:
        assert out.holds is True
    assert [r.text for r in out.reasons] == [f"reason {i}" for i in range(len(answers))]
    assert set(out.qualifiers) == {f"qualifier {i}" for i in range(len(answers))}


def test_to_dict_has_the_documented_schema_and_is_json() -> None:
    f = Finding(
        "q?",
        False,
        value="signatory",
        reasons=[Reason("r", CITE, SRC), Reason("s", CITE)],
        policy=Policy(),
    )
    d = f.to_dict()
    assert set(d) == {
        "schema",
        "question",
        "holds",
        "answer",
        "value",
        "reasons",
        "citations",
        "sources",
        "missing",
        "qualifiers",
        "policy",
        "on",
        "known_on",
        "as_of",
        "digest",
        "data_version",
    }
    assert d["citations"] == ["Rome Statute art. 12(2)(a)"]  # cited twice, listed once
    assert d["sources"] == [
        {"kind": "official-page", "title": "A page", "url": "https://example.org"}
    ]
    assert d["policy"] == icclaw.Policy().to_dict()
    assert d["policy"]["intent_date"] == "notification"
    assert json.loads(f.to_json()) == d


def test_explain_renders_answer_reasons_citations_and_sources() -> None:
    text = finding(None).explain()
    assert text.startswith("question x? UNDETERMINED")
    assert "reason x [Rome Statute art. 12(2)(a)] (source: A page, https://example.org)" in text
    assert "event.x" in text
    assert "qualifier x" in text


def test_a_citation_names_the_software_the_data_the_provisions_and_the_sources() -> None:
    """``Finding.cite()``: everything a reader needs to get the same answer from the same record
    and to check its facts at their sources."""
    rec = icclaw.load()
    finding = rec.explain_status("RUS", "rome-statute", "2016-12-01")
    text = finding.cite()
    assert text.splitlines()[0] == f"{finding.question} no (signature-withdrawn)."
    assert f"data {rec.version}, as of {rec.as_of}, digest {rec.digest}" in text
    assert f"Policy: {finding.policy}." in text
    assert "Provisions: Rome Statute art. 125(1)" in text
    for i, source in enumerate(finding.sources, 1):
        assert f"  [{i}] {source}." in text
    occupied = rec.occupied(icclaw.load_situation("ukraine-2022"), "UKR", "2022-06-01").cite()
    assert occupied.splitlines()[0].endswith("yes (['RUS']).")
    assert "  - in part only: Kherson" in occupied
    open_ = icclaw.Finding("q?", None, missing=("a fact",))
    assert open_.cite().splitlines()[0] == "q? undetermined (it turns on: a fact)."
    assert "none recorded" in open_.cite()


def test_the_citation_file_names_the_packages_version() -> None:
    """CITATION.cff and pyproject.toml give the same version (CI validates the file against the
    Citation File Format schema with cffconvert)."""
    import tomllib  # noqa: PLC0415

    root = Path(__file__).resolve().parent.parent
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = (root / "CITATION.cff").read_text(encoding="utf-8").splitlines()
    assert f"version: {project['version']}" in lines
    assert "cff-version: 1.2.0" in lines
