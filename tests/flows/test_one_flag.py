"""A series is flagged "meet in person" once a week, at its first occurrence still ahead: a
daily video stand-up with a client is one table to propose, not seven flags with seven sets of
proposals. And a slot proposed for one meeting holds its time against the next meeting's
proposals, but is no place: nobody agreed to it, so no other proposal's travel starts there.

Bug (found by trying the product): a daily stand-up gave seven flags in one week, Sunday's
proposing the Monday before; a proposal "same time, in person" in Frankfurt said 156 min of
travel because another flag's proposal that day was at Erfurt Hbf."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from click.testing import CliRunner

from planner.cli import main
from tests.own import calendar_config, fix_now

ME = "me@mycorp.example"
CLARA = "clara@nordwind.example"
OWN = "mycorp.example"
NOW = datetime(2026, 12, 8, 7, tzinfo=UTC)  # Tuesday morning


def _series() -> str:
    series = (
        "BEGIN:VEVENT\r\nUID:standup@nordwind\r\nDTSTAMP:20261101T000000Z\r\n"
        "SUMMARY:Daily Standup Nordwind\r\nRRULE:FREQ=DAILY;COUNT=21\r\n"
        "DTSTART;TZID=Europe/Berlin:20261123T090000\r\nDTEND;TZID=Europe/Berlin:20261123T091500\r\n"
        "LOCATION:https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc\r\n"
        f"ORGANIZER;CN=Clara Wind:mailto:{CLARA}\r\n"
        f"ATTENDEE;CN=Me;PARTSTAT=ACCEPTED:mailto:{ME}\r\n"
        f"ATTENDEE;CN=Clara Wind;PARTSTAT=ACCEPTED:mailto:{CLARA}\r\nEND:VEVENT\r\n"
    )
    return series


def test_a_daily_series_is_flagged_once_a_week(tmp_path, monkeypatch):
    fix_now(monkeypatch, NOW)
    config = calendar_config(tmp_path, _series(), email=ME, home="München", domains=[OWN])
    args = ["week", "--config", str(config), "--week", "2026-W50", "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)["events"]
    standups = [e for e in events if e["title"] == "Daily Standup Nordwind"]
    assert len(standups) == 7  # every day of the week is still shown
    flagged = [e for e in standups if (e["recommendation"] or {}).get("action") == "meet_in_person"]
    assert [e["start"][:10] for e in flagged] == ["2026-12-08"]  # the first one still ahead
    assert flagged[0]["proposals"]
    assert all(e["proposals"] == [] for e in standups if e not in flagged)


def test_a_proposed_slot_holds_time_but_is_no_place():
    from planner.flows.weekly import _held
    from planner.meet.pick import Proposal
    from planner.meet.slots import MeetingKind
    from planner.meet.venues import Venue, VenueKind
    from planner.model import Event

    start = datetime(2026, 12, 9, 10, 15, tzinfo=UTC)
    venue = Venue("Erfurt Hbf", VenueKind.CAFE, 50.97, 11.04, "Willy-Brandt-Platz 12, Erfurt")
    proposal = Proposal(start, start.replace(hour=11), MeetingKind.COFFEE, venue, (90, 90), 1.0)
    flagged = Event(uid="x@t", title="Call", start=start, end=start.replace(hour=11))
    held = _held(proposal, flagged)
    assert (held.start, held.end, held.busy) == (proposal.start, proposal.end, True)
    assert held.location == "" and held.geo is None
