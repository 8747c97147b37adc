"""Pictures of the record, for those who would rather look (the ``plot`` extra: matplotlib).

* :func:`parties_figure`: the number of parties to a treaty over time, with the states whose
  being bound the record leaves open shown as a band above it (never counted as parties nor as
  not), and each withdrawal marked on the day it took effect;
* :func:`timeline_figure`: one state's acts across the treaties of the record, each on its day,
  with the spans during which it was bound.

Both return a :class:`matplotlib.figure.Figure` (no display, no global state: no pyplot), with
the record's data version, as-of day and digest in a footnote; :func:`save` writes one as PNG
or SVG. ``icclaw plot parties TREATY`` and ``icclaw plot timeline STATE`` do both.
"""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pendulum

from icclaw import status as treaty_law
from icclaw.dates import to_date
from icclaw.errors import InvalidValue, MissingDependency
from icclaw.treaties import ActionKind

if TYPE_CHECKING:
    import os

    from matplotlib.figure import Figure

    from icclaw.base import FactBase
    from icclaw.dates import Date, DateLike

__all__ = ["FORMATS", "parties_figure", "save", "timeline_figure"]

FORMATS = (".png", ".svg")
"""The image formats :func:`save` writes, by file suffix."""

_CONSENT = {k for k in ActionKind if k.is_consent and k is not ActionKind.IN_FORCE}
"""The acts of consent to be bound (an in-force fact is no act of the state's)."""
_MARKERS = (  # (kinds, marker, label): how each act is drawn on a timeline
    ({ActionKind.SIGNATURE}, "o", "signature"),
    (_CONSENT, "s", "consent to be bound"),
    ({ActionKind.SIGNATURE_WITHDRAWAL, ActionKind.INSTRUMENT_WITHDRAWAL}, "D", "un-signing"),
    ({ActionKind.WITHDRAWAL}, "X", "withdrawal"),
)


def _figure_class() -> Any:
    try:
        return importlib.import_module("matplotlib.figure").Figure
    except ImportError:
        raise MissingDependency(
            "plots need matplotlib, which is not installed; install the plot extra: "
            "pip install 'icclaw[plot]'"
        ) from None


def _day(d: Date) -> dt.date:
    return dt.date(d.year, d.month, d.day)


def _footnote(ax: Any, record: FactBase) -> None:
    """The record the picture was drawn from, under the axis (the layout leaves room for it)."""
    version = f"data {record.version}, " if record.version else ""
    ax.set_xlabel(
        f"icclaw — record {version}as of {record.as_of}, digest {record.digest[:12]}",
        fontsize=7,
        color="0.4",
    )


def _months(start: Date, end: Date) -> list[Date]:
    days = []
    d = pendulum.Date(start.year, start.month, 1)
    while d <= end:
        days.append(d)
        d = d.add(months=1)
    return days


def parties_figure(
    record: FactBase, treaty: str, *, start: DateLike | None = None, end: DateLike | None = None
) -> Figure:
    """The number of parties to ``treaty`` on the first day of each month, and withdrawals.

    The states the record leaves open are drawn as a band above the count (the count is of the
    states certainly bound: :func:`icclaw.status.parties`). Each withdrawal is marked on the day
    it took effect, labelled with the state's code.

    Raises:
        UnknownTreaty: the record holds no such treaty.
        MissingDependency: matplotlib is not installed.
    """
    tr = record.treaty(treaty)
    figure_class = _figure_class()
    first = tr.adopted if start is None else to_date(start, field="start")
    last = record.as_of if end is None else to_date(end, field="end")
    if last < first:
        raise InvalidValue(f"end {last} is before start {first}")
    days = _months(first, last)
    bound = [len(treaty_law.parties(record, tr.slug, d)) for d in days]
    open_ = [len(treaty_law.undetermined_parties(record, tr.slug, d)) for d in days]
    xs = [_day(d) for d in days]
    fig = figure_class(figsize=(9, 4.5), layout="constrained")
    ax = fig.add_subplot()
    ax.step(xs, bound, where="post", color="tab:blue", label="parties (certainly bound)")
    if any(open_):
        ax.fill_between(
            xs,
            bound,
            [b + o for b, o in zip(bound, open_, strict=True)],
            step="post",
            color="tab:blue",
            alpha=0.2,
            label="left open by the record",
        )
    withdrawals = sorted(_withdrawals(record, tr.slug))
    for n, (day, state) in enumerate(w for w in withdrawals if first <= w[0] <= last):
        ax.axvline(_day(day), color="tab:red", linestyle="--", linewidth=0.8)
        ax.annotate(
            state,
            (_day(day), 1 - 0.06 * (n % 3)),
            xycoords=("data", "axes fraction"),
            fontsize=7,
            color="tab:red",
            ha="left",
            va="top",
        )
    if withdrawals:
        ax.plot([], [], color="tab:red", linestyle="--", label="withdrawal takes effect")
    ax.set_title(f"Parties to the {tr.short_title}")
    ax.set_ylabel("states")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left", fontsize=8)
    _footnote(ax, record)
    return cast("Figure", fig)  # matplotlib is imported at run time


def _withdrawals(record: FactBase, slug: str) -> list[tuple[Date, str]]:
    """Each withdrawal that took effect: the day, and the state.

    The state was bound until the day before and not on it; a withdrawal revoked in time (South
    Africa's, the Gambia's) took no effect and is not marked.
    """
    out = []
    for a in record.actions:
        if a.treaty != slug or a.kind is not ActionKind.WITHDRAWAL:
            continue
        spans = treaty_law.in_force_periods(record, a.state, slug)
        out += [
            (span.end.add(days=1), a.state)
            for span in spans
            if span.end is not None and a.date <= span.end
        ][:1]
    return out


def timeline_figure(record: FactBase, state: str) -> Figure:
    """``state``'s acts across every treaty of the record it acted on, and when it was bound.

    One row per treaty, ordered by the state's first act on it; a bar for each span during
    which it was bound (:func:`icclaw.status.in_force_periods`) and a marker for each act by
    its kind.

    Raises:
        UnknownState: the record knows no such state.
        MissingDependency: matplotlib is not installed.
    """
    code = record.state(state).code
    figure_class = _figure_class()
    acts = [a for a in record.actions if a.state == code]
    rows = sorted(
        {a.treaty for a in acts}, key=lambda t: min(a.date for a in acts if a.treaty == t)
    )
    fig = figure_class(figsize=(9, max(2.5, 0.35 * len(rows) + 1.5)), layout="constrained")
    ax = fig.add_subplot()
    end = record.as_of
    for y, slug in enumerate(rows):
        for span in treaty_law.in_force_periods(record, code, slug):
            stop = span.end or end
            ax.broken_barh(
                [(_day(span.start), _day(stop) - _day(span.start))],
                (y - 0.3, 0.6),
                color="tab:green",
                alpha=0.35,
            )
    for kinds, marker, label in _MARKERS:
        points = [
            (_day(a.date), rows.index(a.treaty))
            for a in acts
            if a.kind in kinds and a.treaty in rows
        ]
        if points:
            ax.scatter(*zip(*points, strict=True), marker=marker, s=28, label=label, zorder=3)
    if rows:
        ax.barh([0], [0], color="tab:green", alpha=0.35, label="bound")
    ax.set_yticks(range(len(rows)), [record.treaty(s).short_title for s in rows], fontsize=7)
    ax.invert_yaxis()
    name = record.state(code).name
    ax.set_title(f"{name} ({code}): acts on the treaties of the record", pad=24)
    if rows:
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.02), ncol=5, fontsize=7)
    else:
        ax.text(0.5, 0.5, "no act recorded", transform=ax.transAxes, ha="center")
    _footnote(ax, record)
    return cast("Figure", fig)  # matplotlib is imported at run time


def save(figure: Figure, path: str | os.PathLike[str]) -> Path:
    """Write ``figure`` to ``path`` as PNG or SVG, by its suffix; return the path written.

    Raises:
        InvalidValue: the suffix is neither ``.png`` nor ``.svg``.
    """
    out = Path(path)
    if out.suffix.lower() not in FORMATS:
        raise InvalidValue(
            f"{str(out)[:200]}: write a plot as {' or '.join(FORMATS)}, not "
            f"{out.suffix or 'a file without a suffix'}"
        )
    figure.savefig(out, dpi=150)
    return out
