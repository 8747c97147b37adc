"""The errors icclaw raises.

Every error is an :class:`IcclawError` and also an instance of the builtin exception whose
meaning it shares, so ``except LookupError`` or ``except ValueError`` keep working.
Messages say what was wrong, where, and what would be right.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "AmbiguousState",
    "DataError",
    "IcclawError",
    "Indeterminate",
    "InvalidDate",
    "InvalidPolicy",
    "InvalidType",
    "InvalidValue",
    "MissingDependency",
    "Problem",
    "RecordError",
    "UnknownCode",
    "UnknownResolution",
    "UnknownSituation",
    "UnknownState",
    "UnknownTreaty",
]


QUOTE = 200
"""The most characters of one unbroken value a message quotes."""

MESSAGE = 2000
"""The longest message of an error that is not a report of problems."""

_LONG = re.compile(rf"\S{{{QUOTE + 1},}}")


def bounded(message: str, limit: int | None = MESSAGE) -> str:
    """``message`` with long quoted values cut short, and the whole cut to ``limit``.

    An unbroken run of over :data:`QUOTE` characters is a value quoted whole: it is cut.
    """
    message = _LONG.sub(
        lambda m: f"{m.group()[: QUOTE - 1]}…({len(m.group()):,} characters)", message
    )
    if limit is not None and len(message) > limit:
        message = f"{message[: limit - 1]}… ({len(message):,} characters)"
    return message


class IcclawError(Exception):
    """Base class of every error raised by icclaw.

    Its message quotes no value of over :data:`QUOTE` characters whole, and (but for a report
    of problems, bounded by its own rules) is at most :data:`MESSAGE` characters long.
    """

    def __init__(self, *args: object) -> None:
        if args and isinstance(args[0], str):
            args = (bounded(args[0], None if isinstance(self, RecordError) else MESSAGE), *args[1:])
        super().__init__(*args)


class InvalidValue(IcclawError, ValueError):
    """A value given to icclaw is not one it can accept; the message says what would be."""


class InvalidType(IcclawError, TypeError):
    """A value given to icclaw is of a type it cannot accept; the message says which would be."""


class InvalidDate(IcclawError, ValueError):
    """A value could not be read as a calendar date."""


class MissingDependency(IcclawError, ImportError):
    """An optional part of icclaw needs a package that is not installed.

    The message names the extra that brings it (e.g. ``pip install 'icclaw[tables]'``).
    """


class InvalidPolicy(IcclawError, ValueError):
    """A policy name or value is not one icclaw knows."""


class UnknownState(IcclawError, LookupError):
    """No state in the record answers to the given code, name or alias.

    Attributes:
        query: What was asked for.
        suggestion: The closest known code, name or alias, if any is close.
    """

    def __init__(self, message: str, *, query: str, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.query = query
        self.suggestion = suggestion


class AmbiguousState(UnknownState):
    """A name or alias fits several states; the message lists them.

    Attributes:
        candidates: The codes of every state the name fits.
    """

    def __init__(self, message: str, *, query: str, candidates: Sequence[str]) -> None:
        super().__init__(message, query=query)
        self.candidates = tuple(candidates)


class UnknownCode(UnknownState):
    """A value in another scheme (COW, G&W, UCDP, ...) names no state of the record on the day.

    The message says why: the value is unknown or malformed, names a state the record does not
    hold, needs a date because its meaning changed, or names nothing on that day.

    Attributes:
        query: The value asked for, as quoted in the message.
        scheme: The scheme it was read in, e.g. ``"cow"``.
        suggestion: The closest known value, if any is close.
        row: For a batch, the index of the first value that failed.
        failed: For a batch, how many values failed.
    """

    def __init__(
        self,
        message: str,
        *,
        query: str,
        scheme: str,
        suggestion: str | None = None,
        row: int | None = None,
        failed: int = 0,
    ) -> None:
        super().__init__(message, query=query, suggestion=suggestion)
        self.scheme = scheme
        self.row = row
        self.failed = failed


class UnknownTreaty(IcclawError, LookupError):
    """No treaty in the record has the given slug.

    Attributes:
        query: What was asked for.
        suggestion: The closest known slug, if any is close.
    """

    def __init__(self, message: str, *, query: str, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.query = query
        self.suggestion = suggestion


class UnknownResolution(IcclawError, LookupError):
    """No Security Council text in the record has the given number or symbol."""


class UnknownSituation(IcclawError, LookupError):
    """Neither a situation file nor a name in the catalogue of real situations.

    Attributes:
        query: What was asked for.
        suggestion: The closest name in the catalogue, if any is close.
    """

    def __init__(self, message: str, *, query: str, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.query = query
        self.suggestion = suggestion


class Problem:
    """One thing wrong with the record: where it is and what is wrong.

    Attributes:
        file: The file (or ``"<record>"`` for a record built in code).
        entry: Which entry: e.g. ``"action 12 (RUS signature-withdrawal 2016-11-30)"``.
        message: What is wrong, and what would be right.
    """

    __slots__ = ("entry", "file", "message")

    def __init__(self, file: str, entry: str, message: str) -> None:
        self.file = file
        self.entry = entry
        self.message = message

    def __str__(self) -> str:
        return f"{self.file}: {self.entry}: {self.message}"

    def __repr__(self) -> str:
        return f"Problem({self.file!r}, {self.entry!r}, {self.message!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.file, self.entry, self.message) == (other.file, other.entry, other.message)

    def __hash__(self) -> int:
        return hash((self.file, self.entry, self.message))


SHOWN = 20
"""The most problems a report lists; the rest are counted (all stay in ``problems``)."""

LINE = 400
"""The longest line of a report, in characters."""


def _report(headline: str, problems: Sequence[Problem]) -> str:
    lines = [f"{headline} ({len(problems)} problem{'s' if len(problems) != 1 else ''}):"]
    for p in problems[:SHOWN]:
        line = f"  - {p}"
        lines.append(line if len(line) <= LINE else line[: LINE - 1] + "…")
    if len(problems) > SHOWN:
        rest = len(problems) - SHOWN
        lines.append(f"  … and {rest} more problem{'s' if rest != 1 else ''} (see .problems)")
    return "\n".join(lines)


class RecordError(IcclawError, ValueError):
    """The facts given would make an inconsistent record; nothing was changed.

    Attributes:
        problems: Every inconsistency found, not only the first.
    """

    def __init__(self, problems: Sequence[Problem], headline: str = "inconsistent record") -> None:
        self.problems = tuple(problems)
        super().__init__(_report(headline, self.problems))


class DataError(RecordError):
    """A data file is malformed or describes an inconsistent history.

    Raised by the loader with every problem in every file collected in one report.

    Attributes:
        problems: Every problem found, each with its file, entry and reason.
    """

    def __init__(self, problems: Sequence[Problem], headline: str = "invalid record data") -> None:
        super().__init__(problems, headline)


class Indeterminate(IcclawError, ValueError):
    """A Finding was read as a bool while the facts given do not decide it.

    Attributes:
        question: The question the Finding answers.
        missing: The facts that would decide it, named by their field.
    """

    def __init__(self, question: str, missing: Sequence[str]) -> None:
        self.question = question
        self.missing = tuple(missing)
        names = ", ".join(self.missing) or "(not named)"
        super().__init__(
            f"undetermined: {question} — the facts given do not decide it; missing: {names}"
        )
