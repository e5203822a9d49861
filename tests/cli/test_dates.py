"""Dates as people type them, English and German, counted from a fixed "now"."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner.cli import dates
from planner.errors import UsageError
from planner.i18n import set_language

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 2, 9, 15, tzinfo=TZ)  # Wednesday of 2026-W49


@pytest.fixture(params=["en", "de"])
def lang(request):
    set_language(request.param)
    yield request.param
    set_language("en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-07", date(2026, 12, 7)),
        ("7.12.2026", date(2026, 12, 7)),
        ("7.12.", date(2026, 12, 7)),
        ("today", date(2026, 12, 2)),
        ("heute", date(2026, 12, 2)),
        ("tomorrow", date(2026, 12, 3)),
        ("morgen", date(2026, 12, 3)),
        ("übermorgen", date(2026, 12, 4)),
        ("next monday", date(2026, 12, 7)),
        ("nächsten Dienstag", date(2026, 12, 8)),
        ("nächster Mittwoch", date(2026, 12, 9)),
        ("in 3 days", date(2026, 12, 5)),
        ("in 2 Tagen", date(2026, 12, 4)),
        ("Friday", date(2026, 12, 4)),
        ("10 December 2026", date(2026, 12, 10)),
        ("10. Dezember 2026", date(2026, 12, 10)),
    ],
)
def test_dates_in_both_languages(lang, text, expected):
    assert dates.parse_date(text, NOW, "--start") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-08T12:30", datetime(2026, 12, 8, 12, 30, tzinfo=TZ)),
        ("7.12.2026 12:30", datetime(2026, 12, 7, 12, 30, tzinfo=TZ)),
        ("tomorrow 12:30", datetime(2026, 12, 3, 12, 30, tzinfo=TZ)),
        ("morgen 12:30", datetime(2026, 12, 3, 12, 30, tzinfo=TZ)),
        ("next tuesday 19:00", datetime(2026, 12, 8, 19, 0, tzinfo=TZ)),
        ("nächsten Dienstag 19 Uhr", datetime(2026, 12, 8, 19, 0, tzinfo=TZ)),
        ("Freitag 14:00", datetime(2026, 12, 4, 14, 0, tzinfo=TZ)),
    ],
)
def test_moments_in_both_languages(lang, text, expected):
    found = dates.parse_datetime(text, NOW, "--at", TZ)
    assert found == expected
    assert found.tzinfo is TZ


def test_an_explicit_offset_is_kept():
    found = dates.parse_datetime("2026-12-08T12:30+00:00", NOW, "--at", TZ)
    assert found.utcoffset().total_seconds() == 0


@pytest.mark.parametrize("text", ["tomorrow", "2026-12-08", "soon-ish"])
def test_a_moment_needs_a_time(text):
    with pytest.raises(UsageError, match="is not a date and time"):
        dates.parse_datetime(text, NOW, "--open-at", TZ)


@pytest.mark.parametrize("text", ["whenever", "32.13.2026", "2026-02-30"])
def test_nonsense_is_refused_with_examples(text):
    with pytest.raises(UsageError, match="write it like 2026-12-07, 7.12.2026"):
        dates.parse_date(text, NOW, "--from")


@pytest.mark.parametrize(
    ("text", "monday"),
    [
        ("next", date(2026, 12, 7)),
        ("nächste", date(2026, 12, 7)),
        ("last", date(2026, 11, 23)),
        ("letzte", date(2026, 11, 23)),
        ("this", date(2026, 11, 30)),
        ("+2", date(2026, 12, 14)),
        ("-1", date(2026, 11, 23)),
        ("W49", date(2026, 11, 30)),
        ("49", date(2026, 11, 30)),
        ("w50", date(2026, 12, 7)),
        ("2026-W49", date(2026, 11, 30)),
        ("W2", date(2027, 1, 11)),  # week 2 is over this year: the next one
        ("2026-12-10", date(2026, 12, 7)),
        ("10.12.2026", date(2026, 12, 7)),
        ("morgen", date(2026, 11, 30)),
        ("next friday", date(2026, 11, 30)),
    ],
)
def test_week_forms(lang, text, monday):
    assert dates.parse_week(text, NOW) == monday


@pytest.mark.parametrize(
    ("now", "monday", "coming"),
    [
        (datetime(2026, 12, 4, 17, 59, tzinfo=TZ), date(2026, 11, 30), False),  # Friday
        (datetime(2026, 12, 4, 18, 0, tzinfo=TZ), date(2026, 12, 7), True),  # Friday evening
        (datetime(2026, 12, 5, 10, 0, tzinfo=TZ), date(2026, 12, 7), True),  # Saturday
        (datetime(2026, 12, 6, 23, 59, tzinfo=TZ), date(2026, 12, 7), True),  # Sunday night
        (datetime(2026, 12, 7, 0, 1, tzinfo=TZ), date(2026, 12, 7), False),  # Monday
    ],
)
def test_weekend_default_is_the_coming_week(now, monday, coming):
    assert dates.default_monday(now) == (monday, coming)


def test_week_header_says_the_weekend_chose_the_coming_week(tmp_path, monkeypatch):
    """On a Sunday, plain `planner week` plans the coming week and says so."""
    from planner.cli import main
    from planner.cli import week as week_module

    ics = tmp_path / "work.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        "UID:a@t\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Berlin:20261208T100000\r\n"
        "DTEND;TZID=Europe/Berlin:20261208T110000\r\nSUMMARY:Kick-off\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    config = tmp_path / "config.toml"
    config.write_text(
        '[user]\nname = "A"\nemail = "a@example.com"\ntimezone = "Europe/Berlin"\n'
        f'[[calendars]]\nname = "work"\nprovider = "ics"\npath = "{ics}"\n',
        encoding="utf-8",
    )
    sunday = datetime(2026, 12, 6, 20, 0, tzinfo=TZ)
    monkeypatch.setattr(week_module, "_now", lambda tz: sunday.astimezone(tz))
    result = CliRunner().invoke(main, ["week", "--config", str(config)])
    assert result.exit_code == 0, result.output
    first, second = result.output.splitlines()[:2]
    assert "2026-W50" in first
    assert second.startswith("the coming week: it is the weekend")
    assert "Kick-off" in result.output
    result = CliRunner().invoke(main, ["week", "--config", str(config), "--week", "this"])
    assert "2026-W49" in result.output.splitlines()[0]
    assert "coming week" not in result.output
