"""A calendar that is the user's as a whole keeps the entries that leave the user out
(planner.calendar.ownership.users_calendar): QA d#3, in the user's own Outlook export three
meetings organised by the counterpart, without the user as attendee (a distribution list, a
forwarded invitation), were read as someone else's: a key account "never met in person", a
call missing from the agenda and from busy time. A colleague's calendar stays someone else's,
and what is still left out is named (titles, days, people) in English and German."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from planner import api
from planner.calendar.sources import context_for, open_providers, read_events
from planner.config import Config, from_mapping
from planner.flows.session import contacts_report
from planner.i18n import speaking

TZ = ZoneInfo("Europe/Berlin")
START = datetime(2026, 9, 1, tzinfo=TZ)
ME = "sophie.brandt@brandt-partner.example"
PRIVATE = "sophie.brandt@gmail.com"
OUTLOOK = "-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN"


def _ics(prodid: str, *events: str) -> str:
    body = "".join(f"BEGIN:VEVENT\n{e.strip()}\nEND:VEVENT\n" for e in events)
    text = f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:{prodid}\n{body}END:VCALENDAR\n"
    return text.replace("\n", "\r\n")


def _meeting(uid: str, day: str, title: str, organizer: str, *attendees: str, extra: str = ""):
    people = "".join(f"\nATTENDEE;RSVP=TRUE:mailto:{a}" for a in attendees)
    return (
        f"UID:{uid}\nDTSTART;TZID=Europe/Berlin:{day}T110000\n"
        f"DTEND;TZID=Europe/Berlin:{day}T120000\nSUMMARY:{title}\n"
        f"ORGANIZER:mailto:{organizer}{people}{extra}"
    )


KATHARINA = "k.oesterreicher@donaubank.example"
OLIVER = "oliver.smith@thamescap.example"
BUSY = "\nTRANSP:OPAQUE\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY"
VIENNA = BUSY + "\nLOCATION:Donaubank AG\\, Schottenring 1\\, 1010 Wien"
# Outlook 16 export: most entries the user organises; two the counterpart organised and sent
# to a list the user is on, so only the counterpart is named.
OUTLOOK_OWN = _ics(
    OUTLOOK,
    _meeting("o1", "20260902", "Abstimmung Donaubank", ME, KATHARINA, extra=BUSY),
    _meeting("o2", "20260903", "Erstgespräch Alpenrück", ME, "lukas@alpenrueck.example"),
    _meeting("o3", "20260909", "Donaubank – Quartalsreview", KATHARINA, KATHARINA, extra=VIENNA),
    _meeting("o4", "20260910", "Call Oliver Smith – term sheet", OLIVER, OLIVER, extra=BUSY),
    _meeting("o5", "20260911", "Angebot Stadtwerke", PRIVATE, "peter@stadtwerke.example"),
)
# Google export: most invitations leave the user out, but the calendar holds the user's own
# flight and hotel to Vienna.
GOOGLE_TRAVEL = _ics(
    "-//Google Inc//Google Calendar 70.9054//EN",
    _meeting("g1", "20260902", "Donaubank Projektstart", ME, KATHARINA),
    _meeting("g2", "20260909", "Donaubank – Quartalsreview", KATHARINA, KATHARINA),
    _meeting("g3", "20260910", "Term sheet call", OLIVER, OLIVER),
    _meeting("g6", "20260911", "Lunch Huber", ME, "max@huber-fo.example"),
    _meeting("g7", "20260914", "Jour fixe", "zoe@kanzlei-gross.example", "team@gross.example"),
    "UID:g4\nDTSTART:20260909T045500Z\nDTEND:20260909T063000Z\nSUMMARY:Flight to Vienna (OS 172)",
    "UID:g5\nDTSTART;VALUE=DATE:20260909\nDTEND;VALUE=DATE:20260910\nSUMMARY:Hotel Sacher Wien",
)
# Outlook: no travel, but the owner's out-of-office entry; the user in one entry of three.
OUTLOOK_OOF = _ics(
    OUTLOOK,
    _meeting("f1", "20260902", "Kick-off Rheinmedia", ME, "a.schmitz@rheinmedia.example"),
    _meeting(
        "f2",
        "20260908",
        "Rheinmedia Kampagne",
        "t.becker@rheinmedia.example",
        "t.becker@rheinmedia.example",
    ),  # fmt: skip
    _meeting("f3", "20260910", "Call Oliver Smith – term sheet", OLIVER, OLIVER),
    "UID:f4\nDTSTART;VALUE=DATE:20260914\nDTEND;VALUE=DATE:20260919\nSUMMARY:Urlaub\n"
    "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
)
# Thunderbird export of a colleague's calendar read along: the colleague is in every entry,
# the user in one; the colleague's own flight does not make it the user's.
LENA = "lena.krause@brandt-partner.example"
COLLEAGUE = _ics(
    "-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN",
    _meeting("t1", "20260902", "Team-Abstimmung", LENA, ME),
    _meeting("t2", "20260903", "Workshop Isarwerk", LENA, "max@isarwerk.example"),
    _meeting("t3", "20260904", "Angebot Nordbank", "jan@nordbank.example", LENA),
    _meeting("t4", "20260907", "Review Hafenamt", LENA, "ute@hafenamt.example"),
    _meeting("t5", "20260908", "Kick-off Elbwerft", "ole@elbwerft.example", LENA),
    "UID:t6\nDTSTART:20260909T050000Z\nDTEND:20260909T063000Z\nSUMMARY:Flug LH 2070 HAM-MUC",
)


def _config(tmp_path: Path, **calendars: str) -> Config:
    tables = []
    for name, text in calendars.items():
        path = tmp_path / f"{name}.ics"
        path.write_text(text, encoding="utf-8", newline="")
        tables.append({"name": name, "provider": "ics", "path": str(path)})
    user = {"email": ME, "other_emails": [PRIVATE], "timezone": "Europe/Berlin"}
    user["domains"] = ["brandt-partner.example"]
    return from_mapping({"user": user, "calendars": tables}, "<test>")


def _read(config: Config, travel: bool = True) -> set[str]:
    """What the planner reads: through the composition (with its travel judge) or, without
    ``travel``, the calendar layer alone."""
    end = START + timedelta(days=30)
    if travel:
        events = api.read_events(config, START, end)
    else:
        providers = open_providers(config, context_for(config))
        events = read_events(providers, START, end, own_domains=config.own_domains)
    return {event.title for event in events}


def test_in_the_users_own_outlook_export_counterpart_organised_meetings_stay(tmp_path):
    titles = _read(_config(tmp_path, outlook=OUTLOOK_OWN))
    assert "Donaubank – Quartalsreview" in titles
    assert "Call Oliver Smith – term sheet" in titles


def test_the_users_own_flight_and_hotel_make_a_google_calendar_theirs(tmp_path):
    config = _config(tmp_path, google=GOOGLE_TRAVEL)
    titles = _read(config)
    assert {"Donaubank – Quartalsreview", "Term sheet call"} <= titles
    # the travel evidence is what decides: the calendar layer alone cannot tell a flight
    assert "Donaubank – Quartalsreview" not in _read(config, travel=False)


def test_an_out_of_office_entry_makes_an_outlook_calendar_the_owners(tmp_path):
    titles = _read(_config(tmp_path, outlook=OUTLOOK_OOF))
    assert {"Rheinmedia Kampagne", "Call Oliver Smith – term sheet"} <= titles


def test_a_kept_meeting_is_busy_time_and_counts_as_met(tmp_path, store):
    """The Vienna review is an in-person meeting with Katharina: the ledger knows her as met."""
    config = _config(tmp_path, outlook=OUTLOOK_OWN)
    report = contacts_report(config, store, now=datetime(2026, 9, 20, tzinfo=TZ))
    met = {row.email: row for row in report}
    assert met[KATHARINA].last_in_person == datetime(2026, 9, 9).date()
    assert met[OLIVER].meetings == 1
    events = api.read_events(config, START, START + timedelta(days=30))
    call = next(e for e in events if e.title.startswith("Call Oliver"))
    assert call.busy


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", ("left out", 'role = "own"', "Angebot Nordbank")),
     ("de", ("Angebot Nordbank",))],
)  # fmt: skip
def test_a_colleagues_calendar_stays_theirs_and_the_warning_names_what_is_left_out(
    tmp_path, caplog, lang, words
):
    config = _config(tmp_path, outlook=OUTLOOK_OWN, lena=COLLEAGUE)
    with speaking(lang), caplog.at_level(logging.WARNING, logger="planner"):
        titles = _read(config)
    assert "Team-Abstimmung" in titles  # the user is in it
    assert not {"Workshop Isarwerk", "Angebot Nordbank", "Review Hafenamt"} & titles
    warning = next(r.getMessage() for r in caplog.records if r.getMessage().startswith("lena"))
    assert all(word in warning for word in words), warning
    assert "(Thu 3 Sep 2026)" in warning or lang == "de"
    assert "Kick-off Elbwerft" not in warning  # the first few only: the fourth is counted
    assert "max@isarwerk.example" in warning  # whom role = "own" would count
