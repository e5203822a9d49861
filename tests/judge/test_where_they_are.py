"""Where a counterpart lives or works is one answer with its evidence
(:class:`planner.judge.homes.HomeFinder`): the config, the address book, then the signatures,
phone numbers and addresses of the calendar history, in German, British, French, US and Swiss
forms; conflicting hints keep every place, and no hint invents none."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.config import default_config
from planner.judge.homes import HomeFinder
from planner.meet.geo import Geocoder
from planner.model import Attendee, Contact, Event, Mode, PostalAddress
from planner.people.books import entry_of
from planner.people.directory import People
from planner.people.phones import phone_city

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 1, 9, tzinfo=TZ)
ME = Attendee("anna@berger.example", "Anna Berger")


def _call(title: str, who: Attendee, description: str = "", location: str = "", days: int = 5):
    start = NOW - timedelta(days=days)
    return Event(
        uid=f"{title}@test",
        title=title,
        start=start,
        end=start + timedelta(hours=1),
        location=location or "https://zoom.us/j/1",
        description=description,
        organizer=ME,
        attendees=(ME, who),
    )


def _finder(events=(), book: People | None = None, **config) -> HomeFinder:
    cfg = default_config(user={"email": ME.email, "name": ME.name, "home": "München"}, **config)
    modes = {e.key: Mode.VIRTUAL for e in events}
    return HomeFinder(list(events), modes, cfg, Geocoder(cfg).locate, now=NOW, people=book)


@pytest.mark.parametrize(
    ("signature", "city", "evidence"),
    [
        # German: the number above the address, as signatures are written
        (
            "Viele Grüße\nPeter Jensen\nHanse Werft GmbH\nTel. +49 40 1234 5678\n"
            "peter@werft.example",
            "Hamburg",
            "+49 40 1234 5678",
        ),
        # German, national number in the user's country
        ("Beste Grüße\nPeter Jensen\nFon: 0221 987654\npeter@werft.example", "Köln", "+49 221"),
        # British: Manchester's area code
        (
            "Kind regards,\nPeter Jensen | Director\nT: +44 161 496 0000\npeter@werft.example",
            "Manchester",
            "+44 161 496 0000",
        ),
        # French: the number and the address
        (
            "Cordialement,\nPeter Jensen\n12 rue de la Paix, 75002 Paris\n"
            "Tél. : +33 1 42 68 53 00\npeter@werft.example",
            "Paris",
            "75002 Paris",
        ),
        # US: an address with state and ZIP, and a number of another area
        (
            "Best,\nPeter Jensen\n600 Congress Ave, Austin, TX 78701\npeter@werft.example",
            "Austin",
            "Austin, TX 78701",
        ),
        (
            "Thanks,\nPeter Jensen\nCell +1 (415) 555-0100\npeter@werft.example",
            "San Francisco",
            "+1 (415) 555-0100",
        ),  # fmt: skip
        # Swiss: Zürich's new area code, and an address in Geneva
        (
            "Freundliche Grüsse\nPeter Jensen\n+41 43 555 12 34\npeter@werft.example",
            "Zürich",
            "+41 43 555 12 34",
        ),  # fmt: skip
        (
            "Meilleures salutations\nPeter Jensen\nRue du Rhône 8, 1204 Genève\n"
            "peter@werft.example",
            "Genève",
            "1204 Genève",
        ),
    ],
)
def test_a_signature_names_the_city_with_its_evidence(signature, city, evidence):
    peter = Attendee("peter@werft.example", "Peter Jensen")
    home = _finder([_call("Kick-off", peter, signature)]).home_of("peter@werft.example")
    assert home is not None and home.city == city and not home.country_only
    assert evidence in home.evidence[0] and "'Kick-off'" in home.evidence[0]


def test_phone_area_codes_of_several_countries():
    assert phone_city("+49 40 3099 1234") == ("Hamburg", "DE")
    assert phone_city("+33 1 42 68 53 00") == ("Paris", "FR")
    assert phone_city("+33 4 72 00 00 00") == ("Lyon", "FR")
    assert phone_city("+41 22 555 00 00") == ("Genève", "CH")
    assert phone_city("+1 212 555 0100") == ("New York City", "US")
    assert phone_city("+44 131 496 0000") == ("Edinburgh", "GB")
    assert phone_city("+49 171 2345678") == ("", "DE")  # a mobile number: the country only


def test_someone_elses_number_in_the_same_description_is_not_theirs():
    text = (
        "Teilnehmer:\nPeter Jensen <peter@werft.example>\n\n"
        "Rückfragen an Maria Schulz <maria@agentur.example>\nTel. +49 211 1234567\n\n"
        "Einwahl: +49 30 5678 1234, Konferenz-ID 123"
    )
    maria = Attendee("maria@agentur.example", "Maria Schulz")
    peter = Attendee("peter@werft.example", "Peter Jensen")
    event = Event(
        uid="w@test", title="Workshop", start=NOW - timedelta(days=2),
        end=NOW - timedelta(days=2, hours=-1), location="https://teams.microsoft.com/l/1",
        description=text, organizer=ME, attendees=(ME, peter, maria),
    )  # fmt: skip
    finder = _finder([event])
    assert finder.home_of("peter@werft.example") is None
    maria_home = finder.home_of("maria@agentur.example")
    assert maria_home is not None and maria_home.city == "Düsseldorf"


def _book(*addresses: PostalAddress) -> People:
    people = People()
    contact = Contact("p", "Peter Jensen", ("peter@werft.example",), "Hanse Werft", addresses)
    people.add(entry_of(contact, "Kontakte"))
    return people


def test_an_address_book_address_is_the_answer_with_its_book():
    people = _book(PostalAddress("Steindamm 17", "Hamburg", "", "20099", "Germany", "work"))
    home = _finder(book=people).home_of("peter@werft.example")
    assert home is not None and home.city == "Hamburg" and home.geo is not None
    assert "address book Kontakte" in home.evidence[0] and "20099" in home.evidence[0]


def test_home_and_office_in_the_address_book_keep_both_the_office_first():
    people = _book(
        PostalAddress("Am Kai 3", "Lübeck", "", "23552", "Germany", "home"),
        PostalAddress("Steindamm 17", "Hamburg", "", "20099", "Germany", "work"),
    )
    home = _finder(book=people).home_of("peter@werft.example")
    assert home is not None and [p.city for p in home.places] == ["Hamburg", "Lübeck"]


def test_an_address_book_and_a_signature_that_disagree_keep_both_the_book_first():
    people = _book(PostalAddress("Friedrichstraße 100", "Berlin", "", "10117", "Germany", "home"))
    peter = Attendee("peter@werft.example", "Peter Jensen")
    signature = "Gruß\nPeter Jensen\nTel. +49 40 1234 5678\npeter@werft.example"
    home = _finder([_call("Kick-off", peter, signature)], people).home_of("peter@werft.example")
    assert home is not None and home.city == "Berlin"
    (office,) = home.others
    assert office.city == "Hamburg" and "+49 40 1234 5678" in office.evidence[0]


def test_the_config_wins_over_the_address_book_which_stays_a_further_place():
    people = _book(PostalAddress("Steindamm 17", "Hamburg", "", "20099", "Germany", "work"))
    config = {"people": [{"email": "peter@werft.example", "city": "Bremen"}]}
    home = _finder(book=people, **config).home_of("peter@werft.example")
    assert home is not None and home.city == "Bremen" and home.configured
    assert [p.city for p in home.others] == ["Hamburg"]


def test_agreeing_hints_are_one_place_with_all_their_evidence():
    people = _book(PostalAddress("Steindamm 17", "Hamburg", "", "20099", "Germany", "work"))
    peter = Attendee("peter@werft.example", "Peter Jensen")
    signature = "Gruß\nPeter Jensen\nTel. +49 40 1234 5678\npeter@werft.example"
    home = _finder([_call("Kick-off", peter, signature)], people).home_of("peter@werft.example")
    assert home is not None and home.city == "Hamburg" and home.others == ()
    assert len(home.evidence) == 2 and "+49 40" in home.evidence[1]


def test_no_hint_invents_no_city():
    nobody = Attendee("sam@startup.example", "Sam Doe")
    finder = _finder([_call("Intro", nobody, "Hi Sam,\nlooking forward.\nAnna")])
    assert finder.home_of("sam@startup.example") is None


@pytest.mark.parametrize(
    ("address", "town"),
    [
        (PostalAddress("Seestrasse 100", "Küsnacht", "ZH", "8700", "Schweiz", "home"), "Küsnacht"),
        (PostalAddress("Hauptplatz 1", "Horn", "", "3580", "Österreich", "work"), "Horn"),
        (PostalAddress("Dorfstraße 3", "Hausham", "", "83734", "Germany", "home"), "Hausham"),
        (PostalAddress("1 Mill Lane", "Little Snoring", "", "NR21 0JB", "UK", "home"),
         "Little Snoring"),
    ],
)  # fmt: skip
def test_an_address_book_address_no_offline_look_up_finds_is_said_not_dropped(address, town):
    """A village the offline gazetteer does not list: the address book's address is kept as
    a further place with its evidence, "not located offline", after every located one (the
    meetings' city stays the answer: it can be located); alone, it is the answer."""
    peter = Attendee("peter@werft.example", "Peter Jensen")
    met = _call("Termin", peter, location="Bahnhofstrasse 45, 8001 Zürich")
    home = _finder([met], _book(address)).home_of("peter@werft.example")
    assert home is not None and home.geo is not None and home.city != town
    (village,) = [p for p in home.others if p.city == town]
    assert village.geo is None and "not located offline" in village.evidence[0]
    alone = _finder(book=_book(address)).home_of("peter@werft.example")
    assert alone is not None and alone.city == town and alone.geo is None
    assert alone.places == ()  # no place to measure a way to
