"""VTIMEZONE components that Outlook understands.

Outlook ignores VTIMEZONEs built from RDATE lists (it then guesses a zone by offset and shifts
summer times by an hour), so a zone whose changes follow a yearly "n-th weekday of a month"
rule is written the way Outlook and Google write it: one DAYLIGHT and one STANDARD observance,
each with ``RRULE:FREQ=YEARLY;BYMONTH=…;BYDAY=…``. A zone without changes near the meeting gets
one fixed observance. Irregular zones get one observance per change (exact, see :func:`_exact`).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    import icalendar

_DAY = timedelta(days=1)
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def zone_key(zone: tzinfo | None) -> str | None:
    """The IANA name of ``zone`` when it is a :class:`ZoneInfo`, else None."""
    return zone.key if isinstance(zone, ZoneInfo) and zone.key else None


def other_clock(start: datetime, end: datetime, zone: tzinfo) -> bool:
    """Whether ``zone`` reads otherwise than the zone the span ``start``–``end`` is written in:
    another IANA name where both have one, else another UTC offset at its start or end (a time
    typed with an offset, ``14:00+05:30``, has no name to compare)."""
    own = zone_key(start.tzinfo)
    if own and zone_key(zone):
        return own != zone_key(zone)
    return any(m.utcoffset() != m.astimezone(zone).utcoffset() for m in (start, end))


def is_utc(zone: tzinfo | None) -> bool:
    return zone is UTC or zone_key(zone) in ("UTC", "Etc/UTC", "Etc/UCT", "UCT", "Zulu")


@dataclass(frozen=True)
class Transition:
    """A change of UTC offset: at ``at`` (UTC) from ``before`` to ``after``."""

    at: datetime
    before: timedelta
    after: timedelta

    @property
    def onset(self) -> datetime:
        """The wall-clock time of the change in the old offset (what VTIMEZONE DTSTART holds)."""
        return (self.at + self.before).replace(tzinfo=None)


def vtimezone(zone: ZoneInfo, moments: Iterable[datetime]) -> icalendar.Timezone:
    """A VTIMEZONE for ``zone`` valid around ``moments`` (a year before to a year after)."""
    import icalendar

    years = [m.astimezone(zone).year for m in moments]
    first, last = min(years) - 1, max(years) + 1
    window = datetime(first, 1, 1, tzinfo=UTC), datetime(last + 1, 1, 1, tzinfo=UTC)
    changes = transitions(zone, *window)
    if not changes:
        return _fixed(zone, datetime(first, 7, 1, tzinfo=UTC))
    rules = _yearly_rules(changes, range(first, last + 1))
    if rules is None:
        return _exact(zone, changes, window[0])
    result = icalendar.Timezone()
    result.add("tzid", zone.key)
    for change, byday in rules:
        result.add_component(_observance(zone, change, byday))
    return result


def _exact(zone: ZoneInfo, changes: list[Transition], start: datetime) -> icalendar.Timezone:
    """Every change as its own observance (DTSTART only, no RRULE/RDATE), after one for the
    offset in force at ``start``. icalendar's ``from_tzinfo`` misses some changes (e.g.
    America/Santo_Domingo in 2000), which shifted invitations by an hour."""
    import icalendar

    result = icalendar.Timezone()
    result.add("tzid", zone.key)
    offset = _offset(zone, start)
    initial = Transition(start, offset, offset)
    for change in (initial, *changes):
        after = change.at.astimezone(zone)
        part = icalendar.TimezoneDaylight() if after.dst() else icalendar.TimezoneStandard()
        part.add("dtstart", change.onset)
        part.add("tzoffsetfrom", change.before)
        part.add("tzoffsetto", change.after)
        if name := after.tzname():
            part.add("tzname", name)
        result.add_component(part)
    return result


def transitions(zone: tzinfo, start: datetime, end: datetime) -> list[Transition]:
    """Every change of UTC offset of ``zone`` in ``[start, end)``, to the minute."""
    found = []
    day = start
    offset = _offset(zone, day)
    while day < end:
        following = day + _DAY
        if (next_offset := _offset(zone, following)) != offset:
            found.append(Transition(_bisect(zone, day, following, offset), offset, next_offset))
            offset = next_offset
        day = following
    return found


def _offset(zone: tzinfo, moment: datetime) -> timedelta:
    return moment.astimezone(zone).utcoffset() or timedelta(0)


def _bisect(zone: tzinfo, low: datetime, high: datetime, before: timedelta) -> datetime:
    """The first minute in ``(low, high]`` whose offset differs from ``before``."""
    while high - low > timedelta(minutes=1):
        middle = low + (high - low) / 2
        middle = middle.replace(second=0, microsecond=0)
        if middle <= low:
            middle = low + timedelta(minutes=1)
        if _offset(zone, middle) == before:
            low = middle
        else:
            high = middle
    return high


def _byday(onset: datetime) -> set[str]:
    """The ways to name the weekday of ``onset`` within its month: ``2SU``, ``-1SU``."""
    weekday = _WEEKDAYS[onset.weekday()]
    names = {f"{(onset.day - 1) // 7 + 1}{weekday}"}
    if onset.day + 7 > calendar.monthrange(onset.year, onset.month)[1]:
        names.add(f"-1{weekday}")
    return names


def _yearly_rules(changes: list[Transition], years: range) -> list[tuple[Transition, str]] | None:
    """Two changes a year that recur on the same weekday rule, or None."""
    kinds: dict[tuple[timedelta, timedelta], list[Transition]] = {}
    for change in changes:
        kinds.setdefault((change.before, change.after), []).append(change)
    if len(kinds) != 2 or len(changes) != 2 * len(years):
        return None
    rules = []
    for same in kinds.values():
        if [c.onset.year for c in same] != list(years):
            return None
        shapes = {(c.onset.month, c.onset.time()) for c in same}
        common = set.intersection(*(_byday(c.onset) for c in same))
        if len(shapes) != 1 or not common:
            return None
        byday = next((b for b in common if b.startswith("-1")), min(common))
        rules.append((same[0], byday))
    return sorted(rules, key=lambda rule: rule[0].at)


def _observance(zone: ZoneInfo, change: Transition, byday: str) -> icalendar.Component:
    import icalendar

    after = change.at.astimezone(zone)
    kind = icalendar.TimezoneDaylight if after.dst() else icalendar.TimezoneStandard
    part = kind()
    part.add("dtstart", change.onset)
    part.add("rrule", {"freq": "yearly", "bymonth": change.onset.month, "byday": byday})
    part.add("tzoffsetfrom", change.before)
    part.add("tzoffsetto", change.after)
    if name := after.tzname():
        part.add("tzname", name)
    return part


def _fixed(zone: ZoneInfo, moment: datetime) -> icalendar.Timezone:
    import icalendar

    local = moment.astimezone(zone)
    offset = local.utcoffset() or timedelta(0)
    part = icalendar.TimezoneStandard()
    part.add("dtstart", datetime(1970, 1, 1))
    part.add("tzoffsetfrom", offset)
    part.add("tzoffsetto", offset)
    if name := local.tzname():
        part.add("tzname", name)
    result = icalendar.Timezone()
    result.add("tzid", zone.key)
    result.add_component(part)
    return result
