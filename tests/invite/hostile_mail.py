"""Replies as real mail clients send them, built with Python's ``email`` package, and the hostile
variants of each: the shapes of Outlook/Exchange, Gmail, Apple Mail (iCloud) and Thunderbird
(headers, MIME structure, transfer encodings and the iCalendar each client writes), so the
reply reader is tried on what arrives in a real inbox and not only on what planner writes."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

CLIENTS = ("outlook", "gmail", "apple", "thunderbird")
PRODIDS = {
    "outlook": "Microsoft Exchange Server 2010",
    "gmail": "-//Google Inc//Google Calendar 70.9054//EN",
    "apple": "-//Apple Inc.//iPhone OS 17.4//EN",
    "thunderbird": "-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN",
}
SUBJECT = {"ACCEPTED": "Accepted", "DECLINED": "Declined", "TENTATIVE": "Tentative"}


def ical(
    uid: str,
    attendees: list[tuple[str, str]],
    *,
    client: str = "gmail",
    method: str = "REPLY",
    sequence: int | str | None = 0,
    stamp: str = "20261201T100000Z",
    start: datetime | None = None,
    extra: tuple[str, ...] = (),
    organizer: str = "me@planner.test",
) -> str:
    """One iTIP object as ``client`` writes it; ``attendees`` are (address, PARTSTAT)."""
    when = start or datetime(2026, 12, 9, 11, 30, tzinfo=UTC)
    lines = ["BEGIN:VCALENDAR", f"PRODID:{PRODIDS[client]}", "VERSION:2.0", f"METHOD:{method}"]
    if client == "outlook":
        lines += ["BEGIN:VTIMEZONE", "TZID:W. Europe Standard Time", "BEGIN:STANDARD",
                  "DTSTART:16010101T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
                  "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10", "END:STANDARD",
                  "BEGIN:DAYLIGHT", "DTSTART:16010101T020000", "TZOFFSETFROM:+0100",
                  "TZOFFSETTO:+0200", "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3",
                  "END:DAYLIGHT", "END:VTIMEZONE"]  # fmt: skip
    lines += ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}"]
    if sequence is not None:
        lines.append(f"SEQUENCE:{sequence}")
    if method == "REPLY" or start is not None:
        if client == "outlook":
            local, zone = when + timedelta(hours=1), "TZID=W. Europe Standard Time"
            lines += [f"DTSTART;{zone}:{local:%Y%m%dT%H%M%S}",
                      f"DTEND;{zone}:{local + timedelta(hours=1):%Y%m%dT%H%M%S}"]  # fmt: skip
        else:
            end = when if when.year == 9999 else when + timedelta(hours=1)
            lines += [f"DTSTART:{when:%Y%m%dT%H%M%SZ}", f"DTEND:{end:%Y%m%dT%H%M%SZ}"]
    lines.append(f"ORGANIZER;CN=Me:mailto:{organizer}")
    for address, partstat in attendees:
        mailto = "MAILTO" if client == "outlook" else "mailto"
        params = {
            "outlook": f"PARTSTAT={partstat}",
            "gmail": f"CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={partstat};CN={address}",
            "apple": f'CN="{address.split("@")[0].title()}";PARTSTAT={partstat};EMAIL={address}',
            "thunderbird": f"RSVP=TRUE;PARTSTAT={partstat};ROLE=REQ-PARTICIPANT;CUTYPE=INDIVIDUAL",
        }[client]
        lines.append(f"ATTENDEE;{params}:{mailto}:{address}")
    if client == "outlook":
        lines += ["X-MICROSOFT-CDO-OWNERAPPTID:-1", "X-MICROSOFT-CDO-REPLYTIME:20261201T100000Z"]
    lines += [*extra, "END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"


def mail(
    calendar: str,
    *,
    sender: str,
    client: str = "gmail",
    partstat: str = "ACCEPTED",
    headers: dict[str, str] | None = None,
) -> EmailMessage:
    """The reply mail ``client`` sends for ``calendar``, from ``sender`` (a From header value)."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "Me <me@planner.test>"
    msg["Subject"] = f"{SUBJECT.get(partstat, 'Reply')}: Lunch"
    msg["Date"] = format_datetime(datetime(2026, 12, 1, 10, 0, tzinfo=UTC))
    digest = hashlib.sha256(f"{sender}\n{calendar}".encode("utf-8", "replace")).hexdigest()
    msg["Message-ID"] = f"<{digest[:24]}@mail.example>"  # the same mail every run
    for key, value in (headers or {}).items():
        msg[key] = value
    text = "Anna has accepted this invitation."
    if client == "outlook":
        msg["Thread-Topic"] = "Lunch"
        msg["Content-Language"] = "de-DE"
        msg["X-MS-Has-Attach"] = ""
        msg.set_content(text, cte="base64")
        msg.add_alternative(f"<html><body><p>{text}</p></body></html>", subtype="html")
        msg.add_alternative(calendar.encode(), "text", "calendar", cte="base64",
                            params={"method": "REPLY", "charset": "utf-8"})  # fmt: skip
    elif client == "gmail":
        msg.set_content(text)
        msg.add_alternative(f'<div dir="ltr">{text}</div>', subtype="html")
        cte = "7bit" if calendar.isascii() else "base64"  # as Gmail chooses
        msg.add_alternative(calendar.encode(), "text", "calendar", cte=cte,
                            params={"method": "REPLY", "charset": "UTF-8"})  # fmt: skip
        msg.make_mixed()
        msg.add_attachment(calendar.encode(), "application", "ics", filename="invite.ics",
                           cte="base64")  # fmt: skip
    elif client == "apple":
        msg["X-Mailer"] = "Apple Mail (2.3774.500.171.1.1)"
        msg.set_content(text, cte="quoted-printable")
        params = {"method": "REPLY", "name": "iCal-20261201-100000.ics"}
        msg.add_alternative(calendar.encode(), "text", "calendar", cte="quoted-printable",
                            params=params)  # fmt: skip
    else:  # thunderbird
        msg["User-Agent"] = "Mozilla Thunderbird"
        msg.set_content(text, params={"format": "flowed"})
        msg.add_alternative(calendar.encode(), "text", "calendar", cte="8bit",
                            params={"method": "REPLY", "charset": "UTF-8"})  # fmt: skip
        msg.make_mixed()
        msg.add_attachment(calendar.encode(), "application", "ics", filename="invite.ics",
                           cte="base64")  # fmt: skip
    return msg


def nested(calendar: str, depth: int, sender: str) -> bytes:
    """A message whose calendar part lies ``depth`` multiparts deep."""
    head = f"From: {sender}\r\nSubject: deep\r\nMIME-Version: 1.0\r\n".encode()
    body = b""
    for level in range(depth):
        body += b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (level, level)
    body += b"Content-Type: text/calendar; method=REPLY\r\n\r\n" + calendar.encode() + b"\r\n"
    for level in reversed(range(depth)):
        body += b"--b%d--\r\n" % level
    return head + body


def forwarded(inner: EmailMessage, forwarder: str) -> EmailMessage:
    """``inner`` forwarded as an attachment (message/rfc822) by ``forwarder``."""
    outer = EmailMessage()
    outer["From"] = forwarder
    outer["To"] = "me@planner.test"
    outer["Subject"] = "Fwd: " + str(inner["Subject"])
    outer.set_content("see below")
    outer.add_attachment(inner)
    return outer
