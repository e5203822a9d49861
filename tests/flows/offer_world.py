"""A user with a calendar and an offer or two, for the offer tests (flows, web, browser).

The user is the tool server's scenario (Anna in Munich, tests/assist/scenario.py); offers go
to Lena, Bob or anybody else. Mails that answer an offer are written the way a mail client
writes what a ``mailto:`` link hands it.
"""

from __future__ import annotations

import mailbox
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from planner.config import Config, load
from planner.flows.offer_making import OfferRequest, keep, make_offers
from planner.flows.offers import Offer
from planner.store import Store, open_store
from tests.assist import scenario

ME, LENA, BOB = scenario.ME, scenario.LENA, scenario.BOB


def config(home: Path, extra: str = "", smtp_port: int | None = None) -> Config:
    return load(scenario.write_config(home, extra=extra, smtp_port=smtp_port))


def now() -> datetime:
    return datetime.now(scenario.TZ).replace(second=0, microsecond=0)


def offer_to(cfg: Config, store: Store, *people: str, count: int = 3, **request) -> list[Offer]:
    offers, notes = make_offers(
        cfg, store, store, OfferRequest(people, count=count, **request), now=now()
    )
    assert offers, notes
    return keep(store, offers)


def mail_from_link(href: str, sender: str, *, date: datetime | None = None) -> EmailMessage:
    """The mail a client composes from ``href`` (``mailto:…?subject=…&body=…``), sent by
    ``sender``."""
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    query = parse_qs(parts.query)
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = unquote(parts.path)
    msg["Subject"] = query["subject"][0]
    msg["Date"] = format_datetime(date or datetime.now(UTC))
    msg.set_content(query["body"][0])
    return msg


def into_maildir(folder: Path, *messages: EmailMessage) -> Path:
    box = mailbox.Maildir(folder, create=True)
    for message in messages:
        box.add(message)
    return folder


def state() -> Store:
    return open_store()


def busy_in_calendar(home: Path, title: str, start: datetime, end: datetime) -> None:
    """Put an event into the scenario's calendar file (``work.ics``), as the user's calendar
    app would after the offer was made."""
    path = home / "work.ics"
    event = "\r\n".join([
        "BEGIN:VEVENT", f"UID:later-{start:%Y%m%dT%H%M%S}@test", "DTSTAMP:20260101T000000Z",
        f"DTSTART:{start.astimezone(UTC):%Y%m%dT%H%M%SZ}",
        f"DTEND:{end.astimezone(UTC):%Y%m%dT%H%M%SZ}", f"SUMMARY:{title}", "END:VEVENT",
    ])  # fmt: skip
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("END:VCALENDAR", f"{event}\r\nEND:VCALENDAR"), encoding="utf-8")
