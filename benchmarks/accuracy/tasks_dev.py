"""Development part for titles that are tasks for oneself (see ``tasks_heldout.py``): other
people, other words, other export formats (Nextcloud in German, iCloud in English, Microsoft
365 in French). Tune against this part only."""

from __future__ import annotations

from author import Calendar, Online, Person, Place, Spec
from labels import FC, GATHER, IN, IP, NW, ORD, PE, TASK, TR, TRAVEL, UN, VI, N, Y

# --- Nextcloud, German: Ben Schulz, designer in Munich -----------------------------------------
BEN = Person("Ben Schulz", "ben.schulz@isarlicht-design.example")
VERA = Person("Vera Huber", "vera.huber@isarlicht-design.example")
WEISS = Person("Sabine Weiß", "s.weiss@alpenglanz-hotels.example")
KOCH = Person("Martin Koch", "martin.koch@gipfelwerk.example")

BEN_SPECS = (
    Spec("Hotelzimmer in Wien stornieren", "2026-11-02 08:30", (N, UN, PE), TASK, minutes=15),
    Spec("Flugtickets bezahlen", "2026-11-03 12:00", (N, UN, PE), TASK, minutes=15),
    Spec("Taxi zum Flughafen bestellen", "2026-11-04 17:00", (N, UN, PE), TASK, minutes=10),
    Spec("Konferenzticket kaufen", "2026-11-05 09:00", (N, UN, PE), TASK, minutes=15),
    Spec(
        "Unterlagen fürs Kennenlernen vorbereiten",
        "2026-11-06 14:00",
        (N, UN, PE),
        TASK,
        minutes=60,
    ),
    Spec("Visum für Indien beantragen", "2026-11-09 10:00", (N, UN, PE), TASK, minutes=30),
    Spec(
        "Taxi zum Flughafen",
        "2026-11-11 05:30",
        (N, TR, PE),
        TRAVEL,
        minutes=40,
        location="Leopoldstraße 40, 80802 München",
    ),
    Spec(
        "Flug LH 2034 MUC → BER",
        "2026-11-11 07:00",
        (N, TR, PE),
        TRAVEL,
        minutes=70,
        location="Flughafen München (MUC), Terminal 2",
    ),
    Spec(
        "Konferenz Bits & Pretzels",
        "2026-11-12 09:00",
        (Y, IP, NW),
        GATHER,
        minutes=480,
        place=Place(
            "ICM – Internationales Congress Center",
            "Am Messesee",
            "81829",
            "München",
            "Deutschland",
        ),
    ),
    Spec(
        "Kennenlernen mit Frau Weiß",
        "2026-11-13 10:00",
        (Y, IP, FC),
        ORD,
        minutes=60,
        place=Place("Café Luitpold", "Brienner Straße 11", "80333", "München", "Deutschland"),
        attendees=(WEISS,),
    ),
    Spec(
        "Stornierungsbedingungen besprechen",
        "2026-11-16 15:00",
        (Y, VI, FC),
        ORD,
        minutes=30,
        online=Online("teams", "de"),
        attendees=(KOCH,),
    ),
    Spec(
        "Moodboard vorbereiten",
        "2026-11-17 10:00",
        (Y, UN, IN),
        ORD,
        minutes=60,
        attendees=(VERA,),
    ),
)

# --- iCloud, English: Ava Chen, producer in Berlin ---------------------------------------------
AVA = Person("Ava Chen", "ava.chen@brightwell-studio.example")
NOAH = Person("Noah Fischer", "noah.fischer@brightwell-studio.example")
MARTA = Person("Marta Silva", "marta.silva@lumen-agency.example")

AVA_SPECS = (
    Spec("Cancel hotel in Leeds", "2026-11-02 08:30", (N, UN, PE), TASK, minutes=15),
    Spec("Pay the conference fee", "2026-11-03 12:00", (N, UN, PE), TASK, minutes=15),
    Spec("Order a cab to the airport", "2026-11-04 17:00", (N, UN, PE), TASK, minutes=10),
    Spec(
        "Get tickets for the networking evening", "2026-11-05 09:00", (N, UN, PE), TASK, minutes=15
    ),
    Spec("Arrange a hotel for the trade show", "2026-11-06 14:00", (N, UN, PE), TASK, minutes=30),
    Spec("Check in online for LH 2035", "2026-11-09 10:00", (N, UN, PE), TASK, minutes=15),
    Spec(
        "Cab to the airport",
        "2026-11-10 05:30",
        (N, TR, PE),
        TRAVEL,
        minutes=40,
        location="Torstraße 110, 10119 Berlin",
    ),
    Spec(
        "Networking evening at Factory",
        "2026-11-12 18:30",
        (Y, IP, NW),
        GATHER,
        minutes=150,
        place=Place(
            "Factory Berlin Görlitzer Park", "Lohmühlenstraße 65", "12435", "Berlin", "Germany"
        ),
    ),
    Spec(
        "Lunch with Marta",
        "2026-11-13 12:30",
        (Y, IP, FC),
        ORD,
        minutes=75,
        place=Place("Café Einstein", "Kurfürstenstraße 58", "10785", "Berlin", "Germany"),
        attendees=(MARTA,),
    ),
    Spec(
        "Prepare the pitch deck",
        "2026-11-16 10:00",
        (Y, UN, IN),
        ORD,
        minutes=60,
        attendees=(NOAH,),
    ),
)

# --- Microsoft 365 (Graph), French: Léa Martin, consultant in Toulouse ---------------------------
LEA = Person("Léa Martin", "lea.martin@studio-garonne.example")
PAUL = Person("Paul Girard", "paul.girard@aero-conseil.example")
ANAIS = Person("Anaïs Roux", "anais.roux@studio-garonne.example")

LEA_SPECS = (
    Spec("Payer les billets d'avion", "2026-11-02 08:30", (N, UN, PE), TASK, minutes=15),
    Spec("Commander un taxi pour la gare", "2026-11-03 12:00", (N, UN, PE), TASK, minutes=10),
    Spec(
        "Trouver un restaurant pour le déjeuner client",
        "2026-11-04 17:00",
        (N, UN, PE),
        TASK,
        minutes=20,
    ),
    Spec("Organiser la visite du site", "2026-11-05 09:00", (N, UN, PE), TASK, minutes=30),
    Spec("Renouveler le passeport", "2026-11-06 14:00", (N, UN, PE), TASK, minutes=30),
    Spec(
        "Taxi pour la gare",
        "2026-11-10 06:30",
        (N, TR, PE),
        TRAVEL,
        minutes=25,
        location="12 Rue des Lois, 31000 Toulouse",
    ),
    Spec(
        "Déjeuner client avec Paul Girard",
        "2026-11-12 12:30",
        (Y, IP, FC),
        ORD,
        minutes=90,
        place=Place("Le Bibent", "5 Place du Capitole", "31000", "Toulouse", "France"),
        attendees=(PAUL,),
    ),
    Spec(
        "Préparer l'atelier",
        "2026-11-13 10:00",
        (Y, UN, IN),
        ORD,
        minutes=60,
        attendees=(ANAIS,),
    ),
)

CALENDARS = (
    Calendar(
        "nextcloud-munich",
        "nextcloud_ics",
        BEN,
        ("isarlicht-design.example",),
        "Europe/Berlin",
        BEN_SPECS,
        "de",
    ),
    Calendar(
        "icloud-berlin-en",
        "icloud_ics",
        AVA,
        ("brightwell-studio.example",),
        "Europe/Berlin",
        AVA_SPECS,
        "en",
    ),
    Calendar(
        "graph-m365-toulouse",
        "graph_json",
        LEA,
        ("studio-garonne.example",),
        "Europe/Paris",
        LEA_SPECS,
        "fr",
    ),
)
