"""The reference provider runs the contract; every other provider must behave the same."""

from __future__ import annotations

from dataclasses import replace

import pytest

from planner.config.schema import SourceConfig
from providers.base import ProviderContext, create
from tests.providers.additions import NOTE
from tests.providers.contract import TZ, Additions, ProviderContract
from tests.providers.hold_contract import EditHold


class TestMemoryContract(ProviderContract):
    @pytest.fixture
    def make_provider(self):
        def make(events):
            source = SourceConfig("mem", "memory", {"events": events})
            return create(source, ProviderContext(tz=TZ))

        return make

    @pytest.fixture
    def additions(self) -> Additions:
        """A note, and a colour as another client's property (a hint, as files hand them)."""

        def add(provider, marked):
            events = provider._events
            (key,) = [k for k, e in events.items() if e.uid == marked.id]
            events[key] = replace(events[key], description=NOTE, hints=(("COLOR", "tomato"),))

        def kept(provider, marked):
            return marked.event.description == NOTE and marked.event.hint("COLOR") == "tomato"

        return Additions(add, kept)

    @pytest.fixture
    def edit_hold(self) -> EditHold:
        def edit(provider, uid, title):
            events = provider._events
            (key,) = [k for k, e in events.items() if e.uid == uid]
            events[key] = replace(events[key], title=title)

        return edit


def test_memory_keeps_the_events_sync_writes_apart_by_their_mark():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from planner.config.schema import SourceConfig
    from planner.model import Event
    from providers.base import ProviderContext, SyncMark
    from providers.memory import MemoryProvider

    tz = ZoneInfo("Europe/Berlin")
    user = Event(
        "u", "Mine", datetime(2026, 12, 8, 9, tzinfo=tz), datetime(2026, 12, 8, 10, tzinfo=tz)
    )
    provider = MemoryProvider(SourceConfig("m", "memory", {"events": [user]}), ProviderContext(tz))
    start = datetime(2026, 12, 8, 11, tzinfo=tz)
    mirror = Event("planner-sync-1", "Busy", start, start.replace(hour=12))
    provider.create_marked(mirror, SyncMark("mirror:a:x", "d1"))
    (marked,) = provider.list_marked()
    assert marked.mark == SyncMark("mirror:a:x", "d1") and marked.event.title == "Busy"
    provider.update_marked(
        marked,
        mirror.__class__(
            **{
                **{s: getattr(mirror, s) for s in Event.__slots__ if not s.startswith("_")},
                "title": "Lunch",
            }
        ),
        SyncMark("mirror:a:x", "d2"),
    )
    (marked,) = provider.list_marked()
    assert marked.event.title == "Lunch" and marked.mark.digest == "d2"
    provider.delete_marked(marked)
    assert provider.list_marked() == []
    assert [e.uid for e in provider.events(start.replace(hour=0), start.replace(hour=23))] == ["u"]
