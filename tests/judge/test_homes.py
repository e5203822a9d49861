"""Where counterparts live (planner.judge.homes), from the evidence in the calendar history."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from planner.config import default_config
from planner.judge.homes import HomeFinder, domain_country, phone_city
from planner.meet.geo import Geocoder
from planner.model import Attendee, Event, Mode

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 1, 9, tzinfo=TZ)
ME = Attendee("me@mycorp.example")


def _event(uid, days_ago, where, people, description="", mode=Mode.IN_PERSON):
    start = NOW - timedelta(days=days_ago)
    event = Event(
        uid=uid,
        title="Termin",
        start=start,
        end=start + timedelta(hours=1),
        location=where,
        description=description,
        organizer=ME,
        attendees=(ME, *(Attendee(p) for p in people)),
    )
    return event, mode


def _finder(items, **config):
    events = [e for e, _m in items]
    modes = {e.key: m for e, m in items}
    cfg = default_config(user={"email": ME.email, "home": "München"}, **config)
    return HomeFinder(events, modes, cfg, Geocoder(cfg).locate, now=NOW)


def test_phone_numbers_name_cities_or_countries():
    assert phone_city("+49 40 3099 1234") == ("Hamburg", "DE")
    assert phone_city("+49 (0)89 123456") == ("München", "DE")
    assert phone_city("+44 20 7946 0958") == ("London", "GB")
    assert phone_city("+44 7700 900123") == ("", "GB")
    assert phone_city("+999 1234 5678") is None
    assert domain_country("acme.co.uk") == "GB" and domain_country("acme.com") == ""


def test_earlier_meeting_with_their_organisation_gives_their_city():
    finder = _finder([_event("a", 40, "Am Sandtorkai 50, 20457 Hamburg", ["jan@hafen.example"])])
    home = finder.home_of("lena@hafen.example")
    assert home is not None and home.city == "Hamburg" and home.geo is not None
    assert "met hafen.example in person" in home.evidence[0]


def test_address_in_a_virtual_meetings_location_counts():
    finder = _finder(
        [
            _event(
                "v",
                10,
                "Teams / Kaistraße 5, 40221 Düsseldorf",
                ["eva@rhein.example"],
                mode=Mode.VIRTUAL,
            )
        ]
    )
    home = finder.home_of("eva@rhein.example")
    assert home is not None and home.city == "Düsseldorf"
    assert "address in a meeting's location" in home.evidence[0]


def test_a_phone_in_their_signature_abroad_gives_london():
    signature = "Best,\nOliver Smith <oliver@smith-partners.com>\nPhone +44 20 7946 0958"
    finder = _finder(
        [
            _event(
                "c",
                5,
                "https://zoom.us/j/1",
                ["oliver@smith-partners.com"],
                signature,
                Mode.VIRTUAL,
            )
        ]
    )
    home = finder.home_of("oliver@smith-partners.com")
    assert home is not None and home.city == "London"
    assert "+44 20 7946 0958" in home.evidence[0]


def test_dial_in_numbers_far_from_their_name_do_not_count():
    text = "Join by phone: +49 69 3807 9883\n" + "x" * 400 + "\nanna@remote.example"
    finder = _finder([_event("d", 5, "", ["anna@remote.example"], text, Mode.VIRTUAL)])
    assert finder.home_of("anna@remote.example") is None


def test_a_foreign_email_domain_gives_its_main_city_only_as_a_country_guess():
    finder = _finder([])
    home = finder.home_of("pierre@conseil.fr")
    assert home is not None and home.city == "Paris" and home.country_only
    assert finder.home_of("max@firma.de") is None  # "somewhere in Germany" says nothing


def test_people_table_always_wins():
    items = [_event("a", 40, "Am Sandtorkai 50, 20457 Hamburg", ["jan@hafen.example"])]
    finder = _finder(items, people=[{"domain": "hafen.example", "city": "Bremen"}])
    home = finder.home_of("lena@hafen.example")
    assert home is not None and home.city == "Bremen" and home.configured
    assert "[[people]]" in home.evidence[0]


def test_people_entries_are_validated():
    import pytest

    from planner.config import from_mapping
    from planner.errors import ConfigError

    with pytest.raises(ConfigError, match=r"\[\[people\]\] #1"):
        from_mapping({"people": [{"email": "a@b.example"}]}, "config.toml")
    with pytest.raises(ConfigError, match="needs one key 'email', 'domain' or 'tag'"):
        from_mapping({"people": [{"city": "Bremen"}]}, "config.toml")
    config = from_mapping({"people": [{"email": "a@b.example", "city": "Bremen"}]}, "x")
    assert config.people[0]["city"] == "Bremen"


def test_a_national_number_in_their_signature_counts_in_the_users_country():
    signature = "Viele Grüße\nLena Hansen <lena@hafen.example>\nTel. 040 3099 1234"
    finder = _finder(
        [
            _event(
                "s",
                3,
                "https://teams.microsoft.com/l/1",
                ["lena@hafen.example"],
                signature,
                Mode.VIRTUAL,
            )
        ]
    )
    home = finder.home_of("lena@hafen.example")
    assert home is not None and home.city == "Hamburg"
    assert "+49 40 3099 1234" in home.evidence[0]


def test_the_dial_in_number_of_an_upcoming_call_with_them_alone_tells_their_country():
    """The demo's Priya Shah: one upcoming phone call, 'Phone: +44 20 …' as its place."""
    priya = "priya.shah@greenfield.example"
    call = _event("priya", -3, "Phone: +44 20 7946 0958", [priya], mode=Mode.PHONE)
    home = _finder([call]).home_of(priya)
    assert home is not None and home.city == "London"
    assert any("+44 20 7946 0958" in why for why in home.evidence)


def test_an_upcoming_meeting_in_person_says_nothing_of_where_they_are_based():
    """Neither that they were met there nor that its address is theirs: the place of a
    meeting yet to come is where they are to come to (the user may have booked it)."""
    later = _event("later", -3, "Jungfernstieg 7, 20354 Hamburg", ["kim@north.example"])
    assert _finder([later]).home_of("kim@north.example") is None


def test_an_organisations_meetings_are_looked_up_once_for_all_its_people():
    """Asking where each of an organisation's people lives reads its meetings for each of
    them, but looks each meeting's place up once (a geocoder may be on the network), and a
    place that is no one's concern is never looked up."""
    people = [f"p{n}@hafen.example" for n in range(30)]
    places = ["Am Sandtorkai 50, 20457 Hamburg", "Ballindamm 1, 20095 Hamburg", "Zoom"]
    items = [_event(f"m{n}", 10 + n, places[n % 3], [people[n % 30]]) for n in range(90)]
    items.append(_event("other", 5, "Marienplatz 1, 80331 München", ["x@elsewhere.example"]))
    finder = _finder(items)
    asked: list[str] = []
    locate = finder.locate
    finder.locate = lambda text: asked.append(text) or locate(text)  # type: ignore[method-assign]
    homes = [finder.home_of(person) for person in people]
    assert all(home is not None and home.city == "Hamburg" for home in homes)
    assert homes[0] is not None and "met in person at" in homes[0].evidence[0]
    assert homes[1] is not None and len(homes[1].evidence) == 4  # theirs and their colleagues'
    meetings = [t for t in asked if t != "Hamburg"]
    assert len(meetings) == 60  # each meeting with an address once (the Zoom ones: none)
    assert not any("München" in text for text in asked)  # nobody asked about that meeting


def test_a_meeting_in_the_users_town_by_another_name_is_one_they_may_have_come_to():
    """Home is "Munich" in the config and the calendar's address says "80539 München" (each
    named as written): the meeting is in the user's town all the same, weighed as one the
    counterpart may have travelled to, as when both say München."""
    where = "Ludwigstraße 8, 80539 München"
    for home in ("Munich", "München", "Leopoldstraße 10, 80802 München"):
        events = [_event("m", 30, where, ["eva@kunde.example"])]
        cfg = default_config(user={"email": ME.email, "home": home})
        finder = HomeFinder([e for e, _ in events], {e.key: m for e, m in events}, cfg,
                            Geocoder(cfg).locate, now=NOW)  # fmt: skip
        place = Geocoder(cfg).locate(where)
        assert place is not None and finder._in_home_city(place), home
    abroad = Geocoder(cfg).locate("Herrengasse 14, 1010 Wien")
    assert abroad is not None and not finder._in_home_city(abroad)


def test_a_big_organisations_meetings_are_read_for_each_of_its_people_only_so_far():
    """Each of 30 people of one organisation met daily for two years: each person's place is
    read from their own meetings and the organisation's latest (ORG_EVENTS), not from all of
    its 21,900 meetings again for each of them (the week's JSON asks for every counterpart)."""
    from planner.judge.homes import ORG_EVENTS

    people = [f"p{n}@hafen.example" for n in range(30)]
    items = sorted(  # by start, as the calendars are read
        (
            _event(f"{n}-{day}", day, "Am Sandtorkai 50, 20457 Hamburg", [person])
            for n, person in enumerate(people)
            for day in range(1, 731)
        ),
        key=lambda item: item[0].start,
    )
    finder = _finder(items)
    read = [finder.history[p] for p in finder._events_of(people[0])]
    assert len(read) == 730 + ORG_EVENTS  # their own, and the organisation's latest
    others = [e for e in read if e.attendees[1].email != people[0]]
    assert min(e.start for e in others) >= NOW - timedelta(days=ORG_EVENTS // 29 + 1)
    home = finder.home_of(people[0])
    assert home is not None and home.city == "Hamburg"


def test_an_organisations_meetings_are_read_once_for_all_its_people(monkeypatch):
    """Each of an organisation's people reads its meetings without them: what each meeting says
    is worked out once (3,000 people of 200 organisations cost 1.6 s, now 0.5 s), with the
    same answers as one by one."""
    from planner.judge import homes

    people = [f"p{n}@hafen.example" for n in range(6)]
    items = [
        _event(f"m{n}", 40 + n, "Am Sandtorkai 50, 20457 Hamburg", [people[n % 6]])
        for n in range(12)
    ]
    alone = {p: _finder(items).home_of(p) for p in people}  # each by a finder of its own
    days: list[object] = []
    day = homes.long_day
    monkeypatch.setattr(homes, "long_day", lambda d: days.append(d) or day(d))
    finder = _finder(items)
    assert {p: finder.home_of(p) for p in people} == alone
    assert all(h is not None and h.city == "Hamburg" for h in alone.values())
    assert len(days) == 12 + 12  # each meeting once as theirs, once as the organisation's
