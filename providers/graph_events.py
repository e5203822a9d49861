"""Microsoft Graph's event JSON and :mod:`planner.model`, both ways: ``dateTimeTimeZone`` values
(Windows and IANA zone names), events with their people, places, links and vendor hints, and
HTML bodies read as text.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, date, datetime
from datetime import time as dtime
from html.parser import HTMLParser
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner.ical.wallclock import writable
from planner.model import Attendee, Busy, Event, Geo, Response, Status

log = logging.getLogger("planner")


# --- Graph's dateTimeTimeZone -------------------------------------------------------------


def zone_from_name(name: str) -> ZoneInfo | None:
    """An IANA zone for a Graph time zone name, which is IANA or Windows (``W. Europe …``)."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long
        pass
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    olson = WINDOWS_TO_OLSON.get(name.strip())
    if olson is None and name.upper() in ("UTC", "GMT", "COORDINATED UNIVERSAL TIME"):
        return ZoneInfo("UTC")
    return ZoneInfo(olson) if olson else None


def parse_datetime(value: Mapping[str, Any], tz: ZoneInfo) -> datetime:
    """The instant ``{"dateTime": "…", "timeZone": "…"}`` names, in the user's zone ``tz``.

    The provider asks Graph for UTC (``Prefer: outlook.timezone="UTC"``): a wall time in a
    zone's name has no offset, and one in the hour the clocks repeat could be either. An answer
    in a named zone is still read (a wall time it repeats as the first, RFC 5545 §3.3.5); an
    unknown zone name is read as ``tz``.
    """
    text = str(value.get("dateTime") or "")
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone_from_name(str(value.get("timeZone") or "")) or tz)
    return moment.astimezone(tz)


def parse_day(value: Mapping[str, Any], tz: ZoneInfo) -> datetime:
    """Local midnight in ``tz`` of the date an all-day start or end names."""
    text = str(value.get("dateTime") or value.get("date") or "")
    day = date.fromisoformat(text[:10])
    return datetime.combine(day, dtime(0), tzinfo=tz)


def format_datetime(moment: datetime, tz: ZoneInfo) -> dict[str, str]:
    """``{"dateTime", "timeZone"}`` for a request body, in zone ``tz`` (IANA name); in UTC
    where the wall time would not name one instant (a time the clocks skip is written as the
    instant it means, one they repeat in UTC: :func:`planner.ical.wallclock.writable`)."""
    local = writable(moment, tz)
    zone = "UTC" if local.tzinfo is UTC else str(tz.key)
    return {"dateTime": local.replace(tzinfo=None).isoformat(timespec="seconds"), "timeZone": zone}


def query_time(moment: datetime) -> str:
    """A timestamp for ``startDateTime``/``endDateTime`` query parameters (UTC, ISO 8601)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- Graph event JSON ↔ planner.model ----------------------------------------------------

_RESPONSES = {
    "accepted": Response.ACCEPTED,
    "organizer": Response.ACCEPTED,
    "declined": Response.DECLINED,
    "tentativelyaccepted": Response.TENTATIVE,
    "notresponded": Response.NEEDS_ACTION,
    "none": Response.NEEDS_ACTION,
}
NOT_BUSY = frozenset({"free", "workingelsewhere"})
SHOW_AS = {  # Graph freeBusyStatus (lower case) → Busy; "unknown" counts as busy
    "free": Busy.FREE,
    "tentative": Busy.TENTATIVE,
    "busy": Busy.BUSY,
    "oof": Busy.OUT_OF_OFFICE,
    "workingelsewhere": Busy.WORKING_ELSEWHERE,
}


def to_event(
    item: Mapping[str, Any], tz: ZoneInfo, *, calendar: str, uid: str | None = None
) -> Event | None:
    """A :class:`planner.model.Event` from a Graph event, or None for a cancelled one.

    ``uid`` overrides the ``iCalUId`` (events the planner created itself keep its own uid).
    """
    if item.get("isCancelled"):
        return None
    all_day = bool(item.get("isAllDay"))
    if all_day:
        start, end = parse_day(item["start"], tz), parse_day(item["end"], tz)
    else:
        start, end = parse_datetime(item["start"], tz), parse_datetime(item["end"], tz)
    show_as = str(item.get("showAs") or "busy").lower()
    location, geo = _location(item)
    response = (item.get("responseStatus") or {}).get("response")
    return Event(
        uid=uid or str(item.get("iCalUId") or item.get("uid") or item["id"]),
        title=str(item.get("subject") or ""),
        start=start,
        end=end,
        all_day=all_day,
        location=location,
        description=_description(item),
        organizer=_person(item.get("organizer"), Response.ACCEPTED),
        attendees=tuple(a for a in map(_attendee, item.get("attendees") or ()) if a),
        conference_links=_links(item),
        status=Status.TENTATIVE if show_as == "tentative" else Status.CONFIRMED,
        busy=show_as not in NOT_BUSY,
        availability=SHOW_AS.get(show_as, Busy.BUSY),
        series_id=item.get("seriesMasterId") or None,
        calendar=calendar,
        url=str(item.get("webLink") or ""),
        geo=geo,
        hints=_hints(item) + _response_times(item),
        source=calendar,
        self_response=_RESPONSES.get(str(response).lower())
        if response not in (None, "none")
        else None,
    )


def _response_times(item: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """``("RESPONSE-TIME;<address>", time)`` for each attendee who answered: Graph keeps the
    last response when the meeting moves, so its time tells which revision it answers."""
    found = []
    for value in item.get("attendees") or ():
        status = (value or {}).get("status") or {}
        address = str(((value or {}).get("emailAddress") or {}).get("address") or "").lower()
        moment = str(status.get("time") or "")
        if address and moment[:4].isdigit() and moment[:4] >= "1970":
            found.append((f"RESPONSE-TIME;{address}", moment))
    return tuple(found)


def _person(value: Any, response: Response) -> Attendee | None:
    address = (value or {}).get("emailAddress") or {}
    email = str(address.get("address") or "")
    if not email:
        return None
    return Attendee(email=email, name=str(address.get("name") or ""), response=response)


def _attendee(value: Mapping[str, Any]) -> Attendee | None:
    answer = str((value.get("status") or {}).get("response") or "none").lower()
    person = _person(value, _RESPONSES.get(answer, Response.NEEDS_ACTION))
    if person is None:
        return None
    kind = str(value.get("type") or "required").lower()
    return Attendee(
        person.email,
        person.name,
        person.response,
        is_resource=kind == "resource",
        optional=kind == "optional",
    )


def _location(item: Mapping[str, Any]) -> tuple[str, Geo | None]:
    main = item.get("location") or {}
    others = [loc for loc in item.get("locations") or () if isinstance(loc, Mapping)]
    name = str(main.get("displayName") or "").strip()
    if not name and others:
        name = "; ".join(str(o.get("displayName") or "") for o in others if o.get("displayName"))
    parts = [name] if name else []
    for piece in _address_parts(main.get("address") or {}):
        if piece.casefold() not in name.casefold():
            parts.append(piece)
    geo = next(filter(None, (_geo(loc) for loc in [main, *others])), None)
    return ", ".join(parts), geo


def _address_parts(address: Mapping[str, Any]) -> list[str]:
    street = str(address.get("street") or "").strip()
    city = " ".join(
        str(address.get(k) or "").strip() for k in ("postalCode", "city") if address.get(k)
    )
    country = str(address.get("countryOrRegion") or "").strip()
    return [p for p in (street, city, country) if p]


def _geo(location: Mapping[str, Any]) -> Geo | None:
    coordinates = location.get("coordinates") or {}
    lat, lon = coordinates.get("latitude"), coordinates.get("longitude")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    if (lat, lon) == (0, 0) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return Geo(float(lat), float(lon))


def _description(item: Mapping[str, Any]) -> str:
    body = item.get("body") or {}
    content = str(body.get("content") or "")
    if content and str(body.get("contentType") or "").lower() == "html":
        content = html_to_text(content)
    return content.strip() or str(item.get("bodyPreview") or "").strip()


def _links(item: Mapping[str, Any]) -> tuple[str, ...]:
    found = [
        (item.get("onlineMeeting") or {}).get("joinUrl"),
        item.get("onlineMeetingUrl"),
    ]
    return tuple(dict.fromkeys(str(u) for u in found if u))


def _hints(item: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    hints: list[tuple[str, str]] = []
    if isinstance(item.get("isOnlineMeeting"), bool):
        hints.append(("graph.isOnlineMeeting", str(item["isOnlineMeeting"]).lower()))
    if item.get("onlineMeetingProvider"):
        hints.append(("graph.onlineMeetingProvider", str(item["onlineMeetingProvider"])))
    kinds = [
        str(loc.get("locationType"))
        for loc in [item.get("location") or {}, *(item.get("locations") or ())]
        if isinstance(loc, Mapping) and loc.get("locationType")
    ]
    special = [k for k in kinds if k != "default"]
    if kinds:
        hints.append(("graph.locationType", (special or kinds)[0]))
    if toll := (item.get("onlineMeeting") or {}).get("tollNumber"):
        hints.append(("graph.onlineMeeting.tollNumber", str(toll)))
    if item.get("type"):
        hints.append(("graph.type", str(item["type"])))
    if original := _original_start(item):  # keys a correction to the occurrence
        hints.append(("RECURRENCE-ID", original))
    if str(item.get("sensitivity") or "").lower() in ("private", "confidential"):
        hints.append(("graph.sensitivity", str(item["sensitivity"]).lower()))
    return tuple(hints)


def _original_start(item: Mapping[str, Any]) -> str:
    """An occurrence's original start (Graph ``originalStart``) in UTC ISO form, or ``""``."""
    value = str(item.get("originalStart") or "")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return ""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).isoformat()


def to_graph(event: Event, tz: ZoneInfo, transaction: str, *, send_updates: bool) -> dict:
    """The JSON body that creates ``event`` with ``POST /events``."""
    if event.all_day:
        start = {"dateTime": f"{event.start.astimezone(tz).date()}T00:00:00", "timeZone": tz.key}
        end = {"dateTime": f"{event.end.astimezone(tz).date()}T00:00:00", "timeZone": tz.key}
    else:
        start, end = format_datetime(event.start, tz), format_datetime(event.end, tz)
    show_as = "busy" if event.busy else "free"
    if event.busy and event.status is Status.TENTATIVE:
        show_as = "tentative"
    body: dict[str, Any] = {
        "subject": event.title,
        "body": {"contentType": "text", "content": event.description},
        "start": start,
        "end": end,
        "isAllDay": event.all_day,
        "showAs": show_as,
        "transactionId": transaction,
    }
    if event.location:
        body["location"] = {"displayName": event.location}
        if event.geo:
            body["location"]["coordinates"] = {
                "latitude": event.geo.lat,
                "longitude": event.geo.lon,
            }
    if send_updates and event.attendees:
        body["attendees"] = [_graph_attendee(a) for a in event.attendees]
        body["responseRequested"] = True
    return body


def _graph_attendee(person: Attendee) -> dict[str, Any]:
    kind = "resource" if person.is_resource else "optional" if person.optional else "required"
    return {"emailAddress": {"address": person.email, "name": person.name}, "type": kind}


# --- HTML bodies ----------------------------------------------------------------------------

_BLOCKS = frozenset({"br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table"})
_SKIP = frozenset({"head", "style", "script", "title"})


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.href: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCKS:
            self.out.append("\n")
        elif tag == "a":
            self.href.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.out.append("\n")
        elif tag == "a" and self.href:
            href = self.href.pop().strip()
            if href.startswith(("http://", "https://", "tel:")):
                self.out.append(f" <{href}>")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data)


def html_to_text(html: str) -> str:
    """Readable text from an HTML body; links keep their target as ``text <url>``."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = (
        " ".join(line.replace("\xa0", " ").split()) for line in "".join(parser.out).split("\n")
    )
    return "\n".join(line for line in lines if line)
