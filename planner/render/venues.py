"""Output of ``planner venues``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from planner.i18n import _, language, ngettext
from planner.render.json import dumps
from planner.render.table import console

if TYPE_CHECKING:
    from planner.meet.venues import Venue

Rows = Sequence[tuple["Venue", float | None]]


def venue_to_dict(venue: Venue, km: float | None = None) -> dict[str, Any]:
    return {
        "name": venue.name,
        "kind": venue.kind.value,
        "address": venue.address,
        "city": venue.city,
        "lat": venue.lat,
        "lon": venue.lon,
        "opening_hours": venue.opening_hours,
        "tags": sorted(venue.tags),
        "price": venue.price,
        "distance_km": None if km is None else round(km, 2),
        "source": venue.source,  # a file, or "OpenStreetMap node/1, fetched 2026-12-01"
    }


def venues_json(rows: Rows) -> str:
    return dumps({"venues": [venue_to_dict(v, km) for v, km in rows]})


def kind_label(kind: str) -> str:
    return {
        "hotel_lounge": _("hotel lounge"),
        "restaurant": _("restaurant"),
        "cafe": _("café"),
        "bar": _("bar"),
        "coworking": _("coworking space"),
        "networking": _("networking space"),
        "station_lounge": _("station lounge"),
        "airport_lounge": _("airport lounge"),
    }.get(kind, kind)


def _km(km: float) -> str:
    """``1.5`` / ``1,5`` in the current language."""
    from babel.numbers import format_decimal

    return format_decimal(round(km, 1), format="0.0", locale=language())


def venues_table(rows: Rows, *, color: bool = False, width: int = 120) -> str:
    from rich.markup import escape

    from planner.meet.opening import describe
    from planner.render.fit import Column, fitted_table

    out = console(color, width)
    columns = [
        Column(_("Venue"), flex=True, min=24),
        Column(_("Kind"), drop=2),
        Column(_("Address"), flex=True, min=16, drop=3),
        Column(_("Opening hours"), flex=True, min=14, drop=1),
        Column(_("km"), justify="right"),
    ]
    cells = [
        [
            escape(venue.name),
            kind_label(venue.kind.value),
            escape(venue.address),
            escape(describe(venue.opening_hours) or "?"),
            "" if km is None else _km(km),
        ]
        for venue, km in rows
    ]
    out.print(fitted_table(columns, cells, width))
    out.print(ngettext("{count} venue", "{count} venues", len(rows)))
    return out.file.getvalue()  # type: ignore[attr-defined]
