"""Whom a cancellation goes to: exactly those who may have the meeting, once each (QA
hold/cancel, defect 1, the log side; the CLI and the servers are in
tests/cli/test_invite_cancel_hold.py).

Before, a CANCEL went to every attendee of every logged revision: to someone added in an update
only held in the user's calendar (never told), to an address the server had refused, and, run
again, to everyone a second time."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from planner.errors import PlannerError
from planner.invite.cancels import prepare_cancel
from planner.invite.mail import send
from planner.invite.sentlog import (
    history,
    prepare_request,
    prepare_update,
    record_kept,
    record_sent,
)
from planner.model import Attendee
from tests.invite.test_invite import ANNA, BOB, STAMP, lunch
from tests.invite.test_mail import plain

CARL = Attendee("carl@isar.example", "Carl Huber")
SENT = STAMP + timedelta(days=1)


def test_someone_only_held_is_not_sent_the_cancellation(store):
    first = prepare_request(store, lunch(attendees=(ANNA,)), stamp=STAMP)
    record_sent(store, first, message_id="<1@x>", sent_at=SENT)
    held = prepare_update(store, first.uid, attendees=(ANNA, CARL), stamp=STAMP)
    record_kept(store, held, "hold:dav:1")  # Carl is in the user's calendar only
    cancel = prepare_cancel(store, first.uid, stamp=STAMP)
    assert cancel.recipients == (ANNA.email,) and cancel.sequence == 2
    assert b"carl@isar.example" not in cancel.ics


def test_a_refused_address_is_not_counted_as_invited(store):
    first = prepare_request(store, lunch(attendees=(ANNA, BOB)), stamp=STAMP)
    record_sent(store, first, recipients=(ANNA.email,), message_id="<1@x>", sent_at=SENT)
    assert prepare_cancel(store, first.uid, stamp=STAMP).recipients == (ANNA.email,)


def test_a_file_may_have_gone_out_and_its_people_are_told(store):
    first = prepare_request(store, lunch(attendees=(ANNA, BOB)), stamp=STAMP)
    record_kept(store, first, "file:/tmp/lunch.ics")
    assert set(prepare_cancel(store, first.uid, stamp=STAMP).recipients) == {ANNA.email, BOB.email}


def test_the_attendees_of_a_meeting_of_the_users_own_calendar_are_told(store):
    """An update of a meeting the user organises (SEQUENCE 3 from their calendar), only held:
    its attendees were invited from the user's calendar app."""
    update = prepare_request(store, lunch(uid="mine@cal", sequence=3), stamp=STAMP)
    record_kept(store, update, "hold:dav:1")
    assert set(prepare_cancel(store, "mine@cal").recipients) == {ANNA.email, BOB.email}


def test_a_meeting_only_held_has_nobody_to_tell_and_the_mail_refuses_to_send(store):
    first = prepare_request(store, lunch(), stamp=STAMP)
    record_kept(store, first, "hold:dav:1")
    cancel = prepare_cancel(store, first.uid, stamp=STAMP)
    assert cancel.recipients == ()
    with pytest.raises(PlannerError, match="nobody to send it to"):
        send(cancel, plain(1))  # before any connection: port 1 is never dialled


def test_a_cancellation_sent_in_parts_is_sent_to_each_once_and_logged_whole(store):
    first = prepare_request(store, lunch(attendees=(ANNA, BOB, CARL)), stamp=STAMP)
    record_sent(store, first, message_id="<1@x>", sent_at=SENT)
    cancel = prepare_cancel(store, first.uid, stamp=STAMP)
    record_sent(store, cancel, recipients=(ANNA.email,), message_id="<2@x>", sent_at=SENT)
    rest = prepare_cancel(store, first.uid, stamp=STAMP)
    assert rest.sequence == cancel.sequence and rest.recipients == (BOB.email, CARL.email)
    assert set(p.email for p in rest.invitation.counterparts) == {ANNA.email, BOB.email, CARL.email}
    record_sent(store, rest, message_id="<3@x>", sent_at=SENT + timedelta(minutes=1))
    (logged,) = [r for r in history(store, first.uid) if r.cancelled]
    assert set(logged.recipients) == {ANNA.email, BOB.email, CARL.email}
    assert prepare_cancel(store, first.uid, stamp=STAMP).recipients == ()


def test_a_hold_after_the_mail_does_not_undo_who_was_told(store):
    first = prepare_request(store, lunch(attendees=(ANNA,)), stamp=STAMP)
    record_sent(store, first, message_id="<1@x>", sent_at=SENT)
    record_kept(store, replace(first), "hold:dav:1")  # written after: the log keeps the mail
    assert prepare_cancel(store, first.uid, stamp=STAMP).recipients == (ANNA.email,)
