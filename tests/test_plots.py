"""Plots (issue 13): pictures drawn from the record, each as the record answers.

The parties plot counts, on the first day of each month, the states certainly bound (the
states the record leaves open are a band, never counted); withdrawals are marked on the day they
took effect, and only those that did. The timeline shows a state's acts and the spans it was
bound.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

import pendulum
import pytest
from hypothesis import given, settings

import icclaw
from icclaw import plots
from icclaw import strategies as ist
from icclaw.cli import main

if TYPE_CHECKING:
    from pathlib import Path

REC = icclaw.load()


def _step(figure: Any) -> tuple[list[Any], list[float]]:
    (line,) = [ln for ln in figure.axes[0].get_lines() if ln.get_label().startswith("parties")]
    return list(line.get_xdata()), [float(y) for y in line.get_ydata()]


def test_the_rome_statute_plot_counts_its_parties_and_marks_the_withdrawals_that_took_effect() -> (
    None
):
    """Burundi's withdrawal took effect on 27 October 2017 and the Philippines' on 17 March 2019
    (Rome Statute art. 127(1): a year after the notification); South Africa and the Gambia
    revoked theirs before they took effect, so they are not marked (the record's depositary
    notifications)."""
    figure = plots.parties_figure(REC, "rome-statute")
    xs, ys = _step(figure)
    for i in range(0, len(xs), 37):
        day = pendulum.Date(xs[i].year, xs[i].month, xs[i].day)
        assert ys[i] == len(REC.parties("rome-statute", day))
    marked = sorted(t.get_text() for t in figure.axes[0].texts)
    assert marked == ["BDI", "PHL"]
    assert plots._withdrawals(REC, "rome-statute")[0] == (pendulum.Date(2017, 10, 27), "BDI")
    assert REC.digest[:12] in figure.axes[0].get_xlabel()  # the record it was drawn from


@settings(max_examples=25, deadline=None)
@given(ist.records())
def test_every_point_of_a_parties_plot_is_the_count_the_record_gives(record: icclaw.Record) -> None:
    (treaty,) = record.treaties
    figure = plots.parties_figure(record, treaty.slug)
    xs, ys = _step(figure)
    for x, y in zip(xs, ys, strict=True):
        day = pendulum.Date(x.year, x.month, x.day)
        assert y == len(record.parties(treaty.slug, day))


def test_a_timeline_has_a_row_per_treaty_and_a_marker_per_act() -> None:
    figure = plots.timeline_figure(REC, "RUS")
    ax = figure.axes[0]
    acts = [a for a in REC.actions if a.state == "RUS"]
    assert len(ax.get_yticks()) == len({a.treaty for a in acts})
    from matplotlib.collections import PathCollection  # noqa: PLC0415  (the markers)

    drawn = sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection))
    marked = [a for a in acts if any(a.kind in kinds for kinds, _, _ in plots._MARKERS)]
    assert drawn == len(marked)


def test_save_writes_png_or_svg_and_refuses_other_formats(tmp_path: Path) -> None:
    figure = plots.timeline_figure(REC, "UKR")
    assert plots.save(figure, tmp_path / "a.png").read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in plots.save(figure, tmp_path / "a.svg").read_bytes()[:500]
    with pytest.raises(icclaw.InvalidValue, match=r"write a plot as \.png or \.svg, not \.pdf"):
        plots.save(figure, tmp_path / "a.pdf")


def test_the_command_line_writes_a_picture_and_says_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "p.svg"
    assert main(["plot", "parties", "rome-statute", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {out}"
    assert out.read_bytes().lstrip().startswith(b"<?xml")
    monkeypatch.chdir(tmp_path)
    assert main(["plot", "timeline", "Russia"]) == 0
    assert (tmp_path / "timeline-RUS.png").exists()
    assert main(["plot", "timeline", "Atlantis"]) == 2
    assert main(["plot", "parties", "rome-statute", "-o", "x.pdf"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 2


def test_without_matplotlib_one_clear_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = importlib.import_module

    def missing(name: str, *args: Any) -> Any:
        if name.startswith("matplotlib"):
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", missing)
    with pytest.raises(icclaw.MissingDependency, match=r"pip install 'icclaw\[plot\]'"):
        plots.parties_figure(REC, "rome-statute")
    assert main(["plot", "timeline", "RUS"]) == 2
    assert "icclaw[plot]" in capsys.readouterr().err


def test_the_docs_show_the_pictures_the_commands_make() -> None:
    """docs/plots.md shows the two pictures, made by the commands it prints."""
    from pathlib import Path  # noqa: PLC0415

    docs = Path(__file__).resolve().parent.parent / "docs"
    page = (docs / "plots.md").read_text(encoding="utf-8")
    for command, image in (
        ("icclaw plot parties rome-statute", "parties-rome-statute.png"),
        ("icclaw plot timeline RUS", "timeline-RUS.png"),
    ):
        assert command in page
        assert f"(_static/{image})" in page
        assert (docs / "_static" / image).read_bytes().startswith(b"\x89PNG")
