"""Helpers shared by the command modules: config loading, week parsing, output."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from planner.errors import UsageError
from planner.i18n import _, set_language

CONFIG_PATH = "planner.config"  # ctx.meta: the --config given to a group or command


def config_option(func: Callable[..., Any] | None = None, *, existing: bool = True) -> Any:
    """``--config PATH``, the same on a group and on its commands: a command without its own
    takes the one given to its group (``planner venues --config X fetch``). With ``existing``
    a path that does not exist is refused at once, whatever the command would have done with
    it (``planner init`` and ``planner config path`` name a file yet to be written)."""

    def remember(ctx: click.Context, _param: click.Parameter, value: Path | None) -> Any:
        if value is None:
            return ctx.meta.get(CONFIG_PATH)
        if existing and not value.exists():
            from planner.config import missing_config

            raise missing_config(value)
        ctx.meta[CONFIG_PATH] = value
        return value

    option = click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        callback=remember,
        help="Config file (default: $PLANNER_CONFIG or the user config dir).",
    )
    return option(func) if func is not None else option


def demo_option(
    help: str = "Use the built-in demo calendars (offline).",
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--demo", is_flag=True, help=help)


def format_option(
    *choices: str,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--format``, one of ``choices``; the first is the default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


def output_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--output",
        "--out",  # as offer, feed and invite name it
        "-o",
        "output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to this file instead of the terminal.",
    )(func)


def load_config(config_path: Path | None) -> Any:
    """Load and validate the config; apply its language unless --lang was given. What it
    names as input (calendars, venue files, the config itself) is never written over by
    ``-o``/``--out`` (:func:`emit`, :func:`check_output`)."""
    from planner import config, paths

    cfg = config.load(config_path or paths.config_path())
    protect(inputs_of(cfg))
    return with_language(cfg)


def inputs_of(cfg: Any) -> list[tuple[Path, str]]:
    """``(path, what it is)`` of every file and folder the config makes planner read."""
    found: list[tuple[Path, str]] = []
    if cfg.path is not None:
        found.append((Path(cfg.path), _("the config file")))
    for source in cfg.calendars:
        if source.provider == "ics" and source.options.get("path"):
            found.append((Path(str(source.options["path"])).expanduser(),
                          _("calendar '{name}'", name=source.name)))  # fmt: skip
    for name in cfg["venues"]["files"]:
        found.append((Path(name).expanduser(), _("a venue file of the config")))
    return found


def protect(inputs: list[tuple[Path, str]]) -> None:
    """Remember ``inputs`` for this command: :func:`check_output` refuses to write over them."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta.setdefault("planner.inputs", []).extend(inputs)


def check_output(output: Path) -> None:
    """Raise :class:`UsageError` when ``output`` is something planner reads (the config, a
    configured calendar file or a file in a calendar folder, a venue file, the state
    database, an input of this command): an output never replaces an input."""
    from planner import paths, store

    ctx = click.get_current_context(silent=True)
    inputs = list(ctx.meta.get("planner.inputs", [])) if ctx is not None else []
    inputs.append((paths.data_location() / store.FILENAME, _("the state database")))
    target = _resolved(output)
    for path, what in inputs:
        where = _resolved(path)
        inside = path.is_dir() and where in target.parents
        if target == where or inside or _same_file(output, path):
            raise UsageError(
                _("{path} is {what}, which planner reads; it is not written over",
                  path=output, what=what),
                hint=_("choose another file for the output"),
            )  # fmt: skip


def _resolved(path: Path) -> Path:
    try:
        return path.expanduser().resolve(strict=False)
    except (OSError, RuntimeError):
        return path.expanduser().absolute()


def _same_file(a: Path, b: Path) -> bool:
    import os

    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def require_calendars(cfg: Any) -> Any:
    """``cfg``; a warning says how to add a calendar when it has none (the output would be
    empty without saying why)."""
    if not cfg.calendars:
        import logging

        logging.getLogger("planner").warning(
            _(
                "{path}: no calendar is configured; add a [[calendars]] entry "
                "(planner config edit; planner config example shows every kind) "
                "or run planner init --force --ics FILE_OR_URL",
                path=cfg.path or _("the config"),
            )
        )
    return cfg


def with_language(cfg: Any) -> Any:
    """``cfg`` with the language of the output: ``--lang`` wins over ``[user] language``, so
    that invitations are written in it too."""
    from dataclasses import replace

    from planner.i18n import language

    apply_language(cfg.user["language"])
    if language() == cfg.user["language"]:
        return cfg
    user = {**cfg.user, "language": language()}
    return replace(cfg, sections={**cfg.sections, "user": user})


def apply_language(configured: str) -> None:
    """Use the config's language unless ``--lang`` (or ``$PLANNER_LANG``) chose one."""
    import os

    ctx = click.get_current_context(silent=True)
    chosen = ctx.meta.get("planner.lang") if ctx else None
    wanted = os.environ.get("PLANNER_LANG", "")
    from_env = "de" if wanted.lower().startswith("de") else "en" if wanted else None
    set_language(chosen or from_env or configured)


def quiet() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.meta.get("planner.quiet"))


def parse_week(week: str | None, start: str | None, today: date | datetime) -> date:
    """The first day of the plan: ``--week`` (next, last, +1, W49, 2026-W49, a date: its
    Monday), ``--start DATE``, or this week's Monday (from Friday 18:00 on, next week's when
    ``today`` is a datetime; see :func:`planner.cli.dates.default_monday`)."""
    from planner.cli import dates

    if week and start:
        raise UsageError(_("use either --week or --start, not both"))
    now = _as_now(today)
    if week:
        return plannable(dates.parse_week(week, now), "--week", week)
    if start:
        return plannable(dates.parse_date(start, now, "--start"), "--start", start)
    if isinstance(today, datetime):
        return dates.default_monday(now)[0]
    return dates.monday_of(now.date())


def plannable(day: date, option: str, text: str) -> date:
    """``day``, when a week from it can be planned (a year on either side fits in a date)."""
    if not 1971 <= day.year <= 2199:
        raise UsageError(
            _("{option} {text} is out of range; give a date between 1971 and 2199",
              option=option, text=text)
        )  # fmt: skip
    return day


def now_in(tz: Any) -> datetime:
    """The current time in ``tz``: every command asks here (tests set one clock for all)."""
    return datetime.now(tz)


def _as_now(today: date | datetime) -> datetime:
    if isinstance(today, datetime):
        return today
    return datetime.combine(today, datetime.now().time())


def parse_date(text: str, option: str, now: datetime | None = None) -> date:
    """A day as people write it (see :mod:`planner.cli.dates`)."""
    from planner.cli import dates

    return dates.parse_date(text, now or datetime.now().astimezone(), option)


def parse_datetime(text: str, option: str, tz: Any, now: datetime | None = None) -> datetime:
    """A moment in the user's zone, or in the zone typed after it: ``2026-12-07T12:30``,
    ``tomorrow 12:30``, ``morgen 12:30``, ``… 09:00 America/New_York``, ``… -05:00``; which
    zone an abbreviation was taken as is said on stderr."""
    from planner.cli import dates

    placed = dates.parse_moment(text, now or datetime.now(tz), option, tz)
    if placed.note and not quiet():
        click.echo(placed.note, err=True)
    return placed.moment


def emit(text: str, output: Path | None) -> None:
    """Print ``text``, or write it to ``output`` completely or not at all: never over an input
    (:func:`check_output`), a symlink, a device or a folder (:func:`planner.paths.write_atomic`)."""
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    from planner.paths import write_atomic

    check_output(output)
    try:
        write_atomic(output, text)
    except OSError as exc:
        raise UsageError(
            _("{path}: cannot write: {error}", path=output, error=exc.strerror or exc)
        ) from None
    if not quiet():
        click.echo(_("wrote {path}", path=output), err=True)


def table_width(output: Path | None = None) -> int:
    """Columns for a table: the terminal's (80 to 200), or 120 when writing to a file."""
    from planner.render.fit import terminal_width

    return 120 if output is not None else terminal_width()


def is_terminal() -> bool:
    return sys.stdout.isatty()


@contextmanager
def planner_context(
    demo: bool, config_path: Path | None, first_day: date | None = None
) -> Iterator[tuple[Any, Any, Any, datetime]]:
    """``(config, ledger store, state store, now)`` for a command, real or demo.

    The demo reads its generated calendars, keeps its ledger in memory, its saved proposals and
    sent invitations in a file apart from the user's state, and its "now" is Monday 07:00 of
    the week shown.
    """
    from planner import api
    from planner.store import Store, open_store

    if demo:
        from zoneinfo import ZoneInfo

        from planner.demo import CONFIG

        apply_language(CONFIG["user"]["language"])
        tz = ZoneInfo(CONFIG["user"]["timezone"])
        monday = first_day or parse_week(None, None, now_in(tz))
        with api.demo_session(monday) as (config, monday):
            now = api.demo_now(config, monday)
            yield with_language(config), Store(":memory:"), api.demo_store(), now
        return
    config = require_calendars(load_config(config_path))
    store = open_store()
    yield config, store, store, now_in(config.tz)
