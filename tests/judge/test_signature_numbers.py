"""A phone number in the sender's signature says how to reach a person, not how the meeting
happens: next to "Zoom" or "Microsoft Teams" as the location the meeting stays a video call.
A number in a block that says how to join (a PIN, a conference or meeting ID, "Einwahl", a
join link, ",,123#") is a dial-in as before, and a call written as one stays a call.

Bug (found by trying the product): "LOCATION:Zoom" and a description ending "Max Berliner /
Spree Partner GmbH / Friedrichstraße 100, 10117 Berlin / +49 30 9876543" was judged a phone
call: "dial-in number '+49 30 9876543' in the invitation"."""

from __future__ import annotations

from datetime import datetime

import pytest

from planner.judge.mode import classify
from planner.model import Attendee, Event, Mode
from tests.data.judged_events import TZ

ME = Attendee("me@mycorp.example", "Me")
CLIENT = Attendee("max.berliner@spree-partner.example", "Max Berliner")

SIGNATURES = [
    "\n".join(lines)
    for lines in (
        ("Viele Grüße", "Max Berliner", "Spree Partner GmbH",
         "Friedrichstraße 100, 10117 Berlin", "+49 30 9876543"),
        ("Mit freundlichen Grüßen", "Dr. Anna Weber", "Weber & Partner", "Tel.: +49 89 123456",
         "Mobil: +49 171 2345678"),
        ("Thanks,", "John Smith", "Head of Sales, Northwind Ltd",
         "10 Park Lane, London W1K 1LB", "T: +44 20 7946 0958"),
        ("Best regards,", "Nina Shaw", "Harbor Freight Inc.", "Mobile: +1 415 555 0134",
         "www.harbor-freight.example"),
        ("Cordialement,", "Marie Durand", "Groupe Lumière", "12 rue de Rivoli, 75004 Paris",
         "Tél. : +33 1 23 45 67 89"),
        ("Eva Roth | Rechtsanwältin", "Roth Recht, Maximilianstraße 3, 80539 München",
         "Fon +49 89 998877 | Fax +49 89 998878"),
    )
]  # fmt: skip


def meeting(description: str, location: str = "") -> Event:
    return Event(
        uid=f"{abs(hash((description, location)))}@planner.test",
        title="Abstimmung Projekt",
        start=datetime(2026, 12, 10, 10, tzinfo=TZ),
        end=datetime(2026, 12, 10, 11, tzinfo=TZ),
        location=location,
        description=description,
        organizer=ME,
        attendees=(CLIENT,),
    )


pytestmark = pytest.mark.usefixtures("forgotten")


@pytest.mark.parametrize("signature", SIGNATURES)
@pytest.mark.parametrize("location", ["Zoom", "Microsoft Teams-Besprechung", "Webex"])
def test_a_signature_number_does_not_outweigh_the_tool(signature, location):
    found = classify(meeting("Anbei die Agenda.\n\n" + signature, location))
    assert found.mode is Mode.VIRTUAL, found
    assert not any("dial-in" in line for line in found.evidence)


@pytest.mark.parametrize(
    "block",
    [
        "Einwahl: +49 30 123456789\nPIN: 4711",
        "Join by phone\n+1 646 558 8656\nMeeting ID: 845 1234 5678",
        "+49 69 365057163,,123456789# Germany, Frankfurt\nPhone Conference ID: 123 456 789#",
        "Numéro de conférence : +33 1 70 37 00 00\nCode : 123456",
    ],
)
def test_a_dial_in_block_is_a_dial_in(block):
    found = classify(meeting("Agenda folgt.\n\n" + block))
    assert found.mode is Mode.PHONE, found


@pytest.mark.parametrize(
    "text",
    [
        "Bitte rufen Sie mich an: +49 89 7654321",
        "I'll call you on +44 20 7946 0000 at four.",
        "Je vous appelle au +33 6 12 34 56 78.",
    ],
)
def test_a_call_written_as_one_stays_a_call(text):
    assert classify(meeting(text)).mode is Mode.PHONE
