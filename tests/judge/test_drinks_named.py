"""Drinks named with someone (planner.judge.people): as a meal with a name right after it ("Déj
Tom"), drinks with a name right after them are drinks with that person, not an evening to meet
new people ("Apéro Chloé", "Borrel Daan de Wit", "Drinks Siobhán", "Aperitivo Giulia",
"Cañas Nacho"): a meeting in person, purpose other, in an iCalendar export, a Graph item and a
Google item. A crowd or an occasion after them stays a gathering ("Drinks Fintech Ireland",
"Apéro Startups Lyon")."""

from __future__ import annotations

import pytest

from planner.judge.people import names_a_person
from planner.model import Mode, Purpose
from tests.judge.vendor_shapes import SHAPES, judged

pytestmark = pytest.mark.usefixtures("forgotten")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "title",
    [
        "Apéro Chloé",
        "Apero Léa Garnier – Vieux Lyon",
        "Borrel Daan de Wit",
        "Drinks Siobhán",
        "Aperitivo Giulia (Brera)",
        "Cañas Nacho",
        "Glühwein Tobias",
    ],
)
def test_drinks_named_with_someone_are_a_meeting_with_them(shape, title):
    assert judged(shape(title)) == (True, Mode.IN_PERSON, Purpose.OTHER)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "title", ["Drinks Fintech Ireland", "Apéro Startups Lyon", "Borrel Data Science Antwerpen"]
)
def test_drinks_of_a_crowd_stay_a_gathering(shape, title):
    meeting, _mode, purpose = judged(shape(title))
    assert meeting and purpose is Purpose.NETWORKING


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "title", ["Lunch Jan van der Berg", "Almuerzo Lucía de la Cruz", "Pranzo Marco di Stefano"]
)
def test_a_surname_with_a_particle_is_a_name(shape, title):
    assert judged(shape(title)) == (True, Mode.IN_PERSON, Purpose.OTHER)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("title", ["Borrel", "Vrijdagborrel", "Borrel op kantoor"])
def test_a_borrel_is_nobody_with_a_hungarian_ending(shape, title):
    """Dutch "Borrel" ends as Hungarian "with" does ("Annával", "Rékával"): no person."""
    assert names_a_person(shape(title)) is None
