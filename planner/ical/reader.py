"""iCalendar (RFC 5545) text ↔ :class:`planner.model.Event`: pure conversion, no I/O.

Every provider that receives iCalendar data (files, URLs, CalDAV) calls :func:`events_from_ics`:
recurrences expanded, broken components repaired or skipped with a warning. The fields of one
VEVENT are read by :mod:`planner.ical.fields`; :mod:`planner.ical.writing` writes events
back. Time zones are resolved per file by :mod:`planner.ical.parsing`, which also decodes
and parses the text.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
from icalendar.prop import vBroken, vDDDTypes, vRecur

from planner.i18n import _, ngettext
from planner.ical import recurrence
from planner.ical.fields import (
    availability_of,
    conference_links_of,
    geo_of,
    hints_of,
    is_busy,
    person_of,
    text_of,
)
from planner.ical.index import overlaps
from planner.ical.parsing import (
    Block,
    ZoneResolver,
    apply_x_wr_timezone,
    as_list,
    decode,
    parse,
)
from planner.model import Attendee, Event, Response, Status

log = logging.getLogger("planner")

SOURCE_TAG = "X-PLANNER-SOURCE-INDEX"
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
    to expand only its first (see :mod:`planner.ical.recurrence`).
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
    line = 0
    for component, nested in _top_level(cal.subcomponents):
        if component.name == "X-PLANNER-BROKEN":
            next(lines, 0)
            continue
        if component.name != "VEVENT":
            continue
        line = line if nested else next(lines, 0)  # a nested one: the line of its container
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


def _top_level(
    components: list[icalendar.Component],
) -> Iterator[tuple[icalendar.Component, bool]]:
    """Each component, and after a VEVENT the VEVENTs nested in it (an END line lost in a
    damaged file nests the rest): each is read on its own, screened like any other, with the
    line of the event it was found in (True: nested). Other nested components (alarms
    among them) are dropped; the expansion would otherwise read nested events unscreened."""
    for component in components:
        yield component, False
        if component.name != "VEVENT":
            continue
        stack = [c for c in component.subcomponents if c.name == "VEVENT"]
        component.subcomponents = []
        while stack:
            inner = stack.pop(0)
            stack[:0] = [c for c in inner.subcomponents if c.name == "VEVENT"]
            inner.subcomponents = []
            yield inner, True


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
        title = text_of(component.get("SUMMARY")) or str(component["UID"])
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
        title = text_of(component.get("SUMMARY")) or str(component["UID"])
        warn(
            ngettext(
                "{event}: more than {count} occurrence in the read window; only the first "
                "is used (raise max_occurrences of the calendar in the config to read more)",
                "{event}: more than {count} occurrences in the read window; only the first "
                "{count} are used (raise max_occurrences of the calendar in the config to read "
                "more)",
                limit,
                event=f"{where}: '{title}'",
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
        title = text_of(occurrence.get("SUMMARY")) or str(occurrence.get("UID"))
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
        organizer = person_of(c.get("ORGANIZER"), organizer=True)
        attendees = tuple(p for v in as_list(c.get("ATTENDEE")) if (p := person_of(v)))
        placeholder = datetime(2000, 1, 1, tzinfo=self.tz)
        return Event(
            uid=uid,
            title=text_of(c.get("SUMMARY")),
            start=placeholder,
            end=placeholder,
            location=text_of(c.get("LOCATION")),
            description=text_of(c.get("DESCRIPTION")),
            organizer=organizer,
            attendees=attendees,
            conference_links=conference_links_of(c),
            status=Status.TENTATIVE if status == "TENTATIVE" else Status.CONFIRMED,
            busy=is_busy(c),
            availability=availability_of(c, status),
            series_id=uid if recurring else None,
            calendar=self.calendar,
            url=text_of(c.get("URL")),
            geo=geo_of(c),
            hints=hints_of(c),
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
