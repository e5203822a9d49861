"""A mirror or travel block the user took over is read as their own meeting; the ones planner
sync wrote and nobody changed stay out of the plan, as before (a mirrored meeting would count
twice). Read from a vdir folder, the way vdirsyncer keeps a CalDAV calendar: each object as
``planner sync`` wrote it (X-PLANNER-SYNC-KEY and -DIGEST), then edited like a calendar app does.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from planner.calendar.sources import context_for, open_providers, read_events
from planner.config import Config, SourceConfig, from_mapping
from planner.ical.writing import event_to_ics
from planner.model import Event
from planner.sync.mirrors import mirror
from planner.sync.travel import Leg, travel_blocks
from providers.base import SyncMark
from providers.caldav_marked import marked_ics

TZ = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 12, 7, tzinfo=TZ)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=TZ)


def meeting(uid: str, title: str, start: datetime, **kw) -> Event:
    return Event(uid, title, start, start + timedelta(hours=1), **kw)


def write(folder: Path, name: str, text: bytes | str) -> None:
    (folder / name).write_bytes(text if isinstance(text, bytes) else text.encode())


def config_for(*folders: Path) -> Config:
    data = {"user": {"email": "me@planner.test", "timezone": "Europe/Berlin"}}
    sources = tuple(SourceConfig(f.name, "ics", {"path": str(f)}) for f in folders)
    return replace(from_mapping(data, "<test>"), calendars=sources)


def read(config: Config) -> list[Event]:
    providers = open_providers(config, context_for(config))
    try:
        return read_events(providers, MONDAY, MONDAY + timedelta(days=7))
    finally:
        for provider in providers:
            provider.close()


def test_blocks_the_user_took_over_are_read_and_the_planners_are_not(tmp_path):
    work, private = tmp_path / "work", tmp_path / "private"
    work.mkdir()
    private.mkdir()
    kunde = meeting("kunde@x", "Termin Kunde AG", at(8, 10), location="Leopoldstr. 10, München")
    pitch = meeting("pitch@x", "Pitch Müller GmbH", at(9, 14), location="Tantris, München")
    review = meeting("review@x", "Quartalsreview", at(10, 9))
    standup = meeting("standup@x", "Stand-up", at(11, 9))
    for item in (kunde, pitch, review, standup):
        write(work, f"{item.uid}.ics", event_to_ics(item))
    # what planner sync wrote into the private calendar: a mirror of each, travel to Kunde AG
    mirrors = {m.uid: m for m in (kunde, pitch, review, standup)}
    written = {u: mirror(m, "work", "private", "busy") for u, m in mirrors.items()}
    (travel,) = travel_blocks([Leg(kunde, "before", at(8, 9, 25), at(8, 10))], "private")

    def planners(want, event: Event | None = None) -> str:
        """The object as sync wrote it, or with ``event``'s content under the same mark."""
        return marked_ics(event or want.event, SyncMark(want.key, want.digest)).decode()

    write(private, "travel.ics", planners(travel, replace(travel.event, title="Zahnarzt")))
    write(private, "kunde.ics", planners(written["kunde@x"]))  # untouched
    write(private, "pitch.ics", planners(written["pitch@x"]))
    text = (private / "pitch.ics").read_text()  # reused: a place and a guest added in the app
    text = text.replace(
        "END:VEVENT",
        "LOCATION:Café Luitpold\r\nATTENDEE;CN=Jonas Weber:mailto:jonas@weber.example\r\n"
        "END:VEVENT",
    )
    write(private, "pitch.ics", text)
    moved = replace(written["review@x"].event, start=at(10, 16), end=at(10, 17))
    write(private, "review.ics", planners(written["review@x"], moved))  # dragged to 16:00
    write(private, "standup.ics", planners(written["standup@x"]))  # untouched

    events = read(config_for(work, private))
    titles = Counter(e.title for e in events if e.calendar == "private")
    assert titles == {"Zahnarzt": 1, "Busy": 2}  # the one reused, the one moved
    busy = sorted((e.start, e.location) for e in events if e.title == "Busy")
    assert busy == [(at(9, 14), "Café Luitpold"), (at(10, 16), "")]
    # the meetings themselves once each; no mirror of the untouched ones
    assert Counter(e.title for e in events if e.calendar == "work") == {
        "Termin Kunde AG": 1, "Pitch Müller GmbH": 1, "Quartalsreview": 1, "Stand-up": 1
    }  # fmt: skip
    assert not [e for e in events if e.start == at(11, 9) and e.calendar == "private"]
    assert not [e for e in events if e.start == at(8, 10) and e.calendar == "private"]
