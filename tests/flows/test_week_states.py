"""``planner week`` shows the answers to the invitations sent for its flagged meetings: in the
table and Markdown under the recommendation, in JSON as ``invitations`` of the event, in HTML
in the side panel (issue 20)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
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


def test_a_decline_on_a_flagged_meeting_points_to_the_plans_next_proposal(tmp_path: Path):
    """The plan's proposals for the meeting (fixed "now": Monday 07:00 of the demo week) give
    the next step after a decline as a ready ``planner invite`` command."""
    import shlex

    from planner import api
    from planner.flows.followup import invite_states, record, states_for_week
    from planner.invite.answers import Answer
    from planner.invite.invitation import Invitation
    from planner.invite.sentlog import prepare_request, record_sent
    from planner.model import Attendee, Response
    from planner.store import Store

    store = Store(tmp_path / "state.sqlite3")
    with api.demo_session(date(2026, 12, 7)) as (config, monday):
        now = api.demo_now(config, monday)
        plan = api.plan_week(config, monday, now=now, store=Store(":memory:"))
    item = next(i for i in plan.items if i.event.uid == FLAGGED_UID)
    first, second = item.proposals[:2]
    inv = Invitation(
        title="Kaffee", start=first.start, end=first.end,
        organizer=Attendee(config.user["email"]), attendees=(Attendee(JONAS),),
        venue_name=first.venue.name,
    )  # fmt: skip
    prepared = prepare_request(store, inv)
    record_sent(store, prepared, sent_at=now)
    record(store, [Answer(prepared.uid, JONAS, Response.DECLINED, stamp=now)], now=now)
    states = states_for_week(plan, invite_states(config, store, now=now), config)
    (state,) = states[FLAGGED_UID]
    assert state.status == "declined"
    argv = shlex.split(state.command)
    local = second.start.astimezone(config.tz)
    assert argv[:4] == ["planner", "invite", "--to", JONAS]
    assert argv[argv.index("--start") + 1] == f"{local:%Y-%m-%dT%H:%M}"
    assert argv[argv.index("--venue") + 1] == second.venue.name
    assert argv[-1] == "--send" and second.venue.name in state.next_step
    store.close()


def test_a_cancelled_invitation_is_said_once_on_its_meeting_in_every_format(tmp_path: Path):
    """An invitation to Jonas and a colleague, sent from the user's mail program and then
    cancelled the same way: the flagged meeting (with Jonas alone) says so in one line, in the
    table, Markdown, JSON and HTML."""
    config = str(demo_config(tmp_path, 2525))
    runner = CliRunner()

    def run(*args: str):
        result = runner.invoke(main, [*args, "--config", config])
        assert result.exit_code == 0, result.output
        return result

    maren = "Maren Holt <maren.holt@nordlicht-logistik.example>"
    sent = run("invite", "--to", JONAS, "--to", maren, "--title", "Kaffee",
               "--start", "2026-12-08T11:15", "--duration", "45",
               "--venue", "Business Club München", "--out", str(tmp_path / "inv.ics"))  # fmt: skip
    uid = sent.stderr.split("UID ")[1].split(",")[0]
    run("invite", "--sent-elsewhere", uid)
    run("invite", "--cancel", uid, "--out", str(tmp_path / "cancel.ics"))
    run("invite", "--sent-elsewhere", uid)

    week = ["week", "--config", config, "--week", "2026-W50"]
    data = json.loads(runner.invoke(main, [*week, "--format", "json"]).stdout)
    flagged = {e["uid"]: e for e in data["events"]}[FLAGGED_UID]
    (state,) = flagged["invitations"]
    assert (state["status"], state["label"], state["command"]) == ("cancelled", "cancelled", "")
    assert state["counterpart"] == JONAS and "Maren" not in state["line"]
    line = "✉ invitation Tue 8 Dec 11:15 to"
    for fmt in ("table", "markdown"):
        text = " ".join(runner.invoke(main, [*week, "--format", fmt]).stdout.split())
        assert text.count(line) == 1 and f"{line} {JONAS}: cancelled" in text, fmt
    html = runner.invoke(main, [*week, "--format", "html"]).stdout
    assert html.count('data-status="cancelled"') == 1
