"""Structure before words, in one order: the user's word > provider structure > conference and
call links > the place part of the location > words in the title > words the user wrote.
Strong signals that disagree make an event hybrid or lower the confidence, never silently;
each rule reads only the zones it declares."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from planner.judge.corrections import Correction, Corrections
from planner.judge.mode import RULES, View, classify
from planner.judge.zones import zones_of
from planner.model import Attendee, Busy, Confidence, Event, Mode

START = datetime(2027, 3, 9, 9, tzinfo=UTC)
OTTO = Attendee("otto@kunde.example", "Otto")
ROOM = Attendee("raum-3@own.example", "Konferenzraum 3", is_resource=True)
ZOOM = "https://us06web.zoom.us/j/81234567890"
CAFE = "Café Luitpold, Brienner Str. 11, 80333 München"


def event(title: str = "Abstimmung", location: str = "", description: str = "", **kw) -> Event:
    kw.setdefault("attendees", (OTTO,))
    return Event(
        uid="p@test", title=title, start=START, end=START + timedelta(hours=1), location=location,
        description=description, **kw,
    )  # fmt: skip


def test_the_users_word_beats_provider_structure():
    found = event(hints=(("graph.isOnlineMeeting", "true"),), attendees=(OTTO, ROOM))
    assert classify(found).mode is Mode.HYBRID
    said = Correction("series", "p@test", mode=Mode.IN_PERSON, created=START)
    corrected = Corrections([said]).apply(found, classify(found))
    assert (corrected.mode, corrected.confidence) == (Mode.IN_PERSON, Confidence.HIGH)
    assert corrected.evidence[0].startswith("you said so on")


@pytest.mark.parametrize("kind", ["focusTime", "outOfOffice", "workingLocation"])
def test_provider_structure_beats_links_and_places(kind):
    found = event("Deep work", CAFE, f"Notfall: {ZOOM}", hints=(("google.eventType", kind),),
                  attendees=())  # fmt: skip
    result = classify(found)
    assert (result.mode, result.confidence) == (Mode.UNKNOWN, Confidence.HIGH)


@pytest.mark.parametrize("availability", [Busy.OUT_OF_OFFICE, Busy.WORKING_ELSEWHERE])
def test_out_of_office_and_working_elsewhere_are_no_meeting_mode(availability):
    found = event("Kunde vor Ort", CAFE, attendees=(), availability=availability)
    assert classify(found).mode is Mode.UNKNOWN


def test_provider_conference_structure_beats_a_dial_in_link():
    hints = (("graph.onlineMeetingProvider", "teamsForBusiness"),)
    found = event(location="tel:+4989123456", hints=hints)
    result = classify(found)
    assert result.mode is Mode.VIRTUAL
    assert result.evidence[0] == "Teams meeting (graph.onlineMeetingProvider)"
    assert result.evidence[-1] == "but also: phone number 'tel:+4989123456' in location"


def test_a_join_link_beats_a_number_in_the_location_and_says_so():
    result = classify(event(location="Tel. +49 89 1234567", description=f"Zoom: {ZOOM}"))
    assert result.mode is Mode.VIRTUAL
    assert result.confidence is Confidence.MEDIUM  # one step lower: a phone number disagrees
    assert any(line.startswith("but also: phone number") for line in result.evidence)


def test_a_place_in_the_location_beats_words_in_the_title():
    for title in ("Videocall Vertrieb", "Telefonat mit Otto", "Online-Meeting"):
        result = classify(event(title, CAFE))
        assert result.mode is Mode.IN_PERSON, title


def test_words_in_the_title_beat_words_the_user_wrote():
    found = event("Telefonat Otto", description="Danach treffen wir uns vor Ort im Büro.")
    assert classify(found).mode is Mode.PHONE


def test_a_room_and_a_video_link_make_hybrid_and_say_both():
    for found in (
        event(attendees=(OTTO, ROOM), hints=(("X-MICROSOFT-SKYPETEAMSMEETINGURL", "x"),)),
        event(location="Konferenzraum 3; Microsoft Teams Meeting"),
        event(location=CAFE, description=f"Remote: {ZOOM}"),
    ):
        result = classify(found)
        assert (result.mode, result.confidence) == (Mode.HYBRID, Confidence.MEDIUM)
        assert "both may hold (hybrid), or one is out of date" in result.evidence[0]


def test_a_tool_name_with_a_room_resource_is_hybrid_not_two_places():
    result = classify(event(location="Microsoft Teams-Besprechung", attendees=(OTTO, ROOM)))
    assert result.mode is Mode.HYBRID


def test_words_in_a_vendor_block_decide_nothing():
    block = (
        "________________________________________________________________________________\n"
        "Treffpunkt vor Ort im Konferenzraum, Telefonat möglich: +49 89 1234567\n"
        "Meeting ID: 345 678 912 345\n"
        "________________________________________________________________________________"
    )
    assert zones_of(event(description=block)).user_text == ""
    result = classify(event(description=block))
    assert result.mode is Mode.PHONE  # the dial-in number, never "vor Ort" or "Konferenzraum"
    assert not any("vor Ort" in line or "Konferenzraum" in line for line in result.evidence)


def test_each_rule_reads_only_the_zones_it_declares():
    zones = {"structure", "links", "location", "title", "user", "blocks"}
    assert all(set(rule.reads) <= zones for rule in RULES)
    words = [rule for rule in RULES if rule.name.endswith("words")]
    assert {zone for rule in words for zone in rule.reads} == {"title", "user"}
    view = View(event(), zones_of(event()), ("title",))
    assert view.read("title") == "Abstimmung"
    with pytest.raises(PermissionError):
        view.read("user")
    with pytest.raises(PermissionError):
        view.event  # noqa: B018  (reading is the test)


def test_every_judgement_has_a_confidence_and_low_ones_are_weak_or_unknown():
    assert classify(event("Call with investor")).confidence is Confidence.LOW
    assert classify(event("Abstimmung")).confidence is Confidence.LOW  # a meeting, no clue
    assert classify(event("Focus", attendees=())).confidence is Confidence.MEDIUM
    assert classify(event(location=ZOOM)).confidence is Confidence.HIGH


@pytest.mark.parametrize(
    ("title", "phrase"),
    [
        ("Réunion en présentiel – Cabinet Vasseur", "en présentiel"),
        ("Abstimmung vor Ort", "vor Ort"),
        ("Pricing review in person", "in person"),
    ],
)
def test_words_that_take_a_side_in_a_hybrid_conflict_are_named(title, phrase):
    """A Meet link Google attached by itself against an address and "en présentiel" (QA report
    F): hybrid by the order of precedence, but the words that say in person are named too,
    nothing is settled silently."""
    found = event(title, CAFE, hints=(("X-GOOGLE-CONFERENCE", "https://meet.google.com/a"),))
    result = classify(found)
    assert result.mode is Mode.HYBRID
    assert any(phrase in line for line in result.evidence), result.evidence
