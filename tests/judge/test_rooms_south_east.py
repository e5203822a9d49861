"""A meeting room named in Portuguese, Spanish, Romanian, Turkish, Hungarian, Greek or Japanese
beside a video link is a hybrid meeting, as "Raum" and "room" are (planner.judge.zones): "sala
Bucegi", "toplantı salonu", "Tárgyaló 3", "tárgyalóterem", "αίθουσα συσκέψεων", "第2会議室"."""

from __future__ import annotations

from datetime import datetime

import pytest

from planner.judge.mode import classify
from planner.model import Attendee, Event, Mode
from tests.data.judged_events import TZ

pytestmark = pytest.mark.usefixtures("forgotten")

MEET = "Join with Google Meet: https://meet.google.com/abc-defg-hij"


@pytest.mark.parametrize(
    "location",
    [
        "Nordeste Têxtil, sala Itapuã, Av. Tancredo Neves 1632, Salvador",
        "Grupo Sierra, Sala de juntas 2, Av. Reforma 250, Ciudad de México",
        "Olt Metal, sala de ședințe, Str. Fabricii 4, Slatina",
        "Ege Pamuk, toplantı salonu 2, Atatürk OSB, İzmir",
        "Tisza Tech, Tárgyaló 3, Kárász u. 6, Szeged",
        "Tisza Tech, nagy tárgyalóterem, Kárász u. 6, Szeged",
        "Κρήτη Foods, αίθουσα συσκέψεων, Λεωφ. Κνωσού 12, Ηράκλειο",
        "大和電機 本社 第2会議室 大阪府大阪市北区梅田1-1",
    ],
)
def test_a_room_beside_a_video_link_is_hybrid(location):
    event = Event(
        uid=f"{abs(hash(location))}@planner.test",
        title="Project committee",
        start=datetime(2026, 12, 3, 10, tzinfo=TZ),
        end=datetime(2026, 12, 3, 11, tzinfo=TZ),
        location=location,
        description=MEET,
        organizer=Attendee(email="host@partner.example"),
        attendees=(Attendee(email="kim@fjordlab.example"), Attendee(email="host@partner.example")),
    )
    assert classify(event).mode == Mode.HYBRID
