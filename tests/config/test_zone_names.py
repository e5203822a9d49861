"""The user's zone as the config names it (QA time pass, finding 9): an IANA name in any case
is that zone, and an abbreviation that keeps one offset all year is refused, with the places
it usually means, instead of leaving a New York user an hour off all summer."""

from __future__ import annotations

from datetime import datetime

import pytest

from planner import config as config_module
from planner.config.loader import default_config
from planner.errors import ConfigError
from planner.i18n import speaking


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("america/new_york", "America/New_York"),
        ("EUROPE/BERLIN", "Europe/Berlin"),
        (" Asia/Kolkata ", "Asia/Kolkata"),
        ("utc", "UTC"),
        ("CET", "CET"),  # follows the Central European rules: summer time included
    ],
)
def test_an_iana_name_in_any_case_is_that_zone(typed, zone):
    config = default_config(user={"timezone": typed})
    assert config.user["timezone"] == zone
    assert config.tz.key == zone


def test_cet_keeps_summer_time():
    summer = datetime(2026, 7, 1, 12, tzinfo=default_config(user={"timezone": "CET"}).tz)
    assert summer.utcoffset().total_seconds() == 7200


@pytest.mark.parametrize(("typed", "offset", "place"), [
    ("EST", "UTC-05:00", "America/New_York"),
    ("mst", "UTC-07:00", "America/Denver"),
    ("HST", "UTC-10:00", "Pacific/Honolulu"),
])  # fmt: skip
def test_an_abbreviation_of_a_fixed_offset_is_refused_with_places(tmp_path, typed, offset, place):
    path = tmp_path / "config.toml"
    path.write_text(f'[user]\nemail = "me@x.example"\ntimezone = "{typed}"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        config_module.load(path)
    text = str(caught.value)
    assert str(path) in text and "timezone" in text
    assert offset in text and "summer time" in text and place in text


def test_the_refusal_speaks_german(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[user]\nemail = "me@x.example"\ntimezone = "EST"\n', encoding="utf-8")
    with speaking("de"), pytest.raises(ConfigError) as caught:
        config_module.load(path)
    assert "Sommerzeit" in str(caught.value) and "America/New_York" in str(caught.value)


@pytest.mark.parametrize("typed", ["Europe/Berlinn", "Mars/Olympus", "", "Europe"])
def test_no_zone_at_all_is_refused(typed):
    with pytest.raises(ConfigError) as caught:
        default_config(user={"timezone": typed})
    assert "not a known time zone" in str(caught.value)


def test_fixed_offsets_by_region_name_are_taken():
    """A region that keeps one offset all year is what the user lives in (no abbreviation)."""
    for zone in ("Asia/Kolkata", "America/Phoenix", "Etc/GMT+5"):
        assert default_config(user={"timezone": zone}).tz.key == zone


def test_a_zone_spelt_as_the_iana_spells_it_needs_no_listing_of_every_zone():
    """Listing every zone walks the zone files (some 40 ms of every command's start): only a
    name in another spelling asks for it."""
    from planner.config.zones import iana_names

    iana_names.cache_clear()
    default_config(user={"timezone": "Europe/Berlin"})
    assert iana_names.cache_info().currsize == 0
    default_config(user={"timezone": "europe/berlin"})
    assert iana_names.cache_info().currsize == 1
