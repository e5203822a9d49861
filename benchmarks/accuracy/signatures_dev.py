# ruff: noqa: E501  (a table of labelled events: one event per entry reads best)
"""Development part for phone numbers in a signature (see ``signatures_heldout.py``): other
people, other signatures, other formats. Tune against this part only."""

from __future__ import annotations

from author import Calendar, Person, Spec
from labels import FC, ORD, PH, SIG, VI, Y

MIA = Person("Mia Lang", "mia.lang@isar-software.example")
TOM = Person("Tom Becker", "tom.becker@elbtech.example")
EVA = Person("Eva Roth", "eva.roth@roth-recht.example")
UWE = Person("Uwe Kern", "uwe.kern@kern-bau.example")

MIA_SPECS = (
    Spec(
        "Kick-off Elbtech",
        "2026-11-10 10:00",
        (Y, VI, FC),
        SIG,
        location="Zoom",
        attendees=(TOM,),
        text="Tom Becker\nElbtech GmbH\nTel. +49 40 1234567",
    ),
    Spec(
        "Vertragsentwurf besprechen",
        "2026-11-11 15:00",
        (Y, VI, FC),
        SIG,
        location="Webex",
        attendees=(EVA,),
        text="Beste Grüße\nEva Roth | Rechtsanwältin\nRoth Recht, Maximilianstraße 3, 80539 München\nFon +49 89 998877 | Fax +49 89 998878",
    ),
    Spec(
        "Rückruf Kern Bau",
        "2026-11-12 09:30",
        (Y, PH, FC),
        ORD,
        attendees=(UWE,),
        text="Herr Kern ruft an, Nummer: +49 911 223344",
    ),
)

LEO = Person("Leo Park", "leo.park@parkline.example")
NINA = Person("Nina Shaw", "nina.shaw@harbor-freight.example")

LEO_SPECS = (
    Spec(
        "Freight rates review",
        "2026-11-10 16:00",
        (Y, VI, FC),
        SIG,
        location="Microsoft Teams Meeting",
        attendees=(NINA,),
        text="Best regards,\nNina Shaw\nHarbor Freight Inc.\nMobile: +1 415 555 0134\nwww.harbor-freight.example",
    ),
)

ZOE = Person("Zoé Laurent", "zoe.laurent@rhone-conseil.example")
BRUN = Person("Marc Brun", "marc.brun@brun-metal.example")
ALIX = Person("Alix Roy", "alix.roy@roy-design.example")

ZOE_SPECS = (
    Spec(
        "Revue du devis",
        "2026-11-10 10:00",
        (Y, VI, FC),
        SIG,
        location="Microsoft Teams",
        attendees=(BRUN,),
        text="Bien à vous,\nMarc Brun\nBrun Métal SAS\n04 72 00 11 22",
    ),
    Spec(
        "Appel rapide",
        "2026-11-12 14:00",
        (Y, PH, FC),
        ORD,
        attendees=(ALIX,),
        text="Appelez-moi au 06 11 22 33 44 svp",
    ),
)

CALENDARS = (
    Calendar(
        "nextcloud-munich-signatures",
        "nextcloud_ics",
        MIA,
        ("isar-software.example",),
        "Europe/Berlin",
        MIA_SPECS,
        "de",
    ),
    Calendar(
        "icloud-berlin-signatures",
        "icloud_ics",
        LEO,
        ("parkline.example",),
        "Europe/Berlin",
        LEO_SPECS,
        "en",
    ),
    Calendar(
        "graph-m365-lyon-signatures",
        "graph_json",
        ZOE,
        ("rhone-conseil.example",),
        "Europe/Paris",
        ZOE_SPECS,
        "fr",
    ),
)
