"""Registering for a gathering is a task for oneself (planner.judge.tasks): a registration as
the title's subject ("Inscription au salon", "Inscripción al congreso", "Iscrizione al
convegno", "Anmeldung zur Messe", "Aanmelding voor het congres", "Registration for …"), a
verb of registering first ("S'inscrire au colloque", "Inscribirme en …", "Iscriversi al …")
and a German or Dutch infinitive first before what it is for ("Aanmelden voor het congres",
"Anmelden zur Fachtagung"): no meeting, mode unknown, personal, in an iCalendar export, a Graph
item and a Google item. The gathering itself stays one: Italian "convegno", Spanish
"jornadas", Dutch "studiedag", French "assises" are gatherings."""

from __future__ import annotations

import pytest

from planner.judge.people import networking_word
from planner.model import Mode, Purpose
from tests.judge.vendor_shapes import SHAPES, judged

pytestmark = pytest.mark.usefixtures("forgotten")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "title",
    [
        "Inscription au salon Pollutec",
        "S'inscrire au colloque de l'AFNOR",
        "Inscripción al congreso de Smart Cities",
        "Inscribirme en las jornadas de ciberseguridad",
        "Iscrizione al convegno ANIE",
        "Iscriversi alla fiera Ecomondo",
        "Anmeldung zur Fachtagung Logistik",
        "Anmelden zur Messe LogiMAT",
        "Aanmelding voor het congres Zorg & ICT",
        "Aanmelden voor de studiedag Waterstof",
        "Registration for the Fintech Summit",
    ],
)
def test_registering_for_a_gathering_is_a_task(shape, title):
    assert judged(shape(title)) == (False, Mode.UNKNOWN, Purpose.PERSONAL)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "title",
    [
        "Convegno ANIE – Milano",
        "Jornadas de ciberseguridad",
        "Studiedag Waterstof",
        "Assises de la mobilité",
        "Journée d'étude sur l'hydrogène",
    ],
)
def test_the_gathering_itself_is_one(shape, title):
    item = shape(title)
    assert networking_word(item)
    assert judged(item)[0] and judged(item)[2] is Purpose.NETWORKING
