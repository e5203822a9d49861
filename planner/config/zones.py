"""The user's time zone as the config names it: an IANA name in any case ("america/new_york"
is America/New_York), and never an abbreviation that silently fixes the clock.

``EST``, ``MST`` and ``HST`` are IANA names too, but of a fixed offset all year: a New York
user who writes ``timezone = "EST"`` would be an hour off from March to November without a
word. A configured zone that is an abbreviation (letters and digits only, no region) and keeps
one offset all year is refused with the place names that mean it; ``UTC`` and ``GMT`` are
what they say. (Abbreviations whose IANA zone changes the clock, ``CET`` or ``EET``, follow
the rules of their region and are taken.)
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from planner.i18n import _

_ABBREVIATION = re.compile(r"^[A-Za-z]{2,5}[0-9]?$")
_UNIVERSAL = frozenset({"utc", "gmt", "uct", "zulu", "universal", "greenwich", "gmt0"})
#: The places an abbreviation of a fixed offset usually stands for (the hint of the refusal).
_PLACES = {
    "EST": "America/New_York, America/Toronto",
    "MST": "America/Denver, America/Phoenix",
    "HST": "Pacific/Honolulu",
}


def iana_zone(name: str) -> ZoneInfo | None:
    """The IANA zone ``name`` in any case (``america/new_york``), None when there is none.
    A name spelt as the IANA spells it is found without listing every zone (that listing
    walks the zone files: some 40 ms of every command's start)."""
    name = name.strip()
    if (found := zone_of_key(name)) is not None:  # the IANA's spelling
        return found
    return zone_of_key(iana_names().get(name.lower(), ""))


def zone_of_key(key: str) -> ZoneInfo | None:
    """The zone of an exact IANA ``key``, None for "" or none (a folder, a name too long)."""
    if not key:
        return None
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def canonical_zone(name: str) -> str:
    """``name`` as the IANA spells it (``europe/berlin`` → ``Europe/Berlin``); ``name`` itself
    when it is none (the check says so)."""
    found = iana_zone(name)
    return found.key if found is not None else name


def zone_problem(value: str) -> str | None:
    """Why ``value`` cannot be the user's zone, None when it can."""
    found = iana_zone(value)
    if found is None:
        return _(
            "'{value}' is not a known time zone (use an IANA name such as Europe/Berlin)",
            value=value,
        )
    name = value.strip()
    if _ABBREVIATION.match(name) and name.lower() not in _UNIVERSAL and _fixed(found):
        offset = datetime(2026, 1, 15, tzinfo=found).strftime("%z")
        places = _PLACES.get(name.upper(), _("the zone of your city, such as America/New_York"))
        return _(
            "'{value}' is a fixed offset of UTC{offset} all year, without summer time; name "
            "your place instead: {places}",
            value=value,
            offset=f"{offset[:3]}:{offset[3:]}",
            places=places,
        )
    return None


def _fixed(zone: ZoneInfo) -> bool:
    """Whether ``zone`` keeps one UTC offset all year (now and next year)."""
    offsets = {
        datetime(year, month, 15, 12, tzinfo=zone).utcoffset()
        for year in (2026, 2027)
        for month in (1, 4, 7, 10)
    }
    return len(offsets) == 1


@cache
def iana_names() -> dict[str, str]:
    """Every IANA zone name by its lower case."""
    return {key.lower(): key for key in available_timezones()}
