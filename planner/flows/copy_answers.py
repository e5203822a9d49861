"""The answers calendar services show on the organizer's copy of a meeting sent from here:
Google ``responseStatus``, Graph ``status``, CalDAV ``PARTSTAT``; a failed delivery from CalDAV
``SCHEDULE-STATUS`` (3.x, 5.x) counts as undelivered.

A response on a copy answers the revision the copy is of, never simply the last one sent: an
update sent from here leaves the user's own copy as it was (``--hold`` writes a new event
beside it), so a copy still at SEQUENCE 2 on Teams carries the answers to SEQUENCE 2 on Teams,
not to SEQUENCE 3 in person at the same time. The copy's revision is its SEQUENCE where the
service shows one (iCalendar, Google), else the revision sent with the copy's time and place
(Graph). An answer to an earlier revision is recorded as that; ``planner invites`` shows it as
the earlier answer, and the update stays unanswered until it is answered itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from planner.i18n import _
from planner.invite.answers import Answer
from planner.invite.sentlog import SentRecord
from planner.invite.text import location_text
from planner.model import Event, Response
from planner.people.addresses import address_key

FAILED_DELIVERY = ("3.", "5.")  # RFC 6638 SCHEDULE-STATUS classes: not delivered


def calendar_answers(
    records: Sequence[SentRecord],
    events: Sequence[Event],
    now: datetime,
    history: Callable[[str], Sequence[SentRecord]] | None = None,
) -> list[Answer]:
    """The answers on the organizer's copies of ``records`` (see the module), each for the
    revision the copy shows (``history(uid)``: every message sent of that meeting; default:
    the last)."""
    if history is None:
        latest = {r.uid: [r] for r in records}
        history = lambda uid: latest.get(uid, [])  # noqa: E731
    by_uid: dict[str, list[Event]] = {}
    for event in events:
        by_uid.setdefault(event.uid, []).append(event)
    result = []
    for record in records:
        invited = {address_key(p.email) for p in record.invitation.counterparts}
        for event in by_uid.get(record.uid, []):
            where = _("calendar {name}", name=event.calendar or event.source)
            for person in event.attendees:
                who = address_key(person.email)
                failed = _failed_delivery(event, person.email)
                if who not in invited or (person.response is Response.NEEDS_ACTION and not failed):
                    continue
                revision = copy_revision(record, history(record.uid), event, who)
                if revision is None:
                    continue  # the copy shows no revision known here: no answer to any
                result.append(
                    Answer(
                        uid=record.uid,
                        attendee=who,
                        response=person.response,
                        sequence=revision,
                        stamp=_response_time(event, who),  # None: "now" when first seen
                        method="UNDELIVERED" if failed else "REPLY",
                        comment=failed,
                        source=where,
                    )
                )
    return result


def copy_revision(
    record: SentRecord, history: Sequence[SentRecord], event: Event, who: str
) -> int | None:
    """The revision (SEQUENCE) an attendee's response on the organizer's copy answers.

    With the copy's own SEQUENCE (iCalendar, Google): that revision, when it was sent from
    here with the copy's time and place, or when it is an earlier revision from the user's own
    calendar that was never sent from here (the meeting planner updated). None for a revision
    only written to a file (it reached nobody), one sent with another time or place (the copy
    was changed without a new SEQUENCE) and one newer than anything sent from here (changed
    elsewhere since).

    Without it (Graph): the revision sent with the copy's time and place, and of those the last
    one sent before the response was given, when the service tells (Graph's ``status.time``),
    as a service keeps showing the last response after the meeting was moved."""
    logged = [r for r in history if r.method == "REQUEST"] or [record]
    own = _copy_sequence(event)
    if own is not None:
        return _by_sequence(own, logged, event)
    sent = [r for r in logged if _reached(r)]
    if _reached(record) and record not in sent:
        sent.append(record)
    shown = [r.sequence for r in sent if _shows(event, r)]
    if not shown:
        return None
    revision = max(shown)
    answered = _response_time(event, who)
    if answered is not None:  # the revision that was current when the attendee answered
        then = max((r.sequence for r in sent if r.sent_at.astimezone(UTC) <= answered), default=-1)
        if then < revision:
            earlier = [s for s in shown if s <= then]
            return max(earlier) if earlier else None
    return revision


def _by_sequence(own: int, logged: Sequence[SentRecord], event: Event) -> int | None:
    same = [r for r in logged if r.sequence == own]
    if not same:  # the user's own revision, before planner sent an update
        return own if own < max(r.sequence for r in logged) else None
    if not any(_reached(r) for r in same):
        return None  # only written to a file: nobody answered it on this copy
    return own if all(_shows(event, r) for r in same) else None


def _reached(record: SentRecord) -> bool:
    """Whether the copy in a calendar can show answers to ``record``: sent, or held there (an
    answer on the hold says the user invited them from their calendar app), not only written
    to a file."""
    return record.delivery != "file"


def _copy_sequence(event: Event) -> int | None:
    text = event.hint("SEQUENCE").strip()
    return int(text) if re.fullmatch(r"\d{1,10}", text) else None


def _shows(event: Event, record: SentRecord) -> bool:
    """Whether the copy shows the time and place ``record`` was sent with (a copy without a
    place says nothing against it)."""
    inv = record.invitation
    times = inv.start.astimezone(UTC), inv.end.astimezone(UTC)
    if (event.start.astimezone(UTC), event.end.astimezone(UTC)) != times:
        return False
    return same_place(event.location, location_text(inv), inv.venue_name)


def same_place(shown: str, sent: str, venue: str = "") -> bool:
    """Whether a copy's LOCATION ``shown`` names the place ``sent`` (its text, or the venue's
    name, which some services show alone); an empty one contradicts nothing."""
    here, there, name = (" ".join(t.casefold().split()) for t in (shown, sent, venue))
    if not here or here == there:
        return True
    return bool(there) and (here in there or there in here or bool(name) and name in here)


def _response_time(event: Event, who: str) -> datetime | None:
    """When the attendee answered, where the service tells (Graph ``status.time``)."""
    for key, value in event.hints:
        if key.lower() == f"response-time;{who}":
            try:
                moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                return None
            return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return None


def _failed_delivery(event: Event, who: str) -> str:
    for key, value in event.hints:
        if key.upper() == f"SCHEDULE-STATUS;{who}".upper() and value.startswith(FAILED_DELIVERY):
            return value
    return ""
