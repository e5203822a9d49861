"""A meeting in person happens at the place's local time (planner.meet.local_zone): proposals
in another zone keep to its meeting windows, working hours and opening hours there; the user
sees their own time with the local one beside it, the counterpart the local time first."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.config import default_config
from planner.i18n import local_span, speaking
from planner.meet import local_zone
from planner.meet.local_zone import named_zone, zone_at
from planner.meet.one_shot import propose
from planner.meet.slots import MeetingKind, meeting_windows
from planner.meet.venues import Catalog, Venue, VenueKind
from planner.model import Geo, Purpose
from planner.render.labels import proposal_line

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 12, 7, tzinfo=BERLIN)
MANHATTAN = Geo(40.7549, -73.9840)
SHINJUKU = Geo(35.6896, 139.7006)
PARIS = Geo(48.8566, 2.3522)
SYDNEY = Geo(-33.8688, 151.2093)
MARIENPLATZ = Geo(48.1374, 11.5755)


def config(home: str = ""):
    return default_config(user={"home": home, "timezone": "Europe/Berlin"})


def venue(name: str, kind: VenueKind, where: Geo, hours: str = "Mo-Su 06:00-24:00") -> Venue:
    return Venue(name, kind, where.lat, where.lon, address=f"{name} 1", opening_hours=hours)


def offered(where: Geo, kind: VenueKind, hours: str = "Mo-Su 06:00-24:00", **kw):
    catalog = Catalog([venue("Place", kind, where, hours)], BERLIN)
    return propose(
        [], config=config(), catalog=catalog, start=MONDAY, end=MONDAY + timedelta(days=5),
        near=where, **kw,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("where", "zone"),
    [
        (MANHATTAN, "America/New_York"),
        (SHINJUKU, "Asia/Tokyo"),
        (SYDNEY, "Australia/Sydney"),
        (PARIS, "Europe/Paris"),
        (Geo(47.3769, 8.5417), "Europe/Zurich"),
        (Geo(51.5072, -0.1276), "Europe/London"),
    ],
)
def test_the_zone_of_a_place_is_read_from_its_coordinates(where, zone):
    assert zone_at(where, BERLIN).key == zone


def test_near_home_the_users_zone_is_taken_without_looking(monkeypatch):
    looked: list[tuple[float, float]] = []
    monkeypatch.setattr(local_zone, "zone_name", lambda *a: looked.append(a) or "Asia/Tokyo")
    assert zone_at(MARIENPLATZ, BERLIN, home=Geo(48.14, 11.56)) is BERLIN
    assert zone_at(None, BERLIN) is BERLIN
    assert looked == []
    assert zone_at(SHINJUKU, BERLIN, home=MARIENPLATZ).key == "Asia/Tokyo" and looked


def test_a_zone_name_this_machine_lacks_is_the_users():
    assert named_zone("Mars/Olympus_Mons", BERLIN) is BERLIN
    assert named_zone("", BERLIN) is BERLIN and named_zone(None, BERLIN) is BERLIN
    assert named_zone("America/New_York", BERLIN).key == "America/New_York"


@pytest.mark.parametrize(
    ("where", "zone"),
    [(MANHATTAN, "America/New_York"), (SHINJUKU, "Asia/Tokyo"), (SYDNEY, "Australia/Sydney")],
)
def test_proposals_abroad_keep_the_meeting_windows_of_the_place(where, zone):
    """A breakfast in New York at New York's breakfast time, not at 02:00 there (08:00 in
    Berlin); every kind, in every zone, within its window in the local time of the place."""
    windows = meeting_windows(config())
    found = offered(where, VenueKind.RESTAURANT, count=6, purpose=Purpose.FIRST_CONTACT)
    assert found
    for proposal in found:
        assert proposal.zone == zone
        local = proposal.start.astimezone(ZoneInfo(zone))
        window = windows[proposal.kind]
        assert window.start <= local.time() < window.end, (proposal.kind, local)
        assert proposal.start.utcoffset() == local.utcoffset()  # written in the place's zone
        assert 0 <= local.weekday() < 5  # working days there


def test_opening_hours_abroad_are_the_local_ones():
    """A café in Tokyo open 07:00-11:00 there: only a morning in Tokyo fits (23:00-03:00 in
    Berlin), where the Berlin reading of its hours put a coffee at 16:00 in Tokyo."""
    found = offered(SHINJUKU, VenueKind.CAFE, "Mo-Su 07:00-11:00", count=3)
    assert found
    for proposal in found:
        local = proposal.start.astimezone(ZoneInfo("Asia/Tokyo"))
        end = proposal.end.astimezone(local.tzinfo)
        assert 7 <= local.hour and (end.hour, end.minute) <= (11, 0), local


def test_a_place_on_the_users_clock_needs_no_local_time():
    """Paris reads as Berlin does: the zone is kept, the lines do not repeat the time."""
    (first, *_rest) = offered(PARIS, VenueKind.CAFE)
    assert first.zone == "Europe/Paris"
    line = proposal_line(first, BERLIN)
    assert "local time" not in line


def test_the_user_sees_their_own_time_and_the_local_one():
    (first, *_rest) = offered(MANHATTAN, VenueKind.CAFE, count=1)
    here = first.start.astimezone(BERLIN)
    there = first.start.astimezone(ZoneInfo("America/New_York"))
    line = proposal_line(first, BERLIN)
    assert line.startswith(here.strftime("%a %-d %b %H:%M")), line
    assert f"({there:%H:%M}–" in line and "local time)" in line
    with speaking("de"):
        assert "Ortszeit)" in proposal_line(first, BERLIN)


def test_a_local_day_other_than_the_users_is_named():
    """Dinner in Tokyo on Tuesday evening is Tuesday noon in Berlin; a Sydney breakfast on
    Wednesday is Tuesday evening in Berlin: the local day is said where it differs."""
    tokyo = ZoneInfo("Asia/Tokyo")
    start = datetime(2026, 12, 8, 19, 0, tzinfo=tokyo)
    assert local_span(start, start + timedelta(hours=2), "Asia/Tokyo", BERLIN) == (
        " (19:00–21:00 local time)"
    )
    sydney = datetime(2026, 12, 9, 8, 0, tzinfo=ZoneInfo("Australia/Sydney"))
    text = local_span(sydney, sydney + timedelta(hours=1), "Australia/Sydney", BERLIN)
    assert text == " (Wed 9 Dec 08:00–09:00 local time)"
    assert local_span(start, start, "", BERLIN) == ""
    assert local_span(start, start, "Nowhere/Land", BERLIN) == ""


def test_a_dinner_on_a_trip_abroad_is_not_cut_at_the_users_midnight():
    """On a day in New York, a dinner with a New Yorker is proposed at dinner time in New
    York (after midnight in Berlin), on the day the user is there."""
    windows = meeting_windows(config())
    dinner = windows[MeetingKind.DINNER]
    catalog = Catalog([venue("Steakhouse", VenueKind.RESTAURANT, MANHATTAN)], BERLIN)
    nyc = ZoneInfo("America/New_York")
    found = propose(
        [], config=config(), catalog=catalog, start=datetime(2026, 12, 9, tzinfo=nyc),
        end=datetime(2026, 12, 10, tzinfo=nyc), near=MANHATTAN, count=3,
        purpose=Purpose.DEAL_CLOSING,
        whereabouts={datetime(2026, 12, 9).date(): ("New York", MANHATTAN, "")},
    )  # fmt: skip
    dinners = [p for p in found if p.kind is MeetingKind.DINNER]
    assert dinners, found
    local = dinners[0].start.astimezone(nyc)
    assert local.date() == datetime(2026, 12, 9).date()
    assert dinner.start <= local.time() < dinner.end
    assert dinners[0].start.astimezone(BERLIN).date() == datetime(2026, 12, 10).date()


def test_proposals_ask_the_zone_of_their_geocoder(monkeypatch):
    """The zone of a place far away comes from the proposer's geocoder, which keeps its
    answers between runs (tests/meet/test_geo_cache.py)."""
    from planner.meet.geo import Geocoder

    asked = []

    def told(self, lat, lon):
        asked.append((lat, lon))
        return "America/New_York"

    monkeypatch.setattr(Geocoder, "zone_name", told)
    found = offered(MANHATTAN, VenueKind.CAFE)
    assert asked and found
