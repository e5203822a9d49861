"""No proposal asks a journey out of proportion to the meeting (planner.meet.budget), end to end
through ``propose_for`` with counterparts in several countries, offline, in English and German.

Found by trying the product: for someone in London and a user at home in Munich the fair
meeting point was Düsseldorf Hbf, 198 min each way, for a first coffee."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner import i18n
from planner.config import default_config
from planner.flows.propose import propose_for
from planner.meet.budget import journey_limit
from planner.meet.geo import lookup_city
from planner.meet.slots import MeetingKind, meeting_windows
from planner.model import Purpose
from planner.store import Store

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 7, 8, 0, tzinfo=TZ)  # Monday of 2026-W50
WEEK = date(2026, 12, 7)
WHO = "someone@counterpart.example"


def _config(home: str, city: str, **sections):
    return default_config(
        user={"email": "me@mycorp.example", "home": home, "timezone": "Europe/Berlin"},
        people=[{"email": WHO, "city": city}],
        **sections,
    )


def _propose(home: str, city: str, tmp_path, purpose=Purpose.FIRST_CONTACT, **sections):
    config = _config(home, city, **sections)
    result = propose_for(
        config,
        Store(tmp_path / "state.sqlite3"),
        WHO,
        now=NOW,
        first_day=WEEK,
        count=3,
        purpose=purpose,
    )
    return config, result


def _assert_in_proportion(config, proposals) -> None:
    """Nobody's way to any proposal exceeds the limit of the meeting held there."""
    limit, windows = journey_limit(config), meeting_windows(config)
    for proposal in proposals:
        allowed = limit.minutes(windows[proposal.kind].duration)
        ways = [*proposal.travel_minutes, proposal.counterpart_minutes]
        assert all(w is not None for w in ways), proposal  # every way is known
        assert max(ways) <= allowed, (proposal.venue.name, proposal.kind, ways, allowed)


# (user's home, counterpart's city) → the meeting point a professional would take
KEPT = {
    ("München", "Stuttgart"): "Ulm Hbf",
    ("Frankfurt am Main", "Köln"): "Koblenz Hbf",
    ("Frankfurt am Main", "Stuttgart"): "Mannheim Hbf",
    ("Stuttgart", "München"): "Ulm Hbf",
}


@pytest.mark.parametrize(("pair", "point"), sorted(KEPT.items()))
def test_a_point_within_a_day_trip_is_still_proposed(pair, point, tmp_path):
    config, result = _propose(*pair, tmp_path)
    assert result.proposals, result.notes
    assert {p.venue.name for p in result.proposals} == {point}
    assert any(p.kind.value == "coffee" for p in result.proposals)  # a coffee is fine here
    _assert_in_proportion(config, result.proposals)


# three hours and more each way from any point on the way: UK, France, northern Germany
BEYOND = [
    ("München", "London", "Düsseldorf Hbf"),
    ("München", "Paris", "Basel SBB"),  # Munich–Basel by train: no flight saves 5 min
    ("München", "Hamburg", "Erfurt Hbf"),
    ("London", "München", "Düsseldorf Hbf"),
]


@pytest.mark.parametrize(("home", "city", "best"), BEYOND)
def test_no_point_out_of_proportion_but_what_to_do_instead(home, city, best, tmp_path):
    _config, result = _propose(home, city, tmp_path)
    assert result.proposals == []
    (note,) = result.notes
    assert note.startswith(
        f"No fair meeting point between you and {city} lies within 120 min of travel each way "
        f"(the best, {best}, takes about "
    )
    assert note.endswith(
        "): meet in person when one of you is in the other's city (planner trips shows your "
        "trips), or raise [travel] longest_journey_minutes"
    )
    found = re.findall(r"about (\d+) min for you by \w+ and (\d+) min for them by \w+", note)
    minutes = [int(m) for m in found[0]]
    assert min(minutes) > 120  # the best point, and it is beyond the limit


def test_the_note_in_german(tmp_path):
    i18n.set_language("de")
    try:
        _config, result = _propose("München", "London", tmp_path)
    finally:
        i18n.set_language("en")
    (note,) = result.notes
    assert note.startswith("Kein fairer Treffpunkt zwischen Ihnen und London")
    assert "Düsseldorf Hbf" in note and "[travel] longest_journey_minutes" in note
    assert "planner trips" in note and "persönlich" in note and "Anruf" not in note


def test_a_meal_justifies_more_than_a_coffee(tmp_path):
    """Basel–Frankfurt: Karlsruhe is 116 min from Frankfurt: too far for a 45-min coffee
    (2.5 × 45 = 112), fine for a business lunch; a deal closing (lunch, dinner) gets it."""
    config, first = _propose("Frankfurt am Main", "Basel", tmp_path)
    assert first.proposals and {p.kind.value for p in first.proposals} <= {"lunch", "breakfast"}
    assert "coffee" not in {p.kind.value for p in first.proposals}
    _assert_in_proportion(config, first.proposals)
    config, deal = _propose("Frankfurt am Main", "Basel", tmp_path, Purpose.DEAL_CLOSING)
    assert deal.proposals and {p.venue.name for p in deal.proposals} == {"Karlsruhe Hbf"}
    _assert_in_proportion(config, deal.proposals)


def test_raising_the_limit_brings_the_point_back_for_a_meal_only(tmp_path):
    travel = {"longest_journey_minutes": 240}
    config, result = _propose("München", "London", tmp_path, travel=travel)
    assert result.proposals, result.notes
    assert {p.kind.value for p in result.proposals} == {"lunch"}  # 3 h each way: no coffee
    _assert_in_proportion(config, result.proposals)


@pytest.mark.parametrize("city", ["New York", "Boston", "Toronto"])
def test_no_halfway_point_over_an_ocean_whatever_the_limit(city, tmp_path):
    travel = {"longest_journey_minutes": 24 * 60, "journey_per_meeting": 50}
    _config, result = _propose("München", city, tmp_path, travel=travel)
    assert result.proposals == []
    assert result.notes[0].startswith(f"{city} is ")
    assert "by plane" in result.notes[0]  # an ocean is flown over, never "by train"


@pytest.mark.parametrize(
    ("home", "city"), [("München", "Zürich"), ("München", "Wien"), ("Berlin", "Hamburg")]
)
def test_no_point_on_the_way_keeps_its_note(home, city, tmp_path):
    """Switzerland, Austria, Berlin–Hamburg: no hub lies on the way (as before)."""
    _config, result = _propose(home, city, tmp_path)
    assert result.proposals == []
    assert "meet in person when one of you is in the other's city" in result.notes[0]


def test_venues_near_them_beyond_the_limit_are_not_proposed(tmp_path):
    """Someone 600 km away counted as near ([geo] far_away_km raised): a venue near them asks
    five hours each way of the user; no proposal, and the note says what to do."""
    config, result = _propose("München", "Hamburg", tmp_path, geo={"far_away_km": 1000.0})
    assert result.proposals == []
    (note,) = result.notes
    assert note.startswith("No place to meet near Hamburg lies within 120 min")
    assert "[travel] longest_journey_minutes" in note


def test_a_place_the_user_names_is_never_refused(tmp_path):
    config = _config("München", "Hamburg")
    result = propose_for(
        config, Store(tmp_path / "s.sqlite3"), WHO, now=NOW, first_day=WEEK, near="Hamburg"
    )
    assert result.proposals, result.notes


def test_a_neighbouring_town_keeps_its_proposals(tmp_path):
    config, result = _propose("München", "Augsburg", tmp_path)
    assert result.proposals, result.notes
    _assert_in_proportion(config, result.proposals)


def test_unknown_way_is_never_taken_for_none():
    limit = journey_limit(default_config())
    assert not limit.allows(None, timedelta(minutes=45))
    assert limit.allows(0, timedelta(minutes=45))
    assert limit.minutes(timedelta(minutes=45)) == 112
    assert limit.minutes(timedelta(minutes=90)) == 120
    assert limit.widest([timedelta(minutes=45), timedelta(minutes=120)]) == 120


# -- a deal closing is worth a day trip by plane; a first coffee is not -----------------------

# (home, counterpart's city) → (the point, how the user gets there): flights across Europe
DEAL_TRIPS = {
    ("München", "London"): ("Düsseldorf Hbf", "air"),
    ("Berlin", "Zürich"): ("Nürnberg Hbf", "air"),
    ("München", "Hamburg"): ("Erfurt Hbf", "rail"),
    ("Frankfurt am Main", "Wien"): ("München Flughafen", "rail"),
}


@pytest.mark.parametrize(("pair", "expected"), sorted(DEAL_TRIPS.items()))
def test_a_deal_closing_gets_a_day_trip_a_first_meeting_does_not(pair, expected, tmp_path):
    """Three to four hours each way (a flight: the airport alone takes 150 min) fit a signing
    lunch or dinner ([travel] longest_journey_deal_minutes = 240) and nothing else."""
    from planner.meet.travel_time import travel_model

    config, deal = _propose(*pair, tmp_path, Purpose.DEAL_CLOSING)
    assert deal.proposals, deal.notes
    point, how = expected
    assert {p.venue.name for p in deal.proposals} == {point}
    assert {p.kind.value for p in deal.proposals} <= {"lunch", "dinner"}
    limit = journey_limit(config, Purpose.DEAL_CLOSING)
    windows = meeting_windows(config)
    for proposal in deal.proposals:
        ways = [*proposal.travel_minutes, proposal.counterpart_minutes]
        assert 120 < max(ways) <= limit.minutes(windows[proposal.kind].duration)
        home = travel_model(config).way(lookup_city(pair[0]).geo, proposal.venue.geo)
        assert (home.minutes, home.how) == (proposal.travel_minutes[0], how)
    _config, first = _propose(*pair, tmp_path, Purpose.FIRST_CONTACT)
    assert first.proposals == [] and "[travel] longest_journey_minutes" in first.notes[0]


def test_the_deal_limit_is_its_own_setting(tmp_path):
    """Lowered, a signing gets no flight either, and the note names the setting to raise."""
    travel = {"longest_journey_deal_minutes": 150}
    _config, deal = _propose("München", "London", tmp_path, Purpose.DEAL_CLOSING, travel=travel)
    assert deal.proposals == []
    assert deal.notes[0].endswith("or raise [travel] longest_journey_deal_minutes")
    limit = journey_limit(default_config(travel={"longest_journey_minutes": 300}), "deal_closing")
    assert limit.longest == 300  # never below the limit of every other meeting


def test_a_flight_never_fits_a_coffee_whatever_the_purpose():
    config = default_config()
    coffee = meeting_windows(config)[MeetingKind.COFFEE].duration
    for purpose in Purpose:
        assert not journey_limit(config, purpose).allows(151, coffee)  # 150 min airport alone


# -- the next step agrees with meeting in person, in every country and language ---------------

NOTES = [
    ("München", "London", "No fair meeting point between you and London"),
    ("München", "Paris", "No fair meeting point between you and Paris"),
    ("München", "Hamburg", "No fair meeting point between you and Hamburg"),
    ("München", "Wien", "Wien is 356 km away, about 208 min by train"),
    ("Berlin", "Hamburg", "Hamburg is 255 km away, about 158 min by train"),
    ("München", "New York", "New York is "),
]


@pytest.mark.parametrize(("home", "city", "start"), NOTES)
def test_every_far_note_ends_in_one_next_step(home, city, start, tmp_path):
    _config, result = _propose(home, city, tmp_path)
    (note,) = result.notes
    assert note.startswith(start), note
    assert "meet in person when one of you is in the other's city (planner trips shows" in note
    assert not any(w in note for w in ("keep it a call", "video is fine", "call is fine"))


@pytest.mark.parametrize(("home", "city"), [("München", "Paris"), ("Berlin", "Hamburg")])
def test_every_far_note_in_german(home, city, tmp_path):
    i18n.set_language("de")
    try:
        _config, result = _propose(home, city, tmp_path)
    finally:
        i18n.set_language("en")
    (note,) = result.notes
    assert "treffen Sie sich persönlich, wenn einer von Ihnen in der Stadt des anderen" in note
    assert "mit der Bahn" in note or "mit dem Flugzeug" in note
    assert "Anruf" not in note and "Video" not in note


def test_a_proposal_states_the_minutes_of_the_one_model(tmp_path):
    """Munich–Stuttgart: the fair point's minutes are the proposal's travel and the model's,
    for a transit user (Ulm, by train) and a driver (Augsburg, by car)."""
    from planner.meet.travel_time import travel_model

    for mode, point, how in (("transit", "Ulm Hbf", "by train"), ("car", "Augsburg Hbf", "by car")):
        config, result = _propose("München", "Stuttgart", tmp_path, travel={"mode": mode})
        assert {p.venue.name for p in result.proposals} == {point}, result.notes
        for proposal in result.proposals:
            mine = travel_model(config).minutes(lookup_city("München").geo, proposal.venue.geo)
            assert proposal.travel_minutes == (mine, mine)
            assert any(f"about {mine} min for you {how}" in r for r in proposal.reasons)


@pytest.mark.parametrize(("home", "city"), [("Hamburg", "Hamburg"), ("München", "Augsburg")])
def test_a_town_known_by_its_centre_is_never_0_minutes_away(home, city, tmp_path):
    """Where no venue is known, the proposal names the town: the counterpart, known to live
    there by the town alone, is at least ``[travel] in_town_minutes`` away, not "0 min for
    them" (nor "close to you" in the offer)."""
    from planner.meet.shortlist import is_area

    config, result = _propose(home, city, tmp_path)
    areas = [p for p in result.proposals if is_area(p.venue)]
    assert areas, [p.venue.name for p in result.proposals]
    floor = config["travel"]["in_town_minutes"]
    assert floor > 0 and all(p.counterpart_minutes >= floor for p in areas)
