"""``propose --for`` and ``offer --for`` keep the kind of meeting the meeting is: a lunch is
rescheduled as a lunch, a dinner as a dinner, whatever the purpose would pick first; and a
meeting that is in person already gets no "same time, but at one table" option.

Gap (found by using the product): an offer for an in-person lunch at Tantris (Wed 12:30–14:00,
a first contact) offered coffees and a breakfast, and as its second option "the time we had
planned, but at one table" at a hotel bar, called a coffee of 90 minutes."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.config.loader import default_config
from planner.meet.slots import MeetingKind, kind_of, meeting_windows
from planner.model import Interval
from tests.own import fix_now

TZ = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 12, 7, 8, tzinfo=TZ)
ME = "anna@mycorp.example"

GOOGLE_LUNCH = """BEGIN:VEVENT\r
UID:lunch-7c1@google.com\r
DTSTAMP:20261201T100000Z\r
DTSTART;TZID=Europe/Berlin:20261209T123000\r
DTEND;TZID=Europe/Berlin:20261209T140000\r
SUMMARY:Mittagessen mit Jonas Weber\r
LOCATION:Tantris\\, Johann-Fichte-Straße 7\\, 80805 München\\, Deutschland\r
ORGANIZER;CN=Anna Berger:mailto:{me}\r
ATTENDEE;CN=Jonas Weber;PARTSTAT=ACCEPTED:mailto:jonas@weber-consult.example\r
ATTENDEE;CN=Anna Berger;PARTSTAT=ACCEPTED:mailto:{me}\r
END:VEVENT\r
"""
OUTLOOK_CALL = """BEGIN:VEVENT\r
UID:040000008200E00074C5B7101A82E00800000000TEAMSNOON\r
DTSTAMP:20261201T100000Z\r
DTSTART;TZID=W. Europe Standard Time:20261210T120000\r
DTEND;TZID=W. Europe Standard Time:20261210T133000\r
SUMMARY:Abstimmung Rahmenvertrag\r
LOCATION:Microsoft Teams-Besprechung\r
DESCRIPTION:Microsoft Teams-Besprechung\\nJetzt an der Besprechung teilnehmen\\n\r
 https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc\r
ORGANIZER;CN=Lena Hartmann:mailto:lena@nordwind.example\r
ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Anna Berger:mailto:{me}\r
X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r
END:VEVENT\r
"""
APPLE_DINNER = """BEGIN:VEVENT\r
UID:5E1F0B7A-DINNER-4C1B-9A9E-3B1A2E6C7D01\r
DTSTAMP:20261201T100000Z\r
DTSTART;TZID=Europe/Berlin:20261208T190000\r
DTEND;TZID=Europe/Berlin:20261208T210000\r
SUMMARY:Dinner with Sam Carter\r
LOCATION:Brenner Grill\\nMaximilianstraße 15\\n80539 München\r
ATTENDEE;CN=Sam Carter;PARTSTAT=ACCEPTED:mailto:sam@carter-partners.example\r
ATTENDEE;CN=Anna Berger;PARTSTAT=ACCEPTED:mailto:{me}\r
ORGANIZER;CN=Anna Berger:mailto:{me}\r
END:VEVENT\r
"""


@pytest.fixture
def config(tmp_path: Path, isolated_home, monkeypatch) -> str:
    fix_now(monkeypatch, MONDAY)
    calendar = tmp_path / "cal.ics"
    events = (GOOGLE_LUNCH + OUTLOOK_CALL + APPLE_DINNER).format(me=ME)
    calendar.write_text(
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//kinds//EN\r\n{events}END:VCALENDAR\r\n",
        encoding="utf-8",
        newline="",
    )
    path = tmp_path / "config.toml"
    path.write_text(
        f'[user]\nname = "Anna Berger"\nemail = "{ME}"\ntimezone = "Europe/Berlin"\n'
        'domains = ["mycorp.example"]\nhome = "Leopoldstraße 10, 80802 München"\n\n'
        f'[[calendars]]\nname = "main"\nprovider = "ics"\npath = "{calendar}"\n',
        encoding="utf-8",
    )
    return str(path)


def propose(config: str, uid: str, *more: str) -> dict:
    result = CliRunner().invoke(
        main, ["propose", "--config", config, "--for", uid, "--format", "json", *more]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_lunch_in_person_is_offered_as_lunches_without_a_same_time_option(config: str):
    found = propose(config, "lunch-7c1")["proposals"]
    assert found and not any(p["same_time"] for p in found)
    assert found[0]["kind"] == "lunch" and found[1]["kind"] == "lunch", found
    result = CliRunner().invoke(main, ["offer", "--config", config, "--for", "lunch-7c1"])
    assert result.exit_code == 0, result.output
    assert "at one table" not in result.output and "Coffee suits" not in result.output
    assert "Business lunch suits a first meeting" in result.output
    german = CliRunner().invoke(
        main, ["--lang", "de", "offer", "--config", config, "--for", "lunch-7c1"]
    )
    assert german.exit_code == 0, german.output
    assert "an einem Tisch" not in german.output and "Kaffee passt" not in german.output


def test_a_dinner_is_offered_as_dinners_first(config: str):
    found = propose(config, "5E1F0B7A")["proposals"]
    assert found[0]["kind"] == "dinner" and not found[0]["same_time"], found


def test_a_long_call_at_noon_keeps_its_time_as_a_lunch_not_a_coffee(config: str):
    found = propose(config, "040000008200E00074C5B7101A82E00800000000TEAMSNOON")["proposals"]
    same = [p for p in found if p["same_time"]]
    assert len(same) == 1 and same[0]["kind"] == "lunch", found
    assert same[0]["start"].startswith("2026-12-10T12:00")


@pytest.mark.parametrize(
    ("start", "minutes", "kind"),
    [
        ((12, 30), 90, MeetingKind.LUNCH),
        ((12, 0), 120, MeetingKind.LUNCH),
        ((19, 0), 120, MeetingKind.DINNER),
        ((17, 45), 60, MeetingKind.AFTER_WORK),
        ((8, 0), 60, MeetingKind.BREAKFAST),
        ((10, 0), 45, MeetingKind.COFFEE),
        ((15, 0), 90, MeetingKind.COFFEE),  # only coffee's window holds 15:00
        ((23, 30), 60, None),
    ],
)
def test_the_kind_of_a_meeting_is_read_from_its_time_and_length(start, minutes, kind):
    config = default_config(user={"timezone": "Europe/Berlin"})
    begin = datetime(2026, 12, 9, *start, tzinfo=TZ)
    meeting = Interval(begin, begin + timedelta(minutes=minutes))
    assert kind_of(meeting, meeting_windows(config), config, TZ) == kind


def test_the_kind_follows_the_users_own_windows():
    """A Spanish lunch is at two: the user's [windows.lunch] decides, not a built-in hour."""
    config = default_config(
        user={"timezone": "Europe/Madrid"},
        working_hours={day: "09:00-19:00" for day in ("monday", "tuesday", "wednesday")},
        windows={
            "lunch": {"time": "14:00-16:30", "duration": 90, "outside_working_hours": False},
            "coffee": {"time": "09:30-19:00", "duration": 45, "outside_working_hours": False},
        },
    )
    madrid = ZoneInfo("Europe/Madrid")
    begin = datetime(2026, 12, 9, 14, 15, tzinfo=madrid)
    meeting = Interval(begin, begin + timedelta(minutes=90))
    assert kind_of(meeting, meeting_windows(config), config, madrid) is MeetingKind.LUNCH
    noon = Interval(begin.replace(hour=12), begin.replace(hour=13, minute=30))
    assert kind_of(noon, meeting_windows(config), config, madrid) is MeetingKind.COFFEE
