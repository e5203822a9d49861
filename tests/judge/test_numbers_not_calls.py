"""Numbers that say no call (planner.judge.zones, text, tools): a Brazilian postcode ("CEP
04005-000") in an address is no phone number; a signature's "Tel: +40 …" says how to reach the
sender, not how to join ("tel:" is a link only when a number follows it at once); the meeting
ID of a JioMeet, Lark or VooV join block is that tool's, a video meeting."""

from __future__ import annotations

from datetime import datetime

import pytest

from planner.judge.mode import classify
from planner.judge.zones import phone_numbers
from planner.model import Attendee, Event, Mode
from tests.data.judged_events import TZ

ME = "kim@fjordlab.example"

pytestmark = pytest.mark.usefixtures("forgotten")


def event(title: str, location: str = "", description: str = "") -> Event:
    return Event(
        uid=f"{abs(hash(title + description))}@planner.test",
        title=title,
        start=datetime(2026, 12, 3, 10, tzinfo=TZ),
        end=datetime(2026, 12, 3, 11, tzinfo=TZ),
        location=location,
        description=description,
        organizer=Attendee(email="host@partner.example"),
        attendees=(Attendee(email=ME), Attendee(email="host@partner.example")),
    )


@pytest.mark.parametrize(
    "location",
    [
        "Café Girondino, Rua Boa Vista, 365 – Centro, São Paulo – SP, 01014-001",
        "Escritório Verde, Av. Brigadeiro Faria Lima, 3477 – Itaim Bibi, 04538-133 São Paulo",
    ],
)
def test_a_brazilian_postcode_is_no_phone_number(location):
    assert phone_numbers(location) == []
    assert classify(event("Reunião de planejamento", location)).mode == Mode.IN_PERSON


@pytest.mark.parametrize(
    "signature",
    [
        "Cu stimă,\nAndrei Popa\nDirector vânzări\nTel: +40 21 312 8800 | Mobil: +40 733 100 200",
        "Saygılarımla,\nEmre Aydın\nSatış Müdürü\nTel: +90 212 555 01 02",
        "Üdvözlettel:\nNagy Eszter\nTel: +36 1 234 5678",
        "Kind regards,\nPriya Nair\nTel: +91 80 4123 9900",
    ],
)
def test_a_signature_number_is_no_dial_in(signature):
    found = classify(event("Contract review", "Str. Academiei 7, București", signature))
    assert found.mode == Mode.IN_PERSON


@pytest.mark.parametrize(
    "block",
    [
        "Join meeting: https://jiomeet.jio.com/shortener?meetingId=5512048833&pwd=Ab12\n"
        "Meeting ID: 551 204 8833\nPassword: Ab12",
        "Join Lark video meeting: https://vc.larksuite.com/j/318204557\nMeeting ID: 318 204 557",
        "VooV Meeting: https://voovmeeting.com/dm/4aQ1z0Bn\nMeeting ID: 904 117 2231",
    ],
)
def test_the_meeting_id_of_a_video_tool_is_no_dial_in(block):
    assert classify(event("Supplier review", description=block)).mode == Mode.VIRTUAL
