"""Who counts as a person, which events are meetings with people, and what makes a gathering."""

from __future__ import annotations

import pytest

from planner.flows.plan import is_meeting
from planner.judge.mode import classify
from planner.judge.relations import Ledger
from planner.model import Attendee, is_person_address
from planner.store import Store
from tests.data.judged_events import ME_EMAIL, OWN_DOMAIN, ev
from tests.judge.test_relations import config_for


def config():
    return config_for(user={"email": ME_EMAIL, "domains": [OWN_DOMAIN]})


@pytest.mark.parametrize(
    "address",
    [
        "j68lhv614hbv3u4ttbrs6glhpg@group.calendar.google.com",
        "de.german#holiday@group.v.calendar.google.com",
        "c_1888ab3@resource.calendar.google.com",
        "unknownorganizer@calendar.google.com",
        "team@googlegroups.com",
        "noreply@tripit.com",
        "no-reply@calendly.com",
        "calendar-notification@google.com",
        "all-staff@lists.northwind.example",
        "room-berlin-3og@northwind.example",
        "dl-sales@northwind.example",
    ],
)
def test_calendars_rooms_lists_and_systems_are_no_people(address):
    assert not is_person_address(address)
    event = ev("Routine meeting", organizer=Attendee(address), people=(Attendee(address),))
    assert [p.email for p in event.people()] == [ME_EMAIL]  # only the user
    assert not is_meeting(event, classify(event), config())


@pytest.mark.parametrize(
    "address", ["anna@berger-consulting.example", "allan@x.example", "roomie@gmail.com"]
)
def test_people_stay_people(address):
    assert is_person_address(address)


@pytest.mark.parametrize(
    ("title", "location", "purpose"),
    [
        ("Termin Stand B2", "Messe München, Am Messesee 2", "networking"),
        ("Telefonkonferenz Vertrieb", "", "first_contact"),
        ("Conference call Q4", "", "first_contact"),
        ("Abstimmung", "Konferenzraum Isar", "first_contact"),
        ("Kaffee", "Impact Hub München", "first_contact"),
    ],
)
def test_fair_venues_make_networking_but_calls_and_rooms_do_not(title, location, purpose):
    from planner.judge.purpose import determine_purpose
    from tests.data.judged_events import ANNA, ev

    cfg = config()
    event = ev(title, location, people=(ANNA,))
    assert determine_purpose(event, Ledger.open(Store(":memory:"), cfg), cfg).purpose == purpose


def test_only_meetings_with_someone_named_count_in_the_balance():
    from datetime import date, datetime

    from planner.flows.weekly import build_plan
    from planner.judge.people import in_balance
    from tests.data.judged_events import START, TZ

    standup = ev("Sprint Daily Standup")  # a meeting, but with whom?
    lunch = ev("Lunch mit Dr. Weber", "Spatenhaus an der Oper", start=START.replace(hour=12))
    tv = ev("TV Room", start=START.replace(hour=19), hours=4)
    cfg = config()
    assert [is_meeting(e, classify(e), cfg) for e in (standup, lunch, tv)] == [True, True, False]
    assert [in_balance(e) for e in (standup, lunch)] == [False, True]
    plan = build_plan(
        [standup, lunch, tv],
        cfg,
        date(2026, 12, 7),
        now=datetime(2026, 12, 7, 7, tzinfo=TZ),
        ledger=Ledger.open(Store(":memory:"), cfg),
    )
    assert plan.balance is not None
    assert (plan.balance.in_person_minutes, plan.balance.external_minutes) == (60, 60)
