"""One meeting counts once in the week (QA b, issue 1): the user's Teams meeting "Kennenlernen
Hafen Logistik" and the hold ``planner invite … --send --hold`` wrote beside it (in person, at a
café) were two meetings in the totals ("in person 5 … virtual 2 … All 7", share 90 %). Now
the pair counts once, as the hold (what the meeting will be), and the meeting's row says so;
a mirror the user retitled counts once with its meeting. English and German."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.model import hold_uid
from tests.own import calendar_config, fix_now

ME = "anna@berger-consulting.example"
MEETING = "intro-lena-7@qa"
PEOPLE = (
    f"ORGANIZER;CN=Anna Berger:mailto:{ME}\r\n"
    "ATTENDEE;CN=Lena Hansen;PARTSTAT=ACCEPTED:mailto:lena@hafen-muc.example\r\n"
)
CAFE = "Café Luitpold, Brienner Str. 11, 80333 München"


def vevent(uid: str, title: str, location: str, extra: str = "", day: str = "20261210") -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261201T100000Z\r\nSUMMARY:{title}\r\n"
        f"DTSTART;TZID=Europe/Berlin:{day}T140000\r\nDTEND;TZID=Europe/Berlin:{day}T143000\r\n"
        f"LOCATION:{location}\r\n{extra}END:VEVENT\r\n"
    )


ORIGINAL = vevent(MEETING, "Kennenlernen Hafen Logistik", "Microsoft Teams Meeting",
                  "SEQUENCE:2\r\n" + PEOPLE)  # fmt: skip
HOLD = vevent(hold_uid(MEETING), "Hold: Kennenlernen Hafen Logistik", CAFE,
              "X-PLANNER-HOLD:1\r\n" + PEOPLE)  # fmt: skip


def week(tmp_path, monkeypatch, events: str, *args: str) -> str:
    fix_now(monkeypatch, datetime(2026, 12, 7, 8, tzinfo=UTC))
    config = calendar_config(tmp_path, events, email=ME, domains=["berger-consulting.example"])
    result = CliRunner().invoke(
        main, ["week", "--config", str(config), "--week", "2026-W50", *args]
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_hold_beside_the_meeting_counts_once_as_the_hold(tmp_path, monkeypatch):
    data = json.loads(week(tmp_path, monkeypatch, ORIGINAL + HOLD, "--format", "json"))
    stats = data["stats"]
    assert stats["meetings"] == 1, stats
    assert stats["by_mode"]["in_person"]["meetings"] == 1
    assert stats["by_mode"]["virtual"]["meetings"] == 0
    assert stats["in_person_share"] == 1.0
    (original,) = [e for e in data["events"] if e["uid"] == MEETING]
    assert original["counted_as"]["uid"] == hold_uid(MEETING)
    assert original["counted_as"]["why"] == "update"
    (hold,) = [e for e in data["events"] if e["uid"] == hold_uid(MEETING)]
    assert "counted_as" not in hold


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_table_shows_both_rows_as_one_meeting(tmp_path, monkeypatch, language):
    monkeypatch.setenv("COLUMNS", "200")
    text = week(tmp_path, monkeypatch, ORIGINAL + HOLD, "--lang", language)
    lines = text.splitlines()
    assert text.count("Hold: Kennenlernen Hafen Logistik") == 2, text  # its row, and the note
    (original,) = [n for n, line in enumerate(lines) if "⚑ Kennenlernen Hafen" in line]
    note = " ".join(lines[original : original + 2])
    assert "Hold: Kennenlernen Hafen Logistik" in note and "Café Luitpold" in note, text
    assert {"en": "in person at", "de": "vor Ort"}[language] in note, text
    everything = {"en": "│ All ", "de": "│ Gesamt "}[language]
    (total,) = [line for line in lines if line.startswith(everything)]
    assert total.split("│")[2].strip() == "1", text


def test_without_the_hold_the_meeting_counts_as_it_is(tmp_path, monkeypatch):
    data = json.loads(week(tmp_path, monkeypatch, ORIGINAL, "--format", "json"))
    assert data["stats"]["by_mode"]["virtual"]["meetings"] == 1
    assert "counted_as" not in data["events"][0]


RETITLED = (
    "BEGIN:VEVENT\r\nUID:planner-sync-f5382c59c6c5c12151516b03a638fbbe@planner\r\n"
    "DTSTAMP:20261207T152227Z\r\nSUMMARY:Jour fixe - meine Notizen\r\n"
    "DTSTART;TZID=Europe/Berlin:20261208T090000\r\nDTEND;TZID=Europe/Berlin:20261208T100000\r\n"
    "LOCATION:Bayvers AG\\, Leopoldstraße 10\\, 80802 München\r\nCLASS:PRIVATE\r\n"
    "X-PLANNER-SYNC:1\r\nX-PLANNER-SYNC-DIGEST:7dc4957e61b5c47c\r\n"
    "X-PLANNER-SYNC-KEY:{key}\r\nEND:VEVENT\r\n"
)
JOUR_FIXE = (
    "BEGIN:VEVENT\r\nUID:weekly-jf-1@qa\r\nDTSTAMP:20261101T100000Z\r\n"
    "SUMMARY:Jour fixe Bayvers\r\n"
    "DTSTART;TZID=Europe/Berlin:20261208T090000\r\nDTEND;TZID=Europe/Berlin:20261208T100000\r\n"
    "LOCATION:Bayvers AG\\, Leopoldstraße 10\\, 80802 München\r\n"
    "ORGANIZER;CN=Max Huber:mailto:max@bayvers.example\r\n"
    f"ATTENDEE;CN=Anna Berger;PARTSTAT=ACCEPTED:mailto:{ME}\r\nEND:VEVENT\r\n"
)


def test_a_retitled_mirror_counts_once_with_its_meeting(tmp_path, monkeypatch):
    from planner.sync.marks import mirror_id

    key = mirror_id("work", "weekly-jf-1@qa")
    data = json.loads(
        week(tmp_path, monkeypatch, JOUR_FIXE + RETITLED.format(key=key), "--format", "json")
    )
    assert data["stats"]["by_mode"]["in_person"]["meetings"] == 1, data["stats"]
    (copy,) = [e for e in data["events"] if e["title"] == "Jour fixe - meine Notizen"]
    assert copy["counted_as"] == {**copy["counted_as"], "uid": "weekly-jf-1@qa", "why": "copy"}


def test_markdown_and_the_page_say_it_too(tmp_path, monkeypatch):
    """The note was in the table and the JSON only: Markdown and the HTML page (its block's
    line and tooltip, and the agenda of a narrow screen) say it as well."""
    data = json.loads(week(tmp_path, monkeypatch, ORIGINAL + HOLD, "--format", "json"))
    (original,) = [e for e in data["events"] if e["uid"] == MEETING]
    note = original["counted_as"]["note"]
    assert note.startswith("same meeting as 'Hold: Kennenlernen Hafen Logistik'"), note
    markdown = week(tmp_path, monkeypatch, ORIGINAL + HOLD, "--format", "markdown")
    row = next(line for line in markdown.splitlines() if "⚑ Kennenlernen Hafen" in line)
    assert f"_{note}_" in row, row
    page = week(tmp_path, monkeypatch, ORIGINAL + HOLD, "--format", "html")
    from html import escape

    block = page.split(f'data-uid="{MEETING}"', 1)[1].split("</div>", 1)[0]
    assert escape(note) in block, block


def test_the_ledger_counts_the_meeting_that_took_place_never_the_hold(tmp_path, monkeypatch):
    """A hold is a time held for a change the counterpart may never have accepted: once the
    day is over, the ledger counted the Teams meeting and the hold beside it as two meetings,
    one of them in person ("met in person" with Lena, who was only ever on Teams)."""
    fix_now(monkeypatch, datetime(2026, 12, 14, 8, tzinfo=UTC))
    config = calendar_config(tmp_path, ORIGINAL + HOLD, email=ME,
                             domains=["berger-consulting.example"])  # fmt: skip
    result = CliRunner().invoke(main, ["contacts", "--config", str(config), "--format", "json"])
    assert result.exit_code == 0, result.output
    (lena,) = json.loads(result.stdout)["contacts"]
    assert lena["email"] == "lena@hafen-muc.example"
    assert (lena["meetings"], lena["in_person_meetings"], lena["virtual_meetings"]) == (1, 0, 1)
    assert lena["last_in_person"] is None


def test_a_week_gone_by_counts_the_meeting_once_in_the_trend(tmp_path, monkeypatch):
    """'Last weeks' counted the Teams meeting and the hold beside it: a week with one virtual
    meeting read as 50 % in person."""
    text = week(tmp_path, monkeypatch, ORIGINAL + HOLD, "--week", "2026-W51")
    (trend,) = [line for line in text.splitlines() if line.startswith("Last weeks:")]
    assert "W50 0%" in trend, trend
