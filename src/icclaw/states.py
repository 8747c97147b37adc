"""States: who can act on a treaty, and how a user may name them.

A :class:`State` is identified by its ISO 3166-1 alpha-3 code (``XKX`` for Kosovo, the
user-assigned code in common use; historical states such as the USSR keep their former ISO
codes). A :class:`StateTable` finds a state by code, name or alias, case- and
accent-insensitively, and says which state was meant when a name is unknown or ambiguous.
"""

from __future__ import annotations

import difflib
import enum
import re
import unicodedata
from typing import TYPE_CHECKING

import attrs

from icclaw.dates import Date, optional_date
from icclaw.errors import AmbiguousState, InvalidValue, UnknownState

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from icclaw.findings import Source

__all__ = ["State", "StateCategory", "StateTable", "normalise_name"]

_CODE = re.compile(r"[A-Z]{3}")


class StateCategory(enum.StrEnum):
    """What kind of entity the record holds."""

    UN_MEMBER = "un-member"
    OBSERVER = "observer"
    """A non-member observer state of the UN (the Holy See, the State of Palestine)."""
    NON_MEMBER = "non-member"
    """A state outside the UN taking part in UN treaties (the Cook Islands, Niue)."""
    OTHER = "other"
    """An entity whose statehood is not universally recognised (Kosovo)."""
    HISTORICAL = "historical"
    """A state that no longer exists (the USSR, Yugoslavia, ...)."""

    def __str__(self) -> str:
        return self.value


def _code(_instance: object, _attribute: object, value: str) -> None:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise InvalidValue(
            f"state code {value!r}: expected three capital letters (ISO 3166-1 alpha-3), e.g. 'RUS'"
        )


@attrs.frozen
class State:
    """A state, as the record knows it.

    Attributes:
        code: ISO 3166-1 alpha-3 code, e.g. ``"RUS"``.
        name: English short name, e.g. ``"Russian Federation"``.
        aliases: Other names a user may type: the official long name, common short forms.
        category: UN member, observer, non-member, other, or historical.
        ended: For a historical state, the day it ceased to exist.
        continuator: For a historical state, the code of the state continuing its legal
            personality (the Russian Federation for the USSR), if any.
        source: The source of the entry.
        note: A remark for readers of the record.
    """

    code: str = attrs.field(validator=_code)
    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    category: StateCategory = attrs.field(default=StateCategory.UN_MEMBER, converter=StateCategory)
    ended: Date | None = attrs.field(default=None, converter=optional_date)
    continuator: str | None = attrs.field(default=None)
    source: Source | None = None
    note: str | None = None

    @continuator.validator
    def _check_continuator(self, _attribute: object, value: str | None) -> None:
        if value is not None:
            _code(self, _attribute, value)
            if value == self.code:
                raise InvalidValue(f"{self.code}: a state cannot continue itself")

    def exists_on(self, day: Date) -> bool:
        """Whether the state exists on ``day``: a historical state no longer does from ``ended``."""
        return self.ended is None or day < self.ended

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


def normalise_name(text: str) -> str:
    """Fold a name for lookup: case, accents, punctuation and spacing do not matter.

    >>> normalise_name("  Côte d’Ivoire ")
    'cote d ivoire'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = re.findall(r"[a-z0-9]+", stripped.casefold())
    return " ".join(words)


def _sorted_by_code(states: Iterable[State]) -> tuple[State, ...]:
    return tuple(sorted(states, key=lambda s: s.code))


@attrs.frozen
class StateTable:
    """An indexed, immutable collection of states.

    Attributes:
        states: Every state, sorted by code.
    """

    states: tuple[State, ...] = attrs.field(converter=_sorted_by_code)
    _by_code: Mapping[str, State] = attrs.field(init=False, repr=False, eq=False)
    _by_name: Mapping[str, tuple[str, ...]] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_code: dict[str, State] = {}
        by_name: dict[str, list[str]] = {}
        for state in self.states:
            if state.code in by_code:
                raise InvalidValue(f"state {state.code} appears twice")
            by_code[state.code] = state
            for label in (state.name, *state.aliases):
                codes = by_name.setdefault(normalise_name(label), [])
                if state.code not in codes:
                    codes.append(state.code)
        object.__setattr__(self, "_by_code", by_code)
        object.__setattr__(self, "_by_name", {k: tuple(v) for k, v in by_name.items()})

    def __iter__(self) -> Iterator[State]:
        return iter(self.states)

    def __len__(self) -> int:
        return len(self.states)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def codes(self) -> frozenset[str]:
        """Return every code in the table."""
        return frozenset(self._by_code)

    def get(self, query: str | State) -> State:
        """Find a state by code, name or alias.

        Args:
            query: A code (``"RUS"``), a name (``"Russian Federation"``), an alias
                (``"Russia"``), in any case and with or without accents; or a State.

        Returns:
            The state.

        Raises:
            AmbiguousState: if the name fits several states (e.g. ``"Congo"``); lists them.
            UnknownState: if nothing fits; names the nearest match where one is close.
        """
        if type(query) is str and query in self._by_code:  # an exact code: the common case
            return self._by_code[query]
        if isinstance(query, State):
            if query.code in self._by_code:
                return self._by_code[query.code]
            query = query.code
        if not isinstance(query, str):
            raise UnknownState(
                f"{query!r}: a state is named by its code, name or alias (a string), "
                f"not a {type(query).__name__}",
                query=repr(query),
            )
        text = query.strip()
        if text.upper() in self._by_code and len(text) == 3:
            return self._by_code[text.upper()]
        codes = self._by_name.get(normalise_name(text), ())
        if len(codes) == 1:
            return self._by_code[codes[0]]
        if len(codes) > 1:
            listed = "; ".join(_label(self._by_code[c]) for c in codes)
            raise AmbiguousState(
                f"{query}: ambiguous state name; it may mean {listed} — give the code",
                query=query,
                candidates=codes,
            )
        suggestion = self._nearest(text)
        hint = (
            f"; did you mean {suggestion}?"
            if suggestion
            else "; give an ISO 3166-1 alpha-3 code such as RUS"
        )
        raise UnknownState(f"{query}: unknown state{hint}", query=query, suggestion=suggestion)

    def _nearest(self, text: str) -> str | None:
        upper = text.strip().upper()
        if len(upper) in (2, 3, 4) and upper.isalpha():
            close = difflib.get_close_matches(upper, list(self._by_code), n=1, cutoff=0.6)
            if close:
                return _label(self._by_code[close[0]])
        close = difflib.get_close_matches(
            normalise_name(text), list(self._by_name), n=1, cutoff=0.75
        )
        if close:
            codes = self._by_name[close[0]]
            return " or ".join(_label(self._by_code[c]) for c in codes)
        return None

    def resolve_all(self, queries: Iterable[str | State]) -> tuple[State, ...]:
        """Find several states; see :meth:`get`."""
        return tuple(self.get(q) for q in queries)


def _label(state: State) -> str:
    return f"{state.code} ({state.name})"
