"""khal as a yardstick for ``bench_week.py``: its own venv, a vdir of the generated calendar,
a config, and the command that lists one week from khal's SQLite cache.

khal reads a *vdir* (one .ics file per event UID), so the generated calendar is split at
component boundaries: every file gets the VTIMEZONEs and all VEVENTs of one UID (a series
with its overrides stays together).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

UID = re.compile(rb"\r\nUID:([^\r\n]*)")


def ensure_khal(venv: Path) -> Path:
    """The khal executable in ``venv``, installing khal there when it is missing."""
    khal = venv / "bin" / "khal"
    if not khal.exists():
        print(f"installing khal into {venv} (once) …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "khal"]
        subprocess.run(pip, check=True)
    return khal


def write_vdir(calendar: bytes, folder: Path) -> int:
    """Split ``calendar`` into one file per UID in ``folder``; the number of files."""
    folder.mkdir(parents=True, exist_ok=True)
    zones: list[bytes] = []
    events: dict[bytes, list[bytes]] = defaultdict(list)
    for match in re.finditer(rb"BEGIN:(VTIMEZONE|VEVENT)\r\n.*?END:\1\r\n", calendar, re.S):
        component = match.group(0)
        if match.group(1) == b"VTIMEZONE":
            zones.append(component)
            continue
        uid = UID.search(b"\r\n" + component)
        events[uid.group(1) if uid else str(len(events)).encode()].append(component)
    head = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//planner benchmarks//khal//EN\r\n"
    for number, (_uid, components) in enumerate(events.items()):
        text = head + b"".join(zones) + b"".join(components) + b"END:VCALENDAR\r\n"
        (folder / f"{number:06}.ics").write_bytes(text)
    return len(events)


def write_config(root: Path, vdir: Path, zone: str) -> Path:
    """A khal config reading ``vdir`` with its cache in ``root``."""
    config = root / "khal.conf"
    config.write_text(
        "[calendars]\n[[work]]\n"
        f"path = {vdir}\n\n"
        "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        f"local_timezone = {zone}\ndefault_timezone = {zone}\n\n"
        "[default]\ndefault_calendar = work\n\n"
        f"[sqlite]\npath = {root / 'khal.db'}\n",
        encoding="utf-8",
    )
    return config


def list_command(khal: Path, config: Path, first_day: str) -> list[str]:
    """``khal list`` of the seven days from ``first_day``."""
    return [str(khal), "-c", str(config), "list", first_day, "7d"]
