"""One's own entries as Graph, Google and CalDAV servers write them: the user as organiser
(and often as the only attendee). A meal or call named with a person is a meeting all the same,
purpose other, as the same entry without any organiser; and a webinar sent by an organiser's
mailer stays a public event when its programme names a keynote or a panel."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import partial

import pytest

from planner.config.loader import default_config
from planner.model import Attendee, Event, Mode, Purpose, Response
from tests.data.judged_events import TZ
from tests.judge.judging import judgement

ME = "ines.ferreira@tejo-consult.example"
CONFIG = default_config(user={"email": ME, "domains": ["tejo-consult.example"]})

pytestmark = pytest.mark.usefixtures("forgotten")


def event(title: str, *, organizer: str = ME, attendees: tuple[str, ...] = (ME,),
          description: str = "", location: str = "") -> Event:  # fmt: skip
    return Event(
        uid=f"{abs(hash((title, organizer, attendees)))}@planner.test",
        title=title,
        start=datetime(2026, 12, 3, 12, tzinfo=TZ),
        end=datetime(2026, 12, 3, 13, tzinfo=TZ),
        location=location,
        description=description,
        organizer=Attendee(organizer, response=Response.ACCEPTED) if organizer else None,
        attendees=tuple(Attendee(a, response=Response.ACCEPTED) for a in attendees),
    )


judged = partial(judgement, config=CONFIG)


@pytest.mark.parametrize(
    ("title", "location", "mode"),
    [
        ("Dinner with the Okafors", "Dishoom, 7 Boxpark", Mode.IN_PERSON),
        ("Mittagessen mit Frau Dr. Albrecht", "", Mode.IN_PERSON),
        ("Cena con Lorenzo", "Osteria del Borgo", Mode.IN_PERSON),
        ("Llamar a Sr. Ortega", "", Mode.PHONE),
    ],
)
@pytest.mark.parametrize("attendees", [(ME,), ()])
def test_the_user_as_organiser_changes_nothing(title, location, mode, attendees):
    alone = event(title, organizer="", attendees=(), location=location)
    mine = event(title, attendees=attendees, location=location)
    assert judged(alone) == judged(mine) == (True, mode, Purpose.OTHER)


def test_a_room_calendar_as_organiser_still_needs_strong_words():
    routine = event("Weekly sync", organizer="room-4.12@tejo-consult.example")
    assert judged(routine)[2] is Purpose.PERSONAL


@pytest.mark.parametrize(
    ("organizer", "description"),
    [
        ("eventi@camera-commercio.example", "Programma: keynote, tavola rotonda, Q&A."),
        ("events@fintech-club.example", "Agenda: Keynote, panel with three banks, Q&A."),
        ("webinare@verband.example", "Ablauf: Keynote und Podiumsdiskussion"),
    ],
)
def test_a_mailers_webinar_with_a_programme_is_networking(organizer, description):
    item = event("Webinar: Open Banking 2027", organizer=organizer, description=description)
    item = replace(item, conference_links=("https://zoom.us/j/812345678",))
    assert judged(item) == (True, Mode.VIRTUAL, Purpose.NETWORKING)
