"""Components the parser reads only in part, said in planner's words (a helper of
:mod:`planner.ical.parsing`).

icalendar drops a content line of an event it cannot split into name, parameters and value
(``SUMMARY Workshop`` without its ``:``) and notes it in the component's ``errors`` only; a
component it cannot read at all it answers with its own text ("Found no components where
exactly one is required: BEGIN:VEVENT …"). Here each such line is found again by its number
and either read as the property it plainly is (a known name in capitals followed by a space) or
left out, each with a ``file:line`` warning; a component that stays unreadable is told by the
kind of its failure (the file ends inside it, a date out of range), the library's text going
to the debug log only. Nothing here runs for a component icalendar read whole, so the normal
path pays nothing per line.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from planner.i18n import _
from planner.ical.layout import Block
from planner.ical.salvage import PROPERTY_NAMES

if TYPE_CHECKING:
    import icalendar

log = logging.getLogger("planner")

Warn = Callable[[str], None]

#: a line that is plainly a known property with a space where its ":" belongs
_NAMED = re.compile(rf"({PROPERTY_NAMES})[ \t]+(\S.*)\Z")
_QUOTE = 60  # characters of a left-out line quoted in its warning


#: property names of RFC 5545 and RFC 7986 (and their vendors' X- names): a name outside them
#: in a parsed event may be a line whose name icalendar read with its spaces taken out
#: ("SUMMARY Call at 10:30" is a property "SUMMARYCALLAT10" to it)
KNOWN = frozenset(PROPERTY_NAMES.split("|")) | frozenset(
    "EXRULE FREEBUSY REQUEST-STATUS RESOURCES COLOR IMAGE NAME REFRESH-INTERVAL SOURCE "
    "CONCEPT LINK REFID STYLED-DESCRIPTION STRUCTURED-DATA PROXIMITY ACKNOWLEDGED REPEAT "
    "PERCENT-COMPLETE ESTIMATED-DURATION".split()
)


def needs_mending(component: icalendar.Component) -> bool:
    """Whether icalendar may have lost a content line of ``component``: it left one out (an
    error without a property name; a value it could not read is kept as ``vBroken`` and
    repaired or told by the reader), or a property has a name no standard knows (one look
    per property name, none per line)."""
    errors = component.errors
    if errors and any(name is None for name, _text in errors):
        return True
    return any(name not in KNOWN and name[:2] != "X-" for name in component)


def mend(block: Block, source: str, warn: Warn) -> Block:
    """``block`` with each content line icalendar cannot split read as its property or left
    out, each said with its line; ``block`` itself when there is none."""
    from icalendar.parser import Contentline

    lines: list[str] = []
    changed = False
    alarms = 0
    for first, physical in _logical(block):
        text = "".join([physical[0], *(part[1:] for part in physical[1:])])
        marker = text.strip().upper()
        if marker == "BEGIN:VALARM":
            alarms += 1
        elif marker == "END:VALARM" and alarms:
            alarms -= 1
        if alarms or marker.startswith(("BEGIN:", "END:")):
            lines += physical  # an alarm is not read; a marker is never a broken line
            continue
        if _readable(text, Contentline):
            lines += physical
            continue
        changed = True
        lines += _mended(text, source, block.line + first, warn)
    return Block(block.name, block.line, lines) if changed else block


def _readable(text: str, contentline: type) -> bool:
    """Whether icalendar reads the content line ``text`` as written: it splits it, and its
    name has no white space (icalendar would take that out of the name)."""
    try:
        contentline(text).parts()
    except ValueError:
        return False
    name = _NAME.match(text)
    return name is None or not any(char.isspace() for char in name.group())


_NAME = re.compile(r'[^:;"]*')


def _logical(block: Block) -> list[tuple[int, list[str]]]:
    """The content lines of ``block``: the index of the first physical line of each, and its
    physical lines (folded ones with their leading white space)."""
    found: list[tuple[int, list[str]]] = []
    for index, line in enumerate(block.lines):
        if line[:1] in (" ", "\t") and found:
            found[-1][1].append(line)
        elif line:
            found.append((index, [line]))
    return found


def _mended(text: str, source: str, line: int, warn: Warn) -> list[str]:
    """What stands for the unreadable content line ``text``: the property it plainly is, or
    nothing; said either way."""
    quoted = text if len(text) <= _QUOTE else text[: _QUOTE - 1] + "…"
    if (named := _NAMED.match(text)) is not None:
        name = named.group(1)
        warn(
            _(
                "{source}:{line}: a line without ':' after its name is read as {name} ({text}); "
                "add the ':' in the file",
                source=source,
                line=line,
                name=name,
                text=quoted,
            )
        )
        return [f"{name}:{named.group(2)}"]
    if ":" not in text:
        warn(
            _(
                "{source}:{line}: a line without ':' is left out ({text})",
                source=source,
                line=line,
                text=quoted,
            )
        )
    else:
        warn(
            _(
                "{source}:{line}: a line whose name or parameters cannot be read is left out "
                "({text})",
                source=source,
                line=line,
                text=quoted,
            )
        )
    return []


def broken() -> icalendar.Component:
    """What stands for a component left out (the reader skips it, keeping the count)."""
    import icalendar

    component = icalendar.Component()
    component.name = "X-PLANNER-BROKEN"
    return component


def cut_off(block: Block) -> bool:
    """Whether ``block`` never ends: the file stops inside it (or its END line is lost)."""
    last = block.lines[-1].strip().upper() if block.lines else ""
    return last != f"END:{block.name}"


def say_cut_off(block: Block, source: str, warn: Warn) -> None:
    if block.name == "VEVENT":
        message = _(
            "{source}:{line}: the file ends inside an event (no END:VEVENT / END:VCALENDAR): "
            "it may be cut off; the events before it are read",
            source=source,
            line=block.line,
        )
    else:
        message = _(
            "{source}:{line}: the file ends inside a {name} (no END:{name} / END:VCALENDAR): "
            "it may be cut off; the events before it are read",
            source=source,
            line=block.line,
            name=block.name,
        )
    warn(message)


def say_unreadable(block: Block, source: str, warn: Warn, exc: BaseException) -> None:
    """A component icalendar cannot read, left out: the library's words go to the debug log."""
    log.debug("%s:%s: %s not read: %r", source, block.line, block.name, exc)
    warn(
        _(
            "{source}:{line}: a {name} that cannot be read is left out ({problem}); "
            "the rest of the file is read",
            source=source,
            line=block.line,
            name=block.name,
            problem=reason(exc),
        )
    )


def reason(exc: BaseException) -> str:
    """Why an event or component cannot be read, in planner's words (the library's text is
    logged at debug level, shown with ``--debug``)."""
    log.debug("iCalendar read failed: %r", exc)
    if isinstance(exc, OverflowError) or "out of range" in str(exc):
        return _("a date outside the years 1 to 9999")
    if isinstance(exc, (AttributeError, TypeError)) and "list" in str(exc):
        return _("a property that may occur once is repeated")
    return _("a value that cannot be read; --debug shows the parser's message")
