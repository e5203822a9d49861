"""The provider contract: every provider's test module subclasses :class:`ProviderContract`.

A subclass defines the fixture ``make_provider``: a callable that takes a list of
:class:`planner.model.Event` (the seed), stores them in its backend the native way (an .ics file,
a fake Google server, a Radicale server, ...) and returns a provider reading from there.
The reference implementation is ``tests/providers/test_provider_memory.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.errors import NotSupportedError
from planner.model import Attendee, Busy, Event, Response
from providers.base import CalendarProvider, MarkedEvent
from tests.providers.hold_contract import HoldRemovalContract

TZ = ZoneInfo("Europe/Berlin")
WINDOW_START = datetime(2026, 12, 7, tzinfo=TZ)  # Monday of 2026-W50
WINDOW_END = datetime(2026, 12, 14, tzinfo=TZ)
ANNA = "anna@berger-consulting.example"


def at(day: int, hour: int, minute: int = 0, tz: ZoneInfo = TZ) -> datetime:
    return datetime.combine(date(2026, 12, day), time(hour, minute), tzinfo=tz)


def seed_events() -> list[Event]:
    """The standard seed: what every backend must hand back unchanged."""
    return [
        Event(
            uid="contract-visit@planner.test",
            title="Kick-off ACME – Büro München",
            start=at(7, 10),
            end=at(7, 11, 30),
            location="Leopoldstraße 10, 80802 München",
            description="Agenda: Ziele, Zeitplan",
            organizer=Attendee(ANNA, "Anna Berger", Response.ACCEPTED),
            attendees=(
                Attendee(ANNA, "Anna Berger", Response.ACCEPTED),
                Attendee("bob@acme.example", "Bob Stone", Response.ACCEPTED),
            ),
        ),
        Event(
            uid="contract-call@planner.test",
            title="Weekly sync",
            start=at(8, 9, tz=ZoneInfo("Europe/London")),  # 10:00 Berlin
            end=at(8, 9, 30, tz=ZoneInfo("Europe/London")),
            location="https://zoom.us/j/123456789",
            attendees=(Attendee("carla@example.org", "Carla", Response.NEEDS_ACTION),),
        ),
        Event(
            uid="contract-allday@planner.test",
            title="Messe",
            start=datetime(2026, 12, 9, tzinfo=TZ),
            end=datetime(2026, 12, 10, tzinfo=TZ),
            all_day=True,
        ),
        Event(
            uid="contract-free@planner.test",
            title="Lesezeit",
            start=at(10, 14),
            end=at(10, 15),
            busy=False,
        ),
        Event(
            uid="contract-overlap@planner.test",
            title="Nachtzug",
            start=at(6, 23),
            end=at(7, 1),
        ),
        Event(
            uid="contract-outside@planner.test",
            title="Later",
            start=at(21, 10),
            end=at(21, 11),
        ),
    ]


@dataclass(frozen=True)
class Additions:
    """How the user adds to an event, in their calendar app, what the planner does not write
    (a colour, an alarm or reminder, a note, another app's property), the backend's own way:
    ``add(provider, marked)`` adds them to ``marked`` (from ``list_marked``), ``kept(provider,
    marked)`` tells whether all of them are still there."""

    add: Callable[[CalendarProvider, MarkedEvent], None]
    kept: Callable[[CalendarProvider, MarkedEvent], bool]


class ProviderContract(HoldRemovalContract):
    """Tests every provider must pass. Subclasses provide the ``make_provider`` fixture, a
    provider that can sync the ``additions`` fixture (:class:`Additions`), and one that can
    write holds the ``edit_hold`` fixture (:mod:`tests.providers.hold_contract`)."""

    #: the providers that refuse to write over a marked event the user changed
    guarded: tuple[str, ...] = ("memory", "caldav", "google", "outlook")

    @pytest.fixture
    def additions(self) -> Additions | None:
        return None

    @pytest.fixture
    def provider(self, make_provider) -> CalendarProvider:
        return make_provider(seed_events())

    def _by_uid(self, provider: CalendarProvider) -> dict[str, Event]:
        events = provider.events(WINDOW_START, WINDOW_END)
        return {e.uid: e for e in events}

    def test_lists_at_least_one_calendar(self, provider):
        calendars = provider.list_calendars()
        assert calendars
        assert all(c.id and c.name for c in calendars)

    def test_window_holds_exactly_the_overlapping_events(self, provider):
        uids = set(self._by_uid(provider))
        assert uids == {
            "contract-visit@planner.test",
            "contract-call@planner.test",
            "contract-allday@planner.test",
            "contract-free@planner.test",
            "contract-overlap@planner.test",
        }

    def test_times_are_zone_aware_and_exact(self, provider):
        found = self._by_uid(provider)
        for seed in seed_events():
            if seed.uid not in found or seed.all_day:
                continue
            event = found[seed.uid]
            assert event.start.tzinfo is not None and event.end.tzinfo is not None
            assert event.start == seed.start, seed.uid
            assert event.end == seed.end, seed.uid

    def test_text_fields_survive(self, provider):
        event = self._by_uid(provider)["contract-visit@planner.test"]
        assert event.title == "Kick-off ACME – Büro München"
        assert event.location == "Leopoldstraße 10, 80802 München"
        assert "Zeitplan" in event.description
        emails = {a.email.lower() for a in event.attendees}
        assert "bob@acme.example" in emails

    def test_all_day_event_covers_its_day(self, provider):
        event = self._by_uid(provider)["contract-allday@planner.test"]
        assert event.all_day
        assert event.start.astimezone(TZ).date() == date(2026, 12, 9)
        assert event.end - event.start == timedelta(days=1)

    def test_free_time_is_not_busy(self, provider):
        found = self._by_uid(provider)
        assert found["contract-free@planner.test"].busy is False
        assert found["contract-visit@planner.test"].busy is True
        # the busy status agrees (issue 17): free time is FREE, a plain meeting BUSY
        assert found["contract-free@planner.test"].busy_status is Busy.FREE
        assert found["contract-visit@planner.test"].busy_status is Busy.BUSY

    def test_events_are_sorted_by_start(self, provider):
        events = provider.events(WINDOW_START, WINDOW_END)
        starts = [e.start for e in events]
        assert starts == sorted(starts)

    def test_written_event_is_read_back_once(self, make_provider):
        provider = make_provider(seed_events())
        hold = Event(
            uid="contract-hold@planner.test",
            title="Hold: lunch with ACME",
            start=at(11, 12),
            end=at(11, 13, 30),
            location="Café Luitpold, Brienner Str. 11, 80333 München",
        )
        if not provider.can_write:  # read-only by design: writing must fail clearly
            with pytest.raises(NotSupportedError, match=provider.source.name):
                provider.create_event(hold)
            return
        provider.create_event(hold)
        provider.create_event(hold)  # a retry must not duplicate
        events = [e for e in provider.events(WINDOW_START, WINDOW_END) if e.uid == hold.uid]
        assert len(events) == 1
        assert events[0].start == hold.start and events[0].title == hold.title

    def test_marked_events_are_listed_updated_and_deleted(self, make_provider):
        """``planner sync``'s write path: only marked events are listed; create is idempotent,
        update moves the event, delete removes it (twice is no error)."""
        from dataclasses import replace

        from providers.base import SyncMark

        provider = make_provider(seed_events())
        if not provider.can_sync:
            with pytest.raises(NotSupportedError, match=provider.source.name):
                provider.list_marked()
            return
        mirror = Event("planner-sync-contract@planner", "Busy", at(10, 14), at(10, 15))
        mark = SyncMark("mirror:x:contract", "d1")
        assert provider.list_marked() == []  # the user's events are never the planner's
        provider.create_marked(mirror, mark)
        provider.create_marked(mirror, mark)  # a retry must not duplicate
        (found,) = provider.list_marked()
        assert found.mark == mark and (found.event.title, found.event.start) == ("Busy", at(10, 14))
        moved = replace(mirror, title="Lunch", start=at(10, 16), end=at(10, 17))
        provider.update_marked(found, moved, SyncMark(mark.key, "d2"))
        (found,) = provider.list_marked()
        assert found.mark.digest == "d2" and found.event.start == at(10, 16)
        read = [e for e in provider.events(WINDOW_START, WINDOW_END) if e.title == "Lunch"]
        assert [e.start for e in read] == [at(10, 16)]
        provider.delete_marked(found)
        provider.delete_marked(found)
        assert provider.list_marked() == []
        left = {e.uid for e in provider.events(WINDOW_START, WINDOW_END)}
        assert left == {e.uid for e in seed_events() if e.start < WINDOW_END}

    def test_events_hand_out_the_sync_mark(self, make_provider):
        """Reading for the plan sees the mark of what ``planner sync`` wrote, digest included:
        untouched, such an event is the planner's own (left out); the user's events carry
        none."""
        from providers.base import SyncMark, mark_digest, mark_of, planners_own

        provider = make_provider(seed_events())
        if not provider.can_sync:
            return
        mirror = Event(
            "planner-sync-handed@planner", "Busy", at(10, 14), at(10, 15), location="Tantris"
        )
        mark = SyncMark("mirror:x:handed", mark_digest(mirror))
        provider.create_marked(mirror, mark)
        read = provider.events(WINDOW_START, WINDOW_END)
        (found,) = [e for e in read if e.uid == mirror.uid]
        assert mark_of(found) == mark and planners_own(found)
        theirs = [e for e in read if e.uid != mirror.uid]
        assert theirs and not [e for e in theirs if mark_of(e) or planners_own(e)]

    def test_a_marked_event_the_user_changed_is_never_written_over(self, make_provider):
        """Created again (a retry, CalDAV 412 / Google 409), updated or deleted after the
        user changed it: refused in one line naming it, the user's version stays."""
        from dataclasses import replace

        from planner.errors import NotOursError
        from providers.base import SyncMark, mark_digest

        provider = make_provider(seed_events())
        if not provider.can_sync or provider.name not in self.guarded:
            return
        mirror = Event("planner-sync-guard@planner", "Busy", at(10, 14), at(10, 15))
        mark = SyncMark("mirror:x:guard", mark_digest(mirror))
        provider.create_marked(mirror, mark)
        provider.create_marked(mirror, mark)  # as the planner wrote it: a retry is fine
        (planned,) = provider.list_marked()
        (listed,) = provider.list_marked()  # the user retitles it (the mark stays as it was)
        provider.update_marked(listed, replace(mirror, title="Zahnarzt"), mark)
        for write in (
            lambda: provider.create_marked(mirror, mark),
            lambda: provider.update_marked(planned, replace(mirror, start=at(10, 16)), mark),
            lambda: provider.delete_marked(planned),
        ):
            with pytest.raises(NotOursError, match="changed in the calendar since"):
                write()
        (left,) = provider.list_marked()
        assert (left.event.title, left.event.start) == ("Zahnarzt", at(10, 14))

    def test_an_update_keeps_what_the_user_added(self, make_provider, additions):
        """A mirror planner sync updates (its meeting moved, was retitled) changes what the
        planner writes and keeps what the user added to it in the calendar: a colour, an
        alarm, a note, another app's property. Such an addition leaves it the planner's."""
        from dataclasses import replace

        from providers.base import SyncMark, changed_by_user, mark_digest

        provider = make_provider(seed_events())
        if not provider.can_sync:
            return
        assert additions is not None, f"{provider.name} syncs: its contract needs additions"
        mirror = Event("planner-sync-additions@planner", "Busy", at(10, 14), at(10, 15))
        provider.create_marked(mirror, SyncMark("mirror:x:additions", mark_digest(mirror)))
        (listed,) = provider.list_marked()
        additions.add(provider, listed)
        (listed,) = provider.list_marked()
        assert not changed_by_user(listed.event, listed.mark)
        moved = replace(mirror, title="Lunch", start=at(10, 16), end=at(10, 17), busy=True)
        provider.update_marked(listed, moved, SyncMark("mirror:x:additions", mark_digest(moved)))
        (found,) = provider.list_marked()
        assert (found.event.title, found.event.start, found.event.end) == (
            "Lunch",
            at(10, 16),
            at(10, 17),
        )
        assert found.mark.digest == mark_digest(moved)
        assert not changed_by_user(found.event, found.mark)
        assert additions.kept(provider, found)
