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
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from planner.ical import reader as ical
from planner.ical.parsing import BEGIN_RE, END_RE, Block, _scan, _Window, decode
from planner.model import Event

log = logging.getLogger("planner")

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
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
) -> list[Event]:
    """:func:`planner.ical.reader.events_from_ics`, on ``workers`` processes (default: the
    usable cores) when ``data`` is large."""
    args = {"source": source, "tz": tz, "start": start, "end": end, "calendar": calendar}
    args["user_emails"] = user_emails
    args["max_occurrences"] = max_occurrences
    workers = workers or usable_cores()
    if (
        workers < 2
        or len(data) < THRESHOLD
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return ical.events_from_ics(data, warn=warn, **args)
    decoded: list[str] = []
    text = decode(data, source, decoded.append)
    chunks = split(text, workers, (start, end))
    if len(chunks) < 2:
        return ical.events_from_ics(data, warn=warn, **args)
    try:
        results = _run(chunks, args)
    except Exception as exc:  # anything at all: the serial path reads (and reports) alike
        log.debug("%s: parallel parse failed (%s); parsing on one core", source, exc)
        return ical.events_from_ics(data, warn=warn, **args)
    for message in decoded:
        warn(message)
    return merge(results, chunks, source, warn)


def _run(chunks: list[Chunk], args: dict[str, object]) -> list[tuple[list[Event], list[str]]]:
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        max_workers=len(chunks) - 1,
        mp_context=context,
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        futures = [pool.submit(_read, chunk.text, args) for chunk in chunks[1:]]
        first = _read(chunks[0].text, args)
        return [first, *(future.result() for future in futures)]


def die_with_parent(parent: int) -> None:
    """In a worker: end when ``parent`` ends, also when it is killed mid-parse (a forked
    worker would otherwise wait for work for ever, holding the parent's files open, the
    state database among them). Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not _death_signal():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it ended before the line above took effect
        os._exit(1)


def _death_signal() -> bool:
    """Ask Linux to kill this process when its parent ends (``PR_SET_PDEATHSIG``)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    """Elsewhere: look twice a second whether the parent is still there."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _read(text: str, args: dict[str, object]) -> tuple[list[Event], list[str]]:
    """One chunk, read the serial way (in a worker process): its events and warnings."""
    warnings: list[str] = []
    events = ical.events_from_ics(text, warn=warnings.append, **args)  # type: ignore[arg-type]
    return events, warnings


def merge(
    results: list[tuple[list[Event], list[str]]], chunks: list[Chunk], source: str, warn: Warn
) -> list[Event]:
    """All chunks' events in the serial order, their warnings with original line numbers."""
    where = re.compile(re.escape(source) + r":(\d+)")
    seen: set[str] = set()
    found: list[Event] = []
    for (events, warnings), chunk in zip(results, chunks, strict=True):
        found += events
        for message in warnings:
            message = where.sub(lambda m, c=chunk: f"{source}:{_line(c, int(m.group(1)))}", message)
            if message not in seen:
                seen.add(message)
                warn(message)
    found.sort(key=lambda e: (e.start, e.uid))  # stable: one UID never spans two chunks
    return found


def _line(chunk: Chunk, number: int) -> int:
    if 1 <= number <= len(chunk.lines) and chunk.lines[number - 1]:
        return chunk.lines[number - 1]
    return number


def split(text: str, parts: int, window: tuple[datetime, datetime]) -> list[Chunk]:
    """``text`` in up to ``parts`` chunks of about equal work (see the module's docstring)."""
    if "BEGIN:VCALENDAR" not in text.upper():
        return []  # the serial path says what is wrong
    header, blocks = _scan(text)
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
    return [_chunk(head, zones, sorted(m, key=lambda b: b.line)) for m in members if m]


def _uid(block: Block) -> str:
    for line in block.lines:
        if match := _UID.match(line):
            return match.group(1).strip()
    return f"\0line {block.line}"  # no UID: the serial path derives one from the content


def _weight(group: list[Block]) -> int:
    """Lines to parse, a series counting ten times (it is expanded too)."""
    recurring = any(line[:5].upper() == "RRULE" for b in group for line in b.lines)
    return sum(len(b.lines) for b in group) * (10 if recurring else 1)


def _chunk(header: list[str], zones: list[Block], events: list[Block]) -> Chunk:
    lines = ["BEGIN:VCALENDAR", *header]
    numbers = [0] * len(lines)
    for block in (*zones, *events):
        lines += block.lines
        numbers += range(block.line, block.line + len(block.lines))
    lines.append("END:VCALENDAR")
    numbers.append(0)
    return Chunk("\r\n".join(lines) + "\r\n", tuple(numbers))
