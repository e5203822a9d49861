"""What reading a calendar is asked (:class:`Options`) and gives (:class:`Reading`), and the
reading of plain VEVENTs (:mod:`planner.ical.plain`), none of which needs icalendar.

:mod:`planner.ical.reader` reads any calendar with icalendar and recurring-ical-events
(importing them and parsing the file's VTIMEZONEs costs about a fifth of a second). A calendar
whose VEVENTs are all plain, such as the few VEVENTs of a file that changed
(:mod:`planner.ical.incremental`), is read here as the reader reads it, without importing
either: :func:`read_if_plain`.
"""

from __future__ import annotations

import heapq
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from planner.i18n import ngettext
from planner.ical import plain, recurrence
from planner.ical.convert import Converter
from planner.ical.layout import scan
from planner.ical.parsing import X_WR, _Window, decode
from planner.model import Event

log = logging.getLogger("planner")

Warn = Callable[[str], None]
Window = tuple[datetime, datetime]
MAX_EVENTS = 500_000  # default of an ics calendar's max_events: occurrences in a read window


@dataclass(frozen=True)
class Options:
    """How to read: the user's zone and addresses, the calendar's name, the occurrences kept of
    one series and of the whole calendar."""

    tz: ZoneInfo
    calendar: str = ""
    user_emails: frozenset[str] = frozenset()
    max_occurrences: int = recurrence.MAX_OCCURRENCES
    max_events: int = MAX_EVENTS


@dataclass
class Reading:
    """What a read gives: the events (sorted by start), the line of the VEVENT each one
    comes from (0 where unknown), the expansion budget left (:class:`recurrence.Budget`), and
    how many of the earliest events were left out beyond ``max_events`` (see :meth:`tell`)."""

    events: list[Event]
    lines: list[int]
    steps_left: int
    left_out: int = 0
    plain: int = 0  # VEVENTs read without icalendar (:mod:`planner.ical.plain`)

    def tell(self, source: str, options: Options, warn: Warn) -> None:
        """Warn that events were left out, if they were (once, after all parts are merged)."""
        if self.left_out and self.events:
            day = self.events[0].start.astimezone(options.tz).date().isoformat()
            warn(
                ngettext(
                    "{source}: more than {count} event in the read window; those before {day} "
                    "are left out (raise max_events of the calendar in the config to read them)",
                    "{source}: more than {count} events in the read window; those before {day} "
                    "are left out (raise max_events of the calendar in the config to read them)",
                    options.max_events,
                    source=source,
                    day=day,
                )
            )


class Latest:
    """Events as they are read, at most ``limit``: beyond it the earliest are left out (a
    hostile or enormous calendar costs memory for what is kept, not for what it holds)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.items: list[tuple[datetime, str, int, Event, int]] = []
        self.left_out = 0

    def add(self, event: Event, line: int) -> None:
        item = (event.start, event.uid, len(self.items) + self.left_out, event, line)
        if len(self.items) < self.limit:
            self.items.append(item)
            if len(self.items) == self.limit:
                heapq.heapify(self.items)
        else:
            heapq.heappushpop(self.items, item)
            self.left_out += 1

    def reading(self, steps: int, left_out: int = 0) -> Reading:
        """The events kept, sorted by start (and UID), with their lines."""
        self.items.sort(key=lambda item: (item[0], item[1]))
        events = [item[3] for item in self.items]
        lines = [item[4] for item in self.items]
        return Reading(events, lines, steps, self.left_out + left_out)


def read_plain(
    found: list[plain.Read],
    source: str,
    window: Window,
    options: Options,
    warn: Warn = log.warning,
    steps: int = recurrence.MAX_FILE_STEPS,
) -> Reading:
    """The events of VEVENTs read by :mod:`planner.ical.plain` (the rest of their calendar is
    read on its own; see :mod:`planner.ical.parallel`); ``steps``: the expansion budget,
    handed on untouched (a plain VEVENT has no rule)."""
    emails = frozenset(e.lower() for e in options.user_emails)
    kept = Latest(options.max_events)
    convert = Converter(source, options.calendar, options.tz, emails, warn, window)
    convert.add_plain(found, kept.add, window, warn)
    reading = kept.reading(steps)
    reading.plain = len(found)
    return reading


def read_if_plain(
    data: bytes | str,
    source: str,
    window: Window,
    options: Options,
    warn: Warn = log.warning,
    steps: int = recurrence.MAX_FILE_STEPS,
) -> Reading | None:
    """What :func:`planner.ical.reader.read` gives for ``data``, read without icalendar; None
    (nothing said) unless every VEVENT that may touch ``window`` is plain and read as such by
    the reader too (its UID is its own, the calendar has no X-WR-TIMEZONE), and the text
    decodes and scans without a warning.

    The reader parses the calendar's own lines and VTIMEZONEs as well; a plain VEVENT needs
    neither (its zones are IANA or Windows names, which win over a VTIMEZONE). So the result
    is the reader's whenever those parse without a warning, as they do in a calendar whose
    VEVENTs are those of a file read before without one (:mod:`planner.ical.incremental`)."""
    problems: list[str] = []  # said by the reader, if any: it reads the text then
    text = decode(data, source, problems.append)
    if problems or not plain.ENABLED or "BEGIN:VCALENDAR" not in text:
        return None
    header, blocks = scan(text, source, problems.append)
    if problems or X_WR.search(re.sub(r"\n[ \t]", "", "\n".join(header))):
        return None
    near = _Window(window).may_touch
    kept = [
        b for b in blocks if b.name == "VTIMEZONE" or (b.name == "VEVENT" and near(b))
    ]  # what the reader's parse keeps, and screens the same way
    screen = plain.Screen(options.tz)
    with plain.paused_collection():
        if any(block.name == "VEVENT" for block in screen(kept)):
            return None  # one for icalendar
        return read_plain(screen.found, source, window, options, warn, steps)
