"""``planner invite --cancel UID --hold --send`` through the real CLI, a real SMTP server
(aiosmtpd) and a real CalDAV server (Radicale) (QA hold/cancel, defect 1).

Before: the cancellation wrote the hold again as a CONFIRMED meeting ("hold written to your
calendar"), so the cancelled meeting stayed in the user's calendar; it wrote before it sent, so
a refused mail left a calendar without the meeting that everyone else still expected; it went
to people who were never sent the meeting, and a second run sent it to everyone again. Now the
cancellation goes, with the meeting's UID and a higher SEQUENCE, to exactly those who may have
the meeting and have not had it; then the hold comes out (deleted), only while it is still
planner's; the dry run says all of it; after a partial failure the same command completes the
rest. The same through Google and Outlook: tests/cli/test_invite_cancel_hold_remote.py.
"""

from __future__ import annotations

import email
import email.utils
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from click.testing import CliRunner, Result

from planner.cli import main
from planner.invite.sentlog import history, recent
from planner.store import open_store
from providers.caldav_support import object_name
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)
from tests.providers.radicale_server import RadicaleServer, radicale_server

pytestmark = pytest.mark.slow

ME = "user@planner.test"
BOB, CARL = "bob@nordwind.example", "carl@isar.example"
_calendars = iter(range(1000))
CALS = "calendars"
BERLIN = ZoneInfo("Europe/Berlin")
# the dinner a week from today and the day after it (placed around the real clock: a meeting
# that is over is no longer cancelled, listed or answered as an open one)
DAY = datetime.now(BERLIN).date() + timedelta(days=7)
NEXT = DAY + timedelta(days=1)


def utc(day: date, hour: int = 19) -> str:
    """``hour`` o'clock in Berlin on ``day``, as an iCalendar UTC time."""
    return datetime.combine(day, time(hour), BERLIN).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RadicaleServer]:
    with radicale_server(tmp_path_factory.mktemp("radicale")) as server:
        yield server


class World:
    """A user with one CalDAV calendar ("dav") and an SMTP server that refuses ``refuse``."""

    def __init__(self, tmp_path: Path, radicale: RadicaleServer, start: Any, language: str):
        self.inbox = Inbox()
        port = start(self.inbox)
        number = next(_calendars)
        self.radicale = radicale
        self.calendar = radicale.make_calendar(f"Termine {number}", cal_id=f"termine{number}")
        options = radicale.provider_options(calendars=[f"Termine {number}"])
        lines = [
            "[user]", 'name = "Uta User"', f'email = "{ME}"', 'timezone = "Europe/Berlin"',
            f'language = "{language}"', "", "[[calendars]]", 'name = "dav"',
            'provider = "caldav"', *(f'{k} = "{v}"' for k, v in options.items() if k != CALS),
            f'calendars = ["Termine {number}"]', "", "[smtp]", 'host = "127.0.0.1"',
            f"port = {port}", 'security = "none"',
        ]  # fmt: skip
        self.config = tmp_path / "config.toml"
        self.config.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def run(self, *args: str, ok: bool = True) -> Result:
        result = CliRunner().invoke(main, [*args, "--config", str(self.config)])
        if ok:
            assert result.exit_code == 0, result.output
        return result

    def invite(self, *more: str) -> str:
        """Bob and Carl invited to dinner; the meeting's UID."""
        self.run("invite", "--to", f"Bob Stone <{BOB}>", "--to", CARL, "--title", "Abendessen",
                 "--start", f"{DAY}T19:00", "--location", "Spatenhaus", *more)  # fmt: skip
        store = open_store()
        try:
            (record,) = recent(store)
        finally:
            store.close()
        return record.uid

    def object(self, uid: str) -> icalendar.cal.Component | None:
        """The VEVENT stored under ``uid`` in the calendar, None when there is none."""
        found = [e for e in self.calendar.events() if str(e.icalendar_component["UID"]) == uid]
        return found[0].icalendar_component if found else None

    def put(self, uid: str, text: str) -> None:
        self.radicale.put(self.calendar, object_name(uid), text)

    def raw(self, uid: str) -> str:
        return str(self.calendar.event_by_url(self.calendar.url.join(object_name(uid))).data)

    def mails(self) -> list[tuple[list[str], icalendar.Calendar]]:
        """Each message received: its envelope recipients and its calendar part."""
        found = []
        for rcpts, content, _ssl in self.inbox.messages:
            msg = email.message_from_bytes(content)
            part = next(p for p in msg.walk() if p.get_content_type() == "text/calendar")
            cal = icalendar.Calendar.from_ical(part.get_payload(decode=True))
            found.append((sorted(rcpts), cal))
        return found


@pytest.fixture(params=["en", "de"])
def world(request, tmp_path, radicale, run_server, monkeypatch) -> World:  # noqa: F811
    monkeypatch.setenv(radicale.password_env, radicale.password)
    return World(tmp_path, radicale, run_server, request.param)


def _cancel(cal: icalendar.Calendar) -> tuple[str, str, int, list[str]]:
    (event,) = cal.walk("VEVENT")
    people = sorted(str(a).removeprefix("mailto:") for a in event.get("ATTENDEE"))
    return str(cal["METHOD"]), str(event["UID"]), int(event["SEQUENCE"]), people


def test_the_cancellation_goes_to_those_invited_and_the_hold_comes_out(world: World):
    uid = world.invite("--hold", "--send")
    assert world.object(uid)["STATUS"] == "CONFIRMED"
    refused = world.run("invite", "--cancel", uid[:8], "--hold", ok=False)  # tells nobody
    assert refused.exit_code != 0 and BOB in refused.stderr and CARL in refused.stderr
    assert world.object(uid)["STATUS"] == "CONFIRMED"
    said = world.run("invite", "--cancel", uid[:8]).stderr  # the dry run
    assert uid in said and "SEQUENCE 1" in said and f"Bob Stone <{BOB}>" in said and CARL in said
    assert "dav" in said and "--hold" in said  # the hold stays, and how to take it out
    assert len(world.inbox.messages) == 1  # the invitation alone
    done = world.run("invite", "--cancel", uid[:8], "--hold", "--send").stderr
    (first, (rcpts, cal)) = world.mails()
    assert rcpts == sorted([BOB, CARL]) and first[0] == rcpts
    assert _cancel(cal) == ("CANCEL", uid, 1, sorted([BOB, CARL]))
    assert world.object(uid) is None  # deleted; was: CONFIRMED, written again
    assert "dav" in done and BOB in done
    if 'language = "en"' in world.config.read_text():
        assert "hold taken out of dav" in done and "hold written" not in done
    again = world.run("invite", "--cancel", uid[:8], "--hold", "--send").stderr
    assert len(world.inbox.messages) == 2, "nothing is sent twice"
    assert BOB in again  # told already: named


def test_without_hold_the_hold_stays_and_the_run_says_so(world: World):
    uid = world.invite("--hold", "--send")
    said = world.run("invite", "--cancel", uid, "--send").stderr
    assert "dav" in said and "--hold" in said
    assert world.object(uid)["STATUS"] == "CONFIRMED"
    world.run("invite", "--cancel", uid, "--hold")  # the cancellation reached all: out alone
    assert world.object(uid) is None
    assert len(world.inbox.messages) == 2


def test_a_hold_the_user_changed_stays_theirs(world: World):
    uid = world.invite("--hold", "--send")
    world.put(uid, world.raw(uid).replace("SUMMARY:Abendessen", "SUMMARY:Abendessen + Anna"))
    said = world.run("invite", "--cancel", uid, "--hold", "--send").stderr
    assert len(world.inbox.messages) == 2  # the cancellation went
    there = world.object(uid)
    assert str(there["SUMMARY"]) == "Abendessen + Anna" and there["STATUS"] == "CONFIRMED"
    assert "'Abendessen + Anna'" in said
    if 'language = "en"' in world.config.read_text():
        assert "it is yours now and stays" in said and "taken out" not in said


def test_a_meeting_of_the_users_under_that_uid_is_never_touched(world: World):
    """The user's calendar app filed the sent invitation under its UID (no planner mark)."""
    uid = world.invite("--send")
    mine = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Apple Inc.//macOS 14//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20261201T100000Z\r\nDTSTART:{utc(DAY)}\r\n"
        f"DTEND:{utc(DAY, 20)}\r\nSUMMARY:Abendessen\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    world.put(uid, mine)
    said = world.run("invite", "--cancel", uid, "--hold", "--send").stderr
    assert "STATUS" not in world.object(uid) and "dav" in said
    assert len(world.inbox.messages) == 2


def test_a_refused_address_is_sent_the_rest_and_the_hold_stays_until_it_went(world: World):
    uid = world.invite("--hold", "--send")
    world.inbox.refuse_rcpt = (CARL,)
    failed = world.run("invite", "--cancel", uid, "--hold", "--send", ok=False)
    assert failed.exit_code != 0 and CARL in failed.stderr
    assert world.object(uid)["STATUS"] == "CONFIRMED", "Carl still expects the dinner"
    assert [r for r, _cal in world.mails()][1:] == [[BOB]]
    listed = world.run("invites", "--offline", "--format", "json").stdout
    steps = {s["counterpart"]: s for s in json.loads(listed)["invitations"]}
    assert steps[CARL]["command"] == f"planner invite --cancel {uid} --send"  # not reached
    assert steps[BOB]["command"] == ""  # told
    world.inbox.refuse_rcpt = ()
    world.run("invite", "--cancel", uid, "--hold", "--send")
    assert [r for r, _cal in world.mails()][1:] == [[BOB], [CARL]], "Bob is not sent it twice"
    assert _cancel(world.mails()[2][1])[:3] == ("CANCEL", uid, 1)
    assert world.object(uid) is None
    store = open_store()
    try:
        (cancel,) = [r for r in history(store, uid) if r.cancelled]
    finally:
        store.close()
    assert sorted(cancel.recipients) == sorted([BOB, CARL])


def test_mail_sent_calendar_failed_the_same_command_completes_it(world: World, monkeypatch):
    from planner.errors import ProviderError
    from providers.caldav import CalDavProvider

    uid = world.invite("--hold", "--send")

    def unavailable(self: Any, uid: str, expected: Any) -> bool:
        raise ProviderError("the server is unavailable (HTTP 503)")

    with monkeypatch.context() as patch:
        patch.setattr(CalDavProvider, "remove_held", unavailable)
        failed = world.run("invite", "--cancel", uid, "--hold", "--send", ok=False)
    assert failed.exit_code != 0 and "503" in failed.stderr
    assert BOB in failed.stderr and CARL in failed.stderr  # said before the failure: sent
    assert len(world.inbox.messages) == 2 and world.object(uid)["STATUS"] == "CONFIRMED"
    listed = world.run("invite", "--list").stdout
    assert uid in listed
    world.run("invite", "--cancel", uid, "--hold", "--send")
    assert len(world.inbox.messages) == 2, "the cancellation is not sent twice"
    assert world.object(uid) is None


def test_a_meeting_only_held_tells_nobody_when_cancelled(world: World):
    uid = world.invite("--hold")
    said = world.run("invite", "--cancel", uid, "--hold", "--send").stderr
    assert world.inbox.messages == [], "nobody was sent the meeting: nobody is sent its end"
    assert world.object(uid) is None
    assert "dav" in said
    store = open_store()
    try:
        assert next(r for r in recent(store) if r.uid == uid).cancelled
    finally:
        store.close()


def counter(uid: str, who: str, start: str) -> bytes:
    """Outlook's "Propose new time": a COUNTER for ``start`` (UTC, one hour), written now."""
    now = datetime.now(UTC)
    return (
        f"From: {who}\r\nTo: {ME}\r\nSubject: New time proposed: Abendessen\r\n"
        f"Date: {email.utils.format_datetime(now)}\r\nMessage-ID: <counter-1@nordwind.example>\r\n"
        'MIME-Version: 1.0\r\nContent-Type: text/calendar; charset="utf-8"; method=COUNTER\r\n'
        "\r\nBEGIN:VCALENDAR\r\nMETHOD:COUNTER\r\nPRODID:Microsoft Exchange Server 2010\r\n"
        f"VERSION:2.0\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nSEQUENCE:0\r\nDTSTAMP:{now:%Y%m%dT%H%M%SZ}\r\n"
        f"DTSTART:{start}\r\nDTEND:{start[:9]}{int(start[9:11]) + 1:02d}{start[11:]}\r\n"
        f"ORGANIZER:mailto:{ME}\r\nATTENDEE;PARTSTAT=TENTATIVE:mailto:{who}\r\n"
        "SUMMARY:Abendessen\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


def test_accepting_a_counter_moves_the_hold_too(world: World, tmp_path: Path):
    """The command 'planner invites' gives to accept Bob's other time moved the meeting for
    everyone but left the hold at the old time: the user's calendar showed the wrong one."""
    import shlex

    uid = world.invite("--hold", "--send")
    (tmp_path / "counter.eml").write_bytes(counter(uid, BOB, utc(NEXT)))
    later = datetime.now(BERLIN) + timedelta(minutes=1)
    world.run("replies", str(tmp_path / "counter.eml"), "--now", f"{later:%Y-%m-%dT%H:%M}")
    listed = json.loads(world.run("invites", "--offline", "--format", "json").stdout)
    (bob,) = [s for s in listed["invitations"] if s["counterpart"] == BOB]
    assert "--hold" in bob["command"]
    world.run(*shlex.split(bob["command"])[1:])
    assert world.object(uid)["DTSTART"].dt.isoformat().startswith(f"{NEXT}T19:00")
    (rcpts, cal) = world.mails()[-1]
    assert rcpts == sorted([BOB, CARL]) and _cancel(cal)[:3] == ("REQUEST", uid, 1)


def test_an_update_says_what_it_leaves_as_it_was(world: World):
    uid = world.invite("--hold", "--send")
    said = world.run("invite", "--update", uid, "--to", BOB, "--start", f"{NEXT}T19:00").stderr
    assert "dav" in said and "--hold" in said  # the hold stays at the old time unless asked
    assert CARL in said  # Carl had the meeting: he is sent its cancellation, not this update
    if 'language = "en"' in world.config.read_text():
        assert f"taken off: {CARL}; they are sent the meeting's cancellation" in said


def test_a_hold_gone_between_the_plan_and_the_delete_is_not_said_taken_out(
    world: World, monkeypatch: pytest.MonkeyPatch
):
    """The calendar answers that the hold is gone already (deleted in the calendar app a
    moment before): the run says nothing was taken out, not that it took it out."""
    from providers.caldav import CalDavProvider

    uid = world.invite("--hold", "--send")

    def gone(self: Any, uid: str, expected: Any) -> bool:
        return False

    monkeypatch.setattr(CalDavProvider, "remove_held", gone)
    said = world.run("invite", "--cancel", uid, "--hold", "--send").stderr
    if 'language = "en"' in world.config.read_text():
        assert "nothing was taken out" in said and "hold taken out" not in said
    else:
        assert "nichts wurde entfernt" in said and "Platzhalter aus dav entfernt" not in said
