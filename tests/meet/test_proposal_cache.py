"""Proposals remembered between runs: the same inputs give the same proposals without
computing them; any change to what they depend on computes afresh."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.flows import weekly
from planner.judge.relations import Ledger
from planner.meet.proposal_cache import ProposalCache
from planner.meet.venues import demo_catalog
from planner.model import Interval, Mode
from planner.store import Store
from tests.flows.test_weekly import MONDAY, NOW, TZ, at, config, meeting


def _plan(events, store, *, free_busy=None, cache=True):
    catalog = demo_catalog(TZ)
    return weekly.build_plan(
        events,
        config(),
        MONDAY,
        now=NOW,
        ledger=Ledger.open(Store(":memory:"), config()),
        catalog=catalog,
        free_busy=free_busy,
        proposal_cache=ProposalCache(store, config(), catalog) if cache else None,
    )


def _proposals(plan):
    return [(item.event.uid, item.proposals) for item in plan.items if item.proposals]


EVENTS = [
    meeting("a@t", 1, 10, "Erstgespräch Alpha", "a@alpha.example", "Microsoft Teams Meeting"),
    meeting("b@t", 2, 10, "Erstgespräch Beta", "b@beta.example", "Microsoft Teams Meeting"),
]


def test_a_repeat_run_reads_the_proposals_and_gets_the_same(monkeypatch):
    store = Store(":memory:")
    first = _plan(EVENTS, store)
    assert len(_proposals(first)) == 2
    assert _proposals(first) == _proposals(_plan(EVENTS, store, cache=False))

    def no_proposer(*args, **kwargs):
        raise AssertionError("proposals were computed again")

    monkeypatch.setattr(weekly, "proposer_over", no_proposer)
    again = _plan(EVENTS, store)
    assert _proposals(again) == _proposals(first)
    for (_uid, old), (_uid2, new) in zip(_proposals(first), _proposals(again), strict=True):
        assert [p.start.tzinfo for p in new] == [p.start.tzinfo for p in old]


@pytest.mark.parametrize("change", ["busy", "event", "catalog"])
def test_what_proposals_depend_on_changes_the_key(change, monkeypatch):
    store = Store(":memory:")
    _plan(EVENTS, store)
    computed = []
    real = weekly.proposer_over
    monkeypatch.setattr(
        weekly, "proposer_over", lambda *a, **k: computed.append(1) or real(*a, **k)
    )
    events, free_busy = list(EVENTS), None
    if change == "busy":
        free_busy = lambda emails, s, e: [Interval(at(1, 8), at(1, 18))]  # noqa: E731
    elif change == "event":
        events.append(meeting("c@t", 3, 12, "Lunch", "c@gamma.example", "Marienplatz 1"))
    else:
        monkeypatch.setattr(
            "planner.meet.proposal_cache._catalog_text", lambda catalog: "another catalog"
        )
    _plan(events, store, free_busy=free_busy)
    assert computed  # computed afresh, not read


def test_the_key_follows_the_request_the_history_and_the_modes():
    cache = ProposalCache(Store(":memory:"), config(), demo_catalog(TZ))
    request = weekly.MeetRequest(
        ["a@alpha.example"], NOW, NOW + timedelta(days=7), "first_contact", [], 2, now=NOW
    )
    virtual = {e.key: Mode.VIRTUAL for e in EVENTS}
    history = cache.history(EVENTS, virtual, NOW)
    key = cache.key(request, EVENTS[0], history, [])
    assert cache.key(request, EVENTS[0], history, []) == key
    later = replace(request, start=NOW + timedelta(minutes=15))
    assert cache.key(later, EVENTS[0], history, []) != key
    assert cache.key(request, EVENTS[1], history, []) != key
    assert cache.key(request, EVENTS[0], history, EVENTS[1:]) != key
    in_person = cache.history(EVENTS, {e.key: Mode.IN_PERSON for e in EVENTS}, NOW)
    assert cache.key(request, EVENTS[0], in_person, []) != key
    after_both = cache.history(EVENTS, virtual, NOW + timedelta(days=7))
    assert after_both != history  # which meetings are history changes homes and places


def test_the_history_follows_every_field_time_and_zone_of_an_event():
    cache = ProposalCache(Store(":memory:"), config(), demo_catalog(TZ))
    modes = {e.key: Mode.IN_PERSON for e in EVENTS}
    history = cache.history(EVENTS, modes, NOW)
    first = EVENTS[0]
    new_york = ZoneInfo("America/New_York")
    changed = [
        replace(first, title=first.title + "!"),
        replace(first, location="Odeonsplatz 1, München"),
        replace(first, start=first.start + timedelta(minutes=30)),
        replace(first, end=first.end + timedelta(minutes=30)),
        replace(first, start=first.start.astimezone(new_york)),  # the same instant elsewhere
        replace(first, all_day=True),
    ]
    for event in changed:
        events = [event, *EVENTS[1:]]
        assert cache.history(events, {e.key: Mode.IN_PERSON for e in events}, NOW) != history
    assert cache.history(list(reversed(EVENTS)), modes, NOW) == history  # not their order


def test_proposals_for_someone_far_away_hold_only_for_their_moment():
    cache = ProposalCache(Store(":memory:"), config(), demo_catalog(TZ))
    cache.put("k", [], ["a note"], NOW)
    assert cache.get("k", NOW) == ([], ["a note"])
    assert cache.get("k", NOW + timedelta(seconds=1)) is None
    cache.put("n", [], [], None)
    assert cache.get("n", NOW + timedelta(hours=1)) == ([], [])


def test_a_damaged_entry_is_computed_afresh():
    store = Store(":memory:")
    first = _plan(EVENTS, store)
    store.conn.execute("UPDATE proposal_cache SET proposals = 'nonsense'")
    assert _proposals(_plan(EVENTS, store)) == _proposals(first)


def test_the_key_is_the_same_in_every_process():
    """Venue tags are sets: their order differs between processes (hash seeds)."""
    import os
    import subprocess
    import sys

    script = (
        "from planner.meet.proposal_cache import ProposalCache\n"
        "from planner.meet.venues import demo_catalog\n"
        "from planner.store import Store\n"
        "from tests.flows.test_weekly import TZ, config\n"
        "print(ProposalCache(Store(':memory:'), config(), demo_catalog(TZ)).base)\n"
    )
    bases = {
        subprocess.run(
            [sys.executable, "-c", script],
            env=dict(os.environ, PYTHONHASHSEED=seed),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(bases) == 1


def test_every_field_of_a_proposal_is_kept():
    """A new field of Proposal must be written and read by the cache too."""
    from dataclasses import fields

    from planner.meet.pick import Proposal
    from planner.meet.proposal_cache import _proposal, _row

    assert {f.name for f in fields(Proposal)} == {
        "start",
        "end",
        "kind",
        "venue",
        "travel_minutes",
        "score",
        "reasons",
        "counterpart_minutes",
        "id",
        "same_time",
        "zone",
    }
    store = Store(":memory:")
    plan = _plan(EVENTS, store)
    for _uid, proposals in _proposals(plan):
        for proposal in proposals:
            assert _proposal(_row(proposal), TZ) == proposal
    abroad = replace(proposal, zone="America/New_York")
    assert _proposal(_row(abroad), TZ) == abroad
