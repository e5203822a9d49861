"""Output of ``planner agenda`` / ``planner today``: the next meetings as one compact list,
a heading per day, one line per meeting with mode, place and flags (khal's ``list`` habit)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from planner.i18n import _
from planner.render.labels import day_label, mode_label, time_span
from planner.render.table import ACTION_MARK, MODE_STYLE, console

if TYPE_CHECKING:
    from planner.flows.plan import PlannedEvent


def agenda_json(items: Sequence[PlannedEvent], tz: tzinfo) -> str:
    from planner.render.json import dumps

    return dumps({"agenda": [_item_json(item, tz) for item in items]})


def _item_json(item: PlannedEvent, tz: tzinfo) -> dict[str, Any]:
    event, rec = item.event, item.recommendation
    return {
        "title": event.title,
        "start": event.start.astimezone(tz).isoformat(),
        "end": event.end.astimezone(tz).isoformat(),
        "all_day": event.all_day,
        "location": event.location,
        "mode": item.mode.value,
        "purpose": item.purpose.purpose.value if item.purpose else None,
        "action": rec.action.value if rec else None,
    }


def agenda_text(
    items: Sequence[PlannedEvent],
    tz: tzinfo,
    today: date,
    *,
    color: bool = False,
    width: int = 120,
) -> str:
    """Days with their meetings; every line fits ``width`` (long text is cut with "…")."""
    from rich.markup import escape

    out = console(color, width)
    if not items:
        out.print(_("No meetings."))
        return out.file.getvalue()  # type: ignore[attr-defined]
    shown: date | None = None
    for item in items:
        event = item.event
        start = event.start.astimezone(tz)
        if start.date() != shown:
            shown = start.date()
            out.print(f"[bold]{escape(_heading(shown, today))}[/bold]")
        out.print(_line(item, tz, width), overflow="ellipsis", no_wrap=True, crop=True)
    return out.file.getvalue()  # type: ignore[attr-defined]


def _heading(day: date, today: date) -> str:
    if day == today:
        return _("Today, {day}", day=day_label(day))
    if (day - today).days == 1:
        return _("Tomorrow, {day}", day=day_label(day))
    return day_label(day)


def _line(item: PlannedEvent, tz: tzinfo, width: int) -> str:
    """``  12:00–13:30  in person  ⚑ Lunch with Bob · Spatenhaus, Residenzstraße 12``."""
    from rich.markup import escape

    from planner.model import Mode
    from planner.render.fit import cut

    event, rec = item.event, item.recommendation
    start, end = event.start.astimezone(tz), event.end.astimezone(tz)
    mark = ACTION_MARK[rec.action] if rec else ""
    mode_width = max(len(mode_label(m)) for m in Mode)
    mode = mode_label(item.mode)
    head = f"  {time_span(start, end, event.all_day):<11}  "
    text = (mark + " " if mark else "") + event.title
    if event.location:
        text += " · " + event.location
    room = width - len(head) - mode_width - 2
    styled_mode = f"[{MODE_STYLE[item.mode]}]{escape(mode)}[/]" + " " * (mode_width - len(mode))
    return head + styled_mode + "  " + escape(cut(text, room))


def upcoming(items: Sequence[PlannedEvent], now: datetime, until: datetime) -> list[PlannedEvent]:
    """The meetings not yet over at ``now`` that start before ``until``, in order."""
    found = [
        item for item in items if item.meeting and item.event.end > now and item.event.start < until
    ]
    return sorted(found, key=lambda item: (item.event.start, item.event.end, item.event.title))
