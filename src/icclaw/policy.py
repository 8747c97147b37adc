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

__all__ = [
    "DEFAULT_POLICY",
    "AggressionAcceptance",
    "AggressionDeclarant",
    "AmendmentReach",
    "IacThreshold",
    "IntentDate",
    "InterimAfterDeposit",
    "NonconsensualStrike",
    "Policy",
    "PostWithdrawal",
]


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


class PostWithdrawal(enum.StrEnum):
    """Whether conduct while a party stays within jurisdiction once the state has left.

    Rome Statute art. 127(2); LAW.md R8.
    """

    CRIMES_WHILE_PARTY = "crimes-while-party"
    """Jurisdiction over the party period never lapses (the Prosecutor's position)."""
    MATTER_UNDER_CONSIDERATION = "matter-under-consideration"
    """A preliminary examination opened before the withdrawal took effect keeps the matter
    alive (default; Pre-Trial Chamber I, Philippines, 23 Oct 2025)."""
    AUTHORISATION_BEFORE_EFFECT = "authorisation-before-effect"
    """The investigation must have been referred, requested or authorised before the
    withdrawal took effect (joint dissent, Appeals Chamber, 18 July 2023)."""


class AmendmentReach(enum.StrEnum):
    """Whether art. 121(5) shields non-parties from an amended war crime (LAW.md R9)."""

    CONSENT = "consent"
    """No jurisdiction over the amended crime committed by nationals of, or on the territory
    of, any state that has not accepted it, party or not (default; RC/Res.5, preamble)."""
    NEGATIVE = "negative"
    """Only non-accepting States Parties are shielded (the second sentence of art. 121(5))."""


class AggressionAcceptance(enum.StrEnum):
    """Whether aggression needs the amendments in force for aggressor and victim (LAW.md R11)."""

    NARROW = "narrow"
    """Yes: no jurisdiction where either has not ratified (default; ICC-ASP/16/Res.5 para. 2)."""
    BROAD = "broad"
    """No: only the non-party exclusion of art. 15bis(5) and opt-outs apply."""


class AggressionDeclarant(enum.StrEnum):
    """Whether an art. 12(3) declarant is a non-party under art. 15bis(5) (LAW.md R11)."""

    NON_PARTY = "non-party"
    """A declarant is still not a State Party: aggression by or against it is excluded (default)."""
    ACCEPTING_STATE = "accepting-state"
    """A declarant's acceptance puts it in a party's place for art. 15bis(5)."""


class IacThreshold(enum.StrEnum):
    """How much force between states makes an international armed conflict (LAW.md C2)."""

    ANY_FORCE = "any-force"
    """Any resort to armed force between states (ICRC Commentary; default)."""
    MINIMAL = "minimal"
    """A minimal intensity is needed (e.g. the ILA's 2010 report): the intensity indicators decide."""


class NonconsensualStrike(enum.StrEnum):
    """A foreign state fighting only a group on a state's territory without consent (LAW.md C2)."""

    IAC_WITH_HOST = "iac-with-host"
    """An international armed conflict with the territorial state as well (ICRC 2016 Commentary; default)."""
    NIAC_ONLY = "niac-only"
    """Only a non-international armed conflict with the group."""


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


def _post_withdrawal(value: object) -> PostWithdrawal:
    return _reading(PostWithdrawal, value)


def _amendment_reach(value: object) -> AmendmentReach:
    return _reading(AmendmentReach, value)


def _aggression_acceptance(value: object) -> AggressionAcceptance:
    return _reading(AggressionAcceptance, value)


def _aggression_declarant(value: object) -> AggressionDeclarant:
    return _reading(AggressionDeclarant, value)


def _iac_threshold(value: object) -> IacThreshold:
    return _reading(IacThreshold, value)


def _nonconsensual_strike(value: object) -> NonconsensualStrike:
    return _reading(NonconsensualStrike, value)


@attrs.frozen(cache_hash=True)  # a key of the engines' caches: hashed on every query
class Policy:
    """The reading applied to each contested question, one field per question.

    Attributes:
        intent_date: VCLT art. 18(a): which act ends a signatory's interim obligation.
        interim_after_deposit: VCLT art. 18(b): whether it covers a deposit awaiting entry
            into force for the state when the treaty is already in force generally.
        post_withdrawal: Rome Statute art. 127(2): what survives a withdrawal for conduct
            while a party.
        amendment_reach: Rome Statute art. 121(5): whether non-parties are shielded from an
            amended war crime.
        aggression_acceptance: arts. 15bis, 121(5): whether aggression needs the amendments in
            force for both aggressor and victim states.
        aggression_declarant: art. 15bis(5): whether an art. 12(3) declarant counts as a
            non-party.
        iac_threshold: common art. 2: whether any force between states suffices.
        nonconsensual_strike: a foreign state fighting a group without the territorial state's
            consent: whether that is also an international conflict with the territorial state.
    """

    intent_date: IntentDate = attrs.field(default=IntentDate.NOTIFICATION, converter=_intent_date)
    interim_after_deposit: InterimAfterDeposit = attrs.field(
        default=InterimAfterDeposit.APPLIES, converter=_interim_after_deposit
    )
    post_withdrawal: PostWithdrawal = attrs.field(
        default=PostWithdrawal.MATTER_UNDER_CONSIDERATION, converter=_post_withdrawal
    )
    amendment_reach: AmendmentReach = attrs.field(
        default=AmendmentReach.CONSENT, converter=_amendment_reach
    )
    aggression_acceptance: AggressionAcceptance = attrs.field(
        default=AggressionAcceptance.NARROW, converter=_aggression_acceptance
    )
    aggression_declarant: AggressionDeclarant = attrs.field(
        default=AggressionDeclarant.NON_PARTY, converter=_aggression_declarant
    )
    iac_threshold: IacThreshold = attrs.field(
        default=IacThreshold.ANY_FORCE, converter=_iac_threshold
    )
    nonconsensual_strike: NonconsensualStrike = attrs.field(
        default=NonconsensualStrike.IAC_WITH_HOST, converter=_nonconsensual_strike
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
