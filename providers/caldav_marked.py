"""Events ``planner sync`` writes into a CalDAV calendar: marked with X-properties, listed from
the synced copy (RFC 6578) or a calendar query, updated and deleted with ETag preconditions. An
update changes the planner's properties in the object read (:data:`MIRROR_WRITTEN`) and keeps
the rest of it: the user's alarms, colour, categories and note, other clients' X-properties.

A mixin of :class:`providers.caldav.CalDavProvider`; it uses that class's connection, write
calendar and object cache.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from planner.errors import ProviderError
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
from providers.caldav_support import object_name

MARK = "X-PLANNER-SYNC"
MARK_KEY = "X-PLANNER-SYNC-KEY"
MARK_DIGEST = "X-PLANNER-SYNC-DIGEST"
HOLD_MARK = "X-PLANNER-HOLD"  # on every event create_event writes: a hold, an invitation
#: the VEVENT properties the planner writes (``planner.ical.writing``): a hold written again
#: replaces these (and any other it writes) and keeps the rest of the user's copy: alarms,
#: colour, attachments, X-properties of other clients
WRITTEN = frozenset(
    "UID DTSTAMP DTSTART DTEND DURATION SUMMARY LOCATION DESCRIPTION URL ORGANIZER "
    "ATTENDEE CONFERENCE GEO STATUS TRANSP".split()
)
#: the VEVENT properties the planner writes into a mirror or travel block: what it shows
#: (:data:`providers.base.MIRROR_FIELDS`) and its mark. An update replaces these alone and
#: keeps the rest of what the calendar has: the user's alarms, colour, categories, note,
#: attachments and privacy (CLASS, written private once), other clients' X-properties
MIRROR_WRITTEN = frozenset(
    "UID DTSTAMP DTSTART DTEND DURATION SUMMARY LOCATION STATUS TRANSP".split()
) | {MARK, MARK_KEY, MARK_DIGEST}
#: on a hold: how the planner's hold held its time when written ("OPAQUE CONFIRMED"); a hold
#: written again changes TRANSP and STATUS only where the planner's changes them, so a hold
#: the user made free stays free (holds written before it: :data:`SHOWN_BEFORE`)
SHOWN = "X-PLANNER-SHOWN"
SHOWN_BEFORE = ("OPAQUE", "CONFIRMED")
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


def merged_object(there: str, body: bytes, written: frozenset[str] | None = None) -> bytes:
    """The calendar object ``there`` with the properties the planner writes (``written``;
    None: those of a hold, :data:`WRITTEN`, and every other of ``body``) as the first VEVENT
    of ``body`` has them, in place of its own; the rest of it (alarms, the user's and other
    clients' properties) stays. A hold's TRANSP and STATUS are taken only where the planner's
    hold changes them (:data:`SHOWN`): the user's "free" on a hold is the user's."""
    from icalendar import Calendar as ICalendar

    calendar, new = ICalendar.from_ical(there), ICalendar.from_ical(body)
    wanted = next(iter(new.walk("VEVENT")))
    masters = [c for c in calendar.walk("VEVENT") if c.get("RECURRENCE-ID") is None]
    if not masters:
        return body
    taken = WRITTEN | set(wanted) if written is None else written
    if written is None:
        taken = taken - _unchanged_shown(masters[0], wanted)
    for name in taken:
        masters[0].pop(name, None)
    for name, value in wanted.items():
        if name in taken:
            masters[0][name] = value
    zones = {str(z.get("TZID")) for z in calendar.walk("VTIMEZONE")}
    for zone in new.walk("VTIMEZONE"):
        if str(zone.get("TZID")) not in zones:
            calendar.subcomponents.insert(0, zone)
    return bytes(calendar.to_ical())


def hold_shown(body: bytes) -> bytes:
    """The hold ``body`` with :data:`SHOWN`: how it holds its time (TRANSP and STATUS)."""
    from icalendar import Calendar as ICalendar

    calendar = ICalendar.from_ical(body)
    for component in calendar.walk("VEVENT"):
        component.pop(SHOWN, None)
        component.add(SHOWN, " ".join(_shown(component)))
    return bytes(calendar.to_ical())


def _shown(component: Any) -> tuple[str, str]:
    return (
        str(component.get("TRANSP") or SHOWN_BEFORE[0]).upper(),
        str(component.get("STATUS") or SHOWN_BEFORE[1]).upper(),
    )


def _unchanged_shown(there: Any, wanted: Any) -> set[str]:
    """TRANSP and STATUS where the planner's new hold ``wanted`` shows them as its hold
    ``there`` was written (:data:`SHOWN`): left as the calendar has them."""
    said = str(there.get(SHOWN) or "").split()
    before = tuple(said) if len(said) == 2 else SHOWN_BEFORE
    return {
        name for name, old, new in zip(("TRANSP", "STATUS"), before, _shown(wanted), strict=True)
        if old == new
    }  # fmt: skip


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
    # _put, _send, _conflict

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
        if status == 412:  # there already: written over only while it is as the planner wrote it
            status, text, etag = self._get(url)
            if status != 200 or not etag:
                raise self._conflict(url)
            there = self._parse(remote, str(url), text, *EVER)
            if MARK_KEY not in text or not there:
                raise not_ours(self.source.name, event.uid, summary_of(text))
            if not may_write_over(there[0], read_mark(text), event):
                raise changed_meanwhile(self.source.name, event.uid, there[0].title)
            body = merged_object(text, body, MIRROR_WRITTEN)  # the user's additions stay
            if self._put(url, body, {"If-Match": etag}) == 412:
                raise changed_meanwhile(self.source.name, event.uid, there[0].title)
            return str(url)
        if status in (409, 403):
            raise not_ours(self.source.name, event.uid)
        self._check(url, status)
        return str(url)

    def update_marked(self, marked: MarkedEvent, event: Event, mark: SyncMark) -> str:
        """PUT the object read just before with what the planner writes
        (:data:`MIRROR_WRITTEN`) changed and the rest kept, ``If-Match`` its ETag."""
        remote = self._write_target()
        url = remote.dav.url.join(marked.id)
        etag, text = self._as_planned(remote, url, marked)
        if not etag:
            raise changed_meanwhile(self.source.name, marked.event.uid, marked.event.title)
        body = merged_object(text, marked_ics(event, mark), MIRROR_WRITTEN)
        status = self._put(url, body, {"If-Match": etag})
        if status == 412:
            raise changed_meanwhile(self.source.name, marked.event.uid, marked.event.title)
        self._check(url, status)
        return str(url)

    def delete_marked(self, marked: MarkedEvent) -> None:
        remote = self._write_target()
        url = remote.dav.url.join(marked.id)
        etag, _text = self._as_planned(remote, url, marked)
        if not etag:
            return  # gone already
        response = self._send(url, "DELETE", "", {"If-Match": etag})
        if response.status == 412:
            raise changed_meanwhile(self.source.name, marked.event.uid, marked.event.title)
        if response.status not in (200, 204, 404):
            raise ProviderError(
                _(
                    "{url}: the server refused to delete the event (HTTP {status})",
                    url=str(url),
                    status=response.status,
                )
            )

    def remove_held(self, uid: str, expected: Event) -> bool:
        """DELETE the hold ``create_event`` wrote as ``<uid>.ics`` (it carries
        :data:`HOLD_MARK`) while it shows what ``expected`` showed (:func:`same_hold`), with
        ``If-Match`` of the ETag read just before: a change in between fails with 412 and is
        refused (:func:`providers.base.changed_meanwhile`). An object of that name without the
        mark, or the UID under another name, is someone else's (:func:`not_ours`)."""
        remote = self._write_target()
        url = remote.dav.url.join(object_name(uid))
        status, text, etag = self._get(url)
        if status == 404:
            elsewhere = self._by_uid(remote, uid)
            if elsewhere is not None:
                raise not_ours(self.source.name, uid, summary_of(elsewhere))
            return False
        if status != 200:
            raise self._refused(url, status)
        if not has_mark(text, HOLD_MARK):
            raise not_ours(self.source.name, uid, summary_of(text))
        there = [e for e in self._parse(remote, str(url), text, *EVER) if e.uid == uid]
        if not etag or not there or not same_hold(there[0], expected):
            raise changed_meanwhile(self.source.name, uid, summary_of(text))
        response = self._send(url, "DELETE", "", {"If-Match": etag})
        if response.status == 412:  # changed since the read, or deleted meanwhile
            if self._get(url)[0] == 404:
                return False
            raise changed_meanwhile(self.source.name, uid, summary_of(text))
        if response.status == 404:
            return False
        if response.status not in (200, 204):
            raise ProviderError(
                _(
                    "{url}: the server refused to delete the event (HTTP {status})",
                    url=str(url),
                    status=response.status,
                )
            )
        return True

    def _by_uid(self, remote: Any, uid: str) -> str | None:
        """The text of the calendar object with UID ``uid`` under any name, None without."""
        from caldav.lib import error

        try:
            with self.account.errors(remote.calendar.id, passthrough=(error.NotFoundError,)):
                found = remote.dav.get_object_by_uid(uid)
        except error.NotFoundError:
            return None
        return str(found.data or "")

    def _as_planned(self, remote: Any, url: Any, marked: MarkedEvent) -> tuple[str, str]:
        """The ETag and text of the object at ``url`` while it is still what ``marked``
        listed when the run was planned ("" and "" when it is gone); else the refusal
        (:func:`providers.base.changed_meanwhile`). The write that follows sends the ETag as
        ``If-Match``: a change between this read and the write fails with 412."""
        status, text, etag = self._get(url)
        if status == 404:
            return "", ""
        there = self._parse(remote, str(url), text, *EVER) if status == 200 else []
        if not etag or not there or not unchanged_since(there[0], read_mark(text), marked):
            raise changed_meanwhile(self.source.name, marked.event.uid, marked.event.title)
        return etag, text

    def _get(self, url: Any) -> tuple[int, str, str]:
        """The status, text and ETag of the calendar object at ``url``."""
        with self.account.errors(str(url)):
            response = self._connect().request(str(url), "GET", "", {"Accept": "text/calendar"})
        text = response.raw if isinstance(response.raw, str) else str(response.raw or "")
        etag = str(response.headers.get("ETag", "")) if response.status == 200 else ""
        return int(response.status), text, etag

    def _check(self, url: Any, status: int) -> None:
        if status not in (200, 201, 204):
            raise self._refused(url, status)
