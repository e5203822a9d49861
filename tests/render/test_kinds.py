# ruff: noqa: E501 (a table of cases reads best one per line)
"""Issue 28: the kind of every entry of a day, whatever the language and the vendor: meetings,
flights, trains, hotel stays, rental cars, trips, all-day events, out of office, working
locations, focus time, blockers, free time, declined and cancelled entries."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.config import from_mapping
from planner.flows.plan import assess
from planner.model import Attendee, Busy, Event, Response, Status
from planner.render.kinds import Kind, entry_kind, in_day

TZ = ZoneInfo("Europe/Berlin")
CONFIG = from_mapping({"user": {"email": "me@example.com", "timezone": "Europe/Berlin"}}, "test")
GUEST = (Attendee("ann@acme.example", "Ann"),)


def event(title: str, **fields) -> Event:
    start = fields.pop("start", datetime(2026, 12, 7, 10, 0, tzinfo=TZ))
    if fields.get("all_day"):
        start = datetime.combine(start.date(), datetime.min.time(), TZ)
    end = fields.pop(
        "end", start + (timedelta(days=1) if fields.get("all_day") else timedelta(hours=1))
    )
    return Event(uid=title, title=title, start=start, end=end, **fields)


def kind(item: Event) -> Kind:
    (planned,) = assess([item], CONFIG)
    return entry_kind(planned)


@pytest.mark.parametrize(
    ("title", "fields", "expected"),
    [
        ("Flug LH 2034 München → Hamburg", {}, Kind.FLIGHT),
        ("Flight BA 947 LHR to MUC", {}, Kind.FLIGHT),
        ("US403 PHX to SFO", {}, Kind.FLIGHT),
        ("ICE 583 München Hbf → Hamburg-Altona", {}, Kind.TRAIN),
        ("TGV 6201 Paris Gare de Lyon → Lyon Part-Dieu", {}, Kind.TRAIN),
        ("Zugfahrt nach Köln", {"description": "Wagen 7, Platz 45"}, Kind.TRAIN),
        ("Trip from Utrecht to Bruxelles Central", {"url": "https://www.nsinternational.com/en/traintickets-v3/"}, Kind.TRAIN),
        ("Check-in: Hôtel Le Méridien Étoile", {}, Kind.STAY),
        ("Übernachtung Hotel Atlantic", {}, Kind.STAY),
        ("Pick-up Rental Car: Dollar Rent A Car", {}, Kind.CAR),
        ("Mietwagen abholen (Sixt)", {}, Kind.CAR),
        ("Directions from SFO to Sofitel", {}, Kind.TRIP),
        ("Zahnarzt Dr. Öztürk", {}, Kind.BLOCKER),
        ("Angebot schreiben", {}, Kind.BLOCKER),
        ("Laufen im Englischen Garten", {"busy": False}, Kind.FREE),
        ("Bits & Pretzels (Messe)", {"all_day": True}, Kind.ALL_DAY),
        ("Salon du Bourget", {"all_day": True, "start": datetime(2026, 12, 7, tzinfo=TZ)}, Kind.ALL_DAY),
        ("Urlaub", {"all_day": True, "availability": Busy.OUT_OF_OFFICE}, Kind.OUT_OF_OFFICE),
        ("Home Office", {"all_day": True, "availability": Busy.WORKING_ELSEWHERE}, Kind.WORKING_LOCATION),
        ("Deep work", {"hints": (("google.eventType", "focusTime"),)}, Kind.FOCUS),
        ("Kick-off with Ann", {"attendees": GUEST}, Kind.MEETING),
        ("Réunion d’équipe", {"attendees": GUEST, "self_response": Response.DECLINED}, Kind.DECLINED),
        ("Weekly sync", {"attendees": GUEST, "status": Status.CANCELLED}, Kind.CANCELLED),
    ],
)  # fmt: skip
def test_the_kind_of_an_entry(title, fields, expected):
    assert kind(event(title, **fields)) is expected


def test_declined_and_cancelled_are_no_part_of_the_day():
    items = assess(
        [
            event("Weekly sync", attendees=GUEST, status=Status.CANCELLED),
            event("Réunion", attendees=GUEST, self_response=Response.DECLINED),
            event("Kick-off", attendees=GUEST),
        ],
        CONFIG,
    )
    assert [i.event.title for i in items if in_day(i)] == ["Kick-off"]
