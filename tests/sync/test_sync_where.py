"""QA G #7: the sync dry run says who, when and where. With ``show = "title_and_place"`` a
mirror carries its meeting's place (and a video link) into the target, where everyone with
"see all details" reads it: the table has a Place column, the JSON a ``location``. A "leave"
or "delete" row names the calendar its mirror came from (it showed an empty Source)."""

from __future__ import annotations

import json
import uuid
from datetime import datetime

import pytest

from planner.ical.writing import event_to_ics
from planner.model import Event
from planner.render.sync import sync_json, sync_table
from tests.fakes.google_server import event_to_google
from tests.sync.conftest import TZ, World

pytestmark = pytest.mark.slow

PLACE = "Marienplatz 1, 80331 München"


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 12, day, hour, tzinfo=TZ)


def rows(result) -> dict[tuple[str, str], dict]:
    data = json.loads(sync_json(result, TZ))
    return {(c["action"], c["title"]): c for t in data["targets"] for c in t["changes"]}


def test_the_dry_run_names_the_place_a_mirror_will_show(world: World):
    workshop = Event("c-ws@x", "Client workshop Acme", at(8, 10), at(8, 12), location=PLACE)
    world.radicale.put(world.caldav, "ws.ics", event_to_ics(workshop))
    world.syncs = [{"from": ["c"], "to": "g", "show": "title_and_place", "travel": False}]
    result = world.run()
    assert rows(result)[("create", "Client workshop Acme")]["location"] == PLACE
    table = sync_table(result, TZ, width=160)
    assert "Place" in table and "Marienplatz 1" in table

    # with titles only no place is written, and none is announced
    world.syncs[0]["show"] = "title"
    plain = world.run()
    assert "location" not in rows(plain)[("create", "Client workshop Acme")]
    assert "Place" not in sync_table(plain, TZ, width=160)


def test_leave_and_delete_rows_name_their_source(world: World):
    world.caldav_target = world.radicale.make_calendar(f"dst-{uuid.uuid4().hex[:10]}")
    lunch = Event("g-lunch@x", "Lunch Carla", at(9, 12), at(9, 13))
    call = Event("g-call@x", "Call Dana", at(10, 16), at(10, 17))
    ids = {e.title: world.google.put_event("primary", event_to_google(e)) for e in (lunch, call)}
    world.syncs = [{"from": ["g"], "to": "d", "show": "title", "travel": False}]
    world.run(apply=True)
    (mirror,) = [o for o in world.caldav_target.events() if "SUMMARY:Lunch Carla" in o.data]
    world.radicale.put(
        world.caldav_target,
        mirror.url.path.rsplit("/", 1)[-1],
        mirror.data.replace("SUMMARY:Lunch Carla", "SUMMARY:Lunch Carla (Tisch reserviert)"),
    )
    world.google.put_event("primary", dict(ids["Call Dana"], status="cancelled"))
    result = world.run()
    found = rows(result)
    assert found[("leave", "Lunch Carla (Tisch reserviert)")]["source"] == "g"
    assert found[("delete", "Call Dana")]["source"] == "g"
    lines = [x for x in sync_table(result, TZ, width=160).splitlines() if "Call Dana" in x]
    assert lines and lines[0].rstrip(" │").endswith("g")
