"""Free time: busy time merged across calendars, working hours, and meeting windows by kind.

A meeting kind (breakfast, coffee, lunch, after-work drink, dinner) has a window and a duration
from ``[windows.<kind>]``. A window lies inside working hours unless its
``outside_working_hours`` is true (breakfast, after-work and dinner by default).

Neighbouring meetings are :class:`Anchor` s. Next to an in-person meeting a slot needs travel
time plus ``[travel] buffer_minutes``; next to any other meeting only ``[slots] buffer_minutes``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from planner.ical.wallclock import add
from planner.meet.venues import VenueKind
from planner.model import Busy, Event, Interval, Purpose, Response, Status

if TYPE_CHECKING:
    from planner.config import Config


class MeetingKind(StrEnum):
    BREAKFAST = "breakfast"
    COFFEE = "coffee"
    LUNCH = "lunch"
    AFTER_WORK = "after_work"
    DINNER = "dinner"


# What each purpose prefers, best first.
PURPOSE_KINDS: Mapping[str, tuple[MeetingKind, ...]] = {
    Purpose.FIRST_CONTACT: (MeetingKind.COFFEE, MeetingKind.LUNCH, MeetingKind.BREAKFAST),
    Purpose.DEAL_CLOSING: (MeetingKind.LUNCH, MeetingKind.DINNER, MeetingKind.BREAKFAST),
    Purpose.NETWORKING: (MeetingKind.AFTER_WORK,),
    Purpose.ROUTINE: (MeetingKind.COFFEE, MeetingKind.LUNCH, MeetingKind.BREAKFAST),
    Purpose.INTERNAL: (MeetingKind.COFFEE, MeetingKind.LUNCH),
    Purpose.PERSONAL: (MeetingKind.AFTER_WORK, MeetingKind.DINNER),
    Purpose.OTHER: (MeetingKind.COFFEE, MeetingKind.LUNCH),
    Purpose.VISIT: (MeetingKind.COFFEE, MeetingKind.LUNCH),
}

# Venue kinds per meeting kind: ideal ones first, then acceptable ones.
VENUE_FIT: Mapping[MeetingKind, tuple[tuple[VenueKind, ...], tuple[VenueKind, ...]]] = {
    MeetingKind.BREAKFAST: (
        (VenueKind.CAFE, VenueKind.HOTEL_LOUNGE),
        (VenueKind.STATION_LOUNGE, VenueKind.AIRPORT_LOUNGE, VenueKind.COWORKING),
    ),
    MeetingKind.COFFEE: (
        (VenueKind.CAFE, VenueKind.HOTEL_LOUNGE, VenueKind.NETWORKING),
        (VenueKind.COWORKING, VenueKind.STATION_LOUNGE, VenueKind.AIRPORT_LOUNGE),
    ),
    MeetingKind.LUNCH: ((VenueKind.RESTAURANT,), (VenueKind.HOTEL_LOUNGE,)),
    MeetingKind.AFTER_WORK: (
        (VenueKind.BAR, VenueKind.NETWORKING),
        (VenueKind.HOTEL_LOUNGE, VenueKind.RESTAURANT),
    ),
    MeetingKind.DINNER: ((VenueKind.RESTAURANT,), (VenueKind.HOTEL_LOUNGE,)),
}


def kind_label(kind: MeetingKind | str) -> str:
    """A kind of meeting as people say it, in the current language ("Business lunch")."""
    from planner.i18n import _

    labels = {
        MeetingKind.BREAKFAST: _("Breakfast"),
        MeetingKind.COFFEE: _("Coffee"),
        MeetingKind.LUNCH: _("Business lunch"),
        MeetingKind.AFTER_WORK: _("After-work drink"),
        MeetingKind.DINNER: _("Dinner"),
    }
    return labels.get(kind, str(kind))  # type: ignore[call-overload]


def kinds_for(purpose: Purpose | str | None) -> tuple[MeetingKind, ...]:
    """The meeting kinds that suit ``purpose``, best first (unknown purposes: coffee, lunch)."""
    if purpose is None:
        return PURPOSE_KINDS[Purpose.OTHER]
    key = purpose.value if isinstance(purpose, Purpose) else str(purpose).strip().lower()
    kinds = PURPOSE_KINDS.get(key)
    if kinds is None:
        try:
            kinds = (MeetingKind(key),)
        except ValueError:
            kinds = PURPOSE_KINDS[Purpose.OTHER]
    return kinds


@dataclass(frozen=True, slots=True)
class MeetingWindow:
    """When a kind of meeting may take place each day, and how long it lasts."""

    kind: MeetingKind
    start: time
    end: time
    duration: timedelta
    outside_working_hours: bool

    def misfit(self, length: timedelta) -> float:
        """How far ``length`` is from this kind's usual length, as a ratio either way (0: the
        same; 1: twice or half as long)."""
        ratio = max(length, self.duration) / max(min(length, self.duration), timedelta(minutes=1))
        return math.log2(ratio)

    @property
    def ideal(self) -> time:
        """The best start: a quarter into the slack of the window."""
        span = _minutes(self.end) - _minutes(self.start) - self.duration.total_seconds() / 60
        total = _minutes(self.start) + max(0.0, span) / 4
        return time(int(total // 60), int(total % 60))


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def meeting_windows(config: Config) -> dict[MeetingKind, MeetingWindow]:
    """Every kind's window from ``[windows.<kind>]``."""
    from planner.config.schema import parse_time_range

    windows = {}
    for kind in MeetingKind:
        section = config[f"windows.{kind.value}"]
        start, end = parse_time_range(section["time"]) or (time(9), time(17))
        windows[kind] = MeetingWindow(
            kind,
            start,
            end,
            timedelta(minutes=section["duration"]),
            section["outside_working_hours"],
        )
    return windows


# --- busy time -------------------------------------------------------------------------------


FOCUS_TYPES = frozenset({"focustime"})  # provider event types of focus time (lower case)


def is_focus(event: Event) -> bool:
    """Focus time the user set aside (Google ``eventType: focusTime``)."""
    return any(
        key.lower().endswith("eventtype") and value.lower() in FOCUS_TYPES
        for key, value in event.hints
    )


def blocks(event: Event, tentative_blocks: bool = True, focus_blocks: bool = True) -> bool:
    """Whether ``event`` makes its time busy. Out of office always does, whether or not it is a
    meeting; focus time when ``focus_blocks``; free and working-elsewhere entries never do."""
    if event.status is Status.CANCELLED:
        return False
    status = event.busy_status
    if status is Busy.OUT_OF_OFFICE:
        return True
    if is_focus(event):
        return focus_blocks
    if status in (Busy.FREE, Busy.WORKING_ELSEWHERE) or not event.busy:
        return False
    if event.self_response is Response.DECLINED:
        return False
    tentative = (
        status is Busy.TENTATIVE
        or event.status is Status.TENTATIVE
        or event.self_response is Response.TENTATIVE
    )
    return tentative_blocks or not tentative


def working_places(events: Iterable[Event], tz: ZoneInfo) -> dict[date, str]:
    """Where the user works on each local day, from working-location entries of any provider
    (Google ``workingLocation``, Graph ``showAs: workingElsewhere``, iCalendar
    ``X-MICROSOFT-CDO-BUSYSTATUS:WORKINGELSEWHERE``) that name a place; a later entry wins."""
    days: dict[date, str] = {}
    chosen = (
        e
        for e in events
        if e.busy_status is Busy.WORKING_ELSEWHERE
        and e.location.strip()
        and e.status is not Status.CANCELLED
    )
    for event in sorted(chosen, key=lambda e: (e.start, e.end)):
        day = event.start.astimezone(tz).date()
        last_moment = max(event.start, event.end - timedelta(microseconds=1))
        last = last_moment.astimezone(tz).date()
        while day <= last:
            days[day] = event.location.strip()
            day += timedelta(days=1)
    return days


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, non-overlapping intervals covering the same time (touching ones are joined)."""
    result: list[Interval] = []
    for item in sorted(intervals, key=lambda i: (i.start, i.end)):
        if item.end <= item.start:
            continue
        if result and item.start <= result[-1].end:
            if item.end > result[-1].end:
                result[-1] = Interval(result[-1].start, item.end)
        else:
            result.append(item)
    return result


def busy_intervals(
    events: Iterable[Event], tentative_blocks: bool = True, focus_blocks: bool = True
) -> list[Interval]:
    """Merged busy time of ``events`` across all calendars."""
    return merge(
        Interval(e.start, e.end) for e in events if blocks(e, tentative_blocks, focus_blocks)
    )


def free_parts(span: Interval, busy: Sequence[Interval]) -> list[Interval]:
    """``span`` minus the merged, sorted ``busy`` intervals."""
    import bisect

    parts = []
    cursor = span.start
    index = max(0, bisect.bisect_left([b.end for b in busy], span.start) - 1)
    for block in busy[index:]:
        if block.start >= span.end:
            break
        if block.end <= cursor:
            continue
        if block.start > cursor:
            parts.append(Interval(cursor, block.start))
        cursor = max(cursor, block.end)
    if cursor < span.end:
        parts.append(Interval(cursor, span.end))
    return parts


def day_span(day: date, window: MeetingWindow, config: Config, tz: ZoneInfo) -> Interval | None:
    """The part of ``day`` a kind of meeting may use, or None (a day off, or no overlap)."""
    hours = config.working_hours(day.weekday())
    if hours is None:
        return None
    start, end = window.start, window.end
    if not window.outside_working_hours:
        start, end = max(start, hours[0]), min(end, hours[1])
    if end <= start:
        return None
    return Interval(datetime.combine(day, start, tz), datetime.combine(day, end, tz))


def kind_of(
    meeting: Interval, windows: Mapping[MeetingKind, MeetingWindow], config: Config, tz: ZoneInfo
) -> MeetingKind | None:
    """The kind of meeting ``meeting`` is by its time of day and length (12:30–14:00: a lunch;
    19:00–21:00: a dinner): of the kinds whose window holds its start, the one whose usual
    length is nearest; None when no window holds it."""
    day = meeting.start.astimezone(tz).date()
    length = meeting.end - meeting.start
    fitting = [
        window
        for window in windows.values()
        if (span := day_span(day, window, config, tz)) is not None
        and span.start <= meeting.start < span.end
    ]
    return min(fitting, key=lambda w: w.misfit(length)).kind if fitting else None


def starts(part: Interval, duration: timedelta, step: timedelta) -> Iterator[datetime]:
    """Slot starts inside ``part`` on the ``step`` grid of the hour."""
    first = part.start
    offset = (first.minute * 60 + first.second) % int(step.total_seconds())
    if offset or first.microsecond:
        first = first.replace(microsecond=0) + timedelta(seconds=step.total_seconds() - offset)
    while add(first, duration) <= part.end:  # real time: a slot across a DST change
        yield first
        first = add(first, step)


def counterpart_busy_from(
    providers: Iterable[Any], email: str | Sequence[str], start: datetime, end: datetime
) -> list[Interval] | None:
    """The busy time of one counterpart (or of several together: when any of them is busy),
    merged from every provider that can look it up (``has_free_busy``), one request per
    provider; None when none could tell."""
    from planner.errors import NotSupportedError

    emails = [email] if isinstance(email, str) else list(email)
    found: list[Interval] = []
    known = False
    for provider in providers:
        if not emails or not getattr(provider, "has_free_busy", False):
            continue
        try:
            table = provider.free_busy(emails, start, end)
        except NotSupportedError:
            continue
        known = True
        for address in emails:
            found += table.get(address, table.get(address.lower(), []))
    return merge(found) if known else None


# --- windows of days -------------------------------------------------------------------------


def week_window(week: str, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """``"2026-W50"`` (ISO week) → Monday 00:00 to the next Monday 00:00 in ``tz``.

    Raises :class:`planner.errors.UsageError` for anything else.
    """
    from planner.errors import UsageError
    from planner.i18n import _

    match = re.fullmatch(r"\s*(\d{4})-?W(\d{1,2})\s*", week, re.I)
    try:
        if not match:
            raise ValueError(week)
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        raise UsageError(
            _("--week: '{week}' is no ISO week", week=week), hint=_("write it like 2026-W50")
        ) from None
    start = datetime.combine(monday, time(), tz)
    return start, datetime.combine(monday + timedelta(days=7), time(), tz)


def earliest(now: datetime, notice_hours: int = 0) -> datetime:
    """The first time a proposal may begin: ``notice_hours`` after ``now`` (``[slots]
    notice_hours``: the counterpart needs time to answer and to come; counted in real hours,
    across a change of the clocks too), on the next quarter hour of the local clock (minutes
    added in UTC: a fold is no step back, and +05:45 has its own quarters)."""
    moment = (now.astimezone(UTC) + timedelta(hours=notice_hours)).replace(second=0, microsecond=0)
    local = moment.astimezone(now.tzinfo)
    return (moment + timedelta(minutes=(15 - local.minute % 15) % 15)).astimezone(now.tzinfo)


def ahead_window(
    now: datetime, days: int, tz: ZoneInfo, notice_hours: int = 0
) -> tuple[datetime, datetime]:
    """From :func:`earliest` to the end of the day ``days`` days after ``now`` (``[slots]
    days_ahead`` when the user gives no week)."""
    local = now.astimezone(tz)
    end = datetime.combine(local.date() + timedelta(days=days + 1), time(), tz)
    return earliest(local, notice_hours), end
