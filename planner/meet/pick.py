"""Choosing among scored proposals: the best ones, varied over days and venues, never two at
the same time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol, TypeVar


class _Venue(Protocol):
    @property
    def name(self) -> str: ...


class Scored(Protocol):
    """A candidate time and place with its score (``proposals._Candidate``)."""

    @property
    def start(self) -> datetime: ...
    @property
    def end(self) -> datetime: ...
    @property
    def score(self) -> float: ...
    @property
    def venue(self) -> _Venue: ...


C = TypeVar("C", bound=Scored)


def overlap(a: Scored, b: Scored) -> bool:
    return a.start < b.end and b.start < a.end


def pick(candidates: Sequence[C], count: int, taken: Sequence[C] = ()) -> list[C]:
    """The best ``count``: first on different days at different venues (than each other and
    than ``taken``), then the rest; never two that overlap (nor one that overlaps ``taken``)."""
    ranked = sorted(candidates, key=lambda p: (-p.score, p.start))
    chosen: list[C] = []
    days: set[date] = {t.start.date() for t in taken}
    venues: set[str] = {t.venue.name for t in taken}
    for varied in (True, False):
        for item in ranked:
            if len(chosen) >= count:
                break
            if item in chosen or (
                varied and (item.start.date() in days or item.venue.name in venues)
            ):
                continue
            if any(overlap(item, c) for c in (*chosen, *taken)):
                continue
            chosen.append(item)
            days.add(item.start.date())
            venues.add(item.venue.name)
    return sorted(chosen, key=lambda p: (-p.score, p.start))
