"""The one wording of a time or days someone proposed instead (a COUNTER), for every view that
says it: ``planner invites`` (its label and next step), the weekly plan's lines and its
keep-in-touch section, ``planner people`` and ``planner trips`` (their next chance).

Days are days (``Wed 16 Dec, all day``), never a midnight in the user's zone; a time is the
user's (``Thu 17 Dec 17:00–17:45``) with the meeting's own beside it where that is another
zone (`` (11:00–11:45 America/New_York)``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from planner.i18n import _, day_span, hh_mm, short_day, twice, until


def days_words(first: date, last: date) -> str:
    """``Thu 10 Dec, all day``; ``Thu 10 Dec – Fri 11 Dec, all day`` for several days."""
    if first == last:
        return _("{day}, all day", day=short_day(first))
    return _("{first} – {last}, all day", first=short_day(first), last=short_day(last))


def proposed_when(
    start: datetime, end: datetime, tz: Any, *, whole_days: bool, zone: str = ""
) -> str:
    """What was proposed from ``start`` to ``end``: its days where ``whole_days`` (as they
    were named: midnights in the meeting's zone), else the span in the user's zone ``tz``
    with the meeting's own ``zone`` beside it (:func:`there`)."""
    if whole_days:
        from planner.invite.answers import proposed_days

        return days_words(*proposed_days((start, end)))
    local, local_end = start.astimezone(tz), end.astimezone(tz)
    return day_span(local, local_end) + there(local, local_end, zone)


def there(start: datetime, end: datetime | None, zone: str) -> str:
    """The meeting's own time in its own ``zone`` beside the user's: `` (09:30–10:30
    America/New_York)``, with its day where that differs; "" without a zone."""
    if not zone:
        return ""
    from zoneinfo import ZoneInfo

    first = start.astimezone(ZoneInfo(zone))
    day = "" if first.date() == start.date() else f"{short_day(first.date())} "
    last = None if end is None else end.astimezone(first.tzinfo)
    span = (
        hh_mm(first, twice(first))
        if last is None
        else f"{hh_mm(first, twice(first, last))}–{until(first, last)}"
    )
    return f" ({day}{span} {zone})"
