# ruff: noqa: E501  (event text is kept whole: it reads as the people and tools wrote it)
"""The fifth platforms development part (``data/platforms_dev5/``), written blind.

Nine made-up professionals in Düsseldorf, Wien, Bordeaux, Bruxelles, Bologna, Madrid, Sevilla,
Antwerpen and Dublin, each with a history (October and November 2026) and labelled weeks (30
November to 11 December 2026), exported as their calendar apps export: Outlook desktop (German;
Irish English, "GMT Standard Time"), Thunderbird (Austrian German), iCloud (French), Google
Calendar .ics (Belgian French, Andalusian Spanish), the Google Calendar API (Italian,
``focusTime`` and ``outOfOffice``), Microsoft Graph (Spanish) and Nextcloud (Flemish Dutch), next
to the invitations that event platforms, chambers, trade fairs, webinar tools and rail operators
send as .ics (Eventbrite, Luma, Meetup, the IHK Düsseldorf, the CCI Bordeaux Gironde, GoTo
Webinar, a Zoom webinar, Fiera Milano, Renfe and ÖBB).

Written by an engineer who neither ran planner on it nor read its judge, from the labelling rules
of README.md only. Run ``python platforms_dev5.py`` from this folder to write the files.

The export writers are ``author.py``'s; the zones, the Teams, Zoom and Talk join text in Italian,
Spanish and Dutch, ``vendor_file`` and the manifest helpers are ``platforms_dev2.py``'s (imported:
its module only patches ``author`` and ``blocks`` in this process). This script adds Dublin's
zone. The travel footers of Trenitalia, Renfe, Iberia, NMBS, ÖBB, Irish Rail, Aer Lingus and
Europcar Spain are written into the events as those vendors word them.
"""

from __future__ import annotations

import csv
import json

import author as A
import blocks as B
import platforms_dev2 as D2
from author import Online, Person, Place, Room
from labels import (
    DC,
    FC,
    GATHER,
    HOLD,
    IN,
    IP,
    NW,
    OWN,
    PE,
    PH,
    SIG,
    TASK,
    TR,
    TRAVEL,
    UN,
    VI,
    VS,
    N,
    Y,
)

OUT = D2.HERE / "data" / "platforms_dev5"
HY, OT, RT = "hybrid", "other", "routine"
ORD, CONFLICT, PLATFORM, SOCIAL, CALL, TOPIC, TOOL, STRUCT = (
    "ordinary",
    "conflict",
    "event-platform",
    "named-social",
    "call-verb",
    "topic-title",
    "tool-location",
    "structure",
)

# --- Dublin: the Irish zone (Outlook calls it GMT Standard Time, as London's) ------------------

A.VTIMEZONE["Europe/Dublin"] = ("+0000", "+0100", "GMT", "IST")
A.WINDOWS_ZONES["Europe/Dublin"] = "GMT Standard Time"
_vtimezone = A.vtimezone


def _vtimezone_dublin(tzid: str, zone: str, *, names: bool = True) -> list[str]:
    lines = _vtimezone(tzid, zone, names=names)
    if zone == "Europe/Dublin":
        lines = [
            line.replace("19700329T020000", "19700329T010000").replace(
                "19701025T030000", "19701025T020000"
            )
            for line in lines
        ]
    return lines


A.vtimezone = _vtimezone_dublin
D2.VTZ["Europe/Dublin"] = A.vtimezone("Europe/Dublin", "Europe/Dublin")


def ev(title: str, when: str, label: tuple[bool, str, str], cls: str, **kw) -> A.Spec:
    return A.Spec(title, when, label, cls, **kw)


hist = D2.hist
NOBODY_KNOWN = D2.NOBODY_KNOWN
DEBATABLE_WEBINAR = D2.DEBATABLE_WEBINAR
NO_INVITE = "named with someone, nobody invited: a meeting, other by the rule"
AUTO_MEET = "debatable: the calendar added the video link by itself; a place and a link: hybrid by the rule, in person arguable"

# --- Düsseldorf: Lena Hoffmann, trade-fair stand builder (Outlook desktop, German) -------------

LENA = Person("Lena Hoffmann", "lena.hoffmann@rheinstand.example")
TOBIAS = Person("Tobias Krämer", "tobias.kraemer@rheinstand.example")
AYLIN = Person("Aylin Demir", "aylin.demir@rheinstand.example")
VOSSBERG = Person("Dr. Ralf Vossberg", "r.vossberg@vossberg-maschinen.example")
LENZ = Person("Petra Lenz", "p.lenz@vossberg-maschinen.example")
KESSLER = Person("Jonas Keßler", "jonas.kessler@kessler-medtec.example")
RHEINRAUM = Room("Rheinstand – Besprechungsraum Rheinblick", "rheinblick@rheinstand.example")
VOSSBERG_WERK = Place(
    "Vossberg Maschinenbau GmbH", "Krefelder Straße 220", "41066", "Mönchengladbach", "Deutschland"
)
KESSLER_SIG = (
    "Hallo Frau Hoffmann,\nwie am Telefon besprochen ein erstes Kennenlernen per Teams – wir planen "
    "unseren ersten Auftritt auf der MEDICA und suchen einen Standbauer.\n\n"
    "Beste Grüße\nJonas Keßler\nLeitung Marketing\nKeßler Medizintechnik GmbH\n"
    "Kaiserswerther Straße 115 · 40474 Düsseldorf\nTel. +49 211 5384 120 · Mobil +49 172 903 4415"
)

DUESSELDORF = A.Calendar(
    "outlook_lena.ics",
    "outlook_ics",
    LENA,
    ("rheinstand.example",),
    "Europe/Berlin",
    (
        hist(
            "Vossberg – Briefing Messestand EuroTier",
            "2026-10-08 10:00",
            minutes=90,
            attendees=(VOSSBERG, LENZ),
            organizer=VOSSBERG,
            place=VOSSBERG_WERK,
        ),
        hist(
            "Vossberg: Entwurfsabstimmung Standgrafik",
            "2026-11-05 14:00",
            attendees=(LENZ,),
            online=Online("teams", "de"),
        ),
        hist("Teamfrühstück", "2026-10-20 08:30", attendees=(TOBIAS, AYLIN), rooms=(RHEINRAUM,)),
        hist("Angebot Vossberg kalkulieren", "2026-10-12 13:00", minutes=180),
        ev(
            "Wochenplanung Rheinstand",
            "2026-10-05 09:00",
            (Y, HY, IN),
            CONFLICT,
            weekly=10,
            attendees=(TOBIAS, AYLIN),
            rooms=(RHEINRAUM,),
            online=Online("teams", "de"),
            text="Aufbaupläne der Woche, Lkw-Slots, offene Freigaben.",
        ),
        ev("Fokuszeit", "2026-11-30 13:00", (N, UN, PE), OWN, minutes=120),
        ev(
            "Herrn Vossberg anrufen",
            "2026-12-01 09:00",
            (Y, PH, OT),
            CALL,
            minutes=15,
            note=NOBODY_KNOWN.format(who="Dr. Ralf Vossberg"),
        ),
        ev(
            "Kennenlernen Keßler Medizintechnik",
            "2026-12-01 14:00",
            (Y, VI, FC),
            SIG,
            minutes=45,
            organizer=KESSLER,
            attendees=(KESSLER,),
            online=Online("teams", "de"),
            text=KESSLER_SIG,
        ),
        ev(
            "Mittagessen mit Petra Lenz",
            "2026-12-02 12:30",
            (Y, IP, OT),
            SOCIAL,
            location="Brauerei Schumacher, Oststraße 123, 40210 Düsseldorf",
            note=NO_INVITE,
        ),
        ev(
            "Vor-Ort-Termin Vossberg – Werk Mönchengladbach",
            "2026-12-03 10:00",
            (Y, IP, VS),
            ORD,
            minutes=120,
            attendees=(VOSSBERG, LENZ),
            organizer=LENZ,
            place=VOSSBERG_WERK,
        ),
        ev("Anmeldung Expo Real 2027 erledigen", "2026-12-03 16:00", (N, UN, PE), TASK, minutes=20),
        ev(
            "Kinder von der Kita abholen",
            "2026-12-04 15:45",
            (N, IP, PE),
            OWN,
            minutes=30,
            location="Kita Sonnenblume, Lindenstraße 12, 40233 Düsseldorf",
        ),
        ev(
            "ICE 945 Düsseldorf Hbf → Berlin Hbf",
            "2026-12-07 07:40",
            (N, TR, PE),
            TRAVEL,
            minutes=265,
            footer=B.db_ticket(
                "Düsseldorf Hbf → Berlin Hbf",
                "ICE 945",
                "07:40",
                "12:05",
                "12",
                "45",
                "lena-ice945",
            ),
        ),
        ev(
            "Motel One Berlin-Hauptbahnhof",
            "2026-12-07",
            (N, TR, PE),
            TRAVEL,
            location="Invalidenstraße 54, 10557 Berlin",
            footer=B.booking_com(
                "Motel One Berlin-Hauptbahnhof",
                "Invalidenstraße 54, 10557 Berlin",
                "Mo., 7. Dez. 2026 (ab 15:00)",
                "Di., 8. Dez. 2026 (bis 12:00)",
                "lena-m1",
                "de",
            ),
        ),
        ev(
            "Webinar: Nachhaltiger Messebau – neue Vorgaben der Messe Düsseldorf",
            "2026-12-08 10:00",
            (Y, VI, NW),
            PLATFORM,
            organizer=Person("FAMAB Kommunikationsverband", "webinare@famab.example"),
            online=Online("teams", "de"),
            text="Vielen Dank für Ihre Anmeldung zum Webinar.\nSie nehmen als Teilnehmer:in teil, Kamera und Mikrofon bleiben aus. Fragen bitte in den Chat.\nDie Folien erhalten alle Angemeldeten im Anschluss.",
            note=DEBATABLE_WEBINAR,
        ),
        ev(
            "Platzhalter: Vertragsunterzeichnung Keßler Medizintechnik",
            "2026-12-09 11:00",
            (Y, IP, DC),
            HOLD,
            attendees=(KESSLER, TOBIAS),
            place=Place(
                "Keßler Medizintechnik GmbH",
                "Kaiserswerther Straße 115",
                "40474",
                "Düsseldorf",
                "Deutschland",
            ),
            text="Platzhalter bis der Vertragsentwurf von der Rechtsabteilung zurück ist.",
        ),
        ev(
            "Weihnachtsfeier Rheinstand",
            "2026-12-10 18:00",
            (Y, IP, IN),
            ORD,
            minutes=240,
            attendees=(TOBIAS, AYLIN),
            location="Zum Schiffchen, Hafenstraße 5, 40213 Düsseldorf",
        ),
        ev(
            "Zahnarzt Dr. Wolff",
            "2026-12-11 08:00",
            (N, IP, PE),
            OWN,
            minutes=45,
            location="Zahnarztpraxis Dr. Wolff, Schadowstraße 44, Düsseldorf",
        ),
    ),
    "de",
)

# --- Wien: Michael Steiner, architect (Thunderbird, Austrian German) ---------------------------

MICHAEL = Person("Michael Steiner", "m.steiner@steinerholzer.example")
EVA = Person("Eva Holzer", "e.holzer@steinerholzer.example")
PAUL = Person("Paul Winkler", "p.winkler@steinerholzer.example")
BERGER = Person("DI Karin Berger", "karin.berger@wohnen-donaustadt.example")
HUBER = Person("Mag. Stefan Huber", "stefan.huber@wohnen-donaustadt.example")
PICHLER = Person("Ing. Franz Pichler", "f.pichler@pichlerbau.example")
TIROL = Person("Magdalena Hofer", "m.hofer@holzbau-tirol.example")
DONAU_HQ = Place("Wohnen Donaustadt", "Wagramer Straße 81", "1220", "Wien", "Österreich")
BESPRECHUNG = Room("Besprechungsraum Loos", "loos@steinerholzer.example")

WIEN = A.Calendar(
    "thunderbird_michael.ics",
    "thunderbird_ics",
    MICHAEL,
    ("steinerholzer.example",),
    "Europe/Vienna",
    (
        hist(
            "Wohnen Donaustadt – Projektstart Seestadt",
            "2026-10-07 10:00",
            minutes=90,
            attendees=(BERGER, HUBER),
            organizer=BERGER,
            place=DONAU_HQ,
        ),
        hist(
            "Baubesprechung Pichler",
            "2026-10-22 08:00",
            attendees=(PICHLER,),
            location="Baustelle Seestadt, Baufeld H4",
        ),
        hist(
            "Wohnen Donaustadt: Planungsbesprechung",
            "2026-11-11 14:00",
            attendees=(BERGER,),
            online=Online("jitsi", "de"),
        ),
        ev(
            "Jour fixe Büro",
            "2026-10-01 10:00",
            (Y, IP, IN),
            ORD,
            weekly=10,
            attendees=(EVA, PAUL),
            rooms=(BESPRECHUNG,),
        ),
        ev(
            "Baustellenbesuch Seestadt – Baufeld H4",
            "2026-12-01 08:00",
            (Y, IP, VS),
            ORD,
            minutes=120,
            attendees=(PICHLER, BERGER),
            location="Baufeld H4, Janis-Joplin-Promenade, 1220 Wien",
            text="Helm und Sicherheitsschuhe mitnehmen. Treffpunkt Baucontainer.",
        ),
        ev(
            "Rorate-Messe im Stephansdom",
            "2026-12-02 06:30",
            (N, IP, PE),
            TOPIC,
            location="Stephansdom, Stephansplatz 3, 1010 Wien",
            note="'Messe' is a mass here, not a trade fair: own time at a place; debatable",
        ),
        ev(
            "Frau Berger zurückrufen",
            "2026-12-02 09:30",
            (Y, PH, OT),
            CALL,
            minutes=15,
            note=NOBODY_KNOWN.format(who="Karin Berger"),
        ),
        ev(
            "Heuriger mit Paul und Eva",
            "2026-12-02 18:00",
            (Y, IP, OT),
            SOCIAL,
            minutes=180,
            location="Heuriger Wieninger, Stammersdorfer Straße 78, 1210 Wien",
            note=NO_INVITE + "; colleagues, but nobody invited: other, internal arguable",
        ),
        ev(
            "Wohnen Donaustadt – Verhandlung Generalplanervertrag",
            "2026-12-03 14:00",
            (Y, HY, DC),
            CONFLICT,
            minutes=120,
            attendees=(BERGER, HUBER, EVA),
            place=DONAU_HQ,
            online=Online("jitsi", "de", structured=False),
            text="Eva wählt sich von der Baustelle aus per Jitsi ein.",
        ),
        ev(
            "Anmeldung Bauen & Energie Messe erledigen",
            "2026-12-03 17:00",
            (N, UN, PE),
            TASK,
            minutes=15,
        ),
        ev(
            "Railjet RJ 542 Wien Hbf → Linz Hbf",
            "2026-12-04 07:30",
            (N, TR, PE),
            TRAVEL,
            minutes=75,
            location="Wien Hauptbahnhof, Bahnsteig 8",
            footer="Ihre Reise mit den ÖBB\nWien Hbf ab 07:30, Bahnsteig 8\nLinz Hbf an 08:45\nRJ 542, Wagen 25, Platz 63 (Reservierung)\nTicketcode: 2048 1177 3092\nÖsterreichische Bundesbahnen · Am Hauptbahnhof 2 · 1100 Wien",
        ),
        ev(
            "Kennenlernen Holzbau Tirol (Video)",
            "2026-12-07 10:00",
            (Y, VI, FC),
            "checkin-meeting",
            minutes=45,
            attendees=(TIROL,),
            organizer=TIROL,
            online=Online("jitsi", "de"),
        ),
        ev(
            "Taxi zum Flughafen",
            "2026-12-09 05:30",
            (N, TR, PE),
            TRAVEL,
            minutes=30,
            footer=B.ride(
                "Taxi 40100",
                "Gumpendorfer Straße 63, 1060 Wien",
                "Flughafen Wien (VIE)",
                "michael-taxi",
                "de",
            ),
        ),
        ev(
            "Flug OS 561 Wien – Zürich",
            "2026-12-09 07:10",
            (N, TR, PE),
            TRAVEL,
            minutes=85,
            location="Flughafen Wien-Schwechat (VIE), Terminal 3",
            footer=B.airline(
                "Austrian Airlines",
                "OS 561",
                "Wien (VIE) 07:10",
                "Zürich (ZRH) 08:35",
                "michael-os561",
                "de",
            ),
        ),
        ev(
            "Architektur im Ringturm – Vernissage",
            "2026-12-10 19:00",
            (Y, IP, NW),
            GATHER,
            minutes=150,
            location="Ausstellungszentrum im Ringturm, Schottenring 30, 1010 Wien",
        ),
        ev("Urlaub", "2026-12-11", (N, UN, PE), OWN, show_as="free"),
    ),
    "de",
)

# --- Bordeaux: Camille Dubois, wine-export consultant (iCloud, French) ------------------------

CAMILLE = Person("Camille Dubois", "camille.dubois@garonne-export.example")
HUGO = Person("Hugo Lefèvre", "hugo.lefevre@garonne-export.example")
ROUX = Person("Bernard Roux", "b.roux@chateau-lamarque.example")
MARCHAND = Person("Sophie Marchand", "s.marchand@chateau-lamarque.example")
MARIE = Person("Marie Fontaine", "marie.fontaine.somm@gmail.com")
CAVISTE = Person("Antoine Mercier", "antoine@cave-des-chartrons.example")
LAMARQUE = Place(
    "Château Lamarque", "1 route du Médoc", "33460", "Lamarque", "France", 45.0964, -0.7189
)

BORDEAUX = A.Calendar(
    "icloud_camille.ics",
    "icloud_ics",
    CAMILLE,
    ("garonne-export.example",),
    "Europe/Paris",
    (
        hist(
            "Château Lamarque – point stratégie export",
            "2026-10-13 10:00",
            minutes=120,
            attendees=(ROUX, MARCHAND),
            organizer=ROUX,
            place=LAMARQUE,
        ),
        hist(
            "Dégustation avec Marie Fontaine",
            "2026-10-27 18:00",
            attendees=(MARIE,),
            location="Le Wine Bar, 19 rue des Bahutiers, Bordeaux",
        ),
        hist(
            "Lamarque : bilan Wine Paris",
            "2026-11-17 11:00",
            attendees=(MARCHAND,),
            online=Online("facetime", "fr"),
        ),
        ev(
            "Point hebdo Garonne Export",
            "2026-10-05 09:00",
            (Y, VI, IN),
            ORD,
            weekly=10,
            minutes=30,
            attendees=(HUGO,),
            online=Online("facetime", "fr"),
        ),
        ev(
            "Déj avec Hugo",
            "2026-12-01 12:15",
            (Y, IP, OT),
            SOCIAL,
            location="Le Petit Commerce, 22 rue du Parlement Saint-Pierre, 33000 Bordeaux",
            note=NO_INVITE,
        ),
        ev(
            "Rappeler Bernard Roux",
            "2026-12-01 17:00",
            (Y, PH, OT),
            CALL,
            minutes=15,
            note=NOBODY_KNOWN.format(who="Bernard Roux"),
        ),
        ev(
            "Visite de chai – Château Lamarque",
            "2026-12-02 10:00",
            (Y, IP, VS),
            ORD,
            minutes=150,
            attendees=(ROUX, MARCHAND),
            place=LAMARQUE,
        ),
        ev(
            "Inscription Vinexpo Paris 2027 à faire",
            "2026-12-02 15:00",
            (N, UN, PE),
            TASK,
            minutes=20,
        ),
        ev(
            "Rendez-vous médecin",
            "2026-12-03 08:30",
            (N, IP, PE),
            OWN,
            minutes=30,
            location="Cabinet du Dr Garnier, 14 cours de l'Intendance, 33000 Bordeaux",
        ),
        ev(
            "Signature contrat de distribution – Château Lamarque",
            "2026-12-04 11:00",
            (Y, HY, DC),
            CONFLICT,
            attendees=(ROUX, MARCHAND, HUGO),
            place=LAMARQUE,
            online=Online("facetime", "fr", structured=False),
            text="Hugo suit la signature en FaceTime depuis Hong Kong.",
        ),
        ev(
            "Marché de Noël avec les enfants",
            "2026-12-05 15:00",
            (N, IP, PE),
            OWN,
            minutes=150,
            location="Allées de Tourny, Bordeaux",
            note="a Christmas market with one's children: own time, not a gathering; debatable",
        ),
        ev(
            "TGV INOUI 8414 Bordeaux → Paris",
            "2026-12-07 07:04",
            (N, TR, PE),
            TRAVEL,
            minutes=124,
            location="Bordeaux Saint-Jean",
            footer=B.sncf_ticket(
                "Bordeaux Saint-Jean → Paris Montparnasse",
                "TGV INOUI 8414",
                "07h04",
                "09h08",
                "14",
                "82",
                "camille-8414",
            ),
        ),
        ev(
            "Hôtel Mercure Paris Gare Montparnasse",
            "2026-12-07",
            (N, TR, PE),
            TRAVEL,
            location="20 rue de la Gaîté, 75014 Paris",
            footer=B.hotel_direct(
                "Hôtel Mercure Paris Gare Montparnasse",
                "20 rue de la Gaîté, 75014 Paris",
                "1 (7 – 8 décembre)",
                "camille-mercure",
                "fr",
            ),
        ),
        ev(
            "Premier rendez-vous – La Cave des Chartrons",
            "2026-12-08 16:00",
            (Y, IP, FC),
            ORD,
            attendees=(CAVISTE,),
            location="La Cave des Chartrons, 41 rue Notre-Dame, 33000 Bordeaux",
        ),
        ev("Dépôt école + crèche", "2026-12-09 08:15", (N, UN, PE), OWN, minutes=45),
        ev(
            "Apéro Marie Fontaine",
            "2026-12-10 19:00",
            (Y, UN, OT),
            SOCIAL,
            minutes=90,
            note="debatable: a drink named with someone, nobody invited and no place: meeting, mode unknown by the rule (in person arguable)",
        ),
    ),
    "fr",
)

# --- Bruxelles: Nathalie Lambert, EU-funding consultant (Google .ics, Belgian French) ----------

NATHALIE = Person("Nathalie Lambert", "nathalie.lambert@lj-conseil.example")
PIETER = Person("Pieter Janssens", "pieter.janssens@lj-conseil.example")
DUPONT = Person("Marc Dupont", "marc.dupont@h2wal.example")
RENARD = Person("Isabelle Renard", "isabelle.renard@h2wal.example")
CLAES = Person("Tom Claes", "tom.claes@fluxlog.example")
H2WAL = "H2Wal asbl, Rue de la Science 14, 1040 Bruxelles"

BRUXELLES = A.Calendar(
    "google_nathalie.ics",
    "google_ics",
    NATHALIE,
    ("lj-conseil.example",),
    "Europe/Brussels",
    (
        hist(
            "H2Wal – lancement dossier Innovation Fund",
            "2026-10-06 10:00",
            attendees=(DUPONT, RENARD),
            online=Online("meet", "fr"),
        ),
        hist(
            "H2Wal : relecture partie B",
            "2026-11-10 14:00",
            attendees=(RENARD,),
            online=Online("meet", "fr"),
        ),
        hist("Café avec Pieter", "2026-10-21 08:45", minutes=30),
        ev(
            "H2Wal – atelier budget",
            "2026-12-01 10:00",
            (Y, HY, OT),
            CONFLICT,
            minutes=120,
            attendees=(DUPONT, RENARD),
            location=H2WAL,
            online=Online("meet", "fr"),
            note=AUTO_MEET
            + "; the second meeting with both Marc Dupont and Isabelle Renard (the Nov 10 one was"
            " Isabelle's alone): other (first labelled routine, counting Isabelle's meetings)",
        ),
        ev(
            "Point équipe",
            "2026-12-02 09:00",
            (Y, VI, IN),
            CONFLICT,
            minutes=30,
            attendees=(PIETER,),
            location="En ligne",
            online=Online("meet", "fr"),
            note="'En ligne' is no place: a Meet link only",
        ),
        ev(
            "Appeler Maître Petit (notaire)",
            "2026-12-02 11:30",
            (Y, PH, OT),
            CALL,
            minutes=15,
        ),
        ev(
            "Lunch Isabelle",
            "2026-12-03 12:30",
            (Y, IP, OT),
            SOCIAL,
            location="Le Pain Quotidien, Rue des Sablons 11, 1000 Bruxelles",
            note=NO_INVITE,
        ),
        ev(
            "Webinaire – Horizon Europe : appels 2027 du Cluster 5",
            "2026-12-03 14:00",
            (Y, VI, NW),
            PLATFORM,
            minutes=90,
            organizer=Person("NCP Wallonie", "webinaires@ncp-wallonie.example"),
            online=Online("zoom", "fr", host="NCP Wallonie"),
            text="Merci pour votre inscription ! Les micros des participants seront coupés ; posez vos questions via le Q&R.",
            note=DEBATABLE_WEBINAR,
        ),
        ev(
            "Premier contact Flux Logistics",
            "2026-12-04 10:00",
            (Y, VI, FC),
            ORD,
            minutes=45,
            attendees=(CLAES,),
            online=Online("meet", "fr"),
        ),
        ev(
            "Réserver billets Eurostar pour Londres",
            "2026-12-04 16:30",
            (N, UN, PE),
            TASK,
            minutes=15,
        ),
        ev("Focus – rédaction partie C", "2026-12-07 09:00", (N, UN, PE), OWN, minutes=180),
        ev(
            "Eurostar 9117 Bruxelles-Midi → London St Pancras",
            "2026-12-08 08:56",
            (N, TR, PE),
            TRAVEL,
            minutes=124,
            location="Bruxelles-Midi / Brussel-Zuid",
            footer="Votre voyage Eurostar\nBruxelles-Midi 08:56 → London St Pancras International 10:00 (heure locale)\nTrain 9117 · Voiture 11 · Place 34 · Standard\nRéférence : QXB7TR\nPrésentez-vous au contrôle au moins 45 minutes avant le départ.\nEurostar International Ltd, Times House, Bravingtons Walk, London N1 9AW",
        ),
        ev(
            "Dentiste",
            "2026-12-09 17:30",
            (N, IP, PE),
            OWN,
            minutes=45,
            location="Cabinet dentaire Louise, Avenue Louise 231, 1050 Ixelles",
        ),
        ev(
            "Bloqué : signature convention de subvention – H2Wal",
            "2026-12-10 15:00",
            (Y, IP, DC),
            HOLD,
            attendees=(DUPONT, RENARD),
            location=H2WAL,
        ),
    ),
    "fr",
)

# --- Bologna: Giulia Conti, packaging-machinery sales (Google Calendar API, Italian) ----------

GIULIA = Person("Giulia Conti", "giulia.conti@emiliapack.example")
MARCO = Person("Marco Rossi", "marco.rossi@emiliapack.example")
ELENA = Person("Elena Ferri", "elena.ferri@emiliapack.example")
MARTINI = Person("Andrea Martini", "a.martini@caseificio-valsamoggia.example")
GATTI = Person("Luca Gatti", "luca.gatti@birrificioreno.example")
SALA = Room("Sala Riunioni 2° piano", "c_sala2@resource.calendar.google.com")
VALSAMOGGIA = "Caseificio Valsamoggia, Via Provinciale 112, 40053 Valsamoggia BO"

BOLOGNA = A.Calendar(
    "google_giulia.json",
    "google_json",
    GIULIA,
    ("emiliapack.example",),
    "Europe/Rome",
    (
        hist(
            "Caseificio Valsamoggia – presentazione linea confezionamento",
            "2026-10-09 10:00",
            attendees=(MARTINI,),
            location=VALSAMOGGIA,
        ),
        hist(
            "Valsamoggia: offerta tecnica",
            "2026-11-04 15:00",
            attendees=(MARTINI,),
            online=Online("meet", "en"),
        ),
        ev(
            "Riunione commerciale settimanale",
            "2026-10-05 09:00",
            (Y, HY, IN),
            CONFLICT,
            weekly=10,
            attendees=(MARCO, ELENA),
            rooms=(SALA,),
            online=Online("meet", "en"),
        ),
        ev(
            "Chiamare Andrea Martini per la consegna",
            "2026-12-01 09:00",
            (Y, PH, OT),
            CALL,
            minutes=15,
            note=NOBODY_KNOWN.format(who="Andrea Martini"),
        ),
        ev(
            "Tempo per concentrarsi",
            "2026-12-01 14:00",
            (N, UN, PE),
            STRUCT,
            minutes=120,
            event_type="focusTime",
        ),
        ev(
            "Pranzo con Paola",
            "2026-12-02 13:00",
            (Y, IP, OT),
            SOCIAL,
            location="Trattoria Anna Maria, Via delle Belle Arti 17/a, 40126 Bologna",
            note=NO_INVITE,
        ),
        ev(
            "Visita stabilimento Caseificio Valsamoggia",
            "2026-12-03 09:30",
            (Y, IP, VS),
            ORD,
            minutes=150,
            attendees=(MARTINI, MARCO),
            location=VALSAMOGGIA,
        ),
        ev(
            "Primo incontro Birrificio Reno",
            "2026-12-03 15:00",
            (Y, VI, FC),
            CONFLICT,
            minutes=45,
            attendees=(GATTI,),
            location="Online",
            online=Online("meet", "en"),
            note="'Online' is no place: a Meet link only",
        ),
        ev(
            "Frecciarossa 9517 Bologna C.le → Milano C.le",
            "2026-12-04 07:45",
            (N, TR, PE),
            TRAVEL,
            minutes=65,
            location="Bologna Centrale",
            footer="Trenitalia – Il tuo biglietto\nFrecciarossa 9517\nBologna Centrale 07:45 → Milano Centrale 08:50\nCarrozza 6, Posto 9C, Business\nPNR: K7RTQ2\nCodice biglietto: 2811 4470 9153\nTrenitalia S.p.A. – Piazza della Croce Rossa 1, 00161 Roma",
        ),
        ev(
            "Fiera di Santa Lucia con i bambini",
            "2026-12-05 16:00",
            (N, IP, PE),
            TOPIC,
            minutes=120,
            location="Portico dei Servi, Strada Maggiore, Bologna",
            note="the Christmas 'fiera' (market) with one's children, not a trade fair: own time; debatable",
        ),
        ev(
            "Prenotare lo stand per Cibus Tec 2027",
            "2026-12-07 11:00",
            (N, UN, PE),
            TASK,
            minutes=20,
        ),
        ev(
            "Pediatra – Matteo",
            "2026-12-07 17:00",
            (N, IP, PE),
            OWN,
            minutes=30,
            location="Studio pediatrico, Via Saragozza 40, Bologna",
        ),
        ev(
            "Telefonata con Luca Gatti",
            "2026-12-09 10:00",
            (Y, PH, OT),
            TOOL,
            minutes=20,
            attendees=(GATTI,),
            location="Cellulare +39 347 218 5590",
            note="Luca Gatti's second meeting: other",
        ),
        ev(
            "Firma contratto fornitura – Birrificio Reno",
            "2026-12-10 11:00",
            (Y, IP, DC),
            ORD,
            attendees=(GATTI, MARCO),
            location="Birrificio Reno, Via del Lavoro 8, 40033 Casalecchio di Reno BO",
        ),
        ev(
            "Ferie",
            "2026-12-11 00:00",
            (N, UN, PE),
            STRUCT,
            minutes=1440,
            event_type="outOfOffice",
        ),
    ),
    "it",
)

# --- Madrid: Javier Ortega, property lawyer (Microsoft Graph, Spanish) ------------------------

JAVIER = Person("Javier Ortega", "javier.ortega@ortega-navarro.example")
LUCIA = Person("Lucía Navarro", "lucia.navarro@ortega-navarro.example")
PABLO = Person("Pablo Gil", "pablo.gil@ortega-navarro.example")
VIDAL = Person("Carmen Vidal", "c.vidal@castellana-inmo.example")
SANZ = Person("Raúl Sanz", "r.sanz@castellana-inmo.example")
MOLINA = Person("Teresa Molina", "teresa.molina@hoteles-alhambra.example")
RETIRO = Room("Sala Retiro", "sala.retiro@ortega-navarro.example")
NOTARIA = Place(
    "Notaría Gómez-Acebo",
    "Calle de Velázquez 50",
    "28001",
    "Madrid",
    "España",
    kind="businessAddress",
)
MOLINA_SIG = (
    "Estimado Sr. Ortega:\nle propongo una primera reunión por Teams para presentarle el proyecto "
    "de los dos hoteles de Granada.\n\nUn saludo cordial,\nTeresa Molina\nDirectora de Expansión\n"
    "Hoteles Alhambra S.L.\nCalle Reyes Católicos 32, 18009 Granada\nTel. +34 958 22 41 70 · Móvil +34 655 318 902"
)

MADRID = A.Calendar(
    "graph_javier.json",
    "graph_json",
    JAVIER,
    ("ortega-navarro.example",),
    "Europe/Madrid",
    (
        hist(
            "Inmobiliaria Castellana – reunión inicial",
            "2026-10-15 10:00",
            attendees=(VIDAL, SANZ),
            organizer=VIDAL,
            online=Online("teams", "es"),
        ),
        hist(
            "Castellana: revisión due diligence",
            "2026-11-05 16:00",
            attendees=(VIDAL,),
            rooms=(RETIRO,),
        ),
        ev(
            "Despacho semanal",
            "2026-10-05 09:30",
            (Y, HY, IN),
            CONFLICT,
            weekly=10,
            attendees=(LUCIA, PABLO),
            rooms=(RETIRO,),
            online=Online("teams", "es"),
        ),
        ev(
            "Castellana – negociación contrato de arras",
            "2026-12-01 10:00",
            (Y, IP, DC),
            ORD,
            minutes=120,
            attendees=(VIDAL, SANZ),
            place=NOTARIA,
        ),
        ev(
            "Llamar a Carmen Vidal",
            "2026-12-01 13:00",
            (Y, PH, OT),
            CALL,
            minutes=15,
            note=NOBODY_KNOWN.format(who="Carmen Vidal"),
        ),
        ev(
            "Reservar mesa para la cena de Navidad del despacho",
            "2026-12-02 09:00",
            (N, UN, PE),
            TASK,
            minutes=15,
        ),
        ev(
            "Comida con Lucía y Pablo",
            "2026-12-02 14:00",
            (Y, IP, OT),
            SOCIAL,
            minutes=90,
            place=Place(
                "Casa Lucio",
                "Calle de la Cava Baja 35",
                "28005",
                "Madrid",
                "España",
                kind="restaurant",
            ),
            note=NO_INVITE + "; colleagues, but nobody invited: other, internal arguable",
        ),
        ev(
            "Primera reunión – Hoteles Alhambra",
            "2026-12-03 16:00",
            (Y, VI, FC),
            SIG,
            minutes=45,
            organizer=MOLINA,
            attendees=(MOLINA,),
            online=Online("teams", "es"),
            text=MOLINA_SIG,
        ),
        ev(
            "Médico de cabecera",
            "2026-12-04 08:30",
            (N, IP, PE),
            OWN,
            minutes=30,
            location="Centro de Salud Justicia, Calle de Hortaleza 88, Madrid",
        ),
        ev(
            "Desayuno de networking – Cámara de Comercio de Madrid",
            "2026-12-04 09:00",
            (Y, IP, NW),
            GATHER,
            minutes=120,
            location="Cámara de Comercio de Madrid, Calle de Ribera del Loira 56, 28042 Madrid",
        ),
        ev(
            "Vuelo IB 3206 Madrid – Bruselas",
            "2026-12-07 07:35",
            (N, TR, PE),
            TRAVEL,
            minutes=140,
            location="Aeropuerto Adolfo Suárez Madrid-Barajas (MAD), T4",
            footer="Iberia – Tarjeta de embarque\nVuelo IB 3206 · Madrid (MAD) 07:35 → Bruselas (BRU) 09:55\nLocalizador: P4KZ7W\nAsiento 14C · Embarque 06:55 · Puerta J52\nIberia Líneas Aéreas de España, S.A. Operadora · Calle Martínez Villergas 49, 28027 Madrid",
        ),
        ev(
            "Recoger a los niños del colegio",
            "2026-12-09 17:00",
            (N, UN, PE),
            OWN,
            minutes=30,
        ),
        ev("Vacaciones", "2026-12-10", (N, UN, PE), STRUCT, days=1, show_as="oof"),
        ev(
            "Bloqueado: firma escritura Castellana",
            "2026-12-11 10:00",
            (Y, IP, DC),
            HOLD,
            attendees=(VIDAL, SANZ, LUCIA),
            place=NOTARIA,
        ),
    ),
    "es",
)

# --- Sevilla: Rocío Jiménez, tourism consultant (Google .ics, Spanish) -------------------------

ROCIO = Person("Rocío Jiménez", "rocio.jimenez@giraldaturismo.example")
ALVARO = Person("Álvaro Romero", "alvaro.romero@giraldaturismo.example")
REYES = Person("Manuel Reyes", "manuel.reyes@trianapalace.example")
CURRO = Person("Curro Delgado", "curro.delgado.foto@gmail.com")
TRIANA = "Hotel Triana Palace, Calle Betis 41, 41010 Sevilla"

SEVILLA = A.Calendar(
    "google_rocio.ics",
    "google_ics",
    ROCIO,
    ("giraldaturismo.example",),
    "Europe/Madrid",
    (
        hist(
            "Triana Palace – presentación de la propuesta",
            "2026-10-20 11:00",
            attendees=(REYES,),
            location=TRIANA,
        ),
        hist(
            "Triana Palace: seguimiento",
            "2026-11-12 10:00",
            attendees=(REYES,),
            online=Online("meet", "en"),
        ),
        ev(
            "Reunión de equipo Giralda",
            "2026-10-06 09:00",
            (Y, HY, IN),
            CONFLICT,
            weekly=10,
            minutes=45,
            attendees=(ALVARO,),
            location="Oficina Giralda Turismo, Calle Mateos Gago 12, Sevilla",
            online=Online("meet", "en"),
            note=AUTO_MEET,
        ),
        ev(
            "Visita de obra – reforma Triana Palace",
            "2026-12-01 10:00",
            (Y, IP, VS),
            ORD,
            minutes=120,
            attendees=(REYES,),
            location=TRIANA,
        ),
        ev(
            "Llamada con Curro",
            "2026-12-01 13:00",
            (Y, PH, FC),
            TOOL,
            minutes=20,
            attendees=(CURRO,),
            location="WhatsApp",
            note="a WhatsApp call without 'video': phone; Curro (Gmail) has no earlier meeting: first contact",
        ),
        ev(
            "Café con Álvaro",
            "2026-12-02 09:30",
            (Y, IP, OT),
            SOCIAL,
            minutes=45,
            location="Bar El Comercio, Calle Lineros 9, Sevilla",
            note=NO_INVITE,
        ),
        ev(
            "AVE 02091 Sevilla-Santa Justa → Madrid-Puerta de Atocha",
            "2026-12-03 07:00",
            (N, TR, PE),
            TRAVEL,
            minutes=150,
            location="Sevilla-Santa Justa",
            footer="Renfe – Billete electrónico\nAVE 02091 · Sevilla-Santa Justa 07:00 → Madrid-Puerta de Atocha 09:30\nCoche 4 · Plaza 07A · Clase Confort\nLocalizador: 4XK2RB\nPresente el código QR en el control de acceso.\nRenfe Viajeros S.M.E., S.A. · Avenida de Pío XII 110, 28036 Madrid",
        ),
        ev(
            "Recogida coche de alquiler – Europcar Atocha",
            "2026-12-03 09:45",
            (N, TR, PE),
            TRAVEL,
            minutes=30,
            location="Europcar Madrid Estación de Atocha, Glorieta del Emperador Carlos V",
            footer="Europcar – Confirmación de reserva\nNúmero de reserva: 1174 2093 58\nRecogida: 3 dic. 2026 09:45, Madrid Estación de Atocha\nDevolución: 4 dic. 2026 18:00, Madrid Estación de Atocha\nVehículo: Seat León o similar (CDMR)\nEuropcar IB, S.A. · Avenida del Partenón 16-18, 28042 Madrid",
        ),
        ev(
            "Inscribirme en FITUR 2027",
            "2026-12-04 12:00",
            (N, UN, PE),
            TASK,
            minutes=15,
        ),
        ev(
            "Feria del Belén",
            "2026-12-05 18:00",
            (N, IP, PE),
            TOPIC,
            minutes=90,
            location="Avenida de la Constitución, Sevilla",
            note="the nativity-figure 'feria' (a Christmas market), not a trade fair: own time; debatable",
        ),
        ev(
            "Llamar al fontanero por la caldera",
            "2026-12-07 08:30",
            (Y, PH, OT),
            CALL,
            minutes=10,
            note="debatable: a household call; a call in the title is a meeting, phone, other by the rule",
        ),
        ev(
            "Ginecóloga",
            "2026-12-09 09:00",
            (N, IP, PE),
            OWN,
            minutes=45,
            location="Clínica Santa Isabel, Calle Luis Montoto 100, Sevilla",
        ),
        ev(
            "Provisional: firma del contrato con Triana Palace",
            "2026-12-10 12:00",
            (Y, IP, DC),
            HOLD,
            attendees=(REYES, ALVARO),
            location=TRIANA,
        ),
    ),
    "es",
)

# --- Antwerpen: Jeroen Maes, data consultant (Nextcloud, Flemish Dutch) -----------------------

JEROEN = Person("Jeroen Maes", "jeroen@scheldedata.example")
LOTTE = Person("Lotte Claes", "lotte@scheldedata.example")
BRAM = Person("Bram Wouters", "bram@scheldedata.example")
VANDAMME = Person("Koen Van Damme", "koen.vandamme@vandamme-shipping.example")
JACOBS = Person("Ine Jacobs", "ine.jacobs@vandamme-shipping.example")
COHEN = Person("Sarah Cohen", "s.cohen@adc-diamant.example")
SCHELDE = Room("Vergaderzaal Schelde", "schelde@scheldedata.example")
VANDAMME_HQ = "Van Damme Shipping, Noorderlaan 147, 2030 Antwerpen"

ANTWERPEN = A.Calendar(
    "nextcloud_jeroen.ics",
    "nextcloud_ics",
    JEROEN,
    ("scheldedata.example",),
    "Europe/Brussels",
    (
        hist(
            "Van Damme – kick-off datamodel",
            "2026-10-12 10:00",
            attendees=(VANDAMME, JACOBS),
            location=VANDAMME_HQ,
        ),
        hist(
            "Van Damme: tussentijdse demo",
            "2026-11-09 14:00",
            attendees=(JACOBS,),
            online=Online("talk", "nl"),
        ),
        ev(
            "Weekoverleg Scheldedata",
            "2026-10-05 09:00",
            (Y, HY, IN),
            CONFLICT,
            weekly=10,
            attendees=(LOTTE, BRAM),
            rooms=(SCHELDE,),
            online=Online("talk", "nl"),
        ),
        ev(
            "Koen Van Damme bellen",
            "2026-12-01 09:00",
            (Y, PH, OT),
            CALL,
            minutes=15,
            note=NOBODY_KNOWN.format(who="Koen Van Damme"),
        ),
        ev(
            "Lunch met Lotte",
            "2026-12-01 12:30",
            (Y, IP, OT),
            SOCIAL,
            location="Broer Bretel, Kloosterstraat 2, 2000 Antwerpen",
            note=NO_INVITE,
        ),
        ev(
            "Kennismaking Diamantcentrum",
            "2026-12-02 14:00",
            (Y, VI, FC),
            ORD,
            minutes=45,
            attendees=(COHEN,),
            online=Online("talk", "nl"),
        ),
        ev(
            "Bezoek terminal Van Damme – Deurganckdok",
            "2026-12-03 10:00",
            (Y, IP, VS),
            ORD,
            minutes=150,
            attendees=(VANDAMME, JACOBS),
            location="Deurganckdok, Kaai 1742, 9130 Beveren",
        ),
        ev(
            "Trein naar Brussel-Centraal (IC 2117)",
            "2026-12-04 07:50",
            (N, TR, PE),
            TRAVEL,
            minutes=50,
            location="Antwerpen-Centraal",
            footer="NMBS – Uw vervoerbewijs\nAntwerpen-Centraal 07:50 → Brussel-Centraal 08:40\nIC 2117 · 2de klas · Standaardbiljet\nBiljetnummer: 7741 2038 1156\nNMBS · Frankrijklaan 56 · 1060 Brussel",
        ),
        ev(
            "Huisarts",
            "2026-12-04 17:00",
            (N, IP, PE),
            OWN,
            minutes=20,
            location="Huisartsenpraktijk Zurenborg, Dageraadplaats 8, 2018 Antwerpen",
        ),
        ev(
            "Kerstmarkt Groenplaats met de kinderen",
            "2026-12-06 15:00",
            (N, IP, PE),
            OWN,
            minutes=120,
            location="Groenplaats, Antwerpen",
            note="a Christmas market with one's children: own time, not a gathering; debatable",
        ),
        ev("Focustijd", "2026-12-07 09:00", (N, UN, PE), OWN, minutes=150),
        ev(
            "Tickets bestellen voor de Data Innovation Summit",
            "2026-12-07 16:00",
            (N, UN, PE),
            TASK,
            minutes=15,
        ),
        ev("Kinderen ophalen aan de schoolpoort", "2026-12-08 15:30", (N, UN, PE), OWN, minutes=30),
        ev(
            "Optie: contractondertekening Van Damme",
            "2026-12-09 14:00",
            (Y, IP, DC),
            HOLD,
            attendees=(VANDAMME, JACOBS),
            location=VANDAMME_HQ,
        ),
        ev(
            "Borrel met Bram",
            "2026-12-10 17:30",
            (Y, IP, OT),
            SOCIAL,
            minutes=90,
            location="Café Kulminator, Vleminckveld 32, 2000 Antwerpen",
            note=NO_INVITE,
        ),
    ),
    "nl",
)

# --- Dublin: Aoife Byrne, payments product manager (Outlook desktop, Irish English) ------------

AOIFE = Person("Aoife Byrne", "aoife.byrne@liffeypay.example")
CIARAN = Person("Ciarán Murphy", "ciaran.murphy@liffeypay.example")
NIAMH = Person("Niamh Kelly", "niamh.kelly@liffeypay.example")
OBRIEN = Person("Declan O'Brien", "declan.obrien@shannoncu.example")
WALSH = Person("Róisín Walsh", "roisin.walsh@shannoncu.example")
FLANAGAN = Person("Seán Flanagan", "sean.flanagan@galwaybayfoods.example")
SHANNON_HQ = Place("Shannon Credit Union", "12 O'Connell Street", "V94 X2F3", "Limerick", "Ireland")

DUBLIN = A.Calendar(
    "outlook_aoife.ics",
    "outlook_ics",
    AOIFE,
    ("liffeypay.example",),
    "Europe/Dublin",
    (
        hist(
            "Shannon CU – discovery workshop",
            "2026-10-14 10:00",
            minutes=180,
            attendees=(OBRIEN, WALSH),
            organizer=WALSH,
            place=SHANNON_HQ,
        ),
        hist(
            "Shannon CU: API walkthrough",
            "2026-11-18 15:00",
            attendees=(WALSH,),
            online=Online("teams", "en"),
        ),
        ev(
            "Product stand-up",
            "2026-10-05 09:15",
            (Y, VI, IN),
            ORD,
            weekly=10,
            minutes=15,
            attendees=(CIARAN, NIAMH),
            online=Online("teams", "en"),
        ),
        ev(
            "Ring Declan re: pilot dates",
            "2026-12-01 09:30",
            (Y, PH, OT),
            CALL,
            minutes=15,
            note=NOBODY_KNOWN.format(who="Declan O'Brien"),
        ),
        ev(
            "Coffee w/ Niamh",
            "2026-12-01 11:00",
            (Y, IP, OT),
            SOCIAL,
            minutes=30,
            location="Kaph, 31 Drury Street, Dublin 2",
            note=NO_INVITE,
        ),
        ev(
            "Galway Bay Foods – intro call",
            "2026-12-02 15:00",
            (Y, VI, FC),
            ORD,
            minutes=30,
            attendees=(FLANAGAN,),
            online=Online("teams", "en"),
        ),
        ev(
            "Irish Rail: Dublin Heuston → Limerick Colbert",
            "2026-12-03 07:00",
            (N, TR, PE),
            TRAVEL,
            minutes=135,
            location="Dublin Heuston",
            footer="Iarnród Éireann / Irish Rail – Booking confirmation\nDublin Heuston 07:00 → Limerick Colbert 09:15 (change at Limerick Junction)\nCoach C, Seat 22\nBooking reference: IR7K2M94\nCollect your ticket at any ticket machine in the station.\nIarnród Éireann, Connolly Station, Dublin 1",
        ),
        ev(
            "Shannon CU – contract signing",
            "2026-12-03 11:00",
            (Y, HY, DC),
            CONFLICT,
            attendees=(OBRIEN, WALSH, CIARAN),
            place=SHANNON_HQ,
            online=Online("teams", "en"),
            text="Ciarán joins on Teams from Dublin.",
        ),
        ev(
            "GP appointment",
            "2026-12-04 08:40",
            (N, IP, PE),
            OWN,
            minutes=20,
            location="Rathmines Medical Centre, 1 Castlewood Avenue, Dublin 6",
        ),
        ev(
            "Book table for the team Christmas dinner",
            "2026-12-04 12:00",
            (N, UN, PE),
            TASK,
            minutes=10,
        ),
        ev("Annual leave", "2026-12-07", (N, UN, PE), STRUCT, show_as="oof"),
        ev(
            "Aer Lingus EI 632 Dublin – Brussels",
            "2026-12-08 06:45",
            (N, TR, PE),
            TRAVEL,
            minutes=105,
            location="Dublin Airport (DUB), Terminal 2",
            footer=B.airline(
                "Aer Lingus",
                "EI 632",
                "Dublin (DUB) 06:45",
                "Brussels (BRU) 09:30",
                "aoife-ei632",
                "en",
            ),
        ),
        ev("School run", "2026-12-09 08:15", (N, UN, PE), OWN, minutes=30),
        ev(
            "Call for papers: Money20/20 abstract due",
            "2026-12-10 17:00",
            (N, UN, PE),
            TOPIC,
            minutes=30,
            note="'Call for papers' is a deadline, not a call: a task for oneself",
        ),
        ev(
            "Pencilled in: Galway Bay Foods – pilot scoping",
            "2026-12-11 10:00",
            (Y, VI, OT),
            HOLD,
            attendees=(FLANAGAN, NIAMH),
            online=Online("teams", "en"),
            note="Seán Flanagan's second meeting: other",
        ),
    ),
    "en",
)

CALENDARS = (DUESSELDORF, WIEN, BORDEAUX, BRUXELLES, BOLOGNA, MADRID, SEVILLA, ANTWERPEN, DUBLIN)

# --- the invitations event platforms, chambers, fairs and rail operators send ------------------

t = D2.t
vendor_file = D2.vendor_file
VENDOR = []  # (file, format, calendar, bytes, [(uid, start, title, label, cls, note)])


def one(file, fmt, calendar, prodid, zone, props, label, cls, note="", method="PUBLISH"):
    """A vendor file with one event; ``props`` its properties in order (UID, DTSTART first)."""
    uid = dict(props)["UID"]
    start = next(value for name, value in props if name.startswith("DTSTART"))
    title = next(value for name, value in props if name == "SUMMARY")
    if start.endswith("Z"):
        from datetime import datetime
        from zoneinfo import ZoneInfo

        moment = datetime.strptime(start, "%Y%m%dT%H%M%SZ").replace(tzinfo=A.UTC)
        local = moment.astimezone(ZoneInfo(calendar.zone)).strftime("%Y-%m-%d %H:%M")
    else:
        local = f"{start[:4]}-{start[4:6]}-{start[6:8]} {start[9:11]}:{start[11:13]}"
    VENDOR.append(
        (
            file,
            fmt,
            calendar,
            vendor_file(prodid, zone, [props], method),
            [(uid, local, title.replace("\\,", ","), label, cls, note)],
        )
    )


one(
    "eventbrite_proptech.ics",
    "eventbrite_ics",
    MADRID,
    "-//Eventbrite//Eventbrite Calendar 1.0//ES",
    "Europe/Madrid",
    [
        ("UID", "eventbrite-1098827731459-ticket-3320948817@eventbrite.com"),
        ("DTSTAMP", "20261119T101500Z"),
        ("DTSTART;TZID=Europe/Madrid", "20261202T190000"),
        ("DTEND;TZID=Europe/Madrid", "20261202T220000"),
        ("SUMMARY", t("Proptech Madrid: networking de fin de año")),
        ("LOCATION", t("Espacio Rastro, Calle de la Ribera de Curtidores 12, 28005 Madrid")),
        (
            "DESCRIPTION",
            t(
                "Tu entrada para Proptech Madrid: networking de fin de año\nPedido n.º 8817402231 · Entrada general (gratuita)\nOrganizador: Proptech Madrid\nVer el evento: https://www.eventbrite.es/e/proptech-madrid-networking-de-fin-de-ano-tickets-1098827731459\n\nEventbrite · Términos de servicio"
            ),
        ),
        (
            "URL",
            "https://www.eventbrite.es/e/proptech-madrid-networking-de-fin-de-ano-tickets-1098827731459",
        ),
        ("STATUS", "CONFIRMED"),
    ],
    (Y, IP, NW),
    PLATFORM,
)
one(
    "luma_fintech_mixer.ics",
    "luma_ics",
    DUBLIN,
    "-//Luma//Luma Calendar//EN",
    "Europe/Dublin",
    [
        ("UID", "evt-Qw7rT2kLx9PzA1b@lu.ma"),
        ("DTSTAMP", "20261121T141200Z"),
        ("DTSTART", "20261203T180000Z"),
        ("DTEND", "20261203T210000Z"),
        ("SUMMARY", t("Dublin Fintech Founders – Winter Mixer")),
        ("LOCATION", t("The Marker Hotel, Grand Canal Square, Dublin 2")),
        (
            "DESCRIPTION",
            t(
                "Get up-to-date information at: https://lu.ma/dublin-fintech-winter\n\nHosted by Dublin Fintech Founders\nYou're registered! Show your QR code at the door.\nAddress:\nThe Marker Hotel, Grand Canal Square, Dublin 2"
            ),
        ),
        ("URL", "https://lu.ma/dublin-fintech-winter"),
        ("ORGANIZER;CN=Dublin Fintech Founders", "mailto:calendar-invite@lu.ma"),
        ("STATUS", "CONFIRMED"),
    ],
    (Y, IP, NW),
    PLATFORM,
    note="'Hotel' is the venue of a gathering, not a stay",
)
one(
    "meetup_data_antwerpen.ics",
    "meetup_ics",
    ANTWERPEN,
    "-//Meetup//RemoteApi//EN",
    "Europe/Brussels",
    [
        ("UID", "event_312448019@meetup.com"),
        ("DTSTAMP", "20261120T171000Z"),
        ("DTSTART;TZID=Europe/Brussels", "20261202T183000"),
        ("DTEND;TZID=Europe/Brussels", "20261202T213000"),
        ("SUMMARY", t("Antwerp Data Science Meetup #42 – LLM's in de haven")),
        ("LOCATION", t("Blue Gate Hub (Slachthuislaan 1, Antwerpen, Belgium)")),
        (
            "DESCRIPTION",
            t(
                "Antwerp Data Science\nTwee talks over taalmodellen in haven-logistiek, daarna pizza en drankjes.\nhttps://www.meetup.com/antwerp-data-science/events/312448019/"
            ),
        ),
        ("URL", "https://www.meetup.com/antwerp-data-science/events/312448019/"),
        ("STATUS", "CONFIRMED"),
    ],
    (Y, IP, NW),
    PLATFORM,
)
one(
    "ihk_aussenwirtschaft.ics",
    "ihk_ics",
    DUESSELDORF,
    "-//IHK Düsseldorf//Veranstaltungen//DE",
    "Europe/Berlin",
    [
        ("UID", "ihk-duesseldorf-va-55219-tn-8841@duesseldorf.ihk.example"),
        ("DTSTAMP", "20261116T083000Z"),
        ("DTSTART;TZID=Europe/Berlin", "20261202T173000"),
        ("DTEND;TZID=Europe/Berlin", "20261202T203000"),
        ("SUMMARY", t("Jahresempfang Außenwirtschaft 2026")),
        ("LOCATION", t("IHK Düsseldorf, Ernst-Schneider-Platz 1, 40212 Düsseldorf")),
        (
            "DESCRIPTION",
            t(
                "Anmeldebestätigung\n\nSehr geehrte Frau Hoffmann,\nwir freuen uns, Sie beim Jahresempfang der Außenwirtschaft begrüßen zu dürfen. Nach dem Grußwort erwarten Sie Gespräche mit Unternehmen und Auslandshandelskammern bei einem Imbiss.\nVeranstaltungsnummer: 55219\n\nIndustrie- und Handelskammer zu Düsseldorf · Ernst-Schneider-Platz 1 · 40212 Düsseldorf"
            ),
        ),
        ("ORGANIZER;CN=IHK Düsseldorf", "mailto:veranstaltungen@duesseldorf.ihk.example"),
        ("STATUS", "CONFIRMED"),
    ],
    (Y, IP, NW),
    PLATFORM,
)
one(
    "cci_export_petitdej.ics",
    "cci_ics",
    BORDEAUX,
    "-//CCI Bordeaux Gironde//Agenda//FR",
    "Europe/Paris",
    [
        ("UID", "cci-bx-evt-7712-insc-40918@bordeauxgironde.cci.example"),
        ("DTSTAMP", "20261118T090000Z"),
        ("DTSTART;TZID=Europe/Paris", "20261203T080000"),
        ("DTEND;TZID=Europe/Paris", "20261203T100000"),
        ("SUMMARY", t("Petit-déjeuner de l'export : les marchés asiatiques du vin en 2027")),
        (
            "LOCATION",
            t("CCI Bordeaux Gironde, Palais de la Bourse, 17 place de la Bourse, 33076 Bordeaux"),
        ),
        (
            "DESCRIPTION",
            t(
                "Confirmation d'inscription\n\nMadame,\nnous vous confirmons votre inscription au petit-déjeuner de l'export. Accueil café à 7h45, intervention de Business France à 8h15, puis échanges entre participants.\n\nCCI Bordeaux Gironde · 17 place de la Bourse · 33076 Bordeaux Cedex"
            ),
        ),
        ("ORGANIZER;CN=CCI Bordeaux Gironde", "mailto:evenements@bordeauxgironde.cci.example"),
        ("STATUS", "CONFIRMED"),
    ],
    (Y, IP, NW),
    PLATFORM,
    note="'Bourse' is the building's name, not a stock exchange",
)
one(
    "gotowebinar_innovationfund.ics",
    "gotowebinar_ics",
    BRUXELLES,
    "-//GoTo Webinar//GoTo Webinar//FR",
    "Europe/Brussels",
    [
        ("UID", "gtw-8812299031744-reg-551902@gotowebinar.com"),
        ("DTSTAMP", "20261124T120000Z"),
        ("DTSTART", "20261209T090000Z"),
        ("DTEND", "20261209T103000Z"),
        ("SUMMARY", t("Webinaire : Innovation Fund 2027 – ce qui change pour les PME")),
        ("LOCATION", "https://attendee.gotowebinar.com/join/8812299031744/551902"),
        (
            "DESCRIPTION",
            t(
                "Merci de votre inscription à « Innovation Fund 2027 – ce qui change pour les PME ».\n\nPour rejoindre le webinaire, cliquez ici : https://attendee.gotowebinar.com/join/8812299031744/551902\n\nVous pouvez aussi écouter par téléphone : Belgique +32 28 93 7002, code d'accès 551-902-117\n\nOrganisé par Hydrogen Europe\nID du webinaire : 881-229-903"
            ),
        ),
        ("ORGANIZER;CN=Hydrogen Europe", "mailto:customercare@gotowebinar.com"),
    ],
    (Y, VI, NW),
    PLATFORM,
    note=DEBATABLE_WEBINAR,
)
one(
    "zoom_webinar_ucima.ics",
    "zoom_webinar_ics",
    BOLOGNA,
    "-//zoom.us//iCalendar Event//EN",
    "Europe/Rome",
    [
        ("UID", "ZOOM86320017745"),
        ("DTSTAMP", "20261123T150000Z"),
        ("DTSTART", "20261209T140000Z"),
        ("DTEND", "20261209T153000Z"),
        ("SUMMARY", t("Webinar: il regolamento PPWR e le macchine per l'imballaggio")),
        ("LOCATION", "https://us02web.zoom.us/w/86320017745?tk=Kx81-reg-PPWR"),
        (
            "DESCRIPTION",
            t(
                "Gentile Giulia Conti,\ngrazie per esserti registrata a «Webinar: il regolamento PPWR e le macchine per l'imballaggio».\n\nPartecipa da PC, Mac, iPad o Android:\nhttps://us02web.zoom.us/w/86320017745?tk=Kx81-reg-PPWR\nCodice d'accesso: 440921\n\nOppure tramite telefono:\nItalia: +39 069 480 6488  o  +39 020 066 7245\nID webinar: 863 2001 7745\n\nOrganizzato da UCIMA – Unione Costruttori Italiani Macchine Automatiche"
            ),
        ),
        ("ORGANIZER;CN=UCIMA", "mailto:no-reply@zoom.us"),
    ],
    (Y, VI, NW),
    PLATFORM,
    note=DEBATABLE_WEBINAR,
)
one(
    "fieramilano_artigiano.ics",
    "fiera_ics",
    BOLOGNA,
    "-//Fiera Milano SpA//Biglietteria//IT",
    "Europe/Rome",
    [
        ("UID", "fm-tkt-AF26-00918273@fieramilano.example"),
        ("DTSTAMP", "20261125T100000Z"),
        ("DTSTART;TZID=Europe/Rome", "20261205T100000"),
        ("DTEND;TZID=Europe/Rome", "20261205T180000"),
        ("SUMMARY", t("Artigiano in Fiera 2026 – Biglietto d'ingresso")),
        ("LOCATION", t("Fiera Milano, Strada Statale del Sempione 28, 20017 Rho MI")),
        (
            "DESCRIPTION",
            t(
                "Il tuo biglietto per Artigiano in Fiera 2026\nIngresso: Porta Est o Porta Sud\nCodice biglietto: AF26-00918273\nPresenta il QR code ai tornelli.\n\nFiera Milano S.p.A. · Strada Statale del Sempione 28 · 20017 Rho (MI) · P.IVA 13194800150"
            ),
        ),
        ("STATUS", "CONFIRMED"),
    ],
    (Y, IP, NW),
    PLATFORM,
    note="debatable: a fair open to the public, visited on a Saturday; networking by the rule for fairs",
)
one(
    "renfe_vuelta.ics",
    "renfe_ics",
    SEVILLA,
    "-//Renfe Viajeros//Billetes//ES",
    "Europe/Madrid",
    [
        ("UID", "renfe-4XK2RC-2-20261204@renfe.example"),
        ("DTSTAMP", "20261126T190000Z"),
        ("DTSTART;TZID=Europe/Madrid", "20261204T190000"),
        ("DTEND;TZID=Europe/Madrid", "20261204T213000"),
        ("SUMMARY", t("Tren AVE 02160 Madrid-Puerta de Atocha - Sevilla-Santa Justa")),
        ("LOCATION", t("Madrid-Puerta de Atocha - Almudena Grandes")),
        (
            "DESCRIPTION",
            t(
                "Localizador: 4XK2RC\nSalida: Madrid-Puerta de Atocha 19:00\nLlegada: Sevilla-Santa Justa 21:30\nCoche 6 · Plaza 11D · Clase Estándar\nRenfe Viajeros S.M.E., S.A."
            ),
        ),
    ],
    (N, TR, PE),
    TRAVEL,
)
one(
    "oebb_nightjet.ics",
    "oebb_ics",
    WIEN,
    "-//ÖBB-Personenverkehr AG//Ticketshop//DE",
    "Europe/Vienna",
    [
        ("UID", "oebb-ticket-1182047730-hin@oebb.example"),
        ("DTSTAMP", "20261120T201500Z"),
        ("DTSTART;TZID=Europe/Vienna", "20261205T212800"),
        ("DTEND;TZID=Europe/Vienna", "20261206T091500"),
        ("SUMMARY", t("Wien Hbf → Hamburg-Altona, NJ 490")),
        ("LOCATION", t("Wien Hbf")),
        (
            "DESCRIPTION",
            t(
                "Nightjet NJ 490\nWien Hbf ab 21:28 – Hamburg-Altona an 09:15\nLiegewagen, Wagen 127, Platz 45 (4er-Abteil)\nTicketnummer: 1182 0477 30\nÖBB-Personenverkehr AG · Am Hauptbahnhof 2 · 1100 Wien"
            ),
        ),
    ],
    (N, TR, PE),
    TRAVEL,
)

TEXT_LANGUAGE = {"luma_fintech_mixer.ics": "en", "zoom_webinar_ucima.ics": "it"}

# --- writing it all out ---------------------------------------------------------------------------


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rows, calendars = [], []
    for calendar in CALENDARS:
        data = D2.WRITERS[calendar.writer](calendar)
        if calendar.writer == "outlook_ics" and calendar.language == "en":
            data = data.replace(b"LANGUAGE=en-en", b"LANGUAGE=en-ie")  # an Irish Outlook
        (OUT / calendar.name).write_bytes(data)
        calendars.append(D2.entry(calendar.name, calendar.writer, calendar))
        for spec in calendar.specs:
            if not spec.cls:
                continue
            occ = A.judged(spec, calendar.zone)
            meeting, mode, purpose = spec.label
            rows.append(
                [
                    calendar.name,
                    A.uid_of(calendar.writer, occ),
                    D2.start_of(occ, calendar.zone),
                    spec.title,
                    "yes" if meeting else "no",
                    mode,
                    purpose,
                    spec.cls,
                    spec.note,
                ]
            )
    for file, fmt, calendar, data, labels in VENDOR:
        (OUT / file).write_bytes(data)
        calendars.append(
            D2.entry(file, fmt, calendar) | {"language": TEXT_LANGUAGE.get(file, calendar.language)}
        )
        for uid, start, title, (meeting, mode, purpose), cls, note in labels:
            rows.append(
                [file, uid, start, title, "yes" if meeting else "no", mode, purpose, cls, note]
            )
    manifest = {
        "source": "platforms_dev5.py: nine made-up professionals (Düsseldorf, Wien, Bordeaux, Bruxelles, Bologna, Madrid, Sevilla, Antwerpen, Dublin), written blind from README.md's rules",
        "calendars": calendars,
    }
    (OUT / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    with (OUT / "labels.csv").open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(
            ["file", "uid", "start", "title", "meeting", "mode", "purpose", "class", "note"]
        )
        writer.writerows(rows)
    print(f"{len(calendars)} files, {len(rows)} labelled events -> {OUT}")


if __name__ == "__main__":
    main()
