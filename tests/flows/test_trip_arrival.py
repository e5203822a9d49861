"""One free-time model for every command: a meeting after a train or a flight starts at the
arrival station or airport, with the transfer from there plus ``[travel]
arrival_buffer_minutes`` plus ``[travel] buffer_minutes``, in ``planner trips``, the
keep-in-touch section of ``planner week`` and ``planner propose`` alike.

Bug (QA report D, finding 2): after ``Zug: Hamburg Hbf → München Hbf (ICE 583)`` arriving at
12:53, ``planner trips`` and ``planner week`` proposed a coffee at 13:15 "(7 min travel)",
measured from the hotel, while ``planner propose`` for the same person and week left the
arrival buffer and never offered that afternoon: the trip flow built its proposer without the
routes of the user's trains and flights."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.own import HEAD, TAIL, fix_now

ME = "julia.kern@kern-advisory.example"
NOW = datetime(2026, 12, 3, 8, tzinfo=UTC)  # Thursday; the trip is Tue 8 – Thu 10 Dec
ARRIVAL_BUFFER, TRAVEL_BUFFER = 20, 15  # the defaults of [travel]


@dataclass(frozen=True)
class Journey:
    """A trip by one vendor's train or a flight: its wording, where the user lives, where it
    arrives, and a hotel and a café there."""

    name: str
    title: str
    location: str
    description: str
    home: str
    zone: str
    hotel: str
    person: str  # the counterpart's address, in the destination
    city: str
    cafe: tuple[float, float, str]  # lat, lon, address
    lang: str = "en"


JOURNEYS = [
    Journey(
        "db",
        "Zug: Hamburg Hbf → München Hbf (ICE 583)",
        "Hamburg Hbf",
        "Ihre Fahrkarte\\nICE 583 Hamburg Hbf → München Hbf\\nDB Navigator",
        "Hamburg",
        "Europe/Berlin",
        "Hotel Bayerischer Hof\\, Promenadeplatz 2-6\\, 80333 München",
        "Marienplatz 8, 80331 München",
        "München",
        (48.1395, 11.5660, "Bayerstraße 3, 80335 München"),
        "de",
    ),
    Journey(
        "oebb",
        "ÖBB Railjet RJX 765 Wien Hbf – Salzburg Hbf",
        "Wien Hauptbahnhof",
        "Ihr ÖBB Ticket\\nSitzplatzreservierung Wagen 23",
        "Wien",
        "Europe/Vienna",
        "Hotel Sacher Salzburg\\, Schwarzstraße 5-7\\, 5020 Salzburg",
        "Getreidegasse 9, 5020 Salzburg",
        "Salzburg",
        (47.8120, 13.0440, "Südtiroler Platz 1, 5020 Salzburg"),
        "de",
    ),
    Journey(
        "sbb",
        "Train Genève → Zürich HB (IC 1)",
        "Genève gare Cornavin",
        "SBB Mobile ticket\\nSupersaver",
        "Genève",
        "Europe/Zurich",
        "Hotel Schweizerhof\\, Bahnhofplatz 7\\, 8001 Zürich",
        "Bahnhofstrasse 45, 8001 Zürich",
        "Zürich",
        (47.3770, 8.5395, "Bahnhofplatz 15, 8001 Zürich"),
    ),
    Journey(
        "eurostar",
        "Eurostar 9014 London St Pancras → Paris Gare du Nord",
        "London St Pancras International",
        "Eurostar booking reference QWERTY\\nCoach 5 Seat 61",
        "London",
        "Europe/London",
        "Hôtel Terminus Nord\\, 12 Boulevard de Denain\\, 75010 Paris",
        "10 Rue de Rivoli, 75004 Paris",
        "Paris",
        (48.8800, 2.3560, "5 Rue de Dunkerque, 75010 Paris"),
    ),
    Journey(
        "flight",
        "Flight LH 2070 HAM → MUC",
        "Hamburg Airport",
        "Lufthansa booking code X7YQ2P",
        "Hamburg",
        "Europe/Berlin",
        "Hotel Bayerischer Hof\\, Promenadeplatz 2-6\\, 80333 München",
        "Marienplatz 8, 80331 München",
        "München",
        (48.1395, 11.5660, "Bayerstraße 3, 80335 München"),
    ),
    Journey(
        "flug",
        "Flug LH 2071 Hamburg (HAM) - München (MUC)",
        "Flughafen Hamburg",
        "Buchungscode: X7YQ2P\\nLufthansa",
        "Hamburg",
        "Europe/Berlin",
        "Hotel Bayerischer Hof\\, Promenadeplatz 2-6\\, 80333 München",
        "Marienplatz 8, 80331 München",
        "München",
        (48.1395, 11.5660, "Bayerstraße 3, 80335 München"),
        "de",
    ),
]

PERSON = "clara.vogt@vogt-holding.example"


def _event(uid: str, title: str, start: str, end: str, zone: str, extra: str = "") -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:{title}\r\n"
        f"DTSTART;TZID={zone}:{start}\r\nDTEND;TZID={zone}:{end}\r\n{extra}END:VEVENT\r\n"
    )


def _calendar(journey: Journey) -> str:
    """The journey arriving at 13:00 on Tuesday, two hotel nights, Wednesday taken by a
    workshop there, the way home on Thursday at 08:00; a video call with the counterpart
    three months ago (never met in person, due)."""
    zone = journey.zone
    return (
        _event(
            "out@t",
            journey.title,
            "20261208T080000",
            "20261208T130000",
            zone,
            f"LOCATION:{journey.location}\r\nDESCRIPTION:{journey.description}\r\n",
        )
        + "BEGIN:VEVENT\r\nUID:hotel@t\r\nDTSTAMP:20261101T000000Z\r\n"
        f"SUMMARY:Hotel stay\r\nDTSTART;VALUE=DATE:20261208\r\nDTEND;VALUE=DATE:20261210\r\n"
        f"LOCATION:{journey.hotel}\r\nDESCRIPTION:Booking.com confirmation 4455667788\r\n"
        "END:VEVENT\r\n"
        + _event(
            "workshop@t",
            "Workshop",
            "20261209T080000",
            "20261209T180000",
            zone,
            f"LOCATION:{journey.person}\r\n",
        )
        + _event(
            "back@t",
            "Rückfahrt / way home",
            "20261210T080000",
            "20261210T120000",
            zone,
        )
        + _event(
            "call@t",
            "Intro call Vogt Holding",
            "20260901T100000",
            "20260901T103000",
            zone,
            f"LOCATION:https://zoom.us/j/123456789\r\nORGANIZER:mailto:{ME}\r\n"
            f"ATTENDEE;CN=Clara Vogt:mailto:{PERSON}\r\n",
        )
    )


def _home(folder: Path, journey: Journey) -> Path:
    (folder / "work.ics").write_text(HEAD + _calendar(journey) + TAIL, encoding="utf-8")
    lat, lon, address = journey.cafe
    (folder / "venues.toml").write_text(
        f'[[venue]]\nname = "Café am Bahnhof"\nkind = "cafe"\nlat = {lat}\nlon = {lon}\n'
        f'address = "{address}"\ncity = "{journey.city}"\nopening_hours = "Mo-Su 07:00-22:00"\n'
        f'\n[[venue]]\nname = "Bistro am Platz"\nkind = "restaurant"\nlat = {lat + 0.002}\n'
        f'lon = {lon}\naddress = "{address}"\ncity = "{journey.city}"\n'
        'opening_hours = "Mo-Su 11:00-23:00"\n',
        encoding="utf-8",
    )
    config = folder / "config.toml"
    config.write_text(
        f'[user]\nname = "Julia Kern"\nemail = "{ME}"\ntimezone = "{journey.zone}"\n'
        f'home = "{journey.home}"\nlanguage = "{journey.lang}"\n\n'
        f'[venues]\nfiles = ["{folder / "venues.toml"}"]\n\n'
        f'[[calendars]]\nname = "work"\nprovider = "ics"\npath = "{folder / "work.ics"}"\n\n'
        f'[[people]]\nemail = "{PERSON}"\nname = "Clara Vogt"\ncity = "{journey.person}"\n'
        'rhythm = "monthly"\n',
        encoding="utf-8",
    )
    return config


def _run(config: Path, *args: str) -> Any:
    result = CliRunner().invoke(main, [*args, "--config", str(config), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _proposals(data: Any) -> list[dict[str, Any]]:
    """Every proposal anywhere in a command's JSON."""
    found = []
    if isinstance(data, dict):
        if "start" in data and "travel_minutes" in data:
            found.append(data)
        for value in data.values():
            found += _proposals(value)
    elif isinstance(data, list):
        for value in data:
            found += _proposals(value)
    return found


def _after_arrival(proposals: list[dict[str, Any]], arrival: datetime) -> list[dict[str, Any]]:
    day = arrival.date()
    return [
        p
        for p in proposals
        if datetime.fromisoformat(p["start"]).astimezone(arrival.tzinfo).date() == day
    ]


def _check(proposal: dict[str, Any], arrival: datetime) -> None:
    start = datetime.fromisoformat(proposal["start"])
    before = proposal["travel_minutes"]["before"]
    assert before is not None, proposal
    need = timedelta(minutes=ARRIVAL_BUFFER + TRAVEL_BUFFER + before)
    assert start - arrival >= need, (proposal["start"], before, proposal["reasons"])


@pytest.fixture(params=JOURNEYS, ids=[j.name for j in JOURNEYS])
def home(request, tmp_path, monkeypatch) -> tuple[Path, Journey, datetime]:
    from zoneinfo import ZoneInfo

    fix_now(monkeypatch, NOW)
    journey: Journey = request.param
    arrival = datetime(2026, 12, 8, 13, tzinfo=ZoneInfo(journey.zone))
    return _home(tmp_path, journey), journey, arrival


def test_a_trip_proposal_after_the_arrival_leaves_the_transfer_and_the_buffers(home):
    config, journey, arrival = home
    data = _run(config, "trips", "--lang", journey.lang)
    found = _after_arrival(_proposals(data), arrival)
    assert found, data  # the arrival afternoon is the trip's only free time
    for proposal in found:
        _check(proposal, arrival)


def test_week_trips_and_propose_agree_on_the_free_time_after_the_arrival(home):
    config, journey, arrival = home
    trips = _run(config, "trips", "--lang", journey.lang)
    week = _run(config, "week", "--week", "2026-W50", "--lang", journey.lang)
    offered = _run(config, "propose", "--with", PERSON, "--week", "2026-W50", "--count", "5")
    section = week["keep_in_touch"]
    for data in (trips, section, offered):
        for proposal in _after_arrival(_proposals(data), arrival):
            _check(proposal, arrival)
    # the trip and the week's section (its picks and its trips) propose the same slot
    ours = {(p["start"], p["venue"]["name"]) for p in _after_arrival(_proposals(trips), arrival)}
    theirs = {
        (p["start"], p["venue"]["name"]) for p in _after_arrival(_proposals(section), arrival)
    }
    assert ours and theirs == ours
