"""Reading a calendar source whole, or again after a change only where it changed.

As vdirsyncer and khal key each item on its identity and a hash of its text, the event index
keeps, beside the occurrences of a source, its :class:`Parts`: for every group of VEVENTs with
one UID (a series with its overrides, identified by UID and RECURRENCE-ID) a digest of their
text and the UIDs of the events read from it, and a digest of what all of them are read with
(the calendar's own lines and its VTIMEZONEs). When the source changes, :func:`read_changed`
compares the digests and parses only the groups that changed or are new, in one small calendar
with the same context; the occurrences of the other groups are kept as stored (not decoded,
not encoded again), those of changed and removed groups are replaced or dropped.

The result is the same as reading the whole source: a group is expanded on its own in either
case (recurrence is a matter of one UID), and :func:`read_changed` gives up (the caller reads
the whole source) whenever it could differ:

- the context changed (a time zone definition, X-WR-TIMEZONE, the calendar's properties);
- the source gave or gives any warning: warnings name lines of the whole file, some are said
  once per file (an unknown time zone), and the expansion budget is the file's
  (:class:`planner.ical.recurrence.Budget`; the changed part gets what the last read left);
- an event cannot be traced to its group, or two groups give events of one UID.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from planner.ical import layout
from planner.ical.layout import Block
from planner.ical.parsing import decode
from planner.model import Event

log = logging.getLogger("planner")

Warn = Callable[[str], None]
Window = tuple[datetime, datetime]


@dataclass(frozen=True)
class Parts:
    """What a source was read from, group by group (see the module's docstring)."""

    context: str
    steps_left: int
    groups: dict[str, tuple[str, tuple[str, ...]]]  # group key -> (digest, UIDs of its events)

    def dumps(self) -> str:
        return json.dumps(
            {"context": self.context, "steps": self.steps_left, "groups": self.groups},
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def loads(cls, text: str | None) -> Parts | None:
        """The stored parts, or None for none or a damaged record."""
        if not text:
            return None
        try:
            data = json.loads(text)
            groups = {
                str(key): (str(digest), tuple(str(uid) for uid in uids))
                for key, (digest, uids) in data["groups"].items()
            }
            return cls(str(data["context"]), int(data["steps"]), groups)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            log.debug("event index: parts unreadable (%s); the source will be read whole", exc)
            return None


@dataclass
class Read:
    """A source read: its events in the window (when read whole) or its new payload (when
    read in part), its parts (None: it cannot be read in part next time), the warnings, the
    groups changed or removed (when read in part), and what was parsed (VEVENT blocks and
    characters handed to the parser)."""

    events: list[Event] | None = None
    payload: str | None = None
    parts: Parts | None = None
    warnings: list[str] = field(default_factory=list)
    changed: int = 0
    components: int = 0
    parsed: int = 0


def read_whole(
    data: bytes,
    source: str,
    window: Window,
    options: Any,
    warn: Warn,
) -> Read:
    """The whole source (on several cores when it is large), and its parts."""
    from planner.ical import parallel

    warnings: list[str] = []

    def said(message: str) -> None:
        warnings.append(message)
        warn(message)

    text = decode(data, source, said)
    scanned = layout.scan(text, source, said)
    reading = parallel.read(text, source, window, options, said, scanned=scanned)
    reading.tell(source, options, said)
    header, blocks = scanned
    events = [b for b in blocks if b.name == "VEVENT"]
    result = Read(reading.events, warnings=warnings, components=len(events), parsed=len(text))
    if not warnings:
        result.parts = _parts(header, blocks, reading.events, reading.lines, reading.steps_left)
    return result


def read_changed(
    data: bytes,
    source: str,
    window: Window,
    options: Any,
    previous: Parts,
    payload: str,
) -> Read | None:
    """The source again where it changed since it was read into ``payload`` with ``previous``
    parts; None when it must be read whole (see the module's docstring). Raises
    :class:`planner.ical.payload.DecodeError` for a damaged payload."""
    from planner.ical.payload import replace_events

    warnings: list[str] = []
    text = decode(data, source, warnings.append)
    header, blocks = layout.scan(text, source, warnings.append)
    if warnings or layout.context_digest(header, blocks) != previous.context:
        return None
    groups = layout.groups(blocks)
    digests = {key: layout.group_digest(members) for key, members in groups.items()}
    changed = [
        key for key, digest in digests.items() if previous.groups.get(key, ("",))[0] != digest
    ]
    gone = [key for key in previous.groups if key not in groups]
    dropped = {
        uid
        for key in (*changed, *gone)
        if key in previous.groups
        for uid in previous.groups[key][1]
    }
    kept_uids = {
        uid
        for key, (_digest, uids) in previous.groups.items()
        if key in groups and key not in changed
        for uid in uids
    }
    parts = {key: previous.groups[key] for key in groups if key not in changed}
    result = Read(changed=len(changed) + len(gone))
    events: list[Event] = []
    steps = previous.steps_left
    if changed:
        reading, parsed, numbers = _read_groups(
            header, blocks, groups, changed, source, window, options, warnings.append, steps
        )
        if warnings or reading.left_out:
            return None
        new = _attribute(reading.events, [numbers(n) for n in reading.lines], groups, changed)
        if new is None or any(uid in kept_uids for uids in new.values() for uid in uids):
            return None
        parts.update({key: (digests[key], tuple(sorted(new[key]))) for key in changed})
        events, steps = reading.events, reading.steps_left
        result.components = sum(len(groups[key]) for key in changed)
        result.parsed = parsed
    result.payload, count = replace_events(payload, dropped, events)
    if count > options.max_events:  # the whole read leaves the earliest out, and says so
        return None
    result.parts = Parts(previous.context, steps, parts)
    return result


def _read_groups(
    header: list[str],
    blocks: list[Block],
    groups: dict[str, list[Block]],
    changed: Iterable[str],
    source: str,
    window: Window,
    options: Any,
    warn: Warn,
    steps: int,
) -> tuple[Any, int, Callable[[int], int]]:
    """The changed groups read as one small calendar with the file's context: the reading,
    the characters parsed, and a map from its line numbers to the file's."""
    from planner.ical import reader
    from planner.ical.parallel import chunk_of
    from planner.ical.parsing import _Window

    zones = [b for b in blocks if b.name == "VTIMEZONE"]
    members = sorted((b for key in changed for b in groups[key]), key=lambda b: b.line)
    if not any(map(_Window(window).may_touch, members)):  # parse would skip them all
        return reader.Reading([], [], steps), 0, lambda line: 0
    chunk = chunk_of(header, zones, members)
    reading = reader.read(chunk.text, source, window, options, warn, steps)

    def number(line: int) -> int:
        return chunk.lines[line - 1] if 1 <= line <= len(chunk.lines) else 0

    return reading, len(chunk.text), number


def _parts(
    header: list[str], blocks: list[Block], events: list[Event], lines: list[int], steps: int
) -> Parts | None:
    """The parts of a source read whole, or None when an event cannot be traced to one group."""
    groups = layout.groups(blocks)
    uids = _attribute(events, lines, groups, groups)
    if uids is None:
        return None
    return Parts(
        layout.context_digest(header, blocks),
        steps,
        {
            key: (layout.group_digest(members), tuple(sorted(uids[key])))
            for key, members in groups.items()
        },
    )


def _attribute(
    events: list[Event], lines: list[int], groups: dict[str, list[Block]], keys: Iterable[str]
) -> dict[str, set[str]] | None:
    """The UIDs of ``events`` by the group (among ``keys``) whose VEVENT each came from (its
    first line); None when one cannot be traced or a UID comes from two groups."""
    owner_of_line = {block.line: key for key in keys for block in groups[key]}
    found: dict[str, set[str]] = {key: set() for key in keys}
    owner: dict[str, str] = {}
    for event, line in zip(events, lines, strict=True):
        key = owner_of_line.get(line)
        if key is None or owner.setdefault(event.uid, key) != key:
            return None
        found[key].add(event.uid)
    return found
