"""What ``planner sync`` writes reveals nothing of the source (issue 26), against the fake
Google and Graph servers and a real Radicale: the marks carry an opaque key, never the source
calendar's name or the meeting's UID; a Google insert gives the ``id`` alone, never an
``iCalUID`` too; and one meeting read through two sources (one CalDAV collection named by two
[[calendars]] entries) is mirrored once."""

from __future__ import annotations

import json

import pytest

from planner.ical.writing import event_to_ics
from planner.sync.marks import mirror_id
from tests.fakes.google_server import event_to_google
from tests.fakes.graph_server import event_to_graph
from tests.sync.conftest import World
from tests.sync.test_sync_accounts import event, google_mirrors, graph_mirrors

pytestmark = pytest.mark.slow

SECRET_UIDS = ("o-board@acme-secret.example", "c-dentist@praxis-secret.example",
               "g-lunch@tantris-secret.example")  # fmt: skip


def _seed(world: World) -> None:
    world.google.put_event("primary", event_to_google(event(SECRET_UIDS[2], "Lunch", 8, 12)))
    world.graph.put_event(event_to_graph(event(SECRET_UIDS[0], "Board", 9, 10)))
    world.radicale.put(
        world.caldav, "dentist.ics", event_to_ics(event(SECRET_UIDS[1], "Dent", 11, 9))
    )


class TestMirrorsRevealNothingOfTheirSource:
    def test_no_source_uid_or_calendar_name_in_any_written_mirror(self, world):
        _seed(world)
        world.syncs = [
            {"from": ["o", "c"], "to": "g", "travel": False},
            {"from": ["g", "c"], "to": "o", "travel": False},
        ]
        world.run(apply=True)
        written = [*google_mirrors(world).values(), *graph_mirrors(world).values()]
        assert len(written) == 4
        text = json.dumps(written)
        for uid in SECRET_UIDS:
            assert uid not in text and uid.split("@")[1] not in text
        for key in [*google_mirrors(world), *graph_mirrors(world)]:
            kind, source, what = key.split(":")
            assert kind == "mirror" and source not in ("g", "o", "c") and len(what) == 24

    def test_a_google_insert_names_the_id_alone(self, world):
        _seed(world)
        world.syncs = [{"from": ["o"], "to": "g", "travel": False}]
        world.run(apply=True)
        (insert,) = world.google.inserts
        assert insert["body"]["id"] and "iCalUID" not in insert["body"]
        world.graph.put_event(event_to_graph(event("o-new@x", "Later", 10, 15)))
        world.run(apply=True)  # and it is listed, updated and left alone as before
        assert len(google_mirrors(world)) == 2


class TestOneMeetingThroughTwoSourcesIsMirroredOnce:
    def test_one_caldav_collection_named_twice(self, world):
        world.radicale.put(world.caldav, "dentist.ics", event_to_ics(event("c-d@x", "Dent", 11, 9)))
        world.caldav_target = world.caldav  # a second [[calendars]] entry "d", same collection
        world.syncs = [{"from": ["c", "d"], "to": "g", "travel": False}]
        world.run(apply=True)
        assert list(google_mirrors(world)) == [mirror_id("c", "c-d@x")]
        world.run(apply=True)
        assert world.google.count("events.insert") == 1
