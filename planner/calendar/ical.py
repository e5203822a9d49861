"""iCalendar (RFC 5545) text ↔ :class:`planner.model.Event`: pure conversion, no I/O.

Every provider that receives iCalendar data (files, URLs, CalDAV) calls :func:`events_from_ics`;
:func:`event_to_vevent` and :func:`event_to_ics` write events back. Time zones are resolved per
file by :mod:`planner.calendar.parsing`, which also decodes and parses the text.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
from icalendar.prop import vBroken, vDDDTypes, vRecur, vUnknown

from planner.calendar import recurrence
from planner.calendar.index import overlaps
from planner.calendar.parsing import (
    Block,
    ZoneResolver,
    apply_x_wr_timezone,
    as_list,
    decode,
    parse,
)
from planner.i18n import _
from planner.model import Attendee, Busy, Event, Geo, Response, Status

log = logging.getLogger("planner")

PRODID = "-//planner//planner meeting planner//EN"
SOURCE_TAG = "X-PLANNER-SOURCE-INDEX"
CONFERENCE_PROPS = (
    "CONFERENCE",
    "X-GOOGLE-CONFERENCE",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",
)
HINT_PROPS = frozenset(
    {
        "CONFERENCE",
        "X-GOOGLE-CONFERENCE",
        "X-APPLE-STRUCTURED-LOCATION",
        "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR",
        "X-MICROSOFT-LOCATIONS",
        "X-MICROSOFT-LOCATIONDISPLAYNAME",
        "SEQUENCE",  # the revision: an update of a meeting the user organizes must raise it
        "X-MICROSOFT-LOCATIONSOURCE",
        "X-MICROSOFT-LOCATIONURI",
        "X-MICROSOFT-LATITUDE",
        "X-MICROSOFT-LONGITUDE",
        "X-MICROSOFT-CDO-BUSYSTATUS",
        "X-MICROSOFT-CDO-INTENDEDSTATUS",
        "X-MICROSOFT-SKYPETEAMSMEETINGURL",
        "CLASS",  # PRIVATE / CONFIDENTIAL: ``planner sync`` shows such events as "Busy" only
        "X-PLANNER-SYNC-KEY",  # the mark of an event ``planner sync`` wrote
    }
)
MEETING_HOSTS = re.compile(
    r"^https?://([\w-]+\.)*(zoom\.us|zoomgov\.com|teams\.microsoft\.com|teams\.live\.com|"
    r"meet\.google\.com|webex\.com|gotomeeting\.com|gotomeet\.me|whereby\.com|meet\.jit\.si|"
    r"bluejeans\.com|chime\.aws|skype\.com|lync\.com|meet\.lync\.com|join\.me)(/|$)",
    re.IGNORECASE,
)
PARTSTAT = {
    "ACCEPTED": Response.ACCEPTED,
    "DECLINED": Response.DECLINED,
    "TENTATIVE": Response.TENTATIVE,
    "NEEDS-ACTION": Response.NEEDS_ACTION,
    "DELEGATED": Response.DELEGATED,
}

Warn = Callable[[str], None]


# ---------------------------------------------------------------------------------------------
# Reading


def events_from_ics(
    data: bytes | str,
    *,
    source: str,
    tz: ZoneInfo,
    start: datetime,
    end: datetime,
    calendar: str = "",
    user_emails: frozenset[str] = frozenset(),
    warn: Warn = log.warning,
    max_occurrences: int = recurrence.MAX_OCCURRENCES,
) -> list[Event]:
    """Every occurrence in ``data`` overlapping ``[start, end)``, sorted by start.

    ``source`` (a file name or URL) appears in every warning and error. Floating times and
    unknown zones are read in ``tz`` (in a file with X-WR-TIMEZONE, UTC and floating times take
    that zone, as the x-wr-timezone package does). Single events far outside the window are not
    parsed at all, so their breakage is not reported. Raises :class:`CalendarReadError` when
    ``data`` is not iCalendar; a broken event is skipped with ``warn("file:line: ...")``.
    A series keeps at most ``max_occurrences`` occurrences in the window, and a rule too costly
    to expand only its first (see :mod:`planner.calendar.recurrence`).
    """
    text = decode(data, source, warn)
    cal, blocks = parse(text, source, warn, (start, end))
    cal = apply_x_wr_timezone(cal, source, warn)
    zones = ZoneResolver(cal, tz, source, warn)
    masters = _prepare_events(cal, blocks, zones, source, warn, (start, end, max_occurrences))
    reader = _Reader(source, calendar, tz, frozenset(e.lower() for e in user_emails))
    found = []
    for component, recurring in _expand(masters, start, end, source, warn, max_occurrences):
        try:
            event = reader.event(component, recurring)
        except Exception as exc:  # one odd occurrence never costs the whole calendar
            where = _where(source, masters, component)
            warn(_("{where}: skipped a broken event ({problem})", where=where, problem=exc))
            continue
        if event is not None and overlaps(event, start, end):
            found.append(event)
    found.sort(key=lambda e: (e.start, e.uid))
    return found


# ---------------------------------------------------------------------------------------------
# Preparing components


def _prepare_events(
    cal: icalendar.Calendar,
    blocks: list[Block],
    zones: ZoneResolver,
    source: str,
    warn: Warn,
    window: tuple[datetime, datetime, int],
) -> list[tuple[icalendar.Event, int]]:
    """The usable VEVENTs with their line numbers: alarms dropped, UIDs set, zones resolved."""
    lines = iter(b.line for b in blocks if b.name == "VEVENT")
    budget = recurrence.Budget()
    good = []
    for component in cal.subcomponents:
        if component.name == "X-PLANNER-BROKEN":
            next(lines, 0)
            continue
        if component.name != "VEVENT":
            continue
        line = next(lines, 0)
        where = f"{source}:{line}" if line else source
        try:
            prepared = _prepare(component, zones, line, where, budget, window, warn)
        except Exception as exc:  # whatever else a hostile file holds: skip this one event
            warn(_("{where}: skipped a broken event ({problem})", where=where, problem=exc))
            continue
        if prepared:
            component[SOURCE_TAG] = str(len(good))  # copied into each occurrence by the expansion
            good.append((component, line))
    return good


def _prepare(
    component: icalendar.Event,
    zones: ZoneResolver,
    line: int,
    where: str,
    budget: recurrence.Budget,
    window: tuple[datetime, datetime, int],
    warn: Warn,
) -> bool:
    """Repair, name and localize one VEVENT; False when it is beyond repair."""
    start, end, limit = window
    component.subcomponents = [c for c in component.subcomponents if c.name != "VALARM"]
    repaired, problem = _repair(component)
    if problem:
        warn(_("{where}: skipped a broken event ({problem})", where=where, problem=problem))
        return False
    if repaired:
        warn(_("{where}: repaired a malformed {what}", where=where, what=repaired))
    if not str(component.get("UID", "")).strip():
        digest = hashlib.sha1(component.to_ical()).hexdigest()[:20]
        component["UID"] = f"{digest}@planner.derived"
    zones.localize(component, line)
    if "RRULE" in component and (problem := budget.screen(component, end)):
        title = _text(component.get("SUMMARY")) or str(component["UID"])
        warn(
            _(
                "{where}: '{title}': {problem}; only its first occurrence is read",
                where=where,
                title=title,
                problem=problem,
            )
        )
        del component["RRULE"]
    elif "RRULE" in component and recurrence.bound(component, start, end, limit):
        component[recurrence.CAPPED] = "1"  # told here, so recurrence.cap stays quiet
        title = _text(component.get("SUMMARY")) or str(component["UID"])
        warn(
            _(
                "{event}: more than {limit} occurrences in the read window; only the first "
                "{limit} are used (raise max_occurrences of the calendar in the config to read "
                "more)",
                event=f"{where}: '{title}'",
                limit=limit,
            )
        )
    return True


def _repair(component: icalendar.Event) -> tuple[str, str]:
    """Fix the breakage real exporters produce: ``(what was repaired, problem beyond repair)``."""
    repaired = []
    start = component.get("DTSTART")
    if isinstance(start, vBroken):
        tzid = str(start.params.get("TZID", ""))
        if not str(start) and ":" in tzid:  # TZID="Zone:20200609T090000" (quote misplaced)
            zone, _sep, value = tzid.rpartition(":")
            try:
                fixed = vDDDTypes(vDDDTypes.from_ical(value))
            except ValueError:
                return "", f"DTSTART {tzid!r}"
            fixed.params["TZID"] = zone
            component["DTSTART"] = fixed
            repaired.append(f"DTSTART (TZID={tzid!r})")
        else:
            return "", f"DTSTART {str(start)!r}"
    elif start is None:
        return "", "no DTSTART"
    rule = component.get("RRULE")
    if isinstance(rule, vBroken):  # e.g. "BYDAY=MO, TU, WE" from Microsoft CDO
        try:
            component["RRULE"] = vRecur.from_ical(re.sub(r"\s+", "", str(rule)))
        except ValueError:
            return "", f"RRULE {str(rule)!r}"
        repaired.append(f"RRULE {str(rule)!r}")
    for name in ("DTEND", "DURATION", "RECURRENCE-ID", "RDATE", "EXDATE"):
        if any(isinstance(v, vBroken) for v in as_list(component.get(name))):
            return "", f"{name} {str(component.get(name))!r}"
    return ", ".join(repaired), ""


# ---------------------------------------------------------------------------------------------
# Expanding recurrences


def _expand(
    masters: list[tuple[icalendar.Event, int]],
    start: datetime,
    end: datetime,
    source: str,
    warn: Warn,
    limit: int,
) -> Iterator[tuple[icalendar.Event, bool]]:
    """Occurrences (as components) and whether each belongs to a recurring series."""
    import recurring_ical_events

    recurring = {
        str(c["UID"])
        for c, _line in masters
        if any(k in c for k in ("RRULE", "RDATE", "RECURRENCE-ID"))
    }
    lo, hi = start - timedelta(days=2), end + timedelta(days=2)
    try:
        occurrences = recurring_ical_events.of(_calendar_of(c for c, _l in masters)).between(lo, hi)
    except Exception as exc:
        log.debug("%s: expansion failed (%s); expanding series by series", source, exc)
        occurrences = list(_expand_each(masters, lo, hi, source, warn))

    def name_of(occurrence: icalendar.Event) -> str:
        title = _text(occurrence.get("SUMMARY")) or str(occurrence.get("UID"))
        return f"{_where(source, masters, occurrence)}: '{title}'"

    for occurrence in recurrence.cap(occurrences, limit, name_of, warn):
        yield occurrence, str(occurrence.get("UID")) in recurring


def _where(source: str, masters: list[tuple[icalendar.Event, int]], c: icalendar.Event) -> str:
    """``file:line`` of the VEVENT an occurrence comes from (``file`` when unknown)."""
    tag = str(c.get(SOURCE_TAG, ""))
    line = masters[int(tag)][1] if tag.isdigit() and int(tag) < len(masters) else 0
    return f"{source}:{line}" if line else source


def _calendar_of(components: Iterable[icalendar.Event]) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.subcomponents = list(components)
    return cal


def _expand_each(
    masters: list[tuple[icalendar.Event, int]],
    lo: datetime,
    hi: datetime,
    source: str,
    warn: Warn,
) -> Iterator[icalendar.Event]:
    import recurring_ical_events

    series: dict[str, list[tuple[icalendar.Event, int]]] = {}
    for component, line in masters:
        series.setdefault(str(component["UID"]), []).append((component, line))
    for members in series.values():
        try:
            yield from recurring_ical_events.of(_calendar_of(c for c, _l in members)).between(
                lo, hi
            )
        except Exception as exc:
            where = f"{source}:{members[0][1]}"
            warn(_("{where}: skipped a broken event ({problem})", where=where, problem=exc))


# ---------------------------------------------------------------------------------------------
# Component → Event


@dataclass(frozen=True)
class _Reader:
    source: str
    calendar: str
    tz: ZoneInfo
    user_emails: frozenset[str]

    cache: dict[str, Event | None] = field(default_factory=dict)

    def event(self, c: icalendar.Event, recurring: bool) -> Event | None:
        """The Event of one occurrence; fields other than times are read once per VEVENT."""
        tag = str(c.get(SOURCE_TAG, ""))
        template = self.cache.get(tag) if tag else None
        if template is None and (not tag or tag not in self.cache):
            template = self._template(c, recurring)
            if tag:
                self.cache[tag] = template
        if template is None:
            return None
        start, end, all_day = self._times(c)
        return replace(template, start=start, end=end, all_day=all_day)

    def _template(self, c: icalendar.Event, recurring: bool) -> Event | None:
        status = str(c.get("STATUS", "")).upper()
        if status == "CANCELLED":
            return None
        uid = str(c["UID"])
        organizer = _person(c.get("ORGANIZER"), organizer=True)
        attendees = tuple(p for v in as_list(c.get("ATTENDEE")) if (p := _person(v)))
        placeholder = datetime(2000, 1, 1, tzinfo=self.tz)
        return Event(
            uid=uid,
            title=_text(c.get("SUMMARY")),
            start=placeholder,
            end=placeholder,
            location=_text(c.get("LOCATION")),
            description=_text(c.get("DESCRIPTION")),
            organizer=organizer,
            attendees=attendees,
            conference_links=_conference_links(c),
            status=Status.TENTATIVE if status == "TENTATIVE" else Status.CONFIRMED,
            busy=_busy(c),
            availability=_availability(c, status),
            series_id=uid if recurring else None,
            calendar=self.calendar,
            url=_text(c.get("URL")),
            geo=_geo(c),
            hints=_hints(c),
            source=self.source,
            self_response=self._self_response(organizer, attendees),
        )

    def _times(self, c: icalendar.Event) -> tuple[datetime, datetime, bool]:
        first = c["DTSTART"].dt
        last = c["DTEND"].dt if "DTEND" in c else None
        if last is None and "DURATION" in c:
            last = first + c["DURATION"].dt
        all_day = not isinstance(first, datetime)
        if all_day:
            begin = datetime.combine(first, time(0), tzinfo=self.tz)
            if isinstance(last, datetime):
                last = last.date()
            stop = datetime.combine(
                last if last and last > first else first + timedelta(days=1),
                time(0),
                tzinfo=self.tz,
            )
            return begin, stop, True
        begin = self._aware(first)
        stop = self._aware(last) if last is not None else begin
        if not isinstance(last, datetime) and last is not None:
            stop = datetime.combine(last, time(0), tzinfo=self.tz)
        return begin, max(stop, begin), False

    def _aware(self, value: date | datetime) -> datetime:
        if not isinstance(value, datetime):
            return datetime.combine(value, time(0), tzinfo=self.tz)
        return value if value.tzinfo is not None else value.replace(tzinfo=self.tz)

    def _self_response(
        self, organizer: Attendee | None, attendees: tuple[Attendee, ...]
    ) -> Response | None:
        for person in attendees:
            if person.email.lower() in self.user_emails:
                return person.response
        if organizer is not None and organizer.email.lower() in self.user_emails:
            return Response.ACCEPTED
        return None


def _text(value: object) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return "" if value is None else str(value)


def _email(address: object) -> str:
    raw = str(address).strip()
    params = getattr(address, "params", {})
    if raw.lower().startswith("mailto:"):
        return raw[7:].strip()
    if params.get("EMAIL"):
        return str(params["EMAIL"]).strip()
    return raw


def _person(address: object, *, organizer: bool = False) -> Attendee | None:
    if address is None or isinstance(address, list):
        return _person(address[0], organizer=organizer) if address else None
    params = getattr(address, "params", {})
    partstat = str(params.get("PARTSTAT", "")).upper()
    default = Response.ACCEPTED if organizer else Response.NEEDS_ACTION
    return Attendee(
        email=_email(address),
        name=str(params.get("CN", "")).strip().strip('"'),
        response=PARTSTAT.get(partstat, default),
        is_resource=str(params.get("CUTYPE", "")).upper() in ("ROOM", "RESOURCE"),
        optional=str(params.get("ROLE", "")).upper() in ("OPT-PARTICIPANT", "NON-PARTICIPANT"),
    )


def _busy(c: icalendar.Event) -> bool:
    transp = str(c.get("TRANSP", "")).upper()
    if transp:
        return transp != "TRANSPARENT"
    return str(c.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).upper() != "FREE"


CDO_BUSY = {"OOF": Busy.OUT_OF_OFFICE, "WORKINGELSEWHERE": Busy.WORKING_ELSEWHERE}


def _availability(c: icalendar.Event, status: str) -> Busy:
    """Out of office and working elsewhere from Outlook's X-MICROSOFT-CDO-BUSYSTATUS; free as
    for ``busy`` (TRANSP first); tentative from either that status or STATUS."""
    cdo = str(c.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).strip().upper()
    if cdo in CDO_BUSY:
        return CDO_BUSY[cdo]
    if not _busy(c):
        return Busy.FREE
    return Busy.TENTATIVE if "TENTATIVE" in (cdo, status) else Busy.BUSY


def _conference_links(c: icalendar.Event) -> tuple[str, ...]:
    links: list[str] = []
    for name in CONFERENCE_PROPS:
        for value in as_list(c.get(name)):
            text = _plain(value).strip()
            if (name == "CONFERENCE" and ":" in text) or text.lower().startswith(
                ("http:", "https:")
            ):
                links.append(text)
    url = _text(c.get("URL")).strip()
    if MEETING_HOSTS.match(url):
        links.append(url)
    return tuple(dict.fromkeys(links))


_ESCAPED = re.compile(r"\\([\\;,nN])")


def _plain(value: object) -> str:
    """Text of a property; vendor (X-) properties icalendar keeps escaped are unescaped."""
    if isinstance(value, vUnknown):
        return _ESCAPED.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), str(value))
    return str(value)


def _hints(c: icalendar.Event) -> tuple[tuple[str, str], ...]:
    hints: list[tuple[str, str]] = []
    for name, value in c.property_items(recursive=False, sorted=False):
        if name in HINT_PROPS or (name.startswith("X-MICROSOFT-") and "ONLINEMEETING" in name):
            hints.append((name, _plain(value)))
            params = getattr(value, "params", {})
            for param in ("X-TITLE", "X-ADDRESS", "FEATURE", "LABEL"):
                if params.get(param):
                    hints.append((f"{name};{param}", str(params[param])))
    return tuple(hints) + _schedule_status(c)


def _schedule_status(c: icalendar.Event) -> tuple[tuple[str, str], ...]:
    """RFC 6638 SCHEDULE-STATUS per attendee, e.g. ("SCHEDULE-STATUS;bob@x.de", "3.7")."""
    found = c.get("ATTENDEE") or []
    return tuple(
        (f"SCHEDULE-STATUS;{_email(a).lower()}", str(a.params["SCHEDULE-STATUS"]))
        for a in (found if isinstance(found, list) else [found])
        if getattr(a, "params", {}).get("SCHEDULE-STATUS")
    )


def _geo(c: icalendar.Event) -> Geo | None:
    geo = c.get("GEO")
    points = []
    if not isinstance(geo, vBroken) and hasattr(geo, "latitude"):  # GEO:1;2;3 is vBroken
        points.append((float(geo.latitude), float(geo.longitude)))
    for value in as_list(c.get("X-APPLE-STRUCTURED-LOCATION")):
        if match := re.match(r"^geo:([-+\d.]+),([-+\d.]+)", str(value).strip(), re.I):
            points.append((float(match.group(1)), float(match.group(2))))
    lat, lon = _number(c.get("X-MICROSOFT-LATITUDE")), _number(c.get("X-MICROSOFT-LONGITUDE"))
    if lat is not None and lon is not None:
        points.append((lat, lon))
    for lat, lon in points:
        if (lat, lon) != (0.0, 0.0) and -90 <= lat <= 90 and -180 <= lon <= 180:
            return Geo(lat, lon)
    return None


def _number(value: object) -> float | None:
    """A vendor property as a number, or None when absent or not numeric."""
    if value is None:
        return None
    try:
        return float(str(value).replace(",", "."))
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# Writing


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
    zone = value.tzinfo
    if isinstance(zone, ZoneInfo) and zone.key not in ("UTC", "Etc/UTC"):
        return value.replace(microsecond=0)
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
