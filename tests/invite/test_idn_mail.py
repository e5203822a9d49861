"""Internationalised addresses (RFC 6531 local parts, IDNA domains) in invitations and mail,
through aiosmtpd on loopback with and without SMTPUTF8 (issue 14)."""

from __future__ import annotations

import email
from email import policy

import icalendar
import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.invite.invitation import is_email
from planner.invite.itip import build_ics
from planner.invite.mail import MailError, deliver
from planner.invite.sentlog import prepare_request
from planner.model import Attendee
from tests.invite.test_invite import STAMP, lunch
from tests.invite.test_mail import Inbox, plain, run_server, store  # noqa: F401  (fixtures)

JUERGEN = Attendee("jürgen@bücher.example", "Jürgen")
BUECHER = Attendee("bob@bücher.example", "Bob")


@pytest.mark.parametrize(
    ("address", "valid"),
    [
        ("jürgen@bücher.example", True),
        ("用户@例子.广告", True),
        ("bob@bücher.example", True),
        ("a b@x.example", False),
        ("a..b@x.example", False),
        ("a@x.example\r\nBcc: eve@x.example", False),
        ("a@-x.example", False),
        ("jürgen\u200b@x.example", False),
    ],
)
def test_rfc6531_and_idna_addresses(address, valid):
    assert is_email(address) is valid


def test_mailto_uris_are_percent_and_idna_encoded():
    ics = build_ics(lunch(attendees=(JUERGEN, BUECHER)), stamp=STAMP)
    event = icalendar.Calendar.from_ical(ics).walk("VEVENT")[0]
    attendees = [str(a) for a in event["ATTENDEE"]]
    assert attendees == [
        "mailto:j%C3%BCrgen@xn--bcher-kva.example",
        "mailto:bob@xn--bcher-kva.example",
    ]


def test_invite_to_accepts_an_internationalised_address(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[user]\nemail = "anna@example.com"\ntimezone = "Europe/Berlin"\n')
    result = CliRunner().invoke(
        main,
        ["invite", "--config", str(config), "--to", "jürgen@bücher.example", "--title", "Lunch",
         "--start", "2026-12-08T12:30"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "mailto:j%C3%BCrgen@xn--bcher-kva.example" in result.output


def test_smtputf8_server_receives_the_utf8_address(run_server, store):  # noqa: F811
    inbox = Inbox()
    port = run_server(inbox, enable_SMTPUTF8=True)
    prepared = prepare_request(store, lunch(attendees=(JUERGEN, BUECHER)), stamp=STAMP)
    result = deliver(store, prepared, plain(port))
    assert result.accepted == ("jürgen@bücher.example", "bob@bücher.example")
    recipients, raw, _tls = inbox.messages[0]
    assert recipients == ["jürgen@xn--bcher-kva.example", "bob@xn--bcher-kva.example"]
    message = email.message_from_bytes(raw, policy=policy.SMTPUTF8)
    assert "jürgen@xn--bcher-kva.example" in str(message["To"])


def test_an_idna_domain_alone_needs_no_smtputf8(run_server, store):  # noqa: F811
    inbox = Inbox()
    port = run_server(inbox, enable_SMTPUTF8=False)
    prepared = prepare_request(store, lunch(attendees=(BUECHER,)), stamp=STAMP)
    deliver(store, prepared, plain(port))
    assert inbox.messages[0][0] == ["bob@xn--bcher-kva.example"]


def test_without_smtputf8_a_utf8_local_part_is_one_clear_error(run_server, store):  # noqa: F811
    inbox = Inbox()
    port = run_server(inbox, enable_SMTPUTF8=False)
    prepared = prepare_request(store, lunch(attendees=(JUERGEN,)), stamp=STAMP)
    with pytest.raises(MailError, match="does not offer SMTPUTF8, which the address jürgen@"):
        deliver(store, prepared, plain(port))
    assert inbox.messages == []
