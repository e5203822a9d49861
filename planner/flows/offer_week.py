"""Offers in the week: a flagged meeting whose counterpart has an offer in hand (open, being
booked, picked) is not proposed for again as if new, and the week shows the offer's state and
next step, as it does for an invitation that is open (:func:`planner.flows.held.invited`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from planner.flows.offers import OPTION_UID, PICKED, REPLACED, WITHDRAWN, Offer
from planner.model import Event

if TYPE_CHECKING:
    from planner.config import Config
    from planner.flows.plan import WeeklyPlan


def offered(
    held: Iterable[Event], people: Sequence[str], start: datetime, meeting: str = ""
) -> list[Event]:
    """The options of offers among ``held`` (:func:`planner.flows.held.held_times`) that belong
    to the meeting ``meeting`` with ``people`` in the week from ``start``
    (:func:`planner.flows.held.belongs`)."""
    from planner.flows.held import belongs

    return [e for e in held if e.uid.startswith(OPTION_UID) and belongs(e, people, start, meeting)]


def for_week(
    offers: Iterable[Offer], people: Sequence[str], start: datetime, meeting: str = ""
) -> list[Offer]:
    """The offers for the meeting ``meeting`` (its UID) with ``people`` in the week from
    ``start`` that the week shows: open, being booked, picked but not booked, expired or
    answered with "none fits" (a booked pick is shown as its invitation; a withdrawn or
    replaced offer is gone), newest first. An offer made for a meeting (its options' proposals
    were that meeting's) belongs to it alone; one made for none, to one of ``people``."""
    from planner.flows.held import FOLLOWS, made_for

    lo, hi = start.astimezone(UTC), (start + FOLLOWS).astimezone(UTC)
    found = []
    for offer in offers:
        if offer.status in (WITHDRAWN, REPLACED):
            continue
        if not made_for(offer.for_event, meeting, people, [offer.counterpart]):
            continue
        if offer.status == PICKED and offer.booked.get("message"):
            continue  # booked: the invitation's state says what comes next
        times = [o.start for o in (offer.chosen,) if o] or [o.start for o in offer.options]
        if any(lo <= t.astimezone(UTC) < hi for t in times):
            found.append(offer)
    return sorted(found, key=lambda o: o.created_at, reverse=True)


def offers_for_plan(
    plan: WeeklyPlan, offers: Sequence[Offer], config: Config
) -> dict[str, list[Offer]]:
    """The offers (:func:`for_week`) of each meeting of ``plan`` flagged to meet in person,
    and of any other meeting an offer was made for (``planner offer --for``: a lunch kept as
    it is, an intro call), by the event's UID."""
    from planner.flows.held import flagged
    from planner.people.addresses import address_key, user_keys

    found: dict[str, list[Offer]] = {}
    for item, people in flagged(plan, config):
        if made := for_week(offers, people, plan.start, item.event.uid):
            found[item.event.uid] = made
    named = {offer.for_event for offer in offers if offer.for_event}
    mine = user_keys(config)
    for item in plan.items:
        uid = item.event.uid
        if uid in found or uid not in named:
            continue
        people = [p.email for p in item.event.people() if address_key(p.email) not in mine]
        made = [o for o in for_week(offers, people, plan.start, uid) if o.for_event == uid]
        if made:
            found[uid] = made
    return found
