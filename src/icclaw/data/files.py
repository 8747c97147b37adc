"""Reading data files defensively: record files and situation files alike.

Only regular files are read, only from inside the folder they belong to, only up to a size the
format could need, only as UTF-8, and only as deep as the format nests. Each refusal is one
:class:`~icclaw.errors.Problem` naming the file and what would be right; nothing here raises
on bad input.
"""

from __future__ import annotations

import json
import os
import stat
import tomllib
from typing import TYPE_CHECKING, Any, Literal

from icclaw.errors import Problem

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["MAX_BYTES", "MAX_DEPTH", "clip", "read_document", "regular_file"]

MAX_BYTES = 64 * 1024 * 1024
"""The largest data file read (64 MiB): the embedded record's largest file is under 1 MiB."""

MAX_DEPTH = 16
"""The deepest nesting of tables and arrays read: the format needs five levels."""

CLIP = 200
"""The most characters of user input a message quotes."""


def clip(text: str, limit: int = CLIP) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis and the length cut."""
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}… ({len(text):,} characters)"


def regular_file(file: Path, problems: list[Problem], *, root: Path | None = None) -> bool:
    """Whether ``file`` is a regular file that may be read (inside ``root``, if given).

    A directory, a device, a socket, a dangling link, a link loop or a link leaving ``root``
    is one problem each.
    """
    name = clip(str(file))
    try:
        info = os.stat(file)  # follows links: a loop or a dangling link raises here
    except FileNotFoundError:
        problems.append(Problem(name, "file", "no such file"))
        return False
    except OSError as exc:
        problems.append(Problem(name, "file", f"cannot be read: {exc.strerror or exc}"))
        return False
    if not stat.S_ISREG(info.st_mode):
        what = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        problems.append(Problem(name, "file", f"is {what}; a data file must be a regular file"))
        return False
    if root is not None:
        try:
            inside = file.resolve(strict=True).is_relative_to(root.resolve(strict=True))
        except (OSError, RuntimeError) as exc:
            problems.append(Problem(name, "file", f"cannot be resolved: {exc}"))
            return False
        if not inside:
            problems.append(
                Problem(
                    name,
                    "file",
                    f"is a link leaving the record folder {clip(str(root))}; "
                    "a record's files must lie inside its folder",
                )
            )
            return False
    if info.st_size > MAX_BYTES:
        problems.append(
            Problem(
                name,
                "file",
                f"is {info.st_size:,} bytes; data files are limited to {MAX_BYTES:,} bytes",
            )
        )
        return False
    return True


def _depth(value: object) -> int:
    """How deeply ``value`` nests tables and arrays (iteratively: no recursion limit)."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level + 1)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((child, level + 1) for child in children)
    return deepest


def _once_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are each given once (JSON readers would keep the last)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"the key {clip(repr(key), 60)} appears twice in one object")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def read_document(
    file: Path,
    problems: list[Problem],
    *,
    root: Path | None = None,
    form: Literal["toml", "json"] = "toml",
) -> dict[str, Any] | None:
    """Parse ``file`` as a TOML (or JSON) document whose top level is a table.

    ``None``, with the reason added to ``problems``, where the file may not be read (see
    :func:`regular_file`), is not UTF-8, does not parse, nests deeper than :data:`MAX_DEPTH`
    or is not a table at the top.
    """
    if not regular_file(file, problems, root=root):
        return None
    name = clip(str(file))
    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # never more than the limit, even if it grew
    except OSError as exc:
        problems.append(Problem(name, "file", f"cannot be read: {exc.strerror or exc}"))
        return None
    if len(data) > MAX_BYTES:  # grew since it was measured
        problems.append(Problem(name, "file", f"is over {MAX_BYTES:,} bytes"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.append(
            Problem(
                name,
                "file",
                f"not UTF-8 text: byte {data[exc.start]:#04x} on line {line}; save the file as UTF-8",
            )
        )
        return None
    label = form.upper()
    try:
        raw = (
            json.loads(text, object_pairs_hook=_once_each, parse_constant=_no_constant)
            if form == "json"
            else tomllib.loads(text)
        )
    except RecursionError:
        problems.append(
            Problem(name, "file", f"nested deeper than the format allows ({MAX_DEPTH} levels)")
        )
        return None
    except (ValueError, tomllib.TOMLDecodeError) as exc:  # JSONDecodeError is a ValueError
        problems.append(Problem(name, "file", f"not valid {label}: {clip(str(exc))}"))
        return None
    if not isinstance(raw, dict):
        problems.append(
            Problem(
                name,
                "file",
                f"the top level must be a table ({'a JSON object' if form == 'json' else 'keys and tables'})",
            )
        )
        return None
    if _depth(raw) > MAX_DEPTH:
        problems.append(
            Problem(name, "file", f"nested deeper than the format allows ({MAX_DEPTH} levels)")
        )
        return None
    return raw
