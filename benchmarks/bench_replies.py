"""How long ``planner replies`` takes over a Maildir full of ordinary mail with a few answers.

Generates a Maildir of N messages (every 100th carries an iTIP REPLY as a text/calendar
attachment, to one of 20 invitations sent from here) and prints the median of several runs of
reading and recording it: the first run records the answers, the later ones change nothing.

    python benchmarks/bench_replies.py [N] [RUNS]      # defaults: 2000 messages, 5 runs
"""

from __future__ import annotations

import mailbox
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.flows.followup import record_replies
from planner.invite.invitation import Invitation
from planner.invite.sentlog import prepare_request, record_sent
from planner.model import Attendee
from planner.store import Store

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 4, 9, tzinfo=TZ)


def invitations(store: Store, count: int = 20) -> list[tuple[str, str]]:
    sent = []
    for index in range(count):
        start = datetime(2026, 12, 7, 9, tzinfo=TZ) + timedelta(hours=5 * index)
        who = f"person{index}@example.org"
        inv = Invitation(
            title=f"Lunch {index}", start=start, end=start + timedelta(hours=1),
            organizer=Attendee("me@example.com"), attendees=(Attendee(who),),
        )  # fmt: skip
        prepared = prepare_request(store, inv)
        record_sent(store, prepared, sent_at=datetime(2026, 12, 1, tzinfo=UTC))
        sent.append((prepared.uid, who))
    return sent


def reply(uid: str, who: str, minute: int) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nMETHOD:REPLY\r\n"
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nSEQUENCE:0\r\n"
        f"DTSTAMP:20261202T10{minute % 60:02d}00Z\r\n"
        f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{who}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


def fill(path: Path, count: int, sent: list[tuple[str, str]]) -> None:
    box = mailbox.Maildir(path, create=True)
    for index in range(count):
        msg = EmailMessage()
        msg["From"] = "someone@example.org"
        msg["Subject"] = f"Message {index}"
        msg.set_content("Lorem ipsum dolor sit amet. " * 40)
        if index % 100 == 0:
            uid, who = sent[(index // 100) % len(sent)]
            msg.add_attachment(reply(uid, who, index // 100), maintype="text",
                               subtype="calendar", filename="reply.ics")  # fmt: skip
        box.add(msg)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "state.sqlite3")
        sent = invitations(store)
        fill(Path(tmp) / "Maildir", count, sent)
        times, reports = [], []
        for _run in range(runs):
            began = time.perf_counter()
            reports.append(record_replies(store, [Path(tmp) / "Maildir"], now=NOW))
            times.append(time.perf_counter() - began)
        store.close()
    first, later = reports[0], reports[-1]
    print(f"{count} messages, {runs} runs")
    print(f"first run:  {times[0]:.3f} s, {first.changed} answers recorded")
    print(f"later runs: median {statistics.median(times[1:] or times):.3f} s, "
          f"{later.changed} changed")  # fmt: skip


if __name__ == "__main__":
    main()
