"""No forged or poisoned answer is believed, and no input stops the run (issue 26).

Answers are built as Outlook, Gmail, Apple Mail and Thunderbird send them (tests/invite/
hostile_mail.py) and read from files, Maildir and mbox, then recorded; each class below is one
kind of defect the issue names, tried in every client's shape where the shape matters.
"""

from __future__ import annotations

import mailbox
import os
import stat
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from planner.flows.followup import record, record_replies
from planner.invite.answers import Outcome, all_answers
from planner.invite.mailboxes import MAX_DEPTH, MESSAGE_LIMIT
from planner.invite.replies import read_paths
from planner.invite.sentlog import prepare_request, prepare_update, record_sent
from planner.model import Response
from tests.invite.hostile_mail import CLIENTS, forwarded, ical, mail, nested
from tests.invite.test_invite import ANNA, BOB, lunch
from tests.locations import ROOT

SENT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
NOW = SENT + timedelta(days=1)
MALLORY = "mallory@evil.example"
REAL = ROOT.parent / "shared" / "fixtures" / "real" / "ics"


@pytest.fixture
def uid(store) -> str:
    prepared = prepare_request(store, lunch())
    record_sent(store, prepared, sent_at=SENT)
    return prepared.uid


def _eml(tmp_path: Path, name: str, message) -> Path:
    path = tmp_path / f"{name}.eml"
    path.write_bytes(message if isinstance(message, bytes) else message.as_bytes())
    return path


def _stored(store) -> dict[str, tuple[str, int]]:
    return {a.attendee: (a.response.value, a.sequence) for a in all_answers(store)}


def _finishes(function, *args, seconds: float = 20, **kwargs):
    """``function(*args, **kwargs)``, failing the test (instead of hanging it) when it blocks."""
    box: dict[str, object] = {}

    def call() -> None:
        try:
            box["result"] = function(*args, **kwargs)
        except BaseException as exc:  # handed to the test below
            box["error"] = exc

    worker = threading.Thread(target=call, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"{function.__name__} blocked for {seconds} s"
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["result"]


def _read_and_record(store, paths):
    """``record_replies``, its reading watched for blocking (the store stays in this thread)."""
    found = _finishes(read_paths, paths)
    report = record(store, found.answers, now=NOW)
    report.problems = found.problems + report.problems
    return report


class TestEachClientsReplyIsRead:
    @pytest.mark.parametrize("client", CLIENTS)
    def test_a_genuine_reply_is_recorded_once(self, store, uid, tmp_path, client):
        calendar = ical(uid, [(ANNA.email, "ACCEPTED")], client=client)
        path = _eml(tmp_path, client, mail(calendar, sender=f"Anna Berger <{ANNA.email}>",
                                           client=client))  # fmt: skip
        report = record_replies(store, [path], now=NOW)
        assert report.problems == [] and report.changed == 1
        assert _stored(store) == {ANNA.email: ("accepted", 0)}

    @pytest.mark.skipif(not REAL.is_dir(), reason=f"real-world fixtures not found in {REAL}")
    def test_a_real_google_reply_from_another_project(self, store):
        """nylas' invite_w_rsvps2.ics: a Google REPLY carrying Exchange's X- properties."""
        found = read_paths([REAL / "nylas-sync-engine__invite_w_rsvps2.ics"])
        assert found.problems == [] and len(found.answers) == 1
        (answer,) = found.answers
        assert answer.response is Response.TENTATIVE and answer.sender is None
        assert record(store, found.answers, now=NOW).outcomes[Outcome.UNKNOWN_UID] == 1


class TestForgedSenders:
    @pytest.mark.parametrize("client", CLIENTS)
    @pytest.mark.parametrize(
        "sender",
        [MALLORY, f'"{ANNA.email}" <{MALLORY}>', f"Anna <{ANNA.email}>, <{MALLORY}>", ""],
        ids=["other-address", "address-as-display-name", "two-senders", "no-from"],
    )
    def test_an_answer_for_someone_else_is_unverified_and_not_applied(
        self, store, uid, tmp_path, client, sender
    ):
        calendar = ical(uid, [(ANNA.email, "DECLINED")], client=client)
        path = _eml(tmp_path, "forged", mail(calendar, sender=sender, client=client))
        report = record_replies(store, [path], now=NOW)
        assert report.outcomes[Outcome.UNVERIFIED] >= 1 and report.changed == 0
        assert any("unverified" in p and ANNA.email in p for p in report.problems)
        assert all_answers(store) == []

    def test_a_sender_the_receiving_server_found_forged(self, store, uid, tmp_path):
        headers = {"Authentication-Results": "mx.planner.test; spf=softfail; dkim=none; "
                   "dmarc=fail (p=NONE) header.from=berger-consulting.example"}  # fmt: skip
        message = mail(ical(uid, [(ANNA.email, "ACCEPTED")]), sender=ANNA.email, headers=headers)
        report = record_replies(store, [_eml(tmp_path, "dmarc", message)], now=NOW)
        assert report.outcomes[Outcome.UNVERIFIED] >= 1 and all_answers(store) == []
        assert any("DMARC" in p for p in report.problems)

    def test_a_forged_counter_offers_no_ready_update(self, store, uid, tmp_path):
        start = datetime(2026, 12, 10, 7, 0, tzinfo=UTC)
        calendar = ical(uid, [(ANNA.email, "TENTATIVE")], method="COUNTER", start=start)
        report = record_replies(store, [_eml(tmp_path, "c", mail(calendar, sender=MALLORY))],
                                now=NOW)  # fmt: skip
        assert report.outcomes[Outcome.UNVERIFIED] >= 1 and all_answers(store) == []

    def test_a_reply_forwarded_by_someone_counts_for_its_own_sender(self, store, uid, tmp_path):
        inner = mail(ical(uid, [(ANNA.email, "ACCEPTED")]), sender=ANNA.email)
        path = _eml(tmp_path, "fwd", forwarded(inner, "assistant@kranich-advisory.example"))
        assert record_replies(store, [path], now=NOW).changed == 1
        assert _stored(store) == {ANNA.email: ("accepted", 0)}


class TestOneMessageAnswersForOneAttendee:
    @pytest.mark.parametrize("client", CLIENTS)
    def test_a_mail_answers_only_for_its_sender(self, store, uid, tmp_path, client):
        calendar = ical(uid, [(ANNA.email, "ACCEPTED"), (BOB.email, "DECLINED")], client=client)
        path = _eml(tmp_path, "two", mail(calendar, sender=ANNA.email, client=client))
        report = record_replies(store, [path], now=NOW)
        assert _stored(store) == {ANNA.email: ("accepted", 0)}
        assert any("also answers for bob@acme.example" in p for p in report.problems)

    def test_a_bare_file_for_two_attendees_is_not_recorded(self, store, uid, tmp_path):
        path = tmp_path / "two.ics"
        path.write_text(ical(uid, [(ANNA.email, "ACCEPTED"), (BOB.email, "ACCEPTED")]))
        report = record_replies(store, [path], now=NOW)
        assert all_answers(store) == [] and any("2 attendees" in p for p in report.problems)

    def test_a_counter_repeating_every_attendee_counts_for_its_sender(self, store, uid, tmp_path):
        start = datetime(2026, 12, 10, 12, 0, tzinfo=UTC)
        people = [(ANNA.email, "NEEDS-ACTION"), (BOB.email, "TENTATIVE")]
        calendar = ical(uid, people, method="COUNTER", start=start)
        record_replies(store, [_eml(tmp_path, "c", mail(calendar, sender=BOB.email))], now=NOW)
        (answer,) = all_answers(store)
        assert (answer.attendee, answer.method, answer.proposed[0]) == (BOB.email, "COUNTER",
                                                                         start)  # fmt: skip


class TestRevisionsAndTime:
    def test_a_sequence_never_sent_is_refused(self, store, uid, tmp_path):
        calendar = ical(uid, [(ANNA.email, "ACCEPTED")], sequence=7)
        report = record_replies(store, [_eml(tmp_path, "s", mail(calendar, sender=ANNA.email))],
                                now=NOW)  # fmt: skip
        assert report.outcomes[Outcome.UNSENT] >= 1 and all_answers(store) == []
        assert any("revision 7" in p and "never sent" in p for p in report.problems)

    @pytest.mark.parametrize("stamp", ["99991231T235959Z", "21501231T235959Z"])
    def test_a_dtstamp_in_the_future_cannot_make_the_real_answer_outdated(
        self, store, uid, tmp_path, stamp
    ):
        """9999 is refused on the way in; a plausible year still to come counts as now."""
        early = ical(uid, [(ANNA.email, "ACCEPTED")], stamp=stamp)
        record_replies(store, [_eml(tmp_path, "a", mail(early, sender=ANNA.email))], now=NOW)
        later = ical(uid, [(ANNA.email, "DECLINED")],
                     stamp=(NOW + timedelta(hours=1)).strftime("%Y%m%dT%H%M%SZ"))  # fmt: skip
        report = record_replies(store, [_eml(tmp_path, "b", mail(later, sender=ANNA.email))],
                                now=NOW + timedelta(hours=2))  # fmt: skip
        assert report.changed == 1 and report.outcomes[Outcome.OUTDATED] == 0
        assert _stored(store) == {ANNA.email: ("declined", 0)}

    def test_after_an_update_the_old_answer_does_not_count(self, store, uid, tmp_path):
        first = ical(uid, [(ANNA.email, "ACCEPTED")], sequence=0)
        record_replies(store, [_eml(tmp_path, "a", mail(first, sender=ANNA.email))], now=NOW)
        update = prepare_update(store, uid, start=lunch().start + timedelta(days=1))
        record_sent(store, update, sent_at=NOW)
        from planner.config import default_config
        from planner.flows.followup import invite_states

        config = default_config(user={"email": "lea@kranich-advisory.example"})
        states = {s.counterpart: s for s in invite_states(config, store, now=NOW)}
        assert (states[ANNA.email].status, states[ANNA.email].sequence) == ("no_answer", 1)
        second = ical(uid, [(ANNA.email, "ACCEPTED")], sequence=1)
        record_replies(store, [_eml(tmp_path, "b", mail(second, sender=ANNA.email))], now=NOW)
        states = {s.counterpart: s for s in invite_states(config, store, now=NOW)}
        assert states[ANNA.email].status == "accepted"


class TestPoisonedValuesAreRefusedOnTheWayIn:
    @pytest.mark.parametrize(
        ("method", "sequence", "extra", "start", "words"),
        [
            ("COUNTER", 0, (), datetime(9999, 12, 31, 23, 0, tzinfo=UTC), "between 1970 and 2200"),
            ("COUNTER", 0, (), None, "without DTSTART"),
            ("COUNTER", 0, ("DURATION:P99999999W",), "sentinel", "DURATION"),
            ("REPLY", str(10**30), (), None, "SEQUENCE"),
            ("REPLY", "-1", (), None, "SEQUENCE"),
            ("REPLY", "1.5", (), None, "SEQUENCE"),
        ],
        ids=["counter-9999", "counter-no-dtstart", "duration-99999999w", "sequence-1e30",
             "sequence-negative", "sequence-fraction"],
    )  # fmt: skip
    def test_one_bad_message_never_stops_the_good_ones_beside_it(
        self, store, uid, tmp_path, method, sequence, extra, start, words
    ):
        if start == "sentinel":  # a DURATION instead of DTEND
            start = datetime(2026, 12, 10, 12, 0, tzinfo=UTC)
        bad = ical(uid, [(BOB.email, "TENTATIVE")], method=method, sequence=sequence,
                   extra=extra, start=start)  # fmt: skip
        if "DURATION" in words:
            bad = bad.replace("DTEND:20261210T130000Z\r\n", "")
        box = mailbox.mbox(tmp_path / "inbox.mbox", create=True)
        box.add(mail(ical(uid, [(ANNA.email, "ACCEPTED")]), sender=ANNA.email))
        box.add(mail(bad, sender=BOB.email))
        box.add(mail(ical(uid, [(BOB.email, "DECLINED")], stamp="20261201T090000Z"),
                     sender=BOB.email))  # fmt: skip
        box.flush()
        report = _read_and_record(store, [tmp_path / "inbox.mbox"])
        assert _stored(store) == {ANNA.email: ("accepted", 0), BOB.email: ("declined", 0)}
        assert any(words in p and "inbox.mbox#1" in p for p in report.problems), report.problems


class TestInputsThatAreNoFiles:
    def test_a_mime_structure_3000_deep_is_one_problem(self, store, uid, tmp_path):
        deep = _eml(tmp_path, "deep", nested(ical(uid, [(BOB.email, "ACCEPTED")]), 3000,
                                             BOB.email))  # fmt: skip
        fine = _eml(tmp_path, "fine", nested(ical(uid, [(ANNA.email, "ACCEPTED")]), 5,
                                             ANNA.email))  # fmt: skip
        too_deep = _eml(tmp_path, "deeper", nested(ical(uid, [(BOB.email, "ACCEPTED")]),
                                                   MAX_DEPTH + 2, BOB.email))  # fmt: skip
        report = _read_and_record(store, [deep, fine, too_deep])
        assert _stored(store) == {ANNA.email: ("accepted", 0)}
        assert len(report.problems) == 2 and all("MIME" in p for p in report.problems)

    def test_a_fifo_a_device_and_a_loop_never_block_or_fill_the_memory(self, store, uid, tmp_path):
        folder = tmp_path / "saved"
        folder.mkdir()
        os.mkfifo(folder / "pipe.ics")
        try:
            os.mknod(folder / "zero.eml", 0o600 | stat.S_IFCHR, os.makedev(1, 5))  # /dev/zero
        except PermissionError:
            (folder / "zero.eml").symlink_to("/dev/zero")
        (folder / "loop").symlink_to(folder)
        (folder / "good.ics").write_text(ical(uid, [(ANNA.email, "ACCEPTED")]))
        report = _read_and_record(store, [folder, folder / "pipe.ics"])
        assert _stored(store) == {ANNA.email: ("accepted", 0)}
        assert sum("pipe.ics" in p for p in report.problems) == 2  # in the folder and named
        assert any("zero.eml" in p and "device" in p for p in report.problems)

    def test_a_maildir_with_a_fifo_and_an_oversized_mbox_message(self, store, uid, tmp_path):
        box = mailbox.Maildir(tmp_path / "Maildir", create=True)
        box.add(mail(ical(uid, [(ANNA.email, "ACCEPTED")]), sender=ANNA.email))
        os.mkfifo(tmp_path / "Maildir" / "new" / "1700000000.fifo.host")
        mbox = tmp_path / "big.mbox"
        with mbox.open("wb") as handle:
            handle.write(b"From x@y Mon Dec  1 10:00:00 2026\n")
            handle.write(b"X" * (MESSAGE_LIMIT + 10))  # no line break at all
            handle.write(b"\nFrom x@y Mon Dec  1 10:00:00 2026\n")
            handle.write(mail(ical(uid, [(BOB.email, "DECLINED")]), sender=BOB.email).as_bytes())
        report = _read_and_record(store, [tmp_path / "Maildir", mbox])
        assert _stored(store) == {ANNA.email: ("accepted", 0), BOB.email: ("declined", 0)}
        assert any("fifo" in p for p in report.problems)
        assert any("big.mbox: message 0: larger than" in p for p in report.problems)
