"""The offers in ``planner invites``: each with its state (open, being booked, picked, expired,
none fits, withdrawn) and the next step as a ready command."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from planner.flows.offers import (
    BOOKING,
    EXPIRED,
    NONE_FITS,
    OPEN,
    PICKED,
    REPLACED,
    WITHDRAWN,
    Offer,
    pick_label,
)
from planner.i18n import _, day_span, hh_mm, ngettext, twice
from planner.render.labels import short_day

SHOWN_DAYS = 30  # offers made this long ago are still listed


def listed(offers: Sequence[Offer], now: datetime) -> list[Offer]:
    """The offers worth listing: not replaced by a newer one, made in the last 30 days or
    still waiting for something."""
    since = now - timedelta(days=SHOWN_DAYS)
    return [o for o in offers if o.status != REPLACED and (o.created_at >= since or
            o.state(now) in (OPEN, BOOKING))]  # fmt: skip


def state_label(offer: Offer, now: datetime) -> str:
    state = offer.state(now)
    tz = offer.user_tz
    if state == OPEN:
        until = offer.expires_at.astimezone(tz)
        left = len(offer.pickable(now))
        return ngettext("open: {count} option until {day} {time}",
                        "open: {count} options until {day} {time}", left,
                        day=short_day(until.date()), time=hh_mm(until, twice(until)))  # fmt: skip
    if state == BOOKING:
        return _("being booked: {choice}", choice=pick_label(offer))
    if state == PICKED and offer.booked.get("message"):
        return _("picked and accepted: {choice}", choice=pick_label(offer))
    if state == PICKED:
        return _("picked: {choice}", choice=pick_label(offer))
    if state == NONE_FITS:
        return _("none fits") + (f": {_range(offer)}" if offer.counter else "")
    return {EXPIRED: _("expired without answer"), WITHDRAWN: _("withdrawn")}.get(state, state)


def _range(offer: Offer) -> str:
    assert offer.counter is not None
    start, end = (t.astimezone(offer.user_tz) for t in offer.counter)
    return day_span(start, end)


def next_step(offer: Offer, now: datetime) -> tuple[str, str]:
    """What to do next, and the command that does it."""
    state = offer.state(now)
    if state in (BOOKING, PICKED) and not offer.booked.get("message"):
        problem = offer.booked.get("problem", "")
        text = _("book it: into your calendar, and the invitation out")
        if problem:
            text = _("not booked yet: {problem}", problem=problem)
        return text, f"planner offer --book {offer.id} --send"
    if state == PICKED and offer.booked.get("second"):  # booked beside another meeting
        uid = offer.booked.get("second_uid", "")
        command = f"planner invite --cancel {uid} --send" if uid else ""
        return _("booked, and {existing}: cancel one if two are too many",
                 existing=offer.booked["second"]), command  # fmt: skip
    if state == PICKED:
        return _("confirmed; nothing to do"), ""
    if state == NONE_FITS:
        text = _("they wrote: {words}", words=offer.comment) if offer.comment else ""
        command = f"planner propose --with {offer.counterpart}"
        if offer.counter:
            start = offer.counter[0].astimezone(offer.user_tz)
            command = f"planner offer --with {offer.counterpart} --week {start:%Y-%m-%d}"
        return text or _("offer other times"), command
    if state == EXPIRED:
        return _("no answer in time"), f"planner offer --with {offer.counterpart}"
    if state == OPEN:
        return _("waiting for their choice"), ""
    return "", ""


def offers_table(
    offers: Sequence[Offer], now: datetime, *, color: bool = False, width: int = 120
) -> str:
    """The offers as a table that fits ``width`` columns (80 and up), like the invitations'.
    Three columns, none of which splits or cuts a word: the offer (its id, whom it went to,
    its title), its state and the next step; an address or a date is never shown in part."""
    from rich.markup import escape

    from planner.render.fit import (
        Column,
        commands_apart,
        console,
        fitted_table,
        pointer,
        print_commands,
    )

    out = console(color, width)
    columns = [
        Column(_("Offer"), flex=True, min=14, keep_words=True),
        Column(_("State"), flex=True, min=12, keep_words=True),
        Column(_("Next step"), flex=True, min=18, keep_words=True),
    ]

    def rows_for(below: Sequence[str]) -> list[list[str]]:
        rows = []
        for offer in offers:
            who = f"{offer.name} <{offer.counterpart}>" if offer.name else offer.counterpart
            text, command = next_step(offer, now)
            step = "\n".join(filter(None, (text, pointer(command, below))))
            rows.append([escape(f"{offer.id}\n{who}\n{offer.title}"),
                         escape(state_label(offer, now)), escape(step)])  # fmt: skip
        return rows

    commands = [c for offer in offers if (c := next_step(offer, now)[1])]
    rows, below = commands_apart(columns, rows_for, commands, width, 2)
    out.print(_("Offers"), markup=False)
    out.print(fitted_table(columns, rows, width, show_lines=True))
    print_commands(out, below)
    return out.file.getvalue()  # type: ignore[attr-defined]


def offers_json(offers: Sequence[Offer], now: datetime) -> list[dict[str, Any]]:
    from planner.render.offer_text import json_summary

    result = []
    for offer in offers:
        text, command = next_step(offer, now)
        item = json_summary(offer, now)
        item.update(label=state_label(offer, now), next_step=text, command=command)
        result.append(item)
    return result


class OfferState:
    """An offer as the week shows it on a flagged meeting, beside the invitations' states
    (:func:`planner.render.invites.state_line`): its state and its next step."""

    def __init__(self, offer: Offer, now: datetime) -> None:
        self.offer, self.now = offer, now
        self.status = offer.state(now)

    def line(self) -> str:
        """ "offer k7m2qa to Bob Ray: open: 3 options until Thu 10 Dec 18:00; waiting for
        their choice" (and the command, where one is the next step)."""
        offer = self.offer
        text, command = next_step(offer, self.now)
        who = offer.name or offer.counterpart
        line = _("offer {id} to {who}: {state}", id=offer.id, who=who,
                 state=state_label(offer, self.now))  # fmt: skip
        line = f"{line}; {text}" if text else line
        return f"{line} → {command}" if command else line

    def to_json(self) -> dict[str, Any]:
        text, command = next_step(self.offer, self.now)
        return offers_json([self.offer], self.now)[0] | {
            "status": self.status, "next_step": text, "command": command, "line": self.line()
        }  # fmt: skip
