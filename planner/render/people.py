"""Output of ``planner trips`` and the keep-in-touch section of the weekly plan (terminal and
Markdown lines here; HTML in :func:`keep_html`, from the JSON view as the rest of the page);
``planner people`` in :mod:`planner.render.people_table`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from html import escape as html_escape
from typing import TYPE_CHECKING, Any

from planner.i18n import _, day_span, day_time, long_day, ngettext, short_day
from planner.render.json import dumps
from planner.render.labels import proposal_line

if TYPE_CHECKING:
    from planner.flows.keep_in_touch import PersonDue
    from planner.flows.trip_view import KeepInTouch, Pick, TripView
    from planner.flows.trips import Trip


# -- planner trips --------------------------------------------------------------------------------


def trips_json(views: Sequence[TripView], tz: tzinfo) -> str:
    return dumps({"trips": [v.to_json(tz) for v in views]})


def trips_text(views: Sequence[TripView], tz: tzinfo, *, markdown: bool = False) -> str:
    """The trips as text (Markdown with ``markdown``); control characters from calendar and
    address-book text never reach the terminal."""
    from planner.render.safe import neutral

    return neutral(_trips_text(views, tz, markdown=markdown))


def _trips_text(views: Sequence[TripView], tz: tzinfo, *, markdown: bool) -> str:
    if not views:
        return (
            _(
                "No trip ahead: no travel booking, no meeting in person and no event over "
                "several days in another city."
            )
            + "\n"
        )
    lines: list[str] = []
    for view in views:
        lines += trip_lines(view, tz, markdown=markdown)
        lines.append("")
    return "\n".join(lines)


def trip_lines(view: TripView, tz: tzinfo, *, markdown: bool = False) -> list[str]:
    trip = view.trip
    head = _("{city}, {span} · base: {base}", city=trip.city, span=span(trip, tz), base=trip.base)
    lines = [f"## {head}" if markdown else head]
    if trip.evidence:
        lines.append(("  " if not markdown else "") + "; ".join(trip.evidence))
    if not view.people and view.meeting:
        lines.append(_("  You meet {who} there; nobody else you know lives or works near {city}.",
                       who=view.meeting, city=trip.city))  # fmt: skip
        return lines
    if not view.people:
        lines.append(_("  Nobody you know lives or works near {city}.", city=trip.city))
        return lines
    if view.meeting:
        lines.append(_("  You meet {who} there.", who=view.meeting))
    picks = {p.row.email: p for p in view.picks}
    for row in view.people:
        pick = picks.get(row.email)
        lines += person_lines(row, pick, tz, markdown=markdown)
    if view.more:
        lines.append("  " + ngettext("… and {count} more", "… and {count} more", view.more))
    return lines


def span(trip: Trip, tz: tzinfo) -> str:
    """``Tue 15 Dec 15:00 – Fri 18 Dec 11:00``; a trip of whole days by its days, the last one
    included (``Tue 15 Dec – Thu 17 Dec``, not "… – Fri 18 Dec 00:00"; ``Fri 18 Dec``, not
    "Fri 18 Dec 00:00–00:00")."""
    start, end = trip.start.astimezone(tz), trip.end.astimezone(tz)
    last = (end - _tick()).date()
    if _midnight(start) and _midnight(end):
        first = short_day(start.date())
        return first if last == start.date() else f"{first} – {short_day(last)}"
    if start.date() == last:
        return day_span(start, end)
    return f"{day_time(start)} – {day_time(end)}"


def _midnight(moment: datetime) -> bool:
    return (moment.hour, moment.minute, moment.second, moment.microsecond) == (0, 0, 0, 0)


def _tick() -> Any:
    from datetime import timedelta

    return timedelta(microseconds=1)


def person_lines(row: PersonDue, pick: Pick | None, tz: tzinfo, *, markdown: bool) -> list[str]:
    bullet = "- " if markdown else "  • "
    indent = "  " if markdown else "      "
    who = f"{row.person.name} <{row.email}>" if row.person.name else row.email
    if row.organisation:
        who += f" ({row.organisation})"
    if markdown:
        who = f"**{who}**"
    status = pick.why if pick is not None else _standing_text(row)
    lines = [f"{bullet}{who}: {status}"]
    if row.city and row.city_evidence:
        where = _(
            "lives or works in {city} ({evidence})", city=row.city, evidence=row.city_evidence
        )
        lines.append(indent + where)
    elif row.city:
        lines.append(indent + _("lives or works in {city}", city=row.city))
    if pick is not None and pick.proposal is not None:
        lines.append(indent + "→ " + proposal_line(pick.proposal, tz))
        if pick.command:
            lines.append(indent + "  " + pick.command)
    if pick is not None and pick.context:
        lines.append(indent + "– " + pick.context)
    if pick is not None and pick.note:
        lines.append(indent + "– " + pick.note)
    return lines


def _standing_text(row: PersonDue) -> str:
    situation = row.standing
    last = situation.last_in_person
    parts = [
        _("last met in person on {day}", day=long_day(last)) if last else _("never met in person")
    ]
    if situation.rule is not None:
        parts.append(situation.rule.label)
        parts.append(due_text(row))
    return "; ".join(p for p in parts if p)


# -- the weekly plan's section --------------------------------------------------------------------


def keep_lines(section: KeepInTouch | None, tz: tzinfo, *, markdown: bool = False) -> list[str]:
    """The section as lines (empty when there is nobody to name)."""
    if section is None or not section.picks:
        return []
    title = _("Keep in touch: whom to meet this week or on your next trip")
    lines = [f"## {title}", ""] if markdown else [title]
    for pick in section.picks:
        lines += person_lines(pick.row, pick, tz, markdown=markdown)
    for view in section.trips:
        trip = view.trip
        lines.append(
            ("- " if markdown else "  ")
            + ngettext(
                "Trip to {city}, {span}: {count} person you know near {base}",
                "Trip to {city}, {span}: {count} people you know near {base}",
                len(view.people) + view.more,
                city=trip.city,
                span=span(trip, tz),
                base=trip.base,
            )
        )
    if markdown:
        lines.append("")
    return lines


def keep_html(data: dict[str, Any], tz: tzinfo) -> str:
    """The section for the weekly HTML page, from its JSON view (``keep_in_touch``)."""
    section = data.get("keep_in_touch") or {}
    people = section.get("people") or []
    if not people:
        return ""
    items = []
    for person in people:
        who = person.get("name") or person.get("email", "")
        proposal = person.get("proposal")
        if proposal:
            start = datetime.fromisoformat(proposal["start"]).astimezone(tz)
            venue = (proposal.get("venue") or {}).get("name", "")
            detail = f"{day_time(start)} · {venue}"
            extra = f'<span class="props">→ {html_escape(detail)}</span>'
        else:
            extra = f'<span class="props muted">{html_escape(person.get("note", ""))}</span>'
        city = f" · {html_escape(person['city'])}" if person.get("city") else ""
        items.append(
            f"<li><strong>{html_escape(who)}</strong>{city}<br>"
            f'<span class="muted">{html_escape(person.get("why", ""))}</span>{extra}</li>'
        )
    heading = html_escape(_("Keep in touch"))
    return (
        '<section class="keep" aria-labelledby="h-keep">'
        f'<h2 id="h-keep">{heading}</h2><ul>{"".join(items)}</ul></section>'
    )


def due_text(row: PersonDue) -> str:
    days = row.standing.overdue_days
    if days is None:
        return ""
    if days > 0:
        return _("{days} d overdue", days=days)
    if days == 0:
        return _("due today")
    return _("in {days} d", days=-days)
