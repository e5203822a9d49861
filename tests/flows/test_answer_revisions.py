"""An answer belongs to the revision it answers (issue 26): after an invitation is moved, the
attendee's earlier "accepted", as Microsoft Graph keeps showing it on the organizer's copy, is
not the answer to the new time; ``planner invites`` says "no answer" until the new time is
answered. Through the real CLI against the fake Graph server (msal and requests on loopback)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.invite.sentlog import prepare_request, prepare_update, record_sent
from planner.model import Attendee, Event, Response
from planner.paths import data_dir
from planner.store import FILENAME, Store
from tests.cli.test_cli_providers import write_config
from tests.fakes.graph_server import config_entry, event_to_graph, sign_in
from tests.invite.test_invite import ANNA, ME, lunch

pytestmark = pytest.mark.slow

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime.now(UTC).replace(microsecond=0)
FIRST = (NOW + timedelta(days=3)).astimezone(BERLIN).replace(hour=12, minute=30, second=0)
MOVED = FIRST + timedelta(days=1)
SENT, UPDATED = NOW - timedelta(hours=2), NOW - timedelta(hours=1)


def _graph_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000Z")


@pytest.fixture
def world(graph, tmp_path):
    """Lunch sent to Anna (revision 0), then moved a day (revision 1); Outlook configured."""
    sign_in(graph, "outlook")
    config = write_config(tmp_path, config_entry(graph, "outlook"))
    store = Store(data_dir() / FILENAME)
    inv = lunch(start=FIRST, end=FIRST + timedelta(minutes=90), attendees=(ANNA,),
                organizer=Attendee("user@planner.test", "Uta User"))  # fmt: skip
    first = prepare_request(store, inv)
    record_sent(store, first, sent_at=SENT)
    record_sent(store, prepare_update(store, first.uid, start=MOVED), sent_at=UPDATED)
    store.close()
    return graph, config, first.invitation


def _copy(graph, inv, start: datetime, answered: datetime) -> None:
    """The organizer's copy in Outlook: Anna's "accepted", given at ``answered``."""
    event = Event(
        uid=inv.uid, title=inv.title, start=start, end=start + timedelta(minutes=90),
        organizer=Attendee("user@planner.test", "Uta User"),
        attendees=(replace(ANNA, response=Response.ACCEPTED),),
    )  # fmt: skip
    item = event_to_graph(event)
    for person in item["attendees"]:
        person["status"] = {"response": "accepted", "time": _graph_time(answered)}
    graph.put_event(item)


def _anna(config) -> dict:
    result = CliRunner().invoke(main, ["invites", "--config", str(config), "--format", "json"])
    assert result.exit_code == 0, result.output
    (state,) = [
        s for s in json.loads(result.stdout)["invitations"] if s["counterpart"] == ANNA.email
    ]
    return state


class TestAnUpdateIsAwaitingItsOwnAnswer:
    def test_graph_still_showing_the_old_time_and_accept(self, world):
        graph, config, inv = world
        _copy(graph, inv, FIRST, SENT + timedelta(minutes=10))
        state = _anna(config)
        assert (state["status"], state["sequence"]) == ("no_answer", 1)

    def test_graph_showing_the_new_time_with_the_accept_given_before_the_update(self, world):
        graph, config, inv = world
        _copy(graph, inv, MOVED, SENT + timedelta(minutes=10))
        assert _anna(config)["status"] == "no_answer"

    def test_an_accept_of_the_new_time_counts(self, world):
        graph, config, inv = world
        _copy(graph, inv, MOVED, UPDATED + timedelta(minutes=10))
        state = _anna(config)
        assert (state["status"], state["sequence"]) == ("accepted", 1)
        assert ME.email not in state["counterpart"]
