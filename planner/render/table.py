"""Terminal output with rich: the week as one table with a section per day, then the
recommendations with their proposals, the balance and the key accounts due for a visit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from planner.i18n import _, day_time
from planner.model import Action, Confidence, Mode
from planner.render import labels
from planner.render.fit import console, hanging
from planner.render.kinds import entry_label
from planner.render.labels import (
    action_label,
    day_label,
    hours,
    mode_label,
    percent,
    proposal_line,
    purpose_label,
    settle_lines,
    short_day,
    span_on,
    trend_text,
    unsure,
    week_name,
)
from planner.render.places import short_place, without_secrets
from planner.render.unread import plan_lines

if TYPE_CHECKING:
    from rich.table import Table

    from planner.flows.plan import PlannedEvent, WeeklyPlan

MODE_STYLE = {
    Mode.IN_PERSON: "bold green",
    Mode.VIRTUAL: "cyan",
    Mode.HYBRID: "magenta",
    Mode.PHONE: "yellow",
    Mode.UNKNOWN: "dim",
    Mode.TRAVEL: "blue",
}
ACTION_MARK = {Action.MEET_IN_PERSON: "⚑", Action.CONSIDER_VIDEO: "↓", Action.KEEP: ""}


def week_table(
    plan: WeeklyPlan, *, color: bool = False, width: int = 120, note: str = "",
    invites: Mapping[str, Sequence[Any]] | None = None,
) -> str:  # fmt: skip
    out = console(color, width)
    iso = plan.start.isocalendar()
    week = week_name(f"{iso[0]}-W{iso[1]:02d}")
    header = f"[bold]{week}[/bold] · {day_label(plan.days[0])} – {day_label(plan.days[-1])}"
    out.print(header)
    if note:
        out.print(f"[dim]{_escape(note)}[/dim]")
    heading, entries = plan_lines(plan.unread, plan.start.tzinfo)  # what the plan lacks
    if heading:
        out.print(hanging(heading, width), style="bold red", markup=False, highlight=False)
    for line in entries:
        out.print(hanging(f"• {line}", width), style="yellow", markup=False, highlight=False)
    out.print(_meetings_table(plan, width))
    for line in recommendation_lines(plan, invites, limit=labels.LISTED):
        out.print(hanging(line, width), highlight=False, markup=False)
    for line in settle_lines(plan, limit=labels.LISTED):
        out.print(hanging(line, width), highlight=False, markup=False)
    out.print(_totals_table(plan))
    for line in balance_lines(plan):
        out.print(hanging(line, width), markup=False)
    from planner.render.people import keep_lines

    for line in keep_lines(plan.keep_in_touch, plan.start.tzinfo):  # type: ignore[arg-type]
        out.print(hanging(line, width), markup=False, highlight=False)
    return out.file.getvalue()  # type: ignore[attr-defined]


def _meetings_table(plan: WeeklyPlan, width: int) -> Table:
    from planner.render.fit import Column, fitted_table

    tz = plan.start.tzinfo
    columns = [
        Column(_("Day")),
        Column(_("Time")),
        Column(_("Meeting"), flex=True, min=18),
        Column(_("Place"), flex=True, min=12, drop=1),
        Column(_("Kind")),
        Column(_("Purpose"), drop=2),
    ]
    rows: list[list[str]] = []
    sections: list[int] = []
    for day in plan.days:
        items = plan.on(day)
        label = short_day(day)
        if not items:
            rows.append([label, "", f"[dim]{_('No meetings.')}[/dim]", "", "", ""])
        for item in items[: labels.ROWS_PER_DAY]:
            event = item.event
            rec = item.recommendation
            mark = (
                f"[bold red]{ACTION_MARK[rec.action]}[/] "
                if rec and ACTION_MARK[rec.action]
                else ""
            )
            style = MODE_STYLE[item.mode] if item.meeting else "dim"
            kind = unsure(entry_label(item), _confidence(item))
            counted = labels.counted_note(item)
            title = _escape(without_secrets(event.title))
            title += f" [dim]· {_escape(counted)}[/dim]" if counted else ""
            rows.append(
                [
                    label,
                    span_on(event, day, tz),
                    mark + title,
                    _escape(short_place(event.location)),
                    f"[{style}]{_escape(kind)}[/]",
                    unsure(purpose_label(item.purpose.purpose), item.purpose.confidence)
                    if item.purpose
                    else "",
                ]
            )
            label = ""
        if len(items) > labels.ROWS_PER_DAY:
            more = labels.more_that_day(len(items) - labels.ROWS_PER_DAY)
            rows.append(["", "", f"[dim]{_escape(more)}[/dim]"])
            rows[-1] += ["", "", ""]
        sections.append(len(rows) - 1)
    return fitted_table(columns, rows, width, sections=sections, expand=False)


def _confidence(item: PlannedEvent) -> Confidence:
    """A meeting's mode as sure as it is; no doubt is shown for what is no meeting."""
    return item.classification.confidence if item.meeting else Confidence.HIGH


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def recommendation_lines(
    plan: WeeklyPlan, invites: Mapping[str, Sequence[Any]] | None = None, limit: int = 0
) -> list[str]:
    """Plain lines: each flagged meeting, its reason, its proposals and the answers to the
    invitations sent for it (the first ``limit`` meetings, the rest counted; 0: all)."""
    tz = plan.start.tzinfo
    lines: list[str] = []
    flagged = flagged_items(plan)
    for number, item in enumerate(flagged):
        rec = item.recommendation
        assert rec is not None
        if limit and number == limit:
            lines.append(labels.more_flagged(len(flagged) - limit))
            break
        if not lines:
            lines.append(_("Recommendations"))
        start = item.event.start.astimezone(tz)
        lines.append(
            f"{ACTION_MARK[rec.action]} {action_label(rec.action)}: {item.event.title} "
            f"({day_time(start)}, {mode_label(item.mode)})"
        )
        lines.append(f"    {rec.reason}")
        for number, proposal in enumerate(item.proposals, start=1):
            lines.append(f"    {proposal.id or number} · {proposal_line(proposal, tz)}")
        if invites and item.event.uid in invites:
            from planner.render.invites import state_line

            lines += [f"    ✉ {state_line(s)}" for s in invites[item.event.uid]]
    return lines + _answers_elsewhere(plan, flagged, invites)


def _answers_elsewhere(
    plan: WeeklyPlan, flagged: Sequence[PlannedEvent], invites: Mapping[str, Sequence[Any]] | None
) -> list[str]:
    """The offers and invitations made for meetings that are not flagged (``planner offer
    --for`` a lunch kept as it is): each meeting once, with their states."""
    if not invites:
        return []
    from planner.render.invites import state_line

    shown = {item.event.uid for item in flagged}
    lines: list[str] = []
    for item in plan.items:
        uid = item.event.uid
        if uid in shown or uid not in invites:
            continue
        shown.add(uid)
        start = item.event.start.astimezone(plan.start.tzinfo)
        lines.append(f"✉ {item.event.title} ({day_time(start)}, {mode_label(item.mode)})")
        lines += [f"    ✉ {state_line(s)}" for s in invites[uid]]
    if lines and not flagged:
        lines.insert(0, _("Recommendations"))
    return lines


def flagged_items(plan: WeeklyPlan) -> list[PlannedEvent]:
    """The meetings of the week whose recommendation is to change something."""
    return [
        item
        for item in plan.items
        if item.recommendation is not None and item.recommendation.action is not Action.KEEP
    ]


def balance_lines(plan: WeeklyPlan) -> list[str]:
    """The in-person share against the target, its trend, and the visits that are due."""
    balance = plan.balance
    share = balance.in_person_share if balance else plan.stats.in_person_share
    lines = [_("In-person share of external meeting time: {share}", share=percent(share))]
    if balance is not None:
        lines[0] += " " + _("(target {target})", target=percent(balance.target))
        if balance.trend:
            lines.append(_("Last weeks: {trend}", trend=trend_text(balance.trend)))
    if plan.due:
        lines.append(_("Due for a visit:"))
        lines += [f"  • {due.reason}" for due in plan.due]
    return lines


def _totals_table(plan: WeeklyPlan) -> Table:
    from rich.table import Table

    stats = plan.stats
    table = Table(title=_("Totals"), title_justify="left")
    table.add_column(_("Mode"))
    table.add_column(_("Meetings"), justify="right")
    table.add_column(_("Hours"), justify="right")
    for mode in Mode:
        totals = stats.by_mode[mode]
        if totals.meetings:
            table.add_row(mode_label(mode), str(totals.meetings), hours(totals.minutes))
    table.add_row(
        f"[bold]{_('All')}[/]", f"[bold]{stats.meetings}[/]", f"[bold]{hours(stats.minutes)}[/]"
    )
    return table
