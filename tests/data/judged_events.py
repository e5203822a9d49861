# ruff: noqa: E501  (a table of labelled events: one event per line reads best)
"""Hand-labelled events for the whole judgement: meeting with people or not, mode (travel
included) and purpose.

Two parts. ``OWN`` are events written for this project (anonymised, German and English) in the
shapes real exports have: airline, rail and hotel e-tickets, TripIt items, blockers, shared and
holiday calendars, resource rooms, distribution lists, calendar-system senders, trade fairs,
meetups, client visits, meals without attendees. ``REAL`` names events of the real exports in
../shared/fixtures/real/ics by (file, title, local start) with their labels; the test reads them
from there (and skips them where that folder is absent).

The labels were written before the judgement was tuned to them. The rules they follow:
- meeting: other people take part. Attendees that are rooms, shared calendars, lists or
  calendar systems do not count as people. Without attendees it is a meeting only when the
  words or the place say so ("Lunch mit Dr. Weber", a video link, a meetup, a trade fair,
  "Kundenbesuch", "Standup"); all-day events and travel items are never meetings.
- mode: as a person reading the event would say; travel for flights, trains, hotel stays,
  car rentals and trips.
- purpose: judged against an empty ledger (nobody met before): first contact for external
  people, internal for colleagues only, personal without anybody; networking for fairs,
  conferences, meetups, Stammtisch; visit for client and site visits; deal closing and first
  contact by their words; other for an attendee-less meeting without such words.
"""

from __future__ import annotations

import zlib
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from planner.model import Attendee, Event, Geo, Mode, Purpose

TZ = ZoneInfo("Europe/Berlin")
START = datetime(2026, 12, 8, 10, 0, tzinfo=TZ)
ME_EMAIL = "me@planner.example"
OWN_DOMAIN = "planner.example"

ME = Attendee(ME_EMAIL, "Me")
ANNA = Attendee("anna@berger-consulting.example", "Anna Berger")
TOM = Attendee("tom.hayes@northwind.example", "Tom Hayes")
COLLEAGUE = Attendee("lena@planner.example", "Lena Vogt")
ROOM = Attendee("c_1888ab3@resource.calendar.google.com", "Konferenzraum Isar (8)")
EX_ROOM = Attendee("room-berlin-3og@planner.example", "Raum Berlin 3.OG", is_resource=True)
GROUP = Attendee("j68lhv614hbv3u4ttbrs6glhpg@group.calendar.google.com", "Team-Kalender")
HOLIDAYS = Attendee("de.german#holiday@group.v.calendar.google.com", "Feiertage in Deutschland")
NOREPLY = Attendee("noreply@tripit.com", "TripIt")
CALENDAR_SYSTEM = Attendee("calendar-notification@google.com", "Google Calendar")
LIST = Attendee("all-staff@lists.northwind.example", "All Staff")

Y, N = True, False
IP, VI, HY, PH, UN, TR = (
    Mode.IN_PERSON,
    Mode.VIRTUAL,
    Mode.HYBRID,
    Mode.PHONE,
    Mode.UNKNOWN,
    Mode.TRAVEL,
)
FC, DC, RO, IN, PE, OT, NW, VS = (
    Purpose.FIRST_CONTACT,
    Purpose.DEAL_CLOSING,
    Purpose.ROUTINE,
    Purpose.INTERNAL,
    Purpose.PERSONAL,
    Purpose.OTHER,
    Purpose.NETWORKING,
    Purpose.VISIT,
)

Labelled = tuple[Event, bool, Mode, Purpose]


def ev(
    title: str,
    location: str = "",
    description: str = "",
    *,
    people: tuple[Attendee, ...] = (),
    organizer: Attendee | None = None,
    hours: float = 1,
    start: datetime = START,
    all_day: bool = False,
    **fields: object,
) -> Event:
    """An event on a fixed Tuesday; ``people`` are the attendees besides the user (who is
    added, and is the organizer unless ``organizer`` says otherwise)."""
    attendees = (ME, *people) if people else ()
    if all_day:
        start = start.replace(hour=0)
    return Event(
        uid=f"judged-{zlib.crc32((title + location + description).encode())}@planner.test",
        title=title,
        start=start,
        end=start + timedelta(hours=24 if all_day else hours),
        all_day=all_day,
        location=location,
        description=description,
        organizer=organizer or (ME if people else None),
        attendees=attendees,
        **fields,  # type: ignore[arg-type]
    )


TRIPIT = "View and/or edit details in TripIt : http://www.tripit.com/trip/show/id/1234"
LH_TICKET = (
    "Ihre Buchung LH 2034\nAbflug: München (MUC) 07:10\nAnkunft: Hamburg (HAM) 08:25\n"
    "Buchungscode: X7KQ2P\nE-Ticket: 220-1234567890"
)
DB_TICKET = (
    "Ihre Fahrkarte\nICE 597 München Hbf 09:16 → Hamburg Hbf 15:02\nWagen 26, Platz 45\n"
    "Auftragsnummer: 612345678912"
)

# fmt: off
OWN: list[Labelled] = [
    # --- travel: airline, rail, hotel, car, TripIt ---------------------------------------------
    (ev("Flug LH 2034 München → Hamburg", "Flughafen München (MUC)", LH_TICKET, hours=1.25), N, TR, PE),
    (ev("Flug LH 2035 Hamburg - München", "Hamburg Airport (HAM)", hours=1.25), N, TR, PE),
    (ev("ICE 597 München → Hamburg", "München Hbf", DB_TICKET, hours=6), N, TR, PE),
    (ev("ICE 1008 Berlin Hbf - München Hbf", hours=4), N, TR, PE),
    (ev("Zug nach Frankfurt", "München Hbf", hours=3.5), N, TR, PE),
    (ev("Train to Berlin (ICE 1004)", "Munich Central Station", hours=4), N, TR, PE),
    (ev("Flight BA 943 London Heathrow to Munich", "LHR Terminal 5", hours=2), N, TR, PE),
    (ev("EW 9462 CGN to MUC", "Cologne Bonn (CGN)", TRIPIT, hours=1), N, TR, PE),
    (ev("Check-in: Motel One Hamburg-Alster", "Steindamm 17, 20099 Hamburg", TRIPIT), N, TR, PE),
    (ev("Check-out: Motel One Hamburg-Alster", "Steindamm 17, 20099 Hamburg", TRIPIT), N, TR, PE),
    (ev("Hotel check-in", "25hours Hotel Bikini Berlin, Budapester Str. 40, 10787 Berlin"), N, TR, PE),
    (ev("Hotel: Hilton Frankfurt City Centre", "Hochstraße 4, 60313 Frankfurt am Main",
        all_day=True), N, TR, PE),
    (ev("Übernachtung Hotel Vier Jahreszeiten", "Neuer Jungfernstieg 9-14, 20354 Hamburg",
        all_day=True), N, TR, PE),
    (ev("Mietwagen Abholung Sixt", "Flughafen Hamburg"), N, TR, PE),
    (ev("Pick-up Rental Car: Hertz", "780 McDonnell Road, San Francisco, CA, 94128", TRIPIT), N, TR, PE),
    (ev("Drop-off Rental Car: Europcar", "", TRIPIT), N, TR, PE),
    (ev("Hamburg, Germany, December 2026", "Hamburg, Germany",
        "Anna is in Hamburg, Germany from Dec 8 to Dec 10, 2026\n" + TRIPIT, all_day=True), N, TR, PE),
    (ev("Directions from HAM to Motel One Hamburg-Alster", "Steindamm 17, 20099 Hamburg", TRIPIT), N, TR, PE),
    (ev("Anreise Hamburg", hours=2), N, TR, PE),
    (ev("Rückflug nach München", "Hamburg Airport", hours=1.5), N, TR, PE),
    (ev("Flug nach Wien", hours=1.25), N, TR, PE),
    (ev("Trip to Lisbon (Web Summit)", "Lisbon, Portugal", all_day=True), N, TR, PE),
    (ev("Bahnfahrt Stuttgart", "Stuttgart Hbf", hours=2.5), N, TR, PE),
    (ev("Reservierung: Hotel Adlon Kempinski", "Unter den Linden 77, 10117 Berlin",
        "Bestätigungsnummer 48213\nAnreise 08.12.2026, Abreise 10.12.2026", all_day=True), N, TR, PE),
    # --- blockers and own time -----------------------------------------------------------
    (ev("Blocker"), N, UN, PE),
    (ev("Focus time", hours=2), N, UN, PE),
    (ev("Fokuszeit – Angebot schreiben", hours=2), N, UN, PE),
    (ev("Mittagspause"), N, UN, PE),
    (ev("Lunch"), N, UN, PE),
    (ev("Gym", "McFit München-Giesing"), N, UN, PE),
    (ev("Kinder abholen", "Kita Sonnenschein, Tegernseer Landstr. 75, 81539 München"), N, IP, PE),
    (ev("Zahnarzt Dr. Huber", "Leopoldstr. 12, 80802 München"), N, IP, PE),
    (ev("Steuererklärung machen", hours=3), N, UN, PE),
    (ev("Laufen im Englischen Garten", hours=0.75), N, IP, PE),
    (ev("TV Room", hours=5.5), N, UN, PE),
    (ev("Urlaub", all_day=True), N, UN, PE),
    (ev("Email aufräumen", hours=0.5), N, UN, PE),
    (ev("Prep: Angebot Isar", hours=1), N, UN, PE),
    (ev("Read board deck", hours=1), N, UN, PE),
    # --- meals and meetings without attendees -------------------------------------------
    (ev("Lunch mit Dr. Weber", hours=1.5), Y, IP, OT),
    (ev("Dinner with Tom Hayes", "Brenner Grill, Maximilianstraße 15, 80539 München", hours=2), Y, IP, OT),
    (ev("Kaffee mit Jana"), Y, IP, OT),
    (ev("Mittagessen mit Herrn Schulz", "Spatenhaus an der Oper"), Y, IP, OT),
    (ev("Breakfast w/ Maria", "Café Luitpold"), Y, IP, OT),
    (ev("Call mit Frau Berger", hours=0.5), Y, PH, OT),
    (ev("Zoom mit Peter", "https://us02web.zoom.us/j/81234567890"), Y, VI, OT),
    (ev("Sprint Daily Standup", hours=0.25), Y, UN, OT),
    (ev("Jour fixe Vertrieb"), Y, UN, OT),
    (ev("Weekly sync", "https://meet.google.com/abc-defg-hij", hours=0.5), Y, VI, OT),
    (ev("Interview Kandidatin Backend", "Konferenzraum Isar"), Y, IP, OT),
    # --- rooms, shared calendars, lists, calendar systems ----------------------------------
    (ev("Konferenzraum Isar gebucht", people=(ROOM,)), N, IP, PE),
    (ev("Raum für Workshop reserviert", people=(EX_ROOM,)), N, IP, PE),
    (ev("Planung Q1", "Konferenzraum Isar", people=(COLLEAGUE, ROOM)), Y, IP, IN),
    (ev("Team Offsite Planung", organizer=GROUP, people=(GROUP,)), N, UN, PE),
    (ev("Routine meeting", organizer=GROUP, people=(GROUP,)), N, UN, PE),
    (ev("Heiligabend", organizer=HOLIDAYS, people=(HOLIDAYS,), all_day=True), N, UN, PE),
    (ev("Ihre Reise nach Hamburg", organizer=NOREPLY, people=(NOREPLY,), all_day=True), N, TR, PE),
    (ev("Erinnerung: Steuer", organizer=CALENDAR_SYSTEM, people=(CALENDAR_SYSTEM,)), N, UN, PE),
    (ev("All hands", "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x", people=(LIST,)),
     N, VI, PE),
    (ev("Quarterly review Northwind", "https://teams.microsoft.com/l/meetup-join/19%3ameeting_y",
        people=(TOM, ROOM)), Y, VI, FC),
    (ev("Abstimmung Angebot", "Raum Berlin 3.OG", people=(ANNA, EX_ROOM)), Y, IP, FC),
    (ev("Projekt-Update", people=(ANNA, GROUP)), Y, UN, FC),
    (ev("Strategy session", "Konferenzraum Isar", people=(COLLEAGUE, GROUP)), Y, IP, IN),
    # --- networking: fairs, conferences, meetups, Stammtisch --------------------------------
    (ev("Bits & Pretzels (Messe)", all_day=True), N, IP, NW),
    (ev("Hannover Messe", "Messegelände, 30521 Hannover", hours=8), Y, IP, NW),
    (ev("Web Summit Lisbon", "Altice Arena, Lisbon", hours=8), Y, IP, NW),
    (ev("Female Founders Stammtisch", "Impact Hub München, Gotzinger Str. 8, 81371 München",
        hours=2), Y, IP, NW),
    (ev("Gründerstammtisch", "Augustiner Keller", hours=2), Y, IP, NW),
    (ev("Networking-Abend IHK", "IHK München, Max-Joseph-Str. 2, 80333 München", hours=2.5),
     Y, IP, NW),
    (ev("Founders Meetup Munich", "Werk1, Atelierstr. 29, 81671 München", hours=2), Y, IP, NW),
    (ev("Tech Meetup: Rust in Production", "Google Munich, Erika-Mann-Str. 33", hours=2),
     Y, IP, NW),
    (ev("Konferenz: Digitalisierung im Mittelstand", "ICM München", hours=7), Y, IP, NW),
    (ev("Fachkongress Logistik", "Estrel Berlin, Sonnenallee 225, 12057 Berlin", hours=7),
     Y, IP, NW),
    (ev("SaaStock Europe – Day 1", "RDS, Dublin", hours=8), Y, IP, NW),
    (ev("Afterwork Networking", "Bar Centrale, Ledererstr. 23, München", hours=2), Y, IP, NW),
    (ev("Business Breakfast Wirtschaftsjunioren", "Hotel Bayerischer Hof", hours=1.5), Y, IP, NW),
    (ev("Barcamp Salzburg", hours=8), Y, IP, NW),
    (ev("Expo Real Messestand B2.330", "Messe München", hours=8), Y, IP, NW),
    (ev("Trade fair: EMO Hannover", all_day=True), N, IP, NW),
    (ev("Stammtisch", people=(ANNA, TOM)), Y, IP, NW),
    (ev("Webinar: KI im Mittelstand", "https://us02web.zoom.us/j/81234567891"), Y, VI, OT),
    # --- visits ------------------------------------------------------------------------
    (ev("Kundenbesuch Isar Maschinenbau – Werk Garching",
        "Lichtenbergstraße 8, 85748 Garching bei München", people=(ANNA,), hours=2), Y, IP, VS),
    (ev("Kundenbesuch Müller GmbH", "Industriestr. 5, 86150 Augsburg", hours=2), Y, IP, VS),
    (ev("Site visit Acme plant", "Acme Ltd, 12 Mill Lane, Leeds LS1 4AB", people=(TOM,),
        hours=3), Y, IP, VS),
    (ev("Werksbesuch Stuttgart", "Mercedesstraße 120, 70372 Stuttgart", people=(ANNA,),
        hours=3), Y, IP, VS),
    (ev("Besuch bei Kunde Brandt", "Brandt AG, Rosenheim", hours=2), Y, IP, VS),
    (ev("Customer visit Northwind", "Northwind HQ, Reading", people=(TOM,), hours=2), Y, IP, VS),
    (ev("Baustellenbegehung Neubau", "Baustelle Riem, Messestadt Ost", people=(COLLEAGUE,)),
     Y, IP, VS),
    (ev("Client visit", "Berger Consulting, Sendlinger Str. 7, 80331 München",
        people=(ANNA,)), Y, IP, VS),
    # --- ordinary meetings with people ---------------------------------------------------
    (ev("Kennenlernen Anna Berger", "Café Frischhut, Prälat-Zistl-Straße 8, 80331 München",
        people=(ANNA,)), Y, IP, FC),
    (ev("Vertragsunterzeichnung Northwind", "Northwind GmbH, Leopoldstr. 1, München",
        people=(TOM,)), Y, IP, DC),
    (ev("Contract negotiation", "https://teams.microsoft.com/l/meetup-join/19%3ameeting_z",
        people=(TOM,)), Y, VI, DC),
    (ev("Abstimmung", people=(ANNA,)), Y, UN, FC),
    (ev("Telefonat Anna", "+49 89 1234567", people=(ANNA,), hours=0.5), Y, PH, FC),
    (ev("Team meeting", "https://meet.google.com/xyz-abcd-efg", people=(COLLEAGUE,)), Y, VI, IN),
    (ev("1:1 Lena", people=(COLLEAGUE,), hours=0.5), Y, UN, IN),
    (ev("Workshop Datenstrategie (hybrid)",
        "Konferenzraum Isar, Theresienstraße 6, 80333 München; https://teams.microsoft.com/l/x",
        people=(ANNA, COLLEAGUE), hours=2), Y, HY, FC),
    (ev("Kaffee mit Julia", "Café Frischhut, Prälat-Zistl-Straße 8, 80331 München",
        people=(Attendee("julia.meier@gmail.com", "Julia Meier"),)), Y, IP, FC),
    (ev("Lunch with Tom", "Brenner Grill", people=(TOM,)), Y, IP, FC),
    (ev("Demo für Northwind", "https://zoom.us/j/9988776655", people=(TOM,)), Y, VI, FC),
    (ev("Geschäftsessen Isar", "Spatenhaus an der Oper, Residenzstr. 12, 80333 München",
        people=(ANNA,), hours=2), Y, IP, FC),
]
# fmt: on

# (file in ../shared/fixtures/real/ics, title, start in its own zone "YYYY-MM-DD HH:MM") → labels
REAL: list[tuple[str, str, str, bool, Mode, Purpose]] = [
    ("Radicale__event_issue1812.ics", "TV Room", "2023-01-01 18:00", N, UN, PE),
    (
        "Radicale__event_issue2151.ics",
        "Billings-task-setting follow-up series",
        "2026-01-23 11:00",
        Y,
        VI,
        FC,
    ),
    ("Radicale__event_issue2172.ics", "REDACTED", "2026-07-01 17:00", Y, IP, FC),
    ("allenporter-ical__apple_ical.ics", "New Event", "2022-09-12 09:00", N, UN, PE),
    ("allenporter-ical__apple_ical.ics", "Example", "2022-09-20 09:00", N, UN, PE),
    ("allenporter-ical__apple_ical.ics", "Multi-day event", "2023-10-11 00:00", N, UN, PE),
    ("allenporter-ical__office_356_custom_timezone.ics", "Zajęty", "2024-05-02 11:00", N, UN, PE),
    (
        "allenporter-ical__office_356_custom_timezone.ics",
        "Wstępna akceptacja",
        "2024-05-21 15:00",
        N,
        UN,
        PE,
    ),
    ("ical.js__recur_instances.ics", "Crazy Event Thingy!", "2012-11-06 10:00", Y, IP, FC),
    (
        "icalendar__issue_165_missing_event.ics",
        "Sprint 25 Daily Standup",
        "2015-07-03 10:00",
        Y,
        UN,
        OT,
    ),
    ("icalendar__issue_350.ics", 'Termin 4353 und"so"', "2022-02-22 19:30", Y, VI, OT),
    ("icalendar__x_location.ics", "Daily Sync", "2016-10-28 14:00", Y, IP, OT),
    (
        "khal__non_dst_error.ics",
        "Trip from Utrecht to Bruxelles Central/Brussel Centraal",
        "2023-02-03 15:15",
        N,
        TR,
        PE,
    ),
    (
        "khal__non_dst_error.ics",
        "Trip from Bruxelles Central/Brussel Centraal to Utrecht",
        "2023-02-06 09:50",
        N,
        TR,
        PE,
    ),
    ("khal__tz_windows_format.ics", "Event with Windows TZ name", "2019-11-20 13:00", N, UN, PE),
    ("node-ical__Office-2012-owa.ics", " TEST Syd", "2020-10-28 13:30", N, UN, PE),
    (
        "node-ical__meetup-timed-tz.ics",
        "Phoenix Drupal User Group Monthly Meetup",
        "2011-11-09 19:00",
        Y,
        IP,
        NW,
    ),
    ("node-ical__ms_timezones.ics", "Log Yesterday's Jira time", "2020-06-09 09:00", N, UN, PE),
    ("node-ical__ms_timezones.ics", "Not the actual summary either", "2020-07-07 12:00", Y, VI, OT),
    ("node-ical__tentative-apple-calendar.ics", "Tentative", "2022-07-04 16:00", Y, UN, FC),
    ("node-ical__tentative-apple-calendar.ics", "No Status", "2022-07-07 09:00", N, UN, PE),
    ("node-ical__test_with_int_tzid.ics", "test export import", "2023-12-15 15:00", N, IP, PE),
    (
        "node-ical__test_with_int_tzid.ics",
        "Atelier groupes portail/Nuage",
        "2024-01-08 11:00",
        Y,
        VI,
        OT,
    ),
    (
        "node-ical__tripit-location-escaping.ics",
        "South San Francisco, CA, October 2011;",
        "2011-10-11 00:00",
        N,
        TR,
        PE,
    ),
    (
        "node-ical__tripit-location-escaping.ics",
        "Directions from SFO to Embassy Suites San Francisco Airport - South San Francisco",
        "2011-10-11 10:05",
        N,
        TR,
        PE,
    ),
    ("node-ical__tripit-location-escaping.ics", "US403 PHX to SFO", "2011-10-11 14:45", N, TR, PE),
    (
        "node-ical__tripit-location-escaping.ics",
        "Pick-up Rental Car: Dollar Rent A Car",
        "2011-10-11 17:25",
        N,
        TR,
        PE,
    ),
    (
        "node-ical__tripit-location-escaping.ics",
        "Check-in: Embassy Suites San Francisco Airport - South San Francisco",
        "2011-10-11 18:55",
        N,
        TR,
        PE,
    ),
    (
        "node-ical__tripit-location-escaping.ics",
        "Check-out: Embassy Suites San Francisco Airport - South San Francisco",
        "2011-10-14 01:19",
        N,
        TR,
        PE,
    ),
    (
        "node-ical__tripit-location-escaping.ics",
        "Drop-off Rental Car: Dollar Rent A Car",
        "2011-10-14 01:49",
        N,
        TR,
        PE,
    ),
    ("node-ical__tripit-location-escaping.ics", "CO6256 SFO to PHX", "2011-10-14 03:19", N, TR, PE),
    (
        "node-ical__tripit-location-escaping.ics",
        "Santa Barbara, CA, October 2011",
        "2011-10-23 00:00",
        N,
        TR,
        PE,
    ),
    ("node-ical__tripit-location-escaping.ics", "US2719 PHX to SBA", "2011-10-23 17:35", N, TR, PE),
    (
        "node-ical__tripit-location-escaping.ics",
        "Directions from Hertz to Sofitel San Francisco Bay",
        "2011-10-25 09:40",
        N,
        TR,
        PE,
    ),
    ("node-ical__tripit-location-escaping.ics", "UA5304 SBA to SFO", "2011-10-25 15:09", N, TR, PE),
    (
        "node-ical__tripit-location-escaping.ics",
        "Pick-up Rental Car: Hertz",
        "2011-10-25 16:30",
        N,
        TR,
        PE,
    ),
    (
        "node-ical__tripit-location-escaping.ics",
        "Check-in: Sofitel San Francisco Bay",
        "2011-10-25 22:00",
        N,
        TR,
        PE,
    ),
    (
        "node-ical__tripit-location-escaping.ics",
        "Redwood City, CA, November 2011",
        "2011-11-08 00:00",
        N,
        TR,
        PE,
    ),
    (
        "node-ical__tripit-location-escaping.ics",
        "Check-in: Crestview Hotel:",
        "2011-12-13 19:24",
        N,
        TR,
        PE,
    ),
    (
        "node-ical__tripit-location-escaping.ics",
        "Pick-up Rental Car: Advantage",
        "2011-12-13 18:00",
        N,
        TR,
        PE,
    ),
    (
        "node-ical__tripit-location-escaping.ics",
        "Check-in: Grand Hotel Sunnyvale",
        "2012-01-03 19:57",
        N,
        TR,
        PE,
    ),
    ("node-ical__tripit-location-escaping.ics", "CO496 SFO to PHX", "2012-01-06 03:09", N, TR, PE),
    ("nylas-sync-engine__gcal_recur.ics", "Weekly Planning Meeting", "2015-01-12 13:30", Y, UN, FC),
    ("nylas-sync-engine__windows_event.ics", "Pommes", "2015-02-20 09:30", Y, UN, FC),
    (
        "python-recurring-ical-events__daylight_saving_time.ics",
        "OK Lab Potsdam",
        "2017-08-22 19:00",
        Y,
        IP,
        NW,
    ),
    (
        "python-recurring-ical-events__daylight_saving_time.ics",
        "Freifunktreffen",
        "2017-09-12 18:00",
        Y,
        IP,
        NW,
    ),
    (
        "python-recurring-ical-events__daylight_saving_time.ics",
        "Vernetzungstreffen Brandenburger FabLabs",
        "2017-10-06 17:00",
        Y,
        IP,
        NW,
    ),
    (
        "python-recurring-ical-events__daylight_saving_time.ics",
        "OpenDataBarCamp - www.potsdam.io",
        "2017-11-18 10:00",
        Y,
        IP,
        NW,
    ),
    (
        "python-recurring-ical-events__daylight_saving_time.ics",
        "Drohnentreffen",
        "2017-11-25 14:00",
        Y,
        IP,
        NW,
    ),
    (
        "python-recurring-ical-events__daylight_saving_time.ics",
        "Jungimker-Treffen",
        "2018-02-21 20:00",
        Y,
        IP,
        NW,
    ),
    (
        "python-recurring-ical-events__daylight_saving_time.ics",
        "Chaostreff",
        "2018-04-11 19:00",
        Y,
        IP,
        NW,
    ),
    (
        "python-recurring-ical-events__daylight_saving_time.ics",
        "Imkertreffen",
        "2018-04-18 18:00",
        Y,
        IP,
        NW,
    ),
    (
        "python-recurring-ical-events__daylight_saving_time.ics",
        "mB - OnTour: Maker Fair",
        "2018-05-26 00:00",
        N,
        IP,
        NW,
    ),
    (
        "python-recurring-ical-events__daylight_saving_time.ics",
        "Fabulandlabs Workshop Tag1",
        "2018-02-08 10:00",
        Y,
        IP,
        OT,
    ),
]

__all__ = ["OWN", "REAL", "ME_EMAIL", "OWN_DOMAIN", "TZ", "Geo"]
