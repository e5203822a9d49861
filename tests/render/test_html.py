"""The weekly HTML view's structure, read back with ``html.parser`` (no browser; see
test_html_browser.py for the rendered page)."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest

from planner import api, i18n
from planner.render.html import build_view, week_html
from planner.render.html_view import lanes
from planner.render.json import week_to_dict
from planner.store import Store

WEEK_START = date(2026, 12, 7)  # Monday of 2026-W50


class Element:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Element | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element] = []
        self.text_parts: list[str] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(self.text_parts) + "".join(c.text() for c in self.children)

    def iter(self) -> list[Element]:
        found = [self]
        for child in self.children:
            found += child.iter()
        return found

    def find_all(self, predicate: object) -> list[Element]:
        return [e for e in self.iter()[1:] if predicate(e)]

    def by_class(self, name: str) -> list[Element]:
        return self.find_all(lambda e: name in e.classes)


VOID = {"meta", "br", "rect", "line", "path", "link", "img", "input"}


class TreeBuilder(HTMLParser):
    """A small DOM: enough to ask which blocks sit in which column with which attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        self.current = self.current.parent or self.root

    def handle_data(self, data: str) -> None:
        self.current.text_parts.append(data)


def parse(html: str) -> TreeBuilder:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.current is builder.root, "unclosed elements"
    return builder


def page(events: list[dict], **week: object) -> tuple[str, Element]:
    data = {
        "week": {
            "start": "2026-12-07T00:00:00+01:00",
            "end": "2026-12-14T00:00:00+01:00",
            "iso_week": "2026-W50",
            "timezone": "Europe/Berlin",
            **week,
        },
        "events": events,
        "stats": {"meetings": len(events), "hours": 1.0, "external_hours": 1.0},
        "balance": None,
        "due_for_visit": [],
    }
    html = week_html(data)
    return html, parse(html).root


def event(uid: str, start: str, end: str, **fields: object) -> dict:
    return {
        "uid": uid,
        "title": fields.pop("title", uid),
        "start": start,
        "end": end,
        "all_day": False,
        "location": "",
        "mode": "virtual",
        "meeting": True,
        "recommendation": None,
        "proposals": [],
        **fields,
    }


def grid_blocks(root: Element, uid: str) -> list[Element]:
    week = root.by_class("week")[0]
    return week.find_all(lambda e: e.attrs.get("data-uid") == uid and "block" in e.classes)


def column_of(block: Element) -> str:
    assert block.parent is not None
    return block.parent.attrs["data-day"]


def style_value(element: Element, name: str) -> str:
    match = re.search(rf"--{name}:([^;]+)", element.attrs.get("style", ""))
    assert match, (name, element.attrs.get("style"))
    return match.group(1)


@pytest.fixture(scope="module")
def demo() -> tuple[dict, str, Element]:
    i18n.set_language("en")
    with api.demo_session(WEEK_START) as (config, first_day):
        plan = api.plan_week(
            config, first_day, now=api.demo_now(config, first_day), store=Store(":memory:")
        )
    data = week_to_dict(plan)
    html = week_html(data)
    return data, html, parse(html).root


def test_demo_page_is_self_contained_and_declares_its_language(demo):
    _, html, root = demo
    assert html.startswith("<!DOCTYPE html>")
    assert root.find_all(lambda e: e.tag == "html")[0].attrs["lang"] == "en"
    assert root.find_all(lambda e: e.tag == "meta" and e.attrs.get("name") == "viewport")
    assert not root.find_all(lambda e: e.tag in ("script", "link", "img", "iframe"))
    for element in root.iter():
        for name in ("src", "href"):
            assert not element.attrs.get(name, "").startswith(("http:", "https:", "//"))
    assert "url(" not in html and "@import" not in html


def test_every_timed_demo_event_is_a_block_in_its_day_with_its_mode(demo):
    data, _, root = demo
    timed = [e for e in data["events"] if not e["all_day"]]
    assert len(timed) >= 10
    for item in timed:
        blocks = grid_blocks(root, item["uid"])
        assert len(blocks) == 1, item["title"]
        block = blocks[0]
        assert block.attrs["data-mode"] == item["mode"]
        assert column_of(block) == item["start"][:10]
        assert item["title"] in block.text()
        flagged = (item["recommendation"] or {}).get("action") == "meet_in_person"
        assert ("flagged" in block.classes) is flagged, item["title"]
        assert block.attrs["data-flagged"] == str(flagged).lower()


def test_demo_all_day_event_is_in_the_all_day_row(demo):
    data, _, root = demo
    all_day = [e for e in data["events"] if e["all_day"]]
    assert all_day
    row = root.by_class("allday")[0]
    for item in all_day:
        chips = row.find_all(lambda e, uid=item["uid"]: e.attrs.get("data-uid") == uid)
        assert len(chips) == 1 and item["title"] in chips[0].text()


def test_demo_proposals_in_the_week_are_dashed_blocks_with_their_venue(demo):
    data, _, root = demo
    expected = [
        (event["uid"], p["venue"]["name"], p["start"][:10])
        for event in data["events"]
        for p in event["proposals"]
        if "2026-12-07" <= p["start"][:10] <= "2026-12-13"
    ]
    assert expected
    found = [
        (b.attrs["data-for"], b.attrs["data-venue"], column_of(b))
        for b in root.by_class("week")[0].by_class("proposal")
    ]
    assert sorted(found) == sorted(expected)
    for block in root.by_class("week")[0].by_class("proposal"):
        assert block.attrs["data-venue"] in block.text()


def test_demo_side_panel_has_balance_chart_recommendations_and_due_list(demo):
    data, _, root = demo
    aside = root.find_all(lambda e: e.tag == "aside")[0]
    balance = aside.by_class("balance")[0]
    assert "43%" in balance.text()
    chart = balance.find_all(lambda e: e.tag == "svg")[0]
    assert chart.attrs["role"] == "img" and "W47: 80%" in chart.attrs["aria-label"]
    assert len(chart.find_all(lambda e: e.tag == "rect")) == len(data["balance"]["trend"]) + 1
    flagged = {
        e["uid"]
        for e in data["events"]
        if (e["recommendation"] or {}).get("action") == "meet_in_person"
    }
    listed = {
        li.attrs["data-uid"]
        for li in aside.by_class("recommendations")[0].find_all(lambda e: e.tag == "li")
    }
    assert flagged <= listed
    due = aside.by_class("due")[0].text()
    for entry in data["due_for_visit"]:
        assert entry["account"] in due and entry["reason"] in due


def test_agenda_lists_every_event_and_proposal_by_day(demo):
    data, _, root = demo
    agenda = root.by_class("agenda")[0]
    sections = [s for s in agenda.children if s.tag == "section"]
    assert len(sections) == 7
    uids = {e.attrs["data-uid"] for e in agenda.find_all(lambda e: "data-uid" in e.attrs)}
    assert uids == {e["uid"] for e in data["events"]}
    assert agenda.by_class("a-proposal")
    assert "No meetings." in sections[5].text()  # Saturday


def test_event_across_midnight_is_cut_into_a_part_per_day():
    _, root = page([event("night", "2026-12-08T22:00:00+01:00", "2026-12-09T01:30:00+01:00")])
    first, second = grid_blocks(root, "night")
    assert (column_of(first), column_of(second)) == ("2026-12-08", "2026-12-09")
    assert "cont-after" in first.classes and "cont-before" in second.classes
    assert float(style_value(first, "len")) == pytest.approx(2.0)
    assert float(style_value(second, "len")) == pytest.approx(1.5)
    assert float(style_value(second, "top")) == pytest.approx(0.0)  # the grid starts at 0:00
    assert "Tue 8 Dec 22:00 – Wed 9 Dec 01:30" in first.text()


def test_hours_widen_to_take_in_early_and_late_events():
    _, root = page(
        [
            event("early", "2026-12-07T05:30:00+01:00", "2026-12-07T06:00:00+01:00"),
            event("late", "2026-12-10T23:50:00+01:00", "2026-12-10T23:55:00+01:00"),
        ]
    )
    labels = [s.text() for s in root.by_class("hours")[0].children]
    assert labels[0] == "05:00" and labels[-1] == "23:00"
    assert float(style_value(grid_blocks(root, "early")[0], "top")) == pytest.approx(0.5)
    late = grid_blocks(root, "late")[0]
    assert float(style_value(late, "top")) + float(style_value(late, "len")) <= 24 - 5 + 1e-9


def test_default_hours_without_events():
    _, root = page([])
    labels = [s.text() for s in root.by_class("hours")[0].children]
    assert (labels[0], labels[-1], len(labels)) == ("08:00", "18:00", 11)


def test_long_timed_event_goes_to_the_all_day_row_across_its_days():
    _, root = page(
        [event("fair", "2026-12-08T09:00:00+01:00", "2026-12-10T17:00:00+01:00", mode="in_person")]
    )
    assert not grid_blocks(root, "fair")
    (chip,) = root.by_class("allday")[0].children
    assert chip.attrs["data-uid"] == "fair"
    assert "grid-column:2 / span 3" in chip.attrs["style"]


def test_all_day_event_end_is_exclusive_and_clipped_to_the_week():
    _, root = page(
        [
            event("one", "2026-12-09T00:00:00+01:00", "2026-12-10T00:00:00+01:00", all_day=True),
            event("trip", "2026-12-12T00:00:00+01:00", "2026-12-16T00:00:00+01:00", all_day=True),
        ]
    )
    one, trip = root.by_class("allday")[0].children
    assert "grid-column:3 / span 1" in one.attrs["style"]
    assert "grid-column:6 / span 2" in trip.attrs["style"]


def test_overlapping_blocks_share_the_width_in_lanes():
    assert lanes([(9, 10), (9.5, 11), (10, 10.5), (12, 13)]) == [(0, 2), (1, 2), (0, 2), (0, 1)]
    assert lanes([(9, 12), (9, 10), (10, 11), (11, 12)]) == [(0, 2), (1, 2), (1, 2), (1, 2)]
    assert lanes([]) == []


def test_overlapping_events_and_proposal_sit_side_by_side():
    proposal = {
        "start": "2026-12-07T10:30:00+01:00",
        "end": "2026-12-07T11:15:00+01:00",
        "kind": "coffee",
        "venue": {"name": "Café Luitpold", "address": "Brienner Str. 11"},
    }
    a = event("a", "2026-12-07T10:00:00+01:00", "2026-12-07T11:00:00+01:00", proposals=[proposal])
    b = event("b", "2026-12-07T10:15:00+01:00", "2026-12-07T10:45:00+01:00")
    _, root = page([a, b])
    blocks = [*grid_blocks(root, "a"), *grid_blocks(root, "b"), *root.by_class("proposal")]
    assert sorted(style_value(x, "lane") for x in blocks) == ["0", "1", "2"]
    assert {style_value(x, "lanes") for x in blocks} == {"3"}
    (proposal_block,) = root.by_class("week")[0].by_class("proposal")
    assert proposal_block.attrs["data-venue"] == "Café Luitpold"
    assert "Alternative to “a”" in proposal_block.text() and "Coffee" in proposal_block.text()


def test_times_are_shown_in_the_weeks_zone_across_a_dst_change():
    # 29 March 2026: Berlin moves from +01:00 to +02:00; the JSON gives the week's zone by name.
    _, root = page(
        [event("sunday", "2026-03-29T08:00:00Z", "2026-03-29T09:00:00Z")],
        start="2026-03-23T00:00:00+01:00",
        end="2026-03-30T00:00:00+02:00",
        iso_week="2026-W13",
    )
    (block,) = grid_blocks(root, "sunday")
    assert column_of(block) == "2026-03-29"
    assert "10:00–11:00" in block.text()


def test_text_is_escaped():
    nasty = '<script>alert("x")</script> & "quotes"'
    html, root = page(
        [
            event(
                'u"1',
                "2026-12-07T10:00:00+01:00",
                "2026-12-07T11:00:00+01:00",
                title=nasty,
                location="<b>here</b>",
            )
        ]
    )
    assert "<script>" not in html and "<b>here" not in html
    (block,) = grid_blocks(root, 'u"1')
    assert nasty in block.text()


def test_flagged_block_has_a_marker_for_sight_and_for_screen_readers():
    flagged = event(
        "f",
        "2026-12-07T10:00:00+01:00",
        "2026-12-07T11:00:00+01:00",
        recommendation={"action": "meet_in_person", "reason": "first meeting"},
    )
    _, root = page([flagged])
    (block,) = grid_blocks(root, "f")
    assert block.find_all(lambda e: e.tag == "svg" and "flag" in e.classes)
    assert "meet in person" in block.by_class("sr")[0].text()
    assert "first meeting" in block.attrs["title"]


def test_page_without_balance_or_due_list_still_renders():
    _, root = page([])
    assert "Nobody is due for a visit." in root.by_class("due")[0].text()
    assert not root.by_class("balance")[0].find_all(lambda e: e.tag == "svg")
    assert root.by_class("recommendations") == []


def test_german_page_declares_german():
    i18n.set_language("de")
    html, root = page([event("x", "2026-12-07T10:00:00+01:00", "2026-12-07T11:00:00+01:00")])
    assert root.find_all(lambda e: e.tag == "html")[0].attrs["lang"] == "de"
    assert "Montag, 7. Dezember 2026" in html


def test_view_uses_the_days_of_the_week_given():
    view = build_view(
        {
            "week": {
                "start": "2026-12-07T00:00:00+01:00",
                "end": "2026-12-12T00:00:00+01:00",
                "iso_week": "2026-W50",
            },
            "events": [],
        }
    )
    assert [d.day for d in view.days] == [7, 8, 9, 10, 11]
