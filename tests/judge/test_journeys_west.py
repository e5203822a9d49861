"""Journeys and stays as people in Western Europe write them (planner.judge.bookings): lodging
("Hébergement Lyon", "Pernottamento a Torino", "Alojamiento en Bilbao", "Overnachting
Gent"), coaches and ferries ("Bus naar Rotterdam", "Autobús a Granada", "Traghetto per
Olbia"), the way back ("Ritorno a Bologna", "Vuelta a Madrid"), an airline opening the title
("Aer Lingus to Heathrow", "Vueling VY8012 Sevilla-Bruselas") and a train's kind before a
route ("IC Antwerpen → Gent", "Thalys Bruxelles → Paris"): travel, no meeting, personal. In
an iCalendar export, a Graph item and a Google item; words that only begin so are none."""

from __future__ import annotations

import pytest

from planner.judge.bookings import is_travel
from planner.model import Mode, Purpose
from tests.judge.vendor_shapes import SHAPES, judged

TRAVEL = (False, Mode.TRAVEL, Purpose.PERSONAL)

pytestmark = pytest.mark.usefixtures("forgotten")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "title",
    [
        "Nuitée à Lille",
        "Pernottamento a Torino",
        "Alojamiento en Bilbao",
        "Overnachting Gent",
        "Bus naar Rotterdam",
        "Autobús a Granada",
        "Traghetto per Olbia",
        "Ritorno a Bologna",
        "Vuelta a Madrid",
        "Aer Lingus to Heathrow",
        "Vueling VY8012 Sevilla-Bruselas",
        "IC Antwerpen → Gent",
        "Thalys Bruxelles → Paris",
    ],
)
def test_a_journey_or_a_stay_is_travel(shape, title):
    assert judged(shape(title)) == TRAVEL


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "title", ["Hébergement Lyon", "Logement Bruxelles", "Albergo Roma", "Hospedaje Sevilla"]
)
def test_lodging_over_a_night_is_a_stay(shape, title):
    assert judged(shape(title, minutes=24 * 60)) == TRAVEL


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "title", ["Ritorno sul progetto Brera", "Hébergement web : migration", "IC-Planung Q1"]
)
def test_words_that_only_look_like_a_journey(shape, title):
    assert not is_travel(shape(title))
