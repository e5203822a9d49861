"""A pick of an offer, from the served page, a mail or a calendar app's REPLY, and the booking
that follows: the user's calendars read again, a time no longer free refused, the meeting
written into the user's calendar through its provider, the invitation sent (iMIP), the
counterpart's answer recorded as accepted, and the other options released.

The served page books at once (:func:`pick_and_book`). A pick read from mail is only recorded
(:func:`record_pick`): every write is the user's to ask for, with ``planner offer --book ID``
(:func:`book`), which ``planner invites`` shows as the next step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from planner.config import Config
from planner.errors import PlannerError
from planner.flows.offers import (
    BOOKING,
    OPEN,
    PICKED,
    Offer,
    OfferConflict,
    Offers,
    Option,
    SlotTaken,
)
from planner.i18n import _
from planner.store import Store

if TYPE_CHECKING:
    from planner.flows.already_invited import Open
    from planner.invite.sentlog import PreparedInvite

BOOKED, RECORDED, TAKEN, ANSWERED = "booked", "recorded", "taken", "answered"


@dataclass(frozen=True)
class Outcome:
    """What a pick did: ``result`` is "booked" (in the calendar, invitation sent), "recorded"
    (picked; the booking is left to do, ``problem`` says why), "taken" (that time is no
    longer free; the offer stays open) or "answered" (the offer was answered meanwhile).
    ``conflicts`` are the titles of what took the time, for the user only; ``second`` what
    else is open for the counterpart (an invitation or offer from planner): booked all the
    same, the counterpart chose, and kept with the booking for the user."""

    offer: Offer
    result: str
    problem: str = ""
    conflicts: tuple[str, ...] = ()
    second: tuple[str, ...] = ()


def record_pick(store: Store, offer: Offer, number: int, *, now: datetime, source: str) -> Outcome:
    """Record that the counterpart picked option ``number`` (from a mail or a REPLY); nothing
    is written into a calendar or sent."""
    book = Offers(store)
    try:
        claimed = book.claim(offer, number, now)
    except OfferConflict:
        return Outcome(book.get(offer.id) or offer, ANSWERED)
    except SlotTaken:
        return Outcome(offer, TAKEN, _("another offer's pick holds that time"))
    picked = book.change(claimed, status=PICKED, answered_by=source)
    return Outcome(picked, RECORDED, _("not yet in your calendar"))


def pick_and_book(
    config: Config,
    store: Store,
    offer: Offer,
    number: int,
    *,
    now: datetime,
    source: str,
    read: Callable[[datetime, datetime], list] | None = None,
) -> Outcome:
    """The served page's pick: claim option ``number`` (one claim wins), then :func:`book`.
    A time that turns out not to be free is marked taken and the offer opened again, so the
    counterpart can choose another option."""
    book = Offers(store)
    try:
        claimed = book.claim(offer, number, now)
    except OfferConflict:
        return Outcome(book.get(offer.id) or offer, ANSWERED)
    except SlotTaken as taken:
        current = book.get(offer.id) or offer
        return Outcome(_mark_taken(book, current, taken.option.number), TAKEN)
    claimed = book.change(claimed, answered_by=source)
    return _book(config, store, claimed, now=now, send=True, read=read, reopen=True)


def book(
    config: Config,
    store: Store,
    offer: Offer,
    *,
    now: datetime,
    send: bool = True,
    read: Callable[[datetime, datetime], list] | None = None,
) -> Outcome:
    """Book the pick of ``offer`` (``planner offer --book``): check, write, send, record."""
    if offer.status not in (BOOKING, PICKED) or offer.chosen is None:
        from planner.errors import UsageError

        raise UsageError(
            _("offer {id} has no pick to book (it is {status})", id=offer.id,
              status=offer.state(now)),
            hint=_("'planner invites' shows the offers and what they wait for"),
        )  # fmt: skip
    return _book(config, store, offer, now=now, send=send, read=read, reopen=False)


def _book(
    config: Config,
    store: Store,
    offer: Offer,
    *,
    now: datetime,
    send: bool,
    read: Callable[[datetime, datetime], list] | None,
    reopen: bool,
) -> Outcome:
    from planner.flows import holding, invitations
    from planner.invite.sentlog import prepare_request

    offers = Offers(store)
    option = offer.chosen
    assert option is not None
    try:
        conflicts = not_free(config, store, offer, option, now, read)
    except PlannerError as exc:
        return _unbooked(offers, offer, _("your calendars could not be read: {error}", error=exc))
    if conflicts:
        if reopen:
            return Outcome(_mark_taken(offers, offer, option.number), TAKEN, "", conflicts)
        problem = _("no longer free: {what}", what=", ".join(conflicts))
        return _unbooked(offers, offer, problem, conflicts)
    prepared = prepare_request(store, replace(option.meeting(), zone=offer.zone))
    booked = dict(offer.booked)
    second = _second(store, offer, prepared, now)
    for key in ("second", "second_uid"):  # what was open at an earlier attempt
        booked.pop(key, None)
    if second[0]:  # the counterpart chose: booked all the same, the user told
        booked["second"], booked["second_uid"] = "; ".join(second[0]), second[1]
    try:
        if not booked.get("event"):
            plan = holding.plan_hold(config, store, prepared, config["offer"]["calendar"],
                                     sending=send)  # fmt: skip
            booked["event"] = holding.write_hold(config, store, prepared, plan)
            booked["calendar"] = plan.calendar
        if send and not booked.get("message"):
            booked["message"] = invitations.send(config, store, prepared)
    except PlannerError as exc:
        booked["problem"] = str(exc)
        current = offers.change(offer, status=PICKED, booked=booked)
        return Outcome(current, RECORDED, str(exc))
    booked.pop("problem", None)
    _accepted(store, offer, option, prepared.sequence, now)
    done = offers.change(offer, status=PICKED, booked=booked)
    return Outcome(done, BOOKED if booked.get("message") else RECORDED, second=second[0])


def also_open(store: Store, offer: Offer, now: datetime) -> list[Open]:
    """What else is open for the counterpart of ``offer``'s pick: the invitations and offers
    from planner a booking would make a second meeting beside
    (:func:`planner.flows.already_invited.at_booking`)."""
    from planner.flows.already_invited import at_booking
    from planner.invite.sentlog import prepare_request

    option = offer.chosen
    if option is None:
        return []
    prepared = prepare_request(store, replace(option.meeting(), zone=offer.zone))
    return at_booking(store, prepared, offer, now)


def _second(
    store: Store, offer: Offer, prepared: PreparedInvite, now: datetime
) -> tuple[tuple[str, ...], str]:
    """What :func:`also_open` finds, as said to the user (in their zone), and the UID of the
    first invitation among it ("" when none): the one to cancel if two are too many."""
    from planner.flows.already_invited import Existing, at_booking, said

    found = at_booking(store, prepared, offer, now)
    uid = next((e.record.uid for e in found if isinstance(e, Existing)), "")
    return tuple(said(found, offer.user_tz)), uid


def not_free(
    config: Config,
    store: Store,
    offer: Offer,
    option: Option,
    now: datetime,
    read: Callable[[datetime, datetime], list] | None = None,
) -> tuple[str, ...]:
    """The titles of what makes ``option``'s time busy now: the user's calendars, read
    again, and invitations or other offers' picks made since (the offer's own aside).
    Another open offer's options are no pick: the same time offered to two people goes to
    the first who chooses it (:meth:`Offers.claim` settles a race), the later one is told."""
    from planner.flows.followup_steps import busy_conflicts
    from planner.flows.held import held_times
    from planner.flows.session import read_as_sent

    start, end = option.start, option.end
    margin = timedelta(days=1)
    if read is None:
        events = read_as_sent(config, store, start - margin, end + margin)
    else:
        events = read(start - margin, end + margin)
    busy = busy_conflicts(events, start, end, option.uid, config)
    offered = tuple(f"offer:{o.id}:" for o in Offers(store).all() if o.status == OPEN)
    aside = (f"offer:{offer.id}:", f"held:{option.uid}", *offered)
    held = [
        e
        for e in held_times(store, config, now)
        if not e.uid.startswith(aside)
        and e.start.astimezone(UTC) < end.astimezone(UTC)
        and start.astimezone(UTC) < e.end.astimezone(UTC)
    ]
    return tuple(dict.fromkeys(e.title for e in [*busy, *held]))


def none_fits(
    store: Store,
    offer: Offer,
    *,
    now: datetime,
    source: str,
    proposed: tuple[datetime, datetime] | None = None,
    comment: str = "",
) -> Offer | None:
    """Record that none of the options fits, with the time range the counterpart named
    instead (as a COUNTER would); None when the offer was answered or changed meanwhile."""
    from planner.flows.offers import NONE_FITS

    if offer.status == NONE_FITS:
        return offer
    if offer.status != OPEN:
        return None
    try:
        return Offers(store).change(offer, status=NONE_FITS, counter=proposed,
                                    comment=comment.strip()[:1000], answered_at=now,
                                    answered_by=source)  # fmt: skip
    except OfferConflict:
        return None


def _mark_taken(offers: Offers, offer: Offer, number: int) -> Offer:
    """``offer`` open again, with option ``number`` no longer offered."""
    options = tuple(replace(o, taken=o.taken or o.number == number) for o in offer.options)
    for _attempt in range(3):
        try:
            return offers.change(offer, status=OPEN, picked=None, options=options,
                                 answered_at=None, answered_by="")  # fmt: skip
        except OfferConflict:
            current = offers.get(offer.id)
            if current is None or current.status not in (OPEN, BOOKING):
                return current or offer
            offer = current
    return offer


def _unbooked(
    offers: Offers, offer: Offer, problem: str, conflicts: tuple[str, ...] = ()
) -> Outcome:
    booked = {**offer.booked, "problem": problem}
    current = offers.change(offer, status=PICKED, booked=booked)
    return Outcome(current, RECORDED, problem, conflicts)


def _accepted(store: Store, offer: Offer, option: Option, sequence: int, now: datetime) -> None:
    """The counterpart's answer, as ``planner invites`` shows it: accepted, on the offer."""
    from planner.invite.answers import Answer, record_answer
    from planner.model import Response

    answer = Answer(
        uid=option.uid,
        attendee=offer.counterpart.lower(),
        response=Response.ACCEPTED,
        sequence=sequence,
        stamp=(offer.answered_at or now).astimezone(UTC),
        method="REPLY",
        source=_("offer {id}", id=offer.id),
    )
    record_answer(store, answer, now=now)
