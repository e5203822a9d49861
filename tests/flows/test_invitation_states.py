"""Every state an outgoing invitation can be in gets the next step that fits it, from one
function (:func:`planner.flows.followup_steps.next_step`) that ``planner invites``, ``planner
week`` and ``planner propose`` all show: written to a file and not sent → the command that sends
it as written; sent, unanswered → wait, then the same invitation again; countered → accept the
other time or keep the own one; declined → new slots; cancelled → said once, until its time has
passed. No suggestion ever moves a meeting to the time it already has. In English and
German."""

from __future__ import annotations

import shlex
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner import i18n
from planner.flows.followup import (
    calendar_answers,
    invitation_states,
    invite_states,
    record,
    told_once,
)
from planner.flows.followup_steps import stamp
from planner.invite.answers import Answer
from planner.invite.cancels import prepare_cancel
from planner.invite.sentlog import prepare_request, record_kept, record_sent
from planner.model import Attendee, Event, Response
from planner.render.invites import state_line, status_label
from planner.store import Store
from tests.flows import test_answers
from tests.invite.test_invite import ANNA, lunch

config = test_answers.config  # the fixture: Lea Kranich in Berlin, nudge after 3 days
BERLIN = ZoneInfo("Europe/Berlin")
SENT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
LATE = SENT + timedelta(days=5)  # past [invite] nudge_days
OTHER = (datetime(2026, 12, 10, 9, 0, tzinfo=BERLIN), datetime(2026, 12, 10, 10, 30, tzinfo=BERLIN))


def one(store, how: str, answer: dict | None = None):
    """Anna's lunch, written to a file / sent by mail / held, with ``answer`` recorded."""
    prepared = prepare_request(store, lunch(attendees=(ANNA,)))
    if how == "mail":
        record_sent(store, prepared, message_id="<m@x>", sent_at=SENT)
    else:
        where = "file:/home/anna/lunch.ics" if how == "file" else "hold:work:abc"
        record_kept(store, prepared, where)
    if answer is not None:
        record(store, [Answer(prepared.uid, ANNA.email, stamp=SENT, **answer)], now=SENT)
    return prepared


CASES = {
    # name: (how it went, the answer, now, status, words of the next step, command starts)
    "written": ("file", None, SENT, "not_sent", "/home/anna/lunch.ics", "--again"),
    "fresh": ("mail", None, SENT, "no_answer", "", ""),
    "unanswered": ("mail", None, LATE, "no_answer", "", "--again"),
    # held in the calendar only: nobody was told (QA report G, finding 4)
    "held": ("hold", None, SENT, "not_sent", "'work'", "--again"),
    "accepted": ("mail", {"response": Response.ACCEPTED}, SENT, "accepted", "", ""),
    "tentative": ("mail", {"response": Response.TENTATIVE}, SENT, "tentative", "", ""),
    "delegated": ("mail", {"response": Response.DELEGATED}, SENT, "delegated", "", ""),
    "declined": ("mail", {"response": Response.DECLINED}, SENT, "declined", "", "planner propose"),
    "countered": (
        "mail",
        {"response": Response.TENTATIVE, "method": "COUNTER", "proposed": OTHER},
        SENT,
        "countered",
        "",
        "--update",
    ),
    "countered at its own time": (
        "mail",
        {
            "response": Response.TENTATIVE,
            "method": "COUNTER",
            "proposed": (lunch().start, lunch().end),
        },
        SENT,
        "countered",
        "",
        "",
    ),  # fmt: skip
    "undelivered": (
        "mail",
        {"response": Response.NEEDS_ACTION, "method": "UNDELIVERED"},
        SENT,
        "undelivered",
        "",
        "--again",
    ),  # fmt: skip
}


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("case", list(CASES))
def test_each_state_has_the_next_step_that_fits_it(config, store, case, lang):
    how, answer, now, status, words, command = CASES[case]
    prepared = one(store, how, answer)
    i18n.set_language(lang)
    (state,) = invite_states(config, store, now=now)
    assert state.status == status
    assert state.next_step, "every state says what comes next"
    assert words in state.next_step
    if command:
        assert state.command.startswith("planner ") and command in state.command
    else:
        assert state.command == ""
    if command == "--again":
        assert state.command == f"planner invite --again {prepared.uid} --send"
    own = stamp(state.start, config)
    for suggested in (state.command, state.alternative):
        argv = shlex.split(suggested) if suggested.startswith("planner") else []
        if "--start" in argv:  # a change of time is a change: never to the time it has
            assert argv[argv.index("--start") + 1] != own, suggested
    if lang == "de":  # every state's step and label, not only some
        with i18n.speaking("en"):
            (english,) = invite_states(config, store, now=now)
            label = status_label(english)
        assert state.next_step != english.next_step, "the German step is translated"
        assert status_label(state) != label, label
        assert (state.command, state.alternative.startswith("planner")) == (
            english.command, english.alternative.startswith("planner"),
        ), "commands are the same in every language"  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_cancelled_invitation_is_told_once_until_its_time_has_passed(config, store, lang):
    """Cancelled by mail: one state for the invitation (both counterparts named), nothing to
    do, the label the week shows; gone once the time it had is over."""
    prepared = prepare_request(store, lunch())  # Anna and Bob
    record_sent(store, prepared, message_id="<m@x>", sent_at=SENT)
    record(store, [Answer(prepared.uid, ANNA.email, Response.ACCEPTED, stamp=SENT)], now=SENT)
    record_sent(store, prepare_cancel(store, prepared.uid), sent_at=SENT + timedelta(hours=1))
    i18n.set_language(lang)
    states = invite_states(config, store, now=SENT + timedelta(days=1))
    assert [s.status for s in states] == ["cancelled", "cancelled"]  # each was invited
    (state,) = told_once(states)
    assert (state.command, state.alternative) == ("", "")
    assert [e for _n, e in state.people] == [ANNA.email, "bob@acme.example"]  # each their own
    assert "Anna Berger" in state_line(state) and "Bob" in state_line(state)
    assert status_label(state) == {"en": "cancelled", "de": "abgesagt"}[lang]
    (listed,) = invitation_states(config, store, now=SENT + timedelta(days=1), read=False)
    assert listed == state
    over = prepared.invitation.end + timedelta(minutes=1)
    assert invite_states(config, store, now=over) == []


def test_a_cancellation_only_written_is_sent_like_a_written_invitation(config, store):
    prepared = one(store, "mail")
    cancel = prepare_cancel(store, prepared.uid)
    record_kept(store, cancel, "file:/home/lea/absage.ics")
    (state,) = invite_states(config, store, now=SENT)
    assert state.status == "cancelled" and "/home/lea/absage.ics" in state.next_step
    assert state.command == f"planner invite --cancel {prepared.uid} --send"
    assert state.alternative == f"planner invite --sent-elsewhere {prepared.uid}"
    from planner.invite.sentlog import record_sent_elsewhere

    record_sent_elsewhere(store, prepared.uid)
    (state,) = invite_states(config, store, now=SENT)
    assert (state.status, state.command) == ("cancelled", "")


def test_an_invitation_cancelled_before_it_was_sent_needs_nothing(config, store):
    prepared = one(store, "file")
    record_kept(store, prepare_cancel(store, prepared.uid), "file:/tmp/absage.ics")
    (state,) = invite_states(config, store, now=SENT)
    assert (state.status, state.command, state.alternative) == ("cancelled", "", "")


def test_writing_the_file_of_a_sent_invitation_leaves_it_sent(config, store, tmp_path):
    """``--out`` after ``--send`` (or a hold after it) does not turn it into 'not sent'; a
    hold after a file reaches nobody either (a hold is written silently)."""
    prepared = one(store, "mail")
    record_kept(store, prepared, f"file:{tmp_path / 'again.ics'}")
    record_kept(store, prepared, "hold:work:1")
    (state,) = invite_states(config, store, now=SENT)
    assert state.status == "no_answer"
    written = prepare_request(store, lunch(attendees=(ANNA,), title="Other lunch"))
    record_kept(store, written, "file:/tmp/x.ics")
    record_kept(store, written, "hold:work:2")
    states = {s.title: s.status for s in invite_states(config, store, now=SENT)}
    assert states["Other lunch"] == "not_sent"


def test_a_calendar_answer_is_never_taken_for_a_revision_only_written(config, store):
    """The user's calendar shows Anna's acceptance of the video call at that time; the
    in-person version written to a file for the same time reached nobody: no answer to it."""
    prepared = one(store, "file")
    inv = prepared.invitation
    copy = Event(
        uid=prepared.uid, title="Call", start=inv.start, end=inv.end,
        attendees=(Attendee(ANNA.email, response=Response.ACCEPTED),),
    )  # fmt: skip
    from planner.invite.sentlog import history, latest

    record_ = latest(store, prepared.uid)
    assert calendar_answers([record_], [copy], SENT, lambda uid: history(store, uid)) == []
    record_sent(store, prepared, message_id="<sent@x>", sent_at=SENT)  # now it went out
    (found,) = calendar_answers([latest(store, prepared.uid)], [copy], SENT)
    assert found.response is Response.ACCEPTED


def test_the_week_holds_a_written_invitation_and_proposes_anew_after_a_decline(tmp_path):
    """A flagged meeting whose counterpart has an invitation written for it gets no new
    proposals (its time is held, its next step is the invitation's); declined, it gets
    proposals again, and the next step names one that is not the declined time."""
    from planner import api
    from planner.flows.followup import states_for_week
    from planner.invite.invitation import Invitation

    jonas = "jonas.peters@nordlicht-logistik.example"
    flagged = "040000008200E00074C5B7101A82E0086E6F72646C69636874"
    store = Store(tmp_path / "state.sqlite3")
    with api.demo_session(date(2026, 12, 7)) as (config, monday):
        now = api.demo_now(config, monday)
        before = api.plan_week(config, monday, now=now, store=store)
        item = next(i for i in before.items if i.event.uid == flagged)
        chosen = item.proposals[0]
        inv = Invitation(
            title="Kaffee", start=chosen.start, end=chosen.end,
            organizer=Attendee(config.user["email"]), attendees=(Attendee(jonas),),
            venue_name=chosen.venue.name,
        )  # fmt: skip
        prepared = prepare_request(store, inv)
        record_kept(store, prepared, f"file:{tmp_path / 'kaffee.ics'}")
        held = api.plan_week(config, monday, now=now, store=store)
        assert next(i for i in held.items if i.event.uid == flagged).proposals == ()
        (state,) = states_for_week(held, invite_states(config, store, now=now), config)[flagged]
        assert state.status == "not_sent"
        assert state.command == f"planner invite --again {prepared.uid} --send"

        record(store, [Answer(prepared.uid, jonas, Response.DECLINED, stamp=now)], now=now)
        again = api.plan_week(config, monday, now=now, store=store)
        proposals = next(i for i in again.items if i.event.uid == flagged).proposals
        assert proposals  # the meeting is open again
        declined = chosen.start.astimezone(UTC)
        assert all(p.start.astimezone(UTC) != declined for p in proposals), "declined, not new"
        (state,) = states_for_week(again, invite_states(config, store, now=now), config)[flagged]
        assert state.status == "declined" and chosen.start.strftime("%H:%M") not in state.command
    store.close()
