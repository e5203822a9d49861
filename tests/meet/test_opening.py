# ruff: noqa: E501 (a table of cases reads best one per line)
"""Issue 28: opening hours in words, German and English, from OpenStreetMap's syntax; one day's
hours with a span past midnight kept on the day it begins."""

from __future__ import annotations

from datetime import date

import pytest

from planner import i18n
from planner.meet.opening import describe, on_day

MONDAY, SUNDAY = date(2026, 12, 7), date(2026, 12, 13)

CASES = [
    ("Mo-Su 12:00-01:00", "Mo–So 12–1 Uhr", "Mon–Sun 12:00–01:00"),
    ("Mo-Fr 08:00-19:00; Sa 09:00-19:00; Su,PH off",
     "Mo–Fr 8–19 Uhr; Sa 9–19 Uhr; So, Feiertage geschlossen",
     "Mon–Fri 08:00–19:00; Sat 09:00–19:00; Sun, holidays closed"),
    ("Mo-Fr 08:00-12:00,13:30-18:00", "Mo–Fr 8–12, 13:30–18 Uhr", "Mon–Fri 08:00–12:00, 13:30–18:00"),
    ("Mo,We,Fr 09:00-17:00", "Mo, Mi, Fr 9–17 Uhr", "Mon, Wed, Fri 09:00–17:00"),
    ("24/7", "rund um die Uhr geöffnet", "open around the clock"),
    ("10:00-18:00", "10–18 Uhr", "10:00–18:00"),
    # beyond the common forms: shown as written, not guessed
    ("Jan-Mar Mo-Fr 10:00-16:00", "Jan–Mar Mo–Fr 10:00–16:00", "Jan–Mar Mo–Fr 10:00–16:00"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "german", "english"), CASES)
def test_opening_hours_in_words(text, german, english):
    i18n.set_language("de")
    assert describe(text) == german
    i18n.set_language("en")
    assert describe(text) == english


@pytest.mark.parametrize(
    ("text", "day", "german", "english"),
    [
        ("Mo-Su 12:00-01:00", MONDAY, "12–1 Uhr", "12:00–01:00"),
        ("Mo-Sa 11:00-23:00", SUNDAY, "geschlossen", "closed"),
        ("Mo-Fr 08:00-12:00,13:30-18:00", MONDAY, "8–12, 13:30–18 Uhr", "08:00–12:00, 13:30–18:00"),
        ("24/7", SUNDAY, "rund um die Uhr geöffnet", "open around the clock"),
        ("Su 10:00-24:00", SUNDAY, "10–24 Uhr", "10:00–24:00"),
        ("Fr-Sa 18:00-03:00", date(2026, 12, 12), "18–3 Uhr", "18:00–03:00"),
    ],
)  # fmt: skip
def test_one_days_hours(text, day, german, english):
    i18n.set_language("de")
    assert on_day(text, day) == german
    i18n.set_language("en")
    assert on_day(text, day) == english


def test_invalid_hours_are_none_for_a_day():
    assert on_day("sometimes", MONDAY) is None
    assert describe("") == ""
