"""Whom to meet where: the counterpart's home and last meeting place decide where proposals
look — near them, near the user, or, for someone from another city, on a trip there, during
their visit, or at a fair meeting point in between (see :mod:`planner.meet.faraway`).

Composition over ``judge`` (homes) and ``meet`` (proposals); used by :mod:`planner.flows.weekly` and
:mod:`planner.flows.session`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from planner.config import Config
from planner.i18n import _
from planner.judge.zones import place_text
from planner.model import Classification, Event, Geo, Interval, Mode, Purpose

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
    home = next((h for e in request.emails if (h := homes(e)) is not None), None)
    if far_away(proposer, request, home):
        assert home is not None
        return _propose_far(proposer, request, home, events, modes, supply, trips or {})
    place = request.near
    label = request.near_label
    if place is None and home is not None and home.geo is not None:
        text = (
            places(request.emails)
            if places is not None
            else counterpart_place(
                request.emails, events, modes, config, request.now or request.start
            )
        )
        located = proposer.locate(text) if text else None
        place, label = (located.geo if located else home.geo), home.city
    found = proposer.propose(
        request.start,
        request.end,
        purpose=request.purpose,
        counterpart_busy=request.busy,
        counterpart_place=place if request.near is None else None,
        near=request.near,
        count=request.count,
        same_time=request.same_time,
    )
    notes: list[str] = []
    if place is None and request.near is None:
        why = _("Their city is unknown, so these are near you")
        found = [replace(p, reasons=(p.reasons[0], why, *p.reasons[1:])) for p in found]
        label = config.user["home"]
    if not found and proposer.no_venues:
        notes.append(_no_venues(label or config.user["home"], config))
    return found, notes


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
) -> tuple[list[Proposal], list[str]]:
    from planner.meet.faraway import FarRequest, Whereabouts, in_person_days, propose_far
    from planner.meet.geo import distance_km
    from planner.meet.proposals import Proposer

    assert home.geo is not None and proposer.home is not None
    user_home = proposer.home
    known = {**extra_trips, **proposer.trips()}
    trips = {d: Whereabouts(city, geo) for d, (city, geo) in known.items()}
    domains = {e.rpartition("@")[2].lower() for e in request.emails} - proposer.config.own_domains
    window = [e for e in events if request.start <= e.start < request.end]
    visits = in_person_days(
        window,
        {k: c.mode for k, c in modes.items()},
        proposer.locate,
        proposer.tz,
        keep=lambda e, geo: (
            bool(domains & {p.domain for p in e.people()}) and distance_km(geo, user_home) <= 50.0
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
    )
    plan = propose_far(proposer, make, far, trips=trips, visits=visits, supply=supply)  # type: ignore[arg-type]
    notes = [plan.note] if plan.note else []
    if not plan.proposals and plan.gaps and not proposer.config["geo"]["online"]:
        notes.append(_no_venues(plan.gaps[0], proposer.config))
    return plan.proposals, notes


def counterpart_place(
    emails: Sequence[str], events: Sequence[Event], modes: Modes, config: Config, now: datetime
) -> str:
    """Where these counterparts (or their organisation) were last met in person: their office,
    usually; "" when they never were."""
    return CounterpartPlaces(events, modes, config, now).of(emails)


class CounterpartPlaces:
    """:func:`counterpart_place` for many meetings: the events are scanned once, and each
    organisation's (e-mail domain's) latest in-person place is kept."""

    def __init__(
        self, events: Sequence[Event], modes: Modes, config: Config, now: datetime
    ) -> None:
        self.me = config.user["email"].lower()
        self.own = config.own_domains
        self.latest: dict[str, tuple[Event, int]] = {}
        for number, other in enumerate(events):
            if other.end > now or not other.location or modes[other.key].mode is not Mode.IN_PERSON:
                continue
            if not place_text(other.location):
                continue  # no place to find: only an app, a room, a number or a link
            for domain in {p.domain for p in other.people()}:
                best = self.latest.get(domain)
                if best is None or other.start > best[0].start:
                    self.latest[domain] = (other, number)

    def of(self, emails: Sequence[str]) -> str:
        domains = {e.rpartition("@")[2].lower() for e in emails if e.lower() != self.me}
        found = [self.latest[d] for d in domains - self.own if d in self.latest]
        if not found:
            return ""
        # the latest; of two at the same time the earlier in ``events``, as a single scan finds
        return place_text(max(found, key=lambda pair: (pair[0].start, -pair[1]))[0].location)
