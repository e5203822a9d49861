"""Dates and times as people type them, in English and German.

``--week`` takes ``next``, ``last``, ``+N``/``-N``, ``W49``, ``49``, ``2026-W49`` or any date
inside the week; ``--start``, ``--from``, ``--to``, ``--at``/``--open-at`` and ``invite --start``
take ISO (``2026-12-07``, ``2026-12-07T12:30``), ``7.12.2026``, ``today``, ``tomorrow 12:30``,
``next monday``, ``morgen 12:30``, ``nächsten Dienstag``, … ISO and the German numeric form are
read here; everything else goes to :mod:`dateparser`, imported only then (it takes ~0.3 s).
Every relative form counts from ``now`` in the user's zone.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo

from planner.errors import UsageError
from planner.i18n import _, language

_NUMERIC = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?(?:[ T,]+(\d{1,2})[:.](\d{2}))?$")
_ISO_WEEK = re.compile(r"^(?:(\d{4})-?)?W?(\d{1,2})$", re.IGNORECASE)
_SHIFT = re.compile(r"^([+-]\d{1,3})$")
_NEXT = {"next", "nächste", "naechste", "kommende"}
_LAST = {"last", "previous", "prev", "letzte", "vorige", "vorherige"}
_THIS = {"this", "current", "diese", "aktuelle"}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
    "samstag": 5, "sonnabend": 5, "sonntag": 6,
}  # fmt: skip
_NEXT_WEEKDAY = re.compile(
    r"^(?:next|nächste[nmrs]?|naechste[nmrs]?|kommende[nmrs]?|am)\s+(\w+)(?:\s+(?:um\s+|at\s+)?"
    r"(\d{1,2})(?:[:.](\d{2}))?(?:\s*uhr)?)?$",
    re.IGNORECASE,
)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def default_monday(now: datetime) -> tuple[date, bool]:
    """This week's Monday, or next week's from Friday 18:00 on; and whether it is the next
    (the one rule: :func:`planner.flows.plan.planning_monday`)."""
    from planner.flows.plan import planning_monday

    return planning_monday(now)


def parse_week(text: str, now: datetime) -> date:
    """The Monday of the week ``text`` names, counted from ``now``."""
    word = text.strip().lower()
    this_monday = monday_of(now.date())
    if word in _NEXT or word in {"next week", "nächste woche", "naechste woche"}:
        return this_monday + timedelta(days=7)
    if word in _LAST or word in {"last week", "letzte woche", "vorige woche"}:
        return this_monday - timedelta(days=7)
    if word in _THIS or word in {"this week", "diese woche"}:
        return this_monday
    if match := _SHIFT.match(word):
        return this_monday + timedelta(days=7 * int(match.group(1)))
    if match := _ISO_WEEK.match(word):
        year = int(match.group(1)) if match.group(1) else _year_of_week(int(match.group(2)), now)
        try:
            return date.fromisocalendar(year, int(match.group(2)), 1)
        except ValueError:
            raise _week_error(text) from None
    try:
        return monday_of(parse_date(text, now, "--week"))
    except UsageError:
        raise _week_error(text) from None


def _year_of_week(number: int, now: datetime) -> int:
    """``W49`` without a year: that week of this ISO year, or of the next when it is over."""
    year, current, _day = now.date().isocalendar()
    return year + 1 if number < current - 26 else year


def _week_error(text: str) -> UsageError:
    return UsageError(
        _(
            "--week '{week}' is not a week; write next, last, +1, W49, 2026-W49 or a date",
            week=text,
        )
    )


def parse_date(text: str, now: datetime, option: str) -> date:
    """A day: ISO, ``7.12.2026``, ``today``, ``next monday``, ``nächsten Dienstag``, …"""
    moment = _parse(text, now)
    if moment is None:
        raise UsageError(
            _(
                "{option} '{text}' is not a date; write it like 2026-12-07, 7.12.2026, "
                "tomorrow or next monday",
                option=option,
                text=text,
            )
        )
    return moment.date() if isinstance(moment, datetime) else moment


def parse_datetime(text: str, now: datetime, option: str, tz: tzinfo) -> datetime:
    """A moment in ``tz`` (an explicit offset is kept): ISO, ``7.12.2026 12:30``,
    ``tomorrow 12:30``, ``morgen 12:30``, … A day without a time is an error."""
    moment = _parse(text, now)
    if not isinstance(moment, datetime):
        raise UsageError(
            _(
                "{option} '{text}' is not a date and time; write it like 2026-12-07T12:30 "
                "or tomorrow 12:30",
                option=option,
                text=text,
            )
        )
    if moment.tzinfo is None:
        return moment.replace(tzinfo=tz)
    return moment


def _parse(text: str, now: datetime) -> date | datetime | None:
    """A date (no time given) or a naive/aware datetime; None when nothing fits."""
    text = text.strip()
    if not text:
        return None
    for parse in (_iso, _numeric, _weekday):
        found = parse(text, now)
        if found is not None:
            return found
    return _dateparser(text, now)


def _iso(text: str, now: datetime) -> date | datetime | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _numeric(text: str, now: datetime) -> date | datetime | None:
    """``7.12.2026``, ``7.12.``, ``7.12.26 12:30`` (day first, as written in German)."""
    match = _NUMERIC.match(text)
    if not match:
        return None
    day_, month, year, hour, minute = match.groups()
    full_year = now.year if not year else int(year) + (2000 if len(year) == 2 else 0)
    try:
        day = date(full_year, int(month), int(day_))
        if hour is None:
            return day
        return datetime.combine(day, time(int(hour), int(minute)))
    except ValueError:
        return None


def _weekday(text: str, now: datetime) -> date | datetime | None:
    """``next monday`` / ``nächsten Dienstag [12:30]``: the first such day after today
    (dateparser reads "next monday" as the one of next week, which nobody means on a Sunday)."""
    match = _NEXT_WEEKDAY.match(text)
    if not match or match.group(1).lower() not in _WEEKDAYS:
        return None
    today = now.date()
    ahead = (_WEEKDAYS[match.group(1).lower()] - today.weekday() - 1) % 7 + 1
    day = today + timedelta(days=ahead)
    if match.group(2) is None:
        return day
    try:
        return datetime.combine(day, time(int(match.group(2)), int(match.group(3) or 0)))
    except ValueError:
        return None


def _dateparser(text: str, now: datetime) -> date | datetime | None:
    import dateparser

    base = now.replace(tzinfo=None)
    languages = ["de", "en"] if language() == "de" else ["en", "de"]
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": "DMY" if language() == "de" else "YMD",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    found = dateparser.parse(text, languages=languages, settings=settings)  # type: ignore[arg-type]
    if found is None:
        return None
    return found if _has_time(text) else found.date()


def _has_time(text: str) -> bool:
    return bool(re.search(r"\d[:.]\d{2}\b|\d\s*(?:uhr|am|pm|h)\b|\bnoon\b|\bmittag", text, re.I))
