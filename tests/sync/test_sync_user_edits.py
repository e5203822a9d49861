"""A mirror or travel block the user changed or deleted in the calendar is theirs: planner sync
neither writes over the change nor brings the deleted one back (a real Radicale as the target,
the fake Google and Graph as sources; German and English titles)."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest

from planner.model import Event, Geo
from planner.render.sync import sync_table
from tests.fakes.google_server import event_to_google
from tests.fakes.graph_server import event_to_graph
from tests.sync.conftest import TZ, World

pytestmark = pytest.mark.slow

OFFICE = Geo(48.1600, 11.5860)
CAFE = Geo(48.1235, 11.5480)


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 12, day, hour, tzinfo=TZ)


def objects(world: World) -> dict[str, object]:
    """The target's calendar objects by their text's SUMMARY line."""
    found = {}
    for obj in world.caldav_target.events():
        summary = next(x for x in obj.data.splitlines() if x.startswith("SUMMARY:"))
        found.setdefault(summary.removeprefix("SUMMARY:"), []).append(obj)
    return found


def setup(world: World) -> dict[str, dict]:
    world.caldav_target = world.radicale.make_calendar(f"dst-{uuid.uuid4().hex[:10]}")
    cafe = Event(
        "g-cafe@x", "Erstgespräch Müller GmbH", at(8, 10), at(8, 11),
        location="Café Luitpold, Brienner Str. 11, 80333 München", geo=CAFE,
    )  # fmt: skip
    review = Event(
        "o-review@x", "Project review", at(9, 15), at(9, 16),
        location="Office, Leopoldstraße 10, 80802 München", geo=OFFICE,
    )  # fmt: skip
    ids = {
        "cafe": world.google.put_event("primary", event_to_google(cafe)),
        "review": world.graph.put_event(event_to_graph(review)),
    }
    world.user = {"home": "Unterhaching"}
    world.syncs = [{"from": ["g", "o"], "to": "d", "show": "title"}]
    world.run(apply=True)
    return ids


def test_a_block_the_user_changed_is_neither_updated_nor_deleted(world):
    ids = setup(world)
    (block, *_rest) = sorted(objects(world)["Travel"], key=lambda o: o.data)
    edited = block.data.replace("SUMMARY:Travel", "SUMMARY:Taxi zum Café (gebucht)")
    world.radicale.put(world.caldav_target, block.url.path.rsplit("/", 1)[-1], edited)
    (mirror,) = objects(world)["Project review"]
    world.radicale.put(
        world.caldav_target,
        mirror.url.path.rsplit("/", 1)[-1],
        mirror.data.replace("SUMMARY:Project review", "SUMMARY:Project review – bring Q4 deck"),
    )

    # both meetings move a day later: every block and mirror of the planner's moves, the two
    # the user changed stay as the user left them, and the plan says so
    moved = dict(ids["cafe"], start={"dateTime": at(10, 10).isoformat()})
    moved["end"] = {"dateTime": at(10, 11).isoformat()}
    world.google.put_event("primary", moved)
    world.graph.put_event(
        dict(ids["review"], start={"dateTime": "2026-12-10T15:00:00", "timeZone": "Europe/Berlin"},
             end={"dateTime": "2026-12-10T16:00:00", "timeZone": "Europe/Berlin"})
    )  # fmt: skip
    result = world.run(apply=True)
    left = [c for t in result.targets for c in t.changes if c.action == "leave"]
    assert sorted(c.event.title for c in left) == [
        "Project review – bring Q4 deck",
        "Taxi zum Café (gebucht)",
    ]
    assert {c.to_json(TZ)["reason"] for c in left} == {"changed"}
    now = objects(world)
    assert "DTSTART;TZID=Europe/Berlin:20261208" in now["Taxi zum Café (gebucht)"][0].data
    assert "20261209T15" in now["Project review – bring Q4 deck"][0].data
    # QA G #3: the changed copies no longer stand for their meetings, which moved: each
    # meeting gets a mirror (and a travel block) for its new time beside the user's copy,
    # under a UID of its own (a create under the copy's UID wrote over it), and the plan
    # says so in one line each
    (review,) = now["Project review"]
    assert "DTSTART;TZID=Europe/Berlin:20261210T15" in review.data
    assert any("20261210T0925" in o.data for o in now["Travel"])
    assert "DTSTART;TZID=Europe/Berlin:20261210T10" in now["Erstgespräch Müller GmbH"][0].data
    table = sync_table(result, TZ, width=160)
    assert "changed in the calendar" in table
    assert "your changed copy of 'Project review – bring Q4 deck' is at Wed 9 Dec" in table
    assert "the meeting is now at Thu 10 Dec 15:00–16:00" in table
    assert "your changed travel block 'Taxi zum Café (gebucht)'" in table
    again = world.run(apply=True)  # and then stays so: nothing to write
    assert {c.action for t in again.targets for c in t.changes} == {"leave"}

    # --undo removes what the planner wrote, not what the user changed
    undone = world.run(apply=True, undo=True)
    kept = [c.event.title for t in undone.targets for c in t.changes if c.action == "leave"]
    assert sorted(kept) == ["Project review – bring Q4 deck", "Taxi zum Café (gebucht)"]
    assert set(objects(world)) == {"Taxi zum Café (gebucht)", "Project review – bring Q4 deck"}


def test_a_block_the_user_deleted_is_not_written_again(world):
    setup(world)
    before = objects(world)
    (block, *_rest) = before["Travel"]
    block.delete()
    (mirror,) = before["Erstgespräch Müller GmbH"]
    mirror.delete()

    result = world.run(apply=True)
    changes = [c for t in result.targets for c in t.changes]
    assert [c.action for c in changes] == ["leave", "leave"]
    assert {c.to_json(TZ)["reason"] for c in changes} == {"deleted"}
    assert "Erstgespräch Müller GmbH" not in objects(world)
    assert len(objects(world)["Travel"]) == len(before["Travel"]) - 1
    # and it stays so on every later run (cron every five minutes)
    world.run(apply=True)
    assert "Erstgespräch Müller GmbH" not in objects(world)

    # after --undo, a new sync writes everything again: the user asked for a fresh start
    world.run(apply=True, undo=True)
    world.run(apply=True)
    assert "Erstgespräch Müller GmbH" in objects(world)
    assert len(objects(world)["Travel"]) == len(before["Travel"])
