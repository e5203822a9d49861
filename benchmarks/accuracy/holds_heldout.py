"""Held-out part for placeholders with people: a time held for a meeting that other people
are already invited to ("Hold: Vertragsunterzeichnung …", "Placeholder – intro with …",
"Bloqué : …"), next to holds nobody else is in and absences sent to the team. Written before
the judge told them apart, measured only at the end.

Labels follow README.md in this folder: a hold with people invited is the meeting it holds
(its place, tool or link say the mode; its words and history the purpose); alone it is a
blocker; an absence is no meeting whoever it is sent to.
"""

from __future__ import annotations

from author import Calendar, Online, Person, Place, Spec
from labels import DC, FC, HOLD, IP, OWN, PE, UN, VI, VS, N, Y

# --- Outlook desktop, German: Lukas Meier, consultant in Frankfurt -----------------------------
LUKAS = Person("Lukas Meier", "lukas.meier@meier-consulting.example")
ANNA = Person("Anna Vogt", "anna.vogt@meier-consulting.example")
PETRA = Person("Petra Klein", "petra.klein@rheinland-bau.example")
OLAF = Person("Olaf Brandt", "o.brandt@hafen-ag.example")

LUKAS_SPECS = (
    Spec(
        "Hold: Vertragsunterzeichnung Rheinland Bau",
        "2026-11-10 10:00",
        (Y, VI, DC),
        HOLD,
        location="Zoom",
        attendees=(PETRA,),
    ),
    Spec(
        "Platzhalter – Kennenlernen Hafen AG",
        "2026-11-12 14:00",
        (Y, VI, FC),
        HOLD,
        online=Online("teams", "de"),
        attendees=(OLAF,),
    ),
    Spec("Hold", "2026-11-13 09:00", (N, UN, PE), OWN, minutes=120),
    Spec("Urlaub", "2026-11-16", (N, UN, PE), OWN, days=5, attendees=(ANNA,), show_as="oof"),
)

# --- Google Workspace .ics, English: Grace Hall, consultant in Frankfurt -------------------------
GRACE = Person("Grace Hall", "grace.hall@hallmark-advisory.example")
TEAM = Person("Ian Cole", "ian.cole@hallmark-advisory.example")
BAXTER = Person("Ruth Baxter", "ruth@baxter-ltd.example")
GREEN = Person("Sam Green", "sam.green@greenway-estates.example")

GRACE_SPECS = (
    Spec(
        "HOLD: contract signing with Baxter Ltd",
        "2026-11-10 11:00",
        (Y, VI, DC),
        HOLD,
        location="Microsoft Teams Meeting",
        attendees=(BAXTER,),
    ),
    Spec(
        "Placeholder – intro with Greenway",
        "2026-11-12 15:00",
        (Y, VI, FC),
        HOLD,
        online=Online("meet", "en"),
        attendees=(GREEN,),
    ),
    Spec("Placeholder", "2026-11-13 13:00", (N, UN, PE), OWN, minutes=60),
    Spec("Out of office", "2026-11-16", (N, UN, PE), OWN, days=2, attendees=(TEAM,)),
)

# --- Thunderbird, French: Inès Moreau, architect in Paris ----------------------------------------
INES = Person("Inès Moreau", "ines.moreau@atelier-seine.example")
DUVAL = Person("Paul Duval", "paul.duval@duval-immobilier.example")
NORD = Person("Chloé Martin", "chloe.martin@atelier-nord.example")

INES_SPECS = (
    Spec(
        "Bloqué : signature du contrat Duval",
        "2026-11-10 10:00",
        (Y, VI, DC),
        HOLD,
        location="Zoom",
        attendees=(DUVAL,),
    ),
    Spec(
        "Bloqué – visite de chantier Atelier Nord",
        "2026-11-12 09:30",
        (Y, IP, VS),
        HOLD,
        minutes=90,
        place=Place("Atelier Nord", "18 Rue de Flandre", "75019", "Paris", "France"),
        attendees=(NORD,),
    ),
    Spec("Bloqué", "2026-11-13 14:00", (N, UN, PE), OWN, minutes=120),
)

CALENDARS = (
    Calendar(
        "outlook-desktop-frankfurt-holds",
        "outlook_ics",
        LUKAS,
        ("meier-consulting.example",),
        "Europe/Berlin",
        LUKAS_SPECS,
        "de",
    ),
    Calendar(
        "google-workspace-holds",
        "google_ics",
        GRACE,
        ("hallmark-advisory.example",),
        "Europe/Berlin",
        GRACE_SPECS,
        "en",
    ),
    Calendar(
        "thunderbird-paris-holds",
        "thunderbird_ics",
        INES,
        ("atelier-seine.example",),
        "Europe/Paris",
        INES_SPECS,
        "fr",
    ),
)
