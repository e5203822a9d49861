"""The keep-in-touch section of the weekly plan, and the parts the keep-in-touch use cases
share: the circle of people with their rhythms (:class:`planner.flows.keep_in_touch.Circle`),
the trips ahead (:mod:`planner.flows.trips`) and homes inferred from the calendar history.
Pure over already read events, an opened ledger and a geocoder; :mod:`planner.flows.people_flow`
reads what ``planner people`` and ``planner trips`` need."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from planner.config import Config
from planner.model import Classification, Event, Interval
from planner.store import Store

if TYPE_CHECKING:
    from planner.flows.keep_in_touch import Circle
    from planner.flows.trip_view import KeepInTouch
    from planner.flows.trips import Trip
    from planner.judge.homes import HomeFinder
    from planner.judge.relations import Ledger
    from planner.people.directory import People


def circle_of(
    config: Config,
    now: datetime,
    ledger: Ledger,
    events: Sequence[Event],
    modes: Mapping[tuple[str, str], Classification],
    locate: Callable[[str], Any],
    *,
    store: Store | None,
    trips: Sequence[Trip] = (),
    homes: Callable[[str], Any] | None = None,
) -> Circle:
    from planner.flows.keep_in_touch import Circle
    from planner.flows.open_invites import pending_by_person
    from planner.people.rhythm import Rhythms, commanded

    rhythms = Rhythms(config, commanded(store) if store is not None else {})
    return Circle(
        config,
        now,
        ledger,
        events=events,
        modes=modes,
        locate=locate,
        rhythms=rhythms,
        trips=trips,
        homes=homes,
        pending=pending_by_person(store, config, now, events),
    )


def trips_ahead(
    config: Config,
    events: Sequence[Event],
    modes: Mapping[tuple[str, str], Classification],
    locate: Callable[[str], Any],
    start: datetime,
    end: datetime,
) -> list[Trip]:
    from planner.flows.trips import find_trips

    return find_trips(events, modes, config, locate, start=start, end=end)


def week_section(
    config: Config,
    now: datetime,
    ledger: Ledger,
    events: Sequence[Event],
    modes: Mapping[tuple[str, str], Classification],
    week: tuple[datetime, datetime],
    *,
    store: Store | None = None,
    catalog: object | None = None,
    geocoder: Any = None,
    supply: object | None = None,
    taken: Sequence[Interval] = (),
    homes: Callable[[str], Any] | None = None,
) -> KeepInTouch:
    """The weekly plan's keep-in-touch section (:func:`planner.flows.trip_view.week_section`);
    ``events`` span the plan's read window; ``taken`` are times already proposed or offered
    (busy for these proposals too)."""
    from planner.flows.trip_view import KeepInTouch, planner_for
    from planner.flows.trip_view import week_section as section

    if int(config["keep_in_touch"]["per_week"]) <= 0:
        return KeepInTouch()
    geocoder = geocoder or geocoder_for(config, catalog, store)
    start, end = week
    trips = trips_ahead(
        config, events, modes, geocoder.locate, max(start, now), end + timedelta(days=7)
    )
    if homes is None:
        homes = finder_of(config, events, modes, geocoder, now, ledger.directory.people).home_of
    circle = circle_of(
        config, now, ledger, events, modes, geocoder.locate, store=store, trips=trips, homes=homes
    )
    rows = circle.rows(everyone=False)
    if not rows:
        return KeepInTouch()
    latest = max([end, *(trip.end for trip in trips)])  # proposals fall in the week or a trip
    planner = planner_for(circle, events, catalog, geocoder, supply, (min(start, now), latest))
    planner.taken.extend(taken)
    return section(circle, rows, trips, planner, week)


def geocoder_for(config: Config, catalog: object | None, store: Store | None) -> Any:
    """A :class:`planner.meet.geo.Geocoder` for a run that was handed none."""
    from planner.meet.geo import Geocoder

    return Geocoder(config, catalog, store_factory=(lambda: store) if store else None)  # type: ignore[arg-type]


def finder_of(
    config: Config,
    events: Sequence[Event],
    modes: Mapping[tuple[str, str], Classification],
    geocoder: Any,
    now: datetime,
    people: People | None = None,
    store: Store | None = None,
) -> HomeFinder:
    """Where counterparts live or work: a :class:`planner.judge.homes.HomeFinder` (its
    ``home_of`` is the one answer ``propose`` gives too), with what ``people`` (the directory,
    address books read in) knows of them; kept between runs in ``store``
    (:mod:`planner.judge.homes_kept`). It works many people out on several cores where
    ``geocoder`` tells the places it has located."""
    from planner.judge.homes import HomeFinder
    from planner.judge.homes_kept import keeping

    finder = HomeFinder.of(events, modes, config, geocoder.locate, now=now, people=people)
    finder.settled = getattr(geocoder, "known", None)
    return keeping(finder, store)
