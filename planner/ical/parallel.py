"""Large .ics files parsed on several cores, with the same result as one core.

:func:`events_from_ics` has the signature of :func:`planner.ical.reader.events_from_ics`.
Below :data:`THRESHOLD` bytes, on one core, or where processes cannot be forked, it simply
calls that. Otherwise it splits the file at component boundaries into one chunk per core: every
chunk has the calendar's properties and all VTIMEZONEs, and each UID's VEVENTs (a series with
its overrides) stay together in one chunk, in file order. VEVENTs that cannot touch the window
(single events far before or after it) are left out before splitting, as the serial parser
leaves them out. The chunks are read in forked worker processes (the first one in this process);
the occurrences are merged and sorted as the serial path sorts them, the warnings' line numbers
point into the original file, and a warning every chunk gives (a time zone) is given once.
Any failure of the parallel path falls back to the serial one, so errors read exactly the same.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from planner.ical import reader as ical
from planner.ical.layout import Block, scan
from planner.ical.parsing import BEGIN_RE, END_RE, _Window, decode
from planner.model import Event

log = logging.getLogger("planner")

THRESHOLD = 1_000_000  # bytes; smaller files are parsed faster than a process starts
Warn = ical.Warn
_UID = re.compile(r"^UID(?:;[^:]*)?:(.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Chunk:
    """The text of one part of a calendar and the original line number of each of its lines
    (0 where a line has no counterpart, e.g. the added ``END:VCALENDAR``)."""

    text: str
    lines: tuple[int, ...]


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


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
    workers: int | None = None,
    max_occurrences: int = ical.recurrence.MAX_OCCURRENCES,
    max_events: int = ical.MAX_EVENTS,
) -> list[Event]:
    """:func:`planner.ical.reader.events_from_ics`, on ``workers`` processes (default: the
    usable cores) when ``data`` is large."""
    options = ical.Options(tz, calendar, user_emails, max_occurrences, max_events)
    reading = read(data, source, (start, end), options, warn, workers=workers)
    reading.tell(source, options, warn)
    return reading.events


def read(
    data: bytes | str,
    source: str,
    window: tuple[datetime, datetime],
    options: ical.Options,
    warn: Warn = log.warning,
    *,
    workers: int | None = None,
    scanned: tuple[list[str], list[Block]] | None = None,
) -> ical.Reading:
    """:func:`planner.ical.reader.read` on several processes when ``data`` is large;
    ``scanned`` is the layout of ``data`` where the caller has it."""
    workers = workers or usable_cores()
    if (
        workers < 2
        or len(data) < THRESHOLD
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return ical.read(data, source, window, options, warn)
    decoded: list[str] = []
    text = decode(data, source, decoded.append)
    chunks = split(text, workers, window, scanned)
    if len(chunks) < 2:
        return ical.read(data, source, window, options, warn)
    try:
        results = _run(chunks, (source, window, options))
    except Exception as exc:  # anything at all: the serial path reads (and reports) alike
        log.debug("%s: parallel parse failed (%s); parsing on one core", source, exc)
        return ical.read(data, source, window, options, warn)
    for message in decoded:
        warn(message)
    return merge(results, chunks, source, warn, options.max_events)


Job = tuple[str, tuple[datetime, datetime], ical.Options]


def _run(chunks: list[Chunk], job: Job) -> list[tuple[ical.Reading, list[str]]]:
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=len(chunks) - 1, mp_context=context) as pool:
        futures = [pool.submit(_read, chunk.text, job) for chunk in chunks[1:]]
        first = _read(chunks[0].text, job)
        return [first, *(future.result() for future in futures)]


def _read(text: str, job: Job) -> tuple[ical.Reading, list[str]]:
    """One chunk, read the serial way (in a worker process): its reading and warnings."""
    warnings: list[str] = []
    source, window, options = job
    return ical.read(text, source, window, options, warnings.append), warnings


def merge(
    results: list[tuple[ical.Reading, list[str]]],
    chunks: list[Chunk],
    source: str,
    warn: Warn,
    limit: int = ical.MAX_EVENTS,
) -> ical.Reading:
    """All chunks' events in the serial order (the latest ``limit``), with their lines and
    warnings in the original file; the budget left is the smallest any chunk left."""
    where = re.compile(re.escape(source) + r":(\d+)")
    seen: set[str] = set()
    found = ical.Latest(limit)
    for (reading, warnings), chunk in zip(results, chunks, strict=True):
        for event, number in zip(reading.events, reading.lines, strict=True):
            found.add(event, _line(chunk, number))
        for message in warnings:
            message = where.sub(lambda m, c=chunk: f"{source}:{_line(c, int(m.group(1)))}", message)
            if message not in seen:
                seen.add(message)
                warn(message)
    steps = min(reading.steps_left for reading, _warnings in results)
    return found.reading(steps, sum(reading.left_out for reading, _warnings in results))


def _line(chunk: Chunk, number: int) -> int:
    if 1 <= number <= len(chunk.lines) and chunk.lines[number - 1]:
        return chunk.lines[number - 1]
    return number


def split(
    text: str,
    parts: int,
    window: tuple[datetime, datetime],
    scanned: tuple[list[str], list[Block]] | None = None,
) -> list[Chunk]:
    """``text`` in up to ``parts`` chunks of about equal work (see the module's docstring)."""
    if "BEGIN:VCALENDAR" not in text.upper():
        return []  # the serial path says what is wrong
    header, blocks = scanned or scan(text)
    wanted = _Window(window)
    zones = [b for b in blocks if b.name == "VTIMEZONE"]
    events = [b for b in blocks if b.name == "VEVENT" and wanted.may_touch(b)]
    groups: dict[str, list[Block]] = {}
    for block in events:
        groups.setdefault(_uid(block), []).append(block)
    loads = [0] * parts
    members: list[list[Block]] = [[] for _ in range(parts)]
    for group in sorted(groups.values(), key=_weight, reverse=True):
        lightest = loads.index(min(loads))
        loads[lightest] += _weight(group)
        members[lightest] += group
    head = [line for line in header if not END_RE.match(line) and not BEGIN_RE.match(line)]
    return [chunk_of(head, zones, sorted(m, key=lambda b: b.line)) for m in members if m]


def _uid(block: Block) -> str:
    for line in block.lines:
        if match := _UID.match(line):
            return match.group(1).strip()
    return f"\0line {block.line}"  # no UID: the serial path derives one from the content


def _weight(group: list[Block]) -> int:
    """Lines to parse, a series counting ten times (it is expanded too)."""
    recurring = any(line[:5].upper() == "RRULE" for b in group for line in b.lines)
    return sum(len(b.lines) for b in group) * (10 if recurring else 1)


def chunk_of(header: list[str], zones: list[Block], events: list[Block]) -> Chunk:
    lines = ["BEGIN:VCALENDAR", *header]
    numbers = [0] * len(lines)
    for block in (*zones, *events):
        lines += block.lines
        numbers += range(block.line, block.line + len(block.lines))
    lines.append("END:VCALENDAR")
    numbers.append(0)
    return Chunk("\r\n".join(lines) + "\r\n", tuple(numbers))
