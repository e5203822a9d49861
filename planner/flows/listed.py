"""Proposals as they were listed, by an identifier that says what they are.

A proposal's identifier is a digest of what it is: the counterparts, the start, the kind of
meeting, the venue (or the area) and the meeting it is for. The same proposal keeps its
identifier in every listing and tomorrow; a renumbered listing cannot turn it into another one.
Six characters of Crockford's base32 (no i, l, o, u), typeable and short: ``k7m2qa``.

``planner propose`` and ``planner week`` keep every proposal they list in the state database
(table ``listed_proposals``); ``planner invite --proposal ID`` takes it from there and refuses an
identifier that is unknown, whose content no longer gives it, or whose time has passed.
Entries are kept until a week after their time.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from planner.people.addresses import address_key
from planner.store import Store, readable

if TYPE_CHECKING:
    from planner.config import Config
    from planner.meet.pick import Proposal
    from planner.model import Attendee, Event

ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford's base32, lower case
LENGTH = 6
KEEP = timedelta(days=7)  # after a proposal's end
_PER_PROPOSAL = ("with", "names", "name", "purpose", "meeting")  # shared by a listing's entries
NAME, VERSION = "listed_proposals", 1
DDL = """
DROP TABLE IF EXISTS listed_proposals;
CREATE TABLE listed_proposals (
    id TEXT PRIMARY KEY,
    start TEXT NOT NULL,
    end TEXT NOT NULL,
    listed_at TEXT NOT NULL,
    data TEXT NOT NULL
)
"""


def proposal_id(
    people: Iterable[str],
    start: datetime,
    kind: str,
    venue: Mapping[str, Any],
    meeting_uid: str = "",
) -> str:
    """The identifier of a proposal (see the module); ``venue`` as in the proposal's JSON."""
    parts = [
        ",".join(sorted({address_key(p) for p in people})),
        start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M"),
        kind,
        str(venue.get("name", "")).casefold().strip(),
        f"{float(venue.get('lat') or 0):.4f},{float(venue.get('lon') or 0):.4f}",
        meeting_uid,
    ]
    return short_id(parts)


def short_id(parts: Iterable[str]) -> str:
    """Six characters of Crockford's base32 from a hash of ``parts``: what proposals and offers
    are named by (the same parts, the same identifier)."""
    number = int.from_bytes(hashlib.sha256("\0".join(parts).encode()).digest()[:8], "big")
    return "".join(ALPHABET[(number >> (5 * i)) & 31] for i in range(LENGTH))


def normal(text: str) -> str:
    """An identifier as typed, as stored: lower case, no spaces or dashes, Crockford's
    look-alikes read as digits (``I``/``L`` → 1, ``O`` → 0)."""
    folded = "".join(c for c in text.strip().lower() if c not in " -_")
    return folded.translate(str.maketrans("ilo", "110"))


def looks_like_id(text: str) -> bool:
    value = normal(text)
    return len(value) == LENGTH and all(c in ALPHABET for c in value)


def meeting_json(event: Event) -> dict[str, Any]:
    """The calendar meeting a proposal is for, as a listing keeps it: enough to update it (UID,
    SEQUENCE, organizer, whether it is private) and to tell what the update changes (its time
    and place)."""
    from planner.sync.marks import is_private

    return {
        "uid": event.uid,
        "title": event.title,
        "start": event.start.isoformat(),
        "end": event.end.isoformat(),
        "organizer": event.organizer.email if event.organizer else "",
        "sequence": int(event.hint("SEQUENCE") or 0),
        "description": event.description,
        "location": event.location,
        "private": is_private(event),
        "recurrence_id": occurrence_id(event),
    }


def occurrence_id(event: Event) -> str:
    """The RECURRENCE-ID of an occurrence of a recurring meeting (its original start: a moved
    one's as its calendar says, else its start; in UTC, a date for an all-day one), which an
    update of it must carry; "" for a single meeting."""
    if not event.is_recurring:
        return ""
    if original := event.hint("RECURRENCE-ID"):
        return original
    if event.all_day:
        return event.start.date().isoformat()
    return event.start.astimezone(UTC).isoformat()


def entry_id(entry: Mapping[str, Any]) -> str:
    """The identifier an entry's content gives (to check that it still matches)."""
    meeting = entry.get("meeting") or {}
    return proposal_id(
        entry.get("with") or [],
        datetime.fromisoformat(entry["start"]),
        str(entry.get("kind", "")),
        entry.get("venue") or {},
        str(meeting.get("uid", "")),
    )


class Listed:
    """The ``listed_proposals`` table of one store; a database error only means nothing is
    remembered (``invite --proposal`` then says the identifier is unknown)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.usable = True
        try:
            store.ensure(NAME, VERSION, DDL)
        except sqlite3.DatabaseError:
            self.usable = False

    def save(self, entries: Sequence[Mapping[str, Any]], now: datetime) -> None:
        """Keep ``entries`` (proposal JSON with ``id``, ``with``, ``meeting`` …) as listed at
        ``now``, and forget those a week past."""
        if not self.usable:
            return
        stamp = now.astimezone(UTC).isoformat()
        rows = [
            (
                e["id"],
                _utc(e["start"]),
                _utc(e["end"]),
                stamp,
                json.dumps(dict(e), ensure_ascii=False),
            )
            for e in entries
        ]
        cutoff = (now.astimezone(UTC) - KEEP).isoformat()
        try:
            with self.store.conn as conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO listed_proposals VALUES (?, ?, ?, ?, ?)", rows
                )
                conn.execute("DELETE FROM listed_proposals WHERE end < ?", (cutoff,))
        except sqlite3.DatabaseError:
            self.usable = False

    def get(self, ident: str) -> dict[str, Any] | None:
        """The entry listed under ``ident``, with ``listed_at``; None when unknown (or when its
        row cannot be read: then a warning says so)."""
        if not self.usable:
            return None
        try:
            rows = self.store.conn.execute(
                "SELECT id, listed_at, data FROM listed_proposals WHERE id = ?", (normal(ident),)
            ).fetchall()
        except sqlite3.DatabaseError:
            return None
        found = readable(rows, _entry, NAME, self.store.path)
        return found[0] if found else None

    def upcoming(self, now: datetime) -> list[dict[str, Any]]:
        """Every entry that starts after ``now``, soonest first; unreadable rows are skipped
        with one warning."""
        if not self.usable:
            return []
        try:
            rows = self.store.conn.execute(
                "SELECT id, listed_at, data FROM listed_proposals WHERE start > ? ORDER BY start",
                (now.astimezone(UTC).isoformat(),),
            ).fetchall()
        except sqlite3.DatabaseError:
            return []
        return readable(rows, _entry, NAME, self.store.path)


def _entry(row: tuple[Any, Any, Any]) -> dict[str, Any]:
    """A stored row as the entry its readers use, or ValueError/TypeError/KeyError when it is
    not of the shape :meth:`Listed.save` wrote: a row damaged or written by hand is skipped,
    never taken for a proposal (issue 26: a bad value stored once never ends a command)."""
    ident, listed_at, text = row
    entry = json.loads(text)
    if not isinstance(entry, dict):
        raise TypeError("not an object")
    _moment(listed_at)
    start, end = _moment(entry["start"]), _moment(entry["end"])
    if end < start:
        raise ValueError("ends before it starts")
    if not all(isinstance(entry.get(k, ""), str) for k in ("kind", "purpose", "title", "name")):
        raise TypeError("a text field is not text")
    people, venue = entry.get("with"), entry["venue"]
    if not isinstance(people, list) or not all(isinstance(p, str) for p in people):
        raise TypeError("with: not a list of addresses")
    if not isinstance(venue, dict) or not isinstance(venue.get("name"), str):
        raise TypeError("venue: no name")
    if not isinstance(venue.get("address", ""), str):
        raise TypeError("venue: the address is not text")
    for key, limit in (("lat", 90), ("lon", 180)):
        if not -limit <= float(venue[key]) <= limit:  # NaN fails too
            raise ValueError(f"venue: {key} out of range")
    names = entry.get("names") or {}
    if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
        raise TypeError("names: not text by address")
    meeting = entry.get("meeting") or {}
    if not isinstance(meeting, dict):
        raise TypeError("meeting: not an object")
    if meeting:
        _moment(meeting["start"], aware=False), _moment(meeting["end"], aware=False)
        texts = ("uid", "title", "organizer", "description", "location")
        if not all(isinstance(meeting.get(k, ""), str) for k in texts):
            raise TypeError("meeting: a text field is not text")
        if not 0 <= int(meeting.get("sequence") or 0) < 2**31:
            raise ValueError("meeting: sequence out of range")
    minutes = entry.get("counterpart_minutes")
    if minutes is not None and not 0 <= int(minutes) <= 24 * 60:
        raise ValueError("counterpart_minutes out of range")
    if entry_id(entry) != ident:  # the content no longer gives its identifier
        raise ValueError("content and identifier differ")
    return {**entry, "listed_at": listed_at}


def _moment(text: Any, aware: bool = True) -> datetime:
    """An ISO time (with its offset when ``aware``) within the years planner plans;
    TypeError or ValueError otherwise."""
    moment = datetime.fromisoformat(text)
    if (aware and moment.tzinfo is None) or not 1971 <= moment.year <= 2199:
        raise ValueError("not an aware time planner can plan")
    return moment


def _utc(text: str) -> str:
    return datetime.fromisoformat(text).astimezone(UTC).isoformat()


def identified(
    proposals: Sequence[Proposal], people: Sequence[str], meeting_uid: str = ""
) -> list[Proposal]:
    """``proposals`` with their identifiers, for ``people`` (and the meeting they are for)."""
    from dataclasses import replace

    return [
        replace(
            p,
            id=proposal_id(
                people,
                p.start,
                p.kind.value,
                {"name": p.venue.name, "lat": p.venue.lat, "lon": p.venue.lon},
                meeting_uid,
            ),
        )
        for p in proposals
    ]


def save_proposals(store: Store, data: dict[str, Any], now: datetime | None = None) -> None:
    """Keep the proposals of a ``planner propose`` for ``invite --proposal ID``: each under
    its identifier, with whom and what for (:mod:`planner.flows.listed`)."""
    shared = {k: data[k] for k in _PER_PROPOSAL if k in data}
    entries = [{**shared, **p, "source": "propose"} for p in data.get("proposals", [])]
    Listed(store).save(entries, now or datetime.now(UTC))


def save_week_proposals(
    store: Store, plan: Any, config: Config, now: datetime | None = None
) -> None:
    """Keep the week's proposals, each with its meeting, for ``invite --proposal ID``."""
    from planner.people import People
    from planner.people.addresses import address_key, user_keys

    directory = plan.people if plan.people is not None else People()

    def known(person: Attendee) -> str:
        return directory.display_name(person.email, person.name)

    entries = []
    mine = user_keys(config)
    for item in plan.items:
        if not item.proposals:
            continue  # most of a week: nothing to keep, nothing to work out
        people = [p for p in item.event.people() if address_key(p.email) not in mine]
        meeting = meeting_json(item.event)
        for proposal in item.proposals:
            entries.append(
                {
                    **proposal.to_json(),
                    "with": [p.email for p in people],
                    "names": {address_key(p.email): n for p in people if (n := known(p))},
                    "name": " & ".join(known(p) or p.email for p in people),
                    "purpose": item.purpose.purpose.value if item.purpose else "",
                    "meeting": meeting,
                    "source": "week",
                }
            )
    if entries:
        Listed(store).save(entries, now or datetime.now(UTC))
