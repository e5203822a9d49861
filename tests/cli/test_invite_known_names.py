"""``planner invite --to ADDRESS`` names the invitee as the user's people know them
(``[[people]]``, earlier invitations) in the dry run, the mail's To: header and the ATTENDEE's
CN; a name the user typed (``"Name <address>"``) wins. Sent through a real SMTP server on
loopback.

Bug: ``--to emma@brit.example`` showed ``who: emma@brit.example``, mailed ``To:
emma@brit.example`` and wrote no CN, while ``planner invites`` said "Emma Clarke"."""

from __future__ import annotations

import email

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)


def write_config(tmp_path, port: int, language: str) -> str:
    path = tmp_path / "config.toml"
    path.write_text(
        '[user]\nname = "Anna Berger"\nemail = "anna@berger-consulting.example"\n'
        f'timezone = "Europe/Berlin"\nlanguage = "{language}"\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
        '[[people]]\nemail = "emma@brit.example"\nname = "Emma Clarke"\ncity = "London"\n'
        '[[people]]\nemail = "kenji@tokyo-trade.example"\nname = "Kenji Sato"\n',
        encoding="utf-8",
    )
    return str(path)


def invite(config: str, *args: str):
    result = CliRunner().invoke(main, ["invite", "--config", config, "--title", "Lunch", *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_known_name_is_used_unless_one_was_typed(tmp_path, run_server, lang):  # noqa: F811
    inbox = Inbox()
    config = write_config(tmp_path, run_server(inbox), lang)
    start = ["--start", "2026-12-17 13:00 Europe/London"]
    dry = invite(config, "--to", "emma@brit.example", "--to", "kenji@tokyo-trade.example", *start)
    assert "Emma Clarke <emma@brit.example>, Kenji Sato <kenji@tokyo-trade.example>" in dry.output
    assert 'ATTENDEE;CN="Emma Clarke"' in dry.output.replace("\r\n ", "")
    invite(config, "--to", "emma@brit.example", *start, "--send")
    _rcpt, raw, _ = inbox.messages[-1]
    message = email.message_from_bytes(raw)
    assert message["To"] == "Emma Clarke <emma@brit.example>"
    typed = invite(config, "--to", "E. Clarke <emma@brit.example>", "--start",
                   "2026-12-18 13:00 Europe/London")  # fmt: skip
    assert "E. Clarke <emma@brit.example>" in typed.output
    assert 'To: "E. Clarke" <emma@brit.example>' in typed.output


def test_a_name_from_an_earlier_invitation_is_known(tmp_path, run_server):  # noqa: F811
    """No [[people]] entry: the name typed once before is the name the next time."""
    inbox = Inbox()
    config = write_config(tmp_path, run_server(inbox), "en")
    invite(config, "--to", "Lena Hansen <lena@hafen-muc.example>", "--start",
           "2026-12-10T14:00", "--send")  # fmt: skip
    again = invite(config, "--to", "lena@hafen-muc.example", "--start", "2026-12-11T14:00")
    assert "who:   Lena Hansen <lena@hafen-muc.example>" in again.output
    assert "To: Lena Hansen <lena@hafen-muc.example>" in again.output
