"""One meeting, counted once: the events planner wrote that stand for a meeting of the user's.

Two events of the calendars read can be one meeting:

- a hold planner wrote for an update of a meeting of the user's own calendar (``planner invite
  … --hold``): never written over the meeting, it is a new event beside it, under a UID derived
  from the meeting's (:func:`planner.model.hold_uid`); and an invitation planner made as a new
  meeting for one in the calendar (an offer's pick, a meeting someone else organizes: the sent
  log knows which meeting it was made for). The pair is counted once, as what it will be: the
  planner's event (``UPDATE``), which the user asked for; the meeting's row says so;
- a mirror ``planner sync`` wrote that the user changed (retitled, a note added: it is theirs
  now) that still shows the meeting it mirrors (its mark names that meeting): the same time,
  no other place, no guests. The pair is counted once, as the meeting (``COPY``). A mirror
  reused for another meeting in that time (elsewhere, with a guest) is a meeting of its own;
- such a changed mirror whose meeting moved since it was written (the meeting no longer shows
  what the mirror's mark says was written, and is at another time): the user's copy, left as
  they made it, stands for no meeting of its own. Counted once, as the meeting (``MOVED``);
  ``planner sync`` writes a mirror for the new time. One the user moved while the meeting
  stayed is theirs as they made it: a meeting of its own.

One event of the calendars read can also stand for a meeting at another time: a meeting of the
user's own calendar that ``planner invite --update … --send`` moved (without ``--hold``) is
never written over; until the user's calendar shows the new time, its copy there still shows
the time the update replaced. :func:`stood_in` counts such a copy (the same UID, at a time an
update sent replaced: :func:`sent_moves`) at the time the latest update sent gave it, marked
with :data:`MOVED_FROM`; the week's plan, its totals and proposals' busy time, and ``planner
sync``'s mirrors and travel blocks all take it so. Once the calendar shows the new time, or
any other (the user moved it themselves), the calendar's time counts again; so it does after
a cancellation, or beside a hold of the meeting (counted as the hold: ``UPDATE``).

:func:`counted_as` tells, for each event that is not counted, the one that counts for it: the
week's totals and share count that one, ``planner sync`` mirrors it and blocks travel for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from planner.config.sections import SYNC_SHOW
from planner.model import HOLD_PREFIX, Event, Mode, hold_uid
from planner.sync.marks import event_of, occurrence, tag
from providers.base import mark_of, written_by_sync

if TYPE_CHECKING:
    from planner.store import Store

UPDATE = "update"  # a meeting, and the hold or new invitation planner made for it
COPY = "copy"  # a mirror the user changed, and the meeting it mirrors
MOVED = "moved"  # a mirror the user changed, and the meeting it mirrored, moved since
SCANNED = 500  # sent meetings looked at, newest first (as planner.flows.held)
#: the hint of a meeting :func:`stood_in` at the time an update moved it to: the time the
#: calendar still shows, "START/END" in UTC (ISO 8601)
MOVED_FROM = "X-PLANNER-MOVED-FROM"
Span = tuple[datetime, datetime]


@dataclass(frozen=True, slots=True)
class Counted:
    """An event that is not counted: the meeting is counted as ``instead``; ``why`` is
    ``UPDATE`` (``instead`` is planner's hold or invitation for it) or ``COPY``
    (``instead`` is the meeting this changed mirror was written for)."""

    instead: Event
    why: str
    mode: Mode = Mode.UNKNOWN  # how ``instead`` takes place, where the reader judged it


def made_for(store: Store | None) -> dict[str, str]:
    """The invitations planner made as new meetings for a meeting of the calendar, by their
    UID: the UID of that meeting (from the sent log; none when nothing was ever sent)."""
    if store is None or not store.holds("sentlog"):
        return {}
    from planner.invite.sentlog import recent

    found = {}
    for record in recent(store, SCANNED):
        meeting = record.invitation.for_event
        if meeting and meeting != record.uid and not record.cancelled:
            found[record.uid] = meeting
    return found


def counted_as(
    events: Iterable[Event], made: Mapping[str, str] | None = None
) -> dict[tuple[str, str], Counted]:
    """For each of ``events`` (by :attr:`Event.key`) that is one meeting with another of them,
    the one that counts for both (see the module). ``made``: :func:`made_for`."""
    events = list(events)
    by_uid: dict[str, list[Event]] = {}
    for event in events:
        by_uid.setdefault(event.uid, []).append(event)
    found: dict[tuple[str, str], Counted] = {}
    for stand_in, meeting in _updates(events, by_uid, made or {}):
        found.setdefault(meeting.key, Counted(stand_in, UPDATE))
    copies = _copies(events)
    if copies:
        for event in events:
            for copy in copies.get(tag(occurrence(event)), ()):
                why = COPY if _same_meeting(copy, event) else MOVED if _moved(copy, event) else ""
                if why and event.key not in found:
                    found.setdefault(copy.key, Counted(event, why))
    return found


def _updates(
    events: list[Event], by_uid: Mapping[str, list[Event]], made: Mapping[str, str]
) -> Iterable[tuple[Event, Event]]:
    """Each planner event that stands for a meeting, with that meeting (the occurrence
    nearest in time, for a series)."""
    # a hold names its meeting by a digest of the meeting's UID: worked out only when a hold
    # is there at all (50,000 UIDs digested cost 0.15 s of every week read)
    any_hold = any(uid.startswith(HOLD_PREFIX) for uid in by_uid)
    holds = {hold_uid(uid): uid for uid in by_uid} if any_hold else {}
    for event in events:
        meeting = holds.get(event.uid) or made.get(event.uid, "")
        if not meeting or meeting == event.uid or meeting not in by_uid:
            continue
        start = event.start.astimezone(UTC)
        nearest = min(by_uid[meeting], key=lambda e: abs(e.start.astimezone(UTC) - start))
        yield event, nearest


def _copies(events: list[Event]) -> dict[str, list[Event]]:
    """The mirrors among ``events`` the user changed (planner's own are not read), by the
    meeting their mark names (:func:`planner.sync.marks.event_of`)."""
    found: dict[str, list[Event]] = {}
    for event in events:
        if not written_by_sync(event):
            continue
        mark = mark_of(event)
        meeting = event_of(mark.key) if mark is not None else ""
        if meeting:
            found.setdefault(meeting, []).append(event)
    return found


def _same_meeting(copy: Event, meeting: Event) -> bool:
    """Whether the changed mirror ``copy`` still shows ``meeting``: the same time, and no
    other place and no people of its own (a mirror reused for another meeting in that time,
    somewhere else or with a guest, is a meeting of the user's)."""
    return (
        _span(copy) == _span(meeting)
        and not copy.attendees
        and copy.location.strip() in ("", meeting.location.strip())
    )


def _moved(copy: Event, meeting: Event) -> bool:
    """Whether ``meeting`` moved since the planner wrote the mirror the user changed into
    ``copy``: it is at another time, and none of the mirrors the planner writes of it (the
    ``show`` of a ``[[sync]]`` table is not known here) is what the mark says was written. A
    copy with people of its own is a meeting of the user's."""
    from planner.sync.mirrors import mirror

    mark = mark_of(copy)
    same_time = _span(copy) == _span(meeting)
    if copy.attendees or mark is None or same_time:
        return False
    return all(mirror(meeting, "", "", show).digest != mark.digest for show in SYNC_SHOW)


def _span(event: Event) -> tuple[datetime, datetime]:
    return event.start.astimezone(UTC), event.end.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class Moved:
    """A meeting planner's updates moved: the time the latest one sent gave it (``to``), and
    the times they replaced (in UTC)."""

    to: Span
    replaced: frozenset[Span]


def sent_moves(store: Store | None) -> dict[str, Moved]:
    """The meetings updates sent moved to another time, by UID, as the latest message sent
    of each leaves them: none that was cancelled, none only written to a file or held."""
    if store is None or not store.holds("sentlog"):
        return {}
    from planner.invite.sentlog import moved_meetings

    found = {}
    for history in moved_meetings(store):
        sent = [r for r in history if r.delivered]
        if not sent:
            continue
        last = max(sent, key=lambda r: (r.sequence, r.cancelled, r.sent_at))
        replaced = frozenset(_utc(r.moved_from) for r in sent if r.moved_from is not None)
        if not last.cancelled and replaced:
            found[last.uid] = Moved((last.invitation.start, last.invitation.end), replaced)
    return found


def stood_in(
    events: list[Event], moves: Mapping[str, Moved], beside: Iterable[Event] = ()
) -> list[Event]:
    """``events``, each copy of a moved meeting that still shows a time an update replaced
    standing at the time the update gave it (:data:`MOVED_FROM` says what the calendar shows);
    none that has a hold among ``events`` or ``beside`` (counted as the hold)."""
    if not moves or not any(e.uid in moves for e in events):
        return events
    held: set[str] | None = None  # the holds' UIDs, gathered once a copy shows a time replaced
    result = []
    for event in events:
        move = moves.get(event.uid)
        span = _span(event) if move is not None else None
        if move is None or span not in move.replaced or span == _utc(move.to):
            result.append(event)
            continue
        if held is None:
            held = {e.uid for e in (*events, *beside) if e.uid.startswith(HOLD_PREFIX)}
        if hold_uid(event.uid) in held:
            result.append(event)
        else:
            tz = event.start.tzinfo
            shows = "/".join(t.isoformat() for t in span)
            result.append(replace(event, start=move.to[0].astimezone(tz),
                                  end=move.to[1].astimezone(tz),
                                  hints=(*event.hints, (MOVED_FROM, shows))))  # fmt: skip
    return result


def moved_from(event: Event) -> Span | None:
    """The time the calendar shows for ``event``, stood in at another (:func:`stood_in`)."""
    text = event.hint(MOVED_FROM)
    if not text:
        return None
    start, _sep, end = text.partition("/")
    return datetime.fromisoformat(start), datetime.fromisoformat(end)


def _utc(span: Span) -> Span:
    return span[0].astimezone(UTC), span[1].astimezone(UTC)
