"""Recommendations and key accounts due for a visit, on hand-built histories with fixed time."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from planner.judge.purpose import determine_purpose
from planner.judge.recommend import due_for_visit, is_key_account, recommend
from planner.model import Action, Mode, Purpose, PurposeResult, Response, Status
from planner.store import Store
from tests.judge.test_relations import (
    BOB,
    CAROL,
    COLLEAGUE,
    DAN,
    FRIEND,
    NOW,
    TZ,
    build,
    config_for,
    days_ago,
    ev,
)

UPCOMING = NOW + timedelta(days=2)


def video_calls(person, count, first_days_ago=120, mode=Mode.VIRTUAL):
    return [
        (ev(f"v-{person}-{i}", days_ago(first_days_ago - 10 * i), person), mode)
        for i in range(count)
    ]


def rec(event, mode, ledger, config=None, purpose=None, **kwargs):
    config = config or config_for()
    purpose = purpose or determine_purpose(event, ledger, config)
    return recommend(event, mode, purpose, ledger, config, **kwargs)


@pytest.mark.parametrize("mode", [Mode.VIRTUAL, Mode.HYBRID, Mode.PHONE])
def test_a_remote_first_contact_should_meet_in_person(mode):
    ledger = build([])
    result = rec(ev("n1", UPCOMING, DAN, title="Projekt"), mode, ledger)
    assert result.action is Action.MEET_IN_PERSON
    assert result.reason.startswith("First meeting with globex.example is planned as a")


def test_an_in_person_first_contact_is_kept():
    result = rec(ev("n2", UPCOMING, DAN, title="Projekt"), Mode.IN_PERSON, build([]))
    assert result.action is Action.KEEP
    assert result.reason == "First meeting with globex.example is in person"


def test_a_remote_deal_closing_should_meet_in_person():
    ledger = build(video_calls(BOB, 1))
    event = ev("c1", UPCOMING, BOB, title="Vertragsunterzeichnung")
    result = rec(event, Mode.VIRTUAL, ledger)
    assert result.action is Action.MEET_IN_PERSON
    assert "Deal closing with Bob (acme.example)" in result.reason


def test_several_video_calls_never_met_in_person():
    ledger = build(video_calls(BOB, 3, first_days_ago=100))  # first call on 21 Feb 2026
    result = rec(ev("t1", UPCOMING, BOB, title="Status"), Mode.VIRTUAL, ledger)
    assert result.action is Action.MEET_IN_PERSON
    assert result.reason == (
        "3 video calls with Bob (acme.example) since February, never met in person"
    )


def test_calls_by_phone_are_named_calls_and_years_shown_when_needed():
    pairs = video_calls(BOB, 2, first_days_ago=200) + video_calls(CAROL, 1, 100, Mode.PHONE)
    result = rec(ev("t2", UPCOMING, CAROL, title="Status"), Mode.PHONE, build(pairs))
    assert result.action is Action.MEET_IN_PERSON
    assert result.reason == (
        "3 calls with Carol (acme.example) since November 2025, never met in person"
    )


def test_below_the_threshold_a_video_call_is_kept():
    ledger = build(video_calls(BOB, 2))
    result = rec(ev("t3", UPCOMING, BOB, title="Status"), Mode.VIRTUAL, ledger)
    assert result.action is Action.KEEP
    assert result.reason == "2 earlier calls with Bob (acme.example): a video call is fine for now"


def test_the_threshold_comes_from_config_and_reasons_count_in_singular():
    config = config_for(recommend={"virtual_threshold": 1})
    ledger = build(video_calls(FRIEND, 1), config=config)
    result = rec(ev("t4", UPCOMING, FRIEND, title="Kaffee"), Mode.VIRTUAL, ledger, config)
    assert result.action is Action.MEET_IN_PERSON
    assert result.reason.startswith("1 video call with Fritz since ")


def test_met_in_person_long_ago_is_remembered_beyond_the_look_back(tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    long_ago = [(ev("old", days_ago(700), BOB), Mode.IN_PERSON)]
    build(long_ago, store, now=NOW - timedelta(days=600))
    ledger = build(video_calls(BOB, 5), store)  # a later run: the old meeting left the window
    result = rec(ev("t5", UPCOMING, BOB, title="Status"), Mode.VIRTUAL, ledger)
    assert result.action is Action.KEEP
    assert result.reason.startswith("Already met Bob (acme.example) in person on ")
    assert "2024" in result.reason
    store.close()


def test_a_colleague_of_the_counterpart_met_in_person_counts_for_the_organisation():
    pairs = [*video_calls(CAROL, 4), (ev("b1", days_ago(300), BOB), Mode.IN_PERSON)]
    result = rec(ev("t6", UPCOMING, CAROL, title="Status"), Mode.VIRTUAL, build(pairs))
    assert result.action is Action.KEEP


def test_in_person_routine_with_recent_visit_that_costs_travel_could_be_video():
    pairs = [*video_calls(BOB, 2), (ev("b2", days_ago(20), BOB), Mode.IN_PERSON)]
    ledger = build(pairs)
    event = ev("r1", UPCOMING, BOB, title="Jour fixe", series="jf")
    result = rec(event, Mode.IN_PERSON, ledger, costs_travel=True)
    assert result.action is Action.CONSIDER_VIDEO
    assert result.reason.startswith("Routine meeting with Bob (acme.example), met in person on ")
    assert rec(event, Mode.IN_PERSON, ledger, costs_travel=False).action is Action.KEEP
    asked = []
    result = rec(event, Mode.IN_PERSON, ledger, costs_travel=lambda e: asked.append(e) or False)
    assert result.action is Action.KEEP and asked == [event]


def test_in_person_routine_without_a_recent_visit_is_kept():
    pairs = [*video_calls(BOB, 2), (ev("b3", days_ago(100), BOB), Mode.IN_PERSON)]
    event = ev("r2", UPCOMING, BOB, title="Jour fixe", series="jf")
    result = rec(event, Mode.IN_PERSON, build(pairs), costs_travel=True)
    assert result.action is Action.KEEP
    config = config_for(recommend={"recent_days": 120})
    result = rec(event, Mode.IN_PERSON, build(pairs), config, costs_travel=True)
    assert result.action is Action.CONSIDER_VIDEO


def test_routine_video_with_someone_met_is_kept():
    pairs = [(ev("b4", days_ago(20), BOB), Mode.IN_PERSON), *video_calls(BOB, 3)]
    event = ev("r3", UPCOMING, BOB, title="Weekly", series="w")
    result = rec(event, Mode.VIRTUAL, build(pairs))
    assert result.action is Action.KEEP
    assert "Already met Bob (acme.example) in person" in result.reason


@pytest.mark.parametrize(
    ("event", "purpose"),
    [
        (ev("x1", UPCOMING, COLLEAGUE), Purpose.INTERNAL),
        (ev("x2", UPCOMING), Purpose.PERSONAL),
        (ev("x3", UPCOMING, DAN, self_response=Response.DECLINED), Purpose.FIRST_CONTACT),
        (ev("x4", UPCOMING, DAN, status=Status.CANCELLED), Purpose.FIRST_CONTACT),
    ],
)
def test_no_recommendation_for_internal_personal_declined_or_cancelled(event, purpose):
    assert rec(event, Mode.VIRTUAL, build([]), purpose=purpose) is None


def test_no_recommendation_without_a_known_mode():
    assert rec(ev("u1", UPCOMING, DAN), Mode.UNKNOWN, build([])) is None


def test_purpose_may_be_given_as_a_result_with_evidence():
    purpose = PurposeResult(Purpose.DEAL_CLOSING, ("said so",))
    result = rec(ev("y1", UPCOMING, DAN), Mode.PHONE, build([]), purpose=purpose)
    assert result.action is Action.MEET_IN_PERSON


# -- key accounts ------------------------------------------------------------------------------

ACCOUNTS = {"key_accounts": ["acme.example", "dan@globex.example", "initech.example"]}


def test_key_accounts_due_for_a_visit():
    config = config_for(relations=ACCOUNTS)
    pairs = [
        (ev("k1", days_ago(120), CAROL), Mode.IN_PERSON),
        (ev("k2", days_ago(5), BOB), Mode.VIRTUAL),
        (ev("k3", days_ago(30), DAN), Mode.IN_PERSON),
    ]
    due = due_for_visit(build(pairs, config=config), config, NOW.date())
    assert [d.account for d in due] == ["initech.example", "acme.example"]
    never, acme = due
    assert (never.last_in_person, never.days_since, never.meetings) == (None, None, 0)
    assert never.reason == "Key account initech.example: never met in person"
    assert (acme.days_since, acme.meetings) == (120, 2)
    assert acme.reason == "Key account Bob, Carol (acme.example): last met in person 120 days ago"
    assert acme.name == "Bob, Carol (acme.example)"


def test_visit_due_days_from_config():
    config = config_for(relations={**ACCOUNTS, "visit_due_days": 150})
    ledger = build([(ev("k4", days_ago(120), CAROL), Mode.IN_PERSON)], config=config)
    due = due_for_visit(ledger, config, NOW.date())
    assert [d.account for d in due] == ["dan@globex.example", "initech.example"]  # never met


def test_is_key_account():
    config = config_for(relations=ACCOUNTS)
    assert is_key_account("x@sales.acme.example", config)
    assert not is_key_account("eve@globex.example", config)


def test_due_is_counted_in_days_of_the_users_zone():
    config = config_for(relations={"key_accounts": ["acme.example"], "visit_due_days": 1})
    late = datetime(2026, 5, 30, 23, 30, tzinfo=TZ)  # 30 May in Berlin, 29 May in UTC
    ledger = build([(ev("k5", late, BOB), Mode.IN_PERSON)], config=config)
    assert due_for_visit(ledger, config, NOW.date())[0].days_since == 2
    assert due_for_visit(ledger, config, datetime(2026, 5, 31).date()) == []


def test_a_routine_call_without_earlier_calls_is_kept():
    pairs = [(ev("u2", days_ago(30), BOB), Mode.UNKNOWN)]
    event = ev("u3", UPCOMING, BOB, title="Weekly", series="w")
    result = rec(event, Mode.VIRTUAL, build(pairs))
    assert result.action is Action.KEEP
    assert result.reason == "A video call with Bob (acme.example) is fine for now"


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_sentence_about_earlier_meetings_names_only_who_was_in_them(language):
    """Bob had the calls with acme.example; Carol, his colleague, joins now: "3 video calls
    with Bob Ray (acme.example)", never "with Bob Ray, Carol Stein", and "met … before" for a
    meeting of Carol's alone names the organisation only, not her."""
    from dataclasses import replace

    from planner import i18n
    from planner.model import Attendee

    def named(event):
        people = {BOB: "Bob Ray", CAROL: "Carol Stein"}
        attendees = tuple(replace(a, name=people.get(a.email, a.name)) for a in event.attendees)
        return replace(event, attendees=attendees)

    ledger = build([(named(e), m) for e, m in video_calls(BOB, 3)])
    both = named(ev("n2", UPCOMING, BOB, CAROL, title="Abstimmung"))
    carol = named(ev("n3", UPCOMING, CAROL, title="Abstimmung"))
    assert Attendee(CAROL, "Carol Stein", Response.ACCEPTED) in both.attendees
    with i18n.speaking(language):
        result = rec(both, Mode.VIRTUAL, ledger, purpose=Purpose.ROUTINE)
        together = determine_purpose(both, ledger, config_for())
        alone = determine_purpose(carol, ledger, config_for())
    assert result.action is Action.MEET_IN_PERSON
    assert "Bob Ray" in result.reason and "Carol" not in result.reason, result.reason
    assert "Bob Ray" in " ".join(together.evidence) and "Carol" not in " ".join(together.evidence)
    said = " ".join(alone.evidence)
    assert "acme.example" in said and "Carol" not in said, said
