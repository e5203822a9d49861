"""A second invitation to someone who has an open one from planner, through the real CLI and a
real SMTP server on loopback (aiosmtpd), English and German, "now" fixed.

Bug: inviting Bob to lunch on Thursday while his dinner invitation for Wednesday was open (two
proposals for him in one week, or the same meeting under another title, another UID) went out
silently: Bob had two meetings. Now the dry run names the one he has, and ``--send`` refuses in
one line with the ways on (update that one, cancel it, or ``--force``). Not a second one: a
revision of the same meeting, one cancelled, declined by him, over, one an update took him off,
or a file only written.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner, Result

from planner.cli import main
from planner.invite.sentlog import recent
from planner.store import open_store
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow

ME = "user@planner.test"
BOB, CARL = "bob@nordwind.example", "carl@isar.example"
NOW = datetime(2027, 3, 1, 10, tzinfo=ZoneInfo("Europe/Berlin"))
DINNER = ("--title", "Abendessen", "--start", "2027-03-10T19:00", "--location", "Spatenhaus")
LUNCH = ("--title", "Mittagessen", "--start", "2027-03-11T12:30", "--location", "Tantris")
SAID = {
    "en": "Bob Stone <bob@nordwind.example> already has an invitation: 'Abendessen', "
    "Wed 10 Mar 19:00–20:00, Spatenhaus (UID {uid})",
}


class World:
    def __init__(self, tmp_path: Path, start, language: str) -> None:
        self.inbox = Inbox()
        port = start(self.inbox)
        self.language, self.tmp_path = language, tmp_path
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

    def invite(self, *args: str, ok: bool = True) -> Result:
        return self.run("invite", "--to", f"Bob Stone <{BOB}>", *args, ok=ok)

    def uid(self, title: str) -> str:
        store = open_store()
        try:
            return next(r.uid for r in recent(store) if r.invitation.title == title)
        finally:
            store.close()


@pytest.fixture(params=["en", "de"])
def world(request, tmp_path, run_server, monkeypatch) -> World:  # noqa: F811
    from planner.cli import common

    monkeypatch.setattr(common, "now_in", lambda tz: NOW.astimezone(tz))
    return World(tmp_path, run_server, request.param)


def test_a_second_invitation_is_named_and_refused_unless_forced(world: World):
    world.invite(*DINNER, "--send")
    uid = world.uid("Abendessen")
    dry = world.invite(*LUNCH).stderr
    assert uid in dry and "Abendessen" in dry and "Spatenhaus" in dry and BOB in dry
    if world.language in SAID:
        assert SAID[world.language].format(uid=uid) in dry
    refused = world.invite(*LUNCH, "--send", ok=False)
    assert refused.exit_code != 0 and len(world.inbox.messages) == 1, "nothing more was sent"
    (line,) = [x for x in refused.stderr.splitlines() if uid in x and "--force" in x]
    assert f"--update {uid}" in line and f"--cancel {uid}" in line and "Traceback" not in line
    assert len([x for x in refused.stderr.splitlines() if uid in x]) == 2  # note, refusal
    world.invite(*LUNCH, "--send", "--force")
    assert len(world.inbox.messages) == 2


def test_the_same_meeting_under_another_title_is_a_second_one(world: World):
    world.invite(*DINNER, "--send")
    again = ("--title", "Abendessen im Spatenhaus", *DINNER[2:])
    refused = world.invite(*again, "--send", ok=False)
    assert world.uid("Abendessen") in refused.stderr and len(world.inbox.messages) == 1
    store = open_store()
    try:
        assert [r.invitation.title for r in recent(store)] == ["Abendessen"]
    finally:
        store.close()


def test_a_revision_of_the_same_meeting_is_not_a_second_one(world: World):
    world.invite(*DINNER, "--send")
    uid = world.uid("Abendessen")
    world.invite(*DINNER, "--send")  # the same command again: the same meeting
    moved = world.run("invite", "--update", uid, "--start", "2027-03-10T20:00", "--send").stderr
    assert uid not in moved.replace(f"UID {uid}, SEQUENCE", "")  # named as itself alone
    assert len(world.inbox.messages) == 3
    world.run("invite", "--again", uid, "--send")
    assert len(world.inbox.messages) == 4


def test_cancelled_declined_over_taken_off_or_only_written_is_not_open(world: World):
    world.invite(*DINNER, "--send")
    world.run("invite", "--cancel", world.uid("Abendessen"), "--send")
    world.invite("--title", "Frühstück", "--start", "2027-02-26T08:00", "--send")  # cancelled
    world.invite(*LUNCH, "--send")  # the breakfast is over
    uid = world.uid("Mittagessen")
    reply = world.tmp_path / "decline.eml"
    reply.write_bytes(_reply(uid, BOB, "DECLINED"))
    world.run("replies", str(reply), "--now", "2027-03-01T11:00")
    world.invite("--title", "Kaffee", "--start", "2027-03-12T09:00", "--send")  # he declined
    world.run("invite", "--cancel", world.uid("Kaffee"), "--send")
    world.run("invite", "--to", BOB, "--to", CARL, "--title", "Messe", "--start",
              "2027-03-15T10:00", "--send")  # fmt: skip
    world.run("invite", "--update", world.uid("Messe"), "--to", BOB, "--send")  # Carl off, told
    world.run("invite", "--to", CARL, "--title", "Tee", "--start", "2027-03-16T16:00", "--send")
    written = world.tmp_path / "workshop.ics"
    world.run("invite", "--to", CARL, "--title", "Workshop", "--start", "2027-03-17T09:00",
              "--out", str(written))  # fmt: skip
    world.run("invite", "--cancel", world.uid("Tee"), "--send")
    world.run("invite", "--to", CARL, "--title", "Bier", "--start", "2027-03-18T19:00", "--send")


def _reply(uid: str, who: str, status: str) -> bytes:
    """Outlook's answer to the invitation ``uid``."""
    return (
        f"From: {who}\r\nTo: {ME}\r\nSubject: Declined: Mittagessen\r\n"
        "Date: Mon, 1 Mar 2027 10:40:00 +0100\r\nMessage-ID: <reply-1@nordwind.example>\r\n"
        'MIME-Version: 1.0\r\nContent-Type: text/calendar; charset="utf-8"; method=REPLY\r\n'
        "\r\nBEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nPRODID:Microsoft Exchange Server 2010\r\n"
        f"VERSION:2.0\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nSEQUENCE:0\r\nDTSTAMP:20270301T094000Z\r\n"
        "DTSTART:20270311T113000Z\r\nDTEND:20270311T123000Z\r\n"
        f"ORGANIZER:mailto:{ME}\r\nATTENDEE;PARTSTAT={status}:mailto:{who}\r\n"
        "SUMMARY:Mittagessen\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
