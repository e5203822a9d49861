"""The quick scan of a calendar's layout gives what the careful line-by-line scan gives, on
every file the tests know and on hundreds of mutations of them."""

from __future__ import annotations

import random

import pytest

from planner.ical import layout
from tests.ical.fuzzing import CORPUS, mutate, seeds


def careful(text: str) -> tuple[list[str], list[layout.Block], list[str]]:
    from planner.ical import salvage

    warnings: list[str] = []
    header, blocks = layout._careful(
        salvage.content_lines(text, "t", warnings.append), "t", warnings.append
    )
    return header, blocks, warnings


def scanned(text: str) -> tuple[list[str], list[layout.Block], list[str]]:
    warnings: list[str] = []
    header, blocks = layout.scan(text, "t", warnings.append)
    return header, blocks, warnings


FILES = [*seeds(), *((p.name, p.read_bytes()) for p in sorted(CORPUS.glob("*.ics")))]


@pytest.mark.parametrize("name,data", FILES, ids=[name for name, _ in FILES])
def test_quick_and_careful_scans_agree_on_every_known_file(name, data):
    text = data.decode("utf-8", errors="replace")
    assert scanned(text) == careful(text)


def test_quick_and_careful_scans_agree_on_mutations():
    rng = random.Random(31)
    files = seeds()
    for _run in range(400):
        _name, data = rng.choice(files)
        text = mutate(data, rng).decode("utf-8", errors="replace")
        assert scanned(text) == careful(text)


@pytest.mark.parametrize(
    "text",
    [
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\nX-WR-CALNAME:Team\r\n"
        "BEGIN:VEVENT\r\nUID:b\r\n",  # never closed
        "junk\nBEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\nafter\nBEGIN:VCALENDAR\nX:1\n",
        "BEGIN:VCALENDAR\r\n  BEGIN:VEVENT\r\n  UID:a\r\n  END:VEVENT\r\nEND:VCALENDAR\r\n",
        "BEGIN:VCALENDAR\r\n\u00a0BEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        "BEGIN:VCALENDAR\rBEGIN:VEVENT\rUID:a\u2028END:VEVENT\rEND:VCALENDAR\r",
        "BEGIN:VCALENDAR\n" + "BEGIN:X\n" * 12 + "END:X\n" * 12 + "END:VCALENDAR\n",
    ],
    ids=["unclosed", "two-calendars", "indented", "nbsp", "odd-line-ends", "deep"],
)
def test_quick_and_careful_scans_agree_on_odd_shapes(text):
    assert scanned(text) == careful(text)
