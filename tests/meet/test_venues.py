"""The venue catalog: files, opening hours, the spatial index and browsing."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from planner.config import default_config, from_mapping
from planner.meet.browsing import browse
from planner.meet.venues import (
    Catalog,
    CatalogError,
    OpenState,
    Venue,
    VenueKind,
    catalog_from_config,
    demo_catalog,
    load_catalog,
)
from planner.model import Geo
from tests.locations import ROOT

TZ = ZoneInfo("Europe/Berlin")
REAL = ROOT.parent / "shared" / "fixtures" / "real"
MARIENPLATZ = Geo(48.1374, 11.5755)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=TZ)  # 7 = Monday, 13 = Sunday


TOML = """
[[venue]]
name = "Café Luitpold"
kind = "cafe"
lat = 48.1446
lon = 11.5740
address = "Brienner Straße 11, 80333 München"
opening_hours = "Mo-Sa 08:00-18:00; Su off"
tags = ["quiet", "wifi", "Favourite"]
price = 2

[[venue]]
name = "Nachtbar"
kind = "bar"
lat = 48.1312
lon = 11.5760
opening_hours = "Mo-Su 18:00-02:00"
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_toml_catalog(tmp_path):
    catalog = load_catalog([write(tmp_path, "v.toml", TOML)], tz=TZ)
    cafe, bar = catalog.venues
    assert cafe.kind is VenueKind.CAFE and cafe.tags == {"quiet", "wifi", "favourite"}
    assert cafe.price == 2 and cafe.address.endswith("München")
    assert catalog.is_favourite(cafe) and not catalog.is_favourite(bar)


def test_closed_on_sunday_and_after_six(tmp_path):
    catalog = load_catalog([write(tmp_path, "v.toml", TOML)], tz=TZ)
    cafe = catalog.venues[0]
    assert catalog.open_state(cafe, at(7, 10), at(7, 11)) is OpenState.OPEN
    assert catalog.open_state(cafe, at(7, 17, 30), at(7, 18, 30)) is OpenState.CLOSED
    assert catalog.open_state(cafe, at(7, 7, 30), at(7, 8, 30)) is OpenState.CLOSED
    assert catalog.open_state(cafe, at(13, 10), at(13, 11)) is OpenState.CLOSED
    assert catalog.open_state(cafe, at(12, 17), at(12, 18)) is OpenState.OPEN


def test_opening_hours_across_midnight(tmp_path):
    catalog = load_catalog([write(tmp_path, "v.toml", TOML)], tz=TZ)
    bar = catalog.venues[1]
    assert catalog.open_state(bar, at(7, 23), at(8, 1, 30)) is OpenState.OPEN
    assert catalog.open_state(bar, at(7, 23), at(8, 2, 30)) is OpenState.CLOSED


def test_opening_hours_are_read_in_the_catalog_zone(tmp_path):
    catalog = load_catalog([write(tmp_path, "v.toml", TOML)], tz=TZ)
    cafe = catalog.venues[0]
    utc = ZoneInfo("UTC")
    start = datetime(2026, 12, 7, 16, 30, tzinfo=utc)  # 17:30 in Munich
    assert catalog.open_state(cafe, start, start + timedelta(minutes=30)) is OpenState.OPEN
    assert catalog.open_state(cafe, start, start + timedelta(hours=1)) is OpenState.CLOSED


def test_missing_or_invalid_hours_are_unknown(tmp_path, caplog):
    text = TOML.replace('"Mo-Su 18:00-02:00"', '"täglich ab 18 Uhr"')
    with caplog.at_level(logging.WARNING, logger="planner"):
        catalog = load_catalog([write(tmp_path, "v.toml", text)], tz=TZ)
    assert "täglich ab 18 Uhr" in caplog.text and "Nachtbar" in caplog.text
    bar = catalog.venues[1]
    assert catalog.open_state(bar, at(7, 19), at(7, 20)) is OpenState.UNKNOWN
    plain = Venue("Ohne Zeiten", VenueKind.CAFE, 48.1, 11.5)
    assert Catalog([plain], TZ).open_state(plain, at(7, 9), at(7, 10)) is OpenState.UNKNOWN


def test_csv_catalog_and_its_errors_name_the_line(tmp_path):
    good = write(
        tmp_path,
        "v.csv",
        "name,kind,lat,lon,address,opening_hours,tags,price\n"
        'Coworking Süd,coworking,48.12,11.55,"Lindwurmstraße 1, München",Mo-Fr 08:00-20:00,'
        "wifi;private_room,2\n",
    )
    (venue,) = load_catalog([good]).venues
    assert venue.tags == {"wifi", "private_room"} and venue.kind is VenueKind.COWORKING
    bad = write(tmp_path, "bad.csv", "name,kind,lat,lon\nA,cafe,48.1,11.5\nB,kiosk,48.1,11.5\n")
    with pytest.raises(CatalogError, match=r"bad\.csv:3.*kind.*kiosk.*hotel_lounge"):
        load_catalog([bad])


def test_toml_errors_name_the_entry_and_key(tmp_path):
    bad = write(tmp_path, "bad.toml", '[[venue]]\nname = "X"\nkind = "cafe"\nlat = "north"\n')
    with pytest.raises(CatalogError, match=r"bad\.toml \[\[venue\]\] #1: venue 'X': key 'lat'"):
        load_catalog([bad])
    with pytest.raises(CatalogError, match="not found"):
        load_catalog([tmp_path / "missing.toml"])
    with pytest.raises(CatalogError, match="not valid TOML"):
        load_catalog([write(tmp_path, "broken.toml", "[[venue]\n")])


def test_geojson_with_osm_properties(tmp_path):
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [11.57, 48.13]},
            "properties": {
                "name": "Zum Löwen",
                "amenity": "pub",
                "opening_hours": "Mo-Su 16:00-01:00",
            },
        },
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [11.58, 48.14]},
            "properties": {"name": "Lounge", "kind": "hotel_lounge"},
        },
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [11.58, 48.14]},
            "properties": {},
        },
    ]
    path = write(
        tmp_path, "v.geojson", json.dumps({"type": "FeatureCollection", "features": features})
    )
    pub, lounge = load_catalog([path]).venues
    assert pub.kind is VenueKind.BAR and (pub.lat, pub.lon) == (48.13, 11.57)
    assert lounge.kind is VenueKind.HOTEL_LOUNGE


def test_real_osm_hotel_extract_loads():
    path = REAL / "venues" / "tabachain-geoJSON__hotel.geojson"
    if not path.exists():
        pytest.skip(f"real-world fixtures not found at {REAL}")
    catalog = load_catalog([path], default_kind="hotel_lounge")
    assert 2000 <= len(catalog) <= 2084  # 2,215 features, 131 without a name
    assert any("帝国ホテル" in v.name for v in catalog)
    tokyo = Geo(35.6812, 139.7671)
    near = catalog.near(tokyo, 2.0)
    assert near and all(km <= 2.0 for km, _ in near)
    brute = sorted(v.name for v in catalog if _km(tokyo, v) <= 2.0)
    assert sorted(v.name for _, v in near) == brute


def _km(point: Geo, venue: Venue) -> float:
    from planner.meet.geo import distance_km

    return distance_km(point, venue.geo)


def test_demo_catalog_covers_every_kind():
    catalog = demo_catalog(TZ)
    assert len(catalog) >= 25
    assert {v.kind for v in catalog} == set(VenueKind)
    assert any(v.has("women_only") for v in catalog)
    assert any(v.kind is VenueKind.STATION_LOUNGE and "Hbf" in v.name for v in catalog)
    assert any(v.kind is VenueKind.AIRPORT_LOUNGE and "MUC" in v.name for v in catalog)
    assert all(v.opening_hours and v.address for v in catalog)


def test_the_packaged_catalog_has_valid_hours_so_no_run_checks_them():
    """demo_catalog() skips the check at each run (it costs the hours parser's import): the
    packaged hours must all be valid OSM syntax."""
    from planner.meet.venues import warn_invalid_hours

    assert warn_invalid_hours(list(demo_catalog(TZ)), "packaged") == 0


def test_browse_near_kind_open_at():
    catalog = demo_catalog(TZ)
    sunday_noon = at(13, 12)
    cafes = browse(catalog, near=MARIENPLATZ, kind="cafe", open_at=sunday_noon)
    names = [v.name for v, _ in cafes]
    assert "Kaffeehaus Brienner Straße" not in names  # closed on Sundays
    assert "Café am Hofgarten" in names
    distances = [km for _, km in cafes]
    assert distances == sorted(distances)
    everything = browse(catalog)
    assert len(everything) == len(catalog) and all(km is None for _, km in everything)
    assert len(browse(catalog, near=MARIENPLATZ, limit=3)) == 3


def test_catalog_from_config_resolves_paths_and_favourites(tmp_path):
    write(tmp_path, "mine.toml", TOML)
    venues = {"files": ["mine.toml"], "favourites": ["Nachtbar"]}
    config = from_mapping({"venues": venues}, "<test>", path=tmp_path / "config.toml")
    catalog = catalog_from_config(config)
    assert [v.name for v in catalog] == ["Café Luitpold", "Nachtbar"]
    assert catalog.is_favourite(catalog.venues[1])
    assert len(catalog_from_config(default_config())) >= 25
