"""The answers half of the sent log: what each counterpart said to an invitation sent from here.

An answer comes from an iTIP REPLY or COUNTER (:mod:`planner.invite.replies`) or from a
calendar service that shows the attendee's response on the organizer's copy. Recording is
idempotent: the same answer twice changes nothing, an answer with a lower SEQUENCE (or, at
the same SEQUENCE, an older DTSTAMP) than the one stored is ignored, and an answer to a UID
that was never sent from here is reported, not stored. An answer is checked before it is
stored: a mail's sender must be the attendee it answers for (else it is unverified and not
applied), its SEQUENCE one that was sent, and a DTSTAMP in the future counts as "now", so a
forged date cannot make the real answer "outdated" for ever. An answer to a revision only
written to a file shows that the user sent that file from their own mail program: the sent log
says so from then on. A stored row that is bad anyway
is skipped with a warning by every later reader.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING

from planner.invite.invitation import recurrence_moment
from planner.model import Response
from planner.people.addresses import address_key
from planner.store import readable

if TYPE_CHECKING:
    from planner.invite.invitation import Invitation
    from planner.invite.sentlog import SentRecord
    from planner.store import Store

MAX_SEQUENCE = 2**31 - 1  # RFC 5545 SEQUENCE is an INTEGER: a signed 32-bit number
EARLIEST, LATEST = 1970, 2200  # years a real answer can name
METHODS = ("REPLY", "COUNTER", "UNDELIVERED")
COMMENT_LIMIT = 2000

TABLE_VERSION = 3
DDL = """
DROP TABLE IF EXISTS invitation_answers;
CREATE TABLE invitation_answers (
    uid TEXT NOT NULL,
    attendee TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    stamp TEXT NOT NULL,
    method TEXT NOT NULL,
    response TEXT NOT NULL,
    proposed TEXT NOT NULL,
    comment TEXT NOT NULL,
    source TEXT NOT NULL,
    delegated TEXT NOT NULL DEFAULT '',
    whole_days INTEGER NOT NULL DEFAULT 0,
    answered_from TEXT NOT NULL DEFAULT '',
    text_proposal INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (uid, attendee)
)
"""
# version 2: the addresses a DELEGATED answer passed the invitation on to (DELEGATED-TO);
# version 3: a COUNTER of whole days, the other address of the invitee an answer came from,
# an answer whose mail says (in its text only) that another time was proposed
MIGRATIONS = {
    1: "ALTER TABLE invitation_answers ADD COLUMN delegated TEXT NOT NULL DEFAULT ''",
    2: "ALTER TABLE invitation_answers ADD COLUMN whole_days INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE invitation_answers ADD COLUMN answered_from TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE invitation_answers ADD COLUMN text_proposal INTEGER NOT NULL DEFAULT 0",
}


class Outcome(StrEnum):
    """What recording one answer did."""

    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    OUTDATED = "outdated"  # an older answer than the one stored
    UNKNOWN_UID = "unknown_uid"  # no invitation with this UID was sent from here
    UNKNOWN_ATTENDEE = "unknown_attendee"  # the UID is ours, the address was not invited
    UNVERIFIED = "unverified"  # the mail was sent by someone else than the attendee
    UNSENT = "unsent"  # it answers a SEQUENCE (revision) that was never sent
    NO_OCCURRENCE = "no_occurrence"  # its RECURRENCE-ID names no occurrence of the meeting


@dataclass(frozen=True, slots=True)
class Answer:
    """One counterpart's answer to one revision (SEQUENCE) of a meeting.

    ``method`` is "REPLY" or "COUNTER"; ``proposed`` is the (start, end) a COUNTER asks for;
    ``stamp`` is the reply's DTSTAMP (when it was written), ``source`` where it was read.
    ``sender`` is the From address of the mail that carried it (``None``: no mail, e.g. a
    saved .ics file or a calendar service); ``authenticated`` is False when the receiving
    server found the mail's From forged (DMARC). ``unsequenced``: the answer named no SEQUENCE
    (Apple's replies), so the revision it answers is the one current at its DTSTAMP; a
    ``proposed`` time without a zone (floating) means the meeting's own zone (:func:`settled`).
    ``delegated_to``: whom a DELEGATED answer passed the invitation on to; their own answer
    counts from then on (``delegated_from``: a delegate's answer names the invitee).
    ``sent_by``: the ATTENDEE's SENT-BY (someone answering for them).
    ``whole_days``: the COUNTER proposes days, not a time (DATE values): ``proposed`` runs from
    midnight of the first day to midnight after the last, in the meeting's zone once settled
    (its days are the ``date()`` of each end, in the zone they carry).
    ``recurrence``: the RECURRENCE-ID the answer names (a date, or a time; one without a zone
    is the meeting's), ``recurrence_range`` its RANGE. ``answered_from``: the other address of
    the invitee (linked by the user's address book) the answer came from.
    ``text_proposal``: a REPLY whose mail says that another time was proposed, in its text only
    (Google Calendar's "propose a new time" to an organizer outside Google).
    """

    uid: str
    attendee: str
    response: Response
    sequence: int = 0
    stamp: datetime | None = None
    method: str = "REPLY"
    proposed: tuple[datetime, datetime] | None = None
    comment: str = ""
    source: str = ""
    sender: str | None = None
    authenticated: bool = True
    unsequenced: bool = False
    delegated_to: tuple[str, ...] = ()
    delegated_from: str = ""
    sent_by: str = ""
    whole_days: bool = False
    recurrence: date | datetime | None = None
    recurrence_range: str = ""
    answered_from: str = ""
    text_proposal: bool = False

    @property
    def verified(self) -> bool:
        """Whether the answer may be applied: no mail around it, or a mail from the attendee
        itself that the receiving server did not find forged."""
        if self.sender is None:
            return True
        return self.authenticated and address_key(self.sender) == address_key(self.attendee)

    @property
    def countered(self) -> bool:
        return self.method == "COUNTER"

    def same_answer(self, other: Answer) -> bool:
        """Same revision, same response, same proposal: nothing new to record."""
        return (
            self.sequence == other.sequence
            and self.method == other.method
            and self.response == other.response
            and _proposed_key(self.proposed) == _proposed_key(other.proposed)
            and self.comment == other.comment
            and _keys(self.delegated_to) == _keys(other.delegated_to)
            and self.whole_days == other.whole_days
            and self.text_proposal == other.text_proposal
        )

    @property
    def floating(self) -> bool:
        """Whether the proposed time is a wall time without a zone (it is settled in the
        meeting's); days (:attr:`whole_days`) are days wherever one is, not a floating time."""
        return self.unsettled and not self.whole_days

    @property
    def unsettled(self) -> bool:
        """Whether the proposal still needs the meeting's zone (a floating time, or days)."""
        return self.proposed is not None and self.proposed[0].tzinfo is None

    @property
    def days(self) -> tuple[date, date] | None:
        """First and last day of a proposal of :attr:`whole_days` (None for a time)."""
        if not self.whole_days or self.proposed is None:
            return None
        return proposed_days(self.proposed)


def proposed_days(proposed: tuple[datetime, datetime]) -> tuple[date, date]:
    """First and last day of a whole-day proposal (midnight to midnight, in its own zone)."""
    start, end = proposed
    return start.date(), max(start.date(), end.date() - timedelta(days=1))


def _ensure(store: Store) -> None:
    store.ensure("sentlog_answers", TABLE_VERSION, DDL, MIGRATIONS)


#: every address the user's address book gives the person behind an address (that one
#: included); () when it knows none. Handed in by the composition (invite/ reads no people)
SamePerson = Callable[[str], Sequence[str]]


def record_answer(
    store: Store, answer: Answer, *, now: datetime | None = None,
    same_person: SamePerson | None = None,
) -> Outcome:  # fmt: skip
    """Store ``answer`` unless it is known, older than the stored one, not ours, sent by
    someone else than the attendee, an answer to a revision that was never sent, or one to an
    occurrence the meeting does not have (its RECURRENCE-ID, :func:`names_occurrence`).
    ``same_person`` links another address of an invitee to them (their address book entry):
    an answer from it counts as theirs (:attr:`Answer.answered_from` says from where)."""
    from planner.invite.sentlog import history

    _ensure(store)
    sent = history(store, answer.uid)
    if not sent:
        return Outcome.UNKNOWN_UID
    invited = {address_key(p.email) for r in sent for p in r.invitation.counterparts}
    answer = linked(answer, invited | delegates(store, answer.uid), same_person)
    who = address_key(answer.attendee)
    if who not in invited and who not in delegates(store, answer.uid):
        return Outcome.UNKNOWN_ATTENDEE
    if not answer.verified and not answer.answered_from:
        return Outcome.UNVERIFIED
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    answer = settled(answer, sent, moment)
    if not 0 <= answer.sequence <= max(r.sequence for r in sent):
        return Outcome.UNSENT
    if not names_occurrence(answer, sent):
        return Outcome.NO_OCCURRENCE
    if any(r.sequence == answer.sequence and not r.delivered for r in sent):
        from planner.invite.sentlog import record_sent_elsewhere

        # an answer to a revision only written to a file: the user's mail program sent it
        record_sent_elsewhere(store, answer.uid, sequence=answer.sequence)
    stamp = min(answer.stamp, moment) if answer.stamp else moment  # never in the future
    stored = stored_answer(store, answer.uid, who)
    if stored is not None:
        if stored.same_answer(answer):
            if answer.stamp and stored.stamp and stamp > stored.stamp:
                _write(store, answer, who, stamp)  # the same answer, sent again later
            return Outcome.UNCHANGED
        if (answer.sequence, stamp) < (stored.sequence, stored.stamp or stamp):
            return Outcome.OUTDATED
    _write(store, answer, who, stamp)
    return Outcome.NEW if stored is None else Outcome.UPDATED


def linked(answer: Answer, invited: set[str], same_person: SamePerson | None) -> Answer:
    """``answer`` as the invitee's own where it came from another address of theirs: its
    attendee was not invited but their address book entry holds exactly one invited address,
    or its mail came from an address that entry gives the attendee (an alias, a private
    address). Never by name; a forged sender (DMARC) links nothing."""
    if same_person is None or not answer.authenticated:
        return answer
    who = address_key(answer.attendee)
    if who not in invited:
        theirs = {address_key(a) for a in same_person(answer.attendee)} & invited
        if len(theirs) != 1:
            return answer
        if answer.sender is not None and not answer.verified:
            return answer  # sent by a third address: not the attendee's own answer
        return replace(answer, attendee=theirs.pop(), answered_from=answer.attendee)
    if answer.sender and not answer.verified and not answer.sent_by:
        if who in {address_key(a) for a in same_person(answer.sender)}:
            return replace(answer, answered_from=answer.sender)
    return answer


def _same_occurrence(named: date, original: date, zone: tzinfo | None) -> bool:
    """Whether the RECURRENCE-ID an answer names is the occurrence ``original`` (a UTC time or
    a date) an update of one occurrence of a series carried; a time without a zone is read in
    the meeting's zone, a date names a day there."""
    if isinstance(named, datetime) and named.tzinfo is None:
        named = named.replace(tzinfo=zone)
    if isinstance(original, datetime):
        if isinstance(named, datetime):
            return named.astimezone(UTC) == original
        return named == original.astimezone(zone).date()
    return (named.astimezone(zone).date() if isinstance(named, datetime) else named) == original


def names_occurrence(answer: Answer, sent: Sequence[SentRecord]) -> bool:
    """Whether the RECURRENCE-ID ``answer`` names is an occurrence of the meeting: the one an
    update of an occurrence of the user's series carried, else (planner sends single
    meetings) the start of the revision answered. Compared as
    instants (UTC, a TZID, a time without a zone read in the meeting's zone); a date names the
    meeting's day (in its zone), as does any time of that day for an all-day meeting. RANGE=
    THISANDFUTURE (RFC 5545 §3.8.4.4) counts from that occurrence on: for a single meeting, the
    same one. No RECURRENCE-ID: the meeting itself."""
    named = answer.recurrence
    if named is None:
        return True
    inv = _answered(answer, sent)
    if (original := recurrence_moment(inv.recurrence_id)) is not None:
        return _same_occurrence(named, original, inv.start.tzinfo)  # an occurrence's update
    start = inv.start
    if not isinstance(named, datetime):
        return named == start.date()
    if named.tzinfo is None:
        named = named.replace(tzinfo=start.tzinfo)
    if inv.all_day:
        return named.astimezone(start.tzinfo).date() == start.date()
    return named.astimezone(UTC) == start.astimezone(UTC)


def settled(answer: Answer, sent: Sequence[SentRecord], now: datetime) -> Answer:
    """``answer`` with what it left open taken from the meeting it answers (``sent``, its
    messages in the order sent): without a SEQUENCE, the revision that was the last one sent
    when the answer was written (its DTSTAMP; never later than ``now``), where every revision
    went out from here (a meeting first sent from the user's calendar app had revisions whose
    time planner does not know: there, no SEQUENCE is 0, as RFC 5545 has it); a proposed time
    without a zone, in the zone the meeting was written in."""
    if answer.unsequenced and answer.stamp is not None and min(r.sequence for r in sent) == 0:
        written = min(answer.stamp, now).astimezone(UTC)
        before = [r.sequence for r in sent if r.sent_at.astimezone(UTC) <= written]
        answer = replace(answer, sequence=max(before, default=answer.sequence))
    if answer.unsettled and answer.proposed is not None:
        zone = _answered(answer, sent).start.tzinfo or UTC
        start, end = answer.proposed
        answer = replace(answer, proposed=(start.replace(tzinfo=zone), end.replace(tzinfo=zone)))
    return answer


def _answered(answer: Answer, sent: Sequence[SentRecord]) -> Invitation:
    """The invitation of the revision ``answer`` answers (its SEQUENCE), else the last sent."""
    revision = [r for r in sent if r.sequence == answer.sequence] or list(sent)
    return revision[-1].invitation


def delegates(store: Store, uid: str) -> set[str]:
    """The addresses (keys) that invitees of ``uid`` passed the invitation on to."""
    return {address_key(d) for a in _rows(store, "uid = ?", (uid,)) for d in a.delegated_to}


def _keys(addresses: Sequence[str]) -> list[str]:
    return sorted(address_key(a) for a in addresses)


def _write(store: Store, answer: Answer, who: str, stamp: datetime) -> None:
    proposed = _proposed_key(answer.proposed)
    if answer.whole_days and answer.proposed is not None:  # days: kept in the meeting's zone
        proposed = [t.isoformat() for t in answer.proposed]
    with store.conn:
        store.conn.execute(
            "INSERT OR REPLACE INTO invitation_answers VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                answer.uid,
                who,
                answer.sequence,
                stamp.astimezone(UTC).isoformat(),
                answer.method,
                answer.response.value,
                json.dumps(proposed),
                clean_comment(answer.comment),
                answer.source[:1000],
                " ".join(answer.delegated_to) if answer.response is Response.DELEGATED else "",
                int(answer.whole_days),
                answer.answered_from[:320],
                int(answer.text_proposal),
            ),
        )


def stored_answer(store: Store, uid: str, attendee: str) -> Answer | None:
    wanted = address_key(attendee)
    rows = [a for a in _rows(store, "uid = ?", (uid,)) if address_key(a.attendee) == wanted]
    return rows[0] if rows else None


def answers_for(store: Store, uid: str) -> dict[str, Answer]:
    """The stored answers to meeting ``uid``, by attendee address
    (:func:`planner.people.addresses.address_key`)."""
    return {address_key(a.attendee): a for a in _rows(store, "uid = ?", (uid,))}


def all_answers(store: Store) -> list[Answer]:
    """Every stored answer, ordered by UID and attendee (for comparisons and exports)."""
    return _rows(store, "1 = 1", ())


def _rows(store: Store, where: str, args: tuple[object, ...]) -> list[Answer]:
    _ensure(store)
    rows = store.conn.execute(
        "SELECT uid, attendee, sequence, stamp, method, response, proposed, comment, source,"
        " delegated, whole_days, answered_from, text_proposal"
        f" FROM invitation_answers WHERE {where} ORDER BY uid, attendee",
        args,
    ).fetchall()
    return readable(rows, _answer, "invitation_answers", store.path)


def _answer(row: tuple[object, ...]) -> Answer:
    """A stored row as an :class:`Answer`; ValueError (or TypeError) for one that is not a
    possible answer, whatever put it there."""
    uid, attendee, sequence, stamp, method, response, proposed, comment, source = row[:9]
    delegated, whole_days, answered_from, text_proposal = row[9:]
    if not isinstance(sequence, int) or not 0 <= sequence <= MAX_SEQUENCE:
        raise ValueError(f"sequence {sequence!r}")
    if str(method) not in METHODS:
        raise ValueError(f"method {method!r}")
    return Answer(
        uid=_text(uid),
        attendee=_text(attendee),
        response=Response(str(response)),
        sequence=sequence,
        stamp=_moment(stamp),
        method=str(method),
        proposed=_times(proposed, str(method)),
        comment=clean_comment(str(comment)),
        source=str(source),
        delegated_to=tuple(str(delegated or "").split())[:10],
        whole_days=bool(whole_days),
        answered_from=str(answered_from or ""),
        text_proposal=bool(text_proposal),
    )


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"text {value!r}")
    return value


def _moment(value: object) -> datetime:
    moment = datetime.fromisoformat(str(value))
    if moment.tzinfo is None or not plausible(moment):
        raise ValueError(f"time {value!r}")
    return moment


def _times(value: object, method: str) -> tuple[datetime, datetime] | None:
    times = json.loads(str(value))
    if times is None and method != "COUNTER":
        return None
    start, end = (_moment(t) for t in times)
    if not start <= end:
        raise ValueError(f"proposed {value!r}")
    return start, end


def plausible(moment: datetime) -> bool:
    """A time a real meeting or answer can have: 1970 to 2200, so that every later step
    (converting to the user's zone, adding days) stays within what a datetime holds."""
    return EARLIEST <= moment.astimezone(UTC).year < LATEST


def clean_comment(text: str) -> str:
    """An attendee's comment as it may be stored and shown: bounded, no control characters
    (newlines and tabs kept)."""
    kept = "".join(c for c in text if c in "\n\t" or not (ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0))
    return kept[:COMMENT_LIMIT]


def _proposed_key(proposed: tuple[datetime, datetime] | None) -> list[str] | None:
    if proposed is None:
        return None
    return [t.astimezone(UTC).isoformat() for t in proposed]
