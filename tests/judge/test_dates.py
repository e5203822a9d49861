"""The built-in date words say exactly what Babel says."""

from datetime import date, timedelta

import pytest
from babel.dates import format_date

from planner.judge.dates import format_day


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("pattern", ["medium", "MMMM", "MMMM y"])
def test_every_day_of_a_year_as_babel_says(language, pattern):
    day = date(2027, 1, 1)
    while day.year == 2027:
        assert format_day(day, pattern, language) == format_date(day, pattern, locale=language)
        day += timedelta(days=1)


def test_other_languages_and_patterns_go_to_babel():
    assert format_day(date(2026, 5, 3), "medium", "fr") == format_date(
        date(2026, 5, 3), "medium", locale="fr"
    )
    assert format_day(date(2026, 5, 3), "full", "de") == "Sonntag, 3. Mai 2026"
