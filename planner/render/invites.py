"""Output of ``planner invites`` and the invitation states ``planner week`` shows on flagged
meetings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from planner.i18n import _
from planner.render.labels import short_day

if TYPE_CHECKING:
    from planner.flows.followup import InviteState


def status_label(state: InviteState) -> str:
    """``accepted`` · ``countered: Wed 9 Dec 13:00–14:00`` · ``no answer for 4 days`` …"""
    if state.status == "countered" and state.proposed:
        start, end = state.proposed
        when = f"{short_day(start.date())} {start:%H:%M}–{end:%H:%M}"
        return _("countered: {when}", when=when)
    if state.status == "no_answer":
        if state.waiting_days == 0:
            return _("no answer yet")
        return _("no answer for {days} days", days=state.waiting_days)
    return {
        "accepted": _("accepted"),
        "tentative": _("tentative"),
        "declined": _("declined"),
        "delegated": _("delegated"),
        "undelivered": _("not delivered"),
        "not_sent": _("written, not sent"),
    }.get(state.status, state.status)


def state_line(state: InviteState) -> str:
    """One line for a flagged meeting: who, which invitation, the answer, the next step."""
    start = state.start
    when = f"{short_day(start.date())} {start:%H:%M}"
    line = _("invitation {when} to {who}: {status}", when=when, who=state.name or state.counterpart,
             status=status_label(state))  # fmt: skip
    return f"{line} → {state.command}" if state.command else line


def invites_table(states: Sequence[InviteState], nudge_days: int, *, color: bool = False) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from planner.render.safe import SafeBuffer  # titles and places come from calendars

    out = Console(file=SafeBuffer(color), force_terminal=color, no_color=not color, width=160,
                  highlight=False, emoji=False)  # fmt: skip
    if not states:
        out.print(_("No open invitations. 'planner invite … --send' sends one."))
        return out.file.getvalue()  # type: ignore[attr-defined]
    table = Table(show_lines=True)
    table.add_column(_("Meeting"), overflow="fold", ratio=2)
    table.add_column(_("Counterpart"), overflow="fold")
    table.add_column(_("Status"), overflow="fold")
    table.add_column(_("Next step"), overflow="fold", ratio=3)
    for state in states:
        when = f"{short_day(state.start.date())} {state.start:%H:%M}–{state.end:%H:%M}"
        meeting = "\n".join(filter(None, (state.title, when, state.place)))
        step = "\n".join(filter(None, (state.next_step, state.command, state.alternative)))
        who = f"{state.name} <{state.counterpart}>" if state.name else state.counterpart
        table.add_row(Text(meeting), Text(who), Text(status_label(state)), Text(step))
    out.print(table)
    out.print(
        _("A reminder is suggested after {days} days without answer ([invite] nudge_days).",
          days=nudge_days),
        markup=False,
    )  # fmt: skip
    return out.file.getvalue()  # type: ignore[attr-defined]


def invites_json(states: Sequence[InviteState]) -> str:
    from planner.render.json import dumps

    return dumps({"invitations": [s.to_json() | {"label": status_label(s)} for s in states]})


def attach_states(data: dict[str, Any], invites: Mapping[str, Sequence[InviteState]]) -> None:
    """Add ``invitations`` (status, label, line, next step) to the flagged events of the
    week's JSON view (``week_to_dict``), which the HTML page is drawn from."""
    for event in data.get("events", []):
        states = invites.get(event.get("uid", ""))
        if states:
            event["invitations"] = [
                s.to_json() | {"label": status_label(s), "line": state_line(s)} for s in states
            ]
