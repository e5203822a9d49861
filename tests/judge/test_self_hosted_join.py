"""A join block of a video tool on the company's own server (Nextcloud Talk, Jitsi,
BigBlueButton) names its tool in any language: its meeting link is a join link, as strong as a
known host's, so a room and that link make a hybrid meeting. A company web site under a
signature stays no join link."""

from __future__ import annotations

from datetime import datetime

import pytest

from planner.judge.mode import classify
from planner.model import Attendee, Event, Mode, Response
from tests.data.judged_events import TZ

ME = "femke@grachtwerk.example"

pytestmark = pytest.mark.usefixtures("forgotten")


def event(location: str, description: str, room: bool = True) -> Event:
    people = (ME, "bas@grachtwerk.example")
    resources = (Attendee("zaal-3@grachtwerk.example", "Zaal 3", Response.ACCEPTED, True),)
    return Event(
        uid=f"{abs(hash((location, description, room)))}@planner.test",
        title="Weekoverleg",
        start=datetime(2026, 12, 8, 9, tzinfo=TZ),
        end=datetime(2026, 12, 8, 10, tzinfo=TZ),
        location=location,
        description=description,
        organizer=Attendee(ME, response=Response.ACCEPTED),
        attendees=tuple(Attendee(p, response=Response.ACCEPTED) for p in people)
        + (resources if room else ()),
    )


@pytest.mark.parametrize(
    "block",
    [
        "Neem deel aan het gesprek in Nextcloud Talk:\nhttps://wolk.grachtwerk.example/call/k3x9p2qa",
        "Join the Nextcloud Talk conversation:\nhttps://cloud.grachtwerk.example/call/a8d7f6e5",
        "Partecipa alla riunione Jitsi:\nhttps://video.grachtwerk.example/meet/Weekoverleg",
        "BigBlueButton – Raum beitreten:\nhttps://konf.grachtwerk.example/rooms/abc-def-ghi/join",
    ],
)
def test_a_room_and_a_self_hosted_join_block_are_hybrid(block):
    assert classify(event("Zaal 3", block)).mode is Mode.HYBRID


def test_the_join_block_alone_is_virtual():
    block = (
        "Neem deel aan het gesprek in Nextcloud Talk:\nhttps://wolk.grachtwerk.example/call/k3x9"
    )
    assert classify(event("", block, room=False)).mode is Mode.VIRTUAL


def test_a_signatures_web_site_is_no_join_link():
    signature = "Met vriendelijke groet,\nBas Mulder\nGrachtwerk B.V.\nhttps://grachtwerk.example/"
    assert classify(event("Zaal 3", signature)).mode is Mode.IN_PERSON
