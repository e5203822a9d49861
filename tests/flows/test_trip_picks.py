"""Who gets a proposal on a trip and in the weekly section, and what is said of the others.

Bugs (QA report D): "you meet in person at 'Donaubank Jahresplanung 2027' …, on this trip"
was said of Felix Gruber, who is not invited to it (his key-account rhythm counts any
Donaubank meeting), and he got no proposal (finding 4); people met on the trip took the
trip's three proposals and the week's ``per_week`` places, while Zoë, due and in Munich, got
neither a proposal nor a reason (finding 5)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.flows.test_trip_met_there import BEFORE, PRESENTATION, TRAIN
from tests.flows.test_visit_planned import _config as visit_config
from tests.own import fix_now

NOW = datetime(2026, 12, 7, 8, tzinfo=UTC)  # Monday
LOUIS = "louis.martin@banque-lumiere.example"  # of the bank, not at its presentation
CAMILLE = "camille.durand@banque-lumiere.example"
OTHERS = (  # due in Paris, each with a rhythm of their own
    ("elise@cabinet-dubois.example", "Élise Dubois", "every 2 months"),
    ("yves.moreau@moreau-avocats.example", "Yves Moreau", "alle 3 Monate"),
    ("ines@garcia-conseil.example", "Inès García", "tous les 2 mois"),
    ("j.dupont@dupont-freres.example", "Jean Dupont", "quarterly"),
)
BANK = {  # the bank's rhythm as an organisation's and as a key account's
    "organisation": '[[people]]\ndomain = "banque-lumiere.example"\n'
    'organisation = "Banque Lumière"\nrhythm = "quarterly"\n\n',
    "key account": '[relations]\nkey_accounts = ["banque-lumiere.example"]\n\n'
    '[[people]]\ndomain = "banque-lumiere.example"\norganisation = "Banque Lumière"\n\n',
}


def _people(bank: str, others: int, per_week: int = 4) -> str:
    text = BANK[bank] + f"[keep_in_touch]\nper_week = {per_week}\n\n"
    text += f'[[people]]\nemail = "{CAMILLE}"\nname = "Camille Durand"\ncity = "Paris"\n'
    text += 'rhythm = "quarterly"\n\n'
    text += f'[[people]]\nemail = "{LOUIS}"\nname = "Louis Martin"\ncity = "Paris"\n\n'
    for email, name, rhythm in OTHERS[:others]:
        text += f'[[people]]\nemail = "{email}"\nname = "{name}"\ncity = "Paris"\n'
        text += f'rhythm = "{rhythm}"\n\n'
    return text


def _run(tmp_path, monkeypatch, people: str, vendor: str, *args: str) -> str:
    fix_now(monkeypatch, NOW)
    calendars = {"apple": TRAIN, "google": BEFORE}
    calendars[vendor] = calendars.get(vendor, "") + PRESENTATION[vendor]
    config = visit_config(tmp_path, calendars, people)
    result = CliRunner().invoke(main, [args[0], "--config", str(config), *args[1:]])
    assert result.exit_code == 0, result.output
    return result.stdout


def _paris(text: str) -> dict[str, dict]:
    (paris,) = [t for t in json.loads(text)["trips"] if t["city"] == "Paris"]
    return {p["email"]: p for p in paris["people"]}


@pytest.mark.parametrize("bank", ["organisation", "key account"])
@pytest.mark.parametrize("vendor", ["outlook", "google", "apple"])
def test_an_organisation_met_on_the_trip_is_said_of_the_organisation(
    tmp_path, monkeypatch, vendor, bank
):
    out = _run(tmp_path, monkeypatch, _people(bank, 0), vendor, "trips", "--format", "json")
    louis = _paris(out)[LOUIS]
    assert "you meet in person" not in louis["note"] + louis["context"]
    assert louis["context"] == (
        "Banque Lumière is met at 'Présentation Zielbild – Banque Lumière' on Fri 18 Dec; "
        "Louis Martin is not invited"
    )
    assert louis["proposal"] is not None and louis["command"]  # due: still proposed a time
    camille = _paris(out)[CAMILLE]  # she attends: the person-level sentence is true of her
    assert camille["note"].startswith("you meet in person at 'Présentation Zielbild")


def test_the_organisation_sentence_in_german(tmp_path, monkeypatch):
    people = _people("organisation", 0)
    text = " ".join(_run(tmp_path, monkeypatch, people, "google", "trips", "--lang", "de").split())
    louis = text.split("Louis Martin <")[1].split("•")[0]
    assert "Fr. 18. Dez." in louis and "→" in louis
    assert "Louis Martin" in louis  # the sentence names him: true of him, not "you meet"


@pytest.mark.parametrize("vendor", ["outlook", "apple"])
def test_people_met_there_use_up_no_proposal_and_the_rest_get_a_reason(
    tmp_path, monkeypatch, vendor
):
    out = _run(tmp_path, monkeypatch, _people("organisation", 4), vendor, "trips",
               "--format", "json")  # fmt: skip
    people = _paris(out)
    proposed = [e for e, p in people.items() if p.get("proposal")]
    assert len(proposed) == 3 and CAMILLE not in proposed  # three, Camille met there besides
    assert people[CAMILLE]["in_hand"] is True
    for email, person in people.items():  # each: a proposal or the reason there is none
        assert person.get("proposal") or person.get("note"), email
    rest = [p for e, p in people.items() if not p.get("proposal") and e != CAMILLE]
    assert len(rest) == 2  # Louis and four others are due: five for three proposals
    for person in rest:
        assert person["note"].startswith("no proposal here: 3 people before them on this trip")
        command = f"planner propose --with {person['email']} --week 2026-W51 --near Paris"
        assert command in person["note"]


def test_the_week_counts_only_those_to_act_for(tmp_path, monkeypatch):
    people = _people("organisation", 4, per_week=2)
    out = _run(tmp_path, monkeypatch, people, "google", "week", "--week", "next",
               "--format", "json")  # fmt: skip
    keep = {p["email"]: p for p in json.loads(out)["keep_in_touch"]["people"]}
    acting = [p for p in keep.values() if not p["in_hand"]]
    assert len(acting) == 2 and all(p["proposal"] for p in acting)
    assert keep[CAMILLE]["in_hand"] and keep[CAMILLE]["proposal"] is None  # shown besides
    assert keep[CAMILLE]["note"].startswith("you meet in person at")
