"""``--help`` in the user's language.

Help texts stay plain English strings in the decorators (so ``planner --help`` imports nothing
extra); ``scripts/update_catalog.py`` collects them with :func:`help_texts` into the gettext
catalog at build time, and when help is asked for in German (``--lang de``, or ``PLANNER_LANG``
/ ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG`` naming German) each command's texts are looked up as
it is loaded, and click's own words ("Usage:", "Options") go through the same catalog.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence

import click

HELP_FLAGS = ("--help", "-h", "help")
ENV = ("PLANNER_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def N_(message: str) -> str:
    return message


CLICK_TEXTS = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("default: {default}"),
    N_("Positional arguments"),
)


def help_language(args: Sequence[str], environ: Mapping[str, str] = os.environ) -> str | None:
    """The language to show help in, when ``args`` ask for help; None otherwise."""
    if not any(arg in HELP_FLAGS for arg in args):
        return None
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    for name in ENV:
        value = environ.get(name, "")
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return None


def use_language(language: str) -> None:
    """Show help (and everything else) in ``language``; click's words included."""
    import click.core
    import click.decorators
    import click.formatting

    from planner.i18n import _, set_language

    set_language(language)
    for module in (click.core, click.decorators, click.formatting):
        module._ = _  # type: ignore[attr-defined]


def translate(command: click.Command) -> click.Command:
    """``command`` with its help texts in the current language (once per command)."""
    from planner.i18n import _, language

    if language() == "en" or getattr(command, "_planner_language", None) == language():
        return command
    command.help = _(command.help) if command.help else command.help
    command.short_help = _(command.short_help) if command.short_help else command.short_help
    for param in command.params:
        if isinstance(param, click.Option) and param.help:
            param.help = _(param.help)
    command._planner_language = language()  # type: ignore[attr-defined]
    return command


def help_texts(
    main: click.Group, commands: Mapping[str, str], summaries: Mapping[str, str]
) -> Iterator[tuple[str, str]]:
    """``(module, text)`` for every help text of ``main``'s commands (``commands``: name →
    ``module:function``; ``summaries``: the one-line texts of ``planner --help``)."""
    ctx = click.Context(main)
    yield "planner/cli/__init__.py", main.help or ""
    for param in main.params:
        if isinstance(param, click.Option) and param.help:
            yield "planner/cli/__init__.py", param.help
    for text in summaries.values():
        yield "planner/cli/__init__.py", text
    for name in main.list_commands(ctx):
        module = commands[name].partition(":")[0].replace(".", "/") + ".py"
        command = main.get_command(ctx, name)
        if command is not None:
            yield from ((module, text) for text in _texts(command, ctx))


def _texts(command: click.Command, ctx: click.Context) -> Iterator[str]:
    if command.help:
        yield command.help
    if command.short_help:
        yield command.short_help
    for param in command.params:
        if isinstance(param, click.Option) and param.help:
            yield param.help
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None:
                yield from _texts(sub, ctx)
