"""Reading events from every configured calendar into one list, each meeting once."""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from planner.calendar.health import Unread, UnreadableCopy, mark_unread
from planner.calendar.health import remote as health_remote
from planner.config import Config, SourceConfig
from planner.errors import AuthError, CalendarReadError, PlannerError, ProviderError
from planner.i18n import _, long_day, ngettext
from planner.ical.index import overlaps
from planner.model import Event
from planner.store import Store
from providers.base import CalendarProvider, ProviderContext, create, planners_own

if TYPE_CHECKING:
    from planner.calendar.health import Health

log = logging.getLogger("planner")


def context_for(config: Config, store: Store | None = None) -> ProviderContext:
    """The provider context for ``config``: its zone, the user's addresses, the state store,
    every configured calendar and address book."""
    from providers.addressbooks.base import as_addressbook

    return ProviderContext(
        tz=config.tz,
        user_emails=config.addresses,
        store_factory=(lambda: store) if store is not None else None,
        sources=(*config.calendars, *map(as_addressbook, config.addressbooks)),
    )


def open_providers(
    config: Config, context: ProviderContext, sources: Sequence[SourceConfig] | None = None
) -> list[CalendarProvider]:
    return [create(source, context) for source in (sources or config.calendars)]


def read_events(
    providers: Iterable[CalendarProvider],
    start: datetime,
    end: datetime,
    progress: Callable[[str], None] | None = None,
    own_domains: frozenset[str] = frozenset(),
    travel: Callable[[Event], bool] | None = None,
) -> list[Event]:
    """All events of all providers in ``[start, end)``, sorted, a meeting in two calendars once.

    Other people's entries of a shared, room or team calendar are left out
    (:mod:`planner.calendar.ownership`; ``own_domains`` are the user's, whose colleagues' entries
    make a team calendar; ``travel`` tells a journey or stay, which only a calendar's owner
    makes), with one warning per calendar whose role was inferred, naming the first few.

    Two occurrences are the same meeting when they share :attr:`Event.key` (iCalendar UID and
    start); the first calendar in the config wins. The mirrors and travel blocks ``planner
    sync`` wrote are left out: a mirror stands for a meeting read from its own calendar, a
    travel block for the way to one, so neither is a meeting of the user's (read twice, every
    mirrored meeting would count twice in the week and ask twice to be marked).

    A remote source that fails (network, server, sign-in) is replaced by its last good copy,
    with one warning naming it and its age; without a copy it is left out and named by
    :func:`planner.calendar.health.missing`, and so is a file or folder that cannot be read (a
    moved file, an unmounted share): the plan of the other calendars is still made; when no
    calendar could be read, the first one's error is raised. A warning a source gave on an
    earlier run too is not repeated: one line counts them (``planner status`` lists them).
    """
    from planner.calendar import health

    failures: list[tuple[CalendarProvider, _NoCopy]] = []
    found: list[tuple[CalendarProvider, list[Event]]] = []
    for provider in providers:
        if progress:
            progress(provider.source.name)
        try:
            events = _read_one(provider, start, end)
        except _NoCopy as missing:
            failures.append((provider, missing))
            continue
        found.append((provider, [event for event in events if not planners_own(event)]))
    read = len(found)
    seen: dict[tuple[str, str], Event] = {}
    for events in _users_entries(found, own_domains, travel):
        for event in events:
            seen.setdefault(event.key, event)
    if failures and not read:  # nothing to show: the first failure is the answer
        raise failures[0][1].error
    for provider, missing in failures:
        name = provider.source.name
        health.mark_unread(health.Unread(name, reason_of(missing.error, name)))
        provider.context.warn(missing.message(name))
    return sorted(seen.values(), key=lambda e: (e.start, e.end, e.title))


def _users_entries(
    found: Sequence[tuple[CalendarProvider, list[Event]]],
    own_domains: frozenset[str],
    travel: Callable[[Event], bool] | None = None,
) -> list[list[Event]]:
    """Each calendar's entries without other people's (:mod:`planner.calendar.ownership`);
    nothing is left out when no entry names the user (the config's addresses are not the
    calendars')."""
    from planner.calendar.ownership import left_out_warning, sort_out, user_named

    if not found:
        return []
    mine = frozenset(e.lower() for e in found[0][0].context.user_emails)
    if not user_named([events for _p, events in found], mine):
        return [events for _p, events in found]
    result = []
    for provider, events in found:
        role = str(provider.source.options.get("role", "auto"))
        done = sort_out(events, mine, role, own_domains, travel)
        if done.left_out and done.inferred:
            tz = provider.context.tz
            provider.context.warn(left_out_warning(provider.source.name, done.left_out, tz))
        result.append(done.kept)
    return result


def _read_one(provider: CalendarProvider, start: datetime, end: datetime) -> list[Event]:
    context = provider.context
    source = provider.source
    shown = context.warn
    given: list[str] = []
    context.warn = given.append
    record = _health(context)
    remote = health_remote(source)
    # A remote source is read over whole days, so that its last good copy covers the next
    # run's window too, which mostly moves with "now" (the look-back, "from now on").
    lo, hi = whole_days(start, end, context.tz) if remote else (start, end)
    try:
        events = provider.events(lo, hi)
    except (ProviderError, CalendarReadError, OSError) as exc:
        if record is None:
            raise
        if not remote:  # a file or folder: no copy is kept; the other calendars still count
            record.failed(source, exc, datetime.now(UTC), _token_held(provider, exc))
            raise _NoCopy(exc, local=True) from None
        return _fallback(record, provider, start, end, exc, shown)
    finally:
        context.warn = shown
    now = datetime.now(UTC)
    if record is not None:
        known = record.known_warnings(source.name)
        fresh = [m for m in given if m not in known]
        record.remember_warnings(source.name, given, now)
        record.succeeded(source, len(events), now, (lo, hi))
        if remote:
            record.save_copy(source, lo, hi, events)
    else:
        fresh, known = given, set()
    for message in dict.fromkeys(fresh):
        shown(message)
    repeated = len({m for m in given if m in known})
    if repeated:
        shown(
            ngettext(
                "{count} known warning in {name}; `planner status` lists it",
                "{count} known warnings in {name}; `planner status` lists them",
                repeated,
                name=source.name,
            )
        )
    if (lo, hi) != (start, end):
        events = [event for event in events if overlaps(event, start, end)]
    return events


def whole_days(start: datetime, end: datetime, tz: tzinfo) -> tuple[datetime, datetime]:
    """``[start, end)`` widened to midnights in ``tz`` (a day of 23 or 25 hours included)."""
    first = datetime.combine(start.astimezone(tz).date(), time(), tzinfo=tz)
    last = end.astimezone(tz)
    day = last.date() if last.time() == time() else last.date() + timedelta(days=1)
    return first, datetime.combine(day, time(), tzinfo=tz)


def _token_held(provider: CalendarProvider, error: Exception) -> str:
    """For a refused sign-in, the fingerprint of what the source's token file holds now (""
    for another error, or a source without one): ``planner status`` tells it refused while
    the file holds the same."""
    if not isinstance(error, AuthError):
        return ""
    try:
        stored = type(provider).sign_in_state(provider.source, provider.context)
    except (PlannerError, OSError) as exc:
        log.debug("no sign-in state of %s (%s)", provider.source.name, exc)
        return ""
    return stored.fingerprint if stored is not None else ""


def _health(context: ProviderContext) -> Health | None:
    from planner.calendar.health import Health

    try:
        return Health(context.store)
    except (sqlite3.Error, OSError) as exc:
        log.debug("no source health (%s)", exc)
        return None


def _fallback(
    record: Health,
    provider: CalendarProvider,
    start: datetime,
    end: datetime,
    error: Exception,
    warn: Callable[[str], None],
) -> list[Event]:
    source = provider.source
    now = datetime.now(UTC)
    record.failed(source, error, now, _token_held(provider, error))
    try:
        copy = record.copy(source, start, end)
    except UnreadableCopy as unreadable:
        raise _NoCopy(error, now - unreadable.read_at) from None
    if copy is None:
        raise _NoCopy(error)
    events, read_at, (first, last) = copy
    reason = reason_of(error, source.name)
    mark_unread(Unread(source.name, reason, read_at, now - read_at))
    message = _(
        "calendar '{name}' cannot be read ({error}); using the copy from {age} ago",
        name=source.name,
        error=error,
        age=age(now - read_at),
    )
    if first > start or last < end:  # the copy holds only part of what is asked for
        tz = provider.context.tz
        message += " " + _(
            "(it holds {first} to {last} only)",
            first=long_day(first.astimezone(tz).date()),
            last=long_day((last - timedelta(microseconds=1)).astimezone(tz).date()),
        )
    warn(message)
    return events


class _NoCopy(Exception):
    """A remote source failed and has no earlier copy this version can read (``unreadable``:
    the age of one another version wrote), or a file or folder source failed (``local``: no
    copy of one is kept)."""

    def __init__(
        self, error: Exception, unreadable: timedelta | None = None, *, local: bool = False
    ) -> None:
        self.error, self.unreadable, self.local = error, unreadable, local
        super().__init__(str(error))

    def message(self, name: str) -> str:
        if self.local:
            return _(
                "calendar '{name}' cannot be read; its events are missing: {error}",
                name=name,
                error=self.error,
            )
        if self.unreadable is None:
            return _(
                "calendar '{name}' cannot be read and there is no earlier copy; "
                "its events are missing: {error}",
                name=name,
                error=self.error,
            )
        return _(
            "calendar '{name}' cannot be read and its copy from {age} ago was saved by "
            "another version of planner, which this one cannot read; its events are missing "
            "until the calendar can be read again: {error}",
            name=name,
            age=age(self.unreadable),
            error=self.error,
        )


def age(elapsed: timedelta) -> str:
    """``5 minutes``, ``3 hours``, ``2 days``."""
    minutes = max(0, int(elapsed.total_seconds() // 60))
    if minutes < 60:
        return ngettext("{count} minute", "{count} minutes", minutes)
    if minutes < 48 * 60:
        return ngettext("{count} hour", "{count} hours", minutes // 60)
    return ngettext("{count} day", "{count} days", minutes // 1440)


URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"()<>]+")
REASON_LENGTH = 160


def reason_of(error: BaseException, name: str) -> str:
    """Why calendar ``name`` was not read, in one short phrase for the plan's readers: no hint,
    no calendar name in front, a URL only as :func:`providers.ics_http.display_url` shows it
    (its query and path may hold a token); stderr has the whole message."""
    if isinstance(error, AuthError):
        return _("the sign-in is missing, has expired or was refused")
    if isinstance(error, CalendarReadError):
        text = error.detail
    elif isinstance(error, PlannerError):
        text = error.message
    elif isinstance(error, OSError) and error.strerror and not _network(error):
        text = error.strerror  # a file: "Permission denied"
    else:  # refused, unreachable, timed out: said as for every online service
        from planner.online.failure import describe

        text = describe(error).explained()
    text = (text.strip().splitlines() or [""])[0]
    text = re.sub(rf"^[^:']*'{re.escape(name)}':\s*", "", text)  # "Google calendar 'x': …"
    if URL.search(text):
        from providers.ics_http import display_url

        text = URL.sub(lambda m: display_url(m.group(0)), text)
    if len(text) > REASON_LENGTH:
        text = text[: REASON_LENGTH - 1].rstrip() + "…"
    return text or type(error).__name__


def _network(error: OSError) -> bool:
    import socket

    return isinstance(error, ConnectionError | TimeoutError | socket.gaierror)
