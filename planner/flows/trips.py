"""The user's stays away from home: travel bookings (flights, trains, hotels, TripIt trips),
in-person meetings in another city and events over several days there (a fair, a
conference), joined into trips per city.

A trip has a place (its city) and a base, the point its free time starts from, best first: the
hotel (a check-in or hotel item with an address), the place of the first in-person meeting
there (the client's office), the city's main station (:data:`planner.meet.hubs.HUBS`), else
the city itself. Its schedule is every event of the user's calendars during it: proposals on a
trip keep to its free time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from planner.i18n import _
from planner.model import Classification, Event, Geo, Mode

if TYPE_CHECKING:
    from planner.config import Config
    from planner.meet.hubs import Hub

SAME_CITY_KM = 50.0  # two places this close belong to one trip
JOIN_GAP = timedelta(hours=36)  # items this close in time in one city are one trip
LONGEST_TRIP = timedelta(days=21)


@dataclass(frozen=True, slots=True)
class Trip:
    """A stay away from home, from ``start`` to ``end``."""

    city: str
    geo: Geo | None
    start: datetime
    end: datetime
    base: str  # where its free time starts: hotel, office, station or the city
    base_geo: Geo | None
    evidence: tuple[str, ...]
    schedule: tuple[Event, ...] = ()  # the user's events during the trip

    def days(self, tz: Any) -> list[date]:
        first = self.start.astimezone(tz).date()
        last = (self.end - timedelta(microseconds=1)).astimezone(tz).date()
        return [first + timedelta(days=i) for i in range((last - first).days + 1)]

    def to_json(self, tz: Any) -> dict[str, Any]:
        return {
            "city": self.city,
            "start": self.start.astimezone(tz).isoformat(),
            "end": self.end.astimezone(tz).isoformat(),
            "base": self.base,
            "base_lat": self.base_geo.lat if self.base_geo else None,
            "base_lon": self.base_geo.lon if self.base_geo else None,
            "evidence": list(self.evidence),
            "schedule": [
                {
                    "title": e.title,
                    "start": e.start.astimezone(tz).isoformat(),
                    "end": e.end.astimezone(tz).isoformat(),
                    "location": e.location,
                }
                for e in self.schedule
            ],
        }


@dataclass
class _Away:
    """One item that puts the user in a city."""

    city: str
    geo: Geo
    start: datetime
    end: datetime
    evidence: str
    base: str = ""  # a hotel's or an office's address
    base_geo: Geo | None = None
    hotel: bool = False
    items: list[_Away] = field(default_factory=list)


def find_trips(
    events: Sequence[Event],
    modes: Mapping[tuple[str, str], Classification | Mode],
    config: Config,
    locate: Callable[[str], Any],
    *,
    start: datetime,
    end: datetime,
) -> list[Trip]:
    """The trips overlapping ``[start, end)``, in time order (see the module doc)."""
    from planner.meet.geo import distance_km

    home_text = str(config.user["home"]).strip()
    home_place = locate(home_text) if home_text else None
    home = home_place.geo if home_place is not None else None
    far = float(config["geo"]["far_away_km"])

    def away(geo: Geo | None) -> bool:
        return geo is not None and (home is None or distance_km(geo, home) > far)

    window = [e for e in events if e.end > start - timedelta(days=3) and e.start < end]
    items = _bookings(window, config, locate, away)
    items += _meetings(window, modes, locate, away)
    trips = [_trip(group, window) for group in _join(items)]
    return [t for t in trips if t.end > start and t.start < end]


def _bookings(
    events: Sequence[Event], config: Config, locate: Callable[[str], Any], away: Callable
) -> list[_Away]:
    from planner.judge.travel import arrival, destination, is_stay, stays

    found = []
    for stay in stays(events, home=str(config.user["home"]), same=_same):
        place = locate(stay.city)
        geo = stay.geo or (place.geo if place is not None else None)
        if away(geo):
            city = place.city if place is not None and place.city else stay.city
            found.append(_Away(city, geo, stay.start, stay.end, stay.evidence))
    for event in events:  # hotels with an address: the trip's base
        if not is_stay(event) or not event.location.strip():
            continue
        place = locate(event.location)
        if place is not None and away(place.geo):
            city = place.city or short_city(event.location)
            there = destination(event) or city  # as the journeys name it ("Wien", not "Vienna")
            landed = arrival(events, event, there, _same) if event.all_day else None
            item = _Away(
                city,
                place.geo,
                landed or event.start,
                check_out(event),
                _("hotel '{title}'", title=event.title),
                base=one_line(event.location),
                base_geo=place.geo,
                hotel=True,
            )
            found.append(item)
    return found


CHECK_OUT = time(12)  # when a hotel night booked as whole days ends on its last day


def check_out(stay: Event) -> datetime:
    """When the user leaves a hotel: a stay booked as whole days (``DTEND`` the check-out
    date) lasts into its check-out day (:data:`CHECK_OUT`), not to the midnight before it: the
    user is still in town that day, until the flight or train home (:func:`_departure`)."""
    if not stay.all_day:
        return stay.end
    tz = stay.end.tzinfo
    return datetime.combine(stay.end.astimezone(tz).date(), CHECK_OUT, tz)


def _meetings(
    events: Sequence[Event],
    modes: Mapping[tuple[str, str], Classification | Mode],
    locate: Callable[[str], Any],
    away: Callable,
) -> list[_Away]:
    found = []
    for event in events:
        mode = modes.get(event.key)
        mode = mode.mode if isinstance(mode, Classification) else mode
        long = event.duration >= timedelta(hours=20)
        if not event.location.strip() or (mode is not Mode.IN_PERSON and not long):
            continue
        if mode is Mode.TRAVEL:
            continue
        place = locate(event.location) if event.geo is None else locate(event.location, event.geo)
        if place is None or not away(place.geo):
            continue
        if long:  # a fair, a conference: days there
            city = place.city or short_city(event.location)
            why = _("'{title}' over several days in {city}", title=event.title, city=city)
            found.append(
                _Away(
                    place.city or short_city(event.location), place.geo, event.start, event.end, why
                )
            )
        else:
            why = _(
                "in-person meeting '{title}' in {city}",
                title=event.title,
                city=place.city or short_city(event.location),
            )
            found.append(
                _Away(
                    place.city or short_city(event.location),
                    place.geo,
                    event.start,
                    event.end,
                    why,
                    base=one_line(event.location),
                    base_geo=place.geo,
                )
            )
    return found


def _join(items: list[_Away]) -> list[list[_Away]]:
    """Items in one city whose times touch (within :data:`JOIN_GAP`) form one trip."""
    from planner.meet.geo import distance_km

    groups: list[list[_Away]] = []
    for item in sorted(items, key=lambda i: (i.start, i.end)):
        for group in groups:
            last_end = max(i.end for i in group)
            near = distance_km(group[0].geo, item.geo) <= SAME_CITY_KM
            if (
                near
                and item.start - last_end <= JOIN_GAP
                and item.end - group[0].start <= LONGEST_TRIP
            ):
                group.append(item)
                break
        else:
            groups.append([item])
    return groups


def _trip(group: list[_Away], events: Sequence[Event]) -> Trip:
    start, end = min(i.start for i in group), max(i.end for i in group)
    if any(_booked(i) or i.hotel for i in group):
        latest = max(i.start for i in group)
        end = _departure(latest, end, events, group[0].city)
    if all(not i.hotel and i.base for i in group) and not any(_booked(i) for i in group):
        # meetings only: the days of those meetings (the user travels there and back)
        tz = start.tzinfo
        start = datetime.combine(start.astimezone(tz).date(), time(), tz)
        end = datetime.combine(
            (end - timedelta(microseconds=1)).astimezone(tz).date() + timedelta(days=1), time(), tz
        )
    city = next((i.city for i in group if i.hotel), group[0].city)
    hotel = next((i for i in group if i.hotel), None)
    office = next((i for i in sorted(group, key=lambda i: i.start) if i.base), None)
    if hotel is not None:
        base, base_geo = hotel.base, hotel.base_geo
    elif office is not None:
        base, base_geo = office.base, office.base_geo
    elif (station := _station(city)) is not None:
        base, base_geo = station.name, station.geo
    else:
        base, base_geo = city, group[0].geo
    evidence = tuple(dict.fromkeys(i.evidence for i in group if not i.hotel))[:4]
    schedule = tuple(
        e for e in sorted(events, key=lambda e: e.start) if e.start < end and e.end > start
    )
    return Trip(city, group[0].geo, start, end, base, base_geo, evidence, schedule)


DEPARTURE_WITHIN = timedelta(hours=18)


def _departure(latest: datetime, end: datetime, events: Sequence[Event], city: str) -> datetime:
    """The user stays until the flight or train that takes them away (a hotel's check-out
    is not the end of the day there): the first journey after the trip's last item began
    that goes elsewhere, also one before ``end`` (a fair's last day ends at midnight, the
    train home leaves at five), at most :data:`DEPARTURE_WITHIN` after ``end``."""
    from planner.judge.travel import destination, is_stay, is_travel

    for event in sorted(events, key=lambda e: e.start):
        if event.start <= latest or event.all_day or is_stay(event) or not is_travel(event):
            continue
        if event.start - end > DEPARTURE_WITHIN:
            break
        if (there := destination(event)) and _same(there, city):
            continue  # on the way there, or about town
        return event.start
    return end


def one_line(text: str) -> str:
    """An address written over several lines, as one ("Hotel Sacher, Philharmoniker Str. 4,
    1010 Wien"): a trip's base is shown in a line of text."""
    return ", ".join(line.strip(" ,") for line in text.splitlines() if line.strip(" ,"))


def _booked(item: _Away) -> bool:
    return not item.base  # a flight, train or stay of the travel plan


def short_city(text: str) -> str:
    """The town of an address as a person names it: ``"Roadstar 16\n12764 Happyville\n
    Denmark"`` → ``Happyville``, ``"… Dr. #103A, Tempe, AZ 85281)"`` → ``Tempe``, ``"Dam 1,
    1012 JS Amsterdam, Nederland"`` → ``Amsterdam`` (:func:`planner.people.postal.town_of`); the
    first line when no town can be told."""
    from planner.people.postal import parts, town_of

    found = parts(text)
    return town_of(text) or (found[0] if found else text.strip())


def _station(city: str) -> Hub | None:
    """The main railway station of ``city``, if planner knows it (looked for only where a
    trip has neither a hotel nor an office to start from: each city is looked up)."""
    from planner.meet.hubs import HUBS

    return next((h for h in HUBS if h.kind == "station" and _same(h.city, city)), None)


def _same(a: str, b: str) -> bool:
    from planner.meet.geo import same_town

    return same_town(a, b)
