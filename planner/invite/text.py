"""The words of an invitation: subject, event description and e-mail bodies, in the
invitation's language (English source strings through :func:`planner.i18n._`).
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from planner import i18n
from planner.i18n import _, ngettext
from planner.invite.invitation import clean_name, clean_text
from planner.model import Geo, Purpose

if TYPE_CHECKING:
    from planner.invite.invitation import Invitation


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Produce texts in ``lang`` inside the block (this thread or task only), then switch back."""
    with i18n.speaking(lang):
        yield


def purpose_label(purpose: Purpose) -> str:
    labels = {
        Purpose.FIRST_CONTACT: _("first meeting in person"),
        Purpose.DEAL_CLOSING: _("closing the deal"),
        Purpose.ROUTINE: _("regular exchange"),
        Purpose.INTERNAL: _("internal meeting"),
        Purpose.PERSONAL: _("personal meeting"),
        Purpose.OTHER: _("meeting"),
        Purpose.NETWORKING: _("networking"),
        Purpose.VISIT: _("visit"),
    }
    return labels[purpose]


def purpose_sentence(purpose: Purpose) -> str:
    """The purpose in plain words, as one sentence for the invitation."""
    sentences = {
        Purpose.FIRST_CONTACT: _("To get to know each other in person."),
        Purpose.DEAL_CLOSING: _("To close the deal together, at one table."),
        Purpose.ROUTINE: _("Our regular exchange, this time in person."),
        Purpose.INTERNAL: _("Our internal meeting, this time in person."),
        Purpose.PERSONAL: _("A personal meeting."),
        Purpose.OTHER: _("To talk in person instead of on a screen."),
        Purpose.NETWORKING: _("To meet and get to know people."),
        Purpose.VISIT: _("A visit on site."),
    }
    return sentences[purpose]


def map_link(geo: Geo) -> str:
    """An OpenStreetMap link with a marker at ``geo``."""
    lat, lon = f"{geo.lat:.6f}", f"{geo.lon:.6f}"
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"


def directions_link(geo: Geo) -> str:
    """OpenStreetMap's route planner with the venue as destination (the start is left open)."""
    return f"https://www.openstreetmap.org/directions?route=%3B{geo.lat:.6f}%2C{geo.lon:.6f}"


def when(start: datetime, end: datetime, lang: str, *, all_day: bool = False) -> str:
    """``Monday, December 7, 2026, 10:00–11:30 (Europe/Berlin)`` in ``lang`` (across a DST
    change, or in the hour the clocks repeat, with each time's abbreviation: ``02:30
    CEST–02:30 CET``, ``02:15 CET–02:45 CET``: :func:`planner.i18n.twice`); for an all-day
    invitation ``Wednesday, March 10, 2027 (all day)`` or its first and last day."""
    from babel.dates import format_date

    from planner.i18n import hh_mm, twice

    if all_day:
        last = (end.astimezone(start.tzinfo) - timedelta(days=1)).date()
        first = format_date(start.date(), format="full", locale=lang)
        if last == start.date():
            return _("{day} (all day)", day=first)
        count = (last - start.date()).days + 1
        shown = format_date(last, format="full", locale=lang)
        return ngettext("{first} – {last} ({count} day)", "{first} – {last} ({count} days)",
                        count, first=first, last=shown)  # fmt: skip
    end_local = end.astimezone(start.tzinfo)
    day = format_date(start, format="full", locale=lang)
    # the clocks change within the meeting ("02:30–02:30" would read as no time at all), or a
    # time is one they show twice (which 01:30?): each end with its zone's abbreviation
    zoned = start.utcoffset() != end_local.utcoffset() or twice(start, end_local)
    first, last = hh_mm(start, zoned), hh_mm(end_local, zoned)
    if end_local.date() != start.date():
        last = f"{format_date(end_local, format='medium', locale=lang)} {last}"
    zone = getattr(start.tzinfo, "key", None) or start.tzname() or ""
    return f"{day}, {first}–{last} ({zone})"


def location_text(inv: Invitation) -> str:
    """What goes into LOCATION: the given text, else the venue's name and address."""
    if inv.location.strip():
        return clean_text(inv.location).strip()
    parts = (clean_text(inv.venue_name).strip(), clean_text(inv.venue_address).strip())
    return ", ".join(p for p in parts if p)


def description(inv: Invitation) -> str:
    """DESCRIPTION of the event: planner's words alone, never a text of the meeting it was made
    for (the user's notes, a join block, an HTML description): the purpose in plain words,
    the note (which meeting this one replaces), the user's agenda (``--agenda``) under its
    heading, the venue once with its address, that day's opening hours, the map link and how
    to get there (in the current language): how to get there only in a mail to one
    counterpart, as it is theirs ("about 11 min for you")."""
    blocks: list[str] = []
    if inv.purpose is not None:
        blocks.append(purpose_sentence(inv.purpose))
    if inv.note.strip():  # no heading: "Agenda:" is for an agenda only
        blocks.append(clean_text(inv.note).strip())
    if inv.agenda.strip():
        blocks.append(_("Agenda:") + "\n" + clean_text(inv.agenda).strip())
    venue = ", ".join(p for p in (inv.venue_name.strip(), inv.venue_address.strip()) if p)
    lines = [_("Where: {where}", where=clean_text(venue))] if venue else []
    if venue and inv.venue_hours.strip():
        lines.append(_("Open that day: {hours}", hours=clean_text(inv.venue_hours).strip()))
    if inv.geo is not None:
        lines.append(_("Map: {url}", url=map_link(inv.geo)))
        lines.append(_("Directions: {url}", url=directions_link(inv.geo)))
    if inv.travel_hint.strip() and len(inv.counterparts) == 1:  # "for you": for one person
        lines.append(_("Getting there: {hint}", hint=clean_text(inv.travel_hint).strip()))
    if lines:
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def subject(inv: Invitation, method: str, *, update: bool = False) -> str:
    """The e-mail subject for ``method`` ("REQUEST" or "CANCEL"); a CANCEL with ``update``
    withdraws the invitation of its attendees alone."""
    title = clean_name(inv.title)
    start, end = inv.start, inv.end
    if inv.zone and not inv.all_day:  # the reader's time: the body gives theirs first too
        from zoneinfo import ZoneInfo

        start, end = start.astimezone(ZoneInfo(inv.zone)), end.astimezone(ZoneInfo(inv.zone))
    at = when(start, end, inv.language, all_day=inv.all_day)
    if method == "CANCEL" and update:  # attendees taken off a meeting that goes on
        return _("Invitation withdrawn: {title} – {when}", title=title, when=at)
    if method == "CANCEL":
        return _("Cancelled: {title} – {when}", title=title, when=at)
    if update:
        return _("Updated invitation: {title} – {when}", title=title, when=at)
    return _("Invitation: {title} – {when}", title=title, when=at)


def body_lines(inv: Invitation, method: str, *, update: bool = False) -> list[str]:
    """The e-mail body as paragraphs of plain text."""
    who = clean_name(inv.organizer.name) or inv.organizer.email
    title = clean_name(inv.title)
    at = _when_for(inv)
    if method == "CANCEL":
        gone = _("{organizer} has cancelled the meeting “{title}”.", organizer=who, title=title)
        if update:  # they are taken off it: the meeting itself goes on
            gone = _("{organizer} has withdrawn your invitation to “{title}”.", organizer=who,
                     title=title)  # fmt: skip
        return [
            gone,
            _("When: {when}", when=at),
            _("The meeting will be removed from your calendar when you open this message."),
        ]
    if update:
        intro = _("{organizer} has changed the meeting “{title}”.", organizer=who, title=title)
    else:
        intro = _("{organizer} invites you to “{title}”.", organizer=who, title=title)
    lines = [intro, _("When: {when}", when=at)]
    has_venue = bool(inv.venue_name.strip() or inv.venue_address.strip())
    if (where := location_text(inv)) and (inv.location.strip() or not has_venue):
        lines.append(_("Where: {where}", where=where))  # a venue is named in the description
    if text := description(inv):
        lines.append(text)
    lines.append(_("Please answer with the Accept or Decline buttons of your calendar."))
    return lines


def _when_for(inv: Invitation) -> str:
    """When, in the counterpart's zone first where the invitation knows it (``--zone``, an
    offer picked in London), and in the organizer's own beside it where their clocks read
    otherwise (the organizer's zone, else the one the meeting is written in)."""
    from zoneinfo import ZoneInfo

    from planner.invite.zones import other_clock

    written = when(inv.start, inv.end, inv.language, all_day=inv.all_day)
    if not inv.zone or inv.all_day:
        return written
    zone = ZoneInfo(inv.zone)
    start, end = inv.start.astimezone(zone), inv.end.astimezone(zone)
    theirs = when(start, end, inv.language)
    own = ZoneInfo(inv.organizer_zone) if inv.organizer_zone else inv.start.tzinfo
    if own is None or not other_clock(start, end, own):  # one clock: as written where theirs
        return theirs if other_clock(inv.start, inv.end, zone) else written
    ours = when(inv.start.astimezone(own), inv.end.astimezone(own), inv.language)
    return _("{theirs}; for {organizer}: {ours}", theirs=theirs, ours=ours,
             organizer=clean_name(inv.organizer.name) or inv.organizer.email)  # fmt: skip


def body_text(inv: Invitation, method: str, *, update: bool = False) -> str:
    return "\n\n".join(body_lines(inv, method, update=update)) + "\n"


def body_html(inv: Invitation, method: str, *, update: bool = False) -> str:
    paragraphs = (
        "<p>" + html.escape(p).replace("\n", "<br>\n") + "</p>"
        for p in body_lines(inv, method, update=update)
    )
    lang = html.escape(inv.language)
    head = f'<!DOCTYPE html>\n<html lang="{lang}"><body>\n'
    return head + "\n".join(paragraphs) + "\n</body></html>\n"
