"""A professional's world for the keep-in-touch tests: Anna in Munich, people in Hamburg,
Berlin and Köln (in a vCard file and in a second address book), a year of calendar history
and next week's trip to Hamburg (flight, hotel, a client meeting there), with venues in
Hamburg and Munich.

Everything is placed relative to "now" (default :data:`NOW`, Monday 2026-11-30 08:00
Europe/Berlin; the CLI tests pass the real clock): the trip is Tuesday to Thursday of the week
after "now".
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from datetime import date as _date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from planner.model import Attendee, Contact, Event, PostalAddress, Response
from tests.providers.vcards import vcard

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 30, 8, 0, tzinfo=TZ)
ANNA = "anna@berger-consulting.example"


def next_monday(now: datetime) -> date:
    today = now.astimezone(TZ).date()
    return today + timedelta(days=7 - today.weekday())


TRIP_MONDAY = next_monday(NOW)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=TZ)


HAMBURG = PostalAddress("Steindamm 17", "Hamburg", "", "20099", "Germany", "work")
HAMBURG_2 = PostalAddress("Speicherstadt 5", "Hamburg", "", "20457", "Germany", "work")
LUEBECK = PostalAddress("Am Kai 3", "Lübeck", "", "23552", "Germany", "home")
BERLIN = PostalAddress("Friedrichstraße 100", "Berlin", "", "10117", "Germany", "work")
KOELN = PostalAddress("Domkloster 4", "Köln", "", "50667", "Germany", "work")

LENA = Contact(
    "lena",
    "Lena Hansen",
    ("lena@hafenlogistik.example",),
    "Hafenlogistik GmbH",
    (HAMBURG,),
    ("Kunden",),
)
# Ole works in Hamburg and lives in Lübeck: a person with two cities
OLE = Contact(
    "ole", "Ole Brandt", ("ole@nordreederei.example",), "Nordreederei AG", (HAMBURG_2, LUEBECK), ()
)
MAJA = Contact(
    "maja", "Maja Kruse", ("maja@elbkapital.example",), "Elbkapital", (HAMBURG,), ("Investoren",)
)
JONAS = Contact(
    "jonas", "Jonas Müller", ("jonas@spree.example",), "Spree & Partner", (BERLIN,), ("Kunden",)
)
KIM = Contact("kim", "Kim Schäfer", ("kim@rhein.example",), "Rhein Möbel AG", (KOELN,), ())
TOM = Contact(
    "tom", "Tom Weber", ("tom@hafenlogistik.example",), "Hafenlogistik GmbH", (HAMBURG,), ()
)  # Lena's colleague: the organisation's rhythm

CONTACTS_FILE = (LENA, OLE, JONAS)  # the vCard file
CONTACTS_BOOK = (MAJA, KIM, TOM)  # the second address book (CardDAV, Google or Graph)


def meeting(
    uid: str, title: str, start: datetime, minutes: int, location: str, *people: Contact
) -> Event:
    return Event(
        uid=f"{uid}@scenario.test",
        title=title,
        start=start,
        end=start + timedelta(minutes=minutes),
        location=location,
        organizer=Attendee(ANNA, "Anna Berger", Response.ACCEPTED),
        attendees=(Attendee(ANNA, "Anna Berger", Response.ACCEPTED),)
        + tuple(Attendee(p.emails[0], p.name, Response.ACCEPTED) for p in people),
    )


def placed(day: date, now: datetime = NOW) -> date:
    """``day`` of the scenario as placed around ``now`` (as far before now's day as it is
    before :data:`NOW`'s)."""
    return now.astimezone(TZ).date() - (NOW.date() - day)


def history(now: datetime = NOW) -> list[Event]:
    """A year of meetings: Lena met in person 8 months ago, Ole only by video, Maja never,
    Jonas in person last month, Kim in person yesterday, Tom (Lena's colleague) by video."""
    zoom = "https://zoom.us/j/123456789"

    def date(year: int, month: int, day: int) -> Any:
        return placed(_date(year, month, day), now)

    return [
        meeting(
            "lena-visit",
            "Besuch Hafenlogistik",
            at(date(2026, 3, 24), 10),
            90,
            "Steindamm 17, 20099 Hamburg",
            LENA,
        ),
        meeting("lena-call", "Hafenlogistik Jour fixe", at(date(2026, 10, 6), 9), 30, zoom, LENA),
        meeting("ole-call-1", "Nordreederei Abstimmung", at(date(2026, 6, 2), 14), 45, zoom, OLE),
        meeting("ole-call-2", "Nordreederei Update", at(date(2026, 10, 20), 14), 45, zoom, OLE),
        meeting("tom-call", "Hafenlogistik IT", at(date(2026, 9, 15), 11), 30, zoom, TOM),
        meeting(
            "jonas-lunch",
            "Mittagessen Spree & Partner",
            at(date(2026, 10, 28), 12),
            90,
            "Friedrichstraße 100, 10117 Berlin",
            JONAS,
        ),
        meeting(
            "kim-visit",
            "Rhein Möbel vor Ort",
            at(date(2026, 11, 29), 10),
            60,
            "Domkloster 4, 50667 Köln",
            KIM,
        ),
    ]


def trip(now: datetime = NOW) -> list[Event]:
    """Next week's trip to Hamburg: the flight there on Tuesday morning, the hotel two nights,
    a client workshop on Wednesday morning, the flight back on Thursday evening."""
    monday = next_monday(now)
    tue, wed, thu = (monday + timedelta(days=n) for n in (1, 2, 3))
    return [
        Event(
            "flight-out@scenario.test",
            "Flug LH 2074 MUC → HAM",
            at(tue, 7, 0),
            at(tue, 8, 20),
            location="Flughafen München",
        ),
        Event(
            "hotel@scenario.test",
            "Hotel check-in: Hotel Atlantic",
            at(tue, 15, 0),
            at(tue, 15, 30),
            location="An der Alster 72, 20099 Hamburg",
        ),
        Event(
            "hotel-out@scenario.test",
            "Hotel check-out: Hotel Atlantic",
            at(thu, 11, 0),
            at(thu, 11, 30),
            location="An der Alster 72, 20099 Hamburg",
        ),
        meeting(
            "workshop",
            "Workshop Reederei Nord",
            at(wed, 9),
            180,
            "Große Elbstraße 145, 22767 Hamburg",
        ),
        Event(
            "flight-back@scenario.test",
            "Flug LH 2083 HAM → MUC",
            at(thu, 18, 0),
            at(thu, 19, 15),
            location="Hamburg Airport",
        ),
    ]


VENUES = """
[[venue]]
name = "Café an der Alster"
kind = "cafe"
lat = 53.5560
lon = 10.0070
address = "An der Alster 60, 20099 Hamburg"
city = "Hamburg"
opening_hours = "Mo-Su 07:00-20:00"

[[venue]]
name = "Restaurant Speicherblick"
kind = "restaurant"
lat = 53.5440
lon = 9.9930
address = "Am Sandtorkai 5, 20457 Hamburg"
city = "Hamburg"
opening_hours = "Mo-Su 11:30-23:00"

[[venue]]
name = "Hotel Atlantic Lounge"
kind = "hotel_lounge"
lat = 53.5573
lon = 10.0055
address = "An der Alster 72, 20099 Hamburg"
city = "Hamburg"
opening_hours = "Mo-Su 06:30-24:00"

[[venue]]
name = "Café Luitpold"
kind = "cafe"
lat = 48.1431
lon = 11.5746
address = "Brienner Str. 11, 80333 München"
city = "München"
opening_hours = "Mo-Sa 08:00-19:00"
"""


def calendar_ics(events: list[Event]) -> bytes:
    """One VCALENDAR with every event and the zones they need."""
    import icalendar

    from planner.ical.writing import event_to_vevent

    cal = icalendar.Calendar()
    cal.add("PRODID", "-//scenario//EN")
    cal.add("VERSION", "2.0")
    for event in events:
        cal.add_component(event_to_vevent(event))
    cal.add_missing_timezones(first_date=date(2025, 1, 1), last_date=date(2028, 1, 1))
    return cal.to_ical()


def write_home(root: Path, *, book: str = "", extra: str = "", now: datetime = NOW) -> Path:
    """The files of a fresh home: calendar, vCard file, venues and the config (``book``: a
    second ``[[addressbooks]]`` table). Returns the config path."""
    root.mkdir(parents=True, exist_ok=True)
    calendar = root / "work.ics"
    calendar.write_bytes(calendar_ics(history(now) + trip(now)))
    (root / "contacts.vcf").write_text("".join(vcard(c) for c in CONTACTS_FILE), encoding="utf-8")
    (root / "venues.toml").write_text(VENUES, encoding="utf-8")
    config = root / "config.toml"
    config.write_text(
        f"""
[user]
name = "Anna Berger"
email = "{ANNA}"
timezone = "Europe/Berlin"
home = "Leopoldstraße 10, 80802 München"
language = "en"

[working_hours]
monday = "09:00-18:00"
tuesday = "09:00-18:00"
wednesday = "09:00-18:00"
thursday = "09:00-18:00"
friday = "09:00-17:00"

[relations]
key_accounts = ["rhein.example"]
visit_due_days = 60

[venues]
files = ["{root / "venues.toml"}"]

[[calendars]]
name = "work"
provider = "ics"
path = "{calendar}"

[[addressbooks]]
name = "file"
provider = "vcard"
path = "{root / "contacts.vcf"}"
{book}

[[people]]
tag = "Kunden"
rhythm = "every 3 months"

[[people]]
tag = "Investoren"
rhythm = "6 weeks"

[[people]]
email = "ole@nordreederei.example"
rhythm = "alle 2 Monate"

[[people]]
domain = "hafenlogistik.example"
rhythm = "quarterly"
{extra}
""",
        encoding="utf-8",
    )
    return config
