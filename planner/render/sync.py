"""Output of ``planner sync``: what it would write (or wrote), per target calendar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planner.i18n import _, language
from planner.render.json import dumps
from planner.render.table import console

if TYPE_CHECKING:
    from planner.sync.run import SyncResult


def sync_json(result: SyncResult, tz: Any) -> str:
    return dumps(result.to_json(tz))


def _when(change: Any, tz: Any) -> str:
    from babel.dates import format_datetime

    event = change.event
    start, end = event.start.astimezone(tz), event.end.astimezone(tz)
    if event.all_day:
        return format_datetime(start, "EEE d MMM", locale=language()) + " · " + _("all day")
    first = format_datetime(start, "EEE d MMM HH:mm", locale=language())
    return f"{first}–{end:%H:%M}"


def _action(action: str) -> str:
    return {"create": _("create"), "update": _("update"), "delete": _("delete")}[action]


def _kind(kind: str) -> str:
    return {"mirror": _("mirror"), "travel": _("travel")}.get(kind, kind)


def sync_table(result: SyncResult, tz: Any, *, color: bool = False) -> str:
    from rich.table import Table

    out = console(color, 140)
    changes = [c for plan in result.targets for c in plan.changes]
    if changes:
        table = Table()
        for title in (_("Action"), _("Calendar"), _("Kind"), _("When"), _("Shows"), _("From")):
            table.add_column(title, overflow="fold")
        for change in changes:
            source = change.wanted.source if change.wanted else ""
            table.add_row(
                _action(change.action),
                change.target,
                _kind(change.kind),
                _when(change, tz),
                change.event.title,
                source,
            )
        out.print(table)
    out.print(_summary(result))
    for name, error in result.source_errors.items():
        out.print(_("{name}: not read: {error}", name=name, error=error), markup=False)
    for plan in result.targets:
        for error in plan.errors:
            out.print(_("{name}: {error}", name=plan.target, error=error), markup=False)
    return out.file.getvalue()  # type: ignore[attr-defined]


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
    if not any(counts.values()):
        return text + " · " + _("nothing to do")
    if not result.applied:
        return text + " · " + _("dry run: nothing written; add --apply to write")
    written = sum(plan.written for plan in result.targets)
    return text + " · " + _("{count} written", count=written)
