"""What was sent: every invitation, update and cancellation the SMTP server accepted, in the
state database, so ``--update UID`` and ``--cancel UID`` find their meeting and its SEQUENCE.

The flow the CLI follows: ``prepare_request`` / ``prepare_update`` (``cancels.prepare_cancel``)
give a :class:`PreparedInvite` (the .ics, subject and bodies); ``planner.invite.mail.send``
sends it;
:func:`record_sent` logs it, only after the server accepted the message.

An update that takes attendees off goes with a CANCEL to them alone (``cancels.
prepare_withdrawal``, RFC 5546 §2.1.5): logged as :data:`WITHDRAWN`, apart from the meeting's
own revisions (:func:`history` leaves it out, :func:`messages` has it), as the meeting goes on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from planner.errors import UsageError
from planner.i18n import _
from planner.invite import text
from planner.invite.invitation import Invitation
from planner.invite.itip import Method, build_calendar, to_bytes
from planner.invite.stored import invitation_from_json, invitation_to_json
from planner.people.addresses import address_key
from planner.store import readable

if TYPE_CHECKING:
    import icalendar

    from planner.store import Store

#: how far a message can go, least first (:attr:`SentRecord.delivery`)
REACH = ("file", "hold", "elsewhere", "mail")
ELSEWHERE = "elsewhere"  # the .ics written with --out, sent by the user's own mail program
#: the log's method of a CANCEL that took attendees off a meeting that goes on
WITHDRAWN = "WITHDRAWN"
#: the key, in a row's invitation data, of what an update moved: the meeting (UID), the time
#: it replaced and the new time (instants, ISO 8601 in UTC); absent in rows logged before
MOVED = "moved"

TABLE_VERSION = 1
DDL = """
DROP TABLE IF EXISTS sent_invitations;
CREATE TABLE sent_invitations (
    uid TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    method TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    title TEXT NOT NULL,
    start TEXT NOT NULL,
    end TEXT NOT NULL,
    location TEXT NOT NULL,
    recipients TEXT NOT NULL,
    message_id TEXT NOT NULL,
    invitation TEXT NOT NULL,
    PRIMARY KEY (uid, sequence, method)
);
CREATE INDEX sent_invitations_sent_at ON sent_invitations (sent_at)
"""


@dataclass(frozen=True, slots=True)
class SentRecord:
    """One accepted message: which meeting, which revision, to whom, when."""

    uid: str
    sequence: int
    method: str
    sent_at: datetime
    recipients: tuple[str, ...]
    message_id: str
    invitation: Invitation
    #: the time (start, end) this update moved the meeting from, as the calendar showed it
    #: then (:data:`MOVED`); None when it moved nothing, or was logged before this was kept
    moved_from: tuple[datetime, datetime] | None = None

    @property
    def cancelled(self) -> bool:
        return self.method == "CANCEL"

    @property
    def withdrawn(self) -> bool:
        """A CANCEL to attendees an update took off (:data:`WITHDRAWN`), not the meeting's."""
        return self.method == WITHDRAWN

    @property
    def delivery(self) -> str:
        """How far this message went: "file" (written with ``--out``, reached nobody yet),
        "hold" (put into the user's calendar, silently: reached nobody), "elsewhere" (the
        file, sent by the user's mail program: they said so, or an answer to it came) or "mail"
        (accepted by the SMTP server)."""
        kind = self.message_id.partition(":")[0]
        return kind if kind in REACH[:-1] else "mail"

    @property
    def written_to(self) -> str:
        """The file this message was written to ("" when it was not)."""
        kind, _sep, where = self.message_id.partition(":")
        return where if kind in ("file", ELSEWHERE) else ""

    @property
    def held_in(self) -> str:
        """The calendar this message was held in only ("" when it was not, or went further)."""
        kind, _sep, where = self.message_id.partition(":")
        return where.partition(":")[0] if kind == "hold" else ""

    @property
    def delivered(self) -> bool:
        """Whether this message can have reached the counterparts: not one only written to a
        file, nor one only held in the user's calendar (a hold is written without telling
        anyone: ``SCHEDULE-AGENT=CLIENT``, ``events.import``, no attendees in Graph)."""
        return self.delivery not in ("file", "hold")


@dataclass(frozen=True, slots=True)
class PreparedInvite:
    """An iTIP message ready to show (dry run), write (--out) or send (--send)."""

    method: Method
    invitation: Invitation
    calendar: icalendar.Calendar
    ics: bytes
    subject: str
    body_text: str
    body_html: str
    #: a REQUEST that changes a meeting sent before; a CANCEL that goes with such a change to
    #: the attendees it takes off (:attr:`withdrawn`)
    update: bool = False
    #: whom the message goes to when not every attendee (a cancellation that reached some
    #: of them already: :mod:`planner.invite.cancels`); None: every attendee
    only: tuple[str, ...] | None = None
    #: the time (start, end) a REQUEST moves the meeting from (an update to another time);
    #: kept in the log (:data:`MOVED`): the user's calendar may show it until they move it too
    replaced: tuple[datetime, datetime] | None = None

    @property
    def uid(self) -> str:
        return self.invitation.uid

    @property
    def sequence(self) -> int:
        return self.invitation.sequence

    @property
    def withdrawn(self) -> bool:
        """Whether this CANCEL takes its attendees off a meeting that goes on for the others."""
        return self.method == "CANCEL" and self.update

    @property
    def recipients(self) -> tuple[str, ...]:
        if self.only is not None:
            return self.only
        return tuple(p.email for p in self.invitation.counterparts)


def _ensure(store: Store) -> None:
    store.ensure("sentlog", TABLE_VERSION, DDL)


def prepare(
    inv: Invitation, method: Method = "REQUEST", *, stamp: datetime | None = None,
    update: bool = False,
) -> PreparedInvite:  # fmt: skip
    """Build the calendar and the texts for ``inv`` as it stands (UID and SEQUENCE included);
    a CANCEL with ``update`` withdraws the invitation of ``inv``'s attendees alone."""
    inv = inv.resolved()
    cal = build_calendar(inv, method, stamp=stamp, withdrawn=method == "CANCEL" and update)
    with text.language(inv.language):
        return PreparedInvite(
            method=method,
            invitation=inv,
            calendar=cal,
            ics=to_bytes(cal),
            subject=text.subject(inv, method, update=update),
            body_text=text.body_text(inv, method, update=update),
            body_html=text.body_html(inv, method, update=update),
            update=update,
        )


def prepare_request(
    store: Store,
    inv: Invitation,
    *,
    stamp: datetime | None = None,
    replaced: tuple[datetime, datetime] | None = None,
) -> PreparedInvite:
    """A REQUEST for a new meeting. Sending the same meeting again keeps its UID and SEQUENCE;
    a changed one (same UID, other details) gets the next SEQUENCE. An invitation that brings
    its own UID and a SEQUENCE above 0 updates a meeting from the user's calendar, which shows
    it at ``replaced`` (start, end) now: kept as what it moves (:data:`MOVED`) when the time
    is another."""
    inv = inv.resolved()
    last = latest(store, inv.uid)
    if last is None:
        moved = inv.sequence > 0 and replaced is not None and _utc_span(replaced) != _span(inv)
        return replace(prepare(inv, stamp=stamp, update=inv.sequence > 0),
                       replaced=replaced if moved else None)  # fmt: skip
    if last.method == "REQUEST" and _same_meeting(last.invitation, inv):
        return prepare(replace(inv, sequence=last.sequence), stamp=stamp, update=last.sequence > 0)
    was = last.invitation
    moved = not last.cancelled and _span(was) != _span(inv)
    return replace(prepare(replace(inv, sequence=last.sequence + 1), stamp=stamp, update=True),
                   replaced=(was.start, was.end) if moved else None)  # fmt: skip


def prepare_update(
    store: Store, uid: str, *, stamp: datetime | None = None, **changes: Any
) -> PreparedInvite:
    """A REQUEST that changes the meeting sent as ``uid`` (a unique prefix will do).

    ``changes`` are :class:`Invitation` fields (title, start, end, location, venue_name, …);
    a new ``start`` without ``end`` keeps the duration. SEQUENCE rises by one, except for the
    change logged last made again (a run that did not reach everyone, run once more): that
    revision, to those it did not reach (:attr:`PreparedInvite.only`).
    """
    last = _require(store, uid)
    if last.cancelled:
        raise UsageError(
            _("meeting {uid} was cancelled; send a new invitation instead of an update",
              uid=last.uid)
        )  # fmt: skip
    allowed = set(Invitation.__dataclass_fields__) - {"uid", "sequence", "recurrence_id"}
    unknown = set(changes) - allowed
    if unknown:
        keys = ", ".join(sorted(unknown))
        raise UsageError(_("cannot change {keys} of an invitation", keys=keys))
    old = last.invitation
    if old.all_day and changes.get("all_day") is False and "end" not in changes:
        raise UsageError(_("an all-day invitation given a --start needs a --duration as well"))
    if "start" in changes and "end" not in changes:
        length = old.end.astimezone(UTC) - old.start.astimezone(UTC)  # real, not wall time
        changes["end"] = (changes["start"].astimezone(UTC) + length).astimezone(
            changes["start"].tzinfo
        )
    new = replace(old, **changes, sequence=last.sequence + 1)
    if not _same_meeting(old, new):
        moved = _span(old) != _span(new)
        return replace(prepare(new, stamp=stamp, update=True),
                       replaced=(old.start, old.end) if moved else None)  # fmt: skip
    prepared = prepare(old, stamp=stamp, update=last.sequence > 0)
    if not last.delivered:  # only written or held: it goes to everyone
        return prepared
    reached = {address_key(e) for e in last.recipients}
    return replace(prepared, only=tuple(e for e in prepared.recipients
                                        if address_key(e) not in reached))  # fmt: skip


def prepare_again(store: Store, uid: str, *, stamp: datetime | None = None) -> PreparedInvite:
    """The meeting logged as ``uid`` (a unique prefix will do) once more, unchanged: same UID
    and SEQUENCE, as RFC 5546 raises SEQUENCE only for a change. What sends an invitation only
    written to a file, repeats an unanswered one, or keeps the own time after a counter."""
    last = _require(store, uid)
    if last.cancelled:
        raise UsageError(
            _("meeting {uid} was cancelled; send a new invitation instead", uid=last.uid)
        )
    return prepare(last.invitation, stamp=stamp, update=last.sequence > 0)


def record_sent(
    store: Store,
    prepared: PreparedInvite,
    *,
    recipients: tuple[str, ...] | None = None,
    message_id: str = "",
    sent_at: datetime | None = None,
) -> SentRecord:
    """Log ``prepared`` as accepted by the server for ``recipients`` (default: all). The same
    message sent before to others (a send that some recipients refused, sent again to them)
    keeps them: the log names everyone it reached."""
    _ensure(store)
    inv = prepared.invitation
    record = SentRecord(
        uid=inv.uid,
        sequence=inv.sequence,
        method=WITHDRAWN if prepared.withdrawn else prepared.method,
        sent_at=(sent_at or datetime.now(UTC)).astimezone(UTC),
        recipients=tuple(recipients if recipients is not None else prepared.recipients),
        message_id=message_id,
        invitation=inv,
        moved_from=prepared.replaced,
    )
    record = _with_reached(store, record)
    data = invitation_to_json(inv)
    if record.moved_from is not None:
        data[MOVED] = {"uid": inv.uid, "from": [_utc(t) for t in record.moved_from],
                       "to": [_utc(inv.start), _utc(inv.end)]}  # fmt: skip
    with store.conn:
        store.conn.execute(
            "INSERT OR REPLACE INTO sent_invitations VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                record.uid,
                record.sequence,
                record.method,
                record.sent_at.isoformat(),
                inv.title,
                inv.start.isoformat(),
                inv.end.isoformat(),
                text.location_text(inv),
                json.dumps(record.recipients),
                message_id,
                json.dumps(data, ensure_ascii=False),
            ),
        )
    return record


def _with_reached(store: Store, record: SentRecord) -> SentRecord:
    """``record``, its recipients joined by those the same message (UID, SEQUENCE, method)
    reached before, where both went out; and what it moved, as logged before (the same
    revision sent again, or written first and sent later, replaces its row)."""
    same = [r for r in messages(store, record.uid)
            if (r.sequence, r.method) == (record.sequence, record.method)]  # fmt: skip
    if record.moved_from is None:
        moved = next((r.moved_from for r in same if r.moved_from is not None), None)
        record = replace(record, moved_from=moved)
    if not record.delivered:
        return record
    before = [r.recipients for r in same if r.delivered]
    if not before:
        return record
    seen = {e.casefold() for e in record.recipients}
    earlier = tuple(e for e in before[0] if e.casefold() not in seen)
    return replace(record, recipients=(*earlier, *record.recipients))


def record_kept(store: Store, prepared: PreparedInvite, message_id: str) -> None:
    """Log ``prepared`` as written to a file (``message_id`` "file:PATH") or held in a calendar
    ("hold:CALENDAR:ID"), unless the log shows this message (UID, SEQUENCE, method) has gone
    further already: the .ics of a sent invitation written again does not make it unsent
    (mail > hold > file)."""
    logged = WITHDRAWN if prepared.withdrawn else prepared.method
    same = [r for r in messages(store, prepared.uid)
            if (r.sequence, r.method) == (prepared.sequence, logged)]  # fmt: skip
    kind = message_id.partition(":")[0]
    if same and REACH.index(same[-1].delivery) >= REACH.index(kind):
        return  # (a withdrawal too: the CANCEL mailed to those taken off stays mailed)
    record_sent(store, prepared, message_id=message_id)


def record_sent_elsewhere(
    store: Store, uid: str, *, sequence: int | None = None, sent_at: datetime | None = None
) -> SentRecord | None:
    """Log that the message of meeting ``uid`` (a unique prefix will do) only written to a file
    went out by the user's own mail program: its revision ``sequence`` (default: the last
    message) now counts as sent, from ``sent_at`` (default: when it was written), and so does
    the withdrawal written beside it (:func:`written_withdrawals`). None when that message had
    gone out already (or there is none): nothing to change."""
    full = resolve_uid(store, uid)
    found = history(store, full)
    if sequence is not None:
        found = [r for r in found if r.sequence == sequence]
    if not found:
        return None
    last = max(found, key=lambda r: (r.sequence, r.cancelled, r.sent_at))
    if last.delivered:
        return None
    for other in written_withdrawals(store, full, last.sequence):  # the file written beside it
        record_sent(store, prepare(other.invitation, "CANCEL", update=True),
                    recipients=other.recipients, message_id=f"{ELSEWHERE}:{other.written_to}",
                    sent_at=sent_at or other.sent_at)  # fmt: skip
    return record_sent(
        store,
        prepare(last.invitation, "CANCEL" if last.cancelled else "REQUEST"),
        recipients=last.recipients,
        message_id=f"{ELSEWHERE}:{last.written_to}",
        sent_at=sent_at or last.sent_at,
    )


def written_withdrawals(store: Store, uid: str, sequence: int) -> list[SentRecord]:
    """The withdrawals of revision ``sequence`` of meeting ``uid`` only written to a file (the
    CANCEL ``--update … --out FILE`` writes beside the update for those it takes off)."""
    return [r for r in messages(store, uid)
            if r.withdrawn and r.sequence == sequence and r.delivery == "file"]  # fmt: skip


def history(store: Store, uid: str) -> list[SentRecord]:
    """Every logged revision and cancellation of meeting ``uid``, oldest first: the
    :func:`messages` without the withdrawals (the meeting goes on as its revisions say)."""
    return [r for r in messages(store, uid) if not r.withdrawn]


def messages(store: Store, uid: str) -> list[SentRecord]:
    """Every logged message of meeting ``uid``, oldest first, withdrawals included."""
    _ensure(store)
    rows = store.conn.execute(
        "SELECT uid, sequence, method, sent_at, recipients, message_id, invitation"
        " FROM sent_invitations WHERE uid = ? ORDER BY sequence, sent_at",
        (uid,),
    ).fetchall()
    return readable(rows, _record, "sent_invitations", store.path)


def latest(store: Store, uid: str) -> SentRecord | None:
    """The last logged message of meeting ``uid`` (highest SEQUENCE, a CANCEL last)."""
    found = history(store, uid)
    return max(found, key=lambda r: (r.sequence, r.cancelled, r.sent_at)) if found else None


def recent(store: Store, limit: int = 20) -> list[SentRecord]:
    """The last state of the ``limit`` most recently sent meetings, newest first."""
    _ensure(store)
    uids = store.conn.execute(
        "SELECT uid FROM sent_invitations GROUP BY uid ORDER BY max(sent_at) DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [r for (uid,) in uids if (r := latest(store, uid)) is not None]


def moved_meetings(store: Store) -> list[list[SentRecord]]:
    """The :func:`history` of every meeting an update moved to another time (:data:`MOVED`)."""
    _ensure(store)
    rows = store.conn.execute(
        "SELECT DISTINCT uid FROM sent_invitations WHERE invitation LIKE ?", (f'%"{MOVED}": {{%',)
    ).fetchall()
    return [history(store, uid) for (uid,) in rows]


def resolve_uid(store: Store, text_uid: str) -> str:
    """The full UID of a logged meeting from its UID or a unique prefix of it."""
    _ensure(store)
    wanted = text_uid.strip()
    escaped = wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = store.conn.execute(
        "SELECT DISTINCT uid FROM sent_invitations WHERE uid = ? OR uid LIKE ? ESCAPE '\\'",
        (wanted, escaped + "%"),
    ).fetchall()
    uids = sorted(r[0] for r in rows)
    if wanted in uids:
        return wanted
    if not uids or not wanted:
        raise UsageError(
            _("no invitation with UID '{uid}' was sent from here; "
              "'planner invite --list' shows the ones that were", uid=text_uid)
        )  # fmt: skip
    if len(uids) > 1:
        raise UsageError(
            _("'{uid}' matches {count} invitations; give more of the UID", uid=text_uid,
              count=len(uids))
        )  # fmt: skip
    return uids[0]


def _require(store: Store, uid: str) -> SentRecord:
    full = resolve_uid(store, uid)
    record = latest(store, full)
    assert record is not None  # resolve_uid found it
    return record


def _same_meeting(a: Invitation, b: Invitation) -> bool:
    return replace(a, sequence=0, reminder_minutes=None) == replace(
        b, sequence=0, reminder_minutes=None
    )


def _span(inv: Invitation) -> tuple[datetime, datetime]:
    return _utc_span((inv.start, inv.end))


def _utc_span(span: tuple[datetime, datetime]) -> tuple[datetime, datetime]:
    return span[0].astimezone(UTC), span[1].astimezone(UTC)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def _moved_from(data: dict[str, Any]) -> tuple[datetime, datetime] | None:
    """The time an update moved its meeting from (:data:`MOVED`); None when the row has none
    (logged before it was kept) or a value that does not read."""
    moved = data.get(MOVED)
    try:
        start, end = (datetime.fromisoformat(t) for t in moved["from"])  # type: ignore[index]
    except (TypeError, KeyError, ValueError):
        return None
    if start.tzinfo is None or end.tzinfo is None:
        return None
    return start, end


def _record(row: tuple[Any, ...]) -> SentRecord:
    uid, sequence, method, sent_at, recipients, message_id, inv = row
    data = json.loads(inv)
    return SentRecord(
        uid=uid,
        sequence=sequence,
        method=method,
        sent_at=datetime.fromisoformat(sent_at),
        recipients=tuple(json.loads(recipients)),
        message_id=message_id,
        invitation=invitation_from_json(data),
        moved_from=_moved_from(data),
    )
