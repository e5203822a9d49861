"""A proposal, and choosing among scored ones: the best, varied over days and venues, never two
at the same time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, TypeVar

from planner.meet.shortlist import is_area
from planner.meet.slots import MeetingKind
from planner.meet.venues import Venue


@dataclass(frozen=True, slots=True)
class Proposal:
    """A concrete time and place to meet."""

    start: datetime
    end: datetime
    kind: MeetingKind
    venue: Venue
    travel_minutes: tuple[int | None, int | None]  # (before, after) for the user; None: unknown
    score: float
    reasons: tuple[str, ...] = ()
    counterpart_minutes: int | None = None
    id: str = ""  # what ``planner invite --proposal ID`` takes (planner.flows.listed)
    same_time: bool = False  # keeps the flagged meeting's own time
    #: the zone of the place when it is not the user's (start and end are in it): the
    #: meeting's local time is there; "" for a meeting in the user's zone
    zone: str = ""

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
            "id": self.id,
            "same_time": self.same_time,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "zone": self.zone,
            "kind": self.kind.value,
            "venue": {
                "name": self.venue.name,
                "kind": self.venue.kind.value,
                "address": self.venue.address,
                "lat": self.venue.lat,
                "lon": self.venue.lon,
                # false: no venue is known there yet; name is the area to choose one in
                "known": not is_area(self.venue),
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

# What a repeat costs a candidate when choosing several (per earlier pick that shares it)
SAME_VENUE = 12.0
SAME_DAY = 6.0
SAME_KIND = 2.0
SAME_PART_OF_DAY = 1.5


def overlap(a: Scored, b: Scored) -> bool:
    return a.start < b.end and b.start < a.end


def pick(candidates: Sequence[C], count: int, taken: Sequence[C] = ()) -> list[C]:
    """The best ``count``, varied: each pick is the candidate whose score, less what it repeats
    of the earlier picks (and of ``taken``) — the venue above all, then the day, the kind and
    the part of the day — is highest. One venue holds at most a third of the picks while
    another venue can still be chosen. Never two that overlap (nor one that overlaps
    ``taken``). Best first."""
    ranked = sorted(candidates, key=lambda p: (-p.score, p.start))
    chosen: list[C] = []
    cap = max(1, (count + len(taken)) // 3)
    for capped in (True, False):
        while len(chosen) < count:
            best = _best(ranked, chosen, taken, cap if capped else None)
            if best is None:
                break
            chosen.append(best)
    return sorted(chosen, key=lambda p: (-p.score, p.start))


def _best(ranked: Sequence[C], chosen: list[C], taken: Sequence[C], cap: int | None) -> C | None:
    earlier = [*taken, *chosen]
    best, value = None, 0.0
    for item in ranked:
        if item in chosen or any(overlap(item, c) for c in earlier):
            continue
        venue = sum(1 for c in earlier if c.venue.name == item.venue.name)
        if cap is not None and venue >= cap:
            continue
        penalty = SAME_VENUE * venue + sum(_repeats(item, c) for c in earlier)
        if best is None or item.score - penalty > value:
            best, value = item, item.score - penalty
    return best


def _repeats(item: Scored, other: Scored) -> float:
    repeat = SAME_DAY if item.start.date() == other.start.date() else 0.0
    if getattr(item, "kind", None) == getattr(other, "kind", None):
        repeat += SAME_KIND
    if _part_of_day(item.start) == _part_of_day(other.start):
        repeat += SAME_PART_OF_DAY
    return repeat


def _part_of_day(moment: datetime) -> int:
    """Morning, midday, afternoon, evening."""
    minutes = moment.hour * 60 + moment.minute
    return sum(minutes >= edge for edge in (11 * 60, 14 * 60 + 30, 17 * 60))
