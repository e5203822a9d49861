"""Concrete proposals: when and where to meet a counterpart in person.

:class:`Proposer` does the work that depends only on the user's calendar once (busy time,
neighbouring meetings and their places); :meth:`Proposer.propose` then costs little per
counterpart, so the weekly plan can call it for every ``meet_in_person`` recommendation.
:func:`planner.meet.one_shot.propose` is the one-shot form for ``planner propose``.

A proposal never overlaps busy time of either side, lies inside its kind's window (and inside
working hours unless the window is configured outside them), at a venue not closed at any moment
of it, and leaves travel time plus buffer to and from the user's neighbouring in-person meetings
(a buffer only next to virtual ones). Which venues are tried at all is decided once per request
by :mod:`planner.meet.shortlist`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from planner.i18n import _
from planner.ical.wallclock import add
from planner.meet.anchors import (
    Anchor,
    apart,
    fits,
    last_in_person,
    local_day,
    next_in_person,
    room_anywhere,
)
from planner.meet.budget import JourneyLimit, journey_limit
from planner.meet.days import UserDays
from planner.meet.local_zone import zone_at
from planner.meet.pick import Proposal, overlap, pick
from planner.meet.reasons import Why, reasons
from planner.meet.shortlist import (
    Shortlist,
    area_venue,
    as_places,
    is_area,
    meeting_center,
    shortlist,
    travel_score,
)
from planner.meet.slots import (
    MeetingKind,
    MeetingWindow,
    day_span,
    free_parts,
    kind_of,
    kinds_for,
    meeting_windows,
    merge,
    starts,
)
from planner.meet.travel_time import THEIRS
from planner.meet.venues import Catalog, OpenState, Venue
from planner.model import Event, Geo, Interval, Purpose

if TYPE_CHECKING:
    from planner.config import Config

VENUES_PER_SLOT = 3  # feasible venues compared per candidate time
STARTS_PER_DAY = 3  # feasible starts looked at per day and kind
VENUES_PER_DAY = 3  # different venues kept per day and kind (for variety)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A scored time and place, before its reasons are written."""

    start: datetime
    end: datetime
    kind: MeetingKind
    venue: Venue
    score: float
    before: int | None  # None: where the user comes from is not known
    after: int | None
    theirs: int | None
    state: OpenState
    city: str
    legs: tuple[int, ...] = ()  # the ways from and to the meetings next to it (not home)


@dataclass
class _Slot:
    """A candidate time with its neighbours (nearest first)."""

    start: datetime
    end: datetime
    window: MeetingWindow
    rank: int  # of the kind among the purpose's kinds
    anchors: list[Anchor]


@dataclass
class _Request:
    """One request (one or several counterparts), prepared."""

    kinds: tuple[MeetingKind, ...]
    purpose: str
    busy: list[Interval]
    places: tuple[Geo, ...]
    center: Geo
    days: list[date]
    window: tuple[datetime, datetime]
    area: str
    #: the zone of the meeting place: its windows, working hours and opening hours are there
    tz: ZoneInfo
    both: bool = False  # the counterparts' busy time is known
    checked: bool = True  # each venue's ways are checked against the limit
    legs: bool = True  # ... or at least the ways from and to the meetings next to it
    shortlists: dict[MeetingKind, Shortlist] = field(default_factory=dict)


class Proposer(UserDays):
    """Prepared once per user calendar (:class:`planner.meet.days.UserDays`);
    :meth:`propose` per counterpart."""

    def __init__(
        self,
        events: Iterable[Event],
        config: Config,
        catalog: Catalog,
        *,
        supply: Callable[[Geo, float], bool] | None = None,
        travel_reasons: bool = True,
        **calendar: Any,
    ) -> None:
        """``supply`` makes sure venues are known around a centre
        (:class:`planner.meet.fetched.VenueSupply`); ``calendar`` (``modes``, ``geocoder``,
        ``home``, ``whereabouts``, ``routes``, ``nights``) is :class:`UserDays`'."""
        super().__init__(events, config, catalog, **calendar)
        self.supply = supply
        self.travel_reasons = travel_reasons
        self.no_venues = False  # the last propose() found no venue at all around its centre
        self._limits: dict[str, JourneyLimit] = {}
        self.too_far: int | None = None  # the last propose(): the least way beyond the limit
        self.away_limit = False  # ... and whether it was refused as a detour from a trip
        self.windows = meeting_windows(config)
        self.step = timedelta(minutes=config["slots"]["step_minutes"])
        self.radius_km = float(config["venues"]["radius_km"])

    def propose(
        self,
        start: datetime,
        end: datetime,
        *,
        purpose: Purpose | str | None = None,
        counterpart_busy: Sequence[Interval] | None = (),
        counterpart_place: Geo | Sequence[Geo] | None = None,
        near: Geo | None = None,
        count: int = 3,
        tags: Collection[str] = (),
        same_time: Interval | None = None,
        like: Interval | None = None,
        area: str = "",
        own_busy: Sequence[Interval] = (),
        journey: int | None = None,
    ) -> list[Proposal]:
        """Up to ``count`` proposals in ``[start, end)``, best first, varied over days, times of
        day, kinds and venues; ``tags`` keeps only venues with all of them (e.g.
        ``{"women_only"}``). ``counterpart_place`` may name several places (one per
        counterpart): venues are then fair to all of them.

        Where no venue of a kind is known around the centre, the proposal names the ``area``
        (e.g. "Hamburg Hbf") and says how to get venues there.

        ``same_time`` is a flagged meeting's own time: when it fits (free on both sides, in a
        window that suits the purpose, a venue open and reachable) it is the first proposal,
        "same time, in person at …", and the others follow. ``like`` is a meeting the
        proposals are to replace: its own kind (a lunch at noon) is tried first. ``own_busy``
        is more of the user's time taken (the way to a meeting point), never "both
        calendars".

        No proposal asks a journey beyond the limit (:mod:`planner.meet.budget`) of anyone
        whose way is known: ``journey`` is the longest way to ``near`` each way when it is
        told (a fair meeting point; 0: the user is there anyway), and only kinds of meeting
        long enough for it are tried; a place ``near`` that the user chose is never refused;
        otherwise each venue's ways are checked, and :attr:`too_far` keeps the least way
        that was too long."""
        places = as_places(counterpart_place)
        self.too_far, self.away_limit = None, False
        request = self._request(start, end, purpose, counterpart_busy, places, near, area)
        if request is not None and own_busy:
            request.busy = merge([*request.busy, *own_busy])
        if request is None:
            return []
        if like is not None and (own := kind_of(like, self.windows, self.config, request.tz)):
            request.kinds = (own, *(k for k in request.kinds if k is not own))
        if journey is not None:
            request.kinds = tuple(k for k in request.kinds if self._allows(journey, k, purpose))
        request.checked = journey is None and near is None
        request.legs = request.checked or journey is not None  # a place the user chose: never
        if self.supply is not None:
            self.supply(request.center, self.radius_km)
        request.shortlists = self._shortlists(request, {t.lower() for t in tags})
        self.no_venues = not any(
            not is_area(v) for items in request.shortlists.values() for _s, v, _t in items
        )  # the area stands in for the venue (or nothing is proposed with required tags)
        first = self._same_time(same_time, request) if same_time else None
        candidates = []
        for day in request.days:
            for rank, kind in enumerate(request.kinds):
                for found in self._best_on(day, kind, rank, request):
                    if not (first and overlap(found, first)):
                        candidates.append(found)
        picked = pick(candidates, count - bool(first), [first] if first else [])
        chosen = [self._finish(c, request) for c in picked]
        return ([self._finish(first, request, same_time=True)] if first else []) + chosen

    def _same_time(self, meeting: Interval, request: _Request) -> _Candidate | None:
        """The flagged meeting's own time at the best venue, if it fits."""
        lo, hi = request.window
        if meeting.start < lo or meeting.end > hi:
            return None
        # free in both calendars; busy time of theirs that lies within the meeting is their copy
        # of this very meeting
        inside = [b for b in request.busy if meeting.start <= b.start and b.end <= meeting.end]
        if any(b.overlaps(meeting) for b in request.busy if b not in inside):
            return None
        day = local_day(meeting.start, request.tz)
        anchors = self.anchors_near(day, request.tz)
        if not room_anywhere(meeting.start, meeting.end, anchors, self.gaps):
            return None
        length = meeting.end - meeting.start
        ranked = sorted(
            enumerate(request.kinds),
            key=lambda item: (self.windows[item[1]].misfit(length), item[0]),
        )  # a 90-minute meeting at noon is a lunch, not the purpose's first choice of coffee
        for rank, kind in ranked:
            window = self.windows[kind]
            span = day_span(day, window, self.config, request.tz)
            if span is None or not (span.start <= meeting.start < span.end):
                continue
            if length * 2 < window.duration:
                continue  # half an hour is no business lunch
            slot = _Slot(meeting.start, meeting.end, window, rank, anchors)
            slot.anchors = sorted(anchors, key=lambda a: apart(a, slot.start, slot.end))
            found = self._best_venue(slot, request)
            if found is not None:
                return found
        return None

    def longest_journey(self, purpose: Purpose | str | None) -> int:
        """The longest way each way that any kind of meeting suiting ``purpose`` allows."""
        limit = self.limit(purpose)
        return limit.widest(self.windows[k].duration for k in kinds_for(purpose))

    def limit(self, purpose: Purpose | str | None) -> JourneyLimit:
        """The journey limit of a meeting for ``purpose`` (a deal closing's is its own)."""
        key = str(purpose or "")
        if key not in self._limits:
            self._limits[key] = journey_limit(self.config, purpose)
        return self._limits[key]

    def _allows(self, journey: int, kind: MeetingKind, purpose: Purpose | str | None) -> bool:
        return self.limit(purpose).allows(journey, self.windows[kind].duration)

    def _request(
        self,
        start: datetime,
        end: datetime,
        purpose: Purpose | str | None,
        counterpart_busy: Sequence[Interval] | None,
        places: tuple[Geo, ...],
        near: Geo | None,
        area: str,
    ) -> _Request | None:
        center = near or meeting_center(places, self.home)
        if center is None:
            return None
        kinds = kinds_for(purpose)
        tz = zone_at(center, self.tz, home=self.home, name_of=self.geocoder.zone_name)
        first = local_day(start, tz)
        last = local_day(end - timedelta(microseconds=1), tz)
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        label = purpose.value if isinstance(purpose, Purpose) else str(purpose or "other")
        busy = merge([*self.busy, *counterpart_busy]) if counterpart_busy else self.busy
        area = area or self.home_area or _("the meeting place")
        request = _Request(kinds, label, busy, places, center, days, (start, end), area, tz)
        request.both = len(busy) > len(self.busy)
        return request

    def _shortlists(
        self, request: _Request, tags: Collection[str] = ()
    ) -> dict[MeetingKind, Shortlist]:
        """The venues to try per kind; where none of any kind is known around the centre (and
        no tag is required), the area itself stands in, the venue to be chosen there."""
        found = {
            kind: shortlist(
                self.catalog,
                kind,
                center=request.center,
                origin=self.home or request.center,
                places=request.places,
                purpose=request.purpose,
                travel=self.gaps.travel,
                radius_km=self.radius_km,
                tags=tags,
            )
            for kind in request.kinds
        }
        if any(found.values()) or tags:
            return found
        # the area is known by its town only: never "0 min for them" ([travel] in_town_minutes)
        floor = int(self.config["travel"]["in_town_minutes"])
        theirs = [max(THEIRS.minutes(p, request.center), floor) for p in request.places]
        worst = max(theirs) if theirs else None
        return {
            kind: [(0.0, area_venue(request.area, request.center, kind), worst)]
            for kind in request.kinds
        }

    def _best_on(
        self, day: date, kind: MeetingKind, rank: int, request: _Request
    ) -> list[_Candidate]:
        """The best candidates of ``kind`` on ``day``: the best few starts near the window's
        ideal time, and of them the best at each of up to :data:`VENUES_PER_DAY` venues."""
        window = self.windows[kind]
        span = day_span(day, window, self.config, request.tz)
        lo, hi = request.window
        if span is None or span.end <= lo or span.start >= hi:
            return []
        span = Interval(max(span.start, lo), min(span.end, hi))
        anchors = self.anchors_near(day, request.tz)
        ideal = datetime.combine(day, window.ideal, request.tz)
        options = [
            s
            for part in free_parts(span, request.busy)
            for s in starts(part, window.duration, self.step)
        ]
        options.sort(key=lambda s: abs((s - ideal).total_seconds()))
        best: dict[str, _Candidate] = {}
        tried = 0
        for slot_start in options:
            end = add(slot_start, window.duration)  # real minutes, also on a DST night
            if end > hi:
                continue  # the window asked for ends before the meeting would
            slot = _Slot(slot_start, end, window, rank, anchors)
            if not room_anywhere(slot.start, slot.end, anchors, self.gaps):
                continue
            # nearest neighbours first: a venue that does not fit usually fails on them
            slot.anchors = sorted(anchors, key=lambda a: apart(a, slot.start, slot.end))
            found = self._venues(slot, request)
            if found:
                tried += 1
                for item in found:
                    known = best.get(item.venue.name)
                    if known is None or item.score > known.score:
                        best[item.venue.name] = item
                if tried >= STARTS_PER_DAY:
                    break
        ranked = sorted(best.values(), key=lambda c: (-c.score, c.start))
        return ranked[:VENUES_PER_DAY]

    def _best_venue(self, slot: _Slot, request: _Request) -> _Candidate | None:
        found = self._venues(slot, request)
        return max(found, key=lambda c: c.score) if found else None

    def _venues(self, slot: _Slot, request: _Request) -> list[_Candidate]:
        """The first few venues of the shortlist that fit ``slot``, scored."""
        found: list[_Candidate] = []
        for static, venue, theirs in request.shortlists.get(slot.window.kind, ()):
            exact = not is_area(venue)
            if not fits(
                slot.start,
                slot.end,
                venue.geo,
                slot.anchors,
                self.gaps,
                self._memo,
                id(venue),
                exact=exact,
            ):
                continue
            state = self.catalog.open_state(venue, slot.start, slot.end, request.tz)
            if state is OpenState.CLOSED:
                continue
            candidate = self._candidate(slot, venue, static, theirs, state, request)
            if request.checked and not self._in_proportion(candidate, request.purpose):
                continue
            if request.legs and not self._legs_in_proportion(candidate, request.purpose):
                continue
            found.append(candidate)
            if len(found) >= VENUES_PER_SLOT:
                break
        return found

    def _in_proportion(self, candidate: _Candidate, purpose: str) -> bool:
        """Whether every known way to the venue (the user's there and back, the counterparts')
        suits the meeting; the least way beyond the limit is kept in :attr:`too_far`. On a day
        the user is in the venue's city anyway the way there and home is the trip's, not the
        meeting's (the ways to the meetings next to it are checked all the same:
        :meth:`_legs_in_proportion`). A deal closing is worth a day trip from home, not a
        detour from a trip elsewhere: away from home its ways are held to the limit of any
        other meeting (in Vienna on Friday, a signing lunch in Hamburg, 223 min each way, was
        proposed)."""
        if candidate.city:  # the way there and home is the trip's; not one to the next meeting
            return True
        ways = [m for m in (candidate.before, candidate.after, candidate.theirs) if m is not None]
        longest = max(ways, default=None)
        away = longest is not None and self._away_from_home(local_day(candidate.start, self.tz))
        if longest is None or self._allows(longest, candidate.kind, "" if away else purpose):
            return True
        self.too_far = min(longest, self.too_far or longest)
        self.away_limit = self.away_limit or away
        return False

    def _legs_in_proportion(self, candidate: _Candidate, purpose: str) -> bool:
        """Whether the ways from and to the meetings next to the venue suit the meeting, also
        on a day the user is in the venue's city anyway (a coffee in Vienna at ten, the flight
        to Vienna leaving Hamburg at three: 223 min to the airport fitted in the time)."""
        longest = max(candidate.legs, default=None)
        if longest is None or self._allows(longest, candidate.kind, purpose):
            return True
        self.too_far = min(longest, self.too_far or longest)
        return False

    def _candidate(
        self,
        slot: _Slot,
        venue: Venue,
        static: float,
        theirs: int | None,
        state: OpenState,
        request: _Request,
    ) -> _Candidate:
        day = local_day(slot.start, self.tz)  # the user's calendar day
        anchors = self._same_day.get(day, [])
        base = self.base(day)
        exact = not is_area(venue)
        previous, following = last_in_person(anchors, slot.start), next_in_person(anchors, slot.end)
        before = self._minutes(previous or base, venue.geo, exact)
        after = self._minutes(following or base, venue.geo, exact)
        near = ((before, previous), (after, following))
        legs = tuple(m for m, a in near if a is not None and m is not None)
        there = local_day(slot.start, request.tz)  # the day where the meeting is
        ideal = datetime.combine(there, slot.window.ideal, request.tz)
        score = static + (10.0, 6.0, 3.0)[min(slot.rank, 2)] + travel_score(before, theirs)
        score -= abs((slot.start - ideal).total_seconds()) / 3600
        score -= 0.05 * (there - request.days[0]).days
        city = self._cluster_city(day, venue)
        score += 15.0 if city else 0.0
        score -= 2.0 if state is OpenState.UNKNOWN else 0.0
        return _Candidate(
            slot.start,
            slot.end,
            slot.window.kind,
            venue,
            score,
            before,
            after,
            theirs,
            state,
            city,
            legs,
        )

    def _finish(self, found: _Candidate, request: _Request, *, same_time: bool = False) -> Proposal:
        """The proposal with its reasons (built only for the ones handed out)."""
        why = Why(
            request.purpose,
            request.both,
            bool(request.places),
            bool(self.config["geo"]["online"]),
            self.travel_reasons,
        )
        abroad = request.tz is not self.tz  # its times are in the place's zone
        return Proposal(
            found.start.astimezone(request.tz) if abroad else found.start,
            found.end.astimezone(request.tz) if abroad else found.end,
            found.kind,
            found.venue,
            (found.before, found.after),
            found.score,
            reasons(
                found.kind,
                found.venue,
                why=why,
                before=found.before,
                theirs=found.theirs,
                state=found.state,
                city=found.city,
                favourite=self.catalog.is_favourite(found.venue),
                same_time=same_time,
                people=max(1, len(request.places)),
            ),
            found.theirs,
            same_time=same_time,
            zone=request.tz.key if abroad else "",
        )
