"""Where the week's counterparts live or work, for the JSON view of the plan
(``WeeklyPlan.cities``): the one answer of :mod:`planner.judge.homes` every view gives,
each worked out when first asked (a plan shown in the terminal asks for none)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.flows.plan import PlannedEvent
    from planner.judge.homes import HomeFinder
    from planner.judge.homes_many import Begun


def week_cities(
    items: Sequence[PlannedEvent], homes: HomeFinder, begun: Begun | None = None
) -> Cities:
    """Address key → the city of each counterpart of ``items`` (see ``WeeklyPlan.cities``),
    each worked out when first asked: only the JSON view asks, so a plan in the terminal
    costs nothing for it (but what :func:`begin` had a forked process work out meanwhile)."""
    return Cities(_counterparts(items), homes, begun)


def begin(items: Sequence[PlannedEvent], homes: HomeFinder) -> Begun | None:
    """Where the counterparts of a week of thousands live, worked out in a forked process
    while the plan is made (:func:`planner.judge.homes_many.begin`); None for fewer."""
    from planner.judge.homes_many import begin as begin_homes

    return begin_homes(homes, _counterparts(items).values())


def _counterparts(items: Sequence[PlannedEvent]) -> dict[str, str]:
    from planner.people.addresses import address_key

    emails: dict[str, str] = {}
    for item in items:
        for person in item.event.people():
            emails.setdefault(address_key(person.email), person.email)
    return emails


class Cities(Mapping[str, str]):
    """Address key → city, each from ``homes`` when first asked, or all at once
    (:meth:`every`); ``emails``: the week's counterparts by address key."""

    def __init__(
        self, emails: Mapping[str, str], homes: HomeFinder, begun: Begun | None = None
    ) -> None:
        self._emails = emails
        self._homes = homes
        self._begun = begun  # worked out meanwhile (:func:`begin`), taken in by :meth:`every`
        self._found: dict[str, str] = {}

    def __getitem__(self, key: str) -> str:
        if key not in self._found:
            from planner.judge.homes import shown_city

            self._found[key] = shown_city(self._homes.home_of(self._emails[key]))  # KeyError
        return self._found[key]

    def every(self) -> dict[str, str]:
        """Each counterpart's city, those not asked yet worked out together (thousands on the
        usable cores: :func:`planner.judge.homes_many.homes_of`)."""
        from planner.judge.homes import shown_city
        from planner.judge.homes_many import homes_of

        begun, self._begun = self._begun, None
        if missing := [self._emails[key] for key in self._emails if key not in self._found]:
            found = homes_of(self._homes, missing, begun)
            self._found.update((key, shown_city(home)) for key, home in found.items())
        return {key: self[key] for key in self._emails}

    def __iter__(self) -> Iterator[str]:
        return iter(self._emails)

    def __len__(self) -> int:
        return len(self._emails)
