"""What a meeting is for, in Spanish, Italian, Portuguese and Dutch as in German, English and
French: negotiation and signing (deal closing), a visit to a site, plant or client (visit) and
a first meeting (first contact), whatever the history says. French "convention de …" is an
agreement, no convention to meet people at. A German or Dutch task whose infinitive comes
before what it is for ("… regelen voor het werkbezoek") is a task, not the visit."""

from __future__ import annotations

from datetime import datetime

import pytest

from planner.config.loader import default_config
from planner.flows.plan import is_meeting
from planner.judge.directory import Directory
from planner.judge.mode import classify
from planner.judge.purpose import determine_purpose
from planner.judge.relations import Ledger
from planner.judge.tasks import task_verb
from planner.model import Attendee, Event, Mode, Purpose, Response
from tests.data.judged_events import TZ

ME = "lena@kade-advies.example"
CONFIG = default_config(user={"email": ME, "domains": ["kade-advies.example"]})

pytestmark = pytest.mark.usefixtures("forgotten")


def event(title: str, *, people: tuple[str, ...] = ("rui@cliente.example",), day: int = 9,
          location: str = "") -> Event:  # fmt: skip
    return Event(
        uid=f"{abs(hash((title, people, day)))}@planner.test",
        title=title,
        start=datetime(2026, 12, day, 10, tzinfo=TZ),
        end=datetime(2026, 12, day, 11, tzinfo=TZ),
        location=location,
        organizer=Attendee(ME, response=Response.ACCEPTED),
        attendees=tuple(Attendee(p, response=Response.ACCEPTED) for p in (ME, *people)),
    )


def purpose_of(item: Event, history: tuple[Event, ...] = ()) -> Purpose:
    ledger = Ledger(Directory(CONFIG))
    ledger.update([(e, classify(e).mode) for e in history], now=item.start)
    return determine_purpose(item, ledger, CONFIG, classify(item).mode).purpose


#: Three earlier meetings with the same counterpart: without words, routine.
HISTORY = tuple(event(f"Reunião de acompanhamento {n}", day=n) for n in (1, 2, 3))


@pytest.mark.parametrize(
    "title",
    [
        "Negociación final – Grupo Ebro",
        "Firma del contrato de mantenimiento",
        "Trattativa prezzi 2027",
        "Firma contratto di fornitura",
        "Negociação das condições",
        "Assinatura do acordo-quadro",
        "Onderhandeling raamovereenkomst",
        "Ondertekening samenwerkingsovereenkomst",
    ],
)
def test_negotiation_and_signing_are_deal_closing_in_every_language(title):
    assert purpose_of(event(title), HISTORY) is Purpose.DEAL_CLOSING


@pytest.mark.parametrize(
    "title",
    [
        "Visita de obra – nave Zaragoza",
        "Visita al cliente Hostelería Sur",
        "Visita stabilimento di Brescia",
        "Sopralluogo cantiere Via Roma",
        "Visita técnica à fábrica de Aveiro",
        "Werkbezoek distributiecentrum Tilburg",
        "Klantbezoek Brouwerij de Kroon",
    ],
)
def test_visits_are_visits_in_every_language(title):
    assert purpose_of(event(title, location="Calle Mayor 3"), HISTORY) is Purpose.VISIT


@pytest.mark.parametrize(
    "title", ["Primera reunión con Lógica SL", "Primo incontro Rossi", "Kennismaking Daan"]
)
def test_first_meetings_say_so_in_every_language(title):
    assert purpose_of(event(title), HISTORY) is Purpose.FIRST_CONTACT


@pytest.mark.parametrize(
    "title",
    [
        "Signature convention d'honoraires – Atelier Brel",
        "Convention de partenariat : signature",
        "Relecture convention-cadre et signature",
    ],
)
def test_a_french_convention_is_an_agreement(title):
    assert purpose_of(event(title), HISTORY) is Purpose.DEAL_CLOSING


def test_a_convention_to_meet_people_is_still_networking():
    assert purpose_of(event("Dental Convention Dubai", people=())) is Purpose.NETWORKING


@pytest.mark.parametrize(
    ("title", "verb"),
    [
        ("Hotel buchen für die Messe", "buchen"),
        ("Tisch reservieren zum Kundenessen", "reservieren"),
        ("Parkeerplaats regelen voor het klantbezoek", "regelen"),
        ("Slides voorbereiden voor de beurs", "voorbereiden"),
    ],
)
def test_an_infinitive_before_what_it_is_for_is_a_task(title, verb):
    assert task_verb(title) == verb
    item = event(title, people=())
    found = classify(item)
    assert not is_meeting(item, found, CONFIG)
    assert found.mode is Mode.UNKNOWN


@pytest.mark.parametrize("title", ["Angebot prüfen mit Max", "Kaffee mit Anna für die Messe"])
def test_working_with_someone_is_no_task(title):
    assert task_verb(title) is None


def test_without_such_words_the_history_says_routine():
    assert purpose_of(event("Reunião de acompanhamento 4"), HISTORY) is Purpose.ROUTINE
