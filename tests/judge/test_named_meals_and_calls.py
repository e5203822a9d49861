"""Meetings told by a person named without anyone invited (QA report F): a meal or social
occasion with a name ("Déj Tom", "Dîner avec les Girard", "Mittag Jens", "Cena Marco"), and a
call written as a verb ("Appeler la banque", "Chiamare Marco", "Terugbellen"). Meetings, in
person for a meal, phone for a call, purpose other; a meal alone, with a place or a pause,
stays a blocker."""

from __future__ import annotations

from datetime import datetime
from functools import partial

import pytest

from planner.config.loader import default_config
from planner.model import Event, Mode, Purpose
from tests.data.judged_events import TZ
from tests.judge.judging import judgement

USER = {"email": "claire@northwind.example", "domains": ["northwind.example"]}
CONFIG = default_config(user=USER)

pytestmark = pytest.mark.usefixtures("forgotten")


def event(title: str, description: str = "", location: str = "") -> Event:
    return Event(
        uid=f"{abs(hash(title))}@planner.test",
        title=title,
        start=datetime(2026, 12, 2, 13, tzinfo=TZ),
        end=datetime(2026, 12, 2, 14, tzinfo=TZ),
        location=location,
        description=description,
    )


judged = partial(judgement, config=CONFIG)


@pytest.mark.parametrize(
    "title",
    [
        "Déj Tom",  # French, the everyday short form
        "Dej Sophie Martin",
        "Petit-déj Léa (Banque Rhône)",
        "Mittag Jens",  # German
        "Lunch Dr. Vogt (Helix)",  # English
        "Pranzo Marco Rossi – Acme",  # Italian
        "Almuerzo Lucía",  # Spanish
        "Ontbijt Daan",  # Dutch
        "Dîner chez Bocuse avec les Girard",  # a family by its article
        "Dinner with the Smiths",
        "Cena con i Rossi",
        "Diner met de Vries",
    ],
)
def test_a_meal_named_with_a_person_is_a_meeting_in_person(title):
    assert judged(event(title)) == (True, Mode.IN_PERSON, Purpose.OTHER)


@pytest.mark.parametrize(
    "title", ["Déj", "Mittag Pause", "Lunch Berlin", "Pranzo", "Marché de Noël avec les enfants"]
)
def test_a_meal_alone_or_with_a_place_or_a_pause_is_no_meeting(title):
    meeting, _mode, purpose = judged(event(title))
    assert not meeting and purpose is Purpose.PERSONAL


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Appeler la banque (prêt immo)", "Conseillère : Mme Rigaud, 04 78 92 10 10"),
        ("Rappeler Maître Dubois", ""),
        ("Herrn Weber zurückrufen", "Handy 0171 2345678"),
        ("Chiamare Marco per il preventivo", "+39 02 1234 5678"),
        ("Llamar a Lucía", ""),
        ("Jan terugbellen", "06 12345678"),
    ],
)
def test_a_call_written_as_a_verb_is_a_phone_meeting(title, description):
    assert judged(event(title, description)) == (True, Mode.PHONE, Purpose.OTHER)
