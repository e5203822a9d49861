"""Meetings told by their words without anyone invited, in the languages people write them: a
meal or drinks with someone ("Jantar c/ Rui", "Heuriger mit den Hubers", "Abendessen bei
Müllers", "Almoço com a Dra. Sousa"), a call written as a verb before a name ("Ring Morag",
"Bel Sanne", "Ligar ao Sr. Costa") or promised in a sentence ("ich rufe Sie … an", "I'll ring
you"), gatherings where start-ups pitch, and events booked through a network's events pages
(XING, LinkedIn). What only sounds like them stays what it was."""

from __future__ import annotations

from datetime import datetime
from functools import partial

import pytest

from planner.config.loader import default_config
from planner.judge.mode import classify
from planner.model import Attendee, Event, Mode, Purpose, Response
from tests.data.judged_events import TZ
from tests.judge.judging import judgement

ME = "joao@douro-lab.example"
CONFIG = default_config(user={"email": ME, "domains": ["douro-lab.example"]})

pytestmark = pytest.mark.usefixtures("forgotten")


def event(title: str, location: str = "", description: str = "", url: str = "",
          organizer: str = "", attendees: tuple[str, ...] = ()) -> Event:  # fmt: skip
    return Event(
        uid=f"{abs(hash((title, location, description, url, organizer)))}@planner.test",
        title=title,
        start=datetime(2026, 12, 4, 19, tzinfo=TZ),
        end=datetime(2026, 12, 4, 21, tzinfo=TZ),
        location=location,
        description=description,
        url=url,
        organizer=Attendee(organizer, response=Response.ACCEPTED) if organizer else None,
        attendees=tuple(Attendee(a, response=Response.ACCEPTED) for a in attendees),
    )


judged = partial(judgement, config=CONFIG)


@pytest.mark.parametrize(
    ("title", "location"),
    [
        ("Jantar c/ Rui", ""),  # Portuguese "com", short
        ("Café c/Inês", ""),
        ("Almoço com a Dra. Sousa", "Taberna da Rua das Flores"),
        ("Heuriger mit den Hubers", "Buschenschank Riegler"),
        ("Abendessen bei Müllers", "Isestraße 12"),
        ("Fondue bei Familie Zbinden", "Chalet Zbinden, Dorfstrasse 4"),
        ("Diner bij de familie Jansen", ""),
        ("Cena a casa dei Bianchi", ""),
        ("Un café avec Mme Roux", ""),
        ("Pints with the Frasers", "The Oxford Bar"),
    ],
)
def test_a_meal_or_drinks_with_someone_is_a_meeting_in_person(title, location):
    assert judged(event(title, location)) == (True, Mode.IN_PERSON, Purpose.OTHER)


@pytest.mark.parametrize(
    ("title", "location"),
    [
        ("Mittagessen bei Vapiano", ""),  # a restaurant, no family
        ("Termin bei Dr. Haas", ""),
        ("Almoço", ""),
        ("Jantar", "Casa"),
        ("Café Central", ""),
    ],
)
def test_a_place_or_a_meal_alone_is_no_meeting(title, location):
    assert not judged(event(title, location))[0]


@pytest.mark.parametrize(
    "title",
    [
        "Ring Morag re the site survey",
        "Phone Mr Grant (pension)",
        "Bel Sanne over de offerte",
        "Ligar ao Sr. Costa – orçamento",
        "Ligar à Eng. Marques",
        "Telefonar a Dona Amélia",
    ],
)
def test_a_call_as_a_verb_before_a_name_is_a_phone_meeting(title):
    assert judged(event(title)) == (True, Mode.PHONE, Purpose.OTHER)


@pytest.mark.parametrize(
    "title",
    [
        "Ring binder order",
        "Bel canto evening",
        "ring road works",
        "Liga Spiel Bayern",
        "Liga MX Final",
    ],
)
def test_the_same_words_without_a_name_are_no_call(title):
    assert classify(event(title)).mode is not Mode.PHONE


def test_a_call_verb_gives_way_to_a_video_tool():
    assert classify(event("Bel Sanne via Zoom")).mode is Mode.VIRTUAL


@pytest.mark.parametrize(
    "description",
    [
        "Sehr geehrter Herr Aigner,\nich rufe Sie morgen kurz vor zehn auf dem Handy an.",
        "Hi Morag, I'll ring you after the site meeting.",
        "Bonjour, je vous appelle à l'heure convenue.",
        "Buenos días, le llamo a las diez.",
        "Buongiorno, la chiamo alle dieci.",
        "Bom dia, vou ligar-lhe às dez.",
        "Goedemorgen, ik bel u om tien uur.",
    ],
)
def test_a_call_promised_in_the_invitation_is_a_phone_call(description):
    signature = (
        "\n\nMit freundlichen Grüßen\nDr. Eva Aigner\nAigner Consulting\nTel. +43 1 234 5678"
    )
    item = event(
        "Abstimmung Angebot",
        description=description + signature,
        organizer="eva@aigner-consulting.example",
        attendees=(ME,),
    )
    assert judged(item)[:2] == (True, Mode.PHONE)


@pytest.mark.parametrize(
    ("title", "location"),
    [
        ("Startup Pitch Night #7", "Impact Hub, Dornbirner Str. 3"),
        ("Demo Day Batch 12", "Factory Berlin, Rheinsberger Str. 76"),
        ("Pitch-Abend im Gründerzentrum", "Technologiepark 2"),
        ("Soirée pitch – French Tech", "Station F"),
        ("Congreso Nacional de Logística", "IFEMA"),
        ("Nieuwjaarsborrel Utrecht", "Café Olivier"),
    ],
)
def test_gatherings_without_invited_people_are_networking(title, location):
    meeting, mode, purpose = judged(event(title, location))
    assert (meeting, purpose) == (True, Purpose.NETWORKING)
    assert mode is Mode.IN_PERSON


@pytest.mark.parametrize(
    ("url", "location"),
    [
        ("https://www.xing.com/events/digital-breakfast-muenchen-4410021", "Design Offices"),
        ("https://www.linkedin.com/events/7300123456789012345/", "Online"),
        ("https://de.linkedin.com/events/foerdercall-2027-7300111/about/", ""),
        ("https://www.facebook.com/events/1234567890/", "Kulturhaus, Hauptplatz 4"),
    ],
)
def test_an_event_on_a_networks_events_pages_is_a_public_event(url, location):
    item = event("Themenabend: Digitalisierung im Handwerk", location, "Ihr Ticket", url)
    meeting, _mode, purpose = judged(item)
    assert (meeting, purpose) == (True, Purpose.NETWORKING)


@pytest.mark.parametrize(
    "url",
    ["https://www.linkedin.com/in/anna-berger", "https://www.xing.com/profile/Anna_Berger"],
)
def test_a_profile_on_the_same_network_is_no_event(url):
    item = event("Abstimmung Anna Berger", "", "", url)
    assert judged(item)[2] is not Purpose.NETWORKING
