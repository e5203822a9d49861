"""A fair word that is a mass or a seasonal market (planner.judge.people): German "Messe" is a
trade fair and a church service, Italian "fiera", Spanish "feria", French "foire" and Dutch
"beurs" are trade fairs and Christmas markets. Beside a church ("Mariendom", "Pfarrkirche",
"église"), the Christmas season ("Natale", "Navidad", "Noël", "Kerst") or one's children they
are one's own time: no meeting, personal; anywhere else still a gathering. The same in an
iCalendar export, a Graph item and a Google item."""

from __future__ import annotations

import pytest

from planner.judge.people import networking_word
from planner.model import Mode, Purpose
from tests.judge.vendor_shapes import SHAPES, judged

pytestmark = pytest.mark.usefixtures("forgotten")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    ("title", "location"),
    [
        ("Christmette", "Mariendom, Herrenstraße 26, 4020 Linz"),  # German, the church's name
        ("Abendmesse", "Pfarrkirche St. Martin, Kirchplatz 1, 88131 Lindau"),
        ("Familienmesse mit den Kindern", "St. Ursula, Ursulaplatz 24, 50668 Köln"),
        ("Messe im Dom", "Domplatte, 50667 Köln"),
        ("Fiera di Natale", "Piazza Duomo, 38068 Rovereto TN"),  # Italian
        ("Feria de Navidad en la Plaza Mayor", "Plaza Mayor, 28012 Madrid"),  # Spanish
        ("Feria del libro infantil con los niños", "Parque del Retiro, Madrid"),
        ("Foire de Noël", "Place Jeanne d'Arc, 68000 Colmar"),  # French
        ("Kerstbeurs", "Grote Kerk, Kerkplein 1, 3311 Dordrecht"),  # Dutch
    ],
)
def test_a_mass_or_a_christmas_market_is_own_time_at_a_place(shape, title, location):
    item = shape(title, location)
    assert networking_word(item) is None
    assert judged(item) == (False, Mode.IN_PERSON, Purpose.PERSONAL)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    ("title", "location"),
    [
        ("MEDICA – Standdienst", "Messe Düsseldorf, Halle 12, 40474 Düsseldorf"),
        ("Baumesse Ried", "Messe Ried, Brucknerstraße 39, 4910 Ried im Innkreis"),
        ("Fiera Host 2027 – giro stand", "Fiera Milano, Rho"),
        ("Feria Internacional de Turismo", "IFEMA Madrid"),
        ("Foire internationale de Lyon", "Eurexpo, 69680 Chassieu"),
        ("Vakbeurs Logistiek", "Jaarbeurs, Utrecht"),
        ("Messe Dornbirn – Besuch am Freitag", ""),
    ],
)
def test_a_trade_fair_stays_a_gathering(shape, title, location):
    item = shape(title, location)
    assert networking_word(item)
    assert judged(item)[2] is Purpose.NETWORKING


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    ("title", "meeting"),
    [
        ("Tierpark mit den Kindern", False),  # German writes the noun with a capital
        ("Schlittschuhlaufen mit den Enkeln", False),
        ("Adventsbasteln mit den Kids", False),
        ("Abendessen mit den Hubers", True),  # a family by its name
        ("Tierpark mit Jonas", True),
    ],
)
def test_ones_children_after_mit_are_nobody_named(shape, title, meeting):
    assert judged(shape(title, "Tiergarten Schönbrunn, 1130 Wien"))[0] is meeting
