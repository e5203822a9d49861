"""The terminal table of a week whose calendars hold thousands of events a day (a shared or
resource calendar) shows the first rows of each day, the first flagged meetings and "not sure"
commands, and counts the rest, pointing to --format json (which lists every event); an
ordinary week shows everything (planner/render/table.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from planner import i18n
from planner.model import Action
from planner.render import table
from planner.render.json import week_to_dict

WEEK_START = date(2026, 12, 7)


def _busiest(plan) -> tuple[date, int]:
    counts = {day: len(plan.on(day)) for day in plan.days}
    day = max(counts, key=lambda d: counts[d])
    return day, counts[day]


def test_an_ordinary_week_shows_every_event(plan):
    text = table.week_table(plan, width=160)
    assert "more that day" not in text and "more meeting" not in text
    for item in plan.items:
        assert item.event.title[:12] in text


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_crowded_day_shows_its_first_rows_and_counts_the_rest(plan, monkeypatch, language):
    from planner.render.fit import console

    day, count = _busiest(plan)
    assert count >= 3
    monkeypatch.setattr(table, "ROWS_PER_DAY", 2)
    with i18n.speaking(language):
        text = table.week_table(plan, width=200)
        out = console(False, 200)
        out.print(table._meetings_table(plan, 200))
    rows = out.file.getvalue()
    titles = [item.event.title for item in plan.on(day)]
    assert titles[0][:12] in rows and titles[1][:12] in rows
    assert titles[2][:16] not in rows  # the third of that day is counted, not shown
    more = {"en": f"… and {count - 2} more that day", "de": f"… und {count - 2} weitere"}
    assert more[language] in rows and more[language] in text
    assert "--format json" in rows
    assert len(week_to_dict(plan)["events"]) == len(plan.items)  # the JSON lists them all


def test_flagged_meetings_and_commands_past_the_limit_are_counted(plan, monkeypatch):
    flagged = [
        i for i in plan.items if i.recommendation and i.recommendation.action is not Action.KEEP
    ]
    assert len(flagged) >= 2
    lines = table.recommendation_lines(plan, limit=1)
    assert lines[0] == "Recommendations"
    assert flagged[0].event.title in lines[1]
    assert not any(flagged[1].event.title in line for line in lines)
    left = len(flagged) - 1
    assert lines[-1].startswith(f"… and {left} more meeting")
    assert table.recommendation_lines(plan) == table.recommendation_lines(plan, limit=0)
    assert len(table.recommendation_lines(plan)) > len(lines)


def test_not_sure_commands_past_the_limit_are_counted(plan):
    from planner.model import Confidence
    from planner.render.labels import settle_lines

    meetings = [i for i in plan.items if i.meeting][:4]
    unsure = {
        id(i): replace(i, classification=replace(i.classification, confidence=Confidence.LOW))
        for i in meetings
    }
    doubtful = replace(plan, items=tuple(unsure.get(id(i), i) for i in plan.items))
    every = settle_lines(doubtful)
    assert len(every) >= 5  # the header and a command for each of the four
    capped = settle_lines(doubtful, limit=1)
    assert capped[:2] == every[:2]
    assert capped[-1].strip() == (
        f"… and {len(every) - 2} more (--format json gives every one its command)"
    )
    assert len(capped) == 3


def test_a_week_without_flags_lists_nothing_to_count(plan):
    calm = replace(plan, items=tuple(i for i in plan.items if not i.recommendation))
    assert table.recommendation_lines(calm, limit=1) == []
