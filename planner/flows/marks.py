"""The user's word on a judgement (``planner mark``): find the event a reference points at,
record a correction for it, list and undo corrections, move them into the config as
``[[rules]]``.

The corrections themselves (scopes, matching, precedence) are :mod:`planner.judge.corrections`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from planner.config import Config, from_mapping
from planner.errors import ConfigError, UsageError
from planner.i18n import _
from planner.judge.corrections import (
    Correction,
    CorrectionStore,
    as_rule,
    make,
    ref_of,
)
from planner.model import Event, Mode, Purpose
from planner.store import Store

#: How far around now a reference is looked for (what ``planner week`` and ``classify`` show).
BEFORE, AFTER = timedelta(days=400), timedelta(days=400)


@dataclass(frozen=True, slots=True)
class Target:
    """What a mark is about: an event by its reference (with a scope), or a title pattern,
    a counterpart or an organisation for every event that has it."""

    ref: str = ""
    scope: str = "series"  # for a reference: "series" or "occurrence"
    title: str = ""
    counterpart: str = ""
    organisation: str = ""

    def check(self) -> None:
        given = [bool(self.ref), bool(self.title), bool(self.counterpart), bool(self.organisation)]
        if sum(given) != 1:
            raise UsageError(
                _(
                    "name one thing to mark: a reference from planner week or classify, "
                    "--title PATTERN, --with EMAIL or --organisation DOMAIN"
                )
            )
        if self.counterpart and "@" not in self.counterpart:
            raise UsageError(
                _("--with needs an e-mail address, not '{value}'", value=self.counterpart)
            )


def find(events: Sequence[Event], ref: str, now: datetime | None = None) -> Event:
    """The event ``ref`` (from an output of planner) points at, among ``events`` (read over
    :func:`window` of ``now``)."""
    wanted = ref.strip().lower()
    for event in events:
        if ref_of(event) == wanted:
            return event
    raise UsageError(
        _(
            "no event with reference '{ref}' between {first} and {last}; copy it from "
            "planner week or planner classify",
            ref=ref,
            first=(first := window(now or datetime.now(UTC)))[0].date(),
            last=first[1].date(),
        )
    )


def window(now: datetime) -> tuple[datetime, datetime]:
    return now - BEFORE, now + AFTER


def record(
    store: Store,
    target: Target,
    events: Sequence[Event],
    *,
    mode: Mode | None,
    purpose: Purpose | None,
    meeting: bool | None,
    now: datetime | None = None,
) -> tuple[Correction, list[Event]]:
    """Record the mark; returns it and the events read that it now covers."""
    target.check()
    if mode is None and purpose is None and meeting is None:
        raise UsageError(_("say what is right: --mode, --purpose, --meeting or --no-meeting"))
    values = {"mode": mode, "purpose": purpose, "meeting": meeting}
    if target.ref:
        correction = make(find(events, target.ref, now), target.scope, **values)
    elif target.title:
        correction = Correction("title", target.title.strip(), **values)
    elif target.counterpart:
        correction = Correction("counterpart", target.counterpart.strip().lower(), **values)
    else:
        domain = target.organisation.strip().lstrip("@").lower()
        correction = Correction("organisation", domain, **values)
    saved = CorrectionStore(store).add(correction, now)
    return saved, [e for e in events if saved.matches(e)]


def marks(store: Store, *, undone: bool = False) -> list[Correction]:
    return CorrectionStore(store).all(undone=undone)


def undo(store: Store, number: int) -> Correction:
    found = CorrectionStore(store).undo(number)
    if found is None:
        raise UsageError(
            _("there is no mark {number} in force; planner mark --list shows them", number=number)
        )
    return found


def rule_text(store: Store, number: int) -> tuple[Correction, str]:
    """Mark ``number`` as a ``[[rules]]`` table."""
    found = next((c for c in marks(store) if c.id == number), None)
    if found is None:
        raise UsageError(
            _("there is no mark {number} in force; planner mark --list shows them", number=number)
        )
    text = as_rule(found)
    if text is None:
        raise UsageError(
            _(
                "mark {number} is about one event or series ({title}); only title, "
                "counterpart and organisation marks can become [[rules]]",
                number=number,
                title=found.title or found.key,
            )
        )
    return found, text


def write_rule(store: Store, config: Config, number: int) -> tuple[Path, str]:
    """Append mark ``number`` to the config file as a ``[[rules]]`` table and undo the mark
    (the rule says the same). The file is checked as a whole before it is replaced."""
    from planner.paths import read_text_input, write_atomic

    _found, text = rule_text(store, number)
    path = config.path
    if path is None:
        raise UsageError(_("there is no config file to write to; run planner init first"))
    old = read_text_input(path)  # a byte order mark (Notepad) is not written back
    new = old + ("" if old.endswith("\n") or not old else "\n") + "\n" + text
    try:
        from_mapping(tomllib.loads(new), str(path), path=path)
    except (tomllib.TOMLDecodeError, ConfigError) as exc:
        raise UsageError(
            _(
                "{path}: the rule would not fit the config ({error}); nothing was written",
                path=path,
                error=exc,
            )  # fmt: skip
        ) from None
    write_atomic(path, new)
    CorrectionStore(store).undo(number)
    return path, text


__all__ = [
    "Target",
    "find",
    "marks",
    "record",
    "rule_text",
    "undo",
    "window",
    "write_rule",
]
