"""The weekly view as one self-contained HTML file: inline CSS and SVG, no network, no script.

It renders the same data as the JSON output (:func:`planner.render.json.week_to_dict`), so the
two never disagree. Layout: a Monday–Sunday grid by hour with meetings as blocks coloured by
mode (and labelled with it, for print and colour blindness), flagged meetings outlined with a
flag, proposals as dashed blocks with their venue, an all-day row, and a side panel with the
balance, the recommendations and the contacts due for a visit (:mod:`.html_panel`). Below
760 px the grid gives way to a list per day; printing keeps the grid and the colours on a
landscape page. Styles: ``week.css`` beside this module; layout: :mod:`.html_view`.
"""

from __future__ import annotations

from functools import cache
from html import escape

from planner.i18n import _, language, ngettext
from planner.model import Mode
from planner.render.html_panel import number, side_panel
from planner.render.html_view import (
    Block,
    Item,
    Span,
    View,
    anchor,
    build_view,
    is_flagged,
    lanes,
    mode_text,
    place,
    proposal_label,
    reason,
    title,
    venue_name,
    when,
)
from planner.render.labels import day_label, kind_label, mode_label, more_that_day, week_name
from planner.render.unread import FIELD as UNREAD
from planner.render.unread import unread_lines

__all__ = ["build_view", "week_html"]

# Pixel sizes that week.css uses, to know how many lines of text a block has room for.
SCREEN = (52, 14.4)  # --hour and the line height of a block on screen
PRINT = (40, 11.9)  # ... and in print
FLAG = (
    '<svg class="flag" viewBox="0 0 12 12" aria-hidden="true" focusable="false">'
    '<path d="M2.5 11V1.2M2.5 1.5h7.2L8 4.2l1.7 2.7H2.5" fill="currentColor" '
    'stroke="currentColor" stroke-width="1.4" stroke-linejoin="round"/></svg>'
)


def week_html(data: Item) -> str:
    """The HTML page for a week given as the JSON view (``week_to_dict``)."""
    view = build_view(data)
    heading = week_name(data["week"]["iso_week"])
    body = [
        _header(view, heading),
        '<div class="layout"><main>',
        _grid(view),
        _agenda(view),
        "</main>",
        side_panel(view),
        "</div>",
    ]
    return (
        f'<!DOCTYPE html>\n<html lang="{language()}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(heading)}</title><style>{stylesheet()}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


@cache
def stylesheet() -> str:
    from importlib.resources import files

    return files("planner.render").joinpath("week.css").read_text(encoding="utf-8")


# --- header and legend ----------------------------------------------------------------------


def _header(view: View, heading: str) -> str:
    dates = f"{day_label(view.days[0])} – {day_label(view.days[-1])}"
    stats = view.data.get("stats") or {}
    summary = ""
    if "meetings" in stats:
        text = ngettext(
            "{count} meeting, {hours} h ({external} h external)",
            "{count} meetings, {hours} h ({external} h external)",
            stats["meetings"],
            hours=number(stats.get("hours", 0)),
            external=number(stats.get("external_hours", 0)),
        )
        summary = f'<p class="sub">{escape(text)}</p>'
    return (
        f'<header><h1>{escape(heading)}</h1><p class="sub">{escape(dates)}</p>{summary}'
        f"{_unread(view.data.get(UNREAD) or [])}{_legend()}</header>"
    )


def _unread(entries: list[Item]) -> str:
    """The calendars the plan lacks or shows from an earlier copy; nothing when all were read."""
    heading, lines = unread_lines(entries)
    if not lines:
        return ""
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    if not heading:
        return f'<section class="unread copies" role="status"><ul>{items}</ul></section>'
    return (
        f'<section class="unread" role="alert"><p>{escape(heading)}</p><ul>{items}</ul></section>'
    )


def _legend() -> str:
    modes = "".join(
        f'<li><span class="swatch" style="background:var(--{m.value})"></span>'
        f"{escape(mode_label(m))}</li>"
        for m in Mode
        if m is not Mode.UNKNOWN
    )
    return (
        f'<ul class="legend" aria-label="{escape(_("Legend"))}">{modes}'
        f'<li><span class="swatch nm"></span>{escape(_("not a meeting"))}</li>'
        f'<li><span class="legend-flag">{FLAG}</span>{escape(_("meet in person"))}</li>'
        f'<li><span class="swatch dashed"></span>{escape(_("proposed slot"))}</li></ul>'
    )


# --- the grid -------------------------------------------------------------------------------


def _grid(view: View) -> str:
    first, last = view.hours
    used = {b.day for b in view.blocks} | {
        d for s in view.spans for d in range(s.first, s.last + 1)
    }
    columns = " ".join(
        "minmax(0, 1fr)" if i in used or i < 5 else "minmax(0, .55fr)"
        for i in range(len(view.days))
    )
    heads = "".join(
        f'<div class="head" aria-hidden="true">{_day_head(d)}{_more_head(view.more_on(i))}</div>'
        for i, d in enumerate(view.days)
    )
    hours = "".join(
        f'<span style="top:calc({h - first} * var(--hour))">{h:02d}:00</span>'
        for h in range(first, last)
    )
    days = "".join(_day_column(view, index) for index in range(len(view.days)))
    style = f"grid-template-columns:3.2em {columns};--height:calc({last - first} * var(--hour))"
    return (
        f'<section class="week" aria-label="{escape(_("Week grid"))}" style="{style}">'
        f'<div class="head corner"></div>{heads}{_allday_row(view)}'
        f'<div class="hours" aria-hidden="true">{hours}</div>{days}</section>'
    )


def _day_head(day: object) -> str:
    from babel.dates import format_date

    weekday = format_date(day, format="EEE", locale=language())
    date_text = format_date(
        day, format="d MMM" if language() == "en" else "d. MMM", locale=language()
    )
    return f"<span>{escape(weekday)}</span> <span>{escape(date_text)}</span>"


def _allday_row(view: View) -> str:
    if not view.spans:
        return ""
    chips = "".join(
        f'<div class="span" role="listitem" data-uid="{escape(s.item["uid"])}" '
        f'data-mode="{escape(s.item["mode"])}" '
        f'style="grid-column:{s.first + 1} / span {s.last - s.first + 1}" '
        f'title="{escape(title(s.item))}">{escape(title(s.item))}</div>'
        for s in view.spans
    )
    label = escape(_("all day"))
    return (
        f'<div class="allday-label">{label}</div>'
        f'<div class="allday" role="list" aria-label="{label}">{chips}</div>'
    )


def _day_column(view: View, index: int) -> str:
    first = view.hours[0]
    blocks = view.blocks_on(index)
    placed = lanes([(b.drawn_top, b.drawn_top + b.length) for b in blocks])
    html = "".join(
        _block(
            view,
            block,
            f"--top:{block.drawn_top - first:.3f};--len:{block.length:.3f};"
            f"--lane:{lane};--lanes:{count}",
        )
        for block, (lane, count) in zip(blocks, placed, strict=True)
    )
    if more := view.more_on(index):  # said in the day's head; here for screen readers
        html += f'<div class="sr" role="listitem">{escape(more_that_day(more))}</div>'
    day = view.days[index]
    return (
        f'<div class="day" role="list" aria-label="{escape(day_label(day))}" '
        f'data-day="{day.isoformat()}">{html}</div>'
    )


def _more_head(count: int) -> str:
    """Under a day's name: how many of its events the grid leaves out (the JSON lists them)."""
    if not count:
        return ""
    short = ngettext("+{count} more", "+{count} more", count)
    return f'<span class="more" title="{escape(more_that_day(count))}">{escape(short)}</span>'


def _lines(block: Block, metrics: tuple[float, float]) -> int:
    hour, line = metrics
    return int((block.length * hour - 6) // line)


def _block(view: View, block: Block, style: str) -> str:
    other_lines = 2 if block.kind == "proposal" else 1
    clamp = [max(1, _lines(block, m) - other_lines) for m in (SCREEN, PRINT)]
    style += f";--clamp:{clamp[0]};--pclamp:{clamp[1]}"
    short = _lines(block, SCREEN) < 2
    classes = f"block {block.kind}" + (" short" if short else "")
    classes += (" cont-before" if block.before else "") + (" cont-after" if block.after else "")
    if block.kind == "proposal":
        return _proposal_block(block, classes, style, short)
    event = block.item
    flagged = is_flagged(event)
    classes += (" flagged" if flagged else "") + ("" if event.get("meeting", True) else " nm")
    # one meeting, counted there; or moved by an update the calendar does not show yet
    counted = (event.get("counted_as") or event.get("moved") or {}).get("note", "")
    tip = " — ".join(filter(None, [title(event), place(event), reason(event), counted]))
    meta = " · ".join(filter(None, [when(block), mode_text(event), counted]))
    head = f'<span class="st">{block.start:%H:%M}</span> ' if short else ""
    return (
        f'<div class="{classes}" role="listitem" tabindex="0" data-uid="{escape(event["uid"])}" '
        f'data-mode="{escape(event["mode"])}" data-flagged="{str(flagged).lower()}" '
        f'title="{escape(tip)}" style="{style}">'
        f"{FLAG if flagged else ''}"
        f'<span class="t">{head}{escape(title(event))}</span>'
        f'<span class="m">{escape(meta)}</span>{_flag_text(flagged)}</div>'
    )


def _proposal_block(block: Block, classes: str, style: str, short: bool) -> str:
    """A proposal drawn as an alternative: dashed, marked with the identifier ``invite
    --proposal ID`` takes, linked to its meeting in the side panel."""
    proposal = block.item
    venue = venue_name(proposal)
    label = proposal_label(proposal)
    number = str(proposal.get("id") or "")
    meta = f"{when(block)} · {kind_label(proposal.get('kind', ''))}"
    head = f'<span class="st">{block.start:%H:%M}</span> ' if short else ""
    classes += " same" if proposal.get("same_time") else ""
    return (
        f'<div class="{classes}" role="listitem" data-for="{escape(proposal["for"]["uid"])}" '
        f'data-id="{escape(number)}" '
        f'data-kind="{escape(proposal.get("kind", ""))}" data-venue="{escape(venue)}" '
        f'title="{escape(f"{label} — {venue} — {meta}")}" style="{style}">'
        f'<a class="t" href="#{anchor(proposal["for"])}">{head}{escape(venue)}</a>'
        f'<span class="v">{escape(label)}</span><span class="m">{escape(meta)}</span></div>'
    )


def _flag_text(flagged: bool) -> str:
    return f'<span class="sr">, {escape(_("meet in person"))}</span>' if flagged else ""


# --- the agenda (narrow screens) ------------------------------------------------------------


def _agenda(view: View) -> str:
    sections = []
    for index, day in enumerate(view.days):
        items = [_agenda_span(s) for s in view.spans if s.first <= index <= s.last]
        items += [_agenda_item(b) for b in view.blocks_on(index)]
        if more := view.more_on(index):
            items.append(f'<li class="none">{escape(more_that_day(more))}</li>')
        if not items:
            items = [f'<li class="none">{escape(_("No meetings."))}</li>']
        sections.append(
            f"<section><h2>{escape(day_label(day))}</h2><ul>{''.join(items)}</ul></section>"
        )
    return (
        f'<section class="agenda" aria-label="{escape(_("Week by day"))}">'
        f"{''.join(sections)}</section>"
    )


def _agenda_span(span: Span) -> str:
    event = span.item
    return (
        f'<li class="a-event nm" data-uid="{escape(event["uid"])}" '
        f'data-mode="{escape(event["mode"])}"><span class="when">{escape(_("all day"))}</span>'
        f'<span class="what"><b>{escape(title(event))}</b></span></li>'
    )


def _agenda_item(block: Block) -> str:
    times = escape(when(block))
    if block.kind == "proposal":
        proposal = block.item
        venue = proposal.get("venue") or {}
        where = ", ".join(filter(None, [venue.get("name"), venue.get("address")]))
        label = proposal_label(proposal)
        return (
            f'<li class="a-proposal" data-for="{escape(proposal["for"]["uid"])}" '
            f'data-id="{escape(str(proposal.get("id") or ""))}" '
            f'data-venue="{escape(venue_name(proposal))}"><span class="when">{times}</span>'
            f'<span class="what"><b>{escape(label)}</b>'
            f'<span class="d">{escape(kind_label(proposal.get("kind", "")))} · '
            f"{escape(where)}</span>"
            "</span></li>"
        )
    event = block.item
    flagged = is_flagged(event)
    classes = "a-event" + (" flagged" if flagged else "")
    pill = f'<span class="pill">{FLAG}{escape(_("meet in person"))}</span>' if flagged else ""
    counted = (event.get("counted_as") or event.get("moved") or {}).get("note", "")
    details = " · ".join(filter(None, [mode_text(event), place(event), counted]))
    return (
        f'<li class="{classes}" data-uid="{escape(event["uid"])}" '
        f'data-mode="{escape(event["mode"])}" data-flagged="{str(flagged).lower()}">'
        f'<span class="when">{times}</span><span class="what"><b>{escape(title(event))}</b>'
        f'{pill}<span class="d">{escape(details)}</span></span></li>'
    )
