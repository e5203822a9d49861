"""Whom to meet where: the counterpart's home and last meeting place decide where proposals
look — near them, near the user, or, for someone from another city, on a trip there, during
their visit, or at a fair meeting point in between (see :mod:`planner.meet.faraway`).

Composition over ``judge`` (homes) and ``meet`` (proposals); used by :mod:`planner.flows.weekly` and
:mod:`planner.flows.session`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from planner.config import Config
from planner.i18n import _
from planner.judge.zones import place_text
from planner.model import Classification, Event, Geo, Interval, Mode, Purpose
from planner.people.addresses import address_key

if TYPE_CHECKING:
    from planner.judge.homes import HomeCity
    from planner.meet.proposals import Proposal, Proposer

Modes = Mapping[tuple[str, str], Classification]


@dataclass(frozen=True)
class MeetRequest:
    """Whom to meet, when, what for, their busy time and how many proposals."""

    emails: Sequence[str]
    start: datetime
    end: datetime
    purpose: Purpose | str | None
    busy: Sequence[Interval]
    count: int
    near: Geo | None = None  # the user's choice (--near) overrides everything
    near_label: str = ""
    now: datetime | None = None  # meetings before it are history
    same_time: Interval | None = None  # a flagged meeting's own time, tried first
    like: Interval | None = None  # a meeting the proposals replace: its kind is tried first


def propose_to_meet(
    proposer: Proposer,
    request: MeetRequest,
    *,
    events: Sequence[Event],
    modes: Modes,
    homes: Callable[[str], HomeCity | None],
    supply: object | None = None,
    trips: Mapping[date, tuple[str, Geo]] | None = None,
    places: Callable[[Sequence[str]], str] | None = None,
) -> tuple[list[Proposal], list[str]]:
    """Proposals to meet ``request.emails`` and notes to show with them: where the counterpart
    lives decides where to look (near them, near the user, or — for someone from another city
    — on a trip there, during their visit, or at a fair meeting point); when nothing can be
    proposed the notes say why and what to do.

    ``trips`` (day → (city, place)) adds days the user is away that the calendar's in-person
    meetings do not show (flights, trains, hotel stays from a travel plan); ``places`` may
    answer :func:`counterpart_place` for many requests (:class:`CounterpartPlaces`)."""
    config = proposer.config
    groups = _by_organisation(request.emails, homes)
    far = [home for _g, home in groups if far_away(proposer, request, home)]
    if far:
        others = tuple(h.geo for _g, h in groups if h is not None and h.geo is not None)
        found, notes = _propose_far(
            proposer, request, far[0], events, modes, supply, trips or {}, others
        )
        why = "" if found else _why_none(proposer, request)
        return found, [why, *notes] if why else notes
    found_places: list[Geo] = []
    labels: list[str] = []
    if request.near is None:
        for group, home in groups:
            if home is None or home.geo is None:
                continue
            text = (
                places(group)
                if places is not None
                else counterpart_place(group, events, modes, config, request.now or request.start)
            )
            located = proposer.locate(text) if text else None
            found_places.append(located.geo if located else home.geo)
            labels.append(home.city)
    label = request.near_label or " / ".join(dict.fromkeys(c for c in labels if c))
    found = proposer.propose(
        request.start,
        request.end,
        purpose=request.purpose,
        counterpart_busy=request.busy,
        counterpart_place=found_places,
        near=request.near,
        count=request.count,
        same_time=request.same_time,
        like=request.like,
        area=label,
    )
    notes: list[str] = []
    if not found_places and request.near is None and proposer.home is None:
        notes.append(_no_place(config))
    elif not found_places and request.near is None:
        why = _("Their city is unknown, so these are near you")
        found = [replace(p, reasons=(p.reasons[0], why, *p.reasons[1:])) for p in found]
        label = proposer.home_area  # the town: the home's street is shown to nobody
    if not found and (why := _why_none(proposer, request)):
        notes.insert(0, why)
    elif not found and proposer.too_far is not None:
        notes.insert(0, _too_far(proposer, request, label))
    elif proposer.no_venues:
        notes.append(_no_venues(label or proposer.home_area, config))
    return found, notes


def _no_place(config: Config) -> str:
    """Neither side's place is known: [user] home is not set, or it is but was not found."""
    home = str(config.user["home"] or "").strip()
    if not home:
        return _("Neither your place nor theirs is known, so no venue can be chosen: set your "
                 "home city in [user] home (planner init) or give --near PLACE")  # fmt: skip
    if config["geo"]["online"]:
        return _("Neither your place nor theirs is known, so no venue can be chosen: your "
                 "[user] home \"{home}\" could not be located; write it as a city, or a postal "
                 "code and city, or give --near PLACE", home=home)  # fmt: skip
    return _("Neither your place nor theirs is known, so no venue can be chosen: your [user] "
             "home \"{home}\" could not be located offline; write it as a city, or a postal "
             "code and city, allow look-ups with [geo] online = true, or give --near PLACE",
             home=home)  # fmt: skip


def _why_none(proposer: Proposer, request: MeetRequest) -> str:
    """Why nothing can be proposed when the user's side leaves no time (no working day in the
    window, or every one taken by their own calendar), for ``propose`` and the week alike; ""
    when time is left (then venues, distance or the counterpart's calendar are why)."""
    config = proposer.config
    if idle := _no_working_day(config, request.start, request.end):
        return idle
    if taken := proposer.taken(request.start, request.end):
        return _taken(taken, request, config)
    return ""


def _too_far(proposer: Proposer, request: MeetRequest, label: str) -> str:
    """Why nothing is proposed when every venue asks a journey beyond the limit."""
    from planner.meet.budget import beyond_venues

    purpose = "" if proposer.away_limit else request.purpose  # a trip's detours: any meeting's
    limit = proposer.longest_journey(purpose)
    key = proposer.limit(purpose).key
    place = label or proposer.home_area
    return beyond_venues(place, limit, proposer.too_far or limit, key)


def _no_working_day(config: Config, start: datetime, end: datetime) -> str:
    """Why nothing can be proposed when no day of ``[start, end)`` is worked (every window,
    breakfast and dinner too, lies on a working day); "" when one is."""
    from planner.i18n import short_day

    first = start.astimezone(config.tz).date()
    last = (end - timedelta(microseconds=1)).astimezone(config.tz).date()
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    if any(config.working_hours(d.weekday()) is not None for d in days):
        return ""
    return _(
        "No day from {first} to {last} is a working day in [working_hours], and proposals lie "
        'on working days only: give the days you work there, e.g. monday = "09:00-18:00"',
        first=short_day(first),
        last=short_day(last),
    )


def _taken(titles: list[str], request: MeetRequest, config: Config) -> str:
    """Why nothing is proposed when the user's own calendar holds every working day."""
    from planner.i18n import short_day

    last = request.end - timedelta(microseconds=1)
    return _(
        "Every working day from {first} to {last} is taken by {what}: no time is free to meet "
        "then; try another week",
        first=short_day(request.start.astimezone(config.tz).date()),
        last=short_day(last.astimezone(config.tz).date()),
        what=", ".join(f"'{t}'" for t in titles[:3]),
    )


def _by_organisation(
    emails: Sequence[str], homes: Callable[[str], HomeCity | None]
) -> list[tuple[list[str], HomeCity | None]]:
    """The counterparts by organisation (e-mail domain), each with the first known home: people
    of one organisation are met at one place; several organisations each count."""
    groups: dict[str, list[str]] = {}
    for email in emails:
        groups.setdefault(email.rpartition("@")[2].lower(), []).append(email)
    found = []
    for group in groups.values():
        home = next((h for e in group if (h := homes(e)) is not None), None)
        found.append((group, home))
    return found


def far_away(proposer: Proposer, request: MeetRequest, home: HomeCity | None) -> bool:
    """Whether the counterpart lives far from the user (proposals then follow trips)."""
    from planner.meet.geo import distance_km

    if request.near is not None or not home or not home.geo or not proposer.home:
        return False
    return distance_km(home.geo, proposer.home) > float(proposer.config["geo"]["far_away_km"])


def _no_venues(place: str, config: Config) -> str:
    from planner.meet.places import no_venues_hint

    return no_venues_hint(place or _("your area"), bool(config["geo"]["online"]))


def _propose_far(
    proposer: Proposer,
    request: MeetRequest,
    home: HomeCity,
    events: Sequence[Event],
    modes: Modes,
    supply: object | None,
    extra_trips: Mapping[date, tuple[str, Geo]],
    others: tuple[Geo, ...] = (),
) -> tuple[list[Proposal], list[str]]:
    from planner.meet.faraway import FarRequest, Whereabouts, in_person_days, propose_far
    from planner.meet.geo import distance_km
    from planner.meet.proposals import Proposer

    assert home.geo is not None and proposer.home is not None
    user_home = proposer.home
    known = {**extra_trips, **proposer.trips()}
    trips = {d: Whereabouts(city, geo) for d, (city, geo) in known.items()}
    # their visit: a meeting in person near the user with one of *them*, not with a colleague
    # of theirs (someone else of the firm in town says nothing of where they are)
    wanted = {address_key(e) for e in request.emails}
    window = [e for e in events if request.start <= e.start < request.end]
    visits = in_person_days(
        window,
        {k: c.mode for k, c in modes.items()},
        proposer.locate,
        proposer.tz,
        keep=lambda e, geo: (
            any(address_key(p.email) in wanted for p in e.people())
            and distance_km(geo, user_home) <= 50.0
        ),
    )

    def make(catalog: object) -> Proposer:
        return Proposer(
            proposer.events,
            proposer.config,
            catalog,  # type: ignore[arg-type]
            modes=proposer.modes,
            geocoder=proposer.geocoder,
            home=user_home,
            travel_reasons=False,
            routes=proposer.routes,
            nights=proposer.nights,
        )

    far = FarRequest(
        request.start,
        request.end,
        request.purpose,
        request.busy,
        user_home,
        Whereabouts(home.city, home.geo),
        request.count,
        request.now or request.start,
        others if len(others) > 1 else (),
        proposer.longest_journey(request.purpose),
    )
    plan = propose_far(proposer, make, far, trips=trips, visits=visits, supply=supply)  # type: ignore[arg-type]
    notes = [plan.note] if plan.note else []
    return plan.proposals, notes


def counterpart_place(
    emails: Sequence[str], events: Sequence[Event], modes: Modes, config: Config, now: datetime
) -> str:
    """Where these counterparts (or their organisation) were last met in person: their office,
    usually; "" when they never were."""
    return CounterpartPlaces(events, modes, config, now).of(emails)


class CounterpartPlaces:
    """:func:`counterpart_place` for many meetings: the events are scanned once, and each
    organisation's (e-mail domain's) latest in-person place is kept. The meetings are taken
    newest first, so a location is read only for a meeting that is the latest of one of its
    organisations (years of history: a few hundred readings, not thousands)."""

    def __init__(
        self, events: Sequence[Event], modes: Modes, config: Config, now: datetime
    ) -> None:
        self.mine = config.addresses
        self.own = config.own_domains
        self.latest: dict[str, tuple[Event, int]] = {}
        met = [
            (number, other)
            for number, other in enumerate(events)
            if other.end <= now and other.location and modes[other.key].mode is Mode.IN_PERSON
        ]
        # newest first; of two at the same time the earlier in ``events`` (a stable sort)
        for number, other in sorted(met, key=lambda pair: pair[1].start, reverse=True):
            new = {p.domain for p in other.people()} - self.latest.keys()
            if not new or not place_text(other.location):
                continue  # nobody new, or no place to find: only an app, a room, a link
            for domain in new:
                self.latest[domain] = (other, number)

    def of(self, emails: Sequence[str]) -> str:
        domains = {e.rpartition("@")[2].lower() for e in emails if e.lower() not in self.mine}
        found = [self.latest[d] for d in domains - self.own if d in self.latest]
        if not found:
            return ""
        # the latest; of two at the same time the earlier in ``events``, as a single scan finds
        return place_text(max(found, key=lambda pair: (pair[0].start, -pair[1]))[0].location)
