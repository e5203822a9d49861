"""Everyone met in person on a trip, in its town, is named as met there and gets no proposal
of a second meeting on it, however many other meetings with them are planned before it.

Bug (found by trying the product): a presentation with Camille Durand and Henri Laurent in
Paris on Friday, and a lunch with Camille at home on the Thursday before; the Paris trip
proposed "→ Fri 18 Dec 12:45 Coffee" with Camille right after the presentation (her next
planned meeting was the lunch, not the one on the trip), and its JSON ``meeting`` named Henri
alone. The keep-in-touch section read "1 people you know near …"."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.flows.test_visit_planned import _config as visit_config
from tests.own import fix_now

ME = "markus@weber-advisory.example"
NOW = datetime(2026, 12, 7, 8, tzinfo=UTC)  # Monday
CAMILLE = "CN=Camille Durand;PARTSTAT=ACCEPTED:mailto:camille.durand@banque-lumiere.example"
HENRI = "CN=Henri Laurent;PARTSTAT=ACCEPTED:mailto:henri.laurent@banque-lumiere.example"
ORGANIZER = f"ORGANIZER;CN=Markus Weber:mailto:{ME}\r\n"
TRAIN = (  # Apple: the TGV there and back
    "BEGIN:VEVENT\r\nUID:A1B2C3D4-TGV-OUT\r\nDTSTAMP:20261101T000000Z\r\n"
    "SUMMARY:TGV 9554 Frankfurt → Paris Est\r\n"
    "DTSTART;TZID=Europe/Berlin:20261217T140000\r\nDTEND;TZID=Europe/Paris:20261217T175000\r\n"
    "LOCATION:Frankfurt(Main)Hbf\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:A1B2C3D4-TGV-BACK\r\nDTSTAMP:20261101T000000Z\r\n"
    "SUMMARY:TGV 9553 Paris Est → Frankfurt\r\n"
    "DTSTART;TZID=Europe/Paris:20261218T170600\r\nDTEND;TZID=Europe/Berlin:20261218T205000\r\n"
    "LOCATION:Paris Est\r\nEND:VEVENT\r\n"
)
WHERE = "Banque Lumière\\, 12 Rue de la Paix\\, 75002 Paris"
PEOPLE = f"{ORGANIZER}ATTENDEE;{CAMILLE}\r\nATTENDEE;{HENRI}\r\n"
PRESENTATION = {
    "outlook": (
        "BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E0080000000077@outlook\r\n"
        "DTSTAMP:20261101T000000Z\r\nSUMMARY:Présentation Zielbild – Banque Lumière\r\n"
        "DTSTART;TZID=Romance Standard Time:20261218T100000\r\n"
        "DTEND;TZID=Romance Standard Time:20261218T120000\r\n"
        f"LOCATION:{WHERE}\r\n{PEOPLE}END:VEVENT\r\n"
    ),
    "google": (
        "BEGIN:VEVENT\r\nUID:pres9x@google.com\r\nDTSTAMP:20261101T000000Z\r\n"
        "SUMMARY:Présentation Zielbild – Banque Lumière\r\n"
        "DTSTART:20261218T090000Z\r\nDTEND:20261218T110000Z\r\n"
        f"LOCATION:{WHERE}\r\n{PEOPLE}END:VEVENT\r\n"
    ),
    "apple": (
        "BEGIN:VEVENT\r\nUID:5E2A9C1B-PRES\r\nDTSTAMP:20261101T000000Z\r\n"
        "SUMMARY:Présentation Zielbild – Banque Lumière\r\n"
        "DTSTART;TZID=Europe/Paris:20261218T100000\r\nDTEND;TZID=Europe/Paris:20261218T120000\r\n"
        "LOCATION:Banque Lumière\\n12 Rue de la Paix\\, 75002 Paris\\, France\r\n"
        'X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS="12 Rue de la Paix, 75002 Paris, '
        'France";X-APPLE-RADIUS=70;X-TITLE="Banque Lumière":geo:48.8687,2.3316\r\n'
        f"{PEOPLE}END:VEVENT\r\n"
    ),
}
BEFORE = (  # Google: a video call and a lunch at home with Camille, both before the trip
    "BEGIN:VEVENT\r\nUID:call4q@google.com\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:Abstimmung\r\n"
    "DTSTART:20261208T090000Z\r\nDTEND:20261208T093000Z\r\n"
    "DESCRIPTION:Join with Google Meet: https://meet.google.com/abc-defg-hij\r\n"
    f"{ORGANIZER}ATTENDEE;{CAMILLE}\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:lunch7@google.com\r\nDTSTAMP:20261101T000000Z\r\n"
    "SUMMARY:Lunch Camille Durand\r\nDTSTART:20261210T113000Z\r\nDTEND:20261210T130000Z\r\n"
    "LOCATION:Restaurant Margarethe\\, Braubachstraße 18\\, 60311 Frankfurt am Main\r\n"
    f"{ORGANIZER}ATTENDEE;{CAMILLE}\r\nEND:VEVENT\r\n"
)


PEOPLE_TOML = (
    '[[people]]\nemail = "camille.durand@banque-lumiere.example"\nname = "Camille Durand"\n'
    'city = "Paris"\nrhythm = "quarterly"\n\n'
    '[[people]]\nemail = "elise@cabinet-dubois.example"\nname = "Élise Dubois"\n'
    'city = "Paris"\nrhythm = "every 2 months"\n\n'
)


def _config(folder: Path, calendars: dict[str, str]) -> Path:
    return visit_config(folder, calendars, PEOPLE_TOML)


def _run(tmp_path, monkeypatch, vendor: str, *args: str) -> str:
    fix_now(monkeypatch, NOW)
    calendars = {"apple": TRAIN, "google": BEFORE}
    calendars[vendor] = calendars.get(vendor, "") + PRESENTATION[vendor]
    config = _config(tmp_path, calendars)
    result = CliRunner().invoke(main, [args[0], "--config", str(config), *args[1:]])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("vendor", ["outlook", "google", "apple"])
def test_camille_is_met_on_the_trip_and_gets_no_second_meeting(tmp_path, monkeypatch, vendor):
    data = json.loads(_run(tmp_path, monkeypatch, vendor, "trips", "--format", "json"))
    (paris,) = [t for t in data["trips"] if t["city"] == "Paris"]
    assert paris["meeting"] == "Camille Durand, Henri Laurent (banque-lumiere.example)"
    people = {p["email"]: p for p in paris["people"]}
    camille = people["camille.durand@banque-lumiere.example"]
    assert camille["planned"]["title"] == "Lunch Camille Durand"  # her next one: not the trip's
    assert camille["proposal"] is None
    assert camille["note"] == (
        "you meet in person at 'Présentation Zielbild – Banque Lumière' on Fri 18 Dec, on this trip"
    )
    assert people["elise@cabinet-dubois.example"]["note"] != camille["note"]  # not met there


def test_the_text_in_english_and_german(tmp_path, monkeypatch):
    text = " ".join(_run(tmp_path, monkeypatch, "outlook", "trips").split())
    assert "You meet Camille Durand, Henri Laurent (banque-lumiere.example) there." in text
    camille = text.split("Camille Durand <")[1].split("•")[0]
    assert "→" not in camille and "planner invite" not in camille
    german = " ".join(_run(tmp_path, monkeypatch, "outlook", "trips", "--lang", "de").split())
    camille = german.split("Camille Durand <")[1].split("•")[0]
    assert "→" not in camille and "Fr. 18. Dez." in camille


def test_the_weekly_section_counts_people_in_singular_and_plural(tmp_path, monkeypatch):
    fix_now(monkeypatch, datetime(2026, 12, 14, 8, tzinfo=UTC))  # the week of the trip
    calendars = {"apple": TRAIN, "google": BEFORE + PRESENTATION["google"]}
    config = _config(tmp_path, calendars)
    result = CliRunner().invoke(main, ["week", "--config", str(config)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "2 people you know near" in text
    one = tmp_path / "one"
    one.mkdir()
    single = _config(one, calendars).read_text(encoding="utf-8")
    single = single.replace('rhythm = "quarterly"', 'rhythm = "never"')  # Élise alone
    (one / "config.toml").write_text(single, encoding="utf-8")
    result = CliRunner().invoke(main, ["week", "--config", str(one / "config.toml")])
    assert "1 person you know near" in " ".join(result.stdout.split())
    result = CliRunner().invoke(
        main, ["week", "--config", str(one / "config.toml"), "--lang", "de"]
    )
    german = " ".join(result.stdout.split())  # its words are the catalog's (a plural msgid)
    assert "Do. 17. Dez. 17:50 – Fr. 18. Dez. 17:06: 1 " in german
