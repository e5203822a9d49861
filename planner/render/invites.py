"""Output of ``planner invites`` and the invitation states ``planner week`` shows on flagged
meetings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from planner.flows.counter_words import days_words, proposed_when, there
from planner.i18n import _, ngettext
from planner.render.labels import short_day

if TYPE_CHECKING:
    from planner.flows.followup import InviteState


def status_label(state: InviteState) -> str:
    """``accepted`` · ``countered: Wed 9 Dec 13:00–14:00`` · ``no answer for 4 days`` …"""
    if state.status == "countered" and state.proposed:
        return _("countered: {when}", when=proposed_words(state))
    if state.text_proposal and state.status in ("accepted", "tentative", "declined"):
        return _("{answer}; proposed another time (in the mail text only)",
                 answer=_plain_label(state.status))  # fmt: skip
    if state.status == "no_answer":
        if state.earlier:
            return earlier_label(state.earlier)
        if state.waiting_days == 0:
            return _("no answer yet")
        return ngettext(
            "no answer for {count} day", "no answer for {count} days", state.waiting_days
        )
    return _plain_label(state.status)


def _plain_label(status: str) -> str:
    return {
        "accepted": _("accepted"),
        "tentative": _("tentative"),
        "declined": _("declined"),
        "delegated": _("delegated"),
        "undelivered": _("not delivered"),
        "not_sent": _("written, not sent"),
        "cancelled": _("cancelled"),
    }.get(status, status)


def earlier_label(status: str) -> str:
    """What an answer to an earlier revision said: ``accepted the earlier time`` …"""
    return {
        "accepted": _("accepted the earlier time"),
        "tentative": _("tentative for the earlier time"),
        "declined": _("declined the earlier time"),
        "countered": _("proposed another time before the change"),
        "taken": _("their time was taken; waiting for their answer to the update"),
        "delegated": _("passed the earlier invitation on"),
    }.get(status, status)


def when_label(state: InviteState, *, end: bool = True) -> str:
    """``Wed 10 Mar 09:00–10:00``; an all-day invitation by its days: ``Wed 10 Mar, all
    day``, ``Wed 10 Mar – Fri 12 Mar, all day`` (never ``00:00–00:00``)."""
    first = short_day(state.start.date())
    if state.all_day:
        return days_words(state.start.date(), state.start.date() + timedelta(state.days - 1))
    from planner.i18n import hh_mm, twice, until

    if not end:
        return f"{first} {hh_mm(state.start, twice(state.start))}" + there(
            state.start, None, state.zone
        )
    span = f"{hh_mm(state.start, twice(state.start, state.end))}–{until(state.start, state.end)}"
    return f"{first} {span}" + there(state.start, state.end, state.zone)


def proposed_words(state: InviteState) -> str:
    """What ``state``'s counterpart proposed instead, in the words every view uses
    (:func:`planner.flows.counter_words.proposed_when`)."""
    assert state.proposed is not None
    start, end = state.proposed
    return proposed_when(start, end, start.tzinfo, whole_days=state.whole_days, zone=state.zone)


def state_line(state: InviteState | Any) -> str:
    """One line for a flagged meeting: who, which invitation, the answer, the next step (or
    which offer, its state, the next step)."""
    from planner.flows.followup import InviteState

    if not isinstance(state, InviteState):  # an offer (render.offer_list.OfferState)
        return state.line()
    when = when_label(state, end=False)
    who = ", ".join(name or address for name, address in state.people)
    line = _("invitation {when} to {who}: {status}", when=when, who=who,
             status=status_label(state))  # fmt: skip
    if state.command and state.alternative.startswith("planner "):  # two ways on: name both
        return _("{line} → {command} (or {other})", line=line, command=state.command,
                 other=state.alternative)  # fmt: skip
    return f"{line} → {state.command}" if state.command else line


def invites_table(
    states: Sequence[InviteState], nudge_days: int, *, color: bool = False, width: int = 120
) -> str:
    from rich.markup import escape

    from planner.render.fit import (
        Column,
        commands_apart,
        console,
        fitted_table,
        hanging,
        is_command,
        pointer,
        print_commands,
    )
    from planner.render.places import short_place

    out = console(color, width)
    if not states:
        out.print(_("No open invitations. 'planner invite … --send' sends one."), markup=False)
        return out.file.getvalue()  # type: ignore[attr-defined]
    columns = [
        Column(_("Meeting"), flex=True, min=14),
        Column(_("Counterpart"), flex=True, min=14, keep_words=True),
        Column(_("Answer"), flex=True, min=18),
    ]

    def rows_for(below: Sequence[str]) -> list[list[str]]:
        rows = []
        for state in states:
            when = when_label(state)
            meeting = "\n".join(filter(None, (state.title, when, short_place(state.place or ""))))
            ways = [pointer(c, below) for c in (state.command, state.alternative)]
            step = "\n".join(filter(None, (state.next_step, *ways)))
            who = people_lines(state)
            answer = f"[bold]{escape(status_label(state))}[/bold]\n{escape(step)}"
            rows.append([escape(meeting), escape(who), answer])
        return rows

    commands = [c for s in states for c in (s.command, s.alternative) if is_command(c)]
    rows, below = commands_apart(columns, rows_for, commands, width, 2)
    out.print(fitted_table(columns, rows, width, show_lines=True))
    print_commands(out, below)
    note = ngettext(
        "A reminder is suggested after {count} day without answer ([invite] nudge_days).",
        "A reminder is suggested after {count} days without answer ([invite] nudge_days).",
        nudge_days,
    )
    out.print(hanging(note, width), markup=False)
    return out.file.getvalue()  # type: ignore[attr-defined]


def people_lines(state: InviteState) -> str:
    """Who an invitation state is for, each person with their own address: name and address,
    or the address alone."""
    return "\n".join(f"{name}\n<{address}>" if name else address for name, address in state.people)


def invites_json(states: Sequence[InviteState]) -> str:
    from planner.render.json import dumps

    return dumps({"invitations": [state_json(s) for s in states]})


def attach_states(data: dict[str, Any], invites: Mapping[str, Sequence[InviteState | Any]]) -> None:
    """Add ``invitations`` (status, label, line, next step) to the flagged events of the
    week's JSON view (``week_to_dict``), which the HTML page is drawn from."""
    for event in data.get("events", []):
        states = invites.get(event.get("uid", ""))
        if states:
            event["invitations"] = [state_json(s) for s in states]


def state_json(state: InviteState | Any) -> dict[str, Any]:
    """One counterpart's invitation state (or an offer's) as JSON, with the words the other
    outputs show."""
    from planner.flows.followup import InviteState

    if not isinstance(state, InviteState):  # an offer (render.offer_list.OfferState)
        return state.to_json()
    return state.to_json() | {"label": status_label(state), "line": state_line(state)}
