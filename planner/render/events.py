"""Output of ``planner classify``: events with their mode and evidence."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from planner.i18n import _, language, ngettext
from planner.model import Classification, Event
from planner.render.json import dumps, event_to_dict
from planner.render.labels import mode_label, time_span
from planner.render.table import MODE_STYLE, console


def events_json(results: Sequence[tuple[Event, Classification]]) -> str:
    return dumps({"events": [event_to_dict(event, found) for event, found in results]})


def events_table(
    results: Sequence[tuple[Event, Classification]], tz: tzinfo, *, color: bool = False
) -> str:
    from babel.dates import format_date
    from rich.table import Table

    out = console(color, 140)
    table = Table()
    table.add_column(_("Date"), no_wrap=True)
    table.add_column(_("Time"), no_wrap=True)
    table.add_column(_("Title"), overflow="fold")
    table.add_column(_("Mode"), no_wrap=True)
    table.add_column(_("Evidence"), overflow="fold")
    for event, found in results:
        start, end = event.start.astimezone(tz), event.end.astimezone(tz)
        table.add_row(
            format_date(start.date(), "medium", locale=language()),
            time_span(start, end, event.all_day),
            event.title,
            f"[{MODE_STYLE[found.mode]}]{mode_label(found.mode)}[/]",
            "; ".join(found.evidence),
        )
    out.print(table)
    out.print(ngettext("{count} event", "{count} events", len(results)))
    return out.file.getvalue()  # type: ignore[attr-defined]
