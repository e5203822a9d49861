"""Offers: two to five proposals (time and place) sent to one counterpart, who picks one.

An offer is made from the proposals of ``planner propose`` (each stays listed under its
identifier), each option carrying the invitation ``planner invite --proposal ID --title
TITLE`` would send (same UID; an offer has one title for all its options), so a pick from the
offer page, from the option's .ics in a calendar app (an iTIP REPLY) or from the accept link of
the e-mail (a mail planner recognises, see :mod:`planner.invite.offer_mail`) all end in the
same meeting.

Offers live in the state database (table ``offers``): their options, whom they are for, and
their status:

- ``open``: waiting for a pick; its options are held (no proposal to anybody else takes them);
  shown as ``expired`` once its time is up (``[offer] valid_days``, at most until the start of
  its last option);
- ``booking``: a pick is being written into the calendar right now (a few seconds);
- ``picked``: an option was chosen (``booked`` says whether it is in the calendar and the
  invitation sent, or what is left to do);
- ``none_fits``: the counterpart named another time range instead (recorded like a COUNTER);
- ``withdrawn`` / ``replaced``: the user took it back, or made a newer offer to the same person.

Every change of status goes through :meth:`Offers.change`, a compare-and-swap on the row's
``revision``, so of two picks at the same moment exactly one wins.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from planner.errors import UsageError
from planner.flows.listed import short_id
from planner.i18n import _
from planner.model import MADE_FOR, Attendee, Event
from planner.store import Store

if TYPE_CHECKING:
    from planner.invite.invitation import Invitation

OPEN, BOOKING, PICKED, NONE_FITS = "open", "booking", "picked", "none_fits"
WITHDRAWN, REPLACED, EXPIRED = "withdrawn", "replaced", "expired"
LIVE = (OPEN, BOOKING)  # the statuses in which an offer's links work
FINAL = (PICKED, NONE_FITS, WITHDRAWN, REPLACED)
MAX_OPTIONS = 5
OPTION_UID = "offer:"  # the UID prefix of an open offer's option among the held times
TABLE, VERSION = "offers", 1
DDL = """
DROP TABLE IF EXISTS offers;
CREATE TABLE offers (
    id TEXT PRIMARY KEY,
    counterpart TEXT NOT NULL,
    status TEXT NOT NULL,
    revision INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX offers_counterpart ON offers (counterpart)
"""


@dataclass(frozen=True)
class Option:
    """One time and place of an offer: the proposal as listed, the invitation a pick sends,
    the venue's opening hours that day, and whether it can still be picked (``taken``: no
    longer free when someone tried)."""

    number: int
    proposal: Mapping[str, Any]
    invitation: Mapping[str, Any]
    hours: str = ""
    taken: bool = False

    @property
    def start(self) -> datetime:
        return datetime.fromisoformat(self.proposal["start"])

    @property
    def end(self) -> datetime:
        return datetime.fromisoformat(self.proposal["end"])

    @property
    def uid(self) -> str:
        return str(self.invitation["uid"])

    @property
    def venue(self) -> Mapping[str, Any]:
        return self.proposal.get("venue") or {}

    @property
    def zone(self) -> str:
        """The zone of the place when it is not the organizer's ("": theirs)."""
        return str(self.proposal.get("zone") or "")

    def meeting(self) -> Invitation:
        from planner.invite.sentlog import invitation_from_json

        return invitation_from_json(dict(self.invitation))

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "proposal": dict(self.proposal),
            "invitation": dict(self.invitation),
            "hours": self.hours,
            "taken": self.taken,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Option:
        return cls(
            int(data["number"]),
            dict(data["proposal"]),
            dict(data["invitation"]),
            str(data.get("hours", "")),
            bool(data.get("taken", False)),
        )


@dataclass(frozen=True)
class Offer:
    """An offer to one counterpart (see the module)."""

    id: str
    counterpart: str  # the address
    name: str
    zone: str  # the counterpart's IANA zone, as given (else the user's)
    user_zone: str
    organizer: str  # the user's name (never the address: pages show names only)
    title: str  # the meeting's title, as the invitation has it
    purpose: str
    language: str
    options: tuple[Option, ...]
    created_at: datetime
    expires_at: datetime
    status: str = OPEN
    revision: int = 0
    picked: int | None = None
    counter: tuple[datetime, datetime] | None = None
    comment: str = ""
    answered_at: datetime | None = None
    answered_by: str = ""  # where the answer came from: the offer page, a mail, an .ics
    sent: str = ""  # the offer e-mail's Message-ID, or "file:PATH"
    booked: Mapping[str, str] = field(default_factory=dict)  # calendar, event, message, problem
    topic: str = ""  # the title the user gave (--title), shown to the counterpart

    def state(self, now: datetime) -> str:
        """The status as shown: ``expired`` for an open offer whose time is up."""
        if self.status == OPEN and not self.pickable(now):
            return EXPIRED
        return self.status

    def pickable(self, now: datetime) -> list[Option]:
        """The options that can still be picked at ``now`` (none once the offer expired)."""
        if self.status not in LIVE or now.astimezone(UTC) >= self.expires_at.astimezone(UTC):
            return []
        return [o for o in self.options if not o.taken and o.start > now]

    def option(self, number: int) -> Option | None:
        return next((o for o in self.options if o.number == number), None)

    @property
    def for_event(self) -> str:
        """The UID of the calendar meeting this offer was made for (its options are that
        meeting's proposals), "" when none (or made before planner kept it)."""
        made = (o.invitation.get("for_event") for o in self.options)
        return next((m for m in made if m and isinstance(m, str)), "")

    @property
    def chosen(self) -> Option | None:
        return self.option(self.picked) if self.picked is not None else None

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)

    @property
    def user_tz(self) -> ZoneInfo:
        return ZoneInfo(self.user_zone)

    def place_tz(self, option: Option) -> ZoneInfo:
        """The zone of ``option``'s place, where the meeting happens: its own when planned
        in another zone (:mod:`planner.meet.local_zone`), else the organizer's (their town)."""
        from planner.meet.local_zone import named_zone

        return named_zone(option.zone, self.user_tz)

    def digest(self) -> str:
        """What a link of this offer is bound to: whom it is for, its options, and that it is
        still open. A pick, a withdrawal or a newer offer changes it, so an old link fails by
        itself (no table of tokens)."""
        live = "open" if self.status in LIVE else self.status
        parts = [self.id, self.counterpart.lower(), live, self.expires_at.isoformat()]
        parts += [f"{o.number}:{o.uid}:{o.proposal['start']}" for o in self.options]
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "counterpart": self.counterpart,
            "name": self.name,
            "zone": self.zone,
            "user_zone": self.user_zone,
            "organizer": self.organizer,
            "title": self.title,
            "purpose": self.purpose,
            "language": self.language,
            "options": [o.to_json() for o in self.options],
            "created_at": self.created_at.isoformat(),
            "expires_at": self.expires_at.isoformat(),
            "status": self.status,
            "revision": self.revision,
            "picked": self.picked,
            "counter": [t.isoformat() for t in self.counter] if self.counter else None,
            "comment": self.comment,
            "answered_at": self.answered_at.isoformat() if self.answered_at else None,
            "answered_by": self.answered_by,
            "sent": self.sent,
            "booked": dict(self.booked),
            "topic": self.topic,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Offer:
        counter = data.get("counter")
        answered = data.get("answered_at")
        return cls(
            id=str(data["id"]),
            counterpart=str(data["counterpart"]),
            name=str(data.get("name", "")),
            zone=str(data["zone"]),
            user_zone=str(data["user_zone"]),
            organizer=str(data.get("organizer", "")),
            title=str(data.get("title", "")),
            purpose=str(data.get("purpose", "")),
            language=str(data.get("language", "en")),
            options=tuple(Option.from_json(o) for o in data["options"]),
            created_at=datetime.fromisoformat(data["created_at"]),
            expires_at=datetime.fromisoformat(data["expires_at"]),
            status=str(data.get("status", OPEN)),
            revision=int(data.get("revision", 0)),
            picked=int(data["picked"]) if data.get("picked") is not None else None,
            counter=(datetime.fromisoformat(counter[0]), datetime.fromisoformat(counter[1]))
            if counter
            else None,
            comment=str(data.get("comment", "")),
            answered_at=datetime.fromisoformat(answered) if answered else None,
            answered_by=str(data.get("answered_by", "")),
            sent=str(data.get("sent", "")),
            booked=dict(data.get("booked") or {}),
            topic=str(data.get("topic", "")),
        )


def offer_id(counterpart: str, options: Iterable[Option]) -> str:
    """Six characters of base32 from whom the offer is for and what it offers: the same offer
    made twice (a dry run, then ``--send``) keeps its identifier."""
    from planner.people.addresses import address_key

    parts = [address_key(counterpart), *sorted(o.uid + o.proposal["start"] for o in options)]
    return short_id(parts)


class OfferConflict(Exception):
    """The offer changed since it was read (another request won)."""


class Offers:
    """The ``offers`` table of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        store.ensure(TABLE, VERSION, DDL)

    def save(self, offer: Offer) -> Offer:
        """Keep ``offer`` as made now; an open offer to the same person before it is replaced
        (its links stop working, its options are no longer held). The same offer made again
        (same identifier) keeps its status."""
        known = self.get(offer.id)
        if known is not None:
            return known
        conn = self.store.conn
        with conn:
            for other in self._rows("counterpart = ? AND status = ?", (offer.counterpart.lower(),
                                                                      OPEN)):  # fmt: skip
                self._write(replace(other, status=REPLACED, revision=other.revision + 1))
            self._write(offer)
        return offer

    def get(self, ident: str) -> Offer | None:
        rows = self._rows("id = ?", (ident.strip().lower(),))
        return rows[0] if rows else None

    def require(self, ident: str) -> Offer:
        offer = self.get(ident)
        if offer is None:
            raise UsageError(
                _("no offer {id} was made here", id=ident),
                hint=_("'planner invites' lists the offers"),
            )
        return offer

    def all(self) -> list[Offer]:
        """Every offer, newest first."""
        return sorted(self._rows("1 = 1", ()), key=lambda o: o.created_at, reverse=True)

    def change(self, offer: Offer, **changes: Any) -> Offer:
        """``offer`` with ``changes``, stored only if nobody changed it since it was read;
        :class:`OfferConflict` otherwise."""
        new = replace(offer, **changes, revision=offer.revision + 1)
        with self.store.conn as conn:
            cursor = conn.execute(
                "UPDATE offers SET status = ?, revision = ?, data = ?"
                " WHERE id = ? AND revision = ?",
                (new.status, new.revision, _data(new), offer.id, offer.revision),
            )
        if cursor.rowcount != 1:
            raise OfferConflict(offer.id)
        return new

    def claim(self, offer: Offer, number: int, now: datetime) -> Offer:
        """Mark option ``number`` as being booked, if ``offer`` is unchanged, still open, the
        option pickable and its time not claimed by another offer's pick; one writer at a time
        (``BEGIN IMMEDIATE``), so two claims of the same slot cannot both succeed."""
        conn = self.store.conn
        if conn.in_transaction:
            conn.commit()
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = self.get(offer.id)
            if current is None or current.revision != offer.revision or current.status != OPEN:
                raise OfferConflict(offer.id)
            option = current.option(number)
            if option is None or option not in current.pickable(now):
                raise OfferConflict(offer.id)
            if self._claimed_elsewhere(current, option):
                raise SlotTaken(option)
            new = replace(current, status=BOOKING, picked=number, revision=current.revision + 1,
                          answered_at=now)  # fmt: skip
            conn.execute(
                "UPDATE offers SET status = ?, revision = ?, data = ? WHERE id = ?",
                (new.status, new.revision, _data(new), new.id),
            )
            conn.commit()
            return new
        except BaseException:
            conn.rollback()
            raise

    def _claimed_elsewhere(self, offer: Offer, option: Option) -> bool:
        for other in self._rows("status IN (?, ?) AND id != ?", (BOOKING, PICKED, offer.id)):
            chosen = other.chosen
            if chosen is not None and chosen.start < option.end and option.start < chosen.end:
                return True
        return False

    def _write(self, offer: Offer) -> None:
        self.store.conn.execute(
            "INSERT OR REPLACE INTO offers VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                offer.id,
                offer.counterpart.lower(),
                offer.status,
                offer.revision,
                offer.created_at.astimezone(UTC).isoformat(),
                offer.expires_at.astimezone(UTC).isoformat(),
                _data(offer),
            ),
        )

    def _rows(self, where: str, args: tuple[object, ...]) -> list[Offer]:
        from planner.store import readable

        try:
            rows = self.store.conn.execute(
                f"SELECT data, status, revision FROM offers WHERE {where}", args
            ).fetchall()
        except sqlite3.DatabaseError:
            return []
        return readable(rows, _offer, "offers", self.store.path)


class SlotTaken(Exception):
    """Another offer's pick holds this time already."""

    def __init__(self, option: Option) -> None:
        super().__init__(option.number)
        self.option = option


def _data(offer: Offer) -> str:
    return json.dumps(offer.to_json(), ensure_ascii=False)


def _offer(row: tuple[Any, ...]) -> Offer:
    data, status, revision = row
    return replace(Offer.from_json(json.loads(data)), status=status, revision=int(revision))


# -- held time --------------------------------------------------------------------------------
def held_by_offers(store: Store | None, now: datetime) -> list[Event]:
    """The options of open offers (and the pick of an offer not yet booked) as events, so
    that no proposal to anybody else takes their time (:mod:`planner.flows.held`)."""
    if store is None:
        return []
    try:
        offers = Offers(store).all()
    except sqlite3.DatabaseError:
        return []
    found = []
    for offer in offers:
        if offer.status == PICKED and offer.booked.get("message"):
            continue  # booked: the sent invitation holds the time
        if offer.status in (BOOKING, PICKED):
            options = [o for o in (offer.chosen,) if o is not None and o.end > now]
        else:
            options = offer.pickable(now)
        found += [_held(offer, o) for o in options]
    return found


def _held(offer: Offer, option: Option) -> Event:
    venue = option.venue
    place = ", ".join(p for p in (venue.get("name", ""), venue.get("address", "")) if p)
    return Event(
        uid=f"{OPTION_UID}{offer.id}:{option.number}",
        title=_("Offered: {title}", title=offer.title),
        start=option.start,
        end=option.end,
        location=place,
        attendees=(Attendee(offer.counterpart, offer.name),),
        hints=((MADE_FOR, offer.for_event),) if offer.for_event else (),
    )


def pick_label(offer: Offer, *, at_place: bool = False) -> str:
    """ "Tue 8 Dec 12:30–13:30, Café Luitpold" for the picked option, "" when none: in the
    user's zone (with the local time of a place in another zone), or ``at_place``, for the
    counterpart, in the place's time."""
    from planner.i18n import day_span, local_span

    option = offer.chosen
    if option is None:
        return ""
    zone = offer.place_tz(option) if at_place else offer.user_tz
    start, end = option.start.astimezone(zone), option.end.astimezone(zone)
    there = "" if at_place else local_span(start, end, option.zone, zone)
    return f"{day_span(start, end)}{there}, {option.venue.get('name', '')}"


def options_of(offers: Sequence[Offer], uid: str) -> list[tuple[Offer, Option]]:
    """The offers' options whose invitation has ``uid`` (a REPLY to an option's .ics)."""
    return [(offer, o) for offer in offers for o in offer.options if o.uid == uid]


def expiry(config_days: int, created: datetime, options: Sequence[Option]) -> datetime:
    """When an offer made at ``created`` stops working: after ``config_days``, at the latest
    when its last option begins."""
    last = max(o.start for o in options)
    return min(created.astimezone(UTC) + timedelta(days=config_days), last.astimezone(UTC))
