"""iTIP answers (RFC 5546 §3.2.3 REPLY, §3.2.7 COUNTER) from where people keep them: .ics
files, folders of them, saved e-mails (.eml), Maildir folders and mbox files
(:mod:`planner.invite.mailboxes` reads them with limits).

Every answer becomes an :class:`planner.invite.answers.Answer`, checked on the way in: a
SEQUENCE that is a whole number from 0 to 2³¹−1, times between 1970 and 2200, a COUNTER with
the time it proposes (DTSTART, then DTEND or a DURATION of at most a week), a comment of
bounded length without control characters. One message answers for one attendee: from a mail,
the attendee who sent it (another attendee's entry is not read); from a bare .ics file, the only
attendee it answers for. What cannot be read becomes a problem line naming the file (and the
message in a mailbox), never an exception, and never stops the other answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.message import Message
from pathlib import Path
from typing import Any

from planner.i18n import _, ngettext
from planner.invite.answers import MAX_SEQUENCE, Answer, clean_comment, plausible
from planner.invite.mailboxes import Part, Reader
from planner.invite.offer_mail import OFFER_MARK, OfferReply
from planner.model import Response
from planner.people.addresses import address_key

METHODS = ("REPLY", "COUNTER")
PARTSTAT = {
    "ACCEPTED": Response.ACCEPTED,
    "DECLINED": Response.DECLINED,
    "TENTATIVE": Response.TENTATIVE,
    "NEEDS-ACTION": Response.NEEDS_ACTION,
    "DELEGATED": Response.DELEGATED,
}
ANSWER_METHOD = re.compile(rb"^METHOD:(REPLY|COUNTER)\s*$", re.IGNORECASE | re.MULTILINE)
LONGEST_PROPOSAL = timedelta(days=7)
ANSWER_LIMIT = 2 * 1024 * 1024  # bytes of one answer: a real one has a few kB
EVENTS_LIMIT = 200  # VEVENTs of one answer: a series' overrides at most
# what icalendar raises on hostile input, besides ValueError
PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError,
                RecursionError)  # fmt: skip


@dataclass
class Found:
    """The answers read from some paths, and what could not be read."""

    answers: list[Answer] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    files: int = 0
    offers: list[OfferReply] = field(default_factory=list)  # answers to offers (accept links)

    def said(self) -> int:
        """How much was found so far: answers, answers to offers and problems."""
        return len(self.answers) + len(self.offers) + len(self.problems)


#: every address the user's address book gives the person behind an address
SamePerson = Callable[[str], Sequence[str]]


def read_paths(paths: Iterable[Path], same_person: SamePerson | None = None) -> Found:
    """Answers from every path: an .ics or .eml file, an mbox file, a Maildir, or a folder
    (searched recursively for .ics and .eml files and Maildirs). ``same_person``: a mail from
    another address of an attendee (their address book entry) answers for that attendee."""
    found = Found()
    reader = Reader(
        lambda part: _collect(part, found, same_person),
        found.problems.append,
        on_message=lambda message, where: _read_offer_reply(message, where, found),
        marks=(OFFER_MARK,),
    )
    for path in map(Path, paths):
        before = found.said()
        reader.read(path)
        if path.is_file() and found.said() == before:
            # a file named on its own: one with nothing to read says so (garbage, a calendar)
            found.problems.append(_("{where}: no answer to an invitation or an offer in it",
                                    where=path.name))  # fmt: skip
    found.files = reader.files
    return found


def _read_offer_reply(message: Message, where: str, found: Found) -> None:
    """The answer to an offer that ``message`` carries, if any (:mod:`.offer_mail`)."""
    from planner.invite.offer_mail import offer_replies

    replies, problems = offer_replies(message, where)
    found.offers += replies
    found.problems += problems


def _collect(part: Part, found: Found, same_person: SamePerson | None = None) -> None:
    if not ANSWER_METHOD.search(part.data):
        return  # a calendar, an invitation, a cancellation: not an answer, not a problem
    answers, problems = read(part, same_person)
    found.answers += answers
    found.problems += problems


def parse(data: bytes, source: str = "") -> list[Answer]:
    """The answers in one iCalendar object (no mail around it); [] unless its METHOD is REPLY
    or COUNTER. Raises ValueError naming the first problem when one of them cannot be read."""
    answers, problems = read(Part(data, source))
    if problems:
        raise ValueError(problems[0])
    return answers


def read(part: Part, same_person: SamePerson | None = None) -> tuple[list[Answer], list[str]]:
    """The answers in ``part`` and a problem line for each one that cannot be taken."""
    import icalendar

    where = part.where
    events = part.data.upper().count(b"BEGIN:VEVENT")
    if len(part.data) > ANSWER_LIMIT or events > EVENTS_LIMIT:
        size = len(part.data) // 1024
        return [], [ngettext("{where}: {size} kB with {count} event is no answer to an "
                             "invitation; not read",
                             "{where}: {size} kB with {count} events is no answer to an "
                             "invitation; not read", events, where=where, size=size)]  # fmt: skip
    try:
        calendars = icalendar.Calendar.from_ical(part.data, multiple=True)
    except PARSE_ERRORS as exc:
        return [], [_("{where}: not a readable iCalendar object ({error})", where=where,
                      error=_short(exc))]  # fmt: skip
    answers: list[Answer] = []
    problems: list[str] = []
    for cal in calendars:
        method = str(cal.get("METHOD", "")).strip().upper()
        if method not in METHODS:
            continue
        for event in cal.walk("VEVENT"):
            try:
                answers += _answers(event, method, part, problems, same_person)
            except PARSE_ERRORS as exc:
                problems.append(_("{where}: not a readable iCalendar object ({error})",
                                  where=where, error=_short(exc)))  # fmt: skip
    people = {a.attendee for a in answers}
    if part.sender is None and len(people) > 1:
        return [], problems + [
            ngettext("{where}: one file answers for {count} attendee ({who}); not recorded "
                     "(one message answers for one attendee)",
                     "{where}: one file answers for {count} attendees ({who}); not recorded "
                     "(one message answers for one attendee)", len(people), where=where,
                     who=", ".join(sorted(people)))
        ]  # fmt: skip
    return answers, problems


def _answers(
    event: Any, method: str, part: Part, problems: list[str],
    same_person: SamePerson | None = None,
) -> list[Answer]:  # fmt: skip
    where = part.where
    uid = str(event.get("UID", "")).strip()
    if not uid:
        return []
    proposed, days = _proposed(event) if method == "COUNTER" else (None, False)
    recurrence, extent = _recurrence(event)
    common = {
        "uid": uid[:1000],
        "sequence": _sequence(event),
        "unsequenced": event.get("SEQUENCE") is None,
        "stamp": _time(event, "DTSTAMP") if event.get("DTSTAMP") else None,
        "method": method,
        "proposed": proposed,
        "whole_days": days,
        "recurrence": recurrence,
        "recurrence_range": extent,
        "text_proposal": part.proposal_in_text and method == "REPLY",
        "source": where,
        "sender": part.sender,
        "authenticated": part.authenticated,
    }
    entries = event.get("ATTENDEE") or []
    if not isinstance(entries, list):
        entries = [entries]
    answering = [(e, _partstat(e)) for e in entries if _email(e)]
    if method == "REPLY":
        answering = [(e, r) for e, r in answering if r is not Response.NEEDS_ACTION]
    if not answering:
        return []
    chosen = _who_answers(answering, method, part, problems, same_person)
    if chosen is None:
        return []
    entry, response = chosen
    delegated = response is Response.DELEGATED
    return [
        Answer(
            attendee=_email(entry),
            response=response,
            comment=_comment(event, entry),
            delegated_to=_addresses(entry, "DELEGATED-TO") if delegated else (),
            delegated_from=next(iter(_addresses(entry, "DELEGATED-FROM")), ""),
            sent_by=_email(_param(entry, "SENT-BY")),
            **common,
        )
    ]


def _comment(event: Any, entry: Any) -> str:
    """What the attendee wrote: the COMMENT property, or the comment their calendar put on
    their own ATTENDEE entry as a parameter (Google's ``X-RESPONSE-COMMENT``)."""
    text = str(event.get("COMMENT", "") or "")
    if not text.strip():
        text = _param(entry, "X-RESPONSE-COMMENT")
    return clean_comment(text.strip())


def _param(entry: Any, name: str) -> str:
    params = getattr(entry, "params", {}) or {}
    value = params.get(name, "")
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def _addresses(entry: Any, name: str) -> tuple[str, ...]:
    """The addresses of a parameter that lists them (``DELEGATED-TO="mailto:a","mailto:b"``)."""
    params = getattr(entry, "params", {}) or {}
    value = params.get(name, ())
    values = value if isinstance(value, list) else [value] if value else []
    return tuple(a for a in (_email(v) for v in values) if a)[:10]


def _who_answers(
    answering: list[tuple[Any, Response]],
    method: str,
    part: Part,
    problems: list[str],
    same_person: SamePerson | None = None,
) -> tuple[Any, Response] | None:
    """The one attendee entry this message answers for: in a mail, the sender's own (or one of
    the sender's other addresses, as ``same_person`` links them; or, when the sender is none of
    them, the only one, to be shown as unverified); in a bare file, the only one. A COUNTER may
    repeat the whole attendee list: only the sender proposes."""
    where = part.where
    if part.sender:
        sender = address_key(part.sender)
        own = [(e, r) for e, r in answering if address_key(_email(e)) == sender]
        if not own and same_person is not None and part.authenticated:
            theirs = {address_key(a) for a in same_person(part.sender)}
            own = [(e, r) for e, r in answering if address_key(_email(e)) in theirs]
        mine = {sender} | {address_key(_email(e)) for e, _r in own}
        others = sorted({address_key(_email(e)) for e, _r in answering} - mine)
        if own:
            if others and method == "REPLY":
                problems.append(
                    _("{where}: the mail from {sender} also answers for {others}; only the "
                      "sender's own answer is read", where=where, sender=part.sender,
                      others=", ".join(others))
                )  # fmt: skip
            return own[0]
    if len(answering) == 1:
        return answering[0]  # the sender is checked when it is recorded
    problems.append(
        ngettext("{where}: one {method} answers for {count} attendee who did not send it; "
                 "not recorded (one message answers for one attendee)",
                 "{where}: one {method} answers for {count} attendees and none of them sent "
                 "it; not recorded (one message answers for one attendee)", len(answering),
                 where=where, method=method)
    )  # fmt: skip
    return None


def _partstat(entry: Any) -> Response:
    params = getattr(entry, "params", {}) or {}
    return PARTSTAT.get(str(params.get("PARTSTAT", "")).strip().upper(), Response.NEEDS_ACTION)


def _sequence(event: Any) -> int:
    raw = event.get("SEQUENCE")
    if raw is None:
        return 0
    text = str(raw).strip()
    if not re.fullmatch(r"\+?\d{1,12}", text) or int(text) > MAX_SEQUENCE:
        raise ValueError(_("SEQUENCE '{value}' is not a whole number from 0 to {top}",
                           value=text[:40], top=MAX_SEQUENCE))  # fmt: skip
    return int(text)


def _proposed(event: Any) -> tuple[tuple[datetime, datetime], bool]:
    """The time a COUNTER proposes and whether it is whole days (DATE values, RFC 5545
    §3.6.1: without DTEND or DURATION, the one day); ValueError when it names none or an
    impossible one. Days come out as midnights without a zone, settled in the meeting's."""
    if not event.get("DTSTART"):
        raise ValueError(_("a COUNTER without DTSTART proposes no time"))
    days = _is_date(event, "DTSTART")
    start = _time(event, "DTSTART", floating=True)
    if event.get("DTEND"):
        if _is_date(event, "DTEND") != days:
            raise ValueError(_("the proposed DTSTART and DTEND are not both days or both times"))
        end = _time(event, "DTEND", floating=start.tzinfo is None)
    elif event.get("DURATION"):
        length = event.decoded("DURATION")
        if not isinstance(length, timedelta) or abs(length) > LONGEST_PROPOSAL:
            raise ValueError(
                _(
                    "DURATION '{value}' is not a length of up to a week",
                    value=str(event.get("DURATION").to_ical(), "ascii")[:40],
                )
            )
        end = start + length
    else:
        end = start + timedelta(days=1) if days else start
    if not timedelta(0) <= end - start <= LONGEST_PROPOSAL or (days and end == start):
        raise ValueError(_("the proposed time ends before it starts or lasts over a week"))
    return (start, end), days


def _is_date(event: Any, name: str) -> bool:
    value = event.decoded(name)
    return isinstance(value, date) and not isinstance(value, datetime)


def _recurrence(event: Any) -> tuple[date | datetime | None, str]:
    """The RECURRENCE-ID an answer names (a date, or a time: UTC, a TZID's, or without a zone)
    and its RANGE; (None, "") without one."""
    if event.get("RECURRENCE-ID") is None:
        return None, ""
    value = event.decoded("RECURRENCE-ID")
    if not isinstance(value, date):
        raise ValueError(_("{name} '{value}' is not a date or time", name="RECURRENCE-ID",
                           value=value))  # fmt: skip
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.astimezone(UTC)
    if not plausible(datetime(value.year, value.month, value.day, tzinfo=UTC)):
        raise ValueError(_("{name} {value} is not between 1970 and 2200", name="RECURRENCE-ID",
                           value=f"{value:%Y-%m-%d}"))  # fmt: skip
    params = getattr(event.get("RECURRENCE-ID"), "params", {}) or {}
    return value, str(params.get("RANGE", "")).strip().upper()[:20]


def _time(event: Any, name: str, *, floating: bool = False) -> datetime:
    """A date or date-time property in UTC between 1970 and 2200; ValueError naming the
    property otherwise. With ``floating``, a time without a zone (RFC 5545 §3.3.5 form 1:
    the same wall time wherever one is) stays without one, and a date is its midnight without
    one: only the meeting it answers tells which zone it means
    (:func:`planner.invite.answers.settled`)."""
    value = event.decoded(name)
    if not isinstance(value, date):
        raise ValueError(_("{name} '{value}' is not a date or time", name=name, value=value))
    if floating and not isinstance(value, datetime):  # a day: its midnight, zone to come
        value = datetime(value.year, value.month, value.day)
    if floating and isinstance(value, datetime) and value.tzinfo is None:
        if not plausible(value.replace(tzinfo=UTC)):
            raise ValueError(_("{name} {value} is not between 1970 and 2200", name=name,
                               value=f"{value:%Y-%m-%d}"))  # fmt: skip
        return value
    moment = _utc(value)
    if not plausible(moment):
        raise ValueError(_("{name} {value} is not between 1970 and 2200", name=name,
                           value=f"{moment:%Y-%m-%d}"))  # fmt: skip
    return moment


def _utc(value: datetime | date) -> datetime:
    if not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _email(address: Any) -> str:
    raw = str(address).strip()
    raw = raw[7:].strip() if raw.lower().startswith("mailto:") else raw
    return raw if len(raw) <= 320 and "@" in raw and not re.search(r"[\s<>]", raw) else ""


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:200] + "…"
