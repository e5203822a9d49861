"""Turning a weekly plan (or classified events) into text: table, Markdown, JSON, HTML."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.flows.plan import WeeklyPlan

FORMATS = ("table", "markdown", "json", "html")


def render_week(
    plan: WeeklyPlan, fmt: str, *, color: bool = False, width: int = 120, note: str = "",
    invites: Mapping[str, Sequence[Any]] | None = None,
) -> str:  # fmt: skip
    """The plan in format ``fmt`` (one of :data:`FORMATS`); ``note`` is shown in the table's
    header (e.g. why this week was chosen); ``invites`` maps the UID of a flagged meeting to
    the states of the invitations sent for it (:mod:`planner.flows.followup`)."""
    if fmt == "json":
        from planner.render.json import week_json

        if not invites:
            return week_json(plan)
        from planner.render.invites import attach_states

        return week_json(plan, lambda data: attach_states(data, invites))
    if fmt == "html":
        from planner.render.json import week_to_dict

        data = week_to_dict(plan)
        if invites:
            from planner.render.invites import attach_states

            attach_states(data, invites)
        from planner.render.html import week_html

        return week_html(data)
    if fmt == "markdown":
        from planner.render.markdown import week_markdown

        return week_markdown(plan, invites) + _attribution(plan)
    from planner.render.table import week_table

    return week_table(plan, color=color, width=width, note=note, invites=invites) + _attribution(
        plan
    )


def _attribution(plan: WeeklyPlan) -> str:
    """The OpenStreetMap attribution line when a proposed venue was fetched from there."""
    venues = (p.venue for item in plan.items for p in item.proposals)
    if not any(v.source.startswith("OpenStreetMap") for v in venues):
        return ""
    from planner.meet.overpass import ATTRIBUTION

    return f"\n{ATTRIBUTION}\n"
