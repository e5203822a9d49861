"""Fixtures of the judge's tests."""

from __future__ import annotations

import pytest

from planner.judge.memo import forget


@pytest.fixture
def forgotten():
    """The judge's per-event tables empty before and after the test (events made with the same
    field values in other tests may share ids)."""
    forget()
    yield
    forget()
