"""Built-in demo: a Munich-based consultant with a Google and an Outlook calendar.

Everything is generated relative to the Monday of the week shown, so ``planner week --demo``
always shows a full week with half a year of history behind it. Sample data only: the people,
companies and e-mail domains are invented (``.example`` domains).
"""

from __future__ import annotations

from datetime import date
from typing import Any

__all__ = ["CONFIG", "calendars"]


def __getattr__(name: str) -> Any:
    """``CONFIG`` from the persona, imported on first use (the venue catalog only reads a
    file beside this package)."""
    if name == "CONFIG":
        from planner.demo.persona import CONFIG

        return CONFIG
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def calendars(anchor: date) -> dict[str, bytes]:
    """The demo's two calendars as .ics bytes: ``{"google": …, "outlook": …}``."""
    from planner.demo.ics import render  # icalendar: only when the calendars are made
    from planner.demo.persona import GOOGLE, OUTLOOK, meetings

    everything = meetings()
    return {
        name: render(name, [m for m in everything if m.calendar == name], anchor)
        for name in (GOOGLE, OUTLOOK)
    }
