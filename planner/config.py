"""Loading and validating ``config.toml`` as a whole.

Every section's keys are declared in :data:`SECTIONS` (a calendar's keys by its provider class),
so that all problems are reported at once with their key, and unknown keys are warned about.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner import registry
from planner.errors import ConfigError, ProviderNotFound
from planner.i18n import _
from planner.schema import Field, SourceConfig, parse_time_range, validate_table

log = logging.getLogger("planner")

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _zone_check(value: str) -> str | None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return _(
            "'{value}' is not a known time zone (use an IANA name such as Europe/Berlin)",
            value=value,
        )
    return None


def _language_check(value: str) -> str | None:
    return None if value in ("de", "en") else _('must be "de" or "en"')


def _share_check(value: float) -> str | None:
    return None if 0 <= value <= 1 else _("must lie between 0 and 1 (e.g. 0.3 for 30%)")


def _positive(value: float) -> str | None:
    return None if value > 0 else _("must be greater than 0")


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
        "timezone": Field(str, "Europe/Berlin", check=_zone_check),
        "home": Field(str, ""),
        "domains": Field("str_list", []),
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
    },
    "windows.breakfast": _window("07:30", "09:30", 60, after_work=True),  # before work
    "windows.coffee": _window("09:30", "17:00", 45),
    "windows.lunch": _window("11:45", "14:30", 90),
    "windows.after_work": _window("17:30", "20:00", 60, after_work=True),
    "windows.dinner": _window("18:30", "22:30", 120, after_work=True),
    "travel": {
        "mode": Field(str, "transit"),
        "buffer_minutes": Field(int, 15),
        # 0 (overhead: -1) keeps the built-in model of the mode (planner.meet.geo.MODES)
        "speed_kmh": Field(float, 0.0),
        "detour_factor": Field(float, 0.0),
        "overhead_minutes": Field(int, -1),
        "walk_up_to_km": Field(float, 1.0),
        "unknown_place_minutes": Field(int, 30),
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
        "files": Field("str_list", []),
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
        "ca_file": Field(str, ""),
        "timeout_seconds": Field(int, 30, check=_positive),
    },
    "free_busy": {
        "cache_minutes": Field(int, 30),
    },
    "invite": {
        "reminder_minutes": Field(int, 30),
        "default_duration": Field(int, 60, check=_positive),
        "nudge_days": Field(int, 3, check=_positive),
    },
}

# Ranges of the numbers above (issue 14): out-of-range, NaN and infinite values are one clear
# problem each instead of an OverflowError, a hang (radius_km = inf) or a silent oddity.
RANGES: dict[str, dict[str, tuple[float, float]]] = {
    "relations": {"lookback_days": (1, 3650), "visit_due_days": (1, 3650)},
    "purpose": {"routine_repeats": (1, 100)},
    "recommend": {"virtual_threshold": (1, 100), "recent_days": (1, 3650), "target_share": (0, 1)},
    "slots": {"buffer_minutes": (0, 240), "days_ahead": (1, 366), "step_minutes": (1, 240)},
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
    },
    "venues": {"radius_km": (0, 200)},
    "smtp": {"port": (1, 65535), "timeout_seconds": (1, 600)},
    "invite": {"reminder_minutes": (-1, 40320), "default_duration": (5, 7 * 24 * 60)},
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

CALENDAR_FIELDS: dict[str, Field] = {
    "name": Field(str, required=True),
    "provider": Field(str, required=True),
    "enabled": Field(bool, True),
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
    "days": Field(int, 14, check=_positive),
}


@dataclass(frozen=True)
class SyncConfig:
    """One ``[[sync]]`` table: mirror busy time of ``sources`` into ``target`` (calendar names
    of ``[[calendars]]``), showing ``show``; write travel blocks there when ``travel``."""

    name: str
    sources: tuple[str, ...]
    target: str
    show: str = "busy"
    travel: bool = True
    days: int = 14


@dataclass(frozen=True)
class Config:
    """A validated configuration. ``sections`` holds every section with defaults filled in."""

    sections: Mapping[str, Mapping[str, Any]]
    calendars: tuple[SourceConfig, ...] = ()
    path: Path | None = None
    people: tuple[Mapping[str, str], ...] = ()  # [[people]]: email or domain → city
    syncs: tuple[SyncConfig, ...] = ()

    def __getitem__(self, section: str) -> Mapping[str, Any]:
        return self.sections[section]

    @property
    def user(self) -> Mapping[str, Any]:
        return self.sections["user"]

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.user["timezone"])

    @property
    def own_domains(self) -> frozenset[str]:
        domains = {d.lower() for d in self.user["domains"]}
        if "@" in self.user["email"]:
            domains.add(self.user["email"].rpartition("@")[2].lower())
        return frozenset(domains)

    def working_hours(self, weekday: int) -> tuple[time, time] | None:
        """Working hours for ``weekday`` (0 = Monday), or None when the day is not worked."""
        text = self.sections["working_hours"][WEEKDAYS[weekday]]
        return parse_time_range(text) if text else None


def default_config(**overrides: Mapping[str, Any]) -> Config:
    """A config with every default, e.g. for tests and ``planner classify``."""
    data: dict[str, Any] = {"working_hours": {d: "09:00-18:00" for d in WEEKDAYS[:5]}}
    data.update(overrides)
    return from_mapping(data, "<defaults>")


def load(path: Path) -> Config:
    """Read and validate the config at ``path``; raise :class:`ConfigError` with all problems."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            str(path), [_("not found; run 'planner init' to create one, or pass --config PATH")]
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), [_("cannot be read: {error}", error=exc)]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), [_("is not valid TOML: {error}", error=exc)]) from None
    return from_mapping(data, str(path), path=path)


def from_mapping(data: Mapping[str, Any], where: str, *, path: Path | None = None) -> Config:
    """Validate an already parsed config (see :func:`load`)."""
    problems: list[str] = []
    warnings: list[str] = []
    sections: dict[str, Mapping[str, Any]] = {}
    raw_sections = _flatten_sections(data, problems)
    for name, fields in SECTIONS.items():
        values, found, warned = validate_table(f"[{name}]", raw_sections.pop(name, {}), fields)
        sections[name] = values
        problems += found
        warnings += warned
    for name in raw_sections:
        warnings.append(_("unknown section [{name}] is ignored", name=name))
    calendars = _calendars(data.get("calendars", []), problems, warnings)
    people = _people(data.get("people", []), problems)
    disabled = _disabled(data.get("calendars", []))
    syncs = _syncs(data.get("sync", []), calendars, disabled, problems, warnings)
    for warning in warnings:
        log.warning("%s: %s", where, warning)
    if problems:
        raise ConfigError(where, problems)
    return Config(sections=sections, calendars=calendars, path=path, people=people, syncs=syncs)


def _flatten_sections(data: Mapping[str, Any], problems: list[str]) -> dict[str, Mapping[str, Any]]:
    """Turn ``{"windows": {"lunch": {...}}}`` into ``{"windows.lunch": {...}}``."""
    flat: dict[str, Mapping[str, Any]] = {}
    for name, value in data.items():
        if name in ("calendars", "people", "sync"):
            continue
        if not isinstance(value, dict):
            problems.append(_("'{name}' must be a table [{name}]", name=name))
            continue
        nested = {
            k: v for k, v in value.items() if isinstance(v, dict) and f"{name}.{k}" in SECTIONS
        }
        for key, sub in nested.items():
            flat[f"{name}.{key}"] = sub
        flat[name] = {k: v for k, v in value.items() if k not in nested}
    if "windows" in flat and not flat["windows"]:
        del flat["windows"]
    return flat


def _calendars(entries: Any, problems: list[str], warnings: list[str]) -> tuple[SourceConfig, ...]:
    if not isinstance(entries, list):
        problems.append(_("'calendars' must be a list of [[calendars]] tables"))
        return ()
    result: list[SourceConfig] = []
    names: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        where = f"[[calendars]] #{index}"
        if not isinstance(entry, dict):
            problems.append(_("{where} must be a table", where=where))
            continue
        name = entry.get("name")
        if isinstance(name, str):
            where = f"[[calendars]] '{name}'"
            if name in names:
                problems.append(_("{where} name is used twice", where=where))
            names.add(name)
        common = {k: v for k, v in entry.items() if k in CALENDAR_FIELDS}
        values, found, _ignored = validate_table(where, common, CALENDAR_FIELDS)
        problems += found
        if found:
            continue
        try:
            cls = registry.load(values["provider"])
        except ProviderNotFound as exc:
            problems.append(_("{where} key 'provider': {error}", where=where, error=exc))
            continue
        options = {k: v for k, v in entry.items() if k not in CALENDAR_FIELDS}
        opts, found, warned = validate_table(where, options, cls.options)
        problems += found + [f"{where} {p}" for p in cls.check_options(opts)]
        warnings += warned
        if values["enabled"]:
            result.append(SourceConfig(values["name"], values["provider"], opts))
    return tuple(result)


PEOPLE_FIELDS: dict[str, Field] = {
    "email": Field(str, ""),
    "domain": Field(str, ""),
    "city": Field(str, required=True),
}


def _people(entries: Any, problems: list[str]) -> tuple[Mapping[str, str], ...]:
    """``[[people]]`` tables: where a counterpart (``email``) or organisation (``domain``) is."""
    if not isinstance(entries, list):
        problems.append(_("'people' must be a list of [[people]] tables"))
        return ()
    result = []
    for index, entry in enumerate(entries, start=1):
        where = f"[[people]] #{index}"
        if not isinstance(entry, dict):
            problems.append(_("{where} must be a table", where=where))
            continue
        values, found, _warned = validate_table(where, entry, PEOPLE_FIELDS)
        if not found and not (values["email"] or values["domain"]):
            found = [_("{where} needs a key 'email' or 'domain'", where=where)]
        problems += found
        if not found:
            result.append({k: str(v).strip() for k, v in values.items()})
    return tuple(result)


def _disabled(entries: Any) -> set[str]:
    """Names of the ``[[calendars]]`` entries switched off with ``enabled = false``."""
    if not isinstance(entries, list):
        return set()
    return {
        str(e.get("name"))
        for e in entries
        if isinstance(e, dict) and e.get("enabled") is False and e.get("name")
    }


def _syncs(
    entries: Any,
    calendars: tuple[SourceConfig, ...],
    disabled: set[str],
    problems: list[str],
    warnings: list[str],
) -> tuple[SyncConfig, ...]:
    """The ``[[sync]]`` tables; every calendar they name must be a ``[[calendars]]`` entry, and
    the target one the planner can write its own events into. A table naming a calendar that
    is switched off is skipped with a warning."""
    if not isinstance(entries, list):
        problems.append(_("'sync' must be a list of [[sync]] tables"))
        return ()
    known = {c.name: c for c in calendars}
    result: list[SyncConfig] = []
    for index, entry in enumerate(entries, start=1):
        where = f"[[sync]] #{index}"
        if not isinstance(entry, dict):
            problems.append(_("{where} must be a table", where=where))
            continue
        values, found, warned = validate_table(where, entry, SYNC_FIELDS)
        warnings += warned
        off = sorted({*(values.get("from") or []), values.get("to") or ""} & disabled)
        if off and not found:
            warnings.append(
                _(
                    "{where} is skipped: calendar '{name}' is switched off (enabled = false)",
                    where=where,
                    name=off[0],
                )
            )
            continue
        found += _sync_names(where, values, known)
        problems += found
        if not found:
            name = values["name"] or f"{', '.join(values['from'])} -> {values['to']}"
            result.append(
                SyncConfig(
                    name,
                    tuple(values["from"]),
                    values["to"],
                    values["show"],
                    values["travel"],
                    values["days"],
                )
            )
    return tuple(result)


def _sync_names(where: str, values: Mapping[str, Any], known: Mapping[str, Any]) -> list[str]:
    problems = []
    if not values.get("from") or not values.get("to"):
        return problems  # reported as missing keys already
    for name in [*values["from"], values["to"]]:
        if name not in known:
            problems.append(
                _(
                    "{where} names no enabled [[calendars]] entry: '{name}'",
                    where=where,
                    name=name,
                )
            )
    if values["to"] in values["from"]:
        problems.append(
            _(
                "{where}: '{name}' cannot be source and target at once",
                where=where,
                name=values["to"],
            )
        )
    target = known.get(values["to"])
    if target is not None:
        try:
            cls = registry.load(target.provider)
        except ProviderNotFound:
            return problems
        if not getattr(cls, "can_sync", False):
            problems.append(
                _(
                    "{where}: calendar '{name}' ({provider}) cannot be a sync target",
                    where=where,
                    name=values["to"],
                    provider=target.provider,
                )
            )
        elif target.provider in ("google", "outlook") and not target.options.get("write"):
            problems.append(
                _(
                    "{where}: calendar '{name}' is read-only; set write = true in its "
                    "[[calendars]] entry and sign in again",
                    where=where,
                    name=values["to"],
                )
            )
    return problems
