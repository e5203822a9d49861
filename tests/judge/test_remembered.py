"""What the judge remembers about an event (planner.judge.memo, the text caches of the zones,
the classification cache) never changes a judgement: judging the accuracy set cold, again with
everything remembered, one event at a time from a clean slate, and through the classification
cache gives identical judgements, and the remembered evidence follows the language."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import pytest

from planner import i18n
from planner.judge.cache import classify_all
from planner.judge.memo import forget
from planner.judge.mode import classify
from planner.judge.people import with_people
from planner.judge.purpose import determine_purpose
from planner.judge.recommend import recommend
from planner.judge.relations import Ledger
from planner.model import Event
from planner.store import Store

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))

from dataset import PARTS, load  # type: ignore[import-not-found]  # noqa: E402

Judged = tuple[object, ...]


@pytest.fixture(scope="module")
def calendars() -> list[tuple[object, list[Event], Ledger]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_accuracy import config_of  # type: ignore[import-not-found]

    found = []
    for part in PARTS:
        for calendar in load(part):
            config = config_of(calendar)
            events = list(calendar.events)
            ledger = Ledger.open(Store(":memory:"), config, user_emails=(calendar.user,))
            now = max(e.end for e in events) + timedelta(days=1)
            history = [(e, classify(e).mode) for e in events]
            ledger.update(history, now=now, since=now - timedelta(days=3650))
            found.append((config, events, ledger))
    return found


def _judge(event: Event, config: object, ledger: Ledger, *, fresh: bool = False) -> Judged:
    if fresh:
        forget()
    found = classify(event)
    purpose = determine_purpose(event, ledger, config, found.mode)  # type: ignore[arg-type]
    others = len(ledger.directory.others(event))
    advice = recommend(event, found.mode, purpose, ledger, config, costs_travel=True)  # type: ignore[arg-type]
    return found, with_people(event, others, found.mode), purpose, advice


Calendars = Sequence[tuple[object, list[Event], Ledger]]


def _all(calendars: Calendars, **how: bool) -> list[Judged]:
    return [
        _judge(e, config, ledger, **how) for config, events, ledger in calendars for e in events
    ]


def test_judging_again_with_everything_remembered_changes_nothing(calendars) -> None:
    forget()
    cold = _all(calendars)
    assert len(cold) > 300
    assert _all(calendars) == cold  # every table full
    first = dict(zip(_keys(calendars), cold, strict=True))
    forget()
    for config, events, ledger in calendars:  # the other way round: other tables, same answers
        for event in reversed(events):
            assert _judge(event, config, ledger) == first[id(event)]


def _keys(calendars: Calendars) -> list[int]:
    return [id(e) for _config, events, _ledger in calendars for e in events]


def test_each_event_judged_from_a_clean_slate_is_judged_the_same(calendars) -> None:
    forget()
    assert _all(calendars, fresh=True) == _all(calendars)


def test_the_classification_cache_gives_the_classifier_s_own_answers(calendars) -> None:
    forget()
    store = Store(":memory:")
    for _config, events, _ledger in calendars:
        plain = {e.key: classify(e) for e in events}
        assert classify_all(events, None) == plain
        assert classify_all(events, store) == plain  # written
        forget()
        assert classify_all(events, store) == plain  # read back


def test_remembered_evidence_follows_the_language(calendars) -> None:
    forget()
    with i18n.speaking("de"):
        german = _all(calendars)  # from a clean slate
    forget()
    english = _all(calendars)
    assert german != english
    with i18n.speaking("de"):  # the English evidence is remembered now
        assert _all(calendars) == german
    assert _all(calendars) == english
