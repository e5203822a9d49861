"""Real-time arithmetic on zone-aware date-times, and local times that a DST change skips or
repeats (RFC 5545 §3.3.5).

Python adds a ``timedelta`` to an aware datetime on the wall clock: 02:30 plus 60 minutes on
the night the clocks go back is 03:30 the next wall-clock hour, 120 real minutes later. Every
duration in the planner is real time, so it is added here, through UTC.

A local time in the spring-forward gap does not exist: RFC 5545 reads it with the UTC offset
before the gap (02:30 in Berlin on the last Sunday of March is 03:30 CEST). A local time in the
fall-back hour exists twice: the first is taken unless the caller asks for the second
(``fold=1``, ``planner invite --fold``). :func:`settle` says which it chose, for the user.

An event read from a calendar has two such wall times, and :func:`resolve` reads them together:
a meeting written 02:30–03:30 on the night Berlin goes forward would be 03:30–03:30 if each time
were read alone, so its start is read as RFC 5545 says and it keeps the length it was written
with. A time planner writes with a zone's name is one that names a single instant
(:func:`writable`).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from planner.i18n import _

ZERO = timedelta(0)


def add(moment: datetime, delta: timedelta) -> datetime:
    """``moment + delta`` in real (UTC) time, in ``moment``'s zone."""
    if moment.tzinfo is None:
        return moment + delta
    return (moment.astimezone(UTC) + delta).astimezone(moment.tzinfo)


def between(start: datetime, end: datetime) -> timedelta:
    """The real time from ``start`` to ``end`` (Python subtracts same-zone values on the wall
    clock)."""
    return end.astimezone(UTC) - start.astimezone(UTC)


def within(begin: datetime, stop: datetime, start: datetime, end: datetime) -> bool:
    """Whether ``[begin, stop)`` overlaps ``[start, end)`` in real time (an instant at ``start``
    does). Python compares two values of one zone on the wall clock: in the hour the clocks
    repeat, 02:45 CEST would come after 02:15 CET, and 02:30 CEST–02:30 CET would be no time."""
    moments = (begin, stop, start, end)
    try:
        begin, stop, start, end = (moment.astimezone(UTC) for moment in moments)
    except OverflowError:  # a time at the end of datetime's range (a broken file): no DST there
        begin, stop, start, end = moments
    if begin == stop:
        return start <= begin < end
    return begin < end and stop > start


def is_gap(moment: datetime) -> bool:
    """True when the wall-clock time of ``moment`` does not exist in its zone."""
    if moment.tzinfo is None:
        return False
    if isinstance(moment.tzinfo, ZoneInfo) and (
        moment.utcoffset() == moment.replace(fold=1 - moment.fold).utcoffset()
    ):  # no clock change at this wall time: half the cost of the test below. (Only a zone
        return False  # that keeps PEP 495 tells so; dateutil's from a VTIMEZONE does not.)
    back = moment.astimezone(UTC).astimezone(moment.tzinfo)
    return back.replace(tzinfo=None, fold=0) != moment.replace(tzinfo=None, fold=0)


def is_ambiguous(moment: datetime) -> bool:
    """True when the wall-clock time of ``moment`` occurs twice in its zone."""
    if moment.tzinfo is None or is_gap(moment):
        return False
    return moment.replace(fold=0).utcoffset() != moment.replace(fold=1).utcoffset()


def existing(moment: datetime) -> datetime:
    """``moment``; a wall time in a gap as the instant RFC 5545 gives it (the UTC offset before
    the gap: 02:30 on the night Berlin goes forward is 03:30 CEST), written in its zone."""
    if moment.tzinfo is UTC or not is_gap(moment):
        return moment
    # The zone's two offsets at this wall time: what it reads the wall time with (the one
    # before the gap in a zone that keeps PEP 495; dateutil's, from a file's VTIMEZONE, reads
    # the one after) and the one at the instant that gives. Clocks go forward over a gap, so
    # the smaller is the offset before it.
    first = moment.replace(fold=0)
    after = first.astimezone(UTC).astimezone(moment.tzinfo)
    before = min(first.utcoffset() or ZERO, after.utcoffset() or ZERO)
    instant = (first.replace(tzinfo=None) - before).replace(tzinfo=UTC)
    return instant.astimezone(moment.tzinfo)


def resolve(start: datetime, end: datetime) -> tuple[datetime, datetime, str]:
    """The instants an event written from wall time ``start`` to ``end`` means, and a note
    for the user where one of them is a time the clocks skip or repeat ("" otherwise).

    Each time is read as RFC 5545 §3.3.5 says: one in a gap with the UTC offset before it, one
    in the repeated hour as its first occurrence (where either value has ``fold=1``, both are
    instants already, converted from UTC, and stay as they are). A start in a gap moves
    forward by the gap's size, and the event keeps the length it was written with: read alone,
    its end would cut the gap's size off it (02:30–03:30 in Berlin on the night the clocks
    go forward would be 03:30–03:30, nothing), which no one who wrote it meant; the same
    exact length is what RFC 5545 §3.8.5.3 gives every occurrence of a series. The end is
    never before the start."""
    if _steady(start) and _steady(end):  # nearly every event: no clock change at either time
        return start, end if end >= start else start, ""  # in order on the wall as in time
    begin, stop = existing(start), existing(end)
    skipped = is_gap(start)
    written = _wall_length(start, end)
    if skipped and written is not None:
        stop = max(stop, add(begin, written), key=lambda moment: moment.astimezone(UTC))
    if between(begin, stop) < ZERO:
        stop = begin
    if skipped or is_gap(end):
        return begin, stop, _gap_note(start if skipped else end, begin, stop, written)
    written_so = not (start.fold or end.fold)  # else converted from UTC (X-WR-TIMEZONE)
    doubled = [m for m in (start, end) if written_so and is_ambiguous(m)]
    if doubled:
        return begin, stop, _fold_note(doubled[0], begin, stop)
    return begin, stop, ""


def writable(moment: datetime, zone: tzinfo) -> datetime:
    """``moment`` as a wall time in ``zone`` that means it and nothing else, for writing with
    the zone's name (an iCalendar TZID, Graph's ``timeZone``): never a time the clocks skip
    (the instant is written, as its wall time after the gap), and in UTC where the wall time
    occurs twice: a reader takes a repeated wall time as its first occurrence (RFC 5545
    §3.3.5), Exchange as it pleases, and the second would move an hour."""
    local = moment.astimezone(UTC).astimezone(zone)
    return local.astimezone(UTC) if is_ambiguous(local) else local


def _steady(moment: datetime) -> bool:
    """True when ``moment`` is neither skipped nor repeated, told cheaply where it can be: in
    UTC, or in a zone that keeps PEP 495 and has one offset for the wall time (else False)."""
    zone = moment.tzinfo
    if zone is UTC:
        return True
    return isinstance(zone, ZoneInfo) and (
        moment.utcoffset() == moment.replace(fold=1 - moment.fold).utcoffset()
    )


def _wall_length(start: datetime, end: datetime) -> timedelta | None:
    """How long an event is on the clock it was written with (None: two zones, no one clock)."""
    if start.tzinfo is not end.tzinfo and start.tzinfo != end.tzinfo:
        return None
    return end.replace(tzinfo=None) - start.replace(tzinfo=None)


def _gap_note(wall: datetime, begin: datetime, stop: datetime, written: timedelta | None) -> str:
    values = {
        "time": wall.strftime("%H:%M"),
        "zone": _zone_name(wall.tzinfo, wall),  # type: ignore[arg-type]
        "date": wall.date().isoformat(),
        "span": _span(begin, stop),
        "minutes": _minutes(between(begin, stop)),
    }
    if written is not None and between(begin, stop) == written:
        return _(
            "{time} does not exist in {zone} on {date} (the clocks go forward); read as "
            "{span}, {minutes} min as written",
            **values,
        )
    return _(
        "{time} does not exist in {zone} on {date} (the clocks go forward); read as {span}, "
        "{minutes} min",
        **values,
    )


def _fold_note(wall: datetime, begin: datetime, stop: datetime) -> str:
    return _(
        "{time} occurs twice in {zone} on {date} (the clocks go back); read as the first: "
        "{span}, {minutes} min",
        time=wall.strftime("%H:%M"),
        zone=_zone_name(wall.tzinfo, wall),  # type: ignore[arg-type]
        date=wall.date().isoformat(),
        span=_span(begin, stop),
        minutes=_minutes(between(begin, stop)),
    )


def _span(begin: datetime, stop: datetime) -> str:
    """``03:30–04:30 CEST``, or ``02:30 CEST–03:30 CET`` across a change of offset (a zone
    without abbreviations, a file's own VTIMEZONE without TZNAME: ``UTC+02:00``)."""
    first, last = _abbreviation(begin), _abbreviation(stop)
    if first == last:
        return f"{begin:%H:%M}–{stop:%H:%M} {first}".strip()
    return f"{begin:%H:%M} {first}–{stop:%H:%M} {last}".replace(" –", "–")


def _minutes(length: timedelta) -> int:
    return int(length.total_seconds() // 60)


def settle(moment: datetime, *, fold: int = 0, hint: bool = True) -> tuple[datetime, str]:
    """The instant a wall-clock ``moment`` means, normalised (a gap time moves forward by the
    size of the gap, the repeated hour takes occurrence ``fold``), and a note for the user when
    the time was in a gap or the repeated hour ("" otherwise); ``hint``: the note names
    ``--fold``, which chooses the second."""
    zone = moment.tzinfo
    if zone is None:
        return moment, ""
    if is_gap(moment):
        actual = existing(moment)
        return actual, _(
            "{time} does not exist in {zone} on {date} (the clocks go forward); taken as {actual}",
            time=moment.strftime("%H:%M"),
            zone=_zone_name(zone, moment),
            date=moment.date().isoformat(),
            actual=_shown(actual),
        )
    if is_ambiguous(moment):
        chosen = moment.replace(fold=fold).astimezone(UTC).astimezone(zone)
        other = moment.replace(fold=1 - fold).astimezone(UTC).astimezone(zone)
        values = {
            "time": moment.strftime("%H:%M"),
            "zone": _zone_name(zone, moment),
            "date": moment.date().isoformat(),
            "which": _("the second") if fold else _("the first"),
            "actual": _shown(chosen),
            "other": _shown(other),
        }
        if not hint:
            return chosen, _(
                "{time} occurs twice in {zone} on {date} (the clocks go back); taken as "
                "{which}, {actual} (the other is {other})",
                **values,
            )
        return chosen, _(
            "{time} occurs twice in {zone} on {date} (the clocks go back); taken as {which}, "
            "{actual} (the other is {other}; --fold chooses the second)",
            **values,
        )
    return moment.astimezone(UTC).astimezone(zone), ""


def _zone_name(zone: tzinfo, moment: datetime) -> str:
    """The zone's IANA name; a file's own VTIMEZONE by its TZID (dateutil keeps it as
    ``_tzid``), else by its abbreviation or UTC offset."""
    return getattr(zone, "key", None) or getattr(zone, "_tzid", None) or _abbreviation(moment)


def _abbreviation(moment: datetime) -> str:
    """``CEST``; ``UTC+02:00`` where the zone has no abbreviation."""
    if name := moment.tzname():
        return name
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset else ""


def _shown(moment: datetime) -> str:
    offset = moment.strftime("%z")
    return f"{moment:%H:%M} {moment.tzname() or ''} (UTC{offset[:3]}:{offset[3:]})".replace(
        "  ", " "
    )
