"""What goes to others keeps the user's private things to the user (QA report h, #2, #3, #6):
a user whose ``[user] home`` is a street address, a private deal signing on Teams with internal
notes, and a first meeting with someone of an IDN domain no organisation name is known for.
Proposals, the feed, an invitation sent through a real SMTP server on loopback and an offer
(its mail and its page) are read as the counterpart or a subscriber would.

Bugs: the area of a proposal near home was the street address ("Schweizer Straße 12, 60594
Frankfurt am Main (the venue follows)" went to a counterpart and into the feed); the feed said
"Björn Ölmann (lümann-gruppe.example)" (the scrub knew the domain only as
``xn--lmann-gruppe-dlb.example``); an invitation from a proposal for a private meeting resent its
notes and old Teams link, kept "(Teams)" in its title and was CLASS:PUBLIC."""

from __future__ import annotations

import email
import email.policy
import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.assist.scenario import first_day
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)

ME = "markus.weber@weber-advisory.example"
MUELLER = "juergen.mueller@mueller-bau.example"
BJOERN = "bjoern@xn--lmann-gruppe-dlb.example"
GROSS = "gross@kanzlei-gross.example"
HOME = "Schweizer Straße 12, 60594 Frankfurt am Main"
STREET = ("Schweizer", "60594")
DOMAINS = ("mueller-bau.example", "xn--lmann-gruppe-dlb.example", "lümann-gruppe.example",
           "kanzlei-gross.example")  # fmt: skip
NAMES = {ME: "Markus Weber", MUELLER: "Jürgen Müller", BJOERN: "Björn Ölmann",
         GROSS: "Anwalt Dr. Groß"}  # fmt: skip
NOTES = ("Preis intern", "Nicht weitergeben", "SECRETJOIN", "teams.microsoft.com")


def _event(uid: str, title: str, day: date, hour: int, organizer: str, people: list[str],
           extra: list[str]) -> list[str]:  # fmt: skip
    begin = datetime.combine(day, time(hour))
    return [
        "BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20260101T000000Z",
        f"DTSTART;TZID=Europe/Berlin:{begin:%Y%m%dT%H%M%S}",
        f"DTEND;TZID=Europe/Berlin:{begin + timedelta(hours=1):%Y%m%dT%H%M%S}",
        f"SUMMARY:{title}", f"ORGANIZER:mailto:{organizer}",
        *(f"ATTENDEE;CN={NAMES[p]};PARTSTAT=ACCEPTED:mailto:{p}" for p in people), *extra,
        "END:VEVENT",
    ]  # fmt: skip


@pytest.fixture
def user(isolated_home, run_server):  # noqa: F811
    inbox = Inbox()
    port = run_server(inbox)
    day = first_day()
    deal = _event("deal@t", "Vertragsunterzeichnung Müller Bau (Teams)", day, 11, ME,
                  [ME, MUELLER], ["CLASS:PRIVATE", "LOCATION:Microsoft Teams-Besprechung",
                  "DESCRIPTION:Preis intern: 1\\,2 Mio EUR. Nicht weitergeben. Teams: "
                  "https://teams.microsoft.com/l/meetup-join/SECRETJOIN"])  # fmt: skip
    intro = _event("intro@t", "Erstgespräch Übernahme", day, 15, BJOERN,
                   [ME, BJOERN, GROSS], ["LOCATION:Zoom"])  # fmt: skip
    ics = isolated_home / "work.ics"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", *deal, *intro]
    ics.write_text("\r\n".join([*lines, "END:VCALENDAR", ""]), encoding="utf-8")
    hours = "\n".join(f'{d} = "07:00-21:00"' for d in (
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))  # fmt: skip
    config = Path(isolated_home / "config" / "config.toml")
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(
        f'[user]\nname = "Markus Weber"\nemail = "{ME}"\ntimezone = "Europe/Berlin"\n'
        f'home = "{HOME}"\ndomains = ["weber-advisory.example"]\n[working_hours]\n{hours}\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
        f'[[calendars]]\nname = "work"\nprovider = "ics"\npath = "{ics}"\n',
        encoding="utf-8",
    )
    week = day.isocalendar()
    return inbox, f"{week.year}-W{week.week:02d}", isolated_home


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _text(raw: bytes) -> str:
    """A mail's parts decoded, unfolded where iCalendar folds."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    parts = [p.get_content() for p in message.walk() if not p.is_multipart()]
    return "\n".join(p if isinstance(p, str) else p.decode() for p in parts).replace("\r\n ", "")


def _no_street(text: str) -> None:
    assert not [s for s in STREET if s in text], text


def test_the_area_near_home_is_its_town_in_proposals_the_feed_and_an_offer(user):
    inbox, week, home = user
    plan = json.loads(run("week", "--week", week, "--format", "json"))
    proposals = [p for e in plan["events"] for p in e.get("proposals", [])]
    assert proposals and {p["venue"]["name"] for p in proposals} == {"Frankfurt am Main"}
    _no_street(json.dumps(proposals, ensure_ascii=False))
    feed = home / "feed.ics"
    run("feed", "--week", week, "--out", str(feed))
    _no_street(feed.read_text(encoding="utf-8").replace("\r\n ", ""))
    run("offer", "--with", "Sam Doe <sam@nowhere.example>", "--count", "2", "--send")
    (offer,) = inbox.messages
    text = _text(offer[1])
    assert "Frankfurt am Main" in text
    _no_street(text)
    page = home / "offer.html"
    run("offer", "--with", "Kim Roe <kim@elsewhere.example>", "--out", str(page))
    _no_street(page.read_text(encoding="utf-8"))


def test_the_feed_names_nobodys_domain_in_any_spelling(user):
    inbox, week, home = user
    feed = home / "feed.ics"
    run("feed", "--week", week, "--out", str(feed))
    cal = icalendar.Calendar.from_ical(feed.read_bytes())
    texts = [str(e.get(k, "")) for e in cal.walk("VEVENT") for k in ("DESCRIPTION", "SUMMARY")]
    texts += [str(a["DESCRIPTION"]) for a in cal.walk("VALARM")]
    said = "\n".join(texts)
    # the people are named, without their domains
    assert "First meeting with Anwalt Dr. Groß, Björn Ölmann is planned as a video call" in said
    assert not [d for d in DOMAINS if d in said.lower()], said


def test_an_invitation_for_a_private_meeting_is_private_and_carries_none_of_its_notes(user):
    inbox, week, home = user
    plan = json.loads(run("week", "--week", week, "--format", "json"))
    deal = next(e for e in plan["events"] if e["uid"] == "deal@t")
    ident = deal["proposals"][0]["id"]
    run("invite", "--proposal", ident, "--agenda", "Unterschrift, Übergabe", "--send")
    ((recipients, raw, _tls),) = inbox.messages
    assert recipients == [MUELLER]
    text = _text(raw)
    assert not [n for n in NOTES if n in text], text
    assert "Unterschrift, Übergabe" in text  # the user's --agenda goes
    _no_street(text)
    message = email.message_from_bytes(raw, policy=email.policy.default)
    (ics,) = [p.get_content() for p in message.walk() if p.get_content_type() == "text/calendar"]
    (event,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["CLASS"]) == "PRIVATE"
    assert str(event["SUMMARY"]) == "Vertragsunterzeichnung Müller Bau"
    assert str(event["LOCATION"]) == "Frankfurt am Main (the venue follows)"
