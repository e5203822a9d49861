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


def contacts_table(rows: Sequence[ContactRow], *, color: bool = False, width: int = 120) -> str:
    from planner.render.fit import Column, fitted_table

    out = console(color, width)
    columns = [
        Column(_("Contact"), flex=True, min=20, keep_words=True),
        Column(_("Organisation"), flex=True, min=10, drop=4),
        Column(_("City"), flex=True, min=8, drop=3),
        Column(_("Meetings"), justify="right"),
        Column(_("In person"), justify="right", drop=1),
        Column(_("Video/phone"), justify="right", drop=2),
        Column(_("Last meeting"), drop=5),
        Column(_("Last in person")),
    ]
    cells = []
    for row in rows:
        who = f"{escape(row.name)} {escape(f'<{row.email}>')}" if row.name else escape(row.email)
        mark = "★ " if row.key_account else ""  # first: a narrow column never cuts it off
        last_in_person = _date(row.last_in_person) if row.last_in_person else _("never")
        if row.due:
            last_in_person += " ⚑"
        cells.append(
            [
                mark + who,
                escape(row.organisation or ""),
                escape(row.city or ""),
                str(row.meetings),
                str(row.in_person_meetings),
                str(row.virtual_meetings + row.hybrid_meetings + row.phone_meetings),
                _date(row.last_meeting) if row.last_meeting else "",
                last_in_person,
            ]
        )
    out.print(fitted_table(columns, cells, width))
    out.print(
        ngettext("{count} contact", "{count} contacts", len(rows))
        + " · "
        + _("★ key account, ⚑ due for a visit")
    )
    return out.file.getvalue()  # type: ignore[attr-defined]


def escape(text: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(text)
