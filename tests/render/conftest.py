"""Fixtures of the renderer tests."""

from __future__ import annotations

from datetime import date

import pytest

from planner import api
from planner.store import Store

DEMO_WEEK = date(2026, 12, 7)  # Monday of 2026-W50


@pytest.fixture(scope="module")
def plan():
    """The demo week 2026-W50, planned as of its Monday morning with a state database in
    memory."""
    with api.demo_session(DEMO_WEEK) as (config, first_day):
        return api.plan_week(
            config, first_day, now=api.demo_now(config, first_day), store=Store(":memory:")
        )
