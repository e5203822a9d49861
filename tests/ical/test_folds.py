"""A folded line may begin with anything, also with what looks like a property name: RFC 5545
folds at any octet, so ``PARTSTAT=NEEDS-`` folded before ``ACTION;ROLE=…`` (found by the
round-trip property test: a name with wide characters moved the fold there) is one attendee,
not an attendee without an address and an ACTION. Only a line that begins after a property's
value has begun may be an indented property line of a sloppy exporter."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from planner.ical import plain
from planner.ical.writing import event_to_ics
from planner.model import Attendee, Event, Response
from tests.ical.test_hostile import BERLIN, calendar, event, read


def _with(extra: str) -> list:
    events, warnings = read(calendar(event("a", extra=extra)))
    assert warnings == []
    (found,) = events
    return list(found.attendees)


@pytest.mark.parametrize("reader", ["plain", "icalendar"])
@pytest.mark.parametrize(
    ("lines", "email", "response"),
    [
        # Outlook: PARTSTAT folded before ACTION, then more parameters
        (
            'ATTENDEE;CN="Müller, Jörg";RSVP=TRUE;PARTSTAT=NEEDS-\r\n'
            " ACTION;ROLE=REQ-PARTICIPANT:mailto:joerg@kunde.example\r\n",
            "joerg@kunde.example",
            Response.NEEDS_ACTION,
        ),
        # the value follows at once after the folded ACTION
        (
            "ATTENDEE;CN=Ana;PARTSTAT=NEEDS-\r\n ACTION:mailto:ana@client.example\r\n",
            "ana@client.example",
            Response.NEEDS_ACTION,
        ),
        # a name folded before a word that is a property name, Google style, with a tab
        (
            "ATTENDEE;CN=Team \r\n\tSUMMARY;PARTSTAT=ACCEPTED:mailto:team@partner.example\r\n",
            "team@partner.example",
            Response.ACCEPTED,
        ),
        # inside a quoted name that holds a colon
        (
            'ORGANIZER;CN="Büro: Nord";SENT-BY="mailto:a@b.example":mailto:nord@firma.example\r\n'
            'ATTENDEE;CN="Vertrieb: Süd";X-NUM=\r\n'
            " UID;PARTSTAT=DECLINED:mailto:sued@firma.example\r\n",
            "sued@firma.example",
            Response.DECLINED,
        ),
        # the name itself folded: ATTEN / DEE
        (
            "ATTEN\r\n DEE;PARTSTAT=TENTATIVE:mailto:x@y.example\r\n",
            "x@y.example",
            Response.TENTATIVE,
        ),
    ],
)
def test_a_fold_before_a_word_like_a_property_name_continues_the_line(
    monkeypatch, reader, lines, email, response
):
    monkeypatch.setattr(plain, "ENABLED", reader == "plain")
    people = [p for p in _with(lines) if p.email == email]
    assert len(people) == 1 and people[0].response is response


def test_an_indented_property_after_a_finished_line_is_still_read_as_a_property():
    """A sloppy exporter's indented lines (the case the repair is for) stay repaired."""
    extra = "   LOCATION:Raum 4\r\n    ATTENDEE;PARTSTAT=ACCEPTED:mailto:b@c.example\r\n"
    events, warnings = read(calendar(event("a", extra=extra)))
    (found,) = events
    assert found.location == "Raum 4"
    assert [p.email for p in found.attendees] == ["b@c.example"]


@pytest.mark.parametrize("width", range(0, 40, 3))
def test_planners_own_invitation_keeps_its_attendee_wherever_the_fold_falls(width):
    """The round trip that found it: names of every length move the fold across the line."""
    start = datetime(2026, 12, 7, 10, tzinfo=BERLIN)
    person = Attendee(
        email="0@0.aa", name="0" * (4 + width) + "\xa0" * 6 + "\U00010000" * 3,
        response=Response.NEEDS_ACTION,
    )  # fmt: skip
    sent = Event(
        uid="round@planner.test", title="t", start=start, end=start + timedelta(hours=1),
        attendees=(person,),
    )  # fmt: skip
    events, warnings = read(event_to_ics(sent))
    assert warnings == []
    assert events[0].attendees == (person,)


def test_an_indented_marker_after_a_line_without_value_still_opens_its_component():
    """A broken line without a value does not swallow the indented BEGIN of an alarm after it:
    markers are read as markers wherever they stand."""
    alarm = "X-BROKEN\r\n  BEGIN:VALARM\r\n  ACTION:DISPLAY\r\n  TRIGGER:-PT5M\r\n  END:VALARM\r\n"
    events, _warnings = read(calendar(event("a", extra=alarm), event("b")))
    assert sorted(e.uid for e in events) == ["a", "b"]
    assert {e.title for e in events} == {"Meeting a", "Meeting b"}
