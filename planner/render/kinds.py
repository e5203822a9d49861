"""What each entry of a day is: a meeting (shown by its mode), a flight, a train, a hotel stay,
a rental car, a trip, an all-day event, out of office, a working location, focus time, a
blocker, or free time; the day views and the week table show every entry with its kind."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from planner.i18n import _
from planner.model import Busy, Mode, Response, Status

if TYPE_CHECKING:
    from planner.flows.plan import PlannedEvent


class Kind(StrEnum):
    MEETING = "meeting"
    FLIGHT = "flight"
    TRAIN = "train"
    STAY = "stay"
    CAR = "car"
    TRIP = "trip"
    ALL_DAY = "all_day"
    OUT_OF_OFFICE = "out_of_office"
    WORKING_LOCATION = "working_location"
    FOCUS = "focus"
    BLOCKER = "blocker"
    FREE = "free"
    DECLINED = "declined"  # the user said no: not part of the day
    CANCELLED = "cancelled"


TRAVEL = frozenset({Kind.FLIGHT, Kind.TRAIN, Kind.STAY, Kind.CAR, Kind.TRIP})


def entry_kind(item: PlannedEvent) -> Kind:
    """The kind of ``item``: meetings first, then travel, then what the calendar says about the
    time (out of office, working location, focus, free), then all-day events; busy time
    without anyone else is a blocker (a dentist, "Angebot schreiben")."""
    from planner.judge.travel import is_travel, travel_kind
    from planner.meet.slots import is_focus

    event = item.event
    if event.status is Status.CANCELLED:
        return Kind.CANCELLED
    if event.self_response is Response.DECLINED:
        return Kind.DECLINED
    if item.meeting:
        return Kind.MEETING
    if item.mode is Mode.TRAVEL or is_travel(event):
        return Kind(travel_kind(event))
    status = event.busy_status
    if status is Busy.OUT_OF_OFFICE:
        return Kind.OUT_OF_OFFICE
    if status is Busy.WORKING_ELSEWHERE:
        return Kind.WORKING_LOCATION
    if is_focus(event):
        return Kind.FOCUS
    if event.all_day:
        return Kind.ALL_DAY
    return Kind.FREE if status is Busy.FREE else Kind.BLOCKER


def entry_label(item: PlannedEvent) -> str:
    """The kind in words; a meeting by its mode ("in person", "virtual", …)."""
    from planner.render.labels import mode_label

    kind = entry_kind(item)
    if kind is Kind.MEETING:
        return mode_label(item.mode) if item.mode is not Mode.UNKNOWN else _("meeting")
    return kind_text(kind)


def kind_text(kind: Kind) -> str:
    return {
        Kind.MEETING: _("meeting"),
        Kind.FLIGHT: _("flight"),
        Kind.TRAIN: _("train"),
        Kind.STAY: _("hotel"),
        Kind.CAR: _("rental car"),
        Kind.TRIP: _("trip"),
        Kind.ALL_DAY: _("event"),
        Kind.OUT_OF_OFFICE: _("out of office"),
        Kind.WORKING_LOCATION: _("working location"),
        Kind.FOCUS: _("focus time"),
        Kind.BLOCKER: _("blocked"),
        Kind.FREE: _("free"),
        Kind.DECLINED: _("declined"),
        Kind.CANCELLED: _("cancelled"),
    }[kind]


def in_day(item: PlannedEvent) -> bool:
    """Whether ``item`` belongs in a view of the day: not cancelled, not declined."""
    return entry_kind(item) not in (Kind.CANCELLED, Kind.DECLINED)
