"""Reading events from every configured calendar into one list, each meeting once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from planner.config import Config, SourceConfig
from planner.model import Event
from planner.store import Store
from providers.base import CalendarProvider, ProviderContext, create


def context_for(config: Config, store: Store | None = None) -> ProviderContext:
    """The provider context for ``config``: its zone, the user's addresses, the state store."""
    emails = {config.user["email"].lower()} - {""}
    return ProviderContext(
        tz=config.tz,
        user_emails=frozenset(emails),
        store_factory=(lambda: store) if store is not None else None,
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
) -> list[Event]:
    """All events of all providers in ``[start, end)``, sorted, a meeting in two calendars once.

    Two occurrences are the same meeting when they share :attr:`Event.key` (iCalendar UID and
    start); the first calendar in the config wins.
    """
    seen: dict[tuple[str, str], Event] = {}
    for provider in providers:
        if progress:
            progress(provider.source.name)
        for event in provider.events(start, end):
            seen.setdefault(event.key, event)
    return sorted(seen.values(), key=lambda e: (e.start, e.end, e.title))
