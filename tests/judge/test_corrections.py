"""The user's word: a mark or a config rule beats the classifier, stays with its series or
occurrence when the calendar is read again (a provider re-sync, a moved occurrence), shows as
evidence, and can be undone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.config import from_mapping
from planner.errors import ConfigError
from planner.flows.weekly import build_plan
from planner.ical.reader import events_from_ics
from planner.judge.cache import classify_all
from planner.judge.corrections import Correction, Corrections, CorrectionStore, make, ref_of
from planner.judge.relations import Ledger
from planner.model import Attendee, Confidence, Event, Mode, Purpose
from planner.store import Store

TZ = ZoneInfo("Europe/Berlin")
WINDOW = (datetime(2027, 1, 1, tzinfo=UTC), datetime(2027, 12, 31, tzinfo=UTC))
ME = "me@own.example"
SERIES = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//EN\r
BEGIN:VEVENT\r
UID:weekly-signal@test\r
DTSTAMP:20270101T000000Z\r
DTSTART;TZID=Europe/Berlin:20270301T090000\r
DTEND;TZID=Europe/Berlin:20270301T093000\r
RRULE:FREQ=WEEKLY;COUNT=4\r
SUMMARY:Abstimmung Karoline\r
LOCATION:Signal\r
ORGANIZER:mailto:me@own.example\r
ATTENDEE:mailto:me@own.example\r
ATTENDEE;CN=Karoline:mailto:k.steiner@steiner-recht.example\r
END:VEVENT\r
{override}END:VCALENDAR\r
"""
MOVED = """BEGIN:VEVENT\r
UID:weekly-signal@test\r
DTSTAMP:20270101T000000Z\r
RECURRENCE-ID;TZID=Europe/Berlin:20270315T090000\r
DTSTART;TZID=Europe/Berlin:20270316T140000\r
DTEND;TZID=Europe/Berlin:20270316T143000\r
SEQUENCE:1\r
SUMMARY:Abstimmung Karoline\r
LOCATION:Signal\r
ORGANIZER:mailto:me@own.example\r
ATTENDEE:mailto:me@own.example\r
ATTENDEE;CN=Karoline:mailto:k.steiner@steiner-recht.example\r
END:VEVENT\r
"""


def read(moved: bool) -> list[Event]:
    text = SERIES.format(override=MOVED if moved else "")
    return events_from_ics(text.encode(), source="work.ics", tz=TZ, start=WINDOW[0], end=WINDOW[1])


def config(**extra):
    return from_mapping({"user": {"email": ME, "timezone": "Europe/Berlin"}, **extra}, "<test>")


def modes(events, store, cfg=None):
    found = classify_all(events, store, cfg or config())
    return [found[e.key] for e in sorted(events, key=lambda e: e.start)]


def test_the_classifier_alone_calls_a_signal_series_a_phone_call():
    assert {m.mode for m in modes(read(False), None)} == {Mode.PHONE}


def test_a_marked_series_stays_marked_when_the_calendar_is_read_again_with_a_moved_occurrence():
    store = Store(":memory:")
    first = sorted(read(False), key=lambda e: e.start)
    CorrectionStore(store).add(make(first[1], "series", mode=Mode.VIRTUAL))
    again = read(moved=True)  # a re-sync: new objects, one occurrence moved to a Tuesday
    assert any(e.start.date() == date(2027, 3, 16) for e in again)
    found = modes(again, store)
    assert [m.mode for m in found] == [Mode.VIRTUAL] * 4
    assert all(m.evidence[0].startswith("you said so on") for m in found)
    assert all(m.confidence is Confidence.HIGH for m in found)


def test_an_occurrence_mark_follows_its_occurrence_when_it_is_moved():
    store = Store(":memory:")
    third = sorted(read(False), key=lambda e: e.start)[2]  # 15 March, later moved
    CorrectionStore(store).add(make(third, "occurrence", mode=Mode.IN_PERSON))
    found = modes(read(moved=True), store)
    assert [m.mode for m in found] == [Mode.PHONE, Mode.PHONE, Mode.IN_PERSON, Mode.PHONE]
    assert ref_of(sorted(read(True), key=lambda e: e.start)[2]) == ref_of(third)


def test_undo_restores_the_classifiers_answer():
    store = Store(":memory:")
    events = read(False)
    marks = CorrectionStore(store)
    saved = marks.add(make(events[0], "series", mode=Mode.IN_PERSON, meeting=False))
    assert {m.mode for m in modes(events, store)} == {Mode.IN_PERSON}
    assert marks.undo(saved.id) is not None
    assert marks.undo(saved.id) is None  # undone once
    after = modes(events, store)
    assert {m.mode for m in after} == {Mode.PHONE}
    assert all(m.said is None for m in after)
    assert [c.id for c in marks.all(undone=True)] == [saved.id]
    assert marks.all() == []


@pytest.mark.parametrize(
    "rule",
    [
        {"title": "Abstimmung*", "mode": "virtual"},
        {"title": "karoline", "mode": "virtual"},
        {"organizer_domain": "own.example", "mode": "virtual"},
        {"counterpart": "K.Steiner@steiner-recht.example", "mode": "virtual"},
        {"calendar": "work.ics", "mode": "virtual"},
    ],
)
def test_a_config_rule_beats_the_classifier(rule):
    found = modes(read(False), None, config(rules=[rule]))
    assert {m.mode for m in found} == {Mode.VIRTUAL}
    assert found[0].evidence[0] == "your rule in the config ([[rules]] #1)"


def test_a_mark_beats_a_rule_and_the_more_specific_mark_the_broader_one():
    store = Store(":memory:")
    events = sorted(read(False), key=lambda e: e.start)
    cfg = config(rules=[{"title": "Abstimmung*", "mode": "virtual"}])
    marks = CorrectionStore(store)
    marks.add(make(events[0], "title", key="Abstimmung*", mode=Mode.HYBRID), datetime(2027, 1, 5))
    marks.add(make(events[0], "series", mode=Mode.IN_PERSON), datetime(2027, 1, 6))
    marks.add(make(events[3], "occurrence", mode=Mode.PHONE), datetime(2027, 1, 4))
    found = modes(events, store, cfg)
    assert [m.mode for m in found] == [Mode.IN_PERSON] * 3 + [Mode.PHONE]
    marks.add(make(events[0], "series", mode=Mode.VIRTUAL), datetime(2027, 1, 7))
    assert modes(events, store, cfg)[0].mode is Mode.VIRTUAL  # the newer mark


def test_counterpart_and_organisation_marks_cover_every_event_with_them():
    events = read(False)
    for correction in (
        Correction("counterpart", "k.steiner@steiner-recht.example", purpose=Purpose.DEAL_CLOSING),
        Correction("organisation", "steiner-recht.example", purpose=Purpose.DEAL_CLOSING),
    ):
        said = Corrections([correction]).said(events[0])
        assert said is not None and said.purpose is Purpose.DEAL_CLOSING
    other = Event(uid="x", title="Abstimmung", start=events[0].start, end=events[0].end,
                  attendees=(Attendee("a@else.example"),))  # fmt: skip
    assert Corrections([Correction("organisation", "steiner-recht.example")]).said(other) is None


def test_purpose_and_meeting_corrections_reach_the_weekly_plan():
    store = Store(":memory:")
    events = read(False)
    cfg = config()
    marks = CorrectionStore(store)
    marks.add(make(events[0], "series", purpose=Purpose.DEAL_CLOSING))
    monday = date(2027, 3, 1)
    now = datetime(2027, 3, 1, 7, tzinfo=TZ)
    plan = build_plan(events, cfg, monday, now=now, ledger=Ledger.open(Store(":memory:"), cfg),
                      modes=classify_all(events, store, cfg))  # fmt: skip
    (item,) = plan.items
    assert item.purpose.purpose is Purpose.DEAL_CLOSING
    assert item.purpose.evidence[0].startswith("you said so on")
    assert item.meeting and item.mode is Mode.PHONE
    marks.add(make(events[0], "series", meeting=False))
    plan = build_plan(events, cfg, monday, now=now, ledger=Ledger.open(Store(":memory:"), cfg),
                      modes=classify_all(events, store, cfg))  # fmt: skip
    assert not plan.items[0].meeting
    assert plan.stats.meetings == 0


def test_a_series_from_the_graph_api_is_marked_by_its_series_master():
    from providers.graph_events import to_event

    def occurrence(day: int, moved: bool = False) -> dict:
        start = datetime(2027, 3, day, 8, 0, tzinfo=UTC) + (
            timedelta(hours=5) if moved else timedelta()
        )
        return {
            "id": f"AAMk-{day}", "iCalUId": f"040000008200E-{day}", "seriesMasterId": "AAMk-master",
            "subject": "Abstimmung", "type": "exception" if moved else "occurrence",
            "start": {"dateTime": start.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": "UTC"},
            "end": {"dateTime": (start + timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%S"),
                    "timeZone": "UTC"},
            "location": {"displayName": "Signal"},
            "originalStart": f"2027-03-{day:02d}T08:00:00Z",
        }  # fmt: skip

    first = [to_event(occurrence(d), TZ, calendar="m365") for d in (1, 8, 15)]
    store = Store(":memory:")
    CorrectionStore(store).add(make(first[0], "series", mode=Mode.VIRTUAL))
    again = [to_event(occurrence(d, moved=d == 8), TZ, calendar="m365") for d in (1, 8, 15)]
    assert {m.mode for m in modes(again, store)} == {Mode.VIRTUAL}


def test_rules_are_checked_with_the_config():
    with pytest.raises(ConfigError) as error:
        config(rules=[{"title": "x"}, {"mode": "virtual"}, {"title": "y", "mode": "zoom"}])
    message = str(error.value)
    assert "[[rules]] #1 needs an outcome" in message
    assert "[[rules]] #2 needs a condition" in message
    assert "[[rules]] #3 key 'mode' must be one of in_person" in message


def test_an_unreadable_mark_is_skipped_and_the_rest_apply(caplog):
    store = Store(":memory:")
    events = read(False)
    marks = CorrectionStore(store)
    marks.add(make(events[0], "series", mode=Mode.VIRTUAL))
    with store.conn as conn:
        conn.execute("INSERT INTO corrections (created, scope, key) VALUES ('x', 'nonsense', '')")
    assert {m.mode for m in modes(events, store)} == {Mode.VIRTUAL}
    assert "unreadable" in caplog.text
