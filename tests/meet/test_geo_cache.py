"""Offline geocoding answers are remembered in the state database between runs."""

from __future__ import annotations

import pytest

from planner.config import default_config
from planner.meet import geo
from planner.meet.geo import Geocoder
from planner.store import Store


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "state.sqlite3")
    yield s
    s.close()


def test_a_second_run_does_not_look_places_up_again(store, monkeypatch):
    config = default_config()
    first = Geocoder(config, store_factory=lambda: store)
    found = first.locate("Leopoldstraße 10, 80802 München")
    missing = first.locate("Konferenzraum Isar")
    assert found is not None and found.city == "München"
    calls = []
    monkeypatch.setattr(geo, "locate_offline", lambda text, country: calls.append(text))
    second = Geocoder(config, store_factory=lambda: store)
    assert second.locate("Leopoldstraße 10, 80802 München") == found
    assert second.locate("Konferenzraum Isar") == missing
    assert calls == []
    second.locate("Marienplatz 1, 80331 München")
    assert calls == ["Marienplatz 1, 80331 München"]


def test_without_a_store_nothing_is_kept(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(geo, "locate_offline", lambda text, country: calls.append(text))
    Geocoder(default_config()).locate("Hamburg")
    Geocoder(default_config()).locate("Hamburg")
    assert calls == ["Hamburg", "Hamburg"]


def test_a_second_run_tells_the_zone_of_a_place_without_the_boundaries(store, monkeypatch):
    """Loading the time-zone boundaries costs a run 0.1 to 0.3 s: a place seen before is
    answered from the state database."""
    from planner.meet import local_zone

    config = default_config()
    assert Geocoder(config, store_factory=lambda: store).zone_name(40.755, -73.984) == (
        "America/New_York"
    )
    calls = []
    monkeypatch.setattr(local_zone, "zone_name", lambda lat, lon: calls.append((lat, lon)) or "")
    second = Geocoder(config, store_factory=lambda: store)
    assert second.zone_name(40.755, -73.984) == "America/New_York"
    assert calls == []
    assert second.zone_name(35.69, 139.701) == ""  # another place: looked up
    assert calls == [(35.69, 139.701)]


def test_other_boundaries_tell_the_zones_again(store, monkeypatch):
    """Answers are kept under the installed boundaries: an upgrade of them asks again."""
    from planner.meet import local_zone

    Geocoder(default_config(), store_factory=lambda: store).zone_name(48.857, 2.352)
    calls = []
    monkeypatch.setattr(local_zone, "zone_name", lambda lat, lon: calls.append(1) or "Europe/X")
    monkeypatch.setattr(local_zone, "boundaries_version", lambda: "tzfpy:another")
    assert Geocoder(default_config(), store_factory=lambda: store).zone_name(48.857, 2.352) == (
        "Europe/X"
    )
    assert calls == [1]
