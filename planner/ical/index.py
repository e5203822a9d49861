"""The event index: parsed, expanded events of calendar sources kept in the state database, so
that a run over unchanged sources parses nothing.

What is cached is one *entry* per source unit (one .ics file, or one URL): the expanded
occurrences over a window somewhat wider than the one asked for (see :func:`widen`), the
warnings the parse gave (replayed on every reuse), and the validators that tell whether the
source changed. Caching occurrences rather than parsed-but-unexpanded events keeps the cold run
cheap (single events far outside the window are never parsed, which no cache of the whole file
could offer) and makes the warm run a matter of decoding JSON.

An entry is used only when all of these hold:

- the *unit* matches: kind, location, calendar name;
- the *parameters* match: the user's zone and addresses, the entry format, and a fingerprint of
  the conversion code (:data:`CODE_FILES` in ``planner/ical/``) and of the
  installed icalendar, recurring-ical-events and x-wr-timezone;
- its window covers the request;
- the validators match (:class:`FileState` for files; ETag, Last-Modified or content hash for
  URLs — decided by the provider);
- the payload decodes and has the expected shape. Anything else is a miss: the source is read
  again and the entry rewritten. A corrupt or foreign table is dropped and rebuilt; a database
  error never stops a run (the source is simply parsed).

Time zones: a date-time whose zone is an IANA :class:`~zoneinfo.ZoneInfo` comes back in that
zone; any other zone (a file's own VTIMEZONE, a legacy Outlook name) comes back as a fixed
offset with the same name, so instants and wall times are kept, DST rules of that zone are not.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from planner.i18n import _
from planner.ical import behind
from planner.ical.payload import FORMAT, decode_events, encode_events, within
from planner.model import Event

if TYPE_CHECKING:
    from planner.store import Store

log = logging.getLogger("planner")

NAME = "event_index"
VERSION = 2  # the table layout (2: parts); another stored version drops and rebuilds the tables
DDL = """
DROP TABLE IF EXISTS event_index;
CREATE TABLE event_index (
    unit TEXT PRIMARY KEY,
    scope TEXT NOT NULL,
    params TEXT NOT NULL,
    validators TEXT NOT NULL,
    window_start TEXT NOT NULL,
    window_end TEXT NOT NULL,
    warnings TEXT NOT NULL,
    payload TEXT NOT NULL,
    parts TEXT
);
CREATE INDEX event_index_scope ON event_index (scope)
"""
RACY_NS = 2_000_000_000  # a file modified this close to its reading may change unseen by mtime
WIDEN_BEFORE = timedelta(days=31)
WIDEN_AFTER = timedelta(days=62)
#: every module whose code shapes what a read gives (a change re-reads every source)
CODE_FILES = (
    "reader.py",
    "reading.py",
    "payload.py",
    "fields.py",
    "parsing.py",
    "recurrence.py",
    "occurrences.py",
    "salvage.py",
    "tzids.py",
    "zones.py",
    "index.py",
    "layout.py",
    "pieces.py",
    "incremental.py",
    "plain.py",
    "convert.py",
)
LIBRARIES = ("icalendar", "recurring_ical_events", "x_wr_timezone")


# ---------------------------------------------------------------------------------------------
# Keys and validators


@dataclass(frozen=True, slots=True)
class FileState:
    """What ``stat`` says about a file, and when it was read (all in nanoseconds)."""

    size: int
    mtime_ns: int
    read_ns: int

    @classmethod
    def of(cls, path: Path) -> FileState:
        """Stat ``path`` now (call *before* reading it, so a later change is never missed)."""
        now = time.time_ns()
        info = path.stat()
        return cls(info.st_size, info.st_mtime_ns, now)

    def unchanged(self, stored: dict[str, Any]) -> bool:
        """Same size and mtime as ``stored``, and old enough then that mtime can be trusted."""
        return (
            stored.get("size") == self.size
            and stored.get("mtime_ns") == self.mtime_ns
            and isinstance(stored.get("read_ns"), int)
            and self.mtime_ns < stored["read_ns"] - RACY_NS
        )

    def as_dict(self) -> dict[str, int]:
        return {"size": self.size, "mtime_ns": self.mtime_ns, "read_ns": self.read_ns}


def digest(data: bytes) -> str:
    """The content hash stored with an entry (SHA-256, hex)."""
    return hashlib.sha256(data).hexdigest()


def unit_id(kind: str, location: str, calendar: str) -> str:
    """The key of one source unit; a URL is hashed (its path or query may hold a secret)."""
    if kind == "url":
        location = hashlib.sha256(location.encode("utf-8")).hexdigest()
    return json.dumps([kind, location, calendar], ensure_ascii=False)


def params_for(tz: ZoneInfo, user_emails: Iterable[str]) -> str:
    """Everything besides the source that the conversion depends on."""
    emails = sorted({e.lower() for e in user_emails})
    return json.dumps([FORMAT, code_fingerprint(), tz.key, emails])


@cache
def code_fingerprint() -> str:
    """Hash of the conversion code and the installed parsing libraries (stat only, no import)."""
    import importlib.util

    sha = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in CODE_FILES:
        sha.update((here / name).read_bytes())
    for library in LIBRARIES:
        spec = importlib.util.find_spec(library)
        origin = spec.origin if spec is not None else None
        if origin:
            info = Path(origin).stat()
            sha.update(f"{library}:{origin}:{info.st_size}:{info.st_mtime_ns}".encode())
    return sha.hexdigest()[:32]


def widen(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    """The window to expand and store for a request: a month before it, two months after it
    (later runs move the end forward with "now"), on whole UTC days."""
    lo = (start - WIDEN_BEFORE).astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    hi = (end + WIDEN_AFTER).astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return lo, hi + timedelta(days=1)


def overlaps(event: Event, start: datetime, end: datetime) -> bool:
    """Whether ``event`` belongs to ``[start, end)`` (an instant event at ``start`` does)."""
    return within(event.start, event.end, start, end)


# ---------------------------------------------------------------------------------------------
# Entries


@dataclass(frozen=True)
class Entry:
    """A stored entry as read; ``events`` decodes the payload (raises :class:`DecodeError`)."""

    unit: str
    validators: dict[str, Any]
    window: tuple[datetime, datetime]
    warnings: tuple[str, ...]
    payload: str

    def covers(self, start: datetime, end: datetime) -> bool:
        return self.window[0] <= start and end <= self.window[1]

    def events(self, start: datetime, end: datetime) -> list[Event]:
        return decode_events(self.payload, start, end)


class EventIndex:
    """The index table of one :class:`~planner.store.Store`.

    Every method survives a damaged database: it logs, drops the table where it can, and
    behaves as if the entry were missing (``lookup`` gives None, ``save`` does nothing).
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.usable = True
        self._guard(lambda: store.ensure(NAME, VERSION, DDL))

    def lookup(self, unit: str, params: str) -> Entry | None:
        """The entry of ``unit`` if it was made with ``params`` and its fields are well-formed."""
        self._settle([unit])
        row = self._guard(
            lambda: self.store.conn.execute(
                "SELECT params, validators, window_start, window_end, warnings, payload"
                " FROM event_index WHERE unit = ?",
                (unit,),
            ).fetchone()
        )
        if not row or row[0] != params:
            return None
        try:
            return _entry(unit, row)
        except (ValueError, TypeError, KeyError) as exc:
            log.debug("event index: entry %s is damaged (%s); it will be rebuilt", unit, exc)
            self.forget(unit)
            return None

    def save(
        self,
        unit: str,
        scope: str,
        params: str,
        validators: dict[str, Any],
        window: tuple[datetime, datetime],
        warnings: Sequence[str],
        events: Sequence[Event] | str,
        parts: str | None = None,
    ) -> None:
        """Store (or replace) the entry of ``unit``: ``events``, or their payload as made by
        :func:`planner.ical.payload.replace_events`; thousands of events are encoded and
        written behind (:mod:`planner.ical.behind`)."""
        self._settle([unit])  # an earlier entry written behind never lands after this one
        row = (
            unit,
            scope,
            params,
            json.dumps(validators),
            window[0].astimezone(UTC).isoformat(),
            window[1].astimezone(UTC).isoformat(),
            json.dumps(list(warnings), ensure_ascii=False),
            events if isinstance(events, str) else "",
            parts,
        )
        sql = "INSERT OR REPLACE INTO event_index VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        if not isinstance(events, str):
            if self._behind(sql, row, events):
                return
            row = (*row[:-2], encode_events(events), parts)
        self._write(sql, row)

    def _behind(self, sql: str, row: tuple[Any, ...], events: Sequence[Event]) -> bool:
        """Whether the entry ``row`` of ``events`` is being written behind."""
        if not self.usable:
            return False

        def work(conn: sqlite3.Connection) -> None:
            conn.execute(sql, (*row[:-2], encode_events(events), row[-1]))

        conn, path = self.store.conn, self.store.path
        return bool(self._guard(lambda: behind.handed(conn, path, str(row[0]), len(events), work)))

    def parts(self, unit: str) -> str | None:
        """What the source of ``unit`` was read from (:class:`planner.ical.incremental.Parts`
        as JSON), where it can be read again in part; read only when the source changed."""
        self._settle([unit])
        row = self._guard(
            lambda: self.store.conn.execute(
                "SELECT parts FROM event_index WHERE unit = ?", (unit,)
            ).fetchone()
        )
        return row[0] if row and isinstance(row[0], str) else None

    def revalidate(self, unit: str, validators: dict[str, Any]) -> None:
        """New validators for an entry whose content turned out unchanged (e.g. a touched file)."""
        self._settle([unit])
        self._write(
            "UPDATE event_index SET validators = ? WHERE unit = ?", (json.dumps(validators), unit)
        )

    def forget(self, unit: str) -> None:
        self._settle([unit])
        self._write("DELETE FROM event_index WHERE unit = ?", (unit,))

    def prune(self, scope: str, keep: Iterable[str]) -> None:
        """Drop the entries of ``scope`` (e.g. a folder's files) whose unit is not in ``keep``."""
        kept = set(keep)
        self._settle(unit for unit in behind.units() if unit not in kept)
        rows = self._guard(
            lambda: self.store.conn.execute(
                "SELECT unit FROM event_index WHERE scope = ?", (scope,)
            ).fetchall()
        )
        for (unit,) in rows or ():
            if unit not in kept:
                self.forget(unit)

    # -- damage control ---------------------------------------------------------------------

    def _write(self, sql: str, args: tuple[Any, ...]) -> None:
        def run() -> None:
            with self.store.conn:
                self.store.conn.execute(sql, args)

        self._guard(run)

    def _settle(self, units: Iterable[str]) -> None:
        """Wait for the entries of ``units`` being written behind, if any."""
        behind.settle(self.store.conn, units)

    def _guard(self, action: Callable[[], Any]) -> Any:
        if not self.usable:
            return None
        try:
            return action()
        except sqlite3.DatabaseError as exc:
            if _busy(exc):  # another run holds the database: nothing is damaged
                log.debug("event index busy (%s); reading without it", exc)
                self.usable = False
                return None
            log.warning(
                _(
                    "{path}: the event index is unusable ({error}); rebuilding it",
                    path=self.store.path or _("state database"),
                    error=exc,
                )
            )
        try:
            self._rebuild()
            return action()
        except sqlite3.DatabaseError as exc:
            log.warning(_("the event index stays off for this run ({error})", error=exc))
            self.usable = False
            return None

    def _rebuild(self) -> None:
        """Drop and recreate the index table, whatever the version table claims."""
        with self.store.conn as conn:
            for statement in filter(str.strip, DDL.split(";")):
                conn.execute(statement)
            conn.execute("INSERT OR REPLACE INTO schema_versions VALUES (?, ?)", (NAME, VERSION))


def _busy(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def _entry(unit: str, row: tuple[Any, ...]) -> Entry:
    _params, validators, lo, hi, warnings, payload = row
    validators = json.loads(validators)
    warnings = json.loads(warnings)
    if not isinstance(validators, dict) or not isinstance(warnings, list):
        raise TypeError("validators or warnings have the wrong type")
    if not isinstance(payload, str):
        raise TypeError("payload is not text")
    window = (datetime.fromisoformat(lo), datetime.fromisoformat(hi))
    if window[0].tzinfo is None or window[1].tzinfo is None:
        raise ValueError("naive window")
    return Entry(unit, validators, window, tuple(str(w) for w in warnings), payload)
