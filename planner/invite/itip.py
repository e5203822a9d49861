"""Meeting invitations as iTIP objects (RFC 5545, RFC 5546): ``METHOD:REQUEST`` and
``METHOD:CANCEL`` calendars that Outlook, Gmail and Apple Calendar treat as meeting requests,
the deterministic UID, and holds written through a provider.

:class:`Invitation` is the input; the lead maps proposals and CLI flags onto it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo

from planner.errors import NotSupportedError
from planner.i18n import _
from planner.ical.wallclock import writable
from planner.invite import text
from planner.invite.invitation import (
    Invitation,
    clean_title,
    recurrence_moment,
)
from planner.invite.zones import is_utc, vtimezone, zone_key
from planner.model import Attendee, Event, Status

if TYPE_CHECKING:
    import icalendar

    from providers.base import CalendarProvider

Method = Literal["REQUEST", "CANCEL"]
PRODID = "-//planner//planner invite 1.0//EN"
ALL_DAY_REMINDER = -timedelta(hours=15)  # 09:00 on the day before an all-day invitation


def build_calendar(
    inv: Invitation, method: Method = "REQUEST", *, stamp: datetime | None = None,
    utc: bool = False, withdrawn: bool = False,
) -> icalendar.Calendar:  # fmt: skip
    """The iTIP calendar for ``inv``: one VEVENT, and a VTIMEZONE for every TZID used.

    ``stamp`` is DTSTAMP (default: now); ``utc=True`` writes all times in UTC instead of
    local time with TZID, for clients that mishandle time zones. ``withdrawn``: a CANCEL
    that takes ``inv``'s attendees off a meeting that goes on for others, without STATUS
    (RFC 5546 §3.2.5: STATUS:CANCELLED cancels the whole meeting, and is left out then).
    """
    import icalendar

    inv = inv.resolved()
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    if inv.all_day:  # DATE values: no zone, no VTIMEZONE
        start, end = inv.days[0], inv.days[1] + timedelta(days=1)
    else:
        start, end = _ical_time(inv.start, utc), _ical_time(inv.end, utc)
    with text.language(inv.language):
        event = _vevent(inv, method, start, end, stamp or _now())
    if withdrawn:
        del event["STATUS"]
    # icalendar writes some zero-offset zones (GMT) as UTC, so ask it which TZIDs it wrote
    used = {event[name].params.get("TZID") for name in ("DTSTART", "DTEND")}
    for zone in _zones(start, end) if not inv.all_day else []:
        if zone.key in used:
            cal.add_component(vtimezone(zone, (inv.start, inv.end)))
    cal.add_component(event)
    return cal


def to_bytes(cal: icalendar.Calendar) -> bytes:
    """The calendar as iCalendar bytes: UTF-8, CRLF line endings, lines folded at 75 octets."""
    return cal.to_ical()


def build_ics(inv: Invitation, method: Method = "REQUEST", *, stamp: datetime | None = None,
              utc: bool = False) -> bytes:  # fmt: skip
    """:func:`build_calendar` serialised."""
    return to_bytes(build_calendar(inv, method, stamp=stamp, utc=utc))


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _ical_time(moment: datetime, utc: bool) -> datetime:
    """``moment`` as it is written: local time in its IANA zone, else UTC.

    A wall-clock time in the hour repeated when DST ends is written in UTC: RFC 5545 reads it
    as the first of the two, but clients disagree (vobject, for one, takes the second); the
    rule every writer follows (:func:`planner.ical.wallclock.writable`).
    """
    key = zone_key(moment.tzinfo)
    if utc or key is None or is_utc(moment.tzinfo):
        return moment.astimezone(UTC)
    return writable(moment, moment.tzinfo)  # type: ignore[arg-type]


def _zones(*moments: datetime) -> list[ZoneInfo]:
    zones: dict[str, ZoneInfo] = {}
    for moment in moments:
        key = zone_key(moment.tzinfo)
        if key is not None and not is_utc(moment.tzinfo):
            zones.setdefault(key, moment.tzinfo)  # type: ignore[arg-type]
    return list(zones.values())


def _vevent(
    inv: Invitation, method: Method, start: datetime | date, end: datetime | date, stamp: datetime
) -> icalendar.Event:
    import icalendar

    cancel = method == "CANCEL"
    event = icalendar.Event()
    event.add("uid", inv.uid)
    if original := recurrence_moment(inv.recurrence_id):  # one occurrence, not the series
        event.add("recurrence-id", original)
    event.add("sequence", inv.sequence)
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", clean_title(inv.title))
    event.add("organizer", _address(inv.organizer, organizer=True))
    for person in inv.counterparts:
        event.add("attendee", _address(person))
    if where := text.location_text(inv):
        event.add("location", where)
    if inv.geo is not None:
        event.add("geo", (round(inv.geo.lat, 6), round(inv.geo.lon, 6)))
    if about := text.description(inv):
        event.add("description", about)
    event.add("status", "CANCELLED" if cancel else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if cancel else "OPAQUE")
    event.add("class", "PRIVATE" if inv.private else "PUBLIC")
    busy = "FREE" if cancel else "BUSY"
    event.add("x-microsoft-cdo-busystatus", busy)
    event.add("x-microsoft-cdo-intendedstatus", busy)
    event.add("x-microsoft-cdo-appt-sequence", str(inv.sequence))
    event.add("x-microsoft-cdo-alldayevent", "TRUE" if inv.all_day else "FALSE")
    if not cancel and inv.reminder_minutes is not None and inv.reminder_minutes >= 0:
        event.add_component(_alarm(inv))
    return event


def _address(person: Attendee, *, organizer: bool = False) -> icalendar.vCalAddress:
    import icalendar

    from planner.people.addresses import mailto

    address = icalendar.vCalAddress(mailto(person.email))
    if name := text.clean_name(person.name):
        address.params["CN"] = name
    if organizer:
        return address
    address.params["CUTYPE"] = "RESOURCE" if person.is_resource else "INDIVIDUAL"
    address.params["ROLE"] = "OPT-PARTICIPANT" if person.optional else "REQ-PARTICIPANT"
    address.params["PARTSTAT"] = "NEEDS-ACTION"
    address.params["RSVP"] = "TRUE"
    return address


def _alarm(inv: Invitation) -> icalendar.Alarm:
    import icalendar

    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _("Reminder: {title}", title=clean_title(inv.title)))
    if inv.all_day:  # at 09:00 on the day before, not in the night
        alarm.add("trigger", ALL_DAY_REMINDER)
    else:
        alarm.add("trigger", timedelta(minutes=-(inv.reminder_minutes or 0)))
    return alarm


def to_event(inv: Invitation, *, calendar: str = "") -> Event:
    """The meeting as a :class:`planner.model.Event`, e.g. to write a hold."""
    inv = inv.resolved()
    with text.language(inv.language):
        about = text.description(inv)
    return Event(
        uid=inv.uid,
        title=clean_title(inv.title),
        start=inv.start,
        end=inv.end,
        all_day=inv.all_day,
        location=text.location_text(inv),
        description=about,
        organizer=inv.organizer,
        attendees=inv.counterparts,
        status=Status.CONFIRMED,
        calendar=calendar,
        geo=inv.geo,
        source="planner.invite.itip",
    )


def write_hold(provider: CalendarProvider, inv: Invitation, *, send_updates: bool = False) -> str:
    """Put the meeting into the user's own calendar through ``provider``; return its id.

    Idempotent: the event carries the invitation's UID, so a second call finds the first
    hold. A read-only provider raises :class:`NotSupportedError`.
    """
    if not provider.can_write:
        raise read_only(provider)
    return provider.create_event(to_event(inv), send_updates=send_updates)


def read_only(provider: CalendarProvider) -> NotSupportedError:
    """Why a hold cannot go into ``provider``'s calendar, and what to do."""
    if type(provider).can_write:  # a service that can write, not allowed to for this entry
        return NotSupportedError(
            _("--hold: calendar '{name}' is read-only", name=provider.source.name),
            hint=_("set write = true in its [[calendars]] entry and run 'planner auth "
                   "{provider}' again", provider=provider.source.provider),
        )  # fmt: skip
    return NotSupportedError(
        _("calendar '{name}' is read-only; choose a calendar that can be written "
          "(Google, Outlook or CalDAV) for holds, or leave out --hold",
          name=provider.source.name)
    )  # fmt: skip
