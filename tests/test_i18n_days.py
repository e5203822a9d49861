"""The day names :func:`planner.i18n.short_day` writes without Babel are Babel's (CLDR's), for
every day of five years in every language planner speaks."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date

from planner import i18n


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_a_day_is_named_as_babel_names_it(language):
    first = date(2024, 1, 1)
    days = [first + timedelta(days=n) for n in range(5 * 366)]
    pattern = i18n.DAY_PATTERNS[language]
    with i18n.speaking(language):
        ours = [i18n.short_day(day) for day in days]
        long = i18n.long_day(days[59])
    assert ours == [format_date(day, format=pattern, locale=language) for day in days]
    assert long == f"{format_date(days[59], format=pattern, locale=language)} 2024"


def test_every_language_has_its_pattern_and_names():
    assert set(i18n.DAY_PATTERNS) == set(i18n.LANGUAGES) == set(i18n._DAY_NAMES)


def test_a_language_without_names_here_is_formatted_by_babel(monkeypatch):
    monkeypatch.setattr(i18n, "_DAY_NAMES", {})
    assert i18n.short_day(date(2026, 12, 8)) == "Tue 8 Dec"


@pytest.mark.parametrize(
    ("language", "moment", "span"),
    [
        ("en", "Tue 8 Dec 09:05", "Tue 8 Dec 09:05–10:30"),
        ("de", "Di. 8. Dez. 09:05", "Di. 8. Dez. 09:05–10:30"),
    ],
)
def test_a_moment_and_a_span_are_named_in_the_zone_they_are_given_in(language, moment, span):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    start = datetime(2026, 12, 8, 9, 5, tzinfo=ZoneInfo("Asia/Kolkata"))
    with i18n.speaking(language):
        assert i18n.day_time(start) == moment
        assert i18n.day_span(start, start.replace(hour=10, minute=30)) == span
        assert i18n.day_time(start.astimezone(ZoneInfo("UTC"))).endswith(" 03:35")


def test_a_timed_event_over_days_does_not_read_backwards():
    from planner.i18n import speaking
    from planner.render.labels import time_span

    tz = ZoneInfo("Europe/Berlin")
    check_in = datetime(2026, 12, 14, 15, tzinfo=tz)
    check_out = datetime(2026, 12, 18, 11, tzinfo=tz)
    late = check_in.replace(hour=22)
    with speaking("en"):
        assert time_span(check_in, check_in.replace(hour=17), False) == "15:00–17:00"
        assert time_span(check_in, check_out, False) == "15:00–Fri 11:00"
        assert time_span(late, datetime(2026, 12, 15, tzinfo=tz), False) == "22:00–00:00"
        assert time_span(late, datetime(2026, 12, 15, 1, tzinfo=tz), False) == "22:00–Tue 01:00"
        long = datetime(2026, 12, 28, 9, tzinfo=tz)
        assert time_span(check_in, long, False) == "15:00–Mon 28 Dec 09:00"
    with speaking("de"):
        assert time_span(check_in, check_out, False) == "15:00–Fr. 11:00"


def test_a_span_into_a_later_day_names_where_it_ends():
    """What every line naming a day and times shows (proposals, counters, offers, sync's dry
    run): a mirrored three-day fair is not "Mon 14 Dec 09:00–17:00"."""
    from types import SimpleNamespace

    from planner.i18n import day_span, speaking
    from planner.model import Event
    from planner.render.sync import _when

    tz = ZoneInfo("Europe/Berlin")
    start = datetime(2026, 12, 14, 9, tzinfo=tz)
    fair = Event("fair@t", "Messe", start, datetime(2026, 12, 16, 17, tzinfo=tz))
    with speaking("en"):
        assert day_span(start, start.replace(hour=10)) == "Mon 14 Dec 09:00–10:00"
        assert day_span(start.replace(hour=22), datetime(2026, 12, 15, tzinfo=tz)).endswith(
            "22:00–00:00"
        )
        assert _when(SimpleNamespace(event=fair), tz) == "Mon 14 Dec 09:00–Wed 17:00"
        # the same instants shown in New York: the day it ends there
        new_york = ZoneInfo("America/New_York")
        assert _when(SimpleNamespace(event=fair), new_york) == "Mon 14 Dec 03:00–Wed 11:00"
    with speaking("de"):
        assert _when(SimpleNamespace(event=fair), tz) == "Mo. 14. Dez. 09:00–Mi. 17:00"
