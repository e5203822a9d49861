"""``planner classify``'s table of a file of thousands of events lists the first
``TABLE_SHOWN`` and counts the rest (``--format json`` lists every one), in English and
German; a file of an ordinary size is listed whole."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner import i18n
from planner.model import Classification, Confidence, Event, Mode
from planner.render import events

TZ = ZoneInfo("Europe/Berlin")


def _results(count: int) -> list[tuple[Event, Classification]]:
    first = datetime(2026, 12, 7, 8, tzinfo=TZ)
    found = Classification(Mode.VIRTUAL, ("a video link",), Confidence.HIGH)
    return [
        (Event(f"u{n}", f"Abstimmung {n:05d}", first + timedelta(minutes=n),
               first + timedelta(minutes=n + 30)), found)
        for n in range(count)
    ]  # fmt: skip


def test_an_ordinary_file_is_listed_whole():
    text = events.events_table(_results(12), TZ, width=140)
    assert all(f"Abstimmung {n:05d}" in text for n in range(12))
    assert "more event" not in text and "12 events" in text


@pytest.mark.parametrize("language", ["en", "de"])
def test_thousands_of_events_list_the_first_and_count_the_rest(monkeypatch, language):
    monkeypatch.setattr(events, "TABLE_SHOWN", 5)
    with i18n.speaking(language):
        text = events.events_table(_results(8), TZ, width=140)
    assert all(f"Abstimmung {n:05d}" in text for n in range(5))
    assert not any(f"Abstimmung {n:05d}" in text for n in range(5, 8))
    more = {"en": "… and 3 more events", "de": "… und 3 weitere Termine"}[language]
    assert more in text and "--format json" in text
    assert {"en": "8 events", "de": "8 Termine"}[language] in text


def test_the_json_lists_every_event(monkeypatch):
    import json

    monkeypatch.setattr(events, "TABLE_SHOWN", 5)
    assert len(json.loads(events.events_json(_results(8), TZ))["events"]) == 8
