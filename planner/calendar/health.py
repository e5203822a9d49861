"""How each calendar source fared: last good read, last error, the warnings it gives, and the
last good copy of its events to fall back on when it cannot be read (network, server, sign-in).

Kept in the state database. The last good copy of a remote source is an entry of the event
index (:mod:`planner.ical.index`) under its own scope, so that pruning a calendar's files
never removes it. Local files need no copy: they are there or the config is wrong.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from planner.errors import AuthError
from planner.ical.index import EventIndex, unit_id
from planner.ical.payload import FORMAT, DecodeError
from planner.model import Event

if TYPE_CHECKING:
    from planner.config import SourceConfig
    from planner.store import Store

log = logging.getLogger("planner")

NAME = "source_health"
VERSION = 4
DDL = """
DROP TABLE IF EXISTS source_health;
DROP TABLE IF EXISTS known_warnings;
CREATE TABLE source_health (
    source TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    reads TEXT NOT NULL,
    events INTEGER,
    last_ok TEXT,
    last_error TEXT,
    last_error_at TEXT,
    window_start TEXT,
    window_end TEXT,
    auth_error INTEGER,
    auth_token TEXT
);
CREATE TABLE known_warnings (
    source TEXT NOT NULL,
    message TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    PRIMARY KEY (source, message)
)
"""
# version 1 counted events without saying over which window: the window comes with the count
MIGRATIONS = {
    1: "ALTER TABLE source_health ADD COLUMN window_start TEXT;"
    "ALTER TABLE source_health ADD COLUMN window_end TEXT;"
    "UPDATE source_health SET events = NULL",
    # version 2 did not tell a refused sign-in from other errors (status showed it as valid)
    2: "ALTER TABLE source_health ADD COLUMN auth_error INTEGER",
    # version 3 told a sign-in renewed since a refusal by the token file's time, which a file
    # restored from a backup, copied or touched gets wrong: what the file held is kept
    3: "ALTER TABLE source_health ADD COLUMN auth_token TEXT",
}
SNAPSHOT_PARAMS = json.dumps(["snapshot", FORMAT])

# The sources of this run that were not read, in the order met (see :func:`unread`).
_unread: ContextVar[tuple[Unread, ...]] = ContextVar("planner_unread_sources", default=())


@dataclass(frozen=True, slots=True)
class Unread:
    """A calendar a run could not read: why (``reason``: a short phrase without secrets), and
    the last good copy shown in its place (when it was read and how old it was then); without
    a copy its events are missing."""

    name: str
    reason: str
    copy_read_at: datetime | None = None
    copy_age: timedelta | None = None

    @property
    def missing(self) -> bool:
        return self.copy_read_at is None


@dataclass(frozen=True)
class SourceState:
    """One row of ``planner status``: ``events`` are the occurrences (a series counts once per
    occurrence) the last good read found in its ``window``."""

    source: str
    provider: str
    reads: str
    events: int | None
    last_ok: datetime | None
    last_error: str
    last_error_at: datetime | None
    warnings: tuple[str, ...]
    window: tuple[datetime, datetime] | None = None
    auth_error: bool = False  # the last error was a refused sign-in (:class:`AuthError`)
    # the fingerprint of the token file when the sign-in was refused ("": not known)
    auth_token: str = ""


def reads(source: SourceConfig) -> str:
    """What a source reads, without secrets (a URL only as scheme://host/…/last-segment)."""
    options = source.options
    if options.get("path"):
        return str(options["path"])
    if options.get("url"):
        from providers.ics_http import display_url

        return display_url(str(options["url"]))
    calendars = options.get("calendars")
    if calendars:
        return ", ".join(str(c) for c in calendars)
    return source.provider


def remote(source: SourceConfig) -> bool:
    """Whether a failure of ``source`` may be passing (everything but local files)."""
    return not (source.provider == "ics" and source.options.get("path"))


def missing() -> tuple[str, ...]:
    """The sources that could not be read in this run and had no earlier copy."""
    return tuple(dict.fromkeys(u.name for u in _unread.get() if u.missing))


def unread() -> tuple[Unread, ...]:
    """Every source not read in this run so far, each time it was not (see :func:`since`)."""
    return _unread.get()


def since(mark: int) -> tuple[Unread, ...]:
    """The sources not read since :func:`unread` had ``mark`` entries, each once (a source
    missing once counts as missing), the missing ones first."""
    found: dict[str, Unread] = {}
    for entry in _unread.get()[mark:]:
        if entry.name not in found or entry.missing:
            found[entry.name] = entry
    return tuple(sorted(found.values(), key=lambda u: not u.missing))  # the missing first


def mark_unread(entry: Unread) -> None:
    _unread.set((*_unread.get(), entry))


def reset() -> None:
    """Forget the sources not read (a new command begins)."""
    _unread.set(())


class Health:
    """The health tables of one store; a database error is logged and otherwise ignored."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.usable = True
        self._run(lambda: store.ensure(NAME, VERSION, DDL, MIGRATIONS))

    def _run(self, action: Callable[[], Any]) -> Any:
        if not self.usable:
            return None
        try:
            with self.store.conn:
                return action()
        except sqlite3.DatabaseError as exc:
            log.debug("source health unavailable (%s)", exc)
            self.usable = False
            return None

    def _upsert(self, source: SourceConfig) -> None:
        self.store.conn.execute(
            "INSERT INTO source_health (source, provider, reads) VALUES (?, ?, ?)"
            " ON CONFLICT (source) DO UPDATE SET provider = excluded.provider,"
            " reads = excluded.reads",
            (source.name, source.provider, reads(source)),
        )

    def succeeded(
        self,
        source: SourceConfig,
        events: int,
        at: datetime,
        window: tuple[datetime, datetime] | None = None,
    ) -> None:
        """``source`` was read at ``at``: ``events`` occurrences in ``window``."""
        first, last = (_iso(window[0]), _iso(window[1])) if window else (None, None)

        def run() -> None:
            self._upsert(source)
            self.store.conn.execute(
                "UPDATE source_health SET events = ?, last_ok = ?, last_error = NULL,"
                " last_error_at = NULL, auth_error = NULL, auth_token = NULL,"
                " window_start = ?, window_end = ? WHERE source = ?",
                (events, _iso(at), first, last, source.name),
            )

        self._run(run)

    def failed(self, source: SourceConfig, error: Exception, at: datetime, token: str = "") -> None:
        """Reading ``source`` failed at ``at`` with ``error`` (a refused sign-in is told, with
        ``token``: the fingerprint of what its token file held then, never the token)."""
        refused = isinstance(error, AuthError)

        def run() -> None:
            self._upsert(source)
            self.store.conn.execute(
                "UPDATE source_health SET last_error = ?, last_error_at = ?, auth_error = ?,"
                " auth_token = ? WHERE source = ?",
                (str(error), _iso(at), refused, (token or None) if refused else None,
                 source.name),
            )  # fmt: skip

        self._run(run)

    def known_warnings(self, source: str) -> set[str]:
        rows = self._run(
            lambda: self.store.conn.execute(
                "SELECT message FROM known_warnings WHERE source = ?", (source,)
            ).fetchall()
        )
        return {row[0] for row in rows or ()}

    def remember_warnings(self, source: str, messages: Sequence[str], at: datetime) -> None:
        """The warnings ``source`` gave in this read replace the ones remembered before."""

        def run() -> None:
            conn = self.store.conn
            keep = set(messages)
            for (old,) in conn.execute(
                "SELECT message FROM known_warnings WHERE source = ?", (source,)
            ).fetchall():
                if old not in keep:
                    conn.execute(
                        "DELETE FROM known_warnings WHERE source = ? AND message = ?",
                        (source, old),
                    )
            for message in keep:
                conn.execute(
                    "INSERT OR IGNORE INTO known_warnings VALUES (?, ?, ?)",
                    (source, message, _iso(at)),
                )

        self._run(run)

    def states(self, sources: Sequence[SourceConfig]) -> list[SourceState]:
        """A row for every configured source, in config order."""
        rows = self._run(
            lambda: self.store.conn.execute(
                "SELECT source, events, last_ok, last_error, last_error_at, window_start,"
                " window_end, auth_error, auth_token FROM source_health"
            ).fetchall()
        )
        known = {row[0]: row for row in rows or ()}
        result = []
        for source in sources:
            row = known.get(source.name, (source.name, *[None] * 8))
            first, last = _parse(row[5]), _parse(row[6])
            result.append(
                SourceState(
                    source=source.name,
                    provider=source.provider,
                    reads=reads(source),
                    events=row[1],
                    last_ok=_parse(row[2]),
                    last_error=row[3] or "",
                    last_error_at=_parse(row[4]),
                    warnings=tuple(sorted(self.known_warnings(source.name))),
                    window=(first, last) if first and last else None,
                    auth_error=bool(row[7]),
                    auth_token=row[8] or "",
                )
            )
        return result

    # -- the last good copy ------------------------------------------------------------------

    def save_copy(
        self, source: SourceConfig, start: datetime, end: datetime, events: Sequence[Event]
    ) -> None:
        index = EventIndex(self.store)
        index.save(
            _copy_unit(source.name),
            json.dumps(["snapshot", source.name], ensure_ascii=False),
            SNAPSHOT_PARAMS,
            {"read_at": _iso(datetime.now(UTC))},
            (start, end),
            [],
            events,
        )

    def copy(
        self, source: SourceConfig, start: datetime, end: datetime
    ) -> tuple[list[Event], datetime, tuple[datetime, datetime]] | None:
        """The events of the last good read of ``source`` in ``[start, end)``, when that read
        was made, and the part of ``[start, end)`` it covered; None without a read that
        covered any of it. :class:`UnreadableCopy` when there is one but another version of
        planner wrote it in a layout this one does not read (an upgrade while offline)."""
        entry = EventIndex(self.store).lookup(_copy_unit(source.name), SNAPSHOT_PARAMS)
        if entry is None:
            return None
        first, last = max(start, entry.window[0]), min(end, entry.window[1])
        read_at = _parse(entry.validators.get("read_at"))
        if read_at is None or first >= last:
            return None
        try:
            return entry.events(first, last), read_at, (first, last)
        except DecodeError as exc:
            raise UnreadableCopy(read_at) from exc


class UnreadableCopy(Exception):
    """A last good copy is there, but not in a layout this version reads."""

    def __init__(self, read_at: datetime) -> None:
        self.read_at = read_at
        super().__init__(read_at.isoformat())


def _copy_unit(name: str) -> str:
    return unit_id("snapshot", name, "")


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def _parse(text: object) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None
