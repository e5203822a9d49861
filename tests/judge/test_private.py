"""A private occasion with friends is personal, not a first contact, and no external business
time (planner.judge.private): QA a's Saturday "Dinner mit Jens & Katrin" from the user's
private iCloud address counted as a first contact in person and lifted the share to 72 %."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from planner.flows.plan import PlannedEvent, week_stats
from planner.judge.purpose import determine_purpose
from planner.model import Attendee, Classification, Event, Mode, Purpose
from tests.judge.test_relations import TZ, build, config_for

ME = "me@mycorp.example"
PRIVATE = "me.private@icloud.com"
SATURDAY = datetime(2026, 12, 12, 19, 30, tzinfo=TZ)
TUESDAY = datetime(2026, 12, 8, 19, 30, tzinfo=TZ)


def _config():
    return config_for(user={"other_emails": [PRIVATE]})


def _event(title: str, start: datetime, organizer: str, *guests: str) -> Event:
    return Event(
        uid=title, title=title, start=start, end=start + timedelta(hours=3),
        location="Lohninger, Schweizer Straße 1, Frankfurt",
        organizer=Attendee(organizer), attendees=tuple(Attendee(g) for g in guests),
    )  # fmt: skip


def _purpose(event: Event) -> Purpose:
    config = _config()
    return determine_purpose(event, build([], config=config), config, Mode.IN_PERSON).purpose


@pytest.mark.parametrize(
    "event",
    [
        # Apple private calendar: organised from the private address, German title
        _event("Dinner mit Jens & Katrin", SATURDAY, PRIVATE, "jens@web.de", PRIVATE),
        # from the private address on a weekday evening, English
        _event("Catching up with Sam", TUESDAY, PRIVATE, "sam@gmail.com"),
        # the work address, but a weekend's birthday / BBQ with friends
        _event("Geburtstag Oma Hilde", SATURDAY - timedelta(hours=5), ME, "hilde@t-online.de"),
        _event("BBQ at Tom's", SATURDAY + timedelta(days=1), ME, "tom@outlook.com"),
        _event("Anniversaire de Léa", SATURDAY, ME, "lea@orange.fr"),
    ],
    ids=["de-apple-private", "en-private-evening", "de-birthday", "en-bbq", "fr-birthday"],
)
def test_a_private_occasion_is_personal(event):
    assert _purpose(event) is Purpose.PERSONAL


@pytest.mark.parametrize(
    ("event", "purpose"),
    [
        # a business dinner on a weekday, from the work address, with a founder's gmail
        (_event("Dinner mit Tom Hayes", TUESDAY, ME, "tom.hayes@gmail.com"),
         Purpose.FIRST_CONTACT),
        # a weekend dinner with a company's people is business
        (_event("Dinner mit Acme", SATURDAY, PRIVATE, "bob@acme.example"),
         Purpose.FIRST_CONTACT),
        # the words say business: "Kennenlernen"
        (_event("Kennenlernen Abendessen", SATURDAY, PRIVATE, "sam@gmail.com"),
         Purpose.FIRST_CONTACT),
    ],
    ids=["weekday-business-dinner", "company-counterpart", "first-contact-words"],
)  # fmt: skip
def test_business_stays_business(event, purpose):
    assert _purpose(event) is purpose


def test_the_address_one_works_from_is_never_private():
    """A freelancer who works from a gmail, or a config with no [user] domains: a weekday
    evening's dinner with a founder's gmail, organised from [user] email, is business."""
    for user in ({"email": "anna.berger@gmail.com"}, {"email": ME, "domains": []}):
        config = config_for(user=user)
        dinner = _event("Dinner mit Tom Hayes", TUESDAY, user["email"], "tom.hayes@gmail.com")
        found = determine_purpose(dinner, build([], config=config), config, Mode.IN_PERSON)
        assert found.purpose is Purpose.FIRST_CONTACT, (user, found)


def test_a_personal_meeting_is_no_external_business_time():
    config = _config()
    ledger = build([], config=config)
    dinner = _event("Dinner mit Jens & Katrin", SATURDAY, PRIVATE, "jens@web.de")
    lunch = _event("Lunch Acme", TUESDAY - timedelta(hours=7), ME, "bob@acme.example")
    items = [
        PlannedEvent(
            event,
            Classification(Mode.IN_PERSON),
            meeting=True,
            external=True,
            purpose=determine_purpose(event, ledger, config, Mode.IN_PERSON),
        )  # fmt: skip
        for event in (dinner, lunch)
    ]
    stats = week_stats(items)
    assert stats.external_minutes == 180 == stats.external_in_person_minutes
    assert stats.meetings == 2
