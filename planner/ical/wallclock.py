"""Real-time arithmetic on zone-aware date-times, and local times that a DST change skips or
repeats (RFC 5545 §3.3.5).

Python adds a ``timedelta`` to an aware datetime on the wall clock: 02:30 plus 60 minutes on
the night the clocks go back is 03:30 the next wall-clock hour, 120 real minutes later. Every
duration in the planner is real time, so it is added here, through UTC.

A local time in the spring-forward gap does not exist: RFC 5545 reads it with the UTC offset
before the gap (02:30 in Berlin on the last Sunday of March is 03:30 CEST). A local time in the
fall-back hour exists twice: the first is taken unless the caller asks for the second
(``fold=1``, ``planner invite --fold``). :func:`settle` says which it chose, for the user.
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


def settle(moment: datetime, *, fold: int = 0) -> tuple[datetime, str]:
    """The instant a wall-clock ``moment`` means, normalised (a gap time moves forward by the
    size of the gap, the repeated hour takes occurrence ``fold``), and a note for the user when
    the time was in a gap or the repeated hour ("" otherwise)."""
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
        which = _("the second") if fold else _("the first")
        return chosen, _(
            "{time} occurs twice in {zone} on {date} (the clocks go back); taken as {which}, "
            "{actual} (the other is {other}; --fold chooses the second)",
            time=moment.strftime("%H:%M"),
            zone=_zone_name(zone, moment),
            date=moment.date().isoformat(),
            which=which,
            actual=_shown(chosen),
            other=_shown(other),
        )
    return moment.astimezone(UTC).astimezone(zone), ""


def _zone_name(zone: tzinfo, moment: datetime) -> str:
    return getattr(zone, "key", None) or zone.tzname(moment) or "?"


def _shown(moment: datetime) -> str:
    offset = moment.strftime("%z")
    return f"{moment:%H:%M} {moment.tzname() or ''} (UTC{offset[:3]}:{offset[3:]})".replace(
        "  ", " "
    )
