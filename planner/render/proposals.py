"""Output of ``planner propose``."""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING

from planner.i18n import _
from planner.render.labels import kind_label, purpose_label, short_day
from planner.render.table import console

if TYPE_CHECKING:
    from planner.workflows import ProposeResult


def proposals_table(result: ProposeResult, tz: tzinfo, *, color: bool = False) -> str:
    from rich.table import Table

    out = console(color, 140)
    who = f"{result.name} <{result.counterpart}>" if result.name else result.counterpart
    out.print(
        _("Proposals to meet {who} ({purpose})", who=who, purpose=purpose_label(result.purpose)),
        markup=False,
    )
    if not result.proposals:
        for note in result.notes:
            out.print(note, markup=False)
        if not result.notes:
            out.print(
                _(
                    "No free slot with an open venue was found in this window; try another "
                    "--week, --near or a larger [venues] radius_km."
                )
            )
        return out.file.getvalue()  # type: ignore[attr-defined]
    table = Table()
    table.add_column("#", justify="right")
    table.add_column(_("When"), no_wrap=True)
    table.add_column(_("Kind"), no_wrap=True)
    table.add_column(_("Venue"), overflow="fold")
    table.add_column(_("Travel"), justify="right")
    table.add_column(_("Why"), overflow="fold")
    for number, p in enumerate(result.proposals, start=1):
        start, end = p.start.astimezone(tz), p.end.astimezone(tz)
        table.add_row(
            str(number),
            f"{short_day(start.date())} {start:%H:%M}–{end:%H:%M}",
            kind_label(p.kind.value),
            f"{p.venue.name}\n{p.venue.address}",
            _("{before} / {after} min", before=p.travel_minutes[0], after=p.travel_minutes[1]),
            "; ".join(p.reasons),
        )
    out.print(table)
    for note in result.notes:
        out.print(note, markup=False)
    if any(p.venue.source.startswith("OpenStreetMap") for p in result.proposals):
        from planner.meet.overpass import ATTRIBUTION

        out.print(ATTRIBUTION, markup=False)
    out.print(_("Invite with: planner invite --proposal N"))
    return out.file.getvalue()  # type: ignore[attr-defined]
