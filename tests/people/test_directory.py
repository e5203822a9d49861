"""One notion of a person: each field chosen by source (config > address book > calendar >
signature), then the most recent sighting, then the most frequent; every spelling of an address
is the same person; organisations named per domain."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from planner.config import from_mapping
from planner.model import Attendee, Event
from planner.people import Entry, People, Source
from planner.people.sources import people_for

T0 = datetime(2026, 3, 2, 10, tzinfo=UTC)


def meeting(*people: Attendee, days: int = 0, description: str = "", calendar: str = "Work"):
    start = T0 + timedelta(days=days)
    return Event(
        uid=f"m{days}",
        title="Meeting",
        start=start,
        end=start + timedelta(hours=1),
        organizer=Attendee("me@mycorp.example", "Me"),
        attendees=people,
        description=description,
        calendar=calendar,
    )


def config(**data):
    base = {"user": {"email": "me@mycorp.example", "name": "Uta User", "timezone": "UTC"}}
    return from_mapping({**base, **data}, "<test>")


def test_the_calendar_name_is_the_most_recent_one():
    people = people_for(events=[
        meeting(Attendee("jonas@nordlicht.example", "Peters, Jonas"), days=0),
        meeting(Attendee("jonas@nordlicht.example", "Jonas Peters"), days=5),
        meeting(Attendee("jonas@nordlicht.example", "jonas@nordlicht.example"), days=9),
    ])  # fmt: skip
    assert people.name_of("Jonas@Nordlicht.example") == "Jonas Peters"
    assert people.get("jonas@nordlicht.example").origin("name") == "calendar Work"


def test_the_config_wins_over_calendars_and_signatures():
    jonas = {"email": "jonas@nordlicht.example", "name": "Dr. Jonas Peters"}
    cfg = config(people=[{**jonas, "organisation": "Nordlicht Logistik GmbH", "city": "Hamburg"}])
    people = people_for(cfg, [meeting(Attendee("jonas@nordlicht.example", "Jonas P."), days=30)])
    person = people.get("JONAS@nordlicht.example")
    assert (person.name, person.organisation, person.city) == (
        "Dr. Jonas Peters", "Nordlicht Logistik GmbH", "Hamburg"
    )  # fmt: skip
    assert person.origin("name") == "[[people]] #1"


def test_an_address_book_ranks_between_config_and_calendar():
    people = people_for(events=[meeting(Attendee("lea@hafen.example", "Lea"), days=40)])
    people.add(Entry(("lea@hafen.example",), Source.ADDRESS_BOOK, name="Lea Hansen"))
    assert people.name_of("lea@hafen.example") == "Lea Hansen"
    people.add(Entry(("lea@hafen.example",), Source.CONFIG, name="Dr. Lea Hansen"))
    assert people.name_of("lea@hafen.example") == "Dr. Lea Hansen"


def test_a_signature_names_someone_the_calendar_does_not():
    signature = "Viele Grüße\nLena Hansen <lena@hafen.example>\nHafenlogistik GmbH\nTel. 040 1"
    people = people_for(events=[meeting(Attendee("lena@hafen.example"), description=signature)])
    person = people.get("lena@hafen.example")
    assert (person.name, person.organisation) == ("Lena Hansen", "Hafenlogistik GmbH")
    assert people.organisation_name("hafen.example") == "Hafenlogistik GmbH"
    # a calendar name beats the signature
    people.add(Entry(("lena@hafen.example",), Source.CALENDAR, name="Lena H. Hansen"))
    assert people.name_of("lena@hafen.example") == "Lena H. Hansen"


def test_every_spelling_of_an_address_is_one_person():
    people = People()
    people.add(Entry(("jürgen@bücher.example",), Source.CALENDAR, name="Jürgen Buch"))
    people.add(Entry(("mailto:J%C3%BCrgen@XN--BCHER-KVA.example",), Source.CALENDAR))
    assert len(people) == 1
    assert people.label("jürgen@xn--bcher-kva.example") == "Jürgen Buch"


def test_one_entry_with_two_addresses_joins_two_known_people():
    people = People()
    people.add(Entry(("a@acme.example",), Source.CALENDAR, name="Anna"))
    people.add(Entry(("anna@gmail.com",), Source.CALENDAR, organisation="ACME AG"))
    assert len(people) == 2
    people.add(Entry(("A@acme.example", "Anna@gmail.com"), Source.ADDRESS_BOOK, name="Anna B."))
    assert len(people) == 1
    person = people.get("anna@gmail.com")
    assert (person.name, person.organisation) == ("Anna B.", "ACME AG")
    assert set(person.addresses) == {"a@acme.example", "anna@gmail.com"}


def test_the_organisation_of_a_domain_and_its_subdomains():
    cfg = config(people=[{"domain": "nordlicht.example", "organisation": "Nordlicht Logistik"}])
    people = people_for(cfg)
    assert people.organisation_name("hh.nordlicht.example") == "Nordlicht Logistik"
    assert people.organisation_of("jonas@hh.nordlicht.example") == "Nordlicht Logistik"
    assert people.organisation_name("other.example") == ""


def test_labels_fall_back_to_the_given_name_then_the_address():
    people = People()
    assert people.label("anna@acme.example", "Anna Berger") == "Anna Berger"
    assert people.label("anna@acme.example", "anna@acme.example") == "anna@acme.example"
    assert people.label("mailto:j%C3%BCrgen@xn--bcher-kva.example") == "jürgen@bücher.example"


def test_rooms_and_resources_are_no_people():
    room = Attendee("room-isar@mycorp.example", "Konferenzraum Isar", is_resource=True)
    people = people_for(events=[meeting(room, Attendee("noreply@tool.example", "Tool"))])
    assert people.get("room-isar@mycorp.example") is None
    assert people.get("noreply@tool.example") is None


def test_the_users_own_name_comes_from_the_config():
    assert people_for(config()).name_of("Me@MyCorp.example") == "Uta User"


def test_a_people_table_needs_something_to_say():
    import pytest

    from planner.errors import ConfigError

    with pytest.raises(ConfigError, match="needs a key 'name', 'organisation', 'city'"):
        config(people=[{"email": "lena@hafen.example"}])
    assert config(people=[{"email": "lena@hafen.example", "name": "Lena"}]).people


def test_whom_a_meeting_is_with_reads_as_names():
    from planner.judge.directory import Directory

    cfg = config(people=[{"domain": "nordlicht.example", "organisation": "Nordlicht Logistik"}])
    jonas = Attendee("jonas@nordlicht.example", "Jonas Peters")
    kim = Attendee("kim@nordlicht.example", "kim@nordlicht.example")  # no name known
    fritz = Attendee("fritz@gmail.com", "Fritz Frei")
    directory = Directory(cfg, people=people_for(cfg, [meeting(jonas, kim, fritz)]))
    units = {directory.unit(p.email) for p in (jonas, kim, fritz)}
    assert units == {"nordlicht.example", "fritz@gmail.com"}
    assert (
        directory.who(units, (jonas, kim, fritz)) == "Fritz Frei, Jonas Peters (Nordlicht Logistik)"
    )
    assert directory.who(["nordlicht.example"]) == "Nordlicht Logistik"
    assert directory.who(["other.example"]) == "other.example"
    assert directory.is_user("ME@MYCORP.EXAMPLE") and directory.is_user("mailto:me@mycorp.example")


def test_whom_a_meeting_is_with_follows_what_the_people_table_learns():
    """Directory.who is remembered for the same units and people, and said afresh once the
    people table learns a name or an organisation (a week asks for the same counterparts
    again and again, an address book may name them meanwhile)."""
    from planner.judge.directory import Directory

    cfg = config()
    kim = Attendee("kim@hafen.example", "kim@hafen.example")
    directory = Directory(cfg, people=people_for(cfg, [meeting(kim)]))
    units = [directory.unit(kim.email)]
    assert directory.who(units, (kim,)) == "hafen.example"
    assert directory.who(units, (kim,)) == "hafen.example"
    directory.people.add_organisation("hafen.example", "Hafen AG", Source.CONFIG)
    assert directory.who(units, (kim,)) == "Hafen AG"  # no name known for kim yet
    directory.people.add(Entry(("kim@hafen.example",), Source.CONFIG, name="Kim Lund"))
    assert directory.who(units, (kim,)) == "Kim Lund (Hafen AG)"
    other = Attendee("kim@hafen.example", "Kim L.")  # another person object: asked afresh
    assert directory.who(units, (other,)) == "Kim Lund (Hafen AG)"


def test_names_learned_at_once_are_those_learned_one_meeting_at_a_time():
    """learn_names takes each address and name once, with its latest start and how often: the
    directory says what one entry per meeting would say (names that change, that tie, in
    several spellings and scripts, seen out of order)."""
    import random

    from planner.people.sources import learn_names

    names = {
        "jo@kunde.example": ["Jo Meier", "Johanna Meier", "jo meier"],
        "JO@Kunde.Example": ["Johanna Meier"],
        "zoe@client.example": ["Zoë Dupont", "Zoe Dupont"],
        "li@shop.example": ["李 雷", "Li Lei"],
        "nn@x.example": [""],
    }
    rng = random.Random(31)
    sightings = []
    for _ in range(400):
        start = T0 + timedelta(hours=rng.randrange(2000))
        pairs = [(a, rng.choice(ns)) for a, ns in names.items() if rng.random() < 0.6]
        sightings.append((start, tuple(pairs)))
    one_by_one, at_once = People(), People()
    for start, pairs in sightings:
        for address, name in pairs:
            if name:
                one_by_one.add(Entry((address,), Source.CALENDAR, name=name, seen=start))
    learn_names(at_once, sightings)
    assert at_once._claims == one_by_one._claims and at_once._ids == one_by_one._ids
    for address in names:
        assert at_once.describe(address) == one_by_one.describe(address)
    assert at_once.describe("jo@kunde.example")["name"]  # something was learned


@pytest.mark.parametrize(
    ("books", "city"),
    [(("København", "Aarhus C"), "København"), (("Aarhus C", "København"), "Aarhus C")],
)
def test_two_address_books_that_disagree_the_first_in_the_config_wins(books, city):
    """Mette in two address books with different work towns and no revision dates (QA of
    address books): the book listed first in the config is the user's word, not the town whose
    name sorts last."""
    people = People()
    for number, town in enumerate(books, 1):
        people.add(Entry(("mette@nordisk.example",), Source.ADDRESS_BOOK, city=town,
                         origin=f"address book {number}"))  # fmt: skip
    person = people.get("mette@nordisk.example")
    assert person is not None and person.city == city
