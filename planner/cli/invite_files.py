"""``planner invite --out FILE`` and ``--sent-elsewhere UID``: the files the command writes
instead of mailing them, each said with whom it is for, and the record that the user's own
mail program sent them."""

from __future__ import annotations

from pathlib import Path

import click

from planner.i18n import _, ngettext
from planner.invite.sentlog import PreparedInvite
from planner.store import Store


def write(
    store: Store, prepared: PreparedInvite, withdrawn: PreparedInvite | None, out: Path,
    send: bool,
) -> None:  # fmt: skip
    """``--out FILE``: the message to FILE, and the cancellation an update owes those it takes
    off to the file beside it; each said with whom it is for."""
    from planner.cli.common import check_output
    from planner.flows.cancelling import named_recipients, withdrawal_path, write_update
    from planner.flows.followup_steps import send_again, sent_elsewhere

    both = withdrawn is not None and withdrawn.recipients
    check_output(out)
    if both:
        check_output(withdrawal_path(out))
    beside = write_update(store, prepared, withdrawn, out)
    uid, sequence = prepared.uid, prepared.sequence
    if beside is None:
        said = _("wrote {path} (UID {uid}, SEQUENCE {sequence})", path=out, uid=uid,
                 sequence=sequence)  # fmt: skip
    else:
        said = _(
            "wrote {path} for {people} (UID {uid}, SEQUENCE {sequence})",
            path=out,
            people=named_recipients(prepared),
            uid=uid,
            sequence=sequence,
        )
    if not send:
        said += _(": written, not sent; to send it: {command}", command=send_again(uid))
    click.echo(said, err=True)
    if beside is None or withdrawn is None:
        return
    said = ngettext(
        "wrote {path}: the cancellation for {people}, who is taken off the meeting "
        "(UID {uid}, SEQUENCE {sequence})",
        "wrote {path}: the cancellation for {people}, who are taken off the meeting "
        "(UID {uid}, SEQUENCE {sequence})",
        len(withdrawn.recipients),
        path=beside,
        people=named_recipients(withdrawn),
        uid=uid,
        sequence=sequence,
    )
    if not send:
        said += _("; written, not sent: '{command}' sends it after the update; '{elsewhere}' "
                  "records both files as sent by your mail program", command=send_again(uid),
                  elsewhere=sent_elsewhere(uid))  # fmt: skip
    click.echo(said, err=True)


def sent_elsewhere(store: Store, uid: str) -> None:
    """Record the file of ``uid`` as sent by the user's mail program, and say what changed."""
    from datetime import UTC

    from planner.cli import common
    from planner.invite.sentlog import latest, record_sent_elsewhere, resolve_uid
    from planner.invite.sentlog import written_withdrawals as beside

    full = resolve_uid(store, uid)
    last = latest(store, full)
    withdrawals = beside(store, full, last.sequence) if last else []
    done = record_sent_elsewhere(store, full, sent_at=common.now_in(UTC))
    if done is None:
        last = latest(store, full)
        assert last is not None
        click.echo(_("{uid} went out already ({how}); nothing changed", uid=full,
                     how=delivery_words(last.delivery)), err=True)  # fmt: skip
        return
    click.echo(
        _("recorded: {uid} (SEQUENCE {sequence}) was sent by your mail program; "
          "'planner invites' follows the answers", uid=full, sequence=done.sequence),
        err=True,
    )  # fmt: skip
    for record in withdrawals:
        said = _(
            "recorded as well: the cancellation for {people} ({path})",
            people=", ".join(record.recipients),
            path=record.written_to,
        )
        click.echo(said, err=True)


def delivery_words(kind: str) -> str:
    return {
        "hold": _("held in your calendar, not sent"),
        "elsewhere": _("sent by your mail program"),
        "mail": _("sent by planner"),
    }.get(kind, _("written, not sent"))
