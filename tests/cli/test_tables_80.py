"""Issue 28: every table command fits 80 columns on realistic data (long German titles, long
places, Zoom/Teams/Webex links with passwords, names with umlauts), in English and German: no
line is wider, no mark ("⚑", "↓", "·", "–", "&", "→") sits alone on a line, a place is shown
in its short form (the service of a link, the venue's name) and no secret is printed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from planner.cli import main
from tests.cli import realistic

WIDTH = 80
MARKS = {"⚑", "↓", "✉", "·", "•", "→", "&", "–", "—", "-", "/", "…"}
BOX = "│┃|"


def problems(text: str, width: int = WIDTH) -> list[str]:
    """Lines wider than ``width``, and lines or table cells holding a lone mark."""
    found = []
    for line in text.splitlines():
        if cell_len(line) > width:
            found.append(f"{cell_len(line)} columns: {line!r}")
        cells = re.split(f"[{BOX}]", line) if any(c in line for c in BOX) else [line]
        for cell in cells:
            if cell.strip() in MARKS:
                found.append(f"a lone {cell.strip()!r}: {line!r}")
    return found


def test_the_check_finds_wide_lines_and_lone_marks():
    assert problems("x" * 81)
    assert problems("│ ⚑                  │ Zoom │")
    assert problems("  ⚑")
    assert not problems("│ ⚑ Vertragsunterzei… │ Zoom │\n  – Werk Garching")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("realistic")
    worlds = {lang: realistic.write(folder / lang, language=lang) for lang in ("en", "de")}
    return {**worlds, "folder": folder}


def run(config: Path, *args: str) -> tuple[str, str]:
    result = CliRunner().invoke(
        main, [*args, "--config", str(config)], env={"COLUMNS": str(WIDTH)}, prog_name="planner"
    )
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


COMMANDS = {
    "week": ["week", "--week", realistic.WEEK],
    "agenda": ["agenda", "7", "--start", "2026-12-07"],
    "today": ["today", "--start", "2026-12-07"],
    "contacts": ["contacts"],
    "venues": ["venues", "--near", "München"],
    "calendars": ["calendars"],
    "status": ["status"],
    "sync": ["sync", "--preview"],
    "propose": ["propose", "--with", realistic.PEOPLE["zoe"][1], "--week", realistic.WEEK],
}


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_table_commands_fit_80_columns(world, command, lang):
    run(world[lang], "week", "--week", realistic.WEEK)  # status shows a read
    out, err = run(world[lang], *COMMANDS[command])
    assert out.strip()
    assert not problems(out + err), "\n".join(problems(out + err)) + "\n" + out
    assert not [s for s in realistic.SECRETS if s in out + err]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_classify_fits_80_columns(world, lang):
    calendar = world[lang].parent / "work.ics"
    # the calendar's own months: by default classify reads a year either side of today
    months = ["--from", "2026-10-01", "--to", "2026-12-31"]
    result = CliRunner().invoke(
        main, ["classify", str(calendar), *months, "--lang", lang], env={"COLUMNS": str(WIDTH)}
    )
    assert result.exit_code == 0, result.output
    assert "Urlaub" in result.output  # the calendar's events are in the table
    assert not problems(result.output), "\n".join(problems(result.output))
    assert not [s for s in realistic.SECRETS if s in result.output]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_invites_and_replies_fit_80_columns(world, lang, tmp_path):
    config = world[lang]
    sent = CliRunner().invoke(main, [
        "invite", "--config", str(config), "--to", realistic.PEOPLE["juergen"][1],
        "--title", "Mittagessen zur Vertragsunterzeichnung Rahmenvertrag Süddeutschland",
        "--start", "2026-12-10T12:30", "--duration", "90",
        "--venue", "Wirtshaus am Viktualienmarkt", "--out", str(tmp_path / "invite.ics"),
    ])  # fmt: skip
    assert sent.exit_code == 0, sent.output
    out, err = run(config, "invites", "--offline", "--now", "2026-12-07T09:00")
    assert realistic.PEOPLE["juergen"][1] in out  # an address is never split
    assert not problems(out + err), "\n".join(problems(out + err))
    out, err = run(config, "replies", str(tmp_path / "invite.ics"))
    assert not problems(out + err), "\n".join(problems(out + err))
    assert "(s)" not in out + err and "(en)" not in out + err


def test_places_are_short_and_useful(world):
    out, _err = run(world["en"], *COMMANDS["week"])
    flat = " ".join(out.split())
    assert "https://" not in out and "us06web" not in out
    for short in ("Zoom", "Teams", "Webex", "Restaurant", "Haerlin"):
        assert short in flat, short
    assert "Neuer Jungfernstieg 9-14" not in flat  # the venue's name is enough in a column
    agenda, _err = run(world["en"], *COMMANDS["agenda"])
    assert "https://" not in agenda
    data, _err = run(world["en"], *COMMANDS["agenda"], "--format", "json")
    places = {item["title"]: item["place"] for item in json.loads(data)["agenda"]}
    assert places[realistic.LONG_TITLE] == "Zoom"
    assert places[realistic.SHORT_TITLE] == "Microsoft Teams"
    assert places["Zahnarzt Dr. Öztürk-Schöneberg"] == "Praxis am Jungfernstieg"


def test_the_flag_keeps_its_title_and_the_kind_column_names_trains_and_hotels(world):
    out, _err = run(world["de"], *COMMANDS["week"])
    flagged = [line for line in out.splitlines() if "⚑" in line]
    assert flagged and all(re.search(r"⚑ \w", line) for line in flagged)
    for kind in ("Zug", "Hotel", "Ereignis", "geblockt", "abwesend", "vor Ort"):
        assert kind in out, kind
    # a journey to a meeting is no kind of its own (a proposal names its travel time)
    assert not re.search(r"(?<!Min\. )Anfahrt", " ".join(out.split()))  # lines wrap anywhere
