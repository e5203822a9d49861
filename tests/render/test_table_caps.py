"""The terminal table, the Markdown and the HTML page of a week whose calendars hold thousands
of events a day (a shared or resource calendar) show the first rows of each day, the first
flagged meetings and "not sure" commands, and count the rest, pointing to --format json (which
lists every event); an ordinary week shows everything (planner/render/labels.py: the caps)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from planner import i18n
from planner.model import Action
from planner.render import labels, table
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
    monkeypatch.setattr(labels, "ROWS_PER_DAY", 2)
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


def test_an_ordinary_week_in_markdown_and_html_shows_every_event(plan):
    from planner.render.html import week_html
    from planner.render.markdown import week_markdown

    text, page = week_markdown(plan), week_html(week_to_dict(plan))
    assert "more that day" not in text + page and "more meeting" not in text + page
    timed = [i for i in plan.items if not i.event.all_day]
    assert page.count('class="block ') == len(timed) + sum(len(i.proposals) for i in timed)


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_crowded_day_in_markdown_shows_its_first_rows_and_counts_the_rest(
    plan, monkeypatch, language
):
    from planner.render.markdown import week_markdown

    day, count = _busiest(plan)
    monkeypatch.setattr(labels, "ROWS_PER_DAY", 2)
    monkeypatch.setattr(labels, "LISTED", 1)
    with i18n.speaking(language):
        text = week_markdown(plan)
        heading = table.recommendation_lines(plan)[0]
    section = text.split(f"## {_day_heading(day, language)}")[1].split("\n## ")[0]
    titles = [item.event.title for item in plan.on(day)]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == 3  # the header and two events
    assert titles[0][:12] in rows[1] and titles[1][:12] in rows[2]
    more = {"en": f"… and {count - 2} more that day", "de": f"… und {count - 2} weitere"}
    assert more[language] in section and "--format json" in section
    flagged = {"en": "more meeting", "de": "weitere"}
    recommended = text.split(f"## {heading}\n")[1].split("\n## ")[0]
    assert recommended.count("- **") == 1  # the first flagged meeting, the rest counted
    assert flagged[language] in recommended


def _day_heading(day: date, language: str) -> str:
    from planner.render.labels import day_label

    with i18n.speaking(language):
        return day_label(day)


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_crowded_day_on_the_page_draws_its_first_blocks_and_counts_the_rest(
    plan, monkeypatch, language
):
    from planner.render.html import week_html
    from planner.render.html_view import build_view

    monkeypatch.setattr(labels, "ROWS_PER_DAY", 2)
    monkeypatch.setattr(labels, "LISTED", 1)
    data = week_to_dict(plan)
    view = build_view(data)
    index = max(range(len(view.days)), key=lambda i: len(view.by_day[i]))
    every = view.by_day[index]
    assert len(every) >= 3
    with i18n.speaking(language):
        page = week_html(data)
    column = page.split(f'data-day="{view.days[index].isoformat()}">')[1].split("</div></")[0]
    drawn = [_mark(b) for b in every[:2]]
    left_out = [_mark(b) for b in every[2:] if _mark(b) not in drawn]
    assert left_out and all(mark in column for mark in drawn)
    assert not any(mark in column for mark in left_out)
    more = {"en": f"… and {len(every) - 2} more that day", "de": f"… und {len(every) - 2} weitere"}
    assert page.count(more[language]) >= 3  # the head's tip, the column (screen readers), agenda
    flagged = [
        e
        for e in data["events"]
        if (e.get("recommendation") or {}).get("action") in ("meet_in_person", "consider_video")
    ]
    panel = page.split('id="h-rec"')[1].split("</section>")[0]
    assert panel.count("<li id=") == 1
    assert {"en": f"… and {len(flagged) - 1} more meeting", "de": "weitere"}[language] in panel


def _mark(block) -> str:
    """What marks the block of an event, or of a proposal, on the page."""
    if block.kind == "proposal":
        return f'data-for="{block.item["for"]["uid"]}" data-id="{block.item["id"]}"'
    return f'data-uid="{block.item["uid"]}"'


def _lanes_by_scanning(blocks: list[tuple[float, float]]) -> list[tuple[int, int]]:
    """The lanes as the page laid them out before: each block scans the lanes for the first one
    free at its top, each block's width scans its cluster (time quadratic in a crowded day)."""
    import math

    order = sorted(range(len(blocks)), key=lambda i: (blocks[i][0], -blocks[i][1]))
    lane_of: dict[int, int] = {}
    clusters: list[list[int]] = []
    lane_ends: list[float] = []
    cluster_end = -math.inf
    for index in order:
        top, bottom = blocks[index]
        if top >= cluster_end:
            clusters.append([])
            lane_ends = []
            cluster_end = bottom
        lane = next((i for i, end in enumerate(lane_ends) if end <= top), len(lane_ends))
        lane_ends[lane : lane + 1] = [bottom]
        lane_of[index] = lane
        clusters[-1].append(index)
        cluster_end = max(cluster_end, bottom)
    width = {i: max(lane_of[j] for j in cluster) + 1 for cluster in clusters for i in cluster}
    return [(lane_of[i], width[i]) for i in range(len(blocks))]


def test_lanes_are_those_of_a_scan_on_random_days():
    import random

    from planner.render.html_view import lanes

    rng = random.Random(31)
    for _ in range(500):
        blocks = []
        for _ in range(rng.randint(0, 40)):
            top = rng.choice([rng.randint(0, 47) / 2, rng.random() * 24])
            blocks.append((top, top + rng.choice([0, 0.25, 0.5, 1, 2, 3, rng.random() * 5])))
        assert lanes(blocks) == _lanes_by_scanning(blocks)


def test_thousands_of_overlapping_blocks_get_a_lane_each():
    from planner.render.html_view import lanes

    crowded = [(9 + n / 10_000, 17.0) for n in range(5_000)]  # a room calendar's day
    placed = lanes(crowded)
    assert [lane for lane, _count in placed] == list(range(5_000))
    assert {count for _lane, count in placed} == {5_000}
