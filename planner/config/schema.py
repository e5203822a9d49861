"""A small declarative schema for the TOML config: fields with a type, a default and a check.

Validation collects every problem instead of stopping at the first one, so the user can fix a
config in one go.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any

from planner.i18n import _

Check = Callable[[Any], str | None]  # returns a problem text, or None when the value is fine

_TIME_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


@dataclass(frozen=True)
class Field:
    """One config key. ``kind`` is a Python type, or ``"str_list"`` / ``"time_range"``."""

    kind: type | str
    default: Any = None
    required: bool = False
    check: Check | None = None
    secret: bool = False  # secrets may never be written into the config file
    # a file or folder: ``~`` expanded, relative to the config file's folder (the loader)
    path: bool = False
    minimum: float | None = None  # for int and float fields: the allowed range
    maximum: float | None = None
    # the value as it is kept once valid (a zone in the IANA's spelling)
    canonical: Callable[[Any], Any] | None = None

    def validate(self, value: Any) -> str | None:
        problem = _check_kind(self.kind, value)
        if problem is None:
            problem = _check_range(self, value)
        if problem is None and self.check is not None:
            problem = self.check(value)
        return problem


def _check_range(field: Field, value: Any) -> str | None:
    """NaN and infinity never; outside ``[minimum, maximum]`` never."""
    if field.kind not in (int, float) or isinstance(value, bool):
        return None
    if not math.isfinite(value):
        return _("must be a finite number")
    low, high = field.minimum, field.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            return _("must lie between {low:g} and {high:g}", low=low, high=high)
        if low is not None:
            return _("must be at least {low:g}", low=low)
        return _("must be at most {high:g}", high=high)
    return None


def _check_kind(kind: type | str, value: Any) -> str | None:
    if kind == "str_list":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return _("must be a list of strings")
        return None
    if kind == "time_range":
        if not isinstance(value, str):
            return _('must look like "09:00-18:00"')
        return time_range_problem(value) if value else None
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return None
    if kind is int and isinstance(value, bool):
        return _("must be a whole number")
    if not isinstance(value, kind):  # type: ignore[arg-type]
        messages = {
            str: _("must be text"),
            int: _("must be a whole number"),
            float: _("must be a number"),
            bool: _("must be true or false"),
            dict: _("must be a table"),
        }
        return messages.get(kind, _("must be {kind}", kind=kind))  # type: ignore[call-overload]
    return None


def time_range_problem(text: str) -> str | None:
    """What is wrong with a time range such as ``"09:00-18:00"``, in words; None when fine."""
    match = _TIME_RANGE.match(text)
    if not match:
        return _('must look like "09:00-18:00"')
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    for hour, minute, latest in ((h1, m1, 23), (h2, m2, 24)):
        if hour > latest or minute > 59 or (hour == 24 and minute):
            return _("{time} is no time of day (00:00 to 24:00)", time=f"{hour:02d}:{minute:02d}")
    if parse_time_range(text) is None:
        return _(
            'does not end after it starts: write the earlier time first, e.g. "09:00-18:00" '
            "(a range over midnight is not possible)"
        )
    return None


def parse_time_range(text: str) -> tuple[time, time] | None:
    """``"09:00-18:00"`` → ``(time(9), time(18))``; ``None`` when malformed or empty."""
    match = _TIME_RANGE.match(text)
    if not match:
        return None
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2):
        return None
    end = time(23, 59, 59) if h2 == 24 else time(h2, m2)
    start = time(h1, m1)
    return (start, end) if start < end else None


def did_you_mean(typed: str, known: Iterable[str], form: str = "'{}'") -> str:
    """ " (did you mean 'email'?)" for a name typed close to a known one, else ""."""
    import difflib

    close = difflib.get_close_matches(typed.lower(), [k.lower() for k in known], n=1, cutoff=0.7)
    if not close:
        return ""
    name = next(k for k in known if k.lower() == close[0])
    return " " + _("(did you mean {name}?)", name=form.format(name))


#: names people give a provider → planner's name for it (offered only where installed)
_ALIASES = {
    "ical": "ics",
    "icalendar": "ics",
    "ics-file": "ics",
    "file": "ics",
    "url": "ics",
    "webcal": "ics",
    "gmail": "google",
    "exchange": "outlook",
    "office365": "outlook",
    "microsoft": "outlook",
    "graph": "outlook",
    "icloud": "caldav",
    "nextcloud": "caldav",
    "vcf": "vcard",
    "vcards": "vcard",
}


def provider_meant(typed: str, installed: Iterable[str]) -> str:
    """ " (did you mean 'ics'?)" for a provider name typed close to an installed one, or one
    people give it (``ical``, ``gmail``, ``exchange``), else ""."""
    names = list(installed)
    alias = _ALIASES.get(typed.strip().lower(), "")
    return did_you_mean(alias if alias in names else typed, names)


def validate_table(
    where: str, table: Mapping[str, Any], fields: Mapping[str, Field]
) -> tuple[dict[str, Any], list[str], list[str]]:
    """Check ``table`` against ``fields``.

    Returns the values with defaults filled in, the problems, and warnings about unknown keys.
    ``where`` names the table in messages, e.g. ``"[relations]"``.
    """
    values: dict[str, Any] = {}
    problems: list[str] = []
    warnings: list[str] = []
    for key, value in table.items():
        field = fields.get(key)
        if field is None:
            warnings.append(
                _("{where} unknown key '{key}' is ignored", where=where, key=key)
                + did_you_mean(key, fields)
            )
            continue
        if field.secret:
            problems.append(
                _(
                    "{where} key '{key}': secrets do not belong in the config file; "
                    "use the environment variable or the system keyring",
                    where=where,
                    key=key,
                )
            )
            continue
        if (problem := field.validate(value)) is not None:
            problems.append(
                _("{where} key '{key}' {problem}", where=where, key=key, problem=problem)
            )
        else:
            values[key] = field.canonical(value) if field.canonical is not None else value
    for key, field in fields.items():
        if key in values:
            continue
        if field.required and key not in table:
            problems.append(_("{where} key '{key}' is required", where=where, key=key))
        values.setdefault(key, field.default)
    return values, problems, warnings


def absolute_paths(
    values: dict[str, Any], fields: Mapping[str, Field], base: Path | None
) -> dict[str, Any]:
    """``values`` with every file or folder key (:attr:`Field.path`) made absolute, in this one
    place for every section and provider: ``~`` expanded, a relative path read from ``base``,
    the config file's folder (not the current directory: a config must work from cron, a timer
    or any shell). Without a config file (``base`` None) only ``~`` is expanded."""

    def one(text: str) -> str:
        found = Path(text).expanduser()
        return str(found if base is None or found.is_absolute() else base / found)

    for key, spec in fields.items():
        value = values.get(key)
        if spec.path and value:
            values[key] = [one(v) for v in value] if isinstance(value, list) else one(value)
    return values


@dataclass(frozen=True)
class SourceConfig:
    """One ``[[calendars]]`` entry: a name, a provider and that provider's options."""

    name: str
    provider: str
    options: Mapping[str, Any] = field(default_factory=dict)
