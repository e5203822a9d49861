"""Whom an invitation goes to, by name: a name typed with ``--to`` as typed, else the one the
proposal or the user's people know; and whether a line addressed to "you" has one reader."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from planner.config import Config
from planner.model import Attendee
from planner.people.directory import People
from planner.store import Store


def theirs_alone(attendees: Sequence[Attendee], saved: dict[str, Any]) -> bool:
    """Whether the invitation goes to the one counterpart the proposal estimated the way for:
    a line addressed to "you" is for one reader."""
    from planner.people.addresses import address_key

    wanted = [address_key(e) for e in saved.get("with") or []]
    return len(attendees) == 1 == len(wanted) and address_key(attendees[0].email) == wanted[0]


def people_named(
    emails: Sequence[str], saved: dict[str, Any], known: People | None = None
) -> list[tuple[str, str]]:
    """Each invitee with a name: ``--to "Name <address>"`` as typed, else the name the
    proposal knew (from the calendars, the config or ``--with``), else the one ``known`` has
    (``[[people]]``, the address books, earlier invitations)."""
    from planner.people.addresses import address_key
    from planner.people.names import parse_mailbox

    names = {address_key(k): v for k, v in (saved.get("names") or {}).items()}
    result = []
    for text in emails:
        name, address = parse_mailbox(text)
        name = name or names.get(address_key(address), "")
        result.append((address, name or (known.name_of(address) if known else "")))
    return result


def known_people(config: Config, store: Store | None) -> People:
    """Whom the user knows by name without reading a calendar: ``[[people]]``, the address
    books (their copy where not due), and the counterparts of invitations sent before."""
    from planner.invite.sentlog import recent
    from planner.people.books import add_books
    from planner.people.person import Entry, Source
    from planner.people.sources import people_for

    people = people_for(config)
    if store is None:
        return people
    add_books(people, config, store, now=datetime.now(config.tz))
    people.add_all(
        Entry((p.email,), Source.CALENDAR, name=p.name)
        for r in recent(store, 200)
        for p in r.invitation.counterparts
        if p.name
    )
    return people
