"""A proposal, and choosing among scored ones: the best, varied over days and venues, never two
at the same time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol, TypeVar

from planner.meet.slots import MeetingKind
from planner.meet.venues import Venue


@dataclass(frozen=True, slots=True)
class Proposal:
    """A concrete time and place to meet."""

    start: datetime
    end: datetime
    kind: MeetingKind
    venue: Venue
    travel_minutes: tuple[int, int]  # (before, after) for the user
    score: float
    reasons: tuple[str, ...] = ()
    counterpart_minutes: int | None = None
    number: int = 0  # the N of ``planner invite --proposal N`` (0: not numbered yet)
    same_time: bool = False  # keeps the flagged meeting's own time

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of ``planner propose --json`` (one entry of ``proposals``); a venue
        fetched from OpenStreetMap carries its ``attribution``."""
        data = self._json()
        if self.venue.source.startswith("OpenStreetMap"):
            from planner.meet.overpass import ATTRIBUTION

            data["venue"]["attribution"] = ATTRIBUTION
        return data

    def _json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "same_time": self.same_time,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "kind": self.kind.value,
            "venue": {
                "name": self.venue.name,
                "kind": self.venue.kind.value,
                "address": self.venue.address,
                "lat": self.venue.lat,
                "lon": self.venue.lon,
            },
            "travel_minutes": {"before": self.travel_minutes[0], "after": self.travel_minutes[1]},
            "counterpart_minutes": self.counterpart_minutes,
            "score": round(self.score, 2),
            "reasons": list(self.reasons),
        }


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
