"""A meal or a party named with someone in Turkish, Hungarian, Romanian, Greek and Japanese is
a meeting in person (planner.judge.people): "with" before the name ("Cină cu Mihai", "Γεύμα με
την Άννα"), after it (Turkish "Selin Hanım ile akşam yemeği"), as an ending (Hungarian
"Vacsora Gáborral", "Ebéd Annával"), a Japanese honorific and "と" ("佐藤さんと会食"), a
name-day party ("Γιορτή της Μαρίας"), and a group one knows ("Drinks with the team"). A
capitalised word ending like an ending without doubling ("Lunch Hotel") is no one."""

from __future__ import annotations

from datetime import datetime

import pytest

from planner.config.loader import default_config
from planner.judge.people import names_a_person
from planner.model import Event, Mode, Purpose
from tests.data.judged_events import TZ
from tests.judge.judging import judgement

CONFIG = default_config(user={"email": "kim@fjordlab.example", "domains": ["fjordlab.example"]})

pytestmark = pytest.mark.usefixtures("forgotten")


def event(title: str, location: str) -> Event:
    return Event(
        uid=f"{abs(hash(title))}@planner.test",
        title=title,
        start=datetime(2026, 12, 3, 12, tzinfo=TZ),
        end=datetime(2026, 12, 3, 13, 30, tzinfo=TZ),
        location=location,
    )


@pytest.mark.parametrize(
    ("title", "location"),
    [
        ("Selin Hanım ile akşam yemeği", "Hamdi Restoran, Eminönü"),
        ("Kahve Emre ile", "Kronotrop, Cihangir"),
        ("Vacsora Gáborral", "Rosenstein Vendéglő, Mosonyi u. 3, 1087 Budapest"),
        ("Ebéd Annával", "Menza, Liszt Ferenc tér 2, 1061 Budapest"),
        ("Cină cu Mihai", "Hanu' lui Manuc, Str. Franceză 62, București"),
        ("Γεύμα με την Άννα", "Ταβέρνα Ψαρράς, Ερεχθέως 16, Αθήνα"),
        ("Γιορτή της Μαρίας", "Οδός Σκουφά 20, Αθήνα"),
        ("佐藤さんと会食", "銀座 久兵衛 東京都中央区銀座8-7-6"),
        ("Drinks with the team", "The Rocks Brewing, 160 Bourke Rd, Alexandria NSW"),
        ("Cerveja com a galera do escritório", "Bar Astor, Rua Delfina 163, São Paulo"),
    ],
)
def test_a_meal_named_with_someone_is_a_meeting_in_person(title, location):
    assert judgement(event(title, location), CONFIG) == (True, Mode.IN_PERSON, Purpose.OTHER)


@pytest.mark.parametrize(
    "title", ["Lunch Hotel", "Ebéd", "Kahvaltı", "Prânz la birou", "ランチ", "Raport z Warszawy"]
)
def test_a_meal_without_anyone_names_nobody(title):
    assert names_a_person(event(title, "")) is None
