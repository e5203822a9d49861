"""A hold written again keeps what the user changed in it (QA report G, finding 2).

``invite --update … --hold google`` after the user had retitled the hold, added Carla as a
guest and written notes in Google imported the planner's version over it: title back, Carla
removed without notice, notes gone; the run said only "changes: when …". Now, for Google
(its fake), Outlook (the Graph fake) and CalDAV (a real Radicale), the update changes only
what it changes, keeps the rest of the user's copy, says every field it changes and keeps,
and refuses where the user and the update changed the same field differently. A hold alone
of a change to a meeting already sent is refused (finding 4).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from planner.calendar.sources import context_for
from planner.errors import UsageError
from planner.flows import holding
from planner.invite.invitation import Invitation
from planner.invite.sentlog import prepare_request, prepare_update, record_sent
from planner.model import Attendee
from providers.base import create
from providers.caldav_support import object_name
from tests.providers import test_hold_ownership as ownership
from tests.providers.radicale_server import radicale_server
from tests.providers.test_hold_ownership import ME, TZ

pytestmark = pytest.mark.slow

BOB = Attendee("bob@acme.example", "Bob Ray")
CARLA = "carla@client.example"
LUNCH = Invitation(
    title="Lunch Bob", start=datetime(2026, 12, 14, 12, 30, tzinfo=TZ),
    end=datetime(2026, 12, 14, 13, 30, tzinfo=TZ), organizer=Attendee(ME, "Uta User"),
    attendees=(BOB,), location="Viktualienmarkt 3, 80331 München",
)  # fmt: skip
NOTES = "Table booked under Anna, ask for window seat"
KINDS = ["google", "outlook", "caldav"]


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with radicale_server(tmp_path_factory.mktemp("radicale")) as server:
        yield server


@pytest.fixture
def backends(request: pytest.FixtureRequest, tmp_path: Any) -> ownership.Backends:
    return ownership.Backends(request, tmp_path)


def _edit_in_calendar(backends: Any, kind: str, provider: Any, uid: str, **what: Any) -> None:
    """What the user does in their calendar app: retitle, add a guest, write notes, move."""
    if kind == "google":
        google = backends.request.getfixturevalue("google")
        calendar = google.calendar("primary")
        (item,) = [dict(i) for i in calendar.items.values() if i.get("iCalUID") == uid]
        item.update(summary=what["title"], description=NOTES)
        item["attendees"] = [*item.get("attendees", []), {"email": CARLA}]
        if "start" in what:
            item["start"] = {"dateTime": what["start"].isoformat()}
            item["end"] = {"dateTime": (what["start"] + timedelta(hours=1)).isoformat()}
        google.put_event("primary", item)
    elif kind == "outlook":
        graph = backends.request.getfixturevalue("graph")
        (item,) = [dict(i) for i in graph.all_events() if i.get("subject") == LUNCH.title]
        item.update(subject=what["title"], body={"contentType": "text", "content": NOTES})
        item["attendees"] = [{"emailAddress": {"address": CARLA}, "type": "required"}]
        if "start" in what:
            end = what["start"] + timedelta(hours=1)
            item["start"] = {"dateTime": what["start"].isoformat(), "timeZone": "Europe/Berlin"}
            item["end"] = {"dateTime": end.isoformat(), "timeZone": "Europe/Berlin"}
        graph.put_event(item)
    else:
        radicale = backends.request.getfixturevalue("radicale")
        calendar = provider._write_target().dav
        text = calendar.event_by_url(calendar.url.join(object_name(uid))).data
        text = text.replace(f"SUMMARY:{LUNCH.title}", f"SUMMARY:{what['title']}")
        notes = NOTES.replace(",", "\\,")
        extra = f"DESCRIPTION:{notes}\r\nATTENDEE:mailto:{CARLA}\r\n"
        if "start" in what:
            start = what["start"].astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
            end = (what["start"] + timedelta(hours=1)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
            head, _sep, body = text.replace("\r\n", "\n").partition("BEGIN:VEVENT")
            body = "\r\n".join(
                line for line in body.split("\n")
                if not line.startswith(("DTSTART", "DTEND", "DURATION"))
            )  # fmt: skip
            text = f"{head.replace(chr(10), chr(13) + chr(10))}BEGIN:VEVENT{body}"
            extra += f"DTSTART:{start}\r\nDTEND:{end}\r\n"
        radicale.put(calendar, object_name(uid), text.replace("END:VEVENT", extra + "END:VEVENT"))


def _held(config: Any, store: Any, source: Any, uid: str) -> Any:
    provider = create(source, context_for(config, store))  # read again, as a next run would
    try:
        return provider.held(uid)
    finally:
        provider.close()


@pytest.mark.parametrize("kind", KINDS)
def test_an_update_moves_the_hold_and_keeps_the_users_title_guest_and_notes(backends, store, kind):
    config, provider = backends.provider(kind, store)
    name = provider.source.name
    first = prepare_request(store, LUNCH)
    holding.hold(config, store, first, name)
    _edit_in_calendar(backends, kind, provider, first.uid, title="Lunch Bob + Carla")
    provider.close()
    later = LUNCH.start + timedelta(minutes=30)
    update = prepare_update(store, first.uid, start=later)
    plan = holding.plan_hold(config, store, update, name)
    said = "\n".join(plan.lines())
    assert f"hold in {name}" in said
    assert "hold changes: time Mon 14 Dec 12:30–13:30 → Mon 14 Dec 13:00–14:00" in said
    assert "hold keeps your change: 'Lunch Bob + Carla'" in said
    assert f"hold keeps your change: guest {CARLA}" in said
    assert "hold keeps your change: 'Table booked under Anna" in said
    assert "removed" not in said  # nothing of the user's goes
    holding.write_hold(config, store, update, plan)
    held = _held(config, store, provider.source, first.uid)
    assert (held.title, held.start) == ("Lunch Bob + Carla", later)
    assert NOTES in held.description
    assert CARLA in {a.email for a in held.attendees}


@pytest.mark.parametrize("kind", KINDS)
def test_a_hold_the_user_moved_elsewhere_is_not_moved_over_and_the_refusal_names_both(
    backends, store, kind
):
    config, provider = backends.provider(kind, store)
    name = provider.source.name
    first = prepare_request(store, LUNCH)
    holding.hold(config, store, first, name)
    theirs = LUNCH.start + timedelta(hours=2)
    _edit_in_calendar(backends, kind, provider, first.uid, title="Lunch", start=theirs)
    provider.close()
    update = prepare_update(store, first.uid, start=LUNCH.start + timedelta(minutes=30))
    with pytest.raises(UsageError) as refused:
        holding.hold(config, store, update, name)
    message = str(refused.value)
    assert "time: yours Mon 14 Dec 14:30–15:30, the update's Mon 14 Dec 13:00–14:00" in message
    assert "nothing was written" in message
    assert _held(config, store, provider.source, first.uid).start == theirs


def test_a_hold_alone_of_a_change_to_a_sent_meeting_is_refused(backends, store):
    """Bob was sent 12:30; moving only the user's copy to 13:00 would tell nobody. With the
    send (``--send``) it goes; the revision Bob has may be held again as it is."""
    config, provider = backends.provider("google", store)
    name = provider.source.name
    provider.close()
    sent = prepare_request(store, LUNCH)
    record_sent(store, sent, message_id="<1@planner>")  # what the SMTP server accepted
    holding.hold(config, store, sent, name)  # the revision Bob has: fine
    update = prepare_update(store, sent.uid, start=LUNCH.start + timedelta(minutes=30))
    with pytest.raises(UsageError) as refused:
        holding.hold(config, store, update, name)
    assert "bob@acme.example were sent 'Lunch Bob' for Mon 14 Dec 12:30–13:30" in str(refused.value)
    assert "add --send" in (refused.value.hint or "")
    assert _held(config, store, provider.source, sent.uid).start == LUNCH.start
    holding.hold(config, store, update, name, sending=True)
    assert _held(config, store, provider.source, sent.uid).start == update.invitation.start


def test_the_hold_calendar_is_named_before_anything_is_written(backends, store):
    config, provider = backends.provider("google", store)
    provider.close()
    assert holding.hold_calendar(config, store) == provider.source.name


USERS = {
    "colorId": "11",
    "reminders": {"useDefault": False, "overrides": [{"method": "popup", "minutes": 45}]},
    "attachments": [{"fileUrl": "https://drive.google.com/file/d/menu", "title": "Menu"}],
    "guestsCanModify": True,
}


def test_a_hold_moved_in_google_keeps_the_users_colour_reminder_attachment_and_other_apps(
    backends, store
):
    """A hold written again went through ``events.import``, which replaced the whole event:
    the user's colour, reminder, attachment and another app's properties were gone. Now only
    what the planner writes changes (``events.patch``, ``If-Match``)."""
    config, provider = backends.provider("google", store)
    name = provider.source.name
    provider.close()
    first = prepare_request(store, LUNCH)
    holding.hold(config, store, first, name)
    google = backends.request.getfixturevalue("google")
    (item,) = [dict(i) for i in google.calendar("primary").items.values()
               if i.get("iCalUID") == first.uid]  # fmt: skip
    item.update(USERS)
    item["extendedProperties"] = {
        "private": dict(item["extendedProperties"]["private"]),
        "shared": {"zoomMeetingId": "842"},
    }
    google.put_event("primary", item)
    later = LUNCH.start + timedelta(minutes=30)
    holding.hold(config, store, prepare_update(store, first.uid, start=later), name)
    now = google.calendar("primary").items[item["id"]]
    assert {key: now.get(key) for key in USERS} == USERS
    assert now["extendedProperties"]["shared"] == {"zoomMeetingId": "842"}
    assert now["extendedProperties"]["private"]["plannerUid"] == first.uid
    assert _held(config, store, provider.source, first.uid).start == later
    assert google.count("events.patch") == 1
