"""Names and organisations from signatures in meeting descriptions, in German, English and
French; nothing from agendas, join instructions or greetings."""

from __future__ import annotations

import pytest

from planner.people.signatures import Signed, signed

BAUWERK = "Bauwerk Planung GmbH & Co. KG"
SGC = "Société Générale de Conseil SAS"
CASES = [
    (
        "Best,\nOliver Smith <oliver@smith-partners.com>\nSmith & Partners Ltd\n"
        "Phone +44 20 7946 0958",
        [Signed("oliver@smith-partners.com", "Oliver Smith", "Smith & Partners Ltd")],
    ),
    (
        "Mit freundlichen Grüßen\n\nDr. Jürgen Müller\nGeschäftsführer\n"
        f"juergen.mueller@bauwerk.example\n{BAUWERK}\nTel. 089 123456",
        [Signed("juergen.mueller@bauwerk.example", "Dr. Jürgen Müller", BAUWERK)],
    ),
    (
        f"Cordialement,\nFrançois Dupont\nE-mail : francois.dupont@societe.example\n{SGC}",
        [Signed("francois.dupont@societe.example", "François Dupont", SGC)],
    ),
    (
        "Von: Anna Berger <anna@berger-consulting.example>\nAn: Tom Berg <tom@alpenblick.example>, "
        "\"Graf, Nina\" <nina@alpenblick.example>",
        [
            Signed("anna@berger-consulting.example", "Anna Berger"),
            Signed("tom@alpenblick.example", "Tom Berg"),
            Signed("nina@alpenblick.example", "Graf, Nina"),
        ],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_signatures(text, expected):
    assert list(signed(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Join: Microsoft Teams <https://teams.microsoft.com/l/meetup-join/19%3a…>",
        "Agenda\n1. Budget\n2. Questions to office@acme.example",
        "Viele Grüße\nsupport@acme.example",  # a greeting is no name
        "Thomas Weber\nsales@acme.example",  # the address does not hold the name
        "Kind regards <kr@acme.example>",
        "Rückfragen an: 2026 Planung <plan@acme.example>",
    ],
)
def test_nothing_that_is_no_person(text):
    assert list(signed(text)) == []
