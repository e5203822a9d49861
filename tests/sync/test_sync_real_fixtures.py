"""planner sync's rules over real-world calendar files (../shared/fixtures/real/ics): every file
yields mirrors and travel legs without error, and the rules hold on what real apps write
(cancelled, tentative, free and private events). Skipped where the folder is absent."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from planner.config import default_config
from planner.ical.reader import events_from_ics
from planner.judge.mode import classify
from planner.meet.geo import Geocoder
from planner.meet.travel_time import travel_model
from planner.model import Status
from planner.sync.marks import is_private
from planner.sync.mirrors import mirrorable, mirrors
from planner.sync.travel import legs
from tests.ical.test_ics_real_fixtures import FILES, REAL
from tests.sync.test_sync_plan import TZ

pytestmark = pytest.mark.skipif(not FILES, reason=f"real-world fixtures not found in {REAL}")


def read(path):
    return events_from_ics(
        path.read_bytes(),
        source=path.name,
        tz=TZ,
        start=datetime(1990, 1, 1, tzinfo=UTC),
        end=datetime(2040, 1, 1, tzinfo=UTC),
        calendar="real",
        warn=lambda text: None,
    )


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_real_calendar_mirrors_and_travel(path):
    events = read(path)
    found = mirrors(events, "real", "target", "title_and_place")
    by_key = {w.key: w for w in found}
    assert len(by_key) == len(found)  # one mirror per event occurrence
    for source, want in zip([e for e in events if mirrorable(e)], found, strict=True):
        shown = want.event
        assert shown.busy and shown.status is not Status.CANCELLED
        assert (shown.start, shown.end) == (source.start, source.end)
        if is_private(source):
            assert (shown.title, shown.location) == ("Busy", "")
        if source.status is Status.TENTATIVE:
            assert shown.status is Status.TENTATIVE
    config = default_config()
    geocoder = Geocoder(config)
    found_legs = legs(
        events,
        mode_of=lambda e: classify(e).mode,
        locate=lambda e: p.geo if (p := geocoder.locate(e.location, e.geo)) else None,
        home=None,
        minutes=travel_model(config).minutes,
        tz=TZ,
    )
    for leg in found_legs:
        assert leg.minutes > 0 and leg.side in ("before", "after")


def test_tentative_and_cancelled_from_real_apps():
    names = {p.name: p for p in FILES}
    tentative = read(names["node-ical__tentative-apple-calendar.ics"])
    shown = mirrors(tentative, "real", "t", "title")
    assert shown and any(w.event.status is Status.TENTATIVE for w in shown)
    cancelled = read(names["python-recurring-ical-events__issue_18_cancel_status.ics"])
    assert all(e.status is not Status.CANCELLED for e in cancelled) or not mirrors(
        [e for e in cancelled if e.status is Status.CANCELLED], "real", "t", "title"
    )


def test_private_google_and_graph_events_from_real_samples_show_busy_only():
    """Google's ``visibility: private`` (gdata-provider sample) and Graph's ``sensitivity:
    private`` (MS365-Calendar sample) reach the mirror as "Busy" without a place."""
    import json
    from dataclasses import replace

    from planner.model import Status
    from providers.base import ProviderContext
    from providers.google_map import to_event as google_event
    from providers.graph_events import to_event as graph_event

    real = REAL.parent
    google_path = real / "google" / "gdata-provider__gcalItems.json"
    graph_path = real / "graph" / "MS365-Calendar__calendar1_event2.json"
    if not google_path.exists() or not graph_path.exists():
        pytest.skip("real Google/Graph samples not found")
    item = json.loads(google_path.read_text(encoding="utf-8"))["simple_event"]
    event = google_event(item, ProviderContext(TZ), source="g", calendar_id="primary")
    assert event is not None and is_private(event)
    busy = replace(event, busy=True)  # the sample is "transparent" (free): not mirrored as is
    assert not mirrors([event], "g", "t", "title_and_place")
    (shown,) = mirrors([busy], "g", "t", "title_and_place")
    assert (shown.event.title, shown.event.location) == ("Busy", "")

    item = json.loads(graph_path.read_text(encoding="utf-8"))
    event = graph_event(item, TZ, calendar="o")
    assert event is not None and is_private(event)
    (shown,) = mirrors([event], "o", "t", "title")
    assert shown.event.title == "Busy" and shown.event.status is not Status.CANCELLED
    assert shown.event.all_day == event.all_day
