# ruff: noqa: E501 (a table of cases reads best one per line)
"""Issue 28: a place in a short useful form (a link by its service, an address by its venue)
and never a conference password or token, for every vendor's link and address style."""

from __future__ import annotations

import pytest

from planner.render.places import service, short_place, shown_place, without_secrets

LINKS = [
    ("https://us06web.zoom.us/j/89412345678?pwd=aBcDeFgH12345.1", "Zoom", "aBcDeFgH12345"),
    ("https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0?context=%7b%7d"
     "&tk=Secret0815", "Microsoft Teams", "Secret0815"),
    ("https://meet.google.com/abc-defg-hij?authuser=0&token=GoogTok", "Google Meet", "GoogTok"),
    ("https://acme.webex.com/acme/j.php?MTID=m0123&pwd=WebexGeheim", "Webex", "WebexGeheim"),
    ("https://meet.goto.com/123456789?passcode=g0t0", "GoTo Meeting", "g0t0"),
    ("https://meet.jit.si/PlannerRaum#config.password=jitsi42", "Jitsi", "jitsi42"),
    ("https://visio-agents.education.fr/meeting/signin/1234?code=visio99", "Visio", "visio99"),
    ("https://calendar.example.org/join/77?sig=abc123def", "calendar.example.org", "abc123def"),
]  # fmt: skip


@pytest.mark.parametrize(("link", "name", "secret"), LINKS)
def test_a_link_is_shown_by_its_service_and_keeps_no_secret(link, name, secret):
    assert service(link) == name
    assert short_place(link) == name
    assert shown_place(link) == name
    assert secret not in without_secrets(f"Join: {link}")
    assert without_secrets(link).split("?")[0] == link.split("?")[0].split("#")[0]


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Zoom-Meeting beitreten, Kenncode: 4711-0815", "4711-0815"),
        ("Meeting ID: 312 456 789 Passcode: Xy7!q", "Xy7!q"),
        ("Passwort: geheim123", "geheim123"),
        ("Code secret : 907712", "907712"),
        ("Mot de passe : Lumiere2026", "Lumiere2026"),
        ("Conference PIN: 553311#", "553311#"),
    ],
)
def test_a_password_in_words_is_masked_in_every_language(text, secret):
    masked = without_secrets(text)
    assert secret not in masked and "…" in masked
    assert secret not in short_place(text) and secret not in shown_place(text)


@pytest.mark.parametrize(
    ("location", "short"),
    [
        ("Restaurant Spatenhaus, Residenzstraße 12, 80333 München", "Restaurant Spatenhaus"),
        ("Lichtenbergstraße 8, 85748 Garching bei München", "Lichtenbergstraße 8, Garching bei München"),
        ("250 GATEWAY BLVD, South San Francisco, CA, 94080", "250 GATEWAY BLVD, South San Francisco"),
        ("Salle Formation (4e), 12 rue de Rivoli, 75004 Paris", "Salle Formation (4e)"),
        ("Phoenix Art Museum (1625 N Central Ave, Phoenix, AZ 85004)", "Phoenix Art Museum"),
        ("Microsoft Teams-Besprechung", "Microsoft Teams"),
        ("Zoom Meeting", "Zoom"),
        ("Konferenzraum Isar; https://teams.microsoft.com/l/x", "Konferenzraum Isar · Microsoft Teams"),
        ("Tel. +49 89 2345 6789", "Tel. +49 89 2345 6789"),
        ("Hotel Atlantic Kempinski\nAn der Alster 72-79\n20099 Hamburg", "Hotel Atlantic Kempinski"),
        ("", ""),
    ],
)  # fmt: skip
def test_a_column_shows_the_venue_not_the_address(location, short):
    assert short_place(location) == short


def test_the_page_keeps_the_address_and_names_the_service():
    assert shown_place("Café Luitpold\nBrienner Str. 11\n80333 München") == (
        "Café Luitpold, Brienner Str. 11, 80333 München"
    )
    assert shown_place("Raum 4; https://us06web.zoom.us/j/1?pwd=x") == "Raum 4; Zoom"


ZOOM = "https://us06web.zoom.us/j/89412345678?pwd=aBcDeFgH12345.1"
TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0?tk=Secret0815"
MEET = "https://meet.google.com/abc-defg-hij"
WEBEX = "https://acme.webex.com/acme/j.php?MTID=m0123&pwd=WebexGeheim"
NAMED_BESIDE_ITS_LINK = [  # location, the page and Markdown (shown), the column (short)
    (f"Zoom {ZOOM}", "Zoom", "Zoom"),
    (f"Zoom: {ZOOM}", "Zoom", "Zoom"),
    (f"Zoom ({ZOOM})", "Zoom", "Zoom"),
    (f"{ZOOM} (Zoom)", "Zoom", "Zoom"),
    (f"Zoom\n{ZOOM}", "Zoom", "Zoom"),
    (f"Zoom Meeting {ZOOM}", "Zoom Meeting", "Zoom"),
    (f"Microsoft Teams {TEAMS}", "Microsoft Teams", "Microsoft Teams"),
    (f"Microsoft Teams-Besprechung\n{TEAMS}", "Microsoft Teams-Besprechung", "Microsoft Teams"),
    (f"Teams: {TEAMS}", "Teams", "Microsoft Teams"),
    (f"Google Meet {MEET}", "Google Meet", "Google Meet"),
    (f"Google Meet: {MEET}", "Google Meet", "Google Meet"),
    (f"Webex {WEBEX}", "Webex", "Webex"),
    (f"Webex-Meeting: {WEBEX}", "Webex-Meeting", "Webex"),
    (f"Zoom {ZOOM} or Teams {TEAMS}", "Zoom or Teams", "Zoom or Teams"),
    (f"Büro 4.12, {ZOOM}", "Büro 4.12, Zoom", "Büro 4.12 · Zoom"),
    (f"Online ({MEET})", "Online (Google Meet)", "online · Google Meet"),
]  # fmt: skip


@pytest.mark.parametrize(("location", "shown", "short"), NAMED_BESIDE_ITS_LINK)
def test_a_service_named_beside_its_link_is_said_once(location, shown, short):
    """QA report E, finding 9: the mail's text part and the Markdown showed "Zoom Zoom" for
    LOCATION:Zoom https://zoom.us/j/… (the link by its service after the word naming it)."""
    assert shown_place(location) == shown
    assert short_place(location) == short
