"""An answer counts only for the revision it answers, whichever way it came (QA b, defect 1).

The user organises a meeting in their calendar (SEQUENCE 2, on Teams, both attendees
ACCEPTED on the copy) and sends an update from here (SEQUENCE 3, same time, in person), leaving
the copy as it was (``--hold``). The ACCEPTED on the copy answers SEQUENCE 2, not the update:
``planner invites`` showed Tom "accepted … confirmed; nothing to do" from it. Now it says what
he answered the earlier time and that the change has no answer yet; Lena's ACCEPT of
SEQUENCE 3 counts. Reply mails as Outlook, Gmail and Apple write them, with SEQUENCE missing
(0), older, equal and newer than the copy's; the copies through a real Radicale."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner import i18n
from planner.cli import main
from planner.config import from_mapping
from planner.flows.copy_answers import calendar_answers, copy_revision, same_place
from planner.flows.followup import invite_states, record
from planner.invite.invitation import Invitation
from planner.invite.sentlog import history, prepare_request, record_sent
from planner.model import Attendee, Event, Response
from planner.paths import data_dir
from planner.store import FILENAME, Store
from tests.cli.test_cli_providers import caldav_entry, write_config
from tests.providers.radicale_server import RadicaleServer, radicale_server

BERLIN = ZoneInfo("Europe/Berlin")
ME = Attendee("user@planner.test", "Uta User")
LENA = Attendee("lena@hafen-muc.example", "Lena Hansen")
TOM = Attendee("tom@planner.test", "Tom Weber")
UID = "intro-lena-7@qa"
START = datetime(2026, 12, 10, 14, 0, tzinfo=BERLIN)
END = START + timedelta(minutes=30)
SENT = datetime(2026, 12, 7, 15, 26, tzinfo=UTC)
NOW = datetime(2026, 12, 7, 18, 0, tzinfo=UTC)
HOTEL = "Grand Hotel Maximilianstraße – Bar & Lounge"


def update(sequence: int = 3) -> Invitation:
    """The update sent from here: same time, in person instead of on Teams."""
    return Invitation(
        title="Kennenlernen Hafen Logistik", start=START, end=END, organizer=ME,
        attendees=(LENA, TOM), venue_name=HOTEL,
        venue_address="Maximilianstraße 17, 80539 München", uid=UID, sequence=sequence,
    )  # fmt: skip


def copy_ics(sequence: int | None = 2, location: str = "Microsoft Teams Meeting") -> str:
    """The user's own copy: both attendees ACCEPTED."""
    seq = f"SEQUENCE:{sequence}\r\n" if sequence is not None else ""
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//qa//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{UID}\r\nDTSTAMP:20261201T100000Z\r\n{seq}"
        "DTSTART;TZID=Europe/Berlin:20261210T140000\r\n"
        "DTEND;TZID=Europe/Berlin:20261210T143000\r\n"
        f"SUMMARY:Kennenlernen Hafen Logistik\r\nLOCATION:{location}\r\n"
        f"ORGANIZER;CN=Uta User:mailto:{ME.email}\r\n"
        f"ATTENDEE;CN=Lena Hansen;PARTSTAT=ACCEPTED;RSVP=TRUE:mailto:{LENA.email}\r\n"
        f"ATTENDEE;CN=Tom Weber;PARTSTAT=ACCEPTED:mailto:{TOM.email}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def reply(style: str, who: Attendee, partstat: str, sequence: int | None) -> bytes:
    """A REPLY mail as Gmail, Outlook or Apple Mail writes it (``sequence`` None: none)."""
    prodid = {
        "gmail": "-//Google Inc//Google Calendar 70.9054//EN",
        "outlook": "Microsoft Exchange Server 2010",
        "apple": "-//Apple Inc.//macOS 14.1//EN",
    }[style]
    seq = f"SEQUENCE:{sequence}\r\n" if sequence is not None else ""
    extra = f"X-MICROSOFT-CDO-APPT-SEQUENCE:{sequence or 0}\r\n" if style == "outlook" else ""
    cal = (
        f"BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nPRODID:{prodid}\r\nVERSION:2.0\r\n"
        "BEGIN:VEVENT\r\nDTSTART:20261210T130000Z\r\nDTEND:20261210T133000Z\r\n"
        f"DTSTAMP:20261207T163000Z\r\nORGANIZER:mailto:{ME.email}\r\nUID:{UID}\r\n"
        f"ATTENDEE;PARTSTAT={partstat}:mailto:{who.email}\r\n{seq}{extra}"
        "SUMMARY:Kennenlernen Hafen Logistik\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    head = (
        f"From: {who.name} <{who.email}>\r\nTo: {ME.email}\r\nSubject: {partstat}\r\n"
        "Date: Mon, 7 Dec 2026 17:30:00 +0100\r\nMessage-ID: <r-{style}@x.example>\r\n"
        'MIME-Version: 1.0\r\nContent-Type: text/calendar; charset="utf-8"; method=REPLY\r\n\r\n'
    )
    return (head + cal).encode()


# -- the revision a copy shows ----------------------------------------------------------------
@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    s = Store(tmp_path / "state.sqlite3")
    yield s
    s.close()


@pytest.fixture
def config():
    return from_mapping(
        {"user": {"email": ME.email, "name": ME.name, "timezone": "Europe/Berlin"},
         "invite": {"nudge_days": 3}},
        "<test>",
    )  # fmt: skip


def _copy(sequence: int | None, location: str = "Microsoft Teams Meeting") -> Event:
    hints = (("SEQUENCE", str(sequence)),) if sequence is not None else ()
    return Event(
        uid=UID, title="Kennenlernen", start=START, end=END, location=location, calendar="work",
        organizer=ME, attendees=(replace(LENA, response=Response.ACCEPTED),
                                 replace(TOM, response=Response.ACCEPTED)), hints=hints,
    )  # fmt: skip


def _sent(store: Store, sequence: int = 3) -> None:
    record_sent(store, prepare_request(store, update(sequence)), sent_at=SENT)


@pytest.mark.parametrize(
    ("sequence", "location", "revision"),
    [
        (2, "Microsoft Teams Meeting", 2),  # older: the user's own revision before the update
        (3, HOTEL, 3),  # equal, with the place sent: the update itself
        (3, "", 3),  # equal, a copy without a place says nothing against it
        (3, "Microsoft Teams Meeting", None),  # equal, another place: changed without SEQUENCE
        (4, HOTEL, None),  # newer: changed elsewhere since; not an answer to anything sent
        (None, "Microsoft Teams Meeting", None),  # no SEQUENCE (Graph): the place decides
        (None, HOTEL, 3),
    ],
)
def test_the_copy_answers_the_revision_it_is_of(store, sequence, location, revision):
    _sent(store)
    (record,) = history(store, UID)
    assert copy_revision(record, [record], _copy(sequence, location), TOM.email) == revision


def test_a_copy_of_a_revision_only_written_to_a_file_answers_nothing(store):
    record_sent(store, prepare_request(store, update(3)), message_id="file:x.ics", sent_at=SENT)
    (record,) = history(store, UID)
    assert copy_revision(record, [record], _copy(3, HOTEL), TOM.email) is None


def test_same_place_reads_a_venue_name_alone_and_ignores_case_and_spaces():
    sent = f"{HOTEL}, Maximilianstraße 17, 80539 München"
    assert same_place(HOTEL.upper(), sent, HOTEL)
    assert same_place(f"  {HOTEL}   (Lobby)", sent, HOTEL)
    assert not same_place("Microsoft Teams Meeting", sent, HOTEL)


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_accept_of_the_earlier_revision_never_makes_nothing_to_do(config, store, language):
    _sent(store)
    i18n.set_language(language)
    try:
        record(store, calendar_answers(history(store, UID), [_copy(2)], NOW,
                                       lambda uid: history(store, uid)), now=NOW)  # fmt: skip
        got = {s.counterpart: s for s in invite_states(config, store, now=NOW)}
    finally:
        i18n.set_language("en")
    for person in (LENA, TOM):
        state = got[person.email]
        assert (state.status, state.earlier, state.sequence) == ("no_answer", "accepted", 3)
        assert state.to_json()["earlier"] == "accepted"
        assert "nichts zu tun" not in state.next_step and "nothing to do" not in state.next_step
    if language == "en":
        assert got[TOM.email].next_step.startswith("no answer to the change yet; wait")


# -- through the CLI, with a real Radicale ----------------------------------------------------
@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RadicaleServer]:
    with radicale_server(tmp_path_factory.mktemp("radicale")) as server:
        yield server


def _invites(config: Path) -> dict[str, dict]:
    result = CliRunner().invoke(
        main, ["invites", "--config", str(config), "--format", "json", "--now", "2026-12-07T19:00"]
    )
    assert result.exit_code == 0, result.output
    return {s["counterpart"]: s for s in json.loads(result.stdout)["invitations"]}


def _replies(tmp_path: Path, config: Path, *mails: tuple[str, bytes]) -> None:
    paths = []
    for name, data in mails:
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    result = CliRunner().invoke(main, ["replies", "--config", str(config), *paths])
    assert result.exit_code == 0, result.output


@pytest.mark.slow
@pytest.mark.parametrize("style", ["gmail", "outlook", "apple"])
def test_the_qa_case_through_replies_and_invites(tmp_path, radicale, monkeypatch, style):
    """Lena accepts SEQUENCE 3, Tom declines SEQUENCE 2; the copy shows both ACCEPTED at 2."""
    monkeypatch.setenv(radicale.password_env, radicale.password)
    calendar = radicale.make_calendar(f"Work {style}", cal_id=f"work-{style}")
    radicale.put(calendar, "intro-lena.ics", copy_ics(2))
    config = write_config(tmp_path, caldav_entry(radicale, "work", f"Work {style}"))
    store = Store(data_dir() / FILENAME)
    _sent(store)
    store.close()
    _replies(tmp_path, config, ("lena.eml", reply(style, LENA, "ACCEPTED", 3)),
             ("tom.eml", reply(style, TOM, "DECLINED", 2)))  # fmt: skip

    got = _invites(config)
    lena, tom = got[LENA.email], got[TOM.email]
    assert (lena["status"], lena["sequence"], lena["earlier"]) == ("accepted", 3, None)
    assert (tom["status"], tom["sequence"]) == ("no_answer", 3)
    assert tom["earlier"] in ("declined", "accepted")  # the copy's answer has no time of its own
    assert "nothing to do" not in tom["next_step"]
    assert tom["next_step"].startswith("no answer to the change yet")
    assert tom["label"].endswith("the earlier time")


@pytest.mark.slow
@pytest.mark.parametrize(("sequence", "status"), [(None, "no_answer"), (3, "accepted"),
                                                  (4, "no_answer")])  # fmt: skip
def test_a_reply_counts_for_its_own_sequence(tmp_path, radicale, monkeypatch, sequence, status):
    """SEQUENCE missing is 0 (an earlier revision), equal counts, newer was never sent."""
    monkeypatch.setenv(radicale.password_env, radicale.password)
    name = f"seq-{sequence}"
    calendar = radicale.make_calendar(name, cal_id=name)
    radicale.put(
        calendar,
        "intro-lena.ics",
        copy_ics(3, HOTEL).replace("PARTSTAT=ACCEPTED", "PARTSTAT=NEEDS-ACTION"),
    )
    config = write_config(tmp_path, caldav_entry(radicale, "work", name))
    store = Store(data_dir() / FILENAME)
    _sent(store)
    store.close()
    _replies(tmp_path, config, ("tom.eml", reply("apple", TOM, "ACCEPTED", sequence)))
    tom = _invites(config)[TOM.email]
    assert (tom["status"], tom["sequence"]) == (status, 3)
    assert "nothing to do" not in tom["next_step"] or status == "accepted"
