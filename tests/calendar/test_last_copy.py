"""The last good copy of a remote calendar (planner.calendar.sources, .health) stands in for it
when it cannot be read, even though most windows move with "now" (the look-back before now,
"from now on"): a remote source is read over whole days of the user's zone, so a later run on
the same day finds its window covered; a copy that covers only part of a later window is used
for that part and the warning says which days it holds.

A real ICS URL provider against a local HTTP server, a real state database."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from planner.calendar.sources import context_for, open_providers, read_events, whole_days
from planner.config import Config, SourceConfig, from_mapping
from planner.errors import CalendarReadError
from planner.i18n import speaking
from planner.store import Store
from tests.calendar.ics_server import IcsServer

BERLIN = ZoneInfo("Europe/Berlin")


def _vevent(uid: str, start: str, title: str) -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\n"
        f"DTSTART:{start}\r\nDURATION:PT1H\r\nSUMMARY:{title}\r\nEND:VEVENT\r\n"
    )


ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
    + _vevent("early@t", "20261208T060000Z", "Early breakfast")  # 07:00 in Berlin
    + _vevent("lunch@t", "20261208T110000Z", "Lunch Nordlicht")  # 12:00
    + _vevent("next@t", "20261209T150000Z", "Next day review")  # Wed 16:00
    + "END:VCALENDAR\r\n"
)


@pytest.fixture
def server() -> Iterator[IcsServer]:
    s = IcsServer(ICS)
    yield s
    s.close()


def _config(url: str, zone: str = "Europe/Berlin") -> Config:
    data = {"user": {"email": "me@planner.test", "timezone": zone}}
    source = SourceConfig("team", "ics", {"url": url, "timeout": 5})
    return replace(from_mapping(data, "<test>"), calendars=(source,))


def _read(config: Config, store: Store, start: datetime, end: datetime) -> tuple[list, list]:
    warnings: list[str] = []
    context = context_for(config, store)
    context.warn = warnings.append
    providers = open_providers(config, context)
    try:
        return read_events(providers, start, end), warnings
    finally:
        for provider in providers:
            provider.close()


def _titles(events: list) -> list[str]:
    return [e.title for e in events]


def test_a_window_that_moved_with_now_on_the_same_day_is_covered(server, tmp_path: Path):
    """The first run reads "from now on" at 09:15, the second at 14:40 while the server is
    down: the copy made in the morning holds the afternoon's window entirely."""
    config, store = _config(server.url), Store(tmp_path / "state.sqlite3")
    morning = datetime(2026, 12, 8, 9, 15, 27, 123456, tzinfo=BERLIN)
    first, warnings = _read(config, store, morning, morning + timedelta(days=1))
    assert _titles(first) == ["Lunch Nordlicht"]  # breakfast lies before the window asked for
    assert warnings == []

    server.failing = True
    afternoon = morning.replace(hour=11, minute=40, second=3)
    second, warnings = _read(config, store, afternoon, afternoon + timedelta(days=1))
    assert _titles(second) == ["Lunch Nordlicht"]
    assert len(warnings) == 1
    assert "using the copy from" in warnings[0] and "only" not in warnings[0]


def test_a_copy_that_holds_part_of_a_later_window_is_used_for_that_part(server, tmp_path: Path):
    """A copy made yesterday evening for a window ending at tomorrow's midnight: today's
    window reaches a day further, so the copy stands in for the days it holds and says so."""
    config, store = _config(server.url), Store(tmp_path / "state.sqlite3")
    evening = datetime(2026, 12, 7, 21, 5, tzinfo=BERLIN)
    _read(config, store, evening - timedelta(days=30), evening + timedelta(days=1))

    server.failing = True
    today = evening + timedelta(hours=12)
    events, warnings = _read(config, store, today - timedelta(days=30), today + timedelta(days=1))
    assert _titles(events) == ["Early breakfast", "Lunch Nordlicht"]  # Wed is not in the copy
    assert len(warnings) == 1
    assert "(it holds Sun 8 Nov 2026 to Tue 8 Dec 2026 only)" in warnings[0]

    with speaking("de"):
        _events, german = _read(config, store, today, today + timedelta(days=1))
    assert "Di. 8. Dez. 2026" in german[0] and "only" not in german[0]


def test_a_copy_of_other_days_is_no_copy(server, tmp_path: Path):
    config, store = _config(server.url), Store(tmp_path / "state.sqlite3")
    day = datetime(2026, 12, 8, 10, tzinfo=BERLIN)
    _read(config, store, day, day + timedelta(hours=1))
    server.failing = True
    with pytest.raises(CalendarReadError, match="503"):
        _read(config, store, day + timedelta(days=3), day + timedelta(days=4))


@pytest.mark.parametrize(
    ("zone", "start", "end", "first", "last"),
    [
        # the night the clocks go back: a day of 25 hours is one day
        (
            "Europe/Berlin",
            (2026, 10, 25, 2, 30),
            (2026, 10, 25, 23),
            (2026, 10, 25),
            (2026, 10, 26),
        ),
        # the night they go forward, in another hemisphere's zone
        ("America/New_York", (2026, 3, 8, 3, 1), (2026, 3, 9, 0, 0), (2026, 3, 8), (2026, 3, 9)),
        # half-hour offsets; a window ending exactly at midnight keeps its end
        ("Asia/Kolkata", (2026, 12, 8, 0, 0), (2026, 12, 9, 0, 0), (2026, 12, 8), (2026, 12, 9)),
        (
            "Asia/Kolkata",
            (2026, 12, 8, 0, 0),
            (2026, 12, 9, 0, 0, 1),
            (2026, 12, 8),
            (2026, 12, 10),
        ),
    ],
)
def test_whole_days_are_the_user_zone_s_midnights(zone, start, end, first, last):
    tz = ZoneInfo(zone)
    lo, hi = whole_days(datetime(*start, tzinfo=tz), datetime(*end, tzinfo=tz), tz)
    assert lo == datetime(*first, tzinfo=tz) and hi == datetime(*last, tzinfo=tz)
    # the same instants given in UTC widen to the same days
    assert whole_days(
        datetime(*start, tzinfo=tz).astimezone(UTC), datetime(*end, tzinfo=tz).astimezone(UTC), tz
    ) == (lo, hi)


def test_a_copy_another_version_wrote_is_named_for_what_it_is(server, tmp_path, monkeypatch):
    """An upgrade while offline: the copy is there, in a layout of the event index the new
    version does not read. The warning says so (and how old it is), not "no earlier copy"."""
    from planner.ical import payload

    config, store = _config(server.url), Store(tmp_path / "state.sqlite3")
    day = datetime(2026, 12, 8, 10, tzinfo=BERLIN)
    _read(config, store, day, day + timedelta(days=1))  # the copy, in this version's layout

    server.failing = True
    monkeypatch.setattr(payload, "FORMAT", payload.FORMAT + 1)  # the next version's reader
    with pytest.raises(CalendarReadError, match="503"):  # the only calendar: nothing to show
        _read(config, store, day, day + timedelta(days=1))

    other = SourceConfig("local", "ics", {"path": str(tmp_path / "local.ics")})
    (tmp_path / "local.ics").write_text(ICS, encoding="utf-8")
    both = replace(config, calendars=(*config.calendars, other))
    for language, expected in (
        ("en", "saved by another version of planner"),
        ("de", "von einer anderen Version von planner gespeichert"),
    ):
        with speaking(language):
            events, warnings = _read(both, store, day, day + timedelta(days=1))
        assert _titles(events) == ["Lunch Nordlicht"]  # the local calendar's
        assert len(warnings) == 1, warnings
        assert "team" in warnings[0] and expected in warnings[0], warnings[0]
        assert "no earlier copy" not in warnings[0] and "keine frühere Kopie" not in warnings[0]
