"""Every new form of ``planner invite`` time, written by the real CLI and read back by three
independent parsers (icalendar, vobject, ical): a zone name, an unambiguous abbreviation, a
numeric offset, the repeated hour named by its abbreviation, an all-day and a multi-day
invitation (also over a DST change); the sent log keeps all-day invitations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from click.testing import CliRunner
from ical.calendar_stream import IcsCalendarStream

from planner.cli import main
from planner.invite.cancels import prepare_cancel
from planner.invite.invitation import all_day_span
from planner.invite.sentlog import (
    invitation_from_json,
    invitation_to_json,
    prepare_request,
    prepare_update,
    record_sent,
)
from planner.store import Store
from tests.invite.test_invite import lunch

CONFIG = '[user]\nemail = "lea@kranich.example"\nname = "Lea"\ntimezone = "Europe/Berlin"\n'
BERLIN = ZoneInfo("Europe/Berlin")


@dataclass(frozen=True)
class Read:
    start: datetime | date
    end: datetime | date


def write(tmp_path: Path, *args: str) -> bytes:
    config = tmp_path / "config.toml"
    config.write_text(CONFIG)
    out = tmp_path / "invite.ics"
    argv = ["invite", "--config", str(config), "--to", "Bob <bob@acme.example>",
            "--title", "Termin", "--out", str(out), *args]  # fmt: skip
    result = CliRunner().invoke(main, argv)
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def by_icalendar(data: bytes) -> Read:
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    return Read(event.decoded("DTSTART"), event.decoded("DTEND"))


def by_vobject(data: bytes) -> Read:
    event = vobject.readOne(data.decode()).vevent
    return Read(event.dtstart.value, event.dtend.value)


def by_ical(data: bytes) -> Read:
    event = IcsCalendarStream.calendar_from_ics(data.decode()).events[0]
    return Read(event.dtstart, event.dtend)


PARSERS = [by_icalendar, by_vobject, by_ical]


@pytest.mark.parametrize("parse", PARSERS)
@pytest.mark.parametrize(
    ("start", "instant"),
    [
        ("2027-03-10 09:00 America/New_York", datetime(2027, 3, 10, 14, tzinfo=UTC)),
        ("2027-03-10 09:00 america/new_york", datetime(2027, 3, 10, 14, tzinfo=UTC)),
        ("2027-03-10 09:00 EST", datetime(2027, 3, 10, 14, tzinfo=UTC)),
        ("2027-07-10 09:00 EDT", datetime(2027, 7, 10, 13, tzinfo=UTC)),
        ("2027-01-10 09:00 MEZ", datetime(2027, 1, 10, 8, tzinfo=UTC)),
        ("2027-03-10 09:00 JST", datetime(2027, 3, 10, 0, tzinfo=UTC)),
        ("2027-03-10 09:00 +05:30", datetime(2027, 3, 10, 3, 30, tzinfo=UTC)),
        ("2027-03-10 09:00 UTC-3", datetime(2027, 3, 10, 12, tzinfo=UTC)),
        ("2027-03-10T09:00-05:00", datetime(2027, 3, 10, 14, tzinfo=UTC)),
        ("2027-03-10 09:00 Asia/Kolkata", datetime(2027, 3, 10, 3, 30, tzinfo=UTC)),
        ("2027-11-07 01:30 EST", datetime(2027, 11, 7, 6, 30, tzinfo=UTC)),  # the second 01:30
        ("2027-11-07 01:30 EDT", datetime(2027, 11, 7, 5, 30, tzinfo=UTC)),  # the first
    ],
)
def test_a_typed_zone_reaches_every_parser_as_the_same_instant(tmp_path, parse, start, instant):
    read = parse(write(tmp_path, "--start", start, "--duration", "45"))
    assert isinstance(read.start, datetime) and read.start.tzinfo is not None
    assert read.start.astimezone(UTC) == instant
    assert (read.end.astimezone(UTC) - instant).total_seconds() == 45 * 60


@pytest.mark.parametrize("parse", PARSERS)
@pytest.mark.parametrize(
    ("args", "first", "after"),
    [
        (("--date", "2027-03-10"), date(2027, 3, 10), date(2027, 3, 11)),
        (("--date", "10.3.2027", "--days", "3"), date(2027, 3, 10), date(2027, 3, 13)),
        (("--date", "2027-03-27", "--days", "3"), date(2027, 3, 27), date(2027, 3, 30)),  # DST
        (("--date", "2027-12-30", "--days", "4"), date(2027, 12, 30), date(2028, 1, 3)),
    ],
)
def test_all_day_and_multi_day_invitations_are_dates(tmp_path, parse, args, first, after):
    data = write(tmp_path, *args)
    read = parse(data)
    assert type(read.start) is date and type(read.end) is date
    assert (read.start, read.end) == (first, after)
    assert b"X-MICROSOFT-CDO-ALLDAYEVENT:TRUE" in data and b"VTIMEZONE" not in data


def test_an_all_day_reminder_rings_the_day_before_at_nine(tmp_path):
    event = icalendar.Calendar.from_ical(write(tmp_path, "--date", "2027-03-10")).walk("VEVENT")[0]
    (alarm,) = event.walk("VALARM")
    start = datetime.combine(event.decoded("DTSTART"), datetime.min.time(), BERLIN)
    assert (start + alarm.decoded("TRIGGER")).replace(tzinfo=None) == datetime(2027, 3, 9, 9)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--date", "2027-03-10", "--start", "2027-03-10T09:00"), "either --start or --date"),
        (("--days", "3", "--start", "2027-03-10T09:00"), "--days needs --date"),
        (("--date", "2027-03-10", "--duration", "60"), "use --days"),
    ],
)
def test_all_day_options_that_do_not_fit_together(tmp_path, args, says):
    config = tmp_path / "config.toml"
    config.write_text(CONFIG)
    argv = ["invite", "--config", str(config), "--to", "bob@acme.example", "--title", "X", *args]
    result = CliRunner().invoke(main, argv)
    assert result.exit_code == 2 and says in result.stderr


def test_the_sent_log_keeps_an_all_day_invitation_through_update_and_cancel(tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    start, end = all_day_span(date(2027, 3, 10), 3, BERLIN)
    fair = lunch(start=start, end=end, all_day=True)
    assert invitation_from_json(invitation_to_json(fair)) == fair
    prepared = prepare_request(store, fair)
    record_sent(store, prepared)
    start, end = all_day_span(date(2027, 3, 11), 2, BERLIN)
    moved = prepare_update(store, prepared.uid, start=start, end=end)
    assert moved.invitation.all_day and b"DTSTART;VALUE=DATE:20270311" in moved.ics
    record_sent(store, moved)
    cancel = prepare_cancel(store, prepared.uid)
    assert b"DTEND;VALUE=DATE:20270313" in cancel.ics
    store.close()
