"""Answers as real calendar clients write them (QA pass on replies): Outlook's windows-1252
calendar part and winmail.dat, Google's comment on the ATTENDEE entry, Apple's reply without
SEQUENCE, a COUNTER in floating time, a delegation and the delegate's own reply, an answer
on someone's behalf (SENT-BY) and one from a person the invitation was forwarded to. Each
message is written as the client writes it, read from an .eml file and recorded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import pytest

from planner.config import from_mapping
from planner.flows.followup import invite_states, record_replies
from planner.invite.answers import all_answers
from planner.invite.sentlog import prepare_request, prepare_update, record_sent
from planner.store import Store
from tests.invite.test_invite import ME, lunch

BERLIN = ZoneInfo("Europe/Berlin")
SENT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
UPDATED = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
ORGANIZER = f"mailto:{ME.email}"


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "state.sqlite3")
    yield s
    s.close()


@pytest.fixture
def uid(store) -> str:
    """The lunch (9 December, 12:30 Berlin) sent to Anna and Bob on 1 December."""
    prepared = prepare_request(store, lunch())
    record_sent(store, prepared, sent_at=SENT)
    return prepared.uid


@pytest.fixture
def config():
    return from_mapping(
        {"user": {"email": ME.email, "name": ME.name, "timezone": "Europe/Berlin"},
         "invite": {"nudge_days": 3}},
        "<test>",
    )  # fmt: skip


def calendar(method: str, event: str) -> str:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//client//EN", f"METHOD:{method}"]
    lines = [*head, "BEGIN:VEVENT", *event.strip().splitlines(), "END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"


def write_mail(tmp_path, name: str, sender: str, ics: str, method: str = "REPLY",
               charset: str = "utf-8") -> str:  # fmt: skip
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ME.email
    msg["Subject"] = "Answer"
    msg.set_content("See the attachment.")
    msg.add_attachment(ics.encode(charset), maintype="text", subtype="calendar",
                       params={"method": method, "charset": charset})  # fmt: skip
    path = tmp_path / f"{name}.eml"
    path.write_bytes(bytes(msg))
    return str(path)


def states(store, config, now: datetime = NOW) -> dict[str, object]:
    return {s.counterpart: s for s in invite_states(config, store, now=now)}


def test_windows_1252_calendar_part_is_read_in_its_charset(store, uid, config, tmp_path):
    """Outlook declares charset=windows-1252 on the calendar part: 'später' stays 'später'."""
    ics = calendar(
        "REPLY",
        f"""UID:{uid}
SEQUENCE:0
DTSTAMP:20261201T120000Z
ORGANIZER:{ORGANIZER}
ATTENDEE;PARTSTAT=TENTATIVE;CN=Anna Berger:mailto:anna@berger-consulting.example
COMMENT;LANGUAGE=de-DE:Ich komme etwas später\\, Grüße""",
    )
    sender = "=?iso-8859-1?Q?Berger=2C_Anna?= <Anna@Berger-Consulting.example>"
    path = write_mail(tmp_path, "cp1252", sender, ics, charset="windows-1252")
    report = record_replies(store, [path], now=NOW)
    assert report.outcomes["new"] == 1, report.problems
    state = states(store, config)["anna@berger-consulting.example"]
    assert state.status == "tentative"
    assert state.comment == "Ich komme etwas später, Grüße"


def test_tnef_answer_is_named_not_called_empty(store, uid, tmp_path):
    """An Outlook answer only in winmail.dat is an answer planner cannot read, and says so."""
    msg = EmailMessage()
    msg["From"] = "Bob Stone <bob@acme.example>"
    msg["Subject"] = "Accepted: Lunch"
    msg.set_content("")
    tnef = b"\x78\x9f\x3e\x22" + b"\x00" * 20 + b"IPM.Schedule.Meeting.Resp.Pos\x00"
    msg.add_attachment(tnef, maintype="application", subtype="ms-tnef", filename="winmail.dat")
    maildir = tmp_path / "INBOX"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    (maildir / "new" / "1.host").write_bytes(bytes(msg))
    report = record_replies(store, [maildir], now=NOW)
    assert len(report.problems) == 1
    assert "winmail.dat (TNEF)" in report.problems[0]
    assert "Accepted: Lunch" in report.problems[0]


def test_other_tnef_mail_is_no_problem(store, uid, tmp_path):
    msg = EmailMessage()
    msg["From"] = "Bob Stone <bob@acme.example>"
    msg["Subject"] = "Slides"
    msg.set_content("")
    msg.add_attachment(b"\x78\x9f\x3e\x22IPM.Microsoft Mail.Note", maintype="application",
                       subtype="ms-tnef", filename="winmail.dat")  # fmt: skip
    maildir = tmp_path / "INBOX"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    (maildir / "new" / "1.host").write_bytes(bytes(msg))
    assert record_replies(store, [maildir], now=NOW).problems == []


def test_google_comment_on_the_attendee_entry_is_what_they_wrote(store, uid, config, tmp_path):
    ics = calendar(
        "REPLY",
        f"""UID:{uid}
SEQUENCE:0
DTSTAMP:20261201T120000Z
ORGANIZER:{ORGANIZER}
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=DECLINED;CN=Bob Stone;X-NUM-GUESTS=0;X
 -RESPONSE-COMMENT="Could we do Thursday at 14:00 instead?":mailto:bob@acme.example""",
    )
    path = write_mail(tmp_path, "google", "Bob Stone <bob@acme.example>", ics)
    record_replies(store, [path], now=NOW)
    state = states(store, config)["bob@acme.example"]
    assert state.status == "declined"
    assert state.comment == "Could we do Thursday at 14:00 instead?"
    assert "they wrote: Could we do Thursday at 14:00 instead?" in state.next_step


def test_floating_counter_means_the_meetings_zone(store, uid, config, tmp_path):
    """DTSTART:20261210T120000 (no zone) is noon where the meeting is, not noon UTC."""
    ics = calendar(
        "COUNTER",
        f"""UID:{uid}
SEQUENCE:0
DTSTAMP:20261201T120000Z
ORGANIZER:{ORGANIZER}
ATTENDEE;PARTSTAT=TENTATIVE:mailto:bob@acme.example
DTSTART:20261210T120000
DTEND:20261210T130000""",
    )
    path = write_mail(tmp_path, "floating", "bob@acme.example", ics, method="COUNTER")
    report = record_replies(store, [path], now=NOW)
    assert report.outcomes["new"] == 1
    assert any("without a time zone; read in Europe/Berlin" in p for p in report.problems)
    state = states(store, config)["bob@acme.example"]
    assert state.proposed == (datetime(2026, 12, 10, 12, 0, tzinfo=BERLIN),
                              datetime(2026, 12, 10, 13, 0, tzinfo=BERLIN))  # fmt: skip
    assert "--start 2026-12-10T12:00 --duration 60" in state.command


@pytest.mark.parametrize(
    ("stamp", "status", "earlier", "sequence"),
    [
        ("20261202T120000Z", "accepted", "", 1),  # written after the update: answers it
        ("20261201T120000Z", "no_answer", "accepted", 0),  # written before: the first one
    ],
)
def test_reply_without_sequence_answers_the_revision_current_when_written(
    store, uid, config, tmp_path, stamp, status, earlier, sequence
):
    """Apple writes no SEQUENCE: an accept answers the revision current at its DTSTAMP."""
    record_sent(store, prepare_update(store, uid, start=datetime(2026, 12, 9, 13, 0,
                                                                  tzinfo=BERLIN)),
                sent_at=UPDATED)  # fmt: skip
    ics = calendar(
        "REPLY",
        f"""UID:{uid}
DTSTAMP:{stamp}
ORGANIZER:{ORGANIZER}
ATTENDEE;CN=Bob Stone;EMAIL=bob@acme.example;PARTSTAT=ACCEPTED:mailto:bob@acme.example""",
    )
    path = write_mail(tmp_path, "apple", "Bob Stone <bob@acme.example>", ics)
    record_replies(store, [path], now=NOW)
    state = states(store, config)["bob@acme.example"]
    assert (state.status, state.earlier) == (status, earlier)
    [answer] = all_answers(store)
    assert answer.sequence == sequence


def _delegation(uid: str) -> str:
    return calendar(
        "REPLY",
        f"""UID:{uid}
SEQUENCE:0
DTSTAMP:20261201T120000Z
ORGANIZER:{ORGANIZER}
ATTENDEE;PARTSTAT=DELEGATED;DELEGATED-TO="mailto:hanna@acme.example":mailto:bob@acme.example""",
    )


def _delegate_accepts(uid: str) -> str:
    return calendar(
        "REPLY",
        f"""UID:{uid}
SEQUENCE:0
DTSTAMP:20261201T130000Z
ORGANIZER:{ORGANIZER}
ATTENDEE;PARTSTAT=ACCEPTED;DELEGATED-FROM="mailto:bob@acme.example":mailto:hanna@acme.example""",
    )


@pytest.mark.parametrize("order", ["delegation first", "delegate first"])
def test_delegate_answer_counts_once_the_invitee_named_them(store, uid, config, tmp_path, order):
    """Both mails in one run, in either order: Hanna's accept is hers, for Bob's place."""
    delegation = write_mail(tmp_path, "b", "bob@acme.example", _delegation(uid))
    delegate = write_mail(tmp_path, "a", "Hanna Lee <hanna@acme.example>", _delegate_accepts(uid))
    paths = [delegation, delegate] if order == "delegation first" else [delegate, delegation]
    report = record_replies(store, paths, now=NOW)
    assert report.outcomes["new"] == 2, report.problems
    state = states(store, config)["bob@acme.example"]
    assert state.status == "delegated"
    assert (
        state.next_step == "passed on to hanna@acme.example; hanna@acme.example answered: accepted"
    )


def test_delegate_alone_is_not_applied_and_says_why(store, uid, config, tmp_path):
    delegate = write_mail(tmp_path, "a", "hanna@acme.example", _delegate_accepts(uid))
    report = record_replies(store, [delegate], now=NOW)
    assert report.outcomes["unknown_attendee"] == 1
    assert "who says bob@acme.example passed the invitation on to them" in report.problems[0]
    record_replies(store, [write_mail(tmp_path, "b", "bob@acme.example", _delegation(uid))],
                   now=NOW)  # fmt: skip
    step = states(store, config)["bob@acme.example"].next_step
    assert step == "passed on to hanna@acme.example; their answer follows"


def test_forwarded_invitation_answered_by_a_stranger(store, uid, config, tmp_path):
    ics = calendar(
        "REPLY",
        f"""UID:{uid}
SEQUENCE:0
DTSTAMP:20261201T120000Z
ORGANIZER:{ORGANIZER}
ATTENDEE;PARTSTAT=ACCEPTED:mailto:xaver@other.example""",
    )
    report = record_replies(store, [write_mail(tmp_path, "x", "xaver@other.example", ics)],
                            now=NOW)  # fmt: skip
    assert report.outcomes["unknown_attendee"] == 1
    [line] = report.problems
    assert "xaver@other.example, who was not invited (perhaps the invitation was forwarded" in line
    assert "bob@acme.example" not in line  # no invitee is named as if it were them
    assert {s.status for s in states(store, config).values()} == {"no_answer"}


def test_answer_on_behalf_names_sent_by(store, uid, tmp_path):
    ics = calendar(
        "REPLY",
        f"""UID:{uid}
SEQUENCE:0
DTSTAMP:20261201T120000Z
ORGANIZER:{ORGANIZER}
ATTENDEE;PARTSTAT=DECLINED;SENT-BY="mailto:petra@acme.example":mailto:bob@acme.example""",
    )
    report = record_replies(store, [write_mail(tmp_path, "p", "petra@acme.example", ics)],
                            now=NOW)  # fmt: skip
    assert report.outcomes["unverified"] == 1
    assert (
        "petra@acme.example answers 'declined' on behalf of bob@acme.example (SENT-BY)"
        in (report.problems[0])
    )
    assert all_answers(store) == []


def test_the_answer_is_said_in_the_language_spoken(store, uid, tmp_path):
    """A German line names the answer in German ('abgelehnt'), not iCalendar's 'declined'."""
    from planner.i18n import speaking

    ics = calendar(
        "REPLY",
        f"""UID:{uid}
SEQUENCE:0
DTSTAMP:20261201T120000Z
ORGANIZER:{ORGANIZER}
ATTENDEE;PARTSTAT=DECLINED;SENT-BY="mailto:petra@acme.example":mailto:bob@acme.example""",
    )
    with speaking("de"):
        report = record_replies(store, [write_mail(tmp_path, "p", "petra@acme.example", ics)],
                                now=NOW)  # fmt: skip
    [line] = report.problems
    assert "'abgelehnt'" in line and "declined" not in line


def test_same_reply_twice_changes_nothing(store, uid, tmp_path):
    ics = calendar(
        "REPLY",
        f"""UID:{uid}
DTSTAMP:20261201T120000Z
ORGANIZER:{ORGANIZER}
ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@acme.example""",
    )
    path = write_mail(tmp_path, "twice", "bob@acme.example", ics)
    assert record_replies(store, [path], now=NOW).outcomes["new"] == 1
    again = record_replies(store, [path, path], now=NOW + timedelta(hours=1))
    assert again.outcomes["unchanged"] == 2


def test_answers_stored_before_delegations_were_kept_stay(tmp_path):
    """A state file with the answers table of version 1 keeps its rows (a column is added)."""
    from planner.invite.answers import DDL, TABLE_VERSION

    s = Store(tmp_path / "old.sqlite3")
    later = (
        "delegated TEXT NOT NULL DEFAULT ''",
        "whole_days INTEGER NOT NULL DEFAULT 0",
        "answered_from TEXT NOT NULL DEFAULT ''",
        "text_proposal INTEGER NOT NULL DEFAULT 0",
    )
    old = DDL
    for column in later:  # the columns versions 2 and 3 added
        old = old.replace(f"    {column},\n", "")
    for statement in filter(str.strip, old.split(";")):
        s.conn.execute(statement)
    s.conn.execute("INSERT OR REPLACE INTO schema_versions VALUES ('sentlog_answers', 1)")
    s.conn.execute(
        "INSERT INTO invitation_answers VALUES ('u@planner', 'bob@acme.example', 0, "
        "'2026-12-01T12:00:00+00:00', 'REPLY', 'accepted', 'null', '', 'x.eml')"
    )
    s.conn.commit()
    [answer] = all_answers(s)
    assert (answer.attendee, answer.delegated_to, TABLE_VERSION) == ("bob@acme.example", (), 3)
    assert (answer.whole_days, answer.answered_from, answer.text_proposal) == (False, "", False)
    s.close()
