"""Two invitations to the same counterpart: inviting someone who has an open invitation from
planner already (two proposals for them in one week, the same proposal under another title or
time) would give them two meetings. The dry run names the one they have; sending is refused
unless the user says to invite anyway (``planner invite --force``, the assistant's ``force``).

Open: a meeting of the sent log (another UID) that reached them (by mail, or by the user's
mail program: :func:`planner.invite.cancels.invited` over what was delivered, so one an update
took them off and told them of is not theirs any more), not cancelled, not over, and not
declined by them (their answer to the current revision). A revision of the same meeting is
never a second invitation; nor is a file only written, or a hold only in the user's calendar
(nobody was told of them).

An offer (:mod:`planner.flows.offers`) is a meeting to come as well: one that reached them
(sent by mail or written as a page) and can still be picked, or whose pick is not booked yet,
counts as open for ``planner invite`` and for a new offer (``planner offer --force`` makes one
all the same; it replaces an open one). The booking of a pick, the counterpart's own act, is
never refused: what else is open for them is kept with the booking and told to the user
(:func:`at_booking`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING

from planner.errors import UsageError
from planner.flows.offers import OPEN
from planner.i18n import _, day_span, day_time
from planner.model import Attendee, Response
from planner.people.addresses import address_key

if TYPE_CHECKING:
    from planner.flows.offers import Offer, Option
    from planner.invite.sentlog import PreparedInvite, SentRecord
    from planner.store import Store

SCANNED = 500  # meetings looked at, the most recent first (as planner.flows.held)


@dataclass(frozen=True, slots=True)
class Existing:
    """``person`` has the open invitation ``record`` (the revision they were told of last)."""

    person: Attendee
    record: SentRecord


@dataclass(frozen=True, slots=True)
class Offered:
    """``person`` has the open offer ``offer`` (see the module)."""

    person: Attendee
    offer: Offer


Open = Existing | Offered


def already_invited(store: Store | None, prepared: PreparedInvite, now: datetime) -> list[Open]:
    """Each recipient of the REQUEST ``prepared`` who has another open invitation or offer from
    planner (see the module), with it; [] for a cancellation, or when nothing was sent."""
    return _open_for(store, prepared, now, ())


def at_booking(store: Store, prepared: PreparedInvite, offer: Offer, now: datetime) -> list[Open]:
    """What else is open for the counterpart of ``offer`` when its pick ``prepared`` is booked
    (the meeting it was made for, which it replaces, aside)."""
    return _open_for(store, prepared, now, (offer.for_event,), offer.id)


def before_offer(store: Store, offer: Offer, now: datetime) -> list[Open]:
    """What is open for the counterpart of the new ``offer`` already: invitations (the meeting
    it is made for aside) and other offers (the same offer made again aside)."""
    person = Attendee(offer.counterpart, offer.name)
    wanted = {address_key(offer.counterpart): person}
    return [*_invitations(store, wanted, now, (offer.for_event,)),
            *_offers(store, wanted, now, offer.id)]  # fmt: skip


def _open_for(
    store: Store | None, prepared: PreparedInvite, now: datetime, aside: tuple[str, ...],
    offer: str = "",
) -> list[Open]:  # fmt: skip
    if store is None or prepared.method != "REQUEST":
        return []
    have = _told(store, prepared.uid)[1] if store.holds("sentlog") else set()
    wanted = {address_key(p.email): p for p in prepared.invitation.counterparts
              if p.email in prepared.recipients and address_key(p.email) not in have}  # fmt: skip
    return [*_invitations(store, wanted, now, (prepared.uid, *aside)),
            *_offers(store, wanted, now, offer)]  # fmt: skip


def _told(store: Store, uid: str) -> tuple[list[SentRecord], set[str]]:
    """The delivered messages of meeting ``uid``, and who has it (their address keys)."""
    from planner.invite.cancels import invited
    from planner.invite.sentlog import messages

    found = [r for r in messages(store, uid) if r.delivered]
    return found, {address_key(p.email) for p in invited(found)}


def _invitations(
    store: Store, wanted: dict[str, Attendee], now: datetime, aside: tuple[str, ...]
) -> list[Existing]:
    """The open invitations (other than the meetings ``aside``) of the people ``wanted``."""
    if not wanted or not store.holds("sentlog"):
        return []
    from planner.invite.sentlog import recent

    found: list[Existing] = []
    for last in recent(store, SCANNED):
        if last.uid in aside or last.cancelled:
            continue
        records, people = _told(store, last.uid)
        requests = [r for r in records if r.method == "REQUEST"]
        mine = people & wanted.keys()
        if not mine or not requests:
            continue
        record = max(requests, key=lambda r: (r.sequence, r.sent_at))
        if record.invitation.end.astimezone(UTC) <= now.astimezone(UTC):
            continue
        found += [Existing(wanted[key], record) for key in sorted(mine)
                  if not _declined(store, last.uid, key, record.sequence)]  # fmt: skip
    return found


def _offers(store: Store, wanted: dict[str, Attendee], now: datetime, aside: str) -> list[Offered]:
    """The open offers (other than ``aside``) of the people ``wanted``: sent or written for
    them, and still to be picked, or picked and not booked yet."""
    if not wanted or not store.holds("offers"):
        return []
    from planner.flows.offers import LIVE, PICKED, Offers

    found: list[Offered] = []
    for offer in Offers(store).all():
        key = address_key(offer.counterpart)
        if key not in wanted or offer.id == aside or not offer.sent:
            continue
        chosen = offer.chosen
        waiting = offer.status == OPEN and offer.pickable(now)
        unbooked = (offer.status in (*LIVE, PICKED) and chosen is not None
                    and not offer.booked.get("message") and chosen.end > now)  # fmt: skip
        if waiting or unbooked:
            found.append(Offered(wanted[key], offer))
    return found


def said(found: list[Open], tz: tzinfo) -> list[str]:
    """Each: "<who> already has an invitation: '<title>', <when>, <where> (UID …)", or the
    offer they have (its id, its options, until when)."""
    return [_existing(e, tz) if isinstance(e, Existing) else _offered(e, tz) for e in found]


def notes(found: list[Open], tz: tzinfo) -> list[str]:
    """What a dry run says of each (:func:`said`), as its other notes."""
    return [_("  note:  {existing}", existing=line) for line in said(found, tz)]


def refuse(found: list[Open], tz: tzinfo, *, tool: bool = False, offer: bool = False) -> None:
    """Refuse to send a second invitation, or with ``offer`` an offer (:class:`UsageError`):
    what exists, the ways on (the CLI's options, or with ``tool`` the assistant tool's
    inputs)."""
    if not found:
        return
    raise UsageError(
        _("{existing}; nothing was sent", existing="; ".join(said(found, tz))),
        hint=_hint(found[0], tool=tool, offer=offer),
    )


def _hint(first: Open, *, tool: bool, offer: bool) -> str:
    """The ways on from the first of what exists: that one changed, or ``force``."""
    if isinstance(first, Existing):
        uid = first.record.uid
        if not offer and tool:
            return _("update that one (update_uid {uid}), cancel it (cancel_uid {uid}), or "
                     "call again with force to invite anyway", uid=uid)  # fmt: skip
        if not offer:
            return _("update that one: planner invite --update {uid} …; cancel it: planner "
                     "invite --cancel {uid} --send; or add --force to invite anyway",
                     uid=uid)  # fmt: skip
        way = _("cancel that one: planner invite --cancel {uid} --send", uid=uid)
    elif first.offer.status == OPEN:
        way = _("withdraw that offer: planner offer --withdraw {id}", id=first.offer.id)
    else:
        way = _("book or decline that pick first: 'planner invites' shows it")
    if offer and isinstance(first, Offered) and first.offer.status == OPEN:
        force = (_("or call again with force to send this offer in its place") if tool
                 else _("or add --force to send this offer in its place"))  # fmt: skip
    elif offer:
        force = _("or call again with force to offer anyway") if tool else _(
            "or add --force to offer anyway")  # fmt: skip
    else:
        force = _("or call again with force to invite anyway") if tool else _(
            "or add --force to invite anyway")  # fmt: skip
    return f"{way}; {force}"


def _offered(found: Offered, tz: tzinfo) -> str:
    offer, who = found.offer, _who(found.person)
    chosen = offer.chosen
    if chosen is not None and offer.status != OPEN:
        return _("{who} picked {choice} of offer {id} ('{title}'), not booked yet",
                 who=who, choice=_option(chosen, tz), id=offer.id,
                 title=offer.title)  # fmt: skip
    until = offer.expires_at.astimezone(tz)
    return _(
        "{who} already has offer {id}: '{title}', {options}; open until {until}",
        who=who,
        id=offer.id,
        title=offer.title,
        options=" / ".join(_option(o, tz) for o in offer.options if not o.taken),
        until=day_time(until),
    )


def _option(option: Option, tz: tzinfo) -> str:
    """ "Wed 10 Mar 12:30–13:30 Tantris": an option's time and place."""
    start, end = option.start.astimezone(tz), option.end.astimezone(tz)
    venue = option.venue.get("name", "") or _("no place given")
    return f"{day_span(start, end)} {venue}"


def _existing(found: Existing, tz: tzinfo) -> str:
    from planner.invite.text import location_text

    inv, who = found.record.invitation, _who(found.person)
    return _(
        "{who} already has an invitation: '{title}', {when}, {where} (UID {uid})",
        who=who,
        title=inv.title,
        when=day_span(inv.start.astimezone(tz), inv.end.astimezone(tz)),
        where=location_text(inv) or _("no place given"),
        uid=found.record.uid,
    )


def _who(person: Attendee) -> str:
    return f"{person.name} <{person.email}>" if person.name else person.email


def _declined(store: Store, uid: str, who: str, sequence: int) -> bool:
    """Whether ``who`` declined revision ``sequence`` (or a later one) of meeting ``uid``."""
    from planner.invite.answers import answers_for

    said = answers_for(store, uid).get(who)
    return (
        said is not None
        and not said.countered
        and said.response is Response.DECLINED
        and said.sequence >= sequence
    )
