# ruff: noqa: E501  (a table of labelled events: one event per entry reads best)
"""Development part for placeholders with people (see ``holds_heldout.py``): other words,
other formats. Tune against this part only."""

from __future__ import annotations

from author import Calendar, Online, Person, Spec
from labels import DC, FC, HOLD, OWN, PE, UN, VI, N, Y

# --- Nextcloud, German: Mia Lang, sales in Munich ----------------------------------------------
MIA = Person("Mia Lang", "mia.lang@isar-software.example")
JAN = Person("Jan Roth", "jan.roth@isar-software.example")
NORDWIND = Person("Clara Wind", "clara@nordwind.example")
ELBTECH = Person("Tom Becker", "tom.becker@elbtech.example")

MIA_SPECS = (
    Spec(
        "Platzhalter: Vertragsverhandlung Nordwind",
        "2026-11-10 10:00",
        (Y, VI, DC),
        HOLD,
        location="Microsoft Teams",
        attendees=(NORDWIND,),
    ),
    Spec(
        "Blocker – Kennenlernen Elbtech",
        "2026-11-11 14:00",
        (Y, VI, FC),
        HOLD,
        location="Zoom",
        attendees=(ELBTECH,),
    ),
    Spec("Blocker", "2026-11-12 09:00", (N, UN, PE), OWN, minutes=120),
    Spec("Krank", "2026-11-16", (N, UN, PE), OWN, attendees=(JAN,)),
)

# --- iCloud, English: Leo Park, founder in Berlin ----------------------------------------------
LEO = Person("Leo Park", "leo.park@parkline.example")
HARBOR = Person("Nina Shaw", "nina.shaw@harbor-freight.example")
ATLAS = Person("Omar Reed", "omar.reed@atlas-labs.example")

LEO_SPECS = (
    Spec(
        "Blocked: pricing negotiation Harbor",
        "2026-11-10 16:00",
        (Y, VI, DC),
        HOLD,
        location="Zoom",
        attendees=(HARBOR,),
    ),
    Spec(
        "Hold - kick-off Atlas",
        "2026-11-11 11:00",
        (Y, VI, FC),
        HOLD,
        online=Online("facetime", "en"),
        attendees=(ATLAS,),
    ),
    Spec("Focus time", "2026-11-12 08:00", (N, UN, PE), OWN, minutes=180),
)

# --- Microsoft 365 (Graph), French: Zoé Laurent, consultant in Lyon ---------------------------------
ZOE = Person("Zoé Laurent", "zoe.laurent@rhone-conseil.example")
BRUN = Person("Marc Brun", "marc.brun@brun-metal.example")
EQUIPE = Person("Luc Petit", "luc.petit@rhone-conseil.example")

ZOE_SPECS = (
    Spec(
        "Bloqué – négociation du contrat Brun",
        "2026-11-10 10:00",
        (Y, VI, DC),
        HOLD,
        location="Microsoft Teams",
        attendees=(BRUN,),
    ),
    Spec("Congés", "2026-11-16", (N, UN, PE), OWN, days=3, attendees=(EQUIPE,), show_as="oof"),
)

CALENDARS = (
    Calendar(
        "nextcloud-munich-holds",
        "nextcloud_ics",
        MIA,
        ("isar-software.example",),
        "Europe/Berlin",
        MIA_SPECS,
        "de",
    ),
    Calendar(
        "icloud-berlin-holds",
        "icloud_ics",
        LEO,
        ("parkline.example",),
        "Europe/Berlin",
        LEO_SPECS,
        "en",
    ),
    Calendar(
        "graph-m365-lyon-holds",
        "graph_json",
        ZOE,
        ("rhone-conseil.example",),
        "Europe/Paris",
        ZOE_SPECS,
        "fr",
    ),
)
