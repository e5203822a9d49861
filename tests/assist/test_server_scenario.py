"""``planner mcp`` with a config of a scenario calendar, through the SDK's client over stdio:
every read tool shows what its command shows; a calendar that cannot be read is one warning;
a broken config is one error line, and fixing it needs no restart."""

from __future__ import annotations

import json
import socket
import subprocess

import pytest

from tests.assist import scenario
from tests.assist.client import PLANNER, call, error, planner_server, run

pytestmark = pytest.mark.slow


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_every_read_tool_on_a_scenario_calendar(isolated_home):
    unreachable = f"http://127.0.0.1:{closed_port()}/team.ics"
    config = scenario.write_config(
        isolated_home,
        extra=f'[[calendars]]\nname = "team"\nprovider = "ics"\nurl = "{unreachable}"\n',
    )
    day = scenario.first_day()

    async def session():
        async with planner_server() as client:
            return (
                await call(client, "week_plan", {"week_of": day.isoformat()}),
                await call(client, "agenda", {"days": 7}),
                await call(client, "contacts"),
                await call(client, "propose", {"with_email": scenario.LENA, "count": 2}),
                await call(client, "venues", {"near": "Marienplatz, München", "radius_km": 2}),
                await call(client, "invitations", {"read_calendars": False}),
            )

    week, agenda, contacts, propose, venues, invitations = run(session)
    cli = subprocess.run(
        [str(PLANNER), "week", "--config", str(config), "--start", day.isoformat(),
         "--format", "json"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert cli.returncode == 3, cli.stderr  # the CLI's partial result: the team calendar
    expected = [e for e in json.loads(cli.stdout)["events"]]
    modes = {e["uid"]: e["mode"] for e in week["events"]}
    assert modes == {e["uid"]: e["mode"] for e in expected}
    assert modes["erst-1@test"] == "virtual" and modes["lunch-1@test"] == "in_person"
    first = next(e for e in week["events"] if e["uid"] == "erst-1@test")
    assert first["purpose"] == "first_contact"
    assert first["recommendation"]["action"] == "meet_in_person" and first["proposals"]
    assert any("team" in w for w in week["warnings"]), week["warnings"]  # one line, not an end
    assert [i["title"] for i in agenda["agenda"]][:2] == [
        "Erstgespräch Hafenlogistik",
        "Réunion téléphonique avec Claire",
    ]
    bob = next(c for c in contacts["contacts"] if c["email"] == scenario.BOB)
    assert bob["in_person_meetings"] >= 1 and bob["last_in_person"] is not None
    assert propose["with"] == [scenario.LENA] and 1 <= len(propose["proposals"]) <= 2
    for proposal in propose["proposals"]:
        assert proposal["venue"]["name"] and proposal["reasons"]
    assert venues["venues"] and all(v["distance_km"] <= 2 for v in venues["venues"])
    assert invitations["invitations"] == []


def test_a_broken_config_is_one_line_and_fixing_it_needs_no_restart(isolated_home):
    config = scenario.write_config(isolated_home)
    good = config.read_text(encoding="utf-8")
    config.write_text(good.replace('timezone = "Europe/Berlin"', 'timezone = "Mars/Olympus"'))

    async def session():
        async with planner_server() as client:
            broken = await error(client, "agenda")
            config.write_text(good, encoding="utf-8")
            return broken, await call(client, "agenda")

    broken, agenda = run(session)
    assert str(config) in broken and "Mars/Olympus" in broken and "timezone" in broken
    assert agenda["agenda"]
    log = (isolated_home / "server.log").read_text(encoding="utf-8")
    assert "Traceback" not in log


def test_propose_for_a_meeting_shows_no_description(isolated_home):
    """QA h #7: propose with meeting_uid returned the meeting's whole description (a join link
    with its password) in an undocumented ``meeting`` field; week_plan leaves it out."""
    scenario.write_config(isolated_home)

    async def session():
        async with planner_server() as client:
            week = {"week_of": scenario.first_day().isoformat()}
            return await call(client, "propose", {"meeting_uid": "erst-1", **week})

    result = run(session)
    assert result["meeting"]["uid"] == "erst-1@test"
    assert result["meeting"]["title"] == "Erstgespräch Hafenlogistik"
    assert "description" not in result["meeting"]
    assert "Teams beitreten" not in json.dumps(result, ensure_ascii=False)
