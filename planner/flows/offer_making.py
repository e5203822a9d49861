"""``planner offer`` as library functions: make an offer per counterpart from the proposals, keep
it, and send it by e-mail (its page and texts come from :mod:`planner.render.offer`, which the
caller passes in: rendering lies above this layer)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from planner.config import Config
from planner.errors import UsageError
from planner.flows.offers import MAX_OPTIONS, Offer, Offers, Option, expiry, offer_id
from planner.i18n import _, ngettext
from planner.store import Store

if TYPE_CHECKING:
    from planner.invite.invitation import Invitation


@dataclass(frozen=True)
class OfferRequest:
    """What ``planner offer`` asks for."""

    people: Sequence[str]
    count: int = 3
    first_day: date | None = None
    purpose: str | None = None
    near: str | None = None
    zone: str = ""  # the counterpart's time zone; "" = the user's
    title: str = ""
    valid_days: int | None = None
    meeting_uid: str = ""  # the calendar meeting the offer is for (``--for``): its counterpart


def _not_to_self(config: Config, people: Sequence[str]) -> None:
    """An offer is made to someone else: ``--with`` the user's own address is a usage error
    before anything is proposed (it named ``--to``, the option of ``planner invite``)."""
    from planner.people.addresses import address_key, user_keys
    from planner.people.names import parse_mailbox

    mine = user_keys(config)
    if people and all(address_key(parse_mailbox(p)[1]) in mine for p in people):
        raise UsageError(_("--with: give the address of someone besides yourself"))


def make_offers(
    config: Config,
    ledger: Store,
    state: Store,
    request: OfferRequest,
    *,
    now: datetime,
    progress: Callable[[str], None] | None = None,
) -> tuple[list[Offer], list[str]]:
    """One offer per counterpart, each with up to ``count`` options, and notes (why one has
    fewer, or none). Nothing is kept yet (:func:`keep`); the options are listed as proposals,
    as ``planner propose`` lists them. The options of an earlier counterpart are held while
    the next one's are chosen, so two offers never offer the same time."""
    from planner.flows.listed import save_proposals
    from planner.flows.propose import propose_for

    if not 1 <= request.count <= MAX_OPTIONS:
        raise UsageError(_("an offer has one to {most} options", most=MAX_OPTIONS))
    _not_to_self(config, request.people)
    zone = _zone(request.zone, config)
    offers: list[Offer] = []
    notes: list[str] = []
    made: list[Offer] = []
    for person in [*dict.fromkeys(request.people)] or [None]:
        with _holding(state, made, now):
            result = propose_for(
                config, ledger, person, now=now, first_day=request.first_day,
                purpose=request.purpose, near=request.near, count=request.count,
                progress=progress, meeting_uid=request.meeting_uid or None,
            )  # fmt: skip
        if person is None:
            _one_counterpart(request.meeting_uid, result)
        data = result.to_json()
        save_proposals(state, data, now)
        if not result.proposals:
            notes.append(
                _(
                    "no option to offer {who}: {why}",
                    who=result.name or person,
                    why="; ".join(result.notes) or _("no free time with an open venue"),
                )
            )
            continue  # fmt: skip
        offer = _offer(config, state, request, result, data, zone, now)
        if result.met:  # made all the same: the user decides
            notes.append(f"{offer.name or offer.counterpart}: {result.met}")
        if len(offer.options) < min(2, request.count):
            notes.append(_("only one option for {who}: another week (--week) or place "
                           "(--near) gives more", who=offer.name or offer.counterpart))  # fmt: skip
        offers.append(offer)
        made.append(offer)
    return offers, notes


def _one_counterpart(uid: str, result: Any) -> None:
    """An offer is one person's choice: a meeting with several counterparts gets proposals
    and an invitation to all of them instead (two offers could be picked differently)."""
    if len(result.people) > 1:
        names = [n or p for p, n in zip(result.people, result.names or result.people, strict=False)]
        raise UsageError(
            ngettext("--for {uid}: an offer is one person's choice, and this meeting has "
                     "{count} counterpart ({who})", "--for {uid}: an offer is one person's "
                     "choice, and this meeting has {count} counterparts ({who})",
                     len(result.people), uid=uid, who=", ".join(names)),
            hint=_("'planner propose --for {uid}' and 'planner invite --proposal ID' invite "
                   "them all", uid=uid),
        )  # fmt: skip


def _zone(text: str, config: Config) -> str:
    from planner.ical.tzids import typed_zone

    return typed_zone(text) if text.strip() else config.user["timezone"]


class _holding:
    """While the next counterpart's options are chosen, the offers made so far hold their
    times (kept in a table of the state database only for that moment)."""

    def __init__(self, store: Store, offers: list[Offer], now: datetime) -> None:
        self.store, self.offers, self.now = store, offers, now

    def __enter__(self) -> None:
        if self.offers:
            with self.store.conn:
                for offer in self.offers:
                    Offers(self.store)._write(offer)

    def __exit__(self, *exc: object) -> None:
        if self.offers:
            with self.store.conn:
                for offer in self.offers:
                    self.store.conn.execute(
                        "DELETE FROM offers WHERE id = ? AND revision = ? AND status = ?",
                        (offer.id, offer.revision, offer.status),
                    )


def _offer(
    config: Config,
    state: Store,
    request: OfferRequest,
    result: Any,
    data: dict[str, Any],
    zone: str,
    now: datetime,
) -> Offer:
    from planner.flows.invitations import InviteOptions, from_proposal
    from planner.invite.sentlog import invitation_to_json

    chronological = sorted(data["proposals"], key=lambda p: datetime.fromisoformat(p["start"]))

    def invited(title: str) -> list[Invitation]:
        return [
            from_proposal(
                config, state, p["id"], InviteOptions(title=title, separate=True), now=now
            ).resolved()
            for p in chronological
        ]

    meetings = invited(request.title)
    kinds = {str(p.get("kind", "")) for p in chronological}
    mixed = len(kinds) > 1 or "@" in (data.get("name") or "@")
    if not request.title and not data.get("meeting") and mixed:  # a meeting's: its own title
        meetings = invited(_one_title(config, data, kinds.pop() if len(kinds) == 1 else ""))
    options = [
        Option(number, proposal, invitation_to_json(meeting), meeting.venue_hours)
        for number, (proposal, meeting) in enumerate(zip(chronological, meetings, strict=True), 1)
    ]
    days = request.valid_days or config["offer"]["valid_days"]
    person = result.people[0]
    return Offer(
        id=offer_id(person, options),
        counterpart=person,
        name=result.names[0] if result.names else "",
        zone=zone,
        user_zone=config.user["timezone"],
        organizer=config.user["name"] or _("your host"),
        title=options[0].invitation["title"],
        purpose=result.purpose.value,
        language=config.user["language"],
        options=tuple(options),
        created_at=now.astimezone(ZoneInfo("UTC")),
        expires_at=expiry(days, now, options),
        topic=request.title,
    )


def _one_title(config: Config, data: dict[str, Any], kind: str) -> str:
    """The offer's title: the invitation's default title, without a kind when the options
    are of different kinds ("Meeting: Anna Berger & Bob Ray"), and without the counterpart's
    address where no name is known (the page shows nobody's address). An offer has one title,
    on its page, in its mail and in the calendar entry of whichever option is picked."""
    from planner.flows.invitations import _default_title

    name = data.get("name") or ""
    if "@" in (name or "@"):
        name = (data["with"][0] if data.get("with") else name).partition("@")[0]
    return _default_title(kind, {**data, "name": name}, config)


def keep(state: Store, offers: Sequence[Offer]) -> list[Offer]:
    """Keep ``offers`` (an earlier open offer to the same person is replaced); the offers as
    stored (one made before keeps its status)."""
    book = Offers(state)
    return [book.save(offer) for offer in offers]


def describe(offer: Offer) -> list[str]:
    """Who, which times and places, until when: what ``planner offer`` says before it sends."""
    from planner.i18n import day_span, day_time, local_span
    from planner.people.names import format_mailbox

    lines = [
        _("Offer {id} to {who}: {title}", id=offer.id,
          who=format_mailbox(offer.name, offer.counterpart), title=offer.title),
    ]  # fmt: skip
    for option in offer.options:
        start = option.start.astimezone(offer.user_tz)
        end = option.end.astimezone(offer.user_tz)
        venue = option.venue
        place = ", ".join(p for p in (venue.get("name", ""), venue.get("address", "")) if p)
        day = day_span(start, end) + local_span(start, end, option.zone, offer.user_tz)
        lines.append(f"  {option.number}. {day} · {place}")
    until = offer.expires_at.astimezone(offer.user_tz)
    when = day_time(until)
    lines.append(_("  valid until {when} ({zone}), each time until it begins", when=when,
                   zone=offer.user_zone))  # fmt: skip
    return lines


def send_offer(
    config: Config, state: Store, offer: Offer, message: Any, *, now: datetime | None = None
) -> Offer:
    """Send the offer's e-mail ``message`` (:func:`planner.invite.offer_mail.offer_message`)
    per ``[smtp]``, and note it on the offer."""
    from planner.invite.mail import SmtpSettings, send_message

    result = send_message(message, SmtpSettings.from_config(config), [offer.counterpart])
    book = Offers(state)
    current = book.require(offer.id)
    return book.change(current, sent=result.message_id)


def note_written(state: Store, offer: Offer, path: str) -> Offer:
    """Note that the offer's page was written to ``path`` (the user sends it)."""
    book = Offers(state)
    current = book.require(offer.id)
    if current.sent:
        return current
    return book.change(current, sent=f"file:{path}")
