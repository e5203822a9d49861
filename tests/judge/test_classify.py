"""The meeting-mode classifier: one test per signal family, evidence, robustness, real files."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planner.judge.mode as classify_module
from planner.judge.mode import classify
from planner.model import Attendee, Event, Geo, Mode
from tests.locations import ROOT

TZ = ZoneInfo("Europe/Berlin")
START = datetime(2026, 12, 7, 10, tzinfo=TZ)
REAL = ROOT.parent / "shared" / "fixtures" / "real"


def event(title: str = "Meeting", location: str = "", description: str = "", **kw) -> Event:
    kw.setdefault("attendees", (Attendee("anna@example.com", "Anna"),))
    return Event(
        uid="t@planner.test",
        title=title,
        start=kw.pop("start", START),
        end=kw.pop("end", START + timedelta(hours=1)),
        location=location,
        description=description,
        **kw,
    )


def mode_of(**kw) -> Mode:
    return classify(event(**kw)).mode


def evidence_of(**kw) -> str:
    return " | ".join(classify(event(**kw)).evidence)


# --- video links ---------------------------------------------------------------------------

VENDOR_LINKS = [
    ("Zoom", "https://us02web.zoom.us/j/81234567890?pwd=abc"),
    ("Microsoft Teams", "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0"),
    ("Google Meet", "https://meet.google.com/abc-defg-hij"),
    ("Webex", "https://acme.webex.com/acme/j.php?MTID=m0123"),
    ("GoTo Meeting", "https://global.gotomeeting.com/join/123456789"),
    ("GoTo Meeting", "https://meet.goto.com/123456789"),
    ("Whereby", "https://whereby.com/acme-room"),
    ("Jitsi", "https://meet.jit.si/AcmeWeekly"),
    ("Skype", "https://join.skype.com/aBcDeFgHiJkL"),
    ("BlueJeans", "https://bluejeans.com/7999979999"),
    ("Amazon Chime", "https://chime.aws/1234567890"),
    ("RingCentral", "https://meetings.ringcentral.com/j/1234567890"),
    ("Zoho Meeting", "https://meeting.zoho.eu/meeting/join?key=123"),
    ("Slack huddle", "https://app.slack.com/huddle/T0123/C0456"),
    ("Discord", "https://discord.gg/abc123"),
    ("Lifesize", "https://call.lifesizecloud.com/1234567"),
    ("Vimeo", "https://vimeo.com/event/1234567"),
    ("Livestorm", "https://app.livestorm.co/p/abc/live"),
    ("BigBlueButton", "https://bbb.uni-example.de/b/kla-x7p-2qa"),
    ("Visio", "https://visio-agents.education.fr/"),
]


@pytest.mark.parametrize(("vendor", "url"), VENDOR_LINKS)
def test_vendor_link_in_location_is_virtual_and_named(vendor, url):
    result = classify(event(location=url))
    assert result.mode is Mode.VIRTUAL
    assert f"{vendor} link in location" in result.evidence


@pytest.mark.parametrize(("vendor", "url"), VENDOR_LINKS[:6])
def test_vendor_link_in_html_description_href_is_found(vendor, url):
    html = f'<html><body><p>Agenda</p><a href="{url}">Click here to join</a></body></html>'
    result = classify(event(title="Status", description=html))
    assert result.mode is Mode.VIRTUAL
    assert f"{vendor} link in description" in result.evidence


def test_teams_link_in_angle_brackets_of_plain_text_invite():
    text = "Join Microsoft Teams Meeting\n<https://teams.microsoft.com/l/meetup-join/19%3a>\n"
    assert "Microsoft Teams link in description" in evidence_of(description=text)


def test_unknown_service_with_meeting_path_counts_weaker_than_a_vendor():
    generic = "https://video.example.org/j/123456"
    assert mode_of(location=generic) is Mode.VIRTUAL
    assert "meeting link 'video.example.org'" in evidence_of(location=generic)
    place = "Konferenzraum 3, Leopoldstraße 10, 80802 München"
    # a weak generic link next to a real place stays in person, a Zoom link makes it hybrid
    assert mode_of(location=place, description=f"Notes: {generic}") is Mode.IN_PERSON
    zoom = "https://zoom.us/j/123456789"
    assert mode_of(location=place, description=f"Remote: {zoom}") is Mode.HYBRID


def test_event_web_page_url_is_no_signal_but_a_join_url_is():
    assert mode_of(title="Sync", url="https://calendar.example.com/event/123") is Mode.UNKNOWN
    assert mode_of(title="Sync", url="https://zoom.us/j/123456789") is Mode.VIRTUAL


def test_conference_links_field():
    assert mode_of(conference_links=("https://meet.google.com/abc-defg-hij",)) is Mode.VIRTUAL
    assert mode_of(conference_links=("tel:+49-89-1234567",)) is Mode.PHONE


def test_zoom_word_inside_a_street_name_is_an_address():
    result = classify(event(location="Zoomstraße 12, 50667 Köln"))
    assert result.mode is Mode.IN_PERSON
    assert result.evidence[0] == "street address 'Zoomstraße 12, 50667 Köln'"


# --- platform names without a link ---------------------------------------------------------


@pytest.mark.parametrize(
    "location",
    ["Microsoft Teams Meeting", "Microsoft Teams-Besprechung", "Zoom", "Teams", "Google Meet",
     "Webex", "Skype Meeting", "online", "Online (Zoom)"],
)  # fmt: skip
def test_platform_name_as_location_is_virtual(location):
    assert mode_of(location=location) is Mode.VIRTUAL


def test_platform_in_title_without_other_signals():
    assert mode_of(title="Zoom-Call mit Kunde") is Mode.VIRTUAL
    assert "video platform 'FaceTime' in title" in evidence_of(title="FaceTime mit Lea")


# --- phone ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    ["Telefonat mit Dr. Schmidt", "Telefon Termin", "Anruf Steuerberater", "Telko Lieferant",
     "Rückruf Frau Yilmaz", "Phone call with Bob", "Conference call with legal"],
)  # fmt: skip
def test_phone_wording_in_title(title):
    assert mode_of(title=title) is Mode.PHONE


@pytest.mark.parametrize(
    "number", ["+49 89 1234 5678", "0049 89 12345678", "089 / 23 45 67 89", "(089) 2345678",
               "+1 646-558-8656", "+44 20 7946 0958", "0170 1234567", "(212) 555-0199"],
)  # fmt: skip
def test_phone_number_as_location(number):
    result = classify(event(location=number))
    assert result.mode is Mode.PHONE
    assert f"phone number '{number}' in location" in result.evidence


def test_tel_uri_in_description():
    assert "tel:+4989" in evidence_of(
        title="Abstimmung", description="Bitte tel:+4989123456 wählen"
    )


def test_dial_in_block_of_a_video_invite_stays_virtual():
    text = (
        "Join Zoom Meeting https://us02web.zoom.us/j/81234567890\n"
        "Dial by your location +49 69 3807 9883 Germany\nMeeting ID: 812 3456 7890"
    )
    result = classify(event(title="Telefonat Vertrieb", description=text))
    assert result.mode is Mode.VIRTUAL
    assert result.evidence[0] == "Zoom link in description"


def test_call_alone_is_weak():
    assert mode_of(title="Call with investor") is Mode.PHONE
    assert "(phone or video)" in evidence_of(title="Call with investor")
    assert mode_of(title="Call with investor at Café Luitpold") is Mode.IN_PERSON
    assert mode_of(title="Call", location="https://zoom.us/j/1") is Mode.VIRTUAL


@pytest.mark.parametrize(
    "text", ["80331 München", "D-80331 München", "Leopoldstraße 10", "1010 Wien",
             "CH-8001 Zürich", "10117 Berlin", "Am Kanal 47"],
)  # fmt: skip
def test_postal_codes_and_house_numbers_are_not_phone_numbers(text):
    result = classify(event(location=text))
    assert result.mode is Mode.IN_PERSON
    assert not any("phone" in line for line in result.evidence)


@pytest.mark.parametrize("number", ["+49 89 1234567", "089 1234567", "+43 1 5123456"])
def test_phone_numbers_are_not_addresses(number):
    result = classify(event(location=number))
    assert result.mode is Mode.PHONE
    assert not any("address" in line for line in result.evidence)


# --- places --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "Leopoldstraße 10, 80802 München",
        "Brienner Str. 11, 80333 München",
        "Mariahilfer Gasse 3a, 1060 Wien",
        "Bahnhofstrasse 45, 8001 Zürich",
        "Marienplatz 8, 80331 München",
        "1 Poultry, London EC2V 7HH",
        "350 Fifth Avenue, New York, NY 10118",
        "250 GATEWAY BLVD, South San Francisco, CA, 94080",
        "Roadstar 16\n12764 Happyville\nDenmark",
    ],
)
def test_street_addresses_are_in_person(address):
    result = classify(event(location=address))
    assert result.mode is Mode.IN_PERSON
    assert result.evidence[0].startswith("street address '")


@pytest.mark.parametrize(
    "location",
    ["Büro", "Office Berlin", "Raum 2.07", "Meeting Room 4", "Besprechungsraum EG",
     "Konferenzraum 3", "Restaurant Tantris", "Café Luitpold", "Hotel Bayerischer Hof",
     "Lobby", "Harry's Bar", "Senator Lounge", "Coworking Space Werk1", "Kantine",
     "Flughafen München", "Hauptbahnhof"],
)  # fmt: skip
def test_venue_and_room_words_are_in_person(location):
    result = classify(event(location=location))
    assert result.mode is Mode.IN_PERSON
    assert any(word in line for line in result.evidence for word in ("venue", "city", "room"))


@pytest.mark.parametrize("city", ["München", "dijon", "Wien", "London", "New York"])
def test_city_alone(city):
    assert f"city '{city}' in location" in evidence_of(location=city)
    assert mode_of(location=city) is Mode.IN_PERSON


def test_bare_venue_name_is_a_place_but_placeholders_are_not():
    assert evidence_of(location="Stadtwerkstatt") == "venue 'Stadtwerkstatt' in location"
    assert evidence_of(location="Galvanize") == "place 'Galvanize' in location"
    assert mode_of(location="Galvanize") is Mode.IN_PERSON
    for placeholder in ("TBD", "tba", "-", "?", "noch offen", "siehe Beschreibung"):
        assert mode_of(location=placeholder) is Mode.UNKNOWN, placeholder


def test_home_office_is_not_an_office():
    assert mode_of(location="Home Office") is Mode.VIRTUAL
    assert mode_of(location="BBB-Raum") is Mode.VIRTUAL


def test_geo_coordinates():
    assert mode_of(geo=Geo(48.1686, 11.5875)) is Mode.IN_PERSON
    assert "coordinates 48.1686, 11.5875" in evidence_of(geo=Geo(48.1686, 11.5875))
    assert mode_of(geo=Geo(0.0, 0.0)) is Mode.UNKNOWN


def test_room_resource_attendee():
    room = Attendee("muc-kr3@corp.example", "Konferenzraum 3", is_resource=True)
    result = classify(event(title="Quartalsreview", attendees=(room,)))
    assert result.mode is Mode.IN_PERSON
    assert result.evidence[0] == "room resource 'Konferenzraum 3'"


def test_map_link_points_at_a_place():
    assert mode_of(location="https://maps.app.goo.gl/abc123") is Mode.IN_PERSON
    assert "map link in location" in evidence_of(location="https://maps.app.goo.gl/abc123")


# --- wording -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "mode"),
    [
        ("Workshop vor Ort", Mode.IN_PERSON),
        ("Persönliches Gespräch", Mode.IN_PERSON),
        ("Termin beim Kunden", Mode.IN_PERSON),
        ("Mittagessen mit Jan", Mode.IN_PERSON),
        ("Geschäftsessen", Mode.IN_PERSON),
        ("Kundenbesuch Bosch", Mode.IN_PERSON),
        ("Meet in person", Mode.IN_PERSON),
        ("Onsite workshop", Mode.IN_PERSON),
        ("Face to face with the CFO", Mode.IN_PERSON),
        ("Lunch with Tom", Mode.IN_PERSON),
        ("Dinner with the board", Mode.IN_PERSON),
        ("Site visit", Mode.IN_PERSON),
        ("Videokonferenz Vertrieb", Mode.VIRTUAL),
        ("Video-Call mit Anna", Mode.VIRTUAL),
        ("Online-Schulung", Mode.VIRTUAL),
        ("Virtuelles Kennenlernen", Mode.VIRTUAL),
        ("Remote onboarding", Mode.VIRTUAL),
        ("Webinar: KI", Mode.VIRTUAL),
        ("Telefonat", Mode.PHONE),
        ("Phone call", Mode.PHONE),
        ("Call me when you land", Mode.PHONE),
    ],
)
def test_phrases(title, mode):
    result = classify(event(title=title))
    assert result.mode is mode
    assert any(line.startswith("phrase '") for line in result.evidence)


def test_phrase_evidence_keeps_the_original_spelling():
    assert "phrase 'vor Ort' in title" in evidence_of(title="Workshop vor Ort")


def test_video_telephony_is_video():
    assert mode_of(title="Videotelefonat mit Lea") is Mode.VIRTUAL


# --- hybrid --------------------------------------------------------------------------------


def test_link_plus_physical_place_is_hybrid():
    result = classify(
        event(location="Konferenzraum 3; Microsoft Teams Meeting",
              description="https://teams.microsoft.com/l/meetup-join/19%3a")
    )  # fmt: skip
    assert result.mode is Mode.HYBRID
    assert any("Teams" in line for line in result.evidence)
    assert any("Konferenzraum" in line for line in result.evidence)


def test_hybrid_wording():
    assert mode_of(title="Strategietag (hybrid)", location="Seminarraum 2") is Mode.HYBRID


def test_place_named_only_in_title_does_not_make_a_video_call_hybrid():
    assert mode_of(title="Skype call with Tokyo office", location="Skype") is Mode.VIRTUAL


# --- provider hints ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hints", "expected"),
    [
        ((("X-MICROSOFT-SKYPETEAMSMEETINGURL", "REDACTED"),),
         "Teams meeting (X-MICROSOFT-SKYPETEAMSMEETINGURL)"),
        ((("X-MICROSOFT-ONLINEMEETINGINFORMATION",
           '{"OnlineMeetingChannelId":null,"OnlineMeetingProvider":3}'),),
         "Teams meeting (X-MICROSOFT-ONLINEMEETINGINFORMATION)"),
        ((("X-MICROSOFT-ONLINEMEETINGCONFLINK", "conf:sip:anna@corp;gruu;opaque=app:conf"),),
         "online meeting (X-MICROSOFT-ONLINEMEETINGCONFLINK)"),
        ((("X-GOOGLE-CONFERENCE", "https://meet.google.com/abc-defg-hij"),),
         "Google Meet meeting (X-GOOGLE-CONFERENCE)"),
        ((("google.hangoutLink", "https://meet.google.com/abc-defg-hij"),),
         "Google Meet meeting (google.hangoutLink)"),
        ((("google.conferenceSolution", "Zoom Meeting"),),
         "online meeting (google.conferenceSolution)"),
        ((("graph.isOnlineMeeting", "true"),), "online meeting (graph.isOnlineMeeting)"),
        ((("graph.onlineMeetingProvider", "teamsForBusiness"),),
         "Teams meeting (graph.onlineMeetingProvider)"),
        ((("CONFERENCE", "https://chat.example.com/audio?id=1"),),
         "link 'chat.example.com' in conference data"),
    ],
)  # fmt: skip
def test_conference_hints_are_virtual(hints, expected):
    result = classify(event(title="Sync", hints=hints))
    assert result.mode is Mode.VIRTUAL
    assert expected in result.evidence


@pytest.mark.parametrize(
    "hints",
    [
        (("graph.isOnlineMeeting", "false"),),
        (("graph.onlineMeetingProvider", "unknown"),),
        (("X-MICROSOFT-ONLINEMEETINGINFORMATION", '{"OnlineMeetingProvider":0}'),),
        (("graph.locationType", "default"),),
        (("X-MICROSOFT-LATITUDE", "0"), ("X-MICROSOFT-LONGITUDE", "0")),
        (("X-MICROSOFT-CDO-BUSYSTATUS", "BUSY"),),
    ],
)
def test_hints_that_say_nothing(hints):
    assert mode_of(title="Sync", hints=hints) is Mode.UNKNOWN


@pytest.mark.parametrize(
    ("hints", "expected"),
    [
        ((("X-APPLE-STRUCTURED-LOCATION", "geo:52.382762,7.528319"),),
         "structured location (X-APPLE-STRUCTURED-LOCATION)"),
        ((("graph.locationType", "conferenceRoom"),),
         "location type 'conferenceRoom' (graph.locationType)"),
        ((("X-MICROSOFT-LOCATIONS", '[{"DisplayName":"ACME","LocationStreet":"Hauptstr. 5"}]'),),
         "address 'Hauptstr. 5' (X-MICROSOFT-LOCATIONS)"),
        ((("X-MICROSOFT-LATITUDE", "48.1"), ("X-MICROSOFT-LONGITUDE", "11.5")),
         "coordinates (X-MICROSOFT-LATITUDE)"),
    ],
)  # fmt: skip
def test_place_hints_are_in_person(hints, expected):
    result = classify(event(title="Sync", hints=hints))
    assert result.mode is Mode.IN_PERSON
    assert expected in result.evidence


def test_rfc7986_conference_phone_only_is_phone():
    hints = (("CONFERENCE", "tel:+1-412-555-0123,,,654321"),)
    assert mode_of(title="Bridge", hints=hints) is Mode.PHONE


def test_teams_room_display_name_without_address_is_no_place():
    value = '[{"DisplayName":"Microsoft Teams-Besprechung","LocationStreet":"","LocationUri":""}]'
    result = classify(
        event(location="Microsoft Teams-Besprechung", hints=(("X-MICROSOFT-LOCATIONS", value),))
    )
    assert result.mode is Mode.VIRTUAL


# --- unknown -------------------------------------------------------------------------------


def test_nothing_is_unknown_and_says_so():
    result = classify(event(title="Abstimmung"))
    assert result.mode is Mode.UNKNOWN
    assert result.evidence == ("no place, link or phone number",)


@pytest.mark.parametrize("title", ["Focus time", "Blocker: Angebot", "Urlaub", "Mittagspause",
                                   "Out of office", "Lunch"])  # fmt: skip
def test_personal_blockers_without_place_are_unknown(title):
    result = classify(event(title=title, attendees=()))
    assert result.mode is Mode.UNKNOWN
    assert result.evidence[0].startswith("personal blocker")


def test_blocker_with_a_place_is_classified():
    assert mode_of(title="Lunch", location="Restaurant Tantris", attendees=()) is Mode.IN_PERSON


def test_google_focus_time_event_type_is_unknown():
    hints = (("google.eventType", "focusTime"),)
    assert mode_of(title="Deep work on Q1 plan", hints=hints) is Mode.UNKNOWN


def test_all_day_without_place_is_unknown_with_place_in_person():
    day = datetime(2026, 12, 9, tzinfo=TZ)
    kw = dict(start=day, end=day + timedelta(days=1), all_day=True)
    result = classify(event(title="Projekt Alpha", **kw))
    assert (result.mode, result.evidence) == (Mode.UNKNOWN, ("all-day event without a place",))
    assert mode_of(title="Bits & Pretzels (Messe)", **kw) is Mode.IN_PERSON  # a fair: you go
    assert mode_of(title="Messe", location="Messe Frankfurt, 60327 Frankfurt", **kw) is (
        Mode.IN_PERSON
    )


# --- evidence and robustness ---------------------------------------------------------------


def test_evidence_goes_through_translation(monkeypatch):
    monkeypatch.setattr(classify_module, "_", lambda text, **values: "DE:" + text.format(**values))
    result = classify(event(location="https://zoom.us/j/1"))
    assert result.evidence == ("DE:Zoom link in DE:location",)


def test_html_description_is_stripped_and_entities_decoded():
    html = (
        "<html><head><style>p.MsoNormal {margin:0cm; font-family:Calibri}</style></head>"
        "<body><p>Workshop <b>vor&nbsp;Ort</b> im B&uuml;ro.</p></body></html>"
    )
    result = classify(event(description=html))
    assert result.mode is Mode.IN_PERSON
    assert result.evidence == ("phrase 'vor Ort' in description", "venue 'Büro' in description")


TEXT = st.text(st.characters(codec="utf-8"), max_size=300) | st.sampled_from(
    ["https://zoom.us/j/1", "<a href='https://x", "+49 89 1", "Straße 1, 80331 München", "tel:",
     "geo:", "&amp;", "<style>", '{"OnlineMeetingProvider":', "Raum", "İstanbul"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=TEXT,
    location=TEXT,
    description=TEXT,
    url=TEXT,
    links=st.lists(TEXT, max_size=2),
    hints=st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
                    "X-MICROSOFT-LOCATIONS",
                    "X-APPLE-STRUCTURED-LOCATION",
                    "graph.isOnlineMeeting",
                    "X-MICROSOFT-ONLINEMEETINGINFORMATION",
                    "CONFERENCE",
                    "X-MICROSOFT-LATITUDE",
                    "graph.locationType",
                    "google.eventType",
                ]
            )
            | st.text(max_size=20),
            TEXT,
        ),
        max_size=3,
    ),  # fmt: skip
    all_day=st.booleans(),
    resource=st.booleans(),
)
def test_classify_never_raises(title, location, description, url, links, hints, all_day, resource):
    attendees = (Attendee("r@example.com", title[:10], is_resource=resource),)
    result = classify(
        event(title=title, location=location, description=description, url=url,
              conference_links=tuple(links), hints=tuple(hints), all_day=all_day,
              attendees=attendees)
    )  # fmt: skip
    assert isinstance(result.mode, Mode)
    assert all(isinstance(line, str) and line for line in result.evidence)
    assert result.evidence  # every decision is explained


# --- real calendar files -------------------------------------------------------------------


# A narrower window where an endless daily series would expand into thousands of occurrences.
WINDOW_YEARS = {"icalendar__x_location.ics": (2016, 2018)}


def real_events(name: str) -> list[Event]:
    first, last = WINDOW_YEARS.get(name, (2015, 2027))
    path = REAL / "ics" / name
    if not path.exists():
        pytest.skip(f"real fixtures not found at {path.parent} (shared/ lies beside the repo)")
    from planner.ical.reader import events_from_ics

    return events_from_ics(
        path.read_bytes(),
        source=name,
        tz=TZ,
        start=datetime(first, 1, 1, tzinfo=TZ),
        end=datetime(last, 1, 1, tzinfo=TZ),
        warn=lambda message: None,
    )


@pytest.mark.parametrize(
    ("name", "title_or_location", "mode"),
    [
        ("Radicale__event_issue2151.ics", "Billings-task-setting follow-up series", Mode.VIRTUAL),
        ("Radicale__event_issue2172.ics", "Stadtwerkstatt", Mode.IN_PERSON),
        ("node-ical__ms_timezones.ics", "https://bluejeans.com/7999979999", Mode.VIRTUAL),
        ("node-ical__test_with_int_tzid.ics", "https://visio-agents.education.fr/", Mode.VIRTUAL),
        ("node-ical__test_with_int_tzid.ics", "dijon", Mode.IN_PERSON),
        ("icalendar__x_location.ics", "Daily Sync", Mode.IN_PERSON),
        ("icalendar__issue_350.ics", "online", Mode.VIRTUAL),
        ("python-recurring-ical-events__issue_48_daylight_aware_repeats.ics", "", Mode.VIRTUAL),
    ],
)
def test_real_files(name, title_or_location, mode):
    events = [
        e for e in real_events(name) if title_or_location in (e.title, e.location) or (
            not title_or_location and not e.location)
    ]  # fmt: skip
    assert events, f"no event with {title_or_location!r} in {name}"
    for found in events:
        result = classify(found)
        assert result.mode is mode, (found.title, found.location, result.evidence)


@pytest.mark.parametrize(
    ("name", "mode"),
    [
        ("botframework-components__GetEventTests__getEventsNotOrganizer.mock.dialog.json",
         Mode.VIRTUAL),  # Teams join block in the HTML body, empty location
        ("botframework-components__CustomActionTests__getEvents.mock.dialog.json", Mode.VIRTUAL),
        ("botframework-components__GetEventTests__getEventsOnlineMeeting.mock.dialog.json",
         Mode.VIRTUAL),  # isOnlineMeeting without any URL
        ("botframework-components__GetEventTests__getEvent.mock.dialog.json", Mode.IN_PERSON),
        ("microsoft-graph-docs__v1.0__user-post-events__ex4_teams_online_meeting.json",
         Mode.HYBRID),  # Harry's Bar plus a Teams join URL
        ("microsoft-graph-docs__v1.0__user-post-events__ex2_multiple_locations.json",
         Mode.HYBRID),  # Conf Room 3 and Fourth Coffee, isOnlineMeeting
    ],
)  # fmt: skip
def test_real_graph_events(name, mode):
    path = REAL / "graph" / name
    if not path.exists():
        pytest.skip(f"real fixtures not found at {path.parent} (shared/ lies beside the repo)")
    graph_events = pytest.importorskip("providers.graph_events")
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    items = data.get("value", [data])
    events = [graph_events.to_event(item, TZ, calendar="real") for item in items]
    assert events
    for found in events:
        result = classify(found)
        assert result.mode is mode, (found.title, found.location, result.evidence)


def test_bare_meal_title_is_a_blocker_alone_and_a_meeting_with_someone():
    anna, ben = Attendee("anna@example.com", "Anna"), Attendee("ben@example.com", "Ben")
    assert mode_of(title="Mittagessen", attendees=(anna,)) is Mode.UNKNOWN
    assert mode_of(title="Mittagessen", attendees=(anna, ben)) is Mode.IN_PERSON


@pytest.mark.parametrize(
    ("location", "named", "kept"),
    [
        ("Le Lion Bar de Paris, Rathausstraße 3, 20095 Hamburg", "Paris", False),
        ("Café Wien, Kurfürstendamm 26, 10719 Berlin", "Wien", False),
        ("Trattoria Roma\nLeopoldstraße 12\n80802 München", "Roma", False),
        ("Hotel Berlin, Lützowplatz 17, 10785 Berlin", "Berlin", True),
        ("Messe München, Am Messesee 2, 81829 München", "München", True),
        ("Café in Wien", "Wien", True),  # no address: the city is the place
    ],
)
def test_a_city_in_a_venues_name_is_no_city_where_the_address_says_another(location, named, kept):
    """A venue named after a city ("Café Wien") in an address of another town is in that
    town: the evidence names the address and the venue, never the city of the name."""
    evidence = evidence_of(location=location)
    assert (f"city '{named}' in location" in evidence) is kept, evidence
    assert classify(event(location=location)).mode is Mode.IN_PERSON
