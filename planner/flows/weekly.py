"""The week's judgement, put together: mode, purpose, recommendation and proposals for every
event, the balance against the target, and the key accounts due for a visit.

Pure over already read events and an opened ledger (:class:`planner.judge.relations.Ledger`);
:func:`planner.api.plan_week` reads the calendars and opens the ledger.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from planner.config import Config
from planner.flows.meeting_place import CounterpartPlaces, MeetRequest, far_away, propose_to_meet
from planner.flows.once import count_once, not_history, pairs
from planner.flows.own_travel import located_trips, own_travel, proposer_over
from planner.flows.plan import (
    PlannedEvent,
    WeeklyPlan,
    assessment,
    balance_items,
    costs_travel,
    is_meeting,
    settle_flags,
    week_bounds,
    week_stats,
)
from planner.flows.week_cities import begin, week_cities
from planner.judge.people import in_balance
from planner.judge.purpose import determine_purpose
from planner.judge.recommend import balance, due_for_visit, recommend
from planner.judge.relations import Ledger
from planner.model import (
    Action,
    Classification,
    Event,
    Interval,
    Mode,
    Purpose,
    PurposeResult,
    Recommendation,
)

if TYPE_CHECKING:
    from planner.meet.proposal_cache import ProposalCache
    from planner.meet.proposals import Proposal
    from planner.people.directory import People
    from planner.store import Store

# busy time of several people together (any of them busy), None when no calendar can tell
FreeBusy = Callable[[Sequence[str], datetime, datetime], Sequence[Interval] | None]
Modes = Mapping[tuple[str, str], Classification]
# what judging one event concludes: classification (None: the one ``modes`` holds, which need
# not travel back from a worker), meeting, external, purpose, recommendation
Conclusions = tuple[
    "Classification | None", bool, bool, "PurposeResult | None", "Recommendation | None"
]
TREND_WEEKS = 4
JUDGED_APART = 2_000  # events from which a week is judged on several cores
# the share judged here: a forked worker judges more slowly (what it reads is copied into it
# as it touches it) and sends its conclusions back (50,000: 1.36-1.16 s halved, 1.15-1.19 s so;
# with its conclusions sent once each, 0.54 left this process 0.15-0.3 s behind the worker)
JUDGED_HERE = 0.52
PROPOSALS_PER_MEETING = 2


def read_window(config: Config, first_day: date, now: datetime) -> tuple[datetime, datetime]:
    """What to read for a week: the ledger's look-back before it (or before now, whichever is
    earlier) and a week after it (trips and meetings right after the week shown)."""
    start, end = week_bounds(first_day, config)
    lookback = timedelta(days=config["relations"]["lookback_days"])
    return min(start, now) - lookback, max(end, now) + timedelta(days=7)


def update_ledger(
    ledger: Ledger,
    events: Sequence[Event],
    modes: Modes,
    config: Config,
    now: datetime,
    found: Mapping[tuple[str, str], Any] | None = None,
) -> None:
    """Bring the ledger in line with the history in ``events`` (read by :func:`read_window`),
    and let its directory learn the names and signatures of everyone in them (``found``: the
    :func:`planner.flows.once.pairs` of ``events``, where the caller has them)."""
    from planner.people.sources import learn

    learn(ledger.directory.people, events)
    since = now - timedelta(days=config["relations"]["lookback_days"])
    past = [e for e in events if since <= e.start and e.end <= now]
    skip = not_history(pairs(past) if found is None else found)  # the meeting took place
    kept = (e for e in past if e.key not in skip)
    history = ((e, modes[e.key].mode) for e in kept if not _not_a_meeting(modes[e.key]))
    ledger.update(history, now=now, since=since)
    ledger.expect(((e, modes[e.key]) for e in events if e.end > now), now)


def _not_a_meeting(found: Classification) -> bool:
    """The user said it was no meeting: nobody was met there."""
    return found.said is not None and found.said.meeting is False


def _purpose_of(event: Event, found: Classification, ledger: Ledger, config: Config) -> Purpose:
    return determine_purpose(event, ledger, config, found.mode, said=found.said).purpose


def build_plan(
    events: Sequence[Event],
    config: Config,
    first_day: date,
    *,
    now: datetime,
    ledger: Ledger,
    catalog: object | None = None,
    free_busy: FreeBusy | None = None,
    modes: Modes | None = None,
    geocoder: object | None = None,
    supply: object | None = None,
    proposal_cache: ProposalCache | None = None,
    held: Sequence[Event] = (),
    store: Store | None = None,
    cities: bool = False,
) -> WeeklyPlan:
    """The plan for the week of ``first_day``; ``events`` span :func:`read_window`.

    ``catalog`` (a :class:`planner.meet.venues.Catalog`) enables proposals for meetings flagged
    ``meet_in_person``; ``free_busy`` looks up a counterpart's busy time where a calendar
    service can. ``modes`` may bring the classifications along (e.g. from a cache);
    ``geocoder`` (a :class:`planner.meet.geo.Geocoder`) may remember places between runs;
    ``supply`` (a :class:`planner.meet.fetched.VenueSupply`) fetches venues where none are known;
    ``proposal_cache`` remembers proposals between runs (:mod:`planner.meet.proposal_cache`);
    ``held`` are times already offered (:func:`planner.flows.held.held_times`): busy for the
    proposals of every other counterpart (a time declined: for those who declined it alone);
    ``store`` holds the rhythms set with ``planner people rhythm`` for the keep-in-touch
    section (:func:`planner.flows.touch_week.week_section`); with ``cities`` (the view names
    where each counterpart lives), a week of thousands has that worked out meanwhile
    (:func:`planner.flows.week_cities.begin`).
    """
    if modes is None:
        from planner.judge.cache import classify_all

        modes = classify_all(events, None, config)
    found = pairs(events, store)  # a meeting and planner's hold for it: one meeting
    update_ledger(ledger, events, modes, config, now, found)
    start, end = week_bounds(first_day, config)
    in_week = [e for e in events if e.start < end and e.end > start]
    judged = judge_week(in_week, ledger, config, modes)
    from planner.flows.touch_week import finder_of, geocoder_for, week_section

    located = geocoder or geocoder_for(config, catalog, store)
    finder = finder_of(config, events, modes, located, now, ledger.directory.people, store)
    begun = begin(judged, finder) if cities else None  # worked out while the plan is made
    items = count_once(settle_flags(judged, now, events, modes, config), found, modes)
    if catalog is not None:
        items = _with_proposals(
            items,
            events,
            modes,
            config,
            now,
            catalog,
            free_busy,
            (start, end),
            geocoder,
            supply,
            proposal_cache,
            held,
            ledger.directory.people,
        )
    week = balance_items(items)  # meetings with people, each once
    skip = not_history(found)  # weeks gone by: what took place, never planner's hold beside it
    history = _trend_items([e for e in events if e.key not in skip], modes, ledger, config, start)
    from planner.flows.held import refused

    offered = [Interval(p.start, p.end) for item in items for p in item.proposals]
    keep = week_section(
        config,
        now,
        ledger,
        events,
        modes,
        (start, end),
        store=store,
        catalog=catalog,
        geocoder=located,
        supply=supply,
        taken=[*offered, *(Interval(h.start, h.end) for h in held if not refused(h))],
        homes=finder.home_of,
    )
    return WeeklyPlan(
        start=start,
        end=end,
        items=tuple(items),
        stats=week_stats(items, week),
        balance=balance(week, config, first_day, history, weeks=TREND_WEEKS),
        due=tuple(due_for_visit(ledger, config, now.astimezone(config.tz).date())),
        people=ledger.directory.people,
        keep_in_touch=keep,
        cities=week_cities(items, finder, begun),
    )


def judge_week(
    events: Sequence[Event], ledger: Ledger, config: Config, modes: Modes
) -> list[PlannedEvent]:
    """Each event of the week assessed (:func:`planner.flows.plan.assess`) and judged
    (:func:`_judge`); a week of thousands is judged in slices on the usable cores (the ledger
    is only read meanwhile), and only the conclusions come back, never the events nor the
    classifications ``modes`` holds already."""
    from planner.ical.forking import fork_map

    found = fork_map(
        partial(conclude, ledger=ledger, config=config, modes=modes, home=os.getpid()),
        events,
        minimum=JUDGED_APART,
        here=JUDGED_HERE,
    )
    return [
        PlannedEvent(event, classification or modes[event.key], *rest)
        for event, (classification, *rest) in zip(events, found, strict=True)
    ]


def conclude(
    events: Sequence[Event], ledger: Ledger, config: Config, modes: Modes, home: int = 0
) -> list[Conclusions]:
    """What :func:`judge_week` concludes about each of ``events``, on one core. Each event is
    assessed and judged in turn, not all assessed first: what the judge remembers about an
    event (its zones, its texts) is still there when its purpose is asked, where a slice of
    thousands had pushed it out of the tables of :mod:`planner.judge.memo`.

    In a worker forked from process ``home``, equal purposes and recommendations become one
    object each: pickle sends an object once, so the conclusions travel back in a sixth of
    the bytes and time (a week's purposes and reasons repeat)."""
    own, mine = config.own_domains, config.addresses
    travel = partial(costs_travel, config=config)
    found = [
        _judge(event, assessment(event, config, modes, own, mine), ledger, modes, config, travel)
        for event in events
    ]
    if not home or os.getpid() == home:
        return found
    same: dict[object, Any] = {}
    return [(c, m, e, same.setdefault(p, p), same.setdefault(r, r)) for c, m, e, p, r in found]


def _judge(
    event: Event,
    assessed: tuple[Classification, bool, bool],
    ledger: Ledger,
    modes: Modes,
    config: Config,
    travel: Callable[[Event], bool],
) -> Conclusions:
    """The conclusions about ``event`` from its :func:`planner.flows.plan.assessment`."""
    found, meeting, external = assessed
    mode = found.mode
    purpose = determine_purpose(event, ledger, config, mode, said=found.said)
    external = external and purpose.purpose not in (Purpose.INTERNAL, Purpose.PERSONAL)
    recommendation = None
    if external and meeting:
        recommendation = recommend(event, mode, purpose, ledger, config, costs_travel=travel)
    classification = None if modes.get(event.key) is found else found
    return classification, meeting, external, purpose, recommendation


def _trend_items(
    events: Sequence[Event], modes: Modes, ledger: Ledger, config: Config, week_start: datetime
) -> list[tuple[Event, Mode, Purpose]]:
    first = week_start - timedelta(weeks=TREND_WEEKS)
    past = [e for e in events if first <= e.start < week_start]
    return [
        (e, modes[e.key].mode, _purpose_of(e, modes[e.key], ledger, config))
        for e in past
        if not e.all_day and is_meeting(e, modes[e.key], config) and in_balance(e)
    ]


def _with_proposals(
    items: list[PlannedEvent],
    events: Sequence[Event],
    modes: Modes,
    config: Config,
    now: datetime,
    catalog: object,
    free_busy: FreeBusy | None,
    week: tuple[datetime, datetime],
    geocoder: object | None = None,
    supply: object | None = None,
    cache: ProposalCache | None = None,
    held: Sequence[Event] = (),
    directory: People | None = None,
) -> list[PlannedEvent]:
    from planner.flows.held import for_others, invited
    from planner.flows.offer_week import offered
    from planner.flows.places import places_only
    from planner.meet.geo import Geocoder
    from planner.meet.slots import earliest

    geocoder = places_only(geocoder or Geocoder(config, catalog))  # type: ignore[arg-type]
    work = _ProposalWork(events, modes, config, now, catalog, geocoder, supply, week, directory)
    if getattr(supply, "online", False):
        cache = None  # venues fetched online: not a function of what the key holds
    history: str | None = None  # made for the first meeting that wants proposals, if any
    result = []
    taken: list[Event] = []  # slots already proposed for another meeting: held for it
    _prefetch(items, config, now, free_busy, week)
    for item in items:
        if not _wants_proposals(item, now):
            result.append(item)
            continue
        people = [p.email for p in item.event.people() if p.email.lower() not in config.addresses]
        uid = item.event.uid
        if invited(held, people, week[0], uid) or offered(held, people, week[0], uid):
            result.append(item)  # an invitation or offer is in hand: its state says what next
            continue
        start = max(week[0], earliest(now, config["slots"]["notice_hours"]))
        end = week[1]  # the week shown: a proposal never falls into the next one
        busy = list(free_busy(people, start, end) or []) if free_busy and people else []
        request = MeetRequest(
            people,
            start,
            end,
            item.purpose.purpose if item.purpose else None,
            busy,
            PROPOSALS_PER_MEETING,
            now=now,
            same_time=Interval(item.event.start, item.event.end),
        )
        blocked = [*taken, *for_others(held, people)]
        if cache and history is None:
            history = cache.history(events, {k: c.mode for k, c in modes.items()}, now)
        known = directory.places_key(people) if cache and directory else ""  # address books
        key = cache.key(request, item.event, (history or "") + known, blocked) if cache else ""
        cached = cache.get(key, now) if cache else None
        found, notes = cached if cached is not None else work.propose(item.event, request, blocked)
        if cache and cached is None:
            cache.put(key, found, notes, now if work.far else None)
        taken += [_held(p, item.event) for p in found]
        rec = item.recommendation
        if notes and not found:
            rec = replace(rec, reason=". ".join([rec.reason.rstrip("."), *notes]))
        result.append(replace(item, proposals=tuple(found), recommendation=rec))
    return identify_proposals(result, config)


class _ProposalWork:
    """What proposing needs (homes, whereabouts, last meeting places), made when the first
    meeting needs it: not at all when every meeting's proposals come from the cache."""

    def __init__(
        self,
        events: Sequence[Event],
        modes: Modes,
        config: Config,
        now: datetime,
        catalog: object,
        geocoder: object,
        supply: object | None,
        week: tuple[datetime, datetime],
        people: People | None = None,
    ) -> None:
        self.events, self.modes, self.config, self.now = events, modes, config, now
        self.catalog, self.geocoder, self.supply, self.week = catalog, geocoder, supply, week
        self.plain, self.people = {k: c.mode for k, c in modes.items()}, people
        self._ready = False
        self.far = False  # the last proposals were for someone far away (they depend on "now")
        self._near: dict[tuple[datetime, datetime], list[Event]] = {}

    def _prepare(self) -> None:
        from planner.judge.homes import HomeFinder

        locate = self.geocoder.locate  # type: ignore[attr-defined]
        finder = HomeFinder(
            self.events, self.plain, self.config, locate, now=self.now, people=self.people
        )
        self.homes = finder.home_of
        self.places = CounterpartPlaces(self.events, self.modes, self.config, self.now)
        from planner.meet.days import AROUND

        first, last = self.week[0] - AROUND[0], self.week[1] + AROUND[1]
        around = [e for e in self.events if e.end > first and e.start < last]
        self.travel = own_travel(around, self.config, locate)
        self.trips = located_trips(self.travel.whereabouts, locate)
        self._ready = True

    def propose(
        self, event: Event, request: MeetRequest, taken: Sequence[Event]
    ) -> tuple[list[Proposal], list[str]]:
        if not self._ready:
            self._prepare()
        window = (request.start, request.end)
        near = self._near.get(window)
        if near is None:  # every meeting of the week asks for the same window: scanned once
            near = self._near[window] = [
                e
                for e in self.events
                if e.end > request.start - timedelta(days=1)
                and e.start < request.end + timedelta(days=1)
            ]
        nearby = [e for e in near if e.key != event.key] + list(taken)
        proposer = proposer_over(
            nearby,
            self.config,
            self.catalog,
            modes=self.plain,
            geocoder=self.geocoder,
            supply=self.supply,
            travel=self.travel,
        )
        home = next((h for e in request.emails if (h := self.homes(e)) is not None), None)
        self.far = far_away(proposer, request, home)
        return propose_to_meet(
            proposer,
            request,
            events=self.events,
            modes=self.modes,
            homes=self.homes,
            supply=self.supply,
            trips=self.trips,
            places=self.places.of,
        )


def identify_proposals(items: Sequence[PlannedEvent], config: Config) -> list[PlannedEvent]:
    """Every proposal of the week with its identifier (terminal, Markdown, HTML, JSON show it;
    ``planner invite --proposal ID`` takes it): whom it is for, when, what and where, and the
    meeting it is for (:mod:`planner.flows.listed`)."""
    from planner.flows.listed import identified

    mine = config.addresses
    result = []
    for item in items:
        if item.proposals:
            people = [p.email for p in item.event.people() if p.email.lower() not in mine]
            found = identified(item.proposals, people, item.event.uid)
            item = replace(item, proposals=tuple(found))
        result.append(item)
    return result


def _wants_proposals(item: PlannedEvent, now: datetime) -> bool:
    rec = item.recommendation
    return rec is not None and rec.action is Action.MEET_IN_PERSON and item.event.end > now


def _prefetch(
    items: Sequence[PlannedEvent],
    config: Config,
    now: datetime,
    free_busy: FreeBusy | None,
    week: tuple[datetime, datetime],
) -> None:
    """Ask for every counterpart of the week at once, where ``free_busy`` can (one request
    per calendar service instead of one per meeting)."""
    from planner.meet.slots import earliest

    prefetch = getattr(free_busy, "prefetch", None)
    if prefetch is None:
        return
    mine = config.addresses
    people = {
        p.email
        for item in items
        if _wants_proposals(item, now)
        for p in item.event.people()
        if p.email.lower() not in mine
    }
    if people:
        notice = config["slots"]["notice_hours"]
        prefetch(sorted(people), max(week[0], earliest(now, notice)), week[1])


def _held(proposal: Proposal, event: Event) -> Event:
    """A proposed slot as busy time, so the next meeting's proposals avoid it; without its
    venue: nobody has agreed to it, so no other proposal's travel starts or ends there."""
    return Event(
        uid=f"proposal:{event.uid}:{proposal.start.isoformat()}",
        title=proposal.venue.name,
        start=proposal.start,
        end=proposal.end,
    )
