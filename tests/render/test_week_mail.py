"""Issue 20, second acceptance point: ``planner week --mail --send`` through the real SMTP
server of the tests (aiosmtpd on loopback); the HTML part renders in headless Chromium without
a single network request, and the text part lists the same meetings."""

from __future__ import annotations

import email
import re
from email import policy
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)
from tests.render.test_html_browser import FLAGS, chromium_path, missing

pytestmark = pytest.mark.slow
WEEK = "2026-W50"
DAY_ROW = re.compile(r"^\| (\d\d:\d\d–\d\d:\d\d|all day) \| ")


def demo_config(tmp_path: Path, port: int) -> Path:
    """The demo persona's calendars as .ics files, and a config that sends to ``port``."""
    from datetime import date

    from planner.demo import CONFIG, calendars

    entries = []
    for name, data in calendars(date(2026, 12, 7)).items():
        path = tmp_path / f"{name}.ics"
        path.write_bytes(data)
        entries += ["[[calendars]]", f'name = "{name}"', 'provider = "ics"', f'path = "{path}"']
    user = CONFIG["user"]
    lines = [
        "[user]",
        f'name = "{user["name"]}"',
        f'email = "{user["email"]}"',
        f'timezone = "{user["timezone"]}"',
        'language = "en"',
        "[smtp]",
        'host = "127.0.0.1"',
        f"port = {port}",
        'security = "none"',
        *entries,
    ]
    config = tmp_path / "config.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


@pytest.fixture
def mailed(tmp_path, run_server):  # noqa: F811
    inbox = Inbox()
    config = demo_config(tmp_path, run_server(inbox))
    args = ["week", "--config", str(config), "--week", WEEK, "--mail", "--to", "me@example.org"]
    dry = CliRunner().invoke(main, args)
    assert dry.exit_code == 0, dry.output
    assert inbox.messages == []  # a dry run sends nothing ...
    assert "[text/html;" in dry.stdout and "Subject: Your week 2026-W50" in dry.stdout
    sent = CliRunner().invoke(main, [*args, "--send"])
    assert sent.exit_code == 0, sent.output
    assert len(inbox.messages) == 1
    recipients, raw, _tls = inbox.messages[0]
    assert recipients == ["me@example.org"]
    return email.message_from_bytes(raw, policy=policy.default)


def parts(message) -> tuple[str, str]:
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    return text, html


def test_html_part_renders_offline_and_text_part_has_the_same_meetings(mailed):
    text, html = parts(mailed)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert "<link" not in html and "<script" not in html and "@import" not in html
    executable = chromium_path()
    if executable is None:
        missing("Chromium is not installed")
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        page = browser.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.set_content(html, wait_until="load")
        shown = page.eval_on_selector_all(
            ".a-event .what b", "nodes => nodes.map(n => n.textContent)"
        )
        visible = page.eval_on_selector_all(
            "[data-mode]", "nodes => nodes.filter(n => n.getClientRects().length > 0).length"
        )
        width = page.evaluate("document.body.scrollWidth")
        browser.close()
    assert requests == []  # not one request: styles and graphics are in the page
    assert width > 0 and visible
    assert len(set(shown)) >= 10, shown  # the agenda lists the demo week's meetings
    flat = " ".join(text.replace("\\|", "|").split())
    assert [t for t in set(shown) if " ".join(t.split()) not in flat] == []
    rows = [line.split(" | ") for line in text.splitlines() if DAY_ROW.match(line)]
    titles = [row[1].removeprefix("⚑ ").replace("\\|", "|") for row in rows]
    assert sorted(titles) == sorted(shown)  # the same meetings, no more, no fewer


def test_mail_options_are_checked_before_anything_is_read():
    runner = CliRunner()
    for args, message in (
        (["--send"], "--send and --to go with --mail"),
        (["--mail", "--to", "not-an-address"], "'not-an-address' is not an e-mail address"),
        (["--mail", "--send"], "--send does not work with --demo"),
    ):
        result = runner.invoke(main, ["week", "--demo", *args])
        assert result.exit_code == 2, result.output
        assert result.stderr.strip() == f"planner: error: {message}" or message in result.stderr
        assert "Traceback" not in result.output
