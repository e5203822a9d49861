"""The tools' inputs checked at the boundary, through the SDK's client over stdio: a wrong type
or range, a date planner cannot compute with, an empty or invalid address, a week that is over
are each one sentence naming the tool's input (QA h #4, #5, #9); the shared flows' messages name
the tool's inputs, not the command's options (QA h #10)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.assist import scenario
from tests.assist.client import call, error, planner_server, run

pytestmark = pytest.mark.slow

WRONG = [  # (tool, arguments, what the one sentence says)
    ("week_plan", {"week_of": "not a date"}, "`week_of` must be a date (ISO 8601"),
    ("agenda", {"days": 0}, "`days` must be a whole number from 1 to 60 (not 0)"),
    ("agenda", {"days": 2.5}, "`days` must be a whole number from 1 to 60 (not 2.5)"),
    ("contacts", {"never_met": "maybe"}, "`never_met` must be true or false (not 'maybe')"),
    ("propose", {"with_email": "a@b.example", "purpose": "lunch"}, "`purpose` must be one of "),
    ("venues", {"radius_km": "far"}, "`radius_km` must be a number above 0 up to 200"),
    ("venues", {"kind": "pub"}, "`kind` must be one of "),
    ("offer", {"with_email": "a@b.example", "count": 1}, "`count` must be a whole number from 2"),
    ("invite", {"to": "a@b.example"}, "`to` must be a list of texts"),
    ("week_plan", {"week_of": "9999-12-31"}, "`week_of` 9999-12-31 is out of range"),
    ("week_plan", {"week_of": "0001-01-01"}, "`week_of` 0001-01-01 is out of range"),
    ("venues", {"open_at": "9999-12-31T23:00"}, "`open_at` 9999-12-31T23:00:00 is out of range"),
    ("offer", {"with_email": ""}, "`with_email` is required"),
    ("propose", {"with_email": "not an email"}, "`with_email` 'not an email' is not an e-mail"),
]


def test_a_wrong_input_is_one_sentence_naming_it():
    async def session():
        async with planner_server("--demo") as client:
            return [await error(client, tool, args) for tool, args, _said in WRONG]

    for (tool, args, said), text in zip(WRONG, run(session), strict=True):
        assert said in text, (tool, args, text)
        assert "pydantic" not in text and "unexpected" not in text, text
        assert "validation error" not in text, text


def test_errors_and_notes_name_the_tools_inputs_not_the_commands_options(isolated_home):
    scenario.write_config(isolated_home)
    over = date.today() - timedelta(days=30)

    async def session():
        async with planner_server() as client:
            return [
                await error(client, "invite", {"title": "Lunch", "start": "2030-01-02T12:00"}),
                await error(client, "propose", {"meeting_uid": "zzzz-none"}),
                await error(client, "offer", {"with_email": scenario.LENA, "zone": "Mars/Olympus"}),
                await error(client, "offer", {"with_email": scenario.ME}),
                await error(client, "invite", {"cancel_uid": "zzzz-none"}),
                await error(client, "propose", {"with_email": scenario.LENA,
                                                "week_of": over.isoformat()}),
            ]  # fmt: skip

    texts = run(session)
    for text in texts:
        assert " --" not in text and "planner invite" not in text, text
    no_to, no_meeting, zone, to_self, cancel, past = texts
    assert "`to`" in no_to
    assert "`meeting_uid` zzzz-none" in no_meeting and "`week_of`" in no_meeting
    assert "`zone` Mars/Olympus" in zone
    assert "`with_email`" in to_self
    assert "`invitations` tool" in cancel
    assert f"`week_of` {over.isoformat()} lies in a week that is over" in past


def test_an_invitation_for_a_time_that_has_passed_is_a_warning(isolated_home):
    """QA h #9: a dry run for a meeting two years ago looked like any other."""
    scenario.write_config(isolated_home)
    args = {"to": [scenario.BOB], "title": "Lunch", "start": "2025-01-01T10:00"}

    async def session():
        async with planner_server() as client:
            return await call(client, "invite", args)  # hold prepares the meeting alike

    warnings = run(session)["warnings"]
    said = "the meeting would begin Wed 1 Jan 2025 10:00, which has passed; check"
    assert any(w.startswith(said) for w in warnings), warnings  # the year: not this one
