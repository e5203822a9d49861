"""The planner as a library: what the CLI does, for other programs to embed.

>>> from planner import api
>>> config = api.load_config("~/.config/planner/config.toml")      # doctest: +SKIP
>>> plan = api.plan_week(config)                                     # doctest: +SKIP
>>> [(p.event.title, p.mode.value) for p in plan.items]             # doctest: +SKIP

Every function raises :class:`planner.errors.PlannerError` subclasses with a message meant for
a person; nothing here prints or exits. The package ships type information (``py.typed``), so
mypy and pyright check a program against these signatures.

.. rubric:: Compatibility

The public API is:

- the names in ``__all__`` of this module, with their parameters, defaults and documented
  behaviour, and the documented fields and properties of the objects they take and return
  (:class:`~planner.flows.plan.WeeklyPlan`, :class:`~planner.flows.plan.PlannedEvent`,
  :class:`~planner.model.Event`, :class:`~planner.model.Classification` and the types their
  fields name);
- the error classes of :mod:`planner.errors` and their exit codes;
- the command line (commands, options, exit statuses), the JSON of ``--format json``, the
  config keys, the ``planner.providers`` entry-point group with
  :class:`providers.base.CalendarProvider`, and the tools of ``planner mcp`` (names, inputs,
  result fields).

Everything else (other modules, names starting with ``_``) is internal and may change in any
release. Versions follow Semantic Versioning 2.0.0 for the public API: a patch release
(0.1.1) only fixes; a minor release (0.2.0) may add names, keyword parameters with defaults,
fields, JSON keys, config keys and tools; removing or changing any of them takes a major
release. While the major version is 0, such a change comes only with a minor release, is named
in the release notes, and where it can be, the old form keeps working for one more minor
release with a :class:`DeprecationWarning` that names the replacement.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from planner import config as config_module
from planner.config import Config
from planner.errors import CalendarReadError
from planner.flows.plan import WeeklyPlan, planning_monday
from planner.i18n import _
from planner.model import Classification, Event
from planner.store import Store, open_store

if TYPE_CHECKING:
    from planner.meet.fetched import FetchResult
    from planner.meet.venues import Venue

__all__ = [
    "Classification",
    "Config",
    "Event",
    "Store",
    "WeeklyPlan",
    "add_venue",
    "browse_venues",
    "classify_events",
    "classify_sources",
    "demo_config",
    "demo_directory",
    "demo_listed_now",
    "demo_now",
    "demo_session",
    "demo_store",
    "demo_week_store",
    "fetch_venues",
    "load_config",
    "plan_week",
    "read_events",
    "this_monday",
]


def load_config(path: str | Path | None = None) -> Config:
    """Read and validate a config file (default: ``$PLANNER_CONFIG`` or the user config dir).

    Raises :class:`~planner.errors.ConfigError` naming every problem found at once; unknown
    keys are warnings on the ``planner`` logger.
    """
    from planner import paths

    return config_module.load(Path(path).expanduser() if path else paths.config_path())


def this_monday(config: Config, now: datetime | None = None) -> date:
    """Monday of the current week (of ``now``, default: the clock) in the user's zone."""
    today = (now or datetime.now(config.tz)).astimezone(config.tz).date()
    return today - timedelta(days=today.weekday())


def read_events(
    config: Config,
    start: datetime,
    end: datetime,
    *,
    store: Store | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Event]:
    """Events of every configured calendar in ``[start, end)``, each meeting once.

    ``progress``, when given, is called with a one-line message as each calendar is read. A
    calendar that cannot be read is a warning on the ``planner`` logger; its events come from
    the last copy read, or are missing.
    """
    from planner.flows.session import read_configured

    return read_configured(config, store, start, end, progress)


def plan_week(
    config: Config,
    first_day: date | None = None,
    *,
    now: datetime | None = None,
    events: Sequence[Event] | None = None,
    store: Store | None = None,
    progress: Callable[[str], None] | None = None,
    proposals: bool = True,
    cities: bool = False,
) -> WeeklyPlan:
    """The weekly plan for the week starting ``first_day`` (default: this week's Monday, or
    from Friday 18:00 on the next one: the one rule of every command).

    ``events`` may be given (e.g. from another tool; they should span the ledger's look-back,
    ``[relations] lookback_days`` before the week, to a week after it); otherwise the
    configured calendars are read. The
    contact ledger lives in ``store`` (default: the state database in the user data dir).
    ``progress``, when given, is called with a one-line message as each phase begins (reading
    a calendar, building the contact ledger), for a progress display. With ``proposals`` false,
    no slots and venues are looked for (faster, and offline). A calendar that cannot be read is
    a warning on the ``planner`` logger, as in :func:`read_events`, and the plan's ``unread``
    names it (why, and the age of the earlier copy shown in its place). With ``cities`` (the
    view to come names where each counterpart lives: the JSON view), a week of thousands of
    counterparts has that worked out by a forked process while the plan is made.
    """
    from planner.calendar import health
    from planner.calendar.sources import context_for, open_providers
    from planner.calendar.sources import read_events as read
    from planner.flows.held import held_times
    from planner.flows.session import calendar_progress
    from planner.flows.weekly import build_plan, read_window
    from planner.judge.cache import classify_all
    from planner.judge.relations import Ledger
    from planner.meet.fetched import VenueSupply, catalog_with_fetched
    from planner.meet.freebusy import FreeBusyLookup
    from planner.meet.geo import Geocoder
    from planner.meet.proposal_cache import ProposalCache
    from planner.people.books import add_books

    now = now or datetime.now(config.tz)
    first_day = first_day or planning_monday(now.astimezone(config.tz))[0]
    store = store or open_store()
    context = context_for(config, store)
    providers = open_providers(config, context) if events is None else []
    unread_before = len(health.unread())
    try:
        if events is None:
            events = read(
                providers,
                *read_window(config, first_day, now),
                calendar_progress(progress),
                config.own_domains,
            )
        from planner.flows.session import as_sent

        events = as_sent(list(events), store)  # moved by an update the calendar still lacks
        if progress:
            progress(_("Building the contact ledger and the plan"))
        ledger = Ledger.open(store, config, user_emails=context.user_emails)
        add_books(ledger.directory.people, config, store, now=now)
        catalog = catalog_with_fetched(config, store) if proposals else None
        supply = VenueSupply(config, store, catalog, now, progress) if catalog else None
        free_busy = FreeBusyLookup(
            providers,
            tz=config.tz,
            store=store,
            cache_minutes=config["free_busy"]["cache_minutes"],
        )
        plan = build_plan(
            events,
            config,
            first_day,
            now=now,
            ledger=ledger,
            catalog=catalog,
            free_busy=free_busy,
            modes=classify_all(events, store, config),
            geocoder=Geocoder(config, catalog, store_factory=lambda: store) if catalog else None,
            supply=supply,
            proposal_cache=ProposalCache(store, config, catalog) if catalog else None,
            held=held_times(store, config, now, declined=True) if catalog else (),
            store=store,
            cities=cities,
        )
        free_busy.report()
        unread = health.since(unread_before)  # the calendars this plan lacks, or has old
        return replace(plan, unread=unread) if unread else plan
    finally:
        for provider in providers:
            provider.close()


def classify_events(
    events: Sequence[Event], *, user: Config | None = None, store: Store | None = None
) -> list[tuple[Event, Classification]]:
    """Each event with its mode (in person, virtual, hybrid, phone, …), the evidence for it and
    how sure it is; pure without ``store``. With the user's config and state database, their
    corrections (``planner mark``, ``[[rules]]``) win."""
    from planner.judge.cache import classify_all

    found = classify_all(events, store, user)
    return [(event, found[event.key]) for event in events]


def classify_sources(
    sources: Sequence[str],
    start: datetime,
    end: datetime,
    timezone: str,
    *,
    user: Config | None = None,
    store: Store | None = None,
) -> list[tuple[Event, Classification]]:
    """Classify the events in ``[start, end)`` of .ics files, folders or URLs; floating times
    are read in ``timezone`` (an IANA name). The user's config, when given, lends its address,
    domains and ``[[rules]]``, ``store`` the user's marks; its calendars are not read.

    Raises :class:`~planner.errors.CalendarReadError` when a source cannot be read.
    """
    entries = []
    for index, source in enumerate(sources, start=1):
        key = "url" if source.split(":", 1)[0].lower() in ("http", "https", "webcal") else "path"
        entries.append({"name": f"{index}:{source}", "provider": "ics", key: source})
    person = {"timezone": timezone}
    if user is not None:
        person.update(email=user.user["email"], domains=list(user.user["domains"]))
    config = config_module.from_mapping({"user": person, "calendars": entries}, "<command line>")
    try:
        events = read_events(config, start, end, store=Store(":memory:"))
    except CalendarReadError as exc:
        raise _without_config_hint(exc, [entry["name"] for entry in entries]) from None
    return classify_events(events, user=user, store=store)


def _without_config_hint(exc: CalendarReadError, names: Sequence[str]) -> CalendarReadError:
    """``exc`` with a hint about the command line instead of a config that was not used."""
    config_hints = {_("export the calendar as .ics, or check the path or URL in the config")}
    for name in names:
        config_hints.add(_("check 'path' of calendar '{name}' in the config", name=name))
        config_hints.add(_("check 'url' of calendar '{name}' in the config", name=name))
    if exc.hint in config_hints:
        exc.hint = _("check the file, folder or URL given on the command line")
    return exc


def demo_config(directory: Path | None = None) -> Config:
    """The demo persona's config, its calendars read from .ics files in ``directory``."""
    from planner.demo import CONFIG

    data = dict(CONFIG)
    data["calendars"] = (
        [
            {"name": name, "provider": "ics", "path": str(directory / f"{name}.ics")}
            for name in ("google", "outlook")
        ]
        if directory
        else []
    )
    return config_module.from_mapping(data, "<demo>")


def browse_venues(
    config: Config,
    *,
    near: str | None = None,
    kind: str | None = None,
    open_at: datetime | None = None,
    radius_km: float = 5.0,
    store: Store | None = None,
) -> tuple[list[tuple[Venue, float | None]], str]:
    """Venues of the configured catalog and of those fetched before (kept in ``store``),
    nearest first, and an attribution line to show (non-empty when an online geocoder located
    ``near``)."""
    from planner.errors import UsageError, quoted
    from planner.i18n import _
    from planner.meet.browsing import browse
    from planner.meet.fetched import catalog_with_fetched
    from planner.meet.geo import ATTRIBUTION
    from planner.meet.places import locate_known

    catalog = catalog_with_fetched(config, store)
    point, attribution = None, ""
    if near:
        place = locate_known(config, near, store, catalog)
        if place is None:
            raise UsageError(
                _("--near: cannot find the place '{place}'", place=quoted(near)),
                hint=_("give a city, a postal code or a venue name from the catalog"),
            )
        point = place.geo
        attribution = ATTRIBUTION if place.source == "nominatim" else ""
    rows = browse(catalog, near=point, kind=kind, open_at=open_at, radius_km=radius_km)
    return rows, attribution


def fetch_venues(
    config: Config,
    near: str,
    *,
    radius_km: float | None = None,
    refresh: bool = False,
    store: Store | None = None,
    now: datetime | None = None,
) -> tuple[FetchResult, str]:
    """``planner venues fetch``: venues of the catalog's kinds around ``near`` from the
    OpenStreetMap Overpass API into the state database.

    An explicit request: it goes online even with ``[geo] online = false``. Returns the result
    and the name of the place. Raises :class:`planner.meet.overpass.OverpassError` (the old
    cache stays) or :class:`planner.errors.UsageError` when ``near`` cannot be found.
    """
    from planner.meet.fetched import fetch_venues as fetch
    from planner.meet.places import locate_explicitly

    store = store or open_store()
    place = locate_explicitly(config, near, store)
    radius = radius_km or float(config["venues"]["radius_km"])
    result = fetch(
        config, store, place.geo, radius, now=now or datetime.now(config.tz), force=refresh
    )
    return result, near if place.source == "nominatim" else (place.city or place.name)


def add_venue(
    config: Config,
    *,
    name: str,
    kind: str,
    address: str = "",
    position: tuple[float, float] | None = None,
    hours: str = "",
    tags: Sequence[str] = (),
    price: int | None = None,
    store: Store | None = None,
) -> tuple[Venue, Path, bool]:
    """``planner venues add``: a venue by hand into planner's own catalog file
    (``venues/added.toml`` in the data directory). Without ``position`` the ``address`` is
    looked up on Nominatim once. Returns the venue, the file and whether it replaced one of
    that name. Raises :class:`planner.errors.UsageError` for a place that cannot be found or
    a bad value (named like a catalog file's error)."""
    from planner.meet.added import add_venue as keep
    from planner.meet.places import locate_exactly
    from planner.meet.venues import CatalogError, make_venue, warn_invalid_hours

    if position is None:
        place = locate_exactly(config, address, store or open_store())
        position = (place.lat, place.lon)
    record = {
        "name": name,
        "kind": kind,
        "lat": position[0],
        "lon": position[1],
        "address": address,
        "opening_hours": hours,
        "tags": list(tags),
        "price": price,
    }
    try:
        venue = make_venue(record, "planner venues add")
    except CatalogError as exc:
        from planner.errors import UsageError

        raise UsageError(exc.message, hint=exc.hint) from None
    warn_invalid_hours([venue], "--hours")
    path, replaced = keep(venue)
    return venue, path, replaced


def demo_now(config: Config, first_day: date) -> datetime:
    """The demo's "now": Monday 07:00 of the week shown, so every demo week looks the same."""
    return datetime.combine(first_day, time(7), tzinfo=config.tz)


def demo_listed_now(config: Config, store: Store, proposal: str) -> datetime | None:
    """The demo's "now" when it listed ``proposal`` (Monday 07:00 of the week it showed), or
    None when it did not: a demo proposal is invited to on the clock of its own demo week,
    whatever the real date (another week's, or one listed before Friday 18:00 moved the demo
    on to the next week)."""
    from planner.flows.listed import Listed

    entry = Listed(store).get(proposal)
    if entry is None:
        return None
    return datetime.fromisoformat(entry["listed_at"]).astimezone(config.tz)


def demo_store() -> Store:
    """The demo's own state file (saved proposals, sent log), apart from the user's real state."""
    from planner import paths

    return Store(paths.data_dir() / "demo.sqlite3", disposable=True)


@contextlib.contextmanager
def demo_session(first_day: date | None = None) -> Iterator[tuple[Config, date]]:
    """The demo config with calendars generated around ``first_day`` (default: this Monday).

    The calendars are generated once per week shown and demo version, and kept in the data
    dir (``demo/<week>-<version>``): a later demo of that week reads them, and its event index,
    again. Use it as ``with api.demo_session() as (config, monday): ...``.
    """
    if first_day is None:
        config = demo_config()
        first_day = planning_monday(datetime.now(config.tz))[0]
    directory = demo_directory(first_day)
    if not all((directory / f"{name}.ics").is_file() for name in DEMO_CALENDARS):
        _write_demo_calendars(directory, first_day)
    yield demo_config(directory), first_day


DEMO_CALENDARS = ("google", "outlook")
DEMO_WEEKS_KEPT = 8


def demo_directory(first_day: date) -> Path:
    """Where the demo of the week of ``first_day`` keeps its calendars and its state."""
    import hashlib
    from importlib import resources

    from planner import paths

    sha = hashlib.sha256()
    for item in sorted(resources.files("planner.demo").iterdir(), key=lambda i: i.name):
        if item.name.endswith((".py", ".toml")):
            sha.update(item.name.encode() + b"\0" + item.read_bytes())
    return paths.data_dir() / "demo" / f"{first_day.isoformat()}-{sha.hexdigest()[:12]}"


def demo_week_store(first_day: date) -> Store:
    """The state of the demo of one week (event index, caches, ledger): apart from the user's
    state and from other weeks' demos, so every demo of that week gives the same plan."""
    return Store(demo_directory(first_day) / "state.sqlite3", disposable=True)


def _write_demo_calendars(directory: Path, first_day: date) -> None:
    import shutil

    from planner import paths
    from planner.demo import calendars

    directory.mkdir(parents=True, exist_ok=True)
    for name, data in calendars(first_day).items():
        paths.write_atomic(directory / f"{name}.ics", data)
    others = sorted(directory.parent.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[DEMO_WEEKS_KEPT:]:
        shutil.rmtree(old, ignore_errors=True)
