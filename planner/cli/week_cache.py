"""The rendered output of ``planner week``, kept for a repeat over unchanged inputs.

A repeat ``planner week`` of the same week over the same files shows what the last run showed
without reading, judging or planning anything. The output is kept in the state database under
a key made of everything it depends on:

- the planner's code, catalogs and data (size and mtime of every file in the package);
- the config file's bytes and the size and mtime of every file it names;
- the week shown, the output format, width and colour, the language (``--lang``), the
  environment variables that change the output, and the quarter hour of "now" (the
  proposals depend on it);
- every calendar: local ``.ics`` files by size and mtime, as the event index checks them; an
  ``.ics`` URL by the content the event index read, when a conditional request (ETag or
  Last-Modified) answers that it has not changed since (:func:`providers.ics_http.unchanged_url`:
  nothing downloaded, nothing parsed); any other remote source or a plug-in makes every run
  compute afresh;
- the state database itself: triggers count every write to its tables (ledger, sent
  invitations, venues, saved proposals, caches, ...) in ``week_output_generation``; a kept
  output counts only while that count is the one it was saved with. Only ``source_health``
  and ``known_warnings`` (what the last read of a source said; they never change the plan)
  are left out, and the look-ups kept for speed whose answer is the one computing gives:
  where counterparts live (``homes_kept``, written as a run ends) and the zone of a place
  (``geo_zone``). A table without the triggers (new since) means: compute afresh.

Anything not certain (no timezone in the config, a file that cannot be read, no database yet)
means: compute afresh; so does ``--verbose``. A run that warned is not kept (a repeat must say
it again, as a count of known warnings). The kept output is the text a fresh run printed, byte
for byte.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

VERSION = "1"
TABLE = "week_output"
GENERATION = "week_output_generation"
UNWATCHED = frozenset(
    {TABLE, GENERATION, "source_health", "known_warnings", "homes_kept", "geo_zone"}
)
ENVIRONMENT = ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "TZ", "NO_COLOR", "FORCE_COLOR")
PACKAGES = ("planner", "providers")
KEEP = 16
LARGEST = 8_000_000  # characters of an output kept
_SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} (key TEXT PRIMARY KEY, generation INTEGER, text TEXT);"
    f"CREATE TABLE IF NOT EXISTS {GENERATION} (id INTEGER PRIMARY KEY CHECK (id = 0), n INTEGER);"
    f"INSERT OR IGNORE INTO {GENERATION} VALUES (0, 0);"
)


def code_fingerprint() -> list[tuple[str, int, int]]:
    """Size and mtime of every file of the planner's packages (code, catalogs, data)."""
    import planner

    root = Path(planner.__file__).resolve().parent.parent
    found = []
    for package in PACKAGES:
        for folder, dirs, files in os.walk(root / package):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".pyc", ".tmp")):
                    continue
                stat = os.stat(os.path.join(folder, name))
                found.append((os.path.join(folder, name), stat.st_size, stat.st_mtime_ns))
    return found


def _file(path: Path) -> tuple[str, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (str(path), stat.st_size, stat.st_mtime_ns)


def _named_files(value: Any, base: Path, into: list[Any]) -> None:
    """The files a config value may name (any string that is the path of an existing file or
    folder, from the working directory or the config's), with size and mtime."""
    if isinstance(value, dict):
        for item in value.values():
            _named_files(item, base, into)
    elif isinstance(value, list):
        for item in value:
            _named_files(item, base, into)
    elif isinstance(value, str) and 0 < len(value) < 1024 and "\0" not in value:
        path = Path(value).expanduser()
        for candidate in dict.fromkeys((path, base / path)):  # in this order in every process
            try:
                if candidate.is_dir():
                    into += sorted(filter(None, map(_file, candidate.iterdir())))
                elif (found := _file(candidate)) is not None:
                    into.append(found)
            except OSError as exc:
                into.append((str(candidate), repr(exc)))


def config_part(config_path: Path, database: Path | None = None) -> tuple[list[Any], str] | None:
    """The config's bytes and named files (and the content of its URL calendars, asked of
    their servers with the validators in ``database``), and its timezone; None when it is
    not certain."""
    import tomllib

    from planner.paths import MiB, read_input

    try:
        raw = read_input(config_path, 16 * MiB)  # a FIFO never blocks, a device is no config
        config = tomllib.loads(raw.decode("utf-8-sig"))  # as planner.paths.read_text_input
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    user = config.get("user")
    timezone = user.get("timezone") if isinstance(user, dict) else None
    calendars = config.get("calendars") or []
    if not isinstance(timezone, str) or not isinstance(calendars, list) or not calendars:
        return None
    urls: list[str] = []
    for entry in calendars:
        if not isinstance(entry, dict) or entry.get("provider") != "ics":
            return None  # a remote source or a plug-in: whether it changed is unknown
        if "url" in entry:
            if database is None or (token := _url_token(entry, database)) is None:
                return None
            urls.append(token)
            continue
        path = entry.get("path")
        if not isinstance(path, str) or not Path(path).expanduser().is_absolute():
            return None
        if not Path(path).expanduser().is_file():
            return None
    files: list[Any] = []
    _named_files(config, config_path.resolve().parent, files)
    return [str(config_path.resolve()), hashlib.sha256(raw).hexdigest(), files, urls], timezone


def _url_token(entry: dict[str, Any], database: Path) -> str | None:
    """The content digest of an unchanged URL calendar (see :func:`config_part`)."""
    url, name, timeout = entry.get("url"), entry.get("name"), entry.get("timeout", 30)
    if not isinstance(url, str) or not isinstance(name, str):
        return None
    if not isinstance(timeout, int | float) or not database.exists():
        return None
    from providers.ics_http import unchanged_url

    return unchanged_url(url, name, database, float(timeout))


def week_key(config_path: Path, request: dict[str, Any], now: datetime) -> str:
    """The key of one output: config part, request, quarter hour, environment and code."""
    environment = {k: v for k, v in os.environ.items() if k in ENVIRONMENT or "PLANNER" in k}
    quarter = int(now.timestamp() // 900)
    parts = [VERSION, str(config_path), sorted(request.items()), quarter]
    parts += [sorted(environment.items()), code_fingerprint()]
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _connect(database: Path, create: bool) -> sqlite3.Connection | None:
    if not create and not database.exists():
        return None
    try:
        conn = sqlite3.connect(database, timeout=10)
    except sqlite3.Error:
        return None
    return conn


def _unwatched_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables whose writes do not count yet (no triggers of ours)."""
    rows = conn.execute("SELECT type, name, tbl_name FROM sqlite_master").fetchall()
    tables = {n for t, n, _ in rows if t == "table" and not n.startswith("sqlite_")}
    watched = {tbl for t, n, tbl in rows if t == "trigger" and n.startswith(f"{GENERATION}_")}
    counted = {tbl for tbl in watched if _trigger_count(rows, tbl) == 3}
    return sorted(tables - UNWATCHED - counted)


def _trigger_count(rows: list[tuple[str, str, str]], table: str) -> int:
    return sum(1 for t, n, tbl in rows if t == "trigger" and tbl == table and GENERATION in n)


def lookup(database: Path, key: str) -> str | None:
    """The kept output of ``key`` when nothing it depends on was written since, else None."""
    conn = _connect(database, create=False)
    if conn is None:
        return None
    try:
        with conn:
            row = conn.execute(
                f"SELECT o.generation, o.text, g.n FROM {TABLE} o, {GENERATION} g "
                "WHERE o.key = ? AND g.id = 0",
                (key,),
            ).fetchone()
            if row is None or row[0] != row[2] or _unwatched_tables(conn):
                return None
            return str(row[1])
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def save(database: Path, key: str, text: str) -> None:
    """Keep ``text`` under ``key`` with the database's write count as it is now; an output of
    more than :data:`LARGEST` characters is not kept (a busy professional's week is well under
    one MB; sixteen outputs of a shared calendar's 50,000 meetings would be a GB)."""
    if len(text) > LARGEST:
        return
    conn = _connect(database, create=True)
    if conn is None:
        return
    try:
        with conn:
            conn.executescript(_SCHEMA)
            for table in _unwatched_tables(conn):
                _watch(conn, table)
            (generation,) = conn.execute(f"SELECT n FROM {GENERATION} WHERE id = 0").fetchone()
            conn.execute(  # the last few outputs (weeks, formats) are kept
                f"DELETE FROM {TABLE} WHERE key = ? OR rowid NOT IN "
                f"(SELECT rowid FROM {TABLE} ORDER BY rowid DESC LIMIT {KEEP - 1})",
                (key,),
            )
            conn.execute(f"INSERT INTO {TABLE} VALUES (?, ?, ?)", (key, generation, text))
    except sqlite3.Error:
        return  # a kept output is only a shortcut; the output was shown
    finally:
        conn.close()


def _watch(conn: sqlite3.Connection, table: str) -> None:
    quoted = '"' + table.replace('"', '""') + '"'
    safe = "".join(c if c.isalnum() else "_" for c in table)
    bump = f"BEGIN UPDATE {GENERATION} SET n = n + 1 WHERE id = 0; END"
    for event in ("INSERT", "UPDATE", "DELETE"):
        name = f"{GENERATION}_{safe}_{event.lower()}"
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        conn.execute(f"CREATE TRIGGER {name} AFTER {event} ON {quoted} {bump}")
