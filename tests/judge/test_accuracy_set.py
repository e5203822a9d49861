"""The labelled multi-vendor set (benchmarks/accuracy): its shape, and the judgement's agreement
with the development part. The held-out part is measured by benchmarks/bench_accuracy.py."""

from __future__ import annotations

import json
import sys
from collections import Counter

import pytest

from tests.locations import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))

import bench_accuracy
from dataset import load

FORMATS = {"google_ics", "outlook_ics", "graph_json", "icloud_ics", "thunderbird_ics",
           "nextcloud_ics", "google_json"}  # fmt: skip
CLASSES = {"tool-location", "topic-title", "dial-in-words", "address-words", "travel-shape",
           "no-attendee-gathering", "checkin-meeting", "conflict", "structure", "own-time",
           "ordinary"}  # fmt: skip


@pytest.fixture(scope="module")
def parts():
    return {part: load(part) for part in ("dev", "heldout")}


def test_the_set_is_large_multi_vendor_and_covers_every_class(parts):
    labelled = [item for files in parts.values() for f in files for item in f.labelled]
    assert len(labelled) >= 300
    for part, files in parts.items():
        manifest = json.loads((ROOT / f"benchmarks/accuracy/data/{part}/manifest.json").read_text())
        assert {c["format"] for c in manifest["calendars"]} == FORMATS
        assert {c["language"] for c in manifest["calendars"]} == {"de", "en", "fr"}
        assert {item.cls for f in files for item in f.labelled} == CLASSES
    modes = Counter(item.mode for item in labelled)
    assert all(modes[m] >= 5 for m in modes) and len(modes) == 6


def test_the_judgement_agrees_with_the_development_part(parts):
    results = [row for f in parts["dev"] for row in bench_accuracy.judge_file(f)]
    for name, target in bench_accuracy.TARGETS.items():
        right = sum(1 for _item, pairs, _e in results if pairs[name][0] == pairs[name][1])
        assert right / len(results) >= target, name


def test_the_held_out_part_meets_the_targets_of_issue_25(parts):
    """Measured once at the end of issue 25 (meeting 98.8%, mode 99.4%, purpose 97.1%); kept
    as a guard that later changes do not lose it. Never tune against this part."""
    results = [row for f in parts["heldout"] for row in bench_accuracy.judge_file(f)]
    for name, target in bench_accuracy.TARGETS.items():
        right = sum(1 for _item, pairs, _e in results if pairs[name][0] == pairs[name][1])
        assert right / len(results) >= target, name
