# ruff: noqa: E501  (vendor text and export lines are kept whole: they read as the tools write them)
"""The text that tools and vendors append to an event, as they write it: join instructions of
Teams, Zoom, Webex, Google Meet, Skype for Business, GoTo, Nextcloud Talk, Jitsi and
BigBlueButton (German, English, French, with dial-in numbers and PINs), and the footers of
rail, airline, car-rental, hotel, apartment and ride-hailing bookings, scheduling tools and mail
disclaimers.

The wording follows the invitations these tools send; numbers, codes and links are made up
(derived from a seed so that every export is reproducible).
"""

from __future__ import annotations

import hashlib
import html


def _n(seed: str, count: int, salt: str = "") -> str:
    value = int(hashlib.sha256((seed + salt).encode()).hexdigest(), 16)
    return str(value)[-count:].rjust(count, "4")


def _groups(number: str, sizes: tuple[int, ...]) -> str:
    out, at = [], 0
    for size in sizes:
        out.append(number[at : at + size])
        at += size
    return " ".join(out)


def _code(seed: str, count: int, salt: str = "") -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
    value = int(hashlib.sha256((seed + salt).encode()).hexdigest(), 16)
    out = []
    for _ in range(count):
        value, rest = divmod(value, len(alphabet))
        out.append(alphabet[rest])
    return "".join(out)


def join_url(kind: str, seed: str) -> str:
    if kind == "teams":
        return (
            "https://teams.microsoft.com/l/meetup-join/19%3ameeting_"
            + _code(seed, 40, "t")
            + "%40thread.v2/0?context=%7b%22Tid%22%3a%22"
            + _n(seed, 8, "tid")
            + "-4c1d-9a3e-"
            + _n(seed, 12, "tid2")
            + "%22%2c%22Oid%22%3a%22"
            + _n(seed, 8, "oid")
            + "-77b2-4f0e-b1d2-"
            + _n(seed, 12, "oid2")
            + "%22%7d"
        )
    if kind == "meet":
        c = _code(seed, 10, "m").lower().replace("2", "k").replace("3", "q")
        return f"https://meet.google.com/{c[:3]}-{c[3:7]}-{c[7:10]}"
    if kind == "zoom":
        return f"https://us06web.zoom.us/j/8{_n(seed, 10, 'z')}?pwd={_code(seed, 32, 'zp')}.1"
    if kind == "webex":
        return f"https://meetingsemea12.webex.com/meetingsemea12/j.php?MTID=m{_n(seed, 8, 'w')}{_code(seed, 24, 'w').lower()}"
    if kind == "skype":
        return f"https://meet.kanzlei-roth.example/anna.roth/{_code(seed, 8, 's').upper()}"
    if kind == "goto":
        return f"https://meet.goto.com/{_n(seed, 9, 'g')}"
    if kind == "talk":
        return f"https://cloud.werkraum-genossenschaft.example/call/{_code(seed, 8, 'k').lower()}"
    if kind == "jitsi":
        return f"https://meet.jit.si/{_code(seed, 14, 'j')}"
    if kind == "bbb":
        return f"https://bbb.hs-rheinmain.example/b/{_code(seed, 3, 'b').lower()}-{_code(seed, 3, 'c').lower()}-{_code(seed, 3, 'd').lower()}-{_code(seed, 3, 'e').lower()}"
    if kind == "facetime":
        return f"https://facetime.apple.com/join#v=1&p={_code(seed, 22, 'f')}&k={_code(seed, 43, 'fk')}"
    raise ValueError(kind)


TEAMS_LOCATION = {
    "en": "Microsoft Teams Meeting",
    "de": "Microsoft Teams-Besprechung",
    "fr": "Réunion Microsoft Teams",
}
TOLL = {"en": "+49 69 365052486", "de": "+49 69 365052486", "fr": "+33 1 70 91 86 46"}
RULE = "_" * 80


def teams(lang: str, seed: str) -> str:
    url = join_url("teams", seed)
    mid = _groups(_n(seed, 15, "mid"), (3, 3, 3, 3, 3))
    code = _code(seed, 6, "pc")
    pin = _n(seed, 9, "pin")
    opts = "https://teams.microsoft.com/meetingOptions/?organizerId=" + _n(seed, 8, "o")
    if lang == "de":
        return "\n".join(
            [
                RULE,
                "Microsoft Teams-Besprechung",
                "Nehmen Sie von Ihrem Computer, Ihrer mobilen App oder Ihrem Raumgerät aus teil.",
                f"Klicken Sie hier, um an der Besprechung teilzunehmen<{url}>",
                f"Besprechungs-ID: {mid}",
                f"Kenncode: {code}",
                "Teams herunterladen<https://www.microsoft.com/de-de/microsoft-teams/download-app> | Im Web beitreten<https://www.microsoft.com/microsoft-teams/join-a-meeting>",
                "Oder telefonisch teilnehmen (nur Audio)",
                f"+49 69 365052486,,{pin}#<tel:+4969365052486,,{pin}#>   Deutschland, Frankfurt am Main",
                f"Telefonkonferenz-ID: {_groups(pin, (3, 3, 3))}#",
                "Lokale Nummer suchen<https://dialin.teams.microsoft.com/4c1d9a3e/discover> | PIN zurücksetzen<https://dialin.teams.microsoft.com/usp/pstnconferencing>",
                f"Weitere Informationen<https://aka.ms/JoinTeamsMeeting> | Besprechungsoptionen<{opts}>",
                RULE,
            ]
        )
    if lang == "fr":
        return "\n".join(
            [
                RULE,
                "Réunion Microsoft Teams",
                "Rejoindre sur votre ordinateur, application mobile ou appareil de salle",
                f"Cliquez ici pour participer à la réunion<{url}>",
                f"ID de réunion : {mid}",
                f"Code secret : {code}",
                "Télécharger Teams<https://www.microsoft.com/fr-fr/microsoft-teams/download-app> | Rejoindre sur le web<https://www.microsoft.com/microsoft-teams/join-a-meeting>",
                "Ou appelez (audio uniquement)",
                f"+33 1 70 91 86 46,,{pin}#<tel:+33170918646,,{pin}#>   France, Paris",
                f"ID de conférence téléphonique : {_groups(pin, (3, 3, 3))}#",
                "Trouver un numéro local<https://dialin.teams.microsoft.com/4c1d9a3e/discover> | Réinitialiser le code confidentiel<https://dialin.teams.microsoft.com/usp/pstnconferencing>",
                f"En savoir plus<https://aka.ms/JoinTeamsMeeting> | Options de réunion<{opts}>",
                RULE,
            ]
        )
    return "\n".join(
        [
            RULE,
            "Microsoft Teams meeting",
            "Join on your computer, mobile app or room device",
            f"Click here to join the meeting<{url}>",
            f"Meeting ID: {mid}",
            f"Passcode: {code}",
            "Download Teams<https://www.microsoft.com/en-us/microsoft-teams/download-app> | Join on the web<https://www.microsoft.com/microsoft-teams/join-a-meeting>",
            "Or call in (audio only)",
            f"+49 69 365052486,,{pin}#<tel:+4969365052486,,{pin}#>   Germany, Frankfurt am Main",
            f"Phone Conference ID: {_groups(pin, (3, 3, 3))}#",
            "Find a local number<https://dialin.teams.microsoft.com/4c1d9a3e/discover> | Reset PIN<https://dialin.teams.microsoft.com/usp/pstnconferencing>",
            f"Learn More<https://aka.ms/JoinTeamsMeeting> | Meeting options<{opts}>",
            RULE,
        ]
    )


def zoom(lang: str, seed: str, host: str = "") -> str:
    url = join_url("zoom", seed)
    mid = url.split("/j/")[1].split("?")[0]
    spaced = _groups(mid, (3, 4, 4))
    code = _n(seed, 6, "zc")
    who = host or "Zoom"
    taps = [
        f"+496938079883,,{mid}#,,,,*{code}# ",
        f"+496950502596,,{mid}#,,,,*{code}# ",
    ]
    numbers = [
        "• +49 69 3807 9883",
        "• +49 695 050 2596",
        "• +49 69 7104 9922",
        "• +41 43 210 71 08",
        "• +33 1 7037 2246",
    ]
    if lang == "de":
        return "\n".join(
            [
                f"{who} lädt Sie zu einem geplanten Zoom-Meeting ein.",
                "",
                "Zoom-Meeting beitreten",
                url,
                "",
                f"Meeting-ID: {spaced}",
                f"Kenncode: {code}",
                "",
                "---",
                "",
                "Schnelleinwahl mobil",
                taps[0] + "Deutschland",
                taps[1] + "Deutschland",
                "",
                "---",
                "",
                "Einwahl nach aktuellem Standort",
                numbers[0] + " Deutschland",
                numbers[1] + " Deutschland",
                numbers[2] + " Deutschland",
                numbers[3] + " Schweiz",
                "",
                f"Meeting-ID: {spaced}",
                f"Kenncode: {code}",
                "",
                f"Ortseinwahl suchen: https://us06web.zoom.us/u/k{_code(seed, 8, 'zl')}",
            ]
        )
    if lang == "fr":
        return "\n".join(
            [
                f"{who} vous invite à une réunion Zoom planifiée.",
                "",
                "Participer à la réunion Zoom",
                url,
                "",
                f"ID de réunion: {spaced}",
                f"Code secret: {code}",
                "",
                "---",
                "",
                "Une seule touche sur l’appareil mobile",
                f"+33170372246,,{mid}#,,,,*{code}# France",
                f"+33170379729,,{mid}#,,,,*{code}# France",
                "",
                "---",
                "",
                "Composez un numéro en fonction de votre emplacement",
                numbers[4] + " France",
                "• +33 1 8699 5831 France",
                numbers[0] + " Allemagne",
                "",
                f"ID de réunion: {spaced}",
                f"Code secret: {code}",
                "",
                f"Trouvez votre numéro local : https://us06web.zoom.us/u/k{_code(seed, 8, 'zl')}",
            ]
        )
    return "\n".join(
        [
            "Hi there,",
            "",
            f"{who} is inviting you to a scheduled Zoom meeting.",
            "",
            "Join Zoom Meeting",
            url,
            "",
            f"Meeting ID: {spaced}",
            f"Passcode: {code}",
            "",
            "---",
            "",
            "One tap mobile",
            taps[0] + "Germany",
            taps[1] + "Germany",
            "",
            "---",
            "",
            "Dial by your location",
            numbers[0] + " Germany",
            numbers[1] + " Germany",
            "• +1 646 558 8656 US (New York)",
            "• +44 203 481 5240 United Kingdom",
            "",
            f"Meeting ID: {spaced}",
            f"Passcode: {code}",
            "",
            f"Find your local number: https://us06web.zoom.us/u/k{_code(seed, 8, 'zl')}",
            "",
            "---",
            "",
            "Join by SIP",
            f"• {mid}@zoomcrc.com",
            "",
            "Join by H.323",
            "• 162.255.37.11 (US West)",
            "• 213.19.144.110 (Amsterdam Netherlands)",
        ]
    )


def webex(lang: str, seed: str) -> str:
    url = join_url("webex", seed)
    number = _groups(_n(seed, 11, "wn"), (4, 3, 4))
    password = _code(seed, 10, "wp")
    compact = number.replace(" ", "")
    if lang == "de":
        return "\n".join(
            [
                "-- Den folgenden Text nicht löschen oder ändern. --",
                "",
                "Wenn es so weit ist, treten Sie hier Ihrem Webex-Meeting bei.",
                "",
                f"Meeting-Kennnummer (Zugriffscode): {number}",
                f"Meeting-Passwort: {password}",
                "",
                f"Meeting beitreten <{url}>",
                "",
                "Zum Beitreten über ein Mobilgerät tippen (nur für Teilnehmer)",
                f"+49-619-6781-9736,,{compact}## Germany Toll",
                "Einige Mobilgeräte fordern Teilnehmer möglicherweise zur Eingabe eines numerischen Passworts auf.",
                "",
                "Über Telefon beitreten",
                "+49-619-6781-9736 Germany Toll",
                "Globale Einwahlnummern <https://meetingsemea12.webex.com/meetingsemea12/globalcallin.php>",
                "",
                "Über Videosystem oder Anwendung beitreten",
                f"Wählen Sie {compact}@meetingsemea12.webex.com",
                "Sie können auch 62.109.219.4 wählen und Ihre Meeting-Kennnummer eingeben.",
                "",
                "Wenn Sie ein Gastgeber sind, klicken Sie hier <https://meetingsemea12.webex.com/meetingsemea12/j.php?MTID=host>, um Gastgeber-Informationen anzuzeigen.",
                "",
                "Benötigen Sie Hilfe? Gehen Sie zu https://help.webex.com",
            ]
        )
    if lang == "fr":
        return "\n".join(
            [
                "-- Ne pas supprimer ni modifier le texte suivant. --",
                "",
                "Le moment venu, rejoignez votre réunion Webex ici.",
                "",
                f"Numéro de la réunion (code d'accès) : {number}",
                f"Mot de passe de la réunion : {password}",
                "",
                f"Rejoindre la réunion <{url}>",
                "",
                "Appuyez pour rejoindre depuis un appareil mobile (participants uniquement)",
                f"+33-1-7091-8646,,{compact}## France Toll",
                "",
                "Rejoindre par téléphone",
                "+33-1-7091-8646 France Toll",
                "Numéros d'appel internationaux <https://meetingsemea12.webex.com/meetingsemea12/globalcallin.php>",
                "",
                "Rejoindre à partir d'un système vidéo ou d'une application",
                f"Composez {compact}@meetingsemea12.webex.com",
                "",
                "Besoin d'aide ? Allez sur https://help.webex.com",
            ]
        )
    return "\n".join(
        [
            "-- Do not delete or change any of the following text. --",
            "",
            "When it's time, join your Webex meeting here.",
            "",
            f"Meeting number (access code): {number}",
            f"Meeting password: {password}",
            "",
            f"Join meeting <{url}>",
            "",
            "Tap to join from a mobile device (attendees only)",
            f"+49-619-6781-9736,,{compact}## Germany Toll",
            "Some mobile devices may ask attendees to enter a numeric password.",
            "",
            "Join by phone",
            "+49-619-6781-9736 Germany Toll",
            "Global call-in numbers <https://meetingsemea12.webex.com/meetingsemea12/globalcallin.php>",
            "",
            "Join from a video system or application",
            f"Dial {compact}@meetingsemea12.webex.com",
            "You can also dial 62.109.219.4 and enter your meeting number.",
            "",
            "If you are a host, click here <https://meetingsemea12.webex.com/meetingsemea12/j.php?MTID=host> to view host information.",
            "",
            "Need help? Go to https://help.webex.com",
        ]
    )


def skype(lang: str, seed: str) -> str:
    url = join_url("skype", seed)
    conf = _n(seed, 8, "sc")
    dots = "." * 105
    if lang == "de":
        return "\n".join(
            [
                dots,
                f"Skype-Besprechung beitreten<{url}>",
                "Probleme beim Teilnehmen? Skype Web App testen<" + url + "?sl=1>",
                "Telefonisch teilnehmen",
                "+49 89 2030 4511<tel:+498920304511> (München) Deutsch (Deutschland)",
                "+49 30 2205 7790<tel:+493022057790> (Berlin) Deutsch (Deutschland)",
                "Lokale Nummer suchen<https://dialin.kanzlei-roth.example>",
                "",
                f"Konferenz-ID: {conf}",
                " Haben Sie die Einwahl-PIN vergessen?<https://dialin.kanzlei-roth.example> |Hilfe<https://o15.officeredir.microsoft.com/r/rlidLync15?clid=1031>",
                "[!OC([1031])!]",
                dots,
            ]
        )
    return "\n".join(
        [
            dots,
            f"Join Skype Meeting<{url}>",
            "Trouble Joining? Try Skype Web App<" + url + "?sl=1>",
            "Join by phone",
            "+49 89 2030 4511<tel:+498920304511> (Munich) English (United States)",
            "Find a local number<https://dialin.kanzlei-roth.example>",
            "",
            f"Conference ID: {conf}",
            " Forgot your dial-in PIN?<https://dialin.kanzlei-roth.example> |Help<https://o15.officeredir.microsoft.com/r/rlidLync15?clid=1033>",
            "[!OC([1033])!]",
            dots,
        ]
    )


def goto(lang: str, seed: str) -> str:
    url = join_url("goto", seed)
    code = _groups(_n(seed, 9, "gc"), (3, 3, 3))
    if lang == "de":
        return "\n".join(
            [
                "Bitte nehmen Sie an meinem Meeting über Ihren Computer, Tablet oder Smartphone teil.",
                url,
                "",
                "Sie können sich auch über ein Telefon einwählen.",
                "(Für unterstützte Geräte: Tippen Sie auf eine Einwahlnummer, um sich sofort anzumelden.)",
                "",
                f"Deutschland: +49 721 9881 4161 - One-touch: tel:+4972198814161,,{code.replace(' ', '')}#",
                f"Österreich: +43 7 2081 5427 - One-touch: tel:+43720815427,,{code.replace(' ', '')}#",
                "",
                f"Zugangscode: {code.replace(' ', '-')}",
                "",
                "Neu bei GoTo Meeting? Laden Sie die App jetzt herunter: https://meet.goto.com/install",
            ]
        )
    return "\n".join(
        [
            "Please join my meeting from your computer, tablet or smartphone.",
            url,
            "",
            "You can also dial in using your phone.",
            "(For supported devices, tap a one-touch number below to join instantly.)",
            "",
            f"Germany: +49 721 9881 4161 - One-touch: tel:+4972198814161,,{code.replace(' ', '')}#",
            f"United Kingdom: +44 20 3713 5011 - One-touch: tel:+442037135011,,{code.replace(' ', '')}#",
            "",
            f"Access Code: {code.replace(' ', '-')}",
            "",
            "New to GoTo Meeting? Get the app now and be ready when your first meeting starts: https://meet.goto.com/install",
        ]
    )


def talk(lang: str, seed: str) -> str:
    url = join_url("talk", seed)
    if lang == "de":
        return f"Nextcloud Talk – Unterhaltung beitreten:\n{url}"
    if lang == "fr":
        return f"Rejoindre la conversation Nextcloud Talk :\n{url}"
    return f"Join the Nextcloud Talk conversation:\n{url}"


def jitsi(lang: str, seed: str) -> str:
    url = join_url("jitsi", seed)
    pin = _n(seed, 10, "jp")
    if lang == "de":
        return f"Klicken Sie auf den folgenden Link, um am Meeting teilzunehmen:\n{url}\n\nNur telefonisch beitreten? Einwahl: +49.89.380.38719 PIN: {pin}#"
    if lang == "fr":
        return f"Cliquez sur le lien suivant pour rejoindre la réunion :\n{url}\n\nRejoindre par téléphone : +33.1.87.21.0005 Code : {pin}#"
    return f"Click the following link to join the meeting:\n{url}\n\nJust want to dial in on your phone? +1.512.647.1431 PIN: {pin}#"


def bbb(lang: str, seed: str) -> str:
    url = join_url("bbb", seed)
    code = _n(seed, 6, "bc")
    if lang == "de":
        return f"BigBlueButton-Raum: {url}\nZugangscode: {code}\nTelefoneinwahl: +49 611 9495 1200, Konferenz-PIN: {_n(seed, 5, 'bp')}"
    return f"BigBlueButton room: {url}\nAccess code: {code}\nDial in: +49 611 9495 1200, conference PIN: {_n(seed, 5, 'bp')}"


def facetime(lang: str, seed: str) -> str:
    url = join_url("facetime", seed)
    if lang == "de":
        return f"Per FaceTime teilnehmen: {url}"
    if lang == "fr":
        return f"Rejoindre FaceTime : {url}"
    return f"Join FaceTime: {url}"


def join_block(kind: str, lang: str, seed: str, host: str = "") -> str:
    if kind == "zoom":
        return zoom(lang, seed, host)
    if kind == "meet":
        return google_meet_section(lang, seed)
    return {
        "teams": teams,
        "webex": webex,
        "skype": skype,
        "goto": goto,
        "talk": talk,
        "jitsi": jitsi,
        "bbb": bbb,
        "facetime": facetime,
    }[kind](lang, seed)


GOOGLE_RULE = "-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-"


def google_meet_section(lang: str, seed: str) -> str:
    url = join_url("meet", seed)
    code = url.rsplit("/", 1)[1]
    pin = _groups(_n(seed, 9, "gp"), (3, 3, 3))
    more = f"https://tel.meet/{code}?pin={pin.replace(' ', '')}4011"
    if lang == "de":
        lines = [
            f"An Google Meet teilnehmen: {url}",
            f"Oder wählen Sie: (DE) +49 30 300195061 PIN: {pin}#",
            f"Weitere Telefonnummern: {more}",
            "",
            "Weitere Informationen zu Meet: https://support.google.com/a/users/answer/9282720",
            "",
            "Bitte bearbeiten Sie diesen Abschnitt nicht.",
        ]
    elif lang == "fr":
        lines = [
            f"Participer avec Google Meet : {url}",
            f"Ou appelez le : (FR) +33 1 87 40 41 85 Code : {pin}#",
            f"Autres numéros de téléphone : {more}",
            "",
            "En savoir plus sur Meet : https://support.google.com/a/users/answer/9282720",
            "",
            "Veuillez ne pas modifier cette section.",
        ]
    else:
        lines = [
            f"Join with Google Meet: {url}",
            f"Join by phone: (DE) +49 30 300195061 PIN: {pin}#",
            f"More phone numbers: {more}",
            "",
            "Learn more about Meet at: https://support.google.com/a/users/answer/9282720",
            "",
            "Please do not edit this section.",
        ]
    return "\n".join([GOOGLE_RULE, *lines, GOOGLE_RULE])


def google_conference(kind: str, lang: str, url: str, seed: str) -> dict:
    if kind == "meet":
        code = url.rsplit("/", 1)[1]
        pin = _n(seed, 9, "gp")
        return {
            "entryPoints": [
                {"entryPointType": "video", "uri": url, "label": url.split("//")[1]},
                {
                    "entryPointType": "phone",
                    "uri": "tel:+49-30-300195061",
                    "label": "+49 30 300195061",
                    "pin": pin,
                    "regionCode": "DE",
                },
                {
                    "entryPointType": "more",
                    "uri": f"https://tel.meet/{code}?pin={pin}4011",
                    "pin": pin + "4011",
                },
            ],
            "conferenceSolution": {
                "key": {"type": "hangoutsMeet"},
                "name": "Google Meet",
                "iconUri": "https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/logo_meet_2020q4_color_2x_web_512dp.png",
            },
            "conferenceId": code,
        }
    mid = url.split("/j/")[1].split("?")[0]
    return {
        "entryPoints": [
            {
                "entryPointType": "video",
                "uri": url,
                "label": f"us06web.zoom.us/j/{mid}",
                "meetingCode": mid,
                "passcode": _n(seed, 6, "zc"),
            },
            {
                "entryPointType": "phone",
                "uri": "tel:+496938079883,," + mid + "#",
                "label": "+49 69 3807 9883",
                "regionCode": "DE",
            },
            {
                "entryPointType": "more",
                "uri": "https://www.google.com/url?q=https://applications.zoom.us/addon/invitation/detail?meetingUuid%3D"
                + _code(seed, 22, "zu"),
            },
        ],
        "conferenceSolution": {
            "key": {"type": "addOn"},
            "name": "Zoom Meeting",
            "iconUri": "https://lh3.googleusercontent.com/pw/zoom-logo",
        },
        "conferenceId": mid,
        "parameters": {
            "addOnParameters": {
                "parameters": {
                    "scriptId": "1O_9DeEljSH2vrECr8XeFYYRxFFiowFKOivqSDz316BlBcDXrF00BXrkO",
                    "realMeetingId": mid,
                    "creatorUserId": "u" + _n(seed, 10, "cu"),
                }
            }
        },
    }


def as_html(text: str) -> str:
    """The description as Outlook stores it in Graph: HTML with one paragraph per line."""
    body = []
    for line in text.split("\n"):
        escaped = html.escape(line)
        if "<https://" in line or "<tel:" in line:
            escaped = _links(line)
        body.append(f'<div><span style="font-size:11pt">{escaped or "&nbsp;"}</span></div>')
    return (
        '<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n'
        "</head>\r\n<body>\r\n" + "\r\n".join(body) + "\r\n</body>\r\n</html>\r\n"
    )


def _links(line: str) -> str:
    """ "Join<https://…>" as Outlook's HTML has it: <a href="https://…">Join</a>."""
    out, rest = [], line
    while "<" in rest and ">" in rest:
        before, _, after = rest.partition("<")
        target, _, rest = after.partition(">")
        words = before.rsplit("|", 1)
        label = words[-1].strip() or target
        lead = (words[0] + "| ") if len(words) == 2 else ""
        out.append(html.escape(lead) + f'<a href="{html.escape(target)}">{html.escape(label)}</a>')
    out.append(html.escape(rest))
    return " ".join(out)


# --- bookings ----------------------------------------------------------------------------------


def db_ticket(
    route: str, train: str, dep: str, arr: str, coach: str, seat: str, seed: str, lang: str = "de"
) -> str:
    order = _n(seed, 12, "db")
    a, b = route.split(" → ")
    if lang == "en":
        return "\n".join(
            [
                "Your journey",
                f"{a} dep {dep} platform {_n(seed, 1, 'g1') or '7'}",
                f"{b} arr {arr} platform {_n(seed, 2, 'g2')[:1]}",
                train,
                f"Reservation: coach {coach}, seat {seat}",
                f"Order number: {order}",
                "",
                "Your ticket is in the DB Navigator app. Deutsche Bahn AG · www.bahn.com",
                "All information without guarantee.",
            ]
        )
    return "\n".join(
        [
            "Ihre Reiseverbindung",
            f"{a} ab {dep} Gl. {int(_n(seed, 1, 'g1')) + 1}",
            f"{b} an {arr} Gl. {int(_n(seed, 2, 'g2')) % 20 + 1}",
            train,
            f"Reservierung: Wg. {coach}, Pl. {seat}",
            f"Auftragsnummer: {order}",
            "",
            "Ihr Ticket finden Sie im DB Navigator. DB Fernverkehr AG · Stephensonstraße 1 · 60326 Frankfurt am Main",
            "Alle Angaben ohne Gewähr.",
        ]
    )


def sncf_ticket(
    route: str, train: str, dep: str, arr: str, coach: str, seat: str, seed: str
) -> str:
    a, b = route.split(" → ")
    return "\n".join(
        [
            "Votre voyage",
            f"Départ : {a} à {dep}",
            f"Arrivée : {b} à {arr}",
            f"{train} – Voiture {coach}, Place {seat}",
            f"Référence de dossier : {_code(seed, 6, 'sn').upper()}",
            "",
            "Retrouvez votre e-billet dans l'application SNCF Connect.",
            "SNCF Voyageurs – 9 rue Jean-Philippe Rameau, 93200 Saint-Denis",
        ]
    )


def airline(carrier: str, flight: str, dep: str, arr: str, seed: str, lang: str = "en") -> str:
    code = _code(seed, 6, "pnr").upper()
    ticket = f"220-{_n(seed, 10, 'tk')}"
    if carrier == "Lufthansa":
        footer = "Deutsche Lufthansa AG, Venloer Straße 151-153, 50672 Köln · Lufthansa Group"
    elif carrier == "Air France":
        footer = "Air France – 45 rue de Paris, 95747 Roissy CDG Cedex"
        ticket = f"057-{_n(seed, 10, 'tk')}"
    elif carrier == "Eurowings":
        footer = "Eurowings GmbH, Waldstraße 247, 40472 Düsseldorf"
        ticket = f"104-{_n(seed, 10, 'tk')}"
    else:
        footer = f"{carrier}"
    if lang == "de":
        return "\n".join(
            [
                f"Flug {flight}",
                f"Abflug: {dep}",
                f"Ankunft: {arr}",
                f"Buchungscode: {code}",
                f"Ticketnummer: {ticket}",
                "Bitte seien Sie spätestens 30 Minuten vor Abflug am Gate.",
                "",
                footer,
            ]
        )
    if lang == "fr":
        return "\n".join(
            [
                f"Vol {flight}",
                f"Départ : {dep}",
                f"Arrivée : {arr}",
                f"Référence de réservation : {code}",
                f"Numéro de billet : {ticket}",
                "Présentez-vous à la porte d'embarquement au plus tard 20 minutes avant le départ.",
                "",
                footer,
            ]
        )
    return "\n".join(
        [
            f"Flight {flight}",
            f"Departure: {dep}",
            f"Arrival: {arr}",
            f"Booking code: {code}",
            f"Ticket number: {ticket}",
            "Please be at the gate no later than 30 minutes before departure.",
            "",
            footer,
        ]
    )


def car_rental(
    vendor: str, kind: str, branch: str, when: str, other: str, seed: str, lang: str = "de"
) -> str:
    """``kind`` is pickup or return; ``other`` the return (or pick-up) branch and time."""
    number = _n(seed, 10, "car")
    legal = {
        "Sixt": "Sixt GmbH & Co. Autovermietung KG · Zugspitzstraße 1 · 82049 Pullach",
        "Europcar": "Europcar Autovermietung GmbH · Tangstedter Landstraße 81 · 22415 Hamburg",
        "Hertz": "Hertz Autovermietung GmbH · Ludwig-Erhard-Straße 12 · 65760 Eschborn",
    }.get(vendor, vendor)
    if lang == "en":
        head = "Pick-up" if kind == "pickup" else "Return"
        return "\n".join(
            [
                f"{vendor} reservation {number}",
                f"{head}: {branch}, {when}",
                f"{'Return' if kind == 'pickup' else 'Pick-up'}: {other}",
                "Vehicle: VW Golf or similar (CDMR), automatic",
                "Please bring your driving licence and the credit card used for the booking.",
                "Manage your booking: https://www.sixt.com/mybookings"
                if vendor == "Sixt"
                else f"Manage your booking: https://www.{vendor.lower()}.com",
                "",
                legal,
            ]
        )
    if lang == "fr":
        head = "Prise en charge" if kind == "pickup" else "Restitution"
        return "\n".join(
            [
                f"Réservation {vendor} n° {number}",
                f"{head} : {branch}, {when}",
                f"{'Restitution' if kind == 'pickup' else 'Prise en charge'} : {other}",
                "Véhicule : Peugeot 308 ou similaire (CDMR)",
                "Munissez-vous de votre permis de conduire et de la carte bancaire utilisée pour la réservation.",
                "",
                legal,
            ]
        )
    head = "Abholung" if kind == "pickup" else "Rückgabe"
    return "\n".join(
        [
            f"Ihre {vendor} Reservierung {number}",
            f"{head}: {branch}, {when}",
            f"{'Rückgabe' if kind == 'pickup' else 'Abholung'}: {other}",
            "Fahrzeug: BMW 3er Touring oder ähnlich (IWMR)",
            "Bitte bringen Sie Ihren Führerschein und die bei der Buchung verwendete Kreditkarte mit.",
            "Reservierung verwalten: https://www.sixt.de/mybookings"
            if vendor == "Sixt"
            else f"Reservierung verwalten: https://www.{vendor.lower()}.de",
            "",
            legal,
        ]
    )


def booking_com(
    hotel: str, address: str, checkin: str, checkout: str, seed: str, lang: str = "en"
) -> str:
    number = f"{_n(seed, 4, 'bk')}.{_n(seed, 3, 'bk2')}.{_n(seed, 3, 'bk3')}"
    pin = _n(seed, 4, "bp")
    if lang == "de":
        return "\n".join(
            [
                f"{hotel}",
                f"Buchungsnummer: {number}",
                f"PIN-Code: {pin}",
                f"Check-in: {checkin}",
                f"Check-out: {checkout}",
                f"Adresse: {address}",
                "Buchung verwalten: https://secure.booking.com/myreservations.de.html",
                "",
                "Booking.com B.V., Oosterdokskade 163, 1011 DL Amsterdam, Niederlande",
            ]
        )
    if lang == "fr":
        return "\n".join(
            [
                f"{hotel}",
                f"Numéro de confirmation : {number}",
                f"Code PIN : {pin}",
                f"Arrivée : {checkin}",
                f"Départ : {checkout}",
                f"Adresse : {address}",
                "Gérer votre réservation : https://secure.booking.com/myreservations.fr.html",
                "",
                "Booking.com B.V., Oosterdokskade 163, 1011 DL Amsterdam, Pays-Bas",
            ]
        )
    return "\n".join(
        [
            f"{hotel}",
            f"Confirmation number: {number}",
            f"PIN code: {pin}",
            f"Check-in: {checkin}",
            f"Check-out: {checkout}",
            f"Address: {address}",
            "Manage your booking: https://secure.booking.com/myreservations.en-gb.html",
            "",
            "Booking.com B.V., Oosterdokskade 163, 1011 DL Amsterdam, Netherlands",
        ]
    )


def airbnb(place: str, host: str, address: str, seed: str, lang: str = "en") -> str:
    code = "HM" + _code(seed, 8, "ab").upper()
    if lang == "de":
        return "\n".join(
            [
                f"Deine Reservierung: {place}",
                f"Gastgeber:in: {host}",
                f"Adresse: {address}",
                f"Bestätigungscode: {code}",
                "Check-in ab 15:00 · Check-out bis 11:00",
                f"Reiseplan ansehen: https://www.airbnb.de/trips/v1/{_n(seed, 9, 'at')}",
                "",
                "Airbnb Ireland UC, 8 Hanover Quay, Dublin 2, Irland",
            ]
        )
    return "\n".join(
        [
            f"Your reservation: {place}",
            f"Host: {host}",
            f"Address: {address}",
            f"Confirmation code: {code}",
            "Check-in after 3:00 PM · Checkout before 11:00 AM",
            f"View itinerary: https://www.airbnb.com/trips/v1/{_n(seed, 9, 'at')}",
            "",
            "Airbnb Ireland UC, 8 Hanover Quay, Dublin 2, Ireland",
        ]
    )


def hotel_direct(hotel: str, address: str, nights: str, seed: str, lang: str = "de") -> str:
    number = _n(seed, 8, "hd")
    if lang == "fr":
        return f"Votre réservation à l'{hotel}\n{address}\nNuits : {nights}\nNuméro de réservation : {number}\nPetit-déjeuner inclus. Annulation gratuite jusqu'à 18h la veille de l'arrivée."
    if lang == "en":
        return f"Your stay at {hotel}\n{address}\nNights: {nights}\nReservation number: {number}\nBreakfast included. Free cancellation until 6 pm the day before arrival."
    return f"Ihre Reservierung im {hotel}\n{address}\nNächte: {nights}\nReservierungsnummer: {number}\nFrühstück inklusive. Kostenfreie Stornierung bis 18 Uhr am Vortag der Anreise."


def ride(vendor: str, pickup: str, dropoff: str, seed: str, lang: str = "en") -> str:
    if lang == "de":
        return "\n".join(
            [
                f"Deine {vendor}-Fahrt",
                f"Abholung: {pickup}",
                f"Ziel: {dropoff}",
                f"Fahrt-ID: {_code(seed, 10, 'rd')}",
                f"Der Fahrer / die Fahrerin wird kurz vor der Abholung in der {vendor}-App angezeigt.",
            ]
        )
    if lang == "fr":
        return f"Votre course {vendor}\nPrise en charge : {pickup}\nDestination : {dropoff}\nRéférence : {_code(seed, 10, 'rd')}"
    return "\n".join(
        [
            f"Your {vendor} trip",
            f"Pickup: {pickup}",
            f"Drop-off: {dropoff}",
            f"Trip ID: {_code(seed, 10, 'rd')}",
            f"Your driver's details will appear in the {vendor} app shortly before pickup.",
        ]
    )


# --- scheduling tools and mail footers ---------------------------------------------------------


def calendly(event_name: str, invitee: str, location: str, seed: str, answers: str = "") -> str:
    lines = [
        f"Event Name: {event_name}",
        "",
        f"Location: {location}",
        "",
        f"Invitee: {invitee}",
    ]
    if answers:
        lines += ["", "Questions:", answers]
    lines += [
        "",
        "Need to make changes to this event?",
        f"Cancel: https://calendly.com/cancellations/{_code(seed, 24, 'cc').lower()}",
        f"Reschedule: https://calendly.com/reschedulings/{_code(seed, 24, 'cr').lower()}",
        "",
        "Powered by Calendly.com",
    ]
    return "\n".join(lines)


def ms_bookings(service: str, staff: str, business: str, lang: str = "de") -> str:
    if lang == "de":
        return f"Dienstleistung: {service}\nMitarbeiter:in: {staff}\n\n{business}\nSie können diesen Termin über Microsoft Bookings ändern oder stornieren."
    return f"Service: {service}\nStaff: {staff}\n\n{business}\nYou can reschedule or cancel this appointment with Microsoft Bookings."


DISCLAIMER_DE = (
    "--\nNordlicht Logistik GmbH · Am Sandtorkai 54 · 20457 Hamburg\n"
    "Geschäftsführer: Dr. Henrik Lassen · Amtsgericht Hamburg HRB 123456\n"
    "Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind, "
    "informieren Sie bitte sofort den Absender und vernichten Sie diese Mail. Das unerlaubte "
    "Kopieren sowie die unbefugte Weitergabe dieser Mail ist nicht gestattet. Diese E-Mail "
    "begründet keinen Vertragsabschluss."
)
DISCLAIMER_EN = (
    "--\nNorthwind Traders Ltd · 12 Finsbury Square · London EC2A 1AS\n"
    "Registered in England and Wales No. 04512398\n"
    "This message and any attachments are confidential and may be privileged. Nothing in this "
    "e-mail constitutes a contract or an offer capable of acceptance unless expressly stated. "
    "Please visit our website for our privacy notice: https://www.northwind.example/privacy"
)
DISCLAIMER_FR = (
    "--\nAtelier Lumière SAS · 18 rue de la République · 69002 Lyon\n"
    "RCS Lyon 812 345 678 · Capital social 50 000 €\n"
    "Ce message et ses pièces jointes sont confidentiels et établis à l'attention exclusive de "
    "leurs destinataires. Ce courriel ne constitue pas une offre ni un engagement contractuel."
)
