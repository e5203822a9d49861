"""A hold in Google (its fake), Outlook (the Graph fake) and CalDAV (a real Radicale): a guest
the user took out of it stays out when it is written again, and a cancellation takes it out
only while it is planner's (QA hold/cancel, defects 1 and 2).

Before, the update's hold put the guest back ("guest carl@… added", the user's edit written
over). Now the user's removal is kept and said in one line. A calendar that keeps no guests in
a hold (Outlook writes a hold without attendees: the provider's ``holds_guests``) shows no
guest added or removed: what counts is the guests the hold showed when read back after planner
wrote it; before, every rewrite there announced "guest … added". Taking the hold out wrote it
once more as cancelled, which only CalDAV took (Google and Outlook kept it live and the user
was asked to delete it by hand); now the provider deletes it (``remove_held``) in all three,
only while it is as the plan read it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from planner.calendar.sources import context_for
from planner.errors import NotOursError
from planner.flows import holding
from planner.flows.hold_edits import guests
from planner.flows.hold_removal import plan_removal, remove
from planner.invite.cancels import prepare_cancel
from planner.invite.sentlog import (
    prepare_request,
    prepare_update,
    record_sent,
)
from planner.model import Attendee
from providers.base import create
from providers.caldav_support import object_name
from tests.providers import test_hold_ownership as ownership
from tests.providers.radicale_server import radicale_server
from tests.providers.test_hold_edits import LUNCH, _held

pytestmark = pytest.mark.slow

CARL = Attendee("carl@isar.example", "Carl Huber")
DINNER = replace(LUNCH, attendees=(*LUNCH.attendees, CARL))
KINDS = ["google", "outlook", "caldav"]


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with radicale_server(tmp_path_factory.mktemp("radicale")) as server:
        yield server


@pytest.fixture
def backends(request: pytest.FixtureRequest, tmp_path: Any) -> ownership.Backends:
    return ownership.Backends(request, tmp_path)


def _without_carl(backends: Any, kind: str, provider: Any, uid: str) -> None:
    """What the user does in their calendar app: Carl is taken out of the hold."""
    if kind == "google":
        google = backends.request.getfixturevalue("google")
        (item,) = [dict(i) for i in google.calendar("primary").items.values()
                   if i.get("iCalUID") == uid]  # fmt: skip
        item["attendees"] = [a for a in item.get("attendees", []) if a["email"] != CARL.email]
        google.put_event("primary", item)
    elif kind == "outlook":
        graph = backends.request.getfixturevalue("graph")
        (item,) = [dict(i) for i in graph.all_events() if i.get("subject") == DINNER.title]
        item["attendees"] = [a for a in item.get("attendees", [])
                             if a["emailAddress"]["address"] != CARL.email]  # fmt: skip
        graph.put_event(item)
    else:
        radicale = backends.request.getfixturevalue("radicale")
        calendar = provider._write_target().dav
        text = calendar.event_by_url(calendar.url.join(object_name(uid))).data
        lines = text.replace("\r\n", "\n").replace("\n ", "").split("\n")
        kept = [line for line in lines if not (line.startswith("ATTENDEE") and CARL.email in line)]
        assert len(kept) == len(lines) - 1
        radicale.put(calendar, object_name(uid), "\r\n".join(kept))


def _retitle(backends: Any, kind: str, provider: Any, uid: str) -> None:
    from tests.providers.test_hold_edits import _edit_in_calendar

    _edit_in_calendar(backends, kind, provider, uid, title="Lunch Bob + Anna")


@pytest.mark.parametrize("kind", KINDS)
def test_a_guest_the_user_took_out_stays_out_and_the_plan_says_so(backends, store, kind):
    config, provider = backends.provider(kind, store)
    name = provider.source.name
    first = prepare_request(store, DINNER)
    record_sent(store, first, message_id="<1@planner>")
    holding.hold(config, store, first, name, sending=True)
    _without_carl(backends, kind, provider, first.uid)
    provider.close()
    later = prepare_update(store, first.uid, start=DINNER.start + timedelta(minutes=30))
    plan = holding.plan_hold(config, store, later, name, sending=True)
    said = "\n".join(plan.lines())
    if kind == "outlook":  # a hold there keeps no guests: nobody was taken out
        assert "removed" not in said and "keeps your change" not in said
        return
    assert "guest bob@acme.example" not in said  # Bob is in the hold and stays
    assert f"hold keeps your change: guest {CARL.email} removed" in said
    assert f"guest {CARL.email} added" not in said
    holding.write_hold(config, store, later, plan)
    held = _held(config, store, provider.source, first.uid)
    assert held.start == later.invitation.start  # the update moved it …
    assert CARL.email not in {a.email for a in held.attendees}  # … and Carl stays out
    assert CARL.email in later.recipients  # the invitation itself still goes to him


@pytest.mark.parametrize("kind", KINDS)
def test_a_rewrite_says_no_guest_added_where_a_hold_keeps_no_guests(backends, store, kind):
    """Outlook: the hold has no guests, the update neither changes nor adds any there."""
    config, provider = backends.provider(kind, store)
    name = provider.source.name
    provider.close()
    first = prepare_request(store, DINNER)
    record_sent(store, first, message_id="<1@planner>")
    holding.hold(config, store, first, name, sending=True)
    later = prepare_update(store, first.uid, start=DINNER.start + timedelta(minutes=30))
    plan = holding.plan_hold(config, store, later, name, sending=True)
    said = "\n".join(plan.lines())
    assert "hold changes: time Mon 14 Dec 12:30–13:30 → Mon 14 Dec 13:00–14:00" in said
    assert "guest" not in said, said  # was, for Outlook: "guest bob@… added", "guest carl@… added"
    holding.write_hold(config, store, later, plan)
    held = _held(config, store, provider.source, first.uid)
    assert held.start == later.invitation.start
    assert guests(held) == (set() if kind == "outlook" else {"bob@acme.example", CARL.email})


@pytest.mark.parametrize("kind", KINDS)
def test_a_cancellation_takes_planners_hold_out_and_forgets_it(backends, store, kind):
    config, provider = backends.provider(kind, store)
    name = provider.source.name
    provider.close()
    first = prepare_request(store, LUNCH)
    record_sent(store, first, message_id="<1@planner>")
    holding.hold(config, store, first, name, sending=True)
    assert holding.recorded_calendar(config, store, first.uid) == name
    cancel = prepare_cancel(store, first.uid)
    record_sent(store, cancel, message_id="<2@planner>")
    plan = plan_removal(config, store, prepare_cancel(store, first.uid))
    assert plan.removes and plan.calendar == name
    said = "\n".join(plan.lines(config.tz))
    assert f"hold: 'Lunch Bob' (Mon 14 Dec 12:30–13:30) comes out of {name}" in said
    assert remove(config, store, plan) is True  # was, Google and Outlook: "still shows the hold"
    assert _held(config, store, provider.source, first.uid) is None
    reader = create(provider.source, context_for(config, store))
    try:
        assert [e for e in reader.events(*ownership.WINDOW) if e.title == LUNCH.title] == []
        assert [e.uid for e in reader.events(*ownership.WINDOW)] == [ownership.MEETING.uid]
    finally:
        reader.close()
    assert holding.recorded_calendar(config, store, first.uid) == ""  # no hold stands there
    assert store.get(holding.GUESTS, first.uid) is None
    again = plan_removal(config, store, prepare_cancel(store, first.uid))
    assert not again.removes and again.there is None
    assert remove(config, store, again) is False  # a second run: nothing to do, no error


@pytest.mark.parametrize("kind", KINDS)
def test_a_hold_changed_between_the_plan_and_the_removal_stays(backends, store, kind):
    config, provider = backends.provider(kind, store)
    name = provider.source.name
    first = prepare_request(store, LUNCH)
    record_sent(store, first, message_id="<1@planner>")
    holding.hold(config, store, first, name, sending=True)
    plan = plan_removal(config, store, prepare_cancel(store, first.uid))
    assert plan.removes
    _retitle(backends, kind, provider, first.uid)  # while the cancellation goes out
    provider.close()
    with pytest.raises(NotOursError, match="changed in the calendar since planner wrote it"):
        remove(config, store, plan)
    assert _held(config, store, provider.source, first.uid).title == "Lunch Bob + Anna"
    assert holding.recorded_calendar(config, store, first.uid) == name


@pytest.mark.parametrize("kind", KINDS)
def test_a_hold_the_user_retitled_is_theirs_and_stays(backends, store, kind):
    config, provider = backends.provider(kind, store)
    name = provider.source.name
    first = prepare_request(store, LUNCH)
    record_sent(store, first, message_id="<1@planner>")
    holding.hold(config, store, first, name, sending=True)
    _retitle(backends, kind, provider, first.uid)
    provider.close()
    plan = plan_removal(config, store, prepare_cancel(store, first.uid))
    assert not plan.removes
    said = "\n".join(plan.lines(config.tz))
    assert "'Lunch Bob + Anna'" in said and "it is yours now and stays" in said
    assert "bob@acme.example removed" not in said  # Outlook's hold never had Bob as a guest
    remove(config, store, plan)  # nothing to do: nothing is written
    assert _held(config, store, provider.source, first.uid).title == "Lunch Bob + Anna"
