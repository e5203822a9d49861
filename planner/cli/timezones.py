"""A time zone typed after a time: ``2027-03-10 09:00 America/New_York``, ``… -05:00``,
``… UTC+5:30``, ``… EST``, ``… MEZ``. A zone the user typed is never dropped.

- An IANA name (any case) is that zone; ``UTC``, ``GMT``, ``Z`` are UTC; an offset is that
  fixed offset (an invitation then writes its times in UTC).
- An abbreviation is read from the tz database itself: the zones that use it in that year.
  It is taken only when it is unambiguous: all of them mean the same offset, and the zone taken
  (the user's own zone if it uses the abbreviation, else the usual one, :data:`USUAL`, else the
  only one) shows that abbreviation at that date. ``PST`` (Los Angeles, Manila), ``CST``
  (Chicago, Shanghai, Havana) and ``IST`` (India, Ireland, Israel) are refused; so is ``EST``
  on a summer day, when New York is on EDT. The user is told which zone was taken.
- Anything else is refused with a line that says what to write instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from planner.errors import UsageError
from planner.i18n import _

#: The zone an abbreviation means when several zones share it (and the offset).
USUAL: dict[str, str] = {
    "EST": "America/New_York", "EDT": "America/New_York", "CDT": "America/Chicago",
    "MST": "America/Denver", "MDT": "America/Denver", "PDT": "America/Los_Angeles",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage", "HST": "Pacific/Honolulu",
    "AST": "America/Halifax", "ADT": "America/Halifax", "NST": "America/St_Johns",
    "NDT": "America/St_Johns", "GMT": "Europe/London", "BST": "Europe/London",
    "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon", "CET": "Europe/Berlin",
    "CEST": "Europe/Berlin", "EET": "Europe/Athens", "EEST": "Europe/Athens",
    "MSK": "Europe/Moscow", "SAST": "Africa/Johannesburg", "CAT": "Africa/Maputo",
    "EAT": "Africa/Nairobi", "WAT": "Africa/Lagos", "JST": "Asia/Tokyo", "KST": "Asia/Seoul",
    "HKT": "Asia/Hong_Kong", "PKT": "Asia/Karachi", "WIB": "Asia/Jakarta",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "ACST": "Australia/Adelaide",
    "ACDT": "Australia/Adelaide", "AWST": "Australia/Perth", "NZST": "Pacific/Auckland",
    "NZDT": "Pacific/Auckland",
}  # fmt: skip
#: German names of the European zones.
GERMAN = {"MEZ": "CET", "MESZ": "CEST", "OEZ": "EET", "OESZ": "EEST", "WEZ": "WET",
          "WESZ": "WEST"}  # fmt: skip
UTC_NAMES = frozenset({"UTC", "UT", "GMT", "Z", "ZULU"})
#: Capital words after a time that are no zone.
NOT_ZONES = frozenset({"AM", "PM", "A", "P", "H", "UHR", "MIT", "UND"})
_OFFSET = re.compile(r"^(?:UTC|GMT|UT)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)
_TAIL = (  # compiled (and cached by ``re``) when a time is typed with its zone
    r"(?i)^(?P<rest>.*?\S)\s+\(?(?P<zone>(?:UTC|GMT|UT)?\s*[+\-−]\s*\d{1,2}(?::?\d{2})?"
    r"|[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)+|[A-Za-z]{1,5})\)?$"
)


@dataclass(frozen=True, slots=True)
class Placed:
    """A wall-clock time placed in the zone typed after it."""

    moment: datetime
    note: str = ""  # which zone an abbreviation was taken as; "" when there is nothing to say
    exact: bool = False  # the typed zone fixes the UTC offset: the instant needs no DST choice


def split_zone(text: str) -> tuple[str, str]:
    """``(the text before the zone, the zone as typed)``; the zone is ``""`` when the text
    does not end in one (``"morgen 9 Uhr"``, ``"next monday"``, ``"9 PM"``)."""
    match = re.match(_TAIL, text.strip())
    if match is None:
        return text.strip(), ""
    zone = match.group("zone")
    word = zone.upper()
    if "/" in zone or _OFFSET.match(zone) or word in UTC_NAMES:
        return match.group("rest"), zone
    if zone.isupper() and word not in NOT_ZONES and len(zone) >= 2:
        return match.group("rest"), zone
    return text.strip(), ""


def place(wall: datetime, zone_text: str, option: str, user_zone: tzinfo) -> Placed:
    """The naive ``wall`` time in the zone ``zone_text`` (see the module doc)."""
    word = zone_text.strip().upper()
    if word in UTC_NAMES:
        return Placed(wall.replace(tzinfo=UTC), exact=True)
    if match := _OFFSET.match(zone_text.strip()):
        return Placed(wall.replace(tzinfo=_offset(match, zone_text, option)), exact=True)
    if "/" in zone_text:
        from planner.ical.tzids import iana_zone

        zone = iana_zone(zone_text)
        if zone is None:
            raise UsageError(_unknown(option, zone_text))
        return Placed(wall.replace(tzinfo=zone))
    return _abbreviation(wall, GERMAN.get(word, word), zone_text, option, user_zone)


def _offset(match: re.Match[str], text: str, option: str) -> timezone:
    sign, hours, minutes = match.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta > timedelta(hours=14) or int(minutes or 0) >= 60:
        raise UsageError(
            _("{option}: '{zone}' is no UTC offset; offsets run from -12:00 to +14:00",
              option=option, zone=text)
        )  # fmt: skip
    return timezone(-delta if sign in "-−" else delta)


def _abbreviation(wall: datetime, abbr: str, typed: str, option: str, user_zone: tzinfo) -> Placed:
    users = _usage(wall.year).get(abbr)
    if not users:
        raise UsageError(_unknown(option, typed))
    offsets = sorted(set(users.values()))
    if len(offsets) > 1:
        choices = _("{first} or {second}", first=_example(users, offsets[0], abbr, user_zone),
                    second=_example(users, offsets[-1], abbr, user_zone))  # fmt: skip
        raise UsageError(
            _("{option}: '{zone}' is ambiguous: {choices}; write the zone's name or the offset, "
              "e.g. '{example}'", option=option, zone=typed, choices=choices,
              example=_representative(users, offsets[0], abbr, user_zone))
        )  # fmt: skip
    offset = offsets[0]
    key = _chosen(users, abbr, user_zone)
    instant = wall.replace(tzinfo=timezone(offset))
    if key is None:
        note = _("{option}: '{zone}' read as UTC{offset}", option=option, zone=typed,
                 offset=_hours(offset))  # fmt: skip
        return Placed(wall.replace(tzinfo=timezone(offset, abbr)), note, exact=True)
    local = instant.astimezone(ZoneInfo(key))
    if local.replace(tzinfo=None) != wall or (local.tzname() or "").upper() != abbr:
        raise UsageError(
            _("{option}: '{zone}' is UTC{offset}, but {name} is on {actual} (UTC{actual_offset}) "
              "on {date}; write '{name}' for its local time or '{offset}'", option=option,
              zone=typed, offset=_hours(offset), name=key, actual=local.tzname(),
              actual_offset=_hours(local.utcoffset()), date=wall.date().isoformat())
        )  # fmt: skip
    note = _("{option}: '{zone}' read as {name} (UTC{offset})", option=option, zone=typed,
             name=key, offset=_hours(offset))  # fmt: skip
    return Placed(local, note, exact=True)


def _chosen(users: dict[str, timedelta], abbr: str, user_zone: tzinfo) -> str | None:
    own = getattr(user_zone, "key", "")
    if own in users:
        return own
    if USUAL.get(abbr) in users:
        return USUAL[abbr]
    return next(iter(users)) if len(users) == 1 else None


def _representative(
    users: dict[str, timedelta], offset: timedelta, abbr: str, user_zone: tzinfo
) -> str:
    same = {k: v for k, v in users.items() if v == offset}
    return _chosen(same, abbr, user_zone) or min(same, key=lambda k: (k not in _FAMOUS, k))


def _example(users: dict[str, timedelta], offset: timedelta, abbr: str, tz: tzinfo) -> str:
    return f"UTC{_hours(offset)} ({_representative(users, offset, abbr, tz)})"


_FAMOUS = frozenset({
    "America/Los_Angeles", "Asia/Manila", "America/Chicago", "Asia/Shanghai", "America/Havana",
    "Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem", "America/New_York", "Europe/London",
})  # fmt: skip


def _hours(offset: timedelta | None) -> str:
    minutes = int((offset or timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _unknown(option: str, zone: str) -> str:
    return _(
        "{option}: '{zone}' is not a time zone planner knows; write a zone name such as "
        "Europe/Berlin or America/New_York, or an offset such as +01:00",
        option=option,
        zone=zone,
    )


@cache
def _usage(year: int) -> dict[str, dict[str, timedelta]]:
    """Abbreviation → {zone: its UTC offset} for every zone that shows it in ``year``."""
    found: dict[str, dict[str, timedelta]] = {}
    samples = [datetime(year, month, 15, 12, tzinfo=UTC) for month in range(1, 13)]
    for key in sorted(available_timezones()):
        if "/" not in key or key.startswith(("Etc/", "SystemV/", "US/", "posix", "right")):
            continue
        zone = ZoneInfo(key)
        for moment in samples:
            local = moment.astimezone(zone)
            name, offset = local.tzname() or "", local.utcoffset()
            if name and name[0].isalpha() and offset is not None:
                found.setdefault(name.upper(), {}).setdefault(key, offset)
    return found
