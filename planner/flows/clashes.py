"""What of the user's own calendar an invitation's time runs into, said before it is written
or sent (``planner invite``): a lunch invitation on the day of an all-day workshop elsewhere,
a call on top of a flight. Busy, tentative and out-of-office entries count; free ones (a hotel
stay kept free), declined and cancelled ones and the meeting itself (its UID) do not; a meeting
an update moved counts at its new time while the calendar still shows the old one
(:func:`planner.flows.session.read_as_sent`). A calendar that cannot be read is one line,
never the end of the invitation."""

from __future__ import annotations

from datetime import datetime

from planner.config import Config
from planner.i18n import _, day_span, ngettext
from planner.ical.wallclock import within
from planner.model import Busy, Event, Response, Status
from planner.store import Store

SHOWN = 3  # clashes named; more are counted
HOLDING = (Busy.BUSY, Busy.TENTATIVE, Busy.OUT_OF_OFFICE)


def clash_lines(
    config: Config, store: Store | None, start: datetime, end: datetime, uid: str = ""
) -> list[str]:
    """One line per entry of the user's calendars that overlaps ``[start, end)`` (the first
    :data:`SHOWN`, then how many more), or the one line saying they could not be looked at."""
    from planner.errors import PlannerError
    from planner.flows.session import read_as_sent

    try:
        events = read_as_sent(config, store, start, end)
    except (PlannerError, OSError) as exc:
        return [_("  note:  your calendars could not be looked at for clashes ({error})",
                  error=exc)]  # fmt: skip
    found = [e for e in events if _holds(e, start, end) and e.uid != uid]
    lines = [
        _(
            "  note:  your calendar has '{title}' then ({when})",
            title=e.title,
            when=day_span(e.start.astimezone(config.tz), e.end.astimezone(config.tz)),
        )
        for e in found[:SHOWN]
    ]
    if len(found) > SHOWN:
        more = len(found) - SHOWN
        one, many = "  note:  and {count} more entry then", "  note:  and {count} more entries then"
        lines.append(ngettext(one, many, more))
    return lines


def _holds(event: Event, start: datetime, end: datetime) -> bool:
    if event.status is Status.CANCELLED or event.self_response is Response.DECLINED:
        return False
    # in real time: on the night the clocks go back, 02:30 CEST–02:30 CET is an hour
    return event.busy_status in HOLDING and within(event.start, event.end, start, end)
