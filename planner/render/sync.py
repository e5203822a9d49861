"""Output of ``planner sync``: what it would write (or wrote), per target calendar."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from planner.i18n import _, day_span, ngettext
from planner.render.json import dumps
from planner.render.table import console

if TYPE_CHECKING:
    from planner.sync.run import SyncResult


def sync_json(result: SyncResult, tz: Any) -> str:
    return dumps(result.to_json(tz))


def _when(change: Any, tz: Any) -> str:
    """``Tue 8 Dec 10:00–11:00`` / ``Di. 8. Dez. 10:00–11:00``; ``… · all day``."""
    from planner.render.labels import short_day

    event = change.event
    start, end = event.start.astimezone(tz), event.end.astimezone(tz)
    if event.all_day:
        return short_day(start.date()) + " · " + _("all day")
    return day_span(start, end)


def _action(change: Any) -> str:
    if change.reason == "changed":
        return _("leave: changed in the calendar")
    if change.reason == "deleted":
        return _("leave: deleted in the calendar")
    if change.reason == "unrecorded":
        return _("leave: no record on this machine")
    return {"create": _("create"), "update": _("update"), "delete": _("delete")}[change.action]


def _kind(kind: str) -> str:
    return {"mirror": _("mirror"), "travel": _("travel time")}.get(kind, kind)


def sync_table(result: SyncResult, tz: Any, *, color: bool = False, width: int = 120) -> str:
    from rich.markup import escape

    from planner.render.fit import Column, fitted_table, hanging
    from planner.render.places import without_secrets

    out = console(color, width)
    if result.preview:
        out.print(hanging(_preview_heading(result), width), markup=False)
    changes = [c for plan in result.targets for c in plan.changes]
    if changes:
        columns = [
            Column(_("Action"), drop=2),
            Column(_("Calendar"), flex=True, min=10, drop=3),
            Column(_("Kind")),
            Column(_("When"), flex=True, min=12),
            Column(_("Shows"), flex=True, min=12),
            Column(_("Source"), flex=True, min=8, drop=1),
        ]
        rows = [
            [
                _action(change),
                escape(change.target or _("(target)")),
                _kind(change.kind),
                _when(change, tz),
                escape(without_secrets(change.event.title)),
                escape(change.source_name(result.names)),
            ]
            for change in changes
        ]
        if any(change.event.location for change in changes):  # where: what a mirror shows
            columns.insert(5, Column(_("Place"), flex=True, min=10))
            for row, change in zip(rows, changes, strict=True):
                row.insert(5, escape(without_secrets(change.event.location)))
        out.print(fitted_table(columns, rows, width))
    out.print(hanging(_summary(result), width), markup=False)
    for change in changes:
        if change.outdated:
            out.print(hanging(_outdated(change, tz), width), markup=False)
    for name, error in result.source_errors.items():
        line = _("{name}: not read: {error}", name=name, error=error)
        out.print(hanging(line, width), markup=False)
    for line in _notes(result):
        out.print(hanging(line, width), markup=False)
    for plan in result.targets:
        for error in plan.errors:
            out.print(hanging(_("{name}: {error}", name=plan.target, error=error), width),
                      markup=False)  # fmt: skip
    return out.file.getvalue()  # type: ignore[attr-defined]


def _notes(result: SyncResult) -> list[str]:
    """One line per target this machine has no record of, and per calendar that still holds
    the planner's events but is no target any more."""
    lines = []
    for plan in result.targets:
        if count := sum(1 for c in plan.changes if c.reason == "unrecorded"):
            lines.append(
                ngettext(
                    "{name} holds events planner wrote from another machine or an earlier "
                    "data directory; this machine has no record of which ones you deleted "
                    "there, so {count} event it would write is left out and taken for deleted "
                    "('planner sync --undo --target {name} --apply' and then 'planner sync "
                    "--apply' write everything anew)",
                    "{name} holds events planner wrote from another machine or an earlier "
                    "data directory; this machine has no record of which ones you deleted "
                    "there, so {count} events it would write are left out and taken for "
                    "deleted ('planner sync --undo --target {name} --apply' and then 'planner "
                    "sync --apply' write everything anew)",
                    count,
                    name=plan.target,
                )
            )
    for name, count in result.no_longer_targets.items():
        lines.append(
            ngettext(
                "{name} holds {count} event planner wrote and is no longer a sync target; "
                "'planner sync --undo --target {name} --apply' removes it",
                "{name} holds {count} events planner wrote and is no longer a sync target; "
                "'planner sync --undo --target {name} --apply' removes them",
                count,
                name=name,
            )
        )
    return lines


def _preview_heading(result: SyncResult) -> str:
    from planner.render.labels import short_day

    start, end = result.window
    days = f"{short_day(start.date())} – {short_day((end - timedelta(days=1)).date())}"
    names = ", ".join(result.sources)
    if any(plan.target for plan in result.targets):
        return _(
            "Preview, {days}: the mirrors and travel blocks the [[sync]] tables would write "
            "from {names}; the targets' own events were not listed",
            days=days,
            names=names,
        )
    return _(
        "Preview, {days}: what mirroring the busy time of {names} and blocking travel time "
        "would write into a calendar the planner may write (no [[sync]] table yet)",
        days=days,
        names=names,
    )


def _summary(result: SyncResult) -> str:
    counts = {
        action: sum(plan.count(action) for plan in result.targets)
        for action in ("create", "update", "delete")
    }
    text = _(
        "{create} to create, {update} to update, {delete} to delete",
        create=counts["create"],
        update=counts["update"],
        delete=counts["delete"],
    )
    left = sum(
        1
        for p in result.targets
        for c in p.changes
        if c.action == "leave" and c.reason != "unrecorded"
    )
    if left:
        text += " · " + ngettext(
            "{count} changed or deleted by you: left as you made it",
            "{count} changed or deleted by you: left as you made them",
            left,
        )
    if not any(counts.values()):
        return text + " · " + _("nothing to do")
    if result.preview:
        return text + " · " + _("a preview: nothing written")
    if not result.applied:
        return text + " · " + _("dry run: nothing written; add --apply to write")
    written = sum(plan.written for plan in result.targets)
    return text + " · " + _("{count} written", count=written)


def _outdated(change: Any, tz: Any) -> str:
    """One line on a copy the user changed that no longer stands for its meeting."""
    copy = change.event
    at = day_span(copy.start.astimezone(tz), copy.end.astimezone(tz))
    if change.now is None:
        return _(
            "your changed copy of '{title}' is at {at}; its meeting is no longer there "
            "(cancelled or moved away): left as you made it",
            title=copy.title,
            at=at,
        )
    now = day_span(change.now.start.astimezone(tz), change.now.end.astimezone(tz))
    if change.kind == "travel":
        return _("your changed travel block '{title}' is at {at}, the way is now {now}",
                 title=copy.title, at=at, now=now)  # fmt: skip
    return _("your changed copy of '{title}' is at {at}, the meeting is now at {now}",
             title=copy.title, at=at, now=now)  # fmt: skip
