"""``planner invite --hold`` (and an offer booked, and the assistant's hold): the meeting put
into the user's own calendar, silently (nobody is told by a hold).

Two steps: :func:`plan_hold` reads the calendar and says what the write will do (the calendar,
every field it changes or removes in a copy that is there already, the user's changes it
keeps; ``planner.flows.hold_edits``) and refuses what it must not do; :func:`write_hold`
writes it. :func:`hold` does both. A hold alone never moves a meeting its counterparts were
told of: the path that changes a meeting they have is the one that tells them (``--send``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from planner.config import Config
from planner.errors import UsageError
from planner.flows.hold_edits import HoldWrite, guests, merged
from planner.i18n import _
from planner.invite.invitation import Invitation
from planner.invite.sentlog import PreparedInvite
from planner.store import Store

if TYPE_CHECKING:
    from planner.invite.sentlog import SentRecord


#: store namespace: a hold's UID → the guests it showed, read back after planner wrote it
GUESTS = "hold_guests"
#: store namespace: meeting UID → the ``[[calendars]]`` name its hold was last written to
WHERE = "hold_calendars"
#: store namespace: meeting UID → the ``[[calendars]]`` name its hold was taken out of (a
#: cancellation run again looks there, and says it is out already)
REMOVED = "hold_removed"


@dataclass(frozen=True, slots=True)
class HoldPlan:
    """What :func:`write_hold` will write: into ``calendar`` (a ``[[calendars]]`` name), the
    event of ``write`` (with the fields it changes and keeps in the copy there)."""

    calendar: str
    write: HoldWrite

    def lines(self) -> list[str]:
        """What the write does, as ``planner invite --hold`` says it before writing."""
        said = [_("  hold in {calendar}", calendar=self.calendar)]
        said += [_("  hold changes: {what}", what=line) for line in self.write.changes]
        said += [_("  hold keeps your change: {what}", what=line) for line in self.write.kept]
        return said


def recorded_calendar(config: Config, store: Store, uid: str) -> str:
    """The calendar the hold of meeting ``uid`` was last written to, "" when not recorded (or
    no longer in the config): a hold written again, or taken out, is looked for there."""
    value = store.get(WHERE, uid)
    names = {s.name for s in config.calendars}
    return value if isinstance(value, str) and value in names else ""


def record_calendar(store: Store, uid: str, calendar: str) -> None:
    store.put(WHERE, uid, calendar)
    store.delete(REMOVED, uid)  # held again: no longer "taken out"


def forget_calendar(store: Store, uid: str, calendar: str = "") -> None:
    """The hold of meeting ``uid`` was taken out (of ``calendar``): no calendar holds it any
    more, and :func:`removed_from` says where it was."""
    store.delete(WHERE, uid)
    if calendar:
        store.put(REMOVED, uid, calendar)


def removed_from(config: Config, store: Store, uid: str) -> str:
    """The calendar the hold of meeting ``uid`` was taken out of, "" when none was (or it is no
    longer in the config). For a state from before this was recorded: the calendar of the
    meeting's cancellation logged as taken out of one (``hold:CALENDAR:ID``)."""
    from planner.invite.sentlog import latest

    names = {s.name for s in config.calendars}
    value = store.get(REMOVED, uid)
    if isinstance(value, str) and value in names:
        return value
    last = latest(store, uid) if not recorded_calendar(config, store, uid) else None
    held = last.held_in if last is not None and last.cancelled else ""
    return held if held in names else ""


def hold_calendar(config: Config, store: Store, calendar: str = "") -> str:
    """The calendar a hold goes into: ``calendar``, checked, or the first writable one of the
    config (as the dry runs name it)."""
    from planner.calendar.sources import context_for
    from planner.invite.itip import read_only
    from providers.base import create

    sources = [s for s in config.calendars if not calendar or s.name == calendar]
    if not sources:
        raise UsageError(_("--hold: no calendar named '{name}' in the config", name=calendar))
    context = context_for(config, store)
    for source in sources:
        provider = create(source, context)
        try:
            if provider.can_write:
                return source.name
            if calendar:  # named, but cannot be written: the dry run refuses what would fail
                raise read_only(provider)
        finally:
            provider.close()
    raise UsageError(
        _("--hold: none of the configured calendars can be written to"),
        hint=_("name one with --hold CALENDAR, or enable write = true for it"),
    )


def plan_hold(
    config: Config, store: Store, prepared: PreparedInvite, calendar: str = "",
    *, sending: bool = False,
) -> HoldPlan:  # fmt: skip
    """What holding ``prepared`` in ``calendar`` (or the first writable one) would write,
    read from the calendar; nothing is written. Refused (:class:`UsageError`): a hold alone
    (not ``sending``) of a change to a meeting its counterparts were sent, and a field the
    user changed in the copy that the update changes as well."""
    from planner.calendar.sources import context_for
    from planner.invite.itip import to_event
    from providers.base import create

    if prepared.method == "CANCEL":  # not written as a meeting: planner.flows.hold_removal
        raise ValueError("a cancellation takes the hold out, it writes none")
    if not sending:
        _refuse_untold(store, prepared, config)
    name = hold_calendar(config, store, calendar or recorded_calendar(config, store, prepared.uid))
    source = next(s for s in config.calendars if s.name == name)
    inv = hold_invitation(store, prepared.invitation)
    earlier = [to_event(held_form(r.invitation, inv.uid != prepared.uid))
               for r in _revisions(store, prepared) if r.sequence < prepared.sequence]  # fmt: skip
    provider = create(source, context_for(config, store))
    try:
        there = provider.held(inv.uid)
        with_guests = provider.holds_guests  # what a hold there can hold: the provider says
    finally:
        provider.close()
    seen = store.get(GUESTS, inv.uid)
    write = merged(to_event(inv), there, earlier, config.tz, seen, with_guests=with_guests)
    return HoldPlan(name, write)


def write_hold(config: Config, store: Store, prepared: PreparedInvite, plan: HoldPlan) -> str:
    """Write what ``plan`` says into its calendar and log the hold; return the event's id."""
    from planner.calendar.sources import context_for
    from providers.base import create

    source = next(s for s in config.calendars if s.name == plan.calendar)
    provider = create(source, context_for(config, store))
    try:
        if not provider.can_write:
            from planner.invite.itip import read_only

            raise read_only(provider)
        event_id = provider.create_event(plan.write.event)
        back = provider.held(plan.write.event.uid)  # the guests it keeps: a removal is seen
    finally:
        provider.close()
    if back is not None:
        store.put(GUESTS, back.uid, sorted(guests(back)))
    _log_hold(store, prepared, plan.calendar, event_id)
    return event_id


def hold(
    config: Config, store: Store, prepared: PreparedInvite, calendar: str = "",
    *, sending: bool = False,
) -> str:  # fmt: skip
    """Put the meeting into the user's own calendar ``calendar`` (or the first writable one):
    :func:`plan_hold`, then :func:`write_hold`."""
    plan = plan_hold(config, store, prepared, calendar, sending=sending)
    return write_hold(config, store, prepared, plan)


def hold_invitation(store: Store, inv: Invitation) -> Invitation:
    """What a hold writes for ``inv``. A meeting from the user's own calendar (an update of a
    meeting that was never sent from here) is never written over: its hold is a new event of
    its own, under a UID derived from the meeting's, so holding it again moves that hold. The
    meeting itself moves only through the path that tells its attendees (``--send``)."""
    from planner.invite import sentlog

    if inv.sequence == 0 or any(r.sequence == 0 for r in sentlog.history(store, inv.uid)):
        return inv  # a meeting planner sent: its own hold, under its own UID
    logging.getLogger("planner").warning(
        _("'{title}' is a meeting of your calendar: the hold is a new event beside it and the "
          "meeting is left as it is ('planner invite … --send' sends its attendees the new "
          "time)", title=inv.title)
    )  # fmt: skip
    return held_form(inv, beside=True)


def held_form(inv: Invitation, beside: bool) -> Invitation:
    """``inv`` as held: as it is, or ``beside`` the user's own meeting (see above)."""
    from planner.model import hold_uid

    if not beside:
        return inv
    return replace(inv, uid=hold_uid(inv.uid), sequence=0,
                   title=_("Hold: {title}", title=inv.title))  # fmt: skip


def _revisions(store: Store, prepared: PreparedInvite) -> list[SentRecord]:
    from planner.invite.sentlog import history

    return [r for r in history(store, prepared.uid) if r.method == "REQUEST"]


def _refuse_untold(store: Store, prepared: PreparedInvite, config: Config) -> None:
    """A hold alone of a revision other than the last one the counterparts were sent would
    move the user's copy and tell nobody: refused, with the way that tells them."""
    from planner.i18n import day_span
    from planner.invite.sentlog import history
    from planner.invite.text import location_text

    told = [r for r in history(store, prepared.uid) if r.delivered]
    if not told:
        return  # nothing went out yet: the hold is the only copy there is
    last = max(told, key=lambda r: (r.sequence, r.cancelled, r.sent_at))
    if (last.sequence, last.method) == (prepared.sequence, prepared.method):
        return  # the revision they have: the hold shows what they were told
    inv = last.invitation
    raise UsageError(
        _("{who} were sent '{title}' for {when} ({place}); a hold alone would change your "
          "calendar's copy and tell nobody; nothing was written",
          who=", ".join(last.recipients), title=inv.title,
          when=day_span(inv.start.astimezone(config.tz), inv.end.astimezone(config.tz)),
          place=location_text(inv) or _("no place given")),
        hint=_("add --send: the change goes to them and into your calendar together"),
    )  # fmt: skip


def _log_hold(store: Store, prepared: PreparedInvite, calendar: str, event_id: str) -> None:
    """A hold is followed like a sent invitation (``planner invites``), unless this meeting
    was already logged as sent (then the log keeps the message's id)."""
    from planner.invite import sentlog

    sentlog.record_kept(store, prepared, f"hold:{calendar}:{event_id}")
    record_calendar(store, prepared.uid, calendar)  # a cancellation takes it out of there
