"""An answer to our meeting from an address it was not sent to (QA b, defect 2).

John was invited as john@acme-ny.example and answered from John.Miller@acme-ny.example. Not
applying it is right (anyone can write from any address), but the meeting is ours: it counts
as unverified, not "not ours", and the warning says what to do. Case and IDN spellings of the
invited address are the same address."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.invite.answers import answers_for
from planner.invite.sentlog import prepare_request, record_sent
from planner.model import Attendee
from planner.paths import data_dir
from planner.store import FILENAME, Store
from tests.invite.test_invite import lunch

JOHN = Attendee("john@acme-ny.example", "John Miller")
SENT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def outlook_accept(uid: str, sender: str, attendee: str) -> bytes:
    """An Outlook (Exchange) acceptance, as the tester's outlook-accept-john.eml."""
    return (
        f"From: John Miller <{sender}>\r\nTo: user@planner.test\r\nSubject: Accepted: Lunch\r\n"
        "Date: Mon, 7 Dec 2026 10:40:00 -0500\r\nMessage-ID: <outlook-1@acme-ny.example>\r\n"
        'MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="b1"\r\n\r\n'
        '--b1\r\nContent-Type: text/plain; charset="us-ascii"\r\n\r\nSee you there.\r\n'
        '--b1\r\nContent-Type: text/calendar; charset="utf-8"; method=REPLY\r\n\r\n'
        "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nPRODID:Microsoft Exchange Server 2010\r\n"
        "VERSION:2.0\r\nBEGIN:VEVENT\r\n"
        f"ATTENDEE;PARTSTAT=ACCEPTED;CN=John Miller:mailto:{attendee}\r\n"
        f"UID:{uid}\r\nORGANIZER:mailto:user@planner.test\r\nDTSTAMP:20261207T154000Z\r\n"
        "SEQUENCE:0\r\nX-MICROSOFT-CDO-APPT-SEQUENCE:0\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        "--b1--\r\n"
    ).encode()


def _config(tmp_path: Path, language: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        f'[user]\nname = "Uta User"\nemail = "user@planner.test"\nlanguage = "{language}"\n'
        'timezone = "Europe/Berlin"\n',
        encoding="utf-8",
    )
    return path


def _sent() -> str:
    store = Store(data_dir() / FILENAME)
    prepared = prepare_request(store, lunch(attendees=(JOHN,), title="Breakfast Acme"))
    record_sent(store, prepared, sent_at=SENT)
    store.close()
    return prepared.uid


def _replies(tmp_path: Path, language: str, mail: bytes):
    (tmp_path / "reply.eml").write_bytes(mail)
    config = _config(tmp_path, language)
    args = ["replies", "--config", str(config), str(tmp_path / "reply.eml"), "--now",
            "2026-12-07T18:00"]  # fmt: skip
    result = CliRunner().invoke(main, args, env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_answer_from_the_other_address_is_unverified_and_says_what_to_do(tmp_path, language):
    uid = _sent()
    other = "John.Miller@acme-ny.example"
    result = _replies(tmp_path, language, outlook_accept(uid, other, other))
    store = Store(data_dir() / FILENAME)
    assert answers_for(store, uid) == {}  # not applied
    store.close()
    assert "john@acme-ny.example" in result.stderr and "john.miller@acme-ny.example" in (
        result.stderr.lower()
    )
    if language == "en":
        assert "0 not ours" in result.stdout and "1 unverified" in result.stdout
        assert "ask them to answer from john@acme-ny.example" in result.stderr
        assert "was not invited" not in result.stderr
    else:  # the counts, whatever the words: one is counted, and not as "not ours"
        assert "0 nicht von uns" in result.stdout and "1 unbestätigt" in result.stdout


@pytest.mark.parametrize(
    ("sender", "attendee"),
    [
        ("JOHN@ACME-NY.EXAMPLE", "John@Acme-NY.example"),
        ("john@acme-ny.example", "JOHN@ACME-NY.EXAMPLE"),
    ],
)
def test_another_spelling_of_the_invited_address_is_the_same_address(tmp_path, sender, attendee):
    uid = _sent()
    result = _replies(tmp_path, "en", outlook_accept(uid, sender, attendee))
    assert "1 new" in result.stdout and "warning" not in result.stderr
    store = Store(data_dir() / FILENAME)
    assert set(answers_for(store, uid)) == {JOHN.email}
    store.close()
