"""One VEVENT (icalendar's, or one read by :mod:`planner.ical.plain`) and its occurrences as
:class:`planner.model.Event`: the fields other than times are read once per VEVENT (a helper
of :mod:`planner.ical.reader`).

The times are the instants the wall times mean (:func:`planner.ical.wallclock.resolve`): a
meeting written into the hour the clocks skip keeps its length, so every reader of the event
(mirrors, travel blocks, the week's busy time, proposals) sees the same meeting. Where a time
was skipped or repeated, one warning names the event and what it was read as."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from planner.i18n import _
from planner.ical import mending, plain
from planner.ical.fields import (
    availability_of,
    conference_links_of,
    geo_of,
    hints_of,
    is_busy,
    person_of,
    text_of,
)
from planner.ical.index import overlaps
from planner.ical.parsing import as_list
from planner.ical.wallclock import resolve
from planner.model import Attendee, Event, Response, Status

if TYPE_CHECKING:  # plain VEVENTs are converted without icalendar (a tenth of a second)
    import icalendar

    from planner.ical.occurrences import Instance

    Component = icalendar.Event | plain.Component


@dataclass(frozen=True)
class Converter:
    source: str
    calendar: str
    tz: ZoneInfo
    user_emails: frozenset[str]
    # where a time the clocks skip or repeat is said, for the events that touch ``window``
    warn: Callable[[str], None] = logging.getLogger("planner").warning
    window: tuple[datetime, datetime] | None = None

    cache: dict[str, dict[str, object] | None] = field(default_factory=dict)
    people: dict[tuple[object, ...], Attendee | None] = field(default_factory=dict)

    def event(self, instance: Instance, recurring: bool, line: int = 0) -> Event | None:
        """The Event of one occurrence (of the VEVENT at ``line``); fields other than times
        are read once per VEVENT."""
        tag = instance.source.tag
        if tag and tag in self.cache:
            template = self.cache[tag]
        else:
            template = self.template(instance.component, recurring)
            if tag:
                self.cache[tag] = template
        if template is None:
            return None
        return self._event(template, instance.start, instance.end, line)

    def add_plain(
        self,
        found: Iterable[plain.Read],
        add: Callable[[Event, int], None],
        window: tuple[datetime, datetime],
        warn: Callable[[str], None],
    ) -> None:
        """``add`` the event and line of each plain VEVENT that overlaps ``window`` (in any
        order: their UIDs are their own, so sorting by start and UID puts them in place)."""
        start, end = window
        for done in found:
            try:
                event = self.plain(done)
            except Exception as exc:  # as the reader says of any event
                where = f"{self.source}:{done.line}"
                warn(
                    _(
                        "{where}: skipped a broken event ({problem})",
                        where=where,
                        problem=mending.reason(exc),
                    )
                )
                continue
            if event is not None and overlaps(event, start, end):
                add(event, done.line)

    def plain(self, read: plain.Read) -> Event | None:
        """The Event of a VEVENT read by :mod:`planner.ical.plain` (never recurring)."""
        template = self.template(read.component, False)
        if template is None:
            return None
        return self._event(template, read.start, read.end, read.line)

    def _event(
        self, template: dict[str, object], first: date, last: date | None, line: int
    ) -> Event:
        start, end, all_day, note = self._times(first, last)
        event = Event(start=start, end=end, all_day=all_day, **template)  # type: ignore[arg-type]
        if note and (self.window is None or overlaps(event, *self.window)):
            where = f"{self.source}:{line}" if line else self.source
            self.warn(f"{where}: '{event.title or event.uid}': {note}")
        return event

    def template(self, c: Component, recurring: bool) -> dict[str, object] | None:
        """Every field of the events of one VEVENT but their times (None: cancelled)."""
        status = str(c.get("STATUS", "")).upper()
        if status == "CANCELLED":
            return None
        uid = str(c["UID"])
        organizer = self._person(c.get("ORGANIZER"), True)
        attendees = tuple(p for v in as_list(c.get("ATTENDEE")) if (p := self._person(v)))
        busy = is_busy(c)
        return dict(
            uid=uid,
            title=text_of(c.get("SUMMARY")),
            location=text_of(c.get("LOCATION")),
            description=text_of(c.get("DESCRIPTION")),
            organizer=organizer,
            attendees=attendees,
            conference_links=conference_links_of(c),
            status=Status.TENTATIVE if status == "TENTATIVE" else Status.CONFIRMED,
            busy=busy,
            availability=availability_of(c, status, busy),
            series_id=uid if recurring else None,
            calendar=self.calendar,
            url=text_of(c.get("URL")),
            geo=geo_of(c),
            hints=hints_of(c),
            source=self.source,
            self_response=self._self_response(organizer, attendees),
        )

    def _person(self, value: object, organizer: bool = False) -> Attendee | None:
        """:func:`person_of`, once per address and parameters in a calendar."""
        params = getattr(value, "params", None)
        if value is None or isinstance(value, list):
            return person_of(value, organizer=organizer)
        try:
            key = (organizer, str(value), tuple(params.items()) if params else ())
            found = self.people.get(key, False)
        except TypeError:  # a parameter with several values
            return person_of(value, organizer=organizer)
        if found is False:
            found = self.people[key] = person_of(value, organizer=organizer)
        return found  # type: ignore[return-value]

    def _times(self, first: date, last: date | None) -> tuple[datetime, datetime, bool, str]:
        """Start, end, all day, and what a time the clocks skip or repeat was read as."""
        all_day = not isinstance(first, datetime)
        if all_day:
            begin = datetime.combine(first, time(0), tzinfo=self.tz)
            if isinstance(last, datetime):
                last = last.date()
            stop = datetime.combine(
                last if last and last > first else first + timedelta(days=1),
                time(0),
                tzinfo=self.tz,
            )
            return begin, stop, True, ""
        begin = self._aware(first)
        start, end, note = resolve(begin, self._aware(last) if last is not None else begin)
        return start, end, False, note

    def _aware(self, value: date | datetime) -> datetime:
        if not isinstance(value, datetime):
            return datetime.combine(value, time(0), tzinfo=self.tz)
        return value if value.tzinfo is not None else value.replace(tzinfo=self.tz)

    def _self_response(
        self, organizer: Attendee | None, attendees: tuple[Attendee, ...]
    ) -> Response | None:
        for person in attendees:
            if person.email.lower() in self.user_emails:
                return person.response
        if organizer is not None and organizer.email.lower() in self.user_emails:
            return Response.ACCEPTED
        return None
