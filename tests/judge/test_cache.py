"""Classifications are kept per shape (planner/judge/cache.py): a series is classified once, and
the shape holds everything the classifier reads. If a rule starts to read an event's times,
the first test fails: add what it reads to ``cache._shape``."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from planner.judge.cache import classify_all
from planner.judge.mode import classify
from planner.store import Store
from tests.data.labelled_events import LABELLED

SHIFTS = [
    timedelta(days=1),
    timedelta(days=-3),
    timedelta(hours=7),
    timedelta(days=400, minutes=13),
]


@pytest.mark.parametrize("shift", SHIFTS, ids=str)
def test_moving_an_event_never_changes_its_classification(shift):
    for event, _mode in LABELLED:
        moved = replace(event, start=event.start + shift, end=event.end + shift)
        assert classify(moved) == classify(event), event.title


@pytest.fixture
def counted(monkeypatch):
    import planner.judge.mode

    calls: list[str] = []
    real = planner.judge.mode.classify
    monkeypatch.setattr(planner.judge.mode, "classify", lambda e: calls.append(e.title) or real(e))
    return calls


def test_a_series_is_classified_once_per_shape(tmp_path, counted):
    template = next(e for e, _mode in LABELLED if e.attendees and not e.all_day)
    series = [
        replace(
            template, start=template.start + timedelta(days=d), end=template.end + timedelta(days=d)
        )
        for d in range(300)
    ]
    later = template.start + timedelta(days=400)
    longer = replace(template, start=later, end=later + template.duration + timedelta(minutes=30))
    store = Store(tmp_path / "state.sqlite3")
    try:
        modes = classify_all([*series, longer], store)
        again = classify_all([*series, longer], store)
    finally:
        store.close()
    assert counted == [template.title, template.title]  # two shapes, classified once each
    assert modes == again and len(modes) == 301
    assert all(m == classify(series[0]) for m in modes.values())


def test_without_a_store_each_shape_is_classified_once(counted):
    from planner.judge.cache import _shape

    events = [e for e, _mode in LABELLED]
    assert classify_all([*events, *events], None) == {e.key: classify(e) for e in events}
    assert len(counted) == len({_shape(e) for e in events})


def test_thousands_of_new_shapes_are_written_behind_and_found_next_time(tmp_path, counted):
    """A week of 10,000 new shapes: the classifications are written by a forked writer
    (planner/ical/behind.py) while the plan goes on; the next look-up waits for it and
    classifies nothing."""
    from planner.ical import behind

    if not behind.possible():
        pytest.skip("written here: no fork or one core")
    base = [event for event, _mode in LABELLED]
    events = [
        replace(base[n % len(base)], uid=f"{n}@shapes", title=f"{base[n % len(base)].title} {n}")
        for n in range(behind.FROM_EVENTS + 10)
    ]
    store = Store(tmp_path / "state.sqlite3")
    first = classify_all(events, store)
    assert behind.pending(["classify_cache"])
    counted.clear()
    assert classify_all(events, store) == first
    assert counted == [] and not behind.pending()
    store.close()


def test_equal_classifications_are_sent_back_as_one():
    """Thousands of meetings with a Zoom, Teams or Webex link, each with its own title, have
    one classification each kind: a worker sends each back once (one object, pickled once)."""
    from planner.judge.cache import _classify

    links = ["https://zoom.us/j/1234", "https://teams.microsoft.com/l/meetup-join/19%3a", ""]
    weekly = next(event for event, _mode in LABELLED if event.title == "Weekly status")
    events = [
        replace(weekly, uid=f"m{n}", title=f"Meeting {n}", location=links[n % 3]) for n in range(30)
    ]
    found = [classification for classification, _answers in _classify(events)]
    assert len({id(c) for c in found}) == len(set(found)) == 3


def test_every_module_the_classifier_runs_is_in_its_fingerprint():
    """A change to any module the classifier imports recomputes the remembered
    classifications: a rule changed in a module left out would keep old answers."""
    import subprocess
    import sys

    from planner.judge.cache import CLASSIFIER_FILES

    script = (
        "import sys; before = set(sys.modules); import planner.judge.mode\n"
        "print('\\n'.join(m for m in set(sys.modules) - before))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    imported = {
        m.removeprefix("planner.").replace(".", "/") + ".py"
        for m in done.stdout.split()
        if m.startswith(("planner.judge.", "planner.people."))
    }
    assert imported and imported <= set(CLASSIFIER_FILES), imported - set(CLASSIFIER_FILES)


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("mode", "teleport"),
        ("mode", 3),
        ("evidence", "nonsense"),
        ("evidence", '["a", 1]'),
        ("evidence", '{"a": "b"}'),
        ("evidence", 42),
        ("evidence", b"[]"),
        ("confidence", "sure"),
        ("confidence", 0.5),
    ],
)
def test_a_row_this_version_did_not_write_is_classified_afresh(tmp_path, counted, column, value):
    events = [e for e, _mode in LABELLED[:6]]
    store = Store(tmp_path / "state.sqlite3")
    try:
        first = classify_all(events, store)
        store.conn.execute(f"UPDATE classify_cache SET {column} = ?", (value,))
        store.conn.commit()
        counted.clear()
        again = classify_all(events, store)
        third = classify_all(events, store)  # and it was written back whole
    finally:
        store.close()
    assert again == first == third
    assert counted and len(counted) == len({e.title for e in events} & set(counted))


def test_equal_rows_read_back_are_one_classification(tmp_path):
    template = next(e for e, _mode in LABELLED if e.attendees and not e.all_day)
    shapes = [replace(template, end=template.end + timedelta(minutes=m)) for m in range(5)]
    store = Store(tmp_path / "state.sqlite3")
    try:
        classify_all(shapes, store)
        again = classify_all(shapes, store)
    finally:
        store.close()
    assert len({id(found) for found in again.values()}) == 1
