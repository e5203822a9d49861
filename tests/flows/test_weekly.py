"""The week's judgement put together (planner.flows.weekly): proposals respect the counterparts'
busy time, never repeat a slot, and meals are never sent to video."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.config import default_config
from planner.flows.plan import costs_travel
from planner.flows.weekly import build_plan
from planner.judge.relations import Ledger
from planner.meet.venues import demo_catalog
from planner.model import Action, Attendee, Event, Interval, Mode, Response
from planner.store import Store

TZ = ZoneInfo("Europe/Berlin")
ME = "anna@berger-consulting.example"
MONDAY = date(2026, 12, 7)
NOW = datetime.combine(MONDAY, time(7), tzinfo=TZ)


def config():
    return default_config(
        user={
            "email": ME,
            "timezone": "Europe/Berlin",
            "home": "München",
            "domains": ["berger-consulting.example"],
        },
    )


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(MONDAY + timedelta(days=day), time(hour, minute), tzinfo=TZ)


def meeting(
    uid: str,
    day: int,
    hour: int,
    title: str,
    who: str,
    location: str,
    minutes: int = 60,
    start_offset_days: int = 0,
) -> Event:
    start = at(day, hour) + timedelta(days=start_offset_days)
    return Event(
        uid=uid,
        title=title,
        start=start,
        end=start + timedelta(minutes=minutes),
        location=location,
        organizer=Attendee(ME, "Anna", Response.ACCEPTED),
        attendees=(Attendee(ME, "Anna", Response.ACCEPTED), Attendee(who, "", Response.ACCEPTED)),
    )


def plan(events, free_busy=None):
    ledger = Ledger.open(Store(":memory:"), config())
    return build_plan(
        events,
        config(),
        MONDAY,
        now=NOW,
        ledger=ledger,
        catalog=demo_catalog(TZ),
        free_busy=free_busy,
    )


def test_proposals_avoid_the_counterparts_busy_time_asked_once_for_everyone():
    intro = meeting(
        "intro@t",
        1,
        10,
        "Erstgespräch Nordwind",
        "jonas@nordwind.example",
        "https://zoom.us/j/123456789",
    )
    calls = []
    blocked = Interval(at(0, 8), at(4, 12))  # busy Monday to Friday noon

    def free_busy(emails, start, end):
        calls.append(tuple(emails))
        return [blocked]

    result = plan([intro], free_busy)
    [item] = [p for p in result.items if p.event.uid == "intro@t"]
    assert item.recommendation.action is Action.MEET_IN_PERSON
    assert item.proposals
    for proposal in item.proposals:
        assert not Interval(proposal.start, proposal.end).overlaps(blocked)
    assert calls == [("jonas@nordwind.example",)]


def test_two_flagged_meetings_are_never_offered_the_same_slot():
    events = [
        meeting("a@t", 1, 10, "Erstgespräch Alpha", "a@alpha.example", "Microsoft Teams Meeting"),
        meeting("b@t", 2, 10, "Erstgespräch Beta", "b@beta.example", "Microsoft Teams Meeting"),
    ]
    result = plan(events)
    slots = [(p.start, p.end) for item in result.items for p in item.proposals]
    assert len(slots) == 4
    for i, (s1, e1) in enumerate(slots):
        for s2, e2 in slots[i + 1 :]:
            assert e1 <= s2 or e2 <= s1


def test_a_routine_lunch_is_never_sent_to_video():
    history = [
        meeting(
            f"lunch-{w}@t",
            1,
            12,
            "Business lunch Isar",
            "weber@isar.example",
            "Restaurant Spatenhaus, Residenzstraße 12, 80333 München",
            90,
            -7 * w - 7,
        )
        for w in (1, 2, 3)  # all before NOW
    ]
    week = meeting(
        "lunch@t",
        1,
        12,
        "Business lunch Isar",
        "weber@isar.example",
        "Restaurant Spatenhaus, Residenzstraße 12, 80333 München",
        90,
    )
    visit = meeting(
        "visit@t",
        3,
        10,
        "Abstimmung Isar",
        "weber@isar.example",
        "Isar GmbH, Lichtenbergstraße 8, 85748 Garching",
        60,
    )
    result = {p.event.uid: p for p in plan([*history, week, visit]).items}
    assert result["lunch@t"].mode is Mode.IN_PERSON
    assert result["lunch@t"].recommendation.action is Action.KEEP
    assert result["visit@t"].recommendation.action is Action.CONSIDER_VIDEO


def test_a_meeting_at_home_costs_no_travel():
    cfg = default_config(user={"home": "Leopoldstraße 10, 80802 München"})
    home = meeting("h@t", 0, 9, "x", "a@b.example", "Leopoldstraße 10, 80802 München")
    away = meeting("w@t", 0, 9, "x", "a@b.example", "Marienplatz 1, 80331 München")
    video = meeting("v@t", 0, 9, "x", "a@b.example", "")
    assert not costs_travel(home, cfg)
    assert costs_travel(away, cfg)
    assert not costs_travel(video, cfg)


def test_no_proposal_is_sooner_than_the_notice_the_config_asks():
    """A proposal 45 minutes after the plan was made is none a counterpart can act on: the
    week's proposals start ``[slots] notice_hours`` after now (4 by default, 0 allowed)."""
    intro = meeting("intro@t", 1, 10, "Erstgespräch Nordwind", "jonas@nordwind.example", "Teams")
    for notice in (0, 4, 30):
        cfg = default_config(
            user={"email": ME, "timezone": "Europe/Berlin", "home": "München",
                  "domains": ["berger-consulting.example"]},
            slots={"notice_hours": notice},
        )  # fmt: skip
        ledger = Ledger.open(Store(":memory:"), cfg)
        result = build_plan([intro], cfg, MONDAY, now=NOW, ledger=ledger, catalog=demo_catalog(TZ))
        [item] = [p for p in result.items if p.event.uid == "intro@t"]
        assert item.proposals
        assert all(p.start >= NOW + timedelta(hours=notice) for p in item.proposals), notice
    assert default_config()["slots"]["notice_hours"] == 4


def test_the_earliest_proposal_counts_real_hours_across_a_change_of_the_clocks():
    from planner.meet.slots import earliest

    before_spring = datetime(2027, 3, 27, 22, 50, tzinfo=TZ)  # CET; 02:00 → 03:00 follows
    assert earliest(before_spring, 4) == datetime(2027, 3, 28, 4, 0, tzinfo=TZ)  # CEST
    before_autumn = datetime(2026, 10, 24, 23, 5, tzinfo=TZ)  # CEST; 03:00 → 02:00 follows
    found = earliest(before_autumn, 4)  # 21:05 UTC + 4 h: 02:15 CET, the second 02:15
    assert found.astimezone(ZoneInfo("UTC")) == datetime(
        2026, 10, 25, 1, 15, tzinfo=ZoneInfo("UTC")
    )
    assert (found.hour, found.minute, found.fold) == (2, 15, 1)
    kathmandu = ZoneInfo("Asia/Kathmandu")  # +05:45: its own quarter hours
    assert earliest(datetime(2026, 12, 7, 10, 7, tzinfo=kathmandu), 1) == datetime(
        2026, 12, 7, 11, 15, tzinfo=kathmandu
    )
    assert earliest(NOW, 0) == NOW and earliest(NOW + timedelta(minutes=1), 0) == at(0, 7, 15)


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_call_before_a_table_already_booked_with_them_stays_a_call(language):
    """A first call with Dr. Weber on Tuesday, a lunch with him in person the Monday after:
    the call is not flagged and no proposals are made; a lunch with someone else, one the
    user declined or one four weeks later leave the flag."""
    from planner import i18n

    call = meeting("call@t", 1, 10, "Call Brandt Medizintechnik", "t.weber@brandt.example",
                   "https://meet.google.com/abc-defg-hij")  # fmt: skip
    lunch = meeting("lunch@t", 7, 12, "Business Lunch mit Dr. Weber", "t.weber@brandt.example",
                    "Brenner Grill, Maximilianstraße 15, 80539 München")  # fmt: skip
    later = meeting("late@t", 28, 12, "Abendessen mit Dr. Weber", "t.weber@brandt.example",
                    "Brenner Grill, Maximilianstraße 15, 80539 München")  # fmt: skip
    other = meeting("other@t", 7, 12, "Lunch mit Frau Kaya", "e.kaya@nordwind.example",
                    "Brenner Grill, Maximilianstraße 15, 80539 München")  # fmt: skip
    declined = replace(lunch, uid="declined@t", self_response=Response.DECLINED)

    def flag(*events):
        with i18n.speaking(language):
            result = plan([call, *events])
        [item] = [p for p in result.items if p.event.uid == "call@t"]
        return item

    booked = flag(lunch)
    assert booked.recommendation.action is Action.KEEP and not booked.proposals
    assert "Business Lunch mit Dr. Weber" in booked.recommendation.reason
    assert {"en": "You meet in person", "de": "Sie treffen sich"}[language] in (
        booked.recommendation.reason
    )
    assert {"en": "Mon 14 Dec", "de": "Mo. 14. Dez."}[language] in booked.recommendation.reason
    for events in ((), (later,), (other,), (declined,)):
        assert flag(*events).recommendation.action is Action.MEET_IN_PERSON, events
