"""A realistic professional's calendar, written by the tests: long German titles, long places,
Zoom and Teams links with passwords, names with umlauts, a train at 06:58, a hotel in Hamburg,
a three-day fair, the dentist, focus time, out of office; and a venue catalog with long names.

Week 2026-W50 (Monday 7 December 2026) is the week shown; October and November hold the
history the contact ledger is built from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

WEEK = "2026-W50"
MONDAY = date(2026, 12, 7)
ME = "anna.berger@berger-consulting.example"
ZOOM = "https://us06web.zoom.us/j/89412345678?pwd=aBcDeFgH12345IjKlMnOpQrStUvWx.1"
TEAMS = (
    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA4ZGQ0ZTgtYjM1Ny00%40thread.v2/0"
    "?context=%7b%22Tid%22%3a%2272f988bf%22%7d&tk=TeamsSecretToken0815"
)
WEBEX = "https://acme.webex.com/acme/j.php?MTID=m0123456789abcdef&pwd=WebexGeheim42"
#: Every secret in the calendar: none may reach a page or a table.
SECRETS = ("aBcDeFgH12345IjKlMnOpQrStUvWx", "TeamsSecretToken0815", "WebexGeheim42", "4711-0815")
PEOPLE = {
    "juergen": ("Jürgen Müller-Lüdenscheidt", "j.mueller@schaefer-logistik.example"),
    "zoe": ("Zoë Schäfer", "zoe.schaefer@schaefer-logistik.example"),
    "oemer": ("Ömer Öztürk", "oemer.oeztuerk@isar-maschinenbau.example"),
    "bjoern": ("Dr. Björn Weißmüller", "b.weissmueller@weissmueller-partner.example"),
    "francoise": ("Françoise Lefèvre", "f.lefevre@groupe-lumiere.example"),
}
#: The short meeting whose full title the HTML grid must show (15 minutes).
SHORT_TITLE = "Abstimmung Angebotsunterlagen Rahmenvertrag Müller & Söhne"
LONG_TITLE = (
    "Quartalsgespräch Vertriebspartnerschaft Süddeutschland – Überprüfung der "
    "Zielvereinbarungen und Budgetplanung 2027"
)


@dataclass(frozen=True)
class Entry:
    uid: str
    title: str
    start: datetime | date
    end: datetime | date
    location: str = ""
    description: str = ""
    people: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute)


def week_entries() -> list[Entry]:
    """The week shown: Monday 7 to Sunday 13 December 2026."""
    return [
        Entry("train-1", "ICE 583 München Hbf → Hamburg-Altona", _at(7, 6, 58), _at(7, 12, 59),
              "München Hbf, Gleis 18", "Wagen 7, Platz 45. Buchungscode: Q7XK2P"),
        Entry("fair-1", "transport logistic – Internationale Fachmesse für Logistik, Mobilität, "
              "IT und Supply Chain Management", date(2026, 12, 7), date(2026, 12, 10),
              "Hamburg Messe und Congress, Messeplatz 1, 20357 Hamburg"),
        Entry("short-1", SHORT_TITLE, _at(7, 9, 30), _at(7, 9, 45), TEAMS,
              "Meeting-ID: 312 456 789\nPasscode: 4711-0815", ("juergen", "zoe")),
        Entry("zoom-1", LONG_TITLE, _at(7, 13, 30), _at(7, 14, 30), ZOOM,
              "Zoom-Meeting beitreten", ("zoe",)),
        Entry("hotel-in", "Check-in: Hotel Atlantic Kempinski Hamburg", _at(7, 15, 0),
              _at(7, 15, 30), "Hotel Atlantic Kempinski, An der Alster 72-79, 20099 Hamburg",
              "Reservierungsnummer 99812733"),
        Entry("dentist", "Zahnarzt Dr. Öztürk-Schöneberg", _at(7, 17, 0), _at(7, 17, 45),
              "Praxis am Jungfernstieg, Neuer Jungfernstieg 5, 20354 Hamburg"),
        Entry("dinner-1", "Geschäftsessen mit Dr. Björn Weißmüller (Weißmüller & Partner "
              "Steuerberatungsgesellschaft mbH)", _at(7, 19, 0), _at(7, 21, 0),
              "Restaurant Haerlin im Hotel Vier Jahreszeiten, Neuer Jungfernstieg 9-14, "
              "20354 Hamburg", people=("bjoern",)),
        Entry("focus-1", "Fokuszeit – Angebot Schäfer Logistik schreiben", _at(8, 8, 0),
              _at(8, 10, 0)),
        Entry("first-1", "Erstgesprächsvorbereitungsrunde Groupe Lumière (Françoise Lefèvre)",
              _at(8, 11, 0), _at(8, 12, 0), WEBEX, people=("francoise",)),
        Entry("hotel-out", "Check-out: Hotel Atlantic Kempinski Hamburg", _at(9, 11, 0),
              _at(9, 11, 30), "Hotel Atlantic Kempinski, An der Alster 72-79, 20099 Hamburg"),
        Entry("train-2", "ICE 1086 Hamburg Hbf → München Hbf", _at(9, 13, 1), _at(9, 18, 55),
              "Hamburg Hbf, Gleis 14", "Wagen 11, Platz 82"),
        Entry("visit-1", "Kundenbesuch Isar Maschinenbau – Werksführung und Abnahme der "
              "Fertigungslinie 4", _at(10, 10, 0), _at(10, 12, 30),
              "Isar Maschinenbau GmbH, Lichtenbergstraße 8, 85748 Garching bei München",
              people=("oemer",)),
        Entry("ooo-1", "Urlaub", date(2026, 12, 11), date(2026, 12, 12),
              extra=("X-MICROSOFT-CDO-BUSYSTATUS:OOF", "TRANSP:OPAQUE")),
        Entry("declined-1", "Messerundgang mit Schäfer Logistik (abgesagt)", _at(7, 11, 0),
              _at(7, 12, 0), "Hamburg Messe, Halle B4",
              extra=(f"ORGANIZER;CN=Zoë Schäfer:mailto:{PEOPLE['zoe'][1]}",
                     f"ATTENDEE;CN=Anna Berger;PARTSTAT=DECLINED:mailto:{ME}")),
    ]  # fmt: skip


def history_entries() -> list[Entry]:
    """Meetings of October and November: the ledger's history."""
    entries = []
    for number, (day, who) in enumerate([(5, "zoe"), (19, "zoe"), (26, "juergen")]):
        start = datetime(2026, 10, day, 10, 0)
        title = "Jour fixe Vertriebspartnerschaft Süddeutschland"
        end = start + timedelta(hours=1)
        entries.append(Entry(f"past-{number}", title, start, end, ZOOM, people=(who, "juergen")))
    start = datetime(2026, 11, 12, 12, 0)
    entries.append(Entry("past-lunch", "Mittagessen mit Ömer Öztürk", start,
                         start + timedelta(hours=1, minutes=30),
                         "Wirtshaus am Viktualienmarkt, Viktualienmarkt 4, 80331 München",
                         people=("oemer",)))  # fmt: skip
    return entries


def _stamp(value: datetime | date) -> str:
    if isinstance(value, datetime):
        return f";TZID=Europe/Berlin:{value:%Y%m%dT%H%M%S}"
    return f";VALUE=DATE:{value:%Y%m%d}"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ics(entries: list[Entry]) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//planner tests//realistic//DE"]
    for entry in entries:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{entry.uid}@realistic.example",
            "DTSTAMP:20261101T080000Z",
            f"DTSTART{_stamp(entry.start)}",
            f"DTEND{_stamp(entry.end)}",
            f"SUMMARY:{_escape(entry.title)}",
        ]
        if entry.location:
            lines.append(f"LOCATION:{_escape(entry.location)}")
        if entry.description:
            lines.append(f"DESCRIPTION:{_escape(entry.description)}")
        if entry.people:
            lines.append(f"ORGANIZER;CN=Anna Berger:mailto:{ME}")
            for key in entry.people:
                name, address = PEOPLE[key]
                lines.append(f'ATTENDEE;CN="{name}";PARTSTAT=ACCEPTED:mailto:{address}')
        lines += list(entry.extra)
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


VENUES = """
[[venue]]
name = "Lounge im Hotel Bayerischer Hof – Falk's Bar und Wintergarten am Promenadeplatz"
kind = "hotel_lounge"
lat = 48.1403
lon = 11.5734
address = "Promenadeplatz 2-6, 80333 München"
city = "München"
opening_hours = "Mo-Su 12:00-01:00"
tags = ["quiet", "wifi"]

[[venue]]
name = "Café Luitpold – Konditorei, Café und Bar im Luitpoldblock"
kind = "cafe"
lat = 48.1437
lon = 11.5757
address = "Brienner Straße 11, 80333 München"
city = "München"
opening_hours = "Mo-Fr 08:00-19:00; Sa 09:00-19:00; Su,PH off"

[[venue]]
name = "Wirtshaus am Viktualienmarkt"
kind = "restaurant"
lat = 48.1351
lon = 11.5762
address = "Viktualienmarkt 4, 80331 München"
city = "München"
opening_hours = "Mo-Sa 11:00-23:00"
"""


def write(folder: Path, language: str = "en") -> Path:
    """The calendar, the venue catalog and a config reading them; returns the config's path."""
    folder.mkdir(parents=True, exist_ok=True)
    calendar = folder / "work.ics"
    calendar.write_text(ics(history_entries() + week_entries()), encoding="utf-8")
    venues = folder / "venues.toml"
    venues.write_text(VENUES, encoding="utf-8")
    config = folder / "config.toml"
    config.write_text(
        f'[user]\nname = "Anna Berger"\nemail = "{ME}"\ntimezone = "Europe/Berlin"\n'
        f'home = "München"\ndomains = ["berger-consulting.example"]\nlanguage = "{language}"\n'
        f'[venues]\nfiles = ["{venues}"]\n'
        f'[[calendars]]\nname = "Arbeit – Anna Berger (Büro München)"\nprovider = "ics"\n'
        f'path = "{calendar}"\n',
        encoding="utf-8",
    )
    return config
