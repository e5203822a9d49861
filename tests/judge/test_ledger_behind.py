"""Thousands of meetings are written to the contact ledger behind (planner/ical/behind.py):
the plan goes on, the ledger opened afterwards holds exactly what a ledger written here holds,
and a later update waits for the earlier one, so the later state wins."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from planner.ical import behind
from planner.judge.relations import Ledger
from planner.model import Mode
from planner.store import Store
from tests.judge.test_relations import BOB, CAROL, DAN, NOW, config_for, ev

pytestmark = pytest.mark.skipif(not behind.possible(), reason="written here: no fork or one core")
COUNT = behind.FROM_EVENTS + 100


def _items(count: int, mode: Mode = Mode.IN_PERSON):
    people = (BOB, CAROL, DAN)
    return [
        (ev(f"m{n}@t", NOW - timedelta(hours=n + 1), people[n % 3]), mode) for n in range(count)
    ]


def _rows(path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT * FROM ledger_meetings ORDER BY uid, start").fetchall()


def test_a_large_update_is_written_behind_and_equals_one_written_here(tmp_path, monkeypatch):
    writers = []
    real = behind.write
    monkeypatch.setattr(behind, "write", lambda *a: writers.append(a[1]) or real(*a))
    stores = {}
    for name, limit in (("behind", behind.FROM_EVENTS), ("here", COUNT + 1)):
        monkeypatch.setattr(behind, "FROM_EVENTS", limit)
        store = stores[name] = Store(tmp_path / f"{name}.db")
        ledger = Ledger.open(store, config_for())
        ledger.update(_items(COUNT), now=NOW, lookback_days=COUNT // 24 + 2)
    assert writers == ["ledger_meetings"]
    reopened = Ledger.open(stores["behind"], config_for())  # waits for the writer
    assert not behind.pending() and len(reopened) == COUNT
    assert reopened.summary(BOB) == Ledger.open(stores["here"], config_for()).summary(BOB)
    assert _rows(tmp_path / "behind.db") == _rows(tmp_path / "here.db")
    for store in stores.values():
        store.close()


def test_a_later_update_lands_after_the_one_written_behind(tmp_path):
    store = Store(tmp_path / "state.db")
    ledger = Ledger.open(store, config_for())
    ledger.update(_items(COUNT), now=NOW, lookback_days=COUNT // 24 + 2)
    assert behind.pending(["ledger_meetings"])
    changed = _items(10, Mode.VIRTUAL)  # the latest ten, met otherwise after all
    ledger.update(changed, now=NOW, complete=False)
    reopened = Ledger.open(store, config_for())
    assert len(reopened) == COUNT
    assert {m.mode for m in reopened.meetings(BOB) if m.key[0] in {"m0@t", "m3@t"}} == {
        Mode.VIRTUAL
    }
    store.close()
