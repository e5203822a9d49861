"""TZID forms seen in the wild that are neither IANA nor exact Windows names (a helper of
:class:`planner.ical.parsing.ZoneResolver`).

* ``/Europe/Stockholm`` (leading slash), ``/freeassociation.sourceforge.net/Tzfile/Europe/Berlin``
  and ``/mozilla.org/20050126_1/Europe/Berlin`` (vendor prefixes, RFC 5545 §3.2.19 "globally
  unique" ids): the longest suffix that is an IANA name;
* ``europe/berlin``, ``W. EUROPE STANDARD TIME``: IANA and Windows names in another case;
* ``UTC+01:00``, ``GMT-5``, ``GMT+0530``: a fixed offset;
* ``(UTC-05:00) Eastern Time (US & Canada)``: a legacy Outlook display name
  (:func:`display_name_zone`, tried after the file's own VTIMEZONE).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from planner.config.zones import iana_names, iana_zone, zone_of_key

_OFFSET = re.compile(r"^(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)
_DISPLAY_NAME = re.compile(r"^\((?:UTC|GMT)\s*(?:([+-])(\d{1,2}):?(\d{2})?)?\)\s*(.+)$")


def resolve_alias(tzid: str) -> tzinfo | None:
    """The zone ``tzid`` means, or None when it is none of the forms above."""
    name = tzid.strip().strip('"').strip()
    if not name:
        return None
    if (found := _suffix(name)) is not None:
        return found
    if (key := iana_names().get(name.lower())) is not None:
        return ZoneInfo(key)
    if (key := _lower_windows().get(" ".join(name.split()).lower())) is not None:
        return zone_of_key(key)
    return _fixed_offset(name)


def typed_zone(text: str, option: str = "--zone") -> str:
    """The IANA name of a zone the user typed after ``option``, in any case
    ("america/new_york"); one clear error when it names none."""
    from planner.errors import UsageError
    from planner.i18n import _

    found = iana_zone(text)
    if found is None:
        raise UsageError(
            _("{option} {zone}: not a known time zone", option=option, zone=text),
            hint=_("give an IANA name such as Europe/London or America/New_York"),
        )
    return found.key


def _suffix(name: str) -> ZoneInfo | None:
    parts = [p for p in name.split("/") if p]
    if len(parts) < 2 and not name.startswith("/"):
        return None
    for first in range(len(parts)):
        tail = parts[first:]
        if len(tail) < 2 and tail[0].upper() not in ("UTC", "GMT"):
            continue
        if (found := zone_of_key(iana_names().get("/".join(tail).lower(), ""))) is not None:
            return found
    return None


def _fixed_offset(name: str) -> tzinfo | None:
    match = _OFFSET.match(name)
    if match is None:
        return None
    sign, hours, minutes = match.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta >= timedelta(hours=24):
        return None
    return timezone(-delta if sign == "-" else delta)


def windows() -> dict[str, str]:
    """CLDR's Windows zone names → IANA names, as icalendar ships them. Asked only for a TZID
    that is no IANA name: importing icalendar costs a tenth of a second, and a run that reads
    only plain VEVENTs (:mod:`planner.ical.plain`) does without it."""
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    return WINDOWS_TO_OLSON


@cache
def _lower_windows() -> dict[str, str]:
    return {name.lower(): key for name, key in windows().items()}


@cache
def _city_zones() -> dict[str, str]:
    """``"sydney"`` → ``"Australia/Sydney"`` for every IANA zone (built once, on demand)."""
    table: dict[str, str] = {}
    for key in sorted(available_timezones()):
        if "/" in key and not key.startswith(("Etc/", "SystemV/", "US/")):
            table.setdefault(key.rsplit("/", 1)[1].replace("_", " ").lower(), key)
    return table


@cache
def display_name_zone(name: str) -> tzinfo | None:
    """Legacy Outlook TZIDs such as ``"(UTC-05:00) Eastern Time (US & Canada)"``.

    Built on the CLDR Windows table: the label itself, ``"X Time"`` → ``"X Standard Time"``, then
    the cities it names; a candidate must have the stated UTC offset. Last resort: that offset.
    """
    match = _DISPLAY_NAME.match(name)
    if match is None:
        return None
    sign, hours, minutes, label = match.groups()
    offset = timedelta(hours=int(hours or 0), minutes=int(minutes or 0))
    offset = -offset if sign == "-" else offset
    bare = re.sub(r"\s*\(.*?\)\s*$", "", label).strip()
    table = windows()
    candidates = [table.get(label), table.get(bare)]
    candidates.append(table.get(re.sub(r"\bTime$", "Standard Time", bare)))
    cities = _city_zones()
    candidates += [cities.get(part.strip().lower()) for part in re.split(r",|&|/| and ", label)]
    for candidate in candidates:
        zone = zone_of_key(candidate) if candidate else None
        if zone is not None and _has_offset(zone, offset):
            return zone
    return timezone(offset, label) if sign else None


def _has_offset(zone: ZoneInfo, offset: timedelta) -> bool:
    return any(datetime(2021, month, 1, tzinfo=zone).utcoffset() == offset for month in (1, 7))
