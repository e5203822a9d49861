"""OpenStreetMap import: a generated extract with > 1,000 POIs as .osm.pbf and Overpass JSON."""

from __future__ import annotations

import importlib.util
import json
import logging
from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from planner.meet.osm import (
    classify,
    from_overpass,
    import_osm,
    load_osm,
    write_catalog,
)
from planner.meet.venues import CatalogError, OpenState, VenueKind, load_catalog
from tests.locations import TESTS

GENERATOR = TESTS / "data" / "osm" / "generate.py"
TZ = ZoneInfo("Europe/Berlin")


def _generator():
    spec = importlib.util.spec_from_file_location("osm_generate", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def extract(tmp_path_factory):
    folder = tmp_path_factory.mktemp("osm")
    return _generator().write_extract(folder, count=1200, seed=7)


def _expected(objects) -> dict[int, dict]:
    return {o["id"]: o for o in objects if classify(o["tags"]) is not None}


@pytest.mark.parametrize(
    ("tags", "kind"),
    [
        ({"amenity": "restaurant"}, VenueKind.RESTAURANT),
        ({"amenity": "cafe"}, VenueKind.CAFE),
        ({"amenity": "pub"}, VenueKind.BAR),
        ({"amenity": "biergarten"}, VenueKind.BAR),
        ({"tourism": "hotel"}, VenueKind.HOTEL_LOUNGE),
        ({"office": "coworking"}, VenueKind.COWORKING),
        ({"amenity": "coworking_space"}, VenueKind.COWORKING),
        ({"amenity": "conference_centre"}, VenueKind.NETWORKING),
        ({"amenity": "lounge", "railway": "station"}, VenueKind.STATION_LOUNGE),
        ({"amenity": "lounge", "name": "DB Lounge München Hbf"}, VenueKind.STATION_LOUNGE),
        ({"aeroway": "lounge"}, VenueKind.AIRPORT_LOUNGE),
        ({"amenity": "lounge", "name": "Lufthansa Lounge Flughafen"}, VenueKind.AIRPORT_LOUNGE),
        ({"amenity": "bench"}, None),
        ({"shop": "bakery"}, None),
    ],
)
def test_tag_mapping(tags, kind):
    assert classify(tags) == kind


def test_pbf_extract_with_more_than_1000_pois(extract, caplog):
    pbf, _json, objects = extract
    expected = _expected(objects)
    assert len(expected) >= 1000
    with caplog.at_level(logging.WARNING, logger="planner"):
        venues = load_osm(pbf)
    assert len(venues) == len(expected)
    assert sum(1 for r in caplog.records if "not valid OSM syntax" in r.message) == 1
    by_name = {v.name: v for v in venues}
    for obj in expected.values():
        venue = by_name[obj["tags"]["name"]]
        assert venue.kind is classify(obj["tags"])
        assert abs(venue.lat - obj["lat"]) < 0.001 and abs(venue.lon - obj["lon"]) < 0.001
        assert venue.opening_hours == obj["tags"].get("opening_hours", "")
    assert any("ä" in v.name or "ü" in v.name or "ß" in v.name for v in venues)
    ways = [o for o in expected.values() if o["type"] == "way"]
    assert len(ways) >= 200


def test_overpass_json_gives_the_same_catalog(extract):
    pbf, js, _objects = extract
    from_pbf = {(v.name, v.kind, v.address, v.opening_hours, v.tags) for v in load_osm(pbf)}
    from_json = {(v.name, v.kind, v.address, v.opening_hours, v.tags) for v in load_osm(js)}
    assert from_pbf == from_json


def test_attributes_are_mapped():
    data = {
        "elements": [
            {
                "type": "node",
                "id": 1,
                "lat": 48.1,
                "lon": 11.5,
                "tags": {
                    "amenity": "cafe",
                    "name": "Café Frauenzimmer",
                    "female": "only",
                    "internet_access": "wlan",
                    "addr:street": "Türkenstraße",
                    "addr:housenumber": "7",
                    "addr:postcode": "80799",
                    "addr:city": "München",
                    "price:range": "€€",
                },
            },
            {
                "type": "way",
                "id": 2,
                "nodes": [10, 11, 12, 10],
                "tags": {"tourism": "hotel", "name": "Hotel Königshof"},
            },
            {"type": "node", "id": 10, "lat": 48.0, "lon": 11.0},
            {"type": "node", "id": 11, "lat": 48.0, "lon": 11.3},
            {"type": "node", "id": 12, "lat": 48.3, "lon": 11.0},
            {"type": "node", "id": 3, "lat": 48.1, "lon": 11.5, "tags": {"amenity": "cafe"}},
        ]
    }
    cafe, hotel = from_overpass(data)
    assert cafe.tags == {"women_only", "wifi"} and cafe.price == 2
    assert cafe.address == "Türkenstraße 7, 80799 München" and cafe.city == "München"
    assert hotel.kind is VenueKind.HOTEL_LOUNGE
    assert (round(hotel.lat, 3), round(hotel.lon, 3)) == (48.1, 11.1)


@pytest.mark.parametrize("suffix", [".toml", ".csv"])
def test_import_writes_a_catalog_that_loads_back(extract, tmp_path, suffix):
    pbf, _json, _objects = extract
    target = tmp_path / f"venues{suffix}"
    count = import_osm(pbf, target)
    catalog = load_catalog([target], tz=TZ)
    assert len(catalog) == count >= 1000
    original = {v.name: v for v in load_osm(pbf)}
    for venue in catalog:
        before = original[venue.name]
        assert (venue.kind, venue.address, venue.opening_hours, venue.tags) == (
            before.kind,
            before.address,
            before.opening_hours,
            before.tags,
        )
    kinds = Counter(v.kind for v in catalog)
    assert set(kinds) == set(VenueKind)
    text = target.read_text(encoding="utf-8")
    assert "München" in text and "\\u00fc" not in text


def test_imported_odd_hours_count_as_unknown(extract, tmp_path):
    pbf, _json, _objects = extract
    target = tmp_path / "venues.toml"
    import_osm(pbf, target)
    catalog = load_catalog([target], tz=TZ)
    odd = next(v for v in catalog if v.opening_hours == "nach Vereinbarung")
    start = datetime(2026, 12, 7, 10, tzinfo=TZ)
    assert catalog.open_state(odd, start, start.replace(hour=11)) is OpenState.UNKNOWN


def test_bad_inputs_name_the_file(tmp_path):
    with pytest.raises(CatalogError, match="not found"):
        load_osm(tmp_path / "missing.osm.pbf")
    junk = tmp_path / "junk.osm.pbf"
    junk.write_bytes(b"this is not protobuf")
    with pytest.raises(CatalogError, match="junk.osm.pbf"):
        load_osm(junk)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"features": []}))
    with pytest.raises(CatalogError, match="Overpass"):
        load_osm(bad)
    with pytest.raises(CatalogError, match=r"\.toml or \.csv"):
        write_catalog([], tmp_path / "out.xlsx")
