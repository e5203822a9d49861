"""``planner week`` shows the answers to the invitations sent for its flagged meetings: in the
table and Markdown under the recommendation, in JSON as ``invitations`` of the event, in HTML
in the side panel (issue 20)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from click.testing import CliRunner

from planner.cli import main
from tests.render.test_week_mail import demo_config

TZ = ZoneInfo("Europe/Berlin")
JONAS = "jonas.peters@nordlicht-logistik.example"  # Erstgespräch Nordlicht Logistik, flagged
FLAGGED_UID = "040000008200E00074C5B7101A82E0086E6F72646C69636874"


def counter(uid: str, start: datetime) -> bytes:
    stamp = datetime(2026, 12, 7, 8, 0, tzinfo=UTC).strftime("%Y%m%dT%H%M%SZ")
    begin = start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    end = (start + timedelta(hours=1)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nMETHOD:COUNTER\r\n"
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nSEQUENCE:0\r\nDTSTAMP:{stamp}\r\n"
        f"DTSTART:{begin}\r\nDTEND:{end}\r\n"
        f"ATTENDEE;PARTSTAT=TENTATIVE:mailto:{JONAS}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


def test_week_shows_the_answer_on_the_flagged_meeting(tmp_path: Path):
    config = str(demo_config(tmp_path, 2525))
    runner = CliRunner()
    sent = runner.invoke(main, [
        "invite", "--config", config, "--to", JONAS, "--title", "Kaffee", "--start",
        "2026-12-08T11:15", "--duration", "45", "--venue", "Business Club München",
        "--out", str(tmp_path / "invite.ics"),
    ])  # fmt: skip
    assert sent.exit_code == 0, sent.output
    uid = sent.stderr.split("UID ")[1].split(",")[0]
    (tmp_path / "counter.ics").write_bytes(counter(uid, datetime(2026, 12, 9, 15, 0, tzinfo=TZ)))
    replies = runner.invoke(main, ["replies", "--config", config, str(tmp_path / "counter.ics")])
    assert replies.exit_code == 0 and "1 new" in replies.output, replies.output

    week = ["week", "--config", config, "--week", "2026-W50"]
    data = json.loads(runner.invoke(main, [*week, "--format", "json"]).stdout)
    flagged = {e["uid"]: e for e in data["events"]}[FLAGGED_UID]
    (state,) = flagged["invitations"]
    assert (state["counterpart"], state["status"]) == (JONAS, "countered")
    assert state["label"] == "countered: Wed 9 Dec 15:00–16:00"
    assert "--start 2026-12-09T15:00 --duration 60" in state["command"] + state["alternative"]
    others = [e for e in data["events"] if e["uid"] != FLAGGED_UID]
    assert not any("invitations" in e for e in others)

    table = runner.invoke(main, [*week, "--format", "table"]).stdout
    flat = " ".join(table.split())  # lines wrap at the terminal's width
    assert f"✉ invitation Tue 8 Dec 11:15 to {JONAS}: countered: Wed 9 Dec 15:00–16:00" in flat
    markdown = runner.invoke(main, [*week, "--format", "markdown"]).stdout
    assert "✉ invitation Tue 8 Dec 11:15" in markdown
    html = runner.invoke(main, [*week, "--format", "html"]).stdout
    assert 'data-status="countered"' in html and "countered: Wed 9 Dec 15:00–16:00" in html
