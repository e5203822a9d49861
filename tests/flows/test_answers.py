"""Answers to invitations: iTIP REPLY / COUNTER parsed from .ics, .eml, Maildir and mbox;
recorded idempotently (a later SEQUENCE wins, an older answer never replaces a newer one, an
answer to an unknown UID or from someone not invited is reported, not stored); the next step
for each state (issue 20)."""

from __future__ import annotations

import mailbox
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.config import from_mapping
from planner.flows.followup import calendar_answers, invite_states, record, record_replies
from planner.flows.listed import entry_id, save_proposals
from planner.invite.answers import Answer, Outcome, all_answers, record_answer
from planner.invite.replies import parse, read_paths
from planner.invite.sentlog import prepare_request, prepare_update, recent, record_sent
from planner.model import Attendee, Event, Response
from planner.store import Store
from tests.invite.test_invite import ANNA, BOB, ME, lunch

BERLIN = ZoneInfo("Europe/Berlin")
SENT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "state.sqlite3")
    yield s
    s.close()


@pytest.fixture
def sent(store):
    """The lunch invitation, sent to Anna and Bob on 1 December."""
    prepared = prepare_request(store, lunch())
    record_sent(store, prepared, sent_at=SENT)
    return prepared.invitation


@pytest.fixture
def config():
    return from_mapping(
        {"user": {"email": ME.email, "name": ME.name, "timezone": "Europe/Berlin"},
         "invite": {"nudge_days": 3}},
        "<test>",
    )  # fmt: skip


def itip(method: str, uid: str, who: str, partstat: str = "ACCEPTED", *, sequence: int = 0,
         stamp: datetime = SENT, start: datetime | None = None) -> bytes:  # fmt: skip
    cal = icalendar.Calendar()
    cal.add("prodid", "-//test//EN")
    cal.add("version", "2.0")
    cal.add("method", method)
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("sequence", sequence)
    event.add("dtstamp", stamp)
    if start is not None:
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=90))
    address = icalendar.vCalAddress(who if ":" in who else f"mailto:{who}")
    address.params["PARTSTAT"] = partstat
    event.add("attendee", address)
    cal.add_component(event)
    return cal.to_ical()


def mail_with(ics: bytes, subtype: str = "calendar") -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "anna@berger-consulting.example"
    msg["Subject"] = "Accepted"
    msg.set_content("Anna has accepted.")
    maintype = "text" if subtype == "calendar" else "application"
    msg.add_attachment(ics, maintype=maintype, subtype=subtype, filename="reply.ics")
    return msg


# -- parsing -----------------------------------------------------------------------------------
def test_reply_and_counter_are_parsed_and_other_methods_ignored(sent):
    (reply,) = parse(itip("REPLY", sent.uid, ANNA.email, "DECLINED", sequence=2))
    assert (reply.attendee, reply.response, reply.sequence) == (ANNA.email, Response.DECLINED, 2)
    start = datetime(2026, 12, 10, 13, 0, tzinfo=BERLIN)
    (counter,) = parse(itip("COUNTER", sent.uid, BOB.email, "TENTATIVE", start=start))
    assert counter.countered and counter.proposed == (start, start + timedelta(minutes=90))
    assert parse(itip("REQUEST", sent.uid, ANNA.email)) == []
    with pytest.raises(ValueError):
        parse(b"this is not iCalendar")


def test_files_eml_folders_maildir_and_mbox_are_all_read(sent, tmp_path):
    folder = tmp_path / "saved"
    (folder / "deeper").mkdir(parents=True)
    (folder / "reply.ics").write_bytes(itip("REPLY", sent.uid, ANNA.email))
    (folder / "deeper" / "mail.eml").write_bytes(
        mail_with(itip("REPLY", sent.uid, BOB.email, "TENTATIVE"), "ics").as_bytes()
    )
    (folder / "notes.txt").write_text("not read", encoding="utf-8")
    maildir = mailbox.Maildir(tmp_path / "Maildir", create=True)
    maildir.add(mail_with(itip("REPLY", sent.uid, ANNA.email, "DECLINED")))
    box = mailbox.mbox(tmp_path / "export.mbox", create=True)
    box.add(mail_with(itip("REPLY", sent.uid, BOB.email, "ACCEPTED")))
    box.add(mail_with(b"BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nbroken"))
    box.add(
        mail_with(
            b"BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:x\r\n"
            b"DTSTAMP:yesterday\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    )
    box.add(mail_with(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nnot an answer"))  # skipped
    box.flush()
    found = read_paths([folder, tmp_path / "Maildir", tmp_path / "export.mbox",
                        tmp_path / "missing.ics"])  # fmt: skip
    got = sorted((a.attendee, a.response.value, a.source.rpartition("/")[2]) for a in found.answers)
    assert [g[:2] for g in got] == [
        (ANNA.email, "accepted"), (ANNA.email, "declined"),
        (BOB.email, "accepted"), (BOB.email, "tentative"),
    ]  # fmt: skip
    assert len(found.problems) == 3  # the missing path, two broken answers: one line each
    assert any("missing.ics" in p for p in found.problems)
    assert any("export.mbox#1" in p for p in found.problems)
    assert any("export.mbox#2" in p and "DTSTAMP 'yesterday'" in p for p in found.problems)


# -- recording ---------------------------------------------------------------------------------
def test_recording_is_idempotent_and_a_later_sequence_wins(store, sent):
    first = Answer(sent.uid, ANNA.email, Response.ACCEPTED, sequence=0, stamp=SENT)
    assert record_answer(store, first) is Outcome.NEW
    assert record_answer(store, first) is Outcome.UNCHANGED
    later = replace(first, response=Response.DECLINED, sequence=1, stamp=SENT - timedelta(days=1))
    assert record_answer(store, later) is Outcome.UNSENT  # revision 1 is not sent yet
    record_sent(store, prepare_update(store, sent.uid, title="Lunch, moved"), sent_at=SENT)
    assert record_answer(store, later) is Outcome.UPDATED  # SEQUENCE before DTSTAMP
    assert record_answer(store, first) is Outcome.OUTDATED
    newer = replace(later, response=Response.TENTATIVE, stamp=SENT + timedelta(hours=1))
    assert record_answer(store, newer) is Outcome.UPDATED
    assert record_answer(store, replace(newer, response=Response.ACCEPTED, stamp=SENT)) is (
        Outcome.OUTDATED
    )
    (stored,) = all_answers(store)
    assert (stored.response, stored.sequence) == (Response.TENTATIVE, 1)


def test_unknown_uid_and_uninvited_attendee_are_reported_not_stored(store, sent, tmp_path):
    (tmp_path / "a.ics").write_bytes(itip("REPLY", "other@elsewhere", ANNA.email))
    (tmp_path / "b.ics").write_bytes(itip("REPLY", sent.uid, "eve@intruder.example"))
    report = record_replies(store, [tmp_path], now=SENT)
    assert report.unknown == [("other@elsewhere", str(tmp_path / "a.ics"))]
    assert len(report.problems) == 1 and "eve@intruder.example" in report.problems[0]
    assert report.changed == 0 and all_answers(store) == []


# -- states and next steps ---------------------------------------------------------------------
def states(config, store, now, events=None):
    return {s.counterpart: s for s in invite_states(config, store, now=now, events=events)}


def test_no_answer_turns_into_a_nudge_after_nudge_days(config, store, sent):
    early = states(config, store, SENT + timedelta(days=1))
    assert early[ANNA.email].status == "no_answer" and early[ANNA.email].command == ""
    assert "2 days" in early[ANNA.email].next_step
    late = states(config, store, SENT + timedelta(days=4))[ANNA.email]
    assert late.waiting_days == 4
    assert late.command == f"planner invite --again {sent.uid} --send"  # the same, unchanged
    assert "Anna Berger" in late.alternative and "Lunch: Kick-off ACME" in late.alternative


def test_counter_is_checked_against_busy_time_and_opening_hours(config, store, sent):
    thursday = datetime(2026, 12, 10, 13, 0, tzinfo=BERLIN)
    proposed = (thursday, thursday + timedelta(minutes=90))
    record(store, [Answer(sent.uid, BOB.email, Response.TENTATIVE, method="COUNTER",
                          proposed=proposed)], now=SENT)  # fmt: skip
    busy = Event(uid="x", title="Board meeting", start=thursday, end=thursday + timedelta(hours=1))
    state = states(config, store, SENT, events=[busy])[BOB.email]
    assert state.status == "countered"
    assert state.conflicts == ("busy with 'Board meeting' at 13:00",)
    assert state.command == f"planner invite --again {state.uid} --send"  # keep your time
    assert "--start 2026-12-10T13:00 --duration 90" in state.alternative
    free = states(config, store, SENT, events=[])[BOB.email]
    assert free.conflicts == () and "--start 2026-12-10T13:00 --duration 90" in free.command


def test_counter_at_a_closed_venue_is_not_recommended(config, store):
    sunday = datetime(2026, 12, 13, 13, 0, tzinfo=BERLIN)
    inv = lunch(venue_name="Wirtshaus am Viktualienmarkt", attendees=(BOB,))
    record_sent(store, prepare_request(store, inv), sent_at=SENT)
    uid = recent(store)[0].uid
    record(store, [Answer(uid, BOB.email, Response.TENTATIVE, method="COUNTER",
                          proposed=(sunday, sunday + timedelta(hours=1)))], now=SENT)  # fmt: skip
    state = next(s for s in invite_states(config, store, now=SENT, events=[]) if s.uid == uid)
    assert state.conflicts == ("Wirtshaus am Viktualienmarkt is closed then",)


def test_decline_points_to_the_next_saved_proposal(config, store, sent):
    record(store, [Answer(sent.uid, ANNA.email, Response.DECLINED)], now=SENT)
    assert states(config, store, SENT)[ANNA.email].command == (
        f"planner propose --with {ANNA.email}"
    )
    venue = {"name": "Café Luitpold", "lat": 48.1427, "lon": 11.5754}
    listed = [
        {"start": start, "end": start, "kind": "coffee", "venue": venue}
        for start in (sent.start.isoformat(), "2026-12-11T12:00:00+01:00")
    ]
    listed = [p | {"id": entry_id({**p, "with": [ANNA.email]})} for p in listed]
    save_proposals(store, {"with": [ANNA.email], "proposals": listed}, SENT)
    state = states(config, store, SENT)[ANNA.email]
    assert state.command == f"planner invite --proposal {listed[1]['id']} --send"
    assert "Fri 11 Dec 12:00" in state.next_step  # the day in words, as every other line


def test_an_invitation_only_written_to_a_file_is_written_not_sent(config, store):
    inv = lunch(attendees=(BOB,))
    record_sent(store, prepare_request(store, inv), message_id="file:lunch.ics", sent_at=SENT)
    state = states(config, store, SENT + timedelta(days=5))[BOB.email]
    assert state.status == "not_sent" and state.waiting_days == 5  # no nudge: nothing went out
    assert "send it" in state.next_step and "--send" in state.command  # the label says "written"


def test_calendar_answers_come_from_the_organizer_copy(config, store, sent):
    copy = Event(
        uid=sent.uid, title=sent.title, start=sent.start, end=sent.end, calendar="work",
        organizer=ME, attendees=(replace(ANNA, response=Response.ACCEPTED),
                                 BOB, Attendee("eve@x.example", "", Response.ACCEPTED)),
        hints=((f"SCHEDULE-STATUS;{BOB.email}", "3.7"),),
    )  # fmt: skip
    answers = calendar_answers(recent(store), [copy], SENT)
    assert {(a.attendee, a.method) for a in answers} == {
        (ANNA.email, "REPLY"), (BOB.email, "UNDELIVERED"),
    }  # fmt: skip
    record(store, answers, now=SENT)
    got = states(config, store, SENT)
    assert got[ANNA.email].status == "accepted" and got[BOB.email].status == "undelivered"
    again = record(store, calendar_answers(recent(store), [copy], SENT + timedelta(hours=1)),
                   now=SENT)  # fmt: skip
    assert again.changed == 0 and again.outcomes[Outcome.UNCHANGED] == 2


def test_an_answer_to_an_earlier_revision_does_not_count_for_the_update(config, store, sent):
    record(store, [Answer(sent.uid, ANNA.email, Response.ACCEPTED, sequence=0)], now=SENT)

    update = prepare_update(store, sent.uid, start=sent.start + timedelta(days=1))
    record_sent(store, update, sent_at=SENT + timedelta(hours=1))
    state = states(config, store, SENT + timedelta(hours=2))[ANNA.email]
    assert (state.status, state.sequence) == ("no_answer", 1)


def test_caldav_schedule_status_on_the_organizer_copy_means_not_delivered(config, store, sent):
    """RFC 6638: a scheduling server writes SCHEDULE-STATUS on the organizer's copy; 3.7 is an
    invalid calendar user, 1.2 a delivered request (no answer yet)."""
    from planner.ical.reader import events_from_ics

    start = sent.start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    end = sent.end.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{sent.uid}\r\nDTSTAMP:20261201T090000Z\r\nDTSTART:{start}\r\nDTEND:{end}\r\n"
        f"SUMMARY:Lunch\r\nORGANIZER:mailto:{ME.email}\r\n"
        f"ATTENDEE;PARTSTAT=NEEDS-ACTION;SCHEDULE-STATUS=3.7:mailto:{ANNA.email}\r\n"
        f"ATTENDEE;PARTSTAT=NEEDS-ACTION;SCHEDULE-STATUS=1.2:mailto:{BOB.email}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    events = events_from_ics(
        ics, source="dav", tz=BERLIN, start=SENT, end=SENT + timedelta(days=30), calendar="dav"
    )
    record(store, calendar_answers(recent(store), events, SENT), now=SENT)
    got = states(config, store, SENT)
    assert (
        got[ANNA.email].status == "undelivered" and "check the address" in got[ANNA.email].next_step
    )
    assert got[BOB.email].status == "no_answer"


# -- properties --------------------------------------------------------------------------------

RESPONSES = [Response.ACCEPTED, Response.DECLINED, Response.TENTATIVE]


@st.composite
def answer_lists(draw):
    """Answers of one attendee with distinct (SEQUENCE, DTSTAMP), in any order."""
    keys = draw(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 9)), min_size=1,
                         max_size=6, unique=True))  # fmt: skip
    return [
        Answer("u", ANNA.email, draw(st.sampled_from(RESPONSES[:2])), sequence=seq,
               stamp=SENT + timedelta(minutes=minute))
        for seq, minute in keys
    ]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(answers=answer_lists(), data=st.data())
def test_the_latest_answer_wins_in_any_order_and_twice_changes_nothing(answers, data):
    order = data.draw(st.permutations(answers))
    latest = max(answers, key=lambda a: (a.sequence, a.stamp))
    store = Store(":memory:")
    try:
        record_sent(store, prepare_request(store, lunch(uid="u")), sent_at=SENT)
        for title in ("Lunch 1", "Lunch 2"):  # revisions 1 and 2 are sent too
            record_sent(store, prepare_update(store, "u", title=title), sent_at=SENT)
        for answer in order:
            record_answer(store, answer)
        (stored,) = all_answers(store)
        assert (stored.sequence, stored.response) == (latest.sequence, latest.response)
        assert {record_answer(store, a) for a in order} <= {Outcome.UNCHANGED, Outcome.OUTDATED}
        assert all_answers(store) == [stored]
    finally:
        store.close()


@given(
    response=st.sampled_from(RESPONSES),
    sequence=st.integers(0, 10_000),
    minute=st.integers(0, 10**6),
    counter=st.booleans(),
)
def test_a_reply_survives_writing_and_parsing(response, sequence, minute, counter):
    stamp = SENT + timedelta(minutes=minute)
    start = stamp + timedelta(days=2) if counter else None
    partstat = response.value.upper()
    data = itip("COUNTER" if counter else "REPLY", "u@x", BOB.email, partstat,
                sequence=sequence, stamp=stamp, start=start)  # fmt: skip
    (answer,) = parse(data)
    assert (answer.uid, answer.attendee, answer.response) == ("u@x", BOB.email, response)
    assert (answer.sequence, answer.stamp, answer.countered) == (sequence, stamp, counter)
    assert answer.proposed == ((start, start + timedelta(minutes=90)) if counter else None)


def test_a_repeated_answer_moves_its_stamp_so_an_older_other_answer_cannot_win(store, sent):
    """Accepted at 10:05, accepted again at 10:07, declined at 10:06 (read last): accepted."""
    at = [SENT + timedelta(minutes=m) for m in (5, 7, 6)]
    answers = (Response.ACCEPTED, Response.ACCEPTED, Response.DECLINED)
    for stamp, response in zip(at, answers, strict=True):
        record_answer(store, Answer(sent.uid, ANNA.email, response, stamp=stamp))
    (stored,) = all_answers(store)
    assert (stored.response, stored.stamp) == (Response.ACCEPTED, at[1])


# -- real-world files --------------------------------------------------------------------------
def test_a_real_google_reply_and_every_other_real_export(store, tmp_path):
    """Google's METHOD:REPLY (nylas fixture) is read; the REQUESTs, CANCELs and plain
    calendars among the real exports give no answer and no problem."""
    from tests.locations import ROOT

    real = ROOT.parent / "shared" / "fixtures" / "real" / "ics"
    if not real.is_dir():
        pytest.skip(f"real-world fixtures not found at {real} (shared/ is not beside the repo)")
    found = read_paths([real])
    assert found.problems == []
    (answer,) = found.answers
    assert (answer.uid, answer.attendee, answer.response) == (
        "cccc@nylas.com", "test1@example.com", Response.TENTATIVE,
    )  # fmt: skip
    assert answer.stamp == datetime(2015, 3, 31, 13, 14, 19, tzinfo=UTC)
    assert answer.source.endswith("nylas-sync-engine__invite_w_rsvps2.ics")
    report = record(store, found.answers, now=SENT)
    assert report.unknown == [("cccc@nylas.com", answer.source)] and all_answers(store) == []


LINES = st.sampled_from([
    "BEGIN:VEVENT", "END:VEVENT", "UID:u", "SEQUENCE:1", "SEQUENCE:x", "DTSTAMP:20261201T100000Z",
    "DTSTAMP:bad", "DTSTART:20261201", "DTSTART;TZID=Nowhere/Zone:20261201T100000",
    "DTEND:20261201T110000Z", "DURATION:PT1H", "DURATION:PT-2H", "ATTENDEE:mailto:a@b.de",
    "ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@b.de", "ATTENDEE;PARTSTAT=:", "COMMENT:ok", "X:;;",
])  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(method=st.sampled_from(["REPLY", "COUNTER"]), lines=st.lists(LINES, max_size=12))
def test_any_answer_gives_answers_or_one_problem_line_never_a_crash(tmp_path_factory, method,
                                                                    lines):  # fmt: skip
    body = "\r\n".join(["BEGIN:VCALENDAR", f"METHOD:{method}", *lines, "END:VCALENDAR", ""])
    path = tmp_path_factory.mktemp("fuzz") / "answer.ics"
    path.write_text(body, encoding="utf-8")
    found = read_paths([path])
    assert len(found.problems) <= 1
    assert all(isinstance(a.sequence, int) for a in found.answers)


def test_what_blocks_a_proposal_blocks_a_counter(config, store, sent):
    """Out of office (even all day) and tentative holds block; free time, a declined meeting
    and an all-day marker do not."""
    from planner.model import Busy, Status

    thursday = datetime(2026, 12, 10, 13, 0, tzinfo=BERLIN)
    proposed = (thursday, thursday + timedelta(hours=1))
    record(store, [Answer(sent.uid, BOB.email, Response.TENTATIVE, method="COUNTER",
                          proposed=proposed)], now=SENT)  # fmt: skip
    day = datetime(2026, 12, 10, tzinfo=BERLIN)

    def event(title, **kwargs):
        times = {"start": thursday, "end": thursday + timedelta(minutes=30)}
        return Event(uid=title, title=title, **(times | kwargs))

    harmless = [
        event("free", busy=False),
        event("declined", self_response=Response.DECLINED),
        event("fair", start=day, end=day + timedelta(days=1), all_day=True),
        event("cancelled", status=Status.CANCELLED),
    ]
    assert states(config, store, SENT, events=harmless)[BOB.email].conflicts == ()
    away = event("away", start=day, end=day + timedelta(days=1), all_day=True,
                 availability=Busy.OUT_OF_OFFICE)  # fmt: skip
    hold = event("hold", status=Status.TENTATIVE)
    got = states(config, store, SENT, events=[away, hold])[BOB.email].conflicts
    assert len(got) == 2 and "'away'" in got[0] + got[1] and "'hold'" in got[0] + got[1]


@pytest.mark.parametrize("language", ["en", "de"])
def test_what_they_wrote_with_a_counter_is_shown_with_the_next_step(config, store, sent, language):
    from planner import i18n

    thursday = datetime(2026, 12, 10, 13, 0, tzinfo=BERLIN)
    words = "Freitag bin ich leider nicht da, Donnerstag passt"
    record(store, [Answer(sent.uid, BOB.email, Response.TENTATIVE, method="COUNTER",
                          proposed=(thursday, thursday + timedelta(minutes=90)),
                          comment=words)], now=SENT)  # fmt: skip
    with i18n.speaking(language):
        state = states(config, store, SENT, events=[])[BOB.email]
    assert state.comment == words and state.to_json()["comment"] == words
    assert words in state.next_step
    assert {"en": "they wrote:", "de": "geschrieben"}[language] in state.next_step
    anna = states(config, store, SENT)[ANNA.email]  # no answer, nothing written
    assert anna.comment == "" and "wrote" not in anna.next_step


def test_a_file_named_on_its_own_without_an_answer_says_so(store, sent, tmp_path):
    """A file given by name that holds no answer (garbage, a calendar, an invitation) is one
    warning; a folder of mails that are no answers is not (they are mail, not problems)."""
    garbage = tmp_path / "garbage.ics"
    garbage.write_bytes(b"\x00\x01 not a calendar \xff")
    folder = tmp_path / "mails"
    folder.mkdir()
    (folder / "note.eml").write_bytes(b"Subject: lunch?\r\n\r\nsee you\r\n")
    report = record_replies(store, [garbage, folder], now=SENT)
    assert [p for p in report.problems if "no answer" in p] == [
        "garbage.ics: no answer to an invitation or an offer in it"
    ]
