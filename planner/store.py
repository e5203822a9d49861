"""The state database: one SQLite file in the user data dir for everything that must survive a
run (sync tokens, the contact ledger, the sent-invitation log, the event index).

Modules own their tables: they call :meth:`Store.ensure` with their DDL and a schema version.
A file that is not a usable SQLite database is moved aside and rebuilt, never trusted.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

from planner import paths

log = logging.getLogger("planner")

FILENAME = "state.sqlite3"


class Store:
    """A thin wrapper around one SQLite connection."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path) if path != ":memory:" else None
        self.conn = _connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_versions (name TEXT PRIMARY KEY, version INTEGER)"
        )
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS kv (namespace TEXT, key TEXT, value TEXT,"
            " PRIMARY KEY (namespace, key))"
        )
        self.conn.commit()

    def ensure(self, name: str, version: int, ddl: str) -> None:
        """Create the tables of module ``name``; a different stored version drops and rebuilds.

        The DDL must drop its own tables first (``DROP TABLE IF EXISTS``) so a rebuild is clean.
        """
        row = self.conn.execute(
            "SELECT version FROM schema_versions WHERE name = ?", (name,)
        ).fetchone()
        if row and row[0] == version:
            return
        with self.conn:
            for statement in filter(str.strip, ddl.split(";")):
                self.conn.execute(statement)
            self.conn.execute(
                "INSERT OR REPLACE INTO schema_versions VALUES (?, ?)", (name, version)
            )

    def get(self, namespace: str, key: str, default: Any = None) -> Any:
        """A JSON value from the key-value table (sync tokens, delta links, small state)."""
        row = self.conn.execute(
            "SELECT value FROM kv WHERE namespace = ? AND key = ?", (namespace, key)
        ).fetchone()
        return json.loads(row[0]) if row else default

    def put(self, namespace: str, key: str, value: Any) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO kv VALUES (?, ?, ?)", (namespace, key, json.dumps(value))
            )

    def delete(self, namespace: str, key: str | None = None) -> None:
        with self.conn:
            if key is None:
                self.conn.execute("DELETE FROM kv WHERE namespace = ?", (namespace,))
            else:
                self.conn.execute(
                    "DELETE FROM kv WHERE namespace = ? AND key = ?", (namespace, key)
                )

    def close(self) -> None:
        self.conn.close()


def _connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=10)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not _ours(conn):  # checked before anything is written to it
            raise sqlite3.DatabaseError("a SQLite file of another program")
        conn.execute("PRAGMA journal_mode=WAL")
        return conn
    except sqlite3.DatabaseError:
        conn.close()
        if not isinstance(path, Path) or not path.exists():
            raise
        broken = path.with_name(path.name + ".broken")
        from planner.i18n import _

        log.warning(
            _(
                "{path}: the state database is damaged; moved it to {backup} and starting afresh",
                path=path,
                backup=broken,
            )
        )
        path.replace(broken)
        for suffix in ("-wal", "-shm"):  # never replay an old journal into the new file
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.replace(broken.with_name(broken.name + suffix))
        return sqlite3.connect(path, timeout=10)


def _ours(conn: sqlite3.Connection) -> bool:
    """False for a database of another program: it has tables, but not our bookkeeping ones."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    expected = {"schema_versions": ["name", "version"], "kv": ["namespace", "key", "value"]}
    if not tables:
        return True
    for table, columns in expected.items():
        found = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        if found != columns:
            return False
    return True


def open_store(path: Path | None = None) -> Store:
    """Open the state database (default: ``<data dir>/state.sqlite3``)."""
    return Store(path or paths.data_dir() / FILENAME)
