"""Meetings the user organises whose descriptions are written the way Outlook, Google and Apple
write them (a letter with a Teams block and its HTML twin in X-ALT-DESC; notes in HTML with a
Google Meet block; plain notes), each a first meeting on video, so that ``planner week``
proposes to meet in person; and the words of them that must never reach an invitation."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

ME = "anna@berger-consulting.example"
PETERS = "j.peters@nordlicht-logistik.example"
SOMMER = "lea.sommer@fjord-design.example"
HUBER = "m.huber@alpenbau.example"
NAMES = {ME: "Anna Berger", PETERS: "Jonas Peters", SOMMER: "Lea Sommer", HUBER: "Markus Huber"}

TEAMS_URL = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ%40thread.v2/0"
RULE = "_" * 80
OUTLOOK = [
    "DESCRIPTION:Hallo Herr Peters\\,\\n\\nwie besprochen ein erstes Kennenlernen.\\n\\n"
    f"{RULE}\\nMicrosoft Teams-Besprechung\\nNehmen Sie von Ihrem Computer\\, Ihrer mobilen "
    "App oder Raumgerät aus teil\\nHier klicken\\, um an der Besprechung teilzunehmen "
    f"<{TEAMS_URL}>"
    f"\\nBesprechungs-ID: 312 555 812 011\\nKennung: aB3xYz\\n{RULE}",
    "X-ALT-DESC;FMTTYPE=text/html:<html><body><p>Hallo Herr Peters\\,</p><p>wie besprochen "
    'ein erstes Kennenlernen.</p><div>Microsoft Teams-Besprechung <a href="' + TEAMS_URL + '">'
    "Hier klicken</a> Kennung: aB3xYz</div></body></html>",
    f"X-MICROSOFT-SKYPETEAMSMEETINGURL:{TEAMS_URL}",
    "LOCATION:Microsoft Teams-Besprechung",
]
MEET_BLOCK = "-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-"
GOOGLE = [
    "DESCRIPTION:<b>Notizen</b><br>Budget intern 40k\\, nicht erwähnen<br><br>"
    f"{MEET_BLOCK}\\nJoin with Google Meet: https://meet.google.com/qxr-kmzd-fwe\\n"
    "Learn more about Meet at: https://support.google.com/a/users/answer/9282720\\n\\n"
    f"Please do not edit this section.\\n{MEET_BLOCK}",
    "LOCATION:https://meet.google.com/qxr-kmzd-fwe",
    "X-GOOGLE-CONFERENCE:https://meet.google.com/qxr-kmzd-fwe",
]
APPLE = [
    "DESCRIPTION:Parkplatz im Hof. Unterlagen Q3 mitbringen; Frau Huber fragt nach Rabatt.",
    "LOCATION:FaceTime",
    "URL;VALUE=URI:https://facetime.apple.com/join#v=1&p=SECRETFT&k=abc",
]
#: words of the three descriptions (and their join blocks) that no invitation may carry
PRIVATE = (
    "Herr Peters", "erstes Kennenlernen", "teams.microsoft.com", "aB3xYz", "312 555 812",
    "Budget intern", "40k", "meet.google.com", "Please do not edit", "Parkplatz im Hof",
    "Unterlagen Q3", "Rabatt", "SECRETFT",
)  # fmt: skip


def _event(uid: str, title: str, day: date, hour: int, who: str, extra: list[str]) -> list[str]:
    begin = datetime.combine(day, time(hour))
    return [
        "BEGIN:VEVENT", f"UID:{uid}", "SEQUENCE:1", "DTSTAMP:20260101T000000Z",
        f"DTSTART;TZID=Europe/Berlin:{begin:%Y%m%dT%H%M%S}",
        f"DTEND;TZID=Europe/Berlin:{begin + timedelta(hours=1):%Y%m%dT%H%M%S}",
        f"SUMMARY:{title}", f"ORGANIZER;CN=Anna Berger:mailto:{ME}",
        f"ATTENDEE;CN=Anna Berger;PARTSTAT=ACCEPTED:mailto:{ME}",
        f"ATTENDEE;CN={NAMES[who]};PARTSTAT=ACCEPTED:mailto:{who}", *extra, "END:VEVENT",
    ]  # fmt: skip


#: uid → (title, counterpart) of the three meetings
MEETINGS = {
    "outlook-1@test": ("Erstgespräch Nordlicht Logistik", PETERS),
    "google-1@test": ("Kennenlernen Fjord Design", SOMMER),
    "apple-1@test": ("Erstes Treffen Alpenbau", HUBER),
}


def calendar(day: date) -> str:
    """The three meetings: two on ``day``, one the day after."""
    events = [
        *_event("outlook-1@test", MEETINGS["outlook-1@test"][0], day, 10, PETERS, OUTLOOK),
        *_event("google-1@test", MEETINGS["google-1@test"][0], day, 15, SOMMER, GOOGLE),
        *_event("apple-1@test", MEETINGS["apple-1@test"][0], day + timedelta(days=1), 11, HUBER,
                APPLE),
    ]  # fmt: skip
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", *events, "END:VCALENDAR", ""]
    return "\r\n".join(lines)


def leaked(text: str) -> list[str]:
    """The private words in ``text`` (iCalendar folding and escapes undone)."""
    plain = text.replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";")
    return [word for word in PRIVATE if word in plain]
