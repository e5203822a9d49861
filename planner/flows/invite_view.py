"""What ``planner invite`` says before it writes or sends: who, when, where and what, and for
an update what it changes (its time, its place: old → new), the user's time beside a meeting
written in another zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from planner.i18n import _
from planner.invite.invitation import Invitation
from planner.invite.sentlog import PreparedInvite
from planner.store import Store


@dataclass(frozen=True, slots=True)
class Before:
    """The meeting as its counterparts have it before an update: its time and place."""

    start: datetime
    end: datetime
    place: str


def describe(invitation: Invitation, ident: str = "", *, tz: tzinfo | None = None) -> list[str]:
    """Who, when, where and what, as ``planner invite`` says it before it writes or sends; a
    meeting in another zone than the user's ``tz`` with the user's time beside its own."""
    from planner.invite.text import location_text

    at = _times(invitation, tz)
    people = ", ".join(
        f"{p.name} <{p.email}>" if p.name else p.email for p in invitation.counterparts
    )
    head = _("Proposal {id}", id=ident) if ident else _("Invitation")
    return [
        f"{head}: {invitation.title}",
        _("  who:   {people}", people=people),
        _("  when:  {when}", when=at),
        _("  where: {place}", place=location_text(invitation) or _("no place given")),
        _(
            "  what:  {purpose}",
            purpose=invitation.purpose.value.replace("_", " ") if invitation.purpose else "–",
        ),
    ]


def _times(invitation: Invitation, tz: tzinfo | None) -> str:
    """The meeting's time in its own zone, then the user's (``tz``) and the counterpart's
    (:attr:`Invitation.zone`) where their clocks read otherwise (:func:`other_clock`)."""
    from zoneinfo import ZoneInfo

    from planner.i18n import language
    from planner.invite.text import when
    from planner.invite.zones import other_clock

    start, end = invitation.start, invitation.end
    at = when(start, end, language(), all_day=invitation.all_day)
    if invitation.all_day:
        return at
    if tz is not None and other_clock(start, end, tz):
        yours = when(start.astimezone(tz), end.astimezone(tz), language())
        at = _("{when}; your time: {yours}", when=at, yours=yours)
    there = ZoneInfo(invitation.zone) if invitation.zone else None
    if there is not None and other_clock(start, end, there):
        theirs = when(start.astimezone(there), end.astimezone(there), language())
        at = _("{when}; their time: {theirs}", when=at, theirs=theirs)
    return at


def before(store: Store, prepared: PreparedInvite, proposal: str = "") -> Before | None:
    """What an update changes from: the revision sent before (``--update``), or the calendar
    meeting the listed ``proposal`` updates (``--proposal`` for a meeting the user organises);
    None for a new invitation or a cancellation."""
    from planner.flows.listed import Listed
    from planner.invite.sentlog import history
    from planner.invite.text import location_text

    if not prepared.update or prepared.method != "REQUEST":
        return None
    sent = [r for r in history(store, prepared.uid) if r.method == "REQUEST"]
    earlier = [r for r in sent if r.sequence < prepared.sequence]
    if earlier:
        inv = max(earlier, key=lambda r: r.sequence).invitation
        return Before(inv.start, inv.end, location_text(inv))
    entry = Listed(store).get(proposal) if proposal else None
    meeting = (entry or {}).get("meeting") or {}
    if meeting.get("uid") != prepared.uid:
        return None
    start, end = datetime.fromisoformat(meeting["start"]), datetime.fromisoformat(meeting["end"])
    return Before(start, end, " ".join(str(meeting.get("location") or "").split()))


def change_lines(was: Before | None, inv: Invitation, tz: tzinfo) -> list[str]:
    """``  changes: when Thu 10 Dec 14:00–14:30 → Fri 11 Dec 09:00–09:30`` and ``  changes:
    where Microsoft Teams → Grand Hotel …``: what an update changes, times in the user's
    zone ``tz``; nothing for what stays."""
    from datetime import UTC

    from planner.i18n import day_span
    from planner.invite.text import location_text

    if was is None:
        return []
    lines = []
    old = (was.start.astimezone(UTC), was.end.astimezone(UTC))
    if old != (inv.start.astimezone(UTC), inv.end.astimezone(UTC)):
        then = day_span(was.start.astimezone(tz), was.end.astimezone(tz))
        now = day_span(inv.start.astimezone(tz), inv.end.astimezone(tz))
        lines.append(_("  changes: when {old} → {new}", old=then, new=now))
    place = location_text(inv)
    if " ".join(was.place.split()) != " ".join(place.split()):
        lines.append(_("  changes: where {old} → {new}", old=was.place or _("no place given"),
                       new=place or _("no place given")))  # fmt: skip
    return lines
