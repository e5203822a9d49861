"""The HTML week in headless Chromium: proposals numbered and linked to their meeting, short
events readable, and no word broken in the middle, even in narrow overlapping lanes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.render.test_html import event
from tests.render.test_html import page as week_page
from tests.render.test_html_browser import (  # noqa: F401  (fixtures)
    DESKTOP,
    Page,
    browser,
    desktop,
    in_week,
    week,
)

pytestmark = pytest.mark.slow

LONG_WORDS = (
    "Vertragsunterzeichnungsvorbereitung Rahmenvereinbarung",
    "Geschäftsführungsbesprechung Quartalsplanung",
    "Kundenzufriedenheitsanalyse Abschlusspräsentation",
    "Digitalisierungsstrategieworkshop",
)


def test_proposals_show_their_identifier_and_link_to_their_meeting(desktop, week):  # noqa: F811
    _, data = week
    ids = {p["id"]: uid for uid, p in in_week(data)}
    assert ids and all(len(i) == 6 for i in ids)
    for ident, uid in ids.items():
        block = desktop.page.locator(f'.week .proposal[data-id="{ident}"]')
        assert block.count() >= 1 and block.first.get_attribute("data-for") == uid
        assert ident in block.first.get_attribute("title")
        target = block.first.locator("a.t").get_attribute("href")
        assert target and target.startswith("#")
        linked = desktop.page.locator(target)
        assert linked.count() == 1 and linked.get_attribute("data-uid") == uid
        assert f"{ident} · " in linked.inner_text()  # the same identifier under the meeting
    same = desktop.page.locator(".week .proposal.same")
    assert same.count() >= 1 and "same time" in same.first.inner_text()
    desktop.check_clean()


def words_broken_inside(page: object, selector: str) -> list[str]:
    """Words of the visible text that the layout split over two lines."""
    return page.evaluate(
        """(selector) => {
            const broken = [];
            for (const el of document.querySelectorAll(selector)) {
                const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const re = /\\S+/g; let m;
                    while ((m = re.exec(node.data))) {
                        const range = document.createRange();
                        range.setStart(node, m.index);
                        range.setEnd(node, m.index + m[0].length);
                        const tops = new Set([...range.getClientRects()]
                            .filter(r => r.width > 0).map(r => Math.round(r.top)));
                        if (tops.size > 1) broken.push(m[0]);
                    }
                }
            }
            return broken;
        }""",
        selector,
    )


def test_overlapping_events_never_break_a_word_in_the_middle(browser, tmp_path):  # noqa: F811
    events = [
        event(f"e{i}", "2026-12-08T10:00:00+01:00", "2026-12-08T12:00:00+01:00", title=title)
        for i, title in enumerate(LONG_WORDS)
    ]
    events.append(
        event(
            "short",
            "2026-12-09T09:00:00+01:00",
            "2026-12-09T09:15:00+01:00",
            title="Kurzer Anruf Steuerberater",
        )  # fmt: skip
    )
    path = Path(tmp_path) / "overlap.html"
    path.write_text(week_page(events)[0], encoding="utf-8")
    page = Page(browser, path, DESKTOP)
    try:
        assert page.page.locator(".week .block").count() == len(events)
        assert words_broken_inside(page.page, ".week .block .t") == []
        short = page.page.locator('.week .block[data-uid="short"]')
        assert "Kurzer Anruf Steuerberater" in (short.get_attribute("title") or "")
        title_box = short.locator(".t").bounding_box()
        assert title_box and title_box["height"] > 6  # one readable line, not squeezed away
        assert "Kurzer" in short.locator(".t").inner_text()
        page.check_clean()
    finally:
        page.close()


def test_a_crowded_day_draws_its_first_blocks_inside_its_column(browser, tmp_path):  # noqa: F811
    """A shared calendar's day of 150 meetings at once: the first 100 are drawn, in lanes
    narrower than a block's padding, and none of them paints over the next day."""
    events = [
        event(f"c{i}", "2026-12-08T10:00:00+01:00", "2026-12-08T11:00:00+01:00", title=f"Slot {i}")
        for i in range(150)
    ]
    events.append(
        event("next", "2026-12-09T09:00:00+01:00", "2026-12-09T12:00:00+01:00", title="Review")
    )
    path = Path(tmp_path) / "crowded.html"
    path.write_text(week_page(events)[0], encoding="utf-8")
    page = Page(browser, path, DESKTOP)
    try:
        crowded = page.page.locator('.week .day[data-day="2026-12-08"]')
        assert crowded.locator(".block").count() == 100
        assert "+50 more" in page.page.locator(".week .head").nth(2).inner_text()
        box = crowded.bounding_box()
        assert box is not None
        for y in (box["y"] + 2.2 * 52, box["y"] + 2.5 * 52):  # 10:12 and 10:30 (--hour: 52px)
            under = page.page.evaluate(
                "([x, y]) => document.elementsFromPoint(x, y).map(e => e.closest('.block'))"
                ".filter(Boolean).map(b => b.dataset.uid)",
                [box["x"] + box["width"] + 3, y],
            )
            assert not [uid for uid in under if uid.startswith("c")], under  # none spilt over
        page.check_clean()
    finally:
        page.close()
