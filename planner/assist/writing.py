"""The two-step write tools: ``invite`` (an RFC 5546 invitation by e-mail, or its update or
cancellation) and ``hold`` (the meeting in the user's own calendar).

Each function only describes its action (:class:`planner.assist.registry.Action`): the dry run
(who, when, where), the content the confirmation token is bound to, and the deed, which goes
through :mod:`planner.flows.invitations` as ``planner invite --send`` / ``--hold`` does.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

from pydantic import Field

from planner.assist.outputs import Person, WriteStep
from planner.assist.registry import Action, write_tool
from planner.assist.workspace import Workspace
from planner.errors import PlannerError, UsageError
from planner.i18n import _, day_time, ngettext
from planner.model import Purpose

if TYPE_CHECKING:
    from planner.invite.sentlog import PreparedInvite

ProposalId = Annotated[
    str | None,
    Field(description="A proposal's `id` from week_plan or propose (e.g. k7m2qa)"),
]
To = Annotated[list[str] | None, Field(description="Invitees' e-mail addresses")]
Start = Annotated[
    datetime | None,
    Field(description="Start (ISO 8601; without an offset it is in the user's time zone)"),
]
Minutes = Annotated[
    int | None, Field(ge=5, le=7 * 24 * 60, description="Length (default: [invite])")
]
VenueName = Annotated[str, Field(description="A venue of the catalog (see the venues tool)")]
Location = Annotated[str, Field(description="Or a place not in the catalog")]


@write_tool("Send an invitation", destructive=True)  # updates and cancels meetings
def invite(
    ws: Workspace,
    proposal: ProposalId = None,
    to: To = None,
    title: str = "",
    start: Start = None,
    duration_minutes: Minutes = None,
    venue: VenueName = "",
    location: Location = "",
    purpose: Purpose | None = None,
    agenda: Annotated[str, Field(description="Agenda text for the description")] = "",
    update_uid: Annotated[str | None, Field(description="Update a sent invitation")] = None,
    cancel_uid: Annotated[str | None, Field(description="Cancel a sent invitation")] = None,
    force: Annotated[
        bool,
        Field(
            description="Send even though an invitee has an open invitation already "
            "(a second meeting for them)"
        ),
    ] = False,
) -> Action:
    """Send an invitation (iCalendar over e-mail, which Outlook, Gmail and Apple Calendar
    accept) for a proposal by its `id`, or for `to`, `title` and `start`; or an update
    (`update_uid` with the changes) or a cancellation (`cancel_uid`) of one sent before. Two
    steps: without `confirm` nothing is sent and the answer is the dry run (who, when, where,
    the message) with a `confirm` token; call again with the same arguments and that token to
    send it, once. An invitee who has an open invitation already is named, and no token given
    unless `force`. As `planner invite … --send`."""
    from planner.flows import invitations as flow
    from planner.flows.already_invited import already_invited, refuse, said
    from planner.flows.cancelling import send_update, withdrawal

    prepared = _prepare(
        ws, proposal, to, title, start, duration_minutes, venue, location, purpose, agenda,
        update=update_uid, cancel=cancel_uid,
    )  # fmt: skip
    blocked = ""
    if ws.demo:
        blocked = _("the demo sends nothing; start planner mcp with your own config to send")
    else:
        blocked = _mail_problem(ws)
    second = already_invited(ws.state, prepared, ws.now)  # two meetings for someone?
    if second and not force and not blocked:
        try:
            refuse(second, ws.config.tz, tool=True)
        except UsageError as exc:
            blocked = str(exc)
    else:
        ws.warnings.extend(said(second, ws.config.tz))
    recipients = ", ".join(prepared.recipients)
    if prepared.method == "CANCEL":
        what = _("send the cancellation by e-mail to {recipients}", recipients=recipients)
    else:
        what = _("send the invitation by e-mail to {recipients}", recipients=recipients)
    withdrawn = withdrawal(ws.state, prepared) if update_uid else None
    taken_off = ", ".join(withdrawn.recipients) if withdrawn is not None else ""
    if taken_off:  # an update that takes people off tells them (RFC 5546), as the CLI does
        what += "; " + _("send the cancellation by e-mail to {recipients}", recipients=taken_off)
    content = _content(prepared, "send") | {"taken_off": taken_off, "force": force}

    def perform() -> str:
        if withdrawn is None:
            message_id = flow.send(ws.config, ws.state, prepared)
            return _("sent to {recipients} ({id})", recipients=recipients, id=message_id)
        sent, told = send_update(ws.config, ws.state, prepared, withdrawn)
        said = _("sent to {recipients} ({id})", recipients=recipients, id=sent)
        if told:
            said += "; " + ngettext(
                "sent the cancellation to {recipients}, who is taken off the meeting ({id})",
                "sent the cancellation to {recipients}, who are taken off the meeting ({id})",
                len(withdrawn.recipients), recipients=taken_off, id=told,
            )  # fmt: skip
        return said

    step = _step(ws, prepared, what)
    if withdrawn is not None and withdrawn.recipients:  # both messages, as the CLI shows them
        from planner.invite.mail import render_message

        sender = ws.config["smtp"]["sender"] or ws.config.user["email"]
        step.preview += "\n" + render_message(withdrawn, sender=sender)
    return Action(step, content, perform, blocked)


@write_tool("Hold the time in your calendar")
def hold(
    ws: Workspace,
    proposal: ProposalId = None,
    to: To = None,
    title: str = "",
    start: Start = None,
    duration_minutes: Minutes = None,
    venue: VenueName = "",
    location: Location = "",
    purpose: Purpose | None = None,
    agenda: Annotated[str, Field(description="Agenda text for the description")] = "",
    calendar: Annotated[
        str, Field(description="A [[calendars]] name (default: the first writable one)")
    ] = "",
) -> Action:
    """Put a meeting (a proposal by its `id`, or `to`, `title` and `start`) into the user's own
    calendar, so the time stays free until the counterpart answers; nobody is notified. Two steps:
    without `confirm` nothing is written and the answer is the dry run with a `confirm`
    token; call again with the same arguments and that token to write it, once. As
    `planner invite … --hold`."""
    from planner.flows import holding

    prepared = _prepare(
        ws, proposal, to, title, start, duration_minutes, venue, location, purpose, agenda
    )
    names = [source.name for source in ws.config.calendars]
    if calendar and calendar not in names:
        raise UsageError(
            _("no calendar named '{name}' in the config", name=calendar),
            hint=_("the calendars are: {names}", names=", ".join(names) or "-"),
        )
    plan, blocked = None, ""
    if ws.demo:  # its calendars are files: nothing is read, nothing written
        blocked = _("the demo writes into no calendar; start planner mcp with your own config")
    else:  # which calendar, and what the write changes in a copy already there; or why not
        try:
            plan = holding.plan_hold(ws.config, ws.state, prepared, calendar)
        except PlannerError as exc:
            blocked = str(exc)
    target = plan.calendar if plan else calendar or _("the first writable calendar of the config")

    def perform() -> str:
        assert plan is not None
        event_id = holding.write_hold(ws.config, ws.state, prepared, plan)
        return _("hold written to your calendar ({id})", id=event_id)

    step = _step(ws, prepared, _("write the meeting into {calendar}; nobody is notified",
                                 calendar=target))  # fmt: skip
    step.details["calendar"] = target
    if plan and (plan.write.changes or plan.write.kept):
        step.details["changes"] = "; ".join(plan.write.changes)
        step.details["keeps"] = "; ".join(plan.write.kept)
    return Action(step, _content(prepared, "hold", calendar), perform, blocked)


def _prepare(
    ws: Workspace,
    proposal: str | None,
    to: list[str] | None,
    title: str,
    start: datetime | None,
    duration: int | None,
    venue: str,
    location: str,
    purpose: Purpose | None,
    agenda: str,
    *,
    update: str | None = None,
    cancel: str | None = None,
) -> PreparedInvite:
    """The message ``planner invite`` would send for these inputs."""
    from planner.flows import invitations as flow

    chosen = [n for n, on in (("proposal", proposal), ("update_uid", update),
                              ("cancel_uid", cancel)) if on]  # fmt: skip
    if len(chosen) > 1:
        raise UsageError(_("use only one of {options}", options=", ".join(chosen)))
    options = flow.InviteOptions(
        to=tuple(to or ()),
        title=title,
        start=_instant(ws, start, update) if start else None,
        duration=duration,
        venue=venue,
        location=location,
        purpose=purpose.value if purpose else "",
        agenda=agenda,
    )
    invitation = None
    replaced: tuple[datetime, datetime] | None = None
    if proposal is not None:
        from planner import api

        listed = api.demo_listed_now(ws.config, ws.state, proposal) if ws.demo else None
        now = listed or ws.now  # the demo's proposal on the clock of the week that listed it
        invitation, replaced = flow.proposal_invitation(
            ws.config, ws.state, proposal, options, now=now
        )
    elif not (update or cancel):
        invitation = flow.from_options(ws.config, options, ws.state)
    prepared = flow.prepare(ws.config, ws.state, invitation=invitation, update=update,
                            cancel=cancel, options=options, replaced=replaced)  # fmt: skip
    if prepared.method != "CANCEL" and prepared.invitation.start <= ws.now:
        when = day_time(prepared.invitation.start.astimezone(ws.config.tz), ws.now)
        ws.warnings.append(_("the meeting would begin {when}, which has passed; check `start`",
                             when=when))  # fmt: skip
    return prepared


def _instant(ws: Workspace, start: datetime, update: str | None = None) -> datetime:
    """A start without an offset is wall-clock time in the user's zone, or for an ``update``
    in the meeting's own (a breakfast in New York stays there); a time the clocks skip or
    repeat is settled per RFC 5545, and the answer says what was chosen."""
    from planner.flows.invitations import meeting_zone
    from planner.ical.wallclock import settle

    if start.tzinfo is None:
        zone = meeting_zone(ws.config, ws.state, update) if update else ws.config.tz
        start = start.replace(tzinfo=zone)
    moment, note = settle(start)
    if note:
        ws.warnings.append(note)
    return moment


def _mail_problem(ws: Workspace) -> str:
    """Why the confirmed call could not send (the [smtp] settings, the password), or ""."""
    from planner.invite.mail import SmtpSettings, require_password

    try:
        require_password(SmtpSettings.from_config(ws.config))
    except PlannerError as exc:
        return str(exc)
    return ""


def _step(ws: Workspace, prepared: PreparedInvite, action: str) -> WriteStep:
    from planner.invite.mail import render_message
    from planner.invite.text import location_text

    inv, tz = prepared.invitation, ws.config.tz
    sender = ws.config["smtp"]["sender"] or ws.config.user["email"]
    return WriteStep(
        done=False,
        action=action,
        who=[Person(email=p.email, name=p.name) for p in inv.counterparts],
        start=inv.start.astimezone(tz),
        end=inv.end.astimezone(tz),
        where=location_text(inv),
        title=inv.title,
        details={
            "uid": inv.uid,
            "sequence": str(inv.sequence),
            "method": prepared.method,
            "subject": prepared.subject,
        },
        preview=render_message(prepared, sender=sender),
    )


def _content(prepared: PreparedInvite, deed: str, calendar: str = "") -> dict[str, object]:
    """What a token is bound to: the deed and the meeting as it would be sent or written."""
    from planner.invite.sentlog import invitation_to_json

    return {
        "deed": deed,
        "calendar": calendar,
        "method": prepared.method,
        "recipients": list(prepared.recipients),
        "invitation": invitation_to_json(prepared.invitation),
    }
