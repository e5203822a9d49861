"""Google event resources (Calendar API v3 JSON) as model events, and back.

Pure functions: no I/O, no Google libraries.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner.model import Attendee, Busy, Event, Response, Status
from providers.base import SyncMark, mark_hints

if TYPE_CHECKING:
    from providers.base import ProviderContext

_RESPONSES = {
    "accepted": Response.ACCEPTED,
    "declined": Response.DECLINED,
    "tentative": Response.TENTATIVE,
    "needsAction": Response.NEEDS_ACTION,
}


#: the private extended properties of an event ``planner sync`` wrote (providers.google_marked)
MARK = "plannerSync"
MARK_KEY = "plannerSyncKey"
MARK_DIGEST = "plannerSyncDigest"


def event_id_for(uid: str) -> str:
    """A Google event id for ``uid``: base32hex of its SHA-1 (32 chars of [a-v0-9])."""
    digest = hashlib.sha1(uid.encode("utf-8")).digest()
    return base64.b32hexencode(digest).decode("ascii").rstrip("=").lower()


def _zone(name: str | None, default: ZoneInfo) -> ZoneInfo:
    try:
        return ZoneInfo(name) if name else default
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long
        return default


def _point(point: Any, tz: ZoneInfo) -> tuple[datetime, bool] | None:
    """A start/end object as a user-zone datetime and whether it is a date (all-day)."""
    if not isinstance(point, dict):
        return None
    try:
        if "dateTime" in point:
            value = datetime.fromisoformat(point["dateTime"])
            if value.tzinfo is None:  # a local time in the event's own zone
                value = value.replace(tzinfo=_zone(point.get("timeZone"), tz))
            return value.astimezone(tz), False
        if "date" in point:
            return datetime.combine(date.fromisoformat(point["date"]), time(), tz), True
    except (TypeError, ValueError):
        return None
    return None


def item_bounds(item: dict[str, Any], tz: ZoneInfo) -> tuple[datetime, datetime] | None:
    """Start and end of an event resource (end defaults to start, or a day for all-day)."""
    start = _point(item.get("start"), tz)
    if start is None:
        return None
    end = _point(item.get("end"), tz)
    if end is None:
        return start[0], start[0] + (timedelta(days=1) if start[1] else timedelta())
    return start[0], max(start[0], end[0])


def _attendee(data: dict[str, Any]) -> Attendee:
    return Attendee(
        email=str(data.get("email", "")),
        name=str(data.get("displayName", "")),
        response=_RESPONSES.get(data.get("responseStatus", ""), Response.NEEDS_ACTION),
        is_resource=bool(data.get("resource")),
        optional=bool(data.get("optional")),
    )


def _people(item: dict[str, Any], user_emails: frozenset[str]) -> dict[str, Any]:
    raw = [a for a in item.get("attendees", []) if isinstance(a, dict) and a.get("email")]
    attendees = tuple(_attendee(a) for a in raw)
    by_email = {a.email.lower(): a for a in attendees}
    organizer = None
    data = item.get("organizer") or {}
    if data.get("email"):
        known = by_email.get(data["email"].lower())
        organizer = Attendee(
            data["email"],
            data.get("displayName", "") or (known.name if known else ""),
            known.response if known else Response.ACCEPTED,
        )
    self_response = None
    users = {e.lower() for e in user_emails}
    for raw_attendee, attendee in zip(raw, attendees, strict=True):
        if raw_attendee.get("self") or attendee.email.lower() in users:
            self_response = attendee.response
            break
    else:
        if data.get("self") or (organizer and organizer.email.lower() in users):
            self_response = Response.ACCEPTED
    return {"organizer": organizer, "attendees": attendees, "self_response": self_response}


def _conference(item: dict[str, Any]) -> tuple[tuple[str, ...], list[tuple[str, str]]]:
    """Conference URLs (Meet link, entry points) and the facts that classify them."""
    links: list[str] = []
    hints: list[tuple[str, str]] = []
    if hangout := item.get("hangoutLink"):
        links.append(hangout)
        hints.append(("google.hangoutLink", hangout))
    data = item.get("conferenceData") or {}
    solution = data.get("conferenceSolution") or {}
    if name := solution.get("name"):
        hints.append(("google.conferenceSolution", name))
    if kind := (solution.get("key") or {}).get("type"):
        hints.append(("google.conferenceSolutionKey", kind))
    for entry in data.get("entryPoints") or []:
        uri, kind = entry.get("uri"), entry.get("entryPointType")
        if uri and uri not in links:
            links.append(uri)
        if kind and ("google.entryPointType", kind) not in hints:
            hints.append(("google.entryPointType", kind))
    return tuple(links), hints


def to_event(
    item: dict[str, Any], context: ProviderContext, *, source: str, calendar_id: str
) -> Event | None:
    """A Google event resource as a model event; ``None`` for cancelled items and tasks.

    Out of office, focus time and working location are no meetings, but they say how the
    user's time is held (``availability``; the judge tells them by ``google.eventType``)."""
    event_type = item.get("eventType") or "default"
    if item.get("kind", "calendar#event") != "calendar#event":
        return None
    bounds = item_bounds(item, context.tz)
    if bounds is None or item.get("status") == "cancelled":
        return None
    links, hints = _conference(item)
    hints = [
        ("google.eventType", event_type),
        ("google.calendarId", calendar_id),
        ("google.id", str(item.get("id", ""))),
    ] + hints
    if item.get("visibility") in ("private", "confidential"):
        hints.append(("google.visibility", str(item["visibility"])))
    if item.get("sequence"):  # the iCalendar SEQUENCE: an update must raise it
        hints.append(("SEQUENCE", str(item["sequence"])))
    if original := _point(item.get("originalStartTime"), context.tz):
        moment = original[0]  # keys a correction to the occurrence (planner.judge.corrections)
        hints.append(("RECURRENCE-ID", moment.astimezone(UTC).isoformat()))
    private = (item.get("extendedProperties") or {}).get("private") or {}
    if private.get(MARK_KEY):  # what ``planner sync`` wrote: its mark, as every provider says
        hints += mark_hints(SyncMark(str(private[MARK_KEY]), str(private.get(MARK_DIGEST, ""))))
    availability = availability_of(item)
    place = working_location(item, context.tz) if event_type == "workingLocation" else None
    return Event(
        uid=private.get("plannerUid") or item.get("iCalUID") or str(item.get("id", "")),
        title=str(item.get("summary", "")),
        start=bounds[0],
        end=bounds[1],
        all_day="date" in (item.get("start") or {}),
        location=place[2] if place else str(item.get("location", "")),
        description=str(item.get("description", "")),
        conference_links=links,
        status=Status.TENTATIVE if item.get("status") == "tentative" else Status.CONFIRMED,
        busy=availability in (Busy.BUSY, Busy.TENTATIVE, Busy.OUT_OF_OFFICE),
        availability=availability,
        series_id=item.get("recurringEventId"),
        calendar=source,
        url=str(item.get("htmlLink", "")),
        hints=tuple(hints),
        source=source,
        **_people(item, context.user_emails),
    )


def availability_of(item: dict[str, Any]) -> Busy:
    """How a Google entry holds its time: out of office is busy, working location is not,
    focus time and other entries by their ``transparency`` and ``status``."""
    event_type = item.get("eventType") or "default"
    if event_type == "outOfOffice":
        return Busy.OUT_OF_OFFICE
    if event_type == "workingLocation":
        return Busy.WORKING_ELSEWHERE
    if item.get("transparency") == "transparent":
        return Busy.FREE
    return Busy.TENTATIVE if item.get("status") == "tentative" else Busy.BUSY


def _google_time(value: datetime, all_day: bool, tz: ZoneInfo) -> dict[str, str]:
    """A date, or a date-time with its offset (the offset makes it one instant, also in the
    hour the clocks repeat; through UTC, a wall time the clocks skip becomes the one meant)."""
    if all_day:
        return {"date": value.astimezone(tz).date().isoformat()}
    return {"dateTime": value.astimezone(UTC).astimezone(tz).isoformat(), "timeZone": tz.key}


def to_google(event: Event, tz: ZoneInfo) -> dict[str, Any]:
    """The event resource ``events.import`` (a hold) or ``events.insert`` (an invitation)
    gets: keyed by ``iCalUID`` alone, never with an ``id`` too, as the API reference asks."""
    body: dict[str, Any] = {
        "iCalUID": event.uid,
        "summary": event.title,
        "start": _google_time(event.start, event.all_day, tz),
        "end": _google_time(event.end, event.all_day, tz),
        "extendedProperties": {"private": {"plannerUid": event.uid}},
    }
    if event.location:
        body["location"] = event.location
    if event.description:
        body["description"] = event.description
    if not event.busy:
        body["transparency"] = "transparent"
    if event.status is Status.TENTATIVE:
        body["status"] = "tentative"
    if event.attendees:
        body["attendees"] = [
            {
                "email": a.email,
                **({"displayName": a.name} if a.name else {}),
                **({"optional": True} if a.optional else {}),
                **({"resource": True} if a.is_resource else {}),
            }
            for a in event.attendees
        ]
    return body


#: what the planner writes of a hold written again (``events.patch``): everything else of the
#: user's copy (colour, reminders, attachments, conference, other apps' properties) stays
HOLD_FIELDS = ("summary", "location", "description", "attendees")
#: the private property of a hold that says how the planner's hold held its time when written
#: ("opaque confirmed"): a hold written again changes that only where the planner's changes
SHOWN = "plannerShown"
#: how every hold was written before the planner kept :data:`SHOWN`
SHOWN_BEFORE = {"transparency": "opaque", "status": "confirmed"}


def hold_body(event: Event, tz: ZoneInfo) -> dict[str, Any]:
    """The event resource ``events.import`` gets for a first hold: :func:`to_google`, and
    how it holds its time in the private property :data:`SHOWN`."""
    body = to_google(event, tz)
    body["extendedProperties"]["private"][SHOWN] = " ".join(_shown(event).values())
    return body


def hold_patch(event: Event, tz: ZoneInfo, there: dict[str, Any] | None = None) -> dict[str, Any]:
    """The ``events.patch`` body that makes the hold ``there`` (as read) ``event``: its title,
    time, place, notes, guests and the planner's private properties, and nothing else. A field
    the hold has not is cleared ("" or no guests). Whether it is busy (``transparency``) and
    tentative (``status``) is sent where the planner's hold changes it (from what it was when
    written, :data:`SHOWN`): a hold the user made free stays free while the planner's is
    busy as before."""
    body = hold_body(event, tz)
    patch: dict[str, Any] = {
        key: body.get(key, [] if key == "attendees" else "") for key in HOLD_FIELDS
    }
    before = _shown_when_written(there)
    changes = {key: value for key, value in _shown(event).items() if before.get(key) != value}
    extended = {"extendedProperties": body["extendedProperties"]}
    return patch | changes | _times(body) | extended


def _shown_when_written(there: dict[str, Any] | None) -> dict[str, str]:
    """How the planner's hold ``there`` held its time when it was written (:data:`SHOWN`)."""
    private = ((there or {}).get("extendedProperties") or {}).get("private") or {}
    said = str(private.get(SHOWN) or "").split()
    return dict(zip(SHOWN_BEFORE, said, strict=True)) if len(said) == 2 else SHOWN_BEFORE


def mirror_patch(event: Event, mark: SyncMark, tz: ZoneInfo) -> dict[str, Any]:
    """The ``events.patch`` body that makes a mirror or travel block there already ``event``
    with ``mark``: what the planner writes of one (:data:`providers.base.MIRROR_FIELDS`) and
    its private properties, merged into the event's (a patch merges objects field by field:
    other apps' properties stay). Nothing else: the colour, reminders, note, attachments and
    visibility the event has in the calendar stay."""
    body = to_google(event, tz)
    private = body["extendedProperties"]["private"]
    private.update({MARK: "1", MARK_KEY: mark.key, MARK_DIGEST: mark.digest})
    patch = {"summary": body["summary"], "location": body.get("location", "")}
    return patch | _shown(event) | _times(body) | {"extendedProperties": {"private": private}}


def _shown(event: Event) -> dict[str, str]:
    """How ``event`` holds its time, both ways spelled out (a patch keeps what it is not
    given: a hold or mirror made free, or tentative, and back)."""
    return {
        "transparency": "opaque" if event.busy else "transparent",
        "status": "tentative" if event.status is Status.TENTATIVE else "confirmed",
    }


def _times(body: dict[str, Any]) -> dict[str, Any]:
    """Start and end of the event resource ``body`` for a patch: the other kind of time
    dropped (``null``: a patch merges objects), so an event may turn all-day or timed."""
    return {
        key: {"date": None, "dateTime": None, "timeZone": None, **body[key]}
        for key in ("start", "end")
    }


def working_location(item: dict[str, Any], tz: ZoneInfo) -> tuple[date, date, str] | None:
    """First and last day and the place of a working-location entry, else ``None``."""
    if item.get("eventType") != "workingLocation" or item.get("status") == "cancelled":
        return None
    bounds = item_bounds(item, tz)
    if bounds is None:
        return None
    props = item.get("workingLocationProperties") or {}
    kind = props.get("type", "")
    if kind == "homeOffice":
        label = "home"
    elif kind == "officeLocation":
        office = props.get("officeLocation") or {}
        label = office.get("label") or office.get("buildingId") or "office"
    else:
        label = (props.get("customLocation") or {}).get("label") or item.get("summary") or kind
    last = bounds[1] - timedelta(microseconds=1) if bounds[1] > bounds[0] else bounds[1]
    return bounds[0].date(), last.date(), str(label)
