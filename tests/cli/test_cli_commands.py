"""The commands around the weekly plan, end to end on the demo: contacts, propose, invite,
venues, init; and the demo's judgements (issue 3, point 6)."""

from __future__ import annotations

import json
import tomllib

import icalendar
import pytest
from click.testing import CliRunner

from planner.cli import main

WEEK = "2026-W50"


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def demo_week() -> dict:
    return json.loads(run("week", "--demo", "--week", WEEK, "--format", "json").stdout)


def by_title(data: dict, fragment: str) -> dict:
    found = [e for e in data["events"] if fragment in e["title"]]
    assert len(found) == 1, fragment
    return found[0]


def test_demo_flags_the_video_first_contact_and_the_video_signing(demo_week):
    first = by_title(demo_week, "Erstgespräch Nordlicht")
    assert (first["mode"], first["purpose"]) == ("virtual", "first_contact")
    assert first["recommendation"]["action"] == "meet_in_person"
    signing = by_title(demo_week, "Vertragsunterzeichnung")
    assert (signing["mode"], signing["purpose"]) == ("virtual", "deal_closing")
    assert signing["recommendation"]["action"] == "meet_in_person"
    assert signing["purpose_evidence"]


def test_demo_keeps_routine_syncs_on_video(demo_week):
    sync = by_title(demo_week, "Weekly Sync Alpenblick")
    assert (sync["purpose"], sync["recommendation"]["action"]) == ("routine", "keep")
    internal = by_title(demo_week, "Team-Jour-fixe")
    assert internal["purpose"] == "internal" and internal["recommendation"] is None


def test_demo_flags_the_never_met_repeat_counterpart(demo_week):
    krueger = by_title(demo_week, "Sven Krüger")
    assert krueger["recommendation"]["action"] == "meet_in_person"
    assert "never met in person" in krueger["recommendation"]["reason"]


def test_demo_has_a_key_account_due_for_a_visit_and_a_balance(demo_week):
    assert [d["account"] for d in demo_week["due_for_visit"]] == ["bayvers.example"]
    balance = demo_week["balance"]
    assert balance["target"] == 0.3
    assert 0 < balance["in_person_share"] < 1
    assert len(balance["trend"]) == 4


def test_demo_proposes_slots_for_every_flagged_meeting_near_home(demo_week):
    flagged = [
        e
        for e in demo_week["events"]
        if (e["recommendation"] or {}).get("action") == "meet_in_person"
    ]
    assert len(flagged) >= 3
    slots = []
    for event in flagged:
        if "Priya" in event["title"]:  # London (her dial-in number): no Munich café for her,
            # and no point halfway: each is three hours away, out of proportion to a first meeting
            assert event["proposals"] == []
            reason = event["recommendation"]["reason"]
            assert "London" in reason and "planner trips" in reason
            assert "keep it a call" not in reason  # the next step is in person, as the reason

            continue
        assert event["proposals"], event["title"]
        for proposal in event["proposals"]:
            assert proposal["venue"]["name"] and proposal["start"] < proposal["end"]
            slots.append((proposal["start"], proposal["end"]))
    assert len(slots) == len(set(slots)), "two meetings were offered the same slot"


def test_contacts_json_lists_the_ledger():
    data = json.loads(run("contacts", "--demo", "--format", "json").stdout)
    rows = {row["email"]: row for row in data["contacts"]}
    sven = rows["sven@krueger-design.example"]
    assert sven["in_person_meetings"] == 0 and sven["meetings"] == 4
    assert sven["last_in_person"] is None
    assert rows["julia.meier@gmail.com"]["organisation"] is None  # free mail
    assert rows["tom.berg@alpenblick.example"]["organisation"] == "alpenblick.example"
    for row in data["contacts"]:
        assert {"email", "organisation", "meetings", "in_person_meetings", "last_in_person"} <= set(
            row
        )


def test_contacts_never_met_and_due_filters():
    never = json.loads(run("contacts", "--demo", "--never-met", "--format", "json").stdout)
    assert {r["email"] for r in never["contacts"]} == {"sven@krueger-design.example"}
    due = json.loads(run("contacts", "--demo", "--due", "--format", "json").stdout)
    assert {r["email"] for r in due["contacts"]} == {"claudia.schmid@bayvers.example"}


def test_propose_json_shape_and_invite_from_it(tmp_path):
    data = json.loads(
        run(
            "propose",
            "--demo",
            "--with",
            "sven@krueger-design.example",
            "--week",
            WEEK,
            "--format",
            "json",
        ).stdout
    )
    assert 1 <= len(data["proposals"]) <= 3
    for p in data["proposals"]:
        assert set(p) >= {"start", "end", "kind", "venue", "travel_minutes", "score", "reasons"}
        assert set(p["venue"]) >= {"name", "kind", "address", "lat", "lon"}
        assert set(p["travel_minutes"]) == {"before", "after"}
        assert p["start"][-6:] == "+01:00"
    out = tmp_path / "invite.ics"
    run("invite", "--demo", "--proposal", data["proposals"][0]["id"], "--out", str(out))
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    assert cal["METHOD"] == "REQUEST"
    event = cal.walk("VEVENT")[0]
    first = data["proposals"][0]
    assert event.decoded("DTSTART").isoformat() == first["start"]
    assert first["venue"]["name"] in str(event["LOCATION"])
    assert "sven@krueger-design.example" in str(event["ATTENDEE"])
    again = tmp_path / "again.ics"
    run("invite", "--demo", "--proposal", first["id"], "--out", str(again))
    assert icalendar.Calendar.from_ical(again.read_bytes()).walk("VEVENT")[0]["UID"] == event["UID"]


def test_invite_update_raises_sequence_and_cancel_cancels(tmp_path):
    first = tmp_path / "a.ics"
    run(
        "invite",
        "--demo",
        "--to",
        "bob@acme.example",
        "--title",
        "Lunch with Bob",
        "--start",
        "2026-12-08T12:30",
        "--venue",
        "Trattoria Lehel",
        "--out",
        str(first),
    )
    uid = str(icalendar.Calendar.from_ical(first.read_bytes()).walk("VEVENT")[0]["UID"])
    second = tmp_path / "b.ics"
    run("invite", "--demo", "--update", uid, "--start", "2026-12-09T12:30", "--out", str(second))
    updated = icalendar.Calendar.from_ical(second.read_bytes()).walk("VEVENT")[0]
    assert str(updated["UID"]) == uid and int(updated["SEQUENCE"]) == 1
    assert updated.decoded("DTSTART").isoformat() == "2026-12-09T12:30:00+01:00"
    third = tmp_path / "c.ics"
    run("invite", "--demo", "--cancel", uid, "--out", str(third))
    cancel = icalendar.Calendar.from_ical(third.read_bytes())
    assert cancel["METHOD"] == "CANCEL"
    assert int(cancel.walk("VEVENT")[0]["SEQUENCE"]) == 2


def test_invite_without_send_is_a_dry_run():
    result = run(
        "invite",
        "--demo",
        "--to",
        "bob@acme.example",
        "--title",
        "Coffee",
        "--start",
        "2026-12-08T10:00",
        "--location",
        "Café Frischhut",
    )
    assert "text/calendar; method=REQUEST" in result.stdout
    assert "dry run" in result.stderr


def test_invite_needs_what_a_new_meeting_needs():
    result = CliRunner().invoke(main, ["invite", "--demo", "--to", "bob@acme.example"])
    assert result.exit_code == 2
    assert "--title" in result.output and "--start" in result.output


def test_venues_browse_and_import(tmp_path):
    data = json.loads(run("venues", "--demo", "--kind", "cafe", "--format", "json").stdout)
    assert data["venues"] and {v["kind"] for v in data["venues"]} == {"cafe"}
    sunday_night = json.loads(
        run("venues", "--demo", "--open-at", "2026-12-13T23:30", "--format", "json").stdout
    )
    names = {v["name"] for v in sunday_night["venues"]}
    assert names < {
        v["name"] for v in json.loads(run("venues", "--demo", "--format", "json").stdout)["venues"]
    }
    overpass = tmp_path / "export.json"
    overpass.write_text(
        json.dumps(
            {
                "elements": [
                    {
                        "type": "node",
                        "id": 1,
                        "lat": 48.137,
                        "lon": 11.575,
                        "tags": {
                            "amenity": "cafe",
                            "name": "Café Test",
                            "opening_hours": "Mo-Fr 08:00-18:00",
                        },
                    },
                    {
                        "type": "node",
                        "id": 2,
                        "lat": 48.14,
                        "lon": 11.56,
                        "tags": {"shop": "bakery"},
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    target = tmp_path / "venues.csv"
    result = run("venues", "import", str(overpass), str(target))
    assert "wrote 1 venue " in result.output
    assert "Café Test" in target.read_text(encoding="utf-8")


def test_init_writes_a_valid_config_once(tmp_path, isolated_home):
    target = tmp_path / "config.toml"
    (isolated_home / "cal.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    run(
        "init",
        "--config",
        str(target),
        "--name",
        "Anna",
        "--email",
        "anna@firma.example",
        "--timezone",
        "Europe/Vienna",
        "--ics",
        "~/cal.ics",
    )
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert data["user"]["domains"] == ["firma.example"]
    assert data["calendars"][0]["path"] == "~/cal.ics"
    again = CliRunner().invoke(main, ["init", "--config", str(target)])
    assert again.exit_code == 2 and "already exists" in again.output


def test_venues_import_writes_to_the_data_dir_by_default(tmp_path, isolated_home):
    overpass = tmp_path / "muenchen.json"
    overpass.write_text(
        json.dumps(
            {
                "elements": [
                    {
                        "type": "node",
                        "id": 1,
                        "lat": 48.137,
                        "lon": 11.575,
                        "tags": {"amenity": "bar", "name": "Bar Test"},
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    result = run("venues", "import", str(overpass))
    target = isolated_home / "data" / "venues" / "muenchen.csv"
    assert "Bar Test" in target.read_text(encoding="utf-8")
    assert f'[venues] files = ["{target}"]' in result.output


def test_out_names_the_output_file_as_in_offer_feed_and_invite(tmp_path):
    """``ledger export --out FILE`` said "No such option '--out'", while offer, feed and
    invite write with --out: every command that writes a file takes it."""
    for command in (["contacts", "--demo", "--format", "json"], ["week", "--demo"]):
        path = tmp_path / f"{command[0]}.out"
        run(*command, "--out", str(path))
        assert path.read_text(encoding="utf-8").strip(), command
