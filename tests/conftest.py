"""Shared fixtures and the Hypothesis profiles.

Profiles: ``dev`` (default, quick) for local runs; ``ci`` (thorough) set by ``.ci/run`` through
the environment variable ``HYPOTHESIS_PROFILE``; ``oracle`` (2,000 examples a property) for a
long run of the completion oracle, ``HYPOTHESIS_PROFILE=oracle pytest tests/test_exactness.py``.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

import icclaw

settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "oracle", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def rec() -> icclaw.Record:
    """The embedded record."""
    return icclaw.load()
