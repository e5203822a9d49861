"""Car rentals and booking references in Spanish, Italian, Portuguese and Dutch
(planner.judge.bookings): picking up and returning a rental ("Recogida coche – Hertz", "Ritiro
auto Avis", "Huurauto ophalen", "Devolução carro alugado – Europcar") and the labels of a
booking a vendor appends ("Número de reserva", "Codice di prenotazione", "Boekingsnummer"):
travel, no meeting, personal. The same in an iCalendar export, a Graph item and a Google item.
Without a rental vendor, picking up is no car ("Ophalen bij de bakker")."""

from __future__ import annotations

import pytest

from planner.judge.bookings import is_travel
from planner.model import Mode, Purpose
from tests.judge.vendor_shapes import SHAPES, judged

TRAVEL = (False, Mode.TRAVEL, Purpose.PERSONAL)

pytestmark = pytest.mark.usefixtures("forgotten")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    ("title", "location"),
    [
        ("Recogida coche – Hertz Valencia Aeropuerto", "Aeropuerto de Valencia, Manises"),
        ("Devolución Avis Málaga", "Avis Málaga María Zambrano, Explanada de la Estación"),
        ("Coche de alquiler", "Enterprise Bilbao Abando"),
        ("Ritiro auto Avis – Bologna Centrale", "Piazza Medaglie d'Oro 4, Bologna"),
        ("Riconsegna Sixt", "Sixt Torino Porta Nuova, Via Sacchi 40"),
        ("Noleggio auto: ritiro a Catania", ""),
        ("Huurauto ophalen (Sixt Schiphol)", "Schiphol Plaza"),
        ("Europcar – inleveren", "Europcar Rotterdam Centraal"),
        ("Devolução carro alugado – Europcar Faro", "Aeroporto de Faro"),
    ],
)
def test_picking_up_or_returning_a_rental_is_travel(shape, title, location):
    assert judged(shape(title, location)) == TRAVEL


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    ("title", "block"),
    [
        ("Trenitalia – Roma", "Il tuo biglietto\nCodice di prenotazione: K7RTQ2\nCarrozza 6"),
        ("Renfe – Valencia", "Billete electrónico\nNúmero de reserva: 4XK2RB\nCoche 4"),
        ("NS International – Parijs", "Uw reis\nBoekingsnummer: 4471 2209\nRijtuig 12"),
        ("Iberia – Lisboa", "Tarjeta de embarque\nNúmero de confirmación: P4KZ7W"),
    ],
)
def test_a_vendor_and_its_booking_reference_are_travel(shape, title, block):
    assert judged(shape(title, "", block)) == TRAVEL


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "title", ["Ophalen bij de bakker", "Recogida de firmas", "Ritiro spirituale ad Assisi"]
)
def test_picking_up_without_a_rental_is_no_travel(shape, title):
    assert not is_travel(shape(title, "Marktplein 3, Delft"))
