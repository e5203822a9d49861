"""An address book's phone numbers count for where a counterpart is based
(:mod:`planner.judge.homes_book`; defect: a card's numbers were never read, so someone whose
card has only an office number in Paris was placed by the history alone): a landline's city is
an address-book place after the card's addresses, a mobile number abroad bounds the history to
its country, a number in the user's country with no city says nothing, a company card's number
counts for its people, and a copy of a book stored before numbers were kept is read again."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.config import SourceConfig, default_config
from planner.judge.home_city import BOOKED
from planner.judge.homes import HomeFinder
from planner.judge.homes_kept import KeptHomes
from planner.meet.geo import Geocoder
from planner.model import Attendee, Contact, Event, Mode, PostalAddress
from planner.people.books import add_books, contact_from_json, entry_of
from planner.people.directory import People
from planner.people.person import Source
from planner.store import Store

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 1, 9, tzinfo=TZ)
ME = Attendee("anna@berger.example", "Anna Berger")
LUC = "luc@seine.example"


def _lunch(where: str, who: str = LUC, days: int = 30) -> Event:
    start = NOW - timedelta(days=days)
    return Event(uid=f"{where}-{days}@test", title="Déjeuner", start=start,
                 end=start + timedelta(hours=1), location=where, organizer=ME,
                 attendees=(ME, Attendee(who)))  # fmt: skip


def _finder(events=(), book: People | None = None) -> HomeFinder:
    cfg = default_config(user={"email": ME.email, "name": ME.name, "home": "München"})
    modes = {e.key: Mode.IN_PERSON for e in events}
    return HomeFinder(list(events), modes, cfg, Geocoder(cfg).locate, now=NOW, people=book)


def _book(*phones: str, addresses: tuple[PostalAddress, ...] = ()) -> People:
    people = People()
    contact = Contact("l", "Luc Roux", (LUC,), "Seine Conseil", addresses, phones=phones)
    people.add(entry_of(contact, "Kontakte"))
    return people


@pytest.mark.parametrize(
    ("number", "city"),
    [
        ("+33 1 42 68 53 00", "Paris"),  # international
        ("0033 1 42 68 53 00", "Paris"),  # international with 00
        ("+44 (0)20 7946 0958", "London"),
        ("040 3099 1234", "Hamburg"),  # national: read in the user's country (Germany)
        ("(089) 12 34 56", "München"),
    ],
)
def test_a_landline_on_the_card_names_their_city(number, city):
    home = _finder(book=_book(number)).home_of(LUC)
    assert home is not None and home.city == city and home.source == BOOKED
    assert home.evidence == (f"phone number {number} in address book Kontakte",)


def test_a_cards_own_address_wins_over_its_number_which_stays_a_further_place():
    office = PostalAddress("Steindamm 17", "Hamburg", "", "20099", "Germany", "work")
    home = _finder(book=_book("+33 1 42 68 53 00", addresses=(office,))).home_of(LUC)
    assert home is not None and home.city == "Hamburg"
    (paris,) = home.others
    assert paris.city == "Paris" and "+33 1 42 68 53 00" in paris.evidence[0]


def test_a_number_written_nationally_is_read_in_the_cards_country():
    """``01 42 68 53 00`` on a card whose address is in France: Paris, not Germany's ``01``."""
    france = PostalAddress("", "", "", "", "France", "work")
    home = _finder(book=_book("01 42 68 53 00", addresses=(france,))).home_of(LUC)
    assert home is not None and home.city == "Paris" and not home.country_only
    assert "phone number +33 1 42 68 53 00 in address book Kontakte" in home.evidence


def test_a_mobile_number_abroad_bounds_the_history_to_its_country():
    """A card with a French mobile: lunches in Hamburg do not make them a Hamburger; their
    lunch in Lyon does. A mobile number in the user's country bounds nothing."""
    hamburg = [_lunch("Am Sandtorkai 50, 20457 Hamburg", days=d) for d in (20, 40)]
    home = _finder(hamburg, _book("+33 6 12 34 56 78")).home_of(LUC)
    assert home is not None and home.country_only and home.city == "Paris"
    assert "phone number +33 6 12 34 56 78 in address book Kontakte" in home.evidence
    lyon = _lunch("Place Bellecour 1, 69002 Lyon", days=60)
    home = _finder([*hamburg, lyon], _book("+33 6 12 34 56 78")).home_of(LUC)
    assert home is not None and home.city == "Lyon" and not home.country_only
    # a mobile number in the user's own country (Germany) says nothing new
    for number in ("+49 170 1234567", "0170 1234567"):
        home = _finder(hamburg, _book(number)).home_of(LUC)
        assert home is not None and home.city == "Hamburg"
        assert not any(number in why for why in home.evidence)


def test_a_company_cards_number_counts_for_its_people():
    people = People()
    people.add(entry_of(Contact("e", "Eva Stern", ("eva@thames.example",)), "Kontakte"))
    company = entry_of(
        Contact("t", "Thames Capital Ltd", ("info@thames.example",), "Thames Capital Ltd",
                phones=("+44 20 7946 0958",), is_organisation=True),
        "Kontakte",
    )  # fmt: skip
    people.add_organisation("thames.example", company.name, Source.ADDRESS_BOOK,
                            company.origin, phones=company.phones)  # fmt: skip
    home = _finder(book=people).home_of("eva@thames.example")
    assert home is not None and home.city == "London" and home.source == BOOKED
    assert "Thames Capital Ltd" in home.evidence[0] and "+44 20 7946 0958" in home.evidence[0]
    # her own card's number is hers: the company's is not read
    people.add(entry_of(Contact("e", "Eva Stern", ("eva@thames.example",),
                                phones=("+33 1 42 68 53 00",)), "Kontakte"))  # fmt: skip
    home = _finder(book=people).home_of("eva@thames.example")
    assert home is not None and home.city == "Paris" and not home.others


def test_a_kept_answer_is_worked_out_again_when_the_cards_number_changes(tmp_path):
    store = Store(tmp_path / "state.db")
    answers = []
    for number in ("+33 1 42 68 53 00", "+44 20 7946 0958"):
        finder = _finder(book=_book(number))
        finder.kept = KeptHomes.of(store, finder.config)
        home = finder.home_of(LUC)
        answers.append(home.city if home else "")
    assert answers == ["Paris", "London"]


def test_a_copy_stored_before_numbers_were_kept_is_read_and_then_read_again_whole(tmp_path):
    old = {"id": "l", "name": "Luc Roux", "emails": [LUC], "organisation": "", "addresses": [],
           "groups": [], "revision": None, "is_organisation": False}  # fmt: skip
    assert contact_from_json(old).phones == ()
    path = tmp_path / "kontakte.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Luc Roux\r\nN:Roux;Luc;;;\r\nEMAIL:luc@seine.example\r\n"
        "TEL;TYPE=work,voice:+33 1 42 68 53 00\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    cfg = replace(
        default_config(user={"email": ME.email, "home": "München"}),
        addressbooks=(SourceConfig("Kontakte", "vcard", {"path": str(path)}),),
    )
    store = Store(tmp_path / "state.db")
    add_books(People(), cfg, store, now=NOW)
    # as an earlier planner left it: the copy without numbers, at the schema's version 2
    with store.conn as conn:
        conn.execute("UPDATE addressbook_contacts SET data = ?", (json.dumps(old),))
        conn.execute("UPDATE schema_versions SET version = 2 WHERE name = 'addressbooks'")
    store.close()
    store = Store(tmp_path / "state.db")
    people = People()
    add_books(people, cfg, store, now=NOW + timedelta(hours=1))
    person = people.get(LUC)
    assert person is not None and person.phones == ("+33 1 42 68 53 00",)
    home = _finder(book=people).home_of(LUC)
    assert home is not None and home.city == "Paris"
