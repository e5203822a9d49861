"""Markdown output: a heading per day with a table of meetings, then the recommendations with
their proposals, the totals and the balance."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from planner.i18n import _
from planner.model import Mode
from planner.render import labels
from planner.render.kinds import entry_label
from planner.render.labels import (
    day_label,
    hours,
    mode_label,
    purpose_label,
    settle_lines,
    unsure,
    week_name,
)
from planner.render.places import shown_place, without_secrets
from planner.render.safe import neutral
from planner.render.table import ACTION_MARK, balance_lines, flagged_items, recommendation_lines
from planner.render.unread import plan_lines

if TYPE_CHECKING:
    from planner.flows.plan import WeeklyPlan


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def week_markdown(plan: WeeklyPlan, invites: Mapping[str, Sequence[Any]] | None = None) -> str:
    tz = plan.start.tzinfo
    iso = plan.start.isocalendar()
    lines = [f"# {week_name(f'{iso[0]}-W{iso[1]:02d}')}", ""]
    heading, entries = plan_lines(plan.unread, tz)  # what the plan lacks, first
    if entries:
        lines += [f"> **{heading}**", ">"] if heading else []
        lines += [*(f"> - {line}" for line in entries), ""]
    for day in plan.days:
        items = plan.on(day)
        lines += [f"## {day_label(day)}", ""]
        if not items:
            lines += [_("No meetings."), ""]
            continue
        lines += [
            f"| {_('Time')} | {_('Meeting')} | {_('Place')} | {_('Kind')} | {_('Purpose')} |",
            "|---|---|---|---|---|",
        ]
        for item in items[: labels.ROWS_PER_DAY]:
            event = item.event
            rec = item.recommendation
            mark = f"{ACTION_MARK[rec.action]} " if rec and ACTION_MARK[rec.action] else ""
            span = labels.span_on(event, day, tz)
            purpose = (
                unsure(purpose_label(item.purpose.purpose), item.purpose.confidence)
                if item.purpose
                else ""
            )
            kind = entry_label(item)
            if item.meeting:
                kind = unsure(kind, item.classification.confidence)
            title, place = without_secrets(event.title), shown_place(event.location)
            if counted := labels.counted_note(item):  # one meeting with another: counted there
                title += f" · _{counted}_"
            lines.append(f"| {span} | {mark}{_cell(title)} | {_cell(place)} | {kind} | {purpose} |")
        if len(items) > labels.ROWS_PER_DAY:
            lines += ["", f"_{labels.more_that_day(len(items) - labels.ROWS_PER_DAY)}_"]
        lines.append("")
    recommendations = recommendation_lines(plan, invites, limit=labels.LISTED)
    if recommendations:
        lines += [f"## {recommendations[0]}", ""]
        flagged = len(flagged_items(plan))
        more = labels.more_flagged(flagged - labels.LISTED) if flagged > labels.LISTED else None
        for line in recommendations[1:]:
            stripped = line.strip()
            if line == more:
                lines.append(f"- _{stripped}_")
            elif line.startswith("    ") and re.match(r"\d+\. ", stripped):
                lines.append(f"   {stripped}")
            elif line.startswith("    "):
                lines.append(f"  {stripped}")
            else:
                lines.append(f"- **{stripped}**")
        lines.append("")
    if settle := settle_lines(plan, limit=labels.LISTED):
        lines += [f"## {settle[0]}", "", "```", *[line.strip() for line in settle[1:]], "```", ""]
    from planner.render.people import keep_lines

    lines += keep_lines(plan.keep_in_touch, plan.start.tzinfo, markdown=True)  # type: ignore[arg-type]
    lines += _totals(plan)
    return neutral("\n".join(lines) + "\n")  # no ESC/BEL from calendar text


def _totals(plan: WeeklyPlan) -> list[str]:
    stats = plan.stats
    lines = [
        f"## {_('Totals')}",
        "",
        f"| {_('Mode')} | {_('Meetings')} | {_('Hours')} |",
        "|---|---:|---:|",
    ]
    for mode in Mode:
        totals = stats.by_mode[mode]
        if totals.meetings:
            lines.append(f"| {mode_label(mode)} | {totals.meetings} | {hours(totals.minutes)} |")
    lines.append(f"| **{_('All')}** | **{stats.meetings}** | **{hours(stats.minutes)}** |")
    lines.append("")
    for line in balance_lines(plan):
        lines.append(f"- {line.strip().lstrip('• ')}" if line.startswith("  ") else line)
    lines.append("")
    return lines
