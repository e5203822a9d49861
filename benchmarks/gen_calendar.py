"""A realistic large .ics export for benchmarks: five years of a consultant's calendar.

Deterministic for a seed and an end date. About 6,000 single meetings (counterparts from ~80
organisations, free-mail contacts and colleagues; in-person addresses, Zoom/Teams/Meet links,
Teams properties, phone calls, alarms, declined and cancelled ones, all-day markers) plus weekly
and fortnightly series with exceptions (EXDATEs for holidays, moved and cancelled occurrences as
RECURRENCE-ID overrides), in Europe/Berlin, Europe/London, America/New_York and Asia/Tokyo.
The text is written directly (folded lines, CRLF), the way exporters write it.

    python benchmarks/gen_calendar.py OUT.ics [--end YYYY-MM-DD] [--years 5] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

OWN_DOMAIN = "mycorp.example"
ME = f"me@{OWN_DOMAIN}"
ZONES = ("Europe/Berlin", "Europe/London", "America/New_York", "Asia/Tokyo")
ZONE_WEIGHTS = (80, 8, 8, 4)
FIRST = "Anna Ben Clara David Eva Felix Greta Hans Ines Jonas Katrin Lukas Mia Noah Olga".split()
FIRST += "Paul Quinn Rosa Sven Tina Uwe Vera Willi Xenia Yusuf Zoe Aylin Bernd Chiara".split()
LAST = "Becker Schulz Wagner Hoffmann Koch Richter Klein Wolf Neumann Schwarz Braun Lange".split()
LAST += "Zimmermann Hartmann Werner Krause Meier Lehmann Fuchs Vogel Keller Roth Berg".split()
STEMS = "nordwind alpen rhein kessler brandt falke lindner sonne vektor quantum helix".split()
STEMS += "orbit atlas kraft werk bau medi finanz logistik consult solar nova prisma".split()
KINDS = ["gmbh", "ag", "group", "labs", "partners", "systems", "digital", "holding"]
FREEMAIL = ["gmail.com", "web.de", "gmx.de", "outlook.com", "icloud.com", "t-online.de"]
TITLES = ["Projekt-Update", "Abstimmung", "Workshop", "Status", "Review", "Planung", "Angebot"]
TITLES += ["Strategy session", "Quarterly review", "Kick-off", "Follow-up", "Demo", "Intro"]
STREETS = ["Leopoldstraße", "Marienplatz", "Maximilianstraße", "Sendlinger Str.", "Kaufingerstr."]
CITIES = ["80331 München", "10115 Berlin", "20095 Hamburg", "60311 Frankfurt am Main"]
DURATIONS = [30, 30, 45, 60, 60, 60, 90, 120]
DESCRIPTION = (
    "Agenda:\n1. Rückblick auf die letzten Wochen\n2. Offene Punkte, Entscheidungen\n"
    "3. Nächste Schritte und Termine\n\nBitte Unterlagen vorab lesen; danke!"
)

VTIMEZONES = {
    "Europe/Berlin": ("+0100", "+0200", "CET", "CEST", "-1SU", "3", "-1SU", "10"),
    "Europe/London": ("+0000", "+0100", "GMT", "BST", "-1SU", "3", "-1SU", "10"),
    "America/New_York": ("-0500", "-0400", "EST", "EDT", "2SU", "3", "1SU", "11"),
}


@dataclass
class World:
    """Organisations with their people, free-mail contacts and colleagues."""

    orgs: list[list[tuple[str, str]]]
    freemail: list[tuple[str, str]]
    colleagues: list[tuple[str, str]]
    weights: list[float]

    @classmethod
    def make(cls, rng: random.Random, organisations: int = 80) -> World:
        used: set[str] = set()

        def person(domain: str) -> tuple[str, str]:
            while True:
                first, last = rng.choice(FIRST), rng.choice(LAST)
                email = f"{first}.{last}@{domain}".lower()
                if email not in used:
                    used.add(email)
                    return email, f"{first} {last}"

        orgs = [
            [person(_domain(i)) for _ in range(rng.randint(2, 8))] for i in range(organisations)
        ]
        return cls(
            orgs=orgs,
            freemail=[person(rng.choice(FREEMAIL)) for _ in range(45)],
            colleagues=[person(OWN_DOMAIN) for _ in range(12)],
            weights=[1 / (rank + 1) ** 0.8 for rank in range(organisations)],
        )


def _domain(index: int) -> str:
    return f"{STEMS[index % len(STEMS)]}-{KINDS[(index // len(STEMS)) % len(KINDS)]}.example"


# ---------------------------------------------------------------------------------------------
# Text


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> Iterator[str]:
    """RFC 5545 folding at 75 octets (never inside a UTF-8 sequence)."""
    data = line.encode("utf-8")
    first = True
    while data:
        limit = 75 if first else 74
        cut = min(limit, len(data))
        while cut < len(data) and (data[cut] & 0xC0) == 0x80:
            cut -= 1
        yield ("" if first else " ") + data[:cut].decode("utf-8")
        data, first = data[cut:], False


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _address(name: str, email: str, partstat: str = "ACCEPTED", organizer: bool = False) -> str:
    if organizer:
        return f'ORGANIZER;CN="{name}":mailto:{email}'
    return f'ATTENDEE;CN="{name}";ROLE=REQ-PARTICIPANT;PARTSTAT={partstat};RSVP=TRUE:mailto:{email}'


def _vtimezone(zone: str) -> list[str]:
    if zone == "Asia/Tokyo":
        return [
            "BEGIN:VTIMEZONE",
            "TZID:Asia/Tokyo",
            "BEGIN:STANDARD",
            "DTSTART:19700101T000000",
            "TZOFFSETFROM:+0900",
            "TZOFFSETTO:+0900",
            "TZNAME:JST",
            "END:STANDARD",
            "END:VTIMEZONE",
        ]
    std, dst, std_name, dst_name, dst_day, dst_month, std_day, std_month = VTIMEZONES[zone]
    return [
        "BEGIN:VTIMEZONE",
        f"TZID:{zone}",
        "BEGIN:DAYLIGHT",
        f"TZOFFSETFROM:{std}",
        f"TZOFFSETTO:{dst}",
        f"TZNAME:{dst_name}",
        "DTSTART:19700329T020000",
        f"RRULE:FREQ=YEARLY;BYMONTH={dst_month};BYDAY={dst_day}",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        f"TZOFFSETFROM:{dst}",
        f"TZOFFSETTO:{std}",
        f"TZNAME:{std_name}",
        "DTSTART:19701025T030000",
        f"RRULE:FREQ=YEARLY;BYMONTH={std_month};BYDAY={std_day}",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]


# ---------------------------------------------------------------------------------------------
# Events


class Generator:
    """Writes the VEVENTs of one calendar."""

    def __init__(self, seed: int, first: date, last: date) -> None:
        self.rng = random.Random(seed)
        self.world = World.make(self.rng)
        self.first, self.last = first, last
        self.stamp = _stamp(datetime.combine(last, time(12))) + "Z"
        self.counts = {"single": 0, "series": 0, "overrides": 0, "all_day": 0}

    def workday(self) -> date:
        days = (self.last - self.first).days
        while True:
            day = self.first + timedelta(days=self.rng.randrange(days))
            if day.weekday() < 5:
                return day

    def place(self) -> tuple[str, list[str]]:
        """A LOCATION and extra lines: an address, a video link, a phone number or nothing."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.25:
            street = f"{rng.choice(STREETS)} {rng.randint(1, 120)}, {rng.choice(CITIES)}"
            return street, []
        if roll < 0.45:
            link = f"https://zoom.us/j/{rng.randint(10**9, 10**10)}?pwd=abc{rng.randint(0, 999)}"
            return link, []
        if roll < 0.62:
            link = f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{rng.randint(0, 10**8)}"
            return "Microsoft Teams Meeting", [f"X-MICROSOFT-SKYPETEAMSMEETINGURL:{link}"]
        if roll < 0.72:
            code = "".join(rng.choice("abcdefghijkmnopqrstuvwxyz") for _ in range(10))
            return "", [f"DESCRIPTION:Join: https://meet.google.com/{code[:3]}-{code[3:7]}"]
        if roll < 0.80:
            return f"Tel. +49 89 {rng.randint(100000, 999999)}", []
        return "", []

    def people(self) -> list[tuple[str, str]]:
        rng, world = self.rng, self.world
        roll = rng.random()
        if roll < 0.10:
            return [rng.choice(world.freemail)]
        if roll < 0.22:
            return rng.sample(world.colleagues, rng.randint(1, 4))
        org = rng.choices(world.orgs, weights=world.weights)[0]
        people = rng.sample(org, min(len(org), rng.choice([1, 1, 1, 2, 2, 3])))
        if rng.random() < 0.3:
            people.append(rng.choice(world.colleagues))
        return people

    def vevent(
        self,
        uid: str,
        start: datetime,
        minutes: int,
        zone: str,
        title: str,
        people: list[tuple[str, str]],
        extra: list[str] = (),  # type: ignore[assignment]
    ) -> list[str]:
        rng = self.rng
        location, more = self.place()
        end = start + timedelta(minutes=minutes)
        lines = [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            f"DTSTAMP:{self.stamp}",
            f"DTSTART;TZID={zone}:{_stamp(start)}",
            f"DTEND;TZID={zone}:{_stamp(end)}",
            f"SUMMARY:{_escape(title)}",
            _address("Me", ME, organizer=True),
        ]
        for email, name in people:
            partstat = "DECLINED" if rng.random() < 0.04 else "ACCEPTED"
            lines.append(_address(name, email, partstat))
        lines.append(_address("Me", ME, "DECLINED" if rng.random() < 0.04 else "ACCEPTED"))
        if location:
            lines.append(f"LOCATION:{_escape(location)}")
        if not any(line.startswith("DESCRIPTION") for line in more) and rng.random() < 0.5:
            lines.append(f"DESCRIPTION:{_escape(DESCRIPTION)}")
        lines += more
        lines.append(f"SEQUENCE:{rng.randint(0, 3)}")
        lines.append("STATUS:CANCELLED" if rng.random() < 0.03 else "STATUS:CONFIRMED")
        lines += list(extra)
        if rng.random() < 0.3:
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Reminder"]
            lines += ["TRIGGER:-PT15M", "END:VALARM"]
        lines.append("END:VEVENT")
        return lines

    def singles(self, count: int) -> Iterator[list[str]]:
        rng = self.rng
        for number in range(count):
            zone = rng.choices(ZONES, ZONE_WEIGHTS)[0]
            day = self.workday()
            start = datetime.combine(day, time(rng.randint(8, 17), rng.choice([0, 15, 30, 45])))
            title = rng.choice(TITLES)
            self.counts["single"] += 1
            yield self.vevent(
                f"m{number}@gen", start, rng.choice(DURATIONS), zone, title, self.people()
            )

    def all_day(self, count: int) -> Iterator[list[str]]:
        for number in range(count):
            day = self.workday()
            length = self.rng.randint(1, 3)
            self.counts["all_day"] += 1
            yield [
                "BEGIN:VEVENT",
                f"UID:d{number}@gen",
                f"DTSTAMP:{self.stamp}",
                f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{day + timedelta(days=length):%Y%m%d}",
                f"SUMMARY:{self.rng.choice(['Messe', 'Urlaub', 'Reise Hamburg'])}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]

    def series(self) -> Iterator[list[str]]:
        """A weekly team meeting over the whole span and client series of 6-18 months."""
        rng, world = self.rng, self.world
        monday = self.first - timedelta(days=self.first.weekday())
        weeks = (self.last - monday).days // 7
        plans = [("team", "Team-Meeting", 0, 9, 60, 1, 0, weeks, "Europe/Berlin")]
        plans += [("standup", "Stand-up", 2, 9, 15, 1, 0, weeks, "Europe/Berlin")]
        for number in range(14):
            begin = rng.randrange(max(weeks - 80, 1))
            length, step = rng.randint(26, 78), rng.choice([1, 1, 2])
            zone = ZONES[number % len(ZONES)]
            hour = 10 + number % 6
            plan = (f"jf{number}", "Jour fixe", number % 5, hour, 45, step, begin, length, zone)
            plans.append(plan)
        for key, title, weekday, hour, minutes, step, begin, length, zone in plans:
            first_day = monday + timedelta(weeks=begin, days=weekday)
            count = max(length // step, 1)
            people = world.colleagues[:6] if key in ("team", "standup") else self.people()
            start = datetime.combine(first_day, time(hour))
            days = [first_day + timedelta(weeks=step * i) for i in range(count)]
            exdates = [d for d in days[1:] if rng.random() < 0.06]
            rule = f"RRULE:FREQ=WEEKLY;INTERVAL={step};COUNT={count}"
            extra = [rule] + [
                f"EXDATE;TZID={zone}:{_stamp(datetime.combine(d, time(hour)))}" for d in exdates
            ]
            self.counts["series"] += 1
            yield self.vevent(f"{key}@gen", start, minutes, zone, title, people, extra)
            yield from self.overrides(key, title, days, exdates, hour, minutes, zone, people)

    def overrides(
        self,
        key: str,
        title: str,
        days: list[date],
        exdates: list[date],
        hour: int,
        minutes: int,
        zone: str,
        people: list[tuple[str, str]],
    ) -> Iterator[list[str]]:
        """Moved occurrences (and a few cancelled ones) of one series."""
        for day in days[1:]:
            if day in exdates or self.rng.random() > 0.08:
                continue
            original = datetime.combine(day, time(hour))
            moved = original + timedelta(hours=self.rng.choice([-1, 1, 2, 24]))
            rid = f"RECURRENCE-ID;TZID={zone}:{_stamp(original)}"
            self.counts["overrides"] += 1
            moved_title = f"{title} (verschoben)"
            yield self.vevent(f"{key}@gen", moved, minutes, zone, moved_title, people, [rid])


def generate(end: date, *, years: int = 5, seed: int = 7, meetings: int = 6000) -> bytes:
    """The calendar file: ``years`` years up to ``end``, about ``meetings`` single meetings."""
    first = end - timedelta(days=365 * years)
    gen = Generator(seed, first, end)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//planner benchmarks//gen_calendar//EN"]
    lines += ["CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Work (generated)"]
    for zone in ZONES:
        lines += _vtimezone(zone)
    for block in gen.series():
        lines += block
    for block in gen.singles(meetings):
        lines += block
    for block in gen.all_day(meetings // 100):
        lines += block
    lines.append("END:VCALENDAR")
    text = "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"
    return text.encode("utf-8")


def config_text(calendar: Path) -> str:
    """A planner config for the generated calendar."""
    return (
        "[user]\n"
        f'email = "{ME}"\n'
        'timezone = "Europe/Berlin"\n'
        f'domains = ["{OWN_DOMAIN}"]\n'
        'home = "München"\n\n'
        "[relations]\n"
        f'key_accounts = ["{_domain(0)}", "{_domain(1)}"]\n\n'
        "[[calendars]]\n"
        'name = "work"\n'
        'provider = "ics"\n'
        f'path = "{calendar}"\n'
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--end", type=date.fromisoformat, default=date(2026, 12, 31))
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--meetings", type=int, default=6000)
    args = parser.parse_args()
    data = generate(args.end, years=args.years, seed=args.seed, meetings=args.meetings)
    args.out.write_bytes(data)
    events = data.count(b"BEGIN:VEVENT")
    print(f"{args.out}: {len(data) / 1e6:.1f} MB, {events:,} VEVENTs")


if __name__ == "__main__":
    main()
