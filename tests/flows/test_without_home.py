"""A config without ``[user] home`` (written by hand, or ``planner init`` skipped): where the
user comes from is not known. Proposals are then made only where the counterpart is known to
meet, never at the packaged sample venues of Munich for want of anything better, and the
user's travel is "not known", never "0 min".

Bug: a user in Hamburg without a home, asked to meet a client seen on video only, got coffee
at "Founders Lounge Schwabing … München (0 min travel)"."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner, Result

from planner.cli import main
from planner.meet.geo import distance_km
from planner.model import Geo
from tests.own import calendar_config, fix_now

ME = "me@mycorp.example"
VIDEO_ONLY = "kim@kunde-hamburg.example"  # five video calls, never met
MET = "pia@partner-muenchen.example"  # met once at an address in Munich, then on Teams
NOW = datetime(2026, 12, 11, 9, tzinfo=UTC)  # a Friday; proposals for the next week
MONDAY = date(2026, 12, 14)
MUNICH = Geo(48.137, 11.575)


def _event(uid: str, day: date, title: str, location: str, name: str, email: str) -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\n"
        f"DTSTART;TZID=Europe/Berlin:{day:%Y%m%d}T100000\r\n"
        f"DTEND;TZID=Europe/Berlin:{day:%Y%m%d}T110000\r\nSUMMARY:{title}\r\n"
        f"LOCATION:{location}\r\nORGANIZER;CN=Me:mailto:{ME}\r\n"
        f"ATTENDEE;CN={name}:mailto:{email}\r\nEND:VEVENT\r\n"
    )


def _events() -> str:
    events = [
        _event(f"v{n}@t", MONDAY - timedelta(days=7 * (n + 1)), "Abstimmung Projekt",
               "https://zoom.us/j/123456789", "Kim Kunde", VIDEO_ONLY)
        for n in range(5)
    ]  # fmt: skip
    events.append(  # next week: a meeting the plan flags for the table
        _event("next@t", MONDAY + timedelta(days=2), "Abstimmung Projekt",
               "https://zoom.us/j/123456789", "Kim Kunde", VIDEO_ONLY)
    )  # fmt: skip
    events.append(
        _event("met@t", MONDAY - timedelta(days=40), "Workshop",
               "Leopoldstraße 12\\, 80802 München", "Pia Partner", MET)
    )  # fmt: skip
    events += [
        _event(f"t{n}@t", MONDAY - timedelta(days=7 * (n + 1) + 1), "Jour fixe",
               "https://teams.microsoft.com/l/meetup-join/abc", "Pia Partner", MET)
        for n in range(4)
    ]  # fmt: skip
    return "".join(events)


@pytest.fixture
def config(tmp_path, monkeypatch) -> Path:
    fix_now(monkeypatch, NOW)
    return calendar_config(tmp_path, _events(), email=ME, domains=["mycorp.example"])


def _propose(config: Path, who: str, *more: str) -> Result:
    args = ["propose", "--config", str(config), "--with", who, "--week", "2026-W51", *more]
    result = CliRunner().invoke(main, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result


def test_nobody_known_anywhere_gets_no_venue_and_is_told_what_to_set(config):
    found = json.loads(_propose(config, VIDEO_ONLY, "--format", "json").stdout)
    assert found["proposals"] == []
    assert found["notes"] == [
        "Neither your place nor theirs is known, so no venue can be chosen: set your home city "
        "in [user] home (planner init) or give --near PLACE"
    ]
    german = _propose(config, VIDEO_ONLY, "--lang", "de").stdout
    assert "Weder Ihr Ort noch der des Gegenübers ist bekannt" in german
    assert "München" not in german


def test_the_week_says_why_a_flagged_meeting_has_no_proposal(config):
    args = ["week", "--config", str(config), "--week", "2026-W51", "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    flagged = [e for e in plan["events"] if e.get("proposals") is not None]
    assert flagged and not any(e["proposals"] for e in flagged)
    text = json.dumps(plan, ensure_ascii=False)
    assert "Neither your place nor theirs is known" in text
    assert "Schwabing" not in text and "80801 München" not in text


def test_where_they_meet_is_known_the_users_travel_is_not(config):
    found = json.loads(_propose(config, MET, "--format", "json").stdout)
    assert found["proposals"]
    for proposal in found["proposals"]:
        venue = proposal["venue"]
        assert distance_km(Geo(venue["lat"], venue["lon"]), MUNICH) < 10  # near where they met
        assert proposal["travel_minutes"] == {"before": None, "after": None}
        assert proposal["counterpart_minutes"] is not None
        assert not any("for you" in reason for reason in proposal["reasons"])
    table = _propose(config, MET).stdout
    assert "0 / 0 min" not in table and "–" in table
    assert "min travel for them" in table


def test_the_weekly_lines_leave_out_a_travel_time_not_known(config):
    from planner.meet.pick import Proposal
    from planner.meet.proposal_cache import _proposal, _row
    from planner.meet.slots import MeetingKind
    from planner.meet.venues import Venue, VenueKind
    from planner.render.labels import proposal_line

    start = datetime(2026, 12, 15, 10, 15, tzinfo=UTC)
    venue = Venue("Café Zentral", VenueKind.CAFE, 48.14, 11.58, "Marienplatz 1, München")
    unknown = Proposal(start, start + timedelta(minutes=45), MeetingKind.COFFEE, venue,
                       (None, None), 10.0, counterpart_minutes=7)  # fmt: skip
    line = proposal_line(unknown, UTC)
    assert line.endswith("Café Zentral, Marienplatz 1, München")
    assert "min travel" not in line
    known = proposal_line(Proposal(**{**_fields(unknown), "travel_minutes": (12, 15)}), UTC)
    assert known.endswith("(12 min travel)")
    again = _proposal(json.loads(json.dumps(_row(unknown))), ZoneInfo("UTC"))  # the cache
    assert again.travel_minutes == (None, None)


def _fields(proposal) -> dict:
    from dataclasses import fields

    return {f.name: getattr(proposal, f.name) for f in fields(proposal)}


def test_a_home_set_but_not_found_is_not_called_unset(tmp_path, monkeypatch):
    """QA report E, finding 9: ``[user] home = "Irgendwohausen Dorfplatz 1"``, which cannot be
    located offline, was answered with "set your home city in [user] home"; it is set."""
    fix_now(monkeypatch, NOW)
    config = calendar_config(tmp_path, _events(), email=ME, home="Irgendwohausen Dorfplatz 1")
    found = json.loads(_propose(config, VIDEO_ONLY, "--format", "json").stdout)
    assert found["proposals"] == []
    assert found["notes"] == [
        "Neither your place nor theirs is known, so no venue can be chosen: your [user] home "
        '"Irgendwohausen Dorfplatz 1" could not be located offline; write it as a city, or a '
        "postal code and city, allow look-ups with [geo] online = true, or give --near PLACE"
    ]
