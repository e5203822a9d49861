"""``planner mcp --demo`` through the SDK's client over stdio: the tools it lists, and every
read tool on the demo persona, each showing what its command shows."""

from __future__ import annotations

import json
import subprocess

import pytest

from planner.assist.server import tools
from tests.assist.client import PLANNER, call, error, planner_server, run

pytestmark = pytest.mark.slow

READ = {"week_plan", "agenda", "contacts", "propose", "venues", "invitations"}
WRITE = {"invite", "hold", "offer"}


def test_the_server_lists_every_tool_with_typed_inputs_and_outputs():
    async def listed():
        async with planner_server("--demo") as client:
            return (await client.list_tools()).tools, client.server_info

    listed_tools, info = run(listed)
    assert info is not None and info.name == "planner"
    by_name = {tool.name: tool for tool in listed_tools}
    assert set(by_name) == READ | WRITE == set(tools())
    for name, tool in by_name.items():
        assert tool.description and len(tool.description) > 80, name
        assert tool.output_schema and tool.output_schema["type"] == "object", name
        assert "warnings" in tool.output_schema["properties"], name
        assert tool.annotations is not None
        assert tool.annotations.read_only_hint is (name in READ), name
        # QA report h #14: `invite` updates and cancels sent meetings, yet said "not destructive"
        assert tool.annotations.destructive_hint is (name == "invite"), name
        assert tool.annotations.idempotent_hint is (name in READ), name
        assert "ws" not in tool.input_schema.get("properties", {}), name
        assert ("confirm" in tool.input_schema.get("properties", {})) is (name in WRITE), name
    propose = by_name["propose"].input_schema["properties"]
    assert "first_contact" in json.dumps(propose["purpose"])  # an enum, not free text
    assert by_name["agenda"].input_schema["properties"]["days"]["maximum"] == 60
    assert "date" in json.dumps(by_name["week_plan"].input_schema["properties"]["week_of"])


def test_every_read_tool_answers_on_the_demo():
    async def session():
        async with planner_server("--demo") as client:
            week = await call(client, "week_plan")
            agenda = await call(client, "agenda", {"days": 7})
            contacts = await call(client, "contacts", {"never_met": True})
            propose = await call(client, "propose", {"with_email": "sven@krueger-design.example"})
            venues = await call(client, "venues", {"near": "München Hbf", "kind": "cafe"})
            invitations = await call(client, "invitations")
            bad = await error(client, "propose", {})
            far = await error(client, "venues", {"near": "x" * 50_000})
            return week, agenda, contacts, propose, venues, invitations, (bad, far)

    week, agenda, contacts, propose, venues, invitations, (bad, far) = run(session)
    cli = subprocess.run(
        [str(PLANNER), "week", "--demo", "--format", "json"],
        capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    expected = json.loads(cli.stdout)
    assert week["week"] == expected["week"]
    assert [(e["uid"], e["mode"], e["purpose"]) for e in week["events"]] == [
        (e["uid"], e["mode"], e["purpose"]) for e in expected["events"]
    ]
    assert week["stats"] == expected["stats"] and week["balance"] == expected["balance"]
    flagged = [e for e in week["events"] if e["proposals"]]
    assert flagged and flagged[0]["recommendation"]["action"] == "meet_in_person"
    assert agenda["agenda"] and all(item["start"] < item["end"] for item in agenda["agenda"])
    assert contacts["contacts"] and all(c["last_in_person"] is None for c in contacts["contacts"])
    assert propose["with"] == ["sven@krueger-design.example"] and propose["proposals"]
    ids = [p["id"] for p in propose["proposals"]]
    assert len(set(ids)) == len(ids) and all(len(i) == 6 for i in ids)
    assert venues["venues"] and {v["kind"] for v in venues["venues"]} == {"cafe"}
    distances = [v["distance_km"] for v in venues["venues"]]
    assert distances == sorted(distances)
    # QA report h #14: the source was the install path of the sample catalog; and a place of
    # 50,000 characters was echoed whole in the error
    assert {v["source"].split(" [[venue]]")[0] for v in venues["venues"]} == {
        "planner:venues_munich.toml"
    }
    assert "cannot find the place 'xxx" in far and "x…'" in far and len(far) < 400, far[:500]
    assert invitations == {"warnings": [], "invitations": []}
    assert "with_email" in bad and "meeting_uid" in bad


def test_write_tools_on_the_demo_show_the_dry_run_but_give_no_token():
    async def session():
        async with planner_server("--demo") as client:
            listed = await call(client, "propose", {"with_email": "sven@krueger-design.example"})
            first = listed["proposals"][0]["id"]
            dry = await call(client, "invite", {"proposal": first})
            refused = await error(client, "invite", {"proposal": first, "confirm": "anything"})
            return dry, refused

    dry, refused = run(session)
    assert dry["done"] is False and dry["confirm"] is None
    assert [p["email"] for p in dry["who"]] == ["sven@krueger-design.example"]
    assert dry["start"] and dry["where"] and "BEGIN:VCALENDAR" in dry["preview"]
    assert any("demo" in w for w in dry["warnings"])
    assert "demo" in refused


def test_a_demo_proposal_of_another_week_is_invited_to_on_that_weeks_clock():
    """The demo's "now" is Monday 07:00 of the week it shows: a proposal it listed for a week
    gone by (real time moved on) is still shown as a dry run, not refused as passed."""

    async def session():
        async with planner_server("--demo") as client:
            listed = await call(
                client,
                "propose",
                {"with_email": "sven@krueger-design.example", "week_of": "2026-11-04"},
            )
            first = listed["proposals"][0]
            return first, await call(client, "invite", {"proposal": first["id"]})

    first, dry = run(session)
    assert first["start"].startswith("2026-11-")
    assert dry["done"] is False and dry["start"] == first["start"]
