"""iCalendar (RFC 5545) text ↔ :class:`planner.model.Event`: pure conversion, no I/O.

Every provider that receives iCalendar data (files, URLs, CalDAV) calls :func:`events_from_ics`:
recurrences expanded, broken components repaired or skipped with a warning. The fields of one
VEVENT are read by :mod:`planner.ical.fields`; :mod:`planner.ical.writing` writes events
back. Time zones are resolved per file by :mod:`planner.ical.parsing`, which also decodes
and parses the text. What a read is asked and gives (:class:`Options`, :class:`Reading`) is
defined in :mod:`planner.ical.reading`, which reads calendars of plain VEVENTs without
icalendar.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import icalendar
from icalendar.prop import vBroken, vDDDTypes, vRecur

from planner.i18n import _
from planner.ical import mending, occurrences, plain, recurrence
from planner.ical.convert import Converter
from planner.ical.fields import text_of
from planner.ical.index import overlaps
from planner.ical.occurrences import SOURCE_TAG, Instance
from planner.ical.parsing import (
    Block,
    ZoneResolver,
    apply_x_wr_timezone,
    as_list,
    decode,
    parse,
)
from planner.ical.reading import MAX_EVENTS, Latest, Options, Reading
from planner.model import Event

log = logging.getLogger("planner")

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
    max_events: int = MAX_EVENTS,
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
    options = Options(tz, calendar, user_emails, max_occurrences, max_events)
    reading = read(data, source, (start, end), options, warn)
    reading.tell(source, options, warn)
    return reading.events


def read(
    data: bytes | str,
    source: str,
    window: tuple[datetime, datetime],
    options: Options,
    warn: Warn = log.warning,
    steps: int = recurrence.MAX_FILE_STEPS,
    scanned: tuple[list[str], list[Block]] | None = None,
) -> Reading:
    """:func:`events_from_ics`, with the line of each event's VEVENT; ``steps`` is the
    expansion budget of this read (the whole file's, or what an earlier read of it left);
    ``scanned``: the calendar's lines and the blocks of it to read, where already scanned."""
    with plain.paused_collection():
        return _read(data, source, window, options, warn, steps, scanned)


def _read(
    data: bytes | str,
    source: str,
    window: tuple[datetime, datetime],
    options: Options,
    warn: Warn,
    steps: int,
    scanned: tuple[list[str], list[Block]] | None,
) -> Reading:
    start, end = window
    text = decode(data, source, warn)
    screen = plain.Screen(options.tz) if plain.ENABLED else None
    cal, blocks = parse(text, source, warn, window, scanned, screen)
    cal = apply_x_wr_timezone(cal, source, warn)
    zones = ZoneResolver(cal, options.tz, source, warn)
    budget = recurrence.Budget(steps)
    limit = options.max_occurrences
    masters = _prepare_events(cal, blocks, zones, source, warn, (start, end, limit), budget)
    emails = frozenset(e.lower() for e in options.user_emails)
    reader = Converter(source, options.calendar, options.tz, emails, warn, window)
    found = Latest(options.max_events)
    if screen is not None:
        reader.add_plain(screen.found, found.add, window, warn)
    for instance, recurring in _expand(masters, start, end, source, warn, limit):
        line = _line(masters, instance)
        try:
            event = reader.event(instance, recurring, line)
        except Exception as exc:  # one odd occurrence never costs the whole calendar
            where = f"{source}:{line}" if line else source
            warn(
                _(
                    "{where}: skipped a broken event ({problem})",
                    where=where,
                    problem=mending.reason(exc),
                )
            )
            continue
        if event is not None and overlaps(event, start, end):
            found.add(event, line)
    reading = found.reading(budget.steps)
    reading.plain = len(screen.found) if screen else 0
    return reading


# ---------------------------------------------------------------------------------------------
# Preparing components


def _prepare_events(
    cal: icalendar.Calendar,
    blocks: list[Block],
    zones: ZoneResolver,
    source: str,
    warn: Warn,
    window: tuple[datetime, datetime, int],
    budget: recurrence.Budget,
) -> list[tuple[icalendar.Event, int]]:
    """The usable VEVENTs with their line numbers: alarms dropped, UIDs set, zones resolved."""
    lines = iter(b.line for b in blocks if b.name == "VEVENT")
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
            warn(
                _(
                    "{where}: skipped a broken event ({problem})",
                    where=where,
                    problem=mending.reason(exc),
                )
            )
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
        warn(recurrence.too_many(f"{where}: '{title}'", limit))
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
) -> Iterator[tuple[Instance, bool]]:
    """Occurrences and whether each belongs to a recurring series."""
    recurring = {
        str(c["UID"])
        for c, _line in masters
        if any(k in c for k in ("RRULE", "RDATE", "RECURRENCE-ID"))
    }

    def failed(number: int, exc: Exception) -> None:
        where = f"{source}:{masters[number][1]}"
        warn(
            _(
                "{where}: skipped a broken event ({problem})",
                where=where,
                problem=mending.reason(exc),
            )
        )

    def name_of(occurrence: Instance) -> str:
        title = text_of(occurrence.component.get("SUMMARY")) or occurrence.uid
        line = _line(masters, occurrence)
        return f"{source}:{line}: '{title}'" if line else f"{source}: '{title}'"

    lo, hi = occurrences.widen(start, end)
    for batch in occurrences.expand([c for c, _l in masters], lo, hi, failed):
        for occurrence in recurrence.cap(batch, limit, name_of, warn):
            yield occurrence, occurrence.uid in recurring


def _line(masters: list[tuple[icalendar.Event, int]], c: Instance) -> int:
    """The line of the VEVENT an occurrence comes from (0 when unknown)."""
    tag = c.source.tag
    return masters[int(tag)][1] if tag.isdigit() and int(tag) < len(masters) else 0
