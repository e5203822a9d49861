"""Venues the user adds by hand (``planner venues add``), kept in a catalog file of planner's
own: ``venues/added.toml`` in the data directory, in the TOML format of every venue file
(``[[venue]]`` tables). It is part of the catalog wherever the configured files are; a venue
added again under the same name replaces the earlier entry. The user's own files are never
written."""

from __future__ import annotations

import json
from pathlib import Path

from planner.meet.venues import Venue, added_path, added_venues
from planner.paths import write_atomic


def add_venue(venue: Venue) -> tuple[Path, bool]:
    """Keep ``venue`` in the file; return the file and whether it replaced one of that name."""
    kept = [v for v in added_venues() if v.name.casefold() != venue.name.casefold()]
    replaced = len(kept) < len(added_venues())
    path = added_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, render([*kept, venue]))
    return path, replaced


def render(venues: list[Venue]) -> str:
    """The TOML text of ``venues`` (as :func:`planner.meet.venues.load_file` reads it)."""
    parts = ["# Venues added with 'planner venues add' (planner rewrites this file).\n"]
    for venue in venues:
        lines = ["", "[[venue]]"]
        fields: list[tuple[str, object]] = [
            ("name", venue.name),
            ("kind", venue.kind.value),
            ("lat", venue.lat),
            ("lon", venue.lon),
            ("address", venue.address),
            ("city", venue.city),
            ("opening_hours", venue.opening_hours),
        ]
        for key, value in fields:
            if value not in ("", None):
                lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        if venue.tags:
            lines.append(f"tags = {json.dumps(sorted(venue.tags), ensure_ascii=False)}")
        if venue.price is not None:
            lines.append(f"price = {venue.price}")
        parts.append("\n".join(lines) + "\n")
    return "".join(parts)
