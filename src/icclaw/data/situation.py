"""Read a situation of violence from a TOML or JSON file (schema 1).

A situation file::

    schema = 1
    name = "Ukraine, 2014"
    [sources.otp-2016]             # named sources, as in record files
    kind = "official-page"
    title = "..."
    [[state]]                      # the states taking part
    code = "UKR"
    [[group]]                      # the armed groups
    name = "DPR/LPR armed groups"
    [group.organisation]           # true / false / leave out (unknown); "asserted" decides
    asserted = true
    [[hostilities]]                # end: last day of fighting; concluded: true (peace), false (lull)
    a = "UKR"
    b = "DPR/LPR armed groups"
    start = 2014-04-30             # TOML date (in JSON: "2014-04-30")
    territory = "UKR"
    source = "otp-2016"
    [hostilities.intensity]
    asserted = true
    [[control]]                    # state, group, level (none/overall/effective/unknown), start, end
    [[consent]]                    # territorial_state, foreign_state, start, end
    [[occupation]]                 # occupant, territory, start, end, effective_control, area, through

Every problem is collected and raised as one :class:`~icclaw.errors.DataError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from icclaw.data.files import clip, read_document
from icclaw.data.serial import SCHEMA, Reader
from icclaw.dates import Period
from icclaw.errors import DataError, Problem
from icclaw.ihl.facts import (
    ArmedGroup,
    Consent,
    Control,
    Hostilities,
    Intensity,
    Occupation,
    Organisation,
    Situation,
    StateActor,
)

if TYPE_CHECKING:
    import os

__all__ = ["load_situation"]

_T = TypeVar("_T")


def load_situation(path: str | os.PathLike[str]) -> Situation:
    """Read a situation from ``path`` (``.toml`` or ``.json``).

    Raises:
        DataError: every problem in the file, each with its entry and reason.
        FileNotFoundError: if there is no such file.
    """
    file = Path(path)
    if not file.exists() and not file.is_symlink():
        raise FileNotFoundError(f"{clip(str(file))}: no such situation file")
    problems: list[Problem] = []
    form: Literal["toml", "json"] = "json" if file.suffix.lower() == ".json" else "toml"
    raw = read_document(file, problems, form=form)
    if raw is None:
        raise DataError(problems)
    return _Situation(str(file), json_dates=file.suffix.lower() == ".json").read(raw)


class _Situation(Reader):
    def __init__(self, file: str, *, json_dates: bool) -> None:
        super().__init__(file)
        self.json_dates = json_dates

    def day(self, raw: Mapping[str, Any], key: str, entry: str) -> dt.date | None:
        value = raw.get(key)
        if self.json_dates and isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                self.problem(entry, f"'{key}' = {value!r} is not a date; write YYYY-MM-DD")
                return None
        return self.date(raw, key, entry)

    def period(self, raw: Mapping[str, Any], entry: str) -> Period | None:
        start = self.day(raw, "start", entry)
        end = self.day(raw, "end", entry)
        if start is None:
            if "start" not in raw:
                self.problem(entry, "missing field 'start'")
            return None
        return self.build(entry, lambda: Period(start, end))

    def indicators(self, cls: type[Organisation] | type[Intensity], raw: Any, entry: str) -> Any:
        if raw is None:
            return cls()
        if not isinstance(raw, Mapping):
            self.problem(
                entry, "must be a table of indicators: true, false, or left out when unknown"
            )
            return None
        names = (*cls.INDICATORS, "asserted")
        if not self.fields(raw, entry, (), (*names, "sources")):
            return None
        sources = {}
        given = raw.get("sources", {})
        if not isinstance(given, Mapping):
            self.problem(entry, "sources must be a table: indicator name = source")
            return None
        for name, src in given.items():
            found = self.source(src, f"{entry} sources.{name}")
            if found is not None:
                sources[name] = found
        values = {n: raw.get(n) for n in names if n in raw}
        return self.build(entry, lambda: cls(**values, sources=sources))

    def optional_source(self, raw: Mapping[str, Any], entry: str) -> Any:
        return self.source(raw["source"], entry) if "source" in raw else None

    def each(
        self, raw: Mapping[str, Any], table: str, read: Callable[[Mapping[str, Any], str], Any]
    ) -> list[Any]:
        entries = raw.get(table, [])
        if not isinstance(entries, list):
            self.problem(table, f"must be an array of tables: [[{table}]]")
            return []
        out = []
        for i, item in enumerate(entries):
            entry = f"{table} {i + 1}"
            if not isinstance(item, Mapping):
                self.problem(entry, "must be a table")
                continue
            found = read(item, entry)
            if found is not None:
                out.append(found)
        return out

    def read(self, raw: Mapping[str, Any]) -> Situation:
        if raw.get("schema") != SCHEMA:
            self.problem(
                "schema", f"schema = {raw.get('schema')!r}; this icclaw reads schema = {SCHEMA}"
            )
        allowed = {
            "schema",
            "name",
            "source",
            "sources",
            "state",
            "group",
            "hostilities",
            "control",
            "consent",
            "occupation",
        }
        for key in sorted(set(raw) - allowed):
            self.problem(
                "file", f"unknown top-level field '{key}'; allowed: {', '.join(sorted(allowed))}"
            )
        self.named_sources(raw.get("sources"))
        states = self.each(raw, "state", self.state_actor)
        groups = self.each(raw, "group", self.group)
        hostilities = self.each(raw, "hostilities", self.hostilities)
        controls = self.each(raw, "control", self.control)
        consents = self.each(raw, "consent", self.consent)
        occupations = self.each(raw, "occupation", self.occupation)
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            self.problem("name", "the situation needs a name")
        if self.problems:
            raise DataError(self.problems)
        situation = self.build(
            "situation",
            lambda: Situation(
                str(name),
                (*states, *groups),
                hostilities,
                controls,
                consents,
                occupations,
                self.optional_source(raw, "situation"),
            ),
        )
        if situation is None:
            raise DataError(self.problems)
        return situation

    def state_actor(self, raw: Mapping[str, Any], entry: str) -> StateActor | None:
        if not self.fields(raw, entry, ("code",), ()):
            return None
        return self.build(entry, lambda: StateActor(raw["code"]))

    def group(self, raw: Mapping[str, Any], entry: str) -> ArmedGroup | None:
        if not self.fields(
            raw, entry, ("name",), ("organisation", "liberation_movement", "source")
        ):
            return None
        organisation = self.indicators(
            Organisation, raw.get("organisation"), f"{entry} organisation"
        )
        if organisation is None:
            return None
        return self.build(
            entry,
            lambda: ArmedGroup(
                raw["name"],
                organisation,
                raw.get("liberation_movement", False),
                self.optional_source(raw, entry),
            ),
        )

    def hostilities(self, raw: Mapping[str, Any], entry: str) -> Hostilities | None:
        if not self.fields(
            raw,
            entry,
            ("a", "b", "start", "territory"),
            ("end", "concluded", "intensity", "area", "source"),
        ):
            return None
        period = self.period(raw, entry)
        intensity = self.indicators(Intensity, raw.get("intensity"), f"{entry} intensity")
        if period is None or intensity is None:
            return None
        return self.build(
            entry,
            lambda: Hostilities(
                raw["a"],
                raw["b"],
                period,
                raw["territory"],
                intensity,
                raw.get("area"),
                self.optional_source(raw, entry),
                raw.get("concluded"),
            ),
        )

    def dated(
        self,
        raw: Mapping[str, Any],
        entry: str,
        fields: tuple[tuple[str, ...], tuple[str, ...]],
        make: Callable[[Period], _T],
    ) -> _T | None:
        """Read an entry with a period.

        Check its fields (``start`` and ``end`` added), read the period, then build it; ``None``
        with the problem recorded if any step fails.
        """
        required, optional = fields
        if not self.fields(raw, entry, (*required, "start"), ("end", *optional)):
            return None
        period = self.period(raw, entry)
        if period is None:
            return None
        return self.build(entry, lambda: make(period))

    def control(self, raw: Mapping[str, Any], entry: str) -> Control | None:
        return self.dated(
            raw,
            entry,
            (("state", "group", "level"), ("source",)),
            lambda period: Control(
                raw["state"], raw["group"], raw["level"], period, self.optional_source(raw, entry)
            ),
        )

    def consent(self, raw: Mapping[str, Any], entry: str) -> Consent | None:
        return self.dated(
            raw,
            entry,
            (("territorial_state", "foreign_state"), ("source",)),
            lambda period: Consent(
                raw["territorial_state"],
                raw["foreign_state"],
                period,
                self.optional_source(raw, entry),
            ),
        )

    def occupation(self, raw: Mapping[str, Any], entry: str) -> Occupation | None:
        return self.dated(
            raw,
            entry,
            (("occupant", "territory"), ("effective_control", "area", "through", "source")),
            lambda period: Occupation(
                raw["occupant"],
                raw["territory"],
                period,
                raw.get("effective_control"),
                raw.get("area"),
                raw.get("through"),
                self.optional_source(raw, entry),
            ),
        )
