"""The ``planner invite`` command printed under a proposal (planner.flows.invite_line) runs as
printed: a title, ``--venue`` only for a venue of the catalog, the place as written otherwise,
and the start in the meeting's zone where it has its own."""

from __future__ import annotations

import shlex
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.config.loader import default_config
from planner.flows.invite_line import invite_command
from planner.i18n import set_language
from planner.meet.pick import Proposal
from planner.meet.shortlist import area_venue
from planner.meet.slots import MeetingKind
from planner.meet.venues import Venue, VenueKind, catalog_from_config
from planner.model import Geo

TZ = ZoneInfo("Europe/Berlin")
START = datetime(2026, 12, 15, 13, 15, tzinfo=TZ)


@pytest.fixture
def config():
    return default_config(
        user={"timezone": "Europe/Berlin", "name": "Anna Berger", "email": "anna@firm.example"}
    )


def proposal(venue: Venue, minutes: int = 45, kind=MeetingKind.COFFEE) -> Proposal:
    return Proposal(START, START + timedelta(minutes=minutes), kind, venue, (10, 10), 1.0)


def words(command: str) -> dict[str, str]:
    split = shlex.split(command)
    assert split[:2] == ["planner", "invite"]
    return dict(zip(split[2::2], split[3::2], strict=False))


def test_a_catalog_venue_is_named_by_venue(config):
    venue = next(iter(catalog_from_config(config)))
    said = words(invite_command(config, "sven@kd.example", "Sven Krüger", proposal(venue)))
    assert said["--venue"] == venue.name and "--location" not in said
    assert said["--title"] == "Coffee: Anna Berger & Sven Krüger"
    assert said["--start"] == "2026-12-15T13:15" and said["--duration"] == "45"


@pytest.mark.parametrize(
    ("venue", "location"),
    [
        (Venue("Motel One Wien-Staatsoper", VenueKind.HOTEL_LOUNGE, 48.2, 16.37,
               address="Elisabethstraße 5, 1010 Wien"),
         "Motel One Wien-Staatsoper, Elisabethstraße 5, 1010 Wien"),
        (Venue("Café Central, Herrengasse 14, 1010 Wien", VenueKind.CAFE, 48.21, 16.36,
               address="Herrengasse 14, 1010 Wien", source="OpenStreetMap"),
         "Café Central, Herrengasse 14, 1010 Wien"),
        (area_venue("Zürich HB", Geo(47.378, 8.540), MeetingKind.LUNCH), "Zürich HB"),
    ],
)  # fmt: skip
def test_any_other_place_is_written_as_location(config, venue: Venue, location: str):
    said = words(invite_command(config, "x@y.example", "", proposal(venue)))
    assert said["--location"] == location and "--venue" not in said


def test_a_venue_of_the_same_name_elsewhere_is_no_catalog_venue(config):
    known = next(iter(catalog_from_config(config)))
    moved = replace(known, lat=known.lat + 1)  # a namesake in another town
    said = words(invite_command(config, "x@y.example", "", proposal(moved)))
    assert "--venue" not in said and said["--location"].startswith(known.name)


def test_the_meetings_own_zone_and_a_title_and_send(config):
    venue = next(iter(catalog_from_config(config)))
    command = invite_command(
        config, "john@acme.example", "", proposal(venue), title="Breakfast Acme",
        zone="America/New_York", send=True,
    )  # fmt: skip
    split = shlex.split(command)
    assert split[-1] == "--send"
    said = words(" ".join(shlex.quote(w) for w in split[:-1]))
    assert said["--title"] == "Breakfast Acme"
    assert said["--start"] == "2026-12-15 07:15 America/New_York"


def test_the_title_is_in_the_users_language(config):
    set_language("de")
    try:
        venue = next(iter(catalog_from_config(config)))
        said = words(
            invite_command(config, "x@y.example", "Lena", proposal(venue, 90, MeetingKind.LUNCH))
        )
    finally:
        set_language("en")
    assert said["--title"] == "Geschäftsessen: Anna Berger & Lena"
