"""Purpose, gathering and task words in Turkish, Hungarian, Romanian, Greek and Japanese, next
to the other languages' (planner.judge.purpose, people, tasks): deal closing ("sözleşme
imzası", "keretszerződés", "semnarea contractului", "υπογραφή σύμβασης", "契約締結"), visits
("fabrika ziyareti", "Gyárlátogatás", "Vizită la client", "Επίσκεψη στο εργοστάσιο", "本社訪問"),
gatherings ("Ticaret Fuarı", "üzleti reggeli", "交流会") and tasks ("Bilet al", "Rezervă
hotelul", "Να κλείσω ξενοδοχείο", "ホテルを予約", "Sort accommodation"). Japanese writes no
spaces: its words match inside a title. A Christmas market ("Târgul de Crăciun", "Karácsonyi
vásár") is no gathering, a "sign-off" of work no deal."""

from __future__ import annotations

from datetime import datetime

import pytest

from planner.config.loader import default_config
from planner.judge.people import networking_word, visit_word
from planner.judge.purpose import DEAL_CLOSING_WORDS, find_word
from planner.judge.tasks import task_verb
from planner.model import Attendee, Event
from tests.data.judged_events import TZ

ME = "kim@fjordlab.example"
CONFIG = default_config(user={"email": ME, "domains": ["fjordlab.example"]})

pytestmark = pytest.mark.usefixtures("forgotten")


def event(title: str, location: str = "", with_guest: bool = True) -> Event:
    people = (Attendee(email=ME), Attendee(email="ops@partner.example")) if with_guest else ()
    return Event(
        uid=f"{abs(hash(title))}@planner.test",
        title=title,
        start=datetime(2026, 12, 3, 10, tzinfo=TZ),
        end=datetime(2026, 12, 3, 11, tzinfo=TZ),
        location=location,
        organizer=Attendee(email=ME) if with_guest else None,
        attendees=people,
    )


@pytest.mark.parametrize(
    "title",
    [
        "Ankara Makine – sözleşme imzası",
        "Duna Logisztika – keretszerződés aláírása",
        "Semnarea contractului cu Carpați Trans",
        "Υπογραφή σύμβασης – Αιγαίο Ναυτιλιακή",
        "大和電機様 契約締結",
        "Kuzey Lojistik ile fiyat müzakeresi",
    ],
)
def test_deal_closing_words_in_more_languages(title):
    assert find_word(title, DEAL_CLOSING_WORDS)


@pytest.mark.parametrize(
    "title", ["Release plan sign-off", "Design sign-off", "Pannon – negyedéves tárgyalás"]
)
def test_approval_and_a_hungarian_meeting_are_no_deal(title):
    assert find_word(title, DEAL_CLOSING_WORDS) is None


@pytest.mark.parametrize(
    "title",
    [
        "Marmara Gıda fabrika ziyareti",
        "Gyárlátogatás – Tisza Tech, Szeged",
        "Vizită la client – Olt Metal",
        "Επίσκεψη στο εργοστάσιο της Κρήτη Foods",
        "大和電機本社訪問",
    ],
)
def test_visit_words_in_more_languages(title):
    assert visit_word(event(title)) is not None


@pytest.mark.parametrize(
    "title",
    [
        "Ankara Ambalaj Fuarı 2026",
        "Üzleti reggeli – Logisztika 2027",
        "大阪ものづくり交流会 第12回",
    ],
)
def test_gatherings_in_more_languages(title):
    assert networking_word(event(title, with_guest=False))


@pytest.mark.parametrize("title", ["Târgul de Crăciun", "Karácsonyi vásár", "Εβδομαδιαία έκθεση"])
def test_markets_and_reports_are_no_gathering(title):
    assert networking_word(event(title, with_guest=False)) is None


@pytest.mark.parametrize(
    "title",
    [
        "Fuar standı için katalog gönder",
        "Bilet al",
        "Lefoglalni a szállást a konferenciára",
        "Rezervă hotelul pentru conferință",
        "Να κλείσω ξενοδοχείο για το συνέδριο",
        "展示会のホテルを予約",
        "Sort accommodation for the summit",
    ],
)
def test_tasks_in_more_languages(title):
    assert task_verb(title)


def test_deal_words_match_inside_a_japanese_title():
    assert find_word("北斗物産様との契約締結式", DEAL_CLOSING_WORDS) == "契約"
