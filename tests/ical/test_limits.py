"""The occurrence cap holds for every rule of an event (several RRULEs, RDATEs, overrides), costs
what is kept rather than what a rule could produce, and keeps the earliest occurrences; a
calendar keeps at most ``max_events`` occurrences in all, the latest (issue 31)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import icalendar
import pytest
import recurring_ical_events

from planner.ical import occurrences, parallel, parsing, salvage
from planner.ical.reader import events_from_ics
from tests.ical.test_hostile import BERLIN, WINDOW, calendar, event, read


@pytest.fixture
def expanded(monkeypatch):
    """How many occurrences the expansion produced, batch by batch."""
    counts: list[int] = []
    real = occurrences.between

    def spy(components, lo, hi):
        found = real(components, lo, hi)
        counts.append(len(found))
        return found

    monkeypatch.setattr(occurrences, "between", spy)
    return counts


def truth(text: str, limit: int, uid: str = "a", until: datetime = WINDOW[1]) -> list[datetime]:
    """The first ``limit`` starts of ``uid`` in the window (up to ``until``), as
    recurring-ical-events expands them."""
    cal = icalendar.Calendar.from_ical(text)
    starts = sorted(
        c["DTSTART"].dt.astimezone(UTC)
        if c["DTSTART"].dt.tzinfo
        else c["DTSTART"].dt.replace(tzinfo=BERLIN).astimezone(UTC)
        for c in recurring_ical_events.of(cal).between(WINDOW[0], until)
        if c["UID"] == uid
    )
    return starts[:limit]


@pytest.mark.parametrize(
    "rules",
    [
        "RRULE:FREQ=WEEKLY\r\nRRULE:FREQ=MINUTELY\r\n",
        "RRULE:FREQ=MINUTELY;INTERVAL=7\r\nRRULE:FREQ=HOURLY;BYMINUTE=5,35\r\n",
        "RRULE:FREQ=DAILY;COUNT=100000\r\nRRULE:FREQ=MINUTELY;COUNT=900000\r\n",
        "RRULE:FREQ=MINUTELY\r\nEXDATE:20261210T100100\r\nRDATE:20261205T080000,20261231T230000\r\n",
    ],
    ids=["weekly+minutely", "two-dense", "counts", "exdate+rdate"],
)
def test_every_rule_is_cut_and_the_earliest_are_kept(rules, expanded):
    text = calendar(event("a", extra=rules, day="20261201"), event("b"))
    events, warnings = read(text, max_occurrences=300)
    mine = [e for e in events if e.uid == "a"]
    first_days = datetime(2026, 12, 4, tzinfo=UTC)  # the earliest 300 lie within them
    assert [e.start.astimezone(UTC) for e in mine] == truth(text, 300, until=first_days)
    assert len(mine) == 300 and "b" in {e.uid for e in events}
    assert sum(expanded) <= 2 * (300 + 2) + 3  # each rule stops just after what is kept
    assert warnings == [
        "t.ics:3: 'Meeting a': more than 300 occurrences in the read window; only the first "
        "300 are used (raise max_occurrences of the calendar in the config to read more)"
    ]


def test_a_count_that_ended_before_the_window_gives_nothing():
    """COUNT is kept within: a long series that ended years ago does not come back."""
    text = calendar(event("a", extra="RRULE:FREQ=HOURLY;COUNT=9000\r\n", day="20200101"))
    events, warnings = read(text, max_occurrences=50)
    assert events == [] and warnings == []


def test_many_rdates_are_cut_to_the_earliest():
    dates = ",".join(
        (datetime(2026, 2, 1, 9) + timedelta(hours=3 * n)).strftime("%Y%m%dT%H%M%S")
        for n in range(4000)
    )
    text = calendar(event("a", extra=f"RDATE:{dates}\r\n", day="20260201"))
    events, warnings = read(text, max_occurrences=100)
    assert [e.start.astimezone(UTC) for e in events] == truth(text, 100)
    assert len(warnings) == 1 and "more than 100 occurrences" in warnings[0]


def test_four_minutely_events_cost_what_is_kept(expanded):
    text = calendar(
        *(
            event(f"m{n}", extra="RRULE:FREQ=WEEKLY\r\nRRULE:FREQ=MINUTELY\r\n", day="20261201")
            for n in range(4)
        )
    )
    events, warnings = read(text)
    assert len(events) == 4 * 2000 and len(warnings) == 4
    assert sum(expanded) <= 4 * 2 * 2002


def test_a_calendar_keeps_its_latest_events_beyond_max_events():
    text = calendar(
        *(event(f"e{n}", day=f"2026{1 + n // 28:02}{1 + n % 28:02}") for n in range(300))
    )
    warnings: list[str] = []
    args = {"source": "t.ics", "tz": BERLIN, "start": WINDOW[0], "end": WINDOW[1]}
    events = events_from_ics(text, warn=warnings.append, max_events=100, **args)
    everything = events_from_ics(text, warn=lambda _m: None, **args)
    assert events == everything[-100:]
    assert warnings == [
        "t.ics: more than 100 events in the read window; those before "
        f"{events[0].start.date().isoformat()} are left out (raise max_events of the calendar "
        "in the config to read them)"
    ]


def test_several_processes_keep_the_same_latest_events(monkeypatch):
    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    text = calendar(
        *(event(f"e{n}", day=f"2026{1 + n // 28:02}{1 + n % 28:02}") for n in range(300))
    )
    args = {"source": "t.ics", "tz": BERLIN, "start": WINDOW[0], "end": WINDOW[1]}
    serial: list[str] = []
    split: list[str] = []
    one = events_from_ics(text, warn=serial.append, max_events=120, **args)
    two = parallel.events_from_ics(text, warn=split.append, max_events=120, workers=2, **args)
    assert one == two and serial == split and len(one) == 120


def _fold(line: str) -> str:
    return "\r\n ".join(line[i : i + 74] for i in range(0, len(line), 74)) + "\r\n"


def test_a_property_with_a_huge_name_is_skipped_and_a_long_value_kept():
    """icalendar reads names and parameters a character at a time: 500 attendees with names of
    100 kB cost minutes; a long description costs nothing special."""
    huge = _fold(f'ATTENDEE;CN="{"N" * 20_000}";PARTSTAT=ACCEPTED:mailto:big@x.example')
    fine = _fold('ATTENDEE;CN="Eva: Vertrieb";PARTSTAT=ACCEPTED:mailto:eva@x.example')
    notes = _fold("DESCRIPTION:" + "Protokoll " * 5_000)
    events, warnings = read(calendar(event("a", extra=huge + fine + huge + notes)))
    assert [a.email for a in events[0].attendees] == ["eva@x.example"]
    assert len(events[0].description) == 50_000
    assert warnings == [
        "t.ics:3: skipped 2 properties with more than 10000 characters before their value"
    ]


def _whole_before_value(lines: list[str]) -> int:
    """The reference: the property unfolded whole and matched whole."""
    unfolded = "".join([lines[0], *(line[1:] for line in lines[1:])])
    found = salvage.BEFORE_VALUE.match(unfolded)
    return found.end() if found else len(unfolded)


def _physical(line: str, width: int) -> list[str]:
    return [line[:width], *(" " + line[i : i + width] for i in range(width, len(line), width))]


LIMIT = parsing.MAX_PARAMETERS


@pytest.mark.parametrize(
    "line",
    [
        "ATTENDEE;CN=" + "N" * (LIMIT - 12 - 1) + ":mailto:a@x.example",  # exactly at the limit
        "ATTENDEE;CN=" + "N" * (LIMIT - 12) + ":mailto:a@x.example",  # one over
        "ATTENDEE;CN=N:mailto:" + "a" * 50_000,  # a long value
        'ATTENDEE;CN="Eva: Vertrieb";X-A=' + "b" * (LIMIT - 40) + ":mailto:e@x.example",
        'ATTENDEE;CN="Eva: Vertrieb' + ":" * LIMIT + '":mailto:e@x.example',  # quoted colons
        'ATTENDEE;CN="never closed:' + "c" * 20_000,
        "X-NO-VALUE;" + "d" * 20_000,  # no colon at all
        'X-"NAME":' + "e" * 20_000,  # a quote before the parameters
        'ATTENDEE;CN="' + "f" * (LIMIT - 20) + '";ROLE=CHAIR:mailto:f@x.example',
        "DESCRIPTION:" + "Protokoll; Punkt: " * 2_000,
    ],
)
@pytest.mark.parametrize("width", [74, 1, 4_000])
def test_what_comes_before_a_value_is_counted_as_if_unfolded_whole(line, width):
    lines = _physical(line, width)
    size = sum(len(part) for part in lines)
    expected = _whole_before_value(lines) <= LIMIT or size <= LIMIT
    oversized: list[int] = []
    assert (parsing._fitting(lines, size, oversized) == lines) is expected
    assert oversized == ([] if expected else [1])
