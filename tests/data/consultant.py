"""A new user's week, as the issue tried it: a consultant in Hamburg, a train trip to a workshop
in Frankfurt, a prospect in Berlin met on Teams, clients in Hamburg (one deal to sign on Zoom),
places written as people write them (a Teams text, a venue without a postal code)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 6, 12, 0, tzinfo=TZ)  # Sunday: plain "week" plans 2026-W50
ME = "jan@consult-hh.example"
PROSPECT = "lena@startup-berlin.example"  # Berlin, never met
CLIENT = "tom@elbwerk.example"  # Hamburg, met at his office
OTHER_CLIENT = "maria@hafenlogistik.example"  # Hamburg
NAMES = {PROSPECT: "Lena Vogel", CLIENT: "Tom Berger", OTHER_CLIENT: "Maria Lange"}

_EVENTS = [
    # uid, start, end, title, location, attendee, extra lines
    ("past-1", "20261103T100000", "20261103T110000", "Projekt-Review Hafenlogistik",
     "Hafenlogistik GmbH\\, Große Elbstraße 145\\, 22767 Hamburg", OTHER_CLIENT, ""),
    ("past-2", "20261110T140000", "20261110T150000", "Abstimmung Elbwerk",
     "Elbwerk AG\\, Jungfernstieg 7\\, 20354 Hamburg", CLIENT, ""),
    ("mon-teams", "20261207T100000", "20261207T110000", "Kennenlernen Startup Berlin",
     "Microsoft Teams-Besprechung", PROSPECT,
     "DESCRIPTION:Microsoft Teams-Besprechung\\nJetzt teilnehmen https://teams.microsoft.com/"
     "l/meetup-join/19%3ameeting_abc\\nLena Vogel\\, +49 30 1234567\\, "
     "Torstraße 1\\, 10119 Berlin"),
    ("tue-train-out", "20261208T070000", "20261208T104000",
     "ICE 571 Hamburg Hbf → Frankfurt(Main)Hbf", "Hamburg Hbf", "", ""),
    ("tue-ffm", "20261208T130000", "20261208T150000", "Workshop Mainbank",
     "Mainzer Landstraße 50\\, 60325 Frankfurt am Main", "petra@mainbank.example", ""),
    ("tue-train-back", "20261208T170000", "20261208T204000",
     "ICE 578 Frankfurt(Main)Hbf → Hamburg Hbf", "Frankfurt(Main)Hbf", "", ""),
    ("wed-signing", "20261209T100000", "20261209T110000", "Vertragsunterzeichnung Elbwerk",
     "Zoom https://zoom.us/j/123456789", CLIENT, ""),
    ("wed-hafen", "20261209T140000", "20261209T150000", "Status Hafenlogistik",
     "Hafenlogistik GmbH\\, Große Elbstraße 145\\, 22767 Hamburg", OTHER_CLIENT, ""),
    ("thu-concert", "20261210T190000", "20261210T220000", "Konzert mit Kunden",
     "Elbphilharmonie Kaistudio", OTHER_CLIENT, ""),
]  # fmt: skip


def calendar_text() -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//planner tests//consultant//EN"]
    for uid, start, end, title, location, person, extra in _EVENTS:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}@consultant.test",
            "DTSTAMP:20261101T000000Z",
            f"DTSTART;TZID=Europe/Berlin:{start}",
            f"DTEND;TZID=Europe/Berlin:{end}",
            f"SUMMARY:{title}",
            f"LOCATION:{location}",
        ]
        if person:
            lines += [
                f"ORGANIZER;CN=Jan Meyer:mailto:{ME}",
                f"ATTENDEE;PARTSTAT=ACCEPTED;CN=Jan Meyer:mailto:{ME}",
                f"ATTENDEE;PARTSTAT=ACCEPTED;CN={NAMES.get(person, '')}:mailto:{person}"
                if person in NAMES
                else f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{person}",
            ]
        if extra:
            lines.append(extra)
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def write_calendar(folder: Path) -> Path:
    path = folder / "work.ics"
    path.write_text(calendar_text(), encoding="utf-8")
    return path
