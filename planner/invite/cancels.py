"""A cancellation (``planner invite --cancel``): to exactly the people who may have the meeting,
once each, with the meeting's UID and a SEQUENCE above every revision sent.

Who may have the meeting: the recipients the server accepted for a revision sent by mail, the
attendees of a revision sent by the user's mail program, or only written to a file (it may have
gone out by hand), and the attendees of a meeting of the user's own calendar (they were invited
from there). Not those of a revision only held in the user's calendar (a hold tells nobody), nor
those the server refused. Someone the cancellation reached already is not sent it again: a
cancellation refused for one of three, sent once more, goes to that one alone.

An update that takes people off the meeting sends them a CANCEL of their own, the withdrawal
(:func:`prepare_withdrawal`, RFC 5546 §2.1.5 and §3.2.5), with the same rules: to those who may
have the meeting, once each. Someone it reached no longer has the meeting (unless a later
revision invites them again), so the meeting's own cancellation does not go to them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from planner.invite import sentlog
from planner.invite.sentlog import PreparedInvite, SentRecord
from planner.model import Attendee
from planner.people.addresses import address_key

if TYPE_CHECKING:
    from planner.store import Store


def invited(records: list[SentRecord]) -> tuple[Attendee, ...]:
    """Everyone who may have the meeting logged as ``records`` (oldest first; withdrawals
    included, :func:`planner.invite.sentlog.messages`), each address once, by name as invited
    (see the module's docstring)."""
    people: dict[str, Attendee] = {}
    requests = [r for r in records if r.method == "REQUEST"]
    theirs = bool(requests) and all(r.sequence > 0 for r in requests)  # from the user's calendar
    for record in records:
        if record.withdrawn and record.delivered:  # taken off the meeting, and told
            for email in record.recipients:
                people.pop(address_key(email), None)
        if record.method != "REQUEST":
            continue
        by_name = {address_key(p.email): p for p in record.invitation.counterparts}
        if record.delivery == "mail":
            reached = [by_name.get(address_key(e)) or Attendee(e) for e in record.recipients]
        elif record.delivery in ("elsewhere", "file") or (theirs and record is requests[0]):
            reached = list(by_name.values())
        else:  # held only: nobody was told
            continue
        for person in reached:
            people.setdefault(address_key(person.email), person)
    return tuple(people.values())


def told(records: list[SentRecord], sequence: int) -> tuple[str, ...]:
    """The addresses the cancellation of SEQUENCE ``sequence`` has reached already (by mail,
    or by the user's mail program), as logged."""
    done: dict[str, str] = {}
    for record in records:
        if record.method == "CANCEL" and record.sequence == sequence and record.delivered:
            for email in record.recipients:
                done.setdefault(address_key(email), email)
    return tuple(done.values())


def prepare_cancel(store: Store, uid: str, *, stamp: datetime | None = None) -> PreparedInvite:
    """A CANCEL for the meeting logged as ``uid`` (a unique prefix will do): same UID,
    SEQUENCE raised (a cancellation logged already keeps its own), every invited person an
    ATTENDEE, sent to those it has not reached yet (:attr:`PreparedInvite.recipients`; none
    when it reached all of them, or nobody was ever told of the meeting)."""
    full = sentlog.resolve_uid(store, uid)
    records = sentlog.messages(store, full)
    last = max(sentlog.history(store, full), key=lambda r: (r.sequence, r.cancelled, r.sent_at))
    sequence = last.sequence if last.cancelled else last.sequence + 1
    people = invited(records)
    listed = people or last.invitation.counterparts  # nobody told: the ATTENDEEs as written
    inv = replace(last.invitation, sequence=sequence, attendees=listed)
    prepared = sentlog.prepare(inv, "CANCEL", stamp=stamp)
    reached = {address_key(e) for e in told(records, sequence)}
    rest = tuple(p.email for p in people if address_key(p.email) not in reached)
    return replace(prepared, only=rest)


def reached_already(store: Store, prepared: PreparedInvite) -> tuple[str, ...]:
    """Whom the cancellation ``prepared`` reached before (:func:`told`)."""
    if prepared.method != "CANCEL":
        return ()
    return told(sentlog.history(store, prepared.uid), prepared.sequence)


def prepare_withdrawal(
    store: Store, update: PreparedInvite, *, stamp: datetime | None = None
) -> PreparedInvite | None:
    """The CANCEL that goes with ``update`` (a REQUEST that changes a meeting sent before) to
    those who may have the meeting and are none of its attendees any more: same UID, the
    update's SEQUENCE, those people alone as ATTENDEEs, no STATUS (the meeting goes on for the
    others), the time and place of the revision before, which is theirs. None when the update
    takes nobody off, or the withdrawal reached all it takes off already (run again after a
    failure, it goes to those it did not reach)."""
    if update.method != "REQUEST" or not update.update:
        return None
    records = sentlog.messages(store, update.uid)
    staying = {address_key(p.email) for p in update.invitation.counterparts}
    gone = tuple(p for p in invited(records) if address_key(p.email) not in staying)
    if not gone:
        return None
    earlier = [r for r in records if r.method == "REQUEST" and r.sequence < update.sequence]
    theirs = max(earlier, key=lambda r: (r.sequence, r.sent_at)).invitation if earlier else None
    inv = replace(theirs or update.invitation, uid=update.uid, sequence=update.sequence,
                  attendees=gone)  # fmt: skip
    return sentlog.prepare(inv, "CANCEL", stamp=stamp, update=True)
