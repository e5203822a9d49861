"""A meeting after another one planned with the same counterpart is no first contact, although
neither has taken place yet: the first one is (:meth:`Ledger.expect`, ``planned_before``).

Bug (found by trying the product): an intro video call with a new contact on Tuesday and a
lunch with the same person on Thursday, both ahead: the lunch read "first contact: no earlier
meeting with …", because the ledger knows only meetings that took place."""

from __future__ import annotations

from datetime import timedelta

import pytest

from planner.i18n import speaking
from planner.judge.purpose import determine_purpose
from planner.model import Classification, Confidence, Mode, Purpose, Response, Said, Status
from tests.judge.test_relations import BOB, CAROL, DAN, NOW, build, config_for, days_ago, ev

TUESDAY = NOW + timedelta(days=1)  # NOW is a Monday noon
THURSDAY = NOW + timedelta(days=3)


def _found(mode: Mode = Mode.VIRTUAL, said: Said | None = None) -> Classification:
    return Classification(mode, ("evidence",), Confidence.HIGH, said)


def _ledger(*ahead, history=()):
    ledger = build(list(history))
    ledger.expect([(event, found) for event, found in ahead], NOW)
    return ledger


def _purpose(event, ledger):
    return determine_purpose(event, ledger, config_for())


CALL = ev("call", TUESDAY, BOB, title="Intro call ACME", minutes=30)
LUNCH = ev("lunch", THURSDAY, BOB, title="Lunch with Bob")


def test_a_lunch_after_a_planned_call_is_no_first_contact_and_names_the_call():
    ledger = _ledger((CALL, _found()), (LUNCH, _found(Mode.IN_PERSON)))
    lunch = _purpose(LUNCH, ledger)
    assert lunch.purpose is Purpose.OTHER
    assert lunch.confidence is Confidence.MEDIUM
    assert lunch.evidence == ("'Intro call ACME' with acme.example comes before it, on Tue 2 Jun",)
    assert _purpose(CALL, ledger).purpose is Purpose.FIRST_CONTACT  # by its words


def test_the_first_of_several_planned_meetings_is_named_whatever_their_order():
    untitled = ev("plain", TUESDAY, BOB, title="Abstimmung", minutes=30)
    later = ev("later", TUESDAY + timedelta(hours=3), BOB, title="Follow-up")
    ledger = _ledger((later, _found()), (untitled, _found(Mode.PHONE)), (LUNCH, _found()))
    assert _purpose(untitled, ledger).purpose is Purpose.FIRST_CONTACT
    assert "'Abstimmung'" in _purpose(LUNCH, ledger).evidence[0]
    assert "'Abstimmung'" in _purpose(later, ledger).evidence[0]


def test_a_colleague_of_theirs_met_first_counts_as_their_organisation_does_for_history():
    call = ev("carol", TUESDAY, CAROL, title="Abstimmung", minutes=30)
    ledger = _ledger((call, _found()))
    assert _purpose(LUNCH, ledger).purpose is Purpose.OTHER  # CAROL works at acme.example too
    other = ev("dan", THURSDAY, DAN, title="Lunch")
    assert _purpose(other, ledger).purpose is Purpose.FIRST_CONTACT  # globex.example: nobody


@pytest.mark.parametrize(
    ("call", "found"),
    [
        (ev("c1", TUESDAY, BOB, title="Abstimmung", status=Status.CANCELLED), _found()),
        (ev("c2", TUESDAY, BOB, title="Abstimmung", declined=(BOB,)), _found()),
        (ev("c3", TUESDAY, BOB, title="Abstimmung", self_response=Response.DECLINED), _found()),
        (ev("c4", TUESDAY, BOB, title="Abstimmung", all_day=True), _found()),
        (ev("c5", TUESDAY, BOB, title="Flug LH 2032 FRA-HAM"), _found(Mode.TRAVEL)),
        (
            ev("c6", TUESDAY, BOB, title="Abstimmung"),
            _found(said=Said("you said: no meeting", meeting=False)),
        ),
        (ev("c7", THURSDAY + timedelta(hours=5), BOB, title="Abstimmung"), _found()),
    ],
    ids=[
        "cancelled",
        "they-declined",
        "i-declined",
        "all-day",
        "journey",
        "said-no-meeting",
        "after",
    ],
)
def test_what_does_not_take_place_before_it_leaves_a_first_contact(call, found):
    ledger = _ledger((call, found))
    lunch = _purpose(LUNCH, ledger)
    assert lunch.purpose is Purpose.FIRST_CONTACT
    assert lunch.evidence == ("no earlier meeting with acme.example",)


def test_a_meeting_over_or_under_way_is_history_not_plan():
    """What ended before now is the ledger's history; what is planned adds nothing to it:
    no count, no "met before" and no summary sees a meeting that has not taken place."""
    done = ev("done", days_ago(1), BOB, title="Abstimmung")
    ledger = _ledger((done, _found()))
    assert _purpose(LUNCH, ledger).evidence == ("no earlier meeting with acme.example",)
    ledger = _ledger((CALL, _found()))
    assert len(ledger) == 0
    assert not ledger.met_before([BOB], THURSDAY + timedelta(days=30))
    assert ledger.summary(BOB).meetings == 0


def test_planned_meetings_are_replaced_on_each_expect():
    ledger = _ledger((CALL, _found()))
    ledger.expect([], NOW)
    assert _purpose(LUNCH, ledger).purpose is Purpose.FIRST_CONTACT


def test_the_evidence_in_german():
    ledger = _ledger((CALL, _found()))
    with speaking("de"):
        evidence = _purpose(LUNCH, ledger).evidence[0]
    assert evidence == "„Intro call ACME“ mit acme.example findet vorher statt, am Di. 2. Juni"


def test_a_meeting_whose_only_outside_guest_declined_says_so():
    """It read "internal: only attendees from " (no domain: nobody from the user's own was
    invited either)."""
    alone = ev("intro", THURSDAY, DAN, title="Intro Falk", declined=(DAN,))
    result = _purpose(alone, _ledger())
    assert result.purpose is Purpose.OTHER
    assert result.evidence == ("everyone invited from outside declined",)
    with speaking("de"):
        assert _purpose(alone, _ledger()).evidence[0].startswith("alle Eingeladenen von außen")
    mixed = ev("mixed", THURSDAY, DAN, "kim@mycorp.example", title="Abstimmung", declined=(DAN,))
    assert _purpose(mixed, _ledger()).evidence == ("only attendees from mycorp.example",)


def test_a_later_occurrence_of_a_series_with_someone_new_is_routine():
    first = ev("w", TUESDAY, BOB, title="Weekly", series="w")
    later = ev("w", TUESDAY + timedelta(days=7), BOB, title="Weekly", series="w")
    ledger = _ledger((first, _found()), (later, _found()))
    assert _purpose(first, ledger).purpose is Purpose.FIRST_CONTACT
    result = _purpose(later, ledger)
    assert result.purpose is Purpose.ROUTINE
    assert result.evidence == ("part of a recurring series",)
