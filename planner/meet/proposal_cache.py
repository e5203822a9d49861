"""Proposals remembered between runs, keyed by everything they are computed from.

A key is a digest of: the config's sections, the venue catalog, the language of the reasons,
the request (counterparts, search window, purpose, how many, their busy time), the meeting,
the slots already held for other meetings, and every event read (its fields, instants and
zones, and its mode) with how many of them had ended by "now" (homes and last meeting places
come from those). Proposals for a window that starts at the next quarter hour are therefore
found again by a repeat run in the same quarter hour over unchanged calendars; anything else
computes afresh. Proposals for someone far away also depend on the exact "now" (the earliest
start is now plus travel): they are reused only for the same "now". Venues fetched online are
never cached (the caller leaves the cache out). The table keeps the newest :data:`LIMIT`
entries; a database error only means computing afresh.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from planner.ical.payload import content_digest, template_digest
from planner.model import Event, Mode

if TYPE_CHECKING:
    from planner.config import Config
    from planner.meet.pick import Proposal
    from planner.store import Store

log = logging.getLogger("planner")

NAME = "proposal_cache"
#: Raise when proposals are computed differently (8: no drop in minutes at 50 km; 9: notice
#: hours, hotel nights free, no detour from a trip, no walk quicker than a ride; 10: towns
#: named as the user's text names them, in the reasons too; 11: a same-time proposal is
#: the kind its length fits best; 12: a place in another zone is planned in its local time;
#: 13: the area near home is its town, never the home's street address).
VERSION = 13
DDL = """
DROP TABLE IF EXISTS proposal_cache;
CREATE TABLE proposal_cache (key TEXT PRIMARY KEY, proposals TEXT NOT NULL)
"""
LIMIT = 2_000


class ProposalCache:
    """The proposal table of one store, for one config and catalog."""

    def __init__(self, store: Store, config: Config, catalog: object) -> None:
        from planner import i18n

        self.store = store
        self.tz = config.tz
        sections = json.dumps(config.sections, sort_keys=True, default=_plain)
        venues = _catalog_text(catalog)
        self.base = _sha(f"{VERSION}\0{i18n.language()}\0{sections}\0{venues}")
        self.usable = self._guard(lambda: store.ensure(NAME, VERSION, DDL)) is not False

    def history(
        self, events: Sequence[Event], modes: Mapping[tuple[str, str], Mode], now: datetime
    ) -> str:
        """A digest of all events and of which had ended by ``now``: of each event its template
        digest (every field but its times, :func:`planner.ical.payload.template_digest`), its
        instants and their zones, and its mode."""
        parts = sorted(
            f"{template_digest(e)}:{_instant(e.start)}:{_instant(e.end)}:{e.all_day:d}:"
            f"{modes.get(e.key, '')}"
            for e in events
        )
        ended = sum(1 for e in events if e.end <= now)
        return _sha("\0".join([*parts, str(ended)]))

    def key(self, request: Any, event: Event, history: str, taken: Iterable[Event]) -> str:
        """The key of ``request`` (a :class:`planner.flows.weekly.MeetRequest`) for ``event``."""
        parts = [self.base, history, json.dumps(list(event.key)), *request.emails]
        parts += [request.start.isoformat(), request.end.isoformat(), str(request.purpose)]
        parts += [str(request.count), str(request.near), request.near_label]
        same = request.same_time
        parts.append(f"{same.start.isoformat()}/{same.end.isoformat()}" if same else "")
        parts += [f"{b.start.isoformat()}/{b.end.isoformat()}" for b in request.busy]
        parts += sorted(content_digest(e) for e in taken)
        return _sha("\0".join(parts))

    def get(self, key: str, now: datetime) -> tuple[list[Proposal], list[str]] | None:
        """The proposals and notes stored under ``key`` (None: compute them)."""
        if not self.usable:
            return None
        row = self._guard(
            lambda: self.store.conn.execute(
                "SELECT proposals FROM proposal_cache WHERE key = ?", (key,)
            ).fetchone()
        )
        if not row:
            return None
        try:
            value = json.loads(row[0])
            if value["now"] is not None and value["now"] != now.isoformat():
                return None  # proposed for someone far away as of another moment
            found = [_proposal(item, self.tz) for item in value["proposals"]]
            return found, [str(note) for note in value["notes"]]
        except (ValueError, TypeError, KeyError) as exc:
            log.debug("proposal cache: an entry is damaged (%s); computing afresh", exc)
            return None

    def put(
        self,
        key: str,
        proposals: Sequence[Proposal],
        notes: Sequence[str],
        now: datetime | None = None,
    ) -> None:
        """Store proposals and notes; with ``now`` they hold only for that moment."""
        if not self.usable:
            return
        value = json.dumps(
            {
                "proposals": [_row(p) for p in proposals],
                "notes": list(notes),
                "now": now.isoformat() if now else None,
            },
            ensure_ascii=False,
        )

        def write() -> None:
            with self.store.conn as conn:
                conn.execute("INSERT OR REPLACE INTO proposal_cache VALUES (?, ?)", (key, value))
                conn.execute(
                    "DELETE FROM proposal_cache WHERE rowid <="
                    " (SELECT max(rowid) FROM proposal_cache) - ?",
                    (LIMIT,),
                )

        self._guard(write)

    def _guard(self, action: Any) -> Any:
        try:
            return action()
        except sqlite3.DatabaseError as exc:
            log.debug("proposal cache unusable (%s)", exc)
            self.usable = False
            return False


def _instant(value: datetime) -> str:
    """The instant ``value`` means (a wall time in a DST gap or fold as the instant it means)
    and its zone."""
    zone = value.tzinfo
    return f"{value.timestamp()}@{zone.key if isinstance(zone, ZoneInfo) else value.tzname()}"


def _plain(value: object) -> object:
    """JSON for what json cannot write; sets sorted (their order differs between runs)."""
    if isinstance(value, set | frozenset):
        return sorted(map(str, value))
    return str(value)


def _catalog_text(catalog: object) -> str:
    """The venues, their zone and the favourites, the same text in every process."""
    venues = [_row_venue(v) for v in getattr(catalog, "venues", ())]
    tz = str(getattr(catalog, "tz", ""))
    favourites = sorted(getattr(catalog, "favourites", ()))
    return json.dumps([venues, tz, favourites], ensure_ascii=False, default=_plain)


def _row_venue(v: Any) -> list[Any]:
    return [v.name, v.kind.value, v.lat, v.lon, v.address, v.city, v.opening_hours] + [
        sorted(v.tags),
        v.price,
        v.source,
    ]


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _moment(value: datetime) -> list[str]:
    zone = value.tzinfo
    return [value.isoformat(), zone.key if isinstance(zone, ZoneInfo) else ""]


def _minutes(value: object) -> int | None:
    return None if value is None else int(value)  # type: ignore[call-overload]


def _time(row: list[str], tz: ZoneInfo) -> datetime:
    moment = datetime.fromisoformat(row[0])
    if moment.tzinfo is None:
        raise ValueError("naive time")
    return moment.astimezone(ZoneInfo(row[1])) if row[1] else moment


def _row(p: Proposal) -> dict[str, Any]:
    v = p.venue
    return {
        "start": _moment(p.start),
        "end": _moment(p.end),
        "kind": p.kind.value,
        "venue": _row_venue(v),
        "travel": list(p.travel_minutes),
        "score": p.score,
        "reasons": list(p.reasons),
        "theirs": p.counterpart_minutes,
        "id": p.id,
        "same_time": p.same_time,
        "zone": p.zone,
    }


def _proposal(item: dict[str, Any], tz: ZoneInfo) -> Proposal:
    from planner.meet.pick import Proposal
    from planner.meet.slots import MeetingKind
    from planner.meet.venues import Venue, VenueKind

    name, kind, lat, lon, address, city, hours, tags, price, source = item["venue"]
    venue = Venue(
        name=str(name),
        kind=VenueKind(kind),
        lat=float(lat),
        lon=float(lon),
        address=str(address),
        city=str(city),
        opening_hours=str(hours),
        tags=frozenset(str(t) for t in tags),
        price=None if price is None else int(price),
        source=str(source),
    )
    before, after = item["travel"]
    return Proposal(
        start=_time(item["start"], tz),
        end=_time(item["end"], tz),
        kind=MeetingKind(item["kind"]),
        venue=venue,
        travel_minutes=(_minutes(before), _minutes(after)),
        score=float(item["score"]),
        reasons=tuple(str(r) for r in item["reasons"]),
        counterpart_minutes=None if item["theirs"] is None else int(item["theirs"]),
        id=str(item["id"]),
        same_time=bool(item["same_time"]),
        zone=str(item.get("zone") or ""),
    )
