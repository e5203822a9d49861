"""Display names and internationalised addresses in invitations and their answers (issue 28).

- A display name survives as written, a double quote included: ``CN`` is written with RFC 6868
  parameter encoding and read back so by icalendar and by ``ical`` (a second, independent
  parser); non-ASCII names also by vobject; the mail header quotes it per RFC 5322.
- ``--to "Name <address>"`` keeps the name into CN and the To header.
- An answer from an invited IDN address is recorded whatever form the replying client writes:
  Unicode, punycode, percent-encoded mailto:, another case; the REPLY written by icalendar and
  by vobject.
"""

from __future__ import annotations

import email
from email import policy

import icalendar
import pytest
import vobject
from ical.calendar_stream import IcsCalendarStream

from planner.flows.followup import invite_states
from planner.invite.answers import Outcome, answers_for, record_answer
from planner.invite.itip import build_ics
from planner.invite.mail import build_message
from planner.invite.replies import parse
from planner.invite.sentlog import prepare_request, record_sent
from planner.model import Attendee, Response
from planner.people.addresses import address_key
from planner.store import Store
from tests.cli.test_typed_times import run_invite
from tests.flows.test_answers import SENT, itip
from tests.flows.test_answers import config as config
from tests.invite.test_invite import STAMP, lunch

NAMES = [
    Attendee("anna@acme.example", 'Anna "Nan" Berger'),
    Attendee("juergen@bauwerk.example", "Jürgen Müller-Lüdenscheidt"),
    Attendee("francois@societe.example", "François d'Aubigné, Société Générale"),
    Attendee("li@example.cn", "李小龍 (Bruce)"),
    Attendee("caret@acme.example", 'Carl "The Quote" ^Caret^'),
]
JUERGEN = Attendee("jürgen@bücher.example", "Jürgen Buch")
FORMS = [
    "mailto:jürgen@bücher.example",  # Unicode, as planner wrote it before
    "mailto:j%C3%BCrgen@xn--bcher-kva.example",  # as planner writes it now (RFC 6068)
    "mailto:jürgen@xn--bcher-kva.example",  # UTF-8 local part, A-label domain
    "MAILTO:J%C3%BCrgen@XN--BCHER-KVA.EXAMPLE",  # another case
    "mailto:ju%CC%88rgen@bu%CC%88cher.example",  # decomposed umlauts (NFD)
]


def test_names_with_quotes_and_non_ascii_survive_icalendar_and_ical():
    ics = build_ics(lunch(attendees=tuple(NAMES)), stamp=STAMP)
    assert b"^'" in ics  # RFC 6868: a double quote in a parameter value
    event = icalendar.Calendar.from_ical(ics).walk("VEVENT")[0]
    by_icalendar = {address_key(str(a)): a.params["CN"] for a in event["ATTENDEE"]}
    by_ical = {
        address_key(a.uri): a.common_name
        for a in IcsCalendarStream.calendar_from_ics(ics.decode()).events[0].attendees
    }
    for person in NAMES:
        assert by_icalendar[address_key(person.email)] == person.name
        assert by_ical[address_key(person.email)] == person.name


def test_a_backslash_in_a_name_is_written_as_a_slash():
    ics = build_ics(lunch(attendees=(Attendee("b@acme.example", "Backslash\\"),)), stamp=STAMP)
    attendee = icalendar.Calendar.from_ical(ics).walk("VEVENT")[0]["ATTENDEE"]
    assert attendee.params["CN"] == "Backslash/"


def test_non_ascii_names_survive_vobject():
    plain = [p for p in NAMES if '"' not in p.name and "^" not in p.name]
    ics = build_ics(lunch(attendees=tuple(plain)), stamp=STAMP)
    attendees = vobject.readOne(ics.decode()).vevent.contents["attendee"]
    found = {address_key(a.value): a.params["CN"][0] for a in attendees}
    assert found == {address_key(p.email): p.name for p in plain}


def test_the_mail_header_quotes_the_name(tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    prepared = prepare_request(store, lunch(attendees=tuple(NAMES[:3])), stamp=STAMP)
    raw = build_message(prepared, message_id="<t@planner>").as_bytes(policy=policy.SMTPUTF8)
    message = email.message_from_string(raw.decode("utf-8"), policy=policy.default)
    shown = {a.addr_spec: a.display_name for a in message["To"].addresses}
    assert shown == {p.email: p.name for p in NAMES[:3]}
    store.close()


def test_invite_to_name_and_address_keeps_the_name(tmp_path):
    result = run_invite(
        tmp_path, "--title", "Lunch", "--start", "2027-03-10T12:30",
        "--to", 'Anna "Nan" Berger <anna@acme.example>',
        "--to", "Jürgen Buch <jürgen@bücher.example>", "--to", '"Berger, Bob" <bob@acme.example>',
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    output = result.output.replace("\r\n ", "").replace("\n ", "")  # unfolded
    assert "CN=\"Anna ^'Nan^' Berger\"" in output
    assert 'CN="Berger, Bob";' in output and 'CN="Jürgen Buch";' in output
    assert "mailto:j%C3%BCrgen@xn--bcher-kva.example" in output
    to = output.split("To: ", 1)[1].splitlines()[0]
    assert '"Anna \\"Nan\\" Berger" <anna@acme.example>' in to and "Jürgen Buch" in to


def _reply_by_icalendar(uid: str, who: str) -> bytes:
    return itip("REPLY", uid, who)


def _reply_by_vobject(uid: str, who: str) -> bytes:
    cal = vobject.iCalendar()
    cal.add("method").value = "REPLY"
    event = cal.add("vevent")
    event.add("uid").value = uid
    event.add("dtstamp").value = SENT.astimezone(vobject.icalendar.utc)
    attendee = event.add("attendee")
    attendee.value = who
    attendee.params["PARTSTAT"] = ["ACCEPTED"]
    return cal.serialize().encode()


@pytest.mark.parametrize("writer", [_reply_by_icalendar, _reply_by_vobject])
@pytest.mark.parametrize("form", FORMS)
def test_an_idn_reply_is_recorded_in_every_form(tmp_path, config, writer, form):
    store = Store(tmp_path / "state.sqlite3")
    prepared = prepare_request(store, lunch(attendees=(JUERGEN,)))
    record_sent(store, prepared, sent_at=SENT)
    (answer,) = parse(writer(prepared.uid, form))
    assert record_answer(store, answer, now=SENT) is Outcome.NEW
    assert set(answers_for(store, prepared.uid)) == {address_key(JUERGEN.email)}
    (state,) = invite_states(config, store, now=SENT)
    assert (state.status, state.name) == ("accepted", "Jürgen Buch")
    store.close()


def test_the_same_answer_in_another_form_changes_nothing(tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    prepared = prepare_request(store, lunch(attendees=(JUERGEN,)))
    record_sent(store, prepared, sent_at=SENT)
    outcomes = [record_answer(store, a, now=SENT) for form in FORMS
                for a in parse(_reply_by_icalendar(prepared.uid, form))]  # fmt: skip
    assert outcomes == [Outcome.NEW] + [Outcome.UNCHANGED] * (len(FORMS) - 1)
    assert answers_for(store, prepared.uid)[address_key(JUERGEN.email)].response is (
        Response.ACCEPTED
    )
    (other,) = parse(_reply_by_icalendar(prepared.uid, "mailto:juergen@buecher.example"))
    assert record_answer(store, other, now=SENT) is Outcome.UNKNOWN_ATTENDEE
    store.close()
