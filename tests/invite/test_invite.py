"""iTIP invitations: what RFC 5545/5546 and the big clients require of a REQUEST and a CANCEL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import icalendar
import pytest

from planner import i18n
from planner.config.schema import SourceConfig
from planner.errors import NotSupportedError, UsageError
from planner.invite.invitation import Invitation, derive_uid
from planner.invite.itip import build_calendar, build_ics, to_event, write_hold
from planner.invite.zones import transitions, vtimezone
from planner.model import Attendee, Geo, Purpose
from providers.base import CalendarProvider, ProviderContext, create

BERLIN = ZoneInfo("Europe/Berlin")
STAMP = datetime(2026, 11, 20, 8, 15, tzinfo=UTC)
ME = Attendee("lea@kranich-advisory.example", "Lea Kranich")
ANNA = Attendee("anna@berger-consulting.example", "Anna Berger")
BOB = Attendee("bob@acme.example", "Bob Stone")


def lunch(**changes) -> Invitation:
    base = Invitation(
        title="Lunch: Kick-off ACME",
        start=datetime(2026, 12, 9, 12, 30, tzinfo=BERLIN),
        end=datetime(2026, 12, 9, 14, 0, tzinfo=BERLIN),
        organizer=ME,
        attendees=(ANNA, BOB),
        venue_name="Café Luitpold",
        venue_address="Brienner Str. 11, 80333 München",
        geo=Geo(48.14271, 11.57541),
        purpose=Purpose.FIRST_CONTACT,
        agenda="1. Ziele\n2. Zeitplan",
        reminder_minutes=45,
    )
    return replace(base, **changes)


def event_of(cal: icalendar.Calendar) -> icalendar.Event:
    (event,) = cal.walk("VEVENT")
    return event


def test_request_carries_every_property_clients_need():
    cal = build_calendar(lunch(), stamp=STAMP)
    event = event_of(cal)
    assert str(cal["METHOD"]) == "REQUEST"
    assert str(cal["VERSION"]) == "2.0" and cal["PRODID"]
    assert event["UID"].endswith("@planner")
    assert event["SEQUENCE"] == 0
    assert event.decoded("DTSTAMP") == STAMP
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event.decoded("DTSTART") == datetime(2026, 12, 9, 12, 30, tzinfo=BERLIN)
    assert event.decoded("DTEND") == datetime(2026, 12, 9, 14, 0, tzinfo=BERLIN)
    assert str(event["SUMMARY"]) == "Lunch: Kick-off ACME"
    assert str(event["ORGANIZER"]) == f"mailto:{ME.email}"
    assert event["ORGANIZER"].params["CN"] == "Lea Kranich"
    assert str(event["LOCATION"]) == "Café Luitpold, Brienner Str. 11, 80333 München"
    assert (event["GEO"].latitude, event["GEO"].longitude) == (48.14271, 11.57541)
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["X-MICROSOFT-CDO-BUSYSTATUS"]) == "BUSY"


def test_one_attendee_per_counterpart_with_rsvp():
    event = event_of(build_calendar(lunch(attendees=(ANNA, BOB, ME, ANNA)), stamp=STAMP))
    attendees = event["ATTENDEE"]
    assert [str(a) for a in attendees] == [f"mailto:{ANNA.email}", f"mailto:{BOB.email}"]
    for attendee, person in zip(attendees, (ANNA, BOB), strict=True):
        assert attendee.params["CN"] == person.name
        assert attendee.params["RSVP"] == "TRUE"
        assert attendee.params["PARTSTAT"] == "NEEDS-ACTION"
        assert attendee.params["ROLE"] == "REQ-PARTICIPANT"


def test_optional_attendee_and_resource_are_marked():
    room = Attendee("room-3@acme.example", "Room 3", is_resource=True)
    maybe = Attendee("carla@example.org", "Carla", optional=True)
    event = event_of(build_calendar(lunch(attendees=(maybe, room)), stamp=STAMP))
    first, second = event["ATTENDEE"]
    assert first.params["ROLE"] == "OPT-PARTICIPANT"
    assert second.params["CUTYPE"] == "RESOURCE"


def test_description_has_purpose_agenda_and_map_link():
    text = str(event_of(build_calendar(lunch(), stamp=STAMP))["DESCRIPTION"])
    assert "To get to know each other in person." in text  # the purpose in plain words
    assert "Purpose:" not in text
    assert text.count("Brienner Str. 11") == 1  # the venue once, with its address
    assert "1. Ziele\n2. Zeitplan" in text
    assert "Brienner Str. 11" in text
    assert "https://www.openstreetmap.org/?mlat=48.142710&mlon=11.575410" in text


def test_reminder_follows_the_configured_minutes():
    (alarm,) = event_of(build_calendar(lunch(), stamp=STAMP)).walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(minutes=-45)
    no_alarm = event_of(build_calendar(lunch(reminder_minutes=None), stamp=STAMP))
    assert no_alarm.walk("VALARM") == []


def test_location_text_wins_over_the_venue():
    event = event_of(build_calendar(lunch(location="Lobby, Hotel Bayerischer Hof"), stamp=STAMP))
    assert str(event["LOCATION"]) == "Lobby, Hotel Bayerischer Hof"


def test_cancel_keeps_uid_and_marks_cancelled():
    request = event_of(build_calendar(lunch(), stamp=STAMP))
    cal = build_calendar(lunch(sequence=1), "CANCEL", stamp=STAMP)
    event = event_of(cal)
    assert str(cal["METHOD"]) == "CANCEL"
    assert str(event["STATUS"]) == "CANCELLED"
    assert event["UID"] == request["UID"]
    assert event["SEQUENCE"] == 1
    assert event.walk("VALARM") == []
    assert str(event["X-MICROSOFT-CDO-BUSYSTATUS"]) == "FREE"
    assert len(event["ATTENDEE"]) == 2 and event["ORGANIZER"]


def test_uid_is_deterministic_and_ignores_order_case_and_spacing():
    first = derive_uid(lunch())
    again = derive_uid(
        lunch(
            attendees=(replace(BOB, email="BOB@acme.example"), ANNA),
            title="  Lunch:  Kick-off ACME ",
            start=datetime(2026, 12, 9, 11, 30, tzinfo=UTC),  # the same instant
            end=datetime(2026, 12, 9, 13, 0, tzinfo=UTC),
        )
    )
    assert first == again
    assert first.endswith("@planner")
    assert derive_uid(lunch(title="Dinner")) != first
    assert derive_uid(lunch(attendees=(ANNA,))) != first
    assert derive_uid(lunch(start=lunch().start + timedelta(hours=1))) != first
    assert derive_uid(lunch(organizer=BOB, attendees=(ANNA,))) != first


def test_same_invitation_builds_the_same_bytes():
    assert build_ics(lunch(), stamp=STAMP) == build_ics(lunch(), stamp=STAMP)


def test_dtstamp_is_utc_even_when_given_local():
    local = STAMP.astimezone(BERLIN)
    raw = build_ics(lunch(), stamp=local).decode()
    assert "DTSTAMP:20261120T081500Z" in raw


def test_utc_option_writes_no_tzid_and_no_vtimezone():
    cal = build_calendar(lunch(), stamp=STAMP, utc=True)
    event = event_of(cal)
    assert "TZID" not in event["DTSTART"].params
    assert event.decoded("DTSTART") == lunch().start
    assert cal.walk("VTIMEZONE") == []
    assert b"DTSTART:20261209T113000Z" in cal.to_ical()


def test_fixed_offset_zone_is_written_in_utc():
    inv = lunch(
        start=datetime(2026, 12, 9, 12, 30, tzinfo=timezone(timedelta(hours=1))),
        end=datetime(2026, 12, 9, 14, 0, tzinfo=timezone(timedelta(hours=1))),
    )
    raw = build_ics(inv, stamp=STAMP)
    assert b"DTSTART:20261209T113000Z" in raw and b"VTIMEZONE" not in raw


def test_every_tzid_has_its_vtimezone():
    inv = lunch(end=datetime(2026, 12, 9, 13, 0, tzinfo=ZoneInfo("Europe/London")))
    cal = build_calendar(inv, stamp=STAMP)
    used = {p.params["TZID"] for p in (event_of(cal)["DTSTART"], event_of(cal)["DTEND"])}
    defined = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
    assert used == defined == {"Europe/Berlin", "Europe/London"}


def test_second_of_two_equal_wall_times_is_written_in_utc():
    # 2026-10-25 02:30 happens twice in Berlin; fold=1 is the later one (CET).
    later = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=BERLIN)
    inv = lunch(start=later, end=later + timedelta(hours=1))
    event = event_of(build_calendar(inv, stamp=STAMP))
    assert event.decoded("DTSTART") == later.astimezone(UTC)
    assert "TZID" not in event["DTSTART"].params


def test_time_in_the_spring_gap_is_normalised():
    gap = datetime(2026, 3, 29, 2, 30, tzinfo=BERLIN)  # does not exist on the wall clock
    inv = lunch(start=gap, end=datetime(2026, 3, 29, 5, tzinfo=BERLIN))
    event = event_of(build_calendar(inv, stamp=STAMP))
    assert event.decoded("DTSTART").astimezone(UTC) == gap.astimezone(UTC)  # same instant
    assert b"DTSTART;TZID=Europe/Berlin:20260329T033000" in build_ics(inv, stamp=STAMP)


def test_berlin_transitions_are_found_to_the_minute():
    found = transitions(BERLIN, datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))
    assert [t.at for t in found] == [
        datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
        datetime(2026, 10, 25, 1, 0, tzinfo=UTC),
    ]


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Europe/Berlin", {"DAYLIGHT": "-1SU", "STANDARD": "-1SU"}),
        ("America/New_York", {"DAYLIGHT": "2SU", "STANDARD": "1SU"}),
        ("Australia/Sydney", {"DAYLIGHT": "1SU", "STANDARD": "1SU"}),
    ],
)
def test_regular_zones_get_outlook_style_rrules(zone, expected):
    moment = datetime(2026, 12, 9, 12, tzinfo=ZoneInfo(zone))
    component = vtimezone(ZoneInfo(zone), [moment])
    found = {}
    for part in component.subcomponents:
        assert "RDATE" not in part
        found[part.name] = "".join(part["RRULE"]["BYDAY"])
    assert found == expected


def test_zone_without_dst_gets_one_fixed_observance():
    component = vtimezone(ZoneInfo("Asia/Kolkata"), [datetime(2026, 12, 9, tzinfo=UTC)])
    (part,) = component.subcomponents
    assert part.name == "STANDARD"
    assert part["TZOFFSETTO"].td == timedelta(hours=5, minutes=30)


@pytest.mark.parametrize(
    "zone",
    ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Africa/Casablanca",
     "America/Santiago", "Asia/Kolkata", "Pacific/Chatham", "America/St_Johns"],
)  # fmt: skip
def test_vtimezone_gives_the_same_offsets_as_the_zone(zone):
    tz = ZoneInfo(zone)
    moments = [datetime(2026, month, 15, 12, tzinfo=tz) for month in range(1, 13)]
    built = vtimezone(tz, moments).to_tz()
    for moment in moments:
        naive = moment.replace(tzinfo=None)
        assert naive.replace(tzinfo=built).utcoffset() == moment.utcoffset(), moment


def test_german_invitation_uses_german_dates_and_restores_the_language():
    from planner.invite.sentlog import prepare

    prepared = prepare(lunch(language="de"), stamp=STAMP)
    assert "Mittwoch, 9. Dezember 2026" in prepared.subject
    assert i18n.language() == "en"


def test_invalid_invitations_are_refused_with_a_clear_message():
    with pytest.raises(UsageError, match="must end after it starts"):
        lunch(end=lunch().start)
    with pytest.raises(UsageError, match="--to"):
        lunch(attendees=())
    with pytest.raises(UsageError, match="'bob at acme' is not an e-mail address"):
        lunch(attendees=(Attendee("bob at acme"),))
    with pytest.raises(UsageError, match="time zone"):
        lunch(start=datetime(2026, 12, 9, 12), end=datetime(2026, 12, 9, 13))
    with pytest.raises(UsageError, match="title"):
        lunch(title=" \n ")
    with pytest.raises(UsageError, match="not on earth"):
        lunch(geo=Geo(123.0, 11.0))


def test_header_injection_in_an_address_is_refused():
    with pytest.raises(UsageError):
        lunch(attendees=(Attendee("anna@example.org\r\nBcc: all@example.org"),))


def test_to_event_maps_the_invitation():
    event = to_event(lunch())
    assert event.uid == derive_uid(lunch())
    assert event.start == lunch().start and event.end == lunch().end
    assert event.location == "Café Luitpold, Brienner Str. 11, 80333 München"
    assert event.geo == Geo(48.14271, 11.57541)
    assert [a.email for a in event.attendees] == [ANNA.email, BOB.email]
    assert event.organizer == ME


def test_hold_is_written_once_through_a_writable_provider():
    provider = create(SourceConfig("mine", "memory", {"events": []}), ProviderContext(tz=BERLIN))
    first = write_hold(provider, lunch())
    second = write_hold(provider, lunch())
    assert first == second == derive_uid(lunch())
    found = provider.events(
        datetime(2026, 12, 7, tzinfo=BERLIN), datetime(2026, 12, 14, tzinfo=BERLIN)
    )
    assert [(e.uid, e.title) for e in found] == [(first, "Lunch: Kick-off ACME")]


class ReadOnly(CalendarProvider):
    name = "readonly-test"

    def list_calendars(self):
        return []

    def events(self, start, end):
        return []


def test_hold_on_a_read_only_calendar_names_the_calendar():
    provider = ReadOnly(SourceConfig("team-ics", "readonly-test"), ProviderContext(tz=BERLIN))
    with pytest.raises(NotSupportedError, match="calendar 'team-ics' is read-only"):
        write_hold(provider, lunch())
