"""Held-out part for titles that are tasks for oneself ("Flug buchen", "Book flight to
Lisbon", "Réserver le vol"): three calendars (Outlook in German, Google in English,
Thunderbird in French), written before the judge learnt about tasks and measured only at the
end. Next to each task stands what it is about, as it really happens (the flight, the fair,
the client dinner, the visit), and a task with people invited (a working session).

Labels follow README.md in this folder. A task without anybody else is no meeting, its mode is
unknown and its purpose personal, whatever it is about: a reminder to book a flight is no
flight, one to find a hotel for a fair no fair.
"""

from __future__ import annotations

from author import Calendar, Online, Person, Place, Spec
from labels import FC, GATHER, IN, IP, NW, ORD, PE, TASK, TR, TRAVEL, UN, VI, N, Y

# --- Outlook desktop, German: Jana Roth, consultant in Cologne --------------------------------
JANA = Person("Jana Roth", "jana.roth@rheinwerk-consult.example")
TILL = Person("Till Krämer", "till.kraemer@rheinwerk-consult.example")
ALBERS = Person("Henrik Albers", "h.albers@domstadt-bau.example")

JANA_SPECS = (
    Spec("Flug nach Lissabon buchen", "2026-11-02 08:30", (N, UN, PE), TASK, minutes=15),
    Spec("Hotel für die Messe suchen", "2026-11-03 12:00", (N, UN, PE), TASK, minutes=30),
    Spec("Bahntickets Köln–Berlin kaufen", "2026-11-04 17:00", (N, UN, PE), TASK, minutes=15),
    Spec("Mietwagen für Stuttgart reservieren", "2026-11-05 09:00", (N, UN, PE), TASK, minutes=15),
    Spec("Tisch fürs Kundenessen reservieren", "2026-11-06 11:00", (N, UN, PE), TASK, minutes=15),
    Spec(
        "Präsentation für den Kundenbesuch vorbereiten",
        "2026-11-09 14:00",
        (N, UN, PE),
        TASK,
        minutes=90,
    ),
    Spec("Zug nach Hamburg umbuchen", "2026-11-10 08:00", (N, UN, PE), TASK, minutes=15),
    Spec(
        "ICE 523 Köln → Berlin",
        "2026-11-12 07:30",
        (N, TR, PE),
        TRAVEL,
        minutes=270,
        location="Köln Hbf",
    ),
    Spec(
        "Flug TP 579 FRA → LIS",
        "2026-11-16 09:10",
        (N, TR, PE),
        TRAVEL,
        minutes=180,
        location="Frankfurt Airport (FRA), Terminal 1",
    ),
    Spec(
        "Messe Expo Real",
        "2026-11-17 10:00",
        (Y, IP, NW),
        GATHER,
        minutes=240,
        place=Place("Messe München", "Messegelände", "81823", "München", "Deutschland"),
    ),
    Spec(
        "Kundenessen mit Herrn Albers",
        "2026-11-18 19:00",
        (Y, IP, FC),
        ORD,
        minutes=120,
        place=Place("Restaurant Rheinblick", "Rheinuferstraße 5", "50668", "Köln", "Deutschland"),
        attendees=(ALBERS,),
    ),
    Spec(
        "Angebot Domstadt Bau vorbereiten",
        "2026-11-19 10:00",
        (Y, UN, IN),
        ORD,
        minutes=60,
        attendees=(TILL,),
    ),
)

# --- Google Workspace .ics, English: Sam Porter, adviser in Frankfurt, often in the UK ---------
SAM = Person("Sam Porter", "sam.porter@northgate-advisory.example")
RUTH = Person("Ruth Malik", "ruth.malik@northgate-advisory.example")
PRIYA = Person("Priya Raman", "priya.raman@halden-capital.example")
OWEN = Person("Owen Hart", "owen.hart@harborline-freight.example")

SAM_SPECS = (
    Spec("Book flight to Lisbon", "2026-11-02 08:30", (N, UN, PE), TASK, minutes=15),
    Spec("Find a hotel near ExCeL for the fair", "2026-11-03 12:00", (N, UN, PE), TASK, minutes=30),
    Spec("Buy train tickets to Manchester", "2026-11-04 17:00", (N, UN, PE), TASK, minutes=15),
    Spec(
        "Reserve a table for the client dinner", "2026-11-05 11:00", (N, UN, PE), TASK, minutes=15
    ),
    Spec("Prepare slides for the site visit", "2026-11-06 14:00", (N, UN, PE), TASK, minutes=60),
    Spec("Rebook the taxi to Heathrow", "2026-11-09 09:00", (N, UN, PE), TASK, minutes=15),
    Spec(
        "Train to Manchester",
        "2026-11-12 07:30",
        (N, TR, PE),
        TRAVEL,
        minutes=130,
        location="London Euston",
    ),
    Spec(
        "Flight BA 500 LHR → LIS",
        "2026-11-16 10:00",
        (N, TR, PE),
        TRAVEL,
        minutes=170,
        location="Heathrow Airport (LHR), Terminal 5",
    ),
    Spec(
        "Dinner with Priya (Halden Capital)",
        "2026-11-18 19:30",
        (Y, IP, FC),
        ORD,
        minutes=120,
        place=Place("The Delaunay", "55 Aldwych", "WC2B 4BB", "London", "United Kingdom"),
        attendees=(PRIYA,),
    ),
    Spec(
        "Booking process review – Harborline",
        "2026-11-19 15:00",
        (Y, VI, FC),
        ORD,
        minutes=45,
        online=Online("meet", "en"),
        attendees=(OWEN,),
    ),
    Spec(
        "Prepare the board pack",
        "2026-11-20 10:00",
        (Y, UN, IN),
        ORD,
        minutes=60,
        attendees=(RUTH,),
    ),
)

# --- Thunderbird, French: Claire Dubois, architect in Paris ------------------------------------
CLAIRE = Person("Claire Dubois", "claire.dubois@atelier-meridien.example")
MARC = Person("Marc Petit", "marc.petit@atelier-meridien.example")
HUGO = Person("Hugo Lambert", "hugo.lambert@lambert-promotion.example")

CLAIRE_SPECS = (
    Spec("Réserver le vol pour Lisbonne", "2026-11-02 08:30", (N, UN, PE), TASK, minutes=15),
    Spec("Chercher un hôtel pour le salon", "2026-11-03 12:00", (N, UN, PE), TASK, minutes=30),
    Spec(
        "Acheter les billets de train pour Lyon", "2026-11-04 17:00", (N, UN, PE), TASK, minutes=15
    ),
    Spec(
        "Réserver une table pour le dîner client", "2026-11-05 11:00", (N, UN, PE), TASK, minutes=15
    ),
    Spec("Préparer la visite de chantier", "2026-11-06 14:00", (N, UN, PE), TASK, minutes=60),
    Spec("Annuler l'hôtel à Nantes", "2026-11-09 09:00", (N, UN, PE), TASK, minutes=15),
    Spec(
        "TGV 6603 Paris → Lyon",
        "2026-11-12 07:00",
        (N, TR, PE),
        TRAVEL,
        minutes=120,
        location="Paris Gare de Lyon",
    ),
    Spec(
        "Vol AF 1024 CDG → LIS",
        "2026-11-16 09:00",
        (N, TR, PE),
        TRAVEL,
        minutes=165,
        location="Aéroport Paris-Charles de Gaulle (CDG), Terminal 2F",
    ),
    Spec(
        "Salon Batimat",
        "2026-11-17 10:00",
        (Y, IP, NW),
        GATHER,
        minutes=240,
        place=Place(
            "Paris Expo Porte de Versailles",
            "1 Place de la Porte de Versailles",
            "75015",
            "Paris",
            "France",
        ),
    ),
    Spec(
        "Dîner avec Hugo Lambert",
        "2026-11-18 20:00",
        (Y, IP, FC),
        ORD,
        minutes=120,
        place=Place("Le Train Bleu", "Place Louis-Armand", "75012", "Paris", "France"),
        attendees=(HUGO,),
    ),
    Spec(
        "Préparer le devis Lambert",
        "2026-11-19 10:00",
        (Y, UN, IN),
        ORD,
        minutes=60,
        attendees=(MARC,),
    ),
)

CALENDARS = (
    Calendar(
        "outlook-desktop-cologne",
        "outlook_ics",
        JANA,
        ("rheinwerk-consult.example",),
        "Europe/Berlin",
        JANA_SPECS,
        "de",
    ),
    Calendar(
        "google-workspace-frankfurt",
        "google_ics",
        SAM,
        ("northgate-advisory.example",),
        "Europe/Berlin",
        SAM_SPECS,
        "en",
    ),
    Calendar(
        "thunderbird-paris",
        "thunderbird_ics",
        CLAIRE,
        ("atelier-meridien.example",),
        "Europe/Paris",
        CLAIRE_SPECS,
        "fr",
    ),
)
