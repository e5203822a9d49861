"""An update of one occurrence of the user's recurring meeting names that occurrence.

Defect: a proposal for the Thursday occurrence of a weekly meeting the user organizes was sent
as an update with the series' UID and no RECURRENCE-ID: to every attendee's calendar (RFC 5546
§2.1.5) that is the whole series, replaced by one meeting; and ``invite --cancel`` of it
cancelled the whole series. The update and its cancellation now carry the occurrence's
RECURRENCE-ID (its original start: as the rule puts it, or as a moved occurrence says), in
UTC, or a date for an all-day series; answers naming it count, answers naming another
occurrence do not."""

from __future__ import annotations

from datetime import UTC, date, datetime

import icalendar
import pytest

from planner.flows.invitations import InviteOptions, from_proposal
from planner.flows.listed import occurrence_id
from planner.ical.reader import events_from_ics
from planner.invite.answers import Answer, names_occurrence
from planner.invite.cancels import prepare_cancel
from planner.invite.sentlog import history, prepare_request, prepare_update, record_sent
from planner.model import Event, Response
from planner.store import Store
from tests.flows.test_update_description import (
    BERLIN,
    EVERYONE,
    ME,
    MEETING_ICS,
    NOW,
    config,
    listed,
)

UID = "kennenlernen-7@berger-consulting.example"
__all__ = ["config"]  # the fixture

WEEKLY = MEETING_ICS.replace(
    "DTEND;TZID=Europe/Berlin:20261210T143000",
    "DTEND;TZID=Europe/Berlin:20261210T143000\r\nRRULE:FREQ=WEEKLY;COUNT=10",
).replace("20261210T", "20261203T")  # the series began a week before
#: the same series, its 10 December occurrence moved to 15:00 (an override)
MOVED = WEEKLY.replace(
    "END:VCALENDAR",
    "BEGIN:VEVENT\r\nUID:kennenlernen-7@berger-consulting.example\r\nSEQUENCE:2\r\n"
    "DTSTAMP:20261201T080000Z\r\nRECURRENCE-ID;TZID=Europe/Berlin:20261210T140000\r\n"
    "DTSTART;TZID=Europe/Berlin:20261210T150000\r\nDTEND;TZID=Europe/Berlin:20261210T153000\r\n"
    f"SUMMARY:Kennenlernen Hafen Logistik\r\nORGANIZER:mailto:{ME}\r\n"
    "ATTENDEE:mailto:lena@hafen-muc.example\r\nEND:VEVENT\r\nEND:VCALENDAR",
)


def occurrence(text: str) -> Event:
    found = events_from_ics(
        text, source="work", tz=BERLIN, start=datetime(2026, 12, 7, tzinfo=BERLIN),
        end=datetime(2026, 12, 14, tzinfo=BERLIN),
    )  # fmt: skip
    (event,) = [e for e in found if e.start.date() == date(2026, 12, 10)]
    return event


def send(config, store: Store, meeting: Event):
    ident = listed(store, config, EVERYONE, moved=True, event=meeting)
    inv = from_proposal(config, store, ident, InviteOptions(), now=NOW)
    prepared = prepare_request(store, inv)
    record_sent(store, prepared, message_id="<occurrence@planner.test>")
    return prepared


def vevent(raw: bytes) -> icalendar.Event:
    (event,) = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    return event


@pytest.mark.parametrize(
    ("text", "original"),
    [
        (WEEKLY, datetime(2026, 12, 10, 13, tzinfo=UTC)),  # where the rule puts it
        (MOVED, datetime(2026, 12, 10, 13, tzinfo=UTC)),  # moved to 15:00: still 14:00's
    ],
)
def test_the_update_and_its_cancellation_name_the_occurrence(config, text, original):
    store = Store(":memory:")
    prepared = send(config, store, occurrence(text))
    event = vevent(prepared.ics)
    assert str(event["UID"]) == UID and "RRULE" not in event
    assert event.decoded("RECURRENCE-ID") == original
    # a later update and the cancellation keep naming it
    moved = prepare_update(store, UID, start=datetime(2026, 12, 11, 10, tzinfo=BERLIN))
    assert vevent(moved.ics).decoded("RECURRENCE-ID") == original
    record_sent(store, moved, message_id="<occurrence-2@planner.test>")
    assert vevent(prepare_cancel(store, UID).ics).decoded("RECURRENCE-ID") == original


def test_a_single_meeting_is_updated_without_one(config):
    store = Store(":memory:")
    single = occurrence(MEETING_ICS)
    assert occurrence_id(single) == ""
    assert "RECURRENCE-ID" not in vevent(send(config, store, single).ics)


def test_an_all_day_series_is_named_by_its_day():
    day = Event(
        "messe@x", "Messe", datetime(2026, 12, 10, tzinfo=BERLIN),
        datetime(2026, 12, 11, tzinfo=BERLIN), all_day=True, series_id="messe@x",
    )  # fmt: skip
    assert occurrence_id(day) == "2026-12-10"
    google = Event(
        "s@google.com", "Jour fixe", datetime(2026, 12, 10, 15, tzinfo=BERLIN),
        datetime(2026, 12, 10, 16, tzinfo=BERLIN), series_id="s_base",
        hints=(("RECURRENCE-ID", "2026-12-10T13:00:00+00:00"),),
    )  # fmt: skip
    assert occurrence_id(google) == "2026-12-10T13:00:00+00:00"  # as the service says


def test_answers_count_for_the_occurrence_they_name(config):
    store = Store(":memory:")
    send(config, store, occurrence(WEEKLY))
    sent = history(store, UID)

    def answer(recurrence):
        return Answer(UID, "lena@hafen-muc.example", Response.ACCEPTED, sent[-1].sequence,
                      recurrence=recurrence)  # fmt: skip

    assert names_occurrence(answer(None), sent)
    assert names_occurrence(answer(datetime(2026, 12, 10, 13, tzinfo=UTC)), sent)
    assert names_occurrence(answer(datetime(2026, 12, 10, 14)), sent)  # floating: Berlin
    assert names_occurrence(answer(date(2026, 12, 10)), sent)
    assert not names_occurrence(answer(datetime(2026, 12, 17, 13, tzinfo=UTC)), sent)
    # the new time is no occurrence of the series: an answer naming it names none
    assert not names_occurrence(answer(datetime(2026, 12, 11, 8, tzinfo=UTC)), sent)
