"""A time typed on the nights the clocks change, for every option that takes one: RFC 5545
§3.3.5 decides it where it is read (:func:`planner.cli.dates.parse_moment`), not per command.
A time in the gap moves forward by the gap's length, one in the repeated hour is the first,
and the user is told in English and German; a zone typed after the time is the zone the rule is
applied in, never replaced by the user's.

Bugs (found by trying the product as a user in Berlin and New York): ``venues --open-at``,
``invites --now``, ``replies --now`` and ``feed --now`` took 02:30 on the night Berlin goes
forward as a wall time that does not exist, without a word (only ``invite --start`` settled it);
``invite`` at 02:30 CEST for an hour named none of the meetings at that time, because Python
compares one zone's times on the wall clock (02:30 CEST–02:30 CET read as no time at all).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner.cli import dates, main
from tests.own import calendar_config, fix_now

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 3, 1, 9, tzinfo=BERLIN)


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "tz", "instant", "says"),
    [
        # the gap: forward by its length, in the user's zone or the zone typed
        ("2026-03-29 02:30", BERLIN, _utc(2026, 3, 29, 1, 30), "taken as 03:30 CEST"),
        ("29.3.2026 2:15", BERLIN, _utc(2026, 3, 29, 1, 15), "taken as 03:15 CEST"),
        ("2026-03-08 02:30 America/New_York", BERLIN, _utc(2026, 3, 8, 7, 30), "03:30 EDT"),
        ("2026-03-08T02:30", NEW_YORK, _utc(2026, 3, 8, 7, 30), "03:30 EDT"),
        # the repeated hour: the first
        ("2026-10-25 02:30", BERLIN, _utc(2026, 10, 25, 0, 30), "taken as the first"),
        ("2026-11-01 01:30 America/New_York", BERLIN, _utc(2026, 11, 1, 5, 30), "the first"),
        ("2026-11-01T01:30", NEW_YORK, _utc(2026, 11, 1, 5, 30), "01:30 EDT (UTC-04:00)"),
    ],
)
def test_a_time_the_clocks_skip_or_repeat_is_settled_and_said(text, tz, instant, says):
    placed = dates.parse_moment(text, NOW, "--open-at", tz)
    assert placed.moment.astimezone(UTC) == instant
    assert says in placed.note
    assert "--fold" not in placed.note  # only invite --start has it
    assert placed.moment.replace(tzinfo=None) == placed.moment.astimezone(UTC).astimezone(
        placed.moment.tzinfo
    ).replace(tzinfo=None)  # a wall time that exists, the instant's own


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("2026-10-25 02:30 +01:00", _utc(2026, 10, 25, 1, 30)),  # an offset names the second
        ("2026-10-25 02:30 MEZ", _utc(2026, 10, 25, 1, 30)),
        ("2026-10-25 02:30 CEST", _utc(2026, 10, 25, 0, 30)),
        ("2026-11-01 01:30 EST", _utc(2026, 11, 1, 6, 30)),
        ("2026-10-25 02:30 UTC", _utc(2026, 10, 25, 2, 30)),
    ],
)
def test_a_typed_offset_or_abbreviation_is_kept_and_needs_no_choice(text, instant):
    placed = dates.parse_moment(text, NOW, "--open-at", BERLIN, fold=0)
    assert placed.moment.astimezone(UTC) == instant
    assert "occurs twice" not in placed.note


def test_fold_chooses_the_second_where_the_command_has_it():
    placed = dates.parse_moment("2026-10-25 02:30", NOW, "--start", BERLIN, fold=1)
    assert placed.moment.astimezone(UTC) == _utc(2026, 10, 25, 1, 30)
    assert "taken as the second" in placed.note and "--fold" in placed.note


def _config(tmp_path: Path) -> Path:
    events = (
        "BEGIN:VEVENT\r\nUID:tokio@t\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Call Tokio\r\n"
        "DTSTART;TZID=W. Europe Standard Time:20261025T023000\r\n"
        "DTEND;TZID=W. Europe Standard Time:20261025T033000\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:early@t\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Frühe Runde\r\n"
        "DTSTART;TZID=Europe/Berlin:20261025T021000\r\n"
        "DTEND;TZID=Europe/Berlin:20261025T025000\r\nEND:VEVENT\r\n"
    )
    return calendar_config(tmp_path, events, email="me@mycorp.example")


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stderr


@pytest.mark.parametrize(
    ("lang", "says"),
    [
        ("en", "02:30 does not exist in Europe/Berlin on 2026-03-29 (the clocks go forward)"),
        ("de", "02:30 gibt es in Europe/Berlin am 2026-03-29 nicht"),
    ],
)
def test_venues_open_at_in_the_gap_says_what_it_took(tmp_path, monkeypatch, lang, says):
    fix_now(monkeypatch, NOW)
    config = _config(tmp_path)
    said = _run("venues", "--config", str(config), "--open-at", "2026-03-29 02:30", "--lang", lang)
    assert says in said


@pytest.mark.parametrize(
    ("lang", "note"),
    [("en", "your calendar has 'Call Tokio' then"), ("de", "steht dann 'Call Tokio'")],
)
def test_an_invitation_in_the_repeated_hour_names_the_meetings_then(
    tmp_path, monkeypatch, lang, note
):
    """02:30 CEST for an hour (to 02:30 CET): the call at 02:30 CEST (Outlook's zone name) and
    the round from 02:10 to 02:50 CEST are both then."""
    fix_now(monkeypatch, NOW)
    config = str(_config(tmp_path))
    args = ("invite", "--config", config, "--to", "bob@acme.example", "--title", "Call")
    said = _run(*args, "--start", "2026-10-25 02:30", "--duration", "60", "--lang", lang)
    assert note in said
    assert "'Frühe Runde'" in said
    # the second 02:40 (CET) for 30 minutes: the call (to 03:30 CET), not the round (CEST)
    said = _run(*args, "--start", "2026-10-25 02:40", "--fold", "--duration", "30")
    assert "'Call Tokio'" in said
    assert "'Frühe Runde'" not in said
