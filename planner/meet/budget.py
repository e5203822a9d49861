"""How far anyone may be asked to travel for a meeting: a journey in proportion to it.

A professional accepts a day trip of about two hours each way, and less for a short meeting:
nobody travels three hours each way for a 45-minute coffee. The limit each way is the lesser of
``[travel] longest_journey_minutes`` and ``[travel] journey_per_meeting`` times the meeting's
own length (a coffee: 2.5 × 45 = 112 min; a lunch or a dinner, which a signing or a business
meal takes: the full 120). It is compared with the door-to-door minutes the proposal shows
(rail/air/motorway overhead included); an unknown journey never counts as none.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from planner.i18n import _

if TYPE_CHECKING:
    from planner.config import Config

KEY = "[travel] longest_journey_minutes"


@dataclass(frozen=True, slots=True)
class JourneyLimit:
    """The longest journey each way (minutes), and at most ``per_meeting`` times the meeting."""

    longest: int
    per_meeting: float

    def minutes(self, length: timedelta) -> int:
        """The longest journey each way for a meeting of ``length``."""
        return min(self.longest, math.floor(self.per_meeting * length.total_seconds() / 60))

    def allows(self, journey: int | None, length: timedelta) -> bool:
        """Whether a journey of ``journey`` minutes each way suits a meeting of ``length``;
        an unknown journey (None) is not known to suit it."""
        return journey is not None and journey <= self.minutes(length)

    def widest(self, lengths: Iterable[timedelta]) -> int:
        """The longest journey any of these meetings allows (0 for none)."""
        return max((self.minutes(length) for length in lengths), default=0)


def journey_limit(config: Config) -> JourneyLimit:
    section = config["travel"]
    return JourneyLimit(int(section["longest_journey_minutes"]), section["journey_per_meeting"])


def instead() -> str:
    """What to do when no place to meet lies within the limit."""
    return _(
        "meet when one of you is in the other's city anyway (planner trips shows your trips), "
        "keep it a call, or raise {key}",
        key=KEY,
    )


def beyond_point(city: str, limit: int, hub: str, mine: int, theirs: int) -> str:
    """The note when every fair meeting point with ``city`` lies beyond ``limit``."""
    return _(
        "No fair meeting point between you and {city} lies within {limit} min of travel each "
        "way (the best, {hub}, takes about {mine} min for you and {theirs} min for them): "
        "{instead}",
        city=city,
        limit=limit,
        hub=hub,
        mine=mine,
        theirs=theirs,
        instead=instead(),
    )


def beyond_venues(area: str, limit: int, least: int) -> str:
    """The note when every venue to meet near ``area`` lies beyond ``limit`` for the user."""
    return _(
        "No place to meet near {area} lies within {limit} min of travel each way for you "
        "(about {least} min at best): {instead}",
        area=area,
        limit=limit,
        least=least,
        instead=instead(),
    )
