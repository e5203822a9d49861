"""How the Outlook provider keeps its copy of a calendar current, and what Graph's errors mean.

- :class:`DeltaWindows` chooses the window of a ``calendarView/delta`` round: whole days, with
  a margin before and after the window asked for and widened over the stored one (as the Google
  provider widens its sync window), so a repeat run of any command continues the same round
  with one request per calendar instead of starting a new one over a year of history.
- :func:`windows_zone` names an IANA zone the Windows way (``W. Europe Standard Time``).
  ``Prefer: outlook.timezone`` asks for UTC (:data:`providers.outlook.ANSWER_ZONE`).
- :func:`schedule_busy` reads one person's busy time from a ``getSchedule`` answer;
  :func:`schedule_error` turns a refused ``getSchedule`` into its cause and the next step.

Pure functions and data; no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from planner.errors import NotSupportedError
from planner.i18n import _
from planner.ical.wallclock import within
from planner.model import Interval
from providers.graph_events import parse_datetime

if TYPE_CHECKING:
    from providers.graph_http import GraphError

STATE_VERSION = 3  # 3: answers in UTC (a round kept from before has wall times in the user's zone)
BUSY_STATES = frozenset({"busy", "tentative", "oof"})
# getSchedule's availabilityView: one digit per interval (0 free, 1 tentative, 2 busy, 3 oof,
# 4 working elsewhere).
BUSY_DIGITS = frozenset("123")
MAX_SPAN = timedelta(days=1200)  # a wider window starts afresh instead of widening


@dataclass(frozen=True)
class DeltaWindows:
    """Window policy: ``past``/``future`` days of margin around a requested window."""

    tz: ZoneInfo
    past_days: int = 30
    future_days: int = 120

    def wanted(self, start: datetime, end: datetime) -> tuple[date, date]:
        """The whole local days ``[first, last)`` covering ``[start, end)`` plus the margins."""
        first = start.astimezone(self.tz).date() - timedelta(days=self.past_days)
        last_moment = end.astimezone(self.tz)
        last = last_moment.date() + timedelta(days=1 if last_moment.time() != time() else 0)
        return first, last + timedelta(days=self.future_days)

    def covers(self, state: Any, start: datetime, end: datetime) -> bool:
        """Whether a stored round (see :meth:`state`) can answer ``[start, end)``."""
        if not self.usable(state):
            return False
        lo, hi = self.bounds(state)
        return lo <= start and end <= hi

    def usable(self, state: Any) -> bool:
        return (
            isinstance(state, dict)
            and bool(state.get("link"))
            and state.get("version") == STATE_VERSION
            and state.get("zone") == self.tz.key
        )

    def next_window(self, state: Any, start: datetime, end: datetime) -> tuple[date, date]:
        """The window of a new round: the wanted one joined with the stored one where the
        result stays under :data:`MAX_SPAN` (so other commands' windows stay covered)."""
        first, last = self.wanted(start, end)
        if self.usable(state) or (isinstance(state, dict) and state.get("first")):
            try:
                old_first = date.fromisoformat(state["first"])
                old_last = date.fromisoformat(state["last"])
            except (KeyError, TypeError, ValueError):
                return first, last
            if max(last, old_last) - min(first, old_first) <= MAX_SPAN:
                return min(first, old_first), max(last, old_last)
        return first, last

    def bounds(self, state: dict[str, Any]) -> tuple[datetime, datetime]:
        first, last = date.fromisoformat(state["first"]), date.fromisoformat(state["last"])
        return self.midnight(first), self.midnight(last)

    def midnight(self, day: date) -> datetime:
        return datetime.combine(day, time(), self.tz)

    def state(self, link: str, window: tuple[date, date]) -> dict[str, Any]:
        return {
            "link": link,
            "first": window[0].isoformat(),
            "last": window[1].isoformat(),
            "zone": self.tz.key,
            "version": STATE_VERSION,
        }


@cache
def _olson_to_windows() -> dict[str, str]:
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    table: dict[str, str] = {}
    for windows, olson in WINDOWS_TO_OLSON.items():
        table.setdefault(olson, windows)
    return table


# IANA names the Windows table lists under another name (links and old names)
_ALIASES = {"Etc/UTC": "UTC", "UTC": "UTC", "Etc/GMT": "UTC", "GMT": "UTC"}


def windows_zone(name: str) -> str:
    """The Windows zone name for an IANA ``name`` (``Europe/Berlin`` → ``W. Europe Standard
    Time``); the IANA name itself when Windows has none (Graph accepts those on most calls)."""
    if name in _ALIASES:
        return _ALIASES[name]
    table = _olson_to_windows()
    if name in table:
        return table[name]
    try:
        key = ZoneInfo(name).key
    except (ValueError, OSError):
        return name
    return table.get(key, name)


def schedule_error(calendar: str, exc: GraphError, scopes: list[str]) -> NotSupportedError:
    """A refused ``getSchedule`` as its cause: a missing permission names the scope to add, a
    personal account or a mailbox outside Exchange Online says so."""
    if exc.status == 403:
        scope = " or ".join(scopes) or "Calendars.Read"
        return NotSupportedError(
            _(
                "calendar '{name}': the sign-in may not read other people's free/busy (403 {code})",
                name=calendar,
                code=exc.code,
            ),
            hint=_(
                "grant the delegated permission {scope} to the app and run "
                "'planner auth outlook' again",
                scope=scope,
            ),
        )
    if exc.status == 404:
        return NotSupportedError(
            _(
                "calendar '{name}': the account has no Exchange Online mailbox to ask for "
                "free/busy (404 {code})",
                name=calendar,
                code=exc.code,
            )
        )
    if exc.status in (500, 501):
        return NotSupportedError(
            _(
                "calendar '{name}': this account cannot look up free/busy ({status} {code}; "
                "personal Microsoft accounts have no getSchedule)",
                name=calendar,
                status=exc.status,
                code=exc.code,
            )
        )
    return NotSupportedError(
        _(
            "calendar '{name}': Microsoft Graph refused the free/busy request ({status} {code})",
            name=calendar,
            status=exc.status,
            code=exc.code,
        )
    )


def schedule_busy(
    info: Mapping[str, Any], start: datetime, end: datetime, tz: ZoneInfo, minutes: int
) -> list[Interval]:
    """Busy intervals of one ``scheduleInformation`` (its items, else its availability view of
    ``minutes`` per digit): busy, tentative and out of office; not free or working elsewhere."""
    items = info.get("scheduleItems")
    if items is None:
        return _from_view(str(info.get("availabilityView") or ""), start, minutes)
    found = []
    for item in items:
        if str(item.get("status", "")).lower() not in BUSY_STATES:
            continue
        interval = Interval(parse_datetime(item["start"], tz), parse_datetime(item["end"], tz))
        if within(interval.start, interval.end, start, end):
            found.append(interval)
    return sorted(found, key=lambda i: i.start)


def _from_view(view: str, start: datetime, minutes: int) -> list[Interval]:
    """Busy intervals from an ``availabilityView`` string, adjacent slots merged."""
    found: list[Interval] = []
    step, zone = timedelta(minutes=minutes), start.tzinfo
    first = start.astimezone(UTC)  # the digits count real time: across a DST change too
    for index, digit in enumerate(view):
        if digit not in BUSY_DIGITS:
            continue
        begin, stop = first + index * step, first + (index + 1) * step
        slot = Interval(begin.astimezone(zone), stop.astimezone(zone))
        if found and found[-1].end.astimezone(UTC) == begin:
            found[-1] = Interval(found[-1].start, slot.end)
        else:
            found.append(slot)
    return found
