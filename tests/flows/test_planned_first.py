"""The week as a new user's calendar shows it: an introductory call with a new contact on
Tuesday and a lunch with the same person on Thursday, both still ahead. The call is the first
contact; the lunch follows it (it read "first contact: no earlier meeting with …")."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.own import calendar_config, fix_now

ME = "katrin@mycorp.example"
NOW = datetime(2026, 12, 7, 8, tzinfo=UTC)  # Monday
OUTLOOK_CALL = (
    "BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E008000000001@outlook\r\n"
    "DTSTAMP:20261101T000000Z\r\nSUMMARY:Kennenlernen Nordwind\r\n"
    "DTSTART;TZID=W. Europe Standard Time:20261208T100000\r\n"
    "DTEND;TZID=W. Europe Standard Time:20261208T103000\r\n"
    "LOCATION:Microsoft Teams-Besprechung\r\n"
    "X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/19%3a1\r\n"
    f"ORGANIZER;CN=Katrin Vogel:mailto:{ME}\r\n"
    "ATTENDEE;CN=Lena Hartmann;PARTSTAT=ACCEPTED:mailto:lena.hartmann@nordwind.example\r\n"
    "END:VEVENT\r\n"
)
GOOGLE_CALL = (
    "BEGIN:VEVENT\r\nUID:7kq2h1c9p0@google.com\r\nDTSTAMP:20261101T000000Z\r\n"
    "SUMMARY:Abstimmung\r\n"
    "DTSTART:20261208T090000Z\r\nDTEND:20261208T093000Z\r\n"
    "DESCRIPTION:Join with Google Meet: https://meet.google.com/abc-defg-hij\r\n"
    f"ORGANIZER;CN=Katrin Vogel:mailto:{ME}\r\n"
    "ATTENDEE;CN=Lena Hartmann;PARTSTAT=ACCEPTED:mailto:lena.hartmann@nordwind.example\r\n"
    "END:VEVENT\r\n"
)
LUNCH = (
    "BEGIN:VEVENT\r\nUID:lunch@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "SUMMARY:Mittagessen mit Lena Hartmann\r\n"
    "LOCATION:Café Paris\\, Rathausstraße 4\\, 20095 Hamburg\r\n"
    "DTSTART;TZID=Europe/Berlin:20261210T123000\r\nDTEND;TZID=Europe/Berlin:20261210T140000\r\n"
    f"ORGANIZER;CN=Katrin Vogel:mailto:{ME}\r\n"
    "ATTENDEE;CN=Lena Hartmann;PARTSTAT=ACCEPTED:mailto:lena.hartmann@nordwind.example\r\n"
    "END:VEVENT\r\n"
)


def _week(tmp_path, monkeypatch, events: str, *extra: str) -> dict[str, dict]:
    fix_now(monkeypatch, NOW)
    config = calendar_config(tmp_path, events, email=ME, home="Hamburg", domains=["mycorp.example"])
    args = ["week", "--config", str(config), "--format", "json", *extra]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return {e["uid"]: e for e in json.loads(result.stdout)["events"]}


@pytest.mark.parametrize(("call", "uid", "title"), [
    (OUTLOOK_CALL, "040000008200E00074C5B7101A82E008000000001@outlook", "Kennenlernen Nordwind"),
    (GOOGLE_CALL, "7kq2h1c9p0@google.com", "Abstimmung"),
], ids=["outlook-teams", "google-meet"])  # fmt: skip
def test_the_call_is_the_first_contact_and_the_lunch_follows_it(
    tmp_path, monkeypatch, call, uid, title
):
    events = _week(tmp_path, monkeypatch, call + LUNCH)
    assert events[uid]["purpose"] == "first_contact"
    lunch = events["lunch@t"]
    assert lunch["purpose"] == "other"
    assert lunch["purpose_evidence"] == [
        f"'{title}' with Lena Hartmann (nordwind.example) comes before it, on Tue 8 Dec"
    ]
    german = _week(tmp_path, monkeypatch, call + LUNCH, "--lang", "de")["lunch@t"]
    assert german["purpose_evidence"] == [
        f"„{title}“ mit Lena Hartmann (nordwind.example) findet vorher statt, am Di. 8. Dez."
    ]


def test_alone_the_lunch_is_still_the_first_contact(tmp_path, monkeypatch):
    lunch = _week(tmp_path, monkeypatch, LUNCH)["lunch@t"]
    assert lunch["purpose"] == "first_contact"
    assert lunch["purpose_evidence"][0].startswith("no earlier meeting with Lena Hartmann")


def _dinner(*people: str) -> str:
    attendees = "".join(f"ATTENDEE;CN={name};PARTSTAT=ACCEPTED:mailto:{email}\r\n"
                        for name, email in people)  # fmt: skip
    return (
        "BEGIN:VEVENT\r\nUID:dinner@t\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:Abendessen\r\n"
        "LOCATION:Café Paris\\, Rathausstraße 4\\, 20095 Hamburg\r\n"
        "DTSTART;TZID=Europe/Berlin:20261211T190000\r\nDTEND;TZID=Europe/Berlin:20261211T210000\r\n"
        f"ORGANIZER;CN=Katrin Vogel:mailto:{ME}\r\n{attendees}END:VEVENT\r\n"
    )


def test_the_sentence_names_who_is_in_the_earlier_meeting_not_everyone(tmp_path, monkeypatch):
    """A colleague of hers at the lunch, a newcomer of another firm at the dinner: the
    sentence names Lena, who is in the call, not those who are not (it named David Roth for
    Clara Vogt's call, and everyone at a dinner for the call with one of them)."""
    jan = ("Jan Becker", "jan.becker@nordwind.example")
    lena = ("Lena Hartmann", "lena.hartmann@nordwind.example")
    tom = ("Tom Brandt", "tom@brandt-it.example")
    dinner = _dinner(jan, tom)
    events = _week(tmp_path, monkeypatch, OUTLOOK_CALL + dinner)
    (evidence,) = events["dinner@t"]["purpose_evidence"]
    assert evidence.startswith("'Kennenlernen Nordwind' with Lena Hartmann (nordwind.example)")
    assert "Jan Becker" not in evidence and "Tom Brandt" not in evidence
    assert lena[1] in OUTLOOK_CALL
