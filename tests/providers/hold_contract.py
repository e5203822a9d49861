"""The contract of :meth:`providers.base.CalendarProvider.remove_held`, part of every provider's
contract (:class:`tests.providers.contract.ProviderContract` inherits it).

``planner invite --cancel … --hold`` takes planner's hold out of the user's calendar. Before,
it wrote the hold once more as cancelled: CalDAV took that, Google's hold write sent no status
and Graph has no cancelled state, so on Google and Outlook the hold stayed and the user was
asked to delete it by hand. Now each provider deletes it, and only while it is planner's and
shows what planner read before: removed (True), gone already (False), changed by the user
(refused, kept), someone else's event under that UID (refused, kept), changed between the read
and the delete (the conditional delete fails: refused, kept). A read-only provider refuses.

A subclass gives the ``edit_hold`` fixture: ``edit(provider, uid, title)`` retitles the hold
written under ``uid`` the backend's own way (as the user does in their calendar app); and
``hold_reader``: the name of the provider's method that reads the hold just before it is
deleted (the test makes the user's change land right after that read).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from planner.errors import NotOursError, NotSupportedError
from planner.model import Attendee, Event
from providers.base import CalendarProvider

#: retitles the hold under ``uid`` in the backend, as the user's calendar app would
EditHold = Callable[[CalendarProvider, str, str], None]

CHANGED = "changed in the calendar since"
NOT_OURS = "did not create"


def hold_event() -> Event:
    from tests.providers.contract import at

    return Event(
        uid="contract-removal@planner.test",
        title="Lunch with ACME",
        start=at(11, 12, 30),
        end=at(11, 13, 30),
        location="Café Luitpold, Brienner Str. 11, 80333 München",
        description="Table booked under Uta",
        organizer=Attendee("user@planner.test", "Uta User"),
        attendees=(Attendee("bob@acme.example", "Bob Stone"),),
    )


class HoldRemovalContract:
    """``remove_held`` for every provider (a read-only one refuses it)."""

    #: the provider's method that reads the hold just before the delete ("": no such read,
    #: nothing can change in between: the memory provider)
    hold_reader: str = ""

    @pytest.fixture
    def edit_hold(self) -> EditHold | None:
        return None

    def _held(self, make_provider: Any) -> tuple[CalendarProvider, Event, Event] | None:
        """A provider holding the contract's seed and a hold planner wrote, with the hold
        as :meth:`held` reads it; None for a read-only provider (which refuses)."""
        from tests.providers.contract import seed_events

        provider = make_provider(seed_events())
        hold = hold_event()
        if not provider.can_write:
            with pytest.raises(NotSupportedError, match=provider.source.name):
                provider.remove_held(hold.uid, hold)
            return None
        provider.create_event(hold)
        expected = provider.held(hold.uid)
        assert expected is not None and expected.title == hold.title
        return provider, hold, expected

    def _uids(self, provider: CalendarProvider) -> set[str]:
        from tests.providers.contract import WINDOW_END, WINDOW_START

        return {e.uid for e in provider.events(WINDOW_START, WINDOW_END)}

    def test_a_hold_is_removed_and_a_second_removal_finds_it_gone(self, make_provider):
        from tests.providers.contract import WINDOW_END, seed_events

        made = self._held(make_provider)
        if made is None:
            return
        provider, hold, expected = made
        assert hold.uid in self._uids(provider)
        assert provider.remove_held(hold.uid, expected) is True
        assert provider.held(hold.uid) is None
        assert self._uids(provider) == {e.uid for e in seed_events() if e.start < WINDOW_END}
        assert provider.remove_held(hold.uid, expected) is False  # gone already: no error

    def test_a_hold_the_user_changed_is_refused_and_kept(self, make_provider, edit_hold):
        made = self._held(make_provider)
        if made is None:
            return
        provider, hold, expected = made
        assert edit_hold is not None, f"{provider.name} writes holds: its contract edits one"
        edit_hold(provider, hold.uid, "Lunch with ACME + Anna")
        with pytest.raises(NotOursError, match=CHANGED) as refused:
            provider.remove_held(hold.uid, expected)
        assert provider.source.name in str(refused.value) and "\n" not in str(refused.value)
        kept = provider.held(hold.uid)
        assert kept is not None and kept.title == "Lunch with ACME + Anna"
        assert hold.uid in self._uids(provider)

    def test_a_change_between_the_read_and_the_delete_is_refused_and_kept(
        self, make_provider, edit_hold, monkeypatch
    ):
        """The delete is conditional (If-Match of the ETag read): the user's change that
        lands right after the provider read the hold makes it fail, and nothing goes."""
        made = self._held(make_provider)
        if made is None or not self.hold_reader:
            return
        provider, hold, expected = made
        assert edit_hold is not None
        read = getattr(provider, self.hold_reader)
        calls: list[int] = []

        def read_then_edited(*args: Any, **kwargs: Any) -> Any:
            found = read(*args, **kwargs)
            if not calls:  # the user retitles it right after this read
                calls.append(1)
                edit_hold(provider, hold.uid, "Lunch (moved to Friday?)")
            return found

        monkeypatch.setattr(provider, self.hold_reader, read_then_edited)
        with pytest.raises(NotOursError, match=CHANGED):
            provider.remove_held(hold.uid, expected)
        kept = provider.held(hold.uid)  # read as it is now (the wrapper reads through)
        assert calls and kept is not None and kept.title == "Lunch (moved to Friday?)"

    def test_someone_elses_event_under_that_uid_is_refused_and_kept(self, make_provider):
        """The user's own meeting (the seed, written by their calendar app) is never deleted,
        even when asked with exactly what it shows."""
        from tests.providers.contract import WINDOW_END, WINDOW_START, seed_events

        provider = make_provider(seed_events())
        if not provider.can_write:
            return
        theirs = next(
            e
            for e in provider.events(WINDOW_START, WINDOW_END)
            if e.uid == "contract-visit@planner.test"
        )
        for expected in (theirs, replace(hold_event(), uid=theirs.uid)):
            with pytest.raises(NotOursError, match=NOT_OURS) as refused:
                provider.remove_held(theirs.uid, expected)
            assert theirs.uid in str(refused.value)
        assert provider.held(theirs.uid) is None
        still = [e for e in provider.events(WINDOW_START, WINDOW_END) if e.uid == theirs.uid]
        assert [(e.title, e.start, e.end) for e in still] == [
            (theirs.title, theirs.start, theirs.end)
        ]
