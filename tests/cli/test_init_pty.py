"""`planner init` on a pseudo-terminal: bad answers are refused with a reason and asked again;
then the config is written and a first week shown. Flags are checked the same way."""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

import pexpect
import pytest
from click.testing import CliRunner

from planner.cli import main

ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n"
    "DTSTAMP:20261101T000000Z\r\nDTSTART:20261201T090000Z\r\nDTEND:20261201T100000Z\r\n"
    "SUMMARY:Kick-off\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def spawn_init(target: Path, **env: str) -> pexpect.spawn:
    """``planner init --config TARGET`` on a pseudo-terminal of 100 columns, with ``env``."""
    full = {**os.environ, "COLUMNS": "100", "TZ": "Europe/Berlin", **env}
    for name in [k for k, v in full.items() if v is None or v == "-"]:
        del full[name]
    return pexpect.spawn(
        sys.executable,
        ["-m", "planner", "init", "--config", str(target)],
        env=full,
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 100),
    )


@pytest.mark.slow
def test_init_asks_refuses_bad_answers_and_shows_a_first_week(tmp_path, isolated_home):
    calendar = tmp_path / "work.ics"
    calendar.write_text(ICS, encoding="utf-8")
    target = tmp_path / "config.toml"
    child = spawn_init(target, LANG="C.UTF-8", LC_ALL="")
    child.expect(r"Language \(de/en\) \[en\]")  # first: every later question is in it
    child.sendline("fr")
    child.expect("answer de or en")
    child.sendline("en")
    child.expect("Your name")
    child.sendline("Anna Berger")
    child.expect("Your e-mail address")
    child.sendline("not-an-email")
    child.expect("is not an e-mail address")
    child.expect("Your e-mail address")
    child.sendline("anna@berger.example")
    child.expect(r"Time zone \[Europe/Berlin\]")
    child.sendline("Mars/Olympus")
    child.expect("is not a known time zone")
    child.expect("Time zone")
    child.sendline("Europe/Vienna")
    child.expect("Home city")
    child.sendline("Wien")
    child.expect("Working hours")
    child.sendline("18:00-09:00")
    child.expect("is not a span of hours")
    child.sendline("08:30-17:30")
    child.expect("First calendar")
    child.sendline("ics")
    child.expect(r"\.ics file, folder or URL")
    child.sendline(str(tmp_path / "nope.ics"))
    child.expect("no such file or folder")
    child.sendline(str(calendar))
    child.expect(r"online look-ups.*\[y/N\]")
    child.sendline("y")
    child.expect("wrote")
    child.expect("Week")  # the first `planner week`, in the chosen language
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert data["user"]["email"] == "anna@berger.example"
    assert data["user"]["timezone"] == "Europe/Vienna"
    assert data["user"]["language"] == "en"
    assert data["working_hours"]["monday"] == "08:30-17:30"
    assert data["geo"]["online"] is True
    assert data["calendars"][0]["path"] == str(calendar)


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--email", "not-an-email"], "is not an e-mail address"),
        (["--email", "a@b.example", "--ics", "~/nope.ics"], "no such file or folder"),
        (["--timezone", "Mars/Olympus"], "is not a known time zone"),
    ],
)
def test_init_flags_are_checked(tmp_path, flags, message):
    target = tmp_path / "config.toml"
    result = CliRunner().invoke(main, ["init", "--config", str(target), *flags])
    assert result.exit_code == 2
    assert message in result.output
    assert not target.exists()


def test_init_without_a_calendar_says_how_to_add_one(tmp_path):
    target = tmp_path / "config.toml"
    result = CliRunner().invoke(main, ["init", "--config", str(target), "--no-input"])
    assert result.exit_code == 0, result.output
    assert "No calendar yet" in result.output and "planner config example" in result.output
    assert "[user] email is empty" in result.output
    week = CliRunner().invoke(main, ["week", "--config", str(target)])
    assert week.exit_code == 0
    assert "no calendar is configured" in week.stderr
