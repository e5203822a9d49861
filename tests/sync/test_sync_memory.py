"""What planner sync remembers of what it wrote holds beyond one config and one machine: a
mirror the user deleted stays deleted after a calendar is renamed in the config and on a
machine with no record of the target; ``--undo`` reaches a calendar no longer a target, and a
run says one holds the planner's events (a real Radicale as the target, the fake Google and
Graph and a CalDAV calendar as sources; QA report G, findings 5 and 6)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from planner.ical.writing import event_to_ics
from planner.model import Event
from planner.render.sync import sync_table
from planner.store import Store
from planner.sync.run import run_sync
from tests.fakes.google_server import event_to_google
from tests.sync.conftest import NOW, TZ, World
from tests.sync.test_sync_user_edits import at, objects, setup

pytestmark = pytest.mark.slow


def actions(result) -> list[tuple[str, str, str]]:
    return sorted((c.action, c.reason, c.event.title) for t in result.targets for c in t.changes)


def test_a_renamed_source_and_target_neither_bring_back_nor_double_a_mirror(world: World):
    """Renaming the CalDAV source "c" to "praxis" and the target "d" to "privat": the mirror
    the user deleted was written again (its key named the source, the record the target) and
    a second mirror appeared beside the one the user retitled."""
    setup(world)
    for uid, title, day in (("c-arzt@x", "Arzt", 8), ("c-stb@x", "Steuerberater", 9)):
        start = at(day, 8)
        event = Event(uid, title, start, start + timedelta(minutes=45))
        world.radicale.put(world.caldav, f"{uid}.ics", event_to_ics(event))
    world.syncs = [{"from": ["g", "o", "c"], "to": "d", "show": "title"}]
    world.run(apply=True)
    there = objects(world)
    there["Arzt"][0].delete()
    (mirror,) = there["Steuerberater"]
    name = mirror.url.path.rsplit("/", 1)[-1]
    world.radicale.put(
        world.caldav_target, name, mirror.data.replace("SUMMARY:Steuerberater", "SUMMARY:StB")
    )
    assert actions(world.run(apply=True)) == [
        ("leave", "changed", "StB"),
        ("leave", "deleted", "Arzt"),
    ]
    before = sorted(objects(world))

    world.names = {"c": "praxis", "d": "privat"}
    world.syncs = [{"from": ["g", "o", "praxis"], "to": "privat", "show": "title"}]
    result = world.run(apply=True)
    assert actions(result) == [("leave", "changed", "StB"), ("leave", "deleted", "Arzt")]
    assert sorted(objects(world)) == before
    assert "Arzt" not in objects(world) and "Steuerberater" not in objects(world)


def test_a_machine_without_a_record_of_the_target_leaves_out_what_it_cannot_account_for(
    world: World, tmp_path
):
    """A second machine (its own data directory) wrote again the mirror the user had deleted:
    its record of what was written was empty. Now it is left and said, once, in the plan;
    a meeting made after that is mirrored as ever."""
    setup(world)
    (mirror,) = objects(world)["Erstgespräch Müller GmbH"]
    mirror.delete()
    world.run(apply=True)  # machine A: "leave: deleted in the calendar"

    world.store = Store(tmp_path / "machine-b.sqlite3")
    result = world.run()
    assert actions(result) == [("leave", "unrecorded", "Erstgespräch Müller GmbH")]
    table = sync_table(result, TZ, width=400)
    assert "leave: no record on this machine" in table
    assert (
        "d holds events planner wrote from another machine or an earlier data directory; this "
        "machine has no record of which ones you deleted there, so 1 event it would write is "
        "left out and taken for deleted" in table
    )
    world.run(apply=True)
    assert "Erstgespräch Müller GmbH" not in objects(world)

    call = Event("g-call@x", "Call mit Dana", at(10, 16), at(10, 17))
    world.google.put_event("primary", event_to_google(call))
    result = world.run(apply=True)
    assert actions(result) == [
        ("create", "", "Call mit Dana"),
        ("leave", "deleted", "Erstgespräch Müller GmbH"),
    ]
    assert "Erstgespräch Müller GmbH" not in objects(world)


def test_undo_reaches_a_calendar_that_is_no_longer_a_target(world: World):
    """Removing the [[sync]] table into "d" orphaned its mirrors and travel blocks: --undo
    listed the targets only. A run says what "d" still holds, and --undo --target d removes
    it, leaving the other targets as they are."""
    setup(world)
    held = sum(len(found) for found in objects(world).values())
    assert held >= 3
    world.syncs = [{"from": ["g"], "to": "o", "show": "title"}]
    world.run(apply=True)
    in_outlook = len([e for e in world.graph.all_events() if "Müller" in e.get("subject", "")])
    assert in_outlook == 1

    result = world.run()
    assert result.no_longer_targets == {"d": held}
    assert (
        f"d holds {held} events planner wrote and is no longer a sync target; "
        "'planner sync --undo --target d --apply' removes them" in sync_table(result, TZ, width=400)
    )
    undo = world.run(undo=True)  # every calendar planner wrote into, "d" among them
    assert {t.target for t in undo.targets} == {"o", "d"}

    config = world.config()
    result = run_sync(config, world.store, now=NOW, apply=True, undo=True, target="d")
    assert result.ok and [t.target for t in result.targets] == ["d"]
    assert objects(world) == {}
    assert len([e for e in world.graph.all_events() if "Müller" in e.get("subject", "")]) == 1
    assert world.run().no_longer_targets == {}
