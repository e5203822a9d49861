"""Generate a realistic OpenStreetMap extract of Munich meeting places, without any network.

``write_extract(folder, seed)`` writes ``munich_pois.osm.pbf`` (with pyosmium's writer) and
``munich_pois.overpass.json`` (Overpass ``out center;`` shape) holding the same objects:
≥ 1,000 points of interest as nodes and as building ways, with the tag combinations found in
real OSM data (amenity, tourism, office, aeroway, addr:*, opening_hours incl. odd values,
internet_access, female, names with umlauts), plus noise objects that are no venues.

Run ``python tests/data/osm/generate.py OUT_DIR`` to look at the files by hand.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

PREFIXES = ["Zum", "Zur", "Café", "Gasthof", "Bräu", "Wirtshaus", "Bistro", "Trattoria", "Bar"]
STEMS = [
    "Löwen",
    "Grünen Baum",
    "Weißen Rössl",
    "Müllerbräu",
    "Schönfeld",
    "Südstern",
    "Glockenbach",
    "Isartor",
    "Hofbräu",
    "Straßenbahn",
    "Würmtal",
    "Nordend",
    "Bärenzwinger",
]
STREETS = [
    "Leopoldstraße",
    "Müllerstraße",
    "Schleißheimer Straße",
    "Türkenstraße",
    "Prinzregentenstraße",
    "Lindwurmstraße",
    "Sendlinger Straße",
    "Rosenheimer Straße",
]
POSTCODES = ["80331", "80333", "80469", "80538", "80796", "80802", "81541", "81667"]
HOURS = [
    "Mo-Fr 08:00-18:00; Sa 09:00-14:00",
    "Mo-Su 11:00-23:00",
    "Tu-Su 17:00-01:00; Mo off",
    "Mo-Fr 07:30-19:00; Sa,Su 09:00-17:00; PH off",
    "24/7",
    "Mo-Sa 10:00-22:00; Su,PH off",
    "Mo-Fr 11:30-14:30,17:30-23:00",
    "sunrise-sunset",
    "Mo-Th 16:00-24:00; Fr-Sa 16:00-03:00",
    "Mo-Fr 8-18 Uhr",  # odd: not valid OSM syntax
    "nach Vereinbarung",  # odd
    "Mo-Fr 09:00-17:00; Dec 24-26 off",
    "",
]
KINDS = [
    {"amenity": "restaurant", "cuisine": "regional"},
    {"amenity": "restaurant", "cuisine": "italian"},
    {"amenity": "cafe"},
    {"amenity": "bar"},
    {"amenity": "pub"},
    {"amenity": "biergarten"},
    {"tourism": "hotel", "stars": "4"},
    {"office": "coworking"},
    {"amenity": "coworking_space"},
    {"amenity": "conference_centre"},
    {"amenity": "lounge", "railway": "station"},
    {"aeroway": "lounge", "airside": "yes"},
]
NOISE = [
    {"amenity": "bench"},
    {"highway": "bus_stop", "name": "Marienplatz"},
    {"amenity": "parking"},
    {"shop": "bakery", "name": "Bäckerei Schmidt"},
]


def pois(count: int, seed: int) -> list[dict]:
    """``count`` venue objects plus some noise: dicts with type, id, lat, lon, tags."""
    rng = random.Random(seed)
    result = []
    for index in range(count):
        tags = dict(rng.choice(KINDS))
        tags["name"] = f"{rng.choice(PREFIXES)} {rng.choice(STEMS)} {index}"
        if rng.random() < 0.8:
            tags.update(
                {
                    "addr:street": rng.choice(STREETS),
                    "addr:housenumber": str(rng.randint(1, 180)),
                    "addr:postcode": rng.choice(POSTCODES),
                    "addr:city": "München",
                }
            )
        if hours := rng.choice(HOURS):
            tags["opening_hours"] = hours
        if rng.random() < 0.3:
            tags["internet_access"] = rng.choice(["wlan", "yes", "no"])
        if rng.random() < 0.02:
            tags["female"] = "only"
        lat = 48.06 + rng.random() * 0.16
        lon = 11.45 + rng.random() * 0.25
        kind = "way" if index % 5 == 0 else "node"
        result.append({"type": kind, "id": 1000 + index, "lat": lat, "lon": lon, "tags": tags})
    for index, tags in enumerate(NOISE * 20):
        result.append(
            {
                "type": "node",
                "id": 900000 + index,
                "lat": 48.1 + index * 1e-4,
                "lon": 11.5,
                "tags": tags,
            }
        )
    return result


def _square(lat: float, lon: float) -> list[tuple[float, float]]:
    d = 0.0002
    return [(lat, lon), (lat, lon + d), (lat + d, lon + d), (lat + d, lon), (lat, lon)]


def write_pbf(objects: list[dict], path: Path) -> None:
    import osmium
    from osmium.osm.mutable import Node, Way

    if path.exists():
        path.unlink()
    writer = osmium.SimpleWriter(str(path))
    try:
        node_id = 5_000_000
        ways = []
        for obj in objects:
            if obj["type"] == "node":
                writer.add_node(
                    Node(
                        id=obj["id"], location=(obj["lon"], obj["lat"]), tags=obj["tags"], version=1
                    )
                )
                continue
            refs = []
            for lat, lon in _square(obj["lat"], obj["lon"])[:-1]:
                node_id += 1
                writer.add_node(Node(id=node_id, location=(lon, lat), version=1))
                refs.append(node_id)
            ways.append(
                Way(
                    id=obj["id"],
                    nodes=[*refs, refs[0]],
                    tags={**obj["tags"], "building": "yes"},
                    version=1,
                )
            )
        for way in ways:  # OSM files hold all nodes before the ways
            writer.add_way(way)
    finally:
        writer.close()


def overpass(objects: list[dict]) -> dict:
    elements = []
    for obj in objects:
        if obj["type"] == "node":
            elements.append(
                {
                    "type": "node",
                    "id": obj["id"],
                    "lat": obj["lat"],
                    "lon": obj["lon"],
                    "tags": obj["tags"],
                }
            )
        else:
            ring = _square(obj["lat"], obj["lon"])
            center = {
                "lat": sum(p[0] for p in ring[:-1]) / 4,
                "lon": sum(p[1] for p in ring[:-1]) / 4,
            }
            elements.append(
                {
                    "type": "way",
                    "id": obj["id"],
                    "center": center,
                    "nodes": list(range(len(ring))),
                    "tags": obj["tags"],
                }
            )
    return {
        "version": 0.6,
        "generator": "Overpass API 0.7.62 (generated for tests)",
        "osm3s": {
            "copyright": "The data included in this document is from "
            "www.openstreetmap.org. The data is made available under ODbL."
        },
        "elements": elements,
    }


def write_extract(folder: Path, count: int = 1200, seed: int = 7) -> tuple[Path, Path, list]:
    objects = pois(count, seed)
    folder.mkdir(parents=True, exist_ok=True)
    pbf = folder / "munich_pois.osm.pbf"
    write_pbf(objects, pbf)
    js = folder / "munich_pois.overpass.json"
    js.write_text(json.dumps(overpass(objects), ensure_ascii=False), encoding="utf-8")
    return pbf, js, objects


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    print(*write_extract(out)[:2])
