"""The objects every layer shares: events as providers hand them out, and judgements about them.

All datetimes are zone-aware. All-day events start at local midnight of their first day and end
at local midnight after their last day, in the user's zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from functools import lru_cache


class Mode(StrEnum):
    """How a meeting takes place."""

    IN_PERSON = "in_person"
    VIRTUAL = "virtual"
    HYBRID = "hybrid"
    PHONE = "phone"
    UNKNOWN = "unknown"
    TRAVEL = "travel"  # a flight, train, hotel stay or car rental: where the user is, no meeting


class Purpose(StrEnum):
    """What a meeting is for."""

    FIRST_CONTACT = "first_contact"
    DEAL_CLOSING = "deal_closing"
    ROUTINE = "routine"
    INTERNAL = "internal"
    PERSONAL = "personal"
    OTHER = "other"
    NETWORKING = "networking"  # trade fairs, conferences, meetups, Stammtisch
    VISIT = "visit"  # client and site visits


class Confidence(StrEnum):
    """How sure a judgement is: low ones are shown as such, with the command that settles them."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Response(StrEnum):
    """An attendee's answer (iCalendar PARTSTAT, lower case)."""

    ACCEPTED = "accepted"
    DECLINED = "declined"
    TENTATIVE = "tentative"
    NEEDS_ACTION = "needs_action"
    DELEGATED = "delegated"


class Status(StrEnum):
    """An event's status (iCalendar STATUS, lower case)."""

    CONFIRMED = "confirmed"
    TENTATIVE = "tentative"
    CANCELLED = "cancelled"


class Action(StrEnum):
    """What the planner recommends for a meeting."""

    MEET_IN_PERSON = "meet_in_person"
    KEEP = "keep"
    CONSIDER_VIDEO = "consider_video"


@dataclass(frozen=True, slots=True)
class Attendee:
    """A person or resource invited to an event."""

    email: str
    name: str = ""
    response: Response = Response.NEEDS_ACTION
    is_resource: bool = False  # a room or equipment, not a person
    optional: bool = False

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2].lower()


@dataclass(frozen=True, slots=True)
class Geo:
    """A point on earth in WGS 84 degrees."""

    lat: float
    lon: float


#: the hint (:attr:`Event.hints`) of a time planner holds for an invitation or an offer that
#: names the calendar meeting (its UID) it was made for, from that meeting's proposal
MADE_FOR = "X-PLANNER-MADE-FOR"


def hold_uid(meeting_uid: str) -> str:
    """The UID of the hold planner writes beside the meeting ``meeting_uid`` of the user's own
    calendar (an update of it, held: the meeting itself is never written over). Opaque, and
    the same for every hold of that meeting, so that holding it again moves the hold and a
    reader can tell which meeting a hold stands for (``planner.sync.standins``)."""
    import hashlib

    digest = hashlib.sha256(meeting_uid.encode("utf-8")).hexdigest()[:32]
    return f"{HOLD_PREFIX}{digest}@planner"


HOLD_PREFIX = "planner-hold-"  # the UID of every hold begins so (:func:`hold_uid`)


@dataclass(frozen=True, slots=True)
class Event:
    """One occurrence of a calendar event (recurrences are already expanded).

    ``uid`` is the iCalendar UID (Google ``iCalUID``, Graph ``iCalUId``); together with
    ``start`` it identifies an occurrence across providers (see :attr:`key`).
    ``hints`` carries provider facts that matter for classification but have no field of
    their own, e.g. ``{"X-MICROSOFT-SKYPETEAMSMEETINGURL": "https://teams…"}`` or
    ``{"google.eventType": "focusTime"}``; keys are property or field names, values text.
    """

    uid: str
    title: str
    start: datetime
    end: datetime
    all_day: bool = False
    location: str = ""
    description: str = ""
    organizer: Attendee | None = None
    attendees: tuple[Attendee, ...] = ()
    conference_links: tuple[str, ...] = ()
    status: Status = Status.CONFIRMED
    busy: bool = True
    series_id: str | None = None
    calendar: str = ""
    url: str = ""
    geo: Geo | None = None
    hints: tuple[tuple[str, str], ...] = ()
    source: str = ""
    self_response: Response | None = None  # the user's own answer, where known
    # free/busy as the service states it (None: derived from ``busy`` and ``status``)
    availability: Busy | None = None
    # computed once, on first use (see :attr:`key`, :func:`planner.ical.payload.content_digest`
    # and ``template_digest``);
    # not init fields: copy an event with dataclasses.replace, never through __slots__
    _key: tuple[str, str] | None = field(default=None, init=False, repr=False, compare=False)
    _digest: str | None = field(default=None, init=False, repr=False, compare=False)
    _template: str | None = field(default=None, init=False, repr=False, compare=False)
    _people: tuple[Attendee, ...] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError(f"event {self.uid!r} has a naive start or end")

    @property
    def key(self) -> tuple[str, str]:
        """Identity of this occurrence: the same meeting in two calendars has the same key."""
        if self._key is None:
            object.__setattr__(self, "_key", (self.uid, self.start.astimezone(UTC).isoformat()))
        return self._key  # type: ignore[return-value]

    @property
    def busy_status(self) -> Busy:
        """How this event holds its time; not the same as being a meeting (out of office)."""
        if self.availability is not None:
            return self.availability
        if not self.busy:
            return Busy.FREE
        return Busy.TENTATIVE if self.status is Status.TENTATIVE else Busy.BUSY

    @property
    def duration(self) -> timedelta:
        """The real time from start to end (Python subtracts two times of one zone on the wall
        clock: 02:30 CEST to 03:30 CET, on the night the clocks go back, would be one hour)."""
        return self.end.astimezone(UTC) - self.start.astimezone(UTC)

    @property
    def is_recurring(self) -> bool:
        return self.series_id is not None

    def hint(self, name: str) -> str:
        """The value of a provider hint, or ``""``."""
        for key, value in self.hints:
            if key == name:
                return value
        return ""

    def people(self) -> tuple[Attendee, ...]:
        """Organizer and attendees without resources, each e-mail once.

        Rooms, shared and holiday calendars, lists and calendar systems are no people
        (:func:`is_person_address`); computed once, every judgement asks for it."""
        if self._people is not None:
            return self._people
        seen: set[str] = set()
        result = []
        for person in ((self.organizer,) if self.organizer else ()) + self.attendees:
            email = person.email.lower()
            if person.is_resource or not email or email in seen or not is_person_address(email):
                continue
            seen.add(email)
            result.append(person)
        people = tuple(result)
        object.__setattr__(self, "_people", people)
        return people


@dataclass(frozen=True, slots=True)
class Said:
    """The user's own word on an event (``planner mark``, a config ``[[rules]]`` table): any of
    mode, purpose and meeting or not, with the evidence line that says so."""

    evidence: str
    mode: Mode | None = None
    purpose: Purpose | None = None
    meeting: bool | None = None


@dataclass(frozen=True, slots=True)
class Classification:
    """The mode of a meeting, the evidence that led to it and how sure it is; ``said`` carries
    the user's own word on the event along (it beats every rule)."""

    mode: Mode
    evidence: tuple[str, ...] = ()
    confidence: Confidence = Confidence.MEDIUM
    said: Said | None = None


@dataclass(frozen=True, slots=True)
class PurposeResult:
    """The purpose of a meeting, the evidence that led to it and how sure it is."""

    purpose: Purpose
    evidence: tuple[str, ...] = ()
    confidence: Confidence = Confidence.MEDIUM


@dataclass(frozen=True, slots=True)
class Recommendation:
    """What to do about a meeting, with a reason a person understands."""

    action: Action
    reason: str


@dataclass(frozen=True, slots=True)
class Interval:
    """A half-open span of time ``[start, end)``."""

    start: datetime
    end: datetime

    def overlaps(self, other: Interval) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Calendar:
    """A calendar a provider can see."""

    id: str
    name: str
    primary: bool = False
    writable: bool = False
    timezone: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class PostalAddress:
    """One postal address of a contact (vCard ADR, Google ``addresses``, Graph
    ``businessAddress``); ``kind`` is ``work``, ``home`` or ``other`` (or the book's own label)."""

    street: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    kind: str = ""

    @property
    def text(self) -> str:
        """The address on one line: ``Steindamm 17, 20099 Hamburg, Germany``."""
        town = " ".join(p for p in (self.postal_code, self.city) if p)
        return ", ".join(p for p in (self.street, town, self.region, self.country) if p)

    @property
    def place(self) -> str:
        """What locates it best offline: postal code and city, with region and country."""
        town = " ".join(p for p in (self.postal_code, self.city) if p)
        return ", ".join(p for p in (town, self.region, self.country) if p)


@dataclass(frozen=True, slots=True)
class Contact:
    """One entry of an address book as an address-book provider hands it out.

    ``id`` is the book's own id (vCard UID, CardDAV href, Google resource name, Graph id);
    ``groups`` are the book's groups and categories the contact belongs to (vCard CATEGORIES
    and group cards, Google contact groups, Outlook categories); ``revision`` is when the
    book last changed it, where it says. ``is_organisation``: the card is a company's, not a
    person's (vCard ``KIND:org``, Apple's ``X-ABShowAs:COMPANY``, a card named only after its
    organisation); its ``name`` is the organisation's. ``phones``: the card's phone numbers as
    written (a work number first)."""

    id: str
    name: str = ""
    emails: tuple[str, ...] = ()
    organisation: str = ""
    addresses: tuple[PostalAddress, ...] = ()
    groups: tuple[str, ...] = ()
    revision: datetime | None = None
    is_organisation: bool = False
    phones: tuple[str, ...] = ()


class Busy(StrEnum):
    """How an event holds its time (free/busy), apart from whether it is a meeting.

    iCalendar TRANSP/STATUS and X-MICROSOFT-CDO-BUSYSTATUS, Graph ``showAs`` and Google's
    ``transparency`` and ``eventType`` map onto these.
    """

    BUSY = "busy"
    TENTATIVE = "tentative"
    FREE = "free"
    OUT_OF_OFFICE = "out_of_office"
    WORKING_ELSEWHERE = "working_elsewhere"


# --- addresses that are no people ------------------------------------------------------------

#: Domains (and their subdomains) of calendars, rooms and lists: Google shared, holiday and
#: resource calendars, imported calendars, Google Groups, mailing-list hosts.
NOT_PEOPLE_DOMAINS: tuple[str, ...] = (
    "group.calendar.google.com", "group.v.calendar.google.com", "resource.calendar.google.com",
    "import.calendar.google.com", "calendar.google.com", "googlegroups.com",
    "calendar-server.bounces.google.com", "calendar.icloud.com",
)  # fmt: skip
#: Local parts of senders and lists: no-reply and calendar-system senders, distribution lists,
#: Exchange rooms and equipment. Matched whole or as the start before "-", "_" or ".".
NOT_PEOPLE_LOCALS: tuple[str, ...] = (
    "noreply", "no-reply", "donotreply", "do-not-reply", "do_not_reply", "mailer-daemon",
    "calendar", "calendar-notification", "notifications", "notification", "calendar-server",
    "unknownorganizer", "all", "all-staff", "allstaff", "everyone", "everybody", "team-all",
    "dl", "distribution", "room", "raum", "conf-room", "meetingroom", "equipment",
    "resource", "beamer", "projector",
)  # fmt: skip
#: Local parts of an event organiser's mailers: the events, webinar, ticketing and registration
#: mailboxes that send a ticket or registration ("evenements@cci…", "webinare@…"). No person
#: one meets; ``planner.judge.platforms`` reads them as a public event's sender.
EVENT_MAILER_LOCALS: tuple[str, ...] = (
    "events", "event", "evenements", "evenement", "événements", "événement", "veranstaltungen",
    "veranstaltung", "eventi", "evento", "eventos", "evenementen", "webinar", "webinars",
    "webinare", "webinaires", "webinaire", "webinari", "tickets", "ticket", "ticketing",
    "billetterie", "inscriptions", "inscription", "registration", "registrations",
    "anmeldung", "anmeldungen", "iscrizioni", "inscripciones", "aanmeldingen", "rsvp",
)  # fmt: skip


_NOT_PEOPLE_DOMAIN_RE = re.compile(
    r"(?:^|\.)(?:" + "|".join(re.escape(d) for d in NOT_PEOPLE_DOMAINS) + r")$|^lists\."
)
_NOT_PEOPLE_LOCAL_RE = re.compile(
    r"^(?:"
    + "|".join(re.escape(w) for w in NOT_PEOPLE_LOCALS + EVENT_MAILER_LOCALS)
    + r")(?:[-_.]|$)"
)
_MAILER_LOCAL_RE = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in EVENT_MAILER_LOCALS) + r")(?:[-_.]|$)"
)


@lru_cache(maxsize=8192)
def is_person_address(email: str) -> bool:
    """False for addresses of rooms, shared calendars, lists and calendar systems."""
    local, _at, domain = email.lower().rpartition("@")
    if _NOT_PEOPLE_DOMAIN_RE.search(domain):
        return False
    return _NOT_PEOPLE_LOCAL_RE.match(local) is None


def is_event_mailer(email: str) -> bool:
    """Whether ``email`` is an event organiser's mailer (:data:`EVENT_MAILER_LOCALS`)."""
    return _MAILER_LOCAL_RE.match(email.lower().rpartition("@")[0]) is not None


# Public mail services: an address there says nothing about an organisation.
FREEMAIL_DOMAINS = frozenset(
    """
    gmail.com googlemail.com outlook.com outlook.de outlook.fr outlook.es outlook.it hotmail.com
    hotmail.de hotmail.co.uk hotmail.fr hotmail.es hotmail.it live.com live.de live.co.uk live.fr
    msn.com yahoo.com yahoo.de yahoo.co.uk yahoo.fr yahoo.es yahoo.it ymail.com rocketmail.com
    aol.com aol.de aim.com icloud.com me.com mac.com web.de gmx.de gmx.net gmx.at gmx.ch gmx.com
    gmx.us gmx.li mail.com email.com email.de freenet.de t-online.de arcor.de online.de 1und1.de
    kabelmail.de vodafonemail.de posteo.de posteo.net mailbox.org protonmail.com protonmail.ch
    proton.me pm.me tutanota.com tutanota.de tuta.io tuta.com fastmail.com fastmail.fm hey.com
    hushmail.com zoho.com zohomail.com yandex.com yandex.ru mail.ru inbox.com bluewin.ch
    orange.fr free.fr laposte.net sfr.fr libero.it virgilio.it seznam.cz wp.pl o2.pl interia.pl
    btinternet.com sky.com comcast.net verizon.net att.net sbcglobal.net bigpond.com
    rediffmail.com qq.com 163.com 126.com naver.com
    """.split()
)
