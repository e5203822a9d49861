"""A meeting the user organizes, updated to another time from a proposal (``propose --for`` then
``invite --proposal ID --send``, no ``--hold``): the first message planner logs for it moves the
calendar's meeting, as ``invite --update`` does later. The sent log keeps the calendar's time it
replaced, and the week counts the meeting at the new time while the calendar still shows that
one (:func:`planner.sync.standins.stood_in`); a hold of the meeting beside it counts instead
(as before: the hold is what it will be), and nothing stands in for a proposal at the meeting's
own time."""

from __future__ import annotations

from datetime import UTC, datetime

from planner.flows import invitations as invite_flow
from planner.flows.invitations import InviteOptions, from_proposal
from planner.invite.sentlog import history, record_sent
from planner.model import hold_uid
from planner.store import Store
from planner.sync.standins import moved_from, sent_moves, stood_in
from tests.flows.test_update_description import EVERYONE, NOW, config, listed, the_meeting

UID = "kennenlernen-7@berger-consulting.example"
__all__ = ["config"]  # the fixture


def send(config, store: Store, *, moved: bool) -> None:
    ident = listed(store, config, EVERYONE, moved=moved)
    options = InviteOptions()
    inv = from_proposal(config, store, ident, options, now=NOW)
    replaced = invite_flow.calendar_time(config, store, ident, options, now=NOW)
    prepared = invite_flow.prepare(config, store, invitation=inv, replaced=replaced)
    record_sent(store, prepared, message_id="<update@planner.test>")


def test_the_first_update_from_a_proposal_keeps_the_calendars_time(config):
    store = Store(":memory:")
    send(config, store, moved=True)  # Thursday 14:00 → Friday 09:00
    (record,) = history(store, UID)
    assert record.moved_from is not None
    assert record.moved_from[0].astimezone(UTC) == datetime(2026, 12, 10, 13, tzinfo=UTC)
    meeting = the_meeting()
    (now,) = stood_in([meeting], sent_moves(store))
    assert now.start.astimezone(UTC) == datetime(2026, 12, 11, 8, tzinfo=UTC)
    assert moved_from(now) == (meeting.start.astimezone(UTC), meeting.end.astimezone(UTC))
    hold = type(meeting)(hold_uid(UID), "Hold: Kennenlernen", now.start, now.end)
    assert stood_in([meeting, hold], sent_moves(store))[0] is meeting  # counted as the hold


def test_a_proposal_at_the_meetings_own_time_moves_nothing(config):
    store = Store(":memory:")
    send(config, store, moved=False)  # the same time, in person
    assert history(store, UID)[0].moved_from is None
    assert sent_moves(store) == {}
    meeting = the_meeting()
    assert stood_in([meeting], sent_moves(store)) == [meeting]
