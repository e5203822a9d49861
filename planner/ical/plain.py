"""Plain VEVENTs read straight from their lines, without icalendar (a helper of
:mod:`planner.ical.reader`).

Most VEVENTs of a large calendar are single events of a common shape: a start, an end or a
duration, text, people. icalendar reads each content line one character at a time and builds
an object per property and parameter, which is nine tenths of the cost of reading such a file.
:func:`read` reads a block of that shape with a few regular expressions into a
:class:`Component`, a dictionary that answers ``get`` as icalendar's component does, so the
reader's field functions (:mod:`planner.ical.fields`) make the same event of it.

A block is read here only when every line of it is understood exactly as icalendar reads it
(RFC 5545 unfolding, ``name;param=value:value``, quoted parameters, RFC 6868 ``^n ^' ^^``,
TEXT escapes); anything else (a recurrence, an unknown property, a time zone that only the
file's VTIMEZONE or a guess names, a parameter with several values, white space icalendar
would strip, ``%`` or ``\\`` before the value, a date with a zone, a value that would not
parse) returns None, and the block goes through icalendar unchanged. So no result differs;
``tests/ical/test_plain.py`` compares both paths over real exports and mutated events.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone, tzinfo
from itertools import islice
from zoneinfo import ZoneInfo

from planner.ical.fields import Value, Verbatim
from planner.ical.layout import Block
from planner.ical.parsing import MAX_PARAMETERS, known_zone, skipped
from planner.ical.parsing import _fitting as fitting

ENABLED = True  # off: every VEVENT is read by icalendar (the tests compare both ways)
# physical lines past which a VEVENT is not of the common shape (the longest invitation of the
# real exports and the labelled set has 72): icalendar reads it, without a pass of ours first
MAX_LINES = 2_000
UTC = ZoneInfo("UTC")  # what icalendar gives a date-time written with "Z"

# name, parameters, ":" (a parameter value: quoted without control characters, or unquoted
# without delimiters, white space at either end, "=" or "%"; no backslash anywhere before the
# value: icalendar would take it as an escape there)
_SAFE = r'[^\s";:,=%\\\x00-\x1f\x7f]'
_UNQUOTED = rf'(?:{_SAFE}(?:[^";:,=%\\\x00-\x1f\x7f]*{_SAFE})?)?'
_QUOTED = r'"[^"%\\\x00-\x1f\x7f]*"'
_PARAM = re.compile(rf";([A-Za-z0-9-]+)=({_QUOTED}|{_UNQUOTED})")
_HEAD = re.compile(rf"([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:{_QUOTED}|{_UNQUOTED}))*):")
_ESCAPE = re.compile(r"\\([\\,;:nN])")
_DATETIME = re.compile(r"([0-9]{8})T([0-9]{6})(Z?)\Z")
_DATE = re.compile(r"[0-9]{8}\Z")
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_DURATION = re.compile(
    r"([-+]?)P(?:([0-9]+)W)?(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?)?\Z"
)

#: properties read as TEXT (backslash escapes undone); the reader reads some, the rest are
#: known not to matter to it
TEXT = frozenset(
    {
        "UID",
        "SUMMARY",
        "LOCATION",
        "DESCRIPTION",
        "STATUS",
        "TRANSP",
        "CLASS",
        "COMMENT",
        "CONTACT",
        "RESOURCES",
        "RELATED-TO",
        "CATEGORIES",
        "DTSTAMP",
        "CREATED",
        "LAST-MODIFIED",
    }
)
#: properties icalendar is never handed (:data:`planner.ical.parsing.UNREAD`); read as TEXT
UNREAD = frozenset({"DTSTAMP", "CREATED", "LAST-MODIFIED"})
#: properties read as a CAL-ADDRESS or URI (escapes undone, as icalendar does)
ADDRESSES = frozenset({"ORGANIZER", "ATTENDEE", "URL", "CONFERENCE"})
#: properties read as an INTEGER (its text is the number's)
INTEGERS = frozenset({"SEQUENCE", "PRIORITY"})
TIMES = frozenset({"DTSTART", "DTEND", "DURATION"})
#: properties that may occur more than once: read through lists by the field functions
REPEATABLE = frozenset({"ATTENDEE", "CONFERENCE", "COMMENT", "CONTACT", "RESOURCES"}) | UNREAD
#: the properties of planner's own a file may hold: the mark of what ``planner sync`` wrote
_SYNC_MARK = frozenset({"X-PLANNER-SYNC-KEY", "X-PLANNER-SYNC-DIGEST"})
#: vendor properties read as plain text (``str``) by the field functions: once only
_READ_ONCE = frozenset(
    {"X-MICROSOFT-CDO-BUSYSTATUS", "X-MICROSOFT-LATITUDE", "X-MICROSOFT-LONGITUDE"}
)


class Component(dict[str, object]):
    """A VEVENT read here: property name → value, or a list of values where it repeats, as
    icalendar's component holds them."""

    def property_items(
        self, recursive: bool = False, sorted: bool = False
    ) -> list[tuple[str, object]]:
        """The properties in order (a repeated one together, at its first place)."""
        found: list[tuple[str, object]] = []
        for name, value in self.items():
            if isinstance(value, list):
                found += [(name, item) for item in value]
            else:
                found.append((name, value))
        return found


class Read:
    """A plain VEVENT read here: its properties, its start and end as recurring-ical-events
    computes them, and the line of its BEGIN."""

    __slots__ = ("component", "end", "line", "start")

    def __init__(self, component: Component, start: date, end: date, line: int) -> None:
        self.component = component
        self.start = start
        self.end = end
        self.line = line


class Screen:
    """The VEVENT blocks of one read sorted: plain ones read here (:attr:`found`), the others
    left to icalendar. Only a VEVENT whose UID no other block has is read here: the others of
    a UID (a series and its overrides) are read together."""

    def __init__(self, tz: tzinfo) -> None:
        self.tz = tz
        self.found: list[Read] = []
        self.named: set[str] = set()  # every UID the blocks screened may have

    def __call__(self, blocks: list[Block]) -> list[Block]:
        """``blocks`` less the ones read here."""
        candidates: dict[int, Read] = {}
        uids: dict[str, int] = {}
        for block in blocks:
            if block.name == "VEVENT" and (done := read(block, self.tz)) is not None:
                candidates[id(block)] = done
                uid = str(done.component["UID"])
                uids[uid] = uids.get(uid, 0) + 1
        others: set[str] = set()
        for block in blocks:
            if id(block) not in candidates:
                others |= _uids_in(block)
        self.named = others.union(uids)
        left = []
        for block in blocks:
            done = candidates.get(id(block))
            uid = "" if done is None else str(done.component["UID"])
            if done is not None and uids[uid] == 1 and uid not in others:
                self.found.append(done)
            else:
                left.append(block)
        return left

    def undo(self) -> None:
        """Forget the blocks read here: they are parsed by icalendar after all."""
        self.found.clear()


def _uids_in(block: Block) -> set[str]:
    """Every text a UID of ``block`` (a VEVENT, or events nested in it) may be, as icalendar
    would read it: the text after each ``:`` of each UID line, as written and unescaped."""
    found: set[str] = set()
    lines = block.lines
    for number, line in enumerate(lines):
        if line[:1] not in ("U", "u"):  # a UID's content line begins so (and is not folded)
            continue
        parts = [line]  # with the folded lines that continue it
        for following in islice(lines, number + 1, None):
            if following[:1] in (" ", "\t"):
                parts.append(following[1:])
            elif following:  # after an empty line, a folded one continues the line before it
                break
        text = "".join(parts)
        if text[:3].upper() != "UID":
            continue
        for index, char in enumerate(text):
            if char == ":":
                value = text[index + 1 :]
                found |= {value, unescaped(value)}
    return found


def read(block: Block, tz: tzinfo) -> Read | None:
    """A plain VEVENT ``block`` read (floating times in ``tz``), or None when it is not one
    (see the module's docstring)."""
    if len(block.lines) > MAX_LINES:
        return None  # not the common shape: icalendar reads it, without a pass of ours first
    lines = unfolded(block)
    if lines is None or len(lines) < 3:
        return None
    if lines[0].upper() != "BEGIN:VEVENT" or lines[-1].upper() != "END:VEVENT":
        return None
    component = Component()
    for line in lines[1:-1]:
        colon = line.find(":")
        if colon <= 0:
            return None
        text = line[:colon]
        if '"' in text:  # a quoted parameter may hold the colon
            match = _HEAD.match(line)
            if match is None:
                return None
            colon = match.end() - 1
            head = _head(*match.groups())
        elif (head := _HEADS.get(text, _UNSEEN)) is _UNSEEN:  # one look-up: threads may share
            match = _HEAD.match(line)
            head = None if match is None else _head(*match.groups())
            if len(_HEADS) >= _MAX_HEADS:
                _HEADS.clear()
            _HEADS[text] = head
        if head is None:
            return None
        name, kind, params = head
        value: str = line[colon + 1 :]
        if kind == _TEXT or kind == _INTEGER_KIND:
            if kind == _INTEGER_KIND:
                if _INTEGER.match(value) is None:
                    return None
                value = str(int(value))
            elif "\\" in value:
                value = _ESCAPE.sub(_unescape, value)
            if params:
                value = Value(value)
                value.params = params
        else:
            value = Verbatim(value) if kind == _RAW else Value(value)
            value.params = params
        known = component.get(name)
        if known is None:
            component[name] = value
        elif name in REPEATABLE or (name.startswith("X-") and name not in _READ_ONCE):
            component[name] = [*known, value] if isinstance(known, list) else [known, value]
        else:
            return None
    uid = component.get("UID")
    if not isinstance(uid, str) or not uid.strip() or uid.endswith("@planner.derived"):
        return None
    times = _times(component, tz)
    return None if times is None else Read(component, *times, block.line)


_TEXT, _INTEGER_KIND, _TIME, _RAW = range(4)  # how a property's value is read
Head = tuple[str, int, dict[str, str]]  # a property's name, kind and parameters
_HEADS: dict[str, Head | None] = {}  # what comes before the value → its head (None: declined)
_MAX_HEADS = 20_000  # the memo is emptied when it holds this many
_UNSEEN = ("", -1, {})  # not in the memo yet
_ZONES: dict[str, tzinfo | None] = {}  # TZID → the zone it names exactly (None: not so)
_UNSEEN_ZONE = timezone(timedelta(0), "not looked up")


def _head(name: str, params: str) -> Head | None:
    """How to read a property; None when it is not read here."""
    name = name.upper()
    if name in TEXT or name in ADDRESSES:
        kind = _TEXT
    elif name in INTEGERS:
        kind = _INTEGER_KIND
    elif name in TIMES:
        kind = _TIME
    elif name.startswith("X-") and not name.startswith(("X-PLANNER-", "X-WR-")):
        kind = _RAW
    elif name in _SYNC_MARK:
        kind = _RAW
    else:
        return None  # a recurrence, GEO, ATTACH, an unknown property: icalendar's
    found = _params(params) if params else {}
    if "VALUE" in found and name not in ("DTSTART", "DTEND"):
        uri = name in ("URL", "CONFERENCE") or name.startswith("X-")
        if not uri or found["VALUE"].upper() != "URI":
            return None
        kind = _TEXT  # a URI: escapes undone, also of a vendor property
    return name, kind, found


def unfolded(block: Block) -> list[str] | None:
    """The content lines of ``block`` that icalendar is handed (see
    :func:`planner.ical.parsing._read`: no alarms, no :data:`UNREAD` properties),
    unfolded; None when a line is empty (icalendar may join what follows it to the line
    before) or a property has too much before its value (it is skipped with a warning).

    A block without folded or empty lines and without alarms is its lines as they are: its
    unread properties are read as TEXT, which the reader does not look at."""
    text = "\n".join(block.lines)
    if len(text) > MAX_PARAMETERS or "\n " in text or "\n\t" in text or "\n\n" in text:
        return _unfolded(block)
    if "alarm" in text.lower():
        return _unfolded(block)
    return block.lines


def _unfolded(block: Block) -> list[str] | None:
    """:func:`unfolded`, line by line."""
    lines: list[str] = []
    parts: list[str] = []  # the physical lines of the property being read, if it is read
    alarms = 0
    for line in block.lines:
        head = line[:1]
        if head == " " or head == "\t":  # a folded line of the property before
            if parts:
                parts.append(line[1:])
            continue
        if parts:
            lines.append(parts[0] if len(parts) == 1 else "".join(parts))
            parts = []
        if not head:
            return None
        left_out, alarms = skipped(line, alarms)
        if not left_out:
            parts = [line]
    if parts:
        lines.append(parts[0] if len(parts) == 1 else "".join(parts))
    for line in lines:
        if len(line) > MAX_PARAMETERS and not fitting([line], len(line), None):
            return None
    return lines


def unescaped(text: str) -> str:
    """A TEXT value as it reads (RFC 5545 3.3.11): ``\\,`` is ",", ``\\n`` a line break."""
    return _ESCAPE.sub(_unescape, text)


def _unescape(match: re.Match[str]) -> str:
    char = match.group(1)
    return "\n" if char in "nN" else char


def _params(text: str) -> dict[str, str]:
    """The parameters of a property: names in upper case, the last of a repeated one wins,
    RFC 6868 escapes undone (as icalendar reads them)."""
    params: dict[str, str] = {}
    for name, value in _PARAM.findall(text):
        if value[:1] == '"':
            value = value[1:-1]
        if "^" in value:  # rare: icalendar's own function, imported only then
            from icalendar.parser import rfc_6868_unescape

            value = rfc_6868_unescape(value)
        params[name.upper()] = value
    return params


def _times(component: Component, tz: tzinfo) -> tuple[date, date] | None:
    """DTSTART and the end (DTEND, else DTSTART + DURATION, else the start or the next day)
    with their zones, swapped when the end comes first; None where they are not plain (an end
    past the year 9999 among them: icalendar's reading skips that event and says so)."""
    try:
        return _start_and_end(component, tz)
    except OverflowError:
        return None


def _start_and_end(component: Component, tz: tzinfo) -> tuple[date, date] | None:
    first = component.get("DTSTART")
    if not isinstance(first, Value):
        return None
    start = _moment(first, tz)
    if start is None:
        return None
    floating = start.tzinfo if isinstance(start, datetime) else tz
    last = component.get("DTEND")
    if isinstance(last, Value):
        end = _moment(last, floating)  # type: ignore[arg-type]
        if end is None:
            return None
    elif isinstance(duration := component.get("DURATION"), Value):
        if "TZID" in duration.params:
            return None
        span = _duration(duration)
        if span is None or (span.seconds and not isinstance(start, datetime)):
            return None
        end = start + span
    elif component.get("DTEND") is None and component.get("DURATION") is None:
        end = start if isinstance(start, datetime) else start + timedelta(days=1)
    else:
        return None
    if isinstance(start, datetime) != isinstance(end, datetime):
        return None
    return (end, start) if start > end else (start, end)  # type: ignore[operator]


def _moment(value: Value, floating: tzinfo) -> date | None:
    """A DTSTART or DTEND: a date, or a date-time in its zone (floating: ``floating``)."""
    params = value.params
    kind = params.get("VALUE")
    tzid = params.get("TZID")
    if kind is not None:
        if kind.upper() != "DATE" or tzid is not None or _DATE.match(value) is None:
            return None
    if _DATE.match(value):
        if tzid is not None:
            return None  # a date with a zone is a date-time at midnight in icalendar
        try:
            return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
        except ValueError:
            return None
    found = _DATETIME.match(value)
    if found is None:
        return None
    day, clock, utc = found.groups()
    if tzid is not None:
        zone = _ZONES.get(tzid, _UNSEEN_ZONE)
        if zone is _UNSEEN_ZONE:
            zone = known_zone(tzid)
            if len(_ZONES) < _MAX_HEADS:
                _ZONES[tzid] = zone
        if zone is None:
            return None
    else:
        zone = UTC if utc else floating
    try:
        return datetime(
            int(day[:4]),
            int(day[4:6]),
            int(day[6:8]),
            int(clock[:2]),
            int(clock[2:4]),
            int(clock[4:6]),
            tzinfo=zone,
        )
    except ValueError:
        return None


def _duration(value: str) -> timedelta | None:
    found = _DURATION.match(value)
    if found is None:
        return None
    sign, weeks, days, hours, minutes, seconds = found.groups()
    try:
        span = timedelta(
            weeks=int(weeks or 0),
            days=int(days or 0),
            hours=int(hours or 0),
            minutes=int(minutes or 0),
            seconds=int(seconds or 0),
        )
    except OverflowError:
        return None
    return -span if sign == "-" else span


@contextmanager
def paused_collection() -> Iterator[None]:
    """Python's cycle collector paused while a calendar is read (and resumed as it was).

    Reading makes a few objects per property, none of them in a reference cycle, and keeps
    most of them; the collector would walk everything alive (the file's lines among it) again
    and again, which costs as much as the reading itself. Whatever a read leaves in a cycle is
    collected after it.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
