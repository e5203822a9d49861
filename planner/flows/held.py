"""Times already offered: every invitation made from here (sent, held in a calendar, or written
to a file from a proposal the user picked) counts as busy for every other proposal until it is
declined by everyone, cancelled, over, or older than ``[invite] hold_days`` without an answer
to its current revision; so does the other time a counterpart proposed (a COUNTER), and every
option of an open offer (:mod:`planner.flows.offers`) until it is picked, withdrawn or expired.
A time a counterpart declined stays busy for proposals to them (not to anyone else) until it
has passed: offered again, it would read as new.

The composition of the invite room (sent log, answers) and the meet room (busy time): the
invitations become events at their venue, so that proposals also leave the travel to and from
them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from planner.config import Config
from planner.i18n import _
from planner.model import MADE_FOR, Attendee, Event, Response
from planner.people.addresses import address_key, user_keys
from planner.store import Store

if TYPE_CHECKING:
    from planner.flows.plan import PlannedEvent, WeeklyPlan
    from planner.invite.answers import Answer
    from planner.invite.invitation import Invitation
    from planner.invite.sentlog import SentRecord

SCANNED = 500  # invitations looked at, newest first
#: the state modules that keep what was sent (:mod:`planner.invite.sentlog`) and offered
#: (:mod:`planner.flows.offers`), by their names in ``Store.ensure``
SENT, OFFERED = "sentlog", "offers"
KEPT_BY = (SENT, OFFERED)
INVITED = "held:"  # the UID prefix of a held time that is an invitation (not an offer's option)
#: the UID prefix of a time a counterpart declined: blocked for proposals to them, not to others
DECLINED = "declined:"
#: an invitation belongs to a flagged meeting of a week when it is to one of its counterparts
#: and starts in that week or the one after (a meeting moved to the next week)
FOLLOWS = timedelta(days=14)


def held_times(
    store: Store | None, config: Config, now: datetime, *, declined: bool = False
) -> list[Event]:
    """The invitations that still hold their time, as events (see the module), and the times a
    counterpart proposed instead (a COUNTER to the current revision): kept for that answer, not
    proposed to anybody as if new. With ``declined``, also each time a counterpart declined
    (:data:`DECLINED`), until it has passed: :func:`for_others` keeps it from proposals to them."""
    if store is None or not store.holds(*KEPT_BY):
        return []  # nothing was ever sent or offered (the invitation code is not even loaded)
    from planner.flows.offers import held_by_offers
    from planner.invite.sentlog import recent

    found = held_by_offers(store, now)  # the options of open offers
    for record in recent(store, SCANNED):
        if not record.cancelled:
            found += _held_by(store, record, config, now, declined)
    return found


def _held_by(
    store: Store, record: SentRecord, config: Config, now: datetime, declined: bool
) -> list[Event]:
    """What one invitation holds: its time, the times countered, the times declined."""
    from planner.invite.answers import answers_for

    inv = record.invitation
    answers = answers_for(store, record.uid)
    current = {who: a for who, a in answers.items() if a.sequence >= record.sequence}
    people = [address_key(p.email) for p in inv.counterparts]
    said = [current[p].response for p in people if p in current]
    found = [_countered(record, a) for a in current.values() if a.countered and a.proposed]
    if declined:
        found += _refused(store, record, answers)
    if inv.end.astimezone(UTC) > now.astimezone(UTC) and not (
        people and len(said) == len(people) and set(said) == {Response.DECLINED}  # all declined
    ):
        expiry = timedelta(days=config["invite"]["hold_days"])
        accepted = Response.ACCEPTED in said or Response.TENTATIVE in said
        if accepted or now.astimezone(UTC) - record.sent_at.astimezone(UTC) <= expiry:
            found.append(_event(f"{INVITED}{record.uid}", inv, inv.counterparts))
    return [e for e in found if e.end.astimezone(UTC) > now.astimezone(UTC)]


def _event(uid: str, inv: Invitation, people: Iterable[Attendee], *, placed: bool = True) -> Event:
    return Event(
        uid=uid,
        title=_("Offered: {title}", title=inv.title),
        start=inv.start,
        end=inv.end,
        location=", ".join(p for p in (inv.venue_name, inv.venue_address) if p) or inv.location
        if placed
        else "",
        geo=inv.geo if placed else None,
        attendees=tuple(Attendee(p.email, p.name) for p in people),
        hints=((MADE_FOR, inv.for_event),) if inv.for_event else (),
    )


def _countered(record: SentRecord, answer: Answer) -> Event:
    """The time ``answer`` proposed instead, kept for it: at the invitation's venue, as
    accepting it would keep the venue."""
    assert answer.proposed is not None
    start, end = answer.proposed
    inv = replace(record.invitation, start=start, end=end, all_day=answer.whole_days)
    person = [p for p in inv.counterparts if address_key(p.email) == address_key(answer.attendee)]
    event = _event(f"{INVITED}{record.uid}:counter:{address_key(answer.attendee)}", inv, person)
    return replace(event, title=_("Proposed by {who}: {title}",
                                  who=answer.attendee, title=inv.title))  # fmt: skip


def _refused(store: Store, record: SentRecord, answers: dict[str, Answer]) -> list[Event]:
    """Each time a counterpart declined (of the revision they answered), for them alone and
    without a place: nobody goes there, so no travel is planned around it."""
    from planner.invite.sentlog import history

    said = [a for a in answers.values() if a.response is Response.DECLINED and not a.countered]
    if not said:
        return []
    revisions = {r.sequence: r.invitation for r in history(store, record.uid)}
    found = []
    for answer in said:
        inv = revisions.get(answer.sequence, record.invitation)
        who = [Attendee(answer.attendee)]
        found.append(_event(f"{DECLINED}{record.uid}:{answer.sequence}:{answer.attendee}",
                            inv, who, placed=False))  # fmt: skip
    return found


def invited(
    held: Iterable[Event], people: Sequence[str], start: datetime, meeting: str = ""
) -> list[Event]:
    """The invitations among ``held`` (not the options of offers) that belong to the meeting
    ``meeting`` (its UID) with ``people`` in the week from ``start`` (:func:`belongs`). Such a
    meeting is in hand: it is not proposed for again as if new, and its next step is the
    invitation's (:func:`planner.flows.followup_steps.next_step`)."""
    return [e for e in held if e.uid.startswith(INVITED) and belongs(e, people, start, meeting)]


def belongs(held: Event, people: Sequence[str], start: datetime, meeting: str) -> bool:
    """Whether the invitation or offer ``held`` belongs to the meeting ``meeting`` (its UID)
    with ``people`` in the week from ``start``: it starts in that week or the one after
    (:data:`FOLLOWS`), and it was made for that meeting (:data:`MADE_FOR`) or, made for none
    (typed by hand, or sent before planner kept that), it is to one of ``people``."""
    if not start <= held.start < start + FOLLOWS:
        return False
    return made_for(held.hint(MADE_FOR) or "", meeting, people, [a.email for a in held.attendees])


def made_for(made: str, meeting: str, people: Iterable[str], to: Iterable[str]) -> bool:
    """Whether an invitation or offer made for the meeting ``made`` (its UID; "" when made for
    none: typed by hand, or kept before planner kept that) and sent ``to`` these addresses is
    one for the meeting ``meeting`` with ``people``: made for it, or made for none and to one
    of ``people``."""
    return made == meeting if made else same_people(people, to)


def flagged(plan: WeeklyPlan, config: Config) -> Iterator[tuple[PlannedEvent, list[str]]]:
    """Each meeting of ``plan`` flagged to meet in person, with the addresses of its people
    but the user's: what an invitation or offer for it may be matched with."""
    from planner.model import Action

    mine = user_keys(config)
    for item in plan.items:
        rec = item.recommendation
        if rec is not None and rec.action is Action.MEET_IN_PERSON:
            yield item, [p.email for p in item.event.people() if address_key(p.email) not in mine]


def same_people(people: Iterable[str], others: Iterable[str]) -> bool:
    """Whether one of ``people`` is among ``others`` (addresses compared as addresses)."""
    return bool({address_key(p) for p in people} & {address_key(p) for p in others})


def refused(event: Event) -> bool:
    """Whether ``event`` is a time a counterpart declined (busy for proposals to them alone)."""
    return event.uid.startswith(DECLINED)


def for_others(held: Iterable[Event], people: Sequence[str]) -> list[Event]:
    """The held times that block proposals for ``people``: every invitation and every time a
    counterpart proposed instead, theirs too (a time they were invited to, or asked for,
    listed again would read as a new proposal); the times one of ``people`` declined, and no
    one else's; and the options of the offers to others (a new listing for the same
    counterparts may show an offer's option again)."""
    wanted = {address_key(p) for p in people}
    return [
        e
        for e in held
        if e.uid.startswith(INVITED)
        or bool(wanted & {address_key(a.email) for a in e.attendees}) == e.uid.startswith(DECLINED)
    ]
