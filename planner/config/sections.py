"""Every key of ``config.toml``: its type, default, range and check, section by section.

:data:`SECTIONS` holds the plain sections, :data:`CALENDAR_FIELDS` the keys common to every
``[[calendars]]`` table (a provider adds its own), :data:`ADDRESS_BOOK_FIELDS` those of every
``[[addressbooks]]`` table, :data:`PEOPLE_FIELDS` a ``[[people]]`` table and
:data:`SYNC_FIELDS` a ``[[sync]]`` table.
The loader (:mod:`planner.config.loader`) validates a config against them as a whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from planner.config.rhythm import check_rhythm
from planner.config.schema import Check, Field, parse_time_range
from planner.config.zones import canonical_zone, zone_problem
from planner.i18n import _
from planner.model import Mode, Purpose

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _emails_check(value: list[str]) -> str | None:
    """Each an e-mail address on one line."""
    for item in value:
        if "@" not in item or any(ch in item for ch in "\r\n\t ,;<>"):
            return _("must list e-mail addresses, one per item ('{value}' is none)", value=item)
    return None


def _language_check(value: str) -> str | None:
    return None if value in ("de", "en") else _('must be "de" or "en"')


def _share_check(value: float) -> str | None:
    return None if 0 <= value <= 1 else _("must lie between 0 and 1 (e.g. 0.3 for 30%)")


def _feed_private_check(value: str) -> str | None:
    return None if value in ("busy", "hide") else _('must be "busy" or "hide"')


def _positive(value: float) -> str | None:
    return None if value > 0 else _("must be greater than 0")


def _base_url_check(value: str) -> str | None:
    """The served offer page's public address: https (TLS at the proxy), or http on this
    machine; no query or fragment."""
    from urllib.parse import urlsplit

    if not value:
        return None
    parts = urlsplit(value)
    local = parts.hostname in ("127.0.0.1", "::1", "localhost")
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return _("must be an address such as https://meet.example.com/planner/")
    if parts.scheme == "http" and not local:
        return _("must start with https:// (TLS at your reverse proxy); http only on this machine")
    if parts.query or parts.fragment:
        return _("must have no query (?…) or fragment (#…)")
    return None


def _window(start: str, end: str, minutes: int, after_work: bool = False) -> dict[str, Field]:
    return {
        "time": Field("time_range", f"{start}-{end}"),
        "duration": Field(int, minutes, check=_positive),
        "outside_working_hours": Field(bool, after_work),
    }


SECTIONS: dict[str, dict[str, Field]] = {
    "user": {
        "name": Field(str, ""),
        "email": Field(str, ""),
        "timezone": Field(str, "Europe/Berlin", check=zone_problem, canonical=canonical_zone),
        "home": Field(str, ""),
        "domains": Field("str_list", []),
        "other_emails": Field("str_list", [], check=_emails_check),
        "language": Field(str, "en", check=_language_check),
    },
    "working_hours": {day: Field("time_range", "") for day in WEEKDAYS},
    "relations": {
        "lookback_days": Field(int, 365, check=_positive),
        "freemail_domains": Field("str_list", []),
        "key_accounts": Field("str_list", []),
        "visit_due_days": Field(int, 90, check=_positive),
    },
    "purpose": {
        "first_contact_words": Field("str_list", []),
        "deal_closing_words": Field("str_list", []),
        "personal_words": Field("str_list", []),
        "networking_words": Field("str_list", []),
        "visit_words": Field("str_list", []),
        "routine_repeats": Field(int, 2, check=_positive),
    },
    "recommend": {
        "virtual_threshold": Field(int, 3, check=_positive),
        "recent_days": Field(int, 60, check=_positive),
        "target_share": Field(float, 0.3, check=_share_check),
    },
    "slots": {
        "tentative_blocks": Field(bool, True),
        "buffer_minutes": Field(int, 15),
        "days_ahead": Field(int, 14, check=_positive),
        "step_minutes": Field(int, 15, check=_positive),
        "focus_blocks": Field(bool, True),
        "notice_hours": Field(int, 4),
    },
    "windows.breakfast": _window("07:30", "09:30", 60, after_work=True),  # before work
    "windows.coffee": _window("09:30", "17:00", 45),
    "windows.lunch": _window("11:45", "14:30", 90),
    "windows.after_work": _window("17:30", "20:00", 60, after_work=True),
    "windows.dinner": _window("18:30", "22:30", 120, after_work=True),
    "travel": {
        "mode": Field(str, "transit"),
        "buffer_minutes": Field(int, 15),
        # 0 (overhead: -1) keeps the built-in model of the mode (planner.meet.travel_time.MODES)
        "speed_kmh": Field(float, 0.0),
        "detour_factor": Field(float, 0.0),
        "overhead_minutes": Field(int, -1),
        "walk_up_to_km": Field(float, 1.0),
        "unknown_place_minutes": Field(int, 30),
        # another address in the same town when only the town is known (no street position)
        "in_town_minutes": Field(int, 20),
        # after a train or flight arrives (and before one departs), before the transfer
        "arrival_buffer_minutes": Field(int, 20),
        # the longest way, each way, that a proposal may ask of anyone (planner.meet.budget)
        "longest_journey_minutes": Field(int, 120),
        # a deal closing's (a signing): worth a day trip by plane
        "longest_journey_deal_minutes": Field(int, 240),
        "journey_per_meeting": Field(float, 2.5),
    },
    "geo": {
        "online": Field(bool, False),
        "user_agent": Field(str, ""),
        "nominatim_url": Field(str, "https://nominatim.openstreetmap.org"),
        "country": Field(str, "DE"),
        "overpass_url": Field(str, "https://overpass-api.de/api/interpreter"),
        "timeout_seconds": Field(int, 60, check=_positive),
        # a counterpart farther away than this lives in another city (planner.meet.faraway)
        "far_away_km": Field(float, 100.0, check=_positive),
    },
    "venues": {
        "files": Field("str_list", [], path=True),
        "favourites": Field("str_list", []),
        "radius_km": Field(float, 8.0, check=_positive),
        "max_age_days": Field(int, 90, check=_positive),
        "min_venues": Field(int, 5, check=_positive),
    },
    "smtp": {
        "host": Field(str, ""),
        "port": Field(int, 587),
        "security": Field(str, "starttls"),
        "username": Field(str, ""),
        "password": Field(str, "", secret=True),
        "password_env": Field(str, "PLANNER_SMTP_PASSWORD"),
        "sender": Field(str, ""),
        "ca_file": Field(str, "", path=True),
        "timeout_seconds": Field(int, 30, check=_positive),
    },
    "free_busy": {
        "cache_minutes": Field(int, 30),
    },
    "invite": {
        "reminder_minutes": Field(int, 30),
        "default_duration": Field(int, 60, check=_positive),
        "nudge_days": Field(int, 3, check=_positive),
        # an invitation without an answer keeps its time busy for other proposals this long
        "hold_days": Field(int, 14, check=_positive),
    },
    "offer": {
        "valid_days": Field(int, 3),
        "calendar": Field(str, ""),
    },
    "serve": {
        "base_url": Field(str, "", check=_base_url_check),
        "host": Field(str, "127.0.0.1"),
        "port": Field(int, 8425),
        "trusted_proxies": Field("str_list", ["127.0.0.1"]),
        "client_requests_per_minute": Field(int, 30),
        "link_requests_per_hour": Field(int, 60),
    },
    "keep_in_touch": {
        "per_week": Field(int, 3),
        "near_km": Field(float, 40.0),
        "days_ahead": Field(int, 60),
        "default_rhythm": Field(str, "", check=check_rhythm),
    },
    "feed": {
        # what a proposal for a private or confidential meeting shows: "Busy", or nothing
        "private": Field(str, "busy", check=_feed_private_check),
    },
}

# Ranges of the numbers above (issue 14): out-of-range, NaN and infinite values are one clear
# problem each instead of an OverflowError, a hang (radius_km = inf) or a silent oddity.
RANGES: dict[str, dict[str, tuple[float, float]]] = {
    "relations": {"lookback_days": (1, 3650), "visit_due_days": (1, 3650)},
    "purpose": {"routine_repeats": (1, 100)},
    "recommend": {"virtual_threshold": (1, 100), "recent_days": (1, 3650), "target_share": (0, 1)},
    "slots": {
        "buffer_minutes": (0, 240),
        "days_ahead": (1, 366),
        "step_minutes": (1, 240),
        "notice_hours": (0, 336),
    },
    **{
        f"windows.{kind}": {"duration": (5, 720)}
        for kind in ("breakfast", "coffee", "lunch", "after_work", "dinner")
    },
    "travel": {
        "buffer_minutes": (0, 240),
        "speed_kmh": (0, 1000),
        "detour_factor": (0, 10),
        "overhead_minutes": (-1, 600),
        "walk_up_to_km": (0, 50),
        "unknown_place_minutes": (0, 600),
        "in_town_minutes": (0, 240),
        "arrival_buffer_minutes": (0, 240),
        "longest_journey_minutes": (10, 24 * 60),
        "longest_journey_deal_minutes": (10, 24 * 60),
        "journey_per_meeting": (0.5, 50),
    },
    "geo": {"timeout_seconds": (1, 600), "far_away_km": (1, 20000)},
    "venues": {"radius_km": (0, 200), "max_age_days": (1, 3650), "min_venues": (1, 1000)},
    "smtp": {"port": (1, 65535), "timeout_seconds": (1, 600)},
    "free_busy": {"cache_minutes": (0, 7 * 24 * 60)},
    "invite": {
        "reminder_minutes": (-1, 40320),
        "default_duration": (5, 7 * 24 * 60),
        "nudge_days": (1, 365),
        "hold_days": (1, 365),
    },
    "offer": {"valid_days": (1, 60)},
    "serve": {
        "port": (1, 65535),
        "client_requests_per_minute": (1, 10000),
        "link_requests_per_hour": (1, 10000),
    },
    "keep_in_touch": {"per_week": (0, 50), "near_km": (1, 500), "days_ahead": (1, 366)},
}


def _one_line(value: str) -> str | None:
    """Header-bound text (names, addresses, host): no CR, LF or other control characters."""
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        return _("must be one line without control characters (it goes into mail headers)")
    return None


for _section, _key in (
    ("user", "name"),
    ("user", "email"),
    ("smtp", "host"),
    ("smtp", "username"),
    ("smtp", "sender"),
):
    if SECTIONS[_section][_key].check is None:
        SECTIONS[_section][_key] = replace(SECTIONS[_section][_key], check=_one_line)
for _section, _keys in RANGES.items():
    for _key, (_low, _high) in _keys.items():
        if _key in SECTIONS.get(_section, {}):
            SECTIONS[_section][_key] = replace(
                SECTIONS[_section][_key], minimum=_low, maximum=_high
            )


def _choice(choices: tuple[str, ...]) -> Check:
    def check(value: str) -> str | None:
        if value in choices:
            return None
        return _("must be one of {choices}", choices=", ".join(c for c in choices if c))

    return check


SOURCE_FIELDS: dict[str, Field] = {
    "name": Field(str, required=True),
    "provider": Field(str, required=True),
    "enabled": Field(bool, True),
}
CALENDAR_FIELDS: dict[str, Field] = {
    **SOURCE_FIELDS,
    # whose entries it holds: planner.calendar.ownership (ROLES there)
    "role": Field(str, "auto", check=_choice(("auto", "own", "shared"))),
}
# the keys every [[addressbooks]] table has (a provider adds its own)
ADDRESS_BOOK_FIELDS: dict[str, Field] = {
    **SOURCE_FIELDS,
    "refresh_hours": Field(float, 12.0, minimum=0, maximum=24 * 365),
}
# a [[people]] table: a person (email), an organisation (domain) or a group (tag)
PEOPLE_FIELDS: dict[str, Field] = {
    "email": Field(str, ""),
    "domain": Field(str, ""),
    "tag": Field(str, ""),
    "name": Field(str, ""),
    "organisation": Field(str, ""),
    "city": Field(str, ""),
    "rhythm": Field(str, "", check=check_rhythm),
    "tags": Field("str_list", []),
}


def _show_check(value: str) -> str | None:
    return None if value in SYNC_SHOW else _('must be "busy", "title" or "title_and_place"')


SYNC_SHOW = ("busy", "title", "title_and_place")
SYNC_FIELDS: dict[str, Field] = {
    "name": Field(str, ""),
    "from": Field("str_list", required=True),
    "to": Field(str, required=True),
    "show": Field(str, "busy", check=_show_check),
    "travel": Field(bool, True),
    "days": Field(int, 14, minimum=1, maximum=366),
}


MODES = tuple(mode.value for mode in Mode)
PURPOSES = tuple(purpose.value for purpose in Purpose)


#: A ``[[rules]]`` table: the user's word on the events it matches (every condition given must
#: hold), as ``planner mark`` records it in the state database; see planner.judge.corrections.
RULE_CONDITIONS = ("title", "organizer_domain", "organisation", "counterpart", "calendar")
RULE_OUTCOMES = ("mode", "purpose", "meeting")
RULE_FIELDS: dict[str, Field] = {
    "title": Field(str, ""),  # a pattern: * and ? as wildcards, case-insensitive
    "organizer_domain": Field(str, ""),
    "organisation": Field(str, ""),  # a domain: anyone of it among the people
    "counterpart": Field(str, ""),  # an e-mail address among the attendees
    "calendar": Field(str, ""),  # a [[calendars]] name
    "mode": Field(str, "", check=_choice(("", *MODES))),
    "purpose": Field(str, "", check=_choice(("", *PURPOSES))),
    "meeting": Field(bool, None),
}


def repeated_name(where: str, name: str, names: dict[str, str]) -> list[str]:
    """A name given before, also in another case or with other spaces around it: such names
    would share what is kept per name (a token file on a file system that ignores case)."""
    key = name.strip().casefold()
    if key not in names:
        names[key] = name
        return []
    other = names[key]
    if other == name:
        return [_("{where} name is used twice", where=where)]
    return [
        _(
            "{where} name is the same as '{other}' but for case or spaces; give each entry "
            "a name of its own",
            where=where,
            other=other,
        )
    ]


def windows_that_never_fit(sections: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """A meeting window whose duration is longer than its time never holds a proposal."""
    found = []
    for name, values in sections.items():
        hours = parse_time_range(values["time"]) if name.startswith("windows.") else None
        if hours is None:
            continue
        room = (hours[1].hour - hours[0].hour) * 60 + hours[1].minute - hours[0].minute
        if values["duration"] > room:
            found.append(
                _(
                    "[{name}] duration {minutes} minutes does not fit into its time {time} "
                    "({room} minutes): nothing is ever proposed in this window",
                    name=name,
                    minutes=values["duration"],
                    time=values["time"],
                    room=room,
                )
            )
    return found
