""" "Travel" blocks around meetings in person.

For each day, the in-person meetings with a known place are taken in order, with the user's
home at both edges of the day. Each leg between two different places becomes one block of the
modelled length (the one travel model, :meth:`planner.meet.travel_time.TravelModel.between`;
two addresses in one town known only by the town are never 0 minutes apart):

- a way between towns (a journey by train, plane or motorway) gets none: it is booked, and
  the train or flight is in the calendar, or not yet planned; either way a block of guessed
  hours, maybe over night, is no help;
- the way from home to the day's first meeting ends when that meeting starts;
- the way home from the day's last meeting starts when that meeting ends;
- between two meetings, the way starts when the earlier one ends if that one is an excursion
  (the place before it and the place after it are the same, like a lunch across town between
  two meetings at the office); otherwise it ends when the later one starts.

A meeting that moves moves its blocks; one that is cancelled or becomes virtual loses them
(they are no longer wanted, and the plan deletes them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from planner.i18n import _
from planner.meet.geo import Place
from planner.model import Event, Mode, Status
from planner.sync.marks import derived_uid, travel_key
from planner.sync.mirrors import Wanted, mirrorable

Minutes = Callable[[Place, Place], int]
Journey = Callable[[Place, Place], bool]
Locate = Callable[[Event], Place | None]


@dataclass(frozen=True, slots=True)
class Stop:
    """A meeting in person at a known place."""

    event: Event
    place: Place


@dataclass(frozen=True, slots=True)
class Leg:
    """One way between two places, attached to ``meeting`` on ``side`` (before/after)."""

    meeting: Event
    side: str
    start: datetime
    end: datetime

    @property
    def minutes(self) -> int:
        return int((self.end.astimezone(UTC) - self.start.astimezone(UTC)).total_seconds() // 60)


def in_person(mode: Mode) -> bool:
    return mode in (Mode.IN_PERSON, Mode.HYBRID)


def stops(events: Iterable[Event], mode_of: Callable[[Event], Mode], locate: Locate) -> list[Stop]:
    """The timed, busy, not declined meetings in person whose place is known, in order."""
    found = []
    for event in events:
        if event.all_day or not mirrorable(event) or event.status is Status.CANCELLED:
            continue
        if not in_person(mode_of(event)):
            continue
        place = locate(event)
        if place is not None:
            found.append(Stop(event, place))
    return sorted(found, key=lambda s: (s.event.start, s.event.end, s.event.uid))


def by_day(found: Sequence[Stop], tz: ZoneInfo) -> dict[date, list[Stop]]:
    days: dict[date, list[Stop]] = {}
    for stop in found:
        days.setdefault(stop.event.start.astimezone(tz).date(), []).append(stop)
    return days


def day_legs(
    day: Sequence[Stop], home: Place | None, minutes: Minutes, journey: Journey | None = None
) -> list[Leg]:
    """The legs of one day's stops (in order), home at both edges where it is known; none for
    a ``journey`` between towns (a train or flight is booked, in the calendar or not yet: a
    block of guessed hours, maybe over night, is no help)."""
    places: list[Place | None] = [home, *(s.place for s in day), home]
    legs: list[Leg] = []
    for index in range(len(places) - 1):
        origin, goal = places[index], places[index + 1]
        if origin is None or goal is None or (journey and journey(origin, goal)):
            continue
        length = minutes(origin, goal)
        if length <= 0:
            continue
        legs.append(_place_leg(day, index, places, timedelta(minutes=length), minutes))
    return legs


def _place_leg(
    day: Sequence[Stop],
    index: int,
    places: Sequence[Place | None],
    length: timedelta,
    minutes: Minutes,
) -> Leg:
    """Where the leg from ``places[index]`` to ``places[index + 1]`` goes (see the module)."""
    if index == 0:
        return _before(day[0].event, length)
    if index == len(day):
        return _after(day[-1].event, length)
    earlier = index - 1  # the stop the leg starts from
    before, after = places[index - 1], places[index + 1]
    excursion = before is not None and after is not None and minutes(before, after) == 0
    if excursion:
        return _after(day[earlier].event, length)
    return _before(day[earlier + 1].event, length)


def _before(meeting: Event, length: timedelta) -> Leg:
    return Leg(meeting, "before", _shift(meeting.start, -length), meeting.start)


def _after(meeting: Event, length: timedelta) -> Leg:
    return Leg(meeting, "after", meeting.end, _shift(meeting.end, length))


def _shift(moment: datetime, length: timedelta) -> datetime:
    """``moment + length`` in real time (through UTC: right across a DST change)."""
    return (moment.astimezone(UTC) + length).astimezone(moment.tzinfo)


def legs(
    events: Iterable[Event],
    *,
    mode_of: Callable[[Event], Mode],
    locate: Locate,
    home: Place | None,
    minutes: Minutes,
    tz: ZoneInfo,
    away: Mapping[date, Place | None] | None = None,
    journey: Journey | None = None,
) -> list[Leg]:
    """Every travel leg of ``events``, day by day. ``away`` gives the day's base where the
    user is away from home (the town of a hotel stay or a train's destination, see
    :func:`planner.judge.travel.whereabouts`): the way to a meeting in Hamburg starts at the
    hotel there, not at home in Munich; the train is the journey. ``journey`` tells a way
    between towns, which gets no block (see :func:`day_legs`)."""
    result: list[Leg] = []
    for day, stops_of_day in sorted(by_day(stops(events, mode_of, locate), tz).items()):
        base = away[day] if away and day in away else home
        result += day_legs(stops_of_day, base, minutes, journey)
    return result


def travel_blocks(found: Iterable[Leg], target: str) -> list[Wanted]:
    """The "Travel" events for ``target``, one per leg."""
    wanted = []
    for leg in found:
        key = travel_key(leg.meeting, leg.side)
        block = Event(
            uid=derived_uid(target, key),
            title=_("Travel"),
            start=leg.start,
            end=leg.end,
            busy=True,
            calendar=target,
            source=target,
        )
        wanted.append(Wanted(key, "travel", block))
    return wanted
