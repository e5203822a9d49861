"""How a meeting happens, written in Italian, Spanish and Dutch where the tool or the place
goes (planner.judge.tools, patterns): "Da remoto", "En remoto", "Videochiamata",
"Videollamada", "Videobellen", "Op afstand" in the location are video; "Telefono",
"Teléfono", "Telefoon", "Cellulare", "Móvil", "Mobiel" a phone call; in the title "Riunione
telefonica", "Reunión telefónica", "Telefonisch overleg" a call and "in videoconferenza",
"por videollamada" video. In an iCalendar export, a Graph item and a Google item."""

from __future__ import annotations

import pytest

from planner.model import Mode
from tests.judge.vendor_shapes import SHAPES, judged

GUEST = ("m.serra@tessuti-como.example",)

pytestmark = pytest.mark.usefixtures("forgotten")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    ("title", "location", "mode"),
    [
        ("Avanzamento progetto", "Da remoto", Mode.VIRTUAL),
        ("Seguimiento obra", "En remoto", Mode.VIRTUAL),
        ("Revisione offerta", "Videochiamata", Mode.VIRTUAL),
        ("Revisión del contrato", "Videollamada", Mode.VIRTUAL),
        ("Planning Q1", "Videobellen", Mode.VIRTUAL),
        ("Tussentijdse evaluatie", "Op afstand", Mode.VIRTUAL),
        ("Avanzamento progetto", "Telefono", Mode.PHONE),
        ("Seguimiento obra", "Teléfono", Mode.PHONE),
        ("Planning Q1", "Telefoon", Mode.PHONE),
        ("Revisione offerta", "Cellulare", Mode.PHONE),
        ("Revisión del contrato", "Móvil", Mode.PHONE),
        ("Tussentijdse evaluatie", "Mobiel", Mode.PHONE),
    ],
)
def test_the_mode_written_where_the_place_goes(shape, title, location, mode):
    assert judged(shape(title, location, guests=GUEST))[1] is mode


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    ("title", "mode"),
    [
        ("Riunione telefonica con Tessuti Como", Mode.PHONE),
        ("Reunión telefónica – presupuesto", Mode.PHONE),
        ("Telefonisch overleg planning", Mode.PHONE),
        ("Aggiornamento in videoconferenza", Mode.VIRTUAL),
        ("Revisión por videollamada", Mode.VIRTUAL),
    ],
)
def test_the_mode_written_in_the_title(shape, title, mode):
    assert judged(shape(title, guests=GUEST))[1] is mode
