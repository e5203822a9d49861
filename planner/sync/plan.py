"""What to create, update and delete in one target calendar.

The plan compares the wanted events (mirrors and travel blocks, by key) with the events the
target lists as its own (:meth:`providers.base.CalendarProvider.list_marked`). Only marked
events are ever updated or deleted, so an event the planner did not write is never touched.
Marked events outside the synced window are left alone (past mirrors of past meetings stay);
so are the mirrors of a source that could not be read this run, and, when any source failed,
the travel blocks (the day's places are then not all known).

A marked event the user changed in the calendar (its content no longer what the planner
wrote, or attendees added: :func:`providers.base.changed_by_user`, the rule that reading
calendars for the plan follows too) is the user's now: it is neither updated nor deleted, not
even by ``--undo``. One the user deleted (the planner wrote it, ``written`` remembers, and
it is gone) is not written again. Both are shown as :data:`LEAVE` changes with their reason.
Where this machine has no record of the target at all (``written`` None: another machine wrote
into it, or the data directory is new or was lost) and the target holds events the planner
wrote, one wanted there but missing cannot be told from one the user deleted: it is not written
either, and shown as a :data:`LEAVE` with the reason :data:`UNRECORDED` (remembered then like a
deleted one; another machine that does remember writes the new ones).

A wanted event that one no longer wanted under its own key shows exactly (same kind, time and
content: a travel block now keyed to another meeting at the same place and time) is that one:
it stays as it is, with nothing to create or delete (:attr:`TargetPlan.kept`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo

from planner.model import Event
from planner.sync.marks import derived_uid, from_any, source_of
from planner.sync.mirrors import Wanted
from providers.base import MarkedEvent
from providers.base import changed_by_user as changed

CREATE, UPDATE, DELETE = "create", "update", "delete"
LEAVE = "leave"  # the user changed or deleted it: the planner leaves it as it is
CHANGED, DELETED = "changed", "deleted"  # the reasons to leave one
UNRECORDED = "unrecorded"  # missing, and this machine has no record of the target to tell why


@dataclass(frozen=True, slots=True)
class Change:
    """One write: ``wanted`` for create and update, ``marked`` for update and delete."""

    action: str
    target: str
    key: str
    kind: str
    wanted: Wanted | None = None
    marked: MarkedEvent | None = None
    reason: str = ""  # of a LEAVE: CHANGED or DELETED in the calendar by the user, UNRECORDED
    #: of a LEAVE of a changed copy that no longer stands for its meeting (:func:`outdated`):
    #: what the planner writes for that meeting now (its new time), None when it is gone
    now: Event | None = None
    outdated: bool = False

    @property
    def event(self) -> Event:
        """What the calendar will show (create, update) or showed (delete)."""
        if self.wanted is not None:
            return self.wanted.event
        assert self.marked is not None
        return self.marked.event

    def source_name(self, names: Mapping[str, str] = MappingProxyType({})) -> str:
        """The calendar a mirror comes from, where known: the one it is wanted from, else
        the one its key names (``names``: :func:`planner.sync.marks.tag` → calendar name);
        ``""`` for a travel block or a calendar no longer configured."""
        if self.wanted is not None and self.wanted.source:
            return self.wanted.source
        found = source_of(self.key)
        return names.get(found, found if found in names.values() else "")

    def to_json(
        self, tz: ZoneInfo, names: Mapping[str, str] = MappingProxyType({})
    ) -> dict[str, Any]:
        event = self.event
        data: dict[str, Any] = {
            "action": self.action,
            "target": self.target,
            "kind": self.kind,
            "key": self.key,
            "title": event.title,
            "start": event.start.astimezone(tz).isoformat(),
            "end": event.end.astimezone(tz).isoformat(),
            "all_day": event.all_day,
            "status": event.status.value,
        }
        if event.location:
            data["location"] = event.location
        if source := self.source_name(names):
            data["source"] = source
        if self.reason:
            data["reason"] = self.reason
        if self.marked is not None:
            data["id"] = self.marked.id
        if self.outdated:  # the user's copy no longer stands for its meeting
            data["meeting_now"] = None if self.now is None else {
                "start": self.now.start.astimezone(tz).isoformat(),
                "end": self.now.end.astimezone(tz).isoformat(),
            }  # fmt: skip
        return data


@dataclass
class TargetPlan:
    """The changes for one target, and what went wrong with it (reading, planning, writing)."""

    target: str
    changes: list[Change] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    written: int = 0
    #: wanted keys an event already there stands for, as it is: the same block under the key
    #: of another meeting (:func:`_identical`); nothing to write, but remembered as written
    kept: dict[str, MarkedEvent] = field(default_factory=dict)

    def count(self, action: str) -> int:
        return sum(1 for c in self.changes if c.action == action)


def kind_of(key: str) -> str:
    return key.partition(":")[0]


def changed_by_user(item: MarkedEvent) -> bool:
    """Whether ``item`` no longer shows what the planner wrote (retitled, moved, invited…)."""
    return changed(item.event, item.mark)


def plan_target(
    target: str,
    wanted: Sequence[Wanted],
    marked: Sequence[MarkedEvent],
    *,
    window: tuple[datetime, datetime],
    failed_sources: Iterable[str] = (),
    written: Iterable[str] | None = (),
) -> TargetPlan:
    """The changes that make ``target`` hold exactly ``wanted`` within ``window``, but for
    what the user changed or deleted there (``written``: the keys the planner wrote into
    ``target`` on earlier runs; None: no record of them on this machine)."""
    failed, earlier = set(failed_sources), set(written or ())
    plan = TargetPlan(target)
    by_key: dict[str, MarkedEvent] = {}
    wanted_by_key = {want.key: want for want in wanted}
    stale = {m.id for m in outdated_copies(marked, wanted_by_key, window, failed)}
    theirs: set[str] = set()  # keys of events the user changed that stand for their meeting
    for item in sorted(marked, key=lambda m: m.id):
        key = item.mark.key
        if item.id in stale:  # the user's, but its meeting moved or is gone: it is made anew
            now = wanted_by_key[key].event if key in wanted_by_key else None
            change = Change(LEAVE, target, key, kind_of(key), marked=item, reason=CHANGED)
            plan.changes.append(replace(change, now=now, outdated=True))
        elif changed_by_user(item):
            theirs.add(key)
            plan.changes.append(
                Change(LEAVE, target, key, kind_of(key), marked=item, reason=CHANGED)
            )
        elif key in by_key:  # a duplicate (e.g. a create whose answer was lost)
            plan.changes.append(Change(DELETE, target, key, kind_of(key), marked=item))
        else:
            by_key[key] = item
    wanted_keys = {want.key for want in wanted}
    spare = [
        h for k, h in by_key.items() if k not in wanted_keys and _may_delete(h, window, failed)
    ]
    for want in wanted:
        have = by_key.get(want.key)
        if have is None and want.key in theirs:
            continue
        if have is None and (same := _identical(want, spare)) is not None:
            plan.kept[want.key] = same  # the same block there under another key: kept as it is
            spare.remove(same)
        elif have is None and want.key in earlier and not _replaces(want.key, plan.changes):
            plan.changes.append(Change(LEAVE, target, want.key, want.kind, want, reason=DELETED))
        elif (
            have is None and written is None and by_key and not _replaces(want.key, plan.changes)
        ):  # no record here: one the user deleted elsewhere, or not yet written; not written
            plan.changes.append(Change(LEAVE, target, want.key, want.kind, want, reason=UNRECORDED))
        elif have is None:
            if _replaces(want.key, plan.changes):  # the UID of its key is the user's copy's
                want = _under_own_uid(want, target)
            plan.changes.append(Change(CREATE, target, want.key, want.kind, wanted=want))
        elif have.mark.digest != want.digest:  # under the UID it has (a CalDAV object's stays)
            want = replace(want, event=replace(want.event, uid=have.event.uid))
            plan.changes.append(Change(UPDATE, target, want.key, want.kind, want, have))
    for key, have in by_key.items():
        if key in wanted_keys or have not in spare:
            continue
        plan.changes.append(Change(DELETE, target, key, kind_of(key), marked=have))
    return plan


def outdated(item: MarkedEvent, want: Wanted | None) -> bool:
    """Whether ``item``, a mirror or travel block the user changed, no longer stands for what
    it was written for (``want``: what the planner would write for it now, None for nothing):
    its meeting is gone, or moved since it was written (what the planner would write differs
    from what it wrote, and is at another time). One the user moved while the meeting stayed
    stands for it as they made it; so does one at the meeting's time, retitled or not."""
    if not changed_by_user(item):
        return False
    if want is None:
        return True
    if want.digest == item.mark.digest:  # the meeting is as it was: the user's change is all
        return False
    span = (want.event.start.astimezone(UTC), want.event.end.astimezone(UTC))
    return span != (item.event.start.astimezone(UTC), item.event.end.astimezone(UTC))


def outdated_copies(
    marked: Sequence[MarkedEvent],
    wanted: Mapping[str, Wanted],
    window: tuple[datetime, datetime],
    failed: Iterable[str] = (),
    kind: str = "",
) -> list[MarkedEvent]:
    """The events of ``marked`` (of ``kind``, or any) the user changed that no longer stand
    for their meeting (:func:`outdated`; ``wanted`` by key): theirs, never written over, but
    no meeting of their own either (not counted, not mirrored onward), and the meeting gets
    a mirror for its new time. Outside ``window`` or from a source not read, none is."""
    failed = set(failed)
    return [
        item
        for item in marked
        if (not kind or kind_of(item.mark.key) == kind)
        and _may_delete(item, window, failed)
        and outdated(item, wanted.get(item.mark.key))
    ]


def _replaces(key: str, changes: Sequence[Change]) -> bool:
    """Whether ``key`` is that of a copy of the user's no longer standing for its meeting: a
    new one is written for it, though the planner wrote under that key before."""
    return any(c.outdated and c.key == key for c in changes)


def _under_own_uid(want: Wanted, target: str) -> Wanted:
    """``want`` under a UID of its own (its key's and its start's): the one derived from its
    key alone is the UID of the user's copy beside it, which a create must never meet."""
    start = want.event.start.astimezone(UTC).isoformat()
    uid = derived_uid(target, f"{want.key}\n{start}")
    return replace(want, event=replace(want.event, uid=uid))


def _identical(want: Wanted, spare: Sequence[MarkedEvent]) -> MarkedEvent | None:
    """The event of ``spare`` (there, no longer wanted under its key) that shows just what
    ``want`` would: same kind, same time, same content. A travel block whose meeting is now
    known under another key (the day's first stop is a mirror the user retitled, at the same
    place and time as its meeting; the leg after lunch now follows a second meeting at that
    time) is the same block: a create and a delete of it would be churn for nothing."""
    start, end = want.event.start.astimezone(UTC), want.event.end.astimezone(UTC)
    for have in spare:
        if (
            kind_of(have.mark.key) == want.kind
            and have.mark.digest == want.digest
            and have.event.start.astimezone(UTC) == start
            and have.event.end.astimezone(UTC) == end
        ):
            return have
    return None


def _may_delete(have: MarkedEvent, window: tuple[datetime, datetime], failed: set[str]) -> bool:
    start, end = window
    if have.event.end <= start or have.event.start >= end:
        return False
    if kind_of(have.mark.key) == "travel":
        return not failed
    return not from_any(have.mark.key, failed)


def undo_target(target: str, marked: Sequence[MarkedEvent]) -> TargetPlan:
    """Delete every event the planner wrote into ``target``, whenever it lies, but for those
    the user changed since."""
    plan = TargetPlan(target)
    for item in sorted(marked, key=lambda m: (m.event.start, m.id)):
        key = item.mark.key
        if changed_by_user(item):
            plan.changes.append(
                Change(LEAVE, target, key, kind_of(key), marked=item, reason=CHANGED)
            )
        else:
            plan.changes.append(Change(DELETE, target, key, kind_of(key), marked=item))
    return plan
