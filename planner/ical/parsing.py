"""From iCalendar bytes to a parsed calendar with resolved time zones (a helper of
:mod:`planner.ical.reader`): decoding, error-tolerant parsing with line numbers, and time zones.

A TZID is tried as an exact IANA name, an exact Windows name (CLDR table shipped with
icalendar), the file's own VTIMEZONE of that TZID, then as a guess: another spelling of an IANA
or Windows name (``europe/lisbon``, a ``/vendor/Area/City`` id, ``UTC+01:00``) and a legacy
Outlook display name such as ``"(UTC-05:00) Eastern Time (US & Canada)"``, in that order.
Windows names win over the file's VTIMEZONE because Outlook exports are known to carry wrong
rules for them; a file's own definition wins over every guess (a Google export that defines
both ``Europe/Lisbon`` and ``Europe/lisbon`` means two zones).
icalendar's process-wide VTIMEZONE cache is never relied on, so files cannot disturb each other.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner.errors import CalendarReadError
from planner.i18n import _, ngettext
from planner.ical import mending, tzids
from planner.ical.layout import Block, scan
from planner.ical.salvage import FOLLOWED, value_start

if TYPE_CHECKING:  # imported where a calendar is parsed: plain VEVENTs are read without it
    import icalendar

log = logging.getLogger("planner")

DATETIME_PROPS = ("DTSTART", "DTEND", "RECURRENCE-ID", "RDATE", "EXDATE")
BEGIN_RE = re.compile(r"^BEGIN:([A-Za-z0-9-]+)\s*$", re.IGNORECASE)
END_RE = re.compile(r"^END:([A-Za-z0-9-]+)\s*$", re.IGNORECASE)


def decode(data: bytes | str, source: str, warn: Callable[[str], None]) -> str:
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _utf16(data, source, warn)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        text = data.decode("cp1252", errors="replace")
        if "BEGIN:VCALENDAR" in text.upper():  # binary junk gets only the "not iCalendar" error
            warn(_("{source}:{line}: not UTF-8, read as Windows-1252", source=source, line=line))
        return text


def _utf16(data: bytes, source: str, warn: Callable[[str], None]) -> str:
    """UTF-16 text; a truncated file or a broken surrogate is read with U+FFFD and a warning."""
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as exc:
        warn(
            _(
                "{source}: broken UTF-16 at byte {offset}; unreadable characters replaced",
                source=source,
                offset=exc.start,
            )
        )
        return data.decode("utf-16", errors="replace")


def parse(
    text: str,
    source: str,
    warn: Callable[[str], None],
    window: tuple[datetime, datetime] | None = None,
    scanned: tuple[list[str], list[Block]] | None = None,
    screen: Screen | None = None,
) -> tuple[icalendar.Calendar, list[Block]]:
    """The calendar and the blocks it was built from (VTIMEZONEs and the VEVENTs that may
    touch ``window``: single events far outside it are not even parsed); ``scanned`` is the
    layout of ``text`` (or of the part to read) where the caller has it; ``screen`` takes
    those blocks and gives back the ones left for icalendar to parse."""
    if not text.strip():
        raise CalendarReadError(source, _("the file is empty"), hint=_hint())
    if "BEGIN:VCALENDAR" not in text and "BEGIN:VCALENDAR" not in text.upper():
        raise CalendarReadError(
            source,
            _("this is not an iCalendar file (no BEGIN:VCALENDAR)"),
            line=_first_line(text),
            hint=_hint(),
        )
    import icalendar

    forget_custom_zones()
    header, blocks = scanned or scan(text, source, warn)
    wanted = _Window(window) if window else None
    kept = [
        b
        for b in blocks
        if b.name == "VTIMEZONE" or (b.name == "VEVENT" and (wanted is None or wanted.may_touch(b)))
    ]
    every = kept
    if screen is not None and not X_WR.search(re.sub(r"\n[ \t]", "", "\n".join(header))):
        kept = screen(kept)
    lines = [line for line in header if not END_RE.match(line)]
    body = ["BEGIN:VCALENDAR", *lines]
    for block in kept:
        oversized: list[int] = []
        body += _read(block, oversized)
        if oversized:
            _oversized(source, block.line, len(oversized), warn)
    body.append("END:VCALENDAR")
    try:
        cal = icalendar.Calendar.from_ical("\r\n".join(body) + "\r\n")
    except Exception as exc:  # icalendar raises more than ValueError on hostile input
        log.debug("%s: whole-file parse failed (%s); parsing component by component", source, exc)
    else:
        if len(cal.subcomponents) == len(kept):  # else the fallback below tells what it reads
            _mend(cal, kept, source, warn)
            return cal, kept
    if screen is not None and kept is not every and X_WR.search(text):
        screen.undo()  # the calendar's zone may be any line: every event is moved to it
        kept = every
    if not blocks:
        raise CalendarReadError(
            source,
            _("no readable event in this iCalendar file"),
            line=_first_line(text),
            hint=_hint(),
        )
    return _parse_blocks(text, kept, source, warn), kept


class Screen(Protocol):
    """Takes the blocks it reads itself out of those to parse (see :mod:`planner.ical.plain`);
    ``undo`` gives them back."""

    def __call__(self, blocks: list[Block]) -> list[Block]: ...

    def undo(self) -> None: ...


#: Google's calendar zone, which moves UTC times into it: a calendar with it is parsed whole
X_WR = re.compile(r"^X-WR-TIMEZONE", re.IGNORECASE | re.MULTILINE)


def _oversized(source: str, line: int, count: int, warn: Callable[[str], None]) -> None:
    warn(
        ngettext(
            "{source}:{line}: skipped {count} property with more than {limit} characters "
            "before its value",
            "{source}:{line}: skipped {count} properties with more than {limit} characters "
            "before their value",
            count,
            source=source,
            line=line,
            limit=MAX_PARAMETERS,
        )
    )


def _first_line(text: str) -> int:
    return next((i for i, line in enumerate(text.splitlines(), 1) if line.strip()), 1)


class _Window:
    """Cheap pre-parse test: can a VEVENT block have an occurrence near the window?"""

    def __init__(self, window: tuple[datetime, datetime]) -> None:
        self.low = (window[0] - timedelta(days=2)).strftime("%Y%m%d")
        self.high = (window[1] + timedelta(days=2)).strftime("%Y%m%d")

    def may_touch(self, block: Block) -> bool:
        first = last = None
        has_duration = False
        for line in block.lines:
            if line[:1] not in "DRdr" or not line:  # DTSTART, DTEND, DURATION, R…
                continue
            name = line[:14].upper()
            if name.startswith(("RRULE", "RDATE", "RECURRENCE-ID")):
                return True
            if name.startswith("DTSTART"):
                first = _day(line)
            elif name.startswith("DTEND"):
                last = _day(line)
            elif name.startswith("DURATION"):
                has_duration = True
        if first is None:
            return True  # the parser will judge it
        if first > self.high:
            return False
        if last is None:
            return has_duration or first >= self.low
        return last >= self.low


def _day(line: str) -> str | None:
    """``"20261208"`` from a DTSTART/DTEND content line, or None when it does not look so."""
    value = line.rsplit(":", 1)[-1].strip().strip('"')
    return value[:8] if len(value) >= 8 and value[:8].isdigit() else None


def _hint() -> str:
    return _("export the calendar as .ics, or check the path or URL in the config")


def _parse_blocks(
    text: str, blocks: list[Block], source: str, warn: Callable[[str], None]
) -> icalendar.Calendar:
    """Fallback for files icalendar rejects as a whole: parse each component on its own."""
    import icalendar

    cal = icalendar.Calendar()
    for name in ("X-WR-TIMEZONE", "X-WR-CALNAME"):
        if match := re.search(rf"^{name}(?:;[^:\r\n]*)?:(.*?)\r?$", text, re.M | re.I):
            cal.add(name, match.group(1).strip())
    for block in blocks:
        if mending.cut_off(block):  # only a file's last block can be: the rest is read
            mending.say_cut_off(block, source, warn)
            cal.add_component(mending.broken())
            continue
        try:
            component = _one(block, source, warn)
        except Exception as exc:  # AttributeError for a VTIMEZONE with two TZIDs, and more
            mending.say_unreadable(block, source, warn, exc)
            component = mending.broken()
        cal.add_component(component)
    return cal


def _one(block: Block, source: str, warn: Callable[[str], None]) -> icalendar.Component:
    """``block`` parsed on its own; mended (:mod:`planner.ical.mending`) where icalendar left
    out a line of it or failed on one."""
    try:
        component = _component(block, source, warn)
    except Exception:
        mended = mending.mend(block, source, warn)
        if mended is block:
            raise
        return _component(mended, source, warn)
    if mending.needs_mending(component):
        component = _component(mending.mend(block, source, warn), source, lambda _said: None)
    return component


def _component(block: Block, source: str, warn: Callable[[str], None]) -> icalendar.Component:
    """``block`` parsed on its own (its oversized properties left out with a warning)."""
    import icalendar

    oversized: list[int] = []
    component = icalendar.Component.from_ical("\r\n".join(_read(block, oversized)))
    if oversized:
        _oversized(source, block.line, len(oversized), warn)
    return component


def _mend(
    cal: icalendar.Calendar, kept: list[Block], source: str, warn: Callable[[str], None]
) -> None:
    """Parse again, mended (:mod:`planner.ical.mending`), each component of ``cal`` whose
    content lines icalendar left out (one look per component: none per line)."""
    components = cal.subcomponents
    for index, component in enumerate(components):
        if mending.needs_mending(component):
            block = kept[index]
            try:
                mended = mending.mend(block, source, warn)
                components[index] = _component(mended, source, lambda _said: None)
            except Exception as exc:  # the lines said, the rest kept as icalendar read it
                log.debug("%s:%s: mended %s not read: %r", source, block.line, block.name, exc)


#: properties of a VEVENT the reader never reads: not handed to the parser (a tenth of the
#: lines of a typical export, and parsing is most of the cost of reading a file)
UNREAD = re.compile(r"(?:DTSTAMP|CREATED|LAST-MODIFIED)[;:]", re.IGNORECASE)
#: icalendar reads a property's name and parameters one character at a time: a property with
#: more than this many characters before its value (a name of 100 kB) is skipped with a warning
MAX_PARAMETERS = FOLLOWED


def _read(block: Block, oversized: list[int] | None = None) -> Iterator[str]:
    """The lines of ``block`` to parse: a VEVENT without its alarms (strictly parsed by
    icalendar, of no use to the planner), :data:`UNREAD` properties and properties with more
    than :data:`MAX_PARAMETERS` characters before their value (counted in ``oversized``), each
    with its folded continuation lines."""
    if block.name != "VEVENT":
        yield from block.lines
        return
    alarms = 0
    current: list[str] = []  # the physical lines of the property being read
    size = 0
    for line in block.lines:
        head = line[:1]
        if head == " " or head == "\t":  # a folded line of the property before
            if current:
                current.append(line)
                size += len(line)
            continue
        if current:
            yield from _fitting(current, size, oversized)
            current = []
        left_out, alarms = skipped(line, alarms)
        if not left_out:
            current, size = [line], len(line)
    if current:
        yield from _fitting(current, size, oversized)


def skipped(line: str, alarms: int) -> tuple[bool, int]:
    """Whether a VEVENT's content line (not a folded one) is left out of what icalendar
    parses, being an alarm's or an :data:`UNREAD` property, and how many alarms are open
    after it (``alarms``: before it)."""
    head = line[:1]
    if head in "BEbe" and head:
        marker = line.strip().upper()
        if marker == "BEGIN:VALARM":
            return True, alarms + 1
        if marker == "END:VALARM" and alarms:
            return True, alarms - 1
    return bool(alarms) or (
        head in "DCLdcl" and bool(head) and UNREAD.match(line) is not None
    ), alarms


def _fitting(lines: list[str], size: int, oversized: list[int] | None) -> list[str]:
    """The physical lines of one property, or none when it has too much before its value."""
    if size <= MAX_PARAMETERS or _before_value(lines) <= MAX_PARAMETERS:
        return lines
    if oversized is not None:
        oversized.append(1)
    return []


def _before_value(lines: list[str]) -> int:
    """How many characters of the property folded over ``lines`` come before its value, counted
    up to ``MAX_PARAMETERS + 1`` (a value of 100 kB is neither unfolded nor matched whole).

    The name and parameters can be read only one way, so a match within the first
    ``MAX_PARAMETERS + 1`` characters is the match of the whole property, and no match there
    means more than ``MAX_PARAMETERS`` characters (or no value at all) before the value."""
    limit = MAX_PARAMETERS + 1
    parts = [lines[0]]
    count = len(lines[0])
    for line in lines[1:]:
        if count >= limit:
            break
        parts.append(line[1:])
        count += len(line) - 1
    head = "".join(parts)[:limit]
    start = value_start(head)
    return start if start >= 0 else len(head)


def apply_x_wr_timezone(
    cal: icalendar.Calendar, source: str, warn: Callable[[str], None]
) -> icalendar.Calendar:
    """Google exports: UTC times of a calendar with X-WR-TIMEZONE belong to that zone."""
    if "X-WR-TIMEZONE" not in cal:
        return cal
    import x_wr_timezone

    try:
        return x_wr_timezone.to_standard(cal, add_timezone_component=False)
    except Exception as exc:
        zone = str(cal.get("X-WR-TIMEZONE"))
        warn(
            _(
                "{source}: X-WR-TIMEZONE '{zone}' ignored ({error})",
                source=source,
                zone=zone,
                error=exc,
            )
        )
        return cal


# ---------------------------------------------------------------------------------------------
# Time zones


def as_list(value: object) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


class ZoneResolver:
    """Maps a TZID to a tzinfo, once per file, and makes every date-time of an event aware."""

    def __init__(
        self, cal: icalendar.Calendar, tz: ZoneInfo, source: str, warn: Callable[[str], None]
    ) -> None:
        self.tz = tz
        self.source = source
        self.warn = warn
        self.vtimezones = {
            _text(c["TZID"]).strip(): c
            for c in cal.subcomponents
            if c.name == "VTIMEZONE" and "TZID" in c
        }
        self.cache: dict[str, tzinfo] = {}

    def zone(self, tzid: str, line: int) -> tzinfo:
        if tzid not in self.cache:
            self.cache[tzid] = self._resolve(tzid, line)
        return self.cache[tzid]

    def _resolve(self, tzid: str, line: int) -> tzinfo:
        clean = tzid.strip().strip('"').strip()
        if (found := known_zone(clean)) is not None:
            return found
        if (component := self.vtimezones.get(clean)) is not None:
            try:
                return component.to_tz(lookup_tzid=False)
            except Exception as exc:  # a broken VTIMEZONE falls through to the next guess
                log.debug("%s: VTIMEZONE %r unusable: %s", self.source, clean, exc)
        if (found := tzids.resolve_alias(clean)) is not None:
            return found
        if (found := tzids.display_name_zone(clean)) is not None:
            return found
        self.warn(
            _(
                "{source}:{line}: unknown time zone '{zone}', read as {user_zone}",
                source=self.source,
                line=line,
                zone=tzid,
                user_zone=self.tz.key,
            )
        )
        return self.tz

    def localize(self, component: icalendar.Event, line: int) -> None:
        """Give every date-time of ``component`` its resolved zone.

        Floating values take the zone of a zoned DTSTART (an EXDATE written without TZID
        belongs to its series), else the user's zone.
        """
        from icalendar.prop import vDDDLists, vDDDTypes

        floating: tzinfo = self.tz
        for name in DATETIME_PROPS:  # DTSTART first
            for prop in as_list(component.get(name)):
                tzid = prop.params.get("TZID") if hasattr(prop, "params") else None
                zone = self.zone(str(tzid), line) if tzid else None
                items = prop.dts if isinstance(prop, vDDDLists) else [prop]
                for item in items:
                    if isinstance(item, vDDDTypes):
                        item.dt = _aware(item.dt, zone, floating)
            if name == "DTSTART" and isinstance(component.get(name), vDDDTypes):
                value = component[name].dt
                if isinstance(value, datetime) and value.tzinfo is not None:
                    floating = value.tzinfo


def known_zone(tzid: str) -> ZoneInfo | None:
    """The zone a TZID names exactly, as an IANA or a Windows name (these win over the file's
    own VTIMEZONE, see the module's docstring); None when only that or a guess can tell."""
    clean = tzid.strip().strip('"').strip()
    if (found := _iana(clean)) is not None:
        return found
    if (olson := tzids.windows().get(clean)) is not None:
        return _iana(olson)
    return None


def _aware(value: object, zone: tzinfo | None, floating: tzinfo) -> object:
    """``value`` (a date-time, date, duration or PERIOD tuple) with ``zone`` or ``floating``."""
    if isinstance(value, tuple):  # PERIOD: (start, end or duration)
        return tuple(_aware(v, zone, floating) for v in value)
    if not isinstance(value, datetime):
        return value
    if zone is not None:
        return value.replace(tzinfo=zone)
    return value if value.tzinfo is not None else value.replace(tzinfo=floating)


def _text(value: object) -> str:
    """A property that should occur once, also when a file repeats it (the first value)."""
    return str(value[0] if isinstance(value, list) and value else value)


def _iana(name: str) -> ZoneInfo | None:
    if not name or name.startswith("/") or ".." in name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # a folder, a name too long
        return None


def forget_custom_zones() -> None:
    """Start a file with icalendar's zone cache empty. icalendar keeps the first VTIMEZONE it
    sees for a TZID for the whole process, so a file that defines "W. Europe Standard Time" or
    a custom TZID differently (or a damaged one) would move the times of every later file that
    uses the same TZID. Each file's own VTIMEZONEs govern it (RFC 5545 §3.6.5)."""
    from icalendar.timezone import tzp

    tzp.use_zoneinfo()  # the public way to reset: a provider switch starts an empty cache
