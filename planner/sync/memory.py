"""What ``planner sync`` remembers between runs: per calendar, the keys of the events it wrote
there (so that one the user deletes is not written again, and ``--undo`` reaches every calendar
it wrote into, a target or not any more).

The memory is kept by the calendar's identity (its provider and the options that say which
calendar it is: URL, path, calendar ids; :attr:`providers.base.CalendarProvider.identity_options`),
not by its name in the config: a renamed ``[[calendars]]`` entry is the same calendar. The
names a calendar had are remembered too, so that the mirrors keyed by a source's former name
(:func:`planner.sync.marks.mirror_key`) are read as the renamed source's: neither written again
beside the ones the user changed nor deleted and created anew.

A calendar this machine has no record of (another machine wrote into it, the data directory is
new or lost) is told apart from one with an empty record (:meth:`Memory.written` gives None):
:func:`planner.sync.plan.plan_target` then writes nothing it cannot account for.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from planner.sync.marks import tag

if TYPE_CHECKING:
    from planner.config import Config
    from planner.config.schema import SourceConfig
    from planner.store import Store
    from providers.base import MarkedEvent

WROTE = "sync.wrote"  # calendar identity → the keys of the events the planner wrote there
NAMES = "sync.names"  # calendar identity → the tags of the names it had in the config
LEGACY = "sync.written"  # before: calendar name → keys (read once, then kept by identity)


def identity(source: SourceConfig) -> str:
    """An opaque identity of the calendar ``source`` reads: the same after a rename."""
    from planner.errors import PlannerError
    from providers.base import provider_class

    try:
        cls = provider_class(source.provider)
    except PlannerError:  # an unknown provider: reported where the config is checked
        return tag(f"name\n{source.name}")
    fields = cls.identity_options or tuple(k for k, f in cls.options.items() if not f.secret)
    values = {name: source.options.get(name) for name in fields}
    return tag(json.dumps([source.provider, values], sort_keys=True, default=str))


class Memory:
    """The record of what ``planner sync`` wrote, by calendar identity, for ``config``."""

    def __init__(self, config: Config, store: Store) -> None:
        self.store = store
        found = {c.name: identity(c) for c in config.calendars}
        twice = {i for i, n in Counter(found.values()).items() if n > 1}
        # two entries of one calendar (e.g. a second account's "primary"): kept apart by name
        self.ids = {n: tag(f"{i}\n{n}") if i in twice else i for n, i in found.items()}
        self.renamed: dict[str, str] = {}  # a former name's tag → the current name's tag
        current = {tag(name) for name in self.ids}
        for name, ident in self.ids.items():
            known = set(store.get(NAMES, ident, []))
            if tag(name) not in known:
                store.put(NAMES, ident, sorted(known | {tag(name)}))
            for old in known - current:
                self.renamed[old] = tag(name)

    def key(self, key: str) -> str:
        """``key`` as the calendars are named now: a mirror keyed by its source's former name
        is the renamed source's."""
        kind, _sep, rest = key.partition(":")
        source, _sep, event = rest.partition(":")
        if kind != "mirror" or source not in self.renamed:
            return key
        return f"mirror:{self.renamed[source]}:{event}"

    def marked(self, found: Iterable[MarkedEvent]) -> list[MarkedEvent]:
        """The marked events of a calendar with their keys as :meth:`key` reads them."""
        return [
            dataclasses.replace(m, mark=dataclasses.replace(m.mark, key=self.key(m.mark.key)))
            if self.key(m.mark.key) != m.mark.key
            else m
            for m in found
        ]

    def written(self, name: str) -> set[str] | None:
        """The keys the planner wrote into calendar ``name`` (and remembers), None when this
        machine has no record of it at all."""
        keys = self.store.get(WROTE, self.ids[name])
        if keys is None:
            keys = self.store.get(LEGACY, name)
        return None if keys is None else {self.key(k) for k in keys}

    def remember(self, name: str, keys: Iterable[str]) -> None:
        self.store.put(WROTE, self.ids[name], sorted(keys))
        self.store.delete(LEGACY, name)

    def forget(self, name: str) -> None:
        """After ``--undo``: an empty record (the next run writes everything anew), not none."""
        self.remember(name, ())

    def recorded(self) -> list[str]:
        """The configured calendars the planner remembers writing into."""
        return [name for name in self.ids if self.written(name)]
