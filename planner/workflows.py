"""``planner contacts`` and ``planner propose`` as library functions: read the calendars, bring
the contact ledger up to date, and answer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from planner.config import Config
from planner.i18n import _
from planner.judge.contacts import ContactRow
from planner.judge.relations import Ledger
from planner.model import Classification, Event, Purpose
from planner.store import Store

if TYPE_CHECKING:
    from planner.judge.homes import HomeFinder
    from planner.meet.proposals import Proposal
    from providers.base import CalendarProvider


@dataclass
class Session:
    """Calendars read over the ledger's look-back, classified, with the ledger up to date."""

    config: Config
    now: datetime
    events: list[Event]
    modes: dict[tuple[str, str], Classification]
    ledger: Ledger
    providers: list[CalendarProvider]

    def close(self) -> None:
        for provider in self.providers:
            provider.close()


def calendar_progress(
    progress: Callable[[str], None] | None,
) -> Callable[[str], None] | None:
    """Turn ``progress`` (one-line messages) into the per-calendar callback of
    :func:`planner.calendar.sources.read_events`, which passes the calendar's name."""
    if progress is None:
        return None
    report = progress
    return lambda name: report(_("Reading calendar {name}", name=name))


def open_session(
    config: Config,
    store: Store,
    *,
    now: datetime,
    until: datetime | None = None,
    progress: Callable[[str], None] | None = None,
) -> Session:
    """Read everything from the look-back before ``now`` to ``until`` (default: now).

    ``progress``, when given, is called with a one-line message as each phase begins.
    """
    from planner.calendar.sources import context_for, open_providers, read_events
    from planner.weekly import update_ledger

    context = context_for(config, store)
    providers = open_providers(config, context)
    try:
        start = now - timedelta(days=config["relations"]["lookback_days"])
        events = read_events(providers, start, max(until or now, now), calendar_progress(progress))
        if progress:
            progress(_("Building the contact ledger"))
        from planner.judge.cache import classify_all

        modes = classify_all(events, store)
        ledger = Ledger.open(store, config, user_emails=context.user_emails)
        update_ledger(ledger, events, modes, config, now)
    except BaseException:
        for provider in providers:
            provider.close()
        raise
    return Session(config, now, events, modes, ledger, providers)


def contacts_report(
    config: Config,
    store: Store,
    *,
    now: datetime,
    never_met: bool = False,
    due: bool = False,
    progress: Callable[[str], None] | None = None,
) -> list[ContactRow]:
    """The ledger's counterparts, most meetings first (:func:`planner.judge.contacts.contacts`)."""
    from planner.judge.contacts import contacts

    session = open_session(config, store, now=now, progress=progress)
    session.close()
    today = now.astimezone(config.tz).date()
    finder = home_finder(session, store)
    return contacts(
        session.ledger,
        never_met=never_met,
        due=due,
        config=config,
        today=today,
        homes=finder.home_of,
    )


def finder_for(session: Session, locate: Callable[[str], Any]) -> HomeFinder:
    """A :class:`planner.judge.homes.HomeFinder` over the session's history."""
    from planner.judge.homes import HomeFinder

    modes = {k: c.mode for k, c in session.modes.items()}
    return HomeFinder(session.events, modes, session.config, locate, now=session.now)


def home_finder(session: Session, store: Store | None) -> HomeFinder:
    """Where counterparts live, inferred from the session's history (planner.judge.homes)."""
    from planner.meet.fetched import catalog_with_fetched
    from planner.meet.geo import Geocoder

    catalog = catalog_with_fetched(session.config, store)
    geocoder = Geocoder(session.config, catalog, store_factory=(lambda: store) if store else None)
    return finder_for(session, geocoder.locate)


@dataclass(frozen=True)
class ProposeResult:
    proposals: list[Proposal]
    counterpart: str
    name: str
    purpose: Purpose
    window: tuple[datetime, datetime]
    notes: tuple[str, ...] = ()  # why there are none, what to do (planner.weekly.propose_to_meet)

    def to_json(self) -> dict[str, Any]:
        return {
            "notes": list(self.notes),
            "with": [self.counterpart],
            "name": self.name,
            "purpose": self.purpose.value,
            "window": {"start": self.window[0].isoformat(), "end": self.window[1].isoformat()},
            "proposals": [p.to_json() for p in self.proposals],
        }


def propose_for(
    config: Config,
    store: Store,
    email: str,
    *,
    now: datetime,
    first_day: date | None = None,
    purpose: Purpose | str | None = None,
    near: str | None = None,
    count: int = 3,
    progress: Callable[[str], None] | None = None,
) -> ProposeResult:
    """Slot-and-venue pairs to meet ``email`` in the week of ``first_day`` (or the next
    ``[slots] days_ahead`` days), best first. Their busy time is respected where a calendar
    service can tell it; a place where they were met before counts as theirs."""
    from planner.meet.fetched import VenueSupply, catalog_with_fetched
    from planner.meet.freebusy import FreeBusyLookup
    from planner.meet.geo import Geocoder
    from planner.meet.places import locate_known
    from planner.meet.proposals import Proposer, _resolve
    from planner.meet.slots import ahead_window
    from planner.weekly import MeetRequest, propose_to_meet, week_bounds

    if first_day is not None:
        start, end = week_bounds(first_day, config)
        start = max(start, now)
    else:
        start, end = ahead_window(now, config["slots"]["days_ahead"], config.tz)
    session = open_session(config, store, now=now, until=end + timedelta(days=1), progress=progress)
    found: list[Proposal] = []
    notes: list[str] = []
    try:
        chosen = _purpose(purpose, email, session, start)
        lookup = FreeBusyLookup(
            session.providers, store=store, cache_minutes=config["free_busy"]["cache_minutes"]
        )
        busy = lookup(email, start, end) or []
        lookup.report()
        catalog = catalog_with_fetched(config, store)
        supply = VenueSupply(config, store, catalog, now, progress)
        geocoder = Geocoder(config, catalog, store_factory=lambda: store)
        modes = {k: c.mode for k, c in session.modes.items()}
        proposer = Proposer(
            session.events, config, catalog, modes=modes, geocoder=geocoder, supply=supply
        )
        finder = finder_for(session, geocoder.locate)
        if start < end:
            request = MeetRequest(
                [email],
                start,
                end,
                chosen,
                busy,
                count,
                near=_resolve(lambda t: locate_known(config, t, store, catalog), near, "--near"),
                near_label=near or "",
                now=now,
            )
            found, notes = propose_to_meet(
                proposer,
                request,
                events=session.events,
                modes=session.modes,
                homes=finder.home_of,
                supply=supply,
            )
        notes += supply.failures[:1]
    finally:
        session.close()
    name = session.ledger.name_of(email.lower()) or ""
    return ProposeResult(found, email, name, chosen, (start, end), tuple(notes))


def _purpose(given: Purpose | str | None, email: str, session: Session, when: datetime) -> Purpose:
    """The purpose given, else a first contact for someone never met, else "other"."""
    from planner.judge.purpose import parse_purpose

    if chosen := parse_purpose(given):
        return chosen
    met = session.ledger.met_before([email.lower()], when)
    return Purpose.OTHER if met else Purpose.FIRST_CONTACT
