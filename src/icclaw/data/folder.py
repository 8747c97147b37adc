"""A record folder on disk: its seal, and writing a record into one.

Below the loader and the record: the loader (:mod:`icclaw.data.loader`) reads folders through
these helpers and builds a :class:`~icclaw.record.Record`; ``Record.dump`` writes one back with
:func:`dump`. Neither this module nor the fact base it writes imports either of them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

from icclaw.data.files import clip, read_document
from icclaw.data.serial import (
    SCHEMA,
    action_out,
    fact_out,
    lists_out,
    source_table_out,
    state_out,
    treaty_out,
)
from icclaw.errors import DataError, Problem
from icclaw.icc.facts import CourtSituation, Declaration, Resolution
from icclaw.ihl.facts import IhlDeclaration

if TYPE_CHECKING:
    import os

    from icclaw.base import FactBase
    from icclaw.findings import Source

__all__ = ["SEAL_MARK", "dump", "file_digests", "seal_folder", "sources_digest"]

Read = Callable[[Path, list[Problem]], "dict[str, Any] | None"]
"""Reads one file of a folder, adding its problems to the list; ``None`` if it cannot."""


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


def data_files(folder: Path) -> list[Path]:
    """The files of a record folder the seal covers: every TOML file but ``record.toml``."""
    return sorted(
        (f for f in folder.rglob("*.toml") if f.relative_to(folder).as_posix() != "record.toml"),
        key=lambda f: f.relative_to(folder).as_posix(),
    )


def entries_of(name: str, raw: Mapping[str, Any]) -> int:
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
    table = raw.get(FACT_FILES[stem][0]) if stem in FACT_FILES else None
    return len(table) if isinstance(table, list) else 0


def _seal_of(folder: Path, read: Read) -> tuple[dict[str, dict[str, Any]], list[Problem]]:
    """The seal of a folder's data files as they are: each file's SHA-256 and entry count."""
    problems: list[Problem] = []
    files: dict[str, dict[str, Any]] = {}
    head = head_of(folder / "record.toml")
    if head is not None:
        files["record.toml"] = {"sha256": head[0], "entries": head[1]}
    for file in data_files(folder):
        name = file.relative_to(folder).as_posix()
        raw = read(file, problems)
        if raw is None:
            continue
        files[name] = {
            "sha256": hashlib.sha256(file.read_bytes()).hexdigest(),
            "entries": entries_of(name, raw),
        }
    return files, problems


def head_of(meta_file: Path) -> tuple[str, int] | None:
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
    meta_file = meta_file_of(folder)
    problems: list[Problem] = []
    meta = read_toml(meta_file, problems)
    files, more = _seal_of(folder, reader_in(folder))
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


def meta_file_of(folder: Path) -> Path:
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


def reader_in(folder: Path) -> Read:
    """The default reader, refusing files that lie outside ``folder`` (through links)."""

    def read(file: Path, problems: list[Problem]) -> dict[str, Any] | None:
        return read_document(file, problems, root=folder)

    return read


def read_toml(file: Path, problems: list[Problem]) -> dict[str, Any] | None:
    return read_document(file, problems)


FACT_FILES: dict[str, tuple[str, type]] = {
    "icc/declarations": ("declaration", Declaration),
    "icc/security-council": ("resolution", Resolution),
    "icc/situations": ("situation", CourtSituation),
    "ihl/declarations": ("declaration", IhlDeclaration),
}
"""The files of the engines' other facts: path in the folder → (table name, fact class)."""


def dump(record: FactBase, path: str | os.PathLike[str]) -> None:
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
    if record.version is not None:
        meta["version"] = record.version
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
        body = {FACT_FILES[name][0]: [fact_out(f, named) for f in items]}
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
