"""Proposals: scenarios from the issue and properties that must hold for any calendar."""

from __future__ import annotations

import json
import math
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import opening_hours
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.config import default_config
from planner.errors import UsageError
from planner.meet.one_shot import propose
from planner.meet.proposals import Proposer
from planner.meet.slots import MeetingKind, meeting_windows
from planner.meet.travel_time import travel_model
from planner.meet.venues import Catalog, Venue, VenueKind
from planner.model import Event, Geo, Interval, Purpose, Status

TZ = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 12, 7, tzinfo=TZ)  # 2026-W50
WEEK_END = MONDAY + timedelta(days=7)
MARIENPLATZ = Geo(48.1374, 11.5755)
MESSE = Geo(48.1360, 11.6980)  # Messe München in Riem, across town
NUERNBERG = Geo(49.4521, 11.0767)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=TZ)


def venue(name: str, kind: VenueKind, where: Geo, hours: str = "Mo-Su 06:00-24:00", **kw) -> Venue:
    return Venue(
        name, kind, where.lat, where.lon, address=f"{name} street 1", opening_hours=hours, **kw
    )


def config(**sections):
    sections.setdefault("user", {"home": "", "timezone": "Europe/Berlin"})
    return default_config(**sections)


def test_client_visit_across_town_leaves_a_travel_gap():
    """The lunch after a visit at the Messe starts only once the user can be in town."""
    cfg = config()
    visit = Event("visit", "Kunde vor Ort", at(7, 10), at(7, 12), location="Messe", geo=MESSE)
    catalog = Catalog([venue("Wirtshaus", VenueKind.RESTAURANT, MARIENPLATZ)], TZ)
    found = propose(
        [visit],
        config=cfg,
        catalog=catalog,
        start=at(7, 0),
        end=at(8, 0),
        purpose=Purpose.DEAL_CLOSING,
        near=MARIENPLATZ,
        count=5,
    )
    lunch = [p for p in found if p.kind is MeetingKind.LUNCH]
    assert lunch, found
    travel = travel_model(cfg).minutes(MESSE, MARIENPLATZ)
    assert travel >= 20
    earliest = at(7, 12) + timedelta(minutes=travel + cfg["travel"]["buffer_minutes"])
    grid = math.ceil((earliest - at(7, 0)).total_seconds() / 900) * 900
    assert lunch[0].start == at(7, 0) + timedelta(seconds=grid)
    assert lunch[0].travel_minutes[0] == travel


def test_counterpart_busy_time_is_respected():
    cfg = config()
    catalog = Catalog([venue("Café", VenueKind.CAFE, MARIENPLATZ)], TZ)
    theirs = [Interval(at(d, 0), at(d + 1, 0)) for d in (7, 8, 9, 10)]
    theirs.append(Interval(at(11, 9), at(11, 15)))
    found = propose(
        [],
        config=cfg,
        catalog=catalog,
        start=MONDAY,
        end=WEEK_END,
        purpose=Purpose.FIRST_CONTACT,
        counterpart_busy=theirs,
        near=MARIENPLATZ,
        count=5,
    )
    assert found
    for proposal in found:
        assert proposal.start >= at(11, 0)  # breakfast before their 9:00 counts too
        assert not any(proposal.start < b.end and b.start < proposal.end for b in theirs)
        assert "Free in both calendars" in proposal.reasons


def test_venue_closed_on_sunday_and_after_six_is_never_proposed_then():
    every_day = {
        d: "08:00-20:00"
        for d in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    }
    cfg = config(
        working_hours=every_day, windows={"after_work": {"time": "16:00-21:00", "duration": 60}}
    )
    early = venue("Tagesbar", VenueKind.BAR, MARIENPLATZ, "Mo-Sa 10:00-18:00; Su off")
    late = venue("Nachtbar", VenueKind.BAR, Geo(48.16, 11.60), "Mo-Su 19:30-23:00")
    proposer = Proposer([], cfg, Catalog([early, late], TZ))
    found = proposer.propose(MONDAY, WEEK_END, purpose="networking", near=MARIENPLATZ, count=7)
    assert {p.venue.name for p in found} == {"Tagesbar", "Nachtbar"}
    for proposal in found:
        if proposal.venue.name == "Tagesbar":
            assert proposal.start.weekday() != 6
            assert proposal.end <= proposal.start.replace(hour=18, minute=0)
        else:
            assert proposal.start.hour * 60 + proposal.start.minute >= 19 * 60 + 30
    sunday = [p for p in found if p.start.weekday() == 6]
    assert sunday and all(p.venue.name == "Nachtbar" for p in sunday)


def test_a_day_in_another_city_is_used_for_people_there():
    cfg = config(user={"home": "München"})
    trip = Event("trip", "Workshop", at(9, 9), at(9, 12), location="Nürnberg", geo=NUERNBERG)
    catalog = Catalog(
        [
            venue("Café Nürnberg", VenueKind.CAFE, Geo(49.4540, 11.0780), city="Nürnberg"),
            venue("Café München", VenueKind.CAFE, MARIENPLATZ, city="München"),
        ],
        TZ,
    )
    found = propose(
        [trip],
        config=cfg,
        catalog=catalog,
        start=MONDAY,
        end=WEEK_END,
        purpose=Purpose.FIRST_CONTACT,
        counterpart_place=NUERNBERG,
        count=3,
    )
    best = found[0]
    assert best.start.date() == date(2026, 12, 9)
    assert best.venue.name == "Café Nürnberg"
    assert any("that day anyway" in r for r in best.reasons)


def test_json_shape():
    cfg = config()
    catalog = Catalog([venue("Café", VenueKind.CAFE, MARIENPLATZ)], TZ)
    found = propose([], config=cfg, catalog=catalog, start=MONDAY, end=WEEK_END, near=MARIENPLATZ)
    data = json.loads(json.dumps({"proposals": [p.to_json() for p in found]}))
    first = data["proposals"][0]
    assert set(first) == {
        "id",
        "same_time",
        "zone",
        "start",
        "end",
        "kind",
        "venue",
        "travel_minutes",
        "counterpart_minutes",
        "score",
        "reasons",
    }
    assert set(first["venue"]) == {"name", "kind", "address", "lat", "lon", "known"}
    assert set(first["travel_minutes"]) == {"before", "after"}
    assert datetime.fromisoformat(first["start"]).utcoffset() == timedelta(hours=1)
    assert len(found) == 3 and len({p.start.date() for p in found}) == 3


def test_place_that_cannot_be_found_is_a_usage_error():
    cfg = config()
    catalog = Catalog([venue("Café", VenueKind.CAFE, MARIENPLATZ)], TZ)
    with pytest.raises(UsageError, match="Xyzzyplatz"):
        propose([], config=cfg, catalog=catalog, start=MONDAY, end=WEEK_END, near="Xyzzyplatz")


def test_near_accepts_a_venue_name_and_a_postal_code():
    cfg = config()
    catalog = Catalog([venue("Café", VenueKind.CAFE, MARIENPLATZ)], TZ)
    for near in ("Café", "80331 München"):
        found = propose([], config=cfg, catalog=catalog, start=MONDAY, end=WEEK_END, near=near)
        assert found and found[0].venue.name == "Café"


# --- properties ------------------------------------------------------------------------------

PLACES = [MARIENPLATZ, MESSE, Geo(48.1625, 11.5860), Geo(48.1255, 11.6040), Geo(48.3537, 11.7861)]
HOURS = [
    "Mo-Fr 08:00-18:00; Sa 10:00-14:00",
    "Mo-Su 11:00-15:00,17:30-23:00",
    "Tu-Sa 16:00-01:00",
    "Mo-Fr 07:00-10:30",
    "24/7",
    "",
    'Mo-Fr 10:00-18:00 || "by appointment"',
]
KINDS = list(VenueKind)


@st.composite
def calendars(draw):
    events = []
    for index in range(draw(st.integers(0, 14))):
        day = draw(st.integers(7, 13))
        start = at(day, 7) + timedelta(minutes=15 * draw(st.integers(0, 56)))
        end = start + timedelta(minutes=15 * draw(st.integers(1, 12)))
        in_person = draw(st.booleans())
        place = draw(st.sampled_from(PLACES + [None])) if in_person else None
        location = "Kundentermin vor Ort" if in_person else "https://zoom.us/j/1"
        status = draw(st.sampled_from([Status.CONFIRMED, Status.CONFIRMED, Status.TENTATIVE]))
        busy = draw(st.sampled_from([True, True, True, False]))
        events.append(
            Event(
                f"e{index}",
                "Termin",
                start,
                end,
                location=location,
                geo=place,
                status=status,
                busy=busy,
            )
        )
    theirs = []
    for _ in range(draw(st.integers(0, 6))):
        start = at(draw(st.integers(7, 13)), 7) + timedelta(minutes=30 * draw(st.integers(0, 28)))
        theirs.append(Interval(start, start + timedelta(minutes=30 * draw(st.integers(1, 8)))))
    venues = [
        venue(
            f"V{i}",
            draw(st.sampled_from(KINDS)),
            draw(st.sampled_from(PLACES)),
            draw(st.sampled_from(HOURS)),
        )
        for i in range(draw(st.integers(1, 8)))
    ]
    purpose = draw(st.sampled_from(["first_contact", "deal_closing", "networking", "routine"]))
    return events, theirs, venues, purpose


def _closed_somewhere(hours: str, start: datetime, end: datetime) -> bool:
    if not hours:
        return False
    parsed = opening_hours.OpeningHours(hours)
    lo, hi = start.replace(tzinfo=None), end.replace(tzinfo=None)
    return any(str(state) == "closed" for _a, _b, state, _c in parsed.intervals(lo, hi))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calendars())
def test_proposals_respect_busy_time_windows_hours_and_travel(data):
    events, theirs, venues, purpose = data
    cfg = config(
        working_hours={
            "monday": "09:00-18:00",
            "tuesday": "09:00-18:00",
            "wednesday": "08:00-17:00",
            "thursday": "09:00-18:00",
            "friday": "09:00-15:00",
            "saturday": "10:00-14:00",
        }
    )
    catalog = Catalog(venues, TZ)
    found = propose(
        events,
        config=cfg,
        catalog=catalog,
        start=MONDAY,
        end=WEEK_END,
        purpose=purpose,
        counterpart_busy=theirs,
        near=MARIENPLATZ,
        count=4,
    )
    blocking = [e for e in events if e.busy]  # tentative blocks by default
    windows = meeting_windows(cfg)
    model = travel_model(cfg)
    for p in found:
        span = Interval(p.start, p.end)
        assert not any(span.overlaps(Interval(e.start, e.end)) for e in blocking)
        assert not any(span.overlaps(b) for b in theirs)
        window = windows[p.kind]
        assert p.end - p.start == window.duration
        local = p.start.astimezone(TZ)
        assert window.start <= local.time() and (local + window.duration).time() <= window.end
        hours = cfg.working_hours(local.weekday())
        assert hours is not None
        if not window.outside_working_hours:
            assert hours[0] <= local.time() and p.end.astimezone(TZ).time() <= hours[1]
        assert not _closed_somewhere(p.venue.opening_hours, p.start, p.end)
        for e in blocking:
            in_person = not e.location.startswith("https://")
            if not in_person:
                need = timedelta(minutes=cfg["slots"]["buffer_minutes"])
            elif e.geo is None:
                need = timedelta(
                    minutes=cfg["travel"]["unknown_place_minutes"] + cfg["travel"]["buffer_minutes"]
                )
            else:
                need = timedelta(
                    minutes=model.minutes(e.geo, p.venue.geo) + cfg["travel"]["buffer_minutes"]
                )
            if e.end <= p.start:
                assert p.start - e.end >= need
            else:
                assert e.start - p.end >= need
    for a, b in zip(found, found[1:], strict=False):
        assert a.score >= b.score


def test_fair_split_of_travel_wins():
    """A venue halfway between the two is preferred over one on either doorstep."""
    cfg = config(user={"home": "Marienplatz, 80331 München"})
    home = Geo(48.1374, 11.5755)
    theirs = Geo(48.1780, 11.5900)  # Schwabing-Nord, about 4.6 km north
    middle = Geo((home.lat + theirs.lat) / 2, (home.lon + theirs.lon) / 2)
    catalog = Catalog(
        [
            venue("Mine", VenueKind.CAFE, Geo(home.lat + 0.001, home.lon)),
            venue("Theirs", VenueKind.CAFE, Geo(theirs.lat - 0.001, theirs.lon)),
            venue("Middle", VenueKind.CAFE, middle),
        ],
        TZ,
    )
    proposer = Proposer([], cfg, catalog, home=home)
    found = proposer.propose(
        MONDAY, WEEK_END, purpose=Purpose.FIRST_CONTACT, counterpart_place=theirs, count=1
    )
    assert found[0].venue.name == "Middle"
    before, _after = found[0].travel_minutes
    assert abs(before - found[0].counterpart_minutes) <= 3


def test_favourites_and_required_tags():
    cfg = config()
    plain = venue("Plain", VenueKind.CAFE, MARIENPLATZ)
    loved = venue("Loved", VenueKind.CAFE, Geo(48.1420, 11.5790))
    women = venue(
        "Frauenlounge", VenueKind.NETWORKING, Geo(48.1400, 11.5800), tags=frozenset({"women_only"})
    )
    catalog = Catalog([plain, loved, women], TZ, favourites=frozenset({"loved"}))
    found = propose(
        [], config=cfg, catalog=catalog, start=MONDAY, end=WEEK_END, near=MARIENPLATZ, count=1
    )
    assert found[0].venue.name == "Loved"
    assert any("favourite" in r for r in found[0].reasons)
    only = propose(
        [],
        config=cfg,
        catalog=catalog,
        start=MONDAY,
        end=WEEK_END,
        near=MARIENPLATZ,
        tags={"women_only"},
        count=3,
    )
    assert only and {p.venue.name for p in only} == {"Frauenlounge"}


def test_proposer_is_reusable_and_gives_the_same_answer():
    cfg = config()
    events = [Event("v", "Visit", at(8, 10), at(8, 12), location="Messe", geo=MESSE)]
    catalog = Catalog(
        [
            venue("Café", VenueKind.CAFE, MARIENPLATZ),
            venue("Wirtshaus", VenueKind.RESTAURANT, MARIENPLATZ),
        ],
        TZ,
    )
    proposer = Proposer(events, cfg, catalog)
    one = proposer.propose(MONDAY, WEEK_END, purpose="deal_closing", near=MARIENPLATZ)
    proposer.propose(MONDAY, WEEK_END, purpose="first_contact", near=MESSE)
    again = proposer.propose(MONDAY, WEEK_END, purpose="deal_closing", near=MARIENPLATZ)
    fresh = propose(
        events,
        config=cfg,
        catalog=Catalog(catalog.venues, TZ),
        start=MONDAY,
        end=WEEK_END,
        purpose="deal_closing",
        near=MARIENPLATZ,
    )
    assert one == again == fresh


def test_counterpart_busy_from_a_free_busy_provider():
    from planner.config.schema import SourceConfig
    from planner.meet.slots import counterpart_busy_from
    from providers.base import ProviderContext, create

    busy = {"bob@acme.example": [Interval(at(7, 9), at(7, 17)), Interval(at(7, 16), at(7, 18))]}
    provider = create(SourceConfig("mem", "memory", {"free_busy": busy}), ProviderContext(tz=TZ))
    found = counterpart_busy_from([provider], "bob@acme.example", MONDAY, WEEK_END)
    assert found == [Interval(at(7, 9), at(7, 18))]
    assert counterpart_busy_from([], "bob@acme.example", MONDAY, WEEK_END) is None


def test_next_to_a_video_call_only_the_buffer_is_needed():
    cfg = config()
    call = Event("call", "Jour fixe", at(7, 10), at(7, 12), location="https://zoom.us/j/42")
    catalog = Catalog([venue("Wirtshaus", VenueKind.RESTAURANT, Geo(48.2000, 11.7000))], TZ)
    found = propose(
        [call],
        config=cfg,
        catalog=catalog,
        start=at(7, 0),
        end=at(8, 0),
        purpose=Purpose.DEAL_CLOSING,
        near=Geo(48.2000, 11.7000),
        count=1,
    )
    buffer = cfg["slots"]["buffer_minutes"]
    assert found[0].kind is MeetingKind.LUNCH
    assert found[0].start == at(7, 12) + timedelta(minutes=buffer)
