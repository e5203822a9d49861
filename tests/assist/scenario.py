"""A professional's week for the tool server's tests, written here: a first contact on Teams,
a lunch at a Munich address, a French phone call, a German Telefonat, an in-person meeting
months ago; dated from today, so the agenda (which counts from the real "now") sees them."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Europe/Berlin")
ME = "anna@berger-consulting.example"
LENA = "lena.hansen@hafenlogistik.example"
BOB = "bob@acme.example"


def first_day() -> date:
    """The day of the scenario's first meeting: the day after tomorrow, or the Monday after
    when that is a Sunday, so that both of its days lie in one week (run on a Friday, the
    week of a Sunday lacked the Monday's meetings)."""
    day = datetime.now(TZ).date() + timedelta(days=2)
    return day + timedelta(days=1) if day.weekday() == 6 else day


def _event(uid: str, title: str, day: date, start: time, minutes: int, where: str,
           who: str, description: str = "") -> str:  # fmt: skip
    begin = datetime.combine(day, start)
    end = begin + timedelta(minutes=minutes)
    lines = [
        "BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20260101T000000Z",
        f"DTSTART;TZID=Europe/Berlin:{begin:%Y%m%dT%H%M%S}",
        f"DTEND;TZID=Europe/Berlin:{end:%Y%m%dT%H%M%S}",
        f"SUMMARY:{title}", f"LOCATION:{where}", f"ORGANIZER;CN=Anna Berger:mailto:{ME}",
        f"ATTENDEE;CN=Anna Berger;PARTSTAT=ACCEPTED:mailto:{ME}",
        f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{who}",
    ]  # fmt: skip
    if description:
        lines.append(f"DESCRIPTION:{description}")
    return "\r\n".join([*lines, "END:VEVENT"])


def calendar(day: date | None = None) -> str:
    day = day or first_day()
    teams = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0"
    events = [
        _event("erst-1@test", "Erstgespräch Hafenlogistik", day, time(10), 60,
               "Microsoft Teams-Besprechung", LENA, f"Teams beitreten: {teams}"),
        _event("lunch-1@test", "Mittagessen mit Bob", day + timedelta(days=1), time(12, 30), 60,
               "Spatenhaus an der Oper\\, Residenzstraße 12\\, 80539 München", BOB),
        _event("tel-1@test", "Réunion téléphonique avec Claire", day, time(15), 30,
               "Téléphone : +33 4 72 00 00 00", "claire@lyon-conseil.example"),
        _event("tel-2@test", "Telefonat Vertragsverlängerung", day + timedelta(days=1),
               time(16), 30, "Telefon", "jonas@bayvers.example"),
        _event("old-1@test", "Lunch with Bob", day - timedelta(days=120), time(12), 60,
               "Trattoria Lehel\\, Thierschstraße 12\\, 80538 München", BOB),
    ]  # fmt: skip
    return "\r\n".join(
        ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//planner tests//scenario//EN", *events,
         "END:VCALENDAR", ""]
    )  # fmt: skip


def write_config(home: Path, *, extra: str = "", smtp_port: int | None = None) -> Path:
    """The scenario's config at $PLANNER_CONFIG, its calendar next to it."""
    import os

    config = Path(os.environ["PLANNER_CONFIG"])
    config.parent.mkdir(parents=True, exist_ok=True)
    ics = home / "work.ics"
    ics.write_text(calendar(), encoding="utf-8")
    hours = "\n".join(f'{d} = "07:00-21:00"' for d in (
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))  # fmt: skip
    smtp = (
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "none"\n' if smtp_port else ""
    )
    config.write_text(
        f'[user]\nname = "Anna Berger"\nemail = "{ME}"\ntimezone = "Europe/Berlin"\n'
        f'home = "München"\ndomains = ["berger-consulting.example"]\n'
        f"[working_hours]\n{hours}\n{smtp}"
        f'[[calendars]]\nname = "work"\nprovider = "ics"\npath = "{ics}"\n{extra}',
        encoding="utf-8",
    )
    return config
