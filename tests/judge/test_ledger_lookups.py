"""The ledger answers a summary, "met before" and repeats by look-up (running totals per person
and organisation), and the answers are those of counting the meetings one by one."""

from __future__ import annotations

import random
from datetime import timedelta

from planner.judge.relations import Directory, Ledger, summarise
from planner.model import Mode
from tests.judge.test_relations import BOB, CAROL, DAN, FRIEND, NOW, config_for, ev

PEOPLE = [BOB, CAROL, DAN, FRIEND]
MODES = [Mode.IN_PERSON, Mode.VIRTUAL, Mode.HYBRID, Mode.PHONE, Mode.UNKNOWN]


def random_ledger(seed: int) -> Ledger:
    rng = random.Random(seed)
    items = []
    for number in range(300):
        start = NOW - timedelta(days=rng.randint(1, 360), hours=rng.randint(0, 9))
        people = rng.sample(PEOPLE, rng.randint(1, 3))
        items.append((ev(f"m{number}@t", start, *people), rng.choice(MODES)))
    ledger = Ledger(Directory(config_for()))
    ledger.update(items, now=NOW)
    return ledger


def test_summaries_by_look_up_equal_counting_one_by_one():
    for seed in range(5):
        ledger = random_ledger(seed)
        rng = random.Random(seed)
        for who in [*ledger.persons(), *ledger.organisations(), "nobody@else.example"]:
            for _ in range(20):
                before = NOW - timedelta(days=rng.randint(0, 400))
                counted = summarise(who, ledger.meetings(who, before=before))
                assert ledger.summary(who, before=before) == counted
            assert ledger.summary(who) == summarise(who, ledger.meetings(who))


def test_met_before_and_repeats_equal_counting_one_by_one():
    ledger = random_ledger(7)
    rng = random.Random(7)
    for _ in range(200):
        before = NOW - timedelta(days=rng.randint(0, 400))
        since = before - timedelta(days=rng.randint(0, 200))
        people = rng.sample(PEOPLE, rng.randint(1, 2))
        meetings = ledger.meetings(sorted(people)[0], before=before)
        expected = sum(1 for m in meetings if m.start >= since and set(people) <= set(m.emails))
        assert ledger.repeats(people, before=before, since=since) == expected
        assert ledger.met_before(people, before) == any(
            ledger.meetings(p, before=before) or ledger.meetings(p.split("@")[1], before=before)
            for p in people
        )
