"""Events planner writes into an Outlook calendar. A hold or invitation (``create_event``) is
created with a ``transactionId`` and remembered by its Graph id, so holding it again changes it
in place; an event whose iCalUId is the hold's UID is someone else's and is never doubled.
What ``planner sync`` writes is marked with single-value extended properties, listed with
Graph's documented filter on them
(``singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '1')``), created with a
``transactionId``, changed with ``PATCH`` of what the planner writes alone (the user's note,
reminder, categories stay) and removed with ``DELETE``.

A mixin of :class:`providers.outlook.OutlookProvider`. Every request goes through
:class:`providers.graph_http.GraphClient`, which waits as long as a 429's ``Retry-After`` says.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any, ClassVar

from planner.errors import NotOursError, NotSupportedError
from planner.i18n import _
from planner.model import Event
from providers.base import (
    MarkedEvent,
    SyncMark,
    changed_meanwhile,
    mark_digest,
    mark_hints,
    may_write_over,
    not_ours,
    same_hold,
    unchanged_since,
)
from providers.graph_events import to_graph
from providers.graph_http import GraphError

PROPERTY_SET = "{8b0c6b52-3f0e-4c1e-9a55-6d1b2f0c7e21}"
MARK = f"String {PROPERTY_SET} Name PlannerSync"
MARK_KEY = f"String {PROPERTY_SET} Name PlannerSyncKey"
MARK_DIGEST = f"String {PROPERTY_SET} Name PlannerSyncDigest"
#: on a hold: how the planner's hold showed its time when written (Graph ``showAs``); a hold
#: written again changes ``showAs`` only where the planner's changes it, so a hold the user made
#: free stays free (holds written before it: shown busy)
SHOWN = f"String {PROPERTY_SET} Name PlannerShown"
SHOWN_EXPAND = f"singleValueExtendedProperties($filter=id eq '{SHOWN}')"
MARK_FILTER = f"singleValueExtendedProperties/Any(ep: ep/id eq '{MARK}' and ep/value eq '1')"
MARK_EXPAND = f"singleValueExtendedProperties($filter=id eq '{MARK_KEY}' or id eq '{MARK_DIGEST}')"
#: store namespace (+ the calendar entry's name): Graph id → [key, digest] of every event
#: ``planner sync`` wrote. A delta round cannot $expand extended properties (Graph allows none
#: on delta), so the marks the planner wrote are kept here and handed out with the events.
MARKS = "outlook-marks:"


def marked_body(event: Event, tz: Any, transaction: str | None, mark: SyncMark) -> dict:
    """The Graph JSON of ``event`` with the sync mark; private, no reminder, no attendees."""
    body = to_graph(event, tz, transaction or "", send_updates=False)
    if transaction is None:
        del body["transactionId"]
    body.setdefault("location", {"displayName": ""})  # PATCH keeps what it is not given
    body["sensitivity"] = "private"
    body["isReminderOn"] = False
    body["singleValueExtendedProperties"] = [
        {"id": MARK, "value": "1"},
        {"id": MARK_KEY, "value": mark.key},
        {"id": MARK_DIGEST, "value": mark.digest},
    ]
    return body


#: what the planner writes of a mirror or travel block there already (``PATCH``): what it shows
#: (:data:`providers.base.MIRROR_FIELDS`) and its mark. Everything else stays: the user's
#: note (``body``), reminder, categories, sensitivity, other apps' extended properties
MIRROR_PATCH = (
    "subject",
    "start",
    "end",
    "isAllDay",
    "showAs",
    "location",
    "singleValueExtendedProperties",
)


def mirror_patch(event: Event, tz: Any, mark: SyncMark) -> dict[str, Any]:
    """The ``PATCH`` body that makes a mirror or travel block there already ``event`` with
    ``mark``: :data:`MIRROR_PATCH` alone (Graph merges extended properties by their id)."""
    body = marked_body(event, tz, None, mark)
    return {key: body[key] for key in MIRROR_PATCH}


def extended(item: Mapping[str, Any]) -> dict[str, str]:
    """The single-value extended properties ``item`` was read with, by id in lower case."""
    return {
        str(p.get("id", "")).casefold(): str(p.get("value") or "")
        for p in item.get("singleValueExtendedProperties") or ()
    }


def read_mark(item: Mapping[str, Any]) -> SyncMark | None:
    values = extended(item)
    key = values.get(MARK_KEY.casefold())
    return SyncMark(key, values.get(MARK_DIGEST.casefold(), "")) if key else None


class OutlookMarked:
    """``create_event`` (holds and invitations) and ``list_marked``, ``create_marked``,
    ``update_marked``, ``delete_marked`` (what ``planner sync`` writes) for Outlook."""

    source: Any
    context: Any
    select: ClassVar[str]  # the $select of event reads, and the transactionId of a creation:
    transaction: Callable[[Event], str]  # both set by OutlookProvider
    # and, from OutlookProvider: graph, store, selected_calendars, _created_uids, _to_event

    def create_event(self, event: Event, *, send_updates: bool = False) -> str:
        """Create ``event``; with ``send_updates`` Graph sends the invitations itself, without
        it the attendees are left out (a hold only the user sees)."""
        path = self._write_path()
        calendar_id = self.selected_calendars()[0]["id"]
        tx = self.transaction(event)
        body = to_graph(event, self.context.tz, tx, send_updates=send_updates)
        body["singleValueExtendedProperties"] = [{"id": SHOWN, "value": body["showAs"]}]
        there = self._hold_item(event.uid, expand=SHOWN_EXPAND)
        if there is not None and self._moved(there[0], there[1], body, event):
            return there[0].rpartition("/")[2]  # the hold of this UID, changed where it stands
        self._refuse_theirs(calendar_id, event.uid)
        created = self.graph.request("POST", path, json=body, retry=True)
        event_id = str(created.get("id") or "")
        store = self.store
        with store.conn:
            store.conn.execute(
                "INSERT OR REPLACE INTO outlook_created VALUES (?, ?, ?, ?)",
                (self.source.name, tx, event.uid, event_id),
            )
        return event_id

    def held(self, uid: str) -> Event | None:
        """The hold ``create_event`` wrote under ``uid``, as the calendar has it now."""
        found = self._hold_item(uid)
        return None if found is None else self._to_event(found[1], {found[2]: uid})

    def _hold_item(self, uid: str, expand: str = "") -> tuple[str, dict[str, Any], str] | None:
        """The path, Graph JSON and transactionId of the hold created here under ``uid``
        (found by the Graph id remembered, :meth:`_created_id`; read with ``expand``), None
        when there is none."""
        earlier = self._created_id(uid)
        if not earlier:
            return None
        path = f"{self._write_path()}/{earlier}"
        query = {"$select": self.select} | ({"$expand": expand} if expand else {})
        try:
            item = self.graph.get(path, query)
        except GraphError as exc:
            if exc.status == 404:
                return None
            raise
        return path, item, str(item.get("transactionId") or "")

    def remove_held(self, uid: str, expected: Event) -> bool:
        """DELETE the hold ``create_event`` wrote under ``uid`` (by the Graph id remembered)
        while it shows what ``expected`` showed (:func:`providers.base.same_hold`), with
        ``If-Match`` of the ``@odata.etag`` read just before: a change in between (412) is
        refused, nothing is deleted. Without such a hold, an event whose iCalUId is ``uid`` is
        someone else's (:func:`not_ours`)."""
        found = self._hold_item(uid)
        if found is None:
            self._refuse_theirs(self.selected_calendars()[0]["id"], uid)
            return False
        path, item, tx = found
        there, etag = self._to_event(item, {tx: uid}), str(item.get("@odata.etag") or "")
        if there is None or not etag or not same_hold(there, expected):
            raise changed_meanwhile(self.source.name, uid, str(item.get("subject") or ""))
        try:
            self._if_match("DELETE", path, etag, there)
        except NotOursError:  # 412: changed, or deleted meanwhile (then it is gone)
            if self._hold_item(uid) is not None:
                raise
            return False
        except GraphError as exc:
            if exc.status != 404:
                raise
            return False
        return True

    def _created_id(self, uid: str) -> str:
        """The Graph id of the last event created here under ``uid``, "" when none."""
        row = self.store.conn.execute(
            "SELECT event_id FROM outlook_created WHERE source = ? AND uid = ?"
            " AND event_id IS NOT NULL AND event_id != '' ORDER BY rowid DESC LIMIT 1",
            (self.source.name, uid),
        ).fetchone()
        return str(row[0]) if row else ""

    def _moved(
        self, path: str, item: Mapping[str, Any], body: dict[str, Any], event: Event
    ) -> bool:
        """PATCH the hold ``item`` (at ``path``, as just read) with ``body`` while it is as read
        (``If-Match``; a change in between is refused: :func:`providers.base.changed_meanwhile`);
        ``showAs`` only where the planner's hold changes it (:data:`SHOWN`). False when it is
        gone."""
        changes = {k: v for k, v in body.items() if k != "transactionId"}
        if extended(item).get(SHOWN.casefold(), "busy") == changes["showAs"]:
            del changes["showAs"]  # as the planner's hold was: the user's choice stays
        changes.setdefault("location", {"displayName": ""})  # PATCH keeps what it is not given
        etag = str(item.get("@odata.etag") or "")
        if not etag:
            raise changed_meanwhile(self.source.name, event.uid, event.title)
        try:
            self._if_match("PATCH", path, etag, event, changes)
        except GraphError as exc:
            if exc.status == 404:
                return False
            raise
        return True

    def _refuse_theirs(self, calendar_id: str, uid: str) -> None:
        """:func:`providers.base.not_ours` when the calendar holds an event whose iCalUId is
        ``uid``: the planner's own events get an iCalUId from Graph, so such an event is
        someone else's (a hold would stand beside it as a double of the meeting)."""
        quoted = uid.replace("'", "''")
        params = {"$filter": f"iCalUId eq '{quoted}'", "$select": "id,subject", "$top": "1"}
        path = f"me/calendars/{calendar_id}/events"
        for page in self.graph.pages(path, params):
            for item in page.get("value", []):
                raise not_ours(self.source.name, uid, str(item.get("subject") or ""))
            return

    def _write_path(self) -> str:
        if not self.source.options.get("write"):
            raise NotSupportedError(
                _("calendar '{name}' is read-only", name=self.source.name),
                hint=_("set write = true for it and run 'planner auth outlook' again"),
            )
        return f"me/calendars/{self.selected_calendars()[0]['id']}/events"

    def with_mark(
        self, event: Event, item: Mapping[str, Any], marks: Mapping[str, SyncMark]
    ) -> Event:
        """``event`` (read from ``item``) with the hints of its sync mark, where it has one:
        reading for the plan tells by them the planner's own events from those the user
        changed (:func:`providers.base.planners_own`)."""
        mark = read_mark(item) or marks.get(str(item.get("id") or ""))
        return event if mark is None else replace(event, hints=event.hints + mark_hints(mark))

    def known_marks(self) -> dict[str, SyncMark]:
        """The marks of the events ``planner sync`` wrote here, by Graph id."""
        found = {}
        for event_id, value in self.store.items(MARKS + self.source.name).items():
            if isinstance(value, list) and len(value) == 2:
                found[event_id] = SyncMark(str(value[0]), str(value[1]))
        return found

    def _keep_mark(self, event_id: str, mark: SyncMark | None) -> None:
        if not event_id:
            return
        if mark is None:
            self.store.delete(MARKS + self.source.name, event_id)
        else:
            self.store.put(MARKS + self.source.name, event_id, [mark.key, mark.digest])

    def list_marked(self) -> list[MarkedEvent]:
        path = f"me/calendars/{self.selected_calendars()[0]['id']}/events"
        params = {
            "$filter": MARK_FILTER,
            "$expand": MARK_EXPAND,
            "$select": self.select,
            "$top": "100",
        }
        created = self._created_uids()
        found = []
        for page in self.graph.pages(path, params):
            for item in page.get("value", []):
                mark = read_mark(item)
                event = self._to_event(item, created)
                if mark is not None and event is not None:
                    etag = str(item.get("@odata.etag") or "")
                    found.append(MarkedEvent(str(item["id"]), mark, event, etag))
        known = self.known_marks()  # brought in line with the calendar: it may have been
        for marked in found:  # written from another device, or lost an event
            if known.pop(marked.id, None) != marked.mark:
                self._keep_mark(marked.id, marked.mark)
        for event_id in known:
            self._keep_mark(event_id, None)
        return found

    def create_marked(self, event: Event, mark: SyncMark) -> str:
        """POST with a ``transactionId``; a known one answers with the event created then,
        which is written over only while :func:`providers.base.may_write_over` allows."""
        path = self._write_path()
        tx = self.transaction(event)
        body = marked_body(event, self.context.tz, tx, mark)
        created = self.graph.request("POST", path, json=body, retry=True)
        event_id = str(created.get("id") or "")
        there = self._to_event(created, {tx: event.uid})
        if event_id and (there is None or mark_digest(there) != mark_digest(event)):
            self._write_over(f"{path}/{event_id}", event, mark)  # met one the user changed?
        store = self.store
        with store.conn:
            store.conn.execute(
                "INSERT OR REPLACE INTO outlook_created VALUES (?, ?, ?, ?)",
                (self.source.name, tx, event.uid, event_id),
            )
        self._keep_mark(event_id, mark)
        return event_id

    def _write_over(self, path: str, event: Event, mark: SyncMark) -> None:
        """Make the event at ``path`` that a create of ``event`` met show it (what the planner
        writes alone, :func:`mirror_patch`), only while it is as the planner wrote it (else
        :func:`providers.base.changed_meanwhile`)."""
        item = self.graph.get(path, {"$select": self.select, "$expand": MARK_EXPAND})
        there = self._to_event(item, {str(item.get("transactionId") or ""): event.uid})
        if there is None or not may_write_over(there, read_mark(item), event):
            raise changed_meanwhile(self.source.name, event.uid, str(item.get("subject") or ""))
        changes = mirror_patch(event, self.context.tz, mark)
        self._if_match("PATCH", path, str(item.get("@odata.etag") or ""), event, changes)

    def _if_match(self, method: str, path: str, etag: str, event: Event, body: Any = None) -> None:
        """``PATCH`` or ``DELETE`` only while the event's ``@odata.etag`` is still ``etag``;
        a 412 (changed meanwhile) is refused and nothing is written."""
        headers = {"If-Match": etag} if etag else None
        try:
            self.graph.request(method, path, json=body, retry=True, headers=headers)
        except GraphError as exc:
            if exc.status == 412:
                raise changed_meanwhile(self.source.name, event.uid, event.title) from None
            raise

    def _etag_as_planned(self, path: str, marked: MarkedEvent) -> str:
        """The ``@odata.etag`` of ``marked`` as listed when the run was planned, or (without
        one) as read now while it is still what was listed ("" when it is gone)."""
        if marked.etag:
            return marked.etag
        try:
            item = self.graph.get(path, {"$select": self.select, "$expand": MARK_EXPAND})
        except GraphError as exc:
            if exc.status == 404:
                return ""
            raise
        there = self._to_event(item, self._created_uids())
        etag = str(item.get("@odata.etag") or "")
        if not etag or there is None or not unchanged_since(there, read_mark(item), marked):
            raise changed_meanwhile(self.source.name, marked.event.uid, marked.event.title)
        return etag

    def update_marked(self, marked: MarkedEvent, event: Event, mark: SyncMark) -> str:
        """PATCH what the planner writes of ``marked`` (:func:`mirror_patch`: the user's note,
        reminder, categories and other apps' properties stay), only while it is as listed
        (``If-Match``)."""
        path = f"{self._write_path()}/{marked.id}"
        etag = self._etag_as_planned(path, marked)
        if not etag:
            raise changed_meanwhile(self.source.name, marked.event.uid, marked.event.title)
        body = mirror_patch(event, self.context.tz, mark)
        self._if_match("PATCH", path, etag, marked.event, body)
        self._keep_mark(marked.id, mark)
        return marked.id

    def delete_marked(self, marked: MarkedEvent) -> None:
        """DELETE ``marked`` only while it is as listed (``If-Match``); gone is fine."""
        path = f"{self._write_path()}/{marked.id}"
        try:
            etag = self._etag_as_planned(path, marked)
            if etag:
                self._if_match("DELETE", path, etag, marked.event)
        except NotOursError:  # 412: changed, or deleted meanwhile (then it is gone: fine)
            if self._etag_as_planned(path, replace(marked, etag="")):
                raise
        except GraphError as exc:
            if exc.status != 404:
                raise
        self._keep_mark(marked.id, None)
