"""The week's totals and its balance read external business time the same way: the share the
totals show is the balance's (QA i: an investors' breakfast sent by a club's mailer counted in
the balance, 57 %, but not in the totals, 48 %)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from planner.flows.plan import PlannedEvent, balance_items, week_stats
from planner.judge.recommend import external_minutes
from planner.model import Attendee, Classification, Confidence, Event, Mode, Purpose, PurposeResult

BERLIN = ZoneInfo("Europe/Berlin")
ME = Attendee("me@mycorp.example", "Me")


def _item(title: str, hour: int, mode: Mode, purpose: Purpose, *, external: bool, people=()):
    event = Event(
        f"{title}@t", title, datetime(2026, 12, 8, hour, tzinfo=BERLIN),
        datetime(2026, 12, 8, hour + 1, tzinfo=BERLIN), organizer=ME, attendees=(ME, *people),
    )  # fmt: skip
    found = Classification(mode, ("test",), Confidence.HIGH)
    return PlannedEvent(event, found, True, external, PurposeResult(purpose))


def test_the_totals_share_is_the_balances(plan):
    """The demo week: one share, whichever view shows it."""
    stats = week_stats(plan.items)
    assert plan.balance.in_person_share == stats.in_person_share
    assert (stats.external_in_person_minutes, stats.external_minutes) == external_minutes(
        balance_items(plan.items)
    )


def test_a_gathering_nobody_was_invited_to_counts_a_private_dinner_does_not():
    client = Attendee("lena@hafen.example", "Lena")
    items = [
        _item("Call Lena", 9, Mode.VIRTUAL, Purpose.FIRST_CONTACT, external=True, people=(client,)),
        # sent by the club's mailer: no person invited, a networking breakfast all the same
        _item("Investors' Breakfast Business Club", 11, Mode.IN_PERSON, Purpose.NETWORKING,
              external=False),
        _item("Dinner with friends", 19, Mode.IN_PERSON, Purpose.PERSONAL, external=True,
              people=(Attendee("anna@gmail.com", "Anna"),)),
    ]  # fmt: skip
    stats = week_stats(items)
    assert (stats.external_in_person_minutes, stats.external_minutes) == (60, 120)
    assert stats.in_person_share == 0.5
