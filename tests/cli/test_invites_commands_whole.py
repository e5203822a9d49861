"""``planner invites`` never shortens a ready-made command: one that does not fit its column on
one line is listed whole under the table, and pasted it runs; a cancelled invitation names
each counterpart with their own address.

Bugs (QA 16): with an Outlook UID (``040000008200E00074C5B7101A82E008…``) the counter's row
printed ``planner invite --update 040000008200E…100000001111111… --start … --send`` even at
160 columns, which fails pasted ("no invitation with UID '…1111111…'") (D4); the cancelled
dinner's row read "Markus Huber, Pierre Martin" over the one address of Markus (D10)."""

from __future__ import annotations

import json
import shlex
from datetime import timedelta

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.invite.cancels import prepare_cancel
from planner.invite.sentlog import record_sent
from planner.model import Attendee
from tests.invite.test_client_answers import write_mail
from tests.invite.test_day_counters import SENT, counter, send
from tests.invite.test_day_counters import store as store
from tests.invite.test_invite import ANNA, ME, lunch

#: UIDs as Exchange/Outlook, Google and Apple write them (Outlook's are over 100 characters)
UIDS = {
    "outlook": "040000008200E00074C5B7101A82E00800000000A1B2C3D4E5F6A701000000000000000010000000"
    "1111111111111111111111111111",
    "google": "7kq2m3r9s0t1u2v3w4x5y6z7a8@google.com",
    "apple": "5F3C2B1A-9D8E-4F7A-B6C5-D4E3F2A1B0C9",
}
NOW = "2026-12-07T09:00"  # six days after it was sent: a reminder is due too
TIMED = "DTSTART;TZID=Europe/Berlin:20261210T170000\nDTEND;TZID=Europe/Berlin:20261210T174500"


def _config(tmp_path, lang: str):
    path = tmp_path / "config.toml"
    path.write_text(f'[user]\nname = "{ME.name}"\nemail = "{ME.email}"\n'
                    f'timezone = "Europe/Berlin"\nlanguage = "{lang}"\n',
                    encoding="utf-8")  # fmt: skip
    return path


def _invites(config, width: int, *extra: str) -> str:
    result = CliRunner().invoke(
        main, ["invites", "--offline", "--now", NOW, "--config", str(config), *extra],
        env={"COLUMNS": str(width)},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.stdout


def _countered(store, tmp_path, uid: str) -> str:
    """The lunch sent as ``uid`` to Anna and Bob; Bob proposes Thursday 17:00 instead."""
    send(store, lunch(uid=uid))
    path = write_mail(tmp_path, "counter", "Bob Stone <bob@acme.example>",
                      counter(uid, TIMED, "-//Microsoft Corporation//Outlook 16.0//EN"),
                      method="COUNTER")  # fmt: skip
    result = CliRunner().invoke(main, ["replies", path, "--config", str(_config(tmp_path, "en"))])
    assert result.exit_code == 0, result.output
    return uid


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("width", [80, 120, 160])
@pytest.mark.parametrize("vendor", list(UIDS))
def test_every_command_is_printed_whole_and_runs_pasted(store, tmp_path, vendor, width, lang):
    uid = _countered(store, tmp_path, UIDS[vendor])
    config = _config(tmp_path, lang)
    states = json.loads(_invites(config, width, "--format", "json"))["invitations"]
    commands = {c for s in states for c in (s["command"], s["alternative"]) if c.startswith("pl")}
    assert any("--update" in c for c in commands) and any("--again" in c for c in commands)
    text = _invites(config, width)
    assert "…" not in text, text
    lines = {cell.strip() for line in text.splitlines() for cell in line.split("│")}
    for command in commands:
        assert command in lines, (command, text)  # whole, on one line of its own
    (update,) = [c for c in commands if "--update" in c]
    argv = [a for a in shlex.split(update)[1:] if a != "--send"]  # pasted, as a dry run
    result = CliRunner().invoke(main, [*argv, "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert f"UID:{uid[:60]}" in result.output.replace("\r\n ", "")


def test_a_short_command_stays_in_its_row(store, tmp_path):
    """A command that fits its column stays beside its step (nothing listed under the table)."""
    _countered(store, tmp_path, UIDS["apple"])
    text = _invites(_config(tmp_path, "en"), 200)
    assert "Command 1:" not in text and "under the table" not in text
    assert f"planner invite --again {UIDS['apple']} --send" in text


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_cancelled_invitation_names_each_person_with_their_address(store, tmp_path, lang):
    markus = Attendee("m.huber@alpenbau.example", "Markus Huber")
    pierre = Attendee("pierre.martin@lumiere-conseil.example", "Pierre Martin")
    uid = send(store, lunch(attendees=(markus, pierre, ANNA)))
    record_sent(store, prepare_cancel(store, uid), sent_at=SENT + timedelta(hours=1))
    config = _config(tmp_path, lang)
    text = _invites(config, 120)
    cells = [line.split("│")[2].strip() for line in text.splitlines() if line.count("│") > 2]
    cells = [c for c in cells if c]
    for person in (markus, pierre, ANNA):
        at = cells.index(person.name)
        assert cells[at + 1] == f"<{person.email}>", cells  # their own address under them
    (state,) = json.loads(_invites(config, 120, "--format", "json"))["invitations"]
    assert [p["email"] for p in state["people"]] == [markus.email, pierre.email, ANNA.email]
    assert state["name"] == "Markus Huber" and state["counterpart"] == markus.email
