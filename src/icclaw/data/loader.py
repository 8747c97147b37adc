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
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from icclaw.data.files import clip
from icclaw.data.folder import (
    FACT_FILES,
    Read,
    data_files,
    dump,
    entries_of,
    file_digests,
    head_of,
    meta_file_of,
    read_toml,
    reader_in,
    seal_folder,
    sources_digest,
)
from icclaw.data.serial import (
    RECORD_TYPES,
    SCHEMA,
    Reader,
    kind_of,
    read_fact,
)
from icclaw.errors import DataError, Problem, RecordError

if TYPE_CHECKING:
    import os

    from icclaw.findings import Source
    from icclaw.record import Record
    from icclaw.states import State
    from icclaw.treaties import Action, Treaty

__all__ = [
    "COMPILED",
    "EMBEDDED",
    "check_folder",
    "compile_folder",
    "dump",
    "file_digests",
    "load",
    "seal_folder",
    "sources_digest",
]

EMBEDDED = Path(__file__).parent
"""The folder of the embedded record."""

DATA_VERSION = re.compile(r"[0-9]{4}\.(?:[1-9]|1[0-2])\.(?:0|[1-9][0-9]*)")
"""A data version: ``YEAR.MONTH.SERIAL`` (calendar versioning), such as ``2025.12.0``."""


COMPILED = EMBEDDED / "compiled.json"
"""The embedded record's TOML files, parsed, with the digest of the files they were parsed from.

A build artifact for speed only (``python -m icclaw.data.compile`` writes it; a test checks it is
fresh): JSON parses several times faster than TOML. Where it is missing or its digest does not
match the files, the files themselves are read, so it can make loading slower, never wrong.
"""


@functools.cache
def _embedded() -> Record:
    digests = file_digests(EMBEDDED)
    read = _compiled_reader(EMBEDDED, COMPILED, digests) or read_toml
    return _load_folder(EMBEDDED, read, digests)


def check_folder(path: str | os.PathLike[str]) -> Record:
    """Check a record folder as :func:`load` does: its seal, its schema, its history.

    Returns:
        The record, if every check passes.

    Raises:
        DataError: every problem found.
        FileNotFoundError: ``path`` is not a record folder.
    """
    return _load_folder(Path(path))


def _once(read: Read) -> Read:
    """``read``, parsing each file once (the seal check and the reading share the result)."""
    seen: dict[Path, tuple[dict[str, Any] | None, list[Problem]]] = {}

    def once(file: Path, problems: list[Problem]) -> dict[str, Any] | None:
        if file not in seen:
            found: list[Problem] = []
            seen[file] = (read(file, found), found)
            problems.extend(found)
        return seen[file][0]

    return once


def compile_folder(folder: Path, out: Path) -> str:
    """Write the parsed TOML files of ``folder`` to ``out`` as JSON; return their digest."""
    docs = {}
    for file in sorted(folder.rglob("*.toml")):
        problems: list[Problem] = []
        raw = read_toml(file, problems)
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


def _compiled_reader(
    folder: Path, compiled_file: Path, digests: Mapping[str, str] | None = None
) -> Read | None:
    """A reader serving the compiled documents, if ``compiled_file`` matches ``folder``'s files."""
    try:
        compiled = json.loads(compiled_file.read_text(encoding="utf-8"), object_hook=_revive)
    except (OSError, ValueError):
        return None
    if compiled.get("format") != 1 or compiled.get("digest") != sources_digest(folder, digests):
        return None
    docs: dict[str, dict[str, Any]] = compiled["files"]

    def read(file: Path, problems: list[Problem]) -> dict[str, Any] | None:
        found = docs.get(file.relative_to(folder).as_posix())
        return found if found is not None else read_toml(file, problems)

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


def _check_seal(
    folder: Path,
    meta_file: Path,
    seal: object,
    read: Read,
    digests: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Each data file must be the one sealed in ``record.toml``: same bytes, same entries."""
    where = str(meta_file)
    hint = f"run `icclaw record seal {clip(str(folder), 80)}` after editing"
    if seal is None:
        return [Problem(where, "files", f"the folder is not sealed; {hint}")]
    if not isinstance(seal, Mapping):
        return [Problem(where, "files", f"must be a table of sealed files, not {kind_of(seal)}")]
    found = {f.relative_to(folder).as_posix(): f for f in data_files(folder)}
    found["record.toml"] = meta_file
    problems: list[Problem] = []
    for name in sorted(set(seal) - set(found)):
        why = f"sealed, but the file is missing (or was renamed); {hint}"
        problems.append(Problem(clip(str(folder / name)), "file", why))
    for name in sorted(set(found) - set(seal)):
        why = f"not in the seal of record.toml: added since the folder was sealed; {hint}"
        problems.append(Problem(clip(str(found[name])), "file", why))
    for name in sorted(set(seal) & set(found)):
        entry, file = seal[name], found[name]
        if (
            not isinstance(entry, Mapping)
            or set(entry) != {"sha256", "entries"}
            or not isinstance(entry["sha256"], str)
            or type(entry["entries"]) is not int
        ):
            why = "a seal entry holds exactly sha256 (a string) and entries (an integer)"
            problems.append(Problem(where, f"files.{clip(name)}", why))
            continue
        if name == "record.toml":
            head = head_of(meta_file)
            if head is None:
                continue
            digest, count = head
        else:
            try:
                digest = (digests or {}).get(name) or hashlib.sha256(file.read_bytes()).hexdigest()
            except OSError:
                continue  # reported when the file is read
            raw = read(file, [])
            count = entries_of(name, raw) if raw is not None else entry["entries"]
        if digest != entry["sha256"]:
            why = f"changed since the folder was sealed; {hint}"
            problems.append(Problem(str(file), "file", why))
            continue
        if count != entry["entries"]:
            why = f"{count} entries, but the seal says {entry['entries']}; {hint}"
            problems.append(Problem(str(file), "file", why))
    return problems


def _check_schema(raw: Mapping[str, Any], file: Path, problems: list[Problem]) -> None:
    schema = raw.get("schema")
    if type(schema) is not int or schema != SCHEMA:
        problems.append(
            Problem(
                str(file),
                "schema",
                f"schema = {clip(repr(schema))}; this icclaw reads schema = {SCHEMA} (an integer)",
            )
        )


def _load_folder(
    folder: Path, read: Read | None = None, digests: Mapping[str, str] | None = None
) -> Record:
    from icclaw.record import Record  # noqa: PLC0415  (the record imports nothing of the loader)

    meta_file = meta_file_of(folder)
    read = _once(read or reader_in(folder))
    problems: list[Problem] = []
    meta = read(meta_file, problems) or {}
    if meta:
        _check_schema(meta, meta_file, problems)
        unknown = set(meta) - {"schema", "as_of", "version", "title", "files"}
        for key in sorted(unknown):
            problems.append(
                Problem(
                    str(meta_file),
                    "record",
                    f"unknown field '{clip(key)}'; allowed: schema, as_of, version, title, files",
                )
            )
        version = meta.get("version")
        if version is not None and not (
            isinstance(version, str) and DATA_VERSION.fullmatch(version)
        ):
            problems.append(
                Problem(
                    str(meta_file),
                    "record",
                    f"'version' = {clip(repr(version))}: expected the data version as "
                    '"YEAR.MONTH.SERIAL", such as "2025.12.0"',
                )
            )
        title = meta.get("title")
        if title is not None and not isinstance(title, str):
            problems.append(
                Problem(str(meta_file), "record", f"'title' must be a string, not {kind_of(title)}")
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

    refs: _Refs = {}
    states_file = folder / "states.toml"
    states: list[State] = []
    if states_file.exists() or states_file.is_symlink():  # a directory here is a problem
        states = _read_states(states_file, problems, read, refs)
    else:
        states = list(_embedded().states)

    treaties: list[Treaty] = []
    actions: list[Action] = []
    treaty_dir = folder / "treaties"
    files = sorted(treaty_dir.glob("*.toml")) if treaty_dir.is_dir() else []
    for file in files:
        result = _read_treaty(file, problems, read, refs)
        if result is not None:
            treaties.append(result[0])
            actions.extend(result[1])
    facts = {
        name: _read_facts(folder / f"{name}.toml", name, problems, read, refs)
        for name in FACT_FILES
    }
    if meta:  # after every file was read once: the seal check reuses what was parsed
        problems += _check_seal(folder, meta_file, meta.get("files"), read, digests)
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
            version=meta.get("version"),
            origin=str(folder),
            declarations=facts["icc/declarations"],
            resolutions=facts["icc/security-council"],
            situations=facts["icc/situations"],
            ihl_declarations=facts["ihl/declarations"],
            references={group: srcs for group, srcs in refs.items() if srcs},
        )
    except RecordError as exc:
        raise DataError(exc.problems) from None


_Refs = dict[str, "tuple[Source, ...]"]
"""The named sources each file declares and no entry cites, by file (``Record.references``)."""


def _unused(reader: Reader) -> tuple[Source, ...]:
    """The file's named sources that no entry cites: kept, not dropped."""
    return tuple(src for key, src in reader.sources.items() if key not in reader.used)


def _read_facts(
    file: Path, name: str, problems: list[Problem], read: Read, refs: _Refs
) -> list[Any]:
    if not (file.exists() or file.is_symlink()):
        return []
    raw = read(file, problems)
    if raw is None:
        return []
    _check_schema(raw, file, problems)
    table, cls = FACT_FILES[name]
    reader = Reader(str(file), RECORD_TYPES)
    reader.named_sources(raw.get("sources"))
    for key in set(raw) - {"schema", "sources", table}:
        reader.problem(
            "file", f"unknown top-level field '{key}'; allowed: schema, sources, {table}"
        )
    entries = raw.get(table, [])
    if not isinstance(entries, list):
        reader.problem(table, f"must be an array of tables: [[{table}]]")
        entries = []
    out: list[Any] = []
    for i, entry in enumerate(entries):
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
    refs[name] = _unused(reader)
    return out


def _read_states(file: Path, problems: list[Problem], read: Read, refs: _Refs) -> list[State]:
    raw = read(file, problems)
    if raw is None:
        return []
    _check_schema(raw, file, problems)
    reader = Reader(str(file), RECORD_TYPES)
    reader.named_sources(raw.get("sources"))
    for key in set(raw) - {"schema", "sources", "state"}:
        reader.problem("file", f"unknown top-level field '{key}'; allowed: schema, sources, state")
    entries = raw.get("state", [])
    if not isinstance(entries, list):
        reader.problem("state", "must be an array of tables: [[state]]")
        entries = []
    out: list[State] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        state = reader.state(entry, i)
        if state is None:
            continue
        if state.code in seen:
            reader.problem(f"state {i + 1} ({state.code})", "appears twice: one entry a state")
            continue
        seen.add(state.code)
        out.append(state)
    problems.extend(reader.problems)
    refs["states"] = _unused(reader)
    return out


def _read_treaty(
    file: Path, problems: list[Problem], read: Read, refs: _Refs
) -> tuple[Treaty, list[Action]] | None:
    raw = read(file, problems)
    if raw is None:
        return None
    _check_schema(raw, file, problems)
    reader = Reader(str(file), RECORD_TYPES)
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
    refs[f"treaties/{treaty.slug}"] = _unused(reader)
    return treaty, actions
