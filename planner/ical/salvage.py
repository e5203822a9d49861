"""Tolerant line handling for iCalendar text before icalendar sees it (a helper of
:mod:`planner.ical.parsing`).

Real feeds indent their lines (PHP templates put spaces before ``BEGIN:VEVENT``), carry
megabyte-long lines, or never close their components. Here such text becomes plain content
lines, and what cannot be read is reported, never silently dropped:

* a ``BEGIN:``/``END:`` line and a line that starts with a known property name are read without
  their surrounding whitespace (a real folded continuation line never looks like that);
* a physical line longer than :data:`MAX_LINE_CHARS` is dropped with a warning;
* components nested deeper than :data:`MAX_DEPTH` and top-level components beyond
  :data:`MAX_COMPONENTS` are ignored with one warning each.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from planner.i18n import _

MAX_LINE_CHARS = 1_000_000
MAX_DEPTH = 8
MAX_COMPONENTS = 200_000

Warn = Callable[[str], None]

_MARKER = re.compile(r"^\s*(BEGIN|END):([A-Za-z0-9-]+)\s*$", re.IGNORECASE)
#: property names an indented line may start with (a folded line never looks like that)
PROPERTY_NAMES = (
    "ACTION|ATTACH|ATTENDEE|CALSCALE|CATEGORIES|CLASS|COMMENT|COMPLETED|CONFERENCE|"
    "CONTACT|CREATED|DESCRIPTION|DTEND|DTSTAMP|DTSTART|DUE|DURATION|EXDATE|GEO|LAST-MODIFIED|"
    "LOCATION|METHOD|ORGANIZER|PRIORITY|PRODID|RDATE|RECURRENCE-ID|RELATED-TO|RRULE|SEQUENCE|"
    "STATUS|SUMMARY|TRANSP|TRIGGER|TZID|TZNAME|TZOFFSETFROM|TZOFFSETTO|TZURL|UID|URL|"
    "VERSION|X-WR-CALNAME|X-WR-TIMEZONE"
)
_PROPERTY = re.compile(rf"^\s+(?:{PROPERTY_NAMES})[;:]", re.IGNORECASE)


def marker(line: str) -> tuple[str, str] | None:
    """``("BEGIN", "VEVENT")`` for a BEGIN/END line (surrounding whitespace allowed), else None."""
    found = _MARKER.match(line)
    return (found.group(1).upper(), found.group(2).upper()) if found else None


def content_lines(text: str, source: str, warn: Warn) -> list[tuple[int, str]]:
    """The physical lines of ``text`` with their numbers, indentation of markers and property
    lines removed, over-long lines dropped (each with a ``file:line`` warning)."""
    result = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if len(raw) > MAX_LINE_CHARS:
            warn(
                _(
                    "{source}:{line}: skipped a line of {count} characters (limit {limit})",
                    source=source,
                    line=number,
                    count=len(raw),
                    limit=MAX_LINE_CHARS,
                )
            )
            continue
        if raw[:1] in (" ", "\t") and (marker(raw) or _PROPERTY.match(raw)):
            raw = raw.strip()
        else:
            raw = raw.rstrip("\r\n")
        result.append((number, raw))
    return result


def too_deep(source: str, line: int, warn: Warn) -> None:
    warn(
        _(
            "{source}:{line}: components nested more than {limit} deep are ignored",
            source=source,
            line=line,
            limit=MAX_DEPTH,
        )
    )


def too_many(source: str, line: int, warn: Warn) -> None:
    warn(
        _(
            "{source}:{line}: more than {limit} components; the rest of the file is ignored",
            source=source,
            line=line,
            limit=MAX_COMPONENTS,
        )
    )
