"""A user who works from a public mail service (a freelancer's gmail, a founder's icloud) has no
colleague in everyone else there: the domain of ``[user] email`` is the user's organisation's
only when it is no free-mail domain (``Config.own_domains``).

Gap (found while reviewing the private-occasion rule): with ``email = "anna.berger@gmail.com"``
every counterpart at gmail.com was internal, so a first call with a founder's gmail was "internal"
and never external business time; the same for web.de, icloud.com, outlook.com."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.config.loader import default_config
from planner.judge.directory import Directory
from planner.judge.purpose import determine_purpose
from planner.judge.relations import Ledger
from planner.model import Attendee, Event, Mode, Purpose
from planner.store import Store

TZ = ZoneInfo("Europe/Berlin")


def config(email: str, **user):
    return default_config(user={"email": email, "timezone": "Europe/Berlin", **user})


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        ("anna.berger@gmail.com", "tom.hayes@gmail.com"),
        ("anna@web.de", "jens@web.de"),
        ("anna.berger@icloud.com", "sam@icloud.com"),
        ("anna@outlook.com", "lea@outlook.com"),
    ],
)
def test_someone_at_the_same_mail_service_is_no_colleague(mine: str, theirs: str):
    cfg = config(mine)
    assert cfg.own_domains == frozenset()
    directory = Directory(cfg)
    assert directory.is_external(theirs) and not directory.is_internal(theirs)
    assert directory.is_user(mine) and not directory.is_external(mine)
    start = datetime(2026, 12, 8, 10, tzinfo=TZ)
    call = Event("c", "Kennenlernen", start, start + timedelta(hours=1),
                 organizer=Attendee(mine), attendees=(Attendee(theirs),))  # fmt: skip
    found = determine_purpose(call, Ledger.open(Store(":memory:"), cfg), cfg, Mode.VIRTUAL)
    assert found.purpose is Purpose.FIRST_CONTACT, found


def test_a_firms_domain_is_still_its_colleagues_and_a_listed_freemail_one_is_not():
    cfg = config("anna@firm.example", domains=["firm.de", "gmail.com"])
    assert cfg.own_domains == frozenset({"firm.example", "firm.de"})
    directory = Directory(cfg)
    assert directory.is_internal("bob@firm.de") and directory.is_external("x@gmail.com")
    extra = default_config(
        user={"email": "anna@kanzlei-mail.example", "timezone": "Europe/Berlin"},
        relations={"freemail_domains": ["kanzlei-mail.example"]},
    )
    assert extra.own_domains == frozenset()
