"""The sources of people planner reads today, each as :class:`~planner.people.person.Entry`
objects of its :class:`~planner.people.person.Source`:

- the config: ``[user]`` (the user's own name) and ``[[people]]`` tables (``email`` with
  ``name``, ``organisation``, ``city``, ``tags``; or ``domain`` with ``organisation``);
- calendars: every organizer and attendee of the events read, with the display name the
  calendar gives (iCalendar CN, Graph ``emailAddress.name``, Google ``displayName``), seen at
  the event's start;
- signatures: ``Name <address>`` and company lines in the events' descriptions
  (:mod:`planner.people.signatures`).

Address books (:mod:`planner.people.books`) add their entries with :meth:`People.add_all` at
their own rank.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from planner.i18n import _
from planner.model import Event, is_person_address
from planner.people.directory import People
from planner.people.names import clean_name
from planner.people.person import Entry, Source

if TYPE_CHECKING:
    from planner.config import Config


def people_for(config: Config | None = None, events: Iterable[Event] = ()) -> People:
    """A directory of the config's people and everyone in ``events``."""
    people = People()
    if config is not None:
        add_config(people, config)
    learn(people, events)
    return people


def learn(people: People, events: Iterable[Event]) -> None:
    """Add the people of ``events``: their calendar names and their signatures."""
    events = list(events)
    people.add_all(calendar_entries(events))
    people.add_all(signature_entries(events))


def learn_names(
    people: People, sightings: Iterable[tuple[datetime, Iterable[tuple[str, str]]]]
) -> None:
    """The names calendars gave addresses at meetings, each sighting ``(start, ((address,
    name), …))``: one entry per address and name, with its latest start and how often (the
    same as one entry per sighting, for a fraction of the work)."""
    found: dict[Any, list[Any]] = {}
    for start, pairs in sightings:
        for pair in pairs:
            if pair[1]:
                _tally(found, pair, start)
    people.add_all(
        Entry((address,), Source.CALENDAR, name=name, seen=seen, times=times)
        for (address, name), (seen, times) in found.items()
    )


def add_config(people: People, config: Config) -> None:
    user = config.user
    if user["email"]:
        addresses = (user["email"], *user.get("other_emails", ()))
        people.add(Entry(addresses, Source.CONFIG, name=user["name"], origin="[user]"))
    for number, table in enumerate(config.people, start=1):
        people.add_all(config_entries(table, number))
        if table.get("domain") and table.get("organisation"):
            origin = f"[[people]] #{number}"
            people.add_organisation(table["domain"], table["organisation"], Source.CONFIG, origin)


def config_entries(table: Mapping[str, Any], number: int) -> Iterator[Entry]:
    """The person one ``[[people]]`` table names (a table with only a ``domain`` names an
    organisation, see :meth:`People.add_organisation`)."""
    if not table.get("email"):
        return
    yield Entry(
        (table["email"],),
        Source.CONFIG,
        name=table.get("name", ""),
        organisation=table.get("organisation", ""),
        city=table.get("city", ""),
        origin=f"[[people]] #{number}",
        places=(table["city"],) if table.get("city") else (),
        tags=tuple(table.get("tags", ())),
    )


def _tally(found: dict[Any, list[Any]], key: Any, start: datetime) -> None:
    """Count a sighting of ``key`` at ``start`` in ``found``: key → [latest start, times]."""
    if (seen := found.get(key)) is None:
        found[key] = [start, 1]
    else:
        seen[1] += 1
        if start > seen[0]:
            seen[0] = start


def calendar_entries(events: Iterable[Event]) -> Iterator[Entry]:
    """Organizer and attendees of every event with the name its calendar gives them: one
    entry per address, name and calendar, seen at its latest meeting, counted."""
    found: dict[Any, list[Any]] = {}
    for event in events:
        where, start = event.calendar or event.source, event.start
        for person in ((event.organizer,) if event.organizer else ()) + event.attendees:
            _tally(found, (person.email, person.name, where, person.is_resource), start)
    origins = {k[2]: _("calendar {name}", name=k[2]) if k[2] else "" for k in found}
    for (address, name, where, resource), (seen, times) in found.items():
        if resource or not address or not is_person_address(address):
            continue
        yield Entry((address,), Source.CALENDAR, name=clean_name(name, address), seen=seen,
                    origin=origins[where], times=times)  # fmt: skip


def signature_entries(events: Iterable[Event]) -> Iterator[Entry]:
    """Names and organisations written into the events' descriptions."""
    seen: set[str] = set()
    for event in events:
        text = event.description
        if "@" not in text or text in seen:  # a series repeats its description
            continue
        seen.add(text)
        # imported where a description names an address: most runs' new events do not (6 ms)
        from planner.people.signatures import signed

        for found in signed(text):
            yield Entry(
                (found.address,),
                Source.SIGNATURE,
                name=found.name,
                organisation=found.organisation,
                seen=event.start,
                origin=_("signature in '{title}'", title=event.title),
            )
