"""Meeting purpose: each rule on a hand-built history, judged relative to the event's start."""

from __future__ import annotations

from datetime import timedelta
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.judge.purpose import determine_purpose, find_word
from planner.model import Event, Mode, Purpose
from tests.judge.test_relations import (
    BOB,
    CAROL,
    COLLEAGUE,
    DAN,
    FRIEND,
    NOW,
    OTHER_FRIEND,
    build,
    config_for,
    days_ago,
    ev,
)

UPCOMING = NOW + timedelta(days=2)

HISTORY = [
    (ev("h1", days_ago(90), BOB), Mode.VIRTUAL),
    (ev("h2", days_ago(60), BOB), Mode.VIRTUAL),
    (ev("h3", days_ago(30), FRIEND), Mode.IN_PERSON),
]


@pytest.fixture
def ledger():
    return build(HISTORY)


@cache
def shared_ledger():
    return build(HISTORY)


def purpose_of(event, ledger, config=None):
    return determine_purpose(event, ledger, config or config_for())


def test_no_other_attendees_is_personal(ledger):
    result = purpose_of(ev("p1", UPCOMING, title="Angebot schreiben"), ledger)
    assert result.purpose is Purpose.PERSONAL
    assert result.evidence == ("no other attendees",)


@pytest.mark.parametrize(
    ("key", "value", "evidence"),
    [
        ("google.eventType", "focusTime", "focus time"),
        ("google.eventType", "outOfOffice", "out of office"),
        ("graph.showAs", "oof", "out of office"),
    ],
)
def test_provider_marks_focus_time_and_out_of_office_as_personal(ledger, key, value, evidence):
    event = ev("p2", UPCOMING, COLLEAGUE, hints=((key, value),))
    result = purpose_of(event, ledger)
    assert result.purpose is Purpose.PERSONAL
    assert evidence in result.evidence[0]


def test_blocker_wording_with_colleagues_is_personal_but_not_with_externals(ledger):
    blocker = ev("p3", UPCOMING, COLLEAGUE, title="Blocker: Reisezeit")
    assert purpose_of(blocker, ledger).purpose is Purpose.PERSONAL
    external = ev("p4", UPCOMING, BOB, title="Blocker removal workshop")
    assert purpose_of(external, ledger).purpose is not Purpose.PERSONAL


def test_personal_words_are_extendable_in_config(ledger):
    event = ev("p5", UPCOMING, COLLEAGUE, title="Kita abholen")
    assert purpose_of(event, ledger).purpose is Purpose.INTERNAL
    config = config_for(purpose={"personal_words": ["kita"]})
    assert purpose_of(event, ledger, config).purpose is Purpose.PERSONAL


def test_only_own_domain_attendees_is_internal(ledger):
    result = purpose_of(ev("i1", UPCOMING, COLLEAGUE, title="Contract review"), ledger)
    assert result.purpose is Purpose.INTERNAL
    assert "mycorp.example" in result.evidence[0]


@pytest.mark.parametrize(
    "title",
    [
        "Vertragsunterzeichnung ACME",
        "Vertragsverhandlungen Q3",
        "Vertragsabschluss",
        "Contract signing",
        "Closing call",
        "Negotiation round 2",
    ],
)
def test_deal_closing_wording(ledger, title):
    result = purpose_of(ev("d1", UPCOMING, BOB, title=title), ledger)
    assert result.purpose is Purpose.DEAL_CLOSING
    assert result.evidence[0].startswith('"')


def test_short_words_must_start_a_word(ledger):
    assert find_word("Designing the onboarding", ("signing",)) is None
    assert find_word("Preisverhandlung", ("verhandlung",)) == "verhandlung"
    assert find_word("Re: Intro ACME", ("intro",)) == "Intro"
    result = purpose_of(ev("d2", UPCOMING, BOB, title="Designing the onboarding"), ledger)
    assert result.purpose is not Purpose.DEAL_CLOSING


def test_wording_in_the_description_counts(ledger):
    event = ev("d3", UPCOMING, BOB, title="ACME", description="Agenda: Unterzeichnung")
    result = purpose_of(event, ledger)
    assert result.purpose is Purpose.DEAL_CLOSING
    assert "description" in result.evidence[0]


@pytest.mark.parametrize(
    "title", ["Kennenlernen ACME", "Erstgespräch", "Intro call", "First meeting"]
)
def test_first_contact_wording_even_with_history(ledger, title):
    result = purpose_of(ev("f1", UPCOMING, BOB, title=title), ledger)
    assert result.purpose is Purpose.FIRST_CONTACT


def test_first_contact_words_are_extendable_in_config(ledger):
    config = config_for(purpose={"first_contact_words": ["onboarding"]})
    event = ev("f2", UPCOMING, BOB, title="Onboarding")
    assert purpose_of(event, ledger).purpose is not Purpose.FIRST_CONTACT
    assert purpose_of(event, ledger, config).purpose is Purpose.FIRST_CONTACT


def test_no_earlier_meeting_is_a_first_contact(ledger):
    result = purpose_of(ev("f3", UPCOMING, DAN, title="Projekt"), ledger)
    assert result.purpose is Purpose.FIRST_CONTACT
    assert result.evidence == ("no earlier meeting with globex.example",)


def test_first_contact_is_judged_relative_to_the_events_own_start(ledger):
    # The first meeting with BOB is in the ledger itself; at its own start nobody was met yet.
    first, _mode = HISTORY[0]
    assert purpose_of(first, ledger).purpose is Purpose.FIRST_CONTACT
    second, _mode = HISTORY[1]
    assert purpose_of(second, ledger).purpose is not Purpose.FIRST_CONTACT


def test_an_organisation_met_through_a_colleague_is_no_first_contact(ledger):
    result = purpose_of(ev("f4", UPCOMING, CAROL, title="Projekt"), ledger)
    assert result.purpose is Purpose.OTHER


def test_free_mail_people_are_judged_one_by_one(ledger):
    assert purpose_of(ev("f5", UPCOMING, FRIEND, title="Kaffee"), ledger).purpose is Purpose.OTHER
    stranger = purpose_of(ev("f6", UPCOMING, OTHER_FRIEND, title="Kaffee"), ledger)
    assert stranger.purpose is Purpose.FIRST_CONTACT


def test_a_recurring_series_is_routine(ledger):
    event = ev("r1", UPCOMING, BOB, title="Jour fixe", series="series-1")
    result = purpose_of(event, ledger)
    assert result.purpose is Purpose.ROUTINE
    assert result.evidence == ("part of a recurring series",)


def test_repeated_meetings_with_the_same_counterparts_are_routine(ledger):
    result = purpose_of(ev("r2", UPCOMING, BOB, title="Projekt"), ledger)
    assert result.purpose is Purpose.ROUTINE
    assert result.evidence == ("2 earlier meetings with the same counterparts",)
    strict = config_for(purpose={"routine_repeats": 3})
    assert purpose_of(ev("r2", UPCOMING, BOB, title="Projekt"), ledger, strict).purpose is (
        Purpose.OTHER
    )


def test_a_meeting_with_an_added_counterpart_is_no_repeat(ledger):
    event = ev("r3", UPCOMING, BOB, DAN, title="Projekt")
    assert purpose_of(event, ledger).purpose is Purpose.OTHER


def test_declined_attendees_do_not_make_a_meeting_external(ledger):
    event = ev("r4", UPCOMING, COLLEAGUE, DAN, title="Projekt", declined=(DAN,))
    assert purpose_of(event, ledger).purpose is Purpose.INTERNAL


@settings(max_examples=200, deadline=None)
@given(title=st.text(), description=st.text())
def test_purpose_never_crashes_on_any_text(title, description):
    ledger = shared_ledger()
    event = Event(
        uid="any",
        title=title,
        description=description,
        start=UPCOMING,
        end=UPCOMING + timedelta(hours=1),
        attendees=ev("x", UPCOMING, BOB).attendees,
    )
    assert isinstance(determine_purpose(event, ledger, config_for()).purpose, Purpose)
