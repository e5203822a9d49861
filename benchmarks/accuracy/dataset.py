"""Reading one part of the labelled set the way planner reads real calendars.

Each file of ``data/<part>/manifest.json`` goes through planner's own reader for its format
(``planner.ical.reader`` for .ics, the Graph and Google mappings of ``providers`` for JSON);
``labels.csv`` names each labelled occurrence by file, UID and local start. A blank purpose is
not scored. A manifest with ``"history": "part"`` holds one person's calendars: each file is
judged against the history of all of them (otherwise against its own); an entry may name the
user's ``other_emails``.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from planner.model import Event, Mode, Purpose

DATA = Path(__file__).resolve().parent / "data"
PARTS = (
    "dev",
    "heldout",
    "tasks_dev",
    "tasks_heldout",
    "holds_dev",
    "holds_heldout",
    "signatures_dev",
    "signatures_heldout",
    "platforms_dev",
    "platforms_heldout",
    "platforms_dev2",
    "platforms_dev3",
    "platforms_dev4",
    "platforms_dev5",
)


@dataclass(frozen=True)
class Labelled:
    event: Event
    meeting: bool
    mode: Mode
    purpose: Purpose | None
    cls: str
    note: str


@dataclass(frozen=True)
class CalendarFile:
    """One export: whose calendar it is and every event in it (the labelled ones and the rest,
    which are the history the purpose is judged against)."""

    file: str
    user: str
    domains: tuple[str, ...]
    zone: ZoneInfo
    language: str
    events: tuple[Event, ...]
    labelled: tuple[Labelled, ...]
    other_emails: tuple[str, ...] = ()
    shared: tuple[Event, ...] = ()

    @property
    def history(self) -> tuple[Event, ...]:
        """The events the purpose is judged against: the whole part's, or the file's own."""
        return self.shared or self.events


def read_events(
    path: Path, kind: str, zone: ZoneInfo, user: str, others: tuple[str, ...] = ()
) -> list[Event]:
    """The events of one export, read as planner's provider for it reads them (the user's
    addresses tell their own answer to an invitation)."""
    data = path.read_bytes()
    emails = frozenset(address.lower() for address in (user, *others))
    if kind.endswith("_ics"):
        from planner.ical.reader import events_from_ics

        start, end = datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 12, 31, tzinfo=UTC)
        return list(
            events_from_ics(
                data,
                source=path.name,
                tz=zone,
                start=start,
                end=end,
                user_emails=emails,
                warn=lambda _m: None,
            )
        )
    body = json.loads(data)
    if kind == "graph_json":
        from providers.graph_events import to_event as graph_event

        found = [graph_event(item, zone, calendar=path.name) for item in body["value"]]
    else:
        from providers.base import ProviderContext
        from providers.google_map import to_event as google_event

        context = ProviderContext(tz=zone, user_emails=emails)
        found = [
            google_event(item, context, source=path.name, calendar_id=user)
            for item in body["items"]
        ]
    return [event for event in found if event is not None]


def load(part: str) -> list[CalendarFile]:
    folder = DATA / part
    manifest = json.loads((folder / "manifest.json").read_text())
    with (folder / "labels.csv").open(newline="") as handle:
        labels = list(csv.DictReader(handle))
    files = []
    for entry in manifest["calendars"]:
        zone = ZoneInfo(entry["zone"])
        others = tuple(entry.get("other_emails", ()))
        events = read_events(folder / entry["file"], entry["format"], zone, entry["user"], others)
        by_key = {}
        for event in events:
            local = event.start.astimezone(zone)
            when = local.strftime("%Y-%m-%d") if event.all_day else local.strftime("%Y-%m-%d %H:%M")
            by_key[(event.uid, when)] = event
        labelled = []
        for row in labels:
            if row["file"] != entry["file"]:
                continue
            event = by_key.get((row["uid"], row["start"]))
            if event is None:
                raise LookupError(
                    f"{part}/{row['file']}: no event {row['title']!r} at {row['start']}"
                )
            labelled.append(
                Labelled(
                    event,
                    row["meeting"] == "yes",
                    Mode(row["mode"]),
                    Purpose(row["purpose"]) if row["purpose"] else None,
                    row["class"],
                    row["note"],
                )
            )
        files.append(
            CalendarFile(
                entry["file"],
                entry["user"],
                tuple(entry["domains"]),
                zone,
                entry["language"],
                tuple(events),
                tuple(labelled),
                others,
            )
        )
    if manifest.get("history") == "part":
        shared = tuple(event for calendar in files for event in calendar.events)
        files = [replace(calendar, shared=shared) for calendar in files]
    return files
