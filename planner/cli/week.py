"""``planner week``: the weekly plan."""

from __future__ import annotations

import logging
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

import click

from planner.cli import common_options
from planner.cli.common import (
    apply_language,
    config_option,
    demo_option,
    emit,
    is_terminal,
    load_config,
    output_option,
    parse_week,
    quiet,
    require_calendars,
    table_width,
)
from planner.cli.types import EMAIL
from planner.i18n import _

if TYPE_CHECKING:
    from planner.config import Config
    from planner.flows.followup import InviteState
    from planner.flows.plan import WeeklyPlan
    from planner.render.offer_list import OfferState


@click.command()
@demo_option()
@config_option
@click.option(
    "--week",
    "week",
    metavar="WEEK",
    help="next, last, +N/-N, W49, 2026-W49 or a date in the week (default: this week; "
    "from Friday 18:00 on, the coming one).",
)
@click.option(
    "--start",
    "start",
    metavar="DATE",
    help="First day of the plan: 2026-12-07, 7.12.2026, today, next monday, …",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "markdown", "json", "html"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@output_option
@click.option(
    "--open",
    "open_browser",
    is_flag=True,
    help="With --format html: open the page in the web browser.",
)
@click.option(
    "--mail", is_flag=True, help="E-mail the plan (text and HTML); a dry run unless --send."
)
@click.option(
    "--to",
    "mail_to",
    type=EMAIL,
    metavar="ADDRESS",
    help="With --mail: the recipient (default: [user] email).",
)
@click.option("--send", is_flag=True, help="With --mail: really send it ([smtp] in the config).")
@common_options
def week(
    demo: bool,
    config_path: Path | None,
    week: str | None,
    start: str | None,
    fmt: str,
    output: Path | None,
    open_browser: bool,
    mail: bool,
    mail_to: str | None,
    send: bool,
) -> None:
    """Print the week's meetings by day with mode and purpose, the meetings that should happen
    in person with proposed slots and venues, the totals and the in-person balance.

    \b
    Examples:
      planner week --demo
      planner week --week next
      planner week --week 2026-W49 --format markdown -o week.md
      planner week --format json
      planner week --format html --open
      planner week --mail --to me@example.com --send
    """
    _check_mail_options(mail, mail_to, send, demo)
    kept = (
        None
        if demo or mail or open_browser
        else _kept_output(config_path, week, start, fmt, output)
    )
    if kept is not None and kept[1] is not None:
        emit(kept[1], output)  # nothing it depends on changed since a run showed it
        return

    from zoneinfo import ZoneInfo

    from planner import api
    from planner.cli.progress import progress_display
    from planner.render import render_week

    if demo:
        from planner.demo import CONFIG

        apply_language(CONFIG["user"]["language"])
        tz = ZoneInfo(CONFIG["user"]["timezone"])
        first_day = parse_week(week, start, _now(tz))
        note = ""
        with api.demo_session(first_day) as (config, first_day), progress_display() as progress:
            now = api.demo_now(config, first_day)
            plan = api.plan_week(
                config,
                first_day,
                now=now,
                store=api.demo_week_store(first_day),
                progress=progress,
            )
    else:
        warned = _WarningCount.watch()
        config = require_calendars(load_config(config_path))
        now = _now(config.tz)
        first_day, note = _first_day(week, start, now)
        with progress_display() as progress:
            # the JSON names where each counterpart lives: a week of thousands has it worked
            # out by a second process while the plan is made
            plan = api.plan_week(
                config, first_day, now=now, progress=progress, cities=fmt == "json" and not mail
            )
    invites = None if demo else _invite_states(config, plan)
    _save_proposals(plan, config, demo, now)
    if mail:
        _mail(config, plan, invites, mail_to, send=send)
        return
    color = output is None and fmt == "table" and is_terminal()
    text = render_week(
        plan, fmt, color=color, width=table_width(output), note=note, invites=invites
    )
    if fmt == "html" and open_browser and output is None:
        output = _html_target(plan)
    emit(text, output)
    if kept is not None and not warned.count and not plan.unread:
        _keep_output(kept[0], text)  # a run that warned is not kept: a repeat warns again
    if demo and not quiet():
        click.echo(
            _(
                "Demo: sample calendars of Anna Berger, consultant in Munich; planned as of "
                "Monday 07:00 of the week shown."
            ),
            err=True,
        )
    if open_browser and fmt == "html" and output is not None:
        import webbrowser

        webbrowser.open(output.resolve().as_uri())


def _kept_output(
    config_path: Path | None, week: str | None, start: str | None, fmt: str, output: Path | None
) -> tuple[str, str | None] | None:
    """The key of this run's output and the output kept under it (see
    :mod:`planner.cli.week_cache`); None when the output cannot be kept."""
    from zoneinfo import ZoneInfo

    from planner import paths
    from planner.cli import week_cache
    from planner.errors import PlannerError

    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.meta.get("planner.verbose"):
        return None
    path = config_path or paths.config_path()
    part = week_cache.config_part(path, _state_database())
    if part is None:
        return None
    files, timezone = part
    try:
        now = _now(ZoneInfo(timezone))
        first_day, note = _first_day(week, start, now)
    except (ValueError, KeyError, PlannerError):  # the full run says what is wrong
        return None
    color = output is None and fmt == "table" and is_terminal()
    request = {
        "config": files,
        "first_day": first_day.isoformat(),
        "note": note,
        "format": fmt,
        "color": color,
        "width": table_width(output),
        "lang": ctx.meta.get("planner.lang") if ctx is not None else None,
        "quiet": quiet(),
    }
    key = week_cache.week_key(path, request, now)
    return key, week_cache.lookup(_state_database(), key)


class _WarningCount(logging.Handler):
    """Counts the warnings of one run (all go through the ``planner`` logger)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    @classmethod
    def watch(cls) -> _WarningCount:
        """Count from now until the command ends."""
        handler = cls()
        logger = logging.getLogger("planner")
        logger.addHandler(handler)
        click.get_current_context().call_on_close(lambda: logger.removeHandler(handler))
        return handler


def _keep_output(key: str, text: str) -> None:
    from planner.cli import week_cache
    from planner.ical import behind

    behind.wait()  # an index entry written behind counts among the writes it was made after
    week_cache.save(_state_database(), key, text)


def _state_database() -> Path:
    from planner.paths import data_dir
    from planner.store import FILENAME

    return data_dir() / FILENAME


def _now(tz: tzinfo) -> datetime:
    from planner.cli import common

    return common.now_in(tz)


def _first_day(week: str | None, start: str | None, now: datetime) -> tuple[date, str]:
    """The plan's first day, and the header's note when the weekend chose the coming week."""
    from planner.cli.dates import default_monday

    if week or start:
        return parse_week(week, start, now), ""
    monday, coming = default_monday(now)
    if not coming:
        return monday, ""
    return monday, _("the coming week: it is the weekend (--week this shows the one ending)")


def _save_proposals(plan: object, config: object, demo: bool, now: datetime) -> None:
    """Keep the week's proposals, listed at ``now`` (the demo's own "now" for the demo):
    'planner invite --proposal ID' takes the identifier shown."""
    from planner import api
    from planner.flows.listed import save_week_proposals
    from planner.store import open_store

    store = api.demo_store() if demo else open_store()
    try:
        save_week_proposals(store, plan, config, now)  # type: ignore[arg-type]
    finally:
        store.close()


def _html_target(plan: object) -> Path:
    from planner.paths import data_dir

    return data_dir() / "week.html"


def _check_mail_options(mail: bool, to: str | None, send: bool, demo: bool) -> None:
    from planner.errors import UsageError

    if (send or to) and not mail:
        raise UsageError(_("--send and --to go with --mail: planner week --mail --send"))
    if to and not _is_email(to):
        raise UsageError(_("'{email}' is not an e-mail address", email=to))
    if send and demo:
        raise UsageError(_("--send does not work with --demo; leave out --send to see the mail"))


def _is_email(text: str) -> bool:
    from planner.invite.invitation import is_email

    return is_email(text)


def _invite_states(
    config: Config, plan: WeeklyPlan
) -> dict[str, list[InviteState | OfferState]] | None:
    """The answers to the invitations sent for the flagged meetings (recorded ones only), and
    the offers made for them."""

    from planner.flows.held import OFFERED, SENT
    from planner.store import open_store

    store = open_store()
    found: dict[str, list[InviteState | OfferState]] = {}
    try:
        now = _now(config.tz)
        if store.holds(OFFERED):
            from planner.flows.offer_week import offers_for_plan
            from planner.flows.offers import Offers
            from planner.render.offer_list import OfferState

            offered = offers_for_plan(plan, Offers(store).all(), config)
            for uid, offers in offered.items():
                found[uid] = [OfferState(o, now) for o in offers]
        if store.holds(SENT):  # else nothing was sent (the follow-up code is not even loaded)
            from planner.flows.followup import followed_invitations, invite_states, states_for_week

            # the week's own invitations (and those cancelled), also when the week lies in the past
            records = followed_invitations(store, min(now, plan.start))
            states = invite_states(config, store, now=now, records=records) if records else []
            for uid, mine in states_for_week(plan, states, config).items():
                found[uid] = [*mine, *found.get(uid, [])]
    finally:
        store.close()
    return found or None


def _mail(
    config: Config,
    plan: WeeklyPlan,
    invites: dict[str, list[InviteState]] | None,
    to: str | None,
    *,
    send: bool,
) -> None:
    """The week as a multipart e-mail: printed (dry run) or sent through [smtp]."""
    from datetime import UTC, datetime

    from planner.errors import UsageError
    from planner.render import render_week
    from planner.render.week_mail import dry_run_text, week_message

    user = config.user
    recipient = to or user["email"]
    if not recipient:
        raise UsageError(_("--mail needs --to ADDRESS or [user] email in the config"))
    iso = plan.start.isocalendar()
    msg = week_message(
        week=f"{iso[0]}-W{iso[1]:02d}",
        text=render_week(plan, "markdown", invites=invites),
        html=render_week(plan, "html", invites=invites),
        sender=config["smtp"]["sender"] or user["email"] or recipient,
        sender_name=user["name"],
        to=recipient,
        date=datetime.now(UTC),
        incomplete=plan.incomplete,
    )
    if not send:
        emit(dry_run_text(msg), None)
        click.echo(_("dry run: nothing was sent (add --send to send)"), err=True)
        return
    from planner.invite.mail import SmtpSettings, send_message

    result = send_message(msg, SmtpSettings.from_config(config), [recipient])
    click.echo(
        _("sent to {recipients} ({id})", recipients=recipient, id=result.message_id), err=True
    )
