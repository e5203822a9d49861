"""The ``planner`` command. Only this package parses arguments, prints and exits.

Commands live in small modules next to this one and call the library; one error handler turns
every :class:`planner.errors.PlannerError` into one line on stderr and a non-zero exit status.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

import click

from planner.errors import PlannerError
from planner.i18n import _

#: Python's cycle collector while a command runs (see ``gc.set_threshold``). A week's run keeps
#: tens of thousands of events and judgements alive and makes few reference cycles; with the
#: default thresholds (700, 10, 10) the collector walks the live objects again and again. As
#: mypy does, a command collects after 200,000 new objects instead of 700.
COLLECTION_THRESHOLDS = (200_000, 30, 30)

# command name → "module:function"; modules are imported only when needed (fast --help).
COMMANDS: dict[str, str] = {
    "week": "planner.cli.week:week",
    "classify": "planner.cli.classify:classify",
    "init": "planner.cli.setup:init",
    "contacts": "planner.cli.contacts:contacts",
    "people": "planner.cli.people:people",
    "trips": "planner.cli.trips:trips",
    "ledger": "planner.cli.ledger:ledger",
    "propose": "planner.cli.propose:propose",
    "venues": "planner.cli.venues:venues",
    "invite": "planner.cli.invite:invite",
    "auth": "planner.cli.auth:auth",
    "calendars": "planner.cli.calendars:calendars",
    "replies": "planner.cli.replies:replies",
    "invites": "planner.cli.invites:invites",
    "feed": "planner.cli.feed:feed",
    "status": "planner.cli.status:status",
    "config": "planner.cli.config_cmd:config",
    "completion": "planner.cli.conventions:completion",
    "help": "planner.cli.conventions:help_command",
    "today": "planner.cli.agenda:today",
    "agenda": "planner.cli.agenda:agenda",
    "sync": "planner.cli.sync:sync",
    "mark": "planner.cli.mark:mark",
    "mcp": "planner.cli.assistant:mcp",
    "offer": "planner.cli.offer:offer",
    "serve": "planner.cli.serve:serve",
}

HELP = {
    "week": "Print the weekly plan: meetings by mode, recommendations, proposals.",
    "classify": "Classify the events of .ics files, folders or URLs (no config needed).",
    "init": "Write a starting config file.",
    "contacts": "List whom you have met, how, and when.",
    "people": "Whom to meet in person again, most overdue first; set rhythms.",
    "trips": "Trips ahead and whom you know there, with proposals.",
    "ledger": "Export or import the contact ledger (CSV, JSON).",
    "propose": "Propose in-person slots and venues for a counterpart.",
    "venues": "Browse the venue catalog.",
    "invite": "Write or send an invitation (.ics / e-mail); a dry run unless --send.",
    "auth": "Sign in to Google or Outlook.",
    "calendars": "List the calendars each configured source can see.",
    "replies": "Record answers to your invitations from .ics files, Maildir or mbox.",
    "invites": "Open invitations: who answered what, and the next step.",
    "feed": "Write the week's proposals as an .ics feed for your calendar app.",
    "status": "Show each calendar source's health and the state database.",
    "config": "Show, edit or locate the config file; print the full example.",
    "completion": "Print the shell completion script (bash, zsh or fish).",
    "help": "Show the help of a command: planner help week.",
    "today": "List the whole day (meetings, travel, stays, blockers), one line each.",
    "agenda": "List the next days, every entry with its kind, one line each.",
    "sync": "Mirror busy time across calendars, block travel time; a dry run unless --apply.",
    "mark": "Correct a judgement (mode, purpose, meeting) for an event, series or pattern.",
    "mcp": "Serve planner's tools to an AI assistant (Model Context Protocol).",
    "offer": "Offer a counterpart times and places to choose from (page, e-mail).",
    "serve": "Serve the offer pages behind your reverse proxy.",
}


class PlannerGroup(click.Group):
    """A group that loads commands lazily and handles every error in one place."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if _module_exists(COMMANDS[name])]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None or not _module_exists(target):
            return None
        module_name, _sep, attr = target.partition(":")
        command: click.Command = getattr(importlib.import_module(module_name), attr)
        from planner.cli.helptext import translate

        return translate(command)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, _(HELP.get(name, ""))) for name in self.list_commands(ctx)]
        with formatter.section(_("Commands")):
            formatter.write_dl(rows)

    def main(self, args: Any = None, *rest: Any, **kwargs: Any) -> Any:
        import gc
        import sys

        arguments = list(sys.argv[1:] if args is None else args)
        _help_in_language(arguments)
        before = gc.get_threshold()
        gc.set_threshold(*COLLECTION_THRESHOLDS)
        try:
            return super().main(arguments, *rest, **kwargs)
        finally:
            gc.set_threshold(*before)

    def invoke(self, ctx: click.Context) -> Any:
        _reset_run_state()
        try:
            result = super().invoke(ctx)
            _exit_if_partial()
            return result
        except PlannerError as exc:
            if ctx.meta.get("planner.debug"):
                raise
            _print_error(str(exc))
            raise click.exceptions.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            _print_error(_("interrupted"))
            raise click.exceptions.Exit(130) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # the last line of defence: one line, no traceback
            if ctx.meta.get("planner.debug"):
                raise
            if (state := _state_problem(exc)) is not None:
                _print_error(state)
                raise click.exceptions.Exit(2) from None
            _print_error(
                _(
                    "unexpected {error}: {message} "
                    "(run again with --debug for details and report it)",
                    error=type(exc).__name__,
                    message=exc,
                )
            )
            raise click.exceptions.Exit(70) from None


def _state_problem(exc: Exception) -> str | None:
    """The line for a state database SQLite cannot write (read-only, locked, full), however
    deep in the library it was found; None for anything else."""
    import sqlite3

    if not isinstance(exc, sqlite3.OperationalError):
        return None
    from planner.store import sqlite_problem

    return sqlite_problem(exc)


def _help_in_language(args: list[str]) -> None:
    """Speak the user's language from the start: click's own messages (a missing argument, a
    bad choice) and help asked for in German (``--lang de``, the config, or a German locale)
    come from planner's catalog."""
    from planner.cli.helptext import startup_language, translate, use_language

    use_language(startup_language(args))
    translate(main)


PARTIAL = 3  # exit status: the output lacks a calendar that could not be read (no copy)


def _reset_run_state() -> None:
    """Forget the warnings shown and the sources missed by an earlier command in this process."""
    import sys

    for name in ("planner.calendar.health", "planner.cli.progress", "planner.online.outages"):
        module = sys.modules.get(name)
        if module is not None:
            module.reset()


def _exit_if_partial() -> None:
    import sys

    health = sys.modules.get("planner.calendar.health")
    missing = health.missing() if health else ()
    if missing:
        _print_error(
            _(
                "partial result: calendars not read and without an earlier copy: {names} "
                "(planner status shows why)",
                names=", ".join(missing),
            )
        )
        raise click.exceptions.Exit(PARTIAL)


def _print_version(ctx: click.Context) -> None:
    from importlib.metadata import version

    click.echo(f"planner {version('planner')}")
    ctx.exit()


def _module_exists(target: str) -> bool:
    from importlib.util import find_spec

    return find_spec(target.partition(":")[0]) is not None


def _print_error(message: str) -> None:
    from planner.render.safe import neutral  # names and texts from calendars and mail

    click.echo(neutral(_("planner: error: {message}", message=message)), err=True)


class _WarningHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        from planner.cli.progress import warn
        from planner.render.safe import neutral  # a warning may quote a title or a file name

        if record.levelno < logging.WARNING:  # --verbose: details, not warnings
            warn(neutral(_("planner: {message}", message=record.getMessage())))
            return
        warn(neutral(_("planner: warning: {message}", message=record.getMessage())))


def _library_warnings(debug: bool) -> None:
    """Python warnings of the libraries planner uses (icalendar guessing a TZID that planner
    resolves itself, a deprecation) are no message to the user: with ``--debug`` they are shown
    as Python writes them, else not at all. What the user must know, planner says itself."""
    logging.captureWarnings(True)
    library = logging.getLogger("py.warnings")
    library.handlers = [logging.StreamHandler() if debug else logging.NullHandler()]
    library.propagate = False


def _setup(
    ctx: click.Context, debug: bool, quiet: bool, lang: str | None, verbose: bool = False
) -> None:
    if debug:
        ctx.meta["planner.debug"] = True
        _library_warnings(True)
        logging.getLogger("planner").setLevel(logging.DEBUG)  # the parser's own words, too
    if verbose and not ctx.meta.get("planner.quiet"):
        ctx.meta["planner.verbose"] = True
        logging.getLogger("planner").setLevel(logging.INFO)
    if quiet:
        ctx.meta["planner.quiet"] = True
        logging.getLogger("planner").setLevel(logging.ERROR)
    if lang:
        ctx.meta["planner.lang"] = lang
        from planner.i18n import set_language

        set_language(lang)


def common_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options every command accepts: --debug, --quiet, --verbose, --lang."""

    def remember(name: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
        def callback(ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
            if value:
                _setup(
                    ctx,
                    debug=name == "debug" and value,
                    quiet=name == "quiet" and value,
                    lang=value if name == "lang" else None,
                    verbose=name == "verbose" and value,
                )
            return value

        return callback

    options = [
        click.option(
            "--debug",
            is_flag=True,
            expose_value=False,
            is_eager=True,
            callback=remember("debug"),
            help="Show tracebacks for errors.",
        ),
        click.option(
            "--quiet",
            "-q",
            is_flag=True,
            expose_value=False,
            callback=remember("quiet"),
            help="No progress display or warnings.",
        ),
        click.option(
            "--verbose",
            "-v",
            is_flag=True,
            expose_value=False,
            callback=remember("verbose"),
            help="Say more, e.g. which addresses have no free/busy.",
        ),
        click.option(
            "--lang",
            type=click.Choice(["de", "en"]),
            expose_value=False,
            callback=remember("lang"),
            help="Language of the output (default: config).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.group(cls=PlannerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="planner", prog_name="planner")
@click.option(
    "-V",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _p, value: _print_version(ctx) if value else None,
    help="Show the version and exit.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.option(
    "--lang",
    type=click.Choice(["de", "en"]),
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _p, value: _setup(ctx, False, False, value) if value else None,
    help="Language of the output and of --help (default: config, or a German locale).",
)
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Get the important meetings back to the table.

    Reads your calendars (.ics, Google, Outlook, CalDAV), tells which meetings are in person and
    which are virtual, and proposes in-person slots and venues for the ones that deserve it.
    Try: planner week --demo
    """
    if debug:
        ctx.meta["planner.debug"] = True
    handler = _WarningHandler()
    logger = logging.getLogger("planner")
    logger.handlers = [handler]
    logger.propagate = False
    logger.setLevel(logging.DEBUG if debug else logging.WARNING)  # --debug: the parsers' words
    _library_warnings(debug)


def run() -> None:
    """The ``planner`` program (``python -m planner`` too): :func:`main`, and then the process
    ends without Python's cycle collector walking every object still alive one last time (a
    week of 50,000 meetings: 0.7 s; an ordinary week: 20 ms). Nothing is lost by it: every
    file and database write has finished and ``atexit`` handlers run as before; only
    reference cycles left at exit are not collected, which ending the process does anyway.
    In-process callers (tests) call :func:`main`, whose objects are collected as ever.

    The collector's thresholds for a command (:data:`COLLECTION_THRESHOLDS`) are set here
    too, so that :meth:`PlannerGroup.main` finds them set and leaves them: putting Python's
    back as the command ends started a collection of every object made since the last one
    (20 ms of an ordinary week) just before the process ended."""
    import gc

    gc.set_threshold(*COLLECTION_THRESHOLDS)
    try:
        main(prog_name="planner")
    finally:
        gc.freeze()
