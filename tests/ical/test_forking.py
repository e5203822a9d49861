"""Work shared among forked processes gives what one process gives (planner/ical/forking.py)."""

from __future__ import annotations

import os

import pytest

from planner.ical import forking


def squares_and_pids(items):
    return [(n * n, os.getpid()) for n in items]


def test_a_large_job_is_shared_and_gives_the_same_result():
    found = forking.fork_map(squares_and_pids, list(range(5000)), workers=2)
    assert [n for n, _pid in found] == [n * n for n in range(5000)]
    assert len({pid for _n, pid in found}) == 2  # the second half came from another process


def test_a_small_job_stays_in_this_process():
    found = forking.fork_map(squares_and_pids, list(range(10)), workers=2)
    assert {pid for _n, pid in found} == {os.getpid()}


def fails_elsewhere(items, parent=os.getpid()):
    if os.getpid() != parent:
        raise RuntimeError("a worker died")
    return [n + 1 for n in items]


def test_a_failing_worker_means_the_work_is_done_here():
    assert forking.fork_map(fails_elsewhere, list(range(4000)), workers=2) == list(range(1, 4001))


def test_classifying_thousands_of_events_on_two_cores_equals_one(monkeypatch):
    from dataclasses import replace

    from planner.judge.cache import classify_all
    from planner.judge.mode import classify
    from tests.data.labelled_events import LABELLED

    events = [
        replace(event, uid=f"{n}-{event.uid}", title=f"{event.title} {n}")
        for n in range(20)
        for event, _mode in LABELLED
    ]
    assert len(events) >= forking.fork_map.__kwdefaults__["minimum"]
    assert classify_all(events, None) == {e.key: classify(e) for e in events}


@pytest.mark.parametrize("cores", [1])
def test_one_core_computes_here(monkeypatch, cores):
    monkeypatch.setattr(forking, "usable_cores", lambda: cores)
    found = forking.fork_map(squares_and_pids, list(range(5000)))
    assert {pid for _n, pid in found} == {os.getpid()}


def test_a_small_job_does_not_import_multiprocessing():
    """Most calls are small (a few new events to classify): they cost no process machinery,
    not even its import."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from planner.ical import forking\n"
        "assert forking.fork_map(lambda xs: [x + 1 for x in xs], [1, 2], workers=2) == [2, 3]\n"
        "print('multiprocessing' in sys.modules, 'concurrent.futures' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "False"]


def test_the_share_done_here_can_be_set():
    """A worker that sends a costly result back gets less: ``here`` is this process's share."""
    found = forking.fork_map(squares_and_pids, list(range(5000)), workers=2, here=0.6)
    assert [n for n, _pid in found] == [n * n for n in range(5000)]
    mine = [n for n, pid in found if pid == os.getpid()]
    assert len(mine) == 3000 and mine == [n * n for n in range(3000)]


def test_a_share_that_leaves_nothing_for_a_worker_is_done_here():
    found = forking.fork_map(squares_and_pids, list(range(3000)), workers=2, here=1.0)
    assert {pid for _n, pid in found} == {os.getpid()}
    assert [n for n, _pid in found] == [n * n for n in range(3000)]


WORKER_SCRIPT = """
import os, sys, time
from planner.ical import forking

def slow(items):
    if os.getpid() != PARENT:  # a worker: tell the test, then work for a long while
        print(os.getpid(), flush=True)
        time.sleep(60)
    return list(items)

PARENT = os.getpid()
forking.fork_map(slow, list(range(4000)), workers=2, here=0.01)
"""


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="needs Linux /proc")
@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
def test_no_worker_outlives_a_killed_parent(tmp_path, how):
    """A command killed while its forked workers compute (classifying, judging, rendering)
    leaves none of them behind, holding its memory and files."""
    import signal
    import subprocess
    import sys
    import time

    from tests.locations import ROOT

    parent = subprocess.Popen(
        [sys.executable, "-c", WORKER_SCRIPT],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert parent.stdout is not None
    worker = int(parent.stdout.readline())  # the worker is computing now
    parent.send_signal(getattr(signal, how))
    parent.wait(timeout=30)
    deadline = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = _alive(worker)
    if alive:
        os.kill(worker, signal.SIGKILL)  # never leave it to the next test
    assert not alive, "the worker outlived the killed command"


def _alive(pid: int) -> bool:
    try:
        text = open(f"/proc/{pid}/stat").read()
    except OSError:
        return False
    return text.rpartition(")")[2].split()[0] not in ("Z", "X")
