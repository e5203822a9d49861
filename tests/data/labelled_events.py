"""Hand-labelled events for the meeting-mode classifier, shaped like real exports.

Each entry is ``(event, expected mode)``. The shapes follow what Google Calendar, Outlook/Exchange
(Graph and .ics), Apple Calendar, Thunderbird and Zoom invitations really produce (see
../shared/fixtures/real/), but every event here was written for this project. Labels are what a
person reading the whole invitation would say; where that is debatable, the note says why.
"""

from __future__ import annotations

import zlib
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from planner.model import Attendee, Event, Geo, Mode

TZ = ZoneInfo("Europe/Berlin")
START = datetime(2026, 12, 7, 10, 0, tzinfo=TZ)
ME = Attendee("me@planner.example", "Me")
ANNA = Attendee("anna@berger-consulting.example", "Anna Berger")

IN_PERSON, VIRTUAL, HYBRID, PHONE, UNKNOWN = (
    Mode.IN_PERSON,
    Mode.VIRTUAL,
    Mode.HYBRID,
    Mode.PHONE,
    Mode.UNKNOWN,
)

TEAMS_HTML = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<style>p.MsoNormal {{margin:0cm; font-family:"Calibri",sans-serif}}</style></head><body>
<div>{intro}</div><div style="width:100%"><span>________________________________________</span>
</div><div class="me-email-text"><div style="margin-top:24px"><span style="font-size:24px">
Microsoft Teams {word}</span></div><div><span style="font-weight:bold">{join_text}</span></div>
<a class="me-email-headline" href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ4Y2\
E5ZjYtMzEwNi00%40thread.v2/0?context=%7b%22Tid%22%3a%2272f9%22%7d">{click}</a>
<div><span style="font-weight:bold">{call_in}</span></div><div><a href="tel:+4969365003880,,\
531207984# ">+49 69 365003880,,531207984#</a><span>&nbsp; Germany, Frankfurt</span></div>
<span>{conf_id}: </span><span>531 207 984#</span><div><a href="https://dialin.teams.microsoft.\
com/9b6c?id=531207984">{local}</a> | <a href="https://mysettings.lync.com/pstnconferencing">
Reset PIN</a></div><div><a href="https://aka.ms/JoinTeamsMeeting">Learn More</a></div></div>
</body></html>"""


def teams_html(intro: str = "", german: bool = False) -> str:
    """The join block Outlook puts into a Teams invitation's HTML body."""
    if german:
        words = dict(
            word="Besprechung",
            join_text="Nehmen Sie über Ihren Computer oder die mobile App teil",
            click="Klicken Sie hier, um an der Besprechung teilzunehmen",
            call_in="Oder rufen Sie an (nur Audio)",
            conf_id="Konferenz-ID",
            local="Lokale Nummer suchen",
        )
    else:
        words = dict(
            word="meeting",
            join_text="Join on your computer or mobile app",
            click="Click here to join the meeting",
            call_in="Or call in (audio only)",
            conf_id="Phone Conference ID",
            local="Find a local number",
        )
    return TEAMS_HTML.format(intro=intro, **words)


ZOOM_TEXT = """{host} is inviting you to a scheduled Zoom meeting.

Topic: {topic}
Time: Dec 7, 2026 10:00 AM Berlin

Join Zoom Meeting
https://us02web.zoom.us/j/81234567890?pwd=QWxhZ2VuZGExMjM0NTY3ODkw

Meeting ID: 812 3456 7890
Passcode: 482913

---

One tap mobile
+496938079883,,81234567890#,,,,*482913# Germany
+496950502596,,81234567890#,,,,*482913# Germany

---

Dial by your location
• +49 69 3807 9883 Germany
• +49 695 050 2596 Germany
• +1 646 558 8656 US (New York)

Meeting ID: 812 3456 7890
Passcode: 482913

Find your local number: https://us02web.zoom.us/u/kdLMvQ5Xz
"""

MEET_TEXT = """{intro}

Join with Google Meet: https://meet.google.com/abc-defg-hij
Or dial: (DE) +49 30 300195061 PIN: 123 456 789#
More phone numbers: https://tel.meet/abc-defg-hij?pin=1234567890123

Learn more about Meet at: https://support.google.com/a/users/answer/9282720

Please do not edit this section.
"""


def ev(title: str, location: str = "", description: str = "", **fields: object) -> Event:
    """A one-hour event on a fixed Monday; ``fields`` override any other Event field."""
    hours = fields.pop("hours", 1)
    start = fields.pop("start", START)
    assert isinstance(start, datetime) and isinstance(hours, (int, float))
    values: dict = dict(
        uid=f"labelled-{zlib.crc32((title + location + description).encode())}@planner.test",
        title=title,
        start=start,
        end=start + timedelta(hours=hours),
        location=location,
        description=description,
        organizer=ANNA,
        attendees=(ANNA, ME),
    )
    values.update(fields)
    return Event(**values)


def all_day(title: str, location: str = "", **fields: object) -> Event:
    day = datetime(2026, 12, 9, tzinfo=TZ)
    return ev(title, location, start=day, hours=24, all_day=True, attendees=(), **fields)


def room(name: str, email: str) -> Attendee:
    return Attendee(email, name, is_resource=True)


MS_TEAMS_HINTS = (
    ("X-MICROSOFT-SKYPETEAMSMEETINGURL", "https://teams.microsoft.com/l/meetup-join/19%3a..."),
    ("X-MICROSOFT-ONLINEMEETINGINFORMATION",
     '{"OnlineMeetingChannelId":null,"OnlineMeetingProvider":3}'),
    ("X-MICROSOFT-CDO-BUSYSTATUS", "BUSY"),
    ("X-MICROSOFT-LOCATIONDISPLAYNAME", "Microsoft Teams Meeting"),
)  # fmt: skip

# fmt: off
LABELLED: list[tuple[Event, Mode]] = [
    # --- Outlook / Exchange ---------------------------------------------------------------
    (ev("Abstimmung Angebot Q1", "Microsoft Teams-Besprechung", teams_html(german=True),
        hints=MS_TEAMS_HINTS), VIRTUAL),
    (ev("Project sync", "Microsoft Teams Meeting", teams_html("Agenda: status, risks")),
        VIRTUAL),
    (ev("Billing follow-up", "Microsoft Teams-Besprechung",
        "Serie war letzte Woche ausgelaufen\n\nMicrosoft Teams meeting details redacted.",
        hints=(("X-MICROSOFT-SKYPETEAMSMEETINGURL", "REDACTED"),
               ("X-MICROSOFT-ONLINEMEETINGINFORMATION", '{"OnlineMeetingProvider":3}'))),
        VIRTUAL),
    (ev("Quartalsreview", "Konferenzraum 3 (MUC-3.14)", "Agenda folgt.",
        attendees=(ANNA, ME, room("Konferenzraum 3 (MUC-3.14)", "muc-3.14@corp.example"))),
        IN_PERSON),
    (ev("Steering committee", "Konferenzraum 3; Microsoft Teams Meeting",
        teams_html("Room for those in Munich, Teams for everyone else."),
        attendees=(ANNA, ME, room("Konferenzraum 3", "muc-kr3@corp.example"))), HYBRID),
    (ev("Budget 2027", "", teams_html(),
        attendees=(ANNA, ME, room("Boardroom London", "lon-board@corp.example"))), HYBRID),
    (ev("Telefonat Herr Huber", "Microsoft Teams-Besprechung", teams_html(german=True)),
        VIRTUAL),  # the user says "Telefonat", the invite is a Teams meeting
    (ev("Weekly status", "", "",
        hints=(("graph.isOnlineMeeting", "true"), ("graph.onlineMeetingProvider", "unknown"))),
        VIRTUAL),  # Graph: online meeting without a join URL
    (ev("Vertragsverhandlung", "Conference Room - Stevens", "",
        hints=(("graph.isOnlineMeeting", "false"), ("graph.onlineMeetingProvider", "unknown"),
               ("graph.locationType", "default"))), IN_PERSON),
    (ev("Plan summer company picnic", "Conf Room 3; Fourth Coffee; Home Office",
        "<html><body>Let's kick-start this event planning!</body></html>",
        hints=(("graph.isOnlineMeeting", "true"),)), HYBRID),
    (ev("Let's go for lunch", "Harry's Bar", "<html><body>Does noon work?</body></html>",
        hints=(("graph.isOnlineMeeting", "true"), ("graph.onlineMeetingProvider",
               "teamsForBusiness"), ("graph.onlineMeeting.joinUrl",
               "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc"))), HYBRID),
    (ev("Let's go for lunch", "Harry's Bar", "<html><body>Does noon work?</body></html>",
        hints=(("graph.locationType", "default"),)), IN_PERSON),
    (ev("Audit Vorbesprechung", "Besprechungsraum EG links", "Bitte Unterlagen mitbringen."),
        IN_PERSON),
    (ev("Kundentermin Müller AG", "Müller AG, Hauptstr. 5, 70173 Stuttgart",
        "Anfahrt: Parkhaus gegenüber.",
        hints=(("X-MICROSOFT-LOCATIONS", '[{"DisplayName":"Müller AG",'
               '"LocationStreet":"Hauptstr. 5","LocationCity":"Stuttgart",'
               '"LocationPostalCode":"70173"}]'),)), IN_PERSON),
    (ev("Jour fixe Einkauf", "Microsoft Teams-Besprechung", "",
        hints=(("X-MICROSOFT-LOCATIONS", '[{"DisplayName":"Microsoft Teams-Besprechung",'
               '"LocationStreet":"","LocationCity":"","LocationUri":""}]'),)), VIRTUAL),
    (ev("1:1 Sabine", "Büro Sabine", ""), IN_PERSON),
    (ev("Skype call with Tokyo office", "Skype Meeting",
        'Join Skype Meeting <https://meet.lync.com/corp/sabine/4KXZ7Q2P>\nTrouble Joining? '
        'Try Skype Web App'), VIRTUAL),
    (ev("Interview Backend", "Teams", "Das Interview findet online statt."), VIRTUAL),
    (ev("Team-Offsite Planung", "Raum Isar, 4. OG", "Whiteboard vorhanden",
        attendees=(ANNA, ME, room("Raum Isar", "muc-isar@corp.example"))), IN_PERSON),
    (ev("Telko Lieferant", "", "Einwahl: +49 89 2019 4433, Konferenz-ID 889 112#"), PHONE),
    # --- Google Calendar ------------------------------------------------------------------
    (ev("Intro: Anna <> Ben", "", MEET_TEXT.format(intro="Kurzes Kennenlernen."),
        conference_links=("https://meet.google.com/abc-defg-hij",),
        hints=(("google.hangoutLink", "https://meet.google.com/abc-defg-hij"),
               ("google.conferenceSolution", "Google Meet"))), VIRTUAL),
    (ev("Design review", "", "", hints=(("X-GOOGLE-CONFERENCE",
        "https://meet.google.com/xyz-abcd-efg"),)), VIRTUAL),
    (ev("Kaffee mit Jonas", "Café Luitpold, Brienner Str. 11, 80333 München", ""), IN_PERSON),
    (ev("Pitch practice", "", "https://meet.google.com/kqz-pmrt-hue"), VIRTUAL),
    (ev("Lunch @ Tantris", "", ""), IN_PERSON),
    (ev("Lunch @ Tantris", "Tantris, Johann-Fichte-Straße 7, 80805 München", "",
        geo=Geo(48.1686, 11.5875)), IN_PERSON),
    (ev("Board dinner", "The Ivy, 1-5 West St, London WC2H 9NQ, UK", "Dress code: smart"),
        IN_PERSON),
    (ev("Sprint planning", "", "",
        conference_links=("https://meet.google.com/qwe-rtyu-iop",),
        hints=(("google.conferenceSolution", "Google Meet"),)), VIRTUAL),
    (ev("Makerspace Treffen", "Stadt- und Landesbibliothek Potsdam, Am Kanal 47, 14467 Potsdam",
        "Offenes Treffen"), IN_PERSON),
    (ev("Workshop", "Haus 5 - Seminarraum", ""), IN_PERSON),
    (ev("Training", "Ahveniston Toimintapuisto Olympiakatu 18-20", ""), IN_PERSON),
    (ev("Focus time", "", "", attendees=(),
        hints=(("google.eventType", "focusTime"),)), UNKNOWN),
    (ev("Out of office", "", "", attendees=(),
        hints=(("google.eventType", "outOfOffice"),)), UNKNOWN),
    (ev("Investor update", "", "Dial-in: +1 646-558-8656, PIN 998877#\nNo video, audio only."),
        PHONE),
    (ev("Hiring sync (hybrid)", "Office Berlin, 3rd floor",
        MEET_TEXT.format(intro="Hybrid: come to the office or join via Meet."),
        conference_links=("https://meet.google.com/abc-defg-hij",)), HYBRID),
    (ev("Coffee chat", "", "Virtual coffee — grab a mug!",
        conference_links=("https://meet.google.com/cof-feec-hat",)), VIRTUAL),
    # --- Apple / iCloud -------------------------------------------------------------------
    (ev("Daily Sync", "Roadstar 16\n12764 Happyville\nDenmark", "",
        hints=(("X-APPLE-STRUCTURED-LOCATION", "geo:52.382762,7.528319"),)), IN_PERSON),
    (ev("Abendessen mit Familie Kraus", "Schumann's\nOdeonsplatz 6-7\n80539 München\nDeutschland",
        "", hints=(("X-APPLE-STRUCTURED-LOCATION", "geo:48.142,11.577"),)), IN_PERSON),
    (ev("Treffen Notar", "Dr. Weber, Maximilianstraße 13, 80539 München", "",
        geo=Geo(48.1392, 11.5822)), IN_PERSON),
    (ev("FaceTime mit Lea", "", "", attendees=()), VIRTUAL),
    (ev("Coffee", "Blue Bottle Coffee\n1 Ferry Building\nSan Francisco, CA 94111\nUnited States",
        "", hints=(("X-APPLE-STRUCTURED-LOCATION", "geo:37.7955,-122.3937"),)), IN_PERSON),
    (ev("Geburtstag Oma", "", "", attendees=(), start=datetime(2026, 12, 12, tzinfo=TZ),
        hours=24, all_day=True), UNKNOWN),
    (ev("Arzt", "", "", attendees=()), UNKNOWN),
    # --- Thunderbird / GroupWise / CalDAV -------------------------------------------------
    (ev("Vereinssitzung", "Stadtwerkstatt", ""), IN_PERSON),
    (ev("Atelier groupes portail", "https://visio-agents.education.fr/", "",
        hints=(("X-MICROSOFT-LOCATIONDISPLAYNAME", "https://visio-agents.education.fr/"),
               ("X-MICROSOFT-LATITUDE", "0"), ("X-MICROSOFT-LONGITUDE", "0"))), VIRTUAL),
    (ev("test export import", "dijon", ""), IN_PERSON),
    (ev("Standup", "https://bluejeans.com/7999979999", ""), VIRTUAL),
    (ev("Podio sync", "online", "Agenda in Podio"), VIRTUAL),
    (ev("Conference bridge", "", "",
        hints=(("CONFERENCE", "tel:+1-412-555-0123,,,654321"),
               ("CONFERENCE", "tel:+1-888-555-0456,,,555123"))), PHONE),
    (ev("Architecture board", "", "",
        hints=(("CONFERENCE", "https://chat.example.com/audio?id=123456"),
               ("CONFERENCE", "tel:+1-412-555-0123,,,654321"))), VIRTUAL),
    (ev("Jitsi Stammtisch", "https://meet.jit.si/PlannerStammtisch", ""), VIRTUAL),
    (ev("Vorstandssitzung", "Whereby", "https://whereby.com/vorstand-verein"), VIRTUAL),
    (ev("Sprechstunde", "BBB-Raum", "https://bbb.uni-example.de/b/kla-x7p-2qa"), VIRTUAL),
    (ev("Ortsbegehung Baustelle", "Baustelle Lindenweg 3, 82041 Oberhaching", ""), IN_PERSON),
    (ev("Meeting", "TBD", "", attendees=(ANNA, ME)), UNKNOWN),
    (ev("Abstimmung", "", ""), UNKNOWN),
    (ev("", "", ""), UNKNOWN),
    # --- Zoom invitations -----------------------------------------------------------------
    (ev("Product demo ACME", "https://us02web.zoom.us/j/81234567890?pwd=QWxhZ2VuZGE",
        ZOOM_TEXT.format(host="Anna Berger", topic="Product demo ACME")), VIRTUAL),
    (ev("Zoom: Quarterly all-hands", "", ZOOM_TEXT.format(host="HR", topic="All-hands")),
        VIRTUAL),
    (ev("Kennenlernen", "Zoom", ""), VIRTUAL),
    (ev("Webinar: KI im Mittelstand", "", "Anmeldung unter https://example-events.de/webinar/42"),
        VIRTUAL),
    (ev("Meetup Phoenix Devs", "Galvanize (515 E Grant St, Phoenix, AZ 85004)", "",
        geo=Geo(33.4427, -112.066)), IN_PERSON),
    (ev("Sales review", "Hotel Vier Jahreszeiten, Lobby",
        ZOOM_TEXT.format(host="Anna Berger", topic="Sales review")), HYBRID),
    # --- German wording ---------------------------------------------------------------------
    (ev("Telefonat mit Dr. Schmidt", "", ""), PHONE),
    (ev("Rückruf Frau Yilmaz", "+49 170 1234567", ""), PHONE),
    (ev("Anruf Steuerberater", "", "Er ruft an: 089 / 23 45 67 89"), PHONE),
    (ev("Telefontermin Bank", "", "Bitte unter 0211 987654 anrufen."), PHONE),
    (ev("Kundenbesuch Bosch", "", "Werksführung inklusive"), IN_PERSON),
    (ev("Geschäftsessen mit Investoren", "", ""), IN_PERSON),
    (ev("Workshop vor Ort beim Kunden", "", "Parken im Hof möglich"), IN_PERSON),
    (ev("Mittagessen mit Jan", "Kantine", ""), IN_PERSON),
    (ev("Videokonferenz Vertrieb", "", "Link folgt per Mail."), VIRTUAL),
    (ev("Online-Schulung Datenschutz", "", ""), VIRTUAL),
    (ev("Übergabe Schlüssel", "Zoomstraße 12, 50667 Köln", ""), IN_PERSON),
    (ev("Strategietag (hybrid)", "Seminarraum 2", "Einwahl für Remote-Teilnehmer folgt."),
        HYBRID),
    (ev("Besprechung", "Büro", ""), IN_PERSON),
    (ev("Workshop Wien", "Mariahilfer Straße 1, 1060 Wien", ""), IN_PERSON),
    (ev("Review Zürich", "Bahnhofstrasse 45, 8001 Zürich", ""), IN_PERSON),
    (ev("Treffen am Flughafen", "Flughafen München, Terminal 2, Lufthansa Senator Lounge", ""),
        IN_PERSON),
    (ev("Kurze Abstimmung", "Hauptbahnhof Frankfurt, DB Lounge", ""), IN_PERSON),
    (ev("Mittagspause", "", "", attendees=()), UNKNOWN),
    (ev("Urlaub", "", "", attendees=(), start=datetime(2026, 12, 21, tzinfo=TZ), hours=24 * 5,
        all_day=True), UNKNOWN),
    (all_day("Messe"), UNKNOWN),
    (all_day("Messe Frankfurt", "Messe Frankfurt, Ludwig-Erhard-Anlage 1, 60327 Frankfurt"),
        IN_PERSON),
    (ev("Telko mit Teams-Link", "", "Sorry, nur Audio – ich bin unterwegs. "
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_xyz"), VIRTUAL),
    (ev("Rücksprache", "Telefon", ""), PHONE),
    (ev("Jour fixe", "Raum 2.07 / Teams",
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_jf"), HYBRID),
    # --- English wording --------------------------------------------------------------------
    (ev("Call with investor at Café Luitpold", "", ""), IN_PERSON),
    (ev("Quick call", "", "I'll call you on your mobile.", attendees=(ANNA, ME)), PHONE),
    (ev("Phone screen: candidate", "", "Candidate phone: +44 20 7946 0958"), PHONE),
    (ev("Drinks with Tom", "The Connaught Bar, Carlos Place, London W1K 2AL", ""), IN_PERSON),
    (ev("Breakfast meeting", "Hotel Adlon Kempinski, Unter den Linden 77, 10117 Berlin", ""),
        IN_PERSON),
    (ev("Site visit Leeds", "", "Meet at reception, visitor badges ready."), IN_PERSON),
    (ev("Face to face with the CFO", "", ""), IN_PERSON),
    (ev("Investor meeting", "350 Fifth Avenue, New York, NY 10118", ""), IN_PERSON),
    (ev("Due diligence", "1 Poultry, London EC2R 8EJ", ""), IN_PERSON),
    (ev("Remote onboarding", "", "We'll share the link the day before."), VIRTUAL),
    (ev("Webex with partner", "https://acme.webex.com/meet/jdoe", ""), VIRTUAL),
    (ev("GoTo training", "", "Join: https://meet.goto.com/123456789"), VIRTUAL),
    (ev("Chime sync", "", "https://chime.aws/1234567890"), VIRTUAL),
    (ev("Town hall (in person and online)", "Main auditorium", "Stream: "
        "https://vimeo.com/event/1234567"), HYBRID),
    (ev("Hotel lobby meet", "Lobby, Hotel Bayerischer Hof", ""), IN_PERSON),
    (ev("Airport catch-up", "LHR Terminal 5, Galleries Lounge", ""), IN_PERSON),
    (ev("Offsite kickoff", "", "Bus leaves 8:00 from HQ."), IN_PERSON),
    (ev("Call", "", "", attendees=(ANNA, ME)), PHONE),
    (ev("Conference call with legal", "", "Bridge: +1 212 555 0199 passcode 4455#"), PHONE),
    (ev("Hold for interview", "", "", attendees=()), UNKNOWN),
    (ev("Blocker: prep", "", "", attendees=()), UNKNOWN),
    (ev("Lunch", "", "", attendees=()), UNKNOWN),  # a personal lunch blocker
    (ev("Sync", "", "Agenda: roadmap, hiring"), UNKNOWN),
    (ev("1:1", "", "", attendees=(ANNA, ME)), UNKNOWN),
    (ev("Discord game night", "https://discord.gg/abc123", ""), VIRTUAL),
    (ev("Slack huddle: release", "", "https://app.slack.com/huddle/T0123/C0456"), VIRTUAL),
    (ev("Hybrid all-hands", "Kantine Campus Süd",
        "Livestream: https://livestorm.co/p/abc/live"), HYBRID),
    (ev("Team meeting", "Room 4.12", "https://zoom.us/j/98765432100"), HYBRID),
    (ev("Client workshop", "Client office, 22 Bishopsgate, London EC2N 4BQ",
        "Teams link for remote attendees: https://teams.microsoft.com/l/meetup-join/19%3ameet"),
        HYBRID),
    (ev("Weekly 1:1", "Zoom", "Recurring. https://zoom.us/j/123 (Meeting ID 123)",
        series_id="weekly-1-1"), VIRTUAL),
    # --- Written after the classifier, labelled before running it (held out) --------------
    (ev("Kick-off ACME – Büro München", "Leopoldstraße 10, 80802 München"), IN_PERSON),
    (ev("Weekly sync", "https://zoom.us/j/123456789"), VIRTUAL),
    (ev("Abendessen", "Restaurant Tantris"), IN_PERSON),
    (ev("Telefonat", "", "", attendees=()), PHONE),
    (ev("Zoom-Call mit Kunde", "", ""), VIRTUAL),
    (ev("Besuch Messe Stand B12", "Halle 4, Stand B12", ""), IN_PERSON),
    (ev("Mandantengespräch", "Kanzlei, 2. OG", ""), IN_PERSON),
    (ev("Sprint Review", "", "Join Microsoft Teams Meeting\n<https://teams.microsoft.com/l/meetup-"
        "join/19%3ameeting_q>\n+49 30 1234567 Germany, Berlin (Toll)\nConference ID: 123 456 789#"),
        VIRTUAL),
    (ev("Investor call", "", "Dial +1 415 555 0100, code 7788"), PHONE),
    (ev("Abstimmung Vertrieb", "Besprechungsraum 2 / Webex",
        "https://acme.webex.com/acme/j.php?MTID=m123"), HYBRID),
    (ev("Coffee with Sarah", "Starbucks Reserve, 61 Union St, Seattle, WA 98101"), IN_PERSON),
    (ev("Handwerker", "", "", attendees=()), UNKNOWN),
    (ev("Elternabend", "Grundschule am Park, Aula"), IN_PERSON),
    (ev("Strategy session", "WeWork Potsdamer Platz, Eichhornstraße 3, 10785 Berlin"), IN_PERSON),
    (ev("Recruiting-Gespräch", "Microsoft Teams-Besprechung; Raum Elbe", ""), HYBRID),
    (ev("Demo für Kunde", "", "Meeting-Link: https://meet.example.org/demo-kunde"), VIRTUAL),
    (ev("Tech talk livestream", "https://www.youtube.com/watch?v=abc"), VIRTUAL),
    (ev("Follow-up", "", "As discussed on the phone, here are the notes."), UNKNOWN),
    (ev("Bewerbungsgespräch", "Empfang, Gebäude B", ""), IN_PERSON),
    (ev("Check-in Hotel", "Hilton Munich Airport, Terminalstraße Mitte 20, 85356 München"),
        IN_PERSON),
    (ev("Flight LH 2020 MUC-FRA", "Munich (MUC)", ""), IN_PERSON),
    (ev("Team-Event Bowling", "Bowling Center Rosenheim", ""), IN_PERSON),
    (ev("Weekly", "", "", conference_links=("https://acme.zoom.us/j/9988776655",)), VIRTUAL),
    (ev("Pair programming", "", "https://whereby.com/team-pair"), VIRTUAL),
    (ev("Q&A mit Vorstand (vor Ort & online)", "Auditorium Campus",
        "Stream: https://teams.microsoft.com/l/meetup-join/19%3a_x"), HYBRID),
    (ev("Call mit Max", "", "Tel: +49 151 12345678"), PHONE),
    (ev("Gespräch", "Anna's office", ""), IN_PERSON),
    (ev("Interview", "Phone", ""), PHONE),
    (ev("Treffen", "Marienplatz", ""), IN_PERSON),
    (ev("Sync with Tokyo", "", "", hints=(("graph.onlineMeetingProvider", "teamsForBusiness"),)),
        VIRTUAL),
    (ev("Dinner", "Nobu London, 19 Old Park Lane, London W1K 1LB", attendees=()), IN_PERSON),
    (ev("Standortbesprechung", "Google Maps: https://maps.app.goo.gl/abc123"), IN_PERSON),
    (ev("Vortrag", "Online (Zoom)", ""), VIRTUAL),
    (ev("Review", "", "<p>Hi all,</p><p>see you in the <b>office</b> on Monday.</p>"), IN_PERSON),
    (ev("Kunde XY", "c/o Regus, Theresienhöhe 28, 80339 München"), IN_PERSON),
    # --- Second held-out batch, labelled before running the classifier --------------------
    (ev("Besprechung Angebot", "Microsoft Teams-Besprechung; Konferenzraum 2.01", ""), HYBRID),
    (ev("Mittagessen", "", "", attendees=(ANNA, ME)), IN_PERSON),
    (ev("Catch-up", "", "Let's jump on a quick call, I'll send a Zoom link."), VIRTUAL),
    (ev("Abendessen Team", "Augustiner Keller, Arnulfstraße 52, 80335 München"), IN_PERSON),
    (ev("Interview Sarah Lee", "", "Phone interview. We will call you at +1 415 555 0134."),
        PHONE),
    (ev("Quartalsgespräch", "Bei Ihnen im Büro", ""), IN_PERSON),
    (ev("Webex: Security review", "", ""), VIRTUAL),
    (ev("Networking Breakfast", "The Breakfast Club, 33 D'Arblay St, London W1F 8EU"), IN_PERSON),
    (ev("Teams-Call Einkauf", "", ""), VIRTUAL),
    (ev("Kurzes Telefonat", "Microsoft Teams-Besprechung", ""), VIRTUAL),
    (ev("Vertragsunterzeichnung", "Notariat Dr. Huber, Karlsplatz 3, 80335 München"), IN_PERSON),
    (ev("Onboarding neue Kollegin", "Empfang EG", "Bitte am Empfang abholen."), IN_PERSON),
    (ev("Weekly", "https://teams.microsoft.com/l/meetup-join/19%3ameeting_ab", ""), VIRTUAL),
    (ev("Sprechstunde", "Raum 1.23", "Alternativ per Zoom: https://uni.zoom.us/j/123456"), HYBRID),
    (ev("Investor pitch", "Station F, 5 Parvis Alan Turing, 75013 Paris"), IN_PERSON),
    (ev("Tägliches Standup", "", "Meet-Link: https://meet.google.com/xyz-uvwx-rst"), VIRTUAL),
    (ev("Reise nach Hamburg", "", "", attendees=()), UNKNOWN),
    (ev("Kunde anrufen", "", "", attendees=()), PHONE),
    (ev("Workshop", "Online", "Zugangsdaten folgen"), VIRTUAL),
    (ev("Partner dinner", "Restaurant Ikarus, Hangar-7, Wilhelm-Spazier-Straße 7a, 5020 Salzburg"),
        IN_PERSON),
    (ev("Demo", "", "Bitte Bildschirm teilen"), VIRTUAL),
    (ev("Sync", "Anna's Zoom Room", "https://zoom.us/my/anna"), VIRTUAL),
    (ev("Follow-up call", "", "Dial-in: https://zoom.us/j/111"), VIRTUAL),
]
# fmt: on
