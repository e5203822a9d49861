"""The side panel of the weekly HTML view: the balance with its chart of the last weeks, the
recommendations with their proposals, whom to meet to keep in touch, and the key accounts due
for a visit."""

from __future__ import annotations

from html import escape

from planner.i18n import _, language
from planner.render import labels
from planner.render.html_view import Item, View, anchor, proposal_line, reason, title
from planner.render.labels import percent

CHART_INK, CHART_MUTED, CHART_BAR, CHART_TARGET = "#1d2430", "#566272", "#2e7d32", "#c62828"


def side_panel(view: View) -> str:
    from planner.render.people import keep_html

    parts = [_balance(view.data), _recommendations(view), keep_html(view.data, view.tz),
             _due(view.data)]  # fmt: skip
    return f'<aside aria-label="{escape(_("Summary"))}">{"".join(parts)}</aside>'


def number(value: float) -> str:
    """``12.75`` / ``12,75`` in the current language."""
    from babel.numbers import format_decimal

    return format_decimal(value, format="0.##", locale=language())


def _balance(data: Item) -> str:
    balance = data.get("balance") or {}
    share = balance.get("in_person_share", (data.get("stats") or {}).get("in_person_share"))
    target = balance.get("target")
    lines = [
        f'<div class="share">{escape(percent(share))}</div>',
        f'<div class="muted">{escape(_("in-person share of external meeting time"))}</div>',
    ]
    if "in_person_hours" in balance:
        hours = _(
            "{hours} h of {external} h in person",
            hours=number(balance["in_person_hours"]),
            external=number(balance["external_hours"]),
        )
        lines.append(f'<div class="muted">{escape(hours)}</div>')
    if target is not None:
        lines.append(_meter(share, target))
    if balance.get("trend"):
        this_week = {"week": data["week"]["iso_week"], "share": share}
        lines.append(_trend_chart([*balance["trend"], this_week], target))
    return (
        '<section class="balance" aria-labelledby="h-balance">'
        f'<h2 id="h-balance">{escape(_("Balance"))}</h2>{"".join(lines)}</section>'
    )


def _meter(share: float | None, target: float) -> str:
    if share is None:
        status, css = _("no external meetings"), ""
    elif share >= target:
        status, css = _("on target ({target})", target=percent(target)), "ok"
    else:
        status, css = _("below target ({target})", target=percent(target)), "low"
    fill = min(1.0, share or 0.0) * 100
    return (
        f'<div class="meter" aria-hidden="true"><div class="fill" style="width:{fill:.1f}%">'
        f'</div><div class="goal" style="left:{min(1.0, target) * 100:.1f}%"></div></div>'
        f'<div class="status {css}">{escape(status)}</div>'
    )


def _trend_chart(trend: list[Item], target: float | None) -> str:
    """Bars of the in-person share of the last weeks, this week last (outlined), with the
    target as a dashed line; the same figures as text for screen readers."""
    width, height, top, base = 270, 112, 16, 96
    slot = width / len(trend)
    bars = [
        _bar(point, index * slot, slot, top, base, height, index == len(trend) - 1)
        for index, point in enumerate(trend)
    ]
    line = ""
    if target is not None:
        y = base - min(1.0, target) * (base - top)
        line = (
            f'<line x1="0" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" stroke="{CHART_TARGET}" '
            'stroke-width="1.5" stroke-dasharray="5 3"/>'
        )
    described = ", ".join(f"{p.get('week', '')}: {percent(p.get('share'))}" for p in trend)
    if target is not None:
        described += " — " + _("target {share}", share=percent(target))
    name = _("In-person share, last weeks")
    return (
        f'<svg class="chart" role="img" aria-label="{escape(f"{name}: {described}")}" '
        f'viewBox="0 0 {width} {height}" preserveAspectRatio="xMidYMid meet">'
        f"<title>{escape(name)}</title>"
        f'<line x1="0" x2="{width}" y1="{base}" y2="{base}" stroke="#d5dae1"/>'
        f"{''.join(bars)}{line}</svg>"
        f'<div class="muted">{escape(_("The last weeks; this week outlined."))}</div>'
    )


def _bar(
    point: Item, x0: float, slot: float, top: int, base: int, height: int, current: bool
) -> str:
    share = point.get("share")
    bar_height = max(1.0, min(1.0, share or 0.0) * (base - top))
    x, middle = x0 + slot * 0.18, x0 + slot / 2
    fill = (
        f'fill="#fff" stroke="{CHART_BAR}" stroke-width="2"' if current else f'fill="{CHART_BAR}"'
    )
    label = _("W{week}", week=str(point.get("week", ""))[-2:])
    weight = ' font-weight="700"' if current else ""
    return (
        f'<rect x="{x:.1f}" y="{base - bar_height:.1f}" width="{slot * 0.64:.1f}" '
        f'height="{bar_height:.1f}" {fill}/>'
        f'<text x="{middle:.1f}" y="{base - bar_height - 3:.1f}" font-size="10" '
        f'text-anchor="middle" fill="{CHART_INK}"{weight}>{escape(percent(share))}</text>'
        f'<text x="{middle:.1f}" y="{height - 2}" font-size="10" text-anchor="middle" '
        f'fill="{CHART_INK if current else CHART_MUTED}"{weight}>{escape(label)}</text>'
    )


def _answered_elsewhere(view: View, flagged: list[Item]) -> list[str]:
    """The meetings not flagged that an offer or invitation was made for (``planner offer
    --for`` a lunch kept as it is), each once, with its states."""
    shown = {event["uid"] for event in flagged}
    items = []
    for event in view.data["events"]:
        if event["uid"] in shown or not event.get("invitations"):
            continue
        shown.add(event["uid"])
        items.append(
            f'<li id="{anchor(event)}" data-uid="{escape(event["uid"])}">'
            f"<strong>{escape(title(event))}</strong>{_answers(event)}</li>"
        )
    return items


def _answers(event: Item) -> str:
    """The states of the invitations and offers made for ``event``."""
    return "".join(
        f'<span class="props invite" data-status="{escape(str(s.get("status", "")))}">'
        f"✉ {escape(str(s.get('line', '')))}</span>"
        for s in event.get("invitations") or []
    )


def _recommendations(view: View) -> str:
    """The flagged meetings: the first :data:`~planner.render.labels.LISTED`, the rest counted."""
    items = []
    flagged = [
        event
        for event in view.data["events"]
        if (event.get("recommendation") or {}).get("action") in ("meet_in_person", "consider_video")
    ]
    for event in flagged[: labels.LISTED]:
        action = event["recommendation"]["action"]
        pill = (
            f'<span class="pill">{escape(_("meet in person"))}</span>'
            if action == "meet_in_person"
            else f'<span class="pill video">{escape(_("consider video"))}</span>'
        )
        proposals = "".join(
            f'<span class="props">{escape(proposal_line(p, view.tz))}</span>'
            for p in event.get("proposals") or []
        )
        items.append(
            f'<li id="{anchor(event)}" data-uid="{escape(event["uid"])}">'
            f"<strong>{escape(title(event))}</strong>"
            f'{pill}<br><span class="muted">{escape(reason(event))}</span>{proposals}'
            f"{_answers(event)}</li>"
        )
    if len(flagged) > labels.LISTED:
        more = labels.more_flagged(len(flagged) - labels.LISTED)
        items.append(f'<li class="muted">{escape(more)}</li>')
    items += _answered_elsewhere(view, flagged)
    if not items:
        return ""
    return (
        '<section class="recommendations" aria-labelledby="h-rec">'
        f'<h2 id="h-rec">{escape(_("Recommendations"))}</h2><ul>{"".join(items)}</ul></section>'
    )


def _due(data: Item) -> str:
    due = data.get("due_for_visit") or []
    items = (
        "".join(
            f"<li><strong>{escape(str(entry.get('account', '')))}</strong>"
            f'<br><span class="muted">{escape(str(entry.get("reason", "")))}</span></li>'
            for entry in due
        )
        or f'<li class="muted">{escape(_("Nobody is due for a visit."))}</li>'
    )
    return (
        '<section class="due" aria-labelledby="h-due">'
        f'<h2 id="h-due">{escape(_("Due for a visit"))}</h2><ul>{items}</ul></section>'
    )
