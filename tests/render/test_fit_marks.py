"""Issue 28: a mark or sign never sits alone on a line of a table cell, nor of a wrapped line;
phone numbers stay in one piece; what is still too long is cut with "…"."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from planner.render.fit import hanging, wrap_cell

MARKS = {"⚑", "↓", "✉", "·", "–", "&", "→"}


@pytest.mark.parametrize("width", range(8, 40))
@pytest.mark.parametrize(
    "cell",
    [
        "[bold red]⚑[/] Vertragsunterzeichnung Rahmenvertrag Hofmann & Partner – Werk Garching",
        "↓ Weekly sync · Zoom · Dial-in → +49 89 2345 6789",
        "ICE 583 München Hbf → Hamburg-Altona",
        "Réunion d’équipe – Salle Formation (4e) & visio",
    ],
)
def test_no_line_is_a_lone_mark_or_too_wide(cell, width):
    lines = wrap_cell(cell, width).plain.split("\n")
    assert all(cell_len(line) <= width for line in lines), lines
    assert not [line for line in lines if line.strip() in MARKS], lines


def test_a_phone_number_stays_together_and_a_long_word_is_cut():
    assert wrap_cell("Tel. +49 89 2345 6789", 16).plain == "Tel.\n+49 89 2345 6789"
    assert wrap_cell("Tel. +49 89 2345 6789", 15).plain == "Tel.\n+49 89 2345 67…"
    assert wrap_cell("⚑ Vertragsunterzeichnung", 12).plain == "⚑ Vertragsu…"


def test_hanging_lines_keep_their_indent():
    line = "    1. Tue 1 Dec 10:00–11:00 · same time, in person · Coffee · Business Club München"
    wrapped = hanging(line, 50).split("\n")
    assert wrapped[0].startswith("    1. Tue") and all(cell_len(w) <= 50 for w in wrapped)
    assert all(w.startswith("       ") for w in wrapped[1:])
    assert not [w for w in wrapped if w.strip() in MARKS]
