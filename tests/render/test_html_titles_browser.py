"""Issue 28: the HTML week of a realistic calendar in a real headless Chromium, at 1280 and at
390 pixels: a short meeting's full title can be read (the block grows on hover and on keyboard
focus; the phone list wraps it), and no conference password or token is anywhere in the page,
neither in its text nor in its DOM (attributes and tooltips included)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.cli import realistic
from tests.render.test_html_browser import ARTIFACTS, DESKTOP, PHONE, Page, browser  # noqa: F401

pytestmark = pytest.mark.slow

SECRET_QUERY = re.compile(r"(?:pwd|tk|token|passcode|password)=", re.IGNORECASE)
UID = "{}@realistic.example"


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("html28")
    config = realistic.write(folder / "cal", language="de")
    target = folder / "week.html"
    result = CliRunner().invoke(main, [
        "week", "--config", str(config), "--week", realistic.WEEK, "--format", "html",
        "-o", str(target),
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    return target


@pytest.fixture(params=[DESKTOP, PHONE], ids=["1280", "390"])
def opened(request: pytest.FixtureRequest, browser: object, page_file: Path) -> Iterator[Page]:  # noqa: F811
    page = Page(browser, page_file, request.param)
    yield page
    page.close()


def test_no_secret_in_the_file(page_file: Path):
    text = page_file.read_text(encoding="utf-8")
    assert not [s for s in realistic.SECRETS if s in text]
    assert not SECRET_QUERY.search(text)
    assert "https://us06web.zoom.us" not in text


def test_no_secret_in_the_dom_or_the_text(opened: Page):
    dom = opened.page.content()
    text = opened.page.evaluate("() => document.body.innerText")
    attributes = opened.page.evaluate(
        "() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
        ".map(a => a.value)).join(' ')"
    )
    for where in (dom, text, attributes):
        assert not [s for s in realistic.SECRETS if s in where]
        assert not SECRET_QUERY.search(where)
    assert "Zoom" in text + attributes and "Webex" in text + attributes  # named instead
    opened.check_clean()


def _title_shown(block: object) -> dict:
    return block.evaluate(
        """b => { const t = b.querySelector('.t'); const r = t.getBoundingClientRect();
        const box = b.getBoundingClientRect();
        return {text: t.innerText, wide: t.scrollWidth - t.clientWidth,
                high: t.scrollHeight - t.clientHeight,
                inside: r.bottom <= box.bottom + 1 && r.right <= box.right + 1}; }"""
    )


def test_desktop_short_meeting_shows_its_full_title_on_hover_and_focus(browser, page_file):  # noqa: F811
    page = Page(browser, page_file, DESKTOP)
    try:
        block = page.page.locator(f'.week .event[data-uid="{UID.format("short-1")}"]')
        assert block.count() == 1 and "short" in (block.get_attribute("class") or "")
        before = _title_shown(block)
        assert before["wide"] > 0 or before["high"] > 0  # too small: cut while at rest
        block.hover()
        shown = _title_shown(block)
        assert realistic.SHORT_TITLE in " ".join(shown["text"].split())
        assert shown["wide"] <= 1 and shown["high"] <= 1 and shown["inside"], shown
        ARTIFACTS.mkdir(exist_ok=True)
        page.page.screenshot(path=str(ARTIFACTS / "week-short-hover.png"), full_page=True)
        page.page.mouse.move(0, 0)
        block.focus()  # the keyboard reaches it too
        focused = _title_shown(block)
        assert focused["wide"] <= 1 and focused["high"] <= 1 and focused["inside"], focused
        page.check_clean()
    finally:
        page.close()


def test_desktop_every_meeting_can_show_its_whole_title(browser, page_file):  # noqa: F811
    page = Page(browser, page_file, DESKTOP)
    try:
        blocks = page.page.locator(".week .event")
        assert blocks.count() >= 10
        for index in range(blocks.count()):
            block = blocks.nth(index)
            block.focus()
            shown = _title_shown(block)
            assert shown["wide"] <= 1 and shown["high"] <= 1 and shown["inside"], shown
    finally:
        page.close()


def test_phone_lists_short_meetings_with_their_full_title(browser, page_file):  # noqa: F811
    page = Page(browser, page_file, PHONE)
    try:
        ARTIFACTS.mkdir(exist_ok=True)
        page.page.screenshot(path=str(ARTIFACTS / "week-phone-realistic.png"), full_page=True)
        item = page.page.locator(f'.agenda li[data-uid="{UID.format("short-1")}"]')
        assert item.is_visible()
        title = item.locator(".what b")
        assert " ".join(title.inner_text().split()) == realistic.SHORT_TITLE
        assert title.evaluate("t => t.scrollWidth <= t.clientWidth + 1")
        overflow = page.page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        text = item.inner_text()
        assert "Microsoft Teams" in text and "https://" not in text
        page.check_clean()
    finally:
        page.close()
