"""``planner offer``: two to five times and places for a counterpart to choose from, as a page
and an e-mail; a dry run unless --send (or --out for the page)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from planner.cli import common_options
from planner.cli.common import config_option, demo_option, parse_week
from planner.cli.types import EMAIL
from planner.i18n import _

PURPOSES = ["first_contact", "deal_closing", "routine", "internal", "personal", "other",
            "networking", "visit"]  # fmt: skip


@click.command()
@demo_option()
@config_option
@click.option("--with", "emails", multiple=True, type=EMAIL, metavar="EMAIL",
              help='The counterpart, an address or "Name <address>" (repeat it: one offer '
                   "each, never the same time twice).")  # fmt: skip
@click.option("--for", "meeting_uid", metavar="UID",
              help="A meeting of your calendar (a unique UID prefix): offer its counterpart "
                   "times and places for it; the week shows the offer under it, and the "
                   "invitation for the pick says it replaces it.")  # fmt: skip
@click.option("--count", type=click.IntRange(1, 5), default=3, show_default=True,
              help="How many options to offer (two to five make a choice).")  # fmt: skip
@click.option(
    "--week",
    metavar="WEEK",
    help="next, +2, W49, 2026-W49 or a date in the week (default: the next days).",
)
@click.option(
    "--purpose",
    type=click.Choice(PURPOSES),
    help="What the meeting is for (default: as 'planner propose').",
)
@click.option("--near", metavar="PLACE", help="Meet near this place (city, address, venue).")
@click.option(
    "--zone",
    metavar="ZONE",
    default="",
    help="The counterpart's time zone, e.g. Europe/London (default: yours).",
)
@click.option("--title", default="", help="The meeting's title (default: kind and both names).")
@click.option(
    "--valid-days",
    type=click.IntRange(1, 60),
    default=None,
    metavar="DAYS",
    help="How long the offer's links work (default: [offer] valid_days).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the offer page (HTML) here; you send it yourself.",
)
@click.option(
    "--send", is_flag=True, help="Really send the offer by e-mail; with --book, really book."
)
@click.option(
    "--force",
    is_flag=True,
    help="Send (or --out) even though the counterpart has an open invitation or offer from "
    "planner already; without it that one is named and nothing is sent. An open offer is "
    "replaced by the new one.",
)
@click.option(
    "--book",
    "book_id",
    metavar="ID",
    help="Book the option the counterpart picked: your calendar and the invitation.",
)
@click.option(
    "--withdraw",
    "withdraw_id",
    metavar="ID",
    help="Take an open offer back: its links stop working, its times are free.",
)
@common_options
def offer(
    demo: bool, config_path: Path | None, emails: tuple[str, ...], meeting_uid: str | None,
    count: int,
    week: str | None, purpose: str | None, near: str | None, zone: str, title: str,
    valid_days: int | None, out: Path | None, send: bool, force: bool, book_id: str | None,
    withdraw_id: str | None,
) -> None:  # fmt: skip
    """Offer EMAIL two to five times and places to choose from: a page and an e-mail, each
    option with its time in both zones, the venue (address, opening hours, map), travel for
    both, why this place, an .ics and an accept link. Without --send nothing is sent or kept.

    The counterpart chooses by the accept link (a mail 'planner replies' reads), by accepting
    the option's .ics in a calendar app, or on the page 'planner serve' shows when [serve]
    base_url is set. Until then the options are held; 'planner invites' shows the offers.

    \b
    Examples:
      planner offer --demo --with sven@krueger-design.example
      planner offer --with "Bob Ray <bob@acme.example>" --zone Europe/London --send
      planner offer --with bob@acme.example --out offer.html
      planner offer --for 040000008200E00074C5B7101A82E008 --send
      planner replies ~/Mail/INBOX && planner offer --book k7m2qa --send
    """
    from planner.errors import UsageError

    chosen = [n for n, on in (("--with", emails), ("--for", meeting_uid), ("--book", book_id),
                              ("--withdraw", withdraw_id)) if on]  # fmt: skip
    if len(chosen) != 1:
        raise UsageError(_("give one of --with EMAIL, --for UID, --book ID or --withdraw ID"))
    if out is not None and len(emails) > 1:
        raise UsageError(_("--out writes one page: give one --with"))
    first_day = parse_week(week, None, _local_now()) if week else None
    from planner.cli.common import planner_context

    with planner_context(demo, config_path, first_day) as (config, ledger, state, now):
        if book_id:
            _book(config, state, book_id, now, send)
        elif withdraw_id:
            _withdraw(state, withdraw_id)
        else:
            _make(config, ledger, state, now, demo, emails, (send, out, force), dict(
                count=count, first_day=first_day, purpose=purpose, near=near, zone=zone,
                title=title, valid_days=valid_days, meeting_uid=meeting_uid or ""))  # fmt: skip


def _make(config: Any, ledger: Any, state: Any, now: Any, demo: bool, emails: tuple[str, ...],
          how: tuple[bool, Path | None, bool], request: dict[str, Any]) -> None:  # fmt: skip
    from planner.cli.progress import progress_display
    from planner.errors import UsageError
    from planner.flows import offer_making as making
    from planner.flows.already_invited import before_offer, refuse
    from planner.flows.already_invited import notes as open_notes
    from planner.render.offer_message import offer_email, preview

    send, out, force = how
    if send and demo:
        raise UsageError(_("the demo sends nothing; use --out FILE to see the page"))
    with progress_display() as progress:
        offers, notes = making.make_offers(
            config, ledger, state, making.OfferRequest(emails, **request), now=now,
            progress=progress,
        )  # fmt: skip
    for note in notes:
        click.echo(_("note: {message}", message=note), err=True)
    if not offers:
        raise UsageError(_("nothing to offer"), hint=_("try another --week or --near"))
    found = {item.id: before_offer(state, item, now) for item in offers}  # a second meeting?
    if (send or out) and not force:
        refuse([e for item in offers for e in found[item.id]], config.tz, offer=True)
    if not (send or out):
        for item in offers:
            for line in [*making.describe(item), *open_notes(found[item.id], config.tz)]:
                click.echo(line, err=True)
            click.echo(preview(offer_email(config, item)))
        click.echo(_("dry run: nothing was sent or kept (add --send to send, --out FILE for "
                     "the page)"), err=True)  # fmt: skip
        return
    for item in making.keep(state, offers):
        for line in [*making.describe(item), *open_notes(found.get(item.id, []), config.tz)]:
            click.echo(line, err=True)
        if out is not None:
            _write_page(config, state, item, out)
        if send:
            message = offer_email(config, item)
            sent = making.send_offer(config, state, item, message)
            click.echo(_("sent offer {id} to {who} ({message})", id=item.id,
                         who=item.counterpart, message=sent.sent), err=True)  # fmt: skip


def _write_page(config: Any, state: Any, item: Any, out: Path) -> None:
    from planner.cli.common import emit
    from planner.flows.offer_making import note_written
    from planner.render.offer import FilePage, offer_page
    from planner.render.offer_message import offer_links

    links, _link = offer_links(config, item)
    emit(offer_page(item, FilePage(links)), out)
    note_written(state, item, str(out))


def _book(config: Any, state: Any, ident: str, now: Any, send: bool) -> None:
    from planner.flows.offer_booking import BOOKED, book, not_free
    from planner.flows.offers import BOOKING, PICKED, Offers, pick_label

    item = Offers(state).require(ident)
    chosen = item.chosen
    if chosen is None or item.status not in (BOOKING, PICKED):
        book(config, state, item, now=now, send=False)  # raises: says why there is no pick
    if not send:
        assert chosen is not None
        busy = not_free(config, state, item, chosen, now)
        click.echo(
            _(
                "offer {id}: {who} picked {choice}",
                id=item.id,
                who=item.name or item.counterpart,
                choice=pick_label(item),
            ),
            err=True,
        )
        if busy:
            click.echo(_("  no longer free: {what}", what=", ".join(busy)), err=True)
        for line in _also_open(config, state, item, now):
            click.echo(line, err=True)
        _where(config, state, item.counterpart)
        _replaced(item)
        click.echo(_("dry run: nothing was written or sent (add --send)"), err=True)
        return
    outcome = book(config, state, item, now=now, send=True)
    if outcome.result == BOOKED:
        click.echo(
            _(
                "offer {id}: booked {choice}; the invitation went to {who}",
                id=item.id,
                choice=pick_label(outcome.offer),
                who=item.counterpart,
            ),
            err=True,
        )
        if outcome.offer.booked.get("second"):
            click.echo(_("  note:  {existing}", existing=outcome.offer.booked["second"]), err=True)
        _replaced(item)
        return
    from planner.errors import UsageError

    raise UsageError(_("offer {id} is not booked: {problem}", id=item.id,
                       problem=outcome.problem or outcome.result))  # fmt: skip


def _also_open(config: Any, state: Any, item: Any, now: Any) -> list[str]:
    """What else is open for the counterpart of the pick (a second meeting once booked)."""
    from planner.flows.already_invited import notes
    from planner.flows.offer_booking import also_open

    return notes(also_open(state, item, now), config.tz)


def _where(config: Any, state: Any, who: str) -> None:
    """The calendar a booking writes into, by its name (as ``--send`` will find it), or why
    there is none."""
    from planner.errors import PlannerError
    from planner.flows.holding import hold_calendar

    try:
        target = hold_calendar(config, state, config["offer"]["calendar"])
    except PlannerError as exc:
        click.echo(_("  would send the invitation to {who}, but can write it into no calendar: "
                     "{problem}", who=who, problem=exc), err=True)  # fmt: skip
        return
    click.echo(_("  would write it into your calendar '{calendar}' and send the invitation to "
                 "{who}", calendar=target, who=who), err=True)  # fmt: skip


def _replaced(item: Any) -> None:
    """An offer made ``--for`` a meeting books a meeting of its own, which says it replaces
    that one: the old one is left as it is, in both calendars, until the user cancels it."""
    if item.for_event:
        click.echo(_("  the meeting it replaces is left as it is, in your calendar and theirs: "
                     "cancel it there when you are sure"), err=True)  # fmt: skip


def _withdraw(state: Any, ident: str) -> None:
    from planner.errors import UsageError
    from planner.flows.offers import OPEN, WITHDRAWN, Offers

    book = Offers(state)
    item = book.require(ident)
    if item.status != OPEN:
        raise UsageError(_("offer {id} is {status}, not open", id=item.id, status=item.status))
    book.change(item, status=WITHDRAWN)
    click.echo(_("withdrew offer {id}: its links no longer work, its times are free again",
                 id=item.id), err=True)  # fmt: skip


def _local_now() -> object:
    from planner.cli import common

    return common.now_in(None).astimezone()
