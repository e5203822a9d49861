"""Where a counterpart is based, from the phone number of their card, as the user reads it in
``planner people`` and the week's JSON (English and German): the city with the number as its
evidence (defect: address-book numbers were never read)."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.model import Attendee, Contact, Event, Response
from tests.flows.touch_scenario import ANNA, TZ, at, calendar_ics, next_monday, write_home
from tests.providers.vcards import vcard

ME = Attendee(ANNA, "Anna Berger", Response.ACCEPTED)
LUC = Contact("luc", "Luc Roux", ("luc@seine-conseil.example",), "Seine Conseil",
              phones=("+33 1 42 68 53 00", "+33 6 12 34 56 78"))  # fmt: skip


@pytest.fixture
def home(tmp_path, monkeypatch):
    now = datetime.now(TZ)
    root = tmp_path / "files"
    config = write_home(root, now=now)
    with (root / "contacts.vcf").open("a", encoding="utf-8") as cards:
        cards.write(vcard(LUC, "4.0"))
    monday = next_monday(now)
    call = Event("luc@phones.test", "Call Seine Conseil", at(monday, 11), at(monday, 11, 30),
                 location="https://zoom.us/j/555", organizer=ME,
                 attendees=(ME, Attendee(LUC.emails[0], LUC.name)))  # fmt: skip
    ics = root / "work.ics"
    ics.write_bytes(calendar_ics([call]))
    monkeypatch.setenv("PLANNER_CONFIG", str(config))
    return now


def run(*args: str):
    # a table drops columns to fit the terminal: as wide as its every column needs
    result = CliRunner().invoke(main, list(args), catch_exceptions=False, env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("lang", ["en", "de"])
def test_planner_people_shows_the_city_of_the_cards_number(home, lang):
    found = json.loads(run("--lang", lang, "people", "--all", "--format", "json").stdout)
    luc = next(p for p in found["people"] if p["email"] == LUC.emails[0])
    assert luc["city"] == "Paris"
    said = {
        "en": "phone number +33 1 42 68 53 00 in address book file",
        "de": "Telefonnummer +33 1 42 68 53 00 laut Adressbuch file",
    }[lang]
    assert said in luc["city_evidence"]
    assert luc["phones"] == ["+33 1 42 68 53 00", "+33 6 12 34 56 78"]  # to call them
    table = run("--lang", lang, "people", "--all").stdout
    assert "Paris" in next(row for row in table.splitlines() if "Luc Roux" in row)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_weeks_json_places_them_by_the_cards_number(home, lang):
    week = json.loads(run("--lang", lang, "week", "--week", "next", "--format", "json").stdout)
    call = next(e for e in week["events"] if e["title"] == "Call Seine Conseil")
    luc = next(p for p in call["people"] if p["email"] == LUC.emails[0])
    assert luc["city"] == "Paris"
