"""Names from real exports of other projects (../shared/fixtures/real): Graph attendees'
emailAddress.name and iCalendar CN become the people's names; a CN that is only the address
(an iPhone invitation through Exchange) is no name."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from planner.ical.reader import events_from_ics
from planner.people.sources import people_for
from providers.graph_events import to_event
from tests.locations import ROOT

REAL = ROOT.parent / "shared" / "fixtures" / "real"
TZ = ZoneInfo("Europe/Berlin")


@pytest.fixture(scope="module")
def real():
    if not REAL.is_dir():
        pytest.skip(f"real-world fixtures not found at {REAL} (shared/ is beside the repo in CI)")
    return REAL


def graph_items(data):
    if isinstance(data, dict):
        if "subject" in data and "start" in data:
            yield data
        for value in data.values():
            yield from graph_items(value)
    elif isinstance(data, list):
        for value in data:
            yield from graph_items(value)


def test_graph_display_names(real):
    events = [
        to_event(item, TZ, calendar=path.stem)
        for path in sorted((real / "graph").glob("*.json"))
        for item in graph_items(json.loads(path.read_text(encoding="utf-8-sig")))
    ]
    people = people_for(None, events)
    assert people.name_of("meganb@m365x320864.onmicrosoft.com") == "Megan Bowen"
    assert people.name_of("SamanthaB@Contoso.OnMicrosoft.com") == "Samantha Booth"
    named = [p for p in people if p.name]
    assert len(named) == len(people) >= 10
    assert not any("@" in p.name for p in named)


def test_icalendar_common_names(real):
    events = []
    for name in ("ical.js__recur_instances", "nylas-sync-engine__windows_event",
                 "nylas-sync-engine__iphone_through_exchange"):  # fmt: skip
        path = real / "ics" / f"{name}.ics"
        events += events_from_ics(
            path.read_bytes(), source=path.name, tz=TZ, start=datetime(1990, 1, 1, tzinfo=UTC),
            end=datetime(2035, 1, 1, tzinfo=UTC), warn=lambda message: None,
        )  # fmt: skip
    people = people_for(None, events)
    assert people.name_of("jlal@mozilla.com") == "James Lal"
    assert people.name_of("karim@nilas.com") == "Karim Hamidou"
    assert people.get("khamidou@inboxapp.com") is not None
    assert people.name_of("khamidou@inboxapp.com") == ""  # CN="khamidou@inboxapp.com"
    assert people.label("khamidou@inboxapp.com") == "khamidou@inboxapp.com"
