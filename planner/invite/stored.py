"""An :class:`Invitation` as the state database keeps it (the sent log, offers): JSON-ready
data whose times keep their IANA zone, read back leniently (a field added later is absent in
older rows)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from planner.invite.invitation import Invitation
from planner.model import Attendee, Geo, Purpose, Response


def invitation_to_json(inv: Invitation) -> dict[str, Any]:
    """``inv`` as JSON-ready data; times keep their IANA zone."""
    return {
        "title": inv.title,
        "start": _time_to_json(inv.start),
        "end": _time_to_json(inv.end),
        "organizer": _person_to_json(inv.organizer),
        "attendees": [_person_to_json(p) for p in inv.attendees],
        "location": inv.location,
        "venue_name": inv.venue_name,
        "venue_address": inv.venue_address,
        "geo": [inv.geo.lat, inv.geo.lon] if inv.geo else None,
        "purpose": inv.purpose.value if inv.purpose else None,
        "agenda": inv.agenda,
        "language": inv.language,
        "uid": inv.uid,
        "sequence": inv.sequence,
        "reminder_minutes": inv.reminder_minutes,
        "venue_hours": inv.venue_hours,
        "travel_hint": inv.travel_hint,
        "note": inv.note,
        "all_day": inv.all_day,
        "for_event": inv.for_event,
        "zone": inv.zone,
        "organizer_zone": inv.organizer_zone,
        "private": inv.private,
        "recurrence_id": inv.recurrence_id,
    }


def invitation_from_json(data: dict[str, Any]) -> Invitation:
    """The invitation kept as ``data``. An "own_text" kept by older versions (the description
    of the user's meeting an update carried) is left out: no text of the user's meeting goes
    into an invitation, nor into an update, cancellation or copy of one logged then."""
    return Invitation(
        title=data["title"],
        start=_time_from_json(data["start"]),
        end=_time_from_json(data["end"]),
        organizer=_person_from_json(data["organizer"]),
        attendees=tuple(_person_from_json(p) for p in data["attendees"]),
        location=data["location"],
        venue_name=data["venue_name"],
        venue_address=data["venue_address"],
        geo=Geo(*data["geo"]) if data["geo"] else None,
        purpose=Purpose(data["purpose"]) if data["purpose"] else None,
        agenda=data["agenda"],
        language=data["language"],
        uid=data["uid"],
        sequence=data["sequence"],
        reminder_minutes=data["reminder_minutes"],
        venue_hours=data.get("venue_hours", ""),
        travel_hint=data.get("travel_hint", ""),
        note=data.get("note", ""),
        all_day=bool(data.get("all_day", False)),
        for_event=_text(data.get("for_event")),  # none before; a bad value is as none
        zone=_zone_text(data.get("zone")),
        organizer_zone=_zone_text(data.get("organizer_zone")),  # none before
        private=data.get("private") is True,  # none before: public, as written then
        recurrence_id=_text(data.get("recurrence_id")),  # none before: a single meeting
    )


def _zone_text(value: object) -> str:
    """A stored zone name, or "" (none before; one this machine does not know is as none)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not isinstance(value, str) or not value:
        return ""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return ""
    return value


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _time_to_json(moment: datetime) -> list[str]:
    """The instant and its zone's name; a time typed with an offset (``+05:30``) and no zone
    name keeps its offset (it was shown as UTC on every later update)."""
    zone = getattr(moment.tzinfo, "key", None) or ""
    return [moment.astimezone(UTC).isoformat() if zone else moment.isoformat(), zone]


def _time_from_json(value: list[str]) -> datetime:
    moment = datetime.fromisoformat(value[0])
    return moment.astimezone(ZoneInfo(value[1])) if value[1] else moment


def _person_to_json(person: Attendee) -> dict[str, Any]:
    return {
        "email": person.email,
        "name": person.name,
        "resource": person.is_resource,
        "optional": person.optional,
    }


def _person_from_json(data: dict[str, Any]) -> Attendee:
    return Attendee(
        data["email"],
        data["name"],
        Response.NEEDS_ACTION,
        is_resource=data["resource"],
        optional=data["optional"],
    )
