"""Mutations of real iCalendar files for the fuzz test and ``benchmarks/fuzz_calendar.py``.

Each mutation is a pure function ``(data, rng) -> data``; :func:`mutate` applies one to three
of them. :func:`read` runs the planner's reader on the result and returns what went wrong:
``None`` when it ended in events or in a :class:`planner.errors.PlannerError`.
"""

from __future__ import annotations

import random
import re
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from planner.errors import PlannerError
from planner.ical.reader import events_from_ics
from tests.locations import ROOT

REAL = ROOT.parent / "shared" / "fixtures" / "real" / "ics"
LOCAL = ROOT / "tests" / "data" / "ics"
CORPUS = ROOT / "tests" / "ical" / "fuzz_corpus"
WINDOW = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))
WIDE = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2031, 1, 1, tzinfo=UTC))
SLOW_SECONDS = 2.0
HEAVY = [False]  # the long run (benchmarks/fuzz_calendar.py) sets it: full-size mutations

Mutation = Callable[[bytes, random.Random], bytes]


def seeds() -> list[tuple[str, bytes]]:
    """The real fixtures (when shared/ is present) and the project's own test calendars."""
    files = sorted(REAL.glob("*.ics")) if REAL.is_dir() else []
    files += sorted(LOCAL.glob("*.ics"))
    return [(p.name, p.read_bytes()) for p in files]


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines()


def _join(lines: list[bytes], sep: bytes = b"\r\n") -> bytes:
    return sep.join(lines) + sep


def _event_index(lines: list[bytes], rng: random.Random) -> int:
    starts = [i for i, line in enumerate(lines) if line.strip().upper() == b"BEGIN:VEVENT"]
    return rng.choice(starts) + 1 if starts else max(len(lines) - 1, 0)


def _insert(data: bytes, rng: random.Random, new: list[bytes]) -> bytes:
    lines = _lines(data)
    at = _event_index(lines, rng)
    return _join(lines[:at] + new + lines[at:])


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if buf:
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def refold(data: bytes, rng: random.Random) -> bytes:
    text = re.sub(rb"\r?\n[ \t]", b"", data)
    width = rng.randint(1, 80)
    out = []
    for line in _lines(text):
        parts = [line[i : i + width] for i in range(0, len(line), width)] or [b""]
        out.append(b"\r\n ".join(parts))
    return _join(out)


def mix_newlines(data: bytes, rng: random.Random) -> bytes:
    return b"".join(line + rng.choice((b"\r\n", b"\n", b"\r")) for line in _lines(data))


def add_bom(data: bytes, rng: random.Random) -> bytes:
    return rng.choice((b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf")) + data


def utf16(data: bytes, rng: random.Random) -> bytes:
    encoded = data.decode("utf-8", "replace").encode(rng.choice(("utf-16", "utf-16-be")))
    if rng.random() < 0.5:
        encoded = encoded[: len(encoded) - 1]  # truncated mid-character
    if rng.random() < 0.5:
        encoded += b"\x00\xd8"  # a lone surrogate
    return encoded


def huge_line(data: bytes, rng: random.Random) -> bytes:
    size = rng.choice((10_000, 2_000_000 if HEAVY[0] else 200_000))
    return _insert(data, rng, [b"DESCRIPTION:" + b"x" * size])


def indent(data: bytes, rng: random.Random) -> bytes:
    pad = rng.choice((b" ", b"  ", b"\t"))
    return _join([pad + line if rng.random() < 0.7 else line for line in _lines(data)])


_RULES = [
    b"RRULE:FREQ=SECONDLY",
    b"RRULE:FREQ=MINUTELY;COUNT=1000000000",
    b"RRULE:FREQ=DAILY;COUNT=1000000000",
    b"RRULE:FREQ=DAILY;INTERVAL=0",
    b"RRULE:FREQ=YEARLY;BYWEEKNO=0",
    b"RRULE:FREQ=MONTHLY;BYDAY=99MO",
    b"RRULE:FREQ=YEARLY;BYSETPOS=-1;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11;BYMINUTE=0,5,10,15,20,25",
    b"RRULE:FREQ=HOURLY;BYSECOND=0,1,2,3,4,5,6,7,8,9;BYMINUTE=1,2,3,4,5,6",
    b"RRULE:FREQ=WEEKLY;UNTIL=20250101",
    b"RRULE:FREQ=BOGUS;X=Y",
    b"RRULE:FREQ=DAILY;BYMONTHDAY=31;BYMONTH=2",
]


def rrule_extreme(data: bytes, rng: random.Random) -> bytes:
    lines = [line for line in _lines(data) if not line.upper().startswith(b"RRULE")]
    return _insert(_join(lines), rng, [rng.choice(_RULES)])


def exdate_mix(data: bytes, rng: random.Random) -> bytes:
    choice = rng.randrange(4)
    if choice == 0:
        new = [b"EXDATE;VALUE=DATE:20260101,20260102", b"RDATE:20260105T100000Z"]
    elif choice == 1:
        new = [b"RDATE;VALUE=PERIOD:20260105T100000Z/PT1H,20260106T100000Z/20260106T090000Z"]
    elif choice == 2:
        stamps = (b"2026%02d%02dT100000Z" % (m, d + 1) for m in range(1, 13) for d in range(28))
        days = b",".join(stamps)
        new = [b"RRULE:FREQ=DAILY", b"EXDATE:" + days] * 3
    else:
        new = [b"RDATE;TZID=Nowhere/Zone:20260101T100000", b"EXDATE:garbage"]
    return _insert(data, rng, new)


def dtend_before_start(data: bytes, rng: random.Random) -> bytes:
    return _insert(data, rng, [b"DTEND:19991231T000000Z", b"DURATION:-P1D"])


def out_of_range(data: bytes, rng: random.Random) -> bytes:
    value = rng.choice((b"00010101T000000Z", b"99991231T235959Z", b"00000000", b"99999999T999999"))
    return re.sub(rb"(DTSTART[^:\r\n]*:)[0-9TZ]+", rb"\g<1>" + value, data, count=1)


def nest(data: bytes, rng: random.Random) -> bytes:
    depth = rng.choice((3, 20, 100_000 if HEAVY[0] else 2_000))
    return _insert(data, rng, [b"BEGIN:VEVENT"] * depth)


def many_events(data: bytes, rng: random.Random) -> bytes:
    count = rng.choice((500, 2000) if HEAVY[0] else (50, 200))
    event = [
        b"BEGIN:VEVENT",
        b"UID:%d@fuzz",
        b"DTSTART:20260610T100000Z",
        b"DTEND:20260610T110000Z",
        b"RRULE:FREQ=DAILY;COUNT=7",
        b"SUMMARY:x",
        b"END:VEVENT",
    ]
    lines = _lines(data)
    at = next((i for i, line in enumerate(lines) if line.upper().startswith(b"END:VCAL")), 0)
    extra = [line.replace(b"%d", str(i).encode()) for i in range(count) for line in event]
    return _join(lines[:at] + extra + lines[at:])


def odd_props(data: bytes, rng: random.Random) -> bytes:
    new = rng.choice(
        [
            [b"GEO:1;2;3"],
            [b"GEO:nan;inf"],
            [b"TZID:Europe/Paris", b"TZID:Europe/Paris"],
            [b"ATTENDEE;CN={x}:mailto:{y}"],
            [b"DTSTART;TZID=/Europe/Stockholm:20260610T100000"],
            [b"X-MICROSOFT-LATITUDE:1e400"],
            [b"SUMMARY:\x1b]0;pwned\x07title"],
        ]
    )
    return _insert(data, rng, new)


MUTATIONS: list[Mutation] = [
    flip_bytes,
    truncate,
    refold,
    mix_newlines,
    add_bom,
    utf16,
    huge_line,
    indent,
    rrule_extreme,
    exdate_mix,
    dtend_before_start,
    out_of_range,
    nest,
    many_events,
    odd_props,
]


def mutate(data: bytes, rng: random.Random) -> bytes:
    for mutation in rng.sample(MUTATIONS, rng.randint(1, 3)):
        data = mutation(data, rng)
    return data


def read(data: bytes, source: str = "fuzz.ics", *, wide: bool = False) -> tuple[str | None, float]:
    """``(problem, CPU seconds)``: problem is None when the reader ended in events or a
    :class:`PlannerError`, else the exception with its traceback. The read window is 2026, or
    2000–2030 when ``wide``."""
    window = WIDE if wide else WINDOW
    began = time.process_time()
    try:
        events_from_ics(
            data,
            source=source,
            tz=ZoneInfo("Europe/Berlin"),
            start=window[0],
            end=window[1],
            warn=lambda message: None,
        )
    except PlannerError:
        pass
    except Exception:  # the point of the fuzz test: anything else is a finding
        return traceback.format_exc(), time.process_time() - began
    return None, time.process_time() - began


def corpus() -> list[Path]:
    return sorted(CORPUS.glob("*.ics"))
