"""What an invitation made from a listed proposal carries besides its time and people
(:func:`planner.flows.invitations.from_proposal`): the venue's hours that day, the place's
zone and the counterpart's way (never a text of the meeting: see
:func:`planner.invite.text.description`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from planner.config import Config
from planner.i18n import _


def venue_hours(config: Config, name: str, when: datetime) -> str:
    """The catalog venue's opening hours on ``when``'s day in words ("08:00–20:00",
    "12–1 Uhr"; a span past midnight belongs to the day it begins on), "" if unknown."""
    from planner.meet.opening import on_day
    from planner.meet.venues import catalog_from_config

    found = [v for v in catalog_from_config(config) if v.name == name]
    if not found:
        return ""
    return on_day(found[0].opening_hours, when.date()) or ""  # its day where it is


def place_zone(proposal: dict[str, Any], config: Config) -> ZoneInfo:
    """The zone of a proposal's place: its own when it was planned in another zone
    (:mod:`planner.meet.local_zone`), else the user's."""
    from planner.meet.local_zone import named_zone

    return named_zone(proposal.get("zone"), config.tz)


def travel_hint(proposal: dict[str, Any]) -> str:
    """The counterpart's way as the proposal estimated it: by public transport (how anyone
    travels is unknown: :data:`planner.meet.travel_time.THEIRS`), from the place known for
    them, which may be a town, an address from a calendar or an address book, never known to
    be their office."""
    minutes = proposal.get("counterpart_minutes")
    if not minutes:
        return ""
    return _("about {minutes} min for you by public transport", minutes=minutes)
