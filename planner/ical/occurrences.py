"""Expanding prepared VEVENTs into occurrences (a helper of :mod:`planner.ical.reader`).

recurring-ical-events computes the occurrences; its default result copies the whole VEVENT
for every occurrence (all properties, parsed again into new property objects), which costs
far more than the rule itself: a daily series over a year is 400 copies. Here its documented
extension point (``ComponentsWithName(..., adapter=...)``) hands out :class:`Instance`: the
VEVENT an occurrence comes from (the series, or the override that replaces it) and its start
and end, exactly the values the copy would carry in DTSTART and DTEND.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any

import icalendar
from recurring_ical_events import ComponentsWithName, EventAdapter, of

from planner.ical import wallclock
from planner.ical.recurrence import CAPPED

log = logging.getLogger("planner")

Warn = Callable[[str], None]
BATCH = 256  # VEVENTs expanded together: their occurrences are alive at the same time


SOURCE_TAG = "X-PLANNER-SOURCE-INDEX"  # the number of the prepared VEVENT, set by the reader


class _Source:
    """What every occurrence of one VEVENT shares, read once."""

    __slots__ = ("capped", "component", "tag", "uid")

    def __init__(self, component: icalendar.Event) -> None:
        self.component = component
        self.uid = str(component.get("UID"))
        self.tag = str(component.get(SOURCE_TAG, ""))
        self.capped = CAPPED in component


class Instance:
    """One occurrence: the VEVENT it comes from, and its start and end (DTEND meaning)."""

    __slots__ = ("end", "source", "start")

    def __init__(self, source: _Source, start: date, end: date) -> None:
        self.source = source
        self.start = start
        self.end = end

    @property
    def component(self) -> icalendar.Event:
        return self.source.component

    @property
    def uid(self) -> str:
        return self.source.uid

    @property
    def capped(self) -> bool:
        return self.source.capped

    def __setitem__(self, name: str, value: object) -> None:
        """recurring-ical-events sets SEQUENCE on the copy it would make; nothing to keep."""


class _Adapter(EventAdapter):
    """A VEVENT whose occurrences are :class:`Instance` instead of copies."""

    def __init__(self, component: icalendar.Event) -> None:
        super().__init__(component)
        self.source = _Source(component)

    def as_component(
        self,
        start: Any = None,
        stop: Any = None,
        keep_recurrence_attributes: bool = True,
    ) -> Instance:
        if start is None:
            return Instance(self.source, self.start, self.end if stop is None else stop)
        exact = self._exact
        if exact is not None and stop is not None and stop - start == self.duration:
            stop = wallclock.add(start, exact)  # the series' length, in real time
        return Instance(self.source, start, stop)

    @cached_property
    def _exact(self) -> timedelta | None:
        """The real length of each occurrence where the wall clock misreads it: a start and
        an end on either side of a repeated hour are instants (a wall time as written is the
        first of the two; these come from UTC, converted into the zone of X-WR-TIMEZONE), and
        the library's length, end minus start on the wall, is nothing for 00:30Z–01:30Z on
        the night Berlin goes back (02:30–02:30). None: the library's length holds."""
        start, end = self.start, self.end
        if not isinstance(start, datetime) or not isinstance(end, datetime):
            return None
        if start.tzinfo is None or start.tzinfo is not end.tzinfo or start.fold == end.fold:
            return None
        return wallclock.between(start, end)


_SELECTION = (ComponentsWithName("VEVENT", adapter=_Adapter),)


def between(components: Iterable[icalendar.Event], lo: datetime, hi: datetime) -> list[Instance]:
    """The occurrences of ``components`` (one calendar's VEVENTs) touching ``[lo, hi]``."""
    cal = icalendar.Calendar()
    cal.subcomponents = list(components)
    return of(cal, components=_SELECTION).between(lo, hi)


def expand(
    masters: Sequence[icalendar.Event],
    lo: datetime,
    hi: datetime,
    on_error: Callable[[int, Exception], None],
    batch: int = BATCH,
) -> Iterator[list[Instance]]:
    """Every occurrence of ``masters`` in ``[lo, hi]``, a batch of series (a UID's VEVENTs
    together) at a time, so that the occurrences of one batch are made into events before the
    next is expanded. When a batch cannot be expanded, series by series: ``on_error(index of
    its first VEVENT, error)`` for each series that fails."""
    series: dict[str, list[int]] = {}
    for number, component in enumerate(masters):
        series.setdefault(str(component["UID"]), []).append(number)
    chosen: list[list[int]] = []
    size = 0
    singles: list[Instance] = []
    for members in series.values():
        if len(members) == 1 and (single := _single(masters[members[0]])) is not None:
            singles.append(single)  # the one occurrence of a plain event: no query needed
            continue
        chosen.append(members)
        size += len(members)
        if size >= batch:
            yield _expand_batch(masters, chosen, lo, hi, on_error)
            chosen, size = [], 0
    if chosen:
        yield _expand_batch(masters, chosen, lo, hi, on_error)
    yield singles


_RECURRING = ("RRULE", "RDATE", "EXDATE", "RECURRENCE-ID")


def _single(component: icalendar.Event) -> Instance | None:
    """The occurrence of an event without recurrence (its start and end as
    recurring-ical-events computes them); None where the library must decide."""
    if any(name in component for name in _RECURRING):
        return None
    adapter = _Adapter(component)
    try:
        return Instance(adapter.source, adapter.start, adapter.end)
    except Exception:  # let the library's expansion meet and report it
        return None


def _expand_batch(
    masters: Sequence[icalendar.Event],
    chosen: list[list[int]],
    lo: datetime,
    hi: datetime,
    on_error: Callable[[int, Exception], None],
) -> list[Instance]:
    try:
        return between((masters[i] for members in chosen for i in members), lo, hi)
    except Exception as exc:
        log.debug("expansion failed (%s); expanding series by series", exc)
    found: list[Instance] = []
    for members in chosen:
        try:
            found += between((masters[i] for i in members), lo, hi)
        except Exception as exc:
            on_error(members[0], exc)
    return found


def widen(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    """The span handed to the expansion: two days more on each side (all-day events and
    floating times in other zones), filtered exactly afterwards."""
    return start - timedelta(days=2), end + timedelta(days=2)
