"""A flagged meeting's own time comes first when it fits ("same time, at a café instead")."""

from __future__ import annotations

from datetime import date

from planner.meet.proposals import Proposer
from planner.meet.venues import Catalog, VenueKind
from planner.model import Event, Geo, Interval, Purpose
from tests.meet.test_proposals import MARIENPLATZ, MONDAY, TZ, WEEK_END, at, config, venue

CALL = Interval(at(8, 10), at(8, 11))  # the flagged video call, Tue 10:00–11:00


def proposer(events=(), hours="Mo-Su 06:00-24:00", **kw):
    catalog = Catalog([venue("Café Frischhut", VenueKind.CAFE, MARIENPLATZ, hours)], TZ)
    return Proposer(list(events), config(), catalog, **kw)


def test_the_first_proposal_keeps_the_meetings_own_time():
    found = proposer().propose(
        MONDAY, WEEK_END, purpose=Purpose.FIRST_CONTACT, near=MARIENPLATZ, count=3, same_time=CALL
    )
    assert found[0].same_time and (found[0].start, found[0].end) == (CALL.start, CALL.end)
    assert "Same time as the meeting" in found[0].reasons[0]
    assert len(found) == 3
    for other in found[1:]:  # the others follow, never at the same time
        assert not other.same_time and (other.end <= CALL.start or other.start >= CALL.end)


def test_no_same_time_when_the_counterpart_is_busy_around_it():
    busy = [Interval(at(8, 9), at(8, 12))]
    found = proposer().propose(
        MONDAY,
        WEEK_END,
        purpose=Purpose.FIRST_CONTACT,
        near=MARIENPLATZ,
        counterpart_busy=busy,
        same_time=CALL,
    )
    assert found and not any(p.same_time for p in found)
    assert all(p.end <= busy[0].start or p.start >= busy[0].end for p in found)


def test_their_busy_time_that_is_the_meeting_itself_keeps_the_same_time():
    """Their free/busy shows the call itself: that does not rule out its own time."""
    found = proposer().propose(
        MONDAY,
        WEEK_END,
        purpose=Purpose.FIRST_CONTACT,
        near=MARIENPLATZ,
        counterpart_busy=[CALL],
        same_time=CALL,
    )
    assert found[0].same_time


def test_no_same_time_lunch_for_a_half_hour_call():
    call = Interval(at(8, 12), at(8, 12, 30))
    found = proposer().propose(
        MONDAY, WEEK_END, purpose=Purpose.DEAL_CLOSING, near=MARIENPLATZ, same_time=call
    )
    assert not any(p.same_time for p in found)


def test_no_same_time_when_the_venue_is_closed_or_the_window_does_not_suit():
    closed = proposer(hours="Mo-Su 12:00-24:00").propose(
        MONDAY, WEEK_END, purpose=Purpose.FIRST_CONTACT, near=MARIENPLATZ, same_time=CALL
    )
    assert not any(p.same_time for p in closed)
    early = Interval(at(8, 6), at(8, 7))  # 06:00 is no time for a coffee
    found = proposer().propose(
        MONDAY, WEEK_END, purpose=Purpose.FIRST_CONTACT, near=MARIENPLATZ, same_time=early
    )
    assert not any(p.same_time for p in found)


def test_no_same_time_when_the_user_is_busy_then():
    other = Event("other", "Steuerberater", at(8, 10), at(8, 11), location="Kanzlei")
    found = proposer([other]).propose(
        MONDAY, WEEK_END, purpose=Purpose.FIRST_CONTACT, near=MARIENPLATZ, same_time=CALL
    )
    assert not any(p.same_time for p in found)


def test_whereabouts_make_a_venue_in_that_city_the_place_you_are_anyway():
    where = {date(2026, 12, 8): ("München", Geo(48.1372, 11.5756), "hotel stay")}
    found = proposer(whereabouts=where).propose(
        MONDAY, WEEK_END, purpose=Purpose.FIRST_CONTACT, near=MARIENPLATZ, same_time=CALL
    )
    assert any("in München that day anyway" in r for r in found[0].reasons)
