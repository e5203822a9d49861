"""Write one part of the labelled set: its export files, ``manifest.json`` and ``labels.csv``.

    python benchmarks/accuracy/make.py heldout|dev

The specs live in ``heldout.py`` and ``dev.py``; the files they produce are committed under
``data/<part>/`` and are what the benchmark and the tests read (through planner's own readers).
The held-out part was written and committed before the classifier was changed; do not
regenerate it after changing blocks.py or author.py (the committed files are the data set).
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from author import WRITERS, Calendar, judged, uid_of  # noqa: E402

from planner.model import Mode, Purpose  # noqa: E402

MODES = {mode.value for mode in Mode}
PURPOSES = {purpose.value for purpose in Purpose}
COLUMNS = ("file", "uid", "start", "title", "meeting", "mode", "purpose", "class", "note")


def rows(calendar: Calendar, file: str) -> list[dict[str, str]]:
    found = []
    for spec in calendar.specs:
        meeting, mode, purpose = spec.label
        assert mode in MODES, (spec.title, mode)
        assert purpose in PURPOSES, (spec.title, purpose)
        occ = judged(spec, calendar.zone)
        start = (
            occ.start.strftime("%Y-%m-%d") if spec.all_day else occ.start.strftime("%Y-%m-%d %H:%M")
        )
        found.append(
            {
                "file": file,
                "uid": uid_of(calendar.writer, occ),
                "start": start,
                "title": spec.title,
                "meeting": "yes" if meeting else "no",
                "mode": mode,
                "purpose": purpose,
                "class": spec.cls,
                "note": spec.note,
            }
        )
    return found


def write(part: str) -> None:
    module = importlib.import_module(part)
    out = HERE / "data" / part
    out.mkdir(parents=True, exist_ok=True)
    manifest, labels = [], []
    for calendar in module.CALENDARS:
        writer, kind = WRITERS[calendar.writer]
        file = f"{calendar.name}.{kind}"
        (out / file).write_bytes(writer(calendar))
        manifest.append(
            {
                "file": file,
                "format": calendar.writer,
                "user": calendar.user.email,
                "domains": list(calendar.domains),
                "zone": calendar.zone,
                "language": calendar.language,
            }
        )
        labels += rows(calendar, file)
    (out / "manifest.json").write_text(json.dumps({"calendars": manifest}, indent=1) + "\n")
    buffer = io.StringIO()
    table = csv.DictWriter(buffer, COLUMNS, lineterminator="\n")
    table.writeheader()
    table.writerows(labels)
    (out / "labels.csv").write_text(buffer.getvalue())
    keys = Counter((row["file"], row["uid"], row["start"]) for row in labels)
    assert all(count == 1 for count in keys.values()), [k for k, c in keys.items() if c > 1]
    print(f"{part}: {len(labels)} labelled events in {len(manifest)} files")
    for name, counter in (
        ("meeting", Counter(r["meeting"] for r in labels)),
        ("mode", Counter(r["mode"] for r in labels)),
        ("purpose", Counter(r["purpose"] for r in labels)),
        ("class", Counter(r["class"] for r in labels)),
    ):
        print(f"  {name}: " + ", ".join(f"{k} {v}" for k, v in counter.most_common()))


if __name__ == "__main__":
    write(sys.argv[1])
