"""The weekly page's "Keep in touch" section in a real headless Chromium, at desktop and phone
width: the people of next week's Hamburg trip with their proposals, visible and not cut off."""

from __future__ import annotations

import pytest

from planner import api
from planner.config import load
from planner.render import render_week
from planner.store import open_store
from tests.flows.touch_scenario import NOW, TRIP_MONDAY, write_home
from tests.render.test_html_browser import DESKTOP, PHONE, browser  # noqa: F401

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_section_is_visible_with_names_and_proposals(browser, tmp_path, size):  # noqa: F811
    config = load(write_home(tmp_path / "files"))
    plan = api.plan_week(config, TRIP_MONDAY, now=NOW, store=open_store())
    page_file = tmp_path / "week.html"
    page_file.write_text(render_week(plan, "html"), encoding="utf-8")
    page = browser.new_page(viewport=size)
    try:
        page.goto(page_file.as_uri())
        section = page.locator("section.keep")
        assert section.is_visible()
        assert section.locator("h2").inner_text() == "Keep in touch"
        items = section.locator("li")
        texts = [items.nth(i).inner_text() for i in range(items.count())]
        assert [t.split(" · ")[0] for t in texts] == [
            "Lena Hansen",
            "Ole Brandt",
        ]  # Ole: due 2 months after his first call
        for text in texts:  # a proposal each: a time and a venue in Hamburg
            assert "→" in text and "Hamburg" in text
        box = section.bounding_box()
        assert box is not None and box["width"] <= size["width"]
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= size["width"], "the page scrolls sideways"
    finally:
        page.close()
