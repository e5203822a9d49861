"""planner sync under the services' limits: Graph throttling and Google quota are waited out,
a failing target is reported while the others are synced, a source that cannot be read keeps
its mirrors, and a CalDAV calendar works as a target (Radicale)."""

from __future__ import annotations

import time
import uuid
from datetime import datetime, timedelta

import pytest

# imported before a test patches time.sleep: a default argument there must keep the real one
import providers.google_auth
import providers.graph_http  # noqa: F401
from planner.ical.reader import events_from_ics
from planner.sync.marks import mirror_id
from planner.sync.run import run_sync
from tests.fakes.google_server import event_to_google
from tests.sync.conftest import NOW, TZ
from tests.sync.test_sync_accounts import event, google_mirrors, graph_mirrors, seed, two_way

pytestmark = pytest.mark.slow


@pytest.fixture
def waits(monkeypatch) -> list[float]:
    """Every wait of the clients' retry loops, without waiting."""
    found: list[float] = []
    monkeypatch.setattr(time, "sleep", found.append)
    return found


def test_graph_throttling_and_google_quota_are_waited_out(world, waits):
    seed(world)
    two_way(world)
    world.graph.fail("/events", 429, retry_after="7", method="POST", code="TooManyRequests")
    world.google.fail("events.insert", 403, "rateLimitExceeded")
    world.run(apply=True)
    assert 7.0 in waits  # Retry-After honoured
    assert any(w >= 1.0 for w in waits if w != 7.0)  # Google's backoff
    assert len(google_mirrors(world)) == 3 and len(graph_mirrors(world)) == 2


def test_a_failing_target_is_reported_and_the_others_are_synced(world, waits):
    seed(world)
    two_way(world)
    world.google.fail("events.insert", 403, "forbidden", times=10)
    result = run_sync(world.config(), world.store, now=NOW, apply=True)
    assert not result.ok
    by_name = {t.target: t for t in result.targets}
    assert by_name["g"].errors and "403" in by_name["g"].errors[0]
    assert by_name["o"].errors == [] and by_name["o"].written == 2
    assert len(graph_mirrors(world)) == 2 and google_mirrors(world) == {}


def test_a_source_that_cannot_be_read_keeps_its_mirrors(world, waits):
    seed(world)
    two_way(world)
    world.run(apply=True)
    assert len(google_mirrors(world)) == 3
    world.graph.fail("calendarView/delta", 503, times=50)
    result = run_sync(world.config(), world.store, now=NOW, apply=True)
    assert "o" in result.source_errors and not result.ok
    assert len(google_mirrors(world)) == 3  # the Outlook mirrors stay while Outlook is down
    assert [c.action for t in result.targets for c in t.changes] == []


def caldav_mirrors(calendar) -> dict[str, object]:
    found = {}
    for obj in calendar.events():
        if "X-PLANNER-SYNC-KEY" not in obj.data:
            continue
        start = datetime(2026, 1, 1, tzinfo=TZ)
        (item,) = events_from_ics(
            obj.data, source="d", tz=TZ, start=start, end=start + timedelta(days=800)
        )
        key = next(v for k, v in item.hints if k == "X-PLANNER-SYNC-KEY")
        found[key] = item
    return found


def test_caldav_calendar_as_target(world):
    world.caldav_target = world.radicale.make_calendar(f"dst-{uuid.uuid4().hex[:10]}")
    lunch = world.google.put_event(
        "primary", event_to_google(event("g-lunch@x", "Client lunch", 8, 12, 1.5))
    )
    world.syncs = [{"from": ["g"], "to": "d", "show": "title"}]
    world.run(apply=True)
    mirrors = caldav_mirrors(world.caldav_target)
    assert list(mirrors) == [mirror_id("g", "g-lunch@x")]
    assert mirrors[mirror_id("g", "g-lunch@x")].title == "Client lunch"
    assert mirrors[mirror_id("g", "g-lunch@x")].hint("CLASS") == "PRIVATE"

    result = world.run(apply=True)
    assert [c for t in result.targets for c in t.changes] == []

    moved = dict(lunch, start={"dateTime": "2026-12-08T14:00:00+01:00"})
    moved["end"] = {"dateTime": "2026-12-08T15:00:00+01:00"}
    world.google.put_event("primary", moved)
    result = world.run(apply=True)
    assert [c.action for t in result.targets for c in t.changes] == ["update"]
    mirror = caldav_mirrors(world.caldav_target)[mirror_id("g", "g-lunch@x")]
    assert mirror.start == datetime(2026, 12, 8, 14, tzinfo=TZ)

    world.google.delete_event("primary", lunch["id"])
    world.run(apply=True)
    assert caldav_mirrors(world.caldav_target) == {}


def test_when_places_cannot_be_located_mirrors_sync_and_travel_blocks_stay(world, monkeypatch):
    from planner.meet.geo import GeocodeError
    from planner.sync import run

    seed(world)
    world.syncs = [{"from": ["o", "c"], "to": "g", "travel": True}]

    def broken(self):
        raise GeocodeError("Nominatim answered 503")

    monkeypatch.setattr(run._Run, "_legs", broken)
    result = run_sync(world.config(), world.store, now=NOW, apply=True)
    assert result.source_errors == {"travel time": "Nominatim answered 503"} and not result.ok
    assert len(google_mirrors(world)) == 3
