"""``planner completion SHELL`` and ``planner help COMMAND``."""

from __future__ import annotations

import click

from planner.cli import common_options
from planner.errors import UsageError
from planner.i18n import _


@click.command()
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
@common_options
def completion(shell: str) -> None:
    """Print the completion script for SHELL.

    \b
    Examples:
      planner completion bash > ~/.local/share/bash-completion/completions/planner
      planner completion zsh > "${fpath[1]}/_planner"
      planner completion fish > ~/.config/fish/completions/planner.fish
    """
    from click.shell_completion import get_completion_class

    from planner.cli import main

    cls = get_completion_class(shell)
    if cls is None:  # click knows all three; a guard for older versions
        raise UsageError(_("no completion for {shell}", shell=shell))
    click.echo(cls(main, {}, "planner", "_PLANNER_COMPLETE").source())


@click.command("help")
@click.argument("command", nargs=-1)
@common_options
@click.pass_context
def help_command(ctx: click.Context, command: tuple[str, ...]) -> None:
    """Show the help of COMMAND (or of planner): planner help week, planner help config show."""
    from planner.cli import main

    target: click.Command = main
    parent = ctx.parent or ctx
    names = ["planner"]
    for name in command:
        if not isinstance(target, click.Group):
            break
        found = target.get_command(parent, name)
        if found is None:
            raise UsageError(
                _("no command '{name}'; planner --help lists them", name=" ".join(command))
            )
        target = found
        names.append(name)
    # the settings planner's commands run with (``-h``): click makes a command's help option
    # once, from the first context that asks, and ``planner X --help`` shows that one after
    with click.Context(
        target,
        info_name=" ".join(names),
        parent=None,
        help_option_names=ctx.help_option_names,
        terminal_width=ctx.terminal_width,
        max_content_width=ctx.max_content_width,
    ) as sub:
        click.echo(target.get_help(sub))
