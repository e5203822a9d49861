"""The week's proposals as an iCalendar feed (RFC 5545, no METHOD): a file, or a folder of one
file per event, that a calendar app subscribes to and shows beside the real meetings.

Every proposal is a tentative, transparent event (it blocks nothing) with the venue as
LOCATION and GEO and the reasons in the DESCRIPTION; the flagged meeting's recommendation is in
the description and in a display alarm a day before. UIDs are derived from the flagged
meeting, the proposed time and the venue, so an unchanged proposal keeps its UID from run to
run and a feed written again replaces the previous one item by item.

A feed may be published, so it tells nothing private: a proposal for a meeting marked private
or confidential (CLASS, Google visibility, Outlook sensitivity) shows as "Busy" without title,
place or reasons, or not at all (``[feed] private = "hide"``); the counterparts' addresses and
domains never appear, in any spelling (people are named without their domain, an organisation
known only by it is "your counterpart"), the marker that finds the feed's own files carries an
opaque key instead of the meeting's UID, and control characters in a title or place are made
visible.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from planner.i18n import _, day_time
from planner.render.labels import kind_label, mode_label
from planner.render.safe import neutral
from planner.sync.marks import is_private

if TYPE_CHECKING:
    import icalendar

    from planner.flows.plan import PlannedEvent, WeeklyPlan
    from planner.meet.proposals import Proposal

PRODID = "-//planner//planner feed 1.0//EN"
UID_DOMAIN = "feed.planner"
MARKER = "X-PLANNER-FEED"  # set on every event of the feed, to find the feed's own files
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, UID_DOMAIN)
ALARM_BEFORE = timedelta(days=1)
PRIVATE_CHOICES = ("busy", "hide")  # what a proposal for a private meeting shows


def proposal_uid(meeting_uid: str, proposal: Proposal) -> str:
    """Stable: the same flagged meeting, start and venue give the same UID."""
    key = "\n".join(
        (meeting_uid, proposal.start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ"),
         proposal.venue.name.casefold())
    )  # fmt: skip
    return f"{uuid.uuid5(_NAMESPACE, key)}@{UID_DOMAIN}"


def feed_key(meeting_uid: str) -> str:
    """The opaque key of a flagged meeting in the feed: stable, and no UID to be read back."""
    return hashlib.sha256(f"{UID_DOMAIN}\n{meeting_uid}".encode()).hexdigest()[:32]


def proposals_of(
    plan: WeeklyPlan, private: str = "busy"
) -> Iterator[tuple[PlannedEvent, Proposal]]:
    """The proposals of the week; with ``private="hide"`` none for a private meeting."""
    for item in plan.items:
        if private == "hide" and is_private(item.event):
            continue
        for proposal in item.proposals:
            yield item, proposal


def feed_calendar(
    plan: WeeklyPlan, *, stamp: datetime | None = None, private: str = "busy"
) -> icalendar.Calendar:
    """The feed: one VEVENT per proposal of the week, VTIMEZONEs for the zones used.
    ``private`` ("busy" or "hide") is what a proposal for a private meeting shows."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _("planner: proposals"))
    cal.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT1H")
    moment = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    tz = plan.start.tzinfo
    chosen = list(proposals_of(plan, private))
    events = [_vevent(item, p, tz, moment) for item, p in chosen]
    _add_zones(cal, [p for _item, p in chosen], plan.start)
    for event in events:
        cal.add_component(event)
    return cal


def _add_zones(cal: icalendar.Calendar, proposals: list[Proposal], start: datetime) -> None:
    """A VTIMEZONE, valid around the proposals, for every IANA zone they use. A week without
    proposals gets the VTIMEZONE of the user's zone (``start``'s) alone: RFC 5545 wants at
    least one component in a VCALENDAR (an X-WR- property is none), some clients refuse an
    empty one; a lone VTIMEZONE is the common form of an empty published calendar."""
    from zoneinfo import ZoneInfo

    from planner.invite.zones import is_utc, vtimezone, zone_key

    zones: dict[str, list[datetime]] = {}
    for proposal in proposals:
        key = zone_key(proposal.start.tzinfo)
        if key and not is_utc(proposal.start.tzinfo):
            zones.setdefault(key, []).extend((proposal.start, proposal.end))
    if not proposals:
        zones[zone_key(start.tzinfo) or "UTC"] = [start]
    for key, moments in sorted(zones.items()):
        cal.add_component(vtimezone(ZoneInfo(key), moments))


def feed_bytes(plan: WeeklyPlan, *, stamp: datetime | None = None) -> bytes:
    return feed_calendar(plan, stamp=stamp).to_ical()


def split(cal: icalendar.Calendar) -> dict[str, bytes]:
    """One calendar per event, by file name (``<uid>.ics``), each with the VTIMEZONEs it
    needs: the layout of a folder a web or CalDAV server publishes."""
    import icalendar

    zones = {str(z["TZID"]): z for z in cal.walk("VTIMEZONE")}
    files = {}
    for event in cal.walk("VEVENT"):
        single = icalendar.Calendar()
        for name in ("PRODID", "VERSION", "CALSCALE"):
            single.add(name, cal[name])
        used = {str(event[n].params.get("TZID")) for n in ("DTSTART", "DTEND")} - {"None"}
        for key in sorted(used & set(zones)):
            single.add_component(zones[key])
        single.add_component(event)
        files[file_name(str(event["UID"]))] = single.to_ical()
    return files


def file_name(uid: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in uid) + ".ics"


def _vevent(item: PlannedEvent, proposal: Proposal, tz: object, stamp: datetime) -> icalendar.Event:
    import icalendar

    venue = proposal.venue
    secret = is_private(item.event)
    event = icalendar.Event()
    event.add("uid", proposal_uid(item.event.uid, proposal))
    event.add("dtstamp", stamp)
    event.add("sequence", 0)
    event.add("dtstart", proposal.start)
    event.add("dtend", proposal.end)
    if secret:  # a private meeting: busy time, nothing else
        event.add("summary", _("Busy"))
    else:
        event.add(
            "summary",
            neutral(_("Proposal: {kind} at {venue} (instead of '{title}')",
                      kind=kind_label(proposal.kind.value), venue=venue.name,
                      title=item.event.title)),
        )  # fmt: skip
        where = f"{venue.name}, {venue.address}" if venue.address else venue.name
        event.add("location", neutral(where))
        event.add("geo", (round(venue.lat, 6), round(venue.lon, 6)))
        event.add("description", _scrub(_description(item, proposal, tz), item))
    event.add("status", "TENTATIVE")
    event.add("transp", "TRANSPARENT")
    event.add("class", "PRIVATE")
    event.add("categories", [_("planner proposal")])
    event.add(MARKER.lower(), feed_key(item.event.uid))
    event.add_component(_alarm(item, secret))
    return event


def _description(item: PlannedEvent, proposal: Proposal, tz: object) -> str:
    start = item.event.start.astimezone(tz)  # type: ignore[arg-type]
    rec = item.recommendation
    lines = [
        _("Instead of: {title}, {when} ({mode})", title=item.event.title,
          when=day_time(start), mode=mode_label(item.mode)),
    ]  # fmt: skip
    if rec is not None:
        lines.append(_("Why in person: {reason}", reason=rec.reason))
    lines += [f"• {reason}" for reason in proposal.reasons]
    before, after = proposal.travel_minutes
    if before is not None and after is not None:  # else where the user comes from is unknown
        lines.append(_("Travel: {before} min there, {after} min back", before=before, after=after))
    return "\n".join(lines)


def _scrub(text: str, item: PlannedEvent) -> str:
    """``text`` without the addresses and domains of the meeting's people, in every spelling
    (as written, in lower case, in U-labels: the recommendation names an organisation with no
    known name by its domain, "lümann-gruppe.example" for ``xn--lmann-gruppe-dlb.example``):
    a domain in brackets after names goes, one on its own becomes "your counterpart"."""
    for value in _spellings(item):
        bracket = re.compile(rf"\s*\(\s*{re.escape(value)}\s*\)", re.IGNORECASE)
        text = bracket.sub("", text)
        alone = re.compile(rf"(?<![\w.-]){re.escape(value)}(?![\w-])", re.IGNORECASE)
        text = alone.sub(_("your counterpart"), text)
    return neutral(text)


def _spellings(item: PlannedEvent) -> list[str]:
    """The addresses and domains of the meeting's people as text may spell them, longest
    first (an address before its domain)."""
    from planner.people.addresses import address_key

    found: set[str] = set()
    for person in item.event.people():
        for address in {person.email.strip().lower(), address_key(person.email)}:
            if "@" in address:
                found |= {address, address.rpartition("@")[2]}
    return sorted(found - {""}, key=len, reverse=True)


def _alarm(item: PlannedEvent, secret: bool) -> icalendar.Alarm:
    import icalendar

    rec = item.recommendation
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    if secret:
        alarm.add("description", _("A proposal to meet in person: see 'planner week'"))
    else:
        text = _("Meet in person instead: {title}", title=item.event.title)
        alarm.add("description", _scrub(f"{text} ({rec.reason})" if rec else text, item))
    alarm.add("trigger", -ALARM_BEFORE)
    return alarm
