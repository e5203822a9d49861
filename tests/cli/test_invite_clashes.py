"""`planner invite` says what of the user's own calendar the invitation's time runs into, before
it writes or sends anything: busy, tentative and out-of-office entries; not a hotel stay kept
free, a declined or cancelled meeting, nor the meeting itself. A calendar that cannot be read
is one line and the invitation goes on.

Bug (found by trying the product): a lunch in Berlin was written for a day the user spends in
an all-day workshop in Hamburg, without a word."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.own import calendar_config, fix_now

ME = "me@mycorp.example"


def _vevent(uid: str, title: str, start: str, end: str, extra: str = "") -> str:
    value = ";VALUE=DATE" if len(start) == 8 else ";TZID=Europe/Berlin"
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:{title}\r\n"
        f"DTSTART{value}:{start}\r\nDTEND{value}:{end}\r\n{extra}END:VEVENT\r\n"
    )


CALENDAR = (
    _vevent("workshop@t", "Workshop Supply Chain", "20261208T100000", "20261208T160000",
            "LOCATION:Am Sandtorkai 50\\, 20457 Hamburg\r\n")
    + _vevent("hotel@t", "Motel One Hamburg", "20261208", "20261210", "TRANSP:TRANSPARENT\r\n")
    + _vevent("declined@t", "Steuerberater", "20261208T123000", "20261208T133000",
              f"ORGANIZER:mailto:tax@kanzlei.example\r\n"
              f"ATTENDEE;PARTSTAT=DECLINED:mailto:{ME}\r\n")
    + _vevent("cancelled@t", "Jour fixe", "20261208T120000", "20261208T130000",
              "STATUS:CANCELLED\r\n")
    + _vevent("oof@t", "Urlaub", "20261214", "20261219", "X-MICROSOFT-CDO-BUSYSTATUS:OOF\r\n")
)  # fmt: skip


@pytest.fixture(autouse=True)
def _now(monkeypatch: pytest.MonkeyPatch) -> None:
    """The invitations lie ahead whatever the day the tests run."""
    fix_now(monkeypatch, datetime(2026, 12, 7, 7, 0, tzinfo=ZoneInfo("Europe/Berlin")))


@pytest.fixture
def config(tmp_path) -> Path:
    return calendar_config(tmp_path, CALENDAR, email=ME, home="Berlin")


def _invite(config: Path, start: str, *more: str) -> str:
    args = ["invite", "--config", str(config), "--to", "bob@acme.example", "--title", "Lunch"]
    result = CliRunner().invoke(main, [*args, "--start", start, *more])
    assert result.exit_code == 0, result.output
    assert "nothing was sent" in result.stderr or "nichts wurde gesendet" in result.stderr
    return result.stderr


def test_an_invitation_on_a_busy_time_names_what_is_there(config):
    said = _invite(config, "2026-12-08T12:30")
    notes = [line for line in said.splitlines() if line.startswith("  note:")]
    expected = "  note:  your calendar has 'Workshop Supply Chain' then (Tue 8 Dec 10:00–16:00)"
    assert notes == [expected]


def test_an_absence_is_named_and_a_free_time_says_nothing(config):
    assert "your calendar has 'Urlaub' then" in _invite(config, "2026-12-15T12:30")
    assert "note:" not in _invite(config, "2026-12-09T12:30")  # the hotel night is kept free


def test_in_german(config):
    said = _invite(config, "2026-12-08T12:30", "--lang", "de")
    assert "Hinweis: in Ihrem Kalender steht dann 'Workshop Supply Chain' (Di. 8. Dez." in said


def test_a_calendar_that_cannot_be_read_is_one_line(config, tmp_path):
    (tmp_path / "work.ics").unlink()
    said = _invite(config, "2026-12-08T12:30")
    notes = [line for line in said.splitlines() if line.startswith("  note:")]
    assert len(notes) == 1 and "could not be looked at for clashes" in notes[0]


def test_more_than_three_are_counted(tmp_path):
    crowded = "".join(
        _vevent(f"busy{n}@t", f"Termin {n}", "20261208T120000", "20261208T140000") for n in range(5)
    )
    config = calendar_config(tmp_path, crowded, email=ME, home="Berlin")
    said = _invite(config, "2026-12-08T12:30")
    assert said.count("your calendar has 'Termin") == 3
    assert "  note:  and 2 more entries then" in said
    config = calendar_config(tmp_path, crowded[: crowded.index("BEGIN:VEVENT\r\nUID:busy4")],
                             email=ME, home="Berlin")  # fmt: skip
    assert "  note:  and 1 more entry then" in _invite(config, "2026-12-08T12:30")
