# ruff: noqa: E501  (a table of labelled events: one event per entry reads best)
"""Held-out part for phone numbers in a signature: the sender's contact block at the end of
what someone wrote ("Viele Grüße / Max Berliner / Spree Partner GmbH / +49 30 9876543") says
how to reach a person, not how the meeting happens; next to numbers that do say it ("Bitte
rufen Sie mich an: +49 …", "I'll call you on …"). Written before the judge told them apart,
measured only at the end."""

from __future__ import annotations

from author import Calendar, Online, Person, Place, Spec
from labels import FC, IP, ORD, PH, SIG, VI, Y

# --- Outlook desktop, German: Lukas Meier, Frankfurt ---------------------------------------------
LUKAS = Person("Lukas Meier", "lukas.meier@meier-beratung.example")
MAX = Person("Max Berliner", "max.berliner@spree-partner.example")
WEBER = Person("Anna Weber", "a.weber@weber-partner.example")
KARL = Person("Karl Huber", "k.huber@huber-maschinen.example")
ROSA = Person("Rosa Lind", "rosa.lind@lind-logistik.example")

LUKAS_SPECS = (
    Spec(
        "Abstimmung Projekt Elbe",
        "2026-11-10 10:00",
        (Y, VI, FC),
        SIG,
        location="Zoom",
        attendees=(MAX,),
        text="Hallo Herr Meier,\nanbei die Agenda.\n\nViele Grüße\nMax Berliner\nSpree Partner GmbH\nFriedrichstraße 100, 10117 Berlin\n+49 30 9876543",
    ),
    Spec(
        "Besprechung Angebot",
        "2026-11-11 14:00",
        (Y, VI, FC),
        SIG,
        location="Microsoft Teams-Besprechung",
        attendees=(WEBER,),
        text="Mit freundlichen Grüßen\nDr. Anna Weber\nWeber & Partner Steuerberatung\nTel.: +49 89 123456\nMobil: +49 171 2345678",
    ),
    Spec(
        "Telefonat Angebot",
        "2026-11-12 09:00",
        (Y, PH, FC),
        ORD,
        attendees=(KARL,),
        text="Bitte rufen Sie mich an: +49 89 7654321",
    ),
    Spec(
        "Termin beim Kunden",
        "2026-11-13 11:00",
        (Y, IP, FC),
        SIG,
        attendees=(ROSA,),
        place=Place("Lind Logistik", "Leopoldstraße 10", "80802", "München", "Deutschland"),
        text="Gruß\nRosa Lind\nLind Logistik GmbH\nT +49 89 5556677",
    ),
)

# --- Google Workspace .ics, English: Grace Hall, Frankfurt ---------------------------------------
GRACE = Person("Grace Hall", "grace.hall@hall-advisory.example")
JOHN = Person("John Smith", "john.smith@northwind-ltd.example")
OWEN = Person("Owen Price", "owen.price@price-partners.example")

GRACE_SPECS = (
    Spec(
        "Project sync Northwind",
        "2026-11-10 15:00",
        (Y, VI, FC),
        SIG,
        online=Online("meet", "en"),
        attendees=(JOHN,),
        text="Thanks,\nJohn Smith\nHead of Sales, Northwind Ltd\n10 Park Lane, London W1K 1LB\nT: +44 20 7946 0958",
    ),
    Spec(
        "Quick call",
        "2026-11-12 16:00",
        (Y, PH, FC),
        ORD,
        attendees=(OWEN,),
        text="I'll call you on +44 20 7946 0000 at four.",
    ),
)

# --- Thunderbird, French: Inès Moreau, Paris ------------------------------------------------------
INES = Person("Inès Moreau", "ines.moreau@atelier-seine.example")
MARIE = Person("Marie Durand", "marie.durand@groupe-lumiere.example")
LUC = Person("Luc Bernard", "luc.bernard@bernard-conseil.example")

INES_SPECS = (
    Spec(
        "Point projet Lumière",
        "2026-11-10 10:00",
        (Y, VI, FC),
        SIG,
        location="Zoom",
        attendees=(MARIE,),
        text="Bonjour,\nvoici l'ordre du jour.\n\nCordialement,\nMarie Durand\nGroupe Lumière\n12 rue de Rivoli, 75004 Paris\nTél. : +33 1 23 45 67 89",
    ),
    Spec(
        "Appel découverte",
        "2026-11-12 11:00",
        (Y, PH, FC),
        ORD,
        attendees=(LUC,),
        text="Je vous appelle au +33 6 12 34 56 78.",
    ),
)

CALENDARS = (
    Calendar(
        "outlook-desktop-signatures",
        "outlook_ics",
        LUKAS,
        ("meier-beratung.example",),
        "Europe/Berlin",
        LUKAS_SPECS,
        "de",
    ),
    Calendar(
        "google-workspace-signatures",
        "google_ics",
        GRACE,
        ("hall-advisory.example",),
        "Europe/Berlin",
        GRACE_SPECS,
        "en",
    ),
    Calendar(
        "thunderbird-paris-signatures",
        "thunderbird_ics",
        INES,
        ("atelier-seine.example",),
        "Europe/Paris",
        INES_SPECS,
        "fr",
    ),
)
