"""Proposals asked for once (``planner propose``): place texts located first, a
:class:`~planner.meet.proposals.Proposer` prepared for the user's calendar and asked once."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from planner.i18n import _
from planner.meet.geo import Geocoder, Place
from planner.meet.pick import Proposal
from planner.meet.proposals import Proposer
from planner.meet.venues import Catalog
from planner.model import Event, Geo, Interval, Mode, Purpose

if TYPE_CHECKING:
    from planner.config import Config


def propose(
    events: Iterable[Event],
    *,
    config: Config,
    catalog: Catalog,
    start: datetime,
    end: datetime,
    purpose: Purpose | str | None = None,
    counterpart_busy: Sequence[Interval] = (),
    counterpart_place: Geo | str | None = None,
    near: Geo | str | None = None,
    count: int = 3,
    modes: Mapping[tuple[str, str], Mode] | None = None,
    geocoder: Geocoder | None = None,
    tags: Collection[str] = (),
    same_time: Interval | None = None,
    whereabouts: Mapping[date, tuple[str, Geo | None, str]] | None = None,
) -> list[Proposal]:
    """One-shot proposals (``planner propose``); place texts are geocoded first.

    Raises :class:`planner.errors.UsageError` when ``near`` or the counterpart's place is text
    that cannot be located.
    """
    proposer = Proposer(
        events, config, catalog, modes=modes, geocoder=geocoder, whereabouts=whereabouts
    )
    found = proposer.propose(
        start,
        end,
        purpose=purpose,
        counterpart_busy=counterpart_busy,
        counterpart_place=resolve_place(proposer.locate, counterpart_place, "--with"),
        near=resolve_place(proposer.locate, near, "--near"),
        count=count,
        tags=tags,
        same_time=same_time,
    )
    return found


def proposals_json(proposals: Iterable[Proposal]) -> dict[str, Any]:
    """``{"proposals": [...]}`` as ``planner propose --json`` prints it."""
    return {"proposals": [p.to_json() for p in proposals]}


def resolve_place(
    locate: Callable[[str], Place | None], value: Geo | str | None, option: str
) -> Geo | None:
    from planner.errors import UsageError, quoted

    if value is None or isinstance(value, Geo):
        return value
    place = locate(value)
    if place is None:
        raise UsageError(
            _("{option}: cannot find the place '{place}'", option=option, place=quoted(value)),
            hint=_("give a city, a postal code or a venue name from the catalog"),
        )
    return place.geo
