"""Travel as carriers and apps in Latin America, India, Australia, Turkey, Hungary, Romania,
Greece and Japan write it (planner.judge.bookings): ride-hailing apps ("BiTaksi – Havalimanı";
"99", "Ola" and "Grab" only before where to), flights by the airport codes in brackets
("Recife (REC) para Salvador (SSA)"), Shinkansen by name and number ("ひかり505号"), Japanese
lodging without spaces ("ホテル…"), booking labels ("予約番号", "Localizador"). "99 problems",
"Ola Nordmann" and a quarter ("Ana – Q4 2027") stay no travel."""

from __future__ import annotations

from datetime import datetime

import pytest

from planner.judge.bookings import is_travel
from planner.model import Event
from tests.data.judged_events import TZ

pytestmark = pytest.mark.usefixtures("forgotten")


def event(title: str, location: str = "", description: str = "", hours: int = 1) -> Event:
    start = datetime(2026, 12, 3, 18, tzinfo=TZ)
    return Event(
        uid=f"{abs(hash(title))}@planner.test",
        title=title,
        start=start,
        end=start.replace(hour=18 + hours) if hours < 6 else datetime(2026, 12, 4, 9, tzinfo=TZ),
        location=location,
        description=description,
    )


@pytest.mark.parametrize(
    ("title", "location", "description", "hours"),
    [
        ("BiTaksi – Sabiha Gökçen Havalimanı", "", "", 1),
        ("99 para Guarulhos", "", "", 1),
        ("Ola to Bengaluru City Junction", "", "", 1),
        ("Grab → Changi T3", "", "", 1),
        ("Recife (REC) para Salvador (SSA)", "Aeroporto do Recife (REC)", "", 2),
        ("W6 2305 Budapest (BUD) – Cluj (CLJ)", "", "", 2),
        ("ひかり505号 新大阪 → 名古屋", "新大阪駅 新幹線のりば", "", 1),
        ("ホテルグランヴィア京都", "京都府京都市下京区烏丸通塩小路下ル", "予約番号：GV-1234", 15),
    ],
)
def test_travel_in_more_languages(title, location, description, hours):
    assert is_travel(event(title, location, description, hours))


@pytest.mark.parametrize(
    "title", ["99 problems retro", "Ola Nordmann – kickoff", "Ana – Q4 2027 planning", "Grab bag"]
)
def test_words_that_only_look_like_travel(title):
    assert not is_travel(event(title))
