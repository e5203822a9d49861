"""iTIP answers (RFC 5546 §3.2.3 REPLY, §3.2.7 COUNTER) from where people keep them: .ics
files, folders of them, saved e-mails (.eml), Maildir folders and mbox files, read with the
standard library's ``mailbox`` and ``email``.

Every answer becomes an :class:`planner.invite.answers.Answer`; what cannot be read becomes a
problem line naming the file (and the message in a mailbox), never an exception.
"""

from __future__ import annotations

import email
import mailbox
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email import policy
from email.message import Message
from pathlib import Path
from typing import Any

from planner.i18n import _
from planner.invite.answers import Answer
from planner.invite.offer_mail import OfferReply
from planner.model import Response

METHODS = ("REPLY", "COUNTER")
PARTSTAT = {
    "ACCEPTED": Response.ACCEPTED,
    "DECLINED": Response.DECLINED,
    "TENTATIVE": Response.TENTATIVE,
    "NEEDS-ACTION": Response.NEEDS_ACTION,
    "DELEGATED": Response.DELEGATED,
}
ANSWER_METHOD = re.compile(rb"^METHOD:(REPLY|COUNTER)\s*$", re.IGNORECASE | re.MULTILINE)
CALENDAR_TYPES = ("text/calendar", "application/ics", "text/x-vcalendar")
MAIL_SUFFIXES = (".eml", ".msg.txt")


@dataclass
class Found:
    """The answers read from some paths, and what could not be read."""

    answers: list[Answer] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    files: int = 0
    offers: list[OfferReply] = field(default_factory=list)  # answers to offers (accept links)


def read_paths(paths: list[Path]) -> Found:
    """Answers from every path: an .ics or .eml file, an mbox file, a Maildir, or a folder
    (searched recursively for .ics and .eml files and Maildirs)."""
    found = Found()
    for path in paths:
        _read_path(path, found)
    return found


def _read_path(path: Path, found: Found) -> None:
    if not path.exists():
        found.problems.append(_("{path}: no such file or folder", path=path))
    elif path.is_dir() and _is_maildir(path):
        _read_mailbox(mailbox.Maildir(path, create=False), path, found)
    elif path.is_dir():
        for child in sorted(path.iterdir()):
            if child.is_dir() or child.suffix.lower() in (".ics", *MAIL_SUFFIXES):
                _read_path(child, found)
    elif _is_mbox(path):
        _read_mailbox(mailbox.mbox(path, create=False), path, found)
    else:
        _read_file(path, found)


def _is_maildir(path: Path) -> bool:
    return all((path / name).is_dir() for name in ("cur", "new", "tmp"))


def _is_mbox(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"From "
    except OSError:
        return False


def _read_file(path: Path, found: Found) -> None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        found.problems.append(_("{path}: cannot read: {error}", path=path, error=exc.strerror))
        return
    found.files += 1
    if data.lstrip().upper().startswith(b"BEGIN:VCALENDAR"):
        _collect(data, str(path), found)
    else:
        _read_message(email.message_from_bytes(data, policy=policy.default), str(path), found)


def _read_mailbox(box: mailbox.Mailbox[Any], path: Path, found: Found) -> None:
    for key in sorted(box.keys(), key=str):
        try:
            data = box.get_bytes(key)
        except (OSError, ValueError, UnicodeError) as exc:
            found.problems.append(_("{path}: message {key}: {error}", path=path, key=key,
                                    error=exc))  # fmt: skip
            continue
        found.files += 1
        if _may_hold_calendar(data):  # most mail does not: skip parsing it
            parsed = email.message_from_bytes(data, policy=policy.default)
            _read_message(parsed, f"{path}#{key}", found)


def _may_hold_calendar(data: bytes) -> bool:
    """A cheap test on the raw message: a calendar part names its type or its file."""
    lowered = data.lower()
    return any(mark in lowered for mark in (b"calendar", b"/ics", b".ics", b"planner-offer:"))


def _read_message(message: Message, where: str, found: Found) -> None:
    _read_offer_reply(message, where, found)
    for part in _calendar_parts(message):
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and payload.strip():
            _collect(payload, where, found)


def _read_offer_reply(message: Message, where: str, found: Found) -> None:
    """The answer to an offer that ``message`` carries, if any (:mod:`.offer_mail`)."""
    from planner.invite.offer_mail import offer_replies

    replies, problems = offer_replies(message, where)
    found.offers += replies
    found.problems += problems


def _calendar_parts(message: Message) -> Iterator[Message]:
    for part in message.walk():
        if part.is_multipart():
            continue
        name = (part.get_filename() or "").lower()
        if part.get_content_type() in CALENDAR_TYPES or name.endswith(".ics"):
            yield part


def _collect(data: bytes, where: str, found: Found) -> None:
    if not ANSWER_METHOD.search(data):
        return  # a calendar, an invitation, a cancellation: not an answer, not a problem
    try:
        found.answers += parse(data, where)
    except ValueError as exc:
        found.problems.append(
            _("{where}: not a readable iCalendar object ({error})", where=where, error=exc)
        )


def parse(data: bytes, source: str = "") -> list[Answer]:
    """The answers in one iCalendar object; [] unless its METHOD is REPLY or COUNTER.

    Raises ValueError when ``data`` is not iCalendar.
    """
    import icalendar

    calendars = icalendar.Calendar.from_ical(data, multiple=True)
    result: list[Answer] = []
    for cal in calendars:
        method = str(cal.get("METHOD", "")).upper()
        if method not in METHODS:
            continue
        for event in cal.walk("VEVENT"):
            result += _answers(event, method, source)
    return result


def _answers(event: Any, method: str, source: str) -> list[Answer]:
    uid = str(event.get("UID", "")).strip()
    if not uid:
        return []
    attendees = event.get("ATTENDEE") or []
    if not isinstance(attendees, list):
        attendees = [attendees]
    proposed = _proposed(event) if method == "COUNTER" else None
    common = {
        "uid": uid,
        "sequence": int(event.get("SEQUENCE", 0) or 0),
        "stamp": _time(event, "DTSTAMP") if event.get("DTSTAMP") else None,
        "method": method,
        "proposed": proposed,
        "comment": str(event.get("COMMENT", "") or ""),
        "source": source,
    }
    result = []
    for address in attendees:
        partstat = str(address.params.get("PARTSTAT", "")).upper()
        response = PARTSTAT.get(partstat, Response.NEEDS_ACTION)
        if method == "REPLY" and response is Response.NEEDS_ACTION:
            continue  # a REPLY that says nothing
        result.append(Answer(attendee=_email(address), response=response, **common))
    return result


def _proposed(event: Any) -> tuple[datetime, datetime] | None:
    if not event.get("DTSTART"):
        return None
    start = _time(event, "DTSTART")
    if event.get("DTEND"):
        return start, _time(event, "DTEND")
    if event.get("DURATION"):
        return start, start + event.decoded("DURATION")
    return start, start


def _time(event: Any, name: str) -> datetime:
    """A date or date-time property in UTC; ValueError naming the property otherwise."""
    value = event.decoded(name)
    if not isinstance(value, date):
        raise ValueError(_("{name} '{value}' is not a date or time", name=name, value=value))
    return _utc(value)


def _utc(value: datetime | date) -> datetime:
    if not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _email(address: Any) -> str:
    raw = str(address).strip()
    return raw[7:].strip() if raw.lower().startswith("mailto:") else raw
