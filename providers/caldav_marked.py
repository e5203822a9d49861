"""Events ``planner sync`` writes into a CalDAV calendar: marked with X-properties, listed from
the synced copy (RFC 6578) or a calendar query, updated and deleted with ETag preconditions.

A mixin of :class:`providers.caldav.CalDavProvider`; it uses that class's connection, write
calendar and object cache.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from planner.errors import ProviderError
from planner.i18n import _
from planner.model import Event
from providers.base import MarkedEvent, SyncMark, not_ours
from providers.caldav_support import object_name

MARK = "X-PLANNER-SYNC"
MARK_KEY = "X-PLANNER-SYNC-KEY"
MARK_DIGEST = "X-PLANNER-SYNC-DIGEST"
HOLD_MARK = "X-PLANNER-HOLD"  # on every event create_event writes: a hold, an invitation
EVER = (datetime(1970, 1, 1, tzinfo=UTC), datetime(2200, 1, 1, tzinfo=UTC))


def marked_ics(event: Event, mark: SyncMark) -> bytes:
    """``event`` as iCalendar with the sync mark (and CLASS:PRIVATE: a mirror is no one's
    business but the user's)."""
    from planner.ical.writing import event_to_ics

    marks = {MARK: "1", MARK_KEY: mark.key, MARK_DIGEST: mark.digest, "CLASS": "PRIVATE"}
    return with_mark(event_to_ics(event), marks)


def with_mark(data: bytes, marks: dict[str, str]) -> bytes:
    """The calendar ``data`` with the properties ``marks`` on every VEVENT."""
    from icalendar import Calendar as ICalendar

    calendar = ICalendar.from_ical(data)
    for component in calendar.walk("VEVENT"):
        for name, value in marks.items():
            component.add(name, value)
    return bytes(calendar.to_ical())


def has_mark(data: str, mark: str) -> bool:
    """Whether a VEVENT of the calendar object ``data`` carries the property ``mark``."""
    from icalendar import Calendar as ICalendar

    if mark not in data.upper():
        return False
    try:
        return any(c.get(mark) for c in ICalendar.from_ical(data).walk("VEVENT"))
    except ValueError:
        return False


def summary_of(data: str) -> str:
    """The SUMMARY of the first VEVENT of ``data``, "" when there is none or it is unreadable."""
    from icalendar import Calendar as ICalendar

    try:
        for component in ICalendar.from_ical(data).walk("VEVENT"):
            return str(component.get("SUMMARY") or "")
    except ValueError:
        return ""
    return ""


def read_mark(data: str) -> SyncMark | None:
    """The sync mark of a calendar object's first VEVENT, or None."""
    if MARK_KEY not in data:
        return None
    from icalendar import Calendar as ICalendar

    try:
        for component in ICalendar.from_ical(data).walk("VEVENT"):
            key = component.get(MARK_KEY)
            if key:
                return SyncMark(str(key), str(component.get(MARK_DIGEST) or ""))
    except ValueError:
        return None
    return None


class CalDavMarked:
    """``list_marked``, ``create_marked``, ``update_marked``, ``delete_marked`` for CalDAV."""

    opts: Any
    quirks: Any
    account: Any
    # and, from CalDavProvider: _write_target, _sync, _key, _object_cache, _query, _parse,
    # _put, _send, _current_etag, _refuse_theirs, _conflict

    def list_marked(self) -> list[MarkedEvent]:
        remote = self._write_target()
        if self.opts["sync"] and self.quirks.sync and remote.can_sync and self._sync(remote):
            key = self._key(remote)
            cache = self._object_cache()
            etags = cache.etags(key)
            objects = [(h, etags.get(h, ""), d) for h, d in cache.objects(key, *EVER)]
        else:
            objects = [(h, "", d) for h, d in self._query(remote, *EVER)]
        found = []
        for href, etag, data in objects:
            mark = read_mark(data)
            if mark is None:
                continue
            events = self._parse(remote, href, data, *EVER)
            if events:
                found.append(MarkedEvent(href, mark, events[0], etag))
        return found

    def create_marked(self, event: Event, mark: SyncMark) -> str:
        remote = self._write_target()
        url = remote.dav.url.join(object_name(event.uid))
        body = marked_ics(event, mark)
        status = self._put(url, body, {"If-None-Match": "*"})
        if status == 412:  # a retry after a lost answer: the object is there; write it again
            self._refuse_theirs(url, event.uid, MARK_KEY)
            status = self._put(url, body, {"If-Match": self._current_etag(url)})
        if status in (409, 403):
            raise not_ours(self.source.name, event.uid)
        self._check(url, status)
        return str(url)

    def update_marked(self, marked: MarkedEvent, event: Event, mark: SyncMark) -> str:
        remote = self._write_target()
        url = remote.dav.url.join(marked.id)
        etag = marked.etag or self._current_etag(url)
        status = self._put(url, marked_ics(event, mark), {"If-Match": etag})
        if status == 412:
            raise self._conflict(url)
        self._check(url, status)
        return str(url)

    def delete_marked(self, marked: MarkedEvent) -> None:
        remote = self._write_target()
        url = remote.dav.url.join(marked.id)
        headers = {"If-Match": marked.etag} if marked.etag else {}
        response = self._send(url, "DELETE", "", headers)
        if response.status == 412:
            raise self._conflict(url)
        if response.status not in (200, 204, 404):
            raise ProviderError(
                _(
                    "{url}: the server refused to delete the event (HTTP {status})",
                    url=str(url),
                    status=response.status,
                )
            )

    def _check(self, url: Any, status: int) -> None:
        if status not in (200, 201, 204):
            raise self._refused(url, status)
