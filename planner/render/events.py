"""Output of ``planner classify``: events with their mode and evidence."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from planner.i18n import _, language, ngettext
from planner.model import Classification, Event
from planner.render.json import dumps, event_to_dict
from planner.render.labels import mode_label, settle_command, time_span, unsure
from planner.render.places import without_secrets
from planner.render.table import MODE_STYLE, console


def events_json(results: Sequence[tuple[Event, Classification]], tz: tzinfo | None = None) -> str:
    """The events with times in ``tz`` (the user's zone or ``--timezone``)."""
    return dumps({"events": [event_to_dict(event, found, tz) for event, found in results]})


SETTLE_SHOWN = 20  # commands listed under the table; the rest are counted
#: Events listed in the table: a file of tens of thousands took half a minute to lay out as a
#: table nobody reads in a terminal; the rest are counted (``--format json`` lists them all).
TABLE_SHOWN = 1000


def _settle_lines(results: Sequence[tuple[Event, Classification]], tz: tzinfo) -> list[str]:
    """The planner mark command of every judgement that is not sure."""
    from planner.render.labels import short_day

    unsure = [(e, cmd) for e, found in results if (cmd := settle_command(e, found))]
    if not unsure:
        return []
    lines = [_("Not sure about these; settle them with:")]
    for event, command in unsure[:SETTLE_SHOWN]:
        day = short_day(event.start.astimezone(tz).date())
        lines.append(f"  {command}   # {event.title} ({day})")
    if len(unsure) > SETTLE_SHOWN:
        more = len(unsure) - SETTLE_SHOWN
        lines.append("  " + ngettext("… and {count} more", "… and {count} more", more))
    return lines


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
    for event, found in results[:TABLE_SHOWN]:
        start, end = event.start.astimezone(tz), event.end.astimezone(tz)
        evidence = "; ".join(found.evidence)
        rows.append(
            [
                format_date(start.date(), "medium", locale=language()),
                time_span(start, end, event.all_day),
                escape(without_secrets(event.title)),
                f"[{MODE_STYLE[found.mode]}]{unsure(mode_label(found.mode), found.confidence)}[/]",
                escape(without_secrets(evidence)),
            ]
        )
    out.print(fitted_table(columns, rows, width))
    if len(results) > TABLE_SHOWN:
        more = len(results) - TABLE_SHOWN
        text = ngettext(
            "… and {count} more event (--format json lists every one)",
            "… and {count} more events (--format json lists every one)",
            more,
        )
        out.print(text, markup=False, highlight=False)
    out.print(ngettext("{count} event", "{count} events", len(results)))
    for line in _settle_lines(results, tz):
        out.print(line, markup=False, highlight=False)
    if hint:
        out.print(hint, markup=False)
    return out.file.getvalue()  # type: ignore[attr-defined]
