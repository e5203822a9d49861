"""A warm run neither formats keys nor encodes events again: keys are kept, digests come from
the event index (planner.ical.payload.content_digest)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.ical import payload
from planner.judge.cache import classify_all
from planner.model import Attendee, Event, Response
from planner.store import Store

BERLIN = ZoneInfo("Europe/Berlin")


def _events() -> list[Event]:
    start = datetime(2026, 12, 7, 9, tzinfo=BERLIN)
    person = Attendee("jonas@nordwind.example", "Jonas", Response.ACCEPTED)
    return [
        Event(
            uid=f"u{n}@t",
            title=f"Meeting {n % 3}",
            start=start + timedelta(days=n),
            end=start + timedelta(days=n, hours=1),
            location="Leopoldstraße 10, 80802 München" if n % 2 else "https://zoom.us/j/1",
            attendees=(person,),
        )
        for n in range(6)
    ]


def test_the_key_is_computed_once_and_reset_by_replace():
    event = _events()[0]
    assert event.key == ("u0@t", "2026-12-07T08:00:00+00:00")
    assert event.key is event.key
    moved = replace(event, start=event.start + timedelta(hours=1), end=event.end)
    assert moved.key == ("u0@t", "2026-12-07T09:00:00+00:00")


def test_decoded_events_bring_the_digest_of_their_content():
    events = _events()
    decoded = payload.decode_events(payload.encode_events(events))
    assert decoded == events
    assert [payload.content_digest(e) for e in decoded] == [
        payload.content_digest(e) for e in payload.decode_events(payload.encode_events(events))
    ]
    assert len({payload.content_digest(e) for e in decoded}) == len(events)
    changed = payload.decode_events(payload.encode_events([replace(events[0], title="Other")]))
    assert payload.content_digest(changed[0]) != payload.content_digest(decoded[0])
    in_utc = replace(events[0], start=events[0].start.astimezone(UTC))
    assert payload.content_digest(in_utc) != payload.content_digest(events[0])  # the zone counts


def test_classifying_decoded_events_encodes_nothing(monkeypatch):
    store = Store(":memory:")
    decoded = payload.decode_events(payload.encode_events(_events()))
    first = classify_all(decoded, store)

    def no_encoding(event):
        raise AssertionError("an event was encoded to digest it")

    monkeypatch.setattr(payload, "_template", no_encoding)
    with pytest.raises(AssertionError):
        payload.encode_events(decoded)  # the patch is in force
    assert classify_all(decoded, store) == first


def test_an_event_and_its_decoded_copy_have_one_digest_also_in_a_dst_gap():
    gap = datetime(2026, 3, 29, 2, 30, tzinfo=BERLIN)  # a wall time that does not exist
    fold = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=BERLIN)  # the second 02:30
    events = [*_events(), replace(_events()[0], start=gap, end=fold)]
    fresh = [replace(e) for e in events]  # no digest yet: computed from the fields
    decoded = payload.decode_events(payload.encode_events(events))
    digests = [payload.content_digest(e) for e in fresh]
    assert digests == [payload.content_digest(e) for e in decoded]
    assert len(set(digests)) == len(events)


def test_a_decoded_event_is_built_as_event_builds_it_slot_by_slot():
    """The decoder sets an event's slots itself (faster than Event(...)): every slot holds
    what the constructor would put there, the cached ones empty but the template digest and the
    key (as Event.key computes it, in a DST fold too), and the event is as frozen as any."""
    import dataclasses

    from tests.ical.test_index import sample_events

    events = [*_events(), *sample_events()]
    decoded = payload.decode_events(payload.encode_events(events))
    for before, after in zip(events, decoded, strict=True):
        fields = {f.name: getattr(after, f.name) for f in dataclasses.fields(Event) if f.init}
        made = Event(**fields)
        given = {"_template": before._template, "_key": made.key}  # as Event computes them
        for name in payload._FIELDS:
            assert getattr(after, name) == given.get(name, getattr(made, name)), name
        assert after == before and hash(after) == hash(before)
        with pytest.raises(dataclasses.FrozenInstanceError):
            after.title = "changed"  # type: ignore[misc]
    assert payload._FIELDS == tuple(f.name for f in dataclasses.fields(Event))


def test_a_payload_without_the_keys_is_not_decoded():
    """Format 3 had no key in an occurrence: such a payload is read again, never decoded
    with keys missing or taken from the wrong place."""
    import json

    data = json.loads(payload.encode_events(_events()))
    for format_, rows in ((3, [row[:6] for row in data["occurrences"]]), (4, [])):
        old = {**data, "format": format_, "occurrences": rows or [[*data["occurrences"][0][:6], 7]]}
        with pytest.raises(payload.DecodeError):
            payload.decode_events(json.dumps(old))


def test_people_are_written_once_and_templates_digested_with_them():
    """A person is stored once and referred to by number; the digest of a template is taken
    with its people written out, so it is the same whatever number a person got."""
    import json

    events = _events()
    data = json.loads(payload.encode_events(events))
    assert data["people"] == [["jonas@nordwind.example", "Jonas", "accepted", False, False]]
    assert all(row[5] == [0] for row in data["templates"])
    later = [replace(e) for e in events]  # the same events, no digest yet, another payload
    other = Attendee("anna@x.example", "Anna", Response.TENTATIVE)
    mixed = [replace(later[0], uid="first@t", attendees=(other,)), *later]
    assert json.loads(payload.encode_events(mixed))["people"][0][0] == "anna@x.example"
    assert [e._template for e in later] == [e._template for e in events]
    assert payload.decode_events(payload.encode_events(mixed)) == mixed
    data["templates"][0][5] = ["0"]
    with pytest.raises(payload.DecodeError):
        payload.decode_events(json.dumps(data))
