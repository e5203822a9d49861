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
#: Events remembered by a table of small answers (a word, a travel judgement): a large week
#: judged in several passes (mode, meeting, purpose) finds its first events still there.
SIZE = 65_536
#: Events remembered by a table of bulky answers (an event's zones and texts): a week's, not
#: more; what a table keeps alive, the garbage collector visits again and again.
BULKY = 4096
_MISSING = object()
_TABLES: list[PerEvent[object]] = []  # and lru caches: anything with cache_clear()
_BY_NAME: dict[str, PerEvent[object]] = {}  # the tables of :func:`per_event` by name
_SMALL: list[PerEvent[object]] = []  # the tables of small answers (:func:`answers`)


class PerEvent(Generic[T]):
    """``compute(event)`` remembered for the last ``size`` event objects, in the language
    spoken (a table of another language's evidence starts afresh)."""

    def __init__(self, compute: Callable[[Event], T], size: int) -> None:
        self.compute, self.size = compute, size
        # two tables and no tuple per entry: fewer objects for the garbage collector to visit
        self._events: dict[int, Event] = {}
        self._values: dict[int, T] = {}
        self._language = ""
        self.__doc__ = compute.__doc__
        self.__wrapped__ = compute
        self.name = f"{compute.__module__}.{compute.__qualname__}"
        _BY_NAME[self.name] = self  # type: ignore[assignment]
        if size == SIZE:
            _SMALL.append(self)  # type: ignore[arg-type]
        _TABLES.append(self)  # type: ignore[arg-type]

    def __call__(self, event: Event) -> T:
        key = id(event)
        speaking = language()  # asked once: a call costs more than the table's probe
        if self._events.get(key) is event and self._language == speaking:
            value = self._values.get(key, _MISSING)  # (another thread may just drop it)
            if value is not _MISSING:
                return value  # type: ignore[return-value]
        value = self.compute(event)
        self._keep(key, event, value, speaking)
        return value

    def remember(self, event: Event, value: T) -> None:
        """Take ``value`` as the answer for ``event`` (worked out here, or elsewhere: by a
        worker process for the same event); a table of another language starts afresh."""
        self._keep(id(event), event, value, language())

    def _keep(self, key: int, event: Event, value: T, speaking: str) -> None:
        if speaking != self._language:
            self.cache_clear()
            self._language = speaking
        if len(self._events) >= self.size:
            self._halve()
        self._values[key] = value
        self._events[key] = event

    def _halve(self) -> None:
        """Keep the newer half. (Dropping the oldest one at a time costs a scan past every
        slot dropped before it: ``next(iter(d))`` skips them one by one.)"""
        newer = list(self._events)[len(self._events) // 2 :]
        self._events = {key: self._events[key] for key in newer}
        self._values = {key: self._values[key] for key in newer if key in self._values}

    def cache_clear(self) -> None:
        self._events.clear()
        self._values.clear()


def per_event(size: int) -> Callable[[Callable[[Event], T]], PerEvent[T]]:
    """Decorator: remember a pure function of one event (see the module doc)."""

    def wrap(compute: Callable[[Event], T]) -> PerEvent[T]:
        return PerEvent(compute, size)

    return wrap


def answers(event: Event) -> dict[str, object]:
    """What the tables of small answers remember about ``event``, by table: what a worker
    process that judged ``event`` sends back with its result, so that this process does not
    work it out again (:func:`take_answers`)."""
    key, speaking = id(event), language()
    found = {}
    for table in _SMALL:
        if table._language == speaking and table._events.get(key) is event:
            value = table._values.get(key, _MISSING)
            if value is not _MISSING:
                found[table.name] = value
    return found


def take_answers(event: Event, found: dict[str, object]) -> None:
    """Remember what :func:`answers` gave for the same event in another process (where this
    process does not hold an answer already)."""
    for name, value in found.items():
        table = _BY_NAME.get(name)
        if table is not None and table._events.get(id(event)) is not event:
            table.remember(event, value)


def forget() -> None:
    """Empty every table of :func:`per_event` and every cache given to :func:`register`."""
    for table in _TABLES:
        table.cache_clear()


def register(cache: T) -> T:
    """Let :func:`forget` empty ``cache`` too (an ``lru_cache`` of the judge keyed on text)."""
    _TABLES.append(cache)  # type: ignore[arg-type]
    return cache
