"""The user's own place (planner.judge.homes.HomeFinder.users_home): where the config says
they live, never what their meetings show. The rules read a meeting in person away from the
user's city as the others' place, so the user's own trips named a city they visit: a home in
München was shown as Hamburg in the week's JSON beside their name (the defect)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.config import default_config
from planner.judge.homes import HomeFinder
from planner.meet.geo import Geocoder
from planner.model import Attendee, Event, Mode

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 1, 9, tzinfo=TZ)
ME = "me@mycorp.example"
ALSO = "Me.Private@Mailbox.example"

# the user's meetings in person, most of them away from home, with others and alone
TRIPS = [
    ("Am Sandtorkai 50, 20457 Hamburg", ["jan@hafen.example"]),
    ("Speicherstadt, Hamburg", []),
    ("Hafencity Hamburg", ["ole@nord.example"]),
    ("Rue de Rivoli 10, 75001 Paris", ["luc@seine.example"]),
    ("Königsallee 1, 40212 Düsseldorf", []),
]


def _events(organizer: str = ME) -> tuple[list[Event], dict]:
    events = []
    for days_ago in range(5, 200, 7):
        where, people = TRIPS[days_ago % len(TRIPS)]
        start = NOW - timedelta(days=days_ago)
        me = Attendee(organizer)
        events.append(
            Event(
                f"t{days_ago}",
                "Workshop",
                start,
                start + timedelta(hours=2),
                location=where,
                organizer=me,
                attendees=(me, *(Attendee(p) for p in people)),
            )  # fmt: skip
        )
    return events, {e.key: Mode.IN_PERSON for e in events}


def _finder(home: str, organizer: str = ME) -> HomeFinder:
    events, modes = _events(organizer)
    user = {"email": ME, "other_emails": [ALSO], "home": home}
    config = default_config(user=user)
    return HomeFinder(events, modes, config, Geocoder(config).locate, now=NOW)


@pytest.mark.parametrize(
    ("home", "city"),
    [
        ("München", "München"),
        ("Munich", "Munich"),  # as the user wrote it
        ("Leopoldstraße 10, 80802 München", "München"),
        ("80802", "München"),
        ("Wien", "Wien"),
    ],
)
@pytest.mark.parametrize("address", [ME, ME.upper(), ALSO, ALSO.lower()])
def test_the_users_place_is_the_configured_home_not_where_they_travel(home, city, address):
    organizer = address if "@" in address else ME
    home_city = _finder(home, organizer).home_of(address)
    assert home_city is not None and home_city.city == city
    assert home_city.configured and home_city.geo is not None
    assert home_city.evidence == ("set in [user] home of the config",)


def test_without_a_home_in_the_config_the_users_place_is_not_guessed():
    assert _finder("").home_of(ME) is None


def test_the_counterparts_are_still_placed_by_the_meetings():
    finder = _finder("München")
    jan = finder.home_of("jan@hafen.example")
    assert jan is not None and jan.city == "Hamburg"


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_weeks_json_names_the_users_configured_city(tmp_path, monkeypatch, lang):
    from planner import api, i18n
    from planner.config import load
    from planner.render import render_week
    from tests.flows.touch_scenario import ANNA, NOW, TRIP_MONDAY, write_home

    i18n.set_language(lang)
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path / "data"))
    config = load(write_home(tmp_path / "home"))  # a trip to Hamburg with a workshop there
    for cities in (False, True):
        week = json.loads(
            render_week(api.plan_week(config, TRIP_MONDAY, now=NOW, cities=cities), "json")
        )
        anna = [p for e in week["events"] for p in e.get("people", []) if p["email"] == ANNA]
        assert anna and {p["city"] for p in anna} == {"München"}


def test_the_evidence_is_said_in_the_users_language():
    from planner import i18n

    with i18n.speaking("de"):
        home = _finder("Wien").home_of(ME)
    assert home is not None and home.evidence == ("in [user] home der Konfiguration festgelegt",)
