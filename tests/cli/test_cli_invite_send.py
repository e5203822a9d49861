"""``planner invite --send`` through a real SMTP server on loopback, from a config file."""

from __future__ import annotations

import email
import json
from datetime import datetime
from zoneinfo import ZoneInfo

from click.testing import CliRunner

from planner.cli import main
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)


def write_config(tmp_path, port: int, language: str = "en") -> str:
    path = tmp_path / "config.toml"
    path.write_text(
        '[user]\nname = "Anna Berger"\nemail = "anna@berger-consulting.example"\n'
        f'timezone = "Europe/Berlin"\nlanguage = "{language}"\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n',
        encoding="utf-8",
    )
    return str(path)


ARGS = [
    "--to",
    "bob@acme.example",
    "--title",
    "Mittagessen",
    "--start",
    "2026-12-08T12:30",
    "--location",
    "Trattoria Lehel, Thierschstraße 12, 80538 München",
]


def test_send_delivers_and_logs_then_update_and_cancel_follow(tmp_path, run_server):  # noqa: F811
    inbox = Inbox()
    config = write_config(tmp_path, run_server(inbox))
    sent = CliRunner().invoke(main, ["invite", "--config", config, *ARGS, "--send"])
    assert sent.exit_code == 0, sent.output
    assert len(inbox.messages) == 1
    recipients, raw, _ = inbox.messages[0]
    assert recipients == ["bob@acme.example"]
    message = email.message_from_bytes(raw)
    assert message.get_content_type() == "multipart/mixed"
    parts = [p.get_content_type() for p in message.walk()]
    assert "text/calendar" in parts
    listing = CliRunner().invoke(main, ["invite", "--config", config, "--list"])
    uid = listing.output.split()[0]
    assert uid.endswith("@planner")
    update = CliRunner().invoke(
        main,
        [
            "invite",
            "--config",
            config,
            "--update",
            uid[:8],
            "--start",
            "2026-12-09T12:30",
            "--send",
        ],
    )
    assert update.exit_code == 0, update.output
    cancel = CliRunner().invoke(main, ["invite", "--config", config, "--cancel", uid, "--send"])
    assert cancel.exit_code == 0, cancel.output
    methods = [
        email.message_from_bytes(raw).get_payload()[0].get_payload()[2].get_param("method")
        for _, raw, _ in inbox.messages
    ]
    assert methods == ["REQUEST", "REQUEST", "CANCEL"]


def test_refusing_server_is_one_line_and_nothing_is_logged(
    tmp_path,
    run_server,  # noqa: F811
    monkeypatch,
):
    from planner.cli import common

    # the day before ARGS' lunch: a start in the past would add a note above the echo
    before = datetime(2026, 12, 7, 9, tzinfo=ZoneInfo("Europe/Berlin"))
    monkeypatch.setattr(common, "now_in", lambda tz: before.astimezone(tz))
    inbox = Inbox(refuse_rcpt=("bob@acme.example",))
    config = write_config(tmp_path, run_server(inbox))
    result = CliRunner().invoke(main, ["invite", "--config", config, *ARGS, "--send"])
    assert result.exit_code == 1
    *echo, error = result.output.strip().splitlines()
    assert [line.split(":")[0].strip() for line in echo] == [
        "Invitation",
        "who",
        "when",
        "where",
        "what",
    ]
    assert error.startswith("planner: error: ") and "127.0.0.1" in error
    listing = CliRunner().invoke(main, ["invite", "--config", config, "--list"])
    assert listing.output.strip() == ""


def test_no_server_listening(tmp_path):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = write_config(tmp_path, port)
    result = CliRunner().invoke(main, ["invite", "--config", config, *ARGS, "--send"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert json.dumps(port) in result.output
