"""Titles that are a task for oneself (:mod:`planner.judge.tasks`): a reminder to book a
flight is no flight, one to find a hotel for a fair no fair, one to prepare a client visit no
visit, one to proof-read a conference's slides no conference, in German and Dutch (verb last),
English, French, Italian and Spanish (verb first), as blockers and to-do entries of
several apps write them. With people invited the same words are a working session, and what
the tasks are about, as it happens, keeps its judgement."""

from __future__ import annotations

from datetime import datetime

import pytest

from planner.config.loader import default_config
from planner.flows.plan import is_meeting
from planner.judge.directory import Directory
from planner.judge.mode import classify
from planner.judge.people import says_meeting
from planner.judge.purpose import determine_purpose
from planner.judge.relations import Ledger
from planner.judge.tasks import task_verb
from planner.judge.travel import is_travel, whereabouts
from planner.model import Attendee, Event, Mode, Purpose
from tests.data.judged_events import TZ

ME = Attendee("me@mycorp.example", "Me")
COLLEAGUE = Attendee("ina@mycorp.example", "Ina")
CLIENT = Attendee("kim@kunde.example", "Kim Kunde")

TASKS = [
    # German: the infinitive last
    "Flug nach Lissabon buchen",
    "Hotel für die Messe suchen",
    "Bahntickets Köln–Berlin kaufen",
    "Mietwagen für Stuttgart reservieren",
    "Präsentation für den Kundenbesuch vorbereiten",
    "Tisch fürs Kundenessen mit Dr. Weber reservieren",
    "Zug nach Hamburg umbuchen",
    "Online einchecken",
    "Konferenzticket kaufen",
    "Reisekosten Messe abrechnen",
    # English: the imperative first
    "Book flight to Lisbon",
    "Find a hotel near ExCeL for the fair",
    "Reserve a table for the client dinner",
    "Prepare slides for the site visit",
    "Check in online for LH 2034",
    "Order a cab to the airport",
    "Get tickets for the networking evening",
    "Look for a hotel in Leeds",
    # French: the infinitive first
    "Réserver le vol pour Lisbonne",
    "Chercher un hôtel pour le salon",
    "Acheter les billets de train pour Lyon",
    "Préparer la visite de chantier",
    "Annuler l'hôtel à Nantes",
    # a gathering named in a task about it (QA report F), in six languages
    "Relire slides conférence Data & IA",
    "Slides für die Konferenz korrekturlesen",
    "Proofread the slides for the conference",
    "Rileggere le slide per il congresso",
    "Revisar las diapositivas del congreso",
    "Slides voor het congres nalezen",
    "Rédiger le compte rendu du salon",
    # marked as such in any language
    "TODO: Hotel Frankfurt",
    "To do - Flug LH 2034",
    "Erledigen: Zug nach Berlin",
    "À faire : billets Eurostar",
]

NOT_TASKS = [
    "Flug LH 2034 München → Berlin",
    "ICE 597 nach Berlin",
    "Messe Expo Real",
    "Kundenbesuch bei Domstadt Bau",
    "Book fair Frankfurt",
    "Book club",
    "Order review Q4",
    "Get coffee with Tom",
    "Check-in with Anna",
    "Check in with the team",
    "Flight BA 500 LHR → LIS",
    "Salon Batimat",
    "Dîner avec Hugo Lambert",
    "Buchen",  # a word alone says too little
    "Suchen und Finden – Workshop",
    "Mietwagen Europcar abholen",  # the pick-up is the travel item itself
    "Appeler la banque",  # a call, not a task for oneself
    "Lunch Dr. Vogt",
]


def event(title: str, *others: Attendee, location: str = "") -> Event:
    return Event(
        uid=f"{abs(hash(title))}@planner.test",
        title=title,
        start=datetime(2026, 12, 15, 9, tzinfo=TZ),
        end=datetime(2026, 12, 15, 9, 30, tzinfo=TZ),
        location=location,
        organizer=ME if others else None,
        attendees=others,
    )


pytestmark = pytest.mark.usefixtures("forgotten")


@pytest.mark.parametrize("title", TASKS)
def test_a_task_is_no_travel_meeting_gathering_or_visit(title):
    config = default_config(user={"email": ME.email, "domains": ["mycorp.example"]})
    item = event(title)
    assert task_verb(title)
    found = classify(item)
    assert found.mode is Mode.UNKNOWN, found
    assert not is_travel(item) and not whereabouts([item], TZ, home="Köln")
    assert not says_meeting(item) and not is_meeting(item, found, config)
    ledger = Ledger(Directory(config))
    purpose = determine_purpose(item, ledger, config, found.mode)
    assert purpose.purpose is Purpose.PERSONAL, purpose


@pytest.mark.parametrize("title", NOT_TASKS)
def test_what_the_tasks_are_about_is_no_task(title):
    assert task_verb(title) is None


@pytest.mark.parametrize(
    ("title", "mode"),
    [
        ("Flug LH 2034 München → Berlin", Mode.TRAVEL),
        ("Flight BA 500 LHR → LIS", Mode.TRAVEL),
        ("Cab to the airport", Mode.TRAVEL),
        ("Messe Expo Real", Mode.IN_PERSON),
        ("Salon Batimat", Mode.IN_PERSON),
    ],
)
def test_the_things_themselves_keep_their_judgement(title, mode):
    assert classify(event(title)).mode is mode


@pytest.mark.parametrize(
    "title", ["Angebot Domstadt Bau vorbereiten", "Prepare the board pack", "Préparer le devis"]
)
def test_with_people_invited_a_task_is_a_working_session(title):
    config = default_config(user={"email": ME.email, "domains": ["mycorp.example"]})
    session = event(title, COLLEAGUE)
    found = classify(session)
    assert is_meeting(session, found, config)
    with_client = event("Hotel für die Messe suchen", CLIENT, location="Messe München")
    assert classify(with_client).mode is Mode.IN_PERSON
