"""A change sync planned is refused when the user changed that event in the calendar between
the plan and the write (CalDAV: If-Match on its ETag): the user's version is kept and named in
one line, and the run goes on with the other changes of that target (it stopped at the first)."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest

from planner.ical.writing import event_to_ics
from planner.model import Event
from planner.sync import run as sync_run
from planner.sync.run import run_sync
from tests.sync.conftest import NOW, TZ, World

pytestmark = pytest.mark.slow


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 12, day, hour, tzinfo=TZ)


def test_one_refused_write_leaves_the_users_version_and_the_others_go_on(world: World, monkeypatch):
    world.caldav_target = world.radicale.make_calendar(f"dst-{uuid.uuid4().hex[:10]}")
    world.syncs = [{"from": ["c"], "to": "d", "show": "title", "travel": False}]
    for uid, hour in (("first", 9), ("second", 11)):
        meeting = Event(f"{uid}@x", f"Meeting {uid}", at(8, hour), at(8, hour + 1))
        world.radicale.put(world.caldav, f"{uid}.ics", event_to_ics(meeting))
    world.run(apply=True)
    for uid, hour in (("first", 14), ("second", 16)):  # both meetings move: two updates
        moved = Event(f"{uid}@x", f"Meeting {uid}", at(8, hour), at(8, hour + 1))
        world.radicale.put(world.caldav, f"{uid}.ics", event_to_ics(moved))

    real_apply = sync_run._Run._apply

    def user_edits_first_then_apply(self, plan):
        """Between the plan and the write the user retitles the first mirror."""
        for item in world.caldav_target.events():
            component = item.icalendar_component
            if str(component.get("SUMMARY")) == "Meeting first":
                component["SUMMARY"] = "Meeting first (moved by me)"
                item.save()
        return real_apply(self, plan)

    monkeypatch.setattr(sync_run._Run, "_apply", user_edits_first_then_apply)
    result = run_sync(world.config(), world.store, now=NOW, apply=True)
    (target,) = result.targets
    assert target.written == 1, target.errors  # the second mirror moved all the same
    (said,) = target.errors
    assert "changed in the calendar since planner wrote it" in said
    titles = sorted(
        (str(i.icalendar_component["SUMMARY"]), i.icalendar_component.decoded("DTSTART").hour)
        for i in world.caldav_target.events()
    )
    assert titles == [("Meeting first (moved by me)", 9), ("Meeting second", 16)]
