"""The ``planner`` program ends without the cycle collector's last walk over what is alive
(:func:`planner.cli.run`), and loses nothing by it: the whole output, the exit status and the
state written during the run are all there."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from planner.cli import COLLECTION_THRESHOLDS

PROBE = (
    "import atexit, gc, sys\n"
    "atexit.register(lambda: print('FROZEN=%d' % gc.get_freeze_count(), file=sys.stderr))\n"
    "atexit.register(lambda: print('THRESHOLDS=%d,%d,%d' % gc.get_threshold(), file=sys.stderr))\n"
    "sys.argv = ['planner', *sys.argv[1:]]\n"
    "from planner.cli import run\n"
    "run()\n"
)


def _program(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(tmp_path), "PLANNER_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin"}
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def _frozen(stderr: str) -> int:
    return int(stderr.rsplit("FROZEN=", 1)[1].split()[0])


def test_a_week_is_written_whole_and_its_state_kept(tmp_path):
    done = _program(tmp_path, "week", "--demo", "--format", "json")
    assert done.returncode == 0, done.stderr
    plan = json.loads(done.stdout)  # the whole document, flushed before the end
    assert plan["events"]
    assert _frozen(done.stderr) > 1000  # the objects alive at the end were left to the exit
    # and Python's thresholds were not put back at the end (a collection of all things young)
    expected = ",".join(map(str, COLLECTION_THRESHOLDS))
    assert done.stderr.rsplit("THRESHOLDS=", 1)[1].split()[0] == expected
    databases = list((tmp_path / "data").rglob("*.sqlite3"))
    assert databases
    for path in databases:  # every database written during the run is whole
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_an_error_keeps_its_status_and_line(tmp_path):
    done = _program(tmp_path, "classify", str(tmp_path / "missing.ics"))
    assert done.returncode == 1, done.stderr  # the status main gives a missing file
    assert "missing.ics" in done.stderr
    assert "Traceback" not in done.stderr
    assert _frozen(done.stderr) > 0
