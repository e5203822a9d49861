"""The assistant's ``invite`` tool, through the SDK's client over stdio and a real SMTP server on
loopback: a second invitation to someone with an open one from planner is refused as
``planner invite --send`` refuses it (:mod:`planner.flows.already_invited`): the dry run names
the one they have and gives no token unless ``force``."""

from __future__ import annotations

import pytest

from tests.assist import scenario
from tests.assist.client import call, planner_server, run
from tests.assist.test_server_writes import lunch
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow


def _second(first: dict) -> dict:
    """A dinner the same evening: a second invitation to the lunch's people."""
    return {**first, "title": "Abendessen", "start": first["start"].replace("12:30", "19:00")}


OFFER = {"with_email": f"Bob Ray <{scenario.BOB}>", "count": 2}


@pytest.mark.parametrize(
    ("tool", "again"),
    [("invite", _second), ("offer", lambda _first: OFFER)],
    ids=["invite", "offer"],
)
def test_a_second_meeting_gets_no_token_unless_forced(isolated_home, run_server, tool, again):  # noqa: F811
    """After Bob's lunch invitation, a second ``invite`` (a dinner) or an ``offer`` to him (as
    ``planner offer --send``): his open invitation is named, and it is sent only with
    ``force``."""
    inbox = Inbox()
    scenario.write_config(isolated_home, smtp_port=run_server(inbox))
    first = lunch()
    more = again(first)

    async def session():
        async with planner_server() as client:
            dry = await call(client, "invite", first)
            await call(client, "invite", {**first, "confirm": dry["confirm"]})
            second = await call(client, tool, more)
            forced = await call(client, tool, {**more, "force": True})
            done = await call(client, tool, {**more, "force": True,
                                             "confirm": forced["confirm"]})  # fmt: skip
            return dry["details"]["uid"], second, forced, done

    uid, second, forced, done = run(session)
    assert second["confirm"] is None and second["done"] is False  # was: a token to send it
    (warning,) = [w for w in second["warnings"] if uid in w]
    assert scenario.BOB in warning and "Mittagessen" in warning and "force" in warning
    assert forced["confirm"] and any(uid in w for w in forced["warnings"])
    assert done["done"] is True and len(inbox.messages) == 2
