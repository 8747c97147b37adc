"""The house, one way round: the import graph of the package has no circle and keeps its floors.

Every ``import`` counts: at module level, under ``TYPE_CHECKING`` and inside functions (a lazy
import is still a dependency). The floors, bottom up (docs/architecture.md):

1. foundations: ``errors``, ``dates``, ``findings``, ``policy``;
2. facts: ``states``, ``treaties``, ``icc.facts``, ``icc.crimes``, ``ihl.facts``;
3. the replay and the fact base: ``history``, ``base`` (and the folder format it is written in);
4. engines: ``status``, then ``icc.*`` and ``ihl.*`` (and the shared helper ``icc.amendments``);
5. the facade: ``record``; the loader that builds it;
6. faces: the package root, ``cli``, ``strategies``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import icclaw

PACKAGE = Path(icclaw.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> set[str]:
    """Every icclaw module ``name`` imports, wherever the import statement stands."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "icclaw")
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            if base.split(".")[0] != "icclaw":
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                out.add(sub if sub in MODULES else base)
    return {m for m in out if m in MODULES and m != name}


GRAPH = {name: _imports(name) for name in MODULES}


def _reaches(start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for nxt in GRAPH[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _cycle() -> list[str] | None:
    """A circle of imports, if there is one (depth-first search, colouring the nodes)."""
    colour: dict[str, int] = dict.fromkeys(GRAPH, 0)
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        colour[node] = 1
        path.append(node)
        for nxt in sorted(GRAPH[node]):
            if colour[nxt] == 1:
                return [*path[path.index(nxt) :], nxt]
            if colour[nxt] == 0 and (found := visit(nxt)):
                return found
        colour[node] = 2
        path.pop()
        return None

    for node in sorted(GRAPH):
        if colour[node] == 0 and (found := visit(node)):
            return found
    return None


def test_the_graph_sees_the_imports_it_must() -> None:
    """The parser finds type-only and function-level imports (or every later test is empty)."""
    assert "icclaw.base" in GRAPH["icclaw.status"]  # under TYPE_CHECKING
    assert "icclaw.data.folder" in GRAPH["icclaw.record"]  # inside Record.dump
    assert "icclaw.status" in GRAPH["icclaw.icc.jurisdiction"]  # `from icclaw import status`
    assert len(MODULES) > 30


def test_no_import_circle() -> None:
    assert _cycle() is None, " -> ".join(_cycle() or [])


ENGINES = (
    "icclaw.status",
    "icclaw.coverage",
    "icclaw.changes",
    "icclaw.icc.jurisdiction",
    "icclaw.icc.cooperation",
    "icclaw.icc.council",
    "icclaw.icc.amendments",
    "icclaw.ihl.classify",
    "icclaw.ihl.law",
)
ABOVE_ENGINES = ("icclaw", "icclaw.record", "icclaw.data.loader", "icclaw.cli", "icclaw.strategies")


@pytest.mark.parametrize("module", ["icclaw.base", "icclaw.history"])
def test_the_fact_base_knows_no_engine(module: str) -> None:
    reached = _reaches(module)
    assert not reached & {*ENGINES, *ABOVE_ENGINES}, sorted(reached & {*ENGINES, *ABOVE_ENGINES})


@pytest.mark.parametrize("module", ENGINES)
def test_engines_read_the_fact_base_not_the_facade(module: str) -> None:
    assert not _reaches(module) & set(ABOVE_ENGINES)


def test_the_law_engine_shares_helpers_not_the_jurisdiction_engine() -> None:
    """A legal helper two engines need lives in a module both import (icc.amendments)."""
    assert "icclaw.icc.jurisdiction" not in _reaches("icclaw.ihl.law")
    assert "icclaw.icc.jurisdiction" not in _reaches("icclaw.ihl.classify")


@pytest.mark.parametrize(
    ("module", "allowed"),
    [
        ("icclaw.errors", set()),
        ("icclaw.dates", {"icclaw.errors"}),
        ("icclaw.policy", {"icclaw.errors"}),
    ],
)
def test_foundations(module: str, allowed: set[str]) -> None:
    assert _reaches(module) <= allowed


def test_facts_know_no_record() -> None:
    for module in ("icclaw.states", "icclaw.treaties", "icclaw.icc.facts", "icclaw.ihl.facts"):
        reached = _reaches(module)
        assert not reached & {"icclaw.base", "icclaw.record", *ENGINES}, module
