"""What identifies the events ``planner sync`` writes.

Every such event carries a :class:`providers.base.SyncMark` (a key saying what it stands for
and a digest of its content, :func:`digest`) and a UID derived from the target and the key,
starting with :data:`UID_PREFIX`. The mark recognises it (the UID alone does not: an
invitation to someone else's mirror keeps the UID, not the mark), so a mirror is never
mirrored again, also between two calendars that mirror each other. One the user changed is
the user's busy time and is mirrored like any (:func:`providers.base.planners_own`); its
mirror is the planner's again, so the two calendars still do not mirror each other in a loop.
The key is opaque: ``mirror:<source>:<event>`` and ``travel:<meeting>:<side>`` with each name
and UID replaced by a hash (:func:`tag`), so a mirror in a shared calendar reveals neither the
source calendar nor the meeting's UID.
"""

from __future__ import annotations

import hashlib
from datetime import UTC

from planner.model import Event
from providers.base import SYNC_UID_PREFIX as UID_PREFIX
from providers.base import mark_digest

PRIVATE_HINTS = {
    "google.visibility": ("private", "confidential"),
    "graph.sensitivity": ("private", "confidential"),
    "CLASS": ("PRIVATE", "CONFIDENTIAL"),
}


def occurrence(event: Event) -> str:
    """The part of a key that names ``event``: its UID, and its start for an occurrence of a
    series (a moved single event keeps its key, so its mirror moves with it)."""
    if event.series_id:
        return f"{event.uid}@{event.start.astimezone(UTC).isoformat()}"
    return event.uid


def tag(text: str) -> str:
    """An opaque, stable stand-in for a calendar name or an event's identity."""
    return hashlib.sha256(f"planner-sync\n{text}".encode()).hexdigest()[:24]


def mirror_id(source: str, occurrence_text: str) -> str:
    """The key of the mirror of occurrence ``occurrence_text`` of calendar ``source``."""
    return f"mirror:{tag(source)}:{tag(occurrence_text)}"


def mirror_key(source: str, event: Event) -> str:
    return mirror_id(source, occurrence(event))


def travel_id(occurrence_text: str, side: str) -> str:
    """The key of the travel block ``side`` ("before", "after") of a meeting's occurrence."""
    return f"travel:{tag(occurrence_text)}:{side}"


def travel_key(meeting: Event, side: str) -> str:
    return travel_id(occurrence(meeting), side)


def source_of(key: str) -> str:
    """The source part of a mirror key (a tag, or a name in keys written before they were
    opaque), ``""`` for a travel block."""
    kind, _sep, rest = key.partition(":")
    return rest.partition(":")[0] if kind == "mirror" else ""


def event_of(key: str) -> str:
    """The event part of a mirror key (:func:`tag` of its occurrence), ``""`` for a travel
    block."""
    kind, _sep, rest = key.partition(":")
    return rest.partition(":")[2] if kind == "mirror" else ""


def from_any(key: str, sources: set[str]) -> bool:
    """Whether the mirror ``key`` comes from one of the calendars named ``sources``."""
    found = source_of(key)
    return bool(found) and (found in sources or found in {tag(name) for name in sources})


def derived_uid(target: str, key: str) -> str:
    digest = hashlib.sha256(f"{target}\n{key}".encode()).hexdigest()[:32]
    return f"{UID_PREFIX}{digest}@planner"


#: A short fingerprint of what a written event shows; a change means an update. It lives with
#: the mark in ``providers.base``: reading calendars (below this layer) compares it too.
digest = mark_digest


def is_private(event: Event) -> bool:
    return any(event.hint(name) in values for name, values in PRIVATE_HINTS.items())
