"""Which events are mirrored into a target calendar, and what a mirror shows.

Free, declined and cancelled events are not mirrored; tentative ones are mirrored as
tentative; private ones never show more than "Busy". Pure functions over model events.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC

from planner.i18n import _
from planner.judge.travel import is_lodging
from planner.model import Event, Response, Status
from planner.sync.marks import derived_uid, digest, is_private, mirror_key
from providers.base import planners_own


@dataclass(frozen=True, slots=True)
class Wanted:
    """An event the planner wants in a target calendar, under its key."""

    key: str
    kind: str  # "mirror" or "travel"
    event: Event
    source: str = ""  # the calendar a mirror comes from

    @property
    def digest(self) -> str:
        return digest(self.event)


def mirrorable(event: Event, own_uids: Collection[str] = frozenset()) -> bool:
    """Busy time worth mirroring: not the planner's own, not free, declined or cancelled, and
    no hotel stay (its nights say where the user is: mirrored, two nights in Munich were 44
    hours of "busy" in the work calendar). A mirror or travel block the user changed is theirs
    (:func:`providers.base.planners_own`; ``own_uids`` as there): its mirror is the planner's
    own again, so two calendars that mirror each other stop there, no loop."""
    if planners_own(event, own_uids):
        return False
    if event.status is Status.CANCELLED or not event.busy:
        return False
    return event.self_response is not Response.DECLINED and not is_lodging(event)


def mirror(event: Event, source: str, target: str, show: str) -> Wanted:
    """The mirror of ``event`` (from calendar ``source``) for ``target``.

    ``show`` is ``busy`` (the title "Busy"), ``title`` or ``title_and_place``.
    """
    key = mirror_key(source, event)
    private = is_private(event)
    title = event.title if show != "busy" and not private and event.title.strip() else _("Busy")
    location = event.location if show == "title_and_place" and not private else ""
    tentative = event.status is Status.TENTATIVE or event.self_response is Response.TENTATIVE
    copy = Event(
        uid=derived_uid(target, key),
        title=title,
        start=event.start,
        end=event.end,
        all_day=event.all_day,
        location=location,
        status=Status.TENTATIVE if tentative else Status.CONFIRMED,
        busy=True,
        calendar=target,
        source=target,
    )
    return Wanted(key, "mirror", copy, source)


def mirrors(
    events: Iterable[Event],
    source: str,
    target: str,
    show: str,
    own_uids: Collection[str] = frozenset(),
) -> list[Wanted]:
    """The mirrors of every mirrorable event of calendar ``source`` for ``target``. An event
    that takes no time (a reminder written with a start only) holds no busy time: its mirror
    would be a block of no length, and none is made."""
    return [
        mirror(e, source, target, show)
        for e in events
        if mirrorable(e, own_uids) and e.end.astimezone(UTC) > e.start.astimezone(UTC)
    ]
