"""``planner invite --cancel UID --hold``: the hold planner wrote for a meeting taken out of the
user's calendar with the cancellation, and only that.

A hold comes out only while it is still planner's: one of the holds planner wrote for this
meeting (any revision), as written: title, time, place, notes and guests. One the user changed
in their calendar app (retitled, moved, a guest added or removed, notes written) is theirs now:
it stays, and the run says what they changed and that they delete it there if they want it
gone. A meeting of the user's own calendar is never touched; only the hold planner wrote
beside it (:func:`planner.model.hold_uid`) can come out.

Two steps, as holding: :func:`plan_removal` reads the calendar and says what will happen (a
dry run says it too); :func:`remove` does it: the provider deletes the hold
(:meth:`providers.base.CalendarProvider.remove_held`) only while it is still planner's and
shows what the plan read (a change made in between keeps it:
:func:`providers.base.changed_meanwhile`; an event planner did not write under that UID is
never deleted: :func:`providers.base.not_ours`). Once it is out, the state forgets the guests
it showed and keeps the calendar it was taken out of (:func:`planner.flows.holding.removed_from`):
the same command run again looks there and says the hold is out already.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import tzinfo

from planner.config import Config
from planner.errors import NotSupportedError, PlannerError, UsageError
from planner.flows.hold_edits import FIELDS, changed, guests
from planner.flows.holding import (
    GUESTS,
    forget_calendar,
    held_form,
    hold_calendar,
    recorded_calendar,
    removed_from,
)
from planner.i18n import _, day_span
from planner.invite.sentlog import PreparedInvite
from planner.model import Event, Status
from planner.store import Store

log = logging.getLogger("planner")


@dataclass(frozen=True, slots=True)
class Removal:
    """What :func:`remove` will do in ``calendar``: take out ``there`` (the hold as it stands
    under ``uid``, planner's own: ``removes``), or leave it (``theirs``: what the user changed
    in it), or nothing (no hold there). ``meeting``: the UID of the cancelled meeting."""

    calendar: str
    uid: str = ""
    there: Event | None = None
    theirs: tuple[str, ...] = ()
    removes: bool = False
    meeting: str = ""
    #: planner took this meeting's hold out of ``calendar`` before (a run again)
    removed: bool = False

    def lines(self, tz: tzinfo) -> list[str]:
        """What the removal does, as ``planner invite --cancel … --hold`` says it first."""
        if self.there is None and self.removed:
            return [_("  hold: already taken out of {calendar}; nothing to do",
                      calendar=self.calendar)]  # fmt: skip
        if self.there is None:
            return [_("  hold: none of this meeting in {calendar}; nothing to take out",
                      calendar=self.calendar)]  # fmt: skip
        what = _describe(self.there, tz)
        if self.removes:
            return [_("  hold: {what} comes out of {calendar}", what=what,
                      calendar=self.calendar)]  # fmt: skip
        return [_("  hold: {what} in {calendar} was changed there ({changes}); it is yours now "
                  "and stays (delete it in your calendar app if you want it gone)", what=what,
                  calendar=self.calendar, changes="; ".join(self.theirs))]  # fmt: skip


def plan_removal(
    config: Config, store: Store, prepared: PreparedInvite, calendar: str = ""
) -> Removal:
    """What taking the hold of the cancelled meeting ``prepared`` out of ``calendar`` (default:
    where it was written, else where it was taken out of before, else the first writable
    calendar) does; nothing is written."""
    from planner.calendar.sources import context_for
    from providers.base import create

    gone = removed_from(config, store, prepared.uid)
    name = hold_calendar(
        config, store, calendar or recorded_calendar(config, store, prepared.uid) or gone
    )
    source = next(s for s in config.calendars if s.name == name)
    provider = create(source, context_for(config, store))
    try:
        for uid, ours in _ours(store, prepared, provider.holds_guests).items():
            there = provider.held(uid)
            if there is None or there.status is Status.CANCELLED:
                continue
            seen = store.get(GUESTS, uid)  # the guests it showed when written (None: unknown)
            if any(_same(e, there, seen) for e in ours):
                return Removal(name, uid, there, removes=True, meeting=prepared.uid)
            closest = ours[-1] if ours else there
            theirs = tuple(changed(closest, there, config.tz))
            return Removal(name, uid, there, theirs, meeting=prepared.uid)
    finally:
        provider.close()
    return Removal(name, meeting=prepared.uid, removed=name == gone)


def remove(config: Config, store: Store, plan: Removal) -> bool:
    """Take the hold of ``plan`` out, while it is as planned (else the provider's refusal,
    :func:`providers.base.changed_meanwhile`); whether it was there to take out (a hold gone
    already, a second run, is no error). :class:`PlannerError` when the calendar cannot
    delete it."""
    from planner.calendar.sources import context_for
    from providers.base import create

    if not plan.removes or plan.there is None:
        return False
    source = next(s for s in config.calendars if s.name == plan.calendar)
    provider = create(source, context_for(config, store))
    try:
        removed = provider.remove_held(plan.uid, plan.there)
    except NotSupportedError:
        raise PlannerError(
            _("calendar '{name}' still shows the hold {what}: it could not be taken out there",
              name=plan.calendar, what=_describe(plan.there, config.tz)),
            hint=_("delete it in your calendar app"),
        ) from None  # fmt: skip
    finally:
        provider.close()
    store.delete(GUESTS, plan.uid)
    if plan.meeting and recorded_calendar(config, store, plan.meeting) in ("", plan.calendar):
        forget_calendar(store, plan.meeting, plan.calendar)  # no hold of it stands there any more
    log.info("hold %s %s calendar '%s'", plan.uid,
             "taken out of" if removed else "was gone already from", plan.calendar)  # fmt: skip
    return removed


def refuse_untold(prepared: PreparedInvite, sending: bool) -> None:
    """Taking the hold out without sending the cancellation to those who still expect the
    meeting would drop it from the user's calendar alone: refused, with the way that tells
    them. Once the cancellation reached everyone (a run whose calendar write failed, run
    again), the hold comes out alone."""
    if sending or not prepared.recipients:
        return
    raise UsageError(
        _("{who} have not been sent the cancellation of '{title}'; taking the hold out alone "
          "would change your calendar and tell nobody; nothing was written",
          who=", ".join(prepared.recipients), title=prepared.invitation.title),
        hint=_("add --send: the cancellation goes to them and the hold comes out"),
    )  # fmt: skip


def _ours(
    store: Store, prepared: PreparedInvite, with_guests: bool = True
) -> dict[str, list[Event]]:
    """Every hold planner may have written for the meeting, by the UID it was written under:
    the meeting's own, and the one beside a meeting of the user's calendar; without guests
    where the calendar keeps none in a hold (``with_guests``, the provider's
    ``holds_guests``)."""
    from planner.invite.itip import to_event
    from planner.invite.sentlog import history
    from planner.model import hold_uid

    requests = [r for r in history(store, prepared.uid) if r.method == "REQUEST"]
    found = {
        prepared.uid: [to_event(r.invitation) for r in requests],
        hold_uid(prepared.uid): [to_event(held_form(r.invitation, True)) for r in requests],
    }
    if with_guests:
        return found
    return {uid: [replace(e, attendees=()) for e in held] for uid, held in found.items()}


def _same(ours: Event, there: Event, seen: Collection[str] | None = None) -> bool:
    """Whether ``there`` shows the hold ``ours``: title, time, place, notes, and the guests it
    showed when planner wrote it (``seen``; unknown: those of ``ours``)."""
    wanted = set(seen) if seen is not None else guests(ours)
    same = all(value(ours) == value(there) for value in FIELDS.values())
    return same and guests(there) == wanted


def _describe(event: Event, tz: tzinfo) -> str:
    """ "'Lunch' (Tue 8 Dec 12:30–13:30)"."""
    return f"'{event.title}' ({day_span(event.start.astimezone(tz), event.end.astimezone(tz))})"
