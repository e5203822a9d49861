"""A company's card is no person (defect: "Alpenbank AG" was listed and counted as a person
named after the company, in the people list, keeping in touch and the trips' "who is near").

Cards as the apps write companies: vCard 4 ``KIND:org`` (Nextcloud), Apple's
``X-ABShowAs:COMPANY``, and a card named only after its ``ORG`` with an empty ``N`` (Outlook,
Google Contacts, Android). A person's card with an ``ORG`` stays a person."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner.config import SourceConfig, default_config
from planner.people import People
from planner.people.books import add_books
from planner.store import Store
from providers.addressbooks.base import ProviderContext, create
from providers.addressbooks.google import _contact as google_contact
from providers.addressbooks.outlook import _contact as graph_contact

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 30, 8, tzinfo=TZ)

COMPANIES = {
    "apple": (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//macOS 14.4//EN\r\nN:;;;;\r\n"
        "FN:Alpenbank AG\r\nORG:Alpenbank AG;\r\n"
        "item1.EMAIL;type=INTERNET;type=pref:info@alpenbank.example\r\n"
        "item2.ADR;type=WORK:;;Schottengasse 6;Wien;;1010;Österreich\r\n"
        "X-ABShowAs:COMPANY\r\nUID:6B29FC40-CA47-1067-B31D-00DD010662DA\r\nEND:VCARD\r\n"
    ),
    "google": (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Spree & Partner\r\nN:;;;;\r\n"
        "EMAIL;TYPE=INTERNET;TYPE=WORK:kanzlei@spree.example\r\n"
        "ADR;TYPE=WORK:;;Friedrichstraße 100;Berlin;;10117;Deutschland\r\n"
        "ORG:Spree & Partner\r\nCATEGORIES:myContacts\r\nEND:VCARD\r\n"
    ),
    "outlook": (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN;LANGUAGE=de-de:;;;;\r\n"
        "FN;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Rhein M=F6bel AG\r\n"
        "ORG;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Rhein M=F6bel AG\r\n"
        "EMAIL;PREF;INTERNET:empfang@rhein.example\r\n"
        "ADR;WORK;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:;;Domkloster 4;K=F6ln;;50667;"
        "Deutschland\r\nREV:20261002T091500Z\r\nEND:VCARD\r\n"
    ),
    "nextcloud": (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nPRODID:-//Sabre//Sabre VObject 4.5.4//EN\r\n"
        "UID:3d1c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a\r\nKIND:org\r\nFN:Haven Rotterdam BV\r\n"
        "EMAIL;TYPE=work:info@haven.example\r\n"
        "ADR;TYPE=work:;;Wilhelminakade 1;Rotterdam;;3072 AP;Nederland\r\nEND:VCARD\r\n"
    ),
    "android": (
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:B=C3=A4ckerei Schmidt\r\n"
        "ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:B=C3=A4ckerei Schmidt\r\n"
        "EMAIL;WORK:laden@baeckerei-schmidt.example\r\nEND:VCARD\r\n"
    ),
}
NAMES = {
    "apple": "Alpenbank AG",
    "google": "Spree & Partner",
    "outlook": "Rhein Möbel AG",
    "nextcloud": "Haven Rotterdam BV",
    "android": "Bäckerei Schmidt",
}
PEOPLE = (
    # a person at a company: ORG, and a name of their own
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Huber;Stefan;;;\r\nFN:Stefan Huber\r\n"
    "ORG:Alpenbank AG;Treasury\r\nEMAIL;type=INTERNET:stefan.huber@alpenbank.example\r\n"
    "END:VCARD\r\n"
    # a sole trader whose company bears her name: a given name makes her a person
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Schmidt;Anna;;;\r\nFN:Anna Schmidt\r\nORG:Anna Schmidt\r\n"
    "EMAIL:anna@schmidt-beratung.example\r\nEND:VCARD\r\n"
    # a person at a company whose address book says nothing but the address
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:jan@rhein.example\r\n"
    "EMAIL:jan@rhein.example\r\nEND:VCARD\r\n"
)


def read(path: Path) -> list:
    context = ProviderContext(tz=TZ, warn=lambda line: None)
    return list(create(SourceConfig("b", "vcard", {"path": str(path)}), context).contacts())


@pytest.mark.parametrize("vendor", sorted(COMPANIES))
def test_a_company_card_is_an_organisation(tmp_path, vendor):
    path = tmp_path / "export.vcf"
    path.write_text(COMPANIES[vendor] + PEOPLE, encoding="utf-8")
    found = {c.name: c.is_organisation for c in read(path)}
    assert found == {
        NAMES[vendor]: True,
        "Stefan Huber": False,
        "Anna Schmidt": False,
        "jan@rhein.example": False,
    }


@pytest.mark.parametrize("vendor", sorted(COMPANIES))
def test_an_organisation_is_no_person_but_names_its_domain(tmp_path, vendor):
    path = tmp_path / "export.vcf"
    path.write_text(COMPANIES[vendor] + PEOPLE, encoding="utf-8")
    cfg = replace(
        default_config(), addressbooks=(SourceConfig("kontakte", "vcard", {"path": str(path)}),)
    )
    people = People()
    books = add_books(people, cfg, Store(":memory:"), now=NOW)
    (company,) = [c for _b, c in books.contacts() if c.is_organisation]
    address = company.emails[0]
    assert people.get(address) is None  # no person named after the company
    assert NAMES[vendor] not in {p.name for p in people}
    assert len(people) == 3
    status = books.status[0]
    assert (status.contacts, status.organisations) == (3, 1)
    # whoever writes from its domain is of that organisation (unless they name their own)
    domain = address.partition("@")[2]
    assert people.organisation_of(f"someone@{domain}") == NAMES[vendor]
    assert people.organisation_of("stefan.huber@alpenbank.example") == "Alpenbank AG"


def test_a_company_at_a_public_mail_service_names_no_domain(tmp_path):
    path = tmp_path / "export.vcf"
    path.write_text(
        COMPANIES["google"].replace("kanzlei@spree.example", "spree.partner@gmail.com"),
        encoding="utf-8",
    )
    cfg = replace(
        default_config(), addressbooks=(SourceConfig("kontakte", "vcard", {"path": str(path)}),)
    )
    people = People()
    add_books(people, cfg, Store(":memory:"), now=NOW)
    assert people.organisation_of("someone@gmail.com") == ""
    assert people.get("spree.partner@gmail.com") is None


def test_google_and_outlook_companies_are_organisations():
    """The People API keeps a company without ``names``; Graph with a ``companyName`` and no
    ``givenName``/``surname`` (its ``displayName`` the company's)."""
    company = google_contact(
        {
            "resourceName": "people/c1",
            "organizations": [{"name": "Rhein Möbel AG", "metadata": {"primary": True}}],
            "emailAddresses": [{"value": "empfang@rhein.example"}],
        },
        {},
    )
    assert company.is_organisation and company.name == "Rhein Möbel AG"
    person = google_contact(
        {
            "resourceName": "people/c2",
            "names": [{"displayName": "Kim Schäfer", "givenName": "Kim", "familyName": "Schäfer"}],
            "organizations": [{"name": "Rhein Möbel AG"}],
            "emailAddresses": [{"value": "kim@rhein.example"}],
        },
        {},
    )
    assert not person.is_organisation
    graph = graph_contact(
        {"id": "1", "displayName": "Rhein Möbel AG", "companyName": "Rhein Möbel AG",
         "emailAddresses": [{"address": "empfang@rhein.example"}]}
    )  # fmt: skip
    assert graph.is_organisation
    graph_person = graph_contact(
        {"id": "2", "displayName": "Kim Schäfer", "givenName": "Kim", "surname": "Schäfer",
         "companyName": "Rhein Möbel AG"}
    )  # fmt: skip
    assert not graph_person.is_organisation


def test_the_people_list_leaves_a_company_out(tmp_path, monkeypatch):
    from tests.flows.touch_scenario import write_home

    config = write_home(tmp_path / "files", now=datetime.now(TZ))
    book = config.parent / "contacts.vcf"
    book.write_text(book.read_text(encoding="utf-8") + COMPANIES["apple"], encoding="utf-8")
    monkeypatch.setenv("PLANNER_CONFIG", str(config))
    result = CliRunner().invoke(
        main_command(), ["people", "--all", "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "Alpenbank AG" not in {r["name"] for r in data["people"]}
    assert "info@alpenbank.example" not in {r["email"] for r in data["people"]}
    (status,) = data["address_books"]
    assert (status["contacts"], status["organisations"]) == (3, 1)


def main_command():
    from planner.cli import main

    return main


CITIES = {"apple": "Wien", "google": "Berlin", "outlook": "Köln", "nextcloud": "Rotterdam"}


@pytest.mark.parametrize("vendor", sorted(CITIES))
def test_a_company_cards_address_is_where_its_people_work(tmp_path, vendor):
    """Someone of a company whose own card names no place (or who has no card) works at the
    company card's address; a card of their own with a place wins (QA: the organisation's
    address was not used for its people)."""
    from planner.judge.homes import BOOKED, HomeFinder
    from planner.meet.geo import Geocoder

    path = tmp_path / "export.vcf"
    own = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lenz;Eva;;;\r\nFN:Eva Lenz\r\nEMAIL:eva@{domain}\r\n"
        "ADR;TYPE=WORK:;;Am Sandtorkai 50;Hamburg;;20457;Deutschland\r\nEND:VCARD\r\n"
    )
    company = COMPANIES[vendor]
    domain = next(line for line in company.split("\r\n") if "EMAIL" in line).rpartition("@")[2]
    path.write_text(company + PEOPLE + own.format(domain=domain), encoding="utf-8")
    cfg = replace(
        default_config(user={"email": "me@mycorp.example", "home": "München"}),
        addressbooks=(SourceConfig("kontakte", "vcard", {"path": str(path)}),),
    )
    people = People()
    add_books(people, cfg, Store(":memory:"), now=NOW)
    finder = HomeFinder([], {}, cfg, Geocoder(cfg).locate, now=NOW, people=people)
    for who in (f"someone@{domain}", f"jan@sub.{domain}"):  # no card; a subdomain
        home = finder.home_of(who)
        assert home is not None and home.city == CITIES[vendor] and home.source == BOOKED
        assert NAMES[vendor] in home.evidence[0] and "kontakte" in home.evidence[0]
    assert finder.home_of(f"eva@{domain}").city == "Hamburg"  # her own card's


def test_a_company_card_without_an_address_places_nobody(tmp_path):
    from planner.judge.homes import HomeFinder
    from planner.meet.geo import Geocoder

    path = tmp_path / "export.vcf"
    path.write_text(COMPANIES["android"], encoding="utf-8")
    cfg = replace(
        default_config(), addressbooks=(SourceConfig("kontakte", "vcard", {"path": str(path)}),)
    )
    people = People()
    add_books(people, cfg, Store(":memory:"), now=NOW)
    finder = HomeFinder([], {}, cfg, Geocoder(cfg).locate, now=NOW, people=people)
    assert finder.home_of("laden@baeckerei-schmidt.example") is None
