"""``planner invite --update UID --to …`` that drops an attendee, through the real CLI and a real
SMTP server on loopback (aiosmtpd).

Bug: the person taken off was never told (only the dry run said they "are not sent this
update"): their calendar kept the meeting. RFC 5546 §2.1.5/§3.2.5: the organizer sends the
attendees it removes a METHOD:CANCEL of the meeting (same UID, the new SEQUENCE, those
attendees alone, no STATUS:CANCELLED: the meeting goes on), the others the REQUEST. The dry run
says who gets which; the sent log keeps both; after a partial failure the same command sends
only what did not go; the meeting's own cancellation later goes only to those still invited.
"""

from __future__ import annotations

import email
from email.message import Message
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner, Result

from planner.cli import main
from planner.invite.sentlog import history, recent
from planner.store import open_store
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow

ME = "user@planner.test"
BOB, CARL, DORA = "bob@nordwind.example", "carl@isar.example", "dora@isar.example"
MOVE = ("--start", "2026-12-10T19:00")


class World:
    """A user in Berlin with an SMTP server on loopback that refuses ``inbox.refuse_rcpt``."""

    def __init__(self, tmp_path: Path, start, language: str) -> None:
        self.inbox = Inbox()
        port = start(self.inbox)
        self.language = language
        self.config = tmp_path / "config.toml"
        self.config.write_text(
            f'[user]\nname = "Uta User"\nemail = "{ME}"\ntimezone = "Europe/Berlin"\n'
            f'language = "{language}"\n\n[smtp]\nhost = "127.0.0.1"\nport = {port}\n'
            'security = "none"\n',
            encoding="utf-8",
        )

    def run(self, *args: str, ok: bool = True) -> Result:
        result = CliRunner().invoke(main, [*args, "--config", str(self.config)])
        if ok:
            assert result.exit_code == 0, result.output
        return result

    def invite(self) -> str:
        """Bob, Carl and Dora invited to dinner on Wednesday; the meeting's UID."""
        self.run("invite", "--to", f"Bob Stone <{BOB}>", "--to", f"Carl Isar <{CARL}>",
                 "--to", DORA, "--title", "Abendessen", "--start", "2026-12-09T19:00",
                 "--location", "Spatenhaus", "--send")  # fmt: skip
        return self.records()[0].uid

    def update(self, uid: str, *more: str, ok: bool = True) -> Result:
        """Moved to Thursday, with Bob alone."""
        return self.run("invite", "--update", uid, "--to", BOB, *MOVE, *more, ok=ok)

    def records(self) -> list:
        store = open_store()
        try:
            return recent(store)
        finally:
            store.close()

    def mails(self) -> list[tuple[list[str], Message, icalendar.Calendar]]:
        """Each message received: envelope recipients, the mail, its calendar part."""
        found = []
        for rcpts, content, _ssl in self.inbox.messages:
            msg = email.message_from_bytes(content, policy=email.policy.default)
            part = next(p for p in msg.walk() if p.get_content_type() == "text/calendar")
            found.append((sorted(rcpts), msg, icalendar.Calendar.from_ical(part.get_content())))
        return found


@pytest.fixture(params=["en", "de"])
def world(request, tmp_path, run_server) -> World:  # noqa: F811
    return World(tmp_path, run_server, request.param)


def _itip(cal: icalendar.Calendar) -> tuple[str, str, int, list[str], str | None]:
    (event,) = cal.walk("VEVENT")
    found = event.get("ATTENDEE")
    found = found if isinstance(found, list) else [found]
    people = sorted(str(a).removeprefix("mailto:") for a in found)
    status = str(event["STATUS"]) if "STATUS" in event else None
    return str(cal["METHOD"]), str(event["UID"]), int(event["SEQUENCE"]), people, status


def test_the_people_taken_off_are_sent_the_cancellation(world: World):
    uid = world.invite()
    said = world.update(uid).stderr  # the dry run
    assert len(world.inbox.messages) == 1, "a dry run sends nothing"
    assert f"Bob Stone <{BOB}>" in said  # who gets the update
    assert f"Carl Isar <{CARL}>, {DORA}" in said and "SEQUENCE 1" in said  # … the cancellation
    shown = world.update(uid).stdout  # both messages, as they would go
    assert "METHOD:REQUEST" in shown and "METHOD:CANCEL" in shown
    if world.language == "en":
        assert f"taken off: Carl Isar <{CARL}>, {DORA}; they are sent the meeting's " in said
        assert "Subject: Invitation withdrawn: Abendessen – Wednesday, December 9" in shown

    done = world.update(uid, "--send").stderr
    (_first, (to_bob, update, request), (to_others, mail, cancel)) = world.mails()
    assert to_bob == [BOB] and _itip(request) == ("REQUEST", uid, 1, [BOB], "CONFIRMED")
    assert to_others == sorted([CARL, DORA])
    assert _itip(cancel) == ("CANCEL", uid, 1, sorted([CARL, DORA]), None)  # the meeting goes on
    (event,) = cancel.walk("VEVENT")
    assert event.decoded("DTSTART").isoformat() == "2026-12-09T19:00:00+01:00"  # theirs
    assert update["Subject"].startswith(("Updated invitation:", "Geänderte Einladung:"))
    assert CARL in done and DORA in done
    if world.language == "en":
        assert mail["Subject"].startswith("Invitation withdrawn: Abendessen – Wednesday")
        body = mail.get_body(("plain",)).get_content()
        assert "Uta User has withdrawn your invitation to “Abendessen”." in body
        assert "When: Wednesday, December 9, 2026, 19:00–20:00" in body
        assert f"sent the cancellation to {CARL}, {DORA}, who are taken off" in done

    from planner.invite.sentlog import messages

    store = open_store()
    try:
        logged = [(r.sequence, r.method, sorted(r.recipients)) for r in messages(store, uid)]
        meeting = [(r.sequence, r.method) for r in history(store, uid)]
    finally:
        store.close()
    assert (1, "REQUEST", [BOB]) in logged and (1, "WITHDRAWN", sorted([CARL, DORA])) in logged
    assert meeting == [(0, "REQUEST"), (1, "REQUEST")], "the meeting is not cancelled"
    (record,) = world.records()
    assert not record.cancelled and record.recipients == (BOB,)


def test_a_refused_address_is_sent_the_rest_and_nothing_twice(world: World):
    uid = world.invite()
    world.inbox.refuse_rcpt = (DORA,)
    failed = world.update(uid, "--send", ok=False)
    assert failed.exit_code != 0 and DORA in failed.stderr
    assert [r for r, _m, _c in world.mails()][1:] == [[BOB], [CARL]]
    world.inbox.refuse_rcpt = ()
    said = world.update(uid).stderr  # the dry run of the same command
    assert BOB in said and DORA in said
    if world.language == "en":
        assert f"told already: {BOB}" in said and f"taken off: {DORA};" in said
    world.update(uid, "--send")
    assert [r for r, _m, _c in world.mails()][1:] == [[BOB], [CARL], [DORA]], "Bob once"
    assert _itip(world.mails()[3][2])[:3] == ("CANCEL", uid, 1)  # the same SEQUENCE
    done = world.update(uid, "--send").stderr
    assert len(world.inbox.messages) == 4, "all went: nothing is sent again"
    if world.language == "en":
        assert "nothing to send: this revision reached all of them already" in done


def test_the_update_failing_sends_no_cancellation_and_the_rerun_sends_both(world: World):
    uid = world.invite()
    world.inbox.reject_data = True
    failed = world.update(uid, "--send", ok=False)
    assert failed.exit_code != 0 and len(world.inbox.messages) == 1
    world.inbox.reject_data = False
    world.update(uid, "--send")
    sent = [(r, _itip(c)[:3]) for r, _m, c in world.mails()[1:]]
    assert sent == [([BOB], ("REQUEST", uid, 1)), (sorted([CARL, DORA]), ("CANCEL", uid, 1))]


def test_the_meetings_cancellation_goes_only_to_those_still_invited(world: World):
    uid = world.invite()
    world.update(uid, "--send")
    said = world.run("invite", "--cancel", uid, "--send").stderr
    assert BOB in said and CARL not in said and DORA not in said
    (rcpts, _mail, cal) = world.mails()[-1]
    assert rcpts == [BOB] and _itip(cal) == ("CANCEL", uid, 2, [BOB], "CANCELLED")


def test_invited_again_and_taken_off_again_is_told_again(world: World):
    uid = world.invite()
    world.update(uid, "--send")  # Carl and Dora off (SEQUENCE 1)
    world.run("invite", "--update", uid, "--to", BOB, "--to", CARL, "--start",
              "2026-12-11T19:00", "--send")  # fmt: skip
    world.run("invite", "--update", uid, "--to", BOB, "--start", "2026-12-12T19:00", "--send")
    sent = [(r, _itip(c)[:3]) for r, _m, c in world.mails()[3:]]
    assert sent == [
        (sorted([BOB, CARL]), ("REQUEST", uid, 2)),
        ([BOB], ("REQUEST", uid, 3)),
        ([CARL], ("CANCEL", uid, 3)),  # Carl alone: Dora was told before
    ]
    (event,) = world.mails()[-1][2].walk("VEVENT")
    assert event.decoded("DTSTART").day == 11  # the time Carl has


def test_an_update_that_takes_nobody_off_sends_no_cancellation(world: World):
    uid = world.invite()
    world.run("invite", "--update", uid, *MOVE, "--send")
    assert [_itip(c)[0] for _r, _m, c in world.mails()] == ["REQUEST", "REQUEST"]
