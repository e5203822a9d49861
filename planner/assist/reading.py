"""The read tools: what ``planner week``, ``agenda``, ``contacts``, ``propose``, ``venues`` and
``invites`` show, as typed results. Each is one function over a :class:`Workspace`.

Like the commands they keep state (the week's and a proposal's listed proposals, for the
invite and hold tools' ``proposal``; the contact ledger; answers seen in the calendars); none
writes into a calendar or sends anything.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Annotated

from pydantic import Field

from planner.assist import inputs, outputs
from planner.assist.registry import read_tool
from planner.assist.workspace import Workspace
from planner.errors import UsageError
from planner.i18n import _
from planner.meet.kinds import VenueKind
from planner.model import Purpose

WeekOf = Annotated[
    date | None,
    Field(description="Any day of the week wanted (ISO 8601); default: this week"),
]


@read_tool("The week's plan", week="week_of")
def week_plan(ws: Workspace, week_of: WeekOf = None) -> outputs.WeekPlan:
    """The week's meetings, each with its mode (in person, virtual, hybrid, phone) and purpose
    and the evidence for both; for the meetings that should happen in person, proposals of
    times and venues, each with an `id` (pass it as `proposal` to the invite or hold tool);
    the totals, the in-person balance against the target and the key accounts due for a visit.
    As `planner week --format json`."""
    from planner import api
    from planner.flows.listed import save_week_proposals
    from planner.render.json import week_to_dict

    plan = api.plan_week(ws.config, ws.first_day, now=ws.now, store=ws.week_store())
    save_week_proposals(ws.state, plan, ws.config, ws.now)
    return outputs.WeekPlan.model_validate(week_to_dict(plan))


@read_tool("Agenda")
def agenda(
    ws: Workspace,
    days: Annotated[int, Field(ge=1, le=60, description="How many days, today included")] = 7,
    meetings_only: Annotated[
        bool, Field(description="Only meetings: no travel, stays, blockers or all-day events")
    ] = False,
) -> outputs.Agenda:
    """The whole of the next days, today included, in order: every entry with its `kind`
    (a meeting, or a flight, train, hotel stay, rental car, trip, all-day event, out of office,
    working location, focus time, blocked or free time), time, title, place, mode, purpose,
    and `meet_in_person` where meeting in person is recommended; an entry over several days
    is listed on each (`day`, `day_of`). As `planner agenda`."""
    from planner import api
    from planner.render.agenda import agenda_json, day_entries, day_items

    tz = ws.config.tz
    first = ws.now.astimezone(tz).date()
    last = first + timedelta(days=days)
    items = day_items(
        lambda monday: api.plan_week(
            ws.config, monday, now=ws.now, store=ws.ledger, proposals=False
        ),
        first,
        last,
    )
    entries = day_entries(items, first, last, tz, meetings_only=meetings_only)
    return outputs.Agenda.model_validate(json.loads(agenda_json(entries, tz)))


@read_tool("Contacts")
def contacts(
    ws: Workspace,
    never_met: Annotated[bool, Field(description="Only counterparts never met in person")] = False,
    due: Annotated[bool, Field(description="Only key accounts due for a visit")] = False,
) -> outputs.Contacts:
    """Whom the user has met, how (in person, video, phone) and when, from the calendars'
    history: per counterpart the meetings by mode, first, last and last in-person meeting,
    organisation, key account, and the city they live in with its evidence. As
    `planner contacts --format json`."""
    from planner.flows.session import contacts_report

    rows = contacts_report(ws.config, ws.ledger, now=ws.now, never_met=never_met, due=due)
    return outputs.Contacts(contacts=rows)


@read_tool("Propose times and places to meet", week="week_of")
def propose(
    ws: Workspace,
    with_email: Annotated[str | None, Field(description="The counterpart's e-mail")] = None,
    meeting_uid: Annotated[
        str | None, Field(description="Or a meeting of the calendar (a unique UID prefix)")
    ] = None,
    purpose: Annotated[
        Purpose | None, Field(description="Default: what the calendar knows, else first_contact")
    ] = None,
    week_of: WeekOf = None,
    near: Annotated[str | None, Field(description="Meet near this city or address")] = None,
    count: Annotated[int, Field(ge=1, le=20)] = 3,
) -> outputs.Proposals:
    """Times and places to meet a counterpart (or the people of a meeting) in person, best
    first, with the reasons: free time in all the user's calendars (and theirs where a
    calendar service tells), the meal or coffee windows that suit the purpose, travel, and
    venues open for the whole slot near both. Each has an `id` that stays the same as long as
    the proposal does: pass it as `proposal` to the invite or hold tool. As `planner propose
    --format json`."""
    from planner.flows.listed import save_proposals
    from planner.flows.propose import propose_for

    if bool(with_email) == bool(meeting_uid):
        raise UsageError(_("give either with_email or meeting_uid"))
    inputs.mailbox(with_email, "with_email")
    inputs.upcoming_week(week_of, ws.now)
    result = propose_for(
        ws.config,
        ws.ledger,
        with_email,
        now=ws.now,
        first_day=ws.first_day if week_of else None,
        purpose=purpose,
        near=near,
        count=count,
        meeting_uid=meeting_uid,
    )
    listed = result.to_json()
    save_proposals(ws.state, listed, ws.now)
    return outputs.Proposals.model_validate(listed)


@read_tool("Venues near a place")
def venues(
    ws: Workspace,
    near: Annotated[
        str | None, Field(description="A city, postal code, address or venue name")
    ] = None,
    kind: VenueKind | None = None,
    open_at: Annotated[
        datetime | None, Field(description="Only venues open then (no offset: the user's zone)")
    ] = None,
    radius_km: Annotated[float, Field(gt=0, le=200)] = 5.0,
) -> outputs.Venues:
    """Venues of the catalog and those fetched from OpenStreetMap before, nearest first:
    hotel lounges, restaurants, cafés, bars, coworking and networking spaces, station and
    airport lounges, with address, opening hours and distance. As `planner venues`."""
    from planner import api
    from planner.meet.overpass import ATTRIBUTION
    from planner.meet.places import no_venues_hint
    from planner.render.venues import venue_to_dict
    from planner.store import Store

    if open_at is not None and open_at.tzinfo is None:
        open_at = open_at.replace(tzinfo=ws.config.tz)
    rows, attribution = api.browse_venues(
        ws.config,
        near=near,
        kind=kind,
        open_at=open_at,
        radius_km=radius_km,
        store=Store(":memory:") if ws.demo else ws.state,
    )
    credits = [attribution] if attribution else []
    if any(v.source.startswith("OpenStreetMap") for v, _km in rows):
        credits.append(ATTRIBUTION)
    answer = outputs.Venues(
        venues=[outputs.Venue.model_validate(venue_to_dict(v, km)) for v, km in rows],
        attribution=" ".join(credits),
    )
    if near and not rows and not kind and not open_at:
        answer.warnings.append(no_venues_hint(near, bool(ws.config["geo"]["online"])))
    return answer


@read_tool("Invitations and their answers")
def invitations(
    ws: Workspace,
    read_calendars: Annotated[
        bool,
        Field(description="Also read the answers the calendars show (false: those recorded)"),
    ] = True,
) -> outputs.Invitations:
    """The open invitations sent from here: each counterpart's answer (accepted, tentative,
    declined, another time proposed, no answer for N days) and the next step as a ready
    planner command. Nothing is sent. As `planner invites --format json`."""
    from planner.flows.followup import invitation_states
    from planner.render.invites import status_label

    states = invitation_states(ws.config, ws.state, now=ws.now, read=read_calendars)
    return outputs.Invitations.model_validate(
        {"invitations": [s.to_json() | {"label": status_label(s)} for s in states]}
    )
