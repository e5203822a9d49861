"""Why a proposal: the reasons written for each proposal handed out (kind and purpose, travel,
favourite, opening hours or how to find a venue in the area, whose calendars are free)."""

from __future__ import annotations

from dataclasses import dataclass

from planner.i18n import _
from planner.meet.shortlist import is_area
from planner.meet.slots import MeetingKind, kind_label
from planner.meet.venues import OpenState, Venue
from planner.model import Purpose


@dataclass(frozen=True, slots=True)
class Why:
    """What the reasons depend on, beside the candidate itself."""

    purpose: str
    both_calendars: bool  # the counterparts' busy time was known
    place_known: bool  # where the counterparts are was known
    online: bool  # [geo] online: venues are fetched on their own
    travel: bool = True  # say the travel minutes


def reasons(
    kind: MeetingKind,
    venue: Venue,
    *,
    why: Why,
    before: int,
    theirs: int | None,
    state: OpenState,
    city: str,
    favourite: bool,
    same_time: bool,
    people: int = 1,
) -> tuple[str, ...]:
    """The reasons of one proposal, most telling first."""
    found = [_kind_reason(kind, why.purpose)]
    if same_time:
        found.insert(0, _("Same time as the meeting, in person at {venue}", venue=venue.name))
    if city:
        found.append(_("You are in {city} that day anyway", city=city))
    if why.travel:
        found += _travel(before, theirs, people)
    if favourite:
        found.append(_("{venue} is one of your favourites", venue=venue.name))
    if is_area(venue):
        found.append(area_hint(venue.name, why.online))
    elif state is OpenState.UNKNOWN:
        found.append(
            _("Opening hours of {venue} are unknown; check before you go", venue=venue.name)
        )
    else:
        found.append(_("{venue} is open then", venue=venue.name))
    if why.both_calendars:
        found.append(_("Free in both calendars") if people == 1 else _("Free in all calendars"))
    elif why.place_known:
        found.append(_("Free in your calendar"))
    return tuple(found)


def area_hint(area: str, online: bool) -> str:
    """What to do when no venue is known in the area of a proposal."""
    from planner.meet.places import fetch_command

    if online:
        return _(
            "No venue near {area} is known yet and none could be fetched now; pick one "
            "there, or run later: {command}",
            area=area,
            command=fetch_command(area),
        )
    return _(
        "No venue near {area} is known yet: pick one there, or fetch venues once with "
        "{command} (or add your own with 'planner venues add')",
        area=area,
        command=fetch_command(area),
    )


def _kind_reason(kind: MeetingKind, purpose: str) -> str:
    label = kind_label(kind)
    if purpose == Purpose.FIRST_CONTACT:
        return _("{kind} suits a first meeting", kind=label)
    if purpose == Purpose.DEAL_CLOSING:
        return _("{kind} suits closing a deal", kind=label)
    if purpose == Purpose.NETWORKING:
        return _("{kind} suits networking", kind=label)
    if purpose == Purpose.VISIT:
        return _("{kind} near their place", kind=label)
    return _("{kind} in its usual time", kind=label)


def _travel(before: int | None, theirs: int | None, people: int) -> list[str]:
    if theirs is None:
        return [_("{minutes} min travel for you", minutes=before)] if before else []
    if before is None:  # where the user comes from is not known
        if people > 1:
            return [_("at most {theirs} min travel for the others", theirs=theirs)]
        return [_("{theirs} min travel for them", theirs=theirs)]
    if people > 1:
        return [
            _(
                "{mine} min travel for you, at most {theirs} min for the others",
                mine=before,
                theirs=theirs,
            )
        ]
    return [_("{mine} min travel for you, {theirs} min for them", mine=before, theirs=theirs)]
