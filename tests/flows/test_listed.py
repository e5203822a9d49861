"""Proposals by what they are: the identifier stays with the proposal across listings and
days, and ``invite --proposal ID`` refuses what no longer matches, saying how to list anew."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from planner.errors import UsageError
from planner.flows.invitations import (
    InviteOptions,
    from_proposal,
    listed_proposal,
)
from planner.flows.invite_view import describe
from planner.flows.listed import (
    Listed,
    entry_id,
    looks_like_id,
    normal,
    proposal_id,
    save_proposals,
)
from planner.invite.sentlog import prepare_request, record_sent
from planner.model import Attendee
from planner.store import Store
from tests.invite.test_invite import BERLIN, lunch
from tests.judge.test_relations import config_for

LISTED = datetime(2026, 12, 6, 12, tzinfo=BERLIN)
VENUE = {"name": "Café Paris", "kind": "cafe", "address": "Rathausstraße 4, 20095 Hamburg",
         "lat": 53.5502, "lon": 9.9936, "known": True}  # fmt: skip


def entry(start: str = "2026-12-08T12:15:00+01:00", **changes) -> dict:
    item = {
        "start": start,
        "end": (datetime.fromisoformat(start) + timedelta(minutes=90)).isoformat(),
        "kind": "lunch",
        "venue": VENUE,
        "with": ["tom@elbwerk.example"],
        "name": "Tom Berger",
        "names": {"tom@elbwerk.example": "Tom Berger"},
        "purpose": "deal_closing",
        **changes,
    }
    return item | {"id": entry_id(item)}


@pytest.fixture
def config():
    return config_for(user={"email": "jan@consult-hh.example", "name": "Jan Meyer"})


@pytest.fixture
def store():
    db = Store(":memory:")
    yield db
    db.close()


def test_the_identifier_is_what_the_proposal_is():
    start = datetime(2026, 12, 8, 12, 15, tzinfo=BERLIN)
    base = proposal_id(["tom@elbwerk.example"], start, "lunch", VENUE)
    assert looks_like_id(base) and len(base) == 6
    assert proposal_id(["TOM@elbwerk.example "], start.astimezone(UTC), "lunch", VENUE) == base
    others = {
        proposal_id(["maria@hafenlogistik.example"], start, "lunch", VENUE),
        proposal_id(["tom@elbwerk.example"], start + timedelta(minutes=15), "lunch", VENUE),
        proposal_id(["tom@elbwerk.example"], start, "dinner", VENUE),
        proposal_id(["tom@elbwerk.example"], start, "lunch", {**VENUE, "name": "Other"}),
        proposal_id(["tom@elbwerk.example"], start, "lunch", VENUE, "meeting-uid"),
    }
    assert base not in others and len(others) == 5
    assert normal(" K7M-2QA ") == "k7m2qa" and normal("1lo0") == "1100"
    assert not looks_like_id("1") and not looks_like_id("k7m2q")


def test_a_listed_proposal_is_found_by_its_identifier_tomorrow(config, store):
    first = entry()
    save_proposals(store, {"with": first["with"], "proposals": [first]}, LISTED)
    other = entry(**{"with": ["x@y.example"]})
    assert other["id"] != first["id"]
    save_proposals(store, {"with": ["x@y.example"], "proposals": [other]}, LISTED)
    tomorrow = LISTED + timedelta(days=1)
    invitation = from_proposal(config, store, first["id"].upper(), InviteOptions(), now=tomorrow)
    assert [p.email for p in invitation.counterparts] == ["tom@elbwerk.example"]
    assert invitation.start == datetime.fromisoformat(first["start"])
    assert invitation.venue_name == "Café Paris"
    lines = describe(invitation, first["id"])
    assert lines[0].startswith(f"Proposal {first['id']}: ")
    assert "Tom Berger <tom@elbwerk.example>" in lines[1]
    assert "Tuesday, December 8, 2026, 12:15–13:45 (Europe/Berlin)" in lines[2]
    assert "Café Paris" in lines[3] and "deal closing" in lines[4]


def test_what_no_longer_matches_is_refused_with_the_listing_command(config, store):
    listed = entry()
    save_proposals(store, {"with": listed["with"], "proposals": [listed]}, LISTED)
    for ident, words in (
        ("1", "identifier in the first column"),
        ("zzzzzz", "no current proposal has this identifier"),
    ):
        with pytest.raises(UsageError, match=words) as caught:
            listed_proposal(config, store, ident, LISTED)
        assert "planner propose --with EMAIL" in caught.value.hint
    after = datetime(2026, 12, 9, 9, tzinfo=BERLIN)
    with pytest.raises(UsageError, match="which has passed") as caught:
        listed_proposal(config, store, listed["id"], after)
    assert "planner propose --with tom@elbwerk.example" in caught.value.hint
    # content that no longer gives the identifier (a stored row changed under it)
    tampered = {**listed, "start": "2026-12-08T13:00:00+01:00"}
    Listed(store).save([tampered], LISTED)
    with pytest.raises(UsageError, match="no current proposal"):
        listed_proposal(config, store, listed["id"], LISTED)


def test_a_time_taken_by_an_invitation_since_is_refused_the_same_one_is_not(config, store):
    listed = entry()
    save_proposals(store, {"with": listed["with"], "proposals": [listed]}, LISTED)
    start = datetime.fromisoformat(listed["start"])
    mine = replace(lunch(), start=start, end=start + timedelta(minutes=90),
                   attendees=(Attendee("tom@elbwerk.example"),))  # fmt: skip
    record_sent(store, prepare_request(store, mine), sent_at=LISTED + timedelta(hours=1))
    assert listed_proposal(config, store, listed["id"], LISTED)["id"] == listed["id"]
    other = replace(mine, title="Lunch with Maria", attendees=(Attendee("maria@x.example"),),
                    start=start + timedelta(minutes=30))  # fmt: skip
    record_sent(store, prepare_request(store, other), sent_at=LISTED + timedelta(hours=2))
    with pytest.raises(UsageError, match="no longer fits.*Lunch with Maria"):
        listed_proposal(config, store, listed["id"], LISTED)


def test_entries_are_kept_until_a_week_past_their_time(store):
    old = entry(start="2026-11-20T12:00:00+01:00")
    Listed(store).save([old], LISTED - timedelta(days=20))
    Listed(store).save([entry()], LISTED)
    assert Listed(store).get(old["id"]) is None
    assert [e["id"] for e in Listed(store).upcoming(LISTED)] == [entry()["id"]]


@pytest.mark.parametrize(
    "spelling",
    ["jürgen@müller.example", "JÜRGEN@xn--mller-kva.example", "j%C3%BCrgen@m%C3%BCller.example"],
)
def test_every_spelling_of_an_address_gives_the_same_identifier(spelling):
    start = datetime(2026, 12, 8, 12, 15, tzinfo=UTC)
    base = proposal_id(["jürgen@müller.example"], start, "lunch", VENUE)
    assert proposal_id([spelling], start, "lunch", VENUE) == base


FAR = "9999-12-31T23:00:00+00:00"
# (what, change): each field a reader of a listed entry uses, damaged as a hand edit, another
# version or a broken disk leaves it; the content is re-identified so only the shape is wrong
ENTRY_POISON = [
    ("start in year 9999", lambda e: e.update(start=FAR)),
    ("start without offset", lambda e: e.update(start="2026-12-08T12:15:00")),
    ("end before start", lambda e: e.update(end="2026-12-08T11:00:00+01:00")),
    ("end not a time", lambda e: e.update(end="morgen")),
    ("with a number", lambda e: e.update({"with": 5})),
    ("with a list of numbers", lambda e: e.update({"with": [1, 2]})),
    ("venue a text", lambda e: e.update(venue="Café Paris")),
    ("venue without name", lambda e: e.update(venue={**VENUE, "name": None})),
    ("latitude NaN", lambda e: e.update(venue={**VENUE, "lat": float("nan")})),
    ("longitude 1e308", lambda e: e.update(venue={**VENUE, "lon": 1e308})),
    ("address a list", lambda e: e.update(venue={**VENUE, "address": ["x"]})),
    ("names a list", lambda e: e.update(names=["Tom"])),
    ("meeting a text", lambda e: e.update(meeting="uid-1")),
    ("meeting sequence 10^30", lambda e: e.update(meeting=MEETING | {"sequence": 10**30})),
    ("meeting without start", lambda e: e.update(meeting={"uid": "uid-1"})),
    ("meeting title a number", lambda e: e.update(meeting=MEETING | {"title": 7})),
    ("kind a list", lambda e: e.update(kind=["lunch"])),
    ("counterpart minutes 10^9", lambda e: e.update(counterpart_minutes=10**9)),
]
MEETING = {"uid": "uid-1", "title": "Review", "start": "2026-12-08T09:00:00+01:00",
           "end": "2026-12-08T10:00:00+01:00", "organizer": "", "sequence": 0}  # fmt: skip


def _store_raw(store: Store, item: dict) -> str:
    """``item`` as a row of listed_proposals, under the identifier its content gives (as far
    as that can be computed), bypassing every check of :meth:`Listed.save`."""
    try:
        ident = entry_id(item)
    except (TypeError, ValueError, KeyError, AttributeError, OverflowError):
        ident = "abc123"
    Listed(store)  # the table
    with store.conn as conn:
        conn.execute(
            "INSERT OR REPLACE INTO listed_proposals VALUES (?, ?, ?, ?, ?)",
            (ident, "2026-12-08T11:15:00+00:00", "2026-12-08T12:45:00+00:00",
             LISTED.isoformat(), json.dumps(item)),
        )  # fmt: skip
    return ident


@pytest.mark.parametrize(("what", "change"), ENTRY_POISON, ids=[w for w, _c in ENTRY_POISON])
def test_a_damaged_listed_entry_is_skipped_with_a_warning_never_taken(
    config, store, caplog, what, change
):
    """Issue 26 (a bad value stored once never ends a command): ``invite --proposal`` says the
    identifier is unknown, ``planner invites`` (which offers the next proposal after a decline)
    reads the good entries beside it, and each says once that a row was skipped."""
    good = entry(start="2026-12-08T19:00:00+01:00")
    save_proposals(store, {"with": good["with"], "proposals": [good]}, LISTED)
    bad = entry()
    change(bad)
    ident = _store_raw(store, bad)
    with pytest.raises(UsageError, match="no current proposal has this identifier"):
        listed_proposal(config, store, ident, LISTED)
    assert "skipped 1 unreadable row of listed_proposals" in caplog.text
    assert [e["id"] for e in Listed(store).upcoming(LISTED)] == [good["id"]]
