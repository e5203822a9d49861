"""Reading a calendar source whole, or again after a change only where it changed.

As vdirsyncer and khal key each item on its identity and a hash of its text, the event index
keeps, beside the occurrences of a source, its :class:`Parts`: a digest of each VEVENT's text
(:mod:`planner.ical.pieces`) with the group it belongs to, and for every group of VEVENTs with
one UID (a series with its overrides, identified by UID and RECURRENCE-ID) the digests of its
VEVENTs in file order and the UIDs of the events read from it; and a digest of what all of them
are read with (the calendar's own lines and its VTIMEZONEs). When the source changes,
:func:`read_changed` cuts the new text, recognises unchanged VEVENTs by their digest, and parses
only the groups that changed or are new, in one small calendar with the same context; the
occurrences of the other groups are kept as stored (not decoded, not encoded again), those of
changed and removed groups replaced or dropped.

The result is the same as reading the whole source: a group is expanded on its own in either
case (recurrence is a matter of one UID), and :func:`read_changed` gives up (the caller reads
the whole source) whenever it could differ:

- the context changed (a time zone definition, X-WR-TIMEZONE, the calendar's properties), or
  the text does not cut into plain VEVENTs (:func:`planner.ical.pieces.cut`);
- the source gave or gives any warning: warnings name lines of the whole file, some are said
  once per file (an unknown time zone), and the expansion budget is the file's
  (:class:`planner.ical.recurrence.Budget`; the changed part gets what the last read left);
- an event cannot be traced to its group, or two groups give events of one UID.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from planner.ical import pieces, salvage
from planner.ical.layout import Block, needs_repair, scan
from planner.ical.parsing import decode
from planner.ical.payload import compact, parse
from planner.model import Event

log = logging.getLogger("planner")

Warn = Callable[[str], None]
Window = tuple[datetime, datetime]


@dataclass(frozen=True)
class Parts:
    """What a source was read from, VEVENT by VEVENT (see the module's docstring)."""

    context: str
    steps_left: int
    pieces: dict[str, str]  # digest of a VEVENT's text -> its group
    groups: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]  # group -> (pieces, UIDs)

    def dumps(self) -> str:
        data = {
            "context": self.context,
            "steps": self.steps_left,
            "pieces": self.pieces,
            "groups": self.groups,
        }
        return compact(data)

    @classmethod
    def loads(cls, text: str | None) -> Parts | None:
        """The stored parts, or None for none or a damaged record."""
        if not text:
            return None
        try:
            data = parse(text)
            found = {str(d): str(key) for d, key in data["pieces"].items()}
            groups = {
                str(key): (tuple(map(str, digests)), tuple(map(str, uids)))
                for key, (digests, uids) in data["groups"].items()
            }
            return cls(str(data["context"]), int(data["steps"]), found, groups)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            log.debug("event index: parts unreadable (%s); the source will be read whole", exc)
            return None


@dataclass
class Read:
    """A source read: its events in the window (when read whole) or its new payload (when
    read in part; ``decoded``: the same, parsed from JSON), its parts (None: it cannot be read
    in part next time), the warnings, the groups changed or removed (when read in part), and
    what was parsed (VEVENTs and characters handed to the parser)."""

    events: list[Event] | None = None
    payload: str | None = None
    decoded: Any = None
    parts: Parts | None = None
    warnings: list[str] = field(default_factory=list)
    changed: int = 0
    components: int = 0
    parsed: int = 0


def read_whole(data: bytes, source: str, window: Window, options: Any, warn: Warn) -> Read:
    """The whole source (on several cores when it is large), and its parts. A text that cuts
    into pieces needs no line-by-line scan: its layout is made from the pieces."""
    from planner.ical import parallel

    warnings: list[str] = []

    def said(message: str) -> None:
        warnings.append(message)
        warn(message)

    text = decode(data, source, said)
    prepared = _prepare(text)
    scanned = prepared.layout(text, window) if prepared is not None else None
    reading = parallel.read(text, source, window, options, said, scanned=scanned)
    reading.tell(source, options, said)
    result = Read(reading.events, warnings=warnings, parsed=len(text))
    if not warnings and prepared is not None:
        result.parts = prepared.parts(reading.events, reading.lines, reading.steps_left)
    return result


def read_changed(
    data: bytes, source: str, window: Window, options: Any, previous: Parts, payload: str
) -> Read | None:
    """The source again where it changed since it was read into ``payload`` with ``previous``
    parts; None when it must be read whole (see the module's docstring). Raises
    :class:`planner.ical.payload.DecodeError` for a damaged payload."""
    from planner.ical.payload import replaced

    warnings: list[str] = []
    text = decode(data, source, warnings.append)
    cut = pieces.split(text)  # the known context and pieces were looked at when first cut
    if warnings or cut is None or pieces.digest(cut.context) != previous.context:
        return None
    digests = [pieces.digest(piece) for piece in cut.pieces]
    members = _members(cut, digests, previous)
    if members is None:
        return None
    changed = [
        key
        for key, numbers in members.items()
        if previous.groups.get(key, ((), ()))[0] != tuple(digests[n] for n in numbers)
    ]
    gone = [key for key in previous.groups if key not in members]
    known = {key: previous.groups[key] for key in members if key not in changed}
    result = Read(changed=len(changed) + len(gone))
    events: list[Event] = []
    steps = previous.steps_left
    if changed:
        chosen = sorted(n for key in changed for n in members[key])
        found = _read_pieces(cut, chosen, source, window, options, warnings.append, steps)
        if found is not None:
            reading, read_text, starts = found
            if warnings or reading.left_out:
                return None
            owners = {n: key for key in changed for n in members[key]}
            lines = [owners.get(starts.get(line, -1), "") for line in reading.lines]
            new = _attribute(reading.events, lines)
            kept = {uid for _digests, uids in known.values() for uid in uids}
            if new is None or "" in new or any(kept.intersection(uids) for uids in new.values()):
                return None  # an event of no group, or of a group kept as it was
            events, steps = reading.events, reading.steps_left
            result.components, result.parsed = len(chosen), len(read_text)
        else:
            new = {}
        for key in changed:
            own = tuple(digests[n] for n in members[key])
            known[key] = (own, tuple(sorted(new.get(key, ()))))
    dropped = {uid for key in (*changed, *gone) for uid in previous.groups.get(key, ((), ()))[1]}
    result.payload, result.decoded = replaced(payload, dropped, events)
    if len(result.decoded["occurrences"]) > options.max_events:
        # the whole read leaves the earliest out, and says so
        return None
    result.parts = Parts(
        previous.context, steps, dict(zip(digests, _owners(members), strict=True)), known
    )
    return result


def _owners(members: dict[str, list[int]]) -> list[str]:
    """The group of each piece, in file order."""
    found: dict[int, str] = {n: key for key, numbers in members.items() for n in numbers}
    return [found[n] for n in range(len(found))]


def _members(cut: pieces.Cut, digests: list[str], previous: Parts) -> dict[str, list[int]] | None:
    """The VEVENTs (by position) of each group: known ones by their digest, new ones checked
    and keyed by their UID; None when a new one, or the last (which ends the calendar), is not
    exactly one VEVENT of an ordinary text (:func:`planner.ical.pieces.ordinary`)."""
    members: dict[str, list[int]] = {}
    last = len(cut.pieces) - 1
    for number, found in enumerate(digests):
        key = previous.pieces.get(found)
        if key is None or number == last:  # a new or changed VEVENT: looked at once
            piece = cut.pieces[number]
            ends = number == last
            if not pieces.check(piece, ends) or not pieces.ordinary(piece, ends):
                return None
            if key is None:
                key = pieces.group_key(piece)
        members.setdefault(key, []).append(number)
    return members


def _read_pieces(
    cut: pieces.Cut,
    chosen: list[int],
    source: str,
    window: Window,
    options: Any,
    warn: Warn,
    steps: int,
) -> tuple[Any, str, dict[int, int]] | None:
    """The pieces ``chosen`` read as one small calendar with the file's context: the reading,
    the text read, and the piece that begins at each of its lines; None when none of them can
    touch the window (a single event far away: the parser would skip it, so nothing is read).
    Plain VEVENTs (the common edit) are read without importing icalendar
    (:func:`planner.ical.reading.read_if_plain`); any others with it, as a whole read would."""
    from planner.ical import reading
    from planner.ical.parsing import _Window

    near = _Window(window).may_touch
    if not any(near(Block("VEVENT", 0, cut.pieces[n].splitlines())) for n in chosen):
        return None
    text, starts = cut.calendar(chosen)
    found = reading.read_if_plain(text, source, window, options, warn, steps)
    if found is None:
        from planner.ical import reader

        found = reader.read(text, source, window, options, warn, steps)
    return found, text, starts


class _Prepared:
    """A text cut into checked pieces, with each VEVENT's group and digest and the group that
    begins at each line: what the parts of a source read whole hold besides its events."""

    def __init__(self, cut: pieces.Cut, keys: list[str], digests: list[str]) -> None:
        self.cut: pieces.Cut | None = cut  # let go once the layout is made
        self.context = pieces.digest(cut.context)
        self.keys = keys
        self.digests = digests
        self.by_line = dict(zip(cut.lines, keys, strict=True))

    def layout(self, text: str, window: Window) -> tuple[list[str], list[Block]] | None:
        """The layout :func:`planner.ical.layout.scan` gives ``text``, made from the pieces,
        with only the VEVENTs that may touch ``window`` (the parser reads no other); None when
        the scan would repair a line or reach a limit (it must then look)."""
        from planner.ical.parsing import _Window

        cut, self.cut = self.cut, None
        if cut is None or needs_repair(text) or len(cut.pieces) >= salvage.MAX_COMPONENTS:
            return None
        warnings: list[str] = []
        header, blocks = scan(cut.context, warn=warnings.append)
        if warnings or len(blocks) + len(cut.pieces) > salvage.MAX_COMPONENTS:
            return None
        return header, [*blocks, *pieces.blocks(cut, _Window(window).may_touch)]

    def parts(self, events: list[Event], lines: list[int], steps: int) -> Parts | None:
        """The parts, or None when an event cannot be traced to one group."""
        uids = _attribute(events, [self.by_line.get(line, "") for line in lines])
        if uids is None or "" in uids:
            return None
        groups: dict[str, list[str]] = {}
        for key, found in zip(self.keys, self.digests, strict=True):
            groups.setdefault(key, []).append(found)
        members = {
            key: (tuple(found), tuple(sorted(uids.get(key, ())))) for key, found in groups.items()
        }
        return Parts(self.context, steps, dict(zip(self.digests, self.keys, strict=True)), members)


def _prepare(text: str) -> _Prepared | None:
    """The text side of a source's parts; None when it cannot be read in pieces next time."""
    cut = pieces.cut(text)
    if cut is None:
        return None
    last = len(cut.pieces) - 1
    if not all(pieces.check(piece, number == last) for number, piece in enumerate(cut.pieces)):
        return None
    keys = [pieces.group_key(piece) for piece in cut.pieces]
    return _Prepared(cut, keys, [pieces.digest(piece) for piece in cut.pieces])


def _attribute(events: list[Event], owners: list[str]) -> dict[str, set[str]] | None:
    """The UIDs of ``events`` by the group each came from (``owners``, "" for none known);
    None when two groups give events of one UID."""
    found: dict[str, set[str]] = {}
    owner: dict[str, str] = {}
    for event, key in zip(events, owners, strict=True):
        if owner.setdefault(event.uid, key) != key:
            return None
        found.setdefault(key, set()).add(event.uid)
    return found
