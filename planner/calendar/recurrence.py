"""Bounded recurrence expansion (a helper of :mod:`planner.calendar.ical`).

Expanding an RRULE costs one step per period from DTSTART to the end of the read window, times
the candidates each period holds (``BYHOUR``, ``BYMINUTE``, ``BYSECOND``, days of ``BYDAY``…),
whether or not any of them matches: ``FREQ=SECONDLY`` from 1970, or ``BYSETPOS`` over every
minute of a year, never ends in practice. :func:`screen` estimates that cost before expansion
and names the rule that is too expensive; such a series is read as its first occurrence only.

After expansion, :func:`cap` keeps at most ``max_occurrences`` occurrences of one series in the
read window (configurable: ``[calendar] max_occurrences``), with a warning naming the event.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime, time

import icalendar

from planner.i18n import _

MAX_RULE_STEPS = 200_000  # candidate date-times one RRULE may cost to expand
MAX_FILE_STEPS = 2_000_000  # the same for all rules of one file together
MAX_OCCURRENCES = 2_000  # default of [calendar] max_occurrences

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
            problem, cost = _rule_cost(rule, _as_utc(component["DTSTART"].dt), end)
            if problem:
                return problem
            total += cost
        if total > MAX_RULE_STEPS:
            return _("its recurrence rule would take {steps} steps", steps=_round(total))
        if total > self.steps:
            return _("the file's recurrence rules together are too many to expand")
        self.steps -= int(total)
        return ""


def _rules(component: icalendar.Event) -> list[icalendar.vRecur]:
    value = component.get("RRULE")
    rules = value if isinstance(value, list) else [value] if value is not None else []
    return [r for r in rules if isinstance(r, icalendar.vRecur)]


def _rule_cost(rule: icalendar.vRecur, start: datetime, end: datetime) -> tuple[str, float]:
    freq = str(_first(rule, "FREQ", "")).upper()
    if freq not in _SECONDS:
        return _("FREQ={freq} is not a recurrence frequency", freq=freq or "?"), 0
    interval = _first(rule, "INTERVAL", 1)
    if not isinstance(interval, int) or interval < 1:
        return _("INTERVAL={value} is not a positive whole number", value=interval), 0
    until = _first(rule, "UNTIL", None)
    last = min(end, _as_utc(until)) if until is not None else end
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


def _first(rule: icalendar.vRecur, key: str, default: object) -> object:
    values = rule.get(key)
    if isinstance(values, list):
        return values[0] if values else default
    return default if values is None else values


def _as_utc(value: object) -> datetime:
    if isinstance(value, datetime):
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=UTC)
    raise TypeError(f"not a date: {value!r}")


def _round(value: float) -> str:
    return f"{value:.0e}" if math.isfinite(value) else "∞"


def cap(
    occurrences: Iterable[icalendar.Event],
    limit: int,
    name_of: Callable[[icalendar.Event], str],
    warn: Callable[[str], None],
) -> Iterator[icalendar.Event]:
    """At most ``limit`` occurrences of each UID, with one warning per series cut short."""
    counts: dict[str, int] = {}
    for occurrence in occurrences:
        uid = str(occurrence.get("UID"))
        counts[uid] = counts.get(uid, 0) + 1
        if counts[uid] <= limit:
            yield occurrence
        elif counts[uid] == limit + 1:
            warn(
                _(
                    "{event}: more than {limit} occurrences in the read window; only the first "
                    "{limit} are used (raise [calendar] max_occurrences to read more)",
                    event=name_of(occurrence),
                    limit=limit,
                )
            )
