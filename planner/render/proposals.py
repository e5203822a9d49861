"""Output of ``planner propose``."""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING

from planner.i18n import _, day_span, local_span
from planner.render.labels import kind_label, purpose_label, sentences
from planner.render.table import console

if TYPE_CHECKING:
    from planner.flows.propose import ProposeResult


def proposals_table(
    result: ProposeResult,
    tz: tzinfo,
    *,
    color: bool = False,
    width: int = 120,
    demo: bool = False,
) -> str:
    from rich.markup import escape

    from planner.render.fit import Column, fitted_table

    out = console(color, width)
    who = result.name or result.counterpart
    out.print(
        _("Proposals to meet {who} ({purpose})", who=who, purpose=purpose_label(result.purpose)),
        markup=False,
    )
    for line in result.where():
        out.print(line, markup=False)
    from planner.render.invites import state_line

    for state in result.invitations:  # the times already invited to, with their next step
        out.print(f"✉ {state_line(state)}", markup=False)
    if not result.proposals:
        for note in result.notes:
            out.print(note, markup=False)
        if not result.notes:
            out.print(
                _(
                    "No free slot with an open venue was found in this window; try another "
                    "--week, --near or a larger [venues] radius_km."
                ),
                markup=False,  # "[venues]" is text, not a style
            )
        return out.file.getvalue()  # type: ignore[attr-defined]
    columns = [
        Column(_("ID")),
        Column(_("When")),
        Column(_("Kind"), drop=2),
        Column(_("Venue"), flex=True, min=18),
        Column(_("Travel"), justify="right", drop=1),
        Column(_("Why"), flex=True, min=16, drop=3),
    ]
    rows = []
    for p in result.proposals:
        start, end = p.start.astimezone(tz), p.end.astimezone(tz)
        rows.append(
            [
                p.id,
                day_span(start, end) + local_span(start, end, p.zone, tz),
                kind_label(p.kind.value),
                escape(f"{p.venue.name}\n{p.venue.address}"),
                _travel(p.travel_minutes),
                escape(sentences(p.reasons)),
            ]
        )
    table = fitted_table(columns, rows, width)
    out.print(table)
    for note in result.notes:
        out.print(note, markup=False)
    if any(p.venue.source.startswith("OpenStreetMap") for p in result.proposals):
        from planner.meet.overpass import ATTRIBUTION

        out.print(ATTRIBUTION, markup=False)
    if demo:
        out.print(_("Invite with: planner invite --demo --proposal ID"))
    else:
        out.print(_("Invite with: planner invite --proposal ID"))
    return out.file.getvalue()  # type: ignore[attr-defined]


def _travel(minutes: tuple[int | None, int | None]) -> str:
    """``12 / 15 min``; ``–`` where the user's way is not known (no home, nothing before)."""
    before, after = minutes
    if before is None or after is None:
        return "–"
    return _("{before} / {after} min", before=before, after=after)
