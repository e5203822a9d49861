"""The two-step ``offer`` tool: two to five times and places sent to a counterpart to choose
from (as ``planner offer --send``). The dry run shows the options and the e-mail; the
confirmed call keeps the offer and sends it, once."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

from pydantic import Field

from planner.assist import inputs
from planner.assist.outputs import Person, WriteStep
from planner.assist.registry import Action, write_tool
from planner.assist.workspace import Workspace
from planner.errors import UsageError
from planner.i18n import _
from planner.model import Purpose

if TYPE_CHECKING:
    from planner.flows.offers import Offer


@write_tool("Offer times and places to choose from", week="week_of")
def offer(
    ws: Workspace,
    with_email: Annotated[str, Field(description='The counterpart: "Name <address>" or address')],
    count: Annotated[int, Field(ge=2, le=5, description="How many options (two to five)")] = 3,
    purpose: Annotated[Purpose | None, Field(description="Default: as propose")] = None,
    week_of: Annotated[date | None, Field(description="A day of the week to offer")] = None,
    near: Annotated[str | None, Field(description="Meet near this city or address")] = None,
    zone: Annotated[str, Field(description="The counterpart's time zone (IANA)")] = "",
    title: Annotated[str, Field(description="The meeting's title")] = "",
    force: Annotated[
        bool,
        Field(
            description="Send even though the counterpart has an open invitation or offer "
            "already (an open offer is replaced)"
        ),
    ] = False,
) -> Action:
    """Send a counterpart an offer: two to five times and places to choose from, each with
    its time in both zones, the venue (address, opening hours, map), travel for both and why
    this place, an .ics and an accept link; their choice is read back by `planner replies`, or
    booked at once on the page `planner serve` shows. The options are held until then. Two
    steps: without `confirm` nothing is sent or kept and the answer is the dry run (the options
    and the e-mail) with a `confirm` token; call again with the same arguments and that token
    to send it, once. A counterpart who has an open invitation or offer already is named, and
    no token given unless `force`. As `planner offer --with … --send`."""
    from planner.flows import offer_making as making
    from planner.flows.already_invited import before_offer, refuse, said
    from planner.render.offer_message import offer_email, preview

    inputs.mailbox(with_email, "with_email")
    inputs.upcoming_week(week_of, ws.now)
    request = making.OfferRequest(
        (with_email,), count=count, first_day=ws.first_day if week_of else None,
        purpose=purpose.value if purpose else None, near=near, zone=zone, title=title,
    )  # fmt: skip
    offers, notes = making.make_offers(ws.config, ws.ledger, ws.state, request, now=ws.now)
    ws.warnings.extend(notes)
    if not offers:
        raise UsageError(_("nothing to offer"), hint=_("try another week_of or near"))
    item = offers[0]
    message = offer_email(ws.config, item)
    first = item.options[0]
    step = WriteStep(
        done=False,
        action=_("send the offer by e-mail to {who}", who=item.counterpart),
        who=[Person(email=item.counterpart, name=item.name)],
        start=first.start.astimezone(ws.config.tz),
        end=first.end.astimezone(ws.config.tz),
        where=", ".join(filter(None, (first.venue.get("name"), first.venue.get("address")))),
        title=item.title,
        details={"offer": item.id, "options": "\n".join(making.describe(item)[1:])},
        preview=preview(message),
    )
    blocked = _("the demo sends nothing; start planner mcp with your own config to send")
    if not ws.demo:
        from planner.assist.writing import _mail_problem

        blocked = _mail_problem(ws)
    second = before_offer(ws.state, item, ws.now)  # two meetings for them?
    if second and not force and not blocked:
        try:
            refuse(second, ws.config.tz, tool=True, offer=True)
        except UsageError as exc:
            blocked = str(exc)
    else:
        ws.warnings.extend(said(second, ws.config.tz))

    def perform() -> str:
        (kept,) = making.keep(ws.state, [item])
        sent = making.send_offer(ws.config, ws.state, kept, offer_email(ws.config, kept))
        return _("sent offer {id} to {who} ({message})", id=kept.id, who=kept.counterpart,
                 message=sent.sent)  # fmt: skip

    return Action(step, _decision(ws, item) | {"force": force}, perform, blocked)


def _decision(ws: Workspace, item: Offer) -> dict[str, object]:
    """What the token is bound to: what the user agrees to (to whom, which options as they
    will be sent, the title, the counterpart's zone, how many days the offer holds), never a
    value computed from the clock: the expiry counts from the moment of sending, which the
    confirming call reaches later than its dry run (a token bound to it never matched)."""
    return {
        "deed": "offer",
        "offer": item.id,
        "to": item.counterpart,
        "name": item.name,
        "title": item.title,
        "zone": item.zone,
        "options": [(o.invitation, o.hours) for o in item.options],
        "valid_days": ws.config["offer"]["valid_days"],
    }
