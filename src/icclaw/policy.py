"""Policies: the reading icclaw applies where the law is contested.

Where courts or states disagree (``LAW.md`` marks each such question CONTESTED), icclaw does not
pick silently: a :class:`Policy` names the reading for each question, with the default LAW.md
states, every query takes ``policy=``, and every Finding records the policy it applied.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import TypeVar

import attrs

from icclaw.errors import InvalidPolicy

__all__ = ["DEFAULT_POLICY", "IntentDate", "InterimAfterDeposit", "Policy"]


class IntentDate(enum.StrEnum):
    """Which act makes a signatory's intention not to become a party clear (VCLT art. 18(a))."""

    NOTIFICATION = "notification"
    """The day the depositary received the notification (default)."""
    PUBLIC_ACT = "public-act"
    """An earlier public act announcing the decision (e.g. Russia's decree of 16 Nov 2016)."""

    def __str__(self) -> str:
        return self.value


class InterimAfterDeposit(enum.StrEnum):
    """Whether VCLT art. 18(b) covers the wait for entry into force *for the state*.

    The question arises when the treaty is already in force generally.
    """

    APPLIES = "applies"
    """Art. 18(b) covers the whole wait for entry into force for the state (default)."""
    GENERAL_ENTRY_ONLY = "general-entry-only"
    """Art. 18(b) covers only the wait for the treaty's general entry into force."""

    def __str__(self) -> str:
        return self.value


_E = TypeVar("_E", bound=enum.Enum)


def _reading(kind: type[_E], value: object) -> _E:
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        text = value.strip().lower().replace("_", "-")
        for member in kind:
            if member.value == text:
                return member
    choices = ", ".join(repr(m.value) for m in kind)
    raise InvalidPolicy(f"{value!r} is not a reading icclaw knows; choose one of {choices}")


def _intent_date(value: object) -> IntentDate:
    return _reading(IntentDate, value)


def _interim_after_deposit(value: object) -> InterimAfterDeposit:
    return _reading(InterimAfterDeposit, value)


@attrs.frozen
class Policy:
    """The reading applied to each contested question, one field per question.

    Attributes:
        intent_date: VCLT art. 18(a): which act ends a signatory's interim obligation.
        interim_after_deposit: VCLT art. 18(b): whether it covers a deposit awaiting entry
            into force for the state when the treaty is already in force generally.
    """

    intent_date: IntentDate = attrs.field(default=IntentDate.NOTIFICATION, converter=_intent_date)
    interim_after_deposit: InterimAfterDeposit = attrs.field(
        default=InterimAfterDeposit.APPLIES, converter=_interim_after_deposit
    )

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """Return the names of the contested questions a Policy decides."""
        return tuple(a.name for a in attrs.fields(cls))

    @classmethod
    def from_pairs(cls, pairs: Iterable[str] | Mapping[str, str]) -> Policy:
        """Build a Policy from ``NAME=VALUE`` strings (as the CLI takes them) or a mapping.

        Raises:
            InvalidPolicy: for an unknown name, a malformed pair or an unknown value.
        """
        items: dict[str, str] = {}
        if isinstance(pairs, Mapping):
            items = dict(pairs)
        else:
            for pair in pairs:
                name, sep, value = pair.partition("=")
                if not sep:
                    raise InvalidPolicy(
                        f"{pair!r}: write a policy as NAME=VALUE, e.g. intent_date=public-act"
                    )
                items[name.strip()] = value.strip()
        known = cls.names()
        for name in items:
            if name.replace("-", "_") not in known:
                raise InvalidPolicy(
                    f"{name!r} is not a policy; the policies are {', '.join(known)}"
                )
        return cls(**{name.replace("-", "_"): value for name, value in items.items()})

    def to_dict(self) -> dict[str, str]:
        """Return the policy as ``{name: value}``."""
        return {a.name: getattr(self, a.name).value for a in attrs.fields(type(self))}

    def __str__(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in self.to_dict().items())


DEFAULT_POLICY = Policy()
"""The readings LAW.md states as defaults."""
