"""A worker that classified an event sends back the small answers it worked out on the way
(planner/judge/memo.py: ``answers``, ``take_answers``; planner/judge/cache.py), so that the
judgement of the same event in this process does not work them out again: the answers taken
are the ones the judge would have worked out, and a table of another language ignores them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from planner import i18n
from planner.judge import memo
from planner.judge.bookings import travel_judgement
from planner.judge.people import networking_word, visit_word
from planner.judge.tasks import task_of
from planner.judge.zones import written
from tests.data.labelled_events import LABELLED

ASKED = (travel_judgement, networking_word, visit_word, task_of, written)


@pytest.fixture(autouse=True)
def fresh():
    memo.forget()
    yield
    memo.forget()


def _asked(event):
    return tuple(ask(event) for ask in ASKED)


def test_answers_taken_are_the_judges_own_and_spare_working_them_out(monkeypatch):
    events = [event for event, _mode in LABELLED]
    expected = [_asked(event) for event in events]
    found = [memo.answers(event) for event in events]
    assert all(len(answers) >= 3 for answers in found)  # travel, gathering, task at least
    memo.forget()
    for event, answers in zip(events, found, strict=True):
        memo.take_answers(event, answers)
    for table in (travel_judgement, task_of):
        monkeypatch.setattr(table, "compute", lambda e: pytest.fail(f"worked out: {e.title}"))
    assert [_asked(event) for event in events] == expected


def test_an_equal_event_that_is_another_object_is_worked_out_again(monkeypatch):
    event = next(e for e, _mode in LABELLED if travel_judgement(e))
    answers = memo.answers(event)
    memo.forget()
    twin = replace(event)
    memo.take_answers(event, answers)
    calls = []
    real = travel_judgement.compute
    monkeypatch.setattr(travel_judgement, "compute", lambda e: calls.append(e) or real(e))
    assert travel_judgement(twin) == travel_judgement(event)
    assert calls == [twin]


def test_answers_of_another_language_are_not_taken(monkeypatch):
    event = next(e for e, _mode in LABELLED if travel_judgement(e))
    memo.forget()
    here = i18n.language()
    other = "en" if here == "de" else "de"
    with i18n.speaking(other):
        said = travel_judgement(event)
        answers = memo.answers(event)
    assert memo.answers(event) == {}  # nothing remembered in the language spoken here
    memo.forget()
    with i18n.speaking(other):
        memo.take_answers(event, answers)
    calls = []
    real = travel_judgement.compute
    monkeypatch.setattr(travel_judgement, "compute", lambda e: calls.append(e) or real(e))
    assert travel_judgement(event) != said  # the evidence in this language, worked out here
    assert calls == [event]


def test_classifying_on_two_cores_brings_the_workers_answers_back(monkeypatch):
    from planner.judge import cache

    events = [
        replace(event, uid=f"{n}-{event.uid}", title=f"{event.title} {n}")
        for n in range(12)
        for event, _mode in LABELLED
    ]
    assert len(events) >= cache.SHARED
    from planner.judge import people

    asked = (travel_judgement, people._visit, written)  # the classifier's, the purpose's
    expected = [[table.compute(event) for event in events] for table in asked]
    assert any(expected[0]) and not all(expected[0])
    memo.forget()
    cache.classify_all(events, None)  # on two cores, half in a worker process
    for table, values in zip(asked, expected, strict=True):
        monkeypatch.setattr(table, "compute", lambda e: pytest.fail(f"again: {e.title}"))
        assert [table(event) for event in events] == values
