"""Findings: every legal answer icclaw gives, with the reasons that carry it.

A :class:`Finding` answers one question. ``holds`` is ``True``, ``False`` or ``None``
(undetermined: the facts given do not decide it). Each :class:`Reason` in the chain carries the
provision it applies (a :class:`Citation`) and, for facts taken from the record, the
:class:`Source` of that fact.

What the three values mean, exactly. A question has *unknown facts*: fields of the query left
``None`` (an event's territory, a group's organisation, a control's level), and facts the record
may lack (acts after the day it is complete up to; acts a partial record does not hold; a date
or kind its sources disagree on). A *completion* gives each unknown fact one value it could
lawfully take. Then:

* ``holds`` is ``True`` (``False``) when every completion gives yes (no);
* ``holds`` is ``None`` (undetermined) when two completions disagree;
* ``missing`` names exactly the unknown facts whose value matters: each fact named can change
  the answer for some completion of the others, and no fact that can is left out. A decided
  Finding has ``missing == ()``.

Three conventions narrow the completions (an answer relying on one says so). The acts a record
may lack past its completeness date, or as a partial record, are acts by which a state joins a
treaty (a signature, a consent, the revocation of a withdrawal), never acts by which it leaves:
a state shown bound stays bound, with a qualifier that the record ends there. An analyst's
overall assessment of organisation or intensity (``asserted``) is an override, asked for only
where the indicators are not unanimous. Some checks are not assessed by design (art. 26 with
the age unknown, admissibility under art. 17: questions about a case rather than the event),
each named in a qualifier.

The test suite checks these definitions against the engines by enumerating completions
(``tests/test_exactness.py``); the docs page "What undetermined means" explains how to read
them.
"""

from __future__ import annotations

import enum
import json
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

import attrs

from icclaw.dates import Date, optional_date
from icclaw.errors import Indeterminate, InvalidValue

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from icclaw.policy import Policy

__all__ = [
    "Citation",
    "Finding",
    "FindingText",
    "Indeterminate",
    "Reason",
    "Source",
    "SourceKind",
    "all_of",
    "deferred",
    "made",
]

_T = TypeVar("_T")

SCHEMA_VERSION = 1
"""Version of the :meth:`Finding.to_dict` schema."""


class SourceKind(enum.StrEnum):
    """How authoritative a source is, from most to least."""

    DEPOSITARY_NOTIFICATION = "depositary-notification"
    """A notification by the treaty's depositary (e.g. a UN ``C.N.`` reference)."""
    OFFICIAL_PAGE = "official-page"
    """An official page: the depositary's status table, the Court's or a UN organ's site."""
    SECONDARY = "secondary"
    """A secondary report: an encyclopedia article, a news report, a scholarly note."""
    ASSUMPTION = "assumption"
    """A fact supplied by the user for a what-if question, not taken from any record."""

    def __str__(self) -> str:
        return self.value


def _nonempty(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        raise InvalidValue(f"{attribute.name} must not be empty")


@attrs.frozen
class Source:
    """Where a fact comes from.

    Attributes:
        kind: How authoritative the source is.
        title: What the source is, in words a reader can look up.
        url: Where it was read, if online.
        reference: A formal reference such as a depositary notification number.
        date: The date of the source (of the notification, article or page), if known.
        key: The short name under which a data file declares the source once and refers to it.
    """

    kind: SourceKind = attrs.field(converter=SourceKind)
    title: str = attrs.field(validator=[attrs.validators.instance_of(str), _nonempty])
    url: str | None = None
    reference: str | None = None
    date: Date | None = attrs.field(default=None, converter=optional_date)
    key: str | None = None

    def __str__(self) -> str:
        parts = [self.title]
        if self.reference:
            parts.append(self.reference)
        if self.date:
            parts.append(str(self.date))
        if self.url:
            parts.append(self.url)
        return ", ".join(parts)

    def to_dict(self) -> dict[str, str]:
        """Return the source as a JSON-ready dict (absent fields left out)."""
        out = {"kind": self.kind.value, "title": self.title}
        for name in ("url", "reference", "key"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.date is not None:
            out["date"] = self.date.isoformat()
        return out


@attrs.frozen
class Citation:
    """A provision of a legal instrument.

    Attributes:
        instrument: The instrument, e.g. ``"Rome Statute"`` or ``"VCLT"``.
        article: The provision, e.g. ``"art. 12(2)(a)"``.
    """

    instrument: str
    article: str

    def __str__(self) -> str:
        return f"{self.instrument} {self.article}"


@attrs.frozen
class Reason:
    """One step in the chain of reasons behind a Finding.

    Attributes:
        text: The step, as a sentence.
        citation: The provision the step applies, if it applies one.
        source: The source of the fact the step states, if it states a fact from the record.
    """

    text: str
    citation: Citation | None = None
    source: Source | None = None

    def render(self) -> str:
        """Return the step as one line of text, with its citation and source."""
        out = self.text
        if self.citation is not None:
            out += f" [{self.citation}]"
        if self.source is not None:
            out += f" (source: {self.source})"
        return out

    def to_dict(self) -> dict[str, Any]:
        """Return the step as a JSON-ready dict."""
        return {
            "text": self.text,
            "citation": str(self.citation) if self.citation is not None else None,
            "source": self.source.to_dict() if self.source is not None else None,
        }


def _reasons(value: Iterable[Reason]) -> tuple[Reason, ...]:
    return tuple(value)


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _check_missing(
    instance: Finding, _attribute: attrs.Attribute[tuple[str, ...]], missing: tuple[str, ...]
) -> None:
    _check_answer(instance.holds, missing)


def _check_answer(holds: bool | None, missing: tuple[str, ...]) -> None:
    if holds is None and not missing:
        raise InvalidValue("an undetermined Finding must name the facts that would decide it")
    if holds is not None and missing:
        raise InvalidValue("a decided Finding cannot have missing facts")


def _as_value(value: object) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_as_value(v) for v in value]
    return str(value)


FindingText: TypeAlias = "tuple[str, tuple[Reason, ...], tuple[str, ...]]"
"""A Finding's explanation: its question, reasons and qualifiers (see :func:`deferred`)."""

_TEXT = frozenset({"question", "reasons", "qualifiers"})


class _Deferred:
    """Room for the function that builds a :func:`deferred` Finding's text, until it is read."""

    __slots__ = ("_text",)


@attrs.frozen
class Finding(_Deferred):
    """The answer to one legal question, with its reasons.

    Attributes:
        question: The question answered, as a sentence.
        holds: ``True`` (``False``) when every completion of the unknown facts gives yes (no);
            ``None`` when completions disagree (see the module's definition).
        value: The answer's value where it is more than yes or no (e.g. a ``TreatyStatus``);
            ``None`` where the facts leave it open, even if ``holds`` is decided.
        reasons: The chain of reasons, each with its citation and, for facts, its source.
        missing: For an undetermined Finding, exactly the unknown facts whose value matters
            (named by their field, or ``record: ...`` for a fact the record lacks).
        qualifiers: What limits a decided answer without changing it.
        policy: The policy applied where the law is contested.
        on: The day the question is about.
        known_on: The day whose state of the record was used (``None``: the whole record).
        as_of: The date the record is complete up to.
        digest: The hash of the record's canonical content.
        data_version: The record's data version (``YEAR.MONTH.SERIAL``), if it declares one.

    The engines make Findings with :func:`deferred`: ``question``, ``reasons`` and
    ``qualifiers`` are then built the first time any of them is read (equality, ``repr``,
    :meth:`explain` and :meth:`to_dict` read them), and are the same as if built at once.
    """

    question: str
    holds: bool | None
    value: object = None
    reasons: tuple[Reason, ...] = attrs.field(default=(), converter=_reasons)
    missing: tuple[str, ...] = attrs.field(default=(), converter=_texts, validator=_check_missing)
    qualifiers: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    policy: Policy | None = None
    on: Date | None = attrs.field(default=None, converter=optional_date)
    known_on: Date | None = attrs.field(default=None, converter=optional_date)
    as_of: Date | None = attrs.field(default=None, converter=optional_date)
    digest: str | None = None
    data_version: str | None = None

    if not TYPE_CHECKING:  # hidden from type checkers, which would then accept any name

        def __getattr__(self, name: str) -> Any:
            # Reached only for a field not yet set: the text of a deferred Finding, built once.
            if name not in _TEXT:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            text: Callable[[], FindingText] | None = object.__getattribute__(self, "_text")
            if text is None:  # built meanwhile, by another thread
                return object.__getattribute__(self, name)
            question, reasons, qualifiers = text()
            _set = object.__setattr__
            _set(self, "question", question)
            _set(self, "reasons", tuple(reasons))
            _set(self, "qualifiers", tuple(qualifiers))
            _set(self, "_text", None)
            return object.__getattribute__(self, name)

    def __bool__(self) -> bool:
        if self.holds is None:
            raise Indeterminate(self.question, self.missing)
        return self.holds

    @property
    def decided(self) -> bool:
        """Whether the facts given decide the question."""
        return self.holds is not None

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every provision cited in the reasons, once each, in order of first citation."""
        return tuple(_unique(r.citation for r in self.reasons if r.citation is not None))

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source of a fact in the reasons, once each, in order of first use."""
        return tuple(_unique(r.source for r in self.reasons if r.source is not None))

    @property
    def answer(self) -> str:
        """``"yes"``, ``"no"`` or ``"undetermined"``."""
        return {True: "yes", False: "no", None: "undetermined"}[self.holds]

    def explain(self) -> str:
        """Render the Finding as indented text: answer, reasons, qualifiers, provenance."""
        head = f"{self.question} {self.answer.upper()}"
        if self.value is not None and not isinstance(self.value, bool):
            head += f" ({_as_value(self.value)})"
        lines = [head]
        if self.reasons:
            lines.append("  because:")
            lines.extend(f"    - {r.render()}" for r in self.reasons)
        if self.missing:
            lines.append("  undetermined; it would be decided by:")
            lines.extend(f"    - {m}" for m in self.missing)
        if self.qualifiers:
            lines.append("  qualified by:")
            lines.extend(f"    - {q}" for q in self.qualifiers)
        if self.policy is not None:
            lines.append(f"  policy: {self.policy}")
        provenance = []
        if self.known_on is not None:
            provenance.append(f"as known on {self.known_on}")
        if self.as_of is not None:
            data = f" (data {self.data_version})" if self.data_version else ""
            provenance.append(f"record as of {self.as_of}{data}")
        if self.digest is not None:
            provenance.append(f"digest {self.digest[:12]}")
        if provenance:
            lines.append("  " + "; ".join(provenance))
        return "\n".join(lines)

    def cite(self) -> str:
        """A citation for this answer, to publish beside it.

        What gave it (icclaw's version, the record's data version, as-of day and full digest, the
        policy and the day the record was read as), the question and its answer with its value,
        what qualifies it, the provisions applied, and the sources of the facts it relied on,
        numbered. With the data version and digest anyone can load the same record and get the
        same answer; a classification also needs the situation file it was asked of, which the
        citation does not carry: cite it beside.
        """
        from importlib import metadata  # noqa: PLC0415  (only when citing)

        try:
            software = metadata.version("icclaw")
        except metadata.PackageNotFoundError:  # run from a source tree that is not installed
            software = "(version unknown)"
        data = [f"data {self.data_version}"] if self.data_version else []
        if self.as_of is not None:
            data.append(f"as of {self.as_of}")
        if self.digest is not None:
            data.append(f"digest {self.digest}")
        answer = self.answer
        if self.value is not None and not isinstance(self.value, bool):
            answer += f" ({_as_value(self.value)})"
        if self.holds is None and self.missing:
            answer += f" (it turns on: {'; '.join(self.missing)})"
        lines = [
            f"{self.question} {answer}.",
            f"Answered by icclaw {software}"
            + (f", record {', '.join(data)}" if data else "")
            + ".",
        ]
        if self.known_on is not None:
            lines.append(f"The record as it stood on {self.known_on}.")
        if self.policy is not None:
            lines.append(f"Policy: {self.policy}.")
        if self.qualifiers:
            lines.append("Qualified by:")
            lines += [f"  - {q}" for q in self.qualifiers]
        if self.citations:
            lines.append(f"Provisions: {'; '.join(str(c) for c in self.citations)}.")
        if self.sources:
            lines.append("Sources of the facts relied on:")
            lines += [f"  [{i}] {src}." for i, src in enumerate(self.sources, 1)]
        else:
            lines.append("Sources of the facts relied on: none recorded in the reasons.")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Return the Finding as a JSON-ready dict with a stable schema.

        Keys: ``schema`` (int), ``question``, ``holds`` (true/false/null), ``answer``
        ("yes"/"no"/"undetermined"), ``value``, ``reasons`` (list of {text, citation, source}),
        ``citations`` (list of str), ``sources`` (list of source dicts), ``missing``,
        ``qualifiers``, ``policy`` (dict of name → value, or null), ``on``, ``known_on``,
        ``as_of`` (ISO dates or null), ``digest`` and ``data_version``.
        """
        return {
            "schema": SCHEMA_VERSION,
            "question": self.question,
            "holds": self.holds,
            "answer": self.answer,
            "value": _as_value(self.value),
            "reasons": [r.to_dict() for r in self.reasons],
            "citations": [str(c) for c in self.citations],
            "sources": [s.to_dict() for s in self.sources],
            "missing": list(self.missing),
            "qualifiers": list(self.qualifiers),
            "policy": self.policy.to_dict() if self.policy is not None else None,
            "on": _as_value(self.on),
            "known_on": _as_value(self.known_on),
            "as_of": _as_value(self.as_of),
            "digest": self.digest,
            "data_version": self.data_version,
        }

    def to_json(self, **kwargs: Any) -> str:
        """Return :meth:`to_dict` as a JSON string; keyword arguments go to :func:`json.dumps`."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)


def made(
    question: str,
    holds: bool | None,
    *,
    value: object = None,
    reasons: tuple[Reason, ...] = (),
    missing: tuple[str, ...] = (),
    qualifiers: tuple[str, ...] = (),
    policy: Policy | None = None,
    on: Date | None = None,
    known_on: Date | None = None,
    as_of: Date | None = None,
    digest: str | None = None,
    data_version: str | None = None,
) -> Finding:
    """The Finding ``Finding(question, holds, ...)`` makes, from parts already in final form.

    For the engines: ``reasons``, ``missing`` and ``qualifiers`` must be tuples and the days
    :class:`pendulum.Date` or ``None`` (nothing is converted); ``missing`` is checked against
    ``holds`` as the constructor checks it.

    Raises:
        InvalidValue: for an undetermined Finding without missing facts, or a decided one with.
    """
    f = _answered(holds, value, missing, policy, on, known_on, as_of, digest, data_version)
    _QUESTION(f, question)
    _REASONS(f, reasons)
    _QUALIFIERS(f, qualifiers)
    return f


def deferred(
    text: Callable[[], FindingText],
    holds: bool | None,
    *,
    value: object = None,
    missing: tuple[str, ...] = (),
    policy: Policy | None = None,
    on: Date | None = None,
    known_on: Date | None = None,
    as_of: Date | None = None,
    digest: str | None = None,
    data_version: str | None = None,
) -> Finding:
    """A Finding whose question, reasons and qualifiers ``text()`` builds when first read.

    The answer (``holds``, ``value``, ``missing``) and its provenance are given at once, in
    final form as for :func:`made`; ``text`` is called at most once, on the first read of
    ``question``, ``reasons`` or ``qualifiers`` (directly, or through equality, hashing,
    ``repr``, :meth:`Finding.explain`, :meth:`Finding.to_dict` or ``attrs.evolve``), and must
    return what an eager engine would have passed to the constructor.

    Raises:
        InvalidValue: for an undetermined Finding without missing facts, or a decided one with.
    """
    f = _answered(holds, value, missing, policy, on, known_on, as_of, digest, data_version)
    _TEXT_OF(f, text)
    return f


def _answered(  # noqa: PLR0917 (a Finding's answer and provenance, set at once)
    holds: bool | None,
    value: object,
    missing: tuple[str, ...],
    policy: Policy | None,
    on: Date | None,
    known_on: Date | None,
    as_of: Date | None,
    digest: str | None,
    data_version: str | None = None,
) -> Finding:
    """A new Finding with its answer and provenance set, its text not yet."""
    if (holds is None) is (not missing):  # an undetermined answer names what is missing
        _check_answer(holds, missing)
    f = _new(Finding)
    _HOLDS(f, holds)
    _VALUE(f, value)
    _MISSING(f, missing)
    _POLICY(f, policy)
    _ON(f, on)
    _KNOWN_ON(f, known_on)
    _AS_OF(f, as_of)
    _DIGEST(f, digest)
    _DATA_VERSION(f, data_version)
    return f


# Setting a slot through its descriptor: what `object.__setattr__` does, with less to look up.
_new = object.__new__
_TEXT_OF = _Deferred.__dict__["_text"].__set__
(
    _QUESTION,
    _HOLDS,
    _VALUE,
    _REASONS,
    _MISSING,
    _QUALIFIERS,
    _POLICY,
    _ON,
    _KNOWN_ON,
    _AS_OF,
    _DIGEST,
    _DATA_VERSION,
) = (Finding.__dict__[a.name].__set__ for a in attrs.fields(Finding))


def _unique(items: Iterable[_T]) -> Iterator[_T]:
    seen: set[_T] = set()
    for item in items:
        if item not in seen:
            seen.add(item)
            yield item


def all_of(question: str, checks: Iterable[Finding], **fields: Any) -> Finding:
    """Compose several checks into one Finding, as DESIGN.md's Findings section describes.

    Every check is evaluated; any decisive "no" decides no; otherwise any undetermined check
    makes the whole undetermined (missing = the union of theirs); otherwise yes. The reasons
    and qualifiers of every check are kept, in order.

    Args:
        question: The question the composed Finding answers.
        checks: The Findings to compose.
        **fields: Further fields of the composed Finding (value, policy, on, as_of, ...).

    Returns:
        The composed Finding.
    """
    checks = tuple(checks)
    reasons = [r for c in checks for r in c.reasons]
    qualifiers = list(_unique(q for c in checks for q in c.qualifiers))
    if any(c.holds is False for c in checks):
        return Finding(question, False, reasons=reasons, qualifiers=qualifiers, **fields)
    if any(c.holds is None for c in checks):
        missing = list(_unique(m for c in checks for m in c.missing))
        return Finding(
            question, None, reasons=reasons, missing=missing, qualifiers=qualifiers, **fields
        )
    return Finding(question, True, reasons=reasons, qualifiers=qualifiers, **fields)
