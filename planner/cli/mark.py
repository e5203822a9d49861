"""``planner mark``: the user's word on a judgement (mode, purpose, meeting or not), for one
event, its series, a title pattern, a counterpart or an organisation; list, undo, move into
the config as ``[[rules]]``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from planner.cli import common_options
from planner.cli.common import config_option, demo_option, emit, planner_context
from planner.cli.types import EMAIL
from planner.errors import UsageError
from planner.i18n import _, ngettext
from planner.model import Mode, Purpose

if TYPE_CHECKING:
    from planner.config import Config
    from planner.judge.corrections import Correction
    from planner.store import Store

MODES = tuple(mode.value for mode in Mode)
PURPOSES = tuple(purpose.value for purpose in Purpose)


@click.command()
@click.argument("ref", required=False, metavar="[REF]")
@click.option("--mode", type=click.Choice(MODES), help="How it takes place.")
@click.option("--purpose", type=click.Choice(PURPOSES), help="What it is for.")
@click.option(
    "--meeting/--no-meeting", default=None, help="A meeting with other people, or not one."
)
@click.option("--this", "only_this", is_flag=True, help="Only this occurrence, not its series.")
@click.option("--title", metavar="PATTERN", help="Every event whose title matches (* and ?).")
@click.option(
    "--with", "counterpart", type=EMAIL, metavar="EMAIL", help="Every event with this person."
)
@click.option("--organisation", metavar="DOMAIN", help="Every event with someone of DOMAIN.")
@click.option("--list", "show", is_flag=True, help="List the marks in force.")
@click.option("--undo", type=int, metavar="N", help="Undo mark N: the classifier decides again.")
@click.option("--to-config", type=int, metavar="N", help="Show mark N as a [[rules]] table.")
@click.option("--write", is_flag=True, help="With --to-config: add it to the config file.")
@demo_option()
@config_option
@common_options
def mark(
    ref: str | None,
    mode: str | None,
    purpose: str | None,
    meeting: bool | None,
    only_this: bool,
    title: str | None,
    counterpart: str | None,
    organisation: str | None,
    show: bool,
    undo: int | None,
    to_config: int | None,
    write: bool,
    demo: bool,
    config_path: Path | None,
) -> None:
    """Say how a meeting really takes place, what it is for, or that it is no meeting; your
    word beats every rule of the classifier and is shown as evidence ("you said so on 8 Dec").

    REF is the reference planner week and planner classify print beside a judgement they are
    not sure of. A mark covers the whole series unless --this; --title, --with and
    --organisation cover every matching event, now and later.

    \b
    Examples:
      planner mark 3fa9c1d2 --mode phone
      planner mark 3fa9c1d2 --this --no-meeting
      planner mark --title "Signal-Call*" --mode phone
      planner mark --organisation steiner-recht.example --purpose deal_closing
      planner mark --list
      planner mark --undo 4
      planner mark --to-config 5 --write
    """
    from planner.flows import marks

    with planner_context(demo, config_path) as (config, _ledger, store, now):
        if show:
            emit(_listing(marks.marks(store), config), None)
            return
        if undo is not None:
            found = marks.undo(store, undo)
            emit(_("Undid mark {number} ({what}): the classifier decides again.",
                   number=undo, what=_what(found)), None)  # fmt: skip
            return
        if to_config is not None:
            _to_config(store, config, to_config, write)
            return
        if write:
            raise UsageError(_("--write goes with --to-config N"))
        target = marks.Target(
            ref=ref or "",
            scope="occurrence" if only_this else "series",
            title=title or "",
            counterpart=counterpart or "",
            organisation=organisation or "",
        )
        target.check()
        from planner import api

        # a reference is found among them; a pattern says how many it decides (or that it
        # matches none: a typo would go unnoticed)
        events = api.read_events(config, *marks.window(now), store=store)
        saved, covered = marks.record(
            store,
            target,
            events,
            mode=Mode(mode) if mode else None,
            purpose=Purpose(purpose) if purpose else None,
            meeting=meeting,
            now=now,
        )
    emit(_recorded(saved, len(covered)), None)


def _what(found: Correction) -> str:
    if found.scope == "occurrence":
        return _("'{title}', this occurrence", title=found.title)
    if found.scope == "series":
        return _("'{title}', every occurrence", title=found.title)
    if found.scope == "title":
        return _("titles like '{pattern}'", pattern=found.key)
    if found.scope == "counterpart":
        return _("every event with {who}", who=found.key)
    return _("every event with someone of {domain}", domain=found.key)


def _says(found: Correction) -> str:
    from planner.render.labels import mode_label, purpose_label

    parts = []
    if found.mode:
        parts.append(mode_label(found.mode))
    if found.purpose:
        parts.append(purpose_label(found.purpose))
    if found.meeting is not None:
        parts.append(_("a meeting") if found.meeting else _("no meeting"))
    return ", ".join(parts)


def _recorded(saved: Correction, covered: int) -> str:
    lines = [_("Mark {number}: {what} → {says}.", number=saved.id, what=_what(saved),
               says=_says(saved))]  # fmt: skip
    if covered:
        lines.append(
            ngettext(
                "It now decides {count} event read.", "It now decides {count} events read.", covered
            )
        )
    else:  # a typo in an address, a domain or a pattern would go unnoticed
        lines.append(_("No event read matches it yet: check the spelling of '{key}'.",
                       key=saved.key))  # fmt: skip
    lines.append(_("Undo with: planner mark --undo {number}", number=saved.id))
    return "\n".join(lines)


def _listing(found: list[Correction], config: Config) -> str:
    from planner.judge.corrections import rules_of

    lines = []
    for item in found:
        day = item.created.astimezone(config.tz).date() if item.created else ""
        lines.append(f"{item.id:>4}  {day}  {_what(item)} → {_says(item)}")
    if not lines:
        lines.append(_("No marks yet; planner week and planner classify show a reference "
                       "beside each judgement they are not sure of."))  # fmt: skip
    rules = rules_of(config)
    if rules:
        lines.append(
            ngettext(
                "{count} [[rules]] table in the config applies as well.",
                "{count} [[rules]] tables in the config apply as well.",
                len(rules),
            )
        )
    return "\n".join(lines)


def _to_config(store: Store, config: Config, number: int, write: bool) -> None:
    from planner.flows import marks

    if not write:
        _found, text = marks.rule_text(store, number)
        emit(text + _("# a dry run: add --write to append it to the config file"), None)
        return
    path, text = marks.write_rule(store, config, number)
    emit(text + _("# added to {path}; mark {number} is now this rule", path=path,
                  number=number), None)  # fmt: skip
