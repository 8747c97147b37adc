"""Build a :class:`~icclaw.record.Record` from a folder of TOML files, and write one back.

Layout of a record folder::

    record.toml          schema = 1, as_of = <date>, title = "..."
    states.toml          [[state]] entries (optional in a user's folder: the embedded
                         states table is used when it is absent)
    treaties/<slug>.toml [treaty] with its final clauses, [sources.KEY], [[action]] entries

Every problem in every file is collected and raised together as one
:class:`~icclaw.errors.DataError` naming the file, the entry and what is wrong.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

from icclaw.data.files import read_document
from icclaw.data.serial import (
    SCHEMA,
    Reader,
    action_out,
    fact_out,
    lists_out,
    read_fact,
    source_table_out,
    state_out,
    treaty_out,
)
from icclaw.errors import DataError, Problem, RecordError
from icclaw.icc.facts import CourtSituation, Declaration, Resolution
from icclaw.ihl.facts import IhlDeclaration

if TYPE_CHECKING:
    import os

    from icclaw.findings import Source
    from icclaw.record import Record
    from icclaw.states import State
    from icclaw.treaties import Action, Treaty

__all__ = ["COMPILED", "EMBEDDED", "compile_folder", "dump", "load", "sources_digest"]

EMBEDDED = Path(__file__).parent
"""The folder of the embedded record."""


COMPILED = EMBEDDED / "compiled.json"
"""The embedded record's TOML files, parsed, with the digest of the files they were parsed from.

A build artifact for speed only (``python -m icclaw.data.compile`` writes it; a test checks it is
fresh): JSON parses several times faster than TOML. Where it is missing or its digest does not
match the files, the files themselves are read, so it can make loading slower, never wrong.
"""

_Read = Callable[[Path, list[Problem]], "dict[str, Any] | None"]


@functools.cache
def _embedded() -> Record:
    return _load_folder(EMBEDDED, _compiled_reader(EMBEDDED, COMPILED) or _read_toml)


def sources_digest(folder: Path) -> str:
    """SHA-256 over the relative path and bytes of every TOML file under ``folder``, sorted."""
    h = hashlib.sha256()
    for file in sorted(folder.rglob("*.toml")):
        h.update(file.relative_to(folder).as_posix().encode())
        h.update(b"\0")
        h.update(file.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def compile_folder(folder: Path, out: Path) -> str:
    """Write the parsed TOML files of ``folder`` to ``out`` as JSON; return their digest."""
    docs = {}
    for file in sorted(folder.rglob("*.toml")):
        problems: list[Problem] = []
        raw = _read_toml(file, problems)
        if raw is None:
            raise DataError(problems)
        docs[file.relative_to(folder).as_posix()] = raw
    digest = sources_digest(folder)
    text = json.dumps(
        {"format": 1, "digest": digest, "files": docs},
        default=_json_date,
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    out.write_text(text + "\n", encoding="utf-8")
    return digest


def _json_date(value: object) -> dict[str, str]:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"$date": value.isoformat()}
    raise TypeError(f"not JSON-ready: {type(value).__name__}")  # only dates appear in TOML data


def _revive(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and "$date" in obj:
        return dt.date.fromisoformat(obj["$date"])
    return obj


def _compiled_reader(folder: Path, compiled_file: Path) -> _Read | None:
    """A reader serving the compiled documents, if ``compiled_file`` matches ``folder``'s files."""
    try:
        compiled = json.loads(compiled_file.read_text(encoding="utf-8"), object_hook=_revive)
    except (OSError, ValueError):
        return None
    if compiled.get("format") != 1 or compiled.get("digest") != sources_digest(folder):
        return None
    docs: dict[str, dict[str, Any]] = compiled["files"]

    def read(file: Path, problems: list[Problem]) -> dict[str, Any] | None:
        found = docs.get(file.relative_to(folder).as_posix())
        return found if found is not None else _read_toml(file, problems)

    return read


def load(path: str | os.PathLike[str] | None = None) -> Record:
    """Load a record.

    Args:
        path: A folder in the record format; ``None`` (the default) loads the embedded
            record, which is read once and cached.

    Returns:
        The record.

    Raises:
        DataError: listing every problem in every file (file, entry, what is wrong).
        FileNotFoundError: if ``path`` is not a folder holding ``record.toml``.
    """
    if path is None:
        return _embedded()
    return _load_folder(Path(path))


def _read_toml(file: Path, problems: list[Problem]) -> dict[str, Any] | None:
    return read_document(file, problems)


def _check_schema(raw: Mapping[str, Any], file: Path, problems: list[Problem]) -> None:
    schema = raw.get("schema")
    if schema != SCHEMA:
        problems.append(
            Problem(
                str(file), "schema", f"schema = {schema!r}; this icclaw reads schema = {SCHEMA}"
            )
        )


def _load_folder(folder: Path, read: _Read = _read_toml) -> Record:
    from icclaw.record import Record  # noqa: PLC0415  (the record imports nothing of the loader)

    meta_file = folder / "record.toml"
    if not meta_file.is_file():
        raise FileNotFoundError(
            f"{folder}: not a record folder (no record.toml); see the data format in the docs"
        )
    problems: list[Problem] = []
    meta = read(meta_file, problems) or {}
    if meta:
        _check_schema(meta, meta_file, problems)
        unknown = set(meta) - {"schema", "as_of", "title"}
        for key in sorted(unknown):
            problems.append(
                Problem(
                    str(meta_file),
                    "record",
                    f"unknown field '{key}'; allowed: schema, as_of, title",
                )
            )
    as_of = meta.get("as_of")
    if not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime):
        problems.append(
            Problem(
                str(meta_file),
                "record",
                "'as_of' must be a bare date: the day the record is complete up to",
            )
        )
        as_of = None

    states_file = folder / "states.toml"
    states: list[State] = []
    if states_file.is_file():
        states = _read_states(states_file, problems, read)
    else:
        states = list(_embedded().states)

    treaties: list[Treaty] = []
    actions: list[Action] = []
    treaty_dir = folder / "treaties"
    files = sorted(treaty_dir.glob("*.toml")) if treaty_dir.is_dir() else []
    for file in files:
        result = _read_treaty(file, problems, read)
        if result is not None:
            treaties.append(result[0])
            actions.extend(result[1])
    facts = {
        name: _read_facts(folder / f"{name}.toml", name, problems, read) for name in _FACT_FILES
    }
    if problems:
        raise DataError(problems)
    assert isinstance(as_of, dt.date)
    try:
        return Record(
            states=states,
            treaties=treaties,
            actions=actions,
            as_of=as_of,
            title=meta.get("title"),
            origin=str(folder),
            declarations=facts["icc/declarations"],
            resolutions=facts["icc/security-council"],
            situations=facts["icc/situations"],
            ihl_declarations=facts["ihl/declarations"],
        )
    except RecordError as exc:
        raise DataError(exc.problems) from None


_FACT_FILES: dict[str, tuple[str, type]] = {
    "icc/declarations": ("declaration", Declaration),
    "icc/security-council": ("resolution", Resolution),
    "icc/situations": ("situation", CourtSituation),
    "ihl/declarations": ("declaration", IhlDeclaration),
}
"""The files of the engines' other facts: path in the folder → (table name, fact class)."""


def _read_facts(file: Path, name: str, problems: list[Problem], read: _Read) -> list[Any]:
    if not file.is_file():
        return []
    raw = read(file, problems)
    if raw is None:
        return []
    _check_schema(raw, file, problems)
    table, cls = _FACT_FILES[name]
    reader = Reader(str(file))
    reader.named_sources(raw.get("sources"))
    for key in set(raw) - {"schema", "sources", table}:
        reader.problem(
            "file", f"unknown top-level field '{key}'; allowed: schema, sources, {table}"
        )
    entries = raw.get(table, [])
    out: list[Any] = []
    for i, entry in enumerate(entries if isinstance(entries, list) else []):
        label = f"{table} {i + 1}"
        if isinstance(entry, Mapping):
            label += (
                " ("
                + " ".join(
                    str(entry[k])
                    for k in ("state", "number", "symbol", "slug", "kind", "lodged")
                    if k in entry
                )
                + ")"
            )
        fact = read_fact(reader, cls, entry, label)
        if fact is not None:
            out.append(fact)
    problems.extend(reader.problems)
    return out


def _read_states(file: Path, problems: list[Problem], read: _Read) -> list[State]:
    raw = read(file, problems)
    if raw is None:
        return []
    _check_schema(raw, file, problems)
    reader = Reader(str(file))
    reader.named_sources(raw.get("sources"))
    for key in set(raw) - {"schema", "sources", "state"}:
        reader.problem("file", f"unknown top-level field '{key}'; allowed: schema, sources, state")
    out = [
        s
        for i, entry in enumerate(raw.get("state", []))
        if (s := reader.state(entry, i)) is not None
    ]
    problems.extend(reader.problems)
    return out


def _read_treaty(
    file: Path, problems: list[Problem], read: _Read
) -> tuple[Treaty, list[Action]] | None:
    raw = read(file, problems)
    if raw is None:
        return None
    _check_schema(raw, file, problems)
    reader = Reader(str(file))
    reader.named_sources(raw.get("sources"))
    for key in set(raw) - {"schema", "sources", "treaty", "action", "list"}:
        reader.problem(
            "file",
            f"unknown top-level field '{key}'; allowed: schema, sources, treaty, action, list",
        )
    treaty = reader.treaty(raw.get("treaty"))
    if treaty is not None and file.stem != treaty.slug:
        reader.problem("treaty", f"slug {treaty.slug!r} does not match the file name {file.name!r}")
    slug = treaty.slug if treaty is not None else file.stem
    entries = raw.get("action", [])
    if not isinstance(entries, list):
        reader.problem("action", "must be an array of tables: [[action]]")
        entries = []
    actions = [
        a for i, entry in enumerate(entries) if (a := reader.action(entry, i, slug)) is not None
    ]
    lists = raw.get("list", [])
    if not isinstance(lists, list):
        reader.problem("list", "must be an array of tables: [[list]]")
        lists = []
    for i, entry in enumerate(lists):
        actions.extend(reader.act_list(entry, i, slug))
    problems.extend(reader.problems)
    if treaty is None:
        return None
    return treaty, actions


def dump(record: Record, path: str | os.PathLike[str]) -> None:
    """Write ``record`` to the folder ``path`` in the format :func:`load` reads.

    Load → dump → load gives an equal record with the same digest. Comments in the original
    files are not kept; ``note`` fields are.

    Raises:
        FileExistsError: if ``path`` exists and is not an empty folder.
    """
    folder = Path(path)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FileExistsError(f"{folder}: refusing to write into a folder that is not empty")
    (folder / "treaties").mkdir(parents=True, exist_ok=True)
    meta: dict[str, Any] = {
        "schema": SCHEMA,
        "as_of": dt.date(record.as_of.year, record.as_of.month, record.as_of.day),
    }
    if record.title is not None:
        meta["title"] = record.title
    (folder / "record.toml").write_text(tomli_w.dumps(meta), encoding="utf-8")

    named: dict[str, Source] = {}
    states = [state_out(s, named) for s in record.states]
    (folder / "states.toml").write_text(_document(named, {"state": states}), encoding="utf-8")
    for treaty in record.treaties:
        named = {}
        head = treaty_out(treaty, named)
        lists, rest = lists_out([a for a in record.actions if a.treaty == treaty.slug], named)
        body: dict[str, Any] = {"treaty": head}
        if lists:
            body["list"] = lists
        body["action"] = [action_out(a, named) for a in rest]
        (folder / "treaties" / f"{treaty.slug}.toml").write_text(
            _document(named, body), encoding="utf-8"
        )
    facts = {
        "icc/declarations": record.declarations,
        "icc/security-council": record.resolutions,
        "icc/situations": record.situations,
        "ihl/declarations": record.ihl_declarations,
    }
    for name, items in facts.items():
        if not items:
            continue
        (folder / name).parent.mkdir(exist_ok=True)
        named = {}
        body = {_FACT_FILES[name][0]: [fact_out(f, named) for f in items]}
        (folder / f"{name}.toml").write_text(_document(named, body), encoding="utf-8")


def _document(named: Mapping[str, Source], body: dict[str, Any]) -> str:
    doc: dict[str, Any] = {"schema": SCHEMA}
    if named:
        doc["sources"] = {key: source_table_out(src) for key, src in sorted(named.items())}
    doc.update(body)
    return tomli_w.dumps(doc)
