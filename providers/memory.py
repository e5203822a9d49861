"""A calendar held in memory: the reference provider for the contract tests and for embedding.

Its events come from the ``events`` option (a list of :class:`planner.model.Event`), which only
code can set; a TOML config cannot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from planner.model import Calendar, Event, Interval, Status
from providers.base import (
    MIRROR_FIELDS,
    CalendarProvider,
    MarkedEvent,
    ProviderContext,
    SyncMark,
    changed_meanwhile,
    mark_hints,
    may_write_over,
    not_ours,
    same_hold,
    unchanged_since,
)

if TYPE_CHECKING:
    from planner.config.schema import SourceConfig


class MemoryProvider(CalendarProvider):
    name: ClassVar[str] = "memory"
    can_write: ClassVar[bool] = True
    has_free_busy: ClassVar[bool] = True
    can_sync: ClassVar[bool] = True

    def __init__(self, source: SourceConfig, context: ProviderContext) -> None:
        super().__init__(source, context)
        seed: Sequence[Event] = source.options.get("events", ())
        self._events = {e.key: replace(e, calendar=e.calendar or source.name) for e in seed}
        self._marks: dict[str, SyncMark] = {}  # uid → mark of the events written by sync
        self._created: set[str] = set()  # uids of the events written by create_event
        self.writes: list[tuple[str, str]] = []  # (create/update/delete, uid), for tests

    def list_calendars(self) -> list[Calendar]:
        return [Calendar(id=self.source.name, name=self.source.name, primary=True, writable=True)]

    def events(self, start: datetime, end: datetime) -> list[Event]:
        """The events in the window; those sync wrote carry their mark as the others hand it
        out (:func:`providers.base.mark_hints`)."""
        found = (
            replace(e, hints=e.hints + mark_hints(self._marks[e.uid]))
            if e.uid in self._marks
            else e
            for e in self._events.values()
            if e.start < end and e.end > start and e.status is not Status.CANCELLED
        )
        return sorted(found, key=lambda e: (e.start, e.uid))

    def free_busy(
        self, emails: Sequence[str], start: datetime, end: datetime
    ) -> dict[str, list[Interval]]:
        table: dict[str, list[Interval]] = self.source.options.get("free_busy", {})
        return {
            email: [i for i in table.get(email.lower(), []) if i.start < end and i.end > start]
            for email in emails
        }

    def create_event(self, event: Event, *, send_updates: bool = False) -> str:
        theirs = [e for e in self._events.values() if e.uid == event.uid]
        if theirs and event.uid not in self._created:
            raise not_ours(self.source.name, event.uid, theirs[0].title)
        self._drop(event.uid)
        self._events[event.key] = replace(event, calendar=self.source.name)
        self._created.add(event.uid)
        self.writes.append(("create", event.uid))
        return event.uid

    def held(self, uid: str) -> Event | None:
        if uid not in self._created:
            return None
        return next((e for e in self._events.values() if e.uid == uid), None)

    def remove_held(self, uid: str, expected: Event) -> bool:
        there = self.held(uid)
        if there is None:
            theirs = [e for e in self._events.values() if e.uid == uid]
            if theirs:
                raise not_ours(self.source.name, uid, theirs[0].title)
            return False
        if not same_hold(there, expected):
            raise changed_meanwhile(self.source.name, uid, there.title)
        self._drop(uid)
        self._created.discard(uid)
        self.writes.append(("delete", uid))
        return True

    def list_marked(self) -> list[MarkedEvent]:
        return [
            MarkedEvent(e.uid, self._marks[e.uid], e)
            for e in self._events.values()
            if e.uid in self._marks
        ]

    def create_marked(self, event: Event, mark: SyncMark) -> str:
        there = next((e for e in self._events.values() if e.uid == event.uid), None)
        if there is not None and not may_write_over(
            there, self._marks.get(event.uid), wanted=event
        ):
            if event.uid not in self._marks:
                raise not_ours(self.source.name, event.uid, there.title)
            raise changed_meanwhile(self.source.name, event.uid, there.title)
        self._drop(event.uid)
        written = replace(event, calendar=self.source.name)
        if there is not None:  # written before (a retry): what else it has stays
            written = replace(there, **{name: getattr(event, name) for name in MIRROR_FIELDS})
        self._events[written.key] = written
        self._marks[event.uid] = mark
        self.writes.append(("create", event.uid))
        return event.uid

    def update_marked(self, marked: MarkedEvent, event: Event, mark: SyncMark) -> str:
        """Change what the planner writes (:data:`providers.base.MIRROR_FIELDS`) of the event
        there; what else it has (a note, hints as other clients' properties) stays."""
        there = self._still_as_planned(marked, gone_ok=False)
        assert there is not None
        self._drop(marked.id)
        written = replace(there, **{name: getattr(event, name) for name in MIRROR_FIELDS})
        self._events[written.key] = written
        self._marks[marked.id] = mark
        self.writes.append(("update", marked.id))
        return marked.id

    def delete_marked(self, marked: MarkedEvent) -> None:
        self._still_as_planned(marked, gone_ok=True)
        self._drop(marked.id)
        self._marks.pop(marked.id, None)
        self.writes.append(("delete", marked.id))

    def _still_as_planned(self, marked: MarkedEvent, *, gone_ok: bool) -> Event | None:
        """The event ``marked`` names, while it is as listed (None: gone, with ``gone_ok``)."""
        there = next((e for e in self._events.values() if e.uid == marked.id), None)
        if there is None and gone_ok:
            return None
        if there is None or not unchanged_since(there, self._marks.get(marked.id), marked):
            raise changed_meanwhile(self.source.name, marked.id, marked.event.title)
        return there

    def _drop(self, uid: str) -> None:
        for key in [k for k, e in self._events.items() if e.uid == uid]:
            del self._events[key]
