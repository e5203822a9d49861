"""Every spelling of one address compares equal: Unicode, punycode, percent-encoded mailto:,
case of the domain (and of the local part, as mail services treat it); distinct addresses stay
distinct (``ß`` is not ``ss`` under IDNA 2008)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.people.addresses import address_key, bare, domain_of, is_email, mailto, same_address

SPELLINGS = {
    "jürgen@bücher.example": [
        "jürgen@bücher.example",
        "Jürgen@Bücher.Example",
        "jürgen@xn--bcher-kva.example",
        "JÜRGEN@XN--BCHER-KVA.EXAMPLE",
        "mailto:j%C3%BCrgen@xn--bcher-kva.example",
        "MAILTO:j%c3%bcrgen@bücher.example",
        "<jürgen@bücher.example>",
        "ju\u0308rgen@bu\u0308cher.example",  # decomposed (NFD) umlauts
    ],
    "françois@société.example": [
        "François@SOCIÉTÉ.example",
        "mailto:fran%C3%A7ois@xn--socit-esab.example",
        "françois@xn--socit-esab.example",
    ],
    "用户@例子.广告": ["用户@例子.广告", "mailto:%E7%94%A8%E6%88%B7@xn--fsqu00a.xn--4rr70v"],
    "anna.berger@acme.example": ["Anna.Berger@ACME.example", "mailto:anna.berger@acme.example"],
    "kontakt@straße.example": ["kontakt@xn--strae-oqa.example", "Kontakt@Straße.example"],
}


@pytest.mark.parametrize(
    ("key", "spelling"), [(k, s) for k, spellings in SPELLINGS.items() for s in spellings]
)
def test_every_spelling_has_the_same_key(key, spelling):
    assert address_key(spelling) == key


def test_distinct_addresses_stay_distinct():
    keys = {address_key(k) for k in SPELLINGS} | {address_key("kontakt@strasse.example")}
    assert len(keys) == len(SPELLINGS) + 1


def test_an_ascii_address_keeps_its_old_key_in_lower_case():
    assert address_key(" Bob@Example.COM ") == "bob@example.com"


def test_bare_is_the_address_as_a_person_writes_it():
    assert bare("mailto:j%C3%BCrgen@xn--bcher-kva.example") == "jürgen@bücher.example"
    assert bare("Bob@Example.com") == "Bob@Example.com"
    assert domain_of("X@XN--BCHER-KVA.example") == "bücher.example"


@given(
    local=st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüéß0123456789._-", min_size=1, max_size=12),
    domain=st.sampled_from(["bücher.example", "acme.example", "société.fr", "例子.广告"]),
)
def test_the_mailto_form_and_the_unicode_form_are_the_same_address(local, domain):
    address = f"{local}@{domain}"
    if not is_email(address):
        return
    assert same_address(mailto(address), address)
    assert same_address(address.upper(), address) or "ß" in address  # "ß".upper() is "SS"
