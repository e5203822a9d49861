"""Times already offered: every invitation made from here (sent, held in a calendar, or written
to a file from a proposal the user picked) counts as busy for every other proposal until it is
declined by everyone, cancelled, over, or older than ``[invite] hold_days`` without an answer;
so does every option of an open offer (:mod:`planner.flows.offers`) until it is picked,
withdrawn or expired.

The composition of the invite room (sent log, answers) and the meet room (busy time): the
invitations become events at their venue, so that proposals also leave the travel to and from
them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta

from planner.config import Config
from planner.i18n import _
from planner.model import Attendee, Event, Response
from planner.store import Store

SCANNED = 500  # invitations looked at, newest first
#: the state modules that keep what was sent (:mod:`planner.invite.sentlog`) and offered
#: (:mod:`planner.flows.offers`), by their names in ``Store.ensure``
SENT, OFFERED = "sentlog", "offers"
KEPT_BY = (SENT, OFFERED)
INVITED = "held:"  # the UID prefix of a held time that is an invitation (not an offer's option)
#: an invitation belongs to a flagged meeting of a week when it is to one of its counterparts
#: and starts in that week or the one after (a meeting moved to the next week)
FOLLOWS = timedelta(days=14)


def held_times(store: Store | None, config: Config, now: datetime) -> list[Event]:
    """The invitations that still hold their time, as events (see the module)."""
    if store is None or not store.holds(*KEPT_BY):
        return []  # nothing was ever sent or offered (the invitation code is not even loaded)
    from planner.flows.offers import held_by_offers
    from planner.invite.answers import answers_for
    from planner.invite.sentlog import recent

    found = held_by_offers(store, now)  # the options of open offers
    expiry = timedelta(days=config["invite"]["hold_days"])
    for record in recent(store, SCANNED):
        inv = record.invitation
        if record.cancelled or inv.end.astimezone(UTC) <= now.astimezone(UTC):
            continue
        answers = answers_for(store, record.uid)
        people = [p.email.lower() for p in inv.counterparts]
        said = [answers[p].response for p in people if p in answers]
        if people and len(said) == len(people) and set(said) == {Response.DECLINED}:
            continue  # everyone declined
        accepted = Response.ACCEPTED in said or Response.TENTATIVE in said
        if not accepted and now.astimezone(UTC) - record.sent_at.astimezone(UTC) > expiry:
            continue  # no answer for too long: the time is free again
        found.append(
            Event(
                uid=f"{INVITED}{record.uid}",
                title=_("Offered: {title}", title=inv.title),
                start=inv.start,
                end=inv.end,
                location=", ".join(p for p in (inv.venue_name, inv.venue_address) if p)
                or inv.location,
                geo=inv.geo,
                attendees=tuple(Attendee(p.email, p.name) for p in inv.counterparts),
            )
        )
    return found


def invited(held: Iterable[Event], people: Sequence[str], start: datetime) -> list[Event]:
    """The invitations among ``held`` (not the options of offers) to one of ``people`` that
    belong to a meeting of the week from ``start``: they start in that week or the one after
    (:data:`FOLLOWS`). Such a meeting is in hand: it is not proposed for again as if new, and
    its next step is the invitation's (:func:`planner.flows.followup_steps.next_step`)."""
    from planner.people.addresses import address_key

    wanted = {address_key(p) for p in people}
    until = start + FOLLOWS
    return [
        e
        for e in held
        if e.uid.startswith(INVITED)
        and start <= e.start < until
        and wanted & {address_key(a.email) for a in e.attendees}
    ]


def for_others(held: Iterable[Event], people: Sequence[str]) -> list[Event]:
    """The held times that block proposals for ``people``: every invitation, theirs too (a
    time they were invited to, listed again, would read as a new proposal), and the options
    of the offers to others (a new listing for the same counterparts may show an offer's
    option again)."""
    wanted = {p.strip().lower() for p in people}
    return [
        e
        for e in held
        if e.uid.startswith(INVITED) or not wanted & {a.email.lower() for a in e.attendees}
    ]
