"""A meeting of the user's own calendar moved with ``planner invite --update UID --start …
--send`` (no ``--hold``), through the real CLI, an .ics calendar and a real SMTP server on
loopback (aiosmtpd), English and German.

Bug (QA, as a new user): planner sent the attendees the new time but, as it must, never wrote
over the user's meeting; until the user's calendar showed the new time too, ``planner week``
showed the meeting at the OLD time: the new slot looked free, the old one blocked. Now the sent
log keeps what each update moved (the time it replaced, and the new time), and while the
calendar still shows a replaced time the meeting counts at the time the latest update sent
gave it; its row says so. Once the calendar shows the new time, or any other (the user moved it
themselves), the calendar counts again, as it does after a cancellation.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner, Result

from planner.cli import main
from planner.invite.sentlog import MOVED, history, recent
from planner.store import open_store
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)
from tests.own import HEAD, TAIL, fix_now

pytestmark = pytest.mark.slow

ME = "anna@berger-consulting.example"
BOB = "bob@nordwind.example"
NOW = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)  # Monday morning of week 50
NOTE = (
    "moved to Wed 9 Dec 12:30 with planner invite --update; your calendar still shows "
    "Tue 8 Dec 12:30: move it there too"
)


def vevent(uid: str, start: str, end: str, extra: str = "") -> str:
    """The user's lunch with Bob, which they organize; ``start``/``end`` as DTSTART/DTEND
    lines' values with their parameters (";TZID=Europe/Berlin:20261208T123000")."""
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261201T100000Z\r\nSUMMARY:Lunch Nordwind\r\n"
        f"DTSTART{start}\r\nDTEND{end}\r\nLOCATION:Spatenhaus\\, Residenzstraße 12\\, München\r\n"
        f"ORGANIZER;CN=Anna Berger:mailto:{ME}\r\n"
        f"ATTENDEE;CN=Bob Stone;PARTSTAT=ACCEPTED:mailto:{BOB}\r\n{extra}END:VEVENT\r\n"
    )


def berlin(day: int, hour: int, minute: int = 0) -> tuple[str, str]:
    start = f";TZID=Europe/Berlin:202612{day:02d}T{hour:02d}{minute:02d}00"
    return start, f";TZID=Europe/Berlin:202612{day:02d}T{hour + 1:02d}{minute:02d}00"


class World:
    """Anna in Munich: one .ics calendar, an SMTP server on loopback, "now" fixed."""

    def __init__(self, tmp_path: Path, start, language: str, monkeypatch) -> None:
        fix_now(monkeypatch, NOW)
        self.inbox = Inbox()
        port = start(self.inbox)
        self.language = language
        self.calendar = tmp_path / "work.ics"
        self.config = tmp_path / "config.toml"
        self.config.write_text(
            f'[user]\nname = "Anna Berger"\nemail = "{ME}"\ntimezone = "Europe/Berlin"\n'
            f'language = "{language}"\ndomains = ["berger-consulting.example"]\n\n'
            f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n\n'
            f'[[calendars]]\nname = "work"\nprovider = "ics"\npath = "{self.calendar}"\n',
            encoding="utf-8",
        )
        self.shows("")

    def shows(self, events: str) -> None:
        self.calendar.write_text(HEAD + events + TAIL, encoding="utf-8", newline="")

    def run(self, *args: str) -> Result:
        result = CliRunner().invoke(main, [*args, "--config", str(self.config)])
        assert result.exit_code == 0, result.output
        return result

    def invite(self, start: str = "2026-12-08T12:30") -> str:
        """Lunch with Bob on Tuesday 12:30, sent; in the calendar as Anna's meeting."""
        self.run("invite", "--to", f"Bob Stone <{BOB}>", "--title", "Lunch Nordwind",
                 "--start", start, "--location", "Spatenhaus", "--send")  # fmt: skip
        store = open_store()
        try:
            return recent(store)[0].uid
        finally:
            store.close()

    def week(self) -> dict:
        return json.loads(self.run("week", "--week", "2026-W50", "--format", "json").stdout)

    def table(self) -> str:
        return self.run("week", "--week", "2026-W50").stdout


@pytest.fixture(params=["en", "de"])
def world(request, tmp_path, run_server, monkeypatch) -> World:  # noqa: F811
    monkeypatch.setenv("COLUMNS", "220")
    return World(tmp_path, run_server, request.param, monkeypatch)


def lunches(data: dict, uid: str) -> list[dict]:
    return [e for e in data["events"] if e["uid"] == uid]


def test_the_week_counts_the_meeting_at_the_time_the_update_sent(world: World):
    uid = world.invite()
    world.shows(vevent(uid, *berlin(8, 12, 30)))
    world.run("invite", "--update", uid, "--start", "2026-12-09T12:30", "--send")
    assert len(world.inbox.messages) == 2
    (lunch,) = lunches(world.week(), uid)
    assert lunch["start"] == "2026-12-09T12:30:00+01:00", lunch  # was: Tuesday, the old time
    assert lunch["moved"]["calendar_shows"]["start"] == "2026-12-08T12:30:00+01:00"
    if world.language == "en":
        assert lunch["moved"]["note"] == NOTE
    table = world.table()  # the row is Wednesday's, and says what the calendar shows
    wednesday = table.split("Wed 9 Dec" if world.language == "en" else "Mi. 9. Dez.", 1)[1]
    assert "Lunch Nordwind" in wednesday.split("├", 1)[0], table
    said = " ".join(wednesday.split("├", 1)[0].split())
    assert "planner invite --update" in said, said
    assert ("Tue 8 Dec 12:30" if world.language == "en" else "Di. 8. Dez. 12:30") in said

    store = open_store()  # the log keeps what the update moved, at send time
    try:
        (first, update) = history(store, uid)
    finally:
        store.close()
    assert first.moved_from is None
    assert update.moved_from is not None
    assert update.moved_from[0].astimezone(UTC) == datetime(2026, 12, 8, 11, 30, tzinfo=UTC)


def test_the_calendar_catching_up_or_moved_elsewhere_counts_again(world: World):
    uid = world.invite()
    world.shows(vevent(uid, *berlin(8, 12, 30)))
    world.run("invite", "--update", uid, "--start", "2026-12-09T12:30", "--send")
    assert lunches(world.week(), uid)[0]["start"].startswith("2026-12-09T12:30")
    world.shows(vevent(uid, *berlin(9, 12, 30), "SEQUENCE:1\r\n"))  # the calendar caught up
    (lunch,) = lunches(world.week(), uid)
    assert lunch["start"] == "2026-12-09T12:30:00+01:00" and "moved" not in lunch
    assert "planner invite --update" not in world.table()
    world.shows(vevent(uid, *berlin(10, 9)))  # the user moved it to Thursday themselves
    (lunch,) = lunches(world.week(), uid)
    assert lunch["start"] == "2026-12-10T09:00:00+01:00" and "moved" not in lunch


def test_a_later_update_and_a_cancellation_use_the_latest_sent_state(world: World):
    uid = world.invite()
    world.shows(vevent(uid, *berlin(8, 12, 30)))
    world.run("invite", "--update", uid, "--start", "2026-12-09T12:30", "--send")
    world.run("invite", "--update", uid, "--start", "2026-12-11T08:00", "--send")
    (lunch,) = lunches(world.week(), uid)  # the calendar still shows Tuesday
    assert lunch["start"] == "2026-12-11T08:00:00+01:00", lunch
    world.shows(vevent(uid, *berlin(9, 12, 30)))  # caught up with the first update only
    assert lunches(world.week(), uid)[0]["start"] == "2026-12-11T08:00:00+01:00"
    world.run("invite", "--cancel", uid, "--send")
    (lunch,) = lunches(world.week(), uid)
    assert lunch["start"] == "2026-12-09T12:30:00+01:00" and "moved" not in lunch


def test_a_time_typed_in_another_zone_is_compared_as_an_instant(world: World):
    """The calendar writes the meeting in UTC, the update's --start names New York: both are
    the same instants as Berlin's 12:30 (as wall times, nothing would match)."""
    uid = world.invite()
    world.shows(vevent(uid, ":20261208T113000Z", ":20261208T123000Z"))
    world.run("invite", "--update", uid, "--start", "2026-12-09 06:30 America/New_York",
              "--send")  # fmt: skip
    (lunch,) = lunches(world.week(), uid)
    assert datetime.fromisoformat(lunch["start"]) == datetime(2026, 12, 9, 11, 30, tzinfo=UTC)
    assert "moved" in lunch
    world.shows(vevent(uid, *berlin(9, 12, 30)))  # caught up, in Berlin time
    assert "moved" not in lunches(world.week(), uid)[0]


def test_an_older_log_row_without_what_it_moved_still_reads(world: World):
    """A row logged before the move was kept reads as one that moved nothing (the week and
    ``--list`` work); an update sent since counts."""
    uid = world.invite()
    world.shows(vevent(uid, *berlin(8, 12, 30)))
    world.run("invite", "--update", uid, "--start", "2026-12-09T12:30", "--send")
    store = open_store()
    try:
        (row,) = store.conn.execute(
            "SELECT invitation FROM sent_invitations WHERE uid = ? AND sequence = 1", (uid,)
        ).fetchall()
        data = json.loads(row[0])
        assert MOVED in data
        del data[MOVED]
        with store.conn:
            store.conn.execute(
                "UPDATE sent_invitations SET invitation = ? WHERE uid = ? AND sequence = 1",
                (json.dumps(data), uid),
            )
        assert history(store, uid)[1].moved_from is None
    finally:
        store.close()
    assert lunches(world.week(), uid)[0]["start"].startswith("2026-12-08T12:30")
    assert uid[:8] in world.run("invite", "--list").stdout
    world.shows(vevent(uid, *berlin(9, 12, 30)))  # the user moved it there; then Friday
    world.run("invite", "--update", uid, "--start", "2026-12-11T08:00", "--send")
    assert lunches(world.week(), uid)[0]["start"] == "2026-12-11T08:00:00+01:00"


SERIES = "jour-fixe-nordwind@berger-consulting.example"


def test_an_occurrence_of_a_series_moved_alone(world: World):
    """A weekly series whose Tuesday 8 Dec occurrence the calendar has moved (RECURRENCE-ID)
    to 12:30; the update moves that meeting to Wednesday: the other Tuesdays stay."""
    from planner.invite.invitation import Invitation
    from planner.invite.sentlog import prepare_request, record_sent
    from planner.model import Attendee

    series = vevent(SERIES, *berlin(1, 10), "RRULE:FREQ=WEEKLY;COUNT=6\r\n")
    moved = vevent(SERIES, *berlin(8, 12, 30),
                   "RECURRENCE-ID;TZID=Europe/Berlin:20261208T100000\r\n")  # fmt: skip
    world.shows(series + moved)
    store = open_store()  # logged as planner logs its update of a calendar meeting (a proposal)
    try:
        tz = ZoneInfo("Europe/Berlin")
        inv = Invitation(title="Lunch Nordwind", start=datetime(2026, 12, 8, 12, 30, tzinfo=tz),
                         end=datetime(2026, 12, 8, 13, 30, tzinfo=tz),
                         organizer=Attendee(ME, "Anna Berger"),
                         attendees=(Attendee(BOB, "Bob Stone"),), uid=SERIES, sequence=1,
                         for_event=SERIES)  # fmt: skip
        record_sent(store, prepare_request(store, inv), message_id="<first@planner.test>")
    finally:
        store.close()
    world.run("invite", "--update", SERIES, "--start", "2026-12-09T12:30", "--send")
    data = world.week()
    starts = sorted(e["start"] for e in lunches(data, SERIES))
    assert starts == ["2026-12-09T12:30:00+01:00"], starts  # was: Tue 8 Dec 12:30
    nxt = json.loads(world.run("week", "--week", "2026-W51", "--format", "json").stdout)
    assert [e["start"] for e in lunches(nxt, SERIES)] == ["2026-12-15T10:00:00+01:00"]


def test_the_totals_and_free_time_follow_the_meeting_into_the_next_week(world: World):
    """Moved from Friday of week 50 to Monday of week 51: week 50 counted it (and its Friday
    noon was busy), week 51 did not."""
    uid = world.invite("2026-12-11T12:30")
    world.shows(vevent(uid, *berlin(11, 12, 30)))
    world.run("invite", "--update", uid, "--start", "2026-12-14T12:30", "--send")
    this = world.week()
    assert this["stats"]["meetings"] == 0 and not lunches(this, uid), this["stats"]
    nxt = json.loads(world.run("week", "--week", "2026-W51", "--format", "json").stdout)
    assert nxt["stats"]["meetings"] == 1, nxt["stats"]
    (lunch,) = lunches(nxt, uid)
    assert lunch["start"] == "2026-12-14T12:30:00+01:00" and "moved" in lunch


def test_an_invitation_at_the_new_time_is_told_of_the_clash(world: World):
    """``planner invite`` names what of the user's calendar a new invitation's time runs into:
    the lunch at its new time, not at the time the calendar still shows."""
    uid = world.invite()
    world.shows(vevent(uid, *berlin(8, 12, 30)))
    world.run("invite", "--update", uid, "--start", "2026-12-09T12:30", "--send")
    other = ("invite", "--to", "carl@isar.example", "--title", "Call Isar")
    said = world.run(*other, "--start", "2026-12-09T12:45").stderr
    assert "Lunch Nordwind" in said, said  # was: no clash (the calendar shows Tuesday)
    said = world.run(*other, "--start", "2026-12-08T12:45").stderr
    assert "Lunch Nordwind" not in said, said
