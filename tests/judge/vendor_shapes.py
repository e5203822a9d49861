"""One event as three calendar apps hand it to planner, read through planner's own readers: an
iCalendar export (Thunderbird, Nextcloud, iCloud write it so), a Microsoft Graph item and a
Google Calendar API item. The judge's tests ask the same question of all three: a word read in
the title, the location or the user's text must not depend on the vendor's shape."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial

from planner.config.loader import default_config
from planner.ical.reader import events_from_ics
from planner.model import Event
from providers.base import ProviderContext
from providers.google_map import to_event as google_event
from providers.graph_events import to_event as graph_event
from tests.data.judged_events import TZ
from tests.judge.judging import judgement

ME = "nora.vogel@lindenwerk.example"
CONFIG = default_config(user={"email": ME, "domains": ["lindenwerk.example"]})
judged = partial(judgement, config=CONFIG)  # an event judged as the user of these shapes
START = datetime(2026, 12, 3, 10, tzinfo=TZ)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def as_ics(
    title: str, location: str = "", text: str = "", minutes: int = 60, guests: tuple[str, ...] = ()
) -> Event:
    end = START + timedelta(minutes=minutes)
    people = [f"ORGANIZER:mailto:{ME}", *(f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{g}" for g in guests)]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN",
        "BEGIN:VEVENT",
        f"UID:{abs(hash((title, location, text)))}@planner.test",
        f"DTSTART:{START.astimezone(UTC):%Y%m%dT%H%M%SZ}",
        f"DTEND:{end.astimezone(UTC):%Y%m%dT%H%M%SZ}",
        f"SUMMARY:{_escape(title)}",
        *([f"LOCATION:{_escape(location)}"] if location else []),
        *([f"DESCRIPTION:{_escape(text)}"] if text else []),
        *(people if guests else []),
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    data = "\r\n".join(lines).encode()
    window = (START - timedelta(days=1), START + timedelta(days=2))
    found = events_from_ics(data, source="t.ics", tz=TZ, start=window[0], end=window[1])
    return next(iter(found))


def as_graph(
    title: str, location: str = "", text: str = "", minutes: int = 60, guests: tuple[str, ...] = ()
) -> Event:
    end = START + timedelta(minutes=minutes)
    item = {
        "id": f"AAMk{abs(hash((title, location, text)))}",
        "iCalUId": f"040000008200E{abs(hash((title, text)))}",
        "subject": title,
        "start": {"dateTime": START.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000"),
                  "timeZone": "UTC"},
        "end": {"dateTime": end.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000"),
                "timeZone": "UTC"},
        "location": {"displayName": location, "locationType": "default"},
        "locations": [{"displayName": location, "locationType": "default"}] if location else [],
        "body": {"contentType": "text", "content": text},
        "organizer": {"emailAddress": {"name": "Nora Vogel", "address": ME}},
        "attendees": [
            {"emailAddress": {"name": "", "address": g}, "type": "required",
             "status": {"response": "accepted"}}
            for g in guests
        ],
        "showAs": "busy",
        "isOnlineMeeting": False,
    }  # fmt: skip
    found = graph_event(item, TZ, calendar="Calendar")
    assert found is not None
    return found


def as_google(
    title: str, location: str = "", text: str = "", minutes: int = 60, guests: tuple[str, ...] = ()
) -> Event:
    end = START + timedelta(minutes=minutes)
    item = {
        "kind": "calendar#event",
        "id": f"g{abs(hash((title, location, text)))}",
        "iCalUID": f"g{abs(hash((title, text)))}@google.com",
        "status": "confirmed",
        "summary": title,
        "start": {"dateTime": START.isoformat(), "timeZone": "Europe/Berlin"},
        "end": {"dateTime": end.isoformat(), "timeZone": "Europe/Berlin"},
        "organizer": {"email": ME, "self": True},
        "creator": {"email": ME, "self": True},
        "eventType": "default",
        **({"location": location} if location else {}),
        **({"description": text} if text else {}),
        **(
            {
                "attendees": [{"email": ME, "self": True, "responseStatus": "accepted"}]
                + [{"email": g, "responseStatus": "accepted"} for g in guests]
            }
            if guests
            else {}
        ),
    }
    context = ProviderContext(tz=TZ, user_emails=frozenset({ME}))
    found = google_event(item, context, source="google", calendar_id=ME)
    assert found is not None
    return found


SHAPES: tuple[Callable[..., Event], ...] = (as_ics, as_graph, as_google)
