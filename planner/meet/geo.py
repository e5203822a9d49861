"""Where places are: coordinates for events, venues and free text.

A place gets its coordinates, in this order, from:

1. the coordinates the provider gives (``Event.geo``),
2. the venue catalog (a venue whose name appears in the text),
3. an offline look-up (:mod:`planner.meet.gazetteer`): a postal code (countrystatecity, ODbL)
   names a locality, and a city name (GeoNames, CC BY) gives its coordinates,
4. only when ``[geo] online = true``: Nominatim (OpenStreetMap) through geopy and its
   ``RateLimiter``, at most one request per second, with the User-Agent from
   ``[geo] user_agent``, results cached in the state store. Results carry
   :data:`ATTRIBUTION`, which the CLI must show.

How long the way between two places takes is :mod:`planner.meet.travel_time`'s.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from planner.i18n import _
from planner.meet.nominatim import ATTRIBUTION as ATTRIBUTION
from planner.meet.nominatim import CACHE_NAMESPACE as CACHE_NAMESPACE
from planner.meet.nominatim import DEFAULT_USER_AGENT as DEFAULT_USER_AGENT
from planner.meet.nominatim import NOMINATIM_TIMEOUT, Nominatim
from planner.meet.nominatim import GeocodeError as GeocodeError
from planner.meet.place import COARSE_SOURCES as COARSE_SOURCES
from planner.meet.place import Place, fold
from planner.meet.place import distance_km as distance_km
from planner.model import Geo
from planner.online import outages
from planner.online.failure import Failure
from planner.people.postal import TOWN_BESIDE_CODE, code_at_end, country_code, is_country

if TYPE_CHECKING:
    from planner.config import Config
    from planner.store import Store

log = logging.getLogger("planner")

SERVICE = "geocoding"  # its name in planner.online.outages
FOREIGN_WORD_POPULATION = 1_000_000
_POSTAL = re.compile(r"(?<!\d)(\d{5})(?!\d)")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: An elided Dutch article the gazetteer's names go without ("'s-Hertogenbosch", "'t Zandt")
_ELIDED = re.compile(r"^'(?:s-|t\s)", re.IGNORECASE)


def same_town(a: str, b: str) -> bool:
    """Whether two names are one town ("München" and "Munich", "Wien" and "Vienna", "Köln
    Hbf" and "Cologne"): the same name, or the same city of the offline gazetteer; a station
    or an airport code after the town's name is the town."""
    a, b = _town_part(a), _town_part(b)
    one, other = a.casefold(), b.casefold()
    if one == other or one.startswith(other + " ") or other.startswith(one + " "):
        return True  # "Paris Gare de Lyon" is in Paris
    first, second = lookup_city(a), lookup_city(b)
    return first is not None and second is not None and first.name == second.name


#: what follows a town's name in a journey's destination: a station, an airport (code)
_STATION_RE = re.compile(
    r"\s*(?:\([A-Z]{3}\)|\b(?:hbf|hb|hauptbahnhof|bahnhof|bhf|gare|central|centraal|"
    r"airport|flughafen|stazione)\b\.?)\s*$",
    re.IGNORECASE,
)


def _town_part(name: str) -> str:
    text = name.strip()
    while (shorter := _STATION_RE.sub("", text)) != text and shorter:
        text = shorter
    return text


def lookup_city(
    name: str, country: str = "DE", *, min_foreign: int = 0, only_there: bool = False
) -> Place | None:
    """Offline coordinates of a city by any of its names ("München", "Munich", "Muenchen").

    Cities outside ``country`` count only from ``min_foreign`` inhabitants on, or not at all
    with ``only_there`` (an address that names its country).
    """
    from planner.meet.gazetteer import find

    written, name = name.strip(), name.strip().replace("’", "'")
    hit = find(name.casefold(), country) or find(fold(name), country)
    if hit is None and (bare := _ELIDED.sub("", name)) != name:  # "'s-Hertogenbosch"
        hit = find(bare.casefold(), country) or find(fold(bare), country)
    if hit is None or (not hit[0] and (only_there or hit[1] < min_foreign)):
        return None
    return Place(hit[2], hit[3], hit[4], "city", city=as_written(written, hit[2]))


#: Words of town names written in small letters, in the languages of addresses planner reads
#: ("Frankfurt am Main", "Stratford-upon-Avon", "Saint-Martin-de-Ré", "Bergen op Zoom")
_SMALL_WORDS = frozenset(
    "am an auf bei der die das im in ob vor de du des la le les lès sur sous en aux upon on "
    "of the and aan den op van di del della sul".split()
)


def as_written(written: str, name: str) -> str:
    """A city as the user's own text names it: "München", "Wien", where the gazetteer says
    "Munich", "Vienna" (a German plan said "lives or works in Munich (… 80539 München)"); in
    capitals or small letters only, with a name's capitals ("1010 WIEN", "köln": "Wien",
    "Köln"); the gazetteer's ``name`` where they differ only in accents or case ("Zurich":
    "Zürich") and for a code ("PHX": "Phoenix")."""
    text = " ".join(written.split())
    if not text or fold(text) == fold(name):
        return name
    if text.isupper() and len(text) <= 3:
        return name  # a code ("PHX", "NYC"), no name to write
    if text.isupper() or text.islower():
        return _cased(text)
    return text


def _cased(text: str) -> str:
    """``frankfurt am main`` / ``BADEN-BADEN``: "Frankfurt am Main", "Baden-Baden"."""

    def word(part: str, first: bool) -> str:
        lower = part.lower()
        return lower if lower in _SMALL_WORDS and not first else lower[:1].upper() + lower[1:]

    words = text.split(" ")
    return " ".join(
        "-".join(word(piece, i == 0 and j == 0) for j, piece in enumerate(w.split("-")))
        for i, w in enumerate(words)
    )


def postal_locality(code: str, country: str = "DE") -> str | None:
    """The locality a postal code belongs to, offline; None when unknown."""
    from planner.meet.gazetteer import postal_locality as locality

    return locality(code, country)


def locate_offline(text: str, country: str = "DE") -> Place | None:
    """Coordinates for a free-text place from its postal code or a city name in it.

    A postal code counts first when its locality is named in the text too ("80802 München");
    a bare code only when no city name is found (a US ZIP code may also be a German one).
    """
    fallback = None
    for code in _POSTAL.findall(text):
        locality = postal_locality(code, country)
        if locality and (city := lookup_city(locality, country)):
            place = Place(text, city.lat, city.lon, "postal_code", city=city.city)
            if fold(locality.split()[0]) in fold(text):
                return place
            fallback = fallback or place
    return _city_in_text(text, country) or fallback


def _city_in_text(text: str, country: str) -> Place | None:
    code, rest, sure = code_at_end(text)  # "8001 Zürich CH", "Freiburg, CH"
    if code:
        kept = [p.strip() for p in re.split(r"[,;/()\n]", rest)]
        found = _city_in(text, kept, code, country)
        # a US state or an Italian province written so ("Chicago, IL", "50122 Firenze FI")
        # is a country only where its town is found there
        return found if sure or found or code == country else _city_in_text(rest, country)
    parts = [p.strip() for p in re.split(r"[,;/()\n]", text) if p.strip()]
    # an address that names its country has its town there ("3580 Horn, Österreich" is no
    # Hamburg-Horn, "Freiburg, Schweiz" no Freiburg im Breisgau); none found there: None
    named = next((code for p in reversed(parts) if (code := country_code(p))), "")
    return _city_in(text, parts, named, country)


def _city_in(text: str, parts: list[str], named: str, country: str) -> Place | None:
    """The town of ``parts`` of ``text`` in the country ``named`` (only there, when it is
    not the user's ``country``), else in ``country``."""
    parts = [p for p in parts if p]
    there = named or country
    strict = bool(named) and named != country
    for part in reversed(parts):
        if is_country(part):
            continue
        if city := lookup_city(part, there, only_there=strict):
            return Place(text, city.lat, city.lon, "city", city=city.city)
        beside = TOWN_BESIDE_CODE.match(part)  # "27613-3502 Raleigh", "Québec G1V 2M2"
        town = beside and (beside.group(1) or beside.group(2))
        if town and (city := lookup_city(town, there, only_there=strict)):
            return Place(text, city.lat, city.lon, "city", city=city.city)
        words = _WORD.findall(part)
        pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
        # single words of a longer text: abroad only big cities ("Raum" is no Rauma)
        for candidate in [*reversed(pairs), *reversed(words)]:
            found = lookup_city(
                candidate, there, min_foreign=FOREIGN_WORD_POPULATION, only_there=strict
            )
            if found is not None:
                return Place(text, found.lat, found.lon, "city", city=found.city)
    # a city-state by its own name ("Singapore", "Luxembourg"), not a town a country's
    # short form also names ("USA")
    for part in reversed(parts):
        city = lookup_city(part, country) if is_country(part) else None
        if city is not None and fold(city.name) == fold(part):
            return Place(text, city.lat, city.lon, "city", city=city.city)
    return None


class VenueLookup(Protocol):
    def find_by_name(self, text: str) -> Place | None: ...


class Geocoder:
    """Locates event places and free text, remembering every answer for the run."""

    def __init__(
        self,
        config: Config,
        venues: VenueLookup | None = None,
        *,
        store_factory: Callable[[], Store] | None = None,
    ) -> None:
        self.country = config["geo"]["country"]
        self.venues = venues
        self._online: Nominatim | None = None
        self._memo: dict[str, Place | None] = {}
        self._offline = OfflineCache(store_factory(), self.country) if store_factory else None
        self.tz = config.tz
        if config["geo"]["online"]:
            store = store_factory() if store_factory else _default_store()
            agent = str(config["geo"]["user_agent"]).strip() or DEFAULT_USER_AGENT
            timeout = min(NOMINATIM_TIMEOUT, float(config["geo"]["timeout_seconds"]))
            self._online = Nominatim(config["geo"]["nominatim_url"], agent, store, timeout=timeout)

    def locate(self, text: str, geo: Geo | None = None) -> Place | None:
        """Coordinates for a place text, ``geo`` (from the provider) taking precedence."""
        if geo is not None:
            return Place(text, geo.lat, geo.lon, "event")
        text = text.strip()
        if not text or text.lower().startswith(("http://", "https://")):
            return None
        if text not in self._memo:
            self._memo[text] = self._locate(text)
        return self._memo[text]

    def known(self, text: str) -> bool:
        """Whether :meth:`locate` answers ``text`` from what this run located already,
        looking nothing up and writing nothing (what a forked worker may ask)."""
        text = text.strip()
        return not text or text.lower().startswith(("http://", "https://")) or text in self._memo

    def _locate(self, text: str) -> Place | None:
        if self.venues is not None and (place := self.venues.find_by_name(text)):
            return place
        if place := self._locate_offline(text):
            return place
        if self._online is None:
            return None
        if (cached := self._online.cached(text)) is not None:
            return cached
        if not outages.usable(SERVICE):
            return None
        try:
            found = self._online.search(text)
        except GeocodeError as exc:
            self._offline_now(exc)
            return None
        outages.succeeded(SERVICE, self._online.store)
        return found

    def _offline_now(self, exc: GeocodeError) -> None:
        """Say once that geocoding is down and ask it no more in this run."""
        assert self._online is not None
        outages.failed(
            SERVICE,
            _("Geocoding (Nominatim at {host})", host=host_of(self._online.base_url)),
            exc.failure or Failure("error", str(exc)),
            fallback=_("places are located from the offline data for the rest of this run"),
            store=self._online.store,
            tz=self.tz,
        )

    def zone_name(self, lat: float, lon: float) -> str:
        """The name of the zone at a point (:func:`planner.meet.local_zone.zone_name`), kept
        with the offline answers: a later run over the same places never loads the time-zone
        boundaries."""
        from planner.meet.local_zone import zone_name

        if self._offline is None:
            return zone_name(lat, lon)
        known, name = self._offline.zone(lat, lon)
        if not known:
            name = zone_name(lat, lon)
            self._offline.put_zone(lat, lon, name)
        return name

    def _locate_offline(self, text: str) -> Place | None:
        if self._offline is None:
            return locate_offline(text, self.country)
        known, place = self._offline.get(text)
        if not known:
            place = locate_offline(text, self.country)
            self._offline.put(text, place)
        return place


class OfflineCache:
    """Answers of :func:`locate_offline` kept in the state database, so that a later run with
    the same places never loads the city and postal-code tables (half a second)."""

    VERSION = 2  # raise when the offline look-up changes its answers (2: cities as written)

    def __init__(self, store: Store, country: str) -> None:
        self.store = store
        self.country = country
        store.ensure(
            "geo_offline",
            self.VERSION,
            "DROP TABLE IF EXISTS geo_offline; CREATE TABLE geo_offline (country TEXT, text TEXT,"
            " name TEXT, lat REAL, lon REAL, source TEXT, city TEXT, PRIMARY KEY (country, text))",
        )
        self._known: dict[str, Place | None] | None = None
        self._zones: dict[tuple[float, float], str] | None = None
        self._boundaries = ""

    def _load(self) -> dict[str, Place | None]:
        if self._known is None:
            rows = self.store.conn.execute(
                "SELECT text, name, lat, lon, source, city FROM geo_offline WHERE country = ?",
                (self.country,),
            )
            self._known = {
                text: Place(name, lat, lon, source, city=city) if source else None
                for text, name, lat, lon, source, city in rows
            }
        return self._known

    def get(self, text: str) -> tuple[bool, Place | None]:
        """(whether the text was looked up before, the answer then)."""
        known = self._load()
        return (text in known, known.get(text))

    def put(self, text: str, place: Place | None) -> None:
        self._load()[text] = place
        row = (
            (place.name, place.lat, place.lon, place.source, place.city)
            if place
            else (None, None, None, None, None)
        )
        with self.store.conn:
            self.store.conn.execute(
                "INSERT OR REPLACE INTO geo_offline VALUES (?, ?, ?, ?, ?, ?, ?)",
                (self.country, text, *row),
            )

    def zone(self, lat: float, lon: float) -> tuple[bool, str]:
        """(whether the installed time-zone boundaries told the zone at the point before,
        its name then)."""
        name = self._zone_table().get((lat, lon))
        return (name is not None, name or "")

    def put_zone(self, lat: float, lon: float, name: str) -> None:
        self._zone_table()[(lat, lon)] = name
        with self.store.conn:
            self.store.conn.execute(
                "INSERT OR REPLACE INTO geo_zone VALUES (?, ?, ?, ?)",
                (lat, lon, self._boundaries, name),
            )

    def _zone_table(self) -> dict[tuple[float, float], str]:
        if self._zones is None:
            from planner.meet.local_zone import boundaries_version

            self._boundaries = boundaries_version()
            self.store.ensure("geo_zone", 1, ZONE_DDL)
            rows = self.store.conn.execute(
                "SELECT lat, lon, name FROM geo_zone WHERE boundaries = ?", (self._boundaries,)
            )
            self._zones = {(lat, lon): name for lat, lon, name in rows}
        return self._zones


ZONE_DDL = (
    "DROP TABLE IF EXISTS geo_zone; CREATE TABLE geo_zone (lat REAL, lon REAL,"
    " boundaries TEXT, name TEXT NOT NULL, PRIMARY KEY (lat, lon))"
)


def host_of(url: str) -> str:
    """``host[:port]`` of a URL, as messages name a server."""
    from urllib.parse import urlsplit

    return urlsplit(url).netloc or url


def _default_store() -> Store:
    from planner.store import open_store

    return open_store()
