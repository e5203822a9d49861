"""The static offer page (``planner offer --out``) in a real headless Chromium: it fetches
nothing (every request counted), runs nothing, shows hostile names as text, and its accept link,
sent as the mail client composes it, is read back by ``planner replies``."""

from __future__ import annotations

import base64
import json
from urllib.parse import unquote

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.assist import scenario
from tests.flows.offer_world import LENA, ME, into_maildir, mail_from_link
from tests.render.test_html_browser import browser  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow
HOSTILE_TITLE = "<script>alert('title')</script> \u202eevil\u202c \"quoted\" " + "x" * 600
HOSTILE_NAME = '<img src=x onerror="alert(1)">'


def cli(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


def open_page(chromium, path):
    context = chromium.new_context()
    seen: list[str] = []
    blocked: list[str] = []

    def route(r):
        seen.append(r.request.url)
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return context, page, seen, blocked, dialogs, errors


def test_the_static_offer_fetches_nothing_and_its_accept_mail_is_read_back(
    browser,  # noqa: F811
    isolated_home,
    tmp_path,
):
    config = scenario.write_config(isolated_home)
    out = tmp_path / "offer.html"
    cli("offer", "--config", str(config), "--with", f"Lena Hansen <{LENA}>", "--out", str(out))
    context, page, seen, blocked, dialogs, errors = open_page(browser, out)
    try:
        assert seen == [out.as_uri()] and blocked == [] and dialogs == [] and errors == []
        options = page.locator("li.option")
        assert options.count() == 3
        assert page.locator("script").count() == 0
        hrefs = [a.get_attribute("href") for a in page.locator("a.accept").all()]
        assert all(h.startswith(f"mailto:{ME}?subject=") for h in hrefs)
        assert len({unquote(h).split("PLANNER-OFFER:")[1][:20] for h in hrefs}) == 3
        data = options.nth(0).locator("a[download]").get_attribute("href")
        ics = base64.b64decode(data.split(",", 1)[1])
        assert b"BEGIN:VCALENDAR" in ics and b"METHOD:REQUEST" in ics
        maps = page.locator("a[href^='https://www.openstreetmap.org/']")
        assert maps.count() == 3 and maps.first.get_attribute("rel") == "noreferrer noopener"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= page.viewport_size["width"]  # nothing runs off the page
        accept_second = hrefs[1]
    finally:
        context.close()
    box = into_maildir(tmp_path / "Mail", mail_from_link(accept_second, f"Lena <{LENA}>"))
    read = cli("replies", "--config", str(config), str(box))
    assert "picked" in read.stdout and "planner offer --book" in read.stdout
    assert "1 for offers, 0 new" in read.stdout  # the pick is counted, not "0 new" alone
    listing = json.loads(
        cli("invites", "--config", str(config), "--offline", "--format", "json").stdout
    )
    (offer,) = listing["offers"]
    assert offer["state"] == "picked" and offer["picked"] == 2
    assert offer["command"] == f"planner offer --book {offer['id']} --send"


def test_hostile_titles_and_names_stay_text_in_the_browser(
    browser,  # noqa: F811
    isolated_home,
    tmp_path,
):
    config = scenario.write_config(isolated_home)
    out = tmp_path / "offer.html"
    cli("offer", "--config", str(config), "--with", f'"{HOSTILE_NAME}" <{LENA}>',
        "--title", HOSTILE_TITLE, "--count", "2", "--out", str(out))  # fmt: skip
    context, page, seen, blocked, dialogs, errors = open_page(browser, out)
    try:
        assert dialogs == [] and errors == [] and blocked == []
        assert page.locator("script").count() == 0 and page.locator("img").count() == 0
        text = page.locator("main").inner_text()
        assert HOSTILE_NAME in text and "U+202E" in text and "\u202e" not in text
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= page.viewport_size["width"]
    finally:
        context.close()


def test_the_offer_mail_html_stands_alone_and_reads_without_its_style(
    browser,  # noqa: F811
    isolated_home,
    tmp_path,
):
    """The HTML part of the offer e-mail, as a mail client shows it: nothing fetched, nothing
    run; and where a client drops the style sheet, every option still shows its time, place,
    hours, travel, reasons and accept link, in order."""
    import email
    import re
    from email import policy

    from planner.config import load
    from planner.render.offer_message import offer_email
    from tests.flows.offer_world import offer_to, state

    cfg = load(scenario.write_config(isolated_home))
    store = state()
    (offer,) = offer_to(cfg, store, LENA, count=3, zone="Europe/London")
    store.close()
    message = email.message_from_bytes(bytes(offer_email(cfg, offer)), policy=policy.default)
    assert message.get_content_type() == "multipart/mixed"
    kinds = [p.get_content_type() for p in message.walk()]
    assert "text/calendar" not in kinds  # no client puts all options into the calendar
    html = message.get_body(("html",)).get_content()
    for name, markup in (("styled", html), ("unstyled", re.sub(r"<style>.*?</style>", "", html,
                                                                flags=re.S))):  # fmt: skip
        out = tmp_path / f"{name}.html"
        out.write_text(markup, encoding="utf-8")
        context, page, seen, blocked, dialogs, errors = open_page(browser, out)
        try:
            assert seen == [out.as_uri()] and blocked == [] and errors == [], name
            options = page.locator("li.option")
            assert options.count() == 3
            for n in range(3):
                text = options.nth(n).inner_text()
                assert text.startswith(str(n + 1)), text
                for words in ("Where", "Travel", "Why here", "(Europe/Berlin)",
                              f"attached: option-{n + 1}.ics"):  # fmt: skip
                    assert words in text, (name, words, text)
                # a meeting in person: the heading is the time in Munich, where they meet;
                # the London counterpart's own clock below it, an hour earlier
                heading = options.nth(n).locator("h2").inner_text()
                assert heading.endswith("(Europe/Berlin)"), heading
                below = options.nth(n).locator(".other-zone").inner_text()
                assert below.startswith("Your time (Europe/London): "), below
                hour = int(heading.split(", ")[-1][:2])
                assert below.split(", ")[-1].startswith(f"{hour - 1:02d}:"), (heading, below)
            hrefs = [a.get_attribute("href") for a in page.locator("a.accept").all()]
            assert len(hrefs) == 3 and all(h.startswith(f"mailto:{ME}?") for h in hrefs)
        finally:
            context.close()
