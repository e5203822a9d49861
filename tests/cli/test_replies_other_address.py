"""``planner replies`` through the CLI: an answer from another address of an invitee counts as
theirs where the user's address book (a vCard with both addresses) links it, and says so; a
stranger with the same name is not linked (never by name). Google Calendar's "propose a new
time" to an organizer outside Google comes as a REPLY whose time is only in the mail text: the
answer is shown with "proposed another time (in the mail text only)".

Bug: Bob's accept from his private address was "not invited (perhaps forwarded)"."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.invite.sentlog import prepare_request, record_sent
from planner.store import open_store
from tests.invite.test_client_answers import ORGANIZER, calendar
from tests.invite.test_invite import ME, lunch

SENT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
NOW = "2026-12-03T10:00"
VCARD = """BEGIN:VCARD\r
VERSION:3.0\r
FN:Bob Stone\r
N:Stone;Bob;;;\r
EMAIL;TYPE=WORK:bob@acme.example\r
EMAIL;TYPE=HOME:bob.stone@gmail.example\r
END:VCARD\r
"""


@pytest.fixture
def uid():
    store = open_store()  # the one 'planner' itself opens (the test's data dir)
    prepared = prepare_request(store, lunch())
    record_sent(store, prepared, message_id="<m@x>", sent_at=SENT)
    store.close()
    return prepared.uid


@pytest.fixture
def config(tmp_path):
    def write(lang: str = "en"):
        (tmp_path / "contacts.vcf").write_text(VCARD, encoding="utf-8")
        path = tmp_path / "config.toml"
        path.write_text(
            f'[user]\nname = "{ME.name}"\nemail = "{ME.email}"\ntimezone = "Europe/Berlin"\n'
            f'language = "{lang}"\n\n[[addressbooks]]\nname = "contacts"\nprovider = "vcard"\n'
            f'path = "{tmp_path / "contacts.vcf"}"\n',
            encoding="utf-8",
        )
        return str(path)

    return write


def mail(tmp_path, name: str, sender: str, attendee: str, uid: str, partstat="ACCEPTED",
         subject="Accepted: Lunch", text="See the attachment.", extra="") -> str:  # fmt: skip
    ics = calendar(
        "REPLY",
        f"""UID:{uid}
SEQUENCE:0
DTSTAMP:20261202T120000Z
ORGANIZER:{ORGANIZER}
ATTENDEE;PARTSTAT={partstat}{extra}:mailto:{attendee}""",
    )
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, ME.email, subject
    msg.set_content(text)
    msg.add_attachment(ics.encode(), maintype="text", subtype="calendar",
                       params={"method": "REPLY"}, filename="invite.ics")  # fmt: skip
    path = tmp_path / f"{name}.eml"
    path.write_bytes(bytes(msg))
    return str(path)


def replies(config_path: str, *paths: str):
    result = CliRunner().invoke(main, ["replies", "--config", config_path, "--now", NOW, *paths])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())  # as said, whatever width the lines are wrapped to


def invites(config_path: str) -> str:
    result = CliRunner().invoke(
        main, ["invites", "--config", config_path, "--offline", "--now", NOW, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    import json

    states = json.loads(result.output)["invitations"]
    return next(s for s in states if s["counterpart"] == "bob@acme.example")


@pytest.mark.parametrize(
    ("sender", "attendee"),
    [
        ("Bob Stone <bob.stone@gmail.example>", "bob.stone@gmail.example"),  # Gmail, his own
        ("Bob Stone <bob.stone@gmail.example>", "bob@acme.example"),  # Outlook, another account
    ],
)
def test_an_answer_from_the_other_address_in_the_address_book_counts(
    tmp_path, uid, config, sender, attendee
):
    path = config()
    out = replies(path, mail(tmp_path, "bob", sender, attendee, uid))
    assert "1 new" in out
    assert "from bob.stone@gmail.example, an address your address book gives them" in out
    bob = invites(path)
    assert bob["status"] == "accepted"
    assert bob["answered_from"] == "bob.stone@gmail.example"
    assert "(answered from bob.stone@gmail.example)" in bob["next_step"]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_same_name_from_an_unknown_address_links_nobody(tmp_path, uid, config, lang):
    """After Bob's accept from his private address, a "Bob Stone" from an address no address
    book gives him declines: not counted for Bob, said to be someone not invited."""
    path = config(lang)
    own = "bob.stone@gmail.example"
    replies(path, mail(tmp_path, "bob", f"Bob Stone <{own}>", own, uid))
    stranger = "bob.stone@other.example"
    out = replies(path, mail(tmp_path, "x", f"Bob Stone <{stranger}>", stranger, uid,
                             partstat="DECLINED", extra=";CN=Bob Stone"))  # fmt: skip
    assert stranger in out and "address book" not in out and "Adressbuch" not in out
    bob = invites(path)
    assert (bob["status"], bob["answered_from"]) == ("accepted", own)


GOOGLE_PROPOSAL = """Bob Stone has proposed a new time for this event.

Lunch: Kick-off ACME
Proposed new time: Thursday 10 Dec 2026 2pm – 3:30pm (Central European Time - Berlin)
Original time: Wednesday 9 Dec 2026 12:30pm – 2pm (Central European Time - Berlin)
"""


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_google_proposal_in_the_mail_text_is_said_not_guessed(tmp_path, uid, config, lang):
    path = config(lang)
    sent = mail(tmp_path, "g", "Bob Stone <bob@acme.example>", "bob@acme.example", uid,
                partstat="TENTATIVE", subject="New time proposed: Lunch: Kick-off ACME @ Wed "
                "9 Dec 2026 12:30pm - 2pm (CET)", text=GOOGLE_PROPOSAL,
                extra=';CN=Bob Stone;X-NUM-GUESTS=0;X-RESPONSE-COMMENT="Thu?"')  # fmt: skip
    replies(path, sent)
    bob = invites(path)
    assert bob["status"] == "tentative" and bob["text_proposal"] is True
    assert bob["proposed"] is None  # nothing machine-readable: no time made up
    assert "(in the mail text only)" in bob["label"] or lang == "de"
    assert f"planner invite --update {uid} --start" in bob["next_step"]
    assert bob["command"] == f"planner invite --again {uid} --send"


def test_a_plain_tentative_is_no_proposal(tmp_path, uid, config):
    path = config()
    replies(path, mail(tmp_path, "t", "bob@acme.example", "bob@acme.example", uid,
                       partstat="TENTATIVE", subject="Tentatively accepted: Lunch"))  # fmt: skip
    bob = invites(path)
    assert bob["text_proposal"] is False and bob["label"] == "tentative"
