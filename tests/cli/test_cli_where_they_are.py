"""``planner trips`` and ``planner propose`` give one answer to where a counterpart lives or
works, with its evidence, as a new user runs them: a fresh home, the scenario of
:mod:`tests.flows.touch_scenario` (a trip to Hamburg next week) and a video kick-off with
someone whose only hint is the +49 40 number in their signature; someone else with no hint at
all is placed nowhere by either command."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.model import Attendee, Event, Response
from tests.flows.touch_scenario import ANNA, TZ, calendar_ics, history, trip, write_home

PETER = "peter.jensen@hanse-werft.example"
SAM = "sam@startup.example"
SIGNATURE = (
    "Hallo Anna,\nich freue mich auf den Start.\n\nViele Grüße\nPeter Jensen\n"
    f"Hanse Werft GmbH\nTel. +49 40 1234 5678\n{PETER}"
)


def _call(uid: str, title: str, start: datetime, who: Attendee, text: str) -> Event:
    me = Attendee(ANNA, "Anna Berger", Response.ACCEPTED)
    return Event(
        uid=uid, title=title, start=start, end=start + timedelta(hours=1),
        location="https://zoom.us/j/987654321", description=text, organizer=me,
        attendees=(me, who),
    )  # fmt: skip


@pytest.fixture
def home(tmp_path, monkeypatch):
    now = datetime.now(TZ)
    config = write_home(tmp_path / "files", now=now)
    past = now - timedelta(days=10)
    extra = [
        _call("kickoff@t", "Kick-off", past, Attendee(PETER, "Peter Jensen"), SIGNATURE),
        _call("intro@t", "Intro", past, Attendee(SAM, "Sam Doe"), "Hi Sam, see you online."),
    ]
    (tmp_path / "files" / "work.ics").write_bytes(calendar_ics(history(now) + trip(now) + extra))
    monkeypatch.setenv("PLANNER_CONFIG", str(config))
    return config


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_trips_and_propose_place_the_counterpart_in_the_same_city(home):
    result = run("trips", "--no-proposals", "--format", "json")
    assert result.exit_code == 0, result.output
    (hamburg,) = json.loads(result.stdout)["trips"]
    people = {p["email"]: p for p in hamburg["people"]}
    assert people[PETER]["city"] == "Hamburg"
    assert "+49 40 1234 5678" in people[PETER]["city_evidence"]
    assert "'Kick-off'" in people[PETER]["city_evidence"]
    assert SAM not in people  # no hint: nobody invents a city for them

    proposed = run("propose", "--with", PETER, "--format", "json")
    assert proposed.exit_code == 0, proposed.output
    city = json.loads(proposed.stdout)["cities"][PETER]
    assert city["city"] == "Hamburg" and "+49 40 1234 5678" in city["evidence"][0]

    text = run("trips", "--no-proposals").stdout
    assert "lives or works in Hamburg (phone number +49 40 1234 5678" in text
    table = run("propose", "--with", PETER, "--count", "1").stdout
    assert "Peter Jensen lives or works in Hamburg (phone number +49 40 1234 5678" in table


def test_an_address_book_city_reaches_propose_as_it_reaches_trips(home):
    """Ole's city is only in the vCard file (work in Hamburg, home in Lübeck)."""
    proposed = json.loads(run("propose", "--with", "ole@nordreederei.example", "--format",
                              "json").stdout)  # fmt: skip
    city = proposed["cities"]["ole@nordreederei.example"]
    assert city["city"] == "Hamburg" and "address book file" in city["evidence"][0]
    assert [o["city"] for o in city["others"]] == ["Lübeck"]
    (hamburg,) = json.loads(run("trips", "--no-proposals", "--format", "json").stdout)["trips"]
    ole = next(p for p in hamburg["people"] if p["email"] == "ole@nordreederei.example")
    assert ole["city"] == "Hamburg" and "address book file" in ole["city_evidence"]


def test_no_hint_no_city_in_propose_either(home):
    proposed = json.loads(run("propose", "--with", SAM, "--format", "json").stdout)
    assert SAM not in proposed["cities"]
    assert any("Their city is unknown" in r for p in proposed["proposals"] for r in p["reasons"])
