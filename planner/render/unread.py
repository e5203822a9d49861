"""The health of a plan's sources, shown near the top of every output: the calendars that
could not be read (their events are missing) and those shown from an earlier copy."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from planner.i18n import _

if TYPE_CHECKING:
    from planner.calendar.health import Unread

FIELD = "unread_calendars"  # the JSON view's key (README, "JSON output")


def unread_to_list(unread: Sequence[Unread], tz: tzinfo | None) -> list[dict[str, Any]]:
    """The JSON view: per calendar its name, the reason, whether its events are missing, and
    when the copy shown in its place was read (in ``tz``) and how old it was, in minutes."""
    return [
        {
            "calendar": u.name,
            "reason": u.reason,
            "missing": u.missing,
            "copy_read_at": u.copy_read_at.astimezone(tz).isoformat() if u.copy_read_at else None,
            "copy_age_minutes": int(u.copy_age.total_seconds() // 60)
            if u.copy_age is not None
            else None,
        }
        for u in unread
    ]


def unread_lines(entries: Sequence[Mapping[str, Any]]) -> tuple[str, list[str]]:
    """From the JSON view: a heading when a calendar is missing (else ""), and a line per
    calendar (none when every calendar was read)."""
    from planner.calendar.sources import age

    lines = []
    for entry in entries:
        if entry.get("missing"):
            lines.append(
                _(
                    "Not included: calendar '{name}' ({reason})",
                    name=entry["calendar"],
                    reason=entry["reason"],
                )
            )
        else:
            lines.append(
                _(
                    "From an earlier copy: calendar '{name}' ({reason}; the copy is from "
                    "{age} ago)",
                    name=entry["calendar"],
                    reason=entry["reason"],
                    age=age(timedelta(minutes=entry.get("copy_age_minutes") or 0)),
                )
            )
    missing = any(entry.get("missing") for entry in entries)
    return (_("This plan is incomplete: a calendar could not be read.") if missing else ""), lines


def plan_lines(unread: Sequence[Unread], tz: tzinfo | None) -> tuple[str, list[str]]:
    """:func:`unread_lines` for a plan's ``unread``."""
    return unread_lines(unread_to_list(unread, tz)) if unread else ("", [])
