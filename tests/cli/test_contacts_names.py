"""``planner contacts`` names an organisation as ``planner people`` and the week do (the name
the user's people give it, the domain only where none is known) and never cuts the key
account's ★ off with a long address.

Gap (found by using the product): the Organisation column showed "helvetia-rueck.example"
where the other commands said "Helvetia Rück AG", and at 120 columns the ★ after
"<thomas.keller@helvetia-rueck.example>" was cut off, so the table read as if Helvetia were no
key account."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.own import fix_now

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 7, 9, tzinfo=TZ)
ME = "markus.weber@weber-advisory.example"
KELLER = "thomas.keller@helvetia-rueck.example"
CHEN = "emily.chen@hudsonpartners.example"
OTHER = "jan.vos@dutchrail.example"


def call(uid: str, day: datetime, who: str, name: str) -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T100000Z\r\n"
        f"DTSTART:{day:%Y%m%dT%H%M%S}Z\r\nDTEND:{day + timedelta(hours=1):%Y%m%dT%H%M%S}Z\r\n"
        f"SUMMARY:Call {name}\r\nLOCATION:https://teams.microsoft.com/l/meetup-join/19%3a{uid}\r\n"
        f"ORGANIZER;CN=Markus Weber:mailto:{ME}\r\n"
        f"ATTENDEE;CN={name};PARTSTAT=ACCEPTED:mailto:{who}\r\nEND:VEVENT\r\n"
    )


@pytest.fixture
def config(tmp_path: Path, isolated_home, monkeypatch) -> str:
    fix_now(monkeypatch, NOW)
    first = datetime(2026, 10, 6, 9)
    events = "".join(
        call(f"c{n}", first + timedelta(days=7 * n), who, name)
        for n, (who, name) in enumerate(
            [(KELLER, "Dr. Thomas Keller"), (CHEN, "Emily Chen"), (OTHER, "Jan Vos")] * 2
        )
    )
    calendar = tmp_path / "cal.ics"
    calendar.write_text(
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n{events}END:VCALENDAR\r\n",
        encoding="utf-8",
        newline="",
    )
    path = tmp_path / "config.toml"
    path.write_text(
        f'[user]\nname = "Markus Weber"\nemail = "{ME}"\ntimezone = "Europe/Berlin"\n'
        'domains = ["weber-advisory.example"]\n'
        '[relations]\nkey_accounts = ["helvetia-rueck.example"]\n'
        f'[[calendars]]\nname = "main"\nprovider = "ics"\npath = "{calendar}"\n'
        '[[people]]\ndomain = "helvetia-rueck.example"\norganisation = "Helvetia Rück AG"\n'
        f'[[people]]\nemail = "{CHEN}"\nname = "Emily Chen"\norganisation = "Hudson Partners"\n',
        encoding="utf-8",
    )
    return str(path)


def test_the_organisation_is_named_and_the_domain_kept(config: str):
    result = CliRunner().invoke(main, ["contacts", "--config", config, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["email"]: r for r in json.loads(result.stdout)["contacts"]}
    assert rows[KELLER]["organisation"] == "Helvetia Rück AG"
    assert rows[KELLER]["domain"] == "helvetia-rueck.example"
    assert rows[CHEN]["organisation"] == "Hudson Partners"
    assert rows[OTHER]["organisation"] == rows[OTHER]["domain"] == "dutchrail.example"


@pytest.mark.parametrize("width", ["80", "120", "200"])
def test_the_key_accounts_star_is_never_cut_off(config: str, monkeypatch, width: str):
    monkeypatch.setenv("COLUMNS", width)
    result = CliRunner().invoke(main, ["contacts", "--config", config])
    assert result.exit_code == 0, result.output
    keller = next(line for line in result.stdout.splitlines() if "Keller" in line)
    assert "★ Dr. Thomas Keller" in keller
    if width != "80":  # 80 columns leave the organisation out
        assert "Helvetia" in result.stdout and "helvetia-rueck.example │" not in result.stdout
