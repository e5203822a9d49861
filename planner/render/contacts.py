"""Output of ``planner contacts``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from planner.i18n import _, language, ngettext
from planner.render.json import dumps
from planner.render.table import console

if TYPE_CHECKING:
    from planner.judge.contacts import ContactRow


def contacts_json(rows: Sequence[ContactRow]) -> str:
    return dumps({"contacts": [row.as_dict() for row in rows]})


def _date(day: date) -> str:
    """``18.11.2026`` / ``Nov 18, 2026``."""
    from babel.dates import format_date

    return format_date(day, "medium", locale=language())


def contacts_table(rows: Sequence[ContactRow], *, color: bool = False) -> str:
    from rich.table import Table

    out = console(color, 140)
    table = Table()
    table.add_column(_("Contact"), overflow="fold")
    table.add_column(_("Organisation"), overflow="fold")
    table.add_column(_("City"), overflow="fold")
    table.add_column(_("Meetings"), justify="right")
    table.add_column(_("In person"), justify="right")
    table.add_column(_("Video/phone"), justify="right")
    table.add_column(_("Last meeting"), no_wrap=True)
    table.add_column(_("Last in person"), no_wrap=True)
    for row in rows:
        who = f"{row.name} <{row.email}>" if row.name else row.email
        mark = " ★" if row.key_account else ""
        last_in_person = _date(row.last_in_person) if row.last_in_person else _("never")
        if row.due:
            last_in_person += " ⚑"
        table.add_row(
            who + mark,
            row.organisation or "",
            row.city or "",
            str(row.meetings),
            str(row.in_person_meetings),
            str(row.virtual_meetings + row.hybrid_meetings + row.phone_meetings),
            _date(row.last_meeting) if row.last_meeting else "",
            last_in_person,
        )
    out.print(table)
    out.print(
        ngettext("{count} contact", "{count} contacts", len(rows))
        + " · "
        + _("★ key account, ⚑ due for a visit")
    )
    return out.file.getvalue()  # type: ignore[attr-defined]
