"""An answer whose RECURRENCE-ID names no occurrence of the meeting does not count for it.
planner sends single meetings: the one occurrence is the start of the revision answered,
compared as an instant whatever form the client writes it in: UTC (Google), a Windows zone
name with Outlook's VTIMEZONE, an IANA TZID (Apple, Nextcloud), no zone at all (read in the
meeting's zone), a date (an all-day meeting; or the meeting's own day), RANGE=THISANDFUTURE
(that occurrence and later: for a single meeting, the same one). One line says who, the date
named, and that it is likely an answer to an older version.

Bug: a REPLY with ``RECURRENCE-ID:20261216T113000Z`` (a week later) counted as Bob's accept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.flows.followup import invite_states, record_replies
from planner.i18n import speaking
from planner.invite.answers import all_answers
from planner.invite.sentlog import prepare_request, prepare_update, record_sent
from planner.store import Store
from tests.invite.test_client_answers import ORGANIZER, calendar, write_mail
from tests.invite.test_day_counters import W_EUROPE
from tests.invite.test_invite import ME, lunch

BERLIN = ZoneInfo("Europe/Berlin")
SENT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 12, 3, 10, 0, tzinfo=BERLIN)  # in the user's zone, as the CLI has it

#: client → (the occurrence of the lunch on 9 Dec, 12:30 Berlin; another one), as it writes them
FORMS = {
    "google, UTC": ("RECURRENCE-ID:20261209T113000Z", "RECURRENCE-ID:20261216T113000Z"),
    "outlook, Windows zone": (
        "RECURRENCE-ID;TZID=W. Europe Standard Time:20261209T123000",
        "RECURRENCE-ID;TZID=W. Europe Standard Time:20261209T133000",
    ),
    "apple, IANA zone": (
        "RECURRENCE-ID;TZID=Europe/Berlin:20261209T123000",
        "RECURRENCE-ID;TZID=America/New_York:20261209T123000",
    ),
    "nextcloud, this and future": (
        "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20261209T123000",
        "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20261202T123000",
    ),
    "thunderbird, floating": ("RECURRENCE-ID:20261209T123000", "RECURRENCE-ID:20261209T113000"),
    "a date": ("RECURRENCE-ID;VALUE=DATE:20261209", "RECURRENCE-ID;VALUE=DATE:20261208"),
}


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "state.sqlite3")
    yield s
    s.close()


@pytest.fixture
def config():
    from planner.config import from_mapping

    return from_mapping(
        {"user": {"email": ME.email, "name": ME.name, "timezone": "Europe/Berlin"}}, "<test>"
    )


def send(store, inv=None) -> str:
    prepared = prepare_request(store, inv or lunch())
    record_sent(store, prepared, message_id="<m@x>", sent_at=SENT)
    return prepared.uid


def reply(tmp_path, name: str, uid: str, recurrence: str, sequence: int = 0) -> str:
    ics = calendar(
        "REPLY",
        f"""UID:{uid}
SEQUENCE:{sequence}
DTSTAMP:20261202T120000Z
ORGANIZER:{ORGANIZER}
{recurrence}
ATTENDEE;PARTSTAT=ACCEPTED;CN=Bob Stone:mailto:bob@acme.example""",
    )
    ics = ics.replace("BEGIN:VEVENT", W_EUROPE + "\r\nBEGIN:VEVENT")
    return write_mail(tmp_path, name, "Bob Stone <bob@acme.example>", ics)


def bob(store, config):
    return {s.counterpart: s for s in invite_states(config, store, now=NOW)}["bob@acme.example"]


@pytest.mark.parametrize("client", list(FORMS))
def test_an_answer_counts_only_for_the_occurrence_the_meeting_has(store, config, tmp_path, client):
    ours, other = FORMS[client]
    uid = send(store)
    report = record_replies(store, [reply(tmp_path, "other", uid, other)], now=NOW)
    assert report.outcomes["no_occurrence"] == 1, report.problems
    [line] = report.problems
    assert "bob@acme.example answers 'Lunch: Kick-off ACME' for " in line
    assert "the meeting has no such occurrence (it is on Wed 9 Dec 12:30)" in line
    assert "likely an answer to an older version" in line
    assert all_answers(store) == [] and bob(store, config).status == "no_answer"
    report = record_replies(store, [reply(tmp_path, "ours", uid, ours)], now=NOW)
    assert report.outcomes["new"] == 1 and report.problems == []
    assert bob(store, config).status == "accepted"


def test_an_answer_to_the_time_before_an_update_is_not_one_to_the_update(store, config, tmp_path):
    """Moved from 12:30 to 14:00 (SEQUENCE 1): an accept of SEQUENCE 1 naming 12:30 is not
    counted; one of SEQUENCE 0 naming 12:30 is the earlier answer it is."""
    uid = send(store)
    moved = prepare_update(store, uid, start=datetime(2026, 12, 9, 14, 0, tzinfo=BERLIN))
    record_sent(store, moved, message_id="<m2@x>", sent_at=SENT + timedelta(hours=1))
    named = "RECURRENCE-ID;TZID=Europe/Berlin:20261209T123000"
    report = record_replies(store, [reply(tmp_path, "one", uid, named, sequence=1)], now=NOW)
    assert report.outcomes["no_occurrence"] == 1
    assert "for Wed 9 Dec 12:30, but the meeting has no such occurrence (it is on Wed 9 Dec " \
           "14:00)" in report.problems[0]  # fmt: skip
    report = record_replies(store, [reply(tmp_path, "zero", uid, named, sequence=0)], now=NOW)
    assert report.outcomes["new"] == 1
    state = bob(store, config)
    assert (state.status, state.earlier) == ("no_answer", "accepted")


def test_an_all_day_meeting_is_named_by_its_day(store, config, tmp_path):
    first = datetime(2026, 12, 9, tzinfo=BERLIN)
    uid = send(store, lunch(title="Messe", start=first, end=first + timedelta(days=2),
                            all_day=True))  # fmt: skip
    other = reply(tmp_path, "other", uid, "RECURRENCE-ID;VALUE=DATE:20261210")
    assert record_replies(store, [other], now=NOW).outcomes["no_occurrence"] == 1
    ours = reply(tmp_path, "ours", uid, "RECURRENCE-ID;VALUE=DATE:20261209")
    assert record_replies(store, [ours], now=NOW).outcomes["new"] == 1
    assert bob(store, config).status == "accepted"


def test_the_line_is_said_in_german(store, tmp_path):
    uid = send(store)
    with speaking("de"):
        report = record_replies(store, [reply(tmp_path, "x", uid, FORMS["a date"][1])], now=NOW)
    [line] = report.problems
    assert "für Di. 8. Dez.," in line or "Di. 8. Dez." in line  # the day named, in German
    assert "Mi. 9. Dez. 12:30" in line  # the meeting's own time, in the user's zone
