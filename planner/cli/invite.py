"""``planner invite``: write or send an invitation; a dry run unless --send or --hold."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from pathlib import Path

import click

from planner.cli import common_options
from planner.cli.common import config_option, emit, load_config, parse_date
from planner.cli.types import EMAIL
from planner.i18n import _, ngettext


@click.command()
@click.option("--demo", is_flag=True, help="Use the demo persona (offline).")
@config_option
@click.option(
    "--proposal",
    metavar="ID",
    help="A proposal by the identifier 'planner propose' or 'planner week' shows.",
)
@click.option(
    "--to",
    "to",
    multiple=True,
    type=EMAIL,
    metavar="EMAIL",
    help='Invitee, an address or "Name <address>" (repeatable).',
)
@click.option("--title", default="", help="Subject of the meeting.")
@click.option(
    "--start",
    default=None,
    metavar="DATETIME",
    help="Start, e.g. 2026-12-08T12:30, 'tomorrow 12:30', 'morgen 12:30', "
    "'2027-03-10 09:00 America/New_York', '… -05:00', '… EST' (unambiguous abbreviations).",
)
@click.option(
    "--date",
    "day",
    default=None,
    metavar="DATE",
    help="An all-day invitation on this day instead of --start, e.g. 2027-03-10.",
)
@click.option(
    "--days",
    type=click.IntRange(1, 366),
    default=None,
    metavar="N",
    help="With --date: the invitation lasts N days (a trade fair over three days).",
)
@click.option(
    "--fold",
    is_flag=True,
    help="A --start in the hour repeated when clocks go back means its second occurrence.",
)
@click.option(
    "--duration",
    type=click.IntRange(5, 7 * 24 * 60),
    default=None,
    metavar="MINUTES",
    help="Length in minutes (default: [invite] default_duration).",
)
@click.option(
    "--zone",
    "their_zone",
    default="",
    metavar="ZONE",
    help="The counterpart's time zone, e.g. America/New_York: the mail gives their time first "
    "and yours beside it (default: yours).",
)
@click.option("--venue", default="", metavar="NAME", help="A venue from the catalog.")
@click.option("--location", default="", metavar="TEXT", help="A place not in the catalog.")
@click.option("--purpose", default="", help="first_contact, deal_closing, routine, …")
@click.option("--agenda", default="", help="Agenda text for the description.")
@click.option("--update", "update", metavar="UID", help="Send an update of a sent invitation.")
@click.option("--cancel", "cancel", metavar="UID", help="Cancel a sent invitation.")
@click.option(
    "--again",
    "again",
    metavar="UID",
    help="A logged invitation once more, unchanged (same SEQUENCE): send one written with "
    "--out, or repeat an unanswered one.",
)
@click.option(
    "--sent-elsewhere",
    "elsewhere",
    metavar="UID",
    help="Record that you sent the .ics written with --out from your own mail program: "
    "'planner invites' then waits for the answers instead of asking you to send it.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the .ics file here.",
)
@click.option("--send", is_flag=True, help="Really send the e-mail ([smtp] in the config).")
@click.option(
    "--force",
    is_flag=True,
    help="Send even though an invitee has an open invitation from planner already (a second "
    "meeting for them); without it --send refuses and names the one they have.",
)
@click.option(
    "--hold",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="[CALENDAR]",
    help="Also put the meeting into your own calendar.",
)
@click.option("--list", "list_sent", is_flag=True, help="List recently sent invitations.")
@common_options
def invite(
    demo: bool,
    config_path: Path | None,
    proposal: str | None,
    to: tuple[str, ...],
    title: str,
    start: str | None,
    day: str | None,
    days: int | None,
    fold: bool,
    duration: int | None,
    their_zone: str,
    venue: str,
    location: str,
    purpose: str,
    agenda: str,
    update: str | None,
    cancel: str | None,
    again: str | None,
    elsewhere: str | None,
    out: Path | None,
    send: bool,
    force: bool,
    hold: str | None,
    list_sent: bool,
) -> None:
    """Write or send an RFC 5546 invitation (.ics and iMIP e-mail).

    Without --send it only shows the e-mail it would send; without --hold it writes nothing
    into your calendar. The same command twice gives the same meeting (same UID); --update
    raises its SEQUENCE, --cancel cancels it.

    \b
    Examples:
      planner propose --demo --with sven@krueger-design.example
      planner invite --demo --proposal k7m2qa --out lunch.ics   (an ID from the listing)
      planner invite --to bob@example.com --title "Lunch" --start 2026-12-08T12:30 \\
          --venue "Spatenhaus" --send
      planner invite --to "Bob Stone <bob@example.com>" --title "Call" \\
          --start "2027-03-10 09:00 America/New_York"
      planner invite --to bob@example.com --title "Messe" --date 2027-03-10 --days 3
      planner invite --update 3f2a --start 2026-12-09T12:30 --send
      planner invite --again 3f2a --send   (send the one written with --out as it is)
      planner invite --sent-elsewhere 3f2a (you sent that file from your mail program)
      planner invite --cancel 3f2a --send
    """
    from planner.cli import common
    from planner.errors import UsageError
    from planner.flows import invitations as invite_flow
    from planner.ical.tzids import typed_zone
    from planner.invite.mail import render_message

    config, store = _setup(demo, config_path)
    if list_sent:
        _list(store, config.tz)  # type: ignore[attr-defined]
        return
    chosen = [
        name
        for name, on in (
            ("--proposal", proposal is not None),
            ("--update", update),
            ("--cancel", cancel),
            ("--again", again),
            ("--sent-elsewhere", elsewhere),
        )
        if on
    ]
    if len(chosen) > 1:
        raise UsageError(_("use only one of {options}", options=", ".join(chosen)))
    if elsewhere:
        if send or out is not None or hold is not None:
            raise UsageError(_("--sent-elsewhere only records what you sent; leave out "
                               "--send, --out and --hold"))  # fmt: skip
        from planner.cli.invite_files import sent_elsewhere

        sent_elsewhere(store, elsewhere)  # type: ignore[arg-type]
        return
    _check_all_day(start, day, days, duration, proposal)
    zone = config.tz  # type: ignore[attr-defined]
    if update:  # a time without a zone is the meeting's own zone's (a breakfast in New York)
        zone = invite_flow.meeting_zone(config, store, update)  # type: ignore[arg-type]
    options = invite_flow.InviteOptions(
        to=to,
        title=title,
        start=_start(start, zone, fold) if start else None,
        duration=duration,
        venue=venue,
        location=location,
        purpose=purpose,
        agenda=agenda,
        day=parse_date(day, "--date", common.now_in(config.tz)) if day else None,
        days=days or 1,
        zone=typed_zone(their_zone) if their_zone else "",
    )
    _warn_odd(options, config.tz)  # type: ignore[attr-defined]
    invitation = None
    replaced: tuple[datetime, datetime] | None = None
    if proposal is not None:
        if demo:
            now = _demo_now(config, store, proposal)
        else:
            now = common.now_in(config.tz)  # type: ignore[attr-defined]
        invitation, replaced = invite_flow.proposal_invitation(
            config,
            store,
            proposal,
            options,
            now=now,  # type: ignore[arg-type]
        )
    elif not (update or cancel or again):
        invitation = invite_flow.from_options(config, options, store)  # type: ignore[arg-type]
    prepared = invite_flow.prepare(
        config, store, invitation=invitation, update=update, cancel=cancel, options=options,
        again=again, replaced=replaced,
    )  # fmt: skip
    if cancel:
        from planner.cli.invite_cancel import cancel as cancelling

        cancelling(config, store, prepared, hold=hold, send=send, out=out)  # type: ignore[arg-type]
        return
    from planner.flows import invite_view

    tz = config.tz  # type: ignore[attr-defined]
    was = invite_view.before(store, prepared, proposal or "")  # type: ignore[arg-type]
    for line in [
        *invite_view.describe(prepared.invitation, proposal or "", tz=tz),
        *invite_view.change_lines(was, prepared.invitation, tz),
    ]:
        click.echo(line, err=True)
    from planner.flows.cancelling import left_behind, withdrawal
    from planner.flows.clashes import clash_lines

    withdrawn = withdrawal(store, prepared)  # type: ignore[arg-type]
    for line in left_behind(config, store, prepared, hold is not None,  # type: ignore[arg-type]
                            withdrawn):  # fmt: skip
        click.echo(line, err=True)

    meeting = prepared.invitation
    for line in clash_lines(config, store, meeting.start, meeting.end, prepared.uid):
        click.echo(line, err=True)
    _second(store, prepared, tz, refused=send and not force)
    plan = None
    if hold is not None:  # read the calendar first: what the hold changes there, or why not
        from planner.flows import holding

        plan = holding.plan_hold(config, store, prepared, hold,  # type: ignore[arg-type]
                                 sending=send)  # fmt: skip
        for line in plan.lines():
            click.echo(line, err=True)
    if out is not None:
        from planner.cli.invite_files import write

        write(store, prepared, withdrawn, out, send)  # type: ignore[arg-type]
    if plan is not None:
        event_id = holding.write_hold(config, store, prepared, plan)  # type: ignore[arg-type]
        said = _("hold written to your calendar ({id})", id=event_id)
        if not send:
            from planner.flows.followup_steps import send_again

            said += _(": nobody was told ({who}); to send it: {command}",
                      who=", ".join(prepared.recipients),
                      command=send_again(prepared.uid))  # fmt: skip
        click.echo(said, err=True)
    if send:
        _send(config, store, prepared, withdrawn)
    elif out is None:
        sender = config["smtp"]["sender"] or config.user["email"]  # type: ignore[index,attr-defined]
        shown = [p for p in (prepared, withdrawn) if p is not None and p.recipients]
        if shown:
            emit("\n".join(render_message(p, sender=sender) for p in shown), None)
        click.echo(
            _("dry run: nothing was sent (add --send to send, --out FILE for the .ics)"), err=True
        )


def _second(store: object, prepared: object, tz: tzinfo, *, refused: bool) -> None:
    """Who has an open invitation from planner already, said; refused (before anything is
    written or sent) when ``refused`` (:mod:`planner.flows.already_invited`)."""
    from planner.cli import common
    from planner.flows.already_invited import already_invited, notes, refuse

    found = already_invited(store, prepared, common.now_in(tz))  # type: ignore[arg-type]
    for line in notes(found, tz):
        click.echo(line, err=True)
    if refused:
        refuse(found, tz)


def _send(config: object, store: object, prepared: object, withdrawn: object) -> None:
    """Send the update, then the CANCEL to the people it takes off, and say what went."""
    from planner.flows.cancelling import send_update

    sent, told = send_update(config, store, prepared, withdrawn)  # type: ignore[arg-type]
    if sent:
        click.echo(_("sent to {recipients} ({id})",
                     recipients=", ".join(prepared.recipients),  # type: ignore[attr-defined]
                     id=sent), err=True)  # fmt: skip
    else:
        click.echo(_("nothing to send: this revision reached all of them already"), err=True)
    if told:
        gone = withdrawn.recipients  # type: ignore[attr-defined]
        click.echo(ngettext("sent the cancellation to {recipients}, who is taken off the meeting "
                            "({id})",
                            "sent the cancellation to {recipients}, who are taken off the "
                            "meeting ({id})", len(gone), recipients=", ".join(gone), id=told),
                   err=True)  # fmt: skip


def _check_all_day(
    start: str | None, day: str | None, days: int | None, duration: int | None,
    proposal: str | None,
) -> None:  # fmt: skip
    """--date makes an all-day invitation: not with a --start, a --duration or a proposal."""
    from planner.errors import UsageError

    if days is not None and not day:
        raise UsageError(_("--days needs --date (the first day)"))
    if day and start:
        raise UsageError(_("use either --start or --date, not both"))
    if day and duration:
        raise UsageError(_("an all-day invitation (--date) lasts whole days: use --days"))
    if day and proposal is not None:
        raise UsageError(_("--proposal brings its own time; leave out --date"))


def _warn_odd(options: object, tz: tzinfo) -> None:
    """Accepted, but worth a word: a start in the past (said in the user's zone ``tz``, as
    every time the user sees), an address given twice."""
    from planner.cli import common
    from planner.i18n import day_time

    start = getattr(options, "start", None)
    now = common.now_in(tz)
    if start is not None and start < now:
        click.echo(_("note: the meeting starts in the past ({start})",
                     start=day_time(start.astimezone(tz), now)), err=True)  # fmt: skip
    from planner.people.addresses import address_key
    from planner.people.names import parse_mailbox

    to = [address_key(parse_mailbox(text)[1]) for text in getattr(options, "to", ())]
    if len(set(to)) < len(to):
        twice = sorted({a for a in to if to.count(a) > 1})
        click.echo(
            _("note: {addresses} given more than once; invited once", addresses=", ".join(twice)),
            err=True,
        )


def _start(text: str, tz: object, fold: bool) -> object:
    """``--start`` as an instant: a time the clocks skip or repeat is settled per RFC 5545
    (:func:`planner.ical.wallclock.settle`) and the user told what was chosen."""
    from planner.cli import common
    from planner.cli.dates import parse_moment
    from planner.errors import UsageError

    placed = parse_moment(text, common.now_in(tz), "--start", tz, fold=int(fold))
    moment = placed.moment
    if not 1970 <= moment.year <= 2200:
        raise UsageError(
            _("--start {text} is out of range; give a date between 1970 and 2200", text=text)
        )
    if placed.note:
        click.echo(placed.note, err=True)
    return moment


def _demo_now(config: object, store: object, proposal: str) -> object:
    """The demo's "now" for ``proposal``: that of the demo week that listed it
    (:func:`planner.api.demo_listed_now`), else Monday 07:00 of the week the demo shows (as
    ``week --demo`` plans)."""
    from planner import api
    from planner.cli import common
    from planner.cli.common import parse_week

    listed = api.demo_listed_now(config, store, proposal)  # type: ignore[arg-type]
    if listed is not None:
        return listed
    tz = config.tz  # type: ignore[attr-defined]
    return api.demo_now(config, parse_week(None, None, common.now_in(tz)))  # type: ignore[arg-type]


def _setup(demo: bool, config_path: Path | None) -> tuple[object, object]:
    from planner import api

    if demo:
        from planner.cli.common import with_language

        return with_language(api.demo_config()), api.demo_store()
    from planner.store import open_store

    return load_config(config_path), open_store()


def _list(store: object, tz: object) -> None:
    """The recently logged invitations, their times in the user's zone (``tz``)."""
    from planner.cli.invite_files import delivery_words
    from planner.i18n import hh_mm, twice
    from planner.invite.sentlog import recent
    from planner.invite.zones import zone_key
    from planner.render.invites import there
    from planner.render.safe import neutral

    for record in recent(store):  # type: ignore[arg-type]
        state = _("cancelled") if record.cancelled else _("seq {number}", number=record.sequence)
        if record.delivery in ("file", "hold", "elsewhere"):
            state = _("{state}, {how}", state=state, how=delivery_words(record.delivery))
        inv = record.invitation
        local = inv.start.astimezone(tz)  # type: ignore[arg-type]
        when = f"{local:%Y-%m-%d} {hh_mm(local, twice(local))}"  # which 01:30, where it is two
        own = zone_key(inv.start.tzinfo)
        if own and own != zone_key(tz):  # type: ignore[arg-type]  (a breakfast in New York)
            when += there(inv.start.astimezone(tz), None, own)  # type: ignore[arg-type]
        if inv.all_day:  # its days, not a midnight
            last = (inv.end - timedelta(days=1)).date()
            days = f"{inv.start:%Y-%m-%d}"
            days += f"–{last:%Y-%m-%d}" if last > inv.start.date() else ""
            when = _("{day}, all day", day=days)
        click.echo(
            neutral(
                f"{record.uid}  {when}  "
                f"{record.invitation.title}  ({state}, {', '.join(record.recipients)})"
            )
        )
