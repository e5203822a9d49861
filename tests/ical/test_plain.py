"""Plain VEVENTs read without icalendar (planner.ical.plain) give exactly what icalendar gives.

Every file is read twice, with the plain path on and off: the events (every field, zones
included), their lines and the warnings must be the same. The files: the real exports
(skipped where absent), the accuracy set, the test data, generated calendars, and a few
hundred generated VEVENTs mutated in the ways real files differ (quoting, RFC 6868, folding
inside UTF-8 sequences, escapes, case, dates, zones, durations, vendor properties, people in
German and French).
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from planner.errors import CalendarReadError
from planner.ical import plain, reader
from tests.ical.conftest import generated_calendar
from tests.locations import ROOT

BERLIN = ZoneInfo("Europe/Berlin")
REAL = ROOT.parent / "shared" / "fixtures" / "real"
WIDE = (datetime(1990, 1, 1, tzinfo=UTC), datetime(2040, 1, 1, tzinfo=UTC))


def read(data: bytes, window=WIDE, *, enabled: bool, emails=frozenset()) -> tuple:
    """Everything a read gives, as comparable text (zones by their repr)."""
    warnings: list[str] = []
    options = reader.Options(BERLIN, "cal", frozenset(emails))
    before = plain.ENABLED
    plain.ENABLED = enabled
    try:
        reading = reader.read(data, "file.ics", window, options, warnings.append)
    except CalendarReadError as exc:  # the same error either way
        return [str(exc)], [], warnings, 0, 0
    finally:
        plain.ENABLED = before
    events = [repr(e) for e in reading.events]
    return events, reading.lines, warnings, reading.left_out, reading.plain


def assert_same(data: bytes, window=WIDE, emails=frozenset({"me@example.org"})) -> int:
    """Both paths agree on ``data``; the number of VEVENTs read the plain way."""
    fast = read(data, window, enabled=True, emails=emails)
    slow = read(data, window, enabled=False, emails=emails)
    assert slow[4] == 0
    assert fast[:4] == slow[:4]
    return fast[4]


def _files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.ics")) if folder.is_dir() else []


REAL_FILES = _files(REAL)
OWN_FILES = _files(ROOT / "benchmarks" / "accuracy") + _files(ROOT / "tests" / "data")


@pytest.mark.skipif(not REAL_FILES, reason=f"real-world fixtures not found in {REAL}")
@pytest.mark.parametrize("path", REAL_FILES, ids=[p.name for p in REAL_FILES])
def test_real_exports_read_the_same(path: Path) -> None:
    assert_same(path.read_bytes())


@pytest.mark.parametrize("path", OWN_FILES, ids=[p.name for p in OWN_FILES])
def test_project_files_read_the_same(path: Path) -> None:
    assert_same(path.read_bytes())


def test_the_accuracy_set_is_mostly_read_the_plain_way() -> None:
    """Not a result, a reason: the plain path must carry real exports, not only our own."""
    data = (ROOT / "benchmarks/accuracy/data/dev/outlook-desktop-london.ics").read_bytes()
    assert assert_same(data) > 20


def test_generated_calendar_reads_the_same() -> None:
    data = generated_calendar(years=1, meetings=600)
    window = (datetime(2026, 11, 23, tzinfo=BERLIN), datetime(2026, 11, 30, tzinfo=BERLIN))
    assert assert_same(data, window) > 5
    assert assert_same(data) > 100


def test_generated_shapes_read_the_same() -> None:
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import gen_shapes
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    monday = date(2026, 11, 23)
    assert assert_same(gen_shapes.busy_week(monday, 300)) == 300
    assert_same(gen_shapes.daily_series(monday, 5))
    assert_same(gen_shapes.huge_event(monday, megabytes=1, attendees=20))


# ---------------------------------------------------------------------------------------------
# Mutated VEVENTs

PEOPLE = [
    ('"Müller, Jürgen"', "j.mueller@beispiel.de"),
    ("Élodie Lefèvre", "elodie@exemple.fr"),
    ("\"Dr. ^'Hans^' ^^ Groß^nBüro\"", "hans@example.de"),
    ('"a:b;c"', "abc@example.com"),
    ("François d'Aubigné", "francois@exemple.fr"),
    ("", "bare@example.com"),
]
ODD_PEOPLE = [  # what icalendar reads in its own way
    (" Leading", "lead@example.com"),
    ("Trailing ", "trail@example.com"),
    ('"x","y"', "two@example.com"),
    ("100%", "percent@example.com"),
    ("back\\slash", "slash@example.com"),
]
ZONES = [
    ";TZID=Europe/Berlin",
    ";TZID=Europe/Paris",
    ';TZID="America/New_York"',
    ";TZID=W. Europe Standard Time",
    ";TZID=Custom Zone",
    ";TZID=Mars/Olympus",
    ";TZID=europe/berlin",
    ";TZID=",
    "",
]
TEXTS = [
    "Projekt-Besprechung",
    "Réunion d'équipe\\, salle 3",
    "Line one\\nLine two\\NLine three",
    "Back\\\\slash and semi\\; colon\\:",
    "Unknown \\x escape",
    "Größenwahn ändern über Öl",
    "Zoom: https://zoom.us/j/123?pwd=a%3Ab",
    "trailing backslash \\",
]


def _name(rng: random.Random, name: str) -> str:
    return name.lower() if rng.random() < 0.1 else name


def _moment(rng: random.Random, day: int, hour: int) -> str:
    kind = rng.random()
    if kind < 0.15:
        return rng.choice([";VALUE=DATE", "", ";value=date"]) + f":202611{day:02d}"
    stamp = f"202611{day:02d}T{hour:02d}{rng.choice(['00', '30'])}00"
    if kind < 0.25:
        return f":{stamp}Z"
    if kind < 0.3:
        return rng.choice(
            [
                f":202611{day:02d}T250000",
                f":2026{day:02d}31",
                f";TZID=Europe/Berlin:202611{day:02d}",
            ]
        )
    if kind < 0.33:
        return f";VALUE=DATE-TIME:{stamp}"
    return rng.choice(ZONES) + ":" + stamp


def _person(rng: random.Random, role: str) -> str:
    name, email = rng.choice(ODD_PEOPLE if rng.random() < 0.05 else PEOPLE)
    params = [f"CN={name}"] if name or rng.random() < 0.5 else []
    params += rng.sample(
        [
            "PARTSTAT=" + rng.choice(["ACCEPTED", "DECLINED", "TENTATIVE", "accepted", "X-ODD"]),
            "ROLE=" + rng.choice(["OPT-PARTICIPANT", "REQ-PARTICIPANT", "NON-PARTICIPANT"]),
            "CUTYPE=" + rng.choice(["ROOM", "INDIVIDUAL", "RESOURCE"]),
            "SCHEDULE-STATUS=3.7",
            "EMAIL=other@example.org",
            "RSVP=TRUE",
            'DELEGATED-FROM="mailto:a@example.org"',
            "X-NUM-GUESTS=0",
        ],
        rng.randint(0, 3),
    )
    if rng.random() < 0.03:
        params.append("PARTSTAT = ACCEPTED")
    head = _name(rng, role) + "".join(f";{p}" for p in params)
    address = rng.choice([f"mailto:{email}", f"MAILTO:{email}", email, f"mailto:{email}\\,x"])
    return f"{head}:{address}"


def _event(rng: random.Random, number: int, uid: str) -> list[str]:
    day = rng.randint(23, 29)
    hour = rng.randint(7, 19)
    lines = ["BEGIN:VEVENT"]
    if rng.random() > 0.03:
        lines.append(f"{_name(rng, 'UID')}:{uid}")
    if rng.random() > 0.03:
        lines.append(f"{_name(rng, 'DTSTART')}{_moment(rng, day, hour)}")
    end = rng.random()
    if end < 0.45:
        lines.append(f"DTEND{_moment(rng, min(day + rng.randint(0, 1), 30), hour + 1)}")
    elif end < 0.85:
        span = rng.choice(["PT30M", "PT1H", "P1D", "-PT1H", "P1W", "PT0S", "P1DT2H", "PT", "1H"])
        lines.append(f"{_name(rng, 'DURATION')}:{span}")
    lines.append("DTSTAMP:20260101T000000Z")
    summary = rng.choice(["", ";LANGUAGE=de", ';ALTREP="cid:a;b:c"'])
    lines.append(f"SUMMARY{summary}:{rng.choice(TEXTS)}")
    common = [
        f"LOCATION:{rng.choice(TEXTS)}",
        f"DESCRIPTION:{rng.choice(TEXTS) * rng.randint(1, 8)}",
        _person(rng, "ORGANIZER"),
        *(_person(rng, "ATTENDEE") for _ in range(rng.randint(0, 4))),
        "STATUS:" + rng.choice(["CONFIRMED", "TENTATIVE", "CANCELLED", "tentative"]),
        "TRANSP:" + rng.choice(["OPAQUE", "TRANSPARENT"]),
        "X-MICROSOFT-CDO-BUSYSTATUS:" + rng.choice(["BUSY", "OOF", "FREE", "TENTATIVE"]),
        "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY",
        "SEQUENCE"
        + rng.choice(["", ";X-TITLE=Rev", ';LABEL="a:b"'])
        + ":"
        + rng.choice(["0", "007", "-1", "+2", "3"] * 5 + ["abc", " 1"]),
        "PRIORITY:5",
        "CLASS:" + rng.choice(["PRIVATE", "PUBLIC", "CONFIDENTIAL"]),
        "URL:" + rng.choice(["https://zoom.us/j/98765", "https://example.org/a\\;b"]),
    ]
    vendor = [
        "CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Beitreten:https://meet.google.com/abc-def",
        "X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij",
        "X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/a\\,b",
        "X-MICROSOFT-ONLINEMEETINGINFORMATION:Teams",
        'X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-TITLE="Büro, 3. OG":geo:52.52,13.40',
        "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC",
        "X-MICROSOFT-LATITUDE:48,137",
        "X-MICROSOFT-LONGITUDE:11.575",
        "CATEGORIES:Arbeit,Réunion",
        "COMMENT:one",
        "COMMENT:two",
        "X-CUSTOM-THING;X-PARAM=1:value\\nwith escape",
        "X-CUSTOM-THING:second",
        "X-PLANNER-SYNC-KEY:abc",
        "X-PLANNER-SYNC-DIGEST:0123456789abcdef",
        "RESOURCES:Beamer",
        'CREATED;X-A="q:r":20250101T000000Z',
        "LAST-MODIFIED:20250101T000000Z",
        "last-modified:20250102T000000Z",
    ]
    rare = [  # each sends the event to icalendar
        "GEO:48.137;11.575",
        "X-PLANNER-SOURCE-INDEX:7",
        "RRULE:FREQ=DAILY;COUNT=3",
        "RECURRENCE-ID:20261124T090000Z",
        "EXDATE:20261125T090000Z",
        "ATTACH:https://example.org/file.pdf",
        "SUMMARY:second summary",
        "DTSTART:20261126T100000Z",
        "UID:" + uid,
        "NAME WITH SPACE:x",
        "NO-COLON-HERE",
        "",
        "X-ODD;%X=1:v",
        "X-ODD;A=\\b:v",
        "X-ODD;A=1;:v",
        "X-ODD;VALUE=TEXT:a\\,b",
        "X-LONG;X-P=" + "p" * 10_050 + ":v",
        "BEGIN:VTODO",
        "END:VTODO",
        "END:VALARM",  # icalendar then rejects the file as a whole
        "X-WR-TIMEZONE:America/New_York",
    ]
    lines += [line for line in common if rng.random() < 0.5]
    lines += [line for line in vendor if rng.random() < 0.15]
    lines += [line for line in rare if rng.random() < 0.01]
    body = lines[1:]
    rng.shuffle(body)
    lines = lines[:1] + body
    if rng.random() < 0.1:
        alarm = ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15M", "END:VALARM"]
        place = rng.randint(1, len(lines))
        lines[place:place] = alarm
    lines.append(rng.choice(["END:VEVENT", "END:VEVENT", "end:vevent"]))
    return lines


def _fold(line: bytes, rng: random.Random) -> bytes:
    """Fold at 75 octets, or anywhere: also inside a UTF-8 sequence, as some writers do."""
    if len(line) <= 75 and rng.random() < 0.9:
        return line
    size = 75 if rng.random() < 0.7 else rng.randint(5, 40)
    parts = [line[i : i + size] for i in range(0, len(line), size)]
    return b"\r\n ".join(parts) if rng.random() < 0.9 else b"\r\n\t".join(parts)


def _calendar(seed: int) -> bytes:
    rng = random.Random(seed)
    header = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//planner tests//plain//EN"]
    if rng.random() < 0.05:
        header.append("X-WR-TIMEZONE:Europe/Berlin")
    header += [
        "BEGIN:VTIMEZONE",
        "TZID:Custom Zone",
        "BEGIN:STANDARD",
        "DTSTART:19701025T030000",
        "TZOFFSETFROM:+0300",
        "TZOFFSETTO:+0300",
        "TZNAME:CZT",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
    lines = list(header)
    uids = [f"uid-{seed}-{n}@example.org" for n in range(8)] + ["shared@example.org"]
    for number in range(rng.randint(3, 8)):
        lines += _event(rng, number, rng.choice(uids) if rng.random() < 0.15 else uids[number])
    lines.append("END:VCALENDAR")
    end = b"\r\n" if rng.random() < 0.7 else b"\n"
    return end.join(_fold(line.encode("utf-8"), rng) for line in lines) + end


@pytest.mark.parametrize("seed", range(0, 400, 8))
def test_mutated_events_read_the_same(seed: int) -> None:
    plain_ones = 0
    for offset in range(8):
        data = _calendar(seed + offset)
        week = (datetime(2026, 11, 23, tzinfo=BERLIN), datetime(2026, 11, 30, tzinfo=BERLIN))
        plain_ones += assert_same(data, week)
        assert_same(data)
    assert plain_ones > 0  # the mutations leave some events plain


# ---------------------------------------------------------------------------------------------
# Which path a VEVENT takes


def test_a_declined_event_goes_through_icalendar(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain event is read without icalendar, a series, an event with GEO and two VEVENTs
    sharing a UID through it; all of them are read."""
    text = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "BEGIN:VEVENT",
            "UID:plain@x",
            "DTSTART;TZID=Europe/Berlin:20261124T090000",
            "DTEND;TZID=Europe/Berlin:20261124T100000",
            "SUMMARY:Jour fixe",
            'ATTENDEE;CN="Müller, Jürgen";PARTSTAT=ACCEPTED:mailto:j@beispiel.de',
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:series@x",
            "DTSTART:20261124T120000Z",
            "RRULE:FREQ=DAILY;COUNT=2",
            "SUMMARY:Standup",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:geo@x",
            "DTSTART:20261125T120000Z",
            "GEO:48.1;11.5",
            "SUMMARY:Vor Ort",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:twice@x",
            "DTSTART:20261126T120000Z",
            "SUMMARY:Erste",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:twice@x",
            "DTSTART:20261127T120000Z",
            "SUMMARY:Zweite",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    parsed: list[str] = []
    original = icalendar.Calendar.from_ical

    def spy(data, *args, **kwargs):
        parsed.append(data if isinstance(data, str) else data.decode())
        return original(data, *args, **kwargs)

    monkeypatch.setattr(icalendar.Calendar, "from_ical", spy)
    events, _lines, warnings, _left, plain_count = read(text.encode(), enabled=True)
    assert plain_count == 1
    assert warnings == []
    titles = {e.split("title=")[1].split(",")[0] for e in events}
    assert {"'Jour fixe'", "'Standup'", "'Vor Ort'"} < titles
    seen = "".join(parsed)
    assert "UID:plain@x" not in seen
    assert all(f"UID:{uid}@x" in seen for uid in ("series", "geo", "twice"))
    assert_same(text.encode())


def test_a_calendar_zone_anywhere_in_a_rejected_file_moves_plain_events_too() -> None:
    """icalendar rejects the file as a whole (a stray END), so each component is parsed alone
    and X-WR-TIMEZONE is looked for on any line: the plain events are then read by icalendar."""
    text = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "BEGIN:VEVENT",
            "UID:plain@x",
            "DTSTART:20261124T090000Z",
            "SUMMARY:Plain",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:broken@x",
            "DTSTART:20261125T090000Z",
            "END:VALARM",
            "X-WR-TIMEZONE:America/New_York",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    ).encode()
    events, _lines, _warnings, _left, plain_count = read(text, enabled=True)
    assert plain_count == 0
    assert any("Plain" in e and "America/New_York" in e for e in events)
    assert_same(text)


def test_a_very_long_event_goes_to_icalendar_and_its_folded_uid_still_counts() -> None:
    """A VEVENT of more physical lines than plain.MAX_LINES (a description of thousands of
    folded lines) is not looked through here but read by icalendar, the same either way; a
    plain event sharing its UID, folded right after "U", is left to icalendar too."""
    body = "".join(f"\r\n {f'Zeile {n}; ' * 6}" for n in range(plain.MAX_LINES + 5))
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
        "BEGIN:VEVENT\r\nU\r\n ID:long@x\r\nDTSTART:20261124T090000Z\r\n"
        f"DESCRIPTION:Protokoll{body}\r\nSUMMARY:Lang\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:long@x\r\n"
        "DTSTART:20261124T100000Z\r\nSUMMARY:Zweites\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:short@x\r\nDTSTART:20261125T090000Z\r\nSUMMARY:Kurz\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    ).encode()
    assert assert_same(text) == 1  # only the short one is read the plain way
    events, *_ = read(text, enabled=True)
    assert any("uid='long@x'" in e for e in events) and any("'Kurz'" in e for e in events)
