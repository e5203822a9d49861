"""``planner invite --cancel UID [--hold [CALENDAR]] [--send] [--out FILE]``: says who is sent
the cancellation and what happens to the hold, then (when asked) sends it and takes the hold
out, in that order (:mod:`planner.flows.cancelling`)."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli.common import emit
from planner.config import Config
from planner.i18n import _
from planner.invite.sentlog import PreparedInvite
from planner.store import Store


def cancel(
    config: Config, store: Store, prepared: PreparedInvite, *, hold: str | None, send: bool,
    out: Path | None,
) -> None:  # fmt: skip
    """The cancellation ``prepared``: said, then written, sent and the hold taken out as asked."""
    from planner.flows import cancelling, hold_removal
    from planner.flows import invitations as invite_flow

    for line in cancelling.describe(store, prepared, config.tz):
        click.echo(line, err=True)
    plan = None
    if hold is not None:  # read the calendar first: whether the hold is still planner's
        hold_removal.refuse_untold(prepared, send)
        plan = hold_removal.plan_removal(config, store, prepared, hold)
    for line in cancelling.hold_lines(config, store, prepared, plan):
        click.echo(line, err=True)
    if out is not None:
        from planner.cli.common import check_output

        check_output(out)
        invite_flow.write_file(prepared, store, out)
        click.echo(_("wrote {path} (UID {uid}, SEQUENCE {sequence})", path=out,
                     uid=prepared.uid, sequence=prepared.sequence), err=True)  # fmt: skip
    if send and prepared.recipients:
        message_id = invite_flow.send(config, store, prepared)
        click.echo(_("sent to {recipients} ({id})", recipients=", ".join(prepared.recipients),
                     id=message_id), err=True)  # fmt: skip
    elif send:
        click.echo(_("nothing to send: the cancellation has no one left to reach"), err=True)
    if plan is not None and plan.removes:
        if cancelling.take_out(config, store, prepared, plan):
            click.echo(_("hold taken out of {calendar}", calendar=plan.calendar), err=True)
        else:
            click.echo(_("no hold of it in {calendar} any more; nothing was taken out",
                         calendar=plan.calendar), err=True)  # fmt: skip
    if not send and out is None and prepared.recipients:
        emit(_dry_run(config, prepared), None)
        click.echo(
            _("dry run: nothing was sent (add --send to send, --out FILE for the .ics)"), err=True
        )


def _dry_run(config: Config, prepared: PreparedInvite) -> str:
    from planner.invite.mail import render_message

    return render_message(prepared, sender=config["smtp"]["sender"] or config.user["email"])
