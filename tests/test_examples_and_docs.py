"""The examples run, the docstring examples hold, and the README's commands are the ones CI runs."""

from __future__ import annotations

import doctest
import importlib
import re
import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_runs(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(path), run_name="__main__")
    assert capsys.readouterr().out.strip()


@pytest.mark.parametrize("module", ["icclaw", "icclaw.dates", "icclaw.states"])
def test_docstring_examples(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0
    assert result.failed == 0


def test_readme_starts_with_exactly_two_set_up_commands_and_ci_runs_the_second() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", readme, re.DOTALL)
    assert first_block is not None
    commands = [line for line in first_block.group(1).splitlines() if line.strip()]
    assert len(commands) == 2
    assert commands[0].startswith("pip install . && icclaw ")
    assert "[test]" in commands[1]
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


def test_every_python_example_of_the_readme_prints_what_the_readme_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The README's Python examples are doctests, run from the repository's root (the catalogue
    and example files load by name), so they cannot drift from what the code prints."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "```python" not in readme, "write README examples as ```pycon doctests"
    monkeypatch.chdir(ROOT)
    text = readme.replace("\n```", "\n\n```")  # a fence ends an example's expected output
    test = doctest.DocTestParser().get_doctest(text, {}, "README.md", str(ROOT / "README.md"), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 30
    assert result.failed == 0
