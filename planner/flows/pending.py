"""Open invitations and offers per person: a time planner already put to someone (an
invitation written or sent from here, an offer's options, the time they proposed instead) is
their next chance to meet in person, until they decline it or it expires
(:func:`planner.flows.held.held_times` says which still hold). Keeping in touch (``planner
people``, ``planner trips``, the weekly plan's section) proposes them no other time meanwhile:
following the plan as printed would send them a second, different invitation.

A counterpart who declined an invitation is free again, even while others of it still hold
its time. The value here; :mod:`planner.flows.open_invites` reads them from the state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from planner.i18n import _, day_time, ngettext

INVITATION, COUNTER, OFFER = "invitation", "counter", "offer"


@dataclass(frozen=True, slots=True)
class Pending:
    """The first open invitation or offer to one person."""

    kind: str  # INVITATION, COUNTER (they proposed another time) or OFFER
    start: datetime
    end: datetime
    title: str
    answer: str = ""  # for an invitation: "accepted", "tentative" or "" (no answer yet)
    options: int = 1  # for an offer: how many times it offers
    picked: bool = False  # for an offer: a time was picked, not yet booked
    #: for a counter: whole days proposed (start and end are midnights in the meeting's zone)
    whole_days: bool = False
    #: for a counter: what in the user's calendars it meets
    #: (``planner.flows.followup_steps.clash_words``, as ``planner invites`` says it)
    clashes: tuple[str, ...] = ()

    def text(self, tz: Any) -> str:
        """``invited for Wed 9 Dec 13:15, no answer yet (planner invites)``."""
        when = day_time(self.start.astimezone(tz))
        if self.kind == COUNTER:
            return self._countered(tz)
        if self.kind == OFFER:
            if self.picked:
                return _("picked {when} from your offer; book it (planner invites)", when=when)
            return ngettext(
                "offered {when}, not picked yet (planner invites)",
                "offered {count} times from {when}, none picked yet (planner invites)",
                self.options,
                when=when,
            )
        if self.answer == "accepted":
            return _("invited for {when}, accepted (planner invites)", when=when)
        if self.answer == "tentative":
            return _("invited for {when}, accepted tentatively (planner invites)", when=when)
        return _("invited for {when}, no answer yet (planner invites)", when=when)

    def _countered(self, tz: Any) -> str:
        """``proposed Wed 16 Dec, all day instead of your invitation; …``: the days or the
        time in the words ``planner invites`` uses, with what the user has then."""
        from planner.flows.counter_words import proposed_when

        when = proposed_when(self.start, self.end, tz, whole_days=self.whole_days)
        if self.clashes:
            return _("proposed {when} instead of your invitation ({busy}); answer it (planner "
                     "invites)", when=when, busy="; ".join(self.clashes))  # fmt: skip
        return _("proposed {when} instead of your invitation; answer it (planner invites)",
                 when=when)  # fmt: skip

    def to_json(self, tz: Any) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "start": self.start.astimezone(tz).isoformat(),
            "end": self.end.astimezone(tz).isoformat(),
            "title": self.title,
            "answer": self.answer or None,
            "options": self.options,
            "picked": self.picked,
            "whole_days": self.whole_days,
            "clashes": list(self.clashes),
            "text": self.text(tz),
        }
