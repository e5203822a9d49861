"""Text zones: the blocks tools and vendors append are told from what a person wrote, by their
structure, in German, English and French; the location splits into place, address, room, link,
tool and phone parts; only place parts reach a map."""

from __future__ import annotations

import sys

import pytest

from planner.judge.zones import place_text, split_description, split_location
from tests.locations import ROOT

sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))
import blocks as B

USER = "Agenda: Vertragsentwurf durchgehen\nBitte die Unterlagen vorher lesen."
HTML_TEAMS = (
    "<html><body><div>Hallo Frau Schulz,</div><div>wie besprochen das Kennenlernen.</div>"
    "<div>________________________________________________________________________________</div>"
    "<div><b>Microsoft Teams-Besprechung</b></div><div>Nehmen Sie von Ihrem Computer aus teil"
    "</div><div><a href='https://teams.microsoft.com/l/meetup-join/19%3a'>Klicken Sie hier, um "
    "an der Besprechung teilzunehmen</a></div><div>Besprechungs-ID: 345 678 912 345</div>"
    "<div>Telefonkonferenz-ID: 718 273 645#</div>"
    "<div>________________________________________________________________________________</div>"
    "</body></html>"
)

JOIN_BLOCKS = [
    (kind, lang)
    for kind in ("teams", "zoom", "webex", "meet", "skype", "goto", "jitsi", "bbb", "talk")
    for lang in ("de", "en", "fr")
    if not (kind in ("skype", "goto", "bbb") and lang == "fr")
]


@pytest.mark.parametrize(("kind", "lang"), JOIN_BLOCKS)
def test_join_text_and_dial_in_are_a_block_not_user_text(kind, lang):
    block = B.join_block(kind, lang, f"seed-{kind}-{lang}", "Anna Berger")
    user, blocks = split_description(f"{USER}\n\n{block}")
    assert blocks, kind
    assert "Unterlagen" in user
    for word in ("PIN", "Conference ID", "Konferenz", "Kenncode", "Passcode", "ID de réunion",
                 "Meeting-ID", "Code secret", "Zugangscode", "Access Code", "tel:"):  # fmt: skip
        assert word not in user, (kind, lang, word, user)


@pytest.mark.parametrize(
    "footer",
    [
        B.db_ticket("Köln Hbf → Berlin Hbf", "ICE 947", "08:05", "12:40", "9", "54", "t1"),
        B.sncf_ticket("Paris Est → Strasbourg", "TGV 2405", "09:25", "11:11", "4", "22", "t2"),
        B.airline("Lufthansa", "LH 2060", "Hamburg (HAM) 07:00", "München (MUC) 08:15", "t3", "de"),
        B.airline("Air France", "AF 1418", "Paris-CDG 17:45", "Frankfurt 19:00", "t4", "fr"),
        B.car_rental("Sixt", "return", "Messe München", "19.11.2026 18:00", "Flughafen", "t5"),
        B.booking_com("Motel One", "Steindamm 17, 20099 Hamburg", "Mon", "Tue", "t6", "de"),
        B.ride("Uber", "Leopoldstraße 10, 80802 München", "Flughafen München", "t7"),
    ],
)  # fmt: skip
def test_booking_references_and_vendor_addresses_are_blocks(footer):
    user, blocks = split_description(footer)
    assert blocks
    for word in ("Messe", "Auftragsnummer", "Booking code", "Buchungscode", "Référence",
                 "Confirmation", "Buchungsnummer", "Trip ID"):  # fmt: skip
        assert not any(word in line and any(c.isdigit() for c in line)
                       for line in user.splitlines()), (word, user)  # fmt: skip


@pytest.mark.parametrize("disclaimer", [B.DISCLAIMER_DE, B.DISCLAIMER_EN, B.DISCLAIMER_FR])
def test_a_signature_and_legal_footer_is_a_block(disclaimer):
    user, blocks = split_description(f"Bitte pünktlich.\n\n{disclaimer}")
    assert user == "Bitte pünktlich."
    assert "contract" not in user.lower() and "vertrag" not in user.lower()


def test_html_bodies_keep_their_lines_and_link_targets():
    user, blocks = split_description(HTML_TEAMS)
    lines = [line for line in user.splitlines() if line.strip()]
    assert lines == ["Hallo Frau Schulz,", "wie besprochen das Kennenlernen."]
    assert "https://teams.microsoft.com/l/meetup-join/19%3a" in blocks[0]
    assert "Telefonkonferenz-ID" in blocks[0]


def test_plain_user_text_stays_whole():
    text = "Treffen in der Lobby, danach gemeinsam zum Kunden.\nBitte pünktlich sein!"
    assert split_description(text) == (text, ())


LOCATIONS = [
    ("Kampnagel, Jarrestraße 20, 22303 Hamburg", [("place", "Kampnagel"),
                                                  ("address", "Jarrestraße 20, 22303 Hamburg")]),
    ("Hôtel de Ville de Lyon, 1 Place de la Comédie, 69001 Lyon",
     [("place", "Hôtel de Ville de Lyon"), ("address", "1 Place de la Comédie, 69001 Lyon")]),
    ("Monmouth Coffee, 27 Monmouth St, London WC2H 9EU",
     [("place", "Monmouth Coffee"), ("address", "27 Monmouth St, London WC2H 9EU")]),
    ("FRA Raum Main 5.02; Microsoft Teams-Besprechung",
     [("room", "FRA Raum Main 5.02"), ("tool", "Microsoft Teams-Besprechung")]),
    ("Salle Fourvière; Réunion Microsoft Teams",
     [("room", "Salle Fourvière"), ("tool", "Réunion Microsoft Teams")]),
    ("Signal", [("tool", "Signal")]),
    ("WhatsApp", [("tool", "WhatsApp")]),
    ("FaceTime", [("tool", "FaceTime")]),
    ("Téléphone", [("tool", "Téléphone")]),
    ("Telefon", [("tool", "Telefon")]),
    ("Handy: +49 171 4455 210", [("phone", "Handy: +49 171 4455 210")]),
    ("Portable : 06 12 34 56 78", [("phone", "Portable : 06 12 34 56 78")]),
    ("Einwahl: +49 40 8090 3344, Konferenz-PIN 52817#",
     [("phone", "Einwahl: +49 40 8090 3344, Konferenz-PIN 52817#")]),
    ("https://us06web.zoom.us/j/81234567890", [("link", "https://us06web.zoom.us/j/81234567890")]),
    ("Konferenzraum Isar, Theresienstraße 6, 80333 München; https://meet.google.com/abc-defg-hij",
     [("room", "Konferenzraum Isar"), ("address", "Theresienstraße 6, 80333 München"),
      ("link", "https://meet.google.com/abc-defg-hij")]),
    ("Zoomstraße 12, 50667 Köln", [("address", "Zoomstraße 12, 50667 Köln")]),
    ("TBD", []),
]  # fmt: skip


@pytest.mark.parametrize(("location", "parts"), LOCATIONS)
def test_location_parts(location, parts):
    assert [(p.kind, p.text) for p in split_location(location)] == parts


def test_a_room_resource_by_its_name_is_a_room():
    parts = split_location("Isar", rooms=("Isar",))
    assert [(p.kind, p.text) for p in parts] == [("room", "Isar")]


@pytest.mark.parametrize(
    ("location", "place"),
    [
        ("Microsoft Teams-Besprechung", ""),
        ("Signal", ""),
        ("Téléphone", ""),
        ("+49 89 1234 5678", ""),
        ("https://zoom.us/j/1", ""),
        ("Konferenzraum 3", ""),
        ("Konferenzraum 3; Microsoft Teams Meeting", ""),
        ("Café Luitpold, Brienner Str. 11, 80333 München; https://zoom.us/j/1",
         "Café Luitpold, Brienner Str. 11, 80333 München"),
        ("Hamburg Airport (HAM), Terminal 1", "Hamburg Airport (HAM), Terminal 1"),
        ("dijon", "dijon"),
    ],
)  # fmt: skip
def test_only_place_and_address_parts_are_for_a_map(location, place):
    assert place_text(location) == place


@pytest.mark.parametrize(
    "text",
    [
        "Treffen der offenen OK Lab Gruppe. Infos auf www.oklab-potsdam.de\nThemen: Open Data",
        "Wir treffen uns wie immer, die Folien liegen unter https://cloud.example.org/s/x7",
        "On se retrouve au café, le programme est ici : https://example.fr/programme",
    ],
)
def test_a_sentence_with_a_link_is_what_a_person_wrote(text):
    user, blocks = split_description(text)
    assert user == text and blocks == ()


def test_a_sentence_with_a_link_among_a_tools_lines_is_the_tools():
    user, _blocks = split_description(B.goto("en", "g1"))
    assert "first meeting" not in user  # "New to GoTo Meeting? … when your first meeting starts"
