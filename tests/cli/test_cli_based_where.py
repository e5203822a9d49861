"""Where a counterpart is based, as a new user reads it through the CLI: one answer in
``planner people``, ``planner week`` (JSON) and ``planner trips``, never learnt from a meeting
yet to come, bounded by an address book that names only a country; the distance shown is that
of the city shown; a trip booked as a whole-day hotel night lasts until the flight home, and
its people get a proposal there even where no venue is known (English and German output)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.model import Attendee, Contact, Event, PostalAddress, Response
from tests.flows.touch_scenario import ANNA, TZ, at, calendar_ics, next_monday, write_home
from tests.providers.vcards import vcard

ME = Attendee(ANNA, "Anna Berger", Response.ACCEPTED)
PETER = "peter.jensen@hanse-werft.example"
PIERRE = Contact("p", "Pierre Lefèvre", ("pierre@conseil-lyon.example",), "Conseil Lyon",
                 (PostalAddress("", "", "", "", "FR", "work"),))  # fmt: skip
URS = Contact("u", "Urs Meier", ("urs@bergbank.example",), "Bergbank",
              (PostalAddress("", "", "", "", "Schweiz", "work"),))  # fmt: skip
MARKUS = Contact("m", "Markus Gruber", ("markus@alpenholz.example",), "Alpenholz",
                 (PostalAddress("", "Rosenheim", "", "", "DE", "work"),))  # fmt: skip
GRETA = Contact("g", "Greta Vogel", ("greta@lech.example",), "Lech AG",
                (PostalAddress("Maximilianstraße 1", "Augsburg", "", "86150", "Deutschland",
                               "work"),))  # fmt: skip
SINA = Contact("s", "Sina Krohn", ("sina@elbe.example",), "Elbe GmbH",
               (PostalAddress("Steindamm 5", "Hamburg", "", "20099", "Germany", "work"),),
               ("Kunden",))  # fmt: skip


def _meal(uid: str, title: str, start: datetime, location: str, who: Contact) -> Event:
    them = Attendee(who.emails[0], who.name, Response.ACCEPTED)
    return Event(uid=f"{uid}@based.test", title=title, start=start,
                 end=start + timedelta(minutes=90), location=location, organizer=ME,
                 attendees=(ME, them))  # fmt: skip


@pytest.fixture
def home(tmp_path, monkeypatch):
    now = datetime.now(TZ)
    root = tmp_path / "files"
    config = write_home(root, now=now)
    text = config.read_text(encoding="utf-8").replace(
        "[relations]", '[[people]]\ntag = "Kunden"\nrhythm = "every 2 months"\n\n[relations]'
    )
    config.write_text(text.replace('files = ["', 'files_unused = ["'), encoding="utf-8")
    cards = (PIERRE, URS, MARKUS, GRETA, SINA)
    (root / "contacts.vcf").write_text("".join(vcard(c) for c in cards), encoding="utf-8")
    today = now.astimezone(TZ).date()
    monday = next_monday(now)
    wed, thu = monday + timedelta(days=2), monday + timedelta(days=3)
    events = [
        # a lunch the user booked in Munich for Pierre to come to: nothing of where he is based
        _meal("pierre", "Lunch mit Pierre", at(monday + timedelta(days=4), 12, 30),
              "Brenner Grill, Maximilianstraße 15, 80539 München", PIERRE),
        # Urs came to Munich in the past: his card says Switzerland; met in Zürich too
        _meal("urs-muc", "Mittagessen Bergbank", at(today - timedelta(days=40), 12),
              "Spatenhaus, Residenzstraße 12, 80333 München", URS),
        # Markus and Greta were met in Munich; their cards say Rosenheim and Augsburg
        _meal("markus", "Mittagessen Alpenholz", at(today - timedelta(days=90), 12),
              "Spatenhaus, Residenzstraße 12, 80333 München", MARKUS),
        _meal("greta", "Lunch Lech AG", at(today - timedelta(days=30), 12),
              "Tantris, Johann-Fichte-Straße 7, 80805 München", GRETA),
        # next week's trip: the flight out, one hotel night booked as a whole day, a
        # workshop on the first day, the flight home on the second day's evening
        Event("out@based.test", "Flug LH2059 MUC-HAM", at(wed, 7), at(wed, 8, 15),
              location="Flughafen München Terminal 2"),
        Event("hotel@based.test", "Hotel Atlantic Hamburg", at(wed, 0), at(thu, 0),
              location="Hotel Atlantic Kempinski, An der Alster 72-79, 20099 Hamburg",
              all_day=True),
        _meal("workshop", "Workshop Kunde", at(wed, 10), "Am Sandtorkai 50, 20457 Hamburg",
              Contact("x", "Kai Brink", ("kai@kunde-hh.example",))),
        Event("back@based.test", "Flug LH2078 HAM-MUC", at(thu, 19), at(thu, 20, 15),
              location="Flughafen Hamburg"),
        # a video call next week with someone no address book knows: the +49 40 number of
        # his signature places him in Hamburg
        Event("call@based.test", "Kick-off Werft", at(monday, 14), at(monday, 15),
              location="https://zoom.us/j/987654321", organizer=ME,
              attendees=(ME, Attendee(PETER, "Peter Jensen")),
              description="Viele Grüße\nPeter Jensen\nTel. +49 40 1234 5678\n" + PETER),
    ]  # fmt: skip
    (root / "work.ics").write_bytes(calendar_ics(events))
    monkeypatch.setenv("PLANNER_CONFIG", str(config))
    return {"wed": wed, "thu": thu}


def run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def _people() -> dict[str, dict]:
    found = json.loads(run("people", "--all", "--format", "json").stdout)["people"]
    return {p["email"]: p for p in found}


def test_a_meeting_yet_to_come_names_no_city_and_every_view_agrees(home):
    people = _people()
    pierre = people[PIERRE.emails[0]]
    assert pierre["city"] == "" and "München" not in pierre["places"]
    assert "meeting's location" not in pierre["city_evidence"]
    assert pierre["distance_km"] is None
    week = json.loads(run("week", "--week", "next", "--format", "json").stdout)
    lunch = next(e for e in week["events"] if e["title"] == "Lunch mit Pierre")
    them = next(p for p in lunch["people"] if p["email"] == PIERRE.emails[0])
    assert them["city"] == pierre["city"]
    call = next(e for e in week["events"] if e["title"] == "Kick-off Werft")
    peter = next(p for p in call["people"] if p["email"] == PETER)
    proposed = json.loads(run("propose", "--with", PETER, "--format", "json").stdout)
    assert peter["city"] == "Hamburg" == proposed["cities"][PETER]["city"]  # the one answer


def test_a_card_with_only_a_foreign_country_outweighs_a_lunch_in_the_users_city(home):
    urs = _people()[URS.emails[0]]
    assert urs["city"] == "" and urs["distance_km"] is None  # Switzerland, town unknown
    proposed = json.loads(run("propose", "--with", URS.emails[0], "--format", "json").stdout)
    city = proposed["cities"][URS.emails[0]]
    assert city["country_only"] and city["city"] == "Zürich"
    assert any("Schweiz in" in why for why in city["evidence"])


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_distance_is_that_of_the_city_shown(home, lang, monkeypatch):
    """Both were met in Munich (0 km); their cards say Rosenheim and Augsburg."""
    people = _people()
    markus, greta = people[MARKUS.emails[0]], people[GRETA.emails[0]]
    assert markus["city"] == "Rosenheim" and 45 <= markus["distance_km"] <= 65
    assert greta["city"] == "Augsburg" and 45 <= greta["distance_km"] <= 70
    monkeypatch.setenv("COLUMNS", "240")
    table = run("--lang", lang, "people", "--all").stdout
    for who, city in ((markus, "Rosenheim"), (greta, "Augsburg")):
        line = next(row for row in table.splitlines() if who["name"] in row)
        cells = [c.strip() for c in line.split("│")]
        assert cells[cells.index(city) + 1] == str(who["distance_km"]), line


@pytest.mark.parametrize(
    ("lang", "title"),
    [("en", "Hamburg, {wed} 08:15 – {thu} 19:00"), ("de", "Hamburg, {wed} 08:15 – {thu} 19:00")],
)
def test_a_whole_day_hotel_trip_lasts_until_the_flight_home_and_gets_a_proposal(home, lang, title):
    from planner.i18n import short_day, speaking

    data = json.loads(run("--lang", lang, "trips", "--format", "json").stdout)
    (trip,) = [t for t in data["trips"] if t["city"] == "Hamburg"]
    assert datetime.fromisoformat(trip["end"]) == at(home["thu"], 19)
    sina = next(p for p in trip["people"] if p["email"] == SINA.emails[0])
    proposal = sina["proposal"]
    assert proposal is not None, sina["note"]  # no venue known there: the area, with a time
    assert datetime.fromisoformat(proposal["start"]).date() in (home["wed"], home["thu"])
    text = run("--lang", lang, "trips").stdout
    with speaking(lang):
        wanted = title.format(wed=short_day(home["wed"]), thu=short_day(home["thu"]))
    assert wanted in text, text
    week = run("--lang", lang, "week", "--week", "next").stdout
    section = week.split("Sina Krohn", 1)[1][:600]
    assert "→" in section, section  # the week's keep-in-touch section proposes a time too
