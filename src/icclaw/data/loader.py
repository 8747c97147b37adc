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
import tomllib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

from icclaw.data.files import clip, read_document
from icclaw.data.serial import (
    RECORD_TYPES,
    SCHEMA,
    Reader,
    action_out,
    fact_out,
    kind_of,
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


COMPILED = EMBEDDED / "compiled.json"
"""The embedded record's TOML files, parsed, with the digest of the files they were parsed from.

A build artifact for speed only (``python -m icclaw.data.compile`` writes it; a test checks it is
fresh): JSON parses several times faster than TOML. Where it is missing or its digest does not
match the files, the files themselves are read, so it can make loading slower, never wrong.
"""

_Read = Callable[[Path, list[Problem]], "dict[str, Any] | None"]


@functools.cache
def _embedded() -> Record:
    digests = file_digests(EMBEDDED)
    read = _compiled_reader(EMBEDDED, COMPILED, digests) or _read_toml
    return _load_folder(EMBEDDED, read, digests)


def file_digests(folder: Path) -> dict[str, str]:
    """The SHA-256 of every TOML file under ``folder``, by path relative to it (each read once)."""
    out = {}
    for file in sorted(folder.rglob("*.toml")):
        try:
            out[file.relative_to(folder).as_posix()] = hashlib.sha256(file.read_bytes()).hexdigest()
        except OSError:
            continue  # not a readable file: reported when it is read
    return out


def sources_digest(folder: Path, digests: Mapping[str, str] | None = None) -> str:
    """SHA-256 over the relative path and digest of every TOML file under ``folder``, sorted."""
    h = hashlib.sha256()
    for name, digest in sorted((digests or file_digests(folder)).items()):
        h.update(f"{name}\0{digest}\0".encode())
    return h.hexdigest()


SEAL_MARK = "# --- seal: written by `icclaw record seal`; do not edit by hand ---"
"""The line after which ``record.toml`` holds the seal (its ``[files]`` tables)."""


def _data_files(folder: Path) -> list[Path]:
    """The files of a record folder the seal covers: every TOML file but ``record.toml``."""
    return sorted(
        (f for f in folder.rglob("*.toml") if f.relative_to(folder).as_posix() != "record.toml"),
        key=lambda f: f.relative_to(folder).as_posix(),
    )


def _entries(name: str, raw: Mapping[str, Any]) -> int:
    """How many entries a parsed data file holds: states, acts or facts."""
    if name == "states.toml":
        table = raw.get("state")
        return len(table) if isinstance(table, list) else 0
    if name.startswith("treaties/"):
        acts = raw.get("action")
        lists = raw.get("list")
        n = len(acts) if isinstance(acts, list) else 0
        for item in lists if isinstance(lists, list) else []:
            dates = item.get("dates") if isinstance(item, Mapping) else None
            n += len(dates) if isinstance(dates, Mapping) else 0
        return n
    stem = name.removesuffix(".toml")
    table = raw.get(_FACT_FILES[stem][0]) if stem in _FACT_FILES else None
    return len(table) if isinstance(table, list) else 0


def _seal_of(folder: Path, read: _Read) -> tuple[dict[str, dict[str, Any]], list[Problem]]:
    """The seal of a folder's data files as they are: each file's SHA-256 and entry count."""
    problems: list[Problem] = []
    files: dict[str, dict[str, Any]] = {}
    head = _head_of(folder / "record.toml")
    if head is not None:
        files["record.toml"] = {"sha256": head[0], "entries": head[1]}
    for file in _data_files(folder):
        name = file.relative_to(folder).as_posix()
        raw = read(file, problems)
        if raw is None:
            continue
        files[name] = {
            "sha256": hashlib.sha256(file.read_bytes()).hexdigest(),
            "entries": _entries(name, raw),
        }
    return files, problems


def _head_of(meta_file: Path) -> tuple[str, int] | None:
    """The SHA-256 of ``record.toml`` up to its seal, and how many fields that part sets."""
    try:
        text = meta_file.read_bytes().decode("utf-8")
        head = text.split(SEAL_MARK, 1)[0].rstrip("\n")
        fields = len(tomllib.loads(head))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None  # reported when the file is read
    return hashlib.sha256(head.encode("utf-8")).hexdigest(), fields


def _sealed_text(text: str, files: Mapping[str, Mapping[str, Any]]) -> str:
    head = text.split(SEAL_MARK, 1)[0].rstrip("\n")
    return f"{head}\n\n{SEAL_MARK}\n{tomli_w.dumps({'files': dict(files)})}"


def seal_folder(path: str | os.PathLike[str]) -> tuple[str, ...]:
    """Seal a record folder: write each data file's digest and entry count into ``record.toml``.

    Run it after editing a record of your own; :func:`load` refuses a file whose content no
    longer matches its seal. ``record.toml`` keeps its comments and fields; the seal replaces
    whatever follows its marker line. Nothing is written if a file cannot be read.

    Returns:
        The files sealed, as paths relative to the folder.

    Raises:
        DataError: a file cannot be read (each problem named); nothing was written.
        FileNotFoundError: ``path`` is not a record folder.
    """
    folder = Path(path)
    meta_file = _meta_file(folder)
    problems: list[Problem] = []
    meta = _read_toml(meta_file, problems)
    files, more = _seal_of(folder, _reader_in(folder))
    problems += more
    if meta is not None and "files" in meta and SEAL_MARK not in meta_file.read_text("utf-8"):
        problems.append(
            Problem(
                str(meta_file),
                "files",
                f"a [files] table written by hand; remove it, or keep the seal after the line {SEAL_MARK!r}",
            )
        )
    if problems:
        raise DataError(problems)
    text = _sealed_text(meta_file.read_text(encoding="utf-8"), files)
    temporary = meta_file.with_name(f".{meta_file.name}.sealing")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(meta_file)  # atomic: the folder is never left half-sealed
    return tuple(files)


def check_folder(path: str | os.PathLike[str]) -> Record:
    """Check a record folder as :func:`load` does: its seal, its schema, its history.

    Returns:
        The record, if every check passes.

    Raises:
        DataError: every problem found.
        FileNotFoundError: ``path`` is not a record folder.
    """
    return _load_folder(Path(path))


def _once(read: _Read) -> _Read:
    """``read``, parsing each file once (the seal check and the reading share the result)."""
    seen: dict[Path, tuple[dict[str, Any] | None, list[Problem]]] = {}

    def once(file: Path, problems: list[Problem]) -> dict[str, Any] | None:
        if file not in seen:
            found: list[Problem] = []
            seen[file] = (read(file, found), found)
            problems.extend(found)
        return seen[file][0]

    return once


def _meta_file(folder: Path) -> Path:
    meta_file = folder / "record.toml"
    try:
        present = meta_file.exists() or meta_file.is_symlink()
    except OSError as exc:  # a name too long for the system, say
        problem = Problem(clip(str(folder)), "folder", f"cannot be read: {exc.strerror or exc}")
        raise DataError([problem]) from None
    if not present:
        raise FileNotFoundError(
            f"{clip(str(folder))}: not a record folder (no record.toml); see the data format in the docs"
        )
    return meta_file


def _reader_in(folder: Path) -> _Read:
    """The default reader, refusing files that lie outside ``folder`` (through links)."""

    def read(file: Path, problems: list[Problem]) -> dict[str, Any] | None:
        return read_document(file, problems, root=folder)

    return read


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


def _compiled_reader(
    folder: Path, compiled_file: Path, digests: Mapping[str, str] | None = None
) -> _Read | None:
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


def _check_seal(
    folder: Path,
    meta_file: Path,
    seal: object,
    read: _Read,
    digests: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Each data file must be the one sealed in ``record.toml``: same bytes, same entries."""
    where = str(meta_file)
    hint = f"run `icclaw record seal {clip(str(folder), 80)}` after editing"
    if seal is None:
        return [Problem(where, "files", f"the folder is not sealed; {hint}")]
    if not isinstance(seal, Mapping):
        return [Problem(where, "files", f"must be a table of sealed files, not {kind_of(seal)}")]
    found = {f.relative_to(folder).as_posix(): f for f in _data_files(folder)}
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
            head = _head_of(meta_file)
            if head is None:
                continue
            digest, count = head
        else:
            try:
                digest = (digests or {}).get(name) or hashlib.sha256(file.read_bytes()).hexdigest()
            except OSError:
                continue  # reported when the file is read
            raw = read(file, [])
            count = _entries(name, raw) if raw is not None else entry["entries"]
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
    folder: Path, read: _Read | None = None, digests: Mapping[str, str] | None = None
) -> Record:
    from icclaw.record import Record  # noqa: PLC0415  (the record imports nothing of the loader)

    meta_file = _meta_file(folder)
    read = _once(read or _reader_in(folder))
    problems: list[Problem] = []
    meta = read(meta_file, problems) or {}
    if meta:
        _check_schema(meta, meta_file, problems)
        unknown = set(meta) - {"schema", "as_of", "title", "files"}
        for key in sorted(unknown):
            problems.append(
                Problem(
                    str(meta_file),
                    "record",
                    f"unknown field '{clip(key)}'; allowed: schema, as_of, title, files",
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
        for name in _FACT_FILES
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


_FACT_FILES: dict[str, tuple[str, type]] = {
    "icc/declarations": ("declaration", Declaration),
    "icc/security-council": ("resolution", Resolution),
    "icc/situations": ("situation", CourtSituation),
    "ihl/declarations": ("declaration", IhlDeclaration),
}
"""The files of the engines' other facts: path in the folder → (table name, fact class)."""


def _read_facts(
    file: Path, name: str, problems: list[Problem], read: _Read, refs: _Refs
) -> list[Any]:
    if not (file.exists() or file.is_symlink()):
        return []
    raw = read(file, problems)
    if raw is None:
        return []
    _check_schema(raw, file, problems)
    table, cls = _FACT_FILES[name]
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


def _read_states(file: Path, problems: list[Problem], read: _Read, refs: _Refs) -> list[State]:
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
    file: Path, problems: list[Problem], read: _Read, refs: _Refs
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

    references = dict(record.references)
    named: dict[str, Source] = {}
    states = [state_out(s, named) for s in record.states]
    _cite(named, references.get("states", ()))
    (folder / "states.toml").write_text(_document(named, {"state": states}), encoding="utf-8")
    for treaty in record.treaties:
        named = {}
        head = treaty_out(treaty, named)
        lists, rest = lists_out([a for a in record.actions if a.treaty == treaty.slug], named)
        _cite(named, references.get(f"treaties/{treaty.slug}", ()))
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
        if not items and not references.get(name):
            continue
        (folder / name).parent.mkdir(exist_ok=True)
        named = {}
        body = {_FACT_FILES[name][0]: [fact_out(f, named) for f in items]}
        _cite(named, references.get(name, ()))
        (folder / f"{name}.toml").write_text(_document(named, body), encoding="utf-8")
    seal_folder(folder)


def _cite(named: dict[str, Source], references: Iterable[Source]) -> None:
    """Add a file's uncited named sources to those its entries cite."""
    for src in references:
        assert src.key is not None  # a reference is a named source
        named.setdefault(src.key, src)


def _document(named: Mapping[str, Source], body: dict[str, Any]) -> str:
    doc: dict[str, Any] = {"schema": SCHEMA}
    if named:
        doc["sources"] = {key: source_table_out(src) for key, src in sorted(named.items())}
    doc.update(body)
    return tomli_w.dumps(doc)
