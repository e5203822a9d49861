"""Content lines the parser cannot read, and files cut off (QA session a, defects 1 and 2).

Before: a line without ':' (``SUMMARY Workshop …``) was dropped silently, the event kept
without its title; a file cut off inside an event was told in icalendar's words ("Found no
components where exactly one is required: BEGIN:VEVENT …"). Now every line left out or read
as its property is said with file and line, in both the plain path and the icalendar path,
and a cut-off file is told in planner's words. Exports as Outlook, Google and Apple write them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from planner import i18n
from planner.ical import plain
from planner.ical.reader import events_from_ics

BERLIN = ZoneInfo("Europe/Berlin")
WINDOW = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))

OUTLOOK_HEAD = (
    "BEGIN:VCALENDAR\r\nPRODID:Microsoft Exchange Server 2010\r\nVERSION:2.0\r\n"
    "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\n"
    "DTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
)
GOOGLE_HEAD = (
    "BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\n"
    "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Markus\r\n"
    "X-WR-TIMEZONE:Europe/Berlin\r\n"
)
APPLE_HEAD = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Apple Inc.//macOS 14.5//EN\r\n"
    "CALSCALE:GREGORIAN\r\n"
)
HEADS = {"outlook": (OUTLOOK_HEAD, "W. Europe Standard Time"), "google": (GOOGLE_HEAD, ""),
         "apple": (APPLE_HEAD, "Europe/Berlin")}  # fmt: skip


def vevent(uid: str, summary_line: str, tzid: str, day: str = "20261215") -> str:
    zone = f";TZID={tzid}" if tzid else ""
    stamp = "Z" if not tzid else ""
    return (
        f"BEGIN:VEVENT\r\nDTSTART{zone}:{day}T093000{stamp}\r\n"
        f"DTEND{zone}:{day}T123000{stamp}\r\nDTSTAMP:20261207T100000Z\r\nUID:{uid}\r\n"
        "LOCATION:Alpenbank AG\\, Schottengasse 6\\, 1010 Wien\r\n"
        f"{summary_line}\r\nTRANSP:OPAQUE\r\nEND:VEVENT\r\n"
    )


def read(text: str, source: str = "t.ics") -> tuple[list, list[str]]:
    said: list[str] = []
    events = events_from_ics(
        text.encode(), source=source, tz=BERLIN, start=WINDOW[0], end=WINDOW[1], warn=said.append
    )
    return events, said


@pytest.fixture(params=[True, False], ids=["plain path", "icalendar path"])
def both_paths(request, monkeypatch):
    monkeypatch.setattr(plain, "ENABLED", request.param)


@pytest.mark.usefixtures("both_paths")
@pytest.mark.parametrize("vendor", sorted(HEADS))
def test_a_known_property_without_its_colon_is_read_and_said(vendor):
    head, tzid = HEADS[vendor]
    text = (
        head
        + vevent("a", "SUMMARY:Vorher", tzid, "20261214")
        + vevent("b", "SUMMARY Workshop Zahlungsverkehr – Alpenbank", tzid)
        + "END:VCALENDAR\r\n"
    )
    events, said = read(text)
    assert [e.title for e in events] == ["Vorher", "Workshop Zahlungsverkehr – Alpenbank"]
    line = text.splitlines().index("SUMMARY Workshop Zahlungsverkehr – Alpenbank") + 1
    assert said == [
        f"t.ics:{line}: a line without ':' after its name is read as SUMMARY "
        "(SUMMARY Workshop Zahlungsverkehr – Alpenbank); add the ':' in the file"
    ]


@pytest.mark.usefixtures("both_paths")
@pytest.mark.parametrize("vendor", sorted(HEADS))
def test_a_line_that_is_no_property_is_left_out_and_said(vendor):
    head, tzid = HEADS[vendor]
    text = head + vevent("b", "SUMMARY:Workshop\r\nbitte Unterlagen mitbringen", tzid)
    text += "END:VCALENDAR\r\n"
    events, said = read(text)
    assert [e.title for e in events] == ["Workshop"]
    line = text.splitlines().index("bitte Unterlagen mitbringen") + 1
    assert said == [f"t.ics:{line}: a line without ':' is left out (bitte Unterlagen mitbringen)"]


@pytest.mark.usefixtures("both_paths")
def test_a_colon_in_the_value_does_not_hide_the_missing_one():
    text = APPLE_HEAD + vevent("b", "SUMMARY Call at 10:30", "Europe/Berlin") + "END:VCALENDAR\r\n"
    events, said = read(text)
    assert [e.title for e in events] == ["Call at 10:30"]
    assert len(said) == 1 and "is read as SUMMARY (SUMMARY Call at 10:30)" in said[0]


def test_a_broken_line_in_a_time_zone_is_said_and_the_zone_still_read():
    broken = OUTLOOK_HEAD.replace("TZOFFSETTO:+0100\r\n", "TZOFFSETTO:+0100\r\nkaputt\r\n", 1)
    text = broken + vevent("b", "SUMMARY:Termin", "W. Europe Standard Time") + "END:VCALENDAR\r\n"
    events, said = read(text)
    assert [e.start for e in events] == [datetime(2026, 12, 15, 8, 30, tzinfo=UTC)]
    line = text.splitlines().index("kaputt") + 1
    assert said == [f"t.ics:{line}: a line without ':' is left out (kaputt)"]


@pytest.mark.parametrize("vendor", sorted(HEADS))
def test_a_file_cut_off_inside_an_event_is_said_in_planners_words(vendor):
    head, tzid = HEADS[vendor]
    whole = head + vevent("a", "SUMMARY:Vorher", tzid, "20261207")
    cut = vevent("b", "SUMMARY:Abgeschnitten", tzid)
    text = whole + cut[: cut.index("LOCATION")]  # no END:VEVENT, no END:VCALENDAR
    events, said = read(text)
    assert [e.title for e in events] == ["Vorher"]
    line = len(whole.splitlines()) + 1
    assert said == [
        f"t.ics:{line}: the file ends inside an event (no END:VEVENT / END:VCALENDAR): "
        "it may be cut off; the events before it are read"
    ]
    assert "Found no components" not in said[0]


def test_the_parsers_own_words_are_not_shown():
    text = APPLE_HEAD + vevent("a", "SUMMARY:Lang", "Europe/Berlin").replace(
        "DTEND;TZID=Europe/Berlin:20261215T123000", "DURATION:P99999999W"
    )
    events, said = read(text + "END:VCALENDAR\r\n")
    assert events == []
    assert said == ["t.ics:5: skipped a broken event (a date outside the years 1 to 9999)"]


def test_in_german_the_warning_still_names_file_line_and_text():
    """The German text comes from the catalog (updated apart from this change); what the
    user must find again (file, line, the line itself) is there in any language."""
    i18n.set_language("de")
    try:
        text = APPLE_HEAD + vevent("b", "SUMMARY Workshop", "Europe/Berlin") + "END:VCALENDAR\r\n"
        events, said = read(text, "kalender.ics")
    finally:
        i18n.set_language("en")
    assert [e.title for e in events] == ["Workshop"]
    assert len(said) == 1 and said[0].startswith("kalender.ics:11: ")
    assert "SUMMARY Workshop" in said[0]
