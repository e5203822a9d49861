"""Classifications remembered between runs, beside the event index
(see :mod:`planner.ical.index`).

Classifying costs ~90 µs an event, a year of history ~0.12 s on every run. :func:`classify_all`
looks each event up by a digest of all its fields and keeps what it computes. The digest of an
event read from the event index comes with it (:func:`planner.ical.payload.content_digest`:
the index stores a digest of each template), so a warm run encodes nothing. It is taken
under a fingerprint of the classifier (the modules of :data:`CLASSIFIER_FILES` in
``planner/judge/``) and the language of the evidence
texts, so new rules or another language recompute everything.
A damaged table is dropped and rebuilt; any database error just means classifying afresh.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from planner.ical.payload import content_digest
from planner.model import Classification, Confidence, Event, Mode

if TYPE_CHECKING:
    from planner.config import Config
    from planner.store import Store

log = logging.getLogger("planner")

NAME = "classify_cache"
VERSION = 3  # 2: digests from planner.ical.payload.content_digest; 3: with the confidence
DDL = """
DROP TABLE IF EXISTS classify_cache;
CREATE TABLE classify_cache (
    digest TEXT PRIMARY KEY, mode TEXT NOT NULL, evidence TEXT NOT NULL, confidence TEXT NOT NULL
)
"""
CLASSIFIER_FILES = (
    "mode.py",
    "hints.py",
    "signals.py",
    "text.py",
    "patterns.py",
    "travel.py",
    "bookings.py",
    "people.py",
    "zones.py",
    "tools.py",
)
LIMIT = 50_000  # rows kept; beyond it the oldest go
CHUNK = 500  # digests per SELECT


Key = tuple[str, str]


def classify_all(
    events: Sequence[Event], store: Store | None, config: Config | None = None
) -> dict[Key, Classification]:
    """:func:`planner.judge.mode.classify` of every event by :attr:`Event.key`, from the cache
    in ``store`` where possible (without a store: simply classified), with the user's word
    over it: the marks in ``store`` and the ``[[rules]]`` of ``config``
    (:mod:`planner.judge.corrections`; applied after the cache, never cached)."""
    from planner.judge.corrections import Corrections

    corrections = Corrections.load(store, config)
    return corrections.apply_all(events, _classified(events, store))


def _classified(events: Sequence[Event], store: Store | None) -> dict[Key, Classification]:
    if store is None:
        from planner.judge.mode import classify

        return {e.key: classify(e) for e in events}
    from planner import i18n

    prefix = classifier_fingerprint(i18n.language())
    digests = [_digest(e, prefix) for e in events]
    known = _load(store, digests)
    result: dict[Key, Classification] = {}
    new: list[tuple[str, Classification]] = []
    for event, digest in zip(events, digests, strict=True):
        found = known.get(digest)
        if found is None:
            from planner.judge.mode import classify  # only when something is new: slow import

            found = classify(event)
            known[digest] = found
            new.append((digest, found))
        result[event.key] = found
    if new:
        _save(store, new)
    return result


@cache
def classifier_fingerprint(language: str) -> str:
    here = Path(__file__).resolve().parent
    sha = hashlib.sha256(language.encode())
    for pattern in CLASSIFIER_FILES:
        for path in sorted(here.glob(pattern)):
            sha.update(path.name.encode() + b"\0" + path.read_bytes())
    return sha.hexdigest()


def _digest(event: Event, prefix: str) -> str:
    return hashlib.sha256(f"{prefix}\0{content_digest(event)}".encode()).hexdigest()


def _ensure(store: Store) -> bool:
    try:
        store.ensure(NAME, VERSION, DDL)
        return True
    except sqlite3.DatabaseError as exc:
        log.debug("classification cache unusable (%s)", exc)
        return False


def _load(store: Store, digests: list[str]) -> dict[str, Classification]:
    if not _ensure(store):
        return {}
    found: dict[str, Classification] = {}
    try:
        for first in range(0, len(digests), CHUNK):
            chunk = digests[first : first + CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = store.conn.execute(
                "SELECT digest, mode, evidence, confidence FROM classify_cache"
                f" WHERE digest IN ({marks})",
                chunk,
            ).fetchall()
            for digest, mode, evidence, confidence in rows:
                if (decoded := _decode(mode, evidence, confidence)) is not None:
                    found[digest] = decoded
    except sqlite3.DatabaseError as exc:
        log.warning("the classification cache is damaged (%s); rebuilding it", exc)
        _rebuild(store)
        return {}
    return found


def _decode(mode: object, evidence: object, confidence: object) -> Classification | None:
    try:
        items = json.loads(evidence) if isinstance(evidence, str) else None
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            return None
        return Classification(Mode(mode), tuple(items), Confidence(confidence))
    except ValueError:
        return None  # not JSON or not a mode: classified afresh and overwritten


def _save(store: Store, rows: list[tuple[str, Classification]]) -> None:
    values = [
        (d, c.mode.value, json.dumps(list(c.evidence), ensure_ascii=False), c.confidence.value)
        for d, c in rows
    ]
    try:
        with store.conn as conn:
            conn.executemany("INSERT OR REPLACE INTO classify_cache VALUES (?, ?, ?, ?)", values)
            conn.execute(
                "DELETE FROM classify_cache WHERE rowid <="
                " (SELECT max(rowid) FROM classify_cache) - ?",
                (LIMIT,),
            )
    except sqlite3.DatabaseError as exc:
        log.warning("the classification cache cannot be written (%s)", exc)


def _rebuild(store: Store) -> None:
    try:
        with store.conn as conn:
            for statement in filter(str.strip, DDL.split(";")):
                conn.execute(statement)
            conn.execute("INSERT OR REPLACE INTO schema_versions VALUES (?, ?)", (NAME, VERSION))
    except sqlite3.DatabaseError as exc:
        log.warning("the classification cache stays off (%s)", exc)
