"""Public events one registered for (:mod:`planner.judge.platforms`, QA report F): a ticket
booked through an event platform, an invitation an event organiser's mailer sent, a webinar
sent by a machine. They are gatherings, purpose networking: not personal blockers for want of
invited people, and the mailer is no counterpart met for a first contact. Structure tells them
(the platform's domain as UID, URL, link or organiser; the mailer's address), in any
language."""

from __future__ import annotations

from datetime import datetime
from functools import partial

import pytest

from planner.config.loader import default_config
from planner.judge.platforms import public_event
from planner.model import Attendee, Event, Mode, Purpose, is_person_address
from tests.data.judged_events import TZ
from tests.judge.judging import judgement

ME = Attendee("claire@northwind.example", "Claire")
CONFIG = default_config(user={"email": ME.email, "domains": ["northwind.example"]})

pytestmark = pytest.mark.usefixtures("forgotten")


def event(title: str, *, uid: str = "", url: str = "", location: str = "",
          organizer: Attendee | None = None, attendees: tuple[Attendee, ...] = (),
          description: str = "") -> Event:  # fmt: skip
    return Event(
        uid=uid or f"{abs(hash(title))}@planner.test",
        title=title,
        start=datetime(2026, 12, 3, 18, 30, tzinfo=TZ),
        end=datetime(2026, 12, 3, 21, tzinfo=TZ),
        location=location,
        description=description,
        url=url,
        organizer=organizer,
        attendees=attendees,
    )


judged = partial(judgement, config=CONFIG)


PUBLIC = [
    # French: a Meetup export, by its UID and URL; nothing in the title says meetup
    event(
        "Lyon Data Science : LLMs en production",
        uid="event_310448812@meetup.com",
        url="https://www.meetup.com/lyon-data-science/events/310448812/",
        location="La Cordée Perrache, 24 Rue Smith, 69002 Lyon",
    ),
    # French: an Eventbrite ticket, the country's Eventbrite
    event(
        "Journées Data & IA 2026",
        uid="eventbrite-9981230045@eventbrite.com",
        url="https://www.eventbrite.fr/e/journees-data-ia-2026-tickets-9981230045",
        location="5 Parvis Alan Turing, 75013 Paris",
    ),
    # French: a chamber's events mailbox, "Zoom sur" is no Zoom
    event(
        "Petit-déjeuner CCI : Zoom sur la RSE",
        location="Place de la Bourse, 69002 Lyon",
        organizer=Attendee("evenements@lyon-metropole.cci.example", "CCI Lyon"),
    ),
    # German: a GoTo webinar from the organiser's webinar mailbox
    event(
        "Webinar: EU AI Act – was Beratungen wissen müssen",
        location="https://attendee.gotowebinar.com/join/4471120093845123342/880112734",
        organizer=Attendee("webinare@bitkom-events.example", "Bitkom Events"),
    ),
    # German: a Luma registration, nothing but the URL says so
    event(
        "KI-Frühstück Hamburg",
        url="https://lu.ma/ki-fruehstueck-hh",
        location="Hafenstraße 12, 20359 Hamburg",
    ),
    # French: a Zoom webinar registration from Zoom's no-reply address
    event(
        "Webinaire : les tendances ESG 2027",
        location="https://us06web.zoom.us/j/95501324478",
        organizer=Attendee("no-reply@zoom.us", "Observatoire RSE"),
        attendees=(ME,),
    ),
    # Italian and Spanish webinars sent by a machine
    event(
        "Webinario: l'IA nelle PMI",
        location="https://us02web.zoom.us/j/81234567890",
        organizer=Attendee("noreply@zoom.us", "Confindustria"),
    ),
    event(
        "Seminario web: facturación electrónica",
        location="https://meet.google.com/abc-defg-hij",
        organizer=Attendee("no-reply@eventos.example", "Cámara de Comercio"),
    ),
    # English: a ticket from the events team, Dutch: a registration mailbox
    event(
        "Fintech Forum London",
        location="1 Canada Square, London E14 5AB",
        organizer=Attendee("events@fintech-forum.example", "Fintech Forum"),
    ),
    event(
        "Data Café Utrecht",
        location="Oudegracht 1, 3511 AA Utrecht",
        organizer=Attendee("aanmeldingen@datacafe.example", "Data Café"),
    ),
]


@pytest.mark.parametrize("item", PUBLIC, ids=lambda e: e.title)
def test_a_public_event_is_a_gathering_with_networking_as_purpose(item):
    assert public_event(item)
    meeting, mode, purpose = judged(item)
    assert meeting
    assert purpose is Purpose.NETWORKING
    assert mode is not Mode.UNKNOWN


def test_an_event_organisers_mailer_is_no_person_to_have_met():
    assert not is_person_address("evenements@lyon-metropole.cci.example")
    assert not is_person_address("webinare@bitkom-events.example")
    assert not is_person_address("events-team@summit.example")
    assert is_person_address("eventa.schmidt@kunde.example")  # a name that begins like it


@pytest.mark.parametrize(
    ("item", "purpose"),
    [
        # a webinar written into one's own calendar: a meeting without invited people
        (
            event("Webinaire : le travail hybride", location="https://x.webex.com/j.php?MTID=m1"),
            Purpose.OTHER,
        ),
        # with people invited by name, a meeting like any other
        (
            event(
                "Webinar-Probe mit Kim",
                uid="abc@meetup.com",
                organizer=ME,
                attendees=(ME, Attendee("kim@kunde.example", "Kim")),
            ),
            Purpose.FIRST_CONTACT,
        ),
        # a task about the event is a task
        (
            event("Tickets für die Konferenz kaufen", url="https://www.eventbrite.de/e/123"),
            Purpose.PERSONAL,
        ),
    ],
    ids=["own webinar", "people invited", "task"],
)
def test_what_is_no_registration_keeps_its_judgement(item, purpose):
    assert public_event(item) is None
    assert judged(item)[2] is purpose
