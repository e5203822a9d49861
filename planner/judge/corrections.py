"""The user's word: corrections recorded with ``planner mark`` and the config's ``[[rules]]``.

A correction sets any of mode, purpose and meeting-or-not for the events it matches, and beats
every rule of the classifier (see :mod:`planner.judge.mode` for the order of precedence). Its
scope says which events:

- ``occurrence``: one occurrence, by its series and its original start (the RECURRENCE-ID), so
  it stays with the occurrence when that is moved;
- ``series``: every occurrence of a series, by the series' identity (iCalendar UID, Google's
  recurring event id, Graph's series master id), so it survives re-reads, re-syncs and moved
  occurrences;
- ``title``: a title pattern (``*`` and ``?``; without them, the words anywhere in the title);
- ``counterpart``: every event with this e-mail address among the people;
- ``organisation``: every event with someone of this domain;
- ``calendar``: every event of a configured calendar (config rules only).

When several match, the more specific scope wins (in the order above), a ``planner mark`` beats
a config rule of the same scope, and the newer mark beats the older. Marks live in the state
database (table ``corrections``), are listed and undone with ``planner mark``; undone ones are
kept, marked undone. Every corrected judgement shows it as evidence ("you said so on 8 Dec").
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING, Any

from planner.i18n import _, language
from planner.model import Classification, Confidence, Event, Mode, Purpose, Said
from planner.store import readable

if TYPE_CHECKING:
    from planner.config import Config
    from planner.store import Store

SCHEMA = "corrections"
SCHEMA_VERSION = 1
DDL = """
DROP TABLE IF EXISTS corrections;
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    alias TEXT NOT NULL DEFAULT '',
    occurrence TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    mode TEXT,
    purpose TEXT,
    meeting INTEGER,
    undone TEXT
)
"""
SCOPES = ("occurrence", "series", "title", "counterpart", "organisation", "calendar")
_RANK = {scope: len(SCOPES) - i for i, scope in enumerate(SCOPES)}
ORIGINAL_START = "RECURRENCE-ID"  # the hint readers give each occurrence (UTC ISO)


def series_key(event: Event) -> str:
    """What stays the same for every occurrence of a series across re-reads and moves."""
    return event.series_id or event.uid


def original_start(event: Event) -> str:
    """The occurrence's original start (its RECURRENCE-ID) in UTC, else its start."""
    return event.hint(ORIGINAL_START) or event.start.astimezone(UTC).isoformat()


def ref_of(event: Event) -> str:
    """A short reference to one occurrence, shown beside a judgement that is not sure, for
    ``planner mark REF``."""
    text = f"{series_key(event)}|{original_start(event)}"
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def _emails(event: Event) -> set[str]:
    listed = ((event.organizer,) if event.organizer else ()) + event.attendees
    return {p.email.lower() for p in listed if p.email and not p.is_resource}


def _domain_matches(email: str, domain: str) -> bool:
    host = email.rpartition("@")[2]
    return host == domain or host.endswith("." + domain)


def title_matches(pattern: str, title: str) -> bool:
    """``*`` and ``?`` as wildcards, case-insensitive; a pattern without them matches
    anywhere in the title."""
    folded = pattern.strip().casefold()
    if not any(c in folded for c in "*?["):
        folded = f"*{folded}*"
    return fnmatchcase(title.casefold(), folded)


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction: which events (``scope`` and ``key``), what the user said, and where it
    comes from (a mark with its ``id`` and date, or a config rule with its ``conditions``)."""

    scope: str
    key: str
    mode: Mode | None = None
    purpose: Purpose | None = None
    meeting: bool | None = None
    id: int | None = None
    created: datetime | None = None
    alias: str = ""  # another identity of the same series (an occurrence's own UID)
    occurrence: str = ""  # the original start of the occurrence (scope "occurrence")
    title: str = ""  # the title of the event it was made for, for listing
    undone: datetime | None = None
    conditions: tuple[tuple[str, str], ...] = ()  # a config rule: every one must hold
    rule: int = 0  # the number of the [[rules]] table

    @property
    def from_config(self) -> bool:
        return bool(self.conditions)

    def matches(self, event: Event) -> bool:
        if self.conditions:
            return all(_condition(name, value, event) for name, value in self.conditions)
        if self.scope in ("occurrence", "series"):
            same = series_key(event) in (self.key, self.alias) or event.uid in (
                self.key,
                self.alias,
            )
            return same and (self.scope == "series" or original_start(event) == self.occurrence)
        return _condition(self.scope, self.key, event)

    def evidence(self, tz: tzinfo) -> str:
        if self.from_config:
            return _("your rule in the config ([[rules]] #{number})", number=self.rule)
        from planner.judge.dates import format_day

        day = (self.created or datetime.now(UTC)).astimezone(tz).date()
        pattern = "d. MMM" if language() == "de" else "d MMM"  # "8. Dez.", "8 Dec"
        return _("you said so on {day}", day=format_day(day, pattern, language()))


def _condition(name: str, value: str, event: Event) -> bool:
    if name == "title":
        return title_matches(value, event.title)
    if name == "counterpart":
        return value.lower() in _emails(event)
    if name == "organisation":
        return any(_domain_matches(e, value.lower()) for e in _emails(event))
    if name == "organizer_domain":
        organizer = event.organizer.email.lower() if event.organizer else ""
        return bool(organizer) and _domain_matches(organizer, value.lower())
    if name == "calendar":
        return value in (event.calendar, event.source)
    return False


# --- the store -------------------------------------------------------------------------------


class CorrectionStore:
    """The marks in the state database."""

    def __init__(self, store: Store) -> None:
        store.ensure(SCHEMA, SCHEMA_VERSION, DDL)
        self.store = store

    def add(self, correction: Correction, now: datetime | None = None) -> Correction:
        created = (now or datetime.now(UTC)).astimezone(UTC)
        with self.store.conn as conn:
            cursor = conn.execute(
                "INSERT INTO corrections (created, scope, key, alias, occurrence, title, mode,"
                " purpose, meeting) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    created.isoformat(),
                    correction.scope,
                    correction.key,
                    correction.alias,
                    correction.occurrence,
                    correction.title,
                    correction.mode.value if correction.mode else None,
                    correction.purpose.value if correction.purpose else None,
                    None if correction.meeting is None else int(correction.meeting),
                ),
            )
        return replace(correction, id=cursor.lastrowid, created=created)

    def all(self, *, undone: bool = False) -> list[Correction]:
        """The marks, oldest first; with ``undone`` also those undone."""
        rows = self.store.conn.execute(
            "SELECT id, created, scope, key, alias, occurrence, title, mode, purpose, meeting,"
            " undone FROM corrections ORDER BY id"
        )
        found = readable(rows, _row, SCHEMA, self.store.path)
        return [c for c in found if undone or c.undone is None]

    def undo(self, number: int, now: datetime | None = None) -> Correction | None:
        """Undo mark ``number``; None when there is no such mark still in force."""
        found = next((c for c in self.all() if c.id == number), None)
        if found is None:
            return None
        when = (now or datetime.now(UTC)).astimezone(UTC)
        with self.store.conn as conn:
            conn.execute(
                "UPDATE corrections SET undone = ? WHERE id = ?", (when.isoformat(), number)
            )
        return replace(found, undone=when)


def _row(row: Sequence[Any]) -> Correction:
    number, created, scope, key, alias, occurrence, title, mode, purpose, meeting, undone = row
    if scope not in SCOPES or not key:
        raise ValueError(scope)
    return Correction(
        scope=scope,
        key=key,
        mode=Mode(mode) if mode else None,
        purpose=Purpose(purpose) if purpose else None,
        meeting=None if meeting is None else bool(meeting),
        id=int(number),
        created=datetime.fromisoformat(created),
        alias=alias or "",
        occurrence=occurrence or "",
        title=title or "",
        undone=datetime.fromisoformat(undone) if undone else None,
    )


# --- config rules ---------------------------------------------------------------------------

_CONDITION_SCOPE = (
    ("title", "title"),
    ("counterpart", "counterpart"),
    ("organisation", "organisation"),
    ("organizer_domain", "organisation"),
    ("calendar", "calendar"),
)


def rules_of(config: Config) -> list[Correction]:
    """The config's ``[[rules]]`` tables as corrections."""
    found = []
    for rule in config.rules:
        conditions = tuple(
            (name, str(rule[name]).strip()) for name, _scope in _CONDITION_SCOPE if rule.get(name)
        )
        scope = next(scope for name, scope in _CONDITION_SCOPE if rule.get(name))
        found.append(
            Correction(
                scope=scope,
                key=conditions[0][1],
                mode=Mode(rule["mode"]) if rule.get("mode") else None,
                purpose=Purpose(rule["purpose"]) if rule.get("purpose") else None,
                meeting=rule.get("meeting"),
                conditions=conditions,
                rule=int(rule.get("index", 0)),
            )
        )
    return found


def as_rule(correction: Correction) -> str | None:
    """A mark as a ``[[rules]]`` table for the config, or None when it has no such form (one
    occurrence or one series: those stay marks)."""
    condition = {
        "title": "title",
        "counterpart": "counterpart",
        "organisation": "organisation",  # anyone of it among the people, as the mark means
        "calendar": "calendar",
    }.get(correction.scope)
    if condition is None:
        return None
    lines = ["[[rules]]", f"{condition} = {_toml(correction.key)}"]
    if correction.mode:
        lines.append(f"mode = {_toml(correction.mode.value)}")
    if correction.purpose:
        lines.append(f"purpose = {_toml(correction.purpose.value)}")
    if correction.meeting is not None:
        lines.append(f"meeting = {'true' if correction.meeting else 'false'}")
    return "\n".join(lines) + "\n"


def _toml(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


# --- applying them ----------------------------------------------------------------------------


class Corrections:
    """Every correction in force (marks and config rules), ready to apply to events."""

    def __init__(self, items: Iterable[Correction] = (), tz: tzinfo = UTC) -> None:
        self.items = sorted(items, key=_priority, reverse=True)
        self.tz = tz

    @classmethod
    def load(cls, store: Store | None, config: Config | None = None) -> Corrections:
        items: list[Correction] = list(rules_of(config)) if config else []
        if store is not None:
            try:
                items += CorrectionStore(store).all()
            except sqlite3.DatabaseError:
                pass  # an unreadable table: the classifier's answers stand
        return cls(items, config.tz if config else UTC)

    def __bool__(self) -> bool:
        return bool(self.items)

    def said(self, event: Event) -> Said | None:
        """What the user said about ``event``: per field, the best matching correction."""
        values: dict[str, Any] = {}
        lines: list[str] = []
        for item in self.items:
            if not item.matches(event):
                continue
            used = False
            for name in ("mode", "purpose", "meeting"):
                value = getattr(item, name)
                if value is not None and name not in values:
                    values[name] = value
                    used = True
            if used:
                lines.append(item.evidence(self.tz))
        if not values:
            return None
        return Said(evidence="; ".join(dict.fromkeys(lines)), **values)

    def apply(self, event: Event, found: Classification) -> Classification:
        """``found`` with the user's word on ``event`` over it."""
        said = self.said(event)
        if said is None:
            return found
        if said.mode is None or said.mode is found.mode and said.mode is not Mode.UNKNOWN:
            confidence = Confidence.HIGH if said.mode else found.confidence
            evidence = (said.evidence, *found.evidence) if said.mode else found.evidence
            return replace(found, evidence=evidence, confidence=confidence, said=said)
        return Classification(said.mode, (said.evidence,), Confidence.HIGH, said)

    def apply_all(
        self, events: Iterable[Event], modes: Mapping[tuple[str, str], Classification]
    ) -> dict[tuple[str, str], Classification]:
        result = dict(modes)
        if self.items:
            for event in events:
                if event.key in result:
                    result[event.key] = self.apply(event, result[event.key])
        return result


def _priority(item: Correction) -> tuple[int, int, float]:
    created = item.created.timestamp() if item.created else 0.0
    return _RANK[item.scope], 0 if item.from_config else 1, created


def make(
    event: Event,
    scope: str,
    *,
    mode: Mode | None = None,
    purpose: Purpose | None = None,
    meeting: bool | None = None,
    key: str = "",
) -> Correction:
    """A correction for ``event`` at ``scope``; ``key`` names the counterpart, organisation or
    title pattern for those scopes (the series and occurrence come from the event)."""
    values: dict[str, Any] = {"mode": mode, "purpose": purpose, "meeting": meeting}
    if scope in ("occurrence", "series"):
        alias = event.uid if event.uid != series_key(event) else ""
        occurrence = original_start(event) if scope == "occurrence" else ""
        return Correction(
            scope, series_key(event), alias=alias, occurrence=occurrence, title=event.title,
            **values,
        )  # fmt: skip
    return Correction(scope, key.strip().lower() if scope != "title" else key.strip(),
                      title=event.title, **values)  # fmt: skip
