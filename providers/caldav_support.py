"""Helpers of the CalDAV provider: calendar discovery, the local copy of synced calendars, and
small pure functions (resource names, scheduling flags, calendar matching).

The local copy lives in the state database (tables ``caldav_sync`` and ``caldav_objects``): per
calendar the last sync token, and per calendar object its ETag, iCalendar text and the span of
time its occurrences can fall into, so a window reads only the objects that may matter.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from planner.model import Calendar

if TYPE_CHECKING:
    from planner.store import Store

_CALDAV = "{urn:ietf:params:xml:ns:caldav}"
_SAFE_NAME = re.compile(r"[A-Za-z0-9@._+-]{1,120}")
_TZID = re.compile(r"^TZID:(.+?)\s*$", re.MULTILINE)
_WRITE = {"{DAV:}all", "{DAV:}write", "{DAV:}write-content", "{DAV:}bind"}
# Floating times and all-day dates are read in the user's zone: widen stored spans by this.
_SLACK = timedelta(days=1)

_DDL = """
DROP TABLE IF EXISTS caldav_sync;
DROP TABLE IF EXISTS caldav_objects;
CREATE TABLE caldav_sync (calendar TEXT PRIMARY KEY, token TEXT);
CREATE TABLE caldav_objects (
    calendar TEXT, href TEXT, etag TEXT, data TEXT, first REAL, last REAL,
    PRIMARY KEY (calendar, href)
);
CREATE INDEX caldav_objects_span ON caldav_objects (calendar, first, last)
"""


# characters XML 1.0 forbids, raw or as character references: a server that writes one (a
# control character in a calendar's name) sends XML no parser reads
_XML_FORBIDDEN = re.compile(
    rb"[\x00-\x08\x0b\x0c\x0e-\x1f]"
    rb"|&#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F])|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]));"
)


def readable_xml(response: Any, *args: Any, **kwargs: Any) -> Any:
    """A response hook of the HTTP session: in an XML answer, each character XML forbids
    becomes U+FFFD, so one calendar whose name holds a control character does not make the
    whole account unreadable."""
    kind = str(response.headers.get("Content-Type", "")).lower()
    if "xml" in kind:
        body = response.content
        if body and _XML_FORBIDDEN.search(body):
            response._content = _XML_FORBIDDEN.sub("\ufffd".encode(), body)
    return response


def discover(client: Any) -> list[tuple[Calendar, Any, bool]]:
    """``(calendar, caldav.Calendar, can_sync)`` for every event calendar of the signed-in user.

    One PROPFIND (depth 1) on the calendar home set tells names, rights, supported components
    and whether the collection announces sync-collection (RFC 6578).
    """
    import caldav
    from caldav.elements import cdav, dav

    home = client.principal().calendar_home_set
    props = [
        dav.DisplayName(),
        dav.ResourceType(),
        dav.SupportedReportSet(),
        dav.CurrentUserPrivilegeSet(),
        cdav.SupportedCalendarComponentSet(),
        cdav.CalendarTimeZone(),
    ]
    response = home.get_properties(props, depth=1, parse_response_xml=False)
    found = []
    for item in response.results:
        values = item.properties
        if f"{_CALDAV}calendar" not in _as_list(values.get("{DAV:}resourcetype")):
            continue
        components = _as_list(values.get(f"{_CALDAV}supported-calendar-component-set"))
        if components and "VEVENT" not in components:
            continue
        url = home.url.join(item.href)
        calendar = _calendar(str(url), values)
        reports = _as_list(values.get("{DAV:}supported-report-set"))
        can_sync = not reports or "{DAV:}sync-collection" in reports
        found.append((calendar, caldav.Calendar(client=client, url=url, parent=home), can_sync))
    return found


def _calendar(url: str, values: dict[str, Any]) -> Calendar:
    privileges = set(_as_list(values.get("{DAV:}current-user-privilege-set")))
    zone = _TZID.search(str(values.get(f"{_CALDAV}calendar-timezone") or ""))
    name = str(values.get("{DAV:}displayname") or "") or url.rstrip("/").rpartition("/")[2]
    return Calendar(
        id=url,
        name=name,
        writable=not privileges or bool(privileges & _WRITE),
        timezone=zone.group(1) if zone else "",
        extra={"url": url},
    )


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


class ObjectCache:
    """Sync tokens and calendar objects of synced calendars, keyed by a calendar key."""

    def __init__(self, store: Store) -> None:
        self.store = store
        store.ensure("caldav", 1, _DDL)

    def token(self, calendar: str) -> str | None:
        row = self.store.conn.execute(
            "SELECT token FROM caldav_sync WHERE calendar = ?", (calendar,)
        ).fetchone()
        return row[0] if row else None

    def etags(self, calendar: str) -> dict[str, str]:
        """href → ETag of every object held for ``calendar``."""
        rows = self.store.conn.execute(
            "SELECT href, etag FROM caldav_objects WHERE calendar = ?", (calendar,)
        )
        return {href: etag for href, etag in rows}

    def apply(
        self,
        calendar: str,
        fetched: Iterable[tuple[str, str, str]],
        deleted: Iterable[str],
        token: str | None,
    ) -> None:
        """Store fetched ``(href, etag, data)``, drop ``deleted`` hrefs and keep ``token``."""
        rows = [(calendar, href, etag, data, *span(data)) for href, etag, data in fetched]
        with self.store.conn as conn:
            conn.executemany(
                "DELETE FROM caldav_objects WHERE calendar = ? AND href = ?",
                [(calendar, href) for href in deleted],
            )
            conn.executemany("INSERT OR REPLACE INTO caldav_objects VALUES (?,?,?,?,?,?)", rows)
            conn.execute(
                "INSERT OR REPLACE INTO caldav_sync VALUES (?, ?)", (calendar, token or None)
            )

    def objects(self, calendar: str, start: datetime, end: datetime) -> list[tuple[str, str]]:
        """``(href, data)`` of the objects whose span overlaps ``[start, end)``."""
        rows = self.store.conn.execute(
            "SELECT href, data FROM caldav_objects WHERE calendar = ?"
            " AND (first IS NULL OR first < ?) AND (last IS NULL OR last > ?) ORDER BY href",
            (calendar, end.timestamp(), start.timestamp()),
        )
        return [(href, data) for href, data in rows]


def span(data: str) -> tuple[float | None, float | None]:
    """POSIX times before and after which no occurrence of the object can lie.

    ``None`` means unknown or unbounded (recurring, RDATE, unreadable text), so the object is
    always read; an object without events (a task) gets an empty span and is never read.
    Dates and floating times are widened by a day on each side.
    """
    from icalendar import Calendar as ICalendar

    try:
        components = ICalendar.from_ical(data).walk("VEVENT")
        if not components:
            return (0.0, 0.0)  # a task or journal: never in any window
        firsts, lasts = zip(*(_component_span(c) for c in components), strict=True)
    except (ValueError, KeyError, TypeError, AttributeError):
        return (None, None)
    first = None if None in firsts else min(firsts)  # type: ignore[type-var]
    last = None if None in lasts else max(lasts)  # type: ignore[type-var]
    return (first, last)


def _component_span(component: Any) -> tuple[float | None, float | None]:
    start = _instant(component.decoded("DTSTART"))
    if "RDATE" in component:
        return (None, None)
    if "DTEND" in component:
        end = _instant(component.decoded("DTEND"))
    elif "DURATION" in component:
        end = start + component.decoded("DURATION").total_seconds()
    else:
        end = start + 86400
    slack = _SLACK.total_seconds()
    if "RRULE" in component:
        until = component["RRULE"].get("UNTIL")  # a series with UNTIL ends; COUNT is not read
        if not until or "COUNT" in component["RRULE"]:
            return (start - slack, None)
        end = _instant(until[0]) + max(end - start, 0)
    return (start - slack, max(end, start) + slack)


def _instant(value: date | datetime) -> float:
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(), tzinfo=UTC)
    elif value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()


def object_name(uid: str) -> str:
    """The resource name an event is PUT under: the UID where it is URL-safe, else its hash."""
    if _SAFE_NAME.fullmatch(uid) and not uid.startswith("."):
        return f"{uid}.ics"
    return hashlib.sha256(uid.encode("utf-8")).hexdigest()[:40] + ".ics"


def href_of(url: object) -> str:
    """A stable key for a resource URL: its unquoted path."""
    return unquote(urlsplit(str(url)).path)


def client_scheduled(ics: bytes) -> bytes:
    """``ics`` with ``SCHEDULE-AGENT=CLIENT`` on every ORGANIZER and ATTENDEE (RFC 6638 7.1):
    the server stores the event but sends no invitations."""
    from icalendar import Calendar as ICalendar

    calendar = ICalendar.from_ical(ics)
    for component in calendar.walk("VEVENT"):
        for name in ("ORGANIZER", "ATTENDEE"):
            value = component.get(name)
            for address in value if isinstance(value, list) else [value] if value else []:
                address.params["SCHEDULE-AGENT"] = "CLIENT"
    return bytes(calendar.to_ical())


def etag_of(obj: Any) -> str:
    """The ETag a caldav object came with, or ``""``."""
    return str((getattr(obj, "props", None) or {}).get("{DAV:}getetag", ""))


def chosen(calendars: Sequence[Calendar], item: str) -> list[Calendar]:
    """The calendars ``item`` of a ``calendars`` option means (:func:`matches`); where none
    does, those whose path ends in it ("privat" for ".../anna/privat/", as the calendar app
    shows the calendar when the server gives it no name): more than one is for the caller to
    refuse, no guess between them."""
    found = [c for c in calendars if matches(c, item)]
    if found or "/" in item or not item.strip():
        return found
    last = item.strip().casefold()
    return [c for c in calendars if _last(c.id) == last]


def choose(calendars: Sequence[Calendar], item: str, where: tuple[str, str, str]) -> Calendar:
    """The one calendar ``item`` means (:func:`chosen`); ``where``: the config's calendar name,
    the account URL and the option, for the one line that says none or several do."""
    from planner.errors import ProviderError
    from planner.i18n import _

    name, url, option = where
    found = chosen(calendars, item)
    if len(found) == 1:
        return found[0]
    if found:
        raise ProviderError(
            _("calendar '{name}': '{item}' (option '{option}') names more than one calendar "
              "on {url}: {names}", name=name, item=item, option=option, url=url,
              names=", ".join(c.name for c in found)),
            hint=_("write the one you mean as its path, e.g. '{path}'",
                   path=href_of(found[0].id).strip("/")),
        )  # fmt: skip
    raise ProviderError(
        _("calendar '{name}': no calendar '{item}' on {url} (option '{option}')",
          name=name, item=item, url=url, option=option),
        hint=_("calendars there: {names}",
               names=", ".join(c.name for c in calendars) or _("none")),
    )  # fmt: skip


def _last(url: str) -> str:
    return href_of(url).rstrip("/").rpartition("/")[2].casefold()


def matches(calendar: Calendar, item: str) -> bool:
    """Whether ``item`` of a ``calendars`` option (a URL, a path or a name) means ``calendar``:
    its name as the error lists it ("katrin/booked" where the server gives none but the
    path), its path with or without the slashes around it, or its URL."""
    if item.strip().casefold() == calendar.name.casefold():
        return True
    if "/" in item:
        return href_of(item.strip()).strip("/") == href_of(calendar.id).strip("/")
    return False
