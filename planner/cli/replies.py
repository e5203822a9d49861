"""``planner replies``: record the answers (iTIP REPLY / COUNTER) to invitations sent from here."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli import common, common_options
from planner.cli.common import config_option, load_config, parse_datetime, table_width
from planner.i18n import _, ngettext


@click.command()
@config_option
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="PATH..."
)
@click.option("--now", "now_text", default=None, hidden=True, help="Pretend it is this time.")
@common_options
def replies(config_path: Path | None, paths: tuple[Path, ...], now_text: str | None) -> None:
    """Read the answers to your invitations from .ics files, saved e-mails (.eml), folders,
    Maildir folders or mbox files, and record them in the sent log.

    METHOD:REPLY (accepted, tentative, declined) and METHOD:COUNTER (another time proposed)
    are read from .ics files and e-mail attachments. Reading the same answers twice changes
    nothing; an older answer never replaces a newer one (SEQUENCE, then DTSTAMP); an answer to
    a meeting not sent from here is reported and not stored. A mail counts only for the
    attendee who sent it: an answer for someone else is shown as unverified and not applied,
    as is one for a revision never sent. 'planner invites' shows the result.

    \b
    Examples:
      planner replies ~/Downloads/reply.ics
      planner replies ~/Mail/INBOX            (a Maildir)
      planner replies ~/mbox-export.mbox
    """

    from planner.flows.followup import record_replies
    from planner.render.fit import hanging
    from planner.render.safe import neutral
    from planner.store import open_store

    config = load_config(config_path)
    _require(paths)
    now = parse_datetime(now_text, "--now", config.tz) if now_text else common.now_in(config.tz)
    from planner.flows.answer_lines import same_person

    store = open_store()
    try:
        linked = same_person(config, store)  # an invitee's other addresses, by address book
        report = record_replies(store, list(paths), now=now, same_person=linked)
    finally:
        store.close()
    for problem in report.problems:  # file names and mail text may hold control characters
        warning = neutral(_("planner: warning: {message}", message=problem))
        click.echo(hanging(warning, table_width()), err=True)
    for uid, where in report.unknown:
        click.echo(
            neutral(_("{where}: answer to {uid}, which was not sent from here; not recorded",
                      where=where, uid=uid)),
            err=True,
        )  # fmt: skip
    for line in report.offers:  # an offer's answer quotes what the counterpart wrote
        click.echo(neutral(line))
    counts = report.outcomes
    read = ngettext("{count} file or message read", "{count} files or messages read", report.files)
    summary = _(
        "{read}: {offers} for offers, {new} new, {updated} updated, "
        "{unchanged} unchanged, {outdated} outdated, {unknown} not ours, "
        "{refused} unverified or for a revision never sent",
        read=read,
        offers=len(report.offers),
        new=counts["new"],
        updated=counts["updated"],
        unchanged=counts["unchanged"],
        outdated=counts["outdated"],
        unknown=counts["unknown_uid"],
        # an answer to our meeting from an address it was not sent to is ours, not verified
        refused=counts["unverified"]
        + counts["unknown_attendee"]
        + counts["unsent"]
        + counts["no_occurrence"],
    )
    click.echo(hanging(summary, table_width()))


def _require(paths: tuple[Path, ...]) -> None:
    """A path the user named that does not exist is an error, before anything is read or
    recorded, as ``planner classify`` treats a missing file."""
    from planner.errors import PlannerError

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise PlannerError(
            f"{', '.join(missing)}: {_('file not found')}",
            hint=_("check the file, folder or URL given on the command line"),
        )
