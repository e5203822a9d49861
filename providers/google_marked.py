"""Events planner writes into a Google calendar. A hold or invitation (``create_event``) is
keyed by its iCalUID. What ``planner sync`` writes is marked with private extended
properties (``plannerSync``, ``plannerSyncKey``, ``plannerSyncDigest``), listed with the
documented ``privateExtendedProperty`` filter of ``events.list``, written with ``events.insert``
(an id derived from the uid, so a retry meets 409), changed with ``events.patch`` of what the
planner writes alone (the user's additions stay) and removed with ``events.delete``.

A mixin of :class:`providers.google.GoogleProvider`. Every request goes through
:meth:`providers.google_auth.GoogleClient.execute`, which backs off on Google's rate limits
(403 rateLimitExceeded, 429) and honours ``Retry-After``.
"""

from __future__ import annotations

import logging
from typing import Any

from planner.errors import NotOursError, ProviderError
from planner.i18n import _
from planner.model import Event
from providers.base import (
    MarkedEvent,
    SyncMark,
    changed_meanwhile,
    may_write_over,
    not_ours,
    same_hold,
    unchanged_since,
)
from providers.google_auth import Conflict, PreconditionFailed, SyncTokenExpired
from providers.google_map import (
    MARK,
    MARK_DIGEST,
    MARK_KEY,
    event_id_for,
    hold_body,
    hold_patch,
    mirror_patch,
    to_event,
    to_google,
)

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


def read_mark(item: dict[str, Any]) -> SyncMark | None:
    """The sync mark in the private extended properties of ``item``, None without one."""
    private = (item.get("extendedProperties") or {}).get("private") or {}
    return (
        SyncMark(private[MARK_KEY], private.get(MARK_DIGEST, "")) if private.get(MARK_KEY) else None
    )


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

        A first hold goes through ``events.import``, which keeps the given iCalUID. A hold
        there already (written again: moved, retitled, a retry) is changed with
        ``events.patch`` in what the planner writes only (:func:`providers.google_map.hold_patch`),
        so the user's colour, reminders, attachments, conference and other apps' properties
        stay; it is sent with ``If-Match`` of the etag read just before, and a change in between
        (412) is refused (:func:`providers.base.changed_meanwhile`). An invitation Google sends
        itself (``send_updates``) is inserted with the iCalUID alone; a retry meets 409 and
        finds the event by its iCalUID. Either way, an event with that iCalUID that the
        planner did not write (no private ``plannerUid`` of the same value) is refused before
        anything is sent: ``events.import`` would write over it, conference link and all.
        """
        self._check_writable()
        calendar_id = self._calendar_ids[0]
        there = self._hold_there(event.uid)
        if there is not None and not send_updates:
            return self._hold_again(there, event)
        events = self.client.service().events()
        what = _("creating '{title}'", title=event.title)
        if send_updates:
            body = to_google(event, self.context.tz)
            request = events.insert(calendarId=calendar_id, body=body, sendUpdates="all")
        else:
            request = events.import_(calendarId=calendar_id, body=hold_body(event, self.context.tz))
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
        self._remember(calendar_id, created)  # visible at once, even where synced already
        return str(created["id"])

    def _hold_there(self, uid: str) -> dict[str, Any] | None:
        """The planner's live event with iCalUID ``uid`` in the write calendar, as read now
        (None without one); :func:`providers.base.not_ours` when an event with that iCalUID
        is there that the planner did not write."""
        calendar_id = self._calendar_ids[0]
        what = _("looking up '{uid}'", uid=uid)
        items, _token = self._pages(what, calendarId=calendar_id, maxResults=10, iCalUID=uid)
        live = [item for item in items if item.get("status") != "cancelled"]
        for item in live:
            private = (item.get("extendedProperties") or {}).get("private") or {}
            if private.get(PLANNER_UID) != uid:
                raise not_ours(self.source.name, uid, str(item.get("summary") or ""))
        return live[0] if live else None

    def _hold_again(self, there: dict[str, Any], event: Event) -> str:
        """Make the hold ``there`` ``event`` by changing only what the planner writes
        (``events.patch``), while it is as read (``If-Match`` of its etag; 412 refused)."""
        calendar_id, etag = self._calendar_ids[0], str(there.get("etag") or "")
        if not etag:
            raise changed_meanwhile(self.source.name, event.uid, event.title)
        request = (
            self.client.service()
            .events()
            .patch(
                calendarId=calendar_id,
                eventId=there["id"],
                body=hold_patch(event, self.context.tz, there),
                sendUpdates="none",
            )
        )
        what = _("updating '{title}'", title=event.title)
        written = self._if_match(request, etag, what, event)
        self._remember(calendar_id, written)
        return str(written.get("id") or there["id"])

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

    def remove_held(self, uid: str, expected: Event) -> bool:
        """``events.delete`` of the hold ``create_event`` wrote under ``uid`` (the one
        :meth:`held` reads: private ``plannerUid`` of that value) while it shows what
        ``expected`` showed (:func:`providers.base.same_hold`), with ``If-Match`` of the etag
        read just before: a change in between (412) is refused, nothing is deleted. An event
        with that iCalUID the planner did not write is refused (:func:`not_ours`)."""
        self._check_writable()
        item = self.find_by_uid(uid)
        if item is None:
            return False
        title = str(item.get("summary") or "")
        private = (item.get("extendedProperties") or {}).get("private") or {}
        if private.get(PLANNER_UID) != uid:
            raise not_ours(self.source.name, uid, title)
        there, etag = self._as_event(item), str(item.get("etag") or "")
        if there is None or not etag or not same_hold(there, expected):
            raise changed_meanwhile(self.source.name, uid, title)
        calendar_id, event_id = self._write_calendar, str(item["id"])
        request = (
            self.client.service()
            .events()
            .delete(calendarId=calendar_id, eventId=event_id, sendUpdates="none")
        )
        what = _("deleting '{title}'", title=title)
        removed = True
        try:
            self._if_match(request, etag, what, there)
        except NotOursError:  # 412: changed, or deleted meanwhile (then it is gone)
            if self._read(event_id, what).get("status") != "cancelled":
                raise
            removed = False
        except SyncTokenExpired:  # 410: deleted already
            removed = False
        except ProviderError as exc:
            if "(404)" not in str(exc):
                raise
            removed = False
        self._remember(calendar_id, {"id": event_id, "status": "cancelled"})
        return removed

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
            event, mark = self._as_event(item), read_mark(item)
            if event is None or mark is None or item.get("status") == "cancelled":
                continue
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
            etag = self._may_write_over(event_id, event)
            if etag:  # there: what the planner writes changes, the user's additions stay
                patch = mirror_patch(event, mark, self.context.tz)
                request = events.patch(
                    calendarId=calendar_id, eventId=event_id, body=patch, sendUpdates="none"
                )
            else:  # deleted: written anew (events.update brings it back)
                request = events.update(
                    calendarId=calendar_id, eventId=event_id, body=body, sendUpdates="none"
                )
            written = self._if_match(request, etag, what, event)
        self._remember(calendar_id, written)
        return event_id

    def _may_write_over(self, event_id: str, event: Event) -> str:
        """The etag of the event ``event_id`` a create of ``event`` met (409), read now, while
        it may be written over (:func:`providers.base.may_write_over`; "" when it was
        deleted); else :func:`providers.base.not_ours` or
        :func:`providers.base.changed_meanwhile`."""
        there = self._read(event_id, _("looking up '{uid}'", uid=event.uid))
        if there.get("status") == "cancelled":
            return ""
        title, mark, found = (
            str(there.get("summary") or ""),
            read_mark(there),
            self._as_event(there),
        )
        if mark is None or found is None:
            raise not_ours(self.source.name, event.uid, title)
        if not may_write_over(found, mark, event):
            raise changed_meanwhile(self.source.name, event.uid, title)
        return str(there.get("etag") or "")

    def _as_event(self, item: dict[str, Any]) -> Event | None:
        calendar_id = self._write_calendar
        return to_event(item, self.context, source=self.source.name, calendar_id=calendar_id)

    def _read(self, event_id: str, what: str) -> dict[str, Any]:
        """``events.get`` of ``event_id`` in the write calendar (a 404 or 410 as cancelled)."""
        request = (
            self.client.service().events().get(calendarId=self._write_calendar, eventId=event_id)
        )
        try:
            return self.client.execute(request, what)
        except SyncTokenExpired:
            return {"id": event_id, "status": "cancelled"}
        except ProviderError as exc:
            if "(404)" not in str(exc):
                raise
            return {"id": event_id, "status": "cancelled"}

    def _if_match(self, request: Any, etag: str, what: str, event: Event) -> dict[str, Any]:
        """Run the change ``request`` of ``event`` only while the event's etag is still
        ``etag`` (``If-Match``); a 412 (changed meanwhile) is refused, nothing is written."""
        if etag:
            request.headers["If-Match"] = etag
        try:
            return self.client.execute(request, what)
        except PreconditionFailed:
            raise changed_meanwhile(self.source.name, event.uid, event.title) from None

    def _etag_as_planned(self, marked: MarkedEvent) -> str:
        """The etag of ``marked`` as listed when the run was planned, or (without one) as
        read now while it is still what was listed ("" when it is gone)."""
        if marked.etag:
            return marked.etag
        there = self._read(marked.id, _("looking up '{uid}'", uid=marked.event.uid))
        if there.get("status") == "cancelled":
            return ""
        found = self._as_event(there)
        if (
            found is None
            or not there.get("etag")
            or not unchanged_since(found, read_mark(there), marked)
        ):
            raise changed_meanwhile(self.source.name, marked.event.uid, marked.event.title)
        return str(there["etag"])

    def update_marked(self, marked: MarkedEvent, event: Event, mark: SyncMark) -> str:
        """Make ``marked`` show ``event`` with ``events.patch`` of what the planner writes
        (:func:`providers.google_map.mirror_patch`; the user's colour, reminders, note,
        attachments and other apps' properties stay), only while it is as listed
        (``If-Match``; a 412 is refused)."""
        self._check_writable()
        calendar_id = self._write_calendar
        etag = self._etag_as_planned(marked)
        if not etag:
            raise changed_meanwhile(self.source.name, marked.event.uid, marked.event.title)
        body = mirror_patch(event, mark, self.context.tz)  # its iCalUID stays
        request = (
            self.client.service()
            .events()
            .patch(calendarId=calendar_id, eventId=marked.id, body=body, sendUpdates="none")
        )
        what = _("updating '{title}'", title=event.title)
        written = self._if_match(request, etag, what, marked.event)
        self._remember(calendar_id, written)
        return marked.id

    def delete_marked(self, marked: MarkedEvent) -> None:
        """Delete ``marked`` only while it is as listed (``If-Match``); gone already is fine."""
        self._check_writable()
        calendar_id = self._write_calendar
        etag = self._etag_as_planned(marked)
        request = (
            self.client.service()
            .events()
            .delete(calendarId=calendar_id, eventId=marked.id, sendUpdates="none")
        )
        what = _("deleting '{title}'", title=marked.event.title)
        try:
            if etag:
                self._if_match(request, etag, what, marked.event)
        except NotOursError:  # 412: changed, or deleted meanwhile (then it is gone: fine)
            if self._read(marked.id, what).get("status") != "cancelled":
                raise
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
