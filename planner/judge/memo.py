"""Results about one event, remembered by the event itself: the judgement reads an event's
zones, its travel shape and its gathering words for its mode, whether it is a meeting, its
purpose and its recommendation, and works each out once.

An :class:`planner.model.Event` is immutable, so what a pure function answers about one event
object stays true: :func:`per_event` remembers it by the object's identity (the entry holds the
event, so its identity cannot pass to another) and the language the evidence is written in
(:func:`planner.i18n.language`: another thread may speak another). Looking an event up
costs a dictionary probe, where ``functools.lru_cache`` hashed all its fields and attendees on
every call (2 µs). The oldest entries go beyond ``size``; :func:`forget` empties every table
(tests, benchmarks).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from planner.i18n import language
from planner.model import Event

T = TypeVar("T")
#: Events remembered by each table: a large week of meetings judged in several passes (mode,
#: meeting, purpose) finds its first events still there.
SIZE = 65_536
_TABLES: list[PerEvent[object]] = []  # and lru caches: anything with cache_clear()


class PerEvent(Generic[T]):
    """``compute(event)`` remembered for the last ``size`` event objects."""

    def __init__(self, compute: Callable[[Event], T], size: int) -> None:
        self.compute, self.size = compute, size
        self._known: dict[int, tuple[Event, str, T]] = {}
        self.__doc__ = compute.__doc__
        self.__wrapped__ = compute
        _TABLES.append(self)  # type: ignore[arg-type]

    def __call__(self, event: Event) -> T:
        known = self._known.get(id(event))
        speaking = language()
        if known is not None and known[0] is event and known[1] == speaking:
            return known[2]
        value = self.compute(event)
        if len(self._known) >= self.size:
            del self._known[next(iter(self._known))]  # the oldest
        self._known[id(event)] = (event, speaking, value)
        return value

    def cache_clear(self) -> None:
        self._known.clear()


def per_event(size: int) -> Callable[[Callable[[Event], T]], PerEvent[T]]:
    """Decorator: remember a pure function of one event (see the module doc)."""

    def wrap(compute: Callable[[Event], T]) -> PerEvent[T]:
        return PerEvent(compute, size)

    return wrap


def forget() -> None:
    """Empty every table of :func:`per_event` and every cache given to :func:`register`."""
    for table in _TABLES:
        table.cache_clear()


def register(cache: T) -> T:
    """Let :func:`forget` empty ``cache`` too (an ``lru_cache`` of the judge keyed on text)."""
    _TABLES.append(cache)  # type: ignore[arg-type]
    return cache
