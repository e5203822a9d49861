"""Issue 28: no English text reaches a German user: not in ``planner init`` on a terminal
(every question after the language is chosen, the answers refused, the first week), not in
errors (planner's and click's own: a missing argument, a bad choice, an unknown option), not in
``planner sync``. "English text" is any English message of the catalog whose German differs,
found in the output, and click's own English words."""

from __future__ import annotations

import io
import os
import re
import string
from datetime import datetime, time
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pexpect
import pytest
from click.testing import CliRunner

from planner import i18n
from planner.cli import main
from tests.cli import realistic
from tests.cli.test_init_pty import spawn_init

#: click's English that the catalog cannot list by itself (its usage line and prompts).
CLICK_ENGLISH = ("Usage:", "Error:", "Try '", "[OPTIONS]", "[y/N]", "Aborted", "for help")


@cache
def english_phrases() -> tuple[str, ...]:
    """Literal pieces of three or more words of every msgid that German says differently."""
    from babel.messages.pofile import read_po

    with i18n.catalog_path("de").open("rb") as handle:
        catalog = read_po(handle, locale="de")
    found = set()
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        for source in ids:
            if source in texts:
                continue
            for literal, *_rest in string.Formatter().parse(source):
                for piece in re.split(r"[\n:;()“”'\"\[\]]", literal or ""):
                    piece = " ".join(piece.split())
                    command = piece.startswith(("planner ", "--"))
                    if len(piece.split()) >= 3 and re.search(r"[a-z]{3}", piece) and not command:
                        found.add(piece)
    return tuple(sorted(found, key=len, reverse=True))


def english_in(text: str) -> list[str]:
    flat = " ".join(text.split())
    found = [p for p in english_phrases() if p in flat]
    return found + [word for word in CLICK_ENGLISH if word in flat]


def test_the_checker_finds_english():
    """The check itself can fail: English output is caught, German passes."""
    english = CliRunner().invoke(main, ["sync", "--lang", "en"])
    assert english_in(english.output)
    assert english_in("Error: No such option '--wek'.") == ["No such option", "Error:"]
    assert not english_in("Fehler: Die Option '--wek' gibt es nicht.")


def _config(tmp_path: Path) -> Path:
    """The realistic calendar with ``[user] language = "de"`` where the tests look for it."""
    path = realistic.write(tmp_path / "cal", language="de")
    target = Path(os.environ["PLANNER_CONFIG"])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return target


ERRORS = [
    (["replies"], "Fehlendes Argument 'PATH...'"),  # click: a missing argument
    (["week", "--format", "xml"], "'xml' ist nicht eines von"),  # click: a bad choice
    (["week", "--wek", "next"], "Die Option '--wek' gibt es nicht. Meinten Sie '--week'?"),
    (["nocmd"], "Den Befehl 'nocmd' gibt es nicht."),
    (["agenda", "x"], "'x' ist keine gültige Zahl."),
    (["invite", "--to"], "Die Option '--to' braucht einen Wert."),
    (["week", "--week", "2026-W60"], "ist keine Woche"),  # planner's own
    (["sync"], "keine [[sync]]-Tabelle"),
    (["sync", "--preview", "--apply"], "--preview schreibt nichts"),
    (["invite", "--to", "a@b.example", "--start", "2027-03-10 9:00 PST"], "'PST' ist mehrdeutig"),
    (["invite", "--to", "a@b.example", "--start", "2027-07-10 9:00 EST"], "EDT (UTC-04:00)"),
    (["invite", "--to", "a@b.example", "--start", "30.2.2027 9:00"], "den Tag 30 gibt es"),
    (["invite", "--to", "a@b.example", "--date", "3/4/2027"], "mehrdeutig: 2027-04-03 oder"),
]


@pytest.mark.parametrize(
    ("args", "german"), ERRORS, ids=lambda v: " ".join(v) if isinstance(v, list) else ""
)
def test_errors_reach_a_german_user_in_german(tmp_path, args, german):
    """The config says German and no --lang is given: click parses before the config is
    read, and still speaks German."""
    _config(tmp_path)
    result = CliRunner().invoke(
        main, args, env={"COLUMNS": "80", "LANG": "C.UTF-8"}, prog_name="planner"
    )
    assert result.exit_code != 0
    assert german in " ".join(result.output.split())
    assert not english_in(result.output), result.output
    assert result.output.startswith(("Aufruf: planner", "Fehler:", "planner: Fehler:"))


def test_sync_speaks_german(tmp_path, monkeypatch):
    import planner.cli.sync

    # the preview covers the next two weeks: they are the realistic calendar's, whatever the date
    monday = datetime.combine(realistic.MONDAY, time(6), ZoneInfo("Europe/Berlin"))
    monkeypatch.setattr(planner.cli.sync, "_now", lambda tz: monday.astimezone(tz))
    _config(tmp_path)
    result = CliRunner().invoke(main, ["sync", "--preview"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "Vorschau" in result.output and "eine Vorschau: nichts geschrieben" in result.output
    assert "Wegzeit" in result.output or "Spiegelung" in result.output
    assert not english_in(result.output), result.output
    helped = CliRunner().invoke(main, ["sync", "--help"], env={"COLUMNS": "80"})
    assert "Ziel" in helped.output and "nur gelesen" in helped.output
    assert not english_in(helped.output), helped.output


def test_a_german_locale_gets_german_help_and_errors_without_a_config(tmp_path):
    env = {"LANG": "de_DE.UTF-8", "LC_ALL": "", "COLUMNS": "80"}
    result = CliRunner().invoke(main, ["week", "--wek"], env=env, prog_name="planner")
    assert "Aufruf: planner week [OPTIONEN]" in result.output
    assert not english_in(result.output)
    english = CliRunner().invoke(
        main, ["week", "--wek"], env={"LANG": "C.UTF-8", "LC_ALL": ""}, prog_name="planner"
    )
    assert "Usage: planner week [OPTIONS]" in english.output


@pytest.mark.slow
def test_init_on_a_terminal_speaks_german_after_the_choice(tmp_path):
    """A German locale proposes German; every later question, refusal and the first week
    are German; the transcript holds no English message."""
    calendar = tmp_path / "work.ics"
    calendar.write_text(realistic.ics(realistic.week_entries()), encoding="utf-8")
    target = tmp_path / "config.toml"
    transcript = io.StringIO()
    child = spawn_init(target, LANG="de_DE.UTF-8", LC_ALL="-")  # "-": not set at all
    child.logfile_read = transcript
    child.expect(r"Sprache \(de/en\) \[de\]")
    child.sendline("")
    child.expect("Ihr Name")
    child.sendline("Jürgen Müller")
    child.expect("Ihre E-Mail-Adresse")
    child.sendline("keine-adresse")
    child.expect("ist keine E-Mail-Adresse")
    child.sendline("juergen@mueller.example")
    child.expect("Zeitzone")
    child.sendline("Mars/Olympus")
    child.expect("ist keine bekannte Zeitzone")
    child.sendline("Europe/Berlin")
    child.expect("Heimatort")
    child.sendline("München")
    child.expect("Arbeitszeit")
    child.sendline("")
    child.expect("Erster Kalender")
    child.sendline("ics")
    child.expect(r"\.ics-Datei")
    child.sendline(str(calendar))
    child.expect(r"\[j/N\]")
    child.sendline("vielleicht")
    child.expect("antworten Sie j oder n")
    child.sendline("ja")
    child.expect("geschrieben")
    child.expect("Woche")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, transcript.getvalue()
    text = transcript.getvalue()
    assert not english_in(text), text
    assert 'language = "de"' in target.read_text(encoding="utf-8")


def test_planner_lang_sets_the_language_of_the_output(tmp_path):
    config = realistic.write(tmp_path / "en", language="en")
    args = ["agenda", "1", "--start", "2026-12-07", "--config", str(config)]
    german = CliRunner().invoke(main, args, env={"PLANNER_LANG": "de", "COLUMNS": "100"})
    assert "Montag, 7. Dezember 2026" in german.stdout and "Zug" in german.stdout
    english = CliRunner().invoke(main, args, env={"COLUMNS": "100"})
    assert "Monday, December 7, 2026" in english.stdout and "train" in english.stdout
    flag = CliRunner().invoke(main, [*args, "--lang", "en"], env={"PLANNER_LANG": "de"})
    assert "Monday, December 7, 2026" in flag.stdout  # --lang wins
