"""The week of a consultant who has spoken to Dr. Keller of a key account three times by video
and meets him in person at a kick-off in Zürich on Tuesday, with a phone call on Friday: the
call is no "never met in person", the key account's line says a visit is planned, and the
keep-in-touch section names the kick-off, in English and German, whichever vendor's calendar
holds the kick-off (Outlook with Windows zone names, Google, Apple).

Bug (found by trying the product): "⚑ meet in person: Telefonat Dr. Keller … 3 video calls
with Dr. Thomas Keller since September, never met in person", a coffee proposed 45 minutes
after the kick-off, and "Due for a visit: Key account …: never met in person", while the
keep-in-touch part said "already planned"."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.own import HEAD, TAIL, fix_now

ME = "markus@weber-advisory.example"
KELLER = "thomas.keller@helvetia-rueck.example"
NOW = datetime(2026, 12, 7, 8, tzinfo=UTC)  # Monday
PEOPLE = (
    f"ORGANIZER;CN=Markus Weber:mailto:{ME}\r\n"
    f"ATTENDEE;CN=Dr. Thomas Keller;PARTSTAT=ACCEPTED:mailto:{KELLER}\r\n"
)


def teams_call(uid: str, day: str) -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:Abstimmung Angebot\r\n"
        f"DTSTART;TZID=W. Europe Standard Time:{day}T100000\r\n"
        f"DTEND;TZID=W. Europe Standard Time:{day}T110000\r\n"
        "LOCATION:Microsoft Teams-Besprechung\r\n"
        "X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/19%3a1\r\n"
        f"{PEOPLE}END:VEVENT\r\n"
    )


HISTORY = "".join(
    teams_call(f"0400000082{n}@outlook", day)
    for n, day in enumerate(("20260915", "20261013", "20261110"))
)
CALL = (  # Google: a phone call in UTC
    "BEGIN:VEVENT\r\nUID:tel7kq2@google.com\r\nDTSTAMP:20261101T000000Z\r\n"
    "SUMMARY:Telefonat Dr. Keller\r\nDTSTART:20261211T130000Z\r\nDTEND:20261211T133000Z\r\n"
    "LOCATION:Tel. +41 44 208 11 22\r\n"
    f"{PEOPLE}END:VEVENT\r\n"
)
WHERE = "Helvetia Rück AG\\, Mythenquai 50\\, 8002 Zürich"
KICKOFF = {
    "outlook": (
        "BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E0080000000099@outlook\r\n"
        "DTSTAMP:20261101T000000Z\r\nSUMMARY:Kick-off Risikomodell 2027\r\n"
        "DTSTART;TZID=W. Europe Standard Time:20261208T100000\r\n"
        "DTEND;TZID=W. Europe Standard Time:20261208T120000\r\n"
        f"LOCATION:{WHERE}\r\n{PEOPLE}END:VEVENT\r\n"
    ),
    "google": (
        "BEGIN:VEVENT\r\nUID:kick0ff9@google.com\r\nDTSTAMP:20261101T000000Z\r\n"
        "SUMMARY:Kick-off Risikomodell 2027\r\n"
        "DTSTART:20261208T090000Z\r\nDTEND:20261208T110000Z\r\n"
        f"LOCATION:{WHERE}\r\n{PEOPLE}END:VEVENT\r\n"
    ),
    "apple": (
        "BEGIN:VEVENT\r\nUID:6D1F6C2A-0B7E-4C1E-9B7A-2F0C1D9E8A11\r\nDTSTAMP:20261101T000000Z\r\n"
        "SUMMARY:Kick-off Risikomodell 2027\r\n"
        "DTSTART;TZID=Europe/Zurich:20261208T100000\r\nDTEND;TZID=Europe/Zurich:20261208T120000\r\n"
        "LOCATION:Helvetia Rück AG\\nMythenquai 50\\, 8002 Zürich\\, Schweiz\r\n"
        'X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS="Mythenquai 50, 8002 Zürich, Schweiz";'
        'X-APPLE-RADIUS=70;X-TITLE="Helvetia Rück AG":geo:47.3561,8.5360\r\n'
        f"{PEOPLE}END:VEVENT\r\n"
    ),
}


KEY_ACCOUNT = '[relations]\nkey_accounts = ["helvetia-rueck.example"]\n\n'


def _config(folder: Path, calendars: dict[str, str], extra: str = KEY_ACCOUNT) -> Path:
    """A config of the consultant in Frankfurt reading ``calendars`` (name → VEVENTs), with
    ``extra`` TOML before the calendars."""
    tables = []
    for name, events in calendars.items():
        path = folder / f"{name}.ics"
        path.write_text(HEAD + events + TAIL, encoding="utf-8", newline="")
        tables.append(f'[[calendars]]\nname = "{name}"\nprovider = "ics"\npath = "{path}"\n')
    config = folder / "config.toml"
    config.write_text(
        f'[user]\nemail = "{ME}"\ntimezone = "Europe/Berlin"\n'
        'home = "Schweizer Straße 12, 60594 Frankfurt am Main"\n'
        'domains = ["weber-advisory.example"]\n\n' + extra + "\n".join(tables),
        encoding="utf-8",
    )
    return config


def _week(tmp_path, monkeypatch, vendor: str, *extra: str, kickoff: str | None = None) -> str:
    fix_now(monkeypatch, NOW)
    calendars = {"exchange": HISTORY, "google": CALL}
    calendars[vendor] = calendars.get(vendor, "") + (kickoff or KICKOFF[vendor])
    config = _config(tmp_path, calendars)
    result = CliRunner().invoke(main, ["week", "--config", str(config), *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


def _call(data: dict) -> dict:
    return next(e for e in data["events"] if e["title"] == "Telefonat Dr. Keller")


@pytest.mark.parametrize("vendor", ["outlook", "google", "apple"])
def test_the_call_after_the_kickoff_is_kept_and_names_it(tmp_path, monkeypatch, vendor):
    data = json.loads(_week(tmp_path, monkeypatch, vendor, "--format", "json"))
    call = _call(data)
    assert call["recommendation"]["action"] == "keep"
    assert call["recommendation"]["reason"] == (
        "You meet Dr. Thomas Keller (helvetia-rueck.example) in person on Tue 8 Dec at "
        "'Kick-off Risikomodell 2027', before it: a phone call is fine"
    )
    assert not call.get("proposals")
    (due,) = data["due_for_visit"]
    assert due["days_since"] is None
    assert due["reason"].endswith(
        "never met in person; visit planned on Tue 8 Dec ('Kick-off Risikomodell 2027')"
    )
    assert due["planned"] == {
        "title": "Kick-off Risikomodell 2027",
        "start": "2026-12-08T10:00:00+01:00",
    }


def test_the_text_agrees_in_english_and_german(tmp_path, monkeypatch):
    text = " ".join(_week(tmp_path, monkeypatch, "outlook").split())
    assert "never met in person" not in text.split("Due for a visit")[0]
    assert "⚑ Telefonat" not in text and "⚑ meet in person" not in text
    assert "visit planned on Tue 8 Dec ('Kick-off Risikomodell 2027')" in text
    german = " ".join(_week(tmp_path, monkeypatch, "outlook", "--lang", "de").split())
    assert "⚑ Telefonat" not in german and "nie vor Ort getroffen; " in german
    assert "Di. 8. Dez." in german.split("Schlüsselkunde")[1]


def test_a_cancelled_kickoff_leaves_never_met(tmp_path, monkeypatch):
    cancelled = KICKOFF["outlook"].replace("END:VEVENT", "STATUS:CANCELLED\r\nEND:VEVENT")
    data = json.loads(
        _week(tmp_path, monkeypatch, "outlook", "--format", "json", kickoff=cancelled)
    )
    call = _call(data)
    assert call["recommendation"]["action"] == "meet_in_person"
    assert call["recommendation"]["reason"].endswith("since September, never met in person")
    assert data["due_for_visit"][0]["planned"] is None


def test_never_met_is_due_one_rhythm_after_the_first_call(tmp_path, monkeypatch):
    """Bug (found by trying the product): "Dr. Thomas Keller … never │ 83 d overdue" beside
    "every 90 days": due on the day of the first call (15 Sep), whatever the rhythm."""
    fix_now(monkeypatch, NOW)
    config = _config(tmp_path, {"exchange": HISTORY + KICKOFF["outlook"], "google": CALL})
    result = CliRunner().invoke(main, ["people", "--config", str(config), "--format", "json"])
    assert result.exit_code == 0, result.output
    (keller,) = json.loads(result.stdout)["people"]
    assert (keller["rhythm"], keller["due"], keller["overdue_days"]) == ("90d", "2026-12-14", -7)
    table = CliRunner().invoke(main, ["people", "--config", str(config)]).stdout
    assert "in 7 d" in table and "d overdue" not in table and "0 overdue" in table
    german = CliRunner().invoke(main, ["people", "--config", str(config), "--lang", "de"]).stdout
    assert "in 7 T." in german and "T. überfällig" not in german
    rhythm = ["people", "rhythm", "--config", str(config), KELLER, "alle 14 Tage"]
    assert CliRunner().invoke(main, rhythm).exit_code == 0
    result = CliRunner().invoke(main, ["people", "--config", str(config), "--format", "json"])
    (keller,) = json.loads(result.stdout)["people"]
    assert (keller["due"], keller["overdue_days"]) == ("2026-09-29", 69)  # 15 Sep + 14 days
