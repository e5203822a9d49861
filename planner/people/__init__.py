"""One notion of a person: addresses (any spelling compares equal, IDN-aware), display name,
organisation and city, gathered from every source planner reads and chosen by a clear
precedence (:class:`~planner.people.person.Source`: the config over address books over
calendars over signatures; then the most recent, then the most frequent).

- :mod:`~planner.people.addresses`: valid addresses, their ASCII wire forms and their key;
- :mod:`~planner.people.names`: display names as calendars and people write them;
- :mod:`~planner.people.person`: :class:`Person` and the :class:`Entry` every source hands in;
- :mod:`~planner.people.directory`: :class:`People`, who is who by address;
- :mod:`~planner.people.sources` and :mod:`~planner.people.signatures`: the config,
  calendars and signatures as sources.

Every subject, table, JSON output and feed shows a person through :meth:`People.label`.
Sits above :mod:`planner.calendar` and below the rooms that judge, meet and invite.
"""

from planner.people.directory import People
from planner.people.person import Entry, Person, Source

__all__ = ["Entry", "People", "Person", "Source"]
