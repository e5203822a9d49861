"""Other people's entries of a shared, room or team calendar are not the user's
(planner.calendar.ownership): a colleague's room booking is no meeting of the user's, a
colleague's vacation no absence of theirs. Calendars in the shapes vendors export them."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from planner.calendar.ownership import someone_elses, sort_out
from planner.calendar.sources import context_for, open_providers, read_events
from planner.config import Config, from_mapping
from planner.errors import ConfigError
from planner.model import Attendee, Event, Response

TZ = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 12, 7, tzinfo=TZ)
ME = "markus.weber@weber-advisory.example"
PRIVATE = "markus.weber@icloud.com"
MINE = frozenset({ME, PRIVATE})


def _ics(prodid: str, *events: str, name: str = "") -> str:
    head = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:{prodid}\r\n"
    if name:
        head += f"X-WR-CALNAME:{name}\r\n"
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return head + body.replace("\n", "\r\n").replace("\r\r", "\r") + "END:VCALENDAR\r\n"


# The user's own Exchange calendar: the user organises, a client attends.
OWN_OUTLOOK = _ics(
    "-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
    f"""UID:own-1
DTSTART;TZID=W. Europe Standard Time:20261208T100000
DTEND;TZID=W. Europe Standard Time:20261208T110000
SUMMARY:Angebot Stadtwerke
ORGANIZER;CN=Markus Weber:mailto:{ME}
ATTENDEE;CN=Peter Schulz;PARTSTAT=ACCEPTED:mailto:peter.schulz@stadtwerke.example""",
    """UID:own-2
DTSTART;TZID=W. Europe Standard Time:20261209T090000
DTEND;TZID=W. Europe Standard Time:20261209T100000
SUMMARY:Angebot schreiben""",
)
# A Nextcloud team calendar: a colleague's room booking with a client, a colleague's
# vacation, the team's party (everyone is invited).
NEXTCLOUD_TEAM = _ics(
    "-//IDN nextcloud.com//Calendar app 4.7.4//EN",
    """UID:team-1
DTSTART;VALUE=DATE:20261209
DTEND;VALUE=DATE:20261212
SUMMARY:Lisa Urlaub
TRANSP:TRANSPARENT""",
    """UID:team-2
DTSTART;TZID=Europe/Berlin:20261211T130000
DTEND;TZID=Europe/Berlin:20261211T160000
SUMMARY:Raum Main (4.OG) belegt – Deniz Kundenworkshop
LOCATION:Besprechungsraum Main (4.OG)
ORGANIZER;CN=Deniz Yilmaz:mailto:deniz.yilmaz@weber-advisory.example
ATTENDEE;CN=Deniz Yilmaz;PARTSTAT=ACCEPTED:mailto:deniz.yilmaz@weber-advisory.example
ATTENDEE;CN=Jan Vos;PARTSTAT=ACCEPTED:mailto:jan.vos@dutchrail.example""",
    """UID:team-3
DTSTART:20261210T183000
DTEND:20261210T220000
STATUS:TENTATIVE
SUMMARY:Weihnachtsfeier Weber Advisory
DESCRIPTION:Alle sind eingeladen""",
    name="Team Weber Advisory",
)
# An Outlook room mailbox export: bookings by colleagues, in English, the room a resource.
OUTLOOK_ROOM = _ics(
    "-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
    """UID:room-1
DTSTART;TZID=W. Europe Standard Time:20261208T140000
DTEND;TZID=W. Europe Standard Time:20261208T153000
SUMMARY:Client workshop – Northwind
LOCATION:Room 4.12
ORGANIZER;CN=Sophie Klein:mailto:sophie.klein@weber-advisory.example
ATTENDEE;CUTYPE=ROOM;CN=Room 4.12;PARTSTAT=ACCEPTED:mailto:room-4.12@weber-advisory.example
ATTENDEE;CN=Tom Baker;PARTSTAT=ACCEPTED:mailto:tom.baker@northwind.example""",
    """UID:room-2
DTSTART;VALUE=DATE:20261210
DTEND;VALUE=DATE:20261211
SUMMARY:Sophie out of office""",
)
# A Google shared calendar: the shared calendar organises, a colleague and a client attend.
GOOGLE_SHARED = _ics(
    "-//Google Inc//Google Calendar 70.9054//EN",
    """UID:gs-1@google.com
DTSTART:20261209T080000Z
DTEND:20261209T090000Z
SUMMARY:Sales pipeline review with Contoso
ORGANIZER;CN=Sales team:mailto:c_abc123@group.calendar.google.com
ATTENDEE;CN=Ali Demir;PARTSTAT=ACCEPTED:mailto:ali.demir@weber-advisory.example
ATTENDEE;CN=Eve Stone;PARTSTAT=NEEDS-ACTION:mailto:eve.stone@contoso.example""",
    f"""UID:gs-2@google.com
DTSTART:20261210T080000Z
DTEND:20261210T090000Z
SUMMARY:Team sync
ORGANIZER;CN=Sales team:mailto:c_abc123@group.calendar.google.com
ATTENDEE;CN=Markus Weber;PARTSTAT=ACCEPTED:mailto:{ME}
ATTENDEE;CN=Ali Demir;PARTSTAT=ACCEPTED:mailto:ali.demir@weber-advisory.example""",
)


def _config(tmp_path: Path, calendars: dict[str, str], roles: dict[str, str] | None = None):
    tables = []
    for name, text in calendars.items():
        path = tmp_path / f"{name}.ics"
        path.write_text(text, encoding="utf-8", newline="")
        table = {"name": name, "provider": "ics", "path": str(path)}
        if roles and name in roles:
            table["role"] = roles[name]
        tables.append(table)
    data = {
        "user": {
            "email": ME,
            "other_emails": [PRIVATE],
            "domains": ["weber-advisory.example"],
            "timezone": "Europe/Berlin",
        },
        "calendars": tables,
    }
    return from_mapping(data, "<test>")


def _titles(config: Config) -> list[str]:
    providers = open_providers(config, context_for(config))
    events = read_events(
        providers, MONDAY, MONDAY + timedelta(days=7), own_domains=config.own_domains
    )
    return [e.title for e in events]


def test_a_colleagues_room_booking_and_vacation_in_a_team_calendar_are_not_the_users(
    tmp_path, caplog
):
    """QA a: the Nextcloud team calendar's room booking counted as the user's first contact in
    person, and a colleague's vacation showed as the user's all-day event and in a trip."""
    config = _config(tmp_path, {"exchange": OWN_OUTLOOK, "team": NEXTCLOUD_TEAM})
    with caplog.at_level(logging.WARNING, logger="planner"):
        titles = _titles(config)
    assert any("team" in r.getMessage() for r in caplog.records)
    assert "Raum Main (4.OG) belegt – Deniz Kundenworkshop" not in titles
    assert "Lisa Urlaub" not in titles
    assert "Weihnachtsfeier Weber Advisory" in titles  # everyone is invited: it stays
    assert {"Angebot Stadtwerke", "Angebot schreiben"} <= set(titles)


def test_a_room_mailbox_export_and_a_google_shared_calendar(tmp_path):
    config = _config(
        tmp_path, {"exchange": OWN_OUTLOOK, "room": OUTLOOK_ROOM, "sales": GOOGLE_SHARED}
    )
    titles = _titles(config)
    assert "Client workshop – Northwind" not in titles
    assert "Sophie out of office" not in titles  # a colleague's entry in a team's room
    assert "Sales pipeline review with Contoso" not in titles
    assert "Team sync" in titles  # the user attends: theirs, in a shared calendar too


def test_role_own_keeps_every_entry_and_role_shared_says_so(tmp_path):
    config = _config(
        tmp_path,
        {"exchange": OWN_OUTLOOK, "team": NEXTCLOUD_TEAM, "room": OUTLOOK_ROOM},
        {"team": "own", "room": "shared"},
    )
    titles = _titles(config)
    assert "Lisa Urlaub" in titles and "Raum Main (4.OG) belegt – Deniz Kundenworkshop" in titles
    assert "Client workshop – Northwind" not in titles and "Sophie out of office" not in titles


def test_a_wrong_role_is_a_config_problem(tmp_path):
    with pytest.raises(ConfigError, match="role"):
        _config(tmp_path, {"team": NEXTCLOUD_TEAM}, {"team": "colleagues"})


def test_nothing_is_left_out_when_no_entry_names_the_user(tmp_path):
    """The config's address is not the one the calendars use (an alias): every entry with
    people would look like someone else's, so none is read as such."""
    config = _config(tmp_path, {"team": NEXTCLOUD_TEAM, "room": OUTLOOK_ROOM})
    titles = _titles(config)
    assert "Raum Main (4.OG) belegt – Deniz Kundenworkshop" in titles
    assert "Client workshop – Northwind" in titles


def _event(*people: Attendee, organizer: Attendee | None = None, **fields) -> Event:
    start = MONDAY.replace(hour=10)
    return Event(
        uid="x", title="Workshop", start=start, end=start + timedelta(hours=1),
        organizer=organizer, attendees=people, **fields,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("event", "theirs"),
    [
        (_event(), False),  # made alone, no people: the user's
        (_event(organizer=Attendee("ana@client.example")), True),  # only an organiser listed
        (_event(Attendee(PRIVATE), organizer=Attendee("ana@client.example")), False),
        (
            _event(Attendee("ana@client.example"), Attendee("all-staff@weber-advisory.example")),
            False,
        ),
        (_event(Attendee("ana@client.example"), self_response=Response.ACCEPTED), False),
        (_event(Attendee("raum@weber-advisory.example", is_resource=True)), False),
    ],
    ids=["alone", "organiser-only", "private-address", "list", "owner-answered", "room-only"],
)
def test_whose_entry(event, theirs):
    assert someone_elses(event, MINE) is theirs


def test_a_shared_calendar_ignores_the_owners_answer():
    """A shared calendar read through an API answers for its owner, not for the user."""
    event = _event(Attendee("ana@client.example"), self_response=Response.ACCEPTED)
    assert sort_out([event], MINE, "shared").theirs == 1
    assert sort_out([event], MINE, "own").theirs == 0
