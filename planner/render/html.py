"""The weekly view as one self-contained HTML file: inline CSS and SVG, no network, no script.

It renders the same data as the JSON output (:func:`planner.render.json.week_to_dict`), so the
two never disagree. Layout: a Monday–Sunday grid by hour with meetings as blocks coloured by
mode, proposals as dashed blocks, and a side panel with the balance, the recommendations and the
contacts due for a visit. On narrow screens the grid becomes a list per day; printing keeps
colours and drops the side panel's chart shading.
"""

from __future__ import annotations

from datetime import date, datetime
from html import escape
from typing import Any

from planner.i18n import _, language
from planner.model import Mode
from planner.render.labels import day_label, mode_label, percent

MODE_COLOURS = {
    "in_person": "#2e7d32",
    "virtual": "#1565c0",
    "hybrid": "#7b1fa2",
    "phone": "#e65100",
    "unknown": "#616161",
}

CSS = """
:root { --line: #d9dde3; --muted: #5f6b7a; --flag: #c62828; font-family: system-ui, -apple-system,
  "Segoe UI", Roboto, sans-serif; color: #1d2430; }
* { box-sizing: border-box; }
body { margin: 0; padding: 16px; background: #f6f7f9; }
h1 { font-size: 1.4rem; margin: 0 0 4px; }
.sub { color: var(--muted); margin: 0 0 12px; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 16px; }
.week { display: grid; grid-template-columns: 48px repeat(7, minmax(0, 1fr)); background: #fff;
  border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
.week .head { font-weight: 600; font-size: .8rem; padding: 6px 4px; border-bottom: 1px solid
  var(--line); text-align: center; }
.allday { grid-column: 2 / span 7; display: grid; grid-template-columns: repeat(7, minmax(0, 1fr));
  border-bottom: 1px solid var(--line); min-height: 8px; }
.allday div { font-size: .72rem; padding: 2px 4px; }
.hours { position: relative; border-right: 1px solid var(--line); }
.hours span { position: absolute; right: 4px; font-size: .68rem; color: var(--muted);
  transform: translateY(-50%); }
.day { position: relative; border-left: 1px solid var(--line);
  background: repeating-linear-gradient(to bottom, transparent 0,
  transparent calc(var(--hour) - 1px), #eef0f3 calc(var(--hour) - 1px), #eef0f3 var(--hour)); }
.event, .proposal { position: absolute; border-radius: 5px; padding: 2px 4px; font-size: .72rem;
  line-height: 1.2; overflow: hidden; color: #fff; }
.event .t { font-weight: 600; display: block; }
.event.flagged { outline: 3px solid var(--flag); outline-offset: -1px; }
.event.flagged .t::before { content: "⚑ "; }
.proposal { background: rgba(46, 125, 50, .08); border: 2px dashed #2e7d32; color: #1b5e20; }
.legend { display: flex; flex-wrap: wrap; gap: 10px; font-size: .78rem; margin: 8px 0; }
.legend i { display: inline-block; width: 12px; height: 12px; border-radius: 3px;
  vertical-align: -2px; margin-right: 4px; }
aside section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px
  12px; margin-bottom: 12px; }
aside h2 { font-size: 1rem; margin: 0 0 6px; }
aside ul { margin: 0; padding-left: 18px; font-size: .85rem; }
aside li { margin-bottom: 6px; }
.share { font-size: 1.6rem; font-weight: 700; }
.muted { color: var(--muted); font-size: .8rem; }
.agenda { display: none; }
@media (max-width: 760px) {
  body { padding: 8px; }
  .layout { grid-template-columns: 1fr; }
  .week { display: none; }
  .agenda { display: block; }
  .agenda h3 { font-size: .95rem; margin: 14px 0 6px; }
  .agenda .event, .agenda .proposal { position: static; display: block; margin: 4px 0;
    padding: 6px 8px; font-size: .85rem; }
}
@media print {
  body { background: #fff; padding: 0; }
  .event, .legend i { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .layout { grid-template-columns: 1fr 240px; }
  aside section { break-inside: avoid; }
}
"""

HOUR_PX = 44


def week_html(data: dict[str, Any]) -> str:
    """The HTML page for a week given as the JSON view (``week_to_dict``)."""
    start = datetime.fromisoformat(data["week"]["start"])
    days = [date.fromordinal(start.date().toordinal() + i) for i in range(7)]
    first_hour, last_hour = _hour_range(data)
    title = _("Week {week}", week=data["week"]["iso_week"])
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="sub">{escape(day_label(days[0]))} – {escape(day_label(days[-1]))}</p>',
        _legend(),
        '<div class="layout"><main>',
        _grid(data, days, first_hour, last_hour),
        _agenda(data, days),
        "</main>",
        _side_panel(data),
        "</div>",
    ]
    return (
        f'<!DOCTYPE html>\n<html lang="{language()}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def _hour_range(data: dict[str, Any]) -> tuple[int, int]:
    hours = [8, 19]
    for event in data["events"]:
        if event["all_day"]:
            continue
        hours.append(datetime.fromisoformat(event["start"]).hour)
        end = datetime.fromisoformat(event["end"])
        hours.append(end.hour + (1 if end.minute else 0))
        for proposal in event.get("proposals", []):
            hours.append(datetime.fromisoformat(proposal["start"]).hour)
            hours.append(datetime.fromisoformat(proposal["end"]).hour + 1)
    return max(0, min(hours)), min(24, max(hours))


def _legend() -> str:
    items = "".join(
        f'<span><i style="background:{MODE_COLOURS[m.value]}"></i>{escape(mode_label(m))}</span>'
        for m in Mode
        if m is not Mode.UNKNOWN
    )
    flagged = escape(_("meet in person"))
    proposal = escape(_("proposed slot"))
    return (
        f'<div class="legend">{items}<span>⚑ {flagged}</span>'
        f'<span><i style="border:2px dashed #2e7d32"></i>{proposal}</span></div>'
    )


def _grid(data: dict[str, Any], days: list[date], first: int, last: int) -> str:
    height = (last - first) * HOUR_PX
    heads = "".join(f'<div class="head">{escape(_short_day(d))}</div>' for d in days)
    allday = "".join(
        "<div>" + "".join(_allday_chip(e) for e in _events_on(data, d, all_day=True)) + "</div>"
        for d in days
    )
    hours = "".join(
        f'<span style="top:{(h - first) * HOUR_PX}px">{h:02d}:00</span>'
        for h in range(first, last + 1)
    )
    columns = "".join(
        f'<div class="day" data-day="{d.isoformat()}" style="height:{height}px;--hour:{HOUR_PX}px">'
        + _day_blocks(data, d, first)
        + "</div>"
        for d in days
    )
    return (
        f'<div class="week"><div class="head"></div>{heads}<div></div>'
        f'<div class="allday">{allday}</div>'
        f'<div class="hours" style="height:{height}px">{hours}</div>{columns}</div>'
    )


def _short_day(day: date) -> str:
    from babel.dates import format_date

    return format_date(
        day, format="EEE d.M." if language() == "de" else "EEE M/d", locale=language()
    )


def _events_on(data: dict[str, Any], day: date, *, all_day: bool) -> list[dict[str, Any]]:
    tz = datetime.fromisoformat(data["week"]["start"]).tzinfo
    return [
        e
        for e in data["events"]
        if e["all_day"] == all_day
        and datetime.fromisoformat(e["start"]).astimezone(tz).date() == day
    ]


def _allday_chip(event: dict[str, Any]) -> str:
    return (
        f'<div class="event-allday" data-uid="{escape(event["uid"])}" '
        f'data-mode="{event["mode"]}">{escape(event["title"])}</div>'
    )


def _lanes(blocks: list[tuple[datetime, datetime]]) -> list[tuple[int, int]]:
    """(lane, lanes in its cluster) for each block, so overlapping blocks sit side by side."""
    order = sorted(range(len(blocks)), key=lambda i: blocks[i])
    result: dict[int, tuple[int, int]] = {}
    cluster: list[int] = []
    lane_ends: list[datetime] = []
    cluster_end: datetime | None = None

    def close() -> None:
        for index in cluster:
            result[index] = (result[index][0], len(lane_ends))

    for index in order:
        start, end = blocks[index]
        if cluster_end is not None and start >= cluster_end:
            close()
            cluster, lane_ends, cluster_end = [], [], None
        lane = next((i for i, lane_end in enumerate(lane_ends) if lane_end <= start), None)
        if lane is None:
            lane = len(lane_ends)
            lane_ends.append(end)
        else:
            lane_ends[lane] = end
        result[index] = (lane, 0)
        cluster.append(index)
        cluster_end = end if cluster_end is None else max(cluster_end, end)
    close()
    return [result[i] for i in range(len(blocks))]


def _day_blocks(data: dict[str, Any], day: date, first_hour: int) -> str:
    tz = datetime.fromisoformat(data["week"]["start"]).tzinfo
    entries: list[tuple[str, dict[str, Any], datetime, datetime]] = []
    for event in _events_on(data, day, all_day=False):
        start = datetime.fromisoformat(event["start"]).astimezone(tz)
        end = datetime.fromisoformat(event["end"]).astimezone(tz)
        entries.append(("event", event, start, end))
    for event in data["events"]:
        for proposal in event.get("proposals", []):
            start = datetime.fromisoformat(proposal["start"]).astimezone(tz)
            if start.date() == day:
                end = datetime.fromisoformat(proposal["end"]).astimezone(tz)
                entries.append(("proposal", {**proposal, "for": event}, start, end))
    lanes = _lanes([(s, e) for _, _, s, e in entries])
    html = []
    for (kind, item, start, end), (lane, count) in zip(entries, lanes, strict=True):
        top = ((start.hour - first_hour) * 60 + start.minute) * HOUR_PX / 60
        minutes = max(20, (end - start).total_seconds() / 60)
        width = 100 / max(count, 1)
        style = (
            f"top:{top:.0f}px;height:{minutes * HOUR_PX / 60 - 2:.0f}px;"
            f"left:calc({lane * width:.3f}% + 2px);width:calc({width:.3f}% - 4px)"
        )
        html.append(
            _event_block(item, start, end, style)
            if kind == "event"
            else _proposal_block(item, start, end, style)
        )
    return "".join(html)


def _is_flagged(event: dict[str, Any]) -> bool:
    recommendation = event.get("recommendation") or {}
    return recommendation.get("action") == "meet_in_person"


def _event_block(event: dict[str, Any], start: datetime, end: datetime, style: str = "") -> str:
    flagged = _is_flagged(event)
    classes = "event flagged" if flagged else "event"
    colour = MODE_COLOURS.get(event["mode"], MODE_COLOURS["unknown"])
    reason = (event.get("recommendation") or {}).get("reason", "")
    tip = " — ".join(filter(None, [event["location"], reason]))
    return (
        f'<div class="{classes}" data-uid="{escape(event["uid"])}" data-mode="{event["mode"]}" '
        f'data-flagged="{str(flagged).lower()}" title="{escape(tip)}" '
        f'style="background:{colour};{style}">'
        f'<span class="t">{escape(event["title"])}</span>'
        f"{start:%H:%M}–{end:%H:%M} · {escape(mode_label(Mode(event['mode'])))}</div>"
    )


def _proposal_block(
    proposal: dict[str, Any], start: datetime, end: datetime, style: str = ""
) -> str:
    venue = proposal.get("venue") or {}
    label = escape(_("Proposal: {title}", title=proposal["for"]["title"]))
    return (
        f'<div class="proposal" data-for="{escape(proposal["for"]["uid"])}" '
        f'data-kind="{escape(proposal.get("kind", ""))}" style="{style}">'
        f'<span class="t">{label}</span>{start:%H:%M}–{end:%H:%M} · '
        f"{escape(venue.get('name', ''))}</div>"
    )


def _agenda(data: dict[str, Any], days: list[date]) -> str:
    tz = datetime.fromisoformat(data["week"]["start"]).tzinfo
    parts = ['<div class="agenda">']
    for day in days:
        events = _events_on(data, day, all_day=False)
        if not events:
            continue
        parts.append(f"<h3>{escape(day_label(day))}</h3>")
        for event in events:
            start = datetime.fromisoformat(event["start"]).astimezone(tz)
            end = datetime.fromisoformat(event["end"]).astimezone(tz)
            parts.append(
                _event_block(event, start, end).replace('class="event', 'class="event a', 1)
            )
    parts.append("</div>")
    return "".join(parts)


def _side_panel(data: dict[str, Any]) -> str:
    return f"<aside>{_balance(data)}{_recommendations(data)}{_due(data)}</aside>"


def _balance(data: dict[str, Any]) -> str:
    balance = data.get("balance") or {}
    share = balance.get("in_person_share", data["stats"].get("in_person_share"))
    target = balance.get("target")
    target_text = (
        f'<div class="muted">{escape(_("target {share}", share=percent(target)))}</div>'
        if target is not None
        else ""
    )
    return (
        f'<section class="balance"><h2>{escape(_("Balance"))}</h2>'
        f'<div class="share">{escape(percent(share))}</div>'
        f'<div class="muted">{escape(_("in-person share of external meeting time"))}</div>'
        f"{target_text}{_trend_chart(balance.get('trend') or [], target)}</section>"
    )


def _trend_chart(trend: list[dict[str, Any]], target: float | None) -> str:
    if not trend:
        return ""
    width, height, gap = 260, 80, 6
    bar = (width - gap * (len(trend) + 1)) / len(trend)
    bars = []
    for index, point in enumerate(trend):
        share = point.get("share") or 0.0
        h = max(1.0, share * (height - 14))
        x = gap + index * (bar + gap)
        label = escape(str(point.get("week", ""))[-3:])
        bars.append(
            f'<rect x="{x:.1f}" y="{height - 12 - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
            f'fill="#2e7d32"><title>{escape(str(point.get("week", "")))}: '
            f"{escape(percent(point.get('share')))}</title></rect>"
            f'<text x="{x + bar / 2:.1f}" y="{height - 1}" font-size="9" text-anchor="middle">'
            f"{label}</text>"
        )
    line = ""
    if target is not None:
        y = height - 12 - target * (height - 14)
        line = (
            f'<line x1="0" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#c62828" '
            'stroke-dasharray="4 3"/>'
        )
    title = escape(_("In-person share, last weeks"))
    return (
        f'<svg role="img" aria-label="{title}" viewBox="0 0 {width} {height}" width="100%">'
        f"<title>{title}</title>{''.join(bars)}{line}</svg>"
    )


def _recommendations(data: dict[str, Any]) -> str:
    items = []
    for event in data["events"]:
        recommendation = event.get("recommendation") or {}
        if recommendation.get("action") not in ("meet_in_person", "consider_video"):
            continue
        items.append(
            f'<li data-uid="{escape(event["uid"])}"><strong>{escape(event["title"])}</strong><br>'
            f"{escape(recommendation.get('reason', ''))}</li>"
        )
    if not items:
        return ""
    return (
        f'<section class="recommendations"><h2>{escape(_("Recommendations"))}</h2><ul>'
        + "".join(items)
        + "</ul></section>"
    )


def _due(data: dict[str, Any]) -> str:
    due = data.get("due_for_visit") or []
    if not due:
        return ""
    items = "".join(
        f"<li>{escape(entry.get('name') or entry.get('organisation') or entry.get('email', ''))}"
        f'<br><span class="muted">{escape(entry.get("reason", ""))}</span></li>'
        for entry in due
    )
    return f'<section class="due"><h2>{escape(_("Due for a visit"))}</h2><ul>{items}</ul></section>'
