"""Dates in words for the reasons of a recommendation, without loading Babel (~30 ms) for the
few patterns and the two languages the planner ships; anything else goes to Babel.
``tests/judge/test_dates.py`` holds every answer against Babel's."""

from __future__ import annotations

from datetime import date

MONTHS = {
    "en": "January February March April May June July August September October November "
    "December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November "
    "Dezember".split(),
}


def format_day(day: date, pattern: str, language: str) -> str:
    """``babel.dates.format_date(day, pattern, locale=language)``."""
    months = MONTHS.get(language)
    if months is not None:
        month = months[day.month - 1]
        if pattern == "MMMM":
            return month
        if pattern == "MMMM y":
            return f"{month} {day.year}"
        if pattern == "medium":
            if language == "de":
                return f"{day.day:02}.{day.month:02}.{day.year}"
            return f"{month[:3]} {day.day}, {day.year}"
    from babel.dates import format_date

    return format_date(day, pattern, locale=language)
