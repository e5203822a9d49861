"""How far anyone may be asked to travel for a meeting: a journey in proportion to it.

A professional accepts a day trip of about two hours each way, and less for a short meeting:
nobody travels three hours each way for a 45-minute coffee. The limit each way is the lesser of
``[travel] longest_journey_minutes`` and ``[travel] journey_per_meeting`` times the meeting's
own length (a coffee: 2.5 × 45 = 112 min; a lunch or a dinner: the full 120). It is compared
with the door-to-door minutes the proposal shows (:mod:`planner.meet.travel_time`: rail, air
and motorway overhead included); an unknown journey never counts as none.

A deal closing (a signing) is worth a day trip by plane, which no first coffee is: its limit is
``[travel] longest_journey_deal_minutes`` (240: the airport alone takes 150 min, and a flight
of an hour and a half, Munich–London, fits), still at most ``journey_per_meeting`` times the
meeting (a signing lunch: 225 min, a dinner: 240).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol

from planner.i18n import _
from planner.meet.travel_time import by
from planner.model import Purpose

if TYPE_CHECKING:
    from planner.config import Config

KEY = "[travel] longest_journey_minutes"
DEAL_KEY = "[travel] longest_journey_deal_minutes"


@dataclass(frozen=True, slots=True)
class JourneyLimit:
    """The longest journey each way (minutes), and at most ``per_meeting`` times the meeting;
    ``key`` is the setting that raises it."""

    longest: int
    per_meeting: float
    key: str = KEY

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


def journey_limit(config: Config, purpose: Purpose | str | None = None) -> JourneyLimit:
    """The limit for a meeting of ``purpose``: a deal closing's own, never below the others'."""
    section = config["travel"]
    longest, per_meeting = int(section["longest_journey_minutes"]), section["journey_per_meeting"]
    if str(purpose or "").strip().lower() == Purpose.DEAL_CLOSING.value:
        deal = max(longest, int(section["longest_journey_deal_minutes"]))
        return JourneyLimit(deal, per_meeting, DEAL_KEY)
    return JourneyLimit(longest, per_meeting)


class _Named(Protocol):
    @property
    def name(self) -> str: ...


class Best(Protocol):
    """What the note tells of the best meeting point (a FairPoint has it)."""

    @property
    def hub(self) -> _Named: ...
    @property
    def mine(self) -> int: ...
    @property
    def how(self) -> str: ...
    @property
    def theirs(self) -> int: ...
    @property
    def their_how(self) -> str: ...


def instead(key: str = "") -> str:
    """The next step when no place to meet lies within reach: meet in person where one of you
    is anyway (never "keep it a call": meeting in person is what the recommendation asks), or
    raise the limit ``key`` when one is in the way."""
    if key:
        return _(
            "meet in person when one of you is in the other's city (planner trips shows your "
            "trips), or raise {key}",
            key=key,
        )
    return _(
        "meet in person when one of you is in the other's city (planner trips shows your trips)"
    )


def beyond_point(city: str, limit: int, best: Best, key: str = KEY) -> str:
    """The note when every fair meeting point with ``city`` lies beyond ``limit``: ``best`` is
    the best point (:class:`planner.meet.faraway.FairPoint`), ``key`` the setting to raise."""
    return _(
        "No fair meeting point between you and {city} lies within {limit} min of travel each "
        "way (the best, {hub}, takes about {mine} min for you {how} and {theirs} min for them "
        "{their_how}): {instead}",
        city=city,
        limit=limit,
        hub=best.hub.name,
        mine=best.mine,
        how=by(best.how),
        theirs=best.theirs,
        their_how=by(best.their_how),
        instead=instead(key),
    )


def beyond_venues(area: str, limit: int, least: int, key: str = KEY) -> str:
    """The note when every venue to meet near ``area`` lies beyond ``limit`` for the user."""
    return _(
        "No place to meet near {area} lies within {limit} min of travel each way for you "
        "(about {least} min at best): {instead}",
        area=area,
        limit=limit,
        least=least,
        instead=instead(key),
    )
