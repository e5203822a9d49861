"""A trip to meet someone new is no trip where "nobody you know" is: the trip view names the
counterparts of the trip's own meetings where nobody the user knows lives near it.

Bug (found by trying the product): "Vienna … in-person meeting 'Mittagessen mit Max Huber' in
Vienna", and on the next line "Nobody you know lives or works near Vienna."."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.own import calendar_config, fix_now

ME = "katrin@mycorp.example"
NOW = datetime(2026, 12, 7, 8, tzinfo=UTC)  # Monday
JOURNEYS = (
    "BEGIN:VEVENT\r\nUID:f1@t\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:Flug OS 154 Hamburg → Wien\r\n"
    "DTSTART;TZID=Europe/Berlin:20261215T070000\r\nDTEND;TZID=Europe/Berlin:20261215T085000\r\n"
    "LOCATION:Hamburg Airport (HAM)\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:f2@t\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:Flight OS 153 to Hamburg\r\n"
    "DTSTART;TZID=Europe/Vienna:20261216T180000\r\nDTEND;TZID=Europe/Vienna:20261216T195000\r\n"
    "LOCATION:Vienna Airport (VIE)\r\nEND:VEVENT\r\n"
)


def lunch(*people: str, status: str = "CONFIRMED") -> str:
    return (
        "BEGIN:VEVENT\r\nUID:m1@t\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:Mittagessen\r\n"
        "DTSTART;TZID=Europe/Vienna:20261215T123000\r\nDTEND;TZID=Europe/Vienna:20261215T140000\r\n"
        "LOCATION:Café Central\\, Herrengasse 14\\, 1010 Wien\r\n"
        f"STATUS:{status}\r\nORGANIZER;CN=Katrin Vogel:mailto:{ME}\r\n"
        + "".join(f"ATTENDEE;{p}\r\n" for p in people)
        + "END:VEVENT\r\n"
    )


MAX = "CN=Max Huber;PARTSTAT=ACCEPTED:mailto:max.huber@donau-bau.example"
ANNA = "CN=Anna Berger;PARTSTAT=TENTATIVE:mailto:anna.berger@donau-bau.example"
DECLINED = "CN=Eva Lang;PARTSTAT=DECLINED:mailto:eva.lang@kunde.example"
COLLEAGUE = "CN=Jan Kurz;PARTSTAT=ACCEPTED:mailto:jan.kurz@mycorp.example"


def trips(tmp_path, monkeypatch, events: str, *extra: str) -> str:
    fix_now(monkeypatch, NOW)
    config = calendar_config(tmp_path, events, email=ME, home="Hamburg", domains=["mycorp.example"])
    result = CliRunner().invoke(main, ["trips", "--config", str(config), *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_trip_names_whom_its_meetings_are_with(tmp_path, monkeypatch):
    events = JOURNEYS + lunch(MAX, ANNA, DECLINED, COLLEAGUE)
    text = " ".join(trips(tmp_path, monkeypatch, events).split())
    assert (
        "You meet Max Huber, Anna Berger (donau-bau.example) there; nobody else you know"
        " lives or works near Wien." in text  # the town as the calendar writes it
    )
    assert "Eva Lang" not in text and "Jan Kurz" not in text  # declined; a colleague
    (trip,) = json.loads(trips(tmp_path, monkeypatch, events, "--format", "json"))["trips"]
    assert trip["meeting"] == "Max Huber, Anna Berger (donau-bau.example)"
    german = " ".join(trips(tmp_path, monkeypatch, events, "--lang", "de").split())
    assert "Sie treffen dort Max Huber, Anna Berger (donau-bau.example); sonst wohnt" in german


CALL = (
    "BEGIN:VEVENT\r\nUID:call@t\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:Quarterly review\r\n"
    "DTSTART;TZID=Europe/Berlin:20261216T100000\r\nDTEND;TZID=Europe/Berlin:20261216T110000\r\n"
    "LOCATION:Microsoft Teams Meeting\r\nDESCRIPTION:https://teams.microsoft.com/l/meetup-join/19\r\n"
    f"ORGANIZER;CN=Katrin Vogel:mailto:{ME}\r\nATTENDEE;{MAX}\r\nEND:VEVENT\r\n"
)


@pytest.mark.parametrize(
    "meeting",
    [lunch(MAX, status="CANCELLED"), lunch(DECLINED), lunch(COLLEAGUE), "", CALL],
    ids=["cancelled", "they-declined", "colleague", "no-meeting", "a-video-call-during-it"],
)
def test_without_a_counterpart_met_there_nobody_you_know_is_there(tmp_path, monkeypatch, meeting):
    text = " ".join(trips(tmp_path, monkeypatch, JOURNEYS + meeting).split())
    assert "Nobody you know lives or works near Wien." in text
    assert "You meet" not in text


def test_a_meeting_in_another_town_during_the_trip_is_not_met_there(tmp_path, monkeypatch):
    """A breakfast at a Hamburg address inside the Vienna trip's span and a lunch in Vienna:
    only the lunch's guest is met there (the breakfast's was named as met in Vienna too)."""
    breakfast = (
        "BEGIN:VEVENT\r\nUID:bf@t\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:Frühstück Hellmann\r\n"
        "DTSTART;TZID=Europe/Berlin:20261216T080000\r\nDTEND;TZID=Europe/Berlin:20261216T090000\r\n"
        "LOCATION:Café Paris\\, Rathausstraße 4\\, 20095 Hamburg\r\n"
        f"ORGANIZER;CN=Katrin Vogel:mailto:{ME}\r\n"
        "ATTENDEE;CN=Sven Hellmann;PARTSTAT=ACCEPTED:mailto:sven@hellmann.example\r\n"
        "END:VEVENT\r\n"
    )
    text = " ".join(trips(tmp_path, monkeypatch, JOURNEYS + lunch(MAX) + breakfast).split())
    assert "You meet Max Huber (donau-bau.example) there;" in text
    assert "Hellmann" not in text.split("You meet", 1)[1]
