"""Output of ``planner agenda`` / ``planner today``: the whole day, every entry with its kind.

A heading per day and one line per entry (khal's ``list`` habit): meetings with their mode and
flags, and everything else that shapes the day, each with its kind: the 06:58 train, the hotel,
the dentist, focus time, out of office, the three-day fair. An entry over several days is shown
on each of them ("from 15:00", "until 11:00", "day 2 of 3"). Cancelled and declined entries are
left out; ``meetings_only`` keeps the meetings alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from planner.i18n import _, hh_mm, twice
from planner.render.kinds import TRAVEL, entry_kind, entry_label, in_day
from planner.render.labels import day_label, span_on
from planner.render.places import short_place, without_secrets
from planner.render.table import ACTION_MARK, MODE_STYLE, console

if TYPE_CHECKING:
    from planner.flows.plan import PlannedEvent, WeeklyPlan

SPAN_WIDTH = 11  # "09:00–09:45", "until 11:00", "day 2 of 3"


@dataclass(frozen=True, slots=True)
class DayEntry:
    """``item`` as it falls on ``day``: the ``part`` of its days (1-based) of ``days``."""

    day: date
    item: PlannedEvent
    part: int = 1
    days: int = 1


def day_items(
    plan_week: Callable[[date], WeeklyPlan], first: date, last: date
) -> list[PlannedEvent]:
    """The planned events of the weeks from ``first`` to the day before ``last``, each once
    (an entry over two weeks is in both plans); ``plan_week`` plans the week of a Monday."""
    found: dict[tuple[str, str], PlannedEvent] = {}
    monday = first - timedelta(days=first.weekday())
    while monday < last:
        for item in plan_week(monday).items:
            found.setdefault(item.event.key, item)
        monday += timedelta(days=7)
    return list(found.values())


def day_entries(
    items: Iterable[PlannedEvent],
    first: date,
    last: date,
    tz: tzinfo,
    *,
    meetings_only: bool = False,
) -> list[DayEntry]:
    """Each item on each day from ``first`` to ``last`` (exclusive) it covers, in order: per
    day the all-day and continuing entries first, then by start."""
    found: dict[tuple[date, tuple[str, str]], DayEntry] = {}
    for item in items:
        if not in_day(item) or (meetings_only and not item.meeting):
            continue
        covered = _days_of(item, tz)
        for number, day in enumerate(covered, start=1):
            if first <= day < last:
                found.setdefault((day, item.event.key), DayEntry(day, item, number, len(covered)))
    return sorted(found.values(), key=lambda e: _order(e, tz))


def _days_of(item: PlannedEvent, tz: tzinfo) -> list[date]:
    """The local days ``item`` takes time on (an end at midnight ends the day before)."""
    start, end = item.event.start.astimezone(tz), item.event.end.astimezone(tz)
    last = max(start, end - timedelta(microseconds=1)).date() if end > start else start.date()
    return [start.date() + timedelta(days=i) for i in range((last - start.date()).days + 1)]


def _order(entry: DayEntry, tz: tzinfo) -> tuple[Any, ...]:
    event = entry.item.event
    whole = event.all_day or entry.part > 1
    return (entry.day, not whole, event.start, event.end, event.title)


def span_text(entry: DayEntry, tz: tzinfo) -> str:
    """``09:00–09:45``, ``all day``, ``day 2 of 3`` (of an all-day entry), ``from 15:00``,
    ``until 11:00``."""
    event = entry.item.event
    if entry.part > 1:  # a later day of it: as every view of the week says it
        return span_on(event, entry.day, tz)
    if event.all_day:
        if entry.days > 1:
            return _("day {number} of {count}", number=entry.part, count=entry.days)
        return _("all day")
    start, end = event.start.astimezone(tz), event.end.astimezone(tz)
    zoned = twice(start, end)
    if end > datetime.combine(entry.day + timedelta(days=1), time(), tz):
        return _("from {time}", time=hh_mm(start, zoned))
    return f"{hh_mm(start, zoned)}–{hh_mm(end, zoned)}"


def agenda_json(entries: Sequence[DayEntry], tz: tzinfo) -> str:
    from planner.render.json import dumps

    return dumps({"agenda": [_entry_json(entry, tz) for entry in entries]})


def _entry_json(entry: DayEntry, tz: tzinfo) -> dict[str, Any]:
    item = entry.item
    event, rec = item.event, item.recommendation
    return {
        "day": entry.day.isoformat(),
        "title": event.title,
        "start": event.start.astimezone(tz).isoformat(),
        "end": event.end.astimezone(tz).isoformat(),
        "all_day": event.all_day,
        "kind": entry_kind(item).value,
        "meeting": item.meeting,
        "location": event.location,
        "place": short_place(event.location),
        "mode": item.mode.value,
        "purpose": item.purpose.purpose.value if item.purpose else None,
        "action": rec.action.value if rec else None,
        "day_of": [entry.part, entry.days] if entry.days > 1 else None,
    }


def agenda_text(
    entries: Sequence[DayEntry],
    tz: tzinfo,
    today: date,
    *,
    now: datetime | None = None,
    color: bool = False,
    width: int = 120,
    meetings_only: bool = False,
) -> str:
    """Days with their entries; every line fits ``width`` (long text is cut with "…")."""
    from rich.markup import escape

    out = console(color, width)
    if not entries:
        out.print(_("No meetings.") if meetings_only else _("Nothing in the calendar."))
        return out.file.getvalue()  # type: ignore[attr-defined]
    kind_width = max(len(entry_label(e.item)) for e in entries)
    span_width = max(SPAN_WIDTH, *(len(span_text(e, tz)) for e in entries))
    shown: date | None = None
    for entry in entries:
        if entry.day != shown:
            shown = entry.day
            out.print(f"[bold]{escape(_heading(shown, today))}[/bold]")
        line = _line(entry, tz, width, (span_width, kind_width))
        if now is not None and entry.item.event.end <= now:
            line = f"[dim]{line}[/dim]"  # over already: still part of the day
        out.print(line, overflow="ellipsis", no_wrap=True, crop=True)
    return out.file.getvalue()  # type: ignore[attr-defined]


def _heading(day: date, today: date) -> str:
    if day == today:
        return _("Today, {day}", day=day_label(day))
    if (day - today).days == 1:
        return _("Tomorrow, {day}", day=day_label(day))
    return day_label(day)


def _line(entry: DayEntry, tz: tzinfo, width: int, widths: tuple[int, int]) -> str:
    """``  12:00–13:30  in person  ⚑ Lunch with Bob · Spatenhaus``."""
    from rich.markup import escape

    from planner.render.fit import cut

    item = entry.item
    event, rec = item.event, item.recommendation
    mark = ACTION_MARK[rec.action] if rec else ""
    label = entry_label(item)
    span_width, kind_width = widths
    head = f"  {span_text(entry, tz):<{span_width}}  "
    text = (mark + " " if mark else "") + without_secrets(event.title)
    place = short_place(event.location)
    if place:
        text += " · " + place
    room = width - len(head) - kind_width - 2
    style = MODE_STYLE[item.mode] if item.meeting or entry_kind(item) in TRAVEL else "dim"
    styled = f"[{style}]{escape(label)}[/]" + " " * (kind_width - len(label))
    return head + styled + "  " + escape(cut(text, room))
