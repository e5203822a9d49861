"""The words of Polish, Czech, Swedish, Danish and Norwegian calendars, as the judge knows them
in the other languages: a meal with someone ("Obiad z Anną", "Fika med Elsa", "Middag hos
familjen Ek"), signing and negotiating (deal closing), visits ("Kundbesök", "návštěva"),
gatherings ("Nätverksträff", "Frokostseminar"), first meetings, doctors (own time) and tasks
("Zarezerwować …", "Boka …", "Bestil …"). Also words that only look like a gathering: a
"Messe" that is a church service, a parent-teacher conference."""

from __future__ import annotations

from datetime import datetime

import pytest

from planner.config.loader import default_config
from planner.judge.directory import Directory
from planner.judge.mode import classify
from planner.judge.purpose import determine_purpose
from planner.judge.relations import Ledger
from planner.model import Attendee, Event, Mode, Purpose
from tests.data.judged_events import TZ
from tests.judge.judging import judgement

USER = "kim@fjordlab.example"
CONFIG = default_config(user={"email": USER, "domains": ["fjordlab.example"]})

pytestmark = pytest.mark.usefixtures("forgotten")


def event(title: str, location: str = "", people: tuple[str, ...] = ()) -> Event:
    return Event(
        uid=f"{abs(hash((title, location, people)))}@planner.test",
        title=title,
        start=datetime(2026, 12, 3, 12, tzinfo=TZ),
        end=datetime(2026, 12, 3, 13, tzinfo=TZ),
        location=location,
        organizer=Attendee(email=people[0]) if people else None,
        attendees=tuple(Attendee(email=p) for p in (USER, *people)) if people else (),
    )


def purpose(item: Event) -> Purpose:
    found = classify(item)
    return determine_purpose(item, Ledger(Directory(CONFIG)), CONFIG, found.mode).purpose


@pytest.mark.parametrize(
    ("title", "location"),
    [
        ("Obiad z Anną", "Bar Mleczny Prasowy, Warszawa"),  # Polish
        ("Kolacja u Nowaków", ""),
        ("Oběd s Pavlem", "Lokál U Bílé kuželky, Praha"),  # Czech
        ("Večeře u Dvořáků", ""),
        ("Fika med Elsa", "Café Saturnus, Stockholm"),  # Swedish
        ("Middag hos familjen Ek", ""),
        ("Frokost med Line", "Restaurant Kronborg, København"),  # Danish
        ("Lunsj med Ola Nordmann", ""),  # Norwegian
    ],
)
def test_a_meal_with_someone_is_a_meeting_in_person(title, location):
    assert judgement(event(title, location), CONFIG) == (True, Mode.IN_PERSON, Purpose.OTHER)


@pytest.mark.parametrize("title", ["Obiad", "Fika", "Raport z Warszawy", "Lunch z zespołem?"])
def test_a_meal_alone_or_a_from_is_no_meeting(title):
    assert not judgement(event(title), CONFIG)[0]


@pytest.mark.parametrize(
    "title",
    [
        "Podpisanie umowy – Hurtownia Wisła",
        "Negocjacje cenowe Q1",
        "Jednání o smlouvě – Moravia Data",
        "Avtalsskrivning med Byggbolaget",
        "Underskrift af aftale – Vestkraft",
        "Kontraktsforhandling Fjordfisk",
        "Signering av rammeavtale",
    ],
)
def test_signing_and_negotiating_say_deal_closing(title):
    assert purpose(event(title, people=("ola@partner.example",))) is Purpose.DEAL_CLOSING


@pytest.mark.parametrize(
    "title",
    [
        "Kundbesök Sandvik Verktyg",
        "Platsbesök Norra Hamnen etapp 3",
        "Kundebesøg Vestkraft, Esbjerg",
        "Kundebesøk Fjordfisk, Ålesund",
        "Návštěva výroby Moravia Data",
        "Wizyta u klienta – Hurtownia Wisła",
    ],
)
def test_visit_words_say_visit(title):
    assert purpose(event(title, people=("ola@partner.example",))) is Purpose.VISIT


@pytest.mark.parametrize(
    "title",
    [
        "Nettverkskveld hos Bergen Næringsråd",
        "Nätverksträff för byggbranschen",
        "Frokostseminar om energipriser",
        "Targi Pracy Politechniki",
        "Breakfast Briefing: supply chains",
    ],
)
def test_a_gathering_without_invited_people_is_networking(title):
    meeting, _mode, found = judgement(event(title, "Konferansesenteret, Bergen"), CONFIG)
    assert meeting and found is Purpose.NETWORKING


@pytest.mark.parametrize(
    ("title", "people"),
    [
        ("Spotkanie zapoznawcze – Hurtownia Wisła", ("ola@partner.example",)),
        ("Úvodní schůzka Moravia Data", ("ola@partner.example",)),
    ],
)
def test_first_meeting_words(title, people):
    # the ledger is empty: first contact either way, the words say it with high confidence
    found = classify(item := event(title, people=people))
    result = determine_purpose(item, Ledger(Directory(CONFIG)), CONFIG, found.mode)
    assert result.purpose is Purpose.FIRST_CONTACT and "title" in result.evidence[0]


@pytest.mark.parametrize("title", ["Tandläkare", "Lekarz – kontrola", "Tannlege", "Zubař"])
def test_a_doctor_is_own_time(title):
    assert judgement(event(title, "Kliniken, Storgatan 3"), CONFIG)[2] is Purpose.PERSONAL


@pytest.mark.parametrize(
    "title",
    [
        "Zarezerwować hotel na targi pracy",
        "Zajistit catering na vánoční večírek",
        "Boka tåg till Malmö inför mässan",
        "Bestil billetter til Klimamessen",
        "Bestille fly til Tromsø for kundebesøket",
    ],
)
def test_a_task_for_oneself_is_no_meeting(title):
    assert judgement(event(title), CONFIG) == (False, Mode.UNKNOWN, Purpose.PERSONAL)


@pytest.mark.parametrize(
    ("title", "location"),
    [
        ("Messe pour Bomi (anniversaire)", "Église Saint-Michel, Luxembourg"),
        ("Heilige Messe zum Advent", "St. Ludwig, München"),
        ("Mässa i Storkyrkan", "Storkyrkan, Stockholm"),  # Swedish "mässa": a fair or a mass
    ],
)
def test_a_church_service_is_own_time_not_a_fair(title, location):
    assert judgement(event(title, location), CONFIG) == (False, Mode.IN_PERSON, Purpose.PERSONAL)


def test_a_parent_teacher_conference_is_a_meeting_not_a_gathering():
    found = judgement(event("Parent-teacher conference (Mr. Obi)", "Lincoln Elementary"), CONFIG)
    assert found == (True, Mode.IN_PERSON, Purpose.OTHER)
