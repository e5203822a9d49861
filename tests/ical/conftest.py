"""Fixtures of the iCalendar tests: a state database, and a generated calendar."""

from __future__ import annotations

import sys
from datetime import date

import pytest

from planner.store import Store
from tests.locations import ROOT


@pytest.fixture
def store(tmp_path):
    opened = Store(tmp_path / "state.sqlite3")
    yield opened
    opened.close()


def generated_calendar(years: int, meetings: int) -> bytes:
    """The benchmarks' consultant calendar (benchmarks/gen_calendar.py) up to 2026-12-31."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from gen_calendar import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return generate(date(2026, 12, 31), years=years, meetings=meetings)
