"""The two-step write tools through the SDK's client over stdio, against real parts: the
invitation by a real SMTP server on loopback, the hold into a real Radicale. The first call
sends and writes nothing; a wrong, tampered, foreign, expired or spent token, or one given for
another action, sends and writes nothing; the right one acts exactly once."""

from __future__ import annotations

import email
import time

import pytest

from tests.assist import scenario
from tests.assist.client import call, error, planner_server, run
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)
from tests.providers.radicale_server import radicale_server

pytestmark = pytest.mark.slow


def lunch() -> dict[str, object]:
    return {
        "to": [scenario.BOB],
        "title": "Mittagessen",
        "start": f"{scenario.first_day().isoformat()}T12:30",  # no offset: the user's zone
        "location": "Trattoria Lehel, Thierschstraße 12, 80538 München",
    }


def test_invite_sends_only_with_its_token_and_only_once(isolated_home, run_server):  # noqa: F811
    inbox = Inbox()
    scenario.write_config(isolated_home, smtp_port=run_server(inbox))
    args = lunch()

    async def session():
        async with planner_server() as client:
            dry = await call(client, "invite", args)
            after_dry = (len(inbox.messages), await call(client, "invitations"))
            token = dry["confirm"]
            tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
            refusals = [
                await error(client, "invite", {**args, "confirm": tampered}),
                await error(client, "invite", {**args, "confirm": "not-a-token"}),
                await error(client, "invite", {**args, "title": "Abendessen", "confirm": token}),
                await error(client, "offer", {"with_email": scenario.BOB, "confirm": token}),
            ]
            after_refusals = len(inbox.messages)
            done = await call(client, "invite", {**args, "confirm": token})
            again = await error(client, "invite", {**args, "confirm": token})
            states = await call(client, "invitations", {"read_calendars": False})
            return dry, after_dry, refusals, after_refusals, done, again, states

    dry, after_dry, refusals, after_refusals, done, again, states = run(session)
    assert dry["done"] is False and dry["confirm"] and dry["expires_at"]
    assert [p["email"] for p in dry["who"]] == [scenario.BOB]
    assert dry["start"].startswith(f"{scenario.first_day().isoformat()}T12:30:00+0")
    assert dry["where"].startswith("Trattoria Lehel")
    assert dry["details"]["method"] == "REQUEST" and "Mittagessen" in dry["details"]["subject"]
    assert after_dry == (0, {"warnings": [], "invitations": []})  # the dry run sent nothing
    assert "not one this planner gave" in refusals[0] and "not one" in refusals[1]
    assert "another action" in refusals[2] and "for offer" in refusals[3]  # another tool's
    assert after_refusals == 0
    assert done["done"] is True and scenario.BOB in done["result"] and done["confirm"] is None
    assert len(inbox.messages) == 1 and inbox.messages[0][0] == [scenario.BOB]
    parts = email.message_from_bytes(inbox.messages[0][1]).walk()
    calendars = [p for p in parts if p.get_content_type() == "text/calendar"]
    assert [p.get_param("method") for p in calendars] == ["REQUEST"]
    assert dry["details"]["uid"].encode() in calendars[0].get_payload(decode=True)
    assert "used already" in again and len(inbox.messages) == 1
    assert [(s["counterpart"], s["status"]) for s in states["invitations"]] == [
        (scenario.BOB, "no_answer")
    ]


def test_an_expired_token_sends_nothing(isolated_home, run_server):  # noqa: F811
    inbox = Inbox()
    scenario.write_config(isolated_home, smtp_port=run_server(inbox))
    args = lunch()

    async def session():
        async with planner_server("--confirm-within", "1") as client:
            dry = await call(client, "invite", args)
            time.sleep(2.5)
            return await error(client, "invite", {**args, "confirm": dry["confirm"]})

    assert "expired" in run(session)
    assert inbox.messages == []


def test_a_failed_send_spends_the_token_and_says_so(isolated_home, run_server):  # noqa: F811
    inbox = Inbox(reject_data=True)
    scenario.write_config(isolated_home, smtp_port=run_server(inbox))
    args = lunch()

    async def session():
        async with planner_server() as client:
            dry = await call(client, "invite", args)
            failed = await error(client, "invite", {**args, "confirm": dry["confirm"]})
            again = await error(client, "invite", {**args, "confirm": dry["confirm"]})
            states = await call(client, "invitations", {"read_calendars": False})
            return failed, again, states

    failed, again, states = run(session)
    assert "554" in failed and "spent" in failed
    assert "used already" in again
    assert inbox.messages == [] and states["invitations"] == []  # nothing logged as sent


def test_a_token_of_another_install_is_refused(isolated_home, run_server, tmp_path):  # noqa: F811
    inbox = Inbox()
    scenario.write_config(isolated_home, smtp_port=run_server(inbox))
    args = lunch()

    async def session():
        async with planner_server(env={"PLANNER_DATA_DIR": str(tmp_path / "other")}) as other:
            foreign = (await call(other, "invite", args))["confirm"]
        async with planner_server() as client:
            return await error(client, "invite", {**args, "confirm": foreign})

    assert "not one this planner gave" in run(session)
    assert inbox.messages == []


def test_hold_writes_into_the_calendar_only_with_its_token_and_once(isolated_home, tmp_path):
    with radicale_server(tmp_path / "radicale") as server:
        holds = server.make_calendar("Holds")
        scenario.write_config(isolated_home, extra=server.toml_entry("cloud"))
        env = {server.password_env: server.password}

        async def session():
            async with planner_server(env=env) as client:
                proposals = await call(client, "propose", {"with_email": scenario.LENA})
                first = proposals["proposals"][0]["id"]
                args = {"proposal": first, "calendar": "cloud"}
                dry = await call(client, "hold", args)
                after_dry = len(holds.events())
                done = await call(client, "hold", {**args, "confirm": dry["confirm"]})
                again = await error(client, "hold", {**args, "confirm": dry["confirm"]})
                unknown = await error(client, "hold", {"proposal": first, "calendar": "nowhere"})
                return proposals, dry, after_dry, done, again, unknown

        proposals, dry, after_dry, done, again, unknown = run(session)
        written = holds.events()
    first = proposals["proposals"][0]
    assert dry["start"] == first["start"] and dry["where"].startswith(first["venue"]["name"])
    assert [p["email"] for p in dry["who"]] == [scenario.LENA]
    assert dry["details"]["calendar"] == "cloud"
    assert after_dry == 0
    assert done["done"] is True and "hold written" in done["result"]
    assert len(written) == 1
    assert dry["details"]["uid"] in written[0].data
    assert "used already" in again
    assert "nowhere" in unknown and "cloud" in unknown


def test_the_hold_dry_run_names_its_calendar_and_refuses_a_read_only_one(isolated_home, tmp_path):
    """QA h #8: the dry run promised a write into a read-only calendar (the confirmation then
    failed and was spent) and said only "the first writable calendar of the config"."""
    with radicale_server(tmp_path / "radicale") as server:
        server.make_calendar("Holds")
        scenario.write_config(isolated_home, extra=server.toml_entry("cloud"))
        env = {server.password_env: server.password}

        async def session():
            async with planner_server(env=env) as client:
                default = await call(client, "hold", lunch())
                read_only = await call(client, "hold", {**lunch(), "calendar": "work"})
                return default, read_only

        default, read_only = run(session)
    assert default["details"]["calendar"] == "cloud" and "cloud" in default["action"]
    assert default["confirm"]
    # refused in the dry run: no token that could only fail, the reason in the tool's words
    assert read_only["confirm"] is None and read_only["done"] is False
    (said,) = read_only["warnings"]
    assert "calendar 'work' is read-only" in said and "--hold" not in said


def test_the_invite_dry_run_says_a_password_is_missing(isolated_home, run_server):  # noqa: F811
    """QA h #8: without the SMTP password the dry run gave a token that could only fail."""
    config = scenario.write_config(isolated_home, smtp_port=run_server(Inbox()))
    text = config.read_text(encoding="utf-8").replace(
        'security = "none"\n',
        'security = "none"\nusername = "anna"\npassword_env = "PLANNER_TEST_NO_PASSWORD"\n',
    )
    config.write_text(text, encoding="utf-8")

    async def session():
        async with planner_server() as client:
            return await call(client, "invite", lunch())

    dry = run(session)
    assert dry["confirm"] is None
    assert any("no password for SMTP user 'anna'" in w for w in dry["warnings"]), dry["warnings"]


def test_an_update_that_takes_someone_off_tells_them(isolated_home, run_server):  # noqa: F811
    """As ``planner invite --update … --to``: the update goes to those who stay, the meeting's
    cancellation to the one taken off (RFC 5546), both said in the dry run and bound by its
    token."""
    inbox = Inbox()
    scenario.write_config(isolated_home, smtp_port=run_server(inbox))
    both = {**lunch(), "to": [scenario.BOB, scenario.LENA]}

    async def session():
        async with planner_server() as client:
            first = await call(client, "invite", both)
            sent = await call(client, "invite", {**both, "confirm": first["confirm"]})
            sent["mails"] = len(inbox.messages)
            uid = first["details"]["uid"]
            update = {"update_uid": uid, "to": [scenario.BOB]}
            dry = await call(client, "invite", update)
            done = await call(client, "invite", {**update, "confirm": dry["confirm"]})
            return sent, dry, done

    sent, dry, done = run(session)
    assert sent["done"] is True and sent["mails"] == 1
    assert scenario.LENA in dry["action"] and "cancellation" in dry["action"]
    assert "METHOD:REQUEST" in dry["preview"] and "METHOD:CANCEL" in dry["preview"]  # both
    assert done["done"] is True and "taken off" in done["result"]
    methods = {}
    for recipients, raw, *_rest in inbox.messages[1:]:
        parts = email.message_from_bytes(raw).walk()
        (part,) = [p for p in parts if p.get_content_type() == "text/calendar"]
        methods[tuple(recipients)] = part.get_param("method")
    assert methods == {(scenario.BOB,): "REQUEST", (scenario.LENA,): "CANCEL"}
