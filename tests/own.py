"""A user's own setup for end-to-end tests: a config written by hand, as the README shows it,
with one .ics calendar of the test's events, and "now" fixed where a command asks for it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pytest

HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
TAIL = "END:VCALENDAR\r\n"


def calendar_config(
    folder: Path, events: str, *, email: str, home: str = "", domains: Sequence[str] = ()
) -> Path:
    """``folder/config.toml`` with ``[user]`` and one ``[[calendars]]`` table reading
    ``folder/work.ics``, which holds ``events`` (VEVENT text)."""
    calendar = folder / "work.ics"
    calendar.write_text(HEAD + events + TAIL, encoding="utf-8", newline="")
    user = [f'email = "{email}"', 'timezone = "Europe/Berlin"']
    if home:
        user.append(f'home = "{home}"')
    if domains:
        user.append("domains = [" + ", ".join(f'"{d}"' for d in domains) + "]")
    config = folder / "config.toml"
    config.write_text(
        "[user]\n" + "\n".join(user) + "\n\n"
        f'[[calendars]]\nname = "work"\nprovider = "ics"\npath = "{calendar}"\n',
        encoding="utf-8",
    )
    return config


def fix_now(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    """Commands see ``moment`` as now (in the user's zone)."""
    from planner.cli import common

    monkeypatch.setattr(common, "now_in", lambda tz: moment.astimezone(tz))
