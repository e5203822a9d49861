"""The words of an offer, shared by its page (:mod:`planner.render.offer`), its e-mail and its
.ics attachments: times in both zones, the venue, travel for both, why this place, and the
accept links (``mailto:`` with the offer code, :mod:`planner.flows.offer_tokens`).

Everything is written for the counterpart: no reason meant for the user (another meeting, a
favourite, a command to run) reaches them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from planner.flows.offers import Offer, Option
from planner.i18n import _, hh_mm, long_day, ngettext, short_day, twice
from planner.render.labels import sentences
from planner.render.safe import neutral


def clean(text: object) -> str:
    """Text from calendars, the config or the counterpart as it may be shown: one line,
    control characters and direction overrides made visible, at most 300 characters."""
    one = " ".join(neutral(str(text)).split())
    return one if len(one) <= 300 else one[:299] + "…"


def span(option: Option, zone: ZoneInfo) -> str:
    """ "Tue 8 Dec 2026, 12:30–13:30" in ``zone`` and the current language."""
    start, end = option.start.astimezone(zone), option.end.astimezone(zone)
    zoned = twice(start, end)  # the night the clocks go back: which 02:30
    last = hh_mm(end, zoned)
    if end.date() != start.date():
        last = f"{short_day(end.date())} {last}"
    return f"{long_day(start.date())}, {hh_mm(start, zoned)}–{last}"


def at_place(option: Option, offer: Offer) -> str:
    """ "Thu 10 Dec 2026, 11:00–11:45": the time where they meet (a meeting in person is at
    the place's local time, not at the hour the counterpart's clock at home shows)."""
    return span(option, offer.place_tz(option))


def zones_differ(offer: Offer, option: Option) -> bool:
    """Whether the counterpart's clock at home (``--zone``) reads otherwise than the place's."""
    start = option.start
    there = offer.place_tz(option)
    return start.astimezone(offer.tz).utcoffset() != start.astimezone(there).utcoffset()


def zones_line(offer: Offer) -> str:
    """What zone the times of the page are in: the counterpart's own, where every place's
    clock reads the same; else each place's local time (a meeting in person is there)."""
    if not any(zones_differ(offer, o) for o in offer.options):
        return _("Times in your time zone, {zone}.", zone=offer.zone)
    zones = ", ".join(dict.fromkeys(place_zone(offer, o) for o in offer.options))
    return _("Times are the local time where you meet ({zones}).", zones=zones)


def place_zone(offer: Offer, option: Option) -> str:
    """The name of the zone of ``option``'s place (``Europe/Berlin``)."""
    return option.zone or offer.user_zone


def place(option: Option) -> tuple[str, str]:
    """The venue's name and address (an area when no venue is known there yet)."""
    venue = option.venue
    if venue.get("known") is False:
        return _("{area} (the venue follows)", area=clean(venue.get("name", ""))), ""
    return clean(venue.get("name", "")), clean(venue.get("address", ""))


def map_url(option: Option) -> str:
    venue = option.venue
    if venue.get("lat") is None or venue.get("lon") is None:
        return ""
    lat, lon = f"{float(venue['lat']):.6f}", f"{float(venue['lon']):.6f}"
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"


def travel(offer: Offer, option: Option) -> str:
    """ "You: about 10 min · Anna Berger: about 12 min" (the counterpart is "you")."""
    proposal = option.proposal
    theirs = proposal.get("counterpart_minutes")
    mine = (proposal.get("travel_minutes") or {}).get("before")
    you = (_("you: about {minutes} min", minutes=theirs) if theirs is not None
           else _("you: not known"))  # fmt: skip
    host = clean(offer.organizer)
    me = (_("{name}: about {minutes} min", name=host, minutes=mine) if mine is not None
          else _("{name}: not known", name=host))  # fmt: skip
    return f"{you} · {me}"


def why(offer: Offer, option: Option) -> list[str]:
    """Why this time and place, said to the counterpart."""
    from planner.meet.slots import kind_label
    from planner.render.venues import kind_label as venue_kind

    proposal = option.proposal
    kind = kind_label(str(proposal.get("kind", "")))
    found = []
    if proposal.get("same_time"):
        found.append(_("The time we had planned, but at one table"))
    found.append(_purpose_reason(kind, offer.purpose))
    venue = option.venue
    if venue.get("known") is not False:
        label = venue_kind(str(venue.get("kind", "")))
        found.append(_("{venue} is a {kind}, open for the whole meeting",
                       venue=clean(venue.get("name", "")), kind=label))  # fmt: skip
    theirs = proposal.get("counterpart_minutes")
    mine = (proposal.get("travel_minutes") or {}).get("before")
    if theirs is not None and mine is not None and abs(int(theirs) - int(mine)) <= 10:
        found.append(_("About as far for both of us"))
    elif theirs is not None and mine is not None and int(theirs) < int(mine):
        found.append(_("Close to you"))
    return found


def _purpose_reason(kind: str, purpose: str) -> str:
    reasons = {
        "first_contact": _("{kind} suits a first meeting", kind=kind),
        "deal_closing": _("{kind} suits closing a deal", kind=kind),
        "networking": _("{kind} suits networking", kind=kind),
    }
    return reasons.get(purpose, _("{kind} at a good time of day", kind=kind))


def heading(offer: Offer) -> str:
    """The offer's one title ("Coffee: Anna Berger & Bob Ray", or the user's --title): the
    same on its page, in its mail's subject and in the calendar entry of the option picked."""
    return clean(offer.title)


def subject(offer: Offer) -> str:
    """The offer's title first, as on its page ("Coffee: Anna Berger & Bob Ray"; a second
    "… suggests times to meet:" before it made two colons), then how many times it holds."""
    count = len(offer.options)
    return ngettext(
        "{title} (a time to confirm)",
        "{title} ({count} times to choose from)",
        count,
        title=heading(offer),
    )


def valid_until(offer: Offer) -> str:
    """Until when the offer can be answered; where a time begins before that, that each
    can be chosen only until it begins (an 11:00 option of an offer valid until 17:47)."""
    moment = offer.expires_at.astimezone(offer.tz)
    when = f"{long_day(moment.date())}, {hh_mm(moment, twice(moment))}"
    if any(o.start.astimezone(UTC) < offer.expires_at.astimezone(UTC) for o in offer.options):
        return _("You can choose until {when} ({zone}), each time until it begins.",
                 when=when, zone=offer.zone)  # fmt: skip
    return _("You can choose until {when} ({zone}).", when=when, zone=offer.zone)


@dataclass(frozen=True)
class MailLinks:
    """The accept links of a static offer: mails to ``address`` carrying the offer codes
    (``codes[n]``, 0 for "none fits")."""

    address: str
    codes: Mapping[int, str]

    def accept(self, offer: Offer, option: Option) -> str:
        when = at_place(option, offer)
        name, _address = place(option)
        subject_line = _("Option {number}: {when}, {place}", number=option.number, when=when,
                         place=name)  # fmt: skip
        body = _("I choose option {number}: {when}, {place}.", number=option.number,
                 when=when, place=name)  # fmt: skip
        return self._mailto(subject_line, body, self.codes[option.number])

    def none_fits(self, offer: Offer) -> str:
        subject_line = _("None of the times fits")
        body = _("None of the times fits me. These would suit me:") + "\n\n\n"
        return self._mailto(subject_line, body, self.codes[0])

    def _mailto(self, subject_line: str, body: str, code: str) -> str:
        from planner.people.addresses import mailto

        keep = _("(Please send this mail as it is: the code below tells which option you chose.)")
        text = f"{body}\n\n{keep}\n{code}\n"
        return (f"{mailto(self.address)}?subject={quote(subject_line + ' – ' + code)}"
                f"&body={quote(text)}")  # fmt: skip


def text(offer: Offer, links: MailLinks | None, link: str = "") -> str:
    """The offer as plain text (the e-mail's text part)."""
    lines = [subject(offer), "", _intro(offer), ""]
    for option in offer.options:
        name, address = place(option)
        there = place_zone(offer, option)
        local = _("(local time, {zone})", zone=there)
        lines.append(f"{option.number}. {at_place(option, offer)} {local}")
        if zones_differ(offer, option):
            yours = span(option, offer.tz)
            lines.append("   " + _("Your time ({zone}): {when}", zone=offer.zone, when=yours))
        lines.append("   " + ", ".join(p for p in (name, address) if p))
        if option.hours:
            lines.append("   " + _("Open that day: {hours}", hours=clean(option.hours)))
        if url := map_url(option):
            lines.append("   " + _("Map: {url}", url=url))
        lines.append("   " + _("Travel: {travel}", travel=travel(offer, option)))
        lines.append("   " + _("Why here: {why}", why=sentences(why(offer, option))))
        if links is not None:  # a mail reader without HTML shows the link too
            lines.append("   " + _("Choose it: {link}", link=links.accept(offer, option)))
        lines.append("")
    if link:
        lines += [_("Choose online: {link}", link=link), ""]
    if links is not None:
        lines += [_("To choose, open the option's link (it writes the answer for you) and send "
                    "that mail, or open its .ics attachment in your calendar and accept it."),
                  _("None of the times fits: {link}", link=links.none_fits(offer)), ""]  # fmt: skip
    lines += [valid_until(offer), _("Offer {id}", id=offer.id)]
    return "\n".join(lines) + "\n"


def _intro(offer: Offer) -> str:
    greeting = _("Hello {name},", name=clean(offer.name)) if offer.name else _("Hello,")
    return (
        greeting
        + " "
        + _(
            "{host} would like to meet you in person. Please choose the time "
            "and place that suit you best.",
            host=clean(offer.organizer),
        )
    )


def intro(offer: Offer) -> str:
    return _intro(offer)


def option_ics(offer: Offer, option: Option) -> bytes:
    """The option as the invitation a pick sends (same UID): opened in a calendar app and
    accepted, it answers with an iTIP REPLY that ``planner replies`` reads."""
    from dataclasses import replace

    from planner.invite.itip import build_ics
    from planner.invite.text import language as in_language

    meeting = option.meeting()
    with in_language(offer.language):
        note = ngettext("The one option {host} offers; accept it to choose it.",
                        "One of {count} options {host} offers; accept it to choose it.",
                        len(offer.options), host=clean(offer.organizer))  # fmt: skip
    agenda = "\n\n".join(p for p in (note, meeting.agenda) if p)
    return build_ics(replace(meeting, agenda=agenda), stamp=offer.created_at)


def when_stamp(moment: datetime) -> str:
    """An ISO time for a ``<time datetime>`` attribute."""
    return moment.isoformat(timespec="minutes")


def json_summary(offer: Offer, now: datetime) -> dict[str, Any]:
    """The offer as ``planner invites --format json`` shows it."""
    return {
        "id": offer.id,
        "counterpart": offer.counterpart,
        "name": offer.name,
        "title": offer.title,
        "state": offer.state(now),
        "created_at": offer.created_at.isoformat(),
        "expires_at": offer.expires_at.isoformat(),
        "picked": offer.picked,
        "counter": [t.isoformat() for t in offer.counter] if offer.counter else None,
        "comment": offer.comment,
        "booked": dict(offer.booked),
        "options": [
            {"number": o.number, "proposal": o.proposal.get("id", ""),
             "start": o.proposal["start"], "end": o.proposal["end"],
             "venue": o.venue.get("name", ""), "taken": o.taken}
            for o in offer.options
        ],
    }  # fmt: skip
