"""The venue catalog: places to meet, from TOML, CSV or GeoJSON files.

TOML: ``[[venue]]`` tables with ``name``, ``kind``, ``lat``, ``lon`` and optionally ``address``,
``city``, ``opening_hours`` (OpenStreetMap syntax, e.g. ``"Mo-Fr 08:00-20:00; Su off"``),
``tags`` (``quiet``, ``private_room``, ``wifi``, ``women_only``, ``favourite``, …) and ``price``
(1-4). CSV: the same names as columns, ``tags`` separated by ``;``. GeoJSON: Point features whose
properties carry the same keys; OpenStreetMap-style properties (``amenity``, ``tourism``, …) are
mapped with :func:`planner.meet.kinds.classify`.

Opening hours are parsed with opening-hours-py once per venue and evaluated lazily, cached per
(venue, day). A venue without opening hours is "unknown": it may be proposed, with a warning.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import tomllib
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from planner.errors import PlannerError
from planner.i18n import _, ngettext
from planner.meet.geo import Place
from planner.meet.kinds import VenueKind
from planner.model import Geo

log = logging.getLogger("planner")

TAGS = frozenset({"quiet", "private_room", "wifi", "women_only", "favourite"})
_CELL_DEG = 0.02  # grid cell for the spatial index, about 2 km


class CatalogError(PlannerError):
    """A venue file cannot be read or holds an invalid entry."""

    def __init__(self, source: str, message: str, *, hint: str = "") -> None:
        self.source = source
        super().__init__(f"{source}: {message}", hint=hint)


class OpenState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Venue:
    """One place to meet. ``opening_hours`` is OpenStreetMap syntax; empty means unknown."""

    name: str
    kind: VenueKind
    lat: float
    lon: float
    address: str = ""
    city: str = ""
    opening_hours: str = ""
    tags: frozenset[str] = frozenset()
    price: int | None = None
    source: str = ""

    @property
    def geo(self) -> Geo:
        return Geo(self.lat, self.lon)

    def has(self, tag: str) -> bool:
        return tag in self.tags


@dataclass
class Catalog:
    """Venues with a grid index and cached opening hours.

    ``tz`` is the zone opening hours are read in (the user's, unless a file says otherwise).
    """

    venues: list[Venue]
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Berlin"))
    favourites: frozenset[str] = frozenset()
    _grid: dict[tuple[int, int], list[int]] = field(default_factory=dict, repr=False)
    _days: dict[tuple[Venue, date], list[tuple[datetime, datetime, OpenState]]] = field(
        default_factory=dict, repr=False
    )
    _names: dict[str, int] | None = field(default=None, repr=False)
    _favourite_list: tuple[frozenset[str], list[Venue]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for index, venue in enumerate(self.venues):
            self._grid.setdefault(_cell(venue.lat, venue.lon), []).append(index)

    def __len__(self) -> int:
        return len(self.venues)

    def extend(self, venues: Iterable[Venue]) -> int:
        """Add venues not in the catalog yet (same name and place); return how many were new."""
        seen = {(v.name.casefold(), round(v.lat, 4), round(v.lon, 4)) for v in self.venues}
        added = 0
        for venue in venues:
            key = (venue.name.casefold(), round(venue.lat, 4), round(venue.lon, 4))
            if key in seen:
                continue
            seen.add(key)
            self._grid.setdefault(_cell(venue.lat, venue.lon), []).append(len(self.venues))
            self.venues.append(venue)
            added += 1
        if added:
            self._names = None
            self._favourite_list = None
        return added

    def __iter__(self) -> Iterator[Venue]:
        return iter(self.venues)

    def is_favourite(self, venue: Venue) -> bool:
        return venue.has("favourite") or venue.name.casefold() in self.favourites

    def favourite_venues(self) -> list[Venue]:
        """The user's favourites (tag ``favourite`` or named in ``[venues] favourites``)."""
        if self._favourite_list is None or self._favourite_list[0] != self.favourites:
            found = [v for v in self.venues if self.is_favourite(v)]
            self._favourite_list = (self.favourites, found)
        return self._favourite_list[1]

    def near(
        self, point: Geo, radius_km: float, kinds: Collection[VenueKind] | None = None
    ) -> list[tuple[float, Venue]]:
        """``(distance_km, venue)`` within ``radius_km`` of ``point``, nearest first.

        Uses the grid and a flat-earth distance (exact enough within a region); ``kinds``
        keeps only venues of those kinds.
        """
        coslat = max(0.1, math.cos(math.radians(point.lat)))
        dlat = radius_km / 110.57
        dlon = radius_km / (111.32 * coslat)
        lo = _cell(point.lat - dlat, point.lon - dlon)
        hi = _cell(point.lat + dlat, point.lon + dlon)
        found: list[tuple[float, Venue]] = []
        for x in range(lo[0], hi[0] + 1):
            for y in range(lo[1], hi[1] + 1):
                for index in self._grid.get((x, y), ()):
                    venue = self.venues[index]
                    if kinds is not None and venue.kind not in kinds:
                        continue
                    dy = (venue.lat - point.lat) * 110.57
                    dx = (venue.lon - point.lon) * 111.32 * coslat
                    km = math.sqrt(dx * dx + dy * dy)
                    if km <= radius_km:
                        found.append((km, venue))
        found.sort(key=lambda pair: (pair[0], pair[1].name))
        return found

    def find_by_name(self, text: str) -> Place | None:
        """The venue whose name is ``text`` or starts it ("Café Luitpold, Brienner Str. 11")."""
        if self._names is None:
            self._names = {v.name.casefold(): i for i, v in enumerate(self.venues)}
        folded = text.casefold().strip()
        candidates = [folded, folded.split(",")[0].strip()]
        for key in candidates:
            if key in self._names:
                venue = self.venues[self._names[key]]
                return Place(venue.name, venue.lat, venue.lon, "venue", city=venue.city)
        return None

    def open_state(
        self, venue: Venue, start: datetime, end: datetime, tz: ZoneInfo | None = None
    ) -> OpenState:
        """Whether ``venue`` is open for all of ``[start, end)``: closed if closed at any moment.
        Its hours are its local time: ``tz``, the zone where it is (default: the catalog's)."""
        if not venue.opening_hours:
            return OpenState.UNKNOWN
        zone = tz or self.tz
        local_start = start.astimezone(zone).replace(tzinfo=None)
        local_end = end.astimezone(zone).replace(tzinfo=None)
        state = OpenState.OPEN
        day = local_start.date()
        while datetime.combine(day, time()) < local_end:
            for lo, hi, st in self._day(venue, day):
                if lo < local_end and hi > local_start and st is not OpenState.OPEN:
                    if st is OpenState.CLOSED:
                        return OpenState.CLOSED
                    state = OpenState.UNKNOWN
            day += timedelta(days=1)
        return state

    def _day(self, venue: Venue, day: date) -> list[tuple[datetime, datetime, OpenState]]:
        key = (venue, day)
        cached = self._days.get(key)
        if cached is None:
            parsed = parse_opening_hours(venue.opening_hours)
            cached = self._days[key] = _day_states(parsed, day)
        return cached


DEMO_CATALOG = "venues_munich.toml"
DEMO_DIR = Path(__file__).resolve().parents[1] / "demo"


@lru_cache(maxsize=8192)
def parse_opening_hours(text: str) -> Any:
    """An ``opening_hours.OpeningHours``, or None when the text is not valid OSM syntax.

    Cached by text: many venues share the same hours.
    """
    import opening_hours

    try:
        return opening_hours.OpeningHours(text)
    except (opening_hours.ParserError, SyntaxError, ValueError):
        return None


def _day_states(parsed: Any, day: date) -> list[tuple[datetime, datetime, OpenState]]:
    start = datetime.combine(day, time())
    end = start + timedelta(days=1)
    if parsed is None:
        return [(start, end, OpenState.UNKNOWN)]
    return [(lo, hi, OpenState(str(st))) for lo, hi, st, _c in parsed.intervals(start, end)]


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return (math.floor(lat / _CELL_DEG), math.floor(lon / _CELL_DEG))


# --- loading ---------------------------------------------------------------------------------


def make_venue(data: Mapping[str, Any], where: str, default_kind: str | None = None) -> Venue:
    """A :class:`Venue` from one record; :class:`CatalogError` names ``where`` and the key."""
    name = str(data.get("name") or "").strip()
    if not name:
        raise CatalogError(where, _("key 'name' is missing"), hint=_("every venue needs a name"))
    kind_text = str(data.get("kind") or default_kind or "").strip()
    try:
        kind = VenueKind(kind_text)
    except ValueError:
        kinds = ", ".join(k.value for k in VenueKind)
        raise CatalogError(
            where,
            _("venue '{name}': key 'kind' is '{kind}'", name=name, kind=kind_text),
            hint=_("use one of {kinds}", kinds=kinds),
        ) from None
    lat, lon = _coordinate(data, "lat", where, name), _coordinate(data, "lon", where, name)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise CatalogError(where, _("venue '{name}': coordinates out of range", name=name))
    hours = str(data.get("opening_hours") or "").strip()
    return Venue(
        name=name,
        kind=kind,
        lat=lat,
        lon=lon,
        address=str(data.get("address") or ""),
        city=str(data.get("city") or ""),
        opening_hours=hours,
        tags=_tags(data.get("tags")),
        price=_price(data.get("price"), where, name),
        source=where,
    )


def _coordinate(data: Mapping[str, Any], key: str, where: str, name: str) -> float:
    try:
        return float(data[key])
    except (KeyError, TypeError, ValueError):
        raise CatalogError(
            where, _("venue '{name}': key '{key}' must be a number", name=name, key=key)
        ) from None


def _tags(value: Any) -> frozenset[str]:
    if value is None or value == "":
        return frozenset()
    items = value.split(";") if isinstance(value, str) else value
    return frozenset(str(t).strip().lower() for t in items if str(t).strip())


def _price(value: Any, where: str, name: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        price = int(value)
    except (TypeError, ValueError):
        price = 0
    if not 1 <= price <= 4:
        raise CatalogError(where, _("venue '{name}': key 'price' must be 1 to 4", name=name))
    return price


def load_file(path: Path, default_kind: str | None = None) -> list[Venue]:
    """Venues from one TOML, CSV or GeoJSON file (chosen by its suffix)."""
    suffix = path.suffix.lower()
    loaders = {
        ".toml": _load_toml,
        ".csv": _load_csv,
        ".geojson": _load_geojson,
        ".json": _load_geojson,
    }
    if suffix not in loaders:
        raise CatalogError(
            str(path),
            _("unknown venue file type '{suffix}'", suffix=suffix),
            hint=_("use .toml, .csv or .geojson"),
        )
    try:
        return loaders[suffix](path, default_kind)
    except FileNotFoundError:
        raise CatalogError(
            str(path), _("not found"), hint=_("fix the path in [venues] files")
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(str(path), _("cannot be read: {error}", error=exc)) from None


def _text(path: Path) -> str:
    """A venue file's text: a regular file only, within the input size limit."""
    from planner.paths import read_text_input

    return read_text_input(path)


def _load_toml(path: Path, default_kind: str | None) -> list[Venue]:
    try:
        data = tomllib.loads(_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(str(path), _("is not valid TOML: {error}", error=exc)) from None
    entries = data.get("venue", [])
    if not isinstance(entries, list):
        raise CatalogError(str(path), _("'venue' must be a list of [[venue]] tables"))
    return [
        make_venue(e, f"{path} [[venue]] #{i}", default_kind)
        for i, e in enumerate(entries, start=1)
    ]


def _load_csv(path: Path, default_kind: str | None) -> list[Venue]:
    import io

    reader = csv.DictReader(io.StringIO(_text(path), newline=""))
    return [make_venue(row, f"{path}:{reader.line_num}", default_kind) for row in reader]


def _load_geojson(path: Path, default_kind: str | None) -> list[Venue]:
    from planner.meet.kinds import classify

    try:
        data = json.loads(_text(path))
    except json.JSONDecodeError as exc:
        raise CatalogError(str(path), _("is not valid JSON: {error}", error=exc)) from None
    if not isinstance(data, dict) or not isinstance(data.get("features", []), list):
        raise CatalogError(str(path), _("is no GeoJSON FeatureCollection"))
    venues = []
    skipped = 0
    for i, feature in enumerate(data.get("features", []), start=1):
        geometry = feature.get("geometry") or {}
        props = dict(feature.get("properties") or {})
        if geometry.get("type") != "Point" or not props.get("name"):
            skipped += 1
            continue
        props["lon"], props["lat"] = geometry["coordinates"][:2]
        osm_kind = classify(props)
        kind = props.get("kind") or (osm_kind.value if osm_kind else default_kind)
        venues.append(make_venue({**props, "kind": kind}, f"{path} feature #{i}"))
    if skipped:
        log.info("%s: %d features without a name or point geometry skipped", path, skipped)
    return venues


def warn_invalid_hours(venues: Sequence[Venue], source: str) -> int:
    """Log one warning for all venues of ``source`` whose opening hours are not valid OSM
    syntax (they count as unknown); return how many there are."""
    bad = [v for v in venues if v.opening_hours and parse_opening_hours(v.opening_hours) is None]
    if bad:
        examples = "; ".join(f"'{v.name}': '{v.opening_hours}'" for v in bad[:3])
        log.warning(
            ngettext(
                "{source}: {count} venue has opening_hours that are not valid OSM syntax and "
                "counts as unknown (e.g. {examples})",
                "{source}: {count} venues have opening_hours that are not valid OSM syntax and "
                "count as unknown (e.g. {examples})",
                len(bad),
                source=source,
                examples=examples,
            ),
        )
    return len(bad)


def load_catalog(
    paths: Iterable[Path | str],
    *,
    tz: ZoneInfo | None = None,
    favourites: Sequence[str] = (),
    default_kind: str | None = None,
    check_hours: bool = True,
) -> Catalog:
    """One catalog from several files; venues with the same name and place are kept once.
    ``check_hours``: warn of invalid opening hours. A venue's source names its file, not the
    folder (results may be shown to others); errors while loading name the whole path."""
    venues: list[Venue] = []
    seen: set[tuple[str, float, float]] = set()
    for path in map(Path, paths):
        loaded = load_file(path.expanduser(), default_kind)
        if check_hours:
            warn_invalid_hours(loaded, str(path))
        for venue in _named(loaded, path):
            key = (venue.name.casefold(), round(venue.lat, 4), round(venue.lon, 4))
            if key not in seen:
                seen.add(key)
                venues.append(venue)
    return Catalog(venues, tz or ZoneInfo("Europe/Berlin"), _fold_names(favourites))


def _named(venues: list[Venue], path: Path) -> Iterator[Venue]:
    here = str(path.expanduser())
    shown = ("planner:" if path.resolve().parent == DEMO_DIR else "") + path.name
    return (replace(v, source=v.source.replace(here, shown, 1)) for v in venues)


def demo_catalog(tz: ZoneInfo | None = None) -> Catalog:
    """The packaged sample catalog of Munich venues (sample data, not a recommendation).

    Its opening hours are known to be valid (``tests/meet/test_venues.py``), so they are not
    checked at each run: a plan whose proposals come from the cache then needs no parser of
    opening hours at all. Read from the package folder where it is a plain file (no import of
    importlib.resources), else through importlib.resources (a zipped install)."""
    packaged = DEMO_DIR / DEMO_CATALOG
    if packaged.is_file():
        return load_catalog([packaged], tz=tz, check_hours=False)
    from importlib.resources import as_file, files

    with as_file(files("planner.demo").joinpath(DEMO_CATALOG)) as path:
        return load_catalog([path], tz=tz, check_hours=False)


def catalog_from_config(config: Any) -> Catalog:
    """The catalog of ``[venues] files`` (or the demo catalog when none is configured) and the
    venues added by hand (:mod:`planner.meet.added`; for a config read from a file, so not
    for the demo)."""
    files = config["venues"]["files"]
    if not files:
        catalog = demo_catalog(config.tz)
    else:
        catalog = load_catalog(files, tz=config.tz)  # the loader made the paths absolute
    if config.path is not None:
        catalog.extend(added_venues())
    catalog.favourites = _fold_names(config["venues"]["favourites"])
    return catalog


ADDED = Path("venues") / "added.toml"  # in the data directory (planner.meet.added)


def added_path() -> Path:
    """planner's own catalog file of the venues added by hand (``planner venues add``)."""
    from planner.paths import data_dir

    return data_dir() / ADDED


def added_venues() -> list[Venue]:
    """The venues added by hand (none when the file does not exist)."""
    path = added_path()
    return load_file(path) if path.is_file() else []


def _fold_names(names: Iterable[str]) -> frozenset[str]:
    return frozenset(n.casefold().strip() for n in names)
