"""The ``offer`` tool through the SDK's client over stdio: the dry run shows the options and
the e-mail and sends nothing; its token sends the offer once, to a real SMTP server on
loopback; the offer is then kept and its options held."""

from __future__ import annotations

import email
import time
from datetime import datetime, timedelta
from email import policy

import pytest

from planner.flows.offers import Offers
from tests.assist import scenario
from tests.assist.client import call, error, planner_server, run
from tests.flows.offer_world import state
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow


def test_offer_sends_only_with_its_token_and_only_once(isolated_home, run_server):  # noqa: F811
    inbox = Inbox()
    scenario.write_config(isolated_home, smtp_port=run_server(inbox))
    args = {"with_email": f"Lena Hansen <{scenario.LENA}>", "count": 2}

    async def session():
        async with planner_server() as client:
            dry = await call(client, "offer", args)
            before = len(inbox.messages)
            wrong = await error(client, "offer", {**args, "count": 3, "confirm": dry["confirm"]})
            done = await call(client, "offer", {**args, "confirm": dry["confirm"]})
            again = await error(client, "offer", {**args, "confirm": dry["confirm"]})
            return dry, before, wrong, done, again

    dry, before, wrong, done, again = run(session)
    assert dry["done"] is False and dry["confirm"] and before == 0
    assert [p["email"] for p in dry["who"]] == [scenario.LENA]
    assert "option-1.ics" in dry["preview"] and "PLANNER-OFFER" not in dry["preview"]
    assert "another action" in wrong
    assert done["done"] is True and dry["details"]["offer"] in done["result"]
    assert "used already" in again
    assert len(inbox.messages) == 1 and inbox.messages[0][0] == [scenario.LENA]
    sent = email.message_from_bytes(inbox.messages[0][1], policy=policy.default)
    assert "PLANNER-OFFER%3A" in sent.get_body(("html",)).get_content()
    store = state()
    (kept,) = Offers(store).all()
    store.close()
    assert kept.id == dry["details"]["offer"] and kept.sent and kept.status == "open"


def test_an_offer_that_expires_by_valid_days_is_confirmed(isolated_home, run_server):  # noqa: F811
    """QA h #1: the token bound the expiry, computed from "now" (now + [offer] valid_days), so
    the confirming call, a moment later, was always refused as "another action" whenever the
    offer expired before its last option began (the default valid_days = 3)."""
    inbox = Inbox()
    scenario.write_config(
        isolated_home, smtp_port=run_server(inbox), extra="[offer]\nvalid_days = 1\n"
    )
    later = scenario.first_day() + timedelta(days=14)  # every option begins after a day
    args = {"with_email": scenario.LENA, "count": 2, "week_of": later.isoformat()}

    async def session():
        async with planner_server() as client:
            dry = await call(client, "offer", args)
            time.sleep(1.1)
            return dry, await call(client, "offer", {**args, "confirm": dry["confirm"]})

    dry, done = run(session)
    assert datetime.fromisoformat(dry["start"]).date() >= later - timedelta(days=7)
    assert done["done"] is True and len(inbox.messages) == 1
