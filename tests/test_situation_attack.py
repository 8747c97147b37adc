"""Corrupted situation files: each is refused with one DataError, or read exactly as written.

Every example situation file, and one base using every field of the format, is parsed, changed
once the way a careless or hostile editor would, written back as TOML or as JSON and read with
:func:`icclaw.load_situation`. The properties:

* it returns a :class:`~icclaw.Situation` or raises :class:`~icclaw.DataError` — never another
  exception; a DataError names the file and its report is bounded (lines, line length);
* a value's type changed, an unknown key, a required key deleted, an entry duplicated, a
  reference broken, a period ending before it starts, an array of tables (or a table) replaced
  by something else, a JSON key given twice, invalid UTF-8 or nesting too deep: refused —
  nothing is coerced or ignored;
* a value changed to another of its type, or an optional key deleted: refused, or the situation
  read differs from the original — nothing is dropped silently.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import re
import tempfile
import tomllib
from pathlib import Path
from typing import Any, Literal

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import icclaw
from icclaw import DataError, Intensity, Organisation

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "situations"

EVERY_FIELD = """
schema = 1
name = "Every field of the format"
source = { kind = "assumption", title = "A what-if question", reference = "Q-1", date = 2020-01-02 }

[sources.report]
kind = "secondary"
title = "A report"
url = "https://example.org/report"
date = 2020-03-04

[sources.page]
kind = "official-page"
title = "An official page"
reference = "C.N.1.2020"

[[state]]
code = "COD"

[[state]]
code = "UGA"

[[state]]
code = "RWA"

[[state]]
code = "ZAR"

[[succession]]
predecessor = "ZAR"
successor = "COD"
on = 1997-05-17
source = "page"

[[group]]
name = "Front A"
liberation_movement = true
source = "report"
[group.organisation]
command_structure = true
discipline = false
operations = true
logistics = true
territorial_control = false
negotiation = true
ihl_capacity = false
[group.organisation.sources]
command_structure = "report"
discipline = { kind = "secondary", title = "A book" }

[[group]]
name = "Front B"

[[hostilities]]
a = "Front A"
b = "COD"
start = 2001-01-01
end = 2001-12-31
concluded = true
territory = "COD"
area = "north"
source = "page"
[hostilities.intensity]
protracted = true
clashes = true
heavy_weapons = false
forces_deployed = true
casualties = true
destruction = false
displacement = true
security_council = false
ceasefire_attempts = true
asserted = true
[hostilities.intensity.sources]
asserted = "report"

[[hostilities]]
a = "Front B"
b = "Front A"
start = 2002-01-01
territory = "COD"
source = { kind = "secondary", title = "A news report", url = "https://example.org/news" }

[[control]]
state = "UGA"
group = "Front A"
level = "overall"
start = 2001-01-01
end = 2001-06-30
source = "report"

[[control]]
state = "UGA"
group = "Front A"
level = "unknown"
start = 2001-07-01

[[consent]]
territorial_state = "COD"
foreign_state = "UGA"
start = 2001-02-01
end = 2001-03-01
source = "page"

[[territory]]
name = "Ituri"
source = "page"
[[territory.holding]]
state = "COD"
role = "sovereign"
start = 1960-06-30
source = "report"
[[territory.holding]]
state = "UGA"
role = "claims"
start = 2001-01-01
end = 2001-12-31

[[hostilities]]
a = "UGA"
b = "Front B"
start = 2001-03-02
end = 2001-04-30
territory = "Ituri"
[hostilities.conclusion]
on = 2001-05-01
kind = "armistice"
source = "page"

[[occupation]]
occupant = "UGA"
territory = "Ituri"
start = 2001-03-02
effective_control = "partial"
source = "report"
[occupation.conclusion]
on = 2003-05-06
kind = "withdrawal"
source = "page"

[[occupation]]
occupant = "RWA"
territory = "COD"
start = 2001-05-01
effective_control = false
area = "east"
through = "Front B"
source = "report"
"""

BASES: dict[str, dict[str, Any]] = {
    path.stem: tomllib.loads(path.read_text(encoding="utf-8"))
    for path in sorted(EXAMPLES.glob("*.toml"))
}
BASES["every-field"] = tomllib.loads(EVERY_FIELD)
NAMES = sorted(BASES)
Form = Literal["toml", "json"]
FORMS: tuple[Form, ...] = ("toml", "json")

ARRAYS = (
    "state",
    "group",
    "territory",
    "succession",
    "hostilities",
    "control",
    "consent",
    "occupation",
)
INDICATOR_TABLES = ("organisation", "intensity")
DATES = ("start", "end", "date")
REQUIRED = {
    "top": {"schema", "name"},
    "state": {"code"},
    "group": {"name"},
    "hostilities": {"a", "b", "start", "territory"},
    "control": {"state", "group", "level", "start"},
    "consent": {"territorial_state", "foreign_state", "start"},
    "occupation": {"occupant", "territory", "start"},
    "source": {"kind", "title"},
    "territory": {"name"},
    "holding": {"state", "role", "start"},
    "conclusion": {"on", "kind", "source"},
    "succession": {"predecessor", "successor", "on"},
}
KNOWN = {
    *REQUIRED["top"],
    *ARRAYS,
    *(key for keys in REQUIRED.values() for key in keys),
    *("source", "sources", "organisation", "liberation_movement", "end", "concluded"),
    *("conclusion", "on", "holding", "role", "predecessor", "successor"),
    *("intensity", "area", "effective_control", "through", "url", "reference", "date"),
    *("asserted", *Organisation.INDICATORS, *Intensity.INDICATORS),
}
ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

Where = tuple[str | int, ...]

SUPPRESS = settings(
    suppress_health_check=[
        *settings().suppress_health_check,
        HealthCheck.function_scoped_fixture,
        HealthCheck.filter_too_much,
        HealthCheck.too_slow,
    ]
)


# --- documents ----------------------------------------------------------------------------------


def _json_default(value: object) -> str:
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def render(doc: dict[str, Any], form: Form) -> bytes:
    """The document as a TOML or JSON file (in JSON, dates and times as ISO strings)."""
    if form == "json":
        return json.dumps(doc, default=_json_default, ensure_ascii=False, indent=1).encode()
    return tomli_w.dumps(doc).encode()


@functools.cache
def original(name: str) -> icclaw.Situation:
    """The base situation as read from its TOML rendering."""
    with tempfile.TemporaryDirectory(prefix="icclaw-situation-") as folder:
        file = Path(folder) / "base.toml"
        file.write_bytes(render(BASES[name], "toml"))
        return icclaw.load_situation(file)


def nodes(doc: dict[str, Any]) -> list[tuple[Where, Any]]:
    """Every value below the top level, with its path of keys and indices."""
    out: list[tuple[Where, Any]] = []
    stack: list[tuple[Where, Any]] = [((), doc)]
    while stack:
        where, value = stack.pop()
        if where:
            out.append((where, value))
        if isinstance(value, dict):
            stack.extend(((*where, k), v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*where, i), v) for i, v in reversed(list(enumerate(value))))
    return out


def table_kind(where: Where) -> str:
    """What the table at ``where`` is: top, an array's entry, a source, an indicator table..."""
    if not where:
        return "top"
    last = where[-1]
    if isinstance(last, int):
        return str(where[-2])
    if where == ("sources",):
        return "sources"
    if len(where) == 2 and where[0] == "sources":
        return "source"
    if last in INDICATOR_TABLES or last == "conclusion":
        return str(last)
    if last == "sources":
        return "indicator-sources"
    if last == "source" or (len(where) >= 2 and where[-2] == "sources"):
        return "source"
    return "?"


def parent(doc: dict[str, Any], where: Where) -> Any:
    node: Any = doc
    for key in where[:-1]:
        node = node[key]
    return node


def put(doc: dict[str, Any], where: Where, value: object) -> None:
    parent(doc, where)[where[-1]] = value


def is_reference_or_source(where: Where) -> bool:
    """A field that may be a source key (a string) or an inline source (a table)."""
    return where[-1] == "source" or (
        len(where) >= 3 and where[-2] == "sources" and where[-3] in INDICATOR_TABLES
    )


def declared(doc: dict[str, Any], where: Where) -> set[str] | None:
    """The names a reference at ``where`` may take; ``None`` if it is not a reference."""
    states = {e.get("code") for e in doc.get("state", []) if isinstance(e, dict)}
    groups = {e.get("name") for e in doc.get("group", []) if isinstance(e, dict)}
    sources = set(doc.get("sources", {}))
    if len(where) == 3 and isinstance(where[1], int):
        table, _, key = where
        if table == "hostilities" and key in ("a", "b"):
            return {str(x) for x in states | groups}
        if (table, key) in (
            ("control", "state"),
            ("succession", "predecessor"),
            ("succession", "successor"),
        ):
            return {str(x) for x in states}
        if (table, key) in (("control", "group"), ("occupation", "through")):
            return {str(x) for x in groups}
    if is_reference_or_source(where):
        return sources
    return None


# --- values -------------------------------------------------------------------------------------

TEXT = st.text(max_size=12)
CLASSES: dict[str, st.SearchStrategy[Any]] = {
    "bool": st.booleans(),
    "int": st.integers(),
    "float": st.floats(),
    "str": TEXT,
    "date": st.dates(),
    "datetime": st.datetimes(),
    "time": st.times(),
    "list": st.lists(TEXT | st.integers(), max_size=3),
    "dict": st.dictionaries(TEXT, TEXT | st.integers(), max_size=3),
    "null": st.none(),
}
BAD_DATES = st.sampled_from(
    ["20140430", "2014-W18-3", "2014-04-30T00:00:00", "2014-4-30", " 2014-04-30", "2014-02-30"]
)


def value_class(value: object, form: Form, *, date_field: bool) -> str:
    """The class of a value as the file holds it (in JSON a date is a YYYY-MM-DD string)."""
    if form == "json" and isinstance(value, dt.date | dt.time):
        value = value.isoformat()
    if form == "json" and date_field and isinstance(value, str):
        try:
            ok = ISO.fullmatch(value) is not None and bool(dt.date.fromisoformat(value))
        except ValueError:
            ok = False
        return "date" if ok else "str"
    for name, kinds in (
        ("bool", bool),
        ("int", int),
        ("float", float),
        ("str", str),
        ("datetime", dt.datetime),
        ("date", dt.date),
        ("time", dt.time),
        ("list", list),
        ("dict", dict),
    ):
        if isinstance(value, kinds):
            return name
    return "null"


def form_classes(form: Form) -> list[str]:
    if form == "json":
        return ["bool", "int", "float", "str", "date", "list", "dict", "null"]
    return ["bool", "int", "float", "str", "date", "datetime", "time", "list", "dict"]


def draw_of_class(data: st.DataObject, name: str, form: Form, *, date_field: bool) -> Any:
    if form == "json" and name == "str" and date_field:
        return data.draw(
            BAD_DATES | TEXT.filter(lambda s: value_class(s, form, date_field=True) == "str")
        )
    return data.draw(CLASSES[name])


# --- the property -------------------------------------------------------------------------------


def check(file: Path, expect: Literal["error", "differs", "any"], base: str, what: str) -> None:
    """Read ``file``: a Situation or a bounded DataError naming it, as ``expect`` requires."""
    try:
        got: icclaw.Situation | DataError = icclaw.load_situation(file)
    except DataError as exc:
        got = exc
    if isinstance(got, DataError):
        text = str(got)
        lines = text.splitlines()
        assert len(lines) <= 22, text
        assert all(len(line) <= 410 for line in lines), text
        assert str(file) in text
        assert all(p.file == str(file) for p in got.problems), got.problems
        return
    assert expect != "error", f"{base}: {what} was accepted"
    if expect == "differs":
        assert got != original(base), f"{base}: {what} was dropped"


def write(tmp_path: Path, data: bytes, form: Form) -> Path:
    file = tmp_path / f"situation.{form}"
    file.write_bytes(data)
    return file


BASE = st.sampled_from(NAMES)
FORM = st.sampled_from(FORMS)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("form", FORMS)
def test_every_base_reads_the_same_in_both_forms(tmp_path: Path, name: str, form: Form) -> None:
    assert icclaw.load_situation(write(tmp_path, render(BASES[name], form), form)) == original(name)
    if name != "every-field":
        assert icclaw.load_situation(EXAMPLES / f"{name}.toml") == original(name)


@SUPPRESS
@given(BASE, FORM, st.data())
def test_a_value_of_another_type_is_refused(
    tmp_path: Path, name: str, form: Form, data: st.DataObject
) -> None:
    doc = copy.deepcopy(BASES[name])
    leaves = [(w, v) for w, v in nodes(doc) if not isinstance(v, dict | list)]
    where, value = data.draw(st.sampled_from(leaves))
    date_field = where[-1] in DATES
    allowed = {value_class(value, form, date_field=date_field)}
    if is_reference_or_source(where):
        allowed |= {"str", "dict"}
    if where[-1] == "effective_control":  # true, false or "partial"
        allowed |= {"bool", "str"}
    others = [c for c in form_classes(form) if c not in allowed]
    if form == "json" and not date_field:  # a JSON date is a string: not another type here
        others.remove("date")
    cls = data.draw(st.sampled_from(others))
    new = draw_of_class(data, cls, form, date_field=date_field)
    if form == "toml" and new is None:
        return
    put(doc, where, new)
    check(write(tmp_path, render(doc, form), form), "error", name, f"{where} = {new!r}")


@SUPPRESS
@given(BASE, FORM, st.data())
def test_a_value_changed_within_its_type_shows(
    tmp_path: Path, name: str, form: Form, data: st.DataObject
) -> None:
    doc = copy.deepcopy(BASES[name])
    leaves = [(w, v) for w, v in nodes(doc) if not isinstance(v, dict | list)]
    where, value = data.draw(st.sampled_from(leaves))
    if isinstance(value, bool):
        new: Any = not value
    elif isinstance(value, int):
        new = data.draw(st.integers().filter(lambda n: n != value))
    elif isinstance(value, dt.date):
        new = data.draw(st.dates().filter(lambda d: d != value))
    else:
        others = sorted({v for _, v in nodes(doc) if isinstance(v, str) and v != value})
        variants = [value + " ", " " + value, value.lower(), value.upper(), value[:-1], *others]
        new = data.draw(
            (st.sampled_from(variants) | TEXT).filter(lambda s: s != value),
        )
    put(doc, where, new)
    check(write(tmp_path, render(doc, form), form), "differs", name, f"{where} = {new!r}")


@SUPPRESS
@given(BASE, FORM, st.data())
def test_a_deleted_key_is_refused_when_required_and_shows_otherwise(
    tmp_path: Path, name: str, form: Form, data: st.DataObject
) -> None:
    doc = copy.deepcopy(BASES[name])
    where, _ = data.draw(st.sampled_from(nodes(doc)))
    del parent(doc, where)[where[-1]]
    required = where[-1] in REQUIRED.get(table_kind(where[:-1]), set())
    named_source = len(where) == 2 and where[0] == "sources"  # cited by some fact
    expect: Literal["error", "differs"] = "error" if required or named_source else "differs"
    check(write(tmp_path, render(doc, form), form), expect, name, f"deleting {where}")


@SUPPRESS
@given(BASE, FORM, st.data())
def test_an_unknown_key_is_refused_at_every_level(
    tmp_path: Path, name: str, form: Form, data: st.DataObject
) -> None:
    doc = copy.deepcopy(BASES[name])
    tables: list[tuple[Where, Any]] = [((), doc)]
    tables += [(w, v) for w, v in nodes(doc) if isinstance(v, dict)]
    where, table = data.draw(st.sampled_from(tables))
    key = data.draw(
        st.sampled_from(["unknown", "Start", "code ", "asserted_", ""]) | TEXT
        if where != ("sources",)
        else TEXT,
    )
    if key in KNOWN or key in table:
        return
    cls = data.draw(st.sampled_from([c for c in form_classes(form) if c != "null"]))
    table[key] = draw_of_class(data, cls, form, date_field=False)
    check(write(tmp_path, render(doc, form), form), "error", name, f"{key!r} in {where}")


@SUPPRESS
@given(BASE, FORM, st.data())
def test_a_duplicated_entry_is_refused(
    tmp_path: Path, name: str, form: Form, data: st.DataObject
) -> None:
    doc = copy.deepcopy(BASES[name])
    arrays = [a for a in ARRAYS if doc.get(a)]
    array = data.draw(st.sampled_from(arrays))
    i = data.draw(st.integers(0, len(doc[array]) - 1))
    at = data.draw(st.integers(0, len(doc[array])))
    doc[array].insert(at, copy.deepcopy(doc[array][i]))
    check(write(tmp_path, render(doc, form), form), "error", name, f"{array} {i + 1} twice")


@SUPPRESS
@given(BASE, FORM, st.data())
def test_a_broken_reference_is_refused(
    tmp_path: Path, name: str, form: Form, data: st.DataObject
) -> None:
    doc = copy.deepcopy(BASES[name])
    refs = [
        (w, v, names)
        for w, v in nodes(doc)
        if isinstance(v, str) and (names := declared(doc, w)) is not None
    ]
    where, value, names = data.draw(st.sampled_from(refs))
    variants = [value.lower(), value.upper(), value + " ", " " + value, value[:-1], "ZZZ"]
    new = data.draw((st.sampled_from(variants) | TEXT).filter(lambda s: s not in names))
    put(doc, where, new)
    check(write(tmp_path, render(doc, form), form), "error", name, f"{where} = {new!r}")


@SUPPRESS
@given(BASE, FORM, st.data())
def test_a_period_ending_before_it_starts_is_refused(
    tmp_path: Path, name: str, form: Form, data: st.DataObject
) -> None:
    doc = copy.deepcopy(BASES[name])
    dated = [(a, i) for a in ARRAYS for i, e in enumerate(doc.get(a, [])) if "start" in e]
    array, i = data.draw(st.sampled_from(dated))
    entry = doc[array][i]
    entry["end"] = entry["start"] - dt.timedelta(days=data.draw(st.integers(1, 3650)))
    check(write(tmp_path, render(doc, form), form), "error", name, f"{array} {i + 1} backwards")


@SUPPRESS
@given(BASE, FORM, st.data())
def test_a_table_or_array_of_tables_replaced_by_something_else_is_refused(
    tmp_path: Path, name: str, form: Form, data: st.DataObject
) -> None:
    doc = copy.deepcopy(BASES[name])
    containers = [(w, v) for w, v in nodes(doc) if isinstance(v, dict | list)]
    where, value = data.draw(st.sampled_from(containers))
    if isinstance(value, list):
        choices = [value[0] if value else {}, {}, "x", 1, True]
    else:
        choices = [[value], [], 1, True, 1.5, dt.date(2001, 1, 1)]
        if not is_reference_or_source(where):
            choices.append("x")
    new = data.draw(st.sampled_from(choices))
    put(doc, where, copy.deepcopy(new))
    check(write(tmp_path, render(doc, form), form), "error", name, f"{where} = {new!r}")


@SUPPRESS
@given(BASE, FORM, st.data())
def test_a_truncated_file_is_refused_or_read(
    tmp_path: Path, name: str, form: Form, data: st.DataObject
) -> None:
    raw = render(BASES[name], form)
    cut = data.draw(st.integers(0, len(raw) - 1))
    check(write(tmp_path, raw[:cut], form), "any", name, f"cut at byte {cut}")


@SUPPRESS
@given(BASE, FORM, st.binary(min_size=1, max_size=16), st.data())
def test_random_bytes_never_raise_anything_but_a_data_error(
    tmp_path: Path, name: str, form: Form, junk: bytes, data: st.DataObject
) -> None:
    raw = render(BASES[name], form)
    at = data.draw(st.integers(0, len(raw)))
    check(write(tmp_path, raw[:at] + junk + raw[at:], form), "any", name, f"{junk!r} at {at}")


@SUPPRESS
@given(
    BASE,
    FORM,
    st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf8\x88\x80\x80"]),
    st.data(),
)
def test_invalid_utf8_is_refused(
    tmp_path: Path, name: str, form: Form, junk: bytes, data: st.DataObject
) -> None:
    raw = render(BASES[name], form)
    at = data.draw(st.integers(0, len(raw)))
    check(write(tmp_path, raw[:at] + junk + raw[at:], form), "error", name, f"{junk!r} at {at}")


@SUPPRESS
@given(BASE, FORM, st.integers(2, 1000), st.sampled_from(["array", "table", "header"]))
def test_deep_nesting_is_refused(
    tmp_path: Path, name: str, form: Form, depth: int, how: str
) -> None:
    raw = render(BASES[name], form).decode()
    if form == "json":
        deep = {"array": "[" * depth + "]" * depth, "table": '{"a":' * depth + "1" + "}" * depth}
        text = '{"deep": ' + deep.get(how, deep["table"]) + ", " + raw.lstrip()[1:]
    elif how == "header":
        text = raw + "\n[" + ".".join(["a"] * depth) + "]\nx = 1\n"
    else:
        deep = {"array": "[" * depth + "]" * depth, "table": "{a = " * depth + "1" + "}" * depth}
        text = "deep = " + deep[how] + "\n" + raw
    check(write(tmp_path, text.encode(), form), "error", name, f"{how} {depth} deep")


class _Pairs(dict[str, Any]):
    """A JSON object written with the pairs given, a key repeated among them if need be."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        self.pairs = pairs

    def items(self) -> Any:
        return self.pairs


@SUPPRESS
@given(BASE, st.data())
def test_a_json_key_given_twice_is_refused(tmp_path: Path, name: str, data: st.DataObject) -> None:
    doc = copy.deepcopy(BASES[name])
    tables: list[tuple[Where, Any]] = [((), doc)]
    tables += [(w, v) for w, v in nodes(doc) if isinstance(v, dict) and v]
    where, table = data.draw(st.sampled_from(tables))
    key = data.draw(st.sampled_from(sorted(table)))
    again = data.draw(st.sampled_from([table[key], copy.deepcopy(table[key]), "x", 1]))
    pairs = [*table.items(), (key, again)]
    repeated = _Pairs(data.draw(st.permutations(pairs)))
    if where:
        put(doc, where, repeated)
    else:
        doc = repeated
    file = write(tmp_path, render(doc, "json"), "json")
    check(file, "error", name, f"{key!r} twice in {where}")
