"""Parse workers die with their parent (issue 26): a ``planner week`` killed while it reads a
large calendar on several processes leaves no worker behind holding its files open."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from planner.ical import parallel
from tests.locations import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc"),
    pytest.mark.skipif(parallel.usable_cores() < 2, reason="one core: no parallel parse"),
]


def _children(pid: int) -> set[int]:
    """The live (not zombie) processes whose parent is ``pid``."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and _parent_and_state(int(entry.name))[0] == pid:
            found.add(int(entry.name))
    return found


def _parent_and_state(pid: int) -> tuple[int, str]:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return -1, "gone"
    fields = text.rpartition(")")[2].split()
    return int(fields[1]), fields[0]


def _alive(pid: int) -> bool:
    return _parent_and_state(pid)[1] not in ("gone", "Z", "X")


@pytest.fixture(scope="module")
def big_calendar(tmp_path_factory) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from gen_calendar import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    path = tmp_path_factory.mktemp("big") / "work.ics"
    # every single event made a series of one, so icalendar reads them all on the workers
    # (plain single events are read in the command's own process, see planner.ical.plain)
    first, *events = generate(date(2026, 12, 31), years=5, meetings=6000).split(b"BEGIN:VEVENT\r\n")
    series = [
        e if b"RRULE" in e or b"RECURRENCE-ID" in e else b"RRULE:FREQ=YEARLY;COUNT=1\r\n" + e
        for e in events
    ]
    path.write_bytes(b"BEGIN:VEVENT\r\n".join([first, *series]))
    assert path.stat().st_size > 2 * parallel.THRESHOLD
    return path


class TestKilledDuringAParallelParse:
    """SIGKILL and SIGTERM of ``planner week`` while its workers parse: no worker is left."""

    @pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
    def test_no_worker_outlives_the_command(self, big_calendar, tmp_path, how):
        config = tmp_path / "config.toml"
        config.write_text(
            '[user]\nemail = "me@mycorp.example"\ntimezone = "Europe/Berlin"\n'
            f'[[calendars]]\nname = "work"\nprovider = "ics"\npath = "{big_calendar}"\n',
            encoding="utf-8",
        )
        env = {**os.environ, "PLANNER_DATA_DIR": str(tmp_path / "data")}
        command = [sys.executable, "-m", "planner", "week", "--config", str(config), "-q"]
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        workers: set[int] = set()
        deadline = time.monotonic() + 60
        while not workers and process.poll() is None and time.monotonic() < deadline:
            workers = _children(process.pid)
            time.sleep(0.02)
        if not workers:
            process.kill()
            pytest.fail("the parse never started a worker process")
        time.sleep(0.3)  # the workers are busy now
        workers |= _children(process.pid)
        process.send_signal(how)
        process.wait(timeout=30)
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = sorted(pid for pid in workers if _alive(pid))
        for pid in left:  # never leave them to the next test
            os.kill(pid, signal.SIGKILL)
        assert left == [], f"{len(left)} of {len(workers)} workers outlived the command"
