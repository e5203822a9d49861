"""What ``planner replies`` says about answers that need a word beyond their count: one from
another address of an invitee (their address book links it), one to an occurrence the meeting
does not have (RECURRENCE-ID), and the link itself (:func:`same_person`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from planner.i18n import _, day_time, short_day

if TYPE_CHECKING:
    from planner.config import Config
    from planner.invite.answers import Answer
    from planner.store import Store


def same_person(config: Config, store: Store) -> Callable[[str], Sequence[str]]:
    """Every address the user's people give the person behind an address: the address books
    (a contact with several e-mail addresses) and ``[user]``; ``[[people]]`` and calendars
    name one address each, so they link nothing, and a name never links anyone."""
    from planner.flows.invitees import known_people

    people = known_people(config, store)

    def addresses(address: str) -> Sequence[str]:
        person = people.get(address)
        return person.addresses if person is not None else ()

    return addresses


def answered_from(answer: Answer, title: str) -> str:
    """The line for an answer counted for an invitee though it came from another address."""
    return _(
        "{where}: {who} answered '{title}' from {other}, an address your address book gives "
        "them; counted as their answer",
        where=answer.source, who=answer.attendee, title=title, other=answer.answered_from,
    )  # fmt: skip


def no_occurrence(answer: Answer, title: str, start: datetime, zone: object) -> str:
    """The line for an answer whose RECURRENCE-ID names no occurrence of the meeting."""
    named = answer.recurrence
    if isinstance(named, datetime):
        moment = named.replace(tzinfo=start.tzinfo) if named.tzinfo is None else named
        when = day_time(moment.astimezone(zone))  # type: ignore[arg-type]
    else:
        when = short_day(named) if isinstance(named, date) else "?"
    return _(
        "{where}: {who} answers '{title}' for {when}, but the meeting has no such occurrence "
        "(it is on {start}); not counted: likely an answer to an older version",
        where=answer.source, who=answer.attendee, title=title, when=when,
        start=day_time(start.astimezone(zone)),  # type: ignore[arg-type]
    )  # fmt: skip
