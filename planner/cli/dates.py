"""Dates and times as people type them, in English and German.

``--week`` takes ``next``, ``last``, ``+N``/``-N``, ``W49``, ``49``, ``2026-W49`` or any date
inside the week; ``--start``, ``--from``, ``--to``, ``--at``/``--open-at`` and ``invite --start``
take ISO (``2026-12-07``, ``2026-12-07T12:30``), ``7.12.2026``, ``today``, ``tomorrow 12:30``,
``next monday``, ``morgen 12:30``, ``nächsten Dienstag``, … A time may be followed by a zone
(:mod:`planner.cli.timezones`). Numbers are read here; words go to :mod:`dateparser`, imported
only then (it takes ~0.3 s). Every relative form counts from ``now`` in the user's zone.

Dates are never guessed: a month 13, a 30 February, 25:61, ``3/4/2026`` (March or April?) or
words dateparser reads as another day than they name are refused with a line that says so.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo

from planner.cli.timezones import Placed, place, split_zone
from planner.errors import UsageError
from planner.i18n import _, language

_ISO_WEEK = re.compile(r"^(?:(\d{4})-?)?W?(\d{1,2})$", re.IGNORECASE)
_SHIFT = re.compile(r"^([+-]\d{1,3})$")
_NEXT = {"next", "nächste", "naechste", "kommende"}
_LAST = {"last", "previous", "prev", "letzte", "vorige", "vorherige"}
_THIS = {"this", "current", "diese", "aktuelle"}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
    "samstag": 5, "sonnabend": 5, "sonntag": 6,
}  # fmt: skip
# patterns for words typed on the command line, compiled (and cached by ``re``) when first used:
# a command given a week number compiles none of them
_NEXT_WEEKDAY = (
    r"(?i)^(?:next|nächste[nmrs]?|naechste[nmrs]?|kommende[nmrs]?|am)\s+(\w+)(?:\s+(?:um\s+|at\s+)?"
    r"(\d{1,2})(?:[:.](\d{2}))?(?:\s*uhr)?)?$"
)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def default_monday(now: datetime) -> tuple[date, bool]:
    """This week's Monday, or next week's from Friday 18:00 on; and whether it is the next
    (the one rule: :func:`planner.flows.plan.planning_monday`)."""
    from planner.flows.plan import planning_monday

    return planning_monday(now)


def parse_week(text: str, now: datetime) -> date:
    """The Monday of the week ``text`` names, counted from ``now``."""
    word = text.strip().lower()
    this_monday = monday_of(now.date())
    if word in _NEXT or word in {"next week", "nächste woche", "naechste woche"}:
        return this_monday + timedelta(days=7)
    if word in _LAST or word in {"last week", "letzte woche", "vorige woche"}:
        return this_monday - timedelta(days=7)
    if word in _THIS or word in {"this week", "diese woche"}:
        return this_monday
    if match := _SHIFT.match(word):
        return this_monday + timedelta(days=7 * int(match.group(1)))
    if match := _ISO_WEEK.match(word):
        year = int(match.group(1)) if match.group(1) else _year_of_week(int(match.group(2)), now)
        try:
            return date.fromisocalendar(year, int(match.group(2)), 1)
        except ValueError:
            raise _week_error(text) from None
    try:
        return monday_of(parse_date(text, now, "--week"))
    except UsageError:
        raise _week_error(text) from None


def _year_of_week(number: int, now: datetime) -> int:
    """``W49`` without a year: that week of this ISO year, or of the next when it is over."""
    year, current, _day = now.date().isocalendar()
    return year + 1 if number < current - 26 else year


def _week_error(text: str) -> UsageError:
    return UsageError(
        _(
            "--week '{week}' is not a week; write next, last, +1, W49, 2026-W49 or a date",
            week=text,
        )
    )


def parse_date(text: str, now: datetime, option: str) -> date:
    """A day: ISO, ``7.12.2026``, ``today``, ``next monday``, ``nächsten Dienstag``, …"""
    moment = _parse(text, now, option)
    if moment is None or isinstance(moment, datetime):
        raise _not_a_date(option, text)
    return moment


def parse_datetime(text: str, now: datetime, option: str, tz: tzinfo) -> datetime:
    """A moment in ``tz`` (a typed zone or offset is kept): ISO, ``7.12.2026 12:30``,
    ``tomorrow 12:30``, ``morgen 12:30``, ``… 09:00 America/New_York``, … A day without a time
    is an error."""
    return parse_moment(text, now, option, tz).moment


def parse_moment(
    text: str, now: datetime, option: str, tz: tzinfo, *, fold: int | None = None
) -> Placed:
    """:func:`parse_datetime` with what the user should be told and whether the typed zone
    fixed the UTC offset. A wall time the clocks skip or repeat in its zone is the instant
    RFC 5545 §3.3.5 gives it (a time in the gap moves forward by the gap's length; one in the
    repeated hour is the first, or the second with ``fold=1``: ``fold`` is given where the
    command has ``--fold``, and the note names it), and the note says so; an
    abbreviation or offset names one instant itself, and the note says which zone it was."""
    placed = _placed(text, now, option, tz)
    if placed.exact:
        return placed
    from planner.ical.wallclock import settle

    try:
        moment, note = settle(placed.moment, fold=fold or 0, hint=fold is not None)
    except OverflowError:  # the first or last hours datetime can hold: no clock change there
        return placed
    return Placed(moment, note or placed.note)


def _placed(text: str, now: datetime, option: str, tz: tzinfo) -> Placed:
    rest, zone = split_zone(text)
    moment = _parse(rest, now, option)
    if not isinstance(moment, datetime):
        raise UsageError(
            _(
                "{option} '{text}' is not a date and time; write it like 2026-12-07T12:30 "
                "or tomorrow 12:30",
                option=option,
                text=text,
            )
        )
    if zone and moment.tzinfo is not None:
        raise UsageError(
            _("{option} '{text}' gives two time zones; give one", option=option, text=text)
        )
    if zone:
        return place(moment, zone, option, tz)
    if moment.tzinfo is None:
        return Placed(moment.replace(tzinfo=tz))
    return Placed(moment, exact=True)


def _parse(text: str, now: datetime, option: str) -> date | datetime | None:
    """A date (no time given) or a naive/aware datetime; None when nothing fits. What looks
    like a date or a time but cannot be one is refused, never read as something else."""
    text = " ".join(text.split())
    if not text:
        return None
    if (found := _iso(text)) is not None:
        return found
    words, clock = _split_clock(text, option)
    if not words:
        return datetime.combine(now.date(), clock) if clock and ":" in text else None
    if ":" in words:
        raise _not_a_date(option, text)
    day = _day(words, now, option, text)
    if day is None:
        return None
    return datetime.combine(day, clock) if clock is not None else day


def _iso(text: str) -> date | datetime | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _split_clock(text: str, option: str) -> tuple[str, time | None]:
    """``("morgen", 12:30)`` from ``"morgen 12:30"``; an impossible time is refused."""
    if match := re.search(_NAMED_TIME, text):
        word = match.group(1).lower()
        return text[: match.start()].strip(" ,"), time(0) if word.startswith("mi") and (
            "nacht" in word or "night" in word
        ) else time(12)
    match = re.search(_CLOCK, text)
    if match is None or (match.group("m") is None and not match.group("suffix")):
        return text, None
    hour, minute = int(match.group("h")), int(match.group("m") or 0)
    second = int(match.group("s") or 0)
    suffix = (match.group("suffix") or "").lower().replace(".", "")
    if suffix in ("am", "pm"):
        if not 1 <= hour <= 12:
            raise _not_a_time(option, text, match.group(0).strip())
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise _not_a_time(option, text, match.group(0).strip())
    return text[: match.start()].strip(" ,T"), time(hour, minute, second)


def _day(words: str, now: datetime, option: str, text: str) -> date | None:
    for pattern, reader in _NUMERIC_FORMS:
        if match := pattern.match(words):
            return reader(match, now, option, text)
    if re.fullmatch(r"[\d\s./-]+", words):
        raise _not_a_date(option, text)
    if (found := _weekday(words, now)) is not None:
        return found
    return _dateparser(words, now, option, text)


def _ymd(year: int, month: int, day: int, option: str, text: str) -> date:
    if not 1 <= month <= 12:
        raise _not_a_date(option, text, _("there is no month {month}", month=month))
    try:
        return date(year, month, day)
    except ValueError:
        problem = _("there is no day {day} in {year}-{month:02d}", day=day, year=year, month=month)
        raise _not_a_date(option, text, problem) from None


def _year(text: str | None, now: datetime) -> int:
    if not text:
        return now.year
    return int(text) + (2000 if len(text) == 2 else 0)


def _read_iso(match: re.Match[str], now: datetime, option: str, text: str) -> date:
    year, month, day = (int(g) for g in match.groups())
    return _ymd(year, month, day, option, text)


def _read_german(match: re.Match[str], now: datetime, option: str, text: str) -> date:
    day, month, year = match.groups()
    return _ymd(_year(year, now), int(month), int(day), option, text)


def _read_slashed(match: re.Match[str], now: datetime, option: str, text: str) -> date:
    """``25/12/2026`` and ``12/25/2026`` are clear; ``3/4/2026`` could be either: refused."""
    first, second, year_text = match.groups()
    a, b, year = int(first), int(second), _year(year_text, now)
    if a <= 12 and b <= 12 and a != b:
        raise UsageError(
            _(
                "{option} '{text}' is ambiguous: {first} or {second}; write it like 2026-12-07 "
                "or 7.12.2026",
                option=option,
                text=text,
                first=f"{year}-{b:02d}-{a:02d}",
                second=f"{year}-{a:02d}-{b:02d}",
            )
        )
    day, month = (a, b) if a > 12 else (b, a)
    return _ymd(year, month, day, option, text)


def _read_year_first(match: re.Match[str], now: datetime, option: str, text: str) -> date:
    year, month, day = (int(g) for g in match.groups())
    return _ymd(year, month, day, option, text)


_NUMERIC_FORMS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), _read_iso),
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?$"), _read_german),
    (re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"), _read_year_first),
    (re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?$"), _read_slashed),
)


def _weekday(text: str, now: datetime) -> date | None:
    """``next monday`` / ``nächsten Dienstag``: the first such day after today (dateparser
    reads "next monday" as the one of next week, which nobody means on a Sunday)."""
    match = re.match(_NEXT_WEEKDAY, text)
    if not match or match.group(1).lower() not in _WEEKDAYS or match.group(2) is not None:
        return None
    today = now.date()
    ahead = (_WEEKDAYS[match.group(1).lower()] - today.weekday() - 1) % 7 + 1
    return today + timedelta(days=ahead)


def _dateparser(words: str, now: datetime, option: str, text: str) -> date | None:
    """Words (``morgen``, ``in 3 days``, ``10. Dezember 2026``) through dateparser; a result
    that does not keep a year or a day the words name is a guess, and refused."""
    import dateparser

    base = now.replace(tzinfo=None)
    languages = ["de", "en"] if language() == "de" else ["en", "de"]
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": "DMY",  # numeric forms are read above; "12 December" is the 12th
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    found = dateparser.parse(words, languages=languages, settings=settings)  # type: ignore[arg-type]
    if found is None:
        return None
    years = [int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", words)]
    days = [int(d) for d in re.findall(_DAY_OF_MONTH, words) for d in d if d]
    if any(y != found.year for y in years) or any(d != found.day for d in days):
        raise _not_a_date(option, text)
    return found.date()


def _not_a_date(option: str, text: str, problem: str = "") -> UsageError:
    if problem:
        return UsageError(
            _(
                "{option} '{text}' is not a date ({problem}); write it like 2026-12-07, "
                "7.12.2026, tomorrow or next monday",
                option=option,
                text=text,
                problem=problem,
            )
        )
    return UsageError(
        _(
            "{option} '{text}' is not a date; write it like 2026-12-07, 7.12.2026, "
            "tomorrow or next monday",
            option=option,
            text=text,
        )
    )


def _not_a_time(option: str, text: str, clock: str) -> UsageError:
    return UsageError(
        _(
            "{option} '{text}': {clock} is not a time of day; write it like 09:30 or 14:00",
            option=option,
            text=text,
            clock=clock,
        )
    )


_CLOCK = (
    r"(?i)(?:^|[\s,T]+)(?:um\s+|at\s+|@\s*)?(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?(?::(?P<s>\d{2}))?"
    r"\s*(?P<suffix>uhr|h|am|pm|a\.m\.|p\.m\.)?$"
)
_NAMED_TIME = r"(?i)(?:^|\s)(?:um\s+|at\s+)?(noon|mittag|mittags|midnight|mitternacht)$"
_MONTHS = (
    r"jan(?:uary|uar)?|feb(?:ruary|ruar)?|m(?:ar(?:ch)?|ärz|aerz)|apr(?:il)?|ma[iy]|"
    r"jun[ei]?|jul[iy]?|aug(?:ust)?|sep(?:t(?:ember)?)?|o[ck]t(?:ober)?|nov(?:ember)?|"
    r"de[cz](?:ember)?"
)
_DAY_OF_MONTH = (
    rf"(?i)(?<!\d)(\d{{1,2}})\.?\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\.?\s+(\d{{1,2}})(?!\d)"
)
