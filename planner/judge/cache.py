"""Classifications remembered between runs, beside the event index
(see :mod:`planner.ical.index`).

Classifying costs ~60 µs an event, a year of history ~0.08 s on every run. :func:`classify_all`
looks each event up by its *shape*: a digest of all its fields but its times
(:func:`planner.ical.payload.template_digest`), with its all-day flag and its length, which is
all the classifier reads (``tests/judge/test_cache.py`` pins that moving an event changes
nothing). The occurrences of a series share one shape, so a daily
series over a year is classified once, not 400 times; within a run each shape is looked up once.
The digest of an event read from the event index comes with it (the index stores a digest of
each template), so a warm run encodes nothing. Shapes are taken under a fingerprint of the
classifier (the modules of :data:`CLASSIFIER_FILES` in ``planner/judge/``) and the language of
the evidence texts, so new rules or another language recompute everything.
A damaged table is dropped and rebuilt; any database error just means classifying afresh.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.ical import behind
from planner.ical.payload import compact, parse, remember_digests, template_digest
from planner.ical.plain import paused_collection
from planner.judge.memo import answers, take_answers
from planner.model import Classification, Confidence, Event, Mode

if TYPE_CHECKING:
    from planner.config import Config
    from planner.store import Store

log = logging.getLogger("planner")

NAME = "classify_cache"
VERSION = 4  # 2: digests from content_digest; 3: with the confidence; 4: of the shape
DDL = """
DROP TABLE IF EXISTS classify_cache;
CREATE TABLE classify_cache (
    digest TEXT PRIMARY KEY, mode TEXT NOT NULL, evidence TEXT NOT NULL, confidence TEXT NOT NULL
)
"""
#: the modules the classifier runs (under ``planner/``): a change to one recomputes everything
#: (``tests/judge/test_cache.py`` checks that every module it imports is here)
CLASSIFIER_FILES = (
    *(f"judge/{name}.py" for name in ("mode", "hints", "signals", "text", "patterns", "travel")),
    *(f"judge/{name}.py" for name in ("bookings", "people", "zones", "tools", "anchored")),
    *(f"judge/{name}.py" for name in ("memo", "tasks", "calls", "platforms", "kept_regex")),
    "judge/visits.py",
    "judge/not_gatherings.py",
    *(f"people/{name}.py" for name in ("addresses", "directory", "names", "person", "postal")),
)
LIMIT = 50_000  # rows kept; beyond it the oldest go
CHUNK = 500  # digests per SELECT
SHARED = 400  # new shapes from which classifying them is shared among the cores


Key = tuple[str, str]


def classify_all(
    events: Sequence[Event], store: Store | None, config: Config | None = None
) -> dict[Key, Classification]:
    """:func:`planner.judge.mode.classify` of every event by :attr:`Event.key`, from the cache
    in ``store`` where possible (without a store: each shape classified once), with the user's
    word over it: the marks in ``store`` and the ``[[rules]]`` of ``config``
    (:mod:`planner.judge.corrections`; applied after the cache, never cached)."""
    from planner.judge.corrections import Corrections

    corrections = Corrections.load(store, config)
    return corrections.apply_all(events, _classified(events, store))


def _classified(events: Sequence[Event], store: Store | None) -> dict[Key, Classification]:
    from planner import i18n

    remember_digests(events)  # events just read: each template encoded once
    prefix = classifier_fingerprint(i18n.language())
    digests: dict[tuple[object, ...], str] = {}
    first: dict[str, Event] = {}  # one event of each shape
    shape_of = []
    for event in events:
        shape = _shape(event)
        digest = digests.get(shape)
        if digest is None:
            digest = digests[shape] = _digest(shape, prefix)
            first[digest] = event
        shape_of.append(digest)
    known = _load(store, list(first)) if store is not None else {}
    unknown = [digest for digest in first if digest not in known]
    if unknown:
        import planner.judge.mode  # noqa: F401  (imported once here, not in each worker)
        from planner.ical.forking import fork_map

        shapes = [first[digest] for digest in unknown]
        found = []
        for event, (classification, answers) in zip(
            shapes, fork_map(_classify, shapes, minimum=SHARED), strict=True
        ):
            take_answers(event, answers)
            found.append(classification)
        known.update(zip(unknown, found, strict=True))
        if store is not None:
            _save(store, list(zip(unknown, found, strict=True)))
    return {event.key: known[d] for event, d in zip(events, shape_of, strict=True)}


def _classify(events: Sequence[Event]) -> list[tuple[Classification, dict[str, object]]]:
    """Each event classified (thousands of new ones are shared among the cores), with the
    small answers the classifier worked out on the way (:func:`planner.judge.memo.answers`:
    travel and gathering words, tasks) and those the purpose asks next, worked out while the
    texts they read are at hand (the visit word, the texts the purpose's words are looked for
    in): a worker's come back with its classifications, so the judgement of a week of
    thousands need not work them out a second time (nor the zones they are read from).
    Equal classifications are one object: a worker sends each back once, not once an event."""
    from planner.judge.mode import classify  # only when something is new: a slow import
    from planner.judge.people import visit_word
    from planner.judge.zones import written

    found = []
    same: dict[Classification, Classification] = {}  # each sent back once: "Zoom link in …"
    with paused_collection():  # no cycles made; thousands of answers kept
        for event in events:
            classification = classify(event)
            classification = same.setdefault(classification, classification)
            visit_word(event)  # what the purpose asks next, while the texts read are at hand
            written(event)
            found.append((classification, answers(event)))
    return found


def _shape(event: Event) -> tuple[object, ...]:
    """What the classifier may read of an event: everything but when it is."""
    return (template_digest(event), event.all_day, event.end - event.start)


@cache
def classifier_fingerprint(language: str) -> str:
    here = Path(__file__).resolve().parent.parent
    sha = hashlib.sha256(language.encode())
    for name in CLASSIFIER_FILES:
        sha.update(name.encode() + b"\0" + (here / name).read_bytes())
    return sha.hexdigest()


def _digest(shape: tuple[object, ...], prefix: str) -> str:
    return hashlib.sha256(f"{prefix}\0{shape!r}".encode()).hexdigest()


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
    behind.settle(store.conn, [NAME])  # classifications written behind by this process
    found: dict[str, Classification] = {}
    decoded: dict[tuple[object, object, object], Classification | None] = {}  # rows recur
    try:
        for first in range(0, len(digests), CHUNK):
            chunk = digests[first : first + CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = store.conn.execute(
                "SELECT digest, mode, evidence, confidence FROM classify_cache"
                f" WHERE digest IN ({marks})",
                chunk,
            ).fetchall()
            for digest, *row in rows:
                value = decoded.get(key := tuple(row), _UNREAD)
                if value is _UNREAD:
                    value = decoded[key] = _decode(*row)
                if value is not None:
                    found[digest] = value
    except sqlite3.DatabaseError as exc:
        log.warning("the classification cache is damaged (%s); rebuilding it", exc)
        _rebuild(store)
        return {}
    return found


_UNREAD: Any = object()
_MODES = {m.value: m for m in Mode}  # dict look-ups: Enum(value) is ten times slower
_CONFIDENCES = {c.value: c for c in Confidence}


def _decode(mode: object, evidence: object, confidence: object) -> Classification | None:
    """A row read back (equal rows, one object); None where it is not one this version
    wrote: classified afresh and overwritten."""
    try:
        items = parse(evidence) if isinstance(evidence, str) else None
    except ValueError:
        return None
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        return None
    try:
        return Classification(_MODES[mode], tuple(items), _CONFIDENCES[confidence])
    except (KeyError, TypeError):  # another value, or one that cannot be a key
        return None


def _save(store: Store, rows: list[tuple[str, Classification]]) -> None:
    """Write ``rows``; thousands are written behind (:mod:`planner.ical.behind`)."""

    def work(conn: sqlite3.Connection) -> None:
        texts: dict[tuple[str, ...], str] = {}  # evidence recurs: each written once (orjson)
        values = []
        for digest, found in rows:
            text = texts.get(found.evidence)
            if text is None:
                text = texts[found.evidence] = compact(list(found.evidence))
            values.append((digest, found.mode.value, text, found.confidence.value))
        conn.executemany("INSERT OR REPLACE INTO classify_cache VALUES (?, ?, ?, ?)", values)
        conn.execute(
            "DELETE FROM classify_cache WHERE rowid <= (SELECT max(rowid) FROM classify_cache) - ?",
            (LIMIT,),
        )

    try:
        if not behind.handed(store.conn, store.path, NAME, len(rows), work):
            with store.conn as conn:
                work(conn)
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
