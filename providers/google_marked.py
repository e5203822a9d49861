"""Events planner writes into a Google calendar. A hold or invitation (``create_event``) is
keyed by its iCalUID. What ``planner sync`` writes is marked with private extended
properties (``plannerSync``, ``plannerSyncKey``, ``plannerSyncDigest``), listed with the
documented ``privateExtendedProperty`` filter of ``events.list``, written with ``events.insert``
(an id derived from the uid, so a retry meets 409), ``events.update`` and ``events.delete``.

A mixin of :class:`providers.google.GoogleProvider`. Every request goes through
:meth:`providers.google_auth.GoogleClient.execute`, which backs off on Google's rate limits
(403 rateLimitExceeded, 429) and honours ``Retry-After``.
"""

from __future__ import annotations

import logging
from typing import Any

from planner.errors import ProviderError
from planner.i18n import _
from planner.model import Event
from providers.base import MarkedEvent, SyncMark, not_ours
from providers.google_auth import Conflict, SyncTokenExpired
from providers.google_map import MARK, MARK_DIGEST, MARK_KEY, event_id_for, to_event, to_google

log = logging.getLogger("planner")

PLANNER_UID = "plannerUid"  # the private property every event written by create_event carries


def marked_body(event: Event, event_id: str, mark: SyncMark, tz: Any) -> dict[str, Any]:
    """The event resource for ``event`` with the sync mark; private, without reminders."""
    body = to_google(event, tz)
    body["id"] = event_id  # events.insert takes a client-chosen id: a retry meets 409
    del body["iCalUID"]  # never both: Google derives the iCalUID from the id
    body["extendedProperties"]["private"].update(
        {MARK: "1", MARK_KEY: mark.key, MARK_DIGEST: mark.digest}
    )
    body["visibility"] = "private"
    body["reminders"] = {"useDefault": False}
    body["status"] = body.get("status", "confirmed")
    return body


class GoogleMarked:
    """``create_event``, ``find_by_uid`` and ``list_marked``, ``create_marked``,
    ``update_marked``, ``delete_marked`` for Google."""

    source: Any
    context: Any
    client: Any
    # and, from GoogleProvider: _calendar_ids, _pages, _store, _apply, _check_writable

    def create_event(self, event: Event, *, send_updates: bool = False) -> str:
        """Write ``event`` into the first configured calendar, keyed by its iCalUID (and the
        private property ``plannerUid`` as a second key); return Google's event id.

        A hold goes through ``events.import``, which keeps the given iCalUID and updates an
        event that has it already, so a retry changes nothing. An invitation Google sends
        itself (``send_updates``) is inserted with the iCalUID alone; a retry meets 409 and
        finds the event by its iCalUID. Either way, an event with that iCalUID that the
        planner did not write (no private ``plannerUid`` of the same value) is refused before
        anything is sent: ``events.import`` would write over it, conference link and all.
        """
        self._check_writable()
        calendar_id = self._calendar_ids[0]
        self._refuse_theirs(event.uid)
        events = self.client.service().events()
        what = _("creating '{title}'", title=event.title)
        body = to_google(event, self.context.tz)
        if send_updates:
            request = events.insert(calendarId=calendar_id, body=body, sendUpdates="all")
        else:
            request = events.import_(calendarId=calendar_id, body=body)
        try:
            created = self.client.execute(request, what)
        except Conflict:  # a retry of an insert that went through: fetch what is there
            log.info("Google calendar '%s': %s exists already", self.source.name, event.uid)
            created = self.find_by_uid(event.uid) or {}
        if not created.get("id"):
            raise ProviderError(
                _(
                    "Google calendar '{name}': '{title}' was not created",
                    name=self.source.name,
                    title=event.title,
                ),
                hint=_("try again; the calendar answered without an event"),
            )
        store = self._store()
        with store.conn:  # visible at once, even where this run has synced already
            self._apply(store, calendar_id, [created])
        return str(created["id"])

    def _refuse_theirs(self, uid: str) -> None:
        """:func:`providers.base.not_ours` when the write calendar holds an event with iCalUID
        ``uid`` that the planner did not write."""
        calendar_id = self._calendar_ids[0]
        what = _("looking up '{uid}'", uid=uid)
        items, _token = self._pages(what, calendarId=calendar_id, maxResults=10, iCalUID=uid)
        for item in items:
            private = (item.get("extendedProperties") or {}).get("private") or {}
            if item.get("status") != "cancelled" and private.get(PLANNER_UID) != uid:
                raise not_ours(self.source.name, uid, str(item.get("summary") or ""))

    def find_by_uid(self, uid: str) -> dict[str, Any] | None:
        """The event resource with iCalUID ``uid`` (or private property ``plannerUid``) in
        the first configured calendar, else None."""
        calendar_id = self._calendar_ids[0]
        what = _("looking up '{uid}'", uid=uid)
        for key in ({"iCalUID": uid}, {"privateExtendedProperty": f"plannerUid={uid}"}):
            items, _token = self._pages(what, calendarId=calendar_id, maxResults=10, **key)
            live = [i for i in items if i.get("status") != "cancelled"]
            if live:
                return live[0]
        return None

    def held(self, uid: str) -> Event | None:
        """The hold ``create_event`` wrote under ``uid``, as the calendar has it now."""
        item = self.find_by_uid(uid)
        private = ((item or {}).get("extendedProperties") or {}).get("private") or {}
        if item is None or private.get(PLANNER_UID) != uid:
            return None  # none, or not the planner's (create_event refuses to write over it)
        calendar_id = self._calendar_ids[0]
        return to_event(item, self.context, source=self.source.name, calendar_id=calendar_id)

    @property
    def _write_calendar(self) -> str:
        return str(self._calendar_ids[0])

    def list_marked(self) -> list[MarkedEvent]:
        calendar_id = self._write_calendar
        items, _token = self._pages(
            _("listing the planner's events in '{id}'", id=calendar_id),
            calendarId=calendar_id,
            privateExtendedProperty=f"{MARK}=1",
            timeZone=self.context.tz.key,
            maxResults=2500,
        )
        found = []
        for item in items:
            private = (item.get("extendedProperties") or {}).get("private") or {}
            event = to_event(item, self.context, source=self.source.name, calendar_id=calendar_id)
            if event is None or not private.get(MARK_KEY) or item.get("status") == "cancelled":
                continue
            mark = SyncMark(private[MARK_KEY], private.get(MARK_DIGEST, ""))
            found.append(MarkedEvent(str(item["id"]), mark, event, str(item.get("etag", ""))))
        return found

    def create_marked(self, event: Event, mark: SyncMark) -> str:
        self._check_writable()
        calendar_id, event_id = self._write_calendar, event_id_for(event.uid)
        body = marked_body(event, event_id, mark, self.context.tz)
        events = self.client.service().events()
        what = _("creating '{title}'", title=event.title)
        try:
            written = self.client.execute(
                events.insert(calendarId=calendar_id, body=body, sendUpdates="none"), what
            )
        except Conflict:  # written before (a retry, or deleted and now wanted again)
            log.info("Google calendar '%s': event %s exists, updating", self.source.name, event_id)
            written = self.client.execute(
                events.update(
                    calendarId=calendar_id, eventId=event_id, body=body, sendUpdates="none"
                ),
                what,
            )
        self._remember(calendar_id, written)
        return event_id

    def update_marked(self, marked: MarkedEvent, event: Event, mark: SyncMark) -> str:
        self._check_writable()
        calendar_id = self._write_calendar
        body = marked_body(event, marked.id, mark, self.context.tz)  # its iCalUID stays
        request = (
            self.client.service()
            .events()
            .update(calendarId=calendar_id, eventId=marked.id, body=body, sendUpdates="none")
        )
        written = self.client.execute(request, _("updating '{title}'", title=event.title))
        self._remember(calendar_id, written)
        return marked.id

    def delete_marked(self, marked: MarkedEvent) -> None:
        self._check_writable()
        calendar_id = self._write_calendar
        request = (
            self.client.service()
            .events()
            .delete(calendarId=calendar_id, eventId=marked.id, sendUpdates="none")
        )
        try:
            self.client.execute(request, _("deleting '{title}'", title=marked.event.title))
        except SyncTokenExpired:  # 410: deleted already
            pass
        except ProviderError as exc:
            if "(404)" not in str(exc):
                raise
        self._remember(calendar_id, {"id": marked.id, "status": "cancelled"})

    def _remember(self, calendar_id: str, item: dict[str, Any]) -> None:
        """Keep the local copy current, so this run's reads see the write at once."""
        store = self._store()
        with store.conn:
            self._apply(store, calendar_id, [item])
