"""On the days of a trip the user's day starts at the trip's base (the hotel, else the city),
not at home: proposals there say minutes from the hotel, name the city (never a flight's
title as a place), and no "fair meeting point" halfway home is proposed on a day the user is
in the counterpart's city anyway. Without the counterpart's free/busy, nothing says "free in
both calendars".

Bug (found by trying the product): a Frankfurt consultant in a Hamburg hotel from Tuesday to
Wednesday was offered coffee in Hamburg "(287 min travel)", "You are in Flug LH 2037 HAM-FRA
that day anyway", and the same morning coffee at Bielefeld Hbf, "Free in both calendars"."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.own import calendar_config, fix_now

ME = "lukas@meier-consulting.example"
TOM = "tom.becker@elbtech.example"
NOW = datetime(2026, 12, 7, 8, tzinfo=UTC)  # Monday

EVENTS = (
    "BEGIN:VEVENT\r\nUID:flight-1@lh\r\nDTSTAMP:20261101T000000Z\r\n"
    "SUMMARY:Flug LH 2032 FRA-HAM\r\n"
    "DTSTART;TZID=Europe/Berlin:20261208T071500\r\nDTEND;TZID=Europe/Berlin:20261208T083000\r\n"
    "LOCATION:Frankfurt Airport (FRA)\r\n"
    "DESCRIPTION:Buchungscode: X7YQ2P\\nLufthansa\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:hotel-1@booking\r\nDTSTAMP:20261101T000000Z\r\n"
    "SUMMARY:Hotel: Motel One Hamburg am Michel\r\nDTSTART;VALUE=DATE:20261208\r\n"
    "DTEND;VALUE=DATE:20261210\r\nLOCATION:Ludwig-Erhard-Straße 26\\, 20459 Hamburg\r\n"
    "DESCRIPTION:Booking.com Bestätigungsnummer 4455667788\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:intro@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "SUMMARY:Intro call with Tom Becker (Elbtech)\r\n"
    "DTSTART;TZID=Europe/Berlin:20261209T090000\r\nDTEND;TZID=Europe/Berlin:20261209T093000\r\n"
    f"LOCATION:https://zoom.us/j/123456789\r\nORGANIZER;CN=Lukas Meier:mailto:{ME}\r\n"
    f"ATTENDEE;CN=Tom Becker:mailto:{TOM}\r\n"
    "DESCRIPTION:Tom Becker\\nElbtech GmbH\\nTel. +49 40 1234567\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:flight-2@lh\r\nDTSTAMP:20261101T000000Z\r\n"
    "SUMMARY:Flug LH 2037 HAM-FRA\r\n"
    "DTSTART;TZID=Europe/Berlin:20261209T180000\r\nDTEND;TZID=Europe/Berlin:20261209T191000\r\n"
    "LOCATION:Hamburg Airport (HAM)\r\nEND:VEVENT\r\n"
)


@pytest.fixture
def proposals(tmp_path, monkeypatch) -> list[dict]:
    fix_now(monkeypatch, NOW)
    home, domains = "Frankfurt am Main", ["meier-consulting.example"]
    config = calendar_config(tmp_path, EVENTS, email=ME, home=home, domains=domains)
    args = ["propose", "--config", str(config), "--with", TOM, "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["proposals"]


def test_on_the_trip_travel_starts_at_the_hotel(proposals):
    hamburg = [p for p in proposals if p["start"].startswith("2026-12-09")]
    assert hamburg, proposals
    for proposal in hamburg:
        assert proposal["venue"]["name"] == "Hamburg"
        assert proposal["travel_minutes"]["before"] <= 60  # from the hotel, not 287 from home
        assert "You are in Hamburg that day anyway" in proposal["reasons"]


def test_no_title_of_a_flight_is_named_as_a_place(proposals):
    assert not any("Flug" in reason for p in proposals for reason in p["reasons"])


def test_no_meeting_point_halfway_on_a_day_in_their_city(proposals):
    for proposal in proposals:
        if proposal["venue"]["name"] != "Hamburg":
            assert proposal["start"][:10] not in ("2026-12-08", "2026-12-09"), proposal


def test_nothing_claims_their_calendar_was_seen(proposals):
    reasons = [reason for p in proposals for reason in p["reasons"]]
    assert "Free in both calendars" not in reasons


MUNICH_TRIP = (
    "BEGIN:VEVENT\r\nUID:go@db\r\nDTSTAMP:20261101T000000Z\r\n"
    "SUMMARY:ICE 587 Hamburg Hbf → München Hbf\r\n"
    "DTSTART;TZID=Europe/Berlin:20261214T070000\r\nDTEND;TZID=Europe/Berlin:20261214T125800\r\n"
    "LOCATION:Hamburg Hbf\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:hotel@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "SUMMARY:Hotel Bayerischer Hof\r\nLOCATION:Promenadeplatz 2-6\\, 80333 München\r\n"
    "DTSTART;TZID=Europe/Berlin:20261214T150000\r\nDTEND;TZID=Europe/Berlin:20261216T110000\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:back@db\r\nDTSTAMP:20261101T000000Z\r\n"
    "SUMMARY:ICE 1008 München Hbf → Hamburg Hbf\r\n"
    "DTSTART;TZID=Europe/Berlin:20261216T170200\r\nDTEND;TZID=Europe/Berlin:20261216T224500\r\n"
    "LOCATION:München Hbf\r\nEND:VEVENT\r\n"
)


def test_a_day_on_the_trip_is_said_once_and_by_the_city_the_user_is_in(tmp_path, monkeypatch):
    """Katrin from Hamburg in Munich Monday to Wednesday, the train home on Wednesday at
    17:02: a coffee in Munich that Wednesday says she is in Munich that day, once; never
    "You are in Hamburg that day anyway" (where the train goes), nor Munich twice in two
    spellings. The hotel's nights leave the Tuesday free."""
    fix_now(monkeypatch, NOW)
    config = calendar_config(tmp_path, MUNICH_TRIP, email="katrin@mycorp.example",
                             home="Hamburg", domains=["mycorp.example"])  # fmt: skip
    args = ["propose", "--config", str(config), "--with", "t.weber@brandt.example",
            "--near", "München", "--week", "2026-W51", "--count", "5",
            "--format", "json"]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)["proposals"]
    days = {p["start"][:10] for p in found}
    assert {"2026-12-15", "2026-12-16"} <= days, days
    for proposal in found:
        there = [r for r in proposal["reasons"] if r.endswith("that day anyway")]
        assert len(there) == 1, proposal["reasons"]
        assert "Hamburg" not in there[0], proposal["reasons"]


VIENNA_TRIP = (
    "BEGIN:VEVENT\r\nUID:out@os\r\nDTSTAMP:20261101T000000Z\r\n"
    "SUMMARY:Flug OS 154 Hamburg → Wien\r\nLOCATION:Flughafen Hamburg (HAM)\r\n"
    "DTSTART;TZID=Europe/Berlin:20261217T151000\r\nDTEND;TZID=Europe/Berlin:20261217T164500\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:sacher@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "SUMMARY:Übernachtung Hotel Sacher\r\nLOCATION:Philharmoniker Str. 4\\, 1010 Wien\r\n"
    "DTSTART;VALUE=DATE:20261217\r\nDTEND;VALUE=DATE:20261218\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:home@os\r\nDTSTAMP:20261101T000000Z\r\n"
    "SUMMARY:Flug OS 155 Wien → Hamburg\r\nLOCATION:Flughafen Wien (VIE)\r\n"
    "DTSTART;TZID=Europe/Berlin:20261218T181500\r\nDTEND;TZID=Europe/Berlin:20261218T195000\r\n"
    "END:VEVENT\r\n"
)


def _katrin(tmp_path, monkeypatch, city: str, purpose: str, events: str = VIENNA_TRIP):
    """Katrin (Hamburg) proposes to meet someone of ``city`` in the week of her Vienna trip."""
    fix_now(monkeypatch, NOW)
    config = calendar_config(tmp_path, events, email="katrin@mycorp.example",
                             home="Hamburg", domains=["mycorp.example"])  # fmt: skip
    with config.open("a", encoding="utf-8") as out:
        out.write(f'\n[[people]]\nemail = "someone@client.example"\ncity = "{city}"\n')
    args = ["propose", "--config", str(config), "--with", "someone@client.example",
            "--week", "2026-W51", "--purpose", purpose, "--count", "5",
            "--format", "json"]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["proposals"]


def test_no_coffee_in_the_trips_city_before_the_flight_there_leaves_home(tmp_path, monkeypatch):
    """The hotel night in Vienna is written for the whole Thursday, but the flight leaves
    Hamburg at 15:10: a coffee in Vienna that morning would ask 223 min to the airport
    after it (it fitted in the time); Friday in Vienna is fine."""
    found = _katrin(tmp_path, monkeypatch, "Wien", "first_contact")
    assert found and all(
        p["start"][:10] != "2026-12-17" or p["start"][11:13] >= "17" for p in found
    )
    for proposal in found:
        assert max(proposal["travel_minutes"].values()) <= 112, proposal


def test_no_signing_lunch_at_home_is_a_detour_from_a_trip(tmp_path, monkeypatch):
    """Munich from Monday to Wednesday, Vienna on Thursday and Friday: a deal closing is worth
    a day trip from home, not a flight home and back from Vienna (or Munich) for lunch: on
    the trip's days the ways are held to the limit of any meeting, and nothing this week
    fits (it said a lunch in Hamburg, 223 min each way)."""
    found = _katrin(tmp_path, monkeypatch, "Hamburg", "deal_closing", MUNICH_TRIP + VIENNA_TRIP)
    assert all(max(p["travel_minutes"].values()) <= 120 for p in found), found


COFFEE_FRIDAY = (
    "BEGIN:VEVENT\r\nUID:coffee@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "SUMMARY:Kaffee mit Lena Hartmann\r\n"
    "LOCATION:Café Paris\\, Rathausstraße 4\\, 20095 Hamburg\r\n"
    "DTSTART;TZID=Europe/Berlin:20261211T150000\r\nDTEND;TZID=Europe/Berlin:20261211T160000\r\n"
    "ORGANIZER:mailto:katrin@mycorp.example\r\n"
    "ATTENDEE;CN=Lena Hartmann;PARTSTAT=ACCEPTED:mailto:lena.hartmann@nordwind.example\r\n"
    "END:VEVENT\r\n"
)


@pytest.mark.parametrize("command", ["propose", "offer"])
def test_a_table_booked_with_them_already_is_said_before_more_are_proposed(
    tmp_path, monkeypatch, command
):
    """Coffee with Lena on Friday is in the calendar: proposing or offering her more times
    this week says so first (the user decides; it is made all the same)."""
    fix_now(monkeypatch, NOW)
    config = calendar_config(tmp_path, COFFEE_FRIDAY, email="katrin@mycorp.example",
                             home="Hamburg", domains=["mycorp.example"])  # fmt: skip
    result = CliRunner().invoke(main, [command, "--config", str(config), "--with",
                                       "lena.hartmann@nordwind.example"])  # fmt: skip
    assert result.exit_code == 0, result.output
    said = "You meet in person at 'Kaffee mit Lena Hartmann' on Fri 11 Dec already"
    assert said in result.output


LUNCH_FRIDAY = (
    COFFEE_FRIDAY.replace("coffee@t", "lunch@t")
    .replace("Kaffee mit Lena Hartmann", "Mittagessen mit Lena Hartmann")
    .replace("T150000", "T123000")
    .replace("T160000", "T140000")
)


@pytest.mark.parametrize("command", ["propose", "offer"])
def test_no_second_table_is_proposed_right_beside_the_one_booked(tmp_path, monkeypatch, command):
    """QA: the offer noted the lunch with them on Friday, then offered a coffee 45 minutes
    before it. Nothing is proposed within two hours of a table booked with them (other days
    and the rest of that day as before), and the note says so."""
    import re

    fix_now(monkeypatch, NOW)
    busy = "".join(  # Tuesday to Thursday taken from morning to night: Friday is what is left
        f"BEGIN:VEVENT\r\nUID:fair-{day}@t\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:Messe\r\n"
        f"DTSTART;TZID=Europe/Berlin:202612{day}T060000\r\n"
        f"DTEND;TZID=Europe/Berlin:202612{day}T230000\r\nEND:VEVENT\r\n"
        for day in ("08", "09", "10")
    )
    config = calendar_config(tmp_path, LUNCH_FRIDAY + busy, email="katrin@mycorp.example",
                             home="Hamburg", domains=["mycorp.example"])  # fmt: skip
    lena = "lena.hartmann@nordwind.example"
    shown = ["--format", "json"] if command == "propose" else []  # an offer prints its options
    result = CliRunner().invoke(main, [command, "--config", str(config), "--with", lena, *shown])
    assert result.exit_code == 0, result.output
    if command == "propose":
        found = json.loads(result.stdout)
        friday = [(p["start"][11:16], p["end"][11:16]) for p in found["proposals"]
                  if p["start"].startswith("2026-12-11")]  # fmt: skip
        said = json.dumps(found["notes"])
    else:
        friday = re.findall(r"^\s+\d\.\s+Fri 11 Dec (\d\d:\d\d)–(\d\d:\d\d)", result.stdout,
                            re.MULTILINE)  # fmt: skip
        said = result.output
    # the lunch is 12:30–14:00: nothing from 10:30 to 16:00
    assert all(end <= "10:30" or start >= "16:00" for start, end in friday), friday
    assert "nothing is proposed right before or after it" in said
