"""QA report E, finding 1: a plan says itself which calendars it lacks or shows from an earlier
copy. Warnings on stderr and the exit status are lost in the documented cron line
``planner week --mail --send --quiet``; the terminal table, the Markdown, the HTML page, the
JSON and the mail (subject, text and HTML part) each carry the sources' health near the top,
without the secrets of a calendar's URL. A plan whose calendars were all read is unchanged.

Real parts: an ICS URL calendar behind a local HTTP server (up, then failing), a URL on a
closed port, a calendar file, the real state database, the tests' loopback SMTP server
(aiosmtpd) and headless Chromium for the mail's HTML part."""

from __future__ import annotations

import email
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email import policy
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from planner.cli import common, main
from tests.calendar.ics_server import IcsServer
from tests.invite.test_mail import Inbox, free_port, run_server  # noqa: F401  (fixture)
from tests.render.test_html_browser import FLAGS, chromium_path, missing

NOW = datetime(2026, 12, 7, 18, 0, tzinfo=UTC)  # Monday of 2026-W50, 19:00 in Berlin
TOKEN = "tok-s3cr3t-4711"
PARTIAL = 3


def _ics(uid: str, start: str, title: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:{start}\r\nDURATION:PT1H\r\n"
        f"SUMMARY:{title}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


@pytest.fixture
def team() -> Iterator[IcsServer]:
    server = IcsServer(_ics("review@t", "20261209T150000Z", "Quarterly review"))
    yield server
    server.close()


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "now_in", lambda tz: NOW.astimezone(tz))


def _config(
    tmp_path: Path, team: IcsServer, *, down: bool, lang: str = "en", port: int = 0
) -> Path:
    own = tmp_path / "own.ics"
    own.write_text(_ics("lunch@t", "20261208T110000Z", "Lunch with Jana"), encoding="utf-8")
    calendars = [("own", f'path = "{own}"'), ("team", f'url = "{team.url}?token={TOKEN}"')]
    if down:  # nothing listens there: connection refused
        calendars.append(("down-url", f'url = "http://127.0.0.1:{free_port()}/{TOKEN}/x.ics"'))
    lines = [
        "[user]",
        'name = "Mia Roth"',
        'email = "mia@planner.test"',
        'timezone = "Europe/Berlin"',
        f'language = "{lang}"',
        "[smtp]",
        'host = "127.0.0.1"',
        f"port = {port or 1}",
        'security = "none"',
    ]
    for name, where in calendars:
        lines += ["[[calendars]]", f'name = "{name}"', 'provider = "ics"', where, "timeout = 5"]
    path = tmp_path / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _week(config: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["week", "--config", str(config), "--week", "2026-W50", *args])


def _failing(team: IcsServer, config: Path) -> None:
    """A first run keeps the team calendar's copy; then its server fails."""
    first = _week(config, "--format", "json")
    assert first.exit_code in (0, PARTIAL), first.output
    team.failing = True


def _no_secret(*texts: str) -> None:
    for text in texts:
        assert TOKEN not in text


def _top(text: str, marker: str) -> str:
    """What ``text`` shows before ``marker`` (the first day's heading, the meetings)."""
    assert marker in text, text
    return text[: text.index(marker)]


def test_json_names_missing_and_copied_calendars(tmp_path: Path, team: IcsServer) -> None:
    config = _config(tmp_path, team, down=True)
    _failing(team, config)
    result = _week(config, "--format", "json")
    assert result.exit_code == PARTIAL, result.output
    data = json.loads(result.stdout)
    entries = {e["calendar"]: e for e in data["unread_calendars"]}
    assert set(entries) == {"team", "down-url"}  # the file was read: not listed
    assert entries["down-url"]["missing"] is True
    assert entries["down-url"]["copy_read_at"] is None
    assert "connection refused" in entries["down-url"]["reason"]
    assert entries["team"]["missing"] is False
    assert "503" in entries["team"]["reason"]
    assert entries["team"]["copy_read_at"].endswith("+01:00")  # the user's zone
    assert entries["team"]["copy_age_minutes"] >= 0
    assert [e["title"] for e in data["events"]] == ["Lunch with Jana", "Quarterly review"]
    assert list(data)[:2] == ["week", "unread_calendars"]  # near the top
    _no_secret(result.stdout, result.stderr)


def test_a_plan_of_calendars_all_read_is_unchanged(tmp_path: Path, team: IcsServer) -> None:
    config = _config(tmp_path, team, down=False)
    result = _week(config, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["unread_calendars"] == []
    for fmt in ("table", "markdown"):
        shown = _week(config, "--format", fmt).stdout
        assert "calendar '" not in shown and "incomplete" not in shown
    assert 'class="unread' not in _week(config, "--format", "html").stdout


@pytest.mark.parametrize("lang", ["en", "de"])
def test_table_and_markdown_say_it_before_the_days(
    tmp_path: Path, team: IcsServer, lang: str
) -> None:
    config = _config(tmp_path, team, down=True, lang=lang)
    _failing(team, config)
    for fmt, marker in (("table", "Lunch with Jana"), ("markdown", "\n## ")):
        result = _week(config, "--format", fmt)
        assert result.exit_code == PARTIAL, result.output
        top = _top(result.stdout, marker)
        assert "'down-url'" in top and "'team'" in top, top
        refused = "connection refused" if lang == "en" else "Verbindung abgelehnt"
        assert refused in " ".join(top.split())
        _no_secret(result.stdout)


def test_only_copies_is_no_incomplete_plan(tmp_path: Path, team: IcsServer) -> None:
    """A calendar shown from its copy is named with the copy's age, but the plan holds its
    events: no "incomplete" heading, and the exit status is 0."""
    config = _config(tmp_path, team, down=False)
    _failing(team, config)
    result = _week(config, "--format", "markdown")
    assert result.exit_code == 0, result.output
    top = _top(result.stdout, "\n## ")
    assert "calendar 'team'" in top and "minute" in top
    assert "incomplete" not in top
    assert "Quarterly review" in result.stdout


def test_the_mailed_plan_says_it_is_incomplete(
    tmp_path: Path,
    team: IcsServer,
    run_server,  # noqa: F811
) -> None:
    """The cron line: --quiet, stderr and the exit status go nowhere; the mail says it all."""
    inbox = Inbox()
    config = _config(tmp_path, team, down=True, port=run_server(inbox))
    _failing(team, config)
    sent = CliRunner().invoke(
        main,
        ["week", "--config", str(config), "--week", "2026-W50", "--mail", "--send", "--quiet"],
    )
    assert sent.exit_code == PARTIAL, sent.output
    (_rcpt, raw, _tls), = inbox.messages  # fmt: skip
    message = email.message_from_bytes(raw, policy=policy.default)
    assert "incomplete" in message["Subject"] and "2026-W50" in message["Subject"]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    _no_secret(raw.decode("utf-8", "replace"), text, html)
    top = _top(text, "\n## ")
    assert "'down-url'" in top and "'team'" in top
    executable = chromium_path()
    if executable is None:
        missing("Chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        page = browser.new_page()
        page.set_content(html, wait_until="load")
        alert = page.locator("[role=alert]")
        shown = alert.inner_text() if alert.count() == 1 and alert.is_visible() else ""
        box = alert.bounding_box() if shown else None
        grid = page.locator(".week").bounding_box()
        browser.close()
    assert "'down-url'" in shown and "'team'" in shown, shown
    assert box is not None and grid is not None and box["y"] < grid["y"]  # above the week


def test_a_complete_mail_keeps_its_subject(tmp_path: Path, team: IcsServer) -> None:
    config = _config(tmp_path, team, down=False)
    dry = _week(config, "--mail", "--to", "mia@planner.test")
    assert dry.exit_code == 0, dry.output
    subject = re.search(r"^Subject: (.*)$", dry.stdout, re.M)
    assert subject is not None
    assert subject.group(1) == "Your week 2026-W50: meetings, in-person proposals, answers"
