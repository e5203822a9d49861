"""The progress display: on a terminal's stderr only, never in piped output, never with
--quiet; and --quiet silences warnings too."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.cli.progress import progress_display

WEEK = "2026-W50"
PHASES = ("Reading calendar", "Building the contact ledger", "Starting")


def run_with_terminal_stderr(*args: str) -> tuple[int, bytes, bytes]:
    """Run ``planner ARGS`` with stdout piped and stderr on a pseudo-terminal."""
    controller, terminal = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "planner", *args],
        stdout=subprocess.PIPE,
        stderr=terminal,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    os.close(terminal)
    seen = bytearray()
    stdout = bytearray()
    streams = [controller, process.stdout.fileno()]
    while streams:
        ready, _, _ = select.select(streams, [], [], 30)
        assert ready, "planner did not finish within 30 s"
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the terminal side closed (Linux reports EIO)
                chunk = b""
            if not chunk:
                streams.remove(fd)
            (seen if fd == controller else stdout).extend(chunk)
    os.close(controller)
    return process.wait(timeout=30), bytes(stdout), bytes(seen)


@pytest.mark.slow
def test_terminal_shows_the_phases_and_clears_them_and_stdout_stays_clean():
    code, stdout, terminal = run_with_terminal_stderr("week", "--demo", "--week", WEEK)
    assert code == 0, terminal.decode(errors="replace")
    assert b"Reading calendar google" in terminal
    assert b"Building the contact ledger" in terminal
    last = terminal.rfind(b"Building the contact ledger")
    assert b"\x1b[2K" in terminal[last:]  # the transient display erases its line at the end
    text = stdout.decode()
    assert "Week 2026-W50" in text
    assert not any(phase in text for phase in PHASES)
    assert "\x1b" not in text  # piped: no colour, no cursor movement


@pytest.mark.slow
def test_quiet_terminal_shows_no_progress():
    code, stdout, terminal = run_with_terminal_stderr("week", "--demo", "--week", WEEK, "-q")
    assert code == 0
    assert terminal == b""
    assert "Week 2026-W50" in stdout.decode()


@pytest.mark.parametrize("command", [["week"], ["contacts"], ["propose", "--with", "x@y.example"]])
def test_piped_output_has_no_progress_artefacts(command):
    result = CliRunner().invoke(main, [*command, "--demo"])
    assert result.exit_code == 0, result.output
    for stream in (result.stdout, result.stderr):
        assert not any(phase in stream for phase in PHASES)
        assert "\x1b" not in stream
        assert not any("\u2800" <= char <= "\u28ff" for char in stream)  # spinner frames


def test_quiet_suppresses_warnings(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    config = tmp_path / "config.toml"
    config.write_text(
        '[user]\ntimezone = "Europe/Berlin"\ncolour = "blue"\n'
        f'[[calendars]]\nname = "folder"\nprovider = "ics"\npath = "{empty}"\n',
        encoding="utf-8",
    )
    args = ["week", "--config", str(config), "--week", WEEK, "--format", "json"]
    loud = CliRunner().invoke(main, args)
    assert loud.exit_code == 0, loud.output
    assert "unknown key 'colour'" in loud.stderr
    assert "no .ics files" in loud.stderr
    quiet = CliRunner().invoke(main, [*args, "--quiet"])
    assert quiet.exit_code == 0, quiet.output
    assert quiet.stderr == ""
    assert quiet.stdout == loud.stdout


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_display_reports_to_a_terminal_stream_and_nothing_elsewhere():
    terminal = FakeTerminal()
    with progress_display(terminal) as report:
        assert report is not None
        report("Reading calendar work")
    assert "Reading calendar work" in terminal.getvalue()
    piped = io.StringIO()
    with progress_display(piped) as report:
        assert report is None
    assert piped.getvalue() == ""
