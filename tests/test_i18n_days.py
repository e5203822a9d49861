"""The day names :func:`planner.i18n.short_day` writes without Babel are Babel's (CLDR's), for
every day of five years in every language planner speaks."""

from __future__ import annotations

from datetime import date, timedelta

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
