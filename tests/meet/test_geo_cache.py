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
