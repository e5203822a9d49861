"""Mutations of real replies for the reply-reader fuzz test and ``benchmarks/fuzz_replies.py``.

The seeds are iTIP REPLY and COUNTER answers as Outlook, Gmail, Apple Mail and Thunderbird send
them (tests/invite/hostile_mail.py) and the real REPLY of the shared fixtures. A mutation works
on the iCalendar (the calendar fuzzer's mutations plus iTIP ones: SEQUENCE, DTSTAMP, ATTENDEE,
METHOD, COUNTER times), on the MIME message around it (headers, boundaries, encodings, nesting)
or on the container (.ics, .eml, mbox, Maildir). :func:`run` reads the result from a folder
the way ``planner replies`` does, records the answers into a store holding the invitation they
answer, and renders ``planner invites`` from it: anything raised on the way is a finding.
"""

from __future__ import annotations

import mailbox
import random
import re
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.ical import fuzzing as calendar_fuzzing
from tests.invite.hostile_mail import CLIENTS, ical, mail, nested
from tests.locations import ROOT

REAL_REPLY = (
    ROOT.parent
    / "shared"
    / "fixtures"
    / "real"
    / "ics"
    / ("nylas-sync-engine__invite_w_rsvps2.ics")
)
UID = "fuzz-lunch-0001@planner"
ANNA, BOB = "anna@berger-consulting.example", "bob@acme.example"
NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
SLOW_SECONDS = 2.0
HEAVY = [False]  # the long run sets it: bigger messages and deeper nesting

Mutation = Callable[[bytes, random.Random], bytes]


def seeds() -> list[tuple[str, str]]:
    """``(client, iCalendar text)``: replies and counters in each client's shape."""
    start = datetime(2026, 12, 10, 11, 0, tzinfo=UTC)
    found = []
    for client in CLIENTS:
        found.append((client, ical(UID, [(ANNA, "ACCEPTED")], client=client)))
        found.append((client, ical(UID, [(BOB, "DECLINED")], client=client, sequence=1)))
        found.append((client, ical(UID, [(ANNA, "TENTATIVE"), (BOB, "NEEDS-ACTION")],
                                   client=client, method="COUNTER", start=start)))  # fmt: skip
    if REAL_REPLY.is_file():
        text = REAL_REPLY.read_text(encoding="utf-8", errors="replace")
        found.append(("gmail", re.sub(r"(?m)^UID:.*$", f"UID:{UID}", text)))
    return found


# -- mutations of the iCalendar ---------------------------------------------------------------
_ITIP_LINES = [
    b"SEQUENCE:" + b"9" * 40, b"SEQUENCE:-5", b"SEQUENCE:1.5", b"SEQUENCE:", b"SEQUENCE:0x10",
    b"DTSTAMP:99991231T235959Z", b"DTSTAMP:00010101T000000Z", b"DTSTAMP:yesterday",
    b"DTSTAMP;VALUE=DATE:20261201", b"DTSTART:99991231T230000Z", b"DTSTART:bogus",
    b"DTSTART;TZID=Nowhere/Zone:20261210T120000", b"DURATION:P99999999W", b"DURATION:-PT1H",
    b"DURATION:PT0S", b"DTEND:19700101T000000Z", b"ATTENDEE:mailto:", b"ATTENDEE:anna",
    b"ATTENDEE;PARTSTAT=ACCEPTED:mailto:" + b"a" * 5000 + b"@x.example",
    b"ATTENDEE;PARTSTAT=ACCEPTED;PARTSTAT=DECLINED:mailto:" + ANNA.encode(),
    b"ATTENDEE;PARTSTAT=\x1b]0;x\x07:MAILTO:" + BOB.encode(),
    b"ATTENDEE;PARTSTAT=ACCEPTED:mailto:eve@x.example", b"ATTENDEE;PARTSTAT=ACCEPTED:tel:+491",
    b"COMMENT:" + b"\x1b[2J" * 10 + b"y" * 20_000, b"UID:", b"UID:" + b"u" * 100_000,
    b"ORGANIZER:mailto:" + ANNA.encode(), b"RECURRENCE-ID:20261209T113000Z",
]  # fmt: skip


def itip_line(data: bytes, rng: random.Random) -> bytes:
    lines = data.splitlines()
    at = next((i + 1 for i, line in enumerate(lines) if line.upper() == b"BEGIN:VEVENT"), 0)
    new = rng.sample(_ITIP_LINES, rng.randint(1, 3))
    return b"\r\n".join(lines[:at] + new + lines[at:]) + b"\r\n"


def method(data: bytes, rng: random.Random) -> bytes:
    value = rng.choice((b"reply", b"COUNTER", b"REPLY;X=1", b"REQUEST", b"", b"REPLY\x00"))
    return re.sub(rb"METHOD:[^\r\n]*", b"METHOD:" + value, data, count=1)


def drop_line(data: bytes, rng: random.Random) -> bytes:
    lines = data.splitlines()
    if lines:
        del lines[rng.randrange(len(lines))]
    return b"\r\n".join(lines) + b"\r\n"


def many_vevents(data: bytes, rng: random.Random) -> bytes:
    match = re.search(rb"BEGIN:VEVENT.*?END:VEVENT\r?\n", data, re.DOTALL)
    if not match:
        return data
    count = rng.choice((2, 50, 2000 if HEAVY[0] else 300))
    budget = (80 if HEAVY[0] else 8) * 1024 * 1024  # past the reader's limits, not the RAM's
    count = max(1, min(count, budget // max(1, len(match.group()))))
    return data[: match.end()] + match.group() * count + data[match.end() :]


CALENDAR_MUTATIONS: list[Mutation] = [
    itip_line, itip_line, method, drop_line, many_vevents,
    *calendar_fuzzing.MUTATIONS,
]  # fmt: skip


# -- mutations of the message -----------------------------------------------------------------
_HEADERS = [
    b"From: " + ANNA.encode() + b", " + BOB.encode(), b"From: <>", b"From: =?utf-8?b?////?=",
    b"From: \x1b]0;x\x07 <" + BOB.encode() + b">", b"From: " + b"a" * 100_000,
    b"Authentication-Results: x; dmarc=fail", b"Content-Type: text/calendar; charset=x-nowhere",
    b"Content-Transfer-Encoding: base64", b"Content-Transfer-Encoding: x-uuencode",
    b"Content-Type: multipart/mixed", b"Content-Type: message/rfc822", b"Subject: =?x?q?\xff?=",
    b"MIME-Version: 9.9",
]  # fmt: skip


def header(data: bytes, rng: random.Random) -> bytes:
    sep = b"\r\n\r\n" if b"\r\n\r\n" in data else b"\n\n"
    head, found, body = data.partition(sep)
    return head + b"\r\n" + rng.choice(_HEADERS) + found + body


def boundary(data: bytes, rng: random.Random) -> bytes:
    found = re.findall(rb'boundary="?([^";\r\n]+)', data)
    if not found:
        return data
    old = rng.choice(found)
    new = rng.choice((b"", b"x", old[: len(old) // 2], b"--" + old, b"\x00"))
    if rng.random() < 0.5:
        return data.replace(b"--" + old + b"--", b"")  # the closing line lost
    return data.replace(old, new, 1)


def parts(data: bytes, rng: random.Random) -> bytes:
    """Many parts, or a calendar part nested deep."""
    if rng.random() < 0.5:
        depth = rng.choice((20, 300, 3000 if HEAVY[0] else 1200))
        return nested(data.decode("utf-8", "replace"), depth, ANNA)
    part = b"--zz\r\nContent-Type: text/plain\r\n\r\nx\r\n"
    count = rng.choice((10, 300, 5000 if HEAVY[0] else 1000))
    return (b"From: " + ANNA.encode() + b'\r\nContent-Type: multipart/mixed; boundary="zz"\r\n\r\n'
            + part * count + b"--zz--\r\n")  # fmt: skip


MESSAGE_MUTATIONS: list[Mutation] = [
    header, header, boundary, parts, calendar_fuzzing.flip_bytes, calendar_fuzzing.truncate,
    calendar_fuzzing.mix_newlines,
]  # fmt: skip


def build(rng: random.Random) -> tuple[str, bytes]:
    """A mutated answer: ``(container, bytes)``; container is ics, eml, mbox or maildir."""
    client, text = rng.choice(seeds())
    calendar = text.encode()
    for mutation in rng.sample(CALENDAR_MUTATIONS, rng.randint(0, 2)):
        calendar = mutation(calendar, rng)
    container = rng.choice(("ics", "eml", "eml", "mbox", "maildir"))
    if container == "ics":
        return container, calendar
    sender = rng.choice((f"Anna <{ANNA}>", BOB, "mallory@evil.example"))
    message = mail(calendar.decode("utf-8", "replace"), sender=sender, client=client).as_bytes()
    for mutation in rng.sample(MESSAGE_MUTATIONS, rng.randint(0, 2)):
        message = mutation(message, rng)
    return container, message


def _write(folder: Path, container: str, data: bytes) -> Path:
    if container == "ics":
        (folder / "reply.ics").write_bytes(data)
    elif container == "eml":
        (folder / "reply.eml").write_bytes(data)
    elif container == "mbox":
        (folder / "inbox.mbox").write_bytes(b"From x@y Mon Dec  1 10:00:00 2026\n" + data + b"\n")
        return folder / "inbox.mbox"
    else:
        box = mailbox.Maildir(folder / "Maildir", create=True)
        box.add(data)
        return folder / "Maildir"
    return folder


_STATE: list[tuple[object, object]] = []  # (store, config), made once per process


def _state() -> tuple[object, object]:
    """A store holding the invitation the seeds answer (two revisions sent), and a config."""
    from planner.config import default_config
    from planner.invite.invitation import Invitation
    from planner.invite.sentlog import prepare_request, prepare_update, record_sent
    from planner.model import Attendee
    from planner.store import Store

    if not _STATE:
        store = Store(":memory:")
        start = datetime(2026, 12, 9, 11, 30, tzinfo=UTC)
        inv = Invitation(title="Lunch", start=start, end=start + timedelta(hours=1),
                         organizer=Attendee("me@planner.test"),
                         attendees=(Attendee(ANNA), Attendee(BOB)), uid=UID)  # fmt: skip
        record_sent(store, prepare_request(store, inv), sent_at=NOW - timedelta(days=1))
        record_sent(store, prepare_update(store, UID, title="Lunch!"), sent_at=NOW)
        _STATE.append((store, default_config(user={"email": "me@planner.test"})))
    return _STATE[0]


def run(container: str, data: bytes) -> tuple[str | None, float]:
    """``(problem, CPU seconds)`` of reading, recording and showing the answer in ``data``;
    problem is None when nothing raised (a reader that finds nothing is fine)."""
    from planner.flows.followup import invite_states, record
    from planner.invite.answers import all_answers
    from planner.invite.replies import read_paths
    from planner.render.invites import invites_json, invites_table

    store, config = _state()
    all_answers(store)  # type: ignore[arg-type]  # the table exists
    with store.conn:  # type: ignore[attr-defined]
        store.conn.execute("DELETE FROM invitation_answers")  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), container, data)
        began = time.process_time()
        try:
            found = read_paths([path])
            record(store, found.answers, now=NOW)  # type: ignore[arg-type]
            states = invite_states(config, store, now=NOW, events=[])  # type: ignore[arg-type]
            invites_table(states, 3)
            invites_json(states)
        except Exception:  # the point of the fuzz test: anything raised is a finding
            return traceback.format_exc(), time.process_time() - began
        return None, time.process_time() - began
