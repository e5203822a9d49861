"""``planner sync`` mirrors a meeting an update sent moved at the new time, on a real Radicale,
with the update sent through a real SMTP server on loopback (aiosmtpd).

Bug (QA, as a new user): ``planner invite --update UID --start … --send`` (no ``--hold``)
moved the user's own meeting for the attendees but never wrote over it, as planner must not;
until the user's calendar showed the new time, sync mirrored busy time and blocked travel at
the OLD time in the user's other calendars: the new slot looked free, the old one blocked. Now
sync mirrors it, and travels to it, at the time the latest update sent gave it while the
calendar still shows the time replaced; once the calendar shows the new time, or any other
(the user moved it themselves), it mirrors what the calendar shows. It writes only its own
mirrors and blocks: the meeting in the source calendar is left as it is.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime

import pytest
from click.testing import CliRunner

import planner.cli.sync
from planner.cli import main
from planner.invite.invitation import Invitation
from planner.invite.mail import deliver
from planner.invite.sentlog import prepare_request, prepare_update
from planner.model import Attendee
from planner.store import Store, open_store
from planner.sync.plan import CREATE
from tests.invite.test_mail import Inbox, plain, run_server  # noqa: F401  (fixture)
from tests.sync.conftest import NOW, TZ, USER, World
from tests.sync.test_cli_sync import write_config

pytestmark = pytest.mark.slow

BOB = Attendee("bob@nordwind.example", "Bob Stone")
PLACE = "Spatenhaus\\, Residenzstraße 12\\, 80333 München"
SERIES = "jour-fixe-nordwind@planner.test"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=TZ)


def vevent(uid: str, start: datetime, extra: str = "") -> str:
    """The user's lunch with Bob (they organize it), an hour from ``start`` (Berlin time)."""
    end = start.replace(hour=start.hour + 1)
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261201T100000Z\r\nSUMMARY:Lunch Nordwind\r\n"
        f"DTSTART;TZID=Europe/Berlin:{start:%Y%m%dT%H%M%S}\r\n"
        f"DTEND;TZID=Europe/Berlin:{end:%Y%m%dT%H%M%S}\r\nLOCATION:{PLACE}\r\n"
        "GEO:48.1404;11.5778\r\n"
        f"ORGANIZER;CN=Uta User:mailto:{USER}\r\n"
        f"ATTENDEE;CN=Bob Stone;PARTSTAT=ACCEPTED:mailto:{BOB.email}\r\n{extra}END:VEVENT\r\n"
    )


def calendar(*events: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
        + "".join(events)
        + ("END:VCALENDAR\r\n")
    )


def send(store: Store, port: int, start: datetime, uid: str = "", sequence: int = 0) -> str:
    """Lunch with Bob at ``start`` sent (with ``uid``: as planner's update of that meeting of
    the calendar); its UID."""
    inv = Invitation(title="Lunch Nordwind", start=start, end=start.replace(hour=start.hour + 1),
                     organizer=Attendee(USER, "Uta User"), attendees=(BOB,), location="Spatenhaus",
                     uid=uid, sequence=sequence, for_event=uid)  # fmt: skip
    prepared = prepare_request(store, inv)
    deliver(store, prepared, plain(port), now=NOW)
    return prepared.uid


def move(store: Store, port: int, uid: str, start: datetime) -> None:
    """``planner invite --update UID --start START --send``, without ``--hold``."""
    deliver(store, prepare_update(store, uid, start=start), plain(port), now=NOW)


def setup(world: World, travel: bool = True) -> None:
    world.caldav_target = world.radicale.make_calendar(f"dst-{uuid.uuid4().hex[:10]}")
    world.user = {"home": "Unterhaching"}
    world.syncs = [{"from": ["c"], "to": "d", "show": "title_and_place", "travel": travel}]


def mirrored(result) -> list[tuple[str, str, datetime, datetime]]:
    """(action, kind, start, end) of each change to the target, in Berlin time."""
    return sorted(
        (c.action, c.kind, c.event.start.astimezone(TZ), c.event.end.astimezone(TZ))
        for t in result.targets
        for c in t.changes
    )


@pytest.fixture
def port(run_server) -> int:  # noqa: F811
    return run_server(Inbox())


def test_the_mirror_and_travel_go_to_the_new_time_until_the_calendar_shows_it(world, port):
    uid = send(world.store, port, at(8, 12, 30))
    world.radicale.put(world.caldav, "lunch.ics", calendar(vevent(uid, at(8, 12, 30))))
    move(world.store, port, uid, at(9, 12, 30))
    setup(world)
    planned = mirrored(world.run())
    mirrors = [(s, e) for a, k, s, e in planned if k == "mirror"]
    assert mirrors == [(at(9, 12, 30), at(9, 13, 30))], planned  # was: Tue 8 Dec 12:30
    travel = [(s, e) for a, k, s, e in planned if k == "travel"]
    assert travel and all(s.day == 9 for s, _e in travel), travel
    assert {e for _s, e in travel} & {at(9, 12, 30)} and {s for s, _e in travel} & {at(9, 13, 30)}

    world.run(apply=True)
    (source,) = world.caldav.events()
    assert "20261208T123000" in source.data, "the user's meeting is never written over"
    world.radicale.put(world.caldav, "lunch.ics", calendar(vevent(uid, at(9, 12, 30))))
    assert mirrored(world.run()) == []  # the calendar caught up: nothing to change
    world.radicale.put(world.caldav, "lunch.ics", calendar(vevent(uid, at(10, 9))))
    planned = mirrored(world.run())  # the user moved it to Thursday themselves
    assert ("update", "mirror", at(10, 9), at(10, 10)) in planned, planned


def test_an_occurrence_of_a_series_is_mirrored_at_its_new_time_alone(world, port):
    series = vevent(SERIES, at(1, 10), "RRULE:FREQ=WEEKLY;COUNT=6\r\n")
    moved = vevent(SERIES, at(8, 12, 30), "RECURRENCE-ID;TZID=Europe/Berlin:20261208T100000\r\n")
    world.radicale.put(world.caldav, "series.ics", calendar(series, moved))
    send(world.store, port, at(8, 12, 30), uid=SERIES, sequence=1)  # as a proposal's update
    move(world.store, port, SERIES, at(9, 12, 30))
    setup(world, travel=False)
    starts = [s for a, k, s, _e in mirrored(world.run()) if a == CREATE]
    assert at(9, 12, 30) in starts and at(8, 12, 30) not in starts, starts
    assert at(15, 10) in starts, "the other Tuesdays stay"


def test_the_dry_run_on_the_command_line_names_the_mirror_at_the_new_time(
    world, port, tmp_path, monkeypatch
):
    monkeypatch.setattr(planner.cli.sync, "_now", lambda tz: NOW)
    monkeypatch.setenv("COLUMNS", "160")
    store = open_store()  # the command's own state
    try:
        uid = send(store, port, at(8, 12, 30))
        move(store, port, uid, at(9, 12, 30))
    finally:
        store.close()
    world.radicale.put(world.caldav, "lunch.ics", calendar(vevent(uid, at(8, 12, 30))))
    setup(world, travel=False)
    path = write_config(world, tmp_path / "config.toml")
    result = CliRunner().invoke(main, ["sync", "--config", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    changes = [c for t in json.loads(result.output)["targets"] for c in t["changes"]]
    lunch = [c for c in changes if "Lunch" in c.get("title", "")]
    assert [c["start"] for c in lunch] == ["2026-12-09T12:30:00+01:00"], changes
    result = CliRunner().invoke(main, ["sync", "--config", str(path)])
    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.output.splitlines() if "Lunch Nordwind" in line]
    assert "Wed" in line and "12:30" in line and "Tue" not in line, result.output
