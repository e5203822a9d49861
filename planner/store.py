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
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from planner import paths
from planner.errors import PlannerError

T = TypeVar("T")

log = logging.getLogger("planner")

FILENAME = "state.sqlite3"
BUSY_SECONDS = 30  # how long a process waits for another's write lock
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26


class StateError(PlannerError):
    """The state database cannot be used as it is (e.g. written by a newer planner)."""

    exit_code = 2


class Store:
    """A thin wrapper around one SQLite connection."""

    def __init__(self, path: Path | str, *, disposable: bool = False) -> None:
        """``disposable``: planner's own state that it can make again (the demo's): a table
        a newer planner wrote is rebuilt, not refused."""
        self.path = Path(path) if path != ":memory:" else None
        self.disposable = disposable
        if self.path is not None:
            _private(self.path)
        self.conn = _connect(path)
        if not self._bookkeeping():  # a read-only database that has them stays usable
            with self.immediate():  # both at once: another process sees neither or both
                self.conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_versions"
                    " (name TEXT PRIMARY KEY, version INTEGER)"
                )
                self.conn.execute(
                    "CREATE TABLE IF NOT EXISTS kv (namespace TEXT, key TEXT, value TEXT,"
                    " PRIMARY KEY (namespace, key))"
                )

    def _bookkeeping(self) -> bool:
        found = self.conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            " AND name IN ('schema_versions', 'kv')"
        ).fetchone()
        return bool(found and found[0] == 2)

    @contextmanager
    def immediate(self) -> Iterator[None]:
        """A write transaction that takes the database's write lock at once (``BEGIN
        IMMEDIATE``): what it reads cannot change before it commits, so processes starting
        together create each table once. SQLite's own errors pass through (callers that can do
        without a table catch them; the CLI turns them into one line)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
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
        if self._version(name) == version:
            return
        with self.immediate():  # again under the write lock: another process may be first
            stored = self._version(name)
            if stored == version:
                return
            newer = isinstance(stored, int) and stored > version
            if newer and not self.disposable:
                raise StateError(_newer(self.path, name, stored, version))
            steps = None if newer else _migration(stored, version, migrations or {})
            for statement in steps if steps is not None else filter(str.strip, ddl.split(";")):
                self.conn.execute(statement)
            self.conn.execute(
                "INSERT OR REPLACE INTO schema_versions VALUES (?, ?)", (name, version)
            )

    def holds(self, *names: str) -> bool:
        """Whether the tables of any of the modules ``names`` (see :meth:`ensure`) were ever
        made in this file: a module without them has nothing stored to look at."""
        marks = ", ".join("?" * len(names))
        query = f"SELECT 1 FROM schema_versions WHERE name IN ({marks}) LIMIT 1"
        return self.conn.execute(query, names).fetchone() is not None

    def _version(self, name: str) -> Any:
        row = self.conn.execute(
            "SELECT version FROM schema_versions WHERE name = ?", (name,)
        ).fetchone()
        return row[0] if row else None

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

    def items(self, namespace: str) -> dict[str, Any]:
        """Every key of ``namespace`` with its JSON value (one that cannot be read is left out,
        as :meth:`get` would not give it)."""
        rows = self.conn.execute(
            "SELECT key, value FROM kv WHERE namespace = ?", (namespace,)
        ).fetchall()
        found: dict[str, Any] = {}
        for key, text in rows:
            try:
                found[key] = json.loads(text)
            except (TypeError, ValueError):
                _unreadable(self.path, f"kv {namespace}/{key}", 1)
        return found

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
    """An open connection in WAL mode. A file that is not a SQLite database of this planner
    is moved aside and started afresh; one that is busy, read-only or cannot be opened is a
    :class:`StateError` and stays as it is."""
    where = Path(path) if isinstance(path, Path) else None
    try:
        conn = sqlite3.connect(path, timeout=BUSY_SECONDS)
    except sqlite3.Error as exc:
        raise StateError(_sqlite_problem(where, exc)) from None
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not _ours(conn):  # checked before anything is written to it
            raise _NotOurs("a SQLite file of another program")
        _wal(conn)
        return conn
    except sqlite3.DatabaseError as exc:
        conn.close()
        if where is None or not where.exists() or not _damaged(exc):
            raise StateError(_sqlite_problem(where, exc)) from None
        broken = where.with_name(where.name + ".broken")
        from planner.i18n import _

        log.warning(
            _(
                "{path}: the state database is damaged; moved it to {backup} and starting afresh",
                path=where,
                backup=broken,
            )
        )
        where.replace(broken)
        for suffix in ("-wal", "-shm"):  # never replay an old journal into the new file
            side = where.with_name(where.name + suffix)
            if side.exists():
                side.replace(broken.with_name(broken.name + suffix))
        return sqlite3.connect(path, timeout=BUSY_SECONDS)


class _NotOurs(sqlite3.DatabaseError):
    """A readable SQLite database that another program wrote."""


def _damaged(exc: sqlite3.DatabaseError) -> bool:
    """Whether ``exc`` says the file is no (usable) SQLite database: not a database, corrupt,
    or another program's. Busy, locked, read-only or missing files are not damaged."""
    if isinstance(exc, _NotOurs):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def _wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL; processes starting together may find the switch locked: wait for it."""
    import time

    for attempt in range(50):
        try:
            conn.execute("PRAGMA journal_mode=WAL").fetchone()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or attempt == 49:
                raise
            time.sleep(0.05 + 0.01 * attempt)


def sqlite_problem(exc: sqlite3.Error) -> str:
    """:func:`_sqlite_problem` for the state database of this run."""
    return _sqlite_problem(paths.data_location() / FILENAME, exc)


def _sqlite_problem(path: Path | None, exc: sqlite3.Error) -> str:
    """One line for a state database SQLite cannot use as it is."""
    from planner.i18n import _

    where = path or _("state database")
    text = str(exc).lower()
    if path is not None and path.exists() and not path.is_file():
        return _(
            "{path}: the state database is not a file; move it away, or set PLANNER_DATA_DIR "
            "to another folder",
            path=where,
        )
    if "readonly" in text or "read-only" in text:
        return _(
            "{path}: the state database is read-only; make it writable (chmod u+w), or set "
            "PLANNER_DATA_DIR to another folder",
            path=where,
        )
    if "locked" in text or "busy" in text:
        return _(
            "{path}: the state database is busy (another planner is writing to it); try again",
            path=where,
        )
    return _(
        "{path}: cannot use the state database ({error}); set PLANNER_DATA_DIR to another "
        "folder, or move the file away",
        path=where,
        error=exc,
    )


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
        except (TypeError, ValueError, KeyError, IndexError, AttributeError, OverflowError):
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
