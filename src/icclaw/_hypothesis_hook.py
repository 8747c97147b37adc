"""Hypothesis entry point: registers strategies for icclaw's types.

Hypothesis calls the hook while it is itself being imported, possibly because
:mod:`icclaw.strategies` is being imported; so the hook touches :mod:`icclaw.strategies` only
when a strategy is first resolved, never at registration.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types import ModuleType


def _strategies() -> ModuleType:
    import icclaw.strategies  # noqa: PLC0415

    return icclaw.strategies


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each icclaw type users may ask ``st.from_type`` for."""
    from hypothesis import strategies as st  # noqa: PLC0415

    from icclaw.dates import Period  # noqa: PLC0415
    from icclaw.policy import Policy  # noqa: PLC0415
    from icclaw.record import Record  # noqa: PLC0415
    from icclaw.treaties import Treaty  # noqa: PLC0415

    def lazily(name: str) -> Any:
        return lambda _type: getattr(_strategies(), name)()

    st.register_type_strategy(Policy, lazily("policies"))
    st.register_type_strategy(Period, lazily("periods"))
    st.register_type_strategy(Treaty, lazily("treaties"))
    st.register_type_strategy(Record, lazily("records"))
