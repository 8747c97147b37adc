"""The fact base: the immutable, indexed facts the engines read.

A :class:`FactBase` holds states, treaties, the actions of states on treaties, declarations,
Security Council texts and the Court's situations, with their indexes and the compiled day
tables (each state's history under each treaty, replayed by :mod:`icclaw.history`). It checks
on construction that every history is lawful and refuses an inconsistent one as a whole: a
fact base is never half-built or half-changed.

It sits below the engines (:mod:`icclaw.status`, :mod:`icclaw.icc`, :mod:`icclaw.ihl`), which
read it and nothing else of the record; the public :class:`~icclaw.record.Record` is the
facade above them and delegates every legal question to them.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import os
from collections import OrderedDict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

import attrs

from icclaw.dates import Date, to_date
from icclaw.errors import InvalidType, Problem, RecordError, UnknownResolution, UnknownTreaty
from icclaw.findings import Finding, Source, made
from icclaw.history import History, StatusTable, history
from icclaw.icc.facts import (
    CourtSituation,
    Declaration,
    DeclarationKind,
    Resolution,
    ResolutionKind,
)
from icclaw.ihl.facts import IhlDeclaration, IhlDeclarationKind
from icclaw.policy import DEFAULT_POLICY, Policy
from icclaw.states import State, StateTable
from icclaw.treaties import Action, Treaty

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from icclaw.dates import DateLike
    from icclaw.findings import Reason

__all__ = ["FactBase"]

_CACHE_LIMIT = 65_536
"""The most entries each of a record's caches keeps; past it, the least recently used goes."""
MAX_VARIANTS = 16
"""The most ways of dating one state's acts on one treaty (alternatives combine)."""
_T = TypeVar("_T")
_F = TypeVar("_F")


def _states(value: Iterable[State] | StateTable) -> StateTable:
    return value if isinstance(value, StateTable) else StateTable(tuple(value))


def _repeated(items: Iterable[_F], file: str, label: Callable[[_F], str]) -> list[Problem]:
    """A problem for each fact given twice (equal in every field) in one file."""
    seen: set[_F] = set()
    out = []
    for item in items:
        if item in seen:
            out.append(Problem(file, label(item), "appears twice: one entry a fact"))
        seen.add(item)
    return out


def _sorted_treaties(value: Iterable[Treaty]) -> tuple[Treaty, ...]:
    return tuple(sorted(value, key=lambda t: t.slug))


def _sorted_declarations(value: Iterable[Declaration]) -> tuple[Declaration, ...]:
    return tuple(sorted(value, key=lambda d: (d.state, d.kind.value, d.lodged)))


def _sorted_resolutions(value: Iterable[Resolution]) -> tuple[Resolution, ...]:
    return tuple(sorted(value, key=lambda r: (r.date, r.label)))


def _sorted_situations(value: Iterable[CourtSituation]) -> tuple[CourtSituation, ...]:
    return tuple(sorted(value, key=lambda s: s.slug))


def _sorted_ihl_declarations(value: Iterable[IhlDeclaration]) -> tuple[IhlDeclaration, ...]:
    return tuple(
        sorted(value, key=lambda d: (d.kind.value, d.state or d.authority or "", d.lodged))
    )


def _sorted_actions(value: Iterable[Action]) -> tuple[Action, ...]:
    return tuple(sorted(value, key=lambda a: a.sort_key))


def _references(
    value: Mapping[str, Iterable[Source]] | Iterable[tuple[str, Iterable[Source]]],
) -> tuple[tuple[str, tuple[Source, ...]], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    out = []
    for group, sources in pairs:
        srcs = tuple(sorted(sources, key=lambda s: s.key or ""))
        for src in srcs:
            if not isinstance(src, Source) or src.key is None:
                raise TypeError(f"references of {group}: each must be a named Source (with a key)")
        if srcs:
            out.append((group, srcs))
    return tuple(sorted(out))


@attrs.frozen
class FactBase:
    """The base of facts: states, treaties, and every action of every state on each treaty.

    Build one with :func:`icclaw.load` (the embedded record, or a folder of your own), or in
    code. Every query takes ``on=`` (the day the question is about; default :attr:`as_of`),
    ``known_on=`` (answer as the record stood that day: only acts received by then count) and
    ``policy=`` (the reading of contested law).

    Attributes:
        states: Every state the record knows.
        treaties: Every treaty, sorted by slug.
        actions: Every action, in canonical order (treaty, state, date).
        as_of: The day the record is complete up to.
        title: A name for the record.
        version: The data version, ``YEAR.MONTH.SERIAL`` (``"2025.12.0"``): bumped with every
            change to the record's content; ``None`` for a record that declares none. Every
            Finding carries it beside the digest.
        origin: Where it was loaded from, for error messages.
        declarations: Declarations under Rome Statute arts. 12(3), 124 and 15bis(4).
        resolutions: Security Council texts put to the vote: adopted resolutions and failed drafts.
        situations: The Court's situations, with their dates.
        ihl_declarations: Declarations under Additional Protocol I (arts. 90 and 96(3)).
        references: Named sources a file of the record declares that no entry cites (a file's
            header cites them for its checks), by file: ``(("treaties/rome-statute",
            (Source, ...)), ...)``. Kept so that what a file says is never dropped.
    """

    states: StateTable = attrs.field(converter=_states)
    treaties: tuple[Treaty, ...] = attrs.field(converter=_sorted_treaties)
    actions: tuple[Action, ...] = attrs.field(converter=_sorted_actions)
    as_of: Date = attrs.field(converter=to_date)
    title: str | None = None
    origin: str = attrs.field(default="<record>", eq=False)
    version: str | None = attrs.field(default=None, kw_only=True)
    declarations: tuple[Declaration, ...] = attrs.field(default=(), converter=_sorted_declarations)
    resolutions: tuple[Resolution, ...] = attrs.field(default=(), converter=_sorted_resolutions)
    situations: tuple[CourtSituation, ...] = attrs.field(default=(), converter=_sorted_situations)
    ihl_declarations: tuple[IhlDeclaration, ...] = attrs.field(
        default=(), converter=_sorted_ihl_declarations
    )
    references: tuple[tuple[str, tuple[Source, ...]], ...] = attrs.field(
        default=(), converter=_references
    )
    _treaty_index: Mapping[str, Treaty] = attrs.field(init=False, repr=False, eq=False)
    _by_pair: Mapping[tuple[str, str], tuple[Action, ...]] = attrs.field(
        init=False, repr=False, eq=False
    )
    _by_state: Mapping[str, tuple[Action, ...]] = attrs.field(init=False, repr=False, eq=False)
    _actors: Mapping[str, tuple[str, ...]] = attrs.field(init=False, repr=False, eq=False)
    _histories: OrderedDict[tuple[str, str, Date | None, Policy, int], History] = attrs.field(
        init=False, repr=False, eq=False
    )
    _variants: Mapping[tuple[str, str], tuple[tuple[Action, ...], ...]] = attrs.field(
        init=False, repr=False, eq=False
    )
    _digest: str | None = attrs.field(init=False, repr=False, eq=False)
    _memo: OrderedDict[object, object] = attrs.field(
        init=False, repr=False, eq=False, factory=OrderedDict
    )
    _quick: dict[tuple[object, object], StatusTable] = attrs.field(
        init=False, repr=False, eq=False, factory=dict
    )
    _declarations: Mapping[tuple[str, DeclarationKind], tuple[Declaration, ...]] = attrs.field(
        init=False, repr=False, eq=False
    )
    _resolution_index: Mapping[str, Resolution] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        treaties: dict[str, Treaty] = {}
        for t in self.treaties:
            if t.slug in treaties:
                problems.append(Problem(self.origin, f"treaty {t.slug}", "appears twice"))
            treaties[t.slug] = t
        object.__setattr__(self, "_treaty_index", treaties)
        for t in self.treaties:
            for field, slug in (
                ("requires", t.requires.treaty if t.requires else None),
                ("niac_via", t.niac_via),
            ):
                if slug is not None and slug not in treaties:
                    why = f"{field} {slug!r}, which the record does not hold"
                    problems.append(Problem(self._file_of(t.slug), "treaty", why))
        problems.extend(self._index_actions())
        problems.extend(self._check_states())
        problems.extend(self._check_sources())
        problems.extend(self._index_icc_facts())
        object.__setattr__(self, "_histories", OrderedDict())
        problems.extend(self._build_histories())
        if problems:
            raise RecordError(problems)
        object.__setattr__(self, "_digest", None)

    def _file_of(self, treaty: str) -> str:
        """Where a treaty's acts come from, for problem reports: its file in a record folder."""
        if self.origin.startswith("<"):
            return self.origin
        return _treaty_file(self.origin, treaty)

    def _index_actions(self) -> list[Problem]:
        problems = []
        by_pair: dict[tuple[str, str], list[Action]] = {}
        by_state: dict[str, list[Action]] = {}
        seen: set[tuple[str, str, str, Date]] = set()
        states, treaties = self.states, self._treaty_index
        for a in self.actions:
            key = (a.treaty, a.state, a.kind.value, a.date)
            if (
                a.state not in states
                or a.treaty not in treaties
                or a.date > self.as_of
                or key in seen
            ):
                file, entry = self._file_of(a.treaty), a.describe()
                if a.state not in states:
                    why = f"unknown state code {a.state!r}; the states table has no such code"
                    problems.append(Problem(file, entry, why))
                if a.treaty not in treaties:
                    problems.append(Problem(file, entry, f"unknown treaty {a.treaty!r}"))
                if a.date > self.as_of:
                    why = f"dated after the record's as_of ({self.as_of})"
                    problems.append(Problem(file, entry, why))
                if key in seen:
                    problems.append(Problem(file, entry, "duplicate entry"))
            ended = states.get(a.state).ended if a.state in states else None
            if ended is not None and a.date > ended:
                why = f"dated after {a.state} ceased to exist ({ended}); a successor acts under its own code"
                problems.append(Problem(self._file_of(a.treaty), a.describe(), why))
            seen.add(key)
            by_pair.setdefault((a.treaty, a.state), []).append(a)
            by_state.setdefault(a.state, []).append(a)
        actors: dict[str, list[str]] = {}
        for treaty_slug, code in sorted(by_pair):
            actors.setdefault(treaty_slug, []).append(code)
        in_date_order = {
            k: tuple(sorted(v, key=lambda a: (a.date, a.kind.order, a.treaty)))
            for k, v in by_state.items()
        }
        variants = {
            k: _variants_of(tuple(v)) for k, v in by_pair.items() if any(a.alternatives for a in v)
        }
        for (slug, code), ways in variants.items():
            if len(ways) > MAX_VARIANTS:
                why = (
                    f"{len(ways)} ways of dating {code}'s acts on {slug}; at most {MAX_VARIANTS} "
                    "combinations of disputed dates are kept for one state and treaty"
                )
                problems.append(Problem(self._file_of(slug), f"state {code}", why))
        variants = {k: v[:MAX_VARIANTS] for k, v in variants.items()}
        object.__setattr__(self, "_variants", variants)
        object.__setattr__(self, "_by_pair", {k: tuple(v) for k, v in by_pair.items()})
        object.__setattr__(self, "_by_state", in_date_order)
        object.__setattr__(self, "_actors", {k: tuple(v) for k, v in actors.items()})
        return problems

    def _check_states(self) -> list[Problem]:
        problems = []
        for s in self.states:
            entry = f"state {s.code}"
            if s.source is None:
                why = "missing source: every fact in the record needs one"
                problems.append(Problem(self.origin, entry, why))
            if s.continuator is not None and s.continuator not in self.states:
                why = f"continuator {s.continuator!r} is not in the states table"
                problems.append(Problem(self.origin, entry, why))
        return problems

    def _build_histories(self) -> list[Problem]:
        """Replay every state's acts under the default policy: the lawfulness check.

        Where sources date an act differently, each dating is replayed: every one must be a
        lawful history. A treaty that only binds the states bound by another (a CCW Protocol)
        refuses a consent deposited before the state's first consent to that other treaty.
        """
        problems: list[Problem] = []
        default = DEFAULT_POLICY
        for (slug, code), acts in self._by_pair.items():
            treaty = self._treaty_index.get(slug)
            if treaty is None:
                continue
            for i, variant in enumerate(self._variants.get((slug, code), (acts,))):
                try:
                    self._histories[(code, slug, None, default, i)] = history(
                        code, treaty, variant, policy=default, file=self._file_of(slug)
                    )
                except RecordError as exc:
                    problems.extend(p for p in exc.problems if p not in problems)
            problems.extend(self._check_requires(treaty, code, acts))
        return problems

    def _check_requires(self, treaty: Treaty, code: str, acts: tuple[Action, ...]) -> list[Problem]:
        """A consent to a treaty that binds only the parties to another must follow theirs."""
        req = treaty.requires
        if req is None:
            return []
        file = self._file_of(treaty.slug)
        if req.treaty not in self._treaty_index:
            return []  # reported once, with the treaty (see __attrs_post_init__)
        parent = [a.date for a in self._by_pair.get((req.treaty, code), ()) if a.kind.is_consent]
        return [
            Problem(
                file,
                a.describe(),
                f"{treaty.short_title} binds only states bound by the "
                f"{self._treaty_index[req.treaty].short_title} ({req.article}), but {code}'s first consent "
                + (f"to it is dated {min(parent)}" if parent else "to it is not in the record"),
            )
            for a in acts
            if a.kind.is_consent and (not parent or a.date < min(parent))
        ]

    def _index_icc_facts(self) -> list[Problem]:
        problems = []
        where = self.origin if self.origin.startswith("<") else os.path.join(self.origin, "icc")
        codes: list[tuple[str, str, str]] = []
        problems += _repeated(
            self.declarations,
            f"{where}/declarations.toml" if not where.startswith("<") else where,
            lambda d: d.describe(),
        )
        problems += _repeated(
            self.ihl_declarations,
            f"{self.origin}/ihl/declarations.toml"
            if not self.origin.startswith("<")
            else self.origin,
            lambda d: f"{d.kind.value} {d.lodged}",
        )
        for d in self.declarations:
            codes.append(
                (
                    f"{where}/declarations.toml" if not where.startswith("<") else where,
                    d.describe(),
                    d.state,
                )
            )
            if d.lodged > self.as_of:
                problems.append(
                    Problem(where, d.describe(), f"lodged after the record's as_of ({self.as_of})")
                )
        labels: dict[str, Resolution] = {}
        for r in self.resolutions:
            file = f"{where}/security-council.toml" if not where.startswith("<") else where
            for key in (r.number, r.symbol, r.name):
                if key is not None:
                    if key in labels:
                        problems.append(Problem(file, r.label, f"{key} appears twice"))
                    labels[key] = r
            codes += [
                (file, r.label, c)
                for c in (*r.yes, *r.no, *r.abstain, *r.territory, *r.cooperation)
            ]
            if r.date > self.as_of:
                problems.append(
                    Problem(file, r.label, f"voted after the record's as_of ({self.as_of})")
                )
        slugs: set[str] = set()
        for s in self.situations:
            file = f"{where}/situations.toml" if not where.startswith("<") else where
            if s.slug in slugs:
                problems.append(Problem(file, s.slug, "appears twice"))
            slugs.add(s.slug)
            if s.security_council is not None and s.security_council not in labels:
                why = f"security_council {s.security_council!r} names no Council text in the record (security-council.toml)"
                problems.append(Problem(file, s.slug, why))
            codes += [(file, s.slug, c) for c in (*s.territory, *s.referred_by)]
        for ihl in self.ihl_declarations:
            file = (
                f"{self.origin}/ihl/declarations.toml"
                if not self.origin.startswith("<")
                else self.origin
            )
            codes += [
                (file, f"{ihl.kind.value} {ihl.lodged}", c)
                for c in (ihl.state, ihl.against)
                if c is not None
            ]
        for file, entry, code in codes:
            if code not in self.states:
                problems.append(Problem(file, entry, f"unknown state code {code!r}"))
        by_kind: dict[tuple[str, DeclarationKind], list[Declaration]] = {}
        for d in self.declarations:
            by_kind.setdefault((d.state, d.kind), []).append(d)
        object.__setattr__(self, "_declarations", {k: tuple(v) for k, v in by_kind.items()})
        object.__setattr__(self, "_resolution_index", labels)
        return problems

    def _source_groups(self) -> dict[str, list[Source]]:
        """The sources of each file of the record format: a key names one source per file."""
        groups: dict[str, list[Source]] = {
            "states": [s.source for s in self.states if s.source is not None]
        }
        for t in self.treaties:
            groups[f"treaties/{t.slug}"] = [t.source]
        for a in self.actions:
            groups[f"treaties/{a.treaty}"] += [
                a.source,
                *((a.announced_source,) if a.announced_source else ()),
            ]
        groups["icc/declarations"] = [d.source for d in self.declarations]
        groups["icc/security-council"] = [r.source for r in self.resolutions]
        groups["icc/situations"] = [s.source for s in self.situations]
        groups["ihl/declarations"] = [d.source for d in self.ihl_declarations]
        for group, sources in self.references:
            groups.setdefault(group, []).extend(sources)
        return groups

    def _check_sources(self) -> list[Problem]:
        out = []
        for group, sources in self._source_groups().items():
            keyed: dict[str, Source] = {}
            for src in sources:
                if src.key is None:
                    continue
                if src.key in keyed and keyed[src.key] != src:
                    why = f"two different sources share this key in {group}"
                    out.append(Problem(self.origin, f"source {src.key!r}", why))
                keyed.setdefault(src.key, src)
        return out

    def _canonical(self) -> bytes:
        from icclaw.data.serial import action_out, fact_out, state_out, treaty_out  # noqa: PLC0415

        refs = dict(self.references)

        def group(
            items: list[dict[str, Any]], named: dict[str, Source], name: str
        ) -> dict[str, Any]:
            for src in refs.get(name, ()):
                named.setdefault(src.key or "", src)
            return {"items": items, "sources": {k: v.to_dict() for k, v in sorted(named.items())}}

        named: dict[str, Source] = {}
        content: dict[str, Any] = {
            "as_of": self.as_of.isoformat(),
            "title": self.title,
            "version": self.version,
        }
        content["states"] = group([state_out(s, named) for s in self.states], named, "states")
        for t in self.treaties:
            named = {}
            items = [
                treaty_out(t, named),
                *(action_out(a, named) for a in self.actions if a.treaty == t.slug),
            ]
            content[f"treaties/{t.slug}"] = group(items, named, f"treaties/{t.slug}")
        facts = (
            ("icc/declarations", self.declarations),
            ("icc/security-council", self.resolutions),
            ("icc/situations", self.situations),
            ("ihl/declarations", self.ihl_declarations),
        )
        for name, facts_of in facts:
            named = {}
            content[name] = group([fact_out(f, named) for f in facts_of], named, name)
        return json.dumps(content, sort_keys=True, default=str, ensure_ascii=False).encode()

    # --- identity --------------------------------------------------------------------------

    @property
    def digest(self) -> str:
        """SHA-256 of the record's canonical content: equal records have equal digests."""
        if self._digest is None:  # computed once, when first asked for
            object.__setattr__(self, "_digest", hashlib.sha256(self._canonical()).hexdigest())
        assert self._digest is not None
        return self._digest

    def finding(
        self,
        question: str,
        holds: bool | None,
        *,
        value: object = None,
        reasons: Iterable[Reason] = (),
        missing: Iterable[str] = (),
        qualifiers: Iterable[str] = (),
        policy: Policy | None = None,
        on: Date | None = None,
        known_on: Date | None = None,
    ) -> Finding:
        """A Finding answered from this record: it carries the record's ``as_of`` and digest."""
        return made(
            question,
            holds,
            value=value,
            reasons=tuple(reasons),
            missing=tuple(missing),
            qualifiers=tuple(qualifiers),
            policy=policy,
            on=on,
            known_on=known_on,
            as_of=self.as_of,
            digest=self.digest,
            data_version=self.version,
        )

    def cached(self, key: object, compute: Callable[[], _T]) -> _T:
        """Return ``compute()``, computed once per ``key`` for this record (for the engines)."""
        memo = self._memo
        try:
            value = memo[key]
        except KeyError:
            value = memo[key] = compute()
            if len(memo) > _CACHE_LIMIT:  # evict the least recently used
                memo.popitem(last=False)
            return value
        memo.move_to_end(key)
        return value  # type: ignore[return-value]

    def state(self, query: str | State) -> State:
        """Find a state by code, name or alias; see :meth:`icclaw.states.StateTable.get`."""
        return self.states.get(query)

    def treaty(self, slug: str | Treaty) -> Treaty:
        """Find a treaty by its slug (e.g. ``"rome-statute"``).

        Raises:
            UnknownTreaty: naming the closest known slug.
        """
        if type(slug) is str and slug in self._treaty_index:  # an exact slug: the common case
            return self._treaty_index[slug]
        if isinstance(slug, Treaty):
            slug = slug.slug
        text = str(slug).strip().lower()
        if text in self._treaty_index:
            return self._treaty_index[text]
        import difflib  # noqa: PLC0415

        close = difflib.get_close_matches(text, list(self._treaty_index), n=1, cutoff=0.5)
        known = ", ".join(self._treaty_index) or "(none)"
        hint = f"did you mean {close[0]}?" if close else f"known treaties: {known}"
        raise UnknownTreaty(
            f"{slug}: unknown treaty; {hint}",
            query=str(slug),
            suggestion=close[0] if close else None,
        )

    def actors(self, treaty: str | Treaty) -> tuple[str, ...]:
        """Return the codes of every state that has acted on ``treaty``, sorted."""
        return self._actors.get(self.treaty(treaty).slug, ())

    def actions_of(self, state: str | State, treaty: str | Treaty) -> tuple[Action, ...]:
        """Return ``state``'s acts on ``treaty`` in date order."""
        return self._by_pair.get((self.treaty(treaty).slug, self.state(state).code), ())

    def history(
        self,
        state: str | State,
        treaty: str | Treaty,
        *,
        known_on: DateLike | None = None,
        policy: Policy | None = None,
    ) -> History:
        """Return ``state``'s history under ``treaty`` (cached).

        Where sources date an act differently (an act's ``alternatives``), this is the history
        by the act's own dating; :meth:`histories` gives every dating's.
        """
        return self._history(self.state(state).code, self.treaty(treaty), known_on, policy, 0)

    def histories(
        self,
        state: str | State,
        treaty: str | Treaty,
        *,
        known_on: DateLike | None = None,
        policy: Policy | None = None,
    ) -> tuple[History, ...]:
        """Return ``state``'s history under ``treaty`` as each source dates its acts.

        One history for most pairs; where sources disagree on the date of an act, one for each
        way of dating the disputed acts, the record's own first.
        """
        code, tr = self.state(state).code, self.treaty(treaty)
        count = len(self._variants.get((tr.slug, code), ((),)))
        return tuple(self._history(code, tr, known_on, policy, i) for i in range(count))

    def variant_actions(
        self, state: str | State, treaty: str | Treaty
    ) -> tuple[tuple[Action, ...], ...]:
        """Return ``state``'s acts on ``treaty`` as each source dates them (see :meth:`histories`)."""
        tr, code = self.treaty(treaty), self.state(state).code
        return self._variants.get((tr.slug, code), (self._by_pair.get((tr.slug, code), ()),))

    def _history(
        self, code: str, tr: Treaty, known_on: DateLike | None, policy: Policy | None, index: int
    ) -> History:
        day = to_date(known_on, field="known_on") if known_on is not None else None
        key = (code, tr.slug, day, policy or DEFAULT_POLICY, index)
        found = self._histories.get(key)
        if found is None:
            acts = self.variant_actions(code, tr)[index]
            found = history(
                code, tr, acts, policy=key[3], known_on=day, file=self._file_of(tr.slug)
            )
            self._histories[key] = found
            if len(self._histories) > _CACHE_LIMIT:  # evict the least recently used
                self._histories.popitem(last=False)
        else:
            self._histories.move_to_end(key)
        return found

    # --- treaty law ------------------------------------------------------------------------

    def _day(self, on: DateLike | None) -> Date:
        return self.as_of if on is None else to_date(on, field="on")

    def timeline(
        self, state: str | State, *, known_on: DateLike | None = None
    ) -> tuple[Action, ...]:
        """Return every act of ``state`` on every treaty, in date order."""
        code = self.state(state).code
        day = _opt(known_on)
        return tuple(a for a in self._by_state.get(code, ()) if day is None or a.date <= day)

    def knows(self, state: str | State, treaty: str | Treaty) -> bool:
        """Whether the record holds any act of ``state`` on ``treaty``.

        Always true of a complete treaty record.
        """
        tr = self.treaty(treaty)
        return not tr.partial or bool(self._by_pair.get((tr.slug, self.state(state).code)))

    def complete_until(self, treaty: str | Treaty) -> Date:
        """The day up to which the record holds every act on ``treaty``."""
        tr = self.treaty(treaty)
        return min(tr.complete_until, self.as_of) if tr.complete_until is not None else self.as_of

    # --- the facts of the Rome Statute engine ------------------------------------------------

    @property
    def treaty_slugs(self) -> frozenset[str]:
        """The slugs of every treaty in the record."""
        return frozenset(self._treaty_index)

    def declarations_of(
        self, state: str | State, kind: DeclarationKind | str, *, known_on: DateLike | None = None
    ) -> tuple[Declaration, ...]:
        """Return ``state``'s declarations of ``kind`` lodged by ``known_on`` (all if ``None``)."""
        found = self._declarations.get((self.state(state).code, DeclarationKind(kind)), ())
        day = _opt(known_on)
        return found if day is None else tuple(d for d in found if d.lodged <= day)

    def declarants(
        self, kind: DeclarationKind | str, *, known_on: DateLike | None = None
    ) -> tuple[str, ...]:
        """Return the codes of every state that lodged a declaration of ``kind``."""
        kind = DeclarationKind(kind)
        return tuple(
            sorted(
                {
                    code
                    for (code, k) in self._declarations
                    if k is kind and self.declarations_of(code, k, known_on=known_on)
                }
            )
        )

    def resolution(self, label: str) -> Resolution:
        """Find a Security Council text by number (``"1593"``, ``"res. 1593"``) or symbol.

        Raises:
            UnknownResolution: naming the texts the record holds.
        """
        text = str(label).strip()
        for prefix in ("res.", "resolution", "S/RES/"):
            if text.lower().startswith(prefix.lower()):
                text = text[len(prefix) :].strip()
        text = text.split("(")[0].strip()
        found = self._resolution_index.get(text)
        if found is None:
            known = ", ".join(sorted(self._resolution_index)) or "none"
            raise UnknownResolution(
                f"{label}: no Security Council text with this number or symbol in the record; it holds {known}"
            )
        return found

    def resolutions_of(
        self, kind: ResolutionKind | str, *, known_on: DateLike | None = None
    ) -> tuple[Resolution, ...]:
        """Return the Council texts of ``kind`` voted on by ``known_on`` (all if ``None``)."""
        kind, day = ResolutionKind(kind), _opt(known_on)
        return tuple(
            r for r in self.resolutions if r.kind is kind and (day is None or r.date <= day)
        )

    def situations_concerning(
        self, state: str | State, *, known_on: DateLike | None = None
    ) -> tuple[CourtSituation, ...]:
        """Return the situations on ``state``'s territory known by ``known_on``."""
        code, day = self.state(state).code, _opt(known_on)
        out = []
        for s in self.situations:
            since = s.first_day
            if code in s.territory and (day is None or (since is not None and since <= day)):
                out.append(s)
        return tuple(out)

    def situations_authorised_on(
        self, day: DateLike, territory: Iterable[str] = ()
    ) -> tuple[CourtSituation, ...]:
        """Return the situations authorised on ``day`` (on any of ``territory``, if given)."""
        d, where = to_date(day), set(territory)
        return tuple(
            s
            for s in self.situations
            if s.authorised == d and (not where or where & set(s.territory))
        )

    # --- the Rome Statute engine ------------------------------------------------------------

    # --- armed-conflict classification ------------------------------------------------------

    def ihl_declarations_of(
        self, kind: IhlDeclarationKind | str, on: DateLike | None = None
    ) -> tuple[IhlDeclaration, ...]:
        """The declarations under Additional Protocol I of ``kind`` certainly standing on ``on``.

        Those whose sources' datings disagree on that day are :meth:`ihl_declarations_open`.
        """
        kind, day = IhlDeclarationKind(kind), self._day(on)
        return tuple(d for d in self.ihl_declarations if d.kind is kind and d.in_effect(day))

    def ihl_declarations_open(
        self, kind: IhlDeclarationKind | str, on: DateLike | None = None
    ) -> tuple[IhlDeclaration, ...]:
        """The declarations of ``kind`` whose sources disagree on whether they stood on ``on``.

        Neither in :meth:`ihl_declarations_of` nor certainly absent: each carries the datings
        (``lodged`` and its ``alternatives``) that disagree.
        """
        kind, day = IhlDeclarationKind(kind), self._day(on)
        return tuple(
            d for d in self.ihl_declarations if d.kind is kind and d.in_effect(day) is None
        )

    # --- what if ---------------------------------------------------------------------------

    def with_action(self, *actions: Action) -> Self:
        """Return a new record with ``actions`` added ("what if Russia had ratified in 2005?").

        The new record must be consistent as a whole; ``as_of`` moves forward to cover the
        new acts if needed. This record is not changed.

        Raises:
            RecordError: listing what the added acts would make inconsistent.
            InvalidType: something other than an :class:`~icclaw.Action` was given.
        """
        _only_actions(actions, "with_action")
        as_of = max([self.as_of, *(a.date for a in actions)])
        return attrs.evolve(
            self, actions=(*self.actions, *actions), as_of=as_of, origin="<what-if>"
        )

    def without_actions(self, *actions: Action) -> Self:
        """Return a new record without ``actions`` ("what if Russia had never un-signed?").

        Raises:
            RecordError: if an act is not in the record, or the rest is inconsistent.
            InvalidType: something other than an :class:`~icclaw.Action` was given.
        """
        _only_actions(actions, "without_actions")
        missing = [a for a in actions if a not in self.actions]
        if missing:
            raise RecordError(
                [
                    Problem("<what-if>", f"{a.treaty} {a.describe()}", "not in the record")
                    for a in missing
                ]
            )
        return attrs.evolve(
            self, actions=tuple(a for a in self.actions if a not in actions), origin="<what-if>"
        )


def _only_actions(given: tuple[object, ...], method: str) -> None:
    """Refuse anything but Actions, naming it: a list passed whole is the common slip."""
    for i, item in enumerate(given, 1):
        if not isinstance(item, Action):
            hint = (
                f"; pass them one by one: {method}(*acts)" if isinstance(item, list | tuple) else ""
            )
            raise InvalidType(
                f"{method}: argument {i} is {type(item).__name__}, not an Action{hint}"
            )


@functools.lru_cache(maxsize=256)
def _treaty_file(origin: str, treaty: str) -> str:
    return os.path.join(origin, "treaties", f"{treaty}.toml")


def _variants_of(acts: tuple[Action, ...]) -> tuple[tuple[Action, ...], ...]:
    """Every way of dating ``acts`` when some have alternatives: the record's own first."""
    return tuple(itertools.product(*(a.variants() for a in acts)))


def _opt(day: DateLike | None) -> Date | None:
    return None if day is None else to_date(day, field="known_on")
