# ruff: noqa: E501  (event text is kept whole: it reads as the people and tools wrote it)
"""The third platforms development part (``data/platforms_dev3/``), written blind.

Nine made-up professionals in Warszawa, Stockholm, Praha, København, Oslo, New York, Montréal,
Luxembourg and Manchester, each with a history (October and November 2026) and labelled weeks
(30 November to 11 December 2026), exported as their calendar apps export: Outlook desktop
(Polish, "Central European Standard Time"), Proton Calendar, Zimbra, Microsoft Graph, Google
Calendar API JSON, Outlook for Mac ("Eastern Standard Time"), Yahoo Calendar, Zoho Calendar
("America/Montreal"), Open-Xchange App Suite and HCL Notes 12 ("GMT", ``X-LOTUS-*``), next to
the invitations that event platforms, chambers, webinar tools, rail operators and airlines send
as .ics (ClickMeeting, PKP Intercity, SJ, Meetup, České dráhy, DSB, Norwegian, Eventbrite,
Amtrak, Livestorm, VIA Rail, the Montréal and Luxembourg chambers, Trainline).

Written by an engineer who neither ran planner nor read its judge, from the labelling rules of
README.md only. Run ``python platforms_dev3.py`` from this folder to write the files.

The export writers of Outlook, Graph and Google are ``author.py``'s; this script adds, in its own
process only, the zones of the new cities (with the American rules), join text of Teams in
Polish, Swedish, Czech, Danish and Norwegian, Zoom in Polish and Swedish, Google Meet in Czech,
and writers for the apps ``author.py`` does not know. The join text of Whereby, Skype, Slack
huddles, RingCentral, Zoho Meeting, Pexip and Vonage is written into the events as those tools
paste it; the vendor invitations are written out as they are.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import author as A
import blocks as B
from author import Online, Person, Place, Room

HERE = Path(__file__).resolve().parent
OUT = HERE / "data" / "platforms_dev3"

# --- zones ---------------------------------------------------------------------------------------

EU = (
    "19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
)
UK = ("19700329T010000", EU[1], "19701025T020000", EU[3])
US = (
    "19700308T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
    "19701101T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
)
ZONES = {
    "Europe/Warsaw": ("+0100", "+0200", "CET", "CEST", EU),
    "Europe/Stockholm": ("+0100", "+0200", "CET", "CEST", EU),
    "Europe/Prague": ("+0100", "+0200", "CET", "CEST", EU),
    "Europe/Copenhagen": ("+0100", "+0200", "CET", "CEST", EU),
    "Europe/Oslo": ("+0100", "+0200", "CET", "CEST", EU),
    "Europe/Luxembourg": ("+0100", "+0200", "CET", "CEST", EU),
    "Europe/London": ("+0000", "+0100", "GMT", "BST", UK),
    "America/New_York": ("-0500", "-0400", "EST", "EDT", US),
    "America/Toronto": ("-0500", "-0400", "EST", "EDT", US),
}
A.VTIMEZONE.update({zone: v[:4] for zone, v in ZONES.items()})
A.WINDOWS_ZONES.update(
    {
        "Europe/Warsaw": "Central European Standard Time",
        "Europe/Prague": "Central Europe Standard Time",
        "Europe/Stockholm": "W. Europe Standard Time",
        "Europe/Oslo": "W. Europe Standard Time",
        "Europe/Copenhagen": "Romance Standard Time",
        "Europe/Luxembourg": "W. Europe Standard Time",
        "Europe/London": "GMT Standard Time",
        "America/New_York": "Eastern Standard Time",
        "America/Toronto": "Eastern Standard Time",
    }
)


def vtimezone(tzid: str, zone: str, *, names: bool = True, notes: bool = False) -> list[str]:
    """A VTIMEZONE with the zone's own rules (author.py knows only the Central European ones).
    ``notes``: as HCL Notes writes it (start in 1950, BYHOUR and BYMINUTE in the rules)."""
    standard, daylight, std_name, dst_name, (dst_at, dst_rule, std_at, std_rule) = ZONES[zone]
    if notes:
        dst_at, std_at = "1950" + dst_at[4:], "1950" + std_at[4:]
        dst_rule += f";BYHOUR={int(dst_at[9:11])};BYMINUTE=0"
        std_rule += f";BYHOUR={int(std_at[9:11])};BYMINUTE=0"
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]
    if names:
        lines.append(f"X-LIC-LOCATION:{zone}")
    lines += [
        "BEGIN:DAYLIGHT",
        f"TZOFFSETFROM:{standard}",
        f"TZOFFSETTO:{daylight}",
        *([f"TZNAME:{dst_name}"] if names else []),
        f"DTSTART:{dst_at}",
        dst_rule,
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        f"TZOFFSETFROM:{daylight}",
        f"TZOFFSETTO:{standard}",
        *([f"TZNAME:{std_name}"] if names else []),
        f"DTSTART:{std_at}",
        std_rule,
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
    return lines


A.vtimezone = vtimezone

# --- join text in the new languages ---------------------------------------------------------------

B.TEAMS_LOCATION.update(
    {
        "pl": "Spotkanie w aplikacji Microsoft Teams",
        "sv": "Microsoft Teams-möte",
        "cs": "Schůzka v Microsoft Teams",
        "da": "Microsoft Teams-møde",
        "nb": "Microsoft Teams-møte",
    }
)
B.TOLL.update(
    {
        "pl": "+48 22 263 49 29",
        "sv": "+46 8 505 201 54",
        "cs": "+420 228 883 512",
        "da": "+45 32 72 66 25",
        "nb": "+47 21 40 47 53",
    }
)
TEAMS_WORDS = {
    # heading, join-on, click, meeting id, passcode, download|web, call in, tel, conference id, find|reset, more|options
    "pl": (
        "Spotkanie w aplikacji Microsoft Teams",
        "Dołącz z komputera, aplikacji mobilnej lub urządzenia w sali",
        "Kliknij tutaj, aby dołączyć do spotkania",
        "Identyfikator spotkania",
        "Kod dostępu",
        "Pobierz aplikację Teams<https://www.microsoft.com/pl-pl/microsoft-teams/download-app> | Dołącz w sieci Web<https://www.microsoft.com/microsoft-teams/join-a-meeting>",
        "Lub zadzwoń (tylko dźwięk)",
        "+48 22 263 49 29,,{pin}#<tel:+48222634929,,{pin}#>   Poland, Warszawa",
        "Identyfikator konferencji telefonicznej: {conf}#",
        "Znajdź numer lokalny<https://dialin.teams.microsoft.com/4c1d9a3e/discover> | Resetuj numer PIN<https://dialin.teams.microsoft.com/usp/pstnconferencing>",
        "Dowiedz się więcej<https://aka.ms/JoinTeamsMeeting> | Opcje spotkania<{opts}>",
    ),
    "sv": (
        "Microsoft Teams-möte",
        "Anslut på din dator, mobilapp eller rumsenhet",
        "Klicka här för att ansluta till mötet",
        "Mötes-ID",
        "Lösenord",
        "Ladda ned Teams<https://www.microsoft.com/sv-se/microsoft-teams/download-app> | Anslut på webben<https://www.microsoft.com/microsoft-teams/join-a-meeting>",
        "Eller ring in (endast ljud)",
        "+46 8 505 201 54,,{pin}#<tel:+46850520154,,{pin}#>   Sweden, Stockholm",
        "Telefonkonferens-ID: {conf}#",
        "Hitta ett lokalt nummer<https://dialin.teams.microsoft.com/4c1d9a3e/discover> | Återställ PIN-kod<https://dialin.teams.microsoft.com/usp/pstnconferencing>",
        "Läs mer<https://aka.ms/JoinTeamsMeeting> | Mötesalternativ<{opts}>",
    ),
    "cs": (
        "Schůzka v Microsoft Teams",
        "Připojte se z počítače, mobilní aplikace nebo zařízení v místnosti",
        "Kliknutím sem se připojíte ke schůzce",
        "ID schůzky",
        "Heslo",
        "Stáhnout Teams<https://www.microsoft.com/cs-cz/microsoft-teams/download-app> | Připojit se na webu<https://www.microsoft.com/microsoft-teams/join-a-meeting>",
        "Nebo zavolejte (jenom zvuk)",
        "+420 228 883 512,,{pin}#<tel:+420228883512,,{pin}#>   Czech Republic, Praha",
        "ID telefonní konference: {conf}#",
        "Najít místní číslo<https://dialin.teams.microsoft.com/4c1d9a3e/discover> | Resetovat PIN<https://dialin.teams.microsoft.com/usp/pstnconferencing>",
        "Další informace<https://aka.ms/JoinTeamsMeeting> | Možnosti schůzky<{opts}>",
    ),
    "da": (
        "Microsoft Teams-møde",
        "Deltag fra din computer, mobilapp eller rumenhed",
        "Klik her for at deltage i mødet",
        "Møde-id",
        "Adgangskode",
        "Download Teams<https://www.microsoft.com/da-dk/microsoft-teams/download-app> | Deltag på internettet<https://www.microsoft.com/microsoft-teams/join-a-meeting>",
        "Eller ring ind (kun lyd)",
        "+45 32 72 66 25,,{pin}#<tel:+4532726625,,{pin}#>   Denmark, København",
        "Telefonkonference-id: {conf}#",
        "Find et lokalt nummer<https://dialin.teams.microsoft.com/4c1d9a3e/discover> | Nulstil pinkode<https://dialin.teams.microsoft.com/usp/pstnconferencing>",
        "Få mere at vide<https://aka.ms/JoinTeamsMeeting> | Mødeindstillinger<{opts}>",
    ),
    "nb": (
        "Microsoft Teams-møte",
        "Bli med på datamaskinen, mobilappen eller romenheten",
        "Klikk her for å bli med i møtet",
        "Møte-ID",
        "Passord",
        "Last ned Teams<https://www.microsoft.com/nb-no/microsoft-teams/download-app> | Bli med på nettet<https://www.microsoft.com/microsoft-teams/join-a-meeting>",
        "Eller ring inn (bare lyd)",
        "+47 21 40 47 53,,{pin}#<tel:+4721404753,,{pin}#>   Norway, Oslo",
        "Telefonkonferanse-ID: {conf}#",
        "Finn et lokalt nummer<https://dialin.teams.microsoft.com/4c1d9a3e/discover> | Tilbakestill PIN-kode<https://dialin.teams.microsoft.com/usp/pstnconferencing>",
        "Finn ut mer<https://aka.ms/JoinTeamsMeeting> | Møtealternativer<{opts}>",
    ),
}


def teams_more(lang: str, seed: str) -> str:
    w = TEAMS_WORDS[lang]
    pin = B._n(seed, 9, "pin")
    opts = "https://teams.microsoft.com/meetingOptions/?organizerId=" + B._n(seed, 8, "o")
    return "\n".join(
        [
            B.RULE,
            w[0],
            w[1],
            f"{w[2]}<{B.join_url('teams', seed)}>",
            f"{w[3]}: {B._groups(B._n(seed, 15, 'mid'), (3, 3, 3, 3, 3))}",
            f"{w[4]}: {B._code(seed, 6, 'pc')}",
            w[5],
            w[6],
            w[7].format(pin=pin),
            w[8].format(conf=B._groups(pin, (3, 3, 3))),
            w[9],
            w[10].format(opts=opts),
            B.RULE,
        ]
    )


ZOOM_WORDS = {
    "pl": (
        "{who} zaprasza Cię na zaplanowane spotkanie Zoom.",
        "Dołącz do spotkania Zoom",
        "Identyfikator spotkania",
        "Kod dostępu",
        "Szybkie wybieranie na urządzeniu mobilnym",
        "Wybierz numer według swojej lokalizacji",
        "Znajdź swój numer lokalny",
        "Polska",
        "+48223987356",
        "+48 22 398 7356",
    ),
    "sv": (
        "{who} bjuder in dig till ett schemalagt Zoom-möte.",
        "Anslut till Zoom-möte",
        "Mötes-ID",
        "Lösenord",
        "Snabbval för mobil",
        "Ring beroende på var du befinner dig",
        "Hitta ditt lokala nummer",
        "Sverige",
        "+46850539728",
        "+46 8 5053 9728",
    ),
}


def zoom_more(lang: str, seed: str, host: str) -> str:
    w = ZOOM_WORDS[lang]
    url = B.join_url("zoom", seed)
    mid = url.split("/j/")[1].split("?")[0]
    spaced = B._groups(mid, (3, 4, 4))
    code = B._n(seed, 6, "zc")
    return "\n".join(
        [
            w[0].format(who=host or "Zoom"),
            "",
            w[1],
            url,
            "",
            f"{w[2]}: {spaced}",
            f"{w[3]}: {code}",
            "",
            "---",
            "",
            w[4],
            f"{w[8]},,{mid}#,,,,*{code}# {w[7]}",
            "",
            "---",
            "",
            w[5],
            f"• {w[9]} {w[7]}",
            "• +49 69 3807 9883",
            "",
            f"{w[2]}: {spaced}",
            f"{w[3]}: {code}",
            "",
            f"{w[6]}: https://us06web.zoom.us/u/k{B._code(seed, 8, 'zl')}",
        ]
    )


def meet_cs(seed: str) -> str:
    url = B.join_url("meet", seed)
    code = url.rsplit("/", 1)[1]
    pin = B._groups(B._n(seed, 9, "gp"), (3, 3, 3))
    return "\n".join(
        [
            B.GOOGLE_RULE,
            f"Připojit se přes Google Meet: {url}",
            f"Nebo vytočte: (CZ) +420 225 386 294 PIN: {pin}#",
            f"Další telefonní čísla: https://tel.meet/{code}?pin={pin.replace(' ', '')}4011",
            "",
            "Další informace o Meetu: https://support.google.com/a/users/answer/9282720",
            "",
            "Tuto sekci prosím neupravujte.",
            B.GOOGLE_RULE,
        ]
    )


_join_block = B.join_block


def join_block(kind: str, lang: str, seed: str, host: str = "") -> str:
    if kind == "teams" and lang in TEAMS_WORDS:
        return teams_more(lang, seed)
    if kind == "zoom" and lang in ZOOM_WORDS:
        return zoom_more(lang, seed, host)
    if kind == "meet" and lang == "cs":
        return meet_cs(seed)
    return _join_block(kind, lang, seed, host)


B.join_block = join_block

# --- writers for the apps author.py does not know -------------------------------------------------


def _partstat(person: Person, spec: A.Spec, user: Person, organizer: Person | None) -> str:
    return A.partstat(person, spec, user, organizer)


def _when(occ: A.Occurrence, tzid: str, *, quote: bool = True) -> list[str]:
    spec = occ.spec
    if spec.all_day:
        return [f"DTSTART;VALUE=DATE:{occ.start:%Y%m%d}", f"DTEND;VALUE=DATE:{occ.end:%Y%m%d}"]
    tz = A.quoted(tzid) if quote else tzid
    return [f"DTSTART;TZID={tz}:{A.stamp(occ.start)}", f"DTEND;TZID={tz}:{A.stamp(occ.end)}"]


def _html(text: str) -> str:
    return "<html><body>" + A.B.as_html(text).replace("\n", "") + "</body></html>"


def app_uid(writer: str, spec: A.Spec) -> str:
    """The UID each app gives an event it created (one per series)."""
    h = A.digest(spec.title, spec.when, length=32)
    if writer == "proton_ics":
        return B._code(h, 28, "pm") + "@proton.me"
    if writer == "notes_ics":
        return h.upper() + "-Lotus_Notes_Generated"
    if writer == "outlookmac_ics":
        return (
            "040000008200E00074C5B7101A82E00800000000"
            + A.digest(spec.title, spec.when, length=48).upper()
        )
    if writer == "zoho_ics":
        return h + "@zoho.com"
    if writer == "yahoo_ics":
        return f"y{h[:7]}-{h[7:11]}-{h[11:15]}-{h[15:19]}-{h[19:31]}@yahoo.com"
    if writer == "ox_ics":
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
    return A._uuid(spec)  # zimbra


def _people(spec: A.Spec, user: Person, style: str) -> list[str]:
    organizer = A.organizer_of(spec, user)
    if organizer is None:
        return []
    lines = []
    if style == "notes":
        cn = organizer.name + "/" + organizer.email.split("@")[1].split(".")[0].title()
        lines.append(A.prop("ORGANIZER", f"mailto:{organizer.email}", CN=A.quoted(cn)))
    elif style == "zimbra" and organizer != user:
        lines.append(A.prop("ORGANIZER", f"mailto:{organizer.email}", CN=A.quoted(organizer.name)))
    else:
        lines.append(A.prop("ORGANIZER", f"mailto:{organizer.email}", CN=A.quoted(organizer.name)))
    for person in A.people_of(spec, user):
        if person == organizer and style in ("zimbra", "notes", "outlookmac"):
            continue
        params = {"CN": A.quoted(person.name)}
        if style == "notes":
            params["CN"] = A.quoted(
                person.name + "/" + person.email.split("@")[1].split(".")[0].title()
            )
        params["ROLE"] = "CHAIR" if person == organizer else "REQ-PARTICIPANT"
        params["PARTSTAT"] = _partstat(person, spec, user, organizer)
        params["RSVP"] = "TRUE" if person != organizer else "FALSE"
        if style == "proton":
            params["X_PM_TOKEN"] = A.digest(person.email, spec.title, length=40)
        if style == "ox":
            params["CUTYPE"] = "INDIVIDUAL"
            params["EMAIL"] = person.email
        lines.append(A.prop("ATTENDEE", f"mailto:{person.email}", **params))
    for room in spec.rooms:
        cutype = "RESOURCE" if style in ("ox", "zimbra", "notes") else "ROOM"
        lines.append(
            A.prop(
                "ATTENDEE",
                f"mailto:{room.email}",
                CN=A.quoted(room.name),
                CUTYPE=cutype,
                ROLE="NON-PARTICIPANT",
                PARTSTAT="ACCEPTED",
                RSVP="FALSE",
            )
        )
    return lines


def _zimbra_text(occ: A.Occurrence, spec: A.Spec, user: Person, text: str, zone: str) -> str:
    """Zimbra puts the invitation's summary above the organiser's text of a received meeting."""
    organizer = A.organizer_of(spec, user)
    if organizer is None or organizer == user:
        return text
    others = [p for p in A.people_of(spec, user) if p != organizer]
    when = (
        occ.start.strftime("%A, %B %-d, %Y, %-I:%M:%S %p")
        + " - "
        + occ.end.strftime("%-I:%M:%S %p")
    )
    head = [
        "The following is a new meeting request:",
        "",
        f"Subject: {spec.title} ",
        f'Organizer: "{organizer.name}" <{organizer.email}> ',
        "",
        f"Location: {A.location_text(spec, ', ')} ",
        f"Time: {when} GMT +01:00 Prague ",
        " ",
        "Invitees: " + "; ".join(f'"{p.name}" <{p.email}>' for p in others) + " ",
        "",
        "",
        "*~*~*~*~*~*~*~*~*~*",
        "",
    ]
    return "\n".join(head) + text


def app_ics(writer: str):
    def write(calendar: A.Calendar) -> bytes:
        zone, user = calendar.zone, calendar.user
        style = writer.removesuffix("_ics")
        if style == "proton":
            tzid = zone
            head = [
                "VERSION:2.0",
                "PRODID:-//Proton AG//WebCalendar 5.0.61.4//EN",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                A.prop("X-WR-CALNAME", "Min kalender"),
                f"X-WR-TIMEZONE:{zone}",
                *vtimezone(zone, zone),
            ]
        elif style == "zimbra":
            tzid = "(GMT+01.00) Belgrade / Bratislava / Budapest / Ljubljana / Prague"
            head = [
                "X-WR-CALNAME:Calendar",
                "X-WR-CALID:" + A.digest(user.email, length=8) + "-1c2d-4e5f-8a9b-10",
                "PRODID:Zimbra-Calendar-Provider",
                "VERSION:2.0",
                "METHOD:PUBLISH",
                *vtimezone(tzid, zone, names=False),
            ]
        elif style == "notes":
            tzid = "GMT"
            head = [
                "X-LOTUS-CHARSET:UTF-8",
                "VERSION:2.0",
                "PRODID:-//Lotus Development Corporation//NONSGML Notes 12.0.2//EN_C",
                "METHOD:PUBLISH",
                "X-WR-CALNAME:Gareth Hughes",
                *vtimezone(tzid, zone, names=False, notes=True),
            ]
        elif style == "outlookmac":
            tzid = "Eastern Standard Time"
            head = [
                "PRODID:-//Microsoft Corporation//Outlook for Mac 16.91//EN",
                "VERSION:2.0",
                "METHOD:PUBLISH",
                "X-WR-CALNAME:Calendar",
                *vtimezone(tzid, zone, names=False),
            ]
        elif style == "yahoo":
            tzid = zone
            head = [
                "PRODID:-//Yahoo! Inc.//Yahoo Calendar//EN",
                "VERSION:2.0",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "X-WR-CALNAME:Dana's Calendar",
                f"X-WR-TIMEZONE:{zone}",
                *vtimezone(zone, zone),
            ]
        elif style == "zoho":
            tzid = "America/Montreal"
            head = [
                "VERSION:2.0",
                "PRODID:-//Zoho Corporation//Zoho Calendar//EN",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "X-WR-CALNAME:Geneviève Tremblay",
                "X-WR-TIMEZONE:America/Montreal",
                *vtimezone(tzid, zone),
            ]
        elif style == "ox":
            tzid = zone
            head = [
                "VERSION:2.0",
                "PRODID:-//Open-Xchange//8.27.52//EN",
                "METHOD:PUBLISH",
                "X-WR-CALNAME:Kalender",
                *vtimezone(zone, zone, names=False),
            ]
        else:
            raise ValueError(writer)
        events = []
        for spec in calendar.specs:
            occs = A.occurrences(spec, zone)
            assert not any(o.moved for o in occs), spec.title
            events.append(_vevent(style, writer, occs[0], calendar, tzid))
        return A.calendar_file(head, events)

    return write


def _vevent(
    style: str, writer: str, occ: A.Occurrence, calendar: A.Calendar, tzid: str
) -> list[str]:
    spec, user, zone = occ.spec, calendar.user, calendar.zone
    organizer = A.organizer_of(spec, user)
    uid = app_uid(writer, spec)
    text = A.description(spec)
    if style == "zimbra":
        text = _zimbra_text(occ, spec, user, text, zone)
    location = A.location_text(spec, ", " if style != "outlookmac" else "; ")
    if spec.online and spec.online.kind == "teams" and spec.online.structured:
        label = B.TEAMS_LOCATION[spec.online.lang]
        location = f"{location}; {label}" if location else label
    lines = ["BEGIN:VEVENT"]
    if style == "notes":
        lines += _when(occ, tzid)
        lines += A.rrule(spec, occ.start)
        lines += [f"DTSTAMP:{A.DTSTAMP}"]
        lines += _people(spec, user, style)
        lines += [f"UID:{uid}", f"SEQUENCE:{A._seq(occ)}"]
        lines.append(A.prop("SUMMARY", A.escape(spec.title)))
        if location:
            lines.append(A.prop("LOCATION", A.escape(location)))
        if text:
            lines.append(A.prop("DESCRIPTION", A.escape(text)))
        apptype = (
            "2" if spec.all_day else ("3" if organizer else ("4" if spec.minutes == 0 else "0"))
        )
        lines += [
            "CLASS:" + ("PRIVATE" if spec.private else "PUBLIC"),
            "TRANSP:" + ("TRANSPARENT" if spec.show_as == "free" or spec.all_day else "OPAQUE"),
            "X-LOTUS-UPDATE-SEQ:1",
            "X-LOTUS-UPDATE-WISL:$S:1;$L:1;$B:1;$R:1;$E:1;$W:1;$O:1;$M:1;RequiredAttendees:1;INetRequiredNames:1;AltRequiredNames:1;StorageRequiredNames:1;OptionalAttendees:1;INetOptionalNames:1;AltOptionalNames:1;StorageOptionalNames:1",
            "X-LOTUS-NOTESVERSION:2",
            *(["X-LOTUS-NOTICETYPE:" + ("A" if organizer != user else "I")] if organizer else []),
            f"X-LOTUS-APPTTYPE:{apptype}",
            f"X-LOTUS-CHILD-UID:{uid.split('-')[0]}",
            "END:VEVENT",
        ]
        return lines
    if style == "zimbra":
        lines.append(f"UID:{uid}")
        lines.append(A.prop("SUMMARY", A.escape(spec.title)))
        if text:
            lines.append(A.prop("DESCRIPTION", A.escape(text)))
            lines.append(A.prop("X-ALT-DESC", _html(text), FMTTYPE="text/html"))
        if location:
            lines.append(A.prop("LOCATION", A.escape(location)))
        lines += _people(spec, user, style)
        lines += _when(occ, tzid)
        lines += A.rrule(spec, occ.start)
        lines += [
            "STATUS:CONFIRMED",
            "CLASS:" + ("PRI" if spec.private else "PUBLIC"),
            "X-MICROSOFT-CDO-ALLDAYEVENT:" + ("TRUE" if spec.all_day else "FALSE"),
            "X-MICROSOFT-CDO-INTENDEDSTATUS:" + A.CDO_BUSY.get(spec.show_as, "BUSY"),
            "TRANSP:" + ("TRANSPARENT" if spec.show_as == "free" or spec.all_day else "OPAQUE"),
            "LAST-MODIFIED:20261130T171200Z",
            f"DTSTAMP:{A.DTSTAMP}",
            f"SEQUENCE:{A._seq(occ)}",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "TRIGGER;RELATED=START:-PT5M",
            "DESCRIPTION:Reminder",
            "END:VALARM",
            "END:VEVENT",
        ]
        return lines
    # proton, outlookmac, yahoo, zoho, ox
    lines += [f"UID:{uid}", f"DTSTAMP:{A.DTSTAMP}"]
    lines += _when(occ, tzid, quote=style != "zoho")
    lines += A.rrule(spec, occ.start)
    lines.append(A.prop("SUMMARY", A.escape(spec.title)))
    if location:
        lines.append(A.prop("LOCATION", A.escape(location)))
    if text:
        lines.append(A.prop("DESCRIPTION", A.escape(text)))
        if style == "outlookmac":
            lines.append(A.prop("X-ALT-DESC", _html(text), FMTTYPE="text/html"))
    lines += _people(spec, user, style)
    lines += [f"SEQUENCE:{A._seq(occ)}", "STATUS:CONFIRMED"]
    lines.append(
        "TRANSP:" + ("TRANSPARENT" if spec.show_as == "free" or spec.all_day else "OPAQUE")
    )
    if spec.private:
        lines.append("CLASS:PRIVATE")
    if spec.url:
        lines.append(A.prop("URL", spec.url))
    if style == "outlookmac":
        lines += [
            "X-MICROSOFT-CDO-BUSYSTATUS:" + A.CDO_BUSY.get(spec.show_as, "BUSY"),
            "X-MICROSOFT-CDO-ALLDAYEVENT:" + ("TRUE" if spec.all_day else "FALSE"),
            "X-ENTOURAGE_UUID:" + A._uuid(spec).upper(),
        ]
        if spec.online and spec.online.kind == "teams" and spec.online.structured:
            lines.append(A.prop("X-MICROSOFT-SKYPETEAMSMEETINGURL", A.join_url(spec)))
    if style == "yahoo":
        lines += [
            "X-YAHOO-YID:dana.whitfield",
            "X-YAHOO-USER-STATUS:BUSY",
            "X-YAHOO-EVENT-STATUS:BUSY",
        ]
    if style == "ox":
        lines += [
            "CLASS:PUBLIC" if not spec.private else "X-OX-PRIVATE:TRUE",
            "X-MICROSOFT-CDO-BUSYSTATUS:" + A.CDO_BUSY.get(spec.show_as, "BUSY"),
        ]
    if style == "zoho":
        lines.append("CREATED:20261102T101500Z")
        lines.append("LAST-MODIFIED:20261130T171200Z")
    lines.append("END:VEVENT")
    return lines


WRITERS = {name: writer for name, (writer, _ext) in A.WRITERS.items()}
for _name in (
    "proton_ics",
    "zimbra_ics",
    "notes_ics",
    "outlookmac_ics",
    "yahoo_ics",
    "zoho_ics",
    "ox_ics",
):
    WRITERS[_name] = app_ics(_name)

# --- building blocks ---------------------------------------------------------------------------

HIST = (True, "unknown", "other")  # the label of a history event; history is not labelled
Y, N = True, False
IP, VI, PH, UN, TR, HY = "in_person", "virtual", "phone", "unknown", "travel", "hybrid"
FC, DC, IN, PE, NW, VS, RT, OT = (
    "first_contact",
    "deal_closing",
    "internal",
    "personal",
    "networking",
    "visit",
    "routine",
    "other",
)


def hist(title: str, when: str, **kw) -> A.Spec:
    return A.Spec(title, when, HIST, "", **kw)


def ev(title: str, when: str, label: tuple, cls: str, **kw) -> A.Spec:
    return A.Spec(title, when, label, cls, **kw)


DEBATABLE_WEBINAR = (
    "debatable: a public webinar booked through its platform as networking; 'other' arguable"
)
NOBODY_KNOWN = "debatable: {who} took part in earlier meetings, but nobody is invited: other by the rule; routine arguable"

# --- Warszawa: Agnieszka Wiśniewska, HR director of an IT services firm (Outlook desktop, Polish) --

AGA = Person("Agnieszka Wiśniewska", "agnieszka.wisniewska@wislasoft.example")
PIOTR = Person("Piotr Zieliński", "piotr.zielinski@wislasoft.example")
MAGDA = Person("Magdalena Kowalczyk", "magdalena.kowalczyk@wislasoft.example")
TOMASZ = Person("Tomasz Lewandowski", "tomasz.lewandowski@bankmazowsze.example")
EWA = Person("Ewa Dąbrowska", "ewa.dabrowska@bankmazowsze.example")
ANNA_M = Person("Anna Mazur", "anna.mazur@bankmazowsze.example")
KRZYSZTOF = Person("Krzysztof Wójcik", "k.wojcik@logistyka-bug.example")
ZOFIA = Person("Zofia Kamińska", "z.kaminska@logistyka-bug.example")
SALA_WISLA = Room("Sala Wisła (12 os.)", "sala.wisla@wislasoft.example")
BANK_HQ = Place("Bank Mazowsze S.A.", "ul. Prosta 51", "00-838", "Warszawa", "Polska")

WARSZAWA = A.Calendar(
    "outlook_agnieszka.ics",
    "outlook_ics",
    AGA,
    ("wislasoft.example",),
    "Europe/Warsaw",
    (
        hist(
            "Bank Mazowsze – spotkanie otwierające projekt",
            "2026-10-07 10:00",
            attendees=(TOMASZ, EWA),
            organizer=TOMASZ,
            place=BANK_HQ,
        ),
        hist(
            "Bank Mazowsze – warsztat wymagań rekrutacyjnych",
            "2026-11-04 13:00",
            minutes=120,
            attendees=(TOMASZ, EWA),
            online=Online("teams", "pl"),
        ),
        hist("Przygotować ofertę dla Banku Mazowsze", "2026-11-09 09:00", minutes=180),
        ev(
            "Odprawa zespołu HR",
            "2026-10-05 09:00",
            (Y, VI, IN),
            "ordinary",
            minutes=30,
            weekly=10,
            attendees=(PIOTR, MAGDA),
            online=Online("teams", "pl"),
            text="Stały punkt: rekrutacje w toku, onboarding, nieobecności.",
        ),
        ev(
            "Zadzwonić do Krzysztofa Wójcika (Logistyka Bug)",
            "2026-12-01 08:45",
            (Y, PH, OT),
            "call-verb",
            minutes=15,
        ),
        ev(
            "Bank Mazowsze – przegląd kwartalny",
            "2026-12-01 11:00",
            (Y, HY, RT),
            "conflict",
            minutes=90,
            attendees=(TOMASZ, EWA, PIOTR),
            rooms=(SALA_WISLA,),
            online=Online("teams", "pl"),
            text="Agenda: wskaźniki rekrutacji Q4, rotacja, plan na Q1.\nTomasz i Ewa dołączają zdalnie.",
            note="third meeting with Tomasz Lewandowski and Ewa Dąbrowska; room and Teams: hybrid",
        ),
        ev(
            "Zarezerwować hotel na targi pracy w Poznaniu",
            "2026-12-02 08:30",
            (N, UN, PE),
            "task-title",
            minutes=15,
        ),
        ev(
            "Lunch z Martą",
            "2026-12-02 12:30",
            (Y, IP, OT),
            "named-social",
            minutes=60,
            location="Bar Prasowy, ul. Marszałkowska 10/16, Warszawa",
        ),
        ev(
            "Spotkanie zapoznawcze – Logistyka Bug",
            "2026-12-03 10:00",
            (Y, VI, FC),
            "ordinary",
            minutes=45,
            organizer=KRZYSZTOF,
            attendees=(KRZYSZTOF, ZOFIA),
            online=Online("zoom", "pl", host="Krzysztof Wójcik"),
            text="Dzień dobry,\nzapraszam na krótkie spotkanie zapoznawcze – chcielibyśmy porozmawiać o wsparciu w rekrutacji kierowców i dyspozytorów.",
        ),
        ev(
            "Blokada – raport płacowy za listopad",
            "2026-12-03 13:00",
            (N, UN, PE),
            "own-time",
            minutes=180,
            show_as="busy",
        ),
        ev(
            "Dentysta",
            "2026-12-04 07:30",
            (N, IP, PE),
            "own-time",
            minutes=45,
            location="Centrum Stomatologiczne Mokotów, ul. Puławska 112",
        ),
        ev(
            "Liga Konferencji: Legia – Rapid Wiedeń",
            "2026-12-10 18:45",
            (N, IP, PE),
            "topic-title",
            minutes=150,
            location="Stadion Wojska Polskiego, ul. Łazienkowska 3, Warszawa",
            show_as="free",
            note="debatable: a football match (the 'Conference League') she goes to on her own: own time at a place, not a gathering of the rules",
        ),
        ev(
            "Podpisanie umowy ramowej – Bank Mazowsze",
            "2026-12-09 10:00",
            (Y, IP, DC),
            "ordinary",
            minutes=60,
            organizer=TOMASZ,
            attendees=(TOMASZ, EWA, ANNA_M),
            place=BANK_HQ,
            text="Prosimy o zabranie pełnomocnictwa. Umowa w dwóch egzemplarzach.",
        ),
        ev(
            "Hold: warsztat onboardingowy z Logistyka Bug",
            "2026-12-10 09:00",
            (Y, VI, OT),
            "hold-with-people",
            minutes=120,
            attendees=(KRZYSZTOF, ZOFIA),
            online=Online("teams", "pl"),
            show_as="tentative",
            text="Wstępna rezerwacja – agenda do potwierdzenia po spotkaniu 3.12.",
            note="second meeting with Logistyka Bug (first was the introduction on 3 Dec): other",
        ),
    ),
    "pl",
)

# --- Stockholm: Johan Bergström, architect (Proton Calendar, Swedish) -----------------------------

JOHAN = Person("Johan Bergström", "johan.bergstrom@soderark.example")
LINNEA = Person("Linnea Ek", "linnea.ek@soderark.example")
OSKAR = Person("Oskar Nyberg", "oskar.nyberg@soderark.example")
ANDERS = Person("Anders Holm", "anders.holm@jarntorgetbygg.example")
SARA = Person("Sara Lind", "sara.lind@jarntorgetbygg.example")
KARIN = Person("Karin Sjöberg", "karin.sjoberg64@gmail.com")
KONTORET = "Söder Arkitekter, Hornsgatan 54, 118 21 Stockholm"
WHEREBY_JB = "Anslut till mötet i Whereby:\nhttps://whereby.com/soder-arkitekter-johan\n\nIngen nedladdning behövs – rummet öppnas i webbläsaren."

STOCKHOLM = A.Calendar(
    "proton_johan.ics",
    "proton_ics",
    JOHAN,
    ("soderark.example",),
    "Europe/Stockholm",
    (
        hist(
            "Järntorget Bygg – uppstartsmöte kv. Sjöstaden",
            "2026-10-08 09:00",
            minutes=90,
            attendees=(ANDERS, SARA),
            organizer=ANDERS,
            location="Järntorget Bygg AB, Lumaparksvägen 7, 120 31 Stockholm",
        ),
        hist(
            "Järntorget Bygg – skissgenomgång",
            "2026-11-12 14:00",
            attendees=(ANDERS, SARA),
            online=Online("zoom", "sv", host="Johan Bergström"),
        ),
        ev(
            "Veckomöte",
            "2026-10-05 08:30",
            (Y, IP, IN),
            "ordinary",
            minutes=45,
            weekly=10,
            attendees=(LINNEA, OSKAR),
            location=KONTORET + ", konferensrummet",
        ),
        ev(
            "Järntorget Bygg – projekteringsmöte",
            "2026-12-01 13:00",
            (Y, HY, RT),
            "conflict",
            minutes=90,
            attendees=(ANDERS, SARA, LINNEA),
            location=KONTORET + ", konferensrummet",
            online=Online("zoom", "sv", host="Johan Bergström"),
            text="Sara ansluter via Zoom, Anders kommer till kontoret.",
            note="third meeting with Anders Holm and Sara Lind",
        ),
        ev(
            "Ring Karin Sjöberg (Brf Vita Liljan)",
            "2026-12-02 09:00",
            (Y, PH, OT),
            "call-verb",
            minutes=15,
        ),
        ev(
            "Fika med Elsa",
            "2026-12-02 15:00",
            (Y, IP, OT),
            "named-social",
            minutes=45,
            location="Vete-Katten, Kungsgatan 55, Stockholm",
        ),
        ev(
            "Brf Vita Liljan – första möte om stambytet",
            "2026-12-03 18:00",
            (Y, IP, FC),
            "address-words",
            minutes=90,
            attendees=(KARIN,),
            organizer=KARIN,
            location="Föreningslokalen, Ringvägen 112, 118 60 Stockholm",
            text="Hej Johan!\nStyrelsen träffas i föreningslokalen i källaren, port 112B. Kod 4711.\nHälsningar Karin",
            note="'Ring' is the street (Ringvägen), not a call; Karin has a Gmail address and no earlier meeting",
        ),
        ev(
            "Platsbesök Järntorget – Sjöstaden etapp 2",
            "2026-12-04 10:00",
            (Y, IP, VS),
            "ordinary",
            minutes=120,
            organizer=ANDERS,
            attendees=(ANDERS,),
            location="Byggarbetsplats Sjöstaden etapp 2, Hammarby allé 93, Stockholm",
            text="Skyddsskor och hjälm krävs. Samling vid bodarna.",
        ),
        ev(
            "Middag hos familjen Lindgren",
            "2026-12-05 18:30",
            (Y, IP, OT),
            "named-social",
            minutes=210,
            location="Tegnérgatan 12, Stockholm",
            private=True,
        ),
        ev(
            "Julmässa i Storkyrkan",
            "2026-12-06 11:00",
            (N, IP, PE),
            "topic-title",
            minutes=90,
            location="Storkyrkan, Trångsund 1, Stockholm",
            note="'mässa' here is a church service (mass), not a trade fair: own time at a place; debatable",
        ),
        ev(
            "Boka tåg till Göteborg inför Arkitekturgalan",
            "2026-12-07 08:15",
            (N, UN, PE),
            "task-title",
            minutes=15,
        ),
        ev(
            "Fokustid – tävlingsförslag Slussen",
            "2026-12-07 13:00",
            (N, UN, PE),
            "own-time",
            minutes=180,
        ),
        ev(
            "Brf Vita Liljan – uppföljning",
            "2026-12-09 17:30",
            (Y, VI, OT),
            "tool-location",
            minutes=45,
            attendees=(KARIN,),
            location="Whereby",
            text=WHEREBY_JB,
            note="Karin's second meeting: other",
        ),
        ev(
            "Avtalsskrivning Järntorget Bygg – ramavtal",
            "2026-12-10 10:00",
            (Y, IP, DC),
            "ordinary",
            organizer=SARA,
            attendees=(ANDERS, SARA),
            location="Järntorget Bygg AB, Lumaparksvägen 7, 120 31 Stockholm",
        ),
    ),
    "sv",
)

# --- Praha: Petra Horáková, technology-transfer manager (Zimbra, Czech) --------------------------

PETRA = Person("Petra Horáková", "petra.horakova@pragtech.example")
MARTIN = Person("Martin Svoboda", "martin.svoboda@pragtech.example")
LUCIE = Person("Lucie Černá", "lucie.cerna@pragtech.example")
NOVAK = Person("Ing. Jan Novák", "jan.novak@vltavarobotics.example")
EVA_P = Person("Eva Procházková", "eva.prochazkova@vltavarobotics.example")
KUCERA = Person("Ondřej Kučera", "ondrej.kucera@brnoventures.example")
ZASEDACKA = Room("Zasedačka 3.12", "zasedacka312@pragtech.example")
VLTAVA = "Vltava Robotics s.r.o., Karolinská 650/1, 186 00 Praha 8"
NOVAK_SIG = (
    "Dobrý den, paní Horáková,\nposílám pozvánku na jednání o licenční smlouvě. Návrh smlouvy jsme zaslali e-mailem.\n\n"
    "S pozdravem\nIng. Jan Novák\njednatel\nVltava Robotics s.r.o.\nKarolinská 650/1, 186 00 Praha 8\nTel.: +420 602 418 733\nwww.vltavarobotics.example"
)

PRAHA = A.Calendar(
    "zimbra_petra.ics",
    "zimbra_ics",
    PETRA,
    ("pragtech.example",),
    "Europe/Prague",
    (
        hist(
            "Vltava Robotics – úvodní schůzka",
            "2026-10-06 10:00",
            attendees=(NOVAK, EVA_P),
            organizer=NOVAK,
            location=VLTAVA,
        ),
        hist(
            "Vltava Robotics – licenční podmínky",
            "2026-11-03 14:00",
            attendees=(NOVAK, EVA_P),
            online=Online("teams", "cs"),
        ),
        ev(
            "Porada oddělení",
            "2026-10-05 09:00",
            (Y, IP, IN),
            "ordinary",
            minutes=60,
            weekly=10,
            attendees=(MARTIN, LUCIE),
            rooms=(ZASEDACKA,),
        ),
        ev(
            "Vltava Robotics – jednání o licenční smlouvě",
            "2026-12-01 10:00",
            (Y, IP, DC),
            "signature-number",
            minutes=90,
            organizer=NOVAK,
            attendees=(NOVAK, EVA_P),
            location=VLTAVA,
            text=NOVAK_SIG,
            note="the number is Jan Novák's signature; the place says in person",
        ),
        ev(
            "Zavolat Ondřeji Kučerovi (Brno Ventures)",
            "2026-12-01 15:00",
            (Y, PH, OT),
            "call-verb",
            minutes=15,
        ),
        ev(
            "Oběd s Janou",
            "2026-12-02 12:00",
            (Y, IP, OT),
            "named-social",
            location="Lokál Dlouhááá, Dlouhá 33, Praha 1",
        ),
        ev(
            "Brno Ventures – představení portfolia",
            "2026-12-03 14:00",
            (Y, VI, FC),
            "ordinary",
            minutes=45,
            organizer=KUCERA,
            attendees=(KUCERA,),
            online=Online("meet", "cs"),
            text="Dobrý den, posílám odkaz na krátké představení našeho fondu.",
        ),
        ev(
            "Hovor s Evou Procházkovou",
            "2026-12-04 09:30",
            (Y, PH, RT),
            "tool-location",
            minutes=20,
            attendees=(EVA_P,),
            location="Telefon",
            note="Eva Procházková's third meeting",
        ),
        ev("Dovolená", "2026-12-07", (N, UN, PE), "own-time", show_as="oof"),
        ev(
            "Hotel Avion Brno",
            "2026-12-08",
            (N, TR, PE),
            "travel-shape",
            days=2,
            location="Hotel Avion, Česká 20, 602 00 Brno",
            text="Potvrzení rezervace č. 55120873\nPříjezd: 8. 12. 2026 od 14:00\nOdjezd: 10. 12. 2026 do 11:00\n1× jednolůžkový pokoj, snídaně v ceně",
            show_as="free",
        ),
        ev(
            "TT Summit 2026 – konference o transferu technologií",
            "2026-12-09 09:00",
            (Y, IP, NW),
            "no-attendee-gathering",
            minutes=480,
            location="Kongresové centrum Brno, Výstaviště 1, 603 00 Brno",
        ),
        ev(
            "Předběžně: návštěva laboratoře Vltava Robotics",
            "2026-12-10 13:00",
            (Y, IP, VS),
            "hold-with-people",
            minutes=120,
            attendees=(NOVAK, EVA_P, MARTIN),
            location=VLTAVA,
            show_as="tentative",
            text="Předběžná rezervace termínu – prohlídka laboratoře a testovací haly.",
            note="a hold with people for a lab visit: visit",
        ),
        ev(
            "Zajistit catering na vánoční večírek oddělení",
            "2026-12-10 08:30",
            (N, UN, PE),
            "task-title",
            minutes=15,
        ),
        ev(
            "Vánoční večírek oddělení",
            "2026-12-11 17:00",
            (Y, IP, IN),
            "ordinary",
            minutes=240,
            attendees=(MARTIN, LUCIE),
            location="Restaurace U Pinkasů, Jungmannovo nám. 16, Praha 1",
        ),
    ),
    "cs",
)

# --- København: Mads Kristensen, sustainability consultant (Microsoft Graph, Danish) --------------

MADS = Person("Mads Kristensen", "mads.kristensen@norrebroklima.example")
SOFIE = Person("Sofie Larsen", "sofie.larsen@norrebroklima.example")
JONAS = Person("Jonas Mikkelsen", "jonas.mikkelsen@norrebroklima.example")
LARS = Person("Lars Poulsen", "lars.poulsen@havnefront.example")
CAMILLA = Person("Camilla Holm", "camilla.holm@havnefront.example")
HENRIK = Person("Henrik Jørgensen", "henrik.jorgensen@fynsmejeri.example")
HAVNEFRONT = Place(
    "Havnefront Ejendomme A/S",
    "Islands Brygge 43",
    "2300",
    "København S",
    "Danmark",
    55.6640,
    12.5770,
    "businessAddress",
)
LARS_SIG = (
    "Hej Mads\nSå er vi klar til at skrive under. Aftalen ligger i bilaget.\n\n"
    "Med venlig hilsen\nLars Poulsen\nDirektør\nHavnefront Ejendomme A/S\nIslands Brygge 43 · 2300 København S\nTlf. +45 33 12 45 67 · Mobil +45 20 11 22 33"
)
SLACK = "Huddle i #team-klima\nhttps://app.slack.com/huddle/T03NRBKLIMA/C05KLIMA2026\n\nÅbn Slack og tryk på 'Deltag i huddle'."

KOEBENHAVN = A.Calendar(
    "graph_mads.json",
    "graph_json",
    MADS,
    ("norrebroklima.example",),
    "Europe/Copenhagen",
    (
        hist(
            "Havnefront – opstartsmøde",
            "2026-10-06 10:00",
            attendees=(LARS, CAMILLA),
            online=Online("teams", "da"),
        ),
        hist(
            "Havnefront – gennemgang af CO2-regnskab",
            "2026-11-10 13:00",
            minutes=90,
            organizer=LARS,
            attendees=(LARS, CAMILLA),
            place=HAVNEFRONT,
        ),
        ev(
            "Ugemøde",
            "2026-10-05 09:00",
            (Y, VI, IN),
            "ordinary",
            minutes=45,
            weekly=10,
            attendees=(SOFIE, JONAS),
            online=Online("teams", "da"),
        ),
        ev(
            "Havnefront – statusmøde",
            "2026-12-01 10:00",
            (Y, HY, RT),
            "conflict",
            organizer=LARS,
            attendees=(LARS, CAMILLA),
            place=Place(
                "Havnefront Ejendomme A/S, mødelokale Amager",
                "Islands Brygge 43",
                "2300",
                "København S",
                "Danmark",
                kind="businessAddress",
            ),
            online=Online("teams", "da"),
            note="third meeting with Lars Poulsen and Camilla Holm",
        ),
        ev(
            "Ring til Henrik Jørgensen, Fyns Mejeri",
            "2026-12-01 14:00",
            (Y, PH, OT),
            "call-verb",
            minutes=15,
        ),
        ev(
            "Frokost med Line",
            "2026-12-02 12:00",
            (Y, IP, OT),
            "named-social",
            place=Place(
                "Restaurant Schønnemann",
                "Hauser Plads 16",
                "1127",
                "København K",
                "Danmark",
                55.6817,
                12.5731,
                "restaurant",
            ),
        ),
        ev(
            "Huddle med Sofie",
            "2026-12-02 15:30",
            (Y, PH, IN),
            "tool-location",
            minutes=20,
            attendees=(SOFIE,),
            location="Slack huddle",
            text=SLACK,
            note="debatable: a Slack huddle is an audio call unless video is turned on (a messenger call is a phone call by the rule); virtual arguable",
        ),
        ev(
            "Fyns Mejeri – indledende møde",
            "2026-12-03 11:00",
            (Y, VI, FC),
            "ordinary",
            minutes=45,
            attendees=(HENRIK,),
            online=Online("teams", "da"),
        ),
        ev(
            "Fokustid – ESG-rapport Havnefront",
            "2026-12-04 08:00",
            (N, UN, PE),
            "own-time",
            minutes=180,
        ),
        ev(
            "Bestil billetter til Klimamessen i Bella Center",
            "2026-12-07 08:30",
            (N, UN, PE),
            "task-title",
            minutes=15,
            note="'messe' is Danish for a fair: a task about a gathering",
        ),
        ev(
            "Kundebesøg Fyns Mejeri, Odense",
            "2026-12-08 13:00",
            (Y, IP, VS),
            "ordinary",
            minutes=120,
            organizer=HENRIK,
            attendees=(HENRIK,),
            place=Place(
                "Fyns Mejeri A/S",
                "Mejerivej 8",
                "5230",
                "Odense M",
                "Danmark",
                kind="businessAddress",
            ),
        ),
        ev(
            "First Hotel Grand, Odense",
            "2026-12-08 16:00",
            (N, TR, PE),
            "travel-shape",
            minutes=990,
            show_as="free",
            place=Place(
                "First Hotel Grand",
                "Jernbanegade 18",
                "5000",
                "Odense C",
                "Danmark",
                55.4010,
                10.3860,
                "hotel",
            ),
            text="Bekræftelse nr. 88412093\nIndtjekning fra kl. 15:00, udtjekning senest kl. 10:00\n1 nat, enkeltværelse inkl. morgenmad",
        ),
        ev(
            "Havnefront – underskrift af aftale om klimarapportering",
            "2026-12-09 14:00",
            (Y, IP, DC),
            "signature-number",
            organizer=LARS,
            attendees=(LARS, CAMILLA),
            place=HAVNEFRONT,
            text=LARS_SIG,
        ),
        ev("Afspadsering", "2026-12-10", (N, UN, PE), "structure", show_as="oof"),
        ev(
            "Julefrokost med Havnefront",
            "2026-12-11 12:00",
            (Y, IP, RT),
            "named-social",
            minutes=240,
            attendees=(LARS, CAMILLA, SOFIE),
            place=Place(
                "Restaurant Kronborg",
                "Brolæggerstræde 12",
                "1211",
                "København K",
                "Danmark",
                kind="restaurant",
            ),
            note="debatable: a Christmas lunch, but the fifth meeting with Lars and Camilla: routine by the rule; other arguable",
        ),
    ),
    "da",
)

# --- Oslo: Ingrid Haugen, product manager in aquaculture tech (Google Calendar API, Norwegian) ------

INGRID = Person("Ingrid Haugen", "ingrid.haugen@fjordlaks.example")
KRISTIAN = Person("Kristian Berg", "kristian.berg@fjordlaks.example")
MARTE = Person("Marte Solberg", "marte.solberg@fjordlaks.example")
EIRIK = Person("Eirik Dahl", "eirik.dahl@nordhav.example")
HANNE = Person("Hanne Lie", "hanne.lie@nordhav.example")
SIRI = Person("Siri Nilsen", "siri.nilsen@marinforsk.example")
BRYGGEN = Room("Møterom Bryggen (10)", "c_1889bryggen@resource.calendar.google.com")
PEXIP = (
    "Bli med i videomøtet:\nhttps://meet.marinforsk.example/webapp/conference/vmr.siri.nilsen?callType=video\n\n"
    "Fra videosystem: vmr.siri.nilsen@marinforsk.example\nRing inn (bare lyd): +47 21 49 50 00, PIN 47112#\n\nLevert av Pexip Infinity"
)

OSLO = A.Calendar(
    "google_ingrid.json",
    "google_json",
    INGRID,
    ("fjordlaks.example",),
    "Europe/Oslo",
    (
        hist(
            "Nordhav – oppstartsmøte sensorpilot",
            "2026-10-07 10:00",
            attendees=(EIRIK, HANNE),
            online=Online("meet", "en"),
        ),
        hist(
            "Nordhav – demo av sensorplattformen",
            "2026-11-11 13:00",
            minutes=90,
            organizer=EIRIK,
            attendees=(EIRIK, HANNE),
            location="Nordhav Sjømat AS, Sandviksboder 1, 5035 Bergen",
        ),
        ev(
            "Ukesmøte produkt",
            "2026-10-06 09:00",
            (Y, VI, IN),
            "ordinary",
            minutes=45,
            weekly=10,
            attendees=(KRISTIAN, MARTE),
            online=Online("meet", "en"),
        ),
        ev(
            "Nordhav – styringsgruppemøte",
            "2026-12-01 13:00",
            (Y, HY, RT),
            "conflict",
            minutes=90,
            attendees=(EIRIK, HANNE, KRISTIAN),
            rooms=(BRYGGEN,),
            online=Online("meet", "en"),
            note="third meeting with Eirik Dahl and Hanne Lie; a room and Meet",
        ),
        ev(
            "Ringe Eirik om pilotavtalen",
            "2026-12-02 08:30",
            (Y, PH, OT),
            "call-verb",
            minutes=15,
            note=NOBODY_KNOWN.format(who="Eirik Dahl")
            + "; 'avtale' (agreement) without anybody invited is no deal closing",
        ),
        ev(
            "Lunsj med Thomas",
            "2026-12-02 11:30",
            (Y, IP, OT),
            "named-social",
            location="Lofthus Samvirkelag, Vogts gate 64, Oslo",
        ),
        ev(
            "Marin Forskning – videomøte om datadeling",
            "2026-12-03 10:00",
            (Y, VI, FC),
            "dial-in-words",
            minutes=60,
            organizer=SIRI,
            attendees=(SIRI,),
            text=PEXIP,
            note="Pexip join text of the research institute's own video system",
        ),
        ev(
            "Fokustid",
            "2026-12-03 13:00",
            (N, UN, PE),
            "structure",
            minutes=120,
            event_type="focusTime",
        ),
        ev(
            "Julebord Fjordlaks",
            "2026-12-04 19:00",
            (Y, IP, IN),
            "address-words",
            minutes=240,
            attendees=(KRISTIAN, MARTE),
            location="Grand Hotel Oslo, Karl Johans gate 31, 0159 Oslo",
            note="a hotel in the address is no hotel stay",
        ),
        ev(
            "Prat med Hanne",
            "2026-12-07 09:00",
            (Y, PH, RT),
            "tool-location",
            minutes=15,
            attendees=(HANNE,),
            location="Signal",
            note="Hanne Lie's fourth meeting; a Signal call without 'video'",
        ),
        ev(
            "Hjemmekontor",
            "2026-12-07 08:00",
            (N, UN, PE),
            "structure",
            minutes=540,
            event_type="workingLocation",
            location="Hjemme",
        ),
        ev(
            "Bestille fly til Bergen for kundebesøket",
            "2026-12-01 08:00",
            (N, UN, PE),
            "task-title",
            minutes=15,
        ),
        ev(
            "Nettverkskveld hos Oslo Handelskammer",
            "2026-12-08 17:00",
            (Y, IP, NW),
            "no-attendee-gathering",
            minutes=150,
            location="Oslo Handelskammer, Haakon VIIs gate 5, 0161 Oslo",
        ),
        ev(
            "Kundebesøk Nordhav Sjømat, Bergen",
            "2026-12-09 12:00",
            (Y, IP, VS),
            "ordinary",
            minutes=120,
            organizer=EIRIK,
            attendees=(EIRIK, HANNE),
            location="Nordhav Sjømat AS, Sandviksboder 1, 5035 Bergen",
        ),
        ev(
            "Ikke på kontoret",
            "2026-12-11 08:00",
            (N, UN, PE),
            "structure",
            minutes=540,
            event_type="outOfOffice",
        ),
    ),
    "nb",
)

# --- New York: Dana Whitfield, PR partner (Outlook for Mac, US English; Yahoo for home) ------------

DANA = Person("Dana Whitfield", "dana.whitfield@hudsonpine.example")
MARCUS = Person("Marcus Lee", "marcus.lee@hudsonpine.example")
PRIYA = Person("Priya Raman", "priya.raman@hudsonpine.example")
JENNIFER = Person("Jennifer Cole", "jcole@brightwaterhealth.example")
DAVID = Person("David Kim", "dkim@brightwaterhealth.example")
CARLOS = Person("Carlos Ramirez", "carlos.ramirez@tidewellfoods.example")
BRIGHTWATER = "Brightwater Health, 250 Park Avenue South, 9th Floor, New York, NY 10003"
RINGCENTRAL = (
    "Join RingCentral Video meeting:\nhttps://v.ringcentral.com/join/418277305?pw=4f2a9c0d7e1b6a35\n\n"
    "Meeting ID: 418 277 305\nPassword: 882140\n\nDial-in (audio only): +1 (650) 419-1505\nAccess code: 418 277 305\n\n"
    "International numbers available: https://v.ringcentral.com/teleconference"
)

NEW_YORK = A.Calendar(
    "outlookmac_dana.ics",
    "outlookmac_ics",
    DANA,
    ("hudsonpine.example",),
    "America/New_York",
    (
        hist(
            "Brightwater Health – kickoff",
            "2026-10-13 10:00",
            attendees=(JENNIFER, DAVID),
            online=Online("zoom", "en", host="Dana Whitfield"),
        ),
        hist(
            "Brightwater – Q4 campaign review",
            "2026-11-10 14:00",
            organizer=JENNIFER,
            attendees=(JENNIFER, DAVID),
            location=BRIGHTWATER,
        ),
        ev(
            "Team sync",
            "2026-10-05 09:30",
            (Y, VI, IN),
            "ordinary",
            minutes=30,
            weekly=10,
            attendees=(MARCUS, PRIYA),
            text=RINGCENTRAL,
        ),
        ev(
            "Brightwater Health – monthly check-in",
            "2026-12-01 11:00",
            (Y, VI, RT),
            "checkin-meeting",
            minutes=30,
            attendees=(JENNIFER, DAVID),
            online=Online("zoom", "en", host="Dana Whitfield"),
            note="third meeting with Jennifer Cole and David Kim",
        ),
        ev(
            "Call Carlos re: Tidewell RFP", "2026-12-01 16:00", (Y, PH, OT), "call-verb", minutes=15
        ),
        ev(
            "Drinks w/ Sam",
            "2026-12-02 18:00",
            (Y, IP, OT),
            "named-social",
            minutes=90,
            location="The Dead Rabbit, 30 Water St, New York, NY 10004",
        ),
        ev(
            "Tidewell Foods – intro",
            "2026-12-03 13:00",
            (Y, VI, FC),
            "ordinary",
            minutes=45,
            organizer=CARLOS,
            attendees=(CARLOS,),
            online=Online("teams", "en", structured=False),
        ),
        ev(
            "Focus block – Tidewell proposal",
            "2026-12-04 09:00",
            (N, UN, PE),
            "own-time",
            minutes=180,
        ),
        ev(
            "Book flights + hotel for CES",
            "2026-12-04 08:30",
            (N, UN, PE),
            "task-title",
            minutes=15,
            note="CES is a trade show: a task about a gathering",
        ),
        ev(
            "Site visit – Brightwater Health clinic, Washington DC",
            "2026-12-08 14:00",
            (Y, IP, VS),
            "ordinary",
            minutes=120,
            organizer=JENNIFER,
            attendees=(JENNIFER,),
            location="Brightwater Health Capitol Clinic, 1100 New Jersey Ave SE, Washington, DC 20003",
        ),
        ev(
            "Kimpton Hotel Monaco Washington DC",
            "2026-12-08",
            (N, TR, PE),
            "travel-shape",
            days=1,
            location="700 F St NW, Washington, DC 20004",
            show_as="free",
            text="Confirmation #: 71845520\nCheck-in: Tue, Dec 8 after 4:00 PM\nCheck-out: Wed, Dec 9 by 12:00 PM\n1 King Bed, IHG One Rewards member rate",
        ),
        ev(
            "Dentist",
            "2026-12-10 08:00",
            (N, IP, PE),
            "own-time",
            minutes=60,
            location="Gramercy Dental Arts, 37 Union Sq W, New York, NY",
        ),
        ev(
            "HOLD – Brightwater SOW signing",
            "2026-12-11 10:00",
            (Y, IP, DC),
            "hold-with-people",
            minutes=60,
            attendees=(JENNIFER, DAVID, MARCUS),
            location=BRIGHTWATER,
            show_as="tentative",
            text="Holding this until legal confirms the final SOW.",
        ),
    ),
    "en",
)

NY_HOME = A.Calendar(
    "yahoo_dana.ics",
    "yahoo_ics",
    Person("Dana Whitfield", "dana.whitfield@yahoo.com"),
    (),
    "America/New_York",
    (
        hist("Pilates", "2026-11-07 09:00", location="SLT Flatiron, 28 W 20th St"),
        ev(
            "Call Mom",
            "2026-12-06 17:00",
            (Y, PH, OT),
            "call-verb",
            minutes=30,
            note="debatable: a family call; by the rule a call in the title is a meeting, phone, other",
        ),
        ev(
            "Dinner at the Nguyens'",
            "2026-12-05 19:00",
            (Y, IP, OT),
            "named-social",
            minutes=180,
            location="141 Prospect Park West, Brooklyn, NY",
        ),
        ev(
            "Parent-teacher conference (Ms. Alvarez)",
            "2026-12-03 16:30",
            (Y, IP, OT),
            "topic-title",
            minutes=20,
            location="P.S. 321, 180 7th Ave, Brooklyn, NY",
            note="debatable: a 'conference' here is a meeting with the teacher, not a gathering: meeting in person, other",
        ),
        ev(
            "Yoga",
            "2026-12-09 07:00",
            (N, IP, PE),
            "own-time",
            location="Y7 Studio, 25 Bond St, New York",
        ),
    ),
    "en",
)

# --- Montréal: Geneviève Tremblay, financing adviser at a clean-energy start-up (Zoho Calendar) ----

GENEVIEVE = Person("Geneviève Tremblay", "genevieve.tremblay@energieboreale.example")
OLIVIER = Person("Olivier Gagnon", "olivier.gagnon@energieboreale.example")
MELANIE = Person("Mélanie Roy", "melanie.roy@energieboreale.example")
JFCOTE = Person("Jean-François Côté", "jf.cote@fondserable.example")
ISABELLE = Person("Isabelle Bouchard", "isabelle.bouchard@fondserable.example")
EMILY = Person("Emily Chen", "emily.chen@lakeshoregrid.example")
ZOHO_MEETING = (
    "Rejoindre la réunion Zoho Meeting\nhttps://meeting.zoho.com/meeting/register?sessionId=1093847562\n\n"
    "ID de réunion : 109 384 7562\nMot de passe : 5Kq8Zt\n\n"
    "Rejoindre par téléphone : Canada +1 647 558 0588 (Toronto), +1 438 809 7799 (Montréal)\nCode d'accès : 109 384 7562"
)
FONDS = "Fonds Érable, 1000 rue De La Gauchetière O, bureau 2400, Montréal (QC) H3B 4W5"

MONTREAL = A.Calendar(
    "zoho_genevieve.ics",
    "zoho_ics",
    GENEVIEVE,
    ("energieboreale.example",),
    "America/Toronto",
    (
        hist(
            "Fonds Érable – première rencontre",
            "2026-10-14 10:00",
            organizer=JFCOTE,
            attendees=(JFCOTE, ISABELLE),
            location=FONDS,
        ),
        hist(
            "Fonds Érable – suivi du dossier",
            "2026-11-11 14:00",
            attendees=(JFCOTE, ISABELLE),
            text=ZOHO_MEETING,
        ),
        ev(
            "Réunion d'équipe",
            "2026-10-06 09:00",
            (Y, VI, IN),
            "ordinary",
            minutes=45,
            weekly=10,
            attendees=(OLIVIER, MELANIE),
            text=ZOHO_MEETING,
        ),
        ev(
            "Appeler Emily (Lakeshore Grid)",
            "2026-12-01 10:30",
            (Y, PH, OT),
            "call-verb",
            minutes=15,
        ),
        ev(
            "Fonds Érable – comité d'investissement",
            "2026-12-02 09:30",
            (Y, HY, RT),
            "conflict",
            minutes=120,
            attendees=(JFCOTE, ISABELLE, OLIVIER),
            location="Énergie Boréale, salle Mont-Royal, 5445 av. de Gaspé, Montréal",
            text="Isabelle se joint à distance.\n\n" + ZOHO_MEETING,
            note="third meeting with the Fonds Érable people; a room and Zoho Meeting",
        ),
        ev(
            "Dîner avec Mathieu",
            "2026-12-02 12:00",
            (Y, IP, OT),
            "named-social",
            location="Olive et Gourmando, 351 rue Saint-Paul O, Montréal",
            note="in Québec 'dîner' is lunch",
        ),
        ev(
            "Lakeshore Grid – intro call",
            "2026-12-03 15:00",
            (Y, PH, FC),
            "tool-location",
            minutes=30,
            attendees=(EMILY,),
            location="+1 416 555 0142",
        ),
        ev(
            "Réserver une table pour le 5 à 7 de l'équipe",
            "2026-12-04 08:30",
            (N, UN, PE),
            "task-title",
            minutes=15,
        ),
        ev(
            "Rendez-vous médical",
            "2026-12-04 16:00",
            (N, IP, PE),
            "own-time",
            location="Clinique médicale du Plateau, 1374 av. du Mont-Royal E",
        ),
        ev(
            "Hôtel Chelsea Toronto",
            "2026-12-08",
            (N, TR, PE),
            "travel-shape",
            days=1,
            location="33 Gerrard St W, Toronto, ON M5G 1Z4",
            show_as="free",
            text="Numéro de confirmation : 62190457\nArrivée : 8 déc. 2026 (15 h)\nDépart : 9 déc. 2026 (11 h)",
        ),
        ev(
            "Visite des installations Lakeshore Grid",
            "2026-12-08 14:00",
            (Y, IP, VS),
            "ordinary",
            minutes=120,
            organizer=EMILY,
            attendees=(EMILY,),
            location="Lakeshore Grid, 120 Commissioners St, Toronto, ON",
        ),
        ev(
            "5 à 7 de Noël – Énergie Boréale",
            "2026-12-10 17:00",
            (Y, IP, IN),
            "ordinary",
            minutes=120,
            attendees=(OLIVIER, MELANIE),
            location="Bar Le Furco, 425 rue Mayor, Montréal",
        ),
        ev(
            "Signature de l'entente de financement – Fonds Érable",
            "2026-12-11 10:00",
            (Y, IP, DC),
            "ordinary",
            organizer=JFCOTE,
            attendees=(JFCOTE, ISABELLE),
            location=FONDS,
        ),
    ),
    "fr",
)

# --- Luxembourg: Laurent Weber, fund operations (Open-Xchange App Suite, German and French) --------

LAURENT = Person("Laurent Weber", "laurent.weber@alzette-fs.example")
CLAIRE = Person("Claire Muller", "claire.muller@alzette-fs.example")
JEFF = Person("Jeff Hoffmann", "jeff.hoffmann@alzette-fs.example")
SANDRA = Person("Sandra Klein", "sandra.klein@mosellecapital.example")
REUTER = Person("Marc Reuter", "marc.reuter@mosellecapital.example")
NADINE = Person("Nadine Schroeder", "nadine.schroeder@banque-kirchberg.example")
PETRUSSE = Room("Salle Pétrusse", "salle.petrusse@alzette-fs.example")
MOSELLE = "Moselle Capital S.A., 12 route du Vin, L-6794 Grevenmacher"
VONAGE = (
    "Vonage Business Konferenzschaltung\nEinwahl Luxemburg: +352 20 30 14 88\nEinwahl Deutschland: +49 69 2222 4711\n"
    "Teilnehmer-PIN: 6624 019#\n\nBitte wählen Sie sich 2 Minuten vor Beginn ein."
)

LUXEMBOURG = A.Calendar(
    "ox_laurent.ics",
    "ox_ics",
    LAURENT,
    ("alzette-fs.example",),
    "Europe/Luxembourg",
    (
        hist(
            "Moselle Capital – Kick-off Fondsauflage",
            "2026-10-12 10:00",
            organizer=SANDRA,
            attendees=(SANDRA, REUTER),
            location=MOSELLE,
        ),
        hist(
            "Moselle Capital – KIID review",
            "2026-11-09 15:00",
            attendees=(SANDRA, REUTER),
            online=Online("webex", "de"),
        ),
        ev(
            "Jour fixe Operations",
            "2026-10-05 09:00",
            (Y, HY, IN),
            "conflict",
            minutes=45,
            weekly=10,
            attendees=(CLAIRE, JEFF),
            rooms=(PETRUSSE,),
            online=Online("webex", "de"),
            text="Les frontaliers se connectent via Webex.",
        ),
        ev(
            "Moselle Capital – Board Pre-Meeting (Telefonkonferenz)",
            "2026-12-01 15:00",
            (Y, PH, RT),
            "dial-in-words",
            organizer=SANDRA,
            attendees=(SANDRA, REUTER),
            text=VONAGE,
            note="third meeting with Sandra Klein and Marc Reuter; a dial-in bridge without video: phone",
        ),
        ev(
            "Rückruf Frau Schroeder (Banque Kirchberg)",
            "2026-12-02 09:00",
            (Y, PH, OT),
            "call-verb",
            minutes=15,
        ),
        ev(
            "Déjeuner avec Paul",
            "2026-12-02 12:15",
            (Y, IP, OT),
            "named-social",
            minutes=75,
            location="Brasserie Guillaume, 12-14 Place Guillaume II, L-1648 Luxembourg",
        ),
        ev(
            "Banque Kirchberg – Erstgespräch Verwahrstelle",
            "2026-12-03 10:00",
            (Y, IP, FC),
            "ordinary",
            organizer=NADINE,
            attendees=(NADINE,),
            location="Banque Kirchberg, 2 boulevard Konrad Adenauer, L-1115 Luxembourg",
        ),
        ev(
            "Messe pour Bomi (anniversaire)",
            "2026-12-06 10:00",
            (N, IP, PE),
            "topic-title",
            location="Église Saint-Michel, 4 rue Sigefroi, Luxembourg",
            note="debatable: 'Messe' is a church service here (not the German 'Messe', a fair): own time at a place",
        ),
        ev("Flug nach München buchen", "2026-12-07 08:30", (N, UN, PE), "task-title", minutes=15),
        ev("Homeoffice (Grenzgänger-Tag)", "2026-12-07", (N, UN, PE), "own-time"),
        ev(
            "Luxair LG 4591 Luxembourg – München",
            "2026-12-08 07:05",
            (N, TR, PE),
            "travel-shape",
            minutes=70,
            location="Luxembourg Airport (LUX)",
            text="Buchungsreferenz: K7TQ2M\nLG 4591 LUX 07:05 – MUC 08:15\nSitz 4A, Handgepäck 8 kg\nLuxair S.A. – Luxembourg Airport, L-2987 Luxembourg",
        ),
        ev(
            "Visite chez Moselle Capital – contrôle sur place",
            "2026-12-09 14:00",
            (Y, IP, VS),
            "ordinary",
            minutes=120,
            attendees=(SANDRA, JEFF),
            location=MOSELLE,
        ),
        ev(
            "Unterzeichnung Dienstleistungsvertrag Moselle Capital",
            "2026-12-10 11:00",
            (Y, IP, DC),
            "ordinary",
            organizer=SANDRA,
            attendees=(SANDRA, REUTER, CLAIRE),
            location=MOSELLE,
        ),
    ),
    "de",
)

# --- Manchester: Gareth Hughes, operations manager in precision engineering (HCL Notes 12) --------

GARETH = Person("Gareth Hughes", "gareth.hughes@pennineprecision.example")
SIOBHAN = Person("Siobhan Clarke", "siobhan.clarke@pennineprecision.example")
DEV = Person("Dev Patel", "dev.patel@pennineprecision.example")
HELEN = Person("Helen Brooks", "helen.brooks@irwellaero.example")
TOM = Person("Tom Walsh", "tom.walsh@irwellaero.example")
ROB = Person("Rob Taylor", "rob.taylor@salfordsteel.example")
LUKASZ = Person("Łukasz Nowicki", "lukasz.nowicki.gda@gmail.com")
BOARDROOM = Room("Boardroom (Pennine House)", "boardroom@pennineprecision.example")
PENNINE = "Pennine Precision Engineering Ltd, Unit 4, Ashburton Road West, Trafford Park, Manchester M17 1RY"
IRWELL = "Irwell Aerospace Ltd, Westinghouse Road, Trafford Park, Manchester M17 1PY"
SKYPE = "Join conversation\nhttps://join.skype.com/kQ8aZ2wTrP4m\n\nSkype – Meet Now"

MANCHESTER = A.Calendar(
    "notes_gareth.ics",
    "notes_ics",
    GARETH,
    ("pennineprecision.example",),
    "Europe/London",
    (
        hist(
            "Irwell Aerospace – supplier audit prep",
            "2026-10-08 10:00",
            organizer=HELEN,
            attendees=(HELEN, TOM),
            location=IRWELL,
        ),
        hist(
            "Irwell Aerospace – quality review",
            "2026-11-05 14:00",
            attendees=(HELEN, TOM),
            online=Online("teams", "en"),
        ),
        ev(
            "Production meeting",
            "2026-10-05 08:00",
            (Y, IP, IN),
            "ordinary",
            minutes=30,
            weekly=10,
            attendees=(SIOBHAN, DEV),
            location="Shop floor office, Pennine House",
        ),
        ev(
            "Ring Rob at Salford Steel about lead times",
            "2026-12-01 09:00",
            (Y, PH, OT),
            "call-verb",
            minutes=15,
        ),
        ev(
            "Irwell Aerospace – monthly quality review",
            "2026-12-02 14:00",
            (Y, HY, RT),
            "conflict",
            attendees=(HELEN, TOM, SIOBHAN),
            rooms=(BOARDROOM,),
            online=Online("teams", "en"),
            note="third meeting with Helen Brooks and Tom Walsh",
        ),
        ev(
            "Ring Road closure – Mancunian Way (allow extra time)",
            "2026-12-03 06:00",
            (N, UN, PE),
            "topic-title",
            minutes=240,
            show_as="free",
            note="'Ring Road' is a road, not a call: a note to oneself",
        ),
        ev(
            "Pint with Jonno after work",
            "2026-12-03 17:30",
            (Y, IP, OT),
            "named-social",
            minutes=120,
            location="The Briton's Protection, 50 Great Bridgewater St, Manchester",
        ),
        ev(
            "Salford Steel – introductory meeting",
            "2026-12-04 10:00",
            (Y, IP, FC),
            "ordinary",
            attendees=(ROB,),
            location=PENNINE,
        ),
        ev(
            "Skype with Łukasz (Gdańsk machining supplier)",
            "2026-12-04 15:00",
            (Y, VI, FC),
            "tool-location",
            minutes=45,
            attendees=(LUKASZ,),
            location="Skype",
            text=SKYPE,
            note="debatable: Skype as a messenger reads as a call, but a Meet Now link is a video meeting: virtual",
        ),
        ev("Annual leave", "2026-12-07", (N, UN, PE), "own-time"),
        ev(
            "Book hotel for Southern Manufacturing show",
            "2026-12-08 08:30",
            (N, UN, PE),
            "task-title",
            minutes=15,
        ),
        ev(
            "Site visit – Irwell Aerospace final assembly",
            "2026-12-08 10:00",
            (Y, IP, VS),
            "ordinary",
            minutes=120,
            organizer=HELEN,
            attendees=(HELEN, TOM),
            location=IRWELL,
            text="Hi Gareth,\nPlease bring photo ID for the gatehouse.\n\nKind regards\nHelen Brooks\nSupplier Quality Manager\nIrwell Aerospace Ltd\nT: +44 161 872 4410 | M: +44 7700 900 412",
            note="the numbers are Helen's signature",
        ),
        ev(
            "Submit mileage claim",
            "2026-12-09 09:00",
            (N, UN, PE),
            "own-time",
            minutes=0,
            note="a Notes reminder (X-LOTUS-APPTTYPE:4)",
        ),
        ev(
            "Hold – contract renewal with Irwell",
            "2026-12-10 14:00",
            (Y, IP, DC),
            "hold-with-people",
            attendees=(HELEN, TOM),
            location=PENNINE,
            show_as="tentative",
            text="Placeholder until Helen confirms the date.",
        ),
    ),
    "en",
)

CALENDARS = (
    WARSZAWA,
    STOCKHOLM,
    PRAHA,
    KOEBENHAVN,
    OSLO,
    NEW_YORK,
    NY_HOME,
    MONTREAL,
    LUXEMBOURG,
    MANCHESTER,
)

# --- the invitations event platforms, chambers, rail operators and airlines send -----------------

VTZ = {zone: vtimezone(zone, zone) for zone in ZONES}


def vendor_file(
    prodid: str, zone: str | None, events: list[list[tuple[str, str]]], method: str = "PUBLISH"
) -> bytes:
    head = [
        f"PRODID:{prodid}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        *(VTZ[zone] if zone else []),
    ]
    body = []
    for event in events:
        lines = ["BEGIN:VEVENT"]
        for name, value in event:
            lines.append(A.fold(f"{name}:{value}"))
        lines.append("END:VEVENT")
        body.append(lines)
    return A.calendar_file(head, body)


def t(text: str) -> str:
    return A.escape(text)


VENDOR = []  # (file, format, calendar, bytes, [(uid, start, title, label, cls, note)]), language


def vendor(file, fmt, calendar, prodid, zone, events, labels, language=None, method="PUBLISH"):
    VENDOR.append(
        (file, fmt, calendar, vendor_file(prodid, zone, events, method), labels, language)
    )


def one(uid, start, end, summary, location, description, *extra, tz="", stamp="20261120T101500Z"):
    when = (
        [(f"DTSTART;TZID={tz}", start), (f"DTEND;TZID={tz}", end)]
        if tz
        else [("DTSTART", start), ("DTEND", end)]
    )
    fields = [("UID", uid), ("DTSTAMP", stamp), *when, ("SUMMARY", t(summary))]
    if location:
        fields.append(("LOCATION", t(location)))
    fields.append(("DESCRIPTION", t(description)))
    return fields + list(extra)


NETWORK, WEB, TRAIN = (Y, IP, NW), (Y, VI, NW), (N, TR, PE)

vendor(
    "clickmeeting_employer_branding.ics",
    "clickmeeting_ics",
    WARSZAWA,
    "-//ClickMeeting//ClickMeeting Calendar 2.0//PL",
    None,
    [
        one(
            "cm-webinar-8841207-a1f93@clickmeeting.com",
            "20261202T140000Z",
            "20261202T150000Z",
            "Webinar: Employer branding w IT – trendy 2027",
            "https://hrforum.clickmeeting.com/employer-branding-2027",
            "Dziękujemy za rejestrację na webinar „Employer branding w IT – trendy 2027”.\n\nData: 2 grudnia 2026, 15:00 (Europe/Warsaw)\nLink do wydarzenia: https://hrforum.clickmeeting.com/employer-branding-2027?l=a1f93c\nHasło: brak\n\nOrganizator: Forum HR Polska\nWebinar prowadzony na platformie ClickMeeting – sprawdź połączenie: https://clickmeeting.com/pl/test-polaczenia",
            ("ORGANIZER;CN=Forum HR Polska", "mailto:no-reply@clickmeeting.com"),
        )
    ],
    [
        (
            "cm-webinar-8841207-a1f93@clickmeeting.com",
            "2026-12-02 15:00",
            "Webinar: Employer branding w IT – trendy 2027",
            WEB,
            "event-platform",
            DEBATABLE_WEBINAR,
        )
    ],
)
vendor(
    "pkp_intercity_krakow.ics",
    "pkp_ics",
    WARSZAWA,
    "-//PKP Intercity//e-IC bilety//PL",
    "Europe/Warsaw",
    [
        one(
            "eic-2612-0457781-1@intercity.pl",
            "20261207T073500",
            "20261207T100000",
            "EIC 1301 Warszawa Centralna – Kraków Główny",
            "Warszawa Centralna, peron 2",
            "Bilet nr eIC 0457781\nPociąg EIC 1301 „Kościuszko”\nWarszawa Centralna odj. 07:35, peron 2\nKraków Główny przyj. 10:00\nWagon 7, miejsce 45 (okno), klasa 2\n\nBilet ważny z dokumentem tożsamości. PKP Intercity S.A., Al. Jerozolimskie 142A, 02-305 Warszawa",
            tz="Europe/Warsaw",
        ),
        one(
            "eic-2612-0457781-2@intercity.pl",
            "20261207T173000",
            "20261207T195500",
            "EIC 1310 Kraków Główny – Warszawa Centralna",
            "Kraków Główny, peron 4",
            "Bilet nr eIC 0457782\nPociąg EIC 1310\nKraków Główny odj. 17:30, peron 4\nWarszawa Centralna przyj. 19:55\nWagon 9, miejsce 21, klasa 2\n\nPKP Intercity S.A.",
            tz="Europe/Warsaw",
        ),
    ],
    [
        (
            "eic-2612-0457781-1@intercity.pl",
            "2026-12-07 07:35",
            "EIC 1301 Warszawa Centralna – Kraków Główny",
            TRAIN,
            "travel-shape",
            "",
        ),
        (
            "eic-2612-0457781-2@intercity.pl",
            "2026-12-07 17:30",
            "EIC 1310 Kraków Główny – Warszawa Centralna",
            TRAIN,
            "travel-shape",
            "",
        ),
    ],
)
vendor(
    "sj_goteborg.ics",
    "sj_ics",
    STOCKHOLM,
    "-//SJ AB//SJ Biljett//SV",
    "Europe/Stockholm",
    [
        one(
            "sj-booking-KXR4T2-1@sj.se",
            "20261208T070500",
            "20261208T101000",
            "Resa Stockholm C – Göteborg C",
            "Stockholm Centralstation",
            "Bokningsnummer: KXR4T2\nSJ Snabbtåg 421\nStockholm C avg. 07:05, spår 14\nGöteborg C ank. 10:10\nVagn 3, plats 56, 2 klass lugn\n\nVisa biljetten i SJ-appen. SJ AB, 105 50 Stockholm",
            tz="Europe/Stockholm",
        )
    ],
    [
        (
            "sj-booking-KXR4T2-1@sj.se",
            "2026-12-08 07:05",
            "Resa Stockholm C – Göteborg C",
            TRAIN,
            "travel-shape",
            "",
        )
    ],
)
vendor(
    "meetup_archtech.ics",
    "meetup_ics",
    STOCKHOLM,
    "-//Meetup//RemoteApi//EN",
    None,
    [
        one(
            "event_308812447@meetup.com",
            "20261209T170000Z",
            "20261209T200000Z",
            "Stockholm Architecture & Tech Meetup #31: AI i gestaltningsprocessen",
            "A House, Drottning Kristinas väg 53, Stockholm, se",
            "Stockholm Architecture & Tech\nTorsdag 9 december 18:00\n\nTre korta föredrag om AI-verktyg i skisskedet, sedan mingel.\n\nhttps://www.meetup.com/stockholm-architecture-tech/events/308812447/",
            ("URL", "https://www.meetup.com/stockholm-architecture-tech/events/308812447/"),
            ("STATUS", "CONFIRMED"),
        )
    ],
    [
        (
            "event_308812447@meetup.com",
            "2026-12-09 18:00",
            "Stockholm Architecture & Tech Meetup #31: AI i gestaltningsprocessen",
            NETWORK,
            "event-platform",
            "",
        )
    ],
)
vendor(
    "cd_brno.ics",
    "cd_ics",
    PRAHA,
    "-//Ceske drahy//eShop//CS",
    "Europe/Prague",
    [
        one(
            "cd-eshop-2612-88241937@cd.cz",
            "20261208T114600",
            "20261208T142200",
            "Praha hl.n. – Brno hl.n. (EC 173)",
            "Praha hl.n.",
            "Jízdní doklad č. 88241937\nEC 173 „Vindobona“\nPraha hl.n. odj. 11:46\nBrno hl.n. příj. 14:22\nVůz 263, místo 85\nJízdné: Akční jízdenka, 2. třída\n\nDoklad se prokazuje v aplikaci Můj vlak. České dráhy, a.s., Nábřeží L. Svobody 1222, 110 15 Praha 1",
            tz="Europe/Prague",
        )
    ],
    [
        (
            "cd-eshop-2612-88241937@cd.cz",
            "2026-12-08 11:46",
            "Praha hl.n. – Brno hl.n. (EC 173)",
            TRAIN,
            "travel-shape",
            "",
        )
    ],
)
vendor(
    "dsb_odense.ics",
    "dsb_ics",
    KOEBENHAVN,
    "-//DSB//DSB App//DA",
    "Europe/Copenhagen",
    [
        one(
            "dsb-ordre-4471920331-ud@dsb.dk",
            "20261208T103000",
            "20261208T120500",
            "Tog: København H – Odense St.",
            "København H",
            "Ordrenummer: 4471920331\nIC 841 København H kl. 10:30 → Odense St. kl. 12:05\nVogn 23, plads 64 (Stillezone)\n\nHusk at have billetten klar i DSB-appen. DSB, Telegade 2, 2630 Taastrup",
            tz="Europe/Copenhagen",
        ),
        one(
            "dsb-ordre-4471920331-hjem@dsb.dk",
            "20261209T075500",
            "20261209T093000",
            "Tog: Odense St. – København H",
            "Odense St.",
            "Ordrenummer: 4471920331\nIC 826 Odense St. kl. 07:55 → København H kl. 09:30\nVogn 21, plads 12\n\nDSB, Telegade 2, 2630 Taastrup",
            tz="Europe/Copenhagen",
        ),
    ],
    [
        (
            "dsb-ordre-4471920331-ud@dsb.dk",
            "2026-12-08 10:30",
            "Tog: København H – Odense St.",
            TRAIN,
            "travel-shape",
            "",
        ),
        (
            "dsb-ordre-4471920331-hjem@dsb.dk",
            "2026-12-09 07:55",
            "Tog: Odense St. – København H",
            TRAIN,
            "travel-shape",
            "",
        ),
    ],
)
vendor(
    "norwegian_bergen.ics",
    "norwegian_ics",
    OSLO,
    "-//Norwegian Air Shuttle ASA//Booking//NO",
    None,
    [
        one(
            "norwegian-Q7ZKPD-DY604@norwegian.com",
            "20261209T063000Z",
            "20261209T073000Z",
            "Fly DY 604 Oslo (OSL) – Bergen (BGO)",
            "Oslo lufthavn, Gardermoen",
            "Bestillingsreferanse: Q7ZKPD\nDY 604 Oslo (OSL) 07:30 – Bergen (BGO) 08:30\nSete 12C, LowFare\nInnsjekking åpner 24 timer før avgang.\n\nNorwegian Air Shuttle ASA, Oksenøyveien 3, 1366 Lysaker",
        )
    ],
    [
        (
            "norwegian-Q7ZKPD-DY604@norwegian.com",
            "2026-12-09 07:30",
            "Fly DY 604 Oslo (OSL) – Bergen (BGO)",
            TRAIN,
            "travel-shape",
            "",
        )
    ],
)
vendor(
    "eventbrite_prsa.ics",
    "eventbrite_ics",
    NEW_YORK,
    "-//Eventbrite//Eventbrite//EN",
    "America/New_York",
    [
        one(
            "eventbrite-1284470019-order-9931288475@eventbrite.com",
            "20261202T180000",
            "20261202T210000",
            "PRSA-NY Holiday Networking Mixer 2026",
            "The Williams Club, 24 E 39th St, New York, NY 10016",
            "Order #9931288475 – 1 x Member ticket\n\nJoin fellow communicators for drinks and conversation at our annual holiday mixer.\n\nView event: https://www.eventbrite.com/e/prsa-ny-holiday-networking-mixer-2026-tickets-1284470019\n\nEventbrite, 95 Third Street, San Francisco, CA 94103",
            tz="America/New_York",
        )
    ],
    [
        (
            "eventbrite-1284470019-order-9931288475@eventbrite.com",
            "2026-12-02 18:00",
            "PRSA-NY Holiday Networking Mixer 2026",
            NETWORK,
            "event-platform",
            "",
        )
    ],
)
vendor(
    "amtrak_dc.ics",
    "amtrak_ics",
    NEW_YORK,
    "-//Amtrak//eTicket//EN",
    "America/New_York",
    [
        one(
            "amtrak-resv-8F2C1A-2153@amtrak.com",
            "20261208T090000",
            "20261208T115000",
            "Acela 2153: New York (NYP) - Washington (WAS)",
            "New York Penn Station",
            "Reservation Number: 8F2C1A\nAcela 2153 departs New York, NY (Penn Station) 9:00 AM, arrives Washington, DC (Union Station) 11:50 AM\nBusiness Class, Car 4, Seat 7A\n\nPresent your eTicket on the Amtrak app. Amtrak, 1 Massachusetts Ave NW, Washington, DC 20001",
            tz="America/New_York",
        )
    ],
    [
        (
            "amtrak-resv-8F2C1A-2153@amtrak.com",
            "2026-12-08 09:00",
            "Acela 2153: New York (NYP) - Washington (WAS)",
            TRAIN,
            "travel-shape",
            "",
        )
    ],
)
vendor(
    "livestorm_ai_pr.ics",
    "livestorm_ics",
    NEW_YORK,
    "-//Livestorm//Livestorm Calendar//EN",
    None,
    [
        one(
            "livestorm-session-5c7e1a2b-registrant-7791@livestorm.co",
            "20261209T170000Z",
            "20261209T180000Z",
            "AI in PR: what actually changed in 2026",
            "https://app.livestorm.co/p/5c7e1a2b/live?s=7791",
            "You're registered! Here's your personal link to join the event:\nhttps://app.livestorm.co/p/5c7e1a2b/live?s=7791\n\nHosted by Muck Rack Academy.\nNo download needed – Livestorm runs in your browser.\n\nPowered by Livestorm",
            ("ORGANIZER;CN=Muck Rack Academy", "mailto:events@livestorm.co"),
        )
    ],
    [
        (
            "livestorm-session-5c7e1a2b-registrant-7791@livestorm.co",
            "2026-12-09 12:00",
            "AI in PR: what actually changed in 2026",
            WEB,
            "event-platform",
            DEBATABLE_WEBINAR,
        )
    ],
)
vendor(
    "via_rail_toronto.ics",
    "via_ics",
    MONTREAL,
    "-//VIA Rail Canada//Réservations//FR",
    "America/Toronto",
    [
        one(
            "via-reservation-MTK4Q9-55@viarail.ca",
            "20261208T063000",
            "20261208T112600",
            "Train VIA 55 – Montréal → Toronto",
            "Gare Centrale de Montréal, 895 rue De La Gauchetière O",
            "Numéro de réservation : MTK4Q9\nTrain 55 : départ Montréal 06 h 30, arrivée Toronto (Union) 11 h 26\nVoiture 3, siège 8D – Classe Économie Plus\n\nPrésentez votre billet électronique à l'embarquement. VIA Rail Canada inc., 3, Place Ville Marie, Montréal",
            tz="America/Toronto",
        )
    ],
    [
        (
            "via-reservation-MTK4Q9-55@viarail.ca",
            "2026-12-08 06:30",
            "Train VIA 55 – Montréal → Toronto",
            TRAIN,
            "travel-shape",
            "",
        )
    ],
)
vendor(
    "ccmm_forum_energie.ics",
    "ccmm_ics",
    MONTREAL,
    "-//Chambre de commerce du Montreal metropolitain//Evenements//FR",
    "America/Toronto",
    [
        one(
            "ccmm-evt-2026-1207-insc-55821@ccmm.ca",
            "20261207T073000",
            "20261207T100000",
            "Forum stratégique sur la transition énergétique",
            "Hôtel Reine Elizabeth, 900 boul. René-Lévesque O, Montréal",
            "Confirmation d'inscription\n\nAccueil et réseautage dès 7 h 30, conférences à 8 h 15.\nNuméro d'inscription : 55821\n\nChambre de commerce du Montréal métropolitain · 380, rue Saint-Antoine O, bureau 6000, Montréal (Québec) H2Y 3X7",
            tz="America/Toronto",
        )
    ],
    [
        (
            "ccmm-evt-2026-1207-insc-55821@ccmm.ca",
            "2026-12-07 07:30",
            "Forum stratégique sur la transition énergétique",
            NETWORK,
            "event-platform",
            "a hotel in the address is no stay",
        )
    ],
)
vendor(
    "cc_luxembourg_breakfast.ics",
    "cclux_ics",
    LUXEMBOURG,
    "-//Chambre de Commerce Luxembourg//Agenda//FR",
    "Europe/Luxembourg",
    [
        one(
            "cc-lu-evt-4471-part-20931@cc.lu",
            "20261204T080000",
            "20261204T100000",
            "Business Breakfast : Fonds d'investissement et réglementation 2027",
            "Chambre de Commerce, 7, rue Alcide de Gasperi, L-2981 Luxembourg-Kirchberg",
            "Confirmation de votre inscription\n\nAccueil-petit déjeuner à 8h00, exposés à 8h30, networking à partir de 9h30.\nParking : Parking Coque.\n\nChambre de Commerce Luxembourg · 7, rue Alcide de Gasperi · L-2981 Luxembourg",
            ("ORGANIZER;CN=Chambre de Commerce Luxembourg", "mailto:events@cc.lu"),
            tz="Europe/Luxembourg",
        )
    ],
    [
        (
            "cc-lu-evt-4471-part-20931@cc.lu",
            "2026-12-04 08:00",
            "Business Breakfast : Fonds d'investissement et réglementation 2027",
            NETWORK,
            "event-platform",
            "",
        )
    ],
    language="fr",
)
vendor(
    "trainline_london.ics",
    "trainline_ics",
    MANCHESTER,
    "-//Trainline//Trainline Tickets//EN",
    "Europe/London",
    [
        one(
            "trainline-TL8830217-out@thetrainline.com",
            "20261209T072000",
            "20261209T092400",
            "Manchester Piccadilly to London Euston",
            "Manchester Piccadilly",
            "Booking reference: TL8830217\nAvanti West Coast 07:20 Manchester Piccadilly → 09:24 London Euston\nCoach C, Seat 42 (Standard Advance)\n\nYour eTicket is in the Trainline app. Trainline.com Ltd, 120 Holborn, London EC1N 2TD",
            tz="Europe/London",
        )
    ],
    [
        (
            "trainline-TL8830217-out@thetrainline.com",
            "2026-12-09 07:20",
            "Manchester Piccadilly to London Euston",
            TRAIN,
            "travel-shape",
            "",
        )
    ],
)
vendor(
    "gmcc_breakfast.ics",
    "gmcc_ics",
    MANCHESTER,
    "-//Greater Manchester Chamber of Commerce//Events//EN",
    "Europe/London",
    [
        one(
            "gmcc-event-11204-booking-66310@gmchamber.co.uk",
            "20261211T073000",
            "20261211T093000",
            "Manufacturing Breakfast Briefing: Energy costs & reshoring",
            "Manchester Central, Windmill Street, Manchester M2 3GX",
            "Booking confirmed\n\nBreakfast and networking from 7:30am, panel at 8:00am.\nBooking ref: 66310\n\nGreater Manchester Chamber of Commerce, Elliot House, 151 Deansgate, Manchester M3 3WD",
            tz="Europe/London",
        )
    ],
    [
        (
            "gmcc-event-11204-booking-66310@gmchamber.co.uk",
            "2026-12-11 07:30",
            "Manufacturing Breakfast Briefing: Energy costs & reshoring",
            NETWORK,
            "event-platform",
            "",
        )
    ],
)

# --- writing it all out ---------------------------------------------------------------------------


def entry(file: str, fmt: str, calendar: A.Calendar) -> dict:
    return {
        "file": file,
        "format": fmt,
        "user": calendar.user.email,
        "domains": list(calendar.domains),
        "zone": calendar.zone,
        "language": calendar.language,
    }


def start_of(occ: A.Occurrence, zone: str) -> str:
    if occ.spec.all_day:
        return occ.start.strftime("%Y-%m-%d")
    return occ.start.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rows, calendars = [], []
    for calendar in CALENDARS:
        data = WRITERS[calendar.writer](calendar)
        if calendar.writer == "outlook_ics":
            data = data.replace(b"LANGUAGE=pl-pl", b"LANGUAGE=pl-PL").replace(
                b"X-WR-CALNAME:Calendar", b"X-WR-CALNAME:Kalendarz"
            )
        (OUT / calendar.name).write_bytes(data)
        calendars.append(entry(calendar.name, calendar.writer, calendar))
        for spec in calendar.specs:
            if not spec.cls:
                continue
            occ = A.judged(spec, calendar.zone)
            meeting, mode, purpose = spec.label
            if calendar.writer in A.WRITERS:
                uid = A.uid_of(calendar.writer, occ)
            else:
                uid = app_uid(calendar.writer, spec)
            rows.append(
                [
                    calendar.name,
                    uid,
                    start_of(occ, calendar.zone),
                    spec.title,
                    "yes" if meeting else "no",
                    mode,
                    purpose,
                    spec.cls,
                    spec.note,
                ]
            )
    for file, fmt, calendar, data, labels, language in VENDOR:
        (OUT / file).write_bytes(data)
        calendars.append(entry(file, fmt, calendar) | {"language": language or calendar.language})
        for uid, start, title, (meeting, mode, purpose), cls, note in labels:
            rows.append(
                [file, uid, start, title, "yes" if meeting else "no", mode, purpose, cls, note]
            )
    manifest = {
        "source": "platforms_dev3.py: nine made-up professionals (Warszawa, Stockholm, Praha, København, Oslo, New York, Montréal, Luxembourg, Manchester), written blind from README.md's rules",
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
