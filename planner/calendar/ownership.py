"""Whose entries a calendar holds: the user's, or other people's (a shared team, room or
colleague's calendar read along with the user's own).

An entry that names people (an organiser or attendees who are persons, not rooms), none of
whom is the user (``[user] email`` and ``other_emails``), is someone else's: a colleague's room
booking in the team calendar, a client workshop in a room mailbox. It is no meeting of the
user's, no busy time of theirs, nobody they met, no part of their trips. Real exports often
leave the user out of ATTENDEE, so the rule is narrow:

- an entry without people (an event the user made alone) is the user's;
- a distribution list or group among the attendees may stand for the user: the user's;
- a provider that knows the calendar owner's answer (Google ``self``, Graph
  ``responseStatus``) says the owner takes part: the user's, unless the calendar is ``shared``;
- the rule holds only when the user is named in some entry read at all: otherwise the
  addresses in the config are not the ones the calendars use, and nothing is left out.

Some real invitations name only the counterpart, not the user (a distribution list, a
forwarded invitation, an organiser who left the user out of ATTENDEE): in the user's own
calendar these are the user's meetings all the same. So before a single entry is read as
someone else's, the calendar as a whole is weighed (:func:`users_calendar`): one that names the
user, and either names the user in most of its entries with people, or names nobody else in
most of them (a calendar's owner is in most of its entries) and holds entries only its owner
makes (the user's own travel: flights, hotels, trains; the provider's own-busy markers:
Outlook's out of office or busy on an entry without other people) is the user's, and every
entry of it is kept. A calendar that never names the user, or names someone else (a colleague
whose calendar it is) in most entries, is read entry by entry as below.

A calendar is someone else's team calendar when colleagues (the user's own domains) organise
entries there that the user is not in, and no entry names the user; then, as in a calendar
configured ``role = "shared"``, its all-day entries without people are other people's markers
too (a colleague's vacation is not the user's absence). Timed entries without people stay:
a team's party "everyone is invited to" still concerns the user.

``role`` in a ``[[calendars]]`` table settles it: ``own`` keeps every entry, ``shared`` reads
the calendar as other people's, ``auto`` (the default) infers as above.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import tzinfo

from planner.i18n import long_day, ngettext
from planner.model import Busy, Event, is_person_address

ROLES = ("auto", "own", "shared")
#: Outlook's own status of the calendar's owner (X-MICROSOFT-CDO-BUSYSTATUS) on an entry
OWN_STATUS = frozenset({"BUSY", "OOF"})
SHOWN = 3  # entries (and people) a warning names; the rest are counted


@dataclass(frozen=True, slots=True)
class Sorted:
    """One calendar's entries: the user's (``kept``) and other people's (``left_out``)."""

    kept: list[Event]
    left_out: list[Event]
    inferred: bool  # read as other people's by inference (role auto), not by the config

    @property
    def theirs(self) -> int:
        return len(self.left_out)


def names_user(event: Event, mine: frozenset[str]) -> bool:
    """Whether the organiser or an attendee is one of the user's addresses."""
    listed = ((event.organizer,) if event.organizer else ()) + event.attendees
    return any(p.email.strip().lower() in mine for p in listed)


def someone_elses(event: Event, mine: frozenset[str], *, shared: bool = False) -> bool:
    """An entry that names people, none of them the user (see the module's rules)."""
    if names_user(event, mine) or not event.people():
        return False
    if any(not p.is_resource and not is_person_address(p.email) for p in event.attendees):
        return False  # a list or group: the user may be one of its members
    return shared or event.self_response is None


def _team(events: Sequence[Event], mine: frozenset[str], own_domains: frozenset[str]) -> bool:
    """Colleagues' entries the user is not in, and none the user is in."""
    colleague = False
    for event in events:
        if names_user(event, mine):
            return False
        organizer = event.organizer
        if organizer and organizer.domain in own_domains and someone_elses(event, mine):
            colleague = True
    return colleague


def users_calendar(
    events: Sequence[Event],
    mine: frozenset[str],
    travel: Callable[[Event], bool] | None = None,
) -> bool:
    """Whether the calendar as a whole is the user's (see the module's rules): it names the
    user, in most entries with people, or else nobody else is in most of them and it holds
    entries only its owner makes (``travel`` tells the user's journeys and stays)."""
    with_people = [event for event in events if event.people()]
    named = sum(1 for event in with_people if names_user(event, mine))
    if not named:
        return False
    if 2 * named > len(with_people):
        return True
    others = Counter(
        p.email.strip().lower()
        for event in with_people
        for p in event.people()
        if p.email.strip().lower() not in mine and is_person_address(p.email)
    )
    if others and 2 * max(others.values()) > len(with_people):
        return False  # someone else is in most of its entries: their calendar
    return any(_owners_own(event, mine, travel) for event in events)


def _owners_own(event: Event, mine: frozenset[str], travel: Callable[[Event], bool] | None) -> bool:
    """An entry with nobody but the owner that only the owner makes: a journey or stay, out of
    office, or Outlook's own busy status."""
    if any(p.email.strip().lower() not in mine for p in event.people()):
        return False
    if travel is not None and travel(event):
        return True
    status = event.hint("X-MICROSOFT-CDO-BUSYSTATUS").strip().upper()
    return event.busy_status is Busy.OUT_OF_OFFICE or status in OWN_STATUS


def sort_out(
    events: Sequence[Event],
    mine: frozenset[str],
    role: str = "auto",
    own_domains: frozenset[str] = frozenset(),
    travel: Callable[[Event], bool] | None = None,
) -> Sorted:
    """The user's entries of one calendar in the role it has (:data:`ROLES`); with role
    ``auto`` a calendar that is the user's as a whole (:func:`users_calendar`) keeps them all."""
    if role == "own" or (role == "auto" and users_calendar(events, mine, travel)):
        return Sorted(list(events), [], inferred=False)
    shared = role == "shared"
    team = shared or _team(events, mine, own_domains)
    kept: list[Event] = []
    left_out: list[Event] = []
    for event in events:
        theirs = someone_elses(event, mine, shared=shared) or (
            team and event.all_day and not event.people() and not names_user(event, mine)
        )
        (left_out if theirs else kept).append(event)
    return Sorted(kept, left_out, inferred=not shared)


def left_out_warning(name: str, left_out: Sequence[Event], tz: tzinfo) -> str:
    """What was read as someone else's in calendar ``name``: the first few entries by title
    and day, and whom ``role = "own"`` would count as met or spoken to."""
    shown = ", ".join(
        f"'{event.title}' ({long_day(event.start.astimezone(tz).date())})"
        for event in left_out[:SHOWN]
    )
    if len(left_out) > SHOWN:
        shown = ngettext(
            "{shown} and {count} more", "{shown} and {count} more", len(left_out) - SHOWN,
            shown=shown,
        )  # fmt: skip
    people = list(dict.fromkeys(p.name or p.email for e in left_out for p in e.people()))
    who = ", ".join(people[:SHOWN]) + (", …" if len(people) > SHOWN else "")
    return ngettext(
        "{name}: {count} entry names other people but not you and is left out as someone "
        'else\'s: {entries}; role = "own" in its [[calendars]] table keeps it as your meeting '
        'and busy time (with {people}), role = "shared" says it is someone else\'s calendar',
        "{name}: {count} entries name other people but not you and are left out as someone "
        'else\'s: {entries}; role = "own" in its [[calendars]] table keeps them as your '
        'meetings and busy time (with {people}), role = "shared" says it is someone else\'s '
        "calendar",
        len(left_out),
        name=name,
        entries=shown,
        people=who,
    )


def user_named(calendars: Sequence[Sequence[Event]], mine: frozenset[str]) -> bool:
    """Whether any entry of any calendar names the user: the addresses in the config are
    the ones the calendars use (else nothing is read as someone else's)."""
    return any(names_user(event, mine) for events in calendars for event in events)
