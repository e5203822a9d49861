"""Every table fits 80 and 120 columns: no line is wider, and no word is split over two lines
(a cut word ends in "…" and is the start of a word of the full-width table)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from planner import api
from planner.i18n import set_language
from planner.render.fit import Column, choose, fitted_table
from planner.render.table import console
from planner.store import Store

MONDAY = date(2026, 11, 30)
DATA = Path(__file__).parent.parent / "data" / "ics"
BOX = re.compile(r"[│┃┆┊║╎╏|━─┏┓┗┛┣┫┳┻╋┡┩┢┪╇╈┠┨┯┷┼├┤┬┴┌┐└┘╭╮╰╯═]")


def _week(width: int) -> str:
    from planner.render.table import week_table

    with api.demo_session(MONDAY) as (config, first):
        plan = api.plan_week(
            config, first, now=api.demo_now(config, first), store=Store(":memory:")
        )
    return week_table(plan, width=width)


def _contacts(width: int) -> str:
    from planner.flows.session import contacts_report
    from planner.render.contacts import contacts_table

    with api.demo_session(MONDAY) as (config, first):
        rows = contacts_report(config, Store(":memory:"), now=api.demo_now(config, first))
    return contacts_table(rows, width=width)


def _propose(width: int) -> str:
    from planner.flows.propose import propose_for
    from planner.render.proposals import proposals_table

    with api.demo_session(MONDAY) as (config, first):
        result = propose_for(
            config,
            Store(":memory:"),
            "sven@krueger-design.example",
            now=api.demo_now(config, first),
        )
    return proposals_table(result, config.tz, width=width)


def _venues(width: int) -> str:
    from planner.render.venues import venues_table

    with api.demo_session(MONDAY) as (config, _first):
        rows, _attribution = api.browse_venues(config)
    return venues_table(rows, width=width)


def _classify(width: int) -> str:
    from zoneinfo import ZoneInfo

    from planner.render.events import events_table

    tz = ZoneInfo("Europe/Berlin")
    start = datetime(2000, 1, 1, tzinfo=tz)
    end = datetime(2030, 1, 1, tzinfo=tz)
    results = []
    for name in ("google_export.ics", "outlook_windows.ics", "thunderbird.ics"):
        results += api.classify_sources([str(DATA / name)], start, end, "Europe/Berlin")
    return events_table(results, tz, width=width)


TABLES: dict[str, Callable[[int], str]] = {
    "week": _week,
    "contacts": _contacts,
    "propose": _propose,
    "venues": _venues,
    "classify": _classify,
}


def _tokens(text: str) -> list[str]:
    return BOX.sub(" ", text).split()


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("name", sorted(TABLES))
def test_table_fits_80_and_120_columns(name: str, language: str) -> None:
    set_language(language)
    try:
        render = TABLES[name]
        words = set(_tokens(render(1000)))
        for width in (80, 120):
            text = render(width)
            lines = text.splitlines()
            assert len(lines) > 3
            too_wide = [line for line in lines if len(line) > width]
            assert not too_wide, f"{name} at {width}: {too_wide[0]!r}"
            for token in _tokens(text):
                if token in words:
                    continue
                assert token.endswith("…"), f"{name} at {width}: split word {token!r}"
                stem = token[:-1]
                assert any(w.startswith(stem) for w in words), f"{name}: {token!r}"
    finally:
        set_language("en")


def test_email_addresses_stay_whole_at_80_columns() -> None:
    text = _contacts(80)
    assert "<sven@krueger-design.example>" in text


def test_low_value_columns_go_before_wrapping() -> None:
    columns = [
        Column("Title", flex=True, min=20),
        Column("Evidence", flex=True, min=30, drop=1),
        Column("Mode"),
    ]
    rows = [["a long title with words", "a lot of evidence " * 4, "in person"]]
    assert choose(columns, rows, 80) == [0, 1, 2]
    assert choose(columns, rows, 40) == [0, 2]
    out = console(False, 40)
    out.print(fitted_table(columns, rows, 40))
    assert "Evidence" not in out.file.getvalue()
