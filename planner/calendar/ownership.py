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

A calendar is someone else's team calendar when colleagues (the user's own domains) organise
entries there that the user is not in, and no entry names the user; then, as in a calendar
configured ``role = "shared"``, its all-day entries without people are other people's markers
too (a colleague's vacation is not the user's absence). Timed entries without people stay:
a team's party "everyone is invited to" still concerns the user.

``role`` in a ``[[calendars]]`` table settles it: ``own`` keeps every entry, ``shared`` reads
the calendar as other people's, ``auto`` (the default) infers as above.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planner.model import Event, is_person_address

ROLES = ("auto", "own", "shared")


@dataclass(frozen=True, slots=True)
class Sorted:
    """One calendar's entries: the user's (``kept``) and how many are other people's."""

    kept: list[Event]
    theirs: int
    inferred: bool  # read as other people's by inference (role auto), not by the config


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


def sort_out(
    events: Sequence[Event],
    mine: frozenset[str],
    role: str = "auto",
    own_domains: frozenset[str] = frozenset(),
) -> Sorted:
    """The user's entries of one calendar in the role it has (:data:`ROLES`)."""
    if role == "own":
        return Sorted(list(events), 0, inferred=False)
    shared = role == "shared"
    team = shared or _team(events, mine, own_domains)
    kept = [
        event
        for event in events
        if not someone_elses(event, mine, shared=shared)
        and not (team and event.all_day and not event.people() and not names_user(event, mine))
    ]
    return Sorted(kept, len(events) - len(kept), inferred=not shared)


def user_named(calendars: Sequence[Sequence[Event]], mine: frozenset[str]) -> bool:
    """Whether any entry of any calendar names the user: the addresses in the config are
    the ones the calendars use (else nothing is read as someone else's)."""
    return any(names_user(event, mine) for events in calendars for event in events)
