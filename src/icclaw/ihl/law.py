"""Which law applies to a classified conflict, between whom (LAW.md T6, C8).

* The Geneva Conventions I–IV as treaty law between the parties bound by them (common arts. 2
  and 3); a consent deposited by a party to the conflict takes effect at once (GC I art. 62,
  GC II art. 61, GC III art. 141, GC IV art. 157).
* Additional Protocol I only between states both bound by it (art. 1(3)), or with an authority
  that made an accepted art. 96(3) declaration; Additional Protocol II only where the territorial
  state is bound and art. 1(1) is met.
* The Hague Regulations of 1907 for occupation (arts. 42–56, customary).
* Customary international humanitarian law in any case.
* Every other treaty of the record binding the states concerned (grouped as the ICRC chart
  groups them): between the parties to an international conflict, all of them bound; in a
  non-international one, those whose scope reaches it, binding the territorial state.
* The paragraphs of Rome Statute art. 8 that can be charged: (2)(a)–(b) for international
  conflicts and occupation; (2)(c) and (2)(e), with the thresholds of (2)(d) and (2)(f), for
  non-international ones; each amended paragraph only where its amendment is in force for the
  states concerned (art. 121(5), policy ``amendment_reach``).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from icclaw import status as treaty_law
from icclaw.dates import to_date
from icclaw.findings import Citation, Finding, Reason
from icclaw.icc.amendments import amendment_start
from icclaw.icc.crimes import AMENDED_PROVISIONS
from icclaw.ihl.classify import Conflict, ConflictKind
from icclaw.policy import DEFAULT_POLICY, AmendmentReach, Policy
from icclaw.status import BOUND, TreatyStatus
from icclaw.treaties import TreatyGroup

if TYPE_CHECKING:
    from icclaw.base import FactBase
    from icclaw.dates import Date

__all__ = ["CONVENTIONS", "PROTOCOLS", "applicable_law"]

CONVENTIONS = (
    ("geneva-convention-i", "Geneva Convention I", "art. 62"),
    ("geneva-convention-ii", "Geneva Convention II", "art. 61"),
    ("geneva-convention-iii", "Geneva Convention III", "art. 141"),
    ("geneva-convention-iv", "Geneva Convention IV", "art. 157"),
)
"""(slug, name, the article giving immediate effect to a consent by a party to a conflict)."""
PROTOCOLS = ("additional-protocol-i", "additional-protocol-ii", "additional-protocol-iii")

_CUSTOM = Reason(
    "customary international humanitarian law applies in any armed conflict, whatever the treaties",
    Citation("ICRC Customary IHL Study", "rules 1–161"),
)
_HR = Citation("Hague Regulations 1907", "arts. 42–56")
_RS8 = "Rome Statute"
_RS = "rome-statute"


def _bound(
    record: FactBase, state: str, slug: str, on: Date, immediate: str | None
) -> tuple[bool | None, Reason, str | None]:
    """Whether ``state`` is bound by ``slug`` on ``on``, why, and what would decide it."""
    if slug not in record.treaty_slugs:
        return None, Reason(f"the record holds no acts on {slug}", None), f"record: acts on {slug}"
    treaty = record.treaty(slug)
    status = record.history(state, slug).status_on(on)  # by the record's acts; doubts below
    if status is TreatyStatus.PARTY_PENDING and immediate is not None:
        return (
            True,
            Reason(
                f"{state} deposited its instrument of {treaty.short_title} and is a party to the conflict: it takes effect at once",
                treaty.cite(immediate),
            ),
            None,
        )
    doubt = treaty_law.doubt(record, state, slug, on)
    cite = treaty.cite(treaty.consent_rule.article)
    if doubt is not None:
        return None, Reason(doubt.text, cite), doubt.missing
    hist = record.history(state, slug)
    i = hist.index_on(on)
    act = hist.transitions[i].cause if i >= 0 else None  # the act that set the status
    why = "" if act is None else f" ({act.describe()})"
    source = None if act is None else act.source
    if status in BOUND:
        return (
            True,
            Reason(f"{state} is bound by {treaty.short_title} on {on}{why}", cite, source),
            None,
        )
    return (
        False,
        Reason(
            f"{state} is not bound by {treaty.short_title} on {on} ({status.value}){why}",
            cite,
            source,
        ),
        None,
    )


def _states(conflict: Conflict, record: FactBase) -> list[str]:
    return [p for p in conflict.parties if p in record.states]


def _amended(
    record: FactBase, states: list[str], paragraph_prefix: str, on: Date, policy: Policy
) -> tuple[list[str], list[Reason], list[str]]:
    """The amended art. 8 paragraphs that can be charged, why, and what is missing to tell.

    ``states`` are the states whose nationals or territory are concerned (the states party to
    the conflict and the territorial state). Under ``amendment_reach=consent`` (default) the
    amendment must be in force for each of them; under ``negative`` only for each that is a
    State Party to the Rome Statute (art. 121(5)).
    """
    offered: list[str] = []
    reasons: list[Reason] = []
    missing: list[str] = []
    cite = Citation(_RS8, "art. 121(5)")
    negative = policy.amendment_reach is AmendmentReach.NEGATIVE
    for p in AMENDED_PROVISIONS:
        if not p.paragraph.startswith(paragraph_prefix):
            continue
        start = amendment_start(record, p.amendment)
        if on < start.day:
            reasons.append(
                Reason(
                    f"art. {p.paragraph} ({p.summary}): not yet law on {on}: {start.reason.text}; not offered",
                    start.reason.citation,
                )
            )
            continue
        if p.amendment not in record.treaty_slugs:
            reasons.append(
                Reason(
                    f"art. {p.paragraph} ({p.summary}): the record holds no acceptances of {p.amendment}",
                    cite,
                )
            )
            missing.append(f"record: acceptances of {p.amendment}")
            continue
        tr = record.treaty(p.amendment)
        complete = record.complete_until(p.amendment)
        later = tr.consent_rule.apply(complete.add(days=1))
        lacking, unknown = [], []
        for s in states:
            accepted = treaty_law.doubt(record, s, p.amendment, on) is None and (
                record.history(s, p.amendment).status_on(on) in BOUND
            )
            if accepted:
                continue
            if negative:  # only a State Party that has not accepted is shielded
                if treaty_law.doubt(record, s, _RS, on) is not None:
                    unknown.append(s)
                    continue
                if record.history(s, _RS).status_on(on) not in BOUND:
                    continue
            if treaty_law.doubt(record, s, p.amendment, on) is not None or later <= on:
                unknown.append(s)
            else:
                lacking.append(s)
        rule = f"policy amendment_reach={policy.amendment_reach.value}"
        if lacking:
            reasons.append(
                Reason(
                    f"art. {p.paragraph} ({p.summary}): the amendment is not in force for {', '.join(lacking)} on {on}; not offered ({rule})",
                    cite,
                )
            )
        elif unknown:
            reasons.append(
                Reason(
                    f"art. {p.paragraph} ({p.summary}): the record of acceptances is complete only up to {complete}; whether the amendment is in force on {on} for {', '.join(unknown)} cannot be told",
                    cite,
                )
            )
            missing += [f"record: acceptances of {p.amendment} after {complete}"]
        else:
            offered.append(f"Rome Statute art. {p.paragraph}")
            reasons.append(
                Reason(
                    f"art. {p.paragraph} ({p.summary}): no state concerned ({', '.join(states) or 'none'}) is shielded by art. 121(5) on {on} ({rule})",
                    cite,
                )
            )
    return offered, reasons, missing


def applicable_law(
    record: FactBase, conflict: Conflict, on: Date | None = None, policy: Policy | None = None
) -> Finding:
    """Which law applies to ``conflict`` on ``on`` (default: the day it was classified), and why.

    ``on`` is the day on which treaty status is read. The classification itself is of the day
    ``conflict.on``; a different ``on`` is answered, with a qualifier saying so.

    Returns:
        A Finding whose ``value`` lists the instruments and Rome Statute art. 8 paragraphs that
        apply; ``holds`` is False where there is no armed conflict, None where its kind is
        undetermined.
    """
    policy = policy or DEFAULT_POLICY
    day = conflict.on if on is None else to_date(on)
    question = (
        f"Which law applies between {conflict.parties[0]} and {conflict.parties[1]} on {day}?"
    )

    done = functools.partial(record.finding, question, policy=policy, on=day)

    if conflict.kind is None:
        return done(None, reasons=conflict.finding.reasons, missing=conflict.finding.missing)
    if conflict.kind is ConflictKind.NONE:
        reason = Reason(
            "there is no armed conflict: international humanitarian law does not apply to this relationship",
            Citation("Geneva Conventions", "common arts. 2, 3"),
        )
        return done(False, value=(), reasons=[*conflict.finding.reasons, reason])
    states = _states(conflict, record)
    acc = _Law()
    if conflict.kind in (ConflictKind.INTERNATIONAL, ConflictKind.OCCUPATION):
        _international(acc, record, conflict, states, day=day, policy=policy)
    else:
        _non_international(acc, record, conflict, states, day=day, policy=policy)
    law, reasons, qualifiers, missing = acc.law, acc.reasons, acc.qualifiers, acc.missing
    qualifiers[:0] = conflict.finding.qualifiers
    law.append("customary international humanitarian law")
    reasons.append(_CUSTOM)
    if day != conflict.on:
        qualifiers.append(
            f"the conflict was classified on {conflict.on} and the treaties are read on {day}: classify the situation on {day} to know that the conflict goes on then"
        )
    qualifiers.append(
        "every charge also needs a nexus: conduct in the context of and associated with the conflict (Elements of Crimes)"
    )
    if missing:
        missing = list(dict.fromkeys(missing))
        return done(None, value=tuple(law), reasons=reasons, missing=missing, qualifiers=qualifiers)
    return done(True, value=tuple(law), reasons=reasons, qualifiers=qualifiers)


class _Law:
    """What applies, and why, as the rules below find it."""

    def __init__(self) -> None:
        self.law: list[str] = []
        self.reasons: list[Reason] = []
        self.qualifiers: list[str] = []
        self.missing: list[str] = []


def _international(
    acc: _Law, record: FactBase, conflict: Conflict, states: list[str], *, day: Date, policy: Policy
) -> None:
    """International armed conflict or occupation: treaties between the two states."""
    law, reasons, missing = acc.law, acc.reasons, acc.missing
    for slug, name, immediate in CONVENTIONS:
        answers = [_bound(record, s, slug, day, immediate) for s in states]
        reasons += [r for _, r, _ in answers]
        if all(a is True for a, _, _ in answers):
            law.append(name)
        elif any(a is None for a, _, _ in answers):
            missing += [m for a, _, m in answers if a is None and m is not None]
    api = [_bound(record, s, "additional-protocol-i", day, None) for s in states]
    reasons += [r for _, r, _ in api]
    if conflict.basis == "ap-i-96-3":
        law.append("Additional Protocol I")
        equal = "the Conventions and AP I apply equally to the authority and the state"
        reasons.append(Reason(equal, Citation("Additional Protocol I", "art. 96(3)(b)–(c)")))
    elif len(states) == 2 and all(a is True for a, _, _ in api):
        law.append("Additional Protocol I")
        reasons.append(
            Reason(
                "both states are bound by Additional Protocol I: it applies between them",
                Citation("Additional Protocol I", "art. 1(3)"),
            )
        )
    elif any(a is None for a, _, _ in api):
        missing += [m for a, _, m in api if a is None and m is not None]
    else:
        reasons.append(
            Reason(
                "Additional Protocol I applies only between states both bound by it",
                Citation("Additional Protocol I", "art. 1(3)"),
            )
        )
    if conflict.kind is ConflictKind.OCCUPATION:
        law.append("Hague Regulations 1907 (arts. 42–56)")
        reasons.append(
            Reason("the law of occupation in the Hague Regulations applies as custom", _HR)
        )
    law += ["Rome Statute art. 8(2)(a)", "Rome Statute art. 8(2)(b)"]
    reasons.append(
        Reason(
            "grave breaches: the victims must be persons or property protected by the relevant Geneva Convention",
            Citation(_RS8, "art. 8(2)(a)"),
        )
    )
    reasons.append(
        Reason(
            "other serious violations of the laws and customs of international armed conflict",
            Citation(_RS8, "art. 8(2)(b)"),
        )
    )
    concerned = list(
        dict.fromkeys([*states, *([conflict.territory] if conflict.territory else [])])
    )
    offered, why, unknown = _amended(record, concerned, "8(2)(b)", day, policy)
    law += offered
    reasons += why
    missing += unknown
    _other_treaties(acc, record, states, day, niac=False)


def _non_international(
    acc: _Law, record: FactBase, conflict: Conflict, states: list[str], *, day: Date, policy: Policy
) -> None:
    """Non-international armed conflict: common art. 3, AP II where it applies, art. 8(2)(c), (e)."""
    law, reasons, missing = acc.law, acc.reasons, acc.missing
    territorial = conflict.territory
    if territorial is not None:
        answers = [
            _bound(record, territorial, slug, day, immediate) for slug, _, immediate in CONVENTIONS
        ]
        reasons += [r for _, r, _ in answers]
        if any(a is True for a, _, _ in answers):
            law.append("Geneva Conventions, common art. 3")
            reasons.append(
                Reason(
                    f"common art. 3 applies in a non-international armed conflict on the territory of {territorial}, a High Contracting Party (being bound by one Convention suffices: the article is common to all four)",
                    Citation("Geneva Conventions", "common art. 3"),
                )
            )
        elif any(a is None for a, _, _ in answers):
            missing += [m for a, _, m in answers if a is None and m is not None]
    if conflict.ap_ii is True:
        law.append("Additional Protocol II")
        reasons.append(
            Reason(
                "AP II applies in addition to common art. 3: its art. 1(1) conditions are met",
                Citation("Additional Protocol II", "art. 1(1)"),
            )
        )
    elif conflict.ap_ii is None:
        reasons.append(
            Reason(
                "whether Additional Protocol II applies is not established: see the classification",
                Citation("Additional Protocol II", "art. 1(1)"),
            )
        )
        missing += conflict.ap_ii_missing
    law += ["Rome Statute art. 8(2)(c)", "Rome Statute art. 8(2)(e)"]
    reasons.append(
        Reason(
            "serious violations of common art. 3, in an armed conflict not of an international character, not internal disturbances",
            Citation(_RS8, "art. 8(2)(c)–(d)"),
        )
    )
    reasons.append(
        Reason(
            "other serious violations in a protracted armed conflict between governmental authorities and organised armed groups or between such groups; no territorial control is needed, unlike AP II",
            Citation(_RS8, "art. 8(2)(e)–(f)"),
        )
    )
    concerned = list(dict.fromkeys([*states, *([territorial] if territorial else [])]))
    offered, why, unknown = _amended(record, concerned, "8(2)(e)", day, policy)
    law += offered
    reasons += why
    missing += unknown
    if territorial is not None and territorial in record.states:
        _other_treaties(acc, record, [territorial], day, niac=True)


def _quick(record: FactBase, state: str, slug: str, day: Date) -> bool | None:
    """Whether ``state`` is bound by ``slug`` on ``day`` (``None``: open), without the reasons."""

    def compute() -> bool | None:
        if treaty_law.doubt(record, state, slug, day) is not None:
            return None
        return record.history(state, slug).status_on(day) in BOUND

    return record.cached(("bound", state, slug, day), compute)


_GROUPS = {
    TreatyGroup.VICTIMS: "protection of victims of armed conflicts",
    TreatyGroup.CULTURAL_PROPERTY: "protection of cultural property",
    TreatyGroup.ENVIRONMENT: "the environment",
    TreatyGroup.WEAPONS: "weapons",
}
"""The ICRC chart's groups, in its order, for the treaties other than the Conventions and
Protocols (which the rules above treat one by one) and the Rome Statute (art. 8 above)."""
_HANDLED = frozenset({slug for slug, _, _ in CONVENTIONS} | set(PROTOCOLS))


def _other_treaties(
    acc: _Law, record: FactBase, states: list[str], day: Date, *, niac: bool
) -> None:
    """Every other treaty of the record that binds the states concerned on ``day``.

    In an international conflict or occupation, a treaty applies between the parties to the
    conflict bound by it: listed where every state party to the conflict is bound (VCLT arts.
    26, 34). In a non-international one, a treaty whose scope reaches such conflicts (its
    ``niac_scope``, e.g. the Second Hague Protocol art. 22(1)) applies where the territorial
    state is bound; a treaty extended to them by another instrument (the CCW and its first
    Protocols, by the 2001 amendment of art. 1) only where that state is bound by both.
    Grouped as the ICRC chart groups them.
    """
    by_group: dict[TreatyGroup, list[str]] = {}
    for tr in sorted(record.treaties, key=lambda t: t.slug):
        if tr.group not in _GROUPS or tr.slug in _HANDLED:
            continue
        via = None
        if niac:
            if tr.niac_scope is None and tr.niac_via is None:
                continue
            if tr.niac_scope is None:
                via = tr.niac_via if tr.niac_via in record.treaty_slugs else None
                if via is None:
                    continue
        slugs = (tr.slug,) if via is None else (tr.slug, via)
        if any(_quick(record, st, slug, day) is False for st in states for slug in slugs):
            continue  # a state concerned is certainly not bound: nothing to explain here
        answers = [_bound(record, st, slug, day, None) for slug in slugs for st in states]
        if all(a is True for a, _, _ in answers):
            assert tr.group is not None
            by_group.setdefault(tr.group, []).append(tr.short_title)
            acc.law.append(tr.short_title)
            acc.reasons.extend(r for _, r, _ in answers)
            if niac:
                scope = tr if via is None else record.treaty(via)
                acc.reasons.append(
                    Reason(
                        f"the {tr.short_title} applies in a non-international armed conflict"
                        + ("" if via is None else f" through the {scope.short_title}"),
                        scope.cite(scope.niac_scope or "final clauses"),
                    )
                )
        elif any(a is None for a, _, _ in answers) and not any(a is False for a, _, _ in answers):
            acc.reasons.extend(r for a, r, _ in answers if a is None)
            acc.missing.extend(m for a, _, m in answers if a is None and m is not None)
    for group, label in _GROUPS.items():
        if group in by_group:
            names = ", ".join(by_group[group])
            who = " and ".join(states)
            acc.reasons.append(
                Reason(
                    f"{label}: {names} (binding {who} on {day})",
                    Citation("VCLT", "arts. 26, 34"),
                )
            )
