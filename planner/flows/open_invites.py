"""Reading the open invitations and offers per person (:class:`planner.flows.pending.Pending`)
from what :func:`planner.flows.held.held_times` says still holds its time, with each
counterpart's answer: one who declined is free again."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from planner.flows.pending import COUNTER, INVITATION, OFFER, Pending
from planner.i18n import _
from planner.model import Response
from planner.people.addresses import address_key

if TYPE_CHECKING:
    from planner.config import Config
    from planner.model import Event
    from planner.store import Store

#: how an invitation was answered, for the words (no answer: "")
ANSWERED = {Response.ACCEPTED: "accepted", Response.TENTATIVE: "tentative"}


def pending_by_person(
    store: Store | None, config: Config, now: datetime, events: Sequence[Event] = ()
) -> dict[str, Pending]:
    """Address (key form) → the first open invitation or offer to that person (see the
    module doc); empty without a state database or anything sent or offered. A time or days
    they proposed instead say what the user's calendars (``events``) have then."""
    from planner.flows.held import INVITED, held_times

    found: dict[str, Pending] = {}
    held = held_times(store, config, now)
    if not held or store is None:
        return found
    offers = _offer_states(store, held)
    for event in held:
        if event.uid.startswith(INVITED):
            pairs = _invited(store, event, event.uid[len(INVITED) :], (config, events))
        else:
            pairs = _offered(event, offers)
        for who, pending in pairs:
            if who not in found or pending.start < found[who].start:
                found[who] = pending
    return found


def _invited(
    store: Store, event: Event, uid: str, mine: tuple[Config, Sequence[Event]]
) -> list[tuple[str, Pending]]:
    """Each counterpart of an invitation's held time with what is pending for them: nothing
    for one who declined it; the time they proposed for a COUNTER's (with what the user's
    calendars, ``mine``, have then)."""
    from planner.invite.answers import answers_for

    title = _inner_title(event)
    if ":counter:" in uid:
        return [_counter(store, event, title, *uid.rsplit(":counter:", 1), *mine)]
    answers = answers_for(store, uid)
    found = []
    for attendee in event.attendees:
        who = address_key(attendee.email)
        said = answers.get(who)
        response = said.response if said is not None and not said.countered else None
        if response is Response.DECLINED:
            continue  # declined: free for another time
        if said is not None and said.countered:
            continue  # their other time stands for them (a COUNTER held of its own)
        answer = ANSWERED.get(response, "") if response is not None else ""
        found.append((who, Pending(INVITATION, event.start, event.end, title, answer)))
    return found


def _counter(
    store: Store, event: Event, title: str, uid: str, who: str, config: Config,
    events: Sequence[Event],
) -> tuple[str, Pending]:  # fmt: skip
    """The time or days ``who`` proposed instead for the invitation ``uid`` (held as
    ``event``), with what the user's calendars have then, as ``planner invites`` says it."""
    from planner.flows.followup_steps import clash_words
    from planner.invite.answers import answers_for
    from planner.invite.sentlog import latest

    answer = answers_for(store, uid).get(address_key(who))
    days = bool(answer and answer.whole_days)
    record = latest(store, uid)
    all_day = bool(record and record.invitation.all_day)
    clashes = clash_words(events, event.start, event.end, uid, config, whole_days=days,
                          all_day=all_day)  # fmt: skip
    pending = Pending(COUNTER, event.start, event.end, title, whole_days=days,
                      clashes=tuple(clashes))  # fmt: skip
    return address_key(who), pending


def _offer_states(store: Store, held: list[Event]) -> Mapping[str, tuple[int, bool]]:
    """Offer id → (its open options among ``held``, whether one was picked)."""
    from planner.flows.offers import BOOKING, OPTION_UID, PICKED, Offers

    counts: dict[str, int] = {}
    for event in held:
        if event.uid.startswith(OPTION_UID):
            ident = event.uid[len(OPTION_UID) :].rsplit(":", 1)[0]
            counts[ident] = counts.get(ident, 0) + 1
    if not counts:
        return {}
    states = {}
    for ident, count in counts.items():
        offer = Offers(store).get(ident)
        states[ident] = (count, offer is not None and offer.status in (BOOKING, PICKED))
    return states


def _offered(event: Event, offers: Mapping[str, tuple[int, bool]]) -> list[tuple[str, Pending]]:
    from planner.flows.offers import OPTION_UID

    if not event.uid.startswith(OPTION_UID):
        return []
    count, picked = offers.get(event.uid[len(OPTION_UID) :].rsplit(":", 1)[0], (1, False))
    title = _inner_title(event)
    pending = Pending(OFFER, event.start, event.end, title, options=count, picked=picked)
    return [(address_key(a.email), pending) for a in event.attendees]


def _inner_title(event: Event) -> str:
    """The invitation's own title: the held time's is "Offered: …" (in the language of the
    run that read it)."""
    prefix = _("Offered: {title}", title="")
    return event.title[len(prefix) :] if prefix and event.title.startswith(prefix) else event.title
