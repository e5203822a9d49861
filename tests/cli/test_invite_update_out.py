"""``planner invite --update UID --to … --out FILE`` that takes attendees off, through the real
CLI and a real SMTP server on loopback (aiosmtpd), English and German.

Bug: ``--out`` wrote only the REQUEST; the CANCEL the people taken off are owed (RFC 5546
§2.1.5, the one ``--send`` sends after the update) was written nowhere, so they heard of it only
if the user later ran the command with ``--send``. Now it is written beside FILE
("lunch-cancel.ics"), each file said with whom it is for, and both logged as written, not sent:
nobody counts as told, a later ``--again UID --send`` sends each message once, and
``--sent-elsewhere UID`` records both as sent by the user's mail program.
"""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from planner.invite.cancels import invited
from planner.invite.sentlog import messages
from planner.store import open_store
from tests.cli.test_invite_update_withdraws import BOB, CARL, DORA, World, _itip
from tests.invite.test_mail import run_server  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow


@pytest.fixture(params=["en", "de"])
def world(request, tmp_path, run_server) -> World:  # noqa: F811
    return World(tmp_path, run_server, request.param)


def _logged(uid: str) -> tuple[list[tuple[int, str, str, list[str]]], list[str]]:
    """The messages logged for ``uid`` (SEQUENCE, method, how far, to whom), and who may have
    the meeting by the log."""
    store = open_store()
    try:
        found = messages(store, uid)
        may_have = sorted(p.email for p in invited(found))
    finally:
        store.close()
    return [(r.sequence, r.method, r.delivery, sorted(r.recipients)) for r in found], may_have


def test_out_writes_the_cancellation_for_those_taken_off_beside_the_update(
    world: World, tmp_path: Path
):
    uid = world.invite()
    out = tmp_path / "abendessen.ics"
    said = world.update(uid, "--out", str(out)).stderr
    beside = tmp_path / "abendessen-cancel.ics"
    assert out.exists() and beside.exists(), said  # was: the REQUEST alone
    assert len(world.inbox.messages) == 1, "--out sends nothing"
    request = icalendar.Calendar.from_ical(out.read_bytes())
    cancel = icalendar.Calendar.from_ical(beside.read_bytes())
    assert _itip(request) == ("REQUEST", uid, 1, [BOB], "CONFIRMED")
    assert _itip(cancel) == ("CANCEL", uid, 1, sorted([CARL, DORA]), None)  # the meeting goes on
    (event,) = cancel.walk("VEVENT")
    assert event.decoded("DTSTART").isoformat() == "2026-12-09T19:00:00+01:00"  # their time
    line_out = next(line for line in said.splitlines() if str(out) in line)
    line_beside = next(line for line in said.splitlines() if str(beside) in line)
    assert f"Bob Stone <{BOB}>" in line_out and CARL not in line_out  # whom each is for
    assert f"Carl Isar <{CARL}>, {DORA}" in line_beside and BOB not in line_beside
    assert f"planner invite --again {uid} --send" in line_beside
    assert f"planner invite --sent-elsewhere {uid}" in line_beside
    if world.language == "en":
        assert "the cancellation for" in line_beside and "written, not sent" in line_beside

    logged, may_have = _logged(uid)
    assert (1, "WITHDRAWN", "file", sorted([CARL, DORA])) in logged  # written, not told
    assert CARL in may_have and DORA in may_have, "nobody counts as told: nothing was sent"

    world.run("invite", "--again", uid, "--send")  # the command the run gave
    sent = [(r, _itip(c)[:3]) for r, _m, c in world.mails()[1:]]
    assert sent == [([BOB], ("REQUEST", uid, 1)), (sorted([CARL, DORA]), ("CANCEL", uid, 1))]
    world.run("invite", "--again", uid, "--send")
    assert len(world.inbox.messages) == 4, "the cancellation goes once"  # Bob's repeat alone
    _logged_now, may_have = _logged(uid)
    assert may_have == [BOB]


def test_sent_elsewhere_records_both_files(world: World, tmp_path: Path):
    uid = world.invite()
    out = tmp_path / "abendessen.ics"
    world.update(uid, "--out", str(out))
    said = world.run("invite", "--sent-elsewhere", uid).stderr
    assert str(tmp_path / "abendessen-cancel.ics") in said and CARL in said
    logged, may_have = _logged(uid)
    assert (1, "WITHDRAWN", "elsewhere", sorted([CARL, DORA])) in logged
    assert may_have == [BOB]
    world.run("invite", "--cancel", uid, "--send")  # the meeting's end: Bob alone has it
    (rcpts, _mail, cal) = world.mails()[-1]
    assert rcpts == [BOB] and _itip(cal)[:3] == ("CANCEL", uid, 2)


def test_out_after_the_cancellation_reached_some_keeps_them_told(world: World, tmp_path: Path):
    """The withdrawal mailed to Carl, refused for Dora; then written to a file for Dora: Carl
    still counts as told (the file's log entry does not replace the mail's)."""
    uid = world.invite()
    world.inbox.refuse_rcpt = (DORA,)
    world.update(uid, "--send", ok=False)
    world.inbox.refuse_rcpt = ()
    world.update(uid, "--out", str(tmp_path / "again.ics"))
    cancel = icalendar.Calendar.from_ical((tmp_path / "again-cancel.ics").read_bytes())
    assert _itip(cancel)[:4] == ("CANCEL", uid, 1, [DORA])
    logged, may_have = _logged(uid)
    assert (1, "WITHDRAWN", "mail", [CARL]) in logged
    assert may_have == sorted([BOB, DORA])
    world.run("invite", "--again", uid, "--send")
    assert [r for r, _m, _c in world.mails()][-1] == [DORA], "Carl is not sent it twice"
