"""Turn OpenStreetMap data (Overpass JSON, .osm.pbf extracts) into a venue catalog.

Tag mapping (first rule that matches wins):

=====================================================================  ==================
OSM tags                                                               venue kind
=====================================================================  ==================
``aeroway=lounge``; ``amenity=lounge`` with ``aeroway=*`` or
``airside=yes``; a lounge named "... Airport ..."/"Flughafen"          ``airport_lounge``
``amenity=lounge`` with ``railway=*``/``public_transport=station``,
or a lounge named "DB Lounge"/"Bahnhof"/"Hbf"                          ``station_lounge``
``amenity=lounge`` (other)                                             ``hotel_lounge``
``office=coworking``, ``amenity=coworking_space``                      ``coworking``
``amenity=conference_centre``, ``club=business``,
``office=association`` with ``association=business``                   ``networking``
``tourism=hotel``                                                      ``hotel_lounge``
``amenity=restaurant``                                                 ``restaurant``
``amenity=cafe``                                                       ``cafe``
``amenity=bar``, ``amenity=pub``, ``amenity=biergarten``               ``bar``
=====================================================================  ==================

Other attributes: ``addr:street`` + ``addr:housenumber``, ``addr:postcode`` + ``addr:city`` →
``address``/``city``; ``opening_hours`` is copied verbatim (invalid values stay, and count as
unknown); ``internet_access=wlan|yes|wifi`` → tag ``wifi``; ``female=only`` or ``female=yes`` with
``male=no`` → ``women_only``; ``private_room=yes`` or ``rooms`` → ``private_room``;
``price:range``/``price`` with 1-4 ``€``/``$`` signs → ``price``. Ways (buildings) are placed at
the mean of their node locations. Data © OpenStreetMap contributors, ODbL 1.0.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from planner.i18n import _
from planner.meet.kinds import OSM_KEYS, classify
from planner.meet.venues import CatalogError, Venue, make_venue, warn_invalid_hours
from planner.paths import write_atomic

CSV_COLUMNS = ("name", "kind", "lat", "lon", "address", "city", "opening_hours", "tags", "price")


def _address(tags: Mapping[str, Any]) -> tuple[str, str]:
    street = " ".join(str(tags[k]) for k in ("addr:street", "addr:housenumber") if k in tags)
    city = str(tags.get("addr:city", ""))
    town = " ".join(str(tags[k]) for k in ("addr:postcode", "addr:city") if k in tags)
    return ", ".join(p for p in (street, town) if p), city


def _extra_tags(tags: Mapping[str, Any]) -> list[str]:
    found = []
    if str(tags.get("internet_access", "")).lower() in ("wlan", "yes", "wifi"):
        found.append("wifi")
    female = tags.get("female")
    if female == "only" or (female == "yes" and tags.get("male") == "no"):
        found.append("women_only")
    if tags.get("private_room") == "yes" or "rooms" in tags:
        found.append("private_room")
    return found


def _price(tags: Mapping[str, Any]) -> int | None:
    text = str(tags.get("price:range") or tags.get("price") or "")
    signs = len(re.findall(r"[€$]", text))
    return signs if 1 <= signs <= 4 and signs == len(text.strip()) else None


def venue_from_tags(tags: Mapping[str, Any], lat: float, lon: float, where: str) -> Venue | None:
    """A venue for one OSM object, or None when it is unnamed or no meeting place."""
    kind = classify(tags)
    if kind is None or not str(tags.get("name", "")).strip():
        return None
    address, city = _address(tags)
    record = {
        "name": tags["name"],
        "kind": kind.value,
        "lat": lat,
        "lon": lon,
        "address": address,
        "city": city,
        "opening_hours": tags.get("opening_hours", ""),
        "tags": _extra_tags(tags),
        "price": _price(tags),
    }
    return make_venue(record, where)


def from_overpass(data: Mapping[str, Any], source: str = "overpass") -> list[Venue]:
    """Venues from an Overpass API JSON answer (``out center;`` or ``out geom;`` or with the
    ways' nodes included)."""
    elements = data.get("elements")
    if not isinstance(elements, list):
        raise CatalogError(source, _("is no Overpass JSON (no 'elements' list)"))
    elements = [e for e in elements if isinstance(e, dict)]  # an answer may hold anything
    nodes = {
        e["id"]: (e["lat"], e["lon"])
        for e in elements
        if e.get("type") == "node" and "id" in e and "lat" in e and "lon" in e
    }
    venues = []
    for element in elements:
        try:
            point = _element_point(element, nodes)
        except (TypeError, ValueError, KeyError):  # a broken element is no venue
            point = None
        tags = element.get("tags") or {}
        if not isinstance(tags, dict):
            continue
        if point is None or not tags:
            continue
        where = f"{source} {element.get('type')}/{element.get('id')}"
        venue = venue_from_tags(tags, point[0], point[1], where)
        if venue is not None:
            venues.append(venue)
    return venues


def _element_point(
    element: Mapping[str, Any], nodes: Mapping[int, tuple[float, float]]
) -> tuple[float, float] | None:
    if "lat" in element and "lon" in element:
        return float(element["lat"]), float(element["lon"])
    if "center" in element:
        return float(element["center"]["lat"]), float(element["center"]["lon"])
    points = [(g["lat"], g["lon"]) for g in element.get("geometry", ()) if g]
    if not points:
        points = [nodes[n] for n in element.get("nodes", ()) if n in nodes]
    return _mean(points)


def _mean(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    ring = points[:-1] if len(points) > 1 and points[0] == points[-1] else points
    return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)


def load_overpass(path: Path) -> list[Venue]:
    """Venues from an Overpass JSON file."""
    from planner.paths import read_input

    try:
        data = json.loads(read_input(path).decode("utf-8"))
    except FileNotFoundError:
        raise CatalogError(str(path), _("not found")) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogError(str(path), _("cannot be read: {error}", error=exc)) from None
    return from_overpass(data, str(path))


def load_pbf(path: Path) -> list[Venue]:
    """Venues from an OpenStreetMap extract (.osm.pbf, .osm, .osm.bz2): nodes and ways."""
    import osmium

    if not path.exists():
        raise CatalogError(str(path), _("not found"))
    processor = (
        osmium.FileProcessor(str(path), osmium.osm.NODE | osmium.osm.WAY)
        .with_locations()
        .with_filter(osmium.filter.KeyFilter(*OSM_KEYS))
    )
    venues = []
    try:
        for obj in processor:
            point = _osm_point(obj)
            if point is None:
                continue
            tags = {t.k: t.v for t in obj.tags}
            where = f"{path} {obj.type_str()}/{obj.id}"
            venue = venue_from_tags(tags, point[0], point[1], where)
            if venue is not None:
                venues.append(venue)
    except RuntimeError as exc:
        raise CatalogError(str(path), _("is no readable OSM file: {error}", error=exc)) from None
    return venues


def _osm_point(obj: Any) -> tuple[float, float] | None:
    if obj.is_node():
        return (obj.location.lat, obj.location.lon) if obj.location.valid() else None
    points = [(n.location.lat, n.location.lon) for n in obj.nodes if n.location.valid()]
    return _mean(points)


def load_osm(path: Path) -> list[Venue]:
    """Venues from an Overpass ``.json`` or an OSM extract, chosen by the file name."""
    venues = load_overpass(path) if path.name.lower().endswith(".json") else load_pbf(path)
    warn_invalid_hours(venues, str(path))
    return venues


def to_toml(venues: Iterable[Venue]) -> str:
    """The catalog as TOML ``[[venue]]`` tables (read by :func:`planner.meet.venues.load_file`)."""
    out = ["# Venues imported from OpenStreetMap. Data © OpenStreetMap contributors, ODbL 1.0.\n"]
    for venue in venues:
        out.append("\n[[venue]]\n")
        for key, value in _record(venue).items():
            if value in ("", None, []):
                continue
            out.append(f"{key} = {_toml_value(value)}\n")
    return "".join(out)


def _toml_value(value: Any) -> str:
    if isinstance(value, str | list):
        return json.dumps(value, ensure_ascii=False)  # JSON strings are TOML basic strings
    return repr(value)


def _record(venue: Venue) -> dict[str, Any]:
    return {
        "name": venue.name,
        "kind": venue.kind.value,
        "lat": round(venue.lat, 7),
        "lon": round(venue.lon, 7),
        "address": venue.address,
        "city": venue.city,
        "opening_hours": venue.opening_hours,
        "tags": sorted(venue.tags),
        "price": venue.price,
    }


def to_csv(venues: Iterable[Venue]) -> str:
    """The catalog as CSV with :data:`CSV_COLUMNS`; tags are separated by ``;``."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for venue in venues:
        row = _record(venue)
        row["tags"] = ";".join(row["tags"])
        row["price"] = "" if row["price"] is None else row["price"]
        writer.writerow(row)
    return buffer.getvalue()


def write_catalog(venues: Iterable[Venue], path: Path) -> int:
    """Write ``venues`` as TOML or CSV (by suffix); return how many were written."""
    items = list(venues)
    suffix = path.suffix.lower()
    if suffix not in (".toml", ".csv"):
        raise CatalogError(
            str(path),
            _("cannot write '{suffix}'", suffix=suffix),
            hint=_("name the output .toml or .csv"),
        )
    write_atomic(path, to_toml(items) if suffix == ".toml" else to_csv(items))
    return len(items)


def import_osm(source: Path, target: Path) -> int:
    """``planner venues import SOURCE TARGET``: convert an OSM file into a catalog file."""
    return write_catalog(load_osm(source), target)
