"""Heads that mailers write above a meeting request ("The following is a new meeting
request:" of Zimbra, Outlook's "When: … Where: …") with an empty location line: the line
after it ("Time: … Prague") is no place. And a personal word in the title of a public event
one registered for ("Holiday Networking Mixer" on Eventbrite) gives way to the structure."""

from __future__ import annotations

from datetime import datetime

import pytest

from planner.config.loader import default_config
from planner.judge.directory import Directory
from planner.judge.mode import classify
from planner.judge.purpose import determine_purpose
from planner.judge.relations import Ledger
from planner.judge.zones import zones_of
from planner.model import Attendee, Event, Mode, Purpose
from tests.data.judged_events import TZ

USER = "eva@pragtech.example"
CONFIG = default_config(user={"email": USER, "domains": ["pragtech.example"]})

pytestmark = pytest.mark.usefixtures("forgotten")

HEADS = {
    "zimbra": (
        "The following is a new meeting request:\n\nSubject: Portfolio \nOrganizer: "
        '"Jan Malý" <jan@fund.example> \n\nLocation:  \nTime: Thursday, December 3, 2026, '
        "2:00:00 PM - 2:45:00 PM GMT +01:00 Prague \n \nInvitees: eva@pragtech.example \n\n\n"
        "*~*~*~*~*~*~*~*~*~*\nDobrý den, posílám odkaz.\n"
    ),
    "outlook": (
        "-----Original Appointment-----\nFrom: Jan Malý\nSent: Monday, 30 November 2026\n"
        "To: Eva\nSubject: Portfolio\nWhere:\nWhen: Thursday 3 December 2026 14:00-14:45 "
        "(UTC+01:00) Belgrade, Bratislava, Budapest, Ljubljana, Prague.\n\n"
    ),
    "german": "Ort:\nZeit: Donnerstag, 3. Dezember 2026, 14:00 Wien\n\n",
}


def request(head: str) -> Event:
    return Event(
        uid=f"{abs(hash(head))}@planner.test",
        title="Portfolio",
        start=datetime(2026, 12, 3, 14, tzinfo=TZ),
        end=datetime(2026, 12, 3, 14, 45, tzinfo=TZ),
        description=head + "Join with Google Meet: https://meet.google.com/abc-defg-hij\n",
        organizer=Attendee(email="jan@fund.example"),
        attendees=(Attendee(email=USER), Attendee(email="jan@fund.example")),
    )


@pytest.mark.parametrize("vendor", sorted(HEADS))
def test_an_empty_location_line_does_not_take_the_next_line(vendor):
    item = request(HEADS[vendor])
    assert not zones_of(item).location
    assert classify(item).mode is Mode.VIRTUAL


def test_a_location_line_with_a_place_still_stands_for_the_location():
    item = request("Location: Café Louvre, Národní 22, Praha 1\n")
    assert zones_of(item).location


@pytest.mark.parametrize(
    "title",
    ["PRSA Holiday Networking Mixer", "Holiday Party of the Tech Guild", "Urlaubsmesse Stuttgart"],
)
def test_a_personal_word_gives_way_to_an_event_platform(title):
    item = Event(
        uid="83412-ticket@eventbrite.com",
        title=title,
        start=datetime(2026, 12, 10, 18, tzinfo=TZ),
        end=datetime(2026, 12, 10, 21, tzinfo=TZ),
        location="The Harvard Club, 35 W 44th St, New York, NY 10036",
    )
    found = determine_purpose(item, Ledger(Directory(CONFIG)), CONFIG, classify(item).mode)
    assert found.purpose is Purpose.NETWORKING
