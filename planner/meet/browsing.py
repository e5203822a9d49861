"""Browsing the venue catalog (``planner venues``, the ``venues`` tool): nearest first, by
kind, open at a moment."""

from __future__ import annotations

from datetime import datetime, timedelta

from planner.meet.kinds import VenueKind
from planner.meet.venues import Catalog, OpenState, Venue
from planner.model import Geo


def browse(
    catalog: Catalog,
    *,
    near: Geo | None = None,
    kind: VenueKind | str | None = None,
    open_at: datetime | None = None,
    radius_km: float = 5.0,
    limit: int | None = None,
) -> list[tuple[Venue, float | None]]:
    """Venues for ``planner venues``: ``(venue, distance_km or None)``, nearest first.

    ``open_at`` keeps venues open at that moment (unknown hours are left out).
    """
    wanted = VenueKind(kind) if kind else None
    pairs: list[tuple[Venue, float | None]]
    if near is not None:
        pairs = [(v, km) for km, v in catalog.near(near, radius_km)]
    else:
        pairs = [(v, None) for v in sorted(catalog.venues, key=lambda v: v.name.casefold())]
    result = []
    for venue, km in pairs:
        if wanted is not None and venue.kind is not wanted:
            continue
        if open_at is not None:
            moment = open_at + timedelta(minutes=1)
            if catalog.open_state(venue, open_at, moment) is not OpenState.OPEN:
                continue
        result.append((venue, km))
    return result[:limit] if limit else result
