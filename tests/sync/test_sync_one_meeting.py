"""Sync mirrors and blocks travel for one meeting once (QA b), on a real Radicale:

- after ``planner sync --apply`` the user retitled the Jour fixe mirror by hand; the dry run
  then listed "create travel time Tue 08:40–09:00" and "delete travel time Tue 08:40–09:00":
  the block was keyed to the retitled mirror, a second stop at the same place and time. Now
  the pair is one stop, and a block wanted under another key that is there already stays;
- the user's Teams meeting and planner's in-person hold beside it were mirrored twice (the
  Teams original too): now only the hold, with its travel blocks.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest

from planner.ical.writing import event_to_ics
from planner.model import Attendee, Event, Geo, hold_uid
from planner.sync.mirrors import Wanted
from planner.sync.plan import CREATE, DELETE, plan_target
from providers.base import MarkedEvent, SyncMark, mark_digest
from tests.sync.conftest import TZ, World

pytestmark = pytest.mark.slow

OFFICE = Geo(48.1600, 11.5860)
CAFE = Geo(48.1425, 11.5760)
LENA = Attendee("lena@hafen-muc.example", "Lena Hansen")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=TZ)


def writes(result) -> list[tuple[str, str]]:
    return [(c.action, c.event.title) for t in result.targets for c in t.changes
            if c.action in (CREATE, DELETE, "update")]  # fmt: skip


def caldav_only(world: World, **sync) -> None:
    world.caldav_target = world.radicale.make_calendar(f"dst-{uuid.uuid4().hex[:10]}")
    world.user = {"home": "Unterhaching"}
    world.syncs = [{"from": ["c"], "to": "d", "show": "title_and_place", **sync}]


def test_a_retitled_mirror_keeps_its_travel_block_without_churn(world: World):
    place = "Bayvers AG, Leopoldstraße 10, 80802 München"
    jour_fixe = Event("weekly-jf-1@qa", "Jour fixe Bayvers", at(8, 9), at(8, 10),
                      location=place, geo=OFFICE)  # fmt: skip
    world.radicale.put(world.caldav, "jf.ics", event_to_ics(jour_fixe))
    caldav_only(world)
    world.run(apply=True)
    (mirror,) = [o for o in world.caldav_target.events() if "SUMMARY:Jour fixe" in o.data]
    assert any("SUMMARY:Travel" in o.data for o in world.caldav_target.events())
    world.radicale.put(
        world.caldav_target,
        mirror.url.path.rsplit("/", 1)[-1],
        mirror.data.replace("SUMMARY:Jour fixe Bayvers", "SUMMARY:Jour fixe - meine Notizen"),
    )
    assert writes(world.run()) == []
    assert writes(world.run(apply=True)) == []
    assert writes(world.run()) == []


def test_a_hold_beside_the_users_meeting_is_mirrored_once_with_its_travel(world: World):
    teams = Event("intro-lena-7@qa", "Kennenlernen Hafen Logistik", at(10, 14), at(10, 14, 30),
                  location="Microsoft Teams Meeting", attendees=(LENA,))  # fmt: skip
    hold = Event(hold_uid(teams.uid), "Hold: Kennenlernen Hafen Logistik", at(10, 14),
                 at(10, 14, 30), location="Café Luitpold, Brienner Str. 11, 80333 München",
                 geo=CAFE, attendees=(LENA,))  # fmt: skip
    world.radicale.put(world.caldav, "teams.ics", event_to_ics(teams))
    world.radicale.put(world.caldav, "hold.ics", event_to_ics(hold))
    caldav_only(world, travel=True)
    planned = world.run()
    mirrored = [title for action, title in writes(planned) if title.startswith(("Hold", "Kenn"))]
    assert mirrored == ["Hold: Kennenlernen Hafen Logistik"]
    travel = [c for t in planned.targets for c in t.changes if c.kind == "travel"]
    assert sorted(c.key.rpartition(":")[2] for c in travel) == ["after", "before"]


def test_an_identical_block_under_another_key_is_kept(world: World):
    block = Event("planner-sync-x@planner", "Travel", at(8, 8, 40), at(8, 9))
    there = MarkedEvent("x.ics", SyncMark("travel:old:before", mark_digest(block)), block, "")
    want = Wanted("travel:new:before", "travel", block)
    window = (at(7, 0), at(21, 0))
    plan = plan_target("d", [want], [there], window=window)
    assert plan.changes == [] and plan.kept == {"travel:new:before": there}
    moved = Wanted("travel:new:before", "travel", Event(block.uid, "Travel", at(8, 8), at(8, 9)))
    plan = plan_target("d", [moved], [there], window=window)
    assert sorted(c.action for c in plan.changes) == [CREATE, DELETE]
