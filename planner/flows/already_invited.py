"""Two invitations to the same counterpart: inviting someone who has an open invitation from
planner already (two proposals for them in one week, the same proposal under another title or
time) would give them two meetings. The dry run names the one they have; sending is refused
unless the user says to invite anyway (``planner invite --force``, the assistant's ``force``).

Open: a meeting of the sent log (another UID) that reached them (by mail, or by the user's
mail program: :func:`planner.invite.cancels.invited` over what was delivered, so one an update
took them off and told them of is not theirs any more), not cancelled, not over, and not
declined by them (their answer to the current revision). A revision of the same meeting is
never a second invitation; nor is a file only written, or a hold only in the user's calendar
(nobody was told of them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING

from planner.errors import UsageError
from planner.i18n import _, day_span
from planner.model import Attendee, Response
from planner.people.addresses import address_key

if TYPE_CHECKING:
    from planner.invite.sentlog import PreparedInvite, SentRecord
    from planner.store import Store

SCANNED = 500  # meetings looked at, the most recent first (as planner.flows.held)


@dataclass(frozen=True, slots=True)
class Existing:
    """``person`` has the open invitation ``record`` (the revision they were told of last)."""

    person: Attendee
    record: SentRecord


def already_invited(store: Store | None, prepared: PreparedInvite, now: datetime) -> list[Existing]:
    """Each recipient of the REQUEST ``prepared`` who has another open invitation from planner
    (see the module), with that invitation; [] for a cancellation, or when nothing was sent."""
    if store is None or prepared.method != "REQUEST" or not store.holds("sentlog"):
        return []
    from planner.invite.cancels import invited
    from planner.invite.sentlog import messages, recent

    def told(uid: str) -> tuple[list[SentRecord], set[str]]:
        found = [r for r in messages(store, uid) if r.delivered]
        return found, {address_key(p.email) for p in invited(found)}

    _records, have = told(prepared.uid)  # who has this meeting already: not a second one
    wanted = {address_key(p.email): p for p in prepared.invitation.counterparts
              if p.email in prepared.recipients and address_key(p.email) not in have}  # fmt: skip
    found: list[Existing] = []
    for last in recent(store, SCANNED) if wanted else []:
        if last.uid == prepared.uid or last.cancelled:
            continue
        records, people = told(last.uid)
        requests = [r for r in records if r.method == "REQUEST"]
        mine = people & wanted.keys()
        if not mine or not requests:
            continue
        record = max(requests, key=lambda r: (r.sequence, r.sent_at))
        if record.invitation.end.astimezone(UTC) <= now.astimezone(UTC):
            continue
        found += [Existing(wanted[key], record) for key in sorted(mine)
                  if not _declined(store, last.uid, key, record.sequence)]  # fmt: skip
    return found


def said(found: list[Existing], tz: tzinfo) -> list[str]:
    """Each: "<who> already has an invitation: '<title>', <when>, <where> (UID …)"."""
    return [_existing(e, tz) for e in found]


def notes(found: list[Existing], tz: tzinfo) -> list[str]:
    """What a dry run says of each (:func:`said`), as its other notes."""
    return [_("  note:  {existing}", existing=line) for line in said(found, tz)]


def refuse(found: list[Existing], tz: tzinfo, *, tool: bool = False) -> None:
    """Refuse to send a second invitation (:class:`UsageError`): what exists, the ways on (the
    CLI's options, or with ``tool`` the assistant tool's inputs)."""
    if not found:
        return
    uid = found[0].record.uid
    if tool:
        hint = _("update that one (update_uid {uid}), cancel it (cancel_uid {uid}), or call "
                 "again with force to invite anyway", uid=uid)  # fmt: skip
    else:
        hint = _("update that one: planner invite --update {uid} …; cancel it: planner invite "
                 "--cancel {uid} --send; or add --force to invite anyway", uid=uid)  # fmt: skip
    raise UsageError(
        _("{existing}; nothing was sent", existing="; ".join(said(found, tz))),
        hint=hint,
    )


def _existing(found: Existing, tz: tzinfo) -> str:
    from planner.invite.text import location_text

    inv, person = found.record.invitation, found.person
    who = f"{person.name} <{person.email}>" if person.name else person.email
    return _(
        "{who} already has an invitation: '{title}', {when}, {where} (UID {uid})",
        who=who,
        title=inv.title,
        when=day_span(inv.start.astimezone(tz), inv.end.astimezone(tz)),
        where=location_text(inv) or _("no place given"),
        uid=found.record.uid,
    )


def _declined(store: Store, uid: str, who: str, sequence: int) -> bool:
    """Whether ``who`` declined revision ``sequence`` (or a later one) of meeting ``uid``."""
    from planner.invite.answers import answers_for

    said = answers_for(store, uid).get(who)
    return (
        said is not None
        and not said.countered
        and said.response is Response.DECLINED
        and said.sequence >= sequence
    )
