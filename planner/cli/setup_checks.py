"""Checks of the answers ``planner init`` takes: each returns the cleaned value or raises
:class:`planner.errors.UsageError` with a message naming what to give instead."""

from __future__ import annotations

import re
from pathlib import Path

from planner.errors import UsageError
from planner.i18n import _

EMAIL = re.compile(r"^[^@\s<>\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$")
HOURS = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)-([01]?\d|2[0-4]):([0-5]\d)$")
URL_SCHEMES = ("http", "https", "webcal", "webcals")


def email(text: str) -> str:
    text = text.strip()
    from planner.people.addresses import is_email

    if not EMAIL.match(text) or not is_email(text):
        raise UsageError(_("'{text}' is not an e-mail address, e.g. anna@example.com", text=text))
    return text


def zone(text: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    text = text.strip()
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long
        raise UsageError(
            _("'{text}' is not a known time zone, e.g. Europe/Berlin", text=text)
        ) from None
    return text


def detected_zone() -> str:
    """This machine's zone (tzlocal), or UTC."""
    try:
        from tzlocal import get_localzone_name

        name = get_localzone_name()
    except Exception:  # tzlocal raises its own errors on unusual systems
        name = None
    if name:
        try:
            return zone(name)
        except UsageError:
            pass
    from planner.ical.zones import local_zone_name

    return local_zone_name()


def hours(text: str) -> str:
    text = text.strip().replace(" ", "").replace("–", "-")
    if match := HOURS.match(text):
        first = int(match.group(1)) * 60 + int(match.group(2))
        last = int(match.group(3)) * 60 + int(match.group(4))
        if first < last:
            return text
    raise UsageError(_("'{text}' is not a span of hours, e.g. 09:00-18:00", text=text))


def is_url(text: str) -> bool:
    return text.split(":", 1)[0].lower() in URL_SCHEMES


def ics(text: str) -> str:
    """An existing .ics file or folder, or an http(s)/webcal URL."""
    text = text.strip()
    if is_url(text):
        return text
    if not Path(text).expanduser().exists():
        raise UsageError(
            _(
                "{path}: no such file or folder; give an existing .ics file, a folder of them, "
                "or an https:// or webcal:// address",
                path=text,
            )
        )
    return anchored(text)


def existing_file(text: str) -> str:
    text = text.strip()
    if not Path(text).expanduser().is_file():
        raise UsageError(_("{path}: no such file", path=text))
    return anchored(text)


def anchored(text: str) -> str:
    """A path as typed (checked from the current directory), made absolute unless it starts
    with ``~``: the config reads a relative path from its own folder."""
    return text if text.startswith("~") else str(Path(text).absolute())


def url(text: str) -> str:
    text = text.strip()
    if text.split(":", 1)[0].lower() not in ("http", "https"):
        raise UsageError(_("'{text}' is not an http(s) address", text=text))
    return text


def not_empty(text: str) -> str:
    if not text.strip():
        raise UsageError(_("please give a value"))
    return text.strip()
