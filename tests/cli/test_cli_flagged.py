"""Acting on a flag, end to end on the demo: propose --for, propose --with and the week's
purpose, one numbering from week to invite, and the update of a meeting the user organizes
(round trip through icalendar)."""

from __future__ import annotations

import json
import re
from datetime import date, datetime

import icalendar

from planner.demo import calendars
from planner.flows.invitations import InviteOptions, from_proposal
from planner.flows.listed import entry_id, save_proposals
from planner.store import Store
from tests.cli.test_cli_commands import WEEK, run

SVEN_UID = "040000008200E00074C5B7101A82E0086B7275656765722D6E6F77"
FIRST_DAY = date(2026, 12, 7)


def week_json() -> dict:
    return json.loads(run("week", "--demo", "--week", WEEK, "--format", "json").stdout)


def demo_vevent(uid: str) -> icalendar.Event:
    for data in calendars(FIRST_DAY).values():
        for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
            if str(event["UID"]) == uid:
                return event
    raise AssertionError(uid)


def test_propose_for_takes_people_purpose_and_time_from_the_meeting():
    prefix = SVEN_UID[:-2]  # a unique prefix is enough
    data = json.loads(
        run("propose", "--demo", "--week", WEEK, "--for", prefix, "--format", "json").stdout
    )
    assert data["with"] == ["sven@krueger-design.example"]
    assert data["meeting"]["uid"] == SVEN_UID
    assert data["purpose"] == "routine"  # what the week says about him, not a guess
    first = data["proposals"][0]
    assert first["same_time"] and first["start"] == data["meeting"]["start"]
    ids = [p["id"] for p in data["proposals"]]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"[0-9a-z]{6}", i) for i in ids)


def test_propose_for_an_unknown_or_ambiguous_uid_says_what_to_do():
    from click.testing import CliRunner

    from planner.cli import main

    result = CliRunner().invoke(main, ["propose", "--demo", "--for", "no-such-uid"])
    assert result.exit_code != 0 and "no meeting with this UID" in result.output
    result = CliRunner().invoke(main, ["propose", "--demo", "--for", "0400000082"])
    assert result.exit_code != 0 and "give more of the UID" in result.output
    result = CliRunner().invoke(main, ["propose", "--demo"])
    assert result.exit_code != 0 and "--with EMAIL or --for UID" in result.output


def test_propose_with_uses_the_purpose_the_week_knows():
    data = json.loads(
        run(
            "propose", "--demo", "--week", WEEK, "--with",
            "katrin.hofmann@hofmann-partner.example", "--format", "json",
        ).stdout
    )  # fmt: skip
    assert data["purpose"] == "deal_closing"
    assert {p["kind"] for p in data["proposals"]} <= {"lunch", "dinner", "breakfast"}


def test_one_identifier_from_week_to_invite(tmp_path):
    data = week_json()
    listed = [(p["id"], e) for e in data["events"] for p in e["proposals"]]
    assert len({i for i, _e in listed}) == len(listed) >= 4
    assert week_json() == data  # a second listing: the same identifiers
    table = run("week", "--demo", "--week", WEEK).stdout
    markdown = run("week", "--demo", "--week", WEEK, "--format", "markdown").stdout
    html = run("week", "--demo", "--week", WEEK, "--format", "html").stdout
    for ident, event in listed:
        proposal = next(p for p in event["proposals"] if p["id"] == ident)
        start = datetime.fromisoformat(proposal["start"])
        line = rf"\b{ident} · \w{{3}} {start.day} \w{{3}} {start:%H:%M}"
        assert re.search(line, table), (ident, proposal["start"])
        assert re.search(line, markdown), (ident, proposal["start"])
        if start < datetime.fromisoformat(data["week"]["end"]):  # drawn in the week's grid
            assert f'data-id="{ident}"' in html
        assert f"{ident} · " in html  # listed under its meeting in the side panel
        out = tmp_path / f"{ident}.ics"
        result = run("invite", "--demo", "--proposal", ident, "--out", str(out))
        vevent = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")[0]
        assert vevent.decoded("DTSTART").isoformat() == proposal["start"]
        assert proposal["venue"]["name"] in str(vevent["LOCATION"])
        assert f"Proposal {ident}" in result.stderr and "written, not sent" in result.stderr


def test_invite_proposal_updates_the_meeting_the_user_organizes(tmp_path):
    data = week_json()
    sven = next(e for e in data["events"] if e["uid"] == SVEN_UID)
    assert sven["organizer"] == "anna@berger-consulting.example"  # the demo user
    same_time = sven["proposals"][0]
    assert same_time["same_time"]
    original = demo_vevent(SVEN_UID)
    out = tmp_path / "update.ics"
    run("invite", "--demo", "--proposal", same_time["id"], "--out", str(out))
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    assert cal["METHOD"] == "REQUEST"
    (vevent,) = cal.walk("VEVENT")
    assert str(vevent["UID"]) == SVEN_UID
    assert int(vevent["SEQUENCE"]) > int(original.get("SEQUENCE", 0))
    assert str(vevent["SUMMARY"]) == sven["title"]  # the meeting's own title
    assert same_time["venue"]["name"] in str(vevent["LOCATION"])
    assert same_time["venue"]["address"] in str(vevent["LOCATION"])
    assert vevent.decoded("DTSTART") == original.decoded("DTSTART")  # same time, in person
    again = icalendar.Calendar.from_ical(icalendar.Calendar.from_ical(out.read_bytes()).to_ical())
    assert again.walk("VEVENT")[0]["UID"] == vevent["UID"]
    mail = run("invite", "--demo", "--proposal", same_time["id"]).stdout
    assert "Updated invitation: Video call: design review with Sven Krüger" in mail


def test_a_meeting_someone_else_organizes_gets_a_new_invitation_saying_what_it_replaces():
    from tests.judge.test_relations import config_for

    config = config_for(user={"email": "me@planner.example", "name": "Me Myself"})
    store = Store(":memory:")
    meeting = {
        "uid": "their-call@acme.example",
        "title": "Weekly sync",
        "start": "2026-12-08T10:00:00+01:00",
        "end": "2026-12-08T10:30:00+01:00",
        "organizer": "bob@acme.example",
        "sequence": 3,
    }
    proposal = {
        "same_time": True, "start": meeting["start"], "end": meeting["end"],
        "kind": "coffee", "venue": {"name": "Café Luitpold", "kind": "cafe",
        "address": "Brienner Str. 11, 80333 München", "lat": 48.1427, "lon": 11.5754},
        "with": ["bob@acme.example"], "name": "Bob Stone", "purpose": "routine",
        "meeting": meeting,
    }  # fmt: skip
    proposal["id"] = entry_id(proposal)
    listed = datetime(2026, 12, 1, 9, tzinfo=config.tz)
    save_proposals(store, {"source": "week", "proposals": [proposal]}, listed)
    invitation = from_proposal(config, store, proposal["id"], InviteOptions(), now=listed)
    assert invitation.uid != meeting["uid"] and invitation.sequence == 0
    assert "This replaces the meeting “Weekly sync”" in invitation.note
    assert not invitation.agenda  # what it replaces is no agenda (issue 28)
    from planner.invite.text import description

    assert "Agenda:" not in description(invitation)
    assert "\n\nThis replaces the meeting “Weekly sync”" in description(invitation)
    assert invitation.title == "Weekly sync"


def test_a_demo_proposal_stays_usable_when_the_real_clock_moves_on(tmp_path, monkeypatch):
    """The demo's "now" is Monday 07:00 of the week it shows: a proposal it listed is invited
    to on that week's clock, also after the weekend switched the demo to the next week or
    weeks later (it was refused as passed)."""
    from zoneinfo import ZoneInfo

    from planner.cli import common

    berlin = ZoneInfo("Europe/Berlin")
    clock = {"now": datetime(2026, 12, 11, 17, 59, tzinfo=berlin)}  # Friday of 2026-W50
    monkeypatch.setattr(common, "now_in", lambda tz: clock["now"].astimezone(tz))
    proposed = json.loads(
        run("propose", "--demo", "--with", "sven@krueger-design.example", "--format", "json")
        .stdout
    )  # fmt: skip
    from_week = next(p for e in week_json()["events"] for p in e["proposals"])
    for proposal in (proposed["proposals"][0], from_week):
        assert proposal["start"].startswith("2026-12-")
        for later in (datetime(2026, 12, 11, 18, 1), datetime(2027, 3, 1, 9, 0)):
            clock["now"] = later.replace(tzinfo=berlin)  # the demo shows another week now
            out = tmp_path / f"{proposal['id']}-{later:%m%d}.ics"
            run("invite", "--demo", "--proposal", proposal["id"], "--out", str(out))
            vevent = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")[0]
            assert vevent.decoded("DTSTART").isoformat() == proposal["start"]
