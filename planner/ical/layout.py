"""The layout of a calendar text before anything is parsed: calendar-level lines and top-level
components with their line numbers (a helper of :mod:`planner.ical.parsing` and
:mod:`planner.ical.parallel`).

:func:`scan` reads the lines once in C (``str.splitlines``) and looks at ``BEGIN``/``END``
lines only; text that needs repair (indented markers or properties, megabyte lines, very deep
nesting) takes the careful line-by-line path of :mod:`planner.ical.salvage`, which warns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from planner.ical import salvage

Warn = Callable[[str], None]

_MARKER = re.compile(r"^(BEGIN|END):([A-Za-z0-9-]+)\s*$", re.IGNORECASE)
# a line salvage.content_lines would repair (an indented property line) or salvage.marker
# would read (a marker after white space), tried on lines that start with white space and
# hold a ':' or ';' (none other can match: the folded lines of a long value cost no match)
_NEEDS_SALVAGE = re.compile(
    rf"[ \t]\s*(?:{salvage.PROPERTY_NAMES})[;:]|\s+(?:BEGIN|END):", re.IGNORECASE
)


@dataclass
class Block:
    """A component directly inside VCALENDAR: its name, first line and raw text lines."""

    name: str
    line: int
    lines: list[str] = field(default_factory=list)


def scan(
    text: str, source: str = "", warn: Warn = lambda _message: None
) -> tuple[list[str], list[Block]]:
    """Calendar-level lines and top-level components with line numbers (one pass, no parsing).

    Indented BEGIN/END and property lines are read without their indentation, over-long lines,
    too deeply nested components and components beyond the limit are dropped with a warning
    (:mod:`planner.ical.salvage`).
    """
    lines = text.splitlines()
    found = None
    if max(map(len, lines), default=0) <= salvage.MAX_LINE_CHARS:
        found = _quick(lines)
    if found is None:  # something to repair, or a limit reached: the careful path says so
        return _careful(salvage.content_lines(text, source, warn), source, warn)
    return found


_REPAIRED = re.compile(  # a line content_lines would repair, or a marker after white space
    rf"\n(?:[^\S\r\n]+(?:BEGIN|END):|[ \t]\s*(?:{salvage.PROPERTY_NAMES})[;:])", re.IGNORECASE
)


def needs_repair(text: str) -> bool:
    """Whether :func:`scan` would repair a line of ``text`` (an indented property or marker):
    a layout made another way is then not the one the parser reads."""
    return text.startswith((" ", "\t")) or _REPAIRED.search(text) is not None


def _quick(lines: list[str]) -> tuple[list[str], list[Block]] | None:
    """:func:`scan` of lines that need no repair; None when one does, or a limit is reached."""
    header: list[str] = []
    blocks: list[Block] = []
    depth = 0
    first = 0  # index of the BEGIN line of the open top-level component
    last = 0  # index after the previous top-level component or marker at depth 1
    for index, line in enumerate(lines):
        head = line[:1]
        if head not in "BEbe" or not head or (mark := _MARKER.match(line)) is None:
            if head.isspace() and (":" in line or ";" in line) and _NEEDS_SALVAGE.match(line):
                return None
            continue
        if mark.group(1).upper() == "BEGIN":
            depth += 1
            if depth > salvage.MAX_DEPTH:
                return None
            if depth == 2:
                if len(blocks) >= salvage.MAX_COMPONENTS:
                    return None
                header += lines[last:index]
                first = index
            elif depth == 1:
                last = index + 1
        else:
            if depth == 2:
                name = _MARKER.match(lines[first]).group(2).upper()  # type: ignore[union-attr]
                blocks.append(Block(name, first + 1, lines[first : index + 1]))
                last = index + 1
            elif depth == 1:
                header += lines[last:index]
            depth = max(depth - 1, 0)
    if depth >= 2:  # never closed: the rest belongs to the open component
        name = _MARKER.match(lines[first]).group(2).upper()  # type: ignore[union-attr]
        blocks.append(Block(name, first + 1, lines[first:]))
    elif depth == 1:
        header += lines[last:]
    return header, blocks


def _careful(
    numbered: Iterable[tuple[int, str]], source: str, warn: Warn
) -> tuple[list[str], list[Block]]:
    """:func:`scan` line by line, with the limits of :mod:`planner.ical.salvage`."""
    header: list[str] = []
    blocks: list[Block] = []
    depth = 0
    deep_warned = False
    for number, raw in numbered:
        mark = salvage.marker(raw)
        if mark and mark[0] == "BEGIN":
            depth += 1
            if depth == 2:
                if len(blocks) >= salvage.MAX_COMPONENTS:
                    salvage.too_many(source, number, warn)
                    break
                blocks.append(Block(mark[1], number))
        if depth > salvage.MAX_DEPTH:
            if not deep_warned:
                salvage.too_deep(source, number, warn)
                deep_warned = True
        elif depth >= 2:
            blocks[-1].lines.append(raw)
        elif depth == 1 and not mark:
            header.append(raw)
        if mark and mark[0] == "END":
            depth = max(depth - 1, 0)
    return header, blocks
