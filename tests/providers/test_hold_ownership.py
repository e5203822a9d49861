"""A hold never writes over what the user owns (issue 26).

``planner invite --proposal 1 --hold google`` for a proposal that moves an existing video call
imported the new time over the user's own event (same UID): the meeting moved, its conference
link was gone, nobody was told. Now, for every provider that can hold (memory, Google through
its fake, Outlook through the Graph fake, CalDAV on a real Radicale; .ics files cannot be
written at all):

- a write whose UID belongs to an event planner did not create is refused with one line, and
  the event is left exactly as it was (title, time, place, conference link);
- the hold for an update of such a meeting is a new event of its own beside it, and holding
  it again moves that hold instead of adding another.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from planner import config as config_module
from planner.calendar.sources import context_for
from planner.errors import NotOursError, NotSupportedError
from planner.flows import holding
from planner.invite.invitation import Invitation
from planner.invite.itip import write_hold
from planner.invite.sentlog import history, prepare_request
from planner.model import Attendee, Event
from planner.store import Store
from providers.base import CalendarProvider, ProviderContext, create
from tests.cli.test_cli_providers import (
    caldav_entry,
    dav_calendar,
    google_entry,
    ics_entry,
    write_config,
    write_ics,
)
from tests.fakes.graph_server import config_entry, sign_in
from tests.providers.radicale_server import RadicaleServer, radicale_server

pytestmark = pytest.mark.slow

TZ = ZoneInfo("Europe/Berlin")
ME = "user@planner.test"
WINDOW = (datetime(2026, 12, 7, tzinfo=TZ), datetime(2026, 12, 14, tzinfo=TZ))
ZOOM = "https://zoom.us/j/5551234567"
MEETING = Event(
    uid="weekly-sync-0001@corp.example",
    title="Weekly sync with ACME",
    start=datetime(2026, 12, 8, 10, tzinfo=TZ),
    end=datetime(2026, 12, 8, 11, tzinfo=TZ),
    location=ZOOM,
    description=f"Join Zoom: {ZOOM}",
    organizer=Attendee(ME, "Uta User"),
    attendees=(Attendee(ME, "Uta User"), Attendee("cfo@acme.example", "Clara CFO")),
)
DAY = timedelta(days=1)
MOVED = replace(MEETING, start=MEETING.start + DAY, end=MEETING.end + DAY,
                location="Café Luitpold, Brienner Str. 11, München", description="")  # fmt: skip
KINDS = ["memory", "ics", "google", "outlook", "caldav"]


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory):
    with radicale_server(tmp_path_factory.mktemp("radicale")) as server:
        yield server


class Backends:
    """Each kind of calendar holding ``MEETING``, as the user's own event, writable."""

    def __init__(self, request: pytest.FixtureRequest, tmp_path: Path) -> None:
        self.request, self.tmp_path = request, tmp_path

    def config_for(self, kind: str) -> Any:
        if kind == "memory":
            source = config_module.SourceConfig("mem", "memory", {"events": [MEETING]})
            return config_module.default_config(
                user={"email": ME, "timezone": "Europe/Berlin"}
            ), source
        if kind == "ics":
            entry = ics_entry(write_ics(self.tmp_path / "work.ics", [MEETING]), "paper")
        elif kind == "google":
            google = self.request.getfixturevalue("google")
            google.seed("primary", [MEETING])
            google.write_token_for("google", write=True)
            entry = google_entry(google, write=True)
        elif kind == "outlook":
            graph = self.request.getfixturevalue("graph")
            graph.seed([MEETING])
            sign_in(graph, "outlook", write=True)
            entry = config_entry(graph, "outlook", write=True)
        else:
            radicale: RadicaleServer = self.request.getfixturevalue("radicale")
            self.request.getfixturevalue("monkeypatch").setenv(
                radicale.password_env, radicale.password
            )
            name, _calendar = dav_calendar(radicale, [MEETING])
            entry = caldav_entry(radicale, "dav", name)
        config = config_module.load(write_config(self.tmp_path, entry))
        return config, config.calendars[0]

    def provider(self, kind: str, store: Store) -> tuple[Any, CalendarProvider]:
        config, source = self.config_for(kind)
        if kind == "memory":
            return config, create(source, ProviderContext(tz=TZ, store_factory=lambda: store))
        return config, create(source, context_for(config, store))


@pytest.fixture
def backends(request, tmp_path) -> Backends:
    return Backends(request, tmp_path)


def _unchanged(provider: CalendarProvider) -> None:
    """The user's meeting is still there exactly as it was, and nothing stands beside it."""
    found = provider.events(*WINDOW)
    assert [(e.uid, e.title, e.start, e.end) for e in found] == [
        (MEETING.uid, MEETING.title, MEETING.start, MEETING.end)
    ]
    text = f"{found[0].location} {found[0].description} {' '.join(found[0].conference_links)}"
    assert ZOOM in text  # the conference link survived


class TestAWriteUnderAUsersUIDIsRefused:
    """Every provider refuses to write an event under the UID of one it did not create."""

    @pytest.mark.parametrize("kind", KINDS)
    def test_the_users_event_is_never_overwritten_and_the_refusal_is_one_line(
        self, backends, store, kind
    ):
        _config, provider = backends.provider(kind, store)
        try:
            expected = NotSupportedError if kind == "ics" else NotOursError
            with pytest.raises(expected) as caught:
                provider.create_event(MOVED)
            message = str(caught.value)
            assert "\n" not in message and provider.source.name in message
            if kind != "ics":
                assert MEETING.uid in message and "did not create" in message
            _unchanged(provider)
        finally:
            provider.close()

    def test_a_caldav_uid_under_another_name_is_refused_too(self, backends, store, radicale):
        from planner.ical.writing import event_to_ics

        config, provider = backends.provider("caldav", store)
        try:
            calendar = provider._write_target().dav
            radicale.put(
                calendar, "made-by-another-app.ics", event_to_ics(replace(MEETING, uid="x"))
            )
            with pytest.raises(NotOursError, match="did not create"):
                provider.create_event(replace(MOVED, uid="x"))
        finally:
            provider.close()


class TestAHoldForTheUsersMeeting:
    """``invite --proposal N --hold`` for a meeting from the user's calendar: a new event."""

    @pytest.mark.parametrize("kind", ["memory", "google", "outlook", "caldav"])
    def test_the_hold_is_a_new_event_and_holding_again_moves_it(
        self, backends, store, kind, caplog
    ):
        config, provider = backends.provider(kind, store)
        inv = Invitation(
            title=MEETING.title, start=MOVED.start, end=MOVED.end,
            organizer=Attendee(ME, "Uta User"), attendees=(Attendee("cfo@acme.example"),),
            uid=MEETING.uid, sequence=1, location=MOVED.location,
        )  # fmt: skip  # what from_proposal makes of a meeting the user organizes
        prepared = prepare_request(store, inv)
        held = holding.hold_invitation(store, prepared.invitation)
        assert held.uid != MEETING.uid and held.title == f"Hold: {MEETING.title}"
        assert "left as it is" in caplog.text
        later = replace(inv, start=inv.start + timedelta(hours=2), end=inv.end + timedelta(hours=2))
        if kind == "memory":  # a provider only code can configure
            first = write_hold(provider, held)
            second = write_hold(provider, holding.hold_invitation(store, later))
        else:  # the whole of `planner invite --proposal N --hold NAME` after from_proposal
            name = provider.source.name
            first = holding.hold(config, store, prepared, name)
            second = holding.hold(config, store, prepare_request(store, later), name)
            provider.close()  # read again, as the next command would
            provider = create(provider.source, context_for(config, store))
        assert first == second  # the same hold, moved
        found = sorted(provider.events(*WINDOW), key=lambda e: e.start)
        assert [(e.uid, e.start) for e in found] == [
            (MEETING.uid, MEETING.start), (held.uid, later.start),
        ]  # fmt: skip
        assert (
            found[0].title == MEETING.title
            and ZOOM in f"{found[0].location} {found[0].description}"
        )
        provider.close()

    def test_a_meeting_planner_sent_keeps_its_own_uid(self, store):
        from planner.invite.sentlog import record_sent

        inv = Invitation(
            title="Lunch", start=MOVED.start, end=MOVED.end, organizer=Attendee(ME),
            attendees=(Attendee("cfo@acme.example"),),
        )  # fmt: skip
        record_sent(store, prepare_request(store, inv))
        (sent,) = history(store, prepare_request(store, inv).uid)
        update = replace(sent.invitation, sequence=1)
        assert holding.hold_invitation(store, update).uid == sent.uid
