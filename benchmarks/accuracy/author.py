"""Authoring the labelled calendars: one event spec, written out the way each calendar app exports.

A :class:`Spec` is an event as a person entered or received it (title, place, the text they
wrote, the people, the conferencing or booking the tools attached) with its labels. The writers
turn a list of specs into the bytes a real export has:

- ``google_ics``: Google Calendar's "Export" (.ics), with ``X-GOOGLE-CONFERENCE`` and the
  ``-::~:~::~`` join section in the description;
- ``outlook_ics``: Outlook desktop's "Save as calendar", Windows zone names and the
  ``X-MICROSOFT-*`` properties of Teams meetings and rooms;
- ``icloud_ics``: iCloud / macOS Calendar with ``X-APPLE-STRUCTURED-LOCATION``;
- ``thunderbird_ics``: Thunderbird (Lightning) with ``X-MOZ-*``;
- ``nextcloud_ics``: the Nextcloud Calendar app, rooms as ``CUTYPE=ROOM``, Talk links;
- ``graph_json``: Microsoft Graph ``/me/calendarView`` (expanded occurrences, HTML bodies,
  ``locations[]``, ``isOnlineMeeting``, ``onlineMeetingProvider``);
- ``google_json``: Google Calendar API ``events.list`` with ``singleEvents=true``
  (``conferenceData``, ``eventType``, resource attendees).

Everything is deterministic: identifiers, join links and PINs are derived from the spec.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import blocks as B

# --- what an event is made of ----------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    name: str
    email: str


@dataclass(frozen=True)
class Room:
    """A bookable room or resource (an attendee with CUTYPE=ROOM/RESOURCE in the exports)."""

    name: str
    email: str


@dataclass(frozen=True)
class Place:
    """A structured location as Graph, Apple and Google Maps hand it out."""

    name: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    country: str = ""
    lat: float | None = None
    lon: float | None = None
    kind: str = "default"  # Graph locationType: businessAddress, hotel, restaurant, ...

    def line(self, sep: str = ", ") -> str:
        town = " ".join(p for p in (self.postcode, self.city) if p)
        return sep.join(p for p in (self.name, self.street, town, self.country) if p)


@dataclass(frozen=True)
class Online:
    """Conferencing attached by a tool: ``kind`` is teams, meet, zoom, webex, skype, goto, talk,
    jitsi, bbb or facetime; ``lang`` the language of its join text (de, en, fr).
    ``structured``: the calendar also stores it as structure (Graph isOnlineMeeting, Google
    conferenceData, X-MICROSOFT-SKYPETEAMSMEETINGURL); False for a link pasted as text."""

    kind: str
    lang: str = "en"
    structured: bool = True
    block: bool = True  # the tool's join text is appended to the description
    host: str = ""  # the organiser's name in Zoom's "… is inviting you" line


Label = tuple[bool, str, str]  # meeting, mode, purpose


@dataclass
class Spec:
    """One labelled event. ``when`` is local time "YYYY-MM-DD HH:MM" or a date for all-day
    events. Attendees are the people besides the user; the user organises unless
    ``organizer`` is someone else. ``weekly`` > 1 makes a weekly series; the label is for
    occurrence ``judge`` (default: the last), ``moved`` moves occurrences (index → when)."""

    title: str
    when: str
    label: Label
    cls: str
    minutes: int = 60
    days: int = 1
    location: str = ""
    place: Place | None = None
    text: str = ""
    footer: str = ""  # vendor text appended to the description (booking, legal, scheduling)
    online: Online | None = None
    attendees: tuple[Person, ...] = ()
    organizer: Person | None = None
    rooms: tuple[Room, ...] = ()
    weekly: int = 0
    judge: int = -1
    moved: dict[int, str] = field(default_factory=dict)
    show_as: str = "busy"  # busy, free, tentative, oof, workingElsewhere
    event_type: str = ""  # Google: focusTime, outOfOffice, workingLocation
    private: bool = False
    url: str = ""
    declined: bool = False
    note: str = ""

    @property
    def all_day(self) -> bool:
        return len(self.when) == 10


@dataclass(frozen=True)
class Calendar:
    """One export file: whose calendar, in which format, with which events."""

    name: str
    writer: str
    user: Person
    domains: tuple[str, ...]
    zone: str
    specs: tuple[Spec, ...]
    language: str = "de"


# --- helpers -------------------------------------------------------------------------------


def digest(*parts: object, length: int = 12) -> str:
    text = "\0".join(str(p) for p in parts)
    return hashlib.sha256(text.encode()).hexdigest()[:length]


def digits(seed: str, count: int) -> str:
    number = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    return str(number)[-count:].rjust(count, "7")


def local(when: str, zone: str) -> datetime:
    return datetime.strptime(when, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(zone))


@dataclass(frozen=True)
class Occurrence:
    spec: Spec
    index: int
    start: datetime  # for all-day: midnight local
    end: datetime
    original: datetime  # the start the rule gives (RECURRENCE-ID)

    @property
    def moved(self) -> bool:
        return self.start != self.original


def occurrences(spec: Spec, zone: str) -> list[Occurrence]:
    if spec.all_day:
        first = datetime.combine(date.fromisoformat(spec.when), datetime.min.time(), ZoneInfo(zone))
        return [Occurrence(spec, 0, first, first + timedelta(days=spec.days), first)]
    first = local(spec.when, zone)
    found = []
    for index in range(max(spec.weekly, 1)):
        original = first + timedelta(weeks=index)  # wall clock: same local time every week
        start = local(spec.moved[index], zone) if index in spec.moved else original
        found.append(
            Occurrence(spec, index, start, start + timedelta(minutes=spec.minutes), original)
        )
    return found


def judged(spec: Spec, zone: str) -> Occurrence:
    return occurrences(spec, zone)[spec.judge]


def join_url(spec: Spec) -> str:
    assert spec.online is not None
    return B.join_url(spec.online.kind, digest(spec.title, spec.when, length=24))


def description(spec: Spec, *, html: bool = False) -> str:
    """The user's text, the tool's join block and the vendor footer, as the tool writes them."""
    parts = [spec.text] if spec.text else []
    if spec.online and spec.online.block:
        seed = digest(spec.title, spec.when, length=24)
        parts.append(B.join_block(spec.online.kind, spec.online.lang, seed, spec.online.host))
    if spec.footer:
        parts.append(spec.footer)
    text = "\n\n".join(parts)
    if html:
        return B.as_html(text)
    return text


def location_text(spec: Spec, joiner: str = "; ") -> str:
    """The location line a client shows: the typed location or place, then a Teams or Meet
    meeting's own label where the client adds one."""
    parts = []
    if spec.location:
        parts.append(spec.location)
    elif spec.place:
        parts.append(spec.place.line())
    for room in spec.rooms:
        if room.name not in " ".join(parts):
            parts.insert(0, room.name)
    return joiner.join(parts)


# --- iCalendar text --------------------------------------------------------------------------


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """RFC 5545 folding at 75 octets, never inside a UTF-8 sequence."""
    raw = line.encode()
    if len(raw) <= 75:
        return line
    pieces, current, limit = [], b"", 75
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > limit:
            pieces.append(current.decode())
            current, limit = b"", 74
        current += encoded
    pieces.append(current.decode())
    return "\r\n ".join(pieces)


def prop(name: str, value: str, **params: str) -> str:
    head = name + "".join(f";{k.replace('_', '-')}={v}" for k, v in params.items())
    return fold(f"{head}:{value}")


def quoted(value: str) -> str:
    return f'"{value}"' if any(c in value for c in ",;:") else value


def utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


VTIMEZONE = {
    "Europe/Berlin": ("+0100", "+0200", "CET", "CEST"),
    "Europe/Paris": ("+0100", "+0200", "CET", "CEST"),
}
WINDOWS_ZONES = {
    "Europe/Berlin": "W. Europe Standard Time",
    "Europe/Paris": "Romance Standard Time",
}


def vtimezone(tzid: str, zone: str, *, names: bool = True) -> list[str]:
    standard, daylight, std_name, dst_name = VTIMEZONE[zone]
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]
    if names:
        lines.append(f"X-LIC-LOCATION:{zone}")
    lines += [
        "BEGIN:DAYLIGHT",
        f"TZOFFSETFROM:{standard}",
        f"TZOFFSETTO:{daylight}",
        *([f"TZNAME:{dst_name}"] if names else []),
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        f"TZOFFSETFROM:{daylight}",
        f"TZOFFSETTO:{standard}",
        *([f"TZNAME:{std_name}"] if names else []),
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
    return lines


def when_lines(occ: Occurrence, tzid: str, *, recurrence: bool = False) -> list[str]:
    spec = occ.spec
    if spec.all_day:
        lines = [
            f"DTSTART;VALUE=DATE:{occ.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{occ.end:%Y%m%d}",
        ]
    else:
        tz = quoted(tzid)
        lines = [f"DTSTART;TZID={tz}:{stamp(occ.start)}", f"DTEND;TZID={tz}:{stamp(occ.end)}"]
    if recurrence:
        lines.append(f"RECURRENCE-ID;TZID={quoted(tzid)}:{stamp(occ.original)}")
    return lines


def rrule(spec: Spec, first: datetime, *, google: bool = False) -> list[str]:
    if spec.weekly <= 1:
        return []
    day = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[first.weekday()]
    if google:
        return [f"RRULE:FREQ=WEEKLY;WKST=MO;COUNT={spec.weekly};BYDAY={day}"]
    return [f"RRULE:FREQ=WEEKLY;COUNT={spec.weekly};BYDAY={day}"]


def organizer_of(spec: Spec, user: Person) -> Person | None:
    if not spec.attendees and not spec.rooms and spec.organizer is None:
        return None
    return spec.organizer or user


def partstat(person: Person, spec: Spec, user: Person, organizer: Person | None) -> str:
    if person == user:
        return "DECLINED" if spec.declined else "ACCEPTED"
    if organizer == person:
        return "ACCEPTED"
    return ("ACCEPTED", "NEEDS-ACTION", "TENTATIVE", "ACCEPTED")[int(digest(person.email), 16) % 4]


def people_of(spec: Spec, user: Person) -> list[Person]:
    """Every person of the meeting, the user first when invited by someone else."""
    organizer = organizer_of(spec, user)
    if organizer is None:
        return []
    people = [organizer]
    if organizer != user:
        people.append(user)
    people += [p for p in spec.attendees if p not in people]
    return people


def calendar_file(head: Sequence[str], events: Sequence[Sequence[str]]) -> bytes:
    lines = ["BEGIN:VCALENDAR", *head]
    for event in events:
        lines += event
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


# --- the iCalendar writers ---------------------------------------------------------------------

Writer = Callable[[Calendar], bytes]
DTSTAMP = "20261201T081500Z"


def _seq(occ: Occurrence) -> str:
    return "1" if occ.moved else "0"


def _masters(calendar: Calendar) -> list[tuple[Spec, list[Occurrence]]]:
    return [(spec, occurrences(spec, calendar.zone)) for spec in calendar.specs]


def google_ics(calendar: Calendar) -> bytes:
    zone, user = calendar.zone, calendar.user
    head = [
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        prop("X-WR-CALNAME", user.email),
        f"X-WR-TIMEZONE:{zone}",
        *vtimezone(zone, zone),
    ]
    events = []
    for _spec, occs in _masters(calendar):
        uid = uid_of("google_ics", occs[0])
        for occ in [occs[0], *[o for o in occs if o.moved]]:
            events.append(_google_vevent(occ, uid, calendar, recurrence=occ.moved))
    return calendar_file(head, events)


def _google_vevent(occ: Occurrence, uid: str, calendar: Calendar, *, recurrence: bool) -> list[str]:
    spec, user, zone = occ.spec, calendar.user, calendar.zone
    organizer = organizer_of(spec, user)
    lines = ["BEGIN:VEVENT", *when_lines(occ, zone, recurrence=recurrence)]
    if not recurrence:
        lines += rrule(spec, occ.start, google=True)
    lines.append(f"DTSTAMP:{DTSTAMP}")
    if organizer:
        lines.append(prop("ORGANIZER", f"mailto:{organizer.email}", CN=quoted(organizer.name)))
    lines.append(f"UID:{uid}")
    for person in people_of(spec, user):
        lines.append(
            prop(
                "ATTENDEE",
                f"mailto:{person.email}",
                CUTYPE="INDIVIDUAL",
                ROLE="REQ-PARTICIPANT",
                PARTSTAT=partstat(person, spec, user, organizer),
                RSVP="TRUE" if person != organizer else "FALSE",
                CN=quoted(person.name),
                X_NUM_GUESTS="0",
            )
        )
    for room in spec.rooms:
        lines.append(
            prop(
                "ATTENDEE",
                f"mailto:{room.email}",
                CUTYPE="RESOURCE",
                ROLE="REQ-PARTICIPANT",
                PARTSTAT="ACCEPTED",
                CN=quoted(room.name),
                X_NUM_GUESTS="0",
            )
        )
    text = spec.text
    if spec.online and spec.online.kind == "meet" and spec.online.structured:
        lines.append(prop("X-GOOGLE-CONFERENCE", join_url(spec)))
        seed = digest(spec.title, spec.when, length=24)
        section = B.google_meet_section(spec.online.lang, seed)
        text = "\n\n".join(p for p in (spec.text, section) if p)
        if spec.footer:
            text += "\n\n" + spec.footer
    else:
        text = description(spec)
    lines.append("CREATED:20261102T101500Z")
    if text:
        lines.append(prop("DESCRIPTION", escape(text)))
    lines.append("LAST-MODIFIED:20261130T171200Z")
    location = location_text(spec, ", ")
    if spec.online and spec.online.kind == "zoom" and not location:
        location = join_url(spec)
    lines.append(prop("LOCATION", escape(location)))
    lines.append(f"SEQUENCE:{_seq(occ)}")
    lines.append("STATUS:CONFIRMED")
    lines.append(prop("SUMMARY", escape(spec.title)))
    lines.append(
        "TRANSP:" + ("TRANSPARENT" if spec.show_as == "free" or spec.all_day else "OPAQUE")
    )
    if spec.private:
        lines.append("CLASS:PRIVATE")
    lines.append("END:VEVENT")
    return lines


def _outlook_location(spec: Spec) -> str:
    text = location_text(spec, "; ")
    if spec.online and spec.online.kind == "teams" and spec.online.structured:
        label = B.TEAMS_LOCATION[spec.online.lang]
        text = f"{text}; {label}" if text else label
    elif spec.online and spec.online.kind in ("zoom", "webex") and not text:
        text = join_url(spec)
    return text


def outlook_ics(calendar: Calendar) -> bytes:
    zone, _user = calendar.zone, calendar.user
    tzid = WINDOWS_ZONES[zone]
    head = [
        "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
        "VERSION:2.0",
        "METHOD:PUBLISH",
        "X-CALSTART:20261101T000000Z",
        prop("X-WR-CALNAME", "Kalender" if calendar.language == "de" else "Calendar"),
        *vtimezone(tzid, zone, names=False),
    ]
    events = []
    for _spec, occs in _masters(calendar):
        uid = uid_of("outlook_ics", occs[0])
        for occ in [occs[0], *[o for o in occs if o.moved]]:
            events.append(_outlook_vevent(occ, uid, calendar, tzid, recurrence=occ.moved))
    return calendar_file(head, events)


CDO_BUSY = {"busy": "BUSY", "free": "FREE", "tentative": "TENTATIVE", "oof": "OOF"}
CDO_BUSY["workingElsewhere"] = "WORKINGELSEWHERE"


def _outlook_vevent(
    occ: Occurrence, uid: str, calendar: Calendar, tzid: str, *, recurrence: bool
) -> list[str]:
    spec, user = occ.spec, calendar.user
    organizer = organizer_of(spec, user)
    lines = ["BEGIN:VEVENT", "CLASS:" + ("PRIVATE" if spec.private else "PUBLIC")]
    lines.append("CREATED:20261102T101500Z")
    text = description(spec)
    if text:
        lines.append(prop("DESCRIPTION", escape(text)))
    lines += when_lines(occ, tzid, recurrence=recurrence)
    if not recurrence:
        lines += rrule(spec, occ.start)
    lines.append(f"DTSTAMP:{DTSTAMP}")
    lines.append("LAST-MODIFIED:20261130T171200Z")
    location = _outlook_location(spec)
    if location:
        lines.append(
            prop("LOCATION", escape(location), LANGUAGE=f"{calendar.language}-{calendar.language}")
        )
    lines.append("PRIORITY:5")
    lines.append(f"SEQUENCE:{_seq(occ)}")
    lines.append(
        prop("SUMMARY", escape(spec.title), LANGUAGE=f"{calendar.language}-{calendar.language}")
    )
    lines.append("TRANSP:" + ("TRANSPARENT" if spec.show_as == "free" else "OPAQUE"))
    lines.append(f"UID:{uid}")
    if organizer:
        lines.append(prop("ORGANIZER", f"mailto:{organizer.email}", CN=quoted(organizer.name)))
        for person in people_of(spec, user):
            if person == organizer:
                continue
            lines.append(
                prop(
                    "ATTENDEE",
                    f"mailto:{person.email}",
                    CN=quoted(person.name),
                    RSVP="TRUE",
                    PARTSTAT=partstat(person, spec, user, organizer),
                )
            )
        for room in spec.rooms:
            lines.append(
                prop(
                    "ATTENDEE",
                    f"mailto:{room.email}",
                    CN=quoted(room.name),
                    CUTYPE="RESOURCE",
                    ROLE="NON-PARTICIPANT",
                    RSVP="TRUE",
                )
            )
    lines.append("X-MICROSOFT-CDO-APPT-SEQUENCE:" + _seq(occ))
    lines.append("X-MICROSOFT-CDO-BUSYSTATUS:" + CDO_BUSY.get(spec.show_as, "BUSY"))
    lines.append("X-MICROSOFT-CDO-INTENDEDSTATUS:" + CDO_BUSY.get(spec.show_as, "BUSY"))
    lines.append("X-MICROSOFT-CDO-ALLDAYEVENT:" + ("TRUE" if spec.all_day else "FALSE"))
    lines.append("X-MICROSOFT-CDO-IMPORTANCE:1")
    lines.append(
        "X-MICROSOFT-CDO-INSTTYPE:" + ("3" if recurrence else "1" if spec.weekly > 1 else "0")
    )
    lines.append("X-MICROSOFT-DISALLOW-COUNTER:FALSE")
    lines.append("X-MICROSOFT-DONOTFORWARDMEETING:FALSE")
    if location:
        lines.append(prop("X-MICROSOFT-LOCATIONDISPLAYNAME", escape(location)))
        lines.append(prop("X-MICROSOFT-LOCATIONS", escape(_ms_locations(spec, location))))
    if spec.online and spec.online.kind == "teams" and spec.online.structured:
        url = join_url(spec)
        lines.append(prop("X-MICROSOFT-SKYPETEAMSMEETINGURL", url))
        lines.append(
            prop(
                "X-MICROSOFT-SCHEDULINGSERVICEUPDATEURL",
                "https://api.scheduler.teams.microsoft.com/teamsforbusiness/"
                + digest(url, length=32),
            )
        )
        lines.append(
            prop(
                "X-MICROSOFT-SKYPETEAMSPROPERTIES",
                escape(
                    json.dumps(
                        {
                            "cid": "19:meeting_" + digest(url, length=40) + "@thread.v2",
                            "private": True,
                            "type": 0,
                            "mid": 0,
                            "rid": 0,
                            "uid": None,
                        },
                        separators=(",", ":"),
                    )
                ),
            )
        )
        lines.append(
            prop(
                "X-MICROSOFT-ONLINEMEETINGCONFLINK",
                "conf:sip:" + digest(url, length=10) + "@teams.microsoft.com",
            )
        )
        lines.append(
            prop(
                "X-MICROSOFT-ONLINEMEETINGINFORMATION",
                escape('{"OnlineMeetingChannelId":null,"OnlineMeetingProvider":3}'),
            )
        )
    lines.append("X-MICROSOFT-REQUESTEDATTENDANCEMODE:DEFAULT")
    lines.append("X-MICROSOFT-ISRESPONSEREQUESTED:" + ("TRUE" if spec.attendees else "FALSE"))
    lines.append("X-MS-OLK-AUTOFILLLOCATION:FALSE")
    lines.append("X-MS-OLK-CONFTYPE:0")
    lines.append("END:VEVENT")
    return lines


def _ms_locations(spec: Spec, location: str) -> str:
    entries = []
    for room in spec.rooms:
        entries.append(
            {
                "DisplayName": room.name,
                "LocationAnnotation": "",
                "LocationUri": room.email,
                "LocationStreet": "",
                "LocationCity": "",
                "LocationState": "",
                "LocationCountry": "",
                "LocationPostalCode": "",
                "LocationFullAddress": "",
            }
        )
    place = spec.place
    if place:
        entries.append(
            {
                "DisplayName": place.name or place.line(),
                "LocationAnnotation": "",
                "LocationUri": "",
                "LocationStreet": place.street,
                "LocationCity": place.city,
                "LocationState": "",
                "LocationCountry": place.country,
                "LocationPostalCode": place.postcode,
                "LocationFullAddress": place.line("\n") if place.street else "",
            }
        )
    elif spec.location:
        entries.append(
            {
                "DisplayName": spec.location,
                "LocationAnnotation": "",
                "LocationUri": "",
                "LocationStreet": "",
                "LocationCity": "",
                "LocationState": "",
                "LocationCountry": "",
                "LocationPostalCode": "",
                "LocationFullAddress": "",
            }
        )
    if spec.online and spec.online.kind == "teams" and spec.online.structured:
        entries.append(
            {
                "DisplayName": B.TEAMS_LOCATION[spec.online.lang],
                "LocationAnnotation": "",
                "LocationUri": "",
                "LocationStreet": "",
                "LocationCity": "",
                "LocationState": "",
                "LocationCountry": "",
                "LocationPostalCode": "",
                "LocationFullAddress": "",
            }
        )
    return json.dumps(entries, ensure_ascii=False, separators=(",", ":"))


def icloud_ics(calendar: Calendar) -> bytes:
    zone = calendar.zone
    head = [
        "VERSION:2.0",
        "PRODID:-//Apple Inc.//macOS 15.1//EN",
        "CALSCALE:GREGORIAN",
        prop("X-WR-CALNAME", "Privat" if calendar.language == "de" else "Home"),
        f"X-WR-TIMEZONE:{zone}",
        "X-APPLE-CALENDAR-COLOR:#34AADC",
        *vtimezone(zone, zone),
    ]
    events = []
    for _spec, occs in _masters(calendar):
        uid = uid_of("icloud_ics", occs[0])
        for occ in [occs[0], *[o for o in occs if o.moved]]:
            events.append(_apple_vevent(occ, uid, calendar, recurrence=occ.moved))
    return calendar_file(head, events)


def uid_of(writer: str, occ: Occurrence) -> str:
    """The UID the export gives ``occ`` (Graph: one per occurrence, as ``iCalUId`` is)."""
    spec = occ.spec
    if writer in ("google_ics", "google_json"):
        return f"{digest(spec.title, spec.when, length=26)}@google.com"
    if writer == "outlook_ics":
        return (
            "040000008200E00074C5B7101A82E00800000000" + digest(spec.title, spec.when, length=48)
        ).upper()
    if writer == "graph_json":
        return (
            "040000008200E00074C5B7101A82E00800000000"
            + digest(spec.title, spec.when, occ.index, length=48)
        ).upper()
    if writer == "icloud_ics":
        return _uuid(spec).upper()
    return _uuid(spec)


def _uuid(spec: Spec) -> str:
    h = digest(spec.title, spec.when, length=32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _apple_vevent(occ: Occurrence, uid: str, calendar: Calendar, *, recurrence: bool) -> list[str]:
    spec, user, zone = occ.spec, calendar.user, calendar.zone
    organizer = organizer_of(spec, user)
    lines = ["BEGIN:VEVENT", "CREATED:20261102T101500Z", f"DTSTAMP:{DTSTAMP}"]
    lines += when_lines(occ, zone, recurrence=recurrence)
    if not recurrence:
        lines += rrule(spec, occ.start)
    lines.append("LAST-MODIFIED:20261130T171200Z")
    if organizer:
        lines.append(
            prop(
                "ORGANIZER",
                f"mailto:{organizer.email}",
                CN=quoted(organizer.name),
                EMAIL=organizer.email,
            )
        )
        for person in people_of(spec, user):
            lines.append(
                prop(
                    "ATTENDEE",
                    f"mailto:{person.email}",
                    CN=quoted(person.name),
                    CUTYPE="INDIVIDUAL",
                    EMAIL=person.email,
                    PARTSTAT=partstat(person, spec, user, organizer),
                    ROLE="CHAIR" if person == organizer else "REQ-PARTICIPANT",
                )
            )
    text = description(spec)
    url = spec.url
    if spec.online and spec.online.kind == "facetime":
        url = url or join_url(spec)
    if text:
        lines.append(prop("DESCRIPTION", escape(text)))
    location = spec.location
    if spec.place and not location:
        location = spec.place.line("\n")
    if location:
        lines.append(prop("LOCATION", escape(location)))
    lines.append(f"SEQUENCE:{_seq(occ)}")
    lines.append(prop("SUMMARY", escape(spec.title)))
    lines.append(
        "TRANSP:" + ("TRANSPARENT" if spec.show_as == "free" or spec.all_day else "OPAQUE")
    )
    lines.append(f"UID:{uid}")
    if url:
        lines.append(prop("URL", url, VALUE="URI"))
    lines.append("X-APPLE-CREATOR-IDENTITY:com.apple.calendar")
    if spec.place and spec.place.lat is not None:
        place = spec.place
        address = ", ".join(
            p for p in (place.street, f"{place.postcode} {place.city}".strip(), place.country) if p
        )
        lines.append(
            prop(
                "X-APPLE-STRUCTURED-LOCATION",
                f"geo:{place.lat:.6f},{place.lon:.6f}",
                VALUE="URI",
                X_ADDRESS=quoted(address.replace("\n", "\\n")),
                X_APPLE_RADIUS="70.58",
                X_APPLE_REFERENCEFRAME="1",
                X_TITLE=quoted(place.name or address),
            )
        )
    if location:
        lines.append("X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC")
    lines.append("END:VEVENT")
    return lines


def _series_vevents(calendar: Calendar, vevent: Callable[..., list[str]]) -> list[list[str]]:
    """Each series as its master and its moved occurrences (RECURRENCE-ID), as the apps that
    store a series whole (Thunderbird, Nextcloud) write it."""
    events = []
    for spec, occs in _masters(calendar):
        uid = _uuid(spec)
        for occ in [occs[0], *[o for o in occs if o.moved]]:
            events.append(vevent(occ, uid, calendar, recurrence=occ.moved))
    return events


def thunderbird_ics(calendar: Calendar) -> bytes:
    zone = calendar.zone
    head = [
        "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN",
        "VERSION:2.0",
        *vtimezone(zone, zone),
    ]
    return calendar_file(head, _series_vevents(calendar, _mozilla_vevent))


def _mozilla_vevent(
    occ: Occurrence, uid: str, calendar: Calendar, *, recurrence: bool
) -> list[str]:
    spec, user, zone = occ.spec, calendar.user, calendar.zone
    organizer = organizer_of(spec, user)
    lines = [
        "BEGIN:VEVENT",
        "CREATED:20261102T101500Z",
        "LAST-MODIFIED:20261130T171200Z",
        f"DTSTAMP:{DTSTAMP}",
        f"UID:{uid}",
    ]
    lines.append(prop("SUMMARY", escape(spec.title)))
    if recurrence:
        lines.append(f"RECURRENCE-ID;TZID={zone}:{stamp(occ.original)}")
    if organizer:
        lines.append(
            prop(
                "ORGANIZER",
                f"mailto:{organizer.email}",
                RSVP="TRUE",
                CN=quoted(organizer.name),
                PARTSTAT="ACCEPTED",
                ROLE="CHAIR",
            )
        )
        for person in people_of(spec, user):
            if person == organizer:
                continue
            lines.append(
                prop(
                    "ATTENDEE",
                    f"mailto:{person.email}",
                    RSVP="TRUE",
                    CN=quoted(person.name),
                    PARTSTAT=partstat(person, spec, user, organizer),
                    ROLE="REQ-PARTICIPANT",
                )
            )
        for room in spec.rooms:
            lines.append(
                prop(
                    "ATTENDEE",
                    f"mailto:{room.email}",
                    RSVP="TRUE",
                    CN=quoted(room.name),
                    PARTSTAT="ACCEPTED",
                    CUTYPE="ROOM",
                    ROLE="NON-PARTICIPANT",
                )
            )
    if not recurrence:
        lines += rrule(spec, occ.start)
    if organizer == user:
        lines.append("X-MOZ-SEND-INVITATIONS:TRUE")
        lines.append("X-MOZ-SEND-INVITATIONS-UNDISCLOSED:FALSE")
    lines += [line for line in when_lines(occ, zone) if not line.startswith("RECURRENCE-ID")]
    location = location_text(spec, ", ")
    if (
        spec.online
        and not location
        and spec.online.kind in ("jitsi", "bbb", "zoom", "webex", "talk")
    ):
        location = join_url(spec)
    if location:
        lines.append(prop("LOCATION", escape(location)))
    text = description(spec)
    if text:
        lines.append(prop("DESCRIPTION", escape(text)))
    lines.append(f"SEQUENCE:{_seq(occ)}")
    lines.append(
        "TRANSP:" + ("TRANSPARENT" if spec.show_as == "free" or spec.all_day else "OPAQUE")
    )
    lines.append("CLASS:" + ("PRIVATE" if spec.private else "PUBLIC"))
    lines.append("X-MOZ-GENERATION:3")
    lines += [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER;VALUE=DURATION:-PT15M",
        "DESCRIPTION:Default Mozilla Description",
        "END:VALARM",
    ]
    lines.append("END:VEVENT")
    return lines


def nextcloud_ics(calendar: Calendar) -> bytes:
    zone = calendar.zone
    head = [
        "PRODID:-//IDN nextcloud.com//Calendar app 4.7.16//EN",
        "CALSCALE:GREGORIAN",
        "VERSION:2.0",
        *vtimezone(zone, zone),
    ]
    return calendar_file(head, _series_vevents(calendar, _nextcloud_vevent))


def _nextcloud_vevent(
    occ: Occurrence, uid: str, calendar: Calendar, *, recurrence: bool
) -> list[str]:
    spec, user, zone = occ.spec, calendar.user, calendar.zone
    organizer = organizer_of(spec, user)
    lines = [
        "BEGIN:VEVENT",
        "CREATED:20261102T101500Z",
        f"DTSTAMP:{DTSTAMP}",
        "LAST-MODIFIED:20261130T171200Z",
        f"SEQUENCE:{_seq(occ)}",
        f"UID:{uid}",
    ]
    lines += when_lines(occ, zone, recurrence=recurrence)
    if not recurrence:
        lines += rrule(spec, occ.start)
    lines.append("STATUS:CONFIRMED")
    lines.append(prop("SUMMARY", escape(spec.title)))
    location = location_text(spec, ", ")
    if spec.online and spec.online.kind == "talk" and spec.online.structured:
        location = f"{location}, {join_url(spec)}" if location else join_url(spec)
    elif spec.online and not location and spec.online.kind in ("jitsi", "bbb"):
        location = join_url(spec)
    if location:
        lines.append(prop("LOCATION", escape(location)))
    text = description(spec)
    if text:
        lines.append(prop("DESCRIPTION", escape(text)))
    if organizer:
        lines.append(prop("ORGANIZER", f"mailto:{organizer.email}", CN=quoted(organizer.name)))
        for person in people_of(spec, user):
            if person == organizer:
                continue
            lines.append(
                prop(
                    "ATTENDEE",
                    f"mailto:{person.email}",
                    CN=quoted(person.name),
                    CUTYPE="INDIVIDUAL",
                    PARTSTAT=partstat(person, spec, user, organizer),
                    ROLE="REQ-PARTICIPANT",
                    RSVP="TRUE",
                    LANGUAGE=calendar.language,
                )
            )
        for room in spec.rooms:
            lines.append(
                prop(
                    "ATTENDEE",
                    f"mailto:{room.email}",
                    CN=quoted(room.name),
                    CUTYPE="ROOM",
                    PARTSTAT="ACCEPTED",
                    ROLE="REQ-PARTICIPANT",
                    RSVP="TRUE",
                )
            )
    lines.append("CLASS:" + ("PRIVATE" if spec.private else "PUBLIC"))
    lines.append(
        "TRANSP:" + ("TRANSPARENT" if spec.show_as == "free" or spec.all_day else "OPAQUE")
    )
    lines.append("END:VEVENT")
    return lines


# --- JSON writers ----------------------------------------------------------------------------

GRAPH_PROVIDER = {"teams": "teamsForBusiness", "skype": "skypeForBusiness"}
GRAPH_RESPONSE = {
    "ACCEPTED": "accepted",
    "NEEDS-ACTION": "notResponded",
    "TENTATIVE": "tentativelyAccepted",
    "DECLINED": "declined",
}


def _graph_time(moment: datetime, all_day: bool) -> dict[str, str]:
    if all_day:
        return {
            "dateTime": moment.strftime("%Y-%m-%dT00:00:00.0000000"),
            "timeZone": "W. Europe Standard Time",
        }
    return {
        "dateTime": moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000"),
        "timeZone": "UTC",
    }


def _graph_email(person: Person | Room) -> dict[str, dict[str, str]]:
    return {"emailAddress": {"name": person.name, "address": person.email}}


def _graph_location(spec: Spec) -> tuple[dict, list[dict]]:
    locations = []
    for room in spec.rooms:
        locations.append(
            {
                "displayName": room.name,
                "locationType": "conferenceRoom",
                "locationUri": room.email,
                "uniqueId": room.email,
                "uniqueIdType": "directory",
            }
        )
    if spec.place:
        p = spec.place
        entry: dict = {
            "displayName": p.name or p.line(),
            "locationType": p.kind,
            "uniqueId": digest(p.line(), length=36),
            "uniqueIdType": "locationStore" if p.kind != "default" else "private",
        }
        if p.street or p.city:
            entry["address"] = {
                "street": p.street,
                "city": p.city,
                "postalCode": p.postcode,
                "countryOrRegion": p.country,
            }
        if p.lat is not None:
            entry["coordinates"] = {"latitude": p.lat, "longitude": p.lon}
        locations.append(entry)
    elif spec.location:
        locations.append(
            {
                "displayName": spec.location,
                "locationType": "default",
                "uniqueId": spec.location,
                "uniqueIdType": "private",
            }
        )
    elif spec.online and spec.online.kind in ("zoom", "webex") and not spec.rooms:
        url = join_url(spec)
        locations.append(
            {
                "displayName": url,
                "locationType": "default",
                "uniqueId": url,
                "uniqueIdType": "private",
            }
        )
    if spec.online and spec.online.kind == "teams" and spec.online.structured:
        label = B.TEAMS_LOCATION[spec.online.lang]
        locations.append(
            {
                "displayName": label,
                "locationType": "default",
                "uniqueId": label,
                "uniqueIdType": "private",
            }
        )
    if not locations:
        return {
            "displayName": "",
            "locationType": "default",
            "uniqueIdType": "unknown",
            "address": {},
            "coordinates": {},
        }, []
    if len(locations) == 1:
        return locations[0], locations
    main = {
        "displayName": "; ".join(loc["displayName"] for loc in locations),
        "locationType": "default",
        "uniqueIdType": "private",
    }
    return main, locations


def graph_json(calendar: Calendar) -> bytes:
    items = []
    user = calendar.user
    for spec, occs in _masters(calendar):
        master = "AAMkAGI2TG93AAA=" + digest(spec.title, spec.when, length=20)
        for occ in occs:
            items.append(_graph_item(occ, master, calendar))
    body = {
        "@odata.context": f"https://graph.microsoft.com/v1.0/$metadata#users('{user.email}')/calendarView",
        "value": items,
    }
    return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode()


def _graph_item(occ: Occurrence, master: str, calendar: Calendar) -> dict:
    spec, user = occ.spec, calendar.user
    organizer = organizer_of(spec, user) or user
    series = spec.weekly > 1
    main, locations = _graph_location(spec)
    online = spec.online
    teams = bool(online and online.kind in GRAPH_PROVIDER and online.structured)
    attendees = []
    for person in people_of(spec, user):
        if person == organizer:
            continue
        response = GRAPH_RESPONSE[partstat(person, spec, user, organizer)]
        attendees.append(
            {
                "type": "required",
                "status": {"response": response, "time": "0001-01-01T00:00:00Z"},
                **_graph_email(person),
            }
        )
    for room in spec.rooms:
        attendees.append(
            {
                "type": "resource",
                "status": {"response": "accepted", "time": "2026-11-02T10:15:00Z"},
                **_graph_email(room),
            }
        )
    own_response = (
        "organizer" if organizer == user else ("declined" if spec.declined else "accepted")
    )
    uid = uid_of("graph_json", occ)
    item = {
        "@odata.etag": 'W/"' + digest(uid, length=20) + '"',
        "id": master + ("_" + occ.original.strftime("%Y%m%d") if series else ""),
        "createdDateTime": "2026-11-02T10:15:00.0000000Z",
        "lastModifiedDateTime": "2026-11-30T17:12:00.0000000Z",
        "iCalUId": uid,
        "reminderMinutesBeforeStart": 15,
        "isReminderOn": True,
        "hasAttachments": False,
        "subject": spec.title,
        "bodyPreview": description(spec)[:255],
        "importance": "normal",
        "sensitivity": "private" if spec.private else "normal",
        "isAllDay": spec.all_day,
        "isCancelled": False,
        "isOrganizer": organizer == user,
        "responseRequested": True,
        "seriesMasterId": master if series else None,
        "showAs": spec.show_as,
        "type": ("exception" if occ.moved else "occurrence") if series else "singleInstance",
        "webLink": "https://outlook.office365.com/owa/?itemid="
        + digest(uid, length=40)
        + "&exvsurl=1&path=/calendar/item",
        "onlineMeetingUrl": None,
        "isOnlineMeeting": teams,
        "onlineMeetingProvider": GRAPH_PROVIDER[online.kind] if teams and online else "unknown",
        "allowNewTimeProposals": True,
        "responseStatus": {"response": own_response, "time": "2026-11-02T10:20:00Z"},
        "body": {"contentType": "html", "content": description(spec, html=True)},
        "start": _graph_time(occ.start, spec.all_day),
        "end": _graph_time(occ.end, spec.all_day),
        "location": main,
        "locations": locations,
        "attendees": attendees,
        "organizer": _graph_email(organizer),
        "onlineMeeting": {
            "joinUrl": join_url(spec),
            "conferenceId": digits(spec.title, 9),
            "tollNumber": B.TOLL[online.lang if online else "en"],
        }
        if teams
        else None,
    }
    return item


def google_json(calendar: Calendar) -> bytes:
    items = []
    for spec, occs in _masters(calendar):
        base = digest(spec.title, spec.when, length=26)
        for occ in occs:
            items.append(_google_item(occ, base, calendar))
    body = {
        "kind": "calendar#events",
        "etag": '"p33c9f1ajf2ugi0g"',
        "summary": calendar.user.email,
        "updated": "2026-12-01T08:15:00.000Z",
        "timeZone": calendar.zone,
        "accessRole": "owner",
        "defaultReminders": [{"method": "popup", "minutes": 10}],
        "items": items,
    }
    return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode()


def _google_time(moment: datetime, spec: Spec, zone: str) -> dict[str, str]:
    if spec.all_day:
        return {"date": moment.strftime("%Y-%m-%d")}
    return {"dateTime": moment.isoformat(), "timeZone": zone}


def _google_item(occ: Occurrence, base: str, calendar: Calendar) -> dict:
    spec, user, zone = occ.spec, calendar.user, calendar.zone
    organizer = organizer_of(spec, user)
    series = spec.weekly > 1
    item: dict = {
        "kind": "calendar#event",
        "etag": '"' + digits(base + str(occ.index), 16) + '"',
        "id": base + (f"_{utc(occ.original)}" if series else ""),
        "status": "confirmed",
        "htmlLink": "https://www.google.com/calendar/event?eid="
        + digest(base, occ.index, length=40),
        "created": "2026-11-02T10:15:00.000Z",
        "updated": "2026-11-30T17:12:00.000Z",
        "summary": spec.title,
        "creator": {
            "email": (organizer or user).email,
            **({"self": True} if (organizer or user) == user else {}),
        },
        "organizer": {
            "email": (organizer or user).email,
            "displayName": (organizer or user).name,
            **({"self": True} if (organizer or user) == user else {}),
        },
        "start": _google_time(occ.start, spec, zone),
        "end": _google_time(occ.end, spec, zone),
        "iCalUID": uid_of("google_json", occ),
        "sequence": 1 if occ.moved else 0,
        "reminders": {"useDefault": True},
        "eventType": spec.event_type or "default",
    }
    if series:
        item["recurringEventId"] = base
        item["originalStartTime"] = _google_time(occ.original, spec, zone)
    text = description(spec, html=False)
    online = spec.online
    if online and online.kind == "meet" and online.structured:
        text = spec.text + ("\n\n" + spec.footer if spec.footer else "")
    if text.strip():
        item["description"] = text.replace("\n", "<br>") if "<" not in text else text
    location = location_text(spec, ", ")
    if online and online.kind == "zoom" and online.structured and not location:
        location = join_url(spec)
    if location:
        item["location"] = location
    if spec.show_as == "free" or spec.event_type == "workingLocation":
        item["transparency"] = "transparent"
    if spec.private:
        item["visibility"] = "private"
    people = people_of(spec, user)
    if people or spec.rooms:
        attendees = []
        for person in people:
            entry = {
                "email": person.email,
                "displayName": person.name,
                "responseStatus": GRAPH_RESPONSE[partstat(person, spec, user, organizer)]
                .replace("notResponded", "needsAction")
                .replace("tentativelyAccepted", "tentative"),
            }
            if person == organizer:
                entry["organizer"] = True
            if person == user:
                entry["self"] = True
            attendees.append(entry)
        for room in spec.rooms:
            attendees.append(
                {
                    "email": room.email,
                    "displayName": room.name,
                    "resource": True,
                    "responseStatus": "accepted",
                }
            )
        item["attendees"] = attendees
    if online and online.structured and online.kind in ("meet", "zoom"):
        item["conferenceData"] = B.google_conference(
            online.kind, online.lang, join_url(spec), digest(spec.title, spec.when, length=24)
        )
        if online.kind == "meet":
            item["hangoutLink"] = join_url(spec)
    if spec.event_type == "outOfOffice":
        item["outOfOfficeProperties"] = {
            "autoDeclineMode": "declineAllConflictingInvitations",
            "declineMessage": "",
        }
    if spec.event_type == "focusTime":
        item["focusTimeProperties"] = {
            "autoDeclineMode": "declineOnlyNewConflictingInvitations",
            "chatStatus": "doNotDisturb",
        }
    if spec.event_type == "workingLocation":
        item["workingLocationProperties"] = {
            "type": "officeLocation",
            "officeLocation": {"label": spec.location or "Office"},
        }
    return item


WRITERS: dict[str, tuple[Writer, str]] = {
    "google_ics": (google_ics, "ics"),
    "outlook_ics": (outlook_ics, "ics"),
    "icloud_ics": (icloud_ics, "ics"),
    "thunderbird_ics": (thunderbird_ics, "ics"),
    "nextcloud_ics": (nextcloud_ics, "ics"),
    "graph_json": (graph_json, "json"),
    "google_json": (google_json, "json"),
}
