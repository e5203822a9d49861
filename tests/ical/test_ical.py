"""planner.ical.reader: one test per rule of the iCalendar → Event conversion, on hand-written
files."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.errors import CalendarReadError
from planner.ical.reader import events_from_ics
from planner.ical.writing import event_to_ics, event_to_vevent
from planner.model import Attendee, Event, Geo, Response, Status
from tests.locations import TESTS

DATA = TESTS / "data" / "ics"
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
ME = frozenset({"me@planner.test"})


def load(name, *, tz=BERLIN, start=None, end=None, data=None, emails=ME):
    """Events of ``tests/data/ics/<name>`` in 2026 (or [start, end)), and the warnings."""
    warnings: list[str] = []
    events = events_from_ics(
        data if data is not None else (DATA / name).read_bytes(),
        source=name,
        tz=tz,
        start=start or datetime(2026, 1, 1, tzinfo=tz),
        end=end or datetime(2027, 1, 1, tzinfo=tz),
        calendar="test",
        user_emails=emails,
        warn=warnings.append,
    )
    return events, warnings


def by_uid(events):
    return {e.uid: e for e in events}


# -- time zones -------------------------------------------------------------------------------


def test_x_wr_timezone_keeps_google_utc_series_at_local_time_across_dst():
    events, warnings = load("google_export.ics")
    standups = [e for e in events if e.uid == "standup-google@planner.test"]
    assert [e.start.astimezone(BERLIN).hour for e in standups] == [10, 10, 10, 10]
    assert standups[2].start == datetime(2026, 4, 3, 10, tzinfo=BERLIN)  # after the DST change
    assert warnings == []


def test_windows_zone_names_map_to_iana():
    events = by_uid(load("outlook_windows.ics")[0])
    teams = events["040000008200E00074C5B7101A82E00800000000A1B2C3D4E5F6"]
    paris = events["paris-outlook@planner.test"]  # "Romance Standard Time", no VTIMEZONE
    assert teams.start.tzinfo == ZoneInfo("Europe/Berlin")
    assert paris.start.tzinfo == ZoneInfo("Europe/Paris")
    assert paris.start == datetime(2026, 12, 8, 15, tzinfo=ZoneInfo("Europe/Paris"))


def test_legacy_outlook_display_names_map_to_iana():
    events = by_uid(load("outlook_windows.ics")[0])
    new_york = events["ny-outlook@planner.test"]
    sydney = events["syd-outlook@planner.test"]
    assert new_york.start == datetime(2026, 12, 9, 9, tzinfo=NEW_YORK)
    assert sydney.start == datetime(2026, 12, 10, 9, tzinfo=ZoneInfo("Australia/Sydney"))
    assert sydney.start.utcoffset() == timedelta(hours=11)  # summer time down under


def test_floating_time_is_read_in_the_users_zone():
    events = by_uid(load("floating_allday.ics", tz=NEW_YORK)[0])
    assert events["floating@planner.test"].start == datetime(2026, 12, 8, 8, 30, tzinfo=NEW_YORK)


def test_unknown_tzid_is_read_in_the_users_zone_with_a_warning_naming_zone_and_file():
    events, warnings = load("unknown_tzid.ics", tz=NEW_YORK)
    assert events[0].start == datetime(2026, 12, 8, 10, tzinfo=NEW_YORK)
    assert len(warnings) == 1
    assert "Mars/Olympus_Mons" in warnings[0] and warnings[0].startswith("unknown_tzid.ics:4:")


def test_same_custom_tzid_in_two_files_is_resolved_per_file():
    def calendar(offset: str) -> str:
        return (
            "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//t//t//EN\nBEGIN:VTIMEZONE\n"
            "TZID:Customized Time Zone\nBEGIN:STANDARD\nDTSTART:16010101T000000\n"
            f"TZOFFSETFROM:{offset}\nTZOFFSETTO:{offset}\nEND:STANDARD\nEND:VTIMEZONE\n"
            "BEGIN:VEVENT\nUID:x@t\nDTSTAMP:20261201T000000Z\n"
            "DTSTART;TZID=Customized Time Zone:20261208T100000\n"
            "DTEND;TZID=Customized Time Zone:20261208T110000\nEND:VEVENT\nEND:VCALENDAR\n"
        )

    first = load("a.ics", data=calendar("+0300"))[0][0]
    second = load("b.ics", data=calendar("-0400"))[0][0]
    assert first.start.astimezone(UTC).hour == 7
    assert second.start.astimezone(UTC).hour == 14


# -- all-day, recurrence, status --------------------------------------------------------------


def test_all_day_event_runs_from_user_midnight_to_midnight():
    events = by_uid(load("floating_allday.ics", tz=NEW_YORK)[0])
    offsite, holiday = events["allday@planner.test"], events["allday-noend@planner.test"]
    assert offsite.all_day and holiday.all_day
    assert offsite.start == datetime(2026, 12, 9, tzinfo=NEW_YORK)
    assert offsite.end == datetime(2026, 12, 11, tzinfo=NEW_YORK)
    assert holiday.end - holiday.start == timedelta(days=1)  # no DTEND: one day


def test_rrule_exdate_and_moved_override_across_dst():
    events, _ = load("recurring_dst.ics")
    series = [e for e in events if e.uid == "jour-fixe@planner.test"]
    assert [e.start for e in series] == [
        datetime(2026, 3, 16, 10, tzinfo=BERLIN),  # 23 March: EXDATE; 30 March: cancelled
        datetime(2026, 4, 7, 14, tzinfo=BERLIN),  # 6 April moved to 7 April, summer time
        datetime(2026, 4, 13, 10, tzinfo=BERLIN),
    ]
    assert series[1].title == "Jour fixe (moved)" and series[1].location == "Café Luitpold"
    assert series[2].start.utcoffset() == timedelta(hours=2)


def test_series_id_is_the_uid_of_recurring_events_only():
    events = load("recurring_dst.ics")[0]
    assert {e.series_id for e in events if e.uid == "jour-fixe@planner.test"} == {
        "jour-fixe@planner.test"
    }
    assert by_uid(events)["single@planner.test"].series_id is None


def test_cancelled_occurrences_are_dropped():
    uids = set(by_uid(load("floating_allday.ics")[0]))
    assert "cancelled@planner.test" not in uids
    starts = [e.start.date() for e in load("recurring_dst.ics")[0]]
    assert date(2026, 3, 30) not in starts


def test_transparent_events_are_not_busy():
    assert (
        by_uid(load("thunderbird.ics")[0])["6d1c6a52-3b1f-4c39-9d2f-thunderbird@planner.test"].busy
        is False
    )
    google = by_uid(load("google_export.ics")[0])
    assert google["fair-google@planner.test"].busy is False
    assert google["pitch-google@planner.test"].busy is True


def test_microsoft_busystatus_free_without_transp_is_not_busy():
    assert by_uid(load("outlook_windows.ics")[0])["ny-outlook@planner.test"].busy is False


def test_tentative_status():
    events = load("apple.ics")[0]
    assert [e.status for e in events] == [Status.TENTATIVE, Status.CONFIRMED]


def test_window_is_half_open_and_events_sorted():
    start = datetime(2026, 12, 8, 10, tzinfo=UTC)
    events, _ = load("broken_event.ics", start=start, end=datetime(2026, 12, 8, 13, tzinfo=UTC))
    assert events == []  # 09-10 ends at the window start, 13-14 starts at its end
    events, _ = load("floating_allday.ics")
    assert [e.start for e in events] == sorted(e.start for e in events)


# -- people -----------------------------------------------------------------------------------


def test_attendees_carry_name_partstat_role_and_resource_kind():
    event = by_uid(load("outlook_windows.ics")[0])[
        "040000008200E00074C5B7101A82E00800000000A1B2C3D4E5F6"
    ]
    assert event.organizer == Attendee("bob@acme.example", "Bob Stone", Response.ACCEPTED)
    attendees = {a.email: a for a in event.attendees}
    assert attendees["carla@example.org"] == Attendee(
        "carla@example.org", "Carla", Response.NEEDS_ACTION, optional=True
    )
    assert attendees["raum.isar@acme.example"].is_resource
    assert attendees["beamer@acme.example"].is_resource
    assert not attendees["me@planner.test"].is_resource
    assert [p.email for p in event.people()] == [
        "bob@acme.example",
        "me@planner.test",
        "carla@example.org",
    ]


def test_emails_come_without_mailto():
    events = load("google_export.ics")[0]
    emails = [a.email for e in events for a in e.attendees]
    assert emails and not any(e.lower().startswith("mailto:") for e in emails)


def test_self_response_is_the_users_partstat_case_insensitive():
    google = by_uid(load("google_export.ics")[0])
    outlook = by_uid(load("outlook_windows.ics")[0])
    assert google["pitch-google@planner.test"].self_response is Response.TENTATIVE
    teams = outlook["040000008200E00074C5B7101A82E00800000000A1B2C3D4E5F6"]
    assert teams.self_response is Response.DECLINED
    assert outlook["paris-outlook@planner.test"].self_response is None


# -- places, links, hints, text ---------------------------------------------------------------


def test_conference_links_from_vendor_properties_conference_and_url():
    google = by_uid(load("google_export.ics")[0])["pitch-google@planner.test"]
    outlook = load("outlook_windows.ics")[0][0]
    apple = load("apple.ics")[0]
    board = load("thunderbird.ics")[0][1]
    assert google.conference_links == ("https://meet.google.com/abc-defg-hij",)
    assert outlook.conference_links == (
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0",
    )
    assert board.conference_links == (
        "tel:+49-30-555-0100,,1234",
        "https://jitsi.example.org/board",
    )
    assert apple[0].conference_links == ()
    assert apple[1].conference_links == ("https://us02web.zoom.us/j/81234567890?pwd=abc",)
    assert apple[1].url == "https://us02web.zoom.us/j/81234567890?pwd=abc"


def test_hints_keep_vendor_properties_for_classification():
    outlook = load("outlook_windows.ics")[0][0]
    info = json.loads(outlook.hint("X-MICROSOFT-ONLINEMEETINGINFORMATION"))  # "\\," unescaped
    assert info["OnlineMeetingProvider"] == 3
    locations = json.loads(outlook.hint("X-MICROSOFT-LOCATIONS"))
    assert locations[0]["DisplayName"] == "Microsoft Teams-Besprechung"
    assert outlook.hint("X-MICROSOFT-CDO-BUSYSTATUS") == "BUSY"
    assert outlook.hint("X-MICROSOFT-ONLINEMEETINGCONFLINK").startswith("conf:sip:")
    assert not outlook.hint("X-MICROSOFT-DONOTFORWARDMEETING")
    apple = load("apple.ics")[0][0]
    assert apple.hint("X-APPLE-STRUCTURED-LOCATION") == "geo:47.366910,8.546340"
    assert apple.hint("X-APPLE-STRUCTURED-LOCATION;X-TITLE") == "Kronenhalle"
    board = load("thunderbird.ics")[0][1]
    assert board.hint("CONFERENCE;FEATURE") == "PHONE"


def test_geo_from_geo_apple_and_microsoft_properties_ignoring_zero():
    apple = load("apple.ics")[0]
    assert apple[0].geo == Geo(47.36691, 8.54634)
    assert apple[1].geo is None  # geo:0,0 means "unknown"
    assert load("thunderbird.ics")[0][1].geo == Geo(52.520008, 13.404954)
    paris = by_uid(load("outlook_windows.ics")[0])["paris-outlook@planner.test"]
    assert paris.geo == Geo(48.8556, 2.3571)


def test_description_location_and_title_are_plain_text():
    pitch = by_uid(load("google_export.ics")[0])["pitch-google@planner.test"]
    assert pitch.title == "Pitch, Q&A; follow-up"
    assert pitch.description.splitlines() == [
        "Join with Google Meet: https://meet.google.com/abc-defg-hij",
        "Second line",
    ]
    lunch = load("apple.ics")[0][0]
    assert lunch.location.splitlines()[:2] == ["Kronenhalle", "Rämistrasse 4"]


def test_events_name_their_source_and_calendar():
    event = load("apple.ics")[0][0]
    assert (event.source, event.calendar) == ("apple.ics", "test")


# -- robustness -------------------------------------------------------------------------------


def test_one_broken_event_among_good_ones_loads_the_good_ones_and_warns_with_line():
    events, warnings = load("broken_event.ics")
    assert [e.uid for e in events] == ["good-1@planner.test", "good-2@planner.test"]
    assert len(warnings) == 1 and warnings[0].startswith("broken_event.ics:11:")
    assert "DTSTART" in warnings[0]


def test_a_line_the_parser_rejects_costs_that_line_with_its_number_and_alarms_are_ignored():
    """A line without ':' in a vendor component inside an event once cost the whole event
    (the parser rejects the component); now it is left out and said, the event is read."""
    events, warnings = load("broken_structure.ics")
    assert [e.uid for e in events] == [
        "good-1@planner.test",
        "alarm-broken@planner.test",
        "nested-broken@planner.test",
    ]
    assert warnings == [
        "broken_structure.ics:29: a line without ':' is left out (THIS LINE HAS NO COLON)"
    ]


def test_garbage_file_raises_calendar_read_error_with_file_and_line():
    with pytest.raises(CalendarReadError) as caught:
        load("garbage.ics")
    assert caught.value.source == "garbage.ics" and caught.value.line == 1
    assert str(caught.value).startswith("garbage.ics:1: ")
    assert caught.value.hint


def test_binary_file_raises_without_a_decoding_warning():
    warnings: list[str] = []
    with pytest.raises(CalendarReadError, match=r"^photo\.ics:1: "):
        events_from_ics(
            b"\x89PNG\r\n\x1a\n\x00" + bytes(range(256)),
            source="photo.ics",
            tz=BERLIN,
            start=datetime(2026, 1, 1, tzinfo=BERLIN),
            end=datetime(2027, 1, 1, tzinfo=BERLIN),
            warn=warnings.append,
        )
    assert warnings == []


def test_empty_file_raises_calendar_read_error():
    with pytest.raises(CalendarReadError, match="empty"):
        load("empty.ics", data=b"")


def test_bom_crlf_lf_and_missing_final_newline_all_read_the_same():
    raw = (DATA / "google_export.ics").read_bytes()
    reference = load("variant.ics", data=raw)[0]
    variants = [
        b"\xef\xbb\xbf" + raw,
        raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"),
        raw.replace(b"\r\n", b"\n").rstrip(b"\n"),
        raw.decode("utf-8"),
        "\ufeff" + raw.decode("utf-8"),
    ]
    for variant in variants:
        assert load("variant.ics", data=variant)[0] == reference, variant[:8]


def test_windows_1252_bytes_are_decoded_with_a_warning():
    text = (DATA / "apple.ics").read_text(encoding="utf-8").replace("Lunch with Dana", "Déjeuner €")
    events, warnings = load("cp1252.ics", data=text.encode("cp1252"))
    assert events[0].title == "Déjeuner €"
    assert events[0].location.splitlines()[1] == "Rämistrasse 4"
    assert len(warnings) == 1 and warnings[0].startswith("cp1252.ics:") and "1252" in warnings[0]


def test_missing_uid_gets_a_stable_uid_derived_from_the_content():
    first = [e for e in load("floating_allday.ics")[0] if e.title.startswith("No UID")]
    again = [e for e in load("floating_allday.ics")[0] if e.title.startswith("No UID")]
    assert len({e.uid for e in first}) == 2
    assert [e.uid for e in first] == [e.uid for e in again]
    assert all(e.uid for e in first)


# -- writing ----------------------------------------------------------------------------------


def test_event_to_ics_is_a_calendar_with_prodid_version_and_vtimezone():
    event = Event(
        uid="w@planner.test",
        title="Kick-off",
        start=datetime(2026, 12, 7, 10, tzinfo=BERLIN),
        end=datetime(2026, 12, 7, 11, tzinfo=BERLIN),
    )
    cal = icalendar.Calendar.from_ical(event_to_ics(event))
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    vevent = cal.walk("VEVENT")[0]
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin" and "DTSTAMP" in vevent


def test_event_to_vevent_writes_all_day_as_dates_and_free_time_as_transparent():
    event = Event(
        uid="d@planner.test",
        title="Messe",
        start=datetime(2026, 12, 9, tzinfo=BERLIN),
        end=datetime(2026, 12, 10, tzinfo=BERLIN),
        all_day=True,
        busy=False,
        status=Status.TENTATIVE,
    )
    vevent = event_to_vevent(event)
    assert vevent["DTSTART"].dt == date(2026, 12, 9) and vevent["DTEND"].dt == date(2026, 12, 10)
    assert vevent["TRANSP"] == "TRANSPARENT" and vevent["STATUS"] == "TENTATIVE"
    back = load("d.ics", data=event_to_ics(event))[0]
    assert back[0].start == event.start and back[0].end == event.end and back[0].all_day


def test_attendee_names_with_backslashes_survive_except_a_trailing_one():
    event = Event(
        uid="b@planner.test",
        title="x",
        start=datetime(2026, 12, 7, 10, tzinfo=BERLIN),
        end=datetime(2026, 12, 7, 11, tzinfo=BERLIN),
        attendees=(
            Attendee("a@x.org", "Dom\\Ain", Response.ACCEPTED),
            Attendee("b@x.org", "Trailing\\", Response.DECLINED),
        ),
    )
    back = load("b.ics", data=event_to_ics(event))[0][0]
    assert [(a.name, a.response) for a in back.attendees] == [
        ("Dom\\Ain", Response.ACCEPTED),
        ("Trailing", Response.DECLINED),
    ]


_text = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc")), st.sampled_from("\n,;:\\\"'")
    ),
    max_size=40,
)
_name = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters='"\\'),
    max_size=20,
)
_zones = st.sampled_from(
    [
        "UTC",
        "Europe/Berlin",
        "America/New_York",
        "Asia/Kolkata",
        "Australia/Lord_Howe",
        "Pacific/Chatham",
        "America/St_Johns",
        "Asia/Kathmandu",
    ]
)
_attendee = st.builds(
    Attendee,
    email=st.from_regex(r"[a-z0-9._-]{1,12}@[a-z0-9-]{1,10}\.[a-z]{2,4}", fullmatch=True),
    name=_name,
    response=st.sampled_from(list(Response)),
    is_resource=st.booleans(),
    optional=st.booleans(),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=_text,
    location=_text,
    zone=_zones,
    local=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2035, 12, 31)),
    minutes=st.integers(min_value=1, max_value=60 * 48),
    attendees=st.lists(_attendee, max_size=3),
)
def test_round_trip_through_ics_keeps_times_text_and_attendees(
    title, location, zone, local, minutes, attendees
):
    tz = ZoneInfo(zone)
    start = local.replace(microsecond=0, second=0, tzinfo=tz, fold=0)
    if start.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != start.replace(tzinfo=None):
        return  # a wall time that does not exist (DST gap) has no iCalendar spelling
    end = start + timedelta(minutes=minutes)
    event = Event(
        uid="round@planner.test",
        title=title,
        start=start,
        end=end,
        location=location,
        attendees=tuple(attendees),
    )
    found = events_from_ics(
        event_to_ics(event),
        source="round.ics",
        tz=BERLIN,
        start=start - timedelta(hours=1),
        end=end + timedelta(hours=1),
        warn=pytest.fail,
    )
    assert len(found) == 1
    back = found[0]
    assert (back.start, back.end) == (start, end)
    # icalendar writes a literal backslash-N as a line break (RFC 5545's \N), by design
    assert (back.title, back.location) == (_as_written(title), _as_written(location))
    assert back.attendees == tuple(replace(a, name=a.name.strip()) for a in attendees)  # CN trimmed


def _as_written(text: str) -> str:
    return text.replace("\\N", "\n")


def test_a_literal_backslash_n_is_written_as_a_line_break():
    """Found by the round trip: icalendar's documented escaping reads "\\N" as a line break."""
    start = datetime(2026, 12, 7, 10, tzinfo=BERLIN)
    event = Event(uid="n@planner.test", title="a\\Nb", start=start, end=start + timedelta(hours=1))
    (back,) = events_from_ics(
        event_to_ics(event), source="n.ics", tz=BERLIN, start=start, end=start + timedelta(days=1)
    )
    assert back.title == "a\nb"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    line=st.integers(min_value=0, max_value=60),
    junk=st.text(
        alphabet=st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(":;=\n")),
        max_size=30,
    ),
)
def test_any_damage_to_a_file_gives_events_or_a_calendar_read_error(line, junk):
    lines = (DATA / "outlook_windows.ics").read_text(encoding="utf-8").splitlines()
    lines[min(line, len(lines) - 1)] = junk
    try:
        events, _ = load("damaged.ics", data="\n".join(lines))
    except CalendarReadError as error:
        assert str(error).startswith("damaged.ics")
    else:
        assert all(e.start.tzinfo is not None for e in events)


# -- the window pre-filter --------------------------------------------------------------------

LONG = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//planner tests//long events//EN
BEGIN:VEVENT
UID:long-end@planner.test
DTSTAMP:20261101T000000Z
SUMMARY:Project phase
DTSTART;VALUE=DATE:20261101
DTEND;VALUE=DATE:20261231
END:VEVENT
BEGIN:VEVENT
UID:long-duration@planner.test
DTSTAMP:20261101T000000Z
SUMMARY:Secondment
DTSTART:20261015T080000Z
DURATION:P60D
END:VEVENT
BEGIN:VEVENT
UID:old-broken@planner.test
DTSTAMP:20200101T000000Z
SUMMARY:Old and broken
DTSTART:20200301T100000Z
DTEND:2020-03-01 11:00
END:VEVENT
END:VCALENDAR
"""


def test_long_events_that_began_weeks_before_the_window_are_found():
    events, _ = load(
        "long.ics",
        data=LONG,
        start=datetime(2026, 12, 7, tzinfo=BERLIN),
        end=datetime(2026, 12, 14, tzinfo=BERLIN),
    )
    assert {e.uid for e in events} == {"long-end@planner.test", "long-duration@planner.test"}


def test_single_events_far_outside_the_window_are_not_even_parsed():
    _, warnings = load("long.ics", data=LONG)
    assert warnings == []
    _, warnings = load(
        "long.ics",
        data=LONG,
        start=datetime(2020, 3, 1, tzinfo=UTC),
        end=datetime(2020, 3, 2, tzinfo=UTC),
    )
    assert len(warnings) == 1 and warnings[0].startswith("long.ics:18:")


def _custom_zone_file(offset: str) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//planner tests//custom zone//EN\r\n"
        "BEGIN:VTIMEZONE\r\nTZID:Custom Office Time\r\nBEGIN:STANDARD\r\n"
        f"DTSTART:19700101T000000\r\nTZOFFSETFROM:{offset}\r\nTZOFFSETTO:{offset}\r\n"
        "END:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:custom@planner.test\r\n"
        "DTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Custom Office Time:20260701T170000\r\n"
        "DTEND;TZID=Custom Office Time:20260701T180000\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    ).encode()


def test_each_file_keeps_its_own_definition_of_a_custom_tzid():
    """icalendar caches the first VTIMEZONE of a TZID process-wide; a later file that defines
    the same TZID differently must still be read with its own."""
    window = dict(
        tz=BERLIN, start=datetime(2026, 6, 1, tzinfo=UTC), end=datetime(2026, 8, 1, tzinfo=UTC)
    )
    (first,) = events_from_ics(_custom_zone_file("+0100"), source="a.ics", **window)
    (second,) = events_from_ics(_custom_zone_file("+0300"), source="b.ics", **window)
    assert first.start.astimezone(UTC) == datetime(2026, 7, 1, 16, tzinfo=UTC)
    assert second.start.astimezone(UTC) == datetime(2026, 7, 1, 14, tzinfo=UTC)
