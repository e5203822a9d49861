"""The demo persona's config and meetings, as data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import Any

GOOGLE = "google"  # the calendar exported like Google Calendar does
OUTLOOK = "outlook"  # the calendar exported like Outlook does
ME = "anna@berger-consulting.example"
TEAM = ("max.huber@berger-consulting.example", "lea.wolf@berger-consulting.example")

CONFIG: dict[str, Any] = {
    "user": {
        "name": "Anna Berger",
        "email": ME,
        "timezone": "Europe/Berlin",
        "home": "München",
        "domains": ["berger-consulting.example"],
        "language": "en",
    },
    "working_hours": {d: "08:30-18:00" for d in ("monday", "tuesday", "wednesday", "thursday")}
    | {"friday": "08:30-16:00"},
    "relations": {"key_accounts": ["bayvers.example"]},
}


@dataclass(frozen=True)
class Meeting:
    """One demo event (or series). ``week`` counts from the shown week (0) backwards (-1 …)."""

    uid: str
    calendar: str
    week: int
    weekday: int
    start: time
    minutes: int
    title: str
    location: str = ""
    attendees: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    video: str = ""  # "meet", "teams" or "zoom"
    description: str = ""
    rrule: dict[str, Any] = field(default_factory=dict)
    status: str = ""
    declined: bool = False
    all_day: bool = False
    transparent: bool = False

    def day(self, anchor: date) -> date:
        return anchor + timedelta(weeks=self.week, days=self.weekday)


def meetings() -> list[Meeting]:
    m, t, team = Meeting, time, TEAM
    spatenhaus = "Restaurant Spatenhaus, Residenzstraße 12, 80333 München"
    huber = ("kanzlei@stb-huber.example",), ("Steuerkanzlei Huber",)
    krueger = ("sven@krueger-design.example",), ("Sven Krüger",)
    hofmann = ("katrin.hofmann@hofmann-partner.example",), ("Dr. Katrin Hofmann",)
    # fmt: off
    return [
        # --- routine internal series (Google) and personal time ---
        m("jourfixe", GOOGLE, -26, 0, t(9), 45, "Team-Jour-fixe", attendees=team, video="meet",
          rrule={"FREQ": "WEEKLY", "COUNT": 27}),
        m("review", GOOGLE, -12, 4, t(9), 60, "Sprint review (intern)", attendees=team,
          video="meet", rrule={"FREQ": "WEEKLY", "COUNT": 13}),
        m("fokus", GOOGLE, 0, 2, t(16), 120, "Fokuszeit – Angebot schreiben"),
        m("laufen", GOOGLE, 0, 1, t(7), 45, "Laufen im Englischen Garten", transparent=True),
        m("messe", GOOGLE, 0, 2, t(0), 0, "Bits & Pretzels (Messe)", all_day=True,
          transparent=True),
        m("founders", GOOGLE, 0, 3, t(18, 30), 120, "Female Founders Stammtisch",
          location="Impact Hub München, Gotzinger Str. 8, 81371 München",
          attendees=("events@femalefounders.example",), names=("Female Founders München",)),
        m("julia", GOOGLE, -6, 2, t(8), 45, "Kaffee mit Julia",
          location="Café Frischhut, Prälat-Zistl-Straße 8, 80331 München",
          attendees=("julia.meier@gmail.com",), names=("Julia Meier",)),
        m("ki-webinar", GOOGLE, -3, 1, t(16), 60, "Webinar: KI im Mittelstand", video="zoom",
          attendees=("webinar@ihk-muenchen.example",), declined=True),
        # --- Alpenblick Software: weekly video sync, met in person three weeks ago ---
        m("alpenblick-sync", OUTLOOK, -12, 2, t(9, 30), 30, "Weekly Sync Alpenblick Software",
          attendees=("tom.berg@alpenblick.example",), names=("Tom Berg",), video="teams",
          rrule={"FREQ": "WEEKLY", "COUNT": 13}),
        m("alpenblick-vorort", OUTLOOK, -3, 2, t(14), 120, "Quartalsplanung Alpenblick vor Ort",
          location="Alpenblick Software GmbH, Rosenheimer Str. 145, 81671 München",
          attendees=("tom.berg@alpenblick.example", "nina.graf@alpenblick.example"),
          names=("Tom Berg", "Nina Graf")),
        # --- Krüger Design: four video calls, never met in person ---
        *(m(f"krueger-{w}", OUTLOOK, w, 3, t(10), 45, "Abstimmung Corporate Design",
            attendees=krueger[0], names=krueger[1], video="zoom") for w in (-8, -6, -4, -2)),
        m("krueger-now", OUTLOOK, 0, 3, t(10), 45, "Video call: design review with Sven Krüger",
          attendees=krueger[0], names=krueger[1], video="zoom"),
        # --- Hofmann & Partner: negotiated in person, now the signing as a video call ---
        m("hofmann-call1", OUTLOOK, -7, 1, t(15), 60, "Hofmann & Partner: Angebot besprechen",
          attendees=hofmann[0], names=hofmann[1], video="teams"),
        m("hofmann-verhandlung", OUTLOOK, -5, 3, t(11), 90, "Verhandlung Rahmenvertrag",
          location="Hofmann & Partner, Maximilianstraße 35, 80539 München",
          attendees=hofmann[0], names=hofmann[1]),
        m("hofmann-call2", OUTLOOK, -2, 0, t(14), 30, "Rückfragen Rahmenvertrag",
          attendees=hofmann[0], names=hofmann[1], video="teams"),
        m("hofmann-signing", OUTLOOK, 0, 2, t(11), 60,
          "Vertragsunterzeichnung Rahmenvertrag Hofmann & Partner",
          attendees=(*hofmann[0], "jan.ott@hofmann-partner.example"),
          names=(*hofmann[1], "Jan Ott"), video="zoom"),
        # --- Nordlicht Logistik: a first contact scheduled as a Teams call ---
        m("nordlicht", OUTLOOK, 0, 1, t(10), 60, "Erstgespräch Nordlicht Logistik",
          attendees=("jonas.peters@nordlicht-logistik.example",), names=("Jonas Peters",),
          video="teams", description="Kennenlernen, Bedarf Lagerplanung"),
        # --- Greenfield Ventures: an English intro as a phone call ---
        m("greenfield", OUTLOOK, 0, 4, t(14), 30, "Intro call with Priya Shah (Greenfield)",
          location="Phone: +44 20 7946 0958",
          attendees=("priya.shah@greenfield-ventures.example",), names=("Priya Shah",)),
        # --- Isar Maschinenbau: a client met in person regularly ---
        *(m(f"isar-lunch-{w}", OUTLOOK, w, 1, t(12), 90, "Business lunch Isar Maschinenbau",
            location=spatenhaus, attendees=("weber@isar-maschinenbau.example",),
            names=("Dr. Stefan Weber",)) for w in (-10, -4)),
        m("isar-lunch", OUTLOOK, 0, 0, t(12), 90, "Geschäftsessen mit Dr. Weber",
          location=spatenhaus, attendees=("weber@isar-maschinenbau.example",),
          names=("Dr. Stefan Weber",)),
        m("isar-visit", OUTLOOK, 0, 1, t(14), 120, "Kundenbesuch Isar Maschinenbau – Werk Garching",
          location="Lichtenbergstraße 8, 85748 Garching bei München",
          attendees=("weber@isar-maschinenbau.example", "k.lang@isar-maschinenbau.example"),
          names=("Dr. Stefan Weber", "Kerstin Lang")),
        m("workshop", OUTLOOK, 0, 3, t(13), 120, "Workshop Datenstrategie (hybrid)",
          location="Konferenzraum Isar, Theresienstraße 6, 80333 München", video="teams",
          attendees=(*TEAM, "k.lang@isar-maschinenbau.example"), names=("", "", "Kerstin Lang")),
        # --- BayVers: key account, monthly video reviews, last visit five months ago ---
        m("bayvers-review", OUTLOOK, -24, 4, t(11), 60, "Monthly review BayVers",
          attendees=("claudia.schmid@bayvers.example",), names=("Claudia Schmid",), video="teams",
          rrule={"FREQ": "WEEKLY", "INTERVAL": 4, "COUNT": 7}),
        m("bayvers-visit", OUTLOOK, -20, 1, t(10), 120, "Jahresgespräch BayVers",
          location="BayVers AG, Ludwigstraße 8, 80539 München",
          attendees=("claudia.schmid@bayvers.example",), names=("Claudia Schmid",)),
        # --- the tax adviser: phone calls, met in person once a year ---
        m("steuer-jahr", OUTLOOK, -20, 2, t(10), 90, "Jahresabschluss-Besprechung",
          location="Steuerkanzlei Huber, Sendlinger Straße 24, 80331 München",
          attendees=huber[0], names=huber[1]),
        *(m(f"steuer-{w}" if w else "steuer", OUTLOOK, w, 0, t(15), 30,
            "Telefonat Steuerberater Huber", location="Tel. +49 89 2345 6789",
            attendees=huber[0], names=huber[1])
          for w in (-12, -6, 0)),
        m("cancelled", OUTLOOK, 0, 4, t(9), 60, "Abgesagt: Messevorbereitung", attendees=team,
          status="CANCELLED"),
    ]
    # fmt: on
