"""Corrupted record folders: every one is refused with one DataError, or read exactly as written.

A record folder is built from a part of the embedded record (its states, the Court's facts, the
Rome Statute and its amendments, Geneva Convention IV, Additional Protocol I, the CCW and a CCW
Protocol that requires it). Each example changes one file the way a careless or hostile editor
would, re-seals the folder (as ``icclaw record seal`` does, so that the schema, not the seal, is
what is tested) and loads it. The properties:

* ``load`` returns a record or raises :class:`~icclaw.DataError` naming the file — never
  another exception; the report is bounded;
* a change of a value's type, an unknown key, a missing required key, a duplicated entry or an
  array of tables replaced by something else is refused: nothing is coerced or ignored;
* a value changed to another of its type is refused or shows in the record's digest: nothing
  is dropped silently.

Without re-sealing, any change of a sealed file's bytes is refused, naming the file.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import icclaw
from icclaw.data import loader

EMBEDDED = loader.EMBEDDED
TREATIES = (
    "rome-statute",
    "kampala-aggression-amendment",
    "rome-statute-art124-amendment",
    "rome-statute-art8-amendment-2010",
    "geneva-convention-iv",
    "additional-protocol-i",
    "ccw",
    "ccw-amendment-2001",
    "ccw-protocol-i",
)
FILES = (
    "record.toml",
    "states.toml",
    "icc/declarations.toml",
    "icc/security-council.toml",
    "icc/situations.toml",
    "ihl/declarations.toml",
    *(f"treaties/{slug}.toml" for slug in TREATIES),
)


def _build_base() -> Path:
    base = Path(tempfile.mkdtemp(prefix="icclaw-attack-"))
    for name in FILES:
        target = base / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(EMBEDDED / name, target)
    loader.seal_folder(base)
    return base


BASE = _build_base()
BASE_RECORD = icclaw.load(BASE)
DOCS = {name: tomllib.loads((BASE / name).read_text(encoding="utf-8")) for name in FILES}


# --- paths into a document ----------------------------------------------------------------------

Path_ = tuple[str | int, ...]


def _paths(doc: Any, prefix: Path_ = ()) -> list[Path_]:
    """Every path to a value in ``doc`` (tables and arrays included), depth first."""
    out: list[Path_] = []
    if isinstance(doc, dict):
        for key, value in doc.items():
            out.append((*prefix, key))
            out.extend(_paths(value, (*prefix, key)))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            out.append((*prefix, i))
            out.extend(_paths(value, (*prefix, i)))
    return out


def _get(doc: Any, path: Path_) -> Any:
    for step in path:
        doc = doc[step]
    return doc


def _copy(doc: Any) -> Any:
    return tomllib.loads(tomli_w.dumps(doc))


def _other_type(value: Any) -> list[Any]:
    """Values of another TOML type than ``value``'s (never equal to it in Python either)."""
    options: list[Any] = ["true", 1.5, [1, 2], {"x": 1}, dt.date(2001, 1, 1), True, 7]
    if isinstance(value, bool):
        return ["true", "false", 1, 0, 1.0]
    if isinstance(value, int):
        return [float(value), str(value), True, [value]]
    if isinstance(value, str):
        return [1, True, [value], {"value": value}, 1.5]
    if isinstance(value, dt.date):
        return [value.isoformat(), 20010101, dt.datetime(value.year, value.month, value.day, 12)]
    if isinstance(value, list):
        return ["x", 1, {"x": 1}] if value and isinstance(value[0], dict) else ["x", 1, True]
    if isinstance(value, dict):
        return ["x", 1, [1, 2]]
    return options


def _same_type(value: Any) -> list[Any]:
    """Other values of ``value``'s type."""
    if isinstance(value, bool):
        return [not value]
    if isinstance(value, int):
        return [value + 1, value + 30]
    if isinstance(value, str):
        return [value + "x", value[:-1] if len(value) > 1 else value + "y"]
    if isinstance(value, dt.date):
        return [value + dt.timedelta(days=1), value - dt.timedelta(days=400)]
    return []


# --- mutations ----------------------------------------------------------------------------------

KINDS = ("type", "unknown-key", "drop", "duplicate", "not-an-array", "same-type")


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, str, Path_, dict[str, Any]]:
    """A file, the kind of change, where, and the changed document."""
    name = draw(st.sampled_from(FILES))
    kind = draw(st.sampled_from(KINDS))
    doc = _copy(DOCS[name])
    doc.pop("files", None)  # record.toml's seal: written afresh by sealing
    paths = _paths(doc)
    if kind == "unknown-key":
        tables = [p for p in [(), *paths] if isinstance(_get(doc, p), dict)]
        where = draw(st.sampled_from(tables))
        _get(doc, where)["zz_unknown"] = draw(st.sampled_from([1, "x", True]))
        return name, kind, where, doc
    if kind == "duplicate":
        arrays = [p for p in paths if isinstance(_get(doc, p), list) and _get(doc, p)]
        arrays = [p for p in arrays if isinstance(_get(doc, p)[0], dict)]
        assume(arrays)
        where = draw(st.sampled_from(arrays))
        items = _get(doc, where)
        i = draw(st.integers(0, len(items) - 1))
        items.insert(i, _copy({"x": items[i]})["x"])
        return name, kind, where, doc
    if kind == "not-an-array":
        arrays = [p for p in paths if isinstance(_get(doc, p), list) and _get(doc, p)]
        arrays = [p for p in arrays if isinstance(_get(doc, p)[0], dict)]
        assume(arrays)
        where = draw(st.sampled_from(arrays))
        _get(doc, where[:-1])[where[-1]] = draw(st.sampled_from([{"x": 1}, "x", 3]))
        return name, kind, where, doc
    assume(paths)
    where = draw(st.sampled_from(paths))
    parent, key = _get(doc, where[:-1]), where[-1]
    if kind == "drop":
        if isinstance(parent, list):
            parent.pop(key)  # type: ignore[arg-type]
        else:
            del parent[key]
        return name, kind, where, doc
    value = parent[key]
    options = _other_type(value) if kind == "type" else _same_type(value)
    assume(options)
    parent[key] = draw(st.sampled_from(options))
    return name, kind, where, doc


def _folder_with(name: str, text: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="icclaw-case-"))
    shutil.copytree(BASE, folder, dirs_exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def _load(folder: Path) -> icclaw.Record | icclaw.DataError:
    try:
        return icclaw.load(folder)
    except icclaw.DataError as exc:
        return exc
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _bounded(exc: icclaw.DataError) -> None:
    lines = str(exc).splitlines()
    assert len(lines) <= 22
    assert all(len(line) <= 400 for line in lines)


SLOW = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@SLOW
@given(mutations())
def test_a_corrupted_file_is_refused_or_read_exactly_as_written(
    case: tuple[str, str, Path_, dict[str, Any]],
) -> None:
    name, kind, where, doc = case
    folder = _folder_with(name, tomli_w.dumps(doc))
    try:
        loader.seal_folder(folder)
    except icclaw.DataError as exc:  # sealing reads every file: it may refuse first
        shutil.rmtree(folder, ignore_errors=True)
        _bounded(exc)
        return
    result = _load(folder)
    if isinstance(result, icclaw.DataError):
        _bounded(result)
        if kind in ("type", "unknown-key", "not-an-array"):  # the fault is the file's own
            assert any(p.file.endswith(name) for p in result.problems), (name, result.problems)
        return
    assert kind not in ("type", "unknown-key", "duplicate", "not-an-array"), (
        f"{name}: {kind} at {where} was accepted"
    )
    if kind == "same-type":
        assert result.digest != BASE_RECORD.digest, f"{name}: the change at {where} was dropped"


@SLOW
@given(st.sampled_from(FILES), st.data())
def test_a_sealed_file_changed_without_resealing_is_refused(name: str, data: st.DataObject) -> None:
    raw = (BASE / name).read_bytes()
    how = data.draw(st.sampled_from(["truncate", "prepend", "flip"]))
    if how == "truncate":  # cutting only the final line break changes nothing: not counted
        cut = data.draw(st.integers(0, len(raw.rstrip(b"\n")) - 1))
        new = raw[:cut]
    elif how == "prepend":
        new = b"# a comment\n" + raw
    else:
        i = data.draw(st.integers(0, len(raw) - 1))
        new = raw[:i] + bytes([raw[i] ^ 0x20]) + raw[i + 1 :]
    assume(new != raw)
    folder = Path(tempfile.mkdtemp(prefix="icclaw-case-"))
    shutil.copytree(BASE, folder, dirs_exist_ok=True)
    (folder / name).write_bytes(new)
    result = _load(folder)
    assert isinstance(result, icclaw.DataError), (name, how)
    _bounded(result)
    if name != "record.toml":  # a change to the seal itself is reported as the file it names
        assert any(p.file.endswith(name) for p in result.problems)


@SLOW
@given(st.sampled_from(FILES), st.binary(min_size=1, max_size=64), st.data())
def test_random_bytes_in_a_file_never_raise_anything_but_a_data_error(
    name: str, junk: bytes, data: st.DataObject
) -> None:
    raw = (BASE / name).read_bytes()
    at = data.draw(st.integers(0, len(raw)))
    folder = Path(tempfile.mkdtemp(prefix="icclaw-case-"))
    shutil.copytree(BASE, folder, dirs_exist_ok=True)
    (folder / name).write_bytes(raw[:at] + junk + raw[at:])
    try:
        loader.seal_folder(folder)
    except icclaw.DataError as exc:  # sealing reads the files too: the same one error
        _bounded(exc)
        shutil.rmtree(folder, ignore_errors=True)
        return
    result = _load(folder)
    if isinstance(result, icclaw.DataError):
        _bounded(result)


def test_the_base_folder_loads() -> None:
    assert len(BASE_RECORD.treaties) == len(TREATIES)


@pytest.mark.parametrize("name", FILES)
def test_a_file_replaced_by_a_directory_is_one_problem(name: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix="icclaw-case-"))
    shutil.copytree(BASE, folder, dirs_exist_ok=True)
    (folder / name).unlink()
    (folder / name).mkdir()
    result = _load(folder)
    assert isinstance(result, icclaw.DataError)
    assert any(p.file.endswith(name) and "directory" in p.message for p in result.problems)


# --- the cases of the issue, one by one -------------------------------------------------------


def _edited(name: str, edit: Any, *, reseal: bool = True) -> icclaw.Record | icclaw.DataError:
    """Load the base folder with ``edit`` applied to the text of ``name`` (re-sealed)."""
    folder = Path(tempfile.mkdtemp(prefix="icclaw-case-"))
    shutil.copytree(BASE, folder, dirs_exist_ok=True)
    file = folder / name
    file.write_text(edit(file.read_text(encoding="utf-8")), encoding="utf-8")
    if reseal:
        loader.seal_folder(folder)
    return _load(folder)


def _refused(result: icclaw.Record | icclaw.DataError, *words: str) -> None:
    assert isinstance(result, icclaw.DataError)
    assert any(all(w in str(p) for w in words) for p in result.problems), result.problems


def test_a_string_for_a_boolean_is_refused() -> None:
    """``partial = "false"`` once loaded as true and made India's status undetermined."""
    result = _edited(
        "treaties/rome-statute.toml",
        lambda t: t.replace('slug = "rome-statute"', 'slug = "rome-statute"\npartial = "false"'),
    )
    _refused(result, "rome-statute.toml", "'partial' must be true or false")


def test_an_act_of_a_state_that_had_ceased_to_exist_is_refused() -> None:
    """A 2010 accession by the USSR (ended 1991-12-25) once made it a party in 2015."""
    act = '\n[[action]]\nstate = "SUN"\nkind = "accession"\ndate = 2010-01-01\nsource = {kind = "secondary", title = "t"}\n'
    result = _edited("treaties/geneva-convention-iv.toml", lambda t: t + act)
    _refused(result, "geneva-convention-iv.toml", "SUN accession 2010-01-01", "ceased to exist")


def test_a_file_cut_off_after_an_action_is_refused_unless_resealed() -> None:
    """Cut after an action, the Rome Statute file once loaded with 13 parties instead of 125."""

    def cut(text: str) -> str:
        at = text.index("[[action]]", len(text) // 3)
        return text[:at]

    _refused(
        _edited("treaties/rome-statute.toml", cut, reseal=False), "rome-statute.toml", "sealed"
    )


@pytest.mark.parametrize(
    ("name", "edit", "words"),
    [
        ("record.toml", lambda t: t.replace("schema = 1", "schema = 1.0"), ("schema = 1.0",)),
        (
            "states.toml",
            lambda t: (
                t + '\n[[state]]\ncode = "FRA"\nname = "France again"\n'
                'category = "un-member"\nsource = "un-members"\n'
            ),
            ("FRA", "appears twice"),
        ),
        (
            "icc/declarations.toml",
            lambda t: "declaration = 5\n" + t.replace("[[declaration]]", "[[old]]"),
            ("declarations.toml", "must be an array of tables: [[declaration]]"),
        ),
        (
            "icc/situations.toml",
            lambda t: t.replace('security_council = "1593"', 'security_council = "9999"'),
            ("security_council '9999'", "no Council text"),
        ),
        (
            "treaties/rome-statute.toml",
            lambda t: t.replace('kind = "ratification"', "kind = []", 1),
            ("rome-statute.toml", "'kind' must be a string"),
        ),
    ],
)
def test_the_issues_other_cases_are_one_clear_problem_each(
    name: str, edit: Any, words: tuple[str, ...]
) -> None:
    _refused(_edited(name, edit), *words)
