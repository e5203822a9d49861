"""What an invitation is: the :class:`Invitation` a command hands to ``itip``, its checks, its
deterministic UID, and the cleaning that keeps user text valid inside iCalendar TEXT values and
quoted parameters (RFC 5545 §3.1, §3.3.11). Imports the core only.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from planner.errors import UsageError
from planner.i18n import _
from planner.model import Attendee, Geo, Purpose
from planner.people.addresses import address_key

_LINE_BREAKS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\x85": "\n", "\x0b": "\n"})


def clean_text(text: str) -> str:
    """``text`` without characters iCalendar TEXT forbids (controls other than tab and
    newline, lone surrogates) and without byte-order marks (U+FEFF, which readers drop at a
    value's start: a title of one was read back empty); every line break becomes ``\\n``,
    and so does a literal backslash-N, which iCalendar reads as one."""
    text = text.replace("\ufeff", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    text = text.replace("\\N", "\n")  # what icalendar writes for it: RFC 5545's line break
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cs"))


def clean_name(name: str) -> str:
    """A display name on one line, without controls. A double quote stays: ``CN`` is written
    with RFC 6868 parameter encoding (``^'``), the mail header quotes it as an RFC 5322 string.
    A backslash becomes "/": parsers, icalendar's own among them, take ``\\"`` at the end of a
    quoted value for an escaped quote."""
    from planner.people.names import one_line

    return one_line(name.translate(_LINE_BREAKS)).replace("\\", "/")


UID_DOMAIN = "planner"
_UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "invite.planner")


@dataclass(frozen=True, slots=True)
class Invitation:
    """One meeting to invite people to.

    ``start``/``end`` are zone-aware; a :class:`zoneinfo.ZoneInfo` zone is written as TZID
    with its VTIMEZONE, any other zone as UTC. An ``all_day`` invitation (a trade fair over
    three days) runs from midnight of its first day to midnight after its last day (see
    :func:`all_day_span`) and is written with DATE values. ``uid`` is empty for a new meeting
    (then it is derived from organizer, counterparts, start and title, see :func:`derive_uid`);
    ``sequence`` is the iTIP revision. ``reminder_minutes`` < 0 or None means no VALARM.
    """

    title: str
    start: datetime
    end: datetime
    organizer: Attendee
    attendees: tuple[Attendee, ...]
    location: str = ""
    venue_name: str = ""
    venue_address: str = ""
    geo: Geo | None = None
    purpose: Purpose | None = None
    agenda: str = ""
    language: str = "en"
    uid: str = ""
    sequence: int = 0
    reminder_minutes: int | None = 30
    venue_hours: str = ""  # the venue's opening hours on the meeting's day, e.g. "08:00–20:00"
    travel_hint: str = ""  # how to get there, e.g. "about 12 min for you by public transport"
    note: str = ""  # a sentence before the agenda, e.g. which video call this one replaces
    all_day: bool = False
    #: the UID of the calendar meeting this invitation was made for (a proposal's meeting):
    #: ``planner week`` shows its state under that meeting alone; "" when typed by hand
    for_event: str = ""
    #: the zone the counterpart reads times in (an offer's ``--zone``): the mail shows the
    #: time in it first and the organizer's beside it; "" when it is the organizer's
    zone: str = ""
    #: the zone the organizer (the user) reads times in: the mail gives the time in it beside
    #: the counterpart's; "" (logged before it was kept) reads as the zone ``start`` is in
    organizer_zone: str = ""
    #: the meeting is private (CLASS:PRIVATE, as the meeting it updates or replaces was):
    #: written so, that the counterparts' calendars keep it from others
    private: bool = False
    #: the occurrence of the user's recurring meeting this updates (its RECURRENCE-ID: the
    #: original start, a UTC time in ISO form or a date): an update without it would replace
    #: the whole series in every attendee's calendar; "" for a single meeting
    recurrence_id: str = ""

    def __post_init__(self) -> None:
        for name in ("start", "end"):  # iCalendar times have whole seconds
            object.__setattr__(self, name, getattr(self, name).replace(microsecond=0))
        if problems := _problems(self):
            raise UsageError("; ".join(problems))

    @property
    def counterparts(self) -> tuple[Attendee, ...]:
        """The attendees without the organizer, each address once (in the given order)."""
        seen = {address_key(self.organizer.email)}
        result = []
        for person in self.attendees:
            if address_key(person.email) not in seen:
                seen.add(address_key(person.email))
                result.append(person)
        return tuple(result)

    def resolved(self) -> Invitation:
        """This invitation with its UID filled in."""
        return self if self.uid else replace(self, uid=derive_uid(self))

    @property
    def days(self) -> tuple[date, date]:
        """First and last day of an all-day invitation (in the zone of ``start``)."""
        last = self.end.astimezone(self.start.tzinfo) - timedelta(days=1)
        return self.start.date(), last.date()


def all_day_span(first: date, days: int, tz: tzinfo) -> tuple[datetime, datetime]:
    """Midnight of ``first`` and midnight after the ``days``-th day, in ``tz``."""
    end = first + timedelta(days=days)
    return datetime.combine(first, time(), tzinfo=tz), datetime.combine(end, time(), tzinfo=tz)


def _problems(inv: Invitation) -> list[str]:
    problems = []
    if inv.start.tzinfo is None or inv.end.tzinfo is None:
        problems.append(_("the start and end of '{title}' need a time zone", title=inv.title))
    elif inv.end.astimezone(UTC) <= inv.start.astimezone(UTC):  # same-zone compare skips fold
        problems.append(_("'{title}' must end after it starts", title=inv.title))
    elif inv.all_day and (
        inv.start.timetz().replace(tzinfo=None) != time()
        or inv.end.astimezone(inv.start.tzinfo).time() != time()
    ):
        problems.append(_("an all-day invitation runs from midnight to midnight"))  # fmt: skip
    if not clean_title(inv.title):
        problems.append(_("the invitation needs a title (--title)"))
    for person in (inv.organizer, *inv.attendees):
        if not is_email(person.email):
            problems.append(_("'{email}' is not an e-mail address", email=person.email))
    if not inv.counterparts:
        problems.append(
            _("whom to invite? give at least one address besides your own (--to EMAIL)")
        )
    if inv.geo is not None and not (-90 <= inv.geo.lat <= 90 and -180 <= inv.geo.lon <= 180):
        problems.append(_("the venue's coordinates {lat},{lon} are not on earth",
                          lat=inv.geo.lat, lon=inv.geo.lon))  # fmt: skip
    if inv.sequence < 0:
        problems.append(_("SEQUENCE must not be negative"))
    return problems


def is_email(address: str) -> bool:
    """A ``local@domain.tld`` address, safe for a mail header and a ``mailto:`` URI: ASCII,
    or internationalised per RFC 6531/IDNA (:mod:`planner.people.addresses`)."""
    from planner.people.addresses import is_email as valid

    return valid(address)


def clean_title(title: str) -> str:
    return " ".join(clean_text(title).split())


def derive_uid(inv: Invitation) -> str:
    """The UID of a new meeting: the same organizer, counterparts, start and title give the
    same UID, so running the same command twice never creates two meetings."""
    people = sorted({address_key(p.email) for p in inv.counterparts})
    key = "\n".join(
        (
            address_key(inv.organizer.email),
            ",".join(people),
            inv.start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ"),
            clean_title(inv.title).casefold(),
        )
    )
    return f"{uuid.uuid5(_UID_NAMESPACE, key)}@{UID_DOMAIN}"


def recurrence_moment(value: str) -> datetime | date | None:
    """The RECURRENCE-ID an invitation keeps (:attr:`Invitation.recurrence_id`): a date, or a
    time in UTC; None for none (or one that cannot be read)."""
    if not value:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.astimezone(UTC) if moment.tzinfo else None
