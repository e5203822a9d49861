"""Agreement of the classifier with the hand-labelled events of tests/data/labelled_events.py."""

from __future__ import annotations

from collections import Counter

from planner.judge.mode import classify
from planner.model import Mode
from tests.data.labelled_events import LABELLED

MIN_AGREEMENT = 0.95
MIN_PER_MODE = 8


def test_labelled_set_is_large_and_covers_every_mode():
    counts = Counter(mode for _event, mode in LABELLED)
    assert len(LABELLED) >= 80
    for mode in Mode:
        if mode is Mode.TRAVEL:
            continue  # travel items are labelled in tests/data/judged_events.py
        assert counts[mode] >= MIN_PER_MODE, f"only {counts[mode]} labelled {mode} events"


def test_agreement_with_labels():
    mismatches = []
    for event, expected in LABELLED:
        result = classify(event)
        if result.mode is not expected:
            mismatches.append(
                f"{event.title!r} @ {event.location!r}: expected {expected}, got {result.mode} "
                f"because {'; '.join(result.evidence)}"
            )
    agreement = 1 - len(mismatches) / len(LABELLED)
    assert agreement >= MIN_AGREEMENT, (
        f"agreement {agreement:.1%} < {MIN_AGREEMENT:.0%}; mismatches:\n" + "\n".join(mismatches)
    )


def test_every_labelled_decision_is_explained():
    for event, _expected in LABELLED:
        assert classify(event).evidence, event.title
