"""The user's catalog of venues fetched from OpenStreetMap, kept in the state database.

``osm_areas`` remembers which circles were fetched and when; ``osm_venues`` holds the venues
with the date they were fetched. An area counts as known for ``[venues] max_age_days``; after
that it is fetched again (when allowed). A failed fetch changes nothing: the old rows stay.

:class:`VenueSupply` is what proposals use: before venues are looked for around a centre it
makes sure there are some — fetched when ``[geo] online = true``, otherwise the gap is noted so
that the message can name the one command that fills it. Data © OpenStreetMap contributors,
ODbL 1.0 (:data:`planner.meet.overpass.ATTRIBUTION`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from planner.i18n import _
from planner.meet.geo import distance_km
from planner.meet.kinds import VenueKind
from planner.meet.venues import Catalog, Venue
from planner.model import Geo
from planner.online import outages
from planner.online.failure import ERROR, Failure

if TYPE_CHECKING:
    from planner.config import Config
    from planner.meet.overpass import Overpass
    from planner.store import Store

log = logging.getLogger("planner")
AUTO_FETCH_KM = 3.0  # the largest circle a proposal fetches on its own
SERVICE = "venues"  # its name in planner.online.outages

_DDL = """
DROP TABLE IF EXISTS osm_areas;
DROP TABLE IF EXISTS osm_venues;
CREATE TABLE osm_areas (lat REAL, lon REAL, radius_km REAL, fetched_at TEXT, count INTEGER,
    PRIMARY KEY (lat, lon, radius_km));
CREATE TABLE osm_venues (osm_id TEXT PRIMARY KEY, name TEXT, kind TEXT, lat REAL, lon REAL,
    address TEXT, city TEXT, opening_hours TEXT, tags TEXT, price INTEGER, fetched_at TEXT)
"""


@dataclass(frozen=True, slots=True)
class Area:
    """A fetched circle."""

    center: Geo
    radius_km: float
    fetched_at: datetime
    count: int

    def covers(self, point: Geo, radius_km: float) -> bool:
        return distance_km(self.center, point) + radius_km <= self.radius_km + 0.01


class FetchedVenues:
    """The ``osm_areas`` and ``osm_venues`` tables."""

    VERSION = 1

    def __init__(self, store: Store) -> None:
        self.store = store
        store.ensure("osm_venues", self.VERSION, _DDL)

    def areas(self) -> list[Area]:
        rows = self.store.conn.execute(
            "SELECT lat, lon, radius_km, fetched_at, count FROM osm_areas"
        )
        return [
            Area(Geo(lat, lon), radius, datetime.fromisoformat(at), count)
            for lat, lon, radius, at, count in rows
        ]

    def covering(self, point: Geo, radius_km: float) -> Area | None:
        """The newest fetched area that covers the circle, if any."""
        found = [a for a in self.areas() if a.covers(point, radius_km)]
        return max(found, key=lambda a: a.fetched_at) if found else None

    def venues(self) -> list[Venue]:
        rows = self.store.conn.execute(
            "SELECT osm_id, name, kind, lat, lon, address, city, opening_hours, tags, price,"
            " fetched_at FROM osm_venues ORDER BY osm_id"
        )
        return [_venue(row) for row in rows]

    def save(self, center: Geo, radius_km: float, venues: Iterable[Venue], now: datetime) -> int:
        """Replace what was known within the circle by ``venues``; return how many."""
        items = list(venues)
        stamp = now.isoformat()
        with self.store.conn:
            conn = self.store.conn
            for osm_id, lat, lon in conn.execute(
                "SELECT osm_id, lat, lon FROM osm_venues"
            ).fetchall():
                if distance_km(center, Geo(lat, lon)) <= radius_km:
                    conn.execute("DELETE FROM osm_venues WHERE osm_id = ?", (osm_id,))
            conn.executemany(
                "INSERT OR REPLACE INTO osm_venues VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [_row(v, stamp) for v in items],
            )
            conn.execute(
                "INSERT OR REPLACE INTO osm_areas VALUES (?, ?, ?, ?, ?)",
                (round(center.lat, 5), round(center.lon, 5), radius_km, stamp, len(items)),
            )
        return len(items)


def _row(venue: Venue, stamp: str) -> tuple[Any, ...]:
    return (
        venue.source.removeprefix("overpass ") or f"{venue.name}@{venue.lat},{venue.lon}",
        venue.name,
        venue.kind.value,
        venue.lat,
        venue.lon,
        venue.address,
        venue.city,
        venue.opening_hours,
        json.dumps(sorted(venue.tags)),
        venue.price,
        stamp,
    )


def _venue(row: tuple[Any, ...]) -> Venue:
    osm_id, name, kind, lat, lon, address, city, hours, tags, price, stamp = row
    return Venue(
        name=name,
        kind=VenueKind(kind),
        lat=lat,
        lon=lon,
        address=address,
        city=city,
        opening_hours=hours,
        tags=frozenset(json.loads(tags)),
        price=price,
        source=f"OpenStreetMap {osm_id}, fetched {stamp[:10]}",
    )


@dataclass(frozen=True, slots=True)
class FetchResult:
    count: int
    fetched_at: datetime
    cached: bool  # answered from the state database, no request made


def overpass_client(config: Config) -> Overpass:
    from planner.meet.overpass import Overpass
    from planner.meet.places import user_agent

    geo = config["geo"]
    return Overpass(geo["overpass_url"], user_agent(config), timeout=float(geo["timeout_seconds"]))


def fetch_venues(
    config: Config,
    store: Store,
    point: Geo,
    radius_km: float,
    *,
    now: datetime,
    force: bool = False,
    client: Overpass | None = None,
) -> FetchResult:
    """Venues around ``point`` from the cache while fresh, else from Overpass (and stored).

    Raises :class:`planner.meet.overpass.OverpassError` and leaves the cache as it was when
    the server is busy, slow or unreachable.
    """
    table = FetchedVenues(store)
    area = table.covering(point, radius_km)
    max_age = timedelta(days=config["venues"]["max_age_days"])
    if area is not None and not force and now - area.fetched_at <= max_age:
        inside = [v for v in table.venues() if distance_km(v.geo, point) <= radius_km]
        return FetchResult(len(inside), area.fetched_at, True)
    venues = (client or overpass_client(config)).venues_around(point, radius_km)
    table.save(point, radius_km, venues, now)
    return FetchResult(len(venues), now, False)


def catalog_with_fetched(config: Config, store: Store | None) -> Catalog:
    """The configured catalog (:func:`planner.meet.venues.catalog_from_config`) plus the venues
    fetched before."""
    from planner.meet.venues import catalog_from_config

    catalog = catalog_from_config(config)
    if store is not None:
        catalog.extend(FetchedVenues(store).venues())
    return catalog


@dataclass
class VenueSupply:
    """Makes sure a catalog has venues around a point before proposals look for them."""

    config: Config
    store: Store | None
    catalog: Catalog
    now: datetime
    progress: Callable[[str], None] | None = None
    client: Overpass | None = None
    missing: list[Geo] = field(default_factory=list)  # places without venues, offline
    fetched: int = 0

    @property
    def online(self) -> bool:
        return bool(self.config["geo"]["online"]) and self.store is not None

    def enough(self, point: Geo, radius_km: float) -> bool:
        return len(self.catalog.near(point, radius_km)) >= self.config["venues"]["min_venues"]

    def __call__(self, point: Geo, radius_km: float) -> bool:
        """True when venues are known around ``point`` (after fetching them if allowed).

        At most :data:`AUTO_FETCH_KM` around the point are fetched: a city centre holds
        thousands of venues, and the nearest ones are those proposals use.
        """
        radius_km = min(radius_km, AUTO_FETCH_KM)
        if self.enough(point, radius_km):
            return True
        if not self.online or not outages.usable(SERVICE):
            if not self.catalog.near(point, radius_km):
                self.missing.append(point)
            return bool(self.catalog.near(point, radius_km))
        return self._fetch(point, radius_km)

    def _fetch(self, point: Geo, radius_km: float) -> bool:
        from planner.meet.overpass import OverpassError

        assert self.store is not None
        if self.progress:
            self.progress(_("Fetching venues from OpenStreetMap"))
        try:
            result = fetch_venues(
                self.config, self.store, point, radius_km, now=self.now, client=self.client
            )
        except OverpassError as exc:
            from planner.meet.geo import host_of

            outages.failed(
                SERVICE,
                _(
                    "Venue look-up (Overpass at {host})",
                    host=host_of(self.config["geo"]["overpass_url"]),
                ),
                exc.failure or Failure(ERROR, str(exc)),
                fallback=_("only venues known before are used for the rest of this run"),
                store=self.store,
                tz=self.config.tz,
            )
            if not self.catalog.near(point, radius_km):
                self.missing.append(point)
            return bool(self.catalog.near(point, radius_km))
        if not result.cached:
            outages.succeeded(SERVICE, self.store)
            self.fetched += result.count
        self.catalog.extend(FetchedVenues(self.store).venues())
        return bool(self.catalog.near(point, radius_km))
