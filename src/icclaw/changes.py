"""What changed between two records, and which answers the change changes.

:func:`diff` compares two records (two folders, or a folder and the embedded record): the acts,
declarations, Council texts, situations, states and treaties added, removed or changed; then,
for each treaty whose acts changed, the number of parties on the first day of each year where
the two records give a different count; and a sample of status answers that flip, each with
the Finding of both records, so that the flip explains itself.

An engine on the fact base: it reads both records through the treaty-law engine and changes
neither.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from icclaw import status as treaty_law
from icclaw.base import FactBase
from icclaw.errors import InvalidType, InvalidValue
from icclaw.treaties import Action, Treaty

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping

    from icclaw.dates import Date
    from icclaw.findings import Finding

__all__ = ["Change", "ChangeKind", "Flip", "PartiesCount", "RecordDiff", "diff"]

_DEFAULT_SAMPLE = 20


class ChangeKind(enum.StrEnum):
    """How an entry of the record changed."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@attrs.frozen
class Change:
    """One entry added, removed or changed between two records.

    Attributes:
        table: What the entry is: ``act``, ``declaration``, ``ihl-declaration``, ``resolution``,
            ``situation``, ``state`` or ``treaty``.
        kind: Added, removed or changed (the same entry, with other details).
        label: The entry in a few words.
        old: The entry in the old record (``None`` if added).
        new: The entry in the new record (``None`` if removed).
        fields: For a changed entry, the names of its fields that differ.
    """

    table: str
    kind: ChangeKind
    label: str
    old: object = None
    new: object = None
    fields: tuple[str, ...] = ()

    @property
    def provenance_only(self) -> bool:
        """Whether only the entry's source or note changed: what it says stays the same."""
        return bool(self.fields) and set(self.fields) <= _PROVENANCE

    def __str__(self) -> str:
        what = f" ({', '.join(self.fields)})" if self.fields else ""
        return f"{self.kind.value:8} {self.table:15} {self.label}{what}"


_PROVENANCE = {"source", "note", "announced_source", "effective_source"}
"""The fields that say where an entry comes from or add a remark, not what it says."""


@attrs.frozen
class PartiesCount:
    """The number of parties to a treaty on a day, in each record, where they differ."""

    treaty: str
    on: Date
    old: int
    new: int

    def __str__(self) -> str:
        sign = "+" if self.new > self.old else ""
        return f"{self.treaty} on {self.on}: {self.old} -> {self.new} ({sign}{self.new - self.old})"


@attrs.frozen
class Flip:
    """A status answer that differs between the records, with both Findings (their reasons)."""

    state: str
    treaty: str
    on: Date
    old: Finding
    new: Finding

    def __str__(self) -> str:
        def said(f: Finding) -> str:
            value = getattr(f.value, "value", f.value)
            return f"{f.answer}" + (f" ({value})" if value is not None else "")

        return f"{self.state} / {self.treaty} on {self.on}: {said(self.old)} -> {said(self.new)}"


@attrs.frozen
class RecordDiff:
    """What changed between two records, and which answers it changes.

    Attributes:
        old: The old record's data version, as-of day and digest.
        new: The new record's.
        changes: Every entry added, removed or changed, by table and label.
        parties: For each treaty whose acts changed, the years (first day) on which the number
            of parties differs.
        flips: A sample of status answers that differ, each with both Findings.
        sampled: How many flips were looked for at most (``sample=``).
    """

    old: tuple[str | None, Date, str]
    new: tuple[str | None, Date, str]
    changes: tuple[Change, ...]
    parties: tuple[PartiesCount, ...]
    flips: tuple[Flip, ...]
    sampled: int

    def __bool__(self) -> bool:
        return bool(self.changes)

    def explain(self, *, reasons: bool = True) -> str:
        """The diff as text: the records, the changes, the counts and the flips, explained."""

        def record(meta: tuple[str | None, Date, str]) -> str:
            version, as_of, digest = meta
            return f"data {version or '(no version)'}, as of {as_of}, digest {digest[:12]}"

        lines = [f"old: {record(self.old)}", f"new: {record(self.new)}"]
        if not self.changes:
            lines.append("no change: the records hold the same facts")
            return "\n".join(lines)
        counts = {k: sum(1 for c in self.changes if c.kind is k) for k in ChangeKind}
        lines.append(
            f"{len(self.changes)} changes: "
            + ", ".join(f"{n} {k.value}" for k, n in counts.items() if n)
        )
        sourced = [c for c in self.changes if c.provenance_only]
        lines += [f"  {c}" for c in self.changes if not c.provenance_only]
        for table in sorted({c.table for c in sourced}):
            n = sum(1 for c in sourced if c.table == table)
            lines.append(
                f"  changed  {n:,} {table} entries only in their source or note (to_dict lists each)"
            )
        if self.parties:
            lines.append("parties on the first day of each year, where the count changes:")
            lines += [f"  {p}" for p in self.parties]
        if self.flips:
            lines.append(
                f"status answers that change (a sample of at most {self.sampled}, on the days "
                "the changed acts matter):"
            )
            for flip in self.flips:
                lines.append(f"  {flip}")
                if reasons:
                    lines.append(f"    before: {_last_reason(flip.old)}")
                    lines.append(f"    after:  {_last_reason(flip.new)}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The diff as a JSON-ready dict: the records, the changes, the counts, the flips."""

        def record(meta: tuple[str | None, Date, str]) -> dict[str, Any]:
            return {"version": meta[0], "as_of": meta[1].isoformat(), "digest": meta[2]}

        return {
            "old": record(self.old),
            "new": record(self.new),
            "changes": [
                {"table": c.table, "kind": c.kind.value, "label": c.label, "fields": list(c.fields)}
                for c in self.changes
            ],
            "parties": [
                {"treaty": p.treaty, "on": p.on.isoformat(), "old": p.old, "new": p.new}
                for p in self.parties
            ],
            "flips": [
                {
                    "state": f.state,
                    "treaty": f.treaty,
                    "on": f.on.isoformat(),
                    "old": f.old.to_dict(),
                    "new": f.new.to_dict(),
                }
                for f in self.flips
            ],
        }


def _last_reason(f: Finding) -> str:
    return f.reasons[-1].render() if f.reasons else f.question


def _delta(
    table: str,
    old: Iterable[Any],
    new: Iterable[Any],
    key: Callable[[Any], object],
    label: Callable[[Any], str],
) -> list[Change]:
    """The entries of one table added, removed, or changed (same key, other details)."""
    before: Mapping[object, Any] = {key(x): x for x in old}
    after: Mapping[object, Any] = {key(x): x for x in new}
    out = []
    for k in sorted(before.keys() | after.keys(), key=repr):
        a, b = before.get(k), after.get(k)
        if a is None:
            out.append(Change(table, ChangeKind.ADDED, label(b), None, b))
        elif b is None:
            out.append(Change(table, ChangeKind.REMOVED, label(a), a, None))
        elif a != b:
            fields = tuple(
                f.name for f in attrs.fields(type(a)) if getattr(a, f.name) != getattr(b, f.name)
            )
            out.append(Change(table, ChangeKind.CHANGED, label(b), a, b, fields))
    return out


def _changes(old: FactBase, new: FactBase) -> list[Change]:
    return [
        *_delta(
            "act",
            old.actions,
            new.actions,
            lambda a: (a.treaty, a.state, a.kind.value, a.date.isoformat()),
            lambda a: f"{a.treaty}: {a.state} {a.kind.value} {a.date}",
        ),
        *_delta(
            "declaration",
            old.declarations,
            new.declarations,
            lambda d: (d.kind.value, d.state, d.lodged.isoformat()),
            lambda d: f"{d.kind.value}: {d.state} lodged {d.lodged}",
        ),
        *_delta(
            "ihl-declaration",
            old.ihl_declarations,
            new.ihl_declarations,
            lambda d: (d.kind.value, d.state or d.authority or "", d.lodged.isoformat()),
            lambda d: f"{d.kind.value}: {d.state or d.authority} lodged {d.lodged}",
        ),
        *_delta(
            "resolution", old.resolutions, new.resolutions, lambda r: r.label, lambda r: r.label
        ),
        *_delta("situation", old.situations, new.situations, lambda s: s.slug, lambda s: s.slug),
        *_delta(
            "state",
            old.states,
            new.states,
            lambda s: s.code,
            lambda s: f"{s.code} ({s.name})",
        ),
        *_delta("treaty", old.treaties, new.treaties, lambda t: t.slug, lambda t: t.slug),
    ]


def _acts(changes: Iterable[Change]) -> Iterator[Action]:
    """The acts, old and new, of the changes to acts."""
    for c in changes:
        for act in (c.old, c.new):
            if isinstance(act, Action):
                yield act


def _touched(changes: list[Change]) -> tuple[set[str], set[tuple[str, str]], list[Date]]:
    """The treaties and (state, treaty) pairs whose acts changed, and the days that matter."""
    acts = list(_acts(changes))
    treaties = {a.treaty for a in acts} | {c.label for c in changes if c.table == "treaty"}
    return treaties, {(a.state, a.treaty) for a in acts}, [a.date for a in acts]


def _parties_counts(
    old: FactBase, new: FactBase, treaties: Iterable[str], first_year: int
) -> list[PartiesCount]:
    out = []
    last = max(old.as_of, new.as_of).year
    for slug in sorted(treaties):
        if slug not in old.treaty_slugs or slug not in new.treaty_slugs:
            continue  # a treaty added or removed is listed as such
        for year in range(first_year, last + 1):
            on = pendulum.Date(year, 1, 1)
            a = len(treaty_law.parties(old, slug, on))
            b = len(treaty_law.parties(new, slug, on))
            if a != b:
                out.append(PartiesCount(slug, on, a, b))
    return out


def _flips(
    old: FactBase,
    new: FactBase,
    pairs: Iterable[tuple[str, str]],
    changes: list[Change],
    sample: int,
) -> list[Flip]:
    """Status answers that differ, looked for on the days around each changed act."""
    days_of: dict[tuple[str, str], set[Date]] = {}
    for act in _acts(changes):
        days = days_of.setdefault((act.state, act.treaty), set())
        days.update(  # the act's day, the next, and when an instrument would take effect
            (act.date, act.date.add(days=1), act.date.add(days=60), act.date.add(years=1))
        )
    out: list[Flip] = []
    for state, slug in sorted(pairs):
        if (
            slug not in old.treaty_slugs
            or slug not in new.treaty_slugs
            or state not in old.states
            or state not in new.states
        ):
            continue
        for on in sorted(days_of.get((state, slug), ())):
            if on > max(old.as_of, new.as_of):
                continue
            a = treaty_law.explain_status(old, state, slug, on)
            b = treaty_law.explain_status(new, state, slug, on)
            if (a.holds, a.value) != (b.holds, b.value):
                out.append(Flip(state, slug, on, a, b))
                break  # one flip per pair: the sample spreads over states and treaties
        if len(out) >= sample:
            break
    return out


def diff(old: FactBase, new: FactBase, *, sample: int = _DEFAULT_SAMPLE) -> RecordDiff:
    """What changed from ``old`` to ``new``, and which answers it changes.

    Args:
        old: The earlier record.
        new: The later record.
        sample: At most how many flipped status answers to find (one per state and treaty, on
            the days around the acts that changed). ``0`` looks for none.

    Raises:
        InvalidValue: ``sample`` is not a non-negative integer.
    """
    for side, record in (("old", old), ("new", new)):
        if not isinstance(record, FactBase):
            raise InvalidType(
                f"{side}: expected a record (icclaw.load(folder)), not {type(record).__name__}"
            )
    if type(sample) is not int or sample < 0:
        raise InvalidValue(f"sample: expected a whole number of answers, 0 or more, got {sample!r}")
    changes = _changes(old, new)
    treaties, pairs, days = _touched(changes)
    changed_treaties = [c.old for c in changes if c.table == "treaty" and c.old is not None]
    adopted = [t.adopted for t in changed_treaties if isinstance(t, Treaty)]
    first_year = min(  # a treaty's own terms changed: count from its adoption
        (d.year for d in (*days, *adopted)), default=max(old.as_of, new.as_of).year
    )
    parties = _parties_counts(old, new, treaties, first_year) if treaties else []
    flips = _flips(old, new, pairs, changes, sample) if sample else []
    return RecordDiff(
        (old.version, old.as_of, old.digest),
        (new.version, new.as_of, new.digest),
        tuple(changes),
        tuple(parties),
        tuple(flips),
        sample,
    )
