"""The user's side of proposals, prepared once per calendar: busy time, neighbouring meetings
with their places (:mod:`planner.meet.anchors`), home and daily workplaces, the days spent in
another city, and the travel from there to a venue."""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from planner.meet.anchors import Anchor, anchors_from_events, by_day, gaps_from_config, local_day
from planner.meet.geo import Geocoder, Place, distance_km
from planner.meet.shortlist import AWAY_KM
from planner.meet.slots import merge, working_places
from planner.meet.venues import Catalog, Venue
from planner.model import Event, Geo, Interval, Mode
from planner.people.postal import area_of

if TYPE_CHECKING:
    from planner.config import Config

CLUSTER_KM = 20.0  # a venue this close to a meeting in another city counts as "there"
# the events a proposal in a window needs: from this long before it to this long after it
# (travel the days before, trips starting or ending there, the user's next moves)
AROUND = (timedelta(days=4), timedelta(days=8))


class UserDays:
    """The user's calendar as proposals need it."""

    def __init__(
        self,
        events: Iterable[Event],
        config: Config,
        catalog: Catalog,
        *,
        modes: Mapping[tuple[str, str], Mode] | None = None,
        geocoder: Geocoder | None = None,
        home: Geo | None = None,
        whereabouts: Mapping[date, tuple[str, Geo | None, str]] | None = None,
        routes: Mapping[tuple[str, str], tuple[Place | None, Place | None]] | None = None,
        nights: Collection[tuple[str, str]] = (),
    ) -> None:
        """``whereabouts`` (from :func:`planner.judge.travel.whereabouts`) tells where the
        user's travel takes them per day: venues there count as "in that city anyway";
        ``routes`` gives the departure and arrival of trains and flights (by event key);
        ``nights`` the hotel stays (by event key), which leave their time free."""
        self.events = tuple(events)
        self.modes = modes
        self.routes = routes
        self.nights = frozenset(nights)
        self.config = config
        self.whereabouts = dict(whereabouts or {})
        self.catalog = catalog
        self.tz = config.tz
        self.geocoder = geocoder or Geocoder(config, catalog)
        self.gaps = gaps_from_config(config)
        self.anchors = anchors_from_events(
            self.events,
            tentative_blocks=config["slots"]["tentative_blocks"],
            modes=modes,
            locate=self.geocoder.locate,
            focus_blocks=config["slots"]["focus_blocks"],
            routes=routes,
            nights=self.nights,
        )
        self.busy = merge(Interval(a.start, a.end) for a in self.anchors)
        self.anchors_by_day = by_day(self.anchors, self.tz)
        self.home, self.home_exact = (home, True) if home else self._home()
        self.workplaces = self._workplaces(events)
        self._memo: dict[Any, int] = {}
        self._foreign: dict[tuple[date, str], list[Anchor]] = {}  # see anchors_near
        self._same_day: dict[date, list[Anchor]] = {}  # anchors touching the local day
        self._away: dict[date, list[Anchor]] = {}  # in-person ones in another city
        for anchor in self.anchors:
            day, last = local_day(anchor.start, self.tz), local_day(anchor.end, self.tz)
            while day <= last:
                self._same_day.setdefault(day, []).append(anchor)
                if self._is_away(anchor):
                    self._away.setdefault(day, []).append(anchor)
                day += timedelta(days=1)

    def trips(self) -> dict[date, tuple[str, Geo]]:
        """Days the user is in another city (in-person meetings or a train or flight there):
        day → (city, place)."""
        found = {}
        for day, anchors in sorted(self._away.items()):
            place = self._far(anchors[0])
            if place is not None:
                city = anchors[0].city or (self.whereabouts.get(day) or ("",))[0]
                found[day] = (city or anchors[0].title, place)
        return found

    def _is_away(self, anchor: Anchor) -> bool:
        return self._far(anchor) is not None

    def _far(self, anchor: Anchor) -> Geo | None:
        """The anchor's place in another city (for a trip: where it arrives or departs)."""
        if not anchor.in_person or self.home is None:
            return None
        for place in (anchor.arrival, anchor.place):
            if place is not None and distance_km(place, self.home) > AWAY_KM:
                return place
        return None

    def _home(self) -> tuple[Geo | None, bool]:
        text = self.config.user["home"]
        place = self.geocoder.locate(text) if text else None
        return (place.geo, place.exact) if place else (None, True)

    @functools.cached_property
    def home_area(self) -> str:
        """The town of ``[user] home`` ("Frankfurt am Main"), the name of the area around home
        that proposals, invitations, offers and the feed show: never the street address."""
        text = str(self.config.user["home"] or "").strip()
        place = self.geocoder.locate(text) if text else None
        return area_of(text, place.city if place else "")

    def _workplaces(self, events: Iterable[Event]) -> dict[date, tuple[Geo, bool]]:
        """Where the user works each day, from working-location entries that can be located
        ("home" is the configured home); such a day's travel starts there, not at home."""
        found: dict[date, tuple[Geo, bool]] = {}
        located: dict[str, tuple[Geo, bool] | None] = {}
        home = (self.home, self.home_exact) if self.home is not None else None
        for day, label in working_places(events, self.tz).items():
            if label not in located:
                place = None if label.casefold() == "home" else self.geocoder.locate(label)
                located[label] = (place.geo, place.exact) if place else home
            if (where := located[label]) is not None:
                found[day] = where
        return found

    def base(self, day: date) -> tuple[Geo, bool] | None:
        """Where the user's ``day`` starts and ends (and whether that is an exact position): a
        working-location entry's place, else where a trip puts them (the hotel, else the city
        of :func:`planner.judge.travel.whereabouts`, else where the day's first journey leaves
        from), else home; None when nothing says."""
        if (work := self.workplaces.get(day)) is not None:
            return work
        if (away := self._away_place(day)) is not None:
            return away, False
        if (leaving := self._leaving_from(day)) is not None:
            return leaving, False
        return (self.home, self.home_exact) if self.home is not None else None

    def _away_from_home(self, day: date) -> bool:
        """Whether the user's ``day`` starts and ends in another city (:meth:`base`)."""
        base = self.base(day)
        return (
            base is not None
            and self.home is not None
            and (distance_km(base[0], self.home) > AWAY_KM)
        )

    def _leaving_from(self, day: date) -> Geo | None:
        """Where the day's first train or flight leaves from, when that is another city: the
        user wakes there (the morning a hotel stay ends, the journey home still ahead)."""
        journeys = [a for a in self._same_day.get(day, ()) if a.trip and a.place is not None]
        if not journeys or self.home is None:
            return None
        first = min(journeys, key=lambda a: a.start)
        if local_day(first.start, self.tz) != day:
            return None  # an overnight journey from the day before: it arrives this day
        assert first.place is not None
        return first.place if distance_km(first.place, self.home) > AWAY_KM else None

    def _away_place(self, day: date) -> Geo | None:
        """The place of ``day``'s whereabouts when it is not home."""
        _city, geo = self._whereabouts(day)
        if geo is None or (self.home is not None and distance_km(geo, self.home) <= AWAY_KM):
            return None
        return geo

    def _whereabouts(self, day: date) -> tuple[str, Geo | None]:
        """The city and place where ``day``'s travel puts the user (the city located once);
        ``("", None)`` without travel that day."""
        if day not in self.whereabouts:
            return "", None
        city, geo, evidence = self.whereabouts[day]
        if geo is None and (place := self.geocoder.locate(city)) is not None:
            geo = place.geo
            self.whereabouts[day] = (city, geo, evidence)
        return city, geo

    def locate(self, text: str) -> Place | None:
        """A place for ``--near`` or a counterpart's address (see :class:`Geocoder`)."""
        return self.geocoder.locate(text)

    def _minutes(self, place: tuple[Geo, bool] | None, venue: Geo, exact: bool) -> int | None:
        """Minutes from ``place`` to ``venue``; None where the user comes from is not known
        (no home, no meeting before or after): not known, never "0 min"."""
        if place is None:
            return None
        delta = self.gaps.travel_time(place[0], venue, self._memo, exact=place[1] and exact)
        return int(delta.total_seconds() // 60)

    def _cluster_city(self, day: date, venue: Venue) -> str:
        """The other city the user is in on ``day`` when ``venue`` lies there, else ``""``."""
        for anchor in self._away.get(day, ()):
            place = self._far(anchor)
            close = place is not None and distance_km(place, venue.geo) <= CLUSTER_KM
            # a train home leaves from here: its city is the one it leaves, not its arrival's
            leaves = anchor.trip and place is not anchor.arrival
            named = anchor.departure_city if leaves else anchor.city
            if close and (city := named or venue.city):
                return city  # never a flight's or train's title as the city
        city, geo = self._whereabouts(day)
        if geo is not None and distance_km(geo, venue.geo) <= CLUSTER_KM:
            return city
        return ""

    def taken(self, start: datetime, end: datetime) -> list[str]:
        """What takes every working day of ``[start, end)`` from the first meeting window to
        the last (out of office, a holiday, an all-day block): their titles; empty when some
        working day has time left, or none is worked."""
        from planner.meet.slots import meeting_windows

        windows = meeting_windows(self.config).values()
        first, last = min(w.start for w in windows), max(w.end for w in windows)
        day, stop = local_day(start, self.tz), local_day(end - timedelta(microseconds=1), self.tz)
        titles: list[str] = []
        worked = False
        while day <= stop:
            if self.config.working_hours(day.weekday()) is not None:
                worked = True
                lo = datetime.combine(day, first, self.tz)
                hi = datetime.combine(day, last, self.tz)
                covering = [a for a in self.anchors if a.start <= lo and a.end >= hi]
                if not covering:
                    return []
                titles += [a.title for a in covering if a.title]
            day += timedelta(days=1)
        return list(dict.fromkeys(titles)) if worked else []

    def anchors_near(self, day: date, tz: ZoneInfo) -> list[Anchor]:
        """The user's anchors within 12 hours of ``day`` where the meeting is (``tz``): filed
        by the user's own days, which another zone's day straddles."""
        if tz is self.tz:
            return self.anchors_by_day.get(day, [])
        key = (day, tz.key)
        if key not in self._foreign:
            lo = datetime.combine(day, time(), tz) - timedelta(hours=12)
            hi = datetime.combine(day + timedelta(days=1), time(), tz) + timedelta(hours=12)
            first, last = local_day(lo, self.tz), local_day(hi, self.tz)
            seen: dict[int, Anchor] = {}
            while first <= last:
                for anchor in self.anchors_by_day.get(first, []):
                    if anchor.end > lo and anchor.start < hi:
                        seen.setdefault(id(anchor), anchor)
                first += timedelta(days=1)
            self._foreign[key] = sorted(seen.values(), key=lambda a: a.start)
        return self._foreign[key]
