"""``planner people``: whom to meet in person again, by how overdue; ``planner people rhythm``
sets how often to meet someone."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli import common, common_options
from planner.cli.common import (
    config_option,
    demo_option,
    emit,
    format_option,
    is_terminal,
    load_config,
    output_option,
    planner_context,
    table_width,
)
from planner.i18n import _


@click.group(invoke_without_command=True)
@demo_option()
@config_option
@click.option("--all", "everyone", is_flag=True, help="Everyone known, also without a rhythm.")
@click.option("--overdue", is_flag=True, help="Only people whose meeting in person is overdue.")
@click.option(
    "--refresh",
    is_flag=True,
    help="Read every address book again now, whole (every file, every card of a CardDAV "
    "book, all Google and Outlook contacts), not only what changed or when its copy is old.",
)
@format_option("table", "json")
@output_option
@common_options
@click.pass_context
def people(
    ctx: click.Context,
    demo: bool,
    config_path: Path | None,
    everyone: bool,
    overdue: bool,
    refresh: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """List the people to meet in person again, most overdue first: their rhythm, the last
    meeting in person (video and phone count as contact, not as meeting), the last contact
    of any kind, where they live or work and how far that is, and the next chance to meet
    (a meeting already planned, a trip to their city).

    Rhythms come from [[people]] in the config (a person, a domain or a tag) and from
    'planner people rhythm'; key accounts default to [relations] visit_due_days. People,
    their cities and groups come from the calendars and the [[addressbooks]].

    \b
    Examples:
      planner people
      planner people --overdue --format json
      planner people rhythm lena@hafenlogistik.example "every 6 weeks"
      planner people rhythm "#investors" quarterly
    """
    if ctx.invoked_subcommand is not None:
        return
    from planner.cli.progress import progress_display
    from planner.flows.people_flow import people_report
    from planner.render.people_table import people_json, people_table

    with (
        planner_context(demo, config_path) as (config, ledger_store, _state, now),
        progress_display() as progress,
    ):
        report = people_report(
            config, ledger_store, now=now, everyone=everyone, refresh=refresh, progress=progress
        )
    if overdue:
        from dataclasses import replace

        report = replace(report, rows=tuple(r for r in report.rows if r.standing.overdue))
    if fmt == "json":
        emit(people_json(report, config.tz), output)
    else:
        color = output is None and is_terminal()
        empty = (
            _("Nobody is overdue for a meeting in person.")
            if overdue
            else _("Nobody is known yet: planner learns people from the calendars and the "
                   "[[addressbooks]].")
            if everyone
            else _("Nobody has a rhythm yet. Set how often to meet someone (an address, a "
                   "domain or #tag) in person:\n  planner people rhythm ADDRESS \"every 6 "
                   "weeks\"\nplanner people --all lists everyone known.")
        )  # fmt: skip
        table = people_table(report, config.tz, color=color, width=table_width(output), empty=empty)
        emit(table, output)


@people.command("rhythm")
@config_option
@click.argument("who", metavar="WHO")
@click.argument("every", metavar="RHYTHM", required=False)
@click.option("--clear", is_flag=True, help="Forget the rhythm set for WHO with this command.")
@common_options
def rhythm(config_path: Path | None, who: str, every: str | None, clear: bool) -> None:
    """Set how often to meet WHO in person: an e-mail address (a person), a domain
    (everyone of an organisation) or #tag (an address-book group or a [[people]] tag).
    RHYTHM: "every 6 weeks", "2 months", quarterly, "alle 3 Monate", "tous les 2 mois",
    never. Kept in the state database; it wins over the config for the same WHO.

    \b
    Examples:
      planner people rhythm lena@hafenlogistik.example "every 6 weeks"
      planner people rhythm hafenlogistik.example quarterly
      planner people rhythm "#investors" "alle 2 Monate"
      planner people rhythm ole@nordreederei.example --clear
    """
    from planner.config.rhythm import RhythmError, parse_rhythm
    from planner.errors import UsageError
    from planner.flows.people_flow import anyone_known
    from planner.people.rhythm import set_rhythm, target_of
    from planner.store import open_store

    config = load_config(config_path)
    if clear == bool(every):
        raise UsageError(_("give a RHYTHM, or --clear to forget the one set"))
    target_of(who)  # a clear error before anything is stored
    from planner.people.addresses import address_key, user_keys

    if not clear and address_key(who) in user_keys(config):
        raise UsageError(_("{who} is your own address: a rhythm is for the people you meet",
                           who=who))  # fmt: skip
    try:
        parsed = None if clear else parse_rhythm(every or "")
    except RhythmError as exc:
        raise UsageError(str(exc)) from None
    store = open_store()
    try:
        changed = set_rhythm(store, who, parsed, common.now_in(config.tz))
        known = parsed is None or anyone_known(config, store, who)
    finally:
        store.close()
    if parsed is None:
        click.echo(
            _("{who}: the rhythm set with this command is forgotten", who=who)
            if changed
            else _("{who}: no rhythm was set with this command; nothing to forget", who=who)
        )
    elif parsed.never:
        click.echo(_("{who}: no rhythm: never due for a meeting in person", who=who))
    else:
        click.echo(_("{who}: meet in person {rhythm}", who=who, rhythm=parsed.label()))
    if not known:
        click.echo(
            _("note: nobody known answers to {who} yet (check the spelling); the rhythm is kept "
              "and counts once they appear in a calendar or an address book", who=who),
            err=True,
        )  # fmt: skip
