"""The time zone of a place: a meeting in person happens at the place's local time.

Proposals keep to meeting windows, working hours and opening hours where the meeting takes
place: a breakfast in New York is at 08:00 New York time, not at 08:00 in the user's home zone
(02:00 there). The zone of a point comes from the time-zone boundaries of ``tzfpy`` (offline,
no network); near the user's home it is the user's zone without looking (the data is loaded
only for a place farther away). Where the zone cannot be told it is the user's, as before.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner.meet.place import distance_km
from planner.model import Geo

log = logging.getLogger("planner")

#: a place this close to home is in the user's zone (no border of zones that differ in the
#: user's working hours runs so close to a home that it would matter for a meeting there)
HOME_KM = 100.0


def zone_at(
    geo: Geo | None,
    default: ZoneInfo,
    *,
    home: Geo | None = None,
    name_of: Callable[[float, float], str] | None = None,
) -> ZoneInfo:
    """The zone of ``geo`` (``default``, the user's, near ``home``, for no place, or where it
    cannot be told). ``name_of(lat, lon)`` tells a zone's name (default :func:`zone_name`;
    :meth:`planner.meet.geo.Geocoder.zone_name` keeps its answers between runs)."""
    if geo is None or (home is not None and distance_km(geo, home) <= HOME_KM):
        return default
    name = (name_of or zone_name)(round(geo.lat, 3), round(geo.lon, 3))
    if not name:
        return default
    if name == default.key:
        return default
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):  # a name this machine's zone data lacks
        return default


def named_zone(name: object, default: ZoneInfo) -> ZoneInfo:
    """The zone a proposal or offer stored for its place (``"America/New_York"``);
    ``default`` (the user's) for none, or a name this machine's zone data lacks."""
    if not isinstance(name, str) or not name:
        return default
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return default


def boundaries_version() -> str:
    """What identifies the installed time-zone boundaries without importing or loading them
    (the size and time of each file of the ``tzfpy`` package): answers kept between runs are
    taken under it; "" where it is not installed."""
    import os
    from importlib.util import find_spec

    spec = find_spec("tzfpy")
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    if not folders:  # pragma: no cover - a dependency; an incomplete install
        return ""
    files = sorted(
        (e.name, e.stat().st_size, e.stat().st_mtime_ns)
        for e in os.scandir(folders[0])
        if e.is_file()
    )
    return "tzfpy:" + ",".join(f"{name}:{size}:{time}" for name, size, time in files)


@lru_cache(maxsize=256)
def zone_name(lat: float, lon: float) -> str:
    """The name of the zone at a point from the time-zone boundaries ("" where none is told):
    the first answer of a process loads them (0.1 to 0.3 s)."""
    try:
        import tzfpy
    except ImportError:  # pragma: no cover - a dependency; an incomplete install
        log.debug("tzfpy is not installed: places are taken to be in the user's zone")
        return ""
    try:
        return str(tzfpy.get_tz(lon, lat) or "")
    except (ValueError, RuntimeError) as exc:
        log.debug("no time zone for %s, %s: %s", lat, lon, exc)
        return ""
