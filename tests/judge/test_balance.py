"""In-person share of external meeting time for a week, and its trend over the weeks before."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from planner.judge.recommend import balance, external_minutes
from planner.model import Mode, Purpose, PurposeResult, Response, Status
from tests.judge.test_relations import BOB, COLLEAGUE, DAN, TZ, config_for, ev

WEEK = date(2026, 6, 8)  # a Monday


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def item(uid, day, mode, minutes=60, purpose=Purpose.OTHER, hour=10, **kwargs):
    return (ev(uid, at(day, hour), BOB, minutes=minutes, **kwargs), mode, purpose)


def test_share_of_external_meeting_time():
    items = [
        item("a", WEEK, Mode.IN_PERSON, 120),
        item("b", WEEK + timedelta(days=1), Mode.VIRTUAL, 180),
        item("c", WEEK + timedelta(days=2), Mode.HYBRID, 60, Purpose.ROUTINE),
        item("d", WEEK + timedelta(days=3), Mode.IN_PERSON, 300, Purpose.INTERNAL),
        item("e", WEEK + timedelta(days=4), Mode.UNKNOWN, 60, Purpose.PERSONAL),
    ]
    result = balance(items, config_for(), WEEK)
    assert (result.in_person_minutes, result.external_minutes) == (120, 360)
    assert result.in_person_share == pytest.approx(1 / 3)
    assert result.target == 0.3
    assert not result.below_target


def test_target_from_config_and_below_target():
    items = [item("a", WEEK, Mode.IN_PERSON, 60), item("b", WEEK, Mode.VIRTUAL, 180, hour=14)]
    result = balance(items, config_for(recommend={"target_share": 0.5}), WEEK)
    assert result.in_person_share == 0.25
    assert result.target == 0.5
    assert result.below_target


def test_declined_cancelled_and_all_day_do_not_count():
    items = [
        item("a", WEEK, Mode.VIRTUAL, 60),
        item("b", WEEK, Mode.IN_PERSON, 60, self_response=Response.DECLINED, hour=12),
        item("c", WEEK, Mode.IN_PERSON, 60, status=Status.CANCELLED, hour=14),
        item("d", WEEK, Mode.IN_PERSON, 24 * 60, all_day=True, hour=0),
    ]
    assert external_minutes(items) == (0, 60)
    assert balance(items, config_for(), WEEK).in_person_share == 0.0


def test_a_week_without_external_meetings_has_no_share():
    internal = [(ev("i", at(WEEK, 9), COLLEAGUE), Mode.IN_PERSON, PurposeResult(Purpose.INTERNAL))]
    result = balance(internal, config_for(), WEEK)
    assert result.in_person_share is None
    assert not result.below_target


def test_trend_over_the_four_weeks_before():
    history = [
        item("w1a", WEEK - timedelta(weeks=4), Mode.IN_PERSON, 60),
        item("w1b", WEEK - timedelta(weeks=4, days=-1), Mode.VIRTUAL, 60),
        item("w3", WEEK - timedelta(weeks=2), Mode.VIRTUAL, 90),
        item("w4", WEEK - timedelta(weeks=1), Mode.IN_PERSON, 45),
        item("w5", WEEK - timedelta(weeks=5), Mode.IN_PERSON, 45),  # too old for the trend
        item("now", WEEK, Mode.VIRTUAL, 30),
    ]
    result = balance([history[-1]], config_for(), WEEK, history)
    assert result.trend == (
        (date(2026, 5, 11), 0.5),
        (date(2026, 5, 18), None),
        (date(2026, 5, 25), 0.0),
        (date(2026, 6, 1), 1.0),
    )
    assert result.external_minutes == 30  # the week's own item is counted once


def test_weeks_are_cut_at_midnight_in_the_users_zone():
    sunday_late = (ev("s", at(WEEK - timedelta(days=1), 23, 30), DAN), Mode.VIRTUAL, Purpose.OTHER)
    monday_early = (ev("m", at(WEEK, 0, 30), DAN), Mode.IN_PERSON, Purpose.OTHER)
    result = balance([sunday_late, monday_early], config_for(), WEEK)
    assert (result.in_person_minutes, result.external_minutes) == (60, 60)
    assert result.trend[-1] == (WEEK - timedelta(weeks=1), 0.0)


def test_weeks_may_start_on_any_day():
    sunday = WEEK - timedelta(days=1)
    items = [item("a", sunday, Mode.IN_PERSON), item("b", WEEK, Mode.VIRTUAL)]
    result = balance(items, config_for(), sunday, weeks=1)
    assert result.in_person_share == 0.5
    assert result.trend == ((sunday - timedelta(weeks=1), None),)
