"""Warnings on a terminal go through the progress display's console: each on its own line,
never glued to the spinner line; a warning repeated by an unchanged source is counted."""

from __future__ import annotations

import re

import pytest

from tests.cli.test_cli_progress import run_with_terminal_stderr

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
    "BEGIN:VEVENT\r\nUID:odd@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART;TZID=Nowhere/Special:20261208T100000\r\nDTEND;TZID=Nowhere/Special:20261208T110000\r\n"
    "SUMMARY:Odd zone\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def _segments(terminal: bytes) -> list[str]:
    plain = ANSI.sub(b"", terminal).decode("utf-8", errors="replace")
    return [s for s in re.split(r"[\r\n]+", plain) if s.strip()]


@pytest.mark.slow
def test_warnings_print_above_the_spinner_and_repeat_only_as_a_count(tmp_path):
    calendar = tmp_path / "work.ics"
    calendar.write_text(ICS, encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(
        '[user]\nname = "A"\nemail = "a@example.com"\ntimezone = "Europe/Berlin"\n'
        f'[[calendars]]\nname = "work"\nprovider = "ics"\npath = "{calendar}"\n',
        encoding="utf-8",
    )
    args = ("week", "--config", str(config), "--week", "2026-W50")
    code, stdout, terminal = run_with_terminal_stderr(*args)
    assert code == 0, terminal
    assert b"Reading calendar work" in terminal  # the display ran
    warnings = [s for s in _segments(terminal) if "planner: warning" in s]
    assert warnings, terminal
    for line in warnings:
        assert line.startswith("planner: warning: "), line  # not glued to the spinner
    assert any("Nowhere/Special" in line for line in warnings)
    assert b"Odd zone" in stdout

    code, _stdout, terminal = run_with_terminal_stderr(*args)
    assert code == 0
    again = [s for s in _segments(terminal) if "planner: warning" in s]
    assert not any("Nowhere/Special" in line for line in again)
    assert any("1 known warning in work; `planner status` lists it" in line for line in again)
    for line in again:
        assert line.startswith("planner: warning: "), line
