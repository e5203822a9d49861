"""An event without a single signal (most of a large week: a title and people) is decided
without weighing tiers (planner.judge.mode._nothing_found): the same decision the weighing
takes, for blockers the calendar or the title names, all-day events, with people or alone."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from planner.judge import mode
from planner.judge.signals import Signals
from tests.data.labelled_events import LABELLED

WEEKLY = next(event for event, _mode in LABELLED if event.title == "Weekly status")


def _weighed(signals: Signals, event) -> mode.Decision:
    """The weighing itself: a signal for no side, of no weight, keeps the shortcut out."""
    signals.put("none", 0.0, "")
    return mode._decide(signals, event)


@pytest.mark.parametrize(
    ("provider_blocker", "blocker", "all_day", "alone"),
    list(itertools.product((False, True), repeat=4)),
)
def test_no_signal_is_decided_as_the_weighing_decides(provider_blocker, blocker, all_day, alone):
    event = replace(WEEKLY, all_day=all_day, attendees=() if alone else WEEKLY.attendees)
    if alone:
        event = replace(event, organizer=None)
    made = [Signals(blocker=blocker, provider_blocker=provider_blocker) for _ in range(2)]
    assert mode._decide(made[0], event) == _weighed(made[1], event)


def test_every_labelled_event_without_signals_is_decided_as_weighed():
    for event, _mode in LABELLED:
        signals = mode._collect(event, mode.zones_of(event))
        if not signals.found:
            again = mode._collect(event, mode.zones_of(event))
            assert mode._decide(signals, event) == _weighed(again, event), event.title
