"""The public record: the questions the facts answer, each delegated to its engine.

:class:`Record` is the facade of the house. Its facts, indexes and compiled day tables are those
of the :class:`~icclaw.base.FactBase` it extends; every query method here hands the question to
the engine that decides it (:mod:`icclaw.status` for treaty law, :mod:`icclaw.icc` for the
Court, :mod:`icclaw.ihl` for armed conflict) and contains no legal rule itself. Nothing below
imports this module.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Any

import attrs

from icclaw import status as engine
from icclaw.base import FactBase
from icclaw.dates import Date, Period, to_date
from icclaw.policy import DEFAULT_POLICY

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterable

    from icclaw.coverage import TreatyCoverage
    from icclaw.dates import DateLike
    from icclaw.findings import Finding
    from icclaw.history import StatusTable
    from icclaw.icc.council import VoteOutcome
    from icclaw.icc.facts import Event, Trigger
    from icclaw.ihl.classify import Conflict
    from icclaw.ihl.facts import Situation
    from icclaw.policy import Policy
    from icclaw.states import State
    from icclaw.status import Doubt, TreatyStatus
    from icclaw.treaties import Treaty

__all__ = ["Record"]


@attrs.frozen
class Record(FactBase):
    """The record: the facts, and the questions they answer.

    States, treaties, every action of every state on each treaty, declarations, Security
    Council texts and the Court's situations.
    Build one with :func:`icclaw.load` (the embedded record, or a folder of your own), or in
    code. Every query takes ``on=`` (the day the question is about; default :attr:`as_of`),
    ``known_on=`` (answer as the record stood that day: only acts received by then count) and
    ``policy=`` (the reading of contested law). The facts and their indexes are those of
    :class:`~icclaw.base.FactBase`.
    """

    def status(
        self,
        state: str | State,
        treaty: str | Treaty,
        on: DateLike | None = None,
        *,
        known_on: DateLike | None = None,
        policy: Policy | None = None,
    ) -> TreatyStatus | None:
        """Return where ``state`` stands with ``treaty`` on ``on``, as a bare :class:`TreatyStatus`.

        ``None`` where the record does not decide it: always the ``value`` of
        :meth:`explain_status`, which says why.
        """
        if known_on is None and policy is None and type(on) is Date:
            table = self._quick.get((state, treaty))
            if table is not None:  # a compiled table, for this exact code and slug
                return table.statuses[bisect_right(table.days, on)]
        day = self._day(on)
        if known_on is None and (policy is None or policy == DEFAULT_POLICY):
            return self._table(state, treaty).status_on(day)
        return engine.status(self, state, treaty, day, known_on=_opt(known_on), policy=policy)

    def _table(self, state: str | State, treaty: str | Treaty) -> StatusTable:
        """The compiled table of ``state`` and ``treaty``, kept by the names given if exact."""
        table = engine.status_table(self, self.state(state).code, self.treaty(treaty).slug)
        if (state, treaty) == (table.state, table.treaty):
            self._quick[(state, treaty)] = table
        return table

    def explain_status(
        self,
        state: str | State,
        treaty: str | Treaty,
        on: DateLike | None = None,
        *,
        known_on: DateLike | None = None,
        policy: Policy | None = None,
    ) -> Finding:
        """Explain where ``state`` stands with ``treaty`` on ``on``.

        Returns:
            A Finding: ``holds`` says whether the state is bound, ``value`` is the
            :class:`TreatyStatus`, the reasons are the sourced acts that led there.
        """
        if known_on is None and policy is None:
            table = self._quick.get((state, treaty)) or self._table(state, treaty)
            found = engine.finding_from_table(self, table, self._day(on))
            if found is not None:  # decided: read from the compiled table
                return found
        return engine.explain_status(
            self,
            self.state(state).code,
            self.treaty(treaty).slug,
            self._day(on),
            known_on=_opt(known_on),
            policy=policy,
        )

    def is_bound(
        self,
        state: str | State,
        treaty: str | Treaty,
        on: DateLike | None = None,
        *,
        known_on: DateLike | None = None,
        policy: Policy | None = None,
    ) -> Finding:
        """Whether ``state`` is bound by ``treaty`` on ``on`` (VCLT art. 26), as a Finding.

        The same Finding as :meth:`explain_status`: ``holds`` is whether it is bound.
        """
        return self.explain_status(state, treaty, on, known_on=known_on, policy=policy)

    def interim_obligation(
        self,
        state: str | State,
        treaty: str | Treaty,
        on: DateLike | None = None,
        *,
        known_on: DateLike | None = None,
        policy: Policy | None = None,
    ) -> Finding:
        """Whether ``state`` is under the VCLT art. 18 interim obligation on ``on``, as a Finding."""
        return engine.interim_obligation(
            self,
            self.state(state).code,
            self.treaty(treaty).slug,
            self._day(on),
            known_on=_opt(known_on),
            policy=policy,
        )

    def parties(
        self,
        treaty: str | Treaty,
        on: DateLike | None = None,
        *,
        known_on: DateLike | None = None,
        policy: Policy | None = None,
    ) -> tuple[State, ...]:
        """Return every state certainly bound by ``treaty`` on ``on``, sorted by code.

        Only states that exist on ``on`` are counted (a state that has ceased to exist is in
        neither list). The states the record leaves open are :meth:`undetermined_parties`;
        every other existing state is certainly not bound.
        """
        codes = engine.parties(
            self, self.treaty(treaty).slug, self._day(on), known_on=_opt(known_on), policy=policy
        )
        return tuple(self.states.get(c) for c in codes)

    def undetermined_parties(
        self,
        treaty: str | Treaty,
        on: DateLike | None = None,
        *,
        known_on: DateLike | None = None,
        policy: Policy | None = None,
    ) -> tuple[State, ...]:
        """Return every state whose being bound by ``treaty`` on ``on`` the record leaves open.

        :meth:`explain_status` of each says why and names what would decide it.
        """
        codes = engine.undetermined_parties(
            self, self.treaty(treaty).slug, self._day(on), known_on=_opt(known_on), policy=policy
        )
        return tuple(self.states.get(c) for c in codes)

    def entry_into_force(
        self, state: str | State, treaty: str | Treaty, *, known_on: DateLike | None = None
    ) -> Date | None:
        """Return the day ``treaty`` entered into force for ``state`` by its latest consent.

        ``None`` if it never did, if the instrument was withdrawn before taking effect, or if
        the consent has not taken effect by :attr:`as_of`.
        """
        return engine.entry_into_force(
            self, self.state(state).code, self.treaty(treaty).slug, known_on=_opt(known_on)
        )

    def in_force_periods(
        self, state: str | State, treaty: str | Treaty, *, known_on: DateLike | None = None
    ) -> tuple[Period, ...]:
        """Return every span during which ``state`` was bound by ``treaty`` (ends inclusive)."""
        return engine.in_force_periods(
            self, self.state(state).code, self.treaty(treaty).slug, known_on=_opt(known_on)
        )

    def settled(
        self,
        state: str | State,
        treaty: str | Treaty,
        on: DateLike | None = None,
        *,
        known_on: DateLike | None = None,
    ) -> bool:
        """Whether the record decides if ``state`` is bound by ``treaty`` on ``on``.

        See :func:`icclaw.status.doubts` for the rules; ``on`` defaults to :attr:`as_of`.
        """
        return self.doubt(state, treaty, on, known_on=known_on) is None

    def doubt(
        self,
        state: str | State,
        treaty: str | Treaty,
        on: DateLike | None = None,
        *,
        known_on: DateLike | None = None,
        policy: Policy | None = None,
    ) -> Doubt | None:
        """Why the record leaves open whether ``state`` is bound by ``treaty`` on ``on``.

        ``None`` if it decides it. The :class:`~icclaw.status.Doubt` says why, and names the
        fact of the record that would settle it. The rules are :func:`icclaw.status.doubts`'s.
        """
        return engine.doubt(
            self,
            self.state(state).code,
            self.treaty(treaty).slug,
            None if on is None else to_date(on, field="on"),
            known_on=_opt(known_on),
            policy=policy,
        )

    def doubts(
        self,
        state: str | State,
        treaty: str | Treaty,
        on: DateLike | None = None,
        *,
        known_on: DateLike | None = None,
        policy: Policy | None = None,
    ) -> tuple[Doubt, ...]:
        """Every reason the record leaves where ``state`` stands with ``treaty`` on ``on`` open.

        Empty where :meth:`status` is decided. A doubt with ``bound_known`` leaves only the
        status open, not whether the state is bound.
        """
        return engine.doubts(
            self,
            self.state(state).code,
            self.treaty(treaty).slug,
            self._day(on),
            known_on=_opt(known_on),
            policy=policy,
        )

    def general_entry_into_force(
        self, treaty: str | Treaty, *, known_on: DateLike | None = None
    ) -> Date | None:
        """The day ``treaty`` entered into force generally, by its threshold and the record's acts.

        See :func:`icclaw.status.general_entry_into_force`; compare with the treaty's own
        recorded ``entry_into_force``.
        """
        return engine.general_entry_into_force(
            self, self.treaty(treaty).slug, known_on=_opt(known_on)
        )

    def coverage(self) -> tuple[TreatyCoverage, ...]:
        """How complete the record is, treaty by treaty (see :mod:`icclaw.coverage`)."""
        from icclaw.coverage import coverage  # noqa: PLC0415

        return coverage(self)

    def jurisdiction(
        self,
        event: Event,
        trigger: Trigger,
        on: DateLike | None = None,
        policy: Policy | None = None,
        *,
        known_on: DateLike | None = None,
    ) -> Finding:
        """May the International Criminal Court exercise jurisdiction over ``event``?

        Args:
            event: The conduct: crime, dates, territory, nationality, age, provision, ...
            trigger: How the Court is seized: :class:`~icclaw.StateReferral`,
                :class:`~icclaw.SecurityCouncilReferral` or :class:`~icclaw.ProprioMotu`.
            on: The day the Court would act (default: the record's ``as_of``).
            policy: The readings of contested law.
            known_on: Answer as the record stood on this day.

        Returns:
            A Finding: yes, no or undetermined (naming the missing facts), with every check's
            reasons; for conduct over a period, a qualifier names the part within jurisdiction
            and ``value`` holds those days.
        """
        from icclaw.icc import jurisdiction as engine  # noqa: PLC0415

        return engine.jurisdiction(
            self, event, trigger, self._day(on), known_on=_opt(known_on), policy=policy
        )

    def vote_outcome(
        self,
        yes: Iterable[str] = (),
        no: Iterable[str] = (),
        abstain: Iterable[str] = (),
        on: DateLike | None = None,
    ) -> VoteOutcome:
        """The outcome of a Security Council vote on ``on`` (UN Charter art. 27(3))."""
        from icclaw.icc.council import vote_outcome  # noqa: PLC0415

        return vote_outcome(yes, no, abstain, self._day(on))

    def explain_vote(
        self,
        yes: Iterable[str] = (),
        no: Iterable[str] = (),
        abstain: Iterable[str] = (),
        on: DateLike | None = None,
    ) -> Finding:
        """Explain a Security Council vote: ``holds`` is adoption, ``value`` the outcome."""
        from icclaw.icc.council import explain_vote  # noqa: PLC0415

        return explain_vote(yes, no, abstain, self._day(on))

    def cooperation_duty(
        self,
        state: str | State,
        on: DateLike | None = None,
        *,
        known_on: DateLike | None = None,
        policy: Policy | None = None,
    ) -> Finding:
        """Whether ``state`` must cooperate with the Court on ``on``, and on what basis (Part 9)."""
        from icclaw.icc.cooperation import cooperation_duty  # noqa: PLC0415

        return cooperation_duty(
            self, self.state(state).code, self._day(on), known_on=_opt(known_on), policy=policy
        )

    def classify(
        self, situation: Situation, on: DateLike | None = None, *, policy: Policy | None = None
    ) -> tuple[Conflict, ...]:
        """Classify every relationship in ``situation`` on ``on``: one Conflict per (pair, kind).

        Each :class:`~icclaw.Conflict` carries its kind (``None`` when undetermined) and the
        Finding explaining it.
        """
        from icclaw.ihl.classify import classify  # noqa: PLC0415

        return classify(self, _situation(situation), self._day(on), policy)

    def occupied(
        self,
        situation: Situation,
        territory: str,
        on: DateLike | None = None,
        *,
        policy: Policy | None = None,
    ) -> Finding:
        """Whether ``territory`` is under occupation on ``on`` (Hague Regulations art. 42).

        ``territory`` is a :class:`~icclaw.ihl.Territory` of the situation (``"Kherson"``) or a
        state's code. The Finding holds yes, no or undetermined; its ``value`` is the occupants.
        See :func:`icclaw.ihl.classify.occupied`.

        Raises:
            InvalidValue: ``territory`` is neither a state code nor a territory of the situation.
        """
        from icclaw.ihl.classify import occupied  # noqa: PLC0415

        return occupied(self, _situation(situation), territory, self._day(on), policy)

    def applicable_law(
        self, conflict: Conflict, on: DateLike | None = None, *, policy: Policy | None = None
    ) -> Finding:
        """Which law applies to ``conflict``, between whom, and why.

        The Geneva Conventions and Protocols, the Hague Regulations, custom, and the Rome
        Statute art. 8 paragraphs that can be charged.
        """
        from icclaw.ihl.law import applicable_law  # noqa: PLC0415

        return applicable_law(
            self, conflict, None if on is None else to_date(on, field="on"), policy
        )

    # --- tables (the `tables` extra) -------------------------------------------------------

    def panel(
        self,
        treaties: str | Treaty | Iterable[str | Treaty],
        *,
        start: DateLike,
        end: DateLike,
        freq: str = "year",
        states: Iterable[str | State] | None = None,
        codes: str = "iso3",
        known_on: DateLike | None = None,
        policy: Policy | None = None,
    ) -> Any:
        """A state × day × treaty table of status and of being bound, as a pandas DataFrame.

        Columns ``state``, ``date``, ``treaty``, ``status`` and ``bound`` (three-valued: a
        missing value means the record leaves it open, never "no"); one row per state that
        exists on the day. The days are ``start`` and every ``freq`` (``"year"``, ``"month"``
        or ``"day"``) after it up to ``end``. ``states`` (default: all) may be named in another
        scheme with ``codes`` (see :mod:`icclaw.codes`). See :func:`icclaw.tables.panel`.

        Example:
            ``rec.panel("rome-statute", start="2002-01-01", end="2025-01-01")``
        """
        from icclaw.tables import panel  # noqa: PLC0415  (numpy and pandas only when asked)

        return panel(
            self,
            treaties,
            start=start,
            end=end,
            freq=freq,
            states=states,
            codes=codes,
            known_on=_opt(known_on),
            policy=policy,
        )

    def screen(
        self,
        events: Any,
        *,
        on: DateLike | None = None,
        known_on: DateLike | None = None,
        policy: Policy | None = None,
        codes: str = "iso3",
        progress: Callable[[int, int], None] | None = None,
    ) -> Any:
        """Screen each event of a table for the Court's jurisdiction (the ``tables`` extra).

        ``events`` is a pandas DataFrame, a pyarrow Table or a polars DataFrame whose columns
        are named like :class:`~icclaw.Event`'s fields (``crime``, ``date``, ``until``,
        ``territory``, ``nationality``, ``age``, ``provision``, ``aggressor``, ``area``) and
        the trigger's (``trigger``: ``proprio-motu``, ``state-referral`` or
        ``security-council``; ``referred_by``, ``referred_on``, ``resolution``,
        ``authorised_on``). It returns the same kind of table with ``holds`` (missing where
        undetermined: never read as "no"), ``missing``, ``days_within``, ``within_from`` and
        ``within_until`` added: on every row what :meth:`jurisdiction` answers.
        :meth:`explain_row` gives a row's whole Finding. See :func:`icclaw.icc.screen.screen`.
        """
        from icclaw.icc.screen import screen  # noqa: PLC0415  (numpy and pandas only when asked)

        return screen(
            self,
            events,
            on=None if on is None else self._day(on),
            known_on=_opt(known_on),
            policy=policy,
            codes=codes,
            progress=progress,
        )

    def explain_row(
        self,
        events: Any,
        row: int,
        *,
        on: DateLike | None = None,
        known_on: DateLike | None = None,
        policy: Policy | None = None,
        codes: str = "iso3",
    ) -> Finding:
        """The whole Finding for row ``row`` (counted from 0) of an events table.

        The row is read exactly as :meth:`screen` reads it; the Finding says why its
        ``holds`` is what the screen gave, and for an undetermined row what would decide it.
        """
        from icclaw.icc.screen import explain_row  # noqa: PLC0415

        return explain_row(
            self,
            events,
            row,
            on=None if on is None else self._day(on),
            known_on=_opt(known_on),
            policy=policy,
            codes=codes,
        )

    def dump(self, path: str | os.PathLike[str]) -> None:
        """Write the record to the empty folder ``path`` in the format :func:`icclaw.load` reads."""
        from icclaw.data.folder import dump  # noqa: PLC0415

        dump(self, path)


def _opt(day: DateLike | None) -> Date | None:
    return None if day is None else to_date(day, field="known_on")


def _situation(value: object) -> Situation:
    """``value`` if it is a Situation; one clear error otherwise (a name or path is the slip)."""
    from icclaw.ihl.facts import Situation  # noqa: PLC0415

    if isinstance(value, Situation):
        return value
    from icclaw.errors import InvalidType  # noqa: PLC0415

    hint = (
        f"; load it first: icclaw.load_situation({str(value)[:80]!r})"
        if isinstance(value, str) or hasattr(value, "__fspath__")
        else ""
    )
    raise InvalidType(f"expected a Situation, not {type(value).__name__}{hint}")
