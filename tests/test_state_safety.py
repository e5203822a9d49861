"""The state database is never lost silently (issue 14): a newer schema is refused and left
untouched, an older one migrated, unreadable rows skipped with a warning, the file is 0600,
and an unusable data directory is one clear line."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.config import default_config
from planner.judge.relations import Ledger
from planner.store import StateError, Store

DDL = "DROP TABLE IF EXISTS notes; CREATE TABLE notes (text TEXT)"


def _from_a_newer_planner(path: Path, note: str) -> None:
    """A state file whose ``notes`` table a newer planner (version 3) wrote ``note`` into."""
    store = Store(path)
    store.ensure("notes", 3, DDL)
    store.conn.execute("INSERT INTO notes VALUES (?)", (note,))
    store.conn.commit()
    store.close()


def test_a_database_from_a_newer_planner_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "state.sqlite3"
    _from_a_newer_planner(path, "sent log entry")
    before = path.read_bytes()
    store = Store(path)
    with pytest.raises(StateError, match=r"written by a newer planner \(notes version 3, this "):
        store.ensure("notes", 2, DDL)
    assert store.conn.execute("SELECT text FROM notes").fetchall() == [("sent log entry",)]
    store.close()
    assert path.read_bytes() == before


def test_a_disposable_store_rebuilds_what_a_newer_planner_wrote(tmp_path):
    """The demo's state is planner's own and made again from the demo calendars: a table a
    newer planner wrote there is rebuilt at this planner's version, never an error."""
    path = tmp_path / "demo.sqlite3"
    _from_a_newer_planner(path, "from a newer planner")
    store = Store(path, disposable=True)
    store.ensure("notes", 2, DDL)
    assert store.conn.execute("SELECT text FROM notes").fetchall() == []
    assert store.conn.execute(
        "SELECT version FROM schema_versions WHERE name = 'notes'"
    ).fetchall() == [(2,)]
    store.close()


def test_the_demo_runs_after_a_newer_planner_ran_it(isolated_home):
    """Every table of the demo's state files stamped with a newer version (as a newer planner,
    then an older one installed, would leave them): ``planner week --demo`` still shows the
    same week. Those are the demo's files only: the demo never opens the user's state."""
    from click.testing import CliRunner

    from planner.cli import main

    first = CliRunner().invoke(main, ["week", "--demo", "--format", "json"])
    assert first.exit_code == 0, first.output
    files = sorted((isolated_home).rglob("*.sqlite3"))
    assert files, "the demo keeps its state in files"
    assert all("demo" in file.relative_to(isolated_home).as_posix() for file in files), files
    for file in files:
        stamped = Store(file)
        stamped.conn.execute("UPDATE schema_versions SET version = version + 100")
        stamped.conn.commit()
        stamped.close()
    again = CliRunner().invoke(main, ["week", "--demo", "--format", "json"])
    assert again.exit_code == 0, again.output
    assert again.stdout == first.stdout


def test_an_older_version_is_migrated_not_dropped(tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    store.ensure("notes", 1, DDL)
    store.conn.execute("INSERT INTO notes VALUES ('kept')")
    store.conn.commit()
    store.ensure("notes", 2, DDL, migrations={1: "ALTER TABLE notes ADD COLUMN extra TEXT"})
    assert store.conn.execute("SELECT text, extra FROM notes").fetchall() == [("kept", None)]


def test_unreadable_ledger_rows_are_skipped_with_a_warning(tmp_path, caplog):
    store = Store(tmp_path / "state.sqlite3")
    config = default_config()
    Ledger.open(store, config)
    good = ("u1", "2026-01-05T10:00:00+01:00", "2026-01-05T11:00:00+01:00", "in_person",
            json.dumps([["bob@example.com", "Bob"]]))  # fmt: skip
    store.conn.executemany(
        "INSERT INTO ledger_meetings (uid, start, finish, mode, people) VALUES (?, ?, ?, ?, ?)",
        [good, ("u2", "garbage", "x", "in_person", "[]"), ("u3", good[1], good[2], "??", "{")],
    )
    store.conn.commit()
    with caplog.at_level(logging.WARNING, logger="planner"):
        ledger = Ledger.open(store, config)
    assert [key[0] for key in ledger._meetings] == ["u1"]
    assert "skipped 2 unreadable rows of ledger_meetings" in caplog.text


def test_an_unreadable_key_value_is_the_default_with_a_warning(tmp_path, caplog):
    store = Store(tmp_path / "state.sqlite3")
    store.conn.execute("INSERT INTO kv VALUES ('google', 'sync', '{not json')")
    with caplog.at_level(logging.WARNING, logger="planner"):
        assert store.get("google", "sync", "none") == "none"
    assert "unreadable" in caplog.text


def test_the_state_file_is_created_0600_and_an_open_one_tightened(tmp_path):
    path = tmp_path / "data" / "state.sqlite3"
    Store(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o644)
    store = Store(path)
    store.put("a", "b", 1)
    store.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] != "ok"


@pytest.mark.parametrize("kind", ["file", "readonly"])
def test_an_unusable_data_directory_is_one_clear_line(tmp_path, monkeypatch, kind):
    data = tmp_path / "data"
    if kind == "file":
        data.write_text("not a folder")
        target = data / "sub"
    else:
        data.mkdir()
        data.chmod(0o500)
        target = data / "sub"
        if os.geteuid() == 0:
            pytest.skip("root writes into read-only folders")
    monkeypatch.setenv("PLANNER_DATA_DIR", str(target))
    config = tmp_path / "config.toml"
    config.write_text('[user]\nemail = "anna@example.com"\n')
    result = CliRunner().invoke(main, ["invite", "--config", str(config), "--list"])
    data.chmod(0o700) if kind == "readonly" else None
    assert result.exit_code == 2, result.output
    assert "cannot create the state database" in result.output
    assert len(result.output.strip().splitlines()) <= 2  # the error and its hint
    assert "unexpected" not in result.output and "Traceback" not in result.output
