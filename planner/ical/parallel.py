"""Large .ics files parsed on several cores, with the same result as one core.

:func:`events_from_ics` has the signature of :func:`planner.ical.reader.events_from_ics`.
Below :data:`THRESHOLD` bytes, on one core, or where processes cannot be forked, it simply
calls that. Otherwise the file is scanned once (:mod:`planner.ical.layout`) and its VEVENTs
split into one part per core: every part is read with the calendar's properties and all
VTIMEZONEs, and each UID's VEVENTs (a series with its overrides) stay together in one part, in
file order. VEVENTs that cannot touch the window (single events far before or after it) are
left out before splitting, as the serial parser leaves them out. The parts are read in forked
worker processes (the first one in this process) from the scanned blocks, which keep their line
numbers in the file; the occurrences are merged and sorted as the serial path sorts them, and a
warning every part gives (a time zone) is given once. Any failure of the parallel path falls
back to the serial one, so errors read exactly the same.

Plain VEVENTs (:mod:`planner.ical.plain`) are read first. A few thousand are read in this
process; from :data:`PLAIN_APART` on, they are screened and read in contiguous slices on the
usable cores (the first here), each slice's events sent back (a file of 50,000 plain meetings:
1.7 s on one core, about 1.1 s on two). A slice that reads a VEVENT whose UID another slice
names too leaves the screening to this process alone: which block of a UID is read where
takes all of them together. Only the rest is split, and only when it is enough work
for a second process (:data:`PARALLEL_LINES`).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from itertools import islice
from zoneinfo import ZoneInfo

from planner.ical import plain
from planner.ical import reader as ical
from planner.ical.forking import die_with_parent, fork_map, usable_cores
from planner.ical.layout import Block, scan
from planner.ical.parsing import _Window, decode
from planner.ical.payload import remember_digests
from planner.ical.reading import MAX_EVENTS, Latest, Options, Reading, read_plain
from planner.model import Event

log = logging.getLogger("planner")

THRESHOLD = 1_000_000  # bytes; smaller files are parsed faster than a process starts
PLAIN_APART = 4_000  # VEVENTs near the window from which plain ones are read on several cores
HERE = 0.55  # the share of them read in this process: a worker sends its events back
PARALLEL_LINES = 20_000  # lines left for icalendar worth a second process (about a second)
Warn = ical.Warn
_UID = re.compile(r"^UID(?:;[^:]*)?:(.*)$", re.IGNORECASE)


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
    max_events: int = MAX_EVENTS,
) -> list[Event]:
    """:func:`planner.ical.reader.events_from_ics`, on ``workers`` processes (default: the
    usable cores) when ``data`` is large."""
    options = Options(tz, calendar, user_emails, max_occurrences, max_events)
    reading = read(data, source, (start, end), options, warn, workers=workers)
    reading.tell(source, options, warn)
    return reading.events


def read(
    data: bytes | str,
    source: str,
    window: tuple[datetime, datetime],
    options: Options,
    warn: Warn = log.warning,
    *,
    workers: int | None = None,
    scanned: tuple[list[str], list[Block]] | None = None,
) -> Reading:
    """:func:`planner.ical.reader.read` on several processes when ``data`` is large;
    ``scanned`` is the layout of ``data`` where the caller has it."""
    workers = workers or usable_cores()
    if (
        workers < 2
        or len(data) < THRESHOLD
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return ical.read(data, source, window, options, warn, scanned=scanned)
    said: list[str] = []
    text = decode(data, source, said.append)
    if "BEGIN:VCALENDAR" not in text and "BEGIN:VCALENDAR" not in text.upper():
        return ical.read(data, source, window, options, warn)  # which says what is wrong
    header, blocks = scanned or scan(text, source, said.append)
    quick_said: list[str] = []  # said after the text's own warnings, as the serial path does
    with plain.paused_collection():
        quick, blocks = _plain(text, blocks, source, window, options, workers, quick_said.append)
    parts = split(blocks, workers, window)
    work = sum(len(b.lines) for part in parts for b in part if b.name == "VEVENT")
    job = (source, window, options)
    try:
        if len(parts) >= 2 and work >= PARALLEL_LINES:
            results = _run(text, header, parts, job)
        elif quick is not None:  # what is left is read faster here than a process starts
            results = [_read(text, header, [b for part in parts for b in part], job)]
        else:  # read as ical.read(data) would, without decoding and scanning it again
            for message in said:
                warn(message)
            return ical.read(text, source, window, options, warn, scanned=(header, blocks))
    except Exception as exc:  # anything at all: the serial path reads (and reports) alike
        log.debug("%s: parallel parse failed (%s); parsing on one core", source, exc)
        return ical.read(data, source, window, options, warn)
    for message in said:
        warn(message)
    return merge([(quick, quick_said), *results] if quick else results, warn, options.max_events)


def _plain(
    text: str,
    blocks: list[Block],
    source: str,
    window: tuple[datetime, datetime],
    options: Options,
    workers: int | None = None,
    warn: Warn = log.warning,
) -> tuple[Reading | None, list[Block]]:
    """The plain VEVENTs (:mod:`planner.ical.plain`) read first (from :data:`PLAIN_APART` on,
    on ``workers`` processes: :func:`_apart`), and the blocks left for the parts: plain reading
    costs a tenth of icalendar's. None where nothing was read so (nor is, in a file with a
    calendar zone). What the reading says (an event in an hour the clocks skip) goes to
    ``warn``."""
    if not plain.ENABLED or "X-WR-TIMEZONE" in text.upper():
        return None, blocks
    wanted = _Window(window)
    near = [b for b in blocks if b.name == "VEVENT" and wanted.may_touch(b)]
    apart = (
        _apart(near, source, window, options, workers, warn) if len(near) >= PLAIN_APART else None
    )
    if apart is not None:
        reading, left = apart
    else:
        screen = plain.Screen(options.tz)
        left = {id(b) for b in screen(near)}
        reading = read_plain(screen.found, source, window, options, warn) if screen.found else None
    if reading is None:
        return None, blocks
    taken = {id(b) for b in near} - left
    rest = [b for b in blocks if id(b) not in taken]
    return reading, rest


def _apart(
    near: list[Block],
    source: str,
    window: tuple[datetime, datetime],
    options: Options,
    workers: int | None = None,
    warn: Warn = log.warning,
) -> tuple[Reading | None, set[int]] | None:
    """:func:`_plain`'s screening and reading of ``near`` shared among the usable cores
    (:func:`planner.ical.forking.fork_map`: each part in a process of its own, the first
    here): the events read (None: none) and the ids of the blocks left for icalendar. None
    where a part read a VEVENT whose UID another part names too (the same UID in two
    blocks: only the screening of all blocks together says which is read where)."""
    work = partial(_screened, job=(source, window, options))
    parts = fork_map(work, near, workers=workers, minimum=PLAIN_APART, here=HERE)
    first = 0
    left: set[int] = set()
    for part in parts:
        left.update(id(near[first + n]) for n in part.left)
        first += part.blocks
    for number, part in enumerate(parts):
        others = (other.named for n, other in enumerate(parts) if n != number)
        if any(not part.taken.isdisjoint(named) for named in others):
            return None
    readings = [(part.reading, part.warnings) for part in parts if part.reading is not None]
    if not readings:
        return None, left
    return merge(readings, warn, options.max_events), left


@dataclass
class _Screened:
    """What one part of :func:`_apart` gives: its blocks' number, the events read (None:
    none), the positions of the blocks left for icalendar, the UIDs read and every UID its
    blocks may have, and what the reading said."""

    blocks: int
    reading: Reading | None
    left: list[int]
    taken: set[str]
    named: set[str]
    warnings: list[str]


def _screened(near: Sequence[Block], job: Job) -> list[_Screened]:
    source, window, options = job
    screen = plain.Screen(options.tz)
    with plain.paused_collection():
        left = {id(b) for b in screen(list(near))}
        warnings: list[str] = []
        reading = None
        if screen.found:
            reading = read_plain(screen.found, source, window, options, warnings.append)
            remember_digests(reading.events)  # what the classifier keys on, here on each core
    taken = {str(done.component["UID"]) for done in screen.found}
    positions = [n for n, block in enumerate(near) if id(block) in left]
    return [_Screened(len(near), reading, positions, taken, screen.named, warnings)]


Job = tuple[str, tuple[datetime, datetime], Options]


def _run(
    text: str,
    header: list[str],
    parts: list[list[Block]],
    job: Job,
) -> list[tuple[Reading, list[str]]]:
    """Each part read in a forked process (the first in this one): they share the text and its
    blocks with this process, nothing is copied or sent but the results."""
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        max_workers=len(parts) - 1,
        mp_context=context,
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        futures = [pool.submit(_read, text, header, part, job) for part in parts[1:]]
        first = _read(text, header, parts[0], job)
        return [first, *(future.result() for future in futures)]


def _read(text: str, header: list[str], part: list[Block], job: Job) -> tuple[Reading, list[str]]:
    """One part, read the serial way (in a worker process): its reading and warnings."""
    warnings: list[str] = []
    source, window, options = job
    reading = ical.read(text, source, window, options, warnings.append, scanned=(header, part))
    return reading, warnings


def merge(results: list[tuple[Reading, list[str]]], warn: Warn, limit: int = MAX_EVENTS) -> Reading:
    """All parts' events in the serial order (the latest ``limit``), with their lines and
    warnings; the budget left is the smallest any part left."""
    seen: set[str] = set()
    found = Latest(limit)
    for reading, warnings in results:
        for event, line in zip(reading.events, reading.lines, strict=True):
            found.add(event, line)
        for message in warnings:
            if message not in seen:
                seen.add(message)
                warn(message)
    steps = min(reading.steps_left for reading, _warnings in results)
    merged = found.reading(steps, sum(reading.left_out for reading, _warnings in results))
    merged.plain = sum(reading.plain for reading, _warnings in results)
    return merged


def split(blocks: list[Block], parts: int, window: tuple[datetime, datetime]) -> list[list[Block]]:
    """The VTIMEZONEs and VEVENTs to read in up to ``parts`` parts of about equal work (see the
    module's docstring): each part has every VTIMEZONE."""
    wanted = _Window(window)
    zones = [b for b in blocks if b.name == "VTIMEZONE"]
    events = [b for b in blocks if b.name == "VEVENT" and wanted.may_touch(b)]
    groups: dict[str, list[Block]] = {}
    for block in events:
        groups.setdefault(_uid(block), []).append(block)
    loads = [0] * parts
    members: list[list[Block]] = [[] for _ in range(parts)]
    weighed = sorted(((_weight(g), g) for g in groups.values()), key=lambda w: w[0], reverse=True)
    for weight, group in weighed:
        lightest = loads.index(min(loads))
        loads[lightest] += weight
        members[lightest] += group
    return [[*zones, *sorted(m, key=lambda b: b.line)] for m in members if m]


def _uid(block: Block) -> str:
    """The UID of ``block`` as icalendar reads it (unfolded and unescaped: ``a\\,b`` and
    ``a,b`` are one UID, whose blocks the serial reader reads together)."""
    lines = block.lines
    for number, line in enumerate(lines):
        if match := _UID.match(line):
            value = match.group(1)
            for following in islice(lines, number + 1, None):
                if following[:1] not in (" ", "\t"):
                    break
                value += following[1:]
            return plain.unescaped(value.strip())
    return f"\0line {block.line}"  # no UID: the serial path derives one from the content


def _weight(group: list[Block]) -> int:
    """Lines to parse, a series counting ten times (it is expanded too)."""
    recurring = any(
        line[:1] in "Rr" and line[:1] and line[:5].upper() == "RRULE"
        for b in group
        for line in b.lines
    )
    return sum(len(b.lines) for b in group) * (10 if recurring else 1)
