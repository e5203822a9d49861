"""The assistant's ``invite`` tool with a proposal of ``week_plan`` builds the invitation the
CLI builds: planner's words alone, none of the user's meeting's description (Outlook's letter,
Teams block and X-ALT-DESC; Google's HTML notes and Meet block; Apple's plain notes), neither
in the dry run's details nor in the mail a real SMTP server on loopback receives (QA 16, D5)."""

from __future__ import annotations

import email
import email.policy
import json

import pytest

from tests.assist import scenario
from tests.assist.client import call, planner_server, run
from tests.cli.meeting_texts import MEETINGS, calendar, leaked
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow


def test_the_invite_tool_sends_none_of_the_meetings_text(isolated_home, run_server):  # noqa: F811
    inbox = Inbox()
    scenario.write_config(isolated_home, smtp_port=run_server(inbox))
    day = scenario.first_day()
    (isolated_home / "work.ics").write_text(calendar(day), encoding="utf-8")

    async def session():
        async with planner_server() as client:
            week = await call(client, "week_plan", {"week_of": day.isoformat()})
            ids = {e["uid"]: e["proposals"][0]["id"] for e in week["events"] if e["proposals"]}
            results = []
            for uid in MEETINGS:
                dry = await call(client, "invite", {"proposal": ids[uid]})
                done = await call(client, "invite", {"proposal": ids[uid],
                                                     "confirm": dry["confirm"]})  # fmt: skip
                results.append((uid, dry, done))
            return results

    results = run(session)
    for uid, dry, done in results:
        said = json.dumps(dry, ensure_ascii=False)
        assert not leaked(said), (uid, leaked(said))
        assert done["done"] is True
    assert len(inbox.messages) == len(MEETINGS)
    for recipients, raw, _tls in inbox.messages:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        parts = [p.get_content() for p in message.walk() if not p.is_multipart()]
        text = "\n".join(p if isinstance(p, str) else p.decode() for p in parts)
        assert not leaked(text), (recipients, leaked(text))
