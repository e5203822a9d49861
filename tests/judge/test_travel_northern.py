"""Travel items as Polish, Swedish, Danish, Norwegian, Czech, US and British carriers and
booking sites write them: their train numbers ("EIC 1301", "Acela 2153", "VIA 55"), the
words that start a journey ("Resa", "Tog:", "Fly", "Pociąg", "Vlak"), platforms ("peron",
"spår"), booking labels ("Bokningsnummer", "Ordrenummer", "Bilet nr") and vendors
(Trainline, Amtrak), and a hotel night shorter than a day (check-in 16:00, check-out 08:30)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from planner.judge.bookings import is_travel
from planner.judge.mode import classify
from planner.model import Event, Mode
from tests.data.judged_events import TZ

pytestmark = pytest.mark.usefixtures("forgotten")


def item(title: str, location: str = "", description: str = "", hours: float = 2.5) -> Event:
    start = datetime(2026, 12, 8, 7, 30, tzinfo=TZ)
    return Event(
        uid=f"{abs(hash((title, location)))}@planner.test",
        title=title,
        start=start,
        end=start + timedelta(hours=hours),
        location=location,
        description=description,
    )


@pytest.mark.parametrize(
    ("title", "location", "description"),
    [
        ("EIC 3502 Gdańsk Główny – Warszawa Centralna", "Gdańsk Główny, peron 3", ""),
        ("TLK 18104 Kraków Główny – Przemyśl", "", ""),
        ("Pociąg do Wrocławia", "", ""),
        ("Resa Malmö C – Lund C", "Malmö Centralstation", "Bokningsnummer: QX7T2M\n"),
        ("Tåg till Uppsala", "", ""),
        ("Tog: Aarhus H – Aalborg St.", "Aarhus H", "Ordrenummer: 5512093311\n"),
        ("Fly SK 4035 Oslo (OSL) – Trondheim (TRD)", "Oslo lufthavn", ""),
        ("Vlak Ostrava – Olomouc", "", ""),
        ("Acela 2171: Boston (BOS) - New York (NYP)", "Boston South Station", ""),
        ("VIA 65 Ottawa – Toronto", "", ""),
        (
            "Leeds to London King's Cross",
            "Leeds",
            "Booking reference: TL4411902\nLNER 08:15 Leeds → 10:29 London King's Cross\n\n"
            "Trainline.com Ltd, 120 Holborn, London EC1N 2TD\n",
        ),
        ("Luxair LG 8823 Luxembourg – Porto", "Luxembourg Airport (LUX)", ""),
    ],
)
def test_a_journey_is_travel(title, location, description):
    found = item(title, location, description)
    assert is_travel(found) and classify(found).mode is Mode.TRAVEL


@pytest.mark.parametrize(
    ("title", "location"),
    [
        ("Scandic Ørnen, Aalborg", "Scandic Ørnen, Boulevarden 2, 9000 Aalborg"),
        ("Hotel Bristol", "Hotel Bristol, Kristian IVs gate 7, Oslo"),
    ],
)
def test_a_hotel_night_shorter_than_a_day_is_a_stay(title, location):
    start = datetime(2026, 12, 8, 16, tzinfo=TZ)
    night = Event(uid=f"{abs(hash(title))}@planner.test", title=title, location=location,
                  start=start, end=start + timedelta(hours=16, minutes=30))  # fmt: skip
    assert is_travel(night) and classify(night).mode is Mode.TRAVEL


@pytest.mark.parametrize(
    ("title", "location", "hours"),
    [
        ("Feedback via 1:1", "", 1),  # "via" is no VIA Rail train
        ("Workshop at Hotel Bristol", "Hotel Bristol, Oslo", 9),  # a long day, no night
        ("Let's plan Q3 2026", "", 1),
    ],
)
def test_what_only_looks_like_travel_is_none(title, location, hours):
    assert not is_travel(item(title, location, hours=hours))
