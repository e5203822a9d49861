"""A library's Python warning is no message to the user: without ``--debug`` nothing of it
reaches the terminal, with ``--debug`` it is shown as Python writes it.

Gap (found by using the product): an older Thunderbird/Lightning export
(``TZID=/mozilla.org/20070129_1/Europe/Berlin``) printed icalendar's
``GloballyUniqueTZIDGuessed`` with a site-packages path and a source line, even with ``-q``,
glued to the end of the plan; planner reads such a TZID itself (planner.ical.tzids)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

VENDOR_TZIDS = [
    "/mozilla.org/20070129_1/Europe/Berlin",  # Thunderbird / Lightning
    "/freeassociation.sourceforge.net/Tzfile/Europe/Berlin",  # Evolution
    "/softwarestudio.org/Olson_20011030_5/Europe/Berlin",  # old KOrganizer
]


def _calendar(folder: Path, tzid: str) -> Path:
    path = folder / "export.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN"
        f"\r\nBEGIN:VEVENT\r\nUID:tb-1@example\r\nDTSTAMP:20261201T090000Z\r\n"
        f"DTSTART;TZID={tzid}:20261222T110000\r\nDTEND;TZID={tzid}:20261222T120000\r\n"
        "SUMMARY:Abstimmung Budget\r\nLOCATION:Konferenzraum 2\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
        newline="",
    )
    return path


def _classify(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HOME=str(folder), PLANNER_DATA_DIR=str(folder / "data"))
    env.pop("PYTHONWARNINGS", None)
    return subprocess.run(
        # the event's month, whatever today is (the default is a year either side of today)
        [
            sys.executable,
            "-m",
            "planner",
            "classify",
            *args,
            "--from",
            "2026-12-01",
            "--to",
            "2026-12-31",
            "--format",
            "json",
        ],  # fmt: skip
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=folder,
    )


@pytest.mark.parametrize("tzid", VENDOR_TZIDS)
def test_a_vendor_tzid_is_read_without_a_library_warning(tmp_path: Path, tzid: str):
    path = _calendar(tmp_path, tzid)
    done = _classify(tmp_path, str(path))
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr and "site-packages" not in done.stderr, done.stderr
    (event,) = json.loads(done.stdout)["events"]
    start = datetime.fromisoformat(event["start"])
    assert start == datetime(2026, 12, 22, 11, tzinfo=ZoneInfo("Europe/Berlin")), event


def test_debug_shows_the_library_warning(tmp_path: Path):
    path = _calendar(tmp_path, VENDOR_TZIDS[0])
    done = _classify(tmp_path, "--debug", str(path))
    assert done.returncode == 0, done.stderr
    assert "GloballyUniqueTZIDGuessed" in done.stderr
