"""The answers half of the sent log: what each counterpart said to an invitation sent from here.

An answer comes from an iTIP REPLY or COUNTER (:mod:`planner.invite.replies`) or from a
calendar service that shows the attendee's response on the organizer's copy. Recording is
idempotent: the same answer twice changes nothing, an answer with a lower SEQUENCE (or, at
the same SEQUENCE, an older DTSTAMP) than the one stored is ignored, and an answer to a UID
that was never sent from here is reported, not stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from planner.model import Response
from planner.people.addresses import address_key

if TYPE_CHECKING:
    from planner.store import Store

TABLE_VERSION = 1
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
    PRIMARY KEY (uid, attendee)
)
"""


class Outcome(StrEnum):
    """What recording one answer did."""

    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    OUTDATED = "outdated"  # an older answer than the one stored
    UNKNOWN_UID = "unknown_uid"  # no invitation with this UID was sent from here
    UNKNOWN_ATTENDEE = "unknown_attendee"  # the UID is ours, the address was not invited


@dataclass(frozen=True, slots=True)
class Answer:
    """One counterpart's answer to one revision (SEQUENCE) of a meeting.

    ``method`` is "REPLY" or "COUNTER"; ``proposed`` is the (start, end) a COUNTER asks for;
    ``stamp`` is the reply's DTSTAMP (when it was written), ``source`` where it was read.
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
        )


def _ensure(store: Store) -> None:
    store.ensure("sentlog_answers", TABLE_VERSION, DDL)


def record_answer(store: Store, answer: Answer, *, now: datetime | None = None) -> Outcome:
    """Store ``answer`` unless it is known, older than the stored one, or not ours."""
    from planner.invite.sentlog import history

    _ensure(store)
    sent = history(store, answer.uid)
    if not sent:
        return Outcome.UNKNOWN_UID
    invited = {address_key(p.email) for r in sent for p in r.invitation.counterparts}
    who = address_key(answer.attendee)
    if who not in invited:
        return Outcome.UNKNOWN_ATTENDEE
    stamp = answer.stamp or now or datetime.now(UTC)
    stored = stored_answer(store, answer.uid, who)
    if stored is not None:
        if stored.same_answer(answer):
            if answer.stamp and stored.stamp and answer.stamp > stored.stamp:
                _write(store, answer, who, answer.stamp)  # the same answer, sent again later
            return Outcome.UNCHANGED
        if (answer.sequence, stamp) < (stored.sequence, stored.stamp or stamp):
            return Outcome.OUTDATED
    _write(store, answer, who, stamp)
    return Outcome.NEW if stored is None else Outcome.UPDATED


def _write(store: Store, answer: Answer, who: str, stamp: datetime) -> None:
    proposed = _proposed_key(answer.proposed)
    with store.conn:
        store.conn.execute(
            "INSERT OR REPLACE INTO invitation_answers VALUES (?,?,?,?,?,?,?,?,?)",
            (
                answer.uid,
                who,
                answer.sequence,
                stamp.astimezone(UTC).isoformat(),
                answer.method,
                answer.response.value,
                json.dumps(proposed),
                answer.comment,
                answer.source,
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
        "SELECT uid, attendee, sequence, stamp, method, response, proposed, comment, source"
        f" FROM invitation_answers WHERE {where} ORDER BY uid, attendee",
        args,
    ).fetchall()
    return [_answer(row) for row in rows]


def _answer(row: tuple[object, ...]) -> Answer:
    uid, attendee, sequence, stamp, method, response, proposed, comment, source = row
    times = json.loads(str(proposed))
    return Answer(
        uid=str(uid),
        attendee=str(attendee),
        response=Response(str(response)),
        sequence=int(str(sequence)),
        stamp=datetime.fromisoformat(str(stamp)),
        method=str(method),
        proposed=(datetime.fromisoformat(times[0]), datetime.fromisoformat(times[1]))
        if times
        else None,
        comment=str(comment),
        source=str(source),
    )


def _proposed_key(proposed: tuple[datetime, datetime] | None) -> list[str] | None:
    if proposed is None:
        return None
    return [t.astimezone(UTC).isoformat() for t in proposed]
