"""Reading a calendar source whole, or again after a change only where it changed.

As vdirsyncer and khal key each item on its identity and a hash of its text, the event index
keeps, beside the occurrences of a source, its :class:`Parts`: in file order, a digest of each
VEVENT's text (:mod:`planner.ical.pieces`) and the group it belongs to (a series with its
overrides: the VEVENTs of one UID, identified by UID and RECURRENCE-ID); the UIDs of the events
read from each group; and a digest of what all of them are read with (the calendar's own lines
and its VTIMEZONEs). When the source changes, :func:`read_changed` cuts the new text,
recognises unchanged VEVENTs by their digest (those it shares with the old text at its
beginning and its end by their place, so only the VEVENTs between are looked up), and parses
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
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
    """What a source was read from, VEVENT by VEVENT (see the module's docstring): the digest
    of each VEVENT's text and its group, in file order, the UIDs of the events read from each
    group (a group that gave none is left out), and the digests of runs of VEVENTs' bytes."""

    context: str
    steps_left: int
    digests: list[str]
    keys: list[str]
    uids: dict[str, list[str]]
    runs: list[str]  # of runs of VEVENTs' bytes (planner.ical.pieces.split_data), or none

    @property
    def groups(self) -> int:
        """How many groups of VEVENTs there are."""
        return len(set(self.keys))

    def dumps(self) -> str:
        data = {
            "context": self.context,
            "steps": self.steps_left,
            "digests": self.digests,
            "keys": self.keys,
            "uids": self.uids,
            "runs": self.runs,
        }
        return compact(data)

    @classmethod
    def loads(cls, text: str | None) -> Parts | None:
        """The stored parts, or None for none or a damaged record (or one of another layout:
        parts are stored with the code that wrote them, see :func:`planner.ical.index.params_for`,
        so that is a damaged one)."""
        if not text:
            return None
        try:
            data = parse(text)
            digests, keys, uids, runs = data["digests"], data["keys"], data["uids"], data["runs"]
            if type(uids) is not dict or not _texts(digests, keys, runs, *uids.values()):
                raise TypeError("digests, keys, UIDs or runs have the wrong type")
            if len(digests) != len(keys):
                raise TypeError("digests and keys differ in number")
            return cls(str(data["context"]), int(data["steps"]), digests, keys, uids, runs)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            log.debug("event index: parts unreadable (%s); the source will be read whole", exc)
            return None


def _texts(*lists: Any) -> bool:
    """Whether each of ``lists`` is a list of text (checked in C: a list of thousands)."""
    return all(type(found) is list for found in lists) and set(
        map(type, chain.from_iterable(lists))
    ) <= {str}


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
    prepared = _prepare(text, None if warnings else data)
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
    try:
        found = _cut(data, source, warnings.append, previous)
        if warnings or found is None or pieces.digest(found[0].context) != previous.context:
            return None
        cut, digests, runs = found
        compared = _Compared.of(cut, digests, previous)
    except UnicodeDecodeError:
        return None  # not UTF-8: the whole read says where
    if compared is None:
        return None
    changed, gone = compared.changed, compared.gone
    result = Read(changed=len(changed) + len(gone))
    uids = {
        key: names for key, names in previous.uids.items() if key not in changed and key not in gone
    }
    events: list[Event] = []
    steps = previous.steps_left
    if changed:
        chosen = sorted(n for numbers in changed.values() for n in numbers)
        read = _read_pieces(cut, chosen, source, window, options, warnings.append, steps)
        if read is not None:
            reading, read_text, starts = read
            if warnings or reading.left_out:
                return None
            keys = compared.keys
            lines = [keys[starts[line]] if line in starts else "" for line in reading.lines]
            new = _attribute(reading.events, lines)
            kept = {uid for names in uids.values() for uid in names}
            if new is None or "" in new or any(kept.intersection(names) for names in new.values()):
                return None  # an event of no group, or of a group kept as it was
            events, steps = reading.events, reading.steps_left
            result.components, result.parsed = len(chosen), len(read_text)
            uids.update((key, sorted(new[key])) for key in changed if key in new)
    dropped = {uid for key in (*changed, *gone) for uid in previous.uids.get(key, ())}
    result.payload, result.decoded = replaced(payload, dropped, events)
    if len(result.decoded["occurrences"]) > options.max_events:
        # the whole read leaves the earliest out, and says so
        return None
    result.parts = Parts(previous.context, steps, digests, compared.keys, uids, runs)
    return result


def _cut(
    data: bytes, source: str, warn: Warn, previous: Parts
) -> tuple[pieces.Cut, list[str], list[str]] | None:
    """The text of ``data`` cut into its context and pieces (the known context and pieces
    were looked at when first cut: :func:`planner.ical.pieces.split`), with their digests and
    those of their runs; from the bytes where they are UTF-8, where the runs of ``previous``
    spare digesting most pieces (:func:`planner.ical.pieces.split_data`)."""
    found = pieces.split_data(data, previous.runs, previous.digests)
    if found is not None:
        return found
    cut = pieces.split(decode(data, source, warn))
    return None if cut is None else (cut, [pieces.digest(piece) for piece in cut.pieces], [])


class _Compared:
    """The VEVENTs of a new text against those of the parts it was read with before: the
    group of each (by position), the groups whose VEVENTs changed (with their positions in
    the new text) or are gone (the others are the same).

    Files change in one place or a few: the digests the new text shares with the old at its
    beginning and its end are those of the same groups, so only the VEVENTs between are looked
    at, and the groups they belong to compared whole. (A plain class: a dataclass costs a
    millisecond to make when the module is imported, on every run that reads a change.)"""

    __slots__ = ("keys", "changed", "gone")

    def __init__(
        self, keys: list[str], changed: dict[str, list[int]], gone: frozenset[str]
    ) -> None:
        self.keys = keys
        self.changed = changed
        self.gone = gone

    @classmethod
    def of(cls, cut: pieces.Cut, digests: list[str], previous: Parts) -> _Compared | None:
        """None when a new VEVENT, or the last (which ends the calendar), is not exactly one
        VEVENT of an ordinary text (:func:`planner.ical.pieces.ordinary`)."""
        old, old_keys = previous.digests, previous.keys
        head = _common(old, digests)
        tail = _common(old[::-1], digests[::-1], min(len(old), len(digests)) - head)
        middle = _keys(cut, digests, range(head, len(digests) - tail), old, old_keys)
        if middle is None:
            return None
        keys = [*old_keys[:head], *middle, *old_keys[len(old) - tail :]]
        touched = dict.fromkeys(chain(old_keys[head : len(old) - tail], middle))
        before, _numbers = _members(old, old_keys, touched)
        after, numbers = _members(digests, keys, touched)
        changed = {key: numbers[key] for key in touched if after[key] and after[key] != before[key]}
        return cls(keys, changed, frozenset(key for key in touched if not after[key]))


def _common(old: list[str], new: list[str], most: int | None = None) -> int:
    """How many digests ``old`` and ``new`` share at their beginning (at ``most`` that many)."""
    limit = min(len(old), len(new)) if most is None else most
    for number, (was, found) in enumerate(zip(old[:limit], new[:limit], strict=True)):
        if was != found:
            return number
    return limit


def _keys(
    cut: pieces.Cut,
    digests: list[str],
    numbers: range,
    old: list[str],
    old_keys: list[str],
) -> list[str] | None:
    """The groups of the VEVENTs ``numbers``: known ones by their digest, new ones checked and
    keyed by their UID; the last VEVENT (which ends the calendar) is checked wherever it is.
    None when one checked is not exactly one VEVENT of an ordinary text."""
    last = len(digests) - 1
    if last >= 0 and last not in numbers and not _plain(cut.pieces[last], True):
        return None
    known = dict(zip(old, old_keys, strict=True)) if numbers else {}
    found: list[str] = []
    for number in numbers:
        key = known.get(digests[number])
        if key is None or number == last:  # a new or changed VEVENT: looked at once
            piece = cut.pieces[number]
            if not _plain(piece, number == last):
                return None
            if key is None:
                key = pieces.group_key(piece)
        found.append(key)
    return found


def _plain(piece: str, last: bool) -> bool:
    """Whether a piece is exactly one VEVENT of an ordinary text."""
    return pieces.check(piece, last) and pieces.ordinary(piece, last)


def _members(
    digests: Sequence[str], keys: Sequence[str], wanted: dict[str, None]
) -> tuple[dict[str, list[str]], dict[str, list[int]]]:
    """The digests (in file order) and positions of the VEVENTs of each group ``wanted``."""
    found: dict[str, list[str]] = {key: [] for key in wanted}
    numbers: dict[str, list[int]] = {key: [] for key in wanted}
    for number, (digest, key) in enumerate(zip(digests, keys, strict=True)):
        if key in found:
            found[key].append(digest)
            numbers[key].append(number)
    return found, numbers


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

    def __init__(
        self, cut: pieces.Cut, keys: list[str], digests: list[str], runs: list[str]
    ) -> None:
        self.cut: pieces.Cut | None = cut  # let go once the layout is made
        self.context = pieces.digest(cut.context)
        self.keys = keys
        self.digests = digests
        self.runs = runs
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
        found = {key: sorted(uids) for key, uids in uids.items()}
        return Parts(self.context, steps, self.digests, self.keys, found, self.runs)


def _prepare(text: str, data: bytes | None = None) -> _Prepared | None:
    """The text side of a source's parts (``data``: the bytes ``text`` was decoded from
    without a warning, whose digests are taken without encoding the text again); None when it
    cannot be read in pieces next time."""
    cut = pieces.cut(text)
    if cut is None:
        return None
    last = len(cut.pieces) - 1
    if not all(pieces.check(piece, number == last) for number, piece in enumerate(cut.pieces)):
        return None
    keys = [pieces.group_key(piece) for piece in cut.pieces]
    found = pieces.split_data(data) if data is not None else None
    if found is None or len(found[1]) != len(cut.pieces):  # UTF-16: digested from the text
        return _Prepared(cut, keys, [pieces.digest(piece) for piece in cut.pieces], [])
    return _Prepared(cut, keys, found[1], found[2])


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
