"""``--help`` and click's own messages in the user's language.

Help texts stay plain English strings in the decorators (so ``planner --help`` imports nothing
extra); ``scripts/update_catalog.py`` collects them with :func:`help_texts` into the gettext
catalog at build time, together with click's own messages ("Missing argument", "No such
option", "is not one of …", read from click's sources with the same extractor). Click looks its
messages up through the classic gettext API (``from gettext import gettext as _`` in each of
its modules); :func:`install_click` points those names at planner's catalog, so that click
speaks the language chosen before the arguments are parsed (:func:`startup_language`): ``--lang``,
``PLANNER_LANG``, the config's ``[user] language``, else a German locale (``LC_ALL`` /
``LC_MESSAGES`` / ``LANG``). Each command's help texts are looked up as it is loaded.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import click

LOCALE_ENV = ("LC_ALL", "LC_MESSAGES", "LANG")
#: click's modules that translate their messages with ``_`` / ``ngettext`` (classic gettext).
CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.shell_completion",
    "click.termui",
    "click.types",
    "click.utils",
)


def N_(message: str) -> str:
    return message


CLICK_TEXTS = (
    N_("[OPTIONS]"),
    N_("COMMAND [ARGS]..."),
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("default: {default}"),
    N_("Positional arguments"),
)


def startup_language(args: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """The language of everything said before the config is read (click's errors, ``init``'s
    first question): ``--lang``, ``PLANNER_LANG``, the ``[user] language`` of the config file
    (``--config``, ``$PLANNER_CONFIG`` or the default place), else the locale."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    if environ.get("PLANNER_LANG"):
        return _known(environ["PLANNER_LANG"])
    configured = _config_language(args, environ)
    if configured:
        return configured
    return locale_language(environ)


def locale_language(environ: Mapping[str, str] = os.environ) -> str:
    """``de`` for a German locale, else ``en``."""
    for name in LOCALE_ENV:
        value = environ.get(name, "")
        if value:
            return _known(value)
    return "en"


def _known(value: str) -> str:
    return "de" if value.lower().startswith("de") else "en"


def _config_language(args: Sequence[str], environ: Mapping[str, str]) -> str | None:
    """The config file's ``[user] language`` ("en" when the file has none: the config's
    default); None without a readable config file. Read with tomllib alone: cheap; and
    through :func:`planner.paths.read_input`, so a FIFO or device named as the config never
    hangs the run before the command can refuse it."""
    import tomllib

    from planner import paths

    path: Path | None = None
    for index, arg in enumerate(args):
        if arg == "--config" and index + 1 < len(args):
            path = Path(args[index + 1])
        elif arg.startswith("--config="):
            path = Path(arg.split("=", 1)[1])
    if path is None:
        path = paths.config_path()
    try:
        user = tomllib.loads(paths.read_text_input(path.expanduser())).get("user") or {}
    except (OSError, ValueError):
        return None
    language = user.get("language", "en") if isinstance(user, dict) else "en"
    return language if language in ("de", "en") else None


def use_language(language: str) -> None:
    """Show help (and everything else) in ``language``; click's words included."""
    from planner.i18n import set_language

    set_language(language)
    install_click()


def install_click() -> None:
    """Let click's own messages go through planner's catalog, in the current language."""
    import importlib

    from planner.i18n import plain_gettext, plain_ngettext

    for name in CLICK_MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = plain_gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = plain_ngettext  # type: ignore[attr-defined]


def translate(command: click.Command) -> click.Command:
    """``command`` with its help texts in the current language. The English texts are kept on
    the command, so a later run in another language (tests run many in one process) starts
    from them again."""
    from planner.i18n import _, language

    # a command never translated is not surely English: a click.Path named its value ("FILE")
    # in the language spoken when the command's module was imported
    if getattr(command, "_planner_language", None) == language():
        return command
    source = _english(command)
    say = (lambda text: _(text) if text else text) if language() != "en" else (lambda t: t)
    command.help = say(source["help"])
    command.short_help = say(source["short_help"])
    command.options_metavar = say(source["options_metavar"])
    if isinstance(command, click.Group):
        command.subcommand_metavar = say(source["subcommand_metavar"])
        for sub in command.commands.values():
            translate(sub)
    for param, text in zip(command.params, source["params"], strict=True):
        if isinstance(param, click.Option):
            param.help = say(text)
        if isinstance(param.type, click.Path):  # its metavar: named once, when it was made
            param.type.name = say(_path_kind(param.type))
    helper = getattr(command, "_help_option", None)  # click makes it once, in one language
    if isinstance(helper, click.Option):
        helper.help = _("Show this message and exit.")
    command._planner_language = language()  # type: ignore[attr-defined]
    return command


def _path_kind(kind: click.Path) -> str:
    """The English name click gives a path option's value (``FILE`` in its help)."""
    if kind.file_okay and not kind.dir_okay:
        return "file"
    return "directory" if kind.dir_okay and not kind.file_okay else "path"


def _english(command: click.Command) -> dict[str, object]:
    """The command's English help texts, saved on it the first time it is translated."""
    saved = getattr(command, "_planner_english", None)
    if saved is None:
        saved = {
            "help": command.help,
            "short_help": command.short_help,
            "options_metavar": command.options_metavar,
            "subcommand_metavar": getattr(command, "subcommand_metavar", None),
            "params": [p.help if isinstance(p, click.Option) else None for p in command.params],
        }
        command._planner_english = saved  # type: ignore[attr-defined]
    return saved


def help_texts(
    main: click.Group, commands: Mapping[str, str], summaries: Mapping[str, str]
) -> Iterator[tuple[str, str]]:
    """``(module, text)`` for every help text of ``main``'s commands (``commands``: name →
    ``module:function``; ``summaries``: the one-line texts of ``planner --help``)."""
    ctx = click.Context(main)
    source = _english(main)
    yield "planner/cli/__init__.py", str(source["help"] or "")
    for text in source["params"]:  # type: ignore[attr-defined]
        if text:
            yield "planner/cli/__init__.py", str(text)
    for text in summaries.values():
        yield "planner/cli/__init__.py", text
    for name in main.list_commands(ctx):
        module = commands[name].partition(":")[0].replace(".", "/") + ".py"
        command = main.get_command(ctx, name)
        if command is not None:
            yield from ((module, text) for text in _texts(command, ctx))


def _texts(command: click.Command, ctx: click.Context) -> Iterator[str]:
    source = _english(command)
    for key in ("help", "short_help"):
        if source[key]:
            yield str(source[key])
    for text in source["params"]:  # type: ignore[attr-defined]
        if text:
            yield str(text)
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None:
                yield from _texts(sub, ctx)
