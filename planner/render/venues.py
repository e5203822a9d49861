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


def venues_table(rows: Rows, *, color: bool = False) -> str:
    from rich.table import Table

    out = console(color, 140)
    table = Table()
    table.add_column(_("Venue"), overflow="fold")
    table.add_column(_("Kind"), no_wrap=True)
    table.add_column(_("Address"), overflow="fold")
    table.add_column(_("Opening hours"), overflow="fold")
    table.add_column(_("km"), justify="right")
    for venue, km in rows:
        table.add_row(
            venue.name,
            kind_label(venue.kind.value),
            venue.address,
            venue.opening_hours or "?",
            "" if km is None else _km(km),
        )
    out.print(table)
    out.print(ngettext("{count} venue", "{count} venues", len(rows)))
    return out.file.getvalue()  # type: ignore[attr-defined]
