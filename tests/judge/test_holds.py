"""Time held for a meeting that other people are already invited to ("Hold: Vertragsunterzeichnung
…", "Placeholder – intro with …", "Bloqué : …") is that meeting, judged by its place, tool or
link; the same words alone are a blocker, and an absence sent to the team stays an absence.

Bug (found by trying the product): "Hold: Vertragsunterzeichnung Rheinland Bau" on Zoom with the
client invited was "personal blocker 'Hold: …'", mode unknown, so a deal closing planned on
video was never flagged for the table."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from planner.config.loader import default_config
from planner.judge.directory import Directory
from planner.judge.mode import classify
from planner.judge.purpose import determine_purpose
from planner.judge.recommend import recommend
from planner.judge.relations import Ledger
from planner.model import Action, Attendee, Event, Mode, Purpose
from tests.data.judged_events import TZ

ME = Attendee("me@mycorp.example", "Me")
COLLEAGUE = Attendee("ina@mycorp.example", "Ina")
CLIENT = Attendee("petra.klein@rheinland-bau.example", "Petra Klein")
CONFIG = default_config(user={"email": ME.email, "domains": ["mycorp.example"]})


def event(title: str, *others: Attendee, location: str = "", all_day: bool = False) -> Event:
    start = datetime(2026, 12, 11, 0 if all_day else 10, tzinfo=TZ)
    return Event(
        uid=f"{abs(hash((title, others)))}@planner.test",
        title=title,
        start=start,
        end=start + (timedelta(days=1) if all_day else timedelta(hours=1)),
        all_day=all_day,
        location=location,
        organizer=ME if others else None,
        attendees=others,
    )


pytestmark = pytest.mark.usefixtures("forgotten")


@pytest.mark.parametrize(
    ("title", "location"),
    [
        ("Hold: Vertragsunterzeichnung Rheinland Bau", "Zoom"),
        ("HOLD – contract signing with Rheinland Bau", "Microsoft Teams Meeting"),
        ("Placeholder: signing Rheinland Bau", "Webex"),
        ("Platzhalter Vertragsverhandlung", "Zoom"),
        ("Blocker – Vertragsunterzeichnung", "Google Meet"),
        ("Bloqué : signature du contrat", "Zoom"),
    ],
)
def test_a_hold_with_the_client_invited_is_the_meeting_it_holds(title, location):
    held = event(title, CLIENT, location=location)
    found = classify(held)
    assert found.mode is Mode.VIRTUAL, found
    assert not any("blocker" in line for line in found.evidence)
    ledger = Ledger(Directory(CONFIG))
    purpose = determine_purpose(held, ledger, CONFIG, found.mode)
    assert purpose.purpose is Purpose.DEAL_CLOSING
    advice = recommend(held, found.mode, purpose, ledger, CONFIG)
    assert advice is not None and advice.action is Action.MEET_IN_PERSON


@pytest.mark.parametrize("title", ["Hold", "Placeholder", "Platzhalter", "Blocker", "Bloqué"])
def test_the_same_words_alone_are_a_blocker(title):
    found = classify(event(title, location="Zoom"))
    assert found.mode is Mode.UNKNOWN


@pytest.mark.parametrize("title", ["Urlaub", "Out of office", "Krank", "Congés", "Sick leave"])
def test_an_absence_sent_to_the_team_stays_an_absence(title):
    absence = event(title, COLLEAGUE, all_day=True)
    found = classify(absence)
    assert found.mode is Mode.UNKNOWN
    purpose = determine_purpose(absence, Ledger(Directory(CONFIG)), CONFIG, found.mode)
    assert purpose.purpose is Purpose.PERSONAL, purpose
