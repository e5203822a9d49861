"""Display names as calendars hand them over, and ``Name <address>`` as people type it."""

from __future__ import annotations

import pytest

from planner.people.names import clean_name, format_mailbox, parse_mailbox


@pytest.mark.parametrize(
    ("name", "address", "expected"),
    [
        ("Anna Berger", "anna@acme.example", "Anna Berger"),
        ('"Anna Berger"', "anna@acme.example", "Anna Berger"),  # Outlook quotes it
        ("anna@acme.example", "anna@acme.example", ""),  # Graph: the address as name
        ("ANNA@ACME.EXAMPLE", "anna@acme.example", ""),
        ("anna", "anna@acme.example", ""),  # the local part is no name
        ("jürgen@xn--bcher-kva.example", "jürgen@bücher.example", ""),
        ("Peters, Jonas", "jonas@nordlicht.example", "Peters, Jonas"),
        ("  Dr.  Katrin\nHofmann ", "k@h.example", "Dr. Katrin Hofmann"),
        ("„Jürgen Müller“", "j@b.example", "Jürgen Müller"),
        ("---", "j@b.example", ""),
        ('Anna "Nan" Berger', "anna@acme.example", 'Anna "Nan" Berger'),
    ],
)
def test_clean_name(name, address, expected):
    assert clean_name(name, address) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna Berger <anna@acme.example>", ("Anna Berger", "anna@acme.example")),
        ('"Berger, Anna" <anna@acme.example>', ("Berger, Anna", "anna@acme.example")),
        (r'"Anna \"Nan\" Berger" <anna@acme.example>', ('Anna "Nan" Berger', "anna@acme.example")),
        ("Jürgen Müller <jürgen@bücher.example>", ("Jürgen Müller", "jürgen@bücher.example")),
        ("François Dupont<f@société.example>", ("François Dupont", "f@société.example")),
        ("anna@acme.example", ("", "anna@acme.example")),
        ("<anna@acme.example>", ("", "anna@acme.example")),
    ],
)
def test_parse_mailbox(text, expected):
    assert parse_mailbox(text) == expected


@pytest.mark.parametrize(
    "name", ["Anna Berger", "Berger, Anna", 'Anna "Nan" Berger', "Jürgen Müller", "O'Neil \\ Co"]
)
def test_format_and_parse_are_inverse(name):
    assert parse_mailbox(format_mailbox(name, "a@b.example")) == (name, "a@b.example")
