"""Agreement of the whole judgement (meeting with people, mode, purpose) with the labels of
tests/data/judged_events.py: events written for this project and events of the real exports."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest

from planner.flows.plan import is_meeting
from planner.ical.reader import events_from_ics
from planner.judge.mode import classify
from planner.judge.purpose import determine_purpose
from planner.judge.relations import Ledger
from planner.model import Event, Mode, Purpose
from planner.store import Store
from tests.data.judged_events import ME_EMAIL, OWN, OWN_DOMAIN, REAL, TZ
from tests.judge.test_relations import config_for

REAL_DIR = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "real" / "ics"
MIN_AGREEMENT = 0.97
FIELDS = ("meeting", "mode", "purpose")

Labelled = tuple[Event, bool, Mode, Purpose]


@cache
def config():
    return config_for(user={"email": ME_EMAIL, "domains": [OWN_DOMAIN]})


def judge(event: Event, ledger: Ledger) -> tuple[bool, Mode, Purpose]:
    classification = classify(event)
    meeting = is_meeting(event, classification, config())
    purpose = determine_purpose(event, ledger, config()).purpose
    return meeting, classification.mode, purpose


@cache
def _file_events(name: str) -> tuple[Event, ...]:
    data = (REAL_DIR / name).read_bytes()
    start, end = datetime(1990, 1, 1, tzinfo=UTC), datetime(2035, 1, 1, tzinfo=UTC)
    return tuple(
        events_from_ics(data, source=name, tz=TZ, start=start, end=end, warn=lambda _m: None)
    )


def real_labelled() -> list[Labelled]:
    found = []
    for name, title, when, meeting, mode, purpose in REAL:
        matches = [
            e
            for e in _file_events(name)
            if e.title == title and e.start.strftime("%Y-%m-%d %H:%M") == when
        ]
        assert matches, f"{name}: no event {title!r} at {when}"
        found.append((matches[0], meeting, mode, purpose))
    return found


def labelled() -> list[Labelled]:
    if not REAL_DIR.is_dir():
        pytest.skip(f"real exports not found at {REAL_DIR}")
    return OWN + real_labelled()


def disagreements(items: list[Labelled]) -> dict[str, list[str]]:
    ledger = Ledger.open(Store(":memory:"), config())
    wrong: dict[str, list[str]] = {name: [] for name in FIELDS}
    for event, *expected in items:
        got = judge(event, ledger)
        for name, want, have in zip(FIELDS, expected, got, strict=True):
            if want != have:
                wrong[name].append(f"{event.title!r} @ {event.location!r}: {want} != {have}")
    return wrong


def test_the_labelled_set_is_large_and_covers_the_new_kinds():
    items = labelled()
    assert len(items) >= 120
    assert sum(1 for _e, _m, mode, _p in items if mode is Mode.TRAVEL) >= 20
    purposes = {p for *_rest, p in items}
    assert {Purpose.NETWORKING, Purpose.VISIT} <= purposes
    assert len(REAL) >= 40


@pytest.mark.parametrize("field", FIELDS)
def test_agreement_with_labels(field):
    items = labelled()
    wrong = disagreements(items)[field]
    agreement = 1 - len(wrong) / len(items)
    assert agreement >= MIN_AGREEMENT, (
        f"{field}: agreement {agreement:.1%} < {MIN_AGREEMENT:.0%}:\n" + "\n".join(wrong)
    )
