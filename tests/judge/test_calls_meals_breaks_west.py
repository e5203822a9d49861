"""Calls, meals and lunch breaks as people in Western Europe write them (planner.judge.calls,
patterns): the abbreviation before whom to call ("Tel. Ricci", "Tél. Mme Girard"), Italian
"Sentire …", Dutch "Nabellen …" and "Telefoneren met …", French "coup de fil": a phone call;
meals by their everyday words ("Etentje met Sanne", "Tapas con Álvaro", "Teamessen mit
Jonas"): in person; a lunch break in Italian, Spanish, Dutch and French ("Pausa pranzo",
"Lunchpauze", "Pause midi"): a blocker, no meeting and no place. In an iCalendar export, a
Graph item and a Google item; "Tel Aviv" is a city."""

from __future__ import annotations

import pytest

from planner.model import Mode, Purpose
from tests.judge.vendor_shapes import SHAPES, judged

pytestmark = pytest.mark.usefixtures("forgotten")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "title",
    [
        "Tel. Ricci (preventivo)",
        "Tél. Mme Girard",
        "Sentire Marco per il contratto",
        "Risentire il commercialista",
        "Offerte nabellen bij Jansen",
        "Telefoneren met Femke",
        "Coup de fil à Hugo",
    ],
)
def test_a_call_in_everyday_words_is_a_phone_meeting(shape, title):
    assert judged(shape(title)) == (True, Mode.PHONE, Purpose.OTHER)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "title", ["Etentje met Sanne", "Tapas con Álvaro", "Teamessen mit Jonas", "Tapeo con Rocío"]
)
def test_a_meal_in_everyday_words_is_in_person(shape, title):
    assert judged(shape(title)) == (True, Mode.IN_PERSON, Purpose.OTHER)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "title", ["Pausa pranzo", "Pausa comida", "Lunchpauze", "Pause midi", "Pausa almuerzo"]
)
def test_a_lunch_break_is_a_blocker(shape, title):
    assert judged(shape(title)) == (False, Mode.UNKNOWN, Purpose.PERSONAL)


@pytest.mark.parametrize("shape", SHAPES)
def test_tel_aviv_is_no_call(shape):
    assert judged(shape("Tel Aviv – Konferenzreise planen"))[1] is not Mode.PHONE
