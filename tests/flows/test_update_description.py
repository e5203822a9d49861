"""Updating a meeting the user organises (``propose --for`` then ``invite --proposal``) sends
planner's words (the venue, the map) and the user's ``--agenda`` as written, and nothing of the
meeting's description, as README says: that is the user's calendar text (their notes, a letter,
the old join link), not a text for the counterparts. The dry run names what the update changes
(its time and its place, old → new). A travel line addressed to "you" goes only into a mail to
one counterpart.

Bugs: ``DESCRIPTION:Agenda: Rahmenvertrag\\, Preise. Notizen von Anna.`` was replaced by "To get
to know each other in person.\\n\\nWhere: …" (the agenda is given as ``--agenda``); one mail to
three people said "Getting there: about 11 min for you"; an update from a proposal resent "Preis
intern … Nicht weitergeben" and the Teams link of the video call it replaced; later, an update
kept the description's first part ("Hallo Herr Peters, wie besprochen …", QA 16 D5)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from planner import i18n
from planner.flows.invitations import InviteOptions, from_proposal
from planner.flows.invite_view import before, change_lines
from planner.flows.listed import entry_id, meeting_json, save_proposals
from planner.ical.reader import events_from_ics
from planner.invite.sentlog import prepare_request, prepare_update, record_sent
from planner.store import Store
from tests.judge.test_relations import config_for

BERLIN = ZoneInfo("Europe/Berlin")
ME = "anna@berger-consulting.example"
AGENDA = "Agenda: Rahmenvertrag, Preise.\nNotizen von Anna; Punkt 2: Lieferzeiten, Rabatte."

#: the meeting as the user's CalDAV calendar has it: a folded DESCRIPTION with escaped commas,
#: semicolons and a newline; a video call on Teams
MEETING_ICS = "\r\n".join([
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
    "UID:kennenlernen-7@berger-consulting.example", "SEQUENCE:2",
    "DTSTAMP:20261201T080000Z",
    "DTSTART;TZID=Europe/Berlin:20261210T140000", "DTEND;TZID=Europe/Berlin:20261210T143000",
    "SUMMARY:Kennenlernen Hafen Logistik", "LOCATION:Microsoft Teams",
    "DESCRIPTION:Agenda: Rahmenvertrag\\, Preise.\\nNotizen von Anna\\; Punkt 2: Lief",
    " erzeiten\\, Rabatte.",
    f"ORGANIZER;CN=Anna Berger:mailto:{ME}",
    f"ATTENDEE;CN=Anna Berger;PARTSTAT=ACCEPTED:mailto:{ME}",
    "ATTENDEE;CN=Lena Hansen;PARTSTAT=ACCEPTED:mailto:lena@hafen-muc.example",
    "ATTENDEE;CN=Tom Weber;PARTSTAT=ACCEPTED:mailto:tom@hafen-muc.example",
    "ATTENDEE;CN=Sven Krüger;PARTSTAT=ACCEPTED:mailto:sven@krueger-design.example",
    "END:VEVENT", "END:VCALENDAR", "",
])  # fmt: skip

GRAND = {
    "name": "Grand Hotel Maximilianstraße – Bar & Lounge", "kind": "hotel_lounge",
    "address": "Maximilianstraße 17, 80539 München", "lat": 48.1393, "lon": 11.5837,
}  # fmt: skip


def the_meeting(extra: str = ""):
    """The meeting; ``extra``: content lines added to it (another DESCRIPTION, a CLASS)."""
    text = MEETING_ICS
    if extra:
        text = "\r\n".join(
            line
            for line in text.split("\r\n")
            if not (extra.startswith("DESCRIPTION") and line.startswith(("DESCRIPTION", " ")))
        ).replace("END:VEVENT", extra + "\r\nEND:VEVENT")
    (event,) = events_from_ics(
        text, source="work", tz=BERLIN, start=datetime(2026, 12, 7, tzinfo=BERLIN),
        end=datetime(2026, 12, 14, tzinfo=BERLIN),
    )  # fmt: skip
    return event


def listed(
    store: Store, config, people: list[str], *, moved: bool = False, extra: str = "", event=None
) -> str:
    """A proposal for the meeting (``event``, else :func:`the_meeting`; at its own time, or
    the next morning), listed; its id."""
    meeting = meeting_json(event or the_meeting(extra))
    start = datetime.fromisoformat(meeting["start"]) + (timedelta(hours=19) if moved else
                                                          timedelta(0))  # fmt: skip
    proposal = {
        "same_time": not moved, "start": start.isoformat(),
        "end": (start + timedelta(minutes=30)).isoformat(), "kind": "coffee", "venue": GRAND,
        "with": people, "name": "Lena Hansen", "purpose": "first_contact", "meeting": meeting,
        "counterpart_minutes": 11,
    }  # fmt: skip
    proposal["id"] = entry_id(proposal)
    save_proposals(store, {"source": "week", "proposals": [proposal]}, NOW)
    return proposal["id"]


NOW = datetime(2026, 12, 1, 9, tzinfo=BERLIN)
EVERYONE = ["lena@hafen-muc.example", "tom@hafen-muc.example", "sven@krueger-design.example"]


@pytest.fixture
def config():
    return config_for(user={"email": ME, "name": "Anna Berger"})


def description_of(ics: bytes) -> str:
    (event,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    return str(event["DESCRIPTION"])


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_update_carries_the_agenda_given_and_none_of_the_meetings_description(config, lang):
    store = Store(":memory:")
    i18n.set_language(lang)
    ident = listed(store, config, EVERYONE)
    inv = from_proposal(config, store, ident, InviteOptions(agenda=AGENDA), now=NOW)
    assert (inv.uid, inv.sequence) == ("kennenlernen-7@berger-consulting.example", 3)
    prepared = prepare_request(store, inv)
    text = description_of(prepared.ics)
    assert AGENDA in text and GRAND["address"] in text  # the agenda as written, commas too
    assert AGENDA in prepared.body_text and AGENDA in prepared.body_html.replace("<br>\n", "\n")
    again = prepare_request(store, inv)  # the same update twice: the same text
    assert description_of(again.ics) == text
    bare = prepare_request(store, from_proposal(config, store, ident, InviteOptions(), now=NOW))
    for part in (description_of(bare.ics), bare.body_text, bare.body_html):
        assert "Rahmenvertrag" not in part and "Notizen von Anna" not in part


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_line_addressed_to_you_is_only_in_a_mail_to_one_counterpart(config, lang):
    store = Store(":memory:")
    i18n.set_language(lang)
    getting = {"en": "min for you", "de": "Min. für Sie"}[lang]
    several = from_proposal(config, store, listed(store, config, EVERYONE), InviteOptions(),
                            now=NOW)  # fmt: skip
    assert len(several.counterparts) == 3
    assert getting not in prepare_request(store, several).body_text
    one = from_proposal(config, store, listed(store, config, EVERYONE[:1]),
                        InviteOptions(), now=NOW)  # fmt: skip
    assert getting in prepare_request(store, one).body_text
    # the proposal's way was Lena's: a --to someone else does not give it to them
    other = from_proposal(config, store, listed(store, config, EVERYONE[:1]),
                          InviteOptions(to=("max@hafen-muc.example",)), now=NOW)  # fmt: skip
    assert getting not in prepare_request(store, other).body_text


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_dry_run_names_what_the_update_changes(config, lang):
    """Place (Teams → the hotel) and, for a proposal at another time, the time too; an update
    by --update names the change from the revision sent before."""
    store = Store(":memory:")
    i18n.set_language(lang)
    ident = listed(store, config, EVERYONE, moved=True)
    prepared = prepare_request(store, from_proposal(config, store, ident, InviteOptions(),
                                                    now=NOW))  # fmt: skip
    lines = change_lines(before(store, prepared, ident), prepared.invitation, config.tz)
    assert len(lines) == 2, lines
    when, where = lines
    assert "14:00–14:30" in when and "09:00–09:30" in when and "→" in when
    assert "Microsoft Teams → Grand Hotel Maximilianstraße" in where
    same = listed(store, config, EVERYONE)
    kept = prepare_request(store, from_proposal(config, store, same, InviteOptions(agenda=AGENDA),
                                                now=NOW))  # fmt: skip
    (only,) = change_lines(before(store, kept, same), kept.invitation, config.tz)
    assert "Microsoft Teams →" in only  # same time: only the place changes
    record_sent(store, kept, message_id="<m@x>")
    moved = prepare_update(store, kept.uid, location="Café Luitpold, Brienner Str. 11")
    (where,) = change_lines(before(store, moved), moved.invitation, config.tz)
    assert "Grand Hotel Maximilianstraße" in where and "→ Café Luitpold" in where
    assert AGENDA in description_of(moved.ics)  # an update of the update keeps it too
    new = prepare_request(store, kept.invitation.__class__(
        title="New", start=kept.invitation.start, end=kept.invitation.end,
        organizer=kept.invitation.organizer, attendees=kept.invitation.attendees,
    ))  # fmt: skip
    assert change_lines(before(store, new), new.invitation, config.tz) == []


TEAMS_BLOCK = (
    "DESCRIPTION:Agenda: Rahmenvertrag.\\n\\n"
    "________________________________________________________________________________\\n"
    "Microsoft Teams meeting\\nJoin on your computer\\, mobile app or room device\\n"
    "Click here to join the meeting <https://teams.microsoft.com/l/meetup-join/19%3ameeting_"
    "NjQ@thread.v2/0>\\nMeeting ID: 312 555 812 011\\nPasscode: aB3xYz\\n"
    "________________________________________________________________________________"
)


def test_an_update_carries_neither_the_users_words_nor_the_old_join_block(config):
    """The meeting moves to a table: the Teams block its invitation carried no longer applies,
    and what the user wrote above it is their calendar's text."""
    store = Store(":memory:")
    ident = listed(store, config, EVERYONE, extra=TEAMS_BLOCK)
    text = description_of(
        prepare_request(store, from_proposal(config, store, ident, InviteOptions(), now=NOW)).ics
    )
    for gone in ("Rahmenvertrag", "teams.microsoft.com", "Passcode", "aB3xYz",
                 "Join on your computer"):  # fmt: skip
        assert gone not in text


def test_a_logged_invitation_that_kept_the_meetings_text_sends_it_no_more(config):
    """An update logged by an older version kept the meeting's description ("own_text"): an
    update, a copy or a cancellation of it made now carries none of it."""
    from planner.invite.sentlog import invitation_to_json, prepare_again
    from planner.invite.stored import invitation_from_json

    store = Store(":memory:")
    ident = listed(store, config, EVERYONE)
    sent = prepare_request(store, from_proposal(config, store, ident, InviteOptions(), now=NOW))
    data = invitation_to_json(sent.invitation) | {"own_text": "Hallo Herr Peters, wie besprochen"}
    kept = prepare_request(store, invitation_from_json(data))
    record_sent(store, kept, message_id="<m@x>")
    moved = prepare_update(store, kept.uid, location="Café Luitpold, Brienner Str. 11")
    for made in (kept, moved, prepare_again(store, kept.uid)):
        for part in (description_of(made.ics), made.body_text, made.body_html):
            assert "Herr Peters" not in part


def test_an_update_of_a_private_meeting_sends_none_of_its_text(config):
    """CLASS:PRIVATE: its notes may never have gone to the attendees ("Preis intern")."""
    store = Store(":memory:")
    extra = "CLASS:PRIVATE\r\nDESCRIPTION:Preis intern: 48.000 EUR. Nicht weitergeben!"
    ident = listed(store, config, EVERYONE, extra=extra)
    sent = prepare_request(store, from_proposal(config, store, ident, InviteOptions(), now=NOW))
    for part in (description_of(sent.ics), sent.body_text, sent.body_html):
        assert "Preis intern" not in part and "Nicht weitergeben" not in part
    assert b"CLASS:PRIVATE" in sent.ics
