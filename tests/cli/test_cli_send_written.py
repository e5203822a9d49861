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


SENT_ELSEWHERE = {"en": "sent by your mail program", "de": "von Ihrem Mailprogramm gesendet"}


def reply(uid: str, who: str, partstat: str) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Thunderbird//EN\r\nMETHOD:REPLY\r\n"
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nSEQUENCE:0\r\nDTSTAMP:20261207T100000Z\r\n"
        f"ATTENDEE;PARTSTAT={partstat}:mailto:{who}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_written_then_sent_from_the_users_mail_program(tmp_path, monkeypatch, lang):
    """The user sends the .ics from their own mail program and says so with the command
    planner names: the sent log records it as sent by their mail program, and the next step is
    to wait for the answer (no 'send it', no nudge yet). Nothing goes out from planner: the
    [smtp] server in the config does not even exist."""
    from planner.cli import common

    monkeypatch.setattr(common, "now_in", lambda tz: BEFORE.astimezone(tz))
    config = write_config(tmp_path, 9, lang)  # port 9: nothing listens
    now = ["--now", "2026-12-07T09:00"]
    invoke("invite", "--config", config, *ARGS, "--out", str(tmp_path / "lunch.ics"))
    (state,) = json.loads(invoke("invites", "--config", config, "--offline", *now,
                                 "--format", "json").stdout)["invitations"]  # fmt: skip
    assert state["alternative"] == f"planner invite --sent-elsewhere {state['uid']}"
    assert state["alternative"] in state["line"] and state["command"] in state["line"]

    said = invoke(*shlex.split(state["alternative"])[1:], "--config", config)
    assert state["uid"] in said.stderr
    (state,) = json.loads(invoke("invites", "--config", config, "--offline", *now,
                                 "--format", "json").stdout)["invitations"]  # fmt: skip
    assert (state["status"], state["label"], state["command"]) == ("no_answer", SAID[lang][1], "")
    listed = invoke("invite", "--config", config, "--list").output
    assert SENT_ELSEWHERE[lang] in listed and SAID[lang][0] not in listed
    again = invoke("invite", "--config", config, "--sent-elsewhere", state["uid"][:8])
    assert state["uid"] in again.stderr and SENT_ELSEWHERE[lang] in again.stderr  # no change
    both = CliRunner().invoke(main, ["invite", "--config", config, "--sent-elsewhere",
                                     state["uid"], "--send"])  # fmt: skip
    assert both.exit_code != 0 and "--sent-elsewhere" in both.output


@pytest.mark.parametrize("lang", ["en", "de"])
def test_an_answer_to_a_written_invitation_shows_it_was_sent(tmp_path, monkeypatch, lang):
    """Bob declines the lunch only written to a file: the user must have sent it, so the log
    says so (the reply is the evidence), and the next step is the one after a decline."""
    from planner.cli import common

    monkeypatch.setattr(common, "now_in", lambda tz: BEFORE.astimezone(tz))
    config = write_config(tmp_path, 9, lang)
    invoke("invite", "--config", config, *ARGS, "--out", str(tmp_path / "lunch.ics"))
    uid = invoke("invite", "--config", config, "--list").output.split()[0]
    (tmp_path / "reply.ics").write_bytes(reply(uid, "Bob@Acme.example", "DECLINED"))
    invoke("replies", "--config", config, "--now", "2026-12-07T11:00", str(tmp_path / "reply.ics"))
    listed = invoke("invite", "--config", config, "--list").output
    assert SENT_ELSEWHERE[lang] in listed and SAID[lang][0] not in listed
    listing = invoke("invites", "--config", config, "--offline", "--now", "2026-12-07T11:00",
                     "--format", "json")  # fmt: skip
    (state,) = json.loads(listing.stdout)["invitations"]
    assert state["status"] == "declined" and "--sent-elsewhere" not in state["alternative"]
    assert state["command"] == "planner propose --with bob@acme.example"


def test_every_listing_of_an_invitation_typed_in_another_zone_shows_the_users_time(
    tmp_path, monkeypatch
):
    """A call typed as 09:00 New York (15:00 in Berlin, the user's zone): 'invite --list',
    'invites' (table and JSON) and the next step all say 15:00 first; 09:00 only beside it,
    named as New York's time."""
    from planner.cli import common

    monkeypatch.setattr(common, "now_in", lambda tz: BEFORE.astimezone(tz))
    config = write_config(tmp_path, 9)
    typed = ["--to", "Dana Whitfield <dana@hudson-partners.example>", "--title", "Call",
             "--start", "2026-12-10 09:00 America/New_York", "--duration", "30"]  # fmt: skip
    invoke("invite", "--config", config, *typed, "--out", str(tmp_path / "call.ics"))
    listed = invoke("invite", "--config", config, "--list").output
    assert "2026-12-10 15:00 (09:00 America/New_York)" in listed
    now = ["--now", "2026-12-07T09:00"]
    (state,) = json.loads(invoke("invites", "--config", config, "--offline", *now,
                                 "--format", "json").stdout)["invitations"]  # fmt: skip
    assert state["start"].startswith("2026-12-10T15:00:00+01:00")
    assert "Thu 10 Dec 15:00 (09:00 America/New_York)" in state["line"]
    assert state["line"].count("09:00") == 1
    monkeypatch.setenv("COLUMNS", "200")  # one line a meeting, whatever the terminal
    table = " ".join(invoke("invites", "--config", config, "--offline", *now).stdout.split())
    assert "Thu 10 Dec 15:00–15:30" in table and "(09:00–09:30" in table
    assert table.count("09:00") == 1
