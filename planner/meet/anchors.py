"""Neighbouring meetings and the room a slot needs next to them.

Every busy event is an :class:`Anchor`. Next to an in-person meeting a slot needs the travel
between the meeting's place and the venue plus ``[travel] buffer_minutes``; next to any other
meeting only ``[slots] buffer_minutes``. A train or a flight is an anchor with two places: a slot
after it starts from where it arrives (the station or airport) and needs the transfer from
there plus ``[travel] arrival_buffer_minutes``; a slot before it needs the way to where it
departs and as much time to spare. A place known only by its town (no street position) is
never 0 minutes from a venue: ``[travel] in_town_minutes`` is the least.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from planner.meet.slots import blocks
from planner.model import Event, Geo, Mode

if TYPE_CHECKING:
    from planner.config import Config
    from planner.meet.geo import Place
    from planner.meet.travel_time import TravelModel

_VIRTUAL_WORDS = re.compile(
    r"https?://|\b(zoom|teams|webex|skype|google meet|meet\.google|call|telefon|phone|online)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A meeting next to which a slot must leave room: travel if in person, else a buffer.

    A trip (train, flight) departs at ``place`` and arrives at ``arrival``; ``exact`` and
    ``arrival_exact`` say whether those are positions or only towns."""

    start: datetime
    end: datetime
    in_person: bool
    place: Geo | None = None
    title: str = ""
    city: str = ""
    exact: bool = True
    arrival: Geo | None = None
    arrival_exact: bool = True
    trip: bool = False
    departure_city: str = ""  # a trip's: ``city`` is where it arrives

    def where(self, after: bool) -> tuple[Geo | None, bool]:
        """Where the user is when the anchor ends (``after``) or must be when it starts."""
        if after and self.trip and self.arrival is not None:
            return self.arrival, self.arrival_exact
        return self.place, self.exact


def looks_in_person(event: Event) -> bool:
    """A fallback when no classification is given: a place that is no link or call."""
    if event.conference_links:
        return False
    if event.geo is not None:
        return True
    return bool(event.location.strip()) and not _VIRTUAL_WORDS.search(event.location)


@dataclass(frozen=True, slots=True)
class Gaps:
    """How much room a slot needs next to its neighbours."""

    travel: TravelModel
    buffer: timedelta  # around every meeting
    in_person_buffer: timedelta  # added to travel around in-person meetings
    unknown_place: timedelta  # travel assumed to an in-person meeting of unknown place
    arrival_buffer: timedelta = timedelta(0)  # after a trip arrives, before one departs

    def needed(
        self,
        anchor: Anchor,
        venue: Geo,
        memo: dict[Any, int],
        key: Any = None,
        *,
        after: bool = True,
        exact: bool = True,
    ) -> timedelta:
        """Room between ``anchor`` and a slot at ``venue`` (``after`` the anchor, or before
        it). ``key`` identifies the venue in ``memo`` (default: its coordinates); ``exact``
        says whether ``venue`` is a position or only an area."""
        if not anchor.in_person:
            return self.buffer
        extra = self.in_person_buffer + (self.arrival_buffer if anchor.trip else timedelta(0))
        place, place_exact = anchor.where(after)
        if place is None:
            return extra + self.unknown_place
        both = place_exact and exact
        memo_key = (id(anchor), after, key) if key is not None else (place, venue, both)
        minutes = memo.get(memo_key)
        if minutes is None:
            minutes = memo[memo_key] = self.travel.minutes(place, venue, exact=both)
        return extra + timedelta(minutes=minutes)

    def travel_time(
        self, a: Geo | None, b: Geo, memo: dict[Any, int], *, exact: bool = True
    ) -> timedelta:
        if a is None:
            return self.unknown_place
        key = (a, b, exact)
        minutes = memo.get(key)
        if minutes is None:
            minutes = memo[key] = self.travel.minutes(a, b, exact=exact)
        return timedelta(minutes=minutes)


def gaps_from_config(config: Config) -> Gaps:
    from planner.meet.travel_time import travel_model

    return Gaps(
        travel_model(config),
        timedelta(minutes=config["slots"]["buffer_minutes"]),
        timedelta(minutes=config["travel"]["buffer_minutes"]),
        timedelta(minutes=config["travel"]["unknown_place_minutes"]),
        timedelta(minutes=config["travel"]["arrival_buffer_minutes"]),
    )


def fits(
    start: datetime,
    end: datetime,
    venue: Geo,
    anchors: Iterable[Anchor],
    gaps: Gaps,
    memo: dict[Any, int],
    key: Any = None,
    *,
    exact: bool = True,
) -> bool:
    """Whether ``[start, end)`` at ``venue`` leaves enough room to and from every anchor.

    ``key`` (any hashable naming the venue, e.g. ``id(venue)``) makes the memo cheap; the
    memo must then not outlive the anchors. ``exact`` is False for an area without a venue.
    """
    for anchor in anchors:
        if anchor.start < end and anchor.end > start:
            return False
        if anchor.end <= start:
            need = gaps.needed(anchor, venue, memo, key, after=True, exact=exact)
            if anchor.end + need > start:
                return False
        elif end + gaps.needed(anchor, venue, memo, key, after=False, exact=exact) > anchor.start:
            return False
    return True


def room_anywhere(start: datetime, end: datetime, anchors: Iterable[Anchor], gaps: Gaps) -> bool:
    """A cheap necessary condition for :func:`fits` at any venue: the buffers (and the travel
    to meetings of unknown place) fit, whatever the venue."""
    for anchor in anchors:
        if anchor.start < end and anchor.end > start:
            return False
        if not anchor.in_person:
            need = gaps.buffer
        else:
            need = gaps.in_person_buffer + (gaps.arrival_buffer if anchor.trip else timedelta(0))
            if anchor.where(anchor.end <= start)[0] is None:
                need += gaps.unknown_place
        if anchor.end <= start:
            if anchor.end + need > start:
                return False
        elif end + need > anchor.start:
            return False
    return True


Locate = Callable[..., "Place | None"]


def anchors_from_events(
    events: Iterable[Event],
    *,
    tentative_blocks: bool = True,
    modes: Mapping[tuple[str, str], Mode] | None = None,
    locate: Locate | None = None,
    focus_blocks: bool = True,
    routes: Mapping[tuple[str, str], tuple[Place | None, Place | None]] | None = None,
    nights: Collection[tuple[str, str]] = (),
) -> list[Anchor]:
    """Anchors for the blocking ``events``; ``modes`` (by :attr:`Event.key`) overrides the
    fallback :func:`looks_in_person`; ``locate(text, geo)`` returns a place or None;
    ``routes`` (by key) gives a trip's departure and arrival places; ``nights`` (by key) are
    hotel stays (:func:`planner.judge.travel.is_lodging`): where the user is, not busy time,
    though calendar apps export their nights as busy."""
    result = []
    for event in events:
        if not blocks(event, tentative_blocks, focus_blocks) or event.key in nights:
            continue
        route = routes.get(event.key) if routes else None
        if route is not None and any(route):
            result.append(_trip(event, *route))
            continue
        mode = modes.get(event.key) if modes else None
        if mode is None:
            in_person = looks_in_person(event)
        else:
            in_person = mode in (Mode.IN_PERSON, Mode.HYBRID)
        place, city, exact = None, "", True
        if in_person and locate is not None:
            found = locate(event.location, event.geo)
            if found is not None:
                place, city, exact = found.geo, found.city, found.exact
        result.append(Anchor(event.start, event.end, in_person, place, event.title, city, exact))
    result.sort(key=lambda a: (a.start, a.end))
    return result


def _trip(event: Event, origin: Place | None, arrival: Place | None) -> Anchor:
    return Anchor(
        event.start,
        event.end,
        True,
        origin.geo if origin else None,
        event.title,
        arrival.city if arrival else "",
        origin.exact if origin else True,
        arrival.geo if arrival else None,
        arrival.exact if arrival else True,
        trip=True,
        departure_city=origin.city if origin else "",
    )


def apart(anchor: Anchor, start: datetime, end: datetime) -> timedelta:
    return start - anchor.end if anchor.end <= start else anchor.start - end


def local_day(moment: datetime, tz: ZoneInfo) -> date:
    return moment.astimezone(tz).date()


def last_in_person(anchors: Sequence[Anchor], start: datetime) -> tuple[Geo, bool] | None:
    """Where the user comes from to a slot at ``start``: the last in-person place before it."""
    found = [a for a in anchors if a.in_person and a.where(True)[0] is not None and a.end <= start]
    if not found:
        return None
    place, exact = max(found, key=lambda a: a.end).where(True)
    assert place is not None
    return place, exact


def next_in_person(anchors: Sequence[Anchor], end: datetime) -> tuple[Geo, bool] | None:
    """Where the user goes after a slot ending at ``end``: the next in-person place."""
    found = [a for a in anchors if a.in_person and a.place is not None and a.start >= end]
    if not found:
        return None
    place, exact = min(found, key=lambda a: a.start).where(False)
    assert place is not None
    return place, exact


def by_day(anchors: Iterable[Anchor], tz: ZoneInfo) -> dict[date, list[Anchor]]:
    """Anchors filed under every local day within 12 hours of them (for cheap neighbour look-up)."""
    table: dict[date, list[Anchor]] = {}
    margin = timedelta(hours=12)
    for anchor in anchors:
        day = (anchor.start - margin).astimezone(tz).date()
        last = (anchor.end + margin).astimezone(tz).date()
        while day <= last:
            table.setdefault(day, []).append(anchor)
            day += timedelta(days=1)
    return table
