"""Issue 20, first acceptance point, through the real CLI: three invitations sent over a real
SMTP server (aiosmtpd); an accept shown by the fake Google Calendar API, a decline on the
organizer's copy in a real Radicale, a COUNTER in a Maildir; ``planner invites`` shows all
three with the right next step; accepting the COUNTER sends an update that icalendar and
vobject read with the new time and a raised SEQUENCE; ``planner replies`` twice changes
nothing."""

from __future__ import annotations

import email
import mailbox
import shlex
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from click.testing import CliRunner, Result

from planner.cli import main
from planner.model import Attendee, Event, Response
from planner.store import open_store
from tests.cli.test_cli_providers import caldav_entry, google_entry, write_config
from tests.fakes.graph_server import config_entry, sign_in
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)
from tests.providers.radicale_server import RadicaleServer, radicale_server

pytestmark = pytest.mark.slow

TZ = ZoneInfo("Europe/Berlin")
ME = "user@planner.test"
ANN, BOB, CEM = "ann@acme.example", "bob@nordwind.example", "cem@isar.example"
DANA = "dana@contoso.example"  # a fourth, answering through Outlook
NOW = "2026-12-03T09:00"  # Thursday before the meetings
VENUE = "Wirtshaus am Viktualienmarkt"  # demo catalog: Mo-Sa 11:00-23:00, Sundays closed


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RadicaleServer]:
    with radicale_server(tmp_path_factory.mktemp("radicale")) as server:
        yield server


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


def counter_mail(uid: str, start: datetime, minutes: int) -> EmailMessage:
    """What Outlook sends for "Propose new time": an iMIP message with a COUNTER."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN")
    cal.add("version", "2.0")
    cal.add("method", "COUNTER")
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("sequence", 0)
    event.add("dtstamp", datetime(2026, 12, 2, 16, 0, tzinfo=UTC))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=minutes))
    event.add("summary", "Mittagessen")
    event.add("organizer", f"mailto:{ME}")
    attendee = icalendar.vCalAddress(f"mailto:{CEM}")
    attendee.params["PARTSTAT"] = "TENTATIVE"
    event.add("attendee", attendee)
    event.add("comment", "Am Donnerstag passt es mir besser.")
    cal.add_component(event)
    cal.add_missing_timezones()
    msg = EmailMessage()
    msg["From"] = CEM
    msg["To"] = ME
    msg["Subject"] = "Neuer Zeitvorschlag: Mittagessen"
    msg.set_content("Cem schlägt eine neue Zeit vor.")
    msg.add_attachment(
        cal.to_ical(), maintype="text", subtype="calendar", params={"method": "COUNTER"},
        filename="invite.ics",
    )  # fmt: skip
    return msg


def unknown_reply() -> bytes:
    return (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nMETHOD:REPLY\r\n"
        b"BEGIN:VEVENT\r\nUID:never-sent@elsewhere\r\nDTSTAMP:20261202T100000Z\r\n"
        b"SEQUENCE:0\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:ann@acme.example\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def answers_table() -> list[tuple]:
    store = open_store()
    try:
        return store.conn.execute("SELECT * FROM invitation_answers ORDER BY uid").fetchall()
    finally:
        store.close()


def test_three_invitations_three_answers_and_the_counter_accepted(
    tmp_path: Path,
    google,
    graph,
    radicale: RadicaleServer,
    run_server,  # noqa: F811
    monkeypatch,
):
    monkeypatch.setenv(radicale.password_env, radicale.password)
    inbox = Inbox()
    port = run_server(inbox)
    calendar = radicale.make_calendar("Termine", cal_id="termine")
    google.write_token_for("google")
    sign_in(graph, "outlook")
    config = write_config(
        tmp_path,
        google_entry(google),
        caldav_entry(radicale, "dav", "Termine"),
        config_entry(graph, "outlook"),
    )
    with config.open("a", encoding="utf-8") as handle:
        handle.write(f'\n[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n')
    cfg = ("--config", str(config))

    # -- invite three counterparts ---------------------------------------------------------
    starts = {
        ANN: "2026-12-08T12:30", BOB: "2026-12-09T12:30", CEM: "2026-12-10T12:30",
        DANA: "2026-12-11T12:30",
    }  # fmt: skip
    for who, start in starts.items():
        run("invite", *cfg, "--to", who, "--title", "Mittagessen", "--start", start,
            "--venue", VENUE, "--send")  # fmt: skip
    assert len(inbox.messages) == 4
    store = open_store()
    from planner.invite.sentlog import recent

    uids = {r.invitation.counterparts[0].email: r.uid for r in recent(store)}
    store.close()
    assert set(uids) == {ANN, BOB, CEM, DANA}

    # -- the answers: Google shows Ann's accept, Radicale Bob's decline, the Maildir a COUNTER
    def copy(who: str, response: Response) -> Event:
        start = datetime.fromisoformat(starts[who]).replace(tzinfo=TZ)
        return Event(
            uid=uids[who], title="Mittagessen", start=start, end=start + timedelta(hours=1),
            location=VENUE, organizer=Attendee(ME, "Uta User", Response.ACCEPTED),
            attendees=(Attendee(who, "", response),),
        )  # fmt: skip

    google.seed("primary", [copy(ANN, Response.ACCEPTED)])
    graph.seed([copy(DANA, Response.TENTATIVE)])
    from planner.ical.writing import event_to_ics

    radicale.put(calendar, "bob.ics", event_to_ics(copy(BOB, Response.DECLINED)))
    maildir = mailbox.Maildir(tmp_path / "Maildir", create=True)
    new_start = datetime(2026, 12, 10, 13, 0, tzinfo=TZ)
    maildir.add(counter_mail(uids[CEM], new_start, 90))
    stray = EmailMessage()
    stray["Subject"] = "Accepted: something else"
    stray.add_attachment(unknown_reply(), maintype="application", subtype="ics",
                         filename="reply.ics")  # fmt: skip
    maildir.add(stray)  # an answer to a meeting not sent from here

    first = run("replies", *cfg, str(tmp_path / "Maildir"), "--now", NOW)
    assert "1 new" in first.output and "1 not ours" in first.output
    assert "never-sent@elsewhere" in first.output  # reported ...
    recorded = answers_table()
    assert [row[1] for row in recorded] == [CEM]  # ... and not stored
    again = run("replies", *cfg, str(tmp_path / "Maildir"), "--now", NOW)
    assert "0 new, 0 updated, 1 unchanged" in again.output
    assert answers_table() == recorded  # running replies twice changes nothing

    # -- planner invites: all three, with the right next step ------------------------------
    import json

    listed = json.loads(run("invites", *cfg, "--format", "json", "--now", NOW).stdout)
    states = {s["counterpart"]: s for s in listed["invitations"]}
    assert {who: s["status"] for who, s in states.items()} == {
        ANN: "accepted", BOB: "declined", CEM: "countered", DANA: "tentative",
    }  # fmt: skip
    assert states[ANN]["source"] == "calendar google" and states[ANN]["command"] == ""
    assert states[BOB]["source"] == "calendar dav"
    assert states[DANA]["source"] == "calendar outlook"
    assert states[BOB]["command"] == f"planner propose --with {BOB}"
    counter = states[CEM]
    assert counter["proposed"] == [
        new_start.isoformat(),
        (new_start + timedelta(minutes=90)).isoformat(),
    ]
    accept = counter["command"]
    assert accept == (
        f"planner invite --update {uids[CEM]} --start 2026-12-10T13:00 --duration 90 --send"
    )
    assert counter["conflicts"] == []  # free in Google and Radicale, the venue is open
    # keeping the own time sends the invitation as it is: no --start, no new SEQUENCE
    assert counter["alternative"] == f"planner invite --again {uids[CEM]} --send"
    table = run("invites", *cfg, "--now", NOW).stdout
    assert (
        "accepted" in table and "declined" in table and "countered: Thu 10 Dec 13:00–14:30" in table
    )
    assert answers_table() == answers_table()  # reading the calendars twice: same answers
    twice = answers_table()
    run("invites", *cfg, "--format", "json", "--now", NOW)
    assert answers_table() == twice

    # -- accept the COUNTER: the ready command sends an update -----------------------------
    argv = shlex.split(accept)
    assert argv[:2] == ["planner", "invite"]
    run(*argv[1:], *cfg)
    assert len(inbox.messages) == 5
    recipients, raw, _tls = inbox.messages[-1]
    assert recipients == [CEM]
    message = email.message_from_bytes(raw)
    ics = next(
        p.get_payload(decode=True)
        for p in message.walk()
        if p.get_content_type() == "text/calendar"
    )
    event = icalendar.Calendar.from_ical(ics).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == new_start
    assert event.decoded("DTEND") == new_start + timedelta(minutes=90)
    assert int(event["SEQUENCE"]) == 1
    card = vobject.readOne(ics.decode("utf-8"))
    assert card.vevent.dtstart.value == new_start
    assert card.vevent.sequence.value == "1"
    assert card.method.value == "REQUEST"

    # the COUNTER answered revision 0; revision 1 waits for Cem's answer, and replies again
    # changes nothing
    run("replies", *cfg, str(tmp_path / "Maildir"), "--now", NOW)
    listed = json.loads(run("invites", *cfg, "--format", "json", "--offline", "--now", NOW).stdout)
    cem = next(s for s in listed["invitations"] if s["counterpart"] == CEM)
    assert cem["status"] == "no_answer" and cem["sequence"] == 1
    assert cem["start"] == new_start.isoformat()


def test_a_hold_is_followed_like_a_sent_invitation(tmp_path: Path, google):
    """``invite --hold`` writes the meeting into Google with its attendee, silently: ``planner
    invites`` says it was held and not sent, with the command that sends it, instead of
    waiting for an answer that cannot come (QA report G, finding 4). When Google shows the
    attendee's answer on that copy (the user invited them from Google), it is reported."""
    import json

    google.write_token_for("google", write=True)
    config = write_config(tmp_path, google_entry(google, write=True))
    cfg = ("--config", str(config))
    run("invite", *cfg, "--to", ANN, "--title", "Mittagessen", "--start", "2026-12-08T12:30",
        "--hold")  # fmt: skip
    listed = json.loads(run("invites", *cfg, "--format", "json", "--now", NOW).stdout)
    (state,) = listed["invitations"]
    assert (state["counterpart"], state["status"]) == (ANN, "not_sent")
    assert "held in your calendar 'google'" in state["next_step"]
    assert "was not told" in state["next_step"]
    assert state["command"] == f"planner invite --again {state['uid']} --send"
    (item,) = google.calendar("primary").items.values()
    item["attendees"] = [{"email": ANN, "responseStatus": "accepted"}]
    google.invalidate_sync_tokens()
    listed = json.loads(run("invites", *cfg, "--format", "json", "--now", NOW).stdout)
    assert listed["invitations"][0]["status"] == "accepted"
