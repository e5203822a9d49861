"""The ``planner invite`` command that turns a proposal into an invitation, as it runs when it
is pasted: the week's keep-in-touch section, ``planner trips`` and a declined invitation's next
step print it.

It names the invitation's title (the one :func:`planner.flows.invitations.default_title` gives
an invitation from a proposal), the time as ``--start`` reads it, the length, and the place: a
venue of the catalog by its name where ``--venue`` finds exactly that venue, else the place as
written with ``--location`` (a venue fetched from OpenStreetMap, the hotel of a trip, a town
where no venue is known yet): ``--venue`` takes only the catalog's.
"""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING

from planner.errors import PlannerError

if TYPE_CHECKING:
    from planner.config import Config
    from planner.meet.pick import Proposal
    from planner.meet.venues import Catalog


def invite_command(
    config: Config,
    to: str,
    name: str,
    proposal: Proposal,
    *,
    title: str = "",
    zone: str = "",
    send: bool = False,
    catalog: Catalog | None = None,
) -> str:
    """``planner invite --to … --title … --start … --duration … --venue|--location …``; the
    start in ``zone`` where the meeting has its own (:func:`planner.flows.followup_steps.stamp`);
    ``catalog``: the config's catalog, where the caller has it loaded already."""
    from planner.flows.followup_steps import stamp
    from planner.flows.invitations import default_title

    minutes = int((proposal.end - proposal.start).total_seconds() // 60)  # aware: real time
    words = [
        "planner", "invite", "--to", to,
        "--title", title or default_title(str(proposal.kind), name or to, config),
        "--start", stamp(proposal.start, config, zone),
        "--duration", str(minutes),
        *_place(config, proposal, catalog),
    ]  # fmt: skip
    return shlex.join([*words, "--send"] if send else words)


def _place(config: Config, proposal: Proposal, catalog: Catalog | None) -> list[str]:
    from planner.flows.invitations import find_venue
    from planner.meet.shortlist import is_area

    venue = proposal.venue
    if not is_area(venue):
        try:
            found = find_venue(config, venue.name, catalog)
        except PlannerError:
            found = None
        if found is not None and found.name == venue.name and found.geo == venue.geo:
            return ["--venue", venue.name]
    written = venue.name  # an area: the place named, its address says none is known yet
    if venue.address and not is_area(venue) and venue.address.casefold() not in written.casefold():
        written = f"{written}, {venue.address}"
    return ["--location", written]
