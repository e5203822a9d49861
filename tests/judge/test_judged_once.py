"""What judging a week computes once, not per event or per question (issue 31: a week of
50,000 meetings): an event's words are read once for every word list the purpose asks, a word
list is compiled once (not looked up by its hundred entries per event), and the ledger writes
the people of a meeting once per set of people."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from planner.ical import payload
from planner.judge import purpose, zones
from planner.judge.purpose import determine_purpose
from planner.judge.relations import Ledger
from planner.model import Mode, Purpose
from planner.store import Store
from tests.judge.test_relations import BOB, CAROL, NOW, build, config_for, days_ago, ev


def counted(monkeypatch, module, name):
    """Calls of ``module.name`` from now on, still computed by the real function."""
    calls = []
    real = getattr(module, name)

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return calls


def test_an_events_words_are_read_once_for_every_word_list(monkeypatch):
    """Deal closing and first contact are asked before the private occasions and after them,
    and social occasions besides: one reading of title and description serves them all."""
    ledger = build([(ev("h1", days_ago(30), BOB), Mode.VIRTUAL)])
    calls = counted(monkeypatch, zones, "written")
    event = ev("q1", NOW + timedelta(days=1), BOB, title="Quartalsgespräch", description="Agenda")
    result = determine_purpose(event, ledger, config_for(), Mode.VIRTUAL)
    assert result.purpose is Purpose.OTHER  # every word list asked, none found
    assert len(calls) == 1


def test_a_word_list_is_compiled_once_for_a_week(monkeypatch):
    """Eighty events ask the same lists: each list's pattern is found by the list itself."""
    ledger = build([(ev("h1", days_ago(30), BOB), Mode.VIRTUAL)])
    config = config_for()
    calls = counted(monkeypatch, purpose, "_pattern")
    for number in range(80):
        start = NOW + timedelta(days=1, minutes=number)
        event = ev(f"w{number}", start, BOB, CAROL, title=f"Abstimmung {number}")
        assert determine_purpose(event, ledger, config, Mode.VIRTUAL).purpose is Purpose.OTHER
    assert len(calls) <= 3  # deal closing, first contact, social occasions: at most once each


def test_the_ledger_writes_a_set_of_people_once(monkeypatch):
    """Twenty occurrences with the same people (a calendar read gives them one attendee
    object): their people are encoded for the state database once, and stored for each."""
    first = ev("s1", days_ago(40), BOB, CAROL, series="s1")
    series = [replace(first, start=first.start + timedelta(days=n), end=first.end +
                      timedelta(days=n)) for n in range(20)]  # fmt: skip
    calls = counted(monkeypatch, payload, "compact")
    store = Store(":memory:")
    ledger = Ledger.open(store, config_for())
    ledger.update([(e, Mode.VIRTUAL) for e in series], now=NOW)
    assert len(calls) == 1
    rows = store.conn.execute("SELECT people FROM ledger_meetings").fetchall()
    assert len(rows) == 20 and len(set(rows)) == 1
    assert "bob@acme.example" in rows[0][0]
    again = Ledger.open(store, config_for())
    assert again.summary(BOB).meetings == 20
    assert again.met_before([CAROL], NOW) and not again.met_before([CAROL], days_ago(41))
