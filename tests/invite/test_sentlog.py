"""The log of sent invitations: same command → same UID and SEQUENCE; updates and
cancellations find their meeting and raise SEQUENCE by one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from planner.errors import UsageError
from planner.invite.cancels import prepare_cancel
from planner.invite.sentlog import (
    history,
    invitation_from_json,
    invitation_to_json,
    latest,
    prepare_request,
    prepare_update,
    recent,
    record_sent,
    resolve_uid,
)
from planner.store import Store
from tests.invite.test_invite import ANNA, BOB, STAMP, lunch

SENT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "state.sqlite3")
    yield s
    s.close()


def sequence_of(ics: bytes) -> int:
    (event,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    return int(event["SEQUENCE"])


def test_running_the_same_invite_twice_keeps_uid_and_sequence(store):
    first = prepare_request(store, lunch(), stamp=STAMP)
    record_sent(store, first, sent_at=SENT)
    again = prepare_request(store, lunch(), stamp=STAMP)
    assert again.uid == first.uid and again.sequence == first.sequence == 0
    assert again.ics == first.ics and not again.update


def test_update_keeps_uid_raises_sequence_and_keeps_duration(store):
    first = prepare_request(store, lunch(), stamp=STAMP)
    record_sent(store, first, sent_at=SENT)
    new_start = datetime(2026, 12, 10, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    update = prepare_update(store, first.uid, start=new_start, venue_name="Brenner", stamp=STAMP)
    assert update.uid == first.uid
    assert update.sequence == 1 and sequence_of(update.ics) == 1
    assert update.invitation.end - update.invitation.start == timedelta(minutes=90)
    assert "Brenner" in update.invitation.venue_name
    assert update.update and update.subject.startswith("Updated invitation")
    record_sent(store, update, sent_at=SENT + timedelta(minutes=5))
    second = prepare_update(store, first.uid[:8], title="Lunch & Vertrag", stamp=STAMP)
    assert second.sequence == 2


def test_unsent_preparation_does_not_raise_the_sequence(store):
    first = prepare_request(store, lunch(), stamp=STAMP)
    record_sent(store, first, sent_at=SENT)
    prepare_update(store, first.uid, title="Not sent", stamp=STAMP)  # e.g. a failed send
    assert prepare_update(store, first.uid, title="Sent", stamp=STAMP).sequence == 1


def test_cancel_reaches_everyone_ever_invited(store):
    first = prepare_request(store, lunch(attendees=(ANNA,)), stamp=STAMP)
    record_sent(store, first, sent_at=SENT)
    update = prepare_update(store, first.uid, attendees=(ANNA, BOB), stamp=STAMP)
    record_sent(store, update, sent_at=SENT + timedelta(minutes=1))
    cancel = prepare_cancel(store, first.uid, stamp=STAMP)
    assert cancel.method == "CANCEL" and cancel.sequence == 2
    assert set(cancel.recipients) == {ANNA.email, BOB.email}
    assert b"METHOD:CANCEL" in cancel.ics and b"STATUS:CANCELLED" in cancel.ics
    assert cancel.subject.startswith("Cancelled:")


def test_cancelling_twice_repeats_the_cancellation(store):
    first = prepare_request(store, lunch(), stamp=STAMP)
    record_sent(store, first, sent_at=SENT)
    cancel = prepare_cancel(store, first.uid, stamp=STAMP)
    record_sent(store, cancel, sent_at=SENT + timedelta(minutes=1))
    assert latest(store, first.uid).cancelled
    assert prepare_cancel(store, first.uid, stamp=STAMP).sequence == cancel.sequence
    with pytest.raises(UsageError, match="was cancelled"):
        prepare_update(store, first.uid, title="x")


def test_changed_details_under_the_same_uid_become_an_update(store):
    first = prepare_request(store, lunch(), stamp=STAMP)
    record_sent(store, first, sent_at=SENT)
    moved = prepare_request(store, lunch(location="Bar im Hotel"), stamp=STAMP)
    assert moved.uid == first.uid and moved.sequence == 1 and moved.update


def test_sequence_is_monotonic_over_a_history(store):
    uid = ""
    for step in range(5):
        if step == 0:
            prepared = prepare_request(store, lunch(), stamp=STAMP)
            uid = prepared.uid
        elif step < 4:
            prepared = prepare_update(store, uid, agenda=f"Punkt {step}", stamp=STAMP)
        else:
            prepared = prepare_cancel(store, uid, stamp=STAMP)
        record_sent(store, prepared, sent_at=SENT + timedelta(minutes=step))
    sequences = [r.sequence for r in history(store, uid)]
    assert sequences == [0, 1, 2, 3, 4]
    assert [r.method for r in history(store, uid)][-1] == "CANCEL"


def test_unknown_and_ambiguous_uids_are_explained(store):
    with pytest.raises(UsageError, match="no invitation with UID 'nope'"):
        prepare_cancel(store, "nope")
    for uid in ("abc1@planner", "abc2@planner"):
        record_sent(store, prepare_request(store, lunch(uid=uid), stamp=STAMP), sent_at=SENT)
    assert resolve_uid(store, "abc2@planner") == "abc2@planner"
    assert resolve_uid(store, "abc1") == "abc1@planner"
    with pytest.raises(UsageError, match="'abc' matches 2 invitations"):
        resolve_uid(store, "abc")


def test_like_wildcards_are_literal(store):
    a = prepare_request(store, lunch(), stamp=STAMP)
    record_sent(store, a, sent_at=SENT)
    with pytest.raises(UsageError, match="no invitation"):
        resolve_uid(store, "_")


def test_record_keeps_recipients_and_the_whole_invitation(store):
    prepared = prepare_request(store, lunch(language="de"), stamp=STAMP)
    record_sent(store, prepared, recipients=(ANNA.email,), message_id="<m@x>", sent_at=SENT)
    (record,) = recent(store)
    assert record.recipients == (ANNA.email,)
    assert record.message_id == "<m@x>" and record.sent_at == SENT
    assert record.invitation == prepared.invitation
    assert record.invitation.start.tzinfo == ZoneInfo("Europe/Berlin")


def test_invitation_json_round_trip():
    inv = lunch(uid="x@planner", sequence=3).resolved()
    assert invitation_from_json(invitation_to_json(inv)) == inv


def test_a_file_sent_by_the_users_mail_program_counts_as_sent_and_stays_so(store):
    """``--sent-elsewhere``: the file's revision is delivered from then on; writing its file
    again or holding it does not take that back; a message that went out already is left."""
    from planner.invite.sentlog import record_kept, record_sent_elsewhere

    prepared = prepare_request(store, lunch())
    record_kept(store, prepared, "file:/home/lea/Mittagessen.ics")
    assert latest(store, prepared.uid).delivery == "file"
    later = SENT + timedelta(days=1)
    done = record_sent_elsewhere(store, prepared.uid[:10], sent_at=later)
    assert (done.delivery, done.delivered, done.sent_at) == ("elsewhere", True, later)
    assert done.written_to == "/home/lea/Mittagessen.ics" and done.recipients == prepared.recipients
    record_kept(store, prepared, "file:/tmp/copie.ics")
    record_kept(store, prepared, "hold:work:1")
    assert latest(store, prepared.uid).delivery == "elsewhere"
    assert record_sent_elsewhere(store, prepared.uid) is None  # nothing to change
    mailed = prepare_request(store, lunch(title="Déjeuner"))
    record_sent(store, mailed, message_id="<m@x>", sent_at=SENT)
    assert record_sent_elsewhere(store, mailed.uid) is None
    assert latest(store, mailed.uid).delivery == "mail"


def test_an_answer_to_a_revision_only_written_shows_it_was_sent(store):
    """Anna answers revision 0, only written to a file: that revision was sent by the user's
    mail program; revision 1, written afterwards, still reached nobody. An answer not applied
    (someone else's mail) proves nothing."""
    from planner.invite.answers import Answer, Outcome, record_answer
    from planner.invite.sentlog import record_kept
    from planner.model import Response

    first = prepare_request(store, lunch())
    record_kept(store, first, "file:/tmp/v0.ics")
    forged = Answer(first.uid, ANNA.email, Response.ACCEPTED, sender="mallory@evil.example")
    assert record_answer(store, forged, now=SENT) is Outcome.UNVERIFIED
    assert latest(store, first.uid).delivery == "file"
    moved = prepare_update(store, first.uid, start=first.invitation.start + timedelta(hours=1))
    record_kept(store, moved, "file:/tmp/v1.ics")
    answer = Answer(first.uid, ANNA.email.upper(), Response.DECLINED, sequence=0, stamp=SENT)
    assert record_answer(store, answer, now=SENT) is Outcome.NEW
    by_sequence = {r.sequence: r.delivery for r in history(store, first.uid)}
    assert by_sequence == {0: "elsewhere", 1: "file"}
