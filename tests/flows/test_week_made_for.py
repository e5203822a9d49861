"""An invitation or offer made from a proposal for one flagged meeting belongs to that meeting
alone: with two flagged meetings with the same counterpart in one week (Jonas: a Teams intro
on Tuesday and a contract negotiation by Teams on Thursday), the week shows its state under
that meeting and holds back that meeting's proposals only. (The Thursday meeting is a
negotiation: an ordinary second call after a planned intro is no first contact and is not
flagged, :mod:`tests.flows.test_planned_first`.)

Bug (found by reading the code): the week attached invitations and offers by counterpart and
week, so the same line stood under both meetings and neither got proposals any more."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.demo import CONFIG
from planner.store import open_store
from tests.own import fix_now
from tests.render.test_week_mail import demo_config

JONAS = "jonas.peters@nordlicht-logistik.example"
INTRO = "040000008200E00074C5B7101A82E0086E6F72646C69636874"  # Erstgespräch, Tuesday
REVIEW = "review@nordlicht.example"
MONDAY = datetime(2026, 12, 7, 7, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def review(user: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{REVIEW}\r\nDTSTAMP:20261201T000000Z\r\n"
        "DTSTART;TZID=Europe/Berlin:20261210T140000\r\nDTEND;TZID=Europe/Berlin:20261210T150000\r\n"
        "SUMMARY:Vertragsverhandlung Lagerplanung Nordlicht\r\nLOCATION:Microsoft Teams Meeting\r\n"
        "DESCRIPTION:https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc\r\n"
        f"ORGANIZER;CN=Jonas Peters:mailto:{JONAS}\r\n"
        f"ATTENDEE;CN=Jonas Peters:mailto:{JONAS}\r\nATTENDEE:mailto:{user}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


@pytest.fixture
def config(tmp_path: Path, isolated_home, monkeypatch) -> str:
    fix_now(monkeypatch, MONDAY)
    path = demo_config(tmp_path, 2525)
    extra = tmp_path / "extra.ics"
    extra.write_text(review(CONFIG["user"]["email"]), encoding="utf-8", newline="")
    text = path.read_text().replace("[smtp]", 'home = "München"\n[smtp]')
    path.write_text(text + f'[[calendars]]\nname = "extra"\nprovider = "ics"\npath = "{extra}"\n')
    return str(path)


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def week(config: str) -> dict[str, dict]:
    data = json.loads(run("week", "--config", config, "--week", "2026-W50", "--format", "json"))
    return {e["uid"]: e for e in data["events"] if e["uid"] in (INTRO, REVIEW)}


def table(config: str) -> str:
    return " ".join(run("week", "--config", config, "--week", "2026-W50").split())


def invite(config: str, ident: str) -> None:
    """``planner invite --proposal IDENT``, written to a file (not sent)."""
    run(
        "invite",
        "--config",
        config,
        "--proposal",
        ident,
        "--out",
        str(Path(config).parent / "i.ics"),
    )


def rewrite(sql_select: str, sql_update: str, change) -> None:
    """Change the stored JSON of every row as ``change`` says (as an earlier version, or a
    damaged value, left it)."""
    store = open_store()
    with store.conn:
        for key, text in store.conn.execute(sql_select).fetchall():
            store.conn.execute(sql_update, (json.dumps(change(json.loads(text))), key))
    store.close()


def test_an_invitation_from_a_proposal_belongs_to_its_meeting_alone(config: str):
    before = week(config)
    assert before[INTRO]["proposals"] and before[REVIEW]["proposals"]
    ident = before[REVIEW]["proposals"][0]["id"]
    invite(config, ident)

    after = week(config)
    (state,) = after[REVIEW]["invitations"]
    assert (state["counterpart"], state["status"]) == (JONAS, "not_sent")
    assert state["for_event"] == REVIEW
    assert after[REVIEW]["proposals"] == []
    assert "invitations" not in after[INTRO]
    assert [p["start"] for p in after[INTRO]["proposals"]]  # still proposed for
    assert table(config).count("✉ invitation") == 1


@pytest.mark.parametrize("stored", [None, 5, ["x"]], ids=["absent", "number", "list"])
def test_an_invitation_stored_without_its_meeting_attaches_by_counterpart(config: str, stored):
    """Rows written before the meeting was kept (and a damaged value) keep the old matching:
    the invitation stands under every flagged meeting with Jonas in the week."""
    ident = week(config)[REVIEW]["proposals"][0]["id"]
    invite(config, ident)

    def old(inv: dict) -> dict:
        inv.pop("for_event")
        return inv if stored is None else {**inv, "for_event": stored}

    rewrite("SELECT rowid, invitation FROM sent_invitations",
            "UPDATE sent_invitations SET invitation = ? WHERE rowid = ?", old)  # fmt: skip
    after = week(config)
    for uid in (INTRO, REVIEW):
        (state,) = after[uid]["invitations"]
        assert (state["counterpart"], state["for_event"]) == (JONAS, "")
        assert after[uid]["proposals"] == []
    assert table(config).count("✉ invitation") == 2


def test_an_offer_made_for_a_meeting_belongs_to_it_alone(config: str):
    """An offer whose options were proposed for the review stands under the review; the same
    offer stored without its meeting (as before) stands under both."""
    run("offer", "--config", config, "--with", JONAS, "--week", "2026-W50", "--out",
        str(Path(config).parent / "offer.html"))  # fmt: skip
    both = week(config)
    assert all(both[uid]["invitations"][0]["status"] == "open" for uid in (INTRO, REVIEW))

    def made_for(data: dict) -> dict:
        for option in data["options"]:
            option["invitation"]["for_event"] = REVIEW
        return data

    rewrite("SELECT id, data FROM offers", "UPDATE offers SET data = ? WHERE id = ?", made_for)
    after = week(config)
    (state,) = after[REVIEW]["invitations"]
    assert state["status"] == "open" and after[REVIEW]["proposals"] == []
    assert "invitations" not in after[INTRO] and after[INTRO]["proposals"]
    assert table(config).count("✉ offer") == 1
