"""Issue 28: ``planner sync --preview`` shows the mirrors and travel blocks it would write for
any calendar set, .ics files only included (they cannot be targets, so there is no [[sync]]
table), and writes nothing; without --preview the error names the target rules, in German
too. Travel blocks start at the hotel on a day away, not at home."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

import planner.cli.sync
from planner.cli import main
from tests.cli import realistic

NOW = datetime(2026, 12, 7, 6, 0, tzinfo=ZoneInfo("Europe/Berlin"))


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(planner.cli.sync, "_now", lambda tz: NOW)
    return realistic.write(tmp_path / "cal")


def sync(config: Path, *args: str, lang: str = "en"):
    return CliRunner().invoke(
        main, ["sync", *args, "--config", str(config), "--lang", lang], env={"COLUMNS": "80"}
    )


def test_preview_with_ics_calendars_only(config):
    result = sync(config, "--preview", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["preview"] is True and data["applied"] is False
    changes = [c for t in data["targets"] for c in t["changes"]]
    mirrors = {c["title"] for c in changes if c["kind"] == "mirror"}
    assert mirrors == {"Busy"}  # show = busy: no title leaves the calendar
    starts = {c["start"][:16] for c in changes if c["kind"] == "mirror"}
    assert "2026-12-07T06:58" in starts  # the train holds its time
    assert "2026-12-07T11:00" not in starts  # declined: not mirrored
    travel = [
        (datetime.fromisoformat(c["start"]), datetime.fromisoformat(c["end"]))
        for c in changes
        if c["kind"] == "travel"
    ]
    days = {start.date().isoformat() for start, _end in travel}
    assert "2026-12-10" in days, "the visit in Garching needs the way there and back"
    hamburg = [end - start for start, end in travel if start.date().isoformat() == "2026-12-07"]
    assert hamburg, "in Hamburg the ways start and end at the hotel"
    assert max(hamburg) <= timedelta(minutes=45)  # never the way from Munich (seven hours)
    assert {c["action"] for c in changes} == {"create"}


def test_preview_table_says_what_it_is_and_writes_nothing(config, tmp_path):
    before = sorted(p.name for p in config.parent.iterdir())
    result = sync(config, "--preview")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Preview, ")
    assert "no [[sync]] table yet" in " ".join(result.stdout.split())
    heading = " ".join(result.stdout.split("no [[sync]]")[0].split())
    assert ", ," not in heading and ", and" not in heading and ", und" not in heading, heading
    assert "a preview: nothing written" in result.stdout
    assert sorted(p.name for p in config.parent.iterdir()) == before
    german = sync(config, "--preview", lang="de")
    assert german.stdout.startswith("Vorschau, ") and "Wegzeit" in german.stdout


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("Google or Outlook with write = true", "CalDAV", "URLs are read only",
                "planner sync --preview")),
        ("de", ("Google oder Outlook mit write = true", "CalDAV", "werden nur gelesen",
                "planner sync --preview")),
    ],
)  # fmt: skip
def test_without_a_table_the_error_and_the_help_name_the_target_rules(config, lang, words):
    result = sync(config, lang=lang)
    assert result.exit_code == 2
    flat = " ".join(result.stderr.split())
    assert all(word in flat for word in words), flat
    helped = CliRunner().invoke(main, ["sync", "--help", "--lang", lang])
    flat = " ".join(helped.output.split())
    assert "CalDAV" in flat and "--preview" in flat and ".ics" in flat


def test_an_ics_target_is_refused_with_the_rules(config, tmp_path):
    text = config.read_text(encoding="utf-8")
    other = tmp_path / "other.ics"
    other.write_text(realistic.ics([]), encoding="utf-8")
    config.write_text(
        text + f'\n[[calendars]]\nname = "privat"\nprovider = "ics"\npath = "{other}"\n'
        '\n[[sync]]\nfrom = ["Arbeit – Anna Berger (Büro München)"]\nto = "privat"\n',
        encoding="utf-8",
    )
    result = sync(config, "--preview", lang="de")
    assert result.exit_code == 2
    flat = " ".join(result.stderr.split())
    assert "kann kein Ziel des Abgleichs sein" in flat and "write = true" in flat
