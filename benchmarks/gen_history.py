"""Realistic calendar history for benchmarks: five years of a consultant's meetings.

Deterministic for a seed. Several hundred counterparts across ~80 organisations, free-mail
contacts, internal colleagues, recurring series (a weekly team meeting and client jour fixes),
declined and cancelled meetings, counterparts who declined, all-day markers, personal blockers,
and some occurrences seen twice (the same meeting in two calendars). Each event comes with the
mode the classifier would give it, so benchmarks do not time the classifier.

    python benchmarks/gen_history.py            # prints what it generates
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from planner.config import Config, default_config
from planner.model import Attendee, Event, Mode, Response, Status

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 6, 1, 12, tzinfo=TZ)
OWN_DOMAIN = "mycorp.example"
ME = Attendee(f"me@{OWN_DOMAIN}", "Me", Response.ACCEPTED)

FIRST = "Anna Ben Clara David Eva Felix Greta Hans Ines Jonas Katrin Lukas Mia Noah".split()
FIRST += "Olga Paul Quinn Rosa Sven Tina Uwe Vera Willi Xenia Yusuf Zoe Aylin Bernd".split()
FIRST += "Chiara Deniz".split()
LAST = "Becker Schulz Wagner Hoffmann Koch Richter Klein Wolf Neumann Schwarz Braun".split()
LAST += "Zimmermann Hartmann Lange Werner Krause Meier Lehmann Fuchs Vogel Keller Roth".split()
LAST += "Frank Berg".split()
STEMS = "nordwind alpen rhein kessler brandt falke lindner sonne vektor quantum helix orbit".split()
STEMS += "atlas kraft werk bau medi finanz logistik consult solar nova prisma delta".split()
KINDS = ["gmbh", "ag", "group", "labs", "partners", "systems", "digital", "holding"]
FREEMAIL = ["gmail.com", "web.de", "gmx.de", "outlook.com", "icloud.com", "t-online.de"]
TITLES = ["Projekt-Update", "Abstimmung", "Workshop", "Status", "Review", "Planung", "Angebot"]
TITLES += ["Strategy session", "Quarterly review", "Kick-off", "Follow-up", "Demo"]
MODES = [Mode.VIRTUAL, Mode.IN_PERSON, Mode.PHONE, Mode.HYBRID, Mode.UNKNOWN]
MODE_WEIGHTS = [55, 22, 10, 8, 5]
DURATIONS = [30, 30, 45, 60, 60, 60, 90, 120]


def bench_config() -> Config:
    """The config the generated history belongs to."""
    return default_config(
        user={"email": ME.email, "domains": [OWN_DOMAIN], "timezone": "Europe/Berlin"},
        relations={"key_accounts": [_domain(0), _domain(1)]},
    )


def _domain(index: int) -> str:
    stem = STEMS[index % len(STEMS)]
    kind = KINDS[(index // len(STEMS)) % len(KINDS)]
    return f"{stem}-{kind}.example"


def _person(rng: random.Random, domain: str, used: set[str]) -> Attendee:
    while True:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        email = f"{first}.{last}@{domain}".lower()
        if email not in used:
            used.add(email)
            return Attendee(email, f"{first} {last}")


class _World:
    """Organisations with their people, free-mail contacts and colleagues."""

    def __init__(self, rng: random.Random, organisations: int = 80) -> None:
        used: set[str] = set()
        self.orgs = [
            [_person(rng, _domain(i), used) for _ in range(rng.randint(2, 8))]
            for i in range(organisations)
        ]
        self.freemail = [_person(rng, rng.choice(FREEMAIL), used) for _ in range(45)]
        self.colleagues = [_person(rng, OWN_DOMAIN, used) for _ in range(12)]
        self.weights = [1 / (rank + 1) ** 0.8 for rank in range(organisations)]  # a few big ones


def _workday(rng: random.Random, first: date, days: int) -> date:
    while True:
        day = first + timedelta(days=rng.randrange(days))
        if day.weekday() < 5:
            return day


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=TZ)


def _event(uid: str, start: datetime, minutes: int, title: str, people: list[Attendee]) -> Event:
    return Event(
        uid=uid,
        title=title,
        start=start,
        end=start + timedelta(minutes=minutes),
        organizer=ME,
        attendees=tuple(replace(p, response=Response.ACCEPTED) for p in people),
        calendar="work",
        self_response=Response.ACCEPTED,
    )


def _series(world: _World, rng: random.Random, first: date, weeks: int) -> list[Event]:
    """A weekly team meeting over the whole span and client jour fixes of 6-18 months."""
    events = []
    monday = first - timedelta(days=first.weekday())
    for week in range(weeks):
        day = monday + timedelta(weeks=week)
        team = _event(f"team-{week}@gen", _at(day, 9), 60, "Team-Meeting", world.colleagues[:6])
        events.append(replace(team, series_id="team@gen"))
    for number in range(10):
        people = world.orgs[number][:2] + [rng.choice(world.colleagues)]
        start = rng.randrange(max(weeks - 80, 1))
        length, step = rng.randint(26, 78), rng.choice([1, 2])
        for week in range(start, min(start + length, weeks), step):
            day = monday + timedelta(weeks=week, days=1 + number % 4)
            uid = f"jf{number}-{week}@gen"
            event = _event(uid, _at(day, 14 + number % 3), 45, "Jour fixe", people)
            events.append(replace(event, series_id=f"jf{number}@gen"))
    return events


def _one_off(world: _World, rng: random.Random, uid: str, day: date) -> Event:
    start = _at(day, rng.randint(8, 17), rng.choice([0, 15, 30, 45]))
    minutes = rng.choice(DURATIONS)
    roll = rng.random()
    if roll < 0.10:
        people = [rng.choice(world.freemail)]
    elif roll < 0.20:
        people = rng.sample(world.colleagues, rng.randint(1, 4))
    elif roll < 0.24:
        return _event(uid, start, minutes, rng.choice(["Blocker", "Fokuszeit", "Arzt"]), [])
    else:
        org = rng.choices(world.orgs, weights=world.weights)[0]
        people = rng.sample(org, min(len(org), rng.choice([1, 1, 1, 2, 2, 3])))
        if rng.random() < 0.3:
            people.append(rng.choice(world.colleagues))
    return _event(uid, start, minutes, rng.choice(TITLES), people)


def _decline(rng: random.Random, event: Event) -> Event:
    roll = rng.random()
    if roll < 0.05:
        return replace(event, self_response=Response.DECLINED)
    if roll < 0.08:
        return replace(event, status=Status.CANCELLED)
    if roll < 0.13 and event.attendees:
        first, *rest = event.attendees
        return replace(event, attendees=(replace(first, response=Response.DECLINED), *rest))
    return event


def generate(
    *, years: int = 5, end: datetime = NOW, seed: int = 7, meetings: int = 6000
) -> list[tuple[Event, Mode]]:
    """About ``meetings`` events with their modes over ``years`` years before ``end``."""
    rng = random.Random(seed)
    world = _World(rng)
    days = 365 * years
    first = (end - timedelta(days=days)).date()
    events = _series(world, rng, first, weeks=days // 7)
    events = [e for e in events if e.end <= end]
    for number in range(max(meetings - len(events) - meetings // 50, 0)):
        events.append(_one_off(world, rng, f"m{number}@gen", _workday(rng, first, days)))
    for number in range(meetings // 100):  # all-day markers: trips, fairs
        day = _workday(rng, first, days)
        start = _at(day, 0)
        events.append(replace(_event(f"d{number}@gen", start, 24 * 60, "Messe", []), all_day=True))
    events = [_decline(rng, e) for e in events]
    twice = [replace(e, calendar="shared") for e in rng.sample(events, meetings // 50)]
    pairs = [(e, rng.choices(MODES, MODE_WEIGHTS)[0]) for e in events + twice]
    rng.shuffle(pairs)
    return pairs


def describe(pairs: list[tuple[Event, Mode]]) -> str:
    """A one-paragraph account of a generated history."""
    events = [e for e, _ in pairs]
    people = {p.email for e in events for p in e.people()} - {ME.email}
    domains = Counter(email.rpartition("@")[2] for email in people)
    free = sum(n for d, n in domains.items() if d in FREEMAIL)
    internal = domains.get(OWN_DOMAIN, 0)
    return (
        f"{len(events):,} events ({len({e.key for e in events}):,} distinct), "
        f"{len(people) - free - internal} counterparts in "
        f"{len(set(domains) - set(FREEMAIL) - {OWN_DOMAIN})} organisations, "
        f"{free} free-mail contacts, {internal} colleagues, "
        f"{sum(1 for e in events if e.series_id)} in recurring series, "
        f"{sum(1 for e in events if e.self_response is Response.DECLINED)} declined, "
        f"{sum(1 for e in events if e.status is Status.CANCELLED)} cancelled; "
        f"modes {dict(Counter(m.value for _, m in pairs))}"
    )


if __name__ == "__main__":
    print(describe(generate(years=int(sys.argv[1]) if len(sys.argv) > 1 else 5)))
