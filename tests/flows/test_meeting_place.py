"""Each organisation's last in-person meeting place (:class:`CounterpartPlaces`), read newest
first: the same answer as a scan of every meeting, on histories of many shapes."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from planner.config import default_config
from planner.flows.meeting_place import CounterpartPlaces
from planner.judge.zones import place_text
from planner.model import Attendee, Classification, Event, Mode

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 7, 9, tzinfo=TZ)
ME = "me@mycorp.example"
LOCATIONS = (
    "Café Luitpold, Brienner Str. 11, 80333 München",
    "Hotel Adlon Kempinski, Unter den Linden 77, Berlin",
    "Restaurant Zum Schiffchen, Markmannsgasse 4, Düsseldorf",
    "https://zoom.us/j/123456789",  # no place to find: only a link
    "Microsoft Teams Meeting",
    "+49 89 1234567",
    "Raum 4.12",
    "Leopoldstraße 12, 80802 München",
)
DOMAINS = ("acme.example", "kunde.de", "mycorp.example", "partner.co.uk", "b.example")


def _config():
    return default_config(
        user={"email": ME, "timezone": "Europe/Berlin", "domains": ["mycorp.example"]}
    )


def _meeting(n: int, start: datetime, location: str, *domains: str) -> Event:
    people = tuple(Attendee(f"p{n}.{i}@{d}") for i, d in enumerate(domains))
    return Event(
        f"m{n}",
        f"Meeting {n}",
        start,
        start + timedelta(hours=1),
        location=location,
        organizer=Attendee(ME),
        attendees=people,
    )


def _reference(events, modes, emails) -> str:
    """The rule, read off every meeting: the latest in-person meeting that had ended with a
    place to find and someone of the counterparts' organisations (not the user's own); of two
    at the same time, the earlier in the list."""
    own = {"mycorp.example"}
    domains = {e.rpartition("@")[2].lower() for e in emails if e.lower() != ME} - own
    best = None
    for number, event in enumerate(events):
        if event.end > NOW or modes[event.key].mode is not Mode.IN_PERSON:
            continue
        if not place_text(event.location) or not domains & {p.domain for p in event.people()}:
            continue
        if best is None or event.start > best[0].start:
            best = (event, number)
    return place_text(best[0].location) if best else ""


def _modes(events, rng: random.Random):
    chosen = (Mode.IN_PERSON, Mode.IN_PERSON, Mode.VIRTUAL, Mode.PHONE)
    return {e.key: Classification(rng.choice(chosen), ()) for e in events}


def test_same_answer_as_a_scan_of_every_meeting():
    for seed in range(40):
        rng = random.Random(seed)
        events = []
        for n in range(rng.randint(0, 60)):
            # few distinct hours: many meetings at the same time, some after "now"
            start = NOW - timedelta(hours=rng.randint(-3, 30))
            domains = rng.sample(DOMAINS, rng.randint(1, 3))
            events.append(_meeting(n, start, rng.choice(LOCATIONS), *domains))
        modes = _modes(events, rng)
        places = CounterpartPlaces(events, modes, _config(), NOW)
        for domain in DOMAINS:
            emails = [f"x@{domain}", ME]
            assert places.of(emails) == _reference(events, modes, emails), (seed, domain)
        both = ["x@acme.example", "y@kunde.de"]
        assert places.of(both) == _reference(events, modes, both), seed


def test_a_later_meeting_without_a_place_leaves_the_earlier_place():
    older = _meeting(1, NOW - timedelta(days=9), LOCATIONS[0], "acme.example")
    link = _meeting(2, NOW - timedelta(days=2), LOCATIONS[3], "acme.example")
    coming = _meeting(3, NOW + timedelta(days=1), LOCATIONS[1], "acme.example")
    events = [older, link, coming]
    modes = {e.key: Classification(Mode.IN_PERSON, ()) for e in events}
    places = CounterpartPlaces(events, modes, _config(), NOW)
    assert places.of(["anna@acme.example"]) == "Café Luitpold, Brienner Str. 11, 80333 München"
    assert places.of(["colleague@mycorp.example"]) == ""  # the user's own organisation


def test_of_two_at_the_same_time_the_first_listed():
    at = NOW - timedelta(days=1)
    first = _meeting(1, at, LOCATIONS[1], "kunde.de")
    second = _meeting(2, at, LOCATIONS[2], "kunde.de")
    modes = {e.key: Classification(Mode.IN_PERSON, ()) for e in (first, second)}
    assert "Berlin" in CounterpartPlaces([first, second], modes, _config(), NOW).of(["a@kunde.de"])
    assert "Düsseldorf" in CounterpartPlaces([second, first], modes, _config(), NOW).of(
        ["a@kunde.de"]
    )
