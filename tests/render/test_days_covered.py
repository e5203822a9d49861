"""An entry over several days is on every day it takes time on, in the terminal table and the
Markdown (the mail's text part) as in the agenda and the page: a hotel's second night, the
third day of a fair begun before the week, the morning a night train arrives."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner import i18n
from planner.flows.plan import PlannedEvent
from planner.model import Classification, Confidence, Event, Mode
from planner.render import markdown, table

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = date(2026, 12, 7)


def _entry(uid: str, title: str, start: datetime, end: datetime, *, all_day: bool = False):
    event = Event(uid, title, start, end, all_day=all_day)
    found = Classification(Mode.TRAVEL, ("travel",), Confidence.HIGH)
    return PlannedEvent(event, found, False, False, None, None)


def _at(day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=BERLIN)


@pytest.fixture
def week(plan):
    entries = [
        _entry("hotel", "Hotel Bayerischer Hof", _at(9), _at(11), all_day=True),  # Wed, Thu
        _entry("fair", "Messe BAU 2026", _at(6), _at(9), all_day=True),  # Sun to Tue
        _entry("night", "Nightjet NJ 40490 Wien → Hamburg", _at(10, 21, 40), _at(11, 9, 5)),
        _entry("long", "Offsite Kitzbühel", _at(11, 9), _at(13, 17)),  # Fri to Sun, timed
    ]
    return replace(plan, items=tuple(entries))


def _rows(text: str, title: str) -> list[str]:
    return [line for line in text.splitlines() if title in line]


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_day_an_entry_covers_has_its_row(week, language):
    words = {
        "en": ("all day", "day 2 of 2", "day 2 of 3", "day 3 of 3", "until 09:05"),
        "de": ("ganztägig", "Tag 2 von 2", "Tag 2 von 3", "Tag 3 von 3", "bis 09:05"),
    }[language]
    with i18n.speaking(language):
        page = markdown.week_markdown(week)
        terminal = table.week_table(week, width=200)
    for text in (page, terminal):
        hotel, fair = _rows(text, "Hotel Bayerischer Hof"), _rows(text, "Messe BAU 2026")
        assert len(hotel) == 2 and words[0] in hotel[0] and words[1] in hotel[1], hotel
        # begun on the Sunday before the week: Monday and Tuesday show it
        assert len(fair) == 2 and words[2] in fair[0] and words[3] in fair[1], fair
        night = _rows(text, "Nightjet NJ 40490")
        assert len(night) == 2 and "21:40" in night[0] and words[4] in night[1], night
        offsite = _rows(text, "Offsite Kitzbühel")
        assert len(offsite) == 3 and words[0] in offsite[1], offsite  # Saturday: all of it


def test_a_day_lists_what_goes_on_before_what_begins(week):
    thursday = week.on(MONDAY + timedelta(days=3))
    assert [p.event.uid for p in thursday] == ["hotel", "night"]
    friday = week.on(MONDAY + timedelta(days=4))
    assert [p.event.uid for p in friday] == ["night", "long"]
    assert week.on(MONDAY + timedelta(days=2))[0].event.uid == "hotel"  # begins that day
    # an all-day entry ends at the midnight after its last day: not on the day after
    assert "hotel" not in {p.event.uid for p in week.on(MONDAY + timedelta(days=4))}
