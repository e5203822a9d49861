"""A week the user's own calendar takes whole (a holiday, out of office, an all-day block):
`planner propose` and the week's proposals say so, name what takes it and ask for another
week, instead of blaming the venues. Outlook's OOF day, Google's timed out-of-office block and
a plain all-day busy event; a week with one working day left is no such week.

Bug: "No free slot with an open venue was found … try … a larger  radius_km" for a week of
holiday (and "[venues]" lost as a style tag of the terminal output)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from planner.cli import main
from tests.own import calendar_config, fix_now

ME = "me@mycorp.example"
CLIENT = "kim@kunde.example"
OWN = "mycorp.example"
NOW = datetime(2026, 12, 11, 9, tzinfo=UTC)  # a Friday: next week is 2026-W51

OUTLOOK_OOF = (
    "BEGIN:VEVENT\r\nUID:oof@t\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261214\r\n"
    "DTEND;VALUE=DATE:20261219\r\nSUMMARY:Urlaub\r\nTRANSP:OPAQUE\r\n"
    "X-MICROSOFT-CDO-BUSYSTATUS:OOF\r\nX-MICROSOFT-CDO-ALLDAYEVENT:TRUE\r\nEND:VEVENT\r\n"
)
GOOGLE_TIMED = (
    "BEGIN:VEVENT\r\nUID:ooo@google\r\nDTSTAMP:20260101T000000Z\r\n"
    "DTSTART;TZID=Europe/Berlin:20261214T000000\r\nDTEND;TZID=Europe/Berlin:20261219T000000\r\n"
    "SUMMARY:Out of office\r\nEND:VEVENT\r\n"
)
ALL_DAY_BUSY = (
    "BEGIN:VEVENT\r\nUID:fair@t\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261214\r\n"
    "DTEND;VALUE=DATE:20261219\r\nSUMMARY:Inventur\r\nTRANSP:OPAQUE\r\nEND:VEVENT\r\n"
)
TUESDAY_ON = (
    "BEGIN:VEVENT\r\nUID:part@t\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261215\r\n"
    "DTEND;VALUE=DATE:20261219\r\nSUMMARY:Urlaub\r\nTRANSP:OPAQUE\r\n"
    "X-MICROSOFT-CDO-BUSYSTATUS:OOF\r\nEND:VEVENT\r\n"
)


def _history() -> str:
    return "".join(
        f"BEGIN:VEVENT\r\nUID:call{n}@t\r\nDTSTAMP:20260101T000000Z\r\n"
        f"DTSTART;TZID=Europe/Berlin:202611{10 + n:02d}T100000\r\n"
        f"DTEND;TZID=Europe/Berlin:202611{10 + n:02d}T110000\r\nSUMMARY:Abstimmung\r\n"
        f"LOCATION:https://zoom.us/j/123456789\r\nORGANIZER;CN=Me:mailto:{ME}\r\n"
        f"ATTENDEE;CN=Kim Kunde:mailto:{CLIENT}\r\nEND:VEVENT\r\n"
        for n in range(3)
    )


@pytest.fixture
def setup(tmp_path, monkeypatch):
    fix_now(monkeypatch, NOW)

    def write(block: str) -> Path:
        events = _history() + block
        return calendar_config(tmp_path, events, email=ME, home="München", domains=[OWN])

    return write


def _propose(config: Path, *more: str) -> Result:
    args = ["propose", "--config", str(config), "--with", CLIENT, "--week", "2026-W51", *more]
    result = CliRunner().invoke(main, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize(
    ("block", "title"),
    [(OUTLOOK_OOF, "Urlaub"), (GOOGLE_TIMED, "Out of office"), (ALL_DAY_BUSY, "Inventur")],
)
def test_a_week_taken_whole_is_named_with_what_takes_it(setup, block, title):
    config = setup(block)
    found = json.loads(_propose(config, "--format", "json").stdout)
    assert found["proposals"] == []
    assert found["notes"][0] == (
        f"Every working day from Mon 14 Dec to Sun 20 Dec is taken by '{title}': no time is "
        "free to meet then; try another week"
    )
    assert not any("venue" in note for note in found["notes"])
    german = _propose(config, "--lang", "de").stdout
    assert f"Jeder Arbeitstag von Mo. 14. Dez. bis So. 20. Dez. ist durch '{title}' belegt" in (
        german
    )


def test_a_week_with_a_working_day_left_gets_proposals_on_it(setup):
    found = json.loads(_propose(setup(TUESDAY_ON), "--format", "json").stdout)
    assert found["proposals"]
    days = {p["start"][:10] for p in found["proposals"]}
    assert days == {"2026-12-14"}  # Monday, the one day not taken


def test_no_slot_names_the_venues_option_as_written():
    from planner.flows.propose import ProposeResult
    from planner.render.proposals import proposals_table

    empty = ProposeResult([], CLIENT, "Kim Kunde", "routine", (NOW, NOW), (), (CLIENT,))
    text = proposals_table(empty, UTC, width=200)
    assert "a larger [venues] radius_km" in text


LATER = (
    "BEGIN:VEVENT\r\nUID:spring-review@t\r\nDTSTAMP:20260101T000000Z\r\n"
    "DTSTART;TZID=Europe/Berlin:20270324T100000\r\nDTEND;TZID=Europe/Berlin:20270324T110000\r\n"
    f"SUMMARY:Review\r\nLOCATION:https://zoom.us/j/1\r\nORGANIZER;CN=Me:mailto:{ME}\r\n"
    f"ATTENDEE;CN=Kim Kunde:mailto:{CLIENT}\r\nEND:VEVENT\r\n"
)


def test_a_meeting_beyond_the_days_read_is_named_with_the_days_read(setup):
    """Bug: `propose --for UID` of a meeting in March said "no meeting with this UID in your
    calendars", though it is there: only the next weeks are read unless a week is given."""
    config = setup(LATER)
    args = ["propose", "--config", str(config), "--for", "spring-review@t"]
    result = CliRunner().invoke(main, args, env={"COLUMNS": "200"})
    assert result.exit_code != 0
    # read up to the 14 days ahead and 31 more
    assert "no meeting with this UID in your calendars up to Mon 25 Jan" in result.output
    assert "give its week, e.g. --week 2027-W12" in result.output
    found = CliRunner().invoke(main, [*args, "--week", "2027-W12", "--format", "json"])
    assert found.exit_code == 0, found.output
    assert json.loads(found.stdout)["meeting"]["uid"] == "spring-review@t"
