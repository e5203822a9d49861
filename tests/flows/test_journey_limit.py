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
from planner.meet.slots import meeting_windows
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
    ("München", "Paris", "Strasbourg"),
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
        "for them): meet when one of you is in the other's city anyway (planner trips shows "
        "your trips), keep it a call, or raise [travel] longest_journey_minutes"
    )
    minutes = [int(m) for m in re.findall(r"about (\d+) min for you and (\d+) min", note)[0]]
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
    assert "planner trips" in note and "Anruf" in note


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
    assert f"next trip to {city}" in result.notes[0]


@pytest.mark.parametrize(
    ("home", "city"), [("München", "Zürich"), ("München", "Wien"), ("Berlin", "Hamburg")]
)
def test_no_point_on_the_way_keeps_its_note(home, city, tmp_path):
    """Switzerland, Austria, Berlin–Hamburg: no hub lies on the way (as before)."""
    _config, result = _propose(home, city, tmp_path)
    assert result.proposals == []
    assert f"meet in person on your next trip to {city}" in result.notes[0]


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
