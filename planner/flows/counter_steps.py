"""The next step for a counter that is not simply another time of a timed meeting
(:func:`planner.flows.followup_steps.next_step`): whole days proposed (DATE values, as Outlook,
Apple and Thunderbird write a proposal of a day), and an answer whose mail says another time
was proposed in its text only (Google Calendar's "propose a new time" to an organizer outside
Google).

Days are days: ``Thu 10 Dec, all day``, never a midnight in the user's zone. For an all-day
meeting, accepting moves its days (``--update … --date … --days …``). For a timed meeting,
planner does not pick a time for the counterpart: the command to accept has ``HH:MM`` where
the user puts the time they choose (run as it stands, it stops with a clear error rather
than making a 00:00 meeting); keeping the own time is the other way.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC
from typing import TYPE_CHECKING

from planner.flows.counter_words import days_words
from planner.flows.followup_steps import InviteState, clash_words, hold_too, send_again
from planner.i18n import _, ngettext

if TYPE_CHECKING:
    from planner.config import Config
    from planner.model import Event
    from planner.store import Store

#: what stands for the time the user chooses in a command that accepts a day
TIME_TO_CHOOSE = "HH:MM"


def special_step(
    state: InviteState, config: Config, store: Store, events: Sequence[Event] | None
) -> InviteState | None:
    """The next step for a counter of whole days or an answer proposing another time in its
    mail text only (see the module); None for any other state
    (:func:`planner.flows.followup_steps.next_step` tells it)."""
    keep = send_again(state.uid)
    if state.text_proposal and state.status in ("tentative", "declined", "accepted"):
        return proposed_in_text(state, keep)
    if state.status != "countered" or not state.whole_days or not state.proposed:
        return None
    busy = clash_words(events or (), *state.proposed, state.uid, config, whole_days=True,
                       all_day=state.all_day)  # fmt: skip
    return countered_days(state, checked=events is not None, away=busy,
                          hold=hold_too(config, store, state.uid), keep=keep)  # fmt: skip


def countered_days(
    state: InviteState, *, checked: bool, away: Sequence[str], hold: tuple[str, ...], keep: str
) -> InviteState:
    """A counter of whole days (see the module): ``checked`` whether the user's calendars were
    read, ``away`` what the user has in their calendars those days
    (:func:`planner.flows.followup_steps.clash_words`), ``hold`` the options
    that move the hold as well, ``keep`` the command that keeps the own time."""
    assert state.proposed_days is not None
    first, last = state.proposed_days
    who = state.name or state.counterpart
    when = days_words(first, last)
    count = (last - first).days + 1
    if not state.all_day:
        minutes = int((state.end.astimezone(UTC) - state.start.astimezone(UTC)).total_seconds())
        start = f"{first:%Y-%m-%d}T{TIME_TO_CHOOSE}"
        if state.zone:
            start = f"{first:%Y-%m-%d} {TIME_TO_CHOOSE} {state.zone}"
        accept = ["planner", "invite", "--update", state.uid, "--start", start, "--duration",
                  str(max(5, minutes // 60)), "--send", *hold]  # fmt: skip
        step = ngettext(
            "{who} proposes {when}: a whole day, not a time. To accept, choose a time that day "
            "and run the first command with it in place of {placeholder}; or keep your time "
            "with the second",
            "{who} proposes {when}: whole days, not a time. To accept, choose a day and a time "
            "and run the first command with them in place of its date and {placeholder}; or "
            "keep your time with the second",
            count, who=who, when=when, placeholder=TIME_TO_CHOOSE,
        )  # fmt: skip
        if away:  # what the user has in their calendars those days: choose around it
            step = _("{step} (in your calendars then: {busy})", step=step, busy="; ".join(away))
        return replace(state, next_step=step, command=shlex.join(accept),
                       alternative=keep, conflicts=tuple(away))  # fmt: skip
    if (first, state.days) == (state.start.date(), count):
        return replace(
            state,
            next_step=_("{who} proposes other details at the same time; see their answer",
                        who=who),
        )  # fmt: skip
    days = ["--days", str(count)] if count > 1 else []
    accept = shlex.join(["planner", "invite", "--update", state.uid, "--date",
                         first.isoformat(), *days, "--send", *hold])  # fmt: skip
    if away:
        return replace(
            state,
            next_step=_("{who} proposes {when}, which does not fit ({why}); keep your time",
                        who=who, when=when, why="; ".join(away)),
            command=keep, alternative=accept, conflicts=tuple(away),
        )  # fmt: skip
    words = _("free in your calendars") if checked else _("calendars not checked")
    return replace(
        state,
        next_step=_("{who} proposes {when} ({checked}): accept it, or keep your time",
                    who=who, when=when, checked=words),
        command=accept, alternative=keep,
    )  # fmt: skip


def timed_for_all_day(state: InviteState) -> InviteState:
    """A time proposed for an all-day meeting: accepting makes it a meeting at that time."""
    if not state.all_day or state.whole_days or "--update" not in state.command + state.alternative:
        return state
    return replace(
        state,
        next_step=_("{step}; accepting makes it a meeting at that time, no longer all day",
                    step=state.next_step),
    )  # fmt: skip


def proposed_in_text(state: InviteState, keep: str) -> InviteState:
    """An answer whose mail says, in its text only, that another time was proposed; ``keep``
    is the command that keeps the own time."""
    who = state.name or state.counterpart
    step = _(
        "{who} proposed another time in the mail text only, which planner cannot read: read "
        "their mail, then move the meeting with 'planner invite --update {uid} --start …', or "
        "keep your time with this command",
        who=who, uid=state.uid,
    )  # fmt: skip
    return replace(state, next_step=step, command=keep, alternative="")
