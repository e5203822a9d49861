"""Bounded recurrence expansion (a helper of :mod:`planner.ical.reader`).

Expanding an RRULE costs one step per period from DTSTART to the end of the read window, times
the candidates each period holds (``BYHOUR``, ``BYMINUTE``, ``BYSECOND``, days of ``BYDAY``…),
whether or not any of them matches: ``FREQ=SECONDLY`` from 1970, or ``BYSETPOS`` over every
minute of a year, never ends in practice. :func:`screen` estimates that cost before expansion
and names the rule that is too expensive; such a series is read as its first occurrence only.

A series keeps at most ``max_occurrences`` occurrences in the read window (configurable:
``max_occurrences`` of an ``ics`` calendar), the earliest, with a warning naming the event.
Before expansion, :func:`bound` ends every RRULE of the event (there may be several) just after
the occurrences that can be kept, so that a minutely rule costs what is kept, not what it could
produce; after expansion, :func:`cap` cuts the series (rules, RDATEs and overrides together).
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING, Protocol

from planner.i18n import _, ngettext

if TYPE_CHECKING:  # its limits are read where icalendar is not needed (plain VEVENTs)
    import icalendar

MAX_RULE_STEPS = 200_000  # candidate date-times one RRULE may cost to expand
MAX_FILE_STEPS = 2_000_000  # the same for all rules of one file together
MAX_OCCURRENCES = 2_000  # default of an ics calendar's max_occurrences
CAPPED = "X-PLANNER-CAPPED"  # on a series already warned about by bound()


class Occurrence(Protocol):
    """What :func:`cap` reads of an occurrence (:class:`planner.ical.occurrences.Instance`)."""

    start: date
    uid: str
    capped: bool


_SECONDS = {
    "SECONDLY": 1,
    "MINUTELY": 60,
    "HOURLY": 3600,
    "DAILY": 86400,
    "WEEKLY": 7 * 86400,
    "MONTHLY": 31 * 86400,
    "YEARLY": 366 * 86400,
}
_DAYS_PER_PERIOD = {"WEEKLY": 7, "MONTHLY": 31, "YEARLY": 366}
_DAY_PARTS = ("BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH")


class Budget:
    """The expansion cost left for one file."""

    def __init__(self, steps: int = MAX_FILE_STEPS) -> None:
        self.steps = steps

    def screen(self, component: icalendar.Event, end: datetime) -> str:
        """Why the RRULEs of ``component`` must not be expanded up to ``end``, or ``""``."""
        total = 0.0
        for rule in _rules(component):
            problem, cost = _rule_cost(rule, as_utc(component["DTSTART"].dt), end)
            if problem:
                return problem
            total += cost
        if total > MAX_RULE_STEPS:
            return _("its recurrence rule would take {steps} steps", steps=_round(total))
        if total > self.steps:
            return _("the file's recurrence rules together are too many to expand")
        self.steps -= int(total)
        return ""


def bound(component: icalendar.Event, start: datetime, end: datetime, limit: int) -> bool:
    """Give every RRULE of ``component`` that has more than ``limit`` occurrences in
    ``[start, end)`` an UNTIL at its ``limit + 1 + EXDATEs``-th occurrence from ``start`` (each
    occurrence costs an object, a minutely rule a hundred thousand); True when one was cut.
    The series then has more than ``limit`` occurrences, and :func:`cap` keeps the earliest
    ``limit`` of them: whichever rule, RDATE or override they come from."""
    first = component["DTSTART"].dt
    keep = limit + 1 + sum(len(getattr(v, "dts", ())) for v in _as_list(component.get("EXDATE")))
    cut = False
    for rule in _rules(component):
        _problem, cost = _rule_cost(rule, max(start, as_utc(first)), end)
        if cost <= keep:  # fewer candidates than needed: nothing to cut
            continue
        last = _nth_occurrence(rule, first, start, end, keep)
        if last is not None:
            rule["UNTIL"] = [last]
            rule.pop("COUNT", None)  # the rule ends at ``last``, within its COUNT
            cut = True
    return cut


def _nth_occurrence(
    rule: icalendar.vRecur, first: date, start: datetime, end: datetime, n: int
) -> date | None:
    """The ``n``-th occurrence of ``rule`` from ``first`` at or after ``start``, None when it
    has fewer before ``end`` (the walk is bounded: :meth:`Budget.screen` priced it)."""
    from dateutil.rrule import rrulestr

    naive = not isinstance(first, datetime)
    origin = datetime.combine(first, time()) if naive else first
    try:
        occurrences = rrulestr(rule.to_ical().decode(), dtstart=origin, cache=False)
    except (ValueError, TypeError):  # e.g. a floating UNTIL on a zoned start: left to the cap
        return None
    low, high = (start, end) if not naive else (_naive(start), _naive(end))
    found = 0
    for moment in occurrences:
        if moment >= high:
            return None
        if moment >= low:
            found += 1
            if found == n:
                return moment.date() if naive else moment.astimezone(UTC)
    return None


def _naive(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def _rules(component: icalendar.Event) -> list[icalendar.vRecur]:
    from icalendar import vRecur

    return [r for r in _as_list(component.get("RRULE")) if isinstance(r, vRecur)]


def _rule_cost(rule: icalendar.vRecur, start: datetime, end: datetime) -> tuple[str, float]:
    freq = str(_first(rule, "FREQ", "")).upper()
    if freq not in _SECONDS:
        return _("FREQ={freq} is not a recurrence frequency", freq=freq or "?"), 0
    interval = _first(rule, "INTERVAL", 1)
    if not isinstance(interval, int) or interval < 1:
        return _("INTERVAL={value} is not a positive whole number", value=interval), 0
    if _never(freq, _parts(rule)):
        return _("its recurrence rule can never match a date"), 0
    until = _first(rule, "UNTIL", None)
    last = min(end, as_utc(until)) if until is not None else end
    span = (last - start).total_seconds()
    if span <= 0:
        return "", 1
    periods = span / (_SECONDS[freq] * interval) + 1
    size = 1.0
    for part in ("BYSECOND", "BYMINUTE", "BYHOUR"):
        size *= max(1, len(rule.get(part, [])))
    if any(rule.get(part) for part in _DAY_PARTS):
        size *= _DAYS_PER_PERIOD.get(freq, 1)
    return "", periods * size


_RANGES = {
    "BYSECOND": (0, 60),
    "BYMINUTE": (0, 59),
    "BYHOUR": (0, 23),
    "BYMONTH": (1, 12),
    "BYMONTHDAY": (-31, 31),
    "BYYEARDAY": (-366, 366),
    "BYWEEKNO": (-53, 53),
    "BYSETPOS": (-366, 366),
}
_WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _parts(rule: icalendar.vRecur) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The BY… parts of ``rule`` as a hashable key (values as upper-case text)."""
    return tuple(
        (key, tuple(str(v).upper() for v in rule.get(key, [])))
        for key in (*_RANGES, "BYDAY")
        if rule.get(key)
    )


@cache
def _never(freq: str, parts: tuple[tuple[str, tuple[str, ...]], ...]) -> bool:
    """True when no date-time can satisfy the rule's BY… parts. Such a rule makes dateutil
    search up to the year 9999 (one step per period), whatever the read window."""
    by = dict(parts)
    for key, (low, high) in _RANGES.items():
        for value in by.get(key, ()):
            if not _int(value) or not low <= int(value) <= high or int(value) == 0 and low < 0:
                return True
    limit = 5 if freq == "MONTHLY" or (freq == "YEARLY" and "BYMONTH" in by) else 53
    for day in by.get("BYDAY", ()):
        number, code = day[:-2].lstrip("+"), day[-2:]
        if code not in _WEEKDAY_CODES or (number and not _int(number)):
            return True
        if number and not 0 < abs(int(number)) <= limit:
            return True
    if _setpos_beyond(freq, by):
        return True
    return _no_day_matches(by)


_FINER = {
    "SECONDLY": (),
    "MINUTELY": ("BYSECOND",),
    "HOURLY": ("BYSECOND", "BYMINUTE"),
    "DAILY": ("BYSECOND", "BYMINUTE", "BYHOUR"),
}
_MOST_DAYS = {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 31, "YEARLY": 366}


def _setpos_beyond(freq: str, by: dict[str, tuple[str, ...]]) -> bool:
    """A BYSETPOS larger than the number of candidates one period can hold."""
    positions = [abs(int(v)) for v in by.get("BYSETPOS", ())]
    if not positions:
        return False
    size = _MOST_DAYS.get(freq, 1)
    for part in _FINER.get(freq, _FINER["DAILY"]):
        size *= max(1, len(by.get(part, ())))
    return min(positions) > size


def _no_day_matches(by: dict[str, tuple[str, ...]]) -> bool:
    """No day of the 28-year weekday/leap cycle 2000–2027 passes the day-level filters."""
    day_keys = ("BYMONTH", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO")
    if sum(key in by for key in (*day_keys, "BYDAY")) < 2:
        return False
    months = {int(v) for v in by.get("BYMONTH", ())}
    monthdays = {int(v) for v in by.get("BYMONTHDAY", ())}
    yeardays = {int(v) for v in by.get("BYYEARDAY", ())}
    weeks = {int(v) for v in by.get("BYWEEKNO", ())}
    weekdays = {_WEEKDAY_CODES.index(v[-2:]) for v in by.get("BYDAY", ())}
    day = date(2000, 1, 1)
    while day.year < 2028:
        length = (
            date(day.year + (day.month == 12), day.month % 12 + 1, 1) - date(day.year, day.month, 1)
        ).days
        year_length = 366 if calendar.isleap(day.year) else 365
        yearday = day.timetuple().tm_yday
        if (
            (not months or day.month in months)
            and (not monthdays or day.day in monthdays or day.day - length - 1 in monthdays)
            and (not yeardays or yearday in yeardays or yearday - year_length - 1 in yeardays)
            and (not weeks or day.isocalendar()[1] in weeks or _last_weeks(day) & weeks)
            and (not weekdays or day.weekday() in weekdays)
        ):
            return False
        day += timedelta(days=1)
    return True


def _last_weeks(day: date) -> set[int]:
    """The negative BYWEEKNO of ``day``'s ISO week (-1 for the last week of its year)."""
    year, week, _weekday = day.isocalendar()
    weeks = date(year, 12, 28).isocalendar()[1]
    return {week - weeks - 1}


def _int(text: str) -> bool:
    return text.lstrip("+-").isdigit()


def _first(rule: icalendar.vRecur, key: str, default: object) -> object:
    values = rule.get(key)
    if isinstance(values, list):
        return values[0] if values else default
    return default if values is None else values


def as_utc(value: object) -> datetime:
    if isinstance(value, datetime):
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=UTC)
    raise TypeError(f"not a date: {value!r}")


def _round(value: float) -> str:
    return f"{value:.0e}" if math.isfinite(value) else "∞"


def cap(
    occurrences: Sequence[Occurrence],
    limit: int,
    name_of: Callable[[Occurrence], str],
    warn: Callable[[str], None],
) -> list[Occurrence]:
    """At most ``limit`` occurrences of each UID, the earliest (in their original order), with
    one warning per series cut short, unless :func:`bound` has already given it."""
    by_uid: dict[str, list[Occurrence]] = {}
    for occurrence in occurrences:
        by_uid.setdefault(occurrence.uid, []).append(occurrence)
    dropped: set[int] = set()
    for series in by_uid.values():
        if len(series) <= limit:
            continue
        ordered = sorted(series, key=lambda o: as_utc(o.start))
        dropped.update(id(o) for o in ordered[limit:])
        if not any(o.capped for o in series):
            warn(too_many(name_of(ordered[limit]), limit))
    if not dropped:
        return list(occurrences)
    return [o for o in occurrences if id(o) not in dropped]


def too_many(event: str, limit: int) -> str:
    """The warning about a series cut at ``limit`` occurrences."""
    return ngettext(
        "{event}: more than {count} occurrence in the read window; only the first "
        "is used (raise max_occurrences of the calendar in the config to read more)",
        "{event}: more than {count} occurrences in the read window; only the first "
        "{count} are used (raise max_occurrences of the calendar in the config to read "
        "more)",
        limit,
        event=event,
    )
