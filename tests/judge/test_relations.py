"""The contact ledger: scenario histories built by hand, with fixed time."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.config import default_config
from planner.judge.contacts import contacts, key_account_of
from planner.judge.relations import (
    Directory,
    Ledger,
    with_modes,
)
from planner.model import Attendee, Classification, Event, Mode, Response, Status
from planner.store import Store

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 6, 1, 12, tzinfo=TZ)  # a Monday
ME = "me@mycorp.example"
COLLEAGUE = "kim@mycorp.example"
BOB = "bob@acme.example"
CAROL = "carol@acme.example"
DAN = "dan@globex.example"
FRIEND = "fritz@gmail.com"
OTHER_FRIEND = "greta@gmail.com"


def config_for(**sections):
    user = {"email": ME, "domains": ["mycorp.example"], "timezone": "Europe/Berlin"}
    user.update(sections.pop("user", {}))
    return default_config(user=user, **sections)


def ev(
    uid,
    start,
    *people,
    minutes=60,
    title="Meeting",
    declined=(),
    self_response=None,
    status=Status.CONFIRMED,
    series=None,
    description="",
    hints=(),
    all_day=False,
):
    """An event ``start`` (aware datetime) with the user as organizer and ``people`` invited."""
    attendees = tuple(
        Attendee(
            p, p.split("@")[0].title(), Response.DECLINED if p in declined else Response.ACCEPTED
        )
        for p in people
    )
    return Event(
        uid=uid,
        title=title,
        start=start,
        end=start + timedelta(minutes=minutes),
        organizer=Attendee(ME, "Me", Response.ACCEPTED),
        attendees=attendees,
        status=status,
        self_response=self_response,
        series_id=series,
        description=description,
        hints=hints,
        all_day=all_day,
    )


def days_ago(days, hour=10):
    return (NOW - timedelta(days=days)).replace(hour=hour, minute=0)


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    yield store
    store.close()


def build(pairs, store=None, config=None, now=NOW, **kwargs):
    ledger = Ledger.open(store or Store(":memory:"), config or config_for())
    ledger.update(pairs, now=now, **kwargs)
    return ledger


def rows(store):
    return sorted(store.conn.execute("SELECT * FROM ledger_meetings").fetchall())


HISTORY = [
    (ev("a1", days_ago(200), BOB), Mode.VIRTUAL),
    (ev("a2", days_ago(150), BOB, CAROL), Mode.IN_PERSON),
    (ev("a3", days_ago(40), CAROL), Mode.PHONE),
    (ev("a4", days_ago(10), BOB), Mode.HYBRID),
    (ev("g1", days_ago(30), DAN, COLLEAGUE), Mode.VIRTUAL),
]


def test_counts_per_mode_first_last_and_last_in_person():
    ledger = build(HISTORY)
    bob = ledger.summary(BOB)
    assert bob.meetings == 3
    assert (bob.count(Mode.VIRTUAL), bob.in_person, bob.count(Mode.HYBRID)) == (1, 1, 1)
    assert bob.first == days_ago(200)
    assert bob.last == days_ago(10)
    assert bob.last_in_person == days_ago(150)
    acme = ledger.summary("acme.example")
    assert acme.meetings == 4  # a2 with both people counts once for the organisation
    assert acme.count(Mode.PHONE) == 1
    assert ledger.summary(DAN).last_in_person is None


def test_internal_people_and_the_user_are_never_counterparts():
    ledger = build(HISTORY)
    assert COLLEAGUE not in ledger.persons()
    assert ME not in ledger.persons()
    assert ledger.organisations() == ["acme.example", "globex.example"]
    internal_only = build([(ev("i1", days_ago(5), COLLEAGUE), Mode.IN_PERSON)])
    assert len(internal_only) == 0


def test_updating_again_over_the_same_history_changes_nothing(store):
    ledger = build(HISTORY, store)
    before = rows(store)
    result = ledger.update(HISTORY, now=NOW)
    assert (result.added, result.changed, result.removed, result.unchanged) == (0, 0, 0, 5)
    assert rows(store) == before
    reopened = Ledger.open(store, config_for())
    assert reopened.update(HISTORY, now=NOW).touched == 0
    assert reopened.summary("acme.example") == ledger.summary("acme.example")


def test_a_new_run_adds_only_new_events(store):
    ledger = build(HISTORY, store)
    later = NOW + timedelta(days=7)
    new = (ev("a5", NOW + timedelta(days=2), CAROL), Mode.IN_PERSON)
    result = Ledger.open(store, config_for()).update([*HISTORY, new], now=later)
    assert (result.added, result.changed, result.removed) == (1, 0, 0)
    assert Ledger.open(store, config_for()).summary(CAROL).meetings == 3
    assert ledger.summary(CAROL).meetings == 2  # the first instance was not told


def test_a_changed_mode_is_corrected_not_double_counted(store):
    build(HISTORY, store)
    changed = [(e, Mode.IN_PERSON if e.uid == "a1" else m) for e, m in HISTORY]
    ledger = Ledger.open(store, config_for())
    result = ledger.update(changed, now=NOW)
    assert (result.added, result.changed, result.removed) == (0, 1, 0)
    bob = ledger.summary(BOB)
    assert bob.meetings == 3
    assert bob.in_person == 2 and bob.count(Mode.VIRTUAL) == 0


def test_a_vanished_event_is_removed_but_older_memory_is_kept(store):
    old = (ev("old", days_ago(800), DAN), Mode.IN_PERSON)  # outside the 365-day look-back
    build([*HISTORY, old], store, since=NOW - timedelta(days=1000))
    ledger = Ledger.open(store, config_for())
    result = ledger.update([p for p in HISTORY if p[0].uid != "a3"], now=NOW)
    assert result.removed == 1
    assert ledger.summary(CAROL).meetings == 1
    assert ledger.summary(DAN).last_in_person == days_ago(800)  # met in person long ago


def test_incremental_update_keeps_what_it_was_not_shown(store):
    ledger = build(HISTORY, store)
    result = ledger.update([(ev("a6", days_ago(1), DAN), Mode.VIRTUAL)], now=NOW, complete=False)
    assert (result.added, result.removed) == (1, 0)
    assert len(ledger) == 6


def test_declined_and_cancelled_meetings_do_not_count(store):
    pairs = [
        (ev("d1", days_ago(20), BOB, self_response=Response.DECLINED), Mode.IN_PERSON),
        (ev("d2", days_ago(19), BOB, status=Status.CANCELLED), Mode.IN_PERSON),
        (ev("d3", days_ago(18), BOB, CAROL, declined=(BOB,)), Mode.IN_PERSON),
        (ev("d4", days_ago(17), BOB, declined=(BOB,)), Mode.IN_PERSON),
    ]
    ledger = build(pairs, store)
    assert ledger.summary(BOB).meetings == 0
    assert ledger.summary(CAROL).in_person == 1
    assert ledger.summary("acme.example").meetings == 1


def test_declining_later_removes_the_meeting(store):
    ledger = build(HISTORY, store)
    declined = [
        (ev("a4", days_ago(10), BOB, self_response=Response.DECLINED), m)
        if e.uid == "a4"
        else (e, m)
        for e, m in HISTORY
    ]
    result = ledger.update(declined, now=NOW, complete=False)
    assert result.removed == 1
    assert ledger.summary(BOB).count(Mode.HYBRID) == 0


def test_only_past_meetings_count_as_met():
    pairs = [
        (ev("f1", NOW + timedelta(days=1), BOB), Mode.IN_PERSON),
        (ev("f2", NOW - timedelta(minutes=30), BOB), Mode.IN_PERSON),  # still running
        (ev("f3", NOW - timedelta(minutes=60), BOB), Mode.IN_PERSON),  # just over
        (ev("f4", days_ago(3), BOB, all_day=True), Mode.IN_PERSON),
    ]
    assert build(pairs).summary(BOB).meetings == 1


def test_free_mail_counterparts_are_people_not_an_organisation():
    pairs = [
        (ev("m1", days_ago(20), FRIEND), Mode.IN_PERSON),
        (ev("m2", days_ago(10), OTHER_FRIEND), Mode.VIRTUAL),
    ]
    ledger = build(pairs)
    assert ledger.organisations() == []
    assert ledger.directory.organisation(FRIEND) is None
    assert ledger.met_before([FRIEND], NOW)
    assert not ledger.met_before([OTHER_FRIEND], days_ago(15))
    assert not ledger.met_before(["new@gmail.com"], NOW)


def test_free_mail_list_is_extendable_by_config():
    config = config_for(relations={"freemail_domains": ["Family.example"]})
    directory = Directory(config)
    assert directory.organisation("uncle@family.example") is None
    assert directory.organisation("x@web.de") is None
    assert directory.organisation("x@acme.example") == "acme.example"


def test_a_user_on_free_mail_does_not_make_everyone_there_a_colleague():
    directory = Directory(config_for(user={"email": "me@gmail.com", "domains": []}))
    assert directory.is_external(FRIEND)
    assert not directory.is_external("ME@gmail.com")


def test_an_organisation_met_through_a_colleagues_address():
    ledger = build([(ev("c1", days_ago(50), BOB), Mode.IN_PERSON)])
    assert ledger.met_before([CAROL], NOW)
    assert not ledger.met_before([CAROL], days_ago(60))  # judged relative to the time asked
    assert ledger.summary("acme.example").last_in_person == days_ago(50)
    assert ledger.summary(CAROL).meetings == 0


def test_the_same_occurrence_in_two_calendars_counts_once():
    one = ev("x1", days_ago(5), BOB)
    other = ev("x1", days_ago(5), BOB, CAROL)
    ledger = build([(one, Mode.UNKNOWN), (other, Classification(Mode.IN_PERSON))])
    assert len(ledger) == 1
    assert ledger.summary("acme.example").in_person == 1
    assert ledger.summary(CAROL).meetings == 1
    swapped = [(other, Mode.VIRTUAL), (one, Mode.IN_PERSON)]
    assert ledger.update(swapped, now=NOW, complete=False).touched == 0  # order does not matter


def test_with_modes_pairs_events_from_a_mapping():
    events = [e for e, _ in HISTORY]
    modes = {events[0].key: Classification(Mode.PHONE), events[1].key: "in_person"}
    pairs = with_modes(events, modes)
    assert [m for _, m in pairs] == [Mode.PHONE, Mode.IN_PERSON] + [Mode.UNKNOWN] * 3


def test_repeats_counts_meetings_with_all_the_same_people():
    ledger = build(HISTORY)
    since = NOW - timedelta(days=365)
    assert ledger.repeats([BOB], before=NOW, since=since) == 3
    assert ledger.repeats([BOB, CAROL], before=NOW, since=since) == 1
    assert ledger.repeats([BOB], before=days_ago(100), since=since) == 2


def test_key_accounts_match_mail_and_domains_with_subdomains():
    accounts = ["acme.example", "dan@globex.example"]
    assert key_account_of("x@de.acme.example", accounts) == "acme.example"
    assert key_account_of("DAN@globex.example", accounts) == "dan@globex.example"
    assert key_account_of("eve@globex.example", accounts) is None
    assert key_account_of("x@notacme.example", accounts) is None


def test_contacts_rows_and_filters():
    config = config_for(relations={"key_accounts": ["acme.example"], "visit_due_days": 90})
    pairs = [*HISTORY, (ev("m1", days_ago(20), FRIEND), Mode.VIRTUAL)]
    ledger = build(pairs, config=config)
    today = NOW.date()
    table = contacts(ledger, config=config, today=today)
    assert [r.email for r in table] == [BOB, CAROL, DAN, FRIEND]
    bob = table[0]
    assert (bob.organisation, bob.meetings, bob.in_person_meetings) == ("acme.example", 3, 1)
    assert (bob.first_meeting, bob.last_in_person) == (days_ago(200).date(), days_ago(150).date())
    assert bob.name == "Bob" and bob.key_account == "acme.example" and bob.due
    assert table[3].organisation is None
    never = contacts(ledger, never_met=True, config=config, today=today)
    assert [r.email for r in never] == [DAN, FRIEND]
    due = contacts(ledger, due=True, config=config, today=today)
    assert [r.email for r in due] == [BOB, CAROL]
    assert contacts(ledger, due=True, config=config, today=days_ago(100).date()) == []
    assert contacts(ledger, never_met=True, due=True, config=config, today=today) == []
    data = json.loads(json.dumps(bob.as_dict()))
    assert data["last_in_person"] == days_ago(150).date().isoformat()
    assert data["organisation"] == "acme.example"


def test_contact_dates_are_in_the_users_zone():
    late = datetime(2026, 5, 3, 23, 30, tzinfo=TZ)  # 21:30 UTC, still 3 May in Berlin
    ledger = build([(ev("z1", late, FRIEND), Mode.IN_PERSON)])
    (row,) = contacts(ledger, config=config_for(), today=NOW.date())
    assert row.last_in_person == date(2026, 5, 3)


def test_a_person_with_two_addresses_is_one_contact_with_each_meeting_once():
    """An address book card with a work and a private address (QA of address books): one row,
    the address book's first address shown, a meeting both addresses were in counted once."""
    from planner.people.person import Entry, Source

    private = "bob.private@gmail.com"
    pairs = [
        (ev("b1", days_ago(60), BOB), Mode.IN_PERSON),
        (ev("b2", days_ago(30), private), Mode.VIRTUAL),
        (ev("b3", days_ago(20), BOB, private), Mode.PHONE),  # both: one meeting
        (ev("c1", days_ago(10), CAROL), Mode.VIRTUAL),
    ]
    config = config_for()
    ledger = Ledger.open(Store(":memory:"), config)
    ledger.directory.people.add(Entry((BOB, private), Source.ADDRESS_BOOK, name="Bob Builder"))
    ledger.update(pairs, now=NOW)
    table = contacts(ledger, config=config, today=NOW.date())
    assert [r.email for r in table] == [BOB, CAROL]
    bob = table[0]
    assert (bob.meetings, bob.in_person_meetings, bob.virtual_meetings, bob.phone_meetings) == (
        3,
        1,
        1,
        1,
    )
    assert bob.other_emails == (private,) and bob.last_meeting == days_ago(20).date()
    never = contacts(ledger, never_met=True, config=config, today=NOW.date())
    assert [r.email for r in never] == [CAROL]  # met in person at his work address
