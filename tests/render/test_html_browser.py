"""The demo week's HTML page in a real headless Chromium, driven by Playwright.

Chromium comes from the Debian package (``.ci/run`` installs it); Playwright only drives it, it
downloads nothing. Without Chromium the tests skip here and fail in CI (``$CI`` set).
Screenshots at desktop and phone width land in ``test-artifacts/`` at the repository root.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.locations import ROOT

pytestmark = pytest.mark.slow

WEEK = "2026-W50"
ARTIFACTS = ROOT / "test-artifacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def chromium_path() -> str | None:
    for candidate in (os.environ.get("PLANNER_CHROMIUM"), shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must provide it (.ci/run installs the Debian package)")
    pytest.skip(f"{reason} (apt-get install chromium; pip install -e '.[test]')")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = chromium_path()
    if executable is None:
        missing("Chromium is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the Playwright Python package is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """The demo week as HTML (a file) and as the JSON view it is drawn from."""
    folder = tmp_path_factory.mktemp("html")
    target = folder / "week.html"
    runner = CliRunner()
    result = runner.invoke(
        main, ["week", "--demo", "--week", WEEK, "--format", "html", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["week", "--demo", "--week", WEEK, "--format", "json"])
    assert result.exit_code == 0, result.output
    return target, json.loads(result.stdout)


class Page:
    """A page opened on the file, with everything it logged or tried to fetch."""

    def __init__(self, browser: object, path: Path, viewport: dict, media: str = "screen"):
        self.context = browser.new_context(viewport=viewport)
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.emulate_media(media=media)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")

    def _route(self, route: object) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.problems.append(f"network request: {route.request.url}")
            route.abort()

    def _console(self, message: object) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text}")

    def check_clean(self) -> None:
        assert self.problems == []
        assert all(url.startswith("file:") for url in self.requests), self.requests

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def desktop(browser: object, week: tuple[Path, dict]) -> Iterator[Page]:
    page = Page(browser, week[0], DESKTOP)
    yield page
    page.close()


@pytest.fixture
def phone(browser: object, week: tuple[Path, dict]) -> Iterator[Page]:
    page = Page(browser, week[0], PHONE)
    yield page
    page.close()


def in_week(data: dict) -> list[tuple[str, dict]]:
    start, end = data["week"]["start"][:10], data["week"]["end"][:10]
    return [
        (event["uid"], proposal)
        for event in data["events"]
        for proposal in event["proposals"]
        if start <= proposal["start"][:10] < end
    ]


def is_flagged(event: dict) -> bool:
    return (event.get("recommendation") or {}).get("action") == "meet_in_person"


def test_desktop_shows_every_meeting_as_a_block_with_its_mode(desktop, week):
    _, data = week
    page = desktop.page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "week-desktop.png"), full_page=True)
    assert page.locator(".week").is_visible()
    assert not page.locator(".agenda").is_visible()
    timed = [e for e in data["events"] if not e["all_day"]]
    assert len(timed) >= 10
    for event in timed:
        block = page.locator(f'.week .event[data-uid="{event["uid"]}"]')
        assert block.count() == 1, event["title"]
        assert block.is_visible(), event["title"]
        assert block.get_attribute("data-mode") == event["mode"], event["title"]
        assert block.get_attribute("data-flagged") == str(is_flagged(event)).lower()
        assert block.locator("svg.flag").count() == (1 if is_flagged(event) else 0)
        if is_flagged(event):
            assert block.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    for event in (e for e in data["events"] if e["all_day"]):
        assert page.locator(f'.allday [data-uid="{event["uid"]}"]').is_visible()
    desktop.check_clean()


def test_desktop_proposals_are_dashed_blocks_with_their_venue(desktop, week):
    _, data = week
    expected = in_week(data)
    assert expected
    blocks = desktop.page.locator(".week .proposal")
    assert blocks.count() == len(expected)
    for uid, proposal in expected:
        venue = proposal["venue"]["name"]
        block = desktop.page.locator(f'.week .proposal[data-for="{uid}"][data-venue="{venue}"]')
        assert block.count() >= 1, (uid, venue)
        assert block.first.is_visible()
        assert block.first.evaluate("e => getComputedStyle(e).borderTopStyle") == "dashed"
        assert venue in block.first.inner_text()
    desktop.check_clean()


def test_desktop_blocks_stay_in_their_day_and_do_not_overlap(desktop):
    boxes = desktop.page.evaluate(
        """() => [...document.querySelectorAll('.week .day')].map(day => {
            const d = day.getBoundingClientRect();
            return {day: [d.left, d.top, d.right, d.bottom], blocks: [...day.querySelectorAll(
                '.block')].map(b => { const r = b.getBoundingClientRect();
                return [r.left, r.top, r.right, r.bottom]; })};
        })"""
    )
    assert len(boxes) == 7
    for column in boxes:
        left, top, right, bottom = column["day"]
        for b in column["blocks"]:
            assert left - 0.5 <= b[0] < b[2] <= right + 0.5 and top - 0.5 <= b[1] < b[3] <= bottom
        for i, a in enumerate(column["blocks"]):
            for b in column["blocks"][i + 1 :]:
                overlap_x = min(a[2], b[2]) - max(a[0], b[0])
                overlap_y = min(a[3], b[3]) - max(a[1], b[1])
                assert overlap_x <= 0.5 or overlap_y <= 0.5, (a, b)


def test_desktop_side_panel_has_balance_chart_recommendations_and_due(desktop, week):
    _, data = week
    page = desktop.page
    balance = page.locator("aside .balance")
    assert "43%" in balance.inner_text()
    chart = balance.locator("svg.chart")
    assert chart.is_visible() and chart.bounding_box()["height"] > 40
    assert chart.locator("rect").count() == len(data["balance"]["trend"]) + 1
    flagged = [e for e in data["events"] if is_flagged(e)]
    for event in flagged:
        assert page.locator(f'aside .recommendations li[data-uid="{event["uid"]}"]').is_visible()
    due = page.locator("aside .due li")
    assert due.count() == len(data["due_for_visit"]) >= 1
    assert data["due_for_visit"][0]["account"] in due.first.inner_text()
    desktop.check_clean()


def test_text_on_blocks_and_badges_has_enough_contrast(desktop):
    ratios = desktop.page.evaluate(
        """() => {
        const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number)
            .map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
            return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        return [...document.querySelectorAll('.week .block, .pill')].map(e => {
            const s = getComputedStyle(e), a = lum(s.color), b = lum(s.backgroundColor);
            return [e.textContent, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
        });
    }"""
    )
    assert ratios
    low = [(text, round(ratio, 2)) for text, ratio in ratios if ratio < 4.5]
    assert low == []


def test_phone_shows_the_agenda_without_horizontal_overflow(phone, week):
    _, data = week
    page = phone.page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "week-phone.png"), full_page=True)
    assert page.locator(".agenda").is_visible()
    assert not page.locator(".week").is_visible()
    scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
    assert scroll_width <= PHONE["width"]
    for event in data["events"]:
        item = page.locator(f'.agenda [data-uid="{event["uid"]}"]')
        assert item.count() == 1 and item.is_visible(), event["title"]
        assert item.get_attribute("data-mode") == event["mode"]
    assert page.locator(".agenda .a-proposal").count() == len(in_week(data))
    assert page.locator("aside .balance svg.chart").is_visible()
    phone.check_clean()


def test_print_keeps_the_grid_and_fits_landscape_pages(browser, week):
    printed = Page(browser, week[0], DESKTOP, media="print")
    try:
        assert printed.page.locator(".week").is_visible()
        assert not printed.page.locator(".agenda").is_visible()
        ARTIFACTS.mkdir(exist_ok=True)
        pdf = printed.page.pdf(path=str(ARTIFACTS / "week-print.pdf"), prefer_css_page_size=True)
        assert pdf.startswith(b"%PDF")
        printed.check_clean()
    finally:
        printed.close()
