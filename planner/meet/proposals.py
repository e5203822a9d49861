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

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from planner.i18n import _
from planner.ical.wallclock import add
from planner.meet.geo import Geocoder, Place, distance_km
from planner.meet.pick import Proposal, overlap, pick
from planner.meet.shortlist import (
    AWAY_KM,
    Shortlist,
    meeting_center,
    shortlist,
    travel_score,
)
from planner.meet.slots import (
    Anchor,
    MeetingKind,
    MeetingWindow,
    anchors_from_events,
    apart,
    by_day,
    day_span,
    fits,
    free_parts,
    gaps_from_config,
    kind_label,
    kinds_for,
    last_in_person,
    local_day,
    meeting_windows,
    merge,
    next_in_person,
    room_anywhere,
    starts,
    working_places,
)
from planner.meet.venues import Catalog, OpenState, Venue
from planner.model import Event, Geo, Interval, Mode, Purpose

if TYPE_CHECKING:
    from planner.config import Config

VENUES_PER_SLOT = 3  # feasible venues compared per candidate time
STARTS_PER_DAY = 3  # feasible starts looked at per day and kind
CLUSTER_KM = 20.0  # a venue this close to a meeting in another city counts as "there"


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A scored time and place, before its reasons are written."""

    start: datetime
    end: datetime
    kind: MeetingKind
    venue: Venue
    score: float
    before: int
    after: int
    theirs: int | None
    state: OpenState
    city: str


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
    """One counterpart's request, prepared."""

    kinds: tuple[MeetingKind, ...]
    purpose: str
    busy: list[Interval]
    place: Geo | None
    center: Geo
    days: list[date]
    window: tuple[datetime, datetime]
    shortlists: dict[MeetingKind, Shortlist] = field(default_factory=dict)


class Proposer:
    """Prepared once per user calendar; :meth:`propose` per counterpart."""

    def __init__(
        self,
        events: Iterable[Event],
        config: Config,
        catalog: Catalog,
        *,
        modes: Mapping[tuple[str, str], Mode] | None = None,
        geocoder: Geocoder | None = None,
        home: Geo | None = None,
        supply: Callable[[Geo, float], bool] | None = None,
        travel_reasons: bool = True,
        whereabouts: Mapping[date, tuple[str, Geo | None, str]] | None = None,
    ) -> None:
        """``whereabouts`` (from :func:`planner.judge.travel.whereabouts`) tells where the
        user's travel takes them per day: venues there count as "in that city anyway"."""
        self.events = tuple(events)
        self.modes = modes
        self.config = config
        self.whereabouts = dict(whereabouts or {})
        # makes sure venues are known around a centre (planner.meet.fetched.VenueSupply)
        self.supply = supply
        self.travel_reasons = travel_reasons
        self.no_venues = False  # the last propose() found no venue at all around its centre
        self.catalog = catalog
        self.tz = config.tz
        self.geocoder = geocoder or Geocoder(config, catalog)
        self.gaps = gaps_from_config(config)
        self.windows = meeting_windows(config)
        self.step = timedelta(minutes=config["slots"]["step_minutes"])
        self.radius_km = float(config["venues"]["radius_km"])
        tentative = config["slots"]["tentative_blocks"]
        self.anchors = anchors_from_events(
            self.events,
            tentative_blocks=tentative,
            modes=modes,
            locate=self.geocoder.locate,
            focus_blocks=config["slots"]["focus_blocks"],
        )
        self.busy = merge(Interval(a.start, a.end) for a in self.anchors)
        self.anchors_by_day = by_day(self.anchors, self.tz)
        self.home = home or self._home()
        self.workplaces = self._workplaces(events)
        self._memo: dict[Any, int] = {}
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
        """Days the user is in another city (in-person meetings there): day → (city, place)."""
        return {
            day: (a.city or a.title, a.place)
            for day, anchors in sorted(self._away.items())
            for a in anchors[:1]
            if a.place is not None
        }

    def _is_away(self, anchor: Anchor) -> bool:
        if not anchor.in_person or anchor.place is None or self.home is None:
            return False
        return distance_km(anchor.place, self.home) > AWAY_KM

    def _home(self) -> Geo | None:
        text = self.config.user["home"]
        place = self.geocoder.locate(text) if text else None
        return place.geo if place else None

    def _workplaces(self, events: Iterable[Event]) -> dict[date, Geo]:
        """Where the user works each day, from working-location entries that can be located
        ("home" is the configured home); such a day's travel starts there, not at home."""
        found: dict[date, Geo] = {}
        located: dict[str, Geo | None] = {}
        for day, label in working_places(events, self.tz).items():
            if label not in located:
                place = None if label.casefold() == "home" else self.geocoder.locate(label)
                located[label] = place.geo if place else self.home
            if (geo := located[label]) is not None:
                found[day] = geo
        return found

    def locate(self, text: str) -> Place | None:
        """A place for ``--near`` or a counterpart's address (see :class:`Geocoder`)."""
        return self.geocoder.locate(text)

    def propose(
        self,
        start: datetime,
        end: datetime,
        *,
        purpose: Purpose | str | None = None,
        counterpart_busy: Sequence[Interval] = (),
        counterpart_place: Geo | None = None,
        near: Geo | None = None,
        count: int = 3,
        tags: Collection[str] = (),
        same_time: Interval | None = None,
    ) -> list[Proposal]:
        """Up to ``count`` proposals in ``[start, end)``, best first, on different days where
        possible; ``tags`` keeps only venues with all of them (e.g. ``{"women_only"}``).

        ``same_time`` is a flagged meeting's own time: when it fits (free on both sides, in a
        window that suits the purpose, a venue open and reachable) it is the first proposal,
        "same time, in person at …", and the others follow."""
        request = self._request(start, end, purpose, counterpart_busy, counterpart_place, near)
        if request is None:
            return []
        if self.supply is not None:
            self.supply(request.center, self.radius_km)
        request.shortlists = self._shortlists(request, {t.lower() for t in tags})
        self.no_venues = not any(request.shortlists.values())
        first = self._same_time(same_time, request) if same_time else None
        candidates = []
        for day in request.days:
            for rank, kind in enumerate(request.kinds):
                best = self._best_on(day, kind, rank, request)
                if best is not None and not (first and overlap(best, first)):
                    candidates.append(best)
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
        day = local_day(meeting.start, self.tz)
        anchors = self.anchors_by_day.get(day, [])
        if not room_anywhere(meeting.start, meeting.end, anchors, self.gaps):
            return None
        for rank, kind in enumerate(request.kinds):
            window = self.windows[kind]
            span = day_span(day, window, self.config, self.tz)
            if span is None or not (span.start <= meeting.start < span.end):
                continue
            if (meeting.end - meeting.start) * 2 < window.duration:
                continue  # half an hour is no business lunch
            slot = _Slot(meeting.start, meeting.end, window, rank, anchors)
            slot.anchors = sorted(anchors, key=lambda a: apart(a, slot.start, slot.end))
            found = self._best_venue(slot, request)
            if found is not None:
                return found
        return None

    def _request(
        self,
        start: datetime,
        end: datetime,
        purpose: Purpose | str | None,
        counterpart_busy: Sequence[Interval],
        place: Geo | None,
        near: Geo | None,
    ) -> _Request | None:
        center = near or meeting_center(place, self.home, self.catalog)
        if center is None:
            return None
        kinds = kinds_for(purpose)
        first = local_day(start, self.tz)
        last = local_day(end - timedelta(microseconds=1), self.tz)
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        label = purpose.value if isinstance(purpose, Purpose) else str(purpose or "other")
        busy = merge([*self.busy, *counterpart_busy]) if counterpart_busy else self.busy
        return _Request(kinds, label, busy, place, center, days, (start, end))

    def _shortlists(
        self, request: _Request, tags: Collection[str] = ()
    ) -> dict[MeetingKind, Shortlist]:
        return {
            kind: shortlist(
                self.catalog,
                kind,
                center=request.center,
                origin=self.home or request.center,
                place=request.place,
                purpose=request.purpose,
                travel=self.gaps.travel,
                radius_km=self.radius_km,
                tags=tags,
            )
            for kind in request.kinds
        }

    def _best_on(
        self, day: date, kind: MeetingKind, rank: int, request: _Request
    ) -> _Candidate | None:
        window = self.windows[kind]
        span = day_span(day, window, self.config, self.tz)
        lo, hi = request.window
        if span is None or span.end <= lo or span.start >= hi:
            return None
        span = Interval(max(span.start, lo), min(span.end, hi))
        anchors = self.anchors_by_day.get(day, [])
        ideal = datetime.combine(day, window.ideal, self.tz)
        options = [
            s
            for part in free_parts(span, request.busy)
            for s in starts(part, window.duration, self.step)
        ]
        options.sort(key=lambda s: abs((s - ideal).total_seconds()))
        best: _Candidate | None = None
        tried = 0
        for slot_start in options:
            end = add(slot_start, window.duration)  # real minutes, also on a DST night
            slot = _Slot(slot_start, end, window, rank, anchors)
            if not room_anywhere(slot.start, slot.end, anchors, self.gaps):
                continue
            # nearest neighbours first: a venue that does not fit usually fails on them
            slot.anchors = sorted(anchors, key=lambda a: apart(a, slot.start, slot.end))
            found = self._best_venue(slot, request)
            if found is not None:
                tried += 1
                if best is None or found.score > best.score:
                    best = found
                if tried >= STARTS_PER_DAY:
                    break
        return best

    def _best_venue(self, slot: _Slot, request: _Request) -> _Candidate | None:
        """The best of the first few venues of the shortlist that fit ``slot``."""
        best: _Candidate | None = None
        feasible = 0
        for static, venue, theirs in request.shortlists.get(slot.window.kind, ()):
            if not fits(
                slot.start, slot.end, venue.geo, slot.anchors, self.gaps, self._memo, id(venue)
            ):
                continue
            state = self.catalog.open_state(venue, slot.start, slot.end)
            if state is OpenState.CLOSED:
                continue
            found = self._candidate(slot, venue, static, theirs, state, request)
            if best is None or found.score > best.score:
                best = found
            feasible += 1
            if feasible >= VENUES_PER_SLOT:
                break
        return best

    def _candidate(
        self,
        slot: _Slot,
        venue: Venue,
        static: float,
        theirs: int | None,
        state: OpenState,
        request: _Request,
    ) -> _Candidate:
        day = local_day(slot.start, self.tz)
        anchors = self._same_day.get(day, [])
        base = self.workplaces.get(day) or self.home
        before = self._minutes(last_in_person(anchors, slot.start) or base, venue.geo)
        after = self._minutes(next_in_person(anchors, slot.end) or base, venue.geo)
        ideal = datetime.combine(day, slot.window.ideal, self.tz)
        score = static + (10.0, 6.0, 3.0)[min(slot.rank, 2)] + travel_score(before, theirs)
        score -= abs((slot.start - ideal).total_seconds()) / 3600
        score -= 0.05 * (day - request.days[0]).days
        city = self._cluster_city(day, venue)
        score += 15.0 if city else 0.0
        score -= 2.0 if state is OpenState.UNKNOWN else 0.0
        return _Candidate(
            slot.start, slot.end, slot.window.kind, venue, score, before, after, theirs, state, city
        )

    def _finish(self, found: _Candidate, request: _Request, *, same_time: bool = False) -> Proposal:
        """The proposal with its reasons (built only for the ones handed out)."""
        venue = found.venue
        reasons = [_reason_kind(found.kind, request.purpose)]
        if same_time:
            reasons.insert(0, _("Same time as the meeting, in person at {venue}", venue=venue.name))
        if found.city:
            reasons.append(_("You are in {city} that day anyway", city=found.city))
        reasons += self._travel_reasons(found.before, found.theirs)
        if self.catalog.is_favourite(venue):
            reasons.append(_("{venue} is one of your favourites", venue=venue.name))
        if found.state is OpenState.UNKNOWN:
            reasons.append(
                _("Opening hours of {venue} are unknown; check before you go", venue=venue.name)
            )
        else:
            reasons.append(_("{venue} is open then", venue=venue.name))
        if len(request.busy) > len(self.busy):
            reasons.append(_("Free in both calendars"))
        elif request.place is not None:
            reasons.append(_("Free in your calendar"))
        return Proposal(
            found.start,
            found.end,
            found.kind,
            venue,
            (found.before, found.after),
            found.score,
            tuple(reasons),
            found.theirs,
            same_time=same_time,
        )

    def _minutes(self, place: Geo | None, venue: Geo) -> int:
        if place is None:
            return 0
        return int(self.gaps.travel_time(place, venue, self._memo).total_seconds() // 60)

    def _cluster_city(self, day: date, venue: Venue) -> str:
        """The other city the user is in on ``day`` when ``venue`` lies there, else ``""``."""
        for anchor in self._away.get(day, ()):
            if anchor.place is not None and distance_km(anchor.place, venue.geo) <= CLUSTER_KM:
                return anchor.city or venue.city or anchor.title
        if day in self.whereabouts:
            city, geo, _evidence = self.whereabouts[day]
            if geo is None and (place := self.geocoder.locate(city)) is not None:
                geo = place.geo
                self.whereabouts[day] = (city, geo, _evidence)
            if geo is not None and distance_km(geo, venue.geo) <= CLUSTER_KM:
                return city
        return ""

    def _travel_reasons(self, before: int, theirs: int | None) -> list[str]:
        if not self.travel_reasons:
            return []
        if theirs is None:
            return [_("{minutes} min travel for you", minutes=before)] if before else []
        return [_("{mine} min travel for you, {theirs} min for them", mine=before, theirs=theirs)]


def _reason_kind(kind: MeetingKind, purpose: str) -> str:
    label = kind_label(kind)
    if purpose == Purpose.FIRST_CONTACT:
        return _("{kind} suits a first meeting", kind=label)
    if purpose == Purpose.DEAL_CLOSING:
        return _("{kind} suits closing a deal", kind=label)
    if purpose == Purpose.NETWORKING:
        return _("{kind} suits networking", kind=label)
    if purpose == Purpose.VISIT:
        return _("{kind} near their place", kind=label)
    return _("{kind} in its usual time", kind=label)
