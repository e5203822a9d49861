"""``planner week`` shows an offer made for a flagged meeting, its state and next step, and
proposes no new times for that meeting while the offer is in hand, as it does for an open
invitation (``test_week_states``).

Bug (found by trying the product): with an offer open to Jonas, the week still proposed three
new times for the meeting with him and said nothing of the offer, open, picked or expired."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from click.testing import CliRunner

from planner.cli import main
from planner.flows.offers import Offers
from planner.store import open_store
from tests.own import fix_now
from tests.render.test_week_mail import demo_config

PRIYA = "priya.shah@greenfield-ventures.example"  # "Intro call with Priya Shah", flagged
MONDAY = datetime(2026, 12, 7, 7, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def flagged(config: str) -> dict:
    data = json.loads(run("week", "--config", config, "--week", "2026-W50", "--format", "json"))
    (event,) = [e for e in data["events"] if e["title"].startswith("Intro call with Priya")]
    return event


def test_the_week_shows_an_open_offer_instead_of_proposing_again(
    tmp_path, isolated_home, monkeypatch
):
    fix_now(monkeypatch, MONDAY)
    config = str(demo_config(tmp_path, 2525))
    assert flagged(config)["proposals"]  # without an offer: times to propose
    run("offer", "--config", config, "--with", PRIYA, "--week", "2026-W50", "--out",
        str(tmp_path / "offer.html"))  # fmt: skip
    store = open_store()
    (offer,) = Offers(store).all()
    store.close()

    event = flagged(config)
    assert event["proposals"] == []
    (state,) = event["invitations"]
    assert (state["id"], state["status"], state["counterpart"]) == (offer.id, "open", PRIYA)
    assert state["line"].startswith(f"offer {offer.id} to ")
    assert "waiting for their choice" in state["line"]
    week = ["week", "--config", config, "--week", "2026-W50"]
    table = " ".join(run(*week, "--format", "table").split())
    assert f"✉ offer {offer.id} to" in table
    assert f"✉ offer {offer.id} to" in run(*week, "--format", "markdown")
    assert 'data-status="open"' in run(*week, "--format", "html")

    # expired without an answer: the week says so, with the command for a new offer
    fix_now(monkeypatch, offer.expires_at + timedelta(minutes=1))
    (state,) = flagged(config)["invitations"]
    assert state["status"] == "expired"
    assert state["command"] == f"planner offer --with {PRIYA}"


def test_a_german_week_names_the_offer_in_german(tmp_path, isolated_home, monkeypatch):
    fix_now(monkeypatch, MONDAY)
    config = str(demo_config(tmp_path, 2525))
    run("offer", "--config", config, "--with", PRIYA, "--week", "2026-W50", "--out",
        str(tmp_path / "offer.html"))  # fmt: skip
    table = run("week", "--config", config, "--week", "2026-W50", "--lang", "de")
    assert "✉ Angebot" in " ".join(table.split())
