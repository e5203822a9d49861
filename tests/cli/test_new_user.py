"""The new user's path, end to end from a fresh home and offline: init, a first week, venues
added by hand, proposals for a client, a second listing, the invitation by the identifier the
first listing showed (the right person, time and place, said before it is written), and a
second client's proposals that keep away from the time now offered."""

from __future__ import annotations

import json
from datetime import datetime

import icalendar
import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.data.consultant import CLIENT, ME, NOW, OTHER_CLIENT, TZ, write_calendar

pytestmark = pytest.mark.slow

VENUES = [
    ("Brasserie am Jungfernstieg", "restaurant", "53.5532", "9.9925", "Mo-Su 11:30-23:00"),
    ("Hotel Atlantic Lounge", "hotel_lounge", "53.5567", "10.0072", "Mo-Su 07:00-24:00"),
    ("Café am Rathaus", "cafe", "53.5505", "9.9925", "Mo-Sa 08:00-19:00"),
    ("Fischrestaurant Hafen", "restaurant", "53.5452", "9.9668", "Mo-Su 12:00-22:00"),
]


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result


def overlaps(proposal: dict, start: datetime, end: datetime) -> bool:
    begins, ends = (datetime.fromisoformat(proposal[k]) for k in ("start", "end"))
    return begins < end and start < ends


def test_from_init_to_an_invitation_that_holds_its_time(tmp_path, monkeypatch):
    from planner.cli import common

    monkeypatch.setattr(common, "now_in", lambda tz: NOW.astimezone(tz))
    calendar = write_calendar(tmp_path)
    run("init", "--no-input", "--name", "Jan Meyer", "--email", ME, "--home", "Hamburg",
        "--timezone", "Europe/Berlin", "--hours", "09:00-18:00",
        "--ics", str(calendar))  # fmt: skip
    for name, kind, lat, lon, hours in VENUES:
        run("venues", "add", name, "--kind", kind, "--lat", lat, "--lon", lon, "--hours", hours)

    week = json.loads(run("week", "--format", "json").stdout)
    assert week["week"]["start"].startswith("2026-12-07")  # Sunday: the coming week
    signing = next(e for e in week["events"] if e["uid"] == "wed-signing@consultant.test")
    assert signing["proposals"] and all(p["id"] for p in signing["proposals"])

    first = json.loads(
        run("propose", "--with", CLIENT, "--purpose", "deal_closing", "--format", "json").stdout
    )
    chosen = first["proposals"][0]
    start, end = (datetime.fromisoformat(chosen[k]) for k in ("start", "end"))
    venues = [p["venue"]["name"] for p in first["proposals"]]
    assert len(set(venues)) == len(venues)  # varied over venues

    before = json.loads(
        run("propose", "--with", OTHER_CLIENT, "--purpose", "deal_closing", "--count", "10",
            "--format", "json").stdout
    )  # fmt: skip
    assert any(overlaps(p, start, end) for p in before["proposals"]), "the test needs a clash"

    # a second listing, as the issue had it: the identifier still names the same proposal
    again = json.loads(run("week", "--format", "json").stdout)
    assert [p["id"] for e in again["events"] for p in e["proposals"]] == [
        p["id"] for e in week["events"] for p in e["proposals"]
    ]
    out = tmp_path / "signing.ics"
    invited = run("invite", "--proposal", chosen["id"], "--out", str(out))
    said = invited.stderr
    assert f"Proposal {chosen['id']}" in said and CLIENT in said
    assert f"{start:%H:%M}–{end:%H:%M}" in said and chosen["venue"]["name"] in said
    assert "written, not sent" in said
    (vevent,) = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert vevent.decoded("DTSTART") == start.astimezone(TZ)
    attendees = vevent["ATTENDEE"]
    attendees = attendees if isinstance(attendees, list) else [attendees]
    assert [str(a).removeprefix("mailto:") for a in attendees] == [CLIENT]
    assert chosen["venue"]["name"] in str(vevent["LOCATION"])

    states = json.loads(run("invites", "--format", "json", "--now", "2026-12-06T12:00").stdout)
    assert [(s["counterpart"], s["status"]) for s in states["invitations"]] == [
        (CLIENT, "not_sent")
    ]

    after = json.loads(
        run("propose", "--with", OTHER_CLIENT, "--purpose", "deal_closing", "--count", "10",
            "--format", "json").stdout
    )  # fmt: skip
    assert after["proposals"]
    assert not any(overlaps(p, start, end) for p in after["proposals"])
    # the first client is not offered that time again as if it were new: his listing tells
    # the invitation written for it, and the command that sends it as written
    mine = json.loads(
        run("propose", "--with", CLIENT, "--purpose", "deal_closing", "--format", "json").stdout
    )
    assert not any(overlaps(p, start, end) for p in mine["proposals"])
    (state,) = mine["invitations"]
    assert (state["status"], state["label"]) == ("not_sent", "written, not sent")
    assert state["command"] == f"planner invite --again {state['uid']} --send"


def test_init_force_keeps_the_config_it_replaces(tmp_path):
    """QA report E, finding 9: ``planner init --force`` replaced a config with two signed-in
    Google calendars and kept no copy."""
    from click.testing import CliRunner

    from planner.cli import main

    target = tmp_path / "config.toml"
    old = '[user]\nemail = "old@example.com"\n\n[[calendars]]\nname = "g"\nprovider = "google"\n'
    target.write_text(old, encoding="utf-8")
    args = ["init", "--config", str(target), "--no-input", "--force", "--email", "new@example.com",
            "--timezone", "Europe/Berlin", "--language", "en"]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    backup = tmp_path / "config.toml.bak"
    assert backup.read_text(encoding="utf-8") == old
    assert "new@example.com" in target.read_text(encoding="utf-8")
    assert f"the config it replaced is kept as {backup}" in result.output
    (tmp_path / "config.toml.bak").unlink()
    (tmp_path / "config.toml.bak").mkdir()  # the copy cannot be made: nothing is replaced
    before = target.read_text(encoding="utf-8")
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 2 and "nothing was changed" in refused.output
    assert target.read_text(encoding="utf-8") == before
