"""The catalogue of real situations: sourced situation files, loadable by name.

Each file of ``examples/situations/`` describes a real situation as an authority found the
facts (a court, a UN inquiry, the ICC Prosecutor), cites it, and has a test that checks the
engine's classification against the authority's. In an installed package the files ship as
``icclaw/situations/``; in a checkout they are read where they are. A situation's name is its
file's name without ``.toml``, with hyphens: ``ukraine-2014``.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from icclaw.errors import UnknownSituation

__all__ = ["folder", "names", "path_of"]

_PACKAGED = Path(__file__).parent / "situations"
_CHECKOUT = Path(__file__).resolve().parent.parent.parent / "examples" / "situations"


def folder() -> Path:
    """Where the catalogue's files are: in the package, or else in the checkout."""
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


def names() -> tuple[str, ...]:
    """Every situation's name, sorted (``icclaw situations`` lists them with their titles)."""
    where = folder()
    if not where.is_dir():
        return ()
    return tuple(sorted(p.stem.replace("_", "-") for p in where.glob("*.toml")))


def path_of(name: str) -> Path:
    """The file of the situation called ``name`` (``ukraine-2014``; ``ukraine_2014`` too).

    Raises:
        UnknownSituation: no situation of the catalogue has that name; the message names the
            closest, or lists them.
    """
    key = str(name).strip().lower().replace("_", "-").removesuffix(".toml")
    known = names()
    if key in known:
        return folder() / f"{key.replace('-', '_')}.toml"
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]}?" if close else f"the catalogue holds {', '.join(known)}"
    raise UnknownSituation(
        f"{str(name)[:80]}: no such situation file or catalogue name; {hint}",
        query=str(name)[:200],
        suggestion=close[0] if close else None,
    )
