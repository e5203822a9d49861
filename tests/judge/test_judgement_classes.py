"""Each class of error of issue 25, in German, English and French, with cases written for these
tests (not taken from the labelled set): tools in the location, a mode word as the subject,
dial-in words, words inside an address or footer, travel by its shape, gatherings nobody was
invited to, check-ins that are meetings."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import pytest

from planner.flows.plan import is_meeting
from planner.judge.mode import classify
from planner.judge.purpose import determine_purpose
from planner.judge.relations import Ledger
from planner.model import Attendee, Confidence, Event, Mode, Purpose
from planner.store import Store
from tests.judge.test_relations import config_for
from tests.locations import ROOT

sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))
import blocks as B

TZ = ZoneInfo("Europe/Berlin")
START = datetime(2027, 3, 9, 10, tzinfo=TZ)
ME = Attendee("me@own.example", "Me")
OTTO = Attendee("otto.lang@kunde-eins.example", "Otto Lang")
NOOR = Attendee("noor@cliente-deux.example", "Noor Benali")
COLLEAGUE = Attendee("ida@own.example", "Ida")


def event(title: str, location: str = "", description: str = "", *people: Attendee, **kw):
    attendees = (ME, *people) if people else ()
    hours = kw.pop("hours", 1)
    start = kw.pop("start", START)
    return Event(
        uid=kw.pop("uid", f"{hash((title, location))}@test"),
        title=title,
        start=start,
        end=start + timedelta(hours=hours),
        location=location,
        description=description,
        organizer=ME if people else None,
        attendees=attendees,
        **kw,
    )


@cache
def config():
    return config_for(user={"email": ME.email, "domains": ["own.example"]})


def judged(found: Event) -> tuple[bool, Mode, Purpose]:
    ledger = Ledger.open(Store(":memory:"), config())
    classification = classify(found)
    purpose = determine_purpose(found, ledger, config(), classification.mode)
    return is_meeting(found, classification, config()), classification.mode, purpose.purpose


# --- tools are not places ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("location", "mode"),
    [
        ("Signal", Mode.PHONE), ("WhatsApp", Mode.PHONE), ("Threema", Mode.PHONE),
        ("Telegram", Mode.PHONE), ("FaceTime", Mode.VIRTUAL), ("WhatsApp Video", Mode.VIRTUAL),
        ("Signal vidéo", Mode.VIRTUAL), ("Téléphone", Mode.PHONE), ("Telefon", Mode.PHONE),
        ("Phone", Mode.PHONE), ("Handy", Mode.PHONE), ("Portable", Mode.PHONE),
        ("per Telefon", Mode.PHONE), ("Microsoft Teams-Besprechung", Mode.VIRTUAL),
        ("Réunion Microsoft Teams", Mode.VIRTUAL), ("Skype-Besprechung", Mode.VIRTUAL),
        ("Webex", Mode.VIRTUAL), ("Jitsi", Mode.VIRTUAL), ("Nextcloud Talk", Mode.VIRTUAL),
        ("Visio", Mode.VIRTUAL), ("Mobil: +49 160 9988 7766", Mode.PHONE),
        ("Tél. : 06 71 22 40 18", Mode.PHONE),
    ],
)  # fmt: skip
def test_a_tool_in_the_location_is_never_a_place(location, mode):
    found = classify(event("Abstimmung Angebot", location, "", OTTO))
    assert found.mode is mode, found.evidence
    assert not any("place" in line or "venue" in line for line in found.evidence)


@pytest.mark.parametrize(
    "title", ["Signal-Call mit Karoline", "Telegram-Call Oliver", "Appel Paul", "Anruf Steuerbüro"]
)
def test_a_call_app_or_call_word_in_the_title_is_a_call(title):
    assert classify(event(title, "", "", OTTO)).mode is Mode.PHONE


@pytest.mark.parametrize(
    "title", ["FaceTime mit Lea", "WhatsApp vidéo avec Martin", "Zoom: Roadmap", "Visio avec Noor"]
)
def test_a_video_app_in_the_title_is_video(title):
    assert classify(event(title, "", "", NOOR)).mode is Mode.VIRTUAL


# --- a mode word that is the subject ---------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Hybrid Work: Was bleibt?", "Hybrid Cloud Workshop", "Vortrag Hybrid-Antriebe",
        "Workshop Remote-Führung", "Remote Work Policy", "Online-Marketing Stammtisch",
        "Online-Banking Umstellung", "Atelier « Travail hybride »", "Virtual reality demo",
        "Remote-first compliance", "Video production review",
    ],
)  # fmt: skip
def test_a_mode_word_as_the_subject_does_not_set_the_mode(title):
    place = "Haus der Wirtschaft, Willi-Bleicher-Straße 19, 70174 Stuttgart"
    assert classify(event(title, place, "", OTTO)).mode is Mode.IN_PERSON
    assert classify(event(title, "", "", OTTO)).mode not in (Mode.VIRTUAL, Mode.HYBRID)


@pytest.mark.parametrize(
    ("title", "mode"),
    [
        ("Strategietag (hybrid)", Mode.HYBRID), ("Hybride : présentation client", Mode.HYBRID),
        ("Online-Meeting Budget", Mode.VIRTUAL), ("Online-Schulung Datenschutz", Mode.VIRTUAL),
        ("Kennenlernen per Video", Mode.VIRTUAL), ("Virtuelles Kennenlernen", Mode.VIRTUAL),
        ("Réunion en ligne", Mode.VIRTUAL), ("Remote onboarding", Mode.VIRTUAL),
        ("Video-Kennenlernen", Mode.VIRTUAL),
    ],
)  # fmt: skip
def test_a_mode_word_as_a_marker_sets_the_mode(title, mode):
    with_place = mode is Mode.HYBRID
    place = "Seminarraum 2" if with_place else ""
    assert classify(event(title, place, "", OTTO)).mode is mode


# --- words in vendor blocks, addresses and footers ------------------------------------------


@pytest.mark.parametrize(
    ("kind", "lang"), [("teams", "en"), ("teams", "de"), ("teams", "fr"), ("skype", "de"),
                       ("bbb", "de"), ("webex", "fr"), ("zoom", "de"), ("meet", "fr")],
)  # fmt: skip
def test_dial_in_words_are_no_purpose(kind, lang):
    found = event("Abstimmung Lieferplan", "", B.join_block(kind, lang, "x", "Otto"), OTTO)
    meeting, mode, purpose = judged(found)
    assert (meeting, mode, purpose) == (True, Mode.VIRTUAL, Purpose.FIRST_CONTACT)


@pytest.mark.parametrize(
    "location",
    ["Einwahl: +49 40 8090 3344, Konferenz-PIN 52817#",
     "Conference call: +44 20 3481 5240, Conference ID 845 1234#",
     "Numéro : +33 1 70 91 86 46, code conférence 4417 2290#"],
)  # fmt: skip
def test_a_dial_in_location_is_a_call_not_a_conference(location):
    assert judged(event("Abstimmung Lieferplan", location, "", OTTO)) == (
        True, Mode.PHONE, Purpose.FIRST_CONTACT
    )  # fmt: skip


@pytest.mark.parametrize(
    ("description", "purpose"),
    [
        (B.DISCLAIMER_EN, Purpose.FIRST_CONTACT),  # "contract" in the footer
        (B.DISCLAIMER_DE, Purpose.FIRST_CONTACT),  # "Vertragsabschluss" in the footer
        ("Please visit our website: https://www.kunde-eins.example", Purpose.FIRST_CONTACT),
    ],
)
def test_words_of_a_legal_footer_set_no_purpose(description, purpose):
    found = event("Projektstatus", "https://teams.microsoft.com/l/meetup-join/1", description, OTTO)
    assert judged(found)[2] is purpose


def test_a_venue_word_in_a_car_rental_address_is_no_fair():
    found = event(
        "Mietwagen zurückgeben", "Sixt Messe München, Am Messeturm 4, 81829 München",
        B.car_rental("Sixt", "return", "Messe München", "19.11. 18:00", "Flughafen", "r1"),
    )  # fmt: skip
    assert judged(found) == (False, Mode.TRAVEL, Purpose.PERSONAL)


def test_a_city_hall_is_a_place_not_a_hotel_stay():
    found = event("Réunion de coordination", "Hôtel de Ville, 1 Place de la Comédie, 69001 Lyon",
                  "", NOOR)  # fmt: skip
    assert judged(found) == (True, Mode.IN_PERSON, Purpose.FIRST_CONTACT)


# --- travel by its shape ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "location", "description", "hours"),
    [
        ("LH 2060 HAM → MUC", "Hamburg Airport (HAM), Terminal 1", "", 1.25),
        ("Vol AF 1418 CDG–FRA", "Paris Charles de Gaulle, Terminal 2F", "", 1.25),
        ("Flight EW 9471", "Köln/Bonn, Terminal 1",
         B.airline("Eurowings", "EW 9471", "CGN 07:00", "LYS 08:30", "f1"), 1.5),
        ("Eurostar 9014 London → Paris", "St Pancras International", "", 2.3),
        ("Frankfurt(Main)Hbf → Berlin Hbf", "Frankfurt(Main)Hbf",
         B.db_ticket("Frankfurt(Main)Hbf → Berlin Hbf", "ICE 1535", "07:13", "11:12", "12", "84",
                     "f2"), 4),
        ("Sixt Abholung Flughafen", "Sixt Flughafen München, Terminal 2, 85356 München", "", 0.5),
        ("Restitution véhicule", "Europcar Strasbourg Gare, 16 Place de la Gare, 67000 Strasbourg",
         "", 0.25),
        ("Uber to Heathrow", "1 Canada Square, London E14 5AB", "", 1),
        ("Taxi zum Hauptbahnhof", "Oeder Weg 12, 60318 Frankfurt am Main", "", 0.3),
        ("Check-in hôtel Köln", "Hotel im Wasserturm, Kaygasse 2, 50676 Köln",
         B.booking_com("Hotel im Wasserturm", "Kaygasse 2, 50676 Köln", "mar.", "jeu.", "f3", "fr"),
         0.5),
    ],
)  # fmt: skip
def test_travel_by_its_shape_wherever_the_location_points(title, location, description, hours):
    found = event(title, location, description, hours=hours)
    assert judged(found) == (False, Mode.TRAVEL, Purpose.PERSONAL)
    assert classify(found).confidence is Confidence.HIGH


@pytest.mark.parametrize(
    ("title", "location", "footer"),
    [
        ("Motel One Leipzig", "Augustusplatz 1, 04109 Leipzig",
         B.booking_com("Motel One Leipzig", "Augustusplatz 1, 04109 Leipzig", "Mo", "Mi", "s1",
                       "de")),
        ("Loft in Kreuzberg", "Wrangelstraße 50, 10997 Berlin",
         B.airbnb("Loft in Kreuzberg", "Mia", "Wrangelstraße 50, 10997 Berlin", "s2")),
        ("Séjour Lyon", "8 Rue Mercière, 69002 Lyon",
         B.hotel_direct("Hôtel des Célestins", "4 Rue des Archers, 69002 Lyon", "2 nuits", "s3",
                        "fr")),
    ],
)  # fmt: skip
def test_a_stay_over_nights_is_travel(title, location, footer):
    day = datetime(2027, 3, 9, tzinfo=TZ)
    found = event(title, location, footer, start=day, hours=48, all_day=True)
    assert judged(found) == (False, Mode.TRAVEL, Purpose.PERSONAL)


# --- gatherings nobody was invited to --------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "location"),
    [
        ("Afterwork Elbe Founders", "Zum Anker, Hopfenmarkt 3, 20457 Hamburg"),
        ("Gründer-Afterwork", "Bar Centrale, Ledererstr. 23, 80331 München"),
        ("Founders & Funders Drinks", "Clärchens Ballhaus, Auguststraße 24, 10117 Berlin"),
        ("Apéro réseau des indépendants", "Le Perchoir, 14 Rue Crespin du Gast, 75011 Paris"),
        ("Vernissage Galerie Nord", "Galerie Nord, 24 Rue de Turenne, 75004 Paris"),
        ("Podiumsdiskussion Handelskammer", "Kampnagel, Jarrestraße 20, 22303 Hamburg"),
    ],
)
def test_an_evening_to_meet_people_is_a_meeting_without_invitations(title, location):
    assert judged(event(title, location, hours=2)) == (True, Mode.IN_PERSON, Purpose.NETWORKING)


def test_a_drink_with_someone_named_is_a_meeting_but_no_networking():
    found = event("Apéro avec Chloé", "Le Perchoir, 14 Rue Crespin du Gast, 75011 Paris")
    assert judged(found) == (True, Mode.IN_PERSON, Purpose.OTHER)


# --- check-ins that are meetings -------------------------------------------------------------


@pytest.mark.parametrize("title", ["Check-in with Otto", "Check-in Kunde Eins", "Check-in"])
@pytest.mark.parametrize("kind", ["teams", "meet", "zoom"])
def test_a_check_in_with_a_counterpart_and_a_link_is_a_video_meeting(title, kind):
    found = event(title, "", B.join_block(kind, "en", "c", "Otto"), OTTO)
    assert judged(found) == (True, Mode.VIRTUAL, Purpose.FIRST_CONTACT)


@pytest.mark.parametrize(
    "title", ["Kennenlernen per Video", "Kennenlernen per Video – Kunde Eins",
              "Premier échange en visio", "Intro call over video"],
)  # fmt: skip
def test_an_introduction_by_video_is_virtual_and_first_contact(title):
    assert judged(event(title, "", "", NOOR)) == (True, Mode.VIRTUAL, Purpose.FIRST_CONTACT)
