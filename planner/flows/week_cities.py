"""Where the week's counterparts live or work, for the JSON view of the plan
(``WeeklyPlan.cities``): the one answer of :mod:`planner.judge.homes` every view gives,
each worked out when first asked (a plan shown in the terminal asks for none)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.flows.plan import PlannedEvent


def week_cities(items: Sequence[PlannedEvent], homes: Any) -> Mapping[str, str]:
    """Address key → the city of each counterpart of ``items`` (see ``WeeklyPlan.cities``),
    each worked out when first asked: only the JSON view asks, so a plan in the terminal
    costs nothing for it."""
    from planner.people.addresses import address_key

    emails: dict[str, str] = {}
    for item in items:
        for person in item.event.people():
            emails.setdefault(address_key(person.email), person.email)
    return _Cities(emails, homes)


class _Cities(Mapping[str, str]):
    """Address key → city, each from ``homes`` (:class:`planner.judge.homes.HomeFinder`)
    when first asked; ``emails``: the week's counterparts by address key."""

    def __init__(self, emails: Mapping[str, str], homes: Callable[[str], Any]) -> None:
        self._emails = emails
        self._homes = homes
        self._found: dict[str, str] = {}

    def __getitem__(self, key: str) -> str:
        if key not in self._found:
            from planner.judge.homes import shown_city

            self._found[key] = shown_city(self._homes(self._emails[key]))  # KeyError: none
        return self._found[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._emails)

    def __len__(self) -> int:
        return len(self._emails)
