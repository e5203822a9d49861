"""The first run on a fresh data directory is safe under concurrency (issue 26): fifty
processes that start together each create the state database and their tables (the sent log
and its answers, the event index, the classification cache, the ledger, source health, the
venue and geocoder caches); every one exits 0, none sees "table already exists" or "database
is locked", and none takes the fresh database for a damaged one and moves it aside."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

RUNS = 50
COMMANDS = [["replies", "{reply}"], ["status"], ["contacts"], ["agenda"]]
FIRST_RUN = """
import sys
from planner.cli import main
for args in {commands!r}:
    try:
        main([*args, "--config", {config!r}], standalone_mode=False)
    except SystemExit as exc:
        sys.exit(exc.code)
"""
REPLY = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\n"
    "UID:not-sent@example.com\r\nDTSTAMP:20261201T090000Z\r\n"
    "ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
TABLES = {"sentlog", "sentlog_answers", "source_health", "event_index", "classify_cache",
          "relations", "osm_venues", "geo_offline"}  # fmt: skip


class TestFiftyFirstRuns:
    def test_fifty_processes_on_a_fresh_data_directory_all_succeed(self, tmp_path):
        reply = tmp_path / "reply.ics"
        reply.write_text(REPLY, encoding="utf-8")
        calendar = tmp_path / "work.ics"
        calendar.write_text(REPLY.replace("METHOD:REPLY\r\n", ""), encoding="utf-8")
        config = tmp_path / "config.toml"
        config.write_text(
            '[user]\nemail = "anna@example.com"\n[[calendars]]\nname = "work"\n'
            f'provider = "ics"\npath = "{calendar}"\n',
            encoding="utf-8",
        )
        data = tmp_path / "data"
        env = {**os.environ, "PLANNER_DATA_DIR": str(data), "PYTHONDONTWRITEBYTECODE": "1"}
        commands = [[a.format(reply=reply) for a in c] for c in COMMANDS]
        processes = []
        for index in range(RUNS):  # each process in another order: tables race both ways
            turn = index % len(commands)
            order = commands[turn:] + commands[:turn]
            code = FIRST_RUN.format(commands=order, config=str(config))
            processes.append(
                subprocess.Popen(
                    [sys.executable, "-c", code],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                )  # fmt: skip
            )
        results = [(p.wait(timeout=600), p.communicate()[1].decode()) for p in processes]
        failed = [(code, err[-300:]) for code, err in results if code != 0]
        assert failed == [], f"{len(failed)} of {RUNS} first runs failed"
        errors = [err for _code, err in results if "error" in err or "damaged" in err]
        assert errors == []
        assert [p.name for p in data.iterdir() if "broken" in p.name] == []
        conn = sqlite3.connect(data / "state.sqlite3")
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert TABLES <= {r[0] for r in conn.execute("SELECT name FROM schema_versions")}
