"""Tolerant line handling for iCalendar text before icalendar sees it (a helper of
:mod:`planner.ical.parsing`).

Real feeds indent their lines (PHP templates put spaces before ``BEGIN:VEVENT``), carry
megabyte-long lines, or never close their components. Here such text becomes plain content
lines, and what cannot be read is reported, never silently dropped:

* a ``BEGIN:``/``END:`` line is read without its surrounding whitespace, and so is a line that
  starts with a known property name, unless the line before it ends inside a property's name
  or parameters (``PARTSTAT=NEEDS-`` folded before ``ACTION;…``: a continuation, as RFC 5545
  folds at any octet);
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
#: a content line's name and parameters, up to the ":" that begins its value (quoted
#: parameter values may hold ":")
BEFORE_VALUE = re.compile(r'[^;:]*(?:;(?:"[^"]*"|[^";:])*)*:')
#: names and parameters followed across folded lines up to this length
FOLLOWED = 10_000


def marker(line: str) -> tuple[str, str] | None:
    """``("BEGIN", "VEVENT")`` for a BEGIN/END line (surrounding whitespace allowed), else None."""
    found = _MARKER.match(line)
    return (found.group(1).upper(), found.group(2).upper()) if found else None


def content_lines(text: str, source: str, warn: Warn) -> list[tuple[int, str]]:
    """The physical lines of ``text`` with their numbers, indentation of markers and property
    lines removed, over-long lines dropped (each with a ``file:line`` warning)."""
    result = []
    unfinished = ""  # the start of a property whose value has not begun yet
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
        if raw[:1] not in (" ", "\t"):
            raw = raw.rstrip("\r\n")
            unfinished = _unfinished(raw)
        elif marker(raw):  # an indented BEGIN:/END: line (no parameter value folds there)
            raw = raw.strip()
            unfinished = ""
        elif unfinished:  # folded inside a name or its parameters: " ACTION;…" goes on
            raw = raw.rstrip("\r\n")  # "PARTSTAT=NEEDS-", however much it looks like a name
            unfinished = _unfinished(unfinished + raw[1:])
        elif _PROPERTY.match(raw):
            raw = raw.strip()
            unfinished = _unfinished(raw)
        else:
            raw = raw.rstrip("\r\n")
        result.append((number, raw))
    return result


def _unfinished(text: str) -> str:
    """``text`` where it begins a content line whose value has not begun (its name or
    parameters go on in the next folded line), else "". Beyond :data:`FOLLOWED` characters a
    property is not followed further (it is skipped as too long before its value anyway)."""
    return text if len(text) <= FOLLOWED and value_start(text) < 0 else ""


def value_start(text: str) -> int:
    """Where the value of the content line ``text`` begins (after the ``:`` that ends its name
    and parameters), -1 when it does not begin in ``text``."""
    colon = text.find(":")
    if colon >= 0 and '"' not in text[:colon]:  # no quoted text: the first ":" begins it
        return colon + 1
    found = BEFORE_VALUE.match(text)
    return found.end() if found else -1


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
