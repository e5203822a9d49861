"""A call after a meeting in person planned with the same counterpart is no "never met in
person": meeting in person is planned (:meth:`Ledger.planned_before` with ``in_person``), not
met (nothing counts as history before it took place), and the recommendation, the key
account's "due for a visit" line and the keep-in-touch section say the same.

Bug (found by trying the product): a kick-off in person with Dr. Keller in Zürich on Tuesday
and a phone call with him on Friday; the call read "⚑ meet in person … 3 video calls with
Dr. Thomas Keller since September, never met in person", with a coffee proposed right after
the kick-off, and "Due for a visit: Key account …: never met in person"."""

from __future__ import annotations

from datetime import timedelta

import pytest

from planner.i18n import speaking
from planner.judge.recommend import due_for_visit
from planner.model import Action, Classification, Confidence, Mode, Response, Status
from tests.judge.test_recommend import rec, video_calls
from tests.judge.test_relations import BOB, CAROL, DAN, NOW, build, config_for, ev

TUESDAY = NOW + timedelta(days=1, hours=-2)  # NOW is a Monday noon
FRIDAY = NOW + timedelta(days=4, hours=2)
ACCOUNTS = {"key_accounts": ["acme.example"]}


def _ledger(*ahead, history=(), config=None):
    ledger = build(list(history), config=config)
    ledger.expect([(e, Classification(m, ("x",), Confidence.HIGH)) for e, m in ahead], NOW)
    return ledger


KICKOFF = ev("kick", TUESDAY, BOB, CAROL, title="Kick-off Risikomodell", minutes=120)
CALL = ev("call", FRIDAY, BOB, title="Telefonat Bob", minutes=30)


def test_a_call_after_a_visit_planned_is_kept_and_names_the_visit():
    ledger = _ledger((KICKOFF, Mode.IN_PERSON), (CALL, Mode.PHONE), history=video_calls(BOB, 3))
    result = rec(CALL, Mode.PHONE, ledger)
    assert result.action is Action.KEEP
    assert result.reason == (
        "You meet Bob (acme.example) in person on Tue 2 Jun at 'Kick-off Risikomodell', "
        "before it: a phone call is fine"
    )
    assert ledger.summary(BOB).in_person == 0  # planned, not met: no history
    with speaking("de"):  # the sentence's German is the catalog's (see the report's msgids)
        german = rec(CALL, Mode.PHONE, ledger)
    assert german.action is Action.KEEP
    assert "Di. 2. Juni" in german.reason and "Kick-off Risikomodell" in german.reason
    assert "nie vor Ort" not in german.reason


def test_a_colleague_of_theirs_at_the_visit_counts_for_the_organisation():
    visit = ev("v", TUESDAY, CAROL, title="Workshop")
    ledger = _ledger((visit, Mode.IN_PERSON), history=video_calls(BOB, 3))
    result = rec(CALL, Mode.VIRTUAL, ledger)
    assert result.action is Action.KEEP
    assert "You meet acme.example in person on Tue 2 Jun at 'Workshop'" in result.reason


def test_the_visit_is_found_behind_other_planned_meetings():
    """Not only the next planned meeting: a video call first, then the visit, then the call."""
    first = ev("first", NOW + timedelta(hours=2), BOB, title="Vorab-Call", minutes=30)
    ledger = _ledger((first, Mode.VIRTUAL), (KICKOFF, Mode.IN_PERSON), history=video_calls(BOB, 3))
    assert rec(CALL, Mode.VIRTUAL, ledger).action is Action.KEEP


@pytest.mark.parametrize(
    ("visit", "mode"),
    [
        (ev("k1", TUESDAY, BOB, title="Kick-off", status=Status.CANCELLED), Mode.IN_PERSON),
        (ev("k2", TUESDAY, BOB, title="Kick-off", declined=(BOB,)), Mode.IN_PERSON),
        (ev("k3", TUESDAY, BOB, title="Kick-off", self_response=Response.DECLINED), Mode.IN_PERSON),
        (ev("k4", TUESDAY, BOB, title="Kick-off"), Mode.VIRTUAL),
        (ev("k5", TUESDAY, BOB, title="Kick-off"), Mode.HYBRID),
        (ev("k6", FRIDAY + timedelta(days=1), BOB, title="Kick-off"), Mode.IN_PERSON),
        (ev("k7", TUESDAY, DAN, title="Kick-off"), Mode.IN_PERSON),
    ],
    ids=["cancelled", "they-declined", "i-declined", "video", "hybrid", "after", "others"],
)
def test_what_is_no_visit_before_it_leaves_never_met(visit, mode):
    ledger = _ledger((visit, mode), history=video_calls(BOB, 3, first_days_ago=100))
    result = rec(CALL, Mode.PHONE, ledger)
    assert result.action is Action.MEET_IN_PERSON
    assert result.reason.endswith("since February, never met in person")


def test_a_key_account_with_a_visit_planned_says_so_in_english_and_german():
    config = config_for(relations=ACCOUNTS)
    ledger = _ledger((KICKOFF, Mode.IN_PERSON), history=video_calls(BOB, 2), config=config)
    (due,) = due_for_visit(ledger, config, NOW.date())
    assert due.days_since is None and due.planned is KICKOFF  # still due until it took place
    assert due.reason == (
        "Key account Bob (acme.example): never met in person; "
        "visit planned on Tue 2 Jun ('Kick-off Risikomodell')"
    )
    with speaking("de"):
        (german,) = due_for_visit(ledger, config, NOW.date())
    assert german.reason.startswith("Schlüsselkunde Bob (acme.example): nie vor Ort getroffen; ")
    assert "Di. 2. Juni" in german.reason and "Kick-off Risikomodell" in german.reason


def test_a_key_account_visit_cancelled_or_by_video_is_none():
    config = config_for(relations=ACCOUNTS)
    cancelled = ev("x", TUESDAY, BOB, title="Kick-off", status=Status.CANCELLED)
    video = ev("y", TUESDAY, BOB, title="Call")
    ledger = _ledger((cancelled, Mode.IN_PERSON), (video, Mode.VIRTUAL), config=config)
    (due,) = due_for_visit(ledger, config, NOW.date())
    assert due.planned is None and "planned" not in due.reason
