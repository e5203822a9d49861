"""Writing :mod:`planner.model` events as iCalendar: one VEVENT, or a whole VCALENDAR with the
VTIMEZONEs it needs (CalDAV writes, holds, mirrors)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar

from planner.ical.wallclock import writable
from planner.model import Attendee, Event

PRODID = "-//planner//planner meeting planner//EN"


def event_to_vevent(event: Event) -> icalendar.Event:
    """One VEVENT for ``event`` (zoned times keep their TZID; other zones are written as UTC)."""
    vevent = icalendar.Event()
    vevent.add("UID", event.uid)
    vevent.add("DTSTAMP", datetime.now(UTC).replace(microsecond=0))
    if event.all_day:
        vevent.add("DTSTART", event.start.date())
        vevent.add("DTEND", max(event.end.date(), event.start.date() + timedelta(days=1)))
    else:
        vevent.add("DTSTART", _writable(event.start))
        vevent.add("DTEND", _writable(event.end))
    vevent.add("SUMMARY", event.title)
    for name, value in (("LOCATION", event.location), ("DESCRIPTION", event.description)):
        if value:
            vevent.add(name, value)
    if event.url:
        vevent.add("URL", event.url)
    if event.organizer is not None:
        vevent.add("ORGANIZER", _address(event.organizer, organizer=True))
    for attendee in event.attendees:
        vevent.add("ATTENDEE", _address(attendee))
    for link in event.conference_links:
        vevent.add("CONFERENCE", link, parameters={"VALUE": "URI"})
    if event.geo is not None:
        vevent.add("GEO", (event.geo.lat, event.geo.lon))
    vevent.add("STATUS", event.status.value.upper())
    vevent.add("TRANSP", "OPAQUE" if event.busy else "TRANSPARENT")
    return vevent


def _writable(value: datetime) -> datetime:
    """``value`` with its TZID where the wall time names it alone, else in UTC
    (:func:`planner.ical.wallclock.writable`: no time the clocks skip, no repeated one)."""
    zone = value.tzinfo
    if isinstance(zone, ZoneInfo) and zone.key not in ("UTC", "Etc/UTC"):
        return writable(value, zone).replace(microsecond=0)
    return value.astimezone(UTC).replace(microsecond=0)


def _address(person: Attendee, *, organizer: bool = False) -> icalendar.vCalAddress:
    address = icalendar.vCalAddress(f"mailto:{person.email}")
    # icalendar 7.3 misreads an unquoted parameter value that ends in a backslash
    if name := person.name.rstrip("\\"):
        address.params["CN"] = name
    if organizer:
        return address
    address.params["PARTSTAT"] = person.response.value.upper().replace("_", "-")
    address.params["ROLE"] = "OPT-PARTICIPANT" if person.optional else "REQ-PARTICIPANT"
    address.params["CUTYPE"] = "RESOURCE" if person.is_resource else "INDIVIDUAL"
    return address


def event_to_ics(event: Event) -> bytes:
    """A complete VCALENDAR (PRODID, VERSION, the VTIMEZONEs it needs) holding ``event``."""
    cal = icalendar.Calendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add_component(event_to_vevent(event))
    year = event.start.year
    cal.add_missing_timezones(first_date=date(year - 1, 1, 1), last_date=date(year + 2, 1, 1))
    return cal.to_ical()
