"""``planner contacts`` as a library function, and the session every flow starts from: the
calendars read over the look-back, classified, and the contact ledger brought up to date."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from planner.config import Config
from planner.i18n import _
from planner.judge.contacts import ContactRow
from planner.judge.relations import Ledger
from planner.model import Classification, Event
from planner.store import Store

if TYPE_CHECKING:
    from planner.judge.homes import HomeFinder
    from planner.people.books import AddressBooks
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
    books: AddressBooks | None = None  # the address books read into the ledger's people

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


def read_configured(
    config: Config,
    store: Store | None,
    start: datetime,
    end: datetime,
    progress: Callable[[str], None] | None = None,
) -> list[Event]:
    """Events of every configured calendar in ``[start, end)``, each meeting once; the
    providers are closed afterwards."""
    from planner.calendar.sources import context_for, open_providers
    from planner.calendar.sources import read_events as read
    from planner.judge.bookings import is_travel

    providers = open_providers(config, context_for(config, store))
    try:
        return read(
            providers, start, end, calendar_progress(progress), config.own_domains, is_travel
        )
    finally:
        for provider in providers:
            provider.close()


def read_as_sent(
    config: Config, store: Store | None, start: datetime, end: datetime
) -> list[Event]:
    """:func:`read_configured`, a meeting an update sent moved into ``[start, end)`` there
    (:func:`as_sent`): read, too, where the user's calendar still shows it (the time the
    update replaced), so that a clash or a pick at its new time sees it."""
    from planner.sync.standins import sent_moves, stood_in

    moves = sent_moves(store)
    lo, hi = start, end
    for move in moves.values():
        if move.to[0] < end and move.to[1] > start:
            lo = min([lo, *(s for s, _e in move.replaced)])
            hi = max([hi, *(e for _s, e in move.replaced)])
    events = stood_in(read_configured(config, store, lo, hi), moves)
    if (lo, hi) == (start, end):
        return events
    return [e for e in events if e.start < end and e.end > start]


def as_sent(events: list[Event], store: Store | None) -> list[Event]:
    """``events``, a meeting of the user's that an update sent moved counted at its new time
    while their calendar still shows the time replaced (:func:`planner.sync.standins.stood_in`:
    the week, its totals and proposals' busy time take it so; the calendar is never written)."""
    from planner.sync.standins import sent_moves, stood_in

    return stood_in(events, sent_moves(store))


def open_session(
    config: Config,
    store: Store,
    *,
    now: datetime,
    until: datetime | None = None,
    progress: Callable[[str], None] | None = None,
    refresh_books: bool = False,
) -> Session:
    """Read everything from the look-back before ``now`` to ``until`` (default: now), and
    the address books (where due, every one with ``refresh_books``) into the ledger's people:
    where a counterpart lives or works is one answer for every command
    (:class:`planner.judge.homes.HomeFinder`).

    ``progress``, when given, is called with a one-line message as each phase begins.
    """
    from planner.calendar.sources import context_for, open_providers, read_events
    from planner.flows.weekly import update_ledger
    from planner.judge.bookings import is_travel

    context = context_for(config, store)
    providers = open_providers(config, context)
    try:
        start = now - timedelta(days=config["relations"]["lookback_days"])
        events = read_events(
            providers,
            start,
            max(until or now, now),
            calendar_progress(progress),
            config.own_domains,
            is_travel,
        )
        events = as_sent(events, store)
        if progress:
            progress(_("Building the contact ledger"))
        from planner.judge.cache import classify_all

        modes = classify_all(events, store, config)
        ledger = Ledger.open(store, config, user_emails=context.user_emails)
        update_ledger(ledger, events, modes, config, now)
        from planner.people.books import add_books

        books = add_books(ledger.directory.people, config, store, now=now, refresh=refresh_books)
    except BaseException:
        for provider in providers:
            provider.close()
        raise
    return Session(config, now, events, modes, ledger, providers, books)


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


def finder_for(
    session: Session, locate: Callable[[str], Any], store: Store | None = None
) -> HomeFinder:
    """A :class:`planner.judge.homes.HomeFinder` over the session's history, its answers kept
    between runs in ``store`` (:mod:`planner.judge.homes_kept`)."""
    from planner.judge.homes import HomeFinder
    from planner.judge.homes_kept import keeping

    people = session.ledger.directory.people
    finder = HomeFinder.of(
        session.events, session.modes, session.config, locate, now=session.now, people=people
    )
    return keeping(finder, store)


def home_finder(session: Session, store: Store | None) -> HomeFinder:
    """Where counterparts live, inferred from the session's history (planner.judge.homes)."""
    from planner.flows.places import places_only
    from planner.meet.fetched import catalog_with_fetched
    from planner.meet.geo import Geocoder

    catalog = catalog_with_fetched(session.config, store)
    geocoder = places_only(
        Geocoder(session.config, catalog, store_factory=(lambda: store) if store else None)
    )
    return finder_for(session, geocoder.locate, store)
