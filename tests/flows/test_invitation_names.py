"""The names a proposal knew reach the invitation made from it; ``--to "Name <address>"``
names an invitee, also one the proposal did not know, in any spelling of the address."""

from __future__ import annotations

from datetime import datetime

import pytest

from planner.flows.invitations import InviteOptions, from_proposal
from planner.flows.listed import Listed, entry_id
from planner.flows.propose import ProposeResult
from planner.model import Purpose
from planner.store import Store
from tests.invite.test_invite import BERLIN
from tests.judge.test_relations import config_for

LISTED = datetime(2027, 3, 1, 12, tzinfo=BERLIN)
VENUE = {"name": "Café Luitpold", "kind": "cafe", "address": "Brienner Str. 11, 80333 München",
         "lat": 48.1427, "lon": 11.5754, "known": True}  # fmt: skip


def listed(**data) -> tuple[Store, str]:
    item = {"start": "2027-03-10T12:00:00+01:00", "end": "2027-03-10T13:00:00+01:00",
            "kind": "coffee", "venue": VENUE, **data}  # fmt: skip
    item["id"] = entry_id(item)
    store = Store(":memory:")
    Listed(store).save([item], LISTED)
    return store, item["id"]


def config():
    return config_for(user={"email": "me@planner.example", "name": "Me Myself"})


def test_propose_keeps_the_names_it_knew_for_the_invitation():
    result = ProposeResult(
        [], "jürgen@bücher.example", "Jürgen Buch", Purpose.FIRST_CONTACT,
        (datetime(2027, 3, 8), datetime(2027, 3, 15)), people=("jürgen@bücher.example",),
        names=("Jürgen Buch",),
    )  # fmt: skip
    data = result.to_json()
    assert data["names"] == {"jürgen@bücher.example": "Jürgen Buch"}
    store, ident = listed(**{k: data[k] for k in ("with", "names", "name", "purpose")})
    invitation = from_proposal(config(), store, ident, InviteOptions(), now=LISTED)
    assert [(p.email, p.name) for p in invitation.attendees] == [
        ("jürgen@bücher.example", "Jürgen Buch")
    ]
    assert invitation.title == "Coffee: Me Myself & Jürgen Buch"


def test_to_with_a_name_overrides_and_a_known_name_is_found_in_any_spelling():
    store, ident = listed(**{"with": ["bob@acme.example"], "names": {"bob@acme.example":
                             "Bob Stone"}, "name": "Bob Stone"})  # fmt: skip
    options = InviteOptions(to=("BOB@ACME.example", 'Anna "Nan" Berger <anna@acme.example>'))
    invitation = from_proposal(config(), store, ident, options, now=LISTED)
    assert [(p.email, p.name) for p in invitation.attendees] == [
        ("BOB@ACME.example", "Bob Stone"),
        ("anna@acme.example", 'Anna "Nan" Berger'),
    ]


@pytest.mark.parametrize(("language", "said"), [
    ("en", "Getting there: about 11 min for you by public transport"),
    ("de", "etwa 11 Min. für Sie mit öffentlichen Verkehrsmitteln"),
])  # fmt: skip
def test_the_counterparts_way_is_said_as_it_was_estimated(language, said):
    """The counterpart's minutes were estimated by public transport from the place known for
    them (a town, an address a calendar or an address book gave): the invitation says so,
    whatever the user's own [travel] mode, and never calls that place their office."""
    from planner import i18n
    from planner.invite.text import description

    store, ident = listed(**{"with": ["bob@acme.example"], "counterpart_minutes": 11})
    cfg = config_for(user={"email": "me@planner.example", "name": "Me"}, travel={"mode": "car"})
    with i18n.speaking(language):
        text = description(from_proposal(cfg, store, ident, InviteOptions(), now=LISTED))
    assert said in text
    assert not any(word in text for word in ("office", "Büro", "by car", "mit dem Auto"))


def test_an_invitation_to_a_place_in_another_zone_is_written_in_its_zone():
    """A proposal planned in New York's local time: the invitation keeps that zone (the
    calendar entry reads 12:00 New York time, TZID America/New_York), its instant unchanged."""
    from planner.invite.itip import build_ics

    store, ident = listed(**{"with": ["bob@acme.example"], "name": "Bob Stone",
                             "start": "2027-03-10T12:00:00-05:00",
                             "end": "2027-03-10T12:45:00-05:00", "zone": "America/New_York",
                             "venue": {**VENUE, "name": "Bryant Park Grill",
                                       "lat": 40.7536, "lon": -73.9832}})  # fmt: skip
    invitation = from_proposal(config(), store, ident, InviteOptions(), now=LISTED)
    assert invitation.start.tzinfo.key == "America/New_York"  # type: ignore[union-attr]
    assert (invitation.start.hour, invitation.start.utcoffset().total_seconds()) == (12, -18000)
    assert b"DTSTART;TZID=America/New_York:20270310T120000" in build_ics(invitation)
