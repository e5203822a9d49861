"""``planner invite --cancel UID``: what a cancellation says before it goes out, and the order
in which it goes: first the mail, to those who may have the meeting and have not had the
cancellation (:mod:`planner.invite.cancels`), then, with ``--hold``, the hold out of the user's
calendar (:mod:`planner.flows.hold_removal`).

That order keeps every failure honest. Mail refused: the calendar is left as it is (the
meeting still stands for whoever did not hear of its end). Mail sent, calendar write failed:
the log says who was told, and the same command again sends nothing twice and takes the hold
out.

An update that takes people off the meeting (``--update UID --to …``) sends them its own
CANCEL after the update (:func:`withdrawal`); the same command run again after a failure sends
each only what did not reach them.
"""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

from planner.config import Config
from planner.flows.hold_removal import Removal, remove
from planner.flows.holding import recorded_calendar, removed_from
from planner.i18n import _, day_span
from planner.invite.sentlog import PreparedInvite
from planner.store import Store


def describe(store: Store, prepared: PreparedInvite, tz: tzinfo) -> list[str]:
    """Which meeting is cancelled (UID, SEQUENCE), who is sent the cancellation now, who had it
    already, and when and where the meeting was."""
    from planner.invite.cancels import reached_already
    from planner.invite.text import location_text

    inv = prepared.invitation
    who = named_recipients(prepared)
    lines = [
        _("Cancellation: {title} (UID {uid}, SEQUENCE {sequence})", title=inv.title,
          uid=prepared.uid, sequence=prepared.sequence),
        _("  who:   {people}", people=who or _("nobody (see below)")),
    ]  # fmt: skip
    if done := reached_already(store, prepared):
        lines.append(_("  told already: {people}", people=", ".join(done)))
    elif not prepared.recipients:
        lines.append(_("  nobody was sent this meeting: there is no one to tell"))
    when = day_span(inv.start.astimezone(tz), inv.end.astimezone(tz))
    lines.append(_("  when:  {when}", when=when))
    lines.append(_("  where: {place}", place=location_text(inv) or _("no place given")))
    return lines


def hold_lines(
    config: Config, store: Store, prepared: PreparedInvite, plan: Removal | None
) -> list[str]:
    """What happens to the meeting's hold: ``plan`` with ``--hold``; without it, where a hold
    was written, that it stays and how to take it out too."""
    if plan is not None:
        return plan.lines(config.tz)
    where = recorded_calendar(config, store, prepared.uid)
    if not where:
        gone = removed_from(config, store, prepared.uid)
        if gone:
            return [_("  hold: already taken out of {calendar}; nothing to do", calendar=gone)]
        return []
    return [_("  hold: the one in {calendar} stays; add --hold to take it out as well",
              calendar=where)]  # fmt: skip


def take_out(config: Config, store: Store, prepared: PreparedInvite, plan: Removal) -> bool:
    """Take the hold of ``plan`` out (after the mail, see the module's docstring); whether one
    came out (not when it had gone from the calendar between the plan and the delete). A
    cancellation that reached nobody is logged with it, so the meeting counts as cancelled
    (``planner invites``, ``planner invite --list``)."""
    from planner.invite.sentlog import record_kept

    if not plan.removes:
        return False
    removed = remove(config, store, plan)  # False: gone meanwhile (nothing was taken out)
    if not prepared.recipients:
        record_kept(store, prepared, f"hold:{plan.calendar}:{plan.uid}")
    return removed


def send_update(
    config: Config, store: Store, prepared: PreparedInvite, withdrawn: PreparedInvite | None
) -> tuple[str, str]:
    """Send the update ``prepared`` (to those it has not reached), then ``withdrawn``, the
    CANCEL to the people it takes off (:func:`withdrawal`): a run that fails between the two,
    run again, sends only what did not go. The message ids, "" for what had no one to go to."""
    from planner.flows.invitations import send

    sent = send(config, store, prepared) if prepared.recipients else ""
    told = send(config, store, withdrawn) if withdrawn and withdrawn.recipients else ""
    return sent, told


def write_update(
    store: Store, prepared: PreparedInvite, withdrawn: PreparedInvite | None, path: Path
) -> Path | None:
    """Write the update ``prepared`` to ``path`` and ``withdrawn``, the CANCEL the people it
    takes off are owed, to :func:`withdrawal_path` beside it (which it returns; None when
    there is none to write): ``--out`` gives every message the command would send, not only
    the first. Both are logged as written, not sent (:func:`planner.invite.sentlog.
    record_kept`): a later ``--again UID --send`` sends each once, ``--sent-elsewhere UID``
    records both as sent by the user's mail program."""
    from planner.flows.invitations import write_file

    if withdrawn is None or not withdrawn.recipients:
        write_file(prepared, store, path)
        return None
    beside = withdrawal_path(path)
    write_file(prepared, store, path)
    write_file(withdrawn, store, beside)
    return beside


def withdrawal_path(path: Path) -> Path:
    """Where ``--out FILE`` writes the cancellation for those an update takes off: beside
    FILE, "lunch.ics" → "lunch-cancel.ics"."""
    return path.with_name(f"{path.stem}-cancel{path.suffix or '.ics'}")


def withdrawal(store: Store, prepared: PreparedInvite) -> PreparedInvite | None:
    """The CANCEL that goes with the update ``prepared`` to the people it takes off
    (:func:`planner.invite.cancels.prepare_withdrawal`); None when it takes nobody off."""
    from planner.invite.cancels import prepare_withdrawal

    return prepare_withdrawal(store, prepared)


def left_behind(
    config: Config, store: Store, prepared: PreparedInvite, holding: bool,
    withdrawn: PreparedInvite | None = None,
) -> list[str]:  # fmt: skip
    """What an update does besides, said before it goes: the hold in the user's calendar stays
    at its old time (without ``--hold``), whom this revision reached already (a run again after
    a failure), and who is taken off the meeting and sent the ``withdrawn`` CANCEL (RFC 5546
    §2.1.5), which goes after the update."""
    if prepared.method != "REQUEST" or not prepared.update:
        return []
    lines = []
    where = recorded_calendar(config, store, prepared.uid)
    if where and not holding:
        lines.append(_("  hold: the one in {calendar} stays as it is; add --hold to change it "
                       "as well", calendar=where))  # fmt: skip
    if prepared.only is not None:
        done = [p.email for p in prepared.invitation.counterparts
                if p.email not in prepared.recipients]  # fmt: skip
        lines.append(_("  told already: {people}", people=", ".join(done)))
    if withdrawn is not None:
        lines.append(_("  taken off: {people}; they are sent the meeting's cancellation "
                       "(SEQUENCE {sequence})", people=named_recipients(withdrawn),
                       sequence=withdrawn.sequence))  # fmt: skip
    return lines


def named_recipients(prepared: PreparedInvite) -> str:
    """Whom ``prepared`` goes to, each "Name <address>" where the name is known."""
    names = {p.email: p.name for p in prepared.invitation.counterparts}
    return ", ".join(f"{names[e]} <{e}>" if names.get(e) else e for e in prepared.recipients)
