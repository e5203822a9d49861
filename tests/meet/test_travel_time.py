"""One travel model (planner.meet.travel_time) for every journey: the minutes a fair meeting
point states are the minutes the proposal's travel, the room next to other meetings and the
note about a far city use; the user's ``[travel] mode`` decides the user's way, the counterpart
is assumed to come by train or plane.

Found by trying the product: Munich–Ulm was 91 min at the fair point (150 km/h rail) and about
111 min between meetings (110 km/h rail), and a driver was sent to Ulm by train."""

from __future__ import annotations

import pytest

from planner.config import default_config
from planner.errors import ConfigError
from planner.meet.faraway import fair_points
from planner.meet.geo import lookup_city
from planner.meet.hubs import HUBS
from planner.meet.travel_time import (
    AIR_FROM_KM,
    LONG_DISTANCE_KM,
    THEIRS,
    TravelModel,
    by,
    travel_model,
)
from planner.model import Geo

MARIENPLATZ = Geo(48.1374, 11.5755)
SCHWABING = Geo(48.1600, 11.5850)  # 2.6 km north
MODES = ("walk", "transit", "car")
# user's home → counterpart's city, in Germany, Austria, Switzerland, France, the UK and beyond
PAIRS = [
    ("München", "Stuttgart"),
    ("Frankfurt am Main", "Köln"),
    ("Hamburg", "Berlin"),
    ("München", "Wien"),
    ("Berlin", "Zürich"),
    ("München", "Paris"),
    ("München", "London"),
    ("Köln", "Amsterdam"),
]


def _model(mode: str) -> TravelModel:
    return travel_model(default_config(travel={"mode": mode}))


def _geo(city: str) -> Geo:
    return lookup_city(city).geo


def test_modes_and_overrides_in_town():
    transit, car, walk = (_model(m) for m in ("transit", "car", "walk"))
    minutes = {m.mode.name: m.minutes(MARIENPLATZ, SCHWABING) for m in (transit, car, walk)}
    assert minutes["walk"] > minutes["transit"] > 0 and minutes["walk"] > minutes["car"]
    assert transit.minutes(MARIENPLATZ, MARIENPLATZ) == 0
    slow = travel_model(default_config(travel={"speed_kmh": 11.0, "overhead_minutes": 0}))
    assert slow.minutes(MARIENPLATZ, SCHWABING) > transit.minutes(MARIENPLATZ, SCHWABING)
    near = Geo(48.1400, 11.5800)  # 0.4 km: walked whatever the mode
    assert car.minutes(MARIENPLATZ, near) == walk.minutes(MARIENPLATZ, near)


def test_unknown_mode_is_a_config_error():
    with pytest.raises(ConfigError, match="mode"):
        travel_model(default_config(travel={"mode": "teleport"}))


@pytest.mark.parametrize(
    ("a", "b", "how", "low", "high"),
    [
        # door to door against the timetable plus the way to and from the station or airport
        ("München", "Augsburg", "rail", 45, 75),  # ICE 0:30
        ("Köln", "Frankfurt am Main", "rail", 90, 125),  # ICE 1:05
        ("Hamburg", "Berlin", "rail", 135, 180),  # ICE 1:45
        ("München", "Berlin", "air", 180, 240),  # flight 1:05, ICE 4:00
        ("München", "London", "air", 210, 270),  # flight 1:50
        ("München", "New York", "air", 9 * 60, 14 * 60),  # never "by train" over an ocean
    ],
)
def test_journeys_between_towns_by_train_or_plane(a, b, how, low, high):
    way = _model("transit").way(_geo(a), _geo(b))
    assert way.how == how and low <= way.minutes <= high, way


def test_a_driver_drives_until_the_train_or_plane_saves_hours():
    car = _model("car")
    assert car.way(_geo("München"), _geo("Stuttgart")).how == "motorway"
    assert car.way(_geo("München"), _geo("Nürnberg")).how == "motorway"
    assert car.way(_geo("München"), _geo("Hamburg")).how == "air"  # not nine hours at the wheel
    assert car.way(_geo("München"), _geo("London")).how == "air"


def test_no_flight_that_saves_a_few_minutes_only():
    """München–Erfurt (~310 km): by plane 5 min quicker on paper; by train."""
    assert AIR_FROM_KM < 310
    assert _model("transit").way(_geo("München"), _geo("Erfurt")).how == "rail"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("home", "city"), PAIRS)
def test_a_fair_point_states_the_minutes_every_other_caller_uses(mode, home, city):
    """The class: for every mode and pair, the point's own minutes are the model's, the
    user's by their mode, the counterpart's by train or plane; the direct trip as well."""
    model = _model(mode)
    a, b = _geo(home), _geo(city)
    for point in fair_points(a, b, len(HUBS), travel=model):
        assert (point.mine, point.how) == (
            model.way(a, point.hub.geo).minutes,
            model.way(a, point.hub.geo).how,
        )
        assert point.theirs == THEIRS.minutes(b, point.hub.geo)
        assert point.direct == model.minutes(a, b)
        assert point.how != "walk" and point.their_how in ("rail", "air")


def test_munich_ulm_is_one_number():
    ulm = next(h for h in HUBS if h.name == "Ulm Hbf")
    transit = _model("transit")
    (point,) = fair_points(_geo("München"), _geo("Stuttgart"), travel=transit)
    assert point.hub == ulm
    assert point.mine == transit.minutes(_geo("München"), ulm.geo) == 91


def test_a_driver_drives_to_the_fair_point_and_it_says_so():
    """Munich–Stuttgart by car: Ulm is two hours' drive but one hour by train for them (not
    fair); Augsburg, on the way, is about even; the reason tells both modes."""
    car = _model("car")
    points = fair_points(_geo("München"), _geo("Stuttgart"), travel=car)
    assert [p.hub.name for p in points] == ["Augsburg Hbf"]
    text = points[0].explained()
    assert "min for you by car and" in text and "min for them by train" in text
    assert "assuming they come by train or plane" in text


def test_the_way_in_german():
    from planner import i18n

    i18n.set_language("de")
    try:
        assert by("rail") == "mit der Bahn" and by("motorway") == "mit dem Auto"
        assert by("air") == "mit dem Flugzeug"
        point = fair_points(_geo("München"), _geo("Stuttgart"), travel=_model("car"))[0]
        assert "Min. für Sie mit dem Auto" in point.explained()
    finally:
        i18n.set_language("en")


def test_journey_border_is_the_models():
    """A way across town is the user's mode; beyond the border a journey (sync skips it)."""
    transit = _model("transit")
    assert LONG_DISTANCE_KM == 50.0
    assert transit.way(MARIENPLATZ, SCHWABING).how == "transit"
    assert not transit.journey(lookup_city("München"), lookup_city("Freising"))  # 33 km
    assert transit.way(_geo("München"), _geo("Augsburg")).how == "rail"  # 57 km


@pytest.mark.parametrize("mode", MODES)
def test_the_estimate_grows_with_the_distance(mode: str):
    """No way is quicker than a shorter one in the same direction: 49 km by public transport
    were 195 minutes, 51 km 56, because the train was only taken beyond 50 km; 1.0 km walked
    were 18 minutes, 1.1 km by tram 13, because short hops are walked."""
    model = _model(mode)
    east = [Geo(48.1374, 11.5755 + km / 744) for km in range(1, 1200)]  # 100 m steps east
    minutes = [model.minutes(MARIENPLATZ, there) for there in east]
    assert all(a <= b for a, b in zip(minutes, minutes[1:], strict=False)), minutes
    assert minutes[488] < 90  # 49 km: an hour or so, as by S-Bahn or regional train


@pytest.mark.parametrize("walk_km", [0.5, 1.0, 2.0])
def test_a_ride_just_past_the_walk_takes_no_less_than_the_walk(walk_km: float):
    for mode in ("transit", "car"):
        model = travel_model(default_config(travel={"mode": mode, "walk_up_to_km": walk_km}))
        walked = Geo(48.1374, 11.5755 + (walk_km - 0.05) / 74.4)
        ridden = Geo(48.1374, 11.5755 + (walk_km + 0.05) / 74.4)
        on_foot, riding = model.way(MARIENPLATZ, walked), model.way(MARIENPLATZ, ridden)
        assert (on_foot.how, riding.how) == ("walk", mode)
        assert on_foot.minutes <= riding.minutes


def test_a_suburb_by_public_transport_is_an_hour_not_three():
    transit = _model("transit")
    way = transit.way(_geo("München"), _geo("Freising"))  # 33 km, S-Bahn 40 min
    assert way.how == "rail" and 35 <= way.minutes <= 75
