"""A COUNTER that proposes whole days (``DTSTART;VALUE=DATE``) is read as those days, as
Outlook, Apple Calendar and Thunderbird write them: with a DTEND the day after, without one
(RFC 5545 §3.6.1: one day), or over two days. Shown as days everywhere a counter is shown
(the answer, ``planner invites``, the command), never as a time; accepting a day for a timed
meeting leaves the time to the user (``HH:MM`` in the command, which stops with a clear error
when run as it stands), and for an all-day meeting moves its days. A time proposed for an
all-day meeting says that accepting makes it a timed one, and is held as that time.

Bug: ``DTSTART;VALUE=DATE:20261210`` was read as midnight UTC: shown as ``Thu 10 Dec
01:00–01:00`` in Berlin, and its command moved the meeting to 01:00."""

from __future__ import annotations

import shlex
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.flows.followup import invite_states, record_replies
from planner.i18n import speaking
from planner.invite.sentlog import prepare_request, record_sent
from planner.render.invites import state_line, status_label
from planner.store import open_store
from tests.invite.test_client_answers import ORGANIZER, calendar, write_mail
from tests.invite.test_invite import ME, lunch

BERLIN = ZoneInfo("Europe/Berlin")
SENT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)

#: whole days proposed as each client writes them: (client, the lines, first day, last day)
DAY_COUNTERS = {
    "outlook": (
        "DTSTART;VALUE=DATE:20261210\nDTEND;VALUE=DATE:20261211\n"
        "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE\nCOMMENT;LANGUAGE=en-US:I am free all Thursday",
        "Thu 10 Dec, all day",
    ),
    "apple, no DTEND": ("DTSTART;VALUE=DATE:20261210", "Thu 10 Dec, all day"),
    "thunderbird, two days": (
        "DTSTART;VALUE=DATE:20261210\nDTEND;VALUE=DATE:20261212\nX-MOZ-LASTACK:20261201T120000Z",
        "Thu 10 Dec – Fri 11 Dec, all day",
    ),
}


#: Outlook's VTIMEZONE for Central Europe, under its Windows name
W_EUROPE = "\r\n".join([
    "BEGIN:VTIMEZONE", "TZID:W. Europe Standard Time", "BEGIN:STANDARD",
    "DTSTART:16010101T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10", "END:STANDARD", "BEGIN:DAYLIGHT",
    "DTSTART:16010101T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT", "END:VTIMEZONE",
])  # fmt: skip


@pytest.fixture
def store():
    s = open_store()  # the one 'planner' itself opens (the test's data dir)
    yield s
    s.close()


@pytest.fixture
def config():
    from planner.config import from_mapping

    return from_mapping(
        {"user": {"email": ME.email, "name": ME.name, "timezone": "Europe/Berlin"}}, "<test>"
    )


def send(store, inv) -> str:
    prepared = prepare_request(store, inv)
    record_sent(store, prepared, message_id="<m@x>", sent_at=SENT)
    return prepared.uid


def trade_fair():
    """Three whole days, 9 to 11 December (midnight to midnight in Berlin)."""
    first = datetime(2026, 12, 9, tzinfo=BERLIN)
    return lunch(title="Messe", start=first, end=first + timedelta(days=3), all_day=True)


def counter(uid: str, lines: str, prodid: str = "-//client//EN") -> str:
    text = calendar(
        "COUNTER",
        f"""UID:{uid}
SEQUENCE:0
DTSTAMP:20261201T120000Z
ORGANIZER:{ORGANIZER}
ATTENDEE;PARTSTAT=TENTATIVE;CN=Bob Stone:mailto:bob@acme.example
{lines}""",
    )
    return text.replace("PRODID:-//client//EN", f"PRODID:{prodid}")


def countered(store, config, tmp_path, uid: str, lines: str):
    path = write_mail(tmp_path, "counter", "Bob Stone <bob@acme.example>", counter(uid, lines),
                      method="COUNTER")  # fmt: skip
    report = record_replies(store, [path], now=NOW)
    assert report.outcomes["new"] == 1, report.problems
    assert not any("without a time zone" in p for p in report.problems)  # days are no time
    return {s.counterpart: s for s in invite_states(config, store, now=NOW)}["bob@acme.example"]


def run(tmp_path, command: str, lang: str = "en"):
    path = tmp_path / "config.toml"
    path.write_text(f'[user]\nname = "{ME.name}"\nemail = "{ME.email}"\n'
                    f'timezone = "Europe/Berlin"\nlanguage = "{lang}"\n',
                    encoding="utf-8")  # fmt: skip
    argv = [a for a in shlex.split(command)[1:] if a != "--send"]
    return CliRunner().invoke(main, [*argv, "--config", str(path)])


@pytest.mark.parametrize("client", list(DAY_COUNTERS))
def test_a_day_proposed_for_a_timed_meeting_is_shown_as_days_and_leaves_the_time_to_you(
    store, config, tmp_path, client
):
    lines, shown = DAY_COUNTERS[client]
    uid = send(store, lunch())  # Wednesday 9 December, 12:30–14:00 in Munich
    state = countered(store, config, tmp_path, uid, lines)
    assert state.status == "countered"
    assert status_label(state) == f"countered: {shown}"
    assert shown in state.next_step and "not a time" in state.next_step
    assert "01:00" not in state_line(state) and "00:00" not in state.command
    argv = shlex.split(state.command)
    assert argv[argv.index("--start") + 1] == "2026-12-10THH:MM"
    assert argv[argv.index("--duration") + 1] == "90"  # the meeting's own length
    assert state.alternative == f"planner invite --again {uid} --send"  # or keep your time
    assert state.to_json()["proposed_days"][0] == "2026-12-10"
    result = run(tmp_path, state.command)  # run as it stands: stops, makes no 00:00 meeting
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "HH:MM" in result.output and len(result.output.strip().splitlines()) == 1
    assert "BEGIN:VCALENDAR" not in result.output


def test_the_days_are_said_in_german(store, config, tmp_path):
    uid = send(store, lunch())
    lines, _shown = DAY_COUNTERS["thunderbird, two days"]
    with speaking("de"):
        state = countered(store, config, tmp_path, uid, lines)
        label = status_label(state)
    assert "Do. 10. Dez." in label and "Fr. 11. Dez." in label
    assert "01:00" not in label and "00:00" not in label


def test_days_proposed_for_an_all_day_meeting_move_its_days(store, config, tmp_path):
    """A trade fair (9–11 Dec) countered with 14–15 Dec: accepting writes those two days."""
    uid = send(store, trade_fair())
    lines = "DTSTART;VALUE=DATE:20261214\nDTEND;VALUE=DATE:20261216"
    state = countered(store, config, tmp_path, uid, lines)
    assert status_label(state) == "countered: Mon 14 Dec – Tue 15 Dec, all day"
    assert state.command == f"planner invite --update {uid} --date 2026-12-14 --days 2 --send"
    assert "accept it, or keep your time" in state.next_step
    result = run(tmp_path, state.command)
    assert result.exit_code == 0, result.output
    assert "DTSTART;VALUE=DATE:20261214" in result.output
    assert "DTEND;VALUE=DATE:20261216" in result.output


def test_a_time_proposed_for_an_all_day_meeting_is_a_time(store, config, tmp_path):
    """Outlook proposes Wednesday 10:00–11:00 (a Windows zone name) for the trade fair: shown
    and accepted as that time, said to end the all-day meeting, and held as that time."""
    from planner.flows.held import held_times

    uid = send(store, trade_fair())
    lines = ("DTSTART;TZID=W. Europe Standard Time:20261209T100000\n"
             "DTEND;TZID=W. Europe Standard Time:20261209T110000")  # fmt: skip
    path = write_mail(tmp_path, "c", "bob@acme.example",
                      counter(uid, lines).replace("BEGIN:VEVENT", W_EUROPE + "\r\nBEGIN:VEVENT"),
                      method="COUNTER")  # fmt: skip
    record_replies(store, [path], now=NOW)
    [state] = [s for s in invite_states(config, store, now=NOW) if s.counterpart.startswith("bob")]
    assert status_label(state) == "countered: Wed 9 Dec 10:00–11:00"
    assert "no longer all day" in state.next_step
    assert "--start 2026-12-09T10:00 --duration 60" in state.command
    held = held_times(store, config, NOW)  # raised 'an all-day invitation runs from midnight'
    [proposed] = [e for e in held if ":counter:" in e.uid]
    assert proposed.start == datetime(2026, 12, 9, 10, 0, tzinfo=BERLIN)
