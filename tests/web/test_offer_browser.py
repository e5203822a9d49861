"""End to end, with real parts only: ``planner offer --send`` mails the offer to a loopback SMTP
server (aiosmtpd); the link in that mail opens in a real headless Chromium on ``planner
serve``'s app (uvicorn); a click on an option writes the meeting into a real Radicale or the
Google fake, the invitation reaches the SMTP server, and ``planner invites`` shows it accepted.
The page runs no script and reaches nothing but its own server."""

from __future__ import annotations

import email
import json
import re
from email import policy
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.flows.offers import Offers
from tests.flows.offer_world import LENA, state
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)
from tests.providers.radicale_server import free_port, radicale_server
from tests.render.test_html_browser import browser  # noqa: F401  (fixture)
from tests.web.server import running

pytestmark = pytest.mark.slow


def cli(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


def _target(kind, isolated_home, tmp_path, google, stack):
    """The writable calendar the pick goes into, as a [[calendars]] entry, and a reader of
    the events written there."""
    if kind == "caldav":
        server = stack.enter_context(radicale_server(tmp_path / "radicale"))
        calendar = server.make_calendar("Offers")
        stack.enter_context(pytest.MonkeyPatch.context()).setenv(
            server.password_env, server.password
        )
        return (
            server.toml_entry("cloud", calendars=["Offers"]),
            "cloud",
            lambda: [e.data for e in calendar.events()],
        )
    google.write_token_for("g", write=True)
    entry = (f'[[calendars]]\nname = "g"\nprovider = "google"\napi_url = "{google.url}"\n'
             f'token_uri = "{google.token_uri}"\nwrite = true\n')  # fmt: skip
    return entry, "g", lambda: [json.dumps(i) for i in google.calendar("primary").items.values()]


@pytest.mark.parametrize("kind", ["caldav", "google"])
def test_an_offer_picked_in_the_browser_is_booked_and_accepted(
    kind,
    browser,  # noqa: F811
    isolated_home,
    tmp_path,
    google,
    run_server,  # noqa: F811
):
    import contextlib

    from tests.assist import scenario

    inbox = Inbox()
    smtp = run_server(inbox)
    port = free_port()
    with contextlib.ExitStack() as stack:
        entry, name, written = _target(kind, isolated_home, tmp_path, google, stack)
        extra = (f'{entry}[offer]\ncalendar = "{name}"\n'
                 f'[serve]\nbase_url = "http://127.0.0.1:{port}/meet/"\n')  # fmt: skip
        path = scenario.write_config(isolated_home, extra=extra, smtp_port=smtp)
        cli("offer", "--config", str(path), "--with", f"Lena Hansen <{LENA}>", "--count", "3",
            "--zone", "Europe/London", "--send")  # fmt: skip
        assert len(inbox.messages) == 1
        offer_mail = email.message_from_bytes(inbox.messages[0][1], policy=policy.default)
        assert offer_mail["To"].addresses[0].addr_spec == LENA
        text = offer_mail.get_body(("plain",)).get_content()
        link = re.search(r"Choose online: (\S+)", text).group(1)
        html = offer_mail.get_body(("html",)).get_content()
        assert f'href="{link}"' in html  # the part most mail programs show links the page too
        ics = [p for p in offer_mail.walk() if p.get_filename()]
        assert [p.get_filename() for p in ics] == ["option-1.ics", "option-2.ics", "option-3.ics"]

        from planner.config import load

        with running(load(path)):
            context = browser.new_context()
            requests: list[str] = []
            context.on("request", lambda r: requests.append(r.url))
            page = context.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(link)
            assert page.locator("li.option").count() == 3
            assert "Europe/London" in page.content()
            assert "Europe/Berlin" in page.locator("li.option").nth(1).inner_text()
            page.locator("li.option").nth(1).get_by_role("button").click()
            page.wait_for_load_state("load")
            assert "Thank you" in page.locator(".notice").inner_text()
            # the option chosen is marked as chosen, the others as gone; nothing asks to choose
            assert "your choice" in page.locator("li.option").nth(1).inner_text()
            assert "no longer available" in page.locator("li.option").nth(0).inner_text()
            assert page.locator("p.lead").count() == 0
            again = context.new_page()
            again.goto(link)
            assert "has been chosen already" in again.content()
            context.close()
        events = written()
    store = state()
    offer = Offers(store).all()[0]
    store.close()
    option = offer.option(2)
    assert offer.status == "picked" and offer.picked == 2 and offer.booked["message"]
    assert sum(option.uid in e for e in events) == 1, events
    invitation = email.message_from_bytes(inbox.messages[1][1], policy=policy.default)
    assert inbox.messages[1][0] == [LENA]
    calendars = [p for p in invitation.walk() if p.get_content_type() == "text/calendar"]
    assert calendars[0].get_param("method") == "REQUEST"
    assert option.uid in calendars[0].get_content()
    # the time in Lena's zone first, as she picked it, and Anna's beside it
    body = invitation.get_body(("plain",)).get_content()
    london = option.start.astimezone(ZoneInfo("Europe/London")).strftime("%H:%M")
    assert f"{london}–" in body and body.index("Europe/London") < body.index("Europe/Berlin")
    assert all(url.startswith(f"http://127.0.0.1:{port}/") for url in requests), requests
    assert dialogs == []
    listing = json.loads(cli("invites", "--config", str(path), "--offline", "--format",
                             "json").stdout)  # fmt: skip
    (invited,) = [s for s in listing["invitations"] if s["uid"] == option.uid]
    assert invited["status"] == "accepted" and invited["counterpart"] == LENA
    (offered,) = listing["offers"]
    assert offered["state"] == "picked" and offered["label"].startswith("picked and accepted")
    table = cli("invites", "--config", str(path), "--offline").stdout
    assert "accepted" in table and offer.id in table
