"""A hold written again (an update, a hold of the same meeting once more) over the copy in the
user's calendar. Once it is there, the copy is the user's meeting: they may have retitled it,
added a guest, written notes, moved it. The new hold changes only what the update itself
changes; every other field the user changed is kept, and a field both changed (the user moved
it, the update moves it elsewhere) is refused, naming the two values, instead of being written
over. What the write changes or removes in the copy is said before it is written.

Pure functions: the copy as the calendar has it now (``there``), the holds planner wrote for
this meeting, one per earlier revision (``ours``, oldest first) and the new one (``new``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import tzinfo

from planner.errors import UsageError
from planner.i18n import _, day_span
from planner.model import Event
from providers.base import HOLD_FIELDS, hold_guests

#: the fields a hold writes, each read as a comparable value (those the providers compare)
FIELDS = HOLD_FIELDS
#: the guests of a hold, by address in lower case
guests = hold_guests


@dataclass(frozen=True, slots=True)
class HoldWrite:
    """What writing a hold does to the copy in the calendar: the event to write, every field
    it changes or removes there (``changes``) and the user's changes it keeps (``kept``)."""

    event: Event
    changes: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()


def merged(
    new: Event, there: Event | None, ours: Sequence[Event], tz: tzinfo,
    seen: Collection[str] | None = None, *, with_guests: bool = True,
) -> HoldWrite:  # fmt: skip
    """The hold to write over ``there`` (None: there is no copy, ``new`` is written as it is).
    A field of ``there`` that neither ``new`` nor a hold of ``ours`` had is the user's: kept
    unless the update changes it (``new`` differs from the last of ``ours``), refused with
    :class:`UsageError` when it does and the two differ. A guest the user added stays, and
    one they took out stays out: one of ``seen`` (the guests the hold showed when read back
    after planner last wrote it; a calendar that keeps no guests in a hold shows none) that it
    shows no longer (the plan says so; the mail of an update still goes to them).

    Not ``with_guests``: the calendar keeps no guests in a hold planner writes (the provider's
    ``holds_guests``: Outlook), so the holds of ``ours`` and ``new`` bring none; a guest the
    hold shows there is one the user added, and no guest is said added or removed by the
    write."""
    if not with_guests:
        new, ours = _guestless(new), [_guestless(e) for e in ours]
    if there is None:
        return HoldWrite(new)
    last = ours[-1] if ours else new  # the hold before this revision
    event, kept, clashes = new, [], []
    for name, value in FIELDS.items():
        theirs = value(there)
        if theirs in {value(e) for e in (*ours, new)}:
            continue  # planner's own value, of this revision or an earlier one
        if value(new) == value(last):  # the update leaves this field: the user's stays
            event = _take(event, there, name)
            kept.append(_said(name, there, tz))
        elif theirs != value(new):
            clashes.append(_("{field}: yours {mine}, the update's {theirs}", field=_label(name),
                             mine=_said(name, there, tz), theirs=_said(name, new, tz)))  # fmt: skip
    if clashes:
        raise UsageError(
            _("the hold in your calendar was changed there, and the update changes the same: "
              "{clashes}; nothing was written", clashes="; ".join(clashes)),
            hint=_("make the change in your calendar app (or put back what planner wrote "
                   "there) and run the command again"),
        )  # fmt: skip
    added = guests(there) - set().union(*(guests(e) for e in (*ours, new)))
    if added:
        theirs = tuple(a for a in there.attendees if a.email.casefold() in added)
        event = replace(event, attendees=(*event.attendees, *theirs))
        kept += [_("guest {email}", email=a.email) for a in theirs]
    if removed := (set(seen or ()) & guests(new)) - guests(there):  # the user took them out
        event = replace(event, attendees=tuple(
            a for a in event.attendees if a.email.casefold() not in removed))  # fmt: skip
        kept += [_("guest {email} removed", email=e) for e in sorted(removed)]
    return HoldWrite(event, tuple(changed(there, event, tz)), tuple(kept))


def changed(there: Event, event: Event, tz: tzinfo) -> list[str]:
    """Every field writing ``event`` changes or removes in ``there``: "title 'A' → 'B'",
    "notes removed", "guest carla@… removed"."""
    lines = []
    for name, value in FIELDS.items():
        if value(there) == value(event):
            continue
        if not value(event):
            lines.append(_("{field} {old} removed", field=_label(name),
                           old=_said(name, there, tz)))  # fmt: skip
        else:
            lines.append(_("{field} {old} → {new}", field=_label(name),
                           old=_said(name, there, tz), new=_said(name, event, tz)))  # fmt: skip
    for email in sorted(guests(there) - guests(event)):
        lines.append(_("guest {email} removed", email=email))
    for email in sorted(guests(event) - guests(there)):
        lines.append(_("guest {email} added", email=email))
    return lines


def _guestless(event: Event) -> Event:
    """``event`` as a calendar that keeps no guests in a hold holds it: its organizer alone."""
    return replace(event, attendees=())


def _take(event: Event, there: Event, name: str) -> Event:
    """``event`` with the field ``name`` as ``there`` has it."""
    if name == "title":
        return replace(event, title=there.title)
    if name == "when":
        return replace(event, start=there.start, end=there.end, all_day=there.all_day)
    if name == "where":
        return replace(event, location=there.location, geo=there.geo)
    return replace(event, description=there.description)


def _label(name: str) -> str:
    return {"title": _("title"), "when": _("time"), "where": _("place"), "notes": _("notes")}[name]


def _said(name: str, event: Event, tz: tzinfo) -> str:
    """The value of field ``name`` of ``event`` in a line: quoted, a time in the zone ``tz``,
    notes by their first words."""
    if name == "when":
        return day_span(event.start.astimezone(tz), event.end.astimezone(tz))
    text = {"title": event.title, "where": event.location}.get(name, event.description)
    text = " ".join(text.split())
    if not text:
        return _("(none)")
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"
