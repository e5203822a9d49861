"""Free time: merging busy time, windows, working hours and the room next to neighbours."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.config import default_config
from planner.meet.anchors import Anchor, Gaps, fits, looks_in_person
from planner.meet.slots import (
    MeetingKind,
    busy_intervals,
    day_span,
    free_parts,
    kinds_for,
    meeting_windows,
    merge,
    starts,
)
from planner.meet.travel_time import MODES, TravelModel
from planner.model import Event, Geo, Interval, Purpose, Response, Status

TZ = ZoneInfo("Europe/Berlin")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=TZ)


def event(uid: str, start: datetime, end: datetime, **kw) -> Event:
    return Event(uid=uid, title=uid, start=start, end=end, **kw)


def test_free_and_cancelled_events_do_not_block():
    events = [
        event("busy", at(7, 9), at(7, 10)),
        event("free", at(7, 11), at(7, 12), busy=False),
        event("cancelled", at(7, 13), at(7, 14), status=Status.CANCELLED),
        event("declined", at(7, 15), at(7, 16), self_response=Response.DECLINED),
    ]
    assert busy_intervals(events) == [Interval(at(7, 9), at(7, 10))]


def test_tentative_blocks_by_default_and_can_be_switched_off():
    events = [event("maybe", at(7, 9), at(7, 10), status=Status.TENTATIVE)]
    assert busy_intervals(events, tentative_blocks=True) == [Interval(at(7, 9), at(7, 10))]
    assert busy_intervals(events, tentative_blocks=False) == []


def test_busy_time_is_merged_across_calendars_and_zones():
    london = ZoneInfo("Europe/London")
    events = [
        event("a", at(7, 9), at(7, 10), calendar="work"),
        event("b", datetime(2026, 12, 7, 8, 30, tzinfo=london), at(7, 11), calendar="private"),
        event("c", at(7, 11), at(7, 12)),
    ]
    assert busy_intervals(events) == [Interval(at(7, 9), at(7, 12))]


def test_windows_come_from_config():
    config = default_config(windows={"lunch": {"time": "12:00-14:00", "duration": 60}})
    lunch = meeting_windows(config)[MeetingKind.LUNCH]
    assert (lunch.start, lunch.end, lunch.duration) == (time(12), time(14), timedelta(hours=1))
    assert not lunch.outside_working_hours
    assert meeting_windows(config)[MeetingKind.DINNER].outside_working_hours


def test_purpose_picks_kinds():
    coffee, lunch, breakfast = MeetingKind.COFFEE, MeetingKind.LUNCH, MeetingKind.BREAKFAST
    assert kinds_for(Purpose.FIRST_CONTACT) == (coffee, lunch, breakfast)
    assert kinds_for(Purpose.DEAL_CLOSING) == (lunch, MeetingKind.DINNER, breakfast)
    assert kinds_for("networking") == (MeetingKind.AFTER_WORK,)
    assert kinds_for("dinner") == (MeetingKind.DINNER,)


def test_working_hours_clip_windows_but_not_dinner():
    config = default_config(working_hours={"monday": "10:00-16:00"})
    windows = meeting_windows(config)
    coffee = day_span(date(2026, 12, 7), windows[MeetingKind.COFFEE], config, TZ)
    assert coffee == Interval(at(7, 10), at(7, 16))
    dinner = day_span(date(2026, 12, 7), windows[MeetingKind.DINNER], config, TZ)
    assert dinner == Interval(at(7, 18, 30), at(7, 22, 30))
    assert day_span(date(2026, 12, 8), windows[MeetingKind.COFFEE], config, TZ) is None


def test_starts_lie_on_the_grid_and_fit():
    part = Interval(at(7, 9, 7), at(7, 11))
    found = list(starts(part, timedelta(minutes=45), timedelta(minutes=15)))
    assert found[0] == at(7, 9, 15) and found[-1] == at(7, 10, 15)


def test_in_person_guess():
    assert looks_in_person(event("x", at(7, 9), at(7, 10), location="Marienplatz 1, München"))
    assert not looks_in_person(event("y", at(7, 9), at(7, 10), location="Microsoft Teams"))
    assert not looks_in_person(
        event("z", at(7, 9), at(7, 10), location="Büro", conference_links=("https://zoom.us/j/1",))
    )


GAPS = Gaps(
    TravelModel(MODES["transit"]),
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(minutes=30),
)
MARIENPLATZ = Geo(48.1374, 11.5755)
MESSE = Geo(48.1360, 11.6980)  # Messe München, Riem: across town


def test_virtual_neighbour_needs_only_the_buffer():
    call = Anchor(at(7, 9), at(7, 10), in_person=False)
    assert fits(at(7, 10, 5), at(7, 11), MARIENPLATZ, [call], GAPS, {})
    assert not fits(at(7, 10), at(7, 11), MARIENPLATZ, [call], GAPS, {})


def test_in_person_neighbour_across_town_needs_travel():
    visit = Anchor(at(7, 9), at(7, 10), in_person=True, place=MESSE)
    travel = GAPS.travel.minutes(MESSE, MARIENPLATZ)
    assert travel > 20
    ok = at(7, 10) + timedelta(minutes=travel + 15)
    assert fits(ok, ok + timedelta(hours=1), MARIENPLATZ, [visit], GAPS, {})
    early = ok - timedelta(minutes=1)
    assert not fits(early, early + timedelta(hours=1), MARIENPLATZ, [visit], GAPS, {})


intervals = st.builds(
    lambda start, length: Interval(
        at(7, 0) + timedelta(minutes=start), at(7, 0) + timedelta(minutes=start + length)
    ),
    st.integers(0, 24 * 60),
    st.integers(1, 300),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(intervals, max_size=20))
def test_merge_keeps_time_and_leaves_no_overlap(items):
    merged = merge(items)
    for a, b in zip(merged, merged[1:], strict=False):
        assert a.end < b.start
    minute = timedelta(minutes=1)
    moment = at(7, 0)
    while moment < at(8, 6):
        inside = any(i.start <= moment < i.end for i in items)
        assert inside == any(m.start <= moment < m.end for m in merged)
        moment += minute * 7


@settings(max_examples=200, deadline=None)
@given(st.lists(intervals, max_size=20))
def test_free_parts_never_overlap_busy(items):
    busy = merge(items)
    span = Interval(at(7, 8), at(7, 20))
    for part in free_parts(span, busy):
        assert span.start <= part.start < part.end <= span.end
        assert not any(part.overlaps(b) for b in busy)


def test_week_window():
    from planner.errors import UsageError
    from planner.meet.slots import week_window

    assert week_window("2026-W50", TZ) == (at(7, 0), at(14, 0))
    with pytest.raises(UsageError, match="2026-W60"):
        week_window("2026-W60", TZ)


def test_ahead_window():
    from planner.meet.slots import ahead_window

    start, end = ahead_window(at(7, 9, 5), 14, TZ)
    assert start == at(7, 9, 15) and end == at(22, 0)
