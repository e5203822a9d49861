"""Answers to offers read by ``planner replies``: a mail with an accept link's code, or an iTIP
REPLY / COUNTER to one option's .ics. Each is checked before it counts:

- the offer was made here, and the code is this install's for that offer and option (an
  HMAC: it cannot be made up, nor moved to another offer, option or person);
- the mail comes from the counterpart the offer was made to (a forwarded offer accepted by
  someone else is reported, not recorded); a REPLY answers for that counterpart;
- the offer is still open: a second answer is reported, the first one stands; reading the
  same mail twice changes nothing.

A pick is only recorded: ``planner offer --book ID`` books it (:mod:`.offer_booking`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from planner.flows.offers import NONE_FITS, OPEN, Offer, Offers, options_of
from planner.i18n import _
from planner.invite.answers import Answer
from planner.invite.offer_mail import OfferReply
from planner.model import Response
from planner.people.addresses import address_key
from planner.store import Store


@dataclass
class OfferNews:
    """What the answers did to offers (one line each) and what was refused."""

    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def apply_mail_replies(store: Store, replies: Sequence[OfferReply], now: datetime) -> OfferNews:
    """Record the answers found in mails (see the module)."""
    from planner.flows.offer_tokens import mail_code_valid, offer_key
    from planner.paths import data_dir

    news = OfferNews()
    if not replies:
        return news
    key = offer_key(data_dir())
    offers = Offers(store)
    for reply in replies:
        offer = offers.get(reply.code.offer)
        if offer is None or not mail_code_valid(key, replace(offer, status=OPEN), reply.code):
            news.problems.append(
                _("{where}: the offer code {code} is not one made here (or its offer was "
                  "changed since); not recorded", where=reply.source, code=reply.code.text())
            )  # fmt: skip
            continue
        if address_key(reply.sender) != address_key(offer.counterpart):
            news.problems.append(
                _("{where}: answers offer {id}, which was made to {person}, but comes from "
                  "{sender}; not recorded", where=reply.source, id=offer.id,
                  person=offer.counterpart, sender=reply.sender or "?")
            )  # fmt: skip
            continue
        when = _when(reply.sent_at, offer, now)
        if reply.code.number == 0:
            _none_fits(offers, offer, news, reply.source, when, comment=reply.comment)
        else:
            _pick(store, offer, reply.code.number, news, reply.source, when)
    return news


def divert(
    store: Store, answers: Sequence[Answer], now: datetime
) -> tuple[list[Answer], OfferNews]:
    """The answers that are for sent invitations, and what those for options of an offer (an
    option's .ics answered in a calendar app) did to their offers."""
    from planner.invite.sentlog import history

    news = OfferNews()
    rest: list[Answer] = []
    try:
        offers_made = Offers(store).all()
    except sqlite3.DatabaseError:  # a state database that cannot keep offers has none
        offers_made = []
    for answer in answers:
        found = options_of(offers_made, answer.uid) if offers_made else []
        if not found or history(store, answer.uid):
            rest.append(answer)  # an answer to a sent invitation (a booked pick too)
            continue
        offer, option = found[0]
        if address_key(answer.attendee) != address_key(offer.counterpart):
            news.problems.append(
                _("{where}: {who} answered option {number} of offer {id}, which was made to "
                  "{person}; not recorded", where=answer.source, who=answer.attendee,
                  number=option.number, id=offer.id, person=offer.counterpart)
            )  # fmt: skip
            continue
        offer = Offers(store).get(offer.id) or offer
        when = _when(answer.stamp, offer, now)
        if answer.method == "COUNTER" and answer.proposed:
            _none_fits(Offers(store), offer, news, answer.source, when, answer.proposed,
                       answer.comment)  # fmt: skip
        elif answer.response is Response.ACCEPTED:
            _pick(store, offer, option.number, news, answer.source, when)
        elif answer.response is Response.DECLINED:
            _decline(Offers(store), offer, option.number, news, answer.source, when)
    return rest, news


def _when(stamp: datetime | None, offer: Offer, now: datetime) -> datetime:
    """When the answer was given: its own date when that is plausible (after the offer was
    made, not in the future), else now."""
    if stamp is not None and offer.created_at <= stamp.astimezone(UTC) <= now.astimezone(UTC):
        return stamp
    return now


def _pick(
    store: Store, offer: Offer, number: int, news: OfferNews, where: str, when: datetime
) -> None:
    from planner.flows.offer_booking import ANSWERED, TAKEN, record_pick
    from planner.flows.offers import pick_label

    if offer.picked == number and offer.status != OPEN:
        return  # the same answer read again
    outcome = record_pick(store, offer, number, now=when, source=where)
    who = offer.name or offer.counterpart
    if outcome.result == ANSWERED:
        news.problems.append(
            _("{where}: {who} picked option {number} of offer {id}, which was answered or "
              "closed before ({status}); not recorded", where=where, who=who, number=number,
              id=offer.id, status=outcome.offer.state(when))
        )  # fmt: skip
    elif outcome.result == TAKEN or outcome.offer.picked != number:
        news.problems.append(
            _("{where}: {who} picked option {number} of offer {id}, which can no longer be "
              "picked; not recorded", where=where, who=who, number=number, id=offer.id)
        )  # fmt: skip
    else:
        news.lines.append(
            _("offer {id}: {who} picked {choice}; book it with: planner offer --book {id} "
              "--send", id=offer.id, who=who, choice=pick_label(outcome.offer))
        )  # fmt: skip


def _none_fits(
    offers: Offers,
    offer: Offer,
    news: OfferNews,
    where: str,
    when: datetime,
    proposed: tuple[datetime, datetime] | None = None,
    comment: str = "",
) -> None:
    from planner.flows.offer_booking import none_fits

    if offer.status == NONE_FITS:
        return
    if none_fits(offers.store, offer, now=when, source=where, proposed=proposed,
                 comment=comment) is None:  # fmt: skip
        news.problems.append(
            _("{where}: offer {id} was answered before; this answer is not recorded",
              where=where, id=offer.id)
        )  # fmt: skip
        return
    news.lines.append(
        _("offer {id}: none of the options fits {who}; 'planner invites' shows what they "
          "wrote", id=offer.id, who=offer.name or offer.counterpart)
    )  # fmt: skip


def _decline(
    offers: Offers, offer: Offer, number: int, news: OfferNews, where: str, when: datetime
) -> None:
    """A declined option is no longer offered; all of them declined is "none fits"."""
    if offer.status != OPEN:
        return
    options = tuple(replace(o, taken=o.taken or o.number == number) for o in offer.options)
    if all(o.taken for o in options):
        _none_fits(offers, offer, news, where, when)
        return
    offers.change(offer, options=options)
    news.lines.append(_("offer {id}: {who} declined option {number}", id=offer.id,
                        who=offer.name or offer.counterpart, number=number))  # fmt: skip
