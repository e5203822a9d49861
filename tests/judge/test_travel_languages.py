"""Travel written in Spanish, Italian, Portuguese and Dutch as in German, English and French:
flights and trains by their word ("Vuelo", "Volo", "Voo", "Vlucht", "Tren", "Treno",
"Comboio", "Trein"), ride-hailing vendors of southern Europe (Cabify, Heetch), and a route
written with a dash between two stations, as rail apps export it ("Zürich HB – Bern" at
"Zürich HB, Gleis 33"). A dash between a topic and a place stays what it was."""

from __future__ import annotations

from datetime import datetime

import pytest

from planner.config.loader import default_config
from planner.flows.plan import is_meeting
from planner.judge.mode import classify
from planner.judge.travel import travel_kind
from planner.model import Attendee, Event, Mode, Response
from tests.data.judged_events import TZ

ME = "ana@ribeira.example"
CONFIG = default_config(user={"email": ME, "domains": ["ribeira.example"]})

pytestmark = pytest.mark.usefixtures("forgotten")


def event(title: str, location: str = "", people: tuple[str, ...] = ()) -> Event:
    return Event(
        uid=f"{abs(hash((title, location, people)))}@planner.test",
        title=title,
        start=datetime(2026, 12, 7, 8, tzinfo=TZ),
        end=datetime(2026, 12, 7, 10, tzinfo=TZ),
        location=location,
        attendees=tuple(
            Attendee(p, response=Response.ACCEPTED) for p in (people and (ME, *people))
        ),
    )


@pytest.mark.parametrize(
    ("title", "location", "kind"),
    [
        ("Vuelo IB 3170 Madrid → Bruselas", "Aeropuerto Adolfo Suárez Madrid-Barajas T4", "flight"),
        ("Volo AZ 2031 Roma – Milano Linate", "Aeroporto di Fiumicino", "flight"),
        ("Voo TP 1944 Porto → Madrid", "Aeroporto Francisco Sá Carneiro", "flight"),
        ("Vlucht KL 1234 naar Kopenhagen", "Schiphol", "flight"),
        ("Tren AVE 3112 Sevilla → Madrid", "Sevilla Santa Justa", "train"),
        ("Treno Frecciargento 8507 Roma – Bari", "Roma Termini", "train"),
        ("Comboio Intercidades Coimbra → Lisboa", "Coimbra-B", "train"),
        ("Trein naar Amsterdam Centraal", "Utrecht Centraal, spoor 18", "train"),
    ],
)
def test_flights_and_trains_in_each_language_are_travel(title, location, kind):
    item = event(title, location)
    assert classify(item).mode is Mode.TRAVEL
    assert not is_meeting(item, classify(item), CONFIG)
    assert travel_kind(item) == kind


@pytest.mark.parametrize(
    "title", ["Cabify al aeropuerto", "Cabify → Atocha", "Heetch vers la gare", "Táxi para o hotel"]
)
def test_ride_hailing_vendors_are_travel(title):
    assert classify(event(title, "Calle de Alcalá 42")).mode is Mode.TRAVEL


@pytest.mark.parametrize(
    ("title", "location"),
    [
        ("Basel SBB – Luzern", "Basel SBB, Gleis 8"),
        ("Genève – Lausanne", "Genève, voie 4"),
        ("Milano Centrale – Torino Porta Nuova", "Milano Centrale, binario 12"),
        ("Rotterdam Centraal - Den Haag", "Rotterdam Centraal"),
        ("Wien Hbf – Graz Hbf", ""),
    ],
)
def test_a_dashed_route_between_stations_is_a_train(title, location):
    item = event(title, location)
    assert classify(item).mode is Mode.TRAVEL
    assert travel_kind(item) == "train"


@pytest.mark.parametrize(
    ("title", "location", "people"),
    [
        ("Workshop – Hauptbahnhof", "Hauptbahnhof, Gleis 1", ()),
        ("Lunch – Gare du Nord", "Gare du Nord", ()),
        ("Kundenbesuch Logistik – Terminal Ost", "Terminal Ost, Tor 3", ()),
        ("Planung – Stazione Centrale", "Stazione Centrale", ("marco@ferrovie.example",)),
        ("Strategie – Bern", "Bern, Gleis 6", ("urs@alpen.example",)),
    ],
)
def test_a_dash_between_a_topic_and_a_place_is_no_journey(title, location, people):
    assert classify(event(title, location, people)).mode is not Mode.TRAVEL
