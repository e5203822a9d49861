"""``planner propose`` as a library function: slots and venues for a counterpart (or several),
or for a flagged meeting of the week (``--for``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from planner.config import Config
from planner.i18n import _, short_day
from planner.model import Event, Interval, Mode, Purpose
from planner.store import Store

if TYPE_CHECKING:
    from planner.flows.followup_steps import InviteState
    from planner.judge.homes import HomeCity
    from planner.meet.proposals import Proposal


from planner.flows.listed import identified, meeting_json
from planner.flows.session import Session, finder_for, open_session

#: The time before and after an in-person meeting already booked with them that no other
#: proposal takes: a coffee 45 minutes before the lunch with the same person is no second
#: table (a dinner that evening, when they are in town for the day, still is).
BESIDE = timedelta(hours=2)


@dataclass(frozen=True)
class ProposeResult:
    proposals: list[Proposal]
    counterpart: str
    name: str
    purpose: Purpose
    window: tuple[datetime, datetime]
    notes: tuple[str, ...] = ()  # why there are none, what to do (meeting_place.propose_to_meet)
    people: tuple[str, ...] = ()
    meeting: dict[str, Any] | None = None  # the flagged meeting of ``propose --for``
    names: tuple[str, ...] = ()  # the display name of each of ``people`` ("" when unknown)
    homes: tuple[HomeCity | None, ...] = ()  # where each of ``people`` lives or works
    #: the open invitations to ``people``, each with its state and next step: their times are
    #: not proposed again (:func:`planner.flows.held.for_others`)
    invitations: tuple[InviteState, ...] = ()
    #: the note that a meeting in person with them is in the calendar already ("" if none),
    #: also among ``notes``: an offer made all the same says it
    met: str = ""

    def to_json(self) -> dict[str, Any]:
        from planner.people.addresses import address_key

        people = self.people or (self.counterpart,)
        data = {
            "notes": list(self.notes),
            "with": list(people),
            "names": {address_key(p): n for p, n in zip(people, self.names, strict=False) if n},
            "name": self.name,
            "purpose": self.purpose.value,
            "window": {"start": self.window[0].isoformat(), "end": self.window[1].isoformat()},
            "proposals": [p.to_json() for p in self.proposals],
        }
        if self.meeting:
            data["meeting"] = self.meeting
        data["cities"] = {
            address_key(p): h.to_json() for p, h in zip(people, self.homes, strict=False) if h
        }
        return data

    def where(self) -> list[str]:
        """Where each counterpart lives or works, with the evidence, one line each."""
        from planner.i18n import _

        lines = []
        for person, name, home in zip(self.people, self.names, self.homes, strict=False):
            if home is not None:
                lines.append(
                    _(
                        "{who} lives or works in {city} ({evidence})",
                        who=name or person,
                        city=home.city,
                        evidence="; ".join(home.evidence[:2]),
                    )
                )
        return lines


def propose_for(
    config: Config,
    store: Store,
    email: str | Sequence[str] | None,
    *,
    now: datetime,
    first_day: date | None = None,
    purpose: Purpose | str | None = None,
    near: str | None = None,
    count: int = 3,
    progress: Callable[[str], None] | None = None,
    meeting_uid: str | None = None,
) -> ProposeResult:
    """Slot-and-venue pairs to meet ``email`` (one address, or several: a time free for all
    calendars that can tell and a place fair to all; ``Name <address>`` also) in the week of
    ``first_day`` (or the next
    ``[slots] days_ahead`` days), best first. Their busy time is respected where a calendar
    service can tell it; a place where they were met before counts as theirs. Without a
    purpose, the one the calendar knows for their next meeting is used.

    With ``meeting_uid`` (a unique prefix is enough) the counterparts, the purpose and the
    window come from that meeting, and its own time, in person, is tried first (unless it is
    in person already: then only other times are proposed)."""
    from planner.flows.held import for_others, held_times
    from planner.flows.meeting_place import MeetRequest, propose_to_meet
    from planner.flows.own_travel import located_trips, own_travel, proposer_over
    from planner.flows.places import places_only
    from planner.flows.weekly import week_bounds
    from planner.meet.fetched import VenueSupply, catalog_with_fetched
    from planner.meet.freebusy import FreeBusyLookup
    from planner.meet.geo import Geocoder
    from planner.meet.one_shot import resolve_place
    from planner.meet.places import locate_known
    from planner.meet.slots import ahead_window, earliest
    from planner.people.addresses import address_key
    from planner.people.names import parse_mailbox

    given: dict[str, str] = {}  # address → the name the user typed with it
    if email:
        typed = [parse_mailbox(e) for e in ([email] if isinstance(email, str) else email)]
        given = {address_key(address): name for name, address in typed if name}
        email = [address for _name, address in typed]
        _not_yours(config, email)
    notice = config["slots"]["notice_hours"]
    if first_day is not None:
        start, end = week_bounds(first_day, config)
        start = max(start, earliest(now, notice))
    else:
        start, end = ahead_window(now, config["slots"]["days_ahead"], config.tz, notice)
    until = end + timedelta(days=1)
    if meeting_uid:
        until = max(until, now + timedelta(days=config["slots"]["days_ahead"] + 31))
    session = open_session(config, store, now=now, until=until, progress=progress)
    found: list[Proposal] = []
    notes: list[str] = []
    homes: list[HomeCity | None] = []
    met = ""
    try:
        meeting = find_meeting(session, meeting_uid, until) if meeting_uid else None
        events = session.events
        if meeting is not None:
            people = _others(config, meeting)
            start, end = _meeting_window(config, meeting, now)
            events = [e for e in session.events if e.key != meeting.key]
            known = _known_purpose(session, meeting)
            chosen = parse_purpose(purpose) or known or _purpose(None, people, session, start)
        else:
            assert email, "propose_for needs an e-mail or a meeting"
            people = list(dict.fromkeys([email] if isinstance(email, str) else email))
            chosen = parse_purpose(purpose) or _week_purpose(session, people, start, end)
            chosen = chosen or _purpose(None, people, session, start)
        lookup = FreeBusyLookup(
            session.providers,
            tz=config.tz,
            store=store,
            cache_minutes=config["free_busy"]["cache_minutes"],
        )
        busy = lookup(people, start, end) or []
        lookup.report()
        table = _table_ahead(session, people, now, end) if meeting is None else None
        if table is not None:  # they meet anyway: no second table right beside the first
            beside = Interval(table.start - BESIDE, table.end + BESIDE)
            busy = sorted([*busy, beside], key=lambda i: i.start)
        offered = for_others(held_times(store, config, now, declined=True), people)
        catalog = catalog_with_fetched(config, store)
        supply = VenueSupply(config, store, catalog, now, progress)
        geocoder = places_only(Geocoder(config, catalog, store_factory=lambda: store))
        modes = {k: c.mode for k, c in session.modes.items()}
        travel = own_travel(session.events, config, geocoder.locate)
        proposer = proposer_over(
            [*events, *offered],
            config,
            catalog,
            modes=modes,
            geocoder=geocoder,
            supply=supply,
            travel=travel,
        )
        finder = finder_for(session, geocoder.locate, store)
        homes = [finder.home_of(p) for p in people]
        if start < end:
            request = MeetRequest(
                people,
                start,
                end,
                chosen,
                busy,
                count,
                near=resolve_place(
                    lambda t: locate_known(config, t, store, catalog), near, "--near"
                ),
                near_label=near or "",
                now=now,
                same_time=_own_time(session, meeting),
                like=Interval(meeting.start, meeting.end) if meeting is not None else None,
            )
            found, notes = propose_to_meet(
                proposer,
                request,
                events=events,
                modes=session.modes,
                homes=finder.home_of,
                supply=supply,
                trips=located_trips(travel.whereabouts, geocoder.locate),
            )
        if table is not None:
            day = short_day(table.start.astimezone(config.tz).date())
            met = _("You meet in person at '{title}' on {day} already", title=table.title, day=day)
            met = _("{met}; nothing is proposed right before or after it", met=met)
            notes.append(met)
    finally:
        session.close()
    found = identified(found, people, meeting.uid if meeting is not None else "")
    known = session.ledger.directory.people
    names = [known.display_name(p, given.get(address_key(p), "")) for p in people]
    several = meeting is not None or len(people) > 1
    name = " & ".join(n or p for n, p in zip(names, people, strict=True)) if several else names[0]
    return ProposeResult(
        found,
        people[0],
        name,
        chosen,
        (start, end),
        tuple(notes),
        tuple(people),
        meeting_json(meeting) if meeting is not None else None,
        tuple(names),
        tuple(homes),
        invitations_to(config, store, people, now),
        met,
    )


def _table_ahead(
    session: Session, people: Sequence[str], now: datetime, end: datetime
) -> Event | None:
    """The next meeting in person with any of ``people`` between now and ``end`` (an offer
    to someone met for coffee on Friday anyway says so before it is sent)."""
    from planner.flows.keep_in_touch import meetings_ahead
    from planner.people.addresses import address_key

    ahead = meetings_ahead(session.events, now)
    tables = [
        e
        for person in people
        for e in ahead.get(address_key(person), ())
        if e.start < end
        and (found := session.modes.get(e.key)) is not None
        and found.mode is Mode.IN_PERSON
    ]
    return min(tables, key=lambda e: e.start) if tables else None


def invitations_to(
    config: Config, store: Store, people: Sequence[str], now: datetime
) -> tuple[InviteState, ...]:
    """The open invitations to any of ``people`` (and those cancelled, until their time has
    passed), each counterpart's state with its next step
    (:func:`planner.flows.followup_steps.next_step`), as ``planner invites`` shows them."""
    from planner.flows.held import SENT

    if not store.holds(SENT):
        return ()  # nothing was ever sent (the follow-up code is not even loaded)
    from planner.flows.followup import followed_invitations, invite_states, told_once
    from planner.people.addresses import address_key

    wanted = {address_key(p) for p in people}
    records = [
        r
        for r in followed_invitations(store, now)
        if wanted & {address_key(p.email) for p in r.invitation.counterparts}
    ]
    states = invite_states(config, store, now=now, records=records) if records else []
    return tuple(told_once([s for s in states if address_key(s.counterpart) in wanted]))


def parse_purpose(given: Purpose | str | None) -> Purpose | None:
    from planner.judge.purpose import parse_purpose as parse

    return parse(given)


def find_meeting(session: Session, prefix: str, until: datetime | None = None) -> Event:
    """The meeting whose UID starts with ``prefix`` (or is it): its next occurrence, else its
    last one; the calendars were read up to ``until`` (named when none is found)."""
    from planner.errors import UsageError

    wanted = prefix.strip().lower()
    found = [e for e in session.events if e.uid.lower().startswith(wanted)]
    uids = sorted({e.uid for e in found})
    if any(u.lower() == wanted for u in uids):
        uids = [u for u in uids if u.lower() == wanted]
    if not uids and until is not None:
        last = (until - timedelta(microseconds=1)).astimezone(session.config.tz).date()
        raise UsageError(
            _(
                "--for {uid}: no meeting with this UID in your calendars up to {last}",
                uid=prefix,
                last=short_day(last),
            ),
            hint=_(
                "for a later meeting give its week, e.g. --week 2027-W12; a cancelled one is "
                "not read; 'planner week --format json' shows the UIDs"
            ),
        )
    if not uids:
        raise UsageError(
            _("--for {uid}: no meeting with this UID in your calendars", uid=prefix),
            hint=_("'planner week --format json' shows the UIDs"),
        )
    if len(uids) > 1:
        raise UsageError(
            _(
                "--for {uid}: {count} meetings have UIDs that start so: {uids}",
                uid=prefix,
                count=len(uids),
                uids=", ".join(uids[:4]),
            ),
            hint=_("give more of the UID"),
        )
    found = [e for e in found if e.uid == uids[0]]
    upcoming = [e for e in found if e.end > session.now]
    return min(upcoming, key=lambda e: e.start) if upcoming else max(found, key=lambda e: e.start)


def _not_yours(config: Config, emails: Sequence[str]) -> None:
    """``--with`` one of the user's own addresses (``[user] email``, ``other_emails``) is a
    usage error: it proposed to meet "Anna Berger" where she lives, and credited her with a
    counterpart's dinner."""
    from planner.errors import UsageError
    from planner.people.addresses import address_key, user_keys

    mine = user_keys(config)
    for address in emails:
        if address_key(address) in mine:
            raise UsageError(
                _("--with {address}: that is your own address; give the people to meet",
                  address=address)
            )  # fmt: skip


def _others(config: Config, event: Event) -> list[str]:
    from planner.errors import UsageError
    from planner.people.addresses import address_key, user_keys

    mine = user_keys(config)
    people = [p.email for p in event.people() if address_key(p.email) not in mine]
    if not people:
        raise UsageError(
            _("--for: '{title}' has nobody else to meet", title=event.title),
            hint=_("give --with EMAIL instead"),
        )
    return people


def _meeting_window(config: Config, event: Event, now: datetime) -> tuple[datetime, datetime]:
    """The meeting's week (from now on) and the week after, as ``planner week`` proposes."""
    from planner.flows.weekly import week_bounds

    day = event.start.astimezone(config.tz).date()
    start, end = week_bounds(day - timedelta(days=day.weekday()), config)
    return max(start, now), end + timedelta(days=7)


def _own_time(session: Session, meeting: Event | None) -> Interval | None:
    """The meeting's own time, to be tried in person first; None for a meeting that is in
    person already (its time at another table is no proposal: its own place is set)."""
    if meeting is None:
        return None
    found = session.modes.get(meeting.key)
    if found is not None and found.mode is Mode.IN_PERSON:
        return None
    return Interval(meeting.start, meeting.end)


def _known_purpose(session: Session, event: Event) -> Purpose | None:
    from planner.judge.purpose import determine_purpose

    mode = session.modes[event.key].mode if event.key in session.modes else None
    found = determine_purpose(event, session.ledger, session.config, mode).purpose
    return None if found in (Purpose.PERSONAL, Purpose.INTERNAL) else found


def _week_purpose(
    session: Session, emails: Sequence[str], start: datetime, end: datetime
) -> Purpose | None:
    """The purpose the calendar already knows for a meeting with ``emails`` in the window (the
    first such meeting with any of them), e.g. a deal closing; None when there is none."""
    from planner.people.addresses import address_key

    wanted = {address_key(e) for e in emails}
    for event in sorted(session.events, key=lambda e: e.start):
        if event.end <= session.now or not (start - timedelta(days=7) <= event.start < end):
            continue
        if any(address_key(p.email) in wanted for p in event.people()):
            if found := _known_purpose(session, event):
                return found
    return None


def _purpose(
    given: Purpose | str | None, emails: Sequence[str], session: Session, when: datetime
) -> Purpose:
    """The purpose given, else a first contact when someone was never met, else "other"."""
    from planner.judge.purpose import parse_purpose

    if chosen := parse_purpose(given):
        return chosen
    met = all(session.ledger.met_before([e], when) for e in emails)
    return Purpose.OTHER if met else Purpose.FIRST_CONTACT
