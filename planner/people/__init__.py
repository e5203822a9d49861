"""One notion of a person: addresses (any spelling compares equal, IDN-aware), display name,
organisation and city, gathered from every source planner reads and chosen by a clear
precedence (:class:`~planner.people.person.Source`: the config over address books over
calendars over signatures; then the most recent, then the most frequent).

- ``addresses``: valid addresses, their ASCII wire forms and their key (``address_key``);
- ``names``: display names as calendars and people write them;
- ``person``: :class:`Person` and the :class:`Entry` every source hands in;
- ``directory``: :class:`People`, who is who by address;
- ``sources`` and ``signatures``: the config, calendars and signatures as sources
  (``people_for`` builds a directory from a config and events).

Every subject, table, JSON output and feed shows a person through :meth:`People.label`.
Sits above ``planner.calendar`` and below the rooms that judge, meet and invite.
"""

from planner.people.directory import People
from planner.people.person import Entry, Person, Source

__all__ = ["Entry", "People", "Person", "Source"]
