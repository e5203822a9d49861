"""The event index's payload: a calendar's events as compact JSON, and back.

``{"format", "zones", "people", "digests", "templates", "occurrences"}``: an occurrence (its
times, and the UTC time of its :attr:`~planner.model.Event.key`) shares its template (all other
fields) with the other occurrences of its series; a zone and a person (organiser or attendee:
a third of a payload when each template held its own) are written once.
:func:`content_digest` names an event's content, so that a judgement can be kept for an event
that did not change.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Collection, Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import orjson

from planner.ical import wallclock
from planner.model import Attendee, Busy, Event, Geo, Response, Status

FORMAT = 5  # the layout (2: the availability; 3: template digests; 4: keys; 5: people)

_STATUS = {s.value: s for s in Status}  # dict look-ups: Enum(value) is ten times slower
_RESPONSE = {r.value: r for r in Response}
_BUSY = {b.value: b for b in Busy}


class DecodeError(ValueError):
    """A stored payload that does not have the expected shape."""


def compact(value: Any) -> str:
    """``value`` as compact JSON text (what ``json.dumps(value, ensure_ascii=False,
    separators=(",", ":"))`` writes), by orjson, ten times faster. What orjson refuses is
    written by the standard library in ASCII: an integer past 64 bits, or a lone surrogate (a
    broken emoji from a service's JSON), which as UTF-8 text could be neither digested nor
    stored."""
    try:
        return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:
        return json.dumps(value, separators=(",", ":"))


def parse(text: str) -> Any:
    """JSON ``text`` read by orjson, or by the standard library where orjson refuses it (a
    lone surrogate); ``ValueError`` for text that is no JSON."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


# ---------------------------------------------------------------------------------------------
# Payload: {"format", "zones", "templates", "occurrences"}; an occurrence shares its template
# (all fields but the times) with the other occurrences of its series.


def encode_events(events: Sequence[Event]) -> str:
    """The payload of ``events``; each event without a digest gets it on the way (the digest is
    a by-product of the encoding, so a cold run never encodes an event twice)."""
    return _Payload().add(events).dump()


def replace_events(payload: str, drop: Collection[str], events: Sequence[Event]) -> tuple[str, int]:
    """``payload`` without the occurrences of the UIDs in ``drop``, and with ``events``: the
    kept ones are neither decoded nor encoded again (a dropped template leaves an empty place,
    until half of them are: then the payload is written afresh); and how many occurrences it
    holds. :class:`DecodeError` when ``payload`` is not one this version wrote."""
    text, data = replaced(payload, drop, events)
    return text, len(data["occurrences"])


def replaced(
    payload: str, drop: Collection[str], events: Sequence[Event]
) -> tuple[str, dict[str, Any]]:
    """:func:`replace_events`, with the new payload also as parsed JSON: its events are
    decoded from that (:func:`decode_data`) without parsing the text just written again."""
    try:
        data = parse(payload)
        if data["format"] != FORMAT:
            raise DecodeError(f"payload format {data['format']!r}")
        templates: list[Any] = data["templates"]
        for number, row in enumerate(templates):
            if row is not None and _text(row[0]) in drop:
                templates[number] = None
        rows = [row for row in data["occurrences"] if templates[row[0]] is not None]
        if len(templates) != len(data["digests"]):
            raise DecodeError("templates and digests differ in number")
    except DecodeError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise DecodeError(f"undecodable event index payload ({exc})") from None
    if 2 * sum(row is not None for row in templates) < len(templates):
        kept = [e for e in decode_events(payload) if e.uid not in drop]  # written afresh
        text = encode_events([*kept, *events])
        return text, parse(text)
    added = _Payload(data["zones"], data["people"], offset=len(templates)).add(events)
    rows += [parse(row) for row in added.rows]
    data["zones"], data["people"] = added.zones.keys, added.people.keys
    data["templates"] = templates + added.templates.rows
    data["digests"] = data["digests"] + added.templates.digests
    data["occurrences"] = rows
    return compact(data), data


class _Payload:
    """A payload being written: zones, people, templates and occurrences (as JSON text, row by
    row: a year of a busy calendar is a million rows)."""

    def __init__(
        self,
        zones: Sequence[Sequence[Any]] = (),
        people: Sequence[Sequence[Any]] = (),
        offset: int = 0,
    ) -> None:
        self.zones = _Zones(zones)
        self.people = _Zones(people)
        self.templates = _Templates(offset, self.people)
        self.rows: list[str] = []

    def add(self, events: Sequence[Event]) -> _Payload:
        zones, templates, rows = self.zones, self.templates, self.rows
        for event in events:
            index = templates.index(event)
            start, start_zone = zones.moment(event.start)
            end, end_zone = zones.moment(event.end)
            # ISO date-times need no escaping in JSON
            key = event.key[1]  # the UTC time of Event.key, which every reader asks for
            rows.append(
                f'[{index},"{start}",{start_zone},"{end}",{end_zone},{int(event.all_day)},"{key}"]'
            )
            if event._template is None:
                object.__setattr__(event, "_template", templates.digest(index))
        return self

    def dump(self) -> str:
        head = {"format": FORMAT, "zones": self.zones.keys, "people": self.people.keys}
        head["digests"], head["templates"] = self.templates.digests, self.templates.rows
        return f'{compact(head)[:-1]},"occurrences":[{",".join(self.rows)}]}}'


def content_digest(event: Event) -> str:
    """A digest of everything in ``event`` (equal digests, equal events), taken once; the same
    for the event as read and as decoded from the index (times are taken as the instant in
    their zone)."""
    if event._digest is None:
        moments = [_canonical(event.start), _canonical(event.end), int(event.all_day)]
        digest = _occurrence_digest(template_digest(event), *moments)
        object.__setattr__(event, "_digest", digest)
    return event._digest


def template_digest(event: Event) -> str:
    """A digest of everything in ``event`` but its times and all-day flag: the same for every
    occurrence of a series (as long as they do not differ otherwise)."""
    if event._template is None:
        remember_digests([event])
    return event._template  # type: ignore[return-value]


def remember_digests(events: Sequence[Event]) -> None:
    """Give every event of ``events`` its template digest; events that share their fields (the
    occurrences of a series as read) share the work."""
    templates = _Templates()
    for event in events:
        if event._template is None:
            object.__setattr__(event, "_template", templates.digests[templates.index(event)])


def _canonical(value: datetime) -> str:
    """The instant of ``value`` in its zone, and the zone (a wall time in a DST gap or fold is
    written as the instant it means)."""
    zone = value.tzinfo
    if isinstance(zone, ZoneInfo):
        return f"{value.astimezone(UTC).astimezone(zone).isoformat()} {zone.key}"
    return f"{value.isoformat()} {value.tzname() or ''}"


def _template_digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


def _occurrence_digest(template: str, *moments: object) -> str:
    text = "\0".join([template, *map(str, moments)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class _Templates:
    """The distinct templates of a run of events, each encoded once: events whose fields are
    the very same objects (occurrences of one series) are recognised without encoding. A
    template is digested with its people, and kept (when ``people`` is given, to be stored)
    with their numbers there."""

    def __init__(self, offset: int = 0, people: _Zones | None = None) -> None:
        self.offset = offset  # the number of the first template (others come before it)
        self.people = people
        self.rows: list[list[Any]] = []
        self.digests: list[str] = []
        self._by_body: dict[str, int] = {}
        # the number of a template by the ids of its fields; the fields are kept alive with it,
        # so equal ids mean the very same field values
        self._by_identity: dict[tuple[int, ...], tuple[tuple[Any, ...], int]] = {}

    def index(self, event: Event) -> int:
        fields = _template_fields(event)
        identity = tuple(map(id, fields))
        found = self._by_identity.get(identity)
        if found is None:
            found = self._by_identity[identity] = (fields, self.add(_template(event)))
        return found[1]

    def add(self, row: list[Any]) -> int:
        """The number of the template ``row``."""
        body = compact(row)
        found = self._by_body.get(body)
        if found is None:
            found = self._by_body[body] = self.offset + len(self.digests)
            self.digests.append(_template_digest(body))
            if (people := self.people) is not None:
                organizer, attendees = row[4], row[5]
                row[4] = None if organizer is None else people.number(organizer)
                row[5] = [people.number(person) for person in attendees]
                self.rows.append(row)
        return found

    def digest(self, number: int) -> str:
        return self.digests[number - self.offset]


class _Zones:
    """The zones (or the people) of a run of events, numbered in order of appearance."""

    def __init__(self, known: Sequence[Sequence[Any]] = ()) -> None:
        self.keys: list[list[Any]] = []
        self._numbers: dict[tuple[Any, ...], int] = {}
        for key in known:  # a stored payload's zones keep their numbers
            self.number(key)

    def moment(self, value: datetime) -> tuple[str, int]:
        zone = value.tzinfo
        if isinstance(zone, ZoneInfo):
            token: tuple[Any, ...] = ("iana", zone.key)
        else:
            offset = value.utcoffset()
            seconds = int(offset.total_seconds()) if offset is not None else 0
            token = ("fixed", seconds, value.tzname() or "")
        return value.isoformat(), self.number(token)

    def number(self, token: Sequence[Any]) -> int:
        key = tuple(token)
        number = self._numbers.get(key)
        if number is None:
            number = self._numbers[key] = len(self.keys)
            self.keys.append(list(key))
        return number


def decode_events(
    payload: str, start: datetime | None = None, end: datetime | None = None
) -> list[Event]:
    """The events of a payload (only those overlapping ``[start, end)`` when given);
    :class:`DecodeError` when it is not a payload this version wrote."""
    try:
        data = parse(payload)
    except ValueError as exc:
        raise DecodeError(f"undecodable event index payload ({exc})") from None
    return decode_data(data, start, end)


def decode_data(
    data: Any, start: datetime | None = None, end: datetime | None = None
) -> list[Event]:
    """:func:`decode_events` of a payload already parsed from JSON."""
    try:
        if data["format"] != FORMAT:
            raise DecodeError(f"payload format {data['format']!r}")
        return _Decoder(data).events(start, end)
    except DecodeError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise DecodeError(f"undecodable event index payload ({exc})") from None


class _Decoder:
    """Builds events from a parsed payload; templates and people are built once each."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.zones = [_zone(z) for z in data["zones"]]
        self.digests: list[str] = [_text(d) for d in data["digests"]]
        self.rows: list[list[Any]] = data["templates"]
        self.occurrences: list[list[Any]] = data["occurrences"]
        self.templates: dict[int, list[Any]] = {}
        self.people: list[list[Any]] = data["people"]
        self.persons: dict[int, Attendee] = {}

    def events(self, start: datetime | None, end: datetime | None) -> list[Event]:
        result = []
        zones, templates, new = self.zones, self.templates, object.__new__
        if start is not None and end is not None:  # compared in real time (see within)
            start, end = start.astimezone(UTC), end.astimezone(UTC)
        for number, first, first_zone, last, last_zone, all_day, key in self.occurrences:
            begin = _datetime(first, zones[first_zone])
            stop = _datetime(last, zones[last_zone])
            if start is not None and end is not None and not within(begin, stop, start, end):
                continue
            values = templates.get(number)
            if values is None:
                values = templates[number] = self._values(self.rows[number], self.digests[number])
            if type(key) is not str:
                raise DecodeError(f"expected text, found {type(key).__name__}")
            values[_START], values[_END], values[_ALL_DAY] = begin, stop, bool(all_day)
            values[_KEY] = (values[0], key)
            event = new(Event)
            for setter, value in zip(_SETTERS, values, strict=True):
                setter(event, value)
            result.append(event)
        return result

    def _person(self, number: int) -> Attendee:
        found = self.persons.get(number)
        if found is None:
            found = self.persons[number] = _attendee(self.people[number])
        return found

    def _values(self, row: list[Any], digest: str) -> list[Any]:
        """The value of each field of :class:`Event` (in the order of :data:`_FIELDS`, the
        times left to set) for the occurrences of the template ``row``."""
        (uid, title, location, description, organizer, attendees, links, status, busy) = row[:9]
        (series_id, calendar, url, geo, hints, source, self_response, availability) = row[9:]
        person = self._person
        return [
            _text(uid),
            _text(title),
            None,  # start
            None,  # end
            False,  # all_day
            _text(location),
            _text(description),
            person(organizer) if organizer is not None else None,
            tuple(map(person, attendees)),
            tuple(_text(link) for link in links),
            _STATUS[status],
            bool(busy),
            None if series_id is None else _text(series_id),
            _text(calendar),
            _text(url),
            Geo(float(geo[0]), float(geo[1])) if geo is not None else None,
            tuple((_text(k), _text(v)) for k, v in hints),
            _text(source),
            _RESPONSE[self_response] if self_response is not None else None,
            _BUSY[availability] if availability is not None else None,
            None,  # _key: given by each occurrence
            None,  # _digest
            digest,  # _template
            None,  # _people
        ]


# An event is decoded as Event(...) makes it, but twice as fast: its slots are set
# one by one, as the dataclass's __init__ does, and its zones are known to be aware (as its
# __post_init__ checks). The first time a payload is read, building events is a fifth of it.
# Event's fields, in order; a change there must be made in _Decoder._values as well.
_FIELDS = (
    "uid", "title", "start", "end", "all_day", "location", "description", "organizer",
    "attendees", "conference_links", "status", "busy", "series_id", "calendar", "url", "geo",
    "hints", "source", "self_response", "availability", "_key", "_digest", "_template",
    "_people",
)  # fmt: skip
_SETTERS = tuple(getattr(Event, name).__set__ for name in _FIELDS)
_START, _END, _ALL_DAY, _KEY = map(_FIELDS.index, ("start", "end", "all_day", "_key"))


def _check_fields() -> None:
    """Fail at once where Event's fields are no longer those :meth:`_Decoder._values` sets."""
    found = dataclasses.fields(Event)
    cached = [f.default for f in found if f.name in ("_key", "_digest", "_people")]
    if tuple(f.name for f in found) != _FIELDS or cached != [None, None, None]:
        raise TypeError("the fields of planner.model.Event changed: update planner.ical.payload")


_check_fields()


def within(begin: datetime, stop: datetime, start: datetime, end: datetime) -> bool:
    """:func:`planner.ical.wallclock.within`: in real time, also in the repeated hour."""
    return wallclock.within(begin, stop, start, end)


def _zone(token: list[Any]) -> Any:
    if token[0] == "iana":
        return ZoneInfo(str(token[1]))
    if token[0] == "fixed":
        offset = timedelta(seconds=int(token[1]))
        return timezone(offset, str(token[2])) if token[2] else timezone(offset)
    raise DecodeError(f"unknown zone token {token[0]!r}")


def _datetime(text: str, zone: Any) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise DecodeError(f"naive date-time {text!r}")
    if isinstance(zone, ZoneInfo):
        return moment.astimezone(zone)
    return moment.replace(tzinfo=zone) if moment.utcoffset() == zone.utcoffset(None) else moment


def _person(person: Attendee) -> list[Any]:
    return [person.email, person.name, person.response.value, person.is_resource, person.optional]


def _attendee(row: list[Any]) -> Attendee:
    email, name, response, is_resource, optional = row
    return Attendee(str(email), str(name), _RESPONSE[response], bool(is_resource), bool(optional))


def _template_fields(e: Event) -> tuple[Any, ...]:
    return (
        e.uid, e.title, e.location, e.description, e.organizer, e.attendees,
        e.conference_links, e.status, e.busy, e.series_id, e.calendar, e.url, e.geo, e.hints,
        e.source, e.self_response, e.availability,
    )  # fmt: skip


def _template(e: Event) -> list[Any]:
    return [
        e.uid,
        e.title,
        e.location,
        e.description,
        _person(e.organizer) if e.organizer else None,
        [_person(a) for a in e.attendees],
        list(e.conference_links),
        e.status.value,
        e.busy,
        e.series_id,
        e.calendar,
        e.url,
        [e.geo.lat, e.geo.lon] if e.geo else None,
        [list(h) for h in e.hints],
        e.source,
        e.self_response.value if e.self_response else None,
        e.availability.value if e.availability else None,
    ]


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise DecodeError(f"expected text, found {type(value).__name__}")
    return value
