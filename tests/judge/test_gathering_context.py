"""A gathering word that only the description has, in a meeting to which people are invited by
name, says why they are in town, not that the meeting is the gathering: the purpose is not
"networking".

Gap (found by using the product): Google's "Lunch Camille Durand (Banque Lumière)" with the
note "Camille ist für die Messe in Frankfurt – Tisch ist reserviert" was "networking: 'Messe':
an event to meet people"."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from planner.judge.purpose import determine_purpose
from planner.model import Attendee, Event, Mode, Purpose
from tests.judge.test_relations import TZ, build, config_for

ME = "me@mycorp.example"
START = datetime(2026, 12, 10, 12, 30, tzinfo=TZ)


def meeting(title: str, description: str = "", location: str = "", *guests: str) -> Event:
    people = tuple(Attendee(g) for g in guests)
    return Event("m", title, START, START + timedelta(minutes=90), location=location,
                 description=description, organizer=Attendee(ME), attendees=people)  # fmt: skip


def purpose(event: Event) -> Purpose:
    config = config_for()
    return determine_purpose(event, build([], config=config), config, Mode.IN_PERSON).purpose


@pytest.mark.parametrize(
    "event",
    [
        meeting("Lunch Camille Durand (Banque Lumière)",
                "Camille ist für die Messe in Frankfurt – Tisch ist reserviert",
                "Restaurant Margarethe", "camille.durand@banque-lumiere.example"),
        meeting("Coffee with Priya", "She is in Munich for the conference on Tuesday.",
                "Café Frischhut", "priya@greenfield.example"),
        meeting("Déjeuner avec Henri", "Henri vient pour le salon VivaTech.",
                "Le Train Bleu", "henri.laurent@banque-lumiere.example"),
    ],
    ids=["de-google-lunch", "en-coffee", "fr-dejeuner"],
)  # fmt: skip
def test_the_description_saying_why_they_are_in_town_is_no_gathering(event: Event):
    assert purpose(event) is not Purpose.NETWORKING


@pytest.mark.parametrize(
    "event",
    [
        meeting("Treffen auf der Messe mit Camille", "", "Messe Frankfurt, Halle 3",
                "camille.durand@banque-lumiere.example"),
        meeting("Female Founders Stammtisch", "", "Impact Hub München"),
        meeting("Abend", "Networking-Abend der IHK, Anmeldung bestätigt", "IHK München"),
        meeting("Lunch", "", "Messe München, Halle B2", "priya@greenfield.example"),
    ],
    ids=["title-says-fair", "title-meetup", "description-nobody-invited", "fair-venue"],
)  # fmt: skip
def test_a_gathering_stays_a_gathering(event: Event):
    assert purpose(event) is Purpose.NETWORKING
