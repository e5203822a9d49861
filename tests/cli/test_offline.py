"""Offline is a normal state: with online look-ups allowed and the network cut — a loopback
server that refuses every connection, or one that accepts and never answers — ``week``,
``propose``, ``feed``, ``agenda`` and ``invite`` finish, say once per service which one is
offline (or busy) and since when, ask it no more in the run, and ``planner status`` shows it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.data.consultant import CLIENT, ME, NOW, PROSPECT, write_calendar
from tests.fakes.unreachable import Hanging, refused_url

pytestmark = pytest.mark.slow


@pytest.fixture(params=["refused", "hanging"])
def network(request) -> Iterator[dict]:
    """Where Nominatim and Overpass are said to be, and how they fail."""
    if request.param == "refused":
        yield {"kind": request.param, "nominatim": refused_url(), "overpass": refused_url()}
        return
    with Hanging() as nominatim, Hanging() as overpass:
        yield {
            "kind": request.param,
            "nominatim": nominatim.url,
            "overpass": overpass.url,
            "servers": (nominatim, overpass),
        }


@pytest.fixture
def home(tmp_path, network, monkeypatch) -> Path:
    from planner.cli import common

    monkeypatch.setattr(common, "now_in", lambda tz: NOW.astimezone(tz))
    calendar = write_calendar(tmp_path)
    config = tmp_path / "config.toml"
    config.write_text(
        f"""[user]
name = "Jan Meyer"
email = "{ME}"
timezone = "Europe/Berlin"
home = "Hamburg"

[working_hours]
monday = "09:00-18:00"
tuesday = "09:00-18:00"
wednesday = "09:00-18:00"
thursday = "09:00-18:00"
friday = "09:00-18:00"

[geo]
online = true
user_agent = "planner-tests/0.1"
nominatim_url = "{network["nominatim"]}"
overpass_url = "{network["overpass"]}/api/interpreter"
timeout_seconds = 1

[[calendars]]
name = "work"
provider = "ics"
path = "{calendar}"
""",
        encoding="utf-8",
    )
    monkeypatch.setenv("PLANNER_CONFIG", str(config))
    return tmp_path


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output and "unexpected" not in result.output, result.output
    return result


def outage_lines(stderr: str) -> list[str]:
    """The lines that say a service is out (since when it failed: the real time)."""
    since = re.compile(r" since \d{4}-\d\d-\d\d \d\d:\d\d ")
    return [line for line in stderr.splitlines() if since.search(line)]


def check_said_once(result, network: dict, *, asked: tuple[str, ...]) -> None:
    """One line per service asked, naming offline apart from busy; each asked once."""
    lines = outage_lines(result.stderr)
    services = {"geocoding": "Geocoding (Nominatim", "venues": "Venue look-up (Overpass"}
    for name in asked:
        mine = [line for line in lines if services[name] in line]
        assert len(mine) == 1, result.stderr
        if network["kind"] == "refused":
            assert "is offline since" in mine[0] and "connection refused" in mine[0]
        else:
            assert "is busy since" in mine[0] and "did not answer within 1 s" in mine[0]
    if network["kind"] == "hanging":
        nominatim, overpass = network["servers"]
        assert nominatim.count <= 1 and overpass.count <= 1  # never asked again in the run


def test_week_finishes_and_says_once_which_service_is_offline(home, network):
    result = run("week", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    flagged = {e["uid"]: e for e in data["events"] if e["proposals"]}
    assert "wed-signing@consultant.test" in flagged
    check_said_once(result, network, asked=("geocoding", "venues"))
    for event in flagged.values():
        for proposal in event["proposals"]:
            assert proposal["id"] and proposal["venue"]["known"] is False  # the area: offline
            assert data["week"]["start"] <= proposal["start"] < data["week"]["end"]
    status = run("status")
    assert status.exit_code == 0
    assert "Geocoding (Nominatim at 127.0.0.1:" in status.stdout
    assert "Venue look-up (Overpass at 127.0.0.1:" in status.stdout


def test_propose_finishes_with_area_proposals(home, network):
    result = run("propose", "--with", CLIENT, "--purpose", "deal_closing", "--count", "4")
    assert result.exit_code == 0, result.output
    assert re.search(r"│ [0-9a-z]{6} +│", result.stdout), result.stdout
    assert "planner venues fetch --near" in " ".join(result.stdout.split())  # however wrapped
    check_said_once(result, network, asked=("venues",))


def test_propose_for_the_berlin_prospect_explains_the_trip(home, network):
    result = run("propose", "--with", PROSPECT, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    text = " ".join(data["notes"] + [r for p in data["proposals"] for r in p["reasons"]])
    assert "Kassel" not in text
    if not data["proposals"]:
        assert "Berlin is 255 km away, about" in text and "by train" in text


def test_feed_finishes(home, network, tmp_path):
    out = tmp_path / "feed.ics"
    result = run("feed", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    check_said_once(result, network, asked=("venues",))


def test_agenda_finishes(home, network):
    result = run("agenda", "7")
    assert result.exit_code == 0, result.output
    assert "Vertragsunterzeichnung Elbwerk" in result.stdout
    assert len(outage_lines(result.stderr)) <= 2


def test_invite_from_a_proposal_finishes_offline(home, network, tmp_path):
    listed = json.loads(run("propose", "--with", CLIENT, "--format", "json").stdout)
    ident = listed["proposals"][0]["id"]
    out = tmp_path / "invite.ics"
    result = run("invite", "--proposal", ident, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "BEGIN:VCALENDAR" in out.read_text(encoding="utf-8")
    assert f"Proposal {ident}" in result.stderr and "written, not sent" in result.stderr
    assert outage_lines(result.stderr) == []  # invite asks no online service
