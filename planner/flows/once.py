"""One meeting counts once in the week: a meeting and the hold planner wrote for its update, or
a mirror the user changed and its meeting, are two rows of the table but one meeting in the
totals, the in-person share and the balance (:mod:`planner.sync.standins` tells the pairs).

The pair of a meeting and planner's hold (or new invitation) for it is counted as the hold:
what the meeting will be, as the user asked for it (an update sent, a time held). The meeting's
row stays in the table and says so (:func:`planner.render.labels.counted_note`). A changed
mirror is counted as its meeting, also when the meeting moved since (the copy stays where the
user left it).

What took place is another matter (:func:`not_history`): the contact ledger counts a pair as
the meeting itself, never as planner's hold: a hold is a time held for a change the counterpart
may never have accepted, no evidence that anyone met in person.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from planner.flows.plan import PlannedEvent
from planner.model import Classification, Event, Mode

if TYPE_CHECKING:
    from planner.store import Store
    from planner.sync.standins import Counted

Key = tuple[str, str]


def pairs(events: Sequence[Event], store: Store | None = None) -> dict[Key, Counted]:
    """The events of ``events`` that are one meeting with another of them, each with the one
    that counts for both (:func:`planner.sync.standins.counted_as`; with ``store``, the new
    invitations made for a meeting too): worked out once for a week's counts, ledger and trend."""
    from planner.sync.standins import counted_as, made_for

    return counted_as(events, made_for(store))


def count_once(
    items: Sequence[PlannedEvent],
    found: Mapping[Key, Counted],
    modes: Mapping[Key, Classification],
) -> list[PlannedEvent]:
    """``items`` with :attr:`PlannedEvent.counted_as` set where an item is one meeting with
    another event (``found``: :func:`pairs` of the whole window read: a hold may lie in another
    week), as ``modes`` judged that one."""
    if not found:
        return list(items)
    result = []
    for item in items:
        counted = found.get(item.event.key)
        if counted is not None:
            judged = modes.get(counted.instead.key)
            mode = judged.mode if judged else Mode.UNKNOWN
            item = replace(item, counted_as=replace(counted, mode=mode))
        result.append(item)
    return result


def not_history(found: Mapping[Key, Counted]) -> frozenset[Key]:
    """The keys the contact ledger and the trend leave out (``found``: :func:`pairs`):
    planner's holds and new invitations for a meeting, and mirrors the user changed (each is
    one meeting with the other, which is what took place)."""
    from planner.sync.standins import COPY, MOVED

    return frozenset(
        key if counted.why in (COPY, MOVED) else counted.instead.key
        for key, counted in found.items()
    )
