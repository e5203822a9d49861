"""Opening hours in words: OpenStreetMap's ``Mo-Su 12:00-01:00`` as "Mo–So 12–1 Uhr" or
"Mon–Sun 12:00–01:00", and one day's hours for an invitation.

:func:`describe` words the common forms of the syntax (weekday ranges and lists, public
holidays, several time spans, times past midnight, ``off``, ``24/7``); anything beyond them
(months, week numbers, sunrise, comments) is shown as written, with dashes for hyphens, rather
than guessed. :func:`on_day` reads the hours with the ``opening_hours`` library, so it is right
whatever the syntax.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from planner.i18n import _, language

OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_DAY = r"(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)"
_DAYS_RE = re.compile(rf"^{_DAY}(?:-{_DAY})?(?:,{_DAY}(?:-{_DAY})?)*$")
_SPAN_RE = re.compile(r"^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})\+?$")


def describe(text: str) -> str:
    """``text`` (OSM opening_hours) in words in the current language; "" for ""."""
    text = " ".join(text.split())
    if not text:
        return ""
    if text == "24/7":
        return _("open around the clock")
    rules = [r.strip() for r in text.split(";") if r.strip()]
    worded = [_rule(rule) for rule in rules]
    if any(w is None for w in worded):
        return text.replace("-", "–")
    return "; ".join(w for w in worded if w)


def _rule(rule: str) -> str | None:
    days_part, _sep, times_part = rule.partition(" ")
    if not _DAYS_RE.match(days_part):
        days_part, times_part = "", rule  # "10:00-18:00": every day
    days = _days(days_part) if days_part else ""
    times = _times(times_part.strip())
    if times is None:
        return None
    return f"{days} {times}".strip()


def _days(selector: str) -> str:
    names = day_names()
    parts = []
    for item in selector.split(","):
        first, _sep, last = item.partition("-")
        parts.append("–".join(names[d] for d in (first, last) if d))
    return ", ".join(parts)


def day_names() -> dict[str, str]:
    """OSM weekday codes → short names in the current language ("Mo" → "Mo" / "Mon")."""
    from babel.dates import get_day_names

    names = get_day_names("abbreviated", locale=language())
    found = {code: names[index].rstrip(".") for index, code in enumerate(OSM_DAYS)}
    found["PH"] = _("holidays")
    return found


def _times(text: str) -> str | None:
    if text in ("off", "closed"):
        return _("closed")
    if text in ("", "24/7", "00:00-24:00"):
        return _("open around the clock")
    spans = []
    for item in text.split(","):
        found = _SPAN_RE.match(item.strip())
        if not found:
            return None
        h1, m1, h2, m2 = (int(g) for g in found.groups())
        if h1 > 24 or h2 > 48 or m1 > 59 or m2 > 59:
            return None
        spans.append(((h1, m1), (h2 % 24 if h2 > 24 else h2, m2)))
    return span_text(spans)


def span_text(spans: list[tuple[tuple[int, int], tuple[int, int]]]) -> str:
    """``[((12, 0), (1, 0))]`` → "12–1 Uhr" (German) / "12:00–01:00" (English)."""
    if language() == "de":
        text = ", ".join(f"{_german(a)}–{_german(b)}" for a, b in spans)
        return _("{hours} o'clock", hours=text)
    return ", ".join(f"{a[0]:02d}:{a[1]:02d}–{b[0]:02d}:{b[1]:02d}" for a, b in spans)


def _german(at: tuple[int, int]) -> str:
    hour, minute = at
    return f"{hour}" if minute == 0 else f"{hour}:{minute:02d}"


def on_day(text: str, day: date) -> str | None:
    """The hours of ``day`` in words ("12–1 Uhr", "closed"); a span that goes on past midnight
    belongs to the day it begins on. None when ``text`` is not valid OSM syntax."""
    from planner.meet.venues import parse_opening_hours

    parsed = parse_opening_hours(text)
    if parsed is None:
        return None
    begin = datetime.combine(day, time())
    after = begin + timedelta(days=1)
    spans: list[list[datetime]] = []
    for start, end, state, _comment in parsed.intervals(
        begin - timedelta(days=1), after + timedelta(days=1)
    ):
        if not str(state).lower().endswith("open"):
            continue
        if spans and spans[-1][1] == start:
            spans[-1][1] = end  # one span over midnight
        else:
            spans.append([start, end])
    if any(a <= begin and b >= after for a, b in spans):
        return _("open around the clock")
    today = [(a, b) for a, b in spans if begin <= a < after]
    if not today:
        return _("closed")
    return span_text([((a.hour, a.minute), _end(a, b)) for a, b in today])


def _end(start: datetime, end: datetime) -> tuple[int, int]:
    if end - start >= timedelta(days=1) or (end.time() == time() and end.date() > start.date()):
        return (24, 0)
    return (end.hour, end.minute)
