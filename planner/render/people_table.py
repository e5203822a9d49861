"""Output of ``planner people``: the table and the JSON."""

from __future__ import annotations

from datetime import date, tzinfo
from typing import TYPE_CHECKING, Any

from planner.i18n import _, ngettext
from planner.render.json import dumps
from planner.render.labels import short_day
from planner.render.people import due_text
from planner.render.table import console

if TYPE_CHECKING:
    from planner.flows.keep_in_touch import PersonDue
    from planner.flows.people_flow import PeopleReport


# -- planner people -------------------------------------------------------------------------------


def people_json(report: PeopleReport, tz: tzinfo) -> str:
    return dumps(
        {
            "people": [row.to_json(tz) for row in report.rows],
            "address_books": [
                {
                    "name": b.name,
                    "provider": b.provider,
                    "contacts": b.contacts,
                    "with_email": b.with_email,
                    "read_at": b.read_at.isoformat() if b.read_at else None,
                    "fresh": b.fresh,
                    "problem": b.problem,
                    "organisations": b.organisations,
                    "problems": list(b.problems),
                }
                for b in report.books
            ],
        }
    )


def people_table(
    report: PeopleReport, tz: tzinfo, *, color: bool = False, width: int = 120, empty: str = ""
) -> str:
    """The people as a table that fits ``width``; ``empty`` is said instead of an empty one."""
    from planner.render.fit import Column, fitted_table, hanging

    out = console(color, width)
    if not report.rows and empty:
        out.print("\n".join(hanging(line, width) for line in empty.split("\n")), markup=False)
        _books(out, report)
        return out.file.getvalue()  # type: ignore[attr-defined]
    columns = [
        Column(_("Person"), flex=True, min=16, keep_words=True),
        Column(_("Rhythm"), flex=True, min=8, drop=4),
        Column(_("Last in person")),
        Column(_("Last contact"), drop=3),
        Column(_("Due"), justify="right"),
        Column(_("City"), flex=True, min=8, drop=2),
        Column(_("km"), justify="right", drop=5),
        Column(_("Next chance"), flex=True, min=12, drop=1),
    ]
    cells = [
        [
            _who(row),
            escape(row.standing.rule.label if row.standing.rule else ""),
            _day(row.standing.last_in_person) or _("never"),
            _day(row.standing.last_contact) or _("never"),
            due_text(row),
            escape(row.city),
            str(round(row.distance_km)) if row.distance_km is not None else "",
            escape(row.next_chance(tz)),
        ]
        for row in report.rows
    ]
    out.print(fitted_table(columns, cells, width))
    overdue = sum(1 for r in report.rows if r.standing.overdue)
    out.print(
        ngettext("{count} person", "{count} people", len(report.rows))
        + " · "
        + ngettext("{count} overdue", "{count} overdue", overdue)
    )
    _books(out, report)
    return out.file.getvalue()  # type: ignore[attr-defined]


def _books(out: Any, report: PeopleReport) -> None:
    """A dim line for each address book read well (a problem was said once, as a warning)."""
    for book in report.books:
        if book.problem:
            continue  # said once, as a warning
        line = ngettext(
            "address book {name}: {count} contact ({with_email} with e-mail)",
            "address book {name}: {count} contacts ({with_email} with e-mail)",
            book.contacts,
            name=book.name,
            with_email=book.with_email,
        )
        if book.organisations:  # a company's card is no person: counted apart
            line = ngettext(
                "{line}; {count} organisation",
                "{line}; {count} organisations",
                book.organisations,
                line=line,
            )
        out.print(escape(line), style="dim")


def _who(row: PersonDue) -> str:
    person = row.person
    text = f"{person.name} <{person.email}>" if person.name else person.email
    if row.organisation:
        text += f" · {row.organisation}"
    return escape(text)


def _day(day: date | None) -> str:
    return short_day(day) + f" {day.year}" if day else ""


def escape(text: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(text)
