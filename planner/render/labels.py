"""Human labels for modes and other enums, and time formatting, in the current language."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from planner.i18n import _, day_span, hh_mm, language, local_span, ngettext, short_day, twice, until
from planner.meet.slots import kind_label
from planner.model import Action, Classification, Confidence, Event, Mode, Purpose, PurposeResult

if TYPE_CHECKING:
    from planner.flows.plan import PlannedEvent, WeeklyPlan
    from planner.meet.proposals import Proposal

UNSURE = "?"  # after a mode or purpose the planner is not sure of
#: What a page or table shows of a week whose calendars hold thousands of events a day (a
#: shared or resource calendar): no one reads them there, and 50,000 rows took half a minute
#: to lay out and print (the terminal), a 34 MB page (HTML). The rest is counted; ``--format
#: json`` lists every event.
ROWS_PER_DAY = 100
LISTED = 50  # flagged meetings and "not sure" commands listed under the week


def more_that_day(count: int) -> str:
    """The line that counts a day's events past :data:`ROWS_PER_DAY`."""
    return ngettext(
        "… and {count} more that day (--format json lists every event)",
        "… and {count} more that day (--format json lists every event)",
        count,
    )


def more_flagged(count: int) -> str:
    """The line that counts the flagged meetings past :data:`LISTED`."""
    return ngettext(
        "… and {count} more meeting flagged (--format json lists every one)",
        "… and {count} more meetings flagged (--format json lists every one)",
        count,
    )


def unsure(label: str, confidence: Confidence) -> str:
    """``label`` with a question mark when the judgement has low confidence."""
    return f"{label} {UNSURE}" if confidence is Confidence.LOW else label


def settle_command(
    event: Event,
    found: Classification,
    purpose: PurposeResult | None = None,
    ref: str | None = None,
) -> str | None:
    """The ``planner mark`` command that settles a judgement of low confidence, or None;
    ``ref``: the event's :func:`~planner.judge.corrections.ref_of` where already known."""
    parts = []
    if found.confidence is Confidence.LOW:
        parts.append("--mode MODE")
    if purpose is not None and purpose.confidence is Confidence.LOW:
        parts.append("--purpose PURPOSE")
    if not parts:
        return None
    if ref is None:
        from planner.judge.corrections import ref_of

        ref = ref_of(event)
    return f"planner mark {ref} {' '.join(parts)}"


def settle_lines(plan: WeeklyPlan, limit: int = 0) -> list[str]:
    """One line per meeting of the week the planner is not sure about, with its command (the
    first ``limit``, the rest counted; 0: all)."""
    lines = []
    for item in plan.items:
        command = settle_command(item.event, item.classification, item.purpose)
        if item.meeting and command:
            day = short_day(item.event.start.astimezone(plan.start.tzinfo).date())
            lines.append(f"  {command}   # {item.event.title} ({day})")
    if limit and len(lines) > limit:
        left = len(lines) - limit
        lines[limit:] = [
            ngettext(
                "  … and {count} more (--format json gives every one its command)",
                "  … and {count} more (--format json gives every one its command)",
                left,
            )
        ]
    if lines:
        lines.insert(0, _("Not sure about these; settle them with:"))
    return lines


def mode_label(mode: Mode) -> str:
    return {
        Mode.IN_PERSON: _("in person"),
        Mode.VIRTUAL: _("virtual"),
        Mode.HYBRID: _("hybrid"),
        Mode.PHONE: _("phone"),
        Mode.UNKNOWN: _("unknown"),
        Mode.TRAVEL: _("travel"),
    }[mode]


def week_name(iso: str) -> str:
    """The heading of ISO week ``iso`` ("2026-W50"): ``Week 2026-W50``, in German ``KW 50/2026``
    (as the trend beside it counts weeks: ``KW47``)."""
    year, _sep, number = iso.partition("-W")
    if not (year.isdigit() and number.isdigit()):
        return _("Week {week}", week=iso)
    return _("Week {year}-W{number}", year=year, number=number)


def day_label(day: date) -> str:
    """``Monday, 7 December 2026`` in the current language."""
    from babel.dates import format_date

    return format_date(day, format="full", locale=language())


def time_span(start: datetime, end: datetime, all_day: bool) -> str:
    """``10:00–11:30``; ``15:00–Fri 11:00`` for a timed event that ends on a later day
    (:func:`planner.i18n.until`); ``02:30 CEST–03:30 CET`` where a time is one the clocks
    repeat (the night they go back: two hours, which the bare times do not say)."""
    if all_day:
        return _("all day")
    return f"{hh_mm(start, twice(start, end))}–{until(start, end)}"  # which 02:30: zoned


def span_on(event: Event, day: date, tz: tzinfo) -> str:
    """The time of ``event`` in the row of ``day``: :func:`time_span` on the day it begins;
    on a later day ``day 2 of 3`` (all-day), ``until 11:00`` or ``all day`` (timed)."""
    start, end = event.start.astimezone(tz), event.end.astimezone(tz)
    if start.date() >= day:
        return time_span(start, end, event.all_day)
    if event.all_day:
        last = max(start, end - timedelta(microseconds=1)).date()
        count = (last - start.date()).days + 1
        return _("day {number} of {count}", number=(day - start.date()).days + 1, count=count)
    if end > datetime.combine(day + timedelta(days=1), time(), tz):
        return _("all day")
    return _("until {time}", time=hh_mm(end, twice(start, end)))


def hours(minutes: int) -> str:
    from babel.numbers import format_decimal

    return format_decimal(round(minutes / 60, 1), format="0.#", locale=language())


def percent(share: float | None) -> str:
    if share is None:
        return "–"
    from babel.numbers import format_percent

    return format_percent(share, locale=language())


def purpose_label(purpose: Purpose | None) -> str:
    if purpose is None:
        return ""
    return {
        Purpose.FIRST_CONTACT: _("first contact"),
        Purpose.DEAL_CLOSING: _("deal closing"),
        Purpose.ROUTINE: _("routine"),
        Purpose.INTERNAL: _("internal"),
        Purpose.PERSONAL: _("personal"),
        Purpose.OTHER: _("other"),
        Purpose.NETWORKING: _("networking"),
        Purpose.VISIT: _("visit"),
    }[purpose]


def action_label(action: Action) -> str:
    return {
        Action.MEET_IN_PERSON: _("meet in person"),
        Action.KEEP: _("keep"),
        Action.CONSIDER_VIDEO: _("consider video"),
    }[action]


def proposal_line(proposal: Proposal, tz: tzinfo) -> str:
    """``Tue 8 Dec 11:15–12:00 · Coffee · Business Club München, Address (7 min travel)``"""
    start, end = proposal.start.astimezone(tz), proposal.end.astimezone(tz)
    venue = proposal.venue
    place = f"{venue.name}, {venue.address}" if venue.address else venue.name
    before = proposal.travel_minutes[0]
    travel = "" if before is None else " (" + _("{minutes} min travel", minutes=before) + ")"
    same = f"{_('same time, in person')} · " if proposal.same_time else ""
    when = day_span(start, end) + local_span(start, end, proposal.zone, tz)
    return f"{when} · {same}{kind_label(proposal.kind.value)} · {place}{travel}"


def trend_text(trend: Sequence[tuple[date, float | None]]) -> str:
    return ", ".join(
        f"{_('W{week}', week=f'{day.isocalendar()[1]:02d}')} {percent(share)}"
        for day, share in trend
    )


def counted_note(item: PlannedEvent) -> str:
    """What the row of an event counted as another says (one meeting, counted once:
    :mod:`planner.flows.once`); "" for any other row."""
    from planner.render.places import short_place
    from planner.sync.standins import COPY, MOVED

    counted = item.counted_as
    if counted is None:
        return moved_note(item.event)
    other = counted.instead
    if counted.why == COPY:
        return _("your copy of '{title}', counted there only", title=other.title)
    if counted.why == MOVED:
        tz = item.event.start.tzinfo  # the zone the row itself is shown in
        when = day_span(other.start.astimezone(tz), other.end.astimezone(tz))
        return _("your changed copy of '{title}'; the meeting is now {when}, counted there only",
                 title=other.title, when=when)  # fmt: skip
    kind = mode_label(counted.mode) if counted.mode is not Mode.UNKNOWN else _("meeting")
    place = short_place(other.location)
    if place:
        return _("same meeting as '{title}' ({kind} at {place}), counted there only",
                 title=other.title, kind=kind, place=place)  # fmt: skip
    return _("same meeting as '{title}' ({kind}), counted there only",
             title=other.title, kind=kind)  # fmt: skip


def moved_note(event: Event) -> str:
    """What the row of a meeting an update moved says while the user's calendar still shows
    the time it replaced (:func:`planner.sync.standins.stood_in`); "" for any other row."""
    from planner.i18n import day_time
    from planner.sync.standins import moved_from

    shows = moved_from(event)
    if shows is None:
        return ""
    tz = event.start.tzinfo  # the zone the row itself is shown in
    return _("moved to {when} with planner invite --update; your calendar still shows {was}: "
             "move it there too", when=day_time(event.start.astimezone(tz)),
             was=day_time(shows[0].astimezone(tz)))  # fmt: skip


def sentences(parts: Sequence[str]) -> str:
    """Reasons written as sentences ("Coffee suits a first meeting", "You are in Hamburg
    that day anyway") read as sentences: "Coffee suits a first meeting. You are in Hamburg
    that day anyway". Joined with "; " the second would keep its capital mid-sentence, and
    lowering it is wrong for a German noun or a venue's name; no letter's case is changed."""
    return ". ".join(p.strip().rstrip(".") for p in parts if p.strip())
