"""The state database: one SQLite file in the user data dir for everything that must survive a
run (sync tokens, the contact ledger, the sent-invitation log, the event index).

Modules own their tables: they call :meth:`Store.ensure` with their DDL and a schema version.
A file that is not a usable SQLite database is moved aside and rebuilt, never trusted.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from planner import paths
from planner.errors import PlannerError

T = TypeVar("T")

log = logging.getLogger("planner")

FILENAME = "state.sqlite3"


class StateError(PlannerError):
    """The state database cannot be used as it is (e.g. written by a newer planner)."""

    exit_code = 2


class Store:
    """A thin wrapper around one SQLite connection."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path) if path != ":memory:" else None
        if self.path is not None:
            _private(self.path)
        self.conn = _connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_versions (name TEXT PRIMARY KEY, version INTEGER)"
        )
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS kv (namespace TEXT, key TEXT, value TEXT,"
            " PRIMARY KEY (namespace, key))"
        )
        self.conn.commit()

    def ensure(
        self, name: str, version: int, ddl: str, migrations: Mapping[int, str] | None = None
    ) -> None:
        """Create the tables of module ``name``, or bring an older version up to ``version``.

        ``migrations[n]`` is the SQL that turns version ``n`` into ``n + 1``; an older version
        without a complete migration path is dropped and rebuilt (the DDL must drop its own
        tables first, ``DROP TABLE IF EXISTS``). A *newer* version, written by a later planner,
        raises :class:`StateError` and the file is left untouched.
        """
        row = self.conn.execute(
            "SELECT version FROM schema_versions WHERE name = ?", (name,)
        ).fetchone()
        if row and row[0] == version:
            return
        if row and isinstance(row[0], int) and row[0] > version:
            raise StateError(_newer(self.path, name, row[0], version))
        steps = _migration(row[0] if row else None, version, migrations or {})
        with self.conn:
            for statement in steps if steps is not None else filter(str.strip, ddl.split(";")):
                self.conn.execute(statement)
            self.conn.execute(
                "INSERT OR REPLACE INTO schema_versions VALUES (?, ?)", (name, version)
            )

    def get(self, namespace: str, key: str, default: Any = None) -> Any:
        """A JSON value from the key-value table (sync tokens, delta links, small state)."""
        row = self.conn.execute(
            "SELECT value FROM kv WHERE namespace = ? AND key = ?", (namespace, key)
        ).fetchone()
        if not row:
            return default
        try:
            return json.loads(row[0])
        except (TypeError, ValueError):
            _unreadable(self.path, f"kv {namespace}/{key}", 1)
            return default

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


def readable(
    rows: Iterable[Any], convert: Callable[[Any], T], what: str, path: Path | None = None
) -> list[T]:
    """``convert`` applied to each row; rows it cannot read are skipped with one warning."""
    result, bad = [], 0
    for row in rows:
        try:
            result.append(convert(row))
        except (TypeError, ValueError, KeyError, IndexError, AttributeError):
            bad += 1
    if bad:
        _unreadable(path, what, bad)
    return result


def _unreadable(path: Path | None, what: str, count: int) -> None:
    from planner.i18n import _, ngettext

    log.warning(
        ngettext(
            "{path}: skipped {count} unreadable row of {what}",
            "{path}: skipped {count} unreadable rows of {what}",
            count,
            path=path or _("state database"),
            what=what,
        )
    )


def _migration(stored: int | None, version: int, migrations: Mapping[int, str]) -> list[str] | None:
    """The statements from ``stored`` to ``version``, or None when a rebuild is needed."""
    if stored is None or not isinstance(stored, int):
        return None
    steps: list[str] = []
    for step in range(stored, version):
        if step not in migrations:
            return None
        steps += [s for s in migrations[step].split(";") if s.strip()]
    return steps


def _newer(path: Path | None, name: str, stored: int, version: int) -> str:
    from planner.i18n import _

    return _(
        "{path}: the state database was written by a newer planner ({name} version {stored}, "
        "this planner knows {version}); it is left untouched. Update planner, or set "
        "PLANNER_DATA_DIR to another folder",
        path=path or _("state database"),
        name=name,
        stored=stored,
        version=version,
    )


def _private(path: Path) -> None:
    """Create ``path`` with mode 0600 (it holds the ledger, sent invitations and sync tokens);
    tighten an existing file that others can read. SQLite gives -wal/-shm the same mode."""
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        elif path.is_file() and path.stat().st_mode & 0o077:
            path.chmod(0o600)
    except OSError as exc:
        from planner.i18n import _

        raise StateError(
            _(
                "{path}: cannot create the state database ({error})",
                path=path,
                error=exc.strerror or exc,
            ),
            hint=_(
                "make {folder} a writable folder, or set PLANNER_DATA_DIR to one",
                folder=path.parent,
            ),
        ) from None


def open_store(path: Path | None = None) -> Store:
    """Open the state database (default: ``<data dir>/state.sqlite3``)."""
    return Store(path or paths.data_dir() / FILENAME)
