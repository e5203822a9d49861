"""Render demo meetings as .ics exports shaped like Google Calendar's and Outlook's."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vCalAddress, vText

if TYPE_CHECKING:
    from planner.demo.persona import Meeting

from planner.demo.persona import GOOGLE, OUTLOOK

BERLIN = ZoneInfo("Europe/Berlin")
WINDOWS_ZONE = "W. Europe Standard Time"
ORGANIZER = ("anna@berger-consulting.example", "Anna Berger")
STAMP = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)

_LINKS = {
    "meet": "https://meet.google.com/{code}",
    "teams": "https://teams.microsoft.com/l/meetup-join/19%3ameeting_{code}%40thread.v2/0",
    "zoom": "https://us02web.zoom.us/j/{code}",
}


def render(style: str, meetings: list[Meeting], anchor: date) -> bytes:
    cal = Calendar()
    if style == GOOGLE:
        cal.add("prodid", "-//Google Inc//Google Calendar 70.9054//EN")
        cal.add("x-wr-calname", "Anna Berger")
        cal.add("x-wr-timezone", "Europe/Berlin")
    else:
        cal.add("prodid", "-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN")
        cal.add("x-wr-calname", "Kalender")
        cal.add_component(_windows_timezone())
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    for meeting in meetings:
        cal.add_component(_event(style, meeting, anchor))
    return cal.to_ical()


def _event(style: str, m: Meeting, anchor: date) -> Event:
    ev = Event()
    ev.add(
        "uid",
        f"{m.uid}@demo.planner"
        if style == GOOGLE
        else f"040000008200E00074C5B7101A82E008{_hex(m.uid)}",
    )
    ev.add("summary", m.title)
    ev.add("dtstamp", STAMP)
    day = m.day(anchor)
    if m.all_day:
        ev.add("dtstart", day)
        ev.add("dtend", day + timedelta(days=1))
    else:
        start = datetime.combine(day, m.start, tzinfo=BERLIN)
        end = start + timedelta(minutes=m.minutes)
        if style == GOOGLE and not m.rrule:
            ev.add("dtstart", start.astimezone(UTC))  # Google exports single events in UTC
            ev.add("dtend", end.astimezone(UTC))
        else:
            _add_local(ev, "dtstart", start, style)
            _add_local(ev, "dtend", end, style)
    if m.rrule:
        ev.add("rrule", m.rrule)
    if m.location:
        ev.add("location", m.location)
    description = m.description
    if m.video:
        link = _LINKS[m.video].format(code=_code(m.uid, m.video))
        description = _join_text(m.video, link, description)
        if m.video == "meet" and style == GOOGLE:
            ev.add("x-google-conference", link)
        elif m.video == "teams":
            ev.add("x-microsoft-skypeteamsmeetingurl", link)
            ev.add(
                "x-microsoft-onlinemeetingconflink",
                f"conf:sip:{ORGANIZER[0]};gruu;opaque=app:conf:focus:id:{_code(m.uid, 'x')}",
            )
            if not m.location:
                ev.add("location", "Microsoft Teams-Besprechung")
        elif m.video == "zoom" and not m.location:
            ev.add("location", link)
    if description:
        ev.add("description", description)
    if m.attendees:
        organizer = vCalAddress(f"mailto:{ORGANIZER[0]}")
        organizer.params["cn"] = vText(ORGANIZER[1])
        ev.add("organizer", organizer)
        ev.add(
            "attendee",
            _address(ORGANIZER[0], ORGANIZER[1], "DECLINED" if m.declined else "ACCEPTED"),
        )
        for email, name in zip(m.attendees, m.names + ("",) * len(m.attendees), strict=False):
            ev.add("attendee", _address(email, name, "ACCEPTED"))
    if m.status:
        ev.add("status", m.status)
    if m.transparent:
        ev.add("transp", "TRANSPARENT")
    if style == OUTLOOK:
        ev.add("x-microsoft-cdo-busystatus", "FREE" if m.transparent else "BUSY")
    return ev


def _add_local(ev: Event, name: str, moment: datetime, style: str) -> None:
    if style == OUTLOOK:
        ev.add(name, moment.replace(tzinfo=None), parameters={"TZID": WINDOWS_ZONE})
    else:
        ev.add(name, moment)


def _address(email: str, name: str, partstat: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["cn"] = vText(name)
    address.params["partstat"] = vText(partstat)
    address.params["role"] = vText("REQ-PARTICIPANT")
    return address


def _join_text(video: str, link: str, description: str) -> str:
    if video == "teams":
        block = (
            "________________________________________________________________________________\n"
            f"Microsoft Teams-Besprechung\nJetzt an der Besprechung teilnehmen <{link}>\n"
            "________________________________________________________________________________"
        )
    elif video == "zoom":
        block = f"Join Zoom Meeting\n{link}\n\nMeeting ID: 812 3456 7890"
    else:
        block = f"Join with Google Meet: {link}"
    return f"{description}\n\n{block}".strip()


def _code(uid: str, salt: str) -> str:
    import hashlib

    digest = hashlib.sha256(f"{salt}:{uid}".encode()).hexdigest()
    if salt == "meet":
        return f"{digest[:3]}-{digest[3:7]}-{digest[7:10]}"
    return str(int(digest[:10], 16))


def _hex(uid: str) -> str:
    return uid.encode().hex().upper()


def _windows_timezone() -> Timezone:
    """The VTIMEZONE block Outlook writes for Central European Time."""
    text = (
        "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\n"
        "BEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\n"
        "BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
    )
    return Timezone.from_ical(text)
