"""A counter to a meeting written in another zone than the user's (a breakfast in New York, a
dinner in Tokyo, a lunch in London) is told and accepted in the meeting's own zone: the
suggested ``--update … --start`` names that zone, so running it keeps the meeting where it was
written, and the words name the time there with the user's time beside it. Outlook writes the
counter with a Windows zone name (``Eastern Standard Time``); the meeting keeps its IANA zone.

Bug: an Outlook COUNTER to ``--start "2026-12-15 08:00 America/New_York"`` was suggested as
``--start 2026-12-15T15:30``, which sent ``DTSTART;TZID=Europe/Berlin:20261215T153000``."""

from __future__ import annotations

import shlex
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner import i18n
from planner.cli import main
from planner.flows.followup import invite_states, record
from planner.invite.invitation import Invitation
from planner.invite.replies import parse
from planner.invite.sentlog import prepare_request, record_sent
from planner.model import Attendee
from planner.render.invites import status_label
from planner.store import open_store

SENT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
ME = Attendee("anna@berger-consulting.example", "Anna Berger")

#: Outlook's VTIMEZONEs for the Windows names it writes
WINDOWS = {
    "Eastern Standard Time": ("-0500", "-0400", "BYDAY=1SU;BYMONTH=11", "BYDAY=2SU;BYMONTH=3"),
    "GMT Standard Time": ("+0000", "+0100", "BYDAY=-1SU;BYMONTH=10", "BYDAY=-1SU;BYMONTH=3"),
    "Tokyo Standard Time": ("+0900", "", "", ""),
}

CASES = {
    # name: (meeting zone, its start, counter's Windows zone, counter's wall time,
    #        the time there, the user's time as words show it, the --start the command gives)
    "breakfast in New York": (
        "America/New_York", datetime(2026, 12, 15, 8, 0), "Eastern Standard Time",
        "20261215T093000", "(09:30–10:30 America/New_York)", "15:30–16:30",
        "2026-12-15 09:30 America/New_York",
    ),
    "lunch in London": (
        "Europe/London", datetime(2026, 12, 16, 12, 30), "GMT Standard Time",
        "20261216T133000", "(13:30–14:30 Europe/London)", "14:30–15:30",
        "2026-12-16 13:30 Europe/London",
    ),
    "breakfast in Tokyo, the evening before in Berlin": (
        "Asia/Tokyo", datetime(2026, 12, 16, 8, 0), "Tokyo Standard Time",
        "20261216T073000", "07:30–08:30 Asia/Tokyo)", "23:30–",
        "2026-12-16 07:30 Asia/Tokyo",
    ),
}  # fmt: skip


def vtimezone(name: str) -> str:
    standard, daylight, back, forth = WINDOWS[name]
    lines = ["BEGIN:VTIMEZONE", f"TZID:{name}", "BEGIN:STANDARD", "DTSTART:16010101T020000",
             f"TZOFFSETFROM:{daylight or standard}", f"TZOFFSETTO:{standard}"]  # fmt: skip
    if back:
        lines.append(f"RRULE:FREQ=YEARLY;INTERVAL=1;{back}")
    lines.append("END:STANDARD")
    if daylight:
        lines += ["BEGIN:DAYLIGHT", "DTSTART:16010101T020000", f"TZOFFSETFROM:{standard}",
                  f"TZOFFSETTO:{daylight}", f"RRULE:FREQ=YEARLY;INTERVAL=1;{forth}",
                  "END:DAYLIGHT"]  # fmt: skip
    return "\r\n".join([*lines, "END:VTIMEZONE"])


def outlook_counter(uid: str, who: str, zone: str, start: str) -> bytes:
    """A COUNTER as Exchange writes it: a Windows zone name, one hour from ``start``."""
    end = (datetime.strptime(start, "%Y%m%dT%H%M%S") + timedelta(hours=1)).strftime("%Y%m%dT%H%M%S")
    text = "\r\n".join([
        "BEGIN:VCALENDAR", "METHOD:COUNTER", "PRODID:Microsoft Exchange Server 2010",
        "VERSION:2.0", vtimezone(zone), "BEGIN:VEVENT",
        f"ATTENDEE;PARTSTAT=TENTATIVE;CN=Counterpart:mailto:{who}",
        "COMMENT;LANGUAGE=en-US:Could we do another time?",
        f"DTSTART;TZID={zone}:{start}", f"DTEND;TZID={zone}:{end}", f"UID:{uid}",
        f"ORGANIZER;CN=Anna Berger:mailto:{ME.email}", "DTSTAMP:20261207T161000Z", "SEQUENCE:0",
        "END:VEVENT", "END:VCALENDAR", "",
    ])  # fmt: skip
    return text.encode()


def sent_meeting(store, zone: str, start: datetime, *others: str) -> Invitation:
    """A one-hour meeting written in ``zone``, sent to John (and ``others``)."""
    there = ZoneInfo(zone)
    people = (Attendee("john@acme-ny.example", "John Miller"), *(Attendee(o) for o in others))
    inv = Invitation(
        title="Breakfast", start=start.replace(tzinfo=there),
        end=start.replace(tzinfo=there) + timedelta(hours=1), organizer=ME, attendees=people,
        location="The Smith",
    )  # fmt: skip
    prepared = prepare_request(store, inv)
    record_sent(store, prepared, message_id="<m@x>", sent_at=SENT)
    return prepared.invitation


@pytest.fixture
def config():
    from planner.config import from_mapping

    return from_mapping(
        {"user": {"email": ME.email, "name": ME.name, "timezone": "Europe/Berlin"}}, "<test>"
    )


@pytest.fixture
def shared_store():
    """The state database ``planner`` itself opens (the test's data dir)."""
    store = open_store()
    yield store
    store.close()


def countered(config, store, case: str):
    zone, start, windows, wall, *_ = CASES[case]
    inv = sent_meeting(store, zone, start)
    answers = parse(outlook_counter(inv.uid, "john@acme-ny.example", windows, wall))
    record(store, answers, now=SENT)
    (state,) = invite_states(config, store, now=SENT)
    return state


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_counter_is_told_and_accepted_in_the_meetings_own_zone(config, store, case, lang):
    zone, _start, _windows, _wall, there, yours, start = CASES[case]
    i18n.set_language(lang)
    state = countered(config, store, case)
    assert (state.status, state.zone) == ("countered", zone)
    argv = shlex.split(state.command)
    assert argv[:3] == ["planner", "invite", "--update"]
    assert argv[argv.index("--start") + 1] == start
    assert argv[argv.index("--duration") + 1] == "60"
    assert there in state.next_step and yours in state.next_step, state.next_step
    label = status_label(state)  # the user's time first, the meeting's beside it
    assert label.index(yours) < label.index(there)
    when = label.split(": ", 1)[1]  # one wording for the label and the next step
    assert when in state.next_step, (when, state.next_step)
    assert state.to_json()["zone"] == zone


def test_a_counter_to_a_meeting_in_the_users_zone_names_no_zone(config, store):
    """A Munich lunch: the command's --start stays as before, the words name no zone."""
    inv = sent_meeting(store, "Europe/Berlin", datetime(2026, 12, 10, 12, 30))
    counter = outlook_counter(inv.uid, "john@acme-ny.example", "GMT Standard Time",
                              "20261210T120000")  # 13:00 in Berlin  # fmt: skip
    record(store, parse(counter), now=SENT)
    (state,) = invite_states(config, store, now=SENT)
    assert state.zone == ""
    assert "--start 2026-12-10T13:00 --duration 60" in state.command
    assert "Thu 10 Dec 13:00–14:00" in state.next_step and "Europe" not in state.next_step
    assert status_label(state) == "countered: Thu 10 Dec 13:00–14:00"


@pytest.mark.parametrize("case", list(CASES))
def test_running_the_suggested_command_keeps_the_meeting_in_its_zone(
    tmp_path, config, shared_store, case
):
    """The command ``planner invites`` suggests, run as a dry run: the update is written in
    the meeting's zone at the countered time, and the dry run names the user's time too."""
    zone, _start, _windows, wall, *_ = CASES[case]
    state = countered(config, shared_store, case)
    path = tmp_path / "config.toml"
    path.write_text('[user]\nname = "Anna Berger"\nemail = "anna@berger-consulting.example"\n'
                    'timezone = "Europe/Berlin"\n', encoding="utf-8")  # fmt: skip
    argv = [a for a in shlex.split(state.command)[1:] if a != "--send"]
    result = CliRunner().invoke(main, [*argv, "--config", str(path)])
    assert result.exit_code == 0, result.output
    assert f"DTSTART;TZID={zone}:{wall}" in result.output
    assert "TZID=Europe/Berlin" not in result.output
    assert f"({zone}); your time:" in result.output


@pytest.mark.parametrize("lang", ["en", "de"])
def test_an_update_without_a_zone_keeps_the_meetings_zone_and_a_typed_one_is_kept(
    tmp_path, shared_store, lang
):
    """``--update UID --start 2026-12-15T09:30`` of a New York breakfast is 09:30 in New
    York; ``--start '2026-12-15 16:00 Europe/London'`` is what was typed; ``--date`` is a day
    in New York. "A zone the user typed is never dropped.\""""
    inv = sent_meeting(shared_store, "America/New_York", datetime(2026, 12, 15, 8, 0))
    path = tmp_path / "config.toml"
    path.write_text('[user]\nname = "Anna Berger"\nemail = "anna@berger-consulting.example"\n'
                    f'timezone = "Europe/Berlin"\nlanguage = "{lang}"\n',
                    encoding="utf-8")  # fmt: skip

    def dry(*args: str) -> str:
        result = CliRunner().invoke(main, ["invite", "--config", str(path), "--update",
                                           inv.uid[:8], *args])  # fmt: skip
        assert result.exit_code == 0, result.output
        return result.output

    plain = dry("--start", "2026-12-15T09:30")
    assert "DTSTART;TZID=America/New_York:20261215T093000" in plain
    assert "America/New_York" in plain.split("BEGIN:VCALENDAR")[0]  # the dry run's "when"
    assert "15:30" in plain.split("BEGIN:VCALENDAR")[0]  # … and the user's time beside it
    typed = dry("--start", "2026-12-15 16:00 Europe/London")
    assert "DTSTART;TZID=Europe/London:20261215T160000" in typed
    berlin = dry("--start", "2026-12-15 15:30 Europe/Berlin")
    assert "DTSTART;TZID=Europe/Berlin:20261215T153000" in berlin
    whole = dry("--date", "2026-12-16")
    assert "DTSTART;VALUE=DATE:20261216" in whole
