"""``planner status`` tells a refused Google/Outlook sign-in by what the token file holds, not
by its time, through the real client libraries against the local fakes and the real CLI.

Bug: "revoked or refused" stood while the token file was not written after the refusal (its
mtime). A renewed token restored from a backup, copied with its times or written while the
clock was off (an old mtime) stayed "revoked" after the user signed in again; a file merely
touched (a new mtime, the same refused token) looked renewed. Now the refusal keeps a
fingerprint of the file (never the token) and stands while the file holds the same; a refusal
recorded before fingerprints were kept is told by the file's time as before.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.cli.test_cli_auth import _sign_in_state, refused_outlook, run, token_file
from tests.cli.test_cli_providers import VIDEO, WEEK, google_entry, write_config
from tests.fakes.graph_server import sign_in

pytestmark = pytest.mark.slow

REVOKED = "revoked or refused: run 'planner auth {provider}'"


def _error_at() -> datetime:
    from planner.paths import data_dir

    with sqlite3.connect(data_dir() / "state.sqlite3") as conn:
        rows = conn.execute("SELECT last_error_at FROM source_health").fetchall()
    (when,) = [datetime.fromisoformat(r[0]) for r in rows if r[0]]
    return when


def _dated(path: Path, when: datetime) -> None:
    """The file's times set to ``when``, as a restore, ``cp -p`` or ``touch -d`` leaves them."""
    os.utime(path, (when.timestamp(), when.timestamp()))


def _refused_google(google, tmp_path: Path) -> tuple[Path, Path]:
    google.seed("primary", [VIDEO])
    google.write_token_for("google")
    config = write_config(tmp_path, google_entry(google))
    google.revoke()
    assert run("week", "--config", str(config), "--week", WEEK).exit_code == 1
    assert _sign_in_state(config, "google") == REVOKED.format(provider="google")
    return config, token_file("google", "google")


def test_a_renewed_google_token_with_an_old_time_is_valid(google, tmp_path):
    config, path = _refused_google(google, tmp_path)
    google.write_token_for("google")  # planner auth google again, then restored/copied
    _dated(path, _error_at() - timedelta(days=3))
    assert _sign_in_state(config, "google") == "valid"


def test_a_touched_but_unchanged_google_token_stays_revoked(google, tmp_path):
    config, path = _refused_google(google, tmp_path)
    _dated(path, _error_at() + timedelta(hours=1))
    assert _sign_in_state(config, "google") == REVOKED.format(provider="google")
    google.write_token_for("google")
    _dated(path, _error_at() + timedelta(hours=1))
    assert _sign_in_state(config, "google") == "valid"


def test_an_outlook_token_cache_is_told_by_what_it_holds(graph, tmp_path):
    config, path = refused_outlook(graph, tmp_path)
    _dated(path, _error_at() + timedelta(hours=1))  # touched: the same refused cache
    assert _sign_in_state(config, "outlook") == REVOKED.format(provider="outlook")
    graph.refresh_fails = False
    sign_in(graph, "outlook")  # planner auth outlook again, the clock an hour behind
    _dated(path, _error_at() - timedelta(hours=1))
    assert _sign_in_state(config, "outlook") == "valid"


def test_a_refusal_recorded_without_a_fingerprint_keeps_the_rule_of_the_time(google, tmp_path):
    """State written by an earlier version (no fingerprint): the file's time decides, as
    then, so an upgrade changes nothing until the next refusal."""
    from planner.paths import data_dir

    config, path = _refused_google(google, tmp_path)
    with sqlite3.connect(data_dir() / "state.sqlite3") as conn:
        conn.execute("UPDATE source_health SET auth_token = NULL")
    assert _sign_in_state(config, "google") == REVOKED.format(provider="google")
    _dated(path, _error_at() + timedelta(hours=1))
    assert _sign_in_state(config, "google") == "valid"


def test_the_fingerprint_reveals_nothing_of_the_token(google, tmp_path):
    from planner.paths import data_dir

    _config, path = _refused_google(google, tmp_path)
    held = path.read_text(encoding="utf-8")
    with sqlite3.connect(data_dir() / "state.sqlite3") as conn:
        (token,) = conn.execute("SELECT auth_token FROM source_health").fetchone()
    assert token and token not in held and "1//fake-" not in token and "ya29" not in token
    dump = "\n".join(sqlite3.connect(data_dir() / "state.sqlite3").iterdump())
    assert "1//fake-" not in dump
