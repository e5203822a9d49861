"""Output of ``planner classify``: events with their mode and evidence."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from planner.i18n import _, language, ngettext
from planner.model import Classification, Event
from planner.render.json import dumps, event_to_dict
from planner.render.labels import mode_label, time_span
from planner.render.places import without_secrets
from planner.render.table import MODE_STYLE, console


def events_json(results: Sequence[tuple[Event, Classification]], tz: tzinfo | None = None) -> str:
    """The events with times in ``tz`` (the user's zone or ``--timezone``)."""
    return dumps({"events": [event_to_dict(event, found, tz) for event, found in results]})


def events_table(
    results: Sequence[tuple[Event, Classification]],
    tz: tzinfo,
    *,
    color: bool = False,
    width: int = 120,
    hint: str = "",
) -> str:
    """The events with their mode and evidence; ``hint`` is printed after the count."""
    from babel.dates import format_date
    from rich.markup import escape

    from planner.render.fit import Column, fitted_table

    out = console(color, width)
    columns = [
        Column(_("Date")),
        Column(_("Time")),
        Column(_("Title"), flex=True, min=14),
        Column(_("Mode")),
        Column(_("Evidence"), flex=True, min=16, drop=1),
    ]
    rows = []
    for event, found in results:
        start, end = event.start.astimezone(tz), event.end.astimezone(tz)
        rows.append(
            [
                format_date(start.date(), "medium", locale=language()),
                time_span(start, end, event.all_day),
                escape(without_secrets(event.title)),
                f"[{MODE_STYLE[found.mode]}]{mode_label(found.mode)}[/]",
                escape(without_secrets("; ".join(found.evidence))),
            ]
        )
    out.print(fitted_table(columns, rows, width))
    out.print(ngettext("{count} event", "{count} events", len(results)))
    if hint:
        out.print(hint, markup=False)
    return out.file.getvalue()  # type: ignore[attr-defined]
