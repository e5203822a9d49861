"""Properties of planner sync's plan (hypothesis): applying a plan settles the target (the next
plan is empty), and events the planner did not write are never touched."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.model import Event, Response, Status
from planner.sync.mirrors import mirrors
from planner.sync.plan import plan_target
from providers.base import MarkedEvent, SyncMark
from tests.sync.test_sync_plan import TZ, WINDOW

BASE = datetime(2026, 12, 7, tzinfo=TZ)

source_events = st.lists(
    st.builds(
        lambda n, hour, length, busy, status, response, private: Event(
            f"e{n}",
            f"Meeting {n}",
            BASE + timedelta(hours=hour),
            BASE + timedelta(hours=hour + length),
            busy=busy,
            status=status,
            self_response=response,
            hints=(("CLASS", "PRIVATE"),) if private else (),
        ),
        st.integers(0, 30),
        st.integers(0, 24 * 13),  # sources are read within the window
        st.integers(1, 4),
        st.booleans(),
        st.sampled_from(list(Status)),
        st.sampled_from([None, Response.ACCEPTED, Response.DECLINED, Response.TENTATIVE]),
        st.booleans(),
    ),
    max_size=12,
    unique_by=lambda e: e.uid,
)


def apply(plan, target: dict[str, MarkedEvent]) -> None:
    for change in plan.changes:
        if change.action == "delete":
            target.pop(change.marked.id)
        else:
            want = change.wanted
            ident = change.marked.id if change.marked else want.event.uid
            target[ident] = MarkedEvent(ident, SyncMark(want.key, want.digest), want.event)


@settings(max_examples=60, deadline=None)
@given(first=source_events, second=source_events, show=st.sampled_from(["busy", "title"]))
def test_a_plan_settles_the_target_and_touches_only_marked_events(first, second, show):
    target: dict[str, MarkedEvent] = {}
    for events in (first, second):
        plan = plan_target(
            "t", mirrors(events, "s", "t", show), list(target.values()), window=WINDOW
        )
        apply(plan, target)
        again = plan_target(
            "t", mirrors(events, "s", "t", show), list(target.values()), window=WINDOW
        )
        assert again.changes == []
        for change in plan.changes:
            assert change.marked is None or change.marked.id in target or change.action == "delete"
            assert change.event.uid.startswith("planner-sync-")
        shown = {m.event.title for m in target.values()}
        assert not shown & {e.title for e in events if e.hints}  # private: "Busy" only
