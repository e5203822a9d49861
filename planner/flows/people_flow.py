"""The keep-in-touch use cases: ``planner people`` (who is due), ``planner trips`` (who is
near each trip, with proposals) and the weekly plan's section; each reads what it needs once
(calendars over the look-back and ahead, the address books, the ledger) and composes
:mod:`planner.flows.keep_in_touch`, :mod:`planner.flows.trips` and
:mod:`planner.flows.trip_view`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from planner.config import Config
from planner.flows.touch_week import circle_of, finder_of, trips_ahead
from planner.store import Store

if TYPE_CHECKING:
    from planner.flows.keep_in_touch import Circle, PersonDue
    from planner.flows.trip_view import TripView
    from planner.flows.trips import Trip
    from planner.judge.relations import Ledger
    from planner.people.books import BookStatus


@dataclass(frozen=True)
class PeopleReport:
    """``planner people``: the rows, the trips ahead and how each address book was read."""

    rows: tuple[PersonDue, ...]
    books: tuple[BookStatus, ...]
    now: datetime


def people_report(
    config: Config,
    store: Store,
    *,
    now: datetime,
    everyone: bool = False,
    refresh: bool = False,
    progress: Callable[[str], None] | None = None,
) -> PeopleReport:
    """``planner people``: people by how overdue (see :meth:`Circle.rows`)."""
    session, books, geocoder = _open(config, store, now, refresh, progress)
    try:
        ahead = now + timedelta(days=int(config["keep_in_touch"]["days_ahead"]))
        trips = trips_ahead(config, session.events, session.modes, geocoder.locate, now, ahead)
        circle = _circle(session, store, geocoder, trips)
        return PeopleReport(tuple(circle.rows(everyone=everyone)), tuple(books.status), now)
    finally:
        session.close()


def trips_report(
    config: Config,
    store: Store,
    *,
    now: datetime,
    days: int | None = None,
    proposals: bool = True,
    progress: Callable[[str], None] | None = None,
) -> list[TripView]:
    """``planner trips``: every trip in the next ``days`` (default ``[keep_in_touch]
    days_ahead``) with the people near it, overdue first, and proposals for the first few."""
    from planner.flows.trip_view import planner_for, trip_views
    from planner.meet.fetched import VenueSupply, catalog_with_fetched

    session, _books, geocoder = _open(config, store, now, False, progress)
    try:
        ahead = now + timedelta(days=days or int(config["keep_in_touch"]["days_ahead"]))
        trips = trips_ahead(config, session.events, session.modes, geocoder.locate, now, ahead)
        circle = _circle(session, store, geocoder, trips)
        rows = circle.rows(everyone=True)
        catalog = catalog_with_fetched(config, store) if proposals else None
        supply = VenueSupply(config, store, catalog, now, progress) if catalog else None
        planner = planner_for(circle, session.events, catalog, geocoder, supply)
        return trip_views(circle, trips, planner, rows)
    finally:
        session.close()


def _open(
    config: Config,
    store: Store,
    now: datetime,
    refresh: bool,
    progress: Callable[[str], None] | None,
) -> tuple[Any, Any, Any]:
    from planner.flows.session import open_session
    from planner.meet.fetched import catalog_with_fetched
    from planner.meet.geo import Geocoder

    ahead = now + timedelta(days=int(config["keep_in_touch"]["days_ahead"]))
    session = open_session(
        config, store, now=now, until=ahead, progress=progress, refresh_books=refresh
    )
    books = session.books
    catalog = catalog_with_fetched(config, store)
    geocoder = Geocoder(config, catalog, store_factory=lambda: store)
    return session, books, geocoder


def _circle(session: Any, store: Store, geocoder: Any, trips: Sequence[Trip]) -> Circle:
    homes = finder_of(
        session.config,
        session.events,
        session.modes,
        geocoder,
        session.now,
        session.ledger.directory.people,
    ).home_of
    return circle_of(
        session.config,
        session.now,
        session.ledger,
        session.events,
        session.modes,
        geocoder.locate,
        store=store,
        trips=trips,
        homes=homes,
    )


def current_ledger(
    config: Config, store: Store, *, now: datetime, progress: Callable[[str], None] | None = None
) -> Ledger:
    """The contact ledger brought up to date with the calendars (``planner ledger``)."""
    from planner.flows.session import open_session

    session = open_session(config, store, now=now, progress=progress)
    session.close()
    return session.ledger


def anyone_known(config: Config, store: Store, who: str) -> bool:
    """Whether anyone planner knows (config, address books, invitations, the contact
    ledger) answers to ``who``; no calendar is read."""
    from planner.flows.invitees import known_people
    from planner.judge.relations import Ledger
    from planner.people.rhythm import known_target

    return known_target(who, known_people(config, store), Ledger.open(store, config).persons())
