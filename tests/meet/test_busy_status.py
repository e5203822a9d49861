"""Issue 17: not a meeting is not free time.

Out-of-office and focus-time entries reach the planner from every provider with their busy
status (Google ``eventType``, Graph ``showAs``, iCalendar ``X-MICROSOFT-CDO-BUSYSTATUS``, which is
also what CalDAV servers hand out) and block proposals; working-location entries do not, they
tell where the user works that day.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.config import default_config
from planner.ical.reader import events_from_ics
from planner.meet.one_shot import propose
from planner.meet.slots import blocks, busy_intervals, is_focus, working_places
from planner.meet.venues import Catalog, Venue, VenueKind
from planner.model import Busy, Event, Geo, Interval, Status
from providers.base import ProviderContext
from providers.google_map import to_event as google_event
from providers.graph_events import to_event as graph_event

TZ = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 12, 7, tzinfo=TZ)  # 2026-W50
WEEK_END = MONDAY + timedelta(days=7)
MARIENPLATZ = Geo(48.1374, 11.5755)
CATALOG = Catalog(
    [
        Venue(name, kind, MARIENPLATZ.lat, MARIENPLATZ.lon, address="Marienplatz 1")
        for name, kind in (
            ("Café", VenueKind.CAFE),
            ("Wirtshaus", VenueKind.RESTAURANT),
            ("Bar", VenueKind.BAR),
        )
    ],
    TZ,
)


def config(**slots: object):
    return default_config(
        user={"home": "", "timezone": "Europe/Berlin"},
        slots=slots,
        working_hours={d: "08:00-19:00" for d in ("monday", "tuesday", "wednesday", "thursday")}
        | {"friday": "08:00-16:00"},
    )


# -- one block as each provider hands it out ----------------------------------------------------
def from_google(kind: str, start: datetime, end: datetime, n: int) -> Event:
    item = {
        "kind": "calendar#event",
        "id": f"g{n}",
        "eventType": {"oof": "outOfOffice", "focus": "focusTime"}[kind],
        "summary": "Out of office" if kind == "oof" else "Focus time",
        "start": {"dateTime": start.isoformat(), "timeZone": "Europe/Berlin"},
        "end": {"dateTime": end.isoformat(), "timeZone": "Europe/Berlin"},
    }
    if kind == "focus":
        item["transparency"] = "opaque"
    event = google_event(item, ProviderContext(tz=TZ), source="google", calendar_id="primary")
    assert event is not None
    return event


def from_graph(kind: str, start: datetime, end: datetime, n: int) -> Event:
    def point(moment: datetime) -> dict[str, str]:
        local = moment.astimezone(TZ).replace(tzinfo=None).isoformat()
        return {"dateTime": local + ".0000000", "timeZone": "W. Europe Standard Time"}

    item = {
        "id": f"m{n}",
        "iCalUId": f"m{n}@outlook",
        "subject": "Urlaub",
        "start": point(start),
        "end": point(end),
        "showAs": "oof",
        "isAllDay": False,
    }
    event = graph_event(item, TZ, calendar="outlook")
    assert event is not None
    return event


def from_ics(kind: str, start: datetime, end: datetime, n: int) -> Event:
    """Outlook's and CalDAV servers' iCalendar: TRANSP plus Outlook's busy status."""
    stamp = "%Y%m%dT%H%M%S"
    text = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//test//EN",
            "BEGIN:VEVENT",
            f"UID:i{n}@ics",
            "DTSTAMP:20261101T000000Z",
            f"DTSTART;TZID=Europe/Berlin:{start.astimezone(TZ).strftime(stamp)}",
            f"DTEND;TZID=Europe/Berlin:{end.astimezone(TZ).strftime(stamp)}",
            "SUMMARY:Abwesend",
            "TRANSP:OPAQUE",
            "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    found = events_from_ics(text, source="t.ics", tz=TZ, start=MONDAY, end=WEEK_END)
    assert len(found) == 1
    return found[0]


SOURCES = {"google": from_google, "graph": from_graph, "ics": from_ics}


@st.composite
def blocked_calendars(draw: st.DrawFn) -> list[Event]:
    events = []
    for n in range(draw(st.integers(1, 8))):
        source = draw(st.sampled_from(sorted(SOURCES)))
        kind = "focus" if source == "google" and draw(st.booleans()) else "oof"
        day = draw(st.integers(0, 4))
        start = (
            MONDAY + timedelta(days=day, hours=7) + timedelta(minutes=30 * draw(st.integers(0, 22)))
        )
        end = start + timedelta(minutes=30 * draw(st.integers(1, 20)))
        events.append(SOURCES[source](kind, start, end, n))
    return events


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocked_calendars(), st.sampled_from(["first_contact", "deal_closing", "networking"]))
def test_a_proposal_never_overlaps_out_of_office_or_focus_time(events, purpose):
    assert all(e.busy_status is Busy.OUT_OF_OFFICE or is_focus(e) for e in events)
    found = propose(
        events,
        config=config(),
        catalog=CATALOG,
        start=MONDAY,
        end=WEEK_END,
        purpose=purpose,
        near=MARIENPLATZ,
        count=6,
    )
    for proposal in found:
        span = Interval(proposal.start, proposal.end)
        clash = [e for e in events if span.overlaps(Interval(e.start, e.end))]
        assert clash == [], (proposal, clash)


# -- examples -----------------------------------------------------------------------------------
def test_the_coffee_from_the_issue_is_not_proposed_into_a_day_out_of_office():
    """A 09:00-17:00 out-of-office block on Tuesday: no proposal that day (Google would
    auto-decline it)."""
    day = MONDAY + timedelta(days=1)
    away = from_google("oof", day + timedelta(hours=9), day + timedelta(hours=17), 1)
    found = propose(
        [away],
        config=config(),
        catalog=CATALOG,
        start=day + timedelta(hours=9),
        end=day + timedelta(hours=17),
        purpose="first_contact",
        near=MARIENPLATZ,
    )
    assert found == []
    free = propose(
        [],
        config=config(),
        catalog=CATALOG,
        start=day + timedelta(hours=9),
        end=day + timedelta(hours=17),
        purpose="first_contact",
        near=MARIENPLATZ,
    )
    assert free  # the same window without the block has room: the block made the difference


def test_focus_time_blocks_unless_configured_otherwise():
    day = MONDAY + timedelta(days=2)
    focus = from_google("focus", day + timedelta(hours=9), day + timedelta(hours=17), 2)
    assert blocks(focus) and not blocks(focus, focus_blocks=False)
    window = {"start": day + timedelta(hours=9), "end": day + timedelta(hours=17)}
    kept = propose([focus], config=config(), catalog=CATALOG, near=MARIENPLATZ, **window)
    allowed = propose(
        [focus], config=config(focus_blocks=False), catalog=CATALOG, near=MARIENPLATZ, **window
    )
    assert kept == [] and allowed


def test_busy_status_from_icalendar_transp_status_and_outlook():
    def one(*lines: str) -> Event:
        body = "\r\n".join(
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//t//EN",
                "BEGIN:VEVENT",
                "UID:x@t",
                "DTSTAMP:20261101T000000Z",
                "DTSTART:20261208T090000Z",
                "DTEND:20261208T100000Z",
                *lines,
                "END:VEVENT",
                "END:VCALENDAR",
                "",
            ]
        )
        return events_from_ics(body, source="t.ics", tz=TZ, start=MONDAY, end=WEEK_END)[0]

    assert one().busy_status is Busy.BUSY
    assert one("TRANSP:TRANSPARENT").busy_status is Busy.FREE
    assert one("STATUS:TENTATIVE").busy_status is Busy.TENTATIVE
    assert one("X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE").busy_status is Busy.TENTATIVE
    assert one("X-MICROSOFT-CDO-BUSYSTATUS:FREE").busy_status is Busy.FREE
    oof = one("TRANSP:OPAQUE", "X-MICROSOFT-CDO-BUSYSTATUS:OOF")
    assert oof.busy_status is Busy.OUT_OF_OFFICE and blocks(oof)
    away = one("TRANSP:TRANSPARENT", "X-MICROSOFT-CDO-BUSYSTATUS:WORKINGELSEWHERE")
    assert away.busy_status is Busy.WORKING_ELSEWHERE and not blocks(away)


def test_graph_show_as_maps_to_busy_status():
    def shown(value: str) -> Event:
        item = {
            "id": "a",
            "subject": "x",
            "showAs": value,
            "start": {"dateTime": "2026-12-08T09:00:00", "timeZone": "UTC"},
            "end": {"dateTime": "2026-12-08T10:00:00", "timeZone": "UTC"},
        }
        event = graph_event(item, TZ, calendar="o")
        assert event is not None
        return event

    table = {
        "free": Busy.FREE,
        "tentative": Busy.TENTATIVE,
        "busy": Busy.BUSY,
        "oof": Busy.OUT_OF_OFFICE,
        "workingElsewhere": Busy.WORKING_ELSEWHERE,
        "unknown": Busy.BUSY,
    }
    for value, expected in table.items():
        assert shown(value).busy_status is expected, value
    assert not blocks(shown("workingElsewhere")) and blocks(shown("oof"))


def test_a_declined_out_of_office_still_blocks_and_a_cancelled_one_does_not():
    start = MONDAY + timedelta(hours=9)
    base = Event("o", "OOO", start, start + timedelta(hours=2), availability=Busy.OUT_OF_OFFICE)
    from dataclasses import replace

    from planner.model import Response

    assert blocks(replace(base, self_response=Response.DECLINED, busy=False))
    assert not blocks(replace(base, status=Status.CANCELLED))
    assert busy_intervals([base]) == [Interval(base.start, base.end)]


def test_working_locations_from_every_provider_give_the_day_s_place():
    google = google_event(
        {
            "id": "w1",
            "eventType": "workingLocation",
            "summary": "Office",
            "start": {"date": "2026-12-08"},
            "end": {"date": "2026-12-10"},
            "workingLocationProperties": {
                "type": "officeLocation",
                "officeLocation": {"label": "Munich HQ"},
            },
        },
        ProviderContext(tz=TZ),
        source="google",
        calendar_id="primary",
    )
    graph = graph_event(
        {
            "id": "w2",
            "subject": "Kunde",
            "showAs": "workingElsewhere",
            "isAllDay": True,
            "location": {"displayName": "Nürnberg"},
            "start": {"dateTime": "2026-12-10T00:00:00.0000000", "timeZone": "UTC"},
            "end": {"dateTime": "2026-12-11T00:00:00.0000000", "timeZone": "UTC"},
        },
        TZ,
        calendar="outlook",
    )
    assert google is not None and graph is not None
    assert not blocks(google) and not blocks(graph)
    assert working_places([google, graph], TZ) == {
        date(2026, 12, 8): "Munich HQ",
        date(2026, 12, 9): "Munich HQ",
        date(2026, 12, 10): "Nürnberg",
    }


def test_a_working_location_is_where_the_day_s_travel_starts():
    """Home is Munich; on Tuesday the user works in Augsburg (a working-location entry), so a
    coffee in Munich that day costs the train ride, on Monday it does not."""
    from planner.meet.proposals import Proposer

    cfg = default_config(
        user={"home": "Marienplatz, 80331 München", "timezone": "Europe/Berlin"},
        working_hours={d: "08:00-19:00" for d in ("monday", "tuesday")},
    )
    tuesday = MONDAY + timedelta(days=1)
    there = Event(
        "where@t",
        "Augsburg office",
        tuesday,
        tuesday + timedelta(days=1),
        all_day=True,
        location="Augsburg",
        busy=False,
        availability=Busy.WORKING_ELSEWHERE,
    )
    proposer = Proposer([there], cfg, CATALOG)
    assert set(proposer.workplaces) == {tuesday.date()}
    monday = proposer.propose(MONDAY, tuesday, purpose="first_contact", near=MARIENPLATZ)
    away = proposer.propose(tuesday, tuesday + timedelta(days=1), purpose="first_contact")
    assert monday and away
    # the home is located by its postal code (the town only): [travel] in_town_minutes
    assert max(p.travel_minutes[0] for p in monday) <= cfg["travel"]["in_town_minutes"]
    assert min(p.travel_minutes[0] for p in away) >= 30  # Augsburg → Munich


def test_out_of_office_working_location_and_focus_time_are_no_meetings():
    """Busy is not a meeting: such entries stay out of the week's meeting count even where a
    place in them reads as in person; with a counterpart in them they are meetings."""
    from planner.flows.plan import is_meeting
    from planner.judge.mode import classify
    from planner.model import Attendee

    cfg = default_config(user={"email": "me@planner.test", "timezone": "Europe/Berlin"})
    day = MONDAY + timedelta(days=1)
    office = google_event(
        {
            "id": "w",
            "eventType": "workingLocation",
            "summary": "Office",
            "start": {"dateTime": (day + timedelta(hours=8)).isoformat()},
            "end": {"dateTime": (day + timedelta(hours=18)).isoformat()},
            "workingLocationProperties": {
                "type": "customLocation",
                "customLocation": {"label": "Café Luitpold, Brienner Str. 11, München"},
            },
        },
        ProviderContext(tz=TZ),
        source="google",
        calendar_id="primary",
    )
    away = from_ics("oof", day + timedelta(hours=9), day + timedelta(hours=17), 1)
    focus = from_google("focus", day + timedelta(hours=9), day + timedelta(hours=11), 2)
    assert office is not None
    for entry in (office, away, focus):
        assert not is_meeting(entry, classify(entry), cfg), entry.title
    from dataclasses import replace

    with_client = replace(away, attendees=(Attendee("kunde@acme.example"),))
    assert is_meeting(with_client, classify(with_client), cfg)
