"""A new user writes an invitation to a file, then sends it with the command planner gives
(through a real SMTP server on loopback): the same UID and SEQUENCE go out, ``planner invites``
follows it as sent, and writing its file again does not make it 'not sent'. A dry run leaves
no trace. English and German."""

from __future__ import annotations

import email
import json
import shlex
from datetime import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.cli.test_cli_invite_send import ARGS, write_config
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)

BEFORE = datetime(2026, 12, 7, 9, tzinfo=ZoneInfo("Europe/Berlin"))
SAID = {"en": ("written, not sent", "no answer yet"),
        "de": ("geschrieben, nicht gesendet", "noch keine Antwort")}  # fmt: skip


def invoke(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


def sequence_of(ics: bytes) -> int:
    (event,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    return int(event["SEQUENCE"])


@pytest.mark.parametrize("lang", ["en", "de"])
def test_written_then_sent_with_the_command_given(tmp_path, run_server, monkeypatch, lang):  # noqa: F811
    from planner.cli import common

    monkeypatch.setattr(common, "now_in", lambda tz: BEFORE.astimezone(tz))
    inbox = Inbox()
    config = write_config(tmp_path, run_server(inbox), lang)
    now = ["--now", "2026-12-07T09:00"]

    invoke("invite", "--config", config, *ARGS)  # a dry run: nothing happened
    assert invoke("invite", "--config", config, "--list").output.strip() == ""

    out = tmp_path / "lunch.ics"
    written = invoke("invite", "--config", config, *ARGS, "--out", str(out))
    data = json.loads(invoke("invites", "--config", config, "--offline", *now,
                             "--format", "json").stdout)  # fmt: skip
    (state,) = data["invitations"]
    assert (state["status"], state["label"]) == ("not_sent", SAID[lang][0])
    assert str(out) in state["next_step"] and "--update" not in state["command"]
    assert state["command"] in written.stderr  # the same command where it was written
    table = invoke("invites", "--config", config, "--offline", *now).stdout
    assert SAID[lang][0] in table

    argv = shlex.split(state["command"])
    assert argv[:2] == ["planner", "invite"] and argv[-1] == "--send"
    invoke(*argv[1:], "--config", config)
    ((recipients, raw, _tls),) = inbox.messages
    assert recipients == ["bob@acme.example"]
    calendar = next(p for p in email.message_from_bytes(raw).walk()
                    if p.get_content_type() == "text/calendar")  # fmt: skip
    assert sequence_of(calendar.get_payload(decode=True)) == sequence_of(out.read_bytes()) == 0

    invoke("invite", "--config", config, *ARGS, "--out", str(tmp_path / "copy.ics"))
    (state,) = json.loads(invoke("invites", "--config", config, "--offline", *now,
                                 "--format", "json").stdout)["invitations"]  # fmt: skip
    assert (state["status"], state["label"], state["command"]) == ("no_answer", SAID[lang][1], "")
    listed = invoke("invite", "--config", config, "--list").output
    assert SAID[lang][0] not in listed
